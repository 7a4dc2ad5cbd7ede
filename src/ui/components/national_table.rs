//! The national view's table of regions: one row per province (or per kab/kota of the
//! chosen province) with its workers, final coverage drawn as a bar, UCJ, gap, cost and
//! cost per worker, sortable by any column. Written as one piece of markup (smaller in the
//! bundle than a tree of nodes, kept up to date in place by `in_place`); `national_panel`
//! reads the clicks. It knows nothing of how the results were worked out.

use super::national_ucj::{final_share, ucj_cell};
use crate::charts::escape;
use crate::engine::regions::{self, RegionResult};
use crate::engine::Rupiah;
use crate::locale::format;
use crate::locale::Lang;
use crate::ui::i18n::national::{text, Text};
use crate::ui::i18n::regions::name as place_name;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use std::cmp::Ordering;

/// The table's columns.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Column {
    Region,
    Workers,
    Coverage,
    Gap,
    Cost,
    PerWorker,
    Ucj,
}

pub const COLUMNS: [(Column, Text); 7] = [
    (Column::Region, Text::Region),
    (Column::Workers, Text::Workers),
    (Column::Coverage, Text::Coverage),
    (Column::Ucj, Text::Ucj),
    (Column::Gap, Text::Gap),
    (Column::Cost, Text::Cost),
    (Column::PerWorker, Text::PerWorker),
];

/// One region's row.
pub struct Row<'a> {
    pub result: &'a RegionResult,
    pub name: String,
    workers: u64,
    coverage: Decimal,
    gap: u64,
    per_worker: Option<Rupiah>,
}

impl<'a> Row<'a> {
    fn of(r: &'a RegionResult, lang: Lang) -> Self {
        let last = r.years.last();
        let (workers, covered) = last.map_or((0, 0), |y| (y.workers, y.covered));
        let wanted = (r.target.coverage * Decimal::from(workers)).ceil();
        let gap = (wanted - Decimal::from(covered)).max(Decimal::ZERO);
        let per_worker = last
            .filter(|y| y.covered > 0)
            .map(|y| (y.contributions / Decimal::from(y.covered)).round());
        Row {
            result: r,
            name: region_name(r, lang),
            workers,
            coverage: last.map_or(Decimal::ZERO, |y| y.coverage),
            gap: gap.to_u64().unwrap_or(0),
            per_worker,
        }
    }

    fn cmp(&self, other: &Row, column: Column) -> Ordering {
        match column {
            Column::Region => self.name.cmp(&other.name),
            Column::Workers => self.workers.cmp(&other.workers),
            Column::Coverage => self.coverage.cmp(&other.coverage),
            Column::Gap => self.gap.cmp(&other.gap),
            Column::Cost => self
                .result
                .total_contributions()
                .cmp(&other.result.total_contributions()),
            Column::PerWorker => self.per_worker.cmp(&other.per_worker),
            Column::Ucj => {
                final_share(self.result.ucj.as_ref()).cmp(&final_share(other.result.ucj.as_ref()))
            }
        }
        .then_with(|| self.result.code.cmp(&other.result.code))
    }
}

/// A region's name in `lang` ("Maluku Province"), or the name it was run under.
pub fn region_name(r: &RegionResult, lang: Lang) -> String {
    regions::catalogue()
        .ok()
        .and_then(|c| c.place(&r.code).ok())
        .map_or_else(|| r.name.clone(), |p| place_name(p, lang))
}

/// The rows of `results`, sorted by `(column, descending)`.
pub fn rows_of<'a>(
    results: &[&'a RegionResult],
    (column, descending): (Column, bool),
    lang: Lang,
) -> Vec<Row<'a>> {
    let mut rows: Vec<Row> = results.iter().map(|r| Row::of(r, lang)).collect();
    rows.sort_by(|a, b| {
        let o = a.cmp(b, column);
        if descending {
            o.reverse()
        } else {
            o
        }
    });
    rows
}

/// The table of `rows` (drilled into a province when `chosen`), sorted by `sort`, with
/// `head_name` as its caption.
pub fn table_html(
    rows: &[Row],
    chosen: bool,
    (column, descending): (Column, bool),
    head_name: &str,
    lang: Lang,
) -> String {
    // Kab/kota have no UCJ of their own: the column is the provinces'.
    let columns: Vec<&(Column, Text)> = COLUMNS
        .iter()
        .filter(|(c, _)| *c != Column::Ucj || !chosen)
        .collect();
    // The table is one piece of markup (smaller in the bundle than a tree of nodes); a
    // click is read from the button it landed in: a heading's `data-sort` sorts, a row's
    // `data-code` drills into a province or opens a kab/kota's scenario.
    let mut header = String::new();
    for (c, t) in &columns {
        let on = column == *c;
        let (aria, arrow) = match (on, descending) {
            (false, _) => ("", ""),
            (true, true) => (r#" aria-sort="descending""#, " ▼"),
            (true, false) => (r#" aria-sort="ascending""#, " ▲"),
        };
        header += &format!(
            r#"<th scope="col"{aria}><button type="button" class="sort" data-sort="{}" title="{}">{}{arrow}</button></th>"#,
            *c as u8,
            text(Text::Sort, lang),
            text(*t, lang)
        );
    }
    let mut body = String::new();
    for r in rows {
        let code = escape(&r.result.code);
        let name = escape(&r.name);
        let button = if chosen {
            format!(
                r#"<button type="button" class="open-region" data-code="{code}" aria-label="{}: {name}">{}</button>"#,
                text(Text::OpenHint, lang),
                text(Text::Open, lang)
            )
        } else {
            format!(
                r#"<button type="button" class="open-region" data-code="{code}" aria-label="{}: {name}">→</button>"#,
                text(Text::DrillHint, lang)
            )
        };
        let pct = (r.coverage * Decimal::from(100)).min(Decimal::from(100));
        let ucj = if !chosen {
            ucj_cell(r.result.ucj.as_ref(), lang)
        } else {
            String::new()
        };
        body += &format!(
            r#"<tr data-code="{code}"><th scope="row">{name} {button}</th><td class="num">{}</td><td class="num cov-cell"><span class="cov-bar" style="width:{pct}%"></span><span class="cov-text">{}</span></td>{ucj}<td class="num">{}</td><td class="num">{}</td><td class="num">{}</td></tr>"#,
            format::number(r.workers, lang),
            format::percent(r.coverage, lang),
            format::number(r.gap, lang),
            format::rupiah_compact(r.result.total_contributions(), lang),
            r.per_worker
                .map_or_else(|| "—".to_string(), |v| format::rupiah_in(v, lang)),
        );
    }
    format!(
        r#"<table id="national-table" class="national-table"><caption class="sr-only">{}</caption><thead><tr>{header}</tr></thead><tbody>{body}</tbody></table>"#,
        escape(head_name)
    )
}
