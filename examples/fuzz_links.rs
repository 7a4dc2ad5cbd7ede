//! A deterministic fuzzer for the two decoders that read outside input: share links
//! (`ui::share::decode`) and scenario JSON (`engine::import::scenario_from_json`).
//!
//! ```sh
//! cargo run --release --example fuzz_links -- 1000000      # inputs, then an optional seed
//! cargo run --example fuzz_links -- 100000 7               # debug build: keeps going after a panic
//! ```
//!
//! Every input goes to both decoders. Inputs mix random bytes, random ASCII, base64url of
//! random bytes, zlib of random bytes, and mutated real links, link payloads and scenario
//! files: bytes (flips, cuts, insertions, splices, hostile tokens) and JSON structure
//! (values swapped for limits, keys and elements removed, added or duplicated). The same
//! seed gives the same inputs. A scenario that parses is also validated. A panicking input is
//! printed and the run exits non-zero; the release profile aborts on panic, so there the run
//! stops at the first one (after printing it).

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use payung::engine::import::{scenario_from_json, scenario_to_json, ImportError};
use payung::engine::scenario::{Amount, FundingSource, SourceKind};
use payung::engine::{presets, Parameters, Scenario};
use payung::ui::share::{decode, encode, ShareLinkError};
use rand::rngs::StdRng;
use rand::{RngExt, SeedableRng};
use rust_decimal::Decimal;
use serde_json::Value;
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::process::ExitCode;
use std::time::Instant;

thread_local! {
    /// The input being decoded, for the panic hook to print.
    static CURRENT: RefCell<String> = const { RefCell::new(String::new()) };
}

/// Tokens that stress a JSON reader and the scenario's types.
const TOKENS: &[&str] = &[
    "null",
    "true",
    "false",
    "0",
    "-1",
    "13",
    "255",
    "256",
    "4294967296",
    "18446744073709551616",
    "-9223372036854775809",
    "1e999",
    "-0.0",
    "0.1000000000000000000000000000001",
    "\"\"",
    "\"79228162514264337593543950336\"",
    "\"1e30\"",
    "\"-0\"",
    "\"☂\"",
    "\"\\u0000\"",
    "\"\\ud800\"",
    "[]",
    "{}",
    "[[[[[[[[[[[[[[[[[[[[",
    "{\"#\":4294967295}",
    "{\"#\":2}",
    "\"#\"",
    ":",
    ",",
    "\"sources\"",
    "\"first_month\"",
    "\"schema_version\"",
    "\"covered_at_start\"",
];

/// Whole numbers at and around the scenario's limits.
const NUMBERS: &[i64] = &[
    0,
    1,
    -1,
    12,
    13,
    24,
    25,
    99,
    100,
    2014,
    2015,
    2045,
    2046,
    10_000,
    10_001,
    10_000_000,
    10_000_001,
    20_000_001,
    357_913_942,
    2_147_483_647,
    4_294_967_295,
    i64::MAX,
    i64::MIN,
];

/// Decimals at and around the scenario's limits.
const DECIMALS: &[&str] = &[
    "0",
    "-0",
    "0.00",
    "1",
    "1.0000000001",
    "-0.1",
    "-0.51",
    "0.0999999",
    "0.41",
    "10000000000001",
    "79228162514264337593543950335",
    "-79228162514264337593543950335",
    "0.0000000000000000000000000001",
];

/// Real inputs to mutate: links, link payloads (inflated) and scenario files.
struct Corpus {
    links: Vec<String>,
    payloads: Vec<String>,
    files: Vec<String>,
}

fn edits(base: &Scenario) -> Vec<Scenario> {
    let mut out = vec![base.clone()];
    let mut named = base.clone();
    named.name = "Opsi ☂: APBD naik 20% \"uji\"".into();
    named.programmes.jht = !named.programmes.jht;
    out.push(named);
    let mut fewer = base.clone();
    fewer.sources.pop();
    let names: Vec<String> = fewer.sources.iter().map(|s| s.name.clone()).collect();
    fewer
        .region
        .covered_at_start
        .retain(|c| names.contains(&c.source));
    out.push(fewer);
    let mut more = base.clone();
    more.sources.push(FundingSource {
        name: "CSR baru".into(),
        kind: SourceKind::Csr,
        priority: 9,
        amount: Amount::Rupiah {
            yearly: Decimal::new(125_000_000_005, 2),
        },
        first_year: base.horizon.start.year,
        last_year: Some(base.horizon.start.year + 2),
        first_month: 7,
        growth: Decimal::new(125, 4),
        by_year: Default::default(),
        cap_workers: Some(5_000),
        discount: true,
        groups: Vec::new(),
    });
    more.risk.claim_lag_months = 9;
    out.push(more);
    out
}

