//! Share links, QR codes and the checks on imported files. What is said when a link or a
//! file fails is in the catalogue, `ui::i18n::share` and `ui::i18n::files`.
//!
//! A link carries the whole scenario in the URL fragment: `#s=<edition>.<payload>`, where
//! the payload is base64url (no padding) of zlib-compressed JSON `["<preset id>", <merge
//! patch>]`. The merge patch (RFC 7386) turns the preset's scenario, *frozen as it was in
//! that link edition* (`data/links/v<edition>/`), into this one, so an unchanged preset costs
//! a few bytes and a link keeps its numbers when presets change later. It is
//! taken over the scenario JSON with each array written as an object keyed by index plus
//! its length under `"#"`, so editing one funding source sends that field, not the whole
//! list. zlib's Adler-32 catches characters changed in transit; links from older versions
//! migrate through `import::scenario_from_json`, like files.
//!
//! This module is pure: no browser crates, so it is tested natively. It must not know
//! where the link is shown or stored; `components::share_panel` and the app do that.

mod editions;
pub mod language;
mod patch;
pub mod plans;
pub mod view;

/// `fragment` (with or without `#`) with its `key` part (`key=…`, and `key` alone when
/// `bare`) set to `part`, or removed for `None`; the other parts keep their order and the
/// part goes last. Each of the address's parts beside `s=` (`plans`, `view`, `language`) is
/// set this way.
fn with_fragment_part(fragment: &str, key: (&str, bool), part: Option<&str>) -> String {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    let mut parts: Vec<&str> = fragment
        .split('&')
        .filter(|p| !p.is_empty() && !is_fragment_part(p, key))
        .collect();
    parts.extend(part);
    parts.join("&")
}

/// Whether `part` is `key`'s (`key=…`, and `key` alone when `bare`).
fn is_fragment_part(part: &str, key: (&str, bool)) -> bool {
    fragment_value(part, key).is_some()
}

/// The value of `fragment`'s `key` part (`key=value`; "" for `key` alone when `bare`); the
/// fragment with or without `#`, or a whole address.
fn fragment_value<'a>(fragment: &'a str, (key, bare): (&str, bool)) -> Option<&'a str> {
    let text = fragment.split_once('#').map_or(fragment, |(_, f)| f);
    text.split('&').map(str::trim).find_map(|part| {
        let rest = part.strip_prefix(key)?;
        match rest.strip_prefix('=') {
            Some(value) => Some(value),
            None => (bare && rest.is_empty()).then_some(""),
        }
    })
}

pub use editions::frozen_base;
use editions::{base_for, base_value};
use patch::{indexed, merge_apply, merge_diff, unindexed};

use crate::engine::import::{scenario_from_json, ImportError, Shape, MAX_BYTES};
use crate::engine::{Field, Parameters, Scenario, ScenarioError, ValidScenario};
use base64::engine::general_purpose::{GeneralPurpose, GeneralPurposeConfig};
use base64::engine::DecodePaddingMode;
use base64::{alphabet, Engine as _};
use miniz_oxide::inflate::{self, TINFLStatus};
use serde_json::Value;

/// The fragment's key; the app reads `#s=…` on load.
pub const KEY: &str = "s";

/// The largest inflated payload accepted, so a crafted link cannot exhaust memory.
pub const MAX_INFLATED: usize = MAX_BYTES;

/// zlib level: links are made rarely and read rarely, so spend the time on size.
const LEVEL: u8 = 10;

/// base64url without padding; canonical on decode, so a changed last character is caught.
const BASE64: GeneralPurpose = GeneralPurpose::new(
    &alphabet::URL_SAFE,
    GeneralPurposeConfig::new()
        .with_encode_padding(false)
        .with_decode_padding_mode(DecodePaddingMode::RequireNone),
);

/// The same alphabet, accepting non-zero trailing bits: used only to tell a cut-off link
/// (whose last character is incomplete) from a changed one.
const BASE64_LENIENT: GeneralPurpose = GeneralPurpose::new(
    &alphabet::URL_SAFE,
    GeneralPurposeConfig::new()
        .with_decode_padding_mode(DecodePaddingMode::RequireNone)
        .with_decode_allow_trailing_bits(true),
);

