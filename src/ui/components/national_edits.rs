//! The national view's edited provinces: read once from the address (`ui::share::plans`,
//! `&nplan=…`), kept in the address as they change, and handed to the job that works the
//! nation out; edits the engine refuses are taken back (`use_checked`). `editor` puts the chosen province's own sources (`province_sources`) beside
//! its results. It knows nothing of the table or the map.

use super::province_sources::ProvinceSources;
use crate::engine::jobs::{Answer, Job};
use crate::engine::regions::{
    self, NationalOutcome, NationalScenario, OwnSources, ProvinceOutcome, ProvinceScenario,
};
use crate::engine::{Parameters, Rupiah};
use crate::locale::Lang;
use crate::ui::compute::Done;
use crate::ui::i18n::province_sources::{describe, link_unreadable};
use crate::ui::share::plans::{self, PlansLinkError};
use crate::ui::storage;
use std::rc::Rc;
use yew::prelude::*;

/// The edited provinces (in code order) and why the address's could not be read, if so.
#[hook]
pub fn use_edits() -> (UseStateHandle<Vec<OwnSources>>, Rc<Option<PlansLinkError>>) {
    let read = use_memo((), |_| {
        let address = storage::load_address().unwrap_or_default();
        // The regions' tables are read only for an address with edits (the section mounts
        // on every page, most without). Without the (embedded) tables the national view
        // shows why; the edits are empty.
        if plans::part_of(&address).is_none() {
            return Ok(Vec::new());
        }
        regions::catalogue().map_or(Ok(Vec::new()), |c| plans::provinces_of(&address, c))
    });
    let edits = use_state(|| read.as_ref().clone().unwrap_or_default());
    let problem = use_memo((), move |_| read.as_ref().as_ref().err().cloned());
    // The address keeps the edits (none: no part, as in older links), once they stay still
    // for `storage::ADDRESS_MS` (as the scenario's does): replacing the address costs the
    // page a style pass (10 ms, 15–50 ms on a slow laptop), which typing should not wait for.
    // Edits not yet written when the section goes away are written then.
    let unwritten = use_mut_ref(|| None::<Option<String>>);
    {
        let unwritten = unwritten.clone();
        use_effect_with((*edits).clone(), move |edits| {
            *unwritten.borrow_mut() = Some(plans::part(edits));
            let timer = gloo::timers::callback::Timeout::new(storage::ADDRESS_MS, move || {
                write_plans(&unwritten)
            });
            move || drop(timer)
        });
    }
    use_effect_with((), move |_| move || write_plans(&unwritten));
    (edits, problem)
}

/// Puts the edits the address does not show yet into it.
fn write_plans(unwritten: &std::cell::RefCell<Option<Option<String>>>) {
    if let Some(part) = unwritten.borrow_mut().take() {
        storage::replace_plans(part.as_deref());
    }
}

/// The answer to show, and why the engine refused the newest edits, if it did: refused
/// edits are taken back (to those of the last answer that ran, or none) and the reason is
/// kept until the next edit, so the last valid plan keeps showing.
#[hook]
pub fn use_checked(
    done: Option<Rc<Done>>,
    edits: &UseStateHandle<Vec<OwnSources>>,
) -> (Option<Rc<Done>>, UseStateHandle<Option<String>>) {
    let good = use_mut_ref(|| None::<Rc<Done>>);
    let refused = use_state(|| None::<String>);
    let why = match done.as_deref().map(|d| (&*d.job, &d.answer)) {
        Some((Job::National(asked), Answer::National(result))) => match &**result {
            Ok(_) => {
                *good.borrow_mut() = done.clone();
                None
            }
            Err(why) if !asked.is_empty() => Some(why.clone()),
            Err(_) => None,
        },
        _ => None,
    };
    {
        let (edits, refused, good) = (edits.clone(), refused.clone(), good.clone());
        use_effect_with(why.clone(), move |why| {
            if let Some(why) = why {
                refused.set(Some(why.clone()));
                let back = match good.borrow().as_deref().map(|d| &*d.job) {
                    Some(Job::National(ran)) => ran.clone(),
                    _ => Vec::new(),
                };
                edits.set(back);
            }
        });
    }
    let shown = match why {
        Some(_) => good.borrow().clone().or(done),
        None => done,
    };
    (shown, refused)
}

/// Says why the address's edits could not be read.
pub fn link_problem(problem: &Option<PlansLinkError>, lang: Lang) -> Html {
    match problem {
        Some(why) => html! {
            <p class="banner info" role="status" id="province-sources-link">{ link_unreadable(why, lang) }</p>
        },
        None => Html::default(),
    }
}

