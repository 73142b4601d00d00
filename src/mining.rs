//! The ASIC fleet month by month: revenue, power, curtailment, shutdown. (Issue 3.)

use crate::report::{BitcoinMonth, Warning};
use crate::scenario::Scenario;

/// One month of the site's mining operation (the share of the fleet still mining).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MiningMonth {
    pub revenue_usd: f64,
    pub curtailment_credit_usd: f64,
    pub power_cost_usd: f64,
    pub opex_usd: f64,
    pub capex_usd: f64,
    /// Share of the site's whole fleet hashing this month, 0–1 (0 when switched off).
    pub active_fraction: f64,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct MiningRun {
    pub months: Vec<MiningMonth>,
    /// First month whose mining revenue is below its power cost.
    pub first_underwater_month: Option<u32>,
}

/// Runs the fleet over `btc` months; `fleet_fraction(m)` is the share (0–1) of the fleet
/// that still exists in month m (1 for the mining pathway; 1 − converted share after
/// construction starts in the AI pathways).
pub fn simulate(_s: &Scenario, btc: &[BitcoinMonth], _fleet_fraction: &dyn Fn(u32) -> f64) -> MiningRun {
    MiningRun {
        months: vec![MiningMonth::default(); btc.len()],
        first_underwater_month: None,
    }
}

/// Warnings about the mining run (fleet under water from month N, …).
pub fn warnings(_s: &Scenario, _run: &MiningRun, _btc: &[BitcoinMonth]) -> Vec<Warning> {
    Vec::new()
}
