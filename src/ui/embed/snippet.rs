//! Writing an embed address back (`query`, `embed_url`) and the ready-to-paste `<iframe>`
//! snippet with its resize script, for the generator in the full app.

use super::query::{codes, EmbedConfig};
use super::theme::Theme;
use super::{MAX_HEIGHT, MESSAGE_TYPE};
use crate::ui::i18n::embed as i18n;

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
    if config.national {
        let mut parts = vec!["embed=national".to_string()];
        parts.push(format!("lang={}", config.lang.code()));
        if let Some(p) = &config.plans {
            parts.push(format!("nplan={}", encode_component(p)));
        }
        look(&mut parts, config);
        return parts.join("&");
    }
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
    look(&mut parts, config);
    parts.join("&")
}

/// The theme and accent parts, when not the defaults.
fn look(parts: &mut Vec<String>, config: &EmbedConfig) {
    if config.theme != Theme::Light {
        parts.push(format!("theme={}", config.theme.code()));
    }
    if let Some(accent) = &config.accent {
        parts.push(format!("accent={}", encode_component(accent)));
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::embed::query::decode_component;

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
}
