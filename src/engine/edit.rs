//! Edits of a scenario that keep its parts in step: sources and their priorities, a
//! source's name and its starting cover, its kind and funding rule, the start year and the
//! years that follow it. The UI's reducer, the CLI and tests all edit through these.
//!
//! Each edit is pure and total: an index past the last source changes nothing. Edits do
//! not validate; the caller validates the result. This module knows no language: a new
//! source's name comes from the caller.

mod groups;

use super::calendar::YearMonth;
use super::parameters::Parameters;
use super::scenario::{limits, Amount, CoFundPart, FundingSource, Scenario, SourceKind};
use rust_decimal::Decimal;

/// The funding rule a source uses (the `rule` tag of its `Amount`), so that a kind can
/// say which rules it allows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rule {
    Rupiah,
    Workers,
    DanaDesa,
    BapakAsuh,
    /// A share of other sources' workers' contributions (`Amount::CoFund`).
    CoFund,
}

impl Rule {
    /// The rule an amount follows.
    pub fn of(amount: &Amount) -> Self {
        match amount {
            Amount::Rupiah { .. } => Rule::Rupiah,
            Amount::Workers { .. } => Rule::Workers,
            Amount::DanaDesa { .. } => Rule::DanaDesa,
            Amount::BapakAsuh { .. } => Rule::BapakAsuh,
            Amount::CoFund { .. } => Rule::CoFund,
        }
    }

    /// The rule whose amount JSON has this `rule` tag.
    pub fn from_key(key: &str) -> Option<Rule> {
        match key {
            "rupiah" => Some(Rule::Rupiah),
            "workers" => Some(Rule::Workers),
            "dana_desa" => Some(Rule::DanaDesa),
            "bapak_asuh" => Some(Rule::BapakAsuh),
            "co_fund" => Some(Rule::CoFund),
            _ => None,
        }
    }

    /// The rules a kind of source may use; the first is its default.
    pub fn for_kind(kind: SourceKind) -> &'static [Rule] {
        match kind {
            SourceKind::DanaDesa => &[Rule::DanaDesa, Rule::Rupiah, Rule::CoFund],
            SourceKind::BapakAsuh => &[Rule::BapakAsuh, Rule::Workers],
            SourceKind::Csr | SourceKind::Baznas | SourceKind::Other => {
                &[Rule::Rupiah, Rule::Workers, Rule::CoFund]
            }
            SourceKind::ApbdKota
            | SourceKind::ApbdProvinsi
            | SourceKind::Dbhcht
            | SourceKind::DbhSawit => &[Rule::Rupiah, Rule::CoFund],
        }
    }

    /// A plausible first amount, so that a newly chosen rule starts from a valid value. A
    /// Dana Desa source starts from the year's average Dana Desa per desa (a parameter).
    pub fn default_amount(self, params: &Parameters, at: YearMonth) -> Amount {
        match self {
            Rule::Rupiah => Amount::Rupiah {
                yearly: Decimal::from(1_000_000_000u64),
            },
            Rule::Workers => Amount::Workers { workers: 1_000 },
            Rule::DanaDesa => Amount::DanaDesa {
                share: Decimal::new(5, 2),
                per_desa: params.dana_desa_per_desa.at(at),
            },
            Rule::BapakAsuh => Amount::BapakAsuh {
                participation: Decimal::new(20, 2),
                workers_per_sponsor: Decimal::ONE,
            },
            Rule::CoFund => Amount::CoFund {
                share: Decimal::new(5, 1),
                of: None,
                part: CoFundPart::All,
            },
        }
    }
}

impl Scenario {
    /// Appends a source of `kind` with the kind's default rule, funded from the horizon's
    /// start, named `base` or, if that is taken, `base k`. Returns its index, or none when the
    /// scenario already has the most sources allowed.
    pub fn add_source(
        &mut self,
        kind: SourceKind,
        base: &str,
        params: &Parameters,
    ) -> Option<usize> {
        if self.sources.len() >= limits::MAX_SOURCES as usize {
            return None;
        }
        let mut k = self.sources.len() + 1;
        let mut name = base.to_string();
        while self.sources.iter().any(|s| s.name == name) {
            k += 1;
            name = format!("{base} {k}");
        }
        self.sources.push(FundingSource {
            name,
            kind,
            priority: 0,
            amount: Rule::for_kind(kind)[0].default_amount(params, self.horizon.start),
            first_year: self.horizon.start.year,
            last_year: None,
            first_month: self.horizon.start.month,
            growth: Decimal::ZERO,
            by_year: Default::default(),
            cap_workers: None,
            discount: false,
            groups: Vec::new(),
        });
        self.renumber_priorities();
        Some(self.sources.len() - 1)
    }

