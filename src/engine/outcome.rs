//! What a run produces: months, fiscal years, totals over the horizon and soft warnings,
//! as plain serialisable data that the UI, the CLI, charts and reports read; and the
//! bookkeeping that sums months into years, years into totals, and reads warnings off the
//! scenario and its years. It knows nothing of how a month is simulated.

use super::calendar::YearMonth;
use super::exact::Units;
use super::parameters::{Contribution, Parameters};
use super::scenario::{Amount, Scenario, SourceKind};
use super::Rupiah;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

mod by_source;
pub use by_source::BySource;

/// One simulated month.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MonthResult {
    pub date: YearMonth,
    pub population: u64,
    pub covered: u64,
    pub covered_by_source: BySource<u64>,
    pub new_enrolments: u64,
    pub lapses: u64,
    /// Verified workers waiting for money.
    pub waiting: u64,
    /// Vulnerable workers neither covered nor verified.
    pub unverified: u64,
    pub contributions_by_source: BySource<Rupiah>,
    pub contributions: Contribution,
    pub expected_deaths: f64,
    pub expected_accidents: f64,
    /// Benefits paid this month for events `claim_lag_months` earlier.
    pub benefits_paid: Rupiah,
    pub cumulative_cost: Rupiah,
}

/// One fiscal year (or the part of it inside the horizon).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct YearResult {
    pub year: i32,
    /// Simulated months in this year.
    pub months: u32,
    pub population_end: u64,
    pub workers_covered_end: u64,
    /// Covered / vulnerable workers at the year's last simulated month.
    pub coverage_ratio: Decimal,
    pub covered_by_source_end: Vec<u64>,
    pub new_enrolments: u64,
    pub lapses: u64,
    pub waitlist: u64,
    pub unverified: u64,
    pub contributions_total: Rupiah,
    pub contributions_by_source: Vec<Rupiah>,
    pub contributions_jkk: Rupiah,
    pub contributions_jkm: Rupiah,
    pub contributions_jht: Rupiah,
    pub budget_by_source: Vec<Rupiah>,
    pub unspent_by_source: Vec<Rupiah>,
    pub unspent_total: Rupiah,
    pub expected_deaths: f64,
    pub expected_accidents: f64,
    pub benefits_paid: Rupiah,
    /// JHT savings of the covered cohort at the year's end, with returns.
    pub jht_balance_end: Rupiah,
    pub cumulative_cost: Rupiah,
    /// Covered worker-months in the year.
    pub worker_months: u64,
    /// Contributions per protected worker-year; none when nobody was covered.
    pub cost_per_worker_year: Option<Rupiah>,
    /// Workers who lost cover at this year's start because a source ended or shrank.
    pub cover_lost: u64,
    /// The same, by the source that could no longer pay for them.
    pub cover_lost_by_source: Vec<u64>,
    /// Covered workers of each worker group at the year's last simulated month (empty when
    /// the scenario declares no groups).
    pub covered_by_group_end: Vec<u64>,
    /// Each group's vulnerable workers then.
    pub population_by_group_end: Vec<u64>,
    /// Contributions paid for each group's workers in the year (all sources).
    pub contributions_by_group: Vec<Rupiah>,
    /// List entries and lapsed workers not yet checked at the year's end.
    pub unchecked_end: u64,
}

/// Totals over the horizon.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Totals {
    pub contributions: Rupiah,
    pub contributions_by_source: Vec<Rupiah>,
    pub benefits_paid: Rupiah,
    /// Benefits paid / JKK+JKM contributions (JHT is savings, not insurance).
    pub benefit_cost_ratio: Option<Decimal>,
    pub worker_months: u64,
    pub cost_per_worker_year: Option<Rupiah>,
    pub expected_deaths: f64,
    pub unspent: Rupiah,
    pub jht_balance_end: Rupiah,
}

