//! The JavaScript boundary (issue 6). The only module naming wasm_bindgen, js_sys or web_sys.
