//! Sizing of the converted share and the itemised retrofit bill (docs/model.md "Retrofit capex").
//!
//! - [`size`]: converted grid MW, critical IT MW at the AI PUE (and what the higher PUE costs
//!   against mining), racks, white space, GPUs, the commissioning month;
//! - [`retrofit`]: the facility bill (cooling, electrical, networking, building, soft costs and
//!   contingency), the GPU cloud's own equipment and the greenfield comparison;
//! - [`totals`]: the same totals without building the report lines, for re-runs;
//! - [`warnings`]: what the user should see next to the sizing;
//! - [`cost_library`]: every unit cost with its source; `retrofit.costOverrides` replace them
//!   by id;
//! - [`accuracy`]: the estimate's class and the band the real cost may fall in.
//!
//! How the defaults were calibrated against disclosed conversion costs: docs/methodology-capex.md.

pub mod accuracy;
mod bill;
pub mod library;

use serde::{Deserialize, Serialize};

use crate::calendar::YearMonth;
use crate::presets;
use crate::report::{CapexReport, Greenfield, SiteReport, Warning};
use crate::scenario::{Redundancy, Scenario};

/// One unit cost of the cost library.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct CostItem {
    /// An item a colocation tenant may fit out itself (`colocation.tenantFitOutPct`).
    pub fit_out: bool,
    /// Stable id used by `retrofit.costOverrides`.
    pub id: String,
    pub category: String,
    pub label: String,
    /// What one unit is ("kW of IT", "km", "GPU", …).
    pub unit: String,
    pub unit_cost_usd: f64,
    pub source: String,
    pub as_of: String,
    pub estimate: bool,
    /// Where the figure can be read, when it is a public page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// The cost library with its sources, in the order the page lists it.
pub fn cost_library() -> Vec<CostItem> {
    library::LIBRARY
        .iter()
        .map(|i| CostItem {
            fit_out: library::is_fit_out(i.id),
            id: i.id.to_string(),
            category: i.category.label().to_string(),
            label: i.label.to_string(),
            unit: i.unit.to_string(),
            unit_cost_usd: i.unit_cost_usd,
            source: i.source.to_string(),
            as_of: i.as_of.to_string(),
            estimate: i.estimate,
            url: (!i.url.is_empty()).then(|| i.url.to_string()),
        })
        .collect()
}

/// Whether `id` names an item of the cost library (what `retrofit.costOverrides[].item` may be).
pub fn is_known_item(id: &str) -> bool {
    library::find(id).is_some()
}

/// Rounds to 10⁻⁶ so that float noise (2.1 MW ÷ 1.2 = 1,750.0000000000002 kW) never adds or drops
/// a whole rack or GPU.
fn round6(x: f64) -> f64 {
    if x.is_finite() && x.abs() < 1e9 {
        (x * 1e6).round() / 1e6
    } else {
        x
    }
}

/// Whole units of `per_unit` in `amount`, rounded up (racks) or down (GPUs); 0 when either is
/// not positive. Saturates at `u32::MAX`.
fn whole_units(amount: f64, per_unit: f64, round_up: bool) -> u32 {
    if !(amount > 0.0 && per_unit > 0.0) {
        return 0;
    }
    let q = round6(round6(amount) / per_unit);
    let n = if round_up { q.ceil() } else { q.floor() };
    // `as` saturates a float at the integer's bounds (and maps NaN to 0).
    n as u32
}

/// `a ÷ b`, or 0 where `b` is not positive or the quotient is not finite.
pub(crate) fn ratio(a: f64, b: f64) -> f64 {
    let q = a / b;
    if b > 0.0 && q.is_finite() {
        q
    } else {
        0.0
    }
}

