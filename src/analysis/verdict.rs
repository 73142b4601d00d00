//! The one sentence a board reads first, built from the NPVs, the payback and the break-evens.
//!
//! Cases: an AI pathway beats mining (by how much, its payback, the BTC price mining would
//! need); mining beats both (by how much, the rent the better AI pathway would need, the BTC
//! price below which it would win); a tie; nothing converted. Every missing figure (no
//! payback, no break-even) has its own wording, never a blank or "NaN".

use crate::analysis::breakeven::{gpu_rent_range, lease_range, BTC_MULTIPLE_RANGE};
use crate::engine::PerPathway;
use crate::format::{dollars, money};
use crate::report::{BreakEvens, PathwayId};
use crate::scenario::Scenario;

/// What the verdict is made of.
pub struct VerdictInputs<'a> {
    pub scenario: &'a Scenario,
    pub npvs: PerPathway<f64>,
    pub best_ai: PathwayId,
    pub payback_months: Option<u32>,
    /// Why there is no payback, when there is none.
    pub payback_note: Option<&'a str>,
    pub break_evens: &'a BreakEvens,
}

/// A percentage without a needless `.0`: `100 %`, `62.5 %`.
fn pct(value: f64) -> String {
    if value.fract() == 0.0 {
        format!("{value:.0} %")
    } else {
        format!("{value} %")
    }
}

fn multiple(k: f64) -> String {
    if k >= 10.0 {
        format!("{k:.1}×")
    } else {
        format!("{k:.2}×")
    }
}

/// Is the pivot too small to call? Within a dollar or a millionth of the NPVs' size.
fn is_tie(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1.0_f64.max(1e-6 * a.abs().max(b.abs()))
}

/// What the compared NPVs are, as the verdict names them: "NPV at 10 %", "NPV at each
/// pathway's own rate", "equity NPV at a 15 % cost of equity", each followed by "with the
/// value at the horizon" when that is counted.
pub fn basis(s: &Scenario) -> String {
    let f = &s.finance;
    let npv = match f.verdict_basis {
        crate::scenario::Basis::Equity => format!("equity NPV at a {} cost of equity", pct(f.cost_of_equity_pct)),
        crate::scenario::Basis::Unlevered if f.rates_by_pathway => "NPV at each pathway's own rate".to_string(),
        crate::scenario::Basis::Unlevered => format!("NPV at {}", pct(f.discount_rate_pct)),
    };
    if f.include_terminal_value {
        format!("{npv} with the value at the horizon")
    } else {
        npv
    }
}

/// How the network answers a BTC price, as the BTC clause of the verdict says it: under the
/// economic model a dearer bitcoin draws more hashrate (so mining gains less from it); at a
/// fixed growth it does not.
fn network(s: &Scenario) -> String {
    match s.bitcoin.hashrate_model {
        crate::scenario::HashrateModel::Economic => "with the network hashrate following miners' revenue".to_string(),
        crate::scenario::HashrateModel::FixedGrowth => format!(
            "with the network hashrate growing {} a year whatever mining pays",
            pct(s.bitcoin.network_hashrate_growth_pct_per_year)
        ),
    }
}

/// The verdict sentence.
pub fn verdict(v: &VerdictInputs) -> String {
    let s = v.scenario;
    let share = s.retrofit.converted_share_pct;
    let rate = basis(s);
    let mining = v.npvs.mining;
    let ai = v.npvs[v.best_ai];
    let be = v.break_evens;

    if share <= 0.0 {
        return format!(
            "No share of the site is converted (retrofit.convertedSharePct is 0 %), so every pathway is the mining site: {} {rate}.",
            money(mining)
        );
    }
    let subject = match v.best_ai {
        PathwayId::Colocation => format!("Leasing {} of the site as AI colocation", pct(share)),
        _ => format!("Running an own GPU cloud on {} of the site", pct(share)),
    };
    let ai_name = match v.best_ai {
        PathwayId::Colocation => "the colocation lease",
        _ => "the GPU cloud",
    };
    if is_tie(ai, mining) {
        return format!(
            "{subject} is worth the same as mining: {} {rate} either way.",
            money(mining)
        );
    }
    let horizon = s.horizon_years;
    let today = dollars(s.bitcoin.btc_price_usd);

    if ai > mining {
        let payback = match (v.payback_months, v.payback_note) {
            (Some(n), _) => format!("it pays back in {n} months"),
            (None, Some(note)) if note.starts_with("nothing") => {
                "its cumulative cash flow never goes negative".to_string()
            }
            (None, _) => format!("it does not pay back within the {horizon}-year horizon"),
        };
        let btc = match (be.btc_price_multiple, be.btc_price_usd) {
            (Some(k), Some(price)) => format!(
                "mining would need BTC at {} ({} today's path of {today}) to match, {}",
                dollars(price),
                multiple(k),
                network(s)
            ),
            _ => format!(
                "no BTC price up to {}× today's path would let mining match",
                BTC_MULTIPLE_RANGE.1
            ),
        };
        return format!(
            "{subject} beats mining by {} {rate}; {payback}; {btc}.",
            money(ai - mining)
        );
    }

    // Mining wins.
    let rent = match v.best_ai {
        PathwayId::Colocation => match be.lease_usd_per_kw_month {
            Some(l) => format!(
                "{ai_name} would need ${l:.2} per kW-month (vs ${:.2} assumed) to match",
                s.colocation.lease_usd_per_kw_month
            ),
            None => format!(
                "no lease up to ${:.0} per kW-month would make {ai_name} match",
                lease_range().1
            ),
        },
        _ => match be.gpu_rent_usd_per_gpu_hour {
            Some(r) => format!(
                "{ai_name} would need ${r:.2} per GPU-hour (vs ${:.2} assumed) to match",
                s.gpu_cloud.rent_usd_per_gpu_hour
            ),
            None => format!(
                "no rent up to ${:.0} per GPU-hour would make {ai_name} match",
                gpu_rent_range().1
            ),
        },
    };
    let btc = match (be.btc_price_multiple, be.btc_price_usd) {
        (Some(k), Some(price)) => format!(
            "{ai_name} would also win if BTC followed a path at {} today's ({}), {}",
            multiple(k),
            dollars(price),
            network(s)
        ),
        _ => format!(
            "no BTC price down to {}× today's path would tip it",
            BTC_MULTIPLE_RANGE.0
        ),
    };
    let what = if share >= 100.0 {
        ai_name.to_string()
    } else {
        format!("{ai_name} on {} of it", pct(share))
    };
    format!(
        "Keeping the whole site mining beats {what} by {} {rate}; {rent}; {btc}.",
        money(mining - ai)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_and_dollars_read_like_a_board_pack() {
        assert_eq!(money(1_234_000_000.0), "$1.23 B");
        assert_eq!(money(456_740_000.0), "$456.7 M");
        assert_eq!(money(-2_000_000.0), "−$2.0 M");
        assert_eq!(dollars(78_000.0), "$78,000");
        assert_eq!(dollars(1_234_567.4), "$1,234,567");
        assert_eq!(dollars(999.6), "$1,000");
        assert_eq!(pct(62.5), "62.5 %");
    }
}
