//! `payung`: the engine on the command line, for analysts who want tables.
//!
//! Every error prints one line naming the field and the problem, and exits with code 2.

use clap::{Parser, Subcommand, ValueEnum};
use payung::engine::import::{scenario_from_json, scenario_to_json};
use payung::engine::plan::solve_plan;
use payung::engine::solve::{coverage_for_budget, solve_budget};
use payung::engine::uncertainty::{self, Assumptions};
use payung::engine::{presets, regions, report, simulate, Parameters, Scenario, ValidScenario};
use rust_decimal::Decimal;
use std::process::ExitCode;
use std::str::FromStr;

#[path = "payung/regions_cli.rs"]
mod regions_cli;
use regions_cli::{plan_for, regions_csv, run_plan, solve_province_csv};

#[derive(Parser)]
#[command(
    name = "payung",
    version,
    about = "Simulate local funding of BPJS Ketenagakerjaan cover for pekerja rentan"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Simulate a preset, a region's starting scenario or a scenario file; prints one CSV
    /// row per year.
    Run {
        /// A scenario JSON file (as written by `export` or the web app).
        file: Option<String>,
        #[arg(long)]
        preset: Option<String>,
        /// A kab/kota code (`payung regions`): its starting scenario; a province code: its
        /// starting province plan, as --province.
        #[arg(long)]
        region: Option<String>,
        /// A province's starting plan (its APBD line shared among its kab/kota, each on its
        /// starting scenario): CSV with a region column, the province then each kab/kota.
        #[arg(long, conflicts_with_all = ["file", "preset", "region", "draws"])]
        province: Option<String>,
        /// Every province's starting plan, 38 provinces and 514 kab/kota, with the UCJ path:
        /// CSV with a region column.
        #[arg(long, conflicts_with_all = ["file", "preset", "region", "province", "draws"])]
        national: bool,
        #[arg(long, value_enum, default_value = "csv")]
        format: Format,
        /// Monte Carlo over the uncertain assumptions (data/uncertainty.toml): print
        /// P10–P90 of coverage and cost per year and the chance of meeting the target.
        #[arg(long)]
        draws: Option<u32>,
        /// The generator's seed: the same seed gives the same bands.
        #[arg(long, default_value_t = 20261130, requires = "draws")]
        seed: u64,
    },
    /// Print a preset's or a kab/kota's starting scenario JSON, or a province's or the
    /// nation's starting plan JSON.
    Export {
        #[arg(long)]
        preset: Option<String>,
        /// A kab/kota code (its scenario) or a province code (its plan).
        #[arg(long)]
        region: Option<String>,
        /// A province code: its starting plan.
        #[arg(long, conflicts_with_all = ["preset", "region"])]
        province: Option<String>,
        /// The national starting plan.
        #[arg(long, conflicts_with_all = ["preset", "region", "province"])]
        national: bool,
    },
    /// Goal-seek: the yearly amount a source needs, or what an amount keeps covered.
    Solve {
        file: Option<String>,
        #[arg(long)]
        preset: Option<String>,
        /// A kab/kota code: solve on its starting scenario. A province code: the flat
        /// yearly amount of one province source (`APBD Provinsi …`) that brings its
        /// starting plan (the province over its kab/kota) to the target.
        #[arg(long)]
        region: Option<String>,
        /// The funding source to solve for, by name. With --plan it may be repeated: the
        /// sources are asked in the order given.
        #[arg(long, required = true)]
        source: Vec<String>,
        /// Target coverage ratio (1.0 = 100%); defaults to the scenario's target.
        #[arg(long)]
        target: Option<String>,
        /// Target year; defaults to the scenario's target year.
        #[arg(long)]
        by: Option<i32>,
        /// A yearly amount in Rupiah: report what it keeps covered instead.
        #[arg(long, conflicts_with = "plan")]
        budget: Option<String>,
        /// Answer with an amount for each year (pagu per tahun) instead of one flat amount:
        /// prints CSV `year,amount` (with a `source` column when several sources are given).
        #[arg(long)]
        plan: bool,
        /// With --plan: also write the scenario with the plan applied to this file.
        #[arg(long, requires = "plan")]
        scenario_out: Option<String>,
        /// The flat yearly amount that meets the target with this chance (0–1, e.g. 0.8),
        /// over --draws Monte Carlo draws.
        #[arg(long, conflicts_with_all = ["plan", "budget"])]
        probability: Option<String>,
        #[arg(long, default_value_t = 200, requires = "probability")]
        draws: u32,
        #[arg(long, default_value_t = 20261130, requires = "probability")]
        seed: u64,
    },
    /// List the presets.
    Presets,
    /// List Indonesia's 38 provinces and 514 kab/kota (CSV), or those matching --search.
    Regions {
        /// Words to look for, e.g. "kota amb" or "sleman".
        #[arg(long)]
        search: Option<String>,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Csv,
    Json,
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        // --help and --version are not errors.
        Err(e) if !e.use_stderr() => {
            print!("{e}");
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            let text = e.to_string();
            let first = text
                .lines()
                .next()
                .unwrap_or("bad arguments")
                .trim_start_matches("error: ");
            eprintln!("payung: {first}");
            return ExitCode::from(2);
        }
    };
    match run(cli) {
        Ok(text) => {
            print!("{text}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("payung: {message}");
            ExitCode::from(2)
        }
    }
}

