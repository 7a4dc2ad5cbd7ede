//! Exact integer arithmetic for the monthly loop, so that it does no `Decimal` arithmetic
//! and still gives the `Decimal` definitions' numbers to the last digit.
//!
//! - `Units`: money as `i128` counts of 10^-scale Rupiah, one scale per run, chosen so that
//!   every amount of the run is a whole number of units (whole Rupiah unless a co-funding
//!   share or an amount set by year has decimals). Sums, differences and products by a
//!   worker count are then exact, as they are in `Decimal` at these sizes.
//! - `Dec`: a non-negative decimal kept as an integer mantissa and a scale that rounds
//!   exactly as `rust_decimal` does (a mantissa of at most 96 bits; when a sum or a product
//!   needs more, the fewest decimals are dropped, rounding half to even). The loop's carried
//!   fractions of a worker (the lapse rate is a twelfth of a yearly rate, which `Decimal`
//!   rounds at its 28th decimal) and the JHT balance are `Dec`, so they round where the
//!   definitions round. When a value leaves the integer range the step is done in `Decimal`
//!   itself, which gives the same result by definition.
//! - Wide arithmetic only when needed: a product of a worker count by a price (`times`) and
//!   a count of affordable workers take 64-bit steps when their operands allow, since in
//!   wasm32 every 128-bit multiplication or division is a library call. The result is the
//!   same integer.
//!
//! It knows nothing of scenarios, workers or outcomes.

use rust_decimal::{Decimal, RoundingStrategy};

/// The most decimals a run keeps for money (far below a sen).
pub(super) const MAX_MONEY_SCALE: u32 = 12;

/// `10^n` for `n` up to 38.
const POW10: [u128; 39] = {
    let mut table = [1u128; 39];
    let mut n = 1;
    while n < 39 {
        table[n] = table[n - 1] * 10;
        n += 1;
    }
    table
};

/// `10^n`, when it fits.
fn pow10(n: u32) -> Option<u128> {
    POW10.get(n as usize).copied()
}

/// `m / 10^n` rounded down (`n` at most 38), dividing by at most `10^19` at a time, and in
/// 64 bits once the dividend fits: a divisor below 2^64 takes the library's short path
/// (`__udivti3` divides 128 bits by 64 in hardware) where a wider one takes the long one,
/// and a 64-bit division is one instruction, no call. `⌊⌊m / a⌋ / b⌋ = ⌊m / ab⌋`.
#[inline]
fn div_pow10(m: u128, n: u32) -> u128 {
    const SHORT: u32 = 19;
    let (m, n) = if n > SHORT {
        (m / POW10[SHORT as usize], n - SHORT)
    } else {
        (m, n)
    };
    // 10^n fits 64 bits from here (n ≤ 19).
    match u64::try_from(m) {
        Ok(small) => u128::from(small / POW10[n as usize] as u64),
        Err(_) => m / POW10[n as usize],
    }
}

/// Money of one run as integer units of 10^-scale Rupiah.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Units {
    scale: u32,
    one: i128,
}

impl Units {
    /// Units of 10^-`scale` Rupiah (at most `MAX_MONEY_SCALE`).
    pub(super) fn new(scale: u32) -> Self {
        let scale = scale.min(MAX_MONEY_SCALE);
        Self {
            scale,
            one: 10i128.pow(scale),
        }
    }

    /// The scale that holds every one of `amounts` exactly (within `MAX_MONEY_SCALE`).
    pub(super) fn holding(amounts: impl IntoIterator<Item = Decimal>) -> Self {
        Self::new(amounts.into_iter().map(|d| d.scale()).max().unwrap_or(0))
    }

    /// `amount` in units: exact when its decimals fit, else rounded half to even; saturates
    /// beyond the integer range (far beyond any valid amount).
    pub(super) fn of(self, amount: Decimal) -> i128 {
        if amount.scale() == self.scale {
            return amount.mantissa();
        }
        let amount = if amount.scale() > self.scale {
            amount.round_dp_with_strategy(self.scale, RoundingStrategy::MidpointNearestEven)
        } else {
            amount
        };
        let shift = POW10[(self.scale - amount.scale()) as usize] as i128;
        amount.mantissa().saturating_mul(shift)
    }

