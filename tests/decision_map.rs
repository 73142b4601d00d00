//! The decision map (issue 19): cells are the whole model at their two values, the
//! break-even lines meet the report's break-evens, and bad options are refused at their paths.

use minepivot::analysis::decision_map::{decision_map, map_options_from_value, MapAxis, MapOptions, MAX_CELLS};
use minepivot::report::PathwayId;
use minepivot::scenario::Scenario;

fn close(a: f64, b: f64, rel: f64) -> bool {
    (a - b).abs() <= rel * a.abs().max(b.abs()).max(1.0)
}

fn axis(field: &str, from: f64, to: f64, steps: u32) -> MapAxis {
    MapAxis {
        field: field.to_string(),
        from: Some(from),
        to: Some(to),
        steps,
    }
}

#[test]
fn the_middle_cell_is_the_scenario_and_the_others_its_neighbours() {
    // x: BTC price multiple 0.5, 1, 1.5; y: the lease rate at ½, 1 and 1½ times the
    // scenario's. The middle cell (i = 1, j = 1) is the scenario itself: its NPVs are the
    // report's verdict values. A cell's margin is its best NPV less the second best.
    let s = Scenario::default();
    let lease = s.colocation.lease_usd_per_kw_month;
    let o = MapOptions {
        x: axis("btcPriceMultiple", 0.5, 1.5, 3),
        y: axis("colocation.leaseUsdPerKwMonth", lease * 0.5, lease * 1.5, 3),
    };
    let map = decision_map(&s, &o).unwrap();
    assert_eq!(map.x.values, [0.5, 1.0, 1.5]);
    assert_eq!(map.y.values, [lease * 0.5, lease, lease * 1.5]);
    assert_eq!((map.x.current, map.y.current), (1.0, lease));
    assert_eq!(map.cells.len(), 9);
    let report = minepivot::evaluate(&s).unwrap();
    let middle = &map.cells[4];
    for (k, p) in report.pathways.iter().enumerate() {
        assert!(close(middle.npv_usd[k], p.value_usd, 1e-9), "{:?}", p.id);
    }
    assert_eq!(middle.best, Some(report.comparison.best_pathway));
    for cell in &map.cells {
        let mut sorted = cell.npv_usd.clone();
        sorted.sort_by(|a, b| b.total_cmp(a));
        assert!(close(cell.margin_usd.unwrap(), sorted[0] - sorted[1], 1e-12));
    }
    // The lease moves colocation alone: across a row mining and the GPU cloud are unchanged
    // by y, and colocation rises with it.
    for i in 0..3 {
        let (low, high) = (&map.cells[i], &map.cells[6 + i]);
        assert!(close(low.npv_usd[0], high.npv_usd[0], 1e-12));
        assert!(close(low.npv_usd[2], high.npv_usd[2], 1e-12));
        assert!(high.npv_usd[1] > low.npv_usd[1]);
    }
}

#[test]
fn the_break_even_line_meets_the_reports_break_even() {
    // The lease-rate axis against the BTC price multiple: on the row at the scenario's own
    // BTC price (multiple 1), colocation's line crosses where the lease makes colocation equal
    // mining, the report's lease break-even (within the map's tolerance, a thousandth of the
    // axis span). Here x is the lease and y the multiple.
    let s = Scenario::default();
    let report = minepivot::evaluate(&s).unwrap();
    let lease_be = report
        .comparison
        .break_evens
        .lease_usd_per_kw_month
        .expect("a lease break-even");
    let o = MapOptions {
        x: axis("colocation.leaseUsdPerKwMonth", 5.0, 300.0, 11),
        y: axis("btcPriceMultiple", 0.5, 1.5, 3),
    };
    let map = decision_map(&s, &o).unwrap();
    let line = map
        .break_evens
        .iter()
        .find(|l| l.pathway == PathwayId::Colocation)
        .unwrap();
    let at_one = line
        .points
        .iter()
        .find(|p| p.y == 1.0)
        .expect("a point on the scenario's row");
    assert!(
        (at_one.x - lease_be).abs() <= (300.0 - 5.0) * 1e-3,
        "{} vs {lease_be}",
        at_one.x
    );
}

