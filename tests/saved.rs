//! Saved scenarios and comparisons, through the public API only: the saved list's
//! operations, reading entries back (migration, newer versions, corrupt entries), and the
//! comparison figures, differences and charts.
//!
//! Set `PAYUNG_COMPARE_SVG=/some/dir` to also write the comparison charts there to look at.

use payung::charts::{self, compare, CompareKind, Size, Table};
use payung::engine::import::ImportError;
use payung::engine::scenario::Amount;
use payung::engine::{presets, simulate, Outcome, Parameters, Scenario, SCHEMA_VERSION};
use payung::locale::Lang;
use payung::ui::compare::{differences, summary_rows};
use payung::ui::saved::{
    entry_to_json, parse_entry, EntryError, ProblemKind, SavedEntry, SavedList, MAX_NAME_CHARS,
};
use rust_decimal::Decimal;

const NOW: &str = "2026-03-01T17:05:09+07:00";
const LATER: &str = "2026-03-01T17:06:00+07:00";

fn ambon() -> Scenario {
    presets::load("ambon").unwrap()
}

fn with_budget(yearly: u64) -> Scenario {
    let mut sc = ambon();
    sc.sources[0].amount = Amount::Rupiah {
        yearly: Decimal::from(yearly),
    };
    sc
}

fn names(list: &SavedList) -> Vec<&str> {
    list.entries().iter().map(|e| e.name.as_str()).collect()
}

#[test]
fn save_rename_duplicate_delete_and_undo() {
    let mut list = SavedList::new();
    let a = list.save("  Opsi A  ", &ambon(), NOW).unwrap();
    let b = list
        .save("Opsi B", &with_budget(5_000_000_000), LATER)
        .unwrap();
    assert_ne!(a, b);
    assert_eq!(names(&list), ["Opsi A", "Opsi B"]);
    let entry = list.get(&a).unwrap();
    assert_eq!(entry.saved_at, NOW);
    assert_eq!(entry.schema_version, SCHEMA_VERSION);
    // The stored scenario carries the saved name; everything else is as it was.
    let opened = list.open(&a).unwrap();
    assert_eq!(opened.name, "Opsi A");
    assert_eq!(
        Scenario {
            name: ambon().name,
            ..opened
        },
        ambon()
    );

    list.rename(&a, "Opsi A: APBD tetap").unwrap();
    assert_eq!(list.get(&a).unwrap().name, "Opsi A: APBD tetap");
    assert_eq!(list.open(&a).unwrap().name, "Opsi A: APBD tetap");
    assert_eq!(
        list.rename("nope", "x"),
        Err(EntryError::NotFound("nope".into()))
    );

    let copy = list.duplicate(&b, LATER).unwrap();
    assert_eq!(names(&list), ["Opsi A: APBD tetap", "Opsi B", "Opsi B (2)"]);
    assert_eq!(
        list.open(&copy).unwrap(),
        Scenario {
            name: "Opsi B (2)".into(),
            ..list.open(&b).unwrap()
        }
    );

    let (index, deleted) = list.delete(&b).unwrap();
    assert_eq!(index, 1);
    assert_eq!(names(&list), ["Opsi A: APBD tetap", "Opsi B (2)"]);
    assert!(list.open(&b).is_err());
    assert_eq!(list.delete(&b), None);
    let restored = list.undo_delete(index, deleted.clone()).clone();
    assert_eq!(restored, deleted);
    assert_eq!(names(&list), ["Opsi A: APBD tetap", "Opsi B", "Opsi B (2)"]);
    // A second undo of the same entry changes nothing.
    list.undo_delete(index, deleted);
    assert_eq!(list.len(), 3);
}

#[test]
fn names_are_trimmed_non_empty_and_unique() {
    let mut list = SavedList::new();
    assert_eq!(list.save("   ", &ambon(), NOW), Err(EntryError::EmptyName));
    assert_eq!(
        list.save(&"x".repeat(MAX_NAME_CHARS + 1), &ambon(), NOW),
        Err(EntryError::NameTooLong {
            max: MAX_NAME_CHARS
        })
    );
    assert!(list.is_empty());
    list.save("Opsi\t A", &ambon(), NOW).unwrap();
    list.save("Opsi A", &ambon(), NOW).unwrap();
    list.save("opsi a", &ambon(), NOW).unwrap();
    let third = list.save("Opsi A (2)", &ambon(), NOW).unwrap();
    assert_eq!(
        names(&list),
        ["Opsi A", "Opsi A (2)", "opsi a (3)", "Opsi A (4)"]
    );
    // Renaming to its own name keeps it; to another's name adds a counter.
    list.rename(&third, "Opsi A (4)").unwrap();
    assert_eq!(list.get(&third).unwrap().name, "Opsi A (4)");
    list.rename(&third, "OPSI A").unwrap();
    assert_eq!(list.get(&third).unwrap().name, "OPSI A (4)");
    assert_eq!(list.rename(&third, ""), Err(EntryError::EmptyName));
    // Ids stay unique even when saved in the same second.
    let ids: std::collections::BTreeSet<&str> =
        list.entries().iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids.len(), 4);
}