/// Sizing of the site and of its converted share:
///
/// - converted grid MW = grid MW × convertedSharePct ÷ 100;
/// - critical IT MW = converted ÷ retrofit PUE; at mining PUE it would be converted ÷ mining
///   PUE, and the difference (never below 0) is the IT load lost to the AI PUE;
/// - racks = ⌈IT kW ÷ rackDensityKw⌉; white space = racks × ft² per rack of the density band
///   ([`library::white_space_sq_ft_per_rack`]);
/// - GPUs = ⌊IT kW ÷ IT kW per GPU of `gpuCloud.system`⌋;
/// - commissioning month = constructionStartMonth + buildMonths.
///
/// ```
/// let site = minepivot::capex::size(&minepivot::Scenario::default());
/// // 100 MW × 100 % ÷ 1.3 = 76.92 MW of IT; ⌈76,923.08 kW ÷ 130 kW⌉ = 592 racks.
/// assert_eq!(site.racks, 592);
/// ```
pub fn size(s: &Scenario) -> SiteReport {
    let r = &s.retrofit;
    let grid = s.site.grid_capacity_mw;
    let converted = (grid * r.converted_share_pct / 100.0).max(0.0);
    let it_mw = ratio(converted, r.pue);
    let at_mining_pue = ratio(converted, s.mining.pue);
    let it_kw = it_mw * 1000.0;
    let racks = whole_units(it_kw, r.rack_density_kw, true);
    let gpus = whole_units(it_kw, presets::it_kw_per_gpu(s), false);
    let commissioning_month = r.first_commissioning();
    SiteReport {
        grid_capacity_mw: grid,
        fleet_ph: s.mining.fleet_ph(),
        fleet_it_mw: s.mining.fleet_it_mw(),
        fleet_facility_mw: s.mining.fleet_facility_mw(),
        converted_grid_mw: converted,
        it_capacity_mw: it_mw,
        it_capacity_at_mining_pue_mw: at_mining_pue,
        it_lost_to_pue_mw: (at_mining_pue - it_mw).max(0.0),
        racks,
        white_space_sq_ft: f64::from(racks) * library::white_space_sq_ft_per_rack(r.rack_density_kw),
        building_area_sq_ft: s.site.building_area_sq_ft,
        gpus,
        commissioning_month,
        commissioning_label: YearMonth::parse(&s.start_month)
            .map(|m| m.plus(commissioning_month).label())
            .unwrap_or_default(),
    }
}

/// The capex totals the cash-flow model needs, computed without the report's lines.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct CapexTotals {
    /// The facility retrofit (both AI pathways), USD.
    pub facility_usd: f64,
    /// What the colocation landlord pays of it: less the tenant's share of the fit-out, USD.
    pub landlord_usd: f64,
    /// The GPU cloud's own equipment, USD.
    pub gpu_cloud_usd: f64,
    /// Facility capex per month of construction, USD.
    pub monthly_spend_usd: f64,
    /// The building works' share of the facility total (their soft costs and contingency
    /// included, which fall on every hard cost alike), 0–1: the part depreciated as a
    /// building, not as mechanical and electrical plant.
    pub building_share: f64,
}

/// Building works ÷ hard costs, from per-category totals; 0 where there are no hard costs.
pub fn building_share(categories: &[crate::report::CategoryTotal]) -> f64 {
    let of =
        |pick: &dyn Fn(&str) -> bool| -> f64 { categories.iter().filter(|c| pick(&c.id)).map(|c| c.total_usd).sum() };
    ratio(
        of(&|c| c == library::Category::Building.id()),
        of(&|c| c != library::Category::SoftCosts.id()),
    )
    .clamp(0.0, 1.0)
}

/// The first phase's monthly spend: facility total × its share ÷ its buildMonths (at least
/// one month); with one phase, the whole bill spread over the build.
fn monthly_spend(s: &Scenario, facility_usd: f64) -> f64 {
    s.retrofit.phases.first().map_or(0.0, |p| {
        facility_usd * p.share_pct / 100.0 / f64::from(p.build_months.max(1))
    })
}

/// The totals of [`retrofit`], the same numbers, without allocating a line of text: for the
/// analysis, which re-runs the model many times.
pub fn totals(s: &Scenario, site: &SiteReport) -> CapexTotals {
    let facility = bill::facility(s, site);
    let facility_usd = bill::total(&facility);
    CapexTotals {
        facility_usd,
        landlord_usd: if s.colocation.tenant_fit_out_pct > 0.0 {
            bill::total(&bill::landlord(s, site))
        } else {
            facility_usd
        },
        gpu_cloud_usd: bill::total(&bill::gpu_cloud(s, site)),
        monthly_spend_usd: monthly_spend(s, facility_usd),
        building_share: building_share(&bill::categories(&facility)),
    }
}

