//! What a comparison of two to four scenarios says in words and numbers: the headline
//! figures with their differences from the first scenario (`summary_rows`), and "Apa yang
//! berbeda", the inputs that differ (`differences`).
//!
//! Pure and tested natively; `components::compare_panel` shows it beside the overlaid charts.
//! It must not know the component, the browser or how the tables are laid out.

use crate::charts::compare;
use crate::engine::edit::Rule;
use crate::engine::field::Value;
use crate::engine::ratio;
use crate::engine::scenario::SourceKind;
use crate::engine::{Outcome, Scenario};
use crate::locale::format;
use crate::locale::Lang;
use crate::ui::i18n::compare::{text, Text};
use crate::ui::i18n::source_kind::source_kind_name;
use crate::ui::i18n::{field_label, field_name, month_name, rule_name};
use crate::ui::state::{display, Display, Field, SourceField};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

// ---------------------------------------------------------------------------------------
// The summary table.

/// One headline figure across the scenarios: each cell is the value and, after the first
/// column, its difference from the first.
#[derive(Clone, Debug, PartialEq)]
pub struct SummaryRow {
    pub label: String,
    pub cells: Vec<(String, Option<String>)>,
}

/// The headline figures of each compared scenario, as the summary cards show them.
pub fn summary_rows(series: &[compare::Compared], lang: Lang) -> Vec<SummaryRow> {
    let Some((_, first)) = series.first() else {
        return Vec::new();
    };
    // A difference is of the figures as shown (rounded), and written in the unit and to the
    // tenth they are written in: "Rp 8,1 miliar → Rp 9,1 miliar" differ by Rp 1,0 miliar (not
    // the Rp 1,1 miliar of the exact amounts), "Rp 8,1 miliar → Rp 8,4 miliar" by Rp 0,3
    // miliar (not Rp 368,2 juta, a precision neither figure has).
    let money_row = |key: Text, get: &dyn Fn(&Outcome) -> Option<Decimal>, whole: bool| {
        let show = |x: Decimal| {
            if whole {
                format::rupiah_in(x, lang)
            } else {
                format::rupiah_compact(x, lang)
            }
        };
        let shown = |x: Decimal| {
            if whole {
                x.round_dp_with_strategy(0, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
            } else {
                format::rupiah_compact_shown(x)
            }
        };
        row(key, lang, series, |o| {
            let value = get(o);
            let delta = match (value, get(first)) {
                (Some(v), Some(f)) => {
                    let like = v.abs().max(f.abs());
                    Some(signed(shown(v) - shown(f), |d| {
                        if whole {
                            format::rupiah_in(d, lang)
                        } else {
                            format::rupiah_compact_like(d, like, lang)
                        }
                    }))
                }
                _ => None,
            };
            (value.map_or_else(|| "—".to_string(), show), delta)
        })
    };
    let coverage = |o: &Outcome| {
        o.months
            .last()
            .map(|m| ratio(m.covered, m.population))
            .unwrap_or_default()
    };
    let covered = |o: &Outcome| o.months.last().map_or(0, |m| m.covered);
    vec![
        row(Text::CoverageEnd, lang, series, |o| {
            let points =
                format::percent_shown(coverage(o)) - format::percent_shown(coverage(first));
            (
                format::percent(coverage(o), lang),
                Some(signed(points, |d| {
                    format!(
                        "{} {}",
                        format::decimal(d, 1, lang),
                        text(Text::Points, lang)
                    )
                })),
            )
        }),
        row(Text::CoveredEnd, lang, series, |o| {
            let delta = i128::from(covered(o)) - i128::from(covered(first));
            (
                format::number(covered(o), lang),
                Some(signed(Decimal::from(delta), |d| {
                    format::decimal(d, 0, lang)
                })),
            )
        }),
        row(Text::TargetReached, lang, series, |o| {
            let value = match o.target_reached {
                Some(m) => format::month_year(m, lang),
                None => text(Text::NotReached, lang).to_string(),
            };
            let delta = match (o.target_reached, first.target_reached) {
                (Some(a), Some(b)) => {
                    let months = a.months_since(b);
                    Some(match months.cmp(&0) {
                        std::cmp::Ordering::Less => {
                            format!("{} {}", -months, text(Text::MonthsEarlier, lang))
                        }
                        std::cmp::Ordering::Greater => {
                            format!("{months} {}", text(Text::MonthsLater, lang))
                        }
                        std::cmp::Ordering::Equal => text(Text::SameMonth, lang).to_string(),
                    })
                }
                _ => None,
            };
            (value, delta)
        }),
        money_row(Text::CostHorizon, &|o| Some(o.totals.contributions), false),
        money_row(
            Text::CostFirstYear,
            &|o| o.years.first().map(|y| y.contributions_total),
            false,
        ),
        money_row(
            Text::PerWorkerYear,
            &|o| o.totals.cost_per_worker_year,
            true,
        ),
        money_row(Text::Benefits, &|o| Some(o.totals.benefits_paid), false),
    ]
}

/// A row: `cell` gives each scenario's value and difference; the first has no difference.
fn row(
    key: Text,
    lang: Lang,
    series: &[compare::Compared],
    cell: impl Fn(&Outcome) -> (String, Option<String>),
) -> SummaryRow {
    SummaryRow {
        label: text(key, lang).to_string(),
        cells: series
            .iter()
            .enumerate()
            .map(|(i, (_, o))| {
                let (value, delta) = cell(o);
                (value, if i == 0 { None } else { delta })
            })
            .collect(),
    }
}

/// "+x", "−x" or "±0" around the shown magnitude.
fn signed(x: Decimal, show: impl Fn(Decimal) -> String) -> String {
    if x.is_zero() {
        format!("±{}", show(Decimal::ZERO))
    } else if x.is_sign_negative() {
        format!("−{}", show(-x))
    } else {
        format!("+{}", show(x))
    }
}

// ---------------------------------------------------------------------------------------
// "Apa yang berbeda": the inputs that differ.

/// An input whose value is not the same in every scenario.
#[derive(Clone, Debug, PartialEq)]
pub struct Difference {
    /// The field's path, e.g. `sources[0].amount.yearly` (a page attribute, never shown).
    pub path: String,
    /// The field's label in the UI language, with its source.
    pub label: String,
    /// The value in each scenario, as shown ("—" where a scenario does not have it).
    pub values: Vec<String>,
}

/// Fields that are not inputs to compare: the format version, the scenario's own name, and
/// the number of sources (each source's own fields show what differs).
const SKIPPED: [Field; 3] = [Field::SchemaVersion, Field::Name, Field::Sources];

/// The inputs that differ between `scenarios`, in the order of the controls.
pub fn differences(scenarios: &[&Scenario], lang: Lang) -> Vec<Difference> {
    let source_names: Vec<String> =
        (0..scenarios.iter().map(|s| s.sources.len()).max().unwrap_or(0))
            .map(|i| {
                scenarios
                    .iter()
                    .find_map(|s| s.sources.get(i).map(|s| s.name.clone()))
                    .unwrap_or_default()
            })
            .collect();
    let lists: Vec<Vec<Field>> = scenarios.iter().map(|sc| Field::all(sc)).collect();
    merged(&lists)
        .into_iter()
        .filter(|f| !SKIPPED.contains(f))
        .filter_map(|field| {
            let raw: Vec<Option<Value>> = scenarios.iter().map(|sc| field.value(sc)).collect();
            // Decimals compare by value: 0.9 and 0.900 are the same share.
            if raw.iter().all(|v| *v == raw[0]) {
                return None;
            }
            Some(Difference {
                path: field.path(),
                label: label(field, &source_names, lang),
                values: raw.iter().map(|v| show(v.as_ref(), field, lang)).collect(),
            })
        })
        .collect()
}

/// All fields of all scenarios, each new field placed after its predecessor in the
/// scenario that has it, so that the order stays that of the controls.
fn merged(lists: &[Vec<Field>]) -> Vec<Field> {
    let mut fields: Vec<Field> = Vec::new();
    for list in lists {
        let mut at = 0;
        for f in list {
            match fields.iter().position(|g| g == f) {
                Some(i) => at = i + 1,
                None => {
                    fields.insert(at, *f);
                    at += 1;
                }
            }
        }
    }
    fields
}

/// The label of a field, with the source it belongs to.
fn label(field: Field, source_names: &[String], lang: Lang) -> String {
    match field {
        Field::Source(i, _) | Field::StartingCover(i) => {
            let owner = source_names
                .get(i)
                .filter(|n| !n.is_empty())
                .cloned()
                .unwrap_or_else(|| format!("#{}", i + 1));
            format!("{owner}: {}", field_label(field, lang))
        }
        _ => field_name(field, lang),
    }
}

/// A value as the controls show it; "—" where the scenario does not have the input.
fn show(value: Option<&Value>, field: Field, lang: Lang) -> String {
    match value {
        None => "—".into(),
        Some(Value::Number(d)) => shown(display(field), *d, lang),
        Some(Value::Flag(b)) => text(if *b { Text::Yes } else { Text::No }, lang).into(),
        Some(Value::Text(s)) => s.clone(),
        Some(Value::Choice(key)) => match field {
            Field::Source(_, SourceField::Kind) => SourceKind::from_key(key)
                .map_or(*key, |k| source_kind_name(k, lang))
                .to_string(),
            Field::Source(_, SourceField::Rule) => Rule::from_key(key)
                .map_or(*key, |r| rule_name(r, lang))
                .to_string(),
            _ => key.to_string(),
        },
    }
}

/// A number in the unit its field is shown in.
fn shown(display: Display, d: Decimal, lang: Lang) -> String {
    let whole = |d: Decimal| format::decimal(d, 0, lang);
    match display {
        Display::Workers | Display::Count => {
            let d = d.normalize();
            if d.scale() == 0 {
                whole(d)
            } else {
                format::decimal(d, d.scale(), lang)
            }
        }
        Display::Percent => format::percent_compact(d, lang),
        Display::Rupiah | Display::RupiahPerMonth => format::rupiah_in(d, lang),
        Display::Year => d.round().to_string(),
        Display::Month => d
            .round()
            .to_u8()
            .map_or_else(|| d.to_string(), |m| month_name(m, lang).to_string()),
        Display::Months => format!("{} {}", whole(d), text(Text::Months, lang)),
        Display::Years => format!("{} {}", whole(d), text(Text::Years, lang)),
        Display::PerThousand | Display::Multiple => {
            format::decimal(d.normalize(), d.normalize().scale().min(2), lang)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_fields_go_after_their_neighbours() {
        let a = vec![Field::Desa, Field::Asn];
        let b = vec![Field::Desa, Field::Kelurahan, Field::Asn];
        assert_eq!(merged(&[a, b]), [Field::Desa, Field::Kelurahan, Field::Asn]);
    }

    #[test]
    fn labels_name_the_field_and_its_source() {
        let names = vec!["APBD Kota Ambon".to_string()];
        let yearly = Field::Source(0, SourceField::Yearly);
        assert_eq!(
            label(yearly, &names, Lang::Id),
            "APBD Kota Ambon: Anggaran per tahun"
        );
        assert_eq!(
            label(Field::ClaimShare, &names, Lang::En),
            "Share of deaths claimed"
        );
        assert_eq!(
            label(Field::Source(1, SourceField::Growth), &names, Lang::Id),
            "#2: Pertumbuhan per tahun"
        );
    }

    #[test]
    fn values_are_shown_in_their_units() {
        let n = |d: Decimal| Some(Value::Number(d));
        assert_eq!(
            show(
                n(Decimal::new(2, 2)).as_ref(),
                Field::WorkerGrowth,
                Lang::Id
            ),
            "2%"
        );
        assert_eq!(
            show(n(3.into()).as_ref(), Field::ClaimLag, Lang::Id),
            "3 bulan"
        );
        let yearly = Field::Source(0, SourceField::Yearly);
        assert_eq!(
            show(n(7_400_000_000u64.into()).as_ref(), yearly, Lang::Id),
            "Rp 7.400.000.000"
        );
        assert_eq!(
            show(None, Field::Source(0, SourceField::LastYear), Lang::Id),
            "—"
        );
        assert_eq!(show(Some(&Value::Flag(true)), Field::Jht, Lang::En), "yes");
        let kind = Field::Source(0, SourceField::Kind);
        assert_eq!(
            show(Some(&Value::Choice("apbd_kota")), kind, Lang::Id),
            "APBD kota/kabupaten"
        );
        assert_eq!(
            show(n(3.into()).as_ref(), Field::StartMonth, Lang::Id),
            "Maret"
        );
    }

    /// Each difference in the summary is the difference of the figures as shown: read back
    /// from the text, "+Rp 1,0 miliar" is "Rp 9,1 miliar" less "Rp 8,1 miliar", for a run
    /// of budgets whose exact amounts round either way, in both languages.
    #[test]
    fn differences_agree_with_the_figures_shown() {
        use crate::engine::scenario::Amount;
        use crate::engine::{presets, simulate, Parameters};
        use crate::locale::parse::{parse_number_in, parse_percent_in};
        let p = Parameters::embedded().unwrap();
        let run = |pct: i64| {
            let mut sc = presets::load("ambon").unwrap();
            if let Amount::Rupiah { yearly } = &mut sc.sources[0].amount {
                *yearly = (*yearly * Decimal::new(pct, 2)).round();
            }
            simulate(&p, &sc.validate(&p).unwrap())
        };
        let outcomes: Vec<Outcome> = [100, 113, 129, 141, 157, 188, 231].map(run).into();
        for lang in [Lang::Id, Lang::En] {
            for pair in outcomes.windows(2) {
                let series: Vec<compare::Compared> = vec![("a", &pair[0]), ("b", &pair[1])];
                for row in summary_rows(&series, lang) {
                    let (first, _) = &row.cells[0];
                    let (second, delta) = &row.cells[1];
                    let Some(delta) = delta else { continue };
                    let read = |t: &str| -> Option<Decimal> {
                        let t = t.trim_start_matches(['+', '−', '±']);
                        let number = t.trim_start_matches("Rp ");
                        let number = number
                            .split(' ')
                            .take_while(|w| !w.starts_with("poin") && !w.starts_with("pts"))
                            .collect::<Vec<_>>()
                            .join(" ");
                        match t.strip_suffix('%') {
                            Some(_) => parse_percent_in(t, lang)
                                .ok()
                                .map(|r| r * Decimal::ONE_HUNDRED),
                            None => parse_number_in(&number, lang).ok(),
                        }
                    };
                    let (Some(a), Some(b), Some(d)) = (read(first), read(second), read(delta))
                    else {
                        continue;
                    };
                    let d = if delta.starts_with('−') { -d } else { d };
                    // Exact where both are written in one unit; within the delta's last digit
                    // where they are not ("Rp 950,3 juta → Rp 1,2 miliar").
                    let unit = [
                        ("triliun", 12),
                        ("trillion", 12),
                        ("miliar", 9),
                        ("billion", 9),
                        ("juta", 6),
                        ("million", 6),
                    ]
                    .iter()
                    .find(|(w, _)| first.contains(w))
                    .map_or(0, |(_, e)| *e);
                    let same = |t: &str| {
                        unit == 0 || t.contains(first.split(' ').next_back().unwrap_or(""))
                    };
                    if same(second) {
                        assert_eq!(b - a, d, "{}: {first} → {second} says {delta}", row.label);
                    } else {
                        let tenth = Decimal::from(10i64.pow(unit.max(1) - 1));
                        assert!(
                            (b - a - d).abs() <= tenth / Decimal::TWO,
                            "{}: {first} → {second} says {delta}",
                            row.label
                        );
                    }
                    assert!(
                        !delta.contains("juta")
                            || first.contains("juta")
                            || second.contains("juta"),
                        "{}: {first} → {second} says {delta}, in a unit neither has",
                        row.label
                    );
                }
            }
        }
    }

    #[test]
    fn signs_are_explicit() {
        let show = |d: Decimal| d.to_string();
        assert_eq!(signed(Decimal::from(5), show), "+5");
        assert_eq!(signed(Decimal::from(-5), show), "−5");
        assert_eq!(signed(Decimal::ZERO, show), "±0");
    }
}
