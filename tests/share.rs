//! Share links and scenario JSON: random valid scenarios go to a link and back, and to JSON
//! and back, unchanged (decimals to the digit); damaged links of every kind give the right
//! error; and neither decoder panics on arbitrary input.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use payung::engine::import::{scenario_from_json, scenario_to_json};
use payung::engine::scenario::{Amount, FundingSource, RegionKind, SourceKind, StartingCover};
use payung::engine::{presets, Field, Parameters, Scenario, SourceField, YearMonth};
use payung::ui::share::{decode, encode, ShareLinkError};
use proptest::prelude::*;
use proptest::test_runner::RngSeed;
use rust_decimal::Decimal;
use std::sync::OnceLock;

fn params() -> &'static Parameters {
    static PARAMS: OnceLock<Parameters> = OnceLock::new();
    PARAMS.get_or_init(|| Parameters::embedded().unwrap())
}

/// A link made by hand from a payload JSON, as a future or hostile encoder might.
fn link_from_payload(version: &str, payload: &str) -> String {
    let packed = miniz_oxide::deflate::compress_to_vec_zlib(payload.as_bytes(), 6);
    format!("s={version}.{}", URL_SAFE_NO_PAD.encode(packed))
}

/// The scenario as the JSON text that must survive, digit for digit.
fn exact(sc: &Scenario) -> String {
    scenario_to_json(sc)
}

// ------------------------------------------------------------------ random valid scenarios

/// A decimal in `[lo, hi]` (given in units of 10^-2) written with 2 to 6 decimal places,
/// so trailing zeros ("0.10") and long fractions ("0.012345") both occur.
fn decimal(lo: i64, hi: i64) -> impl Strategy<Value = Decimal> {
    (2u32..=6, any::<u32>()).prop_map(move |(scale, r)| {
        let f = 10i64.pow(scale - 2);
        let (lo, hi) = (lo * f, hi * f);
        let span = (hi - lo + 1) as u64;
        Decimal::new(lo + (u64::from(r) % span) as i64, scale)
    })
}

fn text(max: usize) -> impl Strategy<Value = String> {
    proptest::string::string_regex(&format!(
        "[A-Za-z0-9][A-Za-z0-9 ÀéÜñ☂:%.,()\"'/\\\\-]{{0,{max}}}"
    ))
    .unwrap()
}

fn new_source(i: usize) -> impl Strategy<Value = FundingSource> {
    (
        0..7usize,
        any::<u8>(),
        0u64..5_000_000_000,
        2018..2040i32,
        prop::option::of(0..6i32),
        1..=12u8,
        decimal(-50, 100),
        prop::option::of(0u64..100_000),
        any::<bool>(),
        0..99u32,
    )
        .prop_map(
            move |(k, rule, money, first, span, month, growth, cap, discount, priority)| {
                let kind = SourceKind::ALL[k];
                let amount = match (rule % 4, kind) {
                    (0, SourceKind::DanaDesa) => Amount::DanaDesa {
                        share: Decimal::new((money % 101) as i64, 2),
                        per_desa: Decimal::from(money % 2_000_000_000),
                    },
                    (0, SourceKind::BapakAsuh) => Amount::BapakAsuh {
                        participation: Decimal::new((money % 1001) as i64, 3),
                        workers_per_sponsor: Decimal::new((money % 100) as i64, 1),
                    },
                    (1, _) => Amount::Workers {
                        workers: money % 10_000_000,
                    },
                    _ => Amount::Rupiah {
                        yearly: Decimal::new(money as i64, (rule % 3).into()),
                    },
                };
                FundingSource {
                    name: format!("Sumber baru {i}"),
                    kind,
                    priority,
                    amount,
                    first_year: first,
                    last_year: span.map(|s| first + s),
                    first_month: month,
                    growth,
                    by_year: Default::default(),
                    cap_workers: cap,
                    discount: discount && !kind.is_public_budget(),
                    groups: Vec::new(),
                }
            },
        )
}

/// Changes to the funding sources: drop some, edit the rest, add new ones.
#[derive(Clone, Debug)]
struct SourceEdits {
    keep: Vec<bool>,
    yearly: Vec<Option<Decimal>>,
    growth: Vec<Option<Decimal>>,
    cap: Vec<Option<Option<u64>>>,
    month: Vec<Option<u8>>,
    added: Vec<FundingSource>,
}

