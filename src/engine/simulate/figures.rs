//! The figures that Monte Carlo draws and goal-seek and plan trials read, and runs that make
//! only them: each fiscal year's covered workers and population at its end, its
//! contributions and the workers who lost cover, and whether and when the target is met.
//! Such a run steps lapses, verification, enrolment and payments exactly as any run, and
//! skips what none of these figures reads: expected events and benefits, tenure, the
//! contributions by programme and the JHT balance, and the month and year results in
//! `Decimal` (`Keep::Figures`). Whether a target is met from the years' ends (`held`) lives
//! here and serves whole runs too. It knows nothing of how draws are made.

use super::{Month, PriceCache, Run, Stop};
use crate::engine::calendar::YearMonth;
use crate::engine::parameters::Parameters;
use crate::engine::scenario::{Scenario, ValidScenario};
use crate::engine::Rupiah;
use rust_decimal::Decimal;

/// What a run keeps: every month's and year's result (an `Outcome`), or only each year's
/// figures that Monte Carlo draws read (`Figures`), skipping what they do not read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Keep {
    Months,
    Figures,
}

/// One fiscal year's figures, as in its `YearResult`.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct YearFigures {
    pub year: i32,
    /// `workers_covered_end`.
    pub covered_end: u64,
    pub population_end: u64,
    /// `contributions_total`.
    pub contributions: Rupiah,
    pub cover_lost: u64,
}

impl YearFigures {
    /// The year's end: the year, its covered workers and its population.
    pub(super) fn end(&self) -> (i32, u64, u64) {
        (self.year, self.covered_end, self.population_end)
    }
}

/// A run's figures: each fiscal year's, whether the target is met and when it was first
/// reached (`Outcome::target_met`, `Outcome::target_reached`).
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Figures {
    pub years: Vec<YearFigures>,
    pub target_met: bool,
    pub target_reached: Option<YearMonth>,
}

/// The figures of `valid` over its whole horizon, reusing (and adding to) the year prices in
/// `cache`: the same as `simulate`'s outcome gives.
pub(crate) fn simulate_figures(
    params: &Parameters,
    valid: &ValidScenario,
    cache: &mut PriceCache,
) -> Figures {
    simulate_figures_until(params, valid, Stop::Never, cache)
}

/// `simulate_figures` until `stop`: the same as `simulate_cached`'s outcome gives (a
/// goal-seek's trials).
pub(crate) fn simulate_figures_until(
    params: &Parameters,
    valid: &ValidScenario,
    stop: Stop,
    cache: &mut PriceCache,
) -> Figures {
    let mut run = Run::new(params, valid, std::mem::take(cache), Keep::Figures);
    run.months_from(0, stop, None);
    *cache = std::mem::take(&mut run.cache);
    run.into_figures()
}

/// What a kab/kota's run in a province or national plan reads beyond its `Figures`: each
/// month's covered workers and population, and each year's contributions by source and
/// unspent money, as in its `Outcome` (`MonthResult::covered` and `population`,
/// `YearResult::contributions_by_source` and `unspent_total`).
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct RegionFigures {
    pub figures: Figures,
    /// `(covered, population)` of each month.
    pub months: Vec<(u64, u64)>,
    /// Each year's contributions by source, year after year in one list (`by_source`
    /// reads a year's).
    pub contributions_by_source: Vec<Rupiah>,
    /// The scenario's sources (each year's share of `contributions_by_source`).
    pub sources: usize,
    /// Each year's unspent money (each source's rounded to the Rupiah, summed).
    pub unspent: Vec<Rupiah>,
}

/// The running sums of a region's run (`simulate_region`), in units.
#[derive(Clone, Default)]
pub(super) struct RegionSums {
    months: Vec<(u64, u64)>,
    /// This fiscal year's contributions by source so far.
    pub(super) paid: Vec<i128>,
    by_source: Vec<Rupiah>,
    unspent: Vec<Rupiah>,
}

/// The figures a province or national plan reads of one kab/kota over its whole horizon:
/// the same as `simulate`'s outcome gives, without expected events, benefits, tenure, the
/// JHT balance or month and year results (a national plan runs 514 of them). Reuses (and adds
/// to) the year prices in `cache`, which kab/kota of the same sources and package share.
pub(crate) fn simulate_region(
    params: &Parameters,
    valid: &ValidScenario,
    cache: &mut PriceCache,
) -> RegionFigures {
    let mut run = Run::new(params, valid, std::mem::take(cache), Keep::Figures);
    let sources = valid.scenario().sources.len();
    let fiscal_years = valid.horizon.years as usize + 1;
    run.region = Some(RegionSums {
        months: Vec::with_capacity(valid.horizon.months() as usize),
        paid: vec![0; sources],
        by_source: Vec::with_capacity(fiscal_years * sources),
        unspent: Vec::with_capacity(fiscal_years),
    });
    run.months_from(0, Stop::Never, None);
    *cache = std::mem::take(&mut run.cache);
    let sums = run.region.take().unwrap_or_default();
    RegionFigures {
        figures: run.into_figures(),
        months: sums.months,
        contributions_by_source: sums.by_source,
        sources,
        unspent: sums.unspent,
    }
}

