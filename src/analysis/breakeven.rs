//! Break-evens, each solved on the whole model (never a shortcut formula): an input is moved,
//! the model re-run, until two pathways' NPVs are equal.
//!
//! - BTC price multiple `k`: the whole price path scaled (`bitcoin.btcPriceUsd × k`, growth
//!   unchanged) until NPV(mining) = NPV(best AI pathway), searched in [0.01, 100];
//! - lease rate at which NPV(colocation) = NPV(mining), searched in $0–10,000 per kW-month;
//! - GPU rent at which NPV(gpuCloud) = NPV(mining), searched in $0–1,000 per GPU-hour.
//!
//! Method: each difference is increasing in its input (more BTC favours mining; more rent
//! favours the AI pathway), so the search checks the far end of the range (a miss costs one
//! run), then starts at the scenario's value and doubles or halves it toward the sign change
//! until it is bracketed, then Brent's method
//! ([`crate::finance::find_root`]) solves the bracket. Where the range holds no sign change the
//! answer is `None` with a note saying which way it missed.

use crate::engine::{npvs_only, scale_btc_price, Adjust, Buffers, CapexStage, FleetRuns, MiningStage, PerPathway};
use crate::finance::find_root_from;
use crate::report::{BreakEvens, PathwayId};
use crate::scenario::Scenario;

/// Range of the BTC price multiple searched.
pub const BTC_MULTIPLE_RANGE: (f64, f64) = (0.01, 100.0);
/// Range of the lease rate searched, USD per kW-month: the field's own (the registry's).
pub fn lease_range() -> (f64, f64) {
    field_range("colocation.leaseUsdPerKwMonth")
}

/// Range of the GPU rent searched, USD per GPU-hour: the field's own (the registry's).
pub fn gpu_rent_range() -> (f64, f64) {
    field_range("gpuCloud.rentUsdPerGpuHour")
}

fn field_range(path: &str) -> (f64, f64) {
    crate::fields::get(path).map_or((0.0, 0.0), crate::fields::Field::range)
}

/// Which way a search missed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Miss {
    /// The difference is still positive at the bottom of the range.
    BelowRange,
    /// The difference is still negative at the top of the range.
    AboveRange,
}

/// A root of `g`, assumed increasing, in `[lo, hi]`, searched outward from `x0` by doubling
/// (up) or halving (down, ending at `lo`) until the sign changes, then by Brent's method.
pub fn solve_increasing(g: impl FnMut(f64) -> f64, x0: f64, lo: f64, hi: f64) -> Result<f64, Miss> {
    solve_from(g, x0, lo, hi, true)
}

/// [`solve_increasing`] for a difference that may turn back at the top of its range (the power
/// price: a dear enough price closes the mine early and sells its fleet, which lifts mining
/// again): upward, the walk from `x0` finds the nearest sign change without looking at the top
/// first; downward, the bottom is still looked at first (a miss there costs one run instead of
/// a dozen halvings).
pub fn solve_nearest(g: impl FnMut(f64) -> f64, x0: f64, lo: f64, hi: f64) -> Result<f64, Miss> {
    solve_from(g, x0, lo, hi, false)
}

