//! Goal-seek in both directions, by bisection over whole Rupiah.
//!
//! (a) the smallest flat yearly amount for one source that reaches the target by December of
//! the target year and holds it to the end of the horizon (`plan` answers year by year); (b) what a given yearly amount keeps covered. Bisection is sound because
//! coverage never falls when a source gets more money (a property test checks this).
//! The trials differ only in one source's money, so they share their year prices
//! (`simulate_cached`).

use super::calendar::YearMonth;
use super::outcome::{self, Outcome};
use super::parameters::Parameters;
use super::scenario::{limits, Amount, Scenario, ValidScenario};
use super::simulate::{
    simulate, simulate_cached, simulate_figures_until, Figures, PriceCache, Stop,
};
use super::Rupiah;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::cell::RefCell;

/// Why no amount for the chosen source reaches the target.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, thiserror::Error)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Unreachable {
    /// The index does not name a source.
    #[error("there is no such funding source")]
    NoSuchSource,
    /// The source pays nothing before the end of the target year.
    #[error("this source pays nothing before the end of {year}")]
    SourceInactive { year: i32 },
    /// Too few workers are verified in time, whatever the money.
    #[error("verification binds: at most {best_ratio} of workers are verified by the end of {year}, whatever the budget")]
    VerificationBinds { best_ratio: Decimal, year: i32 },
    /// The source's cap on workers stops it.
    #[error(
        "the source's cap of {cap} workers stops it: at best {best_ratio} by the end of {year}"
    )]
    CapBinds {
        cap: u64,
        best_ratio: Decimal,
        year: i32,
    },
    /// Some other limit (for example, sources ending) stops it.
    #[error("even Rp10 trillion a year reaches only {best_ratio} by the end of {year}")]
    TooExpensive { best_ratio: Decimal, year: i32 },
}

/// The answer to "how much a year does this source need?".
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BudgetAnswer {
    pub source: usize,
    /// The smallest yearly amount, to the Rupiah (in the source's first year; later years grow).
    pub yearly_amount: Rupiah,
    pub reached: YearMonth,
}

/// The answer to "what does this yearly amount keep covered?".
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CoverageAnswer {
    pub source: usize,
    pub yearly_amount: Rupiah,
    /// Whole worker-years the amount pays for at the start year's package cost.
    pub affordable_workers: u64,
    /// That cost: one worker's contributions for a year at the start (older answers hold
    /// none).
    #[serde(default)]
    pub worker_year: Rupiah,
    /// Workers this source covers in the last simulated month, once enrolment has caught up.
    pub workers_covered_by_source: u64,
    /// The most workers this source covers in any month.
    pub peak_workers_by_source: u64,
    pub workers_covered_total: u64,
    pub coverage_ratio_end: Decimal,
    pub target_reached: Option<YearMonth>,
}

/// The scenario with source `index` paid a fixed yearly amount (its growth and dates kept).
pub fn with_amount(scenario: &ValidScenario, index: usize, yearly: Rupiah) -> ValidScenario {
    let mut sc: Scenario = scenario.scenario().clone();
    sc.sources[index].amount = Amount::Rupiah { yearly };
    sc.sources[index].by_year.clear();
    // Only an amount inside the validated range is ever set, so this stays valid.
    ValidScenario::trusted(sc)
}

/// An amount that would pay every vulnerable worker for a year at the dearest month's
/// package cost, doubled: a first upper bound for the bisection.
fn first_guess(params: &Parameters, scenario: &ValidScenario) -> Decimal {
    let start = scenario.horizon.start;
    let cost = (0..scenario.horizon.months())
        .step_by(12)
        .map(|m| {
            params
                .contribution_for(start.plus_months(m), &scenario.programmes, false)
                .total()
        })
        .max()
        .unwrap_or_default();
    let growth = Decimal::ONE + scenario.region.worker_growth.max(Decimal::ZERO);
    let workers = Decimal::from(scenario.region.vulnerable_workers)
        * super::funding::growth_factor(growth - Decimal::ONE, scenario.horizon.years);
    (workers * cost * Decimal::from(24))
        .round_dp(0)
        .min(limits::YEARLY_AMOUNT.max)
}

fn best_ratio_by(outcome: &Outcome, year: i32, known: bool) -> Decimal {
    outcome
        .months
        .iter()
        .filter(|m| m.date.year <= year)
        .map(|m| {
            let count = if known {
                m.covered + m.waiting
            } else {
                m.covered
            };
            outcome::ratio(count, m.population)
        })
        .max()
        .unwrap_or_default()
}

