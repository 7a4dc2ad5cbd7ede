//! The presets' words in the user's language: their titles (only "Kustom" is not a proper
//! name), the names their scenarios start with, and their notes' sources without the
//! project's internal file names. A name the user typed is shown as typed.

use crate::locale::Lang;

/// A preset's title as the preset list shows it.
pub fn title(id: &str, title: &str, lang: Lang) -> String {
    match (id, lang) {
        ("custom", Lang::En) => "Custom".into(),
        _ => title.into(),
    }
}

/// The English names of the presets' own scenario names (the user may rename them).
const NAMES_EN: [(&str, &str); 6] = [
    ("Kota Ambon: kondisi 2026", "Kota Ambon: the 2026 situation"),
    (
        "Kota Bontang: sejak Oktober 2023",
        "Kota Bontang: since October 2023",
    ),
    ("Skenario baru", "New scenario"),
    ("Provinsi Jambi: BKBK 2024", "Provinsi Jambi: BKBK 2024"),
    ("Kota Jambi: Kampung Bahagia", "Kota Jambi: Kampung Bahagia"),
    ("Provinsi Maluku: PKS 2025", "Provinsi Maluku: PKS 2025"),
];

/// A scenario's name as shown: a preset's own name in the user's language, any other as typed.
pub fn scenario_name(name: &str, lang: Lang) -> String {
    match lang {
        Lang::Id => name.into(),
        Lang::En => NAMES_EN
            .iter()
            .find(|(id, _)| *id == name)
            .map_or_else(|| name.into(), |(_, en)| (*en).into()),
    }
}

/// The results' heading: the region and the scenario's shown name ("Kabupaten Sleman —
/// Opsi B"), or the name alone when it already starts with the region ("Kota Ambon: kondisi
/// 2026", not "Kota Ambon — Kota Ambon: kondisi 2026").
pub fn heading(region: &str, name: &str, lang: Lang) -> String {
    let shown = scenario_name(name, lang);
    if region.is_empty() || shown.to_lowercase().starts_with(&region.to_lowercase()) {
        shown
    } else {
        format!("{region} — {shown}")
    }
}

/// A note's source as the reader sees it: without the "Seed 000: " of the project's
/// research files, which mean nothing to the reader.
pub fn note_source(source: &str) -> &str {
    let Some(rest) = source.strip_prefix("Seed ") else {
        return source;
    };
    match rest.split_once(": ") {
        Some((number, title)) if number.chars().all(|c| c.is_ascii_digit()) => title,
        _ => source,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_heading_names_the_region_once() {
        assert_eq!(
            heading("Kota Ambon", "Kota Ambon: kondisi 2026", Lang::Id),
            "Kota Ambon: kondisi 2026"
        );
        assert_eq!(
            heading("Kabupaten Sleman", "Opsi B: APBD 6 miliar", Lang::Id),
            "Kabupaten Sleman — Opsi B: APBD 6 miliar"
        );
        assert_eq!(heading("", "Opsi B", Lang::En), "Opsi B");
    }
    use crate::engine::presets;

    #[test]
    fn no_note_source_names_an_internal_file() {
        for id in presets::IDS {
            for n in presets::preset(id).unwrap().notes {
                let shown = note_source(&n.source);
                assert!(!shown.contains("Seed "), "{id}: {shown}");
            }
        }
    }

    #[test]
    fn every_preset_scenario_name_has_an_english_name() {
        for id in presets::IDS {
            let name = presets::load(id).unwrap().name;
            assert!(NAMES_EN.iter().any(|(i, _)| *i == name), "{id}: {name}");
        }
        assert_eq!(title("custom", "Kustom", Lang::En), "Custom");
        assert_eq!(scenario_name("Anggaran 2027", Lang::En), "Anggaran 2027");
    }
}
