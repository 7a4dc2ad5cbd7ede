//! The engine's jobs (`engine::jobs`), which the web app sends to its background threads as
//! JSON: each answer equals the direct call, survives the trip through JSON unchanged, and a
//! scenario that does not validate gets a message instead of a panic.

use payung::engine::jobs::{Answer, Engine, Job};
use payung::engine::solve::solve_budget;
use payung::engine::uncertainty::{bands, Assumptions};
use payung::engine::{presets, simulate};

fn engine() -> Engine {
    Engine::embedded().expect("embedded data loads")
}

/// The answer after a round trip through JSON, as it crosses to the page.
fn through_json(answer: &Answer) -> Answer {
    let text = serde_json::to_string(answer).expect("answers serialise");
    serde_json::from_str(&text).expect("answers read back")
}

#[test]
fn every_preset_outcome_equals_the_direct_run_and_survives_json() {
    let e = engine();
    for id in presets::IDS {
        let sc = presets::load(id).unwrap();
        let direct = simulate(e.params(), &sc.clone().validate(e.params()).unwrap());
        let answer = e.run(&Job::Outcome(sc));
        assert_eq!(answer, Answer::Outcome(Box::new(direct)), "{id}");
        assert_eq!(through_json(&answer), answer, "{id}");
    }
}

#[test]
fn goal_seek_plan_bands_and_tornado_survive_json() {
    let e = engine();
    let sc = presets::load("ambon").unwrap();
    let valid = sc.clone().validate(e.params()).unwrap();
    let seek = e.run(&Job::GoalSeek {
        scenario: sc.clone(),
        source: 0,
        current: None,
    });
    match &seek {
        Answer::GoalSeek { need, current } => {
            assert_eq!(*need, solve_budget(e.params(), &valid, 0));
            assert_eq!(*current, None);
        }
        other => panic!("goal-seek answered {other:?}"),
    }
    let a = Assumptions::embedded().unwrap();
    let run = e.run(&Job::Bands {
        scenario: sc.clone(),
        draws: 50,
        seed: 7,
    });
    assert_eq!(
        run,
        Answer::Bands(Box::new(bands(e.params(), &valid, &a, 50, 7)))
    );
    let plan = e.run(&Job::Plan {
        scenario: sc.clone(),
        sources: vec![0],
    });
    assert!(matches!(&plan, Answer::Plan(p) if p.is_ok()), "{plan:?}");
    let tornado = e.run(&Job::Tornado(sc));
    assert!(matches!(&tornado, Answer::Tornado(Ok(bars)) if bars.len() == a.0.len()));
    for answer in [seek, run, plan, tornado] {
        assert_eq!(through_json(&answer), answer);
    }
}

#[test]
fn an_invalid_scenario_gets_a_message_and_comparisons_keep_the_valid_ones() {
    let e = engine();
    let mut bad = presets::load("ambon").unwrap();
    bad.horizon.years = 0;
    match e.run(&Job::Outcome(bad.clone())) {
        Answer::Invalid(message) => assert!(message.contains("horizon"), "{message}"),
        other => panic!("an invalid scenario answered {other:?}"),
    }
    let good = presets::load("bontang").unwrap();
    match e.run(&Job::Outcomes(vec![good, bad])) {
        Answer::Outcomes(list) => {
            assert_eq!(list.len(), 2);
            assert!(list[0].is_ok());
            assert!(list[1].is_err());
        }
        other => panic!("a comparison answered {other:?}"),
    }
}
