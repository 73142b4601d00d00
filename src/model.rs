//! Puts the pieces together: bitcoin → mining → capex → AI pathways → finance → report.

use crate::report::*;
use crate::scenario::{Scenario, SCHEMA_VERSION};

/// The full report of a scenario that has passed validation.
pub fn evaluate(s: &Scenario) -> Report {
    Report {
        schema_version: SCHEMA_VERSION,
        scenario_name: s.name.clone(),
        start_month: s.start_month.clone(),
        horizon_months: s.months(),
        site: crate::capex::size(s),
        capex: CapexReport::default(),
        bitcoin: crate::bitcoin::project(s),
        pathways: Vec::new(),
        comparison: Comparison {
            best_pathway: PathwayId::Mining,
            best_ai_pathway: PathwayId::Colocation,
            verdict: String::new(),
            break_evens: BreakEvens::default(),
        },
        sensitivity: Sensitivity {
            pathway: PathwayId::Colocation,
            pct: s.finance.sensitivity_pct,
            base_pivot_value_usd: 0.0,
            bars: Vec::new(),
        },
        warnings: Vec::new(),
    }
}
