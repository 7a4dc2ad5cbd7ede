//! Funding rules: what each source provides in a fiscal year, which months it funds, and
//! what one worker costs it month by month. It knows nothing of enrolment or risk.

use super::calendar::YearMonth;
use super::parameters::{Contribution, Parameters};
use super::scenario::{Amount, CoFundPart, FundingSource, Programmes, Scenario};
use super::Rupiah;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

/// One source's money and rules for one fiscal year.
#[derive(Clone, Debug, PartialEq)]
pub struct YearPlan {
    /// Money committed for the fiscal year (Rupiah).
    pub budget: Rupiah,
    /// The most workers it may hold this year.
    pub cap: u64,
    /// Per-worker contribution in each month (index 0 = January); zero when not funded.
    pub cost: [Contribution; 12],
    /// Whether the source pays in each month of this year (inside the horizon).
    pub funded: [bool; 12],
    /// `remaining[m]`: what one worker enrolled in month m costs until December.
    pub remaining: [Rupiah; 13],
}

impl YearPlan {
    /// A plan for a source that pays nothing this year.
    pub fn idle() -> Self {
        Self {
            budget: Decimal::ZERO,
            cap: 0,
            cost: [Contribution::default(); 12],
            funded: [false; 12],
            remaining: [Decimal::ZERO; 13],
        }
    }
}

/// One worker's contribution in each month of a fiscal year, without and with the PP 50/2025
/// discount: computed once per year and shared by every source.
#[derive(Clone, Debug, PartialEq)]
pub struct YearCosts {
    pub full: [Contribution; 12],
    pub discounted: [Contribution; 12],
}

impl YearCosts {
    pub fn new(params: &Parameters, scenario: &Scenario, year: i32) -> Self {
        Self::for_programmes(params, &scenario.programmes, year)
    }

    /// The costs of one worker group's package (its scheme, income and window).
    pub fn for_programmes(params: &Parameters, programmes: &Programmes, year: i32) -> Self {
        let at = |m: usize, discount| {
            params.contribution_for(YearMonth::new(year, m as u8 + 1), programmes, discount)
        };
        // Rates rarely change inside a year: read them in the months they may change only.
        let new = params.contribution_new_months(year);
        let (mut full, mut discounted) =
            ([Contribution::default(); 12], [Contribution::default(); 12]);
        for m in 0..12 {
            (full[m], discounted[m]) = if new[m] {
                (at(m, false), at(m, true))
            } else {
                (full[m - 1], discounted[m - 1])
            };
        }
        Self { full, discounted }
    }
}

/// `(1 + growth)^years`, exactly.
pub fn growth_factor(growth: Decimal, years: u32) -> Decimal {
    if growth.is_zero() {
        return Decimal::ONE;
    }
    let step = Decimal::ONE + growth;
    (0..years).fold(Decimal::ONE, |acc, _| acc * step)
}

/// `growth_factor` for year after year, each from the year before's by one product: the
/// same products in the same order, so the same `Decimal`s.
#[derive(Clone, Debug)]
pub struct Growth {
    growth: Decimal,
    years: u32,
    factor: Decimal,
}

impl Growth {
    pub fn new(growth: Decimal) -> Self {
        Self {
            growth,
            years: 0,
            factor: Decimal::ONE,
        }
    }

    /// `growth_factor(growth, years)`.
    pub fn factor(&mut self, years: u32) -> Decimal {
        if self.growth.is_zero() {
            return Decimal::ONE;
        }
        if years == self.years + 1 {
            self.factor *= Decimal::ONE + self.growth;
        } else if years != self.years {
            self.factor = growth_factor(self.growth, years);
        }
        self.years = years;
        self.factor
    }
}

/// A `rupiah` source's money for fiscal `year`: the amount set for that year if there is
/// one; otherwise `yearly` grown by `factor`, pro-rated by month in a first year that starts
/// after January (a source starting in October gets 3/12 of its yearly amount). Whole Rupiah.
pub fn rupiah_budget(source: &FundingSource, yearly: Rupiah, year: i32, factor: Decimal) -> Rupiah {
    if let Some(set) = source.by_year.get(&year) {
        return *set;
    }
    if year == source.first_year && source.first_month > 1 {
        let months = Decimal::from(13 - u32::from(source.first_month));
        return (yearly * months / Decimal::from(12)).round_dp(0);
    }
    (yearly * factor).round_dp(0)
}

