//! Every scenario field described once: its JSON path, unit, valid range, and how to read
//! and write it. Validation, the importer's error paths, the UI's inputs and reducer, the
//! comparison of scenarios and the embed controls all read this table; nothing else spells
//! a field's path.
//!
//! This module must not know about the UI or languages: labels live with the UI text.

use super::parameters::Parameters;
use super::scenario::limits::{self, Bounds};
use super::scenario::{Amount, Scenario, StartingCover as CoverEntry};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

/// One field of a scenario; per-source fields carry the source's index in `sources`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    SchemaVersion,
    Name,
    Preset,
    RegionName,
    RegionKind,
    VulnerableWorkers,
    WorkerGrowth,
    Desa,
    Kelurahan,
    Asn,
    /// The source named by the i-th entry of `region.covered_at_start`.
    CoverSource(usize),
    /// The months of membership of the i-th entry of `region.covered_at_start`.
    CoverMonths(usize),
    StartYear,
    StartMonth,
    HorizonYears,
    Jht,
    DeclaredIncome,
    /// The list of funding sources as a whole (its length).
    Sources,
    Source(usize, SourceField),
    /// Workers covered at the start whom the i-th source pays for (all its entries).
    StartingCover(usize),
    Listed,
    VerificationYield,
    VerificationPerMonth,
    LapseRate,
    Reenrol,
    DeathsPerThousand,
    WorkDeathShare,
    AccidentsPerThousand,
    AccidentCost,
    ClaimShare,
    ClaimLag,
    ScholarshipShare,
    JhtReturn,
    TargetCoverage,
    TargetYear,
}

/// A field of one funding source.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SourceField {
    Name,
    Kind,
    Priority,
    Rule,
    Yearly,
    PledgedWorkers,
    DanaDesaShare,
    PerDesa,
    Participation,
    WorkersPerSponsor,
    FirstYear,
    FirstMonth,
    LastYear,
    Growth,
    Cap,
    Discount,
    /// The amount set for one fiscal year (`by_year`), overriding `yearly` and growth.
    ByYear(i32),
}

impl SourceField {
    /// Every field of a source, in the order the controls show them.
    pub const ALL: [SourceField; 16] = [
        SourceField::Name,
        SourceField::Kind,
        SourceField::Priority,
        SourceField::Rule,
        SourceField::Yearly,
        SourceField::PledgedWorkers,
        SourceField::DanaDesaShare,
        SourceField::PerDesa,
        SourceField::Participation,
        SourceField::WorkersPerSponsor,
        SourceField::FirstYear,
        SourceField::FirstMonth,
        SourceField::LastYear,
        SourceField::Growth,
        SourceField::Cap,
        SourceField::Discount,
    ];

    /// The path below `sources[i].`.
    fn path(self) -> &'static str {
        match self {
            SourceField::Name => "name",
            SourceField::Kind => "kind",
            SourceField::Priority => "priority",
            SourceField::Rule => "amount.rule",
            SourceField::Yearly => "amount.yearly",
            SourceField::PledgedWorkers => "amount.workers",
            SourceField::DanaDesaShare => "amount.share",
            SourceField::PerDesa => "amount.per_desa",
            SourceField::Participation => "amount.participation",
            SourceField::WorkersPerSponsor => "amount.workers_per_sponsor",
            SourceField::FirstYear => "first_year",
            SourceField::FirstMonth => "first_month",
            SourceField::LastYear => "last_year",
            SourceField::Growth => "growth",
            SourceField::Cap => "cap_workers",
            SourceField::Discount => "discount",
            // Written out by `Field::path`, which knows the year.
            SourceField::ByYear(_) => "by_year",
        }
    }
}

/// What a field's number counts; text and choices have units of their own kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    Rupiah,
    RupiahPerMonth,
    Workers,
    /// A plain count (desa, civil servants, a version number).
    Count,
    /// A share, 1 = 100%.
    Ratio,
    PerThousand,
    Year,
    /// A month of the year, 1–12.
    Month,
    /// A duration in months.
    Months,
    /// A duration in years.
    Years,
    Text,
    Flag,
    /// One of a fixed set of keys (a region kind, source kind or funding rule).
    Choice,
}

