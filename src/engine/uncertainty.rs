//! How sure is the answer: Monte Carlo over the uncertain assumptions (deaths, accidents,
//! claims and their lag, lapses, verification yield and capacity, the share of each budget
//! spent, late transfers), each a triangular distribution in `data/uncertainty.toml` with
//! its basis. A seeded generator: the same scenario, draws and seed give the same bands.
//!
//! `bands` gives P10, P25, P50, P75 and P90 of coverage and cost for each year and the
//! chance of meeting the target; `tornado` shows which assumption moves coverage and cost
//! most; `budget_for_probability` finds the flat yearly amount of one source that meets the
//! target with a given chance. Draws change money and assumptions, never a year's prices:
//! they share them (`simulate_figures` with one `PriceCache`; a draw's run makes only the
//! figures read here), and a draw checks only the fields it changes
//! (`ValidScenario::revalidate_drawn`, listed once). Each spread's bounds are read as `f64`
//! once (`Sampler`). This module knows nothing of how bands are drawn.

mod stats;

pub use stats::{percentile, percentiles, to_micro, Sampler, Triangular};

use super::field::Field;
use super::outcome::ratio;
use super::parameters::Parameters;
use super::scenario::{limits, Amount, Scenario, SourceKind, ValidScenario};
use super::simulate::{simulate, simulate_figures, PriceCache};
use super::Rupiah;
use rand::rngs::StdRng;
use rand::SeedableRng;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// The embedded assumptions file.
pub const UNCERTAINTY_TOML: &str = include_str!("../../data/uncertainty.toml");

/// The same, as JSON (build.rs), which the app reads.
const UNCERTAINTY_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/uncertainty.json"));

/// The fewest and the most draws a run may ask for.
pub const MIN_DRAWS: u32 = 10;
pub const MAX_DRAWS: u32 = 100_000;

/// The percentiles reported, in order.
pub const PERCENTILES: [u32; 5] = [10, 25, 50, 75, 90];

/// How an assumption's draw changes a scenario.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// Multiplies the scenario's own value (kept inside the field's valid range).
    Factor,
    /// The share of every source's money actually spent.
    Share,
    /// Months a transfer (APBD provinsi, Dana Desa, revenue shares) arrives late; that part
    /// of each year's money is lost.
    Months,
}

/// One uncertain assumption.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Assumption {
    #[serde(skip)]
    pub key: String,
    pub description_id: String,
    pub description_en: String,
    pub kind: Kind,
    pub low: Decimal,
    pub mode: Decimal,
    pub high: Decimal,
    pub basis_id: String,
    pub basis_en: String,
}

impl Assumption {
    pub fn distribution(&self) -> Triangular {
        Triangular {
            low: self.low,
            mode: self.mode,
            high: self.high,
        }
    }
}

/// Why an uncertainty run cannot be made.
#[derive(Clone, Debug, PartialEq, thiserror::Error, Serialize, Deserialize)]
pub enum UncertaintyError {
    #[error("uncertainty.toml: {0}")]
    Parse(String),
    /// low ≤ mode ≤ high fails, or a value is out of its kind's range.
    #[error("{0}: the spread must satisfy low ≤ most likely ≤ high, within its range")]
    BadSpread(String),
    #[error("draws: {0} is outside {MIN_DRAWS}–{MAX_DRAWS}")]
    Draws(u32),
    #[error("probability: must be above 0% and below 100%")]
    Probability,
    #[error("{0}")]
    Unreachable(String),
}

/// All assumptions, in file order.
#[derive(Clone, Debug, PartialEq)]
pub struct Assumptions(pub Vec<Assumption>);

impl Assumptions {
    /// Reads the embedded `data/uncertainty.toml`, as the JSON that build.rs made of it
    /// (its tables in file order).
    pub fn embedded() -> Result<Self, UncertaintyError> {
        let list: Vec<(String, Assumption)> = serde_json::from_str(UNCERTAINTY_JSON)
            .map_err(|e| UncertaintyError::Parse(e.to_string()))?;
        Self::from_list(list)
    }