#[test]
fn an_undone_delete_gets_a_counter_if_its_name_was_taken_meanwhile() {
    let mut list = SavedList::new();
    let a = list.save("Opsi A", &ambon(), NOW).unwrap();
    let (index, deleted) = list.delete(&a).unwrap();
    list.save("Opsi A", &ambon(), LATER).unwrap();
    let restored = list.undo_delete(index, deleted).clone();
    assert_eq!(restored.name, "Opsi A (2)");
    assert_eq!(names(&list), ["Opsi A (2)", "Opsi A"]);
}

/// An entry as an older Payung might have stored it: written by hand, here.
fn entry(id: &str, schema_version: u32, scenario: serde_json::Value) -> String {
    serde_json::json!({
        "id": id,
        "name": format!("Entry {id}"),
        "saved_at": NOW,
        "schema_version": schema_version,
        "scenario": scenario,
    })
    .to_string()
}

fn ambon_json() -> serde_json::Value {
    serde_json::to_value(ambon()).unwrap()
}

#[test]
fn entries_round_trip_through_their_stored_text() {
    let mut list = SavedList::new();
    let id = list
        .save("Opsi A", &with_budget(4_000_000_000), NOW)
        .unwrap();
    let stored = entry_to_json(list.get(&id).unwrap()).unwrap();
    let (back, problems) = SavedList::from_stored([(id.clone(), stored)]);
    assert!(problems.is_empty());
    assert_eq!(back, list);
    assert_eq!(
        back.open(&id).unwrap().sources[0].amount,
        with_budget(4_000_000_000).sources[0].amount
    );
}

