//! The scenario: everything a user can set, as one serde type with a schema version.
//!
//! The same JSON is used by the CLI, file export and import, and share links. A scenario
//! is checked once by `Scenario::validate`; the simulation only accepts the result.
//! Field ranges live in `limits` so that the UI's sliders and the validator agree.

use super::calendar::YearMonth;
use super::error::{Problem, ScenarioError};
use super::parameters::Parameters;
use super::Rupiah;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// The scenario JSON format this build writes. Older versions are migrated on read.
pub const SCHEMA_VERSION: u32 = 1;

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
    /// Declared monthly income (Rupiah per month).
    pub declared_income: Rupiah,
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
}

impl SourceKind {
    pub const ALL: [SourceKind; 7] = [
        SourceKind::ApbdKota,
        SourceKind::ApbdProvinsi,
        SourceKind::DanaDesa,
        SourceKind::BapakAsuh,
        SourceKind::Csr,
        SourceKind::Baznas,
        SourceKind::Other,
    ];

    /// Whether this money is from a government budget (APBD or APBN via Dana Desa), to
    /// which the PP 50/2025 discount never applies.
    pub fn is_public_budget(self) -> bool {
        matches!(
            self,
            SourceKind::ApbdKota | SourceKind::ApbdProvinsi | SourceKind::DanaDesa
        )
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
    /// At most this many workers, if set.
    pub cap_workers: Option<u64>,
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
    pub const MAX_NAME: u32 = 120;
}

struct Checker {
    errors: Option<ScenarioError>,
}

impl Checker {
    fn range(&mut self, field: impl FnOnce() -> String, value: Decimal, bounds: limits::Bounds) {
        if self.errors.is_none() && (value < bounds.min || value > bounds.max) {
            let problem = Problem::OutOfRange {
                value,
                min: bounds.min,
                max: bounds.max,
            };
            self.errors = Some(ScenarioError::new(field(), problem));
        }
    }

    fn text(&mut self, field: &str, value: &str) {
        let len = value.trim().chars().count();
        if self.errors.is_none() && (len == 0 || len > limits::MAX_NAME as usize) {
            self.errors = Some(ScenarioError::new(
                field,
                Problem::BadText {
                    max: limits::MAX_NAME,
                },
            ));
        }
    }

