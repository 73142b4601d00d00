//! JSON → [`Scenario`]: shape first (types, unknown keys, schema version), then meaning
//! ([`crate::validate`]). Used by the CLI and, after a JS value is turned into JSON, by the
//! wasm binding, so both report the same errors.

use serde_json::Value;

use crate::scenario::{Scenario, SCHEMA_VERSION};
use crate::validate::{validate, ErrorCode, ValidationError};

/// Largest scenario document accepted, bytes of JSON. A real one is ~3 KB.
pub const MAX_DOCUMENT_BYTES: usize = 1_000_000;

/// Parses and validates a JSON text.
pub fn scenario_from_json(text: &str) -> Result<Scenario, Vec<ValidationError>> {
    if text.len() > MAX_DOCUMENT_BYTES {
        return Err(vec![ValidationError::new(
            "",
            ErrorCode::TooLarge,
            format!(
                "the scenario is {} bytes; at most {MAX_DOCUMENT_BYTES} are accepted",
                text.len()
            ),
            Value::Null,
        )]);
    }
    let value: Value = serde_json::from_str(text).map_err(|e| {
        vec![ValidationError::new(
            "",
            ErrorCode::InvalidJson,
            format!("not valid JSON: {e}"),
            Value::Null,
        )]
    })?;
    scenario_from_value(value)
}

/// Parses and validates a JSON value: every unknown key, every wrongly typed field and every
/// out-of-range value is reported at once.
pub fn scenario_from_value(value: Value) -> Result<Scenario, Vec<ValidationError>> {
    let (scenario, mut errors) = shape(value);
    let Some(scenario) = scenario else {
        return Err(errors);
    };
    // Fields with a type error were taken from the defaults, so they are not reported twice.
    errors.extend(validate(&scenario));
    if errors.is_empty() {
        Ok(scenario)
    } else {
        Err(errors)
    }
}

/// Types and keys only; a wrongly typed field is reported and then taken from the defaults so
/// that the remaining fields are still checked. Returns the scenario (when the document is an
/// object of a readable version) and the problems found.
pub fn shape(mut value: Value) -> (Option<Scenario>, Vec<ValidationError>) {
    let Some(object) = value.as_object() else {
        let error = ValidationError::new(
            "",
            ErrorCode::InvalidJson,
            "a scenario must be a JSON object",
            kind_of(&value),
        );
        return (None, vec![error]);
    };
    let mut errors = Vec::new();
    match object.get("schemaVersion") {
        None => {}
        Some(Value::Number(n)) if n.as_u64().is_some_and(|v| (1..=SCHEMA_VERSION as u64).contains(&v)) => {}
        Some(other) => {
            let error = ValidationError::new(
                "schemaVersion",
                ErrorCode::UnsupportedVersion,
                format!("this build reads scenario versions 1 to {SCHEMA_VERSION}; a newer document needs a newer minepivot"),
                other.clone(),
            );
            return (None, vec![error]);
        }
    }
    migrate(&mut value);
    // serde reads a struct from a list too, field by field in declaration order, so
    // `"bitcoin": [1]` would silently be a BTC price of 1 USD: a list where an object belongs
    // is a type error like any other, and that part falls back to its defaults.
    for path in lists_where_objects_belong(&value) {
        errors.push(ValidationError::new(
            json_path(&path),
            ErrorCode::InvalidType,
            "must be an object",
            Value::from("array"),
        ));
        remove(&mut value, &path);
    }

    // Each pass reports one type error and removes its field; a document cannot have more
    // bad fields than it has fields, so this ends.
    for _ in 0..10_000 {
        let mut unknown = Vec::new();
        let result: Result<Scenario, _> = {
            let mut record = |path: serde_ignored::Path| unknown.push(path.to_string());
            let de = serde_ignored::Deserializer::new(&value, &mut record);
            serde_path_to_error::deserialize(de)
        };
        match result {
            Ok(mut scenario) => {
                errors.extend(unknown.into_iter().map(|path| {
                    let field = json_path(&path);
                    ValidationError::new(
                        field.clone(),
                        ErrorCode::UnknownField,
                        "is not a field of the scenario (misspelled?); it was not used",
                        Value::from(field),
                    )
                }));
                scenario.schema_version = SCHEMA_VERSION;
                return (Some(scenario), errors);
            }
            Err(e) => {
                let path = e.path().to_string();
                let field = json_path(&path);
                let offending = lookup(&value, &path).cloned().unwrap_or(Value::Null);
                let message = e.inner().to_string();
                // A fleet line whose bad field was just removed then lacks that field: the
                // line is dropped below, and the field's own error already says what is wrong.
                let echo = message.contains("missing field")
                    && errors
                        .iter()
                        .any(|x| x.field.len() > field.len() && x.field.starts_with(&field));
                if !echo {
                    errors.push(ValidationError::new(
                        field,
                        ErrorCode::InvalidType,
                        type_message(&message),
                        truncate(offending),
                    ));
                }
                if !remove(&mut value, &path) {
                    return (None, errors);
                }
            }
        }
    }
    (None, errors)
}

