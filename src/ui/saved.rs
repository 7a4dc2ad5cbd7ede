//! Saved scenarios as data: the entries the "Skenario tersimpan" panel lists, the rules
//! for their names and ids, and reading a stored entry back into a `Scenario`.
//!
//! This module must not know the browser: the caller supplies the time (`now`, an ISO
//! date-time) and persists each entry it changes (`ui::storage`). An entry keeps its
//! scenario as raw JSON with the schema version it was written with, so that an entry
//! from an older Payung is migrated (by `engine::import::scenario_from_json`) only when it
//! is opened, and an entry that cannot be read is reported without hiding the others.

use crate::engine::import::{scenario_from_json, ImportError};
use crate::engine::json_path;
use crate::engine::{Scenario, SCHEMA_VERSION};
use crate::locale::format;
use crate::locale::Lang;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// The longest name kept, in characters (the scenario name's own limit).
pub const MAX_NAME_CHARS: usize = 120;

/// One saved scenario as it is stored.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SavedEntry {
    /// Unique within the list; also the entry's storage key suffix.
    pub id: String,
    pub name: String,
    /// When it was first saved, as an ISO date-time from the caller's clock.
    pub saved_at: String,
    /// The scenario JSON version `scenario` was written with.
    pub schema_version: u32,
    /// The scenario as JSON, read (and migrated) only when opened.
    pub scenario: serde_json::Value,
}

/// Why an action on the saved list was refused.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum EntryError {
    /// The name is empty once spaces are trimmed.
    #[error("the name is empty")]
    EmptyName,
    /// The name is longer than `MAX_NAME_CHARS`.
    #[error("the name is longer than {max} characters")]
    NameTooLong { max: usize },
    /// No entry has this id (it was deleted in the meantime).
    #[error("there is no saved scenario {0}")]
    NotFound(String),
    /// Saved by a newer Payung than this one.
    #[error("saved with scenario version {found}; this Payung reads up to {supported}")]
    NewerVersion { found: u32, supported: u32 },
    /// The stored scenario is not a scenario this Payung can read.
    #[error("the saved scenario cannot be read: {0}")]
    Unreadable(ImportError),
    /// The scenario could not be written as JSON.
    #[error("the scenario cannot be written as JSON: {0}")]
    Unwritable(String),
}

/// A stored entry that could not be read: reported to the user, then skipped.
#[derive(Clone, Debug, PartialEq)]
pub struct EntryProblem {
    /// The entry's id (its storage key suffix).
    pub id: String,
    /// The entry's name, if that much could be read.
    pub name: Option<String>,
    pub kind: ProblemKind,
}

/// What is wrong with an unreadable entry.
#[derive(Clone, Debug, PartialEq)]
pub enum ProblemKind {
    /// The stored text is not JSON.
    NotJson,
    /// JSON, but not a saved entry (a field is missing or has the wrong type).
    NotAnEntry(String),
    /// An entry whose scenario has the wrong shape; the path of the bad field.
    BadScenario(String),
}

/// The saved scenarios, oldest first, with the ids of unreadable entries still in storage.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SavedList {
    entries: Vec<SavedEntry>,
    /// Ids whose stored entries are unreadable: never reused, so they are never overwritten.
    reserved: BTreeSet<String>,
}

impl SavedList {
    /// An empty list.
    pub fn new() -> Self {
        Self::default()
    }

    /// Reads stored `(id, text)` pairs in any order: the readable entries sorted by when
    /// they were saved, and a problem for each unreadable one.
    pub fn from_stored<I, K, V>(items: I) -> (Self, Vec<EntryProblem>)
    where
        I: IntoIterator<Item = (K, V)>,
        K: AsRef<str>,
        V: AsRef<str>,
    {
        let mut list = SavedList::new();
        let mut problems = Vec::new();
        for (id, text) in items {
            match parse_entry(id.as_ref(), text.as_ref()) {
                Ok(entry) => list.entries.push(entry),
                Err(problem) => {
                    list.reserved.insert(problem.id.clone());
                    problems.push(problem);
                }
            }
        }
        list.entries
            .sort_by(|a, b| (&a.saved_at, &a.id).cmp(&(&b.saved_at, &b.id)));
        problems.sort_by(|a, b| a.id.cmp(&b.id));
        (list, problems)
    }

