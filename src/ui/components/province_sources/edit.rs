//! The edits of a province's own sources, as pure functions over the plan (`ProvinceScenario`):
//! a kind changed (the amount at zero, the name made anew), an amount, a quota, the years or
//! the priority set, a source added or removed; and what is seen wrong before the engine is
//! asked. No browser, no component: tested natively.

use crate::engine::regions::{ProvinceAmount, ProvinceScenario, ProvinceSource};
use crate::engine::scenario::limits;
use crate::locale::Lang;
use crate::ui::i18n::province_sources::{text, Text};
use rust_decimal::Decimal;

/// Which of `KINDS` an amount is.
pub fn kind_of(amount: &ProvinceAmount) -> usize {
    match amount {
        ProvinceAmount::Apbd { .. } => 0,
        ProvinceAmount::Bkbk { .. } => 1,
        ProvinceAmount::CoFund { .. } => 2,
        ProvinceAmount::Quota { .. } => 3,
    }
}

/// A new amount of kind `kind` (an index of `KINDS`), at zero: the planner types it.
fn zero_amount(kind: usize, kabkota: &[(String, String)]) -> ProvinceAmount {
    match kind {
        1 => ProvinceAmount::Bkbk {
            per_desa: Decimal::ZERO,
        },
        2 => ProvinceAmount::CoFund {
            share: Decimal::ZERO,
        },
        3 => ProvinceAmount::Quota {
            workers: kabkota.iter().map(|(c, _)| (c.clone(), 0)).collect(),
        },
        _ => ProvinceAmount::Apbd {
            yearly: Decimal::ZERO,
        },
    }
}

/// A source name for kind `kind` not yet used in `plan` ("BKBK Provinsi Maluku 2").
pub fn fresh_name(plan: &ProvinceScenario, kind: usize, skip: Option<usize>) -> String {
    let place = plan.name.trim_start_matches("Provinsi ").to_string();
    let stem = match kind {
        1 => format!("BKBK Provinsi {place}"),
        2 => format!("Ko-pendanaan Provinsi {place}"),
        3 => format!("Kuota Provinsi {place}"),
        _ => format!("APBD Provinsi {place}"),
    };
    let taken = |name: &str| {
        plan.sources
            .iter()
            .enumerate()
            .any(|(i, s)| Some(i) != skip && s.name.trim() == name)
    };
    (1..)
        .map(|n| match n {
            1 => stem.clone(),
            _ => format!("{stem} {n}"),
        })
        .find(|name| !taken(name))
        .unwrap_or(stem)
}

/// One edit to the plan.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    Kind(usize, usize),
    Amount(usize, Decimal),
    /// Quota workers of one kab/kota, or of every one (`None`).
    Quota(usize, Option<String>, u64),
    FirstYear(usize, i32),
    LastYear(usize, Option<i32>),
    Priority(usize, u32),
    Add,
    Remove(usize),
}

/// `plan` with `edit` made (the kab/kota list is for a new quota).
pub fn edited(
    plan: &ProvinceScenario,
    edit: &Edit,
    kabkota: &[(String, String)],
) -> ProvinceScenario {
    let mut plan = plan.clone();
    let end = plan.horizon.start.year + plan.horizon.years as i32 - 1;
    let named = |plan: &ProvinceScenario, kind, i| fresh_name(plan, kind, Some(i));
    match edit {
        Edit::Kind(i, kind) if *i < plan.sources.len() => {
            let name = named(&plan, *kind, *i);
            let s = &mut plan.sources[*i];
            s.amount = zero_amount(*kind, kabkota);
            s.name = name;
        }
        Edit::Amount(i, v) => match plan.sources.get_mut(*i).map(|s| &mut s.amount) {
            Some(ProvinceAmount::Apbd { yearly }) => *yearly = *v,
            Some(ProvinceAmount::Bkbk { per_desa }) => *per_desa = *v,
            Some(ProvinceAmount::CoFund { share }) => *share = *v,
            _ => {}
        },
        Edit::Quota(i, code, n) => {
            if let Some(ProvinceAmount::Quota { workers }) =
                plan.sources.get_mut(*i).map(|s| &mut s.amount)
            {
                for (c, _) in kabkota {
                    if code.as_ref().is_none_or(|only| only == c) {
                        workers.insert(c.clone(), *n);
                    }
                }
            }
        }
        Edit::FirstYear(i, y) => {
            if let Some(s) = plan.sources.get_mut(*i) {
                s.first_year = *y;
            }
        }
        Edit::LastYear(i, y) => {
            if let Some(s) = plan.sources.get_mut(*i) {
                s.last_year = y.map(|y| y.min(end.max(s.first_year)));
            }
        }
        Edit::Priority(i, p) => {
            if let Some(s) = plan.sources.get_mut(*i) {
                s.priority = *p;
            }
        }
        Edit::Add if plan.sources.len() < limits::MAX_SOURCES as usize => {
            let source = ProvinceSource {
                name: fresh_name(&plan, 0, None),
                amount: zero_amount(0, kabkota),
                priority: plan
                    .sources
                    .iter()
                    .map(|s| s.priority + 1)
                    .max()
                    .unwrap_or(0),
                first_year: plan.horizon.start.year,
                last_year: None,
            };
            plan.sources.push(source);
        }
        Edit::Remove(i) if *i < plan.sources.len() => {
            plan.sources.remove(*i);
        }
        _ => {}
    }
    plan
}

