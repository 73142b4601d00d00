//! The report's month-by-month tables handed to JavaScript in one piece per table.
//!
//! serde-wasm-bindgen builds a JS object field by field: each number and each key crosses the
//! boundary on its own (a number made into a JS value, the key's cached string cloned, the
//! property set), four calls a value. A report has ~18,600 values, 90 % of them in the tables of
//! months (three pathways × 180 months × 19 values, the financing's and the bitcoin months, the
//! duration curve), and those calls were 40 % of an `evaluate` in Node. A table of flat rows is
//! instead read through serde into one list of numbers (and the few texts), copied across once,
//! and turned into the same objects by `rows` in src/wasm/js/rows.js: keys in the same order,
//! `null` where serde writes `None`. A table whose rows are not flat (a nested value, a boolean, rows
//! with different keys) is left to serde-wasm-bindgen; tests/common/web_cases.rs checks that
//! both give the same document.

use serde::ser::{self, Impossible, Serialize, SerializeStruct, Serializer};
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsValue;

#[wasm_bindgen(module = "/src/wasm/js/rows.js")]
extern "C" {
    fn rows(keys: &str, values: js_sys::Float64Array, texts: &str, is_text: js_sys::Uint8Array) -> JsValue;
    #[wasm_bindgen(js_name = literalTableCount)]
    fn literal_table_count() -> u32;
}

/// How many tables were made from src/wasm/js/rows.js's object literals so far (for the tests:
/// a table whose keys drifted from its literal is still right, only slower).
#[doc(hidden)]
pub fn literal_tables() -> u32 {
    literal_table_count()
}

/// A table of rows as JS objects: one call across for the whole table when every row is a
/// struct of numbers, `None`s and texts with the same keys; otherwise serde-wasm-bindgen's.
pub fn table<T: Serialize>(items: &[T]) -> Result<JsValue, JsValue> {
    match Table::of(items).and_then(|t| t.to_js()) {
        Some(js) => Ok(js),
        None => super::error::to_js(items),
    }
}

/// Rows read through serde: the keys (of every row alike), each cell's number (NaN for `None`
/// and for a text) and whether it is a text, and the texts in order.
#[derive(Default)]
struct Table {
    keys: Vec<&'static str>,
    values: Vec<f64>,
    is_text: Vec<u8>,
    texts: Vec<String>,
}

impl Table {
    fn of<T: Serialize>(items: &[T]) -> Option<Table> {
        let mut table = Table::default();
        for (i, item) in items.iter().enumerate() {
            let mut row = Row {
                table: &mut table,
                first: i == 0,
                column: 0,
            };
            item.serialize(&mut row).ok()?;
            if row.column != row.table.keys.len() {
                return None;
            }
        }
        Some(table)
    }

    /// The table in one call: its keys joined by ",", its texts by U+001F (one string each, so
    /// one decoding each, not one per text); `None` when a key or a text holds its separator.
    fn to_js(&self) -> Option<JsValue> {
        if self.keys.iter().any(|k| k.contains(',')) || self.texts.iter().any(|t| t.contains('\u{1f}')) {
            return None;
        }
        Some(rows(
            &self.keys.join(","),
            js_sys::Float64Array::from(&self.values[..]),
            &self.texts.join("\u{1f}"),
            js_sys::Uint8Array::from(&self.is_text[..]),
        ))
    }
}

/// Anything a flat row cannot hold: the table goes to serde-wasm-bindgen.
#[derive(Debug)]
struct NotFlat;

impl std::fmt::Display for NotFlat {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("not a flat row")
    }
}

impl std::error::Error for NotFlat {}

impl ser::Error for NotFlat {
    fn custom<M: std::fmt::Display>(_: M) -> NotFlat {
        NotFlat
    }
}

/// One row being read: its keys are the table's (the first row sets them, the others must
/// match them in order).
struct Row<'a> {
    table: &'a mut Table,
    first: bool,
    column: usize,
}

