//! The app reads the embedded data as the JSON that build.rs makes of the TOML files; these
//! tests read the TOML files directly and check that both readings are the same, value for
//! value and (for the assumptions) in the same order.

use payung::engine::parameters::PARAMETERS_TOML;
use payung::engine::regions::ucj::{ucj_data, UcjData};
use payung::engine::uncertainty::{Assumptions, UNCERTAINTY_TOML};
use payung::engine::Parameters;

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
