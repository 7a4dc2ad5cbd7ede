//! The app reads the embedded data as the JSON that build.rs makes of the TOML and CSV files;
//! these tests read the TOML and CSV files directly and check that both readings are the
//! same, value for value and (for the assumptions) in the same order.

use payung::engine::parameters::PARAMETERS_TOML;
use payung::engine::regions::ucj::{ucj_data, UcjData};
use payung::engine::regions::{catalogue, KabKota, Province};
use payung::engine::uncertainty::{Assumptions, UNCERTAINTY_TOML};
use payung::engine::Parameters;
use serde::de::DeserializeOwned;

#[test]
fn the_parameters_read_from_json_equal_the_toml_file() {
    let json = Parameters::embedded().expect("embedded parameters");
    let toml = Parameters::from_toml(PARAMETERS_TOML).expect("parameters.toml");
    assert_eq!(json, toml);
}

#[test]
fn the_assumptions_read_from_json_equal_the_toml_file_in_its_order() {
    let json = Assumptions::embedded().expect("embedded assumptions");
    let toml = Assumptions::from_toml(UNCERTAINTY_TOML).expect("uncertainty.toml");
    assert_eq!(json, toml);
    let keys: Vec<_> = json.0.iter().map(|a| a.key.as_str()).collect();
    let headers: Vec<_> = UNCERTAINTY_TOML
        .lines()
        .filter_map(|l| l.trim().strip_prefix('[')?.strip_suffix(']'))
        .collect();
    assert_eq!(keys, headers, "the file's order");
}

#[test]
fn the_ucj_data_read_from_json_equals_the_toml_file() {
    let toml: UcjData = toml::from_str(include_str!("../data/regions/ucj.toml")).expect("ucj.toml");
    assert_eq!(ucj_data().expect("embedded UCJ"), &toml);
}

/// A CSV file read by column name (so a field out of the file's column order shows).
fn csv_rows<T: DeserializeOwned>(text: &str) -> Vec<T> {
    csv::Reader::from_reader(text.as_bytes())
        .deserialize()
        .collect::<Result<_, _>>()
        .expect("a well-formed CSV file")
}

#[test]
fn the_regions_read_from_json_equal_the_csv_files_read_by_column_name() {
    let json = catalogue().expect("embedded regions");
    let kabkota: Vec<KabKota> = csv_rows(include_str!("../data/regions/kabkota.csv"));
    let provinces: Vec<Province> = csv_rows(include_str!("../data/regions/provinces.csv"));
    assert_eq!(json.kabkota.len(), 514);
    assert_eq!(json.provinces.len(), 38);
    assert_eq!(json.kabkota, kabkota);
    assert_eq!(json.provinces, provinces);
}
