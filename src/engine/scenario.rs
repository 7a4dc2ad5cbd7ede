//! The scenario: everything a user can set, as one serde type with a schema version.
//!
//! The same JSON is used by the CLI, file export and import, and share links. A scenario
//! is checked once by `Scenario::validate`; the simulation only accepts the result.
//! Field ranges live in `limits` so that the UI's sliders and the validator agree.

use super::calendar::YearMonth;
use super::Rupiah;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The scenario JSON format this build writes. Older versions are migrated on read.
/// Version 2 added per-year amounts (`by_year`) and gave a source's partial first year its
/// own, pro-rated amount; version 1 files migrate to the same amounts. Version 3 added worker
/// groups (`groups`), sources limited to some groups and starting cover naming a group; a
/// version 2 file has no groups (one implicit group) and opens with the same numbers.
pub const SCHEMA_VERSION: u32 = 3;

/// One simulation's inputs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    pub schema_version: u32,
    /// The scenario's own name, e.g. "Opsi A: APBD naik 20%".
    pub name: String,
    /// The preset it started from (`ambon`, `custom`, …), for baselines and share links.
    #[serde(default)]
    pub preset: String,
    pub region: Region,
    pub horizon: Horizon,
    pub programmes: Programmes,
    /// Worker groups, each with its own count, scheme, income and PP 50/2025 window. Empty:
    /// one implicit group, the region's `vulnerable_workers` under `programmes`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub groups: Vec<WorkerGroup>,
    pub sources: Vec<FundingSource>,
    pub enrolment: Enrolment,
    pub risk: RiskAssumptions,
    pub target: Target,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RegionKind {
    Kota,
    Kabupaten,
    Provinsi,
}

/// The region and its workers.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Region {
    pub name: String,
    pub kind: RegionKind,
    /// Vulnerable workers at the start (workers).
    pub vulnerable_workers: u64,
    /// Yearly growth of the vulnerable workers (ratio per year, 0.02 = 2%).
    pub worker_growth: Decimal,
    /// Workers already covered at the start, each group with its funder.
    pub covered_at_start: Vec<StartingCover>,
    pub desa: u32,
    pub kelurahan: u32,
    /// Civil servants (ASN), the pool of possible bapak asuh sponsors.
    pub asn: u32,
}

/// Workers covered when the horizon starts.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StartingCover {
    /// The name of the funding source that pays for them.
    pub source: String,
    pub workers: u64,
    /// How long they have been members already (months); matters for scholarships.
    #[serde(default)]
    pub months_of_membership: u32,
    /// The worker group they belong to (by name); none: the first group.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
}

/// One group of a region's workers (fishers, tobacco workers, RT/RW heads…), with its own
/// count, scheme, income or wage, PP 50/2025 window and risk. JHT stays a choice of the
/// whole package (`programmes.jht`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WorkerGroup {
    /// Unique among the groups, e.g. "Nelayan".
    pub name: String,
    /// Workers in the group at the start.
    pub workers: u64,
    #[serde(default, skip_serializing_if = "Scheme::is_bpu")]
    pub scheme: Scheme,
    /// Declared monthly income (BPU) or the wage (wage earner), Rupiah per month.
    pub declared_income: Rupiah,
    /// Transport-sector workers: PP 50/2025's window January 2026 – March 2027.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub transport: bool,
    /// Multiplies the scenario's death and accident rates for this group (1 = as assumed).
    #[serde(default = "one", skip_serializing_if = "is_one")]
    pub risk_factor: Decimal,
}

fn one() -> Decimal {
    Decimal::ONE
}

fn is_one(d: &Decimal) -> bool {
    *d == Decimal::ONE
}

impl WorkerGroup {
    /// The package this group pays: the scenario's JHT choice with the group's own scheme,
    /// income and window.
    pub fn programmes(&self, jht: bool) -> Programmes {
        Programmes {
            jht,
            declared_income: self.declared_income,
            scheme: self.scheme,
            transport: self.transport,
        }
    }
}

/// The simulated period.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Horizon {
    pub start: YearMonth,
    /// Length in years (1–20), simulated in monthly steps.
    pub years: u32,
}

impl Horizon {
    pub fn months(&self) -> u32 {
        self.years * 12
    }
    pub fn last_month(&self) -> YearMonth {
        self.start.plus_months(self.months() - 1)
    }
}

