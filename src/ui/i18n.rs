//! The UI language and the text catalogue: every string the user reads, Bahasa Indonesia
//! first and English second, side by side so neither can be forgotten.
//!
//! This file holds the language, the text shared across the app (`T`), field labels and
//! units, and the messages for input, validation and simulation warnings. Each area with
//! text of its own has a submodule: `compare`, `embed`, `files`, `goal_seek`, `saved`,
//! `share`, `sources`, `summary` and `uncertainty`. Components take their words from here and hold none; the charts
//! own their words (`crate::charts::text`); numbers are put into words with
//! `crate::locale::format`, and the language itself is `crate::locale::Lang`.
//!
//! The catalogue itself uses neither Yew nor the browser, so that native tests use it.

pub mod compare;
pub mod embed;
pub mod files;
pub mod goal_seek;
pub mod groups;
pub mod national;
pub mod presets;
pub mod province_sources;
pub mod regions;
pub mod saved;
pub mod share;
pub mod source_kind;
pub mod sources;
pub mod summary;
pub mod table;
pub mod uncertainty;

use crate::engine::edit::Rule;
use crate::engine::error::Problem;
use crate::engine::field::{Field, GroupField, SourceField, Unit};
use crate::engine::import::Shape;
use crate::engine::outcome::{Unspent, Warning};
use crate::engine::scenario::SourceKind;
use crate::engine::ScenarioError;
use crate::locale::format;
use crate::locale::parse::ParseError;
use crate::locale::Lang;
use crate::ui::state::Display;
use rust_decimal::Decimal;
use source_kind::source_kind_name;

/// A fixed piece of UI text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum T {
    AppTitle,
    AppSubtitle,
    Preset,
    Language,
    OtherLanguage,
    Presentation,
    Controls,
    Results,
    /// The phone's switch between results and controls.
    Show,
    GroupRegion,
    GroupProgramme,
    GroupSources,
    GroupEnrolment,
    GroupRisk,
    GroupTarget,
    RegionName,
    Reset,
    ResetTo,
    AddSource,
    Remove,
    MoveUp,
    SourceName,
    SourceKind,
    SourceRule,
    OpenEnded,
    CoFundEveryone,
    SchemeBpu,
    SchemeWageEarner,
    /// The declared income's label under the wage-earner scheme, where it is the wage.
    Wage,
    CoFundAll,
    CoFundJht,
    Capped,
    Discount,
    DiscountNever,
    JkkJkm,
    JkkJkmFixed,
    Jht,
    CostPerWorker,
    CostTotal,
    Reenrol,
    InForceSince,
    LegalBasis,
    About,
    CardCoverage,
    CardTarget,
    NotReached,
    CardCostYear,
    CardCostHorizon,
    CardShares,
    CardPerWorkerYear,
    CardBenefits,
    ExpectedDeaths,
    ShowData,
    YearlyResults,
    GoalSeek,
    GoalSeekSource,
    Apply,
    Applied,
    Unreachable,
    Computing,
    /// The engine's background thread could not answer (with its reason after it).
    EngineFailed,
    Warnings,
    PresetNotes,
    InvalidShown,
    NoSources,
    Estimate,
    SkipToResults,
    Year,
    Months,
    // The printed brief.
    Print,
    BriefTitle,
    BriefPrinted,
    BriefKeyFigures,
    BriefLedger,
    BriefLedgerNote,
    BriefAssumptions,
    BriefLink,
    BriefLinkScan,
    BriefTotal,
    BriefSource,
    BriefDeathBenefit,
}

