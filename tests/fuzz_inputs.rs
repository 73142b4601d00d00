//! Every fuzz seed and every input that ever crashed the fuzzer (fuzz/regressions/), run
//! through the same checks as the fuzz target: parse → validate → evaluate never panics, an
//! invalid document always says why, and a report carries only finite numbers.
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;

fn inputs() -> Vec<(String, Vec<u8>)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    let mut out = Vec::new();
    for dir in ["seeds/evaluate", "regressions"] {
        let Ok(entries) = std::fs::read_dir(root.join(dir)) else {
            continue;
        };
        for entry in entries.flatten() {
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
            Ok(report) => {
                for p in &report.pathways {
                    assert!(p.npv_usd.is_finite(), "{name}");
                    assert!(
                        p.months
                            .iter()
                            .all(|m| m.net_cash_flow_usd.is_finite() && m.cumulative_usd.is_finite()),
                        "{name}"
                    );
                }
                assert!(report.capex.total_usd.is_finite(), "{name}");
            }
        }
    }
}
