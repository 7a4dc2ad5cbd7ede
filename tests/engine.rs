//! Behaviour of the engine through its public API, scenario by scenario: the seed figures
//! (Bontang's claims), the funding rules (fiscal years, priorities, caps, sources that end),
//! enrolment (verification, lapses), benefits (lag, scholarships, JHT), warnings,
//! validation, goal-seek, and the `payung` command-line runner.
//!
//! Invariants over random scenarios live in `tests/properties.rs`; exact seed costs in
//! `tests/golden/`. These tests pin concrete cases, each with a number that could be wrong.

use payung::engine::import::{scenario_from_json, scenario_to_json};
use payung::engine::scenario::{Amount, FundingSource, SourceKind, StartingCover};
use payung::engine::simulate::{Outcome, Warning};
use payung::engine::solve::{coverage_for_budget, solve_budget, with_amount, Unreachable};
use payung::engine::{presets, report, simulate, Parameters, Problem, Scenario, YearMonth};
use rust_decimal::Decimal;
use std::process::{Command, Output};

// ---------------------------------------------------------------------------------------
// Shared helpers
// ---------------------------------------------------------------------------------------

/// Rp16,800: JKK+JKM at Rp1 jt declared income, one worker-month.
const PACKAGE_MONTH: i64 = 16_800;
/// More money than any test scenario can spend.
const AMPLE: i64 = 100_000_000_000;

fn params() -> Parameters {
    Parameters::embedded().expect("embedded parameters parse")
}

fn rp(n: i64) -> Decimal {
    Decimal::from(n)
}

/// A funding source with a yearly Rupiah amount, funded from 2026-01, no cap, no growth.
fn source(name: &str, kind: SourceKind, priority: u32, yearly: i64) -> FundingSource {
    FundingSource {
        name: name.into(),
        kind,
        priority,
        amount: Amount::Rupiah { yearly: rp(yearly) },
        first_year: 2026,
        last_year: None,
        first_month: 1,
        growth: Decimal::ZERO,
        cap_workers: None,
        discount: false,
    }
}

fn cover(source: &str, workers: u64) -> StartingCover {
    StartingCover {
        source: source.into(),
        workers,
        months_of_membership: 0,
    }
}

