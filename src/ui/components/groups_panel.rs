//! Kelompok pekerja: add, remove and rename worker groups, each with its workers, scheme,
//! income or wage and PP 50/2025 window; the group checkboxes on a source card; and the
//! coverage-by-group table of the results. With no groups the section is one button, so
//! the common case looks as before.

use super::scenario_field::{field_problem, number_input, scenario_field};
use crate::engine::scenario::Scheme;
use crate::engine::Outcome;
use crate::locale::{format, Lang};
use crate::ui::i18n::groups::GroupText;
use crate::ui::i18n::{field_label, problem_message, T};
use crate::ui::state::{Action, Field, GroupField, SourceField, State};
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub state: Rc<State>,
    pub on_action: Callback<Action>,
}

/// One group's card.
fn group_card(state: &State, g: usize, on_action: &Callback<Action>) -> Html {
    let lang = state.lang;
    let group = &state.scenario.groups[g];
    let id = |what: &str| format!("group-{g}-{what}");
    let wage_earner = group.scheme == Scheme::WageEarner;
    let on_name = {
        let on_action = on_action.clone();
        Callback::from(move |e: InputEvent| {
            let name = e.target_unchecked_into::<HtmlInputElement>().value();
            on_action.emit(Action::SetGroupName(g, name));
        })
    };
    let on_scheme = {
        let on_action = on_action.clone();
        Callback::from(move |e: Event| {
            let wage = e.target_unchecked_into::<HtmlSelectElement>().value() == "wage_earner";
            let scheme = if wage {
                Scheme::WageEarner
            } else {
                Scheme::Bpu
            };
            on_action.emit(Action::SetGroupScheme(g, scheme));
        })
    };
    let on_transport = {
        let on_action = on_action.clone();
        Callback::from(move |e: Event| {
            let on = e.target_unchecked_into::<HtmlInputElement>().checked();
            on_action.emit(Action::SetGroupTransport(g, on));
        })
    };
    let remove = {
        let on_action = on_action.clone();
        Callback::from(move |_| on_action.emit(Action::RemoveGroup(g)))
    };
    let income = Field::Group(g, GroupField::DeclaredIncome);
    let income_problem = state
        .error
        .as_ref()
        .filter(|e| e.field == income)
        .map(|e| AttrValue::from(problem_message(e.field, &e.problem, lang)));
    html! {
        <li class="source-card worker-group" id={id("card")}>
            <div class="source-head">
                <label class="sr-only" for={id("name")}>{ field_label(Field::Group(g, GroupField::Name), lang) }</label>
                <input id={id("name")} class="source-name" type="text" value={group.name.clone()} oninput={on_name} />
                <button type="button" class="icon danger" id={id("remove")}
                    aria-label={format!("{}: {}", GroupText::Remove.get(lang), group.name)}
                    onclick={remove}>{"✕"}</button>
            </div>
            { field_problem(state, Field::Group(g, GroupField::Name)) }
            { scenario_field(state, Field::Group(g, GroupField::Workers), on_action, Html::default()) }
            <div class="field">
                <label for={id("scheme")}>{ field_label(Field::Scheme, lang) }</label>
                <select id={id("scheme")} onchange={on_scheme}>
                    <option value="bpu" selected={!wage_earner}>{ T::SchemeBpu.get(lang) }</option>
                    <option value="wage_earner" selected={wage_earner}>{ T::SchemeWageEarner.get(lang) }</option>
                </select>
            </div>
            if !wage_earner {
                <div class="field checkbox">
                    <input id={id("transport")} type="checkbox" checked={group.transport} onchange={on_transport} />
                    <label for={id("transport")}>{ field_label(Field::Transport, lang) }</label>
                </div>
            }
            if wage_earner {
                { number_input(state, income, on_action, T::Wage.get(lang).to_string(), income_problem, Html::default()) }
            } else {
                { scenario_field(state, income, on_action, Html::default()) }
            }
            { scenario_field(state, Field::Group(g, GroupField::RiskFactor), on_action, Html::default()) }
        </li>
    }
}

