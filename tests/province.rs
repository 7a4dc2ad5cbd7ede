//! Province and national plans: every province's starting plan validates and runs; a
//! province's figures are the sums of its kab/kota, and its kab/kota's own sources plus the
//! province's own sources; the nation's are the sums of the provinces; each province rule
//! reaches the kab/kota it should; UCJ follows the data and the RPJMN path; plan JSON round
//! trips and names a code this build does not know.

mod common;

use common::params;
use payung::engine::regions::{
    self, plan_from_json, plan_to_json, run_national, run_province, solve_province, ByPayer, Plan,
    PlanError, PlanFileError, ProvinceAmount, ProvinceOutcome, ProvinceScenario,
    ProvinceSolveError, ProvinceSource,
};
use payung::engine::scenario::{Amount, SourceKind};
use payung::engine::{simulate, Parameters, YearMonth};
use rust_decimal::Decimal;
use std::collections::BTreeMap;

fn maluku_with_every_rule(params: &Parameters) -> ProvinceScenario {
    let cat = regions::catalogue().unwrap();
    let mut plan = ProvinceScenario::starting(params, cat, "81").unwrap();
    let source = |name: &str, amount, priority| ProvinceSource {
        name: name.into(),
        amount,
        priority,
        first_year: 2027,
        last_year: None,
    };
    plan.sources.push(source(
        "BKBK Maluku",
        ProvinceAmount::Bkbk {
            per_desa: Decimal::from(20_000_000),
        },
        1,
    ));
    plan.sources.push(source(
        "Ko-pendanaan Maluku",
        ProvinceAmount::CoFund {
            share: Decimal::new(25, 2),
        },
        0,
    ));
    plan.sources.push(source(
        "Kuota Maluku",
        ProvinceAmount::Quota {
            workers: BTreeMap::from([("81.71".to_string(), 2_000), ("81.72".to_string(), 500)]),
        },
        0,
    ));
    plan
}

fn sum_payers(parts: impl Iterator<Item = ByPayer>) -> ByPayer {
    parts.fold(ByPayer::default(), |a, b| ByPayer {
        province: a.province + b.province,
        kab_kota: a.kab_kota + b.kab_kota,
        desa: a.desa + b.desa,
        other: a.other + b.other,
    })
}

/// The province's figures are the sums of its kab/kota's, and equal the kab/kota's own
/// sources plus what each of the province's sources paid.
fn assert_province_adds_up(o: &ProvinceOutcome) {
    for (i, y) in o.province.years.iter().enumerate() {
        let kab: Vec<_> = o.kabkota.iter().map(|k| &k.years[i]).collect();
        let name = &o.province.name;
        assert_eq!(
            y.workers,
            kab.iter().map(|k| k.workers).sum::<u64>(),
            "{name}"
        );
        assert_eq!(
            y.covered,
            kab.iter().map(|k| k.covered).sum::<u64>(),
            "{name}"
        );
        assert_eq!(
            y.contributions,
            kab.iter().map(|k| k.contributions).sum::<Decimal>(),
            "{name} {}",
            y.year
        );
        assert_eq!(y.by_payer, sum_payers(kab.iter().map(|k| k.by_payer)));
        assert_eq!(y.by_payer.total(), y.contributions, "{name}: payers add up");
        let kab_own: Decimal = kab
            .iter()
            .map(|k| k.contributions - k.from_province_sources)
            .sum();
        let province_own: Decimal = o.own_sources.iter().map(|s| s.by_year[i]).sum();
        assert_eq!(
            y.contributions,
            kab_own + province_own,
            "{name} {}: kab/kota's own + province's own",
            y.year
        );
        assert_eq!(y.from_province_sources, province_own);
    }
    for s in &o.own_sources {
        assert_eq!(
            s.by_year.iter().sum::<Decimal>(),
            s.by_kabkota.iter().sum::<Decimal>(),
            "{}",
            s.name
        );
    }
}

