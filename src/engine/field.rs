//! Every scenario field described once: its JSON path, unit, valid range, and how to read
//! and write it. Validation, the importer's error paths, the UI's inputs and reducer, the
//! comparison of scenarios and the embed controls all read this table; nothing else spells
//! a field's path.
//!
//! This module must not know about the UI or languages: labels live with the UI text.

mod access;
mod path;

use super::parameters::Parameters;
use super::scenario::limits::{self, Bounds};
use super::scenario::Scenario;
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
    /// The worker group of the i-th entry of `region.covered_at_start`.
    CoverGroup(usize),
    StartYear,
    StartMonth,
    HorizonYears,
    Jht,
    /// BPU or the wage-earner scheme.
    Scheme,
    /// Transport-sector workers (PP 50/2025's transport window).
    Transport,
    DeclaredIncome,
    /// The list of funding sources as a whole (its length).
    Sources,
    /// The list of worker groups as a whole (its length).
    Groups,
    /// A field of the i-th worker group.
    Group(usize, GroupField),
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
    /// A co-funder's share of each helped worker's contribution.
    CoShare,
    /// The one source a co-funder helps (empty: every source that enrols workers).
    CoFundOf,
    /// Which part of the contribution a co-funder pays a share of.
    CoFundPart,
    /// The amount set for one fiscal year (`by_year`), overriding `yearly` and growth.
    ByYear(i32),
    /// The worker groups it may pay for (empty: all).
    Groups,
}

/// A field of one worker group.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum GroupField {
    Name,
    Workers,
    Scheme,
    DeclaredIncome,
    Transport,
    RiskFactor,
}

impl GroupField {
    /// Every field of a group, in the order the controls show them.
    pub const ALL: [GroupField; 6] = [
        GroupField::Name,
        GroupField::Workers,
        GroupField::Scheme,
        GroupField::DeclaredIncome,
        GroupField::Transport,
        GroupField::RiskFactor,
    ];

    /// The path below `groups[g].`.
    fn path(self) -> &'static str {
        match self {
            GroupField::Name => "name",
            GroupField::Workers => "workers",
            GroupField::Scheme => "scheme",
            GroupField::DeclaredIncome => "declared_income",
            GroupField::Transport => "transport",
            GroupField::RiskFactor => "risk_factor",
        }
    }
}

impl SourceField {
    /// Every field of a source, in the order the controls show them.
    pub const ALL: [SourceField; 20] = [
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
        SourceField::CoShare,
        SourceField::CoFundOf,
        SourceField::CoFundPart,
        SourceField::FirstYear,
        SourceField::FirstMonth,
        SourceField::LastYear,
        SourceField::Growth,
        SourceField::Cap,
        SourceField::Discount,
        SourceField::Groups,
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
            SourceField::Groups => "groups",
            SourceField::CoShare => "amount.share",
            SourceField::CoFundOf => "amount.of",
            SourceField::CoFundPart => "amount.part",
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
    /// A multiplier, 1 = as usual (a group's risk).
    Multiple,
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

const HORIZON: [Field; 8] = [
    Field::StartYear,
    Field::StartMonth,
    Field::HorizonYears,
    Field::Jht,
    Field::Scheme,
    Field::Transport,
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
        for (i, cover) in sc.region.covered_at_start.iter().enumerate() {
            out.extend([Field::CoverSource(i), Field::CoverMonths(i)]);
            if cover.group.is_some() {
                out.push(Field::CoverGroup(i));
            }
        }
        out.extend(HORIZON);
        out.push(Field::Groups);
        for g in 0..sc.groups.len() {
            out.extend(GroupField::ALL.map(|f| Field::Group(g, f)));
        }
        for i in 0..sc.sources.len() {
            for f in SourceField::ALL {
                let field = Field::Source(i, f);
                // Amount fields exist only under their rule; the optional ones always do; a
                // source's groups only when it names some.
                let absent = f.path().starts_with("amount.") || f == SourceField::Groups;
                if absent && field.value(sc).is_none() {
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

    /// What the field's number counts.
    pub fn unit(&self) -> Unit {
        use Field::*;
        match self {
            SchemaVersion | Desa | Kelurahan | Asn | Sources | Groups => Unit::Count,
            Name | Preset | RegionName | CoverSource(_) | CoverGroup(_) => Unit::Text,
            Group(_, f) => match f {
                GroupField::Name => Unit::Text,
                GroupField::Workers => Unit::Workers,
                GroupField::Scheme => Unit::Choice,
                GroupField::DeclaredIncome => Unit::RupiahPerMonth,
                GroupField::Transport => Unit::Flag,
                GroupField::RiskFactor => Unit::Multiple,
            },
            RegionKind => Unit::Choice,
            VulnerableWorkers | StartingCover(_) | Listed | VerificationPerMonth => Unit::Workers,
            WorkerGrowth | VerificationYield | LapseRate | WorkDeathShare | ClaimShare
            | ScholarshipShare | JhtReturn | TargetCoverage => Unit::Ratio,
            CoverMonths(_) | ClaimLag => Unit::Months,
            StartYear | TargetYear => Unit::Year,
            StartMonth => Unit::Month,
            HorizonYears => Unit::Years,
            Jht | Reenrol | Transport => Unit::Flag,
            Scheme => Unit::Choice,
            DeclaredIncome => Unit::RupiahPerMonth,
            AccidentCost => Unit::Rupiah,
            DeathsPerThousand | AccidentsPerThousand => Unit::PerThousand,
            Source(_, f) => match f {
                SourceField::Name | SourceField::Groups => Unit::Text,
                SourceField::Kind | SourceField::Rule | SourceField::CoFundPart => Unit::Choice,
                SourceField::CoFundOf => Unit::Text,
                SourceField::Priority | SourceField::WorkersPerSponsor => Unit::Count,
                SourceField::Yearly | SourceField::PerDesa | SourceField::ByYear(_) => Unit::Rupiah,
                SourceField::PledgedWorkers | SourceField::Cap => Unit::Workers,
                SourceField::DanaDesaShare
                | SourceField::Participation
                | SourceField::Growth
                | SourceField::CoShare => Unit::Ratio,
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
            DeclaredIncome | Group(_, GroupField::DeclaredIncome) => Bounds {
                min: params.income_minimum.at(sc.horizon.start),
                max: params.income_maximum.at(sc.horizon.start),
            },
            Group(_, GroupField::Workers) => GROUP_WORKERS,
            Group(_, GroupField::RiskFactor) => RISK_FACTOR,
            Group(_, GroupField::Name | GroupField::Scheme | GroupField::Transport) => return None,
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
                SourceField::DanaDesaShare | SourceField::Participation | SourceField::CoShare => {
                    SHARE
                }
                SourceField::PerDesa => PER_DESA,
                SourceField::WorkersPerSponsor => WORKERS_PER_SPONSOR,
                SourceField::FirstYear | SourceField::LastYear => YEAR,
                SourceField::FirstMonth => MONTH,
                SourceField::Growth => SOURCE_GROWTH,
                SourceField::Cap => CAP_WORKERS,
                SourceField::Name
                | SourceField::Kind
                | SourceField::Rule
                | SourceField::CoFundOf
                | SourceField::CoFundPart
                | SourceField::Groups
                | SourceField::Discount => return None,
            },
            // The number of sources has its own problem (`TooManySources`).
            SchemaVersion | Name | Preset | RegionName | RegionKind | CoverSource(_)
            | CoverMonths(_) | CoverGroup(_) | Jht | Scheme | Transport | Sources | Groups
            | Reenrol => return None,
        };
        Some(fixed)
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
