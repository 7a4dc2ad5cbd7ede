//! Sumber pendanaan: add, remove and reorder funding sources of every kind, with the
//! fields each kind needs. List order is priority order.

use super::group::Group;
use super::groups_panel::source_groups;
use super::param_info::ParamInfo;
use super::scenario_field::{
    aria_invalid, error_id, field_problem, number_input, problem_with, scenario_field,
};
use super::source_years::source_years;
use crate::engine::edit::Rule;
use crate::engine::error::Problem;
use crate::engine::outcome::Warning;
use crate::engine::scenario::limits::MAX_SOURCES;
use crate::engine::scenario::{CoFundPart, SourceKind};
use crate::ui::budgets::{bapak_asuh_yield, dana_desa_yield};
use crate::ui::i18n::source_kind::source_kind_name;
use crate::ui::i18n::sources::{self as words, SourceText};
use crate::ui::i18n::{field_label, problem_message, rule_name, warning, T};
use crate::ui::state::{Action, Field, SourceField, State};
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub state: Rc<State>,
    pub on_action: Callback<Action>,
    /// The simulation's warnings: each one about a source is shown in that source's card.
    #[prop_or_default]
    pub warnings: Vec<Warning>,
}

/// The source a warning is about, if it is about one.
fn warned_source(w: &Warning) -> Option<&str> {
    match w {
        Warning::DanaDesaAboveCap { source, .. }
        | Warning::BudgetUnspent { source, .. }
        | Warning::CoverLost { source, .. } => Some(source),
        Warning::VerificationBinding { .. } => None,
    }
}

fn kind_from_key(key: &str) -> Option<SourceKind> {
    SourceKind::ALL.into_iter().find(|k| k.key() == key)
}

fn rule_key(rule: Rule) -> &'static str {
    match rule {
        Rule::Rupiah => "rupiah",
        Rule::Workers => "workers",
        Rule::DanaDesa => "dana_desa",
        Rule::BapakAsuh => "bapak_asuh",
        Rule::CoFund => "co_fund",
    }
}

/// A co-funder's choices: the share, whom it helps, and which part of the premium.
fn co_fund_fields(state: &State, i: usize, on_action: &Callback<Action>) -> Html {
    let lang = state.lang;
    let Some((_, of, part)) = state.scenario.sources[i].co_funding() else {
        return Html::default();
    };
    let id = |what: &str| format!("source-{i}-{what}");
    let on_of = {
        let on_action = on_action.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            on_action.emit(Action::SetCoFundOf(i, (!v.is_empty()).then_some(v)));
        })
    };
    let on_part = {
        let on_action = on_action.clone();
        Callback::from(move |e: Event| {
            let jht = e.target_unchecked_into::<HtmlSelectElement>().value() == "jht";
            on_action.emit(Action::SetCoFundPart(
                i,
                if jht {
                    CoFundPart::Jht
                } else {
                    CoFundPart::All
                },
            ));
        })
    };
    let helped = state
        .scenario
        .sources
        .iter()
        .enumerate()
        .filter(|(j, s)| *j != i && s.co_funding().is_none());
    let share = Field::Source(i, SourceField::CoShare);
    html! {<>
        { number_input(state, share, on_action, field_label(share, lang).to_string(),
            co_share_problem(state, i), Html::default()) }
        <div class="field">
            <label for={id("of")}>{ field_label(Field::Source(i, SourceField::CoFundOf), lang) }</label>
            <select id={id("of")} onchange={on_of}>
                <option value="" selected={of.is_none()}>{ T::CoFundEveryone.get(lang) }</option>
                { for helped.map(|(_, s)| html! {
                    <option value={s.name.clone()} selected={of == Some(s.name.as_str())}>{ &s.name }</option>
                }) }
            </select>
        </div>
        { field_problem(state, Field::Source(i, SourceField::CoFundOf)) }
        <div class="field">
            <label for={id("part")}>{ field_label(Field::Source(i, SourceField::CoFundPart), lang) }</label>
            <select id={id("part")} onchange={on_part}>
                <option value="all" selected={part == CoFundPart::All}>{ T::CoFundAll.get(lang) }</option>
                <option value="jht" selected={part == CoFundPart::Jht}>{ T::CoFundJht.get(lang) }</option>
            </select>
        </div>
        if part == CoFundPart::Jht && !state.scenario.programmes.jht {
            <p class="note" id={id("jht-off")}>{ SourceText::CoFundJhtOff.get(lang) }</p>
        }
    </>}
}