    /// Parses assumptions written as TOML (natively: tests, tools), in file order.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn from_toml(text: &str) -> Result<Self, UncertaintyError> {
        // Keys keep file order: toml's map is sorted, so read the order from the headers.
        let mut map: std::collections::BTreeMap<String, Assumption> =
            toml::from_str(text).map_err(|e| UncertaintyError::Parse(e.to_string()))?;
        let list = text
            .lines()
            .filter_map(|l| l.trim().strip_prefix('[')?.strip_suffix(']'))
            .filter_map(|k| Some((k.to_string(), map.remove(k)?)))
            .collect();
        Self::from_list(list)
    }

    /// The assumptions under their keys, checked.
    fn from_list(list: Vec<(String, Assumption)>) -> Result<Self, UncertaintyError> {
        let list = list
            .into_iter()
            .map(|(key, a)| Assumption { key, ..a })
            .collect();
        let all = Assumptions(list);
        all.check()?;
        Ok(all)
    }

    /// Every spread is ordered and inside its kind's range.
    pub fn check(&self) -> Result<(), UncertaintyError> {
        for a in &self.0 {
            let in_range = match a.kind {
                Kind::Factor => a.low >= Decimal::ZERO,
                Kind::Share => a.low >= Decimal::ZERO && a.high <= Decimal::ONE,
                Kind::Months => a.low >= Decimal::ZERO && a.high <= Decimal::from(12),
            };
            if !a.distribution().is_ordered() || !in_range {
                return Err(UncertaintyError::BadSpread(a.key.clone()));
            }
        }
        Ok(())
    }

    /// The same assumptions with no spread at all (each at its most likely value).
    pub fn without_spread(&self) -> Self {
        Assumptions(
            self.0
                .iter()
                .map(|a| Assumption {
                    low: a.mode,
                    high: a.mode,
                    ..a.clone()
                })
                .collect(),
        )
    }
}

fn clamp(x: Decimal, b: limits::Bounds) -> Decimal {
    x.clamp(b.min, b.max)
}

/// The scenario with one value per assumption applied (in the order of `assumptions`).
pub fn apply(sc: &Scenario, assumptions: &Assumptions, values: &[Decimal]) -> Scenario {
    let mut out = sc.clone();
    for (a, &v) in assumptions.0.iter().zip(values) {
        let r = &mut out.risk;
        let e = &mut out.enrolment;
        match a.key.as_str() {
            "deaths" => {
                r.deaths_per_thousand =
                    clamp(r.deaths_per_thousand * v, limits::DEATHS_PER_THOUSAND)
            }
            "work_death_share" => {
                r.work_death_share = clamp(r.work_death_share * v, limits::WORK_DEATH_SHARE)
            }
            "accidents" => {
                r.accidents_per_thousand =
                    clamp(r.accidents_per_thousand * v, limits::ACCIDENTS_PER_THOUSAND)
            }
            "accident_cost" => {
                r.accident_cost = clamp((r.accident_cost * v).round(), limits::ACCIDENT_COST)
            }
            "claim_share" => r.claim_share = clamp(r.claim_share * v, limits::CLAIM_SHARE),
            "claim_lag" => {
                let lag = clamp(
                    (Decimal::from(r.claim_lag_months) * v).round(),
                    limits::CLAIM_LAG_MONTHS,
                );
                r.claim_lag_months = lag.to_u32().unwrap_or(r.claim_lag_months);
            }
            "lapse_rate" => e.lapse_rate = clamp(e.lapse_rate * v, limits::LAPSE_RATE),
            "verification_yield" => {
                e.verification_yield = clamp(e.verification_yield * v, limits::VERIFICATION_YIELD)
            }
            "verification_capacity" => {
                let n = clamp(
                    (Decimal::from(e.verification_per_month) * v).round(),
                    limits::VERIFICATION_PER_MONTH,
                );
                e.verification_per_month = n.to_u64().unwrap_or(e.verification_per_month);
            }
            "budget_execution" => scale_money(&mut out, v, |_| true),
            "transfer_delay" => {
                let kept = (Decimal::from(12) - v.round()).max(Decimal::ZERO) / Decimal::from(12);
                scale_money(&mut out, kept, |k| {
                    matches!(
                        k,
                        SourceKind::ApbdProvinsi
                            | SourceKind::DanaDesa
                            | SourceKind::Dbhcht
                            | SourceKind::DbhSawit
                    )
                });
            }
            _ => {}
        }
    }
    out
}

