//! Embed addresses (`ui::embed`): good addresses are read as written, every bad parameter
//! falls back to a default and is named in a notice in both languages, addresses and
//! snippets round-trip, and the resize script checks where a message comes from.

use payung::engine::scenario::{Amount, SourceKind};
use payung::engine::{presets, Parameters};
use payung::locale::Lang;
use payung::ui::embed::{
    embed_url, iframe_snippet, parse, query, start, style, ChartChoice, Control, ControlInput,
    EmbedConfig, Headline, Notice, NoticeProblem, Theme, MAX_HEADLINES, MAX_NOTICES, MESSAGE_TYPE,
};
use payung::ui::i18n::embed::{control_label, notice_text};
use payung::ui::share::{self, ShareLinkError};
use payung::ui::state::{Field, SourceField};

fn params() -> Parameters {
    Parameters::embedded().unwrap()
}

/// Parses `query` and expects exactly one notice, about `param`; returns config and notice.
fn one_notice(query: &str, param: &str) -> (EmbedConfig, Notice) {
    let (config, notices) = parse(query);
    assert_eq!(notices.len(), 1, "{query}: {notices:#?}");
    assert_eq!(notices[0].param, param, "{query}");
    (config, notices[0].clone())
}

/// Both languages name the parameter (in backticks) and every `words`.
fn says(notice: &Notice, words: &[&str]) {
    for lang in [Lang::Id, Lang::En] {
        let text = notice_text(notice, lang);
        assert!(
            text.contains(&format!("`{}`", notice.param)),
            "{lang:?}: {text}"
        );
        for w in words {
            assert!(text.contains(w), "{lang:?}: {text} lacks {w}");
        }
    }
    assert_ne!(notice_text(notice, Lang::Id), notice_text(notice, Lang::En));
}

#[test]
fn the_issue_example_is_read_as_written() {
    let (config, notices) =
        parse("?embed=1&preset=ambon&controls=budget,jht&chart=coverage&lang=id");
    assert_eq!(notices, []);
    assert_eq!(
        config,
        EmbedConfig {
            preset: "ambon".into(),
            share: None,
            controls: vec![Control::Budget, Control::Jht],
            charts: vec![ChartChoice::Coverage],
            headlines: vec![Headline::Coverage, Headline::Cost],
            lang: Lang::Id,
            theme: Theme::Light,
            accent: None,
            national: false,
            plans: None,
        }
    );
}

#[test]
fn every_parameter_is_read() {
    let (config, notices) = parse(
        "embed=1&preset=bontang&controls=workers,income,target,verification,lapse,deaths\
         &chart=cost,benefits,coverage&headline=target,per-worker&lang=en&theme=dark&accent=%230072B2",
    );
    assert_eq!(notices, []);
    assert_eq!(config.preset, "bontang");
    assert_eq!(
        config.controls,
        [
            Control::Workers,
            Control::Income,
            Control::Target,
            Control::Verification,
            Control::Lapse,
            Control::Deaths
        ]
    );
    assert_eq!(
        config.charts,
        [
            ChartChoice::Cost,
            ChartChoice::Benefits,
            ChartChoice::Coverage
        ]
    );
    assert_eq!(config.headlines, [Headline::Target, Headline::PerWorker]);
    assert_eq!(config.lang, Lang::En);
    assert_eq!(config.theme, Theme::Dark);
    assert_eq!(config.accent.as_deref(), Some("#0072b2"));
}

#[test]
fn defaults_fill_what_is_not_asked_for() {
    let (config, notices) = parse("?embed=1");
    assert_eq!(notices, []);
    assert_eq!(config, EmbedConfig::default());
    assert_eq!(config.preset, presets::DEFAULT);
    assert_eq!(config.controls, [Control::Budget]);
    assert_eq!(config.charts, [ChartChoice::Coverage]);
    assert_eq!(config.lang, Lang::Id);
    assert_eq!(config.theme, Theme::Light);
}

#[test]
fn addresses_are_read_from_whole_urls_and_in_any_case_of_value() {
    let (config, notices) =
        parse("https://example.org/payung/?embed=1&preset=Bontang&chart=COST&lang=EN#results");
    assert_eq!(notices, []);
    assert_eq!(config.preset, "bontang");
    assert_eq!(config.charts, [ChartChoice::Cost]);
    assert_eq!(config.lang, Lang::En);
    // Repeated words in a list count once; `+` and spaces around commas are fine.
    let (config, notices) = parse("embed=1&controls=jht,+budget+,jht");
    assert_eq!(notices, []);
    assert_eq!(config.controls, [Control::Jht, Control::Budget]);
}