/// A field's value, for comparing scenarios and showing them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value {
    Number(Decimal),
    Text(String),
    Flag(bool),
    /// The serde key of a choice, e.g. `apbd_kota` or `dana_desa`.
    Choice(&'static str),
}

/// The fields before the funding sources, in the order the controls show them.
const REGION: [Field; 10] = [
    Field::SchemaVersion,
    Field::Name,
    Field::Preset,
    Field::RegionName,
    Field::RegionKind,
    Field::VulnerableWorkers,
    Field::WorkerGrowth,
    Field::Desa,
    Field::Kelurahan,
    Field::Asn,
];

const HORIZON: [Field; 6] = [
    Field::StartYear,
    Field::StartMonth,
    Field::HorizonYears,
    Field::Jht,
    Field::DeclaredIncome,
    Field::Sources,
];

const AFTER_SOURCES: [Field; 15] = [
    Field::Listed,
    Field::VerificationYield,
    Field::VerificationPerMonth,
    Field::LapseRate,
    Field::Reenrol,
    Field::DeathsPerThousand,
    Field::WorkDeathShare,
    Field::AccidentsPerThousand,
    Field::AccidentCost,
    Field::ClaimShare,
    Field::ClaimLag,
    Field::ScholarshipShare,
    Field::JhtReturn,
    Field::TargetCoverage,
    Field::TargetYear,
];

impl Field {
    /// Every field `sc` has, in the order of the controls (and of validation).
    pub fn all(sc: &Scenario) -> Vec<Field> {
        let mut out: Vec<Field> = REGION.to_vec();
        for i in 0..sc.region.covered_at_start.len() {
            out.extend([Field::CoverSource(i), Field::CoverMonths(i)]);
        }
        out.extend(HORIZON);
        for i in 0..sc.sources.len() {
            for f in SourceField::ALL {
                let field = Field::Source(i, f);
                // Amount fields exist only under their rule; the optional ones always do.
                if f.path().starts_with("amount.") && field.value(sc).is_none() {
                    continue;
                }
                out.push(field);
                if f == SourceField::Rule {
                    out.push(Field::StartingCover(i));
                }
            }
            for year in sc.sources[i].by_year.keys() {
                out.push(Field::Source(i, SourceField::ByYear(*year)));
            }
        }
        out.extend(AFTER_SOURCES);
        out
    }

    /// The field's path in the scenario JSON, e.g. `sources[1].first_month`.
    pub fn path(&self) -> String {
        use Field::*;
        let fixed = match self {
            SchemaVersion => "schema_version",
            Name => "name",
            Preset => "preset",
            RegionName => "region.name",
            RegionKind => "region.kind",
            VulnerableWorkers => "region.vulnerable_workers",
            WorkerGrowth => "region.worker_growth",
            Desa => "region.desa",
            Kelurahan => "region.kelurahan",
            Asn => "region.asn",
            CoverSource(i) => return format!("region.covered_at_start[{i}].source"),
            CoverMonths(i) => return format!("region.covered_at_start[{i}].months_of_membership"),
            StartYear => "horizon.start.year",
            StartMonth => "horizon.start.month",
            HorizonYears => "horizon.years",
            Jht => "programmes.jht",
            DeclaredIncome => "programmes.declared_income",
            Sources => "sources",
            Source(i, SourceField::ByYear(year)) => return format!("sources[{i}].by_year.{year}"),
            Source(i, f) => return format!("sources[{i}].{}", f.path()),
            // Not in the JSON as such: the sum of the `region.covered_at_start` entries that
            // name `sources[i]`, listed with its source.
            StartingCover(i) => return format!("sources[{i}].starting_cover"),
            Listed => "enrolment.listed",
            VerificationYield => "enrolment.verification_yield",
            VerificationPerMonth => "enrolment.verification_per_month",
            LapseRate => "enrolment.lapse_rate",
            Reenrol => "enrolment.reenrol",
            DeathsPerThousand => "risk.deaths_per_thousand",
            WorkDeathShare => "risk.work_death_share",
            AccidentsPerThousand => "risk.accidents_per_thousand",
            AccidentCost => "risk.accident_cost",
            ClaimShare => "risk.claim_share",
            ClaimLag => "risk.claim_lag_months",
            ScholarshipShare => "risk.scholarship_share",
            JhtReturn => "risk.jht_return",
            TargetCoverage => "target.coverage",
            TargetYear => "target.year",
        };
        fixed.to_string()
    }

