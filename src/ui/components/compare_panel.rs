//! Two to four scenarios side by side: coverage and cost curves overlaid (one colour, line
//! style and marker each), the headline figures with their differences from the first
//! scenario, and "Apa yang berbeda", the inputs that differ.
//!
//! The component simulates what it is given; it holds no scenario state. The pure parts
//! (`summary_rows`, `differences`) are public so that they are tested natively.

use crate::charts::{compare, Chart, CompareKind};
use crate::engine::edit::Rule;
use crate::engine::ratio;
use crate::engine::{simulate, Outcome, Parameters, Scenario, ScenarioError};
use crate::locale::format;
use crate::locale::Lang;
use crate::ui::components::chart_card::ChartCard;
use crate::ui::i18n::compare::{text, Text};
use crate::ui::i18n::source_kind::source_kind_name;
use crate::ui::i18n::{field_label, month_name, rule_name, scenario_error, T};
use crate::ui::state::{Display, Field, SourceField};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use serde_json::Value;
use std::rc::Rc;
use yew::prelude::*;

/// Chart size in SVG units, as on the main page; the SVG scales to its container.
const CHART_SIZE: (u32, u32) = (800, 400);

#[derive(Properties, PartialEq)]
pub struct Props {
    /// Two to four scenarios with the names to show; the first is the reference.
    pub items: Rc<Vec<(String, Scenario)>>,
    pub params: Rc<Parameters>,
    pub lang: Lang,
}

/// A scenario simulated, or why it could not be.
type Simulated = Result<(String, Rc<Outcome>, Scenario), (String, ScenarioError)>;

/// Everything drawn, derived once per change of scenarios or language.
#[derive(PartialEq)]
struct Drawn {
    cards: Vec<Rc<Chart>>,
    summary: Vec<SummaryRow>,
    differences: Vec<Difference>,
}

