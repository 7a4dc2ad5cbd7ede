//! Numbers, money, percentages and dates written as people in Indonesia write them.
//!
//! This module owns the text form of values: Indonesian separators ("1.234.567,5") in
//! Bahasa Indonesia, English ones ("1,234,567.5") in English. Reading what users type is
//! the other direction, in `parse`. Money stays `Decimal` from input to output; `f64` is
//! accepted only for chart tick values, which are already floats.
//!
//! Large sums in words follow the language: *juta* (10⁶), *miliar* (10⁹) and *triliun*
//! (10¹²) in Indonesian ("Rp 3,0 miliar"), million, billion and trillion in English
//! ("Rp 3.0 billion"), so that one page never mixes the two. The short tick forms keep
//! the Indonesian letters, where "M" means *miliar*.

use super::Lang;
use crate::engine::YearMonth;
use rust_decimal::prelude::FromPrimitive;
use rust_decimal::{Decimal, RoundingStrategy};

const MONTHS_ID: [&str; 12] = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const MONTHS_SHORT_ID: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des",
];
const MONTHS_SHORT_EN: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// Units for large sums: factor, word, short form for chart ticks.
const UNITS: [(i64, &str, &str); 3] = [
    (1_000_000, "juta", "jt"),
    (1_000_000_000, "miliar", "M"),
    (1_000_000_000_000, "triliun", "T"),
];

/// The English words for the units of `UNITS`, in the same order.
const UNITS_EN: [&str; 3] = ["million", "billion", "trillion"];

/// A unit word of `UNITS` in the language.
fn unit_word(word: &'static str, lang: Lang) -> &'static str {
    match lang {
        Lang::Id => word,
        Lang::En => UNITS
            .iter()
            .position(|u| u.1 == word)
            .map_or(word, |i| UNITS_EN[i]),
    }
}

/// Separators of a language: (thousands, decimal).
fn separators(lang: Lang) -> (char, char) {
    match lang {
        Lang::Id => ('.', ','),
        Lang::En => (',', '.'),
    }
}

/// Inserts `sep` every three digits from the right of a string of ASCII digits.
fn group(digits: &str, sep: char) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// The magnitude of `x` with exactly `dp` decimals, grouped; the sign is returned apart so
/// that callers can put it before a currency symbol.
fn magnitude(x: Decimal, dp: u32, lang: Lang) -> (bool, String) {
    let (thousands, decimal) = separators(lang);
    let mut r = x.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero);
    let negative = r.is_sign_negative() && !r.is_zero();
    r = r.abs();
    r.rescale(dp);
    let text = r.to_string();
    let (int, frac) = text.split_once('.').unwrap_or((text.as_str(), ""));
    let mut out = group(int, thousands);
    if !frac.is_empty() {
        out.push(decimal);
        out.push_str(frac);
    }
    (negative, out)
}

/// Like `magnitude` but with at most `dp` decimals, dropping trailing zeros ("3", "2,5").
fn magnitude_trimmed(x: Decimal, dp: u32, lang: Lang) -> (bool, String) {
    let rounded = x
        .round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero)
        .normalize();
    magnitude(rounded, rounded.scale(), lang)
}

fn signed(negative: bool, text: String) -> String {
    if negative {
        format!("-{text}")
    } else {
        text
    }
}

/// A sum of money in whole Rupiah as Indonesians write it on a bill: "Rp 1.234.567".
pub fn rupiah(x: Decimal) -> String {
    rupiah_in(x, Lang::Id)
}

/// Whole Rupiah with the language's thousands separator: "Rp 1.234.567" / "Rp 1,234,567".
pub fn rupiah_in(x: Decimal, lang: Lang) -> String {
    let (negative, text) = magnitude(x, 0, lang);
    signed(negative, format!("Rp {text}"))
}

/// Whole Rupiah without "Rp", for table cells under a heading that says it:
/// "1.234.567" / "1,234,567".
pub fn whole_rupiah(x: Decimal, lang: Lang) -> String {
    decimal(x, 0, lang)
}

