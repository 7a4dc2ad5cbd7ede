//! Payung: a policy simulator for local funding of BPJS Ketenagakerjaan cover for
//! *pekerja rentan*. The engine is pure and native-testable; charts draw the engine's
//! outcome as SVG; the UI is a Yew app over both.

pub mod charts;
pub mod engine;
pub mod ui;