/// 2⁵³: a whole number beyond it is not exact as a JS number (serde-wasm-bindgen's
/// json_compatible writes it as a number anyway; such a table is left to it).
const MAX_SAFE: f64 = 9_007_199_254_740_992.0;

/// One cell: a number, `None` (NaN) or a text.
enum Cell {
    Number(f64),
    Null,
    Text(String),
}

struct CellReader;

/// The methods both serializers here share: everything nested (a list, a map, a nested
/// struct, a variant with data) and the rare scalars no table has, refused, so that such a
/// table goes to serde-wasm-bindgen. `$ok` is the serializer's `Ok`.
macro_rules! refuse_nested {
    ($ok:ty) => {
        fn serialize_char(self, _: char) -> Result<$ok, NotFlat> {
            Err(NotFlat)
        }
        fn serialize_bytes(self, _: &[u8]) -> Result<$ok, NotFlat> {
            Err(NotFlat)
        }
        fn serialize_unit_struct(self, _: &'static str) -> Result<$ok, NotFlat> {
            Err(NotFlat)
        }
        fn serialize_newtype_variant<T: Serialize + ?Sized>(
            self,
            _: &'static str,
            _: u32,
            _: &'static str,
            _: &T,
        ) -> Result<$ok, NotFlat> {
            Err(NotFlat)
        }
        fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, NotFlat> {
            Err(NotFlat)
        }
        fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, NotFlat> {
            Err(NotFlat)
        }
        fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Self::SerializeTupleStruct, NotFlat> {
            Err(NotFlat)
        }
        fn serialize_tuple_variant(
            self,
            _: &'static str,
            _: u32,
            _: &'static str,
            _: usize,
        ) -> Result<Self::SerializeTupleVariant, NotFlat> {
            Err(NotFlat)
        }
        fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, NotFlat> {
            Err(NotFlat)
        }
        fn serialize_struct_variant(
            self,
            _: &'static str,
            _: u32,
            _: &'static str,
            _: usize,
        ) -> Result<Self::SerializeStructVariant, NotFlat> {
            Err(NotFlat)
        }
    };
}

/// Refused one-argument scalars of a row itself (a row is a struct, never a scalar).
macro_rules! refuse_scalars {
    ($($method:ident: $t:ty),*) => {$(
        fn $method(self, _: $t) -> Result<(), NotFlat> {
            Err(NotFlat)
        }
    )*};
}

macro_rules! whole {
    ($($method:ident: $t:ty),*) => {$(
        fn $method(self, v: $t) -> Result<Cell, NotFlat> {
            // ok: converted only when exact (checked against 2⁵³ as a float, both ways).
            let x = v as f64;
            if x.abs() <= MAX_SAFE { Ok(Cell::Number(x)) } else { Err(NotFlat) }
        }
    )*};
}

impl Serializer for CellReader {
    type Ok = Cell;
    type Error = NotFlat;
    type SerializeSeq = Impossible<Cell, NotFlat>;
    type SerializeTuple = Impossible<Cell, NotFlat>;
    type SerializeTupleStruct = Impossible<Cell, NotFlat>;
    type SerializeTupleVariant = Impossible<Cell, NotFlat>;
    type SerializeMap = Impossible<Cell, NotFlat>;
    type SerializeStruct = Impossible<Cell, NotFlat>;
    type SerializeStructVariant = Impossible<Cell, NotFlat>;