/// Why a share link could not be opened.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum ShareLinkError {
    /// The fragment holds nothing.
    #[error("the link is empty")]
    Empty,
    /// The fragment is something other than a Payung scenario (`s=…`).
    #[error("not a Payung share link")]
    NotALink,
    /// The link ends too early, usually because it was cut when copied.
    #[error("the link is truncated")]
    Truncated,
    /// Characters were changed: not base64url, not zlib, a checksum mismatch or a bad payload.
    #[error("the link is corrupted")]
    Corrupted,
    /// The payload would inflate past `MAX_INFLATED` (a crafted link, not a real scenario).
    #[error("the link's data is larger than {limit} bytes")]
    TooLarge { limit: usize },
    /// Made by a newer Payung whose format this build cannot read.
    #[error("link format {found} is newer than this Payung understands ({supported})")]
    FutureVersion { found: u64, supported: u32 },
    /// Built on a preset this build does not have.
    #[error("unknown preset `{id}`")]
    UnknownPreset { id: String },
    /// The restored JSON is not a scenario: a field is missing, unknown or of the wrong type.
    #[error("{path}: {message}")]
    WrongShape {
        path: String,
        /// The scenario field at or inside `path`, where there is one.
        field: Option<Field>,
        shape: Shape,
        message: String,
    },
    /// A value is out of range or inconsistent; the error names the field.
    #[error("{0}")]
    Invalid(ScenarioError),
}

/// The link format this build writes: the edition of frozen bases its patches are taken
/// against (`data/links/v<N>/`). A link's numbers never depend on today's presets: when a
/// preset changes, its scenario is frozen as a new edition and this number goes up, while
/// links of every earlier edition keep opening against their own bases.
pub const LINK_VERSION: u32 = 3;

/// The fragment (without `#`) that carries `scenario`, e.g. `s=3.eNqLVkp…`.
pub fn encode(scenario: &Scenario) -> String {
    encode_in(scenario, LINK_VERSION)
}

/// `encode` against the bases of an earlier edition (tests make old links with it).
pub fn encode_in(scenario: &Scenario, edition: u32) -> String {
    let (base_id, base) = base_for(edition, &scenario.preset);
    // Written as text and read back: the page already has both, and no code of its own to
    // write a scenario straight into a `Value`.
    let target = serde_json::to_string(scenario)
        .and_then(|text| serde_json::from_str(&text))
        .unwrap_or(Value::Null);
    let patch = merge_diff(&indexed(base), &indexed(target));
    // From edition 2 the payload repeats its edition, so that a changed digit in `s=<N>.` is
    // caught by the checksum instead of opening the patch against another edition's bases.
    let payload = match edition {
        1 => Value::Array(vec![Value::String(base_id), patch]),
        _ => Value::Array(vec![Value::from(edition), Value::String(base_id), patch]),
    };
    format!(
        "{KEY}={edition}.{}",
        pack_payload(payload.to_string().as_bytes())
    )
}

/// bytes → zlib → base64url: the inverse of `inflate_payload`.
fn pack_payload(bytes: &[u8]) -> String {
    BASE64.encode(miniz_oxide::deflate::compress_to_vec_zlib(bytes, LEVEL))
}