    /// Whole Rupiah in units.
    pub(super) fn whole(self, rupiah: i64) -> i128 {
        i128::from(rupiah) * self.one
    }

    /// Units back to Rupiah, exactly.
    pub(super) fn rupiah(self, units: i128) -> Decimal {
        Decimal::try_from_i128_with_scale(units, self.scale).unwrap_or(if units < 0 {
            Decimal::MIN
        } else {
            Decimal::MAX
        })
    }

    /// Units rounded to whole Rupiah, half to even (as `Decimal::round_dp(0)`).
    pub(super) fn rounded(self, units: i128) -> Decimal {
        if self.scale == 0 {
            return Decimal::from_i128_with_scale(units, 0);
        }
        let (q, r) = match (i64::try_from(units), i64::try_from(self.one)) {
            (Ok(u), Ok(one)) => (i128::from(u.div_euclid(one)), i128::from(u.rem_euclid(one))),
            _ => (units.div_euclid(self.one), units.rem_euclid(self.one)),
        };
        let twice = 2 * r;
        let up = twice > self.one || (twice == self.one && q % 2 != 0);
        Decimal::from_i128_with_scale(q + i128::from(up), 0)
    }
}

/// `workers × price` in units. The product is exact either way; in wasm32, when the worker
/// count fits 32 bits and the price 31 (every realistic run) it is one 64-bit multiplication,
/// which wasm32 does in one instruction where a 128-bit product is a library call
/// (`__multi3`). A 64-bit machine multiplies 128 bits in a few instructions, fewer than the
/// checks.
#[inline]
pub(super) fn times(workers: u64, price: i128) -> i128 {
    if cfg!(target_pointer_width = "64") {
        return i128::from(workers) * price;
    }
    match (u32::try_from(workers), i32::try_from(price)) {
        (Ok(w), Ok(p)) => i128::from(i64::from(w) * i64::from(p)),
        _ => i128::from(workers) * price,
    }
}

/// How many workers `money` pays for at `per_worker` each (all of them when free): a 64-bit
/// division when both fit (a 128-bit one is a library call, `__divti3`).
pub(super) fn affordable(money: i128, per_worker: i128) -> u64 {
    if per_worker <= 0 {
        return u64::MAX;
    }
    if money <= 0 {
        return 0;
    }
    match (u64::try_from(money), u64::try_from(per_worker)) {
        (Ok(m), Ok(p)) => m / p,
        _ => u64::try_from(money / per_worker).unwrap_or(u64::MAX),
    }
}

/// `a × b` when it surely fits 64 bits (both below 2^32): without an overflow check, which
/// wasm32 makes through a 128-bit product (`__multi3`).
#[inline]
fn small_product(a: u64, b: u64) -> Option<u64> {
    ((a | b) >> 32 == 0).then(|| a * b)
}

/// `a × b / c` rounded down (`c` > 0), in 64 bits when the product fits (the division is
/// then several times cheaper), else in 128.
pub(super) fn mul_div(a: u64, b: u64, c: u64) -> u64 {
    match small_product(a, b).or_else(|| a.checked_mul(b)) {
        Some(product) => product / c,
        None => (u128::from(a) * u128::from(b) / u128::from(c)) as u64,
    }
}

/// `a × b / c` rounded half up (`c` > 0), as `(2ab + c) / 2c`.
pub(super) fn mul_div_half_up(a: u64, b: u64, c: u64) -> u64 {
    match small_product(a, b).or_else(|| a.checked_mul(b)) {
        // 2r ≥ c, without overflow (r < c).
        Some(product) => product / c + u64::from(product % c >= c - product % c),
        None => ((2 * u128::from(a) * u128::from(b) + u128::from(c)) / (2 * u128::from(c))) as u64,
    }
}

