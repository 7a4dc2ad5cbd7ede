//! Content mounted one task after its place in the page, so that a large first render is
//! cut into short tasks: what is on the first screen paints at once, and each section
//! below follows in its own task instead of holding the page in one long one. After the
//! first time it renders like plain content. It knows nothing of what it holds.

use gloo::timers::callback::Timeout;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    #[prop_or_default]
    pub children: Html,
}

#[component]
pub fn Later(props: &Props) -> Html {
    let ready = use_state(|| false);
    {
        let ready = ready.clone();
        use_effect_with((), move |_| {
            let timer = Timeout::new(0, move || ready.set(true));
            move || drop(timer)
        });
    }
    if *ready {
        props.children.clone()
    } else {
        Html::default()
    }
}
