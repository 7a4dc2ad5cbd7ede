//! A fiscal year's prices for one worker group in integer money units: each source's months
//! and per-worker costs (`funding::YearPlan` without its money), the package by programme at
//! the full and the discounted rate, and what each co-funder owes per helped worker. They are
//! read from the `Decimal` definitions in `funding` (`year_shape`, `co_fund`), exactly, so
//! the monthly steps add and compare integers only. A source's money and cap for the year
//! (`funding::year_money`) are read apart: they change with every budget, the prices do not.
//!
//! `PriceCache` keeps prices already read, keyed by all they depend on: the group's costs for
//! the year (`YearCosts`, themselves kept by package and by the period the year's rates are
//! read from, `Parameters::contribution_period`, so years without a change of rate share
//! them), the months each source pays,
//! and the scenario's sources (discount, co-funding and whom each co-funder helps, not their
//! names), money units and parameters. Years that share these (most years of a run, the same
//! years of a goal-seek's trials or of Monte Carlo draws, and the kab/kota of a plan) reuse
//! one `YearPrices`.
//! It knows nothing of enrolment or of how months are stepped.

use crate::engine::exact::Units;
use crate::engine::funding::{self, YearCosts, YearPlan};
use crate::engine::parameters::{Contribution, Parameters, RatesPeriod};
use crate::engine::scenario::{self, CoFundPart, FundingSource, Scenario};
use crate::engine::Rupiah;
use rust_decimal::Decimal;
use std::rc::Rc;

/// One source's months and prices for a group's workers, in units.
#[derive(Clone, Debug)]
pub(super) struct Price {
    /// Per-worker contribution in each month (index 0 = January).
    pub cost: [i128; 12],
    pub funded: [bool; 12],
    /// `remaining[m]`: what one worker enrolled in month m costs until December.
    pub remaining: [i128; 13],
}

impl Price {
    pub(super) fn idle() -> Self {
        Self {
            cost: [0; 12],
            funded: [false; 12],
            remaining: [0; 13],
        }
    }

    pub(super) fn of(units: Units, plan: &YearPlan) -> Self {
        Self {
            cost: std::array::from_fn(|m| units.of(plan.cost[m].total())),
            funded: plan.funded,
            remaining: std::array::from_fn(|m| units.of(plan.remaining[m])),
        }
    }
}

/// Each source's money and cap for a fiscal year (units; zero where it does not pay).
pub(super) type Money = Vec<(i128, u64)>;

/// The months each source pays in a fiscal year (`None`: not that year, or not for the
/// group).
pub(super) type Months = [Option<[bool; 12]>];

/// JKK, JKM and JHT of one worker-month, in units.
pub(super) type Programmes = [i128; 3];

fn programmes(units: Units, c: &Contribution) -> Programmes {
    [units.of(c.jkk), units.of(c.jkm), units.of(c.jht)]
}

/// What co-funder `helper` owes each month for one worker of source `helped`.
#[derive(Clone, Debug)]
pub(super) struct CoFund {
    pub helper: usize,
    pub helped: usize,
    pub due: [i128; 12],
}

/// A group's prices for one fiscal year.
#[derive(Clone, Debug)]
pub(super) struct YearPrices {
    /// By source.
    pub plans: Vec<Price>,
    /// The package by programme at the full rate, by month.
    pub full: [Programmes; 12],
    /// The same at the PP 50/2025 rate.
    pub discounted: [Programmes; 12],
    /// Every (co-funder, helped source) pair of the scenario.
    pub co_funds: Vec<CoFund>,
    /// By source: what one worker costs it from January before co-funding (`Decimal`), the
    /// price of a pledge of workers in `funding::year_money`.
    pub first_remaining: Vec<Rupiah>,
}

impl YearPrices {
    /// A group's prices before any year opens (nobody pays).
    pub(super) fn idle(sources: usize) -> Self {
        Self {
            plans: vec![Price::idle(); sources],
            full: [[0; 3]; 12],
            discounted: [[0; 3]; 12],
            co_funds: Vec::new(),
            first_remaining: vec![Decimal::ZERO; sources],
        }
    }

    /// The prices at `costs` of sources paying in the `funded` months (`None`: not this
    /// year, or not for this group), as `funding::year_plans` makes them.
    fn of_months(
        units: Units,
        sc: &Scenario,
        costs: &YearCosts,
        funded: &[Option<[bool; 12]>],
    ) -> Self {
        let plans: Vec<YearPlan> = sc
            .sources
            .iter()
            .zip(funded)
            .map(|(s, f)| f.map_or_else(YearPlan::idle, |f| funding::year_shape(costs, s, f)))
            .collect();
        let first_remaining = plans.iter().map(|p| p.remaining[0]).collect();
        let plans = funding::co_fund(sc, plans);
        Self {
            first_remaining,
            ..Self::of(units, sc, costs, &plans)
        }
    }

