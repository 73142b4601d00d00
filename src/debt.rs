//! Project debt on a retrofit: the loan's monthly schedule from the capex it finances and the
//! cash flow available to serve it, as pure functions over monthly slices, like
//! [`crate::finance`]. [`crate::engine`] decides which capex a pathway's loan finances and
//! what its cash flow available is (docs/methodology-pathways.md "Project debt").
//!
//! Conventions:
//! - The loan is drawn **pro rata with the capex**: in each month `draw = loan-to-cost × capex`.
//!   The loan is the sum of the draws.
//! - The **upfront fee** (% of the loan) is paid in the month of the first draw.
//! - Interest accrues monthly on the opening balance at the nominal annual rate ÷ 12, the way
//!   loan rates are quoted (SOFR + spread). During construction it is either **capitalised**
//!   (added to the balance; no cash paid) or **paid** in cash.
//! - **Repayment** starts `grace` months after the month after the last draw (the ramp to
//!   stabilisation, during which interest is treated as in construction) and runs for `tenor`
//!   months:
//!   - *annuity*: a level payment `P = r B / (1 − (1 + r)^−n)` of interest and principal;
//!   - *interest only*: interest each month, the whole balance with the last payment (balloon);
//!   - *sculpted*: each month's debt service is the cash flow available ÷ the target DSCR
//!     (interest first, the rest principal, never more than the balance); what is left at the
//!     end of the tenor is due with the last payment.
//! - **DSCR** in a month with debt service = cash flow available ÷ (interest paid + principal).
//! - Equity cash flow = the project's (unlevered) net cash flow + draws − fee − interest paid
//!   − principal.

/// How the loan is repaid once drawn.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Amortisation {
    Annuity,
    InterestOnly,
    /// Debt service sized to the cash flow available at a target DSCR (> 1).
    Sculpted {
        target_dscr: f64,
    },
}

/// The terms of the loan.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Terms {
    /// Loan-to-cost: the share of each month's capex the loan draws, 0–1.
    pub loan_to_cost: f64,
    /// All-in nominal annual interest rate, % (e.g. SOFR + spread).
    pub annual_rate_pct: f64,
    /// Months of repayment after the last draw.
    pub tenor_months: u32,
    /// Upfront fee, % of the loan, paid with the first draw.
    pub upfront_fee_pct: f64,
    pub amortisation: Amortisation,
    /// Interest during construction added to the balance (true) or paid in cash (false).
    pub capitalise_interest: bool,
    /// Months after the last draw before repayment starts (the ramp to stabilisation); they
    /// count as construction for the interest.
    pub grace_months: u32,
}

/// One month of the loan.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct DebtMonth {
    pub draw_usd: f64,
    pub fee_usd: f64,
    /// Interest accrued on the opening balance.
    pub interest_usd: f64,
    /// The part of it added to the balance (construction, when capitalised).
    pub capitalised_interest_usd: f64,
    pub principal_usd: f64,
    /// Balance at the end of the month.
    pub balance_usd: f64,
    /// Cash paid to the lender: fee + interest paid + principal.
    pub debt_service_usd: f64,
    /// Cash flow available ÷ (interest paid + principal), where that is more than 0.
    pub dscr: Option<f64>,
}

impl DebtMonth {
    /// Interest paid in cash this month.
    pub fn interest_paid_usd(&self) -> f64 {
        self.interest_usd - self.capitalised_interest_usd
    }
}

impl Terms {
    /// The terms of a scenario's loan ([`crate::scenario::Debt`], percentages and years).
    pub fn from_scenario(d: &crate::scenario::Debt) -> Terms {
        use crate::scenario::Amortisation as A;
        Terms {
            loan_to_cost: d.loan_to_cost_pct / 100.0,
            annual_rate_pct: d.interest_rate_pct,
            tenor_months: d.tenor_years.saturating_mul(12),
            upfront_fee_pct: d.upfront_fee_pct,
            amortisation: match d.amortisation {
                A::Annuity => Amortisation::Annuity,
                A::InterestOnly => Amortisation::InterestOnly,
                A::Sculpted => Amortisation::Sculpted {
                    target_dscr: d.target_dscr,
                },
            },
            capitalise_interest: d.capitalise_interest,
            grace_months: 0,
        }
    }
}

