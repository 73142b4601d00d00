//! Where every default comes from. The page shows these next to each input; the CLI and the
//! npm package expose them through [`crate::presets::presets`]. Figures and their origins are
//! gathered in docs/data-sources.md; markets move, so a default is a starting point, never a
//! forecast.

use serde::{Deserialize, Serialize};

/// How much weight a figure can bear.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum SourceKind {
    /// Company filing, press release, vendor datasheet, protocol rule.
    Primary,
    /// Industry report.
    Industry,
    /// Press summarising primary data.
    Press,
    /// Analyst, blog or vendor-marketing estimate; shown as "estimate".
    Estimate,
    /// A default found in open-source code.
    OpenSource,
    /// Derived here by arithmetic from other sourced figures.
    Derived,
}

/// The origin of one default value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Source {
    /// Scenario field path (`site.powerPriceUsdPerMwh`) or cost-library item id.
    pub field: String,
    /// Who published the figure, or how it was derived.
    pub source: String,
    /// When the figure was true, `"YYYY-MM"`.
    pub as_of: String,
    pub kind: SourceKind,
    /// True where the figure is an estimate; the page says "estimate".
    pub estimate: bool,
    /// Where the figure can be read, when it is a public page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// How recent the market prices behind a report are: the latest date among the defaults of
/// the market inputs (BTC price, network hashrate, fees per block, power price, lease rate,
/// GPU rent), and which of those inputs the scenario sets to a value of its own.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct MarketData {
    /// The latest `asOf` of the market inputs' defaults, `"YYYY-MM"`.
    pub as_of: String,
    /// The same month for people: `"May 2026"`.
    pub as_of_label: String,
    /// The market inputs, in that order.
    pub inputs: Vec<MarketInput>,
}

/// One market input and the date of its default.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct MarketInput {
    /// Scenario field path (`bitcoin.btcPriceUsd`).
    pub field: String,
    /// A short name for people ("BTC price").
    pub label: String,
    /// When the default was true, `"YYYY-MM"`.
    pub as_of: String,
    /// The same month for people: `"December 2025"`.
    pub as_of_label: String,
    /// True where the scenario's value is not the default: the date is then not its date.
    pub yours: bool,
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// `"2026-05"` → `"May 2026"`; any other text unchanged.
///
/// ```
/// assert_eq!(minepivot::sources::month_label("2026-05"), "May 2026");
/// assert_eq!(minepivot::sources::month_label("soon"), "soon");
/// ```
pub fn month_label(as_of: &str) -> String {
    let named = as_of.split_once('-').and_then(|(year, month)| {
        let index = month.parse::<usize>().ok()?.checked_sub(1)?;
        Some(format!("{} {year}", MONTHS.get(index)?))
    });
    named.unwrap_or_else(|| as_of.to_string())
}

const fn s(
    field: &'static str,
    source: &'static str,
    as_of: &'static str,
    kind: SourceKind,
    url: &'static str,
) -> StaticSource {
    StaticSource {
        field,
        source,
        as_of,
        kind,
        url,
    }
}

pub struct StaticSource {
    pub field: &'static str,
    pub source: &'static str,
    pub as_of: &'static str,
    pub kind: SourceKind,
    /// Where the figure can be read ("" where it is no public page).
    pub url: &'static str,
}

impl StaticSource {
    pub fn to_source(&self) -> Source {
        Source::new(self.field, self.source, self.as_of, self.kind).at(self.url)
    }
}

impl Source {
    pub fn new(field: &str, source: &str, as_of: &str, kind: SourceKind) -> Source {
        Source {
            field: field.to_string(),
            source: source.to_string(),
            as_of: as_of.to_string(),
            kind,
            estimate: matches!(
                kind,
                SourceKind::Estimate | SourceKind::OpenSource | SourceKind::Derived
            ),
            url: None,
        }
    }

    /// The same source, readable at `url` ("" for none).
    pub fn at(mut self, url: &str) -> Source {
        self.url = (!url.is_empty()).then(|| url.to_string());
        self
    }
}

use SourceKind::*;

/// The sources of the default fleet's lines (the sample site's machines); the sources of every
/// other default live with their field in [`crate::fields`].
pub const DEFAULT_FLEET_SOURCES: &[StaticSource] = &[
    s(
        "mining.fleet[0].hashrateThs",
        "Antminer S21 XP 270 TH/s (Bitmain specifications)",
        "2024-03",
        Primary,
        "https://support.bitmain.com/hc/en-us/articles/35383015643673-S21-XP-Specifications",
    ),
    s(
        "mining.fleet[0].efficiencyJPerTh",
        "Antminer S21 XP 13.5 J/TH (Bitmain specifications)",
        "2024-03",
        Primary,
        "https://support.bitmain.com/hc/en-us/articles/35383015643673-S21-XP-Specifications",
    ),
    s(
        "mining.fleet[0].units",
        "Sample fleet: 8,000 units (29.2 MW of ASICs)",
        "2026-05",
        Estimate,
        "",
    ),
    s(
        "mining.fleet[1].hashrateThs",
        "Antminer S21 200 TH/s, Bitmain's specification (ASIC Miner Value)",
        "2024-03",
        Press,
        "https://www.asicminervalue.com/miners/bitmain/antminer-s21-200th",
    ),
    s(
        "mining.fleet[1].efficiencyJPerTh",
        "Antminer S21 17.5 J/TH, Bitmain's specification (ASIC Miner Value)",
        "2024-03",
        Press,
        "https://www.asicminervalue.com/miners/bitmain/antminer-s21-200th",
    ),
    s(
        "mining.fleet[1].units",
        "Sample fleet: 10,000 units (35.0 MW of ASICs)",
        "2026-05",
        Estimate,
        "",
    ),
    s(
        "mining.fleet[2].hashrateThs",
        "Antminer S19j Pro 104 TH/s, Bitmain's specification (ASIC Miner Value)",
        "2024-03",
        Press,
        "https://www.asicminervalue.com/miners/bitmain/antminer-s19j-pro-104th",
    ),
    s(
        "mining.fleet[2].efficiencyJPerTh",
        "Antminer S19j Pro 29.5 J/TH, Bitmain's specification (ASIC Miner Value)",
        "2024-03",
        Press,
        "https://www.asicminervalue.com/miners/bitmain/antminer-s19j-pro-104th",
    ),
    s(
        "mining.fleet[2].units",
        "Sample fleet: 9,000 units (27.6 MW of ASICs)",
        "2026-05",
        Estimate,
        "",
    ),
];

#[cfg(test)]
mod tests {
    use crate::scenario::Scenario;

    #[test]
    fn every_default_has_a_source() {
        let values = crate::fields::scenario_values(&Scenario::default());
        let missing: Vec<&String> = values
            .iter()
            // An empty list (no cost overrides) is no figure to source.
            .filter(|(_, value)| !value.is_array())
            .map(|(path, _)| path)
            .filter(|f| !matches!(f.as_str(), "schemaVersion" | "name") && !f.ends_with(".model"))
            .filter(|f| crate::fields::source_of(f).is_none())
            .collect();
        assert!(missing.is_empty(), "defaults without a source: {missing:?}");
        // Every leaf of the default scenario is listed, the fleet's lines by index.
        assert!(values
            .iter()
            .any(|(path, _)| path == "mining.fleet[2].efficiencyJPerTh"));
    }
}
