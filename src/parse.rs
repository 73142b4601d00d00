//! JSON → [`ValidScenario`]: the schema version and its migration, then one walk of the
//! document against the field registry ([`crate::validate::check_document`]: unknown keys,
//! types and ranges together), then the cross-field rules. Used by the CLI and, after a JS
//! value is turned into JSON, by the wasm binding, so both report the same errors.
//!
//! The walk is linear in the document's size: a 1 MB document of 20,000 fleet lines is
//! refused by its length before any line is read.

use serde_json::{Map, Value};

use crate::fields::SCENARIO_FIELDS;
use crate::scenario::{Scenario, SCHEMA_VERSION};
use crate::validate::{check_document, check_read, kind_of, ErrorCode, Origin, ValidScenario, ValidationError};

/// Largest scenario document accepted, bytes of JSON. A real one is ~3 KB.
pub const MAX_DOCUMENT_BYTES: usize = 1_000_000;

fn document_error(code: ErrorCode, message: impl Into<String>, value: Value) -> Vec<ValidationError> {
    vec![ValidationError::new("", code, message, value)]
}

/// Parses and validates a JSON text.
pub fn scenario_from_json(text: &str) -> Result<ValidScenario, Vec<ValidationError>> {
    if text.len() > MAX_DOCUMENT_BYTES {
        return Err(document_error(
            ErrorCode::TooLarge,
            format!(
                "the scenario is {} bytes; at most {MAX_DOCUMENT_BYTES} are accepted",
                text.len()
            ),
            Value::Null,
        ));
    }
    // A byte-order mark is accepted (and ignored) wherever JSON text is: files saved by some
    // Windows editors start with one.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let value = strict_json(text)?;
    scenario_from_value(value)
}

/// JSON text → a value, refusing a key that appears twice in one object (serde_json would
/// keep the last silently, so the document would not mean what it shows).
pub fn strict_json(text: &str) -> Result<Value, Vec<ValidationError>> {
    use serde::de::DeserializeSeed;
    let mut seen = Seen::default();
    let mut de = serde_json::Deserializer::from_str(text);
    let parsed = Strict {
        path: String::new(),
        seen: &mut seen,
    }
    .deserialize(&mut de)
    .and_then(|value| de.end().map(|()| value));
    // A number beyond f64 (1e400) is no syntax error: it is its field's, as NaN or Infinity
    // from JavaScript is.
    let value = parsed.map_err(|e| match seen.failed_at.take() {
        Some(path) if e.to_string().starts_with("number out of range") => vec![ValidationError::new(
            path,
            ErrorCode::NotFinite,
            "must be a finite number; this one is too large to represent",
            Value::from("a number beyond ±1.8 × 10³⁰⁸"),
        )],
        _ => document_error(ErrorCode::InvalidJson, format!("not valid JSON: {e}"), Value::Null),
    })?;
    let duplicates = seen.duplicates;
    if duplicates.is_empty() {
        Ok(value)
    } else {
        Err(crate::validate::capped(
            duplicates
                .into_iter()
                .map(|path| {
                    ValidationError::new(
                        path.clone(),
                        ErrorCode::InvalidJson,
                        "appears more than once in its object; keep one (JSON keys must be unique)",
                        Value::from(path),
                    )
                })
                .collect(),
        ))
    }
}

/// What [`Strict`] records while it reads: the path of every duplicate key, and of the
/// innermost value that could not be read.
#[derive(Default)]
struct Seen {
    duplicates: Vec<String>,
    failed_at: Option<String>,
}

/// A `serde_json::Value` read with the path of every duplicate key recorded.
struct Strict<'a> {
    path: String,
    seen: &'a mut Seen,
}

impl<'de> serde::de::DeserializeSeed<'de> for Strict<'_> {
    type Value = Value;
    fn deserialize<D: serde::Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        let Strict { path, seen } = self;
        let at = path.clone();
        let read = deserializer.deserialize_any(Strict { path, seen: &mut *seen });
        if read.is_err() && seen.failed_at.is_none() {
            seen.failed_at = Some(at);
        }
        read
    }
}