impl T {
    pub fn get(self, lang: Lang) -> &'static str {
        use T::*;
        let (id, en) = match self {
            AppTitle => ("Payung", "Payung"),
            AppSubtitle => (
                "Simulator perlindungan jaminan sosial ketenagakerjaan bagi pekerja rentan",
                "Simulator of social security cover for vulnerable workers",
            ),
            Preset => ("Wilayah contoh", "Region preset"),
            Language => ("Bahasa", "Language"),
            OtherLanguage => ("English", "Bahasa Indonesia"),
            Presentation => ("Mode presentasi", "Presentation mode"),
            Controls => ("Pengaturan", "Controls"),
            Results => ("Hasil", "Results"),
            Show => ("Tampilkan", "Show"),
            GroupRegion => ("Wilayah", "Region"),
            GroupProgramme => ("Program", "Programmes"),
            GroupSources => ("Sumber pendanaan", "Funding sources"),
            GroupEnrolment => ("Pendaftaran & verifikasi", "Enrolment & verification"),
            GroupRisk => ("Asumsi risiko", "Risk assumptions"),
            GroupTarget => ("Target", "Target"),
            RegionName => ("Nama wilayah", "Region name"),
            Reset => ("Atur ulang", "Reset"),
            ResetTo => ("Kembalikan ke nilai preset", "Reset to the preset value"),
            AddSource => ("Tambah sumber", "Add source"),
            Remove => ("Hapus", "Remove"),
            MoveUp => ("Naikkan prioritas", "Move up"),
            SourceName => ("Nama sumber", "Source name"),
            SourceKind => ("Jenis", "Kind"),
            SourceRule => ("Cara menghitung", "Amount rule"),
            SchemeBpu => (
                "Bukan penerima upah (BPU), dari penghasilan yang dilaporkan",
                "Informal (BPU), on a declared income",
            ),
            SchemeWageEarner => (
                "Penerima upah (perangkat desa, RT/RW), dari upah",
                "Wage earner (village officials, RT/RW heads), on a wage",
            ),
            Wage => ("Upah per bulan", "Monthly wage"),
            CoFundEveryone => (
                "Semua sumber yang mendaftarkan pekerja",
                "Every source that enrols workers",
            ),
            CoFundAll => (
                "Seluruh iuran (JKK, JKM, JHT)",
                "The whole premium (JKK, JKM, JHT)",
            ),
            CoFundJht => ("JHT saja", "JHT only"),
            OpenEnded => (
                "Berlanjut sampai akhir horizon",
                "Continues to the end of the horizon",
            ),
            Capped => ("Batasi jumlah pekerja", "Cap the number of workers"),
            Discount => ("Diskon PP 50/2025 berlaku", "PP 50/2025 discount applies"),
            DiscountNever => (
                "Diskon PP 50/2025 tidak berlaku untuk dana APBD/APBN",
                "The PP 50/2025 discount never applies to APBD/APBN money",
            ),
            JkkJkm => ("JKK + JKM", "JKK + JKM"),
            JkkJkmFixed => (
                "selalu bersama (wajib bagi BPU)",
                "always together (required for BPU)",
            ),
            Jht => ("JHT (opsional)", "JHT (optional)"),
            CostPerWorker => (
                "Iuran per pekerja per bulan",
                "Contribution per worker per month",
            ),
            CostTotal => ("Jumlah", "Total"),
            Reenrol => (
                "Pekerja yang berhenti dapat didaftarkan ulang",
                "Lapsed workers can re-enrol",
            ),
            InForceSince => ("berlaku sejak", "in force since"),
            LegalBasis => ("Dasar hukum", "Legal basis"),
            About => ("Keterangan", "About"),
            CardCoverage => ("Cakupan di akhir horizon", "Coverage at the end"),
            CardTarget => ("Target tercapai", "Target reached"),
            // The value under "Target tercapai": "tidak", not "tidak tercapai" again.
            NotReached => ("tidak", "no"),
            CardCostYear => ("Biaya tahun pertama", "Cost in the first year"),
            CardCostHorizon => ("Biaya selama horizon", "Cost over the horizon"),
            CardShares => ("Siapa membayar", "Who pays"),
            CardPerWorkerYear => (
                "Rp per pekerja-tahun terlindungi",
                "Rp per protected worker-year",
            ),
            CardBenefits => (
                "Perkiraan manfaat untuk keluarga",
                "Expected benefits to families",
            ),
            ExpectedDeaths => ("perkiraan kematian", "expected deaths"),
            ShowData => ("Tampilkan data", "Show data"),
            YearlyResults => ("Hasil per tahun", "Yearly results"),
            GoalSeek => ("Cari anggaran", "Goal-seek"),
            GoalSeekSource => ("Sumber yang diubah", "Source to change"),
            Apply => ("Terapkan", "Apply"),
            Applied => ("Sudah diterapkan", "Applied"),
            Unreachable => ("Tidak dapat dicapai", "Unreachable"),
            Computing => ("Menghitung…", "Computing…"),
            EngineFailed => (
                "Mesin hitung tidak dapat menjawab. Muat ulang halaman; skenario Anda tersimpan. Alasannya:",
                "The engine could not answer. Reload the page; your scenario is saved. The reason:",
            ),
            Warnings => ("Perhatian", "Warnings"),
            PresetNotes => ("Sumber data preset", "Where the preset figures come from"),
            InvalidShown => (
                "Grafik memakai nilai valid terakhir sampai isian ini diperbaiki.",
                "The charts keep the last valid values until this is fixed.",
            ),
            NoSources => ("Belum ada sumber pendanaan.", "No funding sources yet."),
            Estimate => ("perkiraan", "estimate"),
            SkipToResults => ("Langsung ke hasil", "Skip to results"),
            Year => ("Tahun", "Year"),
            Months => ("bulan", "months"),
            Print => ("Cetak ringkasan", "Print brief"),
            BriefTitle => (
                "Ringkasan perlindungan pekerja rentan",
                "Brief: protecting vulnerable workers",
            ),
            BriefPrinted => ("Dicetak", "Printed"),
            BriefKeyFigures => ("Angka kunci", "Key figures"),
            BriefLedger => (
                "Buku pendanaan: siapa membayar berapa (Rupiah)",
                "Funding ledger: who pays what (Rupiah)",
            ),
            BriefLedgerNote => (
                "Iuran yang dibayarkan per tahun anggaran, dibulatkan ke Rupiah.",
                "Contributions paid per fiscal year, in whole Rupiah.",
            ),
            BriefAssumptions => (
                "Asumsi utama dan dasar hukum",
                "Main assumptions and legal basis",
            ),
            BriefLink => ("Buka skenario ini", "Open this scenario"),
            BriefLinkScan => (
                "Pindai kode QR dengan ponsel: tautannya terlalu panjang untuk diketik.",
                "Scan the QR code with a phone: the link is too long to type.",
            ),
            BriefTotal => ("Jumlah", "Total"),
            BriefSource => ("Sumber", "Source"),
            BriefDeathBenefit => ("Santunan kematian JKM", "JKM death benefit"),
        };
        lang.pick(id, en)
    }
}

