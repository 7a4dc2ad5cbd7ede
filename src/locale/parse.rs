//! Reading numbers and percentages as users type them, in either language's separators,
//! with Indonesian unit words ("1,5 miliar", "3 jt"). The reverse of `format`.

use super::Lang;
use rust_decimal::Decimal;
use std::str::FromStr;

/// Why typed text is not a number.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ParseError {
    /// Nothing was typed.
    #[error("no number was entered")]
    Empty,
    /// The text is not a number in any accepted form.
    #[error("not a number")]
    NotANumber,
    /// A number followed by a word that is not a known unit ("3 kg").
    #[error("unknown unit `{0}`")]
    UnknownUnit(String),
    /// A percent sign where an amount was expected.
    #[error("a percentage is not allowed here")]
    PercentNotAllowed,
    /// The number is beyond what can be represented exactly.
    #[error("the number is too large")]
    TooLarge,
}

/// The multiplier for a unit word typed after a number (case-insensitive).
fn unit_factor(word: &str) -> Option<i64> {
    Some(match word.to_lowercase().trim_end_matches('.') {
        "rb" | "ribu" | "k" | "thousand" => 1_000,
        "jt" | "juta" | "mn" | "mio" | "million" => 1_000_000,
        "m" | "miliar" | "milyar" | "bn" | "billion" => 1_000_000_000,
        "t" | "triliun" | "trilyun" | "tn" | "trillion" => 1_000_000_000_000,
        _ => return None,
    })
}

/// Whether `groups` are thousands groups: the first 1–3 digits and not starting with 0
/// ("0.250" is a decimal), the rest exactly 3.
fn thousands_groups(groups: &[&str]) -> bool {
    let first = groups.first().copied().unwrap_or("");
    (1..=3).contains(&first.len())
        && !first.starts_with('0')
        && groups[1..].iter().all(|g| g.len() == 3)
}

/// Reads the digits-and-separators part of a number into a plain "1234.5" form.
///
/// Rules: with both `.` and `,`, the last one is the decimal separator (once) and the
/// other separates thousands. With only one kind: several of them must be thousands
/// groups ("1.500.000" or English "1,500,000"); a single comma is the Indonesian decimal
/// ("1,5", even "1,500" = 1,5) except in an amount marked "Rp" with no unit, where three
/// decimals of a Rupiah make no sense ("Rp 16,800" = 16800); a single dot before exactly three digits is an Indonesian
/// thousands separator ("16.800"), otherwise an English decimal point ("1.5", "0.25").
fn canonical(number: &str, whole_rupiah: bool) -> Option<String> {
    if number.is_empty()
        || !number
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
    {
        return None;
    }
    let dots = number.matches('.').count();
    let commas = number.matches(',').count();
    let (int, frac) = match (dots, commas) {
        (0, 0) => (number.to_string(), None),
        (_, 0) | (0, _) => {
            let sep = if dots > 0 { '.' } else { ',' };
            let groups: Vec<&str> = number.split(sep).collect();
            if groups.len() > 2 {
                if !thousands_groups(&groups) {
                    return None;
                }
                (groups.concat(), None)
            } else if (sep == '.' || whole_rupiah) && thousands_groups(&groups) {
                (groups.concat(), None)
            } else {
                (groups[0].to_string(), Some(groups[1].to_string()))
            }
        }
        _ => {
            let last_dot = number.rfind('.')?;
            let last_comma = number.rfind(',')?;
            let (thousands, decimal) = if last_comma > last_dot {
                ('.', ',')
            } else {
                (',', '.')
            };
            let (int, frac) = number.split_once(decimal)?;
            if frac.contains(decimal) || frac.contains(thousands) {
                return None;
            }
            let groups: Vec<&str> = int.split(thousands).collect();
            if !thousands_groups(&groups) {
                return None;
            }
            (groups.concat(), Some(frac.to_string()))
        }
    };
    match frac {
        None if !int.is_empty() => Some(int),
        Some(frac) if !frac.is_empty() => {
            let int = if int.is_empty() { "0".to_string() } else { int };
            Some(format!("{int}.{frac}"))
        }
        _ => None,
    }
}

fn decimal_from(plain: &str) -> Result<Decimal, ParseError> {
    // Over 28 significant digits rust_decimal would round or fail; neither is a sum a
    // user can mean, so both are "too large".
    if plain.chars().filter(char::is_ascii_digit).count() > 28 {
        return Err(ParseError::TooLarge);
    }
    Decimal::from_str(plain).map_err(|_| ParseError::TooLarge)
}

