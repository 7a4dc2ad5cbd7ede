//! One numeric input: a slider and a typed field that accepts Indonesian numbers
//! ("1.500.000", "1,5 miliar"), the unit, a reset to the preset value, and a message beside
//! the field when the typed value is rejected. The last valid value keeps driving the app,
//! and the message says which value that is.
//!
//! A slider move shows at once in this field alone (its typed text), and the browser paints
//! that before the app hears of it: the value is handed on just after the next paint, and
//! moves made meanwhile only keep the newest value, so a dragged slider answers in the same
//! frame and never queues stale work.

use crate::engine::scenario::limits::Bounds;
use crate::locale::Lang;
use crate::locale::{format, parse};
use crate::ui::i18n::{
    input_error, not_a_number, not_whole, not_whole_rupiah, parse_error, still_using, too_large,
    unit, InputError, T,
};
use crate::ui::state::Display;
use gloo::render::{request_animation_frame, AnimationFrame};
use gloo::timers::callback::Timeout;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub id: AttrValue,
    pub label: AttrValue,
    /// The current valid value, in scenario units (ratios, not percent).
    pub value: Decimal,
    /// The preset's value, for the reset button.
    pub preset: Option<Decimal>,
    pub bounds: Bounds,
    pub display: Display,
    pub lang: Lang,
    pub on_change: Callback<Decimal>,
    /// Told of each slider move at once, before `on_change` hears of it after the next
    /// paint (so the answer can be worked out meanwhile).
    #[prop_or_default]
    pub on_slide: Option<Callback<Decimal>>,
    /// Extra content after the label, such as a legal-source popover.
    #[prop_or_default]
    pub info: Html,
    /// Why the scenario is invalid, when the reason is this field (already translated).
    #[prop_or_default]
    pub problem: Option<AttrValue>,
    /// Only the typed field, no slider: for lists of many amounts (a source's years).
    #[prop_or_default]
    pub compact: bool,
}

/// Shown value per scenario unit: shares are shown in percent.
fn scale(display: Display) -> Decimal {
    if display == Display::Percent {
        Decimal::from(100)
    } else {
        Decimal::ONE
    }
}

/// Whether the field counts whole things (workers, years, months), so "2,5" is refused
/// rather than quietly cut to 2.
fn counts_whole(display: Display) -> bool {
    matches!(
        display,
        Display::Workers
            | Display::Count
            | Display::Year
            | Display::Month
            | Display::Months
            | Display::Years
    )
}

/// Typed text as the field's value, or the message to show beside it: not a number, a
/// fraction of something counted whole ("2,5" workers) or of a Rupiah ("1,5" for a budget,
/// most likely meant as 1,5 miliar), or out of the field's range.
fn check_typed(
    raw: &str,
    (display, bounds): (Display, Bounds),
    label: &str,
    lang: Lang,
) -> Result<Decimal, String> {
    let fmt = |d: Decimal| words(d, display, lang);
    let parsed = match parse_shown(raw, display, lang) {
        Ok(v) => v,
        Err(e) if raw.trim().is_empty() || e == parse::ParseError::Empty => {
            return Err(input_error(lang, InputError::Empty, "", ""))
        }
        Err(parse::ParseError::TooLarge) => return Err(too_large(label, &fmt(bounds.max), lang)),
        Err(parse::ParseError::NotANumber) if !is_money(display) => {
            return Err(not_a_number(example(display, lang), lang))
        }
        Err(e) => return Err(parse_error(&e, lang)),
    };
    let fraction = !(parsed * scale(display)).fract().is_zero();
    if fraction && counts_whole(display) {
        return Err(not_whole(label, raw.trim(), example(display, lang), lang));
    }
    if fraction && is_money(display) {
        return Err(not_whole_rupiah(
            label,
            raw.trim(),
            example(display, lang),
            lang,
        ));
    }
    if parsed < bounds.min || parsed > bounds.max {
        return Err(input_error(
            lang,
            InputError::OutOfRange,
            &fmt(bounds.min),
            &fmt(bounds.max),
        ));
    }
    Ok(parsed)
}

