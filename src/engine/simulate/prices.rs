//! A fiscal year's prices for one worker group in integer money units: each source's plan
//! (`funding::YearPlan`), the package by programme at the full and the discounted rate, and
//! what each co-funder owes per helped worker. They are read from the `Decimal` definitions
//! in `funding` once a year, exactly, so the monthly steps add and compare integers only.
//! It knows nothing of enrolment or of how months are stepped.

use crate::engine::exact::Units;
use crate::engine::funding::{self, YearCosts, YearPlan};
use crate::engine::parameters::Contribution;
use crate::engine::scenario::Scenario;

/// One source's plan for a group's workers, in units.
#[derive(Clone, Debug)]
pub(super) struct Price {
    pub budget: i128,
    pub cap: u64,
    /// Per-worker contribution in each month (index 0 = January).
    pub cost: [i128; 12],
    pub funded: [bool; 12],
    /// `remaining[m]`: what one worker enrolled in month m costs until December.
    pub remaining: [i128; 13],
}

impl Price {
    pub(super) fn idle() -> Self {
        Self {
            budget: 0,
            cap: 0,
            cost: [0; 12],
            funded: [false; 12],
            remaining: [0; 13],
        }
    }

    pub(super) fn of(units: Units, plan: &YearPlan) -> Self {
        Self {
            budget: units.of(plan.budget),
            cap: plan.cap,
            cost: std::array::from_fn(|m| units.of(plan.cost[m].total())),
            funded: plan.funded,
            remaining: std::array::from_fn(|m| units.of(plan.remaining[m])),
        }
    }
}

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
}

impl YearPrices {
    /// A group's prices before any year opens (nobody pays).
    pub(super) fn idle(sources: usize) -> Self {
        Self {
            plans: vec![Price::idle(); sources],
            full: [[0; 3]; 12],
            discounted: [[0; 3]; 12],
            co_funds: Vec::new(),
        }
    }

    /// The prices of `plans` made from `costs` (`funding::year_plans`).
    pub(super) fn of(units: Units, sc: &Scenario, costs: &YearCosts, plans: &[YearPlan]) -> Self {
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
        }
    }
}
