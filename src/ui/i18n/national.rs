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
    Back,
    Sort,
    Legend,
    Estimate,
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
        Text::Gap => ("Kurang dari target (pekerja)", "Short of the target (workers)"),
        Text::Cost => ("Biaya selama horizon", "Cost over the horizon"),
        Text::PerWorker => ("Biaya per pekerja terlindungi, tahun terakhir", "Cost per covered worker, last year"),
        Text::Open => ("Buka", "Open"),
        Text::OpenHint => ("Buka skenario wilayah ini", "Open this region's scenario"),
        Text::Back => ("← Seluruh Indonesia", "← All of Indonesia"),
        Text::Sort => ("Urutkan menurut kolom ini", "Sort by this column"),
        Text::Legend => ("Cakupan akhir:", "Final coverage:"),
        Text::Estimate => ("perkiraan", "estimate"),
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
