//! Meaning checks: every value of the right type, finite and in its range, the parts
//! consistent with each other. Every problem is collected (never only the first), each with
//! the field path the form marks, a stable code and a message a person understands.
//!
//! A document is checked by one walk against the field registry ([`crate::fields`]): unknown
//! keys, wrong types and out-of-range values are found in the same pass, and whatever cannot
//! be used is removed so that the rest still deserialises and is checked. The cross-field
//! rules (a fleet larger than the grid, a density beyond the cooling, a construction start past
//! the horizon) then run on the typed scenario. What passes is a [`ValidScenario`], the only
//! input the model takes.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::calendar::{parse_date, YearMonth};
use crate::fields::{Access, Field, Kind, SCENARIO_FIELDS};
use crate::presets;
use crate::scenario::Scenario;

pub use crate::fields::{MAX_COST_OVERRIDES, MAX_FLEET_LINES, MAX_HORIZON_YEARS, MAX_TEXT_CHARS};

/// Stable machine codes of input problems.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub enum ErrorCode {
    /// The document is not JSON at all, or not an object.
    InvalidJson,
    /// A value of the wrong type (text where a number belongs, …).
    InvalidType,
    /// A key the schema does not know (often a misspelling).
    UnknownField,
    /// NaN, Infinity or a number too large to represent.
    NotFinite,
    /// A number outside the allowed range.
    OutOfRange,
    /// Text in the wrong format (a date, a month).
    InvalidFormat,
    /// Fields that contradict each other (a fleet larger than the grid).
    Inconsistent,
    /// A list or text longer than allowed.
    TooLarge,
    /// A schema version this build cannot read.
    UnsupportedVersion,
}

/// One problem with the input.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct ValidationError {
    /// Path of the field, e.g. `mining.fleet[2].efficiencyJPerTh` (empty for the whole document).
    pub field: String,
    pub code: ErrorCode,
    /// What is wrong and what is allowed, for people.
    pub message: String,
    /// The offending value, as given (a number JavaScript cannot hold exactly as text).
    #[cfg_attr(feature = "typescript", tsify(type = "unknown"))]
    pub value: Value,
}

impl ValidationError {
    pub fn new(field: impl Into<String>, code: ErrorCode, message: impl Into<String>, value: Value) -> Self {
        ValidationError {
            field: field.into(),
            code,
            message: message.into(),
            value: exact_for_js(value),
        }
    }
}

impl std::fmt::Display for ValidationError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.field.is_empty() {
            write!(f, "{}", self.message)
        } else {
            write!(f, "{}: {} (got {})", self.field, self.message, self.value)
        }
    }
}

impl std::error::Error for ValidationError {}

/// Every problem of one input, as one error (`std::error::Error`) for callers that use `?`.
#[derive(Debug, Clone, PartialEq)]
pub struct InputErrors(pub Vec<ValidationError>);

impl std::fmt::Display for InputErrors {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let n = self.0.len();
        write!(f, "the input has {n} problem{}", if n == 1 { "" } else { "s" })?;
        for e in &self.0 {
            write!(f, "\n  {e}")?;
        }
        Ok(())
    }
}

impl std::error::Error for InputErrors {}

impl From<Vec<ValidationError>> for InputErrors {
    fn from(errors: Vec<ValidationError>) -> Self {
        InputErrors(errors)
    }
}

/// Most problems listed for one input; the rest are counted in a last entry. A 1 MB document
/// of junk could otherwise produce a list larger than itself.
pub const MAX_ERRORS: usize = 200;

/// `errors` with at most [`MAX_ERRORS`] problems, the rest counted: "and 4,800 more problems".
pub fn capped(mut errors: Vec<ValidationError>) -> Vec<ValidationError> {
    if errors.len() > MAX_ERRORS {
        let more = errors.len() - MAX_ERRORS;
        errors.truncate(MAX_ERRORS);
        errors.push(ValidationError::new(
            "",
            ErrorCode::TooLarge,
            format!(
                "and {} more problems (the first {MAX_ERRORS} are listed)",
                crate::format::grouped(more as f64)
            ),
            Value::from(more),
        ));
    }
    errors
}

/// The largest integer JavaScript holds exactly, 2⁵³ − 1.
const MAX_SAFE_INTEGER: u64 = (1 << 53) - 1;

/// An error's value as JavaScript can carry it exactly: integers beyond 2⁵³ − 1 as text.
fn exact_for_js(value: Value) -> Value {
    match &value {
        Value::Number(n) if n.as_u64().is_some_and(|u| u > MAX_SAFE_INTEGER) => Value::String(n.to_string()),
        Value::Number(n) if n.as_i64().is_some_and(|i| i.unsigned_abs() > MAX_SAFE_INTEGER) => {
            Value::String(n.to_string())
        }
        _ => value,
    }
}