/// The months `source` pays in fiscal `year` (inside the horizon, which starts at `first`);
/// `None` when it pays nothing that year (before its first year or after its last).
pub fn funded_months(source: &FundingSource, year: i32, first: YearMonth) -> Option<[bool; 12]> {
    let ends_after = source.last_year.is_none_or(|l| year <= l);
    if year < source.first_year || !ends_after {
        return None;
    }
    // A year after the source's first and the horizon's: every month.
    if year > source.first_year && year > first.year {
        return Some([true; 12]);
    }
    Some(std::array::from_fn(|m| {
        let started = year > source.first_year || m as u8 + 1 >= source.first_month;
        started && YearMonth::new(year, m as u8 + 1) >= first
    }))
}

/// A plan's months and per-worker costs (before co-funding) for a source paying in the
/// `funded` months, without its money: budget zero, no cap (`year_money` gives those).
pub fn year_shape(costs: &YearCosts, source: &FundingSource, funded: [bool; 12]) -> YearPlan {
    let mut plan = YearPlan::idle();
    let monthly = if source.discount {
        &costs.discounted
    } else {
        &costs.full
    };
    for m in 0..12 {
        if funded[m] {
            plan.funded[m] = true;
            plan.cost[m] = monthly[m];
        }
    }
    for m in (0..12).rev() {
        plan.remaining[m] = plan.remaining[m + 1] + plan.cost[m].total();
    }
    plan
}

/// Whether `source`'s money and cap (`year_money`) are the same in every fiscal year it pays
/// from January: an amount in Rupiah or Dana Desa that does not grow and is not set by year.
pub fn same_every_year(source: &FundingSource) -> bool {
    source.growth.is_zero()
        && source.by_year.is_empty()
        && matches!(
            source.amount,
            Amount::Rupiah { .. } | Amount::DanaDesa { .. }
        )
}

/// A paying `source`'s money and cap for fiscal `year`; `first_remaining` is what one worker
/// costs it from January to December before co-funding (`year_shape`'s `remaining[0]`), the
/// price of a pledge of workers.
pub fn year_money(
    scenario: &Scenario,
    source: &FundingSource,
    year: i32,
    first_remaining: Rupiah,
) -> (Rupiah, u64) {
    let factor = growth_factor(source.growth, (year - source.first_year) as u32);
    let slots = |workers: Decimal| (workers * factor).floor().to_u64().unwrap_or(0);
    let (budget, pledged) = match &source.amount {
        Amount::Rupiah { yearly } => (rupiah_budget(source, *yearly, year, factor), None),
        Amount::DanaDesa { share, per_desa } => {
            let desa = Decimal::from(scenario.region.desa);
            ((desa * share * per_desa * factor).round_dp(0), None)
        }
        Amount::Workers { workers } => {
            let n = slots(Decimal::from(*workers));
            (Decimal::from(n) * first_remaining, Some(n))
        }
        Amount::BapakAsuh {
            participation,
            workers_per_sponsor,
        } => {
            let n = slots(Decimal::from(scenario.region.asn) * participation * workers_per_sponsor);
            (Decimal::from(n) * first_remaining, Some(n))
        }
        // A co-funder enrols nobody; its budget is what falls due (set when the year closes).
        Amount::CoFund { .. } => (Decimal::ZERO, Some(0)),
    };
    let cap = match (source.cap_workers, pledged) {
        (Some(c), Some(p)) => c.min(p),
        (Some(c), None) => c,
        (None, Some(p)) => p,
        (None, None) => u64::MAX,
    };
    (budget, cap)
}

