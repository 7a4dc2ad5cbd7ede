//! The goal-seek's sentences: the question it answers, the budget it finds, what the
//! source's current amount keeps covered, and why a target cannot be reached; and the plan
//! by year: its words, what it means, and where it falls short.
//! `engine::solve` and `engine::plan` find the numbers; this module only says them.

use super::{month_name, T};

use crate::engine::plan::{Limit, PlanError, Shortfall};
use crate::engine::scenario::Target;
use crate::engine::solve::{BudgetAnswer, CoverageAnswer, Unreachable};
use crate::engine::YearMonth;
use crate::locale::format;
use crate::locale::Lang;
use rust_decimal::Decimal;

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

/// The budget for a chance of reaching the target: what the button asks, what is said while
/// it is worked out, its answer, and why there is none (`Job::BudgetForChance`).
pub enum ChanceText {
    Ask,
    Working,
}

impl ChanceText {
    pub fn get(&self, pct: u32, draws: u32, lang: Lang) -> String {
        let n = format::number(u64::from(draws), lang);
        match (self, lang) {
            (ChanceText::Ask, Lang::Id) => format!("Hitung anggaran untuk peluang {pct}%"),
            (ChanceText::Ask, Lang::En) => {
                format!("Work out the budget for {} {pct}% chance", article(pct))
            }
            (ChanceText::Working, Lang::Id) => {
                format!("Menghitung: {n} simulasi untuk tiap jumlah yang dicoba…")
            }
            (ChanceText::Working, Lang::En) => {
                format!("Working it out: {n} draws for each amount tried…")
            }
        }
    }
}

/// The flat yearly amount of `name` that reaches the target in `pct`% of `draws` draws.
pub fn chance_answer(name: &str, amount: Decimal, pct: u32, draws: u32, lang: Lang) -> String {
    let compact = format::rupiah_compact(amount, lang);
    let exact = format::rupiah_in(amount, lang);
    let n = format::number(u64::from(draws), lang);
    match lang {
        Lang::Id => format!(
            "Untuk peluang {pct}% mencapai target (dari {n} simulasi, termasuk anggaran tak \
             terserap dan verifikasi lambat), {name} perlu {compact} per tahun ({exact})."
        ),
        Lang::En => format!(
            "For {} {pct}% chance of reaching the target (from {n} draws, including unspent \
             budgets and slow verification), {name} needs {compact} a year ({exact}).",
            article(pct)
        ),
    }
}

/// "a" or "an" before a percentage said in English: "an 80%", "an 11%", "a 90%".
fn article(pct: u32) -> &'static str {
    let said_with_a_vowel = pct.to_string().starts_with('8') || pct == 11 || pct == 18;
    if said_with_a_vowel {
        "an"
    } else {
        "a"
    }
}

/// No amount of `name` reaches the target in `pct`% of the draws: something other than
/// money holds coverage back in too many of them.
pub fn chance_unreachable(name: &str, pct: u32, lang: Lang) -> String {
    let rest = 100 - pct.min(100);
    match lang {
        Lang::Id => format!(
            "Tidak ada jumlah {name} yang memberi peluang {pct}%: dalam lebih dari {rest}% \
             simulasi, batas selain uang (verifikasi yang lambat, pekerja yang keluar, atau \
             pagu jumlah pekerja) menahan cakupan di bawah target, berapa pun anggarannya. \
             Tambah kapasitas verifikasi per bulan, atau turunkan target."
        ),
        Lang::En => format!(
            "No amount of {name} gives {} {pct}% chance: in more than {rest}% of the draws, a \
             limit other than money (slow verification, workers leaving, or a cap on workers) \
             holds coverage below the target, whatever the budget. Add verification capacity \
             per month, or lower the target.",
            article(pct)
        ),
    }
}

