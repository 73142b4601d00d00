//! NPV, IRR, payback over monthly end-of-month cash flows. (Issue 5.)

/// Monthly rate equivalent to an annual rate: (1 + r)^(1/12) − 1.
pub fn monthly_rate(annual_pct: f64) -> f64 {
    (1.0 + annual_pct / 100.0).powf(1.0 / 12.0) - 1.0
}
