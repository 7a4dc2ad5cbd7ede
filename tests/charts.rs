//! Chart snapshots: each chart for two presets in both languages, a baseline comparison
//! and edge cases, each checked for its accessible title and description, for tick
//! labels that are numbers in words, and for text of at least 12 px; and the scene's keys,
//! which let a redraw after a small change touch only what changed. Snapshots live in `tests/snapshots/`; after an intended
//! change, review them with `INSTA_UPDATE=always cargo test --test charts` and `git diff`.

use payung::charts::text::ChartText;
use payung::charts::{self, Baseline, Chart, ChartKind, Scene, Size};
use payung::engine::scenario::Amount;
use payung::engine::{presets, simulate, Outcome, Parameters, Scenario};
use payung::locale::Lang;
use rust_decimal::Decimal;

/// A laptop's chart box.
const SIZE: Size = Size {
    width: 800,
    text_px: 14,
    height: None,
};

/// A phone's chart box.
const PHONE: Size = Size {
    width: 320,
    text_px: 13,
    height: None,
};

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

/// The font sizes of all `<text>` elements.
fn font_sizes(svg: &str) -> Vec<f64> {
    svg.split("font-size=\"")
        .skip(1)
        .filter_map(|t| t.split('"').next()?.parse().ok())
        .collect()
}

/// Checks what every chart must have, whatever its data.
fn check(svg: &str, kind: ChartKind, lang: Lang) {
    let text = ChartText::new(kind, lang);
    assert!(svg.starts_with("<svg "), "{svg:.80}");
    assert!(svg.trim_end().ends_with("</svg>"));
    assert!(svg.contains("role=\"img\""));
    assert!(svg.contains(&format!("viewBox=\"0 0 {} ", SIZE.width)));
    assert!(svg.contains("<title>"));
    assert!(svg.contains("<desc>"));
    assert_eq!(svg.matches("<svg").count(), 1);
    assert_eq!(svg.matches("<text").count(), svg.matches("</text>").count());
    let drawn = texts(svg);
    // The title once, as the file's heading, and its unit under it.
    assert_eq!(
        drawn.iter().filter(|t| *t == text.title).count(),
        1,
        "title {:?} not drawn once",
        text.title
    );
    assert!(
        drawn.iter().any(|t| t == text.unit),
        "no unit {:?}",
        text.unit
    );
    for t in &drawn {
        assert!(!t.contains("NaN") && !t.contains("inf"), "bad label {t:?}");
        // Units in words: "M" reads as million in English, "jt" is jargon.
        assert!(
            !t.ends_with(" M") && !t.ends_with(" B") && !t.ends_with(" jt") && !t.ends_with(" T"),
            "abbreviated unit in {t:?}"
        );
    }
    assert!(!svg.contains("NaN"));
    for px in font_sizes(svg) {
        assert!(px >= 12.0, "text of {px} px in {kind:?}");
    }
}

/// The chart as a file, for the snapshots.
fn svg(chart: &Chart) -> String {
    chart.to_svg()
}

