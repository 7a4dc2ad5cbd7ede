//! A section that follows the app's changes only while the user can see it.
//!
//! It mounts after its place in the page, one section per task in page order, so a large
//! first render is cut into short tasks: the first screen paints at once and each section
//! below follows in its own task. A section whose place is not displayed (a phone shows the
//! results or the controls, not both) waits until it is: the half of the page a phone user
//! has not asked for costs nothing at load. On a phone (`PHONE`: the phone layout's width
//! and a touch screen) a section also waits until it comes within half a screen of the viewport,
//! standing in meanwhile as an empty slot of about a section's height: a phone builds what
//! its user scrolls to, not the whole page at once. (A narrow window on a computer builds
//! every section, as a wide one does.) After that, while its
//! content is on screen or near it, a change reaches it at once; while it is out of sight (scrolled away, or hidden on a
//! phone), changes wait until they settle (`SETTLE_MS` without a new one) or until it comes
//! into sight, whichever is first, unless the change is of another kind (a new `epoch`:
//! another scenario, the language), which shows at once. So a slider dragged at the top of
//! the page costs nothing in the tables and charts below it.
//!
//! It knows nothing of what it holds; its content is one element (a section), observed
//! with an `IntersectionObserver`. The wrapper is `display: contents`, so layout and
//! styles see the section as if it were not wrapped.

use gloo::timers::callback::Timeout;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{
    Element, IntersectionObserver, IntersectionObserverEntry, IntersectionObserverInit,
    ResizeObserver, ResizeObserverEntry,
};
use yew::prelude::*;

/// Milliseconds without a change before content out of sight catches up.
pub const SETTLE_MS: u32 = 300;

/// How far outside the viewport content counts as in sight, so that it is up to date
/// before it is scrolled into view.
const NEAR: &str = "300px 0px";

/// A phone: the phone layout's width (styles/main.css) on a touch screen. There a section
/// mounts only once it comes within `AHEAD` of the viewport.
const PHONE: &str = "(max-width: 800px) and (pointer: coarse)";

/// How far below (or above) the viewport a phone builds a section ahead of the user: half a
/// screen, so that at load nothing below the first screen is built (on a 412 × 823 phone the
/// first section starts about 600 px below it) and a reader scrolling down finds each built.
const AHEAD: &str = "50% 0px";

/// Whether sections wait for the user to scroll near them (a phone).
fn on_phone() -> bool {
    web_sys::window()
        .and_then(|w| w.match_media(PHONE).ok().flatten())
        .is_some_and(|m| m.matches())
}

#[derive(Properties, PartialEq)]
pub struct Props {
    #[prop_or_default]
    pub children: Html,
    /// A change of this number is shown at once, in sight or not (the app's `State::epoch`:
    /// another scenario, the language); other changes wait while out of sight.
    #[prop_or_default]
    pub epoch: u32,
}

/// The sections waiting to mount (with their wrappers, to find which comes first in the
/// page: Yew creates a list's components last to first), the timer that mounts the next, and
/// what is known of where they wait.
#[derive(Default)]
struct Queue {
    waiting: Vec<(html::Scope<Deferred>, NodeRef)>,
    next: Option<Timeout>,
    sight: Option<Sight>,
}

/// What observers report after each layout, so that nothing is measured while mounting:
/// which places sections are put in are displayed (a `ResizeObserver`: a place with a size;
/// one not displayed is never reported until it is shown), and, on a phone, which waiting
/// sections' slots are within `AHEAD` of the viewport (an `IntersectionObserver`).
struct Sight {
    places: Seen<ResizeObserver>,
    slots: Seen<IntersectionObserver>,
}

/// Elements watched by one observer, each with its last report (false until the first).
struct Seen<O> {
    seen: Vec<(Element, bool)>,
    observer: O,
    _callback: Closure<dyn FnMut(js_sys::Array)>,
}

/// Any report lines up the next mount.
fn line_up() {
    QUEUE.with(|q| {
        let mut q = q.borrow_mut();
        if q.next.is_none() && !q.waiting.is_empty() {
            q.next = Some(Timeout::new(0, mount_next));
        }
    })
}

/// Records a report about `target`: `yes` for a displayed place or a slot near the viewport.
fn report(pick: fn(&mut Sight) -> &mut Vec<(Element, bool)>, target: &Element, yes: bool) {
    QUEUE.with(|q| {
        if let Some(sight) = q.borrow_mut().sight.as_mut() {
            if let Some(seen) = pick(sight).iter_mut().find(|(e, _)| e == target) {
                seen.1 = yes;
            }
        }
    })
}

