//! Worked examples of the retrofit sizing and bill. Every expected number is derived by hand in
//! the comment above it from the inputs and the cost library's unit costs
//! (src/capex/library.rs), never copied from the code's output.

use minepivot::calendar::YearMonth;
use minepivot::capex::{self, CostItem};
use minepivot::report::{CapexLine, CapexReport};
use minepivot::scenario::{Cooling, CostOverride, Fabric, GpuSystem, Redundancy, Scenario};
use minepivot::validate::validate;

/// A valid scenario with no fleet (so any grid size is consistent) and the given grid.
fn bare(grid_mw: f64) -> Scenario {
    let mut s = Scenario::default();
    s.mining.fleet = Vec::new();
    s.site.grid_capacity_mw = grid_mw;
    s
}

/// The small site of the bill examples: 13 MW × 100 % ÷ PUE 1.3 = 10 MW = 10,000 kW of IT,
/// direct-to-chip, N+1, 100 kW racks, 10 km of fibre, soft costs 10 %, contingency 10 %, B200s
/// on InfiniBand.
fn small() -> Scenario {
    let mut s = bare(13.0);
    s.retrofit.converted_share_pct = 100.0;
    s.retrofit.pue = 1.3;
    s.retrofit.rack_density_kw = 100.0;
    s.retrofit.cooling = Cooling::DirectToChip;
    s.retrofit.redundancy = Redundancy::NPlus1;
    s.retrofit.soft_cost_pct = 10.0;
    s.retrofit.contingency_pct = 10.0;
    s.retrofit.phases[0].build_months = 12;
    s.site.fibre_distance_km = 10.0;
    s.gpu_cloud.system = GpuSystem::B200;
    s.gpu_cloud.fabric = Fabric::Infiniband;
    assert_eq!(validate(&s), vec![]);
    s
}

fn close(actual: f64, expected: f64, tolerance: f64) {
    assert!(
        (actual - expected).abs() <= tolerance,
        "expected {expected}, got {actual} (tolerance {tolerance})"
    );
}

fn line<'a>(lines: &'a [CapexLine], id: &str) -> &'a CapexLine {
    lines
        .iter()
        .find(|l| l.id == id)
        .unwrap_or_else(|| panic!("no line {id}"))
}

fn category(report: &CapexReport, name: &str) -> f64 {
    report
        .categories
        .iter()
        .find(|c| c.category == name)
        .unwrap_or_else(|| panic!("no category {name}"))
        .total_usd
}

fn bill(s: &Scenario) -> CapexReport {
    capex::retrofit(s, &capex::size(s))
}

#[test]
fn it_capacity_from_grid_share_and_pue() {
    let mut s = bare(50.0);
    s.retrofit.converted_share_pct = 60.0;
    s.retrofit.pue = 1.25;
    s.mining.pue = 1.05;
    assert_eq!(validate(&s), vec![]);
    let site = capex::size(&s);
    // Converted: 50 MW × 60 % = 30 MW.
    close(site.converted_grid_mw, 30.0, 1e-12);
    // Critical IT at AI PUE: 30 ÷ 1.25 = 24 MW.
    close(site.it_capacity_mw, 24.0, 1e-12);
    // At mining PUE: 30 ÷ 1.05 = 28.571428… MW; lost = 28.571428 − 24 = 4.571428… MW
    // (= 30 × (1/1.05 − 1/1.25) = 30 × 0.2 ÷ 1.3125).
    close(site.it_capacity_at_mining_pue_mw, 28.571_428_571, 1e-8);
    close(site.it_lost_to_pue_mw, 4.571_428_571, 1e-8);
}

