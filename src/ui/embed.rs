//! Embed mode: what an `<iframe>` on someone else's page may ask of Payung, and nothing more.
//!
//! The host page speaks to the embed only through the query string of the iframe's address
//! (`?embed=1&preset=ambon&controls=budget,jht&chart=coverage&lang=id`). This module reads
//! it into an `EmbedConfig`, checking every parameter as strictly as a share link: a name
//! it does not know, a value outside the vocabulary, a bad colour or a share payload that
//! does not open falls back to a sensible default and becomes a `Notice` that names the
//! parameter, so the frame is never blank (`query`). It also writes the address and the
//! `<iframe>` snippet back (`snippet`), for the generator in the full app. The vocabulary
//! is in `choice`, the colours in `theme`, the engine's answers it reads in `answer`; this
//! file holds the protocol with the host page and the scenario the embed starts on.
//!
//! The embed talks back with exactly one message, posted to `window.parent`:
//! `{ "type": "payung:height", "height": <CSS pixels, a whole number> }` (`MESSAGE_TYPE`).
//! It listens to no message at all.
//!
//! This module is pure (no browser crates), so it is tested natively in `tests/embed.rs`.
//! Its words (labels, notices, the frame's title) are in the catalogue, `ui::i18n::embed`,
//! which reads `choice`, `query` and `theme` and nothing else of the embed.
//! It must not know the DOM, Yew or storage: `components::embed_view` shows the embed and
//! `components::embed_generator` builds snippets.

pub mod answer;
pub mod choice;
pub mod query;
pub mod snippet;
pub mod theme;

pub use answer::EmbedAnswer;
pub use choice::{ChartChoice, Control, ControlInput, Headline};
pub use query::{
    parse, EmbedConfig, Notice, NoticeProblem, MAX_HEADLINES, MAX_NOTICES, PARAMETERS,
};
pub use snippet::{embed_url, iframe_snippet, query};
pub use theme::{contrast, Theme};

use crate::engine::{presets, Parameters, ValidScenario};
use crate::ui::share;
use query::colour;

/// The `type` of the one message the embed posts to its parent: its height.
pub const MESSAGE_TYPE: &str = "payung:height";

/// Heights the resize scripts accept, in CSS pixels; anything else is ignored.
pub const MAX_HEIGHT: u32 = 10_000;

/// The height a message carries, if it has exactly the documented shape: `type` is
/// `MESSAGE_TYPE` and `height` a number in 1..=`MAX_HEIGHT` (rounded up). The generator's
/// preview uses it; the snippet's script applies the same checks in JavaScript.
pub fn read_height(kind: Option<&str>, height: Option<f64>) -> Option<u32> {
    let height = height?;
    (kind? == MESSAGE_TYPE && height > 0.0 && height <= f64::from(MAX_HEIGHT))
        .then(|| height.ceil() as u32)
}

/// The scenario an embed opens on, and the notices about getting there.
#[derive(Clone, Debug, PartialEq)]
pub struct Start {
    pub valid: ValidScenario,
    pub notices: Vec<Notice>,
}

/// Opens the share payload, or else the preset, or else the default preset; then names
/// the chosen controls that this scenario has nothing for. `Err` only if no embedded
/// preset validates (the engine's own tests rule that out).
pub fn start(config: &EmbedConfig, params: &Parameters) -> Result<Start, String> {
    let mut notices = Vec::new();
    let mut valid = None;
    if let Some(payload) = &config.share {
        match share::decode(&format!("{}={payload}", share::KEY), params) {
            Ok(v) => valid = Some(v),
            Err(error) => notices.push(Notice {
                param: share::KEY.to_string(),
                problem: NoticeProblem::Share {
                    error,
                    using: config.preset.clone(),
                },
            }),
        }
    }
    let valid = match valid {
        Some(v) => v,
        None => {
            let mut last = String::new();
            let mut found = None;
            for id in [config.preset.as_str(), presets::DEFAULT, "custom"] {
                match presets::load(id)
                    .map_err(|e| e.to_string())
                    .and_then(|sc| sc.validate(params).map_err(|e| e.to_string()))
                {
                    Ok(v) => {
                        found = Some(v);
                        break;
                    }
                    Err(e) => last = e,
                }
            }
            found.ok_or(last)?
        }
    };
    for &control in &config.controls {
        if control.input(valid.scenario()).is_none() {
            notices.push(Notice {
                param: "controls".to_string(),
                problem: NoticeProblem::ControlUnavailable { control },
            });
        }
    }
    Ok(Start { valid, notices })
}

/// The CSS custom properties for the embed's root element: the accent, readable text on
/// it (black or white, whichever contrasts more), and a link colour that keeps 4.5:1 on
/// the theme's background (the theme's own when the accent is too faint). Empty without
/// an accent; the theme itself is a class (`embed dark`).
pub fn style(config: &EmbedConfig) -> String {
    let Some(accent) = config.accent.as_deref().and_then(colour) else {
        return String::new();
    };
    let on_accent = match (contrast(&accent, "#ffffff"), contrast(&accent, "#000000")) {
        (Some(white), Some(black)) if black > white => "#000000",
        _ => "#ffffff",
    };
    let link = match contrast(&accent, config.theme.background()) {
        Some(c) if c >= 4.5 => accent.as_str(),
        _ => config.theme.link(),
    };
    format!("--accent:{accent};--accent-text:{on_accent};--accent-link:{link};--focus:{accent}")
}
