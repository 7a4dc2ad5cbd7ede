//! Saved scenarios in headless Chromium (`cargo test --target wasm32-unknown-unknown --test
//! web_saved`): the LocalStorage layer (read back after a fresh load, a corrupt key skipped,
//! a full quota refused without losing anything) and the panel as a user sees it.
//! Each test uses its own key prefix and removes what it wrote. Waits are on conditions.
#![cfg(target_arch = "wasm32")]

use payung::engine::scenario::Amount;
use payung::engine::{presets, Parameters, Scenario};
use payung::locale::Lang;
use payung::ui::components::saved_panel::{Props, SavedPanel};
use payung::ui::saved::{ProblemKind, SavedList};
use payung::ui::storage::{SavedStore, StorageError};
use rust_decimal::Decimal;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement, Storage};
use yew::Callback;

mod web_common;
use web_common::{click, find, input, mount_point, submit, text, until};

wasm_bindgen_test_configure!(run_in_browser);

const NOW: &str = "2026-03-01T17:05:09+07:00";
const LATER: &str = "2026-03-01T17:06:00+07:00";

fn local() -> Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

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

/// A store of its own, emptied first.
fn store(prefix: &str) -> SavedStore {
    let store = SavedStore::new(prefix);
    store.clear().unwrap();
    store
}

/// Saves `name` into `list` and through `store`, as the panel does.
fn save(store: &SavedStore, list: &mut SavedList, name: &str, sc: &Scenario, now: &str) -> String {
    let id = list.save(name, sc, now).unwrap();
    store.insert(list.get(&id).unwrap()).unwrap();
    id
}

fn names(list: &SavedList) -> Vec<String> {
    list.entries().iter().map(|e| e.name.clone()).collect()
}

#[wasm_bindgen_test]
fn two_saved_scenarios_are_read_back_by_a_fresh_load() {
    let store = store("payung.test.readback.");
    let mut list = SavedList::new();
    let a = save(&store, &mut list, "Opsi A", &ambon(), NOW);
    let b = save(
        &store,
        &mut list,
        "Opsi B",
        &with_budget(5_000_000_000),
        LATER,
    );
    // One key per entry under the prefix.
    assert!(local()
        .get_item(&format!("payung.test.readback.{a}"))
        .unwrap()
        .is_some());
    assert!(local()
        .get_item(&format!("payung.test.readback.{b}"))
        .unwrap()
        .is_some());

    let (loaded, problems) = SavedStore::new("payung.test.readback.").load().unwrap();
    assert!(problems.is_empty());
    assert_eq!(loaded.entries(), list.entries());
    assert_eq!(
        loaded.open(&b).unwrap().sources[0].amount,
        with_budget(5_000_000_000).sources[0].amount
    );

    // A new entry never takes a used key.
    let taken = list.get(&a).unwrap().clone();
    assert_eq!(
        store.insert(&taken),
        Err(StorageError::Taken(format!("payung.test.readback.{a}")))
    );
    // Rename and delete reach storage too.
    list.rename(&a, "Opsi A baru").unwrap();
    store.update(list.get(&a).unwrap()).unwrap();
    list.delete(&b).unwrap();
    store.remove(&b).unwrap();
    let (loaded, _) = store.load().unwrap();
    assert_eq!(names(&loaded), ["Opsi A baru"]);
    store.clear().unwrap();
    assert!(store.load().unwrap().0.is_empty());
}

#[wasm_bindgen_test]
fn a_corrupt_key_is_reported_and_the_others_still_load() {
    let store = store("payung.test.corrupt.");
    let mut list = SavedList::new();
    save(&store, &mut list, "Opsi A", &ambon(), NOW);
    save(&store, &mut list, "Opsi B", &ambon(), LATER);
    local()
        .set_item(
            "payung.test.corrupt.broken",
            "{\"id\": \"broken\", \"name\": \"Rus",
        )
        .unwrap();
    let (loaded, problems) = store.load().unwrap();
    assert_eq!(names(&loaded), ["Opsi A", "Opsi B"]);
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].id, "broken");
    assert_eq!(problems[0].kind, ProblemKind::NotJson);
    // The corrupt entry is left where it is: reporting never deletes.
    assert!(local()
        .get_item("payung.test.corrupt.broken")
        .unwrap()
        .is_some());
    store.clear().unwrap();
}

