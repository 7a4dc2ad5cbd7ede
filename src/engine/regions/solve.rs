//! Goal-seek for a province plan: the smallest flat yearly amount of one of the province's
//! own APBD lines that brings the province (the sum of its kab/kota, each with its own
//! sources) to the plan's target by December of the target year and holds it to the end of
//! the horizon. Bisection over whole Rupiah, as `engine::solve` does for one region; sound
//! for the same reason: more money never lowers any kab/kota's coverage. It knows nothing
//! of how the answer is shown.

use super::plan::PlanError;
use super::province::{run_province, ProvinceAmount, ProvinceScenario};
use super::Catalogue;
use crate::engine::calendar::YearMonth;
use crate::engine::scenario::limits;
use crate::engine::{Parameters, Rupiah};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

/// The province's answer.
#[derive(Clone, Debug, PartialEq)]
pub struct ProvinceAnswer {
    /// The province source solved for.
    pub source: String,
    /// The smallest whole-Rupiah yearly amount that meets the target.
    pub yearly_amount: Rupiah,
    /// The first month the province reached the target with it.
    pub reached: YearMonth,
}

/// Why a province's target cannot be met by one of its sources.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum ProvinceSolveError {
    /// The plan itself does not validate.
    #[error(transparent)]
    Plan(#[from] PlanError),
    /// No province source has this name.
    #[error("the province has no source named `{0}`")]
    NoSuchSource(String),
    /// The source is not an APBD line with a yearly amount (BKBK, co-funding, quotas).
    #[error("`{0}` is not an APBD line with a yearly amount")]
    NotYearly(String),
    /// Even the largest amount allowed does not meet the target.
    #[error("even Rp {ceiling} a year from `{source_name}` does not bring the province to its target by {year}")]
    Unreachable {
        source_name: String,
        ceiling: Rupiah,
        year: i32,
    },
}

/// The smallest flat yearly amount of province source `name` that meets `plan`'s target.
pub fn solve_province(
    params: &Parameters,
    catalogue: &Catalogue,
    plan: &ProvinceScenario,
    name: &str,
) -> Result<ProvinceAnswer, ProvinceSolveError> {
    let index = plan
        .sources
        .iter()
        .position(|s| s.name == name)
        .ok_or_else(|| ProvinceSolveError::NoSuchSource(name.to_string()))?;
    if !matches!(plan.sources[index].amount, ProvinceAmount::Apbd { .. }) {
        return Err(ProvinceSolveError::NotYearly(name.to_string()));
    }
    let run = |yearly: Rupiah| -> Result<Option<YearMonth>, PlanError> {
        let mut p = plan.clone();
        p.sources[index].amount = ProvinceAmount::Apbd { yearly };
        let outcome = run_province(params, &p.validate(params, catalogue)?);
        let r = outcome.province;
        Ok(r.target_met.then_some(r.target_reached).flatten())
    };
    if let Some(reached) = run(Decimal::ZERO)? {
        return Ok(answer(name, Decimal::ZERO, reached));
    }
    // Double from a million until it works, up to the largest valid amount.
    let ceiling = limits::YEARLY_AMOUNT.max;
    let mut high = Decimal::from(1_000_000);
    let mut best = run(high)?;
    while best.is_none() && high < ceiling {
        high = (high * Decimal::TWO).min(ceiling);
        best = run(high)?;
    }
    let Some(mut reached) = best else {
        return Err(ProvinceSolveError::Unreachable {
            source_name: name.to_string(),
            ceiling,
            year: plan.target.year,
        });
    };
    // `low` never meets the target, `high` always does.
    let mut low = 0i128;
    let mut high = high.to_i128().unwrap_or(i128::MAX);
    while high - low > 1 {
        let mid = low + (high - low) / 2;
        match run(Decimal::from(mid))? {
            Some(r) => {
                high = mid;
                reached = r;
            }
            None => low = mid,
        }
    }
    Ok(answer(name, Decimal::from(high), reached))
}

fn answer(name: &str, yearly_amount: Rupiah, reached: YearMonth) -> ProvinceAnswer {
    ProvinceAnswer {
        source: name.to_string(),
        yearly_amount,
        reached,
    }
}
