//! Reading an embed address: its query string into an `EmbedConfig`, checking every
//! parameter as strictly as a share link. A name it does not know, a value outside the
//! vocabulary, a bad colour or a share payload that does not open falls back to a sensible
//! default and becomes a `Notice` that names the parameter, so the frame is never blank.

use super::choice::{ChartChoice, Control, Headline};
use super::theme::Theme;
use crate::engine::presets;
use crate::engine::scenario::Scenario;
use crate::locale::Lang;
use crate::ui::share::{self, ShareLinkError};

/// At most this many notices are kept, so a crafted address cannot fill the frame.
pub const MAX_NOTICES: usize = 8;

/// At most this many headline figures are shown.
pub const MAX_HEADLINES: usize = 2;

/// Values echoed in notices are cut to this many characters.
const ECHO_CHARS: usize = 32;

/// The documented parameter names, in the order `embed_url` writes them.
pub const PARAMETERS: [&str; 10] = [
    "embed", "preset", "s", "controls", "chart", "headline", "lang", "theme", "accent", "nplan",
];

/// Everything an embed address can ask for, after checking.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EmbedConfig {
    /// A preset id from `presets::IDS`: the start, or the fallback when `share` fails.
    pub preset: String,
    /// A share-link payload (`1.<base64url>`, what follows `s=` in a share link).
    pub share: Option<String>,
    /// Controls in the order shown; may be empty.
    pub controls: Vec<Control>,
    /// Charts in the order shown; never empty after `parse`.
    pub charts: Vec<ChartChoice>,
    /// Headline figures, at most `MAX_HEADLINES`; may be empty.
    pub headlines: Vec<Headline>,
    pub lang: Lang,
    pub theme: Theme,
    /// `#rrggbb` in lower case.
    pub accent: Option<String>,
    /// `embed=national`: the tile map of the provinces and the nation's sentence instead
    /// of the scenario (preset, share, controls, charts and headlines then go unused).
    pub national: bool,
    /// With `national`: the provinces whose own sources were edited, as the payload of the
    /// address's `nplan=` part (`ui::share::plans`); opened and reported on by the embed.
    pub plans: Option<String>,
}

impl Default for EmbedConfig {
    fn default() -> Self {
        Self {
            preset: presets::DEFAULT.to_string(),
            share: None,
            controls: vec![Control::Budget],
            charts: vec![ChartChoice::Coverage],
            headlines: vec![Headline::Coverage, Headline::Cost],
            lang: Lang::Id,
            theme: Theme::Light,
            accent: None,
            national: false,
            plans: None,
        }
    }
}

impl EmbedConfig {
    /// This config starting from `scenario`: its preset alone when it is the unchanged
    /// preset, else the preset (as a fallback) plus the scenario as a share payload.
    pub fn with_scenario(mut self, scenario: &Scenario) -> Self {
        let known = presets::IDS.contains(&scenario.preset.as_str());
        self.preset = if known {
            scenario.preset.clone()
        } else {
            presets::DEFAULT.to_string()
        };
        let unchanged = known && presets::load(&scenario.preset).ok().as_ref() == Some(scenario);
        self.share = if unchanged {
            None
        } else {
            let fragment = share::encode(scenario);
            Some(
                fragment
                    .strip_prefix(&format!("{}=", share::KEY))
                    .unwrap_or(&fragment)
                    .to_string(),
            )
        };
        self
    }
}

/// Something in the address that was not used as written.
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    /// The parameter's name as written in the address (cut to a few dozen characters).
    pub param: String,
    pub problem: NoticeProblem,
}

/// What was wrong with a parameter, and what the embed did instead.
#[derive(Clone, Debug, PartialEq)]
pub enum NoticeProblem {
    /// Not a documented parameter; ignored.
    UnknownParameter,
    /// Given more than once; the first is used.
    Repeated,
    /// Given without a value; `using` is what the embed shows instead.
    Empty { using: String },
    /// A value outside the parameter's vocabulary; `using` is the fallback, or `None`
    /// when the value was dropped from a list and the rest kept.
    UnknownValue {
        value: String,
        allowed: &'static [&'static str],
        using: Option<String>,
    },
    /// `accent` is not a colour written `#rrggbb`; the theme's own accent is used.
    BadColour { value: String },
    /// More headline figures than fit; the first ones are kept.
    TooMany { max: usize, kept: String },
    /// The share payload does not open; the preset `using` is shown instead.
    Share {
        error: ShareLinkError,
        using: String,
    },
    /// The control has nothing to set in this scenario (e.g. no source funded in Rupiah).
    ControlUnavailable { control: Control },
}

