//! The seed regions as data files (`data/presets/*.json`), embedded at compile time.
//! Each file records where its figures come from and which are estimates.

use super::scenario::Scenario;
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

/// Where a preset figure comes from: [C] stated, [D] derived, [E] estimated. The text is in
/// both languages; `source` names the article, regulation or data set that holds the figure,
/// and `href` links to it where it is online (empty otherwise).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceNote {
    pub field: String,
    pub tag: String,
    pub text_id: String,
    pub text_en: String,
    pub source: String,
    pub href: String,
}

/// A preset file: a scenario plus its provenance.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Preset {
    pub id: String,
    pub title: String,
    pub notes: Vec<SourceNote>,
    pub scenario: Scenario,
}

/// Preset ids in display order; the first is the default on first open.
pub const IDS: [&str; 6] = [
    "ambon",
    "maluku",
    "bontang",
    "kota-jambi",
    "jambi-bkbk",
    "custom",
];

/// The preset opened on first visit.
pub const DEFAULT: &str = "ambon";

fn text(id: &str) -> Option<&'static str> {
    Some(match id {
        "ambon" => include_str!("../../data/presets/ambon.json"),
        "maluku" => include_str!("../../data/presets/maluku.json"),
        "bontang" => include_str!("../../data/presets/bontang.json"),
        "kota-jambi" => include_str!("../../data/presets/kota-jambi.json"),
        "jambi-bkbk" => include_str!("../../data/presets/jambi-bkbk.json"),
        "custom" => include_str!("../../data/presets/custom.json"),
        _ => return None,
    })
}

/// Why a preset could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum PresetError {
    /// No preset has this id.
    #[error(
        "unknown preset `{0}` (known: ambon, maluku, bontang, kota-jambi, jambi-bkbk, custom)"
    )]
    Unknown(String),
    /// The embedded file does not parse (caught by tests).
    #[error("preset `{0}` is malformed: {1}")]
    Malformed(String, String),
}

/// Every preset, parsed once: the UI asks for presets on each change (titles for the
/// selector, the base of a share link), and parsing the embedded JSON each time is wasted.
fn parsed(id: &str) -> Result<&'static Preset, PresetError> {
    // Each preset is read the first time it is asked for, so opening the app reads only
    // the one it opens with.
    static EACH: [OnceLock<Result<Preset, String>>; IDS.len()] =
        [const { OnceLock::new() }; IDS.len()];
    let index = IDS
        .iter()
        .position(|known| *known == id)
        .ok_or_else(|| PresetError::Unknown(id.to_string()))?;
    EACH[index]
        .get_or_init(|| {
            text(id).map_or(Err(String::new()), |raw| {
                serde_json::from_str(raw).map_err(|e| e.to_string())
            })
        })
        .as_ref()
        .map_err(|e| PresetError::Malformed(id.to_string(), e.clone()))
}

/// The full preset with its notes.
pub fn preset(id: &str) -> Result<Preset, PresetError> {
    parsed(id).cloned()
}

/// Just the scenario of a preset.
pub fn load(id: &str) -> Result<Scenario, PresetError> {
    parsed(id).map(|p| p.scenario.clone())
}

/// A preset's display title, without copying the preset.
pub fn title(id: &str) -> Option<&'static str> {
    parsed(id).ok().map(|p| p.title.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::Parameters;

    #[test]
    fn every_preset_parses_validates_and_records_its_sources() {
        let params = Parameters::embedded().unwrap();
        for id in IDS {
            let p = preset(id).unwrap();
            assert_eq!(p.id, id);
            assert_eq!(p.scenario.preset, id);
            assert!(!p.notes.is_empty(), "{id} has no source notes");
            p.scenario
                .validate(&params)
                .unwrap_or_else(|e| panic!("{id}: {e}"));
        }
    }

    #[test]
    fn presets_with_estimates_say_so() {
        for id in IDS {
            let p = preset(id).unwrap();
            assert!(
                p.notes.iter().any(|n| n.tag.contains('E')),
                "{id} marks no estimate"
            );
        }
    }

    #[test]
    fn notes_read_in_both_languages_and_stated_figures_name_their_source() {
        for id in IDS {
            for n in preset(id).unwrap().notes {
                assert!(
                    !n.text_id.is_empty() && !n.text_en.is_empty(),
                    "{id}: {n:?}"
                );
                assert_ne!(n.text_id, n.text_en, "{id}: one language twice");
                for text in [&n.text_id, &n.text_en, &n.source] {
                    for internal in ["seeds/", "domain.md", ".json", ".rs"] {
                        assert!(!text.contains(internal), "{id} names a file: {text}");
                    }
                }
                if n.tag.contains('C') {
                    assert!(
                        !n.source.is_empty(),
                        "{id}: a stated figure needs its source: {n:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn an_unknown_preset_is_an_error() {
        assert!(matches!(load("atlantis"), Err(PresetError::Unknown(_))));
    }
}
