//! Goal-seek as a plan: the money each fiscal year needs (pagu per tahun), year by year.
//!
//! What "smallest" means. The plan fixes the years in order. For each fiscal year it finds,
//! to the Rupiah, the least amount for the first chosen source (then the next chosen source,
//! when the one before cannot do it alone) such that, with the years before already fixed:
//!
//! 1. nobody loses cover at the year's start for want of money;
//! 2. coverage in December is at least the year's *step*: an even path from the coverage at
//!    the start of the horizon to the target in December of the target year;
//!    from the target year on, the step is the target itself, so the target is held at the
//!    end of every later year (coverage is judged at year ends, as `Outcome::target_met` is).
//!
//! When no amount meets a year's criterion (verification, the list or a cap binds), the year
//! gets the least amount that does as well as unlimited money would, and the plan says how
//! many workers it falls short by. Money beyond that would sit idle. Because each year gets the
//! least amount that meets its criterion, one Rupiah less in any year breaks that year's
//! criterion; the property tests check it with one worker-year's contribution less.
//!
//! Its runs differ only in money and horizon, so they share their year prices
//! (`simulate_cached`), and a year's bisection resumes each trial from the run paused just
//! before the year before opens (`simulate::Paused`), the first moment a run reads that
//! year's money; a trial makes only the figures it reads (`Paused::resume_figures`).
//!
//! It knows nothing of languages or the browser; it only runs the simulation.

use super::calendar::YearMonth;
use super::outcome::Outcome;
use super::parameters::Parameters;
use super::scenario::{limits, Amount, Scenario, ValidScenario};
use super::simulate::{simulate_cached, simulate_figures_until, Figures, Paused, PriceCache, Stop};
use super::Rupiah;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// Why a plan cannot be made for the chosen sources.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, thiserror::Error)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum PlanError {
    /// No source was chosen.
    #[error("choose at least one funding source to plan")]
    NoSource,
    /// An index does not name a source.
    #[error("there is no such funding source")]
    NoSuchSource,
    /// The same source was chosen twice.
    #[error("source `{source_name}` is chosen twice")]
    Repeated { source_name: String },
    /// Only a source paid as a Rupiah amount has a yearly amount to plan.
    #[error(
        "source `{source_name}` is not paid as a Rupiah amount, so it has no yearly amount to plan"
    )]
    NotRupiah { source_name: String },
}

/// What keeps a year below its step whatever the money, read off the run with unlimited
/// money for the chosen sources at that year's end.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Limit {
    /// Verification capacity: entries were left to check, but not enough were checked.
    Verification,
    /// The list ran out: every entry was checked and too few were eligible.
    List,
    /// A source's cap (or the chosen sources' limits) left verified workers waiting.
    Cap,
    /// Workers lost cover at the year's start (a source that ended or shrank) whom no chosen
    /// source could take; December's count itself was reachable.
    LostCover,
}

/// How far a year falls short of its criterion whatever the money.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Shortfall {
    /// What limits the year.
    pub limit: Limit,
    /// Workers covered in December with unlimited money.
    pub reachable_workers: u64,
    /// Workers the year's step asks for in December.
    pub wanted_workers: u64,
    /// Workers who lose cover at the year's start whatever the money (a source that ended
    /// or shrank had workers no chosen source can take).
    pub lost_workers: u64,
}

/// One fiscal year of the plan.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlanYear {
    pub year: i32,
    /// The amount for each chosen source, in the order chosen (whole Rupiah; zero when the
    /// source does not pay in this year).
    pub amounts: Vec<Rupiah>,
    /// The coverage ratio this year aims at by December.
    pub step: Decimal,
    /// Coverage in the year's last simulated month, with the plan applied.
    pub coverage_end: Decimal,
    /// Money of the chosen sources left unspent this year, with the plan applied.
    pub idle: Rupiah,
    /// Set when verification, the list or a cap keeps the year below its step.
    pub short: Option<Shortfall>,
}

/// The answer: amounts by year, and the scenario with them written in.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Plan {
    /// The chosen sources, by index, in order.
    pub sources: Vec<usize>,
    pub years: Vec<PlanYear>,
    /// The scenario with each chosen source's `by_year` set to the plan.
    pub scenario: Scenario,
    /// When coverage first reached the target, with the plan applied.
    pub reached: Option<YearMonth>,
    /// Whether the target is reached by December of the target year and held afterwards.
    pub met: bool,
}

/// What one year must achieve, as worker counts (exact, no rounded ratios).
#[derive(Clone, Debug)]
struct Goal {
    /// At most this many workers may lose cover at the year's start.
    lost: u64,
    /// Workers covered in the year's last month.
    december: u64,
    /// The year before's goal, which this year's money must not undo: a source enrols only
    /// whom its next year's money can keep, so too little now would have cut last year short.
    before: Option<Box<Goal>>,
}

