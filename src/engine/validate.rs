//! Validation: every field of a scenario checked once, against its descriptor's bounds and
//! the rules that tie fields together. The first problem found is returned with its field.
//!
//! `ValidScenario::revalidate_drawn` checks a Monte Carlo draw of a valid scenario: only the
//! fields a draw changes (`drawn`, listed once for all draws by `drawn_fields`), which have fixed bounds and which no other field's rule
//! reads, so it accepts exactly the draws `validate` accepts (checked in debug builds and by
//! `tests/uncertainty.rs`).

use super::error::{Problem, ScenarioError};
use super::field::{Field, GroupField, SourceField};
use super::parameters::Parameters;
use super::scenario::{
    limits, Amount, CoFundPart, Scenario, SourceKind, ValidScenario, SCHEMA_VERSION,
};
use rust_decimal::Decimal;

/// Keeps the first problem found.
struct Checker {
    error: Option<ScenarioError>,
}

impl Checker {
    fn fail(&mut self, field: Field, problem: Problem) {
        if self.error.is_none() {
            self.error = Some(ScenarioError::new(field, problem));
        }
    }

    fn text(&mut self, field: Field, value: &str) {
        let len = value.trim().chars().count();
        if len == 0 || len > limits::MAX_NAME as usize {
            let max = limits::MAX_NAME;
            self.fail(field, Problem::BadText { max });
        }
    }
}

impl Scenario {
    /// Checks every field and returns the first problem found, naming its field.
    pub fn validate(self, params: &Parameters) -> Result<ValidScenario, ScenarioError> {
        let mut c = Checker { error: None };
        for field in Field::all(&self) {
            if c.error.is_some() {
                break;
            }
            self.check(field, params, &mut c);
        }
        match c.error {
            Some(error) => Err(error),
            None => Ok(ValidScenario::trusted(self)),
        }
    }

    /// Checks `fields` in their order; the first problem found.
    fn check_only(&self, params: &Parameters, fields: &[Field]) -> Option<ScenarioError> {
        let mut c = Checker { error: None };
        for &field in fields {
            if c.error.is_some() {
                break;
            }
            self.check(field, params, &mut c);
        }
        c.error
    }