fn corpus() -> Corpus {
    let mut c = Corpus {
        links: Vec::new(),
        payloads: Vec::new(),
        files: Vec::new(),
    };
    for id in presets::IDS {
        let Ok(base) = presets::load(id) else {
            continue;
        };
        for sc in edits(&base) {
            let link = encode(&sc);
            if let Some(payload) = inflate(&link) {
                c.payloads.push(payload);
            }
            c.links.push(link);
            c.files.push(scenario_to_json(&sc));
        }
    }
    c
}

/// The JSON inside a link made by `encode`.
fn inflate(link: &str) -> Option<String> {
    let (_, payload) = link.split_once('.')?;
    let packed = URL_SAFE_NO_PAD.decode(payload).ok()?;
    let bytes = miniz_oxide::inflate::decompress_to_vec_zlib(&packed).ok()?;
    String::from_utf8(bytes).ok()
}

/// A valid link around any payload text, so the input reaches the patch and the parser.
fn pack(version: &str, payload: &[u8]) -> String {
    let packed = miniz_oxide::deflate::compress_to_vec_zlib(payload, 1);
    format!("s={version}.{}", URL_SAFE_NO_PAD.encode(packed))
}

fn pick<'a, T>(rng: &mut StdRng, items: &'a [T]) -> &'a T {
    &items[rng.random_range(0..items.len())]
}

fn random_bytes(rng: &mut StdRng, max: usize) -> Vec<u8> {
    let mut bytes = vec![0u8; rng.random_range(0..=max)];
    rng.fill(&mut bytes[..]);
    bytes
}

fn random_ascii(rng: &mut StdRng, max: usize) -> String {
    let n = rng.random_range(0..=max);
    (0..n)
        .map(|_| char::from(rng.random_range(0x20u8..0x7f)))
        .collect()
}

/// One to four byte-level mutations: flips, cuts, insertions, duplications, splices.
fn mutate(rng: &mut StdRng, mut bytes: Vec<u8>, others: &[String]) -> Vec<u8> {
    for _ in 0..rng.random_range(1..=4) {
        let len = bytes.len();
        match rng.random_range(0..8) {
            0 if len > 0 => {
                let i = rng.random_range(0..len);
                bytes[i] ^= 1 << rng.random_range(0..8);
            }
            1 if len > 0 => bytes.truncate(rng.random_range(0..len)),
            2 if len > 0 => {
                let a = rng.random_range(0..len);
                let b = rng.random_range(a..=len.min(a + 16));
                bytes.drain(a..b);
            }
            3 => {
                let at = rng.random_range(0..=len);
                let token = pick(rng, TOKENS).as_bytes().to_vec();
                bytes.splice(at..at, token);
            }
            4 => {
                let at = rng.random_range(0..=len);
                let extra = random_ascii(rng, 8).into_bytes();
                bytes.splice(at..at, extra);
            }
            5 if len > 0 => {
                let a = rng.random_range(0..len);
                let b = rng.random_range(a..=len);
                let chunk = bytes[a..b].to_vec();
                let at = rng.random_range(0..=len);
                bytes.splice(at..at, chunk);
            }
            6 => {
                // Splice: this input's head with another's tail.
                let other = pick(rng, others).as_bytes();
                let cut = rng.random_range(0..=len);
                let from = rng.random_range(0..=other.len());
                bytes.truncate(cut);
                bytes.extend_from_slice(&other[from..]);
            }
            _ if len > 0 => {
                let i = rng.random_range(0..len);
                bytes[i] = rng.random();
            }
            _ => bytes.push(rng.random()),
        }
    }
    bytes
}

