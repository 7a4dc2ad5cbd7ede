//! Expected deaths, accidents and the benefits families receive.
//!
//! This is the engine's one statistical part. Expected counts and the expected Rupiah
//! they lead to are `f64` inside `expected_benefits_f64`; the result becomes whole Rupiah
//! (`Decimal`) once per month. `tests/benefits.rs` reconciles it with the exact formula.

use super::calendar::YearMonth;
use super::parameters::Parameters;
use super::scenario::Scenario;
use super::Rupiah;
use rust_decimal::prelude::ToPrimitive;
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

/// The scenario's risk assumptions as per-worker-month rates for the statistical loop (all
/// zero by default: no events).
#[derive(Clone, Copy, Debug, Default)]
pub struct Rates {
    pub deaths_per_worker_month: f64,
    pub work_death_share: f64,
    pub accidents_per_worker_month: f64,
    pub claim_share: f64,
    pub scholarship_share: f64,
}

impl Rates {
    pub fn from_scenario(scenario: &Scenario) -> Self {
        Self::with_factor(scenario, Decimal::ONE)
    }

    /// The rates of a worker group whose deaths and accidents are `factor` times the
    /// scenario's assumptions.
    pub fn with_factor(scenario: &Scenario, factor: Decimal) -> Self {
        let r = &scenario.risk;
        Self {
            deaths_per_worker_month: f(r.deaths_per_thousand * factor) / 12_000.0,
            work_death_share: f(r.work_death_share),
            accidents_per_worker_month: f(r.accidents_per_thousand * factor) / 12_000.0,
            claim_share: f(r.claim_share),
            scholarship_share: f(r.scholarship_share),
        }
    }
}

fn f(d: Decimal) -> f64 {
    d.to_f64().unwrap_or(0.0)
}

/// What one claimed event pays, in Rupiah, under the parameters of a given month.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BenefitAmounts {
    /// A non-work death: JKM lump sum + periodic + funeral.
    pub jkm_death: Rupiah,
    /// A work-accident death: multiple × income + funeral + periodic + expected scholarship.
    pub jkk_death: Rupiah,
    /// The expected scholarship for an eligible death.
    pub scholarship: Rupiah,
    pub accident: Rupiah,
}

impl BenefitAmounts {
    pub fn at(params: &Parameters, scenario: &Scenario, month: YearMonth) -> Self {
        Self::on_income(params, scenario, scenario.programmes.declared_income, month)
    }

    /// The amounts for a worker group declaring `income` (or paid it as a wage).
    pub fn on_income(
        params: &Parameters,
        scenario: &Scenario,
        income: Rupiah,
        month: YearMonth,
    ) -> Self {
        let funeral = params.funeral_benefit.at(month);
        let share = scenario.risk.scholarship_share;
        let scholarship = (params.scholarship_maximum.at(month) * share).round_dp(0);
        Self {
            jkm_death: params.jkm_lump_sum.at(month) + params.jkm_periodic.at(month) + funeral,
            jkk_death: params.jkk_death_multiple.at(month) * income
                + funeral
                + params.jkk_periodic.at(month)
                + scholarship,
            scholarship,
            accident: scenario.risk.accident_cost,
        }
    }
}

/// `BenefitAmounts` as `f64`, read once a year for the statistical estimate.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct AmountsF64 {
    pub jkm_death: f64,
    pub jkk_death: f64,
    pub scholarship: f64,
    pub accident: f64,
}

impl AmountsF64 {
    pub fn of(amounts: &BenefitAmounts) -> Self {
        Self {
            jkm_death: f(amounts.jkm_death),
            jkk_death: f(amounts.jkk_death),
            scholarship: f(amounts.scholarship),
            accident: f(amounts.accident),
        }
    }
}

