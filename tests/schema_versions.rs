//! Every released scenario version loads in the current build and shows the numbers it showed.
//! tests/fixtures/scenario-v1.json is `minepivot scenario` as version 1 released it (the default
//! scenario, every field written out). Version 2 added project debt, on by default; a version-1
//! document migrates with none (src/parse.rs `migrate`), so it reads as today's default with a
//! loan-to-cost of 0 on both AI pathways.

use minepivot::parse::scenario_from_json;
use minepivot::scenario::{Scenario, SCHEMA_VERSION};
use minepivot::validate::ErrorCode;
use serde_json::Value;

const V1: &str = include_str!("fixtures/scenario-v1.json");

/// What a version-1 document of the version-1 defaults reads as today: the default scenario
/// without debt (version 2's migration), with version 1's GPU cloud (its system, rent, decline
/// and opex are the document's) carrying the kW and capex per GPU its system had then, no
/// contract and no resale (version 3's migration); the fields later versions added that change
/// no number at their defaults keep them.
/// Today's default scenario with version 3's mining: the hashrate at its fixed growth, no
/// exit, no ASIC resale (what the 3 → 4 migration writes into an older document).
fn v3_mining(mut s: Scenario) -> Scenario {
    s.bitcoin.hashrate_model = minepivot::scenario::HashrateModel::FixedGrowth;
    let m = &mut s.mining;
    m.exit = minepivot::scenario::MiningExit::Stay;
    m.sell_asics_at_conversion = false;
    m.asic_resale.under19_usd_per_th = 0.0;
    m.asic_resale.from19_to25_usd_per_th = 0.0;
    m.asic_resale.from25_to38_usd_per_th = 0.0;
    m.asic_resale.over38_usd_per_th = 0.0;
    s
}

fn v1_defaults_today() -> Scenario {
    let mut s = v3_mining(Scenario::default());
    s.power = minepivot::scenario::Power::flat();
    // Versions 1–5's first-year lease (version 6 recalibrated it to $130).
    s.colocation.lease_usd_per_kw_month = 140.0;
    s.colocation.debt.loan_to_cost_pct = 0.0;
    let g = &mut s.gpu_cloud;
    g.debt.loan_to_cost_pct = 0.0;
    g.system = minepivot::scenario::GpuSystem::B200;
    g.refresh_system = minepivot::scenario::GpuSystem::B200;
    g.rent_usd_per_gpu_hour = 3.25;
    g.rent_decline_pct_per_year = 28.0;
    g.opex_usd_per_gpu_year = 3_000.0;
    g.opex_pct_of_revenue = 10.0;
    g.contract_share_pct = 0.0;
    g.resell_at_end_of_life = false;
    g.it_kw_per_gpu = 14.3 / 8.0;
    g.capex_usd_per_gpu = 58_250.0;
    s
}

fn v1() -> Value {
    match serde_json::from_str(V1) {
        Ok(value) => value,
        Err(e) => panic!("the fixture is JSON: {e}"),
    }
}

#[test]
fn the_released_version_1_document_loads_and_evaluates() {
    let scenario = scenario_from_json(V1).expect("a version-1 document loads");
    assert_eq!(scenario.schema_version, SCHEMA_VERSION);
    // The fixture was written from the version-1 default scenario: it reads back as that, without debt.
    assert_eq!(*scenario, v1_defaults_today());
    let report = minepivot::evaluate(&scenario).expect("and evaluates");
    // 15 years × 12 months; three pathways.
    assert_eq!(report.horizon_months, 180);
    assert_eq!(report.pathways.len(), 3);
    // Default fleet: 8,000 × 270 + 10,000 × 200 + 9,000 × 104 TH/s = 5,096,000 TH/s = 5,096 PH/s.
    assert!((report.site.fleet_ph - 5_096.0).abs() < 1e-9);
}

/// Every leaf key of an object tree, as paths of keys (array elements are not entered: a
/// fleet line or an override has no defaults of its own, it is all or nothing).
fn leaf_paths(value: &Value, prefix: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
    if let Value::Object(map) = value {
        for (key, child) in map {
            prefix.push(key.clone());
            out.push(prefix.clone());
            leaf_paths(child, prefix, out);
            prefix.pop();
        }
    }
}

