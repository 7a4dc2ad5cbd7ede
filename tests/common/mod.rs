//! Helpers shared by the engine's behaviour tests (`tests/funding.rs`, `tests/enrolment.rs`,
//! `tests/benefits.rs`, `tests/validation.rs`, `tests/solve.rs`): scenarios that switch on only
//! what a test examines, and short ways to run and inspect them.

// Each test file is its own crate and uses only some of these.
#![allow(dead_code)]

use payung::engine::scenario::{Amount, FundingSource, SourceKind, StartingCover};
use payung::engine::{
    presets, simulate, MonthResult, Outcome, Parameters, Problem, Scenario, YearMonth,
};
use rust_decimal::Decimal;

/// Rp16,800: JKK+JKM at Rp1 jt declared income, one worker-month.
pub const PACKAGE_MONTH: i64 = 16_800;
/// More money than any test scenario can spend.
pub const AMPLE: i64 = 100_000_000_000;

pub fn params() -> Parameters {
    Parameters::embedded().expect("embedded parameters parse")
}

pub fn rp(n: i64) -> Decimal {
    Decimal::from(n)
}

/// A funding source with a yearly Rupiah amount, funded from 2026-01, no cap, no growth.
pub fn source(name: &str, kind: SourceKind, priority: u32, yearly: i64) -> FundingSource {
    FundingSource {
        name: name.into(),
        kind,
        priority,
        amount: Amount::Rupiah { yearly: rp(yearly) },
        first_year: 2026,
        last_year: None,
        first_month: 1,
        growth: Decimal::ZERO,
        by_year: Default::default(),
        cap_workers: None,
        discount: false,
        groups: Vec::new(),
    }
}

pub fn cover(source: &str, workers: u64) -> StartingCover {
    StartingCover {
        source: source.into(),
        workers,
        months_of_membership: 0,
        group: None,
    }
}

/// A quiet scenario from the `custom` preset: `population` workers, nobody covered, no list,
/// no verification, no lapses, no growth, JKK+JKM at Rp1 jt, 2026-01 for one year, one
/// APBD source named "APBD" with ample money. Tests switch on only what they examine.
pub fn quiet(population: u64) -> Scenario {
    let mut sc = presets::load("custom").unwrap();
    sc.region.vulnerable_workers = population;
    sc.region.worker_growth = Decimal::ZERO;
    sc.region.covered_at_start = vec![];
    sc.region.desa = 0;
    sc.horizon.start = YearMonth::new(2026, 1);
    sc.horizon.years = 1;
    sc.programmes.jht = false;
    sc.programmes.declared_income = rp(1_000_000);
    sc.sources = vec![source("APBD", SourceKind::ApbdKota, 1, AMPLE)];
    sc.enrolment.listed = 0;
    sc.enrolment.verification_yield = Decimal::ONE;
    sc.enrolment.verification_per_month = 0;
    sc.enrolment.lapse_rate = Decimal::ZERO;
    sc.enrolment.reenrol = false;
    sc.target.coverage = Decimal::ONE;
    sc.target.year = 2026;
    sc
}

/// `quiet`, with `listed` raw entries that all verify (yield 1) and can all be checked in
/// the first month.
pub fn with_list(population: u64, listed: u64) -> Scenario {
    let mut sc = quiet(population);
    sc.enrolment.listed = listed;
    sc.enrolment.verification_per_month = listed;
    sc
}

pub fn run(sc: Scenario) -> Outcome {
    let p = params();
    let valid = sc
        .validate(&p)
        .unwrap_or_else(|e| panic!("scenario invalid: {e}"));
    simulate(&p, &valid)
}

/// The field and problem validation reports.
pub fn rejection(sc: Scenario) -> (String, Problem) {
    match sc.validate(&params()) {
        Ok(_) => panic!("scenario was accepted"),
        Err(e) => (e.field.path(), e.problem),
    }
}

/// The months of `o` from `from` to `to`, inclusive.
pub fn months_between(o: &Outcome, from: YearMonth, to: YearMonth) -> Vec<&MonthResult> {
    o.months
        .iter()
        .filter(|m| m.date >= from && m.date <= to)
        .collect()
}

pub fn assert_sources_add_up(o: &Outcome) {
    for m in &o.months {
        assert_eq!(
            m.covered_by_source.iter().sum::<u64>(),
            m.covered,
            "{}: workers by source {:?} do not add up to {}",
            m.date,
            m.covered_by_source,
            m.covered
        );
    }
}

/// The ambon preset and the index of its APBD source, the one goal-seek adjusts.
pub fn ambon() -> (Scenario, usize) {
    let sc = presets::load("ambon").unwrap();
    let i = sc.source_index("APBD Kota Ambon").unwrap();
    (sc, i)
}