#[test]
fn every_provinces_starting_plan_validates_runs_and_adds_up() {
    let params = params();
    let cat = regions::catalogue().unwrap();
    for p in &cat.provinces {
        let plan = ProvinceScenario::starting(&params, cat, &p.code).unwrap();
        let valid = plan
            .validate(&params, cat)
            .unwrap_or_else(|e| panic!("{}: {e}", p.name));
        let o = run_province(&params, &valid);
        assert_eq!(o.kabkota.len() as u32, p.kabupaten + p.kota, "{}", p.name);
        assert_eq!(o.province.years.len(), 5);
        assert_province_adds_up(&o);
        // The province's APBD line pays somewhere in every province.
        assert!(o.own_sources[0].by_year[0] > Decimal::ZERO, "{}", p.name);
        assert!(o.province.ucj.is_some());
    }
}

#[test]
fn each_province_rule_reaches_the_kabkota_it_should() {
    let params = params();
    let cat = regions::catalogue().unwrap();
    let plan = maluku_with_every_rule(&params);
    let valid = plan.validate(&params, cat).unwrap();
    let o = run_province(&params, &valid);
    assert_province_adds_up(&o);

    // The APBD line is shared among the kab/kota in proportion to their workers, to the Rupiah.
    let ProvinceAmount::Apbd { yearly } = plan.sources[0].amount else {
        panic!("the starting plan's first source is its APBD line");
    };
    let all_workers: Decimal = valid
        .kabkota_codes()
        .iter()
        .map(|c| Decimal::from(valid.kabkota_scenario(c).unwrap().region.vulnerable_workers))
        .sum();
    let mut shared = Decimal::ZERO;
    for code in valid.kabkota_codes() {
        let sc = valid.kabkota_scenario(code).unwrap();
        let apbd = sc.source_index(&plan.sources[0].name).unwrap();
        let Amount::Rupiah { yearly: part } = sc.sources[apbd].amount else {
            panic!("a Rupiah share");
        };
        let exact = yearly * Decimal::from(sc.region.vulnerable_workers) / all_workers;
        assert!(
            (part - exact).abs() < Decimal::ONE,
            "{code}: {part} vs {exact}"
        );
        shared += part;
        // BKBK: per desa × the kab/kota's desa.
        let desa = cat.find(code).unwrap().desa();
        let bkbk = sc.source_index("BKBK Maluku").unwrap();
        assert_eq!(
            sc.sources[bkbk].amount,
            Amount::Rupiah {
                yearly: Decimal::from(20_000_000) * Decimal::from(desa)
            }
        );
        assert!(sc.source_index("Ko-pendanaan Maluku").is_some());
        // Quotas only where named.
        assert_eq!(
            sc.source_index("Kuota Maluku").is_some(),
            code == "81.71" || code == "81.72",
            "{code}"
        );
        assert!(sc
            .sources
            .iter()
            .skip(2)
            .all(|s| s.kind == SourceKind::ApbdProvinsi));
    }
    assert_eq!(shared, yearly, "the shares add up to the APBD line");

    // Kota Ambon's quota covers at most its 2,000 workers, and does cover some.
    let ambon = valid.kabkota_scenario("81.71").unwrap();
    let quota = ambon.source_index("Kuota Maluku").unwrap();
    let run = simulate(&params, ambon);
    let most = run.months.iter().map(|m| m.covered_by_source[quota]).max();
    assert_eq!(most, Some(2_000));
    // Co-funding pays a quarter of every other premium there.
    let cofund = ambon.source_index("Ko-pendanaan Maluku").unwrap();
    let y = &run.years[1];
    let others: Decimal = y
        .contributions_by_source
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != cofund)
        .map(|(_, c)| *c)
        .sum();
    let quarter = (y.contributions_by_source[cofund] * Decimal::from(3) - others).abs();
    assert!(
        quarter < Decimal::ONE,
        "co-fund {} vs others {others}",
        y.contributions_by_source[cofund]
    );
    // The province pays more than in its starting plan.
    let start = ProvinceScenario::starting(&params, cat, "81").unwrap();
    let start = run_province(&params, &start.validate(&params, cat).unwrap());
    assert!(o.province.years[1].by_payer.province > start.province.years[1].by_payer.province);
}

