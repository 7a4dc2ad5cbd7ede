//! Reading a JSON value into a type, naming the path of the first part that does not fit
//! (`region.desa`, `sources[2].amount`, `.` for the whole document), as
//! `serde_path_to_error` writes it.
//!
//! The value is written out as pretty JSON and read back with `serde_json::from_str`, the
//! same reading the presets and the engine's thread use, so the browser's main thread
//! carries one reader per type and not a second, tracking one (about 15 KB brotli). The
//! path is found from the line serde_json reports: pretty JSON starts every key and every
//! element on a line of its own, and closes every non-empty object or list on one. The
//! tests check the path against `serde_path_to_error`'s on every field of every preset.
//!
//! Invariant: knows nothing of scenarios; any `Deserialize` type and any JSON value.

use serde::de::{DeserializeOwned, Error as _, Unexpected};
use serde_json::Value;

/// Why a JSON value is not a `T`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PathError {
    /// Where, e.g. `sources[2].amount`; `.` for the document itself.
    pub path: String,
    /// serde's own words (English), without a position in a text the user never saw.
    pub message: String,
}

/// `value` as a `T`, or the path and message of the first part that does not fit.
pub fn from_value<T: DeserializeOwned>(value: &Value) -> Result<T, PathError> {
    let text = serde_json::to_string_pretty(value).unwrap_or_default();
    serde_json::from_str(&text).map_err(|e| explain(value, &text, &e))
}

/// Where in `value` (written as `text`) serde_json's error `e` arose, and in serde's words
/// as they would be when reading `value` itself.
fn explain(value: &Value, text: &str, e: &serde_json::Error) -> PathError {
    let mut path = path_at(value, e.line(), e.column());
    // An enum written as a map names its variant by the key: a variant it does not
    // have is the enum's fault, reported once the key alone is read.
    let key_only = (text.lines().nth(e.line().saturating_sub(1)))
        .and_then(|line| line.find("\": "))
        .is_some_and(|end_of_key| e.column() <= end_of_key + 1);
    let whole = e.to_string();
    let mut message = match whole.rfind(" at line ") {
        Some(at) if e.line() > 0 => whole[..at].to_string(),
        _ => whole,
    };
    // The text is well formed, so a syntax error is an enum that met neither a name nor
    // a map (serde_json reads it by its first character), and an unknown variant read
    // from a key alone is the enum's: say what serde says when reading from a value.
    let syntax = e.classify() == serde_json::error::Category::Syntax;
    let variant_key = key_only && message.starts_with("unknown variant");
    if variant_key {
        path.pop();
    }
    if syntax || variant_key {
        let said = match lookup(value, &path) {
            Some(Value::Object(map)) if map.len() != 1 => Some(serde_json::Error::invalid_value(
                Unexpected::Map,
                &"map with a single key",
            )),
            Some(found) if syntax => Some(serde_json::Error::invalid_type(
                unexpected(found),
                &"string or map",
            )),
            _ => None,
        };
        if let Some(said) = said {
            message = said.to_string();
        }
    }
    PathError {
        path: written(&path),
        message,
    }
}

/// The value at `path` in `value`.
fn lookup<'a>(value: &'a Value, path: &[Step]) -> Option<&'a Value> {
    path.iter().try_fold(value, |v, step| match step {
        Step::Key(k) => v.get(k),
        Step::Index(i) => v.get(i),
    })
}

/// How serde names a JSON value of the wrong type.
fn unexpected(value: &Value) -> Unexpected<'_> {
    match value {
        Value::Null => Unexpected::Unit,
        Value::Bool(b) => Unexpected::Bool(*b),
        Value::Number(n) => match (n.as_u64(), n.as_i64(), n.as_f64()) {
            (Some(u), _, _) => Unexpected::Unsigned(u),
            (_, Some(i), _) => Unexpected::Signed(i),
            (_, _, f) => Unexpected::Float(f.unwrap_or_default()),
        },
        Value::String(s) => Unexpected::Str(s),
        Value::Array(_) => Unexpected::Seq,
        Value::Object(_) => Unexpected::Map,
    }
}

/// One step into a JSON value.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Step {
    Key(String),
    Index(usize),
}

/// The steps to the value serde_json was reading at `line` and `column` (1-based line; the
/// column counts the characters before the position) of
/// `serde_json::to_string_pretty(value)`. A line holds the start of one value (after its
/// key) or the close of one. Nothing read yet on a value's first line (the column within
/// its indentation, two spaces a level) means the reader stopped there after the value
/// around it: a map or a list where neither belongs is reported on its first element.
fn path_at(value: &Value, line: usize, column: usize) -> Vec<Step> {
    let mut path = Vec::new();
    let mut at = 1;
    let mut found = None;
    walk(value, &mut path, &mut at, line, &mut found);
    let Some((mut path, starts)) = found else {
        return Vec::new();
    };
    if starts && !path.is_empty() && column <= 2 * path.len() {
        path.pop();
    }
    path
}

/// Where a line was found: the steps, and whether the value starts there (or closes).
type Found = Option<(Vec<Step>, bool)>;

