//! The monthly simulation: enrolment, funding by priority, lapses, contributions and
//! expected benefits, over fiscal years, for one or several worker groups. It cannot fail:
//! the scenario is already valid.
//!
//! A `Run` holds the state carried from month to month: one `Pool` per worker group (its
//! population, list, re-list, waiting workers, carries, costs and workers by source) and,
//! shared by all groups, each source's money left (`left[i]`) and cap. Each month runs these
//! steps, one method each, in this order:
//!
//! 1. `open_year` (in January and in the horizon's first month): each group's population
//!    grows or shrinks, each source's budget and each group's costs for the fiscal year are
//!    set, and carried workers are re-committed to their source, moved to sources with room,
//!    or lose cover;
//! 2. `lapse`: a share of each group's verified workers (covered and waiting) leave;
//! 3. `verify`: lapsed workers who may re-enrol are re-checked, then raw list entries;
//! 4. `enrol`: verified workers are enrolled by funders in priority order, within caps and
//!    the money left;
//! 5. `pay`: contributions by source and programme; JHT savings earn their return;
//! 6. `expect_events`: expected deaths and accidents, and the benefits paid after the lag;
//! 7. `record`: the month's result and the fiscal year's running sums;
//! 8. `close_year` (in December and in the horizon's last month): the year's result.
//!
//! `finish` then adds the totals and warnings. The result types live in `outcome`.
//!
//! **Integers inside.** The steps add and compare integers only: money is `exact::Units`
//! (i128 counts of 10^-scale Rupiah), read once a year from `funding`'s `Decimal` plans
//! (`prices`); the carried fractions and the JHT balance are `exact::Dec`, which round as
//! `Decimal` does. `tests/integer_engine.rs` reconciles the result with `Decimal` prices.
//!
//! **Prices read once.** A year's prices (months paid, per-worker costs, co-funders' dues)
//! depend on the group's package, the year's rates and the months each source pays, not on
//! money: `prices::PriceCache` keeps them, so a run reads them once for all its years that
//! share these, and `simulate_cached` lets a goal-seek's trials, a plan's runs and Monte Carlo
//! draws share them too. Each year's money and cap (`funding::year_money`) are read every
//! year, as they change with every budget.
//!
//! **Trials read little.** Monte Carlo draws read each year's coverage at its end and its
//! contributions, goal-seek and plan trials whether (and when) a target is met: their runs
//! (`simulate_figures`, `Paused::resume_figures`) step enrolment and payments as any run
//! does and skip what none of these reads (expected events and benefits, tenure,
//! contributions by programme, the JHT balance, month and year results).
//!
//! **Several groups.** A source pays only for the groups it serves (`FundingSource::serves`);
//! its money and its cap are shared by them. The rules, each reducing to the one-group rule:
//! verification capacity is shared, each group getting a share in proportion to its entries
//! still to check (re-checks and list; the rounding remainder to groups in list order), and
//! within a group re-checks come first; sources enrol in priority order and, within a source,
//! groups in list order; lapses, re-commitment and losses of cover work per (group, source)
//! at that group's costs; no over-commitment is judged per source in money: a source holds
//! no more workers, of all its groups, than its next year's money can carry from January at
//! each group's cost. The starting list (`enrolment.listed`) is split over the groups in
//! proportion to their workers. Tenure (for scholarships) is tracked over all covered
//! workers together.

mod figures;
mod flows;
mod open_year;
mod payments;
mod prices;
mod records;
mod resume;

use super::calendar::YearMonth;
use super::enrolment::{split_list, Tenure};
use super::exact::{Dec, Units};
use super::funding::Growth;
use super::outcome::{MonthResult, Outcome, YearResult, YearSums};
use super::parameters::Parameters;
use super::risk::{AmountsF64, ExpectedEvents, Rates};
use super::scenario::{Programmes, Scenario, ValidScenario};
use figures::Keep;
pub(crate) use figures::{simulate_figures, simulate_figures_until, Figures};
pub(crate) use figures::{simulate_region, RegionFigures};
pub(crate) use prices::PriceCache;
use prices::{Money, YearPrices};
pub(crate) use resume::Paused;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use std::rc::Rc;