/// The label of a scenario field: the one place fields are named for people.
pub fn field_label(field: Field, lang: Lang) -> &'static str {
    use Field::*;
    let (id, en) = match field {
        SchemaVersion => ("Versi format skenario", "Scenario format version"),
        Name => ("Nama skenario", "Scenario name"),
        Preset => ("Wilayah contoh", "Region preset"),
        RegionName => ("Nama wilayah", "Region name"),
        RegionKind => ("Jenis wilayah", "Region kind"),
        VulnerableWorkers => ("Pekerja rentan", "Vulnerable workers"),
        WorkerGrowth => (
            "Pertumbuhan pekerja rentan per tahun",
            "Yearly growth of vulnerable workers",
        ),
        Desa => ("Jumlah desa", "Number of desa (villages)"),
        Kelurahan => ("Jumlah kelurahan", "Number of kelurahan"),
        Asn => ("Jumlah ASN", "Civil servants (ASN)"),
        CoverSource(_) => (
            "Sumber dana pekerja tercakup di awal",
            "Funder of workers covered at the start",
        ),
        CoverMonths(_) => (
            "Lama kepesertaan pekerja tercakup di awal (bulan)",
            "Months of membership of workers covered at the start",
        ),
        StartYear => ("Tahun mulai", "Start year"),
        StartMonth => ("Bulan mulai", "Start month"),
        HorizonYears => ("Lama simulasi", "Horizon"),
        Jht => ("JHT (opsional)", "JHT (optional)"),
        Scheme => ("Skema iuran", "Contribution scheme"),
        Transport => (
            "Pekerja sektor transportasi (ojek, pengemudi)",
            "Transport-sector workers (ojek, drivers)",
        ),
        DeclaredIncome => ("Penghasilan yang dilaporkan", "Declared income"),
        Sources => ("Sumber pendanaan", "Funding sources"),
        Listed => (
            "Data calon peserta belum diverifikasi",
            "Listed entries not yet verified",
        ),
        VerificationYield => ("Hasil verifikasi (layak)", "Verification yield (eligible)"),
        VerificationPerMonth => (
            "Kapasitas verifikasi per bulan",
            "Verification capacity per month",
        ),
        LapseRate => ("Peserta berhenti per tahun", "Yearly lapse rate"),
        Reenrol => (
            "Pekerja yang berhenti dapat didaftarkan ulang",
            "Lapsed workers can re-enrol",
        ),
        DeathsPerThousand => (
            "Kematian per 1.000 peserta per tahun",
            "Deaths per 1,000 members per year",
        ),
        WorkDeathShare => (
            "Porsi kematian akibat kecelakaan kerja",
            "Share of deaths from work accidents",
        ),
        AccidentsPerThousand => (
            "Kecelakaan kerja per 1.000 per tahun",
            "Work accidents per 1,000 per year",
        ),
        AccidentCost => (
            "Biaya rata-rata per kecelakaan",
            "Average cost per accident",
        ),
        ClaimShare => ("Porsi kematian yang diklaim", "Share of deaths claimed"),
        ClaimLag => ("Jeda pembayaran klaim", "Claim payment lag"),
        ScholarshipShare => (
            "Perkiraan beasiswa (porsi dari maksimum)",
            "Expected scholarship (share of maximum)",
        ),
        JhtReturn => ("Imbal hasil JHT per tahun", "JHT yearly return"),
        TargetCoverage => ("Target cakupan", "Target coverage"),
        TargetYear => ("Tahun target", "Target year"),
        StartingCover(_) => ("Pekerja tercakup di awal", "Workers covered at the start"),
        Source(_, f) => match f {
            SourceField::Name => ("Nama sumber", "Source name"),
            SourceField::Kind => ("Jenis", "Kind"),
            SourceField::Priority => ("Prioritas", "Priority"),
            SourceField::Rule => ("Cara menghitung", "Amount rule"),
            SourceField::Yearly => ("Anggaran per tahun", "Yearly amount"),
            SourceField::PledgedWorkers => ("Pekerja yang dijamin", "Workers pledged"),
            SourceField::DanaDesaShare => (
                "Porsi Dana Desa untuk iuran",
                "Share of Dana Desa for premiums",
            ),
            SourceField::PerDesa => ("Rata-rata Dana Desa per desa", "Average Dana Desa per desa"),
            SourceField::Participation => ("Partisipasi ASN", "ASN participation"),
            SourceField::WorkersPerSponsor => ("Pekerja per ASN", "Workers per sponsor"),
            SourceField::FirstYear => ("Tahun pertama", "First year"),
            SourceField::FirstMonth => (
                "Bulan mulai di tahun pertama",
                "First month in the first year",
            ),
            SourceField::LastYear => ("Tahun terakhir", "Last year"),
            SourceField::Growth => ("Pertumbuhan per tahun", "Yearly growth"),
            SourceField::Cap => ("Batas pekerja", "Cap in workers"),
            SourceField::Discount => ("Diskon PP 50/2025 berlaku", "PP 50/2025 discount applies"),
            SourceField::ByYear(_) => ("Pagu tahun ini", "Amount for the year"),
            SourceField::CoShare => ("Porsi iuran yang dibayar", "Share of the premium paid"),
            SourceField::CoFundOf => ("Membantu sumber", "Helps the source"),
            SourceField::CoFundPart => ("Bagian iuran", "Part of the premium"),
            SourceField::Groups => ("Membayar untuk kelompok", "Pays for the groups"),
        },
        CoverGroup(_) => (
            "Kelompok pekerja tercakup di awal",
            "Group of workers covered at the start",
        ),
        Groups => ("Kelompok pekerja", "Worker groups"),
        Group(_, f) => match f {
            GroupField::Name => ("Nama kelompok", "Group name"),
            GroupField::Workers => ("Jumlah pekerja kelompok", "Workers in the group"),
            GroupField::Scheme => ("Skema iuran kelompok", "The group's contribution scheme"),
            GroupField::DeclaredIncome => (
                "Penghasilan atau upah kelompok",
                "The group's declared income or wage",
            ),
            GroupField::Transport => ("Kelompok sektor transportasi", "Transport-sector group"),
            GroupField::RiskFactor => ("Pengali risiko kelompok", "The group's risk multiplier"),
        },
    };
    lang.pick(id, en)
}