#[component]
pub fn ComparePanel(props: &Props) -> Html {
    let lang = props.lang;
    let simulated = use_memo(
        (props.items.clone(), props.params.clone()),
        |(items, params)| {
            items
                .iter()
                .map(|(name, sc)| match sc.clone().validate(params) {
                    Ok(valid) => Ok((name.clone(), Rc::new(simulate(params, &valid)), sc.clone())),
                    Err(e) => Err((name.clone(), e)),
                })
                .collect::<Vec<Simulated>>()
        },
    );
    let drawn = use_memo((simulated.clone(), lang), |(simulated, lang)| {
        let lang = *lang;
        let ok: Vec<&(String, Rc<Outcome>, Scenario)> =
            simulated.iter().filter_map(|s| s.as_ref().ok()).collect();
        let series: Vec<compare::Compared> = ok
            .iter()
            .map(|(n, o, _)| (n.as_str(), o.as_ref()))
            .collect();
        let scenarios: Vec<&Scenario> = ok.iter().map(|(_, _, s)| s).collect();
        Drawn {
            cards: [CompareKind::Coverage, CompareKind::Cost]
                .into_iter()
                .map(|kind| Rc::new(compare::draw(kind, &series, lang, CHART_SIZE)))
                .collect(),
            summary: summary_rows(&series, lang),
            differences: differences(&scenarios, lang),
        }
    });
    let names: Vec<&str> = simulated
        .iter()
        .filter_map(|s| s.as_ref().ok().map(|(n, _, _)| n.as_str()))
        .collect();
    let failed: Vec<String> = simulated
        .iter()
        .filter_map(|s| s.as_ref().err())
        .map(|(name, e)| {
            format!(
                "{name} {}: {}",
                text(Text::CannotCompare, lang),
                scenario_error(e, lang)
            )
        })
        .collect();
    let header = |first: &'static str| {
        html! {
            <thead><tr>
                <th scope="col">{ first }</th>
                { for names.iter().enumerate().map(|(i, name)| html! {
                    <th scope="col">
                        <span class="compare-swatch">{ Html::from_html_unchecked(compare::swatch_svg(i).into()) }</span>
                        { *name }
                    </th>
                }) }
            </tr></thead>
        }
    };

    html! {
        <section class="group compare" id="compare" aria-labelledby="compare-title">
            <h2 id="compare-title">{ text(Text::Title, lang) }</h2>
            if !failed.is_empty() {
                <div class="banner error" role="alert">
                    { for failed.iter().map(|m| html! { <p>{ m }</p> }) }
                </div>
            }
            if names.len() >= 2 {
                <div class="charts">
                    { for drawn.cards.iter().map(|chart| html! {
                        <ChartCard chart={chart.clone()} show_data={T::ShowData.get(lang)} />
                    }) }
                </div>
                <h3 id="compare-summary-title">{ text(Text::Summary, lang) }</h3>
                <div class="table-scroll">
                    <table class="compare-summary" id="compare-summary" aria-labelledby="compare-summary-title">
                        { header(text(Text::Figure, lang)) }
                        <tbody>
                            { for drawn.summary.iter().map(|row| html! {
                                <tr>
                                    <th scope="row">{ &row.label }</th>
                                    { for row.cells.iter().map(|(value, delta)| html! {
                                        <td>
                                            { value }
                                            if let Some(d) = delta {
                                                <br />
                                                <small class="delta" title={text(Text::DifferenceFromFirst, lang)}>{ d }</small>
                                            }
                                        </td>
                                    }) }
                                </tr>
                            }) }
                        </tbody>
                    </table>
                </div>
                <h3 id="compare-differences-title">{ text(Text::Differences, lang) }</h3>
                if drawn.differences.is_empty() {
                    <p class="muted" id="compare-no-differences">{ text(Text::NoDifferences, lang) }</p>
                } else {
                    <div class="table-scroll">
                        <table class="compare-differences" id="compare-differences" aria-labelledby="compare-differences-title">
                            { header(text(Text::Input, lang)) }
                            <tbody>
                                { for drawn.differences.iter().map(|d| html! {
                                    <tr data-path={d.path.clone()}>
                                        <th scope="row">{ &d.label }</th>
                                        { for d.values.iter().enumerate().map(|(i, v)| html! {
                                            <td class={classes!((i > 0 && *v != d.values[0]).then_some("differs"))}>{ v }</td>
                                        }) }
                                    </tr>
                                }) }
                            </tbody>
                        </table>
                    </div>
                }
            }
        </section>
    }
}

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
    let money_row = |key: Text, get: &dyn Fn(&Outcome) -> Option<Decimal>, whole: bool| {
        let show = |x: Decimal| {
            if whole {
                format::rupiah_in(x, lang)
            } else {
                format::rupiah_compact(x, lang)
            }
        };
        row(key, lang, series, |o| {
            let value = get(o);
            let delta = match (value, get(first)) {
                (Some(v), Some(f)) => Some(signed(v - f, show)),
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
            let points = (coverage(o) - coverage(first)) * Decimal::ONE_HUNDRED;
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
    /// The JSON path, e.g. `sources[0].amount.yearly`.
    pub path: String,
    /// The field's label in the UI language, or the path if it has none.
    pub label: String,
    /// The value in each scenario, as shown ("—" where a scenario does not have it).
    pub values: Vec<String>,
}

/// The scenario's sections in the order the controls show them.
const SECTIONS: [&str; 8] = [
    "preset",
    "region",
    "horizon",
    "programmes",
    "sources",
    "enrolment",
    "risk",
    "target",
];

/// Paths that are not inputs to compare: the scenario's own name and the format version.
const SKIPPED: [&str; 2] = ["name", "schema_version"];

/// The inputs that differ between `scenarios`, in the order of the controls.
pub fn differences(scenarios: &[&Scenario], lang: Lang) -> Vec<Difference> {
    let flat: Vec<Vec<(String, Value)>> = scenarios
        .iter()
        .map(|sc| {
            serde_json::to_value(sc)
                .map(|v| flatten(&v))
                .unwrap_or_default()
        })
        .collect();
    let paths = merged_paths(&flat);
    let source_names: Vec<String> =
        (0..scenarios.iter().map(|s| s.sources.len()).max().unwrap_or(0))
            .map(|i| {
                scenarios
                    .iter()
                    .find_map(|s| s.sources.get(i).map(|s| s.name.clone()))
                    .unwrap_or_default()
            })
            .collect();
    paths
        .into_iter()
        .filter_map(|path| {
            let raw: Vec<Option<&Value>> = flat
                .iter()
                .map(|f| f.iter().find(|(p, _)| *p == path).map(|(_, v)| v))
                .collect();
            let canon: Vec<Option<String>> = raw.iter().map(|v| v.map(canonical)).collect();
            if canon.iter().all(|c| *c == canon[0]) {
                return None;
            }
            let (label, field) = label(&path, &source_names, lang);
            let values = raw.iter().map(|v| show(*v, field, &path, lang)).collect();
            Some(Difference {
                path,
                label,
                values,
            })
        })
        .collect()
}

/// Every leaf of a scenario's JSON as `(path, value)`, sections in `SECTIONS` order,
/// array items as `[i]`, empty arrays left out.
pub fn flatten(value: &Value) -> Vec<(String, Value)> {
    let mut out = Vec::new();
    if let Value::Object(map) = value {
        let mut keys: Vec<&String> = map
            .keys()
            .filter(|k| !SKIPPED.contains(&k.as_str()))
            .collect();
        keys.sort_by_key(|k| {
            SECTIONS
                .iter()
                .position(|s| s == k)
                .unwrap_or(SECTIONS.len())
        });
        for key in keys {
            walk(key, &map[key.as_str()], &mut out);
        }
    }
    out
}

fn walk(path: &str, value: &Value, out: &mut Vec<(String, Value)>) {
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                walk(&format!("{path}.{k}"), v, out);
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                walk(&format!("{path}[{i}]"), v, out);
            }
        }
        leaf => out.push((path.to_string(), leaf.clone())),
    }
}