#[test]
fn bkbk_reaches_no_kabkota_without_desa() {
    let params = params();
    let cat = regions::catalogue().unwrap();
    let mut plan = ProvinceScenario::starting(&params, cat, "31").unwrap();
    plan.sources.push(ProvinceSource {
        name: "BKBK DKI".into(),
        amount: ProvinceAmount::Bkbk {
            per_desa: Decimal::from(50_000_000),
        },
        priority: 1,
        first_year: 2027,
        last_year: None,
    });
    let valid = plan.validate(&params, cat).unwrap();
    for code in valid.kabkota_codes() {
        assert!(valid
            .kabkota_scenario(code)
            .unwrap()
            .source_index("BKBK DKI")
            .is_none());
    }
    let o = run_province(&params, &valid);
    assert!(o.own_sources[1].by_year.iter().all(|c| c.is_zero()));
}

#[test]
fn a_bad_province_plan_names_what_is_wrong() {
    let params = params();
    let cat = regions::catalogue().unwrap();
    let base = ProvinceScenario::starting(&params, cat, "81").unwrap();

    let mut plan = base.clone();
    plan.sources.push(ProvinceSource {
        name: "Kuota".into(),
        amount: ProvinceAmount::Quota {
            workers: BTreeMap::from([("64.74".to_string(), 10)]),
        },
        priority: 0,
        first_year: 2027,
        last_year: None,
    });
    assert_eq!(
        plan.validate(&params, cat).unwrap_err(),
        PlanError::NotInProvince {
            code: "64.74".into(),
            province: "81".into()
        }
    );

    let mut plan = base.clone();
    plan.sources.push(ProvinceSource {
        name: "Ko-pendanaan".into(),
        amount: ProvinceAmount::CoFund {
            share: Decimal::new(15, 1),
        },
        priority: 0,
        first_year: 2027,
        last_year: None,
    });
    let err = plan.validate(&params, cat).unwrap_err().to_string();
    assert!(
        err.contains("Ko-pendanaan") && err.contains("share 1.5"),
        "{err}"
    );

    // A province source named like a kab/kota's own source: that kab/kota's scenario says so.
    let mut plan = base.clone();
    plan.sources[0].name = "Dana Desa".into();
    match plan.validate(&params, cat).unwrap_err() {
        PlanError::KabKota { code, .. } => assert_eq!(code, "81.01"),
        other => panic!("{other}"),
    }

    let mut plan = base.clone();
    let mut ambon = regions::starting_scenario(&params, "81.71")
        .unwrap()
        .scenario;
    ambon.horizon.years = 7;
    plan.kabkota.push(regions::province::KabKotaScenario {
        code: "81.71".into(),
        scenario: ambon,
    });
    assert!(matches!(
        plan.validate(&params, cat).unwrap_err(),
        PlanError::Horizon { code, .. } if code == "81.71"
    ));

    let mut plan = base.clone();
    plan.target.year = 2040;
    let err = plan.validate(&params, cat).unwrap_err().to_string();
    assert!(err.contains("target") && err.contains("2040"), "{err}");

    let mut plan = base;
    plan.province = "99".into();
    assert_eq!(
        plan.validate(&params, cat).unwrap_err().to_string(),
        "unknown province code `99` (see `payung regions`)"
    );
}

