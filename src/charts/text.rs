//! The charts' words, in both languages: each chart's title, axes, legend, table headers
//! and messages (`ChartText`), and the one-sentence summaries of the three result charts
//! and the two comparison charts. The charts own their wording; the UI's catalogue holds
//! none of it.
//!
//! The charts measure and format the numbers; this module only puts them into sentences.
//! It must not know how a chart is drawn.

use super::{ChartKind, CompareKind};
use crate::locale::Lang;
use std::cmp::Ordering;

/// Every fixed string of one chart in one language, so that the drawing code holds none.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartText {
    pub kind: ChartKind,
    pub lang: Lang,
    pub title: &'static str,
    /// What the values are counted in, shown under the title: "Rupiah per tahun".
    pub unit: &'static str,
    /// The time axis under year ticks.
    pub x_axis: &'static str,
    /// The time axis under month ticks, for short horizons.
    pub x_axis_months: &'static str,
    pub y_axis: &'static str,
    /// Legend entries in the order each chart module documents.
    pub series: &'static [&'static str],
    /// The baseline's legend entry, before its name: "Tanpa perubahan".
    pub baseline: &'static str,
    /// The label of the switch that hides the baseline.
    pub show_baseline: &'static str,
    /// Shown in the plot when there is nothing to draw.
    pub empty: &'static str,
    /// Shown instead of the chart when drawing failed.
    pub failed: &'static str,
    /// Table headers in the order each chart module documents.
    pub columns: &'static [&'static str],
    /// "months", for years that the horizon covers only in part.
    pub months: &'static str,
}

impl ChartText {
    /// The text of chart `kind` in `lang`.
    pub fn new(kind: ChartKind, lang: Lang) -> Self {
        let failed = failed(lang);
        let months = lang.pick("bulan", "months");
        let years = lang.pick("Tahun", "Year");
        let x_axis_months = lang.pick("Bulan", "Month");
        let money_unit = money_unit(lang);
        let no_change = lang.pick("Tanpa perubahan", "No change");
        let show_baseline = lang.pick("Tampilkan garis tanpa perubahan", "Show the no-change line");
        match kind {
            ChartKind::Coverage => ChartText {
                kind,
                lang,
                title: lang.pick("Cakupan pekerja rentan", "Coverage of vulnerable workers"),
                unit: lang.pick(
                    "Jumlah pekerja, per bulan",
                    "Number of workers, month by month",
                ),
                x_axis: years,
                x_axis_months,
                y_axis: lang.pick("Pekerja", "Workers"),
                series: lang.pick(
                    &[
                        "Tercakup",
                        "Terverifikasi, menunggu dana",
                        "Belum diverifikasi",
                        "Target",
                    ],
                    &[
                        "Covered",
                        "Verified, waiting for funds",
                        "Not yet verified",
                        "Target",
                    ],
                ),
                baseline: no_change,
                show_baseline,
                empty: lang.pick("Belum ada data", "No data yet"),
                failed,
                columns: lang.pick(
                    &[
                        "Tahun",
                        "Pekerja rentan",
                        "Tercakup",
                        "Cakupan",
                        "Menunggu dana",
                        "Belum diverifikasi",
                    ],
                    &[
                        "Year",
                        "Vulnerable workers",
                        "Covered",
                        "Coverage",
                        "Waiting for funds",
                        "Not yet verified",
                    ],
                ),
                months,
            },
            ChartKind::Cost => ChartText {
                kind,
                lang,
                title: lang.pick(
                    "Biaya per tahun menurut sumber dana",
                    "Yearly cost by funding source",
                ),
                unit: money_unit,
                x_axis: years,
                x_axis_months,
                y_axis: "Rupiah",
                series: lang.pick(&["Anggaran tidak terpakai"], &["Unspent budget"]),
                baseline: no_change,
                show_baseline,
                empty: lang.pick(
                    "Tidak ada biaya dalam skenario ini",
                    "No cost in this scenario",
                ),
                failed,
                columns: lang.pick(
                    &["Tahun", "Total biaya", "Tidak terpakai"],
                    &["Year", "Total cost", "Unspent"],
                ),
                months,
            },
            ChartKind::Benefits => ChartText {
                kind,
                lang,
                title: lang.pick("Manfaat dibayar vs iuran", "Benefits paid vs contributions"),
                unit: money_unit,
                x_axis: years,
                x_axis_months,
                y_axis: "Rupiah",
                series: lang.pick(
                    &["Iuran JKK + JKM", "Perkiraan manfaat dibayar"],
                    &["JKK + JKM contributions", "Expected benefits paid"],
                ),
                baseline: no_change,
                show_baseline,
                empty: lang.pick(
                    "Belum ada iuran atau manfaat",
                    "No contributions or benefits yet",
                ),
                failed,
                columns: lang.pick(
                    &[
                        "Tahun",
                        "Iuran JKK + JKM",
                        "Iuran JHT",
                        "Perkiraan manfaat dibayar",
                        "Manfaat ÷ iuran JKK + JKM",
                    ],
                    &[
                        "Year",
                        "JKK + JKM contributions",
                        "JHT contributions",
                        "Expected benefits paid",
                        "Benefits ÷ JKK + JKM",
                    ],
                ),
                months,
            },
            ChartKind::Compare(compared) => Self::compare(compared, lang),
        }
    }

