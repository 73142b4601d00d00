//! minepivot: keep mining, lease the site as AI colocation, or run a GPU cloud?
//!
//! One pure core computes, for one bitcoin-mining site, the retrofit capex, month-by-month
//! cash flows of each pathway, NPV / IRR / payback, break-evens, sensitivities and risk.
//! The same core serves three front ends: the `minepivot` command line, the npm package
//! (through `wasm`, the only module that knows about JavaScript) and the web page.
//!
//! Entry points:
//! - [`evaluate`]: a scenario → the full [`Report`], or every input error at once;
//! - [`parse::scenario_from_json`] / [`parse::scenario_from_value`]: JSON → a [`ValidScenario`];
//! - [`validate::validate`]: the checks alone; [`fields`]: the registry they read;
//! - [`catalogue::presets`]: ASICs, GPU systems, cooling, sample sites, cost library, sources;
//! - [`analysis`]: break-evens, sensitivity and the Monte Carlo risk analysis;
//! - [`csv::cash_flows`]: the yearly and monthly cash flows as CSV.
//!
//! The modules form layers, each using only those below it (README, "Development"):
//! `calendar`, `format`, `sources`, `network`, `scenario`, `fields`, `report` → `validate`, `parse`,
//! `curve`, `profile`, `bitcoin`, `presets`, `timeline` → `mining`, `capex`, `colocation`, `gpu_cloud`,
//! `finance` → `engine` → `analysis` → `model`, `catalogue`, `csv` → `wasm`.

pub mod analysis;
pub mod bitcoin;
pub mod calendar;
pub mod capex;
pub mod catalogue;
pub mod colocation;
pub mod csv;
pub mod curve;
pub mod debt;
pub mod engine;
pub mod fields;
pub mod finance;
pub mod finite;
pub mod format;
pub mod gpu_cloud;
pub mod mining;
pub mod model;
pub mod network;
pub mod parse;
pub mod power;
pub mod presets;
pub mod profile;
pub mod report;
pub mod scenario;
pub mod sources;
pub mod timeline;
pub mod validate;

#[cfg(all(target_arch = "wasm32", feature = "typescript"))]
pub mod wasm;

pub use report::Report;
pub use scenario::Scenario;
pub use validate::{InputErrors, ValidScenario, ValidationError};

/// Validates a scenario and computes its full report.
pub fn evaluate(scenario: &Scenario) -> Result<Report, Vec<ValidationError>> {
    report(&validate::check(scenario.clone())?)
}

/// Parses a JSON scenario, validates it and computes its full report.
pub fn evaluate_json(text: &str) -> Result<Report, Vec<ValidationError>> {
    report(&parse::scenario_from_json(text)?)
}

/// The full report of a valid scenario, or an error when a number in it is not finite (inputs
/// at the far ends of their ranges, compounded over decades, can overflow): never a NaN or an
/// infinity in an answer.
pub fn report(valid: &ValidScenario) -> Result<Report, Vec<ValidationError>> {
    let report = model::evaluate(valid);
    checked(report, valid)
}

/// The headline figures of a valid scenario without the analyses ([`model::summary`]), checked
/// for finite numbers as [`report`] is.
pub fn summary(valid: &ValidScenario) -> Result<report::Summary, Vec<ValidationError>> {
    checked(model::summary(valid), valid)
}

/// `answer` itself when every number in it is finite; otherwise an error naming where, and
/// the inputs that lie at the ends of their ranges.
pub fn checked<T: serde::Serialize>(answer: T, scenario: &Scenario) -> Result<T, Vec<ValidationError>> {
    match finite::first_non_finite(&answer) {
        None => Ok(answer),
        Some(at) => Err(vec![validate::non_finite_answer(scenario, &at)]),
    }
}