/// Runs the scenario month by month.
pub fn simulate(params: &Parameters, valid: &ValidScenario) -> Outcome {
    simulate_until(params, valid, Stop::Never)
}

/// Where a goal-seek may stop a run early: the months after are missing from the outcome,
/// and everything a goal-seek reads up to there is as in the whole run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stop {
    /// Run the whole horizon.
    Never,
    /// Stop at the first year end, from the target year on, below the target: the outcome
    /// cannot meet the target any more (`target_met` is false either way).
    Missed,
    /// Stop when this fiscal year closes (later years still set this year's limits).
    After(i32),
}

/// Runs the scenario month by month until `stop`.
pub fn simulate_until(params: &Parameters, valid: &ValidScenario, stop: Stop) -> Outcome {
    simulate_cached(params, valid, stop, &mut PriceCache::default())
}

/// `simulate_until` reusing (and adding to) the year prices in `cache`: the outcome is the
/// same, and runs of scenarios that differ only in money or in risk and enrolment
/// assumptions (a goal-seek's trials, Monte Carlo draws) read their prices once.
pub(crate) fn simulate_cached(
    params: &Parameters,
    valid: &ValidScenario,
    stop: Stop,
    cache: &mut PriceCache,
) -> Outcome {
    run(params, valid, stop, cache)
}

fn run(params: &Parameters, valid: &ValidScenario, stop: Stop, cache: &mut PriceCache) -> Outcome {
    let mut run = Run::new(params, valid, std::mem::take(cache), Keep::Months);
    run.months_from(0, stop, None);
    *cache = std::mem::take(&mut run.cache);
    run.finish()
}

impl Run<'_> {
    /// Runs the months from month `from` of the horizon until `stop`, or until fiscal year
    /// `pause` is about to open. Returns the month it paused at (the horizon's length when
    /// it did not).
    fn months_from(&mut self, from: u32, stop: Stop, pause: Option<i32>) -> u32 {
        let (start, target_year) = (self.sc.horizon.start, self.sc.target.year);
        let total = self.sc.horizon.months();
        for t in from..total {
            let month = Month::new(start, t, total);
            if month.opens_year() {
                if pause == Some(month.date.year) {
                    return t;
                }
                self.open_year(month);
            }
            let lapses = self.lapse(month);
            self.verify();
            let new_enrolments = self.enrol(month);
            let programmes = self.pay(month);
            if self.keep == Keep::Months {
                let events = self.expect_events(month, new_enrolments);
                self.record(month, lapses, new_enrolments, programmes, events);
            } else {
                self.count(month);
            }
            if month.closes_year() {
                let year = month.date.year;
                match self.keep {
                    Keep::Months => self.close_year(year),
                    Keep::Figures => self.close_figures(year),
                }
                let stopped = match stop {
                    Stop::Never => false,
                    Stop::Missed => year >= target_year && !self.year_end_meets_target(),
                    Stop::After(last) => year >= last,
                };
                if stopped {
                    break;
                }
            }
        }
        total
    }
}

/// Where a month sits in the horizon.
#[derive(Clone, Copy)]
struct Month {
    /// Months since the horizon's start.
    t: u32,
    date: YearMonth,
    /// The calendar month as an index into a year's plans (0 = January).
    m: usize,
    /// Whether it is the horizon's last month.
    last: bool,
}

impl Month {
    fn new(start: YearMonth, t: u32, total: u32) -> Self {
        let date = start.plus_months(t);
        Self {
            t,
            date,
            m: (date.month - 1) as usize,
            last: t + 1 == total,
        }
    }

    fn opens_year(self) -> bool {
        self.t == 0 || self.date.month == 1
    }

    fn closes_year(self) -> bool {
        self.date.month == 12 || self.last
    }
}

/// One month's expected events and the benefits paid in it (for earlier events), in units.
struct Events {
    expected: ExpectedEvents,
    benefits_paid: i128,
}

