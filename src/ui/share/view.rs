//! Which part of the page the address opens besides the scenario: `national=` (the
//! national section, on the nation) or `national=<province code>` (drilled into that
//! province), one more `&`-separated part of the fragment beside `s=…`, e.g.
//! `#s=3.eNq…&national=81`; `national` alone is read as `national=`. Older links have no such part and open as before; a link with
//! only this part opens the scenario the user was working on. The code is read as written:
//! whether the build knows it is for the national section to say. Pure: no browser crates.

/// The fragment part's key.
pub const KEY: &str = "national";

/// The most characters of a code kept from an address (a province code has two).
const MAX_CODE: usize = 16;

/// An open national section.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum View {
    /// On the nation.
    Nation,
    /// Drilled into the province with this code (not checked here).
    Province(String),
}

impl View {
    /// The fragment part that says this view, e.g. `national=81`.
    pub fn part(&self) -> String {
        match self {
            View::Nation => format!("{KEY}="),
            View::Province(code) => format!("{KEY}={code}"),
        }
    }
}

/// The view a fragment (with or without `#`, or a whole address) asks for, if any.
pub fn view_of(fragment: &str) -> Option<View> {
    // `national` alone (as a reader might type it) is the nation, as `national=` is.
    let value = super::fragment_value(fragment, (KEY, true))?;
    let code: String = value.trim().chars().take(MAX_CODE).collect();
    Some(if code.is_empty() {
        View::Nation
    } else {
        View::Province(code)
    })
}

/// `fragment` (without `#`) with its view part set to `view`, or removed for `None`; the
/// other parts keep their order, and the view goes last.
pub fn with_view(fragment: &str, view: Option<&View>) -> String {
    super::with_fragment_part(fragment, (KEY, true), view.map(View::part).as_deref())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_view_is_read_beside_a_scenario_or_alone() {
        assert_eq!(
            view_of("#s=3.eNq&national=81"),
            Some(View::Province("81".into()))
        );
        assert_eq!(view_of("https://x.id/app/#national="), Some(View::Nation));
        assert_eq!(
            view_of("national=81&s=3.eNq"),
            Some(View::Province("81".into()))
        );
        assert_eq!(view_of("#s=3.eNq"), None);
        assert_eq!(view_of(""), None);
        // The key alone, as a reader might type it, is the nation.
        assert_eq!(view_of("#national"), Some(View::Nation));
        assert_eq!(view_of("#s=3.eNq&national"), Some(View::Nation));
        // A longer key is not this one.
        assert_eq!(view_of("#nationalx=81"), None);
        assert_eq!(view_of("#nationalx"), None);
        // A crafted code is cut, and kept as written for the section to refuse.
        let long = "9".repeat(100);
        assert_eq!(
            view_of(&format!("national={long}")),
            Some(View::Province("9".repeat(MAX_CODE)))
        );
    }

    #[test]
    fn setting_a_view_keeps_the_scenario_and_replaces_an_older_view() {
        let nation = Some(&View::Nation);
        assert_eq!(with_view("s=3.eNq", nation), "s=3.eNq&national=");
        let maluku = View::Province("81".into());
        assert_eq!(
            with_view("#s=3.eNq&national=", Some(&maluku)),
            "s=3.eNq&national=81"
        );
        assert_eq!(with_view("s=3.eNq&national=81", None), "s=3.eNq");
        assert_eq!(with_view("national&s=3.eNq", nation), "s=3.eNq&national=");
        assert_eq!(with_view("", Some(&maluku)), "national=81");
        assert_eq!(view_of(&with_view("s=3.eNq", Some(&maluku))), Some(maluku));
    }
}
