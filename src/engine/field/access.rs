//! Reading and writing a field's value on a scenario: the other half of the field table.

use super::{Field, GroupField, SourceField, Value};
use crate::engine::scenario::{
    Amount, CoFundPart, RegionKind as Kind, Scenario, StartingCover as CoverEntry,
};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

impl Field {
    /// The field's value, if the scenario has it (a missing source, another rule's amount,
    /// an unset last year or cap have none).
    pub fn value(&self, sc: &Scenario) -> Option<Value> {
        use Field::*;
        let n = |v: Decimal| Some(Value::Number(v));
        let text = |s: &str| Some(Value::Text(s.to_string()));
        match self {
            SchemaVersion => n(sc.schema_version.into()),
            Name => text(&sc.name),
            Preset => text(&sc.preset),
            RegionName => text(&sc.region.name),
            RegionKind => Some(Value::Choice(match sc.region.kind {
                Kind::Kota => "kota",
                Kind::Kabupaten => "kabupaten",
                Kind::Provinsi => "provinsi",
            })),
            VulnerableWorkers => n(sc.region.vulnerable_workers.into()),
            WorkerGrowth => n(sc.region.worker_growth),
            Desa => n(sc.region.desa.into()),
            Kelurahan => n(sc.region.kelurahan.into()),
            Asn => n(sc.region.asn.into()),
            CoverSource(i) => text(&sc.region.covered_at_start.get(*i)?.source),
            CoverMonths(i) => n(sc
                .region
                .covered_at_start
                .get(*i)?
                .months_of_membership
                .into()),
            CoverGroup(i) => text(sc.region.covered_at_start.get(*i)?.group.as_deref()?),
            Groups => n(sc.groups.len().into()),
            Group(g, f) => {
                let group = sc.groups.get(*g)?;
                match f {
                    GroupField::Name => text(&group.name),
                    GroupField::Workers => n(group.workers.into()),
                    GroupField::Scheme => Some(Value::Choice(scheme_key(group.scheme))),
                    GroupField::DeclaredIncome => n(group.declared_income),
                    GroupField::Transport => Some(Value::Flag(group.transport)),
                    GroupField::RiskFactor => n(group.risk_factor),
                }
            }
            StartYear => n(sc.horizon.start.year.into()),
            StartMonth => n(sc.horizon.start.month.into()),
            HorizonYears => n(sc.horizon.years.into()),
            Jht => Some(Value::Flag(sc.programmes.jht)),
            Scheme => Some(Value::Choice(scheme_key(sc.programmes.scheme))),
            Transport => Some(Value::Flag(sc.programmes.transport)),
            DeclaredIncome => n(sc.programmes.declared_income),
            Sources => n(sc.sources.len().into()),
            StartingCover(i) => {
                let name = sc.sources.get(*i)?.name.trim();
                let workers: u64 = sc
                    .region
                    .covered_at_start
                    .iter()
                    .filter(|c| c.source.trim() == name)
                    .map(|c| c.workers)
                    .sum();
                n(workers.into())
            }
            Listed => n(sc.enrolment.listed.into()),
            VerificationYield => n(sc.enrolment.verification_yield),
            VerificationPerMonth => n(sc.enrolment.verification_per_month.into()),
            LapseRate => n(sc.enrolment.lapse_rate),
            Reenrol => Some(Value::Flag(sc.enrolment.reenrol)),
            DeathsPerThousand => n(sc.risk.deaths_per_thousand),
            WorkDeathShare => n(sc.risk.work_death_share),
            AccidentsPerThousand => n(sc.risk.accidents_per_thousand),
            AccidentCost => n(sc.risk.accident_cost),
            ClaimShare => n(sc.risk.claim_share),
            ClaimLag => n(sc.risk.claim_lag_months.into()),
            ScholarshipShare => n(sc.risk.scholarship_share),
            JhtReturn => n(sc.risk.jht_return),
            TargetCoverage => n(sc.target.coverage),
            TargetYear => n(sc.target.year.into()),
            Source(i, f) => {
                let s = sc.sources.get(*i)?;
                match (f, &s.amount) {
                    (SourceField::Name, _) => text(&s.name),
                    (SourceField::Kind, _) => Some(Value::Choice(s.kind.key())),
                    (SourceField::Priority, _) => n(s.priority.into()),
                    (SourceField::Rule, amount) => Some(Value::Choice(match amount {
                        Amount::Rupiah { .. } => "rupiah",
                        Amount::Workers { .. } => "workers",
                        Amount::DanaDesa { .. } => "dana_desa",
                        Amount::BapakAsuh { .. } => "bapak_asuh",
                        Amount::CoFund { .. } => "co_fund",
                    })),
                    (SourceField::CoShare, Amount::CoFund { share, .. }) => n(*share),
                    (SourceField::CoFundOf, Amount::CoFund { of, .. }) => {
                        Some(Value::Text(of.clone().unwrap_or_default()))
                    }
                    (SourceField::CoFundPart, Amount::CoFund { part, .. }) => {
                        Some(Value::Choice(match part {
                            CoFundPart::All => "all",
                            CoFundPart::Jht => "jht",
                        }))
                    }
                    (SourceField::Yearly, Amount::Rupiah { yearly }) => n(*yearly),
                    (SourceField::ByYear(year), _) => s.by_year.get(year).copied().and_then(n),
                    (SourceField::PledgedWorkers, Amount::Workers { workers }) => {
                        n((*workers).into())
                    }
                    (SourceField::DanaDesaShare, Amount::DanaDesa { share, .. }) => n(*share),
                    (SourceField::PerDesa, Amount::DanaDesa { per_desa, .. }) => n(*per_desa),
                    (SourceField::Participation, Amount::BapakAsuh { participation, .. }) => {
                        n(*participation)
                    }
                    (
                        SourceField::WorkersPerSponsor,
                        Amount::BapakAsuh {
                            workers_per_sponsor,
                            ..
                        },
                    ) => n(*workers_per_sponsor),
                    (SourceField::FirstYear, _) => n(s.first_year.into()),
                    (SourceField::FirstMonth, _) => n(s.first_month.into()),
                    (SourceField::LastYear, _) => s.last_year.map(|y| Value::Number(y.into())),
                    (SourceField::Growth, _) => n(s.growth),
                    (SourceField::Cap, _) => s.cap_workers.map(|c| Value::Number(c.into())),
                    (SourceField::Discount, _) => Some(Value::Flag(s.discount)),
                    (SourceField::Groups, _) if !s.groups.is_empty() => {
                        Some(Value::Text(s.groups.join(", ")))
                    }
                    _ => None,
                }
            }
        }
    }