/// All paths of all scenarios, each new path placed after its predecessor in the
/// scenario that has it, so that the order stays that of the controls.
fn merged_paths(flat: &[Vec<(String, Value)>]) -> Vec<String> {
    let mut paths: Vec<String> = Vec::new();
    for f in flat {
        let mut at = 0;
        for (p, _) in f {
            match paths.iter().position(|q| q == p) {
                Some(i) => at = i + 1,
                None => {
                    paths.insert(at, p.clone());
                    at += 1;
                }
            }
        }
    }
    paths
}

/// A value for comparing: decimals written differently ("0.05", "0.050", 0.05) are equal.
fn canonical(value: &Value) -> String {
    let decimal = match value {
        Value::String(s) => s.parse::<Decimal>().ok(),
        Value::Number(n) => n.to_string().parse::<Decimal>().ok(),
        _ => None,
    };
    match decimal {
        Some(d) => d.normalize().to_string(),
        None => value.to_string(),
    }
}

/// The label of a path and the field it sets, if the controls have one.
fn label(path: &str, source_names: &[String], lang: Lang) -> (String, Option<Field>) {
    use Field::*;
    let parts: Vec<&str> = path.split('.').collect();
    let field = |f: Field| (field_label(f, lang).to_string(), Some(f));
    let plain = |s: &str| (s.to_string(), None);
    match parts.as_slice() {
        ["preset"] => plain(T::Preset.get(lang)),
        ["region", "name"] => plain(T::RegionName.get(lang)),
        ["region", "kind"] => plain(text(Text::RegionKind, lang)),
        ["region", "vulnerable_workers"] => field(VulnerableWorkers),
        ["region", "worker_growth"] => field(WorkerGrowth),
        ["region", "desa"] => field(Desa),
        ["region", "kelurahan"] => field(Kelurahan),
        ["region", "asn"] => field(Asn),
        ["horizon", "start", "year"] => field(StartYear),
        ["horizon", "start", "month"] => plain(text(Text::StartMonth, lang)),
        ["horizon", "years"] => field(HorizonYears),
        ["programmes", "jht"] => plain(T::Jht.get(lang)),
        ["programmes", "declared_income"] => field(DeclaredIncome),
        ["enrolment", "listed"] => field(Listed),
        ["enrolment", "verification_yield"] => field(VerificationYield),
        ["enrolment", "verification_per_month"] => field(VerificationPerMonth),
        ["enrolment", "lapse_rate"] => field(LapseRate),
        ["enrolment", "reenrol"] => plain(T::Reenrol.get(lang)),
        ["risk", "deaths_per_thousand"] => field(DeathsPerThousand),
        ["risk", "work_death_share"] => field(WorkDeathShare),
        ["risk", "accidents_per_thousand"] => field(AccidentsPerThousand),
        ["risk", "accident_cost"] => field(AccidentCost),
        ["risk", "claim_share"] => field(ClaimShare),
        ["risk", "claim_lag_months"] => field(ClaimLag),
        ["risk", "scholarship_share"] => field(ScholarshipShare),
        ["risk", "jht_return"] => field(JhtReturn),
        ["target", "coverage"] => field(TargetCoverage),
        ["target", "year"] => field(TargetYear),
        ["region", item, rest @ ..] if item.starts_with("covered_at_start[") => {
            let n = index_of(item).map_or(String::new(), |i| format!(" {}", i + 1));
            let what = match rest {
                ["workers"] => {
                    return (
                        format!("{}{n}", text(Text::StartingCover, lang)),
                        Some(StartingCover(0)),
                    )
                }
                ["source"] => text(Text::Source, lang),
                ["months_of_membership"] => text(Text::MonthsOfMembership, lang),
                _ => return plain(path),
            };
            (
                format!("{}{n}: {what}", text(Text::StartingCover, lang)),
                None,
            )
        }
        [item, rest @ ..] if item.starts_with("sources[") => {
            let Some(i) = index_of(item) else {
                return plain(path);
            };
            let owner = source_names
                .get(i)
                .filter(|n| !n.is_empty())
                .cloned()
                .unwrap_or_else(|| format!("#{}", i + 1));
            let source = |f: SourceField| Some(Source(i, f));
            let (what, f): (&str, Option<Field>) = match rest {
                ["name"] => (T::SourceName.get(lang), None),
                ["kind"] => (T::SourceKind.get(lang), None),
                ["priority"] => (text(Text::Priority, lang), None),
                ["discount"] => (T::Discount.get(lang), None),
                ["amount", "rule"] => (T::SourceRule.get(lang), None),
                ["amount", "yearly"] => (
                    field_label(Source(i, SourceField::Yearly), lang),
                    source(SourceField::Yearly),
                ),
                ["amount", "workers"] => (
                    field_label(Source(i, SourceField::PledgedWorkers), lang),
                    source(SourceField::PledgedWorkers),
                ),
                ["amount", "share"] => (
                    field_label(Source(i, SourceField::DanaDesaShare), lang),
                    source(SourceField::DanaDesaShare),
                ),
                ["amount", "per_desa"] => (
                    field_label(Source(i, SourceField::PerDesa), lang),
                    source(SourceField::PerDesa),
                ),
                ["amount", "participation"] => (
                    field_label(Source(i, SourceField::Participation), lang),
                    source(SourceField::Participation),
                ),
                ["amount", "workers_per_sponsor"] => (
                    field_label(Source(i, SourceField::WorkersPerSponsor), lang),
                    source(SourceField::WorkersPerSponsor),
                ),
                ["first_year"] => (
                    field_label(Source(i, SourceField::FirstYear), lang),
                    source(SourceField::FirstYear),
                ),
                ["first_month"] => (
                    field_label(Source(i, SourceField::FirstMonth), lang),
                    source(SourceField::FirstMonth),
                ),
                ["last_year"] => (
                    field_label(Source(i, SourceField::LastYear), lang),
                    source(SourceField::LastYear),
                ),
                ["growth"] => (
                    field_label(Source(i, SourceField::Growth), lang),
                    source(SourceField::Growth),
                ),
                ["cap_workers"] => (
                    field_label(Source(i, SourceField::Cap), lang),
                    source(SourceField::Cap),
                ),
                _ => return plain(path),
            };
            (format!("{owner}: {what}"), f)
        }
        _ => plain(path),
    }
}

