//! Lease revenue of the converted share. (Issue 5.)

use crate::report::SiteReport;
use crate::scenario::Scenario;

/// One month of an AI pathway on the converted share (mining excluded).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AiMonth {
    pub revenue_usd: f64,
    pub power_cost_usd: f64,
    pub opex_usd: f64,
    /// Capex of the pathway's own equipment (GPUs); the facility retrofit is added by the model.
    pub capex_usd: f64,
}

pub fn simulate(s: &Scenario, _site: &SiteReport) -> Vec<AiMonth> {
    vec![AiMonth::default(); s.months() as usize]
}