/// Splits a leading sign off: `-`, `−` (U+2212) or `+`.
fn strip_sign(text: &str) -> (bool, &str) {
    if let Some(rest) = text.strip_prefix('-').or_else(|| text.strip_prefix('−')) {
        (true, rest.trim_start())
    } else if let Some(rest) = text.strip_prefix('+') {
        (false, rest.trim_start())
    } else {
        (false, text)
    }
}

/// Reads an amount as users type it: "1.500.000", "Rp1.500.000,50", "1,5 miliar",
/// "1,5 M", "3 jt", "16.800", "0,5", and English "1,500,000" or "1.5 billion".
/// Negative numbers parse; callers check ranges.
pub fn parse_number(text: &str) -> Result<Decimal, ParseError> {
    let grouped = spaces_as_groups(text);
    let text = grouped.trim();
    if text.is_empty() {
        return Err(ParseError::Empty);
    }
    if text.contains('%') {
        return Err(ParseError::PercentNotAllowed);
    }
    let (mut negative, mut rest) = strip_sign(text);
    let marked = rest.get(..2).is_some_and(|p| p.eq_ignore_ascii_case("rp"));
    if marked {
        rest = rest[2..].trim_start_matches('.').trim_start();
        if !negative {
            (negative, rest) = strip_sign(rest);
        }
    }
    let end = rest
        .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
        .unwrap_or(rest.len());
    let (number, unit) = rest.split_at(end);
    let unit = unit.trim();
    // More digits than any sum can have is "too large", whatever the separators.
    if number.chars().filter(char::is_ascii_digit).count() > 28 {
        return Err(ParseError::TooLarge);
    }
    let plain = canonical(number, marked && unit.is_empty()).ok_or(ParseError::NotANumber)?;
    let mut value = decimal_from(&plain)?;
    if !unit.is_empty() {
        // A unit is one word, perhaps abbreviated with a dot ("1,5 jt.").
        let word = unit.strip_suffix('.').unwrap_or(unit);
        if word.is_empty() || !word.chars().all(char::is_alphabetic) {
            return Err(ParseError::NotANumber);
        }
        let factor = unit_factor(unit).ok_or_else(|| ParseError::UnknownUnit(unit.into()))?;
        value = value
            .checked_mul(Decimal::from(factor))
            .ok_or(ParseError::TooLarge)?;
    }
    Ok(if negative { -value } else { value })
}

/// Spaces that group digits by thousands ("5 000 000 000", also with a no-break or thin
/// space) read as the thousands dots they stand for: a space after a group (one to three
/// digits, not starting with 0, at the number's start; else three) and before exactly three
/// digits. Any other space stays ("5 miliar", "Rp 5"), and so "5000 000" or "0 500" are not
/// numbers, as before.
fn spaces_as_groups(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let is_space = |c: char| matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}');
    let digit = |i: usize| chars.get(i).is_some_and(char::is_ascii_digit);
    let mut out: Vec<char> = chars.clone();
    for i in 1..chars.len() {
        if !is_space(chars[i]) || !(1..=3).all(|k| digit(i + k)) || digit(i + 4) {
            continue;
        }
        // The run of digits before the space, and what comes before it.
        let run = (0..i).rev().take_while(|&j| digit(j)).count();
        let start = i - run;
        let group = if start > 0 && out[start - 1] == '.' {
            run == 3
        } else {
            (1..=3).contains(&run) && chars[start] != '0'
        };
        if group {
            out[i] = '.';
        }
    }
    out.into_iter().collect()
}

/// Text typed in `lang` as `parse_number` reads it: English swaps the roles of "." and ","
/// where one stands between digits ("1,500,000.5" → "1.500.000,5"), so that "15,000" is
/// fifteen thousand to an English reader, as "15.000" is to an Indonesian one.
fn as_indonesian(text: &str, lang: Lang) -> String {
    if lang == Lang::Id {
        return text.to_string();
    }
    let chars: Vec<char> = text.chars().collect();
    chars
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let digit_next = chars.get(i + 1).is_some_and(char::is_ascii_digit);
            match c {
                '.' if digit_next => ',',
                ',' if digit_next => '.',
                _ => *c,
            }
        })
        .collect()
}