#[test]
fn the_default_site_and_its_fleet() {
    let site = capex::size(&Scenario::default());
    // Fleet: 8,000 × 270 + 10,000 × 200 + 9,000 × 104 TH/s = 2,160,000 + 2,000,000 + 936,000
    // = 5,096,000 TH/s = 5,096 PH/s.
    close(site.fleet_ph, 5_096.0, 1e-9);
    // Power: 2,160,000 × 13.5 + 2,000,000 × 17.5 + 936,000 × 29.5 W = 29.16 + 35.0 + 27.612 MW
    // = 91.772 MW; × 1.05 = 96.3606 MW at the mining PUE.
    close(site.fleet_it_mw, 91.772, 1e-9);
    close(site.fleet_facility_mw, 96.3606, 1e-9);
    // 100 MW ÷ 1.3 = 76.923 MW of IT; ⌈76,923.08 kW ÷ 130 kW⌉ = ⌈591.7⌉ = 592 racks.
    close(site.it_capacity_mw, 76.923_076_923, 1e-8);
    assert_eq!(site.racks, 592);
    // 130 kW is in the 60–150 kW band: 70 ft² a rack; 592 × 70 = 41,440 ft².
    close(site.white_space_sq_ft, 41_440.0, 1e-9);
    close(site.building_area_sq_ft, 100_000.0, 0.0);
    // GB300: IREN's 200,000 kW ÷ 76,000 GPUs = 2.631579 kW a GPU, all-in;
    // ⌊76,923.08 ÷ 2.631579⌋ = ⌊29,230.77⌋ = 29,230.
    assert_eq!(site.gpus, 29_230);
    // Construction from month 0 for 12 months: commissioning in month 12 = 2027-01 + 12 = 2028-01.
    assert_eq!(site.commissioning_month, 12);
    assert_eq!(site.commissioning_label, "2028-01");
}

#[test]
fn racks_round_up_but_never_for_float_noise() {
    // 2.1 MW ÷ 1.2 = 1.75 MW, but 1,750.0000000000002 kW in f64, and ÷ 50 kW = 35.00000000000001:
    // a naive ceiling says 36 racks; there are 35.
    let mut tiny = bare(2.1);
    tiny.retrofit.pue = 1.2;
    tiny.retrofit.rack_density_kw = 50.0;
    assert_eq!(validate(&tiny), vec![]);
    assert_eq!(capex::size(&tiny).racks, 35);

    let mut s = small();
    // 10,000 kW ÷ 100 kW = 100 racks exactly.
    assert_eq!(capex::size(&s).racks, 100);
    // ⌈10,000 ÷ 130⌉ = ⌈76.92⌉ = 77 racks; 77 × 70 ft² = 5,390 ft².
    s.retrofit.rack_density_kw = 130.0;
    let site = capex::size(&s);
    assert_eq!(site.racks, 77);
    close(site.white_space_sq_ft, 5_390.0, 1e-9);
    // Air at 20 kW: 10,000 ÷ 20 = 500 racks of 30 ft² = 15,000 ft².
    s.retrofit.cooling = Cooling::Air;
    s.retrofit.rack_density_kw = 20.0;
    let site = capex::size(&s);
    assert_eq!(site.racks, 500);
    close(site.white_space_sq_ft, 15_000.0, 1e-9);
    // Rear door at 40 kW: 10,000 ÷ 40 = 250 racks of 45 ft² = 11,250 ft².
    s.retrofit.cooling = Cooling::RearDoor;
    s.retrofit.rack_density_kw = 40.0;
    let site = capex::size(&s);
    assert_eq!(site.racks, 250);
    close(site.white_space_sq_ft, 11_250.0, 1e-9);
    // Direct-to-chip at 200 kW: 50 racks of 90 ft² = 4,500 ft².
    s.retrofit.cooling = Cooling::DirectToChip;
    s.retrofit.rack_density_kw = 200.0;
    let site = capex::size(&s);
    assert_eq!(site.racks, 50);
    close(site.white_space_sq_ft, 4_500.0, 1e-9);
}

