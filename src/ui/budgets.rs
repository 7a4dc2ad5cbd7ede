//! What a source card and the plan show about money by year, computed but not drawn: each
//! fiscal year's amount of a Rupiah source (set for the year, or grown, or pro-rated in a late
//! first year), what a Dana Desa source yields and how many workers that pays for, and what
//! keeps a plan's year short of its step. The engine's rules (`funding::rupiah_budget`)
//! decide the amounts; this module only gathers them for the screen. Tested on the host.

use crate::engine::funding::{growth_factor, rupiah_budget};
use crate::engine::plan::Plan;
use crate::engine::scenario::{Amount, Scenario};
use crate::engine::Parameters;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use std::collections::BTreeMap;

/// One fiscal year's money of a Rupiah source.
#[derive(Clone, Debug, PartialEq)]
pub struct YearAmount {
    pub year: i32,
    /// What the year gets, in whole Rupiah.
    pub amount: Decimal,
    /// Whether the amount is set for this year (an override of yearly × growth).
    pub set: bool,
    /// Months paid in a first year that starts after January (the amount is pro-rated).
    pub prorated_months: Option<u8>,
}

/// The fiscal years inside the horizon, first to last (empty for a zero-length horizon).
pub fn horizon_years(sc: &Scenario) -> std::ops::RangeInclusive<i32> {
    let start = sc.horizon.start;
    let months = i64::from(sc.horizon.years) * 12;
    let last = start.year + ((i64::from(start.month) - 1 + months - 1).max(0) / 12) as i32;
    if months == 0 {
        return start.year..=start.year - 1;
    }
    start.year..=last
}

/// Each horizon year source `i` pays in, with its amount; empty unless it is a Rupiah source.
pub fn amounts_by_year(sc: &Scenario, i: usize) -> Vec<YearAmount> {
    let Some(s) = sc.sources.get(i) else {
        return Vec::new();
    };
    let Amount::Rupiah { yearly } = s.amount else {
        return Vec::new();
    };
    horizon_years(sc)
        .filter(|y| *y >= s.first_year && s.last_year.is_none_or(|l| *y <= l))
        .map(|year| {
            let factor = growth_factor(s.growth, (year - s.first_year).max(0) as u32);
            let set = s.by_year.contains_key(&year);
            let late_start = year == s.first_year && s.first_month > 1;
            YearAmount {
                year,
                amount: rupiah_budget(s, yearly, year, factor),
                set,
                prorated_months: (late_start && !set).then(|| 13 - s.first_month.min(12)),
            }
        })
        .collect()
}

/// What a Dana Desa source yields in its first year, and about how many workers that pays
/// for a whole year at the package cost of the horizon's first month.
#[derive(Clone, Debug, PartialEq)]
pub struct DanaDesaYield {
    /// desa × share × average per desa, whole Rupiah.
    pub yearly: Decimal,
    /// Worker-years that buys (rounded down); none when the package costs nothing.
    pub workers: Option<u64>,
}

/// The yield of source `i` when it is a Dana Desa source.
pub fn dana_desa_yield(params: &Parameters, sc: &Scenario, i: usize) -> Option<DanaDesaYield> {
    let s = sc.sources.get(i)?;
    let Amount::DanaDesa { share, per_desa } = s.amount else {
        return None;
    };
    let yearly = (Decimal::from(sc.region.desa) * share * per_desa).round_dp(0);
    let month = params
        .contribution(
            sc.horizon.start,
            sc.programmes.declared_income,
            sc.programmes.jht,
            s.discount,
        )
        .total();
    let workers = (month > Decimal::ZERO)
        .then(|| (yearly / (month * Decimal::from(12))).floor().to_u64())
        .flatten();
    Some(DanaDesaYield { yearly, workers })
}

