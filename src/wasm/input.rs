//! A JS value → a `serde_json::Value`, the way `JSON.stringify` would see it, except that
//! what JSON cannot carry is reported instead of silently becoming `null`.
//!
//! Why not `serde_wasm_bindgen::from_value::<serde_json::Value>`: it turns NaN and ±Infinity
//! into `null` without a trace, so `{ powerPriceUsdPerMwh: NaN }` (a form field parsed from
//! "") would quietly take the default — exactly the wrong answer for a CFO. Walking the value
//! ourselves keeps the path of every such number.
//!
//! A value JSON cannot hold is replaced by [`SENTINEL`] (a finite number no field accepts) and
//! remembered as a [`Mark`]; the core then reports the field as it would any bad value, with
//! its own message and range, and [`apply_marks`] rewrites those errors to say what was given.

use js_sys::{Array, JsString};
use serde_json::{Map, Number, Value};
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};

// Every operation on a value the caller gave that JavaScript can make throw (a getter, a Proxy
// trap, a revoked Proxy) is imported with `catch`: the exception comes back as an `Err` at that
// field. An exception that unwound through the wasm instead would leave its stack pointer
// where it was and, after a few hundred calls, break every later call.
#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(catch, js_namespace = Object, js_name = keys)]
    fn object_keys(value: &JsValue) -> Result<Array, JsValue>;
    #[wasm_bindgen(catch, js_namespace = Array, js_name = isArray)]
    pub(crate) fn is_array(value: &JsValue) -> Result<bool, JsValue>;
    #[wasm_bindgen(catch, js_namespace = Reflect, js_name = get)]
    pub(crate) fn reflect_get(target: &JsValue, key: &JsValue) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch, js_namespace = Object, js_name = getPrototypeOf)]
    fn prototype_of(value: &JsValue) -> Result<JsValue, JsValue>;
}

// A year of hourly prices is 8,760 numbers: read one by one across the boundary, with a path
// for each, they cost ~3 ms a call. This reads a list of finite numbers in one call and one
// copy; anything else in it (a NaN, text, a hole, a getter) answers `undefined`, and the
// element-by-element walk then reports it exactly as before.
#[wasm_bindgen(inline_js = "export function finite_numbers(a) {
  const n = a.length;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const x = a[i];
    if (typeof x !== 'number' || !Number.isFinite(x)) return undefined;
    out[i] = x;
  }
  return out;
}")]
extern "C" {
    #[wasm_bindgen(catch)]
    fn finite_numbers(list: &JsValue) -> Result<JsValue, JsValue>;
}

/// Lists at least this long are first tried as a list of finite numbers ([`finite_numbers`]).
const NUMBER_LIST_MIN: u32 = 64;

use crate::parse::MAX_DOCUMENT_BYTES;
use crate::validate::{ErrorCode, ValidationError};

/// Stands in for a value JSON cannot carry. Every numeric field of the scenario has an upper
/// bound far below it (so it is out of range), and it is not text, a boolean or a whole number
/// (so any other field reports a type error): whatever the field, the core flags it.
const SENTINEL: f64 = f64::MAX;

/// Nesting deeper than this is not a scenario (a real one is 4 levels deep); it also stops a
/// cyclic object.
const MAX_DEPTH: usize = 32;

/// Most values (objects, arrays and leaves) read from one document; a real scenario has ~150.
const MAX_NODES: usize = 100_000;

/// The whole input's budget, in UTF-16 units of text plus 8 per value: about the size of its
/// JSON text, so that an object may not carry more than the text form of a scenario may.
const MAX_INPUT_UNITS: usize = MAX_DOCUMENT_BYTES;

/// A value at `field` that JSON cannot carry and that was replaced by [`SENTINEL`].
#[derive(Debug, Clone, PartialEq)]
pub struct Mark {
    pub field: String,
    pub code: ErrorCode,
    /// What was given, for people and for the error's `value`: `"NaN"`, `"Infinity"`, `"a function"`.
    pub given: &'static str,
}

/// The JSON value of `input`, the marks of the values JSON cannot carry, or a document-level
/// error (too large, too deep).
pub struct Converted {
    pub value: Value,
    pub marks: Vec<Mark>,
}

/// Converts a JS value; `root` is the path prefix of the errors ("" for a scenario).
pub fn to_json(input: &JsValue, root: &str) -> Result<Converted, ValidationError> {
    let mut walker = Walker {
        marks: Vec::new(),
        nodes: 0,
        units: 0,
        object_prototype: None,
    };
    let mut path = root.to_string();
    let value = walker.convert(input, &mut path, 0)?.unwrap_or(Value::Null);
    Ok(Converted {
        value,
        marks: walker.marks,
    })
}