/// Multiplies the money of every source whose kind passes `which` by `share` (whole Rupiah).
fn scale_money(sc: &mut Scenario, share: Decimal, which: impl Fn(SourceKind) -> bool) {
    for s in sc.sources.iter_mut().filter(|s| which(s.kind)) {
        match &mut s.amount {
            Amount::Rupiah { yearly } => *yearly = (*yearly * share).round(),
            Amount::DanaDesa { per_desa, .. } => *per_desa = (*per_desa * share).round(),
            Amount::BapakAsuh { participation, .. } => {
                *participation = (*participation * share).round_dp(6)
            }
            Amount::Workers { .. } | Amount::CoFund { .. } => {}
        }
        for amount in s.by_year.values_mut() {
            *amount = (*amount * share).round();
        }
    }
}

/// Percentiles of one figure for one year, in the order of `PERCENTILES`.
pub type Percentiles = [Decimal; 5];

/// The Monte Carlo result.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Bands {
    pub draws: u32,
    pub seed: u64,
    pub years: Vec<i32>,
    /// Coverage at each year's end (ratio).
    pub coverage: Vec<Percentiles>,
    /// Contributions paid in each year (Rupiah).
    pub cost: Vec<Percentiles>,
    /// The share of draws in which the target is met (reached and held).
    pub probability_target_met: Decimal,
}

/// One draw's figures: coverage and cost by year, and whether the target was met.
struct DrawResult {
    coverage: Vec<Decimal>,
    cost: Vec<Rupiah>,
    met: bool,
}

/// One run of `draw`, a draw of `base`; draws share `cache` (they change no year price,
/// only money and assumptions) and check only the fields they change.
fn run_once(
    (params, base, fields): (&Parameters, &ValidScenario, &[Field]),
    draw: Scenario,
    cache: &mut PriceCache,
) -> Option<DrawResult> {
    let valid = base.revalidate_drawn(draw, params, fields).ok()?;
    let figures = simulate_figures(params, &valid, cache);
    Some(DrawResult {
        coverage: figures
            .years
            .iter()
            .map(|y| ratio(y.covered_end, y.population_end))
            .collect(),
        cost: figures.years.iter().map(|y| y.contributions).collect(),
        met: figures.target_met,
    })
}

/// The values of the `i`-th draw of every assumption, from one generator seeded with
/// `seed` (draw after draw, assumption after assumption, so a draw never depends on how
/// many draws follow it).
fn draw_values(samplers: &[Sampler], rng: &mut StdRng) -> Vec<Decimal> {
    samplers.iter().map(|s| s.sample(rng)).collect()
}

/// What every set of draws needs: each assumption's sampler and the fields a draw sets,
/// once the number of draws and the assumptions are checked.
fn draw_setup(
    valid: &ValidScenario,
    assumptions: &Assumptions,
    draws: u32,
) -> Result<(Vec<Sampler>, Vec<Field>), UncertaintyError> {
    if !(MIN_DRAWS..=MAX_DRAWS).contains(&draws) {
        return Err(UncertaintyError::Draws(draws));
    }
    assumptions.check()?;
    let samplers = assumptions
        .0
        .iter()
        .map(|a| a.distribution().sampler())
        .collect();
    Ok((samplers, valid.drawn_fields()))
}

