//! Engine benchmarks (issue 11's aims: ≤ 20 µs per region-decade, ≤ 10 ms for 514 region-decades,
//! ≤ 0.5 ms per flat goal-seek, ≤ 5 ms per plan by year).
//!
//! `cargo bench --bench engine -- --warm-up-time 1 --measurement-time 3`
//!
//! - `simulate/ambon_10y`: one region (the ambon preset) over 10 years in monthly steps;
//! - `simulate/batch_500_regions_10y`: 500 deterministic variations of the presets
//!   (population and budgets scaled), each over 10 years: one iteration is 500 region-decades;
//! - `simulate/national_514_regions_10y`: every kab/kota's starting scenario
//!   (`regions::starting_scenario`, as `payung run --national`), each over 10 years: one
//!   iteration is 514 region-decades (issue 11's aim: ≤ 10 ms);
//! - `solve/ambon_budget_target_1_by_2029`: one goal-seek (`solve_budget`) on ambon;
//! - `solve/ambon_plan_by_year_target_1_by_2029`: one plan by year (`solve_plan`) on ambon;
//! - `uncertainty/ambon_10y_1000_draws`: the Monte Carlo bands over 1,000 draws of ambon's
//!   uncertain assumptions, 10 years each (issue 13's aim: ≤ 100 ms in wasm);
//! - `regions/national_5y`: the national starting plan, 38 provinces and 514 kab/kota over
//!   five years (`run_national` on a validated plan); `regions/national_validate` builds and
//!   validates that plan (514 starting scenarios); `regions/maluku_5y` one province (11 kab/kota);
//!   `regions/national_10y`: the same plan over 10 years, 514 region-decades as a national plan
//!   runs them (each kab/kota's figures, not its whole outcome; issue 11's aim: ≤ 10 ms).

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use payung::engine::plan::solve_plan;
use payung::engine::scenario::Amount;
use payung::engine::solve::solve_budget;
use payung::engine::uncertainty::{self, Assumptions};
use payung::engine::{presets, regions, simulate, Parameters, Scenario, ValidScenario};
use rust_decimal::Decimal;
use std::hint::black_box;

fn params() -> Parameters {
    Parameters::embedded().expect("embedded parameters parse")
}

fn ambon_decade(p: &Parameters) -> ValidScenario {
    let mut sc = presets::load("ambon").unwrap();
    sc.horizon.years = 10;
    sc.validate(p).expect("ambon over 10 years is valid")
}

/// Variation `k` of the presets: the preset cycles, the population grows by 0–59% and every
/// Rupiah budget is scaled by 50–149%, by fixed arithmetic on `k` (no randomness).
fn variation(k: usize) -> Scenario {
    let id = presets::IDS[k % presets::IDS.len()];
    let mut sc = presets::load(id).unwrap();
    let population_pct = 100 + (k * 37) % 60;
    let budget_pct = 50 + (k * 53) % 100;
    sc.region.vulnerable_workers = sc.region.vulnerable_workers * population_pct as u64 / 100;
    for s in &mut sc.sources {
        if let Amount::Rupiah { yearly } = &mut s.amount {
            *yearly = (*yearly * Decimal::from(budget_pct) / Decimal::from(100)).round_dp(0);
        }
    }
    sc.horizon.years = 10;
    sc
}

fn batch(p: &Parameters) -> Vec<ValidScenario> {
    (0..500)
        .map(|k| {
            variation(k)
                .validate(p)
                .unwrap_or_else(|e| panic!("variation {k}: {e}"))
        })
        .collect()
}

/// Every kab/kota's starting scenario over 10 years.
fn national(p: &Parameters) -> Vec<ValidScenario> {
    let catalogue = regions::catalogue().expect("the regions tables parse");
    catalogue
        .kabkota
        .iter()
        .map(|k| {
            let mut sc = regions::starting_scenario(p, &k.code)
                .unwrap_or_else(|e| panic!("{}: {e}", k.code))
                .scenario;
            sc.horizon.years = 10;
            sc.validate(p).unwrap_or_else(|e| panic!("{}: {e}", k.code))
        })
        .collect()
}