    /// Checks one field: its range from `Field::bounds`, and the rules that tie it to others.
    fn check(&self, field: Field, params: &Parameters, c: &mut Checker) {
        use limits::{MAX_GROUPS, MAX_NAME, MAX_SOURCES};
        match field {
            Field::SchemaVersion if self.schema_version > SCHEMA_VERSION => c.fail(
                field,
                Problem::NewerSchema {
                    found: self.schema_version,
                    supported: SCHEMA_VERSION,
                },
            ),
            Field::SchemaVersion if self.schema_version != SCHEMA_VERSION => c.fail(
                field,
                Problem::UnknownSchema {
                    found: self.schema_version,
                },
            ),
            Field::Name if self.name.chars().count() > MAX_NAME as usize => {
                c.fail(field, Problem::BadText { max: MAX_NAME })
            }
            Field::RegionName => c.text(field, &self.region.name),
            Field::VulnerableWorkers => {
                self.range(field, params, c);
                let covered = self
                    .region
                    .covered_at_start
                    .iter()
                    .fold(0u64, |sum, start| sum.saturating_add(start.workers));
                let population = self.region.vulnerable_workers;
                if covered > population {
                    // Fixed here: each source's starting cover is already capped at it.
                    let problem = Problem::MoreCoveredThanWorkers {
                        covered,
                        population,
                    };
                    c.fail(field, problem);
                }
                let groups = self
                    .groups
                    .iter()
                    .fold(0u64, |sum, g| sum.saturating_add(g.workers));
                if !self.groups.is_empty() && groups != population {
                    c.fail(field, Problem::GroupsTotal { groups, population });
                }
            }
            Field::Groups if self.groups.len() > MAX_GROUPS as usize => {
                c.fail(field, Problem::TooManyGroups { max: MAX_GROUPS })
            }
            Field::Group(g, GroupField::Name) => {
                let name = &self.groups[g].name;
                c.text(field, name);
                if self.group_index(name) != Some(g) {
                    let name = name.clone();
                    c.fail(field, Problem::DuplicateGroup { name });
                }
            }
            Field::Group(g, GroupField::Workers) => {
                self.range(field, params, c);
                let covered = self
                    .region
                    .covered_at_start
                    .iter()
                    .filter(|s| self.cover_group(s.group.as_deref()) == g)
                    .fold(0u64, |sum, s| sum.saturating_add(s.workers));
                let population = self.groups[g].workers;
                if covered > population {
                    let problem = Problem::MoreCoveredThanWorkers {
                        covered,
                        population,
                    };
                    c.fail(field, problem);
                }
            }
            Field::Source(i, SourceField::Groups) => {
                let unknown = self.sources[i]
                    .groups
                    .iter()
                    .find(|name| self.group_index(name).is_none());
                if let Some(name) = unknown {
                    let name = name.clone();
                    c.fail(field, Problem::UnknownGroup { name });
                }
            }
            Field::CoverGroup(i) => {
                let cover = &self.region.covered_at_start[i];
                if let Some(name) = &cover.group {
                    if self.group_index(name).is_none() {
                        let name = name.clone();
                        c.fail(field, Problem::UnknownGroup { name });
                    } else if self
                        .source_index(&cover.source)
                        .is_some_and(|s| !self.sources[s].serves(name))
                    {
                        let problem = Problem::SourceNotForGroup {
                            source_name: cover.source.clone(),
                            group: name.clone(),
                        };
                        c.fail(field, problem);
                    }
                }
            }
            Field::CoverSource(i) => {
                let name = &self.region.covered_at_start[i].source;
                if self.source_index(name).is_none() {
                    let name = name.clone();
                    c.fail(field, Problem::UnknownSource { name });
                }
            }
            Field::Sources if self.sources.len() > MAX_SOURCES as usize => {
                c.fail(field, Problem::TooManySources { max: MAX_SOURCES })
            }
            Field::Source(i, SourceField::Name) => {
                let name = &self.sources[i].name;
                c.text(field, name);
                if self.source_index(name) != Some(i) {
                    let name = name.clone();
                    c.fail(field, Problem::DuplicateName { name });
                }
            }
            Field::Source(i, SourceField::Rule) => {
                let kind = self.sources[i].kind;
                let needs = match self.sources[i].amount {
                    Amount::DanaDesa { .. } => Some(("dana_desa", SourceKind::DanaDesa)),
                    Amount::BapakAsuh { .. } => Some(("bapak_asuh", SourceKind::BapakAsuh)),
                    Amount::Rupiah { .. } | Amount::Workers { .. } | Amount::CoFund { .. } => None,
                };
                if let Some((rule, only)) = needs.filter(|(_, only)| *only != kind) {
                    let problem = Problem::RuleNotForKind {
                        rule: rule.into(),
                        kind: only.key().into(),
                    };
                    c.fail(field, problem);
                }
            }
            Field::Source(i, SourceField::LastYear) => {
                self.range(field, params, c);
                let s = &self.sources[i];
                if let Some(last) = s.last_year.filter(|last| *last < s.first_year) {
                    let first = s.first_year;
                    c.fail(field, Problem::LastBeforeFirst { first, last });
                }
            }
            Field::Source(i, SourceField::Discount) => {
                let s = &self.sources[i];
                if s.discount && s.kind.is_public_budget() {
                    let kind = s.kind.key().into();
                    c.fail(field, Problem::DiscountNotAllowed { kind });
                }
            }
            Field::Source(i, SourceField::Kind)
                if self.sources[i].kind == SourceKind::DanaDesa && self.region.desa == 0 =>
            {
                c.fail(field, Problem::DanaDesaWithoutDesa)
            }
            Field::Source(i, SourceField::ByYear(year)) => {
                self.range(field, params, c);
                let s = &self.sources[i];
                if !matches!(s.amount, Amount::Rupiah { .. }) {
                    c.fail(field, Problem::ByYearNeedsRupiah);
                }
                let first = s.first_year.max(self.horizon.start.year);
                let last = s
                    .last_year
                    .unwrap_or(i32::MAX)
                    .min(self.horizon.last_month().year);
                if year < first || year > last {
                    c.fail(field, Problem::YearNotFunded { year, first, last });
                }
            }
            Field::Source(i, SourceField::CoFundOf) => {
                if let Some((_, Some(name), _)) = self.sources[i].co_funding() {
                    match self.source_index(name) {
                        None => {
                            let name = name.to_string();
                            c.fail(field, Problem::UnknownSource { name })
                        }
                        Some(j) if j == i || self.sources[j].co_funding().is_some() => {
                            let name = name.to_string();
                            c.fail(field, Problem::CoFundNotEnrolling { name })
                        }
                        Some(_) => {}
                    }
                }
            }
            Field::Source(i, SourceField::CoShare) => {
                self.range(field, params, c);
                // No source may have more than its whole contribution (or JHT) paid by others.
                for helped in &self.sources {
                    let (mut all, mut jht) = (Decimal::ZERO, Decimal::ZERO);
                    for helper in self.sources.iter().filter(|h| h.co_funds(helped)) {
                        if let Some((share, _, part)) = helper.co_funding() {
                            match part {
                                CoFundPart::All => all += share,
                                CoFundPart::Jht => jht += share,
                            }
                        }
                    }
                    // JHT shares count only while JHT is part of the package.
                    let total = if self.programmes.jht { all + jht } else { all };
                    if self.sources[i].co_funds(helped) && total > Decimal::ONE {
                        let helped = helped.name.clone();
                        c.fail(field, Problem::CoFundOver { helped, total });
                    }
                }
            }
            Field::Source(i, SourceField::Cap)
                if self.sources[i].co_funding().is_some()
                    && self.sources[i].cap_workers.is_some() =>
            {
                c.fail(field, Problem::NotForCoFunder)
            }
            Field::StartingCover(i)
                if self.sources[i].co_funding().is_some()
                    && field.get(self).is_some_and(|w| !w.is_zero()) =>
            {
                c.fail(field, Problem::NotForCoFunder)
            }
            // Workers covered at the start with no group named are the first group's: the
            // source must pay for it (said beside the source's starting cover).
            Field::StartingCover(i) if !self.groups.is_empty() => {
                let source = &self.sources[i];
                let first = &self.groups[0].name;
                let unpaid = self.region.covered_at_start.iter().any(|c| {
                    c.group.is_none() && c.source.trim() == source.name.trim() && c.workers > 0
                });
                if unpaid && !source.serves(first) {
                    let problem = Problem::SourceNotForGroup {
                        source_name: source.name.clone(),
                        group: first.clone(),
                    };
                    c.fail(field, problem);
                }
            }
            // Otherwise checked as a whole with the vulnerable workers.
            Field::StartingCover(_) => {}
            Field::TargetYear => {
                let first = self.horizon.start.year;
                let last = self.horizon.last_month().year;
                let year = self.target.year;
                if year < first || year > last {
                    c.fail(field, Problem::TargetOutsideHorizon { year, first, last });
                }
            }
            _ => self.range(field, params, c),
        }
    }