/// A field's label with the funding source or cover entry it belongs to, for messages
/// shown away from the input ("Anggaran per tahun (sumber ke-1)").
pub fn field_name(field: Field, lang: Lang) -> String {
    let label = field_label(field, lang);
    match (field, lang) {
        (Field::Source(i, SourceField::ByYear(year)), Lang::Id) => {
            format!("Pagu {year} (sumber ke-{})", i + 1)
        }
        (Field::Source(i, SourceField::ByYear(year)), Lang::En) => {
            format!("Amount for {year} (source {})", i + 1)
        }
        (Field::Source(i, _) | Field::StartingCover(i), Lang::Id) => {
            format!("{label} (sumber ke-{})", i + 1)
        }
        (Field::Source(i, _) | Field::StartingCover(i), Lang::En) => {
            format!("{label} (source {})", i + 1)
        }
        (Field::CoverSource(i) | Field::CoverMonths(i) | Field::CoverGroup(i), _) => {
            format!("{label} ({})", i + 1)
        }
        (Field::Group(g, _), Lang::Id) => format!("{label} (kelompok ke-{})", g + 1),
        (Field::Group(g, _), Lang::En) => format!("{label} (group {})", g + 1),
        _ => label.to_string(),
    }
}

/// The unit shown beside a numeric field and after its value in words.
pub fn unit(display: Display, lang: Lang) -> &'static str {
    let (id, en) = match display {
        Display::Workers => ("pekerja", "workers"),
        Display::Count => ("", ""),
        Display::Percent => ("%", "%"),
        Display::Rupiah => ("Rp", "Rp"),
        Display::RupiahPerMonth => ("Rp/bulan", "Rp/month"),
        Display::Year => ("", ""),
        Display::Month => ("(1–12)", "(1–12)"),
        Display::Months => ("bulan", "months"),
        Display::Years => ("tahun", "years"),
        Display::PerThousand => ("‰/tahun", "‰/year"),
        Display::Multiple => ("×", "×"),
    };
    lang.pick(id, en)
}

/// Each language's name in itself, for language pickers.
pub fn language_name(lang: Lang) -> &'static str {
    match lang {
        Lang::Id => "Bahasa Indonesia",
        Lang::En => "English",
    }
}

/// A funding rule's name.
pub fn rule_name(rule: Rule, lang: Lang) -> &'static str {
    let (id, en) = match rule {
        Rule::Rupiah => ("Rupiah per tahun", "Rupiah per year"),
        Rule::Workers => ("Jumlah pekerja dijamin", "Number of workers pledged"),
        Rule::DanaDesa => (
            "Desa × porsi × Dana Desa per desa",
            "Desa × share × Dana Desa per desa",
        ),
        Rule::BapakAsuh => (
            "ASN × partisipasi × pekerja per ASN",
            "ASN × participation × workers per sponsor",
        ),
        Rule::CoFund => (
            "Ikut membayar sebagian iuran sumber lain",
            "Co-funds a share of other sources' premiums",
        ),
    };
    lang.pick(id, en)
}

/// Month names, January first (the table lives with the date formats in `format`).
pub fn month_name(month: u8, lang: Lang) -> &'static str {
    crate::locale::format::month_name(month.clamp(1, 12), lang).unwrap_or_default()
}

/// The message for a value that failed to parse or is out of range, beside its field.
pub fn input_error(lang: Lang, kind: InputError, min: &str, max: &str) -> String {
    match (kind, lang) {
        (InputError::Empty, Lang::Id) => "Isian ini tidak boleh kosong.".into(),
        (InputError::Empty, Lang::En) => "This field cannot be empty.".into(),
        (InputError::OutOfRange, Lang::Id) => format!("Harus antara {min} dan {max}."),
        (InputError::OutOfRange, Lang::En) => format!("Must be between {min} and {max}."),
    }
}

/// A typed number too large for `label`, with the largest it takes.
/// The browser tab's title (`index.html` holds the Indonesian one until the app starts); the
/// full app's only, so not among `T`'s (which the embed carries too).
pub fn page_title(lang: Lang) -> &'static str {
    lang.pick(
        "Payung — Simulator Perlindungan Pekerja Rentan",
        "Payung — Vulnerable Workers' Protection Simulator",
    )
}

/// After a typed value's message: the value the results still use, which the field no
/// longer shows.
pub fn still_using(value: &str, lang: Lang) -> String {
    match lang {
        Lang::Id => format!("Hasil masih memakai {value}."),
        Lang::En => format!("The results still use {value}."),
    }
}

pub fn too_large(label: &str, max: &str, lang: Lang) -> String {
    match lang {
        Lang::Id => format!("{label} terlalu besar: paling banyak {max}."),
        Lang::En => format!("{label} is too large: at most {max}."),
    }
}

/// A fraction typed where `label` counts whole things ("2,5" workers), with an example of
/// the field's kind ("2029" for a year).
pub fn not_whole(label: &str, typed: &str, example: &str, lang: Lang) -> String {
    match lang {
        Lang::Id => format!("{label} harus bilangan bulat, misalnya {example}, bukan {typed}."),
        Lang::En => format!("{label} must be a whole number, such as {example}, not {typed}."),
    }
}

/// A fraction of a Rupiah typed for `label`: most likely an amount meant in miliar or juta
/// ("1,5" for Rp 1,5 miliar), so the message shows how to write `example` ("1,5 miliar").
pub fn not_whole_rupiah(label: &str, typed: &str, example: &str, lang: Lang) -> String {
    match lang {
        Lang::Id => format!(
            "{label} dalam Rupiah utuh, bukan {typed}. Untuk Rp {example}, tulis \"{example}\"."
        ),
        Lang::En => format!(
            "{label} is in whole Rupiah, not {typed}. For Rp {example}, type \"{example}\"."
        ),
    }
}

/// Text that is not a number, with an example of what the field takes ("57,5" for a share).
pub fn not_a_number(example: &str, lang: Lang) -> String {
    match lang {
        Lang::Id => format!("Bukan angka. Contoh: {example}."),
        Lang::En => format!("Not a number. Example: {example}."),
    }
}