/// A soft problem the user should see; the simulation still ran.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Warning {
    /// A Dana Desa share above the highest Dana Desa cap (BLT).
    DanaDesaAboveCap {
        source: String,
        share: Decimal,
        cap: Decimal,
    },
    /// Money was left while verified workers ran out and unverified workers remained.
    VerificationBinding { months: u32, first: YearMonth },
    /// A source ended the horizon with money it never committed, and some fiscal year left at
    /// least one worker-year of it (`amount` is the whole horizon's).
    BudgetUnspent {
        source: String,
        amount: Rupiah,
        /// Why the money stayed (read from the run; older outcomes hold none).
        #[serde(default)]
        why: Unspent,
    },
    /// Workers lost cover at the start of `year` because `source` ended or shrank and no
    /// other source had room for them.
    CoverLost {
        year: i32,
        source: String,
        workers: u64,
    },
}

/// Why a source's money stayed unspent (`Warning::BudgetUnspent`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Unspent {
    /// Verified workers ran out while money was left (`Warning::VerificationBinding`).
    Verification,
    /// No verified worker was waiting for money at any year's end.
    NobodyWaiting,
    /// The source held as many workers as its next year's money or its cap allowed (no
    /// over-commitment), and more money was left.
    #[default]
    Commitment,
}

/// Everything the UI, the CLI and the tests read.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Outcome {
    pub source_names: Vec<String>,
    pub source_kinds: Vec<SourceKind>,
    /// The worker groups' names, in the order of the `*_by_group*` fields; empty when the
    /// scenario declares no groups.
    pub group_names: Vec<String>,
    pub months: Vec<MonthResult>,
    pub years: Vec<YearResult>,
    /// The first month coverage reached the target ratio, if it did.
    pub target_reached: Option<YearMonth>,
    /// Whether the target is met: reached, and at or above it at the end of the target year
    /// and of every later fiscal year of the horizon.
    pub target_met: bool,
    /// The first of those year ends, after the target was reached, that fell below it.
    pub target_fell_below: Option<i32>,
    pub totals: Totals,
    pub warnings: Vec<Warning>,
}

/// Equality is an equivalence: the expected counts, the only non-exact numbers, are finite
/// sums of finite products, never NaN (`tests/benefits.rs` checks a whole run). Being `Eq`
/// lets `Rc<Outcome>` compare by pointer first, so a screen handed the same outcome again
/// does not walk every month of it.
impl Eq for Outcome {}

impl Outcome {
    /// The horizon's final month, which summary cards and goal-seek read.
    pub fn last_month(&self) -> &MonthResult {
        &self.months[self.months.len() - 1]
    }
}

/// `part / whole`, to four decimals (half to even), with `Decimal`'s digits: as
/// `(part / whole).round_dp(4)` computes it.
pub fn ratio(part: u64, whole: u64) -> Decimal {
    if whole == 0 {
        return Decimal::ZERO;
    }
    if part == whole {
        return Decimal::ONE;
    }
    // In 64 bits when the quotient has more than four decimals: it is then more than
    // 10^-4 / (2 × whole) from a midpoint, far beyond `Decimal`'s 28 digits, so rounding it
    // once to four decimals (half to even) gives `Decimal`'s value and scale. A quotient of
    // at most four decimals keeps the digits `Decimal`'s division gives it.
    if part >> 32 == 0 {
        let scaled = part * 10_000;
        let (q, r) = (scaled / whole, scaled % whole);
        if r != 0 {
            let up = r > whole - r || (r == whole - r && q % 2 == 1);
            return Decimal::new((q + u64::from(up)) as i64, 4);
        }
    }
    (Decimal::from(part) / Decimal::from(whole)).round_dp(4)
}

/// What a protected worker-year cost, to the whole Rupiah; none when nobody was covered.
fn per_worker_year(cost: Rupiah, worker_months: u64) -> Option<Rupiah> {
    (worker_months > 0)
        .then(|| (cost * Decimal::from(12) / Decimal::from(worker_months)).round_dp(0))
}

