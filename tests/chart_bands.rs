//! The coverage and cost charts' uncertainty bands: with bands from the Monte Carlo run
//! (Ambon, 100 draws, a fixed seed) the 80% and 50% ranges are drawn as keyed shapes, named
//! in the legend and the summary; without bands, or with bands of other years, nothing of
//! them is drawn; the benefits chart ignores them. One snapshot shows the chart with its bands
//! (`INSTA_UPDATE=always cargo test --test chart_bands` after an intended change).

use payung::charts::{ChartKind, Request, Scene, Size, Source};
use payung::engine::uncertainty::{bands, Assumptions, Bands};
use payung::engine::{presets, simulate, Outcome, Parameters};
use payung::locale::Lang;
use rust_decimal::Decimal;
use std::rc::Rc;

const SIZE: Size = Size {
    width: 800,
    text_px: 14,
    height: None,
};

/// Ambon's outcome, its target and its bands over 100 draws with a fixed seed.
fn ambon() -> (Rc<Outcome>, Decimal, Rc<Bands>) {
    let p = Parameters::embedded().unwrap();
    let v = presets::load("ambon").unwrap().validate(&p).unwrap();
    let a = Assumptions::embedded().unwrap();
    let b = bands(&p, &v, &a, 100, 20_261_130).unwrap();
    (Rc::new(simulate(&p, &v)), v.target.coverage, Rc::new(b))
}

fn request(kind: ChartKind, lang: Lang, bands: Option<Rc<Bands>>) -> Request {
    let (outcome, target, _) = ambon();
    Request {
        kind,
        lang,
        source: Source::Outcome {
            outcome,
            baseline: None,
            target,
            bands,
        },
    }
}

/// The keys of the scene's shapes drawn for `role`.
fn keys_of<'a>(scene: &'a Scene, role: &str) -> Vec<&'a str> {
    scene
        .items
        .iter()
        .map(|i| i.key.as_str())
        .filter(|k| k.starts_with(&format!("{role}.")))
        .collect()
}

fn legend_texts(scene: &Scene) -> Vec<String> {
    scene
        .items
        .iter()
        .filter(|i| i.key.starts_with("legend."))
        .filter_map(|i| i.text.clone())
        .collect()
}

#[test]
fn bands_are_drawn_named_and_summarised() {
    let (_, _, b) = ambon();
    for (lang, legend, sentence) in [
        (Lang::Id, "Rentang 80% / 50%", "Dalam 80% dari 100 simulasi"),
        (Lang::En, "80% / 50% range", "In 80% of 100 draws"),
    ] {
        let chart = request(ChartKind::Coverage, lang, Some(b.clone())).draw(SIZE, true);
        assert_eq!(keys_of(&chart.scene, "spread-80"), ["spread-80.polygon.0"]);
        assert_eq!(keys_of(&chart.scene, "spread-50"), ["spread-50.polygon.0"]);
        let texts = legend_texts(&chart.scene).join(" ");
        assert!(texts.contains(legend), "{texts}");
        assert!(chart.summary.contains(sentence), "{}", chart.summary);
        // The ranges lie behind the coverage line.
        let at = |key: &str| {
            chart
                .scene
                .items
                .iter()
                .position(|i| i.key.starts_with(key))
        };
        assert!(at("spread-50").unwrap() < at("series-covered").unwrap());
    }
}

#[test]
fn nothing_of_them_is_drawn_without_bands_or_on_other_charts() {
    let (_, _, b) = ambon();
    let plain = request(ChartKind::Coverage, Lang::Id, None).draw(SIZE, true);
    assert!(keys_of(&plain.scene, "spread-80").is_empty());
    assert!(keys_of(&plain.scene, "spread-50").is_empty());
    assert!(!legend_texts(&plain.scene).join(" ").contains("Rentang"));
    assert!(!plain.summary.contains("simulasi"));
    let benefits = request(ChartKind::Benefits, Lang::Id, Some(b)).draw(SIZE, true);
    assert!(benefits
        .scene
        .items
        .iter()
        .all(|i| !i.key.starts_with("spread")));
}

