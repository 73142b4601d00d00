//! A Monte Carlo run shared between Web Workers (wasm has no threads): `riskPart` computes
//! one share of the batches, `riskFromParts` puts the shares back together into `risk`'s
//! report ([`crate::analysis::risk::risk_part`]). A share crosses as typed arrays, and what
//! comes back in is read defensively: the list and each array are copied by the built-in
//! getters of arrays and typed arrays (no getter, Proxy or prototype of the caller's runs
//! inside the copy), every array only after its share has been placed in its split and only
//! at the exact length that share holds, so a run's worth of numbers at most is ever copied.
//! Anything that is not a share of the right shape is refused at its path, never trusted.

use js_sys::{Float32Array, Float64Array, Object};
use serde_json::Value;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::analysis::risk::{share_size, RiskOptions, RiskPart, MAX_PARTS};
use crate::engine::PerPathway;
use crate::report::PathwayId;
use crate::scenario::Scenario;
use crate::validate::{ErrorCode, ValidationError};

// The built-in getters of typed arrays, taken when the module loads: they read a typed array's
// own internal slots and answer `undefined` (its kind) or throw (its length) for anything else.
#[wasm_bindgen(inline_js = "const TYPED = Object.getPrototypeOf(Int8Array.prototype);
const KIND = Object.getOwnPropertyDescriptor(TYPED, Symbol.toStringTag).get;
const LENGTH = Object.getOwnPropertyDescriptor(TYPED, 'length').get;
const IS_ARRAY = Array.isArray;
export function typed_copy(value, kind, length) {
  if (KIND.call(value) !== kind) return 'kind';
  const n = LENGTH.call(value);
  if (n !== length) return n;
  return kind === 'Float64Array' ? new Float64Array(value) : new Float32Array(value);
}
export function list_copy(value, max) {
  if (!IS_ARRAY(value)) return undefined;
  const n = value.length;
  if (!(n <= max)) return n;
  const out = new Array(n);
  for (let i = 0; i < n; i++) out[i] = value[i];
  return out;
}")]
extern "C" {
    /// A fresh copy of `value` if it is a typed array of `kind` holding exactly `length`
    /// numbers; else the text `"kind"` or the number of values it holds.
    #[wasm_bindgen(catch)]
    fn typed_copy(value: &JsValue, kind: &str, length: u32) -> Result<JsValue, JsValue>;
    /// A fresh array of the elements of the list `value` if it holds at most `max`; else its
    /// length, or `undefined` if it is not a list.
    #[wasm_bindgen(catch)]
    fn list_copy(value: &JsValue, max: u32) -> Result<JsValue, JsValue>;
}

/// The share as a JS object of typed arrays (the `RiskPart` interface).
pub fn to_js(share: &RiskPart) -> Result<JsValue, JsValue> {
    let out = Object::new();
    let set = |target: &JsValue, key: &str, value: &JsValue| {
        js_sys::Reflect::set(target, &JsValue::from_str(key), value).map(|_| ())
    };
    let pathways = |values: &PerPathway<Vec<f64>>| -> Result<JsValue, JsValue> {
        let object = Object::new();
        for id in PathwayId::ALL {
            set(&object, id.id(), &Float64Array::from(values[id].as_slice()))?;
        }
        Ok(object.into())
    };
    set(&out, "run", &JsValue::from_str(&share.run))?;
    set(&out, "part", &JsValue::from(share.part))?;
    set(&out, "parts", &JsValue::from(share.parts))?;
    set(&out, "npvs", &pathways(&share.npvs)?)?;
    set(&out, "fan", &Float32Array::from(share.fan.as_slice()))?;
    set(&out, "hashprice", &Float32Array::from(share.hashprice.as_slice()))?;
    set(&out, "equity", &pathways(&share.equity)?)?;
    Ok(out.into())
}

/// A share index given as a JS number: a whole number from 0 (`part`) or 1 (`parts`), at most
/// the most shares; the core checks the share against its split.
pub fn index(x: f64, field: &str) -> Result<u32, ValidationError> {
    let low = if field.ends_with("parts") { 1.0 } else { 0.0 };
    if x.fract() == 0.0 && (low..=f64::from(MAX_PARTS)).contains(&x) {
        // ok: a whole number in 0 … 64.
        return Ok(x as u32);
    }
    let given = serde_json::Number::from_f64(x).map_or(Value::Null, Value::Number);
    Err(ValidationError::new(
        field,
        ErrorCode::OutOfRange,
        format!("must be a whole number between {low} and {MAX_PARTS} (got {x})"),
        given,
    ))
}

fn problem(field: impl Into<String>, code: ErrorCode, message: impl Into<String>) -> Vec<ValidationError> {
    vec![ValidationError::new(field, code, message, Value::Null)]
}

