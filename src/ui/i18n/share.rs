//! The share panel's text and the messages for share links that cannot be opened, each
//! naming what happened (cut off, damaged, from a newer version, …) and what to do.
//! `ui::share` decides what went wrong; this module only says it.

use super::{field_name, problem_message, shape_message};
use crate::engine::{Field, ScenarioError};
use crate::locale::format;
use crate::locale::Lang;
use crate::ui::share::ShareLinkError;

/// A fixed piece of the share panel's text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Text {
    Title,
    LinkLabel,
    Hint,
    Copy,
    Copied,
    CopyByHand,
    ShowQr,
    HideQr,
    QrLabel,
    DownloadQr,
    QrTooLong,
}

/// The text of `key` in `lang`.
pub fn text(key: Text, lang: Lang) -> &'static str {
    let (id, en) = match key {
        Text::Title => ("Bagikan skenario", "Share this scenario"),
        Text::LinkLabel => ("Tautan skenario", "Scenario link"),
        Text::Hint => (
            "Tautan ini memuat seluruh skenario. Siapa pun yang membukanya melihat angka yang sama; tidak ada data yang dikirim ke server.",
            "The link holds the whole scenario. Whoever opens it sees the same numbers; nothing is sent to a server.",
        ),
        Text::Copy => ("Salin tautan", "Copy link"),
        Text::Copied => ("Tautan disalin.", "Link copied."),
        Text::CopyByHand => (
            "Peramban ini tidak mengizinkan penyalinan otomatis. Tautan sudah dipilih: tekan Ctrl+C (⌘C di Mac) untuk menyalinnya.",
            "This browser does not allow copying automatically. The link is selected: press Ctrl+C (⌘C on a Mac) to copy it.",
        ),
        Text::ShowQr => ("Tampilkan kode QR", "Show QR code"),
        Text::HideQr => ("Sembunyikan kode QR", "Hide QR code"),
        Text::QrLabel => (
            "Kode QR berisi tautan skenario ini",
            "QR code holding this scenario's link",
        ),
        Text::DownloadQr => ("Unduh QR (SVG)", "Download QR (SVG)"),
        Text::QrTooLong => (
            "Tautan ini terlalu panjang untuk sebuah kode QR. Kurangi sumber pendanaan atau gunakan tautannya.",
            "This link is too long for a QR code. Use fewer funding sources, or share the link itself.",
        ),
    };
    lang.pick(id, en)
}

/// Said after a link that could not be opened: the work in progress stayed open.
pub fn work_kept_open(lang: Lang) -> &'static str {
    lang.pick(
        "Skenario terakhir Anda yang valid tetap terbuka, tidak diganti tautan ini.",
        "Your last valid scenario is still open; the link did not replace it.",
    )
}

/// The name under which the work in progress is saved when a link replaces it.
pub fn before_link_name(lang: Lang) -> &'static str {
    lang.pick("Sebelum membuka tautan", "Before opening a link")
}

/// The name under which the work in progress is saved when an imported file replaces it.
pub fn before_import_name(lang: Lang) -> &'static str {
    lang.pick("Sebelum mengimpor berkas", "Before importing a file")
}

/// Said after a file opened over work of the user's own, which was saved as `name`.
pub fn file_work_saved_as(name: &str, lang: Lang) -> String {
    match lang {
        Lang::Id => format!(
            "Skenario yang sedang Anda kerjakan disimpan sebagai “{name}” di Skenario tersimpan."
        ),
        Lang::En => {
            format!("The scenario you were working on is saved as “{name}” under Saved scenarios.")
        }
    }
}

/// Said after a link opened over different unsaved work, which was saved as `name`.
pub fn work_saved_as(name: &str, lang: Lang) -> String {
    match lang {
        Lang::Id => format!(
            "Tautan dibuka. Skenario yang sedang Anda kerjakan disimpan sebagai “{name}” di Skenario tersimpan."
        ),
        Lang::En => format!(
            "The link is open. The scenario you were working on is saved as “{name}” under Saved scenarios."
        ),
    }
}

