//! "Sumber dana provinsi": the editor of a chosen province's own sources in the national
//! view (`regions::ProvinceSource`): each source's kind (APBD provinsi, BKBK to desa,
//! co-funding, quotas per kab/kota), its amount, first and last year and priority; sources
//! are added and removed. Amounts are typed in the app's number fields (`number_field`,
//! Indonesian `1.234.567` or English `1,234,567`), which say beside the field what they
//! refuse. An edit that passes the checks here is handed on; the engine checks the whole
//! plan where it runs, and an edit it refuses comes back as `refused`. Either way the
//! reason is said in the user's language and the last valid plan keeps running. The edits
//! themselves are pure functions (`province_sources/edit.rs`). It knows nothing of where
//! the plan is run or stored.

mod edit;

pub use edit::{edited, fresh_name, kind_of, problem, Edit};

use super::number_field::NumberField;
use crate::engine::regions::{ProvinceAmount, ProvinceScenario, ProvinceSource};
use crate::engine::scenario::limits::{self, Bounds};
use crate::engine::Rupiah;
use crate::locale::{format, Lang};
use crate::ui::i18n::province_sources::{cannot_run, text, Text};
use crate::ui::state::Display;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use std::rc::Rc;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub lang: Lang,
    /// The province's plan now running (its starting plan until edited).
    pub plan: Rc<ProvinceScenario>,
    /// The province's kab/kota (code, name), for quotas.
    pub kabkota: Rc<Vec<(String, String)>>,
    /// What each source paid over the horizon, by source name, once worked out.
    pub paid: Rc<Vec<(String, Rupiah)>>,
    /// Whether the plan differs from the starting one.
    pub edited: bool,
    /// Whether the answer for the newest plan is still being worked out.
    pub busy: bool,
    /// Why the engine refused the last edit (its own words), taken back since.
    pub refused: Option<AttrValue>,
    /// A plan that passed the checks here.
    pub on_change: Callback<ProvinceScenario>,
    pub on_reset: Callback<()>,
}

/// The four kinds of source, in the order offered.
const KINDS: [Text; 4] = [Text::Apbd, Text::Bkbk, Text::CoFund, Text::Quota];

#[component]
pub fn ProvinceSources(props: &Props) -> Html {
    let lang = props.lang;
    let draft = use_state(|| (*props.plan).clone());
    // Whether the draft cannot run: its message is written at each redraw, in the language
    // of the moment.
    let bad = use_state(|| false);
    {
        let (draft, bad) = (draft.clone(), bad.clone());
        use_effect_with(props.plan.clone(), move |plan| {
            draft.set((**plan).clone());
            bad.set(false);
        });
    }
    let on_edit = {
        let (draft, bad, on_change) = (draft.clone(), bad.clone(), props.on_change.clone());
        let kabkota = props.kabkota.clone();
        Callback::from(move |edit: Edit| {
            let next = edited(&draft, &edit, &kabkota);
            let runs = problem(&next, lang).is_none();
            if runs {
                on_change.emit(next.clone());
            }
            bad.set(!runs);
            draft.set(next);
        })
    };
    let message = bad
        .then(|| problem(&draft, lang))
        .flatten()
        .or_else(|| props.refused.as_ref().map(|why| cannot_run(why, lang)));
    let full = draft.sources.len() >= limits::MAX_SOURCES as usize;
    let add = on_edit.reform(|_: MouseEvent| Edit::Add);
    let reset = props.on_reset.reform(|_: MouseEvent| ());
    html! {
        <section class="province-sources" id="province-sources" aria-labelledby="province-sources-title">
            <h3 id="province-sources-title">
                { text(Text::Title, lang) }
                if props.edited { <span class="tag">{ text(Text::Edited, lang) }</span> }
            </h3>
            <p class="note">{ text(Text::Intro, lang) }</p>
            { for draft.sources.iter().enumerate().map(|(i, s)| source_row(props, &draft, i, s, &on_edit)) }
            if let Some(m) = &message {
                <p class="field-error" id="province-sources-error" role="alert">{ m }</p>
            }
            <p class="province-sources-actions">
                <button type="button" id="province-source-add" onclick={add} disabled={full}>{ text(Text::Add, lang) }</button>
                if props.edited {
                    { " " }
                    <button type="button" id="province-sources-reset" onclick={reset}>{ text(Text::Reset, lang) }</button>
                }
                if props.busy {
                    { " " }<span class="muted" aria-busy="true">{ text(Text::Updating, lang) }</span>
                }
            </p>
        </section>
    }
}

