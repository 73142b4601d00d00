//! An hourly power price profile (issue 18, first step): a year of hourly prices read from an
//! ISO's CSV, kept per calendar month as sorted prices with prefix sums, so that "which hours
//! of this month does a line run, and what do they cost" is a binary search instead of a pass
//! over 730 hours. Wiring it into the mining and AI pathways, the scenario and the page is the
//! next step; this module is the arithmetic and the reading they rest on.
//!
//! **Economic curtailment.** A line whose revenue per MWh is `b` runs in the hours priced below
//! `b` (an hour at exactly `b` earns nothing either way and is left off): [`MonthPrices::below`]
//! returns how many such hours the month has and the sum of their prices, so the month's energy
//! is hours × MW and its power cost Σ price × MW.
//!
//! **CSV** ([`from_csv`]): the hourly files ISOs publish and `gridstatus` standardises —
//! a header row, then one hour a row, `timestamp,…,price`: the first column an ISO 8601
//! timestamp with its offset (`2024-01-01 00:00:00+00:00`, `2024-01-01T06:00:00-06:00`,
//! `…Z`), the last column the price in USD/MWh. Hours are read in UTC from the offset, so a
//! repeated local hour at the end of daylight saving is a different hour and no hour is lost
//! at its start; a file must hold one whole year of consecutive hours (8,760, or 8,784 in a
//! leap year) starting at a year's first hour in UTC. Negative prices are legal in ERCOT and
//! kept. Every problem names its row, and nothing is read from a file with one.

use serde_json::Value;

use crate::validate::{csv_rows, csv_too_large, ErrorCode, ValidationError};

/// The largest profile CSV read: a year of hours with two timestamps and a price a row is
/// ~620 KB; four times that leaves room for longer columns.
pub const MAX_PROFILE_CSV_BYTES: usize = 2_500_000;

/// The hours of a leap year: the most a profile holds.
pub const MAX_HOURS: usize = crate::fields::MAX_PROFILE_HOURS;

/// The longest count table a month keeps, in cents: $327.67 of prices above its cheapest, which
/// covers all but the scarcity hours of most months (dearer thresholds search the rest).
const MAX_TABLE_CENTS: usize = 32_767;

/// One calendar month of hourly prices, sorted, with their running sums and a count table.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MonthPrices {
    /// Ascending, each price with the sum of the prices up to and including it (side by side,
    /// so that the search's last comparison has loaded the sum).
    pairs: Vec<[f64; 2]>,
    /// When every price is a whole number of cents (the built-in years; an imported year is
    /// rounded to the cent, [`Profile::from_hours`]): `counts[j]` = how many prices are below
    /// `cents_lo + j` cents. "How many hours are below x" is then a look-up at x's cent, not a
    /// search (the risk analysis asks it ten million times). Empty otherwise.
    counts: Vec<u16>,
    cents_lo: i64,
    /// Whether the count table reaches the dearest price (it stops at [`MAX_TABLE_CENTS`]): a
    /// threshold beyond it then has every hour below it.
    whole_table: bool,
}

/// The dearest price's cents above `cents_lo` (−1 for no price or one not in whole cents).
fn span_of(pairs: &[[f64; 2]], cents_lo: i64) -> i64 {
    pairs
        .last()
        .and_then(|p| whole_cents(p[0]))
        .map_or(-1, |top| top - cents_lo)
}

/// `x` as a whole number of cents, if it is one.
fn whole_cents(x: f64) -> Option<i64> {
    let c = (x * 100.0).round();
    // ok: |c| is checked below 2⁵³ first, so the conversion is exact.
    (c.abs() < 9.0e15 && c / 100.0 == x).then_some(c as i64)
}

