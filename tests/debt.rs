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

/// Interest-only and sculpted schedules (with grace, fees, capitalised or paid interest, and the
/// sculpted loan sized to its DSCR capacity) against an independent implementation
/// (tests/golden/make_debt_schedules.py made tests/golden/debt-schedules.csv).
#[test]
fn interest_only_and_sculpted_schedules_match_the_independent_implementation() {
    let text = include_str!("golden/debt-schedules.csv");
    let mut cases = 0;
    for line in text.lines().skip(1) {
        let c: Vec<&str> = line.split(',').collect();
        let name = c[0];
        let target_dscr: f64 = c[8].parse().unwrap();
        let terms = Terms {
            loan_to_cost: c[2].parse().unwrap(),
            annual_rate_pct: c[3].parse().unwrap(),
            tenor_months: c[4].parse().unwrap(),
            grace_months: c[5].parse().unwrap(),
            capitalise_interest: c[6] == "1",
            upfront_fee_pct: c[7].parse().unwrap(),
            amortisation: match c[1] {
                "interestOnly" => Amortisation::InterestOnly,
                "sculpted" => Amortisation::Sculpted { target_dscr },
                other => panic!("{name}: kind {other}"),
            },
        };
        let (capex, cfads) = (parse(c[9]), parse(c[10]));
        let used: f64 = c[11].parse().unwrap();
        let want: Vec<Vec<f64>> = (12..17).map(|i| parse(c[i])).collect();
        let terms = minepivot::debt::sized(&capex, &cfads, &terms);
        let scale = capex.iter().sum::<f64>().max(1.0);
        assert!(
            (terms.loan_to_cost - used).abs() < 1e-12,
            "{name}: loan-to-cost {} ≠ {used}",
            terms.loan_to_cost
        );
        let d = schedule(&capex, &cfads, &terms);
        assert_eq!(d.len(), capex.len(), "{name}");
        for (m, got) in d.iter().enumerate() {
            let fields = [
                got.draw_usd,
                got.interest_usd,
                got.capitalised_interest_usd,
                got.principal_usd,
                got.balance_usd,
            ];
            for (j, (g, w)) in fields.iter().zip(want.iter().map(|col| col[m])).enumerate() {
                assert!((g - w).abs() <= 1e-9 * scale, "{name} month {m} column {j}: {g} ≠ {w}");
            }
        }
        // Fees: the loan × fee %, once, with the first draw.
        let loan: f64 = d.iter().map(|m| m.draw_usd).sum();
        let fees: f64 = d.iter().map(|m| m.fee_usd).sum();
        assert!(
            (fees - loan * terms.upfront_fee_pct / 100.0).abs() <= 1e-9 * scale,
            "{name}: fees"
        );
        cases += 1;
    }
    assert_eq!(cases, 8);
}

/// The interest-only case by hand (the CSV's first line): 500 + 500 of capex in months 0–1 at
/// 80 % loan-to-cost → draws 400, 400; 12 %/yr → 1 % a month; interest capitalised until
/// repayment starts in month 2 + 2 grace = month 4.
/// - month 0: interest 0, balance 400; month 1: interest 4 (1 % × 400) capitalised, balance 804;
/// - month 2: 8.04, balance 812.04; month 3: 8.1204, balance 820.1604;
/// - months 4–9 (tenor 6): interest 8.201604 paid each month; month 9 repays 820.1604.
/// - DSCR in those months = CFADS 30 ÷ 8.201604 = 3.6578; month 9: 30 ÷ 828.362004 = 0.036216.
#[test]
fn an_interest_only_loan_by_hand() {
    let mut capex = vec![0.0; 12];
    (capex[0], capex[1]) = (500.0, 500.0);
    let mut cfads = vec![30.0; 12];
    (cfads[0], cfads[1]) = (0.0, 0.0);
    let terms = Terms {
        loan_to_cost: 0.8,
        annual_rate_pct: 12.0,
        tenor_months: 6,
        upfront_fee_pct: 1.0,
        amortisation: Amortisation::InterestOnly,
        capitalise_interest: true,
        grace_months: 2,
    };
    let d = schedule(&capex, &cfads, &terms);
    let close = |a: f64, b: f64| (a - b).abs() < 1e-9;
    assert!(close(d[0].fee_usd, 8.0), "1 % of the 800 loan");
    assert!(close(d[1].capitalised_interest_usd, 4.0));
    assert!(close(d[3].balance_usd, 820.1604));
    assert!(close(d[4].interest_usd, 8.201604) && d[4].capitalised_interest_usd == 0.0);
    assert!(close(d[4].dscr.unwrap(), 30.0 / 8.201604));
    assert!(close(d[9].principal_usd, 820.1604) && close(d[9].balance_usd, 0.0));
    assert!(close(d[9].dscr.unwrap(), 30.0 / 828.362004));
    assert!(d[3].dscr.is_none() && d[10].dscr.is_none());
}
