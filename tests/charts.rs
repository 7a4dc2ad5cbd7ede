//! Chart snapshots: each chart for two presets in both languages, a baseline comparison
//! and edge cases, each checked for its accessible title and description and for tick
//! labels that are numbers. Snapshots live in `tests/snapshots/`; after an intended
//! change, review them with `INSTA_UPDATE=always cargo test --test charts` and `git diff`.

use payung::charts::text::ChartText;
use payung::charts::{self, Chart, ChartKind};
use payung::engine::scenario::Amount;
use payung::engine::{presets, simulate, Outcome, Parameters, Scenario};
use payung::locale::Lang;
use rust_decimal::Decimal;

const SIZE: (u32, u32) = (800, 400);

fn scenario(id: &str) -> Scenario {
    presets::load(id).unwrap()
}

fn run(scenario: Scenario) -> Outcome {
    let p = Parameters::embedded().unwrap();
    let v = scenario.validate(&p).unwrap();
    simulate(&p, &v)
}

fn lang_code(lang: Lang) -> &'static str {
    match lang {
        Lang::Id => "id",
        Lang::En => "en",
    }
}

/// The texts of all `<text>` elements: titles, ticks, axis names and legends.
fn texts(svg: &str) -> Vec<String> {
    svg.split("<text")
        .skip(1)
        .filter_map(|t| {
            let start = t.find('>')? + 1;
            let end = t.find("</text>")?;
            Some(t[start..end].trim().to_string())
        })
        .collect()
}

/// Checks what every chart must have, whatever its data.
fn check(svg: &str, kind: ChartKind, lang: Lang) {
    let text = ChartText::new(kind, lang);
    assert!(svg.starts_with("<svg "), "{svg:.80}");
    assert!(svg.trim_end().ends_with("</svg>"));
    assert!(svg.contains("role=\"img\""));
    assert!(svg.contains("width=\"100%\""));
    assert!(svg.contains(&format!("viewBox=\"0 0 {} {}\"", SIZE.0, SIZE.1)));
    assert!(svg.contains("<title id=\""));
    assert!(svg.contains("<desc id=\""));
    assert_eq!(svg.matches("<svg").count(), 1);
    assert_eq!(svg.matches("<text").count(), svg.matches("</text>").count());
    let drawn = texts(svg);
    assert!(
        drawn.iter().any(|t| t == text.title),
        "title {:?} not drawn",
        text.title
    );
    for t in &drawn {
        assert!(!t.contains("NaN") && !t.contains("inf"), "bad label {t:?}");
    }
    assert!(!svg.contains("NaN"));
}