/// The level monthly payment of an annuity: `P = r B / (1 − (1 + r)^−n)` (`B / n` at r = 0).
///
/// ```
/// // 1,000 over 12 months at 12 %/yr nominal (1 % a month): 88.85 a month
/// // (numpy-financial: -npf.pmt(0.01, 12, 1000) = 88.8487887).
/// let p = minepivot::debt::annuity_payment(1_000.0, 0.01, 12);
/// assert!((p - 88.848_788_7).abs() < 1e-6);
/// ```
pub fn annuity_payment(balance: f64, monthly_rate: f64, months: u32) -> f64 {
    if months == 0 {
        return balance;
    }
    if monthly_rate == 0.0 {
        return balance / f64::from(months);
    }
    monthly_rate * balance / (1.0 - (1.0 + monthly_rate).powi(-(months as i32)))
}

/// The largest loan-to-cost a sculpted loan can carry: the one whose balance when repayment
/// starts equals the present value, at the loan's monthly rate, of the debt service the cash
/// flow available allows over the tenor, `Σ max(0, CFADS_m) ÷ target DSCR ÷ (1 + r)^(m − m₀ + 1)`
/// for the repayment months `m₀ …` inside the horizon. The balance at `m₀` is linear in the
/// loan-to-cost (draws and capitalised interest both are), so one pass at a loan-to-cost of
/// 1 finds it. Sized so, the loan is repaid within the tenor at the target DSCR — the
/// project-finance norm of sizing debt by the lower of loan-to-cost and DSCR. `None` for a
/// loan that is not sculpted or draws nothing.
pub fn sculpted_capacity(capex: &[f64], cfads: &[f64], terms: &Terms) -> Option<f64> {
    let Amortisation::Sculpted { target_dscr } = terms.amortisation else {
        return None;
    };
    let rate = terms.annual_rate_pct / 100.0 / 12.0;
    let last_draw = capex.iter().rposition(|&c| c > 0.0)?;
    let repay_from = last_draw + 1 + terms.grace_months as usize;
    // The balance at a loan-to-cost of 1 when repayment starts.
    let mut balance = 0.0;
    for &spend in capex.iter().take(repay_from) {
        let interest = balance * rate;
        balance += spend + if terms.capitalise_interest { interest } else { 0.0 };
    }
    let end = (repay_from + terms.tenor_months as usize).min(cfads.len());
    let mut factor = 1.0;
    let mut capacity = 0.0;
    for &available in cfads.get(repay_from..end).unwrap_or(&[]) {
        factor /= 1.0 + rate;
        capacity += available.max(0.0) / target_dscr * factor;
    }
    (balance > 0.0).then(|| capacity / balance)
}

/// The terms a loan is drawn on: a sculpted loan's loan-to-cost cut to its
/// [`sculpted_capacity`] where that is lower; any other loan's as given.
pub fn sized(capex: &[f64], cfads: &[f64], terms: &Terms) -> Terms {
    match sculpted_capacity(capex, cfads, terms) {
        Some(capacity) if capacity < terms.loan_to_cost => Terms {
            loan_to_cost: capacity.max(0.0),
            ..*terms
        },
        _ => *terms,
    }
}

