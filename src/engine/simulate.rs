//! The monthly simulation: enrolment, funding by priority, lapses, contributions and
//! expected benefits, over fiscal years. It cannot fail: the scenario is already valid.
//!
//! Each month runs in this order: (at a fiscal-year start) new budgets and re-commitment
//! of carried workers; lapses; verification of list entries; enrolment of verified workers
//! by funders in priority order; payments; expected events; records.

use super::calendar::YearMonth;
use super::funding::{self, YearPlan};
use super::parameters::{Contribution, Parameters};
use super::risk::{self, Rates};
use super::scenario::{Amount, SourceKind, ValidScenario};
use super::Rupiah;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use serde::Serialize;

/// One simulated month.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MonthResult {
    pub date: YearMonth,
    pub population: u64,
    pub covered: u64,
    pub covered_by_source: Vec<u64>,
    pub new_enrolments: u64,
    pub lapses: u64,
    /// Verified workers waiting for money.
    pub waiting: u64,
    /// Vulnerable workers neither covered nor verified.
    pub unverified: u64,
    pub contributions_by_source: Vec<Rupiah>,
    pub contributions: Contribution,
    pub expected_deaths: f64,
    pub expected_accidents: f64,
    /// Benefits paid this month for events `claim_lag_months` earlier.
    pub benefits_paid: Rupiah,
    pub cumulative_cost: Rupiah,
}

/// One fiscal year (or the part of it inside the horizon).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct YearResult {
    pub year: i32,
    /// Simulated months in this year.
    pub months: u32,
    pub population_end: u64,
    pub workers_covered_end: u64,
    /// Covered / vulnerable workers at the year's last simulated month.
    pub coverage_ratio: Decimal,
    pub covered_by_source_end: Vec<u64>,
    pub new_enrolments: u64,
    pub lapses: u64,
    pub waitlist: u64,
    pub unverified: u64,
    pub contributions_total: Rupiah,
    pub contributions_by_source: Vec<Rupiah>,
    pub contributions_jkk: Rupiah,
    pub contributions_jkm: Rupiah,
    pub contributions_jht: Rupiah,
    pub budget_by_source: Vec<Rupiah>,
    pub unspent_by_source: Vec<Rupiah>,
    pub unspent_total: Rupiah,
    pub expected_deaths: f64,
    pub expected_accidents: f64,
    pub benefits_paid: Rupiah,
    /// JHT savings of the covered cohort at the year's end, with returns.
    pub jht_balance_end: Rupiah,
    pub cumulative_cost: Rupiah,
    /// Covered worker-months in the year.
    pub worker_months: u64,
    /// Contributions per protected worker-year; none when nobody was covered.
    pub cost_per_worker_year: Option<Rupiah>,
    /// Workers who lost cover at this year's start because a source ended or shrank.
    pub cover_lost: u64,
}

/// Totals over the horizon.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Totals {
    pub contributions: Rupiah,
    pub contributions_by_source: Vec<Rupiah>,
    pub benefits_paid: Rupiah,
    /// Benefits paid / JKK+JKM contributions (JHT is savings, not insurance).
    pub benefit_cost_ratio: Option<Decimal>,
    pub worker_months: u64,
    pub cost_per_worker_year: Option<Rupiah>,
    pub expected_deaths: f64,
    pub unspent: Rupiah,
    pub jht_balance_end: Rupiah,
}

/// A soft problem the user should see; the simulation still ran.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Warning {
    /// A Dana Desa share above the highest Dana Desa cap (BLT).
    DanaDesaAboveCap {
        source: String,
        share: Decimal,
        cap: Decimal,
    },
    /// A Dana Desa source in a region without desa: only desa receive Dana Desa.
    DanaDesaWithoutDesa { source: String },
    /// Money was left while verified workers ran out and unverified workers remained.
    VerificationBinding { months: u32, first: YearMonth },
    /// A source ended the horizon with money it never committed.
    BudgetUnspent { source: String, amount: Rupiah },
    /// Workers lost cover when a source ended or shrank and no other source had room.
    CoverLost { year: i32, workers: u64 },
}