fn all_charts(
    outcome: &Outcome,
    target: Decimal,
    lang: Lang,
    baseline: Option<&Outcome>,
) -> [(ChartKind, &'static str, String); 3] {
    let draw = |kind| charts::draw(kind, outcome, baseline, target, lang, SIZE).svg;
    [
        (ChartKind::Coverage, "coverage", draw(ChartKind::Coverage)),
        (ChartKind::Cost, "cost", draw(ChartKind::Cost)),
        (ChartKind::Benefits, "benefits", draw(ChartKind::Benefits)),
    ]
}

/// The three result charts of `outcome` at the usual size, without a baseline.
fn results(outcome: &Outcome, target: Decimal, lang: Lang) -> Vec<Chart> {
    ChartKind::RESULTS
        .into_iter()
        .map(|kind| charts::draw(kind, outcome, None, target, lang, SIZE))
        .collect()
}

fn snapshot_all(case: &str, outcome: &Outcome, target: Decimal, baseline: Option<&Outcome>) {
    for lang in [Lang::Id, Lang::En] {
        for (kind, name, svg) in all_charts(outcome, target, lang, baseline) {
            check(&svg, kind, lang);
            insta::assert_snapshot!(format!("{name}_{case}_{}", lang_code(lang)), svg);
        }
    }
}

#[test]
fn presets_in_both_languages() {
    for id in ["ambon", "bontang"] {
        let s = scenario(id);
        let target = s.target.coverage;
        snapshot_all(id, &run(s), target, None);
    }
}

#[test]
fn against_a_baseline() {
    let base = scenario("ambon");
    let target = base.target.coverage;
    let mut more = base.clone();
    if let Amount::Rupiah { yearly } = &mut more.sources[0].amount {
        *yearly *= Decimal::TWO;
    }
    let (base, more) = (run(base), run(more));
    for (kind, name, svg) in all_charts(&more, target, Lang::Id, Some(&base)) {
        check(&svg, kind, Lang::Id);
        assert!(svg.contains(ChartText::new(kind, Lang::Id).baseline));
        insta::assert_snapshot!(format!("{name}_baseline_id"), svg);
    }
}

/// A region with no funding source: nobody covered, no money anywhere.
fn without_sources() -> Scenario {
    let mut s = scenario("ambon");
    s.sources.clear();
    s.region.covered_at_start.clear();
    s
}

#[test]
fn a_scenario_without_sources() {
    let s = without_sources();
    let target = s.target.coverage;
    let o = run(s);
    assert!(o.source_names.is_empty());
    snapshot_all("no_sources", &o, target, None);
    let summary = charts::draw(ChartKind::Cost, &o, None, target, Lang::Id, SIZE).summary;
    assert!(summary.contains("tidak punya sumber dana"), "{summary}");
}

#[test]
fn a_one_year_horizon() {
    let mut s = scenario("bontang");
    s.horizon.years = 1;
    s.target.year = s.horizon.start.year;
    let target = s.target.coverage;
    snapshot_all("one_year", &run(s), target, None);
}

#[test]
fn degenerate_outcomes_do_not_panic() {
    let s = scenario("ambon");
    let target = s.target.coverage;
    let full = run(s);

    let mut one_month = full.clone();
    one_month.months.truncate(1);
    one_month.years.truncate(1);
    let mut empty = full.clone();
    empty.months.clear();
    empty.years.clear();

    let mut huge = scenario("ambon");
    huge.region.vulnerable_workers = 10_000_000;
    huge.enrolment.listed = 20_000_000;
    huge.enrolment.verification_per_month = 1_000_000;
    if let Amount::Rupiah { yearly } = &mut huge.sources[0].amount {
        *yearly = Decimal::from(10_000_000_000_000_i64);
    }
    let huge = run(huge);

    for o in [&one_month, &empty, &huge, &run(without_sources())] {
        for lang in [Lang::Id, Lang::En] {
            for (kind, _, svg) in all_charts(o, target, lang, Some(&full)) {
                check(&svg, kind, lang);
            }
            let _ = results(o, target, lang);
        }
    }
    // Sizes too small or too large are clamped rather than failing.
    for size in [(0, 0), (1, 1), (100_000, 100_000)] {
        let svg = charts::draw(ChartKind::Cost, &full, None, target, Lang::Id, size).svg;
        assert!(svg.contains("<title id=") && svg.contains("role=\"img\""));
    }
}

#[test]
fn huge_numbers_keep_short_tick_labels() {
    let mut s = scenario("ambon");
    if let Amount::Rupiah { yearly } = &mut s.sources[0].amount {
        *yearly = Decimal::from(10_000_000_000_000_i64);
    }
    let target = s.target.coverage;
    let svg = charts::draw(ChartKind::Cost, &run(s), None, target, Lang::Id, SIZE).svg;
    assert!(
        texts(&svg).iter().any(|t| t.ends_with(" T")),
        "no triliun tick"
    );
}

#[test]
fn summaries_and_tables() {
    let mut report = String::new();
    for id in ["ambon", "bontang"] {
        let s = scenario(id);
        let target = s.target.coverage;
        let o = run(s);
        for lang in [Lang::Id, Lang::En] {
            report.push_str(&format!("## {id} {}\n", lang_code(lang)));
            let drawn = results(&o, target, lang);
            for chart in &drawn {
                report.push_str(&chart.summary);
                report.push('\n');
            }
            for Chart { table, .. } in drawn {
                let (header, rows) = (table.header, table.rows);
                assert!(rows.iter().all(|r| r.len() == header.len()));
                assert_eq!(rows.len(), o.years.len());
                report.push_str(&header.join(" | "));
                report.push('\n');
                for row in rows {
                    report.push_str(&row.join(" | "));
                    report.push('\n');
                }
            }
            report.push('\n');
        }
    }
    assert!(!report.contains("NaN"));
    insta::assert_snapshot!("summaries_and_tables", report);
}