/// The programme package. JKK and JKM always go together; JHT is optional.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Programmes {
    pub jht: bool,
    /// Declared monthly income (Rupiah per month); the wage under the wage-earner scheme.
    pub declared_income: Rupiah,
    /// BPU (informal workers on a declared income) or the wage-earner scheme (village
    /// officials, RT/RW heads: JKK and JKM as shares of a wage).
    #[serde(default, skip_serializing_if = "Scheme::is_bpu")]
    pub scheme: Scheme,
    /// Transport-sector workers (ojek and other drivers): PP 50/2025's discount window is
    /// January 2026 – March 2027 for them instead of April – December 2026.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub transport: bool,
}

/// How the contribution is computed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Scheme {
    /// Bukan penerima upah: on a declared income.
    #[default]
    Bpu,
    /// Penerima upah: on a wage, at the very-low risk class.
    WageEarner,
}

impl Scheme {
    pub fn is_bpu(&self) -> bool {
        *self == Scheme::Bpu
    }
}

/// The kinds of money that pay premiums.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    ApbdKota,
    ApbdProvinsi,
    DanaDesa,
    BapakAsuh,
    Csr,
    Baznas,
    Other,
    /// The regency's share of the tobacco excise (DBH cukai hasil tembakau), which may pay
    /// for tobacco-sector workers (as in Kab. Lumajang and Kab. Lombok Timur).
    Dbhcht,
    /// The palm-oil revenue share (DBH sawit), as used by Kab. Bangka.
    DbhSawit,
}

impl SourceKind {
    pub const ALL: [SourceKind; 9] = [
        SourceKind::ApbdKota,
        SourceKind::ApbdProvinsi,
        SourceKind::DanaDesa,
        SourceKind::BapakAsuh,
        SourceKind::Csr,
        SourceKind::Baznas,
        SourceKind::Dbhcht,
        SourceKind::DbhSawit,
        SourceKind::Other,
    ];

    /// Whether this money is from a government budget (APBD, revenue shares spent through
    /// the APBD, or APBN via Dana Desa), to which the PP 50/2025 discount never applies.
    pub fn is_public_budget(self) -> bool {
        matches!(
            self,
            SourceKind::ApbdKota
                | SourceKind::ApbdProvinsi
                | SourceKind::DanaDesa
                | SourceKind::Dbhcht
                | SourceKind::DbhSawit
        )
    }

    /// The kind whose `key` this is.
    pub fn from_key(key: &str) -> Option<SourceKind> {
        SourceKind::ALL.into_iter().find(|k| k.key() == key)
    }

    pub fn key(self) -> &'static str {
        match self {
            SourceKind::ApbdKota => "apbd_kota",
            SourceKind::ApbdProvinsi => "apbd_provinsi",
            SourceKind::DanaDesa => "dana_desa",
            SourceKind::BapakAsuh => "bapak_asuh",
            SourceKind::Csr => "csr",
            SourceKind::Baznas => "baznas",
            SourceKind::Other => "other",
            SourceKind::Dbhcht => "dbhcht",
            SourceKind::DbhSawit => "dbh_sawit",
        }
    }
}

/// How much a source provides in its first year.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "rule", rename_all = "snake_case", deny_unknown_fields)]
pub enum Amount {
    /// A yearly amount in Rupiah.
    Rupiah { yearly: Rupiah },
    /// A pledge of a number of workers, paid whatever the package costs.
    Workers { workers: u64 },
    /// desa × share of Dana Desa committed × average Dana Desa per desa (Rupiah per year).
    DanaDesa { share: Decimal, per_desa: Rupiah },
    /// ASN × participation rate × workers per sponsor, each paid whatever the package costs.
    BapakAsuh {
        participation: Decimal,
        workers_per_sponsor: Decimal,
    },
    /// Co-funding: a share of the contribution of the workers other sources cover (all of
    /// them, or only the source named in `of`), of the whole package or of its JHT part only.
    /// It enrols nobody and pays what falls due; the sources it helps pay the rest, so their
    /// money covers more workers.
    CoFund {
        share: Decimal,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        of: Option<String>,
        #[serde(default)]
        part: CoFundPart,
    },
}

/// Which part of a worker's contribution a co-funding source pays a share of.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CoFundPart {
    /// JKK, JKM and JHT.
    #[default]
    All,
    /// JHT only (for example Baznas, or the worker, paying the savings part).
    Jht,
}

impl FundingSource {
    /// The co-funding terms, if this source co-funds.
    pub fn co_funding(&self) -> Option<(Decimal, Option<&str>, CoFundPart)> {
        match &self.amount {
            Amount::CoFund { share, of, part } => Some((*share, of.as_deref(), *part)),
            _ => None,
        }
    }