/// Why `plan` cannot run, in the user's language, or nothing: what is seen here (a last
/// year before the first); the engine checks the rest when it works the plan out.
pub fn problem(plan: &ProvinceScenario, lang: Lang) -> Option<String> {
    plan.sources
        .iter()
        .any(|s| s.last_year.is_some_and(|l| l < s.first_year))
        .then(|| text(Text::LastBeforeFirst, lang).to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::regions::NationalScenario;

    use crate::engine::regions;
    use crate::engine::Parameters;

    fn maluku() -> (ProvinceScenario, Vec<(String, String)>, Parameters) {
        let params = Parameters::embedded().unwrap();
        let catalogue = regions::catalogue().unwrap();
        let plan = NationalScenario::starting()
            .unwrap()
            .starting_province(&params, catalogue, "81")
            .unwrap();
        let kabkota = catalogue
            .kabkota
            .iter()
            .filter(|k| k.province_code == "81")
            .map(|k| (k.code.clone(), k.name.clone()))
            .collect();
        (plan, kabkota, params)
    }

    #[test]
    fn edits_make_plans_that_run_and_name_new_sources_apart() {
        let (plan, kk, params) = maluku();
        let plan = edited(&plan, &Edit::Add, &kk);
        assert_eq!(plan.sources.len(), 2);
        assert_eq!(plan.sources[1].name, "APBD Provinsi Maluku 2");
        assert_eq!(plan.sources[1].priority, 1);
        let plan = edited(&plan, &Edit::Kind(1, 3), &kk);
        assert_eq!(plan.sources[1].name, "Kuota Provinsi Maluku");
        let plan = edited(&plan, &Edit::Quota(1, None, 250), &kk);
        let ProvinceAmount::Quota { workers } = &plan.sources[1].amount else {
            panic!("a quota");
        };
        assert_eq!(workers.len(), kk.len());
        assert!(workers.values().all(|n| *n == 250));
        let plan = edited(&plan, &Edit::Quota(1, Some(kk[0].0.clone()), 7), &kk);
        let ProvinceAmount::Quota { workers } = &plan.sources[1].amount else {
            panic!("a quota");
        };
        assert_eq!(workers[&kk[0].0], 7);
        assert_eq!(problem(&plan, Lang::Id), None);
        assert!(plan
            .validate(&params, regions::catalogue().unwrap())
            .is_ok());
        let plan = edited(&plan, &Edit::Remove(0), &kk);
        assert_eq!(plan.sources.len(), 1);
        assert_eq!(problem(&plan, Lang::En), None);
        assert!(plan
            .validate(&params, regions::catalogue().unwrap())
            .is_ok());
    }

    #[test]
    fn a_plan_that_cannot_run_is_said_in_each_language() {
        let (plan, kk, _) = maluku();
        let start = plan.horizon.start.year;
        let bad = edited(&plan, &Edit::LastYear(0, Some(start)), &kk);
        let bad = edited(&bad, &Edit::FirstYear(0, start + 2), &kk);
        let id = problem(&bad, Lang::Id).unwrap();
        let en = problem(&bad, Lang::En).unwrap();
        assert!(id.contains("Tahun terakhir"), "{id}");
        assert!(en.contains("last year"), "{en}");
        // A last year past the horizon is brought back to its end.
        let late = edited(&plan, &Edit::LastYear(0, Some(start + 40)), &kk);
        assert_eq!(
            late.sources[0].last_year,
            Some(start + plan.horizon.years as i32 - 1)
        );
    }
}
