//! The saved-scenarios panel's text, and the messages for what can go wrong with saved
//! entries and with the browser's storage (blocked, full, taken by another tab, unreadable
//! entries). The errors themselves are `ui::storage::StorageError` and `ui::saved`'s.

use crate::locale::Lang;
use crate::ui::saved::{EntryError, EntryProblem, ProblemKind};
use crate::ui::storage::StorageError;

/// A fixed piece of the saved-scenarios panel's text. `{name}`, `{n}`, `{max}`, `{found}`,
/// `{supported}` and `{detail}` are filled in by `fill`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Text {
    Title,
    NameLabel,
    Save,
    Empty,
    Open,
    Rename,
    SaveName,
    Cancel,
    Duplicate,
    Delete,
    Undo,
    Compare,
    Current,
    CompareHint,
    CompareMax,
    SavedAt,
    SavedAs,
    Opened,
    Renamed,
    Duplicated,
    Deleted,
    Restored,
    Blocked,
    Full,
    Taken,
    Failed,
    Corrupt,
    NotJson,
    NotAnEntry,
    BadScenario,
    BadScenarioSomewhere,
    Nameless,
    EmptyName,
    NameTooLong,
    NotFound,
    NewerVersion,
    Unreadable,
    Unwritable,
}

/// The text of `key` in `lang`.
pub fn text(key: Text, lang: Lang) -> &'static str {
    use Text::*;
    let (id, en) = match key {
        Title => ("Skenario tersimpan", "Saved scenarios"),
        NameLabel => ("Nama skenario", "Scenario name"),
        Save => ("Simpan", "Save"),
        Empty => (
            "Belum ada skenario tersimpan di browser ini.",
            "No scenarios saved in this browser yet.",
        ),
        Open => ("Buka", "Open"),
        Rename => ("Ganti nama", "Rename"),
        SaveName => ("Simpan nama", "Save name"),
        Cancel => ("Batal", "Cancel"),
        Duplicate => ("Duplikat", "Duplicate"),
        Delete => ("Hapus", "Delete"),
        Undo => ("Urungkan", "Undo"),
        Compare => ("Bandingkan", "Compare"),
        Current => ("Skenario saat ini", "Current scenario"),
        CompareHint => (
            "Centang 2–4 skenario untuk dibandingkan.",
            "Tick 2–4 scenarios to compare them.",
        ),
        CompareMax => (
            "Paling banyak 4 skenario dibandingkan sekaligus.",
            "At most 4 scenarios can be compared at once.",
        ),
        SavedAt => ("disimpan {name}", "saved {name}"),
        SavedAs => ("Tersimpan sebagai “{name}”.", "Saved as “{name}”."),
        Opened => ("“{name}” dibuka.", "Opened “{name}”."),
        Renamed => ("Nama diganti menjadi “{name}”.", "Renamed to “{name}”."),
        Duplicated => ("Disalin sebagai “{name}”.", "Copied as “{name}”."),
        Deleted => ("“{name}” dihapus.", "Deleted “{name}”."),
        Restored => ("“{name}” dikembalikan.", "Restored “{name}”."),
        Blocked => (
            "Penyimpanan browser diblokir (misalnya mode privat), jadi skenario tidak dapat disimpan di sini. Aplikasi tetap berjalan seperti biasa.",
            "Browser storage is blocked (private mode, for example), so scenarios cannot be saved here. The app keeps working as usual.",
        ),
        Full => (
            "Penyimpanan browser penuh, jadi perubahan ini tidak tersimpan. Skenario yang sudah tersimpan tetap aman; hapus yang tidak diperlukan untuk memberi ruang.",
            "Browser storage is full, so this change was not saved. Scenarios saved before are safe; delete ones you no longer need to make room.",
        ),
        Taken => (
            "Tab lain baru saja menyimpan skenario pada saat yang sama. Coba lagi.",
            "Another tab saved a scenario at the same moment. Please try again.",
        ),
        Failed => (
            "Browser menolak menyimpan: {detail}",
            "The browser refused to store this: {detail}",
        ),
        Corrupt => (
            "{n} skenario tersimpan rusak dan dilewati; yang lain tetap dimuat:",
            "{n} saved scenario(s) are damaged and were skipped; the others loaded:",
        ),
        NotJson => ("bukan JSON", "not JSON"),
        NotAnEntry => (
            "isinya bukan skenario tersimpan",
            "what is stored is not a saved scenario",
        ),
        BadScenario => (
            "isian «{detail}» dalam skenarionya rusak",
            "its «{detail}» is damaged",
        ),
        BadScenarioSomewhere => (
            "skenarionya rusak",
            "its scenario is damaged",
        ),
        Nameless => (
            "Sebuah skenario tersimpan tanpa nama yang terbaca",
            "A saved scenario whose name cannot be read",
        ),
        EmptyName => ("Beri nama skenario ini.", "Give the scenario a name."),
        NameTooLong => (
            "Nama paling banyak {max} karakter.",
            "A name has at most {max} characters.",
        ),
        NotFound => (
            "Skenario ini sudah tidak ada.",
            "This scenario no longer exists.",
        ),
        NewerVersion => (
            "“{name}” disimpan oleh Payung yang lebih baru (versi skenario {found}; versi ini membaca sampai {supported}).",
            "“{name}” was saved by a newer Payung (scenario version {found}; this one reads up to {supported}).",
        ),
        Unreadable => (
            "“{name}” tidak dapat dibaca: {detail}",
            "“{name}” cannot be read: {detail}",
        ),
        Unwritable => (
            "Skenario tidak dapat ditulis: {detail}",
            "The scenario cannot be written: {detail}",
        ),
    };
    lang.pick(id, en)
}

