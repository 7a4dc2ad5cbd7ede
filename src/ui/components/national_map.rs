//! The tile map of the 38 provinces: no map data, each province a tile on a fixed grid,
//! coloured by its final coverage in fifths, with its legend, and the sentence of the
//! nation or a province. The national section makes
//! the tiles buttons that drill down; the embed shows them as plain tiles. It knows the
//! national outcome's figures and nothing of the section or the embed around it.

use crate::charts::escape;
use crate::engine::regions::{self, NationalOutcome, RegionResult};
use crate::locale::format;
use crate::locale::Lang;
use crate::ui::i18n::national::{payers, summary, text, Text};
use crate::ui::i18n::regions::name as place_name;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Each province's tile: its code, grid row and column (1-based), and short name (with a
/// soft hyphen where a narrow tile may break it).
const TILES: [(&str, u8, u8, &str); 38] = [
    ("11", 1, 1, "Aceh"),
    ("12", 2, 2, "Su\u{ad}mut"),
    ("13", 3, 2, "Sum\u{ad}bar"),
    ("14", 3, 3, "Riau"),
    ("15", 4, 3, "Jambi"),
    ("16", 5, 3, "Sum\u{ad}sel"),
    ("17", 4, 2, "Beng\u{ad}kulu"),
    ("18", 6, 3, "Lam\u{ad}pung"),
    ("19", 4, 4, "Babel"),
    ("21", 2, 4, "Kepri"),
    ("31", 6, 5, "Ja\u{ad}karta"),
    ("32", 7, 5, "Jabar"),
    ("33", 7, 6, "Ja\u{ad}teng"),
    ("34", 8, 6, "DIY"),
    ("35", 7, 7, "Jatim"),
    ("36", 7, 4, "Ban\u{ad}ten"),
    ("51", 7, 8, "Bali"),
    ("52", 7, 9, "NTB"),
    ("53", 7, 10, "NTT"),
    ("61", 3, 5, "Kal\u{ad}bar"),
    ("62", 4, 6, "Kal\u{ad}teng"),
    ("63", 4, 7, "Kalsel"),
    ("64", 2, 7, "Kal\u{ad}tim"),
    ("65", 1, 7, "Kal\u{ad}tara"),
    ("71", 1, 10, "Sulut"),
    ("72", 3, 8, "Sul\u{ad}teng"),
    ("73", 5, 9, "Sulsel"),
    ("74", 4, 10, "Sultra"),
    ("75", 2, 9, "Goron\u{ad}talo"),
    ("76", 4, 8, "Sul\u{ad}bar"),
    ("81", 4, 11, "Ma\u{ad}luku"),
    ("82", 2, 11, "Malut"),
    ("91", 3, 13, "Papua"),
    ("92", 3, 12, "Pabar"),
    ("93", 5, 13, "Pap\u{ad}sel"),
    ("94", 4, 12, "Pap\u{ad}teng"),
    ("95", 4, 13, "Papeg"),
    ("96", 3, 11, "PBD"),
];

/// The colour step of a final coverage (0–4, by fifths).
fn step(coverage: Decimal) -> u8 {
    let fifths = (coverage * Decimal::from(5)).floor();
    fifths.to_u8().unwrap_or(0).min(4)
}