/// One worker group's state and its prices for the fiscal year.
#[derive(Clone)]
struct Pool {
    /// The group's name ("" for the implicit group of a scenario without groups).
    name: String,
    /// Workers at the start, which growth applies to.
    start_workers: u64,
    programmes: Programmes,
    /// The group's risk as monthly rates (zero in a run started to keep only figures, which
    /// expects no events).
    rates: Rates,
    /// Vulnerable workers of this group this year.
    population: u64,
    /// Covered workers by source.
    workers: Vec<u64>,
    /// Verified workers waiting for money.
    waiting: u64,
    /// Raw list entries not yet checked.
    list: u64,
    /// Lapsed workers waiting to be re-checked.
    relist: u64,
    /// Fractions of a worker carried to the next month's lapses and verification.
    lapse_carry: Dec,
    yield_carry: Dec,
    /// This fiscal year's prices by source, at this group's costs (idle where a source does
    /// not serve the group).
    prices: Rc<YearPrices>,
    /// This fiscal year's money and cap by source for this group's workers (units; zero
    /// where a source does not serve the group or does not pay this year).
    money: Money,
    /// The money list of a fiscal year gone by, to be filled again for the next.
    spare_money: Money,
    /// Next fiscal year's prices and money, read for the sustain rule and kept for January.
    next_year: Option<(i32, Rc<YearPrices>, Money)>,
    /// This fiscal year's benefit amounts, read when it opens.
    amounts: AmountsF64,
    /// What one worker of this group costs each source from next January (sustain rule).
    next_first: Vec<i128>,
}

impl Pool {
    fn covered(&self) -> u64 {
        self.workers.iter().sum()
    }

    fn unverified(&self) -> u64 {
        self.population
            .saturating_sub(self.covered() + self.waiting)
    }
}

/// The state of one simulation, carried from month to month. Money is in `units`.
#[derive(Clone)]
struct Run<'a> {
    params: &'a Parameters,
    sc: &'a Scenario,
    units: Units,
    /// Year prices read so far (and by earlier runs sharing the cache).
    cache: PriceCache,
    /// Source indices in priority order (ties keep list order).
    order: Vec<usize>,
    /// Months from an event to its benefit payment.
    lag: usize,
    /// Months of membership before a non-work death earns a scholarship.
    min_tenure: i64,
    /// The yearly lapse rate over twelve, as `Decimal` divides it.
    monthly_lapse: Dec,
    verification_yield: Dec,
    /// The population's growth since the start, year by year.
    growth: Growth,
    /// One plus the JHT return over twelve (zero in a run started to keep only figures, which
    /// never updates the JHT balance).
    jht_growth: Dec,
    /// The target ratio as `numerator / 10^scale`.
    target: (u128, u32),
    /// The same as `numerator / one` when both are below 2^32 (the usual case).
    target_small: Option<(u64, u64)>,

    pools: Vec<Pool>,
    tenure: Tenure,

    /// The most workers each source may hold this year (all its groups): its cap and what
    /// its next fiscal year's money can carry from January (no limit in the horizon's last
    /// year, or when the source ends). With several groups the money part is judged by
    /// `next_budget` at each group's cost instead.
    sustain: Vec<u64>,
    /// Next fiscal year's money by source, where it limits this year (several groups only).
    next_budget: Vec<Option<i128>>,
    /// The money and cap of each source that has the same in every full fiscal year
    /// (`funding::same_every_year`), once read.
    steady_money: Vec<Option<(i128, u64)>>,
    /// This fiscal year's uncommitted money, by source, shared by the groups it serves.
    left: Vec<i128>,
    /// This fiscal year's money by source.
    budget: Vec<i128>,
    /// This fiscal year's cap by source (workers of all its groups).
    cap: Vec<u64>,
    /// Benefits due, by month index, after the claim lag.
    pending: Vec<i128>,
    jht_balance: Dec,
    cumulative: i128,
    /// This month's contributions by source (reused month to month).
    paid: Vec<i128>,
    /// Workers each source lost in a removal (reused).
    gone: Vec<u64>,

    target_reached: Option<YearMonth>,
    binding_months: u32,
    first_binding: Option<YearMonth>,
    sums: YearSums,
    /// Contributions paid for each group's workers this fiscal year.
    paid_by_group: Vec<i128>,
    /// Whether results are kept, or only the figures of draws.
    keep: Keep,
    months: Vec<MonthResult>,
    years: Vec<YearResult>,
    /// The figures of each closed year, and this year's contributions so far (`Keep::Figures`).
    figures: Vec<figures::YearFigures>,
    year_paid: i128,
    /// What a region's run in a province or national plan reads beyond the figures
    /// (`simulate_region`); none for other runs.
    region: Option<figures::RegionSums>,
    /// Buffers a fiscal year's opening reuses (the months paid, re-commitment's counts)
    /// instead of allocating them each year.
    scratch: Scratch,
}