/// The problem to show beside co-funder `i`'s share: its own, or shares of one source
/// adding up to more than 100% when `i` is one of them (validation names only the first,
/// which may not be the one the user just raised).
fn co_share_problem(state: &State, i: usize) -> Option<AttrValue> {
    let e = state.error.as_ref()?;
    let mine = e.field == Field::Source(i, SourceField::CoShare);
    let shared = matches!(e.field, Field::Source(_, SourceField::CoShare))
        && match &e.problem {
            Problem::CoFundOver { helped, .. } => {
                let sources = &state.scenario.sources;
                sources
                    .iter()
                    .find(|s| s.name == *helped)
                    .is_some_and(|h| sources[i].co_funds(h))
            }
            _ => false,
        };
    (mine || shared).then(|| AttrValue::from(problem_message(e.field, &e.problem, state.lang)))
}

fn source_card(
    state: &State,
    i: usize,
    on_action: &Callback<Action>,
    warnings: &[Warning],
) -> Html {
    let lang = state.lang;
    let s = &state.scenario.sources[i];
    let mine: Vec<&Warning> = warnings
        .iter()
        .filter(|w| warned_source(w) == Some(s.name.as_str()))
        .collect();
    // A Dana Desa share above the legal cap marks the share field itself.
    let share = Field::Source(i, SourceField::DanaDesaShare);
    let share_problem = problem_with(state, share)
        .map(|e| problem_message(e.field, &e.problem, lang))
        .or_else(|| {
            mine.iter()
                .find(|w| matches!(w, Warning::DanaDesaAboveCap { .. }))
                .map(|w| warning(w, lang))
        })
        .map(AttrValue::from);
    let co_funds = s.co_funding().is_some();
    let f = |field: SourceField| {
        scenario_field(state, Field::Source(i, field), on_action, Html::default())
    };
    let emit = |make: fn(usize, bool) -> Action| {
        let on_action = on_action.clone();
        Callback::from(move |e: Event| {
            on_action.emit(make(
                i,
                e.target_unchecked_into::<HtmlInputElement>().checked(),
            ))
        })
    };
    // A name is one line: the box wraps a long one over as many rows as it needs, so the
    // whole name shows in the narrow column, but Enter does not start a new line and a
    // pasted line break becomes a space.
    let on_name = {
        let on_action = on_action.clone();
        Callback::from(move |e: InputEvent| {
            let name = e.target_unchecked_into::<HtmlTextAreaElement>().value();
            on_action.emit(Action::SetSourceName(i, one_line(&name)))
        })
    };
    let no_enter = Callback::from(|e: KeyboardEvent| {
        if e.key() == "Enter" {
            e.prevent_default();
        }
    });
    let on_kind = {
        let on_action = on_action.clone();
        Callback::from(move |e: Event| {
            if let Some(kind) =
                kind_from_key(&e.target_unchecked_into::<HtmlSelectElement>().value())
            {
                on_action.emit(Action::SetSourceKind(i, kind));
            }
        })
    };
    let on_rule = {
        let on_action = on_action.clone();
        let rules = Rule::for_kind(s.kind);
        Callback::from(move |e: Event| {
            let key = e.target_unchecked_into::<HtmlSelectElement>().value();
            if let Some(rule) = rules.iter().find(|r| rule_key(**r) == key) {
                on_action.emit(Action::SetSourceRule(i, *rule));
            }
        })
    };
    let rule = Rule::of(&s.amount);
    let rules = Rule::for_kind(s.kind);
    let id = |x: &str| format!("src-{i}-{x}");
    let remove = {
        let on_action = on_action.clone();
        Callback::from(move |_| on_action.emit(Action::RemoveSource(i)))
    };
    let up = {
        let on_action = on_action.clone();
        Callback::from(move |_| on_action.emit(Action::MoveUp(i)))
    };
    let month = state.valid.horizon.start;
    html! {
        <li class="source-card" aria-label={s.name.clone()}>
            <div class="source-head">
                <span class="priority" title={T::MoveUp.get(lang)}>{ i + 1 }</span>
                <label class="sr-only" for={id("name")}>{ T::SourceName.get(lang) }</label>
                <textarea id={id("name")} class="source-name" rows={name_rows(&s.name).to_string()} value={s.name.clone()}
                    oninput={on_name} onkeydown={no_enter} spellcheck="false"
                    aria-invalid={aria_invalid(state, Field::Source(i, SourceField::Name))}
                    aria-describedby={aria_invalid(state, Field::Source(i, SourceField::Name)).map(|_| error_id(Field::Source(i, SourceField::Name)))} />
                <button type="button" class="icon" aria-label={format!("{}: {}", T::MoveUp.get(lang), s.name)}
                    disabled={i == 0} onclick={up}>{"↑"}</button>
                <button type="button" class="icon danger" aria-label={format!("{}: {}", T::Remove.get(lang), s.name)}
                    onclick={remove}>{"✕"}</button>
            </div>
            { field_problem(state, Field::Source(i, SourceField::Name)) }
            if !mine.is_empty() {
                <ul class="field-warnings" id={id("warnings")}>
                    { for mine.iter().map(|w| html! { <li><span role="status">{ warning(w, lang) }</span></li> }) }
                </ul>
            }
            <div class="field">
                <label for={id("kind")}>{ T::SourceKind.get(lang) }</label>
                <select id={id("kind")} onchange={on_kind}>
                    { for SourceKind::ALL.iter().map(|k| html! {
                        <option value={k.key()} selected={*k == s.kind}>{ source_kind_name(*k, lang) }</option>
                    }) }
                </select>
            </div>
            { field_problem(state, Field::Source(i, SourceField::Kind)) }
            if rules.len() > 1 {
                <div class="field">
                    <label for={id("rule")}>{ T::SourceRule.get(lang) }</label>
                    <select id={id("rule")} onchange={on_rule}>
                        { for rules.iter().map(|r| html! {
                            <option value={rule_key(*r)} selected={*r == rule}>{ rule_name(*r, lang) }</option>
                        }) }
                    </select>
                </div>
            }
            { field_problem(state, Field::Source(i, SourceField::Rule)) }
            { source_groups(state, i, on_action) }
            { match rule {
                Rule::Rupiah => html! {<>{ f(SourceField::Yearly) }{ source_years(state, i, on_action) }</>},
                Rule::Workers => f(SourceField::PledgedWorkers),
                Rule::DanaDesa => html! {<>
                    { number_input(state, share, on_action, field_label(share, lang).to_string(), share_problem,
                        html! { <ParamInfo param={state.params.dana_desa_blt_cap.clone()} {month} {lang} /> }) }
                    { scenario_field(state, Field::Source(i, SourceField::PerDesa), on_action,
                        html! { <ParamInfo param={state.params.dana_desa_per_desa.clone()} {month} {lang} /> }) }
                    if let Some(y) = dana_desa_yield(&state.params, &state.scenario, i) {
                        <p class="note yield" id={id("yield")}>{ words::dana_desa_yield(&y, lang) }</p>
                    }
                </>},
                Rule::BapakAsuh => html! {<>
                    { f(SourceField::Participation) }{ f(SourceField::WorkersPerSponsor) }
                    if let Some(y) = bapak_asuh_yield(&state.params, &state.scenario, i) {
                        <p class="note yield" id={id("yield")}>{ words::bapak_asuh_yield(&y, lang) }</p>
                    }
                </>},
                Rule::CoFund => co_fund_fields(state, i, on_action),
            } }
            // A co-funder enrols nobody: no starting cover, growth, cap or discount of its own.
            if !co_funds {
                { scenario_field(state, Field::StartingCover(i), on_action, Html::default()) }
            }
            { f(SourceField::FirstYear) }
            { f(SourceField::FirstMonth) }
            <div class="field checkbox">
                <input id={id("open")} type="checkbox" checked={s.last_year.is_none()} onchange={emit(Action::SetOpenEnded)} />
                <label for={id("open")}>{ T::OpenEnded.get(lang) }</label>
            </div>
            { f(SourceField::LastYear) }
            if !co_funds {
                { f(SourceField::Growth) }
                <div class="field checkbox">
                    <input id={id("capped")} type="checkbox" checked={s.cap_workers.is_some()} onchange={emit(Action::SetCapped)} />
                    <label for={id("capped")}>{ T::Capped.get(lang) }</label>
                </div>
                { f(SourceField::Cap) }
                if s.kind.is_public_budget() {
                    <p class="note">{ T::DiscountNever.get(lang) }</p>
                } else {
                    <div class="field checkbox">
                        <input id={id("discount")} type="checkbox" checked={s.discount} onchange={emit(Action::SetDiscount)} />
                        <label for={id("discount")}>{ T::Discount.get(lang) }</label>
                        <ParamInfo param={state.params.pp50_discount.clone()} month={month} {lang} />
                    </div>
                }
            }
            if co_funds {
                { field_problem(state, Field::Source(i, SourceField::Cap)) }
                { field_problem(state, Field::StartingCover(i)) }
            }
            { field_problem(state, Field::Source(i, SourceField::Discount)) }
        </li>
    }
}

