//! The monthly simulation: enrolment, funding by priority, lapses, contributions and
//! expected benefits, over fiscal years. It cannot fail: the scenario is already valid.
//!
//! A `Run` holds the state carried from month to month. Each month runs these steps, one
//! method each, in this order:
//!
//! 1. `open_year` (in January and in the horizon's first month): the population grows or
//!    shrinks, each source's budget and costs for the fiscal year are set, and carried
//!    workers are re-committed to their source, moved to sources with room, or lose cover;
//! 2. `lapse`: a share of verified workers (covered and waiting) leave;
//! 3. `verify`: lapsed workers who may re-enrol are re-checked, then raw list entries;
//! 4. `enrol`: verified workers are enrolled by funders in priority order, within caps and
//!    the money left;
//! 5. `pay`: contributions by source and programme; JHT savings earn their return;
//! 6. `expect_events`: expected deaths and accidents, and the benefits paid after the lag;
//! 7. `record`: the month's result and the fiscal year's running sums;
//! 8. `close_year` (in December and in the horizon's last month): the year's result.
//!
//! `finish` then adds the totals and warnings. The result types live in `outcome`.

mod open_year;

use super::calendar::YearMonth;
use super::enrolment::{remove_workers, Tenure};
use super::funding::{affordable, split_by_programme, YearCosts, YearPlan};
use super::outcome::{self, MonthResult, Outcome, Totals, YearResult, YearSums};
use super::parameters::{Contribution, Parameters};
use super::risk::{self, BenefitAmounts, ExpectedEvents, Rates};
use super::scenario::{Scenario, ValidScenario};
use super::Rupiah;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

/// Runs the scenario month by month.
pub fn simulate(params: &Parameters, valid: &ValidScenario) -> Outcome {
    let mut run = Run::new(params, valid);
    let total = valid.horizon.months();
    for t in 0..total {
        let month = Month::new(valid.horizon.start, t, total);
        if month.opens_year() {
            run.open_year(month);
        }
        let lapses = run.lapse(month);
        run.verify();
        let new_enrolments = run.enrol(month);
        let payment = run.pay(month);
        let events = run.expect_events(month, new_enrolments);
        run.record(month, lapses, new_enrolments, payment, events);
        if month.closes_year() {
            run.close_year(month.date.year);
        }
    }
    run.finish()
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

/// What the sources pay in one month.
struct Payment {
    by_source: Vec<Rupiah>,
    programmes: Contribution,
}

/// One month's expected events and the benefits paid in it (for earlier events).
struct Events {
    expected: ExpectedEvents,
    benefits_paid: Rupiah,
}

/// The state of one simulation, carried from month to month.
struct Run<'a> {
    params: &'a Parameters,
    sc: &'a Scenario,
    /// Source indices in priority order (ties keep list order).
    order: Vec<usize>,
    rates: Rates,
    /// Months from an event to its benefit payment.
    lag: usize,
    /// Months of membership before a non-work death earns a scholarship.
    min_tenure: i64,
    monthly_lapse: Decimal,
    monthly_return: Decimal,

    /// Vulnerable workers this year.
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
    lapse_carry: Decimal,
    yield_carry: Decimal,
    tenure: Tenure,

    /// This fiscal year's plan and uncommitted money, by source.
    plans: Vec<YearPlan>,
    /// The most workers each source may hold this year: what its next year's money can carry
    /// from January (no limit in the horizon's last year, or when the source ends).
    sustain: Vec<u64>,
    left: Vec<Rupiah>,
    costs: YearCosts,
    amounts: BenefitAmounts,
    /// Benefits due, by month index, after the claim lag.
    pending: Vec<Rupiah>,
    jht_balance: Rupiah,
    cumulative: Rupiah,

    target_reached: Option<YearMonth>,
    binding_months: u32,
    first_binding: Option<YearMonth>,
    sums: YearSums,
    months: Vec<MonthResult>,
    years: Vec<YearResult>,
}