fn remove(value: &mut Value, path: &[String]) {
    let (last, parents) = path.split_last().expect("non-empty path");
    let parent = parents.iter().fold(value, |v, k| &mut v[k.as_str()]);
    if let Value::Object(map) = parent {
        map.remove(last);
    }
}

#[test]
fn a_version_1_document_missing_any_field_loads_with_the_default_in_its_place() {
    // An older build wrote fewer fields (a field added later is absent from its files): each
    // key and each whole section of the fixture left out in turn still loads, and since the
    // fixture is the default scenario the result is the default scenario again.
    let mut paths = Vec::new();
    leaf_paths(&v1(), &mut Vec::new(), &mut paths);
    // 11 top-level keys and the sections' fields: a count that guards the walk itself.
    assert!(paths.len() > 60, "{} paths", paths.len());
    for path in &paths {
        // Without its version the document is read as the current version (below).
        if path.len() == 1 && path[0] == "schemaVersion" {
            continue;
        }
        let mut document = v1();
        remove(&mut document, path);
        let scenario =
            scenario_from_json(&document.to_string()).unwrap_or_else(|e| panic!("without {}: {e:?}", path.join(".")));
        assert_eq!(*scenario, v1_defaults_today(), "without {}", path.join("."));
    }
}

#[test]
fn a_sparse_version_1_document_of_the_oldest_kind_loads() {
    // Only the version, the grid and a fleet: everything the refinements added (fleet refresh,
    // lease end, GPU end of life, fabric, overrides, tax) comes from the defaults.
    let text = r#"{ "schemaVersion": 1, "site": { "gridCapacityMw": 50 },
                    "mining": { "fleet": [ { "model": "S21", "units": 10000, "hashrateThs": 200,
                                             "efficiencyJPerTh": 17.5 } ] } }"#;
    let scenario = scenario_from_json(text).expect("loads");
    let defaults = v1_defaults_today();
    assert_eq!(scenario.site.grid_capacity_mw, 50.0);
    assert_eq!(scenario.mining.fleet.len(), 1);
    assert_eq!(scenario.mining.refresh, defaults.mining.refresh);
    assert_eq!(scenario.colocation, defaults.colocation);
    assert_eq!(scenario.gpu_cloud, defaults.gpu_cloud);
    assert_eq!(scenario.finance, defaults.finance);
    // 10,000 × 200 TH/s × 17.5 J/TH = 35 MW of ASICs, × 1.05 PUE = 36.75 MW ≤ 50 MW: valid.
    let report = minepivot::evaluate(&scenario).expect("evaluates");
    assert!((report.site.fleet_it_mw - 35.0).abs() < 1e-9);
}

#[test]
fn a_document_without_a_version_is_read_as_the_current_one_and_a_newer_one_is_refused() {
    // An embedder's partial input ("the defaults with these changes") names no version: it
    // means today's defaults. (The page's share links of the first format, which carried no
    // version, are version 1: www/src/share.js says so before upgrading them.)
    let mut document = v1();
    remove(&mut document, &["schemaVersion".to_string()]);
    // Read as version 2, a version-1 document names three fields version 2 moved into
    // `retrofit.phases`: each is an unknown field at its path, nothing read from a guess.
    let errors = scenario_from_json(&document.to_string()).expect_err("version-1 keys in a version-2 document");
    let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(
        fields,
        [
            "retrofit.buildMonths",
            "retrofit.constructionStartMonth",
            "retrofit.rampMonths"
        ],
        "in the document's (alphabetical) key order"
    );
    assert!(errors.iter().all(|e| e.code == ErrorCode::UnknownField));
    // Without them it reads as version 2: today's loans and phases, and its "nnn" as version
    // 2's NNN (the tenant carries the building's opex too), not version 1's.
    for key in ["constructionStartMonth", "buildMonths", "rampMonths"] {
        remove(&mut document, &["retrofit".to_string(), key.to_string()]);
    }
    let mut expected = Scenario::default();
    expected.colocation.lease_type = minepivot::scenario::LeaseType::Nnn;
    // The lease it writes, $140 (today's default is $130).
    expected.colocation.lease_usd_per_kw_month = 140.0;
    // Its GPU cloud fields are read as written (today's contract, kW and capex defaults apply).
    let g = &mut expected.gpu_cloud;
    g.system = minepivot::scenario::GpuSystem::B200;
    g.rent_usd_per_gpu_hour = 3.25;
    g.rent_decline_pct_per_year = 28.0;
    g.opex_usd_per_gpu_year = 3_000.0;
    g.opex_pct_of_revenue = 10.0;
    assert_eq!(
        scenario_from_json(&document.to_string()).map(|s| s.into_inner()),
        Ok(expected)
    );
    document["schemaVersion"] = Value::from(SCHEMA_VERSION + 1);
    let errors = scenario_from_json(&document.to_string()).expect_err("a future version is refused");
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].field, "schemaVersion");
    assert_eq!(errors[0].code, ErrorCode::UnsupportedVersion);
}

