//! The sentences under the headline figures, shared by the summary cards of the full app
//! and the figures of the embed: covered of all workers, the target to compare with, and
//! whether the target, once reached, holds.

use crate::engine::scenario::Target;
use crate::engine::YearMonth;
use crate::locale::format;
use crate::locale::Lang;

/// "70.000 dari 120.000 pekerja": covered workers of all vulnerable workers.
pub fn covered_of(covered: u64, population: u64, lang: Lang) -> String {
    let (covered, population) = (
        format::number(covered, lang),
        format::number(population, lang),
    );
    match lang {
        Lang::Id => format!("{covered} dari {population} pekerja"),
        Lang::En => format!("{covered} of {population} workers"),
    }
}

/// "Rp 201.600 per pekerja-tahun terlindungi": the cost of one protected worker-year.
pub fn per_worker_year(amount: &str, lang: Lang) -> String {
    match lang {
        Lang::Id => format!("{amount} per pekerja-tahun terlindungi"),
        Lang::En => format!("{amount} per protected worker-year"),
    }
}

/// "≈ 700 kematian (perkiraan)": an expected count, rounded to two significant digits
/// (a model's estimate, not a count to the person), and said to be one.
pub fn expected_deaths(expected: f64, lang: Lang) -> String {
    let n = format::number_f64(round_estimate(expected), lang);
    match lang {
        Lang::Id => format!("≈ {n} kematian (perkiraan)"),
        Lang::En => format!("≈ {n} deaths (estimate)"),
    }
}

/// An estimate rounded to two significant digits: 701.3 → 700, 12.6 → 13, 0.4 → 0.
pub fn round_estimate(x: f64) -> f64 {
    if !x.is_finite() || x.abs() < 10.0 {
        return x.round();
    }
    let step = 10f64.powi(x.abs().log10().floor() as i32 - 1);
    (x / step).round() * step
}

/// "target 60,0% pada 2030": the coverage aimed at and its year.
pub fn target_by(target: &Target, lang: Lang) -> String {
    let coverage = format::percent(target.coverage, lang);
    let year = target.year;
    match lang {
        Lang::Id => format!("target {coverage} pada {year}"),
        Lang::En => format!("target {coverage} by {year}"),
    }
}

/// Whether a reached target holds: "Target tercapai dan bertahan", or when it fell below
/// at the end of `fell_below` ("Tercapai Maret 2028, turun di bawah target pada akhir
/// 2030"), or when it was reached only after the target year. Nothing when not reached.
pub fn target_status(
    target: &Target,
    reached: Option<YearMonth>,
    met: bool,
    fell_below: Option<i32>,
    lang: Lang,
) -> Option<String> {
    let reached = reached?;
    if met {
        return Some(
            lang.pick("Target tercapai dan bertahan", "Target reached and held")
                .into(),
        );
    }
    let when = format::month_year(reached, lang);
    Some(match (fell_below, lang) {
        (Some(y), Lang::Id) => format!("Tercapai {when}, turun di bawah target pada akhir {y}"),
        (Some(y), Lang::En) => format!("Reached {when}, below the target again at the end of {y}"),
        (None, Lang::Id) => format!("Tercapai {when}, setelah tahun target {}", target.year),
        (None, Lang::En) => format!("Reached {when}, after the target year {}", target.year),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn estimates_keep_two_significant_digits_and_say_so() {
        assert_eq!(round_estimate(701.3), 700.0);
        assert_eq!(round_estimate(12.6), 13.0);
        assert_eq!(round_estimate(4.4), 4.0);
        assert_eq!(round_estimate(15_490.0), 15_000.0);
        assert_eq!(
            expected_deaths(701.3, Lang::Id),
            "≈ 700 kematian (perkiraan)"
        );
        assert_eq!(
            expected_deaths(1_260.0, Lang::En),
            "≈ 1,300 deaths (estimate)"
        );
    }
    use rust_decimal::Decimal;

    #[test]
    fn figures_read_as_sentences() {
        assert_eq!(
            covered_of(40_392, 72_800, Lang::Id),
            "40.392 dari 72.800 pekerja"
        );
        assert_eq!(
            covered_of(40_392, 72_800, Lang::En),
            "40,392 of 72,800 workers"
        );
        let target = Target {
            coverage: Decimal::new(6, 1),
            year: 2030,
        };
        assert_eq!(target_by(&target, Lang::Id), "target 60,0% pada 2030");
        assert_eq!(target_by(&target, Lang::En), "target 60.0% by 2030");
    }

    #[test]
    fn a_reached_target_says_whether_it_holds() {
        let target = Target {
            coverage: Decimal::new(6, 1),
            year: 2028,
        };
        let march = Some(YearMonth::new(2028, 3));
        assert_eq!(target_status(&target, None, false, None, Lang::Id), None);
        assert_eq!(
            target_status(&target, march, true, None, Lang::Id).as_deref(),
            Some("Target tercapai dan bertahan")
        );
        assert_eq!(
            target_status(&target, march, false, Some(2030), Lang::Id).as_deref(),
            Some("Tercapai Maret 2028, turun di bawah target pada akhir 2030")
        );
        assert_eq!(
            target_status(&target, march, false, Some(2030), Lang::En).as_deref(),
            Some("Reached March 2028, below the target again at the end of 2030")
        );
    }
}