    /// The entries in the order they are shown.
    pub fn entries(&self) -> &[SavedEntry] {
        &self.entries
    }

    /// How many readable entries there are.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether there is nothing to list.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The entry with this id.
    pub fn get(&self, id: &str) -> Option<&SavedEntry> {
        self.entries.iter().find(|e| e.id == id)
    }

    /// Saves `scenario` under `name` (made unique with " (2)", " (3)", …) at the end of
    /// the list and returns the new entry's id. The stored scenario carries the name.
    pub fn save(
        &mut self,
        name: &str,
        scenario: &Scenario,
        now: &str,
    ) -> Result<String, EntryError> {
        let name = self.unique_name(&clean_name(name)?, None);
        let mut scenario = scenario.clone();
        scenario.name = name.clone();
        let value =
            serde_json::to_value(&scenario).map_err(|e| EntryError::Unwritable(e.to_string()))?;
        let id = self.new_id(now);
        self.entries.push(SavedEntry {
            id: id.clone(),
            name,
            saved_at: now.to_string(),
            schema_version: scenario.schema_version,
            scenario: value,
        });
        Ok(id)
    }

    /// Renames an entry (and the scenario inside it); the name is made unique among the
    /// other entries.
    pub fn rename(&mut self, id: &str, name: &str) -> Result<(), EntryError> {
        let name = clean_name(name)?;
        let name = self.unique_name(&name, Some(id));
        let entry = self
            .entries
            .iter_mut()
            .find(|e| e.id == id)
            .ok_or_else(|| EntryError::NotFound(id.to_string()))?;
        set_scenario_name(&mut entry.scenario, &name);
        entry.name = name;
        Ok(())
    }

    /// Copies an entry to the end of the list as "name (2)" and returns the copy's id.
    pub fn duplicate(&mut self, id: &str, now: &str) -> Result<String, EntryError> {
        let original = self
            .get(id)
            .cloned()
            .ok_or_else(|| EntryError::NotFound(id.to_string()))?;
        let name = self.unique_name(&original.name, None);
        let mut scenario = original.scenario;
        set_scenario_name(&mut scenario, &name);
        let id = self.new_id(now);
        self.entries.push(SavedEntry {
            id: id.clone(),
            name,
            saved_at: now.to_string(),
            schema_version: original.schema_version,
            scenario,
        });
        Ok(id)
    }

    /// Removes an entry; returns its place and the entry itself for `undo_delete`.
    pub fn delete(&mut self, id: &str) -> Option<(usize, SavedEntry)> {
        let index = self.entries.iter().position(|e| e.id == id)?;
        Some((index, self.entries.remove(index)))
    }

    /// Puts a deleted entry back where it was. If its name was taken in the meantime it
    /// gets a suffix; if its id is back already, nothing changes. Returns the entry as it
    /// now stands, for storing.
    pub fn undo_delete(&mut self, index: usize, mut entry: SavedEntry) -> &SavedEntry {
        if let Some(at) = self.entries.iter().position(|e| e.id == entry.id) {
            return &self.entries[at];
        }
        let name = self.unique_name(&entry.name, Some(&entry.id));
        if name != entry.name {
            set_scenario_name(&mut entry.scenario, &name);
            entry.name = name;
        }
        let at = index.min(self.entries.len());
        self.entries.insert(at, entry);
        &self.entries[at]
    }

    /// The entry's scenario, migrated from an older schema version if need be.
    pub fn open(&self, id: &str) -> Result<Scenario, EntryError> {
        let entry = self
            .get(id)
            .ok_or_else(|| EntryError::NotFound(id.to_string()))?;
        open_entry(entry)
    }

