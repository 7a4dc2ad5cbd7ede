//! "Sumber dana provinsi": the editor of a chosen province's own sources in the national
//! view (`regions::ProvinceSource`): each source's kind (APBD provinsi, BKBK to desa,
//! co-funding, quotas per kab/kota), its amount, first and last year and priority; sources
//! are added and removed. Amounts are typed in the app's number fields (`number_field`,
//! Indonesian `1.234.567` or English `1,234,567`), which say beside the field what they
//! refuse. An edit that passes the checks here is handed on; the engine checks the whole
//! plan where it runs, and an edit it refuses comes back as `refused`. Either way the
//! reason is said in the user's language and the last valid plan keeps running. It knows
//! nothing of where the plan is run or stored.

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

/// Which of `KINDS` an amount is.
pub fn kind_of(amount: &ProvinceAmount) -> usize {
    match amount {
        ProvinceAmount::Apbd { .. } => 0,
        ProvinceAmount::Bkbk { .. } => 1,
        ProvinceAmount::CoFund { .. } => 2,
        ProvinceAmount::Quota { .. } => 3,
    }
}

/// A new amount of kind `kind` (an index of `KINDS`), at zero: the planner types it.
fn zero_amount(kind: usize, kabkota: &[(String, String)]) -> ProvinceAmount {
    match kind {
        1 => ProvinceAmount::Bkbk {
            per_desa: Decimal::ZERO,
        },
        2 => ProvinceAmount::CoFund {
            share: Decimal::ZERO,
        },
        3 => ProvinceAmount::Quota {
            workers: kabkota.iter().map(|(c, _)| (c.clone(), 0)).collect(),
        },
        _ => ProvinceAmount::Apbd {
            yearly: Decimal::ZERO,
        },
    }
}

/// A source name for kind `kind` not yet used in `plan` ("BKBK Provinsi Maluku 2").
pub fn fresh_name(plan: &ProvinceScenario, kind: usize, skip: Option<usize>) -> String {
    let place = plan.name.trim_start_matches("Provinsi ").to_string();
    let stem = match kind {
        1 => format!("BKBK Provinsi {place}"),
        2 => format!("Ko-pendanaan Provinsi {place}"),
        3 => format!("Kuota Provinsi {place}"),
        _ => format!("APBD Provinsi {place}"),
    };
    let taken = |name: &str| {
        plan.sources
            .iter()
            .enumerate()
            .any(|(i, s)| Some(i) != skip && s.name.trim() == name)
    };
    (1..)
        .map(|n| match n {
            1 => stem.clone(),
            _ => format!("{stem} {n}"),
        })
        .find(|name| !taken(name))
        .unwrap_or(stem)
}

/// One edit to the plan.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    Kind(usize, usize),
    Amount(usize, Decimal),
    /// Quota workers of one kab/kota, or of every one (`None`).
    Quota(usize, Option<String>, u64),
    FirstYear(usize, i32),
    LastYear(usize, Option<i32>),
    Priority(usize, u32),
    Add,
    Remove(usize),
}

/// `plan` with `edit` made (the kab/kota list is for a new quota).
pub fn edited(
    plan: &ProvinceScenario,
    edit: &Edit,
    kabkota: &[(String, String)],
) -> ProvinceScenario {
    let mut plan = plan.clone();
    let end = plan.horizon.start.year + plan.horizon.years as i32 - 1;
    let named = |plan: &ProvinceScenario, kind, i| fresh_name(plan, kind, Some(i));
    match edit {
        Edit::Kind(i, kind) if *i < plan.sources.len() => {
            let name = named(&plan, *kind, *i);
            let s = &mut plan.sources[*i];
            s.amount = zero_amount(*kind, kabkota);
            s.name = name;
        }
        Edit::Amount(i, v) => match plan.sources.get_mut(*i).map(|s| &mut s.amount) {
            Some(ProvinceAmount::Apbd { yearly }) => *yearly = *v,
            Some(ProvinceAmount::Bkbk { per_desa }) => *per_desa = *v,
            Some(ProvinceAmount::CoFund { share }) => *share = *v,
            _ => {}
        },
        Edit::Quota(i, code, n) => {
            if let Some(ProvinceAmount::Quota { workers }) =
                plan.sources.get_mut(*i).map(|s| &mut s.amount)
            {
                for (c, _) in kabkota {
                    if code.as_ref().is_none_or(|only| only == c) {
                        workers.insert(c.clone(), *n);
                    }
                }
            }
        }
        Edit::FirstYear(i, y) => {
            if let Some(s) = plan.sources.get_mut(*i) {
                s.first_year = *y;
            }
        }
        Edit::LastYear(i, y) => {
            if let Some(s) = plan.sources.get_mut(*i) {
                s.last_year = y.map(|y| y.min(end.max(s.first_year)));
            }
        }
        Edit::Priority(i, p) => {
            if let Some(s) = plan.sources.get_mut(*i) {
                s.priority = *p;
            }
        }
        Edit::Add if plan.sources.len() < limits::MAX_SOURCES as usize => {
            let source = ProvinceSource {
                name: fresh_name(&plan, 0, None),
                amount: zero_amount(0, kabkota),
                priority: plan
                    .sources
                    .iter()
                    .map(|s| s.priority + 1)
                    .max()
                    .unwrap_or(0),
                first_year: plan.horizon.start.year,
                last_year: None,
            };
            plan.sources.push(source);
        }
        Edit::Remove(i) if *i < plan.sources.len() => {
            plan.sources.remove(*i);
        }
        _ => {}
    }
    plan
}

