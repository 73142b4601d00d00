//! Months, dates and growth: the model's clock.
//!
//! Every month is 365.25 / 12 = 30.4375 days = 730.5 hours; there is no calendar
//! irregularity in the cash flows. Calendar dates are only used to place month 0
//! (`startMonth`) relative to the bitcoin block-height anchor (`anchorDate`).

/// Days in every model month: 365.25 / 12.
pub const DAYS_PER_MONTH: f64 = 30.4375;
/// Hours in every model month: 30.4375 × 24.
pub const HOURS_PER_MONTH: f64 = 730.5;

/// A calendar month, `"YYYY-MM"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct YearMonth {
    pub year: i32,
    /// 1–12.
    pub month: u32,
}

impl YearMonth {
    /// Parses `"YYYY-MM"` (years 1970–2200). `None` for anything else.
    pub fn parse(text: &str) -> Option<YearMonth> {
        // Byte by byte: curves of hundreds of points are read on every projection.
        let b = text.as_bytes();
        if b.len() != 7 || b[4] != b'-' {
            return None;
        }
        let digit = |i: usize| b[i].is_ascii_digit().then(|| u32::from(b[i] - b'0'));
        let year = digit(0)? * 1000 + digit(1)? * 100 + digit(2)? * 10 + digit(3)?;
        let month = digit(5)? * 10 + digit(6)?;
        if !(1970..=2200).contains(&year) || !(1..=12).contains(&month) {
            return None;
        }
        Some(YearMonth {
            year: year as i32,
            month,
        })
    }

    /// The month `offset` months later.
    pub fn plus(self, offset: u32) -> YearMonth {
        let index = self.year as i64 * 12 + (self.month as i64 - 1) + offset as i64;
        YearMonth {
            year: (index.div_euclid(12)) as i32,
            month: (index.rem_euclid(12) + 1) as u32,
        }
    }

    /// Days from 1970-01-01 to the first day of this month.
    pub fn first_day(self) -> i64 {
        days_from_civil(self.year, self.month, 1)
    }

    /// Months since January of year 0: consecutive months are consecutive numbers.
    pub fn index(self) -> i64 {
        self.year as i64 * 12 + (self.month as i64 - 1)
    }

    pub fn label(self) -> String {
        format!("{:04}-{:02}", self.year, self.month)
    }
}

/// Parses `"YYYY-MM-DD"` into days since 1970-01-01. `None` for anything else,
/// including days that do not exist (2023-02-29).
pub fn parse_date(text: &str) -> Option<i64> {
    let mut parts = text.split('-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return None;
    }
    let year: i32 = y.parse().ok()?;
    let month: u32 = m.parse().ok()?;
    let day: u32 = d.parse().ok()?;
    if !(1970..=2200).contains(&year) || !(1..=12).contains(&month) {
        return None;
    }
    if day < 1 || day > days_in_month(year, month) {
        return None;
    }
    Some(days_from_civil(year, month, day))
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if is_leap_year(year) => 29,
        _ => 28,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's `days_from_civil`).
pub fn days_from_civil(year: i32, month: u32, day: u32) -> i64 {
    let y = if month <= 2 { year - 1 } else { year } as i64;
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = month as i64;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + day as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Whether `year` has a 29 February.
pub fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// The (year, month, day) of a day since 1970-01-01 (H. Hinnant's `civil_from_days`), the
/// inverse of [`days_from_civil`].
pub fn civil_from_days(days: i64) -> (i32, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
    (year, month, day)
}

/// Continuous growth: `value₀ × (1 + g/100)^(month/12)`.
pub fn grow(value: f64, pct_per_year: f64, month: f64) -> f64 {
    value * (1.0 + pct_per_year / 100.0).powf(month / 12.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn epoch_and_known_dates() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        // 2000-03-01 is 11,017 days after the epoch (30 years × 365 + 7 leap days + 59 days of 2000).
        assert_eq!(days_from_civil(2000, 3, 1), 11_017);
        assert_eq!(parse_date("2024-04-20"), Some(19_833));
        assert_eq!(parse_date("2023-02-29"), None);
        assert_eq!(parse_date("2024-02-29"), Some(19_782));
    }

    #[test]
    fn civil_from_days_inverts_days_from_civil() {
        for (y, m, d) in [
            (1970, 1, 1),
            (2000, 2, 29),
            (2000, 3, 1),
            (2024, 12, 31),
            (2100, 3, 1),
            (1969, 12, 31),
        ] {
            assert_eq!(civil_from_days(days_from_civil(y, m, d)), (y, m, d));
        }
    }

    #[test]
    fn months_roll_over_years() {
        let start = YearMonth::parse("2026-11").unwrap();
        assert_eq!(start.plus(2).label(), "2027-01");
        assert_eq!(start.plus(14).label(), "2028-01");
        assert!(YearMonth::parse("2026-13").is_none());
        assert!(YearMonth::parse("26-01").is_none());
    }

    #[test]
    fn growth_is_continuous() {
        // 100 at 21 %/yr after 6 months: 100 × 1.21^0.5 = 110 exactly.
        assert!((grow(100.0, 21.0, 6.0) - 110.0).abs() < 1e-9);
    }
}