    /// `name`, or "name (2)", "name (3)", … if another entry (not `except`) has it
    /// (compared without regard to case). A name that already ends in " (n)" counts on
    /// from its stem, so a copy of "A (2)" is "A (3)".
    fn unique_name(&self, name: &str, except: Option<&str>) -> String {
        let taken = |candidate: &str| {
            let key = candidate.to_lowercase();
            self.entries
                .iter()
                .any(|e| Some(e.id.as_str()) != except && e.name.to_lowercase() == key)
        };
        if !taken(name) {
            return name.to_string();
        }
        let (stem, first) = split_counter(name);
        (first.max(2)..)
            .map(|n| with_counter(stem, n))
            .find(|candidate| !taken(candidate))
            .unwrap_or_else(|| name.to_string())
    }

    /// A fresh id from the digits of `now` ("20260301170500"), with "-2", "-3", … if an
    /// entry, readable or not, already has it.
    fn new_id(&self, now: &str) -> String {
        let digits: String = now
            .chars()
            .take_while(|c| *c != '+' && *c != 'Z')
            .filter(char::is_ascii_digit)
            .take(17)
            .collect();
        let stem = if digits.is_empty() {
            "entry".to_string()
        } else {
            digits
        };
        let taken = |candidate: &str| {
            self.reserved.contains(candidate) || self.entries.iter().any(|e| e.id == candidate)
        };
        if !taken(&stem) {
            return stem;
        }
        (2u32..)
            .map(|n| format!("{stem}-{n}"))
            .find(|candidate| !taken(candidate))
            .unwrap_or(stem)
    }
}

/// Reads one stored entry; the id of its key wins over the id written inside it.
pub fn parse_entry(id: &str, text: &str) -> Result<SavedEntry, EntryProblem> {
    let problem = |name: Option<String>, kind| EntryProblem {
        id: id.to_string(),
        name,
        kind,
    };
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|_| problem(None, ProblemKind::NotJson))?;
    let name = value
        .get("name")
        .and_then(serde_json::Value::as_str)
        .map(str::to_string);
    let mut entry: SavedEntry = json_path::from_value(&value)
        .map_err(|e| problem(name.clone(), ProblemKind::NotAnEntry(e.path)))?;
    entry.id = id.to_string();
    if !entry.scenario.is_object() {
        return Err(problem(
            name,
            ProblemKind::BadScenario("scenario".to_string()),
        ));
    }
    // A newer entry stays in the list (a newer Payung can open it); `open` says why not here.
    match open_entry(&entry) {
        Err(EntryError::Unreadable(ImportError::WrongShape { path, .. })) => Err(problem(
            name,
            ProblemKind::BadScenario(format!("scenario.{path}")),
        )),
        Err(EntryError::Unreadable(_)) => Err(problem(
            name,
            ProblemKind::BadScenario("scenario".to_string()),
        )),
        _ => Ok(entry),
    }
}

/// An entry as the JSON text that is stored.
pub fn entry_to_json(entry: &SavedEntry) -> Result<String, EntryError> {
    serde_json::to_string(entry).map_err(|e| EntryError::Unwritable(e.to_string()))
}

/// The scenario inside `entry`, through the same reader as files and links, so that an
/// older schema version is migrated and a newer one is refused.
pub fn open_entry(entry: &SavedEntry) -> Result<Scenario, EntryError> {
    if entry.schema_version > SCHEMA_VERSION {
        return Err(EntryError::NewerVersion {
            found: entry.schema_version,
            supported: SCHEMA_VERSION,
        });
    }
    let mut value = entry.scenario.clone();
    if let Some(map) = value.as_object_mut() {
        map.entry("schema_version")
            .or_insert_with(|| entry.schema_version.into());
    }
    let text = value.to_string();
    match scenario_from_json(&text) {
        Ok(scenario) => Ok(scenario),
        Err(ImportError::NewerVersion { found, supported }) => Err(EntryError::NewerVersion {
            found: u32::try_from(found).unwrap_or(u32::MAX),
            supported,
        }),
        Err(e) => Err(EntryError::Unreadable(e)),
    }
}

/// `name` trimmed, or why it cannot be used.
pub fn clean_name(name: &str) -> Result<String, EntryError> {
    let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
    if name.is_empty() {
        Err(EntryError::EmptyName)
    } else if name.chars().count() > MAX_NAME_CHARS {
        Err(EntryError::NameTooLong {
            max: MAX_NAME_CHARS,
        })
    } else {
        Ok(name)
    }
}