/// A quiet scenario from the `custom` preset: `population` workers, nobody covered, no list,
/// no verification, no lapses, no growth, JKK+JKM at Rp1 jt, 2026-01 for one year, one
/// APBD source named "APBD" with ample money. Tests switch on only what they examine.
fn quiet(population: u64) -> Scenario {
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
fn with_list(population: u64, listed: u64) -> Scenario {
    let mut sc = quiet(population);
    sc.enrolment.listed = listed;
    sc.enrolment.verification_per_month = listed;
    sc
}

fn run(sc: Scenario) -> Outcome {
    let p = params();
    let valid = sc
        .validate(&p)
        .unwrap_or_else(|e| panic!("scenario invalid: {e}"));
    simulate(&p, &valid)
}

/// The field and problem validation reports.
fn rejection(sc: Scenario) -> (String, Problem) {
    match sc.validate(&params()) {
        Ok(_) => panic!("scenario was accepted"),
        Err(e) => (e.field.path(), e.problem),
    }
}

/// The months of `o` from `from` to `to`, inclusive.
fn months_between(
    o: &Outcome,
    from: YearMonth,
    to: YearMonth,
) -> Vec<&payung::engine::simulate::MonthResult> {
    o.months
        .iter()
        .filter(|m| m.date >= from && m.date <= to)
        .collect()
}

fn assert_sources_add_up(o: &Outcome) {
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

// ---------------------------------------------------------------------------------------
// Bontang's claims (seeds/003)
// ---------------------------------------------------------------------------------------

/// Bontang as the seed describes it: 34,782 workers all covered from October 2023 by the
/// city's APBD with ample money, nobody leaving or joining, 4.0 deaths per 1,000 a year.
fn bontang_claims_scenario() -> Scenario {
    let mut sc = presets::load("bontang").unwrap();
    sc.region.vulnerable_workers = 34_782;
    sc.region.worker_growth = Decimal::ZERO;
    sc.region.covered_at_start = vec![cover("APBD Kota Bontang", 34_782)];
    sc.sources[0].amount = Amount::Rupiah { yearly: rp(AMPLE) };
    sc.enrolment.lapse_rate = Decimal::ZERO;
    sc.enrolment.listed = 0;
    sc.risk.deaths_per_thousand = Decimal::new(40, 1);
    sc
}

fn bontang_deaths_oct_2023_to_jul_2024() -> f64 {
    let o = run(bontang_claims_scenario());
    let months = months_between(&o, YearMonth::new(2023, 10), YearMonth::new(2024, 7));
    assert_eq!(months.len(), 10, "October 2023 to July 2024 is 10 months");
    for m in &months {
        assert_eq!(m.covered, 34_782, "{}: everyone stays covered", m.date);
    }
    months.iter().map(|m| m.expected_deaths).sum()
}

#[test]
fn bontang_expected_deaths_oct_2023_to_jul_2024_follow_the_rate() {
    let deaths = bontang_deaths_oct_2023_to_jul_2024();
    let formula = 34_782.0 * 4.0 / 1000.0 * 10.0 / 12.0; // 115.94
    assert!(
        (deaths - formula).abs() < 0.01,
        "expected deaths {deaths}, formula {formula}"
    );
}

#[test]
fn bontang_expected_deaths_are_about_the_107_reported() {
    // The seed reports 107 deaths among ~34,782 members from October 2023 to July 2024;
    // domain.md puts that at ~26,700 person-years, i.e. 26,700 / 34,782 × 12 ≈ 9.2 months
    // of exposure: the article is dated 17 July 2024, so July is only partly counted. A full
    // 10 months at 4.0 per 1,000 gives 115.9, within 10% of 107.
    let deaths = bontang_deaths_oct_2023_to_jul_2024();
    assert!(
        (deaths - 107.0).abs() / 107.0 <= 0.10,
        "expected deaths {deaths} is not within 10% of 107"
    );
    let per_month = deaths / 10.0;
    assert!(
        (per_month * 9.2 - 107.0).abs() < 1.0,
        "9.2 months of exposure should give ~107, got {}",
        per_month * 9.2
    );
}

// ---------------------------------------------------------------------------------------
// Contributions and fiscal years
// ---------------------------------------------------------------------------------------

#[test]
fn pp50_discount_halves_csr_premiums_from_april_2026_but_never_apbd() {
    let mut sc = quiet(2_000);
    // The CSR budget is exactly 1,000 × (3 × 16,800 + 9 × 8,400) = Rp126,000,000: enough only
    // if the discounted rate is what the year costs.
    let mut csr = source("CSR mitra", SourceKind::Csr, 2, 126_000_000);
    csr.discount = true;
    sc.sources.push(csr);
    sc.region.covered_at_start = vec![cover("APBD", 1_000), cover("CSR mitra", 1_000)];
    let o = run(sc);
    assert_eq!(o.months.len(), 12);
    for m in &o.months {
        assert_eq!(m.covered_by_source, vec![1_000, 1_000], "{}", m.date);
        let csr_rate = m.contributions_by_source[1] / rp(1_000);
        let apbd_rate = m.contributions_by_source[0] / rp(1_000);
        let expected_csr = if m.date.month <= 3 { 16_800 } else { 8_400 };
        assert_eq!(
            csr_rate,
            rp(expected_csr),
            "CSR per worker-month in {}",
            m.date
        );
        assert_eq!(apbd_rate, rp(16_800), "APBD per worker-month in {}", m.date);
    }
    let y = &o.years[0];
    assert_eq!(y.contributions_by_source[1], rp(126_000_000));
    assert_eq!(y.unspent_by_source[1], Decimal::ZERO);
    assert_eq!(y.contributions_by_source[0], rp(1_000 * 12 * 16_800));
}

#[test]
fn pp50_discount_is_rejected_for_apbd_and_dana_desa_naming_the_field() {
    for kind in [
        SourceKind::ApbdKota,
        SourceKind::ApbdProvinsi,
        SourceKind::DanaDesa,
    ] {
        let mut sc = quiet(1_000);
        let mut s = source("Public money", kind, 2, 1_000_000);
        s.discount = true;
        sc.sources.push(s);
        let (field, problem) = rejection(sc);
        assert_eq!(field, "sources[1].discount", "{kind:?}");
        assert_eq!(
            problem,
            Problem::DiscountNotAllowed {
                kind: kind.key().into()
            }
        );
    }
    for kind in [
        SourceKind::BapakAsuh,
        SourceKind::Csr,
        SourceKind::Baznas,
        SourceKind::Other,
    ] {
        let mut sc = quiet(1_000);
        let mut s = source("Private money", kind, 2, 1_000_000);
        s.discount = true;
        sc.sources.push(s);
        assert!(
            sc.validate(&params()).is_ok(),
            "{kind:?} may take the discount"
        );
    }
}

#[test]
fn a_worker_enrolled_in_july_costs_six_months_of_that_year() {
    // The source starts in July with exactly 100 × 6 × 16,800 = Rp10,080,000: all 100
    // verified workers fit only if each costs July–December and not a full year.
    let mut sc = with_list(100, 100);
    sc.sources[0].amount = Amount::Rupiah {
        yearly: rp(100 * 6 * PACKAGE_MONTH),
    };
    sc.sources[0].first_month = 7;
    let o = run(sc);
    for m in &o.months[..6] {
        assert_eq!(m.covered, 0, "{}: the source does not pay yet", m.date);
        assert_eq!(m.waiting, 100, "{}: verified and waiting for funds", m.date);
    }
    assert_eq!(o.months[6].date, YearMonth::new(2026, 7));
    assert_eq!(o.months[6].new_enrolments, 100);
    let y = &o.years[0];
    assert_eq!(y.workers_covered_end, 100);
    assert_eq!(y.contributions_total, rp(100 * 6 * PACKAGE_MONTH));
    assert_eq!(y.unspent_by_source[0], Decimal::ZERO);
    // The next fiscal year commits the full twelve months again.
    let mut two = with_list(100, 100);
    two.horizon.years = 2;
    two.sources[0].first_month = 7;
    let o = run(two);
    assert_eq!(o.years[1].contributions_total, rp(100 * 12 * PACKAGE_MONTH));
}

#[test]
fn a_horizon_starting_in_july_commits_only_the_remaining_months() {
    let mut sc = with_list(100, 100);
    sc.horizon.start = YearMonth::new(2026, 7);
    sc.sources[0].amount = Amount::Rupiah {
        yearly: rp(100 * 6 * PACKAGE_MONTH),
    };
    let o = run(sc);
    assert_eq!(o.years[0].months, 6);
    assert_eq!(o.months[0].new_enrolments, 100);
    assert_eq!(o.years[0].unspent_by_source[0], Decimal::ZERO);
    assert_eq!(o.years[0].contributions_total, rp(100 * 6 * PACKAGE_MONTH));
}

// ---------------------------------------------------------------------------------------
// Priorities, caps, and sources that end or shrink
// ---------------------------------------------------------------------------------------

#[test]
fn the_priority_zero_source_fills_first_whatever_its_position() {
    let mut sc = with_list(500, 500);
    // Listed second but priority 0, with money for exactly 100 worker-years.
    sc.sources = vec![
        source("CSR", SourceKind::Csr, 5, AMPLE),
        source("APBD", SourceKind::ApbdKota, 0, 100 * 12 * PACKAGE_MONTH),
    ];
    let o = run(sc);
    assert_eq!(o.months[0].covered_by_source, vec![400, 100]);
    assert_eq!(o.years[0].unspent_by_source[1], Decimal::ZERO);
    // With room for everyone, the priority-0 source takes them all.
    let mut sc = with_list(500, 500);
    sc.sources = vec![
        source("CSR", SourceKind::Csr, 5, AMPLE),
        source("APBD", SourceKind::ApbdKota, 0, AMPLE),
    ];
    let o = run(sc);
    assert_eq!(o.months[0].covered_by_source, vec![0, 500]);
}

#[test]
fn caps_in_workers_are_respected() {
    let mut sc = with_list(1_000, 1_000);
    sc.horizon.years = 3;
    sc.target.year = 2028;
    let mut capped = source("APBD", SourceKind::ApbdKota, 0, AMPLE);
    capped.cap_workers = Some(300);
    let mut pledge = source("Baznas", SourceKind::Baznas, 1, 0);
    pledge.amount = Amount::Workers { workers: 250 };
    sc.sources = vec![capped, pledge, source("CSR", SourceKind::Csr, 2, AMPLE)];
    let o = run(sc);
    for m in &o.months {
        assert!(m.covered_by_source[0] <= 300, "{}: cap 300 broken", m.date);
        assert!(
            m.covered_by_source[1] <= 250,
            "{}: pledge 250 broken",
            m.date
        );
    }
    assert_eq!(o.months[0].covered_by_source, vec![300, 250, 450]);
    assert_sources_add_up(&o);
}

#[test]
fn when_a_source_ends_its_workers_move_to_sources_with_room_in_priority_order() {
    let mut sc = quiet(1_000);
    sc.horizon.years = 2;
    sc.target.year = 2027;
    let mut ending = source("APBD lama", SourceKind::ApbdKota, 0, AMPLE);
    ending.last_year = Some(2026);
    let mut second = source("CSR", SourceKind::Csr, 1, AMPLE);
    second.cap_workers = Some(300);
    let third = source("Baznas", SourceKind::Baznas, 2, AMPLE);
    sc.sources = vec![third, ending, second];
    sc.region.covered_at_start = vec![cover("APBD lama", 1_000)];
    let o = run(sc);
    let dec = &o.months[11];
    let jan = &o.months[12];
    assert_eq!(dec.covered_by_source, vec![0, 1_000, 0]);
    assert_eq!(jan.date, YearMonth::new(2027, 1));
    assert_eq!(jan.covered_by_source, vec![700, 0, 300]);
    assert!(o.years.iter().all(|y| y.cover_lost == 0));
    assert!(!o
        .warnings
        .iter()
        .any(|w| matches!(w, Warning::CoverLost { .. })));
    assert_sources_add_up(&o);
}

#[test]
fn when_a_source_ends_and_no_other_has_room_workers_lose_cover() {
    let mut sc = quiet(1_000);
    sc.horizon.years = 2;
    sc.target.year = 2027;
    let mut ending = source("APBD lama", SourceKind::ApbdKota, 0, AMPLE);
    ending.last_year = Some(2026);
    let mut other = source("CSR", SourceKind::Csr, 1, AMPLE);
    other.cap_workers = Some(600);
    sc.sources = vec![ending, other];
    sc.region.covered_at_start = vec![cover("APBD lama", 1_000)];
    let o = run(sc);
    assert_eq!(o.years[0].cover_lost, 0);
    assert_eq!(o.years[1].cover_lost, 400);
    assert_eq!(o.months[12].covered_by_source, vec![0, 600]);
    assert_eq!(o.years[1].workers_covered_end, 600);
    assert!(
        o.warnings.contains(&Warning::CoverLost {
            year: 2027,
            workers: 400
        }),
        "{:?}",
        o.warnings
    );
    assert_sources_add_up(&o);
}

#[test]
fn a_source_that_halves_passes_half_its_workers_on() {
    let mut sc = quiet(1_000);
    sc.horizon.years = 2;
    sc.target.year = 2027;
    let mut shrinking = source("APBD", SourceKind::ApbdKota, 0, 1_000 * 12 * PACKAGE_MONTH);
    shrinking.growth = Decimal::new(-5, 1);
    sc.sources = vec![shrinking, source("CSR", SourceKind::Csr, 1, AMPLE)];
    sc.region.covered_at_start = vec![cover("APBD", 1_000)];
    let o = run(sc);
    assert_eq!(o.years[1].budget_by_source[0], rp(500 * 12 * PACKAGE_MONTH));
    assert_eq!(o.months[12].covered_by_source, vec![500, 500]);
    assert_eq!(o.years[1].cover_lost, 0);
    assert_sources_add_up(&o);
}

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
        amount: rp(10_000_000_000) - spent
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

// ---------------------------------------------------------------------------------------
// Benefits: scholarships, claim lag, JHT
// ---------------------------------------------------------------------------------------

fn first_year_benefits(months_of_membership: u32, scholarship_share: Decimal) -> Decimal {
    let mut sc = quiet(10_000);
    sc.region.covered_at_start = vec![StartingCover {
        source: "APBD".into(),
        workers: 10_000,
        months_of_membership,
    }];
    sc.risk.claim_lag_months = 0;
    sc.risk.scholarship_share = scholarship_share;
    run(sc).years[0].benefits_paid
}

#[test]
fn scholarships_are_paid_only_after_36_months_of_membership() {
    let quarter = Decimal::new(25, 2);
    let new_members = first_year_benefits(0, quarter);
    let long_members = first_year_benefits(48, quarter);
    assert!(
        long_members > new_members,
        "48 months: {long_members}, 0 months: {new_members}"
    );
    // The difference is the non-work deaths' scholarships: 10,000 × 3.5/1,000 deaths a year,
    // 95% not work-related, 90% claimed, 25% of Rp174 jt each ≈ Rp1.30 M.
    let expected = 10_000.0 * 3.5 / 1000.0 * 0.95 * 0.9 * 0.25 * 174e6;
    let diff: f64 = (long_members - new_members).to_string().parse().unwrap();
    assert!(
        (diff - expected).abs() / expected < 0.01,
        "scholarship difference {diff}, expected {expected}"
    );
    assert_eq!(
        first_year_benefits(0, Decimal::ZERO),
        first_year_benefits(48, Decimal::ZERO)
    );
}

#[test]
fn no_benefits_are_paid_before_the_claim_lag_when_nobody_was_covered_before() {
    let mut sc = with_list(5_000, 5_000);
    sc.risk.claim_lag_months = 4;
    let o = run(sc);
    assert!(o.months[0].expected_deaths > 0.0);
    for m in &o.months[..4] {
        assert_eq!(m.benefits_paid, Decimal::ZERO, "{}", m.date);
    }
    assert!(o.months[4].benefits_paid > Decimal::ZERO);
    // Without a lag, the first month's events are paid at once.
    let mut sc = with_list(5_000, 5_000);
    sc.risk.claim_lag_months = 0;
    assert!(run(sc).months[0].benefits_paid > Decimal::ZERO);
}

fn jht_scenario(jht_return: Decimal) -> Outcome {
    let mut sc = quiet(1_000);
    sc.horizon.years = 2;
    sc.target.year = 2027;
    sc.programmes.jht = true;
    sc.region.covered_at_start = vec![cover("APBD", 1_000)];
    sc.risk.jht_return = jht_return;
    run(sc)
}

#[test]
fn jht_balances_grow_at_the_assumed_return() {
    let o = jht_scenario(Decimal::new(6, 2));
    let y = &o.years[0];
    // 2% of Rp1 jt = Rp20,000 per worker-month.
    assert_eq!(y.contributions_jht, rp(1_000 * 12 * 20_000));
    assert!(y.jht_balance_end > y.contributions_jht);
    // Twelve monthly deposits at 0.5% a month: balance / deposits = Σ 1.005^k / 12 ≈ 1.028.
    let growth: f64 = (y.jht_balance_end / y.contributions_jht)
        .to_string()
        .parse()
        .unwrap();
    assert!((1.025..1.031).contains(&growth), "growth factor {growth}");
    assert!(o.years[1].jht_balance_end > y.jht_balance_end + o.years[1].contributions_jht);
}

#[test]
fn jht_balances_equal_the_contributions_at_zero_return() {
    let o = jht_scenario(Decimal::ZERO);
    let mut deposited = Decimal::ZERO;
    for y in &o.years {
        deposited += y.contributions_jht;
        assert!(
            (y.jht_balance_end - deposited).abs() <= Decimal::ONE,
            "{}: balance {} vs deposits {}",
            y.year,
            y.jht_balance_end,
            deposited
        );
    }
    assert!(deposited > Decimal::ZERO);
}

// ---------------------------------------------------------------------------------------
// Warnings
// ---------------------------------------------------------------------------------------

fn dana_desa(share: Decimal) -> FundingSource {
    let mut s = source("Dana Desa", SourceKind::DanaDesa, 2, 0);
    s.amount = Amount::DanaDesa {
        share,
        per_desa: rp(900_000_000),
    };
    s
}

#[test]
fn a_dana_desa_source_in_a_region_without_desa_is_warned_about() {
    let mut sc = quiet(1_000);
    sc.sources.push(dana_desa(Decimal::new(5, 2)));
    let o = run(sc);
    assert!(o.warnings.contains(&Warning::DanaDesaWithoutDesa {
        source: "Dana Desa".into()
    }));
    assert_eq!(o.years[0].budget_by_source[1], Decimal::ZERO);
}

#[test]
fn a_dana_desa_share_above_fifteen_percent_is_warned_about() {
    let mut sc = quiet(1_000);
    sc.region.desa = 10;
    sc.sources.push(dana_desa(Decimal::new(20, 2)));
    let o = run(sc);
    assert!(o.warnings.contains(&Warning::DanaDesaAboveCap {
        source: "Dana Desa".into(),
        share: Decimal::new(20, 2),
        cap: Decimal::new(15, 2),
    }));
    assert!(!o
        .warnings
        .iter()
        .any(|w| matches!(w, Warning::DanaDesaWithoutDesa { .. })));
    assert_eq!(o.years[0].budget_by_source[1], rp(10 * 180_000_000));
    // Exactly at the cap: no warning.
    let mut sc = quiet(1_000);
    sc.region.desa = 10;
    sc.sources.push(dana_desa(Decimal::new(15, 2)));
    assert!(!run(sc)
        .warnings
        .iter()
        .any(|w| matches!(w, Warning::DanaDesaAboveCap { .. })));
}

// ---------------------------------------------------------------------------------------
// Validation names the field
// ---------------------------------------------------------------------------------------

#[test]
fn validation_rejects_zero_vulnerable_workers() {
    let mut sc = quiet(1_000);
    sc.region.vulnerable_workers = 0;
    let (field, problem) = rejection(sc);
    assert_eq!(field, "region.vulnerable_workers");
    assert!(matches!(problem, Problem::OutOfRange { .. }), "{problem:?}");
}

#[test]
fn validation_rejects_first_month_13() {
    let mut sc = quiet(1_000);
    sc.sources[0].first_month = 13;
    let (field, problem) = rejection(sc);
    assert_eq!(field, "sources[0].first_month");
    assert!(matches!(problem, Problem::OutOfRange { .. }), "{problem:?}");
}

#[test]
fn validation_rejects_duplicate_source_names() {
    let mut sc = quiet(1_000);
    sc.sources.push(source(" APBD ", SourceKind::Csr, 2, 0));
    let (field, problem) = rejection(sc);
    assert_eq!(field, "sources[1].name");
    assert_eq!(
        problem,
        Problem::DuplicateName {
            name: " APBD ".into()
        }
    );
}

#[test]
fn validation_rejects_starting_cover_from_an_unknown_source() {
    let mut sc = quiet(1_000);
    sc.region.covered_at_start = vec![cover("APBD", 10), cover("Atlantis", 10)];
    let (field, problem) = rejection(sc);
    assert_eq!(field, "region.covered_at_start[1].source");
    assert_eq!(
        problem,
        Problem::UnknownSource {
            name: "Atlantis".into()
        }
    );
}

#[test]
fn validation_rejects_a_target_year_outside_the_horizon() {
    let mut sc = quiet(1_000);
    sc.horizon.years = 3; // 2026–2028
    sc.target.year = 2029;
    let (field, problem) = rejection(sc);
    assert_eq!(field, "target.year");
    assert_eq!(
        problem,
        Problem::TargetOutsideHorizon {
            year: 2029,
            first: 2026,
            last: 2028
        }
    );
}

#[test]
fn validation_rejects_a_horizon_of_21_years() {
    let mut sc = quiet(1_000);
    sc.horizon.years = 21;
    let (field, _) = rejection(sc);
    assert_eq!(field, "horizon.years");
    let mut sc = quiet(1_000);
    sc.horizon.years = 0;
    assert_eq!(rejection(sc).0, "horizon.years");
}

#[test]
fn validation_rejects_a_newer_schema_version() {
    let mut sc = quiet(1_000);
    sc.schema_version = payung::engine::SCHEMA_VERSION + 1;
    let (field, problem) = rejection(sc);
    assert_eq!(field, "schema_version");
    assert!(
        matches!(problem, Problem::NewerSchema { .. }),
        "{problem:?}"
    );
}

#[test]
fn validation_errors_print_the_field_first() {
    let mut sc = quiet(1_000);
    sc.sources[0].first_month = 13;
    let message = sc.validate(&params()).unwrap_err().to_string();
    assert!(message.starts_with("sources[0].first_month: "), "{message}");
    assert!(!message.contains('\n'));
}

// ---------------------------------------------------------------------------------------
// Goal-seek
// ---------------------------------------------------------------------------------------

fn ambon() -> (Scenario, usize) {
    let sc = presets::load("ambon").unwrap();
    let i = sc.source_index("APBD Kota Ambon").unwrap();
    (sc, i)
}

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

// ---------------------------------------------------------------------------------------
// The `payung` command-line runner
// ---------------------------------------------------------------------------------------

fn payung(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_payung"))
        .args(args)
        .output()
        .expect("payung runs")
}

fn stdout_ok(args: &[&str]) -> String {
    let out = payung(args);
    assert!(
        out.status.success(),
        "payung {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Bad input: exactly one line on stderr that contains `needle`, exit code 2, no panic.
fn assert_one_line_error(args: &[&str], needle: &str) {
    let out = payung(args);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "payung {args:?}: {stderr}");
    assert!(
        !stderr.contains("panicked"),
        "payung {args:?} panicked: {stderr}"
    );
    assert_eq!(stderr.lines().count(), 1, "payung {args:?}: {stderr:?}");
    assert!(
        stderr.contains(needle),
        "payung {args:?}: {stderr:?} lacks {needle:?}"
    );
    assert!(out.stdout.is_empty(), "payung {args:?} printed to stdout");
}

fn temp_file(name: &str, text: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    std::fs::write(&path, text).unwrap();
    path.to_string_lossy().into_owned()
}

#[test]
fn cli_run_prints_one_csv_row_per_year_with_whole_rupiah() {
    let csv = stdout_ok(&["run", "--preset", "bontang"]);
    let mut lines = csv.lines();
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    for col in [
        "year",
        "workers_covered_end",
        "coverage_ratio",
        "new_enrolments",
        "lapses",
        "waitlist",
        "contributions_total",
        "contributions_apbd_kota_bontang",
        "unspent_total",
        "expected_deaths",
        "benefits_paid",
        "cumulative_cost",
    ] {
        assert!(header.contains(&col), "no column {col} in {header:?}");
    }
    let rows: Vec<Vec<&str>> = lines.map(|l| l.split(',').collect()).collect();
    // Bontang: 2023-10 for five years, so 2023 (3 months) to 2028 (9 months).
    let years: Vec<&str> = rows.iter().map(|r| r[0]).collect();
    assert_eq!(years, ["2023", "2024", "2025", "2026", "2027", "2028"]);
    let money = [
        "contributions_total",
        "contributions_apbd_kota_bontang",
        "unspent_total",
        "benefits_paid",
        "cumulative_cost",
    ];
    for row in &rows {
        assert_eq!(row.len(), header.len());
        for col in money {
            let v = row[header.iter().position(|h| *h == col).unwrap()];
            assert!(
                !v.is_empty() && v.bytes().all(|b| b.is_ascii_digit()),
                "{col} = {v:?} is not whole Rupiah"
            );
        }
    }
    let first_year_cost = rows[0][header
        .iter()
        .position(|h| *h == "contributions_total")
        .unwrap()];
    assert!(first_year_cost.parse::<u64>().unwrap() >= 34_782 * 3 * PACKAGE_MONTH as u64);
    // The CLI prints exactly the library's table.
    let p = params();
    let valid = presets::load("bontang").unwrap().validate(&p).unwrap();
    assert_eq!(csv, report::yearly_csv(&simulate(&p, &valid)));
}

#[test]
fn cli_export_reimports_as_the_preset_and_runs_like_it() {
    let json = stdout_ok(&["export", "--preset", "ambon"]);
    let imported = scenario_from_json(&json).expect("exported JSON imports");
    assert_eq!(imported, presets::load("ambon").unwrap());
    assert_eq!(scenario_to_json(&imported).trim(), json.trim());
    let path = temp_file("ambon-export.json", &json);
    assert_eq!(
        stdout_ok(&["run", &path]),
        stdout_ok(&["run", "--preset", "ambon"])
    );
}

#[test]
fn cli_run_json_gives_the_full_monthly_outcome() {
    let text = stdout_ok(&["run", "--preset", "ambon", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
    assert_eq!(v["months"].as_array().unwrap().len(), 60);
    assert_eq!(v["years"].as_array().unwrap().len(), 5);
    assert_eq!(v["months"][0]["date"]["year"], 2026);
}

#[test]
fn cli_solve_prints_the_yearly_amount_needed() {
    let out = stdout_ok(&[
        "solve",
        "--preset",
        "ambon",
        "--target",
        "1.0",
        "--by",
        "2029",
        "--source",
        "APBD Kota Ambon",
    ]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2, "{out}");
    let header: Vec<&str> = lines[0].split(',').collect();
    let row: Vec<&str> = lines[1].split(',').collect();
    let amount = row[header.iter().position(|h| *h == "yearly_amount").unwrap()];
    let p = params();
    let (sc, i) = ambon();
    let expected = solve_budget(&p, &sc.validate(&p).unwrap(), i).unwrap();
    assert_eq!(amount, expected.yearly_amount.to_string());
    assert_eq!(row[0], "APBD Kota Ambon");
}

#[test]
fn cli_solve_with_a_budget_prints_the_workers_it_keeps() {
    let out = stdout_ok(&[
        "solve",
        "--preset",
        "bontang",
        "--budget",
        "7400000000",
        "--source",
        "APBD Kota Bontang",
    ]);
    let lines: Vec<&str> = out.lines().collect();
    let header: Vec<&str> = lines[0].split(',').collect();
    let row: Vec<&str> = lines[1].split(',').collect();
    let col = header
        .iter()
        .position(|h| *h == "affordable_workers")
        .unwrap();
    assert_eq!(row[col], "36706");
}

#[test]
fn cli_unknown_preset_is_one_line_and_exit_2() {
    assert_one_line_error(&["run", "--preset", "atlantis"], "atlantis");
    assert_one_line_error(&["export", "--preset", "atlantis"], "atlantis");
}

#[test]
fn cli_bad_json_file_is_one_line_and_exit_2() {
    let path = temp_file("not-json.json", "{\"schema_version\": 1,\n  \"name\": ");
    assert_one_line_error(&["run", &path], "not JSON");
    assert_one_line_error(
        &["run", "/nonexistent/payung/scenario.json"],
        "scenario.json",
    );
}

#[test]
fn cli_negative_desa_is_one_line_naming_the_field() {
    let json = scenario_to_json(&presets::load("ambon").unwrap());
    assert!(json.contains("\"desa\": 30"));
    let path = temp_file(
        "negative-desa.json",
        &json.replace("\"desa\": 30", "\"desa\": -1"),
    );
    assert_one_line_error(&["run", &path], "region.desa");
}

#[test]
fn cli_invalid_values_are_one_line_naming_the_field() {
    let mut sc = presets::load("ambon").unwrap();
    sc.sources[0].first_month = 13;
    let path = temp_file("month-13.json", &scenario_to_json(&sc));
    assert_one_line_error(&["run", &path], "sources[0].first_month");
    assert_one_line_error(
        &[
            "solve",
            "--preset",
            "ambon",
            "--source",
            "APBD Kota Ambon",
            "--by",
            "2040",
        ],
        "target.year",
    );
}

#[test]
fn cli_unknown_source_is_one_line_and_exit_2() {
    assert_one_line_error(
        &[
            "solve", "--preset", "ambon", "--target", "1.0", "--by", "2029", "--source", "Atlantis",
        ],
        "Atlantis",
    );
}

// Regression (fixed): CLI bug (src/bin/payung.rs, not the engine). Argument errors come from clap's
// `Cli::parse()`, which prints several lines (error, possible values or usage, "For more
// information, try '--help'."). The issue asks for one line naming the field and the problem.
// `Cli::try_parse()` and printing only the first line of the error (keeping exit code 2, and
// letting --help/--version through) would fix it.
#[test]
fn cli_bad_argument_values_are_one_line() {
    assert_one_line_error(
        &[
            "solve",
            "--preset",
            "ambon",
            "--source",
            "APBD Kota Ambon",
            "--by",
            "soon",
        ],
        "--by",
    );
    assert_one_line_error(&["run", "--preset", "ambon", "--format", "xml"], "--format");
}

#[test]
fn cli_unreachable_target_says_why() {
    let mut sc = presets::load("ambon").unwrap();
    sc.enrolment.verification_per_month = 0;
    sc.enrolment.listed = 0;
    let path = temp_file("no-verification.json", &scenario_to_json(&sc));
    assert_one_line_error(
        &[
            "solve",
            &path,
            "--target",
            "1.0",
            "--by",
            "2029",
            "--source",
            "APBD Kota Ambon",
        ],
        "verification binds",
    );
}