/// A random JSON value, sometimes shaped like an indexed array (`{"#": n, "0": …}`).
fn random_json(rng: &mut StdRng, depth: u32) -> String {
    if depth == 0 || rng.random_bool(0.3) {
        return pick(rng, TOKENS).to_string();
    }
    match rng.random_range(0..3) {
        0 => {
            let items: Vec<String> = (0..rng.random_range(0..4))
                .map(|_| random_json(rng, depth - 1))
                .collect();
            format!("[{}]", items.join(","))
        }
        1 => {
            const KEYS: &[&str] = &[
                "#", "0", "1", "name", "region", "sources", "amount", "rule", "yearly", "horizon",
                "start", "month", "desa", "target", "preset",
            ];
            let fields: Vec<String> = (0..rng.random_range(0..5))
                .map(|_| format!("\"{}\":{}", pick(rng, KEYS), random_json(rng, depth - 1)))
                .collect();
            format!("{{{}}}", fields.join(","))
        }
        _ => format!("{{\"#\":{}}}", rng.random_range(0u64..5_000)),
    }
}

/// Walks to a random node of a JSON value and replaces, removes or adds something there,
/// so the text stays JSON and reaches the scenario's own checks.
fn mutate_value(rng: &mut StdRng, value: &mut Value) {
    match value {
        Value::Object(map) if !map.is_empty() && rng.random_bool(0.85) => {
            let key = map.keys().nth(rng.random_range(0..map.len())).cloned();
            let Some(key) = key else { return };
            match rng.random_range(0..10) {
                0 => {
                    map.remove(&key);
                }
                1 => {
                    let extra = random_json(rng, 2);
                    let v = serde_json::from_str(&extra).unwrap_or(Value::Null);
                    map.insert(format!("{key}_x"), v);
                }
                _ => {
                    if let Some(child) = map.get_mut(&key) {
                        mutate_value(rng, child);
                    }
                }
            }
        }
        Value::Array(items) if !items.is_empty() && rng.random_bool(0.85) => {
            let i = rng.random_range(0..items.len());
            match rng.random_range(0..10) {
                0 => {
                    items.remove(i);
                }
                1 => {
                    let copy = items[i].clone();
                    items.insert(i, copy);
                }
                _ => mutate_value(rng, &mut items[i]),
            }
        }
        // Keep the type, change the value: reaches the range checks.
        Value::Number(_) if rng.random_bool(0.6) => {
            *value = Value::from(*pick(rng, NUMBERS));
        }
        Value::String(s) if s.parse::<Decimal>().is_ok() && rng.random_bool(0.6) => {
            *value = Value::from(*pick(rng, DECIMALS));
        }
        _ => {
            let text = if rng.random_bool(0.5) {
                pick(rng, TOKENS).to_string()
            } else {
                random_json(rng, 2)
            };
            if let Ok(v) = serde_json::from_str(&text) {
                *value = v;
            }
        }
    }
}

/// One to three structural mutations of a JSON text (unchanged if it is not JSON).
fn mutate_json(rng: &mut StdRng, text: &str) -> String {
    let Ok(mut value) = serde_json::from_str::<Value>(text) else {
        return text.to_string();
    };
    for _ in 0..rng.random_range(1..=3) {
        mutate_value(rng, &mut value);
    }
    value.to_string()
}

