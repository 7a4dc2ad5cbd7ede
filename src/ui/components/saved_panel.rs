//! "Skenario tersimpan": save the current scenario under a name, then open, rename,
//! duplicate or delete saved ones (with "Urungkan" after a delete), and pick two to four,
//! the current one included, to compare side by side below.
//!
//! The list is `ui::saved::SavedList`; each change is written through `ui::storage`
//! before it is shown, so the list on screen is the list in the browser. When storage is
//! blocked or full, the panel says so and the app keeps working.

mod model;

use crate::engine::{Parameters, Scenario};
use crate::locale::Lang;
use crate::ui::components::compare_panel::ComparePanel;
use crate::ui::i18n::saved::{entry_message, fill, problem_message, storage_message, text, Text};
use crate::ui::saved::{saved_at_label, SavedEntry};
use crate::ui::storage::{now_iso, SavedStore};
use model::{Model, Msg, Notice, Pick, MAX_PICKED};
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq, Clone)]
pub struct Props {
    /// The scenario on screen now: what "Simpan" saves and "Skenario saat ini" compares.
    pub scenario: Scenario,
    pub params: Rc<Parameters>,
    pub lang: Lang,
    /// Called with a saved scenario the user opens (dispatch `Action::Replace`).
    pub on_open: Callback<Scenario>,
    /// Where entries are kept: the app's own store unless a test gives another.
    #[prop_or_default]
    pub store: SavedStore,
}