    /// Whether co-funder `self` helps pay for the workers of `other`.
    pub fn co_funds(&self, other: &FundingSource) -> bool {
        match self.co_funding() {
            Some((_, of, _)) => {
                other.co_funding().is_none()
                    && other.name != self.name
                    && of.is_none_or(|name| name.trim() == other.name.trim())
            }
            None => false,
        }
    }
}

/// One funder.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FundingSource {
    pub name: String,
    pub kind: SourceKind,
    /// Lower numbers are used first.
    pub priority: u32,
    pub amount: Amount,
    pub first_year: i32,
    /// The last funded year, or none for "until the end of the horizon".
    pub last_year: Option<i32>,
    /// The first funded month in the first year (1–12); later years run January–December.
    pub first_month: u8,
    /// Yearly growth of the amount (ratio per year).
    pub growth: Decimal,
    /// Amounts set for particular fiscal years (Rupiah), each replacing `yearly` and growth
    /// for its year: an APBD line is set each year. Only for the `rupiah` rule.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub by_year: BTreeMap<i32, Rupiah>,
    /// At most this many workers, if set.
    pub cap_workers: Option<u64>,
    /// The worker groups it may pay for, by name; empty: every group (DBHCHT pays only for
    /// tobacco-sector workers, for example).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub groups: Vec<String>,
    /// Whether the PP 50/2025 discount applies to its premiums (never for APBD/APBN).
    pub discount: bool,
}

/// Listing, verification and lapses.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Enrolment {
    /// Raw list entries not yet verified at the start (entries).
    pub listed: u64,
    /// Share of checked entries that turn out to be eligible workers (ratio).
    pub verification_yield: Decimal,
    /// List entries that can be checked per month.
    pub verification_per_month: u64,
    /// Share of verified workers who leave the programme each year (ratio per year).
    pub lapse_rate: Decimal,
    /// Whether lapsed workers go back onto the list and can be verified and enrolled again.
    pub reenrol: bool,
}

/// The risk model's assumptions (domain.md section 4), all adjustable.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RiskAssumptions {
    /// Deaths among covered workers per 1,000 per year.
    pub deaths_per_thousand: Decimal,
    /// Share of deaths that are work accidents (ratio).
    pub work_death_share: Decimal,
    /// Non-fatal work accidents per 1,000 per year.
    pub accidents_per_thousand: Decimal,
    /// Average cost of a non-fatal JKK case (Rupiah).
    pub accident_cost: Rupiah,
    /// Share of deaths eventually claimed (ratio).
    pub claim_share: Decimal,
    /// Months from a death or accident to payment.
    pub claim_lag_months: u32,
    /// Expected share of the scholarship maximum paid per eligible death (ratio, an estimate).
    pub scholarship_share: Decimal,
    /// Yearly return on JHT balances (ratio per year).
    pub jht_return: Decimal,
}

/// The coverage goal.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Target {
    /// Share of vulnerable workers covered (ratio, 1 = 100%).
    pub coverage: Decimal,
    pub year: i32,
}

/// A scenario that passed validation; `simulate` accepts only this.
#[derive(Clone, Debug, PartialEq)]
pub struct ValidScenario(Scenario);

impl ValidScenario {
    pub fn scenario(&self) -> &Scenario {
        &self.0
    }
    pub fn into_inner(self) -> Scenario {
        self.0
    }
}

impl std::ops::Deref for ValidScenario {
    type Target = Scenario;
    fn deref(&self) -> &Scenario {
        &self.0
    }
}

/// Valid ranges of scenario fields, shared by the validator and the UI's sliders.
pub mod limits {
    use rust_decimal::Decimal;

    /// An inclusive range.
    #[derive(Clone, Copy, Debug, PartialEq)]
    pub struct Bounds {
        pub min: Decimal,
        pub max: Decimal,
    }

    /// A decimal `num × 10^-scale` usable in constants.
    const fn dec(num: i64, scale: u32) -> Decimal {
        let abs = num.unsigned_abs();
        Decimal::from_parts(abs as u32, (abs >> 32) as u32, 0, num < 0, scale)
    }

    const fn b(min: (i64, u32), max: (i64, u32)) -> Bounds {
        Bounds {
            min: dec(min.0, min.1),
            max: dec(max.0, max.1),
        }
    }

