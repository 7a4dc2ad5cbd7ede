//! Embed mode: what an `<iframe>` on someone else's page may ask of Payung, and nothing more.
//!
//! The host page speaks to the embed only through the query string of the iframe's address
//! (`?embed=1&preset=ambon&controls=budget,jht&chart=coverage&lang=id`). This module reads
//! it into an `EmbedConfig`, checking every parameter as strictly as a share link: a name
//! it does not know, a value outside the vocabulary, a bad colour or a share payload that
//! does not open falls back to a sensible default and becomes a `Notice` that names the
//! parameter, so the frame is never blank. It also writes the address and the `<iframe>`
//! snippet back (`embed_url`, `iframe_snippet`), for the generator in the full app.
//!
//! The embed talks back with exactly one message, posted to `window.parent`:
//! `{ "type": "payung:height", "height": <CSS pixels, a whole number> }` (`MESSAGE_TYPE`).
//! It listens to no message at all.
//!
//! This module is pure (no browser crates), so it is tested natively in `tests/embed.rs`.
//! Its words (labels, notices, the frame's title) are in the catalogue, `ui::i18n::embed`.
//! It must not know the DOM, Yew or storage: `components::embed_view` shows the embed and
//! `components::embed_generator` builds snippets.

use crate::charts::ChartKind;
use crate::engine::scenario::{Amount, Scenario};
use crate::engine::{presets, Parameters, ValidScenario};
use crate::locale::Lang;
use crate::ui::i18n::embed as i18n;
use crate::ui::share::{self, ShareLinkError};
use crate::ui::state::{Field, SourceField};

/// The `type` of the one message the embed posts to its parent: its height.
pub const MESSAGE_TYPE: &str = "payung:height";

/// Heights the resize scripts accept, in CSS pixels; anything else is ignored.
pub const MAX_HEIGHT: u32 = 10_000;

/// At most this many notices are kept, so a crafted address cannot fill the frame.
pub const MAX_NOTICES: usize = 8;

/// At most this many headline figures are shown.
pub const MAX_HEADLINES: usize = 2;

/// Values echoed in notices are cut to this many characters.
const ECHO_CHARS: usize = 32;

/// The documented parameter names, in the order `embed_url` writes them.
pub const PARAMETERS: [&str; 9] = [
    "embed", "preset", "s", "controls", "chart", "headline", "lang", "theme", "accent",
];

/// A control the embed can show; each sets one part of the scenario.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Control {
    /// The yearly Rupiah amount of the first source funded in Rupiah.
    Budget,
    /// JHT on or off.
    Jht,
    /// Declared income per month.
    Income,
    /// Vulnerable workers in the region.
    Workers,
    /// Target coverage.
    Target,
    /// Entries verified per month.
    Verification,
    /// Yearly lapse rate.
    Lapse,
    /// Deaths per 1,000 members per year.
    Deaths,
}

/// What a control edits in a given scenario.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ControlInput {
    /// A numeric field with a slider and a typed input.
    Number(Field),
    /// The JHT checkbox.
    Jht,
}

impl Control {
    /// Every control, in the order the generator lists them.
    pub const ALL: [Control; 8] = [
        Control::Budget,
        Control::Jht,
        Control::Income,
        Control::Workers,
        Control::Target,
        Control::Verification,
        Control::Lapse,
        Control::Deaths,
    ];

    /// The word used in the `controls` parameter.
    pub fn code(self) -> &'static str {
        match self {
            Control::Budget => "budget",
            Control::Jht => "jht",
            Control::Income => "income",
            Control::Workers => "workers",
            Control::Target => "target",
            Control::Verification => "verification",
            Control::Lapse => "lapse",
            Control::Deaths => "deaths",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.code() == code)
    }

    /// The control's name in the generator.
    pub fn label(self, lang: Lang) -> &'static str {
        i18n::control_label(self, lang)
    }

    /// What the control edits in `sc`; `None` when `sc` has nothing for it (no source is
    /// funded in Rupiah, for `budget`).
    pub fn input(self, sc: &Scenario) -> Option<ControlInput> {
        let field = match self {
            Control::Jht => return Some(ControlInput::Jht),
            Control::Budget => {
                let i = sc
                    .sources
                    .iter()
                    .position(|s| matches!(s.amount, Amount::Rupiah { .. }))?;
                Field::Source(i, SourceField::Yearly)
            }
            Control::Income => Field::DeclaredIncome,
            Control::Workers => Field::VulnerableWorkers,
            Control::Target => Field::TargetCoverage,
            Control::Verification => Field::VerificationPerMonth,
            Control::Lapse => Field::LapseRate,
            Control::Deaths => Field::DeathsPerThousand,
        };
        Some(ControlInput::Number(field))
    }
}