    /// The field a JSON path names (as the importer reports it), if any: the field at the
    /// path, or else the first field inside it (`sources[0].amount` names the rule).
    pub fn from_path(path: &str) -> Option<Field> {
        let index = |prefix: &str| -> Option<usize> {
            let rest = path.strip_prefix(prefix)?;
            rest.split_once(']')?.0.parse().ok()
        };
        let candidates: Vec<Field> = if let Some(i) = index("sources[") {
            SourceField::ALL
                .iter()
                .map(|f| Field::Source(i, *f))
                .collect()
        } else if let Some(i) = index("region.covered_at_start[") {
            vec![Field::CoverSource(i), Field::CoverMonths(i)]
        } else {
            REGION
                .iter()
                .chain(&HORIZON)
                .chain(&AFTER_SOURCES)
                .copied()
                .collect()
        };
        let inside = format!("{path}.");
        candidates
            .iter()
            .find(|f| f.path() == path)
            .or_else(|| candidates.iter().find(|f| f.path().starts_with(&inside)))
            .copied()
    }

    /// What the field's number counts.
    pub fn unit(&self) -> Unit {
        use Field::*;
        match self {
            SchemaVersion | Desa | Kelurahan | Asn | Sources => Unit::Count,
            Name | Preset | RegionName | CoverSource(_) => Unit::Text,
            RegionKind => Unit::Choice,
            VulnerableWorkers | StartingCover(_) | Listed | VerificationPerMonth => Unit::Workers,
            WorkerGrowth | VerificationYield | LapseRate | WorkDeathShare | ClaimShare
            | ScholarshipShare | JhtReturn | TargetCoverage => Unit::Ratio,
            CoverMonths(_) | ClaimLag => Unit::Months,
            StartYear | TargetYear => Unit::Year,
            StartMonth => Unit::Month,
            HorizonYears => Unit::Years,
            Jht | Reenrol => Unit::Flag,
            DeclaredIncome => Unit::RupiahPerMonth,
            AccidentCost => Unit::Rupiah,
            DeathsPerThousand | AccidentsPerThousand => Unit::PerThousand,
            Source(_, f) => match f {
                SourceField::Name => Unit::Text,
                SourceField::Kind | SourceField::Rule => Unit::Choice,
                SourceField::Priority | SourceField::WorkersPerSponsor => Unit::Count,
                SourceField::Yearly | SourceField::PerDesa | SourceField::ByYear(_) => Unit::Rupiah,
                SourceField::PledgedWorkers | SourceField::Cap => Unit::Workers,
                SourceField::DanaDesaShare | SourceField::Participation | SourceField::Growth => {
                    Unit::Ratio
                }
                SourceField::FirstYear | SourceField::LastYear => Unit::Year,
                SourceField::FirstMonth => Unit::Month,
                SourceField::Discount => Unit::Flag,
            },
        }
    }

