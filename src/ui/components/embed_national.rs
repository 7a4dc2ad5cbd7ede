//! The national embed's body (`?embed=national`, inside `embed_view`): the tile map of the
//! 38 provinces coloured by final coverage, the nation's sentence and its UCJ, worked out on
//! the background lane like the full app's national section. The tiles are not buttons:
//! drilling down is the full app's. Provinces whose own sources were edited in the full app
//! come in the embed's address (`nplan=`) and are worked out as edited.

use super::national_map::{sentence, tile_map};
use super::national_ucj::ucj_block;
use crate::engine::jobs::{Answer, Job};
use crate::engine::regions;
use crate::locale::Lang;
use crate::ui::compute::use_job;
use crate::ui::i18n::national::{text, Text};
use crate::ui::i18n::province_sources::link_unreadable;
use crate::ui::share::plans;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub lang: Lang,
    /// The address's edited provinces (`nplan=` payload, `ui::share::plans`), if any.
    #[prop_or_default]
    pub plans: Option<AttrValue>,
}

#[component]
pub fn NationalEmbed(props: &Props) -> Html {
    let lang = props.lang;
    let read = use_memo(props.plans.clone(), |plans| {
        let (Some(payload), Ok(catalogue)) = (plans, regions::catalogue()) else {
            return Ok(Vec::new());
        };
        plans::provinces_of(&format!("{}={payload}", plans::KEY), catalogue)
    });
    let job = use_memo(read.clone(), |read| {
        Some(Rc::new(Job::National(
            read.as_ref().clone().unwrap_or_default(),
        )))
    });
    let done = use_job((*job).clone());
    let body = match done.as_deref().map(|d| &d.answer) {
        Some(Answer::National(result)) => match &**result {
            Ok(nation) => html! {<>
                { Html::from_html_unchecked(tile_map(nation, lang, None, false).into()) }
                <p id="national-summary" class="answer">{ sentence(&nation.nation, "Indonesia", lang) }</p>
                if let Some(path) = &nation.nation.ucj {
                    { Html::from_html_unchecked(ucj_block(path, lang).into()) }
                }
            </>},
            Err(why) => html! { <p class="embed-error" role="alert">{ why }</p> },
        },
        _ => {
            html! { <p class="embed-busy muted" aria-busy="true">{ text(Text::Computing, lang) }</p> }
        }
    };
    html! {
        <div aria-live="polite">
            if let Err(why) = &*read {
                <p class="embed-error" role="status">{ link_unreadable(why, lang) }</p>
            }
            { body }
        </div>
    }
}
