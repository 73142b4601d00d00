//! The JavaScript boundary: the only module naming wasm_bindgen, js_sys, web_sys or tsify.
//!
//! Each export reads its input into a [`ValidScenario`] exactly as the CLI does
//! ([`crate::parse::scenario_from_value`] after [`input::to_json`]), calls one core function
//! and converts the answer to plain JS objects: a large answer (a report) is written as one
//! JSON string and parsed by the engine's `JSON.parse`, which is both smaller in wasm than a
//! converter per type and no slower. There is no arithmetic here.
//!
//! Types for TypeScript come from the Rust types (tsify's `Ts<T>`: the JS value crosses the
//! boundary untouched and is converted inside the function, where a failure is an ordinary
//! `Result` — the deprecated `from_wasm_abi` attributes leak memory when conversion fails).
//! Invalid input throws a `MinepivotInputError` listing every problem; nothing on an input path
//! unwraps or panics, and the panic hook is only a net for bugs.

mod error;
mod input;
mod parts;
mod rows;
#[doc(hidden)]
pub use rows::literal_tables;

use serde_json::Value;
use tsify::Ts;
use wasm_bindgen::prelude::*;

use crate::analysis::risk::{Contributions, RiskOptions, RiskReport};
use crate::catalogue::Fields;
use crate::catalogue::Presets;
use crate::report::{Report, Sensitivity};
use crate::validate::{ErrorCode, ValidScenario, ValidationError};

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

/// A whole scenario, every field present: what {@link defaultScenario} returns.
#[derive(tsify::Tsify)]
#[tsify(type = "Complete<Scenario>")]
pub struct CompleteScenario;

/// Installs the panic net once, when the module is instantiated: a panic is a bug (input never
/// causes one), and its message goes to the console instead of a bare "unreachable".
#[wasm_bindgen(start)]
pub fn start() {
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&JsValue::from_str(&format!("minepivot: {info}")));
    }));
}

#[wasm_bindgen(typescript_custom_section)]
const COMPLETE_TS: &'static str = r#"
/**
 * `T` with every field present, recursively: a whole scenario as the core writes it.
 */
export type Complete<T> = T extends (infer U)[] ? Complete<U>[] : T extends object ? { [K in keyof T]-?: Complete<T[K]> } : T;
"#;

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
    let scenario = read_scenario(&scenario.js_value()).map_err(|e| error::input_error(&e))?;
    report_to_js(crate::report(&scenario).map_err(|e| error::input_error(&e))?).map(Ts::new_unchecked)
}

/// A report as the JS document [`output`] makes of it, with its tables of months sent one
/// table at a time ([`rows`]): the same objects, a fraction of the crossings.
#[doc(hidden)]
pub fn report_to_js(mut report: Report) -> Result<JsValue, JsValue> {
    use std::mem::take;
    let bitcoin_months = take(&mut report.bitcoin.months);
    let duration_curve = take(&mut report.power.duration_curve);
    let tables: Vec<_> = report
        .pathways
        .iter_mut()
        .map(|p| {
            let financing = p.financing.as_mut().map(|f| take(&mut f.months));
            (take(&mut p.months), take(&mut p.years), financing)
        })
        .collect();
    let out = error::to_js(&report)?;
    let set = |target: &JsValue, key: &str, value: JsValue| {
        js_sys::Reflect::set(target, &JsValue::from_str(key), &value).map(|_| ())
    };
    let get = |target: &JsValue, key: &str| js_sys::Reflect::get(target, &JsValue::from_str(key));
    set(&get(&out, "bitcoin")?, "months", rows::table(&bitcoin_months)?)?;
    set(&get(&out, "power")?, "durationCurve", rows::table(&duration_curve)?)?;
    let pathways = get(&out, "pathways")?;
    for (i, (months, years, financing)) in tables.iter().enumerate() {
        let pathway = js_sys::Reflect::get_u32(&pathways, i as u32)?;
        set(&pathway, "months", rows::table(months)?)?;
        set(&pathway, "years", rows::table(years)?)?;
        if let Some(financing_months) = financing {
            set(&get(&pathway, "financing")?, "months", rows::table(financing_months)?)?;
        }
    }
    Ok(out)
}

