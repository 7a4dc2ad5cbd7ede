//! Indonesia's regions: the embedded tables add up, search finds what a planner types, the
//! estimate of pekerja rentan follows its stated formula, and every one of the 552 regions
//! opens a starting scenario that validates and runs. The CLI's `regions` and `--region`.

mod common;

use common::params;
use payung::engine::regions::{self, Basis, Place};
use payung::engine::scenario::{Amount, RegionKind, SourceKind};
use payung::engine::simulate;
use rust_decimal::Decimal;
use std::process::Command;

fn codes(places: &[Place<'_>]) -> Vec<String> {
    places.iter().map(|p| p.code().to_string()).collect()
}

#[test]
fn the_tables_are_complete_and_add_up() {
    let cat = regions::catalogue().expect("embedded tables parse");
    assert_eq!(cat.provinces.len(), 38);
    assert_eq!(cat.kabkota.len(), 514);
    let kota = cat
        .kabkota
        .iter()
        .filter(|k| k.kind == RegionKind::Kota)
        .count();
    assert_eq!((514 - kota, kota), (416, 98));
    assert_eq!(
        cat.kabkota.iter().map(|k| u64::from(k.desa)).sum::<u64>(),
        75_266
    );
    assert_eq!(
        cat.kabkota
            .iter()
            .map(|k| u64::from(k.kelurahan))
            .sum::<u64>(),
        8_496
    );
    assert_eq!(
        cat.kabkota.iter().map(|k| k.population).sum::<u64>(),
        284_973_643
    );
    for p in &cat.provinces {
        let mine: Vec<_> = cat
            .kabkota
            .iter()
            .filter(|k| k.province_code == p.code)
            .collect();
        assert_eq!(mine.len() as u32, p.kabupaten + p.kota, "{}", p.name);
        assert_eq!(
            mine.iter().map(|k| k.population).sum::<u64>(),
            p.population,
            "{}",
            p.name
        );
        assert_eq!(
            mine.iter().map(|k| k.desa).sum::<u32>(),
            p.desa,
            "{}",
            p.name
        );
    }
    assert_eq!(cat.all().len(), 552);
}

#[test]
fn search_finds_what_a_planner_types() {
    let cat = regions::catalogue().unwrap();
    let first = |q: &str| codes(&cat.search(q, 5)).first().cloned();
    assert_eq!(first("sleman").as_deref(), Some("34.04"));
    assert_eq!(first("kota amb").as_deref(), Some("81.71"));
    assert_eq!(first("Ambon city").as_deref(), Some("81.71"));
    assert_eq!(first("kab. mukomuko").as_deref(), Some("17.06"));
    assert_eq!(first("prov maluku").as_deref(), Some("81"));
    assert_eq!(first("81.71").as_deref(), Some("81.71"));
    assert_eq!(first("BONTANG").as_deref(), Some("64.74"));
    // "kota jambi" is the city, not the province's kabupaten or the province.
    assert_eq!(first("kota jambi").as_deref(), Some("15.71"));
    assert!(cat.search("zzzz", 5).is_empty());
    assert!(cat.search("   ", 5).is_empty());
    // Every match of "kota" is a kota (or names one).
    assert!(cat
        .search("kota", 600)
        .iter()
        .all(|p| p.kind() == RegionKind::Kota || p.base_name().to_lowercase().contains("kota")));
    assert_eq!(cat.search("kabupaten", 600).len(), 416);
}

/// A region named in a scenario file is found by its name, in full or with its kind
/// shortened, and only as the kind the file says.
#[test]
fn a_region_is_found_by_its_name_as_files_write_it() {
    let cat = regions::catalogue().unwrap();
    let named = |name: &str, kind| cat.named(name, kind).map(|p| p.code().to_string());
    let kab = RegionKind::Kabupaten;
    for name in [
        "Kabupaten Mukomuko",
        "Kab. Mukomuko",
        "kab mukomuko",
        " Regency Mukomuko ",
        "Mukomuko",
    ] {
        assert_eq!(named(name, kab).as_deref(), Some("17.06"), "{name}");
    }
    assert_eq!(
        named("Kota Ambon", RegionKind::Kota).as_deref(),
        Some("81.71")
    );
    assert_eq!(
        named("Provinsi Maluku", RegionKind::Provinsi).as_deref(),
        Some("81")
    );
    assert_eq!(
        named("Prov. Maluku", RegionKind::Provinsi).as_deref(),
        Some("81")
    );
    // The kind must agree, and the whole name: no kota Mukomuko, no "Muko".
    assert_eq!(named("Kota Mukomuko", RegionKind::Kota), None);
    assert_eq!(named("Kota Gorontalo", kab), None);
    assert_eq!(
        named("Kota Gorontalo", RegionKind::Kota).as_deref(),
        Some("75.71")
    );
    assert_eq!(named("Gorontalo", kab).as_deref(), Some("75.01"));
    assert_eq!(named("Kab. Muko", kab), None);
    assert_eq!(named("Kota Contoh", RegionKind::Kota), None);
}

#[test]
fn the_estimate_follows_its_formula() {
    let params = params();
    let cat = regions::catalogue().unwrap();
    let at = payung::engine::YearMonth::new(2027, 1);
    // Kota Ambon: 359,661 × national employed share × Maluku's 65.42% × vulnerable share.
    let ambon = regions::estimate(&params, cat, cat.find("81.71").unwrap(), at);
    assert_eq!(ambon.population, 359_661);
    assert_eq!(ambon.employed_basis, Basis::National);
    assert_eq!(ambon.informal_basis, Basis::Province);
    assert_eq!(ambon.informal_share, Decimal::new(6542, 4));
    let expected = Decimal::from(359_661u64)
        * params.employed_share.at(at)
        * Decimal::new(6542, 4)
        * params.vulnerable_share.at(at);
    assert_eq!(Decimal::from(ambon.workers), expected.round());
    // Close to the 70,000 the city counts, which the vulnerable share was matched to.
    assert!(
        (65_000..=75_000).contains(&ambon.workers),
        "{}",
        ambon.workers
    );
    assert!(params.vulnerable_share.estimate && params.employed_share.estimate);

    // Sumatera Utara has its own employed figure: 7,550,000 of 15,640,905.
    let medan = regions::estimate(&params, cat, cat.find("12.71").unwrap(), at);
    assert_eq!(medan.employed_basis, Basis::Province);
    assert_eq!(medan.employed_share, Decimal::new(4827, 4));

    // Papua Tengah and Papua Barat Daya: BPS's old-boundary figures.
    let tengah = regions::estimate(&params, cat, cat.find("94").unwrap(), at);
    assert_eq!(tengah.informal_basis, Basis::OldPapuaBoundary);
    assert_eq!(tengah.informal_share, params.informal_share_papua.at(at));
    let barat_daya = regions::estimate(&params, cat, cat.find("96.71").unwrap(), at);
    assert_eq!(
        barat_daya.informal_share,
        params.informal_share_papua_barat.at(at)
    );
}

#[test]
fn every_region_opens_a_starting_scenario_that_runs() {
    let params = params();
    let cat = regions::catalogue().unwrap();
    for place in cat.all() {
        let start = regions::starting_scenario(&params, place.code()).unwrap();
        let sc = &start.scenario;
        assert_eq!(sc.region.name, place.name());
        assert_eq!(sc.region.vulnerable_workers, start.estimate.workers);
        assert_eq!(
            (sc.region.desa, sc.region.kelurahan),
            (place.desa(), place.kelurahan())
        );
        let kinds: Vec<SourceKind> = sc.sources.iter().map(|s| s.kind).collect();
        let apbd = if place.kind() == RegionKind::Provinsi {
            SourceKind::ApbdProvinsi
        } else {
            SourceKind::ApbdKota
        };
        assert_eq!(kinds[0], apbd, "{}", place.name());
        let dana_desa = place.desa() > 0 && place.kind() != RegionKind::Provinsi;
        assert_eq!(
            kinds.contains(&SourceKind::DanaDesa),
            dana_desa,
            "{}",
            place.name()
        );
        let valid = sc
            .clone()
            .validate(&params)
            .unwrap_or_else(|e| panic!("{}: {e}", place.name()));
        let outcome = simulate(&params, &valid);
        // The APBD line alone pays for about a tenth of the workers in the first year.
        if !dana_desa {
            let first = &outcome.years[0];
            let share = first.workers_covered_end as f64 / first.population_end as f64;
            assert!((0.05..=0.11).contains(&share), "{}: {share}", place.name());
        }
    }
}

#[test]
fn the_apbd_line_is_a_tenth_of_a_years_cost_in_whole_juta() {
    let params = params();
    let start = regions::starting_scenario(&params, "64.74").unwrap();
    let Amount::Rupiah { yearly } = start.scenario.sources[0].amount else {
        panic!("the APBD line is a Rupiah amount");
    };
    let month = params
        .contribution_for(
            start.scenario.horizon.start,
            &start.scenario.programmes,
            false,
        )
        .total();
    let exact = Decimal::from(start.estimate.workers) / Decimal::TEN * month * Decimal::from(12);
    assert!(
        yearly >= exact && yearly - exact < Decimal::from(1_000_000),
        "{yearly} vs {exact}"
    );
    assert_eq!(yearly % Decimal::from(1_000_000), Decimal::ZERO);
    assert_eq!(start.scenario.sources.len(), 1, "Bontang has no desa");
}

#[test]
fn an_unknown_code_is_refused() {
    let err = regions::starting_scenario(&params(), "99.99").unwrap_err();
    assert_eq!(
        err.to_string(),
        "unknown region code `99.99` (see `payung regions`)"
    );
}

fn payung(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_payung"))
        .args(args)
        .output()
        .expect("payung runs")
}

#[test]
fn cli_lists_searches_and_runs_regions() {
    let out = payung(&["regions"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(text.lines().count(), 1 + 552);
    assert!(text.starts_with(
        "code,kind,name,province,population,desa,kelurahan,pekerja_rentan_estimate\n"
    ));
    assert!(text.contains("\n81.71,kota,Kota Ambon,Maluku,359661,30,20,"));

    let out = payung(&["regions", "--search", "sleman"]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        text.lines().nth(1).unwrap().split(',').next(),
        Some("34.04")
    );

    let out = payung(&["run", "--region", "64.74"]);
    assert!(out.status.success());
    let csv = String::from_utf8(out.stdout).unwrap();
    assert!(csv
        .lines()
        .next()
        .unwrap()
        .contains("budget_apbd_kota_bontang"));
    assert_eq!(csv.lines().count(), 1 + 5, "five years");

    let out = payung(&["run", "--region", "99.99"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1);
    assert!(err.contains("unknown region code `99.99`"), "{err}");

    let out = payung(&["run", "--region", "81.71", "--preset", "ambon"]);
    assert_eq!(out.status.code(), Some(2));

    let out = payung(&["regions", "--search", "qqqq"]);
    assert_eq!(out.status.code(), Some(2));
}