/// Buffers reused from year to year (their contents matter only within one step).
#[derive(Clone, Default)]
struct Scratch {
    /// The months each source pays in the fiscal year being read (`open_year`).
    funded: Vec<Option<[bool; 12]>>,
    /// Re-commitment's counts (`recommit`).
    kept: Vec<u64>,
    shed: Vec<u64>,
    excess: Vec<u64>,
}

impl Scratch {
    /// Re-commitment's counts, zero: by source, by group and source, by group.
    fn zeroed(&mut self, sources: usize, groups: usize) -> (&mut [u64], &mut [u64], &mut [u64]) {
        for (v, len) in [
            (&mut self.kept, sources),
            (&mut self.shed, sources * groups),
            (&mut self.excess, groups),
        ] {
            v.clear();
            v.resize(len, 0);
        }
        (&mut self.kept, &mut self.shed, &mut self.excess)
    }
}

/// The money scale that holds every amount of the scenario: co-funding shares and amounts
/// set by year may have decimals; everything else is billed or rounded to whole Rupiah.
fn money_units(sc: &Scenario) -> Units {
    let shares = sc
        .sources
        .iter()
        .filter_map(|s| s.co_funding().map(|c| c.0));
    let by_year = sc.sources.iter().flat_map(|s| s.by_year.values().copied());
    Units::holding(shares.chain(by_year))
}

