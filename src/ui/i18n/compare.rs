//! The comparison panel's text: its headings, the summary table's row labels and
//! differences ("3 bulan lebih cepat"), and the labels and units of "Apa yang berbeda".
//! Labels of the inputs come from `field_label`.

use crate::locale::Lang;

/// A fixed piece of the comparison panel's text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Text {
    Title,
    Summary,
    Differences,
    NoDifferences,
    Figure,
    Input,
    CoverageEnd,
    CoveredEnd,
    TargetReached,
    NotReached,
    CostHorizon,
    CostFirstYear,
    PerWorkerYear,
    Benefits,
    Points,
    MonthsEarlier,
    MonthsLater,
    SameMonth,
    CannotCompare,
    DifferenceFromFirst,
    Yes,
    No,
    Months,
    Years,
}

/// The text of `key` in `lang`.
pub fn text(key: Text, lang: Lang) -> &'static str {
    use Text::*;
    let (id, en) = match key {
        Title => ("Perbandingan skenario", "Scenario comparison"),
        Summary => ("Ringkasan", "Summary"),
        Differences => ("Apa yang berbeda", "What differs"),
        NoDifferences => (
            "Semua masukan skenario ini sama.",
            "These scenarios have the same inputs.",
        ),
        Figure => ("Angka", "Figure"),
        Input => ("Masukan", "Input"),
        CoverageEnd => ("Cakupan di akhir horizon", "Coverage at the end"),
        CoveredEnd => ("Pekerja tercakup di akhir", "Workers covered at the end"),
        TargetReached => ("Target tercapai", "Target reached"),
        NotReached => ("tidak tercapai", "not reached"),
        CostHorizon => ("Biaya selama horizon", "Cost over the horizon"),
        CostFirstYear => ("Biaya tahun pertama", "Cost in the first year"),
        PerWorkerYear => (
            "Rp per pekerja-tahun terlindungi",
            "Rp per protected worker-year",
        ),
        Benefits => (
            "Perkiraan manfaat untuk keluarga",
            "Expected benefits to families",
        ),
        Points => ("poin", "pts"),
        MonthsEarlier => ("bulan lebih cepat", "months earlier"),
        MonthsLater => ("bulan lebih lambat", "months later"),
        SameMonth => ("bulan yang sama", "same month"),
        CannotCompare => ("tidak dapat dibandingkan", "cannot be compared"),
        DifferenceFromFirst => (
            "selisih dari kolom pertama",
            "difference from the first column",
        ),
        Yes => ("ya", "yes"),
        No => ("tidak", "no"),
        Months => ("bulan", "months"),
        Years => ("tahun", "years"),
    };
    lang.pick(id, en)
}