    /// The text of comparison chart `kind` in `lang`; it has no fixed legend or baseline.
    fn compare(compared: CompareKind, lang: Lang) -> Self {
        let (title, unit, y_axis, empty) = match compared {
            CompareKind::Coverage => (
                lang.pick("Cakupan pekerja rentan", "Coverage of vulnerable workers"),
                lang.pick(
                    "% pekerja rentan yang tercakup, per bulan",
                    "% of vulnerable workers covered, month by month",
                ),
                lang.pick(
                    "Tercakup (% pekerja rentan)",
                    "Covered (% of vulnerable workers)",
                ),
                lang.pick("Belum ada data", "No data yet"),
            ),
            CompareKind::Cost => (
                lang.pick("Biaya per tahun", "Yearly cost"),
                money_unit(lang),
                "Rupiah",
                lang.pick("Tidak ada biaya", "No cost"),
            ),
        };
        ChartText {
            kind: ChartKind::Compare(compared),
            lang,
            title,
            unit,
            x_axis: lang.pick("Tahun", "Year"),
            x_axis_months: lang.pick("Bulan", "Month"),
            y_axis,
            series: &[],
            baseline: "",
            show_baseline: "",
            empty,
            failed: failed(lang),
            columns: lang.pick(&["Tahun"], &["Year"]),
            months: lang.pick("bulan", "months"),
        }
    }
}

/// The unit of the money charts. Their ticks name their own size ("Rp 8 miliar",
/// "Rp 500 juta"), so the unit names none: a small budget's ticks are in juta.
fn money_unit(lang: Lang) -> &'static str {
    lang.pick("Rupiah per tahun", "Rupiah per year")
}

fn failed(lang: Lang) -> &'static str {
    lang.pick(
        "Grafik tidak dapat digambar.",
        "The chart could not be drawn.",
    )
}

// ---------------------------------------------------------------------------------------
// The result charts' summaries.

/// The coverage chart's sentence when there are no months to describe.
pub fn coverage_empty(lang: Lang) -> &'static str {
    lang.pick(
        "Belum ada hasil simulasi.",
        "There are no simulation results yet.",
    )
}

/// What the coverage chart's sentence says, its numbers already formatted.
#[derive(Clone, Copy, Debug)]
pub struct CoverageFacts<'a> {
    /// Covered workers in the first month.
    pub first: &'a str,
    /// Covered workers in the last month.
    pub last: &'a str,
    /// Whether the last month has more, fewer or about as many (within 1%) covered workers
    /// as the first.
    pub trend: Ordering,
    /// Covered ÷ vulnerable workers in the last month.
    pub share: &'a str,
    /// The last month.
    pub when: &'a str,
    /// The target coverage.
    pub goal: &'a str,
    /// Whether the target is met by the target year.
    pub met: bool,
    /// The month the target is reached, if it is.
    pub reached: Option<&'a str>,
}