fn simulate_benches(c: &mut Criterion) {
    let p = params();
    let one = ambon_decade(&p);
    let many = batch(&p);
    let all = national(&p);

    let mut group = c.benchmark_group("simulate");
    group.throughput(Throughput::Elements(1));
    group.bench_function("ambon_10y", |b| {
        b.iter(|| simulate(black_box(&p), black_box(&one)))
    });
    group.throughput(Throughput::Elements(many.len() as u64));
    group.sample_size(10);
    group.bench_function("batch_500_regions_10y", |b| {
        b.iter(|| {
            let mut covered = 0u64;
            for sc in &many {
                covered += simulate(black_box(&p), black_box(sc)).last_month().covered;
            }
            covered
        })
    });
    group.throughput(Throughput::Elements(all.len() as u64));
    group.bench_function("national_514_regions_10y", |b| {
        b.iter(|| {
            let mut covered = 0u64;
            for sc in &all {
                covered += simulate(black_box(&p), black_box(sc)).last_month().covered;
            }
            covered
        })
    });
    group.finish();
}

fn solve_benches(c: &mut Criterion) {
    let p = params();
    let mut sc = presets::load("ambon").unwrap();
    sc.target.coverage = Decimal::ONE;
    sc.target.year = 2029;
    let valid = sc.validate(&p).unwrap();
    let index = valid.source_index("APBD Kota Ambon").unwrap();
    assert!(solve_budget(&p, &valid, index).is_ok());

    let mut group = c.benchmark_group("solve");
    group.sample_size(10);
    group.bench_function("ambon_budget_target_1_by_2029", |b| {
        b.iter(|| solve_budget(black_box(&p), black_box(&valid), black_box(index)))
    });
    assert!(solve_plan(&p, &valid, &[index]).is_ok());
    group.bench_function("ambon_plan_by_year_target_1_by_2029", |b| {
        b.iter(|| solve_plan(black_box(&p), black_box(&valid), black_box(&[index])))
    });
    group.finish();
}

fn uncertainty_benches(c: &mut Criterion) {
    let p = params();
    let valid = ambon_decade(&p);
    let assumptions = Assumptions::embedded().unwrap();
    let mut group = c.benchmark_group("uncertainty");
    group.sample_size(10);
    group.bench_function("ambon_10y_1000_draws", |b| {
        b.iter(|| {
            uncertainty::bands(
                black_box(&p),
                black_box(&valid),
                &assumptions,
                1000,
                20261130,
            )
        })
    });
    group.finish();
}

fn regions_benches(c: &mut Criterion) {
    let p = params();
    let catalogue = regions::catalogue().unwrap();
    let national = regions::NationalScenario::starting().unwrap();
    let valid = national.validate(&p, catalogue).unwrap();
    let mut decade = national.clone();
    decade.horizon.years = 10;
    let decade = decade.validate(&p, catalogue).unwrap();
    let maluku = regions::ProvinceScenario::starting(&p, catalogue, "81")
        .unwrap()
        .validate(&p, catalogue)
        .unwrap();
    let mut group = c.benchmark_group("regions");
    group.sample_size(10);
    group.bench_function("national_5y", |b| {
        b.iter(|| regions::run_national(black_box(&p), black_box(&valid)))
    });
    group.bench_function("national_10y", |b| {
        b.iter(|| regions::run_national(black_box(&p), black_box(&decade)))
    });
    group.bench_function("national_validate", |b| {
        b.iter(|| black_box(&national).validate(&p, catalogue))
    });
    group.bench_function("maluku_5y", |b| {
        b.iter(|| regions::run_province(black_box(&p), black_box(&maluku)))
    });
    group.finish();
}

criterion_group!(
    benches,
    simulate_benches,
    solve_benches,
    uncertainty_benches,
    regions_benches
);
criterion_main!(benches);