/// A scenario that has passed every check: the only input the model takes, so the model needs
/// no fallback for values validation refuses. Made by [`check`] or
/// [`crate::parse::scenario_from_json`]; read through `Deref`.
#[derive(Debug, Clone, PartialEq)]
pub struct ValidScenario {
    scenario: Scenario,
    start: YearMonth,
}

impl ValidScenario {
    /// Month 0 of the projection.
    pub fn start(&self) -> YearMonth {
        self.start
    }

    /// The scenario itself.
    pub fn into_inner(self) -> Scenario {
        self.scenario
    }
}

impl std::ops::Deref for ValidScenario {
    type Target = Scenario;
    fn deref(&self) -> &Scenario {
        &self.scenario
    }
}

/// The error of a CSV of `bytes` bytes read for `field` where at most `max` are read; `what`
/// says what such a file holds ("600 rows", "a year of hours").
pub fn csv_too_large(field: &str, bytes: usize, max: usize, what: &str) -> ValidationError {
    ValidationError::new(
        field,
        ErrorCode::TooLarge,
        format!(
            "the CSV is {} KB; it may be at most {} KB ({what})",
            bytes.div_ceil(1024),
            max / 1024
        ),
        Value::from(format!("{bytes} bytes")),
    )
}

/// The rows of a CSV that hold something: (row number counted from 1 as a spreadsheet counts
/// them, the row trimmed, whether it is the first such row — a header, if it is one).
pub fn csv_rows(text: &str) -> impl Iterator<Item = (usize, &str, bool)> {
    // A byte-order mark (Excel's "CSV UTF-8" writes one) is not part of the first row: left
    // in, it would make a first point look like a header.
    text.strip_prefix('\u{feff}')
        .unwrap_or(text)
        .lines()
        .enumerate()
        .map(|(i, line)| (i + 1, line.trim()))
        .filter(|(_, line)| !line.is_empty())
        .enumerate()
        .map(|(k, (row, line))| (row, line, k == 0))
}

/// Checks a scenario and, when it passes, makes it a [`ValidScenario`].
pub fn check(scenario: Scenario) -> Result<ValidScenario, Vec<ValidationError>> {
    let errors = validate(&scenario);
    if !errors.is_empty() {
        return Err(errors);
    }
    valid(scenario)
}

/// A scenario read from a document that [`check_document`] has already checked field by
/// field: only the cross-field rules are left to run (the fields are not checked twice).
pub fn check_read(scenario: Scenario) -> Result<ValidScenario, Vec<ValidationError>> {
    let mut errors = Vec::new();
    rules(&scenario, &mut errors);
    if !errors.is_empty() {
        return Err(errors);
    }
    valid(scenario)
}

fn valid(scenario: Scenario) -> Result<ValidScenario, Vec<ValidationError>> {
    match YearMonth::parse(&scenario.start_month) {
        Some(start) => Ok(ValidScenario { scenario, start }),
        // validate() has checked the month; this only keeps the function total.
        None => Err(vec![ValidationError::new(
            "startMonth",
            ErrorCode::InvalidFormat,
            crate::fields::get("startMonth").map_or_else(String::new, |f| format!("must be {}", f.allowed())),
            Value::from(scenario.start_month.clone()),
        )]),
    }
}

/// Checks a scenario built in Rust (the CLI's, a test's, an analysis's): every field through
/// its registry accessor, then the cross-field rules. An empty list means the model may run
/// on it. A document is checked by [`check_document`] instead, before it becomes a scenario.
pub fn validate(s: &Scenario) -> Vec<ValidationError> {
    let mut errors = Vec::new();
    for f in SCENARIO_FIELDS.iter().filter(|f| !f.path.contains("[]")) {
        check_field(f, s, &mut errors);
    }
    rules(s, &mut errors);
    errors
}

