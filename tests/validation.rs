//! Validation through the public API: each rejected scenario names its field and problem.
//!
//! Invariants over random scenarios live in `tests/properties.rs`; exact seed costs in
//! `tests/golden/`. These tests pin concrete cases, each with a number that could be wrong.

mod common;

use common::{cover, params, quiet, rejection, source};
use payung::engine::scenario::SourceKind;
use payung::engine::Problem;

// ---------------------------------------------------------------------------------------
// Validation names the field
// ---------------------------------------------------------------------------------------

#[test]
fn validation_rejects_zero_vulnerable_workers() {
    let mut sc = quiet(1_000);
    sc.region.vulnerable_workers = 0;
    let (field, problem) = rejection(sc);
    assert_eq!(field, "region.vulnerable_workers");
    assert!(matches!(problem, Problem::OutOfRange { .. }), "{problem:?}");
}

#[test]
fn validation_rejects_first_month_13() {
    let mut sc = quiet(1_000);
    sc.sources[0].first_month = 13;
    let (field, problem) = rejection(sc);
    assert_eq!(field, "sources[0].first_month");
    assert!(matches!(problem, Problem::OutOfRange { .. }), "{problem:?}");
}

#[test]
fn validation_rejects_duplicate_source_names() {
    let mut sc = quiet(1_000);
    sc.sources.push(source(" APBD ", SourceKind::Csr, 2, 0));
    let (field, problem) = rejection(sc);
    assert_eq!(field, "sources[1].name");
    assert_eq!(
        problem,
        Problem::DuplicateName {
            name: " APBD ".into()
        }
    );
}

#[test]
fn validation_rejects_starting_cover_from_an_unknown_source() {
    let mut sc = quiet(1_000);
    sc.region.covered_at_start = vec![cover("APBD", 10), cover("Atlantis", 10)];
    let (field, problem) = rejection(sc);
    assert_eq!(field, "region.covered_at_start[1].source");
    assert_eq!(
        problem,
        Problem::UnknownSource {
            name: "Atlantis".into()
        }
    );
}

#[test]
fn validation_rejects_a_target_year_outside_the_horizon() {
    let mut sc = quiet(1_000);
    sc.horizon.years = 3; // 2026–2028
    sc.target.year = 2029;
    let (field, problem) = rejection(sc);
    assert_eq!(field, "target.year");
    assert_eq!(
        problem,
        Problem::TargetOutsideHorizon {
            year: 2029,
            first: 2026,
            last: 2028
        }
    );
}

#[test]
fn validation_rejects_a_horizon_of_21_years() {
    let mut sc = quiet(1_000);
    sc.horizon.years = 21;
    let (field, _) = rejection(sc);
    assert_eq!(field, "horizon.years");
    let mut sc = quiet(1_000);
    sc.horizon.years = 0;
    assert_eq!(rejection(sc).0, "horizon.years");
}

#[test]
fn validation_rejects_a_newer_schema_version() {
    let mut sc = quiet(1_000);
    sc.schema_version = payung::engine::SCHEMA_VERSION + 1;
    let (field, problem) = rejection(sc);
    assert_eq!(field, "schema_version");
    assert!(
        matches!(problem, Problem::NewerSchema { .. }),
        "{problem:?}"
    );
}

#[test]
fn validation_errors_print_the_field_first() {
    let mut sc = quiet(1_000);
    sc.sources[0].first_month = 13;
    let message = sc.validate(&params()).unwrap_err().to_string();
    assert!(message.starts_with("sources[0].first_month: "), "{message}");
    assert!(!message.contains('\n'));
}
