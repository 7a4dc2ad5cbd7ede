//! A run paused just before a fiscal year opens, and resumed with other money for the
//! years after it: a plan's trials for one year differ only there, so they need not run the
//! years before again. Exact: until a year opens, a run has read no money beyond that year
//! (a year reads its own money and, for the sustain rule, the next year's, when it opens), so
//! the paused state is the state every such trial reaches. It knows nothing of goal-seek.

use super::{money_units, simulate_figures_until, Figures, Keep, PriceCache, Run, Stop};
use crate::engine::parameters::Parameters;
use crate::engine::scenario::{Scenario, ValidScenario};

/// A run of a scenario paused just before fiscal year `year` opens.
#[derive(Clone)]
pub(crate) struct Paused<'a> {
    run: Run<'a>,
    /// The month it paused at (from the horizon's start).
    t: u32,
}

impl<'a> Paused<'a> {
    /// `valid` run until fiscal year `year` is about to open (`None` when the horizon holds
    /// no such January).
    pub(crate) fn new(
        params: &'a Parameters,
        valid: &'a ValidScenario,
        year: i32,
        cache: &mut PriceCache,
    ) -> Option<Self> {
        let mut run = Run::new(params, valid, std::mem::take(cache), Keep::Months);
        let t = run.months_from(0, Stop::Never, Some(year));
        *cache = std::mem::take(&mut run.cache);
        (t < valid.horizon.months()).then_some(Self { run, t })
    }

    /// The outcome of `valid` until `stop`, as `simulate_cached` gives it (plans read only
    /// the figures, `resume_figures`; tests compare whole outcomes), where `valid`
    /// differs from the paused scenario only in the money of fiscal years after the paused
    /// year (the caller's promise). A scenario with another horizon or other money units runs
    /// from the start.
    #[cfg(test)]
    pub(crate) fn resume<'b>(
        &self,
        valid: &'b ValidScenario,
        stop: Stop,
        cache: &mut PriceCache,
    ) -> crate::engine::outcome::Outcome
    where
        'a: 'b,
    {
        let sc = valid.scenario();
        let same_frame = sc.horizon == self.run.sc.horizon && money_units(sc) == self.run.units;
        if !same_frame {
            return super::run(self.run.params, valid, stop, cache);
        }
        let mut resumed = self.run_of(sc);
        resumed.cache = std::mem::take(cache);
        resumed.months_from(self.t, stop, None);
        *cache = std::mem::take(&mut resumed.cache);
        resumed.finish()
    }

    /// The paused run, to go on with `sc`: the money it kept as the same every year is read
    /// again, as `sc`'s may differ.
    fn run_of<'b>(&self, sc: &'b Scenario) -> Run<'b>
    where
        'a: 'b,
    {
        let mut run: Run<'b> = self.run.clone();
        run.sc = sc;
        run.steady_money.fill(None);
        run
    }

    /// As `resume`, but only the figures of the years closed after the pause (a plan's
    /// trials read these years only), as `simulate_figures_until` makes them.
    pub(crate) fn resume_figures<'b>(
        &self,
        valid: &'b ValidScenario,
        stop: Stop,
        cache: &mut PriceCache,
    ) -> Figures
    where
        'a: 'b,
    {
        let sc = valid.scenario();
        let same_frame = sc.horizon == self.run.sc.horizon && money_units(sc) == self.run.units;
        if !same_frame {
            return simulate_figures_until(self.run.params, valid, stop, cache);
        }
        let mut resumed = self.run_of(sc);
        resumed.keep = Keep::Figures;
        resumed.cache = std::mem::take(cache);
        resumed.months_from(self.t, stop, None);
        *cache = std::mem::take(&mut resumed.cache);
        resumed.into_figures()
    }
}
