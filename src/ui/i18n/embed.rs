//! The embed's words: the view's and the generator's fixed text, the names of the controls,
//! charts, headline figures and themes a page author can choose, the frame's accessible
//! name, and the notices that tell the author what in their address was not understood.
//! `ui::embed` reads the address; this module only says what it found.

use super::share;

use crate::locale::Lang;
use crate::ui::embed::choice::{ChartChoice, Control, Headline};
use crate::ui::embed::query::{Notice, NoticeProblem};
use crate::ui::embed::theme::Theme;

/// The embed's and the generator's fixed text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Text {
    OpenFull,
    OpenFullHint,
    NoticesTitle,
    Generator,
    GeneratorIntro,
    Controls,
    Charts,
    Headlines,
    Appearance,
    Language,
    Theme,
    Accent,
    UseAccent,
    Width,
    Height,
    Preview,
    PreviewHeight,
    Snippet,
    SnippetHelp,
    Copy,
    Copied,
    CopyFailed,
    Address,
    NoChart,
    Shows,
    ShowScenario,
    ShowNational,
}

impl Text {
    /// The text in `lang`.
    pub fn get(self, lang: Lang) -> &'static str {
        use Text::*;
        let (id, en) = match self {
            OpenFull => ("Buka simulator lengkap", "Open the full simulator"),
            OpenFullHint => ("(tab baru)", "(new tab)"),
            NoticesTitle => ("Catatan untuk pemasang", "Notes for the page author"),
            Generator => ("Sematkan", "Embed"),
            GeneratorIntro => (
                "Pasang potongan simulator ini di artikel atau situs Anda: pilih isinya, lihat pratinjau, lalu salin kodenya.",
                "Put a piece of this simulator in your article or site: choose what it shows, check the preview, then copy the code.",
            ),
            Controls => ("Kontrol", "Controls"),
            Charts => ("Grafik", "Charts"),
            Headlines => ("Angka utama", "Headline figures"),
            Appearance => ("Tampilan", "Appearance"),
            Language => ("Bahasa", "Language"),
            Theme => ("Tema", "Theme"),
            Accent => ("Warna aksen", "Accent colour"),
            UseAccent => ("Pakai warna aksen sendiri", "Use my own accent colour"),
            Width => ("Lebar (px)", "Width (px)"),
            Height => ("Tinggi awal (px)", "Initial height (px)"),
            Preview => ("Pratinjau", "Preview"),
            PreviewHeight => ("Tinggi menyesuaikan isi", "Height follows the content"),
            Snippet => ("Kode untuk disalin", "Code to copy"),
            SnippetHelp => (
                "Tempel di HTML halaman Anda. Skrip kecilnya hanya menerima pesan tinggi dari bingkai ini dan menyesuaikan tingginya.",
                "Paste into your page's HTML. Its small script accepts only height messages from this frame and resizes it.",
            ),
            Copy => ("Salin kode", "Copy code"),
            Copied => ("Kode tersalin.", "Code copied."),
            Shows => ("Tampilkan", "Show"),
            ShowScenario => ("Skenario ini", "This scenario"),
            ShowNational => (
                "Peta nasional: 38 provinsi dan kalimat Indonesia",
                "National map: the 38 provinces and Indonesia's sentence",
            ),
            CopyFailed => (
                "Tidak dapat menyalin otomatis; kode sudah dipilih, tekan Ctrl+C.",
                "Could not copy automatically; the code is selected, press Ctrl+C.",
            ),
            Address => ("Alamat bingkai", "Frame address"),
            NoChart => ("Pilih setidaknya satu grafik.", "Choose at least one chart."),
        };
        lang.pick(id, en)
    }
}

/// A control's name in the generator.
pub fn control_label(control: Control, lang: Lang) -> &'static str {
    let (id, en) = match control {
        Control::Budget => (
            "Anggaran per tahun (sumber pertama)",
            "Yearly budget (first source)",
        ),
        Control::Jht => ("JHT (opsional)", "JHT (optional)"),
        Control::Income => ("Penghasilan yang dilaporkan", "Declared income"),
        Control::Workers => ("Jumlah pekerja rentan", "Vulnerable workers"),
        Control::Target => ("Target cakupan", "Target coverage"),
        Control::Verification => ("Kapasitas verifikasi per bulan", "Verification per month"),
        Control::Lapse => ("Peserta berhenti per tahun", "Yearly lapse rate"),
        Control::Deaths => ("Kematian per 1.000 peserta", "Deaths per 1,000 members"),
    };
    lang.pick(id, en)
}

/// A chart's name in the generator.
pub fn chart_label(chart: ChartChoice, lang: Lang) -> &'static str {
    let (id, en) = match chart {
        ChartChoice::Coverage => ("Cakupan pekerja", "Coverage"),
        ChartChoice::Cost => ("Biaya per tahun menurut sumber", "Yearly cost by source"),
        ChartChoice::Benefits => ("Manfaat dan iuran", "Benefits and contributions"),
    };
    lang.pick(id, en)
}

