//! The provinces whose own sources were edited in the national section, in the address
//! beside the scenario and the view: `nplan=<payload>`, e.g. `#s=3.eNq…&nplan=eNq…&national=81`.
//! The payload is base64url (no padding) of zlib-compressed JSON
//! `{"schema_version": 1, "provinces": [{"province": "81", "sources": […]}]}`: each edited
//! province's own sources exactly as in a province plan file (`regions::file`), over its
//! starting plan (`regions::OwnSources`). Every code is checked; a newer version is refused
//! by name. Older links have no such part and open every province on its starting plan.
//! The key must not end in `s`: the app takes any fragment holding `s=` for a scenario link.
//! Pure: no browser crates.

use super::{inflate_payload, pack_payload, ShareLinkError, MAX_INFLATED};
use crate::engine::regions::plan::PLAN_SCHEMA_VERSION;
use crate::engine::regions::{Catalogue, OwnSources, PlanFileError, ProvinceAmount};
use serde::{Deserialize, Serialize};

/// The fragment part's key.
pub const KEY: &str = "nplan";

/// Why the edited provinces in an address could not be read.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum PlansLinkError {
    /// Cut, changed or too large: the part's text.
    #[error(transparent)]
    Link(#[from] ShareLinkError),
    /// Read, but not edits this build accepts (an unknown code, a newer version).
    #[error(transparent)]
    Plan(#[from] PlanFileError),
}

/// The payload's JSON.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Payload {
    schema_version: u32,
    provinces: Vec<OwnSources>,
}

/// The part that carries `provinces` (`nplan=…`), or none when no province is edited.
pub fn part(provinces: &[OwnSources]) -> Option<String> {
    if provinces.is_empty() {
        return None;
    }
    let payload = Payload {
        schema_version: PLAN_SCHEMA_VERSION,
        provinces: provinces.to_vec(),
    };
    let json = serde_json::to_string(&payload).ok()?;
    Some(format!("{KEY}={}", pack_payload(json.as_bytes())))
}

/// The `nplan=…` part of a fragment (with or without `#`, or a whole address), if any.
pub fn part_of(fragment: &str) -> Option<&str> {
    let text = fragment.split_once('#').map_or(fragment, |(_, f)| f);
    text.split('&')
        .map(str::trim)
        .find(|p| super::is_fragment_part(p, (KEY, false)))
}

/// The edited provinces an address carries: none without the part.
pub fn provinces_of(
    fragment: &str,
    catalogue: &Catalogue,
) -> Result<Vec<OwnSources>, PlansLinkError> {
    let Some(part) = part_of(fragment) else {
        return Ok(Vec::new());
    };
    let payload = &part[KEY.len() + 1..];
    if payload.is_empty() {
        return Err(ShareLinkError::Truncated.into());
    }
    if payload.len() > MAX_INFLATED {
        let limit = MAX_INFLATED;
        return Err(ShareLinkError::TooLarge { limit }.into());
    }
    let json = inflate_payload(payload)?;
    let version = serde_json::from_str::<serde_json::Value>(&json)
        .ok()
        .and_then(|v| v.get("schema_version")?.as_u64())
        .ok_or(ShareLinkError::Corrupted)?;
    if version > u64::from(PLAN_SCHEMA_VERSION) {
        let supported = PLAN_SCHEMA_VERSION;
        return Err(PlanFileError::NewerVersion {
            found: version,
            supported,
        }
        .into());
    }
    let read: Payload = serde_json::from_str(&json).map_err(|_| ShareLinkError::Corrupted)?;
    for p in &read.provinces {
        known(p, catalogue)?;
    }
    Ok(read.provinces)
}

/// Every code `p` names is in this build's tables.
fn known(p: &OwnSources, catalogue: &Catalogue) -> Result<(), PlanFileError> {
    let unknown = |code: &str| PlanFileError::UnknownRegion(code.trim().to_string());
    if catalogue.province(p.province.trim()).is_none() {
        return Err(unknown(&p.province));
    }
    for s in &p.sources {
        if let ProvinceAmount::Quota { workers } = &s.amount {
            let known = |c: &String| catalogue.kabkota.iter().any(|k| k.code == c.trim());
            if let Some(code) = workers.keys().find(|c| !known(c)) {
                return Err(unknown(code));
            }
        }
    }
    Ok(())
}

/// `fragment` (without `#`) with its plans part set to `part` (`nplan=…`) or removed for
/// `None`; the other parts keep their order and the plans go last.
pub fn with_part(fragment: &str, part: Option<&str>) -> String {
    super::with_fragment_part(fragment, (KEY, false), part)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::regions::{self, NationalScenario};
    use crate::engine::Parameters;
    use rust_decimal::Decimal;

    fn maluku(yearly: i64) -> OwnSources {
        let params = Parameters::embedded().unwrap();
        let catalogue = regions::catalogue().unwrap();
        let mut p = NationalScenario::starting()
            .unwrap()
            .starting_province(&params, catalogue, "81")
            .unwrap();
        p.sources[0].amount = ProvinceAmount::Apbd {
            yearly: Decimal::from(yearly),
        };
        OwnSources {
            province: p.province,
            sources: p.sources,
        }
    }

    #[test]
    fn edited_provinces_come_back_from_the_address_beside_the_scenario_and_view() {
        let catalogue = regions::catalogue().unwrap();
        let edited = vec![maluku(12_345_000_000)];
        let nplan = part(&edited).unwrap();
        assert!(
            !nplan.contains("s="),
            "the app would take it for a scenario"
        );
        let fragment = with_part("s=3.eNq&national=81", Some(&nplan));
        assert!(fragment.starts_with("s=3.eNq&national=81&nplan="));
        assert_eq!(provinces_of(&format!("#{fragment}"), catalogue), Ok(edited));
        // Older links and a cleared edit carry none.
        assert_eq!(provinces_of("#s=3.eNq&national=81", catalogue), Ok(vec![]));
        assert_eq!(with_part(&fragment, None), "s=3.eNq&national=81");
        assert_eq!(part(&[]), None);
    }

    #[test]
    fn a_cut_or_changed_part_an_unknown_code_or_a_newer_version_is_refused_by_reason() {
        let catalogue = regions::catalogue().unwrap();
        let nplan = part(&[maluku(1_000_000)]).unwrap();
        let cut = &nplan[..nplan.len() - 6];
        assert!(matches!(
            provinces_of(cut, catalogue),
            Err(PlansLinkError::Link(ShareLinkError::Truncated))
        ));
        assert!(provinces_of("nplan=", catalogue).is_err());
        let mut odd = maluku(1_000_000);
        odd.province = "99".into();
        let odd = part(&[odd]).unwrap();
        assert_eq!(
            provinces_of(&odd, catalogue),
            Err(PlansLinkError::Plan(PlanFileError::UnknownRegion(
                "99".into()
            )))
        );
        let newer = format!(
            r#"{{"schema_version":{},"provinces":[]}}"#,
            PLAN_SCHEMA_VERSION + 1
        );
        let newer = format!("{KEY}={}", pack_payload(newer.as_bytes()));
        assert!(matches!(
            provinces_of(&newer, catalogue),
            Err(PlansLinkError::Plan(PlanFileError::NewerVersion { .. }))
        ));
    }
}