/// One source's fieldset.
fn source_row(
    props: &Props,
    plan: &ProvinceScenario,
    i: usize,
    s: &ProvinceSource,
    on_edit: &Callback<Edit>,
) -> Html {
    let lang = props.lang;
    let id = |what: &str| AttrValue::from(format!("prov-src-{i}-{what}"));
    let kind = kind_of(&s.amount);
    let on_kind = on_edit.reform(move |e: Event| {
        let k = e.target_unchecked_into::<HtmlSelectElement>().value();
        Edit::Kind(i, k.parse().unwrap_or(0))
    });
    let number = |what: &str,
                  label: Text,
                  value: Decimal,
                  bounds: Bounds,
                  display,
                  edit: Callback<Decimal>| {
        html! {
            <NumberField id={id(what)} label={text(label, lang)} {value} preset={None::<Decimal>}
                {bounds} {display} {lang} on_change={edit} compact=true />
        }
    };
    // The amount's field: its label, value, range and unit follow the kind of source.
    let amount_field = |label, value: &Decimal, bounds, display| {
        number(
            "amount",
            label,
            *value,
            bounds,
            display,
            on_edit.reform(move |v| Edit::Amount(i, v)),
        )
    };
    let amount = match &s.amount {
        ProvinceAmount::Apbd { yearly } => {
            amount_field(Text::Yearly, yearly, limits::YEARLY_AMOUNT, Display::Rupiah)
        }
        ProvinceAmount::Bkbk { per_desa } => {
            amount_field(Text::PerDesa, per_desa, limits::PER_DESA, Display::Rupiah)
        }
        ProvinceAmount::CoFund { share } => {
            amount_field(Text::Share, share, limits::SHARE, Display::Percent)
        }
        ProvinceAmount::Quota { workers } => quota(props, i, workers, on_edit),
    };
    let whole = |v: Decimal| v.trunc().to_i64().unwrap_or(0);
    let first = number(
        "first",
        Text::FirstYear,
        Decimal::from(s.first_year),
        limits::YEAR,
        Display::Year,
        on_edit.reform(move |v| Edit::FirstYear(i, whole(v) as i32)),
    );
    let end = plan.horizon.start.year + plan.horizon.years as i32 - 1;
    let open_end = s.last_year.is_none();
    let on_open_end = {
        let first_year = s.first_year;
        on_edit.reform(move |e: Event| {
            let on = e
                .target_unchecked_into::<web_sys::HtmlInputElement>()
                .checked();
            Edit::LastYear(i, (!on).then_some(end.max(first_year)))
        })
    };
    let last = s.last_year.map(|y| {
        number(
            "last",
            Text::LastYear,
            Decimal::from(y),
            limits::YEAR,
            Display::Year,
            on_edit.reform(move |v| Edit::LastYear(i, Some(whole(v) as i32))),
        )
    });
    let priority = number(
        "priority",
        Text::Priority,
        Decimal::from(s.priority),
        limits::PRIORITY,
        Display::Count,
        on_edit.reform(move |v| Edit::Priority(i, whole(v) as u32)),
    );
    let paid = props
        .paid
        .iter()
        .find(|(n, _)| *n == s.name)
        .map(|(_, v)| *v);
    let remove = on_edit.reform(move |_: MouseEvent| Edit::Remove(i));
    html! {
        <fieldset class="province-source" key={format!("{i}-{}", s.name)} id={id("row")}>
            <legend>{ &s.name }</legend>
            <div class="field province-kind">
                <div class="field-head"><label for={id("kind")}>{ text(Text::Kind, lang) }</label></div>
                <select id={id("kind")} onchange={on_kind}>
                    { for KINDS.iter().enumerate().map(|(k, t)| html! {
                        <option value={k.to_string()} selected={k == kind}>{ text(*t, lang) }</option>
                    }) }
                </select>
            </div>
            { amount }
            { first }
            <label class="check"><input type="checkbox" id={id("open-end")} checked={open_end} onchange={on_open_end} />{ " " }{ text(Text::ToTheEnd, lang) }</label>
            { last.unwrap_or_default() }
            { priority }
            <p class="province-source-foot">
                if let Some(v) = paid {
                    <span class="paid" id={id("paid")}>{ format!("{}: {}", text(Text::Paid, lang), format::rupiah_compact(v, lang)) }</span>{ " " }
                }
                <button type="button" class="remove" id={id("remove")} onclick={remove}
                    aria-label={format!("{}: {}", text(Text::Remove, lang), s.name)}>{ text(Text::Remove, lang) }</button>
            </p>
        </fieldset>
    }
}

/// A quota's fields: one for every kab/kota at once, and one for each.
fn quota(
    props: &Props,
    i: usize,
    workers: &std::collections::BTreeMap<String, u64>,
    on_edit: &Callback<Edit>,
) -> Html {
    let lang = props.lang;
    let same = workers
        .values()
        .next()
        .copied()
        .filter(|n| workers.values().all(|m| m == n));
    let field = |id: String, label: String, n: u64, code: Option<String>| {
        html! {
            <NumberField id={id} label={label} value={Decimal::from(n)} preset={None::<Decimal>}
                bounds={limits::PLEDGED_WORKERS} display={Display::Workers} {lang} compact=true
                on_change={on_edit.reform(move |v: Decimal| Edit::Quota(i, code.clone(), v.trunc().to_u64().unwrap_or(0)))} />
        }
    };
    html! {<>
        { field(format!("prov-src-{i}-amount"), text(Text::QuotaAll, lang).to_string(), same.unwrap_or(0), None) }
        <details class="quota-each">
            <summary>{ text(Text::QuotaEach, lang) }</summary>
            { for props.kabkota.iter().enumerate().map(|(k, (code, name))| {
                let n = workers.get(code).copied().unwrap_or(0);
                field(format!("prov-src-{i}-q{k}"), name.clone(), n, Some(code.clone()))
            }) }
        </details>
    </>}
}