#[test]
fn gpus_per_system() {
    let mut s = small();
    // 10,000 kW of IT in each case, floored to whole GPUs. All-in kW per GPU = the node's or
    // rack's kW per GPU × 1.392353 (IREN's 2.63 kW per GB300 ÷ 136 kW / 72 at the rack):
    // H100 and H200: 10.2 ÷ 8 = 1.275 × 1.392353 = 1.775250 kW → 10,000 ÷ 1.77525 = 5,633.0 → 5,633.
    // B200: 14.3 ÷ 8 = 1.7875 × 1.392353 = 2.488831 kW → 4,017.95 → 4,017.
    // GB200 NVL72: 132 ÷ 72 = 1.833333 × 1.392353 = 2.552647 kW → 3,917.5 → 3,917.
    // B300: 14.5 ÷ 8 = 1.8125 × 1.392353 = 2.523640 kW → 3,962.5 → 3,962.
    // GB300 NVL72: 200,000 ÷ 76,000 = 2.631579 kW → 3,800.0 → 3,800.
    for (system, expected) in [
        (GpuSystem::H100, 5_633),
        (GpuSystem::H200, 5_633),
        (GpuSystem::B200, 4_017),
        (GpuSystem::Gb200, 3_917),
        (GpuSystem::B300, 3_962),
        (GpuSystem::Gb300, 3_800),
    ] {
        s.gpu_cloud.system = system;
        assert_eq!(capex::size(&s).gpus, expected, "{system:?}");
    }
}

#[test]
fn commissioning_month_and_label() {
    let mut s = small();
    s.start_month = "2027-01".to_string();
    s.retrofit.phases[0].construction_start_month = 3;
    s.retrofit.phases[0].build_months = 14;
    let site = capex::size(&s);
    // 3 + 14 = month 17; 2027-01 + 17 months = 2028-06.
    assert_eq!(site.commissioning_month, 17);
    assert_eq!(site.commissioning_label, "2028-06");
}

#[test]
fn a_small_bill_line_by_line() {
    let s = small();
    let r = bill(&s);
    // (id, quantity, unit cost, total) for the 10,000 kW site of `small()`:
    let expected: [(&str, f64, f64, f64); 24] = [
        // Cooling, direct-to-chip: liquid plant on all 10,000 kW, air side on 25 % = 2,500 kW.
        ("cdu", 10_000.0, 140.0, 1_400_000.0),
        ("dryCoolers", 10_000.0, 164.0, 1_640_000.0),
        ("pumpsPipework", 10_000.0, 190.0, 1_900_000.0),
        ("airHandlers", 2_500.0, 350.0, 875_000.0),
        ("chilledWaterPlant", 2_500.0, 450.0, 1_125_000.0),
        // Installation = 100 % of the equipment: 1.4 + 1.64 + 1.9 + 0.875 + 1.125 = $6.94 M.
        ("coolingInstallation", 6_940_000.0, 1.0, 6_940_000.0),
        // Electrical, N+1: 10,000 kW × 1.25 = 12,500 kW of capacity.
        ("switchgear", 12_500.0, 450.0, 5_625_000.0),
        ("ups", 12_500.0, 175.0, 2_187_500.0),
        ("generators", 12_500.0, 650.0, 8_125_000.0),
        ("distribution", 12_500.0, 75.0, 937_500.0),
        ("mvFeeders", 10_000.0, 200.0, 2_000_000.0),
        // 5.625 + 2.1875 + 8.125 + 0.9375 + 2.0 = $18.875 M of equipment, installed at 100 %.
        ("electricalInstallation", 18_875_000.0, 1.0, 18_875_000.0),
        // The mine's 13 MW substation and interconnect, reused for nothing.
        ("existingSubstation", 13.0, 0.0, 0.0),
        // Networking: 10 km × $60,000 and one meet-me room.
        ("wanFibre", 10.0, 60_000.0, 600_000.0),
        ("meetMeRoom", 1.0, 2_000_000.0, 2_000_000.0),
        // Building, per kW of IT.
        ("hallConversion", 10_000.0, 900.0, 9_000_000.0),
        ("whiteSpaceFitOut", 10_000.0, 1_000.0, 10_000_000.0),
        ("backOfHouse", 10_000.0, 300.0, 3_000_000.0),
        ("fireSuppression", 10_000.0, 100.0, 1_000_000.0),
        ("security", 10_000.0, 50.0, 500_000.0),
        ("controls", 10_000.0, 125.0, 1_250_000.0),
        ("siteWorks", 10_000.0, 300.0, 3_000_000.0),
        // Hard costs: cooling 13.88 + electrical 37.75 + networking 2.6 + building 27.75
        // = $81.98 M; soft costs 10 % = $8.198 M.
        ("softCosts", 81_980_000.0, 0.1, 8_198_000.0),
        // Contingency 10 % of 81.98 + 8.198 = $90.178 M → $9.0178 M.
        ("contingency", 90_178_000.0, 0.1, 9_017_800.0),
    ];
    assert_eq!(
        r.lines.iter().map(|l| l.id.as_str()).collect::<Vec<_>>(),
        expected.iter().map(|e| e.0).collect::<Vec<_>>()
    );
    for (id, quantity, unit_cost, total) in expected {
        let l = line(&r.lines, id);
        close(l.quantity, quantity, 1e-6);
        close(l.unit_cost_usd, unit_cost, 1e-12);
        assert_eq!(l.total_usd, total, "{id}");
        assert!(!l.overridden, "{id}");
    }
    // 81.98 + 8.198 + 9.0178 = $99.1958 M; ÷ 10 MW = $9.91958 M per MW of IT.
    assert_eq!(r.total_usd, 99_195_800.0);
    close(r.per_it_mw_usd.unwrap(), 9_919_580.0, 1e-3);
    // Spent evenly over 12 months: 99,195,800 ÷ 12 = 8,266,316.67 a month.
    close(r.monthly_spend_usd, 8_266_316.666_667, 1e-3);
}

