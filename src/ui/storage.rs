//! Everything the app remembers in the browser, in one place. Storage may be blocked
//! (private mode: `window.localStorage` throws or is null) or full (`setItem` throws):
//! nothing here panics; the language degrades to "nothing remembered", and the saved
//! scenarios return a `StorageError` that the UI shows while the app keeps working.
//!
//! Saved scenarios: one LocalStorage key per entry, `payung.saved.v1.<id>`, holding the
//! entry as JSON (`ui::saved::SavedEntry`). There is no index key: the list is every key
//! with the prefix, so an unreadable entry cannot hide the others, and each change is a
//! single `setItem` or `removeItem`, which the browser applies whole or not at all.
//! A new entry only ever goes under a key that is free; a failed write leaves every
//! stored entry as it was.
//!
//! The address: the scenario's fragment (`#s=…`) and, beside it, the open national view
//! (`&national=81`, `ui::share::view`) with its edited provinces (`&nplan=…`,
//! `ui::share::plans`), each replaced without touching the others.

use crate::locale::Lang;
use crate::ui::saved::{entry_to_json, EntryProblem, SavedEntry, SavedList};
use crate::ui::share::{language, plans, view};
use wasm_bindgen::JsValue;
use web_sys::js_sys;

const LANG_KEY: &str = "payung.lang";

/// The scenario being worked on, so a reload or a closed tab loses nothing.
const CURRENT_KEY: &str = "payung.current";

/// What the scenario being worked on is compared with (the grey baseline), so that a
/// reload keeps a kab/kota opened from a plan compared with the plan's run of it.
const BASELINE_KEY: &str = "payung.baseline";

/// The key prefix of a control group's open or closed state (`ui::components::group`).
const OPEN_PREFIX: &str = "payung.open.";

/// The key prefix of the app's saved scenarios; the version changes with the entry format.
pub const SAVED_PREFIX: &str = "payung.saved.v1.";

/// Why the browser did not store or read what was asked.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum StorageError {
    /// The browser refuses LocalStorage (private mode, site data blocked).
    #[error("browser storage is blocked")]
    Blocked,
    /// The storage quota for this site is used up.
    #[error("browser storage is full")]
    Full,
    /// Another entry already uses this key (saved from another tab at the same moment).
    #[error("a saved scenario already uses the key {0}")]
    Taken(String),
    /// The entry could not be written as JSON.
    #[error("the entry cannot be written: {0}")]
    Encode(String),
    /// Any other refusal, with the browser's own message.
    #[error("browser storage failed: {0}")]
    Failed(String),
}

/// The browser's LocalStorage, or why there is none.
fn local_storage() -> Result<web_sys::Storage, StorageError> {
    web_sys::window()
        .ok_or(StorageError::Blocked)?
        .local_storage()
        .map_err(|_| StorageError::Blocked)?
        .ok_or(StorageError::Blocked)
}

/// Sorts a thrown storage exception into blocked, full or other.
fn classify(error: JsValue) -> StorageError {
    let field = |name: &str| {
        js_sys::Reflect::get(&error, &JsValue::from_str(name))
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_default()
    };
    let name = field("name");
    let code = js_sys::Reflect::get(&error, &JsValue::from_str("code"))
        .ok()
        .and_then(|v| v.as_f64());
    match name.as_str() {
        "QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED" => StorageError::Full,
        _ if code == Some(22.0) || code == Some(1014.0) => StorageError::Full,
        "SecurityError" => StorageError::Blocked,
        _ => {
            let message = field("message");
            StorageError::Failed(if message.is_empty() {
                format!("{error:?}")
            } else {
                message
            })
        }
    }
}

/// The language chosen last time, if any.
pub fn load_lang() -> Option<Lang> {
    let text = local_storage().ok()?.get_item(LANG_KEY).ok()??;
    let code: String = serde_json::from_str(&text).ok()?;
    Lang::from_code(&code)
}

/// Milliseconds the inputs must stay still before the address bar shows them (the scenario,
/// the national view's edits).
pub const ADDRESS_MS: u32 = 250;

