// The wasm boundary's cases, shared by tests/web.rs (Node) and tests/web_browser.rs (headless
// Chromium) so that the same assertions run in both. Input is built the way the page and an
// embedder build it: `JSON.parse` of a document, then fields set on the JS object (which is
// the only way to get NaN or Infinity in). Answers are read back as plain JS objects.

use js_sys::{Array, Object, Reflect, JSON};
use minepivot::report::Report;
use minepivot::wasm;
use tsify::Ts;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

/// `JSON.parse(text)`, as the page does with a saved scenario or a form snapshot.
fn parse(text: &str) -> JsValue {
    match JSON::parse(text) {
        Ok(value) => value,
        Err(e) => panic!("test JSON does not parse: {text}: {e:?}"),
    }
}

/// The default scenario as a JS object, through its JSON text (what "Save" then "Open" gives).
fn default_js() -> JsValue {
    let text = serde_json::to_string(&minepivot::Scenario::default()).expect("default serialises");
    parse(&text)
}

fn get(value: &JsValue, path: &str) -> JsValue {
    let mut current = value.clone();
    for key in path.split('.') {
        current = Reflect::get(&current, &JsValue::from_str(key)).expect("readable property");
    }
    current
}

/// Sets `a.b.c` (numeric segments index arrays) on a JS object, like a form handler does.
fn set(value: &JsValue, path: &str, to: JsValue) {
    let keys: Vec<&str> = path.split('.').collect();
    let (last, parents) = keys.split_last().expect("non-empty path");
    let parent = parents.iter().fold(value.clone(), |v, k| {
        Reflect::get(&v, &JsValue::from_str(k)).expect("parent exists")
    });
    Reflect::set(&parent, &JsValue::from_str(last), &to).expect("settable");
}

fn evaluate(input: &JsValue) -> Result<JsValue, JsValue> {
    wasm::evaluate(Ts::new_unchecked(input.clone())).map(JsValue::from)
}

fn decode_report(report: JsValue) -> Report {
    serde_wasm_bindgen::from_value(report).expect("the report decodes into the Rust type")
}

/// `validate(input)` as `(field, code)` pairs, plus the raw JS error objects.
fn problems(input: &JsValue) -> Vec<(String, String, JsValue)> {
    let list = wasm::validate(Ts::new_unchecked(input.clone())).expect("validate never throws");
    list.into_iter()
        .map(|e| {
            let e = JsValue::from(e);
            let field = get(&e, "field").as_string().expect("field is text");
            let code = get(&e, "code").as_string().expect("code is text");
            (field, code, e)
        })
        .collect()
}

fn fields(problems: &[(String, String, JsValue)]) -> Vec<&str> {
    problems.iter().map(|(f, _, _)| f.as_str()).collect()
}

fn code_of<'a>(problems: &'a [(String, String, JsValue)], field: &str) -> &'a str {
    problems
        .iter()
        .find(|(f, _, _)| f == field)
        .map(|(_, c, _)| c.as_str())
        .unwrap_or_else(|| panic!("no problem reported for {field}: {:?}", fields(problems)))
}

fn value_of(problems: &[(String, String, JsValue)], field: &str) -> JsValue {
    problems
        .iter()
        .find(|(f, _, _)| f == field)
        .map(|(_, _, e)| get(e, "value"))
        .unwrap_or_else(|| panic!("no problem reported for {field}"))
}

#[wasm_bindgen_test]
fn default_scenario_evaluates_to_the_hand_computed_fleet() {
    let report = decode_report(evaluate(&default_js()).expect("the default scenario is valid"));
    // Default fleet: 8,000 × 270 TH/s + 10,000 × 200 TH/s + 9,000 × 104 TH/s
    //   = 2,160,000 + 2,000,000 + 936,000 = 5,096,000 TH/s = 5,096 PH/s.
    assert!((report.site.fleet_ph - 5_096.0).abs() < 1e-9, "fleetPh {}", report.site.fleet_ph);
    // 15 years × 12 months.
    assert_eq!(report.horizon_months, 180);
    assert_eq!(report.scenario_name, "Sample 100 MW Texas site");
}