/// `parts` as given to `riskFromParts` for a valid scenario and options → the shares, or the
/// first problem at its path (`parts[1].npvs.mining must be a Float64Array`).
pub fn read(value: &JsValue, s: &Scenario, o: &RiskOptions) -> Result<Vec<RiskPart>, Vec<ValidationError>> {
    let unreadable = |field: &str| {
        problem(
            field,
            ErrorCode::InvalidType,
            "could not be read (a getter or Proxy threw)",
        )
    };
    let list = match list_copy(value, MAX_PARTS) {
        Err(_) => return Err(unreadable("parts")),
        Ok(v) if v.is_undefined() => {
            return Err(problem(
                "parts",
                ErrorCode::InvalidType,
                "must be the list of shares that riskPart returned",
            ))
        }
        Ok(v) => match v.as_f64() {
            Some(n) => {
                return Err(problem(
                    "parts",
                    ErrorCode::TooLarge,
                    format!("must hold at most {MAX_PARTS} shares (got {n})"),
                ))
            }
            None => v.unchecked_into::<js_sys::Array>(),
        },
    };
    let get = |target: &JsValue, key: &str| super::input::reflect_get(target, &JsValue::from_str(key));
    // First where each share belongs: every share of one split, each once, before any copy.
    let count = list.length();
    let mut places = Vec::with_capacity(count as usize);
    for i in 0..count {
        let at = format!("parts[{i}]");
        let share = list.get(i);
        if !share.is_object() {
            return Err(problem(
                at,
                ErrorCode::InvalidType,
                "must be a share that riskPart returned",
            ));
        }
        let number = |key: &str| -> Result<u32, Vec<ValidationError>> {
            let field = format!("{at}.{key}");
            match get(&share, key) {
                Err(_) => Err(unreadable(&field)),
                Ok(v) => match v.as_f64() {
                    Some(x) => index(x, &field).map_err(|e| vec![e]),
                    None => Err(problem(field, ErrorCode::InvalidType, "must be a number")),
                },
            }
        };
        places.push((number("part")?, number("parts")?));
    }
    let mut seen = vec![false; count as usize];
    for &(part, parts) in &places {
        let fits = parts == count && part < parts && !std::mem::replace(&mut seen[part as usize], true);
        if !fits {
            return Err(problem(
                "parts",
                ErrorCode::Inconsistent,
                format!("must hold the shares of one split, each once (share {part} of {parts} among {count} shares)"),
            ));
        }
    }
    // Then each array, at the length its share holds.
    let years = s.months() as usize / 12;
    let mut shares = Vec::with_capacity(count as usize);
    for (i, &(part, parts)) in places.iter().enumerate() {
        let at = format!("parts[{i}]");
        let share = list.get(i as u32);
        let (paths, equity) = share_size(s, o, part, parts);
        let copy = |target: &JsValue, key: &str, field: &str, kind: &str, length: usize| {
            let value = get(target, key).map_err(|_| unreadable(field))?;
            // ok: at most the paths of a run × 30 years, far below 2³².
            let length = length as u32;
            match typed_copy(&value, kind, length) {
                Err(_) => Err(unreadable(field)),
                Ok(copy) if copy.is_object() => Ok(copy),
                Ok(other) => Err(problem(
                    field,
                    ErrorCode::InvalidType,
                    match other.as_f64() {
                        Some(n) => format!("must hold {length} numbers for this run (got {n})"),
                        None => format!("must be a {kind}"),
                    },
                )),
            }
        };
        let f32s = |key: &str| -> Result<Vec<f32>, Vec<ValidationError>> {
            let field = format!("{at}.{key}");
            copy(&share, key, &field, "Float32Array", paths * years)
                .map(|a| a.unchecked_into::<Float32Array>().to_vec())
        };
        let pathways = |key: &str, length: usize| -> Result<PerPathway<Vec<f64>>, Vec<ValidationError>> {
            // Its type by `typeof` alone: `instanceof` would run a Proxy's traps.
            let object = get(&share, key)
                .map_err(|_| unreadable(&format!("{at}.{key}")))?
                .is_object()
                .then_some(())
                .and_then(|_| get(&share, key).ok())
                .ok_or_else(|| {
                    problem(
                        format!("{at}.{key}"),
                        ErrorCode::InvalidType,
                        "must be an object of Float64Arrays by pathway",
                    )
                })?;
            let mut values = PerPathway::<Vec<f64>>::default();
            for id in PathwayId::ALL {
                let field = format!("{at}.{key}.{}", id.id());
                values[id] = copy(&object, id.id(), &field, "Float64Array", length)
                    .map(|a| a.unchecked_into::<Float64Array>().to_vec())?;
            }
            Ok(values)
        };
        let run = get(&share, "run").ok().and_then(|v| v.as_string()).unwrap_or_default();
        shares.push(RiskPart {
            run,
            part,
            parts,
            npvs: pathways("npvs", paths)?,
            fan: f32s("fan")?,
            hashprice: f32s("hashprice")?,
            equity: pathways("equity", equity)?,
        });
    }
    Ok(shares)
}