#[test]
fn category_totals_of_the_small_bill() {
    let r = bill(&small());
    // Cooling: 6.94 M of equipment + 6.94 M of installation = 13.88 M.
    assert_eq!(category(&r, "Cooling"), 13_880_000.0);
    // Electrical: 18.875 M + 18.875 M + 0 = 37.75 M.
    assert_eq!(category(&r, "Electrical"), 37_750_000.0);
    // Networking: 0.6 M + 2 M.
    assert_eq!(category(&r, "Networking"), 2_600_000.0);
    // Building: (900 + 1,000 + 300 + 100 + 50 + 125 + 300) $/kW = $2,775/kW × 10,000 kW.
    assert_eq!(category(&r, "Building"), 27_750_000.0);
    // Soft costs and contingency: 8.198 M + 9.0178 M.
    assert_eq!(category(&r, "Soft costs & contingency"), 17_215_800.0);
    assert_eq!(
        r.categories.iter().map(|c| c.category.as_str()).collect::<Vec<_>>(),
        [
            "Cooling",
            "Electrical",
            "Networking",
            "Building",
            "Soft costs & contingency"
        ]
    );
    // The categories add up to the total: 13.88 + 37.75 + 2.6 + 27.75 + 17.2158 = 99.1958 M.
    assert_eq!(r.categories.iter().map(|c| c.total_usd).sum::<f64>(), r.total_usd);
}