/// Why typed text is not a number, in the user's language.
pub fn parse_error(e: &ParseError, lang: Lang) -> String {
    match (e, lang) {
        (ParseError::Empty, Lang::Id) => "Isi dengan angka.".into(),
        (ParseError::Empty, Lang::En) => "Enter a number.".into(),
        (ParseError::NotANumber, Lang::Id) => {
            "Bukan angka. Contoh: 1.500.000 atau 1,5 miliar.".into()
        }
        (ParseError::NotANumber, Lang::En) => {
            "Not a number. Examples: 1,500,000 or 1.5 billion.".into()
        }
        (ParseError::UnknownUnit(u), Lang::Id) => {
            format!("Satuan \"{u}\" tidak dikenal; gunakan rb, jt, M atau T.")
        }
        (ParseError::UnknownUnit(u), Lang::En) => {
            format!("Unknown unit \"{u}\"; use thousand, million, billion or trillion.")
        }
        (ParseError::PercentNotAllowed, Lang::Id) => "Isi jumlah, bukan persentase.".into(),
        (ParseError::PercentNotAllowed, Lang::En) => "Enter an amount, not a percentage.".into(),
        (ParseError::TooLarge, Lang::Id) => "Angka terlalu besar.".into(),
        (ParseError::TooLarge, Lang::En) => "The number is too large.".into(),
    }
}

/// Why typed input was rejected.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InputError {
    Empty,
    OutOfRange,
}

/// A validation error in the user's language, naming the field by its label.
pub fn scenario_error(e: &ScenarioError, lang: Lang) -> String {
    format!(
        "{}: {}",
        field_name(e.field, lang),
        problem_message(e.field, &e.problem, lang)
    )
}

/// A number of `field` as its input shows it (a ratio in percent, Rupiah with its sign).
fn amount(field: Field, d: Decimal, lang: Lang) -> String {
    match field.unit() {
        Unit::Ratio => format::percent_compact(d, lang),
        Unit::Rupiah | Unit::RupiahPerMonth => format::rupiah_in(d, lang),
        Unit::Year | Unit::Month => d.normalize().to_string(),
        _ => format::decimal(d.normalize(), d.normalize().scale(), lang),
    }
}

