//! The frozen bases of every link edition: each preset's scenario as it was when that
//! edition was current (`data/links/v<N>/`). A link patches these, never today's presets.

use serde_json::{Map, Value};

/// The base a scenario is encoded against: its preset, else `custom`, else nothing (`""`).
pub(super) fn base_for(edition: u32, preset: &str) -> (String, Value) {
    for id in [preset, "custom"] {
        if let Some(value) = base_value(u64::from(edition), id) {
            return (id.to_string(), value);
        }
    }
    (String::new(), Value::Object(Map::new()))
}

/// The frozen scenario of preset `id` in link edition `edition`; `""` is the empty base.
pub(super) fn base_value(edition: u64, id: &str) -> Option<Value> {
    if id.is_empty() {
        return Some(Value::Object(Map::new()));
    }
    let text = frozen_base(edition, id)?;
    // Parsed once per page: the address is rewritten with a new link after every change.
    thread_local! {
        static PARSED: std::cell::RefCell<std::collections::HashMap<&'static str, Option<Value>>> =
            std::cell::RefCell::new(std::collections::HashMap::new());
    }
    PARSED.with(|parsed| {
        parsed
            .borrow_mut()
            .entry(text)
            .or_insert_with(|| serde_json::from_str(text).ok())
            .clone()
    })
}

/// The bases of every link edition, as they were when that edition was current.
pub fn frozen_base(edition: u64, id: &str) -> Option<&'static str> {
    Some(match (edition, id) {
        (1, "ambon") => include_str!("../../../data/links/v1/ambon.json"),
        (1, "maluku") => include_str!("../../../data/links/v1/maluku.json"),
        (1, "bontang") => include_str!("../../../data/links/v1/bontang.json"),
        (1, "kota-jambi") => include_str!("../../../data/links/v1/kota-jambi.json"),
        (1, "jambi-bkbk") => include_str!("../../../data/links/v1/jambi-bkbk.json"),
        (1, "custom") => include_str!("../../../data/links/v1/custom.json"),
        (2, "ambon") => include_str!("../../../data/links/v2/ambon.json"),
        (2, "maluku") => include_str!("../../../data/links/v2/maluku.json"),
        (2, "bontang") => include_str!("../../../data/links/v2/bontang.json"),
        (2, "kota-jambi") => include_str!("../../../data/links/v2/kota-jambi.json"),
        (2, "jambi-bkbk") => include_str!("../../../data/links/v2/jambi-bkbk.json"),
        (2, "custom") => include_str!("../../../data/links/v2/custom.json"),
        (3, "ambon") => include_str!("../../../data/links/v3/ambon.json"),
        (3, "maluku") => include_str!("../../../data/links/v3/maluku.json"),
        (3, "bontang") => include_str!("../../../data/links/v3/bontang.json"),
        (3, "kota-jambi") => include_str!("../../../data/links/v3/kota-jambi.json"),
        (3, "jambi-bkbk") => include_str!("../../../data/links/v3/jambi-bkbk.json"),
        (3, "custom") => include_str!("../../../data/links/v3/custom.json"),
        _ => return None,
    })
}