/// Why `plan` cannot run, in the user's language, or nothing: what is seen here (a last
/// year before the first); the engine checks the rest when it works the plan out.
pub fn problem(plan: &ProvinceScenario, lang: Lang) -> Option<String> {
    plan.sources
        .iter()
        .any(|s| s.last_year.is_some_and(|l| l < s.first_year))
        .then(|| text(Text::LastBeforeFirst, lang).to_string())
}

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
    let amount = match &s.amount {
        ProvinceAmount::Apbd { yearly } => number(
            "amount",
            Text::Yearly,
            *yearly,
            limits::YEARLY_AMOUNT,
            Display::Rupiah,
            on_edit.reform(move |v| Edit::Amount(i, v)),
        ),
        ProvinceAmount::Bkbk { per_desa } => number(
            "amount",
            Text::PerDesa,
            *per_desa,
            limits::PER_DESA,
            Display::Rupiah,
            on_edit.reform(move |v| Edit::Amount(i, v)),
        ),
        ProvinceAmount::CoFund { share } => number(
            "amount",
            Text::Share,
            *share,
            limits::SHARE,
            Display::Percent,
            on_edit.reform(move |v| Edit::Amount(i, v)),
        ),
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::regions::NationalScenario;

    use crate::engine::regions;
    use crate::engine::Parameters;

    fn maluku() -> (ProvinceScenario, Vec<(String, String)>, Parameters) {
        let params = Parameters::embedded().unwrap();
        let catalogue = regions::catalogue().unwrap();
        let plan = NationalScenario::starting()
            .unwrap()
            .starting_province(&params, catalogue, "81")
            .unwrap();
        let kabkota = catalogue
            .kabkota
            .iter()
            .filter(|k| k.province_code == "81")
            .map(|k| (k.code.clone(), k.name.clone()))
            .collect();
        (plan, kabkota, params)
    }

    #[test]
    fn edits_make_plans_that_run_and_name_new_sources_apart() {
        let (plan, kk, params) = maluku();
        let plan = edited(&plan, &Edit::Add, &kk);
        assert_eq!(plan.sources.len(), 2);
        assert_eq!(plan.sources[1].name, "APBD Provinsi Maluku 2");
        assert_eq!(plan.sources[1].priority, 1);
        let plan = edited(&plan, &Edit::Kind(1, 3), &kk);
        assert_eq!(plan.sources[1].name, "Kuota Provinsi Maluku");
        let plan = edited(&plan, &Edit::Quota(1, None, 250), &kk);
        let ProvinceAmount::Quota { workers } = &plan.sources[1].amount else {
            panic!("a quota");
        };
        assert_eq!(workers.len(), kk.len());
        assert!(workers.values().all(|n| *n == 250));
        let plan = edited(&plan, &Edit::Quota(1, Some(kk[0].0.clone()), 7), &kk);
        let ProvinceAmount::Quota { workers } = &plan.sources[1].amount else {
            panic!("a quota");
        };
        assert_eq!(workers[&kk[0].0], 7);
        assert_eq!(problem(&plan, Lang::Id), None);
        assert!(plan
            .validate(&params, regions::catalogue().unwrap())
            .is_ok());
        let plan = edited(&plan, &Edit::Remove(0), &kk);
        assert_eq!(plan.sources.len(), 1);
        assert_eq!(problem(&plan, Lang::En), None);
        assert!(plan
            .validate(&params, regions::catalogue().unwrap())
            .is_ok());
    }

    #[test]
    fn a_plan_that_cannot_run_is_said_in_each_language() {
        let (plan, kk, _) = maluku();
        let start = plan.horizon.start.year;
        let bad = edited(&plan, &Edit::LastYear(0, Some(start)), &kk);
        let bad = edited(&bad, &Edit::FirstYear(0, start + 2), &kk);
        let id = problem(&bad, Lang::Id).unwrap();
        let en = problem(&bad, Lang::En).unwrap();
        assert!(id.contains("Tahun terakhir"), "{id}");
        assert!(en.contains("last year"), "{en}");
        // A last year past the horizon is brought back to its end.
        let late = edited(&plan, &Edit::LastYear(0, Some(start + 40)), &kk);
        assert_eq!(
            late.sources[0].last_year,
            Some(start + plan.horizon.years as i32 - 1)
        );
    }
}