/// The national job for these edits.
pub fn job(edits: &[OwnSources]) -> Rc<Job> {
    Rc::new(Job::National(edits.to_vec()))
}

thread_local! {
    /// The last province's starting plan, so a redraw does not build it again.
    static STARTING: std::cell::RefCell<Option<ProvinceScenario>> =
        const { std::cell::RefCell::new(None) };
}

/// Province `code`'s starting plan in the national view.
fn starting(code: &str) -> Option<ProvinceScenario> {
    let kept = STARTING.with_borrow(|s| s.clone().filter(|p| p.province == code));
    if kept.is_some() {
        return kept;
    }
    let params = Parameters::embedded().ok()?;
    let catalogue = regions::catalogue().ok()?;
    let plan = NationalScenario::starting()
        .ok()?
        .starting_province(&params, catalogue, code)
        .ok()?;
    STARTING.with_borrow_mut(|s| *s = Some(plan.clone()));
    Some(plan)
}

/// The plan province `code` runs in the national view: its edited one, else its starting.
fn plan_of(code: &str, edits: &[OwnSources]) -> Option<ProvinceScenario> {
    let mut plan = starting(code)?;
    if let Some(given) = edits.iter().find(|p| p.province == code) {
        plan.sources.clone_from(&given.sources);
    }
    Some(plan)
}

/// What each of a province's own sources paid over the horizon, by name.
fn paid(outcome: &ProvinceOutcome) -> Vec<(String, Rupiah)> {
    let sum = |v: &Vec<Rupiah>| v.iter().copied().sum::<Rupiah>();
    let own = outcome.own_sources.iter();
    own.map(|s| (s.name.clone(), sum(&s.by_year))).collect()
}

/// The province's own sources, one sentence each with what it paid (for the brief).
pub fn source_lines(outcome: &ProvinceOutcome, edits: &[OwnSources], lang: Lang) -> Vec<String> {
    let Some(plan) = plan_of(&outcome.province.code, edits) else {
        return Vec::new();
    };
    let paid = paid(outcome);
    let paid_by = |name: &str| paid.iter().find(|(n, _)| n == name).map(|(_, v)| *v);
    plan.sources
        .iter()
        .map(|s| describe(s, paid_by(&s.name), lang))
        .collect()
}

/// The editor of province `code`'s own sources, over the answer `nation` (which `done`
/// answers); its edits go into `edits`.
pub fn editor(
    code: &str,
    nation: &NationalOutcome,
    done: Option<&Rc<Done>>,
    edits: &UseStateHandle<Vec<OwnSources>>,
    refused: &UseStateHandle<Option<String>>,
    lang: Lang,
) -> Html {
    let Some(plan) = plan_of(code, edits) else {
        return Html::default();
    };
    let edited = edits.iter().any(|p| p.province == code);
    let kabkota: Vec<(String, String)> = regions::catalogue()
        .map(|c| {
            c.kabkota
                .iter()
                .filter(|k| k.province_code == code)
                .map(|k| (k.code.clone(), k.name.clone()))
                .collect()
        })
        .unwrap_or_default();
    let paid = nation
        .provinces
        .iter()
        .find(|p| p.province.code == code)
        .map(paid)
        .unwrap_or_default();
    let busy = done.is_some_and(|d| *d.job != Job::National((**edits).clone()));
    let on_change = {
        let (edits, code, refused) = (edits.clone(), code.to_string(), refused.clone());
        let start = starting(code.as_str()).map(|p| p.sources);
        Callback::from(move |plan: ProvinceScenario| {
            let mut next: Vec<OwnSources> = edits
                .iter()
                .filter(|p| p.province != code)
                .cloned()
                .collect();
            if Some(&plan.sources) != start.as_ref() {
                next.push(OwnSources {
                    province: plan.province,
                    sources: plan.sources,
                });
            }
            next.sort_by(|a, b| a.province.cmp(&b.province));
            refused.set(None);
            edits.set(next);
        })
    };
    let on_reset = {
        let (edits, code) = (edits.clone(), code.to_string());
        Callback::from(move |()| {
            edits.set(
                edits
                    .iter()
                    .filter(|p| p.province != code)
                    .cloned()
                    .collect(),
            );
        })
    };
    html! {
        <ProvinceSources {lang} plan={Rc::new(plan)} kabkota={Rc::new(kabkota)} paid={Rc::new(paid)}
            {edited} {busy} refused={(**refused).clone().map(AttrValue::from)} {on_change} {on_reset} />
    }
}