/// The cash flows of every pathway as CSV (the file the CLI's `--format csv` writes): the
/// assumptions as `#` comment lines, then one row per pathway-year and per pathway-month.
///
/// @throws {MinepivotInputError} when the scenario is invalid.
#[wasm_bindgen(js_name = cashFlowCsv)]
pub fn cash_flow_csv(scenario: Ts<ScenarioInput>) -> Result<String, JsValue> {
    let scenario = read_scenario(&scenario.js_value()).map_err(|e| error::input_error(&e))?;
    let report = crate::report(&scenario).map_err(|e| error::input_error(&e))?;
    Ok(crate::csv::cash_flows(&scenario, &report))
}

/// The default scenario (a sample 100 MW Texas site), complete, with every field present.
#[wasm_bindgen(js_name = defaultScenario)]
pub fn default_scenario() -> Result<Ts<CompleteScenario>, JsValue> {
    error::to_js(&crate::fields::scenario_json(&crate::Scenario::default())).map(Ts::new_unchecked)
}

/// Reads a scenario document of any released version (a share link's differences, a saved
/// file, a partial object), fills what it leaves out from that version's own defaults,
/// migrates it to the current layout and returns the whole scenario, every field present.
///
/// @throws {MinepivotInputError} when the document is invalid; `errors` lists every problem.
#[wasm_bindgen]
pub fn upgrade(scenario: Ts<ScenarioInput>) -> Result<Ts<CompleteScenario>, JsValue> {
    let scenario = read_scenario(&scenario.js_value()).map_err(|e| error::input_error(&e))?;
    error::to_js(&crate::fields::scenario_json(&scenario)).map(Ts::new_unchecked)
}

/// Reads a curve from CSV text (one `month,value` row a point; a header row, blank rows, dates
/// `YYYY-MM-DD` and quotes allowed) for the curve at `path` (`bitcoin.btcPriceCurve`,
/// `bitcoin.hashpriceCurve` or `bitcoin.networkHashrateCurve`), checked as the scenario's
/// validation checks it. At most 64 KB and 600 points.
///
/// @throws {MinepivotInputError} naming the row of every problem; nothing is read from a bad file.
#[wasm_bindgen(js_name = curveFromCsv)]
pub fn curve_from_csv(path: &str, text: &str) -> Result<Vec<Ts<crate::scenario::CurvePoint>>, JsValue> {
    let points = crate::curve::from_csv(path, text).map_err(|e| error::input_error(&e))?;
    points.iter().map(output).collect()
}

/// Reads a year of hourly power prices from CSV (an ISO's download: a header row, then
/// `timestamp with offset,…,price` — the first column the hour, the last its USD/MWh) for
/// `power.importedProfile`. Hours are read in UTC, so a daylight-saving repeat is its own hour;
/// the file must hold one whole year (8,760 or 8,784 consecutive hours from 1 January 00:00
/// UTC). Negative prices are kept. At most 2.5 MB.
///
/// @throws {MinepivotInputError} naming the row of every problem; nothing is read from a bad file.
#[wasm_bindgen(js_name = profileFromCsv)]
pub fn profile_from_csv(name: &str, text: &str) -> Result<Ts<crate::profile::ImportedProfile>, JsValue> {
    let profile = crate::profile::import(name, text).map_err(|e| error::input_error(&e))?;
    output(&profile)
}

/// The field registry: every input of the scenario and every risk option, with its label,
/// unit, kind, bounds, step, page group, choices and the source of its default.
#[wasm_bindgen]
pub fn fields() -> Result<Ts<Fields>, JsValue> {
    output(&crate::catalogue::fields())
}

/// Checks a scenario without computing it: every problem (unknown keys, wrong types, NaN or
/// Infinity, values out of range, inconsistent fields), or an empty list when it is valid.
/// Never throws for bad input.
#[wasm_bindgen]
pub fn validate(scenario: Ts<ScenarioInput>) -> Result<Vec<Ts<ValidationError>>, JsValue> {
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
    output(&crate::catalogue::presets())
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
    let (scenario, pct) = with_options(&scenario, options.map(|o| read_sensitivity_options(&o.js_value())))?;
    let mut scenario = scenario.into_inner();
    if let Some(pct) = pct {
        scenario.finance.sensitivity_pct = pct;
    }
    let scenario = crate::validate::check(scenario).map_err(|e| error::input_error(&e))?;
    output(
        &crate::report(&scenario)
            .map_err(|e| error::input_error(&e))?
            .sensitivity,
    )
}

