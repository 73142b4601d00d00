//! The `minepivot` command line, run as an analyst would run it.
#![cfg(not(target_arch = "wasm32"))]

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn minepivot(args: &[&str], stdin: &str) -> Output {
    minepivot_with(args, stdin, &[])
}

/// [`minepivot`] with environment variables set.
fn minepivot_with(args: &[&str], stdin: &str, vars: &[(&str, &str)]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_minepivot"))
        .args(args)
        .envs(vars.iter().copied())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    // A command that refuses its arguments ends before it reads: its input pipe is closed.
    match child.stdin.take().expect("stdin").write_all(stdin.as_bytes()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => panic!("write stdin: {e}"),
        _ => {}
    }
    child.wait_with_output().expect("the binary ends")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn scenario_prints_the_default_which_validates() {
    let out = minepivot(&["scenario"], "");
    assert!(out.status.success());
    let scenario = text(&out.stdout);
    assert!(scenario.contains("\"gridCapacityMw\": 100.0"), "{scenario}");
    let check = minepivot(&["validate", "-"], &scenario);
    assert!(check.status.success(), "{}", text(&check.stderr));
    assert!(text(&check.stdout).starts_with("valid"));
}

#[test]
fn invalid_input_exits_2_and_lists_every_error_with_its_path() {
    let out = minepivot(
        &["evaluate", "-"],
        r#"{"site": {"gridCapacityMw": -1}, "mining": {"uptimePct": 140}, "finnance": {}}"#,
    );
    assert_eq!(out.status.code(), Some(2));
    let errors = text(&out.stderr);
    assert!(errors.contains("3 problem(s)"), "{errors}");
    assert!(
        errors.contains("site.gridCapacityMw: must be between 0.1 and 5,000 MW (got -1)"),
        "{errors}"
    );
    assert!(
        errors.contains("mining.uptimePct: must be between 0 and 100 %"),
        "{errors}"
    );
    assert!(errors.contains("finnance: is not a field"), "{errors}");
    assert!(out.stdout.is_empty());
}

#[test]
fn not_json_exits_2_and_a_missing_file_exits_1() {
    let out = minepivot(&["validate", "-"], "{ not json");
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("not valid JSON"));
    let out = minepivot(&["validate", "/nonexistent/scenario.json"], "");
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn evaluate_prints_json_table_and_csv() {
    let scenario = text(&minepivot(&["scenario"], "").stdout);

    let json = minepivot(&["evaluate", "-"], &scenario);
    assert!(json.status.success(), "{}", text(&json.stderr));
    let report: serde_json::Value = serde_json::from_slice(&json.stdout).expect("the report is JSON");
    // 8,000 × 270 + 10,000 × 200 + 9,000 × 104 = 2,160,000 + 2,000,000 + 936,000 TH/s = 5,096 PH/s.
    assert_eq!(report["site"]["fleetPh"], 5096.0);
    // 15 years × 12 months.
    assert_eq!(report["horizonMonths"], 180);

    let csv = minepivot(&["evaluate", "-", "--format", "csv"], &scenario);
    assert!(csv.status.success());
    let csv = text(&csv.stdout);
    // The assumptions as comments first, then the same table as the page's CSV export.
    assert!(csv.starts_with("# minepivot "), "{csv}");
    assert!(csv.contains("\r\n# site.gridCapacityMw = 100.0\r\n"), "{csv}");
    assert!(csv.contains("\r\npathway,period,index,month,revenueUsd,"), "{csv}");
    assert!(csv.contains("\r\nmining,year,1,2027-01,"), "{csv}");

    let table = minepivot(&["evaluate", "-", "--format", "table"], &scenario);
    assert!(table.status.success());
    assert!(text(&table.stdout).contains("Sample 100 MW Texas site"));
}

#[test]
fn risk_is_reproducible_by_seed_and_rejects_bad_options() {
    let scenario = text(&minepivot(&["scenario"], "").stdout);
    let a = minepivot(
        &["risk", "-", "--paths", "500", "--seed", "7", "--format", "json"],
        &scenario,
    );
    let b = minepivot(
        &["risk", "-", "--paths", "500", "--seed", "7", "--format", "json"],
        &scenario,
    );
    assert!(a.status.success(), "{}", text(&a.stderr));
    assert_eq!(a.stdout, b.stdout);
    let report: serde_json::Value = serde_json::from_slice(&a.stdout).expect("JSON");
    assert_eq!(report["options"]["paths"], 500);
    // The colocation of the whole site carries no BTC exposure, but its build cost and
    // occupancy are drawn: its NPV spreads.
    let colo = &report["pathways"][1];
    assert!(colo["p10NpvUsd"].as_f64() < colo["p90NpvUsd"].as_f64(), "{colo}");
    assert_eq!(report["drawn"][3], "buildCost");

    let bad = minepivot(&["risk", "-", "--paths", "5"], &scenario);
    assert_eq!(bad.status.code(), Some(2));
    assert!(text(&bad.stderr).contains("paths"), "{}", text(&bad.stderr));
    // A flag that is no number would reach the options as null ("the default"): refused.
    for volatility in ["NaN", "inf", "1e400"] {
        let bad = minepivot(&["risk", "-", "--btc-volatility-pct", volatility], &scenario);
        assert_eq!(bad.status.code(), Some(2), "{volatility}");
        let err = text(&bad.stderr);
        assert!(err.contains("--btc-volatility-pct") && err.contains("finite"), "{err}");
    }
    // The options' problems are the options', not the scenario's.
    let bad = minepivot(&["risk", "-", "--seed", "18446744073709551615"], &scenario);
    let err = text(&bad.stderr);
    assert!(
        err.contains("the risk options (the flags) are not valid") && err.contains("seed:"),
        "{err}"
    );
}

#[test]
fn batch_refuses_a_pool_of_threads_beyond_its_limit() {
    // 100,000 threads would take minutes to start before the first line is read.
    let out = minepivot(&["batch", "--threads", "100000"], "{}\n");
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(err.contains("--threads") && err.contains("1..=256"), "{err}");
    let out = minepivot(&["batch", "--threads", "2"], "{}\n");
    assert!(out.status.success(), "{}", text(&out.stderr));
}

#[test]
fn a_reader_that_stops_early_ends_the_command_quietly() {
    // `minepivot presets | head -c 10`: the pipe closes while the command still writes.
    for args in [&["presets"][..], &["fields"][..], &["scenario"][..]] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_minepivot"))
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("the binary starts");
        drop(child.stdout.take());
        let out = child.wait_with_output().expect("the binary ends");
        let err = text(&out.stderr);
        assert!(out.status.success() && !err.contains("panicked"), "{args:?}: {err}");
    }
}

