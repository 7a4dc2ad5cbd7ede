//! The outcomes the app shows, derived from the state and never stored: the shown
//! scenario's and its preset's (the faint baseline). The full app and the embed share it.

use crate::engine::{simulate, Outcome};
use crate::ui::state::State;
use std::rc::Rc;
use yew::prelude::*;

/// The outcome of the shown scenario and of its preset (the faint baseline), each
/// recomputed only when its own scenario changes. The full app and the embed share it.
#[hook]
pub fn use_outcomes(state: &State) -> (Rc<Outcome>, Rc<Option<Outcome>>) {
    let outcome = {
        let params = state.params.clone();
        use_memo(state.valid.clone(), move |valid| simulate(&params, valid))
    };
    let baseline = {
        let params = state.params.clone();
        use_memo(state.preset.clone(), move |preset| {
            (**preset)
                .clone()
                .validate(&params)
                .ok()
                .map(|v| simulate(&params, &v))
        })
    };
    (outcome, baseline)
}