/// What went wrong with a link, for the person who opened it.
pub fn message(err: &ShareLinkError, lang: Lang) -> String {
    use ShareLinkError as E;
    match (err, lang) {
        (E::Empty, Lang::Id) => "Tautan ini tidak berisi skenario.".into(),
        (E::Empty, Lang::En) => "This link holds no scenario.".into(),
        (E::NotALink, Lang::Id) => "Alamat ini bukan tautan skenario Payung.".into(),
        (E::NotALink, Lang::En) => "This address is not a Payung scenario link.".into(),
        (E::Truncated, Lang::Id) => "Tautan terpotong: sebagian tautan hilang saat disalin. Salin ulang seluruh tautan, sampai karakter terakhir.".into(),
        (E::Truncated, Lang::En) => "The link is cut off: part of it was lost when it was copied. Copy the whole link again, up to its last character.".into(),
        (E::Corrupted, Lang::Id) => "Tautan rusak: ada karakter yang berubah, sehingga skenarionya tidak dapat dibaca. Minta tautan baru dari pengirimnya.".into(),
        (E::Corrupted, Lang::En) => "The link is damaged: some characters changed, so its scenario cannot be read. Ask the sender for a new link.".into(),
        (E::TooLarge { limit }, Lang::Id) => format!(
            "Isi tautan terlalu besar untuk sebuah skenario (lebih dari {} byte).",
            format::number(*limit as u64, lang)
        ),
        (E::TooLarge { limit }, Lang::En) => format!(
            "The link's content is too large for a scenario (over {} bytes).",
            format::number(*limit as u64, lang)
        ),
        (E::FutureVersion { found, supported }, Lang::Id) => format!(
            "Tautan dibuat oleh versi Payung yang lebih baru (format {found}; versi ini membaca sampai format {supported}). Muat ulang halaman untuk mendapatkan versi terbaru."
        ),
        (E::FutureVersion { found, supported }, Lang::En) => format!(
            "The link was made by a newer version of Payung (format {found}; this version reads up to format {supported}). Reload the page to get the latest version."
        ),
        (E::UnknownPreset { id }, Lang::Id) => {
            format!("Tautan memakai preset `{id}` yang tidak dikenal versi Payung ini.")
        }
        (E::UnknownPreset { id }, Lang::En) => {
            format!("The link uses a preset `{id}` that this version of Payung does not know.")
        }
        (E::WrongShape { field, shape, .. }, Lang::Id) => format!(
            "Isi tautan tidak sesuai format skenario: {}.",
            shape_message(shape, *field, lang)
        ),
        (E::WrongShape { field, shape, .. }, Lang::En) => format!(
            "The link's content does not fit the scenario format: {}.",
            shape_message(shape, *field, lang)
        ),
        (E::Invalid(e), Lang::Id) => format!(
            "Tautan berisi nilai yang tidak valid{}: {}",
            field_suffix(Some(e.field), lang),
            problem(e, lang)
        ),
        (E::Invalid(e), Lang::En) => format!(
            "The link holds a value that is not valid{}: {}",
            field_suffix(Some(e.field), lang),
            problem(e, lang)
        ),
    }
}

/// " in «label»" in the user's language, or nothing for the document as a whole.
pub(super) fn field_suffix(field: Option<Field>, lang: Lang) -> String {
    let Some(field) = field else {
        return String::new();
    };
    let name = field_name(field, lang);
    match lang {
        Lang::Id => format!(" pada isian «{name}»"),
        Lang::En => format!(" in «{name}»"),
    }
}

/// The validation problem without the field name that `field_suffix` already gives.
pub(super) fn problem(e: &ScenarioError, lang: Lang) -> String {
    problem_message(e.field, &e.problem, lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_name_the_problem_in_both_languages() {
        let e = ShareLinkError::Invalid(ScenarioError::new(
            Field::Source(0, crate::engine::SourceField::FirstMonth),
            crate::engine::Problem::OutOfRange {
                value: 13.into(),
                min: 1.into(),
                max: 12.into(),
            },
        ));
        let id = message(&e, Lang::Id);
        assert!(
            id.contains("«Bulan mulai di tahun pertama (sumber ke-1)»") && id.contains("13"),
            "{id}"
        );
        assert!(!id.contains("first_month"), "a path reached the user: {id}");
        let en = message(&e, Lang::En);
        assert!(en.starts_with("The link holds a value"), "{en}");
        assert!(message(&ShareLinkError::Truncated, Lang::Id).starts_with("Tautan terpotong"));
        let newer = ShareLinkError::FutureVersion {
            found: 9,
            supported: 1,
        };
        assert!(message(&newer, Lang::Id)
            .starts_with("Tautan dibuat oleh versi Payung yang lebih baru"));
    }
}
