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