impl Sight {
    fn new() -> Option<Self> {
        let on_resize = Closure::<dyn FnMut(js_sys::Array)>::new(|entries: js_sys::Array| {
            for entry in entries
                .iter()
                .filter_map(|e| e.dyn_into::<ResizeObserverEntry>().ok())
            {
                let rect = entry.content_rect();
                let shown = rect.width() > 0.0 || rect.height() > 0.0;
                report(|s| &mut s.places.seen, &entry.target(), shown);
            }
            line_up();
        });
        let resize = ResizeObserver::new(on_resize.as_ref().unchecked_ref()).ok()?;
        let on_near = Closure::<dyn FnMut(js_sys::Array)>::new(|entries: js_sys::Array| {
            for entry in entries
                .iter()
                .filter_map(|e| e.dyn_into::<IntersectionObserverEntry>().ok())
            {
                report(
                    |s| &mut s.slots.seen,
                    &entry.target(),
                    entry.is_intersecting(),
                );
            }
            line_up();
        });
        let options = IntersectionObserverInit::new();
        options.set_root_margin(AHEAD);
        let near =
            IntersectionObserver::new_with_options(on_near.as_ref().unchecked_ref(), &options)
                .ok()?;
        Some(Sight {
            places: Seen {
                seen: Vec::new(),
                observer: resize,
                _callback: on_resize,
            },
            slots: Seen {
                seen: Vec::new(),
                observer: near,
                _callback: on_near,
            },
        })
    }

    /// Whether the section in `wrapper` may mount now (as last reported; whatever is seen
    /// for the first time is watched from now on and waits for its first report).
    fn ready(&mut self, wrapper: &Element, phone: bool) -> bool {
        let Some(place) = wrapper.parent_element() else {
            return true;
        };
        let displayed = self.places.check(&place, |o, e| o.observe(e));
        match wrapper.first_element_child().filter(|_| phone) {
            Some(slot) => displayed && self.slots.check(&slot, |o, e| o.observe(e)),
            None => displayed,
        }
    }
}

impl<O> Seen<O> {
    fn check(&mut self, element: &Element, observe: fn(&O, &Element)) -> bool {
        if let Some((_, yes)) = self.seen.iter().find(|(e, _)| e == element) {
            return *yes;
        }
        observe(&self.observer, element);
        self.seen.push((element.clone(), false));
        false
    }
}

impl Drop for Sight {
    fn drop(&mut self) {
        self.places.observer.disconnect();
        self.slots.observer.disconnect();
    }
}

thread_local! {
    static QUEUE: RefCell<Queue> = RefCell::default();
}

/// Puts a section in line to mount; the first in the page mounts in the next task.
fn enqueue(link: html::Scope<Deferred>, wrapper: NodeRef) {
    QUEUE.with(|q| {
        let mut q = q.borrow_mut();
        q.waiting.push((link, wrapper));
        if q.next.is_none() {
            q.next = Some(Timeout::new(0, mount_next));
        }
    });
}

/// Whether `a` comes before `b` in the page (a section not in the page yet comes last).
fn before(a: &NodeRef, b: &NodeRef) -> bool {
    match (a.get(), b.get()) {
        (Some(a), Some(b)) => {
            a.compare_document_position(&b) & web_sys::Node::DOCUMENT_POSITION_FOLLOWING != 0
        }
        (a, _) => a.is_some(),
    }
}

/// Whether the section in `wrapper` may mount now: its place is displayed and, on a phone,
/// its slot is near the viewport (a section not in the page yet, or in a browser without
/// these observers, may).
fn ready(sight: &mut Option<Sight>, wrapper: &NodeRef, phone: bool) -> bool {
    let Some(wrapper) = wrapper.cast::<Element>() else {
        return true;
    };
    if sight.is_none() {
        *sight = Sight::new();
    }
    sight.as_mut().is_none_or(|s| s.ready(&wrapper, phone))
}

/// Mounts the waiting section that comes first in the page among those ready, and lines up
/// the next one for the task after; when none is ready, the next report lines it up.
fn mount_next() {
    let link = QUEUE.with(|q| {
        let mut q = q.borrow_mut();
        q.next = None;
        let q = &mut *q;
        let phone = on_phone();
        let ready_now: Vec<usize> = (0..q.waiting.len())
            .filter(|&i| ready(&mut q.sight, &q.waiting[i].1, phone))
            .collect();
        let first = ready_now.into_iter().reduce(|best, i| {
            if before(&q.waiting[i].1, &q.waiting[best].1) {
                i
            } else {
                best
            }
        });
        let link = first.map(|i| q.waiting.swap_remove(i).0);
        // With only sections out of display waiting, the next report of a place lines up
        // the next mount.
        if q.waiting.is_empty() {
            q.sight = None; // watched again for the next sections
        } else if link.is_some() {
            q.next = Some(Timeout::new(0, mount_next));
        }
        link
    });
    if let Some(link) = link {
        link.send_message(Msg::Mount);
    }
}

