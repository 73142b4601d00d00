// Included (`#[path]`) by tests/model_props.rs, tests/fuzz_inputs.rs and the fuzz target
// fuzz/fuzz_targets/evaluate.rs, so the property tests, the replayed fuzz inputs and the
// fuzzer itself hold every report to the same check: every number in it is finite, found by
// its place in the report (src/finite.rs walks the report's own serialisation, so an optional
// number or a price in the bitcoin months is checked like any other, whatever its key).

use minepivot::report::Report;

/// The path of the first number in the report that is not finite, if any.
pub fn first_non_finite(report: &Report) -> Option<String> {
    minepivot::finite::first_non_finite(report)
}
