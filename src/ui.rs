//! The Yew web app: the top layer, over the engine, the locale and the charts.
//!
//! State lives in one reducer (`state`); persistence in `storage`; the app's text in
//! `i18n` (numbers and dates are written by `crate::locale`, chart words by
//! `crate::charts`); one component per file in `components`; the root in `app`. What a
//! component shows but does not draw lives in a plain module tested on the host: the
//! comparison's figures and differences (`compare`), the saved list (`saved`), a source's
//! money by year and what a plan's shortfall is bound by (`budgets`). The full
//! app and the embed derive their outcomes through one hook (`outcomes`).
//!
//! Nothing below may know this module: the engine, the locale and the charts never name
//! `ui` (see `tests/layers.rs`). It is the only layer that uses the browser crates.

pub mod app;
pub mod budgets;
pub mod compare;
pub mod components;
pub mod compute;
pub mod embed;
pub mod i18n;
pub mod outcomes;
pub mod saved;
pub mod share;
pub mod state;
pub mod storage;
pub mod uncertainty;

pub use app::{App, EmbedApp};
