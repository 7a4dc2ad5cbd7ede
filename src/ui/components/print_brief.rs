//! The one-page A4 brief for DPRD hearings: region and scenario, date, key figures, the
//! three charts, the funding ledger in whole Rupiah, the main assumptions with their legal
//! references, the chance of reaching the target and the goal-seek's answers (the yearly
//! amount the target needs, and the amount for an 80% chance) when they have been worked
//! out, and the share link with its QR code. It is hidden on screen and is the only
//! thing printed (see `@media print` in styles/main.css).

use crate::engine::outcome::{ratio, Outcome};
use crate::engine::scenario::Target;
use crate::engine::uncertainty::UncertaintyError;
use crate::engine::{Parameters, Scenario};
use crate::locale::format;
use crate::locale::Lang;
use crate::ui::components::goal_seek::{GoalAnswers, CHANCE_PCT};
use crate::ui::i18n::goal_seek::{
    budget_answer, chance_answer, chance_unreachable, question, why_unreachable,
};
use crate::ui::i18n::uncertainty::{chance, chance_label, draws_note_full, draws_short};
use crate::ui::i18n::{month_name, T};
use crate::ui::uncertainty::{Chance, FULL_DRAWS};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq, Clone)]
pub struct Props {
    pub params: Rc<Parameters>,
    pub scenario: Scenario,
    pub outcome: Rc<Outcome>,
    /// The three chart SVGs, as drawn on screen, each with its height (`Chart::svg_height`).
    pub charts: Vec<(String, u32)>,
    /// Whether the brief prints the scenario's share link, with its QR code.
    #[prop_or_default]
    pub linked: bool,
    pub lang: Lang,
    /// The chance of reaching the target for this scenario, if known.
    #[prop_or_default]
    pub chance: Option<Chance>,
    /// The goal-seek's answers for this scenario, if worked out.
    #[prop_or_default]
    pub goal: Option<GoalAnswers>,
}

/// The goal-seek's answers as the brief prints them: the question and the flat amount it
/// needs (or why none reaches the target), then the amount for an 80% chance when asked.
fn goal_lines(goal: &GoalAnswers, target: &Target, lang: Lang) -> Vec<(Option<String>, String)> {
    let name = &goal.source;
    let need = match &goal.need {
        Ok(a) => budget_answer(name, a, lang),
        Err(why) => format!(
            "{}: {}",
            T::Unreachable.get(lang),
            why_unreachable(why, lang)
        ),
    };
    let mut lines = vec![(Some(question(target, lang)), need)];
    match &goal.for_chance {
        Some(Ok(amount)) => lines.push((
            None,
            chance_answer(name, *amount, CHANCE_PCT, FULL_DRAWS, lang),
        )),
        Some(Err(UncertaintyError::Unreachable(_))) => {
            lines.push((None, chance_unreachable(name, CHANCE_PCT, lang)))
        }
        _ => {}
    }
    lines
}

/// About how many printed lines `lines` take (some 125 characters to a line of the page).
fn printed_lines(lines: &[(Option<String>, String)]) -> usize {
    lines
        .iter()
        .map(|(q, a)| {
            (q.as_ref().map_or(0, |q| q.chars().count() + 1) + a.chars().count()).div_ceil(125)
        })
        .sum()
}

/// Today's date in words, from the browser's clock (the engine never reads one).
fn today(lang: Lang) -> String {
    let now = js_sys::Date::new_0();
    format::date_long(
        now.get_full_year() as i32,
        now.get_month() as u8 + 1,
        now.get_date() as u8,
        lang,
    )
}

/// An SVG as an image source: hidden on screen, it costs no DOM parsing on each update,
/// and prints as vectors.
pub fn svg_src(svg: &str) -> String {
    let encoded: String = js_sys::encode_uri_component(svg).into();
    format!("data:image/svg+xml;charset=utf-8,{encoded}")
}

fn whole(x: rust_decimal::Decimal, lang: Lang) -> String {
    format::rupiah_in(x, lang)
}

/// How much the brief is scaled on paper so that it stays one A4 page: a horizon of up to
/// five years fits at full size; each further year's ledger row (about 20 CSS pixels of the
/// page's 1,047) and each line of the goal-seek's answers (about 15) is made room for by
/// printing the whole brief smaller, so that 20 years print at about three quarters of the
/// size. Measured by printing each horizon, with and without the answers (e2e print spec).
fn fit_zoom(ledger_rows: usize, answer_lines: usize) -> String {
    // The five-year brief is about 1,026 px; scaled briefs aim at 1,020, leaving room for
    // longer names.
    let extra = 20 * ledger_rows.saturating_sub(5) + 15 * answer_lines;
    if extra == 0 {
        return "1".into();
    }
    format!("{:.3}", 1_020.0 / (1_026.0 + extra as f64))
}

/// The longest link the brief prints as text: a longer one fills the page and nobody types
/// it, so its QR code alone opens it.
const TYPED_LINK_CHARS: usize = 200;