/// Opens a share link: a whole URL, a fragment with or without `#`, or `s=…` alone.
pub fn decode(fragment: &str, params: &Parameters) -> Result<ValidScenario, ShareLinkError> {
    let (version, payload) = split(fragment)?;
    if payload.is_empty() {
        return Err(ShareLinkError::Truncated);
    }
    if payload.len() > MAX_INFLATED {
        return Err(ShareLinkError::TooLarge {
            limit: MAX_INFLATED,
        });
    }
    let json = inflate_payload(payload)?;
    let (base_id, patch) = match serde_json::from_str::<Value>(&json) {
        Ok(Value::Array(parts)) => match (version, parts.as_slice()) {
            (1, [Value::String(id), patch @ Value::Object(_)]) => (id.clone(), patch.clone()),
            (_, [Value::Number(n), Value::String(id), patch @ Value::Object(_)])
                if n.as_u64() == Some(version) =>
            {
                (id.clone(), patch.clone())
            }
            _ => return Err(ShareLinkError::Corrupted),
        },
        _ => return Err(ShareLinkError::Corrupted),
    };
    let base =
        base_value(version, &base_id).ok_or(ShareLinkError::UnknownPreset { id: base_id })?;
    let mut doc = indexed(base);
    merge_apply(&mut doc, &patch);
    // The frozen base carries the schema version the patched document is in: migration
    // starts there, as for a file.
    let doc = unindexed(doc).ok_or(ShareLinkError::Corrupted)?;
    let scenario = scenario_from_json(&doc.to_string()).map_err(|e| match e {
        ImportError::TooLarge { limit, .. } => ShareLinkError::TooLarge { limit },
        ImportError::NotJson { .. } | ImportError::NotAScenario => ShareLinkError::Corrupted,
        ImportError::WrongShape {
            path,
            field,
            shape,
            message,
        } => ShareLinkError::WrongShape {
            path,
            field,
            shape,
            message,
        },
        ImportError::NewerVersion { found, supported } => {
            ShareLinkError::FutureVersion { found, supported }
        }
    })?;
    scenario.validate(params).map_err(ShareLinkError::Invalid)
}

/// Finds `s=<version>.<payload>` and checks the version before anything else is read.
fn split(fragment: &str) -> Result<(u64, &str), ShareLinkError> {
    let text = fragment.trim();
    let text = text.split_once('#').map_or(text, |(_, f)| f).trim();
    if text.is_empty() {
        return Err(ShareLinkError::Empty);
    }
    let prefix = format!("{KEY}=");
    let Some(rest) = text
        .split('&')
        .find_map(|part| part.strip_prefix(prefix.as_str()))
    else {
        return Err(ShareLinkError::NotALink);
    };
    let Some((version, payload)) = rest.split_once('.') else {
        // `s=` or `s=1`: the link stops before its payload.
        return Err(if rest.bytes().all(|b| b.is_ascii_digit()) {
            ShareLinkError::Truncated
        } else {
            ShareLinkError::Corrupted
        });
    };
    if version.is_empty() || !version.bytes().all(|b| b.is_ascii_digit()) {
        return Err(ShareLinkError::Corrupted);
    }
    let version: u64 = version.parse().map_err(|_| ShareLinkError::Corrupted)?;
    if version > u64::from(LINK_VERSION) {
        return Err(ShareLinkError::FutureVersion {
            found: version,
            supported: LINK_VERSION,
        });
    }
    if version == 0 {
        return Err(ShareLinkError::Corrupted);
    }
    Ok((version, payload))
}

/// base64url → zlib → bytes, telling a cut link from a changed one.
/// The payload's JSON text: base64url → zlib → UTF-8 (read as a `&str`, so the JSON reader
/// is the one every other text goes through, not a second copy for bytes).
fn inflate_payload(payload: &str) -> Result<String, ShareLinkError> {
    let packed = match BASE64.decode(payload) {
        Ok(bytes) => bytes,
        // One character too few or too many for base64: the end was cut off.
        Err(base64::DecodeError::InvalidLength(_)) => return Err(ShareLinkError::Truncated),
        // The last character has stray bits: cut mid-way, or changed. Inflate tells which.
        Err(base64::DecodeError::InvalidLastSymbol { .. }) => {
            let bytes = BASE64_LENIENT
                .decode(payload)
                .map_err(|_| ShareLinkError::Corrupted)?;
            return Err(match inflate_zlib(&bytes) {
                Err(ShareLinkError::Truncated) => ShareLinkError::Truncated,
                _ => ShareLinkError::Corrupted,
            });
        }
        Err(_) => return Err(ShareLinkError::Corrupted),
    };
    String::from_utf8(inflate_zlib(&packed)?).map_err(|_| ShareLinkError::Corrupted)
}