impl Goal {
    fn met_by(&self, outcome: &Outcome, year: i32) -> bool {
        self.met_in(&|y| year_end(outcome, y), year)
    }

    /// As `met_by`, reading a year's workers who lost cover and covered at its end from
    /// `end` (a whole run's or a trial's figures).
    fn met_in(&self, end: &dyn Fn(i32) -> Option<(u64, u64)>, year: i32) -> bool {
        self.year_met_in(end, year)
            && self
                .before
                .as_ref()
                .is_none_or(|before| before.year_met_in(end, year - 1))
    }

    /// This goal's own year only.
    fn year_met_in(&self, end: &dyn Fn(i32) -> Option<(u64, u64)>, year: i32) -> bool {
        end(year).is_some_and(|(lost, covered)| lost <= self.lost && covered >= self.december)
    }

    /// The goal lowered to what `best` (the run with unlimited money) achieves.
    fn at_most(&self, best: &Outcome, year: i32) -> Goal {
        let y = best.years.iter().find(|r| r.year == year);
        Goal {
            lost: self.lost.max(y.map_or(0, |r| r.cover_lost)),
            december: self.december.min(y.map_or(0, |r| r.workers_covered_end)),
            before: self.before.clone(),
        }
    }
}

/// Fiscal `year`'s workers who lost cover and covered at its end, in `outcome`.
fn year_end(outcome: &Outcome, year: i32) -> Option<(u64, u64)> {
    let y = outcome.years.iter().find(|r| r.year == year)?;
    Some((y.cover_lost, y.workers_covered_end))
}

/// The same in a trial's figures.
fn figures_end(figures: &Figures, year: i32) -> Option<(u64, u64)> {
    let y = figures.years.iter().find(|r| r.year == year)?;
    Some((y.cover_lost, y.covered_end))
}

/// `ratio × population`, rounded up to a whole worker.
fn workers_for(ratio: Decimal, population: u64) -> u64 {
    (ratio * Decimal::from(population))
        .ceil()
        .to_u64()
        .unwrap_or(u64::MAX)
}

/// The year's step: an even path from `start` to `target` in December of `target_year`.
fn step(start: Decimal, target: Decimal, first_year: i32, target_year: i32, year: i32) -> Decimal {
    if start >= target || year >= target_year {
        return target;
    }
    let done = Decimal::from(year - first_year + 1);
    let all = Decimal::from(target_year - first_year + 1);
    start + (target - start) * done / all
}

/// The scenario through December of `year` only: later months cannot change that year.
fn through(scenario: &Scenario, year: i32) -> Scenario {
    let mut sc = scenario.clone();
    sc.horizon.years =
        (year - sc.horizon.start.year + 1).clamp(1, scenario.horizon.years as i32) as u32;
    sc
}

/// Runs `sc` to `stop`. Every run of a plan differs only in money (and horizon): the year
/// prices in `cache` serve them all.
fn run(params: &Parameters, sc: &Scenario, stop: Stop, cache: &mut PriceCache) -> Outcome {
    // Only amounts inside the validated range are written, so the scenario stays valid.
    simulate_cached(params, &ValidScenario::trusted(sc.clone()), stop, cache)
}

/// Money that pays every worker of the year for twelve months at the dearest rate, twice:
/// more than any year can use.
fn ceiling(params: &Parameters, sc: &Scenario, outcome: &Outcome, year: i32) -> Rupiah {
    let population = outcome
        .months
        .iter()
        .filter(|m| m.date.year == year)
        .map(|m| m.population)
        .max()
        .unwrap_or(sc.region.vulnerable_workers);
    // The dearest group's package.
    let cost = sc
        .effective_groups()
        .iter()
        .flat_map(|g| {
            let programmes = g.programmes(sc.programmes.jht);
            (1..=12u8).map(move |m| {
                params
                    .contribution_for(YearMonth::new(year, m), &programmes, false)
                    .total()
            })
        })
        .max()
        .unwrap_or_default();
    (Decimal::from(population) * cost * Decimal::from(24))
        .ceil()
        .max(Decimal::ONE)
        .min(limits::YEARLY_AMOUNT.max)
}

