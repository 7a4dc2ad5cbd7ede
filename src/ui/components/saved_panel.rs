//! "Skenario tersimpan": save the current scenario under a name, then open, rename,
//! duplicate or delete saved ones (with "Urungkan" after a delete), and pick two to four,
//! the current one included, to compare side by side below.
//!
//! The list is `ui::saved::SavedList`; each change is written through `ui::storage`
//! before it is shown, so the list on screen is the list in the browser. When storage is
//! blocked or full, the panel says so and the app keeps working.

use crate::engine::{Parameters, Scenario};
use crate::ui::components::compare_panel::ComparePanel;
use crate::ui::i18n::Lang;
use crate::ui::saved::{
    saved_at_label, EntryError, EntryProblem, ProblemKind, SavedEntry, SavedList,
};
use crate::ui::storage::{now_iso, SavedStore, StorageError};
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// This panel's own text; the lead may fold it into `i18n::T`. `{name}`, `{n}`, `{max}`,
/// `{found}`, `{supported}` and `{detail}` are filled in by `fill`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Text {
    Title,
    NameLabel,
    Save,
    Empty,
    Open,
    Rename,
    SaveName,
    Cancel,
    Duplicate,
    Delete,
    Undo,
    Compare,
    Current,
    CompareHint,
    CompareMax,
    SavedAt,
    SavedAs,
    Opened,
    Renamed,
    Duplicated,
    Deleted,
    Restored,
    Blocked,
    Full,
    Taken,
    Failed,
    Corrupt,
    NotJson,
    NotAnEntry,
    BadScenario,
    EmptyName,
    NameTooLong,
    NotFound,
    NewerVersion,
    Unreadable,
    Unwritable,
}

/// The text of `key` in `lang`.
pub fn text(key: Text, lang: Lang) -> &'static str {
    use Text::*;
    let (id, en) = match key {
        Title => ("Skenario tersimpan", "Saved scenarios"),
        NameLabel => ("Nama skenario", "Scenario name"),
        Save => ("Simpan", "Save"),
        Empty => (
            "Belum ada skenario tersimpan di browser ini.",
            "No scenarios saved in this browser yet.",
        ),
        Open => ("Buka", "Open"),
        Rename => ("Ganti nama", "Rename"),
        SaveName => ("Simpan nama", "Save name"),
        Cancel => ("Batal", "Cancel"),
        Duplicate => ("Duplikat", "Duplicate"),
        Delete => ("Hapus", "Delete"),
        Undo => ("Urungkan", "Undo"),
        Compare => ("Bandingkan", "Compare"),
        Current => ("Skenario saat ini", "Current scenario"),
        CompareHint => (
            "Centang 2–4 skenario untuk dibandingkan.",
            "Tick 2–4 scenarios to compare them.",
        ),
        CompareMax => (
            "Paling banyak 4 skenario dibandingkan sekaligus.",
            "At most 4 scenarios can be compared at once.",
        ),
        SavedAt => ("disimpan {name}", "saved {name}"),
        SavedAs => ("Tersimpan sebagai “{name}”.", "Saved as “{name}”."),
        Opened => ("“{name}” dibuka.", "Opened “{name}”."),
        Renamed => ("Nama diganti menjadi “{name}”.", "Renamed to “{name}”."),
        Duplicated => ("Disalin sebagai “{name}”.", "Copied as “{name}”."),
        Deleted => ("“{name}” dihapus.", "Deleted “{name}”."),
        Restored => ("“{name}” dikembalikan.", "Restored “{name}”."),
        Blocked => (
            "Penyimpanan browser diblokir (misalnya mode privat), jadi skenario tidak dapat disimpan di sini. Aplikasi tetap berjalan seperti biasa.",
            "Browser storage is blocked (private mode, for example), so scenarios cannot be saved here. The app keeps working as usual.",
        ),
        Full => (
            "Penyimpanan browser penuh, jadi perubahan ini tidak tersimpan. Skenario yang sudah tersimpan tetap aman; hapus yang tidak diperlukan untuk memberi ruang.",
            "Browser storage is full, so this change was not saved. Scenarios saved before are safe; delete ones you no longer need to make room.",
        ),
        Taken => (
            "Tab lain baru saja menyimpan skenario pada saat yang sama. Coba lagi.",
            "Another tab saved a scenario at the same moment. Please try again.",
        ),
        Failed => (
            "Browser menolak menyimpan: {detail}",
            "The browser refused to store this: {detail}",
        ),
        Corrupt => (
            "{n} skenario tersimpan rusak dan dilewati; yang lain tetap dimuat:",
            "{n} saved scenario(s) are damaged and were skipped; the others loaded:",
        ),
        NotJson => ("bukan JSON", "not JSON"),
        NotAnEntry => (
            "bukan entri skenario ({detail})",
            "not a saved scenario ({detail})",
        ),
        BadScenario => (
            "isian skenario salah di {detail}",
            "the scenario is wrong at {detail}",
        ),
        EmptyName => ("Beri nama skenario ini.", "Give the scenario a name."),
        NameTooLong => (
            "Nama paling banyak {max} karakter.",
            "A name has at most {max} characters.",
        ),
        NotFound => (
            "Skenario ini sudah tidak ada.",
            "This scenario no longer exists.",
        ),
        NewerVersion => (
            "“{name}” disimpan oleh Payung yang lebih baru (versi skenario {found}; versi ini membaca sampai {supported}).",
            "“{name}” was saved by a newer Payung (scenario version {found}; this one reads up to {supported}).",
        ),
        Unreadable => (
            "“{name}” tidak dapat dibaca: {detail}",
            "“{name}” cannot be read: {detail}",
        ),
        Unwritable => (
            "Skenario tidak dapat ditulis: {detail}",
            "The scenario cannot be written: {detail}",
        ),
    };
    match lang {
        Lang::Id => id,
        Lang::En => en,
    }
}

