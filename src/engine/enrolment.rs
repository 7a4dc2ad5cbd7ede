//! Who is covered, as counts by funding source: taking workers off the sources in
//! proportion to what they hold, the starting list split over worker groups, and how long
//! the covered cohort has been members. It knows nothing of money, prices or risk.

use super::exact::mul_div;

/// Removes `count` covered workers, spread over sources in proportion to what they hold.
/// Writes how many each source lost into `gone` (as long as `workers`).
pub(super) fn remove_workers(workers: &mut [u64], order: &[usize], count: u64, gone: &mut [u64]) {
    let total: u64 = workers.iter().sum();
    if total == 0 || count == 0 {
        gone.fill(0);
        return;
    }
    let count = count.min(total);
    // Each source's share rounded down does not depend on the order: taken in list order,
    // without looking sources up by index. A source holding nobody loses nobody (and costs
    // no division).
    let mut removed = 0;
    for (g, &w) in gone.iter_mut().zip(workers.iter()) {
        *g = if w > 0 { mul_div(count, w, total) } else { 0 };
        removed += *g;
    }
    // The rounding remainder comes from the lowest-priority sources first.
    for &i in order.iter().rev() {
        if removed == count {
            break;
        }
        let extra = (workers[i] - gone[i]).min(count - removed);
        gone[i] += extra;
        removed += extra;
    }
    for (w, g) in workers.iter_mut().zip(gone.iter()) {
        *w -= g;
    }
}

/// Tenure of the covered cohort, for the 36-month scholarship rule. Cohorts are kept in
/// enrolment order and scaled together when workers leave (a statistical approximation).
#[derive(Clone)]
pub(super) struct Tenure {
    cohorts: Vec<(i64, f64)>,
    scale: f64,
    total_raw: f64,
    tenured_raw: f64,
    next: usize,
}

impl Tenure {
    pub(super) fn new(mut starting: Vec<(i64, f64)>) -> Self {
        starting.sort_by_key(|c| c.0);
        let total_raw = starting.iter().map(|c| c.1).sum();
        Self {
            cohorts: starting,
            scale: 1.0,
            total_raw,
            tenured_raw: 0.0,
            next: 0,
        }
    }

    /// Records that `survivors` of the tracked workers remain and `new` joined in month `t`,
    /// and returns the share with at least `min_months` of membership.
    pub(super) fn step(&mut self, t: i64, survivors: u64, new: u64, min_months: i64) -> f64 {
        let tracked = self.total_raw * self.scale;
        if survivors == 0 || tracked <= 0.0 {
            *self = Tenure::new(Vec::new());
        } else {
            self.scale *= survivors as f64 / tracked;
        }
        if new > 0 {
            let raw = new as f64 / self.scale;
            self.cohorts.push((t, raw));
            self.total_raw += raw;
        }
        while self.next < self.cohorts.len() && self.cohorts[self.next].0 <= t - min_months {
            self.tenured_raw += self.cohorts[self.next].1;
            self.next += 1;
        }
        if self.total_raw > 0.0 {
            (self.tenured_raw / self.total_raw).clamp(0.0, 1.0)
        } else {
            0.0
        }
    }
}

/// `listed` entries split over groups of `groups` workers in proportion to them, the
/// remainder to the first group.
pub(super) fn split_list(listed: u64, groups: &[u64]) -> Vec<u64> {
    let total: u64 = groups.iter().sum();
    let mut out: Vec<u64> = groups
        .iter()
        .map(|&workers| {
            if total == 0 {
                0
            } else {
                (u128::from(listed) * u128::from(workers) / u128::from(total)) as u64
            }
        })
        .collect();
    let given: u64 = out.iter().sum();
    out[0] += listed - given;
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn removals_follow_shares_and_the_remainder_comes_from_the_lowest_priority() {
        // Sources 0 and 1 hold 2 and 1 workers; source 1 comes first.
        let mut workers = vec![2, 1];
        let mut gone = vec![9, 9];
        remove_workers(&mut workers, &[1, 0], 2, &mut gone);
        assert_eq!(
            gone,
            vec![2, 0],
            "shares 1 and 0, the remainder from source 0"
        );
        assert_eq!(workers, vec![0, 1]);
        remove_workers(&mut workers, &[1, 0], 5, &mut gone);
        assert_eq!(gone, vec![0, 1]);
        assert_eq!(workers, vec![0, 0]);
    }

    /// The rule as written: each source's share rounded down, the remainder from the
    /// lowest-priority sources first.
    #[cfg(not(target_arch = "wasm32"))]
    fn removed_by_the_rule(workers: &[u64], order: &[usize], count: u64) -> Vec<u64> {
        let total: u64 = workers.iter().sum();
        let count = count.min(total);
        let mut gone = vec![0; workers.len()];
        for &i in order {
            gone[i] =
                (u128::from(count) * u128::from(workers[i]) / u128::from(total.max(1))) as u64;
        }
        let mut removed: u64 = gone.iter().sum();
        for &i in order.iter().rev() {
            let extra = (workers[i] - gone[i]).min(count - removed);
            gone[i] += extra;
            removed += extra;
        }
        gone
    }

    // proptest is a native dev-dependency only.
    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn removals_follow_the_rule(
            workers in proptest::collection::vec(
                proptest::prop_oneof![proptest::strategy::Just(0u64), 0u64..2_000, 0u64..u64::MAX >> 8],
                1..5,
            ),
            count in 0u64..5_000,
            rotate in 0usize..5,
        ) {
            let mut order: Vec<usize> = (0..workers.len()).collect();
            order.rotate_left(rotate % workers.len());
            let expected = removed_by_the_rule(&workers, &order, count);
            let (mut left, mut gone) = (workers.clone(), vec![7; workers.len()]);
            remove_workers(&mut left, &order, count, &mut gone);
            proptest::prop_assert_eq!(&gone, &expected);
            for i in 0..workers.len() {
                proptest::prop_assert_eq!(left[i], workers[i] - expected[i]);
            }
        }
    }

    #[test]
    fn tenure_counts_cohorts_once_they_reach_the_minimum() {
        let mut tenure = Tenure::new(vec![(-36, 10.0)]);
        assert_eq!(tenure.step(0, 10, 10, 36), 0.5);
        assert_eq!(tenure.step(35, 20, 0, 36), 0.5);
        assert_eq!(tenure.step(36, 20, 0, 36), 1.0);
    }
}
