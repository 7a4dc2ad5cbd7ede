//! The province's own sources: each checked on its own terms, and each turned into an
//! ordinary funding source of a kab/kota (kind `apbd_provinsi`): the APBD line's share,
//! BKBK per desa, co-funding, a quota with its cap. It knows nothing of running a plan.

use super::super::plan::PlanError;
use super::super::{Catalogue, KabKota, Province};
use super::{ProvinceAmount, ProvinceScenario, ProvinceSource};
use crate::engine::scenario::{limits, Amount, CoFundPart, FundingSource, Scenario, SourceKind};
use crate::engine::Rupiah;
use rust_decimal::Decimal;
use std::collections::BTreeMap;

impl ProvinceScenario {
    /// The plan's horizon and target, and the province's own sources, each on its own terms.
    pub(super) fn check_sources(
        &self,
        catalogue: &Catalogue,
        province: &Province,
    ) -> Result<(), PlanError> {
        let bad = |name: &str, problem: String| PlanError::Source {
            name: name.to_string(),
            problem,
        };
        let within = |name: &str, what: &str, value: Decimal, b: limits::Bounds| {
            if value < b.min || value > b.max {
                Err(bad(
                    name,
                    format!("{what} {value} is outside {}–{}", b.min, b.max),
                ))
            } else {
                Ok(())
            }
        };
        let h = &self.horizon;
        let last =
            h.start.year + (i32::from(h.start.month) - 1 + h.years.max(1) as i32 * 12 - 1) / 12;
        within(
            "horizon",
            "years",
            Decimal::from(h.years),
            limits::HORIZON_YEARS,
        )?;
        within(
            "target",
            "coverage",
            self.target.coverage,
            limits::TARGET_COVERAGE,
        )?;
        if self.target.year < h.start.year || self.target.year > last {
            return Err(bad(
                "target",
                format!(
                    "year {} is outside the horizon {}–{last}",
                    self.target.year, h.start.year
                ),
            ));
        }
        if self.sources.len() > limits::MAX_SOURCES as usize {
            return Err(bad(
                "sources",
                format!("at most {} sources", limits::MAX_SOURCES),
            ));
        }
        for (i, s) in self.sources.iter().enumerate() {
            let name = s.name.trim();
            if name.is_empty() || name.chars().count() > limits::MAX_NAME as usize {
                return Err(bad(
                    &format!("sources[{i}]"),
                    format!("a name of 1–{} characters is needed", limits::MAX_NAME),
                ));
            }
            if self.sources[..i].iter().any(|o| o.name.trim() == name) {
                return Err(bad(name, "another source has the same name".into()));
            }
            within(
                name,
                "priority",
                Decimal::from(s.priority),
                limits::PRIORITY,
            )?;
            within(
                name,
                "first year",
                Decimal::from(s.first_year),
                limits::YEAR,
            )?;
            if let Some(last) = s.last_year {
                if last < s.first_year {
                    return Err(bad(name, format!("last year {last} is before the first")));
                }
            }
            match &s.amount {
                ProvinceAmount::Apbd { yearly } => {
                    within(name, "yearly amount", *yearly, limits::YEARLY_AMOUNT)?
                }
                ProvinceAmount::Bkbk { per_desa } => {
                    within(name, "amount per desa", *per_desa, limits::PER_DESA)?
                }
                ProvinceAmount::CoFund { share } => within(name, "share", *share, limits::SHARE)?,
                ProvinceAmount::Quota { workers } => {
                    for (code, n) in workers {
                        match catalogue.kabkota.iter().find(|k| k.code == code.trim()) {
                            None => return Err(PlanError::UnknownKabKota(code.trim().into())),
                            Some(k) if k.province_code != province.code => {
                                return Err(PlanError::NotInProvince {
                                    code: code.trim().into(),
                                    province: province.code.clone(),
                                })
                            }
                            Some(_) => {}
                        }
                        within(name, "workers", Decimal::from(*n), limits::PLEDGED_WORKERS)?;
                    }
                }
            }
        }
        Ok(())
    }