/// `template` with each `{key}` replaced by its value.
fn fill(template: &str, values: &[(&str, &str)]) -> String {
    values.iter().fold(template.to_string(), |t, (k, v)| {
        t.replace(&format!("{{{k}}}"), v)
    })
}

/// A storage problem in the user's language.
pub fn storage_message(e: &StorageError, lang: Lang) -> String {
    match e {
        StorageError::Blocked => text(Text::Blocked, lang).into(),
        StorageError::Full => text(Text::Full, lang).into(),
        StorageError::Taken(_) => text(Text::Taken, lang).into(),
        StorageError::Encode(d) => fill(text(Text::Unwritable, lang), &[("detail", d)]),
        StorageError::Failed(d) => fill(text(Text::Failed, lang), &[("detail", d)]),
    }
}

/// A refused action on an entry named `name`, in the user's language.
pub fn entry_message(e: &EntryError, name: &str, lang: Lang) -> String {
    match e {
        EntryError::EmptyName => text(Text::EmptyName, lang).into(),
        EntryError::NameTooLong { max } => {
            fill(text(Text::NameTooLong, lang), &[("max", &max.to_string())])
        }
        EntryError::NotFound(_) => text(Text::NotFound, lang).into(),
        EntryError::NewerVersion { found, supported } => fill(
            text(Text::NewerVersion, lang),
            &[
                ("name", name),
                ("found", &found.to_string()),
                ("supported", &supported.to_string()),
            ],
        ),
        EntryError::Unreadable(detail) => fill(
            text(Text::Unreadable, lang),
            &[("name", name), ("detail", &detail.to_string())],
        ),
        EntryError::Unwritable(d) => fill(text(Text::Unwritable, lang), &[("detail", d)]),
    }
}

/// An unreadable entry, for the list of skipped ones.
fn problem_message(p: &EntryProblem, lang: Lang) -> String {
    let reason = match &p.kind {
        ProblemKind::NotJson => text(Text::NotJson, lang).to_string(),
        ProblemKind::NotAnEntry(path) => fill(text(Text::NotAnEntry, lang), &[("detail", path)]),
        ProblemKind::BadScenario(path) => fill(text(Text::BadScenario, lang), &[("detail", path)]),
    };
    match &p.name {
        Some(name) => format!("“{name}” ({}): {reason}", p.id),
        None => format!("{}: {reason}", p.id),
    }
}

