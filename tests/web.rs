//! The wasm boundary in Node (`wasm-pack test --node`, or scripts/test-wasm.sh). The cases are
//! in tests/common/web_cases.rs, shared with tests/web_browser.rs, which runs them in headless
//! Chromium: a suite configured for one environment is skipped, with exit 0, in the other.
#![cfg(target_arch = "wasm32")]

include!("common/web_cases.rs");
