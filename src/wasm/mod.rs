//! The JavaScript boundary (issue 6): the only module naming wasm_bindgen, js_sys or tsify.
//!
//! Each export reads its input into a [`Scenario`] exactly as the CLI does
//! ([`crate::parse::scenario_from_value`] after [`input::to_json`]), calls one core function
//! and converts the answer to plain JS objects. There is no arithmetic here.
//!
//! Types for TypeScript come from the Rust types (tsify's `Ts<T>`: the JS value crosses the
//! boundary untouched and is converted inside the function, where a failure is an ordinary
//! `Result` — the deprecated `from_wasm_abi` attributes leak memory when conversion fails).
//! Invalid input throws a `MinepivotInputError` listing every problem; nothing on an input path
//! unwraps or panics, and the panic hook is only a net for bugs.

mod error;
mod input;

use serde_json::Value;
use tsify::Ts;
use wasm_bindgen::prelude::*;

use crate::analysis::risk::{RiskOptions, RiskReport};
use crate::presets::Presets;
use crate::report::{Report, Sensitivity};
use crate::scenario::Scenario;
use crate::validate::{ErrorCode, ValidationError};

pub use error::{INPUT_CODE, INPUT_NAME};

/// A scenario as an object — any field may be left out and then takes the default scenario's
/// value — or the same document as JSON text.
#[derive(tsify::Tsify)]
#[tsify(type = "Scenario | string")]
pub struct ScenarioInput;

/// Options of {@link sensitivity}.
#[derive(tsify::Tsify)]
pub struct SensitivityOptions {
    /// Move of each input, ± % (more than 0, at most 90); default: the scenario's
    /// `finance.sensitivityPct`.
    #[tsify(optional)]
    pub pct: Option<f64>,
}

#[wasm_bindgen(typescript_custom_section)]
const INPUT_ERROR_TS: &'static str = r#"
/**
 * Thrown by `evaluate` and `sensitivity` when the input is invalid (check
 * `error.name === "MinepivotInputError"` or `error.code === "invalidInput"`).
 * `errors` lists every problem at once, each with the field path the form marks.
 */
export interface MinepivotInputError extends Error {
    name: "MinepivotInputError";
    code: "invalidInput";
    errors: ValidationError[];
}
"#;

/// Computes the full report of a scenario: sizing, the itemised retrofit capex, month-by-month
/// cash flows, NPV / IRR / payback of each pathway, the comparison, the sensitivity tornado
/// and warnings.
///
/// @throws {MinepivotInputError} when the scenario is invalid; `errors` lists every problem.
#[wasm_bindgen]
pub fn evaluate(scenario: Ts<ScenarioInput>) -> Result<Ts<Report>, JsValue> {
    console_error_panic_hook::set_once();
    let scenario = read_scenario(&scenario.js_value()).map_err(|e| error::input_error(&e))?;
    let report = crate::evaluate(&scenario).map_err(|e| error::input_error(&e))?;
    output(&report)
}

/// The default scenario (a sample 100 MW Texas site), complete, with every field present.
#[wasm_bindgen(js_name = defaultScenario)]
pub fn default_scenario() -> Result<Ts<Scenario>, JsValue> {
    console_error_panic_hook::set_once();
    output(&Scenario::default())
}

/// Checks a scenario without computing it: every problem (unknown keys, wrong types, NaN or
/// Infinity, values out of range, inconsistent fields), or an empty list when it is valid.
/// Never throws for bad input.
#[wasm_bindgen]
pub fn validate(scenario: Ts<ScenarioInput>) -> Result<Vec<Ts<ValidationError>>, JsValue> {
    console_error_panic_hook::set_once();
    let errors = match read_scenario(&scenario.js_value()) {
        Ok(_) => Vec::new(),
        Err(errors) => errors,
    };
    errors.iter().map(output).collect()
}

/// What the form offers to pick from — ASIC models, GPU systems, cooling technologies, sample
/// sites, the retrofit cost library — and the source of every default.
#[wasm_bindgen]
pub fn presets() -> Result<Ts<Presets>, JsValue> {
    console_error_panic_hook::set_once();
    output(&crate::presets::presets())
}

