//! The statistics of the Monte Carlo bands: drawing from a triangular distribution and
//! reading percentiles. Sampling works in `f64` (these are assumptions, not money); every
//! money figure stays `Decimal`.

use rand::rngs::StdRng;
use rand::RngExt;
use rust_decimal::prelude::{FromPrimitive, ToPrimitive};
use rust_decimal::Decimal;

/// A triangular distribution: the least, the most likely and the greatest value.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Triangular {
    pub low: Decimal,
    pub mode: Decimal,
    pub high: Decimal,
}

impl Triangular {
    /// Whether low ≤ mode ≤ high (anything else is no distribution).
    pub fn is_ordered(&self) -> bool {
        self.low <= self.mode && self.mode <= self.high
    }

    /// One draw, by the inverse of the distribution function (a statistical loop: `f64`).
    pub fn sample_f64(&self, rng: &mut StdRng) -> f64 {
        let (a, c, b) = (
            self.low.to_f64().unwrap_or(0.0),
            self.mode.to_f64().unwrap_or(0.0),
            self.high.to_f64().unwrap_or(0.0),
        );
        let u: f64 = rng.random();
        if b <= a {
            return a;
        }
        let split = (c - a) / (b - a);
        if u < split {
            a + (u * (b - a) * (c - a)).sqrt()
        } else {
            b - ((1.0 - u) * (b - a) * (b - c)).sqrt()
        }
    }

    /// One draw as a Decimal with 6 decimal places.
    pub fn sample(&self, rng: &mut StdRng) -> Decimal {
        Decimal::from_f64(self.sample_f64(rng))
            .unwrap_or(self.mode)
            .round_dp(6)
            .clamp(self.low, self.high)
    }
}

/// The `p`-th percentile (0–100) of `values` by the nearest-rank method; `values` need not
/// be sorted. None when there are no values.
pub fn percentile(values: &[Decimal], p: u32) -> Option<Decimal> {
    percentiles(values, [p]).map(|[x]| x)
}

/// Several percentiles of `values` at once (one sort), each as `percentile` gives it.
pub fn percentiles<const N: usize>(values: &[Decimal], ps: [u32; N]) -> Option<[Decimal; N]> {
    if values.is_empty() {
        return None;
    }
    let mut sorted = values.to_vec();
    sorted.sort();
    let n = sorted.len();
    // Nearest rank: ceil(p/100 × n), at least 1.
    Some(ps.map(|p| {
        let rank = ((p as usize * n).div_ceil(100)).max(1);
        sorted[rank.min(n) - 1]
    }))
}
