//! The Yew web app over the engine. State lives in one reducer (`state`); persistence in
//! `storage`; text in `i18n`; number and date formats in `format`; one component per file
//! in `components`; the root in `app`.

pub mod app;
pub mod components;
pub mod embed;
pub mod format;
pub mod i18n;
pub mod saved;
pub mod share;
pub mod state;
pub mod storage;

pub use app::App;
