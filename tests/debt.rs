//! The loan schedule (src/debt.rs) against golden annuity schedules from numpy-financial
//! (tests/golden/make_debt_cases.py made tests/golden/debt.csv), and the equity's identities.

use minepivot::debt::{equity_flows, schedule, Amortisation, Terms};
use minepivot::finance::irr;

fn parse(list: &str) -> Vec<f64> {
    list.split(';').map(|x| x.parse().expect("a number")).collect()
}

#[test]
fn annuity_schedules_match_numpy_financial() {
    let text = include_str!("golden/debt.csv");
    let mut cases = 0;
    for line in text.lines().skip(1) {
        let cols: Vec<&str> = line.split(',').collect();
        let (name, loan, rate, months) = (
            cols[0],
            cols[1].parse::<f64>().unwrap(),
            cols[2].parse().unwrap(),
            cols[3].parse::<u32>().unwrap(),
        );
        let (interest, principal) = (parse(cols[4]), parse(cols[5]));
        // The whole loan drawn in month 0, repaid over `months` months from month 1.
        let mut capex = vec![0.0; months as usize + 1];
        capex[0] = loan;
        let cfads = vec![0.0; capex.len()];
        let terms = Terms {
            loan_to_cost: 1.0,
            annual_rate_pct: rate,
            tenor_months: months,
            upfront_fee_pct: 0.0,
            amortisation: Amortisation::Annuity,
            capitalise_interest: false,
            grace_months: 0,
        };
        let d = schedule(&capex, &cfads, &terms);
        for k in 1..=months as usize {
            let tol = 1e-9 * loan.max(1.0);
            assert!(
                (d[k].interest_usd - interest[k - 1]).abs() < tol,
                "{name} month {k} interest"
            );
            assert!(
                (d[k].principal_usd - principal[k - 1]).abs() < tol,
                "{name} month {k} principal"
            );
        }
        assert!(
            d[months as usize].balance_usd.abs() < 1e-6 * loan.max(1.0),
            "{name}: repaid"
        );
        cases += 1;
    }
    assert_eq!(cases, 10);
}

/// A project: 1,000 of capex in month 0, then 15 a month for 120 months (IRR ≈ 1.3 % a month,
/// ≈ 17 %/yr). Half of it borrowed below that rate raises the equity's return; above it,
/// lowers it (at 20 %/yr the annuity on 500 is 9.66 a month, leaving the equity 5.34).
#[test]
fn leverage_below_the_project_irr_raises_the_equity_irr_and_above_it_lowers_it() {
    let mut net = vec![-1_000.0];
    net.extend(std::iter::repeat_n(15.0, 120));
    let capex: Vec<f64> = net.iter().map(|&f| if f < 0.0 { -f } else { 0.0 }).collect();
    let cfads: Vec<f64> = net.iter().map(|&f| f.max(0.0)).collect();
    let project = irr(&net).expect("a project IRR");
    let equity_irr = |rate: f64| {
        let terms = Terms {
            loan_to_cost: 0.5,
            annual_rate_pct: rate,
            tenor_months: 120,
            upfront_fee_pct: 0.0,
            amortisation: Amortisation::Annuity,
            capitalise_interest: false,
            grace_months: 0,
        };
        irr(&equity_flows(&net, &schedule(&capex, &cfads, &terms))).expect("an equity IRR")
    };
    assert!(equity_irr(6.0) > project, "{} vs {project}", equity_irr(6.0));
    assert!(equity_irr(20.0) < project, "{} vs {project}", equity_irr(20.0));
}