/// P10–P90 of coverage and cost for each year, and the chance of meeting the target, over
/// `draws` draws from a generator seeded with `seed`.
pub fn bands(
    params: &Parameters,
    valid: &ValidScenario,
    assumptions: &Assumptions,
    draws: u32,
    seed: u64,
) -> Result<Bands, UncertaintyError> {
    let (samplers, fields) = draw_setup(valid, assumptions, draws)?;
    let sc = valid.scenario();
    let mut rng = StdRng::seed_from_u64(seed);
    let mut results = Vec::with_capacity(draws as usize);
    let mut cache = PriceCache::default();
    for _ in 0..draws {
        let values = draw_values(&samplers, &mut rng);
        // Every applied value is clamped into its valid range, so a draw always validates;
        // a draw that did not would be skipped rather than fail the whole run.
        let draw = apply(sc, assumptions, &values);
        if let Some(r) = run_once((params, valid, &fields), draw, &mut cache) {
            results.push(r);
        }
    }
    let years: Vec<i32> = simulate(params, valid)
        .years
        .iter()
        .map(|y| y.year)
        .collect();
    let column = |f: &dyn Fn(&DrawResult) -> Decimal| -> Percentiles {
        let values: Vec<Decimal> = results.iter().map(f).collect();
        percentiles(&values, PERCENTILES).unwrap_or_default()
    };
    let coverage = (0..years.len())
        .map(|i| column(&|r| r.coverage[i]))
        .collect();
    let cost = (0..years.len()).map(|i| column(&|r| r.cost[i])).collect();
    let met = results.iter().filter(|r| r.met).count();
    Ok(Bands {
        draws,
        seed,
        years,
        coverage,
        cost,
        probability_target_met: if results.is_empty() {
            Decimal::ZERO
        } else {
            Decimal::from(met as u64) / Decimal::from(results.len() as u64)
        },
    })
}

/// Whether the target is met in at least `probability` of the draws: exactly
/// `bands(params, valid, assumptions, draws, seed)?.probability_target_met >= probability`,
/// with the same draws in the same order, but it stops as soon as the draws left cannot
/// change the answer (a goal-seek for a chance asks this of amounts far from the answer
/// first, where a fifth of the draws usually decides it).
fn met_in_share(
    params: &Parameters,
    valid: &ValidScenario,
    assumptions: &Assumptions,
    (draws, seed): (u32, u64),
    probability: Decimal,
) -> Result<bool, UncertaintyError> {
    let (samplers, fields) = draw_setup(valid, assumptions, draws)?;
    let share = |met: u64, of: u64| {
        if of == 0 {
            Decimal::ZERO
        } else {
            Decimal::from(met) / Decimal::from(of)
        }
    };
    let mut rng = StdRng::seed_from_u64(seed);
    let mut cache = PriceCache::default();
    let (mut met, mut run) = (0u64, 0u64);
    for k in 0..draws {
        let left = u64::from(draws - k);
        // However the draws left turn out, the share ends between `met / (run + left)` (none
        // of them met) and `(met + left) / (run + left)` (all met); a skipped draw only moves
        // it inside. `Decimal`'s rounding keeps that order, so the first product test below
        // implies the share's; the second is confirmed with the share itself.
        let whole = Decimal::from(run + left);
        if Decimal::from(met) >= probability * whole {
            return Ok(true);
        }
        if Decimal::from(met + left) < probability * whole
            && share(met + left, run + left) < probability
        {
            return Ok(false);
        }
        let values = draw_values(&samplers, &mut rng);
        if let Some(r) = run_once(
            (params, valid, &fields),
            apply(valid.scenario(), assumptions, &values),
            &mut cache,
        ) {
            run += 1;
            met += u64::from(r.met);
        }
    }
    Ok(share(met, run) >= probability)
}