impl<'de> serde::de::Visitor<'de> for Strict<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(serde_json::Number::from_f64(v).map_or(Value::Null, Value::Number))
    }
    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_string()))
    }
    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element_seed(Strict {
            path: format!("{}[{}]", self.path, items.len()),
            seen: &mut *self.seen,
        })? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut out = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            let path = if self.path.is_empty() {
                key.clone()
            } else {
                format!("{}.{key}", self.path)
            };
            if out.contains_key(&key) {
                self.seen.duplicates.push(path.clone());
            }
            let value = map.next_value_seed(Strict {
                path,
                seen: &mut *self.seen,
            })?;
            out.insert(key, value);
        }
        Ok(Value::Object(out))
    }
}

/// Parses and validates a JSON value: every unknown key, every wrongly typed field and every
/// out-of-range value is reported at once.
pub fn scenario_from_value(value: Value) -> Result<ValidScenario, Vec<ValidationError>> {
    let (scenario, errors, moved) = shape_and_moves(value);
    match scenario {
        // The cross-field rules name the migrated fields too.
        Some(scenario) if errors.is_empty() => check_read(scenario).map_err(|errors| moved.named(errors)),
        _ => Err(crate::validate::capped(errors)),
    }
}

/// The document's shape and ranges: the scenario it describes, read through the registry
/// (what could not be used taken from the defaults), and the problems found; `None` when it is
/// no object of a readable version.
pub fn shape(value: Value) -> (Option<Scenario>, Vec<ValidationError>) {
    let (scenario, errors, _) = shape_and_moves(value);
    (scenario, errors)
}

/// Inputs of an older document that its migration moved or copied, so that a problem with
/// one is named where the document has it.
#[derive(Debug, Clone, Copy, Default)]
struct Moves {
    /// Version 1's single build became `retrofit.phases[0]` (its keys are the document's
    /// `retrofit.buildMonths`, …).
    single_build: bool,
    /// Version 3 copied `gpuCloud.system` into `refreshSystem` (a problem with it is the
    /// system's, already named).
    copied_refresh: bool,
}

impl Moves {
    fn named(self, errors: Vec<ValidationError>) -> Vec<ValidationError> {
        if !(self.single_build || self.copied_refresh) {
            return errors;
        }
        errors
            .into_iter()
            .filter(|e| !(self.copied_refresh && e.field == "gpuCloud.refreshSystem"))
            .map(|mut e| {
                if let Some(key) = e
                    .field
                    .strip_prefix("retrofit.phases[0].")
                    .filter(|_| self.single_build)
                {
                    e.field = format!("retrofit.{key}");
                }
                e
            })
            .collect()
    }
}

/// [`shape`], and what the migration moved.
fn shape_and_moves(value: Value) -> (Option<Scenario>, Vec<ValidationError>, Moves) {
    let Value::Object(mut map) = value else {
        let error = ValidationError::new(
            "",
            ErrorCode::InvalidJson,
            "a scenario must be a JSON object",
            kind_of(&value),
        );
        return (None, vec![error], Moves::default());
    };
    let version = match read_version(&map) {
        Ok(version) => version,
        Err(error) => return (None, vec![error], Moves::default()),
    };
    // What an older document leaves out meant that version's default, not today's: a share
    // link or a saved file of version N shows the same numbers after an upgrade.
    if version < SCHEMA_VERSION {
        if let Some(mut base) = released_defaults(version) {
            merge(&mut base, Value::Object(std::mem::take(&mut map)));
            if let Value::Object(completed) = base {
                map = completed;
            }
        }
    }
    // What the document itself wrote where a migration moves or copies an input (older
    // versions' defaults hold neither `phases` nor `refreshSystem`).
    let wrote = |section: &str, key: &str| map.get(section).and_then(|s| s.get(key)).is_some();
    let moved = Moves {
        single_build: version < 2 && !wrote("retrofit", "phases"),
        copied_refresh: version < 3 && !wrote("gpuCloud", "refreshSystem"),
    };
    migrate(&mut map, version);
    let errors = moved.named(check_document(&mut map, SCENARIO_FIELDS, Origin::Document));
    let mut scenario = crate::fields::read_scenario(&map);
    scenario.schema_version = SCHEMA_VERSION;
    (Some(scenario), errors, moved)
}

