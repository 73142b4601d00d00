//! The last check before an answer leaves the core: every number in it is finite. serde_json
//! writes NaN and ±∞ as `null`, so a non-finite number would otherwise reach the page as an
//! empty cell or "$NaN M"; here it is found by its place in the document (not by its key's
//! name) and turned into an input error instead.
//!
//! The check is a serde [`Serializer`] that writes nothing: it walks any `Serialize` value
//! and stops at the first `f32`/`f64` that is not finite, remembering its path
//! (`pathways[1].months[7].opexUsd`).

use serde::ser::{self, Serialize, Serializer};
use std::fmt;

/// The path of the first non-finite number in `value`, or `None` when every number is finite.
pub fn first_non_finite<T: Serialize + ?Sized>(value: &T) -> Option<String> {
    let mut path = Vec::new();
    match value.serialize(Walk { path: &mut path }) {
        Ok(()) => None,
        Err(Found(at)) => Some(at),
    }
}

/// The error that stops the walk: the path of the non-finite number.
#[derive(Debug)]
pub struct Found(String);

impl fmt::Display for Found {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "a non-finite number at {}", self.0)
    }
}

impl std::error::Error for Found {}

impl ser::Error for Found {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Found(msg.to_string())
    }
}

/// One step of a path: a field name or a list index.
enum Step {
    Key(&'static str),
    Index(usize),
}

fn render(path: &[Step]) -> String {
    let mut out = String::new();
    for step in path {
        match step {
            Step::Key(k) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(k);
            }
            Step::Index(i) => out.push_str(&format!("[{i}]")),
        }
    }
    out
}

struct Walk<'a> {
    path: &'a mut Vec<Step>,
}

impl Walk<'_> {
    fn number(self, x: f64) -> Result<(), Found> {
        if x.is_finite() {
            Ok(())
        } else {
            Err(Found(render(self.path)))
        }
    }
}

macro_rules! accept {
    ($($name:ident: $ty:ty),*) => {
        $(fn $name(self, _: $ty) -> Result<(), Found> { Ok(()) })*
    };
}

impl<'a> Serializer for Walk<'a> {
    type Ok = ();
    type Error = Found;
    type SerializeSeq = Walk<'a>;
    type SerializeTuple = Walk<'a>;
    type SerializeTupleStruct = Walk<'a>;
    type SerializeTupleVariant = Walk<'a>;
    type SerializeMap = Walk<'a>;
    type SerializeStruct = Walk<'a>;
    type SerializeStructVariant = Walk<'a>;

    accept!(serialize_bool: bool, serialize_i8: i8, serialize_i16: i16, serialize_i32: i32,
        serialize_i64: i64, serialize_u8: u8, serialize_u16: u16, serialize_u32: u32,
        serialize_u64: u64, serialize_char: char, serialize_str: &str, serialize_bytes: &[u8]);

    fn serialize_f32(self, v: f32) -> Result<(), Found> {
        self.number(f64::from(v))
    }
    fn serialize_f64(self, v: f64) -> Result<(), Found> {
        self.number(v)
    }
    fn serialize_none(self) -> Result<(), Found> {
        Ok(())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Found> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), Found> {
        Ok(())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), Found> {
        Ok(())
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, _: &'static str) -> Result<(), Found> {
        Ok(())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _: &'static str, value: &T) -> Result<(), Found> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        value: &T,
    ) -> Result<(), Found> {
        value.serialize(self)
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self, Found> {
        self.path.push(Step::Index(0));
        Ok(self)
    }
    fn serialize_tuple(self, len: usize) -> Result<Self, Found> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(self, _: &'static str, len: usize) -> Result<Self, Found> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(self, _: &'static str, _: u32, _: &'static str, len: usize) -> Result<Self, Found> {
        self.serialize_seq(Some(len))
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self, Found> {
        self.path.push(Step::Key("{}"));
        Ok(self)
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self, Found> {
        self.path.push(Step::Key(""));
        Ok(self)
    }
    fn serialize_struct_variant(self, _: &'static str, _: u32, _: &'static str, _: usize) -> Result<Self, Found> {
        self.path.push(Step::Key(""));
        Ok(self)
    }
}

impl Walk<'_> {
    /// Walks one element of a list, then moves the index on.
    fn element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Found> {
        value.serialize(Walk { path: self.path })?;
        if let Some(Step::Index(i)) = self.path.last_mut() {
            *i += 1;
        }
        Ok(())
    }

    /// Walks one field of a struct under its name.
    fn field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result<(), Found> {
        if let Some(last) = self.path.last_mut() {
            *last = Step::Key(key);
        }
        value.serialize(Walk { path: self.path })
    }

    fn close(self) -> Result<(), Found> {
        self.path.pop();
        Ok(())
    }
}

impl ser::SerializeSeq for Walk<'_> {
    type Ok = ();
    type Error = Found;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Found> {
        self.element(value)
    }
    fn end(self) -> Result<(), Found> {
        self.close()
    }
}

impl ser::SerializeTuple for Walk<'_> {
    type Ok = ();
    type Error = Found;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Found> {
        self.element(value)
    }
    fn end(self) -> Result<(), Found> {
        self.close()
    }
}

impl ser::SerializeTupleStruct for Walk<'_> {
    type Ok = ();
    type Error = Found;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Found> {
        self.element(value)
    }
    fn end(self) -> Result<(), Found> {
        self.close()
    }
}

impl ser::SerializeTupleVariant for Walk<'_> {
    type Ok = ();
    type Error = Found;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Found> {
        self.element(value)
    }
    fn end(self) -> Result<(), Found> {
        self.close()
    }
}

impl ser::SerializeMap for Walk<'_> {
    type Ok = ();
    type Error = Found;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, _: &T) -> Result<(), Found> {
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Found> {
        value.serialize(Walk { path: self.path })
    }
    fn end(self) -> Result<(), Found> {
        self.close()
    }
}

impl ser::SerializeStruct for Walk<'_> {
    type Ok = ();
    type Error = Found;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result<(), Found> {
        self.field(key, value)
    }
    fn end(self) -> Result<(), Found> {
        self.close()
    }
}

impl ser::SerializeStructVariant for Walk<'_> {
    type Ok = ();
    type Error = Found;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result<(), Found> {
        self.field(key, value)
    }
    fn end(self) -> Result<(), Found> {
        self.close()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_first_non_finite_number_by_its_place() {
        let mut report = crate::evaluate(&crate::Scenario::default()).unwrap();
        assert_eq!(first_non_finite(&report), None);
        report.pathways[1].months[7].opex_usd = f64::NAN;
        assert_eq!(
            first_non_finite(&report).as_deref(),
            Some("pathways[1].months[7].opexUsd")
        );
        // An optional number and a number whose key says nothing of money are found too.
        let mut report = crate::evaluate(&crate::Scenario::default()).unwrap();
        report.bitcoin.months[3].btc_price_usd = f64::INFINITY;
        assert_eq!(
            first_non_finite(&report).as_deref(),
            Some("bitcoin.months[3].btcPriceUsd")
        );
        let mut report = crate::evaluate(&crate::Scenario::default()).unwrap();
        report.pathways[2].irr_pct = Some(f64::NEG_INFINITY);
        assert_eq!(first_non_finite(&report).as_deref(), Some("pathways[2].irrPct"));
    }
}
