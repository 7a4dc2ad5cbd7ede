//! RFC 7386 merge patches over scenario JSON, with arrays written as objects keyed by index
//! (plus their length under `"#"`) so that a patch can change one element's field.

use serde_json::{Map, Value};

/// The key that holds an array's length in its indexed form.
const LENGTH: &str = "#";

/// The longest array a link may rebuild (scenarios have at most a dozen sources).
const MAX_ARRAY: u64 = 1_000;

/// The most array elements a link may rebuild in all: a crafted link with thousands of
/// `{"#": 1000}` objects would otherwise fill memory before any shape check runs.
const MAX_ELEMENTS: u64 = 10_000;

/// Writes every array as `{"#": len, "0": …, "1": …}`, so a merge patch can change one
/// element's field. Scenario JSON has no key `#`, so this is reversed by `unindexed`.
pub(super) fn indexed(value: Value) -> Value {
    match value {
        Value::Array(items) => {
            let mut map = Map::new();
            map.insert(LENGTH.into(), Value::from(items.len()));
            for (i, item) in items.into_iter().enumerate() {
                map.insert(i.to_string(), indexed(item));
            }
            Value::Object(map)
        }
        Value::Object(map) => {
            Value::Object(map.into_iter().map(|(k, v)| (k, indexed(v))).collect())
        }
        scalar => scalar,
    }
}

/// Turns indexed objects back into arrays; `None` if a length is absurd or the arrays hold
/// more elements in all than any scenario could (a crafted link). A missing element becomes
/// `null`, which the scenario's own parser then reports.
pub(super) fn unindexed(value: Value) -> Option<Value> {
    let mut budget = MAX_ELEMENTS;
    rebuild(value, &mut budget)
}

fn rebuild(value: Value, budget: &mut u64) -> Option<Value> {
    match value {
        Value::Object(mut map) => match map.remove(LENGTH) {
            Some(len) => {
                let len = len.as_u64().filter(|n| *n <= MAX_ARRAY)?;
                *budget = budget.checked_sub(len)?;
                (0..len)
                    .map(|i| rebuild(map.remove(&i.to_string()).unwrap_or(Value::Null), budget))
                    .collect::<Option<Vec<_>>>()
                    .map(Value::Array)
            }
            None => map
                .into_iter()
                .map(|(k, v)| rebuild(v, budget).map(|v| (k, v)))
                .collect::<Option<Map<_, _>>>()
                .map(Value::Object),
        },
        scalar => Some(scalar),
    }
}

/// The RFC 7386 merge patch that turns `from` into `to`. Arrays and scalars are replaced
/// whole; a key missing from `to` becomes `null` (our `Option` fields read a missing key as
/// `None`, so `null` and "absent" mean the same in a scenario).
pub(super) fn merge_diff(from: &Value, to: &Value) -> Value {
    let (Value::Object(old), Value::Object(new)) = (from, to) else {
        return to.clone();
    };
    let mut patch = Map::new();
    for (key, value) in new {
        match old.get(key) {
            Some(before) if before == value => {}
            Some(before @ Value::Object(_)) if value.is_object() => {
                patch.insert(key.clone(), merge_diff(before, value));
            }
            _ => {
                patch.insert(key.clone(), value.clone());
            }
        }
    }
    for key in old.keys().filter(|k| !new.contains_key(*k)) {
        patch.insert(key.clone(), Value::Null);
    }
    Value::Object(patch)
}

/// Applies an RFC 7386 merge patch in place (section 2 of the RFC, as written).
pub(super) fn merge_apply(doc: &mut Value, patch: &Value) {
    let Value::Object(changes) = patch else {
        *doc = patch.clone();
        return;
    };
    if !doc.is_object() {
        *doc = Value::Object(Map::new());
    }
    if let Value::Object(map) = doc {
        for (key, value) in changes {
            if value.is_null() {
                map.remove(key);
            } else {
                merge_apply(map.entry(key.clone()).or_insert(Value::Null), value);
            }
        }
    }
}