/// (a) The smallest yearly amount for source `index` that reaches the target by its year.
pub fn solve_budget(
    params: &Parameters,
    scenario: &ValidScenario,
    index: usize,
) -> Result<BudgetAnswer, Unreachable> {
    if index >= scenario.sources.len() {
        return Err(Unreachable::NoSuchSource);
    }
    let year = scenario.target.year;
    // Every trial differs only in the source's money: its year prices are read once. A
    // trial reads only whether and when the target is met (`simulate_figures_until`).
    let cache = RefCell::new(PriceCache::default());
    let trial = |amount: Rupiah, stop: Stop| {
        let valid = with_amount(scenario, index, amount);
        simulate_figures_until(params, &valid, stop, &mut cache.borrow_mut())
    };
    // The whole horizon runs: the target must be held after its year too.
    let run = |amount: Rupiah| trial(amount, Stop::Never);
    // A step that only needs to know whether the target is met stops once it cannot be.
    let check = |amount: Rupiah| trial(amount, Stop::Missed);
    let met = |o: &Figures| o.target_met;

    let zero = check(Decimal::ZERO);
    if let (true, Some(reached)) = (met(&zero), zero.target_reached) {
        return Ok(BudgetAnswer {
            source: index,
            yearly_amount: Decimal::ZERO,
            reached,
        });
    }
    // Start from a generous guess and double it (up to the valid maximum) until it works.
    let ceiling = limits::YEARLY_AMOUNT.max;
    let mut guess = first_guess(params, scenario).max(Decimal::ONE);
    let mut top = run(guess);
    while !met(&top) && guess < ceiling {
        guess = (guess * Decimal::TWO).min(ceiling);
        top = run(guess);
    }
    if !met(&top) {
        // The reason reads every month of the last trial.
        let valid = with_amount(scenario, index, guess);
        let top = simulate_cached(params, &valid, Stop::Never, &mut cache.borrow_mut());
        return Err(diagnose(scenario, index, &top, year));
    }
    // Bisection: `low` never meets the target, `high` always does.
    let mut low = 0i128;
    let mut high = guess.to_i128().unwrap_or(i128::MAX);
    let mut best = top;
    while high - low > 1 {
        let mid = low + (high - low) / 2;
        let outcome = check(Decimal::from(mid));
        if met(&outcome) {
            high = mid;
            best = outcome;
        } else {
            low = mid;
        }
    }
    let reached = best.target_reached.unwrap_or(scenario.horizon.start);
    Ok(BudgetAnswer {
        source: index,
        yearly_amount: Decimal::from(high),
        reached,
    })
}

fn diagnose(scenario: &ValidScenario, index: usize, top: &Outcome, year: i32) -> Unreachable {
    let s = &scenario.sources[index];
    let ended = s
        .last_year
        .is_some_and(|last| last < scenario.horizon.start.year);
    if s.first_year > year || ended {
        return Unreachable::SourceInactive { year };
    }
    let best_known = best_ratio_by(top, year, true);
    if best_known < scenario.target.coverage {
        return Unreachable::VerificationBinds {
            best_ratio: best_known,
            year,
        };
    }
    let best = best_ratio_by(top, year, false);
    if let Some(cap) = s.cap_workers {
        let capped = top.months.iter().any(|m| m.covered_by_source[index] >= cap);
        if capped {
            return Unreachable::CapBinds {
                cap,
                best_ratio: best,
                year,
            };
        }
    }
    Unreachable::TooExpensive {
        best_ratio: best,
        year,
    }
}

/// (b) What a yearly amount for source `index` keeps covered, and when the target is met.
pub fn coverage_for_budget(
    params: &Parameters,
    scenario: &ValidScenario,
    index: usize,
    yearly: Rupiah,
) -> Result<CoverageAnswer, Unreachable> {
    if index >= scenario.sources.len() {
        return Err(Unreachable::NoSuchSource);
    }
    let yearly = yearly.max(Decimal::ZERO).min(limits::YEARLY_AMOUNT.max);
    let sc = with_amount(scenario, index, yearly);
    let outcome = simulate(params, &sc);
    let start = scenario.horizon.start;
    let per_year = params
        .contribution_for(
            start,
            &scenario.programmes,
            scenario.sources[index].discount,
        )
        .total()
        * Decimal::from(12);
    let affordable = (yearly / per_year).floor().to_u64().unwrap_or(0);
    let last = outcome.last_month();
    Ok(CoverageAnswer {
        source: index,
        yearly_amount: yearly,
        affordable_workers: affordable,
        worker_year: per_year,
        workers_covered_by_source: last.covered_by_source[index],
        peak_workers_by_source: outcome
            .months
            .iter()
            .map(|m| m.covered_by_source[index])
            .max()
            .unwrap_or(0),
        workers_covered_total: last.covered,
        coverage_ratio_end: outcome::ratio(last.covered, last.population),
        target_reached: outcome.target_reached,
    })
}