#[test]
fn the_gpu_clouds_own_equipment() {
    let mut s = small();
    s.gpu_cloud.system = GpuSystem::B200;
    let r = bill(&s);
    let g = &r.gpu_cloud;
    // 4,017 B200s (see gpus_per_system), all-in $130 M ÷ 2,400 = $54,166.67 each (IREN's
    // order, scenario version 7): the whole equipment 4,017 × 130,000,000 ÷ 2,400 =
    // $217,587,500; servers that less 4,017 × $8,250 = $33,140,250 of network and storage =
    // $184,447,250; InfiniBand 4,017 × $5,000 = $20.085 M; front end 4,017 × $750 =
    // $3.01275 M; storage 4,017 × $2,500 = $10.0425 M.
    for (id, total) in [
        ("gpuServersB200", 184_447_250.0),
        ("fabricInfiniband", 20_085_000.0),
        ("frontEndNetwork", 3_012_750.0),
        ("storage", 10_042_500.0),
    ] {
        let l = line(&g.lines, id);
        assert_eq!(l.quantity, 4_017.0, "{id}");
        close(l.total_usd, total, 1e-6);
    }
    // $217,587,500 in all; ÷ 10 MW = $21,758,750 per MW.
    close(g.total_usd, 217_587_500.0, 1e-6);
    close(g.per_it_mw_usd.unwrap(), 21_758_750.0, 1e-3);
    // IT equipment 184.44725 + 10.0425 = 194.48975 M; networking 20.085 + 3.01275 = 23.09775 M.
    let cat = |name: &str| g.categories.iter().find(|c| c.category == name).unwrap().total_usd;
    close(cat("IT equipment"), 194_489_750.0, 1e-6);
    assert_eq!(cat("Networking"), 23_097_750.0);

    // Ethernet instead: 4,017 × $3,500 = $14.0595 M for the fabric, 6.0255 M less.
    s.gpu_cloud.fabric = Fabric::Ethernet;
    let g = bill(&s).gpu_cloud;
    assert_eq!(line(&g.lines, "fabricEthernet").total_usd, 14_059_500.0);
    close(g.total_usd, 217_587_500.0 - 6_025_500.0, 1e-6);

    // The all-in price per GPU replaced ($60,000): the server line takes $60,000 − $8,250.
    s.gpu_cloud.fabric = Fabric::Infiniband;
    s.gpu_cloud.capex_usd_per_gpu = 60_000.0;
    let g = bill(&s).gpu_cloud;
    let servers = line(&g.lines, "gpuServersB200");
    assert_eq!((servers.unit_cost_usd, servers.overridden), (51_750.0, true));
    assert_eq!(g.total_usd, 4_017.0 * 60_000.0);
}

#[test]
fn the_greenfield_comparison() {
    let r = bill(&small());
    let g = &r.greenfield;
    // Substation 13 MW × $250,000 = $3.25 M; interconnect 13 × $150,000 = $1.95 M;
    // shell 10,000 kW × $1,100 = $11 M; site 10,000 × $950 = $9.5 M → works $25.7 M.
    // Land 13 MW × 0.6 acre = 7.8 acres × $244,000 = $1,903,200.
    // Soft costs 10 % × 25.7 M = 2.57 M; contingency 10 % × 28.27 M = 2.827 M.
    for (id, total) in [
        ("newSubstation", 3_250_000.0),
        ("gridInterconnect", 1_950_000.0),
        ("newShell", 11_000_000.0),
        ("greenfieldSite", 9_500_000.0),
        ("land", 1_903_200.0),
        ("greenfieldSoftCosts", 2_570_000.0),
        ("greenfieldContingency", 2_827_000.0),
    ] {
        assert_eq!(line(&g.extra_lines, id).total_usd, total, "{id}");
    }
    // Extras: 25.7 + 1.9032 + 2.57 + 2.827 = $33.0002 M; greenfield 99.1958 + 33.0002 = $132.196 M.
    assert_eq!(g.credit_usd, 33_000_200.0);
    assert_eq!(g.total_usd, 132_196_000.0);
    close(g.per_it_mw_usd.unwrap(), 13_219_600.0, 1e-3);
    // 36 months to power for a new large load against the retrofit's 12: 24 months saved.
    assert_eq!(g.build_months, 36);
    assert_eq!(g.months_saved, 24);

    // A retrofit slower than the greenfield's time to power saves no months.
    let mut s = small();
    s.retrofit.phases[0].build_months = 40;
    let g = bill(&s).greenfield;
    assert_eq!((g.build_months, g.months_saved), (40, 0));
}