/// A headline figure's name in the generator.
pub fn headline_label(headline: Headline, lang: Lang) -> &'static str {
    let (id, en) = match headline {
        Headline::Coverage => ("Cakupan di akhir", "Coverage at the end"),
        Headline::Cost => ("Biaya tahun pertama", "Cost in the first year"),
        Headline::Target => ("Kapan target tercapai", "When the target is reached"),
        Headline::PerWorker => ("Biaya per pekerja per tahun", "Cost per worker-year"),
    };
    lang.pick(id, en)
}

/// A theme's name in the generator.
pub fn theme_label(theme: Theme, lang: Lang) -> &'static str {
    let (id, en) = match theme {
        Theme::Light => ("Terang", "Light"),
        Theme::Dark => ("Gelap", "Dark"),
    };
    lang.pick(id, en)
}

/// The iframe's accessible name.
pub fn frame_title(lang: Lang) -> &'static str {
    lang.pick(
        "Payung: simulasi perlindungan pekerja rentan",
        "Payung: simulation of cover for vulnerable workers",
    )
}

/// The notice for the person who wrote the address, naming the parameter.
pub fn notice_text(notice: &Notice, lang: Lang) -> String {
    use NoticeProblem as P;
    let p = &notice.param;
    let choices = |allowed: &[&str]| {
        allowed
            .iter()
            .map(|a| format!("`{a}`"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    match (&notice.problem, lang) {
        (P::UnknownParameter, Lang::Id) => {
            format!("Parameter `{p}` tidak dikenal dan diabaikan.")
        }
        (P::UnknownParameter, Lang::En) => {
            format!("Unknown parameter `{p}` was ignored.")
        }
        (P::Repeated, Lang::Id) => {
            format!("Parameter `{p}` ditulis lebih dari sekali; yang pertama dipakai.")
        }
        (P::Repeated, Lang::En) => {
            format!("Parameter `{p}` is given more than once; the first is used.")
        }
        (P::Empty { using }, Lang::Id) => {
            format!("Parameter `{p}` tidak berisi nilai; memakai `{using}`.")
        }
        (P::Empty { using }, Lang::En) => {
            format!("Parameter `{p}` has no value; using `{using}`.")
        }
        (
            P::UnknownValue {
                value,
                allowed,
                using,
            },
            Lang::Id,
        ) => {
            let then = match using {
                Some(u) => format!("memakai `{u}`"),
                None => "nilai ini diabaikan".to_string(),
            };
            format!(
                "Parameter `{p}`: nilai `{value}` tidak dikenal (pilihan: {}); {then}.",
                choices(allowed)
            )
        }
        (
            P::UnknownValue {
                value,
                allowed,
                using,
            },
            Lang::En,
        ) => {
            let then = match using {
                Some(u) => format!("using `{u}`"),
                None => "this value was ignored".to_string(),
            };
            format!(
                "Parameter `{p}`: unknown value `{value}` (choices: {}); {then}.",
                choices(allowed)
            )
        }
        (P::BadColour { value }, Lang::Id) => format!(
            "Parameter `{p}`: `{value}` bukan warna berbentuk `#rrggbb` (misalnya `%230072B2` di alamat); memakai warna bawaan."
        ),
        (P::BadColour { value }, Lang::En) => format!(
            "Parameter `{p}`: `{value}` is not a colour written `#rrggbb` (e.g. `%230072B2` in the address); using the default colour."
        ),
        (P::TooMany { max, kept }, Lang::Id) => {
            format!("Parameter `{p}`: paling banyak {max} angka utama; memakai `{kept}`.")
        }
        (P::TooMany { max, kept }, Lang::En) => {
            format!("Parameter `{p}`: at most {max} headline figures; using `{kept}`.")
        }
        (P::Share { error, using }, Lang::Id) => format!(
            "Parameter `{p}`: {} Menampilkan preset `{using}`.",
            share::message(error, lang)
        ),
        (P::Share { error, using }, Lang::En) => format!(
            "Parameter `{p}`: {} Showing the preset `{using}` instead.",
            share::message(error, lang)
        ),
        (P::ControlUnavailable { control }, Lang::Id) => format!(
            "Parameter `{p}`: `{}` tidak tersedia untuk skenario ini (tidak ada sumber dana dalam Rupiah per tahun).",
            control.code()
        ),
        (P::ControlUnavailable { control }, Lang::En) => format!(
            "Parameter `{p}`: `{}` is not available for this scenario (no source is funded in Rupiah per year).",
            control.code()
        ),
    }
}

/// Why the other headline figures cannot be ticked: the embed shows at most `n`.
pub fn headlines_full(n: usize, lang: Lang) -> String {
    match lang {
        Lang::Id => format!("Paling banyak {n} angka utama; lepas satu untuk memilih yang lain."),
        Lang::En => format!("At most {n} headline figures; untick one to choose another."),
    }
}