fn solve_from(mut g: impl FnMut(f64) -> f64, x0: f64, lo: f64, hi: f64, top_first: bool) -> Result<f64, Miss> {
    let x0 = x0.clamp(lo, hi);
    let g0 = g(x0);
    if g0 == 0.0 {
        return Ok(x0);
    }
    // The far end first: a miss costs one run instead of the whole walk there.
    let end = if g0 < 0.0 { hi } else { lo };
    // g at the far end, once looked at: the walk may end there and need it again.
    let mut at_end = None;
    if (top_first || g0 > 0.0) && end != x0 {
        let g_end = g(end);
        if g0 < 0.0 && g_end < 0.0 {
            return Err(Miss::AboveRange);
        }
        if g0 > 0.0 && g_end > 0.0 {
            return Err(Miss::BelowRange);
        }
        at_end = Some(g_end);
    }
    let mut g_at = |x: f64| match at_end {
        Some(v) if x == end => v,
        _ => g(x),
    };
    // The bracket [a, b] with g(a) and g(b), walked out from x0.
    let ((mut a, mut ga), (mut b, mut gb)) = ((x0, g0), (x0, g0));
    if g0 < 0.0 {
        loop {
            if b >= hi {
                return Err(Miss::AboveRange);
            }
            (a, ga) = (b, gb);
            b = if b > 0.0 { (b * 2.0).min(hi) } else { hi / 1024.0 };
            gb = g_at(b);
            if gb >= 0.0 {
                break;
            }
        }
    } else {
        loop {
            if a <= lo {
                return Err(Miss::BelowRange);
            }
            (b, gb) = (a, ga);
            a = if a / 2.0 <= lo || a / 2.0 < x0 / 1024.0 {
                lo
            } else {
                a / 2.0
            };
            ga = g_at(a);
            if ga <= 0.0 {
                break;
            }
        }
    }
    // Tight on x: the NPVs it equalises are within a hair, far inside the 0.1 % promised.
    let tol = 1e-10 * b.abs().max(1e-9);
    find_root_from(g_at, (a, ga), (b, gb), tol).ok_or(Miss::AboveRange)
}

/// The power price level at which the best AI pathway equals mining (AI − mining, rising with
/// the price: mining pays for every MWh it draws, the AI pathways for fewer or none), and
/// under hourly pricing the spread of the hourly prices at which mining equals it (mining −
/// AI, rising with the spread: a curtailing fleet runs the cheap hours and skips the dear).
fn power_break_evens(
    s: &Scenario,
    mining: &MiningStage,
    capex: &CapexStage,
    best_ai: PathwayId,
    ai_label: &str,
    buf: &mut Buffers,
    out: &mut BreakEvens,
) {
    let needed = only(&[PathwayId::Mining, best_ai]);
    let mut scenario = s.clone();
    let difference = |scenario: &Scenario, buf: &mut Buffers| {
        let runs = FleetRuns::new(scenario, &mining.btc.months);
        let n = npvs_only(scenario, &runs, capex, Adjust::NONE, buf, needed);
        n[best_ai] - n.mining
    };
    let (lo, hi) = field_range("site.powerPriceUsdPerMwh");
    let price = solve_nearest(
        |p| {
            scenario.site.power_price_usd_per_mwh = p;
            difference(&scenario, buf)
        },
        s.site.power_price_usd_per_mwh,
        lo,
        hi,
    );
    scenario.site.power_price_usd_per_mwh = s.site.power_price_usd_per_mwh;
    match price {
        Ok(p) => out.power_price_usd_per_mwh = Some(p),
        Err(Miss::AboveRange) => out.notes.push(format!(
            "Power price: the {ai_label} stays below mining at every power price up to ${hi:.0}/MWh."
        )),
        Err(Miss::BelowRange) => out.notes.push(format!(
            "Power price: the {ai_label} matches or beats mining even with power at ${lo:.0}/MWh."
        )),
    }
    if s.power.pricing != crate::scenario::PowerPricing::Hourly {
        return;
    }
    let (lo, hi) = field_range("power.shapePct");
    let shape = solve_nearest(
        |v| {
            scenario.power.shape_pct = v;
            -difference(&scenario, buf)
        },
        s.power.shape_pct,
        lo,
        hi,
    );
    match shape {
        Ok(v) => out.price_shape_pct = Some(v),
        Err(Miss::AboveRange) => out.notes.push(format!(
            "Price spikes: mining stays below the {ai_label} even with the hourly spread at {hi:.0} % of the profile's."
        )),
        Err(Miss::BelowRange) => out.notes.push(format!(
            "Price spikes: mining stays ahead of the {ai_label} even with flat hourly prices ({lo:.0} % spread)."
        )),
    }
}