/// Walks `value`, which begins on line `*at`, leaving `*at` on its last line; the first
/// line that is `line` sets `found`.
fn walk(value: &Value, path: &mut Vec<Step>, at: &mut usize, line: usize, found: &mut Found) {
    if *at == line {
        *found = Some((path.clone(), true));
        return;
    }
    let children: Vec<(Step, &Value)> = match value {
        Value::Object(map) => map.iter().map(|(k, v)| (Step::Key(k.clone()), v)).collect(),
        Value::Array(list) => list
            .iter()
            .enumerate()
            .map(|(i, v)| (Step::Index(i), v))
            .collect(),
        _ => return,
    };
    if children.is_empty() {
        return; // `{}` and `[]` stay on their opening line
    }
    for (step, child) in children {
        *at += 1;
        path.push(step);
        walk(child, path, at, line, found);
        path.pop();
        if found.is_some() {
            return;
        }
    }
    *at += 1; // the closing `}` or `]`
    if *at == line {
        *found = Some((path.clone(), false));
    }
}

/// The path as `serde_path_to_error` displays it.
fn written(path: &[Step]) -> String {
    if path.is_empty() {
        return ".".to_string();
    }
    let mut out = String::new();
    for step in path {
        match step {
            Step::Key(k) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(k);
            }
            Step::Index(i) => out.push_str(&format!("[{i}]")),
        }
    }
    out
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::engine::presets;
    use crate::engine::Scenario;

    /// What `serde_path_to_error` says of `value` as a `Scenario`.
    fn tracked(value: &Value) -> Result<Scenario, PathError> {
        serde_path_to_error::deserialize(value.clone()).map_err(|e| PathError {
            path: e.path().to_string(),
            message: e.inner().to_string(),
        })
    }

    /// Every place in `value`: its steps, for changing it.
    fn places(value: &Value, path: &mut Vec<Step>, out: &mut Vec<Vec<Step>>) {
        out.push(path.clone());
        match value {
            Value::Object(map) => {
                for (k, v) in map {
                    path.push(Step::Key(k.clone()));
                    places(v, path, out);
                    path.pop();
                }
            }
            Value::Array(list) => {
                for (i, v) in list.iter().enumerate() {
                    path.push(Step::Index(i));
                    places(v, path, out);
                    path.pop();
                }
            }
            _ => {}
        }
    }

    fn at<'a>(value: &'a mut Value, path: &[Step]) -> &'a mut Value {
        path.iter().fold(value, |v, step| match step {
            Step::Key(k) => &mut v[k.as_str()],
            Step::Index(i) => &mut v[*i],
        })
    }

    /// Each way a place can be wrong: another type, text, a negative number, an empty or
    /// an unexpected object, an extra field beside it, or gone.
    fn spoilt(value: &Value, place: &[Step]) -> Vec<Value> {
        let mut out = Vec::new();
        for replacement in [
            Value::from("many"),
            Value::from(-3),
            Value::from(2.5),
            Value::Bool(true),
            Value::Null,
            serde_json::json!({}),
            serde_json::json!([]),
            serde_json::json!({"x": 1}),
            serde_json::json!({"a": 1, "b": [2]}),
            serde_json::json!([1, 2]),
        ] {
            let mut v = value.clone();
            *at(&mut v, place) = replacement;
            out.push(v);
        }
        if let Some((last, parent)) = place.split_last() {
            let mut v = value.clone();
            match (at(&mut v, parent), last) {
                (Value::Object(map), Step::Key(k)) => {
                    map.remove(k);
                }
                (Value::Array(list), Step::Index(i)) => {
                    list.remove(*i);
                }
                _ => {}
            }
            out.push(v);
        }
        let mut v = value.clone();
        if let Value::Object(map) = at(&mut v, place) {
            map.insert("zz_unknown".into(), Value::from(1));
            map.insert("aa_unknown".into(), serde_json::json!({"a": [1]}));
            out.push(v);
        }
        out
    }

    /// Every field of every preset, spoilt every way: the same path and the same words as
    /// the tracking reader, or the same success.
    #[test]
    fn paths_are_those_of_serde_path_to_error() {
        let mut checked = 0;
        for id in presets::IDS {
            let value = serde_json::to_value(presets::load(id).unwrap()).unwrap();
            let mut all = Vec::new();
            places(&value, &mut Vec::new(), &mut all);
            for place in all {
                for v in spoilt(&value, &place) {
                    let ours = from_value::<Scenario>(&v);
                    let theirs = tracked(&v);
                    assert_eq!(
                        ours.as_ref().err(),
                        theirs.as_ref().err(),
                        "{id} at {}",
                        written(&place)
                    );
                    assert_eq!(ours.ok(), theirs.ok(), "{id} at {}", written(&place));
                    checked += 1;
                }
            }
        }
        assert!(checked > 1000, "{checked}");
    }

    #[test]
    fn paths_are_written_as_the_importer_names_them() {
        let p = [
            Step::Key("sources".into()),
            Step::Index(2),
            Step::Key("amount".into()),
        ];
        assert_eq!(written(&p), "sources[2].amount");
        assert_eq!(written(&[]), ".");
        let bad = serde_json::json!({"a": [1, {"b": "x"}]});
        #[derive(Debug, serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        #[allow(dead_code)]
        struct A {
            a: (u8, B),
        }
        #[derive(Debug, serde::Deserialize)]
        #[allow(dead_code)]
        struct B {
            b: u8,
        }
        let e = from_value::<A>(&bad).unwrap_err();
        assert_eq!(e.path, "a[1].b");
        assert!(
            e.message.starts_with("invalid type: string \"x\""),
            "{}",
            e.message
        );
        assert!(!e.message.contains(" at line "), "{}", e.message);
    }
}