fn source_edits() -> impl Strategy<Value = SourceEdits> {
    (
        prop::collection::vec(prop::bool::weighted(0.8), 8),
        prop::collection::vec(prop::option::weighted(0.3, decimal(0, 900_000_000_000)), 8),
        prop::collection::vec(prop::option::weighted(0.3, decimal(-50, 100)), 8),
        prop::collection::vec(
            prop::option::weighted(0.3, prop::option::of(0u64..1_000_000)),
            8,
        ),
        prop::collection::vec(prop::option::weighted(0.2, 1..=12u8), 8),
        (0..4usize).prop_flat_map(|n| (0..n).map(new_source).collect::<Vec<_>>()),
    )
        .prop_map(|(keep, yearly, growth, cap, month, added)| SourceEdits {
            keep,
            yearly,
            growth,
            cap,
            month,
            added,
        })
}

prop_compose! {
    /// A preset with random changes to many fields; always valid.
    fn scenario()(
        preset in prop::sample::select(presets::IDS.to_vec()),
        (name, region_name, kind) in (
            prop::option::weighted(0.5, text(60)),
            prop::option::weighted(0.3, text(40)),
            prop::option::weighted(0.2, prop::sample::select(vec![RegionKind::Kota, RegionKind::Kabupaten, RegionKind::Provinsi])),
        ),
        (workers, growth, desa, kelurahan, asn) in (
            prop::option::weighted(0.5, 1u64..5_000_000),
            prop::option::weighted(0.5, decimal(-10, 10)),
            prop::option::weighted(0.3, 0u32..=10_000),
            prop::option::weighted(0.3, 0u32..=10_000),
            prop::option::weighted(0.3, 0u32..=1_000_000),
        ),
        (start, years, jht, income) in (
            prop::option::weighted(0.3, (2020..2035i32, 1..=12u8)),
            prop::option::weighted(0.3, 1..=20u32),
            prop::option::weighted(0.3, any::<bool>()),
            prop::option::weighted(0.4, 1_000_000u64..=20_700_000),
        ),
        sources in source_edits(),
        (listed, yield_, per_month, lapse, reenrol) in (
            prop::option::weighted(0.4, 0u64..=20_000_000),
            prop::option::weighted(0.4, decimal(10, 100)),
            prop::option::weighted(0.4, 0u64..=1_000_000),
            prop::option::weighted(0.4, decimal(0, 40)),
            prop::option::weighted(0.2, any::<bool>()),
        ),
        risk in (
            prop::option::weighted(0.3, decimal(100, 1000)),
            prop::option::weighted(0.3, decimal(0, 30)),
            prop::option::weighted(0.3, decimal(0, 1000)),
            prop::option::weighted(0.3, decimal(100_000_000, 5_000_000_000)),
            prop::option::weighted(0.3, decimal(50, 100)),
            prop::option::weighted(0.3, 0..=24u32),
            prop::option::weighted(0.3, decimal(0, 100)),
            prop::option::weighted(0.3, decimal(0, 10)),
        ),
        (target, target_offset, covered_months) in (
            prop::option::weighted(0.5, decimal(1, 100)),
            prop::option::weighted(0.3, 0..20i32),
            prop::option::weighted(0.2, 0..120u32),
        ),
    ) -> Scenario {
        let mut sc = presets::load(preset).unwrap();
        if let Some(n) = name { sc.name = n; }
        if let Some(n) = region_name { sc.region.name = n; }
        if let Some(k) = kind { sc.region.kind = k; }
        if let Some(g) = growth { sc.region.worker_growth = g; }
        if let Some(d) = desa { sc.region.desa = d; }
        if let Some(k) = kelurahan { sc.region.kelurahan = k; }
        if let Some(a) = asn { sc.region.asn = a; }
        if let Some((y, m)) = start { sc.horizon.start = YearMonth::new(y, m); }
        if let Some(y) = years { sc.horizon.years = y; }
        if let Some(j) = jht { sc.programmes.jht = j; }
        if let Some(i) = income { sc.programmes.declared_income = Decimal::from(i); }

        // Sources: drop, edit, add; starting cover follows the sources that remain.
        let mut kept = Vec::new();
        for (i, mut s) in std::mem::take(&mut sc.sources).into_iter().enumerate() {
            if !sources.keep[i % 8] { continue; }
            if let (Some(y), Amount::Rupiah { yearly }) = (sources.yearly[i % 8], &mut s.amount) { *yearly = y; }
            if let Some(g) = sources.growth[i % 8] { s.growth = g; }
            if let Some(c) = sources.cap[i % 8] { s.cap_workers = c; }
            if let Some(m) = sources.month[i % 8] { s.first_month = m; }
            kept.push(s);
        }
        kept.extend(sources.added);
        kept.truncate(12);
        sc.sources = kept;
        let names: Vec<String> = sc.sources.iter().map(|s| s.name.clone()).collect();
        sc.region.covered_at_start.retain(|c| names.contains(&c.source));
        if let (Some(months), Some(first)) = (covered_months, names.first()) {
            sc.region.covered_at_start.push(StartingCover { source: first.clone(), workers: 10, months_of_membership: months, group: None });
        }
        let covered: u64 = sc.region.covered_at_start.iter().map(|c| c.workers).sum();
        if let Some(w) = workers { sc.region.vulnerable_workers = w.max(covered).max(1); }

        if let Some(l) = listed { sc.enrolment.listed = l; }
        if let Some(y) = yield_ { sc.enrolment.verification_yield = y; }
        if let Some(p) = per_month { sc.enrolment.verification_per_month = p; }
        if let Some(l) = lapse { sc.enrolment.lapse_rate = l; }
        if let Some(r) = reenrol { sc.enrolment.reenrol = r; }
        let r = &mut sc.risk;
        if let Some(v) = risk.0 { r.deaths_per_thousand = v; }
        if let Some(v) = risk.1 { r.work_death_share = v; }
        if let Some(v) = risk.2 { r.accidents_per_thousand = v; }
        if let Some(v) = risk.3 { r.accident_cost = v; }
        if let Some(v) = risk.4 { r.claim_share = v; }
        if let Some(v) = risk.5 { r.claim_lag_months = v; }
        if let Some(v) = risk.6 { r.scholarship_share = v; }
        if let Some(v) = risk.7 { r.jht_return = v; }
        if let Some(t) = target { sc.target.coverage = t; }
        let (first, last) = (sc.horizon.start.year, sc.horizon.last_month().year);
        if let Some(o) = target_offset { sc.target.year = first + o; }
        sc.target.year = sc.target.year.clamp(first, last);
        sc
    }
}

