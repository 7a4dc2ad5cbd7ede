//! Worker groups in one scenario (schema version 3): several groups with their own scheme,
//! income and window, sources limited to some groups, the version 2 migration, and the
//! validation messages for groups.

mod common;

use common::*;
use payung::engine::import::scenario_from_json;
use payung::engine::scenario::{Scheme, SourceKind, StartingCover, WorkerGroup};
use payung::engine::{simulate, Field, GroupField, Problem, Scenario, SourceField};
use rust_decimal::Decimal;

fn group(name: &str, workers: u64, scheme: Scheme, income: i64) -> WorkerGroup {
    WorkerGroup {
        name: name.into(),
        workers,
        scheme,
        declared_income: rp(income),
        transport: false,
        risk_factor: Decimal::ONE,
    }
}

fn mukomuko() -> Scenario {
    let text = std::fs::read_to_string("examples/mukomuko-2024.json").unwrap();
    scenario_from_json(&text).unwrap()
}

#[test]
fn mukomukos_2024_mixed_budget_comes_out_to_the_rupiah_from_one_scenario() {
    // Kab. Mukomuko 2024 paid Rp880.048.800 from one APBD line: 1,593 fishers as BPU at
    // Rp16,800 a month and 3,450 RT/RW heads and mosque staff on the wage-earner scheme at
    // Rp13,500 (JKK 0.24% + JKM 0.30% of Rp2.5 million), for twelve months.
    let o = run(mukomuko());
    let y = &o.years[0];
    assert_eq!(o.group_names.len(), 2);
    assert_eq!(y.covered_by_group_end, vec![1_593, 3_450]);
    assert_eq!(
        y.contributions_by_group,
        vec![rp(1_593 * 12 * 16_800), rp(3_450 * 12 * 13_500)]
    );
    assert_eq!(y.contributions_total, rp(880_048_800));
    assert_eq!(y.contributions_by_source, vec![rp(880_048_800)]);
    assert_eq!(y.budget_by_source, vec![rp(880_048_800)]);
    assert_eq!(
        y.unspent_total,
        Decimal::ZERO,
        "the budget is used to the Rupiah"
    );
    // One Rupiah less and the budget binds exactly: the last official cannot be paid for
    // twelve months, so joins in February (eleven months) with what is left.
    let mut short = mukomuko();
    short.sources[0].amount = payung::engine::scenario::Amount::Rupiah {
        yearly: rp(880_048_799),
    };
    let o = run(short);
    assert_eq!(o.months[0].covered, 5_042);
    assert_eq!(o.years[0].workers_covered_end, 5_043);
    assert_eq!(o.years[0].contributions_total, rp(880_048_800 - 13_500));
}

#[test]
fn mukomuko_covered_at_the_start_by_group_pays_the_same() {
    let mut sc = mukomuko();
    sc.enrolment.listed = 0;
    sc.region.covered_at_start = vec![
        StartingCover {
            group: Some("Ketua RT/RW dan pegawai masjid".into()),
            ..cover("APBD Kab. Mukomuko", 3_450)
        },
        StartingCover {
            group: Some("Nelayan".into()),
            ..cover("APBD Kab. Mukomuko", 1_593)
        },
    ];
    let o = run(sc);
    assert_eq!(o.years[0].covered_by_group_end, vec![1_593, 3_450]);
    assert_eq!(o.years[0].contributions_total, rp(880_048_800));
}

/// Tobacco workers and other workers; DBHCHT (ample) pays only for tobacco workers, the
/// APBD has `apbd` Rupiah for everyone.
fn tobacco(apbd: i64) -> Scenario {
    let mut sc = with_list(3_000, 3_000);
    sc.groups = vec![
        group("Pekerja rentan", 2_000, Scheme::Bpu, 1_000_000),
        group("Buruh tembakau", 1_000, Scheme::Bpu, 1_000_000),
    ];
    let mut dbhcht = source("DBHCHT", SourceKind::Dbhcht, 1, AMPLE);
    dbhcht.groups = vec!["Buruh tembakau".into()];
    sc.sources = vec![dbhcht, source("APBD", SourceKind::ApbdKota, 2, apbd)];
    sc
}

#[test]
fn a_dbhcht_source_limited_to_tobacco_workers_never_pays_for_others() {
    let o = run(tobacco(0));
    for m in &o.months {
        assert!(m.covered_by_source[0] <= 1_000, "{}", m.date);
    }
    let y = &o.years[0];
    assert_eq!(y.covered_by_group_end, vec![0, 1_000]);
    assert_eq!(y.contributions_by_group[0], Decimal::ZERO);
    assert_eq!(y.contributions_by_source[1], Decimal::ZERO);
    // With APBD money the other workers are covered by the APBD alone.
    let one_worker_year = 12 * PACKAGE_MONTH;
    let o = run(tobacco(500 * one_worker_year));
    let y = &o.years[0];
    assert_eq!(y.covered_by_group_end, vec![500, 1_000]);
    assert_eq!(y.covered_by_source_end, vec![1_000, 500]);
    assert_eq!(y.contributions_by_source[1], rp(500 * one_worker_year));
}

#[test]
fn a_source_shared_by_groups_pays_each_at_its_own_rate() {
    // Wage earners on Rp2.5 jt cost Rp13,500 a month, BPU on Rp1 jt Rp16,800: one APBD.
    let mut sc = with_list(200, 200);
    sc.groups = vec![
        group("BPU", 100, Scheme::Bpu, 1_000_000),
        group("Aparat desa", 100, Scheme::WageEarner, 2_500_000),
    ];
    let o = run(sc);
    assert_eq!(
        o.years[0].contributions_by_group,
        vec![rp(100 * 12 * 16_800), rp(100 * 12 * 13_500)]
    );
}