#[test]
fn redundancy_scales_ups_generators_and_distribution() {
    let mut s = small();
    // 2N: 10,000 kW × 2 = 20,000 kW of capacity × (450 + 175 + 650 + 75) = $27 M, plus feeders
    // $2 M = $29 M of equipment, installed at 100 %: electrical $58 M.
    s.retrofit.redundancy = Redundancy::TwoN;
    let r = bill(&s);
    assert_eq!(line(&r.lines, "ups").quantity, 20_000.0);
    assert_eq!(category(&r, "Electrical"), 58_000_000.0);
    // N: 10,000 × 1,350 = 13.5 M + 2 M = 15.5 M, installed: $31 M.
    s.retrofit.redundancy = Redundancy::N;
    let r = bill(&s);
    assert_eq!(category(&r, "Electrical"), 31_000_000.0);
    assert_eq!(line(&r.lines, "generators").unit, "kW of capacity (N: IT kW × 1)");
}

#[test]
fn each_cooling_technology_has_its_own_plant() {
    let mut s = small();
    s.retrofit.rack_density_kw = 20.0;
    let cooling = |s: &Scenario| {
        let r = bill(s);
        let ids: Vec<String> = r
            .lines
            .iter()
            .filter(|l| l.category == "Cooling")
            .map(|l| l.id.clone())
            .collect();
        (ids, category(&r, "Cooling"))
    };
    // Air: pumps 190 + air handlers 350 + chilled water 450 = $990/kW × 10,000 = 9.9 M, × 2 installed.
    s.retrofit.cooling = Cooling::Air;
    let (ids, total) = cooling(&s);
    assert_eq!(
        ids,
        [
            "pumpsPipework",
            "airHandlers",
            "chilledWaterPlant",
            "coolingInstallation"
        ]
    );
    assert_eq!(total, 19_800_000.0);
    // Rear door: air + $750/kW of doors = $1,740/kW → 17.4 M, × 2.
    s.retrofit.cooling = Cooling::RearDoor;
    assert_eq!(cooling(&s).1, 34_800_000.0);
    // Immersion: tanks 460 + dry coolers 164 + pumps 190 + 5 % × (350 + 450) = 40 → $854/kW
    // → 8.54 M, × 2 = 17.08 M: 14 % below air's 19.8 M (0.86 × 19.8 = 17.03).
    s.retrofit.cooling = Cooling::Immersion;
    assert_eq!(cooling(&s).1, 17_080_000.0);
}

#[test]
fn an_override_replaces_its_line_and_says_so() {
    let mut s = small();
    s.retrofit.cost_overrides = vec![
        CostOverride {
            item: "ups".to_string(),
            unit_cost_usd: 250.0,
        },
        CostOverride {
            item: "existingSubstation".to_string(),
            unit_cost_usd: 100_000.0,
        },
    ];
    let r = bill(&s);
    // UPS: 12,500 kW × $250 = $3.125 M (was 2.1875 M), flagged.
    let ups = line(&r.lines, "ups");
    assert_eq!(
        (ups.unit_cost_usd, ups.total_usd, ups.overridden),
        (250.0, 3_125_000.0, true)
    );
    // A substation upgrade the user knows of: 13 MW × $100,000 = $1.3 M.
    assert_eq!(line(&r.lines, "existingSubstation").total_usd, 1_300_000.0);
    // Installation follows the equipment: 18.875 + 0.9375 = $19.8125 M.
    assert_eq!(line(&r.lines, "electricalInstallation").total_usd, 19_812_500.0);
    assert!(!line(&r.lines, "generators").overridden);
}

#[test]
fn converting_nothing_costs_nothing() {
    let mut s = Scenario::default();
    s.retrofit.converted_share_pct = 0.0;
    assert_eq!(validate(&s), vec![]);
    let site = capex::size(&s);
    assert_eq!((site.it_capacity_mw, site.racks, site.gpus), (0.0, 0, 0));
    let r = capex::retrofit(&s, &site);
    assert_eq!(r.total_usd, 0.0);
    assert_eq!(r.per_it_mw_usd, None);
    assert!(r.lines.iter().all(|l| l.total_usd == 0.0));
    assert_eq!(r.gpu_cloud.total_usd, 0.0);
    assert_eq!(r.gpu_cloud.per_it_mw_usd, None);
    assert_eq!(r.greenfield.total_usd, 0.0);
    assert_eq!(r.monthly_spend_usd, 0.0);
    assert_eq!(capex::warnings(&s, &site), vec![]);
}

