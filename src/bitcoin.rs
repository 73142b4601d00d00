//! Block subsidy, block-height projection and hashprice, month by month.
//!
//! Conventions (docs/model.md "Time", "Bitcoin"):
//! - month m spans the day offsets [D0 + m × 30.4375, D0 + (m + 1) × 30.4375) from the anchor
//!   date, where D0 = (first day of `startMonth`) − `bitcoin.anchorDate` in days;
//! - the height at day offset t is `anchorHeight + blocksPerDay × t`, fractional, clamped at 0
//!   before the genesis block;
//! - a month's subsidy is the average of the protocol's step function over the (fractional)
//!   heights mined in it, so the halving month is a blend of the two subsidies;
//! - fees per block grow continuously: value₀ × (1 + g/100)^(m/12); the BTC price too, and the
//!   network hashrate at a fixed growth, unless a curve or the economic model says otherwise
//!   ([`project_prices_into`]).

use crate::calendar::{parse_date, YearMonth, DAYS_PER_MONTH};
use crate::curve::Curve;
use crate::report::{BitcoinMonth, BitcoinReport, Halving};
use crate::scenario::{HashrateModel, Scenario};

/// Blocks between halvings.
pub const HALVING_INTERVAL: u64 = 210_000;

/// Satoshis per bitcoin.
pub const SATS_PER_BTC: f64 = 100_000_000.0;

/// The halving after which the subsidy is zero: 5,000,000,000 sat >> 33 = 0.
pub const LAST_HALVING: u64 = 33;

/// Block subsidy at `height`, satoshis, exactly as the protocol computes it:
/// 50 BTC = 5,000,000,000 sat shifted right once per 210,000 blocks; zero from the 33rd
/// halving on (5e9 >> 33 is already 0, and shifts of 64+ are undefined, so they are guarded).
pub fn subsidy_sats(height: u64) -> u64 {
    let halvings = height / HALVING_INTERVAL;
    if halvings >= 64 {
        0
    } else {
        5_000_000_000u64 >> halvings
    }
}

/// Block subsidy at `height`, BTC.
pub fn subsidy_btc(height: u64) -> f64 {
    subsidy_sats(height) as f64 / SATS_PER_BTC
}

/// Average subsidy (BTC per block) over the fractional heights [h0, h1):
/// ∫ subsidy(⌊h⌋) dh ÷ (h1 − h0), integrated exactly, one halving epoch at a time.
/// An empty interval (h1 ≤ h0, e.g. a month entirely before genesis) gives the subsidy at h0.
pub fn average_subsidy_btc(h0: f64, h1: f64) -> f64 {
    let h0 = h0.max(0.0);
    // NaN-proof: anything but a proper interval falls back to the point value.
    if h1.partial_cmp(&h0) != Some(std::cmp::Ordering::Greater) {
        return subsidy_btc(h0 as u64);
    }
    let interval = HALVING_INTERVAL as f64;
    let mut sats_blocks = 0.0;
    let mut lo = h0;
    // At most two epochs per month at any allowed blocksPerDay; the epoch cap also ends the
    // loop once the subsidy is zero for good.
    while lo < h1 {
        let epoch = (lo / interval).floor() as u64;
        if epoch > LAST_HALVING {
            break;
        }
        let hi = ((epoch + 1) as f64 * interval).min(h1);
        sats_blocks += (hi - lo) * subsidy_sats(epoch * HALVING_INTERVAL) as f64;
        lo = hi;
    }
    sats_blocks / (h1 - h0) / SATS_PER_BTC
}

/// Hashprice, USD per PH/s per day: the expected revenue of one PH/s over a day,
/// `blocksPerDay × (subsidy + fees) × price ÷ (hashrate EH/s × 1000)`.
/// A non-positive network hashrate gives 0, never a division by zero.
///
/// ```
/// // 144 × (3.125 + 0.125) BTC × $100,000 ÷ (1,000 EH/s × 1000 PH/EH) = $46.80 per PH-day.
/// let hp = minepivot::bitcoin::hashprice_usd_per_ph_day(144.0, 3.125, 0.125, 100_000.0, 1_000.0);
/// assert!((hp - 46.8).abs() < 1e-9);
/// ```
pub fn hashprice_usd_per_ph_day(
    blocks_per_day: f64,
    subsidy_btc: f64,
    fees_btc: f64,
    price_usd: f64,
    hashrate_ehs: f64,
) -> f64 {
    if hashrate_ehs.is_nan() || hashrate_ehs <= 0.0 {
        return 0.0;
    }
    let value = blocks_per_day * (subsidy_btc + fees_btc) * price_usd / (hashrate_ehs * 1000.0);
    if value.is_finite() {
        value
    } else {
        0.0
    }
}