/// The tornado: each key input moved down and up by `options.pct` (default: the scenario's
/// `finance.sensitivityPct`), and the change in the pivot's NPV, largest swing first.
///
/// @throws {MinepivotInputError} when the scenario or the options are invalid.
#[wasm_bindgen]
pub fn sensitivity(
    scenario: Ts<ScenarioInput>,
    options: Option<Ts<SensitivityOptions>>,
) -> Result<Ts<Sensitivity>, JsValue> {
    console_error_panic_hook::set_once();
    let (pct, mut option_errors) = match options {
        Some(options) => read_sensitivity_options(&options.js_value()),
        None => (None, Vec::new()),
    };
    let mut scenario = match read_scenario(&scenario.js_value()) {
        Ok(scenario) if option_errors.is_empty() => scenario,
        Ok(_) => return Err(error::input_error(&option_errors)),
        Err(mut errors) => {
            errors.append(&mut option_errors);
            return Err(error::input_error(&errors));
        }
    };
    if let Some(pct) = pct {
        scenario.finance.sensitivity_pct = pct;
    }
    // Until analysis::sensitivity lands on its own, the tornado is the one in the report.
    let report = crate::evaluate(&scenario).map_err(|e| error::input_error(&e))?;
    output(&report.sensitivity)
}

/// Monte Carlo risk: `options.paths` paths (default 10,000) of BTC price (log-normal, with
/// `options.btcVolatilityPct`), network hashrate growth and GPU rent decline; P10/P50/P90 NPV
/// per pathway, a histogram, the BTC price fan and the probability that each AI pathway beats
/// mining. The same `options.seed` gives the same answer.
///
/// @throws {MinepivotInputError} when the scenario or the options are invalid.
#[wasm_bindgen]
pub fn risk(scenario: Ts<ScenarioInput>, options: Option<Ts<RiskOptions>>) -> Result<Ts<RiskReport>, JsValue> {
    console_error_panic_hook::set_once();
    let (options, mut option_errors) = match options {
        Some(options) => read_risk_options(&options.js_value()),
        None => (RiskOptions::default(), Vec::new()),
    };
    let scenario = match read_scenario(&scenario.js_value()) {
        Ok(scenario) if option_errors.is_empty() => scenario,
        Ok(_) => return Err(error::input_error(&option_errors)),
        Err(mut errors) => {
            errors.append(&mut option_errors);
            return Err(error::input_error(&errors));
        }
    };
    let report = crate::analysis::risk::risk(&scenario, &options).map_err(|errors| {
        let errors: Vec<ValidationError> = errors
            .into_iter()
            .map(|e| ValidationError {
                field: format!("options.{}", e.field),
                ..e
            })
            .collect();
        error::input_error(&errors)
    })?;
    output(&report)
}

/// `{ paths?, seed?, … }` → the options (defaults for what is left out) and the type and key
/// problems, under `options.*`; the ranges are checked by the core.
fn read_risk_options(options: &JsValue) -> (RiskOptions, Vec<ValidationError>) {
    let converted = match input::to_json(options, "options") {
        Ok(converted) => converted,
        Err(e) => return (RiskOptions::default(), vec![e]),
    };
    let mut errors = Vec::new();
    let mut merged = serde_json::to_value(RiskOptions::default()).unwrap_or(Value::Null);
    match (converted.value, &mut merged) {
        (Value::Null, _) => {}
        (Value::Object(given), Value::Object(base)) => {
            for (key, value) in given {
                let field = format!("options.{key}");
                if !base.contains_key(&key) {
                    errors.push(ValidationError::new(
                        field.clone(),
                        ErrorCode::UnknownField,
                        "is not an option of risk (paths, seed, btcVolatilityPct, hashrateGrowthSdPct, gpuRentDeclineSdPct, histogramBins); it was not used",
                        Value::from(field),
                    ));
                } else if !value.is_null() {
                    base.insert(key, value);
                }
            }
        }
        _ => errors.push(ValidationError::new(
            "options",
            ErrorCode::InvalidType,
            "must be an object such as { paths: 10000, seed: 42 }",
            Value::Null,
        )),
    }
    let options = match serde_path_to_error::deserialize::<_, RiskOptions>(&merged) {
        Ok(options) => options,
        Err(e) => {
            errors.push(ValidationError::new(
                format!("options.{}", e.path()),
                ErrorCode::InvalidType,
                "must be a whole number 0 or more (paths, seed, histogramBins) or a number (the others)",
                Value::Null,
            ));
            RiskOptions::default()
        }
    };
    (options, input::apply_marks(errors, &converted.marks))
}

