//! How sure is the answer: the Monte Carlo bands collapse onto the deterministic run without
//! spread, repeat exactly for a seed, contain the deterministic run when the assumptions are
//! centred on it; the sampler's statistics; the probability goal-seek; bad input refused.

mod common;

use common::params;
use payung::engine::uncertainty::{
    self, percentile, Assumptions, Kind, Triangular, UncertaintyError, PERCENTILES,
};
use payung::engine::{presets, Scenario};
use payung::engine::{ratio, simulate};
use rand::rngs::StdRng;
use rand::SeedableRng;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

const SEED: u64 = 20261130;

fn ambon() -> Scenario {
    presets::load("ambon").unwrap()
}

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

/// The embedded assumptions made symmetric around the scenario's own values (factors
/// 0.8–1.2, all money spent on time).
fn centred() -> Assumptions {
    let mut a = Assumptions::embedded().unwrap();
    for x in &mut a.0 {
        match x.kind {
            Kind::Factor => (x.low, x.mode, x.high) = (d("0.8"), d("1"), d("1.2")),
            Kind::Share => (x.low, x.mode, x.high) = (d("1"), d("1"), d("1")),
            Kind::Months => (x.low, x.mode, x.high) = (d("0"), d("0"), d("0")),
        }
    }
    a
}

#[test]
fn the_embedded_assumptions_are_well_formed() {
    let a = Assumptions::embedded().unwrap();
    assert_eq!(a.0.len(), 11);
    assert_eq!(a.0[0].key, "deaths", "file order is kept");
    for x in &a.0 {
        assert!(x.low <= x.mode && x.mode <= x.high, "{}", x.key);
        assert!(
            !x.basis_id.is_empty() && !x.basis_en.is_empty(),
            "{}",
            x.key
        );
        assert!(
            x.basis_id.starts_with('[') && x.basis_en.starts_with('['),
            "{} has its tag",
            x.key
        );
    }
}

#[test]
fn without_spread_the_bands_collapse_onto_the_deterministic_run() {
    let params = params();
    let valid = ambon().validate(&params).unwrap();
    let outcome = simulate(&params, &valid);
    let flat = Assumptions::embedded().unwrap().without_spread();
    // The most likely budget execution is below 1, so spend everything for this check.
    let mut flat = flat;
    for x in &mut flat.0 {
        if x.kind != Kind::Factor {
            (x.low, x.mode, x.high) = if x.kind == Kind::Share {
                (Decimal::ONE, Decimal::ONE, Decimal::ONE)
            } else {
                (Decimal::ZERO, Decimal::ZERO, Decimal::ZERO)
            };
        }
    }
    let bands = uncertainty::bands(&params, &valid, &flat, 20, SEED).unwrap();
    assert_eq!(bands.years.len(), outcome.years.len());
    for (i, y) in outcome.years.iter().enumerate() {
        let coverage = ratio(y.workers_covered_end, y.population_end);
        assert_eq!(bands.coverage[i], [coverage; 5], "{}", y.year);
        assert_eq!(bands.cost[i], [y.contributions_total; 5], "{}", y.year);
    }
    let met = if outcome.target_met {
        Decimal::ONE
    } else {
        Decimal::ZERO
    };
    assert_eq!(bands.probability_target_met, met);
}

#[test]
fn the_same_seed_gives_the_same_bands() {
    let params = params();
    let valid = ambon().validate(&params).unwrap();
    let a = Assumptions::embedded().unwrap();
    let one = uncertainty::bands(&params, &valid, &a, 60, SEED).unwrap();
    let two = uncertainty::bands(&params, &valid, &a, 60, SEED).unwrap();
    assert_eq!(one, two);
    let other = uncertainty::bands(&params, &valid, &a, 60, SEED + 1).unwrap();
    assert_ne!(one.cost, other.cost, "another seed draws other values");
    // The bands are ordered: P10 ≤ P25 ≤ P50 ≤ P75 ≤ P90.
    for p in one.coverage.iter().chain(&one.cost) {
        assert!(p.windows(2).all(|w| w[0] <= w[1]), "{p:?}");
    }
    // With spread the bands have width somewhere.
    assert!(one.cost.iter().any(|p| p[4] > p[0]));
}