fn check_field(f: &Field, s: &Scenario, errors: &mut Vec<ValidationError>) {
    match f.access {
        Access::Num { get, .. } => errors.extend(number_problem(f, f.path, get(s), number(get(s)))),
        Access::Whole { get, .. } => errors.extend(whole_problem(f, f.path, get(s))),
        Access::Text { get, .. } => errors.extend(text_problem(f, f.path, get(s))),
        Access::Document => errors.extend(whole_problem(f, f.path, u64::from(s.schema_version))),
        Access::Lines { get, .. } => {
            let lines = get(s);
            if !list_fits(f, f.path, lines.len(), errors) {
                return;
            }
            for (i, line) in lines.iter().enumerate() {
                for (key, item) in crate::fields::item_fields(f.path) {
                    let path = format!("{}[{i}].{key}", f.path);
                    errors.extend(match item.access {
                        Access::LineNum { get, .. } => number_problem(item, &path, get(line), number(get(line))),
                        Access::LineWhole { get, .. } => whole_problem(item, &path, get(line)),
                        Access::LineText { get, .. } => text_problem(item, &path, get(line)),
                        _ => None,
                    });
                }
            }
        }
        Access::Costs { get, .. } => {
            let costs = get(s);
            if !list_fits(f, f.path, costs.len(), errors) {
                return;
            }
            for (i, cost) in costs.iter().enumerate() {
                for (key, item) in crate::fields::item_fields(f.path) {
                    let path = format!("{}[{i}].{key}", f.path);
                    errors.extend(match item.access {
                        Access::CostNum { get, .. } => number_problem(item, &path, get(cost), number(get(cost))),
                        Access::CostText { get, .. } => text_problem(item, &path, get(cost)),
                        _ => None,
                    });
                }
            }
        }
        Access::Phases { get, .. } => {
            let phases = get(s);
            if !list_fits(f, f.path, phases.len(), errors) {
                return;
            }
            for (i, phase) in phases.iter().enumerate() {
                for (key, item) in crate::fields::item_fields(f.path) {
                    let path = format!("{}[{i}].{key}", f.path);
                    errors.extend(match item.access {
                        Access::PhaseNum { get, .. } => number_problem(item, &path, get(phase), number(get(phase))),
                        Access::PhaseWhole { get, .. } => whole_problem(item, &path, get(phase)),
                        _ => None,
                    });
                }
            }
        }
        Access::Curve { get, .. } => {
            let points = get(s);
            if !list_fits(f, f.path, points.len(), errors) {
                return;
            }
            for (i, point) in points.iter().enumerate() {
                for (key, item) in crate::fields::item_fields(f.path) {
                    let path = format!("{}[{i}].{key}", f.path);
                    errors.extend(match item.access {
                        Access::PointNum { get, .. } => number_problem(item, &path, get(point), number(get(point))),
                        Access::PointText { get, .. } => text_problem(item, &path, get(point)),
                        _ => None,
                    });
                }
            }
        }
        // Flags and choices hold only what their Rust type allows.
        _ => {}
    }
}

/// The problem with a number of field `f` at `path`, if any: not finite, or out of range.
pub fn number_problem(f: &Field, path: &str, x: f64, given: Value) -> Option<ValidationError> {
    if !x.is_finite() {
        Some(ValidationError::new(
            path,
            ErrorCode::NotFinite,
            format!("must be a finite number {}", f.allowed()),
            Value::Null,
        ))
    } else if !f.contains(x) {
        Some(ValidationError::new(
            path,
            ErrorCode::OutOfRange,
            format!("must be {}", f.allowed()),
            given,
        ))
    } else {
        None
    }
}

fn whole_problem(f: &Field, path: &str, x: u64) -> Option<ValidationError> {
    // ok: a u64 as f64 may round above 2⁵³, which is beyond every field's bound anyway.
    (!f.contains(x as f64)).then(|| {
        ValidationError::new(
            path,
            ErrorCode::OutOfRange,
            format!("must be {}", f.allowed()),
            Value::from(x),
        )
    })
}

fn text_problem(f: &Field, path: &str, text: &str) -> Option<ValidationError> {
    let given = || truncate(&Value::from(text));
    match f.kind {
        Kind::Text if text.chars().count() > MAX_TEXT_CHARS => Some(ValidationError::new(
            path,
            ErrorCode::TooLarge,
            format!("must be at most {MAX_TEXT_CHARS} characters"),
            Value::from(text.chars().take(40).collect::<String>() + "…"),
        )),
        Kind::Month if YearMonth::parse(text).is_none() => Some(ValidationError::new(
            path,
            ErrorCode::InvalidFormat,
            format!("must be {}", f.allowed()),
            given(),
        )),
        Kind::Date if parse_date(text).is_none() => Some(ValidationError::new(
            path,
            ErrorCode::InvalidFormat,
            format!("must be {}", f.allowed()),
            given(),
        )),
        Kind::Choice(choices) if !choices.iter().any(|c| c.value == text) => Some(ValidationError::new(
            path,
            ErrorCode::InvalidType,
            format!("must be {}", f.allowed()),
            given(),
        )),
        _ => None,
    }
}

