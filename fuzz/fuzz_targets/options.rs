//! Arbitrary bytes → JSON → a scenario and the options of the analyses: the risk options
//! (risk::options_from_value) and the tornado's percentage. Never a panic or a non-finite
//! number; invalid options always come back as at least one error; a run whose work is small
//! is run and its whole answer checked (a large one would only time the fuzzer out).
#![no_main]

use libfuzzer_sys::fuzz_target;
use minepivot::analysis::risk::{options_from_value, risk, work, RiskMethod};
use serde_json::Value;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(Value::Object(mut document)) = serde_json::from_str::<Value>(text) else {
        return;
    };
    let options = document.remove("options").unwrap_or(Value::Null);
    let pct = document.remove("pct");
    let Ok(scenario) = minepivot::parse::scenario_from_value(Value::Object(document)) else {
        return;
    };
    let options = match options_from_value(options) {
        Ok(options) => options,
        Err(errors) => {
            assert!(!errors.is_empty(), "invalid options must say why");
            return;
        }
    };
    if let Some(pct) = pct.and_then(|p| p.as_f64()) {
        let mut moved = scenario.clone().into_inner();
        moved.finance.sensitivity_pct = pct;
        if let Ok(report) = minepivot::evaluate(&moved) {
            assert_eq!(minepivot::finite::first_non_finite(&report.sensitivity), None);
        }
    }
    if work(&scenario, &options, RiskMethod::FullModel) <= 2e6 {
        match risk(&scenario, &options) {
            Ok(answer) => {
                // The core's last check turns a non-finite answer into an error; none may slip by.
                if let Ok(answer) = minepivot::checked(answer, &scenario) {
                    assert_eq!(minepivot::finite::first_non_finite(&answer), None);
                }
            }
            Err(errors) => assert!(!errors.is_empty()),
        }
    }
});
