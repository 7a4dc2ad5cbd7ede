//! The words of the editor of a province's own sources in the national view ("Sumber dana
//! provinsi"): its headings, the four kinds of source, their fields, and what is said when
//! an edit cannot run or the address's edits cannot be read. The figures are the engine's.

use crate::engine::regions::{PlanFileError, ProvinceAmount, ProvinceSource};
use crate::engine::Rupiah;
use crate::locale::{format, Lang};
use crate::ui::share::plans::PlansLinkError;
use crate::ui::share::ShareLinkError;

/// A fixed piece of the editor's text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Text {
    Title,
    Intro,
    Kind,
    Apbd,
    Bkbk,
    CoFund,
    Quota,
    Yearly,
    PerDesa,
    Share,
    QuotaAll,
    QuotaEach,
    FirstYear,
    LastYear,
    ToTheEnd,
    Priority,
    Add,
    Remove,
    Reset,
    Paid,
    Edited,
    Updating,
    LastBeforeFirst,
    LinkUnreadable,
}

pub fn text(key: Text, lang: Lang) -> &'static str {
    let (id, en) = match key {
        Text::Title => ("Sumber dana provinsi", "Province's own sources"),
        Text::Intro => (
            "Uang provinsi sendiri di atas sumber tiap kabupaten/kota: APBD provinsi dibagi menurut jumlah pekerja rentan, BKBK ke setiap desa, ikut menanggung sebagian setiap iuran, atau kuota pekerja per kabupaten/kota. Hasil provinsi dan nasional dihitung ulang.",
            "The province's own money on top of each regency's or city's sources: APBD provinsi shared by vulnerable workers, BKBK to every desa, co-funding a share of each premium, or a quota of workers per regency or city. The province's and the nation's results are worked out again.",
        ),
        Text::Kind => ("Jenis", "Kind"),
        Text::Apbd => ("APBD provinsi", "Province APBD"),
        Text::Bkbk => ("BKBK ke desa", "BKBK transfers to desa"),
        Text::CoFund => ("Ikut menanggung iuran", "Co-funding premiums"),
        Text::Quota => ("Kuota per kabupaten/kota", "Quota per regency or city"),
        Text::Yearly => ("Rupiah per tahun", "Rupiah per year"),
        Text::PerDesa => ("Rupiah per desa per tahun", "Rupiah per desa per year"),
        Text::Share => ("Bagian setiap iuran", "Share of each premium"),
        Text::QuotaAll => ("Pekerja di setiap kabupaten/kota", "Workers in every regency or city"),
        Text::QuotaEach => ("Per kabupaten/kota", "Per regency or city"),
        Text::FirstYear => ("Tahun pertama", "First year"),
        Text::LastYear => ("Tahun terakhir", "Last year"),
        Text::ToTheEnd => ("sampai akhir horizon", "until the end of the horizon"),
        Text::Priority => ("Prioritas (kecil dipakai dulu)", "Priority (lower is used first)"),
        Text::Add => ("+ Tambah sumber provinsi", "+ Add a province source"),
        Text::Remove => ("Hapus", "Remove"),
        Text::Reset => ("Kembali ke rencana awal", "Back to the starting plan"),
        Text::Paid => ("Dibayar selama horizon", "Paid over the horizon"),
        Text::Edited => ("diubah", "edited"),
        Text::Updating => ("Menghitung ulang…", "Working it out again…"),
        Text::LastBeforeFirst => (
            "Tahun terakhir sebelum tahun pertama; hasil sebelumnya tetap ditampilkan.",
            "The last year is before the first; the previous results still show.",
        ),
        Text::LinkUnreadable => (
            "Sumber dana provinsi di tautan tidak dapat dibaca; setiap provinsi memakai rencana awalnya",
            "The province sources in the link cannot be read; every province uses its starting plan",
        ),
    };
    match lang {
        Lang::Id => id,
        Lang::En => en,
    }
}

/// The message when an edited plan cannot run (`why` is the engine's own words).
pub fn cannot_run(why: &str, lang: Lang) -> String {
    match lang {
        Lang::Id => {
            format!("Rencana ini tidak dapat dihitung ({why}); hasil sebelumnya tetap ditampilkan.")
        }
        Lang::En => {
            format!("This plan cannot be worked out ({why}); the previous results still show.")
        }
    }
}