/// The least whole-Rupiah amount for source `index` in `year` that meets `goal`, given that
/// `high` meets it. Leaves it written into `sc`.
fn least(
    (params, cache): (&Parameters, &mut PriceCache),
    sc: &mut Scenario,
    (index, year): (usize, i32),
    goal: &Goal,
    high: Rupiah,
) -> Rupiah {
    // The trials differ only in `year`'s money, which a run first reads when `year - 1`
    // opens (the sustain rule): each resumes from the state just before that.
    let base = ValidScenario::trusted(sc.clone());
    let paused = Paused::new(params, &base, year - 1, cache);
    // The goal is judged at `year`'s end: the run stops there (the next year, in the
    // scenario, still limits whom this year may enrol).
    let mut meets = |amount: i128, sc: &mut Scenario| {
        sc.sources[index]
            .by_year
            .insert(year, Decimal::from(amount));
        // A trial reads only the years' figures.
        let valid = ValidScenario::trusted(sc.clone());
        let figures = match &paused {
            Some(paused) => paused.resume_figures(&valid, Stop::After(year), cache),
            None => simulate_figures_until(params, &valid, Stop::After(year), cache),
        };
        goal.met_in(&|y| figures_end(&figures, y), year)
    };
    if meets(0, sc) {
        return Decimal::ZERO;
    }
    // Bisection: `low` never meets the goal, `high` always does.
    let (mut low, mut high) = (0i128, high.to_i128().unwrap_or(i128::MAX));
    while high - low > 1 {
        let mid = low + (high - low) / 2;
        if meets(mid, sc) {
            high = mid;
        } else {
            low = mid;
        }
    }
    sc.sources[index].by_year.insert(year, Decimal::from(high));
    Decimal::from(high)
}

/// What held `best` (the run with unlimited money) below `december` workers in `year`.
fn limit(best: &Outcome, year: i32, december: u64) -> Limit {
    let Some(y) = best.years.iter().find(|r| r.year == year) else {
        return Limit::Verification;
    };
    if y.workers_covered_end >= december {
        Limit::LostCover
    } else if y.waitlist > 0 {
        Limit::Cap
    } else if y.unchecked_end == 0 {
        Limit::List
    } else {
        Limit::Verification
    }
}

/// Whether source `index` pays in fiscal `year` (a year inside the horizon).
fn pays_in(sc: &Scenario, index: usize, year: i32) -> bool {
    let s = &sc.sources[index];
    year >= s.first_year && s.last_year.is_none_or(|l| year <= l)
}

