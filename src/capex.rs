//! Sizing of the converted share and the itemised retrofit bill. (Issue 4.)

use serde::{Deserialize, Serialize};

use crate::report::{CapexReport, SiteReport, Warning};
use crate::scenario::Scenario;

/// One unit cost of the cost library.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct CostItem {
    /// Stable id used by `retrofit.costOverrides`.
    pub id: String,
    pub category: String,
    pub label: String,
    /// What one unit is ("kW of IT", "km", "rack", …).
    pub unit: String,
    pub unit_cost_usd: f64,
    pub source: String,
    pub as_of: String,
    pub estimate: bool,
}

pub fn cost_library() -> Vec<CostItem> {
    Vec::new()
}

pub fn is_known_item(id: &str) -> bool {
    cost_library().iter().any(|i| i.id == id)
}

/// Sizing of the site: fleet, converted MW, IT MW, racks, white space, GPUs.
pub fn size(_s: &Scenario) -> SiteReport {
    SiteReport::default()
}

/// The itemised retrofit bill, the GPU cloud's equipment and the greenfield comparison.
pub fn retrofit(_s: &Scenario, _site: &SiteReport) -> CapexReport {
    CapexReport::default()
}

pub fn warnings(_s: &Scenario, _site: &SiteReport) -> Vec<Warning> {
    Vec::new()
}