    /// Each APBD source's yearly amount split among the kab/kota (in `scenarios`' order) in
    /// proportion to their pekerja rentan, in whole Rupiah by largest remainder (any fraction
    /// of a Rupiah goes to the largest), so the parts add up to the amount exactly. Empty
    /// for other rules.
    pub(super) fn apbd_shares(&self, scenarios: &[Scenario]) -> Vec<Vec<Rupiah>> {
        let workers: Vec<Decimal> = scenarios
            .iter()
            .map(|s| Decimal::from(s.region.vulnerable_workers))
            .collect();
        let all: Decimal = workers.iter().sum();
        self.sources
            .iter()
            .map(|s| match s.amount {
                ProvinceAmount::Apbd { yearly } if all > Decimal::ZERO => {
                    split(yearly, &workers, all)
                }
                ProvinceAmount::Apbd { .. } => vec![Decimal::ZERO; scenarios.len()],
                _ => Vec::new(),
            })
            .collect()
    }
}

/// `amount` × weight / all for each weight, whole Rupiah by largest remainder.
fn split(amount: Rupiah, weights: &[Decimal], all: Decimal) -> Vec<Rupiah> {
    let exact: Vec<Decimal> = weights.iter().map(|w| amount * *w / all).collect();
    let mut parts: Vec<Decimal> = exact.iter().map(|e| e.floor()).collect();
    let mut left = amount - parts.iter().sum::<Decimal>();
    let mut order: Vec<usize> = (0..parts.len()).collect();
    order.sort_by(|&a, &b| {
        (exact[b] - parts[b])
            .cmp(&(exact[a] - parts[a]))
            .then(a.cmp(&b))
    });
    for &i in &order {
        if left < Decimal::ONE {
            break;
        }
        parts[i] += Decimal::ONE;
        left -= Decimal::ONE;
    }
    if let Some(largest) = (0..parts.len()).max_by(|&a, &b| weights[a].cmp(&weights[b])) {
        parts[largest] += left;
    }
    parts
}

impl ProvinceSource {
    /// This source as a funding source of kab/kota `k`, or none where it does not reach it
    /// (no desa for BKBK, no quota, no share of the APBD line).
    pub(super) fn in_kabkota(
        &self,
        k: &KabKota,
        apbd_share: Option<Rupiah>,
    ) -> Option<FundingSource> {
        let (amount, cap) = match &self.amount {
            ProvinceAmount::Apbd { .. } => (
                Amount::Rupiah {
                    yearly: apbd_share.filter(|a| *a > Decimal::ZERO)?,
                },
                None,
            ),
            ProvinceAmount::Bkbk { per_desa } if k.desa > 0 => (
                Amount::Rupiah {
                    yearly: *per_desa * Decimal::from(k.desa),
                },
                None,
            ),
            ProvinceAmount::Bkbk { .. } => return None,
            ProvinceAmount::CoFund { share } => (
                Amount::CoFund {
                    share: *share,
                    of: None,
                    part: CoFundPart::All,
                },
                None,
            ),
            ProvinceAmount::Quota { workers } => {
                let n = workers
                    .iter()
                    .find(|(code, _)| code.trim() == k.code)
                    .map(|(_, n)| *n)
                    .filter(|n| *n > 0)?;
                (Amount::Workers { workers: n }, Some(n))
            }
        };
        Some(FundingSource {
            name: self.name.trim().to_string(),
            kind: SourceKind::ApbdProvinsi,
            priority: self.priority,
            amount,
            first_year: self.first_year,
            last_year: self.last_year,
            first_month: 1,
            growth: Decimal::ZERO,
            by_year: BTreeMap::new(),
            cap_workers: cap,
            groups: Vec::new(),
            discount: false,
        })
    }
}