/// Picks the unit for a large sum, moving up when rounding reaches a thousand of a unit.
fn unit_for(abs: Decimal, dp: u32) -> Option<(Decimal, &'static str, &'static str)> {
    if abs.round() < Decimal::from(UNITS[0].0) {
        return None;
    }
    let mut index = UNITS
        .iter()
        .rposition(|u| abs >= Decimal::from(u.0))
        .unwrap_or(0);
    let mut value = (abs / Decimal::from(UNITS[index].0)).round_dp(dp);
    while value >= Decimal::ONE_THOUSAND && index + 1 < UNITS.len() {
        index += 1;
        value = (abs / Decimal::from(UNITS[index].0)).round_dp(dp);
    }
    Some((value, UNITS[index].1, UNITS[index].2))
}

/// What one of a `UNITS` word is worth in Rupiah (1 for a word not among them).
fn unit_size(word: &str) -> Decimal {
    Decimal::from(UNITS.iter().find(|u| u.1 == word).map_or(1, |u| u.0))
}

/// A large sum in words, for summaries and cards: "Rp 3,0 miliar", "Rp 201,6 juta";
/// below one juta the whole amount ("Rp 16.800"). English: "Rp 3.0 billion".
pub fn rupiah_compact(x: Decimal, lang: Lang) -> String {
    match unit_for(x.abs(), 1) {
        None => rupiah_in(x, lang),
        Some((value, word, _)) => {
            let (_, text) = magnitude(value, 1, lang);
            let word = unit_word(word, lang);
            signed(x.is_sign_negative(), format!("Rp {text} {word}"))
        }
    }
}

/// The amount `rupiah_compact` shows ("Rp 1,1 miliar" is 1.100.000.000; below one juta the
/// whole Rupiah), so that a difference of two shown amounts agrees with what is shown.
pub fn rupiah_compact_shown(x: Decimal) -> Decimal {
    let shown = match unit_for(x.abs(), 1) {
        None => x
            .abs()
            .round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero),
        Some((value, word, _)) => value * unit_size(word),
    };
    if x.is_sign_negative() {
        -shown
    } else {
        shown
    }
}

/// `x` written as `rupiah_compact` writes amounts the size of `like`: in `like`'s unit, to a
/// tenth ("Rp 0,3 miliar" beside "Rp 8,1 miliar"), so that a difference reads at the
/// precision of the amounts it is the difference of; below one juta, whole Rupiah.
pub fn rupiah_compact_like(x: Decimal, like: Decimal, lang: Lang) -> String {
    match unit_for(like.abs(), 1) {
        None => rupiah_in(x, lang),
        Some((_, word, _)) => {
            let (negative, text) = magnitude(x / unit_size(word), 1, lang);
            let word = unit_word(word, lang);
            signed(negative, format!("Rp {text} {word}"))
        }
    }
}

/// The percentage `percent` shows for a ratio (0.7525 → 75.3), for differences in points
/// that agree with the percentages shown.
pub fn percent_shown(ratio: Decimal) -> Decimal {
    (ratio * Decimal::ONE_HUNDRED).round_dp_with_strategy(1, RoundingStrategy::MidpointAwayFromZero)
}

/// A short sum for chart ticks, where space is scarce: "Rp 3 M", "Rp 2,5 M", "Rp 200 jt".
pub fn rupiah_short(x: Decimal, lang: Lang) -> String {
    match unit_for(x.abs(), 2) {
        None => rupiah_in(x, lang),
        Some((value, _, short)) => {
            let (_, text) = magnitude_trimmed(value, 2, lang);
            signed(x.is_sign_negative(), format!("Rp {text} {short}"))
        }
    }
}

/// A count with thousands separators: "70.000" / "70,000".
pub fn number(n: u64, lang: Lang) -> String {
    group(&n.to_string(), separators(lang).0)
}

/// A float (a chart tick or an expected count) rounded to a whole number: "70.000".
/// Values that are not finite show as a dash rather than "NaN".
pub fn number_f64(x: f64, lang: Lang) -> String {
    if !x.is_finite() {
        return "–".to_string();
    }
    match Decimal::from_f64(x) {
        Some(d) => decimal(d, 0, lang),
        // Beyond Decimal's range: group the float's own digits.
        None => signed(
            x < 0.0,
            group(&format!("{:.0}", x.abs()), separators(lang).0),
        ),
    }
}

