//! The words of the national view ("Seluruh Indonesia"): its title, notes, the nation's
//! sentence, column headings and buttons. `engine::regions` holds the figures.

use crate::locale::Lang;

/// A fixed piece of the national view's text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Text {
    Title,
    Intro,
    Computing,
    MapLabel,
    Region,
    Workers,
    Coverage,
    Gap,
    Cost,
    PerWorker,
    Open,
    OpenHint,
    /// A province's row button at the nation: what it does, for screen readers.
    DrillHint,
    Back,
    Sort,
    Legend,
    Estimate,
    Ucj,
    UcjLabel,
    UcjNow,
    UcjPlan,
    UcjTargets,
    UcjStarNote,
    UcjOverNote,
    Source,
    Csv,
    CsvFailed,
    UnknownProvince,
    Print,
}

pub fn text(key: Text, lang: Lang) -> &'static str {
    let (id, en) = match key {
        Text::Title => ("Seluruh Indonesia: provinsi dan kabupaten/kota", "All of Indonesia: provinces, regencies and cities"),
        Text::Intro => (
            "Rencana awal setiap provinsi dan kabupaten/kota dari data: satu baris APBD kabupaten/kota dan Dana Desa di tiap wilayah, serta APBD provinsi. Jumlah pekerja rentan adalah perkiraan. Pilih provinsi di peta atau tabel untuk melihat kabupaten/kotanya; buka satu wilayah untuk mengubah skenarionya.",
            "Every province's and regency's or city's starting plan from data: one APBD line of the regency or city and Dana Desa in each, plus the province's APBD. The numbers of vulnerable workers are estimates. Choose a province on the map or in the table to see its regencies and cities; open one region to change its scenario.",
        ),
        Text::Computing => ("Menghitung 38 provinsi dan 514 kabupaten/kota…", "Working out 38 provinces and 514 regencies and cities…"),
        Text::MapLabel => ("Peta petak 38 provinsi, diwarnai menurut cakupan akhir", "Tile map of the 38 provinces, coloured by final coverage"),
        Text::Region => ("Wilayah", "Region"),
        Text::Workers => ("Pekerja rentan (perkiraan)", "Vulnerable workers (estimate)"),
        Text::Coverage => ("Cakupan akhir", "Final coverage"),
        Text::Gap => ("Kurang dari target cakupan (pekerja)", "Short of the coverage target (workers)"),
        Text::Cost => ("Biaya selama horizon", "Cost over the horizon"),
        Text::PerWorker => ("Biaya per pekerja terlindungi, tahun terakhir", "Cost per covered worker, last year"),
        Text::Open => ("Buka", "Open"),
        Text::OpenHint => ("Buka skenario wilayah ini", "Open this region's scenario"),
        Text::DrillHint => (
            "Lihat kabupaten/kota di provinsi ini",
            "Show this province's regencies and cities",
        ),
        Text::Back => ("← Seluruh Indonesia", "← All of Indonesia"),
        Text::Sort => ("Urutkan menurut kolom ini", "Sort by this column"),
        Text::Legend => ("Cakupan akhir:", "Final coverage:"),
        Text::Estimate => ("perkiraan", "estimate"),
        Text::Ucj => ("UCJ akhir (perkiraan)", "Final UCJ (estimate)"),
        Text::UcjLabel => (
            "bagian semua pekerja, formal dan informal, yang menjadi peserta aktif BPJS Ketenagakerjaan",
            "the share of all workers, formal and informal, who are active BPJS Ketenagakerjaan members",
        ),
        Text::UcjNow => ("kini", "now"),
        Text::UcjPlan => ("dengan rencana ini", "with this plan"),
        Text::UcjTargets => ("target RPJMN/RKP", "RPJMN/RKP target"),
        Text::UcjStarNote => (
            "* UCJ awal provinsi ini perkiraan: jumlah pekerja atau peserta aktifnya tidak diterbitkan (lihat baris provinsi).",
            "* This province's starting UCJ is an estimate: its number of workers or of active members is not published (see the province's line).",
        ),
        Text::UcjOverNote => (
            "† Lebih dari 100%: peserta aktif dihitung menurut tempat pemberi kerjanya terdaftar, jadi provinsi yang mempekerjakan warga provinsi lain (seperti Jakarta) dapat melampaui jumlah pekerjanya sendiri.",
            "† Over 100%: active members are counted where their employer is registered, so a province that employs residents of other provinces (such as Jakarta) can exceed its own number of workers.",
        ),
        Text::Source => ("Sumber target", "Target source"),
        Text::Csv => ("Unduh CSV (per wilayah dan tahun)", "Download CSV (per region and year)"),
        Text::CsvFailed => ("Unduhan gagal; coba lagi.", "The download failed; try again."),
        Text::Print => ("Cetak ringkasan tampilan ini", "Print this view's brief"),
        Text::UnknownProvince => ("Tautan menyebut provinsi yang tidak dikenal versi ini", "The link names a province this version does not know"),
    };
    match lang {
        Lang::Id => id,
        Lang::En => en,
    }
}

