//! Regulatory parameters (rates, benefits, caps) as data with provenance.
//!
//! They live in `data/parameters.toml`, embedded at compile time: each has a description,
//! a unit, values by effective date and references to the regulation. The engine reads a
//! value with `Parameter::at(month)`; nothing here knows about scenarios.

use super::calendar::{Date, YearMonth};
use super::scenario::{Programmes, Scheme};
use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

mod periods;
pub use periods::RatesPeriod;

/// The embedded parameter file.
pub const PARAMETERS_TOML: &str = include_str!("../../data/parameters.toml");

/// The same, as JSON (build.rs), which the app reads.
const PARAMETERS_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/parameters.json"));

/// A link to the regulation or statement a value comes from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reference {
    pub title: String,
    pub href: String,
}

/// The unit a parameter is expressed in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    Ratio,
    RupiahPerMonth,
    Rupiah,
    Months,
    Multiple,
}

/// One regulated quantity and its history.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Parameter {
    pub description_id: String,
    pub description_en: String,
    pub unit: Unit,
    #[serde(deserialize_with = "dated_values")]
    pub values: Vec<(Date, Decimal)>,
    pub references: Vec<Reference>,
    /// Whether the values are estimates (derived or assumed), not figures a source states.
    #[serde(default)]
    pub estimate: bool,
}

impl Parameter {
    /// The value in force on the first day of `month`; before the first dated value, the
    /// first value applies (the file starts each parameter before any simulated date).
    pub fn at(&self, month: YearMonth) -> Decimal {
        let day = Date::first_of(month);
        self.values
            .iter()
            .take_while(|(from, _)| *from <= day)
            .last()
            .or_else(|| self.values.first())
            .map(|(_, value)| *value)
            .unwrap_or_default()
    }

    /// The date the value in force on `month` took effect.
    pub fn effective_since(&self, month: YearMonth) -> Option<Date> {
        let day = Date::first_of(month);
        self.values
            .iter()
            .take_while(|(from, _)| *from <= day)
            .last()
            .or_else(|| self.values.first())
            .map(|(from, _)| *from)
    }
}

fn dated_values<'de, D>(deserializer: D) -> Result<Vec<(Date, Decimal)>, D::Error>
where
    D: serde::Deserializer<'de>,
{
    let raw = BTreeMap::<String, Decimal>::deserialize(deserializer)?;
    raw.into_iter()
        .map(|(date, value)| {
            Date::parse(&date)
                .map(|d| (d, value))
                .ok_or_else(|| serde::de::Error::custom(format!("bad effective date `{date}`")))
        })
        .collect()
}

/// Every parameter the engine uses, by name (`Eq`, so that `Rc<Parameters>` compares by
/// pointer first).
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Parameters {
    pub jkk_rate: Parameter,
    pub jkk_minimum: Parameter,
    pub jkk_maximum: Parameter,
    pub jkm_contribution: Parameter,
    pub jht_rate: Parameter,
    pub income_minimum: Parameter,
    pub income_maximum: Parameter,
    pub pp50_discount: Parameter,
    pub jkm_lump_sum: Parameter,
    pub jkm_periodic: Parameter,
    pub funeral_benefit: Parameter,
    pub jkk_death_multiple: Parameter,
    pub jkk_periodic: Parameter,
    pub scholarship_maximum: Parameter,
    pub scholarship_min_membership: Parameter,
    pub dana_desa_blt_cap: Parameter,
    pub dana_desa_per_desa: Parameter,
    pub jkk_rate_wage_earner: Parameter,
    pub jkm_rate_wage_earner: Parameter,
    pub jht_rate_wage_earner: Parameter,
    pub pp50_discount_transport: Parameter,
    pub pp49_relief: Parameter,
    pub employed_share: Parameter,
    pub informal_share_national: Parameter,
    pub informal_share_papua: Parameter,
    pub informal_share_papua_barat: Parameter,
    pub vulnerable_share: Parameter,
}