/// Everything the UI, the CLI and the tests read.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Outcome {
    pub source_names: Vec<String>,
    pub source_kinds: Vec<SourceKind>,
    pub months: Vec<MonthResult>,
    pub years: Vec<YearResult>,
    /// The first month coverage reached the target ratio, if it did.
    pub target_reached: Option<YearMonth>,
    /// Whether that happened by December of the target year.
    pub target_met: bool,
    pub totals: Totals,
    pub warnings: Vec<Warning>,
}

impl Outcome {
    pub fn last_month(&self) -> &MonthResult {
        &self.months[self.months.len() - 1]
    }
}

/// Tenure of the covered cohort, for the 36-month scholarship rule. Cohorts are kept in
/// enrolment order and scaled together when workers leave (a statistical approximation).
struct Tenure {
    cohorts: Vec<(i64, f64)>,
    scale: f64,
    total_raw: f64,
    tenured_raw: f64,
    next: usize,
}

impl Tenure {
    fn new(mut starting: Vec<(i64, f64)>) -> Self {
        starting.sort_by_key(|c| c.0);
        let total_raw = starting.iter().map(|c| c.1).sum();
        Self {
            cohorts: starting,
            scale: 1.0,
            total_raw,
            tenured_raw: 0.0,
            next: 0,
        }
    }

    /// Records that `survivors` of the tracked workers remain and `new` joined in month `t`,
    /// and returns the share with at least `min_months` of membership.
    fn step(&mut self, t: i64, survivors: u64, new: u64, min_months: i64) -> f64 {
        let tracked = self.total_raw * self.scale;
        if survivors == 0 || tracked <= 0.0 {
            *self = Tenure::new(Vec::new());
        } else {
            self.scale *= survivors as f64 / tracked;
        }
        if new > 0 {
            let raw = new as f64 / self.scale;
            self.cohorts.push((t, raw));
            self.total_raw += raw;
        }
        while self.next < self.cohorts.len() && self.cohorts[self.next].0 <= t - min_months {
            self.tenured_raw += self.cohorts[self.next].1;
            self.next += 1;
        }
        if self.total_raw > 0.0 {
            (self.tenured_raw / self.total_raw).clamp(0.0, 1.0)
        } else {
            0.0
        }
    }
}

/// Per-year running sums.
#[derive(Default)]
struct YearSums {
    months: u32,
    new_enrolments: u64,
    lapses: u64,
    contributions: Vec<Rupiah>,
    programmes: Contribution,
    deaths: f64,
    accidents: f64,
    benefits: Rupiah,
    worker_months: u64,
    cover_lost: u64,
}

fn round_u64(x: Decimal) -> u64 {
    x.round().to_u64().unwrap_or(0)
}

fn floor_u64(x: Decimal) -> u64 {
    x.floor().to_u64().unwrap_or(0)
}