/// The document's `schemaVersion`: absent (the current one) or a version this build reads.
fn read_version(map: &Map<String, Value>) -> Result<u32, ValidationError> {
    let Some(given) = map.get("schemaVersion") else {
        return Ok(SCHEMA_VERSION);
    };
    // A whole number written with a decimal point (1.0) is that number, as it is for every
    // whole-number field. ok: the cast is of a whole number from 0 to 2³² − 1, exact.
    let whole = given.as_u64().or_else(|| {
        given
            .as_f64()
            .filter(|v| v.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(v))
            .map(|v| v as u64)
    });
    match whole {
        Some(v) if (1..=SCHEMA_VERSION as u64).contains(&v) => Ok(v as u32),
        Some(v) if v > SCHEMA_VERSION as u64 => Err(ValidationError::new(
            "schemaVersion",
            ErrorCode::UnsupportedVersion,
            format!(
                "this build reads scenario versions 1 to {SCHEMA_VERSION}; a newer document needs a newer minepivot"
            ),
            given.clone(),
        )),
        _ => Err(ValidationError::new(
            "schemaVersion",
            ErrorCode::UnsupportedVersion,
            format!("must be a whole number from 1 to {SCHEMA_VERSION} (the version of the document's layout)"),
            crate::validate::truncate(given),
        )),
    }
}

/// The default scenario of a released layout, as that version shipped it
/// (`src/released/defaults-vN.json`; the current version's is `Scenario::default()`).
pub fn released_defaults(version: u32) -> Option<Value> {
    let text = match version {
        1 => include_str!("released/defaults-v1.json"),
        2 => include_str!("released/defaults-v2.json"),
        3 => include_str!("released/defaults-v3.json"),
        4 => include_str!("released/defaults-v4.json"),
        5 => include_str!("released/defaults-v5.json"),
        6 => include_str!("released/defaults-v6.json"),
        7 => include_str!("released/defaults-v7.json"),
        _ => return None,
    };
    serde_json::from_str(text).ok()
}

/// A GPU system's all-in capex per GPU in scenario versions 3 to 6, where version 7 changed it
/// (H200 and GB300 kept theirs).
fn v6_capex_if_changed(system: &str) -> Option<f64> {
    match system {
        "h100" => Some(52_000.0),
        "b200" => Some(58_250.0),
        "gb200" => Some(2_600_000.0 / 72.0 + 8_250.0),
        "b300" => Some(70_000.0),
        _ => None,
    }
}

