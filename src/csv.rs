//! The cash flows as CSV, one file for the CLI (`evaluate --format csv`) and the page (its
//! "CSV" export): a commented block of the assumptions (the minepivot version and every input
//! of the scenario, `# path = value`), a header, then one row per pathway-year (`period`
//! `year`, 1-based `index`, the year's first month) followed by one row per pathway-month
//! (`period` `month`, 0-based `index`), then one row per pathway for its value at the horizon
//! (`period` `horizonValue`, `index` = the horizon in months, the amount in `netCashFlowUsd`).
//! `capexUsd` is net of the equipment sold that month, which `assetSalesUsd` shows.
//! The loan's columns (draw, fee, interest, principal, debt service, balance, DSCR, the equity's
//! cash flow) are zeros, an empty DSCR and the project's flow for a pathway without a loan. A
//! tidy layout: a spreadsheet filter or pivot table gives any view. Amounts in USD with two
//! decimals, the DSCR a ratio; lines end in CRLF (RFC 4180).

use serde_json::Value;

use crate::report::{CashFlowMonth, CashFlowYear, DebtMonthReport, DebtYearReport, PathwayReport, Report};
use crate::scenario::Scenario;

const COLUMNS: [&str; 24] = [
    "revenueUsd",
    "miningRevenueUsd",
    "aiRevenueUsd",
    "curtailmentCreditUsd",
    "sellBackUsd",
    "demandResponseUsd",
    "powerCostUsd",
    "energyMwh",
    "miningHoursRun",
    "avoidedChargesUsd",
    "opexUsd",
    "capexUsd",
    "assetSalesUsd",
    "taxUsd",
    "netCashFlowUsd",
    "cumulativeUsd",
    "loanDrawUsd",
    "loanFeeUsd",
    "interestUsd",
    "principalUsd",
    "debtServiceUsd",
    "loanBalanceUsd",
    "dscr",
    "equityCashFlowUsd",
];

/// The 24 values of a period's row: the cash flow's sixteen, then the loan's eight — zeros, an
/// empty DSCR and the project's flow as the equity's for a pathway without a loan. A macro,
/// because a month and a year (and their loans) are different types with the same fields.
macro_rules! row_values {
    ($flow:expr, $debt:expr) => {{
        let f = $flow;
        let mut v: Vec<Option<f64>> = [
            f.revenue_usd,
            f.mining_revenue_usd,
            f.ai_revenue_usd,
            f.curtailment_credit_usd,
            f.sell_back_usd,
            f.demand_response_usd,
            f.power_cost_usd,
            f.energy_mwh,
            f.mining_hours_run,
            f.avoided_charges_usd,
            f.opex_usd,
            f.capex_usd,
            f.asset_sales_usd,
            f.tax_usd,
            f.net_cash_flow_usd,
            f.cumulative_usd,
        ]
        .map(Some)
        .to_vec();
        match $debt {
            Some(d) => v.extend([
                Some(d.draw_usd),
                Some(d.fee_usd),
                Some(d.interest_usd),
                Some(d.principal_usd),
                Some(d.debt_service_usd),
                Some(d.balance_usd),
                d.dscr,
                Some(d.equity_cash_flow_usd),
            ]),
            None => v.extend([
                Some(0.0),
                Some(0.0),
                Some(0.0),
                Some(0.0),
                Some(0.0),
                Some(0.0),
                None,
                Some(f.net_cash_flow_usd),
            ]),
        }
        v
    }};
}

fn year_values(y: &CashFlowYear, d: Option<&DebtYearReport>) -> Vec<Option<f64>> {
    row_values!(y, d)
}

fn month_values(m: &CashFlowMonth, d: Option<&DebtMonthReport>) -> Vec<Option<f64>> {
    row_values!(m, d)
}

/// A value as the comment block shows it: text as it is (control characters as spaces).
fn shown(value: &Value) -> String {
    match value {
        Value::String(s) => crate::format::printable(s).replace('\n', " "),
        other => other.to_string(),
    }
}

fn row(out: &mut String, p: &PathwayReport, period: &str, index: u32, month: &str, values: &[Option<f64>]) {
    let id = p.id.id();
    out.push_str(&format!("{id},{period},{index},{month}"));
    for v in values {
        match v {
            Some(v) => out.push_str(&format!(",{v:.2}")),
            None => out.push(','),
        }
    }
    out.push_str("\r\n");
}

/// The CSV of a scenario's report (see the module docs).
pub fn cash_flows(scenario: &Scenario, report: &Report) -> String {
    let mut out = format!(
        "# minepivot {} — cash flows of every pathway, USD; the inputs follow\r\n",
        env!("CARGO_PKG_VERSION")
    );
    // Every input, in the registry's (the page's) order, list items by index.
    for (path, value) in crate::fields::scenario_values(scenario) {
        out.push_str(&format!("# {path} = {}\r\n", shown(&value)));
    }
    out.push_str("pathway,period,index,month");
    for c in COLUMNS {
        out.push(',');
        out.push_str(c);
    }
    out.push_str("\r\n");
    for p in &report.pathways {
        let debt = p.financing.as_ref();
        for (i, y) in p.years.iter().enumerate() {
            let d = debt.and_then(|f| f.years.get(i));
            row(&mut out, p, "year", y.year, &y.start_month, &year_values(y, d));
        }
    }
    for p in &report.pathways {
        let debt = p.financing.as_ref();
        for (i, m) in p.months.iter().enumerate() {
            let d = debt.and_then(|f| f.months.get(i));
            row(&mut out, p, "month", m.index, &m.month, &month_values(m, d));
        }
    }
    // The value at the horizon of each pathway, its own line: `netCashFlowUsd` holds it, at
    // the end of the last month (index = the horizon in months).
    for p in &report.pathways {
        let mut values = vec![Some(0.0); COLUMNS.len()];
        values[9] = Some(p.terminal_value_usd);
        values[10] = None;
        values[17] = None;
        values[18] = None;
        let last = p.months.last().map(|m| m.month.as_str()).unwrap_or("");
        row(&mut out, p, "horizonValue", report.horizon_months, last, &values);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn opens_with_the_assumptions_then_years_then_months() {
        let s = Scenario::default();
        let report = crate::evaluate(&s).unwrap();
        let csv = cash_flows(&s, &report);
        let lines: Vec<&str> = csv.split("\r\n").collect();
        assert!(lines[0].starts_with("# minepivot "), "{}", lines[0]);
        assert!(lines.contains(&"# site.gridCapacityMw = 100.0"), "{csv}");
        assert!(lines.contains(&"# mining.fleet[1].model = Antminer S21"));
        let header = lines.iter().position(|l| l.starts_with("pathway,")).unwrap();
        assert!(lines[..header].iter().all(|l| l.starts_with("# ")));
        // 3 pathways × 15 years, then 3 × 180 months, then 3 values at the horizon, then the
        // empty string after the last CRLF.
        assert_eq!(lines.len(), header + 1 + 45 + 540 + 3 + 1);
        assert!(lines[header + 1].starts_with("mining,year,1,2027-01,"));
        assert!(lines[header + 46].starts_with("mining,month,0,2027-01,"));
    }
}