#[test]
fn the_transport_window_follows_the_group() {
    // PP 50/2025 discounts BPU JKK and JKM by 50%: transport workers from January 2026,
    // others from April 2026. A CSR source (the discount may apply) pays for both.
    let mut sc = with_list(200, 200);
    let mut ojek = group("Ojek", 100, Scheme::Bpu, 1_000_000);
    ojek.transport = true;
    sc.groups = vec![group("Pedagang", 100, Scheme::Bpu, 1_000_000), ojek];
    let mut csr = source("CSR", SourceKind::Csr, 1, AMPLE);
    csr.discount = true;
    sc.sources = vec![csr];
    let o = run(sc);
    let paid = &o.years[0].contributions_by_group;
    // Three months more at half the package for the transport group.
    assert_eq!(paid[0] - paid[1], rp(100 * 3 * 8_400));
}

#[test]
fn a_version_2_file_opens_with_the_same_numbers() {
    for id in payung::engine::presets::IDS {
        let sc = payung::engine::presets::load(id).unwrap();
        let v2 = payung::engine::import::scenario_to_json(&sc)
            .replace("\"schema_version\": 3", "\"schema_version\": 2");
        let migrated = scenario_from_json(&v2).unwrap();
        assert_eq!(migrated, sc, "{id}");
        assert_eq!(run(migrated), run(sc), "{id}");
    }
}

#[test]
fn one_declared_group_gives_the_implicit_groups_numbers() {
    for id in payung::engine::presets::IDS {
        let sc = payung::engine::presets::load(id).unwrap();
        let mut one = sc.clone();
        one.groups = sc.effective_groups();
        one.groups[0].name = "Semua".into();
        let (a, b) = (run(sc), run(one));
        assert_eq!(a.years.len(), b.years.len());
        for (x, y) in a.years.iter().zip(&b.years) {
            let mut y = y.clone();
            assert_eq!(y.covered_by_group_end, vec![y.workers_covered_end]);
            y.covered_by_group_end.clear();
            y.population_by_group_end.clear();
            y.contributions_by_group.clear();
            assert_eq!(*x, y, "{id} {}", x.year);
        }
        assert_eq!(a.months, b.months, "{id}");
        assert_eq!(a.warnings, b.warnings, "{id}");
    }
}

fn problem(sc: Scenario) -> (Field, Problem) {
    let e = sc.validate(&params()).unwrap_err();
    (e.field, e.problem)
}

#[test]
fn bad_groups_are_named_beside_their_field() {
    let base = tobacco(0);
    base.clone().validate(&params()).unwrap();

    let mut sc = base.clone();
    sc.groups[1].name = " ".into();
    assert_eq!(
        problem(sc),
        (
            Field::Group(1, GroupField::Name),
            Problem::BadText { max: 120 }
        )
    );

    let mut sc = base.clone();
    sc.groups[1].name = "Pekerja rentan".into();
    let (field, p) = problem(sc);
    assert_eq!(field, Field::Group(1, GroupField::Name));
    assert!(matches!(p, Problem::DuplicateGroup { .. }));

    let mut sc = base.clone();
    sc.sources[0].groups = vec!["Buruh cengkih".into()];
    assert_eq!(
        problem(sc),
        (
            Field::Source(0, SourceField::Groups),
            Problem::UnknownGroup {
                name: "Buruh cengkih".into()
            }
        )
    );

    let mut sc = base.clone();
    sc.groups[0].workers = 0;
    sc.region.vulnerable_workers = 1_000;
    let (field, p) = problem(sc);
    assert_eq!(field, Field::Group(0, GroupField::Workers));
    assert!(matches!(p, Problem::OutOfRange { .. }));

    let mut sc = base.clone();
    sc.region.vulnerable_workers = 2_999;
    assert_eq!(
        problem(sc),
        (
            Field::VulnerableWorkers,
            Problem::GroupsTotal {
                groups: 3_000,
                population: 2_999
            }
        )
    );

    let mut sc = base.clone();
    sc.region.covered_at_start = vec![StartingCover {
        group: Some("Pekerja rentan".into()),
        ..cover("DBHCHT", 10)
    }];
    let (field, p) = problem(sc);
    assert_eq!(field, Field::CoverGroup(0));
    assert!(matches!(p, Problem::SourceNotForGroup { .. }));

    // A scenario without groups cannot limit a source to one.
    let mut sc = quiet(100);
    sc.sources[0].groups = vec!["Nelayan".into()];
    assert_eq!(problem(sc).0, Field::Source(0, SourceField::Groups));
}

#[test]
fn the_csv_has_a_column_per_group_only_when_there_are_groups() {
    use payung::engine::report;
    let o = run(mukomuko());
    let header = report::header(&o);
    assert!(header.contains(&"covered_group_nelayan".to_string()));
    assert!(header.contains(&"contributions_group_ketua_rt_rw_dan_pegawai_masjid".to_string()));
    for y in &o.years {
        assert_eq!(report::row(y).len(), header.len());
    }
    let plain = run(quiet(10));
    assert!(!report::header(&plain).iter().any(|c| c.contains("group")));
    let _ = simulate;
}
