//! A field's path in the scenario JSON, both ways: what messages and the importer name.

use super::{Field, GroupField, SourceField, AFTER_SOURCES, HORIZON, REGION};

impl Field {
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
            CoverGroup(i) => return format!("region.covered_at_start[{i}].group"),
            Groups => "groups",
            Group(g, f) => return format!("groups[{g}].{}", f.path()),
            StartYear => "horizon.start.year",
            StartMonth => "horizon.start.month",
            HorizonYears => "horizon.years",
            Jht => "programmes.jht",
            Scheme => "programmes.scheme",
            Transport => "programmes.transport",
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
            vec![
                Field::CoverSource(i),
                Field::CoverMonths(i),
                Field::CoverGroup(i),
            ]
        } else if let Some(g) = index("groups[") {
            GroupField::ALL.map(|f| Field::Group(g, f)).to_vec()
        } else {
            REGION
                .iter()
                .chain(&HORIZON)
                .chain(&[Field::Groups])
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
}
