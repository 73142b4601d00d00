//! Block subsidy, block-height projection and hashprice. (Issue 3 fills this in.)

use crate::report::BitcoinReport;
use crate::scenario::Scenario;

/// Blocks between halvings.
pub const HALVING_INTERVAL: u64 = 210_000;

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

/// Month-by-month bitcoin network projection for the scenario's horizon.
pub fn project(_s: &Scenario) -> BitcoinReport {
    BitcoinReport::default()
}