/// The yearly amount source `name` needs, and when the target is then reached.
pub fn budget_answer(name: &str, a: &BudgetAnswer, lang: Lang) -> String {
    let compact = format::rupiah_compact(a.yearly_amount, lang);
    let exact = format::rupiah_in(a.yearly_amount, lang);
    let month = month_name(a.reached.month, lang);
    let year = a.reached.year;
    if a.yearly_amount.is_zero() {
        return match lang {
            Lang::Id => format!(
                "{name} tidak perlu membayar: sumber lain mencapai target sendiri, pada {month} {year}."
            ),
            Lang::En => format!(
                "{name} need not pay: the other sources reach the target on their own, in {month} {year}."
            ),
        };
    }
    match lang {
        Lang::Id => format!(
            "{name} perlu {compact} per tahun ({exact}); target tercapai pada {month} {year}."
        ),
        Lang::En => format!(
            "{name} needs {compact} a year ({exact}); the target is reached in {month} {year}."
        ),
    }
}

/// What source `name`'s current yearly amount pays for (a division, at the start year's
/// contributions) and what the simulation has it cover in `last`, the horizon's last month:
/// two measures, said apart so that their difference does not read as a contradiction.
pub fn coverage_answer(
    name: &str,
    c: &CoverageAnswer,
    start: i32,
    last: YearMonth,
    lang: Lang,
) -> String {
    let amount = format::rupiah_in(c.yearly_amount, lang);
    let per_year = format::rupiah_in(c.worker_year, lang);
    let paid = format::number(c.affordable_workers, lang);
    let covered = format::number(c.workers_covered_by_source, lang);
    let month = month_name(last.month, lang);
    let year = last.year;
    match lang {
        Lang::Id => format!(
            "{amount} per tahun cukup untuk {paid} pekerja selama setahun penuh dengan iuran {start} ({per_year} per pekerja). Hasil simulasi: pada {month} {year}, {name} menanggung {covered} pekerja."
        ),
        Lang::En => format!(
            "{amount} a year pays for {paid} workers for a full year at {start} contributions ({per_year} per worker). In the simulation, {name} covers {covered} workers in {month} {year}."
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

/// A fixed piece of the plan's text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlanText {
    FlatTitle,
    Title,
    Amount,
    CoverageEnd,
    Idle,
    /// The plan table's column saying what limits a short year.
    LimitColumn,
    Apply,
    Applied,
    Caption,
}

impl PlanText {
    pub fn get(self, lang: Lang) -> &'static str {
        use PlanText::*;
        let (id, en) = match self {
            FlatTitle => ("Satu jumlah untuk semua tahun", "One amount every year"),
            Title => ("Rencana per tahun", "Plan by year"),
            Amount => ("Pagu (Rp)", "Amount (Rp)"),
            CoverageEnd => ("Cakupan akhir tahun", "Coverage at year end"),
            Idle => ("Sisa dana", "Unspent"),
            LimitColumn => ("Yang membatasi", "What limits it"),
            Apply => ("Terapkan rencana", "Apply the plan"),
            Applied => ("Rencana sudah diterapkan", "Plan applied"),
            Caption => (
                "Pagu per tahun anggaran menurut rencana",
                "Amount per fiscal year under the plan",
            ),
        };
        lang.pick(id, en)
    }
}

/// What the plan means: where it gets to by when, and that each year's amount is the least.
pub fn plan_meaning(name: &str, target: &Target, met: bool, best: Decimal, lang: Lang) -> String {
    let coverage = format::percent(target.coverage, lang);
    let year = target.year;
    if met {
        return match lang {
            Lang::Id => format!(
                "Dengan rencana ini cakupan mencapai {coverage} pada Desember {year} dan bertahan; tiap tahun {name} mendapat pagu terkecil yang menjaga cakupan akhir tahun setidaknya pada jalur kenaikan merata menuju target (sumber lain dapat membawanya lebih tinggi, dan pagu Rp 0 bila mereka sudah cukup), dan tidak ada yang kehilangan perlindungan."
            ),
            Lang::En => format!(
                "With this plan coverage reaches {coverage} by December {year} and holds; each year {name} gets the least amount that keeps year-end coverage at least on an even path to the target (other sources may carry it higher, and the amount is Rp 0 when they are enough), and nobody loses cover."
            ),
        };
    }
    let best = format::percent(best, lang);
    match lang {
        Lang::Id => format!(
            "Rencana ini tidak mencapai {coverage} pada Desember {year} (paling tinggi {best}); tiap tahun memakai pagu terkecil yang memberi hasil terbaik."
        ),
        Lang::En => format!(
            "This plan does not reach {coverage} by December {year} (at best {best}); each year gets the least amount that does as well as any."
        ),
    }
}

/// What limits a short year, in a word or two for the plan table.
pub fn limit_word(limit: Limit, lang: Lang) -> &'static str {
    match limit {
        Limit::Verification => lang.pick("kapasitas verifikasi", "verification capacity"),
        Limit::List => lang.pick("daftar calon habis", "the list ran out"),
        Limit::Cap => lang.pick("batas pekerja sumber", "a source's cap"),
        Limit::LostCover => lang.pick("kehilangan perlindungan", "lost cover"),
    }
}