/// The loan's schedule, month by month, over the months of `capex` (the project's capex in
/// each month, ≥ 0) and `cfads` (its cash flow available for debt service in each month: the
/// operating cash flow before capex). Both have the horizon's length; a balance left at the
/// horizon stays in the last month's `balance_usd`.
pub fn schedule(capex: &[f64], cfads: &[f64], terms: &Terms) -> Vec<DebtMonth> {
    let n = capex.len();
    let rate = terms.annual_rate_pct / 100.0 / 12.0;
    let loan: f64 = capex.iter().map(|c| c * terms.loan_to_cost).sum();
    let first_draw = capex.iter().position(|&c| c * terms.loan_to_cost > 0.0);
    let last_draw = capex.iter().rposition(|&c| c * terms.loan_to_cost > 0.0);
    let (Some(first_draw), Some(last_draw)) = (first_draw, last_draw) else {
        return vec![DebtMonth::default(); n];
    };
    let repay_from = last_draw + 1 + terms.grace_months as usize;
    let repay_to = repay_from + terms.tenor_months as usize; // exclusive
    let mut months = Vec::with_capacity(n);
    let mut balance = 0.0;
    let mut level_payment = 0.0;
    for (m, &spend) in capex.iter().enumerate() {
        let mut month = DebtMonth {
            draw_usd: spend * terms.loan_to_cost,
            fee_usd: if m == first_draw {
                loan * terms.upfront_fee_pct / 100.0
            } else {
                0.0
            },
            interest_usd: balance * rate,
            ..DebtMonth::default()
        };
        if m < repay_from {
            if terms.capitalise_interest {
                month.capitalised_interest_usd = month.interest_usd;
            }
            balance += month.draw_usd + month.capitalised_interest_usd;
        } else if m < repay_to && balance > 0.0 {
            let last = m + 1 == repay_to;
            let principal = match terms.amortisation {
                Amortisation::Annuity => {
                    if m == repay_from {
                        level_payment = annuity_payment(balance, rate, terms.tenor_months);
                    }
                    if last {
                        balance
                    } else {
                        (level_payment - month.interest_usd).clamp(0.0, balance)
                    }
                }
                Amortisation::InterestOnly => {
                    if last {
                        balance
                    } else {
                        0.0
                    }
                }
                Amortisation::Sculpted { target_dscr } => {
                    let service = cfads.get(m).copied().unwrap_or(0.0).max(0.0) / target_dscr;
                    if last {
                        balance
                    } else {
                        (service - month.interest_usd).clamp(0.0, balance)
                    }
                }
            };
            month.principal_usd = principal;
            balance -= principal;
        }
        month.balance_usd = balance;
        let serviced = month.interest_paid_usd() + month.principal_usd;
        month.debt_service_usd = month.fee_usd + serviced;
        month.dscr = (serviced > 0.0 && m >= repay_from).then(|| cfads.get(m).copied().unwrap_or(0.0) / serviced);
        months.push(month);
    }
    months
}

/// The equity's monthly cash flow: the project's net flow plus the loan's draws, less what is
/// paid to the lender.
pub fn equity_flows(project_net: &[f64], debt: &[DebtMonth]) -> Vec<f64> {
    project_net
        .iter()
        .zip(debt)
        .map(|(net, d)| net + d.draw_usd - d.debt_service_usd)
        .collect()
}