/// The smallest amount, year by year, for `sources` (indices, in order) that reaches the
/// scenario's target by December of its target year and holds it; see the module doc.
pub fn solve_plan(
    params: &Parameters,
    scenario: &ValidScenario,
    sources: &[usize],
) -> Result<Plan, PlanError> {
    let base: &Scenario = scenario.scenario();
    if sources.is_empty() {
        return Err(PlanError::NoSource);
    }
    for (k, &i) in sources.iter().enumerate() {
        let s = base.sources.get(i).ok_or(PlanError::NoSuchSource)?;
        if sources[..k].contains(&i) {
            return Err(PlanError::Repeated {
                source_name: s.name.clone(),
            });
        }
        if !matches!(s.amount, Amount::Rupiah { .. }) {
            return Err(PlanError::NotRupiah {
                source_name: s.name.clone(),
            });
        }
    }
    let mut sc = base.clone();
    for &i in sources {
        sc.sources[i].by_year.clear();
    }
    let start = sc.horizon.start;
    let target = sc.target.coverage;
    let covered_at_start: u64 = sc.region.covered_at_start.iter().map(|c| c.workers).sum();
    let start_ratio = if sc.region.vulnerable_workers == 0 {
        Decimal::ONE
    } else {
        Decimal::from(covered_at_start) / Decimal::from(sc.region.vulnerable_workers)
    };
    let last_year = sc.horizon.last_month().year;
    let mut years = Vec::new();

    let mut before: Option<Box<Goal>> = None;
    let mut cache = PriceCache::default();
    for year in start.year..=last_year {
        let step = step(start_ratio, target, start.year, sc.target.year, year);
        // Through the next year too, whose money decides whom this year may enrol.
        let mut short_sc = through(&sc, (year + 1).min(last_year));
        let active: Vec<usize> = sources
            .iter()
            .copied()
            .filter(|&i| pays_in(&short_sc, i, year))
            .collect();
        let probe = run(params, &short_sc, Stop::Never, &mut cache);
        if year < last_year {
            let top = ceiling(params, &short_sc, &probe, year + 1);
            for &i in sources {
                if pays_in(&short_sc, i, year + 1) {
                    short_sc.sources[i].by_year.insert(year + 1, top);
                }
            }
        }
        let population_dec = probe
            .months
            .iter()
            .rfind(|m| m.date.year == year)
            .map_or(0, |m| m.population);
        let mut goal = Goal {
            lost: 0,
            december: workers_for(step, population_dec),
            before: before.take(),
        };
        // Every chosen source unlimited: what money can do this year at most.
        let top = ceiling(params, &short_sc, &probe, year);
        for &i in &active {
            short_sc.sources[i].by_year.insert(year, top);
        }
        let best = run(params, &short_sc, Stop::Never, &mut cache);
        let mut short = None;
        if !goal.met_by(&best, year) {
            let possible = goal.at_most(&best, year);
            short = Some(Shortfall {
                limit: limit(&best, year, goal.december),
                reachable_workers: possible.december,
                wanted_workers: goal.december,
                lost_workers: possible.lost,
            });
            goal = possible;
        }
        // Then each source down to the least that still meets the goal, the last chosen
        // first: so the sources chosen first pay first, and the later ones only what the
        // earlier ones cannot.
        for &i in active.iter().rev() {
            least((params, &mut cache), &mut short_sc, (i, year), &goal, top);
        }
        let mut settled_goal = goal;
        settled_goal.before = None;
        before = Some(Box::new(settled_goal));
        for &i in &active {
            if let Some(amount) = short_sc.sources[i].by_year.get(&year).copied() {
                sc.sources[i].by_year.insert(year, amount);
            }
        }
        years.push(PlanYear {
            year,
            amounts: sources
                .iter()
                .map(|i| {
                    sc.sources[*i]
                        .by_year
                        .get(&year)
                        .copied()
                        .unwrap_or_default()
                })
                .collect(),
            step,
            coverage_end: Decimal::ZERO,
            idle: Decimal::ZERO,
            short,
        });
    }

    let outcome = run(params, &sc, Stop::Never, &mut cache);
    for y in &mut years {
        if let Some(r) = outcome.years.iter().find(|r| r.year == y.year) {
            y.coverage_end = r.coverage_ratio;
            y.idle = sources.iter().map(|&i| r.unspent_by_source[i]).sum();
        }
    }
    Ok(Plan {
        sources: sources.to_vec(),
        years,
        reached: outcome.target_reached,
        met: outcome.target_met,
        scenario: sc,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_step_is_an_even_path_to_the_target() {
        let d = |n: i64, s: u32| Decimal::new(n, s);
        assert_eq!(step(d(4, 1), d(10, 1), 2026, 2028, 2026), d(6, 1));
        assert_eq!(step(d(4, 1), d(10, 1), 2026, 2028, 2027), d(8, 1));
        assert_eq!(step(d(4, 1), d(10, 1), 2026, 2028, 2028), d(10, 1));
        assert_eq!(step(d(4, 1), d(10, 1), 2026, 2028, 2030), d(10, 1));
        // Already above the target: hold it.
        assert_eq!(step(d(9, 1), d(8, 1), 2026, 2028, 2026), d(8, 1));
    }

    #[test]
    fn a_resumed_run_is_the_whole_run() {
        let params = Parameters::embedded().unwrap();
        let mut sc = crate::engine::presets::load("ambon").unwrap();
        sc.horizon.years = 6;
        let year = sc.horizon.start.year + 3;
        let base = ValidScenario::trusted(sc.clone());
        let mut cache = PriceCache::default();
        let paused = Paused::new(&params, &base, year - 1, &mut cache).unwrap();
        let json = |o: &Outcome| serde_json::to_string(o).unwrap();
        for amount in [0i64, 1, 3_000_000_000, 9_999_999_999_999] {
            let mut trial = sc.clone();
            trial.sources[0].by_year.insert(year, Decimal::from(amount));
            let valid = ValidScenario::trusted(trial);
            for stop in [Stop::After(year), Stop::Never] {
                let whole = crate::engine::simulate::simulate_until(&params, &valid, stop);
                let resumed = paused.resume(&valid, stop, &mut cache);
                assert_eq!(json(&resumed), json(&whole), "amount {amount}, {stop:?}");
                // A trial's figures: those of the years after the pause.
                let figures = paused.resume_figures(&valid, stop, &mut cache);
                let after: Vec<_> = whole.years.iter().filter(|y| y.year >= year - 1).collect();
                assert_eq!(
                    figures.years.len(),
                    after.len(),
                    "amount {amount}, {stop:?}"
                );
                for (f, y) in figures.years.iter().zip(after) {
                    assert_eq!(f.year, y.year);
                    assert_eq!(figures_end(&figures, y.year), year_end(&whole, y.year));
                    assert_eq!(f.contributions, y.contributions_total);
                }
                assert_eq!(figures.target_reached, whole.target_reached);
            }
        }
        // Before the horizon's first January there is nothing to resume from.
        let first = sc.horizon.start.year;
        assert!(Paused::new(&params, &base, first - 1, &mut cache).is_none());
    }

    #[test]
    fn workers_round_up() {
        assert_eq!(workers_for(Decimal::new(5, 1), 3), 2);
        assert_eq!(workers_for(Decimal::ONE, 70_000), 70_000);
    }
}
