//! Meaning checks on a parsed scenario: every number finite and in range, the parts
//! consistent with each other. Every problem is collected (never only the first), each with
//! the field path the form marks, a stable code and a message a person understands.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::calendar::{parse_date, YearMonth};
use crate::presets;
use crate::scenario::Scenario;

/// The longest horizon the model takes, years (MODEL.md: `horizonYears` 1–30).
pub const MAX_HORIZON_YEARS: u32 = 30;

/// Stable machine codes of input problems.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum ErrorCode {
    /// The document is not JSON at all, or not an object.
    InvalidJson,
    /// A value of the wrong type (text where a number belongs, …).
    InvalidType,
    /// A key the schema does not know (often a misspelling).
    UnknownField,
    /// NaN, Infinity or a number too large to represent.
    NotFinite,
    /// A number outside the allowed range.
    OutOfRange,
    /// Text in the wrong format (a date, a month).
    InvalidFormat,
    /// Fields that contradict each other (a fleet larger than the grid).
    Inconsistent,
    /// A list or text longer than allowed.
    TooLarge,
    /// A schema version this build cannot read.
    UnsupportedVersion,
}

/// One problem with the input.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct ValidationError {
    /// Path of the field, e.g. `mining.fleet[2].efficiencyJPerTh` (empty for the whole document).
    pub field: String,
    pub code: ErrorCode,
    /// What is wrong and what is allowed, for people.
    pub message: String,
    /// The offending value, as given.
    #[cfg_attr(target_arch = "wasm32", tsify(type = "unknown"))]
    pub value: Value,
}

impl ValidationError {
    pub fn new(field: impl Into<String>, code: ErrorCode, message: impl Into<String>, value: Value) -> Self {
        ValidationError {
            field: field.into(),
            code,
            message: message.into(),
            value,
        }
    }
}

impl std::fmt::Display for ValidationError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.field.is_empty() {
            write!(f, "{}", self.message)
        } else {
            write!(f, "{}: {} (got {})", self.field, self.message, self.value)
        }
    }
}

/// Most fleet lines, overrides accepted; a larger document is an error, not a slow page.
pub const MAX_FLEET_LINES: usize = 1_000;
pub const MAX_COST_OVERRIDES: usize = 200;
pub const MAX_TEXT_CHARS: usize = 200;

struct Checker {
    errors: Vec<ValidationError>,
}

impl Checker {
    /// A finite number within `[min, max]`, with the unit named in the message.
    fn range(&mut self, field: &str, value: f64, min: f64, max: f64, unit: &str) {
        if !value.is_finite() {
            self.errors.push(ValidationError::new(
                field,
                ErrorCode::NotFinite,
                format!("must be a finite number between {} and {} {unit}", fmt(min), fmt(max)),
                Value::Null,
            ));
        } else if value < min || value > max {
            self.errors.push(ValidationError::new(
                field,
                ErrorCode::OutOfRange,
                format!("must be between {} and {} {unit}", fmt(min), fmt(max)),
                number(value),
            ));
        }
    }

    /// A finite number `> min` (exclusive) and `≤ max`.
    fn positive(&mut self, field: &str, value: f64, max: f64, unit: &str) {
        if value.is_finite() && value <= 0.0 {
            self.errors.push(ValidationError::new(
                field,
                ErrorCode::OutOfRange,
                format!("must be more than 0 and at most {} {unit}", fmt(max)),
                number(value),
            ));
        } else {
            self.range(field, value, 0.0, max, unit);
        }
    }

    fn count(&mut self, field: &str, value: u64, min: u64, max: u64, unit: &str) {
        if value < min || value > max {
            self.errors.push(ValidationError::new(
                field,
                ErrorCode::OutOfRange,
                format!("must be a whole number from {min} to {max} {unit}"),
                Value::from(value),
            ));
        }
    }

    fn text(&mut self, field: &str, value: &str) {
        if value.chars().count() > MAX_TEXT_CHARS {
            self.errors.push(ValidationError::new(
                field,
                ErrorCode::TooLarge,
                format!("must be at most {MAX_TEXT_CHARS} characters"),
                Value::from(value.chars().take(40).collect::<String>() + "…"),
            ));
        }
    }
}

fn number(value: f64) -> Value {
    serde_json::Number::from_f64(value).map_or(Value::Null, Value::Number)
}