/// The worker groups section of the controls.
#[component]
pub fn GroupsPanel(props: &Props) -> Html {
    let state = &props.state;
    let lang = state.lang;
    let groups = state.scenario.groups.len();
    let on_add = {
        let on_action = props.on_action.clone();
        Callback::from(move |_| on_action.emit(Action::AddGroup))
    };
    html! {
        <details class="group" open={groups > 0} id="worker-groups">
            <summary><h2>{ GroupText::Title.get(lang) }</h2></summary>
            <p class="note">{ GroupText::Note.get(lang) }</p>
            { field_problem(state, Field::Groups) }
            if groups > 0 {
                <ol class="sources worker-groups">
                    { for (0..groups).map(|g| group_card(state, g, &props.on_action)) }
                </ol>
            }
            <button type="button" id="add-group" onclick={on_add}
                disabled={groups >= crate::engine::scenario::limits::MAX_GROUPS as usize}>
                { GroupText::Add.get(lang) }
            </button>
        </details>
    }
}

/// On a source card: which groups the source pays for (all of them when none is limited).
/// Nothing while the scenario has fewer than two groups.
pub fn source_groups(state: &State, i: usize, on_action: &Callback<Action>) -> Html {
    let sc = &state.scenario;
    if sc.groups.len() < 2 {
        return field_problem(state, Field::Source(i, SourceField::Groups));
    }
    let source = &sc.sources[i];
    html! {
        <fieldset class="field source-groups" id={format!("source-{i}-groups")}>
            <legend>{ GroupText::PaysFor.get(state.lang) }</legend>
            { for sc.groups.iter().enumerate().map(|(g, group)| {
                let id = format!("source-{i}-group-{g}");
                let on_action = on_action.clone();
                let onchange = Callback::from(move |e: Event| {
                    let on = e.target_unchecked_into::<HtmlInputElement>().checked();
                    on_action.emit(Action::SetSourceGroup(i, g, on));
                });
                html! {
                    <div class="checkbox">
                        <input id={id.clone()} type="checkbox" checked={source.serves(&group.name)} {onchange} />
                        <label for={id}>{ group.name.clone() }</label>
                    </div>
                }
            }) }
            { field_problem(state, Field::Source(i, SourceField::Groups)) }
        </fieldset>
    }
}

#[derive(Properties, PartialEq)]
pub struct CoverageProps {
    pub outcome: Rc<Outcome>,
    pub lang: Lang,
}

/// Coverage by group at each year's end, with what was paid for each group; nothing
/// without groups.
#[component]
pub fn GroupCoverage(props: &CoverageProps) -> Html {
    let (o, lang) = (&props.outcome, props.lang);
    if o.group_names.is_empty() {
        return Html::default();
    }
    html! {
        <div class="table-scroll" tabindex="0">
            <table id="group-coverage">
                <caption>{ GroupText::TableTitle.get(lang) }</caption>
                <thead><tr>
                    <th scope="col">{ T::Year.get(lang) }</th>
                    <th scope="col">{ GroupText::TableGroup.get(lang) }</th>
                    <th scope="col">{ GroupText::TableCovered.get(lang) }</th>
                    <th scope="col">{ GroupText::TableWorkers.get(lang) }</th>
                    <th scope="col">{ "%" }</th>
                    <th scope="col">{ GroupText::TablePaid.get(lang) }</th>
                </tr></thead>
                <tbody>
                    { for o.years.iter().flat_map(|y| o.group_names.iter().enumerate().map(move |(g, name)| {
                        let covered = y.covered_by_group_end.get(g).copied().unwrap_or(0);
                        let workers = y.population_by_group_end.get(g).copied().unwrap_or(0);
                        let paid = y.contributions_by_group.get(g).copied().unwrap_or_default();
                        html! {
                            <tr>
                                <td>{ y.year }</td>
                                <th scope="row">{ name.clone() }</th>
                                <td>{ format::number(covered, lang) }</td>
                                <td>{ format::number(workers, lang) }</td>
                                <td>{ format::percent(crate::engine::ratio(covered, workers), lang) }</td>
                                <td>{ format::decimal(paid.round_dp(0), 0, lang) }</td>
                            </tr>
                        }
                    })) }
                </tbody>
            </table>
        </div>
    }
}