fn is_money(display: Display) -> bool {
    matches!(display, Display::Rupiah | Display::RupiahPerMonth)
}

/// A number as a field of this kind takes it, for the message beside a field given text
/// that is not a number, or a fraction of a Rupiah.
fn example(display: Display, lang: Lang) -> &'static str {
    match display {
        Display::Percent => lang.pick("57,5", "57.5"),
        Display::PerThousand | Display::Multiple => lang.pick("3,5", "3.5"),
        Display::Workers | Display::Count => lang.pick("15.000", "15,000"),
        Display::Year => "2029",
        Display::Month | Display::Months | Display::Years => "3",
        Display::Rupiah => lang.pick("1,5 miliar", "1.5 billion"),
        Display::RupiahPerMonth => lang.pick("1,5 juta", "1.5 million"),
    }
}

/// Reads typed text into scenario units (percent fields into ratios).
fn parse_shown(raw: &str, display: Display, lang: Lang) -> Result<Decimal, parse::ParseError> {
    if display == Display::Percent {
        parse::parse_percent_in(raw, lang)
    } else {
        parse::parse_number_in(raw, lang)
    }
}

/// The typed field's text for a value, in the language's digits: "3.024.000.000" and
/// "57,5" in Indonesian, "3,024,000,000" and "57.5" in English.
fn text_of(value: Decimal, display: Display, lang: Lang) -> String {
    let shown = (value * scale(display)).normalize();
    match display {
        Display::Year | Display::Month => shown.to_string(),
        _ => format::decimal(shown, shown.scale(), lang),
    }
}

/// The value in words for screen readers ("Rp 3,0 miliar", "70.000 pekerja").
pub fn words(value: Decimal, display: Display, lang: Lang) -> String {
    match display {
        Display::Rupiah | Display::RupiahPerMonth => format::rupiah_compact(value, lang),
        Display::Percent => format::percent(value, lang),
        Display::Year | Display::Month | Display::Count => text_of(value, display, lang),
        _ => {
            let unit = unit(display, lang);
            // "1 worker", "1 year": an English unit is singular for one.
            let unit = match unit.strip_suffix('s') {
                Some(one) if lang == Lang::En && value * scale(display) == Decimal::ONE => one,
                _ => unit,
            };
            format!("{} {unit}", text_of(value, display, lang))
        }
    }
}

/// The value the results use, written out in full (a rejected amount may differ from it in
/// its last digit only): "Rp 1.000.000.000.000", "70.000 pekerja".
fn in_full(value: Decimal, display: Display, lang: Lang) -> String {
    match display {
        Display::Rupiah | Display::RupiahPerMonth => format::rupiah_in(value, lang),
        _ => words(value, display, lang),
    }
}

/// The slider's range in shown units: the valid range, narrowed for very wide ones so the
/// slider stays usable (typing still reaches the full range). A narrowed range is kept in
/// `kept` while the value stays inside it; the field forgets it when a value is typed or set
/// from elsewhere. Were it recomputed from each value, a drag to the right would widen it
/// under the thumb, move by move, up to the whole valid range (Rp 3 miliar to Rp 10 triliun
/// in one drag).
fn slider_range(props: &Props, kept: &mut Option<f64>) -> (f64, f64, f64) {
    let s = scale(props.display);
    let min = (props.bounds.min * s).to_f64().unwrap_or(0.0);
    let max = (props.bounds.max * s).to_f64().unwrap_or(1.0);
    let here = (props.value.max(props.preset.unwrap_or_default()) * s)
        .to_f64()
        .unwrap_or(0.0);
    let wide = max - min > 100_000.0;
    let max = if wide {
        let narrowed = match *kept {
            Some(top) if here <= top => top,
            _ => max.min(nice_ceiling((here * 3.0).max(min + 1_000.0))),
        };
        *kept = Some(narrowed);
        narrowed
    } else {
        max
    };
    let step = match props.display {
        Display::Percent => 0.5,
        Display::PerThousand | Display::Multiple => 0.1,
        _ if wide => nice_ceiling((max - min) / 500.0).max(1.0),
        _ => 1.0,
    };
    (min, max, step)
}

