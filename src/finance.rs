//! NPV, IRR and payback over monthly end-of-month cash flows, and the bracketing root
//! finder the IRR and the break-evens share.
//!
//! Conventions (docs/model.md "Time"): flow `i` falls at the end of month `i`, so it is discounted
//! by `(1 + r_m)^(i + 1)` where `r_m = (1 + r)^(1/12) − 1` is the monthly rate equivalent to
//! the annual rate `r`. Every function here is pure, allocation-free and never returns NaN or
//! infinity for finite input: an answer that does not exist is `None` / `Err` with a reason.

/// Monthly rate equivalent to an annual rate given in %: `(1 + r/100)^(1/12) − 1`.
///
/// ```
/// use minepivot::finance::monthly_rate;
/// // 12.6825 % a year compounds from exactly 1 % a month: 1.01^12 = 1.126825.
/// assert!((monthly_rate(12.682503013196976) - 0.01).abs() < 1e-15);
/// assert_eq!(monthly_rate(0.0), 0.0);
/// ```
pub fn monthly_rate(annual_pct: f64) -> f64 {
    (1.0 + annual_pct / 100.0).powf(1.0 / 12.0) - 1.0
}

/// Net present value at an annual rate (%) of end-of-month flows:
/// `NPV = Σᵢ flows[i] / (1 + r_m)^(i + 1)`, with `r_m` = [`monthly_rate`].
///
/// ```
/// use minepivot::finance::npv;
/// // At 0 % the NPV is the plain sum.
/// assert_eq!(npv(0.0, &[-100.0, 60.0, 60.0]), 20.0);
/// // 12.6825 % a year = 1 % a month: 101 at the end of month 0 is worth 100 today.
/// assert!((npv(12.682503013196976, &[101.0]) - 100.0).abs() < 1e-9);
/// ```
pub fn npv(annual_pct: f64, flows: &[f64]) -> f64 {
    let v = 1.0 / (1.0 + monthly_rate(annual_pct));
    // Repeated multiplication instead of powf per month: ~1e-14 relative drift over 360
    // months, far below a cent on a billion.
    let mut factor = 1.0;
    let mut sum = 0.0;
    for &flow in flows {
        factor *= v;
        sum += flow * factor;
    }
    sum
}

/// Why a set of flows has no internal rate of return.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoIrr {
    /// Every flow has the same sign (or is zero): no rate makes the NPV zero.
    NoSignChange,
    /// The flows change sign, but no annual rate between −99 % and +10,000 % zeroes the NPV.
    NoRootInRange,
}

impl NoIrr {
    /// A sentence for the report's `irrNote`.
    pub fn reason(self) -> &'static str {
        match self {
            NoIrr::NoSignChange => "no IRR: the cash flows never change sign",
            NoIrr::NoRootInRange => "no IRR: no rate between −99 % and +10,000 % a year sets the NPV to zero",
        }
    }
}

/// An internal rate of return and how many rates solve the flows.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct IrrSolution {
    /// Annualised IRR, %: `((1 + irr_m)^12 − 1) × 100`.
    pub annual_pct: f64,
    /// The monthly rate that zeroes the NPV.
    pub monthly: f64,
    /// Rates found that zero the NPV (more than one for some non-conventional flows; the one
    /// nearest 0 % a month is returned, as numpy-financial does).
    pub roots: u32,
}

/// Annual rates scanned for a sign change, as `ln(1 + r_annual)`: −99 % … +10,000 %.
const IRR_LOG_LO: f64 = -4.605_170_185_988_091; // ln(0.01)
const IRR_LOG_HI: f64 = 4.615_120_516_934_264; // ln(101)
/// Scan intervals: 120 steps of ln(1+r) ≈ 0.077 (each step ≈ ×1.08 on 1 + r_annual).
const IRR_SCAN_STEPS: usize = 120;

/// `Σ flows[i] · x^(i+1)` by Horner's rule, where `x = 1 / (1 + r_m)`: the NPV as a
/// polynomial in the discount factor.
fn npv_at_factor(flows: &[f64], x: f64) -> f64 {
    flows.iter().rev().fold(0.0, |acc, &f| (acc + f) * x)
}