/// A bound for a message: no trailing `.0`, thousands separated.
fn fmt(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        let digits = format!("{}", value.abs() as u64);
        let mut grouped = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                grouped.push(',');
            }
            grouped.push(c);
        }
        if value < 0.0 {
            format!("-{grouped}")
        } else {
            grouped
        }
    } else {
        format!("{value}")
    }
}

/// Checks a parsed scenario. An empty list means the model may run on it.
pub fn validate(s: &Scenario) -> Vec<ValidationError> {
    let mut c = Checker { errors: Vec::new() };

    c.text("name", &s.name);
    if YearMonth::parse(&s.start_month).is_none() {
        c.errors.push(ValidationError::new(
            "startMonth",
            ErrorCode::InvalidFormat,
            "must be a month written YYYY-MM, between 1970-01 and 2200-12",
            Value::from(s.start_month.clone()),
        ));
    }
    c.count(
        "horizonYears",
        s.horizon_years.into(),
        1,
        MAX_HORIZON_YEARS.into(),
        "years",
    );

    let site = &s.site;
    c.positive("site.gridCapacityMw", site.grid_capacity_mw, 5_000.0, "MW");
    c.range(
        "site.powerPriceUsdPerMwh",
        site.power_price_usd_per_mwh,
        0.0,
        1_000.0,
        "USD/MWh",
    );
    c.range(
        "site.powerPriceEscalationPctPerYear",
        site.power_price_escalation_pct_per_year,
        -20.0,
        50.0,
        "% per year",
    );
    c.range(
        "site.buildingAreaSqFt",
        site.building_area_sq_ft,
        0.0,
        100_000_000.0,
        "ft²",
    );
    c.range("site.fibreDistanceKm", site.fibre_distance_km, 0.0, 1_000.0, "km");

    let b = &s.bitcoin;
    c.positive("bitcoin.btcPriceUsd", b.btc_price_usd, 1e9, "USD");
    c.range(
        "bitcoin.btcPriceGrowthPctPerYear",
        b.btc_price_growth_pct_per_year,
        -90.0,
        300.0,
        "% per year",
    );
    c.positive("bitcoin.networkHashrateEhs", b.network_hashrate_ehs, 1e6, "EH/s");
    c.range(
        "bitcoin.networkHashrateGrowthPctPerYear",
        b.network_hashrate_growth_pct_per_year,
        -90.0,
        300.0,
        "% per year",
    );
    c.range(
        "bitcoin.feesBtcPerBlock",
        b.fees_btc_per_block,
        0.0,
        100.0,
        "BTC per block",
    );
    c.range(
        "bitcoin.feesGrowthPctPerYear",
        b.fees_growth_pct_per_year,
        -90.0,
        300.0,
        "% per year",
    );
    c.count("bitcoin.anchorHeight", b.anchor_height, 0, 10_000_000, "blocks");
    if parse_date(&b.anchor_date).is_none() {
        c.errors.push(ValidationError::new(
            "bitcoin.anchorDate",
            ErrorCode::InvalidFormat,
            "must be a date written YYYY-MM-DD, between 1970 and 2200",
            Value::from(b.anchor_date.clone()),
        ));
    }
    c.positive("bitcoin.blocksPerDay", b.blocks_per_day, 1_440.0, "blocks per day");

    let m = &s.mining;
    if m.fleet.len() > MAX_FLEET_LINES {
        c.errors.push(ValidationError::new(
            "mining.fleet",
            ErrorCode::TooLarge,
            format!("must have at most {MAX_FLEET_LINES} lines (one per ASIC model)"),
            Value::from(m.fleet.len()),
        ));
    } else {
        for (i, line) in m.fleet.iter().enumerate() {
            let p = format!("mining.fleet[{i}]");
            c.text(&format!("{p}.model"), &line.model);
            c.count(&format!("{p}.units"), line.units.into(), 0, 10_000_000, "machines");
            c.positive(&format!("{p}.hashrateThs"), line.hashrate_ths, 10_000.0, "TH/s");
            c.positive(
                &format!("{p}.efficiencyJPerTh"),
                line.efficiency_j_per_th,
                200.0,
                "J/TH",
            );
        }
    }
    c.range("mining.pue", m.pue, 1.0, 3.0, "");
    c.range("mining.uptimePct", m.uptime_pct, 0.0, 100.0, "%");
    c.range("mining.poolFeePct", m.pool_fee_pct, 0.0, 100.0, "%");
    c.range("mining.curtailmentPct", m.curtailment_pct, 0.0, 100.0, "%");
    c.range(
        "mining.curtailmentCreditUsdPerMwh",
        m.curtailment_credit_usd_per_mwh,
        0.0,
        10_000.0,
        "USD/MWh",
    );
    c.range(
        "mining.fixedOpexUsdPerMwYear",
        m.fixed_opex_usd_per_mw_year,
        0.0,
        10_000_000.0,
        "USD per MW-year",
    );
    c.count(
        "mining.refresh.afterYears",
        m.refresh.after_years.into(),
        0,
        30,
        "years",
    );
    c.range(
        "mining.refresh.capexUsdPerTh",
        m.refresh.capex_usd_per_th,
        0.0,
        1_000.0,
        "USD per TH/s",
    );
    c.positive(
        "mining.refresh.efficiencyJPerTh",
        m.refresh.efficiency_j_per_th,
        200.0,
        "J/TH",
    );

    // The fleet must fit the interconnect: name the line at which it stops fitting.
    let grid = site.grid_capacity_mw;
    if c.errors.is_empty() && grid.is_finite() {
        let mut it_mw = 0.0;
        for (i, line) in m.fleet.iter().enumerate() {
            it_mw += line.units as f64 * line.hashrate_ths * line.efficiency_j_per_th / 1e6;
            let facility = it_mw * m.pue;
            if facility > grid * (1.0 + 1e-9) {
                c.errors.push(ValidationError::new(
                    format!("mining.fleet[{i}].units"),
                    ErrorCode::Inconsistent,
                    format!(
                        "the fleet up to this line ({}) draws {:.1} MW at PUE {} — more than the site's grid capacity of {} MW",
                        line.model,
                        facility,
                        m.pue,
                        fmt(grid)
                    ),
                    Value::from(line.units),
                ));
                break;
            }
        }
    }

    let r = &s.retrofit;
    c.range("retrofit.convertedSharePct", r.converted_share_pct, 0.0, 100.0, "%");
    c.range("retrofit.pue", r.pue, 1.0, 3.0, "");
    c.positive("retrofit.rackDensityKw", r.rack_density_kw, 300.0, "kW per rack");
    let cooling = presets::cooling(r.cooling);
    if r.rack_density_kw.is_finite() && r.rack_density_kw > cooling.max_rack_density_kw && r.rack_density_kw <= 300.0 {
        c.errors.push(ValidationError::new(
            "retrofit.rackDensityKw",
            ErrorCode::Inconsistent,
            format!(
                "{} cooling handles at most {} kW per rack; lower the density or choose another cooling technology",
                cooling.label,
                fmt(cooling.max_rack_density_kw)
            ),
            number(r.rack_density_kw),
        ));
    }
    let months = s.horizon_years.clamp(1, 30) * 12;
    c.count(
        "retrofit.constructionStartMonth",
        r.construction_start_month.into(),
        0,
        (months - 1).into(),
        "months from the start",
    );
    c.count("retrofit.buildMonths", r.build_months.into(), 1, 60, "months");
    c.count("retrofit.rampMonths", r.ramp_months.into(), 0, 60, "months");
    c.range("retrofit.softCostPct", r.soft_cost_pct, 0.0, 100.0, "%");
    c.range("retrofit.contingencyPct", r.contingency_pct, 0.0, 100.0, "%");
    if r.cost_overrides.len() > MAX_COST_OVERRIDES {
        c.errors.push(ValidationError::new(
            "retrofit.costOverrides",
            ErrorCode::TooLarge,
            format!("must have at most {MAX_COST_OVERRIDES} overrides"),
            Value::from(r.cost_overrides.len()),
        ));
    } else {
        for (i, o) in r.cost_overrides.iter().enumerate() {
            let p = format!("retrofit.costOverrides[{i}]");
            if !crate::capex::is_known_item(&o.item) {
                c.errors.push(ValidationError::new(
                    format!("{p}.item"),
                    ErrorCode::InvalidFormat,
                    "is not an item of the cost library (see presets().costLibrary for the ids)",
                    Value::from(o.item.chars().take(60).collect::<String>()),
                ));
            }
            c.range(&format!("{p}.unitCostUsd"), o.unit_cost_usd, 0.0, 1e9, "USD per unit");
        }
    }

    let co = &s.colocation;
    c.range(
        "colocation.leaseUsdPerKwMonth",
        co.lease_usd_per_kw_month,
        0.0,
        10_000.0,
        "USD per kW-month",
    );
    c.range(
        "colocation.escalatorPctPerYear",
        co.escalator_pct_per_year,
        -20.0,
        50.0,
        "% per year",
    );
    c.range("colocation.occupancyPct", co.occupancy_pct, 0.0, 100.0, "%");
    c.range(
        "colocation.landlordOpexUsdPerMwItYear",
        co.landlord_opex_usd_per_mw_it_year,
        0.0,
        100_000_000.0,
        "USD per MW-IT-year",
    );
    c.count("colocation.leaseTermYears", co.lease_term_years.into(), 1, 50, "years");

    let g = &s.gpu_cloud;
    c.range(
        "gpuCloud.rentUsdPerGpuHour",
        g.rent_usd_per_gpu_hour,
        0.0,
        1_000.0,
        "USD per GPU-hour",
    );
    c.range(
        "gpuCloud.rentDeclinePctPerYear",
        g.rent_decline_pct_per_year,
        -50.0,
        99.0,
        "% per year",
    );
    c.range("gpuCloud.utilizationPct", g.utilization_pct, 0.0, 100.0, "%");
    c.range("gpuCloud.loadPct", g.load_pct, 0.0, 100.0, "%");
    c.count("gpuCloud.usefulLifeYears", g.useful_life_years.into(), 1, 15, "years");
    c.range(
        "gpuCloud.opexUsdPerGpuYear",
        g.opex_usd_per_gpu_year,
        0.0,
        10_000_000.0,
        "USD per GPU-year",
    );
    c.range("gpuCloud.opexPctOfRevenue", g.opex_pct_of_revenue, 0.0, 100.0, "%");

    let f = &s.finance;
    c.range("finance.discountRatePct", f.discount_rate_pct, 0.0, 100.0, "% per year");
    c.range("finance.taxRatePct", f.tax_rate_pct, 0.0, 100.0, "%");
    c.positive("finance.sensitivityPct", f.sensitivity_pct, 90.0, "%");

    c.errors
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_scenario_is_valid() {
        assert_eq!(validate(&Scenario::default()), vec![]);
    }

    #[test]
    fn every_problem_is_reported_with_its_path() {
        let mut s = Scenario::default();
        s.site.grid_capacity_mw = -5.0;
        s.bitcoin.btc_price_usd = f64::NAN;
        s.mining.fleet[2].efficiency_j_per_th = 0.0;
        s.retrofit.build_months = 0;
        s.finance.discount_rate_pct = 150.0;
        let fields: Vec<String> = validate(&s).into_iter().map(|e| e.field).collect();
        assert_eq!(
            fields,
            vec![
                "site.gridCapacityMw",
                "bitcoin.btcPriceUsd",
                "mining.fleet[2].efficiencyJPerTh",
                "retrofit.buildMonths",
                "finance.discountRatePct"
            ]
        );
    }

    #[test]
    fn fleet_larger_than_grid_names_the_line_and_both_numbers() {
        let mut s = Scenario::default();
        s.site.grid_capacity_mw = 50.0;
        let errors = validate(&s);
        assert_eq!(errors.len(), 1);
        // Lines 0 and 1: (29.16 + 35.0) MW × 1.05 = 67.4 MW > 50 MW, so line 1 is named.
        assert_eq!(errors[0].field, "mining.fleet[1].units");
        assert!(errors[0].message.contains("67.4 MW"), "{}", errors[0].message);
        assert!(errors[0].message.contains("50 MW"), "{}", errors[0].message);
    }

    #[test]
    fn density_beyond_the_cooling_ceiling_names_the_ceiling() {
        let mut s = Scenario::default();
        s.retrofit.cooling = crate::scenario::Cooling::Air;
        let errors = validate(&s);
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].field, "retrofit.rackDensityKw");
        assert!(errors[0].message.contains("20 kW per rack"), "{}", errors[0].message);
    }
}
