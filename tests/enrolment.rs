//! Enrolment through the public API: verification capacity and yield, unspent money,
//! and lapses (with and without re-enrolment, in large and small cohorts).
//!
//! Invariants over random scenarios live in `tests/properties.rs`; exact seed costs in
//! `tests/golden/`. These tests pin concrete cases, each with a number that could be wrong.

mod common;

use common::{cover, quiet, rp, run, with_list, PACKAGE_MONTH};
use payung::engine::scenario::Amount;
use payung::engine::{Scenario, Unspent, Warning, YearMonth};
use rust_decimal::Decimal;

// ---------------------------------------------------------------------------------------
// Enrolment: verification, unspent money, lapses
// ---------------------------------------------------------------------------------------

#[test]
fn verification_capacity_limits_new_enrolment_and_unspent_money_is_reported() {
    let mut sc = quiet(5_000);
    sc.enrolment.listed = 5_000;
    sc.enrolment.verification_per_month = 100;
    sc.sources[0].amount = Amount::Rupiah {
        yearly: rp(10_000_000_000),
    };
    let o = run(sc);
    for m in &o.months {
        assert_eq!(
            m.new_enrolments, 100,
            "{}: capacity 100 with yield 1",
            m.date
        );
    }
    // Month m's 100 cost (12 − m) months each: 100 × 16,800 × 78.
    let spent = rp(100 * PACKAGE_MONTH * 78);
    let y = &o.years[0];
    assert_eq!(y.contributions_total, spent);
    assert_eq!(y.unspent_by_source[0], rp(10_000_000_000) - spent);
    assert_eq!(y.unspent_total, rp(10_000_000_000) - spent);
    assert!(o.warnings.contains(&Warning::VerificationBinding {
        months: 12,
        first: YearMonth::new(2026, 1)
    }));
    assert!(o.warnings.contains(&Warning::BudgetUnspent {
        source: "APBD".into(),
        amount: rp(10_000_000_000) - spent,
        why: Unspent::Verification,
    }));
}

#[test]
fn verification_yield_scales_new_enrolment() {
    let mut sc = quiet(5_000);
    sc.enrolment.listed = 5_000;
    sc.enrolment.verification_per_month = 100;
    sc.enrolment.verification_yield = Decimal::new(5, 1);
    let o = run(sc);
    for m in &o.months {
        assert_eq!(m.new_enrolments, 50, "{}", m.date);
    }
}

#[test]
fn when_money_binds_there_is_no_verification_warning() {
    let mut sc = with_list(1_000, 1_000);
    sc.sources[0].amount = Amount::Rupiah {
        yearly: rp(100 * 12 * PACKAGE_MONTH),
    };
    let o = run(sc);
    assert_eq!(o.years[0].workers_covered_end, 100);
    assert_eq!(o.years[0].waitlist, 900);
    assert!(!o.warnings.iter().any(|w| matches!(
        w,
        Warning::VerificationBinding { .. } | Warning::BudgetUnspent { .. }
    )));
}

/// 10,000 workers all covered, 12% lapse a year, no list, money for exactly these 10,000.
fn lapsing(reenrol: bool, years: u32) -> Scenario {
    let mut sc = quiet(10_000);
    sc.horizon.years = years;
    sc.target.year = 2026;
    sc.region.covered_at_start = vec![cover("APBD", 10_000)];
    sc.sources[0].amount = Amount::Rupiah {
        yearly: rp(10_000 * 12 * PACKAGE_MONTH),
    };
    sc.enrolment.lapse_rate = Decimal::new(12, 2);
    sc.enrolment.reenrol = reenrol;
    sc.enrolment.verification_per_month = 1_000;
    sc
}

#[test]
fn lapses_follow_the_lapse_rate() {
    let o = run(lapsing(false, 1));
    assert_eq!(o.months[0].lapses, 100, "1% of 10,000 in the first month");
    for m in &o.months {
        assert!(
            (85..=100).contains(&m.lapses),
            "{}: {} lapses",
            m.date,
            m.lapses
        );
    }
    // 10,000 × (1 − 0.99^12) ≈ 1,136 over the year.
    let y = &o.years[0];
    assert!(
        (1_110..=1_160).contains(&y.lapses),
        "{} lapses in the year",
        y.lapses
    );
    assert_eq!(y.workers_covered_end, 10_000 - y.lapses);
}

#[test]
fn lapsed_workers_never_come_back_without_reenrolment() {
    let o = run(lapsing(false, 3));
    let mut previous = 10_000;
    for m in &o.months {
        assert_eq!(m.new_enrolments, 0, "{}", m.date);
        assert!(
            m.covered <= previous,
            "{}: cover rose to {}",
            m.date,
            m.covered
        );
        previous = m.covered;
    }
    assert!(o.last_month().covered < 7_200, "{}", o.last_month().covered);
    // With re-enrolment and room in the budget, they are verified again and come back.
    let back = run(lapsing(true, 3));
    assert!(back.years.iter().map(|y| y.new_enrolments).sum::<u64>() > 0);
    assert!(back.last_month().covered > o.last_month().covered);
}

// Regression (fixed): engine bug. `simulate` rounds each month's lapses to a whole worker
// (`round_u64(known × lapse_rate / 12)`) and drops the remainder, so a cohort with fewer than
// 60 known workers at 10% a year never lapses (50 × 0.1 / 12 = 0.42 rounds to 0, every month,
// for ever). Expected over five years: 50 × (1 − (1 − 0.1/12)^60) ≈ 19.7; the engine gives 0.
// (100 workers give 12, 12, 12, 4, 0 a year instead of ~10, 9, 8, 7, 7.) Carrying the
// fractional remainder from month to month would fix it.
#[test]
fn lapses_follow_the_lapse_rate_in_a_small_cohort() {
    let mut sc = quiet(50);
    sc.horizon.years = 5;
    sc.region.covered_at_start = vec![cover("APBD", 50)];
    sc.enrolment.lapse_rate = Decimal::new(10, 2);
    let o = run(sc);
    let lapses: u64 = o.years.iter().map(|y| y.lapses).sum();
    let expected = 50.0 * (1.0 - (1.0f64 - 0.1 / 12.0).powi(60));
    assert!(
        (lapses as f64 - expected).abs() <= 5.0,
        "{lapses} lapses over five years among 50 workers at 10% a year; expected about {expected:.1}"
    );
}

// Regression (fixed): engine bug, same cause. Each month's eligible workers are
// `round_u64(checked × verification_yield)` with the remainder dropped, while the checked
// entries leave the list. With 2 checks a month at a yield of 0.2 (Kota Jambi's yield),
// round(0.4) = 0 every month: the whole list is consumed and nobody is ever enrolled.
// Expected: 120 entries checked over five years × 0.2 = 24 enrolled; the engine gives 0.
#[test]
fn verification_yield_applies_to_small_monthly_capacities() {
    let mut sc = quiet(1_000);
    sc.horizon.years = 5;
    sc.enrolment.listed = 120;
    sc.enrolment.verification_per_month = 2;
    sc.enrolment.verification_yield = Decimal::new(2, 1);
    let o = run(sc);
    let enrolled: u64 = o.years.iter().map(|y| y.new_enrolments).sum();
    assert!(
        enrolled.abs_diff(24) <= 2,
        "{enrolled} enrolled from 120 checked entries at a yield of 0.2; expected about 24"
    );
}