/// One sentence: where coverage starts and ends, and whether the target is met.
pub fn coverage_summary(facts: &CoverageFacts, lang: Lang) -> String {
    let CoverageFacts {
        first,
        last,
        trend,
        share,
        when,
        goal,
        met,
        reached,
    } = *facts;
    match lang {
        Lang::Id => {
            let change = match trend {
                Ordering::Greater => format!("naik dari {first} menjadi {last}"),
                Ordering::Less => format!("turun dari {first} menjadi {last}"),
                Ordering::Equal if first == last => format!("tetap {last}"),
                Ordering::Equal => format!("hampir tetap, {first} menjadi {last}"),
            };
            let verdict = match (met, reached) {
                (true, Some(m)) => format!("target {goal} tercapai pada {m}"),
                (true, None) => format!("target {goal} tercapai"),
                (false, Some(m)) => {
                    format!("target {goal} baru tercapai pada {m}, setelah tahun target")
                }
                (false, None) => format!("target {goal} tidak tercapai"),
            };
            format!("Cakupan {change} pekerja ({share}) pada {when}; {verdict}.")
        }
        Lang::En => {
            let change = match trend {
                Ordering::Greater => format!("rises from {first} to {last}"),
                Ordering::Less => format!("falls from {first} to {last}"),
                Ordering::Equal if first == last => format!("stays at {last}"),
                Ordering::Equal => format!("holds steady, {first} to {last}"),
            };
            let verdict = match (met, reached) {
                (true, Some(m)) => format!("the {goal} target is reached in {m}"),
                (true, None) => format!("the {goal} target is reached"),
                (false, Some(m)) => {
                    format!("the {goal} target is reached only in {m}, after the target year")
                }
                (false, None) => format!("the {goal} target is not reached"),
            };
            format!("Coverage {change} workers ({share}) by {when}; {verdict}.")
        }
    }
}

/// The cost chart's sentence when nothing was paid over `span`: there is no source at all,
/// or the sources paid nothing.
pub fn cost_nothing(span: &str, no_sources: bool, lang: Lang) -> String {
    match (lang, no_sources) {
        (Lang::Id, true) => {
            format!("Tidak ada biaya selama {span} karena skenario ini tidak punya sumber dana.")
        }
        (Lang::Id, false) => {
            format!("Tidak ada biaya selama {span}: tidak ada iuran yang dibayar.")
        }
        (Lang::En, true) => {
            format!("No cost over {span} because this scenario has no funding source.")
        }
        (Lang::En, false) => format!("No cost over {span}: no contributions were paid."),
    }
}

/// The funder that paid most, for the cost chart's sentence.
#[derive(Clone, Copy, Debug)]
pub struct LargestFunder<'a> {
    pub name: &'a str,
    pub amount: &'a str,
    /// Its share of all contributions.
    pub share: &'a str,
    /// Whether it is the only source that paid anything.
    pub alone: bool,
}

/// What the cost chart's sentence says, its amounts already formatted.
#[derive(Clone, Copy, Debug)]
pub struct CostFacts<'a> {
    /// The years covered, e.g. "2026–2030".
    pub span: &'a str,
    pub total: &'a str,
    pub largest: Option<LargestFunder<'a>>,
    /// Budget left unspent, when it is worth mentioning.
    pub unspent: Option<&'a str>,
}

/// One sentence: the total, the largest funder and any unspent budget.
pub fn cost_summary(facts: &CostFacts, lang: Lang) -> String {
    let CostFacts {
        span,
        total,
        largest,
        unspent,
    } = *facts;
    let mut sentence = match lang {
        Lang::Id => format!("Total biaya {total} selama {span}"),
        Lang::En => format!("Total cost {total} over {span}"),
    };
    if let Some(LargestFunder {
        name,
        amount,
        share,
        alone,
    }) = largest
    {
        sentence.push_str(&match (lang, alone) {
            (Lang::Id, true) => format!(", seluruhnya dari {name}"),
            (Lang::En, true) => format!(", all from {name}"),
            (Lang::Id, false) => format!("; porsi terbesar dari {name} ({amount}, {share})"),
            (Lang::En, false) => format!("; the largest share from {name} ({amount}, {share})"),
        });
    }
    if let Some(unspent) = unspent {
        sentence.push_str(&match lang {
            Lang::Id => format!("; {unspent} anggaran tidak terpakai"),
            Lang::En => format!("; {unspent} of budget left unspent"),
        });
    }
    sentence.push('.');
    sentence
}

