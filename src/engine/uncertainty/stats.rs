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
        self.sampler().sample_f64(rng)
    }

    /// One draw as a Decimal with 6 decimal places.
    pub fn sample(&self, rng: &mut StdRng) -> Decimal {
        self.sampler().sample(rng)
    }

    /// The distribution with its bounds read as `f64` once, for many draws.
    pub fn sampler(&self) -> Sampler {
        Sampler {
            bounds: *self,
            a: self.low.to_f64().unwrap_or(0.0),
            c: self.mode.to_f64().unwrap_or(0.0),
            b: self.high.to_f64().unwrap_or(0.0),
        }
    }
}

/// A `Triangular` ready to draw from: its low, mode and high also as `f64`.
#[derive(Clone, Copy, Debug)]
pub struct Sampler {
    bounds: Triangular,
    a: f64,
    c: f64,
    b: f64,
}

impl Sampler {
    /// As `Triangular::sample_f64`.
    pub fn sample_f64(&self, rng: &mut StdRng) -> f64 {
        let (a, c, b) = (self.a, self.c, self.b);
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

    /// As `Triangular::sample`.
    pub fn sample(&self, rng: &mut StdRng) -> Decimal {
        let t = &self.bounds;
        to_micro(self.sample_f64(rng))
            .unwrap_or(t.mode)
            .round_dp(6)
            .clamp(t.low, t.high)
    }
}

/// `Decimal::from_f64(x)` when `round_dp(6)` follows: the same result, without the general
/// conversion when 0 ≤ x < 100 and x × 10^6 is more than 10^-5 from a whole or half
/// number. Then x × 10^6 in `f64` (off by < 2·10^-8) and the 15–16 digits of `from_f64`
/// (off by < 10^-7 millionths) round to the same millionth, and `from_f64` keeps more than
/// 6 decimal places, so `round_dp(6)` leaves exactly 6. Anything else: `from_f64`.
/// `tests/uncertainty.rs` compares the two over many values, as text.
pub fn to_micro(x: f64) -> Option<Decimal> {
    const MARGIN: f64 = 1e-5;
    let m = x * 1e6;
    if (0.0..1e8).contains(&m) {
        let whole = m.floor();
        let frac = m - whole;
        if frac > MARGIN && frac < 1.0 - MARGIN && (frac - 0.5).abs() > MARGIN {
            let n = whole as i64 + i64::from(frac > 0.5);
            return Some(Decimal::new(n, 6));
        }
    }
    Decimal::from_f64(x)
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
    // A stable sort: equal values written with other decimals ("0.50", "0.5000") keep
    // their order.
    let mut sorted = values.to_vec();
    sorted.sort();
    let n = sorted.len();
    // Nearest rank: ceil(p/100 × n), at least 1.
    Some(ps.map(|p| {
        let rank = ((p as usize * n).div_ceil(100)).max(1);
        sorted[rank.min(n) - 1]
    }))
}