#[test]
fn the_table_of_a_site_with_nothing_converted_says_so_instead_of_an_ai_date() {
    let table = minepivot(
        &["evaluate", "-", "--format", "table"],
        r#"{ "retrofit": { "convertedSharePct": 0 } }"#,
    );
    assert!(table.status.success(), "{}", text(&table.stderr));
    let table = text(&table.stdout);
    assert!(table.contains("nothing converted (0 %)"), "{table}");
    assert!(table.contains("Retrofit capex: $0 (nothing converted)"), "{table}");
    assert!(
        !table.contains("AI from") && !table.contains("greenfield would be"),
        "{table}"
    );
}

#[test]
fn an_endless_file_is_refused_after_the_limit_not_read_whole() {
    // /dev/zero never ends: the CLI reads 1 MB and one byte, then refuses (exit 2).
    let out = minepivot(&["validate", "/dev/zero"], "");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("is larger than 1,000,000 bytes"),
        "{}",
        text(&out.stderr)
    );
    let big = format!("{{\"name\": \"{}\"}}", "x".repeat(1_000_001));
    let out = minepivot(&["evaluate", "-"], &big);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn terminal_escapes_in_a_scenario_never_reach_the_terminal() {
    // A name that would clear the screen, a model that would retitle the window.
    let scenario = r#"{"name": "x\u001b[2Jy", "mining": {"fleet": [
        {"model": "\u001b]0;title\u0007", "units": 8000, "hashrateThs": 270, "efficiencyJPerTh": 13.5}]}}"#;
    let table = minepivot(&["evaluate", "-", "--format", "table"], scenario);
    assert!(table.status.success(), "{}", text(&table.stderr));
    let shown = text(&table.stdout);
    assert!(!shown.contains('\u{1b}') && !shown.contains('\u{7}'));
    assert!(shown.starts_with("x\\u{1b}[2Jy — "), "{shown}");
    // In error messages too: the fleet line's model is named in the grid error.
    let bad = scenario.replace("8000", "80000");
    let out = minepivot(&["validate", "-"], &bad);
    assert_eq!(out.status.code(), Some(2));
    let errors = text(&out.stderr);
    assert!(
        !errors.contains('\u{1b}') && errors.contains("\\u{1b}]0;title\\u{7}"),
        "{errors}"
    );
}