#[test]
fn no_controls_and_no_headlines_can_be_asked_for() {
    for q in ["embed=1&controls=none", "embed=1&controls="] {
        let (config, notices) = parse(q);
        assert_eq!(notices, [], "{q}");
        assert!(config.controls.is_empty(), "{q}");
    }
    let (config, notices) = parse("embed=1&headline=none");
    assert_eq!(notices, []);
    assert!(config.headlines.is_empty());
}

#[test]
fn an_unknown_parameter_is_ignored_and_named() {
    let (config, n) = one_notice("?embed=1&chart=cost&colour=red", "colour");
    assert_eq!(config.charts, [ChartChoice::Cost]);
    assert_eq!(n.problem, NoticeProblem::UnknownParameter);
    says(&n, &[]);
    assert!(notice_text(&n, Lang::Id).contains("tidak dikenal"));
    assert!(notice_text(&n, Lang::En).contains("Unknown parameter"));
}

#[test]
fn an_unknown_chart_falls_back_to_coverage() {
    let (config, n) = one_notice("?embed=1&chart=pie", "chart");
    assert_eq!(config.charts, [ChartChoice::Coverage]);
    assert_eq!(
        n.problem,
        NoticeProblem::UnknownValue {
            value: "pie".into(),
            allowed: &["coverage", "cost", "benefits"],
            using: Some("coverage".into()),
        }
    );
    says(&n, &["`pie`", "`coverage`", "`benefits`"]);
    // `none` is not a chart: a frame always shows one.
    let (config, n) = one_notice("?embed=1&chart=none", "chart");
    assert_eq!(config.charts, [ChartChoice::Coverage]);
    says(&n, &["`none`"]);
    let (config, n) = one_notice("?embed=1&chart=", "chart");
    assert_eq!(config.charts, [ChartChoice::Coverage]);
    assert_eq!(
        n.problem,
        NoticeProblem::Empty {
            using: "coverage".into()
        }
    );
    says(&n, &["`coverage`"]);
}

#[test]
fn an_unknown_word_in_a_list_is_dropped_and_the_rest_kept() {
    let (config, n) = one_notice("?embed=1&chart=pie,cost", "chart");
    assert_eq!(config.charts, [ChartChoice::Cost]);
    assert!(
        matches!(&n.problem, NoticeProblem::UnknownValue { using: None, value, .. } if value == "pie")
    );
    says(&n, &["`pie`"]);
    assert!(notice_text(&n, Lang::Id).contains("diabaikan"));
    assert!(notice_text(&n, Lang::En).contains("ignored"));

    let (config, n) = one_notice("?embed=1&controls=budget,fly", "controls");
    assert_eq!(config.controls, [Control::Budget]);
    says(&n, &["`fly`", "`verification`"]);

    let (config, n) = one_notice("?embed=1&headline=coverage,wealth", "headline");
    assert_eq!(config.headlines, [Headline::Coverage]);
    says(&n, &["`wealth`", "`per-worker`"]);
}

#[test]
fn too_many_headlines_keep_the_first() {
    let (config, n) = one_notice("?embed=1&headline=target,cost,coverage", "headline");
    assert_eq!(config.headlines, [Headline::Target, Headline::Cost]);
    assert_eq!(config.headlines.len(), MAX_HEADLINES);
    says(&n, &["`target,cost`", "2"]);
}

#[test]
fn a_bad_colour_keeps_the_default_accent() {
    for (q, shown) in [
        ("accent=red", "red"),
        ("accent=%2312345", "#12345"),
        ("accent=%2312345g", "#12345g"),
        ("accent=0072B2", "0072B2"),
        ("accent=%23%23%230072b2", "###0072b2"),
        ("accent=", ""),
    ] {
        let (config, n) = one_notice(&format!("embed=1&{q}"), "accent");
        assert_eq!(config.accent, None, "{q}");
        assert_eq!(
            n.problem,
            NoticeProblem::BadColour {
                value: shown.into()
            },
            "{q}"
        );
        says(&n, &["`#rrggbb`"]);
    }
    assert_eq!(style(&parse("embed=1&accent=red").0), "");
}

#[test]
fn an_unknown_preset_language_or_theme_falls_back() {
    let (config, n) = one_notice("?embed=1&preset=atlantis", "preset");
    assert_eq!(config.preset, "ambon");
    says(&n, &["`atlantis`", "`ambon`", "`bontang`"]);

    let (config, n) = one_notice("?embed=1&lang=fr", "lang");
    assert_eq!(config.lang, Lang::Id);
    says(&n, &["`fr`", "`id`", "`en`"]);

    let (config, n) = one_notice("?embed=1&theme=blue", "theme");
    assert_eq!(config.theme, Theme::Light);
    says(&n, &["`blue`", "`light`", "`dark`"]);

    let (_, n) = one_notice("?embed=1&lang=", "lang");
    assert_eq!(n.problem, NoticeProblem::Empty { using: "id".into() });
    says(&n, &["`id`"]);
}

