#![cfg(not(target_arch = "wasm32"))]
//! Properties of the sizing and the retrofit bill over generated valid scenarios.

use minepivot::capex::{self, library};
use minepivot::presets;
use minepivot::report::{CapexLine, CapexReport, SiteReport};
use minepivot::scenario::{Cooling, CostOverride, Fabric, GpuSystem, Redundancy, Scenario};
use minepivot::validate::validate;
use proptest::prelude::*;

#[path = "common/strategies.rs"]
mod strategies;
use strategies::{cooling, redundancy, system};

/// Valid scenarios: no fleet (so any grid is consistent), every retrofit input across its range,
/// the share from 0 to 100 % with both ends weighted in, the density within the cooling's ceiling.
fn scenario() -> impl Strategy<Value = Scenario> {
    let share = prop_oneof![1 => Just(0.0), 1 => Just(100.0), 8 => 0.0..=100.0];
    (
        (
            0.001f64..5_000.0,
            share,
            1.0f64..=3.0,
            1.0f64..=3.0,
            cooling(),
            0.01f64..=1.0,
        ),
        (
            redundancy(),
            0.0f64..=1_000.0,
            0.0f64..=1e8,
            0.0f64..=100.0,
            0.0f64..=100.0,
        ),
        (1u32..=60, 0u32..=119, system(), any::<bool>()),
    )
        .prop_map(
            |(
                (grid, share, pue, mining_pue, cooling, density_share),
                (redundancy, fibre, building, soft, contingency),
                (build, start, system, ethernet),
            )| {
                let mut s = Scenario::default();
                s.mining.fleet = Vec::new();
                s.mining.pue = mining_pue;
                s.site.grid_capacity_mw = grid;
                s.site.fibre_distance_km = fibre;
                s.site.building_area_sq_ft = building;
                let r = &mut s.retrofit;
                r.converted_share_pct = share;
                r.pue = pue;
                r.cooling = cooling;
                r.rack_density_kw = density_share * presets::cooling(cooling).max_rack_density_kw;
                r.redundancy = redundancy;
                r.soft_cost_pct = soft;
                r.contingency_pct = contingency;
                r.phases[0].build_months = build;
                r.phases[0].construction_start_month = start;
                s.gpu_cloud.system = system;
                s.gpu_cloud.fabric = if ethernet { Fabric::Ethernet } else { Fabric::Infiniband };
                strategies::within_registry(s)
            },
        )
}

/// Lines whose quantity is the sum of other lines (installation, soft costs, contingency).
const DERIVED: [&str; 6] = [
    "coolingInstallation",
    "electricalInstallation",
    "softCosts",
    "contingency",
    "greenfieldSoftCosts",
    "greenfieldContingency",
];

fn finite_lines(lines: &[CapexLine]) -> bool {
    lines
        .iter()
        .all(|l| l.quantity.is_finite() && l.unit_cost_usd.is_finite() && l.total_usd.is_finite())
}

fn all_finite(site: &SiteReport, r: &CapexReport) -> bool {
    let site_numbers = [
        site.grid_capacity_mw,
        site.fleet_ph,
        site.fleet_it_mw,
        site.fleet_facility_mw,
        site.converted_grid_mw,
        site.it_capacity_mw,
        site.it_capacity_at_mining_pue_mw,
        site.it_lost_to_pue_mw,
        site.white_space_sq_ft,
        site.building_area_sq_ft,
    ];
    let report_numbers = [
        Some(r.total_usd),
        r.per_it_mw_usd,
        Some(r.gpu_cloud.total_usd),
        r.gpu_cloud.per_it_mw_usd,
        Some(r.greenfield.total_usd),
        r.greenfield.per_it_mw_usd,
        Some(r.greenfield.credit_usd),
        Some(r.monthly_spend_usd),
    ];
    site_numbers.iter().all(|x| x.is_finite())
        && report_numbers.iter().flatten().all(|x| x.is_finite())
        && finite_lines(&r.lines)
        && finite_lines(&r.gpu_cloud.lines)
        && finite_lines(&r.greenfield.extra_lines)
        && r.categories
            .iter()
            .chain(&r.gpu_cloud.categories)
            .all(|c| c.total_usd.is_finite())
}

