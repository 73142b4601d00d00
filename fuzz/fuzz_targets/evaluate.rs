//! Arbitrary bytes → JSON → validate → evaluate: never a panic, a hang, or a non-finite
//! number in a report; an invalid document always comes back as at least one error.
#![no_main]

use libfuzzer_sys::fuzz_target;

// The same whole-report check as tests/model_props.rs and tests/fuzz_inputs.rs: every number in
// the report, found by its place (src/finite.rs). evaluate_json runs it too and turns a
// non-finite answer into an error; checking again here keeps the fuzzer honest about it.
#[path = "../../tests/common/report_numbers.rs"]
mod report_numbers;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match minepivot::evaluate_json(text) {
        Ok(report) => {
            if let Some(path) = report_numbers::first_non_finite(&report) {
                panic!("non-finite number in a report at {path}");
            }
        }
        Err(errors) => assert!(!errors.is_empty(), "an invalid document must say why"),
    }
});
