//! Funding rules through the public API: contributions by fiscal year and the PP 50/2025
//! discount, priorities, caps, sources that end or shrink, and the warnings about Dana Desa.
//!
//! Invariants over random scenarios live in `tests/properties.rs`; exact seed costs in
//! `tests/golden/`. These tests pin concrete cases, each with a number that could be wrong.

mod common;

use common::{
    assert_sources_add_up, cover, params, quiet, rejection, rp, run, source, with_list, AMPLE,
    PACKAGE_MONTH,
};
use payung::engine::scenario::{Amount, CoFundPart, FundingSource, Scheme, SourceKind};
use payung::engine::{Field, Problem, Scenario, SourceField, Unspent, Warning, YearMonth};
use rust_decimal::Decimal;

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
        sc.region.desa = 5;
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
fn a_source_starting_in_july_gets_half_its_yearly_amount_and_pays_six_months_a_worker() {
    // The yearly amount is 100 × 12 × 16,800; starting in July, the first year gets 6/12 of
    // it, Rp10,080,000: all 100 verified workers fit only if each costs July–December.
    let mut sc = with_list(100, 100);
    sc.sources[0].amount = Amount::Rupiah {
        yearly: rp(100 * 12 * PACKAGE_MONTH),
    };
    sc.sources[0].first_month = 7;
    let o = run(sc.clone());
    for m in &o.months[..6] {
        assert_eq!(m.covered, 0, "{}: the source does not pay yet", m.date);
        assert_eq!(m.waiting, 100, "{}: verified and waiting for funds", m.date);
    }
    assert_eq!(o.months[6].date, YearMonth::new(2026, 7));
    assert_eq!(o.months[6].new_enrolments, 100);
    let y = &o.years[0];
    assert_eq!(y.budget_by_source[0], rp(100 * 6 * PACKAGE_MONTH));
    assert_eq!(y.workers_covered_end, 100);
    assert_eq!(y.contributions_total, rp(100 * 6 * PACKAGE_MONTH));
    assert_eq!(y.unspent_by_source[0], Decimal::ZERO);
    // The next fiscal year commits the full twelve months again.
    let mut two = sc;
    two.horizon.years = 2;
    let o = run(two);
    assert_eq!(o.years[1].budget_by_source[0], rp(100 * 12 * PACKAGE_MONTH));
    assert_eq!(o.years[1].contributions_total, rp(100 * 12 * PACKAGE_MONTH));
}

#[test]
fn an_amount_set_for_a_year_replaces_the_yearly_amount_and_growth() {
    let mut sc = with_list(100, 100);
    sc.horizon.years = 3;
    sc.sources[0].amount = Amount::Rupiah {
        yearly: rp(100 * 12 * PACKAGE_MONTH),
    };
    sc.sources[0].growth = Decimal::new(1, 1);
    sc.sources[0].by_year.insert(2027, rp(7));
    let o = run(sc);
    let budgets: Vec<Decimal> = o.years.iter().map(|y| y.budget_by_source[0]).collect();
    assert_eq!(
        budgets,
        vec![
            rp(100 * 12 * PACKAGE_MONTH),
            rp(7),
            rp(100 * 12 * PACKAGE_MONTH * 121 / 100)
        ]
    );
}

#[test]
fn a_horizon_starting_in_july_commits_only_the_remaining_months() {
    let mut sc = with_list(100, 100);
    sc.horizon.start = YearMonth::new(2026, 7);
    sc.sources[0].amount = Amount::Rupiah {
        yearly: rp(100 * 12 * PACKAGE_MONTH),
    };
    sc.sources[0]
        .by_year
        .insert(2026, rp(100 * 6 * PACKAGE_MONTH));
    let o = run(sc);
    assert_eq!(o.years[0].months, 6);
    assert_eq!(o.months[0].new_enrolments, 100);
    assert_eq!(o.years[0].unspent_by_source[0], Decimal::ZERO);
    assert_eq!(o.years[0].contributions_total, rp(100 * 6 * PACKAGE_MONTH));
}

