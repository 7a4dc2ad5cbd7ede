//! Which months and years read the same contribution rates: the months of a year in which
//! a rate `Parameters::contribution_for` reads may take a new value, and the period a year's
//! rates are read from, so that the engine reads a package's costs once per stretch of
//! unchanged rates (`funding::YearCosts`, `simulate::prices::PriceCache`). Exact for any
//! table: a value read on the first of a month changes only when that day passes one of its
//! dates. It knows nothing of scenarios or of money.

use super::{Parameter, Parameters};
use crate::engine::calendar::{Date, YearMonth};

/// The stretch of time a fiscal year's contributions read their rates from
/// (`Parameters::contribution_period`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RatesPeriod {
    /// A year in which a rate changes.
    Year(i32),
    /// A year without a change, reading the values in force since this date (none: before
    /// every date, the first values).
    Since(Option<Date>),
}

impl Parameters {
    /// Whether any parameter of `contribution` takes a new value after January 1 of `year`
    /// and within that year.
    pub fn contribution_changes_within(&self, year: i32) -> bool {
        self.contribution_values_used().iter().any(|p| {
            p.values
                .iter()
                .any(|(d, _)| d.year == year && (d.month, d.day) != (1, 1))
        })
    }

    /// By month of `year` (0 = January): whether `contribution` may read other values than
    /// in the month before, because a parameter it reads takes a new value after the first
    /// of the month before and by the first of this one (January always counts as new).
    /// Months that are not new read exactly the month before's values.
    pub fn contribution_new_months(&self, year: i32) -> [bool; 12] {
        let mut new = [false; 12];
        new[0] = true;
        for p in self.contribution_values_used() {
            for (d, _) in &p.values {
                if d.year != year {
                    continue;
                }
                // In force from the first of its month, or of the next when it starts later.
                let from = usize::from(d.month) - usize::from(d.day == 1);
                if let Some(m) = new.get_mut(from) {
                    *m = true;
                }
            }
        }
        new
    }

    /// What the contributions of fiscal `year` read, as a key: two years with the same key
    /// read the same values in every month, so a package costs the same in both. A year in
    /// which a rate changes is its own period; any other reads, all year, the values in force
    /// since the latest date a rate took a new value by its January 1 (none: the first
    /// values).
    pub fn contribution_period(&self, year: i32) -> RatesPeriod {
        if self.contribution_new_months(year)[1..].contains(&true) {
            return RatesPeriod::Year(year);
        }
        let january = Date::first_of(YearMonth::new(year, 1));
        let since = self
            .contribution_values_used()
            .iter()
            .flat_map(|p| p.values.iter().map(|(d, _)| *d))
            .filter(|d| *d <= january)
            .max();
        RatesPeriod::Since(since)
    }

    /// The parameters `contribution_for` reads.
    fn contribution_values_used(&self) -> [&Parameter; 11] {
        [
            &self.jkk_rate,
            &self.jkk_minimum,
            &self.jkk_maximum,
            &self.jkm_contribution,
            &self.jht_rate,
            &self.pp50_discount,
            &self.jkk_rate_wage_earner,
            &self.jkm_rate_wage_earner,
            &self.jht_rate_wage_earner,
            &self.pp50_discount_transport,
            &self.pp49_relief,
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{bpu, params};
    use super::*;
    use crate::engine::scenario::{Programmes, Scheme};
    use rust_decimal::Decimal;

    /// Three packages: BPU with JHT, BPU in transport without JHT, a wage earner with JHT.
    fn packages() -> [Programmes; 3] {
        let wage = Programmes {
            scheme: Scheme::WageEarner,
            ..bpu(3_000_000, true, false)
        };
        [
            bpu(1_000_000, true, false),
            bpu(2_500_000, false, true),
            wage,
        ]
    }

    #[test]
    fn rate_changes_inside_a_year_are_detected() {
        let p = params();
        assert!(
            p.contribution_changes_within(2026),
            "PP 50/2025 starts on 1 April 2026"
        );
        assert!(
            p.contribution_changes_within(2027),
            "the transport-sector discount ends on 1 April 2027"
        );
        assert!(!p.contribution_changes_within(2025));
        assert!(!p.contribution_changes_within(2030));
    }

    /// A month not marked new reads every value the month before read, so its contribution
    /// is the month before's for any package; every year of the tables, and a change on a
    /// later day counted from the next month.
    #[test]
    fn months_not_marked_new_read_the_month_befores_values() {
        let mut p = params();
        let packages = packages();
        let years: Vec<i32> = (2019..=2040).collect();
        let check = |p: &Parameters| {
            for &year in &years {
                let new = p.contribution_new_months(year);
                assert!(new[0]);
                assert!(!new[1..].contains(&true) || p.contribution_changes_within(year));
                for m in 1..12u8 {
                    let values = |month| {
                        p.contribution_values_used()
                            .map(|v| v.at(YearMonth::new(year, month)))
                    };
                    if !new[usize::from(m)] {
                        assert_eq!(values(m + 1), values(m), "{year}-{}", m + 1);
                        for (k, package) in packages.iter().enumerate() {
                            for discounted in [false, true] {
                                let at = |month| {
                                    p.contribution_for(
                                        YearMonth::new(year, month),
                                        package,
                                        discounted,
                                    )
                                };
                                assert_eq!(at(m + 1), at(m), "{year}-{} package {k}", m + 1);
                            }
                        }
                    }
                }
            }
        };
        check(&p);
        let new_2026 = p.contribution_new_months(2026);
        assert!(new_2026[3], "PP 50/2025 from 1 April 2026");
        assert_eq!(new_2026.iter().filter(|n| **n).count(), 2);
        assert_eq!(p.contribution_new_months(2030), {
            let mut jan = [false; 12];
            jan[0] = true;
            jan
        });
        // A value from 15 June is read from July.
        p.jkm_contribution.values.push((
            Date {
                year: 2031,
                month: 6,
                day: 15,
            },
            Decimal::from(7_000),
        ));
        let new_2031 = p.contribution_new_months(2031);
        assert!(new_2031[6] && !new_2031[5]);
        check(&p);
    }

    /// Years of one rates period cost the same in every month, for any package.
    #[test]
    fn years_of_one_rates_period_read_the_same_values() {
        let p = params();
        let packages = packages();
        let years: Vec<i32> = (2015..=2040).collect();
        let mut shared = 0;
        for (k, &a) in years.iter().enumerate() {
            for &b in &years[k + 1..] {
                if p.contribution_period(a) != p.contribution_period(b) {
                    continue;
                }
                shared += 1;
                assert!(!p.contribution_changes_within(a), "{a}");
                for month in 1..=12 {
                    let values = |year| {
                        p.contribution_values_used()
                            .map(|v| v.at(YearMonth::new(year, month)))
                    };
                    assert_eq!(values(a), values(b), "{a} and {b}, month {month}");
                    for package in &packages {
                        for discounted in [false, true] {
                            let at = |year| {
                                p.contribution_for(YearMonth::new(year, month), package, discounted)
                            };
                            assert_eq!(at(a), at(b), "{a} and {b}, month {month}");
                        }
                    }
                }
            }
        }
        assert!(shared > 0);
        assert_eq!(p.contribution_period(2026), RatesPeriod::Year(2026));
        assert_eq!(p.contribution_period(2029), p.contribution_period(2035));
        assert_ne!(p.contribution_period(2028), p.contribution_period(2027));
    }
}
