//! Expected deaths, accidents and the benefits families receive.
//!
//! This is the engine's one statistical part: expected counts are `f64` and become Rupiah
//! (`Decimal`, whole Rupiah) only when multiplied by a benefit. Tests reconcile the two.

use super::calendar::YearMonth;
use super::parameters::Parameters;
use super::scenario::Scenario;
use super::Rupiah;
use rust_decimal::prelude::{FromPrimitive, ToPrimitive};
use rust_decimal::Decimal;

/// Expected events among covered workers in one month.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct ExpectedEvents {
    pub deaths: f64,
    pub work_deaths: f64,
    pub accidents: f64,
    /// Share of covered workers with enough membership for a non-work-death scholarship.
    pub tenured_share: f64,
}

/// Monthly expected events for `covered` workers.
pub fn expected_events(risk: &Rates, covered: u64, tenured_share: f64) -> ExpectedEvents {
    let covered = covered as f64;
    let deaths = covered * risk.deaths_per_worker_month;
    ExpectedEvents {
        deaths,
        work_deaths: deaths * risk.work_death_share,
        accidents: covered * risk.accidents_per_worker_month,
        tenured_share,
    }
}

/// The scenario's risk assumptions as per-worker-month rates for the statistical loop.
#[derive(Clone, Copy, Debug)]
pub struct Rates {
    pub deaths_per_worker_month: f64,
    pub work_death_share: f64,
    pub accidents_per_worker_month: f64,
    pub claim_share: f64,
    pub scholarship_share: f64,
}

impl Rates {
    pub fn from_scenario(scenario: &Scenario) -> Self {
        let r = &scenario.risk;
        let f = |d: Decimal| d.to_f64().unwrap_or(0.0);
        Self {
            deaths_per_worker_month: f(r.deaths_per_thousand) / 12_000.0,
            work_death_share: f(r.work_death_share),
            accidents_per_worker_month: f(r.accidents_per_thousand) / 12_000.0,
            claim_share: f(r.claim_share),
            scholarship_share: f(r.scholarship_share),
        }
    }
}

/// The Rupiah that events occurring in `month` will cost BPJS once claimed and paid.
pub fn benefits_for(
    params: &Parameters,
    scenario: &Scenario,
    rates: &Rates,
    month: YearMonth,
    events: &ExpectedEvents,
) -> Rupiah {
    let income = scenario.programmes.declared_income;
    let funeral = params.funeral_benefit.at(month);
    let scholarship = params.scholarship_maximum.at(month) * money(rates.scholarship_share);
    let jkm_each = params.jkm_lump_sum.at(month) + params.jkm_periodic.at(month) + funeral;
    let jkk_each = params.jkk_death_multiple.at(month) * income
        + funeral
        + params.jkk_periodic.at(month)
        + scholarship;
    let non_work = events.deaths - events.work_deaths;
    let claimed = |n: f64| money(n * rates.claim_share);
    let jkm = claimed(non_work) * jkm_each + claimed(non_work * events.tenured_share) * scholarship;
    let jkk = claimed(events.work_deaths) * jkk_each;
    let accidents = money(events.accidents) * scenario.risk.accident_cost;
    (jkm + jkk + accidents).round_dp(0)
}

/// An expected count or share as a Decimal, to multiply with Rupiah.
fn money(x: f64) -> Decimal {
    Decimal::from_f64(x).unwrap_or_default()
}
