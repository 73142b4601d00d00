//! A Monte Carlo run shared between Web Workers (wasm has no threads): `riskPart` computes
//! one share of the batches, `riskFromParts` puts the shares back together into `risk`'s
//! report ([`crate::analysis::risk::risk_part`]). A share crosses as typed arrays (one copy
//! each way), and what comes back in is read defensively: any value that is not a share of
//! the right shape is refused at its path, never trusted.

use js_sys::{Float32Array, Float64Array, Object};
use serde_json::Value;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::analysis::risk::{RiskOptions, RiskPart, MAX_PARTS};
use crate::engine::PerPathway;
use crate::report::PathwayId;
use crate::validate::{ErrorCode, ValidationError};

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
    let low = if field == "parts" { 1.0 } else { 0.0 };
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

/// `parts` as given to `riskFromParts` → the shares, or every problem at its path
/// (`parts[1].npvs.mining must be a Float64Array`). No array is copied longer than a run of
/// these options can make.
pub fn read(value: &JsValue, o: &RiskOptions, years: usize) -> Result<Vec<RiskPart>, Vec<ValidationError>> {
    let refuse = |field: String, message: &str| {
        vec![ValidationError::new(
            field,
            ErrorCode::InvalidType,
            message,
            Value::Null,
        )]
    };
    if !super::input::is_array(value).unwrap_or(false) {
        return Err(refuse(
            "parts".into(),
            "must be the list of shares that riskPart returned",
        ));
    }
    let list: &js_sys::Array = value.unchecked_ref();
    if list.length() > MAX_PARTS {
        return Err(vec![ValidationError::new(
            "parts",
            ErrorCode::TooLarge,
            format!("must hold at most {MAX_PARTS} shares (got {})", list.length()),
            Value::from(list.length()),
        )]);
    }
    let longest = o.paths as usize * years.max(1);
    let mut shares = Vec::with_capacity(list.length() as usize);
    for i in 0..list.length() {
        let at = format!("parts[{i}]");
        let share = list.get(i);
        let get = |target: &JsValue, key: &str| super::input::reflect_get(target, &JsValue::from_str(key)).ok();
        if !share.is_object() {
            return Err(refuse(at, "must be a share that riskPart returned"));
        }
        let number = |key: &str| -> Result<u32, Vec<ValidationError>> {
            let x = get(&share, key).and_then(|v| v.as_f64());
            match x {
                Some(x) => index(x, key).map_err(|e| {
                    vec![ValidationError {
                        field: format!("{at}.{key}"),
                        ..e
                    }]
                }),
                None => Err(refuse(format!("{at}.{key}"), "must be a number")),
            }
        };
        let f64s = |target: &JsValue, key: &str, field: String| -> Result<Vec<f64>, Vec<ValidationError>> {
            match get(target, key).and_then(|v| v.dyn_into::<Float64Array>().ok()) {
                Some(a) if a.length() as usize <= longest => Ok(a.to_vec()),
                Some(_) => Err(refuse(field, "is longer than a run of these options makes")),
                None => Err(refuse(field, "must be a Float64Array")),
            }
        };
        let f32s = |key: &str| -> Result<Vec<f32>, Vec<ValidationError>> {
            match get(&share, key).and_then(|v| v.dyn_into::<Float32Array>().ok()) {
                Some(a) if a.length() as usize <= longest => Ok(a.to_vec()),
                Some(_) => Err(refuse(
                    format!("{at}.{key}"),
                    "is longer than a run of these options makes",
                )),
                None => Err(refuse(format!("{at}.{key}"), "must be a Float32Array")),
            }
        };
        let pathways = |key: &str| -> Result<PerPathway<Vec<f64>>, Vec<ValidationError>> {
            let object = get(&share, key).filter(JsValue::is_object);
            let Some(object) = object else {
                return Err(refuse(
                    format!("{at}.{key}"),
                    "must be an object of Float64Arrays by pathway",
                ));
            };
            let mut values = PerPathway::<Vec<f64>>::default();
            for id in PathwayId::ALL {
                values[id] = f64s(&object, id.id(), format!("{at}.{key}.{}", id.id()))?;
            }
            Ok(values)
        };
        shares.push(RiskPart {
            part: number("part")?,
            parts: number("parts")?,
            npvs: pathways("npvs")?,
            fan: f32s("fan")?,
            hashprice: f32s("hashprice")?,
            equity: pathways("equity")?,
        });
    }
    Ok(shares)
}
