//! Everything the app remembers in the browser, in one place. Storage may be blocked
//! (private mode) or full: every function degrades to "nothing remembered".

use crate::ui::i18n::Lang;
use gloo::storage::{LocalStorage, Storage};

const LANG_KEY: &str = "payung.lang";

/// The language chosen last time, if any.
pub fn load_lang() -> Option<Lang> {
    LocalStorage::get::<String>(LANG_KEY)
        .ok()
        .and_then(|c| Lang::from_code(&c))
}

/// Remembers the language; returns false if the browser refused.
pub fn save_lang(lang: Lang) -> bool {
    LocalStorage::set(LANG_KEY, lang.code()).is_ok()
}