#[component]
pub fn SourcesPanel(props: &Props) -> Html {
    let state = &props.state;
    let lang = state.lang;
    let chosen = use_state(|| SourceKind::BapakAsuh);
    let on_choose = {
        let chosen = chosen.clone();
        Callback::from(move |e: Event| {
            if let Some(kind) =
                kind_from_key(&e.target_unchecked_into::<HtmlSelectElement>().value())
            {
                chosen.set(kind);
            }
        })
    };
    let on_add = {
        let on_action = props.on_action.clone();
        let chosen = chosen.clone();
        Callback::from(move |_| on_action.emit(Action::AddSource(*chosen)))
    };
    // Only desa receive Dana Desa: a region without desa is not offered it.
    let no_desa = state.scenario.region.desa == 0;
    let offered = |k: SourceKind| !(no_desa && k == SourceKind::DanaDesa);
    // The list is full: the add button says why it does nothing.
    let full = state.scenario.sources.len() >= MAX_SOURCES as usize;
    html! {
        <Group key_name="sources" title={T::GroupSources.get(lang)}>
            if state.scenario.sources.is_empty() {
                <p class="note">{ T::NoSources.get(lang) }</p>
            }
            <ol class="sources">
                { for (0..state.scenario.sources.len()).map(|i| source_card(state, i, &props.on_action, &props.warnings)) }
            </ol>
            <div class="add-source">
                <label for="new-source-kind">{ T::SourceKind.get(lang) }</label>
                <select id="new-source-kind" onchange={on_choose}
                    aria-describedby={no_desa.then_some("no-desa")}>
                    { for SourceKind::ALL.iter().map(|k| html! {
                        <option value={k.key()} selected={*k == *chosen} disabled={!offered(*k)}>
                            { source_kind_name(*k, lang) }
                        </option>
                    }) }
                </select>
                <button type="button" id="add-source" onclick={on_add} disabled={full || !offered(*chosen)}
                    aria-describedby={full.then_some("sources-full")}>
                    { "+ " }{ T::AddSource.get(lang) }
                </button>
                if full {
                    <p class="note" id="sources-full" role="status">{ words::sources_full(MAX_SOURCES, lang) }</p>
                }
                if no_desa {
                    <p class="note" id="no-desa">{ SourceText::NoDesa.get(lang) }</p>
                }
            </div>
        </Group>
    }
}

/// About how many characters of a source's name fit on one row of its box in the controls'
/// column.
const NAME_CHARS_PER_ROW: usize = 18;

/// The rows a source's name box shows: enough for the whole name, at most three.
fn name_rows(name: &str) -> usize {
    name.chars()
        .count()
        .div_ceil(NAME_CHARS_PER_ROW)
        .clamp(1, 3)
}

/// A name typed or pasted over several lines, on one.
fn one_line(name: &str) -> String {
    name.replace("\r\n", " ").replace(['\r', '\n'], " ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_name_shows_whole_on_one_line() {
        assert_eq!(name_rows("Dana Desa"), 1);
        assert_eq!(name_rows("APBD Kab. Mukomuko"), 1);
        assert_eq!(name_rows("APBD Kab. Kepulauan Siau Tagulandang Biaro"), 3);
        assert_eq!(name_rows(&"x".repeat(200)), 3);
        assert_eq!(one_line("APBD\nKab.\r\nMukomuko"), "APBD Kab. Mukomuko");
    }
}