/// The itemised retrofit bill, the GPU cloud's equipment and the greenfield comparison.
///
/// Every line is quantity × unit cost (the library's, or the user's override), rounded to the
/// dollar; the total is the sum of the lines. Soft costs = softCostPct × hard costs;
/// contingency = contingencyPct × (hard + soft). Greenfield = the retrofit + a new substation,
/// interconnection, land, shell and site works (with their own soft costs and contingency);
/// credit = greenfield − retrofit. Monthly spend = total ÷ buildMonths.
pub fn retrofit(s: &Scenario, site: &SiteReport) -> CapexReport {
    let it_mw = site.it_capacity_mw;
    let facility = bill::facility(s, site);
    let facility_usd = bill::total(&facility);
    let extras = bill::greenfield_extras(s, site);
    let greenfield_usd = facility_usd + bill::total(&extras);
    // The retrofit's time to power: from the first construction start to the first
    // commissioning, against a greenfield build's interconnection queue.
    let retrofit_months = s
        .retrofit
        .first_commissioning()
        .saturating_sub(s.retrofit.first_start());
    let greenfield_months = library::GREENFIELD_TIME_TO_POWER_MONTHS.max(retrofit_months);
    let landlord = (s.colocation.tenant_fit_out_pct > 0.0).then(|| bill::to_bill(&bill::landlord(s, site), it_mw));
    let gpu_cloud = bill::to_bill(&bill::gpu_cloud(s, site), it_mw);
    let accuracy = accuracy::band(
        facility_usd,
        landlord.as_ref().map_or(facility_usd, |l| l.total_usd),
        gpu_cloud.total_usd,
    );
    CapexReport {
        tenant_fit_out_usd: landlord.as_ref().map_or(0.0, |l| facility_usd - l.total_usd),
        landlord,
        total_usd: facility_usd,
        per_it_mw_usd: bill::per_it_mw(facility_usd, it_mw),
        lines: bill::report_lines(&facility),
        categories: bill::categories(&facility),
        gpu_cloud,
        greenfield: Greenfield {
            total_usd: greenfield_usd,
            per_it_mw_usd: bill::per_it_mw(greenfield_usd, it_mw),
            extra_lines: bill::report_lines(&extras),
            credit_usd: greenfield_usd - facility_usd,
            build_months: greenfield_months,
            months_saved: greenfield_months - retrofit_months.min(greenfield_months),
        },
        monthly_spend_usd: monthly_spend(s, facility_usd),
        accuracy,
    }
}

/// How far below the cooling technology's typical PUE the AI PUE may be before it looks too
/// optimistic to pass silently.
const PUE_TOLERANCE: f64 = 0.1;

/// Warnings about the sizing:
/// - `buildingTooSmall`: the racks' white space exceeds the site's building area;
/// - `itLostToPue`: the AI PUE leaves less IT load on the converted MW than mining carries;
/// - `pueBelowCooling`: the AI PUE is well below what the cooling technology implies;
/// - `redundancyN`: an N design, where AI tenants expect N+1.
pub fn warnings(s: &Scenario, site: &SiteReport) -> Vec<Warning> {
    let r = &s.retrofit;
    let mut out = Vec::new();
    if site.it_capacity_mw <= 0.0 {
        return out;
    }
    if site.white_space_sq_ft > site.building_area_sq_ft {
        out.push(Warning::new(
            "buildingTooSmall",
            Some("site.buildingAreaSqFt"),
            format!(
                "The {} racks need about {} ft² of white space, but the site's buildings have {} ft²: \
                 budget new halls, or raise the rack density",
                crate::format::grouped(f64::from(site.racks)),
                crate::format::grouped(site.white_space_sq_ft),
                crate::format::grouped(site.building_area_sq_ft)
            ),
        ));
    }
    // A loss under 1 % is rounding, not news.
    if site.it_lost_to_pue_mw > 0.01 * site.it_capacity_at_mining_pue_mw {
        out.push(Warning::new(
            "itLostToPue",
            Some("retrofit.pue"),
            format!(
                "At AI PUE {:.2} the {} MW converted carry {} MW of critical IT, against the {} MW of IT load \
                 they would carry at mining PUE {:.2}: {} MW goes to cooling and losses instead",
                r.pue,
                mw(site.converted_grid_mw),
                mw(site.it_capacity_mw),
                mw(site.it_capacity_at_mining_pue_mw),
                s.mining.pue,
                mw(site.it_lost_to_pue_mw)
            ),
        ));
    }
    let cooling = presets::cooling(r.cooling);
    if r.pue < cooling.typical_pue - PUE_TOLERANCE {
        out.push(Warning::new(
            "pueBelowCooling",
            Some("retrofit.pue"),
            format!(
                "AI PUE {:.2} is well below the {:.2} that {} cooling typically achieves: the IT capacity \
                 and the power bill may be too optimistic",
                r.pue,
                cooling.typical_pue,
                cooling.label.to_ascii_lowercase()
            ),
        ));
    }
    if r.redundancy == Redundancy::N {
        out.push(Warning::new(
            "redundancyN",
            Some("retrofit.redundancy"),
            "An N design has no spare UPS, generator or distribution capacity; AI tenants expect Tier III-like \
             N+1, so the lease rate or occupancy may not hold",
        ));
    }
    out
}