impl RegionFigures {
    /// Fiscal year `year`'s contributions by source (the horizon's first is 0).
    pub(crate) fn by_source(&self, year: usize) -> &[Rupiah] {
        &self.contributions_by_source[year * self.sources..(year + 1) * self.sources]
    }
}

impl Run<'_> {
    /// The figures of the years closed in `Keep::Figures`.
    pub(super) fn into_figures(self) -> Figures {
        let target_reached = self.target_reached;
        let (target_met, _) = held(self.sc, &self.figures, YearFigures::end, target_reached);
        Figures {
            years: self.figures,
            target_met,
            target_reached,
        }
    }
}

impl Run<'_> {
    /// Step 7 for draws and trials: the first month the target was reached (the year's
    /// contributions were added as they were paid); a region's run also keeps the month's
    /// covered workers and population.
    pub(super) fn count(&mut self, month: Month) {
        let (covered, population) = (self.covered(), self.population());
        if self.target_reached.is_none() && self.meets_target(covered, population) {
            self.target_reached = Some(month.date);
        }
        if let Some(region) = &mut self.region {
            region.months.push((covered, population));
        }
    }

    /// Step 8 for draws and trials: the year's figures; a region's run also keeps its
    /// contributions by source and its unspent money.
    pub(super) fn close_figures(&mut self, year: i32) {
        let figures = YearFigures {
            year,
            covered_end: self.covered(),
            population_end: self.population(),
            contributions: self.units.rupiah(self.year_paid),
            cover_lost: self.sums.cover_lost.iter().sum(),
        };
        self.figures.push(figures);
        if let Some(region) = &mut self.region {
            let u = self.units;
            region
                .by_source
                .extend(region.paid.iter().map(|&p| u.rupiah(p)));
            region.paid.fill(0);
            region
                .unspent
                .push(self.left.iter().map(|&l| u.rounded(l)).sum());
        }
        self.year_paid = 0;
        self.sums.cover_lost.fill(0);
    }
}

