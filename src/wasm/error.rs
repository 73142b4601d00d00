//! The errors thrown to JavaScript: real `Error` objects (with a stack, `instanceof Error`),
//! a stable `name` and `code` to branch on, and the full list of problems for the form.

use js_sys::{Error, Reflect};
use serde::Serialize;
use wasm_bindgen::JsValue;

use crate::validate::ValidationError;

/// `error.name` of invalid input; `error.code` is [`INPUT_CODE`].
pub const INPUT_NAME: &str = "MinepivotInputError";
pub const INPUT_CODE: &str = "invalidInput";
/// `error.name` of a failure that is a bug of minepivot, not of the input.
pub const INTERNAL_NAME: &str = "MinepivotInternalError";
pub const INTERNAL_CODE: &str = "internal";

/// How many problems the message spells out; `errors` always has all of them.
const MESSAGE_PROBLEMS: usize = 3;

/// `MinepivotInputError` with `errors: [{ field, code, message, value }]`.
pub fn input_error(errors: &[ValidationError]) -> JsValue {
    let mut message = match errors.len() {
        1 => "minepivot: the scenario has 1 problem: ".to_string(),
        n => format!("minepivot: the scenario has {n} problems: "),
    };
    let listed: Vec<String> = errors.iter().take(MESSAGE_PROBLEMS).map(|e| e.to_string()).collect();
    message.push_str(&listed.join("; "));
    if errors.len() > MESSAGE_PROBLEMS {
        message.push_str(&format!(
            "; and {} more (see error.errors)",
            errors.len() - MESSAGE_PROBLEMS
        ));
    }
    let error = Error::new(&message);
    error.set_name(INPUT_NAME);
    set(&error, "code", &JsValue::from_str(INPUT_CODE));
    match to_js(errors) {
        Ok(list) => set(&error, "errors", &list),
        Err(e) => return e,
    }
    error.into()
}

/// A failure that is not the caller's: converting a computed value to JS failed.
pub fn internal_error(what: &str) -> JsValue {
    let error = Error::new(&format!(
        "minepivot: internal error ({what}); please report it with the scenario"
    ));
    error.set_name(INTERNAL_NAME);
    set(&error, "code", &JsValue::from_str(INTERNAL_CODE));
    error.into()
}

/// Plain JS objects and arrays, `null` for `None`: what `JSON.parse` of the CLI's output would
/// give, so the page, Node and the CLI see the same document.
pub fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| internal_error(&e.to_string()))
}

fn set(error: &Error, key: &str, value: &JsValue) {
    // Setting an own property of a fresh Error object cannot fail; if it somehow did, the
    // error would still be thrown, only without that property.
    let _ = Reflect::set(error, &JsValue::from_str(key), value);
}