pub enum Msg {
    /// The first task after mounting has come: show the content.
    Mount,
    /// The content came into sight, or went out of it.
    InSight(bool),
    /// No change for `SETTLE_MS`: catch up.
    Settled,
}

/// The observer of the content's element and the closure it calls (kept alive with it).
struct Watch {
    observer: IntersectionObserver,
    target: Element,
    _callback: Closure<dyn FnMut(js_sys::Array)>,
}

impl Drop for Watch {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

pub struct Deferred {
    mounted: bool,
    /// Whether it stands in as an empty slot until it mounts (on a phone).
    slot: bool,
    in_sight: bool,
    /// Whether the content shows older props than the latest.
    behind: bool,
    settle: Option<Timeout>,
    wrapper: NodeRef,
    watch: Option<Watch>,
}

impl Component for Deferred {
    type Message = Msg;
    type Properties = Props;

    fn create(ctx: &Context<Self>) -> Self {
        let wrapper = NodeRef::default();
        enqueue(ctx.link().clone(), wrapper.clone());
        Self {
            mounted: false,
            slot: on_phone(),
            in_sight: false,
            behind: false,
            settle: None,
            wrapper,
            watch: None,
        }
    }

    fn changed(&mut self, ctx: &Context<Self>, old: &Props) -> bool {
        if !self.mounted {
            return false; // the first render takes the latest props anyway
        }
        // Content that replaced its own element since (a panel drawn once its chunk has
        // arrived, `lazy`) is watched from now on.
        self.watch_content(ctx);
        if self.in_sight || ctx.props().epoch != old.epoch {
            self.behind = false;
            self.settle = None;
            return true;
        }
        self.behind = true;
        let link = ctx.link().clone();
        self.settle = Some(Timeout::new(SETTLE_MS, move || {
            link.send_message(Msg::Settled)
        }));
        false
    }

    fn update(&mut self, _ctx: &Context<Self>, msg: Msg) -> bool {
        match msg {
            Msg::Mount => {
                self.mounted = true;
                true
            }
            Msg::InSight(now) => {
                let moved = self.in_sight != now;
                self.in_sight = now;
                self.catch_up(now) || moved
            }
            Msg::Settled => self.catch_up(true),
        }
    }

    fn view(&self, ctx: &Context<Self>) -> Html {
        html! {
            <div class="deferred" ref={self.wrapper.clone()} data-in-sight={self.in_sight.to_string()}>
                if self.mounted { { ctx.props().children.clone() } }
                else if self.slot { <div class="deferred-slot"></div> }
            </div>
        }
    }

    fn rendered(&mut self, ctx: &Context<Self>, _first: bool) {
        self.watch_content(ctx);
    }
}

impl Deferred {
    /// Watches the content's element, again if a render replaced it.
    fn watch_content(&mut self, ctx: &Context<Self>) {
        // The usual case on a move: the element watched is still in the page (one call).
        if self.watch.as_ref().is_some_and(|w| w.target.is_connected()) {
            return;
        }
        let Some(target) = self
            .wrapper
            .cast::<Element>()
            .and_then(|w| w.first_element_child())
        else {
            return;
        };
        if self.watch.as_ref().is_some_and(|w| w.target == target) {
            return;
        }
        self.watch = watch(&target, ctx.link().clone());
        // Without an observer, treat it as always in sight: it then simply follows.
        self.in_sight |= self.watch.is_none();
    }

    /// Shows the latest props if `now` and they are not shown yet.
    fn catch_up(&mut self, now: bool) -> bool {
        if now && self.behind {
            self.behind = false;
            self.settle = None;
            true
        } else {
            false
        }
    }
}

/// Tells `link` whenever `target` comes into sight or goes out of it.
fn watch(target: &Element, link: html::Scope<Deferred>) -> Option<Watch> {
    let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
        // The last entry is the newest state.
        if let Some(entry) = entries
            .iter()
            .last()
            .and_then(|e| e.dyn_into::<IntersectionObserverEntry>().ok())
        {
            link.send_message(Msg::InSight(entry.is_intersecting()));
        }
    });
    let options = IntersectionObserverInit::new();
    options.set_root_margin(NEAR);
    let observer =
        IntersectionObserver::new_with_options(callback.as_ref().unchecked_ref(), &options).ok()?;
    observer.observe(target);
    Some(Watch {
        observer,
        target: target.clone(),
        _callback: callback,
    })
}