#[test]
fn the_nation_is_the_sum_of_its_provinces() {
    let params = params();
    let cat = regions::catalogue().unwrap();
    let plan = regions::NationalScenario::starting().unwrap();
    let valid = plan.validate(&params, cat).unwrap();
    let o = run_national(&params, &valid);
    assert_eq!(o.provinces.len(), 38);
    assert_eq!(
        o.provinces.iter().map(|p| p.kabkota.len()).sum::<usize>(),
        514
    );
    for (i, y) in o.nation.years.iter().enumerate() {
        let ps: Vec<_> = o.provinces.iter().map(|p| &p.province.years[i]).collect();
        assert_eq!(y.workers, ps.iter().map(|p| p.workers).sum::<u64>());
        assert_eq!(y.covered, ps.iter().map(|p| p.covered).sum::<u64>());
        assert_eq!(
            y.contributions,
            ps.iter().map(|p| p.contributions).sum::<Decimal>()
        );
        assert_eq!(y.by_payer, sum_payers(ps.iter().map(|p| p.by_payer)));
        assert_eq!(y.unspent, ps.iter().map(|p| p.unspent).sum::<Decimal>());
        let ucj = &o.nation.ucj.as_ref().unwrap().years[i];
        let gaps: Vec<_> = o
            .provinces
            .iter()
            .map(|p| &p.province.ucj.as_ref().unwrap().years[i])
            .collect();
        assert_eq!(
            ucj.gap_members,
            gaps.iter().map(|g| g.gap_members).sum::<u64>()
        );
        assert_eq!(
            ucj.gap_cost,
            gaps.iter().map(|g| g.gap_cost).sum::<Decimal>()
        );
    }
    for p in &o.provinces {
        assert_province_adds_up(p);
    }
    // A province run alone gives the same figures as inside the nation.
    let maluku = ProvinceScenario::starting(&params, cat, "81").unwrap();
    let alone = run_province(&params, &maluku.validate(&params, cat).unwrap());
    let inside = o
        .provinces
        .iter()
        .find(|p| p.province.code == "81")
        .unwrap();
    assert_eq!(&alone, inside);
    // Whether and when the nation reaches its target follows its monthly sums.
    let reached =
        o.nation.years.iter().any(|y| {
            Decimal::from(y.covered) >= o.nation.target.coverage * Decimal::from(y.workers)
        });
    if reached {
        assert!(o.nation.target_reached.is_some());
    }
}

/// "Buka" on a kab/kota of the national table opens its scenario as the plan runs it: its
/// row's figures, the province's money included (its own starting scenario leaves that out),
/// and with a province's edited sources, those.
#[test]
fn a_kabkota_opened_from_the_plan_shows_its_row() {
    let params = params();
    let cat = regions::catalogue().unwrap();
    let row_of = |o: &regions::NationalOutcome, code: &str| {
        o.provinces
            .iter()
            .flat_map(|p| &p.kabkota)
            .find(|k| k.code == code)
            .unwrap()
            .clone()
    };
    let figures = |sc: &payung::engine::Scenario| {
        let outcome = simulate(&params, &sc.clone().validate(&params).unwrap());
        outcome
            .years
            .iter()
            .map(|y| (y.year, y.workers_covered_end, y.contributions_total))
            .collect::<Vec<_>>()
    };
    let of_row = |r: &regions::RegionResult| {
        r.years
            .iter()
            .map(|y| (y.year, y.covered, y.contributions))
            .collect::<Vec<_>>()
    };
    let nation = run_national(
        &params,
        &regions::NationalScenario::starting()
            .unwrap()
            .validate(&params, cat)
            .unwrap(),
    );
    for code in ["52.03", "81.71", "17.06", "31.71"] {
        let sc = regions::kabkota_in_plan(&params, cat, &[], code).unwrap();
        let row = row_of(&nation, code);
        assert_eq!(figures(&sc), of_row(&row), "{code}");
        assert!(
            sc.sources
                .iter()
                .any(|s| s.kind == SourceKind::ApbdProvinsi),
            "{code}: the province's APBD line"
        );
        let own = regions::starting_scenario(&params, code).unwrap().scenario;
        assert_ne!(
            figures(&own),
            of_row(&row),
            "{code}: the province's money counts"
        );
    }
    // NTB's own sources edited: twice the APBD line.
    let mut ntb = ProvinceScenario::starting(&params, cat, "52").unwrap();
    for s in &mut ntb.sources {
        if let ProvinceAmount::Apbd { yearly } = &mut s.amount {
            *yearly *= Decimal::TWO;
        }
    }
    let edited = vec![regions::OwnSources {
        province: "52".into(),
        sources: ntb.sources.clone(),
    }];
    let plan = regions::NationalScenario::starting()
        .unwrap()
        .with_own_sources(&params, cat, &edited)
        .unwrap();
    let doubled = run_national(&params, &plan.validate(&params, cat).unwrap());
    let sc = regions::kabkota_in_plan(&params, cat, &edited, "52.03").unwrap();
    assert_eq!(figures(&sc), of_row(&row_of(&doubled, "52.03")));
    assert_ne!(
        of_row(&row_of(&doubled, "52.03")),
        of_row(&row_of(&nation, "52.03"))
    );
    // A province's code, or one this build does not know, is refused.
    for code in ["52", "99.99"] {
        assert!(matches!(
            regions::kabkota_in_plan(&params, cat, &[], code),
            Err(PlanError::UnknownKabKota(_))
        ));
    }
}