fn input(rng: &mut StdRng, c: &Corpus) -> String {
    match rng.random_range(0..10) {
        0 => String::from_utf8_lossy(&random_bytes(rng, 512)).into_owned(),
        1 => {
            let prefix = if rng.random_bool(0.5) { "s=1." } else { "" };
            format!("{prefix}{}", random_ascii(rng, 256))
        }
        2 => format!("s=1.{}", URL_SAFE_NO_PAD.encode(random_bytes(rng, 400))),
        3 => pack("1", &random_bytes(rng, 400)),
        4 | 5 => {
            let link = pick(rng, &c.links).clone().into_bytes();
            String::from_utf8_lossy(&mutate(rng, link, &c.links)).into_owned()
        }
        6 => {
            let payload = pick(rng, &c.payloads).clone().into_bytes();
            pack("1", &mutate(rng, payload, &c.payloads))
        }
        7 => {
            let payload = pick(rng, &c.payloads).clone();
            pack("1", mutate_json(rng, &payload).as_bytes())
        }
        8 => {
            let file = pick(rng, &c.files).clone();
            if rng.random_bool(0.5) {
                let text = mutate_json(rng, &file);
                // A scenario of the right shape with values out of range, sent as a link.
                match scenario_from_json(&text) {
                    Ok(sc) if rng.random_bool(0.5) => encode(&sc),
                    _ => text,
                }
            } else {
                String::from_utf8_lossy(&mutate(rng, file.into_bytes(), &c.files)).into_owned()
            }
        }
        _ => {
            let preset = pick(rng, &presets::IDS);
            let value = random_json(rng, 6);
            if rng.random_bool(0.5) {
                pack("1", format!("[\"{preset}\",{value}]").as_bytes())
            } else {
                value
            }
        }
    }
}

fn link_outcome(r: &Result<payung::engine::ValidScenario, ShareLinkError>) -> &'static str {
    match r {
        Ok(_) => "ok",
        Err(ShareLinkError::Empty) => "Empty",
        Err(ShareLinkError::NotALink) => "NotALink",
        Err(ShareLinkError::Truncated) => "Truncated",
        Err(ShareLinkError::Corrupted) => "Corrupted",
        Err(ShareLinkError::TooLarge { .. }) => "TooLarge",
        Err(ShareLinkError::FutureVersion { .. }) => "FutureVersion",
        Err(ShareLinkError::UnknownPreset { .. }) => "UnknownPreset",
        Err(ShareLinkError::WrongShape { .. }) => "WrongShape",
        Err(ShareLinkError::Invalid(_)) => "Invalid",
    }
}

fn file_outcome(r: Result<Scenario, ImportError>, params: &Parameters) -> &'static str {
    match r {
        Ok(sc) => match sc.validate(params) {
            Ok(_) => "ok",
            Err(_) => "ok, then invalid",
        },
        Err(ImportError::TooLarge { .. }) => "TooLarge",
        Err(ImportError::NotJson { .. }) => "NotJson",
        Err(ImportError::WrongShape { .. }) => "WrongShape",
        Err(ImportError::NotAScenario) => "NotAScenario",
        Err(ImportError::NewerVersion { .. }) => "NewerVersion",
    }
}

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let count: u64 = args
        .next()
        .and_then(|a| a.parse().ok())
        .unwrap_or(1_000_000);
    let seed: u64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(1);
    let Ok(params) = Parameters::embedded() else {
        eprintln!("fuzz_links: the embedded parameters do not load");
        return ExitCode::FAILURE;
    };
    std::panic::set_hook(Box::new(|info| {
        CURRENT.with(|c| eprintln!("PANIC: {info}\n  input: {:?}", c.borrow()));
    }));

    let corpus = corpus();
    let mut rng = StdRng::seed_from_u64(seed);
    let mut links: BTreeMap<&str, u64> = BTreeMap::new();
    let mut files: BTreeMap<&str, u64> = BTreeMap::new();
    let mut panics: Vec<String> = Vec::new();
    let started = Instant::now();
    for _ in 0..count {
        let text = input(&mut rng, &corpus);
        CURRENT.with(|c| c.borrow_mut().clone_from(&text));
        let run = catch_unwind(AssertUnwindSafe(|| {
            (
                link_outcome(&decode(&text, &params)),
                file_outcome(scenario_from_json(&text), &params),
            )
        }));
        match run {
            Ok((l, f)) => {
                *links.entry(l).or_default() += 1;
                *files.entry(f).or_default() += 1;
            }
            Err(_) => panics.push(text),
        }
    }
    let secs = started.elapsed().as_secs_f64();

    println!(
        "fuzz_links: {count} inputs (seed {seed}), {} decoder calls in {secs:.1} s ({:.1} µs per input); {} panics",
        2 * count,
        secs * 1e6 / count.max(1) as f64,
        panics.len()
    );
    println!("  share::decode       {links:?}");
    println!("  scenario_from_json  {files:?}");
    for p in panics.iter().take(20) {
        println!("  panicked on {p:?}");
    }
    if panics.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