impl<'a> Run<'a> {
    fn new(params: &'a Parameters, valid: &'a ValidScenario) -> Self {
        let sc = valid.scenario();
        let n = sc.sources.len();
        let start = sc.horizon.start;
        let total_months = sc.horizon.months() as usize;
        let lag = sc.risk.claim_lag_months as usize;

        let mut order: Vec<usize> = (0..n).collect();
        order.sort_by_key(|&i| (sc.sources[i].priority, i));

        let mut workers = vec![0u64; n];
        let mut starting_cohorts = Vec::new();
        for s in &sc.region.covered_at_start {
            if let Some(i) = sc.source_index(&s.source) {
                workers[i] += s.workers;
                starting_cohorts.push((-i64::from(s.months_of_membership), s.workers as f64));
            }
        }

        Self {
            params,
            sc,
            order,
            rates: Rates::from_scenario(sc),
            lag,
            min_tenure: params
                .scholarship_min_membership
                .at(start)
                .to_i64()
                .unwrap_or(36),
            monthly_lapse: sc.enrolment.lapse_rate / Decimal::from(12),
            monthly_return: sc.risk.jht_return / Decimal::from(12),
            population: sc.region.vulnerable_workers,
            workers,
            waiting: 0,
            list: sc.enrolment.listed,
            relist: 0,
            lapse_carry: Decimal::ZERO,
            yield_carry: Decimal::ZERO,
            tenure: Tenure::new(starting_cohorts),
            plans: vec![YearPlan::idle(); n],
            sustain: vec![u64::MAX; n],
            left: vec![Decimal::ZERO; n],
            costs: YearCosts::new(params, sc, start.year),
            amounts: BenefitAmounts::at(params, sc, start),
            pending: vec![Decimal::ZERO; total_months + lag + 1],
            jht_balance: Decimal::ZERO,
            cumulative: Decimal::ZERO,
            target_reached: None,
            binding_months: 0,
            first_binding: None,
            sums: YearSums::new(n),
            months: Vec::with_capacity(total_months),
            years: Vec::with_capacity(sc.horizon.years as usize + 1),
        }
    }

    fn covered(&self) -> u64 {
        self.workers.iter().sum()
    }

    /// Step 2: a share of all verified workers (covered and waiting) leave; their sources
    /// get back what they had committed for the rest of the year. Returns how many left.
    fn lapse(&mut self, month: Month) -> u64 {
        let covered_before = self.covered();
        let known = covered_before + self.waiting;
        // Fractions of a worker carry over to the next month, so small groups lapse too.
        let expected = Decimal::from(known) * self.monthly_lapse + self.lapse_carry;
        let lapses = floor_u64(expected).min(known);
        self.lapse_carry = expected - Decimal::from(lapses);
        let from_covered = if known == 0 {
            0
        } else {
            ((u128::from(lapses) * u128::from(covered_before) * 2 + u128::from(known))
                / (u128::from(known) * 2)) as u64
        };
        let from_covered = from_covered
            .min(covered_before)
            .max(lapses.saturating_sub(self.waiting));
        self.waiting -= lapses - from_covered;
        let per_source = remove_workers(&mut self.workers, &self.order, from_covered);
        for (i, gone) in per_source.into_iter().enumerate() {
            self.left[i] += Decimal::from(gone) * self.plans[i].remaining[month.m];
        }
        if self.sc.enrolment.reenrol {
            self.relist += lapses;
        }
        lapses
    }

    /// Step 3: lapsed workers who may re-enrol are re-checked first (they are known to be
    /// eligible); then raw list entries, of which only the yield is eligible.
    fn verify(&mut self) {
        let e = &self.sc.enrolment;
        let rechecked = e.verification_per_month.min(self.relist);
        self.relist -= rechecked;
        let checked = (e.verification_per_month - rechecked).min(self.list);
        self.list -= checked;
        // Fractions of an eligible worker carry over, so small monthly capacities still find people.
        let found = Decimal::from(checked) * e.verification_yield + self.yield_carry;
        let eligible = rechecked + floor_u64(found);
        self.yield_carry = found - Decimal::from(floor_u64(found));
        let room = self
            .population
            .saturating_sub(self.covered() + self.waiting);
        self.waiting += eligible.min(room);
    }

    /// Step 4: enrolment by priority, limited by verified workers, caps and the money left.
    /// Counts the months in which verification, not money, held enrolment back. Returns
    /// how many joined.
    fn enrol(&mut self, month: Month) -> u64 {
        let m = month.m;
        let mut new_enrolments = 0u64;
        for &i in &self.order {
            let p = &self.plans[i];
            if self.waiting == 0 {
                break;
            }
            let room = p.cap.min(self.sustain[i]).saturating_sub(self.workers[i]);
            if !p.funded[m] || room == 0 {
                continue;
            }
            let want = room.min(self.waiting);
            // The division that counts affordable workers runs only when money is short.
            let take = if self.left[i] >= Decimal::from(want) * p.remaining[m] {
                want
            } else {
                affordable(self.left[i], p.remaining[m]).min(want)
            };
            self.workers[i] += take;
            self.left[i] -= Decimal::from(take) * p.remaining[m];
            self.waiting -= take;
            new_enrolments += take;
        }
        let unverified = self
            .population
            .saturating_sub(self.covered() + self.waiting);
        // Verification binds when verified workers ran out while some source could pay for one more.
        let money_for_more = || {
            self.order.iter().any(|&i| {
                let p = &self.plans[i];
                p.funded[m]
                    && p.cap.min(self.sustain[i]) > self.workers[i]
                    && self.left[i] >= p.remaining[m]
            })
        };
        if self.waiting == 0 && unverified > 0 && money_for_more() {
            self.binding_months += 1;
            self.first_binding.get_or_insert(month.date);
        }
        new_enrolments
    }