/// The expected Rupiah that events in one month will cost once claimed and paid, computed
/// in `f64` (a statistical estimate) and returned as whole Rupiah.
pub fn expected_benefits_f64(
    rates: &Rates,
    amounts: &BenefitAmounts,
    events: &ExpectedEvents,
) -> Rupiah {
    Decimal::from(expected_whole_rupiah_f64(
        rates,
        &AmountsF64::of(amounts),
        events,
    ))
}

/// `expected_benefits_f64` as a whole number of Rupiah, for the integer monthly loop.
pub fn expected_whole_rupiah_f64(
    rates: &Rates,
    amounts: &AmountsF64,
    events: &ExpectedEvents,
) -> i64 {
    let non_work = events.deaths - events.work_deaths;
    let claimed = rates.claim_share;
    let rupiah =
        non_work * claimed * (amounts.jkm_death + events.tenured_share * amounts.scholarship)
            + events.work_deaths * claimed * amounts.jkk_death
            + events.accidents * amounts.accident;
    round_to_i64(rupiah)
}

/// `x.round() as i64` (half away from zero; `as` saturates, so even an absurd estimate
/// cannot panic) without a call to libm's `round`, which neither x86-64's baseline nor
/// wasm has as one instruction: below 2^52 the fraction `x - trunc(x)` is exact, and
/// beyond every `f64` is whole already.
fn round_to_i64(x: f64) -> i64 {
    const WHOLE_BEYOND: f64 = 4_503_599_627_370_496.0; // 2^52
    if x.abs() < WHOLE_BEYOND {
        let whole = x as i64;
        let fraction = x - whole as f64;
        whole + i64::from(fraction >= 0.5) - i64::from(fraction <= -0.5)
    } else {
        x as i64
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::presets;
    use rust_decimal::prelude::FromPrimitive;

    #[test]
    fn the_f64_estimate_reconciles_with_the_exact_formula() {
        let params = Parameters::embedded().unwrap();
        let sc = presets::load("bontang").unwrap();
        let rates = Rates::from_scenario(&sc);
        let month = YearMonth::new(2024, 1);
        let amounts = BenefitAmounts::at(&params, &sc, month);
        let events = expected_events(&rates, 34_782, 0.5);
        let got = expected_benefits_f64(&rates, &amounts, &events);
        // The same sum in exact decimals, from the same expected counts.
        let d = |x: f64| Decimal::from_f64(x).unwrap();
        let non_work = d(events.deaths - events.work_deaths);
        let exact =
            non_work * d(rates.claim_share) * (amounts.jkm_death + d(0.5) * amounts.scholarship)
                + d(events.work_deaths) * d(rates.claim_share) * amounts.jkk_death
                + d(events.accidents) * amounts.accident;
        assert!((got - exact).abs() <= Decimal::ONE, "{got} vs {exact}");
        assert_eq!(amounts.jkm_death, Decimal::from(42_000_000));
        assert_eq!(
            amounts.jkk_death - amounts.scholarship,
            Decimal::from(48_000_000 + 22_000_000)
        );
    }

    #[test]
    fn rounding_matches_f64_round_at_halves_and_edges() {
        let edges = [
            0.0,
            -0.0,
            0.5,
            -0.5,
            1.5,
            2.5,
            -2.5,
            0.499_999_999_999_999_94,
            -0.499_999_999_999_999_94,
            4_503_599_627_370_495.5,
            4_503_599_627_370_496.0,
            9_007_199_254_740_993.0,
            1e300,
            -1e300,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NAN,
            f64::MIN_POSITIVE,
        ];
        for x in edges {
            assert_eq!(round_to_i64(x), x.round() as i64, "{x:e}");
        }
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn rounding_matches_f64_round(bits in proptest::prelude::any::<u64>(), cents in -1e15f64..1e15) {
            for x in [f64::from_bits(bits), cents, cents / 100.0] {
                proptest::prop_assert_eq!(round_to_i64(x), x.round() as i64, "{:e}", x);
            }
        }
    }
}