fn all_charts(
    outcome: &Outcome,
    target: Decimal,
    lang: Lang,
    baseline: Option<&Outcome>,
) -> [(ChartKind, &'static str, String); 3] {
    let baseline = baseline.map(|outcome| Baseline {
        name: "Kota Ambon",
        outcome,
    });
    let draw = |kind| svg(&charts::draw(kind, outcome, baseline, target, lang, SIZE));
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
        let words = texts(&svg).join(" ");
        assert!(
            words.contains("Tanpa perubahan: Kota Ambon"),
            "{kind:?}: {words}"
        );
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
    for (width, text_px) in [(0, 0), (1, 1), (100_000, 100_000)] {
        let size = Size {
            width,
            text_px,
            height: None,
        };
        let svg = svg(&charts::draw(
            ChartKind::Cost,
            &full,
            None,
            target,
            Lang::Id,
            size,
        ));
        assert!(svg.contains("<title>") && svg.contains("role=\"img\""));
        assert!(font_sizes(&svg).iter().all(|px| *px >= 12.0));
    }
}

#[test]
fn huge_numbers_get_ticks_in_words() {
    let mut s = scenario("ambon");
    if let Amount::Rupiah { yearly } = &mut s.sources[0].amount {
        *yearly = Decimal::from(10_000_000_000_000_i64);
    }
    let target = s.target.coverage;
    let o = run(s);
    let svg_id = svg(&charts::draw(
        ChartKind::Cost,
        &o,
        None,
        target,
        Lang::Id,
        SIZE,
    ));
    assert!(
        texts(&svg_id).iter().any(|t| t.ends_with(" triliun")),
        "no triliun tick"
    );
    let svg_en = svg(&charts::draw(
        ChartKind::Cost,
        &o,
        None,
        target,
        Lang::En,
        SIZE,
    ));
    assert!(
        texts(&svg_en).iter().any(|t| t.ends_with(" trillion")),
        "no trillion tick"
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

#[test]
fn money_ticks_and_time_axes_say_their_words() {
    let s = scenario("ambon");
    let target = s.target.coverage;
    let o = run(s);
    for (lang, unit, year) in [
        (Lang::Id, " miliar", "Tahun"),
        (Lang::En, " billion", "Year"),
    ] {
        for kind in ChartKind::RESULTS {
            let drawn = texts(&svg(&charts::draw(kind, &o, None, target, lang, SIZE)));
            assert!(
                drawn.iter().any(|t| t == year),
                "{kind:?} {lang:?}: {drawn:?}"
            );
            if kind != ChartKind::Coverage {
                assert!(
                    drawn.iter().any(|t| t.ends_with(unit)),
                    "{kind:?}: {drawn:?}"
                );
            }
        }
    }
}

/// Shapes keyed as the page renders them: what a redraw adds, removes or changes.
fn changes(before: &Scene, after: &Scene) -> (usize, Vec<String>) {
    use std::collections::HashMap;
    let old: HashMap<&str, _> = before.items.iter().map(|i| (i.key.as_str(), i)).collect();
    let new: HashMap<&str, _> = after.items.iter().map(|i| (i.key.as_str(), i)).collect();
    let mut changed: Vec<String> = after
        .items
        .iter()
        .filter(|i| old.get(i.key.as_str()) != Some(i))
        .map(|i| i.key.clone())
        .collect();
    changed.extend(
        before
            .items
            .iter()
            .filter(|i| !new.contains_key(i.key.as_str()))
            .map(|i| format!("-{}", i.key)),
    );
    (after.items.len(), changed)
}

#[test]
fn a_small_change_redraws_few_shapes_and_keeps_the_frame() {
    let base = scenario("ambon");
    let target = base.target.coverage;
    let mut more = base.clone();
    if let Amount::Rupiah { yearly } = &mut more.sources[0].amount {
        *yearly += Decimal::from(50_000_000);
    }
    let (a, b) = (run(base), run(more));
    for kind in ChartKind::RESULTS {
        let before = charts::draw(kind, &a, None, target, Lang::Id, SIZE).scene;
        let after = charts::draw(kind, &b, None, target, Lang::Id, SIZE).scene;
        let keys: std::collections::HashSet<&str> =
            after.items.iter().map(|i| i.key.as_str()).collect();
        assert_eq!(keys.len(), after.items.len(), "keys are unique");
        let (total, changed) = changes(&before, &after);
        assert!(!changed.is_empty(), "{kind:?}: the change shows");
        assert!(
            changed.iter().all(|k| !k.starts_with("legend.")),
            "{kind:?}: legend redrawn: {changed:?}"
        );
        assert!(
            changed.len() * 2 < total,
            "{kind:?}: {} of {total} shapes changed: {changed:?}",
            changed.len()
        );
    }
}

#[test]
fn narrow_charts_put_the_whole_legend_below_the_plot() {
    let s = scenario("ambon");
    let target = s.target.coverage;
    let o = run(s);
    for lang in [Lang::Id, Lang::En] {
        for kind in ChartKind::RESULTS {
            let chart = charts::draw(kind, &o, None, target, lang, PHONE);
            let scene = &chart.scene;
            assert_eq!(scene.width, PHONE.width);
            assert!(
                scene.height > PHONE.width / 2,
                "{kind:?} room for the legend"
            );
            let legend: Vec<&str> = scene
                .items
                .iter()
                .filter(|i| i.key.starts_with("legend.text"))
                .filter_map(|i| i.text.as_deref())
                .collect();
            assert!(!legend.is_empty());
            for t in &legend {
                assert!(!t.ends_with('…'), "{kind:?}: legend entry cut: {t:?}");
            }
            let words: String = legend.join(" ");
            for entry in ChartText::new(kind, lang).series {
                for word in entry.split_whitespace() {
                    assert!(
                        words.contains(word),
                        "{kind:?}: {word:?} missing from {words:?}"
                    );
                }
            }
            // Below the plot: every legend label is lower than the time axis's name.
            let y = |key: &str, words: Option<&str>| {
                scene
                    .items
                    .iter()
                    .filter(|i| i.key.starts_with(key))
                    .filter(|i| words.is_none() || i.text.as_deref() == words)
                    .filter_map(|i| {
                        i.attrs
                            .iter()
                            .find(|(n, _)| *n == "y")?
                            .1
                            .parse::<u32>()
                            .ok()
                    })
                    .min()
                    .unwrap_or(0)
            };
            let axis = y("axes.text", Some(ChartText::new(kind, lang).x_axis));
            let top = y("legend.text", None);
            assert!(
                axis > 0 && top > axis,
                "{kind:?}: legend at y {top}, axis name at {axis}"
            );
            assert!(font_sizes(&chart.to_svg()).iter().all(|px| *px >= 12.0));
        }
    }
}

/// A box with a height of its own (the main chart on a projector): a chart shorter than it
/// grows to fill it, legend beside (wide) or below (narrow); one taller keeps its height.
#[test]
fn a_chart_fills_a_taller_box_and_keeps_its_height_in_a_shorter_one() {
    let s = scenario("ambon");
    let target = s.target.coverage;
    let outcome = run(s);
    for (width, fill) in [(1400, 700), (360, 900)] {
        for kind in ChartKind::RESULTS {
            let at = |height| {
                let size = Size {
                    width,
                    text_px: 14,
                    height,
                };
                charts::draw(kind, &outcome, None, target, Lang::Id, size)
                    .scene
                    .height
            };
            let natural = at(None);
            assert!(
                natural < fill,
                "{kind:?} at {width} px is {natural} px tall"
            );
            assert_eq!(
                at(Some(fill)),
                fill,
                "{kind:?} at {width} px fills {fill} px"
            );
            assert_eq!(at(Some(natural / 2)), natural, "{kind:?} keeps its height");
        }
    }
}

/// A card shows its chart's title, unit and baseline switch before the chart is drawn (so
/// nothing moves when it arrives): the words a request gives without drawing are the ones
/// the drawn chart carries, for each kind, a comparison and both languages.
#[test]
fn a_requests_words_are_the_drawn_charts() {
    use payung::charts::{CompareKind, Request, Source};
    use std::rc::Rc;
    let outcome = Rc::new(run(scenario("ambon")));
    let other = Rc::new(run(scenario("bontang")));
    for lang in [Lang::Id, Lang::En] {
        let outcome_requests = ChartKind::RESULTS.into_iter().map(|kind| Request {
            kind,
            lang,
            source: Source::Outcome {
                outcome: outcome.clone(),
                baseline: Some(("Kota Ambon".into(), other.clone())),
                target: Decimal::ONE,
                bands: None,
            },
        });
        let compared = [
            ChartKind::Compare(CompareKind::Coverage),
            ChartKind::Compare(CompareKind::Cost),
            ChartKind::Cost,
        ]
        .into_iter()
        .map(|kind| Request {
            kind,
            lang,
            source: Source::Compare(vec![
                ("A".into(), outcome.clone()),
                ("B".into(), other.clone()),
            ]),
        });
        for request in outcome_requests.chain(compared) {
            let words = request.text();
            let chart = request.draw(SIZE, true);
            assert_eq!(words.title, chart.title, "{:?} {lang:?}", request.kind);
            assert_eq!(words.unit, chart.unit, "{:?} {lang:?}", request.kind);
        }
    }
}

/// The comparison chart's legend keeps each scenario's words whole: beside a wide plot it
/// wraps between words, and a name with a word too long for that column puts the legend
/// below the plot instead of splitting the word.
#[test]
fn compared_names_keep_their_words_whole() {
    use payung::charts::{CompareKind, Request, Source};
    use std::rc::Rc;
    let ambon = Rc::new(run(scenario("ambon")));
    let bontang = Rc::new(run(scenario("bontang")));
    let names = [
        "Tanpa perubahan: Kabupaten Lombok Timur",
        "Contributions doubled from 2027 (Bappeda)",
    ];
    let words: std::collections::BTreeSet<&str> =
        names.iter().flat_map(|n| n.split_whitespace()).collect();
    for kind in [CompareKind::Coverage, CompareKind::Cost] {
        for width in [640, 760, 900, 1000, 1400] {
            for text_px in [14, 20, 26] {
                let chart = Request {
                    kind: ChartKind::Compare(kind),
                    lang: Lang::En,
                    source: Source::Compare(vec![
                        (names[0].into(), ambon.clone()),
                        (names[1].into(), bontang.clone()),
                    ]),
                }
                .draw(
                    Size {
                        width,
                        text_px,
                        height: None,
                    },
                    true,
                );
                let lines: Vec<String> = chart
                    .scene
                    .items
                    .iter()
                    .filter(|i| i.key.starts_with("legend."))
                    .filter_map(|i| i.text.clone())
                    .collect();
                assert!(!lines.is_empty(), "{kind:?} at {width} px: no legend");
                for line in &lines {
                    for word in line.split_whitespace() {
                        assert!(
                            words.contains(word),
                            "{kind:?} at {width} px, text {text_px}: {word:?} in {line:?}"
                        );
                    }
                }
            }
        }
    }
}