/// Where the horizon sits on the chain: D0 and the projection of heights from the anchor.
#[derive(Debug, Clone, Copy)]
struct Chain {
    /// Days from the anchor date to the first day of month 0.
    d0_days: f64,
    anchor_height: f64,
    blocks_per_day: f64,
}

impl Chain {
    fn of(s: &Scenario) -> Option<(Chain, YearMonth)> {
        let start = YearMonth::parse(&s.start_month)?;
        let anchor_day = parse_date(&s.bitcoin.anchor_date)?;
        let chain = Chain {
            d0_days: (start.first_day() - anchor_day) as f64,
            anchor_height: s.bitcoin.anchor_height as f64,
            blocks_per_day: s.bitcoin.blocks_per_day,
        };
        Some((chain, start))
    }

    /// Fractional height at the start of month `m` (month `months` is the horizon's end).
    fn height_at_month_start(&self, m: u32) -> f64 {
        let t = self.d0_days + m as f64 * DAYS_PER_MONTH;
        (self.anchor_height + self.blocks_per_day * t).max(0.0)
    }
}

/// `"YYYY-MM"` as bytes, without `format!` or an allocation: labels are the costliest part
/// of a projection, and analysis re-runs it ~50 times per report.
fn label_bytes(ym: YearMonth) -> [u8; 7] {
    let year = ym.year.clamp(0, 9999) as u32;
    let digit = |d: u32| b'0' + (d % 10) as u8;
    [
        digit(year / 1000),
        digit(year / 100),
        digit(year / 10),
        digit(year),
        b'-',
        digit(ym.month / 10),
        digit(ym.month),
    ]
}

/// Writes the label into `label`, reusing its buffer; a label already right is left alone.
fn set_label(label: &mut String, ym: YearMonth) {
    let bytes = label_bytes(ym);
    if label.as_bytes() != bytes {
        label.clear();
        label.extend(bytes.iter().map(|&b| char::from(b)));
    }
}

fn month_label(ym: YearMonth) -> String {
    let mut label = String::with_capacity(7);
    set_label(&mut label, ym);
    label
}

/// Month-by-month bitcoin network projection for the scenario's horizon (`s.months()`
/// months), and the halvings that fall inside it.
///
/// For month m: heights h0 = height(D0 + m × 30.4375), h1 = height(D0 + (m+1) × 30.4375);
/// `blockHeight` = ⌊h0⌋; `subsidyBtc` = average subsidy over [h0, h1); fees grown
/// continuously to month m; the BTC price and the network hashrate as [`Paths`] says;
/// `hashpriceUsdPerPhDay` from [`hashprice_usd_per_ph_day`], or the hashprice curve's. A halving
/// (height k × 210,000, k = 1…33) is reported in the month whose [h0, h1) contains it.
///
/// It reads only `startMonth`, `horizonYears` and `bitcoin`: a caller varying anything else
/// can reuse one projection. The scenario must have passed validation; an unparseable
/// `startMonth` or `anchorDate` gives an empty projection rather than a panic.
pub fn project(s: &Scenario) -> BitcoinReport {
    let mut report = BitcoinReport::default();
    project_into(s, &mut report);
    report
}

/// [`project`] into an existing report, reusing its allocations (the month vector and the
/// label strings): for analyses that re-project many variants of one scenario.
pub fn project_into(s: &Scenario, report: &mut BitcoinReport) {
    project_prices_into(s, Prices::Scenario, report);
}