impl MonthPrices {
    pub fn new(prices: &[f64]) -> MonthPrices {
        let mut sorted = prices.to_vec();
        sorted.sort_unstable_by(f64::total_cmp);
        let mut sum = 0.0;
        let pairs: Vec<[f64; 2]> = sorted
            .iter()
            .map(|&p| {
                sum += p;
                [p, sum]
            })
            .collect();
        let cents: Option<Vec<i64>> = sorted.iter().map(|&p| whole_cents(p)).collect();
        let (mut counts, mut cents_lo) = (Vec::new(), 0);
        if let Some(cents) = cents.filter(|c| !c.is_empty() && c.len() < usize::from(u16::MAX)) {
            cents_lo = cents[0];
            let span = cents[cents.len() - 1] - cents_lo;
            // ok: span ≥ 0 (sorted), and the table is capped at MAX_TABLE_CENTS.
            let len = (span as usize).min(MAX_TABLE_CENTS) + 1;
            counts = Vec::with_capacity(len);
            let mut below = 0usize;
            for j in 0..len as i64 {
                while below < cents.len() && cents[below] < cents_lo + j {
                    below += 1;
                }
                // ok: fewer than 65,535 prices (checked above).
                counts.push(below as u16);
            }
        }
        let whole_table = !counts.is_empty() && counts.len() as i64 > span_of(&pairs, cents_lo);
        MonthPrices {
            pairs,
            counts,
            cents_lo,
            whole_table,
        }
    }

    /// Hours in the month.
    pub fn hours(&self) -> usize {
        self.pairs.len()
    }

    /// The hours priced strictly below `threshold` USD/MWh and the sum of their prices.
    ///
    /// ```
    /// let m = minepivot::profile::MonthPrices::new(&[80.0, 20.0, -5.0, 60.0, 30.0]);
    /// // Below $60: −5, 20 and 30 → 3 hours costing $45 per MW; $60 itself is left off.
    /// assert_eq!(m.below(60.0), (3, 45.0));
    /// ```
    #[inline(always)]
    pub fn below(&self, threshold: f64) -> (usize, f64) {
        let n = self.count_below(threshold);
        (n, self.sum_cheapest(n))
    }

    /// How many prices are below `threshold`: the count table at the threshold's cent
    /// ([`MonthPrices::count_below_cents`]), a search where the table does not answer.
    #[inline(always)]
    fn count_below(&self, threshold: f64) -> usize {
        self.count_below_cents(threshold * 100.0)
            .unwrap_or_else(|| self.pairs.partition_point(|p| p[0] < threshold))
    }

    /// How many prices are below `x100` ÷ 100 USD/MWh (a threshold given in cents, so that a
    /// caller who has it in cents saves the multiplication), when the month has a count table
    /// and the threshold is finite (`None` otherwise): the month's [`CountTable`] answers, and
    /// above the reach of a table that stops short of the dearest price those hours are
    /// searched.
    #[inline(always)]
    pub fn count_below_cents(&self, x100: f64) -> Option<usize> {
        if x100.is_nan() || x100.abs() >= 1.0e14 {
            return None;
        }
        let table = self.table()?;
        if let Some(n) = table.count_below_cents(x100) {
            return Some(n as usize);
        }
        // Above a table that stops short of the dearest price: the hours it does not cover,
        // searched by their cents (a price of c cents is below when c < ⌈x100⌉, i.e. c < x100).
        let start = self.counts.last().map_or(0, |&n| usize::from(n));
        Some(start + self.pairs[start..].partition_point(|p| (p[0] * 100.0).round() < x100))
    }

    /// The count table and running sums for a hot loop ([`CountTable`]); `None` for a month
    /// whose prices are not all whole cents.
    pub fn table(&self) -> Option<CountTable<'_>> {
        (!self.counts.is_empty()).then(|| CountTable {
            beyond: self.whole_table.then_some(self.pairs.len() as u32),
            counts: &self.counts,
            // ok: the cheapest price's cents, |c| < 9 × 10¹⁵ (whole_cents), exact as f64.
            cents_lo: self.cents_lo as f64,
            pairs: &self.pairs,
        })
    }

    /// The sum of the `n` cheapest prices (of all of them for `n` ≥ the hours).
    #[inline(always)]
    pub fn sum_cheapest(&self, n: usize) -> f64 {
        match n.min(self.pairs.len()) {
            0 => 0.0,
            n => self.pairs[n - 1][1],
        }
    }

    /// The average price of the month's hours (0 for none).
    pub fn mean(&self) -> f64 {
        match self.pairs.len() {
            0 => 0.0,
            n => self.sum_cheapest(n) / n as f64,
        }
    }

    /// The price of rank `n` from the cheapest (0: the cheapest); the dearest for `n` past the end.
    pub fn nth_cheapest(&self, n: usize) -> f64 {
        match self.pairs.len() {
            0 => 0.0,
            len => self.pairs[n.min(len - 1)][0],
        }
    }

    /// The prices, cheapest first: the month's duration curve read from the right.
    pub fn sorted(&self) -> impl ExactSizeIterator<Item = f64> + '_ {
        self.pairs.iter().map(|p| p[0])
    }
}