/// One bar of the tornado: coverage at the target year's end and total cost with the
/// assumption at its low and at its high value, the others at their most likely values.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TornadoBar {
    pub key: String,
    pub coverage_low: Decimal,
    pub coverage_high: Decimal,
    pub cost_low: Rupiah,
    pub cost_high: Rupiah,
}

impl TornadoBar {
    /// How far coverage moves between the two ends.
    pub fn coverage_swing(&self) -> Decimal {
        (self.coverage_high - self.coverage_low).abs()
    }
}

/// The assumptions ordered by how much they move coverage at the target year (then cost).
pub fn tornado(
    params: &Parameters,
    valid: &ValidScenario,
    assumptions: &Assumptions,
) -> Result<Vec<TornadoBar>, UncertaintyError> {
    assumptions.check()?;
    let sc = valid.scenario();
    let modes: Vec<Decimal> = assumptions.0.iter().map(|a| a.mode).collect();
    let target_index = |years: &[i32]| {
        years
            .iter()
            .position(|&y| y == sc.target.year)
            .unwrap_or(years.len() - 1)
    };
    let years: Vec<i32> = simulate(params, valid)
        .years
        .iter()
        .map(|y| y.year)
        .collect();
    let at = target_index(&years);
    let mut cache = PriceCache::default();
    let fields = valid.drawn_fields();
    let mut figures = |values: &[Decimal]| -> (Decimal, Rupiah) {
        run_once(
            (params, valid, &fields),
            apply(sc, assumptions, values),
            &mut cache,
        )
        .map_or((Decimal::ZERO, Decimal::ZERO), |r| {
            (r.coverage[at], r.cost.iter().copied().sum())
        })
    };
    let mut bars: Vec<TornadoBar> = assumptions
        .0
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let mut low = modes.clone();
            low[i] = a.low;
            let mut high = modes.clone();
            high[i] = a.high;
            let (coverage_low, cost_low) = figures(&low);
            let (coverage_high, cost_high) = figures(&high);
            TornadoBar {
                key: a.key.clone(),
                coverage_low,
                coverage_high,
                cost_low,
                cost_high,
            }
        })
        .collect();
    bars.sort_by(|a, b| {
        b.coverage_swing().cmp(&a.coverage_swing()).then(
            (b.cost_high - b.cost_low)
                .abs()
                .cmp(&(a.cost_high - a.cost_low).abs()),
        )
    });
    Ok(bars)
}

/// The least flat yearly amount (whole Rupiah, to within one worker-year's contribution) of
/// source `index` with which the target is met in at least `probability` of the draws: the
/// search of `chance_step` run to its end.
pub fn budget_for_probability(
    params: &Parameters,
    valid: &ValidScenario,
    assumptions: &Assumptions,
    index: usize,
    probability: Decimal,
    draws: u32,
    seed: u64,
) -> Result<Rupiah, UncertaintyError> {
    let question = ChanceQuestion {
        index,
        probability,
        draws,
        seed,
    };
    let mut search = ChanceSearch::default();
    loop {
        match chance_step(params, valid, assumptions, &question, search)? {
            ChanceStep::Found(amount) => return Ok(amount),
            ChanceStep::Searching(next) => search = next,
        }
    }
}

/// What a budget for a chance asks: the least flat yearly amount of source `index` with
/// which the target is met in at least `probability` of `draws` draws seeded with `seed`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ChanceQuestion {
    pub index: usize,
    pub probability: Decimal,
    pub draws: u32,
    pub seed: u64,
}

/// How far a search for the budget for a chance has come: `low` is too little (or zero), and
/// `high` is enough, once the most a source may pay has been tried (`None` before).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChanceSearch {
    pub low: Rupiah,
    pub high: Option<Rupiah>,
}