/// Every released layout keeps the default scenario it shipped with (src/released/), so that
/// a document of that version is completed with its own defaults, not today's.
#[test]
fn every_older_version_keeps_its_released_defaults_and_a_v1_partial_reads_against_them() {
    use minepivot::parse::released_defaults;
    use minepivot::scenario::SCHEMA_VERSION;
    for version in 1..=SCHEMA_VERSION {
        assert!(
            released_defaults(version).is_some(),
            "no released defaults for version {version}"
        );
    }
    // The current version's released defaults are today's: a change of any default must come
    // with a new schemaVersion (and its defaults file), or the links written before it would
    // open with other numbers.
    assert_eq!(
        released_defaults(SCHEMA_VERSION),
        Some(serde_json::to_value(Scenario::default()).unwrap()),
        "a default changed without a schemaVersion bump"
    );
    let v1 = released_defaults(1).expect("version 1's defaults");
    assert_eq!(v1, serde_json::from_str::<serde_json::Value>(V1).unwrap());
    // A version-1 share link holds only what differs from the version-1 defaults.
    let link = r#"{"schemaVersion": 1, "site": {"powerPriceUsdPerMwh": 38}}"#;
    let scenario = scenario_from_json(link).expect("a v1 link opens");
    let mut expected: serde_json::Value = serde_json::from_str(V1).unwrap();
    expected["site"]["powerPriceUsdPerMwh"] = serde_json::json!(38.0);
    let expected = scenario_from_json(&expected.to_string()).unwrap();
    assert_eq!(scenario, expected);
    assert_eq!(
        minepivot::report(&scenario).unwrap().pathways[1].npv_usd,
        minepivot::report(&expected).unwrap().pathways[1].npv_usd
    );
}

/// Issue 14's reproduction, as large as a document may be: 10,500 valid fleet lines and 3,500
/// with a wrong type, ~0.96 MB. Such a file
/// took 54 s when each type error cost a new deserialisation of the whole document; now the
/// fleet is refused by its length in one pass (speed: `cargo bench --bench evaluate parse`).
#[test]
fn a_1_mb_fleet_is_refused_by_its_length_in_one_pass() {
    let good = r#"{"model":"S21","units":1,"hashrateThs":200,"efficiencyJPerTh":17.5}"#;
    let bad = r#"{"model":"S21","units":"x","hashrateThs":200,"efficiencyJPerTh":17.5}"#;
    let lines: Vec<&str> = (0..14_000).map(|i| if i % 4 == 3 { bad } else { good }).collect();
    let text = format!(r#"{{"mining": {{"fleet": [{}]}}}}"#, lines.join(","));
    assert!(text.len() > 900_000 && text.len() <= 1_000_000, "{}", text.len());
    let errors = scenario_from_json(&text).unwrap_err();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].field, "mining.fleet");
    assert_eq!(errors[0].message, "must have at most 1,000 lines");
}

