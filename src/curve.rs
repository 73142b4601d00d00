//! Curves the user knows better than a growth rate (`bitcoin.btcPriceCurve`, `hashpriceCurve`,
//! `networkHashrateCurve`): their values month by month, and reading one from CSV.
//!
//! A curve covers month 0 to its last point: before its first point it holds the first value,
//! between two points it is linear, at a point it is exactly that point's value, and after the
//! last point it covers nothing (the growth settings or the model go on from there).
//!
//! CSV (docs/contract.md "Curves"): one point a row, `month,value`; the month `YYYY-MM` or a date
//! `YYYY-MM-DD` (its day is ignored, so a daily or monthly download both read), the value a
//! plain number (`.` decimal point, no thousands separator). A first row that is not a point is
//! a header and skipped; blank rows are skipped; a field may be in double quotes. Tabs separate
//! as commas do. Anything else is refused with the row named, and nothing is read from it.

use serde_json::Value;

use crate::calendar::YearMonth;
use crate::fields::MAX_CURVE_POINTS;
use crate::scenario::CurvePoint;
use crate::validate::{csv_rows, csv_too_large, ErrorCode, ValidationError};

/// The largest CSV a curve is read from: 600 rows of a long date and a long number, with room.
pub const MAX_CURVE_CSV_BYTES: usize = 64 * 1024;

/// A curve's points as month offsets from month 0, for interpolation.
#[derive(Debug, Default, Clone)]
pub struct Curve {
    points: Vec<(f64, f64)>,
}

impl Curve {
    /// The points of a validated curve (months in increasing order) relative to `start`; a
    /// point whose month does not parse is left out.
    pub fn new(points: &[CurvePoint], start: YearMonth) -> Curve {
        let origin = start.index();
        Curve {
            points: points
                .iter()
                .filter_map(|p| Some(((YearMonth::parse(&p.month)?.index() - origin) as f64, p.value)))
                .collect(),
        }
    }

    /// The curve's value in month `m`: `None` after its last point (or for no curve); before
    /// its first point, the first value; at a point, exactly its value; between two points,
    /// linear.
    pub fn at(&self, m: u32) -> Option<f64> {
        let x = f64::from(m);
        let &(last, _) = self.points.last()?;
        if x > last {
            return None;
        }
        let i = self.points.partition_point(|&(month, _)| month < x);
        let (month, value) = self.points[i];
        if month == x || i == 0 {
            return Some(value);
        }
        let (m0, v0) = self.points[i - 1];
        Some(v0 + (value - v0) * (x - m0) / (month - m0))
    }
}

/// The value of a curve in month `m` of a projection starting at `start`, as the projection
/// reads it; `None` where the curve does not cover the month.
///
/// ```
/// use minepivot::scenario::CurvePoint;
/// let curve = [CurvePoint::new("2027-01", 100.0), CurvePoint::new("2027-05", 140.0)];
/// let start = minepivot::calendar::YearMonth::parse("2026-12").unwrap(); // ok: a literal month
/// // Before the first point: its value; month 3 (2027-03) is halfway: 120; after the last: none.
/// assert_eq!(minepivot::curve::value_at(&curve, start, 0), Some(100.0));
/// assert_eq!(minepivot::curve::value_at(&curve, start, 3), Some(120.0));
/// assert_eq!(minepivot::curve::value_at(&curve, start, 6), None);
/// ```
pub fn value_at(points: &[CurvePoint], start: YearMonth, m: u32) -> Option<f64> {
    Curve::new(points, start).at(m)
}

/// Reads the curve at `path` (`bitcoin.hashpriceCurve`) from CSV text, checking every point as
/// the scenario's validation does (the registry's range for its value, months in increasing
/// order, at most [`MAX_CURVE_POINTS`]). Every problem is an error on `path` whose message names
/// the row (1-based, as a spreadsheet counts), and no point is returned if there is one.
pub fn from_csv(path: &str, text: &str) -> Result<Vec<CurvePoint>, Vec<ValidationError>> {
    let error =
        |message: String, value: Value| vec![ValidationError::new(path, ErrorCode::InvalidFormat, message, value)];
    let Some(value_field) = crate::fields::get(&format!("{path}[].value")) else {
        return Err(vec![ValidationError::new(
            path,
            ErrorCode::UnknownField,
            "is not a curve of the scenario",
            Value::from(path),
        )]);
    };
    if text.len() > MAX_CURVE_CSV_BYTES {
        let rows = format!("{MAX_CURVE_POINTS} rows of a curve");
        return Err(vec![csv_too_large(path, text.len(), MAX_CURVE_CSV_BYTES, &rows)]);
    }
    let mut points: Vec<CurvePoint> = Vec::new();
    let mut errors = Vec::new();
    let mut previous: Option<(YearMonth, usize)> = None;
    for (row, line, first_row) in csv_rows(text) {
        let fields: Vec<&str> = line
            .split([',', '\t'])
            .map(|f| f.trim().trim_matches('"').trim())
            .collect();
        let parsed = match fields.as_slice() {
            [month, value] => month_of(month).zip(value.parse::<f64>().ok()),
            _ => None,
        };
        let Some((month, value)) = parsed else {
            // A first row that is not a point is a header.
            if first_row && !looks_like_a_point(line) {
                continue;
            }
            let hint = if line.contains(';') {
                " (a semicolon: use a comma between the month and the value, and a point for decimals)"
            } else {
                ""
            };
            errors.extend(error(
                format!("row {row}: expected a month (YYYY-MM) and a number separated by a comma{hint}"),
                Value::from(crate::format::clip(line)),
            ));
            continue;
        };
        if !value_field.contains(value) {
            errors.extend(error(
                format!(
                    "row {row}: the value must be {} (got {})",
                    value_field.allowed(),
                    crate::format::number(value)
                ),
                Value::from(crate::format::clip(line)),
            ));
        }
        if let Some((before, before_row)) = previous {
            if month.index() <= before.index() {
                let what = if month == before { "repeats" } else { "comes before" };
                errors.extend(error(
                    format!("row {row}: {} {what} the month of row {before_row} ({}); months must increase, each given once", month.label(), before.label()),
                    Value::from(crate::format::clip(line)),
                ));
            }
        }
        previous = Some((month, row));
        points.push(CurvePoint {
            month: month.label(),
            value,
        });
        if points.len() > MAX_CURVE_POINTS {
            errors.extend(error(
                format!("row {row}: a curve may have at most {MAX_CURVE_POINTS} points"),
                Value::Null,
            ));
            break;
        }
    }
    if points.is_empty() && errors.is_empty() {
        errors.extend(error(
            "the CSV holds no point: one row per month, \"YYYY-MM,value\"".to_string(),
            Value::Null,
        ));
    }
    if errors.is_empty() {
        Ok(points)
    } else {
        Err(errors)
    }
}

/// `YYYY-MM`, or the month of a date `YYYY-MM-DD`.
fn month_of(text: &str) -> Option<YearMonth> {
    YearMonth::parse(text).or_else(|| crate::calendar::parse_date(text).and(YearMonth::parse(text.get(..7)?)))
}

/// Whether a row that did not read as a point was meant as one (it starts with a digit, as a
/// month or a number does), rather than a header.
fn looks_like_a_point(line: &str) -> bool {
    line.trim_start_matches('"').starts_with(|c: char| c.is_ascii_digit())
}
