//! Universal Coverage Jamsostek (UCJ): the share of *all* workers in a province (formal and
//! informal) who are active BPJS Ketenagakerjaan members, and the national targets it is
//! measured against (`data/regions/ucj.toml`, each with its reference).
//!
//! A province's workers are BPS's count where `provinces.csv` has one, else its population ×
//! the national employed share; its active members are Kemnaker's December 2023 count where
//! known, else its workers × the national UCJ. Each estimated figure says so. Workers are
//! held at that count over the horizon (no growth is published). This module
//! knows nothing of the simulation or of how a figure is shown.

use super::{Province, RegionError};
use crate::engine::calendar::YearMonth;
use crate::engine::parameters::{Parameter, Parameters};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

/// `data/regions/ucj.toml` as JSON (build.rs).
const UCJ_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/ucj.json"));

/// The UCJ targets and the national figure, with their provenance.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UcjData {
    /// RPJMN, RKP and RPJPN targets, keyed by the first day of the year they are for.
    pub targets: Parameter,
    /// The national UCJ achieved (April 2025).
    pub national: Parameter,
}

/// A point of the target path: the target for a year end, and whether it was interpolated
/// between two stated targets (an estimate) rather than stated.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PathPoint {
    pub year: i32,
    pub target: Decimal,
    pub interpolated: bool,
}

impl UcjData {
    /// The target for the end of `year`: stated, or linear between the stated years around
    /// it, or the nearest stated target outside them.
    pub fn target(&self, year: i32) -> PathPoint {
        let points: Vec<(i32, Decimal)> = self
            .targets
            .values
            .iter()
            .map(|(d, v)| (d.year, *v))
            .collect();
        let stated = |target| PathPoint {
            year,
            target,
            interpolated: false,
        };
        if let Some(&(_, v)) = points.iter().find(|(y, _)| *y == year) {
            return stated(v);
        }
        let before = points.iter().rev().find(|(y, _)| *y < year);
        let after = points.iter().find(|(y, _)| *y > year);
        match (before, after) {
            (Some(&(y0, v0)), Some(&(y1, v1))) => PathPoint {
                year,
                target: (v0 + (v1 - v0) * Decimal::from(year - y0) / Decimal::from(y1 - y0))
                    .round_dp(4),
                interpolated: true,
            },
            (Some(&(_, v)), None) | (None, Some(&(_, v))) => PathPoint {
                year,
                target: v,
                interpolated: true,
            },
            (None, None) => PathPoint {
                year,
                target: Decimal::ZERO,
                interpolated: true,
            },
        }
    }
}

/// The embedded UCJ data, parsed on first use.
pub fn ucj_data() -> Result<&'static UcjData, RegionError> {
    static DATA: OnceLock<Result<UcjData, String>> = OnceLock::new();
    DATA.get_or_init(|| serde_json::from_str(UCJ_JSON).map_err(|e| e.to_string()))
        .as_ref()
        .map_err(|e| RegionError::Malformed("ucj.toml", e.clone()))
}

/// A province's UCJ before any scenario: who works, who is an active member.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Ucj {
    /// All workers, formal and informal.
    pub workers: u64,
    /// Whether `workers` is population × the national employed share (no BPS count).
    pub workers_estimated: bool,
    /// Active BPJS Ketenagakerjaan members, all segments (December 2023).
    pub active_members: u64,
    /// Whether `active_members` is workers × the national UCJ (no Kemnaker count).
    pub active_estimated: bool,
    /// active members / workers, to four decimals.
    pub share: Decimal,
}

impl Ucj {
    /// Whether any part of the figure is an estimate.
    pub fn is_estimate(&self) -> bool {
        self.workers_estimated || self.active_estimated
    }

    /// The share once `extra` more workers are active members (a scenario's newly covered
    /// pekerja rentan, assumed not to be members already).
    pub fn with_members(&self, extra: u64) -> Decimal {
        super::super::ratio(self.active_members + extra, self.workers)
    }

    /// Members short of `target` × workers, none below zero.
    pub fn gap(&self, target: Decimal, extra: u64) -> u64 {
        let needed: u64 = (target * Decimal::from(self.workers))
            .ceil()
            .try_into()
            .unwrap_or(u64::MAX);
        needed.saturating_sub(self.active_members + extra)
    }
}

/// The UCJ of `province` with the parameters in force at `at`.
pub fn ucj(params: &Parameters, data: &UcjData, province: &Province, at: YearMonth) -> Ucj {
    let (workers, workers_estimated) = match province.employed {
        Some(employed) => (employed, false),
        None => (
            whole(Decimal::from(province.population) * params.employed_share.at(at)),
            true,
        ),
    };
    let (active_members, active_estimated) = match province.bpjs_active {
        Some(active) => (active, false),
        None => (whole(Decimal::from(workers) * data.national.at(at)), true),
    };
    Ucj {
        workers,
        workers_estimated,
        active_members,
        active_estimated,
        share: super::super::ratio(active_members, workers),
    }
}

fn whole(d: Decimal) -> u64 {
    d.round().try_into().unwrap_or(0)
}