/// A month's count table borrowed for a hot loop (the risk analysis asks it millions of
/// times): the same answers as [`MonthPrices::count_below_cents`] and
/// [`MonthPrices::sum_cheapest`], without their general cases.
#[derive(Debug, Clone, Copy)]
pub struct CountTable<'a> {
    /// The hours, when the table reaches the dearest price: the count beyond its end.
    beyond: Option<u32>,
    counts: &'a [u16],
    cents_lo: f64,
    pairs: &'a [[f64; 2]],
}

impl CountTable<'_> {
    /// How many prices are below `x100` ÷ 100 USD/MWh when the table reaches that far
    /// (`None` above it, or for NaN: ask [`MonthPrices::count_below_cents`]).
    #[inline(always)]
    pub fn count_below_cents(&self, x100: f64) -> Option<u32> {
        // j = ⌈x100⌉ − cents_lo, in floating point: both are whole numbers below 2⁵³ here.
        let j = x100 - self.cents_lo;
        if j <= 0.0 {
            return Some(0);
        }
        if j < self.counts.len() as f64 {
            // ok: 0 < j < the table's length (≤ 32,768), so the truncation is exact and in
            // range. Signed 32-bit, not usize: the conversions are one instruction each way
            // on x86-64 and in V8's wasm, where unsigned ones take a dozen.
            let mut i = j as i32;
            if f64::from(i) < j {
                i += 1;
            }
            // Past the last entry (j within a cent of the end): beyond it.
            return self.counts.get(i as usize).map_or(self.beyond, |&n| Some(u32::from(n)));
        }
        // Beyond the table: every hour, if it reaches the dearest price (NaN is not beyond).
        if j >= self.counts.len() as f64 {
            return self.beyond;
        }
        None
    }

    /// The sum of the `n` cheapest prices, 0 < `n` ≤ the hours.
    #[inline(always)]
    pub fn sum_cheapest(&self, n: u32) -> f64 {
        self.pairs.get(n as usize - 1).map_or(0.0, |p| p[1])
    }
}

/// One ASIC line's month against an hourly profile: the hours it runs, the energy it draws and
/// what that energy costs.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct LineMonth {
    pub hours_run: usize,
    pub energy_mwh: f64,
    pub power_cost_usd: f64,
}

/// Economic curtailment of one line in one month: the line draws `facility_mw` while it runs
/// and earns `revenue_usd_per_mwh` for every MWh it draws (its hashprice revenue per TH/s-hour
/// ÷ its MWh per TH/s-hour); the hour's price is the profile's × `factor` (the scenario's price
/// level ÷ the profile's mean, times the escalation to that month — 1 to use the file as is).
/// It runs in the hours whose price is below its revenue: with factor k > 0 those are the
/// profile hours below `revenue ÷ k`, one binary search ([`MonthPrices::below`]), and their cost
/// is k × their summed profile price × MW.
///
/// ```
/// use minepivot::profile::{line_month, MonthPrices};
/// // Five hours at $-5, 20, 30, 60, 80; a 2 MW line earning $60/MWh, prices as in the file:
/// // it runs the three hours below $60, drawing 6 MWh for 2 × (−5 + 20 + 30) = $90.
/// let m = MonthPrices::new(&[80.0, 20.0, -5.0, 60.0, 30.0]);
/// let l = line_month(&m, 60.0, 2.0, 1.0);
/// assert_eq!((l.hours_run, l.energy_mwh, l.power_cost_usd), (3, 6.0, 90.0));
/// // The same month at twice the price level: the line runs below $30 of the file, 2 hours.
/// assert_eq!(line_month(&m, 60.0, 2.0, 2.0).hours_run, 2);
/// ```
pub fn line_month(month: &MonthPrices, revenue_usd_per_mwh: f64, facility_mw: f64, factor: f64) -> LineMonth {
    // NaN, zero or negative: no load, no hours (NaN fails both comparisons).
    let positive = |x: f64| x.partial_cmp(&0.0) == Some(std::cmp::Ordering::Greater);
    if !positive(factor) || !positive(facility_mw) {
        return LineMonth::default();
    }
    let (hours_run, profile_cost) = month.below(revenue_usd_per_mwh / factor);
    LineMonth {
        hours_run,
        energy_mwh: hours_run as f64 * facility_mw,
        power_cost_usd: profile_cost * factor * facility_mw,
    }
}