/// Upgrades an older document in place to the current layout. Version 1 is the first
/// released layout, so there is nothing to move yet; a future rename adds its step here.
fn migrate(value: &mut Value) {
    if let Some(object) = value.as_object_mut() {
        object.insert("schemaVersion".into(), Value::from(SCHEMA_VERSION));
    }
}

/// Paths (dotted, as serde_ignored writes them) of the lists standing where the schema has an
/// object: a section, the fleet refresh, a fleet line or a cost override.
fn lists_where_objects_belong(value: &Value) -> Vec<String> {
    const OBJECTS: [&str; 8] = [
        "site",
        "bitcoin",
        "mining",
        "mining.refresh",
        "retrofit",
        "colocation",
        "gpuCloud",
        "finance",
    ];
    let mut found: Vec<String> = OBJECTS
        .iter()
        .filter(|path| matches!(lookup(value, path), Some(Value::Array(_))))
        .map(|path| path.to_string())
        .collect();
    for list in ["mining.fleet", "retrofit.costOverrides"] {
        if let Some(Value::Array(items)) = lookup(value, list) {
            let arrays = items.iter().enumerate().filter(|(_, item)| item.is_array());
            found.extend(arrays.map(|(i, _)| format!("{list}.{i}")));
        }
    }
    found
}

/// serde_path_to_error writes `mining.fleet[2].units`; serde_ignored writes `mining.fleet.2.units`.
fn json_path(path: &str) -> String {
    if path == "." {
        return String::new();
    }
    let mut out = String::new();
    for part in path.split('.') {
        if !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit()) {
            out.push_str(&format!("[{part}]"));
        } else {
            if !out.is_empty() && !part.starts_with('[') {
                out.push('.');
            }
            out.push_str(part);
        }
    }
    out
}

fn segments(path: &str) -> Vec<String> {
    let normal = json_path(path).replace('[', ".[");
    normal
        .split('.')
        .filter(|s| !s.is_empty())
        .map(|s| s.trim_start_matches('[').trim_end_matches(']').to_string())
        .collect()
}

fn lookup<'a>(value: &'a Value, path: &str) -> Option<&'a Value> {
    let mut current = value;
    for seg in segments(path) {
        current = match current {
            Value::Object(map) => map.get(&seg)?,
            Value::Array(items) => items.get(seg.parse::<usize>().ok()?)?,
            _ => return None,
        };
    }
    Some(current)
}