struct Walker {
    marks: Vec<Mark>,
    nodes: usize,
    /// Text and values read so far, against [`MAX_INPUT_UNITS`].
    units: usize,
    /// `Object.prototype`, looked up on first use.
    object_prototype: Option<JsValue>,
}

impl Walker {
    fn plain_prototype(&mut self) -> JsValue {
        self.object_prototype
            .get_or_insert_with(|| prototype_of(&js_sys::Object::new()).unwrap_or(JsValue::NULL))
            .clone()
    }

    /// `None` for `undefined` (an absent key, as in JSON.stringify).
    fn convert(&mut self, v: &JsValue, path: &mut String, depth: usize) -> Result<Option<Value>, ValidationError> {
        self.nodes += 1;
        self.units += 8;
        if self.nodes > MAX_NODES {
            return Err(too_large(
                "",
                format!("the scenario has more than {MAX_NODES} values; a real one has a few hundred"),
            ));
        }
        if self.units > MAX_INPUT_UNITS {
            return Err(over_budget());
        }
        if v.is_undefined() {
            return Ok(None);
        }
        if v.is_null() {
            return Ok(Some(Value::Null));
        }
        if let Some(b) = v.as_bool() {
            return Ok(Some(Value::Bool(b)));
        }
        if let Some(x) = v.as_f64() {
            return Ok(Some(self.number(x, path)));
        }
        if v.is_string() {
            let text: &JsString = v.unchecked_ref();
            // Counted before it is copied into wasm memory.
            self.units += text.length() as usize;
            if self.units > MAX_INPUT_UNITS {
                return Err(over_budget());
            }
            return Ok(Some(Value::String(String::from(text))));
        }
        if v.is_bigint() {
            // 5n for a count is a reasonable thing to pass: it is read as the integer 5.
            let big: js_sys::BigInt = v.clone().unchecked_into();
            return Ok(Some(match i64::try_from(big) {
                Ok(i) => Value::from(i),
                Err(_) => self.mark(path, ErrorCode::OutOfRange, "a BigInt beyond 64 bits"),
            }));
        }
        if v.is_function() || v.is_symbol() {
            let given = if v.is_function() { "a function" } else { "a symbol" };
            return Ok(Some(self.mark(path, ErrorCode::InvalidType, given)));
        }
        if depth >= MAX_DEPTH {
            return Err(too_large(
                path,
                format!("is nested more than {MAX_DEPTH} levels deep (a cycle?); a scenario is 4 levels deep"),
            ));
        }
        let unreadable = |walker: &mut Walker, path: &str| {
            walker.mark(path, ErrorCode::InvalidType, "an object that throws when read")
        };
        match is_array(v) {
            Err(_) => return Ok(Some(unreadable(self, path))),
            Ok(true) => return self.array(v, path, depth).map(Some),
            Ok(false) => {}
        }
        // Only plain objects (made by `{}`, JSON.parse or Object.create(null)) are documents: a
        // Map, Date, Set, Error, Promise or class instance is refused, never read as the empty
        // object its own keys make it.
        match prototype_of(v) {
            Ok(proto) if proto.is_null() || proto == self.plain_prototype() => {}
            Ok(_) => {
                let given = "an object that is not a plain object (a Map, Set, Date, Error, Promise or class instance)";
                return Ok(Some(self.mark(path, ErrorCode::InvalidType, given)));
            }
            Err(_) => return Ok(Some(unreadable(self, path))),
        }
        let keys = match object_keys(v) {
            Ok(keys) => keys,
            Err(_) => return Ok(Some(unreadable(self, path))),
        };
        let mut out = Map::new();
        for index in 0..keys.length() {
            let key = keys.get(index);
            let name = key.as_string().unwrap_or_default();
            self.units += name.len();
            let len = path.len();
            if !path.is_empty() {
                path.push('.');
            }
            path.push_str(&name);
            // A getter may throw; that field is then reported, not the whole call aborted.
            let item = match reflect_get(v, &key) {
                Ok(item) => self.convert(&item, path, depth + 1)?,
                Err(_) => Some(self.mark(path, ErrorCode::InvalidType, "a property that throws when read")),
            };
            path.truncate(len);
            if let Some(item) = item {
                out.insert(name, item);
            }
        }
        Ok(Some(Value::Object(out)))
    }