/// When an entry was saved, for the list: "1 Maret 2026, 17.05" / "1 March 2026, 17:05".
/// Text that is not an ISO date-time is shown as it is.
pub fn saved_at_label(saved_at: &str, lang: Lang) -> String {
    let num =
        |range: std::ops::Range<usize>| saved_at.get(range).and_then(|s| s.parse::<u32>().ok());
    let shape_ok = saved_at.len() >= 16
        && saved_at.as_bytes().get(4) == Some(&b'-')
        && saved_at.as_bytes().get(10) == Some(&b'T');
    match (
        shape_ok,
        num(0..4),
        num(5..7),
        num(8..10),
        num(11..13),
        num(14..16),
    ) {
        (true, Some(year), Some(month), Some(day), Some(hour), Some(minute)) => {
            let date = format::date_long(year as i32, month as u8, day as u8, lang);
            let sep = if lang == Lang::Id { '.' } else { ':' };
            format!("{date}, {hour:02}{sep}{minute:02}")
        }
        _ => saved_at.to_string(),
    }
}

fn set_scenario_name(scenario: &mut serde_json::Value, name: &str) {
    if let Some(map) = scenario.as_object_mut() {
        map.insert("name".into(), name.into());
    }
}

/// "Opsi A (3)" → ("Opsi A", 3); "Opsi A" → ("Opsi A", 0).
fn split_counter(name: &str) -> (&str, u32) {
    if let Some(open) = name.strip_suffix(')').and_then(|s| s.rfind(" (")) {
        let digits = &name[open + 2..name.len() - 1];
        if let Ok(n) = digits.parse::<u32>() {
            if !digits.starts_with('0') {
                return (&name[..open], n);
            }
        }
    }
    (name, 0)
}

/// `stem (n)`, shortening the stem so that the whole stays within `MAX_NAME_CHARS`.
fn with_counter(stem: &str, n: u32) -> String {
    let suffix = format!(" ({n})");
    let room = MAX_NAME_CHARS.saturating_sub(suffix.chars().count());
    let stem: String = stem.chars().take(room).collect();
    format!("{}{suffix}", stem.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counters_are_split_from_names() {
        assert_eq!(split_counter("Opsi A (3)"), ("Opsi A", 3));
        assert_eq!(split_counter("Opsi A"), ("Opsi A", 0));
        assert_eq!(split_counter("Opsi (A)"), ("Opsi (A)", 0));
        assert_eq!(split_counter("Tahun (2026)"), ("Tahun", 2026));
        assert_eq!(split_counter("x (07)"), ("x (07)", 0));
    }

    #[test]
    fn long_names_keep_their_counter() {
        let long = "a".repeat(MAX_NAME_CHARS);
        let named = with_counter(&long, 2);
        assert_eq!(named.chars().count(), MAX_NAME_CHARS);
        assert!(named.ends_with(" (2)"));
    }

    #[test]
    fn ids_come_from_the_clock_and_stay_unique() {
        let list = SavedList::new();
        assert_eq!(list.new_id("2026-03-01T17:05:09+07:00"), "20260301170509");
        assert_eq!(list.new_id("2026-03-01T10:05:09.123Z"), "20260301100509123");
        assert_eq!(list.new_id("soon"), "entry");
        let (list, problems) = SavedList::from_stored([("20260301170509", "{oops")]);
        assert_eq!(problems.len(), 1);
        assert_eq!(list.new_id("2026-03-01T17:05:09+07:00"), "20260301170509-2");
    }

    #[test]
    fn saved_times_read_as_dates() {
        assert_eq!(
            saved_at_label("2026-03-01T17:05:09+07:00", Lang::Id),
            "1 Maret 2026, 17.05"
        );
        assert_eq!(
            saved_at_label("2026-03-01T17:05:09+07:00", Lang::En),
            "1 March 2026, 17:05"
        );
        assert_eq!(saved_at_label("kemarin", Lang::Id), "kemarin");
    }
}
