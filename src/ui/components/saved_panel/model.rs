//! The saved-scenarios panel's state: the list as stored, what the panel last reports,
//! and the user's choices around it (renaming, picks to compare, the delete to undo).
//!
//! `reduce` changes the list only through `SavedStore`, and only keeps a change that was
//! written, so that the list shown is the list stored. It draws nothing: the view is
//! `components::saved_panel`.

use crate::engine::Scenario;
use crate::ui::i18n::saved::Text;
use crate::ui::saved::{EntryError, EntryProblem, SavedEntry, SavedList};
use crate::ui::storage::{SavedStore, StorageError};
use std::rc::Rc;
use yew::Reducible;

/// A scenario picked for comparison.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Pick {
    Current,
    Saved(String),
}

/// What the panel last reports; put into words when shown.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Notice {
    /// Something done to the entry of this name (`Text::SavedAs`, `Text::Deleted`, …).
    Done(Text, String),
    Storage(StorageError),
    /// A refused action on the entry of this name.
    Entry(EntryError, String),
}

/// The panel's state: the list as stored, and the user's choices around it.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Model {
    store: SavedStore,
    pub(super) list: SavedList,
    /// Entries skipped because they could not be read.
    pub(super) problems: Vec<EntryProblem>,
    /// Why nothing could be loaded (storage blocked), if so.
    pub(super) unavailable: Option<StorageError>,
    pub(super) notice: Option<Notice>,
    /// The last deleted entry and its place, for "Urungkan".
    pub(super) undo: Option<(usize, SavedEntry)>,
    /// The id of the entry being renamed.
    pub(super) renaming: Option<String>,
    pub(super) picked: Vec<Pick>,
}

/// What the user did, or what the panel was told.
pub(super) enum Msg {
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
    /// The list in `store`, or an empty one and why, with no choices made yet.
    pub(super) fn load(store: SavedStore) -> Self {
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
pub(super) const MAX_PICKED: usize = crate::charts::compare::MAX_COMPARED;
