//! The wasm boundary in headless Chromium (`wasm-pack test --headless --chrome`, or
//! scripts/test-wasm.sh): the same cases as tests/web.rs (Node), from tests/common/web_cases.rs.
#![cfg(target_arch = "wasm32")]

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

include!("common/web_cases.rs");