    /// The index of the group a starting cover entry names (none: the first group).
    fn cover_group(&self, name: Option<&str>) -> usize {
        name.and_then(|n| self.group_index(n)).unwrap_or(0)
    }

    /// Fails when the field is a number outside `Field::bounds`.
    fn range(&self, field: Field, params: &Parameters, c: &mut Checker) {
        let (Some(value), Some(bounds)) = (field.get(self), field.bounds(params, self)) else {
            return;
        };
        if value < bounds.min || value > bounds.max {
            let (min, max) = (bounds.min, bounds.max);
            c.fail(field, Problem::OutOfRange { value, min, max });
        }
    }
}

/// Whether a Monte Carlo draw (`uncertainty::apply`) may change the field's value: risk and
/// enrolment assumptions, and sources' money. Each has bounds that are constants, and no
/// other field's rule reads its value (`ByYear` and `Rule` read only the kind of amount).
pub(crate) fn drawn(field: Field) -> bool {
    matches!(
        field,
        Field::VerificationYield
            | Field::VerificationPerMonth
            | Field::LapseRate
            | Field::DeathsPerThousand
            | Field::WorkDeathShare
            | Field::AccidentsPerThousand
            | Field::AccidentCost
            | Field::ClaimShare
            | Field::ClaimLag
            | Field::Source(
                _,
                SourceField::Yearly
                    | SourceField::PerDesa
                    | SourceField::Participation
                    | SourceField::ByYear(_)
            )
    )
}

impl ValidScenario {
    /// This scenario's fields that a draw may change, in `Field::all` order (the same for
    /// every draw of it: listed once for many).
    pub(crate) fn drawn_fields(&self) -> Vec<Field> {
        Field::all(self).into_iter().filter(|f| drawn(*f)).collect()
    }

    /// `draw.validate(params)` for a `draw` that differs from this valid scenario only in
    /// `drawn` fields' values: only those fields are checked. Which problem it names when
    /// both fail may differ; whether it fails does not.
    /// `fields` are this scenario's `drawn_fields`.
    pub(crate) fn revalidate_drawn(
        &self,
        draw: Scenario,
        params: &Parameters,
        fields: &[Field],
    ) -> Result<ValidScenario, ScenarioError> {
        debug_assert!(fields == self.drawn_fields());
        debug_assert!(
            Field::all(&draw) == Field::all(self.scenario())
                && Field::all(&draw)
                    .into_iter()
                    .filter(|f| !drawn(*f))
                    .all(|f| f.value(&draw) == f.value(self.scenario())),
            "a draw changed a field it may not"
        );
        match draw.check_only(params, fields) {
            Some(error) => Err(error),
            None => Ok(ValidScenario::trusted(draw)),
        }
    }
}

#[cfg(test)]
mod tests;