#[test]
fn opening_reads_through_the_scenario_importer_and_migrates() {
    // An older entry: decimals written as numbers, and no schema_version inside the
    // scenario (only on the entry). The importer fills in and reads both.
    let mut old = ambon_json();
    old["risk"]["claim_share"] = serde_json::json!(0.9);
    old.as_object_mut().unwrap().remove("schema_version");
    let (list, problems) = SavedList::from_stored([("old", entry("old", 1, old))]);
    assert!(problems.is_empty(), "{problems:?}");
    let opened = list.open("old").unwrap();
    assert_eq!(opened.schema_version, SCHEMA_VERSION);
    assert_eq!(opened.risk.claim_share, Decimal::new(9, 1));
    assert_eq!(
        Scenario {
            risk: ambon().risk,
            ..opened.clone()
        },
        ambon()
    );

    // A version 1 entry whose source starts in October keeps the whole yearly amount it had
    // for that first year (version 2 would pro-rate it): the same numbers as when saved.
    let v1: serde_json::Value =
        serde_json::from_str(payung::ui::share::frozen_base(1, "bontang").unwrap()).unwrap();
    let (list, _) = SavedList::from_stored([("bontang", entry("bontang", 1, v1))]);
    let opened = list.open("bontang").unwrap();
    assert_eq!(opened.schema_version, SCHEMA_VERSION);
    assert_eq!(
        opened.sources[0].by_year.get(&2023),
        Some(&Decimal::from(7_400_000_000u64))
    );

    // The importer's own checks apply: a bad field is named by its path.
    let mut bad = ambon_json();
    bad["region"]["desa"] = serde_json::json!("many");
    let entry_bad = SavedEntry {
        id: "bad".into(),
        name: "Bad".into(),
        saved_at: NOW.into(),
        schema_version: 1,
        scenario: bad,
    };
    match payung::ui::saved::open_entry(&entry_bad) {
        Err(EntryError::Unreadable(ImportError::WrongShape { path, .. })) => {
            assert_eq!(path, "region.desa")
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_newer_entry_is_listed_but_refused_with_a_message() {
    let (list, problems) = SavedList::from_stored([
        ("future", entry("future", SCHEMA_VERSION + 1, ambon_json())),
        ("inner", {
            let mut sc = ambon_json();
            sc["schema_version"] = serde_json::json!(SCHEMA_VERSION + 5);
            entry("inner", SCHEMA_VERSION, sc)
        }),
    ]);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(list.len(), 2);
    let refused = list.open("future").unwrap_err();
    assert_eq!(
        refused,
        EntryError::NewerVersion {
            found: SCHEMA_VERSION + 1,
            supported: SCHEMA_VERSION
        }
    );
    assert!(refused
        .to_string()
        .contains(&format!("this Payung reads up to {SCHEMA_VERSION}")));
    assert_eq!(
        list.open("inner"),
        Err(EntryError::NewerVersion {
            found: SCHEMA_VERSION + 5,
            supported: SCHEMA_VERSION
        })
    );
}

#[test]
fn corrupt_entries_are_reported_and_skipped_while_the_others_load() {
    let mut good = SavedList::new();
    let a = good.save("Opsi A", &ambon(), NOW).unwrap();
    let b = good.save("Opsi B", &with_budget(1), LATER).unwrap();
    let text = |id: &str| entry_to_json(good.get(id).unwrap()).unwrap();
    let mut wrong_scenario = ambon_json();
    wrong_scenario["horizon"] = serde_json::json!("soon");
    let stored = vec![
        ("zz-truncated".to_string(), text(&b)[..40].to_string()),
        (b.clone(), text(&b)),
        (
            "not-an-entry".to_string(),
            r#"{"name": "Lost", "hello": 1}"#.to_string(),
        ),
        (
            "wrong-scenario".to_string(),
            entry("wrong-scenario", 1, wrong_scenario),
        ),
        (
            "not-an-object".to_string(),
            entry("not-an-object", 1, serde_json::json!([1, 2])),
        ),
        (a.clone(), text(&a)),
    ];
    let (list, problems) = SavedList::from_stored(stored);
    assert_eq!(
        names(&list),
        ["Opsi A", "Opsi B"],
        "sorted by when they were saved"
    );
    assert_eq!(list.entries(), good.entries());
    let kinds: Vec<(&str, &ProblemKind)> =
        problems.iter().map(|p| (p.id.as_str(), &p.kind)).collect();
    assert_eq!(kinds.len(), 4);
    assert!(kinds.contains(&("zz-truncated", &ProblemKind::NotJson)));
    assert!(matches!(
        problems.iter().find(|p| p.id == "not-an-entry").map(|p| (&p.kind, &p.name)),
        Some((ProblemKind::NotAnEntry(_), Some(name))) if name == "Lost"
    ));
    assert!(kinds.contains(&(
        "wrong-scenario",
        &ProblemKind::BadScenario("scenario.horizon".into())
    )));
    assert!(kinds.contains(&(
        "not-an-object",
        &ProblemKind::BadScenario("scenario".into())
    )));
}

#[test]
fn new_ids_never_reuse_the_key_of_an_unreadable_entry() {
    let mut list = SavedList::new();
    let id = list.save("Opsi A", &ambon(), NOW).unwrap();
    let (mut reloaded, problems) = SavedList::from_stored([(id.clone(), "{broken".to_string())]);
    assert_eq!(problems.len(), 1);
    let fresh = reloaded.save("Opsi A", &ambon(), NOW).unwrap();
    assert_ne!(fresh, id);
}

#[test]
fn the_id_of_the_key_wins_over_the_id_inside() {
    let text = entry("inside", 1, ambon_json());
    assert_eq!(parse_entry("outside", &text).unwrap().id, "outside");
}

// ---------------------------------------------------------------------------------------
// Comparing.

fn outcome(sc: &Scenario, params: &Parameters) -> Outcome {
    simulate(params, &sc.clone().validate(params).unwrap())
}

#[test]
fn only_the_inputs_that_differ_are_listed_with_their_labels() {
    let a = ambon();
    let mut b = with_budget(5_000_000_000);
    b.name = "Another name".into();
    // The same share written with more decimals is not a difference.
    assert_eq!(a.risk.claim_share, Decimal::new(9, 1));
    b.risk.claim_share = Decimal::new(900, 3);
    let diffs = differences(&[&a, &b], Lang::Id);
    let paths: Vec<&str> = diffs.iter().map(|d| d.path.as_str()).collect();
    assert_eq!(paths, ["sources[0].amount.yearly"]);
    let yearly = &diffs[0];
    assert_eq!(yearly.label, "APBD Kota Ambon: Anggaran per tahun");
    assert_eq!(yearly.values, ["Rp 3.024.000.000", "Rp 5.000.000.000"]);
    assert!(differences(&[&a, &a.clone()], Lang::Id).is_empty());

    // A source only one scenario has: "—" where the other has none.
    let mut c = ambon();
    c.sources.pop();
    let diffs = differences(&[&c, &a], Lang::En);
    assert!(!diffs.is_empty());
    assert!(diffs
        .iter()
        .all(|d| d.values[0] == "—" && d.path.starts_with("sources[")));
    assert!(diffs.iter().any(|d| d.label.ends_with(": Source name")));
}

#[test]
fn the_summary_shows_each_figure_and_its_difference_from_the_first() {
    let params = Parameters::embedded().unwrap();
    let low = outcome(&ambon(), &params);
    let high = outcome(&with_budget(9_000_000_000), &params);
    let rows = summary_rows(&[("A", &low), ("B", &high)], Lang::Id);
    assert_eq!(rows.len(), 7);
    for row in &rows {
        assert_eq!(row.cells.len(), 2);
        assert_eq!(
            row.cells[0].1, None,
            "{}: the first column is the reference",
            row.label
        );
    }
    let cost = rows
        .iter()
        .find(|r| r.label == "Biaya selama horizon")
        .unwrap();
    assert!(
        cost.cells[1].1.as_deref().unwrap().starts_with('+'),
        "{cost:?}"
    );
    let coverage = &rows[0];
    assert!(coverage.cells[0].0.ends_with('%'));
    assert!(coverage.cells[1].1.as_deref().unwrap().ends_with("poin"));
    // Against itself every difference is zero.
    let same = summary_rows(&[("A", &low), ("A again", &low)], Lang::En);
    assert_eq!(same[0].cells[1].1.as_deref(), Some("±0.0 pts"));
}

#[test]
fn comparison_charts_draw_every_scenario_in_its_own_style() {
    let params = Parameters::embedded().unwrap();
    let ids = ["ambon", "bontang", "kota-jambi", "maluku"];
    let outcomes: Vec<(String, Outcome)> = ids
        .iter()
        .map(|id| {
            let sc = presets::load(id).unwrap();
            (sc.region.name.clone(), outcome(&sc, &params))
        })
        .collect();
    let series: Vec<compare::Compared> = outcomes.iter().map(|(n, o)| (n.as_str(), o)).collect();
    let size = |width| Size {
        width,
        text_px: 14,
        height: None,
    };
    for (svg, title) in [
        (
            compare::draw(CompareKind::Coverage, &series, Lang::Id, size(800)).to_svg(),
            "Cakupan pekerja rentan",
        ),
        (
            compare::draw(CompareKind::Cost, &series, Lang::Id, size(800)).to_svg(),
            "Biaya per tahun",
        ),
        (
            compare::draw(CompareKind::Coverage, &series[..2], Lang::En, size(400)).to_svg(),
            "Coverage of vulnerable workers",
        ),
    ] {
        assert!(
            svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox="),
            "{}",
            &svg[..80]
        );
        assert!(svg.contains(&format!("<title>{title}</title>")));
        assert!(svg.contains("<desc>"));
        assert!(!svg.contains("NaN"));
        let shown = if svg.contains("viewBox=\"0 0 400 ") {
            2
        } else {
            4
        };
        for (i, hex) in charts::PALETTE.iter().take(shown).enumerate() {
            assert!(
                svg.contains(&hex.to_ascii_uppercase()) || svg.contains(&hex.to_ascii_lowercase()),
                "scenario {i}'s colour {hex} is missing"
            );
        }
        assert!(
            !svg.contains(charts::PALETTE[shown]),
            "only the compared scenarios are drawn"
        );
    }
    let summary = compare::summary_coverage(&series, Lang::Id);
    assert!(
        summary.starts_with("Cakupan di akhir horizon: Kota Ambon "),
        "{summary}"
    );
    let Table { header, rows } = compare::table_cost(&series, Lang::En);
    assert_eq!(header.len(), 5);
    assert!(rows.iter().all(|r| r.len() == 5));
    assert!(
        rows.iter().any(|r| r.contains(&"–".to_string())),
        "years outside a horizon show a dash"
    );

    if let Ok(dir) = std::env::var("PAYUNG_COMPARE_SVG") {
        let dir = std::path::Path::new(&dir);
        std::fs::write(
            dir.join("compare.svg"),
            compare::draw(CompareKind::Coverage, &series, Lang::Id, size(800)).to_svg(),
        )
        .unwrap();
        std::fs::write(
            dir.join("compare_cost.svg"),
            compare::draw(CompareKind::Cost, &series, Lang::Id, size(800)).to_svg(),
        )
        .unwrap();
        std::fs::write(
            dir.join("compare_narrow.svg"),
            compare::draw(CompareKind::Coverage, &series[..3], Lang::En, size(400)).to_svg(),
        )
        .unwrap();
        let same = [("Saat ini", &outcomes[0].1), ("Opsi A", &outcomes[0].1)];
        std::fs::write(
            dir.join("compare_same.svg"),
            compare::draw(CompareKind::Coverage, &same, Lang::Id, size(800)).to_svg(),
        )
        .unwrap();
    }
}