/// What bapak asuh source `i` pays for: the workers its sponsors take on (ASN ×
/// participation × workers per sponsor, whole workers) and what a year of their premiums
/// costs at the first month's contribution.
pub fn bapak_asuh_yield(params: &Parameters, sc: &Scenario, i: usize) -> Option<DanaDesaYield> {
    let s = sc.sources.get(i)?;
    let Amount::BapakAsuh {
        participation,
        workers_per_sponsor,
    } = s.amount
    else {
        return None;
    };
    let workers = (Decimal::from(sc.region.asn) * participation * workers_per_sponsor)
        .floor()
        .to_u64()?;
    let month = params
        .contribution(
            sc.horizon.start,
            sc.programmes.declared_income,
            sc.programmes.jht,
            s.discount,
        )
        .total();
    let yearly = (Decimal::from(workers) * month * Decimal::from(12)).round_dp(0);
    Some(DanaDesaYield {
        yearly,
        workers: Some(workers),
    })
}

/// The amounts a plan sets for source `i`: the years it pays in, as the reducer writes them.
pub fn plan_amounts(plan: &Plan, i: usize) -> Vec<(i32, Decimal)> {
    plan.scenario
        .sources
        .get(i)
        .map(|s| s.by_year.iter().map(|(y, a)| (*y, *a)).collect())
        .unwrap_or_default()
}

/// Whether source `i` in `sc` already has exactly the plan's amounts by year.
pub fn plan_applied(sc: &Scenario, plan: &Plan, i: usize) -> bool {
    let planned: BTreeMap<i32, Decimal> = plan_amounts(plan, i).into_iter().collect();
    sc.sources.get(i).is_some_and(|s| s.by_year == planned)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::presets;
    use crate::engine::scenario::SourceKind;
    use crate::engine::YearMonth;

    #[test]
    fn a_late_first_year_is_pro_rated_and_an_override_wins() {
        let mut sc = presets::load("ambon").unwrap();
        let s = &mut sc.sources[0];
        let Amount::Rupiah { yearly } = s.amount else {
            panic!("Ambon's first source is APBD in Rupiah");
        };
        s.first_month = 10;
        s.growth = Decimal::ZERO;
        let first = s.first_year;
        s.by_year.insert(first + 1, Decimal::from(7));
        let rows = amounts_by_year(&sc, 0);
        assert_eq!(rows[0].prorated_months, Some(3));
        assert_eq!(
            rows[0].amount,
            (yearly * Decimal::from(3) / Decimal::from(12)).round_dp(0)
        );
        assert_eq!(rows[1].amount, Decimal::from(7));
        assert!(rows[1].set && !rows[0].set);
        assert_eq!(rows[2].amount, yearly.round_dp(0));
        assert_eq!(
            *rows.last().map(|r| &r.year).unwrap(),
            *horizon_years(&sc).end()
        );
    }

    #[test]
    fn only_rupiah_sources_have_amounts_by_year() {
        let params = Parameters::embedded().unwrap();
        let mut sc = presets::load("ambon").unwrap();
        let i = sc
            .sources
            .iter()
            .position(|s| s.kind == SourceKind::DanaDesa)
            .unwrap_or_else(|| {
                sc.add_source(SourceKind::DanaDesa, "Dana Desa", &params);
                sc.sources.len() - 1
            });
        assert!(amounts_by_year(&sc, i).is_empty());
        assert!(amounts_by_year(&sc, 99).is_empty());
        let y = dana_desa_yield(&params, &sc, i).unwrap();
        let Amount::DanaDesa { share, per_desa } = sc.sources[i].amount else {
            unreachable!()
        };
        assert_eq!(
            y.yearly,
            (Decimal::from(sc.region.desa) * share * per_desa).round_dp(0)
        );
        let cost = params
            .contribution(
                sc.horizon.start,
                sc.programmes.declared_income,
                sc.programmes.jht,
                sc.sources[i].discount,
            )
            .total();
        let workers = y.workers.unwrap();
        assert!(Decimal::from(workers) * cost * Decimal::from(12) <= y.yearly);
        assert!(Decimal::from(workers + 1) * cost * Decimal::from(12) > y.yearly);
    }

    #[test]
    fn horizon_years_span_a_start_after_january() {
        let mut sc = presets::load("ambon").unwrap();
        sc.horizon.start = YearMonth::new(2026, 7);
        sc.horizon.years = 2;
        assert_eq!(horizon_years(&sc), 2026..=2028);
        sc.horizon.years = 0;
        assert!(horizon_years(&sc).is_empty());
    }
}
