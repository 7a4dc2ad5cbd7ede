//! A piece of markup kept up to date in place: the national view's tile map, table and UCJ
//! block are written as markup (smaller in the bundle than a tree of nodes), and a new answer
//! changes a few of their texts, classes and widths. Replacing the markup whole (as
//! `Html::from_html_unchecked` does) re-creates every node, so the browser lays out and
//! paints the whole piece again and a focused button is lost; `InPlace` instead reads the
//! new markup into a detached element and brings the shown nodes to it: a node of the same
//! kind at the same place keeps its identity and only its differing attributes and texts
//! are set; other nodes are replaced, added or removed. It knows nothing of what the markup
//! shows.

use wasm_bindgen::JsCast;
use web_sys::{Element, Node};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// The markup shown inside the component's `<div>`.
    pub markup: AttrValue,
}

/// A `<div>` showing `markup`, updated in place (see the module's note).
#[function_component]
pub fn InPlace(props: &Props) -> Html {
    let host = use_node_ref();
    {
        let host = host.clone();
        // Runs after the render, before the browser paints: the first paint shows the markup.
        use_effect_with(props.markup.clone(), move |markup| {
            if let Some(shown) = host.cast::<Element>() {
                patch(&shown, markup);
            }
        });
    }
    html! { <div ref={host}></div> }
}

/// Brings the children of `shown` to those of `markup`.
pub fn patch(shown: &Element, markup: &str) {
    // Read in a detached element: parsed, never laid out.
    let Ok(wanted) = gloo::utils::document().create_element("div") else {
        shown.set_inner_html(markup);
        return;
    };
    wanted.set_inner_html(markup);
    patch_children(shown, &wanted);
}

/// Brings the children of `shown` to those of `wanted` (whose nodes may be moved into
/// `shown`), by position.
fn patch_children(shown: &Node, wanted: &Node) {
    let mut old = shown.first_child();
    let mut new = wanted.first_child();
    while let Some(n) = new {
        // Read before `n` may move out of `wanted`.
        let next_new = n.next_sibling();
        match old {
            Some(o) => {
                let next_old = o.next_sibling();
                if !patch_node(&o, &n) {
                    let _ = shown.replace_child(&n, &o);
                }
                old = next_old;
            }
            None => {
                let _ = shown.append_child(&n);
            }
        }
        new = next_new;
    }
    while let Some(o) = old {
        old = o.next_sibling();
        let _ = shown.remove_child(&o);
    }
}

/// Brings `shown` to `wanted` when they are the same kind of node (the same element, or
/// both text); false when they are not, and `shown` must be replaced.
fn patch_node(shown: &Node, wanted: &Node) -> bool {
    if shown.node_type() != wanted.node_type() || shown.node_name() != wanted.node_name() {
        return false;
    }
    match (shown.dyn_ref::<Element>(), wanted.dyn_ref::<Element>()) {
        // An element equal to the wanted one, children and all, is left as it is (compared
        // by the browser in one call: most tiles of the map do not change with an edit).
        (Some(shown), Some(wanted)) if shown.is_equal_node(Some(wanted)) => {}
        (Some(shown), Some(wanted)) => {
            patch_attributes(shown, wanted);
            patch_children(shown, wanted);
        }
        _ => {
            let text = wanted.node_value();
            if shown.node_value() != text {
                shown.set_node_value(text.as_deref());
            }
        }
    }
    true
}

/// Gives `shown` the attributes of `wanted`, setting only those that differ.
fn patch_attributes(shown: &Element, wanted: &Element) {
    let names = |e: &Element| -> Vec<String> {
        e.get_attribute_names()
            .iter()
            .filter_map(|name| name.as_string())
            .collect()
    };
    let keep = names(wanted);
    for name in &keep {
        let value = wanted.get_attribute(name).unwrap_or_default();
        if shown.get_attribute(name).as_deref() != Some(value.as_str()) {
            let _ = shown.set_attribute(name, &value);
        }
    }
    for name in names(shown) {
        if !keep.contains(&name) {
            let _ = shown.remove_attribute(&name);
        }
    }
}