/// Removes the field at `path` (or, for an element of a list, the whole list element's bad
/// field); false when nothing could be removed.
fn remove(value: &mut Value, path: &str) -> bool {
    let segs = segments(path);
    let Some((last, parents)) = segs.split_last() else {
        return false;
    };
    let mut current = value;
    for seg in parents {
        current = match current {
            Value::Object(map) => match map.get_mut(seg) {
                Some(v) => v,
                None => return false,
            },
            Value::Array(items) => match seg.parse::<usize>().ok().and_then(|i| items.get_mut(i)) {
                Some(v) => v,
                None => return false,
            },
            _ => return false,
        };
    }
    match current {
        Value::Object(map) => map.remove(last).is_some(),
        // A list element of the wrong shape is replaced by an empty fleet line (zero units),
        // which keeps the other lines' indices and adds nothing to the fleet's power; its
        // error is already reported, so the model never runs on it.
        Value::Array(items) => match last.parse::<usize>() {
            Ok(i) if i < items.len() => {
                let list = parents.last().map(String::as_str).unwrap_or("");
                items[i] = match list {
                    "fleet" => serde_json::json!({ "model": "", "units": 0, "hashrateThs": 1, "efficiencyJPerTh": 1 }),
                    _ => {
                        let item = crate::capex::cost_library()
                            .first()
                            .map(|c| c.id.clone())
                            .unwrap_or_default();
                        serde_json::json!({ "item": item, "unitCostUsd": 0 })
                    }
                };
                true
            }
            _ => false,
        },
        _ => false,
    }
}

fn type_message(serde_message: &str) -> String {
    // serde: "invalid type: string \"abc\", expected f64" → "expected a number, got text"
    let expected = serde_message.split("expected ").nth(1).unwrap_or("").trim();
    let wanted = match expected {
        e if e.starts_with("f64") => "a number".to_string(),
        e if e.starts_with("u32") || e.starts_with("u64") => "a whole number (0 or more)".to_string(),
        e if e.starts_with("a boolean") => "true or false".to_string(),
        e if e.starts_with("a string") => "text".to_string(),
        e if e.starts_with("a sequence") => "a list".to_string(),
        e if e.starts_with("struct") => "an object".to_string(),
        e if e.starts_with("one of") || e.starts_with("variant") => expected.replace('`', "\"").to_string(),
        "" => return format!("has the wrong type ({serde_message})"),
        e => e.to_string(),
    };
    if serde_message.contains("missing field") {
        return serde_message.replace('`', "\"");
    }
    format!("must be {wanted}")
}