/// The plan for `source` in fiscal `year`, for months from `first` (the horizon start).
/// Commitments always run to December, even when the horizon ends earlier: a fiscal year's
/// money is committed for the whole year.
pub fn year_plan(
    costs: &YearCosts,
    scenario: &Scenario,
    source: &FundingSource,
    year: i32,
    first: YearMonth,
) -> YearPlan {
    let Some(funded) = funded_months(source, year, first) else {
        return YearPlan::idle();
    };
    let mut plan = year_shape(costs, source, funded);
    (plan.budget, plan.cap) = year_money(scenario, source, year, plan.remaining[0]);
    plan
}

/// Every source's plan for fiscal `year` for the workers of `group` (at that group's
/// `costs`), with co-funding applied: where a co-funder pays in a month, the sources it
/// helps pay only the rest of each worker's contribution. A source (or co-funder) limited to
/// other groups is idle for this one.
pub fn year_plans(
    costs: &YearCosts,
    scenario: &Scenario,
    group: &str,
    year: i32,
    first: YearMonth,
) -> Vec<YearPlan> {
    let plans: Vec<YearPlan> = scenario
        .sources
        .iter()
        .map(|s| {
            if s.serves(group) {
                year_plan(costs, scenario, s, year, first)
            } else {
                YearPlan::idle()
            }
        })
        .collect();
    co_fund(scenario, plans)
}

/// `plans` (one per source) with co-funding applied: where a co-funder pays in a month, the
/// sources it helps pay only the rest of each worker's contribution. Reads and changes only
/// the months and costs, never the money.
pub fn co_fund(scenario: &Scenario, mut plans: Vec<YearPlan>) -> Vec<YearPlan> {
    let sources = &scenario.sources;
    // Without co-funders no plan changes.
    if sources.iter().all(|s| s.co_funding().is_none()) {
        return plans;
    }
    for (j, helped) in sources.iter().enumerate() {
        for m in 0..12 {
            let (mut all, mut jht) = (Decimal::ZERO, Decimal::ZERO);
            for (i, helper) in sources.iter().enumerate() {
                match helper.co_funding() {
                    Some((share, _, part)) if plans[i].funded[m] && helper.co_funds(helped) => {
                        match part {
                            CoFundPart::All => all += share,
                            CoFundPart::Jht => jht += share,
                        }
                    }
                    _ => {}
                }
            }
            if all.is_zero() && jht.is_zero() {
                continue;
            }
            let c = &mut plans[j].cost[m];
            c.jkk *= Decimal::ONE - all;
            c.jkm *= Decimal::ONE - all;
            c.jht *= Decimal::ONE - all - jht;
        }
        let plan = &mut plans[j];
        for m in (0..12).rev() {
            plan.remaining[m] = plan.remaining[m + 1] + plan.cost[m].total();
        }
    }
    plans
}

/// What co-funder `helper` owes in calendar month `m` for `workers` of source `helped`,
/// whose full (or discounted) contribution is `base`.
pub fn co_funded(helper: &FundingSource, base: &Contribution, workers: u64) -> Rupiah {
    match helper.co_funding() {
        Some((share, _, CoFundPart::All)) => Decimal::from(workers) * share * base.total(),
        Some((share, _, CoFundPart::Jht)) => Decimal::from(workers) * share * base.jht,
        None => Decimal::ZERO,
    }
}

/// How many workers `money` pays for at `per_worker` each (all of them when free): the
/// `Decimal` definition of the monthly loop's `exact::affordable`.
/// Exact integer division of the two decimals' mantissas at a common scale; the slower
/// Decimal division is only the fallback for values too large to align.
pub fn affordable(money: Rupiah, per_worker: Rupiah) -> u64 {
    if per_worker <= Decimal::ZERO {
        return u64::MAX;
    }
    if money <= Decimal::ZERO {
        return 0;
    }
    let scale = money.scale().max(per_worker.scale());
    let align = |d: Rupiah| {
        10i128
            .checked_pow(scale - d.scale())
            .and_then(|f| d.mantissa().checked_mul(f))
    };
    match (align(money), align(per_worker)) {
        (Some(a), Some(b)) => u64::try_from(a / b).unwrap_or(u64::MAX),
        _ => (money / per_worker).floor().to_u64().unwrap_or(u64::MAX),
    }
}