#[wasm_bindgen_test]
fn the_report_is_plain_js_objects_with_null_for_none() {
    let report = evaluate(&default_js()).expect("valid");
    assert!(Object::get_prototype_of(&report) == Object::get_prototype_of(&Object::new()));
    assert!(Array::is_array(&get(&report, "pathways")));
    // An Option that is None (no IT capacity yet, or a break-even that does not exist) is
    // null, as in the CLI's JSON — never undefined, never absent.
    let be = get(&report, "comparison.breakEvens");
    let keys = Object::keys(be.unchecked_ref::<Object>());
    assert!(keys.includes(&JsValue::from_str("btcPriceMultiple"), 0));
    let v = get(&be, "btcPriceMultiple");
    assert!(v.is_null() || v.as_f64().is_some(), "{v:?}");
}

#[wasm_bindgen_test]
fn a_partial_scenario_takes_the_defaults_and_a_json_string_works_too() {
    let partial = parse(r#"{ "site": { "gridCapacityMw": 120 } }"#);
    assert!(problems(&partial).is_empty());
    let from_object = decode_report(evaluate(&partial).expect("valid"));
    let from_text = decode_report(
        evaluate(&JsValue::from_str(r#"{ "site": { "gridCapacityMw": 120 } }"#)).expect("valid as text"),
    );
    assert_eq!(from_object, from_text);
    // The fleet was left out, so it is the default one: 5,096 PH/s (as above).
    assert!((from_object.site.fleet_ph - 5_096.0).abs() < 1e-9);
}

#[wasm_bindgen_test]
fn five_bad_fields_are_all_reported_with_their_paths() {
    let input = default_js();
    set(&input, "startMonth", JsValue::from_str("2027-13"));
    set(&input, "site.gridCapacityMw", JsValue::from_f64(-5.0));
    set(&input, "mining.fleet.2.efficiencyJPerTh", JsValue::from_f64(0.0));
    set(&input, "retrofit.phases.0.buildMonths", JsValue::from_f64(0.0));
    set(&input, "finance.discountRatePct", JsValue::from_f64(150.0));
    let found = problems(&input);
    assert_eq!(
        fields(&found),
        vec![
            "startMonth",
            "site.gridCapacityMw",
            "mining.fleet[2].efficiencyJPerTh",
            "retrofit.phases[0].buildMonths",
            "finance.discountRatePct",
        ]
    );
    assert_eq!(code_of(&found, "startMonth"), "invalidFormat");
    assert_eq!(code_of(&found, "site.gridCapacityMw"), "outOfRange");
    assert_eq!(value_of(&found, "site.gridCapacityMw").as_f64(), Some(-5.0));
    assert_eq!(code_of(&found, "finance.discountRatePct"), "outOfRange");
    // evaluate throws the same five.
    let error = evaluate(&input).expect_err("invalid input throws");
    assert_eq!(Array::from(&get(&error, "errors")).length(), 5);
}

#[wasm_bindgen_test]
fn unknown_and_misspelled_keys_are_errors_not_ignored() {
    let input = parse(
        r#"{ "site": { "gridCapacityMW": 120 }, "colour": "red",
             "mining": { "fleet": [ { "model": "S21", "units": 10, "hashrateThs": 200,
                                      "efficiencyJPerTh": 17.5, "hashrateTHs": 1 } ] } }"#,
    );
    let found = problems(&input);
    let mut names = fields(&found);
    names.sort();
    assert_eq!(names, vec!["colour", "mining.fleet[0].hashrateTHs", "site.gridCapacityMW"]);
    assert!(found.iter().all(|(_, code, _)| code == "unknownField"));
    assert!(evaluate(&input).is_err());
}

#[wasm_bindgen_test]
fn nan_infinity_and_negative_values_are_each_named() {
    let input = default_js();
    set(&input, "site.powerPriceUsdPerMwh", JsValue::from_f64(f64::NAN));
    set(&input, "bitcoin.btcPriceUsd", JsValue::from_f64(f64::INFINITY));
    set(&input, "mining.fleet.0.hashrateThs", JsValue::from_f64(f64::NEG_INFINITY));
    set(&input, "colocation.leaseUsdPerKwMonth", JsValue::from_f64(-140.0));
    set(&input, "site.fibreDistanceKm", JsValue::from_f64(-1.0));
    let found = problems(&input);
    assert_eq!(found.len(), 5, "{:?}", fields(&found));
    assert_eq!(code_of(&found, "site.powerPriceUsdPerMwh"), "notFinite");
    assert_eq!(value_of(&found, "site.powerPriceUsdPerMwh").as_string().as_deref(), Some("NaN"));
    assert_eq!(code_of(&found, "bitcoin.btcPriceUsd"), "notFinite");
    assert_eq!(value_of(&found, "bitcoin.btcPriceUsd").as_string().as_deref(), Some("Infinity"));
    assert_eq!(code_of(&found, "mining.fleet[0].hashrateThs"), "notFinite");
    assert_eq!(value_of(&found, "mining.fleet[0].hashrateThs").as_string().as_deref(), Some("-Infinity"));
    assert_eq!(code_of(&found, "colocation.leaseUsdPerKwMonth"), "outOfRange");
    assert_eq!(value_of(&found, "colocation.leaseUsdPerKwMonth").as_f64(), Some(-140.0));
    assert_eq!(code_of(&found, "site.fibreDistanceKm"), "outOfRange");
    // The message keeps the core's rule: what is allowed, with the unit.
    let message = found
        .iter()
        .find(|(f, _, _)| f == "site.powerPriceUsdPerMwh")
        .map(|(_, _, e)| get(e, "message").as_string().unwrap_or_default())
        .unwrap_or_default();
    assert_eq!(message, "is NaN; must be between 0 and 1,000 USD/MWh");
}

#[wasm_bindgen_test]
fn nan_next_to_an_unknown_key_is_still_reported() {
    // The unknown key stops the range checks (as natively), but NaN must not vanish with them.
    let input = parse(r#"{ "sitee": {} }"#);
    set(&input, "horizonYears", JsValue::from_f64(f64::NAN));
    let found = problems(&input);
    assert_eq!(code_of(&found, "sitee"), "unknownField");
    assert_eq!(code_of(&found, "horizonYears"), "notFinite");
}

#[wasm_bindgen_test]
fn the_thrown_error_has_a_name_a_code_and_every_problem() {
    let input = parse(r#"{ "horizonYears": 0, "site": { "gridCapacityMw": 0 } }"#);
    let error = evaluate(&input).expect_err("invalid input throws");
    let js_error = error.dyn_ref::<js_sys::Error>().expect("an Error instance");
    assert_eq!(String::from(js_error.name()), "MinepivotInputError");
    assert_eq!(String::from(js_error.name()), wasm::INPUT_NAME);
    assert_eq!(get(&error, "code").as_string().as_deref(), Some("invalidInput"));
    let message = String::from(js_error.message());
    assert!(message.starts_with("minepivot: the scenario has 2 problems: horizonYears"), "{message}");
    let errors = Array::from(&get(&error, "errors"));
    assert_eq!(errors.length(), 2);
    let first = errors.get(0);
    let mut keys: Vec<String> = Object::keys(first.unchecked_ref::<Object>())
        .iter()
        .filter_map(|k| k.as_string())
        .collect();
    keys.sort();
    assert_eq!(keys, vec!["code", "field", "message", "value"]);
    assert_eq!(get(&first, "field").as_string().as_deref(), Some("horizonYears"));
    assert_eq!(get(&first, "code").as_string().as_deref(), Some("outOfRange"));
    assert_eq!(get(&first, "value").as_f64(), Some(0.0));
}

#[wasm_bindgen_test]
fn wrong_types_and_non_objects_are_reported_not_panicked_on() {
    let found = problems(&parse(r#"{ "site": { "gridCapacityMw": "lots" }, "horizonYears": 10.5 }"#));
    assert_eq!(code_of(&found, "site.gridCapacityMw"), "invalidType");
    assert_eq!(code_of(&found, "horizonYears"), "invalidType");
    for input in [
        JsValue::from_f64(42.0),
        JsValue::NULL,
        JsValue::UNDEFINED,
        Array::new().into(),
        JsValue::from_str("{ not json"),
    ] {
        let found = problems(&input);
        assert_eq!(found.len(), 1, "{input:?}");
        assert_eq!(found[0].1, "invalidJson", "{input:?}");
        assert!(evaluate(&input).is_err());
    }
}

#[wasm_bindgen_test]
fn a_cyclic_object_is_refused_without_overflowing_the_stack() {
    let input = parse(r#"{ "site": {} }"#);
    set(&input, "site.self", get(&input, "site"));
    let found = problems(&input);
    assert!(found.iter().any(|(_, code, _)| code == "tooLarge"), "{:?}", fields(&found));
}

#[wasm_bindgen_test]
fn counts_accept_whole_numbers_and_bigints() {
    let input = default_js();
    set(&input, "mining.fleet.0.units", js_sys::BigInt::from(8_000u32).into());
    set(&input, "horizonYears", JsValue::from_f64(10.0));
    assert!(problems(&input).is_empty());
    set(&input, "mining.fleet.0.units", JsValue::from_f64(-1.0));
    // A negative count is a whole number outside its range (0 to 10,000,000 machines).
    assert_eq!(code_of(&problems(&input), "mining.fleet[0].units"), "outOfRange");
}

#[wasm_bindgen_test]
fn default_scenario_round_trips_through_js() {
    let scenario = JsValue::from(wasm::default_scenario().expect("serialises"));
    assert_eq!(get(&scenario, "site.gridCapacityMw").as_f64(), Some(100.0));
    assert_eq!(get(&scenario, "retrofit.redundancy").as_string().as_deref(), Some("N+1"));
    assert!(problems(&scenario).is_empty());
    let back: minepivot::Scenario = serde_wasm_bindgen::from_value(scenario).expect("decodes");
    assert_eq!(back, minepivot::Scenario::default());
}

#[wasm_bindgen_test]
fn presets_carry_sample_sites_that_validate() {
    let presets = JsValue::from(wasm::presets().expect("serialises"));
    assert!(Array::from(&get(&presets, "asics")).length() > 0);
    let sites = Array::from(&get(&presets, "sampleSites"));
    assert!(sites.length() > 0);
    for site in sites.iter() {
        let scenario = get(&site, "scenario");
        assert!(problems(&scenario).is_empty(), "{:?}", get(&site, "id"));
    }
}

#[wasm_bindgen_test]
fn sensitivity_takes_its_percentage_and_checks_its_options() {
    let options = parse(r#"{ "pct": 10 }"#);
    let tornado = wasm::sensitivity(Ts::new_unchecked(default_js()), Some(Ts::new_unchecked(options)))
        .map(JsValue::from)
        .expect("valid");
    assert_eq!(get(&tornado, "pct").as_f64(), Some(10.0));
    // Without options: the scenario's finance.sensitivityPct, 20 by default.
    let tornado = wasm::sensitivity(Ts::new_unchecked(default_js()), None)
        .map(JsValue::from)
        .expect("valid");
    assert_eq!(get(&tornado, "pct").as_f64(), Some(20.0));

    let bad = parse(r#"{ "bogus": 1 }"#);
    set(&bad, "pct", JsValue::from_f64(f64::NAN));
    let error = wasm::sensitivity(Ts::new_unchecked(default_js()), Some(Ts::new_unchecked(bad)))
        .expect_err("bad options throw");
    let errors = Array::from(&get(&error, "errors"));
    let pairs: Vec<(String, String)> = errors
        .iter()
        .map(|e| {
            (
                get(&e, "field").as_string().unwrap_or_default(),
                get(&e, "code").as_string().unwrap_or_default(),
            )
        })
        .collect();
    assert!(pairs.contains(&("options.bogus".into(), "unknownField".into())), "{pairs:?}");
    assert!(pairs.contains(&("options.pct".into(), "notFinite".into())), "{pairs:?}");
}

#[wasm_bindgen_test]
fn version_is_the_crate_version() {
    assert_eq!(wasm::crate_version(), env!("CARGO_PKG_VERSION"));
}

#[wasm_bindgen_test]
fn risk_is_seeded_and_checks_its_options() {
    let run = |seed: u32| {
        let options = parse(&format!(r#"{{ "paths": 300, "seed": {seed} }}"#));
        wasm::risk(Ts::new_unchecked(default_js()), Some(Ts::new_unchecked(options)), None)
            .map(JsValue::from)
            .expect("valid")
    };
    let a = JSON::stringify(&run(7)).expect("JSON");
    let b = JSON::stringify(&run(7)).expect("JSON");
    let c = JSON::stringify(&run(8)).expect("JSON");
    assert_eq!(a, b, "the same seed gives the same answer");
    assert_ne!(a, c, "another seed gives another answer");
    assert_eq!(get(&run(7), "options.paths").as_f64(), Some(300.0));
    // Mining (first pathway) has no "beats mining" probability: null, not undefined.
    let pathways = Array::from(&get(&run(7), "pathways"));
    assert!(get(&pathways.get(0), "probabilityBeatsMiningPct").is_null());

    let bad = parse(r#"{ "paths": 5, "colour": "red" }"#);
    let error = wasm::risk(Ts::new_unchecked(default_js()), Some(Ts::new_unchecked(bad)), None).expect_err("bad options");
    let fields: Vec<String> = Array::from(&get(&error, "errors"))
        .iter()
        .map(|e| get(&e, "field").as_string().unwrap_or_default())
        .collect();
    assert!(fields.contains(&"options.colour".to_string()), "{fields:?}");
}

// ---- Hostile input: wrong types everywhere, huge and deep documents, extreme numbers. Each
// case must come back as a structured error (field + code) or a valid report, never a trap.

/// The single `(field, code)` the boundary reports, with evaluate throwing too.
fn only_problem(input: &JsValue) -> (String, String) {
    let found = problems(input);
    assert_eq!(found.len(), 1, "{:?}", fields(&found));
    assert!(evaluate(input).is_err(), "evaluate must throw what validate reports");
    (found[0].0.clone(), found[0].1.clone())
}

const SECTIONS: [&str; 7] = ["site", "bitcoin", "mining", "retrofit", "colocation", "gpuCloud", "finance"];

#[wasm_bindgen_test]
fn a_number_where_a_section_belongs_is_an_invalid_type_at_that_section() {
    for section in SECTIONS {
        let input = default_js();
        set(&input, section, JsValue::from_f64(5.0));
        assert_eq!(only_problem(&input), (section.to_string(), "invalidType".to_string()));
        // A list is no object either (serde alone would read `[1]` as the first field = 1).
        set(&input, section, Array::of1(&JsValue::from_f64(1.0)).into());
        assert_eq!(only_problem(&input), (section.to_string(), "invalidType".to_string()));
    }
    for (field, wrong) in [
        ("name", JsValue::from_f64(1.0)),
        ("startMonth", Array::of1(&JsValue::from_str("2027-01")).into()),
        ("horizonYears", Object::new().into()),
        ("mining.fleet", JsValue::from_f64(3.0)),
        ("retrofit.costOverrides", JsValue::from_str("ups")),
        ("retrofit.cooling", JsValue::from_f64(1.0)),
        ("finance.taxEnabled", JsValue::from_str("yes")),
    ] {
        let input = default_js();
        set(&input, field, wrong);
        assert_eq!(only_problem(&input), (field.to_string(), "invalidType".to_string()));
    }
}

#[wasm_bindgen_test]
fn an_array_where_a_number_belongs_is_an_invalid_type_in_every_section() {
    let paths = [
        "site.gridCapacityMw",
        "bitcoin.btcPriceUsd",
        "mining.pue",
        "mining.fleet.0.units",
        "retrofit.rackDensityKw",
        "colocation.leaseUsdPerKwMonth",
        "gpuCloud.rentUsdPerGpuHour",
        "finance.discountRatePct",
    ];
    let input = default_js();
    for field in paths {
        set(&input, field, Array::of1(&JsValue::from_f64(1.0)).into());
    }
    let found = problems(&input);
    // All eight at once, each at its own path (the fleet line's with its index in brackets).
    assert_eq!(found.len(), 8, "{:?}", fields(&found));
    for field in paths {
        let path = field.replace(".0.", "[0].");
        assert_eq!(code_of(&found, &path), "invalidType", "{path}");
    }
}

#[wasm_bindgen_test]
fn a_schema_version_of_the_wrong_type_is_an_unsupported_version() {
    let input = default_js();
    set(&input, "schemaVersion", JsValue::from_str("1"));
    assert_eq!(only_problem(&input), ("schemaVersion".to_string(), "unsupportedVersion".to_string()));
}

/// A fleet of `n` copies of the default fleet's first line, as a JS array.
fn fleet_of(n: u32) -> Array {
    let line = get(&default_js(), "mining.fleet.0");
    let fleet = Array::new_with_length(n);
    for i in 0..n {
        fleet.set(i, line.clone());
    }
    fleet
}

#[wasm_bindgen_test]
fn a_100_000_line_fleet_is_too_large_not_a_trap_or_a_hang() {
    let input = default_js();
    set(&input, "mining.fleet", fleet_of(100_000).into());
    // 100,000 lines × 5 values each is past the boundary's 100,000-value budget: the walk stops
    // there and names the whole document.
    let (field, code) = only_problem(&input);
    assert_eq!((field.as_str(), code.as_str()), ("", "tooLarge"));
    // The same document as JSON text (~8 MB) is refused by its size before it is parsed.
    let text = JSON::stringify(&input).expect("stringifies");
    assert!(text.length() > 1_000_000);
    let (field, code) = only_problem(&text.into());
    assert_eq!((field.as_str(), code.as_str()), ("", "tooLarge"));
}

#[wasm_bindgen_test]
fn a_fleet_over_the_line_limit_is_too_large_at_the_fleet() {
    // 1,001 lines: within the value budget, one past validate's 1,000 lines.
    let input = default_js();
    set(&input, "mining.fleet", fleet_of(1_001).into());
    let found = problems(&input);
    assert_eq!(code_of(&found, "mining.fleet"), "tooLarge");
    assert_eq!(value_of(&found, "mining.fleet").as_f64(), Some(1_001.0));
}

#[wasm_bindgen_test]
fn ten_thousand_nested_arrays_in_an_unknown_key_are_too_deep_not_a_stack_overflow() {
    let depth = 10_000;
    let junk = "[".repeat(depth) + &"]".repeat(depth);
    let input = default_js();
    set(&input, "junk", parse(&junk));
    let (field, code) = only_problem(&input);
    assert_eq!(code, "tooLarge");
    // The walk stops at its depth limit (32) inside the junk, and says where.
    assert!(field.starts_with("junk[0][0]"), "{field}");
    // As JSON text, the parser's own recursion limit refuses it: a document-level error.
    let text = format!(r#"{{ "junk": {junk} }}"#);
    let (field, code) = only_problem(&JsValue::from_str(&text));
    assert_eq!((field.as_str(), code.as_str()), ("", "invalidJson"));
}

#[wasm_bindgen_test]
fn huge_numbers_are_out_of_range_or_wrong_types_with_their_paths() {
    let input = default_js();
    set(&input, "site.gridCapacityMw", JsValue::from_f64(1e308));
    set(&input, "bitcoin.btcPriceUsd", JsValue::from_f64(-1e308));
    set(&input, "colocation.leaseUsdPerKwMonth", JsValue::from_f64(f64::MAX));
    // 1e308 is a whole number, far beyond any count's range.
    set(&input, "horizonYears", JsValue::from_f64(1e308));
    set(&input, "mining.fleet.0.units", JsValue::from_f64(1e308));
    let found = problems(&input);
    assert_eq!(code_of(&found, "site.gridCapacityMw"), "outOfRange");
    assert_eq!(value_of(&found, "site.gridCapacityMw").as_f64(), Some(1e308));
    assert_eq!(code_of(&found, "bitcoin.btcPriceUsd"), "outOfRange");
    assert_eq!(code_of(&found, "colocation.leaseUsdPerKwMonth"), "outOfRange");
    assert_eq!(code_of(&found, "horizonYears"), "outOfRange");
    assert_eq!(code_of(&found, "mining.fleet[0].units"), "outOfRange");
    assert!(evaluate(&input).is_err());
}

#[wasm_bindgen_test]
fn negative_zero_is_zero() {
    // -0 is a valid price (0 USD/MWh) but not a valid grid capacity (must be more than 0).
    let input = default_js();
    set(&input, "site.powerPriceUsdPerMwh", JsValue::from_f64(-0.0));
    // One flat price and no transmission charge: every MWh then costs exactly −0 = 0 (hourly
    // pricing would keep the profile's negative hours and the charge).
    set(&input, "power.pricing", JsValue::from_str("flat"));
    set(&input, "power.transmissionUsdPerKwMonth", JsValue::from_f64(0.0));
    assert!(problems(&input).is_empty());
    let report = decode_report(evaluate(&input).expect("valid"));
    assert!(report.pathways[0].months.iter().all(|m| m.power_cost_usd == 0.0));
    set(&input, "site.gridCapacityMw", JsValue::from_f64(-0.0));
    let found = problems(&input);
    assert_eq!(code_of(&found, "site.gridCapacityMw"), "outOfRange");
    assert_eq!(value_of(&found, "site.gridCapacityMw").as_f64(), Some(0.0));
}

#[wasm_bindgen_test]
fn subnormal_inputs_are_refused_where_they_are_not_physical_and_finite_elsewhere() {
    // The reproductions of issue 14: each passed validation and gave ∞ or NaN in the report.
    // Ranges are physical now: at least 0.1 MW of grid, 1 cent a BTC, 1 EH/s of network, 1 kW
    // a rack; a converted share is 0 or at least 0.1 %.
    let input = default_js();
    for (field, value) in [
        ("site.gridCapacityMw", 5e-324),
        ("bitcoin.btcPriceUsd", 1e-320),
        ("bitcoin.networkHashrateEhs", 1e-300),
        ("retrofit.rackDensityKw", 5e-324),
        ("retrofit.convertedSharePct", 5e-324),
    ] {
        set(&input, field, JsValue::from_f64(value));
    }
    let found = problems(&input);
    assert_eq!(found.len(), 5, "{:?}", fields(&found));
    assert!(found.iter().all(|(_, code, _)| code == "outOfRange"), "{found:?}");

    // Where 0 is a real value (a price, a rent), the smallest subnormal is one too.
    let input = default_js();
    for field in ["site.powerPriceUsdPerMwh", "colocation.leaseUsdPerKwMonth", "gpuCloud.rentUsdPerGpuHour"] {
        set(&input, field, JsValue::from_f64(5e-324));
    }
    assert!(problems(&input).is_empty(), "{:?}", fields(&problems(&input)));
    let report = decode_report(evaluate(&input).expect("valid"));
    for p in &report.pathways {
        assert!(p.npv_usd.is_finite());
        assert!(p.months.iter().all(|m| m.net_cash_flow_usd.is_finite() && m.cumulative_usd.is_finite()));
    }
}

/// Every leaf of a JS object as `(dotted path, value)`; array items by index.
fn leaves(value: &JsValue, path: &str, out: &mut Vec<(String, JsValue)>) {
    let keys: Vec<String> = if Array::is_array(value) {
        (0..Array::from(value).length()).map(|i| i.to_string()).collect()
    } else if value.is_object() {
        let object: &Object = value.unchecked_ref();
        Object::keys(object).iter().filter_map(|k| k.as_string()).collect()
    } else {
        out.push((path.to_string(), value.clone()));
        return;
    };
    for key in keys {
        let child = Reflect::get(value, &JsValue::from_str(&key)).expect("readable property");
        let child_path = if path.is_empty() { key } else { format!("{path}.{key}") };
        leaves(&child, &child_path, out);
    }
}

/// The default scenario with one cost override, so that every kind of field is present.
fn default_with_an_override_js() -> JsValue {
    let input = default_js();
    let item = parse(r#"{ "item": "ups", "unitCostUsd": 500000 }"#);
    set(&input, "retrofit.costOverrides", Array::of1(&item).into());
    input
}

#[wasm_bindgen_test]
fn a_wrong_type_in_every_field_is_an_invalid_type_at_that_field_and_nothing_else() {
    let base = default_with_an_override_js();
    assert_eq!(fields(&problems(&base)), Vec::<&str>::new());
    let mut all = Vec::new();
    leaves(&base, "", &mut all);
    // Every field of the contract, fleet lines and the override included (schemaVersion has its
    // own code, tested above).
    let all: Vec<_> = all.into_iter().filter(|(path, _)| path != "schemaVersion").collect();
    assert!(all.len() >= 60, "only {} fields found", all.len());
    for (path, value) in &all {
        // What a form, a hand-edited file or a careless embedder sends: a number as text, text
        // as a number, a flag as text, and for every field an object, a list and null.
        let swapped = if value.as_f64().is_some() {
            JsValue::from_str("12")
        } else if value.is_string() {
            JsValue::from_f64(7.0)
        } else {
            JsValue::from_str("true")
        };
        // `mining.fleet.1.model` is reported as `mining.fleet[1].model`.
        let expected_field = path
            .split('.')
            .map(|part| if part.bytes().all(|b| b.is_ascii_digit()) { format!("[{part}]") } else { format!(".{part}") })
            .collect::<String>()
            .trim_start_matches('.')
            .to_string();
        for wrong in [swapped, Object::new().into(), Array::of1(&JsValue::from_f64(1.0)).into(), JsValue::NULL] {
            let input = default_with_an_override_js();
            set(&input, path, wrong.clone());
            let found = problems(&input);
            let pairs: Vec<(&str, &str)> = found.iter().map(|(f, c, _)| (f.as_str(), c.as_str())).collect();
            assert_eq!(pairs, vec![(expected_field.as_str(), "invalidType")], "{path} = {wrong:?}");
            assert!(evaluate(&input).is_err(), "{path} = {wrong:?}: evaluate must throw what validate reports");
        }
    }
}

/// The report's tables of months go to JavaScript one table at a time (src/wasm/rows.rs); the
/// document must be the one serde-wasm-bindgen writes, key for key and in the same order,
/// `null`s and texts included: compared as JSON text, for the default (the lease's financing
/// with its `dscr` of null in the months before debt service) and for every pathway.
#[wasm_bindgen_test]
fn the_report_sent_by_table_is_the_document_serde_writes() {
    let s = minepivot::validate::check(minepivot::Scenario::default()).expect("valid");
    let report = minepivot::report(&s).expect("the default evaluates");
    let by_serde = serde::Serialize::serialize(
        &report,
        &serde_wasm_bindgen::Serializer::json_compatible(),
    )
    .expect("serialises");
    let by_table = wasm::report_to_js(report.clone()).expect("sent");
    let text = |v: &JsValue| String::from(JSON::stringify(v).expect("stringifies"));
    let (a, b) = (text(&by_serde), text(&by_table));
    assert!(a.len() > 100_000, "the report is the whole document ({} characters)", a.len());
    assert!(a == b, "the documents differ from character {:?}", a.bytes().zip(b.bytes()).position(|(x, y)| x != y));
    // Some of the null dscr months are in it, so `None` was carried as null.
    assert!(b.contains("\"dscr\":null"));
}

/// Every table of the default report is made from src/wasm/js/rows.js's object literals (the
/// fast way): a field added to a row in Rust and not there shows here.
#[wasm_bindgen_test]
fn every_table_of_the_report_is_made_from_its_literal() {
    let before = wasm::literal_tables();
    evaluate(&default_js()).expect("valid");
    // bitcoin months, duration curve, 3 × (months, years), 2 financings' months.
    assert_eq!(wasm::literal_tables() - before, 10);
}

#[wasm_bindgen_test]
fn risk_reports_its_progress_batch_by_batch() {
    // 300 paths in batches of 128: progress after 128, 256 and 300 of 300.
    let calls = js_sys::Array::new();
    let record = js_sys::Function::new_with_args("done, total", "this.push([done, total]);").bind0(&calls);
    let options = parse(r#"{ "paths": 300, "seed": 1, "equityPaths": 0 }"#);
    wasm::risk(Ts::new_unchecked(default_js()), Some(Ts::new_unchecked(options)), Some(record)).expect("valid");
    let seen = JSON::stringify(&calls).expect("JSON");
    assert_eq!(String::from(seen), "[[128,300],[256,300],[300,300]]");
}
