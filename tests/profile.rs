//! The hourly price profile (issue 18, first step): the shipped ERCOT years read as the data's
//! provenance describes them (data/README.md), and bad files refused naming their row.
#![cfg(not(target_arch = "wasm32"))]

use minepivot::profile::from_csv;
use minepivot::validate::ErrorCode;

const FIELD: &str = "site.priceProfile";

fn year(y: u32) -> String {
    let path = format!("{}/data/ercot-dam-hb-hubavg/{y}.csv", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn the_shipped_ercot_years_read_as_their_provenance_says() {
    // data/README.md: hours, mean, max and negative hours of each year.
    for (y, hours, mean, max, negative) in [
        (2021, 8_760, 145.6, 8_994.0, 1),
        (2023, 8_760, 55.9, 4_112.0, 0),
        (2024, 8_784, 28.1, 2_064.0, 15),
    ] {
        let p = from_csv(FIELD, &year(y)).unwrap_or_else(|e| panic!("{y}: {e:?}"));
        assert_eq!(p.year, y as i32);
        assert_eq!(p.hourly.len(), hours, "{y}");
        assert_eq!(p.months.iter().map(|m| m.hours()).sum::<usize>(), hours);
        assert!((p.mean() - mean).abs() < 0.05, "{y}: mean {}", p.mean());
        let top = p.hourly.iter().copied().fold(f64::MIN, f64::max);
        assert!((top - max).abs() < 0.5, "{y}: max {top}");
        assert_eq!(p.hourly.iter().filter(|&&x| x < 0.0).count(), negative, "{y}");
    }
    // January 2024 has 31 × 24 = 744 hours (UTC); February of a leap year 29 × 24 = 696.
    let p = from_csv(FIELD, &year(2024)).unwrap();
    assert_eq!(p.months[0].hours(), 744);
    assert_eq!(p.months[1].hours(), 696);
}

#[test]
fn uri_makes_curtailing_worth_most_of_february_2021() {
    // February 2021 in ERCOT's day-ahead hub average (Winter Storm Uri), counted from the file
    // independently of this code (a short Python count over the CSV): 672 hours averaging $1,483.07/MWh, of
    // which 464 are below $60 and cost $10,485.40 per MW in all, 1.05 % of the month's
    // $996,620.27. A line that breaks even at $60 runs 69 % of the hours for 1 % of the cost.
    let p = from_csv(FIELD, &year(2021)).unwrap();
    let feb = &p.months[1];
    assert_eq!(feb.hours(), 672);
    let (run, cost) = feb.below(60.0);
    let (all, total) = feb.below(f64::INFINITY);
    assert_eq!((run, all), (464, 672));
    assert!((cost - 10_485.405).abs() < 0.01, "{cost}");
    assert!((total - 996_620.275).abs() < 0.01, "{total}");
    assert!((feb.mean() - 1_483.066).abs() < 0.001);
}

#[test]
fn bad_files_are_refused_naming_the_row() {
    let text = year(2024);
    let lines: Vec<&str> = text.lines().collect();
    // Every message of a refused file, joined (the first one first).
    let message = |t: &str| {
        let e = from_csv(FIELD, t).unwrap_err();
        assert!(e.iter().all(|e| e.field == FIELD), "{e:?}");
        e.iter().map(|e| e.message.as_str()).collect::<Vec<_>>().join(" | ")
    };
    // A missing hour: row 3 (the header is row 1) removed, so the row after leaves one out.
    let mut missing = lines.clone();
    missing.remove(2);
    let m = message(&missing.join("\n"));
    assert!(m.starts_with("row 3:") && m.contains("leaves 1 hour out"), "{m}");
    // A duplicate and an unordered row.
    let mut duplicate = lines.clone();
    duplicate.insert(3, lines[2]);
    assert!(message(&duplicate.join("\n")).contains("repeats the hour before"));
    // Rows 6 and 7 swapped: row 6 leaves an hour out, row 7 goes back.
    let mut unordered = lines.clone();
    unordered.swap(5, 6);
    let m = message(&unordered.join("\n"));
    assert!(m.contains("row 7: comes before the hour before"), "{m}");
    // Not a number, not finite.
    let mut bad = lines.clone();
    let broken = lines[10].rsplit_once(',').unwrap().0.to_string() + ",n/a";
    bad[10] = &broken;
    let m = message(&bad.join("\n"));
    assert!(m.starts_with("row 11:") && m.contains("price"), "{m}");
    let mut inf = lines.clone();
    let infinite = lines[10].rsplit_once(',').unwrap().0.to_string() + ",inf";
    inf[10] = &infinite;
    // Infinite, or beyond what a scenario's imported year may hold: refused with the range.
    assert!(message(&inf.join("\n")).contains("row 11: the price must be between -10,000 and 100,000 USD/MWh"));
    // Local time without an offset (daylight saving would repeat an hour): refused.
    let m = message("time,price\n2024-01-01 00:00:00,20\n");
    assert!(m.starts_with("row 2:") && m.contains("offset"), "{m}");
    // Not a whole year, or not starting on 1 January.
    let short = lines[..100].join("\n");
    assert!(message(&short).contains("holds 99 hours; the year 2024 has 8784"));
    let late = [lines[0]]
        .iter()
        .chain(&lines[25..])
        .copied()
        .collect::<Vec<_>>()
        .join("\n");
    assert!(message(&late).contains("first hour of a year"));
    // A header only; 100 MB.
    assert!(message(lines[0]).contains("no hour"));
    let huge = "x".repeat(100 * 1024 * 1024);
    let e = from_csv(FIELD, &huge).unwrap_err();
    assert_eq!(e[0].code, ErrorCode::TooLarge);
    // Negative prices are legal in ERCOT: 2024 has 15 and reads.
    assert!(from_csv(FIELD, &text).is_ok());
}

proptest::proptest! {
    /// Running only the hours below the line's revenue can only earn more than running every
    /// hour: each hour left out cost at least what it would have earned.
    #[test]
    fn curtailing_never_earns_less_than_running_every_hour(
        prices in proptest::collection::vec(-50.0f64..5_000.0, 1..800),
        revenue in 0.0f64..300.0,
        mw in 0.1f64..500.0,
        factor in 0.1f64..5.0,
    ) {
        use minepivot::profile::{line_month, MonthPrices};
        let m = MonthPrices::new(&prices);
        let l = line_month(&m, revenue, mw, factor);
        let curtailed = revenue * l.energy_mwh - l.power_cost_usd;
        let all = line_month(&m, f64::INFINITY, mw, factor);
        let everything = revenue * all.energy_mwh - all.power_cost_usd;
        proptest::prop_assert_eq!(all.hours_run, prices.len());
        proptest::prop_assert!(curtailed >= everything - 1e-9 * everything.abs().max(1.0), "{} < {}", curtailed, everything);
    }
}