fn bill(s: &Scenario) -> CapexReport {
    capex::retrofit(s, &capex::size(s))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn generated_scenarios_are_valid_and_every_number_finite(s in scenario()) {
        prop_assert_eq!(validate(&s), vec![]);
        let site = capex::size(&s);
        let r = capex::retrofit(&s, &site);
        prop_assert!(all_finite(&site, &r));
        prop_assert_eq!(r.per_it_mw_usd.is_some(), site.it_capacity_mw > 0.0);
        prop_assert!(site.it_lost_to_pue_mw >= 0.0);
        let _ = capex::warnings(&s, &site);
    }

    #[test]
    fn lines_are_quantity_times_unit_cost_and_sum_to_the_total(s in scenario()) {
        let r = bill(&s);
        for lines in [&r.lines, &r.gpu_cloud.lines, &r.greenfield.extra_lines] {
            for l in lines.iter() {
                // Rounded to the whole dollar.
                prop_assert!((l.quantity * l.unit_cost_usd - l.total_usd).abs() <= 0.5, "{}", l.id);
                prop_assert_eq!(l.total_usd, l.total_usd.round());
            }
        }
        prop_assert_eq!(r.lines.iter().map(|l| l.total_usd).sum::<f64>(), r.total_usd);
        prop_assert_eq!(r.categories.iter().map(|c| c.total_usd).sum::<f64>(), r.total_usd);
        let g = &r.gpu_cloud;
        prop_assert_eq!(g.lines.iter().map(|l| l.total_usd).sum::<f64>(), g.total_usd);
        prop_assert_eq!(g.categories.iter().map(|c| c.total_usd).sum::<f64>(), g.total_usd);
        let extras: f64 = r.greenfield.extra_lines.iter().map(|l| l.total_usd).sum();
        prop_assert_eq!(r.greenfield.credit_usd, extras);
        prop_assert_eq!(r.greenfield.total_usd, r.total_usd + extras);
        prop_assert_eq!(
            r.greenfield.months_saved,
            r.greenfield.build_months - s.retrofit.phases[0].build_months
        );
    }

    #[test]
    fn more_redundancy_never_costs_less(s in scenario()) {
        let total = |r: Redundancy| {
            let mut s = s.clone();
            s.retrofit.redundancy = r;
            bill(&s).total_usd
        };
        let (n, n1, two_n) = (total(Redundancy::N), total(Redundancy::NPlus1), total(Redundancy::TwoN));
        prop_assert!(n <= n1 && n1 <= two_n, "N {n}, N+1 {n1}, 2N {two_n}");
    }

    #[test]
    fn denser_racks_mean_fewer_racks(s in scenario(), a in 0.01f64..=1.0, b in 0.01f64..=1.0) {
        let ceiling = presets::cooling(s.retrofit.cooling).max_rack_density_kw;
        let (low, high) = (a.min(b) * ceiling, a.max(b) * ceiling);
        let racks = |density: f64| {
            let mut s = s.clone();
            s.retrofit.rack_density_kw = density;
            capex::size(&s).racks
        };
        prop_assert!(racks(high) <= racks(low));
    }

    #[test]
    fn an_override_replaces_exactly_its_line(
        s in scenario(),
        pick in any::<prop::sample::Index>(),
        cost in 0.0f64..=1e6,
    ) {
        let before = bill(&s);
        let ids: Vec<&CapexLine> = before
            .lines
            .iter()
            .chain(&before.gpu_cloud.lines)
            .chain(&before.greenfield.extra_lines)
            .filter(|l| capex::is_known_item(&l.id))
            .collect();
        let id = ids[pick.index(ids.len())].id.clone();
        let mut edited = s.clone();
        edited.retrofit.cost_overrides = vec![CostOverride { item: id.clone(), unit_cost_usd: cost }];
        prop_assert_eq!(validate(&edited), vec![]);
        let after = bill(&edited);
        let pairs = [
            (&before.lines, &after.lines),
            (&before.gpu_cloud.lines, &after.gpu_cloud.lines),
            (&before.greenfield.extra_lines, &after.greenfield.extra_lines),
        ];
        for (old, new) in pairs {
            prop_assert_eq!(old.len(), new.len());
            for (o, n) in old.iter().zip(new.iter()) {
                prop_assert_eq!(&o.id, &n.id);
                if o.id == id {
                    prop_assert_eq!(n.unit_cost_usd, cost);
                    prop_assert_eq!(n.quantity, o.quantity);
                    prop_assert_eq!(n.total_usd, (o.quantity * cost).round());
                    prop_assert!(n.overridden);
                } else if !DERIVED.contains(&o.id.as_str()) {
                    prop_assert_eq!(o, n);
                } else {
                    // A derived line keeps its rate and follows the lines it is a share of.
                    prop_assert_eq!(o.unit_cost_usd, n.unit_cost_usd);
                    prop_assert!(!n.overridden);
                }
            }
        }
    }
}

#[test]
fn every_library_item_can_appear_on_a_bill() {
    // Each item is used by some cooling, fabric or GPU system; an unused item would be an
    // override that silently does nothing.
    let mut seen = std::collections::HashSet::new();
    for cooling in [
        Cooling::Air,
        Cooling::RearDoor,
        Cooling::DirectToChip,
        Cooling::Immersion,
    ] {
        for system in GpuSystem::ALL {
            for fabric in [Fabric::Infiniband, Fabric::Ethernet] {
                let mut s = Scenario::default();
                s.retrofit.cooling = cooling;
                s.retrofit.rack_density_kw = 20.0;
                s.gpu_cloud.system = system;
                s.gpu_cloud.fabric = fabric;
                // On-site generation is on the bill when the AI load runs on it.
                if fabric == Fabric::Ethernet {
                    s.power.ai_supply = minepivot::scenario::FirmSupply::Generation;
                }
                let r = bill(&s);
                for l in r
                    .lines
                    .iter()
                    .chain(&r.gpu_cloud.lines)
                    .chain(&r.greenfield.extra_lines)
                {
                    seen.insert(l.id.clone());
                }
            }
        }
    }
    for item in library::LIBRARY {
        assert!(seen.contains(item.id), "{} never appears on a bill", item.id);
    }
}