fn kind_of(value: &Value) -> Value {
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
fn truncate(value: Value) -> Value {
    match &value {
        Value::String(s) if s.chars().count() > 60 => Value::from(s.chars().take(60).collect::<String>() + "…"),
        Value::Array(_) | Value::Object(_) => kind_of(&value),
        _ => value,
    }
}

impl Scenario {
    /// Convenience for tests and the CLI: the default scenario with a JSON patch applied.
    pub fn from_json_patch(patch: Value) -> Result<Scenario, Vec<ValidationError>> {
        let mut base = serde_json::to_value(Scenario::default()).map_err(|e| {
            vec![ValidationError::new(
                "",
                ErrorCode::InvalidJson,
                e.to_string(),
                Value::Null,
            )]
        })?;
        merge(&mut base, patch);
        scenario_from_value(base)
    }
}

/// Deep-merges `patch` into `base` (objects merge, everything else replaces).
pub fn merge(base: &mut Value, patch: Value) {
    match (base, patch) {
        (Value::Object(b), Value::Object(p)) => {
            for (k, v) in p {
                merge(b.entry(k).or_insert(Value::Null), v);
            }
        }
        (slot, v) => *slot = v,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn default_round_trips() {
        let text = serde_json::to_string(&Scenario::default()).unwrap();
        assert_eq!(scenario_from_json(&text).unwrap(), Scenario::default());
    }

    #[test]
    fn missing_fields_take_defaults() {
        let s = scenario_from_value(json!({ "site": { "gridCapacityMw": 120 } })).unwrap();
        assert_eq!(s.site.grid_capacity_mw, 120.0);
        assert_eq!(s.site.power_price_usd_per_mwh, 45.0);
    }

    #[test]
    fn unknown_keys_are_all_reported_with_paths() {
        let errors = scenario_from_value(json!({
            "site": { "gridCapacityMW": 120 },
            "mining": { "fleet": [ { "model": "x", "units": 1, "hashrateThs": 100, "efficiencyJPerTh": 20, "colour": "red" } ] },
            "extra": 1
        }))
        .unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert!(fields.contains(&"site.gridCapacityMW"), "{fields:?}");
        assert!(fields.contains(&"mining.fleet[0].colour"), "{fields:?}");
        assert!(fields.contains(&"extra"), "{fields:?}");
        assert!(errors.iter().all(|e| e.code == ErrorCode::UnknownField));
    }

    #[test]
    fn type_errors_are_all_reported() {
        let errors = scenario_from_value(json!({
            "site": { "gridCapacityMw": "lots", "powerPriceUsdPerMwh": true },
            "horizonYears": -3
        }))
        .unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(errors.len(), 3, "{errors:?}");
        assert!(fields.contains(&"site.gridCapacityMw"));
        assert!(fields.contains(&"site.powerPriceUsdPerMwh"));
        assert!(fields.contains(&"horizonYears"));
        assert_eq!(errors[0].code, ErrorCode::InvalidType);
    }

    #[test]
    fn a_bad_field_in_a_fleet_line_is_reported_once() {
        let errors = scenario_from_value(json!({
            "mining": { "fleet": [
                { "model": "a", "units": 10, "hashrateThs": "200", "efficiencyJPerTh": 17.5 },
                { "model": "b", "units": 10, "hashrateThs": 100, "efficiencyJPerTh": "x" }
            ] }
        }))
        .unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(
            fields,
            vec!["mining.fleet[0].hashrateThs", "mining.fleet[1].efficiencyJPerTh"],
            "{errors:?}"
        );
        let errors = scenario_from_value(json!({
            "retrofit": { "costOverrides": [ { "item": "ups", "unitCostUsd": "cheap" }, { "item": 7, "unitCostUsd": 1 } ] }
        }))
        .unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(
            fields,
            vec![
                "retrofit.costOverrides[0].unitCostUsd",
                "retrofit.costOverrides[1].item"
            ],
            "{errors:?}"
        );
    }

    #[test]
    fn a_list_where_an_object_belongs_is_a_type_error_not_read_by_position() {
        // Before the check, `"bitcoin": [1]` deserialised as { btcPriceUsd: 1, rest default }.
        let errors = scenario_from_value(json!({
            "bitcoin": [1],
            "gpuCloud": [],
            "mining": { "refresh": [true], "fleet": [["S21", 10, 200, 17.5]] },
            "retrofit": { "costOverrides": [["ups", 1]] }
        }))
        .unwrap_err();
        let fields: Vec<(&str, ErrorCode)> = errors.iter().map(|e| (e.field.as_str(), e.code)).collect();
        assert_eq!(
            fields,
            vec![
                ("bitcoin", ErrorCode::InvalidType),
                ("mining.refresh", ErrorCode::InvalidType),
                ("gpuCloud", ErrorCode::InvalidType),
                ("mining.fleet[0]", ErrorCode::InvalidType),
                ("retrofit.costOverrides[0]", ErrorCode::InvalidType),
            ]
        );
        assert!(errors.iter().all(|e| e.message == "must be an object"));
    }

    #[test]
    fn newer_schema_is_refused() {
        let errors = scenario_from_value(json!({ "schemaVersion": 99 })).unwrap_err();
        assert_eq!(errors[0].code, ErrorCode::UnsupportedVersion);
    }

    #[test]
    fn not_an_object_is_refused() {
        assert_eq!(scenario_from_json("[1,2]").unwrap_err()[0].code, ErrorCode::InvalidJson);
        assert_eq!(scenario_from_json("{").unwrap_err()[0].code, ErrorCode::InvalidJson);
    }
}