/// How many workers `money` pays for at `per_worker` each (all of them when free).
/// Exact integer division of the two decimals' mantissas at a common scale; the slower
/// Decimal division is only the fallback for values too large to align.
fn affordable(money: Rupiah, per_worker: Rupiah) -> u64 {
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

/// Runs the scenario month by month.
pub fn simulate(params: &Parameters, valid: &ValidScenario) -> Outcome {
    let sc = valid.scenario();
    let n = sc.sources.len();
    let start = sc.horizon.start;
    let total_months = sc.horizon.months();
    let rates = Rates::from_scenario(sc);
    let lag = sc.risk.claim_lag_months as usize;
    let min_tenure = params
        .scholarship_min_membership
        .at(start)
        .to_i64()
        .unwrap_or(36);
    let monthly_lapse = sc.enrolment.lapse_rate / Decimal::from(12);
    let monthly_return = sc.risk.jht_return / Decimal::from(12);

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
    let mut tenure = Tenure::new(starting_cohorts);
    let mut population = sc.region.vulnerable_workers;
    let mut list = sc.enrolment.listed;
    let mut relist = 0u64;
    let mut lapse_carry = Decimal::ZERO;
    let mut yield_carry = Decimal::ZERO;
    let mut waiting = 0u64;
    let mut plans: Vec<YearPlan> = vec![YearPlan::idle(); n];
    let mut left = vec![Decimal::ZERO; n];
    let mut pending = vec![Decimal::ZERO; total_months as usize + lag + 1];
    let mut amounts = risk::BenefitAmounts::at(params, sc, start);
    let mut costs = funding::YearCosts::new(params, sc, start.year);
    let mut jht_balance = Decimal::ZERO;
    let mut cumulative = Decimal::ZERO;
    let mut target_reached = None;
    let mut binding_months = 0u32;
    let mut first_binding = None;

    let mut months = Vec::with_capacity(total_months as usize);
    let mut years = Vec::with_capacity(sc.horizon.years as usize + 1);
    let mut sums = YearSums {
        contributions: vec![Decimal::ZERO; n],
        ..Default::default()
    };

    for t in 0..total_months {
        let date = start.plus_months(t);
        let m = (date.month - 1) as usize;

        if t == 0 || date.month == 1 {
            if t > 0 {
                let grown = Decimal::from(sc.region.vulnerable_workers)
                    * funding::growth_factor(
                        sc.region.worker_growth,
                        (date.year - start.year) as u32,
                    );
                let grown = round_u64(grown).max(1);
                if grown > population {
                    // Enough new list entries to yield the new workers.
                    list += round_u64(
                        Decimal::from(grown - population) / sc.enrolment.verification_yield,
                    );
                } else {
                    let known = workers.iter().sum::<u64>() + waiting;
                    let excess = known.saturating_sub(grown);
                    let from_waiting = excess.min(waiting);
                    waiting -= from_waiting;
                    remove_workers(&mut workers, &order, excess - from_waiting);
                }
                population = grown;
            }
            amounts = risk::BenefitAmounts::at(params, sc, date);
            costs = funding::YearCosts::new(params, sc, date.year);
            for (i, s) in sc.sources.iter().enumerate() {
                plans[i] = funding::year_plan(&costs, sc, s, date.year, start);
                left[i] = plans[i].budget;
            }
            // Carried workers stay with their source while it can pay for the rest of the year;
            // the others move to sources with room, in priority order, or lose cover.
            let mut excess = 0u64;
            for &i in &order {
                let p = &plans[i];
                let keep = if p.funded[m] {
                    workers[i]
                        .min(p.cap)
                        .min(affordable(left[i], p.remaining[m]))
                } else {
                    0
                };
                excess += workers[i] - keep;
                workers[i] = keep;
                left[i] -= Decimal::from(keep) * p.remaining[m];
            }
            for &i in &order {
                let p = &plans[i];
                if excess == 0 || !p.funded[m] {
                    continue;
                }
                let take = excess
                    .min(p.cap.saturating_sub(workers[i]))
                    .min(affordable(left[i], p.remaining[m]));
                workers[i] += take;
                left[i] -= Decimal::from(take) * p.remaining[m];
                excess -= take;
            }
            waiting += excess;
            sums.cover_lost += excess;
        }

        // Lapses: a share of all verified workers (covered and waiting) leave each month.
        let covered_before: u64 = workers.iter().sum();
        let known = covered_before + waiting;
        // Fractions of a worker carry over to the next month, so small groups lapse too.
        let expected = Decimal::from(known) * monthly_lapse + lapse_carry;
        let lapses = floor_u64(expected).min(known);
        lapse_carry = expected - Decimal::from(lapses);
        let from_covered = if known == 0 {
            0
        } else {
            ((u128::from(lapses) * u128::from(covered_before) * 2 + u128::from(known))
                / (u128::from(known) * 2)) as u64
        };
        let from_covered = from_covered
            .min(covered_before)
            .max(lapses.saturating_sub(waiting));
        waiting -= lapses - from_covered;
        let per_source = remove_workers(&mut workers, &order, from_covered);
        for (i, gone) in per_source.into_iter().enumerate() {
            left[i] += Decimal::from(gone) * plans[i].remaining[m];
        }
        if sc.enrolment.reenrol {
            relist += lapses;
        }

        // Verification: lapsed workers who may re-enrol are re-checked first (they are known
        // to be eligible); then raw list entries, of which only the yield is eligible.
        let rechecked = sc.enrolment.verification_per_month.min(relist);
        relist -= rechecked;
        let checked = (sc.enrolment.verification_per_month - rechecked).min(list);
        list -= checked;
        // Fractions of an eligible worker carry over, so small monthly capacities still find people.
        let found = Decimal::from(checked) * sc.enrolment.verification_yield + yield_carry;
        let eligible = rechecked + floor_u64(found);
        yield_carry = found - Decimal::from(floor_u64(found));
        let covered_now: u64 = workers.iter().sum();
        let room = population.saturating_sub(covered_now + waiting);
        waiting += eligible.min(room);

        // Enrolment by priority, limited by verified workers, caps and the money left. The
        // division that counts affordable workers runs only when money is short.
        let mut new_enrolments = 0u64;
        for &i in &order {
            let p = &plans[i];
            if waiting == 0 {
                break;
            }
            let room = p.cap.saturating_sub(workers[i]);
            if !p.funded[m] || room == 0 {
                continue;
            }
            let want = room.min(waiting);
            let take = if left[i] >= Decimal::from(want) * p.remaining[m] {
                want
            } else {
                affordable(left[i], p.remaining[m]).min(want)
            };
            workers[i] += take;
            left[i] -= Decimal::from(take) * p.remaining[m];
            waiting -= take;
            new_enrolments += take;
        }
        let covered: u64 = workers.iter().sum();
        let unverified = population.saturating_sub(covered + waiting);
        // Verification binds when verified workers ran out while some source could pay for one more.
        let money_for_more = || {
            order.iter().any(|&i| {
                let p = &plans[i];
                p.funded[m] && p.cap > workers[i] && left[i] >= p.remaining[m]
            })
        };
        if waiting == 0 && unverified > 0 && money_for_more() {
            binding_months += 1;
            first_binding.get_or_insert(date);
        }

        // Payments.
        // Every paying source pays either the full or the discounted rate: split the programmes
        // once per rate instead of once per source.
        let mut by_source = vec![Decimal::ZERO; n];
        let (mut at_full, mut at_discount) = (0u64, 0u64);
        for i in 0..n {
            if workers[i] == 0 {
                continue;
            }
            by_source[i] = Decimal::from(workers[i]) * plans[i].cost[m].total();
            if sc.sources[i].discount {
                at_discount += workers[i];
            } else {
                at_full += workers[i];
            }
        }
        let programmes = split_by_programme(&costs, m, at_full, at_discount);
        let paid = programmes.total();
        cumulative += paid;

        // Expected events and the benefits they lead to, paid after the claim lag.
        let tenured = tenure.step(
            i64::from(t),
            covered - new_enrolments,
            new_enrolments,
            min_tenure,
        );
        let events = risk::expected_events(&rates, covered, tenured);
        pending[t as usize + lag] += risk::expected_benefits_f64(&rates, &amounts, &events);
        let benefits_paid = pending[t as usize];
        jht_balance = (jht_balance * (Decimal::ONE + monthly_return) + programmes.jht).round_dp(2);

        if target_reached.is_none()
            && Decimal::from(covered) >= sc.target.coverage * Decimal::from(population)
        {
            target_reached = Some(date);
        }

        sums.months += 1;
        sums.new_enrolments += new_enrolments;
        sums.lapses += lapses;
        for (sum, paid) in sums.contributions.iter_mut().zip(&by_source) {
            *sum += paid;
        }
        sums.programmes.jkk += programmes.jkk;
        sums.programmes.jkm += programmes.jkm;
        sums.programmes.jht += programmes.jht;
        sums.deaths += events.deaths;
        sums.accidents += events.accidents;
        sums.benefits += benefits_paid;
        sums.worker_months += covered;

        months.push(MonthResult {
            date,
            population,
            covered,
            covered_by_source: workers.clone(),
            new_enrolments,
            lapses,
            waiting,
            unverified,
            contributions_by_source: by_source,
            contributions: programmes,
            expected_deaths: events.deaths,
            expected_accidents: events.accidents,
            benefits_paid,
            cumulative_cost: cumulative,
        });

        if date.month == 12 || t + 1 == total_months {
            let finished = std::mem::replace(
                &mut sums,
                YearSums {
                    contributions: vec![Decimal::ZERO; n],
                    ..Default::default()
                },
            );
            years.push(close_year(
                date.year,
                finished,
                &months[months.len() - 1],
                &plans,
                &left,
                jht_balance,
            ));
        }
    }

    let totals = totals(&years, n, jht_balance);
    let warnings = warnings(params, valid, &years, binding_months, first_binding);
    let target_met = target_reached.is_some_and(|d: YearMonth| d.year <= sc.target.year);
    Outcome {
        source_names: sc.sources.iter().map(|s| s.name.clone()).collect(),
        source_kinds: sc.sources.iter().map(|s| s.kind).collect(),
        months,
        years,
        target_reached,
        target_met,
        totals,
        warnings,
    }
}

/// Contributions by programme for `full` workers at the full rate and `discounted` workers
/// at the PP 50/2025 rate, in calendar month index `m`.
fn split_by_programme(
    costs: &funding::YearCosts,
    m: usize,
    full: u64,
    discounted: u64,
) -> Contribution {
    let (f, d) = (Decimal::from(full), Decimal::from(discounted));
    let (cf, cd) = (costs.full[m], costs.discounted[m]);
    Contribution {
        jkk: f * cf.jkk + d * cd.jkk,
        jkm: f * cf.jkm + d * cd.jkm,
        jht: f * cf.jht + d * cd.jht,
    }
}

/// Removes `count` covered workers, spread over sources in proportion to what they hold.
/// Returns how many each source lost.
fn remove_workers(workers: &mut [u64], order: &[usize], count: u64) -> Vec<u64> {
    let total: u64 = workers.iter().sum();
    let mut gone = vec![0u64; workers.len()];
    if total == 0 || count == 0 {
        return gone;
    }
    let count = count.min(total);
    let mut removed = 0;
    for &i in order {
        let share = (u128::from(count) * u128::from(workers[i]) / u128::from(total)) as u64;
        gone[i] = share;
        removed += share;
    }
    // The rounding remainder comes from the lowest-priority sources first.
    for &i in order.iter().rev() {
        if removed == count {
            break;
        }
        let extra = (workers[i] - gone[i]).min(count - removed);
        gone[i] += extra;
        removed += extra;
    }
    for i in 0..workers.len() {
        workers[i] -= gone[i];
    }
    gone
}

fn close_year(
    year: i32,
    s: YearSums,
    last: &MonthResult,
    plans: &[YearPlan],
    left: &[Rupiah],
    jht: Rupiah,
) -> YearResult {
    let contributions_total: Rupiah = s.contributions.iter().sum();
    let unspent_by_source: Vec<Rupiah> = left.iter().map(|l| l.round_dp(0)).collect();
    YearResult {
        year,
        months: s.months,
        population_end: last.population,
        workers_covered_end: last.covered,
        coverage_ratio: ratio(last.covered, last.population),
        covered_by_source_end: last.covered_by_source.clone(),
        new_enrolments: s.new_enrolments,
        lapses: s.lapses,
        waitlist: last.waiting,
        unverified: last.unverified,
        contributions_total,
        contributions_by_source: s.contributions,
        contributions_jkk: s.programmes.jkk,
        contributions_jkm: s.programmes.jkm,
        contributions_jht: s.programmes.jht,
        budget_by_source: plans.iter().map(|p| p.budget).collect(),
        unspent_total: unspent_by_source.iter().sum(),
        unspent_by_source,
        expected_deaths: s.deaths,
        expected_accidents: s.accidents,
        benefits_paid: s.benefits,
        jht_balance_end: jht,
        cumulative_cost: last.cumulative_cost,
        worker_months: s.worker_months,
        cost_per_worker_year: per_worker_year(contributions_total, s.worker_months),
        cover_lost: s.cover_lost,
    }
}

/// `part / whole`, to four decimals.
pub fn ratio(part: u64, whole: u64) -> Decimal {
    if whole == 0 {
        return Decimal::ZERO;
    }
    (Decimal::from(part) / Decimal::from(whole)).round_dp(4)
}

fn per_worker_year(cost: Rupiah, worker_months: u64) -> Option<Rupiah> {
    (worker_months > 0)
        .then(|| (cost * Decimal::from(12) / Decimal::from(worker_months)).round_dp(0))
}

fn totals(years: &[YearResult], n: usize, jht: Rupiah) -> Totals {
    let mut by_source = vec![Decimal::ZERO; n];
    for y in years {
        for (i, c) in y.contributions_by_source.iter().enumerate() {
            by_source[i] += c;
        }
    }
    let contributions: Rupiah = years.iter().map(|y| y.contributions_total).sum();
    let insurance: Rupiah = years
        .iter()
        .map(|y| y.contributions_jkk + y.contributions_jkm)
        .sum();
    let benefits: Rupiah = years.iter().map(|y| y.benefits_paid).sum();
    let worker_months = years.iter().map(|y| y.worker_months).sum();
    Totals {
        contributions,
        contributions_by_source: by_source,
        benefits_paid: benefits,
        benefit_cost_ratio: (insurance > Decimal::ZERO).then(|| (benefits / insurance).round_dp(4)),
        worker_months,
        cost_per_worker_year: per_worker_year(contributions, worker_months),
        expected_deaths: years.iter().map(|y| y.expected_deaths).sum(),
        unspent: years.iter().map(|y| y.unspent_total).sum(),
        jht_balance_end: jht,
    }
}

fn warnings(
    params: &Parameters,
    sc: &ValidScenario,
    years: &[YearResult],
    binding_months: u32,
    first_binding: Option<YearMonth>,
) -> Vec<Warning> {
    let mut out = Vec::new();
    let cap = params.dana_desa_blt_cap.at(sc.horizon.start);
    for s in &sc.sources {
        if s.kind == SourceKind::DanaDesa && sc.region.desa == 0 {
            out.push(Warning::DanaDesaWithoutDesa {
                source: s.name.clone(),
            });
        }
        if let Amount::DanaDesa { share, .. } = s.amount {
            if share > cap {
                out.push(Warning::DanaDesaAboveCap {
                    source: s.name.clone(),
                    share,
                    cap,
                });
            }
        }
    }
    if let Some(first) = first_binding {
        out.push(Warning::VerificationBinding {
            months: binding_months,
            first,
        });
    }
    for (i, s) in sc.sources.iter().enumerate() {
        let amount: Rupiah = years.iter().map(|y| y.unspent_by_source[i]).sum();
        if amount > Decimal::ZERO {
            out.push(Warning::BudgetUnspent {
                source: s.name.clone(),
                amount,
            });
        }
    }
    for y in years.iter().filter(|y| y.cover_lost > 0) {
        out.push(Warning::CoverLost {
            year: y.year,
            workers: y.cover_lost,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

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