    fn fail(&mut self, field: impl Into<String>, problem: Problem) {
        if self.errors.is_none() {
            self.errors = Some(ScenarioError::new(field, problem));
        }
    }
}

fn d<T: Into<Decimal>>(v: T) -> Decimal {
    v.into()
}

impl Scenario {
    /// Checks every field and returns the first problem found, naming its field.
    pub fn validate(self, params: &Parameters) -> Result<ValidScenario, ScenarioError> {
        use limits::*;
        let mut c = Checker { errors: None };
        if self.schema_version > SCHEMA_VERSION {
            c.fail(
                "schema_version",
                Problem::NewerSchema {
                    found: self.schema_version,
                    supported: SCHEMA_VERSION,
                },
            );
        } else if self.schema_version != SCHEMA_VERSION {
            c.fail(
                "schema_version",
                Problem::UnknownSchema {
                    found: self.schema_version,
                },
            );
        }
        if self.name.chars().count() > MAX_NAME as usize {
            c.fail("name", Problem::BadText { max: MAX_NAME });
        }

        let r = &self.region;
        c.text("region.name", &r.name);
        c.range(
            || "region.vulnerable_workers".into(),
            d(r.vulnerable_workers),
            VULNERABLE_WORKERS,
        );
        c.range(
            || "region.worker_growth".into(),
            r.worker_growth,
            WORKER_GROWTH,
        );
        c.range(|| "region.desa".into(), d(r.desa), DESA);
        c.range(|| "region.kelurahan".into(), d(r.kelurahan), KELURAHAN);
        c.range(|| "region.asn".into(), d(r.asn), ASN);

        let h = &self.horizon;
        c.range(|| "horizon.start.year".into(), d(h.start.year), YEAR);
        c.range(|| "horizon.start.month".into(), d(h.start.month), MONTH);
        c.range(|| "horizon.years".into(), d(h.years), HORIZON_YEARS);

        let income = self.programmes.declared_income;
        let income_bounds = Bounds {
            min: params.income_minimum.at(h.start),
            max: params.income_maximum.at(h.start),
        };
        c.range(
            || "programmes.declared_income".into(),
            income,
            income_bounds,
        );

        if self.sources.len() > MAX_SOURCES as usize {
            c.fail("sources", Problem::TooManySources { max: MAX_SOURCES });
        }
        for (i, s) in self.sources.iter().enumerate() {
            let f = |name: &str| format!("sources[{i}].{name}");
            c.text(&f("name"), &s.name);
            if self.sources[..i]
                .iter()
                .any(|o| o.name.trim() == s.name.trim())
            {
                c.fail(
                    f("name"),
                    Problem::DuplicateName {
                        name: s.name.clone(),
                    },
                );
            }
            c.range(|| f("priority"), d(s.priority), PRIORITY);
            match &s.amount {
                Amount::Rupiah { yearly } => c.range(|| f("amount.yearly"), *yearly, YEARLY_AMOUNT),
                Amount::Workers { workers } => {
                    c.range(|| f("amount.workers"), d(*workers), PLEDGED_WORKERS)
                }
                Amount::DanaDesa { share, per_desa } => {
                    if s.kind != SourceKind::DanaDesa {
                        c.fail(
                            f("amount.rule"),
                            rule_for("dana_desa", SourceKind::DanaDesa),
                        );
                    }
                    c.range(|| f("amount.share"), *share, SHARE);
                    c.range(|| f("amount.per_desa"), *per_desa, PER_DESA);
                }
                Amount::BapakAsuh {
                    participation,
                    workers_per_sponsor,
                } => {
                    if s.kind != SourceKind::BapakAsuh {
                        c.fail(
                            f("amount.rule"),
                            rule_for("bapak_asuh", SourceKind::BapakAsuh),
                        );
                    }
                    c.range(|| f("amount.participation"), *participation, SHARE);
                    c.range(
                        || f("amount.workers_per_sponsor"),
                        *workers_per_sponsor,
                        WORKERS_PER_SPONSOR,
                    );
                }
            }
            c.range(|| f("first_year"), d(s.first_year), YEAR);
            if let Some(last) = s.last_year {
                c.range(|| f("last_year"), d(last), YEAR);
                if last < s.first_year {
                    c.fail(
                        f("last_year"),
                        Problem::LastBeforeFirst {
                            first: s.first_year,
                            last,
                        },
                    );
                }
            }
            c.range(|| f("first_month"), d(s.first_month), MONTH);
            c.range(|| f("growth"), s.growth, SOURCE_GROWTH);
            if let Some(cap) = s.cap_workers {
                c.range(|| f("cap_workers"), d(cap), CAP_WORKERS);
            }
            if s.discount && s.kind.is_public_budget() {
                c.fail(
                    f("discount"),
                    Problem::DiscountNotAllowed {
                        kind: s.kind.key().into(),
                    },
                );
            }
        }

        let mut covered = 0u64;
        for (i, start) in r.covered_at_start.iter().enumerate() {
            if !self
                .sources
                .iter()
                .any(|s| s.name.trim() == start.source.trim())
            {
                c.fail(
                    format!("region.covered_at_start[{i}].source"),
                    Problem::UnknownSource {
                        name: start.source.clone(),
                    },
                );
            }
            c.range(
                || format!("region.covered_at_start[{i}].workers"),
                d(start.workers),
                VULNERABLE_WORKERS_OR_ZERO,
            );
            covered = covered.saturating_add(start.workers);
        }
        if covered > r.vulnerable_workers {
            c.fail(
                "region.covered_at_start",
                Problem::MoreCoveredThanWorkers {
                    covered,
                    population: r.vulnerable_workers,
                },
            );
        }

        let e = &self.enrolment;
        c.range(|| "enrolment.listed".into(), d(e.listed), LISTED);
        c.range(
            || "enrolment.verification_yield".into(),
            e.verification_yield,
            VERIFICATION_YIELD,
        );
        c.range(
            || "enrolment.verification_per_month".into(),
            d(e.verification_per_month),
            VERIFICATION_PER_MONTH,
        );
        c.range(|| "enrolment.lapse_rate".into(), e.lapse_rate, LAPSE_RATE);

        let k = &self.risk;
        c.range(
            || "risk.deaths_per_thousand".into(),
            k.deaths_per_thousand,
            DEATHS_PER_THOUSAND,
        );
        c.range(
            || "risk.work_death_share".into(),
            k.work_death_share,
            WORK_DEATH_SHARE,
        );
        c.range(
            || "risk.accidents_per_thousand".into(),
            k.accidents_per_thousand,
            ACCIDENTS_PER_THOUSAND,
        );
        c.range(
            || "risk.accident_cost".into(),
            k.accident_cost,
            ACCIDENT_COST,
        );
        c.range(|| "risk.claim_share".into(), k.claim_share, CLAIM_SHARE);
        c.range(
            || "risk.claim_lag_months".into(),
            d(k.claim_lag_months),
            CLAIM_LAG_MONTHS,
        );
        c.range(
            || "risk.scholarship_share".into(),
            k.scholarship_share,
            SCHOLARSHIP_SHARE,
        );
        c.range(|| "risk.jht_return".into(), k.jht_return, JHT_RETURN);

        c.range(
            || "target.coverage".into(),
            self.target.coverage,
            TARGET_COVERAGE,
        );
        if c.errors.is_none() {
            let first = h.start.year;
            let last = h.last_month().year;
            if self.target.year < first || self.target.year > last {
                c.fail(
                    "target.year",
                    Problem::TargetOutsideHorizon {
                        year: self.target.year,
                        first,
                        last,
                    },
                );
            }
        }

        match c.errors {
            Some(error) => Err(error),
            None => Ok(ValidScenario(self)),
        }
    }

    /// The index of the funding source with this name.
    pub fn source_index(&self, name: &str) -> Option<usize> {
        self.sources
            .iter()
            .position(|s| s.name.trim() == name.trim())
    }
}

const VULNERABLE_WORKERS_OR_ZERO: limits::Bounds = limits::Bounds {
    min: Decimal::ZERO,
    max: limits::VULNERABLE_WORKERS.max,
};

fn rule_for(rule: &str, kind: SourceKind) -> Problem {
    Problem::RuleNotForKind {
        rule: rule.into(),
        kind: kind.key().into(),
    }
}

impl ValidScenario {
    /// Wraps a scenario the engine itself derived from a valid one, changing only fields it
    /// keeps inside their ranges (goal-seek's amounts).
    pub(crate) fn trusted(scenario: Scenario) -> Self {
        ValidScenario(scenario)
    }
}