/// One source in a sentence, for the printed brief: "APBD Provinsi Maluku: APBD provinsi,
/// Rp 80,0 miliar per tahun, 2026 sampai akhir horizon, prioritas 0; dibayar Rp 312,0 miliar".
pub fn describe(source: &ProvinceSource, paid: Option<Rupiah>, lang: Lang) -> String {
    let (kind, amount) = match &source.amount {
        ProvinceAmount::Apbd { yearly } => (
            Text::Apbd,
            format!(
                "{} {}",
                format::rupiah_compact(*yearly, lang),
                per(lang, "per tahun", "a year")
            ),
        ),
        ProvinceAmount::Bkbk { per_desa } => (
            Text::Bkbk,
            format!(
                "{} {}",
                format::rupiah_in(*per_desa, lang),
                per(lang, "per desa per tahun", "per desa a year")
            ),
        ),
        ProvinceAmount::CoFund { share } => (
            Text::CoFund,
            format!(
                "{} {}",
                format::percent(*share, lang),
                per(lang, "setiap iuran", "of each premium")
            ),
        ),
        ProvinceAmount::Quota { workers } => (
            Text::Quota,
            format!(
                "{} {}",
                format::number(workers.values().sum::<u64>(), lang),
                per(lang, "pekerja", "workers")
            ),
        ),
    };
    let years = match source.last_year {
        Some(last) => format!("{}–{last}", source.first_year),
        None => format!(
            "{} {}",
            source.first_year,
            per(lang, "sampai akhir horizon", "to the end of the horizon")
        ),
    };
    let mut out = format!(
        "{}: {}, {amount}, {years}, {} {}",
        source.name,
        text(kind, lang),
        per(lang, "prioritas", "priority"),
        source.priority
    );
    if let Some(paid) = paid {
        out += &format!(
            "; {} {}",
            per(lang, "dibayar", "paid"),
            format::rupiah_compact(paid, lang)
        );
    }
    out
}

fn per(lang: Lang, id: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Id => id,
        Lang::En => en,
    }
}

/// The message when the address's edits cannot be read, with the reason in `lang`.
pub fn link_unreadable(err: &PlansLinkError, lang: Lang) -> String {
    use PlanFileError as P;
    use ShareLinkError as L;
    let why: String = match (err, lang) {
        (PlansLinkError::Link(L::Truncated), _) => lang
            .pick(
                "tautan terpotong saat disalin",
                "the link was cut off when copied",
            )
            .into(),
        (PlansLinkError::Link(L::Corrupted), _) => lang
            .pick("ada karakter yang berubah", "some characters changed")
            .into(),
        (PlansLinkError::Plan(P::NewerVersion { found, .. }), Lang::Id) => {
            format!("dibuat oleh Payung yang lebih baru, format {found}")
        }
        (PlansLinkError::Plan(P::NewerVersion { found, .. }), Lang::En) => {
            format!("made by a newer Payung, format {found}")
        }
        (PlansLinkError::Plan(P::UnknownRegion(code)), Lang::Id) => {
            format!("kode wilayah {code} tidak dikenal versi ini")
        }
        (PlansLinkError::Plan(P::UnknownRegion(code)), Lang::En) => {
            format!("region code {code} is unknown to this version")
        }
        _ => lang
            .pick(
                "isinya tidak sesuai format",
                "its content is not in the expected form",
            )
            .into(),
    };
    format!("{} ({why}).", text(Text::LinkUnreadable, lang))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_differs_between_the_languages() {
        use Text::*;
        for t in [
            Title,
            Intro,
            Kind,
            Apbd,
            Bkbk,
            CoFund,
            Quota,
            Yearly,
            PerDesa,
            Share,
            QuotaAll,
            QuotaEach,
            FirstYear,
            LastYear,
            ToTheEnd,
            Priority,
            Add,
            Remove,
            Reset,
            Paid,
            Edited,
            Updating,
            LastBeforeFirst,
            LinkUnreadable,
        ] {
            let (id, en) = (text(t, Lang::Id), text(t, Lang::En));
            assert!(!id.is_empty() && !en.is_empty());
            assert_ne!(id, en, "{t:?}");
        }
        assert!(cannot_run("x", Lang::Id).contains("(x)"));
        let source = ProvinceSource {
            name: "APBD Provinsi Maluku".into(),
            amount: ProvinceAmount::Apbd {
                yearly: 80_000_000_000u64.into(),
            },
            priority: 0,
            first_year: 2026,
            last_year: None,
        };
        let paid = Some(312_000_000_000u64.into());
        assert_eq!(
            describe(&source, paid, Lang::Id),
            "APBD Provinsi Maluku: APBD provinsi, Rp 80,0 miliar per tahun, 2026 sampai akhir horizon, prioritas 0; dibayar Rp 312,0 miliar"
        );
        assert!(describe(&source, None, Lang::En).contains("Rp 80.0 billion a year"));
        assert_ne!(cannot_run("x", Lang::Id), cannot_run("x", Lang::En));
    }

    #[test]
    fn an_unreadable_link_says_why_in_the_users_language() {
        let cut = PlansLinkError::Link(ShareLinkError::Truncated);
        assert!(link_unreadable(&cut, Lang::Id).contains("terpotong"));
        assert!(link_unreadable(&cut, Lang::En).contains("cut off"));
        let unknown = PlansLinkError::Plan(PlanFileError::UnknownRegion("99".into()));
        assert!(link_unreadable(&unknown, Lang::Id).contains("kode wilayah 99"));
        assert!(link_unreadable(&unknown, Lang::En).contains("region code 99"));
        // No English engine text inside the Indonesian sentence.
        let changed = PlansLinkError::Link(ShareLinkError::Corrupted);
        assert!(!link_unreadable(&changed, Lang::Id).contains("link"));
    }
}
