//! Months and fiscal years. The engine steps month by month; a fiscal year runs
//! January to December.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A calendar month: the unit of a simulation step.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct YearMonth {
    pub year: i32,
    /// 1 = January … 12 = December.
    pub month: u8,
}

impl YearMonth {
    pub const fn new(year: i32, month: u8) -> Self {
        Self { year, month }
    }

    /// The month `n` months later.
    pub fn plus_months(self, n: u32) -> Self {
        let index = self.index() + i64::from(n);
        Self::from_index(index)
    }

    /// Months from `earlier` to `self` (negative when `self` is earlier).
    pub fn months_since(self, earlier: YearMonth) -> i64 {
        self.index() - earlier.index()
    }

    fn index(self) -> i64 {
        i64::from(self.year) * 12 + i64::from(self.month) - 1
    }

    fn from_index(index: i64) -> Self {
        let year = index.div_euclid(12) as i32;
        let month = (index.rem_euclid(12) + 1) as u8;
        Self { year, month }
    }
}

impl fmt::Display for YearMonth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

/// A day, used only for the dates on which parameter values take effect.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl Date {
    /// The first day of a month: the date on which a month's parameters are read.
    pub fn first_of(month: YearMonth) -> Self {
        Self {
            year: month.year,
            month: month.month,
            day: 1,
        }
    }

    /// Parses `YYYY-MM-DD`.
    pub fn parse(text: &str) -> Option<Self> {
        let mut parts = text.split('-');
        let year = parts.next()?.parse().ok()?;
        let month: u8 = parts.next()?.parse().ok()?;
        let day: u8 = parts.next()?.parse().ok()?;
        if parts.next().is_some() || !(1..=12).contains(&month) || !(1..=31).contains(&day) {
            return None;
        }
        Some(Self { year, month, day })
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn month_arithmetic_crosses_years() {
        let oct = YearMonth::new(2023, 10);
        assert_eq!(oct.plus_months(3), YearMonth::new(2024, 1));
        assert_eq!(YearMonth::new(2024, 7).months_since(oct), 9);
        assert_eq!(oct.months_since(YearMonth::new(2024, 7)), -9);
    }

    #[test]
    fn dates_parse_strictly() {
        assert_eq!(
            Date::parse("2026-04-01"),
            Some(Date {
                year: 2026,
                month: 4,
                day: 1
            })
        );
        assert_eq!(Date::parse("2026-13-01"), None);
        assert_eq!(Date::parse("2026-04"), None);
        assert_eq!(Date::parse("2026-04-01-02"), None);
    }
}
