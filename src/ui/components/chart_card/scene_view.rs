//! A chart's scene as Yew virtual DOM: one `<svg>` whose children are the scene's shapes,
//! each keyed by its role, so that Yew's diff keeps every element whose key is still
//! there and sets only the attributes that changed (a series' points, a tick's label),
//! while the frame, the axes and the legend stay the same nodes.

use crate::charts::Scene;
use yew::virtual_dom::{Key, VNode, VTag};
use yew::Html;

/// The scene as an `<svg>` labelled by the elements `labelled_by` and described by
/// `described_by` (ids of the card's heading and summary).
/// `fitted`: the chart was drawn narrower than its box to fit the box's height, and is
/// shown at that width (centred) rather than stretched.
pub fn render(scene: &Scene, labelled_by: &str, described_by: &str, fitted: bool) -> Html {
    let mut svg = VTag::new("svg");
    svg.add_attribute("xmlns", "http://www.w3.org/2000/svg");
    svg.add_attribute("viewBox", format!("0 0 {} {}", scene.width, scene.height));
    svg.add_attribute("width", "100%");
    if fitted {
        svg.add_attribute("style", format!("max-width: {}px", scene.width));
    }
    svg.add_attribute("role", "img");
    svg.add_attribute("font-family", "sans-serif");
    svg.add_attribute("aria-labelledby", labelled_by.to_string());
    svg.add_attribute("aria-describedby", described_by.to_string());
    svg.add_children(scene.items.iter().map(|item| {
        let mut tag = VTag::new(item.tag);
        tag.key = Some(Key::from(item.key.as_str()));
        for (name, value) in &item.attrs {
            tag.add_attribute(name, value.clone());
        }
        if let Some(text) = &item.text {
            tag.add_child(VNode::from(text.clone()));
        }
        VNode::from(tag)
    }));
    VNode::from(svg)
}