#[test]
fn a_duplicate_key_and_a_byte_order_mark() {
    let out = minepivot(&["validate", "-"], r#"{"horizonYears": 10, "horizonYears": 20}"#);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("horizonYears: appears more than once"),
        "{}",
        text(&out.stderr)
    );
    let out = minepivot(&["validate", "-"], "\u{feff}{\"horizonYears\": 10}");
    assert!(out.status.success(), "{}", text(&out.stderr));
}

#[test]
fn a_curve_csv_goes_into_a_scenario_or_is_refused_naming_its_row() {
    let csv = "month,hashprice\n2027-01,40\n2027-06,30\n";
    let out = minepivot(&["curve", "hashprice", "-"], csv);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let points: serde_json::Value = serde_json::from_str(&text(&out.stdout)).unwrap();
    assert_eq!(points[1]["month"], "2027-06");
    assert_eq!(points[1]["value"], 30.0);

    // Into a scenario, then evaluated: month 0's hashprice is the curve's.
    let dir = std::env::temp_dir().join(format!("minepivot-curve-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let scenario = dir.join("site.json");
    std::fs::write(&scenario, text(&minepivot(&["scenario"], "").stdout)).unwrap();
    let out = minepivot(
        &["curve", "hashprice", "-", "--scenario", scenario.to_str().unwrap()],
        csv,
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let report = minepivot(&["evaluate", "-"], &text(&out.stdout));
    let report: serde_json::Value = serde_json::from_str(&text(&report.stdout)).unwrap();
    assert_eq!(report["bitcoin"]["months"][0]["hashpriceUsdPerPhDay"], 40.0);
    // Month 3 of the five from 40 to 30: 40 − 10 × 3/5 = 34.
    assert_eq!(report["bitcoin"]["months"][3]["hashpriceUsdPerPhDay"], 34.0);

    // Excel's "CSV UTF-8" opens with a byte-order mark: the first point is still a point.
    let out = minepivot(&["curve", "hashprice", "-"], "\u{feff}2027-01,40\n2027-06,30\n");
    let points: serde_json::Value = serde_json::from_str(&text(&out.stdout)).unwrap();
    assert_eq!(points.as_array().map(Vec::len), Some(2), "{points}");
    assert_eq!(points[0]["month"], "2027-01");

    let out = minepivot(&["curve", "btc-price", "-"], "2027-01,80000\n2027-02;81000\n");
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(err.contains("is not a valid curve") && err.contains("row 2:"), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_real_ercot_year_reads_as_a_duration_curve_and_a_broken_one_names_its_row() {
    let file = format!("{}/data/ercot-dam-hb-hubavg/2024.csv", env!("CARGO_MANIFEST_DIR"));
    let out = minepivot(&["profile", &file, "--below", "60"], "");
    assert!(out.status.success(), "{}", text(&out.stderr));
    let shown = text(&out.stdout);
    // data/README.md: 8,784 hours, mean $28.1, 15 negative hours, max $2,064.
    assert!(
        shown.starts_with("2024: 8784 hours, mean $28.08/MWh; negative in 15 hours"),
        "{shown}"
    );
    assert!(shown.contains("max  $   2064.49"), "{shown}");
    // February of a leap year: 29 × 24 = 696 hours.
    assert!(
        shown.lines().any(|l| l.trim_start().starts_with("2      696")),
        "{shown}"
    );
    let year = std::fs::read_to_string(&file).unwrap();
    let broken = year.replacen("16.62", "n/a", 1);
    let out = minepivot(&["profile", "-"], &broken);
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(
        err.contains("is not a valid hourly price profile") && err.contains("row 2:"),
        "{err}"
    );
    // A price no scenario may hold is refused at its row, not summed into "$inf".
    let huge = year.replacen("16.62", "1e308", 1);
    let err = text(&minepivot(&["profile", "-"], &huge).stderr);
    assert!(
        err.contains("row 2: the price must be between -10,000 and 100,000 USD/MWh"),
        "{err}"
    );
    // An ISO's export with more columns is over 1 MB: read as the package reads it (2.5 MB).
    let wide: String = year
        .lines()
        .map(|line| {
            let (time, rest) = line.split_once(',').unwrap();
            format!("{time},HB_HUBAVG,Hub Average (trading hub),Day-Ahead Market,hourly,USD/MWh,ERCOT,{rest}\n")
        })
        .collect();
    assert!(wide.len() > 1_000_000, "{} bytes", wide.len());
    let out = minepivot(&["profile", "-"], &wide);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).starts_with("2024: 8784 hours, mean $28.08/MWh"));
}

#[test]
fn the_uri_year_goes_into_a_scenario_and_the_table_shows_its_curtailment() {
    // `minepivot profile 2021.csv --scenario s.json | minepivot evaluate - --format table`:
    // the scenario priced on the imported year, and the table's power block.
    let dir = env!("CARGO_MANIFEST_DIR");
    let file = format!("{dir}/data/ercot-dam-hb-hubavg/2021.csv");
    let defaults = format!("{dir}/src/released/defaults-v5.json");
    let out = minepivot(&["profile", &file, "--scenario", &defaults], "");
    assert!(out.status.success(), "{}", text(&out.stderr));
    let scenario: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(scenario["power"]["profile"], "imported");
    assert_eq!(scenario["power"]["importedProfileName"], "2021.csv (2021)");
    assert_eq!(scenario["power"]["importedProfile"].as_array().unwrap().len(), 8_760);
    let table = minepivot(&["evaluate", "-", "--format", "table"], &text(&out.stdout));
    assert!(table.status.success(), "{}", text(&table.stderr));
    let shown = text(&table.stdout);
    assert!(
        shown.contains("Power: Imported: 2021.csv (2021), scaled to the site's price"),
        "{shown}"
    );
    // Each line's break-even on the first year's duration curve.
    assert!(shown.contains("Antminer S19j Pro (29.5 J/TH): runs below $"), "{shown}");
    // The same year imported equals the built-in 2021 profile to the cent it is stored at.
    let built_in = minepivot(
        &["evaluate", "-", "--format", "json"],
        r#"{"power": {"profile": "ercot2021"}}"#,
    );
    let imported = minepivot(&["evaluate", "-", "--format", "json"], &text(&out.stdout));
    let npv = |o: &Output| -> f64 {
        let r: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        r["pathways"][0]["npvUsd"].as_f64().unwrap()
    };
    let (a, b) = (npv(&built_in), npv(&imported));
    assert!((a - b).abs() < 1e-4 * a.abs(), "{a} vs {b}");
}

#[test]
fn batch_answers_each_line_in_its_order_reports_bad_ones_and_equals_evaluate() {
    // Six lines: the default, a partial document (the rest from the defaults), a power price
    // out of range, a blank line, text that is not JSON, and the default at $30/MWh.
    let default = text(&minepivot(&["scenario"], "").stdout);
    let compact = |pretty: &str| -> String {
        let v: serde_json::Value = serde_json::from_str(pretty).expect("the default is JSON");
        v.to_string()
    };
    let base = compact(&default);
    let mut cheap: serde_json::Value = serde_json::from_str(&base).expect("JSON");
    cheap["site"]["powerPriceUsdPerMwh"] = serde_json::Value::from(30.0);
    let input = [
        base.clone(),
        r#"{"schemaVersion": 5, "finance": {"discountRatePct": 12}}"#.to_string(),
        r#"{"site": {"powerPriceUsdPerMwh": -1}}"#.to_string(),
        String::new(),
        "not json".to_string(),
        cheap.to_string(),
    ]
    .join("\n");
    let out = minepivot(&["batch"], &input);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let lines: Vec<serde_json::Value> = text(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("each output line is JSON"))
        .collect();
    assert_eq!(lines.len(), 6, "one output line per input line");
    for (i, line) in lines.iter().enumerate() {
        assert_eq!(line["line"], serde_json::Value::from(i as u64 + 1));
    }
    for ok in [0, 1, 5] {
        assert!(lines[ok]["summary"].is_object(), "line {}: {}", ok + 1, lines[ok]);
    }
    for bad in [2, 3, 4] {
        assert!(lines[bad]["errors"].is_array(), "line {}: {}", bad + 1, lines[bad]);
    }
    assert_eq!(lines[2]["errors"][0]["field"], "site.powerPriceUsdPerMwh");
    // Each summary holds the numbers `minepivot evaluate` reports for the same document.
    for (ok, doc) in [(0, base.clone()), (5, cheap.to_string())] {
        let report: serde_json::Value =
            serde_json::from_slice(&minepivot(&["evaluate", "-"], &doc).stdout).expect("a report");
        let summary = &lines[ok]["summary"];
        assert_eq!(summary["bestPathway"], report["comparison"]["bestPathway"]);
        for p in 0..3 {
            for key in [
                "id",
                "npvUsd",
                "valueUsd",
                "irrPct",
                "mirrPct",
                "paybackMonths",
                "pivotValueUsd",
                "totalCapexUsd",
            ] {
                assert_eq!(
                    summary["pathways"][p][key],
                    report["pathways"][p][key],
                    "line {} pathway {p} {key}",
                    ok + 1
                );
            }
            let equity = &report["pathways"][p]["financing"];
            let equity_npv = if equity.is_null() {
                serde_json::Value::Null
            } else {
                equity["equityNpvUsd"].clone()
            };
            assert_eq!(summary["pathways"][p]["equityNpvUsd"], equity_npv);
        }
    }
    // Cheaper power helps mining: the two summaries differ where they should.
    assert!(
        lines[5]["summary"]["pathways"][0]["npvUsd"].as_f64() > lines[0]["summary"]["pathways"][0]["npvUsd"].as_f64()
    );
    // One thread or many: the same lines.
    let single = minepivot(&["batch", "--threads", "1"], &input);
    assert_eq!(single.stdout, out.stdout);
}

/// Every number of `a` within `rel` (relative) of the same place in `b`, every other value
/// equal; the path of the first difference otherwise.
fn same_numbers(a: &serde_json::Value, b: &serde_json::Value, rel: f64, at: &str) -> Result<(), String> {
    use serde_json::Value;
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => {
            let (x, y) = (x.as_f64().unwrap_or(f64::NAN), y.as_f64().unwrap_or(f64::NAN));
            if (x - y).abs() <= rel * x.abs().max(y.abs()).max(1.0) {
                Ok(())
            } else {
                Err(format!("{at}: {x} vs {y}"))
            }
        }
        (Value::Array(x), Value::Array(y)) if x.len() == y.len() => x
            .iter()
            .zip(y)
            .enumerate()
            .try_for_each(|(i, (x, y))| same_numbers(x, y, rel, &format!("{at}[{i}]"))),
        (Value::Object(x), Value::Object(y)) if x.len() == y.len() => x.iter().try_for_each(|(k, v)| match y.get(k) {
            Some(w) => same_numbers(v, w, rel, &format!("{at}.{k}")),
            None => Err(format!("{at}.{k}: missing")),
        }),
        _ if a == b => Ok(()),
        _ => Err(format!("{at}: {a} vs {b}")),
    }
}

#[test]
fn risk_with_an_options_file_matches_the_reference_run_that_node_and_the_page_share() {
    // tests/golden/risk-seed-7.json is this run's answer (the default scenario, every factor
    // drawn, jumps and correlations on): the Node test and the page test compare theirs with
    // it, so the same seed gives the same answer in the CLI, Node and the page. Native and
    // wasm builds differ only in the last bits of exp/ln/pow: numbers within 1e-9.
    // UPDATE_GOLDEN=1 rewrites it.
    let scenario = text(&minepivot(&["scenario"], "").stdout);
    let options = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/golden/risk-options.json");
    let out = minepivot(&["risk", "-", "--options", options, "--format", "json"], &scenario);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(report["options"]["seed"], 7);
    assert_eq!(report["options"]["btcJumpsPerYear"], 1.0);
    assert_eq!(report["equity"]["paths"], 200);
    let golden = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/golden/risk-seed-7.json");
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(golden, serde_json::to_string_pretty(&report).unwrap() + "\n").unwrap();
    }
    let expected: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(golden).expect("the reference run")).unwrap();
    if let Err(difference) = same_numbers(&report, &expected, 1e-9, "") {
        panic!("the CLI's run differs from tests/golden/risk-seed-7.json at {difference}");
    }
    // The run is shared among the cores (MINEPIVOT_THREADS sets how many): one thread and
    // three give the same document, byte for byte.
    let args = ["risk", "-", "--options", options, "--format", "json"];
    let one = minepivot_with(&args, &scenario, &[("MINEPIVOT_THREADS", "1")]);
    let three = minepivot_with(&args, &scenario, &[("MINEPIVOT_THREADS", "3")]);
    assert!(one.status.success() && three.status.success());
    assert_eq!(one.stdout, three.stdout);
    assert_eq!(one.stdout, out.stdout);
    // A flag overrides the file; an option out of range is refused at its name; so is a
    // correlation matrix that no three quantities can have.
    let flagged = minepivot(
        &["risk", "-", "--options", options, "--paths", "300", "--format", "json"],
        &scenario,
    );
    let flagged: serde_json::Value = serde_json::from_slice(&flagged.stdout).expect("JSON");
    assert_eq!(flagged["options"]["paths"], 300);
    assert_eq!(flagged["options"]["seed"], 7);
    let dir = std::env::temp_dir().join(format!("minepivot-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for (body, field) in [
        (r#"{"feesSdPct": 400}"#, "feesSdPct"),
        (
            r#"{"btcHashrateCorrelation": 0.9, "btcGpuRentCorrelation": 0.9, "hashrateGpuRentCorrelation": -0.9}"#,
            "btcHashrateCorrelation",
        ),
    ] {
        let file = dir.join("bad.json");
        std::fs::write(&file, body).unwrap();
        let bad = minepivot(&["risk", "-", "--options", file.to_str().unwrap()], &scenario);
        assert_eq!(bad.status.code(), Some(2), "{body}");
        assert!(text(&bad.stderr).contains(field), "{}", text(&bad.stderr));
    }
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn risk_contributions_list_each_drawn_factor_with_its_share() {
    let scenario = text(&minepivot(&["scenario"], "").stdout);
    let out = minepivot(
        &["risk", "-", "--paths", "500", "--contributions", "--format", "json"],
        &scenario,
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let both: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let drawn = both["risk"]["drawn"].as_array().unwrap().len();
    let factors = both["contributions"]["factors"].as_array().unwrap();
    assert_eq!(factors.len(), drawn);
    // Each pathway's shares sum to 100 % (or 0 where nothing moves it).
    for k in 0..3 {
        let sum: f64 = factors
            .iter()
            .map(|f| f["shareOfVariancePct"][k].as_f64().unwrap())
            .sum();
        assert!((sum - 100.0).abs() < 1e-6 || sum == 0.0, "pathway {k}: {sum}");
    }
    let table = minepivot(&["risk", "-", "--paths", "500", "--contributions"], &scenario);
    let table = text(&table.stdout);
    assert!(table.contains("Each factor alone (500 paths each)"), "{table}");
    assert!(table.contains("the build cost (overrun)"), "{table}");
}