/// The crate version; the package exports it as the constant `version` (src/wasm/js/*.js).
#[wasm_bindgen(js_name = crateVersion, skip_typescript)]
pub fn crate_version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

/// A JS value or JSON text → a valid scenario, or every problem with its field path.
pub fn read_scenario(input: &JsValue) -> Result<Scenario, Vec<ValidationError>> {
    if let Some(text) = input.dyn_ref::<js_sys::JsString>() {
        // A UTF-16 length above the limit means at least as many UTF-8 bytes: refuse it
        // before copying it into wasm memory.
        if text.length() as usize > crate::parse::MAX_DOCUMENT_BYTES {
            return Err(vec![ValidationError::new(
                "",
                ErrorCode::TooLarge,
                format!(
                    "the scenario text is longer than {} bytes",
                    crate::parse::MAX_DOCUMENT_BYTES
                ),
                Value::Null,
            )]);
        }
        return crate::parse::scenario_from_json(&String::from(text));
    }
    let converted = input::to_json(input, "").map_err(|e| vec![e])?;
    match crate::parse::scenario_from_value(converted.value) {
        Err(errors) => Err(input::apply_marks(errors, &converted.marks)),
        // Every replaced value fails a check, so this is only a net.
        Ok(_) if !converted.marks.is_empty() => Err(input::apply_marks(Vec::new(), &converted.marks)),
        Ok(scenario) => Ok(scenario),
    }
}

/// `{ pct? }` → the percentage and the problems with it, under `options.*`.
fn read_sensitivity_options(options: &JsValue) -> (Option<f64>, Vec<ValidationError>) {
    let converted = match input::to_json(options, "options") {
        Ok(converted) => converted,
        Err(e) => return (None, vec![e]),
    };
    let mut errors = Vec::new();
    let mut pct = None;
    match converted.value {
        Value::Null => {}
        Value::Object(map) => {
            for (key, value) in map {
                let field = format!("options.{key}");
                match (key.as_str(), value.as_f64()) {
                    ("pct", Some(x)) => pct = Some(x),
                    ("pct", None) if value.is_null() => {}
                    ("pct", None) => errors.push(ValidationError::new(
                        field,
                        ErrorCode::InvalidType,
                        "must be a number",
                        value,
                    )),
                    _ => errors.push(ValidationError::new(
                        field.clone(),
                        ErrorCode::UnknownField,
                        "is not an option of sensitivity (the only one is pct); it was not used",
                        Value::from(field),
                    )),
                }
            }
        }
        _ => errors.push(ValidationError::new(
            "options",
            ErrorCode::InvalidType,
            "must be an object such as { pct: 20 }",
            Value::Null,
        )),
    }
    // The range is the scenario's own rule for finance.sensitivityPct, checked on the default.
    if let Some(x) = pct {
        let mut probe = Scenario::default();
        probe.finance.sensitivity_pct = x;
        errors.extend(
            crate::validate::validate(&probe)
                .into_iter()
                .filter(|e| e.field == "finance.sensitivityPct")
                .map(|e| ValidationError {
                    field: "options.pct".to_string(),
                    ..e
                }),
        );
    }
    (pct, input::apply_marks(errors, &converted.marks))
}

fn output<T: serde::Serialize + tsify::Tsify>(value: &T) -> Result<Ts<T>, JsValue> {
    error::to_js(value).map(Ts::new_unchecked)
}