    /// Removes source `i` and the workers it covered at the start.
    pub fn remove_source(&mut self, i: usize) {
        if i < self.sources.len() {
            let gone = self.sources.remove(i);
            self.region
                .covered_at_start
                .retain(|c| c.source != gone.name);
            self.renumber_priorities();
        }
    }

    /// Moves source `i` one place up the list, so that it is used one place earlier.
    pub fn move_source_up(&mut self, i: usize) {
        if i > 0 && i < self.sources.len() {
            self.sources.swap(i - 1, i);
            self.renumber_priorities();
        }
    }

    /// Makes priorities follow list order (1, 2, …): in an edited scenario the list order
    /// is the priority order.
    pub fn renumber_priorities(&mut self) {
        for (i, s) in self.sources.iter_mut().enumerate() {
            s.priority = i as u32 + 1;
        }
    }

    /// Renames source `i`; its starting cover follows it, since cover names its source.
    pub fn rename_source(&mut self, i: usize, name: String) {
        let Some(old) = self.sources.get(i).map(|s| s.name.clone()) else {
            return;
        };
        for c in self
            .region
            .covered_at_start
            .iter_mut()
            .filter(|c| c.source == old)
        {
            c.source = name.clone();
        }
        // Co-funders that help this source by name keep helping it.
        for s in &mut self.sources {
            if let Amount::CoFund { of: Some(of), .. } = &mut s.amount {
                if *of == old {
                    *of = name.clone();
                }
            }
        }
        self.sources[i].name = name;
    }

    /// Changes source `i`'s kind. A rule the new kind does not allow becomes the kind's
    /// default, and public budgets lose the PP 50/2025 discount, so the source stays valid.
    pub fn set_source_kind(&mut self, i: usize, kind: SourceKind, params: &Parameters) {
        let start = self.horizon.start;
        if let Some(s) = self.sources.get_mut(i) {
            s.kind = kind;
            if !Rule::for_kind(kind).contains(&Rule::of(&s.amount)) {
                s.amount = Rule::for_kind(kind)[0].default_amount(params, start);
                s.by_year.clear();
            }
            if kind.is_public_budget() {
                s.discount = false;
            }
        }
    }

    /// Switches source `i` to `rule`, starting from the rule's default amount; choosing
    /// the rule it already follows keeps its amount.
    pub fn set_source_rule(&mut self, i: usize, rule: Rule, params: &Parameters) {
        let start = self.horizon.start;
        let Some(s) = self.sources.get_mut(i) else {
            return;
        };
        if Rule::of(&s.amount) == rule {
            return;
        }
        s.amount = rule.default_amount(params, start);
        s.by_year.clear();
        // A co-funder enrols nobody: it keeps no cap and no workers of its own.
        if rule == Rule::CoFund {
            s.cap_workers = None;
            let name = s.name.clone();
            self.region.covered_at_start.retain(|c| c.source != name);
        }
    }

    /// Points co-funder `i` at one source it helps (by name), or at every source (`None`).
    pub fn set_co_fund_of(&mut self, i: usize, name: Option<String>) {
        if let Some(Amount::CoFund { of, .. }) = self.sources.get_mut(i).map(|s| &mut s.amount) {
            *of = name;
        }
    }

    /// Sets which part of the contribution co-funder `i` pays a share of.
    pub fn set_co_fund_part(&mut self, i: usize, new: CoFundPart) {
        if let Some(Amount::CoFund { part, .. }) = self.sources.get_mut(i).map(|s| &mut s.amount) {
            *part = new;
        }
    }

    /// Turns the PP 50/2025 discount on or off for source `i`; it stays off for public
    /// budgets, which never receive it.
    pub fn set_source_discount(&mut self, i: usize, on: bool) {
        if let Some(s) = self.sources.get_mut(i) {
            s.discount = on && !s.kind.is_public_budget();
        }
    }

