//! The answers the embed asks the engine's thread for, and no others: a scenario's outcome
//! (`Job::Outcome`, its own and the preset's baseline) and the national plan
//! (`Job::National`, for `embed=national`). The embed reads its replies as `EmbedAnswer`
//! (`compute::install_workers_reading`), so its bundle has no code to read a goal-seek's, a
//! plan's or the bands' answers. Each variant reads exactly as `Answer`'s of the same name.

use crate::engine::jobs::Answer;
use crate::engine::regions::NationalOutcome;
use crate::engine::Outcome;
use serde::{Deserialize, Serialize};

/// An `Answer` the embed asks for.
#[derive(Debug, PartialEq, Serialize, Deserialize)]
pub enum EmbedAnswer {
    Outcome(Box<Outcome>),
    National(Box<Result<NationalOutcome, String>>),
    Invalid(String),
}

impl From<EmbedAnswer> for Answer {
    fn from(answer: EmbedAnswer) -> Self {
        match answer {
            EmbedAnswer::Outcome(o) => Answer::Outcome(o),
            EmbedAnswer::National(n) => Answer::National(n),
            EmbedAnswer::Invalid(why) => Answer::Invalid(why),
        }
    }
}

impl crate::ui::compute::worker::ReadAs for EmbedAnswer {
    fn read(self) -> Result<Answer, String> {
        Ok(self.into())
    }
}

/// Only for the worker's side of the type (which always writes `Answer`s): an answer the
/// embed never asks for becomes `Invalid`, naming it.
impl From<Answer> for EmbedAnswer {
    fn from(answer: Answer) -> Self {
        match answer {
            Answer::Outcome(o) => EmbedAnswer::Outcome(o),
            Answer::National(n) => EmbedAnswer::National(n),
            Answer::Invalid(why) => EmbedAnswer::Invalid(why),
            other => EmbedAnswer::Invalid(format!("not an embed's answer: {other:?}")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::jobs::{Engine, Job};
    use crate::engine::presets;

    /// What the worker writes as an `Answer` reads back, as an `EmbedAnswer`, to the same answer.
    fn reads_back(answer: Answer) {
        let text = serde_json::to_string(&answer).unwrap();
        let read: EmbedAnswer = serde_json::from_str(&text).unwrap();
        assert_eq!(Answer::from(read), answer);
    }

    #[test]
    fn the_embeds_answers_read_as_the_workers() {
        let engine = Engine::embedded().unwrap();
        let scenario = presets::load("ambon").unwrap();
        let outcome = engine.run(&Job::Outcome(scenario.clone()));
        assert!(matches!(outcome, Answer::Outcome(_)));
        reads_back(outcome);
        let national = engine.run(&Job::National(Vec::new()));
        assert!(matches!(national, Answer::National(_)));
        reads_back(national);
        reads_back(Answer::Invalid("parameters differ".into()));
    }

    #[test]
    fn an_answer_the_embed_never_asks_for_is_named_not_lost() {
        let scenario = presets::load("ambon").unwrap();
        let engine = Engine::embedded().unwrap();
        let plan = engine.run(&Job::Plan {
            scenario,
            sources: vec![0],
        });
        match EmbedAnswer::from(plan) {
            EmbedAnswer::Invalid(why) => assert!(why.starts_with("not an embed's answer: Plan")),
            other => panic!("expected Invalid, got {other:?}"),
        }
    }
}