#[test]
fn centred_assumptions_give_bands_around_the_deterministic_run() {
    let params = params();
    for preset in ["ambon", "bontang", "kota-jambi"] {
        let valid = presets::load(preset).unwrap().validate(&params).unwrap();
        let outcome = simulate(&params, &valid);
        let bands = uncertainty::bands(&params, &valid, &centred(), 120, SEED).unwrap();
        for (i, y) in outcome.years.iter().enumerate() {
            let coverage = ratio(y.workers_covered_end, y.population_end);
            let [p10, .., p90] = bands.coverage[i];
            assert!(
                p10 <= coverage && coverage <= p90,
                "{preset} {}: {p10} ≤ {coverage} ≤ {p90}",
                y.year
            );
            let [c10, .., c90] = bands.cost[i];
            assert!(
                c10 <= y.contributions_total && y.contributions_total <= c90,
                "{preset} {}: {c10} ≤ {} ≤ {c90}",
                y.year,
                y.contributions_total
            );
        }
    }
}

#[test]
fn the_triangular_sampler_has_the_right_mean_and_range() {
    let t = Triangular {
        low: d("0.5"),
        mode: d("1"),
        high: d("2"),
    };
    let mut rng = StdRng::seed_from_u64(SEED);
    let n = 20_000;
    let draws: Vec<f64> = (0..n).map(|_| t.sample_f64(&mut rng)).collect();
    let mean = draws.iter().sum::<f64>() / n as f64;
    // The mean of a triangular distribution is (low + mode + high) / 3 = 1.1667.
    assert!((mean - 3.5 / 3.0).abs() < 0.01, "mean {mean}");
    assert!(draws.iter().all(|&x| (0.5..=2.0).contains(&x)));
    // Its mode splits the mass: P(X < mode) = (mode − low) / (high − low) = 1/3.
    let below = draws.iter().filter(|&&x| x < 1.0).count() as f64 / n as f64;
    assert!((below - 1.0 / 3.0).abs() < 0.01, "below the mode {below}");
    // Decimal draws stay inside the range too.
    let mut rng = StdRng::seed_from_u64(SEED);
    assert!((0..1000)
        .map(|_| t.sample(&mut rng))
        .all(|x| x >= t.low && x <= t.high));
    // A distribution without spread always gives its value.
    let point = Triangular {
        low: d("3"),
        mode: d("3"),
        high: d("3"),
    };
    assert_eq!(point.sample(&mut rng), d("3"));
}

#[test]
fn draws_round_to_millionths_exactly_as_the_general_conversion() {
    use rand::RngExt;
    use rust_decimal::prelude::FromPrimitive;
    let general = |x: f64| Decimal::from_f64(x).map(|d| d.round_dp(6).to_string());
    let mut rng = StdRng::seed_from_u64(SEED);
    let mut xs: Vec<f64> = (0..100_000)
        .map(|_| rng.random::<f64>() * 120.0 - 10.0)
        .collect();
    xs.extend((0..100_000).map(|_| rng.random::<f64>() * 2.0));
    // Near whole and half millionths, where rounding could tip either way.
    for _ in 0..30_000 {
        let k = rng.random_range(0..100_000_000u64) as f64;
        for base in [k / 1e6, (k + 0.5) / 1e6] {
            let mut x = base;
            for _ in 0..4 {
                xs.extend([x, -x]);
                x = f64::from_bits(x.to_bits() + 1);
            }
            xs.push(f64::from_bits(base.to_bits().saturating_sub(1)));
        }
    }
    xs.extend([
        0.0,
        0.5,
        1.0,
        12.0,
        99.999_999_5,
        100.0,
        1e-7,
        5e-7,
        f64::NAN,
    ]);
    for x in xs {
        let fast = uncertainty::to_micro(x).map(|d| d.round_dp(6).to_string());
        assert_eq!(fast, general(x), "{x:e}");
    }
}

#[test]
fn percentiles_use_the_nearest_rank() {
    let v: Vec<Decimal> = (1..=10).map(Decimal::from).collect();
    let got = PERCENTILES.map(|p| percentile(&v, p).unwrap());
    assert_eq!(got.map(|x| x.to_u32().unwrap()), [1, 3, 5, 8, 9]);
    assert_eq!(percentile(&[], 50), None);
    assert_eq!(percentile(&[d("7")], 90), Some(d("7")));
}

#[test]
fn the_tornado_is_sorted_and_flat_without_spread() {
    let params = params();
    let valid = ambon().validate(&params).unwrap();
    let bars = uncertainty::tornado(&params, &valid, &Assumptions::embedded().unwrap()).unwrap();
    assert_eq!(bars.len(), 11);
    assert!(bars
        .windows(2)
        .all(|w| w[0].coverage_swing() >= w[1].coverage_swing()));
    assert!(
        bars[0].coverage_swing() > Decimal::ZERO,
        "something moves coverage"
    );
    let flat = uncertainty::tornado(&params, &valid, &centred().without_spread()).unwrap();
    assert!(flat
        .iter()
        .all(|b| b.coverage_swing().is_zero() && b.cost_low == b.cost_high));
}