    /// Starts the horizon in `year`, moving every source's first and last year by as much,
    /// so that the funding keeps its shape. The target year stays what the user set: a
    /// start past it is a validation problem to be told, not a target silently moved.
    pub fn set_start_year(&mut self, year: i32) {
        let shift = year - self.horizon.start.year;
        self.horizon.start.year = year;
        for s in &mut self.sources {
            s.first_year += shift;
            s.last_year = s.last_year.map(|l| l + shift);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::presets;
    use crate::engine::Parameters;

    fn p() -> Parameters {
        Parameters::embedded().unwrap()
    }

    fn ambon() -> Scenario {
        presets::load("ambon").unwrap()
    }

    fn names(sc: &Scenario) -> Vec<&str> {
        sc.sources.iter().map(|s| s.name.as_str()).collect()
    }

    fn priorities(sc: &Scenario) -> Vec<u32> {
        sc.sources.iter().map(|s| s.priority).collect()
    }

    #[test]
    fn an_added_source_gets_a_free_name_the_default_rule_and_the_last_priority() {
        let mut sc = ambon();
        let n = sc.sources.len();
        assert_eq!(
            sc.add_source(SourceKind::BapakAsuh, "Bapak asuh", &p()),
            Some(n)
        );
        assert_eq!(
            sc.add_source(SourceKind::BapakAsuh, "Bapak asuh", &p()),
            Some(n + 1)
        );
        assert_eq!(sc.sources[n].name, "Bapak asuh");
        // The number after a taken name is one more than the list's new length.
        assert_eq!(sc.sources[n + 1].name, format!("Bapak asuh {}", n + 3));
        assert_eq!(Rule::of(&sc.sources[n].amount), Rule::BapakAsuh);
        assert_eq!(sc.sources[n].first_year, sc.horizon.start.year);
        assert_eq!(sc.sources[n].first_month, sc.horizon.start.month);
        let expected: Vec<u32> = (1..=n as u32 + 2).collect();
        assert_eq!(priorities(&sc), expected);
        assert!(sc.validate(&Parameters::embedded().unwrap()).is_ok());
    }

    #[test]
    fn no_source_is_added_past_the_limit() {
        let mut sc = ambon();
        while sc.sources.len() < limits::MAX_SOURCES as usize {
            assert!(sc.add_source(SourceKind::Csr, "CSR", &p()).is_some());
        }
        let before = sc.clone();
        assert_eq!(sc.add_source(SourceKind::Csr, "CSR", &p()), None);
        assert_eq!(sc, before);
    }

    #[test]
    fn removing_a_source_drops_its_starting_cover_and_renumbers() {
        let mut sc = ambon();
        sc.add_source(SourceKind::Csr, "CSR", &p());
        let first = sc.sources[0].name.clone();
        let others = sc
            .region
            .covered_at_start
            .iter()
            .filter(|c| c.source != first)
            .count();
        sc.remove_source(0);
        assert!(!names(&sc).contains(&first.as_str()));
        assert_eq!(sc.region.covered_at_start.len(), others);
        let expected: Vec<u32> = (1..=sc.sources.len() as u32).collect();
        assert_eq!(priorities(&sc), expected);

        let before = sc.clone();
        sc.remove_source(sc.sources.len());
        assert_eq!(sc, before, "an index past the end changes nothing");
    }

    #[test]
    fn moving_up_swaps_with_the_previous_source_and_the_first_stays() {
        let mut sc = ambon();
        sc.add_source(SourceKind::Csr, "CSR", &p());
        let n = sc.sources.len();
        let before = names(&sc).iter().map(|s| s.to_string()).collect::<Vec<_>>();
        sc.move_source_up(n - 1);
        assert_eq!(sc.sources[n - 2].name, "CSR");
        assert_eq!(sc.sources[n - 1].name, before[n - 2]);
        assert_eq!(sc.sources[n - 2].priority, n as u32 - 1);
        let moved = sc.clone();
        sc.move_source_up(0);
        sc.move_source_up(n);
        assert_eq!(sc, moved);
    }

    #[test]
    fn renaming_a_source_renames_its_starting_cover() {
        let mut sc = ambon();
        let old = sc.sources[0].name.clone();
        let covered = |sc: &Scenario, name: &str| {
            sc.region
                .covered_at_start
                .iter()
                .filter(|c| c.source == name)
                .map(|c| c.workers)
                .sum::<u64>()
        };
        let workers = covered(&sc, &old);
        assert!(
            workers > 0,
            "ambon's first source covers workers at the start"
        );
        sc.rename_source(0, "APBD baru".into());
        assert_eq!(sc.sources[0].name, "APBD baru");
        assert_eq!(covered(&sc, "APBD baru"), workers);
        assert_eq!(covered(&sc, &old), 0);
        assert!(sc.validate(&Parameters::embedded().unwrap()).is_ok());
    }

    #[test]
    fn a_new_kind_keeps_an_allowed_rule_and_replaces_a_forbidden_one() {
        let mut sc = ambon();
        let i = sc.add_source(SourceKind::Csr, "CSR", &p()).unwrap();
        sc.set_source_discount(i, true);
        sc.set_source_rule(i, Rule::Workers, &p());
        assert_eq!(sc.sources[i].amount, Amount::Workers { workers: 1_000 });

        sc.set_source_kind(i, SourceKind::BapakAsuh, &p());
        assert_eq!(sc.sources[i].amount, Amount::Workers { workers: 1_000 });
        assert!(sc.sources[i].discount, "bapak asuh money may be discounted");

        sc.set_source_kind(i, SourceKind::DanaDesa, &p());
        assert_eq!(
            sc.sources[i].amount,
            Rule::DanaDesa.default_amount(&p(), sc.horizon.start)
        );
        assert!(!sc.sources[i].discount, "Dana Desa is a public budget");

        sc.set_source_discount(i, true);
        assert!(!sc.sources[i].discount);
    }

    #[test]
    fn choosing_the_same_rule_keeps_the_amount() {
        let mut sc = ambon();
        let amount = sc.sources[0].amount.clone();
        sc.set_source_rule(0, Rule::of(&amount), &p());
        assert_eq!(sc.sources[0].amount, amount);
        sc.set_source_rule(0, Rule::Workers, &p());
        assert_eq!(
            sc.sources[0].amount,
            Rule::Workers.default_amount(&p(), sc.horizon.start)
        );
    }

    #[test]
    fn every_kind_allows_its_default_rule_and_the_defaults_validate() {
        let params = Parameters::embedded().unwrap();
        for kind in SourceKind::ALL {
            let mut sc = ambon();
            let i = sc.add_source(kind, "Baru", &p()).unwrap();
            assert_eq!(Rule::of(&sc.sources[i].amount), Rule::for_kind(kind)[0]);
            if let Err(e) = sc.validate(&params) {
                panic!("{kind:?}: {e}");
            }
        }
    }

    #[test]
    fn moving_the_start_year_moves_the_sources_but_never_the_target() {
        let mut sc = ambon();
        sc.sources[0].last_year = Some(sc.horizon.start.year + 2);
        let before = sc.clone();
        sc.set_start_year(before.horizon.start.year + 3);
        assert_eq!(sc.horizon.start.year, before.horizon.start.year + 3);
        assert_eq!(sc.target.year, before.target.year);
        for (s, b) in sc.sources.iter().zip(&before.sources) {
            assert_eq!(s.first_year, b.first_year + 3);
            assert_eq!(s.last_year, b.last_year.map(|l| l + 3));
        }
        sc.set_start_year(before.horizon.start.year);
        assert_eq!(sc, before);
    }

    #[test]
    fn a_source_turned_co_funder_drops_its_cap_and_its_own_workers() {
        let mut sc = ambon();
        sc.sources[0].cap_workers = Some(5);
        sc.set_source_rule(0, Rule::CoFund, &p());
        assert_eq!(sc.sources[0].cap_workers, None);
        let name = sc.sources[0].name.clone();
        assert!(sc.region.covered_at_start.iter().all(|c| c.source != name));
        assert!(sc.validate(&p()).is_ok());
    }

    #[test]
    fn renaming_a_source_keeps_the_co_funders_that_name_it() {
        let mut sc = ambon();
        let n = sc
            .add_source(SourceKind::ApbdProvinsi, "Provinsi", &p())
            .unwrap();
        sc.set_source_rule(n, Rule::CoFund, &p());
        sc.set_co_fund_of(n, Some(sc.sources[0].name.clone()));
        sc.rename_source(0, "APBD Kota (baru)".into());
        assert_eq!(
            sc.sources[n].co_funding().and_then(|(_, of, _)| of),
            Some("APBD Kota (baru)")
        );
        assert!(sc.validate(&p()).is_ok());
    }
}