/// Puts `fragment` (a share link's `s=…`) into the address bar in place of the current
/// entry: `history.replaceState`, never a new history entry, and no `hashchange` event.
/// The open national view (`share::view`), its edited provinces (`share::plans`) and the
/// language (`share::language`) stay in the address.
/// Returns false when the browser refused (the address then keeps what it had).
pub fn replace_address(fragment: &str) -> bool {
    let here = address().unwrap_or_default();
    let view = view::view_of(&here);
    let fragment = plans::with_part(fragment, plans::part_of(&here));
    let fragment = language::with_lang(&fragment, language::lang_of(&here).unwrap_or_default());
    put_fragment(&view::with_view(&fragment, view.as_ref()))
}

/// Says the page's language in the address (English only: Indonesian is the default), so
/// that a copied address opens in it; the rest stays.
pub fn replace_lang(lang: Lang) -> bool {
    let here = address().unwrap_or_default();
    let fragment = here.split_once('#').map_or("", |(_, f)| f);
    put_fragment(&language::with_lang(fragment, lang))
}

/// The language the address asks for, if any (a link copied from the English page).
pub fn load_link_lang() -> Option<Lang> {
    language::lang_of(&address()?)
}

/// Puts the national section's edited provinces (`share::plans`, `nplan=…`; `None`: none)
/// into the address, keeping the scenario and the view.
pub fn replace_plans(part: Option<&str>) -> bool {
    let here = address().unwrap_or_default();
    let fragment = here.split_once('#').map_or("", |(_, f)| f);
    let view = view::view_of(fragment);
    let fragment = plans::with_part(fragment, part);
    put_fragment(&view::with_view(&fragment, view.as_ref()))
}

/// The whole address, for the parts the national section reads itself.
pub fn load_address() -> Option<String> {
    address()
}

/// Says in the address which national view is open (`None`: none), keeping the scenario.
pub fn replace_view(open: Option<&view::View>) -> bool {
    let here = address().unwrap_or_default();
    let fragment = here.split_once('#').map_or("", |(_, f)| f);
    put_fragment(&view::with_view(fragment, open))
}

/// The national view the address asks for, if any.
pub fn load_view() -> Option<view::View> {
    view::view_of(&address()?)
}

fn address() -> Option<String> {
    web_sys::window()?.location().href().ok()
}

fn put_fragment(fragment: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let Ok(history) = window.history() else {
        return false;
    };
    let here = window.location().href().unwrap_or_default();
    let base = here.split('#').next().unwrap_or_default();
    let url = if fragment.is_empty() {
        base.to_string()
    } else {
        format!("{base}#{fragment}")
    };
    if url == here {
        return true;
    }
    history
        .replace_state_with_url(&JsValue::NULL, "", Some(&url))
        .is_ok()
}

/// Whether the control group `key` was left open, if the user ever toggled it.
pub fn load_open(key: &str) -> Option<bool> {
    let text = local_storage()
        .ok()?
        .get_item(&format!("{OPEN_PREFIX}{key}"))
        .ok()??;
    serde_json::from_str(&text).ok()
}

/// Remembers whether the control group `key` is open; a refusal only means it is forgotten.
pub fn save_open(key: &str, open: bool) {
    if let Ok(storage) = local_storage() {
        let _ = storage.set_item(
            &format!("{OPEN_PREFIX}{key}"),
            if open { "true" } else { "false" },
        );
    }
}

/// Remembers the language; returns false if the browser refused.
pub fn save_lang(lang: Lang) -> bool {
    let Ok(storage) = local_storage() else {
        return false;
    };
    let Ok(text) = serde_json::to_string(lang.code()) else {
        return false;
    };
    storage.set_item(LANG_KEY, &text).is_ok()
}

/// The scenario stored under `key`, if it can still be read (older versions migrate;
/// anything unreadable is ignored).
fn load_scenario(key: &str) -> Option<crate::engine::Scenario> {
    let text = local_storage().ok()?.get_item(key).ok()??;
    crate::engine::import::scenario_from_json(&text).ok()
}

/// Stores `scenario` under `key`; returns false if the browser refused.
fn save_scenario(key: &str, scenario: &crate::engine::Scenario) -> bool {
    let Ok(storage) = local_storage() else {
        return false;
    };
    let text = crate::engine::import::scenario_to_json(scenario);
    storage.set_item(key, &text).is_ok()
}