impl<'a> Run<'a> {
    fn new(
        params: &'a Parameters,
        valid: &'a ValidScenario,
        mut cache: PriceCache,
        keep: Keep,
    ) -> Self {
        let sc = valid.scenario();
        let n = sc.sources.len();
        let start = sc.horizon.start;
        let total_months = sc.horizon.months() as usize;
        let lag = sc.risk.claim_lag_months as usize;
        let units = money_units(sc);
        cache.check(params, units, sc);

        let mut order: Vec<usize> = (0..n).collect();
        order.sort_by_key(|&i| (sc.sources[i].priority, i));

        let groups = sc.effective_groups();
        let workers: Vec<u64> = groups.iter().map(|g| g.workers).collect();
        let lists = split_list(sc.enrolment.listed, &workers);
        // Read when the first year opens.
        let unread = Rc::new(YearPrices::idle(0));
        let mut pools: Vec<Pool> = groups
            .iter()
            .zip(lists)
            .map(|(g, list)| {
                let programmes = g.programmes(sc.programmes.jht);
                Pool {
                    name: g.name.clone(),
                    start_workers: g.workers,
                    // A run started to keep only figures expects no events.
                    rates: match keep {
                        Keep::Months => Rates::with_factor(sc, g.risk_factor),
                        Keep::Figures => Rates::default(),
                    },
                    // Read when the first year opens (draws never read them).
                    amounts: AmountsF64::default(),
                    programmes,
                    population: g.workers,
                    workers: vec![0u64; n],
                    waiting: 0,
                    list,
                    relist: 0,
                    lapse_carry: Dec::ZERO,
                    yield_carry: Dec::ZERO,
                    prices: Rc::clone(&unread),
                    money: vec![(0, 0); n],
                    spare_money: Vec::new(),
                    next_year: None,
                    next_first: vec![0; n],
                }
            })
            .collect();
        // Room for a cohort a month (draws track no tenure).
        let cohorts = match keep {
            Keep::Months => sc.region.covered_at_start.len() + total_months,
            Keep::Figures => 0,
        };
        let mut starting_cohorts = Vec::with_capacity(cohorts);
        for s in &sc.region.covered_at_start {
            if let Some(i) = sc.source_index(&s.source) {
                let g = s
                    .group
                    .as_deref()
                    .and_then(|name| sc.group_index(name))
                    .unwrap_or(0);
                pools[g].workers[i] += s.workers;
                starting_cohorts.push((-i64::from(s.months_of_membership), s.workers as f64));
            }
        }
        let groups = pools.len();
        let target = Dec::from_decimal(sc.target.coverage);
        let fiscal_years = sc.horizon.years as usize + 1;

        Self {
            params,
            sc,
            units,
            cache,
            order,
            lag,
            min_tenure: params
                .scholarship_min_membership
                .at(start)
                .to_i64()
                .unwrap_or(36),
            monthly_lapse: Dec::from_decimal(sc.enrolment.lapse_rate / Decimal::from(12)),
            verification_yield: Dec::from_decimal(sc.enrolment.verification_yield),
            growth: Growth::new(sc.region.worker_growth),
            // A run started to keep only figures never updates the JHT balance.
            jht_growth: match keep {
                Keep::Months => {
                    Dec::from_decimal(Decimal::ONE + sc.risk.jht_return / Decimal::from(12))
                }
                Keep::Figures => Dec::ZERO,
            },
            target: target.parts(),
            target_small: records::small_ratio(target.parts()),
            pools,
            tenure: Tenure::new(starting_cohorts),
            sustain: vec![u64::MAX; n],
            next_budget: vec![None; n],
            steady_money: vec![None; n],
            left: vec![0; n],
            budget: vec![0; n],
            cap: vec![0; n],
            // Benefits are expected only where results are kept.
            pending: match keep {
                Keep::Months => vec![0; total_months + lag + 1],
                Keep::Figures => Vec::new(),
            },
            jht_balance: Dec::ZERO,
            cumulative: 0,
            paid: vec![0; n],
            gone: vec![0; n],
            target_reached: None,
            binding_months: 0,
            first_binding: None,
            sums: YearSums::new(n),
            paid_by_group: vec![0; groups],
            keep,
            months: Vec::with_capacity(if keep == Keep::Months {
                total_months
            } else {
                0
            }),
            // A fiscal year more than the horizon's years when it starts after January.
            years: Vec::with_capacity(match keep {
                Keep::Months => fiscal_years,
                Keep::Figures => 0,
            }),
            figures: Vec::with_capacity(match keep {
                Keep::Months => 0,
                Keep::Figures => fiscal_years,
            }),
            year_paid: 0,
            region: None,
            scratch: Scratch::default(),
        }
    }

    fn covered(&self) -> u64 {
        self.pools.iter().map(Pool::covered).sum()
    }

    fn population(&self) -> u64 {
        self.pools.iter().map(|p| p.population).sum()
    }

    fn waiting(&self) -> u64 {
        self.pools.iter().map(|p| p.waiting).sum()
    }

    /// Workers source `i` holds, of all groups.
    fn held(&self, i: usize) -> u64 {
        self.pools.iter().map(|p| p.workers[i]).sum()
    }

    /// How many more workers of group `g` source `i` may hold: its cap and no
    /// over-commitment (not the money left this year).
    #[inline]
    fn room(&self, g: usize, i: usize) -> u64 {
        match self.pools.as_slice() {
            // One group: no money part (`next_budget` is for several groups).
            [one] => self.cap[i]
                .min(self.sustain[i])
                .saturating_sub(one.workers[i]),
            _ => self.shared_room(g, i),
        }
    }

    /// `room` with several groups.
    #[inline(never)]
    fn shared_room(&self, g: usize, i: usize) -> u64 {
        let room = self.cap[i]
            .min(self.sustain[i])
            .saturating_sub(self.held(i));
        match self.next_budget[i] {
            Some(budget) if room > 0 => {
                let committed: i128 = self
                    .pools
                    .iter()
                    .map(|p| super::exact::times(p.workers[i], p.next_first[i]))
                    .sum();
                room.min(super::exact::affordable(
                    budget - committed,
                    self.pools[g].next_first[i],
                ))
            }
            _ => room,
        }
    }
}