#[test]
fn ucj_follows_the_data_and_the_rpjmn_path() {
    let params = params();
    let cat = regions::catalogue().unwrap();
    let data = regions::ucj_data().unwrap();
    let at = YearMonth::new(2027, 1);
    // Sumatera Utara has both counts: 2,057,246 active members of 7,550,000 workers.
    let sumut = cat.province("12").unwrap();
    let u = regions::ucj::ucj(&params, data, sumut, at);
    assert_eq!((u.workers, u.active_members), (7_550_000, 2_057_246));
    assert!(!u.is_estimate());
    assert_eq!(u.share, Decimal::new(2725, 4));
    // Maluku has neither: population × employed share, and the national UCJ of those.
    let maluku = cat.province("81").unwrap();
    let m = regions::ucj::ucj(&params, data, maluku, at);
    assert!(m.workers_estimated && m.active_estimated);
    assert_eq!(
        Decimal::from(m.workers),
        (Decimal::from(maluku.population) * params.employed_share.at(at)).round()
    );
    // The path: RPJMN 2029 as stated, 2027 interpolated between RKP 2026 and RPJMN 2029.
    let p2029 = data.target(2029);
    assert_eq!(
        (p2029.target, p2029.interpolated),
        (Decimal::new(4392, 4), false)
    );
    let p2027 = data.target(2027);
    assert!(p2027.interpolated);
    assert_eq!(
        p2027.target,
        (Decimal::new(3499, 4)
            + (Decimal::new(4392, 4) - Decimal::new(3499, 4)) / Decimal::from(3))
        .round_dp(4)
    );
    assert_eq!(data.target(2050).target, Decimal::new(995, 3));
    assert!(!data.targets.references.is_empty() && !data.national.references.is_empty());

    // With the plan: the newly covered workers join the members; the gap is priced at a
    // year of the package.
    let plan = ProvinceScenario::starting(&params, cat, "12").unwrap();
    let o = run_province(&params, &plan.validate(&params, cat).unwrap());
    let path = o.province.ucj.unwrap();
    assert_eq!(path.base, u);
    let month = params
        .contribution_for(YearMonth::new(2029, 1), &plan_package(), false)
        .total();
    for (y, uy) in o.province.years.iter().zip(&path.years) {
        assert_eq!(uy.members, u.active_members + y.covered);
        let needed = (uy.target.target * Decimal::from(u.workers)).ceil();
        let gap = (needed - Decimal::from(uy.members)).max(Decimal::ZERO);
        assert_eq!(Decimal::from(uy.gap_members), gap, "{}", y.year);
        if y.year == 2029 {
            assert_eq!(uy.gap_cost, gap * month * Decimal::from(12));
        }
    }
}

fn plan_package() -> payung::engine::scenario::Programmes {
    payung::engine::presets::load("custom").unwrap().programmes
}