/// Monte Carlo risk: `options.paths` paths (default 10,000) of BTC price (log-normal, with
/// `options.btcVolatilityPct`), network hashrate growth and GPU rent decline; P10/P50/P90 NPV
/// per pathway, a histogram, the BTC price fan and the probability that each AI pathway beats
/// mining. The same `options.seed` gives the same answer.
///
/// @throws {MinepivotInputError} when the scenario or the options are invalid.
/// `onProgress(done, total)`, when given, is called after each batch of 128 paths (a
/// progress bar; in a worker, post it on).
#[wasm_bindgen]
pub fn risk(
    scenario: Ts<ScenarioInput>,
    #[wasm_bindgen(unchecked_optional_param_type = "RiskOptions | null")] options: Option<Ts<RiskOptions>>,
    #[wasm_bindgen(js_name = onProgress, unchecked_optional_param_type = "(done: number, total: number) => void")]
    on_progress: Option<js_sys::Function>,
) -> Result<Ts<RiskReport>, JsValue> {
    let (scenario, options) = with_options(&scenario, options.map(|o| read_risk_options(&o.js_value())))?;
    let mut progress = |done: u32, total: u32| {
        if let Some(f) = &on_progress {
            // A callback that throws does not stop the run.
            let _ = f.call2(&JsValue::NULL, &JsValue::from(done), &JsValue::from(total));
        }
    };
    let report = crate::analysis::risk::risk_with_progress(&scenario, &options, &mut progress)
        .map_err(|errors| error::input_error(&under(errors)))?;
    let report = crate::checked(report, &scenario).map_err(|e| error::input_error(&e))?;
    output(&report)
}

#[wasm_bindgen(typescript_custom_section)]
const RISK_PART_TS: &'static str = r#"
/**
 * One share of a Monte Carlo run computed apart (see {@link riskPart}): the batches of 128
 * paths b with b mod `parts` = `part`, in order.
 */
export interface RiskPart {
    part: number;
    parts: number;
    /** Per pathway, the NPV of each of the share's paths, USD. */
    npvs: { mining: Float64Array; colocation: Float64Array; gpuCloud: Float64Array };
    /** The BTC price at each model year's last month, path after path. */
    fan: Float32Array;
    /** The hashprice at each model year's last month, path after path. */
    hashprice: Float32Array;
    /** Per pathway, the equity NPV of the share's paths among the first `equityPaths`. */
    equity: { mining: Float64Array; colocation: Float64Array; gpuCloud: Float64Array };
    /** The run's fingerprint (its scenario and options): a share of other inputs is refused. */
    run: string;
}
"#;

/// One share of {@link risk}'s run, for running it on several Web Workers (or Node worker
/// threads) at once: share `part` (0 … `parts` − 1) of `parts` (1–64). Each batch of 128 paths
/// is drawn from its own stretch of the seed's random streams, so the shares put together by
/// {@link riskFromParts} give exactly `risk`'s report, however many there are.
///
/// @throws {MinepivotInputError} when the scenario, the options or the share are invalid.
#[wasm_bindgen(js_name = riskPart, unchecked_return_type = "RiskPart")]
pub fn risk_part(
    scenario: Ts<ScenarioInput>,
    #[wasm_bindgen(unchecked_param_type = "RiskOptions | null")] options: Option<Ts<RiskOptions>>,
    part: f64,
    parts: f64,
    #[wasm_bindgen(js_name = onProgress, unchecked_optional_param_type = "(done: number, total: number) => void")]
    on_progress: Option<js_sys::Function>,
) -> Result<JsValue, JsValue> {
    let share = [parts::index(part, "part"), parts::index(parts, "parts")];
    let wrong: Vec<ValidationError> = share.iter().filter_map(|r| r.clone().err()).collect();
    let (scenario, options) = with_options_and(&scenario, options.map(|o| read_risk_options(&o.js_value())), wrong)?;
    let [Ok(part), Ok(parts)] = share else {
        return Err(error::internal_error("a share number passed its check"));
    };
    let mut progress = |done: u32, total: u32| {
        if let Some(f) = &on_progress {
            // A callback that throws does not stop the run.
            let _ = f.call2(&JsValue::NULL, &JsValue::from(done), &JsValue::from(total));
        }
    };
    let share = crate::analysis::risk::risk_part(&scenario, &options, part, parts, &mut progress)
        .map_err(|errors| error::input_error(&under_shares(errors)))?;
    parts::to_js(&share)
}