/// A decimal with exactly `dp` decimals: "1.234,50" / "1,234.50".
pub fn decimal(x: Decimal, dp: u32, lang: Lang) -> String {
    let (negative, text) = magnitude(x, dp, lang);
    signed(negative, text)
}

/// A value as typed into an input, with all its decimals: "3.024.000.000", "57,5".
/// `parse_number` reads it back exactly.
pub fn decimal_id(x: Decimal) -> String {
    let x = x.normalize();
    decimal(x, x.scale(), Lang::Id)
}

/// A ratio as a percentage with one decimal: 0.577 → "57,7%" / "57.7%".
pub fn percent(ratio: Decimal, lang: Lang) -> String {
    format!("{}%", decimal(ratio * Decimal::ONE_HUNDRED, 1, lang))
}

/// A ratio as a percentage without a needless ",0": 1 → "100%", 0.575 → "57,5%".
pub fn percent_compact(ratio: Decimal, lang: Lang) -> String {
    let (negative, text) = magnitude_trimmed(ratio * Decimal::ONE_HUNDRED, 1, lang);
    format!("{}%", signed(negative, text))
}

fn month_index(month: u8) -> Option<usize> {
    (1..=12).contains(&month).then(|| usize::from(month) - 1)
}

/// The full month name: "Oktober" / "October".
pub fn month_name(month: u8, lang: Lang) -> Option<&'static str> {
    let i = month_index(month)?;
    Some(match lang {
        Lang::Id => MONTHS_ID[i],
        Lang::En => MONTHS_EN[i],
    })
}

/// A month for sentences and headings: "Oktober 2023" / "October 2023".
pub fn month_year(ym: YearMonth, lang: Lang) -> String {
    match month_name(ym.month, lang) {
        Some(name) => format!("{name} {}", ym.year),
        None => ym.to_string(),
    }
}

/// A month for chart ticks and tables: "Okt 2023" / "Oct 2023".
pub fn month_short(ym: YearMonth, lang: Lang) -> String {
    match month_index(ym.month) {
        Some(i) => {
            let name = match lang {
                Lang::Id => MONTHS_SHORT_ID[i],
                Lang::En => MONTHS_SHORT_EN[i],
            };
            format!("{name} {}", ym.year)
        }
        None => ym.to_string(),
    }
}