    /// The field's number, if it is a number and the scenario has it.
    pub fn get(&self, sc: &Scenario) -> Option<Decimal> {
        match self.value(sc)? {
            Value::Number(d) => Some(d),
            _ => None,
        }
    }

    /// Sets a number; whole-number fields take the value rounded. Text, flags, choices and
    /// fields the scenario does not have are left alone. Moving the start year moves every
    /// other year with it.
    pub fn set(&self, sc: &mut Scenario, v: Decimal) {
        use Field::*;
        let u = v.round().to_u64().unwrap_or(0);
        let u32_ = u.min(u64::from(u32::MAX)) as u32;
        let year = v.round().to_i32().unwrap_or(2026);
        match self {
            VulnerableWorkers => sc.region.vulnerable_workers = u,
            WorkerGrowth => sc.region.worker_growth = v,
            Desa => sc.region.desa = u32_,
            Kelurahan => sc.region.kelurahan = u32_,
            Asn => sc.region.asn = u32_,
            CoverMonths(i) => {
                if let Some(c) = sc.region.covered_at_start.get_mut(*i) {
                    c.months_of_membership = u32_;
                }
            }
            StartYear => sc.set_start_year(year),
            StartMonth => sc.horizon.start.month = u.min(12) as u8,
            HorizonYears => sc.horizon.years = u32_,
            DeclaredIncome => sc.programmes.declared_income = v.round(),
            Listed => sc.enrolment.listed = u,
            VerificationYield => sc.enrolment.verification_yield = v,
            VerificationPerMonth => sc.enrolment.verification_per_month = u,
            LapseRate => sc.enrolment.lapse_rate = v,
            DeathsPerThousand => sc.risk.deaths_per_thousand = v,
            WorkDeathShare => sc.risk.work_death_share = v,
            AccidentsPerThousand => sc.risk.accidents_per_thousand = v,
            AccidentCost => sc.risk.accident_cost = v.round(),
            ClaimShare => sc.risk.claim_share = v,
            ClaimLag => sc.risk.claim_lag_months = u32_,
            ScholarshipShare => sc.risk.scholarship_share = v,
            JhtReturn => sc.risk.jht_return = v,
            TargetCoverage => sc.target.coverage = v,
            TargetYear => sc.target.year = year,
            StartingCover(i) => {
                if let Some(name) = sc.sources.get(*i).map(|s| s.name.clone()) {
                    sc.region
                        .covered_at_start
                        .retain(|c| c.source.trim() != name.trim());
                    if u > 0 {
                        sc.region.covered_at_start.push(CoverEntry {
                            source: name,
                            workers: u,
                            months_of_membership: 12,
                            group: None,
                        });
                    }
                }
            }
            Source(i, f) => {
                let Some(s) = sc.sources.get_mut(*i) else {
                    return;
                };
                match (f, &mut s.amount) {
                    (SourceField::Priority, _) => s.priority = u32_,
                    (SourceField::Yearly, Amount::Rupiah { yearly }) => *yearly = v.round(),
                    (SourceField::PledgedWorkers, Amount::Workers { workers }) => *workers = u,
                    (SourceField::DanaDesaShare, Amount::DanaDesa { share, .. }) => *share = v,
                    (SourceField::CoShare, Amount::CoFund { share, .. }) => *share = v,
                    (SourceField::PerDesa, Amount::DanaDesa { per_desa, .. }) => {
                        *per_desa = v.round()
                    }
                    (SourceField::Participation, Amount::BapakAsuh { participation, .. }) => {
                        *participation = v
                    }
                    (
                        SourceField::WorkersPerSponsor,
                        Amount::BapakAsuh {
                            workers_per_sponsor,
                            ..
                        },
                    ) => *workers_per_sponsor = v,
                    (SourceField::FirstYear, _) => s.first_year = year,
                    (SourceField::FirstMonth, _) => s.first_month = u.min(12) as u8,
                    (SourceField::LastYear, _) => s.last_year = Some(year),
                    (SourceField::Growth, _) => s.growth = v,
                    (SourceField::Cap, _) => s.cap_workers = Some(u),
                    (SourceField::ByYear(year), _) => {
                        s.by_year.insert(*year, v.round());
                    }
                    _ => {}
                }
            }
            Group(g, f) => {
                if let Some(group) = sc.groups.get_mut(*g) {
                    match f {
                        GroupField::Workers => group.workers = u,
                        GroupField::DeclaredIncome => group.declared_income = v.round(),
                        GroupField::RiskFactor => group.risk_factor = v,
                        GroupField::Name | GroupField::Scheme | GroupField::Transport => {}
                    }
                }
                // The region's workers are the groups' sum.
                if *f == GroupField::Workers {
                    sc.region.vulnerable_workers = sc.groups.iter().map(|g| g.workers).sum();
                }
            }
            SchemaVersion | Name | Preset | RegionName | RegionKind | CoverSource(_)
            | CoverGroup(_) | Jht | Scheme | Transport | Sources | Groups | Reenrol => {}
        }
    }
}

/// The serde key of a scheme.
fn scheme_key(scheme: crate::engine::scenario::Scheme) -> &'static str {
    match scheme {
        crate::engine::scenario::Scheme::Bpu => "bpu",
        crate::engine::scenario::Scheme::WageEarner => "wage_earner",
    }
}