/// Whether the target is met: reached, and at or above it at the end of the target year and
/// of every later fiscal year in the horizon (coverage is judged at each year's end, as
/// budgets are). Also the first such year end, after it was reached, that fell below it.
/// `end` reads a year's end from `years`.
pub(super) fn held<Y>(
    sc: &Scenario,
    years: &[Y],
    end: impl Fn(&Y) -> (i32, u64, u64) + Copy,
    reached: Option<YearMonth>,
) -> (bool, Option<i32>) {
    let below = |(_, covered, population): (i32, u64, u64)| {
        Decimal::from(covered) < sc.target.coverage * Decimal::from(population)
    };
    let mut judged = years.iter().map(end).filter(|y| y.0 >= sc.target.year);
    let fell = reached.and_then(|r| {
        judged
            .clone()
            .find(|&y| y.0 >= r.year && below(y))
            .map(|y| y.0)
    });
    let met = reached.is_some() && judged.clone().next().is_some() && !judged.any(below);
    (met, fell)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::scenario::Amount;
    use crate::engine::simulate::simulate;
    use crate::engine::{presets, Parameters};

    /// A draw's figures are the whole run's, for every preset over 10 years at several
    /// budgets, with and without JHT, and for a scenario of two worker groups (with one
    /// price cache for all, as draws share it); and so are a goal-seek trial's, stopped
    /// where it stops.
    #[test]
    fn figures_are_the_whole_runs() {
        let params = Parameters::embedded().unwrap();
        let mut cache = PriceCache::default();
        let mut scenarios = Vec::new();
        for id in presets::IDS {
            for pct in [40, 100, 170] {
                let mut sc = presets::load(id).unwrap();
                sc.horizon.years = 10;
                sc.programmes.jht = pct == 170;
                for s in &mut sc.sources {
                    if let Amount::Rupiah { yearly } = &mut s.amount {
                        *yearly = (*yearly * Decimal::from(pct) / Decimal::from(100)).round();
                    }
                }
                scenarios.push((format!("{id} at {pct}%"), sc));
            }
        }
        let text = std::fs::read_to_string("examples/mukomuko-2024.json").unwrap();
        let mut groups = crate::engine::import::scenario_from_json(&text).unwrap();
        assert_eq!(groups.groups.len(), 2);
        groups.horizon.years = 6;
        scenarios.push(("mukomuko, two groups".into(), groups));
        let mut met = 0;
        for (name, sc) in scenarios {
            let valid = sc.validate(&params).unwrap();
            let whole = simulate(&params, &valid);
            let figures = simulate_figures(&params, &valid, &mut cache);
            let expected: Vec<YearFigures> = whole
                .years
                .iter()
                .map(|y| YearFigures {
                    year: y.year,
                    covered_end: y.workers_covered_end,
                    population_end: y.population_end,
                    contributions: y.contributions_total,
                    cover_lost: y.cover_lost,
                })
                .collect();
            assert_eq!(figures.years, expected, "{name}");
            assert_eq!(figures.target_met, whole.target_met, "{name}");
            assert_eq!(figures.target_reached, whole.target_reached, "{name}");
            // Stopped where a goal-seek stops its trials.
            for stop in [Stop::Missed, Stop::After(valid.horizon.start.year + 2)] {
                let whole = crate::engine::simulate::simulate_until(&params, &valid, stop);
                let figures = simulate_figures_until(&params, &valid, stop, &mut cache);
                assert_eq!(figures.years.len(), whole.years.len(), "{name}, {stop:?}");
                assert_eq!(figures.target_met, whole.target_met, "{name}, {stop:?}");
                assert_eq!(figures.target_reached, whole.target_reached, "{name}");
            }
            met += usize::from(whole.target_met);
        }
        // Both answers of the target occur.
        assert!(met > 0 && met < presets::IDS.len() * 3, "{met}");
    }

    /// What a plan reads of a kab/kota's run is what its whole outcome says, for every
    /// kab/kota's starting scenario over 4 and 10 years and for every preset and the example
    /// with two worker groups over 10, with one price cache for all (as a plan shares it).
    #[test]
    fn a_regions_figures_are_its_whole_runs() {
        let params = Parameters::embedded().unwrap();
        let catalogue = crate::engine::regions::catalogue().unwrap();
        let mut scenarios = Vec::new();
        for years in [4, 10] {
            for k in &catalogue.kabkota {
                let mut sc = crate::engine::regions::starting_scenario(&params, &k.code)
                    .unwrap()
                    .scenario;
                sc.horizon.years = years;
                scenarios.push((format!("{} over {years}", k.code), sc));
            }
        }
        for id in presets::IDS {
            let mut sc = presets::load(id).unwrap();
            sc.horizon.years = 10;
            scenarios.push((id.to_string(), sc));
        }
        let text = std::fs::read_to_string("examples/mukomuko-2024.json").unwrap();
        scenarios.push((
            "mukomuko".into(),
            crate::engine::import::scenario_from_json(&text).unwrap(),
        ));
        let mut cache = PriceCache::default();
        let (mut unspent, mut met) = (0, 0);
        for (name, sc) in scenarios {
            let valid = sc.validate(&params).unwrap();
            let whole = simulate(&params, &valid);
            let region = simulate_region(&params, &valid, &mut cache);
            let months: Vec<(u64, u64)> = whole
                .months
                .iter()
                .map(|m| (m.covered, m.population))
                .collect();
            assert_eq!(region.months, months, "{name}");
            let by_source: Vec<&[Rupiah]> = whole
                .years
                .iter()
                .map(|y| y.contributions_by_source.as_slice())
                .collect();
            let region_by_source: Vec<&[Rupiah]> = (0..whole.years.len())
                .map(|y| region.by_source(y))
                .collect();
            assert_eq!(region_by_source, by_source, "{name}");
            let left: Vec<Rupiah> = whole.years.iter().map(|y| y.unspent_total).collect();
            assert_eq!(region.unspent, left, "{name}");
            let years: Vec<(i32, u64, u64, Rupiah)> = whole
                .years
                .iter()
                .map(|y| {
                    (
                        y.year,
                        y.workers_covered_end,
                        y.population_end,
                        y.contributions_total,
                    )
                })
                .collect();
            let figures: Vec<(i32, u64, u64, Rupiah)> = region
                .figures
                .years
                .iter()
                .map(|y| (y.year, y.covered_end, y.population_end, y.contributions))
                .collect();
            assert_eq!(figures, years, "{name}");
            assert_eq!(region.figures.target_met, whole.target_met, "{name}");
            assert_eq!(
                region.figures.target_reached, whole.target_reached,
                "{name}"
            );
            unspent += usize::from(left.iter().any(|u| !u.is_zero()));
            met += usize::from(whole.target_met);
        }
        // Runs that leave money and runs that meet their target both occur.
        assert!(unspent > 0 && met > 0, "{unspent} {met}");
    }
}
