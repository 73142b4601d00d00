//! What each drawn factor contributes to the spread of the NPVs: a one-at-a-time re-run.
//!
//! For every factor the run draws ([`super::RiskReport::drawn`]), the Monte Carlo is run again
//! with that factor alone (every other spread, probability and overrun at 0, the same seed),
//! on at most [`CONTRIBUTION_PATHS`] paths. A factor's contribution to a pathway is the
//! standard deviation of its NPV then, and its share the variance it alone causes over the
//! sum of the factors' variances:
//!
//! ```text
//! share_i = σᵢ² ÷ Σⱼ σⱼ²
//! ```
//!
//! This is the first-order, one-at-a-time reading of a variance decomposition: exact when the
//! NPV is a sum of one function per factor drawn independently; interactions (a default
//! matters more when the rent after the term is high) and correlations (BTC price and
//! hashrate) make the whole run's variance differ from the sum, which the report gives beside
//! it (`allStdDevNpvUsd`). A factor that moves no NPV of a pathway (the lease for mining) has
//! σ = 0 there. The build cost's expected overrun shifts the NPVs without spreading them; it
//! counts here only through its spread.

use serde::{Deserialize, Serialize};

use super::{drawn_factors, factor_label, risk, RiskOptions};
use crate::report::PathwayId;
use crate::scenario::Scenario;
use crate::validate::ValidationError;

/// Most paths each one-factor run takes (fewer when the run itself has fewer): a standard
/// deviation from 2,000 paths is within about ±3 % (1.6 % standard error).
pub const CONTRIBUTION_PATHS: u32 = 2_000;

/// The factors' contributions to the spread of each pathway's NPV.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Contributions {
    /// Paths of each one-factor run.
    pub paths: u32,
    /// The standard deviation of each pathway's NPV with every factor drawn, on as many paths
    /// (mining, colocation, gpuCloud), USD.
    pub all_std_dev_npv_usd: Vec<f64>,
    /// One per factor drawn, the largest first for the AI pathway whose NPV spreads more.
    pub factors: Vec<FactorContribution>,
}

/// One factor drawn alone.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct FactorContribution {
    /// The factor's name, as in `drawn`.
    pub factor: String,
    pub label: String,
    /// Standard deviation of each pathway's NPV with this factor alone drawn (mining,
    /// colocation, gpuCloud), USD.
    pub std_dev_npv_usd: Vec<f64>,
    /// σᵢ² ÷ Σⱼ σⱼ² per pathway (mining, colocation, gpuCloud), %; 0 where no factor moves the
    /// pathway.
    pub share_of_variance_pct: Vec<f64>,
}

/// The options with every factor off (nothing drawn), the run's size and seed kept.
fn nothing_drawn(o: &RiskOptions) -> RiskOptions {
    RiskOptions {
        btc_volatility_pct: 0.0,
        hashrate_growth_sd_pct: 0.0,
        gpu_rent_decline_sd_pct: 0.0,
        capex_overrun_mean_pct: 0.0,
        capex_overrun_sd_pct: 0.0,
        occupancy_sd_pct: 0.0,
        tenant_default_pct_per_year: 0.0,
        gpu_utilization_sd_pct: 0.0,
        btc_jumps_per_year: 0.0,
        fees_sd_pct: 0.0,
        renewal_rent_sd_pct: 0.0,
        build_delay_mean_months: 0.0,
        power_escalation_sd_pct: 0.0,
        equity_paths: 0,
        ..o.clone()
    }
}

/// `o` with only `factor` drawn (its parameters as in `o`).
fn only(o: &RiskOptions, factor: &str) -> RiskOptions {
    let mut one = nothing_drawn(o);
    match factor {
        "btcPrice" => one.btc_volatility_pct = o.btc_volatility_pct,
        // Under the economic model the hashrate follows the price: drawn with it.
        "networkHashrate" => one.hashrate_growth_sd_pct = o.hashrate_growth_sd_pct,
        "gpuRent" => one.gpu_rent_decline_sd_pct = o.gpu_rent_decline_sd_pct,
        "buildCost" => {
            one.capex_overrun_mean_pct = o.capex_overrun_mean_pct;
            one.capex_overrun_sd_pct = o.capex_overrun_sd_pct;
        }
        "occupancy" => one.occupancy_sd_pct = o.occupancy_sd_pct,
        "tenantDefault" => one.tenant_default_pct_per_year = o.tenant_default_pct_per_year,
        "gpuUtilization" => one.gpu_utilization_sd_pct = o.gpu_utilization_sd_pct,
        "btcJumps" => one.btc_jumps_per_year = o.btc_jumps_per_year,
        "fees" => one.fees_sd_pct = o.fees_sd_pct,
        "renewalRent" => one.renewal_rent_sd_pct = o.renewal_rent_sd_pct,
        "buildDelay" => one.build_delay_mean_months = o.build_delay_mean_months,
        "powerPrice" => one.power_escalation_sd_pct = o.power_escalation_sd_pct,
        _ => {}
    }
    one
}

/// Each drawn factor's contribution to the spread (module docs); every problem with the
/// scenario or the options at once, as [`risk`] reports them.
pub fn contributions(s: &Scenario, o: &RiskOptions) -> Result<Contributions, Vec<ValidationError>> {
    let paths = o.paths.min(CONTRIBUTION_PATHS);
    let sized = RiskOptions {
        paths,
        equity_paths: 0,
        ..o.clone()
    };
    let all = risk(s, &sized)?;
    let all_sd: Vec<f64> = all.pathways.iter().map(|p| p.std_dev_npv_usd).collect();
    let mut factors = Vec::new();
    for factor in drawn_factors(s, o) {
        // The economic model's hashrate is drawn through the price; alone it is nothing.
        let alone = risk(s, &only(&sized, &factor))?;
        factors.push(FactorContribution {
            label: factor_label(&factor).to_string(),
            factor,
            std_dev_npv_usd: alone.pathways.iter().map(|p| p.std_dev_npv_usd).collect(),
            share_of_variance_pct: Vec::new(),
        });
    }
    for k in 0..PathwayId::ALL.len() {
        let total: f64 = factors.iter().map(|f| f.std_dev_npv_usd[k].powi(2)).sum();
        for f in &mut factors {
            let share = if total > 0.0 {
                f.std_dev_npv_usd[k].powi(2) / total * 100.0
            } else {
                0.0
            };
            f.share_of_variance_pct.push(share);
        }
    }
    // Largest first for the AI pathway with the larger spread overall.
    let key = if all_sd.get(2) > all_sd.get(1) { 2 } else { 1 };
    factors.sort_by(|a, b| b.std_dev_npv_usd[key].total_cmp(&a.std_dev_npv_usd[key]));
    Ok(Contributions {
        paths,
        all_std_dev_npv_usd: all_sd,
        factors,
    })
}