#[test]
fn odd_embed_values_are_named_but_still_embed() {
    let (_, n) = one_notice("?embed=yes", "embed");
    says(&n, &["`yes`", "`1`"]);
    let (_, n) = one_notice("?embed", "embed");
    assert_eq!(n.problem, NoticeProblem::Empty { using: "1".into() });
}

#[test]
fn a_repeated_parameter_keeps_the_first() {
    let (config, n) = one_notice("?embed=1&chart=cost&chart=benefits", "chart");
    assert_eq!(config.charts, [ChartChoice::Cost]);
    assert_eq!(n.problem, NoticeProblem::Repeated);
    says(&n, &[]);
}

#[test]
fn notices_are_capped_and_echoes_cut_short() {
    let query: String = (0..40).map(|i| format!("&x{i}=1")).collect();
    let (config, notices) = parse(&format!("embed=1{query}&chart=cost"));
    assert_eq!(notices.len(), MAX_NOTICES);
    assert_eq!(
        config.charts,
        [ChartChoice::Cost],
        "later parameters still apply"
    );

    let long = "p".repeat(500);
    let (_, n) = one_notice(&format!("embed=1&preset={long}"), "preset");
    let NoticeProblem::UnknownValue { value, .. } = &n.problem else {
        panic!("{n:?}")
    };
    assert!(
        value.chars().count() <= 32 && value.ends_with('…'),
        "{value}"
    );
    let (_, n) = one_notice(
        &format!("embed=1&{long}=1"),
        &format!("{}…", "p".repeat(31)),
    );
    says(&n, &[]);
}

#[test]
fn markup_in_parameters_stays_text() {
    // Notices are shown as text by the view; here the value just has to arrive intact.
    let (_, n) = one_notice("embed=1&theme=%3Cscript%3E", "theme");
    assert!(notice_text(&n, Lang::En).contains("`<script>`"));
}

#[test]
fn a_share_payload_opens_its_scenario() {
    let p = params();
    let mut sc = presets::load("bontang").unwrap();
    sc.programmes.jht = true;
    let link = share::encode(&sc);
    let payload = link.strip_prefix("s=").unwrap();
    let (config, notices) = parse(&format!("?embed=1&s={payload}&chart=cost"));
    assert_eq!(notices, []);
    assert_eq!(config.share.as_deref(), Some(payload));
    let started = start(&config, &p).unwrap();
    assert_eq!(started.notices, []);
    assert_eq!(started.valid.scenario(), &sc);
}

#[test]
fn a_bad_share_payload_falls_back_to_the_preset() {
    let p = params();
    let (config, notices) = parse("?embed=1&preset=bontang&s=1.AAAA");
    assert_eq!(notices, [], "the payload is opened in start()");
    let started = start(&config, &p).unwrap();
    assert_eq!(started.valid.scenario(), &presets::load("bontang").unwrap());
    assert_eq!(started.notices.len(), 1);
    let n = &started.notices[0];
    assert_eq!(n.param, "s");
    assert!(matches!(
        &n.problem,
        NoticeProblem::Share { error: ShareLinkError::Corrupted, using } if using == "bontang"
    ));
    says(&n.clone(), &["`bontang`"]);
    assert!(notice_text(n, Lang::Id).contains("Tautan rusak"));

    // A cut link, and an empty one (named while parsing), with the default preset.
    let mut sc = presets::load("maluku").unwrap();
    sc.region.desa += 1;
    let link = share::encode(&sc);
    let cut = &link["s=".len()..link.len() - 5];
    let started = start(&parse(&format!("embed=1&s={cut}")).0, &p).unwrap();
    assert_eq!(started.valid.scenario().preset, "ambon");
    assert!(matches!(
        started.notices[0].problem,
        NoticeProblem::Share {
            error: ShareLinkError::Truncated,
            ..
        }
    ));
    let (config, n) = one_notice("embed=1&s=&preset=kota-jambi", "s");
    assert!(matches!(
        &n.problem,
        NoticeProblem::Share { error: ShareLinkError::Empty, using } if using == "kota-jambi"
    ));
    assert_eq!(
        start(&config, &p).unwrap().valid.scenario().preset,
        "kota-jambi"
    );
}