/// `template` with each `{key}` replaced by its value.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    values.iter().fold(template.to_string(), |t, (k, v)| {
        t.replace(&format!("{{{k}}}"), v)
    })
}

/// A storage problem in the user's language.
pub fn storage_message(e: &StorageError, lang: Lang) -> String {
    match e {
        StorageError::Blocked => text(Text::Blocked, lang).into(),
        StorageError::Full => text(Text::Full, lang).into(),
        StorageError::Taken(_) => text(Text::Taken, lang).into(),
        StorageError::Encode(d) => fill(text(Text::Unwritable, lang), &[("detail", d)]),
        StorageError::Failed(d) => fill(text(Text::Failed, lang), &[("detail", d)]),
    }
}

/// A refused action on an entry named `name`, in the user's language.
pub fn entry_message(e: &EntryError, name: &str, lang: Lang) -> String {
    match e {
        EntryError::EmptyName => text(Text::EmptyName, lang).into(),
        EntryError::NameTooLong { max } => {
            fill(text(Text::NameTooLong, lang), &[("max", &max.to_string())])
        }
        EntryError::NotFound(_) => text(Text::NotFound, lang).into(),
        EntryError::NewerVersion { found, supported } => fill(
            text(Text::NewerVersion, lang),
            &[
                ("name", name),
                ("found", &found.to_string()),
                ("supported", &supported.to_string()),
            ],
        ),
        EntryError::Unreadable(detail) => fill(
            text(Text::Unreadable, lang),
            &[
                ("name", name),
                ("detail", &super::files::file_message(detail, lang)),
            ],
        ),
        EntryError::Unwritable(d) => fill(text(Text::Unwritable, lang), &[("detail", d)]),
    }
}

/// An unreadable entry, for the list of skipped ones.
pub fn problem_message(p: &EntryProblem, lang: Lang) -> String {
    // The reader knows an entry by its name, and a field by its label: never by the
    // storage id or a JSON path.
    let reason = match &p.kind {
        ProblemKind::NotJson => text(Text::NotJson, lang).to_string(),
        ProblemKind::NotAnEntry(_) => text(Text::NotAnEntry, lang).to_string(),
        ProblemKind::BadScenario(path) => {
            let field = path
                .strip_prefix("scenario.")
                .and_then(crate::engine::field::Field::from_path);
            match field {
                Some(f) => fill(
                    text(Text::BadScenario, lang),
                    &[("detail", &crate::ui::i18n::field_name(f, lang))],
                ),
                None => text(Text::BadScenarioSomewhere, lang).to_string(),
            }
        }
    };
    match &p.name {
        Some(name) => format!("“{name}”: {reason}"),
        None => format!("{}: {reason}", text(Text::Nameless, lang)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_are_filled() {
        assert_eq!(
            fill(text(Text::SavedAs, Lang::Id), &[("name", "Opsi A")]),
            "Tersimpan sebagai “Opsi A”."
        );
        assert_eq!(
            entry_message(&EntryError::NameTooLong { max: 120 }, "", Lang::En),
            "A name has at most 120 characters."
        );
        let newer = EntryError::NewerVersion {
            found: 3,
            supported: 1,
        };
        assert!(entry_message(&newer, "B", Lang::Id).contains("versi skenario 3"));
    }

    #[test]
    fn every_text_has_both_languages() {
        use Text::*;
        for key in [
            Title,
            NameLabel,
            Save,
            Empty,
            Open,
            Rename,
            SaveName,
            Cancel,
            Duplicate,
            Delete,
            Undo,
            Compare,
            Current,
            CompareHint,
            CompareMax,
            SavedAt,
            SavedAs,
            Opened,
            Renamed,
            Duplicated,
            Deleted,
            Restored,
            Blocked,
            Full,
            Taken,
            Failed,
            Corrupt,
            NotJson,
            NotAnEntry,
            BadScenario,
            EmptyName,
            NameTooLong,
            NotFound,
            NewerVersion,
            Unreadable,
            Unwritable,
        ] {
            assert!(!text(key, Lang::Id).is_empty() && !text(key, Lang::En).is_empty());
        }
    }
}
