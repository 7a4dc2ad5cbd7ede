//! A region's starting scenario: its population, desa and kelurahan from the tables, an
//! estimate of its pekerja rentan, and a first APBD source sized to protect a tenth of them
//! for a year (plus Dana Desa where a kab/kota has desa), on the neutral `custom` preset's
//! assumptions. Every estimated figure is returned with its factors so that it can be shown
//! as an estimate and replaced by the user's own count.

use super::{Catalogue, Place, RegionError};
use crate::engine::calendar::YearMonth;
use crate::engine::parameters::Parameters;
use crate::engine::presets;
use crate::engine::scenario::{Amount, RegionKind, Scenario, SourceKind};
use rust_decimal::Decimal;

/// Where a share used in the estimate comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Basis {
    /// The province's own figure in `provinces.csv`.
    Province,
    /// The national parameter (`employed_share`).
    National,
    /// BPS's figure on the old Papua boundaries (`informal_share_papua[_barat]`).
    OldPapuaBoundary,
}

/// The estimate of a region's pekerja rentan and its factors.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Estimate {
    /// Dukcapil, December 2024.
    pub population: u64,
    pub employed_share: Decimal,
    pub employed_basis: Basis,
    pub informal_share: Decimal,
    pub informal_basis: Basis,
    pub vulnerable_share: Decimal,
    /// population × employed × informal × vulnerable, rounded to a whole worker (at least 1).
    pub workers: u64,
}

/// A region's starting scenario and the estimate behind it.
#[derive(Clone, Debug, PartialEq)]
pub struct StartingPoint {
    /// Kemendagri code.
    pub code: String,
    pub scenario: Scenario,
    pub estimate: Estimate,
}

/// Provinces that BPS still publishes as the old Papua and Papua Barat (Kemendagri codes).
const OLD_PAPUA: [&str; 4] = ["91", "93", "94", "95"];
const OLD_PAPUA_BARAT: [&str; 2] = ["92", "96"];

/// Estimates the pekerja rentan of `place` with the parameters in force at `at`.
pub fn estimate(
    params: &Parameters,
    catalogue: &Catalogue,
    place: Place<'_>,
    at: YearMonth,
) -> Estimate {
    let province_code = match place {
        Place::KabKota(k) => k.province_code.as_str(),
        Place::Province(p) => p.code.as_str(),
    };
    let province = catalogue.province(province_code);
    let (employed_share, employed_basis) =
        match province.and_then(|p| p.employed.map(|e| (e, p.population))) {
            Some((employed, population)) if population > 0 => (
                (Decimal::from(employed) / Decimal::from(population)).round_dp(4),
                Basis::Province,
            ),
            _ => (params.employed_share.at(at), Basis::National),
        };
    let (informal_share, informal_basis) = match province.and_then(|p| p.informal_share) {
        Some(percent) => (percent / Decimal::ONE_HUNDRED, Basis::Province),
        None if OLD_PAPUA_BARAT.contains(&province_code) => (
            params.informal_share_papua_barat.at(at),
            Basis::OldPapuaBoundary,
        ),
        None if OLD_PAPUA.contains(&province_code) => {
            (params.informal_share_papua.at(at), Basis::OldPapuaBoundary)
        }
        // Every province in the table has one of the above; the national share is the fallback.
        None => (params.informal_share_national.at(at), Basis::National),
    };
    let vulnerable_share = params.vulnerable_share.at(at);
    let population = place.population();
    let workers = (Decimal::from(population) * employed_share * informal_share * vulnerable_share)
        .round()
        .try_into()
        .unwrap_or(1u64)
        .max(1);
    Estimate {
        population,
        employed_share,
        employed_basis,
        informal_share,
        informal_basis,
        vulnerable_share,
        workers,
    }
}

/// The starting scenario of the kab/kota or province with `code`.
pub fn starting_scenario(params: &Parameters, code: &str) -> Result<StartingPoint, RegionError> {
    let catalogue = super::catalogue()?;
    let place = catalogue.place(code)?;
    let mut sc = presets::load("custom")
        .map_err(|e| RegionError::Malformed("presets/custom.json", e.to_string()))?;
    let start = sc.horizon.start;
    let estimate = estimate(params, catalogue, place, start);
    let name = place.name();

    sc.region.name = name.clone();
    sc.region.kind = place.kind();
    sc.region.vulnerable_workers = estimate.workers;
    sc.region.covered_at_start.clear();
    sc.region.desa = place.desa();
    sc.region.kelurahan = place.kelurahan();
    // No table counts civil servants per region: the bapak asuh rule needs the user's figure.
    sc.region.asn = 0;

    // The list to verify holds everyone, at the neutral verification yield; checking a
    // twentieth of the workers a month clears it in about three years.
    let workers = Decimal::from(estimate.workers);
    sc.enrolment.listed = (workers / sc.enrolment.verification_yield)
        .round()
        .try_into()
        .unwrap_or(estimate.workers);
    sc.enrolment.verification_per_month = (estimate.workers / 20).max(100);

    // A first APBD line to fill in: what a tenth of the workers cost for a year, in juta.
    let month_cost = params
        .contribution_for(start, &sc.programmes, false)
        .total();
    let juta = Decimal::from(1_000_000);
    let yearly = (workers / Decimal::TEN * month_cost * Decimal::from(12) / juta).ceil() * juta;
    let (kind, apbd_name) = match place.kind() {
        RegionKind::Provinsi => (SourceKind::ApbdProvinsi, format!("APBD {name}")),
        _ => (SourceKind::ApbdKota, format!("APBD {name}")),
    };
    sc.sources.clear();
    if let Some(i) = sc.add_source(kind, &apbd_name, params) {
        sc.sources[i].amount = Amount::Rupiah { yearly };
    }
    // Dana Desa belongs to a kab/kota's desa; a province works through its own transfers.
    if place.desa() > 0 && place.kind() != RegionKind::Provinsi {
        sc.add_source(SourceKind::DanaDesa, "Dana Desa", params);
    }
    Ok(StartingPoint {
        code: place.code().to_string(),
        scenario: sc,
        estimate,
    })
}
