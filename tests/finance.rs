//! The finance functions against golden cases from an independent implementation
//! (numpy-financial; tests/golden/make_finance_cases.py states the formulas and made
//! tests/golden/finance.csv), plus the identities every NPV/IRR pair must satisfy.

use minepivot::finance::{irr, irr_solve, npv, payback, payback_solve, NoIrr, NoPayback};

struct Case {
    name: String,
    rate_pct: f64,
    npv: f64,
    irr_monthly: Option<f64>,
    irr_annual_pct: Option<f64>,
    payback: Option<u32>,
    flows: Vec<f64>,
}

fn number_or_none(text: &str) -> Option<f64> {
    (text != "none").then(|| text.parse().unwrap())
}

fn cases() -> Vec<Case> {
    let text = include_str!("golden/finance.csv");
    let mut lines = text.lines().filter(|l| !l.starts_with('#'));
    assert_eq!(
        lines.next().unwrap(),
        "case,annual_rate_pct,npv,irr_monthly,irr_annual_pct,payback_months,flows"
    );
    let cases: Vec<Case> = lines
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let cols: Vec<&str> = line.split(',').collect();
            assert_eq!(cols.len(), 7, "{line}");
            Case {
                name: cols[0].to_string(),
                rate_pct: cols[1].parse().unwrap(),
                npv: cols[2].parse().unwrap(),
                irr_monthly: number_or_none(cols[3]),
                irr_annual_pct: number_or_none(cols[4]),
                payback: (cols[5] != "none").then(|| cols[5].parse().unwrap()),
                flows: cols[6].split(';').map(|f| f.parse().unwrap()).collect(),
            }
        })
        .collect();
    assert!(cases.len() >= 15, "golden file truncated: {} cases", cases.len());
    cases
}

fn close(actual: f64, expected: f64, rel: f64, abs: f64) -> bool {
    (actual - expected).abs() <= abs.max(rel * expected.abs())
}

#[test]
fn npv_matches_numpy_financial() {
    for c in cases() {
        let actual = npv(c.rate_pct, &c.flows);
        assert!(close(actual, c.npv, 1e-11, 1e-9), "{}: {actual} vs {}", c.name, c.npv);
    }
}

#[test]
fn irr_matches_numpy_financial() {
    for c in cases() {
        let solved = irr_solve(&c.flows);
        match (c.irr_monthly, c.irr_annual_pct) {
            (Some(monthly), Some(annual)) => {
                let s = solved.unwrap_or_else(|e| panic!("{}: {e:?}", c.name));
                assert!(
                    close(s.monthly, monthly, 1e-9, 1e-12),
                    "{}: {} vs {monthly}",
                    c.name,
                    s.monthly
                );
                assert!(
                    close(s.annual_pct, annual, 1e-9, 1e-9),
                    "{}: {} vs {annual}",
                    c.name,
                    s.annual_pct
                );
                assert_eq!(irr(&c.flows), Some(s.annual_pct));
            }
            _ => assert_eq!(solved, Err(NoIrr::NoSignChange), "{}", c.name),
        }
    }
}

#[test]
fn payback_matches_the_independent_definition() {
    for c in cases() {
        assert_eq!(payback(&c.flows), c.payback, "{}", c.name);
    }
}

#[test]
fn npv_at_the_irr_is_zero_for_every_golden_case() {
    for c in cases() {
        if let Some(rate) = irr(&c.flows) {
            let scale = c.flows.iter().fold(0.0_f64, |m, f| m.max(f.abs()));
            let at_irr = npv(rate, &c.flows);
            assert!(at_irr.abs() < 1e-9 * scale, "{}: NPV at IRR = {at_irr}", c.name);
        }
    }
}

#[test]
fn npv_at_zero_percent_is_the_sum() {
    for c in cases() {
        let sum: f64 = c.flows.iter().sum();
        assert!(close(npv(0.0, &c.flows), sum, 1e-12, 1e-9), "{}", c.name);
    }
}

#[test]
fn irr_is_none_for_all_positive_flows_with_a_reason() {
    let flows = [1_000.0; 120];
    assert_eq!(irr(&flows), None);
    assert_eq!(
        irr_solve(&flows).unwrap_err().reason(),
        "no IRR: the cash flows never change sign"
    );
}

#[test]
fn payback_by_hand() {
    // Invest 1,200 in month 0, earn 100 a month: cumulative −1,200 + 100 j ≥ 0 first at j = 12,
    // the end of month 12, i.e. 13 months from the start.
    let mut flows = vec![-1_200.0];
    flows.extend([100.0; 20]);
    assert_eq!(payback_solve(&flows), Ok(13));
    // Mining-like flows, positive throughout: nothing to pay back.
    assert_eq!(payback_solve(&[5.0; 12]), Err(NoPayback::NeverNegative));
    // Positive first (mining before construction), then invested, never recovered.
    assert_eq!(payback_solve(&[5.0, -100.0, 10.0]), Err(NoPayback::NotWithinHorizon));
}

#[test]
fn npv_by_hand() {
    // 10 % a year: r_m = 1.1^(1/12) − 1. Twelve end-of-month flows of 100 are worth
    // 100 × Σ_{i=1..12} 1.1^(−i/12) = 100 × (1 − 1.1^−1) / (1.1^(1/12) − 1)
    // = 100 × 0.0909090909 / 0.00797414043 = 1,140.05 (to the cent).
    let value = npv(10.0, &[100.0; 12]);
    assert!((value - 1_140.05).abs() < 0.005, "{value}");
    // The last flow falls at the end of month 11, i.e. exactly one year: 110 → 100.
    let mut flows = [0.0; 12];
    flows[11] = 110.0;
    assert!((npv(10.0, &flows) - 100.0).abs() < 1e-9);
}

/// MIRR against numpy-financial 1.0.0: flows −1,000, −200, 300, 400, 900 (months 0–4) at a
/// 10 %/yr finance and reinvestment rate (monthly 1.1^(1/12) − 1 = 0.797414 %):
/// `npf.mirr(flows, r, r)` = 0.0762644400748533 a month → (1.0762644…)^12 − 1 = 141.5616 %/yr.
#[test]
fn mirr_matches_numpy_financial() {
    let m = minepivot::finance::mirr(&[-1_000.0, -200.0, 300.0, 400.0, 900.0], 10.0, 10.0).unwrap();
    assert!((m - 141.561_599_351_073_8).abs() < 1e-6, "{m}");
}