/// {@link risk}'s report from the shares of a split that {@link riskPart} computed (every
/// share once, in any order), for the same scenario and options.
///
/// @throws {MinepivotInputError} when the scenario or the options are invalid, or the shares
/// are not those of one split of this run (at `parts`).
#[wasm_bindgen(js_name = riskFromParts)]
pub fn risk_from_parts(
    scenario: Ts<ScenarioInput>,
    #[wasm_bindgen(unchecked_param_type = "RiskOptions | null")] options: Option<Ts<RiskOptions>>,
    #[wasm_bindgen(unchecked_param_type = "RiskPart[]")] shares: JsValue,
) -> Result<Ts<RiskReport>, JsValue> {
    let (scenario, options) = with_options(&scenario, options.map(|o| read_risk_options(&o.js_value())))?;
    let shares = parts::read(&shares, &scenario, &options).map_err(|e| error::input_error(&e))?;
    let report = crate::analysis::risk::risk_from_parts(&scenario, &options, &shares)
        .map_err(|errors| error::input_error(&under_shares(errors)))?;
    let report = crate::checked(report, &scenario).map_err(|e| error::input_error(&e))?;
    output(&report)
}

/// The core's problems with a run's shares are at `parts`; the rest are options'.
fn under_shares(errors: Vec<ValidationError>) -> Vec<ValidationError> {
    errors
        .into_iter()
        .map(|e| {
            if e.field == "parts" || e.field == "part" {
                e
            } else {
                under_options(e)
            }
        })
        .collect()
}

/// What each drawn factor contributes to the spread of the NPVs: the Monte Carlo re-run with
/// each factor alone (the same seed, at most 2,000 paths each), its NPV standard deviation per
/// pathway and its share of the factors' summed variance. A few times the work of `risk`.
///
/// @throws {MinepivotInputError} when the scenario or the options are invalid.
#[wasm_bindgen(js_name = riskContributions)]
pub fn risk_contributions(
    scenario: Ts<ScenarioInput>,
    options: Option<Ts<RiskOptions>>,
) -> Result<Ts<Contributions>, JsValue> {
    let (scenario, options) = with_options(&scenario, options.map(|o| read_risk_options(&o.js_value())))?;
    let answer = crate::analysis::risk::contributions(&scenario, &options)
        .map_err(|errors| error::input_error(&under(errors)))?;
    let answer = crate::checked(answer, &scenario).map_err(|e| error::input_error(&e))?;
    output(&answer)
}

/// The decision map: two inputs on a grid (default: the BTC price multiple across 0.25–3 and
/// the colocation lease rate at ½–1½ times the scenario's, 25 × 25), each cell the best
/// pathway and its margin over the runner-up, with the lines where each AI pathway's NPV
/// equals mining's. At most 2,500 cells.
///
/// @throws {MinepivotInputError} when the scenario or the options are invalid (options at
/// `options.x.steps`, …).
#[wasm_bindgen(js_name = decisionMap)]
pub fn decision_map(
    scenario: Ts<ScenarioInput>,
    options: Option<Ts<crate::analysis::decision_map::MapOptions>>,
) -> Result<Ts<crate::analysis::decision_map::DecisionMap>, JsValue> {
    let read = options.map(|options| match input::to_json(&options.js_value(), "") {
        Err(e) => (Default::default(), vec![under_options(e)]),
        Ok(converted) => match crate::analysis::decision_map::map_options_from_value(converted.value) {
            Ok(o) if converted.marks.is_empty() => (o, Vec::new()),
            Ok(o) => (o, under(input::apply_marks(Vec::new(), &converted.marks))),
            Err(errors) => (Default::default(), under(input::apply_marks(errors, &converted.marks))),
        },
    });
    let (scenario, options) = with_options(&scenario, read)?;
    let answer = crate::analysis::decision_map::decision_map(&scenario, &options).map_err(|errors| {
        // The scenario's own errors keep their paths; the axes' go under `options.`.
        let errors = errors
            .into_iter()
            .map(|e| {
                if e.field.starts_with("x.") || e.field.starts_with("y.") {
                    under_options(e)
                } else {
                    e
                }
            })
            .collect::<Vec<_>>();
        error::input_error(&errors)
    })?;
    let answer = crate::checked(answer, &scenario).map_err(|e| error::input_error(&e))?;
    output(&answer)
}