#[test]
fn bands_of_other_years_are_not_drawn() {
    let (_, _, b) = ambon();
    let mut other = (*b).clone();
    for y in &mut other.years {
        *y += 50;
    }
    for kind in [ChartKind::Coverage, ChartKind::Cost] {
        let chart = request(kind, Lang::En, Some(Rc::new(other.clone()))).draw(SIZE, true);
        assert!(chart
            .scene
            .items
            .iter()
            .all(|i| !i.key.starts_with("spread")));
        assert!(!chart.summary.contains("draws"), "{}", chart.summary);
    }
}

#[test]
fn the_cost_chart_shows_each_years_range_over_its_bar() {
    let (outcome, _, b) = ambon();
    let years = outcome.years.len();
    assert!(years >= 2);
    for (lang, legend, sentence) in [
        (Lang::Id, "Rentang 80% / 50%", "Dalam 80% dari 100 simulasi"),
        (Lang::En, "80% / 50% range", "In 80% of 100 draws"),
    ] {
        let chart = request(ChartKind::Cost, lang, Some(b.clone())).draw(SIZE, true);
        assert_eq!(keys_of(&chart.scene, "spread-80").len(), years);
        // The 50% box: a white fill and its outline.
        assert_eq!(keys_of(&chart.scene, "spread-50").len(), 2 * years);
        assert!(legend_texts(&chart.scene).join(" ").contains(legend));
        assert!(chart.summary.contains(sentence), "{}", chart.summary);
    }
    // The first year's sentence names the range of the first year's cost.
    let first = outcome.years[0].year;
    let chart = request(ChartKind::Cost, Lang::En, Some(b.clone())).draw(SIZE, true);
    assert!(chart
        .summary
        .contains(&format!("the cost of {first} is between")));
    let low = payung::locale::format::rupiah_compact(b.cost[0][0], Lang::En);
    assert!(
        chart.summary.contains(&low),
        "{} lacks {low}",
        chart.summary
    );
    let plain = request(ChartKind::Cost, Lang::En, None).draw(SIZE, true);
    assert!(keys_of(&plain.scene, "spread-80").is_empty());
}

/// The stroke widths of the shapes drawn for `role`.
fn stroke_widths(scene: &Scene, role: &str) -> Vec<String> {
    scene
        .items
        .iter()
        .filter(|i| i.key.starts_with(&format!("{role}.")))
        .filter_map(|i| {
            i.attrs
                .iter()
                .find(|(name, _)| *name == "stroke-width")
                .map(|(_, v)| v.clone())
        })
        .collect()
}

#[test]
fn a_small_cost_charts_ranges_are_hairlines() {
    let (_, _, b) = ambon();
    // The printed brief's size (240 px, 12 px text): whisker and median 1 px, so that a
    // short range does not print as a dark blob; on a laptop's screen, 2 px.
    let brief = Size {
        width: 240,
        text_px: 12,
        height: None,
    };
    for (size, width) in [(brief, "1"), (SIZE, "2")] {
        let chart = request(ChartKind::Cost, Lang::Id, Some(b.clone())).draw(size, true);
        for role in ["spread-80", "spread-median"] {
            let widths = stroke_widths(&chart.scene, role);
            assert!(!widths.is_empty(), "{role} at {} px", size.width);
            assert!(widths.iter().all(|w| w == width), "{role}: {widths:?}");
        }
    }
}

#[test]
fn the_coverage_chart_with_bands() {
    let (_, _, b) = ambon();
    let chart = request(ChartKind::Coverage, Lang::Id, Some(b)).draw(SIZE, true);
    insta::assert_snapshot!("coverage_bands_ambon_id", chart.to_svg());
}

