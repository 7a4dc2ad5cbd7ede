//! The national embed (`?embed=national`): the tile map of the 38 provinces coloured by
//! final coverage, the nation's sentence and its UCJ line, worked out on the background
//! lane like the full app's national section, and a link that opens that section. The
//! tiles are not buttons: drilling down is the full app's. Like the scenario embed it
//! posts its height to the host page, writes no storage and makes no request.

use super::embed_view::{use_height_messages, with_code};
use super::national_map::{sentence, tile_map};
use super::national_ucj::ucj_block;
use crate::engine::jobs::{Answer, Job};
use crate::ui::compute::use_job;
use crate::ui::embed::{self, EmbedConfig, Notice, Theme};
use crate::ui::i18n::embed::{notice_text, Text as E};
use crate::ui::i18n::national::{text, Text};
use crate::ui::share::view::View;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub config: EmbedConfig,
    pub notices: Vec<Notice>,
}

#[component]
pub fn NationalEmbed(props: &Props) -> Html {
    let config = &props.config;
    let lang = config.lang;
    let job = use_memo((), |_| Some(Rc::new(Job::National)));
    let done = use_job((*job).clone());
    let root = use_node_ref();
    use_height_messages(&root);
    let body = match done.as_deref().map(|d| &d.answer) {
        Some(Answer::National(result)) => match &**result {
            Ok(nation) => html! {<>
                { tile_map(nation, lang, None, None) }
                <p id="national-summary" class="answer">{ sentence(&nation.nation, "Indonesia", lang) }</p>
                if let Some(path) = &nation.nation.ucj { { ucj_block(path, lang) } }
            </>},
            Err(why) => html! { <p class="embed-error" role="alert">{ why }</p> },
        },
        _ => {
            html! { <p class="embed-busy muted" aria-busy="true">{ text(Text::Computing, lang) }</p> }
        }
    };
    let full_link = format!("./#{}", View::Nation.part());
    html! {
        <div ref={root} id="embed" lang={lang.code()}
            class={classes!("embed", "embed-national", (config.theme == Theme::Dark).then_some("dark"))}
            style={embed::style(config)}>
            <p class="embed-title">{ text(Text::Title, lang) }</p>
            if !props.notices.is_empty() {
                <aside class="embed-notices" id="embed-notices" aria-label={E::NoticesTitle.get(lang)}>
                    <p class="embed-notices-title">{ E::NoticesTitle.get(lang) }</p>
                    <ul>{ for props.notices.iter().map(|n| html! { <li>{ with_code(&notice_text(n, lang)) }</li> }) }</ul>
                </aside>
            }
            <div aria-live="polite">{ body }</div>
            <p class="embed-foot">
                <a id="embed-open" href={full_link} target="_blank" rel="noopener">
                    { E::OpenFull.get(lang) }{ " ↗" }
                    <span class="sr-only">{ " " }{ E::OpenFullHint.get(lang) }</span>
                </a>
                <span class="embed-brand">{ "☂ Payung" }</span>
            </p>
        </div>
    }
}