/// "2027: kapasitas verifikasi membatasi: paling banyak N pekerja, bukan M; …": a year that
/// no amount brings to its step, and what limits it (read from the engine's plan).
pub fn shortfall(year: i32, short: &Shortfall, lang: Lang) -> String {
    let reach = format::number(short.reachable_workers, lang);
    let want = format::number(short.wanted_workers, lang);
    let what = match short.limit {
        Limit::Verification => lang.pick(
            "kapasitas verifikasi membatasi",
            "verification capacity binds",
        ),
        Limit::List => lang.pick(
            "daftar calon peserta sudah habis diperiksa",
            "the list of candidates has run out",
        ),
        Limit::Cap => lang.pick(
            "batas pekerja sumber dana membatasi",
            "a source's cap on workers binds",
        ),
        Limit::LostCover => {
            let lost = format::number(short.lost_workers, lang);
            return match lang {
                Lang::Id => format!(
                    "{year}: {lost} pekerja kehilangan perlindungan di awal tahun berapa pun dananya (sumber yang berakhir atau berkurang)."
                ),
                Lang::En => format!(
                    "{year}: {lost} workers lose cover at the year's start whatever the money (a source that ended or shrank)."
                ),
            };
        }
    };
    match lang {
        Lang::Id => format!(
            "{year}: {what}: paling banyak {reach} pekerja, bukan {want}; dana di atas ini akan menganggur."
        ),
        Lang::En => format!(
            "{year}: {what}: at most {reach} workers, not {want}; money above this would sit idle."
        ),
    }
}

/// Why no plan can be made for the chosen source.
pub fn plan_error(e: &PlanError, lang: Lang) -> String {
    match (e, lang) {
        (PlanError::NotRupiah { source_name }, Lang::Id) => format!(
            "{source_name} tidak dihitung dalam Rupiah per tahun, jadi tidak ada pagu per tahun untuk direncanakan. Pilih sumber lain, atau ubah cara menghitungnya menjadi Rupiah."
        ),
        (PlanError::NotRupiah { source_name }, Lang::En) => format!(
            "{source_name} is not counted in Rupiah a year, so it has no yearly amount to plan. Choose another source, or change its amount rule to Rupiah."
        ),
        (PlanError::Repeated { source_name }, Lang::Id) => {
            format!("{source_name} dipilih dua kali.")
        }
        (PlanError::Repeated { source_name }, Lang::En) => {
            format!("{source_name} is chosen twice.")
        }
        (PlanError::NoSource | PlanError::NoSuchSource, _) => T::NoSources.get(lang).to_string(),
    }
}

#[cfg(test)]
mod tests {
    /// English says "an 80%" and "a 90%"; Indonesian has no article.
    #[test]
    fn the_chance_is_said_with_its_article() {
        assert_eq!(
            ChanceText::Ask.get(80, 1_000, Lang::En),
            "Work out the budget for an 80% chance"
        );
        assert_eq!(
            ChanceText::Ask.get(90, 1_000, Lang::En),
            "Work out the budget for a 90% chance"
        );
        assert!(chance_unreachable("APBD", 80, Lang::En)
            .starts_with("No amount of APBD gives an 80% chance: in more than 20% of the draws"));
        assert_eq!(
            ChanceText::Ask.get(80, 1_000, Lang::Id),
            "Hitung anggaran untuk peluang 80%"
        );
    }