/// Whether a list of `len` items fits its field; reports it when it does not.
fn list_fits(f: &Field, path: &str, len: usize, errors: &mut Vec<ValidationError>) -> bool {
    let fits = len as f64 <= f.max;
    if !fits {
        errors.push(ValidationError::new(
            path,
            ErrorCode::TooLarge,
            format!("must have at most {} {}", crate::format::number(f.max), f.unit),
            Value::from(len),
        ));
    }
    fits
}

/// Where a document comes from, which decides what a `null` number means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// Read from JSON or JavaScript: `null` where a number belongs is a type error.
    Document,
    /// Serialised from Rust values: serde writes NaN and ±∞ as `null`, so it is not finite.
    Rust,
}

/// Checks a document's shape and ranges against `fields` in one pass (see the module docs),
/// removing unknown keys, wrongly typed values and list items with a problem. Returns the
/// problems found; what is left deserialises.
pub fn check_document(map: &mut Map<String, Value>, fields: &'static [Field], origin: Origin) -> Vec<ValidationError> {
    let mut errors = Vec::new();
    Walk {
        errors: &mut errors,
        origin,
        fields,
        children: Vec::new(),
    }
    .object(map, "", "");
    errors
}

struct Walk<'a> {
    errors: &'a mut Vec<ValidationError>,
    origin: Origin,
    fields: &'static [Field],
    /// The keys under each pattern met so far: list items repeat their pattern hundreds of
    /// times (a curve, a fleet), and each would otherwise scan the registry again.
    children: Vec<(String, std::rc::Rc<[&'static str]>)>,
}

fn join(prefix: &str, key: &str) -> String {
    if prefix.is_empty() {
        key.to_string()
    } else {
        format!("{prefix}.{key}")
    }
}

impl Walk<'_> {
    fn error(&mut self, field: &str, code: ErrorCode, message: impl Into<String>, value: Value) {
        self.errors.push(ValidationError::new(field, code, message, value));
    }

    fn lookup(&self, pattern: &str) -> Option<&'static Field> {
        if std::ptr::eq(self.fields, SCENARIO_FIELDS) {
            return crate::fields::get(pattern);
        }
        self.fields.iter().find(|f| f.path == pattern)
    }

    /// The keys the registry knows directly under `pattern`, in registry order.
    fn children(&mut self, pattern: &str) -> std::rc::Rc<[&'static str]> {
        if let Some((_, keys)) = self.children.iter().find(|(p, _)| p == pattern) {
            return keys.clone();
        }
        let mut keys: Vec<&'static str> = Vec::new();
        for f in self.fields {
            let rest = if pattern.is_empty() {
                Some(f.path)
            } else {
                f.path.strip_prefix(pattern).and_then(|rest| rest.strip_prefix('.'))
            };
            if let Some(rest) = rest {
                let key = rest.split(['.', '[']).next().unwrap_or(rest);
                if !key.is_empty() && !keys.contains(&key) {
                    keys.push(key);
                }
            }
        }
        let keys: std::rc::Rc<[&'static str]> = keys.into();
        self.children.push((pattern.to_string(), keys.clone()));
        keys
    }

    /// Walks the keys of an object whose registry prefix is `pattern` and whose real path is
    /// `real`, in registry order (so that problems are listed in the document's order), then
    /// reports the keys the registry does not know.
    fn object(&mut self, map: &mut Map<String, Value>, pattern: &str, real: &str) {
        let known = self.children(pattern);
        for &key in known.iter() {
            let Some(value) = map.get_mut(key) else {
                continue;
            };
            let pat = join(pattern, key);
            let path = join(real, key);
            let keep = if let Some(field) = self.lookup(&pat) {
                self.leaf(field, value, &pat, &path)
            } else {
                match value {
                    Value::Object(inner) => {
                        self.object(inner, &pat, &path);
                        true
                    }
                    other => {
                        let kind = kind_of(other);
                        self.error(&path, ErrorCode::InvalidType, "must be an object", kind);
                        false
                    }
                }
            };
            if !keep {
                map.remove(key);
            }
        }
        let unknown: Vec<String> = map.keys().filter(|k| !known.contains(&k.as_str())).cloned().collect();
        for key in unknown {
            let path = join(real, &key);
            let message = if self.fields.iter().any(|f| f.path.contains('.')) {
                "is not a field of the scenario (misspelled?); it was not used"
            } else {
                "is not an option here (misspelled?); it was not used"
            };
            self.error(&path, ErrorCode::UnknownField, message, Value::from(path.clone()));
            map.remove(&key);
        }
    }

    /// Checks one value; `false` when it must be removed (its default then stands in).
    fn leaf(&mut self, field: &'static Field, value: &mut Value, pattern: &str, path: &str) -> bool {
        let errors_before = self.errors.len();
        match field.kind {
            Kind::Number => match value {
                Value::Number(n) => {
                    let x = n.as_f64().unwrap_or(f64::NAN);
                    let given = value.clone();
                    self.errors.extend(number_problem(field, path, x, given));
                }
                Value::Null if self.origin == Origin::Rust => self.error(
                    path,
                    ErrorCode::NotFinite,
                    format!("must be a finite number {}", field.allowed()),
                    Value::Null,
                ),
                other => {
                    let given = truncate(other);
                    self.error(path, ErrorCode::InvalidType, "must be a number", given);
                }
            },
            Kind::Whole => self.whole(field, value, path),
            Kind::Flag => {
                if !value.is_boolean() {
                    let given = truncate(value);
                    self.error(path, ErrorCode::InvalidType, "must be true or false", given);
                }
            }
            Kind::Text | Kind::Month | Kind::Date | Kind::Choice(_) => self.text(field, value, path),
            Kind::List => return self.list(field, value, pattern, path),
            Kind::Numbers(items) => return self.numbers(field, items, value, path),
        }
        self.errors.len() == errors_before
    }

    fn whole(&mut self, field: &'static Field, value: &mut Value, path: &str) {
        let Value::Number(n) = &*value else {
            let given = truncate(value);
            self.error(
                path,
                ErrorCode::InvalidType,
                format!("must be {}", field.allowed()),
                given,
            );
            return;
        };
        // 15.0 (as JSON text or a JS number) is the whole number 15; 15.5 is not one.
        let x = n.as_f64().unwrap_or(f64::NAN);
        if n.as_u64().is_none() && n.as_i64().is_none() && x.fract() != 0.0 {
            let given = value.clone();
            self.error(
                path,
                ErrorCode::InvalidType,
                format!("must be {}", field.allowed()),
                given,
            );
        } else if !field.contains(x) {
            let given = value.clone();
            self.error(
                path,
                ErrorCode::OutOfRange,
                format!("must be {}", field.allowed()),
                given,
            );
        } else if n.as_u64().is_none() {
            // ok: x is whole, finite and within the field's bounds (≥ 0, ≤ 2⁵³), so exact.
            *value = Value::from(x as u64);
        }
    }

    fn text(&mut self, field: &'static Field, value: &Value, path: &str) {
        match value {
            Value::String(text) => self.errors.extend(text_problem(field, path, text)),
            other => {
                let given = truncate(other);
                let wanted = match field.kind {
                    Kind::Choice(_) => format!("must be {}", field.allowed()),
                    _ => "must be text".to_string(),
                };
                self.error(path, ErrorCode::InvalidType, wanted, given);
            }
        }
    }

    /// A list of numbers: its length, then each value (the first few problems named by their
    /// index). A list with any problem is refused whole: a year of prices with a hole in it is
    /// not a year.
    fn numbers(&mut self, field: &'static Field, items: usize, value: &Value, path: &str) -> bool {
        let Value::Array(values) = value else {
            let given = truncate(value);
            self.error(path, ErrorCode::InvalidType, "must be a list of numbers", given);
            return false;
        };
        if values.len() > items {
            self.error(
                path,
                ErrorCode::OutOfRange,
                format!(
                    "must be {} (got {})",
                    field.allowed(),
                    crate::format::number(values.len() as f64)
                ),
                Value::from(values.len()),
            );
            return false;
        }
        const NAMED: usize = 5;
        let mut bad = 0usize;
        for (i, v) in values.iter().enumerate() {
            let x = v.as_f64();
            if x.is_some_and(|x| field.contains(x)) {
                continue;
            }
            bad += 1;
            if bad <= NAMED {
                let (code, message) = match x {
                    None => (ErrorCode::InvalidType, "must be a number".to_string()),
                    Some(_) => (
                        ErrorCode::OutOfRange,
                        format!(
                            "must be between {} and {} {}",
                            crate::format::number(field.min),
                            crate::format::number(field.max),
                            field.unit
                        ),
                    ),
                };
                self.error(&format!("{path}[{i}]"), code, message, truncate(v));
            }
        }
        if bad > NAMED {
            self.error(
                path,
                ErrorCode::OutOfRange,
                format!("has {} more values outside {}", bad - NAMED, field.allowed()),
                Value::from(bad),
            );
        }
        bad == 0
    }

    /// A list: its length, then each item as an object of the `pattern[]` fields, every one of
    /// them required. An item with a problem is removed (its problems are reported).
    fn list(&mut self, field: &'static Field, value: &mut Value, pattern: &str, path: &str) -> bool {
        let Value::Array(items) = value else {
            let given = truncate(value);
            self.error(path, ErrorCode::InvalidType, "must be a list", given);
            return false;
        };
        if !list_fits(field, path, items.len(), self.errors) {
            return false;
        }
        let item_pattern = format!("{pattern}[]");
        let required: Vec<&'static Field> = self
            .fields
            .iter()
            .filter(|f| {
                f.path
                    .strip_prefix(item_pattern.as_str())
                    .is_some_and(|rest| rest.starts_with('.'))
            })
            .collect();
        let mut index = 0;
        items.retain_mut(|item| {
            let item_path = format!("{path}[{index}]");
            index += 1;
            let before = self.errors.len();
            match item {
                Value::Object(map) => {
                    self.object(map, &item_pattern, &item_path);
                    for f in &required {
                        let key = &f.path[item_pattern.len() + 1..];
                        let key_path = join(&item_path, key);
                        let reported = self.errors[before..].iter().any(|e| e.field == key_path);
                        if !map.contains_key(key) && !reported {
                            self.error(
                                &key_path,
                                ErrorCode::InvalidType,
                                format!("is missing; every item of {pattern} needs it"),
                                Value::Null,
                            );
                        }
                    }
                }
                other => {
                    let given = kind_of(other);
                    self.error(&item_path, ErrorCode::InvalidType, "must be an object", given);
                }
            }
            self.errors.len() == before
        });
        true
    }
}