/// What is wrong with `field`, in the user's language, without naming it: the message
/// beside the input, or after the field's name elsewhere.
pub fn problem_message(field: Field, problem: &Problem, lang: Lang) -> String {
    let kind = |key: &str| SourceKind::from_key(key).map_or("?", |k| source_kind_name(k, lang));
    let rule = |key: &str| Rule::from_key(key).map_or("?", |r| rule_name(r, lang));
    match (problem, lang) {
        (Problem::OutOfRange { value, min, max }, Lang::Id) => format!(
            "{} di luar rentang {}–{}.",
            amount(field, *value, lang),
            amount(field, *min, lang),
            amount(field, *max, lang)
        ),
        (Problem::OutOfRange { value, min, max }, Lang::En) => format!(
            "{} is outside the range {}–{}.",
            amount(field, *value, lang),
            amount(field, *min, lang),
            amount(field, *max, lang)
        ),
        (Problem::BadText { max }, Lang::Id) => format!("Isi 1 sampai {max} karakter."),
        (Problem::BadText { max }, Lang::En) => format!("Enter 1 to {max} characters."),
        (Problem::NewerSchema { found, supported }, Lang::Id) => format!(
            "Skenario dibuat oleh versi Payung yang lebih baru (format {found}; versi ini membaca sampai format {supported}). Muat ulang halaman untuk mendapatkan versi terbaru."
        ),
        (Problem::NewerSchema { found, supported }, Lang::En) => format!(
            "The scenario was made by a newer version of Payung (format {found}; this version reads up to format {supported}). Reload the page to get the latest version."
        ),
        (Problem::UnknownSchema { found }, Lang::Id) => {
            format!("Format skenario {found} tidak dikenal versi Payung ini.")
        }
        (Problem::UnknownSchema { found }, Lang::En) => {
            format!("This version of Payung does not know scenario format {found}.")
        }
        (Problem::DuplicateName { name }, Lang::Id) => {
            format!("Nama sumber \"{name}\" dipakai lebih dari sekali.")
        }
        (Problem::DuplicateName { name }, Lang::En) => {
            format!("The source name \"{name}\" is used more than once.")
        }
        (Problem::UnknownSource { name }, Lang::Id) => {
            format!("Tidak ada sumber pendanaan bernama \"{name}\".")
        }
        (Problem::UnknownSource { name }, Lang::En) => {
            format!("There is no funding source named \"{name}\".")
        }
        (Problem::DiscountNotAllowed { kind: k }, Lang::Id) => format!(
            "Diskon PP 50/2025 tidak berlaku untuk dana APBD/APBN; sumber ini {}.",
            kind(k)
        ),
        (Problem::DiscountNotAllowed { kind: k }, Lang::En) => format!(
            "The PP 50/2025 discount never applies to APBD/APBN money; this source is {}.",
            kind(k)
        ),
        (Problem::RuleNotForKind { rule: r, kind: k }, Lang::Id) => format!(
            "Cara menghitung \"{}\" hanya untuk sumber {}.",
            rule(r),
            kind(k)
        ),
        (Problem::RuleNotForKind { rule: r, kind: k }, Lang::En) => format!(
            "The rule \"{}\" is only for {} sources.",
            rule(r),
            kind(k)
        ),
        (Problem::LastBeforeFirst { first, last }, Lang::Id) => {
            format!("Tahun terakhir {last} sebelum tahun pertama {first}.")
        }
        (Problem::LastBeforeFirst { first, last }, Lang::En) => {
            format!("The last year {last} is before the first year {first}.")
        }
        (
            Problem::MoreCoveredThanWorkers {
                covered,
                population,
            },
            Lang::Id,
        ) => format!(
            "Pekerja tercakup di awal ({}) melebihi jumlah pekerja rentan ({}).",
            format::number(*covered, lang),
            format::number(*population, lang)
        ),
        (
            Problem::MoreCoveredThanWorkers {
                covered,
                population,
            },
            Lang::En,
        ) => format!(
            "Workers covered at the start ({}) exceed the vulnerable workers ({}).",
            format::number(*covered, lang),
            format::number(*population, lang)
        ),
        (Problem::TargetOutsideHorizon { year, first, last }, Lang::Id) => {
            format!("Tahun target {year} di luar horizon {first}–{last}.")
        }
        (Problem::TargetOutsideHorizon { year, first, last }, Lang::En) => {
            format!("The target year {year} is outside the horizon {first}–{last}.")
        }
        (Problem::TooManySources { max }, Lang::Id) => {
            format!("Paling banyak {max} sumber pendanaan.")
        }
        (Problem::TooManySources { max }, Lang::En) => {
            format!("At most {max} funding sources.")
        }
        (Problem::YearNotFunded { year, first, last }, Lang::Id) => {
            format!("Sumber ini hanya membayar {first}–{last} dalam horizon; {year} di luar itu.")
        }
        (Problem::YearNotFunded { year, first, last }, Lang::En) => {
            format!("This source pays only in {first}–{last} within the horizon; {year} is outside.")
        }
        (Problem::ByYearNeedsRupiah, Lang::Id) => {
            "Pagu per tahun hanya untuk sumber yang dihitung dalam Rupiah.".into()
        }
        (Problem::ByYearNeedsRupiah, Lang::En) => {
            "Amounts by year are only for a source counted in Rupiah.".into()
        }
        (Problem::CoFundNotEnrolling { name }, Lang::Id) => {
            format!("{name} tidak mendaftarkan pekerja sendiri, jadi tidak ada iuran yang bisa dibantu.")
        }
        (Problem::CoFundNotEnrolling { name }, Lang::En) => {
            format!("{name} enrols no workers of its own, so there is no premium to help with.")
        }
        (Problem::CoFundOver { helped, total }, Lang::Id) => format!(
            "Bantuan iuran untuk {helped} berjumlah {}, lebih dari seluruh iuran.",
            format::percent(*total, lang)
        ),
        (Problem::CoFundOver { helped, total }, Lang::En) => format!(
            "Co-funding for {helped} adds up to {}, more than the whole premium.",
            format::percent(*total, lang)
        ),
        (Problem::NotForCoFunder, Lang::Id) => {
            "Sumber yang ikut membayar tidak mendaftarkan pekerja sendiri, jadi tidak punya batas atau pekerja di awal.".into()
        }
        (Problem::NotForCoFunder, Lang::En) => {
            "A co-funding source enrols nobody, so it has no cap and no workers of its own.".into()
        }
        (Problem::DanaDesaWithoutDesa, Lang::Id) => {
            "Hanya desa yang menerima Dana Desa; wilayah ini tidak punya desa (kelurahan tidak menerimanya). Ubah jenis sumber atau jumlah desa.".into()
        }
        (Problem::DanaDesaWithoutDesa, Lang::En) => {
            "Only desa receive Dana Desa, and this region has none (kelurahan receive none). Change the source's kind or the number of desa.".into()
        }
        (Problem::TooManyGroups { max }, Lang::Id) => {
            format!("Paling banyak {max} kelompok pekerja.")
        }
        (Problem::TooManyGroups { max }, Lang::En) => format!("At most {max} worker groups."),
        (Problem::DuplicateGroup { name }, Lang::Id) => {
            format!("Nama «{name}» dipakai lebih dari satu kelompok pekerja.")
        }
        (Problem::DuplicateGroup { name }, Lang::En) => {
            format!("The name «{name}» is used by more than one worker group.")
        }
        (Problem::UnknownGroup { name }, Lang::Id) => {
            format!("Tidak ada kelompok pekerja bernama «{name}».")
        }
        (Problem::UnknownGroup { name }, Lang::En) => {
            format!("There is no worker group named «{name}».")
        }
        (Problem::GroupsTotal { groups, population }, Lang::Id) => format!(
            "Jumlah pekerja semua kelompok ({}) harus sama dengan pekerja rentan wilayah ({}).",
            format::number(*groups, lang),
            format::number(*population, lang)
        ),
        (Problem::GroupsTotal { groups, population }, Lang::En) => format!(
            "The worker groups add up to {} workers, not the region's {}.",
            format::number(*groups, lang),
            format::number(*population, lang)
        ),
        (Problem::SourceNotForGroup { source_name, group }, Lang::Id) => {
            format!("{source_name} tidak membayar untuk kelompok «{group}».")
        }
        (Problem::SourceNotForGroup { source_name, group }, Lang::En) => {
            format!("{source_name} does not pay for the group «{group}».")
        }
    }
}

