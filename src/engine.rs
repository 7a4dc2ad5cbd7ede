//! The simulation engine: scenario in, outcome out.
//!
//! Invariant: this module is the bottom layer, pure Rust over std, serde, rust_decimal, toml
//! and thiserror. It knows nothing of the layers above it (the locale, the charts, the UI)
//! nor of the browser (no Yew, no web-sys, Gloo, wasm-bindgen or js-sys); `tests/layers.rs`
//! checks both. It reads no clock, draws no randomness and does no I/O beyond parsing the
//! data embedded at compile time.
//! The web app, the CLI and the tests all go through `Scenario::validate` and then
//! `simulate`, which cannot fail once a scenario is valid.
//!
//! Money is `Rupiah` (a `Decimal`) at every public boundary; inside the monthly loop it is
//! integer units (`exact`), read from the `Decimal` prices once a year and turned back into
//! `Decimal` for the outcome, with the same numbers. Expected counts of deaths and accidents
//! are `f64` inside the statistical part of `risk`, and converted to Rupiah at named points.

pub mod calendar;
pub mod edit;
pub mod enrolment;
pub mod error;
mod exact;
pub mod field;
pub mod funding;
pub mod import;
pub mod jobs;
pub mod json_path;
pub mod outcome;
pub mod parameters;
pub mod plan;
pub mod presets;
pub mod regions;
pub mod report;
pub mod risk;
pub mod scenario;
pub mod simulate;
pub mod solve;
pub mod uncertainty;
pub mod validate;

pub use calendar::YearMonth;
pub use error::{Problem, ScenarioError};
pub use field::{Field, GroupField, SourceField};
pub use outcome::{ratio, MonthResult, Outcome, Totals, Unspent, Warning, YearResult};
pub use parameters::{Parameter, Parameters};
pub use scenario::{Scenario, ValidScenario, SCHEMA_VERSION};
pub use simulate::simulate;

/// Money in whole or fractional Rupiah; never a float.
pub type Rupiah = rust_decimal::Decimal;