/// MW to one decimal, without a trailing ".0": 100 → "100", 76.923 → "76.9".
fn mw(x: f64) -> String {
    let text = format!("{x:.1}");
    match text.strip_suffix(".0") {
        Some(whole) => crate::format::grouped(whole.parse().unwrap_or(x)),
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_units_ignore_float_noise() {
        // 1000.0000001 kW at 100 kW a rack is 10 racks, not 11.
        assert_eq!(whole_units(1_000.000_000_1, 100.0, true), 10);
        // 0.7 ÷ 0.1 = 6.999999999999999 in f64: still 7 whole units, rounding down.
        assert_eq!(whole_units(0.7, 0.1, false), 7);
        // 0.3 ÷ 0.1 = 2.9999999999999996: 3, rounding up.
        assert_eq!(whole_units(0.3, 0.1, true), 3);
        assert_eq!(whole_units(1000.1, 100.0, true), 11);
        assert_eq!(whole_units(999.9, 100.0, false), 9);
        assert_eq!(whole_units(0.0, 100.0, true), 0);
        assert_eq!(whole_units(10.0, 0.0, true), 0);
        assert_eq!(whole_units(1e12, 1e-9, true), u32::MAX);
    }

    #[test]
    fn numbers_for_people() {
        assert_eq!(crate::format::grouped(41_440.0), "41,440");
        assert_eq!(crate::format::grouped(592.0), "592");
        assert_eq!(crate::format::grouped(1_000_000.0), "1,000,000");
        assert_eq!(mw(100.0), "100");
        assert_eq!(mw(76.923), "76.9");
        assert_eq!(mw(1_500.0), "1,500");
    }

    #[test]
    fn server_prices_match_the_gpu_presets() {
        use crate::scenario::GpuSystem;
        for system in GpuSystem::ALL {
            // The four lines of the GPU bill add up to the system's all-in price.
            let lines = library::gpu_servers(system).unit_cost_usd
                + library::FABRIC_INFINIBAND.unit_cost_usd
                + library::FRONT_END_NETWORK.unit_cost_usd
                + library::STORAGE.unit_cost_usd;
            assert!(
                (lines - presets::gpu_system(system).capex_usd_per_gpu).abs() < 1e-6,
                "{system:?}"
            );
        }
    }

    #[test]
    fn library_ids_are_unique_and_dated() {
        let lib = library::LIBRARY;
        for (i, item) in lib.iter().enumerate() {
            assert!(lib[i + 1..].iter().all(|o| o.id != item.id), "duplicate id {}", item.id);
            assert!(
                YearMonth::parse(item.as_of).is_some(),
                "{}: as_of {}",
                item.id,
                item.as_of
            );
            assert!(!item.source.is_empty(), "{}", item.id);
        }
    }

    #[test]
    fn totals_match_the_report() {
        let s = Scenario::default();
        let site = size(&s);
        let report = retrofit(&s, &site);
        let t = totals(&s, &site);
        assert_eq!(t.facility_usd, report.total_usd);
        assert_eq!(t.gpu_cloud_usd, report.gpu_cloud.total_usd);
        assert_eq!(t.monthly_spend_usd, report.monthly_spend_usd);
    }
}
