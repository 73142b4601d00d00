//! The cash flows as CSV, one file for the CLI (`evaluate --format csv`) and the page (its
//! "CSV" export): a commented block of the assumptions (the minepivot version and every input
//! of the scenario, `# path = value`), a header, then one row per pathway-year (`period`
//! `year`, 1-based `index`, the year's first month) followed by one row per pathway-month
//! (`period` `month`, 0-based `index`). A tidy layout: a spreadsheet filter or pivot table
//! gives any view. Amounts in USD with two decimals; lines end in CRLF (RFC 4180).

use serde_json::Value;

use crate::report::{CashFlowMonth, CashFlowYear, PathwayReport, Report};
use crate::scenario::Scenario;

const COLUMNS: [&str; 10] = [
    "revenueUsd",
    "miningRevenueUsd",
    "aiRevenueUsd",
    "curtailmentCreditUsd",
    "powerCostUsd",
    "opexUsd",
    "capexUsd",
    "taxUsd",
    "netCashFlowUsd",
    "cumulativeUsd",
];

fn year_values(y: &CashFlowYear) -> [f64; 10] {
    [
        y.revenue_usd,
        y.mining_revenue_usd,
        y.ai_revenue_usd,
        y.curtailment_credit_usd,
        y.power_cost_usd,
        y.opex_usd,
        y.capex_usd,
        y.tax_usd,
        y.net_cash_flow_usd,
        y.cumulative_usd,
    ]
}

fn month_values(m: &CashFlowMonth) -> [f64; 10] {
    [
        m.revenue_usd,
        m.mining_revenue_usd,
        m.ai_revenue_usd,
        m.curtailment_credit_usd,
        m.power_cost_usd,
        m.opex_usd,
        m.capex_usd,
        m.tax_usd,
        m.net_cash_flow_usd,
        m.cumulative_usd,
    ]
}

/// A value as the comment block shows it: text as it is (control characters as spaces).
fn shown(value: &Value) -> String {
    match value {
        Value::String(s) => crate::format::printable(s).replace('\n', " "),
        other => other.to_string(),
    }
}

fn row(out: &mut String, p: &PathwayReport, period: &str, index: u32, month: &str, values: [f64; 10]) {
    let id = p.id.id();
    out.push_str(&format!("{id},{period},{index},{month}"));
    for v in values {
        out.push_str(&format!(",{v:.2}"));
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
        for y in &p.years {
            row(&mut out, p, "year", y.year, &y.start_month, year_values(y));
        }
    }
    for p in &report.pathways {
        for m in &p.months {
            row(&mut out, p, "month", m.index, &m.month, month_values(m));
        }
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
        // 3 pathways × 15 years, then 3 × 180 months, then the empty string after the last CRLF.
        assert_eq!(lines.len(), header + 1 + 45 + 540 + 1);
        assert!(lines[header + 1].starts_with("mining,year,1,2027-01,"));
        assert!(lines[header + 46].starts_with("mining,month,0,2027-01,"));
    }
}