    fn serialize_f64(self, v: f64) -> Result<Cell, NotFlat> {
        // serde-wasm-bindgen writes NaN and ±∞ as numbers; the report has none (crate::finite),
        // and a NaN here would read back as null: leave such a table to it.
        if v.is_finite() {
            Ok(Cell::Number(v))
        } else {
            Err(NotFlat)
        }
    }
    fn serialize_f32(self, v: f32) -> Result<Cell, NotFlat> {
        self.serialize_f64(f64::from(v))
    }
    whole!(serialize_i8: i8, serialize_i16: i16, serialize_i32: i32, serialize_i64: i64,
           serialize_u8: u8, serialize_u16: u16, serialize_u32: u32, serialize_u64: u64);
    fn serialize_str(self, v: &str) -> Result<Cell, NotFlat> {
        Ok(Cell::Text(v.to_string()))
    }
    fn serialize_none(self) -> Result<Cell, NotFlat> {
        Ok(Cell::Null)
    }
    fn serialize_some<T: Serialize + ?Sized>(self, v: &T) -> Result<Cell, NotFlat> {
        v.serialize(self)
    }
    fn serialize_unit(self) -> Result<Cell, NotFlat> {
        Ok(Cell::Null)
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, variant: &'static str) -> Result<Cell, NotFlat> {
        Ok(Cell::Text(variant.to_string()))
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _: &'static str, v: &T) -> Result<Cell, NotFlat> {
        v.serialize(self)
    }
    fn serialize_bool(self, _: bool) -> Result<Cell, NotFlat> {
        Err(NotFlat)
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self::SerializeStruct, NotFlat> {
        Err(NotFlat)
    }
    refuse_nested!(Cell);
}

impl SerializeStruct for &mut Row<'_> {
    type Ok = ();
    type Error = NotFlat;

    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result<(), NotFlat> {
        if self.first {
            self.table.keys.push(key);
        } else {
            // The same field of the same type is the same static text: its address first.
            match self.table.keys.get(self.column) {
                Some(k) if std::ptr::eq(*k, key) || *k == key => {}
                _ => return Err(NotFlat),
            }
        }
        self.column += 1;
        let t = &mut *self.table;
        match value.serialize(CellReader)? {
            Cell::Number(x) => {
                t.values.push(x);
                t.is_text.push(0);
            }
            Cell::Null => {
                t.values.push(f64::NAN);
                t.is_text.push(0);
            }
            Cell::Text(text) => {
                t.values.push(f64::NAN);
                t.is_text.push(1);
                t.texts.push(text);
            }
        }
        Ok(())
    }

    fn skip_field(&mut self, _: &'static str) -> Result<(), NotFlat> {
        // A field left out of one row: the rows' keys may differ.
        Err(NotFlat)
    }

    fn end(self) -> Result<(), NotFlat> {
        Ok(())
    }
}

impl<'a, 'b> Serializer for &'a mut Row<'b> {
    type Ok = ();
    type Error = NotFlat;
    type SerializeSeq = Impossible<(), NotFlat>;
    type SerializeTuple = Impossible<(), NotFlat>;
    type SerializeTupleStruct = Impossible<(), NotFlat>;
    type SerializeTupleVariant = Impossible<(), NotFlat>;
    type SerializeMap = Impossible<(), NotFlat>;
    type SerializeStruct = Self;
    type SerializeStructVariant = Impossible<(), NotFlat>;

    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self, NotFlat> {
        Ok(self)
    }

    refuse_scalars!(serialize_bool: bool, serialize_i8: i8, serialize_i16: i16, serialize_i32: i32,
        serialize_i64: i64, serialize_u8: u8, serialize_u16: u16, serialize_u32: u32, serialize_u64: u64,
        serialize_f32: f32, serialize_f64: f64, serialize_str: &str);
    fn serialize_none(self) -> Result<(), NotFlat> {
        Err(NotFlat)
    }
    fn serialize_some<T: Serialize + ?Sized>(self, _: &T) -> Result<(), NotFlat> {
        Err(NotFlat)
    }
    fn serialize_unit(self) -> Result<(), NotFlat> {
        Err(NotFlat)
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, _: &'static str) -> Result<(), NotFlat> {
        Err(NotFlat)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _: &'static str, _: &T) -> Result<(), NotFlat> {
        Err(NotFlat)
    }
    refuse_nested!(());
}