/// The scenario named by exactly one of a file, `--preset` or `--region`.
fn load(
    params: &Parameters,
    file: Option<String>,
    preset: Option<String>,
    region: Option<String>,
) -> Result<Scenario, String> {
    match (file, preset, region) {
        (Some(path), None, None) => {
            let text = std::fs::read_to_string(&path).map_err(|e| format!("{path}: {e}"))?;
            scenario_from_json(&text).map_err(|e| format!("{path}: {e}"))
        }
        (None, Some(id), None) => presets::load(&id).map_err(|e| e.to_string()),
        (None, None, Some(code)) => regions::starting_scenario(params, &code)
            .map(|start| start.scenario)
            .map_err(|e| format!("--region: {e}")),
        (None, None, None) => {
            Err("give a scenario file, --preset <name> or --region <code>".into())
        }
        _ => Err("give only one of a scenario file, --preset and --region".into()),
    }
}

fn parse_decimal(field: &str, text: &str) -> Result<Decimal, String> {
    Decimal::from_str(text.trim()).map_err(|_| format!("{field}: `{text}` is not a number"))
}

fn run(cli: Cli) -> Result<String, String> {
    let params = Parameters::embedded().map_err(|e| e.to_string())?;
    match cli.command {
        Command::Presets => Ok(presets::IDS
            .iter()
            .filter_map(|id| presets::preset(id).ok())
            .map(|p| format!("{}\t{}\n", p.id, p.title))
            .collect()),
        Command::Regions { search } => regions_csv(&params, search.as_deref()),
        Command::Export {
            preset,
            region,
            province,
            national,
        } => {
            if let Some(plan) = plan_for(&params, None, region.as_deref(), province, national)? {
                return Ok(regions::plan_to_json(&plan) + "\n");
            }
            let sc = load(&params, None, preset, region)?;
            Ok(scenario_to_json(&sc) + "\n")
        }
        Command::Run {
            file,
            preset,
            region,
            province,
            national,
            format,
            draws,
            seed,
        } => {
            if let Some(plan) = plan_for(
                &params,
                file.as_deref(),
                region.as_deref(),
                province,
                national,
            )? {
                if draws.is_some() {
                    return Err("--draws: not available for a province or national plan".into());
                }
                return run_plan(&params, &plan, format);
            }
            let valid = load(&params, file, preset, region)?
                .validate(&params)
                .map_err(|e| e.to_string())?;
            if let Some(draws) = draws {
                return bands_csv(&params, &valid, draws, seed);
            }
            let outcome = simulate(&params, &valid);
            Ok(match format {
                Format::Csv => report::yearly_csv(&outcome),
                Format::Json => {
                    serde_json::to_string_pretty(&outcome).map_err(|e| e.to_string())? + "\n"
                }
            })
        }
        Command::Solve {
            file,
            preset,
            region,
            source,
            target,
            by,
            budget,
            plan,
            scenario_out,
            probability,
            draws,
            seed,
        } => {
            if let Some(code) = region.as_deref() {
                let other = [
                    (plan, "--plan"),
                    (budget.is_some(), "--budget"),
                    (probability.is_some(), "--probability"),
                ]
                .into_iter()
                .find_map(|(on, flag)| on.then_some(flag));
                let t = target
                    .as_deref()
                    .map(|t| parse_decimal("--target", t))
                    .transpose()?;
                if let Some(csv) = solve_province_csv(&params, code, &source, t, by, other)? {
                    return Ok(csv);
                }
            }
            let mut sc = load(&params, file, preset, region)?;
            if let Some(t) = target {
                sc.target.coverage = parse_decimal("--target", &t)?;
            }
            if let Some(year) = by {
                sc.target.year = year;
            }
            let mut indices = Vec::new();
            for name in &source {
                indices.push(sc.source_index(name).ok_or_else(|| {
                    format!("--source: there is no funding source named `{name}`")
                })?);
            }
            let valid = sc.validate(&params).map_err(|e| e.to_string())?;
            if plan {
                return plan_csv(&params, &valid, &indices, scenario_out.as_deref());
            }
            let (index, source) = match (indices.as_slice(), source.as_slice()) {
                ([index], [name]) => (*index, name.clone()),
                _ => return Err("--source: give one source, or several with --plan".into()),
            };
            if let Some(p) = probability {
                let p = parse_decimal("--probability", &p)?;
                let assumptions = Assumptions::embedded().map_err(|e| e.to_string())?;
                let amount = uncertainty::budget_for_probability(
                    &params,
                    &valid,
                    &assumptions,
                    index,
                    p,
                    draws,
                    seed,
                )
                .map_err(|e| cli_error(&e))?;
                return Ok(format!(
                    "source,target,by,probability,draws,seed,yearly_amount\n\"{}\",{},{},{},{},{},{}\n",
                    source.replace('"', "\"\""),
                    valid.target.coverage,
                    valid.target.year,
                    p,
                    draws,
                    seed,
                    amount
                ));
            }
            match budget {
                Some(amount) => {
                    let amount = parse_decimal("--budget", &amount)?;
                    if amount < Decimal::ZERO {
                        return Err("--budget: must not be negative".into());
                    }
                    let a = coverage_for_budget(&params, &valid, index, amount)
                        .map_err(|e| e.to_string())?;
                    let reached = a
                        .target_reached
                        .map_or("not reached".to_string(), |d| d.to_string());
                    Ok(format!(
                        "source,yearly_amount,affordable_workers,workers_covered_by_source_end,peak_workers_by_source,workers_covered_total_end,coverage_ratio_end,target_reached\n{},{},{},{},{},{},{:.4},{}\n",
                        source, a.yearly_amount.round_dp(0), a.affordable_workers, a.workers_covered_by_source,
                        a.peak_workers_by_source, a.workers_covered_total, a.coverage_ratio_end, reached
                    ))
                }
                None => match solve_budget(&params, &valid, index) {
                    Ok(a) => Ok(format!(
                        "source,target,by,yearly_amount,reached\n{},{},{},{},{}\n",
                        source,
                        valid.target.coverage,
                        valid.target.year,
                        a.yearly_amount,
                        a.reached
                    )),
                    Err(why) => Err(format!("unreachable: {why}")),
                },
            }
        }
    }
}