#[test]
fn the_default_bill_lands_in_the_disclosed_band() {
    let s = Scenario::default();
    let r = bill(&s);
    // Disclosed miner conversions: $8–11 M per MW of critical IT; the defaults aim at the middle.
    let per_mw = r.per_it_mw_usd.unwrap();
    assert!((9.0e6..=10.0e6).contains(&per_mw), "{per_mw}");
    // Electrical 40–50 % and mechanical 15–20 % of the hard costs, as industry breakdowns report.
    let hard = r.total_usd - category(&r, "Soft costs & contingency");
    let electrical = category(&r, "Electrical") / hard;
    let cooling = category(&r, "Cooling") / hard;
    assert!((0.40..=0.50).contains(&electrical), "{electrical}");
    assert!((0.15..=0.20).contains(&cooling), "{cooling}");
}

#[test]
fn every_line_of_the_default_bills_names_a_source_and_a_date() {
    let r = bill(&Scenario::default());
    let all = r
        .lines
        .iter()
        .chain(&r.gpu_cloud.lines)
        .chain(&r.greenfield.extra_lines);
    for l in all {
        assert!(l.source.len() > 10, "{}: {:?}", l.id, l.source);
        assert!(YearMonth::parse(&l.as_of).is_some(), "{}: {:?}", l.id, l.as_of);
    }
}

#[test]
fn the_cost_library_is_complete() {
    let library: Vec<CostItem> = capex::cost_library();
    for category in ["Cooling", "Electrical", "Networking", "Building", "IT equipment"] {
        assert!(library.iter().any(|i| i.category == category), "{category}");
    }
    for id in [
        "ups",
        "generators",
        "cdu",
        "wanFibre",
        "meetMeRoom",
        "land",
        "fabricInfiniband",
    ] {
        assert!(capex::is_known_item(id), "{id}");
    }
    // Soft costs and contingency are scenario inputs (percentages), not library items.
    assert!(!capex::is_known_item("softCosts"));
    assert!(!capex::is_known_item("nonsense"));
    // An unknown override is an input error naming the field.
    let mut s = Scenario::default();
    s.retrofit.cost_overrides = vec![CostOverride {
        item: "upss".to_string(),
        unit_cost_usd: 1.0,
    }];
    let errors = validate(&s);
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].field, "retrofit.costOverrides[0].item");
}