    /// Step 5: each source pays for its covered workers; the JHT part earns its return.
    fn pay(&mut self, month: Month) -> Payment {
        let m = month.m;
        // Every paying source pays either the full or the discounted rate: split the programmes
        // once per rate instead of once per source.
        let mut by_source = vec![Decimal::ZERO; self.workers.len()];
        let (mut at_full, mut at_discount) = (0u64, 0u64);
        for (i, &workers) in self.workers.iter().enumerate() {
            if workers == 0 {
                continue;
            }
            by_source[i] = Decimal::from(workers) * self.plans[i].cost[m].total();
            if self.sc.sources[i].discount {
                at_discount += workers;
            } else {
                at_full += workers;
            }
        }
        let programmes = split_by_programme(&self.costs, m, at_full, at_discount);
        self.cumulative += programmes.total();
        self.jht_balance =
            (self.jht_balance * (Decimal::ONE + self.monthly_return) + programmes.jht).round_dp(2);
        Payment {
            by_source,
            programmes,
        }
    }

    /// Step 6: expected events among the covered, and the benefits they lead to, paid after
    /// the claim lag.
    fn expect_events(&mut self, month: Month, new_enrolments: u64) -> Events {
        let t = month.t as usize;
        let covered = self.covered();
        let tenured = self.tenure.step(
            i64::from(month.t),
            covered - new_enrolments,
            new_enrolments,
            self.min_tenure,
        );
        let expected = risk::expected_events(&self.rates, covered, tenured);
        self.pending[t + self.lag] +=
            risk::expected_benefits_f64(&self.rates, &self.amounts, &expected);
        Events {
            expected,
            benefits_paid: self.pending[t],
        }
    }

    /// Step 7: the month's result, the first month the target was reached, and the
    /// fiscal year's running sums.
    fn record(
        &mut self,
        month: Month,
        lapses: u64,
        new_enrolments: u64,
        payment: Payment,
        events: Events,
    ) {
        let covered = self.covered();
        let unverified = self.population.saturating_sub(covered + self.waiting);
        if self.target_reached.is_none()
            && Decimal::from(covered) >= self.sc.target.coverage * Decimal::from(self.population)
        {
            self.target_reached = Some(month.date);
        }

        let result = MonthResult {
            date: month.date,
            population: self.population,
            covered,
            covered_by_source: self.workers.clone(),
            new_enrolments,
            lapses,
            waiting: self.waiting,
            unverified,
            contributions_by_source: payment.by_source,
            contributions: payment.programmes,
            expected_deaths: events.expected.deaths,
            expected_accidents: events.expected.accidents,
            benefits_paid: events.benefits_paid,
            cumulative_cost: self.cumulative,
        };
        self.sums.add(&result);
        self.months.push(result);
    }

    /// Step 8: the fiscal year's result from its sums and its last month.
    fn close_year(&mut self, year: i32) {
        let sums = std::mem::replace(&mut self.sums, YearSums::new(self.workers.len()));
        let last = &self.months[self.months.len() - 1];
        let budgets = self.plans.iter().map(|p| p.budget).collect();
        self.years
            .push(sums.close(year, last, budgets, &self.left, self.jht_balance));
    }

    /// After the last month: totals over the horizon and the warnings.
    fn finish(self) -> Outcome {
        let sc = self.sc;
        let totals = Totals::over(&self.years, sc.sources.len(), self.jht_balance);
        let warnings = outcome::warnings(
            self.params,
            sc,
            &self.years,
            self.binding_months,
            self.first_binding,
        );
        let (target_met, target_fell_below) = held(sc, &self.years, self.target_reached);
        Outcome {
            source_names: sc.sources.iter().map(|s| s.name.clone()).collect(),
            source_kinds: sc.sources.iter().map(|s| s.kind).collect(),
            months: self.months,
            years: self.years,
            target_reached: self.target_reached,
            target_met,
            target_fell_below,
            totals,
            warnings,
        }
    }
}

/// Whether the target is met: reached, and at or above it at the end of the target year and
/// of every later fiscal year in the horizon (coverage is judged at each year's end, as
/// budgets are). Also the first such year end, after it was reached, that fell below it.
fn held(sc: &Scenario, years: &[YearResult], reached: Option<YearMonth>) -> (bool, Option<i32>) {
    let below = |y: &YearResult| {
        Decimal::from(y.workers_covered_end) < sc.target.coverage * Decimal::from(y.population_end)
    };
    let judged: Vec<&YearResult> = years.iter().filter(|y| y.year >= sc.target.year).collect();
    let fell = reached.and_then(|r| {
        judged
            .iter()
            .find(|y| y.year >= r.year && below(y))
            .map(|y| y.year)
    });
    let met = reached.is_some() && !judged.is_empty() && !judged.iter().any(|y| below(y));
    (met, fell)
}

fn round_u64(x: Decimal) -> u64 {
    x.round().to_u64().unwrap_or(0)
}

fn floor_u64(x: Decimal) -> u64 {
    x.floor().to_u64().unwrap_or(0)
}
