//! Edits of worker groups that keep the scenario in step: the region's workers stay the
//! groups' sum, and renaming a group keeps the sources and the starting cover that name it.
//! Like every edit, pure and total; the caller validates the result.

use crate::engine::scenario::{limits, Scenario, Scheme, WorkerGroup};

impl Scenario {
    /// Adds a worker group named `base` (or `base k` if taken) with `workers` workers on the
    /// scenario's package. A scenario without groups first turns its implicit group into
    /// one named `first`, so that nothing it had changes. Returns the new group's index, or
    /// none when the most groups allowed are there.
    pub fn add_group(&mut self, base: &str, first: &str, workers: u64) -> Option<usize> {
        if self.groups.len() >= limits::MAX_GROUPS as usize {
            return None;
        }
        if self.groups.is_empty() {
            let mut implicit = self.effective_groups().remove(0);
            implicit.name = first.to_string();
            self.groups.push(implicit);
        }
        let mut k = self.groups.len() + 1;
        let mut name = base.to_string();
        while self.group_index(&name).is_some() {
            k += 1;
            name = format!("{base} {k}");
        }
        self.groups.push(WorkerGroup {
            name,
            workers: workers.max(1),
            scheme: Scheme::Bpu,
            declared_income: self.programmes.declared_income,
            transport: false,
            risk_factor: rust_decimal::Decimal::ONE,
        });
        self.sum_groups();
        Some(self.groups.len() - 1)
    }

    /// Removes group `g` with the workers covered in it at the start, and its name from the
    /// sources' lists (a source left with no group pays for every group). Removing the last
    /// group brings back the implicit one, on that group's package.
    pub fn remove_group(&mut self, g: usize) {
        if g >= self.groups.len() {
            return;
        }
        let gone = self.groups.remove(g);
        let first = g == 0;
        if !self.groups.is_empty() {
            self.region.covered_at_start.retain(|c| match &c.group {
                Some(name) => *name != gone.name,
                None => !first,
            });
        }
        for s in &mut self.sources {
            s.groups.retain(|name| *name != gone.name);
        }
        if self.groups.is_empty() {
            self.programmes.scheme = gone.scheme;
            self.programmes.declared_income = gone.declared_income;
            self.programmes.transport = gone.transport;
            self.region.vulnerable_workers = gone.workers;
            for c in &mut self.region.covered_at_start {
                c.group = None;
            }
        } else {
            self.sum_groups();
        }
    }

    /// Renames group `g`; the sources limited to it and its starting cover follow.
    pub fn rename_group(&mut self, g: usize, name: String) {
        let Some(old) = self.groups.get(g).map(|x| x.name.clone()) else {
            return;
        };
        for s in &mut self.sources {
            for n in s.groups.iter_mut().filter(|n| **n == old) {
                *n = name.clone();
            }
        }
        for c in &mut self.region.covered_at_start {
            if c.group.as_deref() == Some(old.as_str()) {
                c.group = Some(name.clone());
            }
        }
        self.groups[g].name = name;
    }

    /// Sets group `g`'s scheme.
    pub fn set_group_scheme(&mut self, g: usize, scheme: Scheme) {
        if let Some(group) = self.groups.get_mut(g) {
            group.scheme = scheme;
        }
    }

    /// Puts group `g` in the transport sector (PP 50/2025's transport window) or not.
    pub fn set_group_transport(&mut self, g: usize, on: bool) {
        if let Some(group) = self.groups.get_mut(g) {
            group.transport = on;
        }
    }

    /// Lets source `i` pay for group `g` or not. The list stays empty while the source pays
    /// for every group, so that a group added later is paid for too.
    pub fn set_source_group(&mut self, i: usize, g: usize, on: bool) {
        let (Some(group), Some(source)) = (self.groups.get(g), self.sources.get(i)) else {
            return;
        };
        let mut names: Vec<String> = self
            .groups
            .iter()
            .filter(|x| source.serves(&x.name))
            .map(|x| x.name.clone())
            .collect();
        names.retain(|n| *n != group.name);
        if on {
            names.push(group.name.clone());
        }
        let all = self.groups.iter().all(|x| names.contains(&x.name));
        // Kept in group order.
        let ordered = self
            .groups
            .iter()
            .filter(|x| names.contains(&x.name))
            .map(|x| x.name.clone())
            .collect();
        self.sources[i].groups = if all { Vec::new() } else { ordered };
    }

    /// The region's vulnerable workers are the groups' sum.
    fn sum_groups(&mut self) {
        if !self.groups.is_empty() {
            self.region.vulnerable_workers = self.groups.iter().map(|g| g.workers).sum();
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::engine::{presets, Parameters};

    #[test]
    fn adding_renaming_and_removing_groups_keeps_the_scenario_valid() {
        let params = Parameters::embedded().unwrap();
        let mut sc = presets::load("ambon").unwrap();
        let workers = sc.region.vulnerable_workers;
        let g = sc.add_group("Nelayan", "Pekerja rentan", 1_593).unwrap();
        assert_eq!(g, 1);
        assert_eq!(sc.groups[0].name, "Pekerja rentan");
        assert_eq!(sc.groups[0].workers, workers);
        assert_eq!(sc.region.vulnerable_workers, workers + 1_593);
        sc.set_source_group(0, 0, false);
        assert_eq!(sc.sources[0].groups, vec!["Nelayan".to_string()]);
        sc.rename_group(1, "Nelayan tangkap".into());
        assert_eq!(sc.sources[0].groups, vec!["Nelayan tangkap".to_string()]);
        sc.set_source_group(0, 0, true);
        assert!(sc.sources[0].groups.is_empty(), "all groups: an empty list");
        sc.clone().validate(&params).unwrap();
        sc.remove_group(1);
        assert_eq!(sc.region.vulnerable_workers, workers);
        sc.remove_group(0);
        assert!(sc.groups.is_empty());
        assert_eq!(sc, presets::load("ambon").unwrap());
    }
}