/// Fills LocalStorage until `setItem` throws, halving the chunk down to a few bytes.
/// Returns the keys written, for cleaning up.
fn fill_storage() -> Vec<String> {
    let storage = local();
    let mut keys = Vec::new();
    let mut chunk = 1usize << 20;
    while chunk >= 16 {
        let key = format!("payung.test.fill.{}", keys.len());
        if storage.set_item(&key, &"x".repeat(chunk)).is_ok() {
            keys.push(key);
        } else {
            chunk /= 2;
        }
        assert!(keys.len() < 10_000, "storage never filled up");
    }
    keys
}

#[wasm_bindgen_test]
fn a_full_quota_is_an_error_and_nothing_saved_is_lost() {
    let store = store("payung.test.full.");
    let mut list = SavedList::new();
    let a = save(&store, &mut list, "Opsi A", &ambon(), NOW);
    save(
        &store,
        &mut list,
        "Opsi B",
        &with_budget(7_000_000_000),
        LATER,
    );
    let before = store.load().unwrap().0;

    // What the user then tries: a new entry, and a longer name for an existing one.
    let mut with_c = list.clone();
    let c = with_c
        .save("Opsi C", &ambon(), "2026-03-01T17:07:00+07:00")
        .unwrap();
    let mut renamed = list.clone();
    renamed
        .rename(&a, &"Opsi A dengan nama yang jauh lebih panjang ".repeat(2))
        .unwrap();

    // Nothing below may panic before the filler is removed again.
    let filled = fill_storage();
    let saved = store.insert(with_c.get(&c).unwrap());
    let updated = store.update(renamed.get(&a).unwrap());
    let after = store.load();
    for key in &filled {
        local().remove_item(key).unwrap();
    }
    assert_eq!(saved, Err(StorageError::Full));
    assert_eq!(updated, Err(StorageError::Full));
    let (after, problems) = after.unwrap();
    assert!(problems.is_empty());
    assert_eq!(after, before, "the saved entries are intact");
    assert_eq!(names(&after), ["Opsi A", "Opsi B"]);
    // With room again, saving works.
    let mut next = after.clone();
    let c = next
        .save("Opsi C", &ambon(), "2026-03-01T17:07:00+07:00")
        .unwrap();
    assert_eq!(store.insert(next.get(&c).unwrap()), Ok(()));
    store.clear().unwrap();
}

// ---------------------------------------------------------------------------------------
// The panel.

fn item_names(root: &Element) -> Vec<String> {
    let nodes = root
        .query_selector_all(".saved-item:not(.saved-current) .saved-name")
        .unwrap();
    (0..nodes.length())
        .filter_map(|i| nodes.item(i).and_then(|n| n.text_content()))
        .collect()
}

fn type_name(root: &Element, selector: &str, value: &str) {
    input(root, selector).set_value(value);
}

fn panel(
    root: &Element,
    prefix: &str,
    scenario: Scenario,
    opened: Rc<RefCell<Vec<Scenario>>>,
) -> yew::AppHandle<SavedPanel> {
    let props = Props {
        scenario,
        params: Rc::new(Parameters::embedded().unwrap()),
        lang: Lang::Id,
        on_open: Callback::from(move |sc: Scenario| opened.borrow_mut().push(sc)),
        store: SavedStore::new(prefix),
    };
    yew::Renderer::<SavedPanel>::with_root_and_props(root.clone(), props).render()
}

