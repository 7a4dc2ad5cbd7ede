//! Province and national results as CSV: one row per region and year, the nation or the
//! province first, each province followed by its kab/kota, with who pays and the UCJ path.
//! The CLI prints it and the app's national section downloads it. The province a row is
//! in comes last (added after the first release, so older readers keep their columns).
//! It knows nothing of how it is shown.

use super::national::NationalOutcome;
use super::plan::RegionResult;
use super::province::ProvinceOutcome;

/// The CSV header.
pub const HEADER: &str = "region,code,level,year,workers,covered,coverage_ratio,target,target_reached,contributions_total,paid_province,paid_kab_kota,paid_desa,paid_other,from_province_sources,unspent_total,workers_estimate,ucj,ucj_target,ucj_target_interpolated,ucj_gap_members,ucj_gap_cost,ucj_estimate,province\n";

/// A province's result: the province, then each kab/kota.
pub fn province_csv(outcome: &ProvinceOutcome) -> String {
    let mut out = String::from(HEADER);
    province_rows(&mut out, outcome);
    out
}

/// The nation, then each province followed by its kab/kota.
pub fn national_csv(outcome: &NationalOutcome) -> String {
    let mut out = String::from(HEADER);
    rows(&mut out, &outcome.nation, "nasional", "");
    for p in &outcome.provinces {
        province_rows(&mut out, p);
    }
    out
}

fn province_rows(out: &mut String, outcome: &ProvinceOutcome) {
    let province = quoted(&outcome.province.name);
    rows(out, &outcome.province, "provinsi", &province);
    for k in &outcome.kabkota {
        rows(out, k, "kabkota", &province);
    }
}

/// A CSV field: quoted when it holds a comma, a quote or a line break.
fn quoted(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

fn rows(out: &mut String, r: &RegionResult, level: &str, province: &str) {
    let name = quoted(&r.name);
    let reached = r.target_reached.map(|m| m.to_string()).unwrap_or_default();
    for (i, y) in r.years.iter().enumerate() {
        let ucj = r
            .ucj
            .as_ref()
            .and_then(|u| u.years.get(i).map(|uy| (u, uy)))
            .map(|(u, uy)| {
                format!(
                    "{:.4},{},{},{},{},{}",
                    uy.share,
                    uy.target.target,
                    uy.target.interpolated,
                    uy.gap_members,
                    uy.gap_cost.round_dp(0),
                    u.base.is_estimate()
                )
            })
            .unwrap_or_else(|| ",,,,,".to_string());
        out.push_str(&format!(
            "{name},{},{level},{},{},{},{:.4},{},{reached},{},{},{},{},{},{},{},{},{ucj},{province}\n",
            r.code,
            y.year,
            y.workers,
            y.covered,
            y.coverage,
            r.target.coverage,
            y.contributions.round_dp(0),
            y.by_payer.province.round_dp(0),
            y.by_payer.kab_kota.round_dp(0),
            y.by_payer.desa.round_dp(0),
            y.by_payer.other.round_dp(0),
            y.from_province_sources.round_dp(0),
            y.unspent.round_dp(0),
            r.workers_estimated,
        ));
    }
}