    pub const VULNERABLE_WORKERS: Bounds = b((1, 0), (10_000_000, 0));
    pub const WORKER_GROWTH: Bounds = b((-10, 2), (10, 2));
    pub const DESA: Bounds = b((0, 0), (10_000, 0));
    pub const KELURAHAN: Bounds = b((0, 0), (10_000, 0));
    pub const ASN: Bounds = b((0, 0), (1_000_000, 0));
    pub const YEAR: Bounds = b((2015, 0), (2045, 0));
    pub const MONTH: Bounds = b((1, 0), (12, 0));
    pub const HORIZON_YEARS: Bounds = b((1, 0), (20, 0));
    pub const YEARLY_AMOUNT: Bounds = b((0, 0), (10_000_000_000_000, 0));
    pub const PLEDGED_WORKERS: Bounds = b((0, 0), (10_000_000, 0));
    pub const SHARE: Bounds = b((0, 0), (1, 0));
    pub const PER_DESA: Bounds = b((0, 0), (10_000_000_000, 0));
    pub const WORKERS_PER_SPONSOR: Bounds = b((0, 0), (10, 0));
    pub const PRIORITY: Bounds = b((0, 0), (99, 0));
    pub const SOURCE_GROWTH: Bounds = b((-50, 2), (100, 2));
    pub const CAP_WORKERS: Bounds = b((0, 0), (10_000_000, 0));
    pub const LISTED: Bounds = b((0, 0), (20_000_000, 0));
    pub const VERIFICATION_YIELD: Bounds = b((10, 2), (100, 2));
    pub const VERIFICATION_PER_MONTH: Bounds = b((0, 0), (1_000_000, 0));
    pub const LAPSE_RATE: Bounds = b((0, 2), (40, 2));
    pub const DEATHS_PER_THOUSAND: Bounds = b((10, 1), (100, 1));
    pub const WORK_DEATH_SHARE: Bounds = b((0, 2), (30, 2));
    pub const ACCIDENTS_PER_THOUSAND: Bounds = b((0, 1), (100, 1));
    pub const ACCIDENT_COST: Bounds = b((1_000_000, 0), (50_000_000, 0));
    pub const CLAIM_SHARE: Bounds = b((50, 2), (100, 2));
    pub const CLAIM_LAG_MONTHS: Bounds = b((0, 0), (24, 0));
    pub const SCHOLARSHIP_SHARE: Bounds = b((0, 2), (100, 2));
    pub const JHT_RETURN: Bounds = b((0, 3), (100, 3));
    pub const TARGET_COVERAGE: Bounds = b((1, 2), (100, 2));
    pub const MAX_SOURCES: u32 = 12;
    pub const MAX_GROUPS: u32 = 8;
    pub const GROUP_WORKERS: Bounds = b((1, 0), (10_000_000, 0));
    pub const RISK_FACTOR: Bounds = b((1, 1), (100, 1));
    pub const MAX_NAME: u32 = 120;
}

impl FundingSource {
    /// Whether this source may pay for workers of the group named `group`.
    pub fn serves(&self, group: &str) -> bool {
        self.groups.is_empty() || self.groups.iter().any(|g| g.trim() == group.trim())
    }
}

impl Scenario {
    /// The worker groups as the engine runs them: the declared ones, or one implicit group
    /// (named after the region, all its vulnerable workers, under `programmes`).
    pub fn effective_groups(&self) -> Vec<WorkerGroup> {
        if !self.groups.is_empty() {
            return self.groups.clone();
        }
        vec![WorkerGroup {
            name: String::new(),
            workers: self.region.vulnerable_workers,
            scheme: self.programmes.scheme,
            declared_income: self.programmes.declared_income,
            transport: self.programmes.transport,
            risk_factor: Decimal::ONE,
        }]
    }

    /// The index of the worker group with this name (none for the implicit group).
    pub fn group_index(&self, name: &str) -> Option<usize> {
        self.groups
            .iter()
            .position(|g| g.name.trim() == name.trim())
    }

    /// The index of the funding source with this name.
    pub fn source_index(&self, name: &str) -> Option<usize> {
        self.sources
            .iter()
            .position(|s| s.name.trim() == name.trim())
    }
}

impl ValidScenario {
    /// Wraps a scenario that `validate` checked, or that the engine itself derived from a valid
    /// one, changing only fields it keeps inside their ranges (goal-seek's amounts).
    pub(crate) fn trusted(scenario: Scenario) -> Self {
        ValidScenario(scenario)
    }
}