/// The addresses' vocabularies, for notices.
const PRESETS: &[&str] = &presets::IDS;
const CONTROLS: &[&str] = &[
    "budget",
    "jht",
    "income",
    "workers",
    "target",
    "verification",
    "lapse",
    "deaths",
    "none",
];
const CHARTS: &[&str] = &["coverage", "cost", "benefits"];
const HEADLINES: &[&str] = &["coverage", "cost", "target", "per-worker", "none"];
const LANGS: &[&str] = &["id", "en"];
const THEMES: &[&str] = &["light", "dark"];
const EMBED: &[&str] = &["1", "national"];

/// Reads an address's query (`?a=b&…`, `a=b&…` or a whole URL) into a config and the
/// notices for everything that could not be used as written.
pub fn parse(query: &str) -> (EmbedConfig, Vec<Notice>) {
    let mut config = EmbedConfig::default();
    let mut notices = Notices::default();
    let mut seen: Vec<&'static str> = Vec::new();
    for (key, value) in pairs(query) {
        let Some(name) = PARAMETERS.into_iter().find(|p| *p == key) else {
            notices.push(&key, NoticeProblem::UnknownParameter);
            continue;
        };
        if seen.contains(&name) {
            notices.push(name, NoticeProblem::Repeated);
            continue;
        }
        seen.push(name);
        let value = value.trim();
        match name {
            "embed" => match value {
                "1" => {}
                "national" => config.national = true,
                "" => notices.empty(name, "1"),
                _ => notices.unknown(name, value, EMBED, Some("1")),
            },
            "preset" => {
                let id = value.to_ascii_lowercase();
                if presets::IDS.contains(&id.as_str()) {
                    config.preset = id;
                } else if value.is_empty() {
                    notices.empty(name, presets::DEFAULT);
                } else {
                    notices.unknown(name, value, PRESETS, Some(presets::DEFAULT));
                }
            }
            "s" => {
                // Opened (and reported on) in `start`, where the parameters are known.
                if value.is_empty() {
                    notices.push(
                        name,
                        NoticeProblem::Share {
                            error: ShareLinkError::Empty,
                            using: config.preset.clone(),
                        },
                    );
                } else {
                    config.share = Some(value.to_string());
                }
            }
            "controls" => {
                config.controls = list::<Control>(name, value, &mut notices, CONTROLS, &[])
            }
            "chart" => {
                let default = EmbedConfig::default().charts;
                config.charts = list(name, value, &mut notices, CHARTS, &default);
            }
            "headline" => {
                let mut headlines: Vec<Headline> = list(name, value, &mut notices, HEADLINES, &[]);
                if headlines.len() > MAX_HEADLINES {
                    headlines.truncate(MAX_HEADLINES);
                    let kept = codes(headlines.iter().map(|h| h.code()));
                    notices.push(
                        name,
                        NoticeProblem::TooMany {
                            max: MAX_HEADLINES,
                            kept,
                        },
                    );
                }
                config.headlines = headlines;
            }
            "nplan" if !value.is_empty() => config.plans = Some(value.to_string()),
            "lang" => match Lang::from_code(&value.to_ascii_lowercase()) {
                Some(lang) => config.lang = lang,
                None if value.is_empty() => notices.empty(name, Lang::Id.code()),
                None => notices.unknown(name, value, LANGS, Some(Lang::Id.code())),
            },
            "theme" => match Theme::from_code(&value.to_ascii_lowercase()) {
                Some(theme) => config.theme = theme,
                None if value.is_empty() => notices.empty(name, Theme::Light.code()),
                None => notices.unknown(name, value, THEMES, Some(Theme::Light.code())),
            },
            "accent" => match colour(value) {
                Some(c) => config.accent = Some(c),
                None => notices.push(name, NoticeProblem::BadColour { value: echo(value) }),
            },
            _ => {}
        }
    }
    // A share payload without a preset falls back to the default preset; keep the
    // fallback named in its notice in step with the final preset.
    let mut notices = notices.list;
    for n in &mut notices {
        if let NoticeProblem::Share { using, .. } = &mut n.problem {
            *using = config.preset.clone();
        }
    }
    (config, notices)
}

/// The words of a list parameter (`controls`, `chart`, `headline`).
trait Word: Copy + PartialEq {
    fn word(self) -> &'static str;
    fn from_word(word: &str) -> Option<Self>;
}

impl Word for Control {
    fn word(self) -> &'static str {
        self.code()
    }
    fn from_word(word: &str) -> Option<Self> {
        Self::from_code(word)
    }
}