/// `x / d` rounded half to even, as `(Decimal::from(x) / d).round()` gives it, for a positive
/// `d` of at most four decimals and a mantissa below 2^32, and `x` below 2^32; `None` for
/// others. Exact: the true quotient is `x·10^s / m`, whose fraction is a multiple of `1/m`,
/// so it is a half exactly (which `Decimal` holds exactly) or at least `1/2m` > 10^-10 from
/// one, while `Decimal`'s quotient (below 2^32·10^4, so with 14 or more of its 28 digits
/// after the point) is within 10^-14 of it: both round the same way.
pub(super) fn div_round(x: u64, d: Decimal) -> Option<u64> {
    let m = u64::try_from(d.mantissa())
        .ok()
        .filter(|&m| m > 0 && m >> 32 == 0)?;
    if d.scale() > 4 || x >> 32 != 0 {
        return None;
    }
    let n = x * POW10[d.scale() as usize] as u64;
    let (q, r) = (n / m, n % m);
    Some(q + u64::from(2 * r > m || (2 * r == m && q % 2 == 1)))
}

/// The largest mantissa a `Decimal` holds, plus one.
const LIMIT: u128 = 1 << 96;

/// `m × k` for `m` below 2^96 and `k` below 2^32, which cannot overflow: in 64-bit steps
/// (wasm32 multiplies 128 bits in a library call, and checks overflow at length).
#[inline]
fn mul_small(m: u128, k: u64) -> u128 {
    debug_assert!(m < LIMIT && k >> 32 == 0);
    let limb = |shift: u32| ((m >> shift) as u64 & 0xffff_ffff) * k;
    u128::from(limb(0)) + (u128::from(limb(32)) << 32) + (u128::from(limb(64)) << 64)
}

/// `a × b`, or `None` when it overflows: `mul_small` when one is below 2^32 and the other
/// below 2^96 (a count of workers or a power of ten by a mantissa).
#[inline]
fn mul_checked(a: u128, b: u128) -> Option<u128> {
    if b >> 32 == 0 && a < LIMIT {
        Some(mul_small(a, b as u64))
    } else if a >> 32 == 0 && b < LIMIT {
        Some(mul_small(b, a as u64))
    } else {
        a.checked_mul(b)
    }
}

/// A non-negative decimal `mantissa × 10^-scale` that rounds as `rust_decimal` does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Dec {
    mantissa: u128,
    scale: u32,
}

impl Dec {
    pub(super) const ZERO: Dec = Dec {
        mantissa: 0,
        scale: 0,
    };

    /// A non-negative `Decimal` (a negative one counts as zero: carries never are).
    pub(super) fn from_decimal(d: Decimal) -> Self {
        if d.is_sign_negative() {
            return Self::ZERO;
        }
        Self {
            mantissa: d.mantissa().unsigned_abs(),
            scale: d.scale(),
        }
    }

    pub(super) fn to_decimal(self) -> Decimal {
        // Always within range: every `Dec` is a `Decimal`'s value.
        Decimal::from_i128_with_scale(self.mantissa as i128, self.scale)
    }

    /// A whole number.
    pub(super) fn whole(n: u64) -> Self {
        Self {
            mantissa: u128::from(n),
            scale: 0,
        }
    }

    /// The mantissa rounded to fit 96 bits by dropping the fewest decimals, half to even,
    /// as `rust_decimal` does after a sum or a product; `None` when it cannot.
    fn fit(mantissa: u128, scale: u32) -> Option<Self> {
        if mantissa < LIMIT {
            return Some(Self { mantissa, scale });
        }
        // rust_decimal's first estimate of the decimals to drop, never more than needed.
        let over = 128 - mantissa.leading_zeros() - 96;
        let first = (((over - 1) * 77) >> 8) + 1;
        for drop in first..=scale {
            let p = pow10(drop)?;
            let q = mantissa / p;
            let r = mantissa - q * p;
            let up = r > p / 2 || (r == p / 2 && q % 2 == 1);
            let q = q + u128::from(up);
            if q < LIMIT {
                return Some(Self {
                    mantissa: q,
                    scale: scale - drop,
                });
            }
        }
        None
    }