/// A range input's value ("6000000000", "0.35", or "1e+21" for the very large) read as an
/// exact decimal, without the float parser (whose tables the app need not carry).
fn slider_value(raw: &str) -> Option<Decimal> {
    raw.parse::<Decimal>()
        .or_else(|_| Decimal::from_scientific(raw))
        .ok()
}

/// The smallest 1, 2 or 5 × 10^k at or above `x`.
fn nice_ceiling(x: f64) -> f64 {
    if x <= 0.0 {
        return 1.0;
    }
    let p = 10f64.powf(x.log10().floor());
    [1.0, 2.0, 5.0, 10.0]
        .iter()
        .map(|m| m * p)
        .find(|v| *v >= x)
        .unwrap_or(10.0 * p)
}

#[component]
pub fn NumberField(props: &Props) -> Html {
    let text = use_state(|| text_of(props.value, props.display, props.lang));
    let error = use_state(|| None::<String>);
    let pending = use_mut_ref(|| Rc::new(Cell::new(None::<Decimal>)));
    let frame = use_mut_ref(|| Rc::new(RefCell::new(None::<AnimationFrame>)));
    // The task that tells the app, kept (not forgotten) so that its closure is freed when the
    // next move's replaces it: a forgotten one stayed in the page for good, one per move.
    let task = use_mut_ref(|| Rc::new(RefCell::new(None::<Timeout>)));
    // The slider's narrowed range, kept while dragging; forgotten when a value is typed or
    // arrives from elsewhere (reset, preset), so that the range fits it again.
    let kept_range = use_mut_ref(|| None::<f64>);
    // The values this field handed the app since one last came from elsewhere. The app's
    // answer to one may arrive after more was typed ("1000000000000", then a fourteenth
    // digit, before the page drew the first): it is this field's own, and must not write
    // the older value over the newer text.
    let sent = use_mut_ref(Vec::<Decimal>::new);

    // When the value changes from elsewhere (reset, preset, another view), show it; when the
    // language changes, write it in the new language's digits.
    {
        let text = text.clone();
        let error = error.clone();
        let kept_range = kept_range.clone();
        let sent = sent.clone();
        let display = props.display;
        let lang = use_mut_ref(|| props.lang);
        use_effect_with((props.value, props.lang), move |(value, now)| {
            let relang = *lang.borrow() != *now;
            *lang.borrow_mut() = *now;
            let own = sent.borrow().contains(value);
            if !own {
                sent.borrow_mut().clear();
            }
            if relang || (!own && parse_shown(&text, display, *now).ok() != Some(*value)) {
                text.set(text_of(*value, display, *now));
                error.set(None);
                *kept_range.borrow_mut() = None;
            }
        });
    }
    // Keeps a value handed to the app (the last 64: a drag hands on many).
    let remember = {
        let sent = sent.clone();
        move |v: Decimal| {
            let mut sent = sent.borrow_mut();
            if sent.len() >= 64 {
                sent.remove(0);
            }
            sent.push(v);
        }
    };

    let s = scale(props.display);
    let check = {
        let (bounds, lang, display) = (props.bounds, props.lang, props.display);
        let label = props.label.clone();
        Rc::new(move |raw: &str| check_typed(raw, (display, bounds), &label, lang))
    };

    let oninput = {
        let check = check.clone();
        let text = text.clone();
        let error = error.clone();
        let on_change = props.on_change.clone();
        let remember = remember.clone();
        Callback::from(move |e: InputEvent| {
            let raw = e.target_unchecked_into::<HtmlInputElement>().value();
            match check(&raw) {
                Ok(v) => {
                    error.set(None);
                    remember(v);
                    on_change.emit(v);
                }
                // A message already shown follows the text as it is typed (never one about
                // text no longer there); a first one waits until the user leaves the field.
                Err(message) if error.is_some() => error.set(Some(message)),
                Err(_) => {}
            }
            text.set(raw);
        })
    };
    // The message appears when the user leaves the field or presses Enter; a valid amount
    // is then written in the language's digits ("6000000000" or "6 miliar" as
    // "6.000.000.000").
    let onchange = {
        let error = error.clone();
        let text = text.clone();
        let kept_range = kept_range.clone();
        let (display, lang) = (props.display, props.lang);
        Callback::from(move |e: Event| {
            let raw = e.target_unchecked_into::<HtmlInputElement>().value();
            match check(&raw) {
                Ok(v) => {
                    error.set(None);
                    text.set(text_of(v, display, lang));
                    *kept_range.borrow_mut() = None;
                }
                Err(message) => error.set(Some(message)),
            }
        })
    };

    // The move shows here at once; the app hears of it just after the next paint (a task
    // queued from the next animation frame), with the newest value of the moves meanwhile.
    let on_slide = {
        let on_change = props.on_change.clone();
        let on_early = props.on_slide.clone();
        let pending = pending.borrow().clone();
        let frame = frame.borrow().clone();
        let task = task.borrow().clone();
        let text = text.clone();
        let (display, lang) = (props.display, props.lang);
        Callback::from(move |e: InputEvent| {
            let raw = e.target_unchecked_into::<HtmlInputElement>().value();
            let Some(v) = slider_value(&raw) else {
                return;
            };
            text.set(text_of(v / s, display, lang));
            // Its own from here: the app may take it from the early answer, before the task
            // below hands it on.
            remember(v / s);
            if let Some(early) = &on_early {
                early.emit(v / s);
            }
            let queued = pending.replace(Some(v / s)).is_some();
            if queued {
                return;
            }
            let on_change = on_change.clone();
            let pending = pending.clone();
            let slot = frame.clone();
            let task = task.clone();
            let remember = remember.clone();
            let handle = request_animation_frame(move |_| {
                slot.borrow_mut().take();
                // The previous task has run: a new one is queued only once it took the value.
                *task.borrow_mut() = Some(Timeout::new(0, move || {
                    if let Some(v) = pending.take() {
                        remember(v);
                        on_change.emit(v);
                    }
                }));
            });
            *frame.borrow_mut() = Some(handle);
        })
    };

    let (min, max, step) = slider_range(props, &mut kept_range.borrow_mut());
    let shown = (props.value * s).to_f64().unwrap_or(0.0).clamp(min, max);
    let unit_text = unit(props.display, props.lang);
    let text_id = format!("{}-text", props.id);
    let err_id = format!("{}-error", props.id);
    let reset = props.preset.filter(|p| *p != props.value).map(|p| {
        let on_change = props.on_change.clone();
        // A reset comes from elsewhere than the typed text: the field shows it even when it
        // was typed or slid to before.
        let sent = sent.clone();
        let label = format!(
            "{}: {}",
            T::ResetTo.get(props.lang),
            words(p, props.display, props.lang)
        );
        html! {
            <button type="button" class="reset" title={label.clone()} aria-label={label}
                onclick={Callback::from(move |_| {
                    sent.borrow_mut().clear();
                    on_change.emit(p);
                })}>{"↺"}</button>
        }
    });

    // A typed value that cannot be read wins over the scenario's problem with this field; it
    // says which value the results still use (the last valid one, perhaps typed on the way:
    // "1000000000000" before a fourteenth digit made it too large).
    let in_use = || still_using(&in_full(props.value, props.display, props.lang), props.lang);
    let message = (*error)
        .as_ref()
        .map(|e| format!("{e} {}", in_use()))
        .or_else(|| props.problem.as_ref().map(|p| p.to_string()));
    // As wide as the typed text or the value written out, whichever is longer, so that
    // writing it out on leaving the field ("12 miliar" as "12.000.000.000") moves nothing.
    let chars = text.chars().count().max(
        text_of(props.value, props.display, props.lang)
            .chars()
            .count(),
    );
    html! {
        <div class={classes!("field", message.is_some().then_some("invalid"), props.compact.then_some("compact"))}>
            <div class="field-head">
                <label for={text_id.clone()}>{ &props.label }</label>
                { props.info.clone() }
                { reset }
            </div>
            <div class="field-inputs">
                if !props.compact {
                <input type="range" id={props.id.clone()} min={min.to_string()} max={max.to_string()}
                    step={step.to_string()} value={shown.to_string()}
                    aria-label={props.label.clone()}
                    aria-valuetext={words(props.value, props.display, props.lang)}
                    oninput={on_slide} />
                }
                <span class="typed">
                    <input type="text" inputmode="decimal" id={text_id} value={(*text).clone()}
                        style={format!("--chars:{}", chars.clamp(4, 24))}
                        aria-invalid={message.is_some().then_some("true")}
                        aria-describedby={message.is_some().then(|| err_id.clone())}
                        {oninput} {onchange} />
                    if !unit_text.is_empty() { <span class="unit">{ unit_text }</span> }
                </span>
            </div>
            if let Some(message) = message {
                <p class="field-error" id={err_id} role="alert">{ message }</p>
            }
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::engine::scenario::limits::{SHARE, VULNERABLE_WORKERS, YEARLY_AMOUNT};

    /// A fraction where a field counts whole things: the example is of the field's kind
    /// (a year for a year), and a range of one names its unit in the singular in English.
    #[test]
    fn whole_things_are_asked_for_in_their_own_words() {
        use crate::engine::scenario::limits::{HORIZON_YEARS, YEAR};
        let e = check_typed("2029,5", (Display::Year, YEAR), "Tahun target", Lang::Id);
        assert_eq!(
            e.unwrap_err(),
            "Tahun target harus bilangan bulat, misalnya 2029, bukan 2029,5."
        );
        let e = check_typed(
            "2.5",
            (Display::Workers, VULNERABLE_WORKERS),
            "Workers",
            Lang::En,
        );
        assert!(e.unwrap_err().contains("such as 15,000, not 2.5"));
        let e = check_typed("0", (Display::Years, HORIZON_YEARS), "Horizon", Lang::En);
        assert_eq!(e.unwrap_err(), "Must be between 1 year and 20 years.");
        let e = check_typed("0", (Display::Workers, VULNERABLE_WORKERS), "", Lang::En);
        assert_eq!(
            e.unwrap_err(),
            "Must be between 1 worker and 10,000,000 workers."
        );
        let e = check_typed("0", (Display::Years, HORIZON_YEARS), "Horizon", Lang::Id);
        assert_eq!(e.unwrap_err(), "Harus antara 1 tahun dan 20 tahun.");
    }

    /// The slider's value reads exactly as the browser writes it, large amounts too.
    #[test]
    fn a_sliders_value_reads_as_an_exact_decimal() {
        assert_eq!(
            slider_value("6000000000"),
            Some(Decimal::from(6_000_000_000u64))
        );
        assert_eq!(slider_value("0.35"), Some(Decimal::new(35, 2)));
        assert_eq!(slider_value("1e+21"), Some(Decimal::from(10u128.pow(21))));
        assert_eq!(slider_value("1.5e3"), Some(Decimal::from(1500)));
        assert_eq!(slider_value(""), None);
        assert_eq!(slider_value("abc"), None);
    }

    #[test]
    fn a_fraction_of_a_rupiah_is_refused_with_the_words_for_miliar() {
        let budget = (Display::Rupiah, YEARLY_AMOUNT);
        for typed in ["1,5", "1.5", "Rp 2,25"] {
            let e = check_typed(typed, budget, "Anggaran per tahun", Lang::Id).unwrap_err();
            assert!(
                e.contains("Rupiah utuh") && e.contains("1,5 miliar"),
                "{typed}: {e}"
            );
        }
        // A monthly amount (declared income) is written in juta.
        let income = (Display::RupiahPerMonth, YEARLY_AMOUNT);
        let e = check_typed("1,5", income, "Penghasilan", Lang::Id).unwrap_err();
        assert!(e.ends_with("tulis \"1,5 juta\"."), "{e}");
        let e = check_typed("1.5", budget, "Yearly budget", Lang::En).unwrap_err();
        assert!(
            e.contains("whole Rupiah") && e.contains("1.5 billion"),
            "{e}"
        );
        // Whole amounts, with or without units, are taken.
        assert_eq!(
            check_typed("1,5 miliar", budget, "", Lang::Id),
            Ok(Decimal::from(1_500_000_000))
        );
        assert_eq!(
            check_typed("3.024.000.000", budget, "", Lang::Id),
            Ok(Decimal::from(3_024_000_000u64))
        );
        assert_eq!(
            check_typed("1.5 billion", budget, "", Lang::En),
            Ok(Decimal::from(1_500_000_000))
        );
    }

    #[test]
    fn text_that_is_not_a_number_gets_an_example_of_the_fields_kind() {
        let e = check_typed("abc", (Display::Percent, SHARE), "", Lang::Id).unwrap_err();
        assert_eq!(e, "Bukan angka. Contoh: 57,5.");
        let workers = (Display::Workers, VULNERABLE_WORKERS);
        let e = check_typed("abc", workers, "", Lang::En).unwrap_err();
        assert_eq!(e, "Not a number. Example: 15,000.");
        // Amounts keep theirs, with the words for miliar.
        let e = check_typed("abc", (Display::Rupiah, YEARLY_AMOUNT), "", Lang::Id).unwrap_err();
        assert!(e.contains("1,5 miliar"), "{e}");
    }

    fn budget(value: i64, preset: i64) -> Props {
        Props {
            id: "b".into(),
            label: "Anggaran".into(),
            value: Decimal::from(value),
            preset: Some(Decimal::from(preset)),
            bounds: YEARLY_AMOUNT,
            display: Display::Rupiah,
            lang: Lang::Id,
            on_change: Callback::noop(),
            on_slide: None,
            info: Html::default(),
            problem: None,
            compact: false,
        }
    }

    #[test]
    fn a_drag_keeps_the_sliders_range_and_a_typed_amount_widens_it() {
        let mut kept = None;
        let top = |p: &Props, kept: &mut _| slider_range(p, kept).1;
        // Rp 3 miliar: a slider to Rp 10 miliar.
        assert_eq!(top(&budget(3_000_000_000, 3_000_000_000), &mut kept), 1e10);
        // Dragged to Rp 9 miliar, move by move: the range stays (it grew with each value).
        for value in [5_000_000_000, 7_000_000_000, 9_000_000_000, 10_000_000_000] {
            assert_eq!(top(&budget(value, 3_000_000_000), &mut kept), 1e10);
        }
        // Rp 50 miliar typed: widened to hold it.
        assert_eq!(top(&budget(50_000_000_000, 3_000_000_000), &mut kept), 2e11);
        // Reset to the preset, or another preset: the field forgets the kept range, and it
        // fits the value again.
        kept = None;
        assert_eq!(top(&budget(3_000_000_000, 3_000_000_000), &mut kept), 1e10);
        kept = None;
        assert_eq!(top(&budget(500_000_000, 500_000_000), &mut kept), 2e9);
    }

    #[test]
    fn a_percentage_may_have_decimals_and_workers_may_not() {
        assert_eq!(
            check_typed("57,5", (Display::Percent, SHARE), "", Lang::Id),
            Ok(Decimal::new(575, 3))
        );
        let workers = (Display::Workers, VULNERABLE_WORKERS);
        let e = check_typed("2,5", workers, "Pekerja", Lang::Id).unwrap_err();
        assert!(e.contains("bilangan bulat"), "{e}");
    }
}