/// A day in prose, e.g. when a regulation takes effect: "21 November 2026".
pub fn date_long(year: i32, month: u8, day: u8, lang: Lang) -> String {
    match month_name(month, lang) {
        Some(name) if (1..=31).contains(&day) => format!("{day} {name} {year}"),
        _ => format!("{year:04}-{month:02}-{day:02}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> Decimal {
        text.parse().unwrap()
    }

    #[test]
    fn rupiah_groups_whole_rupiah() {
        assert_eq!(rupiah(d("1234567")), "Rp 1.234.567");
        assert_eq!(rupiah(d("1234567.5")), "Rp 1.234.568");
        assert_eq!(rupiah(d("0")), "Rp 0");
        assert_eq!(rupiah(d("999")), "Rp 999");
        assert_eq!(rupiah(d("1000")), "Rp 1.000");
        assert_eq!(rupiah(d("-5000")), "-Rp 5.000");
        assert_eq!(rupiah(d("-0.4")), "Rp 0");
        assert_eq!(rupiah_in(d("1234567"), Lang::En), "Rp 1,234,567");
    }

    #[test]
    fn compact_sums_use_indonesian_units_in_both_languages() {
        assert_eq!(rupiah_compact(d("3024000000"), Lang::Id), "Rp 3,0 miliar");
        assert_eq!(rupiah_compact(d("3024000000"), Lang::En), "Rp 3.0 billion");
        assert_eq!(rupiah_compact(d("201600000"), Lang::En), "Rp 201.6 million");
        assert_eq!(rupiah_compact(d("201600000"), Lang::Id), "Rp 201,6 juta");
        assert_eq!(rupiah_compact(d("16800"), Lang::Id), "Rp 16.800");
        assert_eq!(rupiah_compact(d("16800"), Lang::En), "Rp 16,800");
        assert_eq!(
            rupiah_compact(d("2500000000000"), Lang::Id),
            "Rp 2,5 triliun"
        );
        assert_eq!(rupiah_compact(d("-5000000"), Lang::Id), "-Rp 5,0 juta");
        // Rounding that reaches a thousand moves to the next unit.
        assert_eq!(rupiah_compact(d("999960000"), Lang::Id), "Rp 1,0 miliar");
        assert_eq!(rupiah_compact(d("999999.6"), Lang::Id), "Rp 1,0 juta");
        assert_eq!(
            rupiah_compact(d("1234000000000000"), Lang::Id),
            "Rp 1.234,0 triliun"
        );
    }

    #[test]
    fn short_sums_fit_chart_ticks() {
        assert_eq!(rupiah_short(d("3000000000"), Lang::Id), "Rp 3 M");
        assert_eq!(rupiah_short(d("2500000000"), Lang::Id), "Rp 2,5 M");
        assert_eq!(rupiah_short(d("2500000000"), Lang::En), "Rp 2.5 M");
        assert_eq!(rupiah_short(d("1250000000"), Lang::Id), "Rp 1,25 M");
        assert_eq!(rupiah_short(d("200000000"), Lang::Id), "Rp 200 jt");
        assert_eq!(rupiah_short(d("0"), Lang::Id), "Rp 0");
        assert_eq!(rupiah_short(d("500000"), Lang::Id), "Rp 500.000");
    }

    #[test]
    fn numbers_and_percentages_follow_the_language() {
        assert_eq!(number(70_000, Lang::Id), "70.000");
        assert_eq!(number(70_000, Lang::En), "70,000");
        assert_eq!(number(0, Lang::Id), "0");
        assert_eq!(number(u64::MAX, Lang::Id), "18.446.744.073.709.551.615");
        assert_eq!(number_f64(52_299.6, Lang::Id), "52.300");
        assert_eq!(number_f64(-1500.0, Lang::En), "-1,500");
        assert_eq!(number_f64(f64::NAN, Lang::Id), "–");
        assert_eq!(number_f64(f64::INFINITY, Lang::Id), "–");
        assert_eq!(
            number_f64(1e30, Lang::Id),
            "1.000.000.000.000.000.019.884.624.838.656"
        );
        assert_eq!(decimal(d("1234.5"), 2, Lang::Id), "1.234,50");
        assert_eq!(decimal(d("1234.5"), 2, Lang::En), "1,234.50");
        assert_eq!(decimal_id(d("3024000000")), "3.024.000.000");
        assert_eq!(decimal_id(d("57.50")), "57,5");
        assert_eq!(decimal_id(d("1234.125")), "1.234,125");
        assert_eq!(percent(d("0.577"), Lang::Id), "57,7%");
        assert_eq!(percent(d("0.577"), Lang::En), "57.7%");
        assert_eq!(percent(d("1"), Lang::Id), "100,0%");
        assert_eq!(percent_compact(d("1"), Lang::Id), "100%");
        assert_eq!(percent_compact(d("0.575"), Lang::Id), "57,5%");
    }

    #[test]
    fn months_and_dates_are_named() {
        let oct = YearMonth::new(2023, 10);
        assert_eq!(month_year(oct, Lang::Id), "Oktober 2023");
        assert_eq!(month_year(oct, Lang::En), "October 2023");
        assert_eq!(month_short(oct, Lang::Id), "Okt 2023");
        assert_eq!(month_short(oct, Lang::En), "Oct 2023");
        assert_eq!(month_short(YearMonth::new(2024, 8), Lang::Id), "Agu 2024");
        assert_eq!(date_long(2026, 11, 21, Lang::Id), "21 November 2026");
        assert_eq!(date_long(2026, 5, 1, Lang::Id), "1 Mei 2026");
        assert_eq!(date_long(2026, 5, 1, Lang::En), "1 May 2026");
        assert_eq!(date_long(2026, 13, 1, Lang::En), "2026-13-01");
        assert_eq!(month_year(YearMonth::new(2026, 0), Lang::Id), "2026-00");
    }

    #[test]
    fn whole_rupiah_follows_the_language() {
        let x = Decimal::from(4_105_130_400u64);
        assert_eq!(whole_rupiah(x, Lang::Id), "4.105.130.400");
        assert_eq!(whole_rupiah(x, Lang::En), "4,105,130,400");
    }
}