    /// The prices of `plans` made from `costs` (`funding::year_plans`).
    fn of(units: Units, sc: &Scenario, costs: &YearCosts, plans: &[YearPlan]) -> Self {
        let mut co_funds = Vec::new();
        for (i, helper) in sc.sources.iter().enumerate() {
            if helper.co_funding().is_none() {
                continue;
            }
            for (j, helped) in sc.sources.iter().enumerate() {
                if helper.co_funds(helped) {
                    let base = if helped.discount {
                        &costs.discounted
                    } else {
                        &costs.full
                    };
                    let due =
                        std::array::from_fn(|m| units.of(funding::co_funded(helper, &base[m], 1)));
                    co_funds.push(CoFund {
                        helper: i,
                        helped: j,
                        due,
                    });
                }
            }
        }
        Self {
            plans: plans.iter().map(|p| Price::of(units, p)).collect(),
            full: std::array::from_fn(|m| programmes(units, &costs.full[m])),
            discounted: std::array::from_fn(|m| programmes(units, &costs.discounted[m])),
            co_funds,
            first_remaining: Vec::new(),
        }
    }
}

/// What a source's prices depend on besides the year's costs and months. Its name matters
/// only through the sources it co-funds, so scenarios whose sources are named otherwise (the
/// kab/kota of a province or national plan) share their prices.
#[derive(Clone, Debug, PartialEq)]
struct SourceShape {
    discount: bool,
    /// The co-funding share (mantissa and scale) and the part.
    co_funding: Option<(i128, u32, CoFundPart)>,
    /// The sources it co-funds (indices; none unless it is a co-funder).
    helps: Vec<usize>,
}

/// The co-funding share of `s` as the cache compares it (to the decimals).
fn co_funding(s: &FundingSource) -> Option<(i128, u32, CoFundPart)> {
    s.co_funding()
        .map(|(share, _, part)| (share.mantissa(), share.scale(), part))
}

/// The sources `s` co-funds, as indices into `sc.sources`.
fn helped<'a>(sc: &'a Scenario, s: &'a FundingSource) -> impl Iterator<Item = usize> + 'a {
    sc.sources
        .iter()
        .enumerate()
        .filter(move |(_, other)| s.co_funds(other))
        .map(|(j, _)| j)
}

fn structure(sc: &Scenario) -> Vec<SourceShape> {
    sc.sources
        .iter()
        .map(|s| SourceShape {
            discount: s.discount,
            co_funding: co_funding(s),
            helps: helped(sc, s).collect(),
        })
        .collect()
}

/// Whether `shapes` is `structure(sc)`, without making it (every trial and draw asks).
fn same_structure(shapes: &[SourceShape], sc: &Scenario) -> bool {
    shapes.len() == sc.sources.len()
        && shapes.iter().zip(&sc.sources).all(|(shape, s)| {
            shape.discount == s.discount
                && shape.co_funding == co_funding(s)
                && helped(sc, s).eq(shape.helps.iter().copied())
        })
}

/// Two amounts with the same value and the same decimals (as `Decimal` computes with them).
fn identical(a: Decimal, b: Decimal) -> bool {
    a.mantissa() == b.mantissa() && a.scale() == b.scale()
}

fn same_costs(a: &YearCosts, b: &YearCosts) -> bool {
    let same = |x: &Contribution, y: &Contribution| {
        identical(x.jkk, y.jkk) && identical(x.jkm, y.jkm) && identical(x.jht, y.jht)
    };
    a.full.iter().zip(&b.full).all(|(x, y)| same(x, y))
        && a.discounted
            .iter()
            .zip(&b.discounted)
            .all(|(x, y)| same(x, y))
}

/// The most costs and year prices a cache keeps (a run needs a few; more come only from
/// scenarios whose rates change every year, or from many worker groups).
const CACHE_ENTRIES: usize = 64;

/// The same package, to the decimals of its income.
fn same_package(a: &scenario::Programmes, b: &scenario::Programmes) -> bool {
    a.jht == b.jht
        && a.scheme == b.scheme
        && a.transport == b.transport
        && identical(a.declared_income, b.declared_income)
}

/// Year prices already read, reused when all they depend on is the same (see the module doc).
/// A cache serves one `Parameters` (known by its address: a goal-seek or a Monte Carlo run
/// borrows them, unchanged, throughout).
#[derive(Clone, Debug, Default)]
pub struct PriceCache {
    params: usize,
    units: Option<Units>,
    sources: Vec<SourceShape>,
    /// Costs read, by package and the period its rates are read from (a year in which a
    /// rate changes, or the years since the last change), as an index into `costs`.
    read: Vec<(scenario::Programmes, RatesPeriod, usize)>,
    /// The rates period of each fiscal year asked for (`Parameters::contribution_period`).
    periods: Vec<(i32, RatesPeriod)>,
    /// Distinct costs.
    costs: Vec<YearCosts>,
    /// Prices by costs (index into `costs`) and the months each source pays.
    entries: Vec<(usize, Box<Months>, Rc<YearPrices>)>,
}