#[test]
fn every_preset_starts_and_has_every_control() {
    let p = params();
    for id in presets::IDS {
        let config = EmbedConfig {
            preset: id.into(),
            controls: Control::ALL.to_vec(),
            ..EmbedConfig::default()
        };
        let started = start(&config, &p).unwrap();
        assert_eq!(started.notices, [], "{id}");
        assert_eq!(started.valid.scenario().preset, id);
    }
    let ambon = presets::load("ambon").unwrap();
    assert_eq!(
        Control::Budget.input(&ambon),
        Some(ControlInput::Number(Field::Source(0, SourceField::Yearly)))
    );
    assert_eq!(Control::Jht.input(&ambon), Some(ControlInput::Jht));
}

#[test]
fn a_control_the_scenario_lacks_is_named() {
    let p = params();
    let mut sc = presets::load("custom").unwrap();
    sc.sources[0].kind = SourceKind::Csr;
    sc.sources[0].amount = Amount::Workers { workers: 500 };
    sc.clone()
        .validate(&p)
        .expect("a CSR source pledging workers is valid");
    let config = EmbedConfig {
        controls: vec![Control::Budget, Control::Jht],
        ..EmbedConfig::default()
    }
    .with_scenario(&sc);
    let started = start(&config, &p).unwrap();
    assert_eq!(started.notices.len(), 1);
    let n = &started.notices[0];
    assert_eq!(n.param, "controls");
    assert_eq!(
        n.problem,
        NoticeProblem::ControlUnavailable {
            control: Control::Budget
        }
    );
    says(n, &["`budget`"]);
}

#[test]
fn addresses_round_trip() {
    let base = "https://example.org/payung/";
    let mut changed = presets::load("ambon").unwrap();
    changed.programmes.jht = true;
    let configs = [
        EmbedConfig::default(),
        EmbedConfig {
            preset: "bontang".into(),
            controls: vec![],
            charts: vec![ChartChoice::Cost],
            headlines: vec![],
            ..EmbedConfig::default()
        },
        EmbedConfig {
            preset: "jambi-bkbk".into(),
            controls: Control::ALL.to_vec(),
            charts: ChartChoice::ALL.to_vec(),
            headlines: vec![Headline::PerWorker, Headline::Target],
            lang: Lang::En,
            theme: Theme::Dark,
            accent: Some("#d55e00".into()),
            ..EmbedConfig::default()
        },
        EmbedConfig::default().with_scenario(&changed),
    ];
    for config in configs {
        let url = embed_url(&config, base);
        assert!(
            url.starts_with("https://example.org/payung/?embed=1&"),
            "{url}"
        );
        assert_eq!(parse(&url), (config.clone(), vec![]), "{url}");
        // A base with its own query and fragment gives the same address.
        assert_eq!(
            embed_url(&config, "https://example.org/payung/?lang=en#s=1.x"),
            url
        );
    }
    assert_eq!(
        embed_url(&EmbedConfig::default(), "/"),
        "/?embed=1&preset=ambon&controls=budget&chart=coverage&headline=coverage,cost&lang=id"
    );
}

#[test]
fn unchanged_presets_embed_by_name_and_changed_ones_by_payload() {
    let p = params();
    let bontang = presets::load("bontang").unwrap();
    let config = EmbedConfig::default().with_scenario(&bontang);
    assert_eq!(
        (config.preset.as_str(), config.share.as_deref()),
        ("bontang", None)
    );

    let mut sc = bontang.clone();
    sc.region.vulnerable_workers += 1_000;
    let config = EmbedConfig::default().with_scenario(&sc);
    assert_eq!(config.preset, "bontang");
    let payload = config.share.clone().unwrap();
    assert!(payload.starts_with("3."), "{payload}");
    assert_eq!(start(&config, &p).unwrap().valid.scenario(), &sc);

    // A scenario from a preset this build does not know falls back to the default.
    sc.preset = "atlantis".into();
    let config = EmbedConfig::default().with_scenario(&sc);
    assert_eq!(config.preset, presets::DEFAULT);
    assert_eq!(start(&config, &p).unwrap().valid.scenario(), &sc);
}