    /// `self + other`, as `Decimal` adds.
    #[inline]
    pub(super) fn add(self, other: Dec) -> Dec {
        if self.mantissa == 0 {
            return other;
        }
        if other.mantissa == 0 {
            return self;
        }
        // The same decimals (a carry added to a product like the one it was left by): no
        // rescaling, and two mantissas below 2^96 cannot overflow.
        if self.scale == other.scale {
            return Self::fit(self.mantissa + other.mantissa, self.scale)
                .unwrap_or_else(|| Self::from_decimal(self.to_decimal() + other.to_decimal()));
        }
        let scale = self.scale.max(other.scale);
        let exact = pow10(scale - self.scale)
            .and_then(|p| mul_checked(self.mantissa, p))
            .zip(pow10(scale - other.scale).and_then(|p| mul_checked(other.mantissa, p)))
            .and_then(|(a, b)| a.checked_add(b))
            .and_then(|sum| Self::fit(sum, scale));
        exact.unwrap_or_else(|| Self::from_decimal(self.to_decimal() + other.to_decimal()))
    }

    /// `self × other`, as `Decimal` multiplies.
    pub(super) fn mul(self, other: Dec) -> Dec {
        if self.mantissa == 0 || other.mantissa == 0 {
            return Self::ZERO;
        }
        let scale = self.scale + other.scale;
        let exact = (scale <= 28)
            .then(|| mul_checked(self.mantissa, other.mantissa))
            .flatten()
            .and_then(|product| Self::fit(product, scale));
        exact.unwrap_or_else(|| Self::from_decimal(self.to_decimal() * other.to_decimal()))
    }

    /// `count × self + carry`: the expected whole and fractional workers of a month.
    pub(super) fn times_plus(self, count: u64, carry: Dec) -> Dec {
        // The usual case as `mul` takes it, without its checks: a count below 2^32 by a
        // mantissa below 2^96 fits 128 bits, and is rounded to 96 as `Decimal` rounds (at
        // the rate's scale, at most 28 as every `Decimal`'s).
        if count > 0 && count >> 32 == 0 && self.mantissa > 0 && self.mantissa < LIMIT {
            if let Some(product) = Self::fit(mul_small(self.mantissa, count), self.scale) {
                return product.add(carry);
            }
        }
        Self::whole(count).mul(self).add(carry)
    }

    /// The whole part (`floor`).
    pub(super) fn floor(self) -> u64 {
        let q = match pow10(self.scale) {
            Some(_) => div_pow10(self.mantissa, self.scale),
            None => 0,
        };
        u64::try_from(q).unwrap_or(u64::MAX)
    }

    /// The whole part and the rest: `(self.floor(), self.minus_whole(self.floor()))` with
    /// one division.
    pub(super) fn split(self) -> (u64, Dec) {
        let Some(p) = pow10(self.scale) else {
            let whole = self.floor();
            return (whole, self.minus_whole(whole));
        };
        let q = div_pow10(self.mantissa, self.scale);
        match u64::try_from(q) {
            Ok(whole) => (
                whole,
                Dec {
                    mantissa: self.mantissa - q * p,
                    scale: self.scale,
                },
            ),
            Err(_) => (u64::MAX, self.minus_whole(u64::MAX)),
        }
    }

    /// `self - n` for a whole `n` at most `self` (as `Decimal` subtracts).
    pub(super) fn minus_whole(self, n: u64) -> Dec {
        if n == 0 {
            return self;
        }
        let exact = pow10(self.scale)
            .and_then(|p| mul_checked(u128::from(n), p))
            .and_then(|whole| self.mantissa.checked_sub(whole))
            .map(|mantissa| Dec {
                mantissa,
                scale: self.scale,
            });
        exact.unwrap_or_else(|| Self::from_decimal(self.to_decimal() - Decimal::from(n)))
    }