#[derive(Properties, PartialEq)]
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

/// A scenario picked for comparison.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Pick {
    Current,
    Saved(String),
}

/// What the panel last reports; put into words when shown.
#[derive(Clone, Debug, PartialEq)]
enum Notice {
    /// Something done to the entry of this name (`Text::SavedAs`, `Text::Deleted`, …).
    Done(Text, String),
    Storage(StorageError),
    /// A refused action on the entry of this name.
    Entry(EntryError, String),
}

/// The panel's state: the list as stored, and the user's choices around it.
#[derive(Clone, Debug, PartialEq)]
struct Model {
    store: SavedStore,
    list: SavedList,
    /// Entries skipped because they could not be read.
    problems: Vec<EntryProblem>,
    /// Why nothing could be loaded (storage blocked), if so.
    unavailable: Option<StorageError>,
    notice: Option<Notice>,
    /// The last deleted entry and its place, for "Urungkan".
    undo: Option<(usize, SavedEntry)>,
    /// The id of the entry being renamed.
    renaming: Option<String>,
    picked: Vec<Pick>,
}

enum Msg {
    Save {
        name: String,
        scenario: Box<Scenario>,
        now: String,
    },
    Opened(String),
    OpenFailed(EntryError, String),
    StartRename(String),
    Rename {
        id: String,
        name: String,
    },
    CancelRename,
    Duplicate {
        id: String,
        now: String,
    },
    Delete(String),
    Undo,
    TogglePick(Pick),
}

/// How a changed entry is written: a new key, or over its own.
type Write = fn(&SavedStore, &SavedEntry) -> Result<(), StorageError>;

impl Model {
    fn load(store: SavedStore) -> Self {
        let (list, problems, unavailable) = match store.load() {
            Ok((list, problems)) => (list, problems, None),
            Err(e) => (SavedList::new(), Vec::new(), Some(e)),
        };
        Model {
            store,
            list,
            problems,
            unavailable,
            notice: None,
            undo: None,
            renaming: None,
            picked: Vec::new(),
        }
    }

    /// Applies `change` to a copy of the list and writes the changed entry; the copy
    /// replaces the list only if the write succeeded, so the list shown is the one stored.
    /// Returns whether it did.
    fn change(
        &mut self,
        change: impl FnOnce(&mut SavedList) -> Result<String, EntryError>,
        write: Write,
        done: Text,
        name: &str,
    ) -> bool {
        let mut next = self.list.clone();
        let id = match change(&mut next) {
            Ok(id) => id,
            Err(e) => {
                self.notice = Some(Notice::Entry(e, name.to_string()));
                return false;
            }
        };
        let Some(entry) = next.get(&id) else {
            self.notice = Some(Notice::Entry(EntryError::NotFound(id), name.to_string()));
            return false;
        };
        match write(&self.store, entry) {
            Ok(()) => {
                self.notice = Some(Notice::Done(done, entry.name.clone()));
                self.list = next;
                true
            }
            Err(e) => {
                // Another tab wrote under this key: take the stored list as it now is,
                // so that trying again picks a free key.
                if matches!(e, StorageError::Taken(_)) {
                    if let Ok((list, problems)) = self.store.load() {
                        self.list = list;
                        self.problems = problems;
                    }
                }
                self.notice = Some(Notice::Storage(e));
                false
            }
        }
    }

    fn name_of(&self, id: &str) -> String {
        self.list
            .get(id)
            .map(|e| e.name.clone())
            .unwrap_or_default()
    }
}

impl Reducible for Model {
    type Action = Msg;