    use super::*;

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
            "APBD Kota needs Rp 3.0 billion a year (Rp 3,024,000,000); the target is reached in March 2028."
        );
        let none = BudgetAnswer {
            yearly_amount: Decimal::ZERO,
            ..answer
        };
        assert_eq!(
            budget_answer("APBD Kota", &none, Lang::Id),
            "APBD Kota tidak perlu membayar: sumber lain mencapai target sendiri, pada Maret 2028."
        );
        // A year's worth and the last month's count are told apart (47.800 against 47.801
        // read as a contradiction when both were "pekerja").
        let covers = CoverageAnswer {
            source: 0,
            yearly_amount: Decimal::from(9_636_480_000_i64),
            affordable_workers: 47_800,
            worker_year: Decimal::from(201_600),
            workers_covered_by_source: 47_801,
            peak_workers_by_source: 47_801,
            workers_covered_total: 50_000,
            coverage_ratio_end: Decimal::new(7, 1),
            target_reached: None,
        };
        let last = YearMonth::new(2031, 12);
        assert_eq!(
            coverage_answer("APBD Kota", &covers, 2027, last, Lang::Id),
            "Rp 9.636.480.000 per tahun cukup untuk 47.800 pekerja selama setahun penuh dengan iuran 2027 (Rp 201.600 per pekerja). Hasil simulasi: pada Desember 2031, APBD Kota menanggung 47.801 pekerja."
        );
        assert_eq!(
            coverage_answer("APBD Kota", &covers, 2027, last, Lang::En),
            "Rp 9,636,480,000 a year pays for 47,800 workers for a full year at 2027 contributions (Rp 201,600 per worker). In the simulation, APBD Kota covers 47,801 workers in December 2031."
        );
        assert_eq!(
            why_unreachable(&Unreachable::SourceInactive { year: 2027 }, Lang::En),
            "This source pays nothing before the end of 2027."
        );
    }

    #[test]
    fn the_plan_says_what_it_means_and_where_it_falls_short() {
        let target = Target {
            coverage: Decimal::ONE,
            year: 2029,
        };
        let met = plan_meaning("APBD Kota", &target, true, Decimal::ONE, Lang::Id);
        assert!(met.contains("100,0% pada Desember 2029"), "{met}");
        // It promises a floor, not steps: other sources may carry coverage higher.
        let en = plan_meaning("APBD Kota", &target, true, Decimal::ONE, Lang::En);
        assert!(en.contains("at least on an even path"), "{en}");
        assert!(!en.contains("even yearly steps"), "{en}");
        let mut short = Shortfall {
            limit: Limit::Verification,
            reachable_workers: 41_000,
            wanted_workers: 52_500,
            lost_workers: 0,
        };
        assert_eq!(
            shortfall(2027, &short, Lang::Id),
            "2027: kapasitas verifikasi membatasi: paling banyak 41.000 pekerja, bukan 52.500; dana di atas ini akan menganggur."
        );
        short.limit = Limit::Cap;
        assert!(shortfall(2027, &short, Lang::En).starts_with("2027: a source's cap"));
        short.limit = Limit::List;
        assert!(shortfall(2027, &short, Lang::En).contains("the list of candidates has run out"));
        short.limit = Limit::LostCover;
        short.lost_workers = 484;
        assert!(shortfall(2027, &short, Lang::Id).contains("484 pekerja kehilangan"));
        for limit in [
            Limit::Verification,
            Limit::List,
            Limit::Cap,
            Limit::LostCover,
        ] {
            assert_ne!(limit_word(limit, Lang::Id), limit_word(limit, Lang::En));
        }
        let e = PlanError::NotRupiah {
            source_name: "Dana Desa".into(),
        };
        assert!(plan_error(&e, Lang::En).starts_with("Dana Desa is not counted in Rupiah"));
    }
}
