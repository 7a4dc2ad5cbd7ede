//! How sure the answer is, in words: the chance of reaching the target, how many draws it
//! rests on, and the table of what moves the answer most. `engine::uncertainty` finds the
//! numbers; this module only says them.

use crate::engine::uncertainty::UncertaintyError;
use crate::locale::format;
use crate::locale::Lang;
use rust_decimal::Decimal;

/// "Peluang mencapai target 2029" / "Chance of reaching the target by 2029".
pub fn chance_label(year: i32, lang: Lang) -> String {
    match lang {
        Lang::Id => format!("Peluang mencapai target {year}"),
        Lang::En => format!("Chance of reaching the target by {year}"),
    }
}

/// The chance as a whole percentage: 0.723 → "72%".
pub fn chance(probability: Decimal, lang: Lang) -> String {
    format::percent_compact(probability.round_dp(2), lang)
}

/// The small note beside the chance: how many draws it rests on, whether more follow, and
/// what the draws allow for that the other headline figures do not (short enough to stay on
/// one line beside the chance on a laptop; `draws_note_full` says it whole).
pub fn draws_note(draws: u32, refining: bool, lang: Lang) -> String {
    let n = format::number(u64::from(draws), lang);
    match (lang, refining) {
        (Lang::Id, false) => {
            format!("Dari {n} simulasi, termasuk anggaran tak terserap dan verifikasi lambat.")
        }
        (Lang::Id, true) => {
            format!("Berdasarkan {n} simulasi; sedang diperhalus menjadi lebih banyak…")
        }
        (Lang::En, false) => {
            format!("From {n} draws, including unspent budgets and slow verification.")
        }
        (Lang::En, true) => format!("Based on {n} draws; refining with more…"),
    }
}

/// Why the chance can be lower than the headline suggests, whole: the other figures take
/// each assumption at its most likely value, the draws spread each over its range, and
/// several ranges reach further to the worse side. Shown on hover beside the chance and
/// printed under the brief's figures.
pub fn draws_note_full(draws: u32, lang: Lang) -> String {
    let n = format::number(u64::from(draws), lang);
    match lang {
        Lang::Id => format!(
            "Peluang dihitung dari {n} simulasi atas asumsi yang tidak pasti. Angka lain memakai \
             nilai paling mungkin tiap asumsi dan anggaran terserap penuh dan tepat waktu; \
             simulasi menyebar tiap asumsi pada rentangnya, dan beberapa rentang lebih jauh ke \
             sisi buruk (anggaran terlambat atau tidak terserap penuh, verifikasi lebih lambat, \
             lebih banyak peserta keluar), sehingga peluang bisa rendah walau angka utama \
             mencapai target."
        ),
        Lang::En => format!(
            "The chance comes from {n} draws of the uncertain assumptions. The other figures \
             take each assumption at its most likely value and budgets spent in full and on \
             time; the draws spread each assumption over its range, and several ranges reach \
             further to the worse side (budgets spent late or not in full, slower verification, \
             more lapses), so the chance can be low even where the headline reaches the target."
        ),
    }
}

/// "1.000 simulasi" / "1,000 draws", for the printed brief.
pub fn draws_short(draws: u32, lang: Lang) -> String {
    let n = format::number(u64::from(draws), lang);
    match lang {
        Lang::Id => format!("{n} simulasi"),
        Lang::En => format!("{n} draws"),
    }
}

/// Why the chance could not be worked out.
pub fn error(e: &UncertaintyError, lang: Lang) -> String {
    let what = match e {
        UncertaintyError::Parse(_) | UncertaintyError::BadSpread(_) => lang.pick(
            "sebaran asumsi tidak terbaca",
            "the assumptions' spreads could not be read",
        ),
        UncertaintyError::Draws(_) => lang.pick("jumlah simulasi tidak sah", "bad number of draws"),
        UncertaintyError::Probability => lang.pick("peluang tidak sah", "bad probability"),
        UncertaintyError::Unreachable(_) => lang.pick("tidak dapat dicapai", "cannot be reached"),
    };
    match lang {
        Lang::Id => format!("Peluang tidak dapat dihitung: {what} ({e})."),
        Lang::En => format!("The chance cannot be worked out: {what} ({e})."),
    }
}

/// The words of the "what moves the answer most" section.
pub struct TornadoText {
    pub title: &'static str,
    pub intro: &'static str,
    pub assumption: &'static str,
    pub range: &'static str,
    pub coverage_low: String,
    pub coverage_high: String,
    pub cost_low: &'static str,
    pub cost_high: &'static str,
}

impl TornadoText {
    /// The section's words, with the target year in the coverage columns.
    pub fn new(year: i32, lang: Lang) -> Self {
        match lang {
            Lang::Id => TornadoText {
                title: "Apa yang paling berpengaruh",
                intro: "Setiap asumsi dipasang pada nilai rendah dan tingginya, asumsi lain \
                        pada nilai paling mungkin; diurutkan menurut seberapa jauh cakupan bergeser.",
                assumption: "Asumsi",
                range: "Rendah–tinggi (dasar)",
                coverage_low: format!("Cakupan {year}, rendah"),
                coverage_high: format!("Cakupan {year}, tinggi"),
                cost_low: "Total biaya, rendah",
                cost_high: "Total biaya, tinggi",
            },
            Lang::En => TornadoText {
                title: "What moves the answer most",
                intro: "Each assumption at its low and at its high value, the others at their \
                        most likely values; sorted by how far coverage moves.",
                assumption: "Assumption",
                range: "Low–high (basis)",
                coverage_low: format!("Coverage {year}, low"),
                coverage_high: format!("Coverage {year}, high"),
                cost_low: "Total cost, low",
                cost_high: "Total cost, high",
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_chance_is_a_whole_percentage_in_each_language() {
        assert_eq!(chance(Decimal::new(723, 3), Lang::Id), "72%");
        assert_eq!(chance(Decimal::ONE, Lang::En), "100%");
        assert_eq!(chance_label(2029, Lang::Id), "Peluang mencapai target 2029");
        assert!(draws_note(1_000, false, Lang::Id).contains("1.000"));
        assert!(draws_note(1_000, false, Lang::En).contains("1,000"));
    }

    #[test]
    fn the_settled_note_says_what_the_other_figures_assume() {
        assert!(draws_note(1_000, false, Lang::Id).contains("anggaran tak terserap"));
        assert!(draws_note(1_000, false, Lang::En).contains("unspent budgets"));
        assert!(draws_note_full(1_000, Lang::Id).contains("terserap penuh dan tepat waktu"));
        assert!(draws_note_full(1_000, Lang::En).contains("spent in full and on time"));
        // The short note stays short enough for one line beside the chance on a laptop.
        for lang in [Lang::Id, Lang::En] {
            assert!(draws_note(100_000, false, lang).chars().count() <= 80);
        }
    }
}
