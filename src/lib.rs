//! Payung: a policy simulator for local funding of BPJS Ketenagakerjaan cover for
//! *pekerja rentan*. The engine is pure and native-testable; the locale writes and reads
//! numbers and dates in the reader's language; charts draw the engine's outcome as SVG; the
//! UI is a Yew app over all three. Each layer depends only on those above it in this list
//! (`tests/layers.rs` checks it).

/// Scenario in, outcome out: pure, no I/O.
pub mod engine;

/// The language and how values are written and read in it.
pub mod locale;

/// An outcome drawn as SVG, with its words, summary and table.
pub mod charts;

/// The Yew web app.
pub mod ui;
