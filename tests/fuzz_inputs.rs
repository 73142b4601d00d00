//! Every fuzz seed and every input that ever crashed the fuzzer (fuzz/regressions/), run
//! through the same checks as the fuzz target: parse → validate → evaluate never panics, an
//! invalid document always says why, and a report carries only finite numbers.
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;

#[path = "common/report_numbers.rs"]
mod report_numbers;

fn inputs() -> Vec<(String, Vec<u8>)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    let mut out = Vec::new();
    for dir in ["seeds/evaluate", "regressions"] {
        let Ok(entries) = std::fs::read_dir(root.join(dir)) else {
            continue;
        };
        for entry in entries.flatten() {
            if entry.path().extension().is_some_and(|e| e == "md") {
                continue;
            }
            let bytes = std::fs::read(entry.path()).expect("readable fuzz input");
            out.push((entry.path().display().to_string(), bytes));
        }
    }
    out
}

#[test]
fn fuzz_seeds_and_regressions_never_panic_and_stay_finite() {
    let inputs = inputs();
    assert!(inputs.len() >= 5, "the seed corpus is missing: {}", inputs.len());
    for (name, bytes) in inputs {
        let Ok(text) = std::str::from_utf8(&bytes) else {
            continue;
        };
        match minepivot::evaluate_json(text) {
            Err(errors) => assert!(!errors.is_empty(), "{name}: an invalid document must say why"),
            Ok(report) => assert_eq!(report_numbers::first_non_finite(&report), None, "{name}"),
        }
    }
}

/// The check itself: a NaN or an infinity anywhere is found with its path, and a `null` in an
/// `Option` field (an IRR that does not exist) is not mistaken for one.
#[test]
fn the_finite_check_finds_a_planted_nan_and_spares_an_absent_irr() {
    let clean = minepivot::evaluate(&minepivot::scenario::Scenario::default()).expect("the default evaluates");
    assert_eq!(report_numbers::first_non_finite(&clean), None);

    let mut absent_irr = clean.clone();
    absent_irr.pathways[0].irr_pct = None;
    assert_eq!(report_numbers::first_non_finite(&absent_irr), None);

    let mut nan = clean.clone();
    nan.pathways[1].months[7].opex_usd = f64::NAN;
    assert_eq!(
        report_numbers::first_non_finite(&nan).as_deref(),
        Some("pathways[1].months[7].opexUsd")
    );

    let mut inf = clean.clone();
    inf.capex.total_usd = f64::INFINITY;
    assert_eq!(
        report_numbers::first_non_finite(&inf).as_deref(),
        Some("capex.totalUsd")
    );

    // Where a key-name check was blind: an optional number, and a price in the bitcoin months.
    let mut irr = clean.clone();
    irr.pathways[2].irr_pct = Some(f64::NAN);
    assert_eq!(
        report_numbers::first_non_finite(&irr).as_deref(),
        Some("pathways[2].irrPct")
    );
    let mut price = clean;
    price.bitcoin.months[5].btc_price_usd = f64::INFINITY;
    assert_eq!(
        report_numbers::first_non_finite(&price).as_deref(),
        Some("bitcoin.months[5].btcPriceUsd")
    );
}

/// The `options` target's seeds (fuzz/seeds/options/): a scenario with the risk options and
/// the tornado's percentage. Invalid options always say why; a valid small run is finite.
#[test]
fn the_options_seeds_run_as_the_options_target_runs_them() {
    use minepivot::analysis::risk::{options_from_value, risk};
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/seeds/options");
    let mut seen = 0;
    for entry in std::fs::read_dir(dir).expect("the options seeds").flatten() {
        let text = std::fs::read_to_string(entry.path()).expect("readable");
        let serde_json::Value::Object(mut document) = serde_json::from_str(&text).expect("JSON") else {
            panic!("{}: not an object", entry.path().display());
        };
        let options = document.remove("options").unwrap_or(serde_json::Value::Null);
        document.remove("pct");
        let scenario =
            minepivot::parse::scenario_from_value(serde_json::Value::Object(document)).expect("a valid scenario");
        match options_from_value(options) {
            Ok(options) => {
                let answer = risk(&scenario, &options).expect("a small run");
                assert_eq!(minepivot::finite::first_non_finite(&answer), None);
            }
            Err(errors) => assert!(!errors.is_empty()),
        }
        seen += 1;
    }
    assert_eq!(seen, 2);
}
