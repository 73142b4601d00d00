//! Where the defaults come from: every public source can be read at a link, and the report
//! says as of which month its market prices are.

use minepivot::catalogue::presets;
use minepivot::fields::{self, MARKET_FIELDS};
use minepivot::scenario::Scenario;
use minepivot::sources::SourceKind;
use minepivot::validate::check;

/// Words that point a reader at nothing they can open: files of the repository, or an unnamed
/// press.
const UNREADABLE: [&str; 5] = ["DATA.md", "MODEL.md", "../shared", "data/README.md", "(press)"];

#[test]
fn every_public_source_can_be_read_at_a_link() {
    let p = presets();
    let sources: Vec<_> = p.sources.iter().chain(&p.risk_option_sources).collect();
    let unlinked: Vec<String> = sources
        .iter()
        .filter(|s| matches!(s.kind, SourceKind::Primary | SourceKind::Industry | SourceKind::Press))
        .filter(|s| !s.url.as_deref().is_some_and(|u| u.starts_with("https://")))
        .map(|s| format!("{}: {}", s.field, s.source))
        .collect();
    assert!(
        unlinked.is_empty(),
        "public sources without an https link: {unlinked:#?}"
    );
    // Every link given anywhere is https.
    let urls = sources
        .iter()
        .filter_map(|s| s.url.as_deref())
        .chain(p.cost_library.iter().filter_map(|c| c.url.as_deref()))
        .chain(p.asics.iter().filter_map(|a| a.url.as_deref()))
        .chain(p.gpu_systems.iter().filter_map(|g| g.url.as_deref()))
        .chain(p.cooling.iter().filter_map(|c| c.url.as_deref()));
    for url in urls {
        assert!(url.starts_with("https://"), "{url}");
    }
}

#[test]
fn no_source_names_a_file_the_reader_cannot_open() {
    let p = presets();
    let texts = p
        .sources
        .iter()
        .chain(&p.risk_option_sources)
        .map(|s| s.source.as_str())
        .chain(p.cost_library.iter().map(|c| c.source.as_str()))
        .chain(p.asics.iter().map(|a| a.source.as_str()))
        .chain(
            p.gpu_systems
                .iter()
                .flat_map(|g| [g.source.as_str(), g.rent_source.as_str()]),
        )
        .chain(p.cooling.iter().map(|c| c.source.as_str()));
    for text in texts {
        for word in UNREADABLE {
            assert!(!text.contains(word), "{word:?} in {text:?}");
        }
    }
}

#[test]
fn the_market_inputs_are_sourced_numbers() {
    for (path, _) in MARKET_FIELDS {
        let field = fields::get(path).unwrap_or_else(|| panic!("{path} is no field"));
        assert!(field.is_numeric(), "{path}");
        assert!(field.source.is_some(), "{path} has no source");
    }
}

#[test]
fn market_data_are_dated_by_the_latest_default() {
    let m = presets().market_data;
    // The defaults: BTC price, network hashrate and the lease rate read in May 2026, fees
    // and power price in December 2025, GPU rent in November 2025. The latest: 2026-05.
    let dates: Vec<(&str, &str)> = m.inputs.iter().map(|i| (i.field.as_str(), i.as_of.as_str())).collect();
    assert_eq!(
        dates,
        [
            ("bitcoin.btcPriceUsd", "2026-05"),
            ("bitcoin.networkHashrateEhs", "2026-05"),
            ("bitcoin.feesBtcPerBlock", "2025-12"),
            ("site.powerPriceUsdPerMwh", "2025-12"),
            ("colocation.leaseUsdPerKwMonth", "2026-05"),
            ("gpuCloud.rentUsdPerGpuHour", "2025-11"),
        ]
    );
    assert_eq!((m.as_of.as_str(), m.as_of_label.as_str()), ("2026-05", "May 2026"));
    assert_eq!(m.inputs[5].as_of_label, "November 2025");
    assert!(m.inputs.iter().all(|i| !i.yours));
}

#[test]
fn the_report_says_which_market_inputs_are_the_users() {
    let mut s = Scenario::default();
    // $78,000 is the default BTC price; $90,000 is the user's.
    s.bitcoin.btc_price_usd = 90_000.0;
    let report = minepivot::report(&check(s).unwrap()).unwrap();
    let yours: Vec<&str> = report
        .market_data
        .inputs
        .iter()
        .filter(|i| i.yours)
        .map(|i| i.field.as_str())
        .collect();
    assert_eq!(yours, ["bitcoin.btcPriceUsd"]);
    // The date stays the defaults' date.
    assert_eq!(report.market_data.as_of, "2026-05");
}

#[test]
fn the_capex_band_is_the_total_moved_by_its_percentages() {
    let report = minepivot::report(&check(Scenario::default()).unwrap()).unwrap();
    let c = &report.capex;
    // −20 % and +30 % of the facility total.
    assert!((c.accuracy.low_usd - c.total_usd * 0.8).abs() < 1e-3);
    assert!((c.accuracy.high_usd - c.total_usd * 1.3).abs() < 1e-3);
}

/// The reference data a default reads from can be checked too: the models of the default fleet,
/// and every GPU system (the B300 since version 7, by IREN's order of B200 and B300).
#[test]
fn the_reference_data_behind_the_defaults_link_their_figures() {
    let p = presets();
    for line in &Scenario::default().mining.fleet {
        let asic = p
            .asics
            .iter()
            .find(|a| a.model == line.model)
            .expect("a default model is a preset");
        assert!(asic.url.is_some(), "{} has no link", asic.model);
    }
    let unlinked: Vec<_> = p
        .gpu_systems
        .iter()
        .filter(|g| g.url.is_none())
        .map(|g| g.label.as_str())
        .collect();
    assert!(unlinked.is_empty(), "{unlinked:?}");
}