/// Version 2 added project debt, on by default. A version-1 document shows the numbers version 1
/// showed: no loan on either AI pathway, the verdict on the unlevered NPVs at one rate, no value
/// at the horizon in it — so every NPV, IRR and the verdict equal those of today's default
/// scenario, whose unlevered figures the debt does not touch.
#[test]
fn a_version_1_document_migrates_without_debt_and_keeps_its_numbers() {
    let old = minepivot::evaluate_json(V1).expect("a version-1 document evaluates");
    let mut v4 = v3_mining(Scenario::default());
    v4.power = minepivot::scenario::Power::flat();
    v4.colocation.lease_usd_per_kw_month = 140.0;
    let today = minepivot::evaluate(&v4).unwrap();
    // With the fixed hashrate growth of versions 1–3, mining and the lease show the figures
    // those versions reported for this document: −$17,409,621.52 and $203.6 M.
    assert!(
        (old.pathways[0].npv_usd - -17_409_621.52).abs() < 0.01,
        "{}",
        old.pathways[0].npv_usd
    );
    assert!(
        (old.pathways[1].npv_usd / 1e6 - 203.6).abs() < 0.05,
        "{}",
        old.pathways[1].npv_usd
    );
    for (a, b) in old.pathways.iter().zip(&today.pathways).take(2) {
        assert!(a.financing.is_none(), "{:?}: a version-1 document has no loan", a.id);
        assert_eq!(a.npv_usd, b.npv_usd, "{:?}", a.id);
        assert_eq!(a.value_usd, a.npv_usd, "{:?}", a.id);
        assert_eq!(a.irr_pct, b.irr_pct, "{:?}", a.id);
        assert_eq!(a.months, b.months, "{:?}", a.id);
    }
    // The GPU cloud keeps version 1's numbers (its B200s at 1.7875 kW and $58,250 each, no
    // contract, no resale): the −$3,016,312,570.62 that version-1 and version-2 builds reported
    // for this document (the issue-16 measurement, "−$3.0 B").
    let gpu = &old.pathways[2];
    assert!((gpu.npv_usd - -3_016_312_570.62).abs() < 1.0, "{}", gpu.npv_usd);
    assert!(gpu.financing.is_none());
    // The verdict compares the best AI pathway (the lease) with mining: unchanged.
    assert_eq!(old.comparison.verdict, today.comparison.verdict);
    assert!(today.pathways[1].financing.is_some(), "today's default borrows");
    // The same through the wasm boundary's path: a version-1 share link of one change.
    let link = minepivot::evaluate_json(r#"{"schemaVersion": 1, "colocation": {"leaseUsdPerKwMonth": 150}}"#).unwrap();
    assert!(link.pathways.iter().all(|p| p.financing.is_none()));
}

/// Version 1's `nnn` (the tenant pays power, the landlord the building's opex) is version 2's
/// `modifiedGross`: a version-1 NNN lease keeps its landlord opex and so its numbers.
#[test]
fn a_version_1_nnn_lease_becomes_modified_gross() {
    let upgraded = scenario_from_json(r#"{"schemaVersion": 1, "colocation": {"leaseType": "nnn"}}"#).unwrap();
    assert_eq!(
        upgraded.colocation.lease_type,
        minepivot::scenario::LeaseType::ModifiedGross
    );
    let gross = scenario_from_json(r#"{"schemaVersion": 1, "colocation": {"leaseType": "gross"}}"#).unwrap();
    assert_eq!(gross.colocation.lease_type, minepivot::scenario::LeaseType::Gross);
    // Today's NNN passes the opex through: a different lease, read as written.
    let today = scenario_from_json(r#"{"schemaVersion": 2, "colocation": {"leaseType": "nnn"}}"#).unwrap();
    assert_eq!(today.colocation.lease_type, minepivot::scenario::LeaseType::Nnn);
}

/// Version 1's one build (`retrofit.constructionStartMonth`, `buildMonths`, `rampMonths`) is
/// version 2's one phase of 100 %.
#[test]
fn a_version_1_build_becomes_one_phase() {
    let s = scenario_from_json(r#"{"schemaVersion": 1, "retrofit": {"buildMonths": 18, "constructionStartMonth": 4}}"#)
        .expect("a version-1 document with its build");
    assert_eq!(
        s.retrofit.phases,
        vec![minepivot::scenario::Phase::new(100.0, 4, 18, 6)]
    );
}

/// Version 4 made the network hashrate answer to the economics, closed idle sites and sold
/// ASICs. A version-3 document keeps the fixed growth, stays open and values no ASIC: its
/// figures are those version 3 reported for its default scenario (issue 16's closing
/// measurement): mining −$17.4 M, the lease $203.6 M at an IRR of 14.5 %, the GPU cloud
/// −$977.2 M.
#[test]
fn a_version_3_document_keeps_the_fixed_growth_and_its_numbers() {
    let v3 = minepivot::parse::released_defaults(3).expect("version 3's defaults");
    let r = minepivot::evaluate_json(&v3.to_string()).expect("evaluates");
    let m = |i: usize| r.pathways[i].npv_usd / 1e6;
    assert!((m(0) - -17.4).abs() < 0.05, "{}", m(0));
    assert!((m(1) - 203.6).abs() < 0.05, "{}", m(1));
    assert!((r.pathways[1].irr_pct.unwrap() - 14.5).abs() < 0.05);
    assert!((m(2) - -977.2).abs() < 0.05, "{}", m(2));
    // No ASIC sold (the GPU cloud's sales are its GPUs at the end of their life).
    assert!(r.pathways[..2]
        .iter()
        .all(|p| p.months.iter().all(|m| m.asset_sales_usd == 0.0)));
    let s = minepivot::parse::scenario_from_json(&v3.to_string()).unwrap();
    assert_eq!(
        s.bitcoin.hashrate_model,
        minepivot::scenario::HashrateModel::FixedGrowth
    );
    assert_eq!(s.mining.exit, minepivot::scenario::MiningExit::Stay);
}

/// An input newer than its document's version (written into an old file by hand, or kept by
/// an older page) is what that document says, not what the older version meant: the
/// migration fills only what the document leaves out.
#[test]
fn an_older_document_that_holds_a_newer_input_keeps_it() {
    use minepivot::scenario::{HashrateModel, MiningExit, PowerPricing, PowerSupply};
    let s = scenario_from_json(
        r#"{"schemaVersion": 3, "bitcoin": {"hashrateModel": "economic"}, "mining": {"exit": "close", "asicResale": {"under19UsdPerTh": 12}}}"#,
    )
    .expect("a version-3 document with version-4 inputs");
    assert_eq!(s.bitcoin.hashrate_model, HashrateModel::Economic);
    assert_eq!(s.mining.exit, MiningExit::Close);
    // The tier it wrote, and version 3's none for the tiers it left out.
    assert_eq!(s.mining.asic_resale.under19_usd_per_th, 12.0);
    assert_eq!(s.mining.asic_resale.from19_to25_usd_per_th, 0.0);
    // What it did not write is still version 3's meaning.
    assert!(!s.mining.sell_asics_at_conversion);

    let s = scenario_from_json(r#"{"schemaVersion": 4, "power": {"pricing": "hourly", "supply": "ppa"}}"#)
        .expect("a version-4 document with version-5 inputs");
    assert_eq!(
        (s.power.pricing, s.power.supply),
        (PowerPricing::Hourly, PowerSupply::Ppa)
    );
    assert_eq!(s.power.transmission_usd_per_kw_month, 0.0);

    let s = scenario_from_json(
        r#"{"schemaVersion": 1, "colocation": {"debt": {"loanToCostPct": 50}}, "retrofit": {"phases": [{"sharePct": 100, "constructionStartMonth": 0, "buildMonths": 6, "rampMonths": 3}]}}"#,
    )
    .expect("a version-1 document with version-2 inputs");
    assert_eq!(s.colocation.debt.loan_to_cost_pct, 50.0);
    assert_eq!(s.gpu_cloud.debt.loan_to_cost_pct, 0.0);
    assert_eq!(s.retrofit.phases, vec![minepivot::scenario::Phase::new(100.0, 0, 6, 3)]);
}

/// Version 6 recalibrated two defaults (the lease's first-year rate $140 → $130, the GPU
/// loan's level annuity → sculpted to its DSCR). A version-5 share link, which holds only
/// what differs from version 5's defaults, opens with version 5's: the same numbers as
/// version 5 showed.
#[test]
fn a_version_5_link_keeps_the_lease_and_the_gpu_loan_of_version_5() {
    use minepivot::scenario::Amortisation;
    let link = r#"{"schemaVersion": 5, "site": {"powerPriceUsdPerMwh": 50}}"#;
    let s = scenario_from_json(link).expect("a version-5 link opens");
    assert_eq!(s.colocation.lease_usd_per_kw_month, 140.0);
    assert_eq!(s.gpu_cloud.debt.amortisation, Amortisation::Annuity);
    let mut v5 = Scenario::default();
    v5.site.power_price_usd_per_mwh = 50.0;
    v5.colocation.lease_usd_per_kw_month = 140.0;
    v5.gpu_cloud.debt.amortisation = Amortisation::Annuity;
    assert_eq!(*s, v5);
    // Today's defaults differ: $130, and a loan sized to 1.40× the contract's cash.
    let today = Scenario::default();
    assert_eq!(today.colocation.lease_usd_per_kw_month, 130.0);
    assert_eq!(today.gpu_cloud.debt.amortisation, Amortisation::Sculpted);
    let (old, new) = (minepivot::evaluate(&s).unwrap(), minepivot::evaluate(&v5).unwrap());
    for (a, b) in old.pathways.iter().zip(&new.pathways) {
        assert_eq!(a.npv_usd, b.npv_usd, "{:?}", a.id);
    }
}

/// A problem with an input a migration moved or copied is named where the document has it:
/// version 1's single build at `retrofit.buildMonths` (not the `retrofit.phases[0]` it
/// became), and a bad `gpuCloud.system` once (not again at the `refreshSystem` version 3
/// copied it into).
#[test]
fn a_version_1_problem_is_named_at_the_version_1_field() {
    let errors = scenario_from_json(r#"{"schemaVersion": 1, "retrofit": {"constructionStartMonth": 1e9}}"#)
        .expect_err("a start beyond the horizon");
    let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(fields, ["retrofit.constructionStartMonth"]);
    let errors =
        scenario_from_json(r#"{"schemaVersion": 1, "gpuCloud": {"system": "bogus"}}"#).expect_err("no such system");
    let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(fields, ["gpuCloud.system"]);
    // A version-2 document lists its phases: a problem there keeps its own path.
    let errors = scenario_from_json(
        r#"{"schemaVersion": 2, "retrofit": {"phases": [{"sharePct": 100, "constructionStartMonth": 0, "buildMonths": 0, "rampMonths": 6}]}}"#,
    )
    .expect_err("a build of 0 months");
    assert_eq!(errors[0].field, "retrofit.phases[0].buildMonths");
}

/// The migration writes what an older version meant only where a document leaves an input
/// out (src/parse.rs `migrate`), which tells the document's own value from a default only if
/// no released defaults of a version a step applies to hold the keys it writes.
#[test]
fn no_key_a_migration_writes_is_in_the_defaults_it_completes() {
    use minepivot::parse::released_defaults;
    // (the step's first version, section, key): 1 → 2, 2 → 3, 3 → 4, 4 → 5, 6 → 7 (which
    // also replaces a capexUsdPerGpu of 0, "the system's", by the system's version-6 price).
    let written = [
        (2, "colocation", "debt"),
        (2, "gpuCloud", "debt"),
        (2, "retrofit", "phases"),
        (3, "gpuCloud", "contractSharePct"),
        (3, "gpuCloud", "resellAtEndOfLife"),
        (3, "gpuCloud", "itKwPerGpu"),
        (3, "gpuCloud", "capexUsdPerGpu"),
        (3, "gpuCloud", "refreshSystem"),
        (4, "bitcoin", "hashrateModel"),
        (4, "mining", "exit"),
        (4, "mining", "sellAsicsAtConversion"),
        (4, "mining", "asicResale"),
        (5, "power", "pricing"),
        (5, "power", "supply"),
        (5, "power", "transmissionUsdPerKwMonth"),
        (5, "power", "demandResponseUsdPerMwMonth"),
        (5, "power", "aiSupply"),
        (7, "gpuCloud", "refreshCapexUsdPerGpu"),
        (7, "gpuCloud", "refreshRentUsdPerGpuHour"),
    ];
    for (step, section, key) in written {
        for version in 1..step {
            let defaults = released_defaults(version).expect("released");
            assert!(
                defaults.get(section).and_then(|s| s.get(key)).is_none(),
                "version {version}'s defaults hold {section}.{key}, which the step to {step} writes"
            );
        }
    }
}

/// The cross-field rules, which run after the fields' own ranges, name a version-1 build at
/// its version-1 field too: a start inside its range (0–359 months) but past a 5-year horizon.
#[test]
fn a_version_1_build_past_the_horizon_is_named_at_its_version_1_field() {
    let errors =
        scenario_from_json(r#"{"schemaVersion": 1, "horizonYears": 5, "retrofit": {"constructionStartMonth": 100}}"#)
            .expect_err("a start past the horizon");
    assert!(
        errors.iter().all(|e| !e.field.starts_with("retrofit.phases")),
        "{errors:?}"
    );
    assert!(
        errors.iter().any(|e| e.field == "retrofit.constructionStartMonth"),
        "{errors:?}"
    );
}

/// A version-6 document that took a GPU system's figures from the presets keeps them (version 7
/// put every system on one all-in basis, docs/data-sources.md "GPUs"): a GB200 keeps version
/// 6's $2.6 M ÷ 72 + $8,250 = $44,361.11 as its own `capexUsdPerGpu`; a B300 bought at the
/// refresh keeps version 6's $70,000 and $3.00 as the refresh's price and rent; the GB300
/// (whose figures did not change) stays at 0, the system's. Their NPVs are the ones version 6
/// showed, measured with the version-6 build (commit a1c6897): the GB200's GPU cloud
/// $691,136,913.52; the default GB300 with a B300 refresh −$762,038,465.09.
#[test]
fn a_version_6_gpu_system_keeps_its_version_6_price_and_rent() {
    let s = scenario_from_json(r#"{"schemaVersion": 6, "gpuCloud": {"system": "gb200", "refreshSystem": "gb200"}}"#)
        .expect("a version-6 GB200 opens");
    assert!((s.gpu_cloud.capex_usd_per_gpu - 44_361.111_111).abs() < 1e-5);
    assert_eq!(s.gpu_cloud.refresh_capex_usd_per_gpu, 0.0);
    let npv = minepivot::evaluate(&s).unwrap().pathways[2].npv_usd;
    assert!((npv - 691_136_913.52).abs() < 0.01, "{npv}");

    let s = scenario_from_json(r#"{"schemaVersion": 6, "gpuCloud": {"refreshSystem": "b300"}}"#)
        .expect("a version-6 B300 refresh opens");
    assert_eq!(s.gpu_cloud.capex_usd_per_gpu, 0.0);
    assert_eq!(s.gpu_cloud.refresh_capex_usd_per_gpu, 70_000.0);
    assert_eq!(s.gpu_cloud.refresh_rent_usd_per_gpu_hour, 3.00);
    let npv = minepivot::evaluate(&s).unwrap().pathways[2].npv_usd;
    assert!((npv - -762_038_465.09).abs() < 0.01, "{npv}");

    // A version-6 document that wrote its own price keeps it; one of today's version is not
    // touched.
    let s =
        scenario_from_json(r#"{"schemaVersion": 6, "gpuCloud": {"system": "h100", "capexUsdPerGpu": 48000}}"#).unwrap();
    assert_eq!(s.gpu_cloud.capex_usd_per_gpu, 48_000.0);
    let s = scenario_from_json(r#"{"gpuCloud": {"system": "gb200"}}"#).unwrap();
    assert_eq!(s.gpu_cloud.capex_usd_per_gpu, 0.0);
}