/// All break-evens of a scenario, from its prepared stages.
/// Moves the GPU cloud's rent to `rate` per GPU-hour, as the break-even does: the market rent
/// becomes `rate`, and a contract's rate moves in proportion (`rate × contract ÷ market` of
/// `base`; to `rate` itself where the market rent is 0), so that a contracted GPU cloud's
/// break-even is the price level of all its hours, not of the years after its contract. A
/// refresh rent of its own moves so too when the refresh buys the same system (it stands in for
/// the same market rent); another system's rent is that system's market and stays.
pub fn set_gpu_rent(s: &mut Scenario, base: &Scenario, rate: f64) {
    let g = &base.gpu_cloud;
    let market = g.rent_usd_per_gpu_hour;
    let moved = |r: f64| if market > 0.0 { rate * r / market } else { rate };
    s.gpu_cloud.rent_usd_per_gpu_hour = rate;
    s.gpu_cloud.contract_rate_usd_per_gpu_hour = moved(g.contract_rate_usd_per_gpu_hour);
    if g.refresh_system == g.system && g.refresh_rent_usd_per_gpu_hour > 0.0 {
        s.gpu_cloud.refresh_rent_usd_per_gpu_hour = moved(g.refresh_rent_usd_per_gpu_hour);
    }
}

/// The pathways in `ids` marked as needed.
fn only(ids: &[PathwayId]) -> PerPathway<bool> {
    PerPathway::from_fn(|id| ids.contains(&id))
}