impl PriceCache {
    /// Forgets everything unless `sc` (in `units`, under `params`) has the sources the
    /// entries were read for.
    pub(super) fn check(&mut self, params: &Parameters, units: Units, sc: &Scenario) {
        let address = std::ptr::from_ref(params) as usize;
        let same = self.params == address
            && self.units == Some(units)
            && same_structure(&self.sources, sc);
        if !same {
            *self = Self {
                params: address,
                units: Some(units),
                sources: structure(sc),
                ..Self::default()
            };
        }
    }

    /// The index in `costs` of a package's costs for fiscal `year`.
    fn costs(
        &mut self,
        params: &Parameters,
        programmes: &scenario::Programmes,
        year: i32,
    ) -> usize {
        let period = match self.periods.iter().find(|(y, _)| *y == year) {
            Some(&(_, period)) => period,
            None => {
                let period = params.contribution_period(year);
                self.periods.push((year, period));
                period
            }
        };
        let known = self
            .read
            .iter()
            .find(|(p, r, _)| *r == period && same_package(p, programmes));
        if let Some(&(_, _, k)) = known {
            return k;
        }
        let costs = YearCosts::for_programmes(params, programmes, year);
        let k = match self.costs.iter().position(|c| same_costs(c, &costs)) {
            Some(k) => k,
            None => {
                self.costs.push(costs);
                self.costs.len() - 1
            }
        };
        self.read.push((programmes.clone(), period, k));
        k
    }

    /// A package's prices for fiscal `year` when sources pay in the `funded` months (`check`
    /// comes first).
    pub(super) fn prices(
        &mut self,
        (params, sc): (&Parameters, &Scenario),
        programmes: &scenario::Programmes,
        year: i32,
        funded: &Months,
    ) -> Rc<YearPrices> {
        if [self.read.len(), self.entries.len(), self.periods.len()]
            .iter()
            .any(|&n| n >= CACHE_ENTRIES)
        {
            self.periods.clear();
            self.read.clear();
            self.costs.clear();
            self.entries.clear();
        }
        let k = self.costs(params, programmes, year);
        let found = self
            .entries
            .iter()
            .find(|(c, f, _)| *c == k && **f == *funded);
        if let Some((_, _, prices)) = found {
            return Rc::clone(prices);
        }
        let units = self.units.expect("PriceCache::check comes first");
        let prices = Rc::new(YearPrices::of_months(units, sc, &self.costs[k], funded));
        self.entries.push((k, funded.into(), Rc::clone(&prices)));
        prices
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::presets;
    use crate::engine::scenario::Amount;

    /// The cache's check in place agrees with comparing the made structure.
    #[test]
    fn the_structure_is_compared_in_place() {
        let sc = presets::load("ambon").unwrap();
        let shapes = structure(&sc);
        assert!(same_structure(&shapes, &sc));
        // Names alone do not change the prices (the kab/kota of a plan share them).
        let mut renamed = sc.clone();
        renamed.sources[1].name.push('x');
        assert!(same_structure(&shapes, &renamed));
        let mut changes: Vec<Scenario> = Vec::new();
        let mut discounted = sc.clone();
        discounted.sources[0].discount = !discounted.sources[0].discount;
        changes.push(discounted);
        let mut fewer = sc.clone();
        fewer.sources.pop();
        changes.push(fewer);
        let mut helper = sc.clone();
        helper.sources[1].amount = Amount::CoFund {
            share: Decimal::new(5, 1),
            of: Some(sc.sources[0].name.clone()),
            part: CoFundPart::Jht,
        };
        changes.push(helper.clone());
        for changed in &changes {
            assert!(!same_structure(&shapes, changed));
            assert!(same_structure(&structure(changed), changed));
        }
        let helper_shapes = structure(&helper);
        for (k, other) in [Decimal::new(50, 2), Decimal::new(6, 1)]
            .into_iter()
            .enumerate()
        {
            let mut next = helper.clone();
            if let Amount::CoFund { share, .. } = &mut next.sources[1].amount {
                *share = other;
            }
            // 0.50 is 0.5 written otherwise: other prices' decimals, so another structure.
            assert!(!same_structure(&helper_shapes, &next), "{k}");
        }
        let mut of_other = helper.clone();
        if let Amount::CoFund { of, part, .. } = &mut of_other.sources[1].amount {
            *of = None;
            *part = CoFundPart::All;
        }
        assert!(!same_structure(&helper_shapes, &of_other));
        // A co-funder that names another source helps another one.
        let mut of_third = helper.clone();
        if let Amount::CoFund { of, .. } = &mut of_third.sources[1].amount {
            *of = Some(sc.sources[2].name.clone());
        }
        assert!(!same_structure(&helper_shapes, &of_third));
        // Renaming the helped source so that the co-funder's name no longer matches it too.
        let mut lost = helper.clone();
        lost.sources[0].name.push('x');
        assert!(!same_structure(&helper_shapes, &lost));
    }
}
