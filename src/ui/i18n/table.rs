//! The yearly results table's column headings in the user's language. The table keeps the
//! CLI's columns (`engine::report`) and their order; only what the reader sees is named
//! here, so no raw field name (`population_end`) reaches the page.

use crate::locale::Lang;

/// The heading of a fixed column, by its CSV name; `None` for a per-source column.
pub fn column(code: &str, lang: Lang) -> Option<&'static str> {
    let (id, en) = match code {
        "year" => ("Tahun", "Year"),
        "months" => ("Bulan", "Months"),
        "population_end" => (
            "Pekerja rentan (akhir tahun)",
            "Vulnerable workers (year end)",
        ),
        "workers_covered_end" => (
            "Pekerja terlindungi (akhir tahun)",
            "Workers covered (year end)",
        ),
        "coverage_ratio" => ("Cakupan", "Coverage"),
        "new_enrolments" => ("Pendaftaran baru", "New enrolments"),
        "lapses" => ("Berhenti", "Lapses"),
        "waitlist" => (
            "Terverifikasi, menunggu dana",
            "Verified, waiting for money",
        ),
        "unverified" => ("Belum diverifikasi", "Not yet verified"),
        "contributions_total" => ("Iuran dibayar (Rp)", "Premiums paid (Rp)"),
        "contributions_jkk" => ("Iuran JKK (Rp)", "JKK premiums (Rp)"),
        "contributions_jkm" => ("Iuran JKM (Rp)", "JKM premiums (Rp)"),
        "contributions_jht" => ("Iuran JHT (Rp)", "JHT premiums (Rp)"),
        "unspent_total" => ("Dana tidak terpakai (Rp)", "Money left unspent (Rp)"),
        "expected_deaths" => ("Perkiraan kematian", "Expected deaths (estimate)"),
        "expected_accidents" => (
            "Perkiraan kecelakaan kerja",
            "Expected work accidents (estimate)",
        ),
        "benefits_paid" => (
            "Perkiraan manfaat dibayar",
            "Expected benefits paid (estimate)",
        ),
        "jht_balance_end" => (
            "Perkiraan saldo JHT (akhir tahun)",
            "Expected JHT balance (year end, estimate)",
        ),
        "cumulative_cost" => ("Biaya kumulatif (Rp)", "Cumulative cost (Rp)"),
        "cost_per_worker_year" => ("Rp per pekerja-tahun", "Rp per worker-year"),
        _ => return None,
    };
    Some(lang.pick(id, en))
}

/// The heading of a per-source column: what source `name` paid, or its budget.
pub fn source_column(name: &str, budget: bool, lang: Lang) -> String {
    match (budget, lang) {
        (false, Lang::Id) => format!("Dibayar {name} (Rp)"),
        (false, Lang::En) => format!("Paid by {name} (Rp)"),
        (true, Lang::Id) => format!("Pagu {name} (Rp)"),
        (true, Lang::En) => format!("Budget of {name} (Rp)"),
    }
}

/// Whether a column holds a model's estimate (shown rounded, never to the unit).
pub fn is_estimate(code: &str) -> bool {
    matches!(
        code,
        "expected_deaths" | "expected_accidents" | "benefits_paid" | "jht_balance_end"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_fixed_column_has_a_heading_in_both_languages() {
        use crate::engine::{presets, report, simulate, Parameters};
        let params = Parameters::embedded().unwrap();
        let valid = presets::load("ambon").unwrap().validate(&params).unwrap();
        let outcome = simulate(&params, &valid);
        let per_source = 2 * outcome.source_names.len();
        let header = report::header(&outcome);
        let fixed = header
            .iter()
            .filter(|c| column(c, Lang::Id).is_some())
            .count();
        assert_eq!(fixed + per_source, header.len(), "{header:?}");
        for code in &header {
            for lang in [Lang::Id, Lang::En] {
                if let Some(heading) = column(code, lang) {
                    assert!(!heading.contains('_'), "{code}: {heading}");
                }
            }
        }
    }
}