    /// The elements of an array, each read with `catch` (an element's getter may throw).
    fn array(&mut self, v: &JsValue, path: &mut String, depth: usize) -> Result<Value, ValidationError> {
        let length = match reflect_get(v, &JsValue::from_str("length")) {
            Ok(length) => length.as_f64(),
            Err(_) => return Ok(self.mark(path, ErrorCode::InvalidType, "an array that throws when read")),
        };
        // A real array's length is a whole number below 2³²; a Proxy's may be anything (NaN,
        // −1, "3"), which is no list rather than an empty one.
        let Some(length) = length.filter(|l| l.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(l)) else {
            return Ok(self.mark(path, ErrorCode::InvalidType, "an array whose length is no length"));
        };
        // ok: a whole number from 0 to 2³² − 1, so the cast is exact.
        let length = length as u32;
        // The budget bounds what is read; a longer array is refused before its elements are.
        if length as usize > MAX_NODES {
            return Err(too_large(
                path,
                format!("is a list of {length} items; a scenario has at most {MAX_NODES} values"),
            ));
        }
        if length >= NUMBER_LIST_MIN
            && self.nodes + length as usize <= MAX_NODES
            && self.units + 8 * length as usize <= MAX_INPUT_UNITS
        {
            if let Ok(list) = finite_numbers(v) {
                if let Some(list) = list.dyn_ref::<js_sys::Float64Array>() {
                    if list.length() == length {
                        self.nodes += length as usize;
                        self.units += 8 * length as usize;
                        return Ok(Value::Array(list.to_vec().into_iter().map(whole_or_number).collect()));
                    }
                }
            }
        }
        let mut out = Vec::with_capacity(length.min(1_024) as usize);
        for i in 0..length {
            let len = path.len();
            path.push_str(&format!("[{i}]"));
            let item = match reflect_get(v, &JsValue::from(i)) {
                // JSON.stringify writes an undefined element as null.
                Ok(item) => self.convert(&item, path, depth + 1)?.unwrap_or(Value::Null),
                Err(_) => self.mark(path, ErrorCode::InvalidType, "an element that throws when read"),
            };
            out.push(item);
            path.truncate(len);
        }
        Ok(Value::Array(out))
    }

    /// Whole numbers become JSON integers so that count fields (`units`, `horizonYears`) read
    /// them as natively; JSON has no NaN or Infinity, so those are marked.
    fn number(&mut self, x: f64, path: &str) -> Value {
        if x.is_nan() {
            return self.mark(path, ErrorCode::NotFinite, "NaN");
        }
        if x.is_infinite() {
            let given = if x > 0.0 { "Infinity" } else { "-Infinity" };
            return self.mark(path, ErrorCode::NotFinite, given);
        }
        whole_or_number(x)
    }

    fn mark(&mut self, path: &str, code: ErrorCode, given: &'static str) -> Value {
        self.marks.push(Mark {
            field: path.to_string(),
            code,
            given,
        });
        Number::from_f64(SENTINEL).map_or(Value::Null, Value::Number)
    }
}

/// A finite number as JSON: a whole one as an integer, so that count fields (`units`,
/// `horizonYears`) read it as natively.
fn whole_or_number(x: f64) -> Value {
    // 2^53: beyond it a JS number is no longer an exact integer.
    const MAX_SAFE: f64 = 9_007_199_254_740_992.0;
    if x.fract() == 0.0 && x.abs() <= MAX_SAFE {
        // ok: |x| ≤ 2^53 and whole, so the cast is exact (and -0 becomes 0).
        return Value::from(x as i64);
    }
    Number::from_f64(x).map_or(Value::Null, Value::Number)
}

fn over_budget() -> ValidationError {
    too_large(
        "",
        format!(
            "the scenario is larger than {MAX_INPUT_UNITS} characters of text and values; a real one is about 3,000"
        ),
    )
}

fn too_large(field: &str, message: impl Into<String>) -> ValidationError {
    ValidationError::new(field, ErrorCode::TooLarge, message, Value::Null)
}

/// Rewrites the core's errors about replaced values so that they say what was given (the
/// core saw only the sentinel) and keep the core's message about what is allowed; a mark the
/// core did not report (its check never ran because an earlier problem stopped parsing) is
/// added on its own. An unknown key stays an unknown key: that is the more useful news.
pub fn apply_marks(mut errors: Vec<ValidationError>, marks: &[Mark]) -> Vec<ValidationError> {
    for mark in marks {
        let mut found = false;
        for e in errors.iter_mut().filter(|e| e.field == mark.field) {
            found = true;
            if e.code == ErrorCode::UnknownField {
                continue;
            }
            e.code = mark.code;
            e.message = format!("is {}; {}", mark.given, e.message);
            e.value = Value::from(mark.given);
        }
        if !found {
            let allowed = if mark.code == ErrorCode::NotFinite {
                "must be a finite number"
            } else {
                "must be a JSON value (a number, text, true/false, a list or an object)"
            };
            errors.push(ValidationError::new(
                mark.field.clone(),
                mark.code,
                format!("is {}; {allowed}", mark.given),
                Value::from(mark.given),
            ));
        }
    }
    errors
}