/// A chart the embed can show.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ChartChoice {
    Coverage,
    Cost,
    Benefits,
}

impl ChartChoice {
    pub const ALL: [ChartChoice; 3] = [
        ChartChoice::Coverage,
        ChartChoice::Cost,
        ChartChoice::Benefits,
    ];

    /// The chart it chooses.
    pub fn kind(self) -> ChartKind {
        match self {
            ChartChoice::Coverage => ChartKind::Coverage,
            ChartChoice::Cost => ChartKind::Cost,
            ChartChoice::Benefits => ChartKind::Benefits,
        }
    }

    /// The word used in the `chart` parameter.
    pub fn code(self) -> &'static str {
        match self {
            ChartChoice::Coverage => "coverage",
            ChartChoice::Cost => "cost",
            ChartChoice::Benefits => "benefits",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.code() == code)
    }

    /// The chart's name in the generator.
    pub fn label(self, lang: Lang) -> &'static str {
        i18n::chart_label(self, lang)
    }
}

/// A headline figure shown above the controls.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Headline {
    /// Coverage at the end of the horizon, with covered of all workers.
    Coverage,
    /// Contributions in the first year.
    Cost,
    /// When the target is reached.
    Target,
    /// Rupiah per protected worker-year.
    PerWorker,
}

impl Headline {
    pub const ALL: [Headline; 4] = [
        Headline::Coverage,
        Headline::Cost,
        Headline::Target,
        Headline::PerWorker,
    ];

    /// The word used in the `headline` parameter.
    pub fn code(self) -> &'static str {
        match self {
            Headline::Coverage => "coverage",
            Headline::Cost => "cost",
            Headline::Target => "target",
            Headline::PerWorker => "per-worker",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.code() == code)
    }

    /// The figure's name in the generator.
    pub fn label(self, lang: Lang) -> &'static str {
        i18n::headline_label(self, lang)
    }
}

/// The embed's colours: light by default.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Theme {
    #[default]
    Light,
    Dark,
}

impl Theme {
    pub const ALL: [Theme; 2] = [Theme::Light, Theme::Dark];

    pub fn code(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.code() == code)
    }

    /// The theme's name in the generator.
    pub fn label(self, lang: Lang) -> &'static str {
        i18n::theme_label(self, lang)
    }

    /// The page background of the theme, for the accent's contrast check.
    fn background(self) -> &'static str {
        match self {
            Theme::Light => "#ffffff",
            Theme::Dark => "#1b1f27",
        }
    }

    /// The theme's own link colour, used when the chosen accent is too faint for text.
    fn link(self) -> &'static str {
        match self {
            Theme::Light => "#0060a0",
            Theme::Dark => "#7cc0f5",
        }
    }
}

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
const EMBED: &[&str] = &["1"];

/// Whether the page was asked for the embed view: the address has an `embed` parameter.
pub fn is_embed(query: &str) -> bool {
    pairs(query).any(|(key, _)| key == "embed")
}

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