/// The tiles and their legend, as markup (one piece: smaller in the bundle than a tree of
/// nodes; the national section keeps it up to date in place, `in_place`). With `buttons` each tile is a button carrying its province code in `data-code`
/// (the one equal to `chosen` pressed), for a click handler around the map (`clicked`);
/// without, a plain labelled tile.
pub fn tile_map(
    nation: &NationalOutcome,
    lang: Lang,
    chosen: Option<&str>,
    buttons: bool,
) -> String {
    let coverage_of = |code: &str| {
        nation
            .provinces
            .iter()
            .find(|p| p.province.code == code)
            .and_then(|p| p.province.years.last())
            .map(|y| y.coverage)
    };
    let mut out = format!(
        r#"<div class="tile-area"><div class="tile-map" role="group" aria-label="{}">"#,
        text(Text::MapLabel, lang)
    );
    // Without a table beside it (the embed), a map too narrow for names is followed by
    // the provinces by name, highest coverage first.
    let mut listed: Vec<(Decimal, String)> = Vec::new();
    for (code, row, col, short) in TILES {
        let coverage = coverage_of(code).unwrap_or_default();
        let place = regions::catalogue().ok().and_then(|c| c.place(code).ok());
        let plain = || short.replace('\u{ad}', "");
        let name = place.map_or_else(plain, |p| place_name(p, lang));
        if !buttons {
            // "Maluku", not "Provinsi Maluku" 38 times over.
            let base = place.map_or_else(plain, |p| p.base_name().to_string());
            listed.push((coverage, base));
        }
        let label = escape(&format!("{name}: {}", format::percent(coverage, lang)));
        let (tag, extra) = if buttons {
            let pressed = chosen == Some(code);
            (
                "button",
                format!(r#" type="button" aria-pressed="{pressed}""#),
            )
        } else {
            ("span", r#" role="img""#.to_string())
        };
        out += &format!(
            r#"<{tag} class="tile cov-{}" style="grid-row:{row};grid-column:{col}" data-code="{code}"{extra} aria-label="{label}" title="{label}"><span class="tile-name">{short}</span><span class="tile-value">{}</span></{tag}>"#,
            step(coverage),
            // One decimal on every tile, as in the table ("35,0%" beside "35,3%").
            format::percent(coverage, lang)
        );
    }
    out += "</div>";
    if !listed.is_empty() {
        listed.sort_by_key(|(coverage, _)| std::cmp::Reverse(*coverage));
        out += r#"<ol class="tile-list">"#;
        for (coverage, name) in &listed {
            out += &format!(
                r#"<li><span>{}</span> <span class="tile-list-value">{}</span></li>"#,
                escape(name),
                format::percent(*coverage, lang)
            );
        }
        out += "</ol>";
    }
    out += &format!(
        r#"<p class="tile-legend muted">{}"#,
        text(Text::Legend, lang)
    );
    for s in 0..5u8 {
        out += &format!(
            r#" <span class="cov-key cov-{s}">{}–{}%</span>"#,
            s * 20,
            s * 20 + 20
        );
    }
    out += "</p></div>";
    out
}

/// The `attr` (e.g. `data-code`) of the button a click landed in, if any.
pub fn clicked(e: &MouseEvent, attr: &str) -> Option<String> {
    let target: web_sys::Element = e.target()?.dyn_into().ok()?;
    target
        .closest(&format!("button[{attr}]"))
        .ok()??
        .get_attribute(attr)
}

/// The sentence for the nation or a province.
pub fn sentence(r: &RegionResult, name: &str, lang: Lang) -> String {
    let (Some(first), Some(last)) = (r.years.first(), r.years.last()) else {
        return name.to_string();
    };
    let mut by = [Decimal::ZERO; 4];
    for y in &r.years {
        by[0] += y.by_payer.province;
        by[1] += y.by_payer.kab_kota;
        by[2] += y.by_payer.desa;
        by[3] += y.by_payer.other;
    }
    let words = payers(lang);
    let parts: Vec<String> = by
        .iter()
        .zip(words)
        .filter(|(amount, _)| **amount > Decimal::ZERO)
        .map(|(amount, who)| format!("{who} {}", format::rupiah_compact(*amount, lang)))
        .collect();
    summary(
        name,
        &format::number(last.workers, lang),
        &format::percent(last.coverage, lang),
        last.year,
        &format::rupiah_compact(r.total_contributions(), lang),
        &format!("{}–{}", first.year, last.year),
        &parts.join(", "),
        lang,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_province_has_one_tile_on_its_own_square() {
        let catalogue = regions::catalogue().unwrap();
        assert_eq!(catalogue.provinces.len(), TILES.len());
        for p in &catalogue.provinces {
            assert_eq!(
                TILES.iter().filter(|t| t.0 == p.code).count(),
                1,
                "{}",
                p.code
            );
        }
        for (i, a) in TILES.iter().enumerate() {
            assert!(
                !TILES[i + 1..].iter().any(|b| (a.1, a.2) == (b.1, b.2)),
                "{} shares a square",
                a.0
            );
        }
    }

    #[test]
    fn steps_are_fifths_and_full_coverage_is_the_last() {
        assert_eq!(step(Decimal::ZERO), 0);
        assert_eq!(step(Decimal::new(19, 2)), 0);
        assert_eq!(step(Decimal::new(2, 1)), 1);
        assert_eq!(step(Decimal::new(99, 2)), 4);
        assert_eq!(step(Decimal::ONE), 4);
    }
}