/// `3` from `sources[3]`.
fn index_of(item: &str) -> Option<usize> {
    item.split_once('[')?.1.strip_suffix(']')?.parse().ok()
}

/// A value as the controls show it; "—" where the scenario does not have the input.
fn show(value: Option<&Value>, field: Option<Field>, path: &str, lang: Lang) -> String {
    let Some(value) = value else {
        return "—".into();
    };
    let decimal = match value {
        Value::String(s) => s.parse::<Decimal>().ok(),
        Value::Number(n) => n.to_string().parse::<Decimal>().ok(),
        _ => None,
    };
    if let (Some(f), Some(d)) = (field, decimal) {
        return shown(f.display(), d, lang);
    }
    match value {
        Value::Null => "—".into(),
        Value::Bool(b) => text(if *b { Text::Yes } else { Text::No }, lang).into(),
        Value::String(s) if path.ends_with(".kind") && path.starts_with("sources[") => {
            serde_json::from_value(value.clone())
                .map(|k| source_kind_name(k, lang).to_string())
                .unwrap_or_else(|_| s.clone())
        }
        Value::String(s) if path.ends_with(".amount.rule") => {
            let rule = match s.as_str() {
                "rupiah" => Some(Rule::Rupiah),
                "workers" => Some(Rule::Workers),
                "dana_desa" => Some(Rule::DanaDesa),
                "bapak_asuh" => Some(Rule::BapakAsuh),
                _ => None,
            };
            rule.map_or_else(|| s.clone(), |r| rule_name(r, lang).to_string())
        }
        Value::String(s) if path == "horizon.start.month" => s
            .parse::<u8>()
            .map_or_else(|_| s.clone(), |m| month_name(m, lang).to_string()),
        Value::Number(n) if path == "horizon.start.month" => n
            .as_u64()
            .and_then(|m| u8::try_from(m).ok())
            .map_or_else(|| n.to_string(), |m| month_name(m, lang).to_string()),
        Value::String(s) => s.clone(),
        other => other.to_string(),
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
        Display::PerThousand => format::decimal(d.normalize(), d.normalize().scale().min(2), lang),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn json_flattens_to_paths_in_control_order() {
        let v = json!({
            "name": "x", "schema_version": 1,
            "target": {"year": 2030},
            "region": {"name": "A", "covered_at_start": []},
            "sources": [{"name": "S", "amount": {"rule": "rupiah", "yearly": "5"}}],
        });
        let paths: Vec<String> = flatten(&v).into_iter().map(|(p, _)| p).collect();
        assert_eq!(
            paths,
            [
                "region.name",
                "sources[0].amount.rule",
                "sources[0].amount.yearly",
                "sources[0].name",
                "target.year"
            ]
        );
    }

    #[test]
    fn new_paths_go_after_their_neighbours() {
        let a = vec![
            ("a".to_string(), Value::Null),
            ("c".to_string(), Value::Null),
        ];
        let b = vec![
            ("a".to_string(), Value::Null),
            ("b".to_string(), Value::Null),
            ("c".to_string(), Value::Null),
        ];
        assert_eq!(merged_paths(&[a, b]), ["a", "b", "c"]);
    }

    #[test]
    fn decimals_written_differently_are_equal() {
        assert_eq!(canonical(&json!("0.05")), canonical(&json!("0.050")));
        assert_eq!(canonical(&json!("0.05")), canonical(&json!(0.05)));
        assert_ne!(canonical(&json!("0.05")), canonical(&json!("0.5")));
        assert_ne!(canonical(&json!(true)), canonical(&json!("true")));
    }

    #[test]
    fn labels_name_the_field_and_its_source() {
        let names = vec!["APBD Kota Ambon".to_string()];
        assert_eq!(
            label("sources[0].amount.yearly", &names, Lang::Id).0,
            "APBD Kota Ambon: Anggaran per tahun"
        );
        assert_eq!(
            label("risk.claim_share", &names, Lang::En).0,
            "Share of deaths claimed"
        );
        assert_eq!(
            label("sources[1].growth", &names, Lang::Id).0,
            "#2: Pertumbuhan per tahun"
        );
        assert_eq!(label("mystery.path", &names, Lang::Id).0, "mystery.path");
    }

    #[test]
    fn values_are_shown_in_their_units() {
        let names: Vec<String> = Vec::new();
        let (_, f) = label("region.worker_growth", &names, Lang::Id);
        assert_eq!(
            show(Some(&json!("0.02")), f, "region.worker_growth", Lang::Id),
            "2%"
        );
        let (_, f) = label("risk.claim_lag_months", &names, Lang::Id);
        assert_eq!(
            show(Some(&json!(3)), f, "risk.claim_lag_months", Lang::Id),
            "3 bulan"
        );
        let (_, f) = label("sources[0].amount.yearly", &names, Lang::Id);
        assert_eq!(
            show(
                Some(&json!("7400000000")),
                f,
                "sources[0].amount.yearly",
                Lang::Id
            ),
            "Rp 7.400.000.000"
        );
        assert_eq!(show(None, None, "x", Lang::Id), "—");
        assert_eq!(
            show(Some(&Value::Null), None, "sources[0].last_year", Lang::Id),
            "—"
        );
        assert_eq!(
            show(Some(&json!(true)), None, "programmes.jht", Lang::En),
            "yes"
        );
        assert_eq!(
            show(Some(&json!("apbd_kota")), None, "sources[0].kind", Lang::Id),
            "APBD kota/kabupaten"
        );
    }

    #[test]
    fn signs_are_explicit() {
        let show = |d: Decimal| d.to_string();
        assert_eq!(signed(Decimal::from(5), show), "+5");
        assert_eq!(signed(Decimal::from(-5), show), "−5");
        assert_eq!(signed(Decimal::ZERO, show), "±0");
    }
}