fn inflate_zlib(packed: &[u8]) -> Result<Vec<u8>, ShareLinkError> {
    inflate::decompress_to_vec_zlib_with_limit(packed, MAX_INFLATED).map_err(|e| match e.status {
        TINFLStatus::FailedCannotMakeProgress | TINFLStatus::NeedsMoreInput => {
            ShareLinkError::Truncated
        }
        TINFLStatus::HasMoreOutput => ShareLinkError::TooLarge {
            limit: MAX_INFLATED,
        },
        _ => ShareLinkError::Corrupted,
    })
}

/// Why an imported scenario file was refused: its text, or a value in it.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum FileError {
    /// Not JSON, not a scenario, too large or from a newer version.
    #[error(transparent)]
    Import(#[from] ImportError),
    /// A scenario, but a value is out of range or inconsistent.
    #[error(transparent)]
    Invalid(#[from] ScenarioError),
}

/// Checks a file's size before it is read, so a huge file is never loaded into memory.
pub fn check_file_size(bytes: u64) -> Result<(), ImportError> {
    let bytes = usize::try_from(bytes).unwrap_or(usize::MAX);
    if bytes > MAX_BYTES {
        return Err(ImportError::TooLarge {
            bytes,
            limit: MAX_BYTES,
        });
    }
    Ok(())
}

/// The whole import of a file's text, shared by the file picker and drag-and-drop.
pub fn import_file(text: &str, params: &Parameters) -> Result<ValidScenario, FileError> {
    Ok(scenario_from_json(text)?.validate(params)?)
}

/// A file name for the scenario: `payung-<slug>.<ext>`, from its name or region.
pub fn file_name(scenario: &Scenario, ext: &str) -> String {
    let slug = [scenario.name.as_str(), scenario.region.name.as_str()]
        .into_iter()
        .map(|n| crate::engine::report::slug(n).replace('_', "-"))
        .find(|s| !s.is_empty())
        .unwrap_or_else(|| "skenario".into());
    let slug: String = slug.chars().take(60).collect();
    format!("payung-{}.{ext}", slug.trim_end_matches('-'))
}

/// A QR code: its SVG, and how many modules wide it is with its quiet zone.
#[derive(Clone, Debug, PartialEq)]
pub struct Qr {
    pub svg: String,
    pub modules: usize,
}

impl Qr {
    /// The printed side in millimetres: half a millimetre a module, so that a phone reads a
    /// long link's dense code off paper, and at least the 28 mm a short link needs.
    pub fn printed_mm(&self) -> usize {
        self.modules.div_ceil(2).clamp(28, 48)
    }

    /// The printed code's CSS size (`printed_mm`), for both briefs.
    pub fn printed_style(&self) -> String {
        format!("width: {0}mm; height: {0}mm", self.printed_mm())
    }
}

/// The link as a QR code in SVG, with the standard 4-module quiet zone, at least 256 units
/// wide (it scales with CSS; print keeps it crisp). `None` if the text is too long for QR.
pub fn qr_svg(text: &str) -> Option<String> {
    qr(text).map(|q| q.svg)
}

/// `qr_svg`, with the code's width in modules.
pub fn qr(text: &str) -> Option<Qr> {
    use qrcode::render::svg;
    let code = qrcode::QrCode::with_error_correction_level(text, qrcode::EcLevel::M).ok()?;
    let modules = code.width() + 8;
    let svg = code
        .render::<svg::Color>()
        .quiet_zone(true)
        .min_dimensions(256, 256)
        .dark_color(svg::Color("#000000"))
        .light_color(svg::Color("#ffffff"))
        .build();
    // Drop the XML declaration so the same text works inline in HTML and as a file.
    let start = svg.find("<svg")?;
    Some(Qr {
        svg: svg[start..].to_string(),
        modules,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::presets;
    use serde_json::json;

    fn params() -> Parameters {
        Parameters::embedded().unwrap()
    }

    #[test]
    fn merge_patch_follows_rfc_7386_examples() {
        // Appendix A of RFC 7386: (target, patch, result).
        let cases = [
            (json!({"a":"b"}), json!({"a":"c"}), json!({"a":"c"})),
            (json!({"a":"b"}), json!({"b":"c"}), json!({"a":"b","b":"c"})),
            (json!({"a":"b"}), json!({"a":null}), json!({})),
            (
                json!({"a":"b","b":"c"}),
                json!({"a":null}),
                json!({"b":"c"}),
            ),
            (json!({"a":["b"]}), json!({"a":"c"}), json!({"a":"c"})),
            (json!({"a":"c"}), json!({"a":["b"]}), json!({"a":["b"]})),
            (
                json!({"a":{"b":"c"}}),
                json!({"a":{"b":"d","c":null}}),
                json!({"a":{"b":"d"}}),
            ),
            (json!({"a":[{"b":"c"}]}), json!({"a":[1]}), json!({"a":[1]})),
            (json!(["a", "b"]), json!(["c", "d"]), json!(["c", "d"])),
            (json!({"a":"b"}), json!(["c"]), json!(["c"])),
            (json!({"a":"foo"}), json!(null), json!(null)),
            (json!({"a":"foo"}), json!("bar"), json!("bar")),
            (json!({"e":null}), json!({"a":1}), json!({"e":null,"a":1})),
            (json!([1, 2]), json!({"a":"b","c":null}), json!({"a":"b"})),
            (
                json!({}),
                json!({"a":{"bb":{"ccc":null}}}),
                json!({"a":{"bb":{}}}),
            ),
        ];
        for (target, patch, result) in cases {
            let mut doc = target.clone();
            merge_apply(&mut doc, &patch);
            assert_eq!(doc, result, "{target} + {patch}");
        }
    }

    #[test]
    fn a_diff_applied_gives_the_target() {
        let from = json!({"a": 1, "b": {"c": "x", "d": [1, 2]}, "gone": true});
        let to = json!({"a": 1, "b": {"c": "y", "d": [1, 2]}, "new": {"k": 2}});
        let patch = merge_diff(&from, &to);
        assert_eq!(
            patch,
            json!({"b": {"c": "y"}, "new": {"k": 2}, "gone": null})
        );
        let mut doc = from.clone();
        merge_apply(&mut doc, &patch);
        assert_eq!(doc, to);
        assert_eq!(merge_diff(&to, &to), json!({}));
    }

    #[test]
    fn arrays_are_patched_element_by_element() {
        let from = json!({"s": [{"a": 1, "b": 2}, {"a": 3}], "t": []});
        let to = json!({"s": [{"a": 1, "b": 5}], "t": [null, [1]]});
        let patch = merge_diff(&indexed(from.clone()), &indexed(to.clone()));
        assert_eq!(
            patch,
            json!({"s": {"#": 1, "0": {"b": 5}, "1": null}, "t": {"#": 2, "0": null, "1": {"#": 1, "0": 1}}})
        );
        let mut doc = indexed(from);
        merge_apply(&mut doc, &patch);
        assert_eq!(unindexed(doc), Some(to));
        assert_eq!(unindexed(json!({"#": 1_000_000_000_000u64})), None);
        assert_eq!(unindexed(json!({"#": "x"})), None);
        assert_eq!(unindexed(json!({"#": 2, "1": 7})), Some(json!([null, 7])));
    }

    #[test]
    fn the_latest_link_edition_is_todays_presets() {
        for id in presets::IDS {
            let frozen: Value =
                serde_json::from_str(frozen_base(LINK_VERSION.into(), id).unwrap()).unwrap();
            let today = serde_json::to_value(presets::load(id).unwrap()).unwrap();
            assert_eq!(
                frozen,
                today,
                "preset `{id}` changed: copy today's presets' scenarios into data/links/v{} and \
                 raise LINK_VERSION, so that links made so far keep their numbers",
                LINK_VERSION + 1
            );
        }
    }

    #[test]
    fn every_edition_has_every_preset() {
        for edition in 1..=u64::from(LINK_VERSION) {
            for id in presets::IDS {
                let base = base_value(edition, id).unwrap();
                assert_eq!(base["preset"], id, "edition {edition}");
            }
        }
    }

    #[test]
    fn an_unchanged_preset_is_a_few_bytes() {
        let sc = presets::load("ambon").unwrap();
        let link = encode(&sc);
        assert!(link.starts_with("s=3."), "{link}");
        assert!(link.len() < 40, "{} characters: {link}", link.len());
        assert_eq!(decode(&link, &params()).unwrap().into_inner(), sc);
    }

    #[test]
    fn fragments_are_found_in_urls() {
        let sc = presets::load("bontang").unwrap();
        let link = encode(&sc);
        for text in [
            link.clone(),
            format!("#{link}"),
            format!("https://example.org/payung/#{link}"),
            format!("lang=en&{link}"),
            format!("  {link}\n"),
        ] {
            assert_eq!(decode(&text, &params()).unwrap().into_inner(), sc, "{text}");
        }
        assert_eq!(decode("", &params()), Err(ShareLinkError::Empty));
        assert_eq!(decode("#", &params()), Err(ShareLinkError::Empty));
        assert_eq!(decode("#results", &params()), Err(ShareLinkError::NotALink));
        assert_eq!(decode("s=", &params()), Err(ShareLinkError::Truncated));
        assert_eq!(decode("s=1", &params()), Err(ShareLinkError::Truncated));
        assert_eq!(decode("s=1.", &params()), Err(ShareLinkError::Truncated));
        assert_eq!(decode("s=x.abc", &params()), Err(ShareLinkError::Corrupted));
        assert_eq!(decode("s=0.abc", &params()), Err(ShareLinkError::Corrupted));
        // Whole and inflatable, but not text: corrupted, not a panic.
        let not_text = format!("s=3.{}", pack_payload(&[b'[', 0xff, 0xfe, b']']));
        assert_eq!(decode(&not_text, &params()), Err(ShareLinkError::Corrupted));
    }

    #[test]
    fn an_unknown_preset_falls_back_to_custom_and_keeps_its_id() {
        let mut sc = presets::load("maluku").unwrap();
        sc.preset = "atlantis".into();
        let link = encode(&sc);
        assert_eq!(decode(&link, &params()).unwrap().into_inner(), sc);
    }

    #[test]
    fn file_sizes_are_checked_before_reading() {
        assert!(check_file_size(MAX_BYTES as u64).is_ok());
        assert!(matches!(
            check_file_size(MAX_BYTES as u64 + 1),
            Err(ImportError::TooLarge { .. })
        ));
        assert!(check_file_size(u64::MAX).is_err());
    }

    #[test]
    fn file_names_are_slugs() {
        let mut sc = presets::load("ambon").unwrap();
        assert_eq!(
            file_name(&sc, "json"),
            "payung-kota-ambon-kondisi-2026.json"
        );
        sc.name = "  ".into();
        assert_eq!(file_name(&sc, "csv"), "payung-kota-ambon.csv");
        sc.region.name = "☂".into();
        assert_eq!(file_name(&sc, "csv"), "payung-skenario.csv");
    }

    #[test]
    fn qr_codes_are_svg_with_a_quiet_zone() {
        let svg = qr_svg("https://example.org/#s=1.abc").unwrap();
        assert!(svg.starts_with("<svg"), "{svg}");
        assert!(svg.contains("viewBox"));
        // The quiet zone is white: the path starts four modules in.
        assert!(svg.contains(r##"fill="#ffffff""##));
        assert!(qr_svg(&"x".repeat(5000)).is_none());
    }

    #[test]
    fn a_long_links_code_prints_larger() {
        let short = qr("https://example.org/#s=1.abc").unwrap();
        // Version 3 (29 modules) with its quiet zone.
        assert_eq!(short.modules, 37);
        assert_eq!(short.printed_mm(), 28);
        let long = qr(&format!("https://example.org/#s=3.{}", "a1B2".repeat(200))).unwrap();
        assert!(long.modules > 80, "{}", long.modules);
        assert!(long.printed_mm() > 40, "{}", long.printed_mm());
        assert!(long.printed_mm() <= 48);
    }
}