/// A year of hourly prices by calendar month (UTC), as read from a file.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Profile {
    /// The year of the first hour.
    pub year: i32,
    /// January to December.
    pub months: Vec<MonthPrices>,
    /// Every hour's price in file order (for the duration curve and the shape).
    pub hourly: Vec<f64>,
}

impl Profile {
    /// A year from its hours in order from 1 January 00:00 UTC: 8,760 (a common year) or 8,784
    /// (a leap year); `None` for any other count. Prices are used to the cent (half a cent per
    /// MWh at most, as the built-in years are stored).
    pub fn from_hours(hours: &[f64]) -> Option<Profile> {
        let leap = match hours.len() {
            8_760 => false,
            MAX_HOURS => true,
            _ => return None,
        };
        let mut months = Vec::with_capacity(12);
        let mut start = 0;
        for month in 1..=12u32 {
            let days = match month {
                2 if leap => 29,
                2 => 28,
                4 | 6 | 9 | 11 => 30,
                _ => 31,
            };
            let end = start + days * 24;
            // To the cent, as the built-in years: a look-up per question instead of a search.
            let cents: Vec<f64> = hours[start..end].iter().map(|&x| (x * 100.0).round() / 100.0).collect();
            months.push(MonthPrices::new(&cents));
            start = end;
        }
        Some(Profile {
            year: 0,
            months,
            hourly: hours.to_vec(),
        })
    }

    /// The mean of the twelve monthly means, USD/MWh: the average a load drawing the same
    /// power in every hour pays when every month counts 730.5 hours.
    pub fn monthly_mean(&self) -> f64 {
        if self.months.is_empty() {
            return 0.0;
        }
        self.months.iter().map(MonthPrices::mean).sum::<f64>() / self.months.len() as f64
    }

    /// The average price over the year, USD/MWh.
    pub fn mean(&self) -> f64 {
        if self.hourly.is_empty() {
            0.0
        } else {
            self.hourly.iter().sum::<f64>() / self.hourly.len() as f64
        }
    }
}

/// A year read from CSV as a scenario holds it (`power.importedProfile`), with what a person
/// checks before using it.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct ImportedProfile {
    /// The file's name, for `power.importedProfileName`.
    pub name: String,
    /// The year of its first hour (UTC).
    pub year: i32,
    /// Every hour's price in order from 1 January 00:00 UTC, USD/MWh.
    pub hours: Vec<f64>,
    pub average_usd_per_mwh: f64,
    pub lowest_usd_per_mwh: f64,
    pub highest_usd_per_mwh: f64,
    /// Hours priced below 0 (legal in ERCOT; kept and used).
    pub negative_hours: u32,
}