/// The lowest and the average DSCR over the months with debt service, `None` without any.
pub fn dscr_summary(debt: &[DebtMonth]) -> Option<(f64, f64)> {
    let values: Vec<f64> = debt.iter().filter_map(|d| d.dscr).collect();
    let min = values.iter().copied().reduce(f64::min)?;
    Some((min, values.iter().sum::<f64>() / values.len() as f64))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(amortisation: Amortisation) -> Terms {
        Terms {
            loan_to_cost: 0.8,
            annual_rate_pct: 12.0,
            tenor_months: 3,
            upfront_fee_pct: 1.0,
            amortisation,
            capitalise_interest: true,
            grace_months: 0,
        }
    }

    #[test]
    fn interest_only_with_capitalised_interest_by_hand() {
        // Capex 500 in months 0 and 1: the loan draws 0.8 × 500 = 400 each month, 800 in all;
        // the fee is 1 % of 800 = 8, paid in month 0. Monthly rate 12 % ÷ 12 = 1 %.
        // Month 0: opening 0, interest 0; balance 400.
        // Month 1: interest 1 % × 400 = 4, capitalised; balance 400 + 400 + 4 = 804.
        // Repayment from month 2 for 3 months, interest only: months 2, 3 pay 8.04 of interest;
        // month 4 pays 8.04 and the balloon 804.
        let capex = [500.0, 500.0, 0.0, 0.0, 0.0, 0.0];
        let cfads = [0.0, 0.0, 50.0, 50.0, 50.0, 50.0];
        let d = schedule(&capex, &cfads, &terms(Amortisation::InterestOnly));
        assert_eq!(d[0].fee_usd, 8.0);
        assert_eq!(d[0].debt_service_usd, 8.0);
        assert!((d[1].capitalised_interest_usd - 4.0).abs() < 1e-12);
        assert!((d[1].balance_usd - 804.0).abs() < 1e-9);
        assert_eq!(d[1].debt_service_usd, 0.0);
        for m in [2, 3] {
            assert!((d[m].interest_paid_usd() - 8.04).abs() < 1e-9);
            assert_eq!(d[m].principal_usd, 0.0);
            // DSCR = 50 ÷ 8.04 = 6.2189…
            assert!((d[m].dscr.unwrap() - 50.0 / 8.04).abs() < 1e-9);
        }
        assert!((d[4].principal_usd - 804.0).abs() < 1e-9);
        assert_eq!(d[4].balance_usd, 0.0);
        assert_eq!(d[5], DebtMonth::default());
        // Equity: project net (−500, −500, 50, …) + draws − debt service.
        let net = [-500.0, -500.0, 50.0, 50.0, 50.0, 50.0];
        let equity = equity_flows(&net, &d);
        assert!((equity[0] - (-500.0 + 400.0 - 8.0)).abs() < 1e-12);
        assert!((equity[1] - (-500.0 + 400.0)).abs() < 1e-12);
        assert!((equity[4] - (50.0 - 8.04 - 804.0)).abs() < 1e-9);
    }

    #[test]
    fn a_sculpted_loan_serves_the_target_dscr_and_settles_the_rest_at_the_end() {
        // 1,000 of capex in month 0, loan 800 (no fee), paid interest; repayment months 1–3.
        // CFADS 120 a month, target DSCR 1.2: debt service 100 a month.
        // Month 1: interest 1 % × 800 = 8, principal 92, balance 708.
        // Month 2: interest 7.08, principal 92.92, balance 615.08.
        // Month 3 (last): interest 6.1508, the whole 615.08 due.
        let t = Terms {
            upfront_fee_pct: 0.0,
            capitalise_interest: false,
            grace_months: 0,
            ..terms(Amortisation::Sculpted { target_dscr: 1.2 })
        };
        let d = schedule(&[1_000.0, 0.0, 0.0, 0.0], &[0.0, 120.0, 120.0, 120.0], &t);
        assert!((d[1].principal_usd - 92.0).abs() < 1e-9);
        assert!((d[1].dscr.unwrap() - 1.2).abs() < 1e-12);
        assert!((d[2].principal_usd - 92.92).abs() < 1e-9);
        assert!((d[3].principal_usd - 615.08).abs() < 1e-9);
        assert_eq!(d[3].balance_usd, 0.0);
        let (min, _) = dscr_summary(&d).unwrap();
        // The balloon month: 120 ÷ (6.1508 + 615.08) = 0.19315…
        assert!((min - 120.0 / (6.1508 + 615.08)).abs() < 1e-9);
    }

    #[test]
    fn no_loan_leaves_equity_equal_to_the_project() {
        let t = Terms {
            loan_to_cost: 0.0,
            ..terms(Amortisation::Annuity)
        };
        let net = [-100.0, 20.0, 30.0];
        let d = schedule(&[100.0, 0.0, 0.0], &[0.0, 20.0, 30.0], &t);
        assert_eq!(equity_flows(&net, &d), net.to_vec());
        assert_eq!(dscr_summary(&d), None);
    }
}
