//! The region picker's text ("Pilih wilayah"), a region's name in English, and the note that
//! explains a region's estimated pekerja rentan. `engine::regions` holds the figures.

use crate::engine::regions::{Basis, Estimate, Place};
use crate::engine::scenario::RegionKind;
use crate::locale::format;
use crate::locale::Lang;
use rust_decimal::Decimal;

/// A fixed piece of the picker's text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Text {
    Label,
    Placeholder,
    Hint,
    NoMatch,
    Estimate,
}

pub fn text(key: Text, lang: Lang) -> &'static str {
    let (id, en) = match key {
        Text::Label => ("Pilih wilayah (514 kabupaten/kota, 38 provinsi)", "Choose a region (514 regencies and cities, 38 provinces)"),
        Text::Placeholder => ("mis. sleman, kota amb, 64.74", "e.g. sleman, ambon city, 64.74"),
        Text::Hint => (
            "Memilih wilayah membuka skenario awal dari data: penduduk, desa, kelurahan, perkiraan pekerja rentan, dan satu sumber APBD untuk diisi.",
            "Choosing a region opens a starting scenario from data: population, villages (desa and kelurahan), the estimated number of vulnerable workers, and one APBD source to fill in.",
        ),
        Text::NoMatch => ("Tidak ada wilayah yang cocok.", "No region matches."),
        Text::Estimate => ("perkiraan", "estimate"),
    };
    match lang {
        Lang::Id => id,
        Lang::En => en,
    }
}

/// The region's name in `lang`: "Kota Ambon" / "Ambon City", "Kabupaten Sleman" / "Sleman
/// Regency", "Provinsi Maluku" / "Maluku Province".
pub fn name(place: Place<'_>, lang: Lang) -> String {
    match lang {
        Lang::Id => place.name(),
        Lang::En => {
            let kind = match place.kind() {
                RegionKind::Kota => "City",
                RegionKind::Kabupaten => "Regency",
                RegionKind::Provinsi => "Province",
            };
            format!("{} {kind}", place.base_name())
        }
    }
}

/// One result line: "Kota Ambon — Maluku · ±71.660 pekerja rentan (perkiraan)".
pub fn result_line(place: Place<'_>, workers: u64, lang: Lang) -> String {
    let n = format::number(workers, lang);
    match (place.kind(), lang) {
        (RegionKind::Provinsi, Lang::Id) => {
            format!("{} · ±{n} pekerja rentan (perkiraan)", name(place, lang))
        }
        (RegionKind::Provinsi, Lang::En) => format!(
            "{} · about {n} vulnerable workers (estimate)",
            name(place, lang)
        ),
        (_, Lang::Id) => format!(
            "{} — {} · ±{n} pekerja rentan (perkiraan)",
            name(place, lang),
            place.province_name()
        ),
        (_, Lang::En) => format!(
            "{} — {} · about {n} vulnerable workers (estimate)",
            name(place, lang),
            place.province_name()
        ),
    }
}

fn pct(x: Decimal, lang: Lang) -> String {
    format::decimal(x * Decimal::ONE_HUNDRED, 2, lang) + "%"
}

/// How the region's pekerja rentan were estimated, factor by factor, with each factor's source.
pub fn estimate_note(place: Place<'_>, e: &Estimate, lang: Lang) -> String {
    let employed = match (e.employed_basis, lang) {
        (Basis::Province, Lang::Id) => format!(
            "{} bekerja (BPS provinsi, Agustus 2023)",
            pct(e.employed_share, lang)
        ),
        (Basis::Province, Lang::En) => format!(
            "{} in work (BPS, the province, August 2023)",
            pct(e.employed_share, lang)
        ),
        (_, Lang::Id) => format!(
            "{} bekerja (nasional, BPS Agustus 2024)",
            pct(e.employed_share, lang)
        ),
        (_, Lang::En) => format!(
            "{} in work (national, BPS August 2024)",
            pct(e.employed_share, lang)
        ),
    };
    let informal = match (e.informal_basis, lang) {
        (Basis::Province, Lang::Id) => format!(
            "{} informal ({}, BPS Agustus 2023)",
            pct(e.informal_share, lang),
            place.province_name()
        ),
        (Basis::Province, Lang::En) => format!(
            "{} informal ({}, BPS August 2023)",
            pct(e.informal_share, lang),
            place.province_name()
        ),
        (Basis::OldPapuaBoundary, Lang::Id) => format!(
            "{} informal (BPS, batas lama Papua, Agustus 2023)",
            pct(e.informal_share, lang)
        ),
        (Basis::OldPapuaBoundary, Lang::En) => format!(
            "{} informal (BPS, old Papua boundaries, August 2023)",
            pct(e.informal_share, lang)
        ),
        (Basis::National, Lang::Id) => format!(
            "{} informal (nasional, BPS Agustus 2024)",
            pct(e.informal_share, lang)
        ),
        (Basis::National, Lang::En) => format!(
            "{} informal (national, BPS August 2024)",
            pct(e.informal_share, lang)
        ),
    };
    let population = format::number(e.population, lang);
    let workers = format::number(e.workers, lang);
    let vulnerable = pct(e.vulnerable_share, lang);
    match lang {
        Lang::Id => format!(
            "Pekerja rentan {} adalah perkiraan: {population} penduduk (Dukcapil, Desember 2024) × {employed} × {informal} × {vulnerable} rentan (perkiraan, dicocokkan dengan 70.000 pekerja rentan Kota Ambon) = {workers}. Ketik angka daerah Anda bila ada.",
            name(place, lang)
        ),
        Lang::En => format!(
            "The vulnerable workers of {} are an estimate: {population} residents (Dukcapil, December 2024) × {employed} × {informal} × {vulnerable} vulnerable (an estimate, matched to Kota Ambon's 70,000) = {workers}. Type your region's own count if you have one.",
            name(place, lang)
        ),
    }
}