#[wasm_bindgen_test]
async fn the_panel_saves_renames_duplicates_deletes_undoes_and_survives_a_remount() {
    let prefix = "payung.test.panel.";
    store(prefix);
    let root = mount_point();
    let opened = Rc::new(RefCell::new(Vec::new()));
    let app = panel(&root, prefix, ambon(), opened.clone());
    until("the panel", || {
        find::<HtmlElement>(&root, "#saved-save").is_some()
    })
    .await;
    assert!(text(&root, "#saved-empty").contains("Belum ada"));

    type_name(&root, "#saved-name", "Opsi A");
    click(&root, "#saved-save");
    until("the first entry", || item_names(&root) == ["Opsi A"]).await;
    assert!(text(&root, "#saved-notice").contains("Tersimpan sebagai “Opsi A”"));
    // An empty name field saves under the scenario's own name (the field is emptied by an
    // effect after the save renders: wait for it, as a user would see it).
    until("the name field to empty", || {
        find::<HtmlInputElement>(&root, "#saved-name").is_some_and(|i| i.value().is_empty())
    })
    .await;
    click(&root, "#saved-save");
    until("the second entry", || item_names(&root).len() == 2).await;
    assert_eq!(item_names(&root)[1], ambon().name);

    // Rename inline.
    click(&root, ".saved-item:not(.saved-current) .saved-rename");
    until("the rename field", || {
        find::<HtmlElement>(&root, ".saved-rename-input").is_some()
    })
    .await;
    type_name(&root, ".saved-rename-input", "Opsi A: APBD tetap");
    submit(&root, ".saved-rename-form");
    until("the new name", || {
        item_names(&root)[0] == "Opsi A: APBD tetap"
    })
    .await;

    // Duplicate, then delete and undo.
    click(&root, ".saved-item:not(.saved-current) .saved-duplicate");
    until("the copy", || item_names(&root).len() == 3).await;
    assert_eq!(item_names(&root)[2], "Opsi A: APBD tetap (2)");
    click(&root, ".saved-item:not(.saved-current) .saved-delete");
    until("the delete", || item_names(&root).len() == 2).await;
    assert!(text(&root, "#saved-notice").contains("dihapus"));
    click(&root, "#saved-undo");
    until("the undo", || item_names(&root).len() == 3).await;
    assert_eq!(item_names(&root)[0], "Opsi A: APBD tetap");

    // Open hands the scenario to the app.
    click(&root, ".saved-item:not(.saved-current) .saved-open");
    until("the open", || !opened.borrow().is_empty()).await;
    assert_eq!(opened.borrow()[0].name, "Opsi A: APBD tetap");

    // What was saved is there after the panel is mounted afresh (a reload).
    let names_before = item_names(&root);
    app.destroy();
    let root = mount_point();
    let _app = panel(&root, prefix, ambon(), opened);
    until("the entries after a remount", || {
        item_names(&root) == names_before
    })
    .await;
    SavedStore::new(prefix).clear().unwrap();
}

#[wasm_bindgen_test]
async fn picking_two_scenarios_shows_the_comparison() {
    let prefix = "payung.test.compare.";
    let store = store(prefix);
    let mut list = SavedList::new();
    save(
        &store,
        &mut list,
        "Opsi B",
        &with_budget(9_000_000_000),
        NOW,
    );
    let root = mount_point();
    let _app = panel(&root, prefix, ambon(), Rc::new(RefCell::new(Vec::new())));
    until("the saved entry", || item_names(&root) == ["Opsi B"]).await;
    assert!(find::<HtmlElement>(&root, "#compare").is_none());

    click(&root, "#saved-compare-current");
    click(&root, ".saved-item:not(.saved-current) .saved-compare");
    until("the comparison", || {
        root.query_selector_all("#compare .chart svg")
            .unwrap()
            .length()
            == 2
    })
    .await;
    let summary = text(&root, "#compare-summary");
    assert!(summary.contains("Skenario saat ini") && summary.contains("Opsi B"));
    assert!(summary.contains("Biaya selama horizon"));
    let differences = text(&root, "#compare-differences");
    assert!(
        differences.contains("APBD Kota Ambon: Anggaran per tahun"),
        "{differences}"
    );
    assert!(differences.contains("Rp 9.000.000.000"));
    assert!(!root.inner_html().contains("NaN"));

    // Untick one: fewer than two, no comparison.
    click(&root, "#saved-compare-current");
    until("the comparison to go", || {
        find::<HtmlElement>(&root, "#compare").is_none()
    })
    .await;
    store.clear().unwrap();
}

