//! Goal-seek through the public API: the smallest yearly amount that reaches a target, why a
//! target cannot be reached, and what a given budget keeps covered.
//!
//! Invariants over random scenarios live in `tests/properties.rs`; exact seed costs in
//! `tests/golden/`. These tests pin concrete cases, each with a number that could be wrong.

mod common;

use common::{ambon, params, rp, PACKAGE_MONTH};
use payung::engine::solve::{coverage_for_budget, solve_budget, with_amount, Unreachable};
use payung::engine::{presets, simulate};
use rust_decimal::Decimal;

// ---------------------------------------------------------------------------------------
// Goal-seek
// ---------------------------------------------------------------------------------------

#[test]
fn goal_seek_finds_the_smallest_yearly_amount_for_ambon_by_2029() {
    let p = params();
    let (mut sc, i) = ambon();
    sc.target.coverage = Decimal::ONE;
    sc.target.year = 2029;
    let valid = sc.validate(&p).unwrap();
    let answer = solve_budget(&p, &valid, i).expect("reachable");
    assert_eq!(answer.source, i);
    assert!(answer.yearly_amount > Decimal::ZERO);
    assert_eq!(
        answer.yearly_amount,
        answer.yearly_amount.trunc(),
        "whole Rupiah"
    );
    assert!(answer.reached.year <= 2029);
    let at = simulate(&p, &with_amount(&valid, i, answer.yearly_amount));
    assert!(at.target_met);
    assert_eq!(at.target_reached, Some(answer.reached));
    let below = simulate(
        &p,
        &with_amount(&valid, i, answer.yearly_amount - Decimal::ONE),
    );
    assert!(!below.target_met, "Rp1 less still meets the target");
}

#[test]
fn goal_seek_says_verification_binds_when_nobody_more_can_be_verified() {
    let p = params();
    let (mut sc, i) = ambon();
    sc.enrolment.verification_per_month = 0;
    sc.enrolment.listed = 0;
    sc.target.coverage = Decimal::ONE;
    let valid = sc.validate(&p).unwrap();
    match solve_budget(&p, &valid, i) {
        Err(Unreachable::VerificationBinds { best_ratio, year }) => {
            assert_eq!(year, 2029);
            assert!(best_ratio < Decimal::ONE, "{best_ratio}");
        }
        other => panic!("expected VerificationBinds, got {other:?}"),
    }
}

#[test]
fn goal_seek_says_a_source_starting_after_the_target_year_is_inactive() {
    let p = params();
    let (mut sc, i) = ambon();
    sc.sources[i].first_year = 2030;
    let valid = sc.validate(&p).unwrap();
    assert_eq!(
        solve_budget(&p, &valid, i),
        Err(Unreachable::SourceInactive { year: 2029 })
    );
    assert_eq!(solve_budget(&p, &valid, 99), Err(Unreachable::NoSuchSource));
}

// Regression (fixed): engine bug in `solve::diagnose`. A source whose last year (2025) is before the
// horizon (2026–2030) pays nothing before the end of 2029, but only `first_year > year` is
// checked, so the answer is `TooExpensive { best_ratio: 0.3628 }` ("even Rp10 trillion a year
// reaches only 0.3628"), which misleads: no amount helps because the source has ended.
// Checking `last_year < horizon.start.year` (or whether the top run's plan funds any month up
// to the target year) would give `SourceInactive`.
#[test]
fn goal_seek_says_a_source_that_ended_before_the_horizon_is_inactive() {
    let p = params();
    let (mut sc, i) = ambon();
    sc.sources[i].first_year = 2020;
    sc.sources[i].last_year = Some(2025);
    let valid = sc.validate(&p).unwrap();
    assert_eq!(
        solve_budget(&p, &valid, i),
        Err(Unreachable::SourceInactive { year: 2029 })
    );
}

#[test]
fn goal_seek_reports_what_rp_7_4_m_keeps_covered_in_bontang() {
    let p = params();
    let sc = presets::load("bontang").unwrap();
    let i = sc.source_index("APBD Kota Bontang").unwrap();
    let valid = sc.validate(&p).unwrap();
    let a = coverage_for_budget(&p, &valid, i, rp(7_400_000_000)).unwrap();
    assert_eq!(a.affordable_workers, 36_706); // floor(7.4e9 / 201,600)
    assert_eq!(
        a.affordable_workers,
        7_400_000_000 / (12 * PACKAGE_MONTH as u64)
    );
    assert!(
        a.workers_covered_by_source.abs_diff(a.affordable_workers) <= 5,
        "{} covered at the end",
        a.workers_covered_by_source
    );
    assert!(a.peak_workers_by_source >= a.workers_covered_by_source);
    assert_eq!(a.yearly_amount, rp(7_400_000_000));
}