/// One sentence: expected benefits `paid_out` over `span` against JKK and JKM
/// contributions; `paid_in` is those contributions and `paid_out`'s share of them, or
/// `None` when none were paid.
pub fn benefits_summary(
    span: &str,
    paid_out: &str,
    paid_in: Option<(&str, &str)>,
    lang: Lang,
) -> String {
    match (lang, paid_in) {
        (Lang::Id, None) => format!(
            "Tidak ada iuran JKK dan JKM selama {span}; perkiraan manfaat dibayar {paid_out}."
        ),
        (Lang::En, None) => format!(
            "No JKK and JKM contributions over {span}; expected benefits paid {paid_out}."
        ),
        (Lang::Id, Some((paid_in, share))) => format!(
            "Perkiraan manfaat dibayar {paid_out} selama {span}, {share} dari iuran JKK dan JKM ({paid_in})."
        ),
        (Lang::En, Some((paid_in, share))) => format!(
            "Expected benefits paid total {paid_out} over {span}, {share} of JKK and JKM contributions ({paid_in})."
        ),
    }
}

// ---------------------------------------------------------------------------------------
// The comparison charts' summaries.

/// One sentence from each scenario's coverage at its end, `parts` already joined.
pub fn compare_coverage_summary(parts: &str, lang: Lang) -> String {
    match lang {
        Lang::Id => format!("Cakupan di akhir horizon: {parts}."),
        Lang::En => format!("Coverage at the end of the horizon: {parts}."),
    }
}

/// One sentence from each scenario's cost over its horizon, `parts` already joined.
pub fn compare_cost_summary(parts: &str, lang: Lang) -> String {
    match lang {
        Lang::Id => format!("Biaya selama horizon: {parts}."),
        Lang::En => format!("Cost over the horizon: {parts}."),
    }
}

/// The legend entry of the coverage chart's uncertainty bands.
pub fn spread_legend(lang: Lang) -> &'static str {
    lang.pick("Rentang 80% / 50%", "80% / 50% range")
}

/// The dashed line of the draws' median.
pub fn median_legend(lang: Lang) -> &'static str {
    lang.pick("Median simulasi", "Median of the draws")
}

/// The cost chart's sentence about its bands: the first year's cost in 80% of `draws`
/// (`[low, median, high]`).
pub fn cost_spread_summary(
    year: i32,
    [low, mid, high]: [&str; 3],
    draws: &str,
    lang: Lang,
) -> String {
    match lang {
        Lang::Id => format!(
            "Dalam 80% dari {draws} simulasi atas asumsi yang tidak pasti, biaya {year} antara \
             {low} dan {high} (median {mid})."
        ),
        Lang::En => format!(
            "In 80% of {draws} draws of the uncertain assumptions, the cost of {year} is \
             between {low} and {high} (median {mid})."
        ),
    }
}

/// The coverage chart's sentence about its bands: where coverage ends in 80% of `draws`
/// (`[low, median, high]`).
pub fn spread_summary(year: i32, [low, mid, high]: [&str; 3], draws: &str, lang: Lang) -> String {
    match lang {
        Lang::Id => format!(
            "Dalam 80% dari {draws} simulasi atas asumsi yang tidak pasti, cakupan akhir {year} \
             antara {low} dan {high} (median {mid})."
        ),
        Lang::En => format!(
            "In 80% of {draws} draws of the uncertain assumptions, coverage at the end of \
             {year} is between {low} and {high} (median {mid})."
        ),
    }
}