#[test]
fn the_probability_goal_seek_finds_the_least_amount() {
    let params = params();
    // 100% is out of reach when verification or lapses turn out badly: aim at 60%.
    let mut sc = ambon();
    sc.target.coverage = d("0.6");
    let valid = sc.validate(&params).unwrap();
    let a = Assumptions::embedded().unwrap();
    let p = d("0.8");
    let apbd = valid.source_index("APBD Kota Ambon").unwrap();
    let amount =
        uncertainty::budget_for_probability(&params, &valid, &a, apbd, p, 20, SEED).unwrap();
    let chance = |yearly: Decimal| {
        let mut sc = valid.scenario().clone();
        sc.sources[apbd].amount = payung::engine::scenario::Amount::Rupiah { yearly };
        sc.sources[apbd].by_year.clear();
        let v = sc.validate(&params).unwrap();
        uncertainty::bands(&params, &v, &a, 20, SEED)
            .unwrap()
            .probability_target_met
    };
    assert!(chance(amount) >= p, "the answer meets 80%");
    assert!(amount.fract().is_zero(), "whole Rupiah: {amount}");
    let year_of_cover = params
        .contribution_for(valid.horizon.start, &valid.programmes, false)
        .total()
        * Decimal::from(12);
    assert!(
        chance(amount - year_of_cover * Decimal::TWO) < p,
        "much less does not"
    );
}

#[test]
fn bad_input_is_refused_with_a_reason() {
    let params = params();
    let valid = ambon().validate(&params).unwrap();
    let a = Assumptions::embedded().unwrap();
    for draws in [0, 9, 1_000_000] {
        assert_eq!(
            uncertainty::bands(&params, &valid, &a, draws, SEED),
            Err(UncertaintyError::Draws(draws))
        );
    }
    let mut bad = a.clone();
    bad.0[0].low = d("2");
    assert_eq!(
        uncertainty::bands(&params, &valid, &bad, 20, SEED),
        Err(UncertaintyError::BadSpread("deaths".into()))
    );
    let mut negative = a.clone();
    negative.0[1].low = d("-0.1");
    assert!(matches!(
        uncertainty::tornado(&params, &valid, &negative),
        Err(UncertaintyError::BadSpread(_))
    ));
    for p in ["0", "1", "1.5", "-0.2"] {
        assert_eq!(
            uncertainty::budget_for_probability(&params, &valid, &a, 0, d(p), 20, SEED),
            Err(UncertaintyError::Probability)
        );
    }
    let text = "[x]\ndescription_id = \"a\"\ndescription_en = \"a\"\nkind = \"share\"\nlow = \"0.5\"\nmode = \"0.9\"\nhigh = \"1.5\"\nbasis_id = \"[E]\"\nbasis_en = \"[E]\"\n";
    assert_eq!(
        Assumptions::from_toml(text),
        Err(UncertaintyError::BadSpread("x".into()))
    );
}

fn payung(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_payung"))
        .args(args)
        .output()
        .expect("payung runs")
}

#[test]
fn the_cli_prints_bands_and_refuses_bad_draws() {
    let out = payung(&["run", "--preset", "bontang", "--draws", "50", "--seed", "7"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let csv = String::from_utf8(out.stdout).unwrap();
    let header = csv.lines().next().unwrap();
    assert!(header.starts_with(
        "year,coverage_p10,coverage_p25,coverage_p50,coverage_p75,coverage_p90,cost_p10"
    ));
    assert!(header.ends_with(",probability_target_met,draws,seed"));
    // The CSV carries exactly what the engine computes for that seed.
    let params = params();
    let valid = presets::load("bontang").unwrap().validate(&params).unwrap();
    let bands =
        uncertainty::bands(&params, &valid, &Assumptions::embedded().unwrap(), 50, 7).unwrap();
    let first: Vec<&str> = csv.lines().nth(1).unwrap().split(',').collect();
    assert_eq!(first[0], bands.years[0].to_string());
    assert_eq!(first[8], bands.cost[0][2].round().to_string(), "cost P50");
    assert_eq!(csv.lines().count(), 1 + bands.years.len());

    for bad in [["--draws", "0"], ["--draws", "1000000"]] {
        let out = payung(&["run", "--preset", "ambon", bad[0], bad[1]]);
        assert_eq!(out.status.code(), Some(2));
        let err = String::from_utf8(out.stderr).unwrap();
        assert_eq!(err.lines().count(), 1);
        assert!(err.starts_with("payung: --draws: "), "{err}");
    }
    let out = payung(&[
        "solve",
        "--preset",
        "ambon",
        "--source",
        "APBD Kota Ambon",
        "--probability",
        "1.5",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8(out.stderr)
        .unwrap()
        .starts_with("payung: --probability: "));
}