/// Reads a year of hourly prices from CSV ([`from_csv`]) for `power.importedProfile`; `name`
/// is kept with it (the file's name).
pub fn import(name: &str, text: &str) -> Result<ImportedProfile, Vec<ValidationError>> {
    let p = from_csv("power.importedProfile", text)?;
    let hours = p.hourly;
    let fold = |f: fn(f64, f64) -> f64, start: f64| hours.iter().copied().fold(start, f);
    Ok(ImportedProfile {
        name: crate::format::clip(name.trim()),
        year: p.year,
        average_usd_per_mwh: hours.iter().sum::<f64>() / hours.len().max(1) as f64,
        lowest_usd_per_mwh: fold(f64::min, f64::INFINITY),
        highest_usd_per_mwh: fold(f64::max, f64::NEG_INFINITY),
        // ok: at most 8,784 hours.
        negative_hours: hours.iter().filter(|&&x| x < 0.0).count() as u32,
        hours,
    })
}

/// An instant of a CSV row, in hours since 1970-01-01 00:00 UTC.
fn utc_hour(text: &str) -> Option<i64> {
    let text = text.trim().trim_matches('"');
    let b = text.as_bytes();
    // YYYY-MM-DD, then ' ' or 'T', HH:MM[:SS[.fff]], then Z or ±HH:MM.
    if b.len() < 16 || !(b[10] == b' ' || b[10] == b'T') || b[13] != b':' {
        return None;
    }
    let day = crate::calendar::parse_date(text.get(..10)?)?;
    let hour: i64 = text.get(11..13)?.parse().ok()?;
    let minute: i64 = text.get(14..16)?.parse().ok()?;
    if !(0..24).contains(&hour) || minute != 0 {
        return None;
    }
    let rest = &text[16..];
    let rest = match rest.strip_prefix(':') {
        Some(r) => {
            let seconds = r.get(..2)?;
            if seconds != "00" {
                return None;
            }
            r[2..].trim_start_matches(|c: char| c == '.' || c.is_ascii_digit())
        }
        None => rest,
    };
    let offset_minutes = match rest {
        "Z" | "+00:00" | "+0000" => 0,
        o if (o.starts_with('+') || o.starts_with('-')) && (o.len() == 6 || o.len() == 5) => {
            let sign = if o.starts_with('-') { -1 } else { 1 };
            let digits: String = o[1..].chars().filter(char::is_ascii_digit).collect();
            if digits.len() != 4 {
                return None;
            }
            let h: i64 = digits[..2].parse().ok()?;
            let m: i64 = digits[2..].parse().ok()?;
            sign * (h * 60 + m)
        }
        _ => return None,
    };
    if offset_minutes % 60 != 0 {
        return None;
    }
    Some(day * 24 + hour - offset_minutes / 60)
}

/// The calendar month (1–12) and year of an hour since the epoch, in UTC.
fn month_of_hour(hour: i64) -> (i32, u32) {
    let day = hour.div_euclid(24);
    let (y, m, _) = crate::calendar::civil_from_days(day);
    (y, m)
}

