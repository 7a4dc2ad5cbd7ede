//! The integer monthly loop reconciled, to the Rupiah, with `Decimal` arithmetic done here:
//! from an outcome's worker counts and the `Decimal` prices of `funding` (`year_plans`,
//! `YearCosts`, `co_funded`, `split_by_programme`), each month's contributions by source and
//! by programme, the cumulative cost, each year's sums, budgets and money left, and the JHT
//! balance are recomputed and must be equal. Nothing here calls back into the loop.

use payung::engine::funding::{self, YearCosts, YearPlan};
use payung::engine::parameters::Contribution;
use payung::engine::scenario::{Amount, CoFundPart, FundingSource};
use payung::engine::{presets, simulate, Outcome, Parameters, Scenario, YearMonth};
use proptest::prelude::*;
use rust_decimal::Decimal;

fn params() -> Parameters {
    Parameters::embedded().unwrap()
}

/// A share with 2 to 4 decimals, so that money is not always whole Rupiah.
fn share() -> impl Strategy<Value = Decimal> {
    (0u32..3, 0i64..=10_000).prop_map(|(extra, n)| Decimal::new(n, 4).round_dp(2 + extra))
}

prop_compose! {
    fn scenario()(
        preset in 0..presets::IDS.len(),
        start_month in 1..=12u8,
        years in 1..8u32,
        workers in 50u64..120_000,
        lapse_micro in 0i64..=400_000,
        lapse_scale in 2u32..=6,
        yield_pct in 10i64..=100,
        capacity in 0u64..20_000,
        reenrol in any::<bool>(),
        jht in any::<bool>(),
        jht_return in 0i64..=100,
        budget_pct in 0i64..300,
        cap in prop::option::of(0u64..60_000),
        co_fund in prop::option::of((share(), any::<bool>())),
        set_year in prop::option::of((0i32..3, 0i64..5_000_000_000_000, 0u32..3)),
        discount in any::<bool>(),
    ) -> Scenario {
        let mut sc = presets::load(presets::IDS[preset]).unwrap();
        sc.groups.clear();
        for s in &mut sc.sources {
            s.groups.clear();
            if let Amount::Rupiah { yearly } = &mut s.amount {
                *yearly = (*yearly * Decimal::new(budget_pct, 2)).round_dp(0);
            }
            s.discount = discount && !s.kind.is_public_budget();
        }
        for c in &mut sc.region.covered_at_start {
            c.group = None;
        }
        sc.horizon.start = YearMonth::new(sc.horizon.start.year, start_month);
        sc.horizon.years = years;
        sc.region.vulnerable_workers = workers.max(sc.region.covered_at_start.iter().map(|c| c.workers).sum());
        sc.enrolment.lapse_rate = Decimal::new(lapse_micro, 6).round_dp(lapse_scale);
        sc.enrolment.verification_yield = Decimal::new(yield_pct, 2);
        sc.enrolment.verification_per_month = capacity;
        sc.enrolment.reenrol = reenrol;
        sc.programmes.jht = jht;
        sc.risk.jht_return = Decimal::new(jht_return, 3);
        sc.sources[0].cap_workers = cap;
        if let Some((year, amount, dp)) = set_year {
            // An amount set by year, with up to two decimals.
            let year = sc.horizon.start.year + year;
            sc.sources[0].by_year.insert(year, Decimal::new(amount, 2).round_dp(dp));
        }
        if let Some((share, jht_only)) = co_fund {
            let mut helper: FundingSource = sc.sources[0].clone();
            helper.name = "Co-funder".into();
            helper.amount = Amount::CoFund {
                share,
                of: None,
                part: if jht_only { CoFundPart::Jht } else { CoFundPart::All },
            };
            helper.by_year.clear();
            helper.cap_workers = None;
            sc.sources.push(helper);
        }
        let last = sc.horizon.last_month().year;
        sc.target.year = sc.target.year.clamp(sc.horizon.start.year, last);
        sc
    }
}

/// One fiscal year's `Decimal` prices for the scenario's one group.
struct Prices {
    costs: YearCosts,
    plans: Vec<YearPlan>,
}

fn prices(p: &Parameters, sc: &Scenario, year: i32) -> Prices {
    let costs = YearCosts::for_programmes(
        p,
        &sc.effective_groups()[0].programmes(sc.programmes.jht),
        year,
    );
    let plans = funding::year_plans(&costs, sc, "", year, sc.horizon.start);
    Prices { costs, plans }
}

/// Each source's contribution in one month, from its covered workers.
fn by_source(sc: &Scenario, pr: &Prices, m: usize, covered: &[u64]) -> Vec<Decimal> {
    let mut paid: Vec<Decimal> = covered
        .iter()
        .zip(&pr.plans)
        .map(|(&w, plan)| Decimal::from(w) * plan.cost[m].total())
        .collect();
    for (i, helper) in sc.sources.iter().enumerate() {
        if helper.co_funding().is_none() || !pr.plans[i].funded[m] {
            continue;
        }
        for (j, helped) in sc.sources.iter().enumerate() {
            if helper.co_funds(helped) && covered[j] > 0 {
                let base = if helped.discount {
                    &pr.costs.discounted[m]
                } else {
                    &pr.costs.full[m]
                };
                paid[i] += funding::co_funded(helper, base, covered[j]);
            }
        }
    }
    paid
}

