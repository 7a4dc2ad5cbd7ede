//! The language a link opens in: `lang=en`, one more `&`-separated part of the fragment
//! beside `s=…`, e.g. `#s=3.eNq…&lang=en`, so that a link copied from the English page opens
//! in English. Indonesian, the default, has no part: a link without one opens in the reader's
//! own language (saved, or the browser's), as every older link does. Pure: no browser crates.

use crate::locale::Lang;

/// The fragment part's key.
pub const KEY: &str = "lang";

/// The language a fragment (with or without `#`, or a whole address) asks for, if any.
pub fn lang_of(fragment: &str) -> Option<Lang> {
    let code = super::fragment_value(fragment, (KEY, false))?;
    Lang::from_code(&code.trim().to_ascii_lowercase())
}

/// `fragment` (without `#`) saying `lang`: its language part replaced, or removed for
/// Indonesian; the other parts keep their order, and the language goes last.
pub fn with_lang(fragment: &str, lang: Lang) -> String {
    let part = (lang != Lang::Id).then(|| format!("{KEY}={}", lang.code()));
    super::with_fragment_part(fragment, (KEY, false), part.as_deref())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_language_is_read_beside_a_scenario_or_alone() {
        assert_eq!(lang_of("#s=3.eNq&lang=en"), Some(Lang::En));
        assert_eq!(lang_of("https://x.id/app/#lang=EN&s=3.eNq"), Some(Lang::En));
        assert_eq!(lang_of("s=3.eNq&lang=id"), Some(Lang::Id));
        // Older links, and languages this build does not know, say nothing.
        assert_eq!(lang_of("#s=3.eNq&national=81"), None);
        assert_eq!(lang_of("#s=3.eNq&lang=fr"), None);
        assert_eq!(lang_of("#s=3.eNq&language=en"), None);
    }

    #[test]
    fn english_is_said_and_indonesian_is_not() {
        assert_eq!(with_lang("s=3.eNq", Lang::En), "s=3.eNq&lang=en");
        assert_eq!(
            with_lang("#s=3.eNq&lang=en&national=81", Lang::Id),
            "s=3.eNq&national=81"
        );
        assert_eq!(with_lang("s=3.eNq&lang=en", Lang::En), "s=3.eNq&lang=en");
        assert_eq!(with_lang("", Lang::En), "lang=en");
        assert_eq!(with_lang("", Lang::Id), "");
        assert_eq!(
            lang_of(&with_lang("s=3.eNq&national=", Lang::En)),
            Some(Lang::En)
        );
    }
}