/// The scenario being worked on when the page was last used, if it can still be read.
pub fn load_current() -> Option<crate::engine::Scenario> {
    load_scenario(CURRENT_KEY)
}

/// Remembers the scenario being worked on; returns false if the browser refused.
pub fn save_current(scenario: &crate::engine::Scenario) -> bool {
    save_scenario(CURRENT_KEY, scenario)
}

/// The baseline remembered with the scenario being worked on, if it can still be read.
pub fn load_baseline() -> Option<crate::engine::Scenario> {
    load_scenario(BASELINE_KEY)
}

/// Remembers the baseline of the scenario being worked on; returns false if the browser
/// refused.
pub fn save_baseline(baseline: &crate::engine::Scenario) -> bool {
    save_scenario(BASELINE_KEY, baseline)
}

/// The saved scenarios in LocalStorage under one key prefix.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SavedStore {
    prefix: String,
}

impl Default for SavedStore {
    /// The app's own saved scenarios.
    fn default() -> Self {
        Self::new(SAVED_PREFIX)
    }
}

impl SavedStore {
    /// A store whose keys start with `prefix` (tests use their own).
    pub fn new(prefix: &str) -> Self {
        Self {
            prefix: prefix.to_string(),
        }
    }

    fn key(&self, id: &str) -> String {
        format!("{}{}", self.prefix, id)
    }

    /// Every key of this store (the list is the keys with the prefix: there is no index).
    fn keys(&self, storage: &web_sys::Storage) -> Result<Vec<String>, StorageError> {
        let length = storage.length().map_err(classify)?;
        Ok((0..length)
            .filter_map(|i| storage.key(i).ok().flatten())
            .filter(|k| k.starts_with(&self.prefix))
            .collect())
    }

    /// Every stored entry: the readable ones as a list, and what was wrong with the others.
    pub fn load(&self) -> Result<(SavedList, Vec<EntryProblem>), StorageError> {
        let storage = local_storage()?;
        let keys = self.keys(&storage)?;
        let mut items = Vec::with_capacity(keys.len());
        for key in keys {
            if let Some(text) = storage.get_item(&key).map_err(classify)? {
                items.push((key[self.prefix.len()..].to_string(), text));
            }
        }
        Ok(SavedList::from_stored(items))
    }

    /// Stores a new entry under its own key; refuses a key that is already used.
    pub fn insert(&self, entry: &SavedEntry) -> Result<(), StorageError> {
        let storage = local_storage()?;
        let key = self.key(&entry.id);
        if storage.get_item(&key).map_err(classify)?.is_some() {
            return Err(StorageError::Taken(key));
        }
        let text = entry_to_json(entry).map_err(|e| StorageError::Encode(e.to_string()))?;
        storage.set_item(&key, &text).map_err(classify)
    }

    /// Replaces a stored entry with its changed version (a rename) in one write; if the
    /// write fails, the stored entry stays as it was.
    pub fn update(&self, entry: &SavedEntry) -> Result<(), StorageError> {
        let storage = local_storage()?;
        let text = entry_to_json(entry).map_err(|e| StorageError::Encode(e.to_string()))?;
        storage
            .set_item(&self.key(&entry.id), &text)
            .map_err(classify)
    }

    /// Deletes a stored entry.
    pub fn remove(&self, id: &str) -> Result<(), StorageError> {
        local_storage()?
            .remove_item(&self.key(id))
            .map_err(classify)
    }

    /// Deletes every entry of this store, readable or not (tests clean up with it).
    pub fn clear(&self) -> Result<(), StorageError> {
        let storage = local_storage()?;
        let keys = self.keys(&storage)?;
        for key in keys {
            storage.remove_item(&key).map_err(classify)?;
        }
        Ok(())
    }
}

/// The browser's local time as an ISO date-time with its offset, "2026-03-01T17:05:09+07:00",
/// for `SavedList::save`.
pub fn now_iso() -> String {
    let d = js_sys::Date::new_0();
    // getTimezoneOffset is UTC minus local time, in minutes.
    let offset = -(d.get_timezone_offset() as i32);
    let sign = if offset < 0 { '-' } else { '+' };
    let offset = offset.abs();
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}{sign}{:02}:{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date(),
        d.get_hours(),
        d.get_minutes(),
        d.get_seconds(),
        offset / 60,
        offset % 60
    )
}