/// The internal rate of return, solved monthly and annualised, with the reason where none
/// exists.
///
/// Method: the NPV is scanned over `u = ln(1 + r_m)` from −99 % to +10,000 % a year in 120
/// steps; every interval with a sign change is solved by Brent's method ([`find_root`]), which
/// keeps the root bracketed and so cannot diverge. Where several rates solve the flows, the
/// one nearest 0 % a month is returned (numpy-financial's rule). Two roots closer together
/// than one scan step (≈ 8 % on `1 + r`) cancel out and are not seen.
///
/// ```
/// use minepivot::finance::{irr_solve, NoIrr};
/// // −100 then +110 a month later: 10 % a month, 1.1^12 − 1 = 213.84 % a year.
/// let irr = irr_solve(&[-100.0, 110.0]).unwrap(); // ok: a doc example with a known root
/// assert!((irr.monthly - 0.10).abs() < 1e-12);
/// assert!((irr.annual_pct - 213.842_837_672_1).abs() < 1e-6);
/// assert_eq!(irr_solve(&[5.0, 10.0]), Err(NoIrr::NoSignChange));
/// ```
pub fn irr_solve(flows: &[f64]) -> Result<IrrSolution, NoIrr> {
    let has_positive = flows.iter().any(|&f| f > 0.0);
    let has_negative = flows.iter().any(|&f| f < 0.0);
    if !(has_positive && has_negative) {
        return Err(NoIrr::NoSignChange);
    }
    // Scaled so that Brent's tolerances are relative to the flows' size.
    let scale = flows.iter().fold(0.0_f64, |m, &f| m.max(f.abs()));
    let npv_u = |u: f64| npv_at_factor(flows, (-u / 12.0).exp()) / scale;

    let step = (IRR_LOG_HI - IRR_LOG_LO) / IRR_SCAN_STEPS as f64;
    let u_at = |i: usize| IRR_LOG_LO + step * i as f64;
    // The whole grid first, four discount factors per pass over the flows: four independent
    // Horner chains keep the CPU busy where one would wait on each multiply-add.
    let mut grid = [0.0; IRR_SCAN_STEPS + 1];
    for (c, chunk) in grid.chunks_mut(4).enumerate() {
        let mut x = [0.0; 4];
        for (j, xj) in x.iter_mut().enumerate() {
            *xj = (-u_at(4 * c + j) / 12.0).exp();
        }
        let mut acc = [0.0; 4];
        for &f in flows.iter().rev() {
            for j in 0..4 {
                acc[j] = (acc[j] + f) * x[j];
            }
        }
        for (value, a) in chunk.iter_mut().zip(acc) {
            *value = a / scale;
        }
    }

    let mut best: Option<f64> = None;
    let mut roots = 0;
    let mut keep = |u: f64| {
        roots += 1;
        let monthly = (u / 12.0).exp_m1();
        if best.is_none_or(|b| monthly.abs() < b.abs()) {
            best = Some(monthly);
        }
    };
    for i in 0..IRR_SCAN_STEPS {
        let (f_lo, f_hi) = (grid[i], grid[i + 1]);
        if f_lo == 0.0 {
            keep(u_at(i));
        } else if f_hi != 0.0 && (f_lo < 0.0) != (f_hi < 0.0) {
            // The grid's values at the ends (the same sums, four at a time).
            if let Some(u) = find_root_from(npv_u, (u_at(i), f_lo), (u_at(i + 1), f_hi), 1e-13) {
                keep(u);
            }
        }
    }
    if grid[IRR_SCAN_STEPS] == 0.0 {
        keep(u_at(IRR_SCAN_STEPS));
    }
    match best {
        Some(monthly) => Ok(IrrSolution {
            annual_pct: (12.0 * monthly.ln_1p()).exp_m1() * 100.0,
            monthly,
            roots,
        }),
        None => Err(NoIrr::NoRootInRange),
    }
}

/// Annualised IRR in %, `(1 + irr_m)^12 − 1`, or `None` where no rate zeroes the NPV (see
/// [`irr_solve`] for the reason and the method).
///
/// ```
/// use minepivot::finance::{irr, npv};
/// let flows = [-1_000.0, 300.0, 400.0, 500.0];
/// let rate = irr(&flows).unwrap(); // ok: a doc example with a known root
/// assert!(npv(rate, &flows).abs() < 1e-9);
/// assert_eq!(irr(&[100.0, 200.0]), None);
/// ```
pub fn irr(flows: &[f64]) -> Option<f64> {
    irr_solve(flows).ok().map(|s| s.annual_pct)
}

