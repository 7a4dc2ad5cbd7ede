//! The locale layer: the language a reader chose, and values (numbers, money,
//! percentages, months and dates) written and read the way that reader writes them.
//!
//! It owns `Lang`, `format` (values into text) and `parse` (typed text into values). It sits
//! on the engine (it formats the engine's `YearMonth`) and under the charts and the UI, so
//! both say "Rp 3,0 miliar" the same way.
//!
//! It must not know the charts, the UI or its text catalogue, nor any browser crate
//! (Yew, web-sys, Gloo, wasm-bindgen, js-sys): it is plain Rust over `rust_decimal`, used on
//! the host by the CLI and the tests as well.

pub mod format;
pub mod parse;

use serde::{Deserialize, Serialize};

/// The reader's language; Bahasa Indonesia first, since the app is for Indonesian regions.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Id,
    En,
}

impl Lang {
    /// The language's code in addresses, storage and the page's `lang` attribute.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Id => "id",
            Lang::En => "en",
        }
    }

    /// Reads a code written by `code`; anything else is no language.
    pub fn from_code(code: &str) -> Option<Lang> {
        match code {
            "id" => Some(Lang::Id),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// `id` in Bahasa Indonesia, `en` in English: the one place a catalogue entry is chosen,
    /// so that each text is written in both languages side by side.
    pub fn pick<X>(self, id: X, en: X) -> X {
        match self {
            Lang::Id => id,
            Lang::En => en,
        }
    }
}