/// Reads a year of hourly prices from CSV (see the module docs). `field` names the input the
/// errors belong to (`site.priceProfile`).
pub fn from_csv(field: &str, text: &str) -> Result<Profile, Vec<ValidationError>> {
    let error = |message: String, value: Value| ValidationError::new(field, ErrorCode::InvalidFormat, message, value);
    if text.len() > MAX_PROFILE_CSV_BYTES {
        let what = "a year of hours";
        return Err(vec![csv_too_large(field, text.len(), MAX_PROFILE_CSV_BYTES, what)]);
    }
    let mut errors = Vec::new();
    // The prices a scenario's imported year may hold (`power.importedProfile`), checked here
    // so that the row is named and no summary of the year overflows (1e308 an hour).
    let (lowest, highest) = crate::fields::get("power.importedProfile").map_or((f64::MIN, f64::MAX), |f| f.range());
    // (hour since the epoch, price, the row it was read from)
    let mut hours: Vec<(i64, f64, usize)> = Vec::with_capacity(8_784);
    for (row, line, first_row) in csv_rows(text) {
        let fields: Vec<&str> = line.split(',').map(str::trim).collect();
        let instant = fields.first().and_then(|f| utc_hour(f));
        let price = fields
            .last()
            .filter(|_| fields.len() >= 2)
            .and_then(|p| p.trim_matches('"').parse::<f64>().ok());
        match (instant, price) {
            (Some(h), Some(p)) if (lowest..=highest).contains(&p) => hours.push((h, p, row)),
            (Some(_), Some(_)) => errors.push(error(
                format!(
                    "row {row}: the price must be between {} and {} USD/MWh",
                    crate::format::number(lowest),
                    crate::format::number(highest)
                ),
                Value::from(crate::format::clip(line)),
            )),
            // A first row that is not an hour is the header.
            (None, _) if first_row => {}
            (None, _) => errors.push(error(
                format!(
                    "row {row}: expected a timestamp with its offset (2024-01-01 00:00:00+00:00) in the first column"
                ),
                Value::from(crate::format::clip(line)),
            )),
            (Some(_), None) => errors.push(error(
                format!("row {row}: expected a price in USD/MWh in the last column"),
                Value::from(crate::format::clip(line)),
            )),
        }
        if errors.len() >= 20 {
            break;
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let Some(&(first, _, _)) = hours.first() else {
        return Err(vec![error(
            "the CSV holds no hour: a header, then one row an hour, \"timestamp,price\"".to_string(),
            Value::from(crate::format::clip(text.trim())),
        )]);
    };
    // Consecutive hours: each row one hour after the one before.
    for pair in hours.windows(2) {
        let (a, b, row) = (pair[0].0, pair[1].0, pair[1].2);
        if b != a + 1 {
            let what = match b - a {
                0 => "repeats the hour before".to_string(),
                d if d < 0 => "comes before the hour before".to_string(),
                d => format!(
                    "leaves {} hour{} out after the row before",
                    d - 1,
                    if d == 2 { "" } else { "s" }
                ),
            };
            errors.push(error(
                format!("row {row}: {what}; a profile is one year of consecutive hours"),
                Value::Null,
            ));
            if errors.len() >= 20 {
                break;
            }
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let (year, month) = month_of_hour(first);
    let year_hours = if crate::calendar::is_leap_year(year) {
        8_784
    } else {
        8_760
    };
    if month != 1 || first.rem_euclid(24) != 0 || month_of_hour(first - 1).0 == year {
        return Err(vec![error(
            "the first hour must be the first hour of a year in UTC (YYYY-01-01 00:00 UTC)".to_string(),
            Value::Null,
        )]);
    }
    if hours.len() != year_hours {
        return Err(vec![error(
            format!("holds {} hours; the year {year} has {year_hours}", hours.len()),
            Value::from(hours.len()),
        )]);
    }
    let mut by_month: Vec<Vec<f64>> = (0..12).map(|_| Vec::with_capacity(744)).collect();
    for &(h, p, _) in &hours {
        let (_, m) = month_of_hour(h);
        by_month[(m - 1) as usize].push(p);
    }
    Ok(Profile {
        year,
        months: by_month.iter().map(|prices| MonthPrices::new(prices)).collect(),
        hourly: hours.iter().map(|&(_, p, _)| p).collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_are_read_in_utc_from_their_offset() {
        let h = utc_hour("2024-01-01 00:00:00+00:00").unwrap();
        assert_eq!(utc_hour("2023-12-31 18:00:00-06:00"), Some(h));
        assert_eq!(utc_hour("2024-01-01T00:00:00Z"), Some(h));
        assert_eq!(utc_hour("2024-01-01T01:00+01:00"), Some(h));
        assert_eq!(utc_hour("2024-01-01 00:30:00+00:00"), None);
        assert_eq!(utc_hour("2024-01-01 00:00:00"), None, "no offset");
        assert_eq!(utc_hour("2024-13-01 00:00:00+00:00"), None);
    }

    #[test]
    fn a_line_at_a_60_dollar_break_even_runs_exactly_the_hours_below_it() {
        // The 730-hour month below; a 10 MW line earning $60 per MWh it draws, prices as in
        // the file (factor 1): it runs the 530 hours below $60 (30 at $10, 500 at $40), draws
        // 5,300 MWh, pays 10 × (30 × 10 + 500 × 40) = $203,000 and earns 5,300 × 60 = $318,000.
        let mut prices = vec![10.0; 30];
        prices.extend(vec![40.0; 500]);
        prices.extend(vec![70.0; 170]);
        prices.extend(vec![300.0; 30]);
        let m = MonthPrices::new(&prices);
        let l = line_month(&m, 60.0, 10.0, 1.0);
        assert_eq!(l.hours_run, 530);
        assert_eq!(l.energy_mwh, 5_300.0);
        assert_eq!(l.power_cost_usd, 203_000.0);
        assert_eq!(l.energy_mwh * 60.0, 318_000.0);
        // Scaled up 1.25× (a dearer year): the threshold is 60 ÷ 1.25 = $48 of the file, the same
        // 530 hours, costing 1.25 × $203,000 = $253,750.
        let l = line_month(&m, 60.0, 10.0, 1.25);
        assert_eq!((l.hours_run, l.power_cost_usd), (530, 253_750.0));
        // At 1.6× the threshold is $37.50: only the 30 hours at $10 run.
        assert_eq!(line_month(&m, 60.0, 10.0, 1.6).hours_run, 30);
        // A flat profile at today's price runs every hour or none, as the flat model does.
        let flat = MonthPrices::new(&[45.0; 730]);
        assert_eq!(line_month(&flat, 45.01, 1.0, 1.0).hours_run, 730);
        assert_eq!(line_month(&flat, 44.99, 1.0, 1.0).hours_run, 0);
    }

    #[test]
    fn a_month_costs_a_search() {
        // 730 hours: 30 at $10, 500 at $40, 170 at $70, 30 at $300. A line that breaks even at
        // $60/MWh runs the 530 hours below it, paying 30 × 10 + 500 × 40 = $20,300 per MW.
        let mut prices = vec![10.0; 30];
        prices.extend(vec![40.0; 500]);
        prices.extend(vec![70.0; 170]);
        prices.extend(vec![300.0; 30]);
        let m = MonthPrices::new(&prices);
        assert_eq!(m.hours(), 730);
        assert_eq!(m.below(60.0), (530, 20_300.0));
        assert_eq!(m.below(10.0), (0, 0.0));
        assert_eq!(m.below(1e9), (730, 20_300.0 + 170.0 * 70.0 + 30.0 * 300.0));
        // Mean: (300 + 20,000 + 11,900 + 9,000) ÷ 730 = 41,200 ÷ 730 = $56.44.
        assert!((m.mean() - 41_200.0 / 730.0).abs() < 1e-12);
    }

    #[test]
    fn the_hot_loops_table_counts_as_the_month_does_up_to_and_beyond_its_dearest_hour() {
        // Prices from −$12.34 to $98.76: the table reaches the dearest, so a threshold beyond
        // it counts every hour; a month with a $5,000 hour stops its table at $327.67 above its
        // cheapest, and a threshold past that is left to the search (None).
        let m = MonthPrices::new(&[-12.34, 0.0, 25.5, 25.5, 40.01, 98.76]);
        let t = m.table().expect("whole cents");
        for x100 in [
            -5_000.0, -1_234.0, -1_233.5, 0.0, 0.5, 2_550.0, 2_550.01, 4_001.0, 9_875.5, 9_876.0, 9_876.2, 9_877.0, 1e9,
        ] {
            let general = m.count_below_cents(x100).expect("a table");
            assert_eq!(t.count_below_cents(x100), Some(general as u32), "at {x100} cents");
        }
        // Below $98.76 exactly: the five cheaper hours; just above it: all six.
        assert_eq!(t.count_below_cents(9_876.0), Some(5));
        assert_eq!(t.count_below_cents(9_876.000_001), Some(6));
        let spiky = MonthPrices::new(&[20.0, 30.0, 5_000.0]);
        let t = spiky.table().expect("whole cents");
        assert_eq!(t.count_below_cents(3_100.0), Some(2));
        assert_eq!(t.count_below_cents(40_000.0), None);
        assert_eq!(spiky.count_below_cents(40_000.0), Some(2));
        assert_eq!(t.count_below_cents(f64::NAN), None);
    }
}