    /// Rounded to `dp` decimals, half to even (as `Decimal::round_dp`).
    pub(super) fn round_dp(self, dp: u32) -> Dec {
        if self.scale <= dp {
            return self;
        }
        let Some(p) = pow10(self.scale - dp) else {
            return Self::from_decimal(self.to_decimal().round_dp(dp));
        };
        let q = self.mantissa / p;
        let r = self.mantissa - q * p;
        let up = r > p / 2 || (r == p / 2 && q % 2 == 1);
        Dec {
            mantissa: q + u128::from(up),
            scale: dp,
        }
    }

    /// The mantissa and the scale.
    pub(super) fn parts(self) -> (u128, u32) {
        (self.mantissa, self.scale)
    }

    /// Whether it is zero.
    pub(super) fn is_zero(self) -> bool {
        self.mantissa == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    // proptest is a native dev-dependency only.
    #[cfg(not(target_arch = "wasm32"))]
    use proptest::prelude::*;
    #[cfg(not(target_arch = "wasm32"))]
    use rust_decimal::prelude::ToPrimitive;
    use std::str::FromStr;

    #[cfg(not(target_arch = "wasm32"))]
    fn dec(m: u128, s: u32) -> Decimal {
        Decimal::from_i128_with_scale(m as i128, s)
    }

    #[test]
    fn a_twelfth_of_ten_percent_rounds_where_decimal_rounds() {
        let rate = Decimal::from_str("0.10").unwrap() / Decimal::from(12);
        let mut carry_d = Decimal::ZERO;
        let mut carry = Dec::ZERO;
        let r = Dec::from_decimal(rate);
        for (k, known) in [120u64, 1200, 950, 77_777, 5_000_000, 3, 0, 12_345_678]
            .into_iter()
            .enumerate()
        {
            let expected_d = Decimal::from(known) * rate + carry_d;
            let expected = r.times_plus(known, carry);
            assert_eq!(expected.to_decimal(), expected_d, "step {k}");
            assert_eq!(
                expected.to_decimal().scale(),
                expected_d.scale(),
                "step {k}"
            );
            let whole = expected.floor();
            assert_eq!(Decimal::from(whole), expected_d.floor());
            carry_d = expected_d - Decimal::from(whole);
            carry = expected.minus_whole(whole);
            assert_eq!(carry.to_decimal(), carry_d);
        }
    }

    #[test]
    fn money_units_round_trip_and_round_half_to_even() {
        let u = Units::new(2);
        let d = Decimal::from_str("15120.5").unwrap();
        assert_eq!(u.of(d), 1_512_050);
        assert_eq!(u.rupiah(u.of(d)), d);
        assert_eq!(u.rounded(1_512_050), Decimal::from(15_120));
        assert_eq!(u.rounded(1_512_150), Decimal::from(15_122));
        assert_eq!(u.rounded(-150), Decimal::from(-2));
        assert_eq!(affordable(7_012_051_199, 201_600), 34_781);
        assert_eq!(affordable(5, 0), u64::MAX);
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest! {
        #[test]
        fn products_over_a_divisor_match_128_bits(a in any::<u64>(), b in any::<u64>(), c in 1u64..) {
            let (a, b) = (a >> (a % 64), b >> (b % 64));
            let wide = u128::from(a) * u128::from(b);
            prop_assume!(wide / u128::from(c) < u128::from(u64::MAX));
            prop_assert_eq!(u128::from(mul_div(a, b, c)), wide / u128::from(c));
            let half_up = (2 * wide + u128::from(c)) / (2 * u128::from(c));
            prop_assert_eq!(u128::from(mul_div_half_up(a, b, c)), half_up);
        }

        #[test]
        fn short_steps_match_128_bits(w in any::<u64>(), shift in 0u32..64, price in -(1i128 << 62)..(1i128 << 62), money in -(1i128 << 100)..(1i128 << 100)) {
            let (w, price) = (w >> shift, price >> (63 - shift));
            prop_assert_eq!(times(w, price), i128::from(w) * price);
            let per_worker = price.max(1);
            let expected = if money <= 0 { 0 } else { u64::try_from(money / per_worker).unwrap_or(u64::MAX) };
            prop_assert_eq!(affordable(money, per_worker), expected);
            let u = Units::new(shift % 13);
            let wide = Decimal::from_i128_with_scale(money >> 8, u.scale).round_dp(0);
            prop_assert_eq!(u.rounded(money >> 8), wide);
        }

        #[test]
        fn a_rounded_quotient_is_decimals(x in 0u64..(1 << 32), m in 1u64..(1 << 32), shift in 0u32..32, scale in 0u32..=6) {
            let d = Decimal::new((m >> shift).max(1) as i64, scale);
            let expected = (Decimal::from(x) / d).round().to_u64();
            match div_round(x, d) {
                Some(q) => prop_assert_eq!(Some(q), expected),
                None => prop_assert!(scale > 4),
            }
        }

        #[test]
        fn powers_of_ten_divide_as_one_division(m in any::<u128>(), shift in 0u32..128, n in 0u32..=38) {
            let m = m >> shift;
            prop_assert_eq!(div_pow10(m, n), m / POW10[n as usize]);
        }

        #[test]
        fn products_in_64_bit_steps_match_128_bits(m in any::<u128>(), shift in 0u32..128, k in any::<u64>(), kshift in 0u32..64) {
            let (m, k) = (m >> shift, k >> kshift);
            let expected = m.checked_mul(u128::from(k));
            prop_assert_eq!(mul_checked(m, u128::from(k)), expected);
            prop_assert_eq!(mul_checked(u128::from(k), m), expected);
            if m < LIMIT && k >> 32 == 0 {
                prop_assert_eq!(Some(mul_small(m, k)), expected);
            }
        }

        #[test]
        fn sums_products_and_rounding_match_decimal(
            (m1, s1) in (0u128..(1u128 << 96), 0u32..=28),
            (m2, s2) in (0u128..(1u128 << 96), 0u32..=28),
            count in 0u64..100_000_000,
            small in 0u128..1_000_000_000_000_000u128,
            dp in 0u32..=4,
        ) {
            let (a, b) = (dec(m1, s1), dec(m2, s2));
            let (x, y) = (Dec::from_decimal(a), Dec::from_decimal(b));
            if let Some(expected) = a.checked_add(b) {
                let sum = x.add(y).to_decimal();
                prop_assert_eq!(sum, expected);
                prop_assert_eq!(sum.scale(), expected.scale());
            }
            let c = dec(small, s2);
            if let Some(expected) = a.checked_mul(c) {
                let product = x.mul(Dec::from_decimal(c)).to_decimal();
                prop_assert_eq!(product, expected);
                prop_assert_eq!(product.scale(), expected.scale());
            }
            if let Some(expected) = Decimal::from(count).checked_mul(b).and_then(|p| p.checked_add(a)) {
                let t = Dec::from_decimal(b).times_plus(count, x).to_decimal();
                prop_assert_eq!(t, expected);
                prop_assert_eq!(t.scale(), expected.scale());
            }
            prop_assert_eq!(Dec::from_decimal(a).round_dp(dp).to_decimal(), a.round_dp(dp));
            let x = Dec::from_decimal(a);
            prop_assert_eq!(x.split(), (x.floor(), x.minus_whole(x.floor())));
            // The same scale, as a carry and the product it is added to usually have.
            let same = dec(m2, s1);
            if let Some(expected) = a.checked_add(same) {
                let sum = x.add(Dec::from_decimal(same)).to_decimal();
                prop_assert_eq!(sum, expected);
                prop_assert_eq!(sum.scale(), expected.scale());
            }
            if let Some(whole) = a.floor().to_u64() {
                prop_assert_eq!(Dec::from_decimal(a).floor(), whole);
                prop_assert_eq!(Dec::from_decimal(a).minus_whole(whole).to_decimal(), a - a.floor());
            }
        }
    }
}