fn codes<'a>(items: impl Iterator<Item = &'a str>) -> String {
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
fn colour(value: &str) -> Option<String> {
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
fn decode_component(text: &str) -> String {
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

/// Percent-encodes everything but unreserved characters and the list comma.
fn encode_component(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~,".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The query that asks for `config` (without `?`); `parse` reads it back unchanged.
pub fn query(config: &EmbedConfig) -> String {
    let mut parts = vec![
        "embed=1".to_string(),
        format!("preset={}", encode_component(&config.preset)),
    ];
    if let Some(s) = &config.share {
        parts.push(format!("s={}", encode_component(s)));
    }
    let controls = if config.controls.is_empty() {
        "none".to_string()
    } else {
        codes(config.controls.iter().map(|c| c.code()))
    };
    parts.push(format!("controls={controls}"));
    parts.push(format!(
        "chart={}",
        codes(config.charts.iter().map(|c| c.code()))
    ));
    let headlines = if config.headlines.is_empty() {
        "none".to_string()
    } else {
        codes(config.headlines.iter().map(|h| h.code()))
    };
    parts.push(format!("headline={headlines}"));
    parts.push(format!("lang={}", config.lang.code()));
    if config.theme != Theme::Light {
        parts.push(format!("theme={}", config.theme.code()));
    }
    if let Some(accent) = &config.accent {
        parts.push(format!("accent={}", encode_component(accent)));
    }
    parts.join("&")
}

/// The embed's address under `base`, the app's address (`https://example.org/payung/`);
/// any query or fragment of `base` is dropped.
pub fn embed_url(config: &EmbedConfig, base: &str) -> String {
    let base = base.split(['?', '#']).next().unwrap_or("");
    format!("{base}?{}", query(config))
}

/// `scheme://host[:port]` of an absolute http(s) address, for the snippet's origin check.
fn origin_of(url: &str) -> Option<&str> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))?;
    let host_len = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    if host_len == 0 {
        return None;
    }
    Some(&url[..url.len() - rest.len() + host_len])
}

/// A ready-to-paste `<iframe>` plus the resize script: the script accepts only messages
/// from this iframe's window (and, for an absolute `base`, from its origin), of exactly the
/// documented shape, and sets the iframe's height.
pub fn iframe_snippet(config: &EmbedConfig, base: &str, width: u32, height: u32) -> String {
    let url = embed_url(config, base);
    let origin_check = match origin_of(base) {
        // The origin is a URL prefix: only these characters can reach the script.
        Some(origin)
            if origin
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"-.:/[]".contains(&b)) =>
        {
            format!(" || event.origin !== '{origin}'")
        }
        _ => String::new(),
    };
    let frame = format!(
        "<iframe src=\"{src}\" title=\"{title}\" width=\"{width}\" height=\"{height}\" \
         loading=\"lazy\" style=\"border:0;width:100%;max-width:{width}px;height:{height}px\"></iframe>\n",
        src = crate::charts::escape(&url),
        title = crate::charts::escape(i18n::frame_title(config.lang)),
    );
    let script = SNIPPET_SCRIPT
        .replace("{TYPE}", MESSAGE_TYPE)
        .replace("{MAX_HEIGHT}", &MAX_HEIGHT.to_string())
        .replace("{ORIGIN_CHECK}", &origin_check);
    frame + &script
}

/// The snippet's resize script; it finds its iframe as the element just before it.
const SNIPPET_SCRIPT: &str = r#"<script>
(function (iframe) {
  // Payung posts only { type: '{TYPE}', height: <px> }; anything else is ignored.
  if (!iframe || iframe.tagName !== 'IFRAME') return;
  window.addEventListener('message', function (event) {
    if (event.source !== iframe.contentWindow{ORIGIN_CHECK}) return;
    var data = event.data;
    if (!data || typeof data !== 'object' || data.type !== '{TYPE}') return;
    var height = data.height;
    if (typeof height !== 'number' || !(height > 0 && height <= {MAX_HEIGHT})) return;
    iframe.style.height = Math.ceil(height) + 'px';
  });
})(document.currentScript && document.currentScript.previousElementSibling);
</script>
"#;

/// The height a message carries, if it has exactly the documented shape: `type` is
/// `MESSAGE_TYPE` and `height` a number in 1..=`MAX_HEIGHT` (rounded up). The generator's
/// preview uses it; the snippet's script applies the same checks in JavaScript.
pub fn read_height(kind: Option<&str>, height: Option<f64>) -> Option<u32> {
    let height = height?;
    (kind? == MESSAGE_TYPE && height > 0.0 && height <= f64::from(MAX_HEIGHT))
        .then(|| height.ceil() as u32)
}

/// The scenario an embed opens on, and the notices about getting there.
#[derive(Clone, Debug, PartialEq)]
pub struct Start {
    pub valid: ValidScenario,
    pub notices: Vec<Notice>,
}