impl Totals {
    /// Sums the years of a run; `jht` is the JHT balance at its end.
    pub(super) fn over(years: &[YearResult], n: usize, jht: Rupiah) -> Totals {
        let mut by_source = vec![Decimal::ZERO; n];
        for y in years {
            for (i, c) in y.contributions_by_source.iter().enumerate() {
                by_source[i] += c;
            }
        }
        let contributions: Rupiah = years.iter().map(|y| y.contributions_total).sum();
        let insurance: Rupiah = years
            .iter()
            .map(|y| y.contributions_jkk + y.contributions_jkm)
            .sum();
        let benefits: Rupiah = years.iter().map(|y| y.benefits_paid).sum();
        let worker_months = years.iter().map(|y| y.worker_months).sum();
        Totals {
            contributions,
            contributions_by_source: by_source,
            benefits_paid: benefits,
            benefit_cost_ratio: (insurance > Decimal::ZERO)
                .then(|| (benefits / insurance).round_dp(4)),
            worker_months,
            cost_per_worker_year: per_worker_year(contributions, worker_months),
            expected_deaths: years.iter().map(|y| y.expected_deaths).sum(),
            unspent: years.iter().map(|y| y.unspent_total).sum(),
            jht_balance_end: jht,
        }
    }
}

/// What a month adds to its year's sums (a `MonthResult` without its money and vectors).
pub(super) struct MonthCounts {
    pub new_enrolments: u64,
    pub lapses: u64,
    pub covered: u64,
    pub expected_deaths: f64,
    pub expected_accidents: f64,
}

/// A fiscal year's running sums, month by month, until it closes. Money is in the run's
/// integer units (`exact::Units`).
#[derive(Clone, Default)]
pub(super) struct YearSums {
    months: u32,
    new_enrolments: u64,
    lapses: u64,
    contributions: Vec<i128>,
    programmes: [i128; 3],
    deaths: f64,
    accidents: f64,
    benefits: i128,
    worker_months: u64,
    /// Workers who lost cover when the year opened, by the source that dropped them.
    pub(super) cover_lost: Vec<u64>,
}

impl YearSums {
    pub(super) fn new(sources: usize) -> Self {
        Self {
            contributions: vec![0; sources],
            cover_lost: vec![0; sources],
            ..Default::default()
        }
    }

    /// What each source has paid so far this year, in units.
    pub(super) fn paid_by_source(&self) -> &[i128] {
        &self.contributions
    }

    /// Adds a simulated month of this year: its counts, and what it paid by source, by
    /// programme and in benefits (units).
    pub(super) fn add(
        &mut self,
        month: &MonthCounts,
        paid: &[i128],
        programmes: [i128; 3],
        benefits: i128,
    ) {
        self.months += 1;
        self.new_enrolments += month.new_enrolments;
        self.lapses += month.lapses;
        for (sum, paid) in self.contributions.iter_mut().zip(paid) {
            *sum += paid;
        }
        for (sum, paid) in self.programmes.iter_mut().zip(programmes) {
            *sum += paid;
        }
        self.deaths += month.expected_deaths;
        self.accidents += month.expected_accidents;
        self.benefits += benefits;
        self.worker_months += month.covered;
    }

    /// The year's result, from its sums, its last month, each source's budget and the money
    /// it left (units), and the JHT balance.
    pub(super) fn close(
        self,
        year: i32,
        last: &MonthResult,
        units: Units,
        budget_by_source: Vec<Rupiah>,
        left: &[i128],
        jht: Rupiah,
    ) -> YearResult {
        let s = self;
        let contributions_total = units.rupiah(s.contributions.iter().sum());
        let unspent: Vec<Rupiah> = left.iter().map(|&l| units.rounded(l)).collect();
        YearResult {
            year,
            months: s.months,
            population_end: last.population,
            workers_covered_end: last.covered,
            coverage_ratio: ratio(last.covered, last.population),
            covered_by_source_end: last.covered_by_source.to_vec(),
            new_enrolments: s.new_enrolments,
            lapses: s.lapses,
            waitlist: last.waiting,
            unverified: last.unverified,
            contributions_total,
            contributions_by_source: s.contributions.iter().map(|&c| units.rupiah(c)).collect(),
            contributions_jkk: units.rupiah(s.programmes[0]),
            contributions_jkm: units.rupiah(s.programmes[1]),
            contributions_jht: units.rupiah(s.programmes[2]),
            budget_by_source,
            unspent_total: unspent.iter().sum(),
            unspent_by_source: unspent,
            expected_deaths: s.deaths,
            expected_accidents: s.accidents,
            benefits_paid: units.rupiah(s.benefits),
            jht_balance_end: jht,
            cumulative_cost: last.cumulative_cost,
            worker_months: s.worker_months,
            cost_per_worker_year: per_worker_year(contributions_total, s.worker_months),
            cover_lost: s.cover_lost.iter().sum(),
            cover_lost_by_source: s.cover_lost,
            covered_by_group_end: Vec::new(),
            population_by_group_end: Vec::new(),
            contributions_by_group: Vec::new(),
            unchecked_end: 0,
        }
    }
}