/// Why the parameter file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ParameterError {
    /// The TOML is malformed or a parameter is missing a field.
    #[error("parameters.toml: {0}")]
    Parse(String),
}

/// What one worker-month costs, by programme, in Rupiah.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contribution {
    pub jkk: Decimal,
    pub jkm: Decimal,
    pub jht: Decimal,
}

impl Contribution {
    pub fn total(&self) -> Decimal {
        self.jkk + self.jkm + self.jht
    }
}

impl Parameters {
    /// Reads the embedded `data/parameters.toml`, as the JSON that build.rs made of it.
    pub fn embedded() -> Result<Self, ParameterError> {
        serde_json::from_str(PARAMETERS_JSON).map_err(|e| ParameterError::Parse(e.to_string()))
    }

    /// Parses parameters written as TOML (natively: tests, tools).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn from_toml(text: &str) -> Result<Self, ParameterError> {
        toml::from_str(text).map_err(|e| ParameterError::Parse(e.to_string()))
    }

    /// All parameters with their keys, for listing in the UI and checking in tests.
    pub fn all(&self) -> [(&'static str, &Parameter); 27] {
        [
            ("jkk_rate", &self.jkk_rate),
            ("jkk_minimum", &self.jkk_minimum),
            ("jkk_maximum", &self.jkk_maximum),
            ("jkm_contribution", &self.jkm_contribution),
            ("jht_rate", &self.jht_rate),
            ("income_minimum", &self.income_minimum),
            ("income_maximum", &self.income_maximum),
            ("pp50_discount", &self.pp50_discount),
            ("jkm_lump_sum", &self.jkm_lump_sum),
            ("jkm_periodic", &self.jkm_periodic),
            ("funeral_benefit", &self.funeral_benefit),
            ("jkk_death_multiple", &self.jkk_death_multiple),
            ("jkk_periodic", &self.jkk_periodic),
            ("scholarship_maximum", &self.scholarship_maximum),
            (
                "scholarship_min_membership",
                &self.scholarship_min_membership,
            ),
            ("dana_desa_blt_cap", &self.dana_desa_blt_cap),
            ("dana_desa_per_desa", &self.dana_desa_per_desa),
            ("jkk_rate_wage_earner", &self.jkk_rate_wage_earner),
            ("jkm_rate_wage_earner", &self.jkm_rate_wage_earner),
            ("jht_rate_wage_earner", &self.jht_rate_wage_earner),
            ("pp50_discount_transport", &self.pp50_discount_transport),
            ("pp49_relief", &self.pp49_relief),
            ("employed_share", &self.employed_share),
            ("informal_share_national", &self.informal_share_national),
            ("informal_share_papua", &self.informal_share_papua),
            (
                "informal_share_papua_barat",
                &self.informal_share_papua_barat,
            ),
            ("vulnerable_share", &self.vulnerable_share),
        ]
    }

    /// The per-worker contribution in `month` for a BPU member outside the transport sector
    /// with declared `income` (see `contribution_for`).
    pub fn contribution(
        &self,
        month: YearMonth,
        income: Decimal,
        jht: bool,
        discounted: bool,
    ) -> Contribution {
        let programmes = Programmes {
            jht,
            declared_income: income,
            scheme: Scheme::Bpu,
            transport: false,
        };
        self.contribution_for(month, &programmes, discounted)
    }

    /// The per-worker contribution in `month` under `programmes`.
    ///
    /// - BPU: JKK a share of declared income within its minimum and maximum, JKM a flat
    ///   amount, JHT (optional) a share of declared income.
    /// - Wage earners: JKK, JKM and JHT as shares of the wage (`declared_income`).
    /// - `discounted` says whether PP 50/2025's discount may apply to the payer (never to
    ///   APBD/APBN money); it cuts BPU JKK and JKM only, in the transport window or the general
    ///   one. PP 49/2020's relief cuts every member's JKK and JKM in its months.
    ///
    /// Rounding: BPJS bills whole Rupiah, so each programme's monthly amount is rounded to the
    /// nearest Rupiah (halves up) after any discount or relief.
    pub fn contribution_for(
        &self,
        month: YearMonth,
        programmes: &Programmes,
        discounted: bool,
    ) -> Contribution {
        let income = programmes.declared_income;
        let (jkk, jkm, jht_rate, discount) = match programmes.scheme {
            Scheme::Bpu => {
                let jkk = (self.jkk_rate.at(month) * income)
                    .max(self.jkk_minimum.at(month))
                    .min(self.jkk_maximum.at(month));
                let discount = match (discounted, programmes.transport) {
                    (false, _) => Decimal::ZERO,
                    (true, false) => self.pp50_discount.at(month),
                    (true, true) => self.pp50_discount_transport.at(month),
                };
                (
                    jkk,
                    self.jkm_contribution.at(month),
                    self.jht_rate.at(month),
                    discount,
                )
            }
            Scheme::WageEarner => (
                self.jkk_rate_wage_earner.at(month) * income,
                self.jkm_rate_wage_earner.at(month) * income,
                self.jht_rate_wage_earner.at(month),
                Decimal::ZERO,
            ),
        };
        let keep = (Decimal::ONE - discount) * (Decimal::ONE - self.pp49_relief.at(month));
        let bill = |x: Decimal| x.round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero);
        Contribution {
            jkk: bill(jkk * keep),
            jkm: bill(jkm * keep),
            jht: if programmes.jht {
                bill(jht_rate * income)
            } else {
                Decimal::ZERO
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::Decimal;

    pub(super) fn params() -> Parameters {
        Parameters::embedded().expect("embedded parameters parse")
    }

    #[test]
    fn every_parameter_has_description_unit_values_and_reference() {
        for (key, p) in params().all() {
            assert!(
                !p.description_id.trim().is_empty(),
                "{key}: no Indonesian description"
            );
            assert!(
                !p.description_en.trim().is_empty(),
                "{key}: no English description"
            );
            assert!(!p.values.is_empty(), "{key}: no values");
            assert!(!p.references.is_empty(), "{key}: no reference");
            for r in &p.references {
                assert!(!r.title.trim().is_empty(), "{key}: reference without title");
                assert!(
                    r.href.starts_with("https://"),
                    "{key}: reference link `{}`",
                    r.href
                );
            }
        }
    }

    #[test]
    fn a_parameter_missing_its_unit_is_rejected() {
        let broken = PARAMETERS_TOML.replacen("unit = \"ratio\"\n", "", 1);
        assert!(Parameters::from_toml(&broken).is_err());
    }

    #[test]
    fn package_costs_match_bpjs_statements() {
        let p = params();
        let jan_2025 = YearMonth::new(2025, 1);
        let basic = p.contribution(jan_2025, Decimal::from(1_000_000), false, false);
        assert_eq!(basic.total(), Decimal::from(16_800));
        let with_jht = p.contribution(jan_2025, Decimal::from(1_000_000), true, false);
        assert_eq!(with_jht.total(), Decimal::from(36_800));
        let two_million = p.contribution(jan_2025, Decimal::from(2_000_000), true, false);
        assert_eq!(two_million.total(), Decimal::from(66_800));
    }

    #[test]
    fn jkk_is_capped_at_207_000() {
        let c = params().contribution(
            YearMonth::new(2025, 1),
            Decimal::from(30_000_000),
            false,
            false,
        );
        assert_eq!(c.jkk, Decimal::from(207_000));
    }

    #[test]
    fn the_pp50_discount_applies_only_in_its_window_and_only_when_allowed() {
        let p = params();
        let income = Decimal::from(1_000_000);
        let in_window = YearMonth::new(2026, 5);
        assert_eq!(
            p.contribution(in_window, income, false, true).total(),
            Decimal::from(8_400)
        );
        assert_eq!(
            p.contribution(in_window, income, false, false).total(),
            Decimal::from(16_800)
        );
        assert_eq!(
            p.contribution(YearMonth::new(2026, 3), income, false, true)
                .total(),
            Decimal::from(16_800)
        );
        assert_eq!(
            p.contribution(YearMonth::new(2027, 1), income, false, true)
                .total(),
            Decimal::from(16_800)
        );
    }

    pub(super) fn bpu(income: i64, jht: bool, transport: bool) -> Programmes {
        Programmes {
            jht,
            declared_income: Decimal::from(income),
            scheme: Scheme::Bpu,
            transport,
        }
    }

    #[test]
    fn contributions_are_billed_in_whole_rupiah_halves_up() {
        let p = params();
        let jan = YearMonth::new(2025, 1);
        // 1% of Rp1,234,567 is Rp12,345.67; 2% is Rp24,691.34.
        let c = p.contribution_for(jan, &bpu(1_234_567, true, false), false);
        assert_eq!(
            (c.jkk, c.jkm, c.jht),
            (12_346.into(), 6_800.into(), 24_691.into())
        );
        // Halves go up: 1% of Rp1,000,050 is Rp10,000.50.
        let c = p.contribution_for(jan, &bpu(1_000_050, false, false), false);
        assert_eq!(c.jkk, Decimal::from(10_001));
    }

    #[test]
    fn the_transport_sector_gets_the_pp50_discount_from_january_2026_to_march_2027() {
        let p = params();
        let at = |y, m, transport| {
            p.contribution_for(
                YearMonth::new(y, m),
                &bpu(1_000_000, false, transport),
                true,
            )
            .total()
        };
        assert_eq!(at(2026, 2, true), Decimal::from(8_400));
        assert_eq!(at(2026, 2, false), Decimal::from(16_800));
        assert_eq!(at(2027, 3, true), Decimal::from(8_400));
        assert_eq!(at(2027, 3, false), Decimal::from(16_800));
        assert_eq!(at(2027, 4, true), Decimal::from(16_800));
        assert_eq!(at(2026, 6, false), Decimal::from(8_400));
    }

    #[test]
    fn pp49_2020_cut_jkk_and_jkm_by_99_percent_for_everyone() {
        let p = params();
        let c = p.contribution_for(
            YearMonth::new(2020, 9),
            &bpu(1_000_000, false, false),
            false,
        );
        // BPU JKM became Rp68; JKK Rp100.
        assert_eq!((c.jkk, c.jkm), (100.into(), 68.into()));
        let c = p.contribution_for(
            YearMonth::new(2021, 2),
            &bpu(1_000_000, false, false),
            false,
        );
        assert_eq!(c.total(), Decimal::from(16_800));
    }

    #[test]
    fn wage_earners_pay_shares_of_their_wage() {
        let p = params();
        let officials = Programmes {
            scheme: Scheme::WageEarner,
            ..bpu(2_500_000, false, false)
        };
        // 0.24% + 0.30% of Rp2.5 million: Rp13,500 (Kab. Mukomuko's RT/RW heads).
        let c = p.contribution_for(YearMonth::new(2024, 1), &officials, true);
        assert_eq!((c.jkk, c.jkm), (6_000.into(), 7_500.into()));
        // Serang's village heads: 0.54% of Rp3 million.
        let heads = Programmes {
            declared_income: Decimal::from(3_000_000),
            ..officials
        };
        assert_eq!(
            p.contribution_for(YearMonth::new(2024, 1), &heads, false)
                .total(),
            Decimal::from(16_200)
        );
    }

    #[test]
    fn values_take_effect_on_their_date() {
        let p = params();
        assert_eq!(
            p.pp50_discount.at(YearMonth::new(2026, 4)),
            Decimal::new(5, 1)
        );
        assert_eq!(
            p.pp50_discount.effective_since(YearMonth::new(2026, 6)),
            Date::parse("2026-04-01")
        );
    }
}