fn reconcile(p: &Parameters, sc: &Scenario, o: &Outcome) -> Result<(), TestCaseError> {
    let monthly_growth = Decimal::ONE + sc.risk.jht_return / Decimal::from(12);
    let (mut cumulative, mut jht) = (Decimal::ZERO, Decimal::ZERO);
    for y in &o.years {
        let pr = prices(p, sc, y.year);
        let months: Vec<_> = o.months.iter().filter(|m| m.date.year == y.year).collect();
        let n = sc.sources.len();
        let (mut paid_year, mut own_cost) = (vec![Decimal::ZERO; n], vec![Decimal::ZERO; n]);
        let mut programmes = Contribution::default();
        for month in &months {
            let m = usize::from(month.date.month - 1);
            let paid = by_source(sc, &pr, m, &month.covered_by_source);
            prop_assert_eq!(
                &month.contributions_by_source,
                &paid,
                "{} by source",
                month.date
            );
            let (mut full, mut discounted) = (0u64, 0u64);
            for (i, &w) in month.covered_by_source.iter().enumerate() {
                if sc.sources[i].discount {
                    discounted += w;
                } else {
                    full += w;
                }
                own_cost[i] += Decimal::from(w) * pr.plans[i].cost[m].total();
                paid_year[i] += paid[i];
            }
            let split = funding::split_by_programme(&pr.costs, m, full, discounted);
            prop_assert_eq!(month.contributions, split, "{} by programme", month.date);
            prop_assert_eq!(
                paid.iter().sum::<Decimal>(),
                split.total(),
                "{} sums",
                month.date
            );
            cumulative += split.total();
            prop_assert_eq!(
                month.cumulative_cost,
                cumulative,
                "{} cumulative",
                month.date
            );
            jht = (jht * monthly_growth + split.jht).round_dp(2);
            programmes.jkk += split.jkk;
            programmes.jkm += split.jkm;
            programmes.jht += split.jht;
        }
        prop_assert_eq!(&y.contributions_by_source, &paid_year, "{} paid", y.year);
        prop_assert_eq!(y.contributions_total, paid_year.iter().sum::<Decimal>());
        prop_assert_eq!(y.contributions_jkk, programmes.jkk);
        prop_assert_eq!(y.contributions_jkm, programmes.jkm);
        prop_assert_eq!(y.contributions_jht, programmes.jht);
        prop_assert_eq!(y.jht_balance_end, jht, "{} JHT balance", y.year);
        // Money left: the budget less what its workers cost this year, less what the
        // workers covered in the last simulated month are committed for until December.
        let last = months[months.len() - 1];
        let after = usize::from(last.date.month);
        for (i, source) in sc.sources.iter().enumerate() {
            let plan = &pr.plans[i];
            let budget = if source.co_funding().is_some() {
                paid_year[i]
            } else {
                plan.budget
            };
            prop_assert_eq!(y.budget_by_source[i], budget, "{} budget of {}", y.year, i);
            let left = plan.budget
                - own_cost[i]
                - Decimal::from(last.covered_by_source[i]) * plan.remaining[after];
            prop_assert_eq!(
                y.unspent_by_source[i],
                left.round_dp(0),
                "{} left by {}",
                y.year,
                i
            );
        }
    }
    prop_assert_eq!(o.totals.jht_balance_end, jht);
    prop_assert_eq!(o.totals.contributions, cumulative);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn the_integer_loop_reconciles_with_decimal_prices_to_the_rupiah(sc in scenario()) {
        let p = params();
        let valid = sc.clone().validate(&p);
        prop_assume!(valid.is_ok());
        let outcome = simulate(&p, &valid.unwrap());
        reconcile(&p, &sc, &outcome)?;
    }
}

#[test]
fn money_with_decimals_reconciles_too() {
    // A co-funder paying 12.3% and an amount set with sen: money is not whole Rupiah.
    let p = params();
    let mut sc = presets::load("ambon").unwrap();
    let mut helper = sc.sources[0].clone();
    helper.name = "Baznas".into();
    helper.amount = Amount::CoFund {
        share: Decimal::new(123, 3),
        of: None,
        part: CoFundPart::All,
    };
    sc.sources.push(helper);
    let year = sc.horizon.start.year + 1;
    sc.sources[0]
        .by_year
        .insert(year, Decimal::new(12_345_678_901_234, 2));
    let outcome = simulate(&p, &sc.clone().validate(&p).unwrap());
    let fractional = |y: &payung::engine::YearResult| {
        y.contributions_by_source
            .iter()
            .any(|c| !c.fract().is_zero())
    };
    assert!(outcome.years.iter().any(fractional));
    reconcile(&p, &sc, &outcome).unwrap();
}