/// The error for an answer that holds a number that is not finite at `at`: it names the
/// numeric inputs that lie in the outer tenth of their ranges, the usual cause (growth rates
/// compounded over a long horizon).
pub fn non_finite_answer(s: &Scenario, at: &str) -> ValidationError {
    let extremes: Vec<String> = SCENARIO_FIELDS
        .iter()
        .filter(|f| matches!(f.access, Access::Num { .. } | Access::Whole { .. }))
        .filter_map(|f| {
            let x = f.number(s)?;
            let span = f.max - f.min;
            let outer = span > 0.0 && (x >= f.max - span / 10.0 || x <= f.min + span / 10.0);
            let default = f.number(&Scenario::default());
            (outer && default != Some(x)).then(|| format!("{} = {}", f.path, crate::format::number(x)))
        })
        .collect();
    let inputs = if extremes.is_empty() {
        "no input is near the end of its range; please report the scenario".to_string()
    } else {
        format!("inputs near the ends of their ranges: {}", extremes.join(", "))
    };
    ValidationError::new(
        "",
        ErrorCode::NotFinite,
        format!("the scenario leads to a number too large to compute (at {at}); {inputs}"),
        Value::from(at),
    )
}

/// The rules between fields, each run only when the fields it reads have no problem of their own.
fn rules(s: &Scenario, errors: &mut Vec<ValidationError>) {
    let clean = |errors: &[ValidationError], prefixes: &[&str]| {
        !errors
            .iter()
            .any(|e| e.field.is_empty() || prefixes.iter().any(|p| e.field.starts_with(p)))
    };

    // The fleet must fit the interconnect: name the line at which it stops fitting.
    if clean(errors, &["site.gridCapacityMw", "mining.fleet", "mining.pue"]) {
        let m = &s.mining;
        let grid = s.site.grid_capacity_mw;
        let mut it_mw = 0.0;
        for (i, line) in m.fleet.iter().enumerate() {
            it_mw += line.units as f64 * line.hashrate_ths * line.efficiency_j_per_th / 1e6;
            let facility = it_mw * m.pue;
            if facility > grid * (1.0 + 1e-9) {
                errors.push(ValidationError::new(
                    format!("mining.fleet[{i}].units"),
                    ErrorCode::Inconsistent,
                    format!(
                        "the fleet up to this line ({}) draws {:.1} MW at PUE {} — more than the site's grid capacity of {} MW",
                        line.model,
                        facility,
                        m.pue,
                        crate::format::number(grid)
                    ),
                    Value::from(line.units),
                ));
                break;
            }
        }
    }

    // An imported profile in use is one whole year of hours.
    if s.power.profile == crate::scenario::PriceProfile::Imported && clean(errors, &["power.importedProfile"]) {
        let hours = s.power.imported_profile.len();
        if hours != 8_760 && hours != crate::fields::MAX_PROFILE_HOURS {
            errors.push(ValidationError::new(
                "power.importedProfile",
                ErrorCode::Inconsistent,
                format!(
                    "must hold one whole year of hourly prices (8,760 hours, or 8,784 in a leap year) when the profile is \"imported\" (got {}): import a year's CSV, or choose a built-in profile",
                    crate::format::number(hours as f64)
                ),
                Value::from(hours),
            ));
        }
    }

    // A curve's months come in order, each once.
    for (path, points) in s.bitcoin.curves() {
        if !clean(errors, &[path]) {
            continue;
        }
        let mut previous: Option<YearMonth> = None;
        for (i, point) in points.iter().enumerate() {
            let Some(month) = YearMonth::parse(&point.month) else {
                break;
            };
            if let Some(before) = previous {
                if month.index() <= before.index() {
                    let what = if month == before { "repeats" } else { "comes before" };
                    errors.push(ValidationError::new(
                        format!("{path}[{i}].month"),
                        ErrorCode::Inconsistent,
                        format!(
                            "{} {what} the month of the point before ({}): a curve's months must increase, each given once",
                            point.month,
                            before.label()
                        ),
                        Value::from(point.month.clone()),
                    ));
                    break;
                }
            }
            previous = Some(month);
        }
    }

    // The site cannot be more than the whole network it mines on.
    if clean(errors, &["bitcoin.networkHashrateEhs", "mining.fleet"]) {
        let fleet_ehs = s.mining.fleet_ph() / 1000.0;
        if fleet_ehs > s.bitcoin.network_hashrate_ehs {
            errors.push(ValidationError::new(
                "bitcoin.networkHashrateEhs",
                ErrorCode::Inconsistent,
                format!(
                    "the site's own fleet hashes {} EH/s, more than the whole network's {} EH/s",
                    crate::format::number((fleet_ehs * 1000.0).round() / 1000.0),
                    crate::format::number(s.bitcoin.network_hashrate_ehs)
                ),
                number(s.bitcoin.network_hashrate_ehs),
            ));
        }
    }

    let r = &s.retrofit;
    if clean(errors, &["retrofit.rackDensityKw", "retrofit.cooling"]) {
        let cooling = presets::cooling(r.cooling);
        if r.rack_density_kw > cooling.max_rack_density_kw {
            errors.push(ValidationError::new(
                "retrofit.rackDensityKw",
                ErrorCode::Inconsistent,
                format!(
                    "{} cooling handles at most {} kW per rack; lower the density or choose another cooling technology",
                    cooling.label,
                    crate::format::number(cooling.max_rack_density_kw)
                ),
                number(r.rack_density_kw),
            ));
        }
    }

    // The phases: at least one, shares summing to 100 %, listed in the order they start, each
    // starting inside the horizon.
    if clean(errors, &["retrofit.phases", "horizonYears"]) {
        let phases = &r.phases;
        if phases.is_empty() {
            errors.push(ValidationError::new(
                "retrofit.phases",
                ErrorCode::OutOfRange,
                "must have at least one phase (one phase of 100 % converts everything at once)",
                Value::Array(Vec::new()),
            ));
        }
        let total: f64 = phases.iter().map(|p| p.share_pct).sum();
        if !phases.is_empty() && (total - 100.0).abs() > 1e-6 {
            errors.push(ValidationError::new(
                "retrofit.phases",
                ErrorCode::Inconsistent,
                format!(
                    "the phases' shares must sum to 100 % of the converted capacity (got {} %)",
                    crate::format::number((total * 1e6).round() / 1e6)
                ),
                number(total),
            ));
        }
        let last = s.months().saturating_sub(1);
        for (i, p) in phases.iter().enumerate() {
            if p.construction_start_month > last {
                errors.push(ValidationError::new(
                    format!("retrofit.phases[{i}].constructionStartMonth"),
                    ErrorCode::OutOfRange,
                    format!(
                        "must be a whole number from 0 to {} months from the start (inside the {}-year horizon)",
                        crate::format::number(last as f64),
                        s.horizon_years
                    ),
                    Value::from(p.construction_start_month),
                ));
            }
            if let Some(before) = i.checked_sub(1).and_then(|j| phases.get(j)) {
                if p.construction_start_month < before.construction_start_month {
                    errors.push(ValidationError::new(
                        format!("retrofit.phases[{i}].constructionStartMonth"),
                        ErrorCode::Inconsistent,
                        format!(
                            "phases are listed in the order they start: phase {} starts in month {}, before phase {} (month {}); list them by start month",
                            i + 1,
                            p.construction_start_month,
                            i,
                            before.construction_start_month
                        ),
                        Value::from(p.construction_start_month),
                    ));
                }
            }
        }
    }

    // A loan longer than the horizon cannot be judged inside it: its repayment would be cut.
    for (section, debt) in [("colocation", &s.colocation.debt), ("gpuCloud", &s.gpu_cloud.debt)] {
        let tenor = format!("{section}.debt.tenorYears");
        let ltc = format!("{section}.debt.loanToCostPct");
        if debt.loan_to_cost_pct > 0.0
            && clean(errors, &[tenor.as_str(), ltc.as_str(), "horizonYears"])
            && debt.tenor_years > s.horizon_years
        {
            errors.push(ValidationError::new(
                tenor,
                ErrorCode::Inconsistent,
                format!(
                    "must be at most the {}-year horizon (got {} years): a loan repaid after the horizon cannot be judged inside it; shorten the tenor, lengthen the horizon or set the loan-to-cost to 0",
                    s.horizon_years, debt.tenor_years
                ),
                Value::from(debt.tenor_years),
            ));
        }
    }

    // A contract longer than the GPUs' life cannot be served when they retire.
    let g = &s.gpu_cloud;
    if g.contract_share_pct > 0.0
        && g.end_of_life == crate::scenario::GpuEnd::Retire
        && clean(errors, &["gpuCloud.contractTermMonths", "gpuCloud.usefulLifeYears"])
        && g.contract_term_months > g.useful_life_years.saturating_mul(12)
    {
        errors.push(ValidationError::new(
            "gpuCloud.contractTermMonths",
            ErrorCode::Inconsistent,
            format!(
                "must be at most the GPUs' useful life of {} months when they retire at its end (got {} months): choose \"buy new GPUs\" at end of life, or a shorter term",
                g.useful_life_years.saturating_mul(12),
                g.contract_term_months
            ),
            Value::from(g.contract_term_months),
        ));
    }

    if clean(errors, &["retrofit.costOverrides"]) {
        for (i, o) in r.cost_overrides.iter().enumerate() {
            if !crate::capex::is_known_item(&o.item) {
                errors.push(ValidationError::new(
                    format!("retrofit.costOverrides[{i}].item"),
                    ErrorCode::InvalidFormat,
                    "is not an item of the cost library (see presets().costLibrary for the ids)",
                    Value::from(o.item.chars().take(60).collect::<String>()),
                ));
            }
        }
    }
}