#[wasm_bindgen_test]
async fn a_corrupt_entry_is_reported_in_the_panel_and_the_others_are_listed() {
    let prefix = "payung.test.panel-corrupt.";
    let store = store(prefix);
    let mut list = SavedList::new();
    save(&store, &mut list, "Opsi A", &ambon(), NOW);
    local()
        .set_item(&format!("{prefix}rusak"), "not json")
        .unwrap();
    let root = mount_point();
    let _app = panel(&root, prefix, ambon(), Rc::new(RefCell::new(Vec::new())));
    until("the entry", || item_names(&root) == ["Opsi A"]).await;
    let problems = text(&root, "#saved-problems");
    assert!(
        problems.contains("1 skenario tersimpan rusak"),
        "{problems}"
    );
    // Named by what the reader knows (no name could be read), not by its storage id.
    assert!(
        problems.contains("skenario tersimpan tanpa nama yang terbaca: bukan JSON"),
        "{problems}"
    );
    store.clear().unwrap();
}

/// Makes `window.localStorage` throw as in private mode, until dropped.
struct Blocked;

impl Blocked {
    fn new() -> Self {
        run_js(
            "window.__payungStorage = Object.getOwnPropertyDescriptor(window, 'localStorage');\
             Object.defineProperty(window, 'localStorage', { configurable: true, get() {\
               throw new DOMException('The operation is insecure.', 'SecurityError'); } });",
        );
        Blocked
    }
}

impl Drop for Blocked {
    fn drop(&mut self) {
        run_js(
            "const d = window.__payungStorage; delete window.__payungStorage;\
             if (d) { Object.defineProperty(window, 'localStorage', d); } else { delete window.localStorage; }",
        );
    }
}

fn run_js(code: &str) {
    web_sys::js_sys::Function::new_no_args(code)
        .call0(&wasm_bindgen::JsValue::NULL)
        .unwrap();
}

#[wasm_bindgen_test]
async fn blocked_storage_is_a_clear_message_and_the_app_keeps_working() {
    let prefix = "payung.test.blocked.";
    let mut list = SavedList::new();
    let id = list.save("Opsi A", &ambon(), NOW).unwrap();
    let blocked = Blocked::new();
    assert!(web_sys::window().unwrap().local_storage().is_err());
    let store = SavedStore::new(prefix);
    assert_eq!(store.load(), Err(StorageError::Blocked));
    assert_eq!(
        store.insert(list.get(&id).unwrap()),
        Err(StorageError::Blocked)
    );
    assert_eq!(payung::ui::storage::load_lang(), None);
    assert!(!payung::ui::storage::save_lang(Lang::En));

    let root = mount_point();
    let _app = panel(&root, prefix, ambon(), Rc::new(RefCell::new(Vec::new())));
    until("the blocked message", || {
        text(&root, "#saved-unavailable").contains("diblokir")
    })
    .await;
    type_name(&root, "#saved-name", "Opsi A");
    click(&root, "#saved-save");
    until("the refusal", || {
        text(&root, "#saved-notice").contains("diblokir")
    })
    .await;
    assert!(item_names(&root).is_empty());
    // Comparing still works without storage: the current scenario is always there.
    assert!(find::<HtmlElement>(&root, "#saved-compare-current").is_some());
    drop(blocked);
    assert!(SavedStore::new(prefix).load().is_ok());
}