/// A dashed line (the target, the draws' median) is one element, dashed by its stroke, so a
/// redraw updates one element rather than removing and adding one per dash.
#[test]
fn a_dashed_line_is_one_element() {
    let (_, _, b) = ambon();
    let chart = request(ChartKind::Coverage, Lang::Id, Some(b)).draw(SIZE, true);
    for role in ["target-line", "spread-median"] {
        let items: Vec<_> = chart
            .scene
            .items
            .iter()
            .filter(|i| i.key.starts_with(&format!("{role}.")))
            .collect();
        assert_eq!(items.len(), 1, "{role}: {items:?}");
        let dash = items[0]
            .attrs
            .iter()
            .find(|(k, _)| *k == "stroke-dasharray");
        assert!(
            dash.is_some_and(|(_, v)| v.split(' ').count() == 2),
            "{role}: {items:?}"
        );
    }
    // The solid series carry no dashes.
    let covered = chart
        .scene
        .items
        .iter()
        .find(|i| i.key.starts_with("series-covered."));
    assert!(covered.is_some_and(|i| i.attrs.iter().all(|(k, _)| *k != "stroke-dasharray")));
}

#[test]
fn the_draws_median_is_drawn_named_and_said() {
    let (outcome, _, b) = ambon();
    let last = b.coverage.last().expect("a year of bands");
    for (lang, legend) in [
        (Lang::Id, "Median simulasi"),
        (Lang::En, "Median of the draws"),
    ] {
        let coverage = request(ChartKind::Coverage, lang, Some(b.clone())).draw(SIZE, true);
        assert!(!keys_of(&coverage.scene, "spread-median").is_empty());
        assert!(legend_texts(&coverage.scene).join(" ").contains(legend));
        let median = payung::locale::format::percent(last[2], lang);
        assert!(
            coverage.summary.contains(&format!("(median {median})")),
            "{}",
            coverage.summary
        );

        let cost = request(ChartKind::Cost, lang, Some(b.clone())).draw(SIZE, true);
        // One median tick across each year's box.
        assert_eq!(
            keys_of(&cost.scene, "spread-median").len(),
            outcome.years.len()
        );
        assert!(legend_texts(&cost.scene).join(" ").contains(legend));
        let first = payung::locale::format::rupiah_compact(b.cost[0][2], lang);
        assert!(
            cost.summary.contains(&format!("(median {first})")),
            "{}",
            cost.summary
        );
    }
    let plain = request(ChartKind::Coverage, Lang::Id, None).draw(SIZE, true);
    assert!(keys_of(&plain.scene, "spread-median").is_empty());
    assert!(!legend_texts(&plain.scene).join(" ").contains("Median"));
}

/// A legend beside the plot wraps between words; where a label would need a word split or
/// be cut there (presentation mode's large text, a long baseline name), the legend goes
/// below the plot instead, where it wraps whole. Every legend line is made of the labels'
/// whole words, with no "…".
#[test]
fn legend_labels_keep_their_words_whole() {
    let (outcome, target, b) = ambon();
    let baseline = Some((
        "Tanpa perubahan: Kabupaten Lombok Timur".to_string(),
        outcome.clone(),
    ));
    for lang in [Lang::Id, Lang::En] {
        for kind in [ChartKind::Coverage, ChartKind::Cost, ChartKind::Benefits] {
            let chart = |width, text_px| {
                Request {
                    kind,
                    lang,
                    source: Source::Outcome {
                        outcome: outcome.clone(),
                        baseline: baseline.clone(),
                        target,
                        bands: Some(b.clone()),
                    },
                }
                .draw(
                    Size {
                        width,
                        text_px,
                        height: None,
                    },
                    true,
                )
            };
            // At a wide chart's small text no label wraps: the labels' words.
            let words: std::collections::BTreeSet<String> = legend_texts(&chart(3000, 12).scene)
                .iter()
                .flat_map(|l| l.split_whitespace().map(str::to_string).collect::<Vec<_>>())
                .collect();
            for width in [640, 760, 900, 1000, 1400] {
                for text_px in [14, 20] {
                    for line in legend_texts(&chart(width, text_px).scene) {
                        for word in line.split_whitespace() {
                            assert!(
                                words.contains(word),
                                "{kind:?} {lang:?} at {width} px, text {text_px}: {word:?} in {line:?}"
                            );
                        }
                    }
                }
            }
        }
    }
}