/// What is wrong with the shape of imported JSON, naming the field where there is one.
pub fn shape_message(shape: &Shape, field: Option<Field>, lang: Lang) -> String {
    let name = field.map(|f| field_name(f, lang));
    match (shape, name, lang) {
        (Shape::Missing { .. }, Some(name), Lang::Id) => format!("isian «{name}» tidak ada"),
        (Shape::Missing { .. }, Some(name), Lang::En) => format!("«{name}» is missing"),
        (Shape::Missing { .. }, None, Lang::Id) => "ada isian wajib yang tidak ada".into(),
        (Shape::Missing { .. }, None, Lang::En) => "a required entry is missing".into(),
        (Shape::Unknown { name }, _, Lang::Id) => {
            format!("berisi isian \"{name}\" yang tidak dikenal Payung")
        }
        (Shape::Unknown { name }, _, Lang::En) => {
            format!("it holds an entry \"{name}\" that Payung does not know")
        }
        (Shape::WrongType, Some(name), Lang::Id) => {
            format!("isian «{name}» berisi jenis nilai yang salah (misalnya teks, bukan angka)")
        }
        (Shape::WrongType, Some(name), Lang::En) => {
            format!("«{name}» holds the wrong kind of value (such as text instead of a number)")
        }
        (Shape::WrongType, None, Lang::Id) => {
            "ada isian dengan jenis nilai yang salah (misalnya teks, bukan angka)".into()
        }
        (Shape::WrongType, None, Lang::En) => {
            "an entry holds the wrong kind of value (such as text instead of a number)".into()
        }
        (Shape::WrongValue, Some(name), Lang::Id) => {
            format!("isian «{name}» berisi nilai yang tidak diizinkan")
        }
        (Shape::WrongValue, Some(name), Lang::En) => {
            format!("«{name}» holds a value that is not allowed")
        }
        (Shape::WrongValue, None, Lang::Id) => "ada isian dengan nilai yang tidak diizinkan".into(),
        (Shape::WrongValue, None, Lang::En) => "an entry holds a value that is not allowed".into(),
    }
}

/// Why a source's money stayed, as the end of its warning (after "because").
fn unspent_why(why: Unspent, lang: Lang) -> &'static str {
    match (why, lang) {
        (Unspent::Verification, Lang::Id) => "pekerja terverifikasi habis.",
        (Unspent::Verification, Lang::En) => "verified workers ran out.",
        (Unspent::NobodyWaiting, Lang::Id) => "tak ada pekerja terverifikasi yang menunggu.",
        (Unspent::NobodyWaiting, Lang::En) => "no verified worker was waiting.",
        (Unspent::Commitment, Lang::Id) => "sumber hanya menanggung pekerja yang tetap dapat dibayar anggaran tahun berikutnya (atau batasnya).",
        (Unspent::Commitment, Lang::En) => "a source takes on only workers that next year's amount (or its cap) can keep paying.",
    }
}

