//! Where the preset's figures come from: stated [C], derived [D] or estimated [E].

use crate::engine::presets;
use crate::locale::Lang;
use crate::ui::i18n::presets as presets_text;
use crate::ui::i18n::T;
use yew::prelude::*;

#[derive(Properties, PartialEq, Clone)]
pub struct Props {
    pub preset: AttrValue,
    pub lang: Lang,
}

#[component]
pub fn PresetNotes(props: &Props) -> Html {
    let Ok(p) = presets::preset(&props.preset) else {
        return Html::default();
    };
    html! {
        <details class="preset-notes">
            <summary>{ T::PresetNotes.get(props.lang) }{ ": " }{ presets_text::title(&p.id, &p.title, props.lang) }</summary>
            <ul>
                { for p.notes.iter().map(|n| html! {
                    <li>
                        <span class={classes!("tag", n.tag.contains('E').then_some("estimate"))}>{ format!("[{}]", n.tag) }</span>
                        { " " }{ if props.lang == Lang::Id { &n.text_id } else { &n.text_en } }
                        if !n.source.is_empty() {
                            <span class="note-source">{ " — " }{ presets_text::note_source(&n.source) }</span>
                        }
                        if n.href.starts_with("https://") {
                            { " " }<a href={n.href.clone()} target="_blank" rel="noopener noreferrer">{ "↗" }</a>
                        }
                    </li>
                }) }
            </ul>
        </details>
    }
}
