//! The sentences under the headline figures, shared by the summary cards of the full app
//! and the figures of the embed: covered of all workers, and the target to compare with.

use crate::engine::scenario::Target;
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
}