/// A soft warning from the simulation, in the user's language.
pub fn warning(w: &Warning, lang: Lang) -> String {
    match (w, lang) {
        (Warning::DanaDesaAboveCap { source, share, cap }, Lang::Id) => format!(
            "{source}: porsi Dana Desa {} melebihi batas tertinggi ({} untuk BLT); tidak ada pos khusus iuran.",
            format::percent(*share, lang),
            format::percent(*cap, lang)
        ),
        (Warning::DanaDesaAboveCap { source, share, cap }, Lang::En) => format!(
            "{source}: a Dana Desa share of {} is above the highest cap ({} for BLT); there is no line for premiums.",
            format::percent(*share, lang),
            format::percent(*cap, lang)
        ),
        (Warning::VerificationBinding { months, first }, Lang::Id) => format!(
            "Verifikasi menjadi hambatan selama {months} bulan (mulai {} {}): dana tersedia tetapi pekerja terverifikasi habis.",
            month_name(first.month, lang),
            first.year
        ),
        (Warning::VerificationBinding { months, first }, Lang::En) => format!(
            "Verification held enrolment back for {months} months (from {} {}): money was left but verified workers ran out.",
            month_name(first.month, lang),
            first.year
        ),
        (Warning::BudgetUnspent { source, amount, why }, _) => {
            let amount = format::rupiah_compact(*amount, lang);
            match lang {
                Lang::Id => format!("{source}: {amount} tidak terpakai selama horizon, karena {}", unspent_why(*why, lang)),
                Lang::En => format!("{source}: {amount} left unspent over the horizon, because {}", unspent_why(*why, lang)),
            }
        }
        (Warning::CoverLost { year, source, workers }, Lang::Id) => format!(
            "Januari {year}: {} pekerja kehilangan perlindungan karena {source} berakhir atau anggarannya berkurang.",
            format::number(*workers, lang)
        ),
        (Warning::CoverLost { year, source, workers }, Lang::En) => format!(
            "January {year}: {} {} lost cover because {source} ended or its budget shrank.",
            format::number(*workers, lang),
            if *workers == 1 { "worker" } else { "workers" }
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::presets;

    /// Every field path of every preset, and the pieces of JSON paths, none of which may
    /// reach the user.
    fn assert_readable(message: &str, other: &str) {
        assert!(!message.trim().is_empty());
        assert_ne!(message, other, "the same in both languages");
        for id in presets::IDS {
            let sc = presets::load(id).unwrap();
            // One-word paths (`name`, `preset`) are ordinary words; dotted ones are not.
            for path in Field::all(&sc).iter().map(Field::path) {
                assert!(!path.contains('.') || !message.contains(&path), "{message}");
            }
        }
        assert!(
            !message.contains('_') && !message.contains('[') && !message.contains('`'),
            "{message}"
        );
    }

    #[test]
    fn money_left_unspent_says_why_in_both_languages() {
        let reasons = [
            Unspent::Verification,
            Unspent::NobodyWaiting,
            Unspent::Commitment,
        ];
        let mut seen = std::collections::HashSet::new();
        for why in reasons {
            let w = Warning::BudgetUnspent {
                source: "Dana Desa".into(),
                amount: rust_decimal::Decimal::from(396_000),
                why,
            };
            let (id, en) = (warning(&w, Lang::Id), warning(&w, Lang::En));
            assert_readable(&id, &en);
            assert!(
                id.starts_with("Dana Desa: Rp 396.000 tidak terpakai selama horizon"),
                "{id}"
            );
            assert!(
                en.starts_with("Dana Desa: Rp 396,000 left unspent over the horizon"),
                "{en}"
            );
            assert!(
                seen.insert(id) && seen.insert(en),
                "each reason reads differently"
            );
        }
    }

    /// One of each `ParseError`; the match fails to compile when a variant is added.
    fn parse_errors() -> Vec<ParseError> {
        let all = vec![
            ParseError::Empty,
            ParseError::NotANumber,
            ParseError::UnknownUnit("kg".into()),
            ParseError::PercentNotAllowed,
            ParseError::TooLarge,
        ];
        for e in &all {
            match e {
                ParseError::Empty
                | ParseError::NotANumber
                | ParseError::UnknownUnit(_)
                | ParseError::PercentNotAllowed
                | ParseError::TooLarge => {}
            }
        }
        all
    }

    /// One of each `Problem`; the match fails to compile when a variant is added.
    fn problems() -> Vec<Problem> {
        let all = vec![
            Problem::OutOfRange {
                value: Decimal::new(15, 1),
                min: Decimal::ZERO,
                max: Decimal::ONE,
            },
            Problem::BadText { max: 120 },
            Problem::NewerSchema {
                found: 9,
                supported: 1,
            },
            Problem::UnknownSchema { found: 0 },
            Problem::DuplicateName { name: "CSR".into() },
            Problem::UnknownSource {
                name: "Atlantis".into(),
            },
            Problem::DiscountNotAllowed {
                kind: SourceKind::ApbdKota.key().into(),
            },
            Problem::RuleNotForKind {
                rule: "dana_desa".into(),
                kind: SourceKind::DanaDesa.key().into(),
            },
            Problem::LastBeforeFirst {
                first: 2027,
                last: 2026,
            },
            Problem::MoreCoveredThanWorkers {
                covered: 10,
                population: 5,
            },
            Problem::TargetOutsideHorizon {
                year: 2040,
                first: 2026,
                last: 2030,
            },
            Problem::TooManySources { max: 12 },
            Problem::YearNotFunded {
                year: 2031,
                first: 2026,
                last: 2030,
            },
            Problem::ByYearNeedsRupiah,
            Problem::DanaDesaWithoutDesa,
            Problem::CoFundNotEnrolling { name: "X".into() },
            Problem::NotForCoFunder,
            Problem::CoFundOver {
                helped: "APBD".into(),
                total: Decimal::new(15, 1),
            },
            Problem::TooManyGroups { max: 8 },
            Problem::DuplicateGroup {
                name: "Nelayan".into(),
            },
            Problem::UnknownGroup {
                name: "Nelayan".into(),
            },
            Problem::GroupsTotal {
                groups: 10,
                population: 12,
            },
            Problem::SourceNotForGroup {
                source_name: "DBHCHT".into(),
                group: "Nelayan".into(),
            },
        ];
        for p in &all {
            match p {
                Problem::OutOfRange { .. }
                | Problem::BadText { .. }
                | Problem::NewerSchema { .. }
                | Problem::UnknownSchema { .. }
                | Problem::DuplicateName { .. }
                | Problem::UnknownSource { .. }
                | Problem::DiscountNotAllowed { .. }
                | Problem::RuleNotForKind { .. }
                | Problem::LastBeforeFirst { .. }
                | Problem::MoreCoveredThanWorkers { .. }
                | Problem::TargetOutsideHorizon { .. }
                | Problem::TooManySources { .. }
                | Problem::YearNotFunded { .. }
                | Problem::ByYearNeedsRupiah
                | Problem::DanaDesaWithoutDesa
                | Problem::CoFundNotEnrolling { .. }
                | Problem::NotForCoFunder
                | Problem::CoFundOver { .. }
                | Problem::TooManyGroups { .. }
                | Problem::DuplicateGroup { .. }
                | Problem::UnknownGroup { .. }
                | Problem::GroupsTotal { .. }
                | Problem::SourceNotForGroup { .. } => {}
            }
        }
        all
    }

    #[test]
    fn parse_errors_have_their_own_message_in_both_languages() {
        let mut seen = Vec::new();
        for e in parse_errors() {
            let (id, en) = (parse_error(&e, Lang::Id), parse_error(&e, Lang::En));
            assert_readable(&id, &en);
            assert_readable(&en, &id);
            assert!(!seen.contains(&id), "two parse errors share {id}");
            seen.push(id);
        }
    }

    #[test]
    fn every_problem_reads_well_in_both_languages_on_every_field() {
        let sc = presets::load("ambon").unwrap();
        for p in problems() {
            for f in Field::all(&sc) {
                let e = ScenarioError::new(f, p.clone());
                let (id, en) = (scenario_error(&e, Lang::Id), scenario_error(&e, Lang::En));
                assert_readable(&id, &en);
                assert_readable(&en, &id);
                assert!(id.starts_with(&field_name(f, Lang::Id)), "{id}");
            }
        }
    }

    #[test]
    fn every_import_shape_reads_well_in_both_languages() {
        let shapes = [
            Shape::Missing {
                name: "desa".into(),
            },
            Shape::Unknown {
                name: "colour".into(),
            },
            Shape::WrongType,
            Shape::WrongValue,
        ];
        for shape in shapes {
            for field in [None, Some(Field::Desa)] {
                let (id, en) = (
                    shape_message(&shape, field, Lang::Id),
                    shape_message(&shape, field, Lang::En),
                );
                assert_readable(&id, &en);
                assert_readable(&en, &id);
            }
        }
    }

    #[test]
    fn every_field_has_a_label_in_both_languages() {
        for id in presets::IDS {
            let sc = presets::load(id).unwrap();
            for f in Field::all(&sc) {
                let (i, e) = (field_label(f, Lang::Id), field_label(f, Lang::En));
                assert!(!i.is_empty() && !e.is_empty(), "{f:?}");
            }
        }
    }
}