#[component]
pub fn SavedPanel(props: &Props) -> Html {
    let lang = props.lang;
    let model = {
        let store = props.store.clone();
        use_reducer(move || Model::load(store))
    };
    let name_ref = use_node_ref();
    let rename_ref = use_node_ref();

    // The rename field gets the focus with its text selected when it opens.
    {
        let rename_ref = rename_ref.clone();
        use_effect_with(model.renaming.clone(), move |renaming| {
            if renaming.is_some() {
                if let Some(input) = rename_ref.cast::<HtmlInputElement>() {
                    let _ = input.focus();
                    input.select();
                }
            }
        });
    }
    // After a successful save the name field empties for the next one.
    {
        let name_ref = name_ref.clone();
        use_effect_with(model.notice.clone(), move |notice| {
            if matches!(notice, Some(Notice::Done(Text::SavedAs, _))) {
                if let Some(input) = name_ref.cast::<HtmlInputElement>() {
                    input.set_value("");
                }
            }
        });
    }

    let on_save = {
        let model = model.clone();
        let name_ref = name_ref.clone();
        let scenario = props.scenario.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let typed = name_ref
                .cast::<HtmlInputElement>()
                .map(|i| i.value())
                .unwrap_or_default();
            // Untyped: the scenario's name as the placeholder showed it, in the UI language.
            let name = if typed.trim().is_empty() {
                crate::ui::i18n::presets::scenario_name(&scenario.name, lang)
            } else {
                typed
            };
            model.dispatch(Msg::Save {
                name,
                scenario: Box::new(scenario.clone()),
                now: now_iso(),
            });
        })
    };
    let on_undo = {
        let model = model.clone();
        Callback::from(move |_| model.dispatch(Msg::Undo))
    };
    let toggle = |pick: Pick| {
        let model = model.clone();
        Callback::from(move |_: Event| model.dispatch(Msg::TogglePick(pick.clone())))
    };

    let notice = model.notice.as_ref().map(|n| match n {
        Notice::Done(key, name) => (false, fill(text(*key, lang), &[("name", name)])),
        Notice::Storage(e) => (true, storage_message(e, lang)),
        Notice::Entry(e, name) => (true, entry_message(e, name, lang)),
    });
    let full = model.picked.len() >= MAX_PICKED;
    let picked = |p: &Pick| model.picked.contains(p);

    // The compared scenarios: the current one first, then saved ones in list order.
    let mut items: Vec<(String, Scenario)> = Vec::new();
    let mut unopenable: Vec<String> = Vec::new();
    if picked(&Pick::Current) {
        items.push((
            text(Text::Current, lang).to_string(),
            props.scenario.clone(),
        ));
    }
    for entry in model.list.entries() {
        if picked(&Pick::Saved(entry.id.clone())) {
            match model.list.open(&entry.id) {
                Ok(sc) => items.push((entry.name.clone(), sc)),
                Err(e) => unopenable.push(entry_message(&e, &entry.name, lang)),
            }
        }
    }

    let item = |entry: &SavedEntry| {
        let id = entry.id.clone();
        let name = entry.name.clone();
        let on_open = {
            let model = model.clone();
            let on_open = props.on_open.clone();
            let (id, name) = (id.clone(), name.clone());
            Callback::from(move |_| match model.list.open(&id) {
                Ok(scenario) => {
                    on_open.emit(scenario);
                    model.dispatch(Msg::Opened(name.clone()));
                }
                Err(e) => model.dispatch(Msg::OpenFailed(e, name.clone())),
            })
        };
        let on_start_rename = {
            let model = model.clone();
            let id = id.clone();
            Callback::from(move |_| model.dispatch(Msg::StartRename(id.clone())))
        };
        let on_duplicate = {
            let model = model.clone();
            let id = id.clone();
            Callback::from(move |_| {
                model.dispatch(Msg::Duplicate {
                    id: id.clone(),
                    now: now_iso(),
                })
            })
        };
        let on_delete = {
            let model = model.clone();
            let id = id.clone();
            Callback::from(move |_| model.dispatch(Msg::Delete(id.clone())))
        };
        let renaming = model.renaming.as_deref() == Some(id.as_str());
        let pick = Pick::Saved(id.clone());
        let is_picked = picked(&pick);
        let label = |key: Text| format!("{}: {}", text(key, lang), name);
        html! {
            <li class="saved-item" key={id.clone()} data-id={id.clone()}>
                <label class="saved-pick">
                    <input type="checkbox" class="saved-compare" checked={is_picked}
                        disabled={full && !is_picked} aria-label={label(Text::Compare)}
                        onchange={toggle(pick)} />
                    { " " }{ text(Text::Compare, lang) }
                </label>
                <div class="saved-main">
                    if renaming {
                        { rename_form(&model, &rename_ref, &id, &name, lang) }
                    } else {
                        <span class="saved-name">{ &name }</span>
                        { " " }
                        <span class="muted saved-at">
                            { fill(text(Text::SavedAt, lang), &[("name", &saved_at_label(&entry.saved_at, lang))]) }
                        </span>
                    }
                </div>
                <div class="saved-actions">
                    <button type="button" class="icon saved-open" onclick={on_open} aria-label={label(Text::Open)}>
                        { text(Text::Open, lang) }
                    </button>
                    if !renaming {
                        <button type="button" class="icon saved-rename" onclick={on_start_rename} aria-label={label(Text::Rename)}>
                            { text(Text::Rename, lang) }
                        </button>
                    }
                    <button type="button" class="icon saved-duplicate" onclick={on_duplicate} aria-label={label(Text::Duplicate)}>
                        { text(Text::Duplicate, lang) }
                    </button>
                    <button type="button" class="icon danger saved-delete" onclick={on_delete} aria-label={label(Text::Delete)}>
                        { text(Text::Delete, lang) }
                    </button>
                </div>
            </li>
        }
    };

    html! {
        <>
            <section class="group saved" id="saved" aria-labelledby="saved-title">
                <h2 id="saved-title">{ text(Text::Title, lang) }</h2>
                if let Some(e) = &model.unavailable {
                    <div class="banner error" role="alert" id="saved-unavailable">
                        <p>{ storage_message(e, lang) }</p>
                    </div>
                }
                if !model.problems.is_empty() {
                    <div class="banner warnings" role="alert" id="saved-problems">
                        <p>{ fill(text(Text::Corrupt, lang), &[("n", &model.problems.len().to_string())]) }</p>
                        <ul>{ for model.problems.iter().map(|p| html! { <li>{ problem_message(p, lang) }</li> }) }</ul>
                    </div>
                }
                <form class="saved-save" onsubmit={on_save}>
                    <label for="saved-name">{ text(Text::NameLabel, lang) }</label>
                    <div class="saved-row">
                        <input type="text" id="saved-name" ref={name_ref} maxlength="120"
                            placeholder={crate::ui::i18n::presets::scenario_name(&props.scenario.name, lang)} />
                        <button type="submit" id="saved-save">{ text(Text::Save, lang) }</button>
                    </div>
                </form>
                if let Some((problem, message)) = notice {
                    <div id="saved-notice" class={classes!("saved-notice", problem.then_some("bad"))}
                        role={if problem { "alert" } else { "status" }}>
                        { message }
                        if model.undo.is_some() && matches!(model.notice, Some(Notice::Done(Text::Deleted, _))) {
                            { " " }
                            <button type="button" id="saved-undo" class="icon" onclick={on_undo}>{ text(Text::Undo, lang) }</button>
                        }
                    </div>
                }
                <p class="muted">{ text(if full { Text::CompareMax } else { Text::CompareHint }, lang) }</p>
                <ul class="saved-list">
                    <li class="saved-item saved-current" key="current">
                        <label class="saved-pick">
                            <input type="checkbox" class="saved-compare" id="saved-compare-current"
                                checked={picked(&Pick::Current)} disabled={full && !picked(&Pick::Current)}
                                aria-label={format!("{}: {}", text(Text::Compare, lang), text(Text::Current, lang))}
                                onchange={toggle(Pick::Current)} />
                            { " " }{ text(Text::Compare, lang) }
                        </label>
                        <div class="saved-main">
                            <span class="saved-name">{ text(Text::Current, lang) }</span>
                            { " " }
                            <span class="muted">{ crate::ui::i18n::presets::scenario_name(&props.scenario.name, lang) }</span>
                        </div>
                    </li>
                    { for model.list.entries().iter().map(item) }
                </ul>
                if model.list.is_empty() {
                    <p class="muted" id="saved-empty">{ text(Text::Empty, lang) }</p>
                }
                if !unopenable.is_empty() {
                    <div class="banner error" role="alert">
                        { for unopenable.iter().map(|m| html! { <p>{ m }</p> }) }
                    </div>
                }
            </section>
            if items.len() >= 2 {
                <ComparePanel items={Rc::new(items)} params={props.params.clone()} {lang} />
            }
        </>
    }
}