/// Whether a brief prints its link as text (short enough to type, or no code to scan), or
/// asks the reader to scan the code instead. Both briefs ask this.
pub fn prints_link_text(link: &str, qr: Option<&crate::ui::share::Qr>) -> bool {
    qr.is_none() || link.chars().count() <= TYPED_LINK_CHARS
}

/// The page's own address, with `scenario` (and the language, when English) as its
/// fragment.
fn page_link(scenario: &Scenario, lang: Lang) -> String {
    let here = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .map(|h| h.split('#').next().unwrap_or_default().to_string())
        .unwrap_or_default();
    let fragment = crate::ui::share::encode(scenario);
    format!(
        "{here}#{}",
        crate::ui::share::language::with_lang(&fragment, lang)
    )
}

#[component]
pub fn PrintBrief(props: &Props) -> Html {
    let lang = props.lang;
    // The brief is prepared again when the bands arrive, for the same scenario: its link
    // and code are worked out again only for another scenario.
    let link = use_memo(
        (props.scenario.clone(), props.linked, lang),
        |(sc, linked, lang)| linked.then(|| page_link(sc, *lang)),
    );
    let qr = use_memo(link.clone(), |link| {
        link.as_deref().and_then(crate::ui::share::qr)
    });
    let o = &props.outcome;
    let sc = &props.scenario;
    let p = &props.params;
    let last = o.last_month();
    let reached = o
        .target_reached
        .map(|d| format!("{} {}", month_name(d.month, lang), d.year))
        .unwrap_or_else(|| T::NotReached.get(lang).to_string());
    let start = sc.horizon.start;
    let cost = p.contribution_for(start, &sc.programmes, false);
    let figures = [
        (
            T::CardCoverage.get(lang),
            format!(
                "{} ({} / {})",
                format::percent(ratio(last.covered, last.population), lang),
                format::number(last.covered, lang),
                format::number(last.population, lang)
            ),
        ),
        (
            T::GroupTarget.get(lang),
            format!(
                "{} · {}",
                format::percent(sc.target.coverage, lang),
                sc.target.year
            ),
        ),
        (T::CardTarget.get(lang), reached),
        (
            T::CardCostHorizon.get(lang),
            whole(o.totals.contributions, lang),
        ),
        (
            T::CardPerWorkerYear.get(lang),
            o.totals
                .cost_per_worker_year
                .map(|x| whole(x, lang))
                .unwrap_or_else(|| "—".into()),
        ),
        // An estimate: rounded to a tenth of a juta/miliar, never to the Rupiah.
        (
            T::CardBenefits.get(lang),
            format!("≈ {}", format::rupiah_compact(o.totals.benefits_paid, lang)),
        ),
    ];
    let mut figures: Vec<(String, String)> = figures
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .collect();
    // The chance, and why it can be lower than the other figures suggest.
    let mut chance_note = None;
    if let Some(Chance::Ready {
        probability, draws, ..
    }) = &props.chance
    {
        let value = format!(
            "{} ({})",
            chance(*probability, lang),
            draws_short(*draws, lang)
        );
        figures.insert(3, (chance_label(sc.target.year, lang), value));
        chance_note = Some(draws_note_full(*draws, lang));
    }
    let goal = props
        .goal
        .as_ref()
        .map(|g| goal_lines(g, &sc.target, lang))
        .unwrap_or_default();
    let refs = |param: &crate::engine::Parameter| {
        param
            .references
            .first()
            .map(|r| r.title.clone())
            .unwrap_or_default()
    };
    let assumptions = [
        (
            format!(
                "JKK {} × {}",
                format::percent(p.jkk_rate.at(start), lang),
                // "Rp" stays on the line of its digits when the heading wraps.
                format::rupiah_in(sc.programmes.declared_income, lang).replacen(' ', "\u{a0}", 1)
            ),
            format::rupiah_in(cost.jkk, lang),
            refs(&p.jkk_rate),
        ),
        (
            "JKM".to_string(),
            format::rupiah_in(cost.jkm, lang),
            refs(&p.jkm_contribution),
        ),
        (
            format!("JHT{}", if sc.programmes.jht { "" } else { " (—)" }),
            format::rupiah_in(cost.jht, lang),
            refs(&p.jht_rate),
        ),
        (
            T::CostPerWorker.get(lang).to_string(),
            format::rupiah_in(cost.total(), lang),
            String::new(),
        ),
        (
            T::BriefDeathBenefit.get(lang).to_string(),
            format::rupiah_in(
                p.jkm_lump_sum.at(start) + p.jkm_periodic.at(start) + p.funeral_benefit.at(start),
                lang,
            ),
            refs(&p.jkm_lump_sum),
        ),
        (
            crate::ui::i18n::field_label(crate::ui::state::Field::DeathsPerThousand, lang)
                .to_string(),
            format::decimal(sc.risk.deaths_per_thousand, 1, lang),
            format!("[{}]", T::Estimate.get(lang)),
        ),
        (
            crate::ui::i18n::field_label(crate::ui::state::Field::LapseRate, lang).to_string(),
            format::percent(sc.enrolment.lapse_rate, lang),
            format!("[{}]", T::Estimate.get(lang)),
        ),
        (
            crate::ui::i18n::field_label(crate::ui::state::Field::VerificationPerMonth, lang)
                .to_string(),
            format::number(sc.enrolment.verification_per_month, lang),
            format!("[{}]", T::Estimate.get(lang)),
        ),
    ];
    html! {
        <section class="brief" aria-hidden="true" style={format!("--brief-zoom: {}", fit_zoom(o.years.len(), printed_lines(&goal)))}>
            <header class="brief-head">
                <div>
                    <h1>{ T::BriefTitle.get(lang) }</h1>
                    <p class="brief-region"><strong>{ crate::ui::i18n::presets::heading(&sc.region.name, &sc.name, lang) }</strong></p>
                </div>
                <p class="brief-date">{ T::BriefPrinted.get(lang) }{ ": " }{ today(lang) }<br/>{"Payung ☂"}</p>
            </header>
            <dl class="brief-figures">
                { for figures.iter().map(|(k, v)| html! { <div><dt>{ k }</dt><dd>{ v }</dd></div> }) }
            </dl>
            if let Some(note) = chance_note {
                <p class="brief-note">{ note }</p>
            }
            if !goal.is_empty() {
                <div class="brief-answers">
                    { for goal.iter().map(|(q, a)| html! {
                        <p class="brief-answer">
                            if let Some(q) = q { <strong>{ q }</strong>{ " " } }
                            { a }
                        </p>
                    }) }
                </div>
            }
            // The charts are drawn at one width; each may be as tall as its share of the
            // tallest's room, so that all three print at one scale, their text one size.
            <div class="brief-charts" style={format!("--h-max: {}", props.charts.iter().map(|c| c.1).max().unwrap_or(1).max(1))}>
                { for props.charts.iter().map(|(svg, h)| html! {
                    <div class="brief-chart"><img src={svg_src(svg)} alt="" style={format!("--h: {h}")} /></div>
                }) }
            </div>
            <div class="brief-bottom">
                <div class="brief-ledger">
                    <h2>{ T::BriefLedger.get(lang) }</h2>
                    // Up to five sources, each amount keeps to one line; more columns than
                    // A4 holds so may wrap rather than run off the page.
                    <table class={classes!((o.source_names.len() > 5).then_some("wide"))}>
                        <thead><tr>
                            <th>{ T::Year.get(lang) }</th>
                            { for o.source_names.iter().map(|n| html! { <th>{ n }</th> }) }
                            <th>{ T::BriefTotal.get(lang) }</th>
                        </tr></thead>
                        <tbody>
                            { for o.years.iter().map(|y| html! {
                                <tr>
                                    <td>{ y.year }{ if y.months < 12 { format!(" ({})", y.months) } else { String::new() } }</td>
                                    { for y.contributions_by_source.iter().map(|c| html! { <td>{ whole(*c, lang) }</td> }) }
                                    <td><strong>{ whole(y.contributions_total, lang) }</strong></td>
                                </tr>
                            }) }
                        </tbody>
                    </table>
                    <p class="brief-note">{ T::BriefLedgerNote.get(lang) }</p>
                </div>
                <div class="brief-assumptions">
                    <h2>{ T::BriefAssumptions.get(lang) }</h2>
                    <table>
                        <tbody>
                            { for assumptions.iter().map(|(k, v, r)| html! { <tr><th>{ k }</th><td class="value">{ v }</td><td class="ref">{ r }</td></tr> }) }
                        </tbody>
                    </table>
                </div>
                if let Some(link) = &*link {
                    <div class="brief-link">
                        if let Some(qr) = &*qr {
                            <div class="brief-qr"><img src={svg_src(&qr.svg)} alt=""
                                style={qr.printed_style()} /></div>
                        }
                        <p><strong>{ T::BriefLink.get(lang) }{ ":" }</strong><br/>
                            if prints_link_text(link, qr.as_ref().as_ref()) {
                                <span class="link-text">{ link }</span>
                            } else {
                                <span class="link-scan">{ T::BriefLinkScan.get(lang) }</span>
                            }
                        </p>
                    </div>
                }
            </div>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_horizon_prints_smaller_to_stay_one_page() {
        assert_eq!(fit_zoom(1, 0), "1");
        assert_eq!(fit_zoom(5, 0), "1");
        assert_eq!(fit_zoom(10, 0), "0.906");
        assert_eq!(fit_zoom(20, 0), "0.769");
    }

    #[test]
    fn the_goal_seeks_answers_make_room_for_themselves() {
        // Two lines of answers under five years: printed a little smaller, not cut.
        assert_eq!(fit_zoom(5, 2), "0.966");
        assert_eq!(fit_zoom(20, 4), "0.736");
        let short = vec![(Some("Q?".to_string()), "A.".to_string())];
        assert_eq!(printed_lines(&short), 1);
        let long = vec![
            (None, "x".repeat(200)),
            (Some("q".repeat(60)), "a".repeat(100)),
        ];
        assert_eq!(printed_lines(&long), 2 + 2);
    }
}
