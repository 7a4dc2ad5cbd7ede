//! The words of the worker-groups section, of a source card's group checkboxes, and of the
//! coverage-by-group table.

use crate::locale::Lang;

/// A fixed piece of the worker-groups text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GroupText {
    Title,
    Note,
    Add,
    Remove,
    /// The name the implicit group takes when a second group is added.
    FirstName,
    NewName,
    /// In the Program panel when groups set scheme, income and window.
    SetPerGroup,
    /// Above a source's checkboxes.
    PaysFor,
    TableTitle,
    TableGroup,
    TableCovered,
    TableWorkers,
    TablePaid,
}

impl GroupText {
    pub fn get(self, lang: Lang) -> &'static str {
        use GroupText::*;
        let (id, en) = match self {
            Title => ("Kelompok pekerja", "Worker groups"),
            Note => (
                "Tiap kelompok punya jumlah pekerja, skema iuran, penghasilan atau upah, dan jendela diskon PP 50/2025 sendiri. Sumber dana dapat dibatasi pada kelompok tertentu.",
                "Each group has its own workers, contribution scheme, income or wage, and PP 50/2025 window. A funding source can be limited to some groups.",
            ),
            Add => ("+ Tambah kelompok", "+ Add a group"),
            Remove => ("Hapus kelompok", "Remove group"),
            FirstName => ("Pekerja rentan", "Vulnerable workers"),
            NewName => ("Kelompok baru", "New group"),
            SetPerGroup => (
                "Skema, penghasilan dan jendela diskon diatur per kelompok (lihat Kelompok pekerja).",
                "Scheme, income and discount window are set per group (see Worker groups).",
            ),
            PaysFor => ("Membayar untuk kelompok", "Pays for the groups"),
            TableTitle => ("Cakupan per kelompok", "Coverage by group"),
            TableGroup => ("Kelompok", "Group"),
            TableCovered => ("Tercakup", "Covered"),
            TableWorkers => ("Pekerja", "Workers"),
            TablePaid => ("Iuran (Rp)", "Contributions (Rp)"),
        };
        lang.pick(id, en)
    }
}

/// "Pekerja rentan: 71.000 (jumlah semua kelompok)", where the region's workers are the
/// groups' sum.
pub fn sum_of_groups(workers: &str, lang: Lang) -> String {
    match lang {
        Lang::Id => format!(
            "Pekerja rentan: {workers} (jumlah semua kelompok; ubah per kelompok di Kelompok pekerja)"
        ),
        Lang::En => format!(
            "Vulnerable workers: {workers} (all groups together; set them per group under Worker groups)"
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_differs_between_the_languages() {
        use GroupText::*;
        for t in [
            Title,
            Note,
            Add,
            Remove,
            FirstName,
            NewName,
            SetPerGroup,
            TableTitle,
            TableGroup,
            TableCovered,
            TableWorkers,
            TablePaid,
        ] {
            assert_ne!(t.get(Lang::Id), t.get(Lang::En), "{t:?}");
        }
    }
}