pub fn solve(
    s: &Scenario,
    mining: &MiningStage,
    capex: &CapexStage,
    best_ai: PathwayId,
    buf: &mut Buffers,
) -> BreakEvens {
    let mut out = BreakEvens::default();
    if s.retrofit.converted_share_pct <= 0.0 || capex.site.it_capacity_mw <= 0.0 {
        out.notes.push(
            "No critical IT capacity is converted (retrofit.convertedSharePct is 0 or the converted share holds no IT load), so every pathway is the mining site and no input separates them."
                .to_string(),
        );
        return out;
    }
    let ai_label = match best_ai {
        PathwayId::GpuCloud => "GPU cloud",
        _ => "colocation lease",
    };
    let mut scenario = s.clone();

    // BTC price path multiple: mining − best AI, increasing in k.
    let price = s.bitcoin.btc_price_usd;
    let mut scaled = mining.btc.clone();
    let btc = solve_increasing(
        |k| {
            scenario.bitcoin.btc_price_usd = price * k;
            scale_btc_price(s, &mining.btc, k, &mut scaled);
            let runs = FleetRuns::new(&scenario, &scaled.months);
            let n = npvs_only(
                &scenario,
                &runs,
                capex,
                Adjust::NONE,
                buf,
                only(&[PathwayId::Mining, best_ai]),
            );
            n.mining - n[best_ai]
        },
        1.0,
        BTC_MULTIPLE_RANGE.0,
        BTC_MULTIPLE_RANGE.1,
    );
    scenario.bitcoin.btc_price_usd = price;
    match btc {
        Ok(k) => {
            out.btc_price_multiple = Some(k);
            out.btc_price_usd = Some(price * k);
        }
        Err(Miss::AboveRange) => out.notes.push(format!(
            "BTC price: mining stays below the {ai_label} even with the whole BTC price path at {}× today's.",
            BTC_MULTIPLE_RANGE.1
        )),
        Err(Miss::BelowRange) => out.notes.push(format!(
            "BTC price: mining stays ahead of the {ai_label} even with the whole BTC price path at {}× today's.",
            BTC_MULTIPLE_RANGE.0
        )),
    }

    // The power price level and the spread of hourly prices move every pathway that pays for
    // power: the fleet is re-run at each value.
    power_break_evens(s, mining, capex, best_ai, ai_label, buf, &mut out);

    // The lease and the GPU rent move one AI pathway each: mining's NPV is the base one.
    let base_mining = npvs_only(s, &mining.runs, capex, Adjust::NONE, buf, only(&[PathwayId::Mining])).mining;

    // Lease rate: colocation − mining, increasing in the rent.
    let lease = solve_increasing(
        |rate| {
            scenario.colocation.lease_usd_per_kw_month = rate;
            let n = npvs_only(
                &scenario,
                &mining.runs,
                capex,
                Adjust::NONE,
                buf,
                only(&[PathwayId::Colocation]),
            );
            n.colocation - base_mining
        },
        s.colocation.lease_usd_per_kw_month,
        lease_range().0,
        lease_range().1,
    );
    scenario.colocation.lease_usd_per_kw_month = s.colocation.lease_usd_per_kw_month;
    match lease {
        Ok(rate) => out.lease_usd_per_kw_month = Some(rate),
        Err(Miss::AboveRange) => out.notes.push(format!(
            "Lease: colocation stays below mining even at ${:.0} per kW-month{}.",
            lease_range().1,
            if s.colocation.occupancy_pct <= 0.0 {
                " (occupancy is 0 %)"
            } else {
                ""
            }
        )),
        Err(Miss::BelowRange) => out
            .notes
            .push("Lease: colocation matches or beats mining even rent-free ($0 per kW-month).".to_string()),
    }

    // GPU rent: GPU cloud − mining, increasing in the rent.
    if capex.site.gpus == 0 {
        out.notes
            .push("GPU rent: no GPU fits the converted IT capacity.".to_string());
        return out;
    }
    let rent = solve_increasing(
        |rate| {
            set_gpu_rent(&mut scenario, s, rate);
            let n = npvs_only(
                &scenario,
                &mining.runs,
                capex,
                Adjust::NONE,
                buf,
                only(&[PathwayId::GpuCloud]),
            );
            n.gpu_cloud - base_mining
        },
        s.gpu_cloud.rent_usd_per_gpu_hour,
        gpu_rent_range().0,
        gpu_rent_range().1,
    );
    match rent {
        Ok(rate) => out.gpu_rent_usd_per_gpu_hour = Some(rate),
        Err(Miss::AboveRange) => out.notes.push(format!(
            "GPU rent: the GPU cloud stays below mining even at ${:.0} per GPU-hour{}.",
            gpu_rent_range().1,
            if s.gpu_cloud.utilization_pct <= 0.0 {
                " (utilisation is 0 %)"
            } else {
                ""
            }
        )),
        Err(Miss::BelowRange) => out
            .notes
            .push("GPU rent: the GPU cloud matches or beats mining even at $0 per GPU-hour.".to_string()),
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn solves_up_and_down_from_the_start() {
        // g(x) = x − 37: up from 1 (1, 2, …, 64 brackets it), down from 500.
        let up = solve_increasing(|x| x - 37.0, 1.0, 0.0, 1_000.0).unwrap();
        assert!((up - 37.0).abs() < 1e-7);
        let down = solve_increasing(|x| x - 37.0, 500.0, 0.0, 1_000.0).unwrap();
        assert!((down - 37.0).abs() < 1e-7);
        // From 0 the search starts at hi / 1024.
        let from_zero = solve_increasing(|x| x - 0.5, 0.0, 0.0, 1_000.0).unwrap();
        assert!((from_zero - 0.5).abs() < 1e-9);
    }

    #[test]
    fn reports_which_way_it_missed() {
        assert_eq!(
            solve_increasing(|x| x - 2_000.0, 1.0, 0.0, 1_000.0),
            Err(Miss::AboveRange)
        );
        assert_eq!(solve_increasing(|x| x + 5.0, 1.0, 0.0, 1_000.0), Err(Miss::BelowRange));
        // A constant difference (nothing converted) never brackets.
        assert_eq!(solve_increasing(|_| -1.0, 1.0, 0.01, 100.0), Err(Miss::AboveRange));
    }

    #[test]
    fn a_root_at_the_lower_bound_is_found() {
        assert_eq!(solve_increasing(|x| x, 3.0, 0.0, 10.0), Ok(0.0));
    }
}