#[test]
fn the_snippet_has_the_iframe_and_checks_messages() {
    let config = EmbedConfig {
        controls: vec![Control::Budget, Control::Jht],
        ..EmbedConfig::default()
    };
    let snippet = iframe_snippet(&config, "https://example.org/payung/", 480, 640);
    assert!(snippet.starts_with("<iframe src=\"https://example.org/payung/?embed=1&amp;preset=ambon&amp;controls=budget,jht&amp;"), "{snippet}");
    for part in [
        "title=\"Payung: simulasi perlindungan pekerja rentan\"",
        "loading=\"lazy\"",
        "width=\"480\"",
        "height=\"640\"",
        "max-width:480px",
        "</iframe>",
        "<script>",
        "event.source !== iframe.contentWindow",
        "event.origin !== 'https://example.org'",
        "data.type !== 'payung:height'",
        "typeof height !== 'number'",
        "iframe.style.height = Math.ceil(height) + 'px'",
        "document.currentScript",
        "</script>",
    ] {
        assert!(snippet.contains(part), "missing {part} in\n{snippet}");
    }
    assert_eq!(MESSAGE_TYPE, "payung:height");
    // No raw `&` in the attribute, and one iframe and one script.
    let src = snippet.split('"').nth(1).unwrap();
    assert!(!src.contains("&p") && !src.contains("&c"), "{src}");
    assert_eq!(snippet.matches("<iframe").count(), 1);
    assert_eq!(snippet.matches("<script>").count(), 1);

    // English title; a relative base has no origin to check, the source check remains.
    let en = EmbedConfig {
        lang: Lang::En,
        ..EmbedConfig::default()
    };
    let snippet = iframe_snippet(&en, "/", 320, 500);
    assert!(snippet.contains("title=\"Payung: simulation of cover for vulnerable workers\""));
    assert!(!snippet.contains("event.origin"));
    assert!(snippet.contains("event.source !== iframe.contentWindow"));
}

#[test]
fn accents_stay_readable() {
    let dark_blue = EmbedConfig {
        accent: Some("#0072b2".into()),
        ..EmbedConfig::default()
    };
    assert_eq!(
        style(&dark_blue),
        "--accent:#0072b2;--accent-text:#ffffff;--accent-link:#0072b2;--focus:#0072b2"
    );
    let yellow = EmbedConfig {
        accent: Some("#f0e442".into()),
        ..EmbedConfig::default()
    };
    let css = style(&yellow);
    assert!(css.contains("--accent-text:#000000"), "{css}");
    assert!(
        css.contains("--accent-link:#0060a0"),
        "too faint for links: {css}"
    );
    let yellow_dark = EmbedConfig {
        theme: Theme::Dark,
        ..yellow
    };
    assert!(style(&yellow_dark).contains("--accent-link:#f0e442"));
    assert_eq!(style(&EmbedConfig::default()), "");
}

#[test]
fn every_vocabulary_word_reads_back() {
    for c in Control::ALL {
        assert_eq!(Control::from_code(c.code()), Some(c));
        assert_ne!(control_label(c, Lang::Id), control_label(c, Lang::En));
    }
    for c in ChartChoice::ALL {
        assert_eq!(ChartChoice::from_code(c.code()), Some(c));
    }
    for h in Headline::ALL {
        assert_eq!(Headline::from_code(h.code()), Some(h));
    }
    for t in Theme::ALL {
        assert_eq!(Theme::from_code(t.code()), Some(t));
    }
}

#[test]
fn the_national_embed_is_asked_for_and_written_back_with_only_its_look() {
    let (config, notices) = parse("?embed=national&lang=en&theme=dark&accent=%23112233");
    assert_eq!(notices, []);
    assert!(config.national);
    assert_eq!(config.lang, Lang::En);
    let written = query(&config);
    assert_eq!(
        written,
        "embed=national&lang=en&theme=dark&accent=%23112233"
    );
    assert_eq!(parse(&format!("?{written}")).0, config);
    // The scenario's embed is unchanged, and another value is still named.
    assert!(!parse("?embed=1").0.national);
    let (_, notices) = parse("?embed=nasional");
    assert_eq!(notices.len(), 1);
    assert_eq!(notices[0].param, "embed");
}

#[test]
fn the_national_embed_carries_the_edited_provinces_of_the_address() {
    let (config, notices) = parse(
        "?embed=national&lang=id&nplan=eNqrVkrOz0nNTc0rSS1SslIqzsgvyk8pSa0oUbJSSs7PSy0GAFX9CGM",
    );
    assert_eq!(notices, []);
    assert_eq!(
        config.plans.as_deref(),
        Some("eNqrVkrOz0nNTc0rSS1SslIqzsgvyk8pSa0oUbJSSs7PSy0GAFX9CGM")
    );
    let written = query(&config);
    assert!(written.contains("&nplan=eNqr"), "{written}");
    assert_eq!(parse(&format!("?{written}")).0, config);
    // Without edits the address is as before.
    let plain = EmbedConfig {
        national: true,
        ..EmbedConfig::default()
    };
    assert!(!query(&plain).contains("nplan"));
}