/// The inline rename form of entry `id`: Enter or "Simpan nama" renames, Escape or
/// "Batal" leaves the name as it was.
fn rename_form(
    model: &UseReducerHandle<Model>,
    input_ref: &NodeRef,
    id: &str,
    name: &str,
    lang: Lang,
) -> Html {
    let on_submit = {
        let model = model.clone();
        let input_ref = input_ref.clone();
        let id = id.to_string();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let name = input_ref
                .cast::<HtmlInputElement>()
                .map(|i| i.value())
                .unwrap_or_default();
            model.dispatch(Msg::Rename {
                id: id.clone(),
                name,
            });
        })
    };
    let on_cancel = {
        let model = model.clone();
        Callback::from(move |_| model.dispatch(Msg::CancelRename))
    };
    let on_key = {
        let model = model.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                model.dispatch(Msg::CancelRename);
            }
        })
    };
    html! {
        <form class="saved-rename-form" onsubmit={on_submit}>
            <input type="text" class="saved-rename-input" ref={input_ref.clone()} value={name.to_string()}
                maxlength="120" aria-label={format!("{}: {}", text(Text::Rename, lang), name)} onkeydown={on_key} />
            <button type="submit" class="saved-rename-save">{ text(Text::SaveName, lang) }</button>
            <button type="button" class="icon saved-rename-cancel" onclick={on_cancel}>{ text(Text::Cancel, lang) }</button>
        </form>
    }
}
