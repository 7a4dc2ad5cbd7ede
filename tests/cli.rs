//! The `payung` command-line runner: CSV, JSON and goal-seek output, and one-line errors with
//! exit code 2 for bad input.
//!
//! Invariants over random scenarios live in `tests/properties.rs`; exact seed costs in
//! `tests/golden/`. These tests pin concrete cases, each with a number that could be wrong.

mod common;

use common::{ambon, params, PACKAGE_MONTH};
use payung::engine::import::{scenario_from_json, scenario_to_json};
use payung::engine::solve::solve_budget;
use payung::engine::{presets, report, simulate};
use std::process::{Command, Output};

// ---------------------------------------------------------------------------------------
// The `payung` command-line runner
// ---------------------------------------------------------------------------------------

/// Goal-seek for Ambon's APBD: everyone covered by 2029.
const AMBON_BY_2029: [&str; 9] = [
    "solve",
    "--preset",
    "ambon",
    "--target",
    "1.0",
    "--by",
    "2029",
    "--source",
    "APBD Kota Ambon",
];

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
    let out = stdout_ok(&AMBON_BY_2029);
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

#[test]
fn cli_plan_prints_each_years_amount_and_writes_a_scenario_that_runs_to_them() {
    let dir = std::env::temp_dir().join(format!("payung-plan-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("ambon-plan.json");
    let file = file.to_str().unwrap();
    let csv = stdout_ok(&[&AMBON_BY_2029[..], &["--plan", "--scenario-out", file]].concat());
    let mut lines = csv.lines();
    assert_eq!(lines.next(), Some("year,amount"));
    let plan: Vec<(i32, i64)> = lines
        .map(|l| {
            let (y, a) = l.split_once(',').unwrap();
            (y.parse().unwrap(), a.parse().expect("whole Rupiah"))
        })
        .collect();
    assert_eq!(
        plan.iter().map(|p| p.0).collect::<Vec<_>>(),
        vec![2026, 2027, 2028, 2029, 2030]
    );
    let sc = scenario_from_json(&std::fs::read_to_string(file).unwrap()).unwrap();
    let o = simulate(&params(), &sc.validate(&params()).unwrap());
    assert!(o.target_met);
    let apbd = 0;
    for ((year, amount), r) in plan.iter().zip(&o.years) {
        assert_eq!(r.year, *year);
        assert_eq!(r.budget_by_source[apbd], (*amount).into(), "{year}");
    }
    // `payung run FILE` reads it back: its APBD column is the plan.
    let run = stdout_ok(&["run", file]);
    let header: Vec<&str> = run.lines().next().unwrap().split(',').collect();
    let col = header
        .iter()
        .position(|h| *h == "budget_apbd_kota_ambon")
        .expect("a budget column for the APBD source");
    for (line, (_, amount)) in run.lines().skip(1).zip(&plan) {
        assert_eq!(line.split(',').nth(col), Some(amount.to_string().as_str()));
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn cli_plan_refuses_a_source_not_paid_in_rupiah_in_one_line() {
    assert_one_line_error(
        &[
            "solve",
            "--preset",
            "ambon",
            "--source",
            "CSR mitra",
            "--plan",
        ],
        "not paid as a Rupiah amount",
    );
    assert_one_line_error(
        &[
            "solve",
            "--preset",
            "ambon",
            "--source",
            "APBD Kota Ambon",
            "--source",
            "Dana Desa",
        ],
        "several with --plan",
    );
}

#[test]
fn run_prints_coverage_by_group_for_a_scenario_with_groups() {
    // Kab. Mukomuko 2024: two groups, one APBD line, Rp880.048.800 to the Rupiah.
    let csv = stdout_ok(&["run", "examples/mukomuko-2024.json"]);
    let mut lines = csv.lines();
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    let row: Vec<&str> = lines.next().unwrap().split(',').collect();
    let at = |col: &str| row[header.iter().position(|h| *h == col).unwrap()];
    assert_eq!(at("contributions_total"), "880048800");
    assert_eq!(at("covered_group_nelayan"), "1593");
    assert_eq!(at("covered_group_ketua_rt_rw_dan_pegawai_masjid"), "3450");
    assert_eq!(at("contributions_group_nelayan"), "321148800");
    assert_eq!(
        at("contributions_group_ketua_rt_rw_dan_pegawai_masjid"),
        "558900000"
    );
}

// ---------------------------------------------------------------------------------------
// Province and national plans
// ---------------------------------------------------------------------------------------

#[test]
fn cli_province_and_national_plans_print_one_row_per_region_and_year() {
    let csv = stdout_ok(&["run", "--province", "81"]);
    let mut lines = csv.lines();
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    assert_eq!(&header[..4], ["region", "code", "level", "year"]);
    for payer in ["paid_province", "paid_kab_kota", "paid_desa", "paid_other"] {
        assert!(header.contains(&payer), "{payer}");
    }
    let rows: Vec<Vec<&str>> = lines.map(|l| l.split(',').collect()).collect();
    // Maluku, then its 11 kab/kota, five years each.
    assert_eq!(rows.len(), (1 + 11) * 5);
    assert!(rows[..5]
        .iter()
        .all(|r| r[0] == "Provinsi Maluku" && r[1] == "81" && r[2] == "provinsi"));
    assert!(rows[5..]
        .iter()
        .all(|r| r[1].starts_with("81.") && r[2] == "kabkota"));
    let col = |name: &str| header.iter().position(|h| *h == name).unwrap();
    // The province's covered workers are its kab/kota's, year by year.
    for year in 0..5 {
        let kab: u64 = rows[5..]
            .iter()
            .skip(year)
            .step_by(5)
            .map(|r| r[col("covered")].parse::<u64>().unwrap())
            .sum();
        assert_eq!(rows[year][col("covered")].parse::<u64>().unwrap(), kab);
    }
    // A province code given to --region runs the same plan.
    assert_eq!(stdout_ok(&["run", "--region", "81"]), csv);
    // The exported plan runs to the same figures.
    let plan = stdout_ok(&["export", "--province", "81"]);
    assert!(plan.contains("\"scope\": \"province\""));
    let path = temp_file("maluku-plan.json", &plan);
    assert_eq!(stdout_ok(&["run", &path]), csv);
    let json = stdout_ok(&["run", "--province", "81", "--format", "json"]);
    let outcome: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(outcome["kabkota"].as_array().unwrap().len(), 11);

    // The province each row is in comes last: Maluku's own rows and its kab/kota's.
    assert_eq!(header.last(), Some(&"province"));
    assert!(rows.iter().all(|r| r.last() == Some(&"Provinsi Maluku")));

    let national = stdout_ok(&["run", "--national"]);
    assert_eq!(national.lines().count(), 1 + (1 + 38 + 514) * 5);
    let first = national.lines().nth(1).unwrap();
    assert!(first.starts_with("Indonesia,ID,nasional,"));
    assert!(
        first.ends_with(','),
        "the nation is in no province: {first}"
    );
}

#[test]
fn cli_solve_with_a_province_code_answers_for_the_province_plan() {
    let csv = stdout_ok(&[
        "solve",
        "--region",
        "81",
        "--source",
        "APBD Provinsi Maluku",
        "--target",
        "0.6",
        "--by",
        "2031",
    ]);
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some("region,source,target,by,yearly_amount,reached")
    );
    let row: Vec<&str> = lines.next().unwrap().split(',').collect();
    assert_eq!(&row[..4], ["81", "\"APBD Provinsi Maluku\"", "0.6", "2031"]);
    let amount: u64 = row[4].parse().unwrap();
    assert!(amount > 0, "{csv}");
    // The other questions are the single region's: one line each, exit 2.
    for flag in ["--plan", "--budget=1000000", "--probability=0.8"] {
        assert_one_line_error(
            &[
                "solve",
                "--region",
                "81",
                "--source",
                "APBD Provinsi Maluku",
                flag,
            ],
            "not available for a province",
        );
    }
    assert_one_line_error(
        &["solve", "--region", "81", "--source", "APBD Kota Ambon"],
        "the province has no source named `APBD Kota Ambon`",
    );
    // A kab/kota code still solves its own starting scenario.
    let kota = stdout_ok(&["solve", "--region", "81.71", "--source", "APBD Kota Ambon"]);
    assert!(
        kota.starts_with("source,target,by,yearly_amount,reached\n"),
        "{kota}"
    );
}

#[test]
fn cli_unknown_or_malformed_region_codes_are_one_line_and_exit_2() {
    assert_one_line_error(&["run", "--region", "99.99"], "unknown region code `99.99`");
    assert_one_line_error(
        &["run", "--region", "ambon"],
        "malformed region code `ambon`",
    );
    assert_one_line_error(&["run", "--region", "8"], "malformed region code `8`");
    assert_one_line_error(&["run", "--province", "99"], "unknown region code `99`");
    assert_one_line_error(
        &["run", "--province", "81.7"],
        "malformed region code `81.7`",
    );
    assert_one_line_error(&["run", "--province", "81.71"], "`81.71` is a kab/kota");
    assert_one_line_error(
        &["export", "--province", "x1"],
        "malformed region code `x1`",
    );
    let plan = stdout_ok(&["export", "--province", "81"]).replace("\"81\"", "\"97\"");
    let path = temp_file("unknown-province-plan.json", &plan);
    assert_one_line_error(&["run", &path], "unknown region code `97`");
}