/// Upgrades a document of layout `from` (already completed with that version's defaults) in
/// place to the current layout, one version at a time. Each step writes what the older
/// version meant where the newer one would read something else; every field it leaves out
/// takes today's default, which must not change the older document's numbers.
///
/// - 1 → 2: project debt arrived, on by default. A version-1 document had none, so both AI
///   pathways get a loan-to-cost of 0 (equity flows = project flows); the verdict basis
///   (unlevered), the value at the horizon (off) and the per-pathway rates (off) default to
///   what version 1 computed. Version 1's `nnn` lease (tenant pays power, landlord pays the
///   building's opex) is version 2's `modifiedGross`; version 2's `nnn` passes the opex
///   through as well. The tenant terms (no rent-free months, no prepayment) default to what
///   version 1 computed. Version 1's `retrofit.constructionStartMonth`, `buildMonths` and
///   `rampMonths` become one phase of 100 % (`retrofit.phases`).
fn migrate(map: &mut Map<String, Value>, from: u32) {
    // What a step writes is what the older version meant for an input it did not have. A
    // document that already holds the newer input (someone wrote it into an old file, or an
    // older page kept it) keeps it: a field newer than its version's defaults can only come
    // from the document (tests/schema_versions.rs checks that every key written below is
    // absent from the released defaults of every version its step applies to).
    fn keep_or(object: &mut Map<String, Value>, key: &str, older: Value) {
        object.entry(key.to_string()).or_insert(older);
    }
    if from < 2 {
        for section in ["colocation", "gpuCloud"] {
            if let Some(Value::Object(pathway)) = map.get_mut(section) {
                if let Value::Object(debt) = pathway
                    .entry("debt".to_string())
                    .or_insert_with(|| Value::Object(Map::new()))
                {
                    keep_or(debt, "loanToCostPct", Value::from(0.0));
                }
            }
        }
        if let Some(Value::Object(lease)) = map.get_mut("colocation") {
            if lease.get("leaseType").and_then(Value::as_str) == Some("nnn") {
                lease.insert("leaseType".into(), Value::from("modifiedGross"));
            }
        }
        // Version 1's single build becomes one phase of 100 % (a document that lists its
        // phases already keeps them; the single build's keys, then from the defaults, go).
        if let Some(Value::Object(retrofit)) = map.get_mut("retrofit") {
            let mut phase = Map::new();
            phase.insert("sharePct".into(), Value::from(100.0));
            for key in ["constructionStartMonth", "buildMonths", "rampMonths"] {
                if let Some(v) = retrofit.remove(key) {
                    phase.insert(key.into(), v);
                }
            }
            keep_or(retrofit, "phases", Value::Array(vec![Value::Object(phase)]));
        }
    }
    // - 2 → 3: the GPU cloud's contract arrived, on by default; a version-2 document had
    //   none, so its GPUs sell at the market as before.
    // - 2 → 3 keeps an older document's numbers: no contract, no resale at the end of a
    //   generation's life, and the kW and capex per GPU its system had in version 2 (the node's
    //   kW, the servers plus $8,250 of network and storage), which version 3's all-in system
    //   figures replace.
    if from < 3 {
        if let Some(Value::Object(gpu)) = map.get_mut("gpuCloud") {
            keep_or(gpu, "contractSharePct", Value::from(0.0));
            keep_or(gpu, "resellAtEndOfLife", Value::from(false));
            let (kw, capex) = match gpu.get("system").and_then(Value::as_str) {
                Some("h100") => (10.2 / 8.0, 52_000.0),
                Some("h200") => (10.2 / 8.0, 48_850.0),
                Some("gb200") => (132.0 / 72.0, 2_600_000.0 / 72.0 + 8_250.0),
                _ => (14.3 / 8.0, 58_250.0), // b200, version 2's default
            };
            keep_or(gpu, "itKwPerGpu", Value::from(kw));
            keep_or(gpu, "capexUsdPerGpu", Value::from(capex));
            // Version 2 refreshed with the same system.
            if let Some(system) = gpu.get("system").cloned() {
                keep_or(gpu, "refreshSystem", system);
            }
        }
    }
    // - 3 → 4: the economic hashrate model, the site's exit and the ASICs' resale arrived,
    //   on by default; a version-3 document grew the hashrate at its fixed rate, kept paying
    //   its fixed opex with the fleet off, and valued no ASIC, so it keeps doing so.
    fn section<'a>(map: &'a mut Map<String, Value>, key: &str) -> Option<&'a mut Map<String, Value>> {
        map.entry(key.to_string())
            .or_insert_with(|| Value::Object(Map::new()))
            .as_object_mut()
    }
    if from < 4 {
        if let Some(bitcoin) = section(map, "bitcoin") {
            keep_or(bitcoin, "hashrateModel", Value::from("fixedGrowth"));
        }
        if let Some(mining) = section(map, "mining") {
            keep_or(mining, "exit", Value::from("stay"));
            keep_or(mining, "sellAsicsAtConversion", Value::from(false));
            if let Some(resale) = section(mining, "asicResale") {
                for key in [
                    "under19UsdPerTh",
                    "from19To25UsdPerTh",
                    "from25To38UsdPerTh",
                    "over38UsdPerTh",
                ] {
                    keep_or(resale, key, Value::from(0.0));
                }
            }
        }
    }
    // - 4 → 5: hourly prices, the transmission charge, demand response and the AI load's
    //   firm supply arrived; a version-4 document paid one flat price (its curtailment share
    //   and credit) with no charge or payment besides, and so does it after the upgrade.
    if from < 5 {
        if let Some(power) = section(map, "power") {
            keep_or(power, "pricing", Value::from("flat"));
            keep_or(power, "supply", Value::from("index"));
            keep_or(power, "transmissionUsdPerKwMonth", Value::from(0.0));
            keep_or(power, "demandResponseUsdPerMwMonth", Value::from(0.0));
            keep_or(power, "aiSupply", Value::from("grid"));
        }
    }
    // - 5 → 6: only defaults changed (the lease's first-year rate, the GPU loan's repayment);
    //   a version-5 document was completed with version 5's above, so it keeps them.
    // - 6 → 7: the GPU systems' capex moved to one all-in basis and two reference rents to
    //   a contract basis. A version-3 to -6 document that took a changed figure from its system
    //   (capex 0, or a different refresh system) keeps that figure as its own input; the kW per
    //   GPU did not change.
    if from < 7 {
        if let Some(Value::Object(gpu)) = map.get_mut("gpuCloud") {
            let system = gpu.get("system").and_then(Value::as_str).map(str::to_owned);
            let refresh = gpu.get("refreshSystem").and_then(Value::as_str).map(str::to_owned);
            if gpu.get("capexUsdPerGpu").and_then(Value::as_f64) == Some(0.0) {
                if let Some(capex) = system.as_deref().and_then(v6_capex_if_changed) {
                    gpu.insert("capexUsdPerGpu".into(), Value::from(capex));
                }
            }
            if let Some(refresh) = refresh.as_deref().filter(|r| Some(*r) != system.as_deref()) {
                if let Some(capex) = v6_capex_if_changed(refresh) {
                    keep_or(gpu, "refreshCapexUsdPerGpu", Value::from(capex));
                }
                let rent = match refresh {
                    "gb200" => Some(4.54),
                    "b300" => Some(3.00),
                    _ => None,
                };
                if let Some(rent) = rent {
                    keep_or(gpu, "refreshRentUsdPerGpuHour", Value::from(rent));
                }
            }
        }
    }
    map.insert("schemaVersion".into(), Value::from(SCHEMA_VERSION));
}