#[test]
fn warnings_name_their_numbers() {
    let s = Scenario::default();
    let site = capex::size(&s);
    let w = capex::warnings(&s, &site);
    // Only the PUE loss at the defaults: 100 ÷ 1.3 = 76.9 MW of IT against 100 ÷ 1.05 = 95.2 MW;
    // 95.24 − 76.92 = 18.3 MW lost.
    assert_eq!(w.len(), 1);
    assert_eq!(w[0].code, "itLostToPue");
    assert_eq!(w[0].field.as_deref(), Some("retrofit.pue"));
    assert!(
        w[0].message.starts_with(
            "At AI PUE 1.30 the 100 MW converted carry 76.9 MW of critical IT, against the 95.2 MW of IT load \
             they would carry at mining PUE 1.05: 18.3 MW goes to cooling and losses instead"
        ),
        "{}",
        w[0].message
    );
    assert!(w[0].message.contains("18.3 MW"), "{}", w[0].message);

    // 100 racks × 70 ft² = 7,000 ft² of white space in a 5,000 ft² building.
    let mut s = small();
    s.site.building_area_sq_ft = 5_000.0;
    let w = capex::warnings(&s, &capex::size(&s));
    let building = w.iter().find(|w| w.code == "buildingTooSmall").unwrap();
    assert_eq!(building.field.as_deref(), Some("site.buildingAreaSqFt"));
    for text in ["100 racks", "7,000 ft²", "5,000 ft²"] {
        assert!(building.message.contains(text), "{text}: {}", building.message);
    }

    // Air cooling typically runs at PUE 1.5: 1.3 is more than 0.1 below it.
    let mut s = small();
    s.retrofit.cooling = Cooling::Air;
    s.retrofit.rack_density_kw = 20.0;
    let w = capex::warnings(&s, &capex::size(&s));
    assert!(w
        .iter()
        .any(|w| w.code == "pueBelowCooling" && w.message.contains("1.50")));
    // Direct-to-chip at 1.2 is within 0.1 of its typical 1.25: no warning.
    let mut s = small();
    s.retrofit.pue = 1.2;
    let w = capex::warnings(&s, &capex::size(&s));
    assert!(!w.iter().any(|w| w.code == "pueBelowCooling"));

    // An N design: tenants expect N+1.
    let mut s = small();
    s.retrofit.redundancy = Redundancy::N;
    let w = capex::warnings(&s, &capex::size(&s));
    assert!(w
        .iter()
        .any(|w| w.code == "redundancyN" && w.field.as_deref() == Some("retrofit.redundancy")));
}

/// The share of the bill depreciated as a building (src/model.rs, tax): building works over
/// hard costs, the same from the quick totals and from the itemised bill's categories.
#[test]
fn the_building_share_of_the_small_bill() {
    let s = small();
    // Building 27.75 M ÷ hard costs (13.88 + 37.75 + 2.6 + 27.75 = 81.98 M) = 0.338497…
    let expected = 27.75 / 81.98;
    let site = capex::size(&s);
    close(capex::totals(&s, &site).building_share, expected, 1e-12);
    close(capex::building_share(&bill(&s).categories), expected, 1e-12);
    // Nothing converted: no hard costs, no share (not a NaN).
    let mut none = small();
    none.retrofit.converted_share_pct = 0.0;
    let site = capex::size(&none);
    assert_eq!(capex::totals(&none, &site).building_share, 0.0);
}

#[test]
fn the_accuracy_band_of_the_small_bill() {
    let r = bill(&small());
    let a = &r.accuracy;
    // A unit-cost estimate on a concept of the site: AACE Class 4, shown at −20 % / +30 %.
    assert_eq!(a.estimate_class, "AACE Class 4");
    assert_eq!((a.low_pct, a.high_pct), (-20.0, 30.0));
    assert!(a.url.starts_with("https://"), "{}", a.url);
    // The facility: $99,195,800 (a_small_bill_line_by_line) × 0.8 = $79,356,640 and
    // × 1.3 = $128,954,540.
    close(a.low_usd, 79_356_640.0, 1e-6);
    close(a.high_usd, 128_954_540.0, 1e-6);
    // Colocation: the tenant funds none of the fit-out, so the landlord builds the facility.
    assert!(r.landlord.is_none());
    let [colocation, gpu] = &a.pathways[..] else {
        panic!("two AI pathways")
    };
    assert_eq!(colocation.pathway, minepivot::report::PathwayId::Colocation);
    close(colocation.total_usd, 99_195_800.0, 0.0);
    close(colocation.low_usd, 79_356_640.0, 1e-6);
    // The GPU cloud: the facility and its B200 equipment, $99,195,800 + $217,587,500
    // (the_gpu_clouds_own_equipment) = $316,783,300; × 0.8 = $253,426,640; × 1.3 = $411,818,290.
    assert_eq!(gpu.pathway, minepivot::report::PathwayId::GpuCloud);
    close(gpu.total_usd, 316_783_300.0, 1e-6);
    close(gpu.low_usd, 253_426_640.0, 1e-6);
    close(gpu.high_usd, 411_818_290.0, 1e-6);
}