fn number(value: f64) -> Value {
    serde_json::Number::from_f64(value).map_or(Value::Null, Value::Number)
}

/// The JSON type of a value, for "must be an object (got array)".
pub fn kind_of(value: &Value) -> Value {
    Value::from(match value {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    })
}

/// Long values are cut so that an error list stays small.
pub fn truncate(value: &Value) -> Value {
    match value {
        Value::String(s) if s.chars().count() > 60 => Value::from(s.chars().take(60).collect::<String>() + "…"),
        Value::Array(_) | Value::Object(_) => kind_of(value),
        _ => value.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_scenario_is_valid() {
        assert_eq!(validate(&Scenario::default()), vec![]);
    }

    #[test]
    fn every_problem_is_reported_with_its_path() {
        let mut s = Scenario::default();
        s.site.grid_capacity_mw = -5.0;
        s.bitcoin.btc_price_usd = f64::NAN;
        s.mining.fleet[2].efficiency_j_per_th = 0.0;
        s.retrofit.phases[0].build_months = 0;
        s.finance.discount_rate_pct = 150.0;
        let fields: Vec<String> = validate(&s).into_iter().map(|e| e.field).collect();
        assert_eq!(
            fields,
            vec![
                "site.gridCapacityMw",
                "bitcoin.btcPriceUsd",
                "mining.fleet[2].efficiencyJPerTh",
                "retrofit.phases[0].buildMonths",
                "finance.discountRatePct"
            ]
        );
    }

    #[test]
    fn fleet_larger_than_grid_names_the_line_and_both_numbers() {
        let mut s = Scenario::default();
        s.site.grid_capacity_mw = 50.0;
        let errors = validate(&s);
        assert_eq!(errors.len(), 1);
        // Lines 0 and 1: (29.16 + 35.0) MW × 1.05 = 67.4 MW > 50 MW, so line 1 is named.
        assert_eq!(errors[0].field, "mining.fleet[1].units");
        assert!(errors[0].message.contains("67.4 MW"), "{}", errors[0].message);
        assert!(errors[0].message.contains("50 MW"), "{}", errors[0].message);
    }

    #[test]
    fn density_beyond_the_cooling_ceiling_names_the_ceiling() {
        let mut s = Scenario::default();
        s.retrofit.cooling = crate::scenario::Cooling::Air;
        let errors = validate(&s);
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].field, "retrofit.rackDensityKw");
        assert!(errors[0].message.contains("20 kW per rack"), "{}", errors[0].message);
    }
}