/// `parse_number` for text typed in `lang`'s separators. In English a lone "m" is refused as
/// an unknown unit: it is "miliar" (a billion) to an Indonesian reader but a million to an
/// English one.
pub fn parse_number_in(text: &str, lang: Lang) -> Result<Decimal, ParseError> {
    if lang == Lang::En {
        let unit = text.trim().trim_start_matches(|c: char| {
            c.is_ascii_digit()
                || matches!(c, '.' | ',' | '-' | '+' | ' ')
                || c.eq_ignore_ascii_case(&'r')
                || c.eq_ignore_ascii_case(&'p')
        });
        if unit.trim_end_matches('.').eq_ignore_ascii_case("m") {
            return Err(ParseError::UnknownUnit(unit.to_string()));
        }
    }
    parse_number(&as_indonesian(text, lang))
}

/// `parse_percent` for text typed in `lang`'s separators.
pub fn parse_percent_in(text: &str, lang: Lang) -> Result<Decimal, ParseError> {
    parse_percent(&as_indonesian(text, lang))
}

/// Reads a percentage as a ratio: "57,5%" and "57,5" both give 0.575.
pub fn parse_percent(text: &str) -> Result<Decimal, ParseError> {
    let text = text.trim();
    let text = text.strip_suffix('%').unwrap_or(text).trim_end();
    if text.is_empty() {
        return Err(ParseError::Empty);
    }
    let (negative, number) = strip_sign(text);
    let plain = canonical(number, false).ok_or(ParseError::NotANumber)?;
    let value = decimal_from(&plain)? / Decimal::ONE_HUNDRED;
    Ok(if negative { -value } else { value })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Digits grouped by spaces, as many people and some keyboards write them, read as
    /// grouped by dots; other spaces stay what they were.
    #[test]
    fn digits_grouped_by_spaces_read_as_thousands() {
        let d = |s: &str| Decimal::from_str(s).unwrap();
        for lang in [Lang::Id, Lang::En] {
            assert_eq!(parse_number_in("5 000 000 000", lang), Ok(d("5000000000")));
            assert_eq!(
                parse_number_in("Rp 5\u{a0}000\u{202f}000", lang),
                Ok(d("5000000"))
            );
            assert_eq!(parse_number_in("1 500 juta", lang), Ok(d("1500000000")));
            assert_eq!(parse_number_in("15 000", lang), Ok(d("15000")));
            // Not groups of three: not a number, as before.
            assert_eq!(parse_number_in("5 00", lang), Err(ParseError::NotANumber));
            assert_eq!(parse_number_in("2029 3", lang), Err(ParseError::NotANumber));
            // A space after four digits, or after a lone 0, groups nothing.
            assert_eq!(
                parse_number_in("5000 000", lang),
                Err(ParseError::NotANumber)
            );
            assert_eq!(parse_number_in("0 500", lang), Err(ParseError::NotANumber));
            assert_eq!(
                parse_number_in("1 500 0000", lang),
                Err(ParseError::NotANumber)
            );
        }
        assert_eq!(parse_number_in("2 500 000,5", Lang::Id), Ok(d("2500000.5")));
        assert_eq!(parse_number_in("2 500 000.5", Lang::En), Ok(d("2500000.5")));
    }

    #[test]
    fn english_text_reads_with_english_separators() {
        let d = |s: &str| Decimal::from_str(s).unwrap();
        assert_eq!(parse_number_in("15,000", Lang::En), Ok(d("15000")));
        assert_eq!(
            parse_number_in("3,024,000,000", Lang::En),
            Ok(d("3024000000"))
        );
        assert_eq!(parse_number_in("1,500,000.5", Lang::En), Ok(d("1500000.5")));
        assert_eq!(
            parse_number_in("1.5 billion", Lang::En),
            Ok(d("1500000000"))
        );
        assert_eq!(parse_number_in("3 jt.", Lang::En), Ok(d("3000000")));
        // "M" is miliar to an Indonesian reader and a million to an English one.
        assert_eq!(parse_number_in("1,5 M", Lang::Id), Ok(d("1500000000")));
        for (typed, unit) in [
            ("1.5 M", "M"),
            ("1.5m", "m"),
            ("Rp 2 m.", "m."),
            ("2M", "M"),
        ] {
            assert_eq!(
                parse_number_in(typed, Lang::En),
                Err(ParseError::UnknownUnit(unit.into())),
                "{typed}"
            );
        }
        assert_eq!(parse_percent_in("57.5", Lang::En), Ok(d("0.575")));
        assert_eq!(parse_number_in("15.000", Lang::Id), Ok(d("15000")));
    }
    use crate::locale::format::{decimal_id, rupiah, rupiah_in};
    use crate::locale::Lang;

    fn d(text: &str) -> Decimal {
        text.parse().unwrap()
    }

    #[test]
    fn parses_indonesian_amounts() {
        let cases = [
            ("1.500.000", "1500000"),
            ("1500000", "1500000"),
            ("1,5 miliar", "1500000000"),
            ("1,5 M", "1500000000"),
            ("1,5M", "1500000000"),
            ("3 jt", "3000000"),
            ("3 jt.", "3000000"),
            ("3 juta", "3000000"),
            ("3 Juta", "3000000"),
            ("2,5 triliun", "2500000000000"),
            ("Rp 1.500.000", "1500000"),
            ("Rp1.500.000,50", "1500000.50"),
            ("Rp. 16.800", "16800"),
            ("16.800", "16800"),
            ("0,5", "0.5"),
            ("0.250", "0.250"),
            (",5", "0.5"),
            ("1,500", "1.5"),
            ("Rp 16,800", "16800"),
            ("Rp 1,500 juta", "1500000"),
            ("200 rb", "200000"),
            ("  42  ", "42"),
            ("-5", "-5"),
            ("−5.000", "-5000"),
            ("-Rp 5.000", "-5000"),
            ("Rp -5.000", "-5000"),
            ("+7", "7"),
        ];
        for (text, want) in cases {
            assert_eq!(parse_number(text), Ok(d(want)), "{text}");
        }
    }

    #[test]
    fn tolerates_english_amounts() {
        let cases = [
            ("1,500,000", "1500000"),
            ("1,500,000.50", "1500000.50"),
            ("1.5 billion", "1500000000"),
            ("1.5 million", "1500000"),
            ("0.25", "0.25"),
            ("1500.5", "1500.5"),
            ("2 bn", "2000000000"),
        ];
        for (text, want) in cases {
            assert_eq!(parse_number(text), Ok(d(want)), "{text}");
        }
    }

    #[test]
    fn rejects_what_is_not_a_number() {
        use ParseError::*;
        let cases = [
            ("", Empty),
            ("   ", Empty),
            ("abc", NotANumber),
            ("1..2", NotANumber),
            ("1.2.3", NotANumber),
            ("1,50,000", NotANumber),
            ("1.500,5,5", NotANumber),
            ("1,5.3", NotANumber),
            ("5,", NotANumber),
            ("5.", NotANumber),
            (".", NotANumber),
            ("Rp", NotANumber),
            ("juta", NotANumber),
            ("1 50 000", NotANumber),
            ("--5", NotANumber),
            ("3 kg", UnknownUnit("kg".into())),
            ("50%", PercentNotAllowed),
            ("99999999999999999999999999999999", TooLarge),
            ("1.000.000.000.000.000.000.000.000.000.000", TooLarge),
            ("123,456,789,012,345,678,901,234,567,890", TooLarge),
            ("99999999999999999999 triliun", TooLarge),
        ];
        for (text, want) in cases {
            assert_eq!(parse_number(text), Err(want), "{text:?}");
        }
    }

    #[test]
    fn parses_percentages_as_ratios() {
        assert_eq!(parse_percent("57,5%"), Ok(d("0.575")));
        assert_eq!(parse_percent("57,5"), Ok(d("0.575")));
        assert_eq!(parse_percent("57.5 %"), Ok(d("0.575")));
        assert_eq!(parse_percent("100"), Ok(d("1")));
        assert_eq!(parse_percent("-2"), Ok(d("-0.02")));
        assert_eq!(parse_percent("%"), Err(ParseError::Empty));
        assert_eq!(parse_percent("lima"), Err(ParseError::NotANumber));
        assert_eq!(parse_percent("5 jt"), Err(ParseError::NotANumber));
    }

    #[test]
    fn formatted_amounts_parse_back() {
        for x in ["0", "16800", "1234567", "3024000000", "-5000"] {
            assert_eq!(parse_number(&rupiah(d(x))), Ok(d(x)), "{x}");
            assert_eq!(parse_number(&rupiah_in(d(x), Lang::En)), Ok(d(x)), "{x}");
        }
        for x in [
            "0.5",
            "1.125",
            "57.5",
            "1234.125",
            "3024000000",
            "0.001",
            "-2.5",
        ] {
            assert_eq!(parse_number(&decimal_id(d(x))), Ok(d(x)), "{x}");
        }
    }
}