/// One step's result: the amount, or where the search goes on from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ChanceStep {
    Found(Rupiah),
    Searching(ChanceSearch),
}

/// One step of the search for the budget for a chance: tries one amount (the draws of one
/// scenario), so a caller can stop a search whose question is no longer asked between steps
/// (the page's draws lane runs a bands job between two steps rather than after the whole
/// search). The first step tries the most a source may pay (and fails if even that is too
/// little); each later one halves the range, to within one worker-year of the package.
pub fn chance_step(
    params: &Parameters,
    valid: &ValidScenario,
    assumptions: &Assumptions,
    question: &ChanceQuestion,
    search: ChanceSearch,
) -> Result<ChanceStep, UncertaintyError> {
    let probability = question.probability;
    if probability <= Decimal::ZERO || probability >= Decimal::ONE {
        return Err(UncertaintyError::Probability);
    }
    let sc = valid.scenario();
    let enough = |amount: Rupiah| -> Result<bool, UncertaintyError> {
        let mut trial = sc.clone();
        trial.sources[question.index].amount = Amount::Rupiah { yearly: amount };
        trial.sources[question.index].by_year.clear();
        let valid = trial
            .validate(params)
            .map_err(|e| UncertaintyError::Unreachable(e.to_string()))?;
        met_in_share(
            params,
            &valid,
            assumptions,
            (question.draws, question.seed),
            probability,
        )
    };
    let ChanceSearch { mut low, high } = search;
    let high = match high {
        None => {
            let most = limits::YEARLY_AMOUNT.max;
            if !enough(most)? {
                return Err(UncertaintyError::Unreachable(format!(
                    "no amount meets the target in {}% of the draws",
                    (probability * Decimal::ONE_HUNDRED).round_dp(1)
                )));
            }
            most
        }
        Some(mut high) => {
            let mid = ((low + high) / Decimal::TWO).round();
            if enough(mid)? {
                high = mid;
            } else {
                low = mid;
            }
            high
        }
    };
    // One worker-year of the package is the precision that matters to a budget.
    let precision = params
        .contribution_for(sc.horizon.start, &sc.programmes, false)
        .total()
        * Decimal::from(12);
    Ok(if high - low > precision.max(Decimal::ONE) {
        ChanceStep::Searching(ChanceSearch {
            low,
            high: Some(high),
        })
    } else {
        ChanceStep::Found(high)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::presets;

    #[test]
    fn stopping_early_gives_the_bands_answer() {
        let params = Parameters::embedded().unwrap();
        let assumptions = Assumptions::embedded().unwrap();
        let mut sc = presets::load("ambon").unwrap();
        sc.target.coverage = Decimal::new(6, 1);
        let (mut yes, mut no) = (0, 0);
        // Amounts from hopeless to ample, each asked at shares from a tenth to all draws.
        for yearly in [
            0i64,
            2_000_000_000,
            3_500_000_000,
            4_500_000_000,
            9_000_000_000,
        ] {
            sc.sources[0].amount = Amount::Rupiah {
                yearly: Decimal::from(yearly),
            };
            sc.sources[0].by_year.clear();
            let valid = sc.clone().validate(&params).unwrap();
            let share = bands(&params, &valid, &assumptions, 60, 7)
                .unwrap()
                .probability_target_met;
            let shares = [
                share,
                Decimal::new(1, 1),
                Decimal::new(5, 1),
                Decimal::new(8, 1),
            ];
            for probability in shares.into_iter().chain([Decimal::ONE]) {
                let early = met_in_share(&params, &valid, &assumptions, (60, 7), probability);
                assert_eq!(
                    early.unwrap(),
                    share >= probability,
                    "{yearly} at {probability}"
                );
                if share >= probability {
                    yes += 1;
                } else {
                    no += 1;
                }
            }
        }
        assert!(yes > 0 && no > 0, "both answers asked ({yes} yes, {no} no)");
    }
}