#[test]
fn bad_axes_and_too_many_cells_are_refused_at_their_paths() {
    let s = Scenario::default();
    let errors = |o: MapOptions| -> Vec<(String, String)> {
        decision_map(&s, &o)
            .unwrap_err()
            .into_iter()
            .map(|e| (e.field, e.message))
            .collect()
    };
    // 60 × 50 = 3,000 cells > 2,500.
    let big = errors(MapOptions {
        x: MapAxis {
            steps: 60,
            ..MapAxis::default()
        },
        y: MapAxis {
            field: "colocation.leaseUsdPerKwMonth".into(),
            steps: 50,
            ..MapAxis::default()
        },
    });
    assert_eq!(big[0].0, "y.steps");
    assert!(big[0].1.contains("60 × 50 = 3,000 cells"), "{}", big[0].1);
    assert!(
        big[0].1.contains(&format!("{}", MAX_CELLS).replace("2500", "2,500")),
        "{}",
        big[0].1
    );
    // Steps outside 2–100, an unknown field, a list's field, from above to, the same field
    // twice, a value outside the field's range.
    let e = errors(MapOptions {
        x: MapAxis {
            steps: 1,
            ..MapAxis::default()
        },
        y: MapAxis {
            field: "colocation.nonsense".into(),
            ..MapAxis::default()
        },
    });
    assert_eq!(e[0].0, "x.steps");
    assert_eq!(e[1].0, "y.field");
    let e = errors(MapOptions {
        x: axis("mining.fleet[].units", 1.0, 2.0, 3),
        ..MapOptions::default()
    });
    assert_eq!(e[0].0, "x.field");
    let e = errors(MapOptions {
        x: axis("btcPriceMultiple", 2.0, 1.0, 3),
        ..MapOptions::default()
    });
    assert_eq!(e[0].0, "x.to");
    let e = errors(MapOptions {
        x: axis("colocation.leaseUsdPerKwMonth", 10.0, 20.0, 3),
        ..MapOptions::default()
    });
    assert_eq!(e[0].0, "y.field");
    let e = errors(MapOptions {
        y: axis("colocation.occupancyPct", 50.0, 150.0, 3),
        ..MapOptions::default()
    });
    assert_eq!(e[0].0, "y.to");
    assert!(e[0].1.contains("between 0 and 100"), "{}", e[0].1);
    // From JSON: unknown keys and wrong types at their paths; left out, the defaults.
    let e = map_options_from_value(serde_json::json!({ "x": { "steps": "ten", "colour": 1 }, "z": {} })).unwrap_err();
    let paths: Vec<&str> = e.iter().map(|e| e.field.as_str()).collect();
    assert!(
        paths.contains(&"x.steps") && paths.contains(&"x.colour") && paths.contains(&"z"),
        "{paths:?}"
    );
    let d = map_options_from_value(serde_json::json!({ "y": { "steps": 10 } })).unwrap();
    assert_eq!(
        (d.x.field.as_str(), d.y.field.as_str(), d.y.steps),
        ("btcPriceMultiple", "colocation.leaseUsdPerKwMonth", 10)
    );
}

#[test]
fn the_default_map_is_25_by_25_and_every_cell_has_an_answer() {
    let s = Scenario::default();
    let map = decision_map(&s, &MapOptions::default()).unwrap();
    assert_eq!((map.x.values.len(), map.y.values.len(), map.cells.len()), (25, 25, 625));
    assert_eq!((map.x.values[0], map.x.values[24]), (0.25, 3.0));
    let lease = s.colocation.lease_usd_per_kw_month;
    assert!(close(map.y.values[0], lease * 0.5, 1e-12) && close(map.y.values[24], lease * 1.5, 1e-12));
    assert!(map.cells.iter().all(|c| c.best.is_some()));
    // Cheap BTC and a rich lease: an AI pathway wins the corner; dear BTC and a poor lease:
    // mining does, or the map has no crossing at all.
    assert_ne!(map.cells[24 * 25].best, Some(PathwayId::Mining));
    // Where the winner changes between colocation and mining, the colocation line runs: at
    // the defaults the lease decides (the network's hashrate follows the BTC price, so the
    // multiple moves mining little) and the line crosses the map from side to side, one
    // segment per square it passes.
    let line = map
        .break_evens
        .iter()
        .find(|l| l.pathway == PathwayId::Colocation)
        .unwrap();
    assert!(line.segments.len() >= 24, "{} segments", line.segments.len());
    let xs: Vec<f64> = line.points.iter().map(|p| p.x).collect();
    assert!(xs.iter().any(|&x| x <= 0.25 + 1e-9) && xs.iter().any(|&x| x >= 3.0 - 1e-9));
    // Each crossing is where colocation equals mining (within the search's tolerance, its NPV
    // gap a small share of either NPV).
    for p in line.points.iter().take(5) {
        let mut s = s.clone();
        s.colocation.lease_usd_per_kw_month = p.y;
        let scaled = MapOptions {
            x: axis("btcPriceMultiple", p.x, p.x + 1e-6, 2),
            y: axis("colocation.leaseUsdPerKwMonth", p.y, p.y + 1e-6, 2),
        };
        let cell = &decision_map(&s, &scaled).unwrap().cells[0];
        let gap = (cell.npv_usd[1] - cell.npv_usd[0]).abs();
        assert!(
            gap < 0.01 * cell.npv_usd[0].abs().max(cell.npv_usd[1].abs()),
            "gap {gap} at {p:?}"
        );
    }
}