#[test]
fn no_source_enrols_more_workers_than_its_next_year_can_keep() {
    // This year's money pays 100 workers for the year, next year's only 50:
    // 50 are enrolled, the rest wait, and nobody loses cover in January.
    let mut sc = with_list(100, 100);
    sc.horizon.years = 2;
    sc.sources[0].amount = Amount::Rupiah {
        yearly: rp(50 * 12 * PACKAGE_MONTH),
    };
    sc.sources[0]
        .by_year
        .insert(2026, rp(100 * 12 * PACKAGE_MONTH));
    let o = run(sc);
    assert_eq!(o.years[0].workers_covered_end, 50);
    assert_eq!(o.years[0].waitlist, 50);
    assert!(o.years.iter().all(|y| y.cover_lost == 0));
    assert!(!o
        .warnings
        .iter()
        .any(|w| matches!(w, Warning::CoverLost { .. })));
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
            source: "APBD lama".into(),
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
fn a_dana_desa_source_in_a_region_without_desa_is_refused_beside_its_kind() {
    let mut sc = quiet(1_000);
    sc.sources.push(dana_desa(Decimal::new(5, 2)));
    let err = sc.validate(&common::params()).unwrap_err();
    assert_eq!(err.field, Field::Source(1, SourceField::Kind));
    assert_eq!(err.problem, Problem::DanaDesaWithoutDesa);
}

#[test]
fn an_amount_by_year_must_fall_in_a_year_the_source_pays() {
    let mut sc = quiet(1_000);
    sc.sources[0].by_year.insert(2040, rp(1));
    let err = sc.clone().validate(&common::params()).unwrap_err();
    assert_eq!(err.field, Field::Source(0, SourceField::ByYear(2040)));
    assert!(matches!(
        err.problem,
        Problem::YearNotFunded { year: 2040, .. }
    ));
    sc.sources[0].by_year = [(2026, rp(1))].into();
    sc.sources[0].amount = Amount::Workers { workers: 5 };
    let err = sc.validate(&common::params()).unwrap_err();
    assert_eq!(err.problem, Problem::ByYearNeedsRupiah);
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
// Co-funding
// ---------------------------------------------------------------------------------------

fn co_fund(name: &str, kind: SourceKind, share: Decimal, of: Option<&str>) -> FundingSource {
    let mut s = source(name, kind, 9, 0);
    s.amount = Amount::CoFund {
        share,
        of: of.map(str::to_string),
        part: CoFundPart::All,
    };
    s
}

#[test]
fn dana_desa_paying_ten_percent_lets_the_apbd_cover_more_workers() {
    // The APBD has 90% of what 1,000 workers cost for a year; Dana Desa pays 10% of every
    // premium, so all 1,000 are covered and each pays its share to the Rupiah.
    let mut sc = with_list(1_000, 1_000);
    sc.region.desa = 10;
    sc.sources[0].amount = Amount::Rupiah {
        yearly: rp(1_000 * 12 * PACKAGE_MONTH * 9 / 10),
    };
    sc.sources.push(co_fund(
        "Dana Desa",
        SourceKind::DanaDesa,
        Decimal::new(1, 1),
        None,
    ));
    let o = run(sc);
    let y = &o.years[0];
    assert_eq!(y.workers_covered_end, 1_000);
    assert_eq!(
        y.contributions_by_source[0],
        rp(1_000 * 12 * PACKAGE_MONTH * 9 / 10)
    );
    assert_eq!(
        y.contributions_by_source[1],
        rp(1_000 * 12 * PACKAGE_MONTH / 10)
    );
    assert_eq!(y.contributions_total, rp(1_000 * 12 * PACKAGE_MONTH));
    assert_eq!(
        y.budget_by_source[1], y.contributions_by_source[1],
        "pays what falls due"
    );
    assert_eq!(y.unspent_by_source[1], Decimal::ZERO);
    assert_sources_add_up(&o);
}

#[test]
fn a_province_co_funds_only_the_source_it_names() {
    let mut sc = with_list(1_000, 1_000);
    sc.sources[0].name = "APBD Kabupaten".into();
    sc.sources[0].amount = Amount::Rupiah {
        yearly: rp(500 * 12 * PACKAGE_MONTH / 2),
    };
    sc.sources[0].cap_workers = Some(500);
    sc.sources
        .push(source("CSR", SourceKind::Csr, 2, 500 * 12 * PACKAGE_MONTH));
    sc.sources.push(co_fund(
        "APBD Provinsi",
        SourceKind::ApbdProvinsi,
        Decimal::new(5, 1),
        Some("APBD Kabupaten"),
    ));
    let o = run(sc);
    let y = &o.years[0];
    assert_eq!(y.covered_by_source_end, vec![500, 500, 0]);
    assert_eq!(
        y.contributions_by_source[0],
        rp(500 * 12 * PACKAGE_MONTH / 2)
    );
    assert_eq!(
        y.contributions_by_source[1],
        rp(500 * 12 * PACKAGE_MONTH),
        "CSR pays in full"
    );
    assert_eq!(
        y.contributions_by_source[2],
        rp(500 * 12 * PACKAGE_MONTH / 2)
    );
    assert_sources_add_up(&o);
}

#[test]
fn baznas_paying_jht_leaves_jkk_and_jkm_to_the_apbd() {
    let mut sc = with_list(100, 100);
    sc.programmes.jht = true;
    let mut baznas = co_fund("Baznas", SourceKind::Baznas, Decimal::ONE, None);
    baznas.amount = Amount::CoFund {
        share: Decimal::ONE,
        of: None,
        part: CoFundPart::Jht,
    };
    sc.sources.push(baznas);
    let o = run(sc);
    let y = &o.years[0];
    assert_eq!(y.workers_covered_end, 100);
    // JHT is 2% of Rp1,000,000 = Rp20,000 a month.
    assert_eq!(y.contributions_by_source[1], rp(100 * 12 * 20_000));
    assert_eq!(y.contributions_by_source[0], rp(100 * 12 * PACKAGE_MONTH));
    assert_eq!(y.contributions_jht, rp(100 * 12 * 20_000));
    assert_sources_add_up(&o);
}

#[test]
fn co_funding_must_help_a_source_that_enrols_and_never_pay_more_than_all() {
    let p = common::params();
    let mut sc = quiet(1_000);
    sc.sources.push(co_fund(
        "Provinsi",
        SourceKind::ApbdProvinsi,
        Decimal::new(5, 1),
        Some("Provinsi"),
    ));
    let e = sc.clone().validate(&p).unwrap_err();
    assert_eq!(e.field, Field::Source(1, SourceField::CoFundOf));
    assert!(matches!(e.problem, Problem::CoFundNotEnrolling { .. }));
    sc.sources[1] = co_fund(
        "Provinsi",
        SourceKind::ApbdProvinsi,
        Decimal::new(6, 1),
        None,
    );
    sc.sources.push(co_fund(
        "CSR",
        SourceKind::Csr,
        Decimal::new(6, 1),
        Some("APBD"),
    ));
    let e = sc.validate(&p).unwrap_err();
    assert_eq!(e.field, Field::Source(1, SourceField::CoShare));
    assert_eq!(
        e.problem,
        Problem::CoFundOver {
            helped: "APBD".into(),
            total: Decimal::new(12, 1)
        }
    );
}

// ---------------------------------------------------------------------------------------
// Schemes and published budgets
// ---------------------------------------------------------------------------------------

/// One year (2024) of `workers` already covered by an ample APBD, nothing else moving.
fn covered_year(workers: u64, income: i64, scheme: Scheme) -> Decimal {
    let mut sc = quiet(workers);
    sc.horizon.start = YearMonth::new(2024, 1);
    sc.target.year = 2024;
    sc.sources[0].first_year = 2024;
    sc.programmes.declared_income = rp(income);
    sc.programmes.scheme = scheme;
    sc.region.covered_at_start = vec![cover("APBD", workers)];
    let o = run(sc);
    assert_eq!(o.years[0].workers_covered_end, workers);
    o.years[0].contributions_total
}

#[test]
fn mukomukos_2024_budget_comes_out_to_the_rupiah() {
    // Kab. Mukomuko 2024 paid Rp880.048.800: 1,593 fishers as BPU at Rp16,800 a month, and
    // 3,450 RT/RW heads and mosque staff on the wage-earner scheme at Rp13,500 (JKK 0.24% +
    // JKM 0.30% of about Rp2.5 million). Without worker groups in one scenario, each group
    // runs as its own scenario and the two years add up.
    let fishers = covered_year(1_593, 1_000_000, Scheme::Bpu);
    let officials = covered_year(3_450, 2_500_000, Scheme::WageEarner);
    assert_eq!(fishers, rp(1_593 * 12 * 16_800));
    assert_eq!(officials, rp(3_450 * 12 * 13_500));
    assert_eq!(fishers + officials, rp(880_048_800));
}

#[test]
fn money_left_over_is_a_warning_only_from_one_worker_year() {
    let year = 12 * PACKAGE_MONTH;
    let left_over = |extra: i64| {
        let mut sc = with_list(1_000, 1_000);
        sc.sources[0].amount = Amount::Rupiah {
            yearly: rp(1_000 * year + extra),
        };
        run(sc)
            .warnings
            .into_iter()
            .any(|w| matches!(w, Warning::BudgetUnspent { .. }))
    };
    assert!(
        !left_over(year - 1),
        "less than a worker-year is not worth a warning"
    );
    assert!(left_over(year), "a worker-year nobody used is");
}

/// Why money stayed, as the warning says it: nobody waiting, or no over-commitment (next
/// year's money keeps fewer workers); rests below a worker-year each year are no warning even
/// when they add up to more over the years.
#[test]
fn money_left_over_says_why_it_stayed() {
    let year = 12 * PACKAGE_MONTH;
    let why = |sc: Scenario| {
        run(sc).warnings.into_iter().find_map(|w| match w {
            Warning::BudgetUnspent { why, .. } => Some(why),
            _ => None,
        })
    };
    // Every one of the 1,000 workers covered, a worker-year to spare.
    let mut all = with_list(1_000, 1_000);
    all.sources[0].amount = Amount::Rupiah {
        yearly: rp(1_001 * year),
    };
    assert_eq!(why(all), Some(Unspent::NobodyWaiting));
    // 100 workers' years and half of one more, three years running, 900 waiting: the half
    // cannot carry another worker through next year, and is no warning.
    let mut rests = with_list(1_000, 1_000);
    rests.horizon.years = 3;
    rests.sources[0].amount = Amount::Rupiah {
        yearly: rp(100 * year + year / 2),
    };
    let o = run(rests.clone());
    assert!(o.years.iter().all(|y| y.waitlist > 0), "workers wait");
    let left: Decimal = o.years.iter().map(|y| y.unspent_by_source[0]).sum();
    assert!(
        left >= rp(year),
        "the rests add up to a worker-year: {left}"
    );
    assert_eq!(why(rests.clone()), None);
    // 200 workers' money in 2026 and 100 workers' in 2027: 2026 holds only the 100 that
    // 2027 can keep paying, and the rest of its money stays.
    rests.sources[0].by_year.insert(2026, rp(200 * year));
    rests.sources[0].by_year.insert(2027, rp(100 * year));
    assert_eq!(why(rests), Some(Unspent::Commitment));
}