/// The scenario and an analysis's options read together: every problem with either at once
/// (the scenario's first), the options' defaults when none were given.
fn with_options<O: Default>(
    scenario: &Ts<ScenarioInput>,
    read: Option<(O, Vec<ValidationError>)>,
) -> Result<(ValidScenario, O), JsValue> {
    with_options_and(scenario, read, Vec::new())
}

/// [`with_options`] with the call's other problems (`more`) reported after the options'.
fn with_options_and<O: Default>(
    scenario: &Ts<ScenarioInput>,
    read: Option<(O, Vec<ValidationError>)>,
    mut more: Vec<ValidationError>,
) -> Result<(ValidScenario, O), JsValue> {
    let (options, mut option_errors) = read.unwrap_or_default();
    option_errors.append(&mut more);
    match read_scenario(&scenario.js_value()) {
        Ok(scenario) if option_errors.is_empty() => Ok((scenario, options)),
        Ok(_) => Err(error::input_error(&option_errors)),
        Err(mut errors) => {
            errors.append(&mut option_errors);
            Err(error::input_error(&errors))
        }
    }
}

/// `{ paths?, seed?, … }` → the options (defaults for what is left out) and every key, type
/// and range problem, under `options.*`.
fn read_risk_options(options: &JsValue) -> (RiskOptions, Vec<ValidationError>) {
    let converted = match input::to_json(options, "") {
        Ok(converted) => converted,
        Err(e) => return (RiskOptions::default(), vec![under_options(e)]),
    };
    match crate::analysis::risk::options_from_value(converted.value) {
        Ok(options) if converted.marks.is_empty() => (options, Vec::new()),
        Ok(options) => (options, under(input::apply_marks(Vec::new(), &converted.marks))),
        Err(errors) => (
            RiskOptions::default(),
            under(input::apply_marks(errors, &converted.marks)),
        ),
    }
}

fn under_options(e: ValidationError) -> ValidationError {
    let field = if e.field.is_empty() {
        "options".to_string()
    } else {
        format!("options.{}", e.field)
    };
    ValidationError { field, ..e }
}

fn under(errors: Vec<ValidationError>) -> Vec<ValidationError> {
    errors.into_iter().map(under_options).collect()
}

/// Whether a thrown value is minepivot's input error (a type guard in TypeScript, so that
/// `error.errors` is typed after it).
#[wasm_bindgen(js_name = isInputError, skip_typescript)]
pub fn is_input_error(error: &JsValue) -> bool {
    // Read with `catch`: the value may be anything, a revoked Proxy included.
    let read = |key: &str| {
        input::reflect_get(error, &JsValue::from_str(key))
            .ok()
            .and_then(|v| v.as_string())
    };
    error.is_object() && read("name").as_deref() == Some(INPUT_NAME) && read("code").as_deref() == Some(INPUT_CODE)
}

#[wasm_bindgen(typescript_custom_section)]
const IS_INPUT_ERROR_TS: &'static str = r#"
/**
 * Whether a thrown value is minepivot's input error: after `if (isInputError(error))`,
 * `error.errors` lists every problem, typed.
 */
export function isInputError(error: unknown): error is MinepivotInputError;
"#;

/// The crate version; the package exports it as the constant `version` (src/wasm/js/*.js).
#[wasm_bindgen(js_name = crateVersion, skip_typescript)]
pub fn crate_version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

/// A JS value or JSON text → a valid scenario, or every problem with its field path.
pub fn read_scenario(input: &JsValue) -> Result<ValidScenario, Vec<ValidationError>> {
    if input.is_string() {
        let text: &js_sys::JsString = input.unchecked_ref();
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
        Err(errors) => Err(crate::validate::capped(input::apply_marks(errors, &converted.marks))),
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
    // The range is the registry's for finance.sensitivityPct.
    if let (Some(x), Some(field)) = (pct, crate::fields::get("finance.sensitivityPct")) {
        let given = serde_json::Number::from_f64(x).map_or(Value::Null, Value::Number);
        errors.extend(crate::validate::number_problem(field, "options.pct", x, given));
    }
    (pct, input::apply_marks(errors, &converted.marks))
}

fn output<T: serde::Serialize + tsify::Tsify>(value: &T) -> Result<Ts<T>, JsValue> {
    error::to_js(value).map(Ts::new_unchecked)
}
