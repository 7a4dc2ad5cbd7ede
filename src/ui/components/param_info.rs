//! The legal source of a rate or benefit: a keyboard-reachable popover with the
//! description, the value in force, its effective date, every dated value when it has
//! changed over time, whether it is an estimate, and links to the regulation.

use crate::engine::calendar::YearMonth;
use crate::engine::parameters::{Parameter, Unit};
use crate::locale::format;
use crate::locale::Lang;
use crate::ui::i18n::T;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub param: Parameter,
    pub month: YearMonth,
    pub lang: Lang,
}

#[component]
pub fn ParamInfo(props: &Props) -> Html {
    let p = &props.param;
    let lang = props.lang;
    let value = p.at(props.month);
    let write = |value: rust_decimal::Decimal| match p.unit {
        Unit::Ratio => format::percent(value, lang),
        Unit::Rupiah | Unit::RupiahPerMonth => format::rupiah_in(value, lang),
        Unit::Months => format!("{value} {}", T::Months.get(lang)),
        Unit::Multiple => format!("{value}×"),
    };
    let shown = write(value);
    let since = p
        .effective_since(props.month)
        .map(|d| format::date_long(d.year, d.month, d.day, lang))
        .unwrap_or_default();
    let description = if lang == Lang::Id {
        &p.description_id
    } else {
        &p.description_en
    };
    html! {
        <details class="info">
            <summary aria-label={format!("{}: {}", T::LegalBasis.get(lang), description)}>{"i"}</summary>
            <div class="info-body" role="note">
                if p.estimate {
                    <p><span class="tag estimate">{ T::Estimate.get(lang) }</span></p>
                }
                <p><strong>{ description }</strong></p>
                <p>{ shown }{", "}{ T::InForceSince.get(lang) }{" "}{ since }</p>
                if p.values.len() > 1 {
                    <ul class="info-values">
                        { for p.values.iter().map(|(d, v)| html! {
                            <li>{ format::date_long(d.year, d.month, d.day, lang) }{ ": " }{ write(*v) }</li>
                        }) }
                    </ul>
                }
                <p class="info-refs">{ T::LegalBasis.get(lang) }{": "}
                    { for p.references.iter().map(|r| html! {
                        <a href={r.href.clone()} target="_blank" rel="noopener noreferrer">{ &r.title }</a>
                    }) }
                </p>
            </div>
        </details>
    }
}
