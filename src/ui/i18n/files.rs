//! The file panel's text (download, import, chart downloads) and the messages for an
//! imported scenario file that is refused. `ui::share::import_file` decides why; this
//! module only says it.

use super::shape_message;
use super::share::{field_suffix, problem};
use crate::engine::import::ImportError;
use crate::locale::format;
use crate::locale::Lang;
use crate::ui::share::FileError;

/// A fixed piece of the file panel's and the chart downloads' text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Text {
    Title,
    DownloadJson,
    DownloadCsv,
    Import,
    DropHint,
    Reading,
    Imported,
    Unreadable,
    DownloadFailed,
    ChartDownloads,
    PngFailed,
}

/// The text of `key` in `lang`.
pub fn text(key: Text, lang: Lang) -> &'static str {
    let (id, en) = match key {
        Text::Title => ("Berkas", "Files"),
        Text::DownloadJson => ("Unduh JSON skenario", "Download scenario JSON"),
        Text::DownloadCsv => ("Unduh CSV hasil", "Download results CSV"),
        Text::Import => ("Impor JSON", "Import JSON"),
        Text::DropHint => (
            "…atau jatuhkan berkas .json ke panel ini.",
            "…or drop a .json file onto this panel.",
        ),
        Text::Reading => ("Membaca berkas…", "Reading the file…"),
        Text::Imported => ("Skenario dimuat dari", "Scenario loaded from"),
        Text::Unreadable => (
            "Berkas tidak dapat dibaca oleh peramban. Coba simpan ulang berkasnya, lalu impor lagi.",
            "The browser could not read the file. Save it again, then import it again.",
        ),
        Text::DownloadFailed => (
            "Peramban menolak membuat unduhan.",
            "The browser refused to start the download.",
        ),
        Text::ChartDownloads => ("Unduh grafik", "Download chart"),
        Text::PngFailed => (
            "PNG tidak dapat dibuat di peramban ini. Unduh SVG-nya.",
            "The PNG could not be made in this browser. Download the SVG instead.",
        ),
    };
    lang.pick(id, en)
}

/// What went wrong with an imported file, for the person who chose it.
pub fn file_message(err: &ImportError, lang: Lang) -> String {
    match (err, lang) {
        (ImportError::TooLarge { bytes, limit }, Lang::Id) => format!(
            "Berkas terlalu besar ({} byte; batasnya {} byte). Berkas skenario Payung biasanya di bawah 10 KB.",
            format::number(*bytes as u64, lang),
            format::number(*limit as u64, lang)
        ),
        (ImportError::TooLarge { bytes, limit }, Lang::En) => format!(
            "The file is too large ({} bytes; the limit is {} bytes). Payung scenario files are usually under 10 KB.",
            format::number(*bytes as u64, lang),
            format::number(*limit as u64, lang)
        ),
        (ImportError::NotJson { line, column, .. }, Lang::Id) => format!(
            "Berkas ini bukan JSON (kesalahan di baris {line}, kolom {column}). Pilih berkas .json yang diunduh dari Payung."
        ),
        (ImportError::NotJson { line, column, .. }, Lang::En) => format!(
            "This file is not JSON (error at line {line}, column {column}). Choose a .json file downloaded from Payung."
        ),
        (ImportError::WrongShape { field, shape, .. }, Lang::Id) => format!(
            "Berkas JSON ini bukan skenario Payung yang utuh: {}.",
            shape_message(shape, *field, lang)
        ),
        (ImportError::WrongShape { field, shape, .. }, Lang::En) => format!(
            "This JSON file is not a complete Payung scenario: {}.",
            shape_message(shape, *field, lang)
        ),
        (ImportError::NotAScenario, Lang::Id) => {
            "Berkas JSON ini bukan skenario Payung. Pilih berkas .json yang diunduh dari Payung.".to_string()
        }
        (ImportError::NotAScenario, Lang::En) => {
            "This JSON file is not a Payung scenario. Choose a .json file downloaded from Payung.".to_string()
        }
        (ImportError::NewerVersion { found, supported }, Lang::Id) => format!(
            "Berkas dibuat oleh versi Payung yang lebih baru (format {found}; versi ini membaca sampai format {supported}). Muat ulang halaman untuk mendapatkan versi terbaru."
        ),
        (ImportError::NewerVersion { found, supported }, Lang::En) => format!(
            "The file was made by a newer version of Payung (format {found}; this version reads up to format {supported}). Reload the page to get the latest version."
        ),
    }
}

/// `file_message`, or the validation problem with its field.
pub fn file_error_message(err: &FileError, lang: Lang) -> String {
    match (err, lang) {
        (FileError::Import(e), _) => file_message(e, lang),
        (FileError::Invalid(e), Lang::Id) => format!(
            "Berkas berisi nilai yang tidak valid{}: {}",
            field_suffix(Some(e.field), lang),
            problem(e, lang)
        ),
        (FileError::Invalid(e), Lang::En) => format!(
            "The file holds a value that is not valid{}: {}",
            field_suffix(Some(e.field), lang),
            problem(e, lang)
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_messages_name_the_field_by_its_label_never_its_path() {
        let shape = ImportError::WrongShape {
            path: "region.desa".into(),
            field: Some(crate::engine::Field::Desa),
            shape: crate::engine::import::Shape::WrongType,
            message: "invalid type".into(),
        };
        let id = file_message(&shape, Lang::Id);
        assert!(
            id.contains("«Jumlah desa»") && !id.contains("region"),
            "{id}"
        );
        let root = ImportError::WrongShape {
            path: ".".into(),
            field: None,
            shape: crate::engine::import::Shape::WrongType,
            message: "invalid type: sequence".into(),
        };
        let en = file_message(&root, Lang::En);
        assert!(!en.contains('«') && !en.contains("sequence"), "{en}");
        let other = file_message(&ImportError::NotAScenario, Lang::Id);
        assert!(other.contains("bukan skenario Payung") && !other.contains("schema_version"));
    }
}