/// The modified internal rate of return, annualised, %, as numpy-financial's `mirr` (and
/// spreadsheets) compute it over periods `0 … n − 1`: the negative flows discounted to the
/// first at the finance rate, the positive ones compounded to the last at the reinvestment
/// rate (both annual %, as monthly equivalents), `MIRR_m = (FV⁺ ÷ −PV⁻)^(1/(n − 1)) − 1`,
/// annualised `(1 + MIRR_m)^12 − 1`. Unlike the IRR it is unique for any flows; `None`
/// without both signs.
///
/// ```
/// use minepivot::finance::mirr;
/// // −1,000 then +1,210 two months later, at 0 % finance and reinvestment rates: the money
/// // grows 1.21× over two months, 10 % a month: 1.1^12 − 1 = 213.84 % a year.
/// let m = mirr(&[-1_000.0, 0.0, 1_210.0], 0.0, 0.0).unwrap(); // ok: a doc example with a known answer
/// assert!((m - 213.842_837_672_1).abs() < 1e-6);
/// assert_eq!(mirr(&[1.0, 2.0], 10.0, 10.0), None);
/// ```
pub fn mirr(flows: &[f64], finance_pct: f64, reinvest_pct: f64) -> Option<f64> {
    let n = flows.len();
    let (f, r) = (monthly_rate(finance_pct), monthly_rate(reinvest_pct));
    if n < 2 {
        return None;
    }
    // Discount and compound factors multiplied up, not a powi per flow.
    let (mut discount, mut pv_negative) = (1.0, 0.0);
    for &x in flows {
        if x < 0.0 {
            pv_negative += x * discount;
        }
        discount /= 1.0 + f;
    }
    let (mut compound, mut fv_positive) = (1.0, 0.0);
    for &x in flows.iter().rev() {
        if x > 0.0 {
            fv_positive += x * compound;
        }
        compound *= 1.0 + r;
    }
    if !(pv_negative < 0.0 && fv_positive > 0.0) {
        return None;
    }
    let monthly = (fv_positive / -pv_negative).powf(1.0 / (n - 1) as f64) - 1.0;
    let annual = ((1.0 + monthly).powi(12) - 1.0) * 100.0;
    annual.is_finite().then_some(annual)
}

/// Why a set of flows has no payback month.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoPayback {
    /// The cumulative cash flow is never negative: there is no investment to pay back.
    NeverNegative,
    /// The cumulative cash flow goes negative and has not recovered by the horizon.
    NotWithinHorizon,
}

impl NoPayback {
    /// A sentence for the report's `paybackNote`.
    pub fn reason(self) -> &'static str {
        match self {
            NoPayback::NeverNegative => "nothing to pay back: the cumulative cash flow is never negative",
            NoPayback::NotWithinHorizon => "does not pay back within the horizon",
        }
    }
}

/// Payback in months, with the reason where there is none.
///
/// Definition: the cumulative cash flow `C_j = Σ_{i ≤ j} flows[i]`; after the first month in
/// which `C_j < 0` (the investment), payback is the first later month `j` with `C_j ≥ 0`,
/// reported as `j + 1` — months from the start of month 0 to the end of month `j`, when that
/// month's flow lands. Only the first recovery counts (a later dip, e.g. a GPU refresh, does
/// not reset it).
///
/// ```
/// use minepivot::finance::{payback_solve, NoPayback};
/// // Cumulative −100, −50, 0: recovered at the end of month 2, i.e. after 3 months.
/// assert_eq!(payback_solve(&[-100.0, 50.0, 50.0]), Ok(3));
/// assert_eq!(payback_solve(&[10.0, 10.0]), Err(NoPayback::NeverNegative));
/// assert_eq!(payback_solve(&[-100.0, 50.0]), Err(NoPayback::NotWithinHorizon));
/// ```
pub fn payback_solve(flows: &[f64]) -> Result<u32, NoPayback> {
    let mut cumulative = 0.0;
    let mut invested = false;
    for (i, &flow) in flows.iter().enumerate() {
        cumulative += flow;
        if cumulative < 0.0 {
            invested = true;
        } else if invested {
            return Ok(i as u32 + 1);
        }
    }
    Err(if invested {
        NoPayback::NotWithinHorizon
    } else {
        NoPayback::NeverNegative
    })
}

/// Payback in months ([`payback_solve`]), `None` where there is none.
///
/// ```
/// use minepivot::finance::payback;
/// // Cumulative −100, −60, −20, +20: it turns ≥ 0 in month 3, i.e. after 4 months.
/// assert_eq!(payback(&[-100.0, 40.0, 40.0, 40.0]), Some(4));
/// assert_eq!(payback(&[-100.0, 40.0]), None);
/// ```
pub fn payback(flows: &[f64]) -> Option<u32> {
    payback_solve(flows).ok()
}

/// A root of `f` inside `[lo, hi]` by Brent's method (inverse quadratic interpolation and
/// secant steps, falling back to bisection), to an absolute tolerance `tol` on x.
///
/// `f(lo)` and `f(hi)` must differ in sign (or one be zero); otherwise, or if `f` returns a
/// non-finite value at the ends, the answer is `None`. The root stays bracketed at every step,
/// so the method cannot diverge; it stops after at most 200 evaluations.
///
/// ```
/// use minepivot::finance::find_root;
/// let root = find_root(|x| x * x - 2.0, 0.0, 2.0, 1e-14).unwrap(); // ok: a doc example with a known root
/// assert!((root - 2f64.sqrt()).abs() < 1e-13);
/// assert_eq!(find_root(|x| x * x + 1.0, -1.0, 1.0, 1e-12), None);
/// ```
pub fn find_root(mut f: impl FnMut(f64) -> f64, lo: f64, hi: f64, tol: f64) -> Option<f64> {
    let (f_lo, f_hi) = (f(lo), f(hi));
    find_root_from(f, (lo, f_lo), (hi, f_hi), tol)
}