#[test]
fn plans_round_trip_as_json_and_name_an_unknown_code() {
    let params = params();
    let cat = regions::catalogue().unwrap();
    let mut province = maluku_with_every_rule(&params);
    let mut ambon = regions::starting_scenario(&params, "81.71")
        .unwrap()
        .scenario;
    ambon.horizon = province.horizon.clone();
    ambon.region.vulnerable_workers = 70_000;
    province.kabkota.push(regions::province::KabKotaScenario {
        code: "81.71".into(),
        scenario: ambon,
    });
    let plan = Plan::Province(province.clone());
    let text = plan_to_json(&plan);
    assert!(text.contains("\"scope\": \"province\""));
    assert_eq!(plan_from_json(&text, cat).unwrap(), plan);
    // The edited kab/kota runs with its own count.
    let valid = province.validate(&params, cat).unwrap();
    assert_eq!(
        valid
            .kabkota_scenario("81.71")
            .unwrap()
            .region
            .vulnerable_workers,
        70_000
    );

    let mut national = regions::NationalScenario::starting().unwrap();
    national.provinces.push(province);
    let plan = Plan::National(national);
    let text = plan_to_json(&plan);
    assert_eq!(plan_from_json(&text, cat).unwrap(), plan);

    // A code this build does not know: named, not a panic.
    let unknown = text.replace("\"81.72\"", "\"81.99\"");
    assert_eq!(
        plan_from_json(&unknown, cat).unwrap_err(),
        PlanFileError::UnknownRegion("81.99".into())
    );
    let unknown = text.replace("\"province\": \"81\"", "\"province\": \"97\"");
    let err = plan_from_json(&unknown, cat).unwrap_err();
    assert!(err.to_string().contains("`97`"), "{err}");

    let mut newer: serde_json::Value = serde_json::from_str(&text).unwrap();
    newer["schema_version"] = 9.into();
    let newer = newer.to_string();
    assert!(matches!(
        plan_from_json(&newer, cat),
        Err(PlanFileError::NewerVersion { found: 9, .. })
    ));
    assert_eq!(
        plan_from_json("{\"name\": \"x\"}", cat).unwrap_err(),
        PlanFileError::NotAPlan
    );
    // A wrong field inside a kab/kota's scenario names the kab/kota and the field.
    let bad = text.replacen("\"per_desa\"", "\"per_village\"", 1);
    let err = plan_from_json(&bad, cat).unwrap_err().to_string();
    assert!(
        err.starts_with("kab/kota 81.71: sources[1].amount: unknown field `per_village`"),
        "{err}"
    );
    // A wrong rule of a province source names its path.
    let bad = text.replace("\"rule\": \"bkbk\"", "\"rule\": \"bkbx\"");
    let err = plan_from_json(&bad, cat).unwrap_err();
    assert!(
        matches!(&err, PlanFileError::WrongShape { path, .. } if path == "provinces[0].sources[1].amount.rule"),
        "{err}"
    );
    // An older kab/kota scenario inside migrates like a scenario file.
    let older = text.replacen("\"schema_version\": 3", "\"schema_version\": 2", 1);
    assert_eq!(plan_from_json(&older, cat).unwrap(), plan);
}

#[test]
fn a_province_solve_is_the_least_whole_rupiah_that_meets_the_target() {
    let params = params();
    let catalogue = regions::catalogue().unwrap();
    let mut plan = ProvinceScenario::starting(&params, catalogue, "81").unwrap();
    plan.target.coverage = Decimal::new(6, 1);
    plan.target.year = plan.horizon.start.year + plan.horizon.years as i32 - 1;
    let name = plan.sources[0].name.clone();
    let answer = solve_province(&params, catalogue, &plan, &name).unwrap();
    let run_with = |yearly: Decimal| {
        let mut p = plan.clone();
        p.sources[0].amount = ProvinceAmount::Apbd { yearly };
        run_province(&params, &p.validate(&params, catalogue).unwrap()).province
    };
    let at = run_with(answer.yearly_amount);
    assert!(at.target_met, "{}", answer.yearly_amount);
    assert_eq!(at.target_reached, Some(answer.reached));
    assert!(!run_with(answer.yearly_amount - Decimal::ONE).target_met);
    // Not a source of the province, or not a yearly amount: said so.
    assert_eq!(
        solve_province(&params, catalogue, &plan, "APBD Kota Ambon"),
        Err(ProvinceSolveError::NoSuchSource("APBD Kota Ambon".into()))
    );
    plan.sources[0].amount = ProvinceAmount::CoFund {
        share: Decimal::new(5, 1),
    };
    assert_eq!(
        solve_province(&params, catalogue, &plan, &name),
        Err(ProvinceSolveError::NotYearly(name.clone()))
    );
}
