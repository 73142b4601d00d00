// Included (`#[path]`) by tests/model_props.rs, tests/fuzz_inputs.rs and the fuzz target
// fuzz/fuzz_targets/evaluate.rs, so the property tests, the replayed fuzz inputs and the
// fuzzer itself hold every report to the same check: every number in it is finite.

use minepivot::report::Report;
use serde_json::Value;

/// Fields of the report that are `Option`s and so may be `null` (src/report.rs).
const NULLABLE: [&str; 11] = [
    "perItMwUsd",
    "irrPct",
    "irrNote",
    "paybackMonths",
    "paybackNote",
    "capexPerItMwUsd",
    "btcPriceMultiple",
    "btcPriceUsd",
    "leaseUsdPerKwMonth",
    "gpuRentUsdPerGpuHour",
    "field",
];

/// The JSON path of the first number in the report that is not finite, if any. serde_json
/// writes a NaN or an infinity as `null`, so a `null` where the schema has a plain number is
/// how a non-finite output shows once serialised; numbers parsed back are checked as well.
pub fn first_non_finite(report: &Report) -> Option<String> {
    let json = match serde_json::to_value(report) {
        Ok(json) => json,
        Err(e) => return Some(format!("(the report does not serialise: {e})")),
    };
    walk(&json, "", &mut String::new())
}

fn walk(value: &Value, key: &str, path: &mut String) -> Option<String> {
    match value {
        Value::Null if !NULLABLE.contains(&key) => Some(path.clone()),
        Value::Number(n) => match n.as_f64() {
            Some(x) if x.is_finite() => None,
            _ => Some(path.clone()),
        },
        Value::Array(items) => items.iter().enumerate().find_map(|(i, v)| {
            let len = path.len();
            path.push_str(&format!("[{i}]"));
            let found = walk(v, key, path);
            path.truncate(len);
            found
        }),
        Value::Object(map) => map.iter().find_map(|(k, v)| {
            let len = path.len();
            path.push('.');
            path.push_str(k);
            let found = walk(v, k, path);
            path.truncate(len);
            found
        }),
        _ => None,
    }
}