impl Word for ChartChoice {
    fn word(self) -> &'static str {
        self.code()
    }
    fn from_word(word: &str) -> Option<Self> {
        Self::from_code(word)
    }
}

impl Word for Headline {
    fn word(self) -> &'static str {
        self.code()
    }
    fn from_word(word: &str) -> Option<Self> {
        Self::from_code(word)
    }
}

/// A comma-separated list parameter: known words in order (repeats dropped) and a notice
/// for each unknown word. Where `allowed` has `none`, `none` or nothing means an empty
/// list; otherwise (`chart`) an empty result falls back to `default`, and says so.
fn list<T: Word>(
    name: &'static str,
    value: &str,
    notices: &mut Notices,
    allowed: &'static [&'static str],
    default: &[T],
) -> Vec<T> {
    let may_be_empty = allowed.contains(&"none");
    let words: Vec<&str> = value
        .split(',')
        .map(str::trim)
        .filter(|w| !w.is_empty())
        .collect();
    let mut out: Vec<T> = Vec::new();
    let mut bad = Vec::new();
    for w in &words {
        let lower = w.to_ascii_lowercase();
        if may_be_empty && lower == "none" {
            continue;
        }
        match T::from_word(&lower) {
            Some(item) if !out.contains(&item) => out.push(item),
            Some(_) => {}
            None => bad.push(*w),
        }
    }
    let fallback = out.is_empty() && !may_be_empty;
    let default_words = codes(default.iter().map(|d| d.word()));
    if fallback && words.is_empty() {
        notices.empty(name, &default_words);
    }
    for w in bad {
        notices.unknown(name, w, allowed, fallback.then_some(default_words.as_str()));
    }
    if fallback {
        default.to_vec()
    } else {
        out
    }
}

pub(super) fn codes<'a>(items: impl Iterator<Item = &'a str>) -> String {
    items.collect::<Vec<_>>().join(",")
}

/// Notices, capped at `MAX_NOTICES`.
#[derive(Default)]
struct Notices {
    list: Vec<Notice>,
}

impl Notices {
    fn push(&mut self, param: &str, problem: NoticeProblem) {
        if self.list.len() < MAX_NOTICES {
            self.list.push(Notice {
                param: echo(param),
                problem,
            });
        }
    }

    fn unknown(
        &mut self,
        param: &str,
        value: &str,
        allowed: &'static [&'static str],
        using: Option<&str>,
    ) {
        self.push(
            param,
            NoticeProblem::UnknownValue {
                value: echo(value),
                allowed,
                using: using.map(str::to_string),
            },
        );
    }

    fn empty(&mut self, param: &str, using: &str) {
        self.push(
            param,
            NoticeProblem::Empty {
                using: using.to_string(),
            },
        );
    }
}

/// Text from the address, cut short for a notice.
fn echo(text: &str) -> String {
    if text.chars().count() <= ECHO_CHARS {
        return text.to_string();
    }
    let mut cut: String = text.chars().take(ECHO_CHARS - 1).collect();
    cut.push('…');
    cut
}

/// `#rrggbb` in either case → `#rrggbb` in lower case; anything else is not a colour.
pub(super) fn colour(value: &str) -> Option<String> {
    let hex = value.strip_prefix('#')?;
    (hex.len() == 6 && hex.bytes().all(|b| b.is_ascii_hexdigit()))
        .then(|| format!("#{}", hex.to_ascii_lowercase()))
}

/// The query's `key=value` pairs, percent-decoded (`+` is a space), empty pieces skipped.
fn pairs(query: &str) -> impl Iterator<Item = (String, String)> + '_ {
    let query = query.split('#').next().unwrap_or("");
    let query = query.split_once('?').map_or(query, |(_, q)| q);
    query.split('&').filter(|p| !p.is_empty()).map(|piece| {
        let (k, v) = piece.split_once('=').unwrap_or((piece, ""));
        (decode_component(k), decode_component(v))
    })
}

/// Percent-decoding as browsers write query strings; a malformed escape stays as written
/// and bytes that are not UTF-8 become U+FFFD, so the value is reported, not dropped.
pub(super) fn decode_component(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() && hex_pair(bytes[i + 1], bytes[i + 2]).is_some() => {
                out.extend(hex_pair(bytes[i + 1], bytes[i + 2]));
                i += 2;
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex_pair(a: u8, b: u8) -> Option<u8> {
    let digit = |c: u8| (c as char).to_digit(16);
    Some((digit(a)? * 16 + digit(b)?) as u8)
}
