//! A collapsible group of controls (`<details class="group">`) whose open or closed state
//! is remembered in the browser, so the panel opens the way the user left it. A closed
//! group renders only its title: its fields cost nothing on a slider move elsewhere. It
//! knows nothing of the fields inside it.

use crate::ui::storage;
use web_sys::Element;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// A stable name for the group: its element id is `group-<key>`, its memory `payung.open.<key>`.
    pub key_name: AttrValue,
    pub title: AttrValue,
    /// Whether it is open when the user has never toggled it.
    #[prop_or(true)]
    pub open: bool,
    #[prop_or_default]
    pub children: Html,
}

/// A `<details>` element's `toggle` handler that keeps `open` equal to whether it is open
/// (for sections whose content is worked out only while they are open).
pub fn track_open(open: &UseStateHandle<bool>) -> Callback<Event> {
    let open = open.clone();
    Callback::from(move |e: Event| {
        let now = e.target_unchecked_into::<Element>().has_attribute("open");
        if now != *open {
            open.set(now);
        }
    })
}

#[component]
pub fn Group(props: &Props) -> Html {
    let key = props.key_name.clone();
    let open = use_state(|| storage::load_open(&key).unwrap_or(props.open));
    let ontoggle = {
        let open = open.clone();
        Callback::from(move |e: Event| {
            let now = e.target_unchecked_into::<Element>().has_attribute("open");
            if now != *open {
                storage::save_open(&key, now);
                open.set(now);
            }
        })
    };
    html! {
        <details class="group" id={format!("group-{}", props.key_name)} open={*open} {ontoggle}>
            <summary><h2>{ &props.title }</h2></summary>
            if *open { { props.children.clone() } }
        </details>
    }
}