/// An uncertainty error as one CLI line naming the flag it is about.
fn cli_error(e: &uncertainty::UncertaintyError) -> String {
    use uncertainty::UncertaintyError::{Draws, Probability};
    match e {
        Draws(_) | Probability => format!("--{e}"),
        _ => format!("--probability: {e}"),
    }
}

/// `run --draws`: P10–P90 of coverage and cost per year and the chance of meeting the target.
fn bands_csv(
    params: &Parameters,
    valid: &ValidScenario,
    draws: u32,
    seed: u64,
) -> Result<String, String> {
    let assumptions = Assumptions::embedded().map_err(|e| e.to_string())?;
    let bands =
        uncertainty::bands(params, valid, &assumptions, draws, seed).map_err(|e| cli_error(&e))?;
    let mut out = String::from("year");
    for figure in ["coverage", "cost"] {
        for p in uncertainty::PERCENTILES {
            out += &format!(",{figure}_p{p}");
        }
    }
    out += ",probability_target_met,draws,seed\n";
    for (i, year) in bands.years.iter().enumerate() {
        out += &year.to_string();
        for c in bands.coverage[i] {
            out += &format!(",{:.4}", c);
        }
        for c in bands.cost[i] {
            out += &format!(",{}", c.round());
        }
        out += &format!(",{:.4},{},{}\n", bands.probability_target_met, draws, seed);
    }
    Ok(out)
}

/// `solve --plan`: the amount for each year as CSV, and optionally the planned scenario.
fn plan_csv(
    params: &Parameters,
    valid: &ValidScenario,
    sources: &[usize],
    scenario_out: Option<&str>,
) -> Result<String, String> {
    let plan = solve_plan(params, valid, sources).map_err(|e| e.to_string())?;
    if let Some(path) = scenario_out {
        std::fs::write(path, scenario_to_json(&plan.scenario) + "\n")
            .map_err(|e| format!("--scenario-out: {path}: {e}"))?;
    }
    let several = sources.len() > 1;
    let mut out = String::from(if several {
        "year,source,amount\n"
    } else {
        "year,amount\n"
    });
    for y in &plan.years {
        for (k, amount) in y.amounts.iter().enumerate() {
            let amount = amount.round_dp(0);
            if several {
                let name = &valid.sources[sources[k]].name;
                out += &format!("{},\"{}\",{}\n", y.year, name.replace('"', "\"\""), amount);
            } else {
                out += &format!("{},{}\n", y.year, amount);
            }
        }
    }
    for (year, short) in plan
        .years
        .iter()
        .filter_map(|y| y.short.as_ref().map(|s| (y.year, s)))
    {
        if short.reachable_workers < short.wanted_workers {
            eprintln!(
                "payung: note: in {year} at most {} workers can be covered by December, not {}: verification, the list or a cap binds",
                short.reachable_workers, short.wanted_workers
            );
        }
        if short.lost_workers > 0 {
            eprintln!(
                "payung: note: in January {year} {} workers lose cover whatever the money: a source ended or shrank",
                short.lost_workers
            );
        }
    }
    Ok(out)
}