    /// The valid range of a number, in the scenario's units (ratios, not percent); `None`
    /// for text, flags, choices and numbers nothing limits.
    pub fn bounds(&self, params: &Parameters, sc: &Scenario) -> Option<Bounds> {
        use limits::*;
        use Field::*;
        let fixed = match self {
            VulnerableWorkers => VULNERABLE_WORKERS,
            WorkerGrowth => WORKER_GROWTH,
            Desa => DESA,
            Kelurahan => KELURAHAN,
            Asn => ASN,
            StartYear => YEAR,
            StartMonth => MONTH,
            HorizonYears => HORIZON_YEARS,
            DeclaredIncome => Bounds {
                min: params.income_minimum.at(sc.horizon.start),
                max: params.income_maximum.at(sc.horizon.start),
            },
            Listed => LISTED,
            VerificationYield => VERIFICATION_YIELD,
            VerificationPerMonth => VERIFICATION_PER_MONTH,
            LapseRate => LAPSE_RATE,
            DeathsPerThousand => DEATHS_PER_THOUSAND,
            WorkDeathShare => WORK_DEATH_SHARE,
            AccidentsPerThousand => ACCIDENTS_PER_THOUSAND,
            AccidentCost => ACCIDENT_COST,
            ClaimShare => CLAIM_SHARE,
            ClaimLag => CLAIM_LAG_MONTHS,
            ScholarshipShare => SCHOLARSHIP_SHARE,
            JhtReturn => JHT_RETURN,
            TargetCoverage => TARGET_COVERAGE,
            TargetYear => Bounds {
                min: sc.horizon.start.year.into(),
                max: sc.horizon.last_month().year.into(),
            },
            StartingCover(_) => Bounds {
                min: Decimal::ZERO,
                max: sc.region.vulnerable_workers.into(),
            },
            Source(_, f) => match f {
                SourceField::Priority => PRIORITY,
                SourceField::Yearly | SourceField::ByYear(_) => YEARLY_AMOUNT,
                SourceField::PledgedWorkers => PLEDGED_WORKERS,
                SourceField::DanaDesaShare | SourceField::Participation => SHARE,
                SourceField::PerDesa => PER_DESA,
                SourceField::WorkersPerSponsor => WORKERS_PER_SPONSOR,
                SourceField::FirstYear | SourceField::LastYear => YEAR,
                SourceField::FirstMonth => MONTH,
                SourceField::Growth => SOURCE_GROWTH,
                SourceField::Cap => CAP_WORKERS,
                SourceField::Name
                | SourceField::Kind
                | SourceField::Rule
                | SourceField::Discount => return None,
            },
            // The number of sources has its own problem (`TooManySources`).
            SchemaVersion | Name | Preset | RegionName | RegionKind | CoverSource(_)
            | CoverMonths(_) | Jht | Sources | Reenrol => return None,
        };
        Some(fixed)
    }

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
                super::scenario::RegionKind::Kota => "kota",
                super::scenario::RegionKind::Kabupaten => "kabupaten",
                super::scenario::RegionKind::Provinsi => "provinsi",
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
            StartYear => n(sc.horizon.start.year.into()),
            StartMonth => n(sc.horizon.start.month.into()),
            HorizonYears => n(sc.horizon.years.into()),
            Jht => Some(Value::Flag(sc.programmes.jht)),
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
                    })),
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
            SchemaVersion | Name | Preset | RegionName | RegionKind | CoverSource(_) | Jht
            | Sources | Reenrol => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::presets;
    use std::collections::HashSet;

    fn scenarios() -> Vec<Scenario> {
        presets::IDS
            .iter()
            .map(|id| presets::load(id).unwrap())
            .collect()
    }

    #[test]
    fn every_number_round_trips_through_get_and_set_on_every_preset() {
        let params = Parameters::embedded().unwrap();
        for sc in scenarios() {
            for f in Field::all(&sc) {
                let Some(v) = f.get(&sc) else { continue };
                let mut copy = sc.clone();
                f.set(&mut copy, v);
                assert_eq!(f.get(&copy), Some(v), "{} on {}", f.path(), sc.preset);
                let Some(b) = f.bounds(&params, &sc) else {
                    continue;
                };
                let mut copy = sc.clone();
                f.set(&mut copy, b.min);
                assert_eq!(f.get(&copy), Some(b.min), "{} on {}", f.path(), sc.preset);
            }
        }
    }

    #[test]
    fn setting_a_number_leaves_every_other_field_alone() {
        let sc = presets::load("ambon").unwrap();
        let all = Field::all(&sc);
        for f in &all {
            let Some(v) = f.get(&sc) else { continue };
            if matches!(f, Field::StartYear | Field::StartingCover(_)) {
                continue; // moves the other years / rewrites the cover list, on purpose
            }
            let mut copy = sc.clone();
            f.set(&mut copy, v + Decimal::ONE);
            for g in all.iter().filter(|g| *g != f) {
                assert_eq!(
                    g.value(&copy),
                    g.value(&sc),
                    "{} moved {}",
                    f.path(),
                    g.path()
                );
            }
        }
    }

    #[test]
    fn paths_are_unique_and_name_their_field() {
        for sc in scenarios() {
            let all = Field::all(&sc);
            let paths: HashSet<String> = all.iter().map(Field::path).collect();
            assert_eq!(paths.len(), all.len(), "{}", sc.preset);
            for f in all {
                if !matches!(f, Field::StartingCover(_)) {
                    assert_eq!(Field::from_path(&f.path()), Some(f), "{}", f.path());
                }
            }
        }
        assert_eq!(
            Field::from_path("sources[2].amount"),
            Some(Field::Source(2, SourceField::Rule))
        );
        assert_eq!(Field::from_path("region"), Some(Field::RegionName));
        assert_eq!(Field::from_path("."), None);
        assert_eq!(Field::from_path("mystery"), None);
    }

    #[test]
    fn every_number_out_of_its_range_is_rejected_naming_that_field() {
        let params = Parameters::embedded().unwrap();
        let sc = presets::load("ambon").unwrap();
        let mut checked = 0;
        for f in Field::all(&sc) {
            let (Some(_), Some(b)) = (f.get(&sc), f.bounds(&params, &sc)) else {
                continue;
            };
            let mut bad = sc.clone();
            // One above the maximum, written directly so that `set` cannot clamp it.
            f.set(&mut bad, b.max + Decimal::ONE);
            if f.get(&bad) != Some(b.max + Decimal::ONE) {
                continue; // a month or a list length cannot hold it
            }
            let err = bad.validate(&params).expect_err(&f.path());
            // Too many covered at the start is fixed where the population is set.
            let expected = match f {
                Field::StartingCover(_) => Field::VulnerableWorkers,
                f => f,
            };
            assert_eq!(err.field, expected, "{}: {err}", f.path());
            checked += 1;
        }
        assert!(checked > 30, "{checked}");
    }

    #[test]
    fn a_cross_field_error_names_the_field_to_fix() {
        use crate::engine::Problem;
        let params = Parameters::embedded().unwrap();
        let reject = |sc: Scenario| sc.validate(&params).unwrap_err();

        let mut sc = presets::load("ambon").unwrap();
        sc.target.year = sc.horizon.start.year - 1;
        assert_eq!(reject(sc).field, Field::TargetYear);

        let mut sc = presets::load("ambon").unwrap();
        sc.sources[0].last_year = Some(sc.sources[0].first_year - 1);
        assert_eq!(reject(sc).field, Field::Source(0, SourceField::LastYear));

        let mut sc = presets::load("ambon").unwrap();
        sc.region.vulnerable_workers = 1;
        let e = reject(sc);
        assert_eq!(e.field, Field::VulnerableWorkers);
        assert!(matches!(e.problem, Problem::MoreCoveredThanWorkers { .. }));

        let mut sc = presets::load("ambon").unwrap();
        sc.sources[0].discount = true;
        let e = reject(sc);
        assert_eq!(e.field, Field::Source(0, SourceField::Discount));
        assert_eq!(
            e.to_string().split(':').next(),
            Some("sources[0].discount"),
            "the CLI still reads the path"
        );
    }
}
