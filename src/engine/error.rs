//! Validation errors: each names the field (a `Field`, shown as its JSON path such as
//! `sources[1].first_month`) and the problem, so the CLI can print one line and the UI can
//! place a message beside the input and translate it.

use super::field::Field;
use rust_decimal::Decimal;

/// A scenario field that failed validation.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
#[error("{}: {problem}", field.path())]
pub struct ScenarioError {
    /// The field the user should change to fix it.
    pub field: Field,
    pub problem: Problem,
}

impl ScenarioError {
    pub fn new(field: Field, problem: Problem) -> Self {
        Self { field, problem }
    }
}

/// What is wrong with a field.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum Problem {
    /// A number outside its valid range.
    #[error("{value} is outside the valid range {min} to {max}")]
    OutOfRange {
        value: Decimal,
        min: Decimal,
        max: Decimal,
    },
    /// A required text is empty or too long.
    #[error("must be 1 to {max} characters")]
    BadText { max: u32 },
    /// The scenario was written by a newer version of Payung.
    #[error(
        "schema version {found} is newer than this version of Payung understands ({supported})"
    )]
    NewerSchema { found: u32, supported: u32 },
    /// The schema version is not one this build can read or migrate.
    #[error("schema version {found} is not supported")]
    UnknownSchema { found: u32 },
    /// Two funding sources share a name.
    #[error("the name `{name}` is used by more than one funding source")]
    DuplicateName { name: String },
    /// A reference to a funding source that does not exist.
    #[error("there is no funding source named `{name}`")]
    UnknownSource { name: String },
    /// The PP 50/2025 discount cannot apply to APBD or APBN money.
    #[error("the PP 50/2025 discount never applies to APBD or APBN money (this source is {kind})")]
    DiscountNotAllowed { kind: String },
    /// A funding rule used with a kind of source it does not belong to.
    #[error("the `{rule}` rule is only for {kind} sources")]
    RuleNotForKind { rule: String, kind: String },
    /// A last year before the first year.
    #[error("the last year {last} is before the first year {first}")]
    LastBeforeFirst { first: i32, last: i32 },
    /// More workers covered at the start than there are vulnerable workers.
    #[error(
        "{covered} workers covered at the start is more than the {population} vulnerable workers"
    )]
    MoreCoveredThanWorkers { covered: u64, population: u64 },
    /// The target year is not inside the simulated horizon.
    #[error("the target year {year} is outside the horizon {first} to {last}")]
    TargetOutsideHorizon { year: i32, first: i32, last: i32 },
    /// Too many funding sources.
    #[error("at most {max} funding sources")]
    TooManySources { max: u32 },
    /// An amount set for a year in which the source does not pay.
    #[error("{year} is outside the years this source pays in the horizon ({first} to {last})")]
    YearNotFunded { year: i32, first: i32, last: i32 },
    /// Amounts by year belong to a source paid as a Rupiah amount.
    #[error("amounts by year are only for a source paid as a Rupiah amount")]
    ByYearNeedsRupiah,
    /// A co-funder names itself or another co-funder as the source it helps.
    #[error("`{name}` enrols no workers of its own, so there is nothing to co-fund")]
    CoFundNotEnrolling { name: String },
    /// Co-funders together pay more than a source's whole contribution.
    #[error("co-funding of `{helped}` adds up to {total}, more than the whole contribution")]
    CoFundOver { helped: String, total: Decimal },
    /// A co-funding source enrols nobody, so it has no cap and no workers of its own.
    #[error("a co-funding source enrols nobody, so it has no cap and no workers of its own")]
    NotForCoFunder,
    /// Only desa receive Dana Desa.
    #[error("only desa receive Dana Desa, and this region has no desa")]
    DanaDesaWithoutDesa,
    /// Too many worker groups.
    #[error("at most {max} worker groups")]
    TooManyGroups { max: u32 },
    /// Two worker groups share a name.
    #[error("the name `{name}` is used by more than one worker group")]
    DuplicateGroup { name: String },
    /// A reference to a worker group that does not exist.
    #[error("there is no worker group named `{name}`")]
    UnknownGroup { name: String },
    /// The region's vulnerable workers are not the sum of its groups.
    #[error("the worker groups add up to {groups} workers, not the region's {population}")]
    GroupsTotal { groups: u64, population: u64 },
    /// Workers covered at the start by a source that does not pay for their group.
    #[error("`{source_name}` does not pay for the worker group `{group}`")]
    SourceNotForGroup { source_name: String, group: String },
}