/// [`find_root`] from ends whose values the caller already has (a bracket found by walking,
/// a scan's grid), `(x, f(x))` each: two evaluations fewer, which is two runs of the whole
/// model for a break-even.
pub fn find_root_from(mut f: impl FnMut(f64) -> f64, lo: (f64, f64), hi: (f64, f64), tol: f64) -> Option<f64> {
    let ((mut a, mut fa), (mut b, mut fb)) = (lo, hi);
    if !(fa.is_finite() && fb.is_finite()) {
        return None;
    }
    if fa == 0.0 {
        return Some(a);
    }
    if fb == 0.0 {
        return Some(b);
    }
    if (fa < 0.0) == (fb < 0.0) {
        return None;
    }
    let (mut c, mut fc) = (b, fb);
    let mut d = b - a;
    let mut e = d;
    for _ in 0..200 {
        if (fb < 0.0) == (fc < 0.0) {
            c = a;
            fc = fa;
            d = b - a;
            e = d;
        }
        if fc.abs() < fb.abs() {
            a = b;
            b = c;
            c = a;
            fa = fb;
            fb = fc;
            fc = fa;
        }
        let tol1 = 2.0 * f64::EPSILON * b.abs() + 0.5 * tol;
        let xm = 0.5 * (c - b);
        if xm.abs() <= tol1 || fb == 0.0 {
            return Some(b);
        }
        if e.abs() >= tol1 && fa.abs() > fb.abs() {
            let s = fb / fa;
            let (mut p, mut q);
            if a == c {
                p = 2.0 * xm * s;
                q = 1.0 - s;
            } else {
                let qq = fa / fc;
                let r = fb / fc;
                p = s * (2.0 * xm * qq * (qq - r) - (b - a) * (r - 1.0));
                q = (qq - 1.0) * (r - 1.0) * (s - 1.0);
            }
            if p > 0.0 {
                q = -q;
            }
            p = p.abs();
            let min1 = 3.0 * xm * q - (tol1 * q).abs();
            let min2 = (e * q).abs();
            if 2.0 * p < min1.min(min2) {
                e = d;
                d = p / q;
            } else {
                d = xm;
                e = d;
            }
        } else {
            d = xm;
            e = d;
        }
        a = b;
        fa = fb;
        b += if d.abs() > tol1 { d } else { tol1.copysign(xm) };
        fb = f(b);
        if !fb.is_finite() {
            return None;
        }
    }
    Some(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn npv_at_the_irr_is_zero() {
        let flows = [-500.0, -500.0, 120.0, 150.0, 180.0, 200.0, 220.0, 240.0, 260.0];
        let rate = irr(&flows).unwrap();
        assert!(npv(rate, &flows).abs() < 1e-8, "{}", npv(rate, &flows));
    }

    #[test]
    fn all_positive_or_all_negative_flows_have_no_irr() {
        assert_eq!(irr_solve(&[1.0, 2.0, 3.0]), Err(NoIrr::NoSignChange));
        assert_eq!(irr_solve(&[-1.0, -2.0, 0.0]), Err(NoIrr::NoSignChange));
        assert_eq!(irr_solve(&[]), Err(NoIrr::NoSignChange));
    }

    #[test]
    fn a_root_beyond_the_scanned_range_is_reported_as_such() {
        // −1 then +1,000,000 a month later: 999,999 % a month, far beyond +10,000 % a year.
        assert_eq!(irr_solve(&[-1.0, 1e6]), Err(NoIrr::NoRootInRange));
    }

    #[test]
    fn two_roots_pick_the_one_nearest_zero() {
        // −100 + 230/(1+r) − 132/(1+r)² = 0 ⇔ 100y² − 230y + 132 = 0 with y = 1+r:
        // y = (230 ± √(52,900 − 52,800)) / 200 = (230 ± 10) / 200 → r = 10 % or 20 % a month.
        let solution = irr_solve(&[-100.0, 230.0, -132.0]).unwrap();
        assert_eq!(solution.roots, 2);
        assert!((solution.monthly - 0.10).abs() < 1e-12);
    }

    #[test]
    fn brent_solves_a_step_like_function_without_diverging() {
        // A very flat function with a steep jump: bisection fallback must still converge.
        let root = find_root(|x: f64| (x - 0.3).signum() * (x - 0.3).abs().powf(0.1), 0.0, 1.0, 1e-12).unwrap();
        assert!((root - 0.3).abs() < 1e-9);
    }
}
