//! The words of a source card beyond its field labels: the amounts by year of a Rupiah
//! source, what a Dana Desa source yields, and why Dana Desa cannot be added.
//! And the ledger of each source's money by year (amount, paid, unspent).
//! `ui::budgets` computes the numbers; this module only says them.

use crate::locale::format;
use crate::locale::Lang;
use crate::ui::budgets::DanaDesaYield;
use rust_decimal::Decimal;

/// A fixed piece of a source card's text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SourceText {
    ByYearTitle,
    ByYearNote,
    NoDesa,
    /// A co-funder of JHT only while JHT is off: it pays nothing.
    CoFundJhtOff,
    LedgerTitle,
    LedgerNote,
    LedgerBudget,
    LedgerPaid,
    LedgerUnspent,
}

impl SourceText {
    pub fn get(self, lang: Lang) -> &'static str {
        use SourceText::*;
        let (id, en) = match self {
            ByYearTitle => ("Pagu per tahun", "Amount by year"),
            ByYearNote => (
                "Tahun yang tidak diisi memakai anggaran per tahun × pertumbuhan; ↺ mengembalikannya.",
                "A year left alone gets the yearly amount × growth; ↺ returns a year to it.",
            ),
            NoDesa => (
                "Dana Desa tidak tersedia: wilayah ini tidak punya desa (kelurahan tidak menerima Dana Desa).",
                "Dana Desa is not available: this region has no desa (kelurahan receive no Dana Desa).",
            ),
            CoFundJhtOff => (
                "JHT tidak diikutkan (lihat Program), jadi sumber ini tidak membayar apa pun.",
                "JHT is not included (see Programmes), so this source pays nothing.",
            ),
            LedgerTitle => ("Pagu dan penggunaan per sumber", "Amount and use by source"),
            LedgerNote => (
                "Per tahun anggaran, dalam Rupiah: pagu, iuran yang dibayar, dan sisa yang tidak terpakai.",
                "Per fiscal year, in Rupiah: the amount, the contributions paid, and what was left unspent.",
            ),
            LedgerBudget => ("Pagu", "Amount"),
            LedgerPaid => ("Dibayar", "Paid"),
            LedgerUnspent => ("Sisa", "Unspent"),
        };
        lang.pick(id, en)
    }
}

/// The label of one year's amount: "Pagu 2027".
pub fn year_label(year: i32, lang: Lang) -> String {
    match lang {
        Lang::Id => format!("Pagu {year}"),
        Lang::En => format!("Amount {year}"),
    }
}

/// "pro-rata 3/12 bulan": a first year that starts after January.
pub fn prorated(months: u8, lang: Lang) -> String {
    match lang {
        Lang::Id => format!("pro-rata {months}/12 bulan"),
        Lang::En => format!("pro-rated {months}/12 months"),
    }
}

/// The ↺ button's name: what clearing a year's amount does.
pub fn clear_year(year: i32, amount: Decimal, lang: Lang) -> String {
    let amount = format::rupiah_compact(amount, lang);
    match lang {
        Lang::Id => {
            format!("Hapus pagu {year} ({amount}): kembali ke anggaran per tahun × pertumbuhan")
        }
        Lang::En => {
            format!("Clear the {year} amount ({amount}): back to the yearly amount × growth")
        }
    }
}

/// "≈ Rp 99,6 juta/tahun ≈ 494 pekerja": what a Dana Desa source yields and pays for.
pub fn dana_desa_yield(y: &DanaDesaYield, lang: Lang) -> String {
    let amount = format::rupiah_compact(y.yearly, lang);
    match (y.workers, lang) {
        (Some(n), Lang::Id) => format!(
            "≈ {amount}/tahun ≈ {} pekerja selama setahun dengan iuran saat ini",
            format::number(n, lang)
        ),
        (Some(n), Lang::En) => format!(
            "≈ {amount} a year ≈ {} workers for a year at today's contribution",
            format::number(n, lang)
        ),
        (None, Lang::Id) => format!("≈ {amount}/tahun"),
        (None, Lang::En) => format!("≈ {amount} a year"),
    }
}

/// "≈ 1.400 pekerja ≈ Rp 282,2 juta/tahun": what a bapak asuh source's sponsors take on.
pub fn bapak_asuh_yield(y: &DanaDesaYield, lang: Lang) -> String {
    let amount = format::rupiah_compact(y.yearly, lang);
    let workers = format::number(y.workers.unwrap_or_default(), lang);
    match lang {
        Lang::Id => format!("≈ {workers} pekerja ≈ {amount}/tahun dengan iuran saat ini"),
        Lang::En => format!("≈ {workers} workers ≈ {amount} a year at today's contribution"),
    }
}

/// Why no source can be added: the list is full.
pub fn sources_full(max: u32, lang: Lang) -> String {
    match lang {
        Lang::Id => {
            format!("Paling banyak {max} sumber pendanaan; hapus satu untuk menambah yang lain.")
        }
        Lang::En => format!("At most {max} funding sources; remove one to add another."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dana_desa_source_says_what_it_yields() {
        let y = DanaDesaYield {
            yearly: Decimal::from(99_600_000),
            workers: Some(494),
        };
        assert_eq!(
            dana_desa_yield(&y, Lang::Id),
            "≈ Rp 99,6 juta/tahun ≈ 494 pekerja selama setahun dengan iuran saat ini"
        );
        assert!(dana_desa_yield(&y, Lang::En).starts_with("≈ Rp 99.6 million a year ≈ 494 workers"));
        assert_eq!(prorated(3, Lang::Id), "pro-rata 3/12 bulan");
        assert_eq!(year_label(2027, Lang::En), "Amount 2027");
    }
}