/// Where a projection's BTC prices come from.
#[derive(Debug, Clone, Copy)]
pub enum Prices<'a> {
    /// The scenario's: its curve where it covers a month, its price and growth elsewhere.
    Scenario,
    /// The scenario's times a factor (the break-even and the tornado's BTC price).
    Scaled(f64),
    /// One price per month (a drawn path; a month beyond the slice has no price).
    Given(&'a [f64]),
}

/// The paths of a projection (docs/methodology-bitcoin.md "Paths"):
/// - **BTC price**: the price curve where it covers the month (from month 0 to its last
///   point; before its first point, the first value; between points, linear), else the month
///   before's × (1 + growth)^(1/12) (month 0: `btcPriceUsd`);
/// - **network hashrate**: the hashrate curve where it covers the month, else month 0's
///   `networkHashrateEhs`, then the month before's × (1 + growth)^(1/12) (`fixedGrowth`) or
///   its step toward the marginal fleet's break-even on the month before's revenue
///   (`economic`, [`crate::network`]);
/// - **hashprice**: the hashprice curve where it covers the month — and the network hashrate of
///   that month is then the one it implies, revenue ÷ hashprice, from which the model goes on
///   — else derived.
pub fn project_prices_into(s: &Scenario, prices: Prices, report: &mut BitcoinReport) {
    report.halvings.clear();
    let Some((chain, start)) = Chain::of(s) else {
        report.months.clear();
        return;
    };
    let b = &s.bitcoin;
    let months = s.months();
    report.months.truncate(months as usize);
    report.months.reserve(months as usize - report.months.len());

    let price_curve = Curve::new(&b.btc_price_curve, start);
    let hashrate_curve = Curve::new(&b.network_hashrate_curve, start);
    let hashprice_curve = Curve::new(&b.hashprice_curve, start);
    let mut economic = (b.hashrate_model == HashrateModel::Economic)
        .then(|| crate::network::Stepper::new(&crate::network::Economics::of(b)));

    // Continuous growth as a monthly factor applied cumulatively: the same value₀ × (1+g)^(m/12)
    // as calendar::grow to ~1e-14, without three powf calls per month in this hot path.
    let price_step = crate::calendar::grow(1.0, b.btc_price_growth_pct_per_year, 1.0);
    let hashrate_step = crate::calendar::grow(1.0, b.network_hashrate_growth_pct_per_year, 1.0);
    let fees_step = crate::calendar::grow(1.0, b.fees_growth_pct_per_year, 1.0);
    let (mut base_price, mut hashrate, mut fees) = (b.btc_price_usd, b.network_hashrate_ehs, b.fees_btc_per_block);

    // The epoch of h0 is tracked across months so that the ~96 % of months lying wholly inside
    // one epoch need no division; months touching a boundary take the general path.
    let interval = HALVING_INTERVAL as f64;
    let mut h0 = chain.height_at_month_start(0);
    let mut epoch = (h0 / interval).floor();
    let mut epoch_subsidy = subsidy_btc(epoch as u64 * HALVING_INTERVAL);
    let mut ym = start;
    for m in 0..months {
        let h1 = chain.height_at_month_start(m + 1);
        let inside_one_epoch = h0 > epoch * interval && h1 < (epoch + 1.0) * interval;
        let subsidy = if inside_one_epoch {
            epoch_subsidy
        } else {
            collect_halvings(h0, h1, m, ym, &mut report.halvings);
            let new_epoch = (h1 / interval).floor();
            if new_epoch != epoch {
                epoch = new_epoch;
                epoch_subsidy = subsidy_btc(epoch as u64 * HALVING_INTERVAL);
            }
            average_subsidy_btc(h0, h1)
        };
        if let Some(p) = price_curve.at(m) {
            base_price = p;
        }
        let price = match prices {
            Prices::Scenario => base_price,
            Prices::Scaled(k) => base_price * k,
            Prices::Given(path) => path.get(m as usize).copied().unwrap_or(0.0),
        };
        if let Some(h) = hashrate_curve.at(m) {
            hashrate = h;
        }
        let revenue_per_day = b.blocks_per_day * (subsidy + fees) * price;
        let hashprice = match hashprice_curve.at(m) {
            Some(hp) => {
                if revenue_per_day > 0.0 {
                    hashrate = revenue_per_day / (hp * 1000.0);
                }
                hp
            }
            None => hashprice_usd_per_ph_day(b.blocks_per_day, subsidy, fees, price, hashrate),
        };
        let month = BitcoinMonth {
            month: String::new(),
            index: m,
            block_height: h0 as u64,
            subsidy_btc: subsidy,
            fees_btc_per_block: fees,
            btc_price_usd: price,
            network_hashrate_ehs: hashrate,
            hashprice_usd_per_ph_day: hashprice,
        };
        match report.months.get_mut(m as usize) {
            Some(slot) => {
                let label = std::mem::take(&mut slot.month);
                *slot = BitcoinMonth { month: label, ..month };
                set_label(&mut slot.month, ym);
            }
            None => report.months.push(BitcoinMonth {
                month: month_label(ym),
                ..month
            }),
        }
        h0 = h1;
        ym = next_month(ym);
        base_price *= price_step;
        hashrate = match economic.as_mut() {
            Some(stepper) => stepper.next(hashrate, revenue_per_day),
            None => hashrate * hashrate_step,
        };
        fees *= fees_step;
    }
}

