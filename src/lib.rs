//! minepivot: keep mining, lease the site as AI colocation, or run a GPU cloud?
//!
//! One pure core computes, for one bitcoin-mining site, the retrofit capex, month-by-month
//! cash flows of each pathway, NPV / IRR / payback, break-evens, sensitivities and risk.
//! The same core serves three front ends: the `minepivot` command line, the npm package
//! (through [`wasm`], the only module that knows about JavaScript) and the web page.
//!
//! Entry points:
//! - [`evaluate`]: a scenario → the full [`Report`], or every input error at once;
//! - [`parse::scenario_from_json`] / [`parse::scenario_from_value`]: JSON → a valid [`Scenario`];
//! - [`validate::validate`]: the meaning checks alone;
//! - [`presets::presets`]: ASICs, GPU systems, cooling, sample sites, cost library, sources;
//! - [`analysis`]: break-evens, sensitivity and the Monte Carlo risk analysis.

pub mod analysis;
pub mod bitcoin;
pub mod calendar;
pub mod capex;
pub mod colocation;
pub mod finance;
pub mod gpu_cloud;
pub mod mining;
pub mod model;
pub mod parse;
pub mod presets;
pub mod report;
pub mod scenario;
pub mod sources;
pub mod validate;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use report::Report;
pub use scenario::Scenario;
pub use validate::ValidationError;

/// Validates a scenario and computes its full report.
pub fn evaluate(scenario: &Scenario) -> Result<Report, Vec<ValidationError>> {
    let errors = validate::validate(scenario);
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(model::evaluate(scenario))
}

/// Parses a JSON scenario, validates it and computes its full report.
pub fn evaluate_json(text: &str) -> Result<Report, Vec<ValidationError>> {
    let scenario = parse::scenario_from_json(text)?;
    Ok(model::evaluate(&scenario))
}