/// Opens the share payload, or else the preset, or else the default preset; then names
/// the chosen controls that this scenario has nothing for. `Err` only if no embedded
/// preset validates (the engine's own tests rule that out).
pub fn start(config: &EmbedConfig, params: &Parameters) -> Result<Start, String> {
    let mut notices = Vec::new();
    let mut valid = None;
    if let Some(payload) = &config.share {
        match share::decode(&format!("{}={payload}", share::KEY), params) {
            Ok(v) => valid = Some(v),
            Err(error) => notices.push(Notice {
                param: share::KEY.to_string(),
                problem: NoticeProblem::Share {
                    error,
                    using: config.preset.clone(),
                },
            }),
        }
    }
    let valid = match valid {
        Some(v) => v,
        None => {
            let mut last = String::new();
            let mut found = None;
            for id in [config.preset.as_str(), presets::DEFAULT, "custom"] {
                match presets::load(id)
                    .map_err(|e| e.to_string())
                    .and_then(|sc| sc.validate(params).map_err(|e| e.to_string()))
                {
                    Ok(v) => {
                        found = Some(v);
                        break;
                    }
                    Err(e) => last = e,
                }
            }
            found.ok_or(last)?
        }
    };
    for &control in &config.controls {
        if control.input(valid.scenario()).is_none() {
            notices.push(Notice {
                param: "controls".to_string(),
                problem: NoticeProblem::ControlUnavailable { control },
            });
        }
    }
    Ok(Start { valid, notices })
}

/// sRGB relative luminance of `#rrggbb` (WCAG 2).
fn luminance(hex: &str) -> Option<f64> {
    let hex = hex.strip_prefix('#')?;
    if hex.len() != 6 {
        return None;
    }
    let channel = |i: usize| -> Option<f64> {
        let v = f64::from(u8::from_str_radix(hex.get(i..i + 2)?, 16).ok()?) / 255.0;
        Some(if v <= 0.04045 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        })
    };
    Some(0.2126 * channel(0)? + 0.7152 * channel(2)? + 0.0722 * channel(4)?)
}

/// WCAG contrast ratio between two `#rrggbb` colours (1 to 21).
pub fn contrast(a: &str, b: &str) -> Option<f64> {
    let (la, lb) = (luminance(a)?, luminance(b)?);
    let (hi, lo) = if la > lb { (la, lb) } else { (lb, la) };
    Some((hi + 0.05) / (lo + 0.05))
}

/// The CSS custom properties for the embed's root element: the accent, readable text on
/// it (black or white, whichever contrasts more), and a link colour that keeps 4.5:1 on
/// the theme's background (the theme's own when the accent is too faint). Empty without
/// an accent; the theme itself is a class (`embed dark`).
pub fn style(config: &EmbedConfig) -> String {
    let Some(accent) = config.accent.as_deref().and_then(colour) else {
        return String::new();
    };
    let on_accent = match (contrast(&accent, "#ffffff"), contrast(&accent, "#000000")) {
        (Some(white), Some(black)) if black > white => "#000000",
        _ => "#ffffff",
    };
    let link = match contrast(&accent, config.theme.background()) {
        Some(c) if c >= 4.5 => accent.as_str(),
        _ => config.theme.link(),
    };
    format!("--accent:{accent};--accent-text:{on_accent};--accent-link:{link};--focus:{accent}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn components_decode_and_encode() {
        assert_eq!(decode_component("%230072B2"), "#0072B2");
        assert_eq!(decode_component("a+b%2Cc"), "a b,c");
        assert_eq!(decode_component("100%"), "100%");
        assert_eq!(decode_component("%zz%4"), "%zz%4");
        assert_eq!(decode_component("%FF"), "\u{FFFD}");
        assert_eq!(encode_component("#0072b2"), "%230072b2");
        assert_eq!(encode_component("budget,jht"), "budget,jht");
        assert_eq!(decode_component(&encode_component("a&b=c d%")), "a&b=c d%");
    }

    #[test]
    fn origins_come_from_absolute_addresses_only() {
        assert_eq!(
            origin_of("https://example.org/payung/"),
            Some("https://example.org")
        );
        assert_eq!(
            origin_of("http://127.0.0.1:8080"),
            Some("http://127.0.0.1:8080")
        );
        assert_eq!(origin_of("/payung/"), None);
        assert_eq!(origin_of("https:///x"), None);
    }

    #[test]
    fn contrast_follows_wcag() {
        let c = contrast("#000000", "#ffffff").unwrap();
        assert!((c - 21.0).abs() < 1e-9);
        assert!((contrast("#777777", "#777777").unwrap() - 1.0).abs() < 1e-9);
        assert!(contrast("#0060a0", "#ffffff").unwrap() > 4.5);
    }
}