/// The nation's (or a province's) sentence: workers, coverage at the end, cost and who pays.
#[allow(clippy::too_many_arguments)]
pub fn summary(
    name: &str,
    workers: &str,
    coverage: &str,
    year: i32,
    cost: &str,
    span: &str,
    payers: &str,
    lang: Lang,
) -> String {
    match lang {
        Lang::Id => format!(
            "{name}: {workers} pekerja rentan (perkiraan); {coverage} terlindungi pada akhir {year}; biaya {cost} selama {span} ({payers})."
        ),
        Lang::En => format!(
            "{name}: {workers} vulnerable workers (estimate); {coverage} covered at the end of {year}; cost {cost} over {span} ({payers})."
        ),
    }
}

/// The payers' names, in the order province, regency/city, village, other.
pub fn payers(lang: Lang) -> [&'static str; 4] {
    match lang {
        Lang::Id => ["provinsi", "kabupaten/kota", "desa", "lainnya"],
        Lang::En => ["province", "regency/city", "villages", "others"],
    }
}

/// The UCJ line of the nation or a province: now, at the end with the plan, and the
/// target that year (`interpolated`: between two stated targets, or held past the last).
pub fn ucj_line(
    now: &str,
    end: &str,
    year: i32,
    target: &str,
    interpolated: bool,
    lang: Lang,
) -> String {
    match (lang, interpolated) {
        (Lang::Id, false) => format!("UCJ kini {now} → {end} pada akhir {year} dengan rencana ini; target {year}: {target}."),
        (Lang::Id, true) => format!("UCJ kini {now} → {end} pada akhir {year} dengan rencana ini; target {year}: {target} (interpolasi antar-target yang ditetapkan)."),
        (Lang::En, false) => format!("UCJ now {now} → {end} at the end of {year} with this plan; target for {year}: {target}."),
        (Lang::En, true) => format!("UCJ now {now} → {end} at the end of {year} with this plan; target for {year}: {target} (interpolated between stated targets)."),
    }
}

/// What in a UCJ is an estimate: the starting workers or members where not published,
/// and always the plan's effect.
pub fn ucj_estimate(workers: bool, members: bool, lang: Lang) -> String {
    let (w, m, plan) = match lang {
        Lang::Id => (
            "jumlah pekerja = penduduk × porsi bekerja nasional",
            "peserta aktif = pekerja × UCJ nasional April 2025",
            "pekerja rentan yang baru terlindungi dianggap belum menjadi peserta",
        ),
        Lang::En => (
            "workers = population × the national employed share",
            "active members = workers × the national UCJ of April 2025",
            "the newly covered vulnerable workers are taken not to be members yet",
        ),
    };
    let parts: Vec<&str> = [(workers, w), (members, m), (true, plan)]
        .iter()
        .filter(|(on, _)| *on)
        .map(|(_, t)| *t)
        .collect();
    let word = match lang {
        Lang::Id => "Perkiraan",
        Lang::En => "Estimates",
    };
    format!("{word}: {}.", parts.join("; "))
}

/// Members short of the year's target and a year of the package for them.
pub fn ucj_gap(members: &str, year: i32, cost: &str, lang: Lang) -> String {
    match lang {
        Lang::Id => format!(
            "Kurang {members} peserta dari target {year}; melindungi mereka sekitar {cost} setahun (perkiraan, belum ada pembayar)."
        ),
        Lang::En => format!(
            "{members} members short of the {year} target; covering them costs about {cost} a year (estimate, no payer yet)."
        ),
    }
}

/// The message when a link names a province code this build does not know.
pub fn unknown_province(code: &str, lang: Lang) -> String {
    let lead = text(Text::UnknownProvince, lang);
    match lang {
        Lang::Id => format!("{lead} (kode {code}); menampilkan seluruh Indonesia."),
        Lang::En => format!("{lead} (code {code}); showing all of Indonesia."),
    }
}