    fn reduce(self: Rc<Self>, msg: Msg) -> Rc<Self> {
        let mut m = (*self).clone();
        match msg {
            Msg::Save {
                name,
                scenario,
                now,
            } => {
                m.change(
                    |l| l.save(&name, &scenario, &now),
                    SavedStore::insert,
                    Text::SavedAs,
                    &name,
                );
            }
            Msg::Duplicate { id, now } => {
                let name = m.name_of(&id);
                m.change(
                    |l| l.duplicate(&id, &now),
                    SavedStore::insert,
                    Text::Duplicated,
                    &name,
                );
            }
            Msg::Rename { id, name } => {
                let renamed = m.change(
                    |l| l.rename(&id, &name).map(|()| id.clone()),
                    SavedStore::update,
                    Text::Renamed,
                    &name,
                );
                if renamed {
                    m.renaming = None;
                }
            }
            Msg::Delete(id) => {
                let mut next = m.list.clone();
                if let Some((index, entry)) = next.delete(&id) {
                    match m.store.remove(&id) {
                        Ok(()) => {
                            m.list = next;
                            m.picked.retain(|p| *p != Pick::Saved(id.clone()));
                            if m.renaming.as_deref() == Some(id.as_str()) {
                                m.renaming = None;
                            }
                            m.notice = Some(Notice::Done(Text::Deleted, entry.name.clone()));
                            m.undo = Some((index, entry));
                        }
                        Err(e) => m.notice = Some(Notice::Storage(e)),
                    }
                }
            }
            Msg::Undo => {
                if let Some((index, entry)) = m.undo.take() {
                    let mut next = m.list.clone();
                    let restored = next.undo_delete(index, entry.clone()).clone();
                    match m.store.insert(&restored) {
                        Ok(()) => {
                            m.list = next;
                            m.notice = Some(Notice::Done(Text::Restored, restored.name));
                        }
                        Err(e) => {
                            m.undo = Some((index, entry));
                            m.notice = Some(Notice::Storage(e));
                        }
                    }
                }
            }
            Msg::Opened(name) => m.notice = Some(Notice::Done(Text::Opened, name)),
            Msg::OpenFailed(e, name) => m.notice = Some(Notice::Entry(e, name)),
            Msg::StartRename(id) => m.renaming = Some(id),
            Msg::CancelRename => m.renaming = None,
            Msg::TogglePick(pick) => {
                if let Some(at) = m.picked.iter().position(|p| *p == pick) {
                    m.picked.remove(at);
                } else if m.picked.len() < MAX_PICKED {
                    m.picked.push(pick);
                }
            }
        }
        Rc::new(m)
    }
}

/// The most scenarios compared at once.
const MAX_PICKED: usize = crate::charts::compare::MAX_COMPARED;

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
            let name = if typed.trim().is_empty() {
                scenario.name.clone()
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
                            placeholder={props.scenario.name.clone()} />
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
                            <span class="muted">{ &props.scenario.name }</span>
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_are_filled() {
        assert_eq!(
            fill(text(Text::SavedAs, Lang::Id), &[("name", "Opsi A")]),
            "Tersimpan sebagai “Opsi A”."
        );
        assert_eq!(
            entry_message(&EntryError::NameTooLong { max: 120 }, "", Lang::En),
            "A name has at most 120 characters."
        );
        let newer = EntryError::NewerVersion {
            found: 3,
            supported: 1,
        };
        assert!(entry_message(&newer, "B", Lang::Id).contains("versi skenario 3"));
    }

    #[test]
    fn every_text_has_both_languages() {
        use Text::*;
        for key in [
            Title,
            NameLabel,
            Save,
            Empty,
            Open,
            Rename,
            SaveName,
            Cancel,
            Duplicate,
            Delete,
            Undo,
            Compare,
            Current,
            CompareHint,
            CompareMax,
            SavedAt,
            SavedAs,
            Opened,
            Renamed,
            Duplicated,
            Deleted,
            Restored,
            Blocked,
            Full,
            Taken,
            Failed,
            Corrupt,
            NotJson,
            NotAnEntry,
            BadScenario,
            EmptyName,
            NameTooLong,
            NotFound,
            NewerVersion,
            Unreadable,
            Unwritable,
        ] {
            assert!(!text(key, Lang::Id).is_empty() && !text(key, Lang::En).is_empty());
        }
    }
}