/// The calendar month after `ym` (YearMonth::plus without its divisions).
fn next_month(ym: YearMonth) -> YearMonth {
    if ym.month >= 12 {
        YearMonth {
            year: ym.year + 1,
            month: 1,
        }
    } else {
        YearMonth {
            year: ym.year,
            month: ym.month + 1,
        }
    }
}

/// Halvings k × 210,000 (k = 1…33) with h0 ≤ k × 210,000 < h1, i.e. mined in this month.
fn collect_halvings(h0: f64, h1: f64, m: u32, ym: YearMonth, halvings: &mut Vec<Halving>) {
    let interval = HALVING_INTERVAL as f64;
    let mut k = (h0 / interval).ceil().max(1.0) as u64;
    while k <= LAST_HALVING && ((k * HALVING_INTERVAL) as f64) < h1 {
        let height = k * HALVING_INTERVAL;
        halvings.push(Halving {
            height,
            index: m,
            month: month_label(ym),
            subsidy_btc: subsidy_btc(height),
        });
        k += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reprojecting_into_a_used_report_gives_the_same_answer() {
        let mut s = Scenario::default();
        let mut report = project(&s);
        s.bitcoin.btc_price_usd *= 2.0;
        s.start_month = "2030-07".to_string();
        s.horizon_years = 3;
        project_into(&s, &mut report);
        assert_eq!(report, project(&s));
        s.horizon_years = 20;
        project_into(&s, &mut report);
        assert_eq!(report, project(&s));
    }

    #[test]
    fn labels_match_the_calendar() {
        for text in ["1970-01", "2027-09", "2028-12", "2200-10"] {
            let ym = YearMonth::parse(text).unwrap();
            assert_eq!(month_label(ym), ym.label());
        }
    }

    #[test]
    fn average_over_one_epoch_is_the_subsidy() {
        // Heights 840,000–844,383 lie in epoch 4: 5e9 >> 4 = 312,500,000 sat = 3.125 BTC.
        assert_eq!(average_subsidy_btc(840_000.0, 844_383.0), 3.125);
    }

    #[test]
    fn average_across_a_halving_is_weighted_by_blocks() {
        // [209,000, 211,000): 1,000 blocks at 50 BTC and 1,000 at 25 → 37.5.
        assert_eq!(average_subsidy_btc(209_000.0, 211_000.0), 37.5);
        // Empty interval: the subsidy at h0.
        assert_eq!(average_subsidy_btc(210_000.0, 210_000.0), 25.0);
    }

    #[test]
    fn no_subsidy_after_the_last_halving() {
        assert_eq!(average_subsidy_btc(6_930_000.0, 6_940_000.0), 0.0);
        // Across the 33rd halving: 10,000 blocks of 1 sat then 10,000 of 0 → 0.5 sat.
        assert_eq!(average_subsidy_btc(6_920_000.0, 6_940_000.0), 0.5 / SATS_PER_BTC);
    }

    #[test]
    fn hashprice_guards_zero_hashrate() {
        assert_eq!(hashprice_usd_per_ph_day(144.0, 3.125, 0.0, 1e5, 0.0), 0.0);
    }
}