fn valid_scenario() -> impl Strategy<Value = Scenario> {
    scenario().prop_filter("valid", |sc| sc.clone().validate(params()).is_ok())
}

proptest! {
    #![proptest_config(ProptestConfig {
        // A fixed seed: CI explores the same cases every run (a failure is reproducible).
        rng_seed: RngSeed::Fixed(20261130),
        ..ProptestConfig::with_cases(300)
    })]

    #[test]
    fn a_link_restores_exactly_the_same_scenario(sc in valid_scenario()) {
        let link = encode(&sc);
        let back = decode(&link, params()).map_err(|e| TestCaseError::fail(format!("{e:?} for {link}")))?;
        prop_assert_eq!(exact(&back), exact(&sc));
        prop_assert_eq!(back.into_inner(), sc);
    }

    #[test]
    fn json_restores_exactly_the_same_scenario(sc in valid_scenario()) {
        let json = scenario_to_json(&sc);
        let back = scenario_from_json(&json).map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
        prop_assert_eq!(exact(&back), json);
        prop_assert_eq!(back, sc);
    }
}

// ------------------------------------------------------------------ arbitrary input

proptest! {
    #[test]
    fn the_decoders_survive_arbitrary_text(text in any::<String>()) {
        let _ = decode(&text, params());
        let _ = decode(&format!("s=1.{text}"), params());
        let _ = scenario_from_json(&text);
    }

    #[test]
    fn the_decoders_survive_arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        let text = String::from_utf8_lossy(&bytes);
        let _ = decode(&text, params());
        let _ = scenario_from_json(&text);
        // Past base64 and past zlib: arbitrary bytes as the payload and as its inflated JSON.
        let _ = decode(&format!("s=1.{}", URL_SAFE_NO_PAD.encode(&bytes)), params());
        let _ = decode(&link_from_payload("1", &text), params());
    }

    #[test]
    fn the_decoders_survive_json_that_is_almost_a_link(
        preset in "[a-z-]{0,12}",
        patch in r#"\{("[a-z_.]{1,20}": ?(null|[0-9]{1,25}|"[0-9a-z.]{0,10}"|\[\]|\{\}|\{"[a-z_]{1,12}": ?[0-9-]{1,8}\}),? ?){0,6}\}"#,
    ) {
        let _ = decode(&link_from_payload("1", &format!(r#"["{preset}",{patch}]"#)), params());
        let _ = scenario_from_json(&patch);
    }
}

// ------------------------------------------------------------------ sizes

#[test]
fn an_unchanged_preset_makes_a_short_link() {
    for id in presets::IDS {
        let sc = presets::load(id).unwrap();
        let link = encode(&sc);
        eprintln!("{id:>11} unchanged: {} characters ({link})", link.len());
        assert!(link.len() < 60, "{id}: {} characters", link.len());
        assert_eq!(decode(&link, params()).unwrap().into_inner(), sc);
    }
}

#[test]
fn an_edited_scenario_makes_a_much_shorter_link_than_its_json() {
    let mut sc = presets::load("ambon").unwrap();
    sc.name = "Opsi A: APBD naik 20%".into();
    if let Amount::Rupiah { yearly } = &mut sc.sources[0].amount {
        *yearly = Decimal::from(3_628_800_000u64);
    }
    sc.programmes.jht = true;
    let link = encode(&sc);
    let json = serde_json::to_string(&sc).unwrap();
    eprintln!(
        "typical edit: link {} characters; compact JSON {}, pretty JSON {}",
        link.len(),
        json.len(),
        scenario_to_json(&sc).len()
    );
    assert!(
        link.len() * 3 < json.len(),
        "{} vs {}",
        link.len(),
        json.len()
    );
    assert_eq!(decode(&link, params()).unwrap().into_inner(), sc);

    // An edit outside the source list costs only its own field.
    let mut small = presets::load("ambon").unwrap();
    small.enrolment.verification_per_month = 3_000;
    let link = encode(&small);
    eprintln!("one enrolment field: link {} characters", link.len());
    assert!(link.len() < 100, "{link}");
}

// ------------------------------------------------------------------ damaged links

fn edited_link() -> (Scenario, String) {
    let mut sc = presets::load("kota-jambi").unwrap();
    sc.name = "Opsi B".into();
    sc.sources[0].growth = Decimal::new(5, 2);
    sc.risk.claim_lag_months = 6;
    let link = encode(&sc);
    (sc, link)
}

#[test]
fn every_truncated_link_says_it_is_truncated() {
    let (_, link) = edited_link();
    for end in 0..link.len() {
        let cut = &link[..end];
        let expected = match end {
            0 => ShareLinkError::Empty,
            1 => ShareLinkError::NotALink,
            _ => ShareLinkError::Truncated,
        };
        assert_eq!(decode(cut, params()), Err(expected), "{cut:?}");
    }
}

#[test]
fn every_changed_character_is_caught() {
    let (sc, link) = edited_link();
    let alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let (mut caught, mut harmless) = (0, 0);
    for i in 0..link.len() {
        let mut replacements: Vec<u8> = alphabet.to_vec();
        replacements.extend(b"=.+/ %");
        for &r in &replacements {
            let mut bytes = link.clone().into_bytes();
            if bytes[i] == r {
                continue;
            }
            bytes[i] = r;
            let changed = String::from_utf8(bytes).unwrap();
            match decode(&changed, params()) {
                // Only bits that nothing reads (the padding after the last deflate block):
                // the scenario is still exactly the one sent.
                Ok(v) => {
                    assert_eq!(exact(&v), exact(&sc), "{changed}");
                    harmless += 1;
                }
                Err(
                    ShareLinkError::Corrupted
                    | ShareLinkError::Truncated
                    | ShareLinkError::NotALink
                    | ShareLinkError::FutureVersion { .. },
                ) => caught += 1,
                Err(e) => panic!("{changed}: {e:?}"),
            }
        }
    }
    eprintln!("changed characters: {caught} caught, {harmless} harmless");
    assert!(
        caught > 50 * harmless,
        "{caught} caught, {harmless} harmless"
    );
}

#[test]
fn the_first_characters_name_their_problem() {
    let (_, link) = edited_link();
    let payload = &link[4..];
    let at = |s: String| decode(&s, params());
    assert_eq!(at(format!("t=1.{payload}")), Err(ShareLinkError::NotALink));
    assert_eq!(at(format!("s:1.{payload}")), Err(ShareLinkError::NotALink));
    assert_eq!(at(format!("s=0.{payload}")), Err(ShareLinkError::Corrupted));
    assert_eq!(at(format!("s=x.{payload}")), Err(ShareLinkError::Corrupted));
    assert_eq!(at(format!("s=1x{payload}")), Err(ShareLinkError::Corrupted));
}

#[test]
fn a_future_version_is_refused_before_reading_its_payload() {
    let (_, link) = edited_link();
    let future = link.replacen("s=3.", "s=9.", 1);
    assert_eq!(
        decode(&future, params()),
        Err(ShareLinkError::FutureVersion {
            found: 9,
            supported: 3
        })
    );
    // Its payload may be in any format at all.
    assert!(matches!(
        decode("s=12.whatever+comes/next", params()),
        Err(ShareLinkError::FutureVersion { found: 12, .. })
    ));
}

#[test]
fn an_out_of_range_value_names_its_field() {
    let mut sc = presets::load("ambon").unwrap();
    sc.sources[0].first_month = 13;
    match decode(&encode(&sc), params()) {
        Err(ShareLinkError::Invalid(e)) => {
            assert_eq!(e.field, Field::Source(0, SourceField::FirstMonth))
        }
        other => panic!("{other:?}"),
    }
    // The same written straight into a patch, with only the field that changed.
    let patch = r#"["ambon",{"horizon":{"start":{"month":13}}}]"#;
    match decode(&link_from_payload("1", patch), params()) {
        Err(ShareLinkError::Invalid(e)) => assert_eq!(e.field, Field::StartMonth),
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_wrong_shape_names_its_path() {
    let patch = r#"["ambon",{"region":{"desa":"many"}}]"#;
    match decode(&link_from_payload("1", patch), params()) {
        Err(ShareLinkError::WrongShape { path, field, .. }) => {
            assert_eq!(path, "region.desa");
            assert_eq!(field, Some(Field::Desa));
        }
        other => panic!("{other:?}"),
    }
    let patch = r#"["ambon",{"sources":[{"name":"x"}]}]"#;
    match decode(&link_from_payload("1", patch), params()) {
        Err(ShareLinkError::WrongShape { path, .. }) => assert!(path.starts_with("sources[0]")),
        other => panic!("{other:?}"),
    }
}

#[test]
fn unknown_presets_and_foreign_payloads_are_refused() {
    assert_eq!(
        decode(&link_from_payload("1", r#"["atlantis",{}]"#), params()),
        Err(ShareLinkError::UnknownPreset {
            id: "atlantis".into()
        })
    );
    for payload in [
        r#"{"a":1}"#,
        r#"["ambon"]"#,
        r#"[1,{}]"#,
        r#"["ambon",[]]"#,
        "nope",
    ] {
        assert_eq!(
            decode(&link_from_payload("1", payload), params()),
            Err(ShareLinkError::Corrupted),
            "{payload}"
        );
    }
}

#[test]
fn a_zip_bomb_is_stopped() {
    let bomb = format!(r#"["ambon",{{"name":"{}"}}]"#, " ".repeat(5_000_000));
    let link = link_from_payload("1", &bomb);
    assert!(link.len() < 20_000, "{}", link.len());
    assert!(matches!(
        decode(&link, params()),
        Err(ShareLinkError::TooLarge { .. })
    ));
}

#[test]
fn a_link_made_today_keeps_opening() {
    // Made by this build from "ambon" with the name, the APBD amount and JHT changed. If
    // this fails, links already sent to people would break: add a migration instead.
    const LINK: &str = "s=1.eNoljLsKwzAQBH9FLKRTIRwIRp1D-qQPKS5G-HmSOUmFMf53W3iKZZliviD-Bw-9wRM7WLyXOKjGqubzfClPw6Qqc4PGIqETYnYRdsPYJ9gk2e0aMWRpL23KEIfsU3mrI5nXM3p_VHVtCthPfgfA-yV0";
    let sc = decode(LINK, params()).unwrap();
    assert_eq!(sc.name, "Opsi A: APBD naik 20%");
    assert!(sc.programmes.jht);
    assert_eq!(
        sc.sources[0].amount,
        Amount::Rupiah {
            yearly: Decimal::from(3_628_800_000u64)
        }
    );
}

/// A link exactly as an earlier release wrote it: `s=<edition>.` + base64url(zlib(payload)).
fn old_link(edition: u32, payload: serde_json::Value) -> String {
    use base64::engine::general_purpose::URL_SAFE_NO_PAD;
    use base64::Engine as _;
    let packed = miniz_oxide::deflate::compress_to_vec_zlib(payload.to_string().as_bytes(), 10);
    format!("s={edition}.{}", URL_SAFE_NO_PAD.encode(packed))
}

#[test]
fn links_made_before_the_presets_changed_keep_their_numbers() {
    // Edition 1 links patched the presets as they were then. Kota Jambi's has since changed
    // (its list is now a verification backlog, its budget today's cover), yet an old link
    // with only the name edited opens with the old figures.
    let link = old_link(1, serde_json::json!(["kota-jambi", {"name": "Opsi lama"}]));
    let sc = decode(&link, params()).unwrap().into_inner();
    assert_eq!(sc.name, "Opsi lama");
    assert_eq!(sc.enrolment.verification_yield, Decimal::new(2, 1));
    assert_eq!(
        sc.sources[0].amount,
        Amount::Rupiah {
            yearly: Decimal::from(1_071_705_600u64)
        }
    );
    let today = presets::load("kota-jambi").unwrap();
    assert_ne!(
        today.enrolment.verification_yield,
        sc.enrolment.verification_yield
    );
    assert_ne!(today.sources[0].amount, sc.sources[0].amount);

    // Bontang's old link: edition 1 gave a source starting in October its whole yearly
    // amount in its first year. The migration writes that amount out for 2023, so the link
    // still opens with Rp7.4 billion for October–December 2023, not today's pro-rated 3/12.
    let link = old_link(1, serde_json::json!(["bontang", {}]));
    let sc = decode(&link, params()).unwrap();
    assert_eq!(
        sc.sources[0].by_year.get(&2023),
        Some(&Decimal::from(7_400_000_000u64))
    );
    let o = payung::engine::simulate(params(), &sc);
    assert_eq!(
        o.years[0].budget_by_source[0],
        Decimal::from(7_400_000_000u64)
    );
    let today = presets::load("bontang").unwrap();
    let o_today = payung::engine::simulate(params(), &today.validate(params()).unwrap());
    assert_eq!(
        o_today.years[0].budget_by_source[0],
        Decimal::from(1_850_000_000u64)
    );
}

#[test]
fn a_link_of_this_edition_repeats_its_edition_inside_the_checksum() {
    let link = encode(&presets::load("ambon").unwrap());
    assert!(link.starts_with("s=3."));
    // The same payload read as an edition 1 link is refused, not opened against old bases.
    assert_eq!(
        decode(&link.replacen("s=3.", "s=1.", 1), params()),
        Err(ShareLinkError::Corrupted)
    );
}

#[test]
fn a_link_cannot_rebuild_more_array_elements_than_a_scenario_could_hold() {
    // Twenty arrays of a thousand elements each under keys no scenario has: refused before
    // anything is rebuilt past the budget, not after filling memory.
    let mut patch = serde_json::Map::new();
    for k in 0..20 {
        patch.insert(format!("x{k}"), serde_json::json!({"#": 1000}));
    }
    let link = old_link(2, serde_json::json!([2, "ambon", patch]));
    assert_eq!(decode(&link, params()), Err(ShareLinkError::Corrupted));
}