/// Contributions by programme (the `Decimal` definition that the monthly loop's integer
/// sums reconcile with) for `full` workers at the full rate and `discounted` workers
/// at the PP 50/2025 rate, in calendar month index `m`.
pub fn split_by_programme(costs: &YearCosts, m: usize, full: u64, discounted: u64) -> Contribution {
    let (f, d) = (Decimal::from(full), Decimal::from(discounted));
    let (cf, cd) = (costs.full[m], costs.discounted[m]);
    Contribution {
        jkk: f * cf.jkk + d * cd.jkk,
        jkm: f * cf.jkm + d * cd.jkm,
        jht: f * cf.jht + d * cd.jht,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::presets;
    use std::str::FromStr;

    #[test]
    fn a_source_pays_the_months_from_its_start_and_the_horizons() {
        let mut source = presets::load("bontang").unwrap().sources[0].clone();
        source.last_year = Some(2029);
        let start = YearMonth::new(2026, 3);
        for (first_year, first_month) in [(2025, 1), (2026, 1), (2026, 5), (2027, 10)] {
            source.first_year = first_year;
            source.first_month = first_month;
            for year in 2024..=2031 {
                let by_rule = (first_year <= year && year <= 2029).then(|| {
                    std::array::from_fn(|m| {
                        let month = YearMonth::new(year, m as u8 + 1);
                        month >= YearMonth::new(first_year, first_month) && month >= start
                    })
                });
                assert_eq!(funded_months(&source, year, start), by_rule, "{year}");
            }
        }
    }

    #[test]
    fn a_source_starting_in_october_funds_three_months() {
        let params = Parameters::embedded().unwrap();
        let scenario = presets::load("bontang").unwrap();
        let apbd = &scenario.sources[0];
        assert_eq!(apbd.first_month, 10);
        let first = YearMonth::new(2023, 1);
        let costs = YearCosts::new(&params, &scenario, apbd.first_year);
        let plan = year_plan(&costs, &scenario, apbd, apbd.first_year, first);
        assert_eq!(plan.funded.iter().filter(|f| **f).count(), 3);
        assert_eq!(plan.remaining[0], Decimal::from(3 * 16_800));
        let next = year_plan(
            &YearCosts::new(&params, &scenario, apbd.first_year + 1),
            &scenario,
            apbd,
            apbd.first_year + 1,
            first,
        );
        assert_eq!(next.remaining[0], Decimal::from(12 * 16_800));
    }

    #[test]
    fn growth_year_after_year_is_the_growth_factor() {
        for growth in ["0.01", "0.0137", "-0.003", "0.25", "0"] {
            let growth = Decimal::from_str(growth).unwrap();
            let mut g = Growth::new(growth);
            for years in [1, 2, 3, 3, 4, 7, 8, 2, 0, 1, 30, 31] {
                let expected = growth_factor(growth, years);
                let got = g.factor(years);
                assert_eq!(
                    (got.mantissa(), got.scale()),
                    (expected.mantissa(), expected.scale()),
                    "{growth} over {years} years"
                );
            }
        }
    }

    #[test]
    fn growth_compounds_exactly() {
        assert_eq!(growth_factor(Decimal::new(1, 1), 2), Decimal::new(121, 2));
        assert_eq!(growth_factor(Decimal::new(-5, 1), 1), Decimal::new(5, 1));
    }

    #[test]
    fn affordable_counts_whole_workers_exactly() {
        let d = |t: &str| Decimal::from_str(t).unwrap();
        let cases = [
            ("7012051200", "201600", 34_782),
            ("7012051199", "201600", 34_781),
            ("100.5", "0.25", 402),
            ("123456.789", "12345.67", 10),
            ("0", "16800", 0),
            ("-5", "16800", 0),
            ("79228162514264337593543950335", "0.0000001", u64::MAX),
        ];
        for (money, per, expected) in cases {
            assert_eq!(affordable(d(money), d(per)), expected, "{money} / {per}");
            if d(money) > Decimal::ZERO && expected < u64::MAX {
                assert_eq!(Some(expected), (d(money) / d(per)).floor().to_u64());
            }
        }
        assert_eq!(affordable(d("5"), Decimal::ZERO), u64::MAX);
    }
}