/// The soft problems of a run that the user should see.
pub(super) fn warnings(
    params: &Parameters,
    sc: &Scenario,
    years: &[YearResult],
    binding_months: u32,
    first_binding: Option<YearMonth>,
) -> Vec<Warning> {
    let mut out = Vec::new();
    let cap = params.dana_desa_blt_cap.at(sc.horizon.start);
    for s in &sc.sources {
        if let Amount::DanaDesa { share, .. } = s.amount {
            if share > cap {
                out.push(Warning::DanaDesaAboveCap {
                    source: s.name.clone(),
                    share,
                    cap,
                });
            }
        }
    }
    if let Some(first) = first_binding {
        out.push(Warning::VerificationBinding {
            months: binding_months,
            first,
        });
    }
    // Less than one worker-year at the start's package cost left in a year could not have
    // bought anyone that year and the next (no over-commitment): not worth a warning, even
    // when such rests add up over the years (a budget rarely divides exactly into premiums).
    // With several groups, the cheapest group's worker-year.
    let worker_year = sc
        .effective_groups()
        .iter()
        .map(|g| {
            params
                .contribution_for(sc.horizon.start, &g.programmes(sc.programmes.jht), false)
                .total()
        })
        .min()
        .unwrap_or_default()
        * Decimal::from(12);
    for (i, s) in sc.sources.iter().enumerate() {
        let amount: Rupiah = years.iter().map(|y| y.unspent_by_source[i]).sum();
        let a_year_worth = years.iter().any(|y| y.unspent_by_source[i] >= worker_year);
        if a_year_worth && amount > Decimal::ZERO {
            let why = if first_binding.is_some() {
                Unspent::Verification
            } else if years.iter().all(|y| y.waitlist == 0) {
                Unspent::NobodyWaiting
            } else {
                Unspent::Commitment
            };
            out.push(Warning::BudgetUnspent {
                source: s.name.clone(),
                amount,
                why,
            });
        }
    }
    for y in years {
        for (i, &workers) in y.cover_lost_by_source.iter().enumerate() {
            if workers > 0 {
                out.push(Warning::CoverLost {
                    year: y.year,
                    source: sc.sources[i].name.clone(),
                    workers,
                });
            }
        }
    }
    out
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn by_decimal(part: u64, whole: u64) -> Decimal {
        (Decimal::from(part) / Decimal::from(whole)).round_dp(4)
    }

    #[test]
    fn ratios_have_decimals_digits() {
        for (part, whole) in [
            (1, 2),
            (1, 4),
            (1, 8),
            (1, 16),
            (1, 32),
            (3, 32),
            (5, 5),
            (0, 7),
        ] {
            assert_eq!(
                ratio(part, whole).to_string(),
                by_decimal(part, whole).to_string()
            );
        }
        assert_eq!(ratio(1, 32).to_string(), "0.0312");
        assert_eq!(ratio(1, 2).to_string(), "0.50");
        assert_eq!(ratio(7, 7).to_string(), "1");
    }

    proptest! {
        #[test]
        fn ratios_match_decimal_as_text(whole in 1u64..20_000_000, share in 0u64..=1_200, shift in 0u32..40) {
            let part = (u128::from(whole) * u128::from(share) / 1_000) as u64 >> (shift % 8);
            prop_assert_eq!(ratio(part, whole).to_string(), by_decimal(part, whole).to_string());
            let (a, b) = (whole >> (shift % 20), (whole >> 3).max(1));
            prop_assert_eq!(ratio(a, b).to_string(), by_decimal(a, b).to_string());
            let big = u64::MAX >> shift;
            prop_assert_eq!(ratio(part, big).to_string(), by_decimal(part, big).to_string());
        }
    }
}
