//! The yearly results table: the CLI's CSV, the web app's table and its CSV download all
//! use these columns. Money is whole Rupiah without separators.

use super::outcome::{Outcome, YearResult};
use rust_decimal::Decimal;

/// A column slug for a source name: lowercase letters, digits and underscores.
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.trim().to_lowercase().chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('_') {
            out.push('_');
        }
    }
    out.trim_matches('_').to_string()
}

/// `contributions_<slug>` for each source, made unique.
pub fn source_columns(outcome: &Outcome) -> Vec<String> {
    columns(outcome, "contributions")
}

/// `<prefix>_<slug>` for each source, made unique.
fn columns(outcome: &Outcome, prefix: &str) -> Vec<String> {
    named_columns(&outcome.source_names, prefix)
}

/// `<prefix>_<slug>` for each name, made unique.
fn named_columns(names: &[String], prefix: &str) -> Vec<String> {
    let mut seen: Vec<String> = Vec::new();
    for name in names {
        let base = format!("{prefix}_{}", slug(name));
        let mut col = base.clone();
        let mut k = 2;
        while seen.contains(&col) {
            col = format!("{base}_{k}");
            k += 1;
        }
        seen.push(col);
    }
    seen
}

/// The header row.
pub fn header(outcome: &Outcome) -> Vec<String> {
    let mut cols: Vec<String> = [
        "year",
        "months",
        "population_end",
        "workers_covered_end",
        "coverage_ratio",
        "new_enrolments",
        "lapses",
        "waitlist",
        "unverified",
        "contributions_total",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    cols.extend(source_columns(outcome));
    cols.extend(
        [
            "contributions_jkk",
            "contributions_jkm",
            "contributions_jht",
            "unspent_total",
            "expected_deaths",
            "expected_accidents",
            "benefits_paid",
            "jht_balance_end",
            "cumulative_cost",
            "cost_per_worker_year",
        ]
        .iter()
        .map(|s| s.to_string()),
    );
    // Each source's money for the year (the funding ledger), last so older readers keep
    // their column positions.
    cols.extend(columns(outcome, "budget"));
    // With worker groups, each group's covered workers, workers and contributions.
    for prefix in ["covered_group", "population_group", "contributions_group"] {
        cols.extend(named_columns(&outcome.group_names, prefix));
    }
    cols
}

fn rupiah(x: Decimal) -> String {
    x.round_dp(0).normalize().to_string()
}

/// One row per year, in the header's order.
pub fn row(y: &YearResult) -> Vec<String> {
    let mut r = vec![
        y.year.to_string(),
        y.months.to_string(),
        y.population_end.to_string(),
        y.workers_covered_end.to_string(),
        format!("{:.4}", y.coverage_ratio),
        y.new_enrolments.to_string(),
        y.lapses.to_string(),
        y.waitlist.to_string(),
        y.unverified.to_string(),
        rupiah(y.contributions_total),
    ];
    r.extend(y.contributions_by_source.iter().map(|c| rupiah(*c)));
    r.extend([
        rupiah(y.contributions_jkk),
        rupiah(y.contributions_jkm),
        rupiah(y.contributions_jht),
        rupiah(y.unspent_total),
        format!("{:.2}", y.expected_deaths),
        format!("{:.2}", y.expected_accidents),
        rupiah(y.benefits_paid),
        rupiah(y.jht_balance_end),
        rupiah(y.cumulative_cost),
        y.cost_per_worker_year.map(rupiah).unwrap_or_default(),
    ]);
    r.extend(y.budget_by_source.iter().map(|b| rupiah(*b)));
    r.extend(y.covered_by_group_end.iter().map(u64::to_string));
    r.extend(y.population_by_group_end.iter().map(u64::to_string));
    r.extend(y.contributions_by_group.iter().map(|c| rupiah(*c)));
    r
}

/// The whole table as CSV. No field can hold a comma or a quote (slugs and numbers only),
/// so no quoting is needed.
pub fn yearly_csv(outcome: &Outcome) -> String {
    let mut out = header(outcome).join(",");
    out.push('\n');
    for y in &outcome.years {
        out.push_str(&row(y).join(","));
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_csv_safe() {
        assert_eq!(slug("APBD Kota Ambon"), "apbd_kota_ambon");
        assert_eq!(slug("  CSR, \"mitra\"  "), "csr_mitra");
        assert_eq!(slug("Baznas/Zakat 2026"), "baznas_zakat_2026");
    }
}