impl Scenario {
    /// Convenience for tests and the CLI: the default scenario with a JSON patch applied.
    pub fn from_json_patch(patch: Value) -> Result<Scenario, Vec<ValidationError>> {
        let mut base = serde_json::to_value(Scenario::default())
            .map_err(|e| document_error(ErrorCode::InvalidJson, e.to_string(), Value::Null))?;
        merge(&mut base, patch);
        scenario_from_value(base).map(ValidScenario::into_inner)
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
        assert_eq!(*scenario_from_json(&text).unwrap(), Scenario::default());
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
        // A negative count is a whole number outside the range; text and true are the wrong type.
        let code = |field: &str| errors.iter().find(|e| e.field == field).map(|e| e.code);
        assert_eq!(code("horizonYears"), Some(ErrorCode::OutOfRange));
        assert_eq!(code("site.gridCapacityMw"), Some(ErrorCode::InvalidType));
        assert_eq!(code("site.powerPriceUsdPerMwh"), Some(ErrorCode::InvalidType));
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
            // In the document's order, which is the registry's.
            vec![
                ("bitcoin", ErrorCode::InvalidType),
                ("mining.fleet[0]", ErrorCode::InvalidType),
                ("mining.refresh", ErrorCode::InvalidType),
                ("retrofit.costOverrides[0]", ErrorCode::InvalidType),
                ("gpuCloud", ErrorCode::InvalidType),
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
    fn a_number_beyond_f64_is_not_finite_at_its_field_not_a_syntax_error() {
        let errors = scenario_from_json(r#"{"site": {"gridCapacityMw": 1e400}}"#).unwrap_err();
        assert_eq!(errors.len(), 1);
        assert_eq!(
            (errors[0].field.as_str(), errors[0].code),
            ("site.gridCapacityMw", ErrorCode::NotFinite)
        );
        let errors = scenario_from_json(r#"{"mining": {"fleet": [{"units": -1e999}]}}"#).unwrap_err();
        assert_eq!(errors[0].field, "mining.fleet[0].units");
        // A document cut short is still a syntax error, of the whole document.
        let errors = scenario_from_json(r#"{"site": {"gridCapacityMw": 1e4"#).unwrap_err();
        assert_eq!((errors[0].field.as_str(), errors[0].code), ("", ErrorCode::InvalidJson));
    }

    #[test]
    fn a_duplicate_key_is_refused_at_its_path() {
        let errors = scenario_from_json(r#"{"site": {"gridCapacityMw": 100, "gridCapacityMw": 5}}"#).unwrap_err();
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert_eq!(errors[0].field, "site.gridCapacityMw");
        assert_eq!(errors[0].code, ErrorCode::InvalidJson);
        let errors = scenario_from_json(r#"{"mining": {"fleet": [{"units": 1, "units": 2}]}}"#).unwrap_err();
        assert_eq!(errors[0].field, "mining.fleet[0].units");
    }

    #[test]
    fn a_byte_order_mark_and_a_whole_number_written_15_0_are_accepted() {
        let s = scenario_from_json("\u{feff}{\"horizonYears\": 15.0}").unwrap();
        assert_eq!(s.horizon_years, 15);
        let errors = scenario_from_json(r#"{"horizonYears": 15.5}"#).unwrap_err();
        assert_eq!(errors[0].code, ErrorCode::InvalidType);
    }

    #[test]
    fn a_schema_version_that_is_no_version_is_named_as_such() {
        for bad in ["0", "-1", "null", "\"1\"", "1.5"] {
            let errors = scenario_from_json(&format!(r#"{{"schemaVersion": {bad}}}"#)).unwrap_err();
            assert_eq!(errors.len(), 1, "{bad}");
            assert_eq!(errors[0].code, ErrorCode::UnsupportedVersion, "{bad}");
            assert!(
                errors[0].message.starts_with("must be a whole number from 1 to"),
                "{bad}: {}",
                errors[0].message
            );
        }
        let errors = scenario_from_json(r#"{"schemaVersion": 99}"#).unwrap_err();
        assert!(errors[0].message.contains("newer minepivot"));
        // Written with a decimal point, a whole version is that version (as `horizonYears: 5.0`).
        let s = scenario_from_json(r#"{"schemaVersion": 1.0}"#).expect("version 1");
        assert_eq!(s.colocation.lease_usd_per_kw_month, 140.0);
    }

    #[test]
    fn thousands_of_problems_are_listed_up_to_200_and_counted() {
        let junk: serde_json::Map<String, Value> = (0..5_000).map(|i| (format!("k{i}"), Value::from(i))).collect();
        let errors = scenario_from_value(Value::Object(junk)).unwrap_err();
        assert_eq!(errors.len(), 201);
        assert_eq!(
            errors[200].message,
            "and 4,800 more problems (the first 200 are listed)"
        );
    }

    #[test]
    fn not_an_object_is_refused() {
        assert_eq!(scenario_from_json("[1,2]").unwrap_err()[0].code, ErrorCode::InvalidJson);
        assert_eq!(scenario_from_json("{").unwrap_err()[0].code, ErrorCode::InvalidJson);
    }
}
