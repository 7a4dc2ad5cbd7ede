//! The goal-seek's sentences: the question it answers, the budget it finds, what the
//! source's current amount keeps covered, and why a target cannot be reached.
//! `engine::solve` finds the numbers; this module only says them.

use super::{month_name, T};

use crate::engine::scenario::Target;
use crate::engine::solve::{BudgetAnswer, CoverageAnswer, Unreachable};
use crate::locale::format;
use crate::locale::Lang;

/// "Berapa anggaran yang dibutuhkan agar X% terlindungi pada tahun Y?"
pub fn question(target: &Target, lang: Lang) -> String {
    let coverage = format::percent(target.coverage, lang);
    let year = target.year;
    match lang {
        Lang::Id => format!(
            "Berapa anggaran yang dibutuhkan agar {coverage} terlindungi pada tahun {year}?"
        ),
        Lang::En => format!("What budget protects {coverage} of workers by {year}?"),
    }
}

/// The yearly amount source `name` needs, and when the target is then reached.
pub fn budget_answer(name: &str, a: &BudgetAnswer, lang: Lang) -> String {
    let compact = format::rupiah_compact(a.yearly_amount, lang);
    let exact = format::rupiah(a.yearly_amount);
    let month = month_name(a.reached.month, lang);
    let year = a.reached.year;
    match lang {
        Lang::Id => format!(
            "{name} perlu {compact} per tahun ({exact}); target tercapai pada {month} {year}."
        ),
        Lang::En => format!(
            "{name} needs {compact} a year ({exact}); the target is reached in {month} {year}."
        ),
    }
}

/// What source `name`'s current yearly amount pays for and covers.
pub fn coverage_answer(name: &str, c: &CoverageAnswer, lang: Lang) -> String {
    let amount = format::rupiah_compact(c.yearly_amount, lang);
    let paid = format::number(c.affordable_workers, lang);
    let covered = format::number(c.workers_covered_by_source, lang);
    match lang {
        Lang::Id => format!(
            "Dengan {amount} per tahun, {name} membiayai {paid} pekerja-tahun; di akhir horizon menanggung {covered} pekerja."
        ),
        Lang::En => format!(
            "With {amount} a year, {name} pays for {paid} worker-years; at the end of the horizon it covers {covered} workers."
        ),
    }
}

/// Why no yearly amount of the source reaches the target, and what would help.
pub fn why_unreachable(why: &Unreachable, lang: Lang) -> String {
    match (why, lang) {
        (Unreachable::VerificationBinds { best_ratio, year }, Lang::Id) => format!(
            "Verifikasi menjadi hambatan: paling banyak {} pekerja terverifikasi pada akhir {year}, berapa pun anggarannya. Tambah kapasitas verifikasi atau data calon peserta.",
            format::percent(*best_ratio, lang)
        ),
        (Unreachable::VerificationBinds { best_ratio, year }, Lang::En) => format!(
            "Verification binds: at most {} of workers are verified by the end of {year}, whatever the budget. Raise verification capacity or the list.",
            format::percent(*best_ratio, lang)
        ),
        (Unreachable::SourceInactive { year }, Lang::Id) => format!("Sumber ini tidak membayar apa pun sebelum akhir {year}."),
        (Unreachable::SourceInactive { year }, Lang::En) => format!("This source pays nothing before the end of {year}."),
        (Unreachable::CapBinds { cap, best_ratio, .. }, Lang::Id) => format!(
            "Batas {} pekerja pada sumber ini menghalangi: paling tinggi {}.",
            format::number(*cap, lang),
            format::percent(*best_ratio, lang)
        ),
        (Unreachable::CapBinds { cap, best_ratio, .. }, Lang::En) => format!(
            "This source's cap of {} workers stops it: at best {}.",
            format::number(*cap, lang),
            format::percent(*best_ratio, lang)
        ),
        (Unreachable::TooExpensive { best_ratio, .. }, Lang::Id) => {
            format!("Tidak tercapai bahkan dengan Rp10 triliun per tahun (paling tinggi {}).", format::percent(*best_ratio, lang))
        }
        (Unreachable::TooExpensive { best_ratio, .. }, Lang::En) => {
            format!("Not reached even with Rp10 trillion a year (at best {}).", format::percent(*best_ratio, lang))
        }
        (Unreachable::NoSuchSource, _) => T::NoSources.get(lang).to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::YearMonth;
    use rust_decimal::Decimal;

    #[test]
    fn answers_name_the_amount_and_the_month() {
        let target = Target {
            coverage: Decimal::new(6, 1),
            year: 2030,
        };
        assert_eq!(
            question(&target, Lang::Id),
            "Berapa anggaran yang dibutuhkan agar 60,0% terlindungi pada tahun 2030?"
        );
        let answer = BudgetAnswer {
            source: 0,
            yearly_amount: Decimal::from(3_024_000_000_i64),
            reached: YearMonth::new(2028, 3),
        };
        assert_eq!(
            budget_answer("APBD Kota", &answer, Lang::Id),
            "APBD Kota perlu Rp 3,0 miliar per tahun (Rp 3.024.000.000); target tercapai pada Maret 2028."
        );
        assert_eq!(
            budget_answer("APBD Kota", &answer, Lang::En),
            "APBD Kota needs Rp 3.0 miliar a year (Rp 3.024.000.000); the target is reached in March 2028."
        );
        assert_eq!(
            why_unreachable(&Unreachable::SourceInactive { year: 2027 }, Lang::En),
            "This source pays nothing before the end of 2027."
        );
    }
}
