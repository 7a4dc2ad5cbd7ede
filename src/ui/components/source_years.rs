//! "Pagu per tahun": a Rupiah source's amount for each horizon year it pays in, each an
//! input keyed by `Field::Source(i, SourceField::ByYear(year))`. A year shows what it will get
//! (set for the year, or yearly × growth, pro-rated in a late first year); typing sets it,
//! ↺ clears it (`Action::ClearByYear`), and a problem with a year shows beside it.

use super::number_field::NumberField;
use super::scenario_field::field_id;
use crate::ui::budgets::amounts_by_year;
use crate::ui::i18n::problem_message;
use crate::ui::i18n::sources::{clear_year, prorated, year_label, SourceText};
use crate::ui::state::{display, Action, Field, SourceField, State};
use yew::prelude::*;

/// The collapsible list for source `i`; nothing unless it is a Rupiah source.
pub fn source_years(state: &State, i: usize, on_action: &Callback<Action>) -> Html {
    let lang = state.lang;
    let rows = amounts_by_year(&state.scenario, i);
    if rows.is_empty() {
        return Html::default();
    }
    let bounds = Field::Source(i, SourceField::Yearly).bounds(&state.params, &state.scenario);
    let Some(bounds) = bounds else {
        return Html::default();
    };
    let set = rows.iter().filter(|r| r.set).count();
    html! {
        // Open when years have amounts of their own (an applied plan): they, not the
        // yearly amount above, are what the source pays in those years.
        <details class="by-year" id={format!("src-{i}-by-year")} open={set > 0}>
            <summary>
                { SourceText::ByYearTitle.get(lang) }
                if set > 0 { <span class="badge">{ format!(" ({set})") }</span> }
            </summary>
            <p class="note">{ SourceText::ByYearNote.get(lang) }</p>
            { for rows.into_iter().map(|row| {
                let field = Field::Source(i, SourceField::ByYear(row.year));
                let problem = state
                    .error
                    .as_ref()
                    .filter(|e| e.field == field)
                    .map(|e| AttrValue::from(problem_message(e.field, &e.problem, lang)));
                let on_change = {
                    let on_action = on_action.clone();
                    Callback::from(move |v| on_action.emit(Action::Set(field, v)))
                };
                let clear = row.set.then(|| {
                    let on_action = on_action.clone();
                    let label = clear_year(row.year, row.amount, lang);
                    let year = row.year;
                    html! {
                        <button type="button" class="reset clear-year" title={label.clone()} aria-label={label}
                            onclick={Callback::from(move |_| on_action.emit(Action::ClearByYear(i, year)))}>{"↺"}</button>
                    }
                });
                let info = html! {<>
                    if let Some(m) = row.prorated_months {
                        <span class="muted prorated">{ prorated(m, lang) }</span>
                    }
                    { clear }
                </>};
                html! {
                    <NumberField
                        key={row.year}
                        id={field_id(field)}
                        label={year_label(row.year, lang)}
                        value={row.amount}
                        preset={None::<rust_decimal::Decimal>}
                        {bounds}
                        display={display(field)}
                        {problem}
                        {lang}
                        {on_change}
                        {info}
                        compact=true
                    />
                }
            }) }
        </details>
    }
}
