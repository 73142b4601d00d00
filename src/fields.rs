//! The field registry: every input of the scenario, and every option of the risk analysis,
//! defined once — its path, label, unit, kind, bounds, step, page group, choices and the
//! source of its default.
//!
//! Everything else reads it: [`crate::validate`] checks a document by walking it against
//! these entries (types, unknown keys and ranges in one pass), the analyses clamp their moved
//! values by [`Field::clamp`], the npm package hands the list to JavaScript (`fields()`, assembled in
//! [`crate::catalogue`]), and
//! the page builds its form, labels, units, ranges and tips from it (`www/src/fields.js` holds
//! only the layout). A test proves that every field of the default scenario has exactly one
//! entry here and that every entry is a field of the scenario.
//!
//! Paths are dotted; the items of a list are written `[]`: `mining.fleet[].units`.

use std::sync::OnceLock;

use serde::Serialize;
use serde_json::{Map, Value};

use crate::scenario::{
    Amortisation, Basis, Cooling, CostOverride, CurvePoint, Fabric, FirmSupply, FleetLine, GpuEnd, GpuSystem,
    HashrateModel, LeaseEnd, LeaseType, MiningExit, Phase, PowerPricing, PowerSupply, PrepaymentCredit, PriceProfile,
    ProfileScaling, Redundancy, Scenario,
};
use crate::sources::{Source, SourceKind};
use SourceKind::*;

/// What a field holds, and so how the page edits it and how a document is type-checked.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Kind {
    /// A finite number (`f64`).
    Number,
    /// A whole number 0 or more (`u32`, or `u64` where [`Field::max`] needs it).
    Whole,
    /// `true` or `false`.
    Flag,
    /// Free text for people, never interpreted (at most [`MAX_TEXT_CHARS`] characters).
    Text,
    /// A month written `YYYY-MM`.
    Month,
    /// A date written `YYYY-MM-DD`.
    Date,
    /// One of a fixed list of values (a Rust enum).
    Choice(&'static [Choice]),
    /// A list of objects whose fields are the entries under `path[]`; at most `max` items.
    List,
    /// A list of at most this many numbers, each between [`Field::min`] and [`Field::max`].
    Numbers(usize),
}

/// One value of a choice field: the JSON value and what a person reads.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct Choice {
    pub value: &'static str,
    pub label: &'static str,
}

/// The origin of a default: who published it, when it was true, how much weight it bears.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Src {
    pub text: &'static str,
    pub as_of: &'static str,
    pub kind: SourceKind,
    /// Where the figure can be read ("" where it is no public page).
    pub url: &'static str,
}

/// How a field is read from and written into a scenario: the one place that ties a path to
/// its Rust field, so that reading a document, writing one, validating a scenario built in
/// Rust and moving an input in the analyses need no code of their own per field.
#[derive(Debug, Clone, Copy)]
pub enum Access {
    /// Not an input of its own: `schemaVersion`, which the parser reads and writes.
    Document,
    /// The fleet: its lines' fields have `Line*` accessors.
    Lines {
        get: fn(&Scenario) -> &[FleetLine],
        set: fn(&mut Scenario, Vec<FleetLine>),
    },
    /// The cost overrides: their fields have `Cost*` accessors.
    Costs {
        get: fn(&Scenario) -> &[CostOverride],
        set: fn(&mut Scenario, Vec<CostOverride>),
    },
    /// The retrofit's phases: their fields have `Phase*` accessors.
    Phases {
        get: fn(&Scenario) -> &[Phase],
        set: fn(&mut Scenario, Vec<Phase>),
    },
    Num {
        get: fn(&Scenario) -> f64,
        set: fn(&mut Scenario, f64),
    },
    Whole {
        get: fn(&Scenario) -> u64,
        set: fn(&mut Scenario, u64),
    },
    Flag {
        get: fn(&Scenario) -> bool,
        set: fn(&mut Scenario, bool),
    },
    /// Text, a month or a date.
    Text {
        get: fn(&Scenario) -> &str,
        set: fn(&mut Scenario, String),
    },
    /// The index of the value in the field's [`Kind::Choice`] list (the enum's `ALL` order).
    Choice {
        get: fn(&Scenario) -> usize,
        set: fn(&mut Scenario, usize),
    },
    LineNum {
        get: fn(&FleetLine) -> f64,
        set: fn(&mut FleetLine, f64),
    },
    LineWhole {
        get: fn(&FleetLine) -> u64,
        set: fn(&mut FleetLine, u64),
    },
    LineText {
        get: fn(&FleetLine) -> &str,
        set: fn(&mut FleetLine, String),
    },
    CostNum {
        get: fn(&CostOverride) -> f64,
        set: fn(&mut CostOverride, f64),
    },
    CostText {
        get: fn(&CostOverride) -> &str,
        set: fn(&mut CostOverride, String),
    },
    /// A curve: its points' fields have `Point*` accessors.
    Curve {
        get: fn(&Scenario) -> &[CurvePoint],
        set: fn(&mut Scenario, Vec<CurvePoint>),
    },
    PointNum {
        get: fn(&CurvePoint) -> f64,
        set: fn(&mut CurvePoint, f64),
    },
    PointText {
        get: fn(&CurvePoint) -> &str,
        set: fn(&mut CurvePoint, String),
    },
    PhaseNum {
        get: fn(&Phase) -> f64,
        set: fn(&mut Phase, f64),
    },
    PhaseWhole {
        get: fn(&Phase) -> u64,
        set: fn(&mut Phase, u64),
    },
    Numbers {
        get: fn(&Scenario) -> &[f64],
        set: fn(&mut Scenario, Vec<f64>),
    },
}

/// One input.
#[derive(Debug, Clone, Copy)]
pub struct Field {
    /// Dotted path; list items as `[]` (`mining.fleet[].units`).
    pub path: &'static str,
    /// Page group (`site`, `bitcoin`, `retrofit`, `colocation`, `gpuCloud`, `finance`, `risk`).
    pub group: &'static str,
    pub label: &'static str,
    /// Unit, named in the label and in every error message ("" for a pure ratio).
    pub unit: &'static str,
    pub kind: Kind,
    /// Bounds of a number or whole number (of a list: its length).
    pub min: f64,
    pub max: f64,
    /// Above 0, the smallest value allowed (0 itself allowed too): a share converted is 0 or at
    /// least 0.1 %, never 10⁻³⁰⁰ %. 0 when the field has no such gap.
    pub nonzero_min: f64,
    /// The page's arrow step.
    pub step: f64,
    pub source: Option<Src>,
    /// How it is read and written.
    pub access: Access,
}

/// Longest text accepted in a text field (a name, an ASIC model), characters.
pub const MAX_TEXT_CHARS: usize = 200;
/// Most fleet lines; a larger document is an error, not a slow page.
pub const MAX_FLEET_LINES: usize = 1_000;
/// Most cost overrides.
pub const MAX_COST_OVERRIDES: usize = 200;
/// Most phases of a retrofit.
pub const MAX_PHASES: usize = 12;
/// Most points of a curve: fifty years of months.
pub const MAX_CURVE_POINTS: usize = 600;
/// The hours of a leap year: the most an hourly price profile holds.
pub const MAX_PROFILE_HOURS: usize = 8_784;
/// The longest horizon the model takes, years.
pub const MAX_HORIZON_YEARS: u32 = 30;

const fn base(path: &'static str, group: &'static str, label: &'static str, unit: &'static str, kind: Kind) -> Field {
    Field {
        path,
        group,
        label,
        unit,
        kind,
        min: 0.0,
        max: 0.0,
        nonzero_min: 0.0,
        step: 0.0,
        source: None,
        access: Access::Document,
    }
}

const fn num(
    path: &'static str,
    group: &'static str,
    label: &'static str,
    unit: &'static str,
    min: f64,
    max: f64,
    step: f64,
) -> Field {
    Field {
        min,
        max,
        step,
        ..base(path, group, label, unit, Kind::Number)
    }
}

const fn whole(
    path: &'static str,
    group: &'static str,
    label: &'static str,
    unit: &'static str,
    min: f64,
    max: f64,
    step: f64,
) -> Field {
    Field {
        min,
        max,
        step,
        ..base(path, group, label, unit, Kind::Whole)
    }
}

const fn flag(path: &'static str, group: &'static str, label: &'static str, unit: &'static str) -> Field {
    base(path, group, label, unit, Kind::Flag)
}

const fn text(path: &'static str, group: &'static str, label: &'static str) -> Field {
    Field {
        max: MAX_TEXT_CHARS as f64,
        ..base(path, group, label, "characters", Kind::Text)
    }
}

const fn month(path: &'static str, group: &'static str, label: &'static str, unit: &'static str) -> Field {
    base(path, group, label, unit, Kind::Month)
}

const fn date(path: &'static str, group: &'static str, label: &'static str, unit: &'static str) -> Field {
    base(path, group, label, unit, Kind::Date)
}

const fn choice(path: &'static str, group: &'static str, label: &'static str, choices: &'static [Choice]) -> Field {
    base(path, group, label, "", Kind::Choice(choices))
}

const fn list(path: &'static str, group: &'static str, label: &'static str, unit: &'static str, max: usize) -> Field {
    Field {
        max: max as f64,
        ..base(path, group, label, unit, Kind::List)
    }
}

const fn src(text: &'static str, as_of: &'static str, kind: SourceKind) -> Src {
    Src {
        text,
        as_of,
        kind,
        url: "",
    }
}

/// A source that can be read at `url`.
const fn src_at(text: &'static str, as_of: &'static str, kind: SourceKind, url: &'static str) -> Src {
    Src { text, as_of, kind, url }
}

const fn numbers(
    path: &'static str,
    group: &'static str,
    label: &'static str,
    unit: &'static str,
    min: f64,
    max: f64,
    items: usize,
) -> Field {
    Field {
        min,
        max,
        ..base(path, group, label, unit, Kind::Numbers(items))
    }
}

const fn c(value: &'static str, label: &'static str) -> Choice {
    Choice { value, label }
}

impl Field {
    const fn zero_or_at_least(self, nonzero_min: f64) -> Field {
        Field { nonzero_min, ..self }
    }

    const fn access(self, access: Access) -> Field {
        Field { access, ..self }
    }

    const fn source(self, source: Src) -> Field {
        Field {
            source: Some(source),
            ..self
        }
    }
}

const G_SITE: &str = "site";
const G_BITCOIN: &str = "bitcoin";
const G_RETROFIT: &str = "retrofit";
const G_COLOCATION: &str = "colocation";
const G_GPU: &str = "gpuCloud";
const G_FINANCE: &str = "finance";
const G_RISK: &str = "risk";
const G_POWER: &str = "power";

const COOLING: &[Choice] = &[
    c("air", "Air"),
    c("rearDoor", "Rear-door heat exchangers"),
    c("directToChip", "Direct-to-chip liquid"),
    c("immersion", "Immersion"),
];
const REDUNDANCY: &[Choice] = &[c("N", "N"), c("N+1", "N+1"), c("2N", "2N")];
const LEASE_TYPE: &[Choice] = &[
    c("nnn", "NNN — tenant pays power, building opex and taxes"),
    c("gross", "Gross — landlord pays power and opex"),
    c("modifiedGross", "Modified gross — tenant pays power, landlord the opex"),
];
const AFTER_TERM: &[Choice] = &[
    c("renew", "Renewed"),
    c("vacate", "Tenant leaves"),
    c("relet", "Re-let after a vacancy"),
];
const PREPAYMENT_CREDIT: &[Choice] = &[
    c("firstMonths", "Against the first rent due"),
    c("overTerm", "Spread over the term"),
];
const GPU_SYSTEM: &[Choice] = &[
    c("h100", "NVIDIA H100 SXM"),
    c("h200", "NVIDIA H200"),
    c("b200", "NVIDIA B200"),
    c("gb200", "NVIDIA GB200 NVL72"),
    c("b300", "NVIDIA B300"),
    c("gb300", "NVIDIA GB300 NVL72"),
];
const HASHRATE_MODEL: &[Choice] = &[
    c("fixedGrowth", "Fixed growth (below)"),
    c("economic", "Economic: follows miners' revenue"),
];
const MINING_EXIT: &[Choice] = &[
    c("stay", "Stay open, paying the full fixed opex"),
    c("close", "Close and sell the ASICs"),
    c("mothball", "Mothball at a reduced fixed opex"),
];
const POWER_PRICING: &[Choice] = &[
    c("flat", "Flat: one price, a fixed curtailment share"),
    c("hourly", "Hourly: each line runs in the hours it pays"),
];
const PRICE_PROFILE: &[Choice] = &[
    c("ercot2024", "ERCOT 2024, day-ahead hub average"),
    c("ercot2023", "ERCOT 2023, day-ahead hub average (summer scarcity)"),
    c("ercot2021", "ERCOT 2021, day-ahead hub average (Winter Storm Uri)"),
    c("imported", "Imported year (below)"),
];
const PROFILE_SCALING: &[Choice] = &[
    c("toPriceLevel", "Shape only, at the site's power price"),
    c("asIs", "Prices as in the file"),
];
const POWER_SUPPLY: &[Choice] = &[
    c("index", "Index: the hourly price for what it draws"),
    c("ppa", "Fixed-price contract (PPA) for a volume"),
];
const FIRM_SUPPLY: &[Choice] = &[
    c("grid", "The site's supply in every hour, spikes included"),
    c("premium", "A firm fixed price at a premium"),
    c("generation", "On-site generation in the expensive hours"),
];
const GPU_END: &[Choice] = &[c("refresh", "Buy new GPUs"), c("retire", "Retire them")];
const AMORTISATION: &[Choice] = &[
    c("annuity", "Level annuity"),
    c("interestOnly", "Interest only, balloon at the end"),
    c("sculpted", "Sculpted to a target DSCR"),
];
const BASIS: &[Choice] = &[
    c("unlevered", "Project (unlevered) cash flows"),
    c("equity", "Equity cash flows after debt"),
];

/// The seven inputs of a pathway's project debt (`colocation.debt`, `gpuCloud.debt`), with
/// that pathway's sources for the loan-to-cost, rate, tenor and amortisation.
macro_rules! debt_fields {
    ($prefix:literal, $group:expr, $section:ident, ltc: $ltc:expr, rate: $rate:expr, tenor: $tenor:expr, amortisation: $amort:expr) => {
        [
            num(
                concat!($prefix, ".debt.loanToCostPct"),
                $group,
                "Loan-to-cost",
                "% of the financed capex",
                0.0,
                95.0,
                5.0,
            )
            .source($ltc)
            .access(Access::Num {
                get: |s| s.$section.debt.loan_to_cost_pct,
                set: |s, v| s.$section.debt.loan_to_cost_pct = v,
            }),
            num(
                concat!($prefix, ".debt.interestRatePct"),
                $group,
                "Interest rate (all-in)",
                "% per year",
                0.0,
                30.0,
                0.25,
            )
            .source($rate)
            .access(Access::Num {
                get: |s| s.$section.debt.interest_rate_pct,
                set: |s, v| s.$section.debt.interest_rate_pct = v,
            }),
            whole(concat!($prefix, ".debt.tenorYears"), $group, "Tenor", "years", 1.0, 30.0, 1.0)
                .source($tenor)
                .access(Access::Whole {
                    get: |s| u64::from(s.$section.debt.tenor_years),
                    set: |s, v| s.$section.debt.tenor_years = v as u32,
                }),
            num(
                concat!($prefix, ".debt.upfrontFeePct"),
                $group,
                "Upfront fee",
                "% of the loan",
                0.0,
                10.0,
                0.25,
            )
            .source(src_at(
                "1.0–1.5 % origination fee on data-centre construction loans (indicative terms)",
                "2025-12",
                Estimate,
                "https://www.financely-group.com/data-center-construction-loans",
            ))
            .access(Access::Num {
                get: |s| s.$section.debt.upfront_fee_pct,
                set: |s, v| s.$section.debt.upfront_fee_pct = v,
            }),
            choice(concat!($prefix, ".debt.amortisation"), $group, "Repayment", AMORTISATION)
                .source($amort)
                .access(Access::Choice {
                    get: |s| s.$section.debt.amortisation as usize,
                    set: |s, i| {
                        if let Some(&c) = Amortisation::ALL.get(i) {
                            s.$section.debt.amortisation = c
                        }
                    },
                }),
            num(
                concat!($prefix, ".debt.targetDscr"),
                $group,
                "Target DSCR (sculpted)",
                "×",
                1.01,
                5.0,
                0.05,
            )
            .source(src_at(
                "1.40× minimum DSCR after stabilisation, Galaxy Helios term loan (8-K)",
                "2025-08",
                Primary,
                "https://www.stocktitan.net/sec-filings/GLXY/8-k-galaxy-digital-inc-reports-material-event-547c75e85189.html",
            ))
            .access(Access::Num {
                get: |s| s.$section.debt.target_dscr,
                set: |s, v| s.$section.debt.target_dscr = v,
            }),
            flag(
                concat!($prefix, ".debt.capitaliseInterest"),
                $group,
                "Capitalise interest during construction",
                "",
            )
            .source(src_at(
                "No repayment before a building is complete (TeraWulf and Cipher 2025 secured notes); interest capitalised is an assumption",
                "2025-11",
                Estimate,
                "https://pubt.io/view/F26C83B8AAAE91DB9609929B47C858CD91041A4B",
            ))
            .access(Access::Flag {
                get: |s| s.$section.debt.capitalise_interest,
                set: |s, v| s.$section.debt.capitalise_interest = v,
            }),
        ]
    };
}

const COLOCATION_DEBT: [Field; 7] = debt_fields!(
    "colocation",
    G_COLOCATION,
    colocation,
    ltc: src_at(
        "80 % maximum loan-to-cost, Galaxy Helios $1.4 B term loan (8-K); Hut 8 River Bend up to 85 %",
        "2025-08",
        Primary,
        "https://www.pubt.io/view/5F3A08FC297E947E0F3E5E43A4652FCE7FF7837B",
    ),
    rate: src_at(
        "8.0 % coupon, TeraWulf–Fluidstack secured notes due 2030; 2025 miner-to-AI secured notes priced 7.125–9.25 %",
        "2025-12",
        Press,
        "https://blockspace.media/insight/terawulf-and-fluidstack-joint-venture-plans-1-275b-secured-note-offering",
    ),
    tenor: src(
        "10 years: between the sector's 5-year secured notes (due 2030) and Hut 8's investment-grade bonds due 2042, inside the 10–15-year leases (an assumption)",
        "2025-12",
        Estimate,
    ),
    amortisation: src(
        "Sculpted to a DSCR: the project-finance norm for contracted revenue",
        "2025-12",
        Estimate,
    )
);

const GPU_CLOUD_DEBT: [Field; 7] = debt_fields!(
    "gpuCloud",
    G_GPU,
    gpu_cloud,
    ltc: src(
        "80 %: IREN finances GPUs at up to 100 % of their price; the facility at the colocation's 80 % (an assumption)",
        "2025-11",
        Estimate,
    ),
    rate: src_at(
        "9.0 %: Applied Digital 9.25 % secured notes (Nov 2025); CoreWeave GPU-backed loans SOFR + 4.50 % for non-investment-grade customers (May 2026)",
        "2026-05",
        Estimate,
        "https://davefriedman.substack.com/p/coreweave-issued-yet-more-debt",
    ),
    tenor: src(
        "5 years: repaid over the GPUs' useful life, as GPU-backed delayed-draw loans amortise (an assumption)",
        "2026-05",
        Estimate,
    ),
    amortisation: src_at(
        "Sculpted to the contract's cash at 1.40×: GPU-backed delayed-draw loans are repaid from the customer contracts' payments through a cash waterfall, each draw over 5 years (CoreWeave DDTL 2.0, 8-K of 2 Oct 2025)",
        "2025-10",
        Estimate,
        "https://www.pubt.io/view/B0F05C44256F2603B18631E4C65B13F1CD9F5C95"
    )
);
const FABRIC: &[Choice] = &[c("infiniband", "InfiniBand"), c("ethernet", "Ethernet")];

/// The accessors of every curve's points.
const POINT_MONTH: Access = Access::PointText {
    get: |p| &p.month,
    set: |p, v| p.month = v,
};
const POINT_VALUE: Access = Access::PointNum {
    get: |p| p.value,
    set: |p, v| p.value = v,
};
const NO_CURVE: Src = src(
    "None: the value and its growth settings (a curve is the user's own view, e.g. a forward curve)",
    "2026-11",
    Derived,
);
const MARGINAL_FLEET: Src = src_at(
    "S19j Pro-class fleet (29.5 J/TH) at $50/MWh breaks even at $35.4/PH/s-day: the Nov 2025 hashprice low ($35.06, Luxor) at ~1,075 EH/s; Hashrate Index puts 25–38 J/TH machines at ~$51/MWh of revenue (Jan 2026)",
    "2025-11",
    Derived,
    "https://hashrateindex.com/blog/luxor-hashrate-lookback-series-november-2025",
);
const EFFICIENCY_GAIN: Src = src_at(
    "12 %/yr: the marginal fleet's cost per PH/s-day fell ~12 %/yr 2020–25 (S9 at $30/MWh to S19j Pro at $50/MWh); the surveyed fleet improved 24 % in a year to 28.2 J/TH (Cambridge, 2025)",
    "2025-04",
    Estimate,
    "https://www.jbs.cam.ac.uk/faculty-research/centres/alternative-finance/publications/cambridge-digital-mining-industry-report/",
);
const HASHRATE_LAG: Src = src_at(
    "3 months: after the April 2024 halving the difficulty-implied hashrate fell 10 % and passed its old high ~3 months later (Galaxy); ASIC deliveries take 1–12 months (Core Scientific 10-Q)",
    "2024-07",
    Estimate,
    "https://www.galaxy.com/insights/research/2024-mid-year-mining",
);
const MAX_GROWTH: Src = src_at(
    "90 %/yr: the network grew ~92 % in 2023 (250 → 480 EH/s, Coin Metrics), its fastest year on new machines since 2021",
    "2024-01",
    Estimate,
    "https://cointime.ai/@CoinMetrics/state-of-the-network-94606",
);
const ASIC_INDEX: Src = src_at(
    "Estimate from Hashrate Index points: S21 XP $25.70/TH at a $43.33 hashprice (3 Nov 2025); S19-class ~$3–4/TH and S21 hydro ~$7–8/TH (Bitmain, Dec 2025); the index by class is paywalled",
    "2025-11",
    Estimate,
    "https://hashrateindex.com/blog/hashrate-index-roundup-november-3-2025",
);

/// Every input of the scenario, in the page's order within each group.
const PROFILE_SOURCE: Src = src_at(
    "ERCOT day-ahead prices at the hub average (HB_HUBAVG), 2024: mean $28.1, 95th percentile $62.1, highest $2,064/MWh",
    "2024-12",
    Primary,
    "https://www.ercot.com/mp/data-products/data-product-details?id=NP4-180-ER",
);
const PPA_SOURCE: Src = src_at(
    "$25/MWh: Riot's Rockdale contract (345 MW, fixed prices undisclosed) put its power at 1.6–3.0 ¢/kWh in 2023–24, and it sold unused power back for $46.7 M in 9M 2025 (10-Q; price an estimate)",
    "2025-10",
    Estimate,
    "https://www.sec.gov/Archives/edgar/data/1167419/000110465925104466/R16.htm",
);
const TRANSMISSION_SOURCE: Src = src_at(
    "$5.5/kW-month: ERCOT's 4CP transmission charges run $50–150/kW-year by utility (PUCT §25.192 sets them on the four summer peaks); an estimate within that range",
    "2025-06",
    Estimate,
    "https://nfmconsulting.com/knowledge/ercot-4cp-reduce-costs",
);
const TRANSMISSION_AVOIDED_SOURCE: Src = src_at(
    "90 %: Riot cut its load by more than 95 % at the August 2023 peaks; one peak missed at full load keeps a quarter of the charge (an estimate)",
    "2023-09",
    Estimate,
    "https://newfoundtimes.com/texas-bitcoin-miner-earns-millions-by-saving-energy/",
);
const DEMAND_RESPONSE_SOURCE: Src = src_at(
    "$2,500/MW-month for 25 % of the load: ERS pays ~$5,000/MW-month and ECRS averaged $9.62/MW-h in 2024; Riot's demand-response credits were $0.2–0.7 M a month on ~1 GW in mid-2024, ~$200–700/MW of fleet (an estimate)",
    "2024-09",
    Estimate,
    "https://btc-newswire.com/riot-platforms-says-texas-energy-strategy-reduced-production-costs-by-31m",
);
const FIRM_PREMIUM_SOURCE: Src = src_at(
    "$35/MWh: Jefferies put Microsoft's firm 24/7 nuclear supply (Three Mile Island) at $110–115/MWh against a market in the low $100s and $80 for Meta–Clinton (PJM; an estimate for ERCOT)",
    "2024-09",
    Estimate,
    "https://www.business-standard.com/world-news/microsoft-to-pay-constellation-premium-in-three-mile-island-power-agreement-124092400129_1.html",
);
const GENERATION_SOURCE: Src = src_at(
    "$35/MWh: a gas engine at ~8,400 Btu/kWh on $3/MMBtu gas ($25) plus ~$10 of variable upkeep (NREL REopt engine defaults; an estimate)",
    "2025-06",
    Estimate,
    "https://raw.githubusercontent.com/NatLabRockies/REopt.jl/master/data/chp/chp_defaults.json",
);
const UPTIME_SOURCE: Src = src_at(
    "99.982 %: Uptime Institute Tier III (1.6 h a year); Tier IV is 99.995 %. The US grid alone delivered ~2 h a year without major events, 11 h with them in 2024 (EIA)",
    "2025-12",
    Industry,
    "https://www.eia.gov/todayinenergy/detail.php?id=50316",
);

pub const SCENARIO_FIELDS: &[Field] = &[
    whole(
        "schemaVersion",
        G_FINANCE,
        "Schema version",
        "",
        1.0,
        crate::scenario::SCHEMA_VERSION as f64,
        1.0,
    )
    .source(src(
        "The document layout this build of minepivot writes",
        "2026-11",
        Derived,
    )),
    text("name", G_FINANCE, "Scenario name").access(Access::Text {
        get: |s| &s.name,
        set: |s, v| s.name = v,
    }),
    month("startMonth", G_FINANCE, "First month", "YYYY-MM")
        .source(src(
            "The first full month after today (a choice, not a figure)",
            "2026-11",
            Derived,
        ))
        .access(Access::Text {
            get: |s| &s.start_month,
            set: |s, v| s.start_month = v,
        }),
    whole("horizonYears", G_FINANCE, "Horizon", "years", 1.0, 30.0, 1.0)
        .source(src(
            "15 years: the default lease term (10–15-year AI leases), so the lease is counted in full",
            "2025-12",
            Estimate,
        ))
        .access(Access::Whole {
            get: |s| u64::from(s.horizon_years),
            set: |s, v| s.horizon_years = v as u32,
        }),
    num("site.gridCapacityMw", G_SITE, "Grid capacity", "MW", 0.1, 5_000.0, 1.0)
        .source(src(
            "Sample site: a typical single large US mining site (tens to hundreds of MW)",
            "2025-12",
            Estimate,
        ))
        .access(Access::Num {
            get: |s| s.site.grid_capacity_mw,
            set: |s, v| s.site.grid_capacity_mw = v,
        }),
    num(
        "site.powerPriceUsdPerMwh",
        G_SITE,
        "Power price",
        "USD/MWh",
        0.0,
        1_000.0,
        1.0,
    )
    .source(src(
        "Estimate: $45/MWh, a miner's all-in power price on an ERCOT-like site, near the ≈ $50/MWh all-in miner cost commonly quoted",
        "2025-12",
        Estimate,
    ))
    .access(Access::Num {
        get: |s| s.site.power_price_usd_per_mwh,
        set: |s, v| s.site.power_price_usd_per_mwh = v,
    }),
    num(
        "site.powerPriceEscalationPctPerYear",
        G_SITE,
        "Power price escalation",
        "% per year",
        -20.0,
        50.0,
        0.5,
    )
    .source(src("Roughly US inflation; an assumption to edit", "2026-05", Estimate))
    .access(Access::Num {
        get: |s| s.site.power_price_escalation_pct_per_year,
        set: |s, v| s.site.power_price_escalation_pct_per_year = v,
    }),
    num(
        "site.buildingAreaSqFt",
        G_SITE,
        "Building area",
        "ft²",
        0.0,
        100_000_000.0,
        1_000.0,
    )
    .source(src(
        "~1,000 ft² per MW of mining (industry rule of thumb) × 100 MW",
        "2025-12",
        Estimate,
    ))
    .access(Access::Num {
        get: |s| s.site.building_area_sq_ft,
        set: |s, v| s.site.building_area_sq_ft = v,
    }),
    num(
        "site.fibreDistanceKm",
        G_SITE,
        "Distance to fibre PoP",
        "km",
        0.0,
        1_000.0,
        1.0,
    )
    .source(src(
        "Assumed distance of a rural Texas site to a fibre PoP",
        "2026-05",
        Estimate,
    ))
    .access(Access::Num {
        get: |s| s.site.fibre_distance_km,
        set: |s, v| s.site.fibre_distance_km = v,
    }),
    num("bitcoin.btcPriceUsd", G_BITCOIN, "BTC price", "USD", 0.01, 1e9, 1_000.0)
        .source(src_at(
        "BTC ≈ $78k in mid-May 2026 (Glassnode Studio, BTC price in USD)",
        "2026-05",
        Industry,
        "https://studio.glassnode.com/charts/market.PriceUsdOhlc?a=BTC",
    ))
        .access(Access::Num {
            get: |s| s.bitcoin.btc_price_usd,
            set: |s, v| s.bitcoin.btc_price_usd = v,
        }),
    num(
        "bitcoin.btcPriceGrowthPctPerYear",
        G_BITCOIN,
        "BTC price growth",
        "% per year",
        -90.0,
        300.0,
        1.0,
    )
    .source(src(
        "An assumption, not a forecast: ATH >$126k Oct 2025, ~$78k May 2026",
        "2026-05",
        Estimate,
    ))
    .access(Access::Num {
        get: |s| s.bitcoin.btc_price_growth_pct_per_year,
        set: |s, v| s.bitcoin.btc_price_growth_pct_per_year = v,
    }),
    num(
        "bitcoin.networkHashrateEhs",
        G_BITCOIN,
        "Network hashrate",
        "EH/s",
        1.0,
        1e6,
        10.0,
    )
    .source(src_at(
        "~0.96 ZH/s in May 2026, from the difficulty (mempool.space, an open-source explorer: hashrate and difficulty chart)",
        "2026-05",
        OpenSource,
        "https://mempool.space/graphs/mining/hashrate-difficulty",
    ))
    .access(Access::Num {
        get: |s| s.bitcoin.network_hashrate_ehs,
        set: |s, v| s.bitcoin.network_hashrate_ehs = v,
    }),
    num(
        "bitcoin.networkHashrateGrowthPctPerYear",
        G_BITCOIN,
        "Hashrate growth",
        "% per year",
        -90.0,
        300.0,
        1.0,
    )
    .source(src(
        "+40–50 %/yr 2023–25, flat H1 2026; 25 %/yr suggested (docs/data-sources.md)",
        "2026-05",
        Derived,
    ))
    .access(Access::Num {
        get: |s| s.bitcoin.network_hashrate_growth_pct_per_year,
        set: |s, v| s.bitcoin.network_hashrate_growth_pct_per_year = v,
    }),
    num(
        "bitcoin.feesBtcPerBlock",
        G_BITCOIN,
        "Fees per block",
        "BTC",
        0.0,
        100.0,
        0.01,
    )
    .source(src_at(
        "~0.015–0.02 BTC per block in late 2025 (mempool.space block fees chart)",
        "2025-12",
        Primary,
        "https://mempool.space/graphs/mining/block-fees",
    ))
    .access(Access::Num {
        get: |s| s.bitcoin.fees_btc_per_block,
        set: |s, v| s.bitcoin.fees_btc_per_block = v,
    }),
    num(
        "bitcoin.feesGrowthPctPerYear",
        G_BITCOIN,
        "Fee growth",
        "% per year",
        -90.0,
        300.0,
        1.0,
    )
    .source(src(
        "Held flat: fee spikes are events, not a trend",
        "2025-12",
        Estimate,
    ))
    .access(Access::Num {
        get: |s| s.bitcoin.fees_growth_pct_per_year,
        set: |s, v| s.bitcoin.fees_growth_pct_per_year = v,
    }),
    whole(
        "bitcoin.anchorHeight",
        G_BITCOIN,
        "Anchor block height",
        "block",
        0.0,
        10_000_000.0,
        1.0,
    )
    .source(src_at(
        "Block 840,000: the fourth halving (mempool.space)",
        "2024-04",
        Primary,
        "https://mempool.space/block/840000",
    ))
    .access(Access::Whole {
        get: |s| s.bitcoin.anchor_height,
        set: |s, v| s.bitcoin.anchor_height = v,
    }),
    date("bitcoin.anchorDate", G_BITCOIN, "Anchor block date", "YYYY-MM-DD")
        .source(src_at(
        "Block 840,000 was mined on 20 Apr 2024 (mempool.space)",
        "2024-04",
        Primary,
        "https://mempool.space/block/840000",
    ))
        .access(Access::Text {
            get: |s| &s.bitcoin.anchor_date,
            set: |s, v| s.bitcoin.anchor_date = v,
        }),
    num(
        "bitcoin.blocksPerDay",
        G_BITCOIN,
        "Blocks per day",
        "blocks",
        1.0,
        1_440.0,
        1.0,
    )
    .source(src_at(
        "Protocol target: one block per 10 minutes, the difficulty retargeted every 2,016 blocks (Bitcoin Wiki, Difficulty)",
        "2009-01",
        Primary,
        "https://en.bitcoin.it/wiki/Difficulty",
    ))
    .access(Access::Num {
        get: |s| s.bitcoin.blocks_per_day,
        set: |s, v| s.bitcoin.blocks_per_day = v,
    }),
    choice("bitcoin.hashrateModel", G_BITCOIN, "Network hashrate model", HASHRATE_MODEL)
        .source(src_at(
            "Economic: the network answers to miners' revenue, as after the April 2024 halving (−10 %, past its old high ~3 months later; Galaxy)",
            "2024-07",
            Derived,
            "https://www.galaxy.com/insights/research/2024-mid-year-mining",
        ))
        .access(Access::Choice {
            get: |s| s.bitcoin.hashrate_model as usize,
            set: |s, i| {
                if let Some(&m) = HashrateModel::ALL.get(i) {
                    s.bitcoin.hashrate_model = m
                }
            },
        }),
    num(
        "bitcoin.marginalEfficiencyJPerTh",
        G_BITCOIN,
        "Marginal fleet efficiency",
        "J/TH",
        1.0,
        200.0,
        0.5,
    )
    .source(MARGINAL_FLEET)
    .access(Access::Num {
        get: |s| s.bitcoin.marginal_efficiency_j_per_th,
        set: |s, v| s.bitcoin.marginal_efficiency_j_per_th = v,
    }),
    num(
        "bitcoin.marginalEfficiencyGainPctPerYear",
        G_BITCOIN,
        "Marginal fleet efficiency gain",
        "% per year",
        0.0,
        50.0,
        1.0,
    )
    .source(EFFICIENCY_GAIN)
    .access(Access::Num {
        get: |s| s.bitcoin.marginal_efficiency_gain_pct_per_year,
        set: |s, v| s.bitcoin.marginal_efficiency_gain_pct_per_year = v,
    }),
    num(
        "bitcoin.marginalPowerUsdPerMwh",
        G_BITCOIN,
        "Marginal fleet power price",
        "USD/MWh",
        1.0,
        1_000.0,
        1.0,
    )
    .source(MARGINAL_FLEET)
    .access(Access::Num {
        get: |s| s.bitcoin.marginal_power_usd_per_mwh,
        set: |s, v| s.bitcoin.marginal_power_usd_per_mwh = v,
    }),
    num(
        "bitcoin.marginalPowerEscalationPctPerYear",
        G_BITCOIN,
        "Marginal fleet power escalation",
        "% per year",
        -50.0,
        100.0,
        0.5,
    )
    .source(src(
        "2 %/yr, as the site's power: miners buy in the same markets (an assumption)",
        "2026-11",
        Estimate,
    ))
    .access(Access::Num {
        get: |s| s.bitcoin.marginal_power_escalation_pct_per_year,
        set: |s, v| s.bitcoin.marginal_power_escalation_pct_per_year = v,
    }),
    num(
        "bitcoin.hashrateLagMonths",
        G_BITCOIN,
        "Hashrate response half-time",
        "months",
        0.5,
        60.0,
        0.5,
    )
    .source(HASHRATE_LAG)
    .access(Access::Num {
        get: |s| s.bitcoin.hashrate_lag_months,
        set: |s, v| s.bitcoin.hashrate_lag_months = v,
    }),
    num(
        "bitcoin.maxHashrateGrowthPctPerYear",
        G_BITCOIN,
        "Most hashrate growth",
        "% per year",
        0.0,
        500.0,
        5.0,
    )
    .source(MAX_GROWTH)
    .access(Access::Num {
        get: |s| s.bitcoin.max_hashrate_growth_pct_per_year,
        set: |s, v| s.bitcoin.max_hashrate_growth_pct_per_year = v,
    }),
    list(
        "bitcoin.btcPriceCurve",
        G_BITCOIN,
        "BTC price curve",
        "points",
        MAX_CURVE_POINTS,
    )
    .source(NO_CURVE)
    .access(Access::Curve {
        get: |s| &s.bitcoin.btc_price_curve,
        set: |s, v| s.bitcoin.btc_price_curve = v,
    }),
    month("bitcoin.btcPriceCurve[].month", G_BITCOIN, "Month", "YYYY-MM").access(POINT_MONTH),
    num("bitcoin.btcPriceCurve[].value", G_BITCOIN, "BTC price", "USD", 0.01, 1e9, 1_000.0).access(POINT_VALUE),
    list(
        "bitcoin.hashpriceCurve",
        G_BITCOIN,
        "Hashprice curve",
        "points",
        MAX_CURVE_POINTS,
    )
    .source(NO_CURVE)
    .access(Access::Curve {
        get: |s| &s.bitcoin.hashprice_curve,
        set: |s, v| s.bitcoin.hashprice_curve = v,
    }),
    month("bitcoin.hashpriceCurve[].month", G_BITCOIN, "Month", "YYYY-MM").access(POINT_MONTH),
    num(
        "bitcoin.hashpriceCurve[].value",
        G_BITCOIN,
        "Hashprice",
        "USD per PH/s-day",
        0.001,
        1e6,
        1.0,
    )
    .access(POINT_VALUE),
    list(
        "bitcoin.networkHashrateCurve",
        G_BITCOIN,
        "Network hashrate curve",
        "points",
        MAX_CURVE_POINTS,
    )
    .source(NO_CURVE)
    .access(Access::Curve {
        get: |s| &s.bitcoin.network_hashrate_curve,
        set: |s, v| s.bitcoin.network_hashrate_curve = v,
    }),
    month("bitcoin.networkHashrateCurve[].month", G_BITCOIN, "Month", "YYYY-MM").access(POINT_MONTH),
    num(
        "bitcoin.networkHashrateCurve[].value",
        G_BITCOIN,
        "Network hashrate",
        "EH/s",
        1.0,
        1e6,
        10.0,
    )
    .access(POINT_VALUE),
    list("mining.fleet", G_BITCOIN, "ASIC fleet", "lines", MAX_FLEET_LINES).access(Access::Lines {
        get: |s| &s.mining.fleet,
        set: |s, v| s.mining.fleet = v,
    }),
    text("mining.fleet[].model", G_BITCOIN, "Model").access(Access::LineText {
        get: |l| &l.model,
        set: |l, v| l.model = v,
    }),
    whole(
        "mining.fleet[].units",
        G_BITCOIN,
        "Units",
        "machines",
        0.0,
        10_000_000.0,
        100.0,
    )
    .access(Access::LineWhole {
        get: |l| u64::from(l.units),
        set: |l, v| l.units = v as u32,
    }),
    num(
        "mining.fleet[].hashrateThs",
        G_BITCOIN,
        "Hashrate",
        "TH/s",
        1.0,
        10_000.0,
        1.0,
    )
    .access(Access::LineNum {
        get: |l| l.hashrate_ths,
        set: |l, v| l.hashrate_ths = v,
    }),
    num(
        "mining.fleet[].efficiencyJPerTh",
        G_BITCOIN,
        "Efficiency",
        "J/TH",
        1.0,
        200.0,
        0.1,
    )
    .access(Access::LineNum {
        get: |l| l.efficiency_j_per_th,
        set: |l, v| l.efficiency_j_per_th = v,
    }),
    num(
        "mining.pue",
        G_BITCOIN,
        "Mining PUE (facility ÷ IT)",
        "",
        1.0,
        3.0,
        0.01,
    )
    .source(src(
        "Mining PUE 1.05–1.25 air; 1.05 with fans counted in the ASIC",
        "2025-12",
        Estimate,
    ))
    .access(Access::Num {
        get: |s| s.mining.pue,
        set: |s, v| s.mining.pue = v,
    }),
    num("mining.uptimePct", G_BITCOIN, "Uptime", "%", 0.0, 100.0, 0.5)
        .source(src("Assumed availability of a well-run site", "2025-12", Estimate))
        .access(Access::Num {
            get: |s| s.mining.uptime_pct,
            set: |s, v| s.mining.uptime_pct = v,
        }),
    num(
        "mining.poolFeePct",
        G_BITCOIN,
        "Pool fee",
        "% of revenue",
        0.0,
        100.0,
        0.1,
    )
    .source(src(
        "FPPS pool fees 0.7–4 %; 2 % default (pool fee pages)",
        "2025-12",
        Estimate,
    ))
    .access(Access::Num {
        get: |s| s.mining.pool_fee_pct,
        set: |s, v| s.mining.pool_fee_pct = v,
    }),
    num(
        "mining.curtailmentPct",
        G_BITCOIN,
        "Curtailment",
        "% of hours",
        0.0,
        100.0,
        0.5,
    )
    .source(src(
        "Estimate: ERCOT miners curtail a few % of their hours, mostly summer afternoons",
        "2023-08",
        Estimate,
    ))
    .access(Access::Num {
        get: |s| s.mining.curtailment_pct,
        set: |s, v| s.mining.curtailment_pct = v,
    }),
    num(
        "mining.curtailmentCreditUsdPerMwh",
        G_BITCOIN,
        "Curtailment credit",
        "USD/MWh",
        0.0,
        10_000.0,
        1.0,
    )
    .source(src(
        "No credit assumed; Riot earned $31.7 M of credits in Aug 2023",
        "2023-08",
        Estimate,
    ))
    .access(Access::Num {
        get: |s| s.mining.curtailment_credit_usd_per_mwh,
        set: |s, v| s.mining.curtailment_credit_usd_per_mwh = v,
    }),
    num(
        "mining.fixedOpexUsdPerMwYear",
        G_BITCOIN,
        "Fixed opex",
        "USD per MW-year",
        0.0,
        10_000_000.0,
        1_000.0,
    )
    .source(src(
        "Labour ≈ $30k + maintenance ≈ $20k + insurance ≈ $10k per MW-year",
        "2025-12",
        Estimate,
    ))
    .access(Access::Num {
        get: |s| s.mining.fixed_opex_usd_per_mw_year,
        set: |s, v| s.mining.fixed_opex_usd_per_mw_year = v,
    }),
    flag(
        "mining.shutdownWhenUnprofitable",
        G_BITCOIN,
        "Switch the fleet off in months it is under water",
        "",
    )
    .source(src(
        "A rational miner stops when revenue < power cost",
        "2026-05",
        Derived,
    ))
    .access(Access::Flag {
        get: |s| s.mining.shutdown_when_unprofitable,
        set: |s, v| s.mining.shutdown_when_unprofitable = v,
    }),
    flag(
        "mining.refresh.enabled",
        G_BITCOIN,
        "Replace the fleet with newer machines",
        "",
    )
    .source(src("Off: a refresh is a separate decision", "2026-05", Estimate))
    .access(Access::Flag {
        get: |s| s.mining.refresh.enabled,
        set: |s, v| s.mining.refresh.enabled = v,
    }),
    whole(
        "mining.refresh.afterYears",
        G_BITCOIN,
        "Refresh after",
        "years",
        0.0,
        30.0,
        1.0,
    )
    .source(src("ASIC depreciation 3–4 years", "2025-12", Estimate))
    .access(Access::Whole {
        get: |s| u64::from(s.mining.refresh.after_years),
        set: |s, v| s.mining.refresh.after_years = v as u32,
    }),
    num(
        "mining.refresh.capexUsdPerTh",
        G_BITCOIN,
        "Refresh capex",
        "USD per TH/s",
        0.0,
        1_000.0,
        0.5,
    )
    .source(src_at(
        "Estimate: S21 XP ≈ $16–18/TH by May 2026, below the $25.70/TH Hashrate Index reported on 3 Nov 2025 as hashprice fell",
        "2026-05",
        Estimate,
        "https://hashrateindex.com/blog/hashrate-index-roundup-november-3-2025",
    ))
    .access(Access::Num {
        get: |s| s.mining.refresh.capex_usd_per_th,
        set: |s, v| s.mining.refresh.capex_usd_per_th = v,
    }),
    num(
        "mining.refresh.efficiencyJPerTh",
        G_BITCOIN,
        "New efficiency",
        "J/TH",
        1.0,
        200.0,
        0.1,
    )
    .source(src_at(
        "Antminer S21 XP 13.5 J/TH (Bitmain specifications)",
        "2024-03",
        Primary,
        "https://support.bitmain.com/hc/en-us/articles/35383015643673-S21-XP-Specifications",
    ))
    .access(Access::Num {
        get: |s| s.mining.refresh.efficiency_j_per_th,
        set: |s, v| s.mining.refresh.efficiency_j_per_th = v,
    }),
    choice("mining.exit", G_BITCOIN, "Once the whole fleet has been off a while", MINING_EXIT)
        .source(src_at(
            "Close: Hut 8 ceased mining at Drumheller on energy costs (Mar 2024), moved its efficient miners, retired those above 38 J/TH and kept the lease as an option to re-energize",
            "2024-03",
            Press,
            "https://medicinehatnews.com/news/local-news/2024/03/07/power-prices-sink-hut-8s-drumheller-crypto-mining-site/",
        ))
        .access(Access::Choice {
            get: |s| s.mining.exit as usize,
            set: |s, i| {
                if let Some(&e) = MiningExit::ALL.get(i) {
                    s.mining.exit = e
                }
            },
        }),
    whole(
        "mining.exitAfterMonthsOff",
        G_BITCOIN,
        "Exit after the fleet is off for",
        "months in a row",
        1.0,
        360.0,
        1.0,
    )
    .source(src(
        "Six months: two quarters of losses before a board closes a site (an assumption)",
        "2026-11",
        Estimate,
    ))
    .access(Access::Whole {
        get: |s| u64::from(s.mining.exit_after_months_off),
        set: |s, v| s.mining.exit_after_months_off = v as u32,
    }),
    num(
        "mining.mothballOpexPct",
        G_BITCOIN,
        "Mothballed fixed opex",
        "% of the running site's",
        0.0,
        100.0,
        5.0,
    )
    .source(src(
        "25 %: insurance, ground lease, property tax and security stay; staff and repairs go (Riot lists these non-power costs, 10-K 2024; an estimate)",
        "2026-11",
        Estimate,
    ))
    .access(Access::Num {
        get: |s| s.mining.mothball_opex_pct,
        set: |s, v| s.mining.mothball_opex_pct = v,
    }),
    flag(
        "mining.sellAsicsAtConversion",
        G_BITCOIN,
        "Sell the converted share's ASICs when construction starts",
        "",
    )
    .source(src(
        "Converting miners sell or redeploy the displaced fleet (Core Scientific, Hut 8, 2024–25)",
        "2025-12",
        Estimate,
    ))
    .access(Access::Flag {
        get: |s| s.mining.sell_asics_at_conversion,
        set: |s, v| s.mining.sell_asics_at_conversion = v,
    }),
    num(
        "mining.asicResale.under19UsdPerTh",
        G_BITCOIN,
        "Used ASIC price, under 19 J/TH",
        "USD per TH/s",
        0.0,
        1_000.0,
        0.5,
    )
    .source(ASIC_INDEX)
    .access(Access::Num {
        get: |s| s.mining.asic_resale.under19_usd_per_th,
        set: |s, v| s.mining.asic_resale.under19_usd_per_th = v,
    }),
    num(
        "mining.asicResale.from19To25UsdPerTh",
        G_BITCOIN,
        "Used ASIC price, 19–25 J/TH",
        "USD per TH/s",
        0.0,
        1_000.0,
        0.5,
    )
    .source(ASIC_INDEX)
    .access(Access::Num {
        get: |s| s.mining.asic_resale.from19_to25_usd_per_th,
        set: |s, v| s.mining.asic_resale.from19_to25_usd_per_th = v,
    }),
    num(
        "mining.asicResale.from25To38UsdPerTh",
        G_BITCOIN,
        "Used ASIC price, 25–38 J/TH",
        "USD per TH/s",
        0.0,
        1_000.0,
        0.5,
    )
    .source(ASIC_INDEX)
    .access(Access::Num {
        get: |s| s.mining.asic_resale.from25_to38_usd_per_th,
        set: |s, v| s.mining.asic_resale.from25_to38_usd_per_th = v,
    }),
    num(
        "mining.asicResale.over38UsdPerTh",
        G_BITCOIN,
        "Used ASIC price, 38 J/TH and above",
        "USD per TH/s",
        0.0,
        1_000.0,
        0.1,
    )
    .source(ASIC_INDEX)
    .access(Access::Num {
        get: |s| s.mining.asic_resale.over38_usd_per_th,
        set: |s, v| s.mining.asic_resale.over38_usd_per_th = v,
    }),
    num(
        "mining.asicResale.referenceHashpriceUsdPerPhDay",
        G_BITCOIN,
        "Hashprice when the prices were read",
        "USD per PH/s-day",
        0.01,
        1e6,
        1.0,
    )
    .source(ASIC_INDEX)
    .access(Access::Num {
        get: |s| s.mining.asic_resale.reference_hashprice_usd_per_ph_day,
        set: |s, v| s.mining.asic_resale.reference_hashprice_usd_per_ph_day = v,
    }),
    num(
        "mining.asicResale.ageDeclinePctPerYear",
        G_BITCOIN,
        "Used ASIC price decline with age",
        "% per year",
        0.0,
        100.0,
        1.0,
    )
    .source(src(
        "25 %/yr on top of the hashprice: Marathon depreciates rigs over 5 years, Riot over 2 (10-K, 10-Q); market prices fell 50–65 %/yr with the hashprice (an estimate)",
        "2024-07",
        Estimate,
    ))
    .access(Access::Num {
        get: |s| s.mining.asic_resale.age_decline_pct_per_year,
        set: |s, v| s.mining.asic_resale.age_decline_pct_per_year = v,
    }),
    num(
        "retrofit.convertedSharePct",
        G_RETROFIT,
        "Share of the site converted",
        "% of grid MW",
        0.0,
        100.0,
        5.0,
    )
    .zero_or_at_least(0.1)
    .source(src("The whole site: the usual miner-to-AI deal", "2025-12", Estimate))
    .access(Access::Num {
        get: |s| s.retrofit.converted_share_pct,
        set: |s, v| s.retrofit.converted_share_pct = v,
    }),
    num("retrofit.pue", G_RETROFIT, "AI PUE (facility ÷ IT)", "", 1.0, 3.0, 0.01)
        .source(src(
        "Estimate: AI halls are designed for PUE 1.18–1.3 (Applied Digital's and Bitfarms' stated designs); a retrofit at the top of that range",
        "2025-12",
        Estimate,
    ))
        .access(Access::Num {
            get: |s| s.retrofit.pue,
            set: |s, v| s.retrofit.pue = v,
        }),
    num(
        "retrofit.rackDensityKw",
        G_RETROFIT,
        "Rack density",
        "kW per rack",
        1.0,
        300.0,
        5.0,
    )
    .source(src_at(
        "GB200 NVL72 ≈ 120–132 kW per rack (Introl, GB200 NVL72 deployment guide)",
        "2025-12",
        Press,
        "https://introl.com/blog/gb200-nvl72-deployment-72-gpu-liquid-cooled",
    ))
    .access(Access::Num {
        get: |s| s.retrofit.rack_density_kw,
        set: |s, v| s.retrofit.rack_density_kw = v,
    }),
    choice("retrofit.cooling", G_RETROFIT, "Cooling", COOLING)
        .source(src(
            "Direct-to-chip liquid: what 100+ kW racks need",
            "2025-12",
            Estimate,
        ))
        .access(Access::Choice {
            get: |s| s.retrofit.cooling as usize,
            set: |s, i| {
                if let Some(&c) = Cooling::ALL.get(i) {
                    s.retrofit.cooling = c
                }
            },
        }),
    choice("retrofit.redundancy", G_RETROFIT, "Electrical redundancy", REDUNDANCY)
        .source(src("AI tenants expect Tier III-like N+1", "2025-12", Estimate))
        .access(Access::Choice {
            get: |s| s.retrofit.redundancy as usize,
            set: |s, i| {
                if let Some(&c) = Redundancy::ALL.get(i) {
                    s.retrofit.redundancy = c
                }
            },
        }),
    list("retrofit.phases", G_RETROFIT, "Phases", "phases", MAX_PHASES)
        .source(src(
        "Estimate: one phase, the whole conversion at once; Cipher, Hut 8 and Galaxy announce their campuses in 2–4 phases over 1–2 years",
        "2025-12",
        Estimate,
    ))
        .access(Access::Phases {
            get: |s| &s.retrofit.phases,
            set: |s, v| s.retrofit.phases = v,
        }),
    num(
        "retrofit.phases[].sharePct",
        G_RETROFIT,
        "Share",
        "% of the conversion",
        0.1,
        100.0,
        5.0,
    )
    .source(src("100 %: one phase", "2026-11", Estimate))
    .access(Access::PhaseNum {
        get: |p| p.share_pct,
        set: |p, v| p.share_pct = v,
    }),
    whole(
        "retrofit.phases[].constructionStartMonth",
        G_RETROFIT,
        "Construction starts",
        "month from the start",
        0.0,
        359.0,
        1.0,
    )
    .source(src("Construction starts in month 0", "2026-11", Estimate))
    .access(Access::PhaseWhole {
        get: |p| u64::from(p.construction_start_month),
        set: |p, v| p.construction_start_month = v as u32,
    }),
    whole(
        "retrofit.phases[].buildMonths",
        G_RETROFIT,
        "Build time",
        "months",
        1.0,
        60.0,
        1.0,
    )
    .source(src(
        "Signing to first energised MW: ~8–18 months on a mining site",
        "2025-12",
        Derived,
    ))
    .access(Access::PhaseWhole {
        get: |p| u64::from(p.build_months),
        set: |p, v| p.build_months = v as u32,
    }),
    whole(
        "retrofit.phases[].rampMonths",
        G_RETROFIT,
        "Ramp to full revenue",
        "months",
        0.0,
        60.0,
        1.0,
    )
    .source(src("Assumed tenant move-in over half a year", "2025-12", Estimate))
    .access(Access::PhaseWhole {
        get: |p| u64::from(p.ramp_months),
        set: |p, v| p.ramp_months = v as u32,
    }),
    num(
        "retrofit.softCostPct",
        G_RETROFIT,
        "Soft costs",
        "% of hard costs",
        0.0,
        100.0,
        0.5,
    )
    .source(src(
        "Design, permits, engineering: an industry rule of thumb",
        "2025-12",
        Estimate,
    ))
    .access(Access::Num {
        get: |s| s.retrofit.soft_cost_pct,
        set: |s, v| s.retrofit.soft_cost_pct = v,
    }),
    num(
        "retrofit.contingencyPct",
        G_RETROFIT,
        "Contingency",
        "%",
        0.0,
        100.0,
        0.5,
    )
    .source(src(
        "Construction contingency: an industry rule of thumb",
        "2025-12",
        Estimate,
    ))
    .access(Access::Num {
        get: |s| s.retrofit.contingency_pct,
        set: |s, v| s.retrofit.contingency_pct = v,
    }),
    list(
        "retrofit.costOverrides",
        G_RETROFIT,
        "Unit-cost overrides",
        "overrides",
        MAX_COST_OVERRIDES,
    )
    .access(Access::Costs {
        get: |s| &s.retrofit.cost_overrides,
        set: |s, v| s.retrofit.cost_overrides = v,
    }),
    text("retrofit.costOverrides[].item", G_RETROFIT, "Cost-library item").access(Access::CostText {
        get: |l| &l.item,
        set: |l, v| l.item = v,
    }),
    num(
        "retrofit.costOverrides[].unitCostUsd",
        G_RETROFIT,
        "Unit cost",
        "USD per unit",
        0.0,
        1e9,
        1.0,
    )
    .access(Access::CostNum {
        get: |l| l.unit_cost_usd,
        set: |l, v| l.unit_cost_usd = v,
    }),
    num(
        "colocation.leaseUsdPerKwMonth",
        G_COLOCATION,
        "Lease rate",
        "USD per kW-month",
        0.0,
        10_000.0,
        5.0,
    )
    .source(src_at(
        "First-year rent of the miners' 10–15-year AI leases, their contract values net of a 3 %/yr escalator: $123–134/kW-month (Hut 8 Beacon Point $125 and River Bend $128 triple-net; Cipher $130, TeraWulf $134 modified gross)",
        "2026-05",
        Derived,
        "https://letsdatascience.com/news/hut-8-signs-98b-lease-for-beacon-point-campus-7dc4cc0d",
    ))
    .access(Access::Num {
        get: |s| s.colocation.lease_usd_per_kw_month,
        set: |s, v| s.colocation.lease_usd_per_kw_month = v,
    }),
    num(
        "colocation.escalatorPctPerYear",
        G_COLOCATION,
        "Escalator",
        "% per year",
        -20.0,
        50.0,
        0.5,
    )
    .source(src("Typical wholesale data-center escalator", "2025-12", Estimate))
    .access(Access::Num {
        get: |s| s.colocation.escalator_pct_per_year,
        set: |s, v| s.colocation.escalator_pct_per_year = v,
    }),
    num(
        "colocation.occupancyPct",
        G_COLOCATION,
        "Occupancy",
        "%",
        0.0,
        100.0,
        1.0,
    )
    .source(src(
        "A single build-to-suit tenant leases the whole hall",
        "2025-12",
        Estimate,
    ))
    .access(Access::Num {
        get: |s| s.colocation.occupancy_pct,
        set: |s, v| s.colocation.occupancy_pct = v,
    }),
    choice("colocation.leaseType", G_COLOCATION, "Lease type", LEASE_TYPE)
        .source(src_at(
            "Modified gross: TeraWulf and Cipher's Fluidstack leases (Aug–Sep 2025); Hut 8's River Bend lease is NNN",
            "2025-12",
            Press,
            "https://blockspace.media/insight/terawulf-signs-10-year-200-mw-hosting-deals-google-takes-8-stake",
        ))
        .access(Access::Choice {
            get: |s| s.colocation.lease_type as usize,
            set: |s, i| {
                if let Some(&c) = LeaseType::ALL.get(i) {
                    s.colocation.lease_type = c
                }
            },
        }),
    num(
        "colocation.landlordOpexUsdPerMwItYear",
        G_COLOCATION,
        "Landlord opex",
        "USD per MW-IT-year",
        0.0,
        100_000_000.0,
        10_000.0,
    )
    .source(src(
        "Site NOI margins of 80–90 % quoted: ≈ 15 % of $1.68 M/MW-yr",
        "2025-12",
        Derived,
    ))
    .access(Access::Num {
        get: |s| s.colocation.landlord_opex_usd_per_mw_it_year,
        set: |s, v| s.colocation.landlord_opex_usd_per_mw_it_year = v,
    }),
    whole(
        "colocation.leaseTermYears",
        G_COLOCATION,
        "Lease term",
        "years",
        1.0,
        50.0,
        1.0,
    )
    .source(src_at(
        "15 years: Applied Digital's Polaris Forge 1 leases to CoreWeave run about 15 years (Oct 2025 press release)",
        "2025-12",
        Primary,
        "https://www.globenewswire.com/news-release/2025/10/27/3174518/0/en/Applied-Digital-Achieves-Ready-for-Service-for-Phase-1-at-Polaris-Forge-1-Building-1-for-CoreWeave.html",
    ))
    .access(Access::Whole {
        get: |s| u64::from(s.colocation.lease_term_years),
        set: |s, v| s.colocation.lease_term_years = v as u32,
    }),
    num(
        "colocation.tenantFitOutPct",
        G_COLOCATION,
        "Fit-out paid by the tenant",
        "% of the fit-out lines",
        0.0,
        100.0,
        5.0,
    )
    .source(src(
        "Estimate: 0, no tenant-funded fit-out disclosed in the 2024–2025 miner leases (build costs of $8–11 M/MW quoted as the landlord's)",
        "2025-12",
        Estimate,
    ))
    .access(Access::Num {
        get: |s| s.colocation.tenant_fit_out_pct,
        set: |s, v| s.colocation.tenant_fit_out_pct = v,
    }),
    whole(
        "colocation.rentFreeMonths",
        G_COLOCATION,
        "Rent-free months",
        "months from commissioning",
        0.0,
        120.0,
        1.0,
    )
    .source(src_at(
        "0: rent from operation; Cipher's AWS lease began paying about a month after its first phase (Jul → Aug 2026)",
        "2025-11",
        Press,
        "https://parameter.io/cipher-mining-cifr-stock-amazon-web-services-partnership-delivers-5-5-billion-ai-deal",
    ))
    .access(Access::Whole {
        get: |s| u64::from(s.colocation.rent_free_months),
        set: |s, v| s.colocation.rent_free_months = v as u32,
    }),
    num(
        "colocation.prepaymentMonths",
        G_COLOCATION,
        "Prepaid rent at signing",
        "months of rent",
        0.0,
        120.0,
        1.0,
    )
    .source(src(
        "Estimate: 0, no prepayment disclosed in the 2024–2025 miner colocation leases (IREN's 20 % prepayment is a GPU-cloud contract)",
        "2025-12",
        Estimate,
    ))
    .access(Access::Num {
        get: |s| s.colocation.prepayment_months,
        set: |s, v| s.colocation.prepayment_months = v,
    }),
    choice(
        "colocation.prepaymentCredit",
        G_COLOCATION,
        "Prepayment credited",
        PREPAYMENT_CREDIT,
    )
    .source(src("Against the first rent due (an assumption)", "2026-11", Estimate))
    .access(Access::Choice {
        get: |s| s.colocation.prepayment_credit as usize,
        set: |s, i| {
            if let Some(&c) = PrepaymentCredit::ALL.get(i) {
                s.colocation.prepayment_credit = c
            }
        },
    }),
    choice("colocation.afterTerm", G_COLOCATION, "After the term", AFTER_TERM)
        .source(src("Renewal options are standard in these leases", "2025-12", Estimate))
        .access(Access::Choice {
            get: |s| s.colocation.after_term as usize,
            set: |s, i| {
                if let Some(&c) = LeaseEnd::ALL.get(i) {
                    s.colocation.after_term = c
                }
            },
        }),
    num(
        "colocation.exitCapRatePct",
        G_COLOCATION,
        "Exit cap rate",
        "%",
        1.0,
        30.0,
        0.25,
    )
    .source(src_at(
        "6 %: stabilised hyperscale 5.5–6.5 %, colocation 6–7 %, powered shell 7–8 % (JLL Q1 2026, as cited)",
        "2026-03",
        Estimate,
        "https://apers.app/learn/asset-classes/industrial/data-centers-power-pricing-pue-hyperscaler",
    ))
    .access(Access::Num {
        get: |s| s.colocation.exit_cap_rate_pct,
        set: |s, v| s.colocation.exit_cap_rate_pct = v,
    }),
    num(
        "colocation.sellingCostPct",
        G_COLOCATION,
        "Selling costs at exit",
        "% of the value",
        0.0,
        20.0,
        0.5,
    )
    .source(src_at(
        "2 %: commercial-property brokerage 4–6 %, about 4 % for very large assets; lower for a multi-hundred-MW sale (an assumption)",
        "2025-12",
        Estimate,
        "https://www.segalcommercial.com/blog/commercial-real-estate-commissions-are-negotiable/",
    ))
    .access(Access::Num {
        get: |s| s.colocation.selling_cost_pct,
        set: |s, v| s.colocation.selling_cost_pct = v,
    }),
    COLOCATION_DEBT[0],
    COLOCATION_DEBT[1],
    COLOCATION_DEBT[2],
    COLOCATION_DEBT[3],
    COLOCATION_DEBT[4],
    COLOCATION_DEBT[5],
    COLOCATION_DEBT[6],
    choice("gpuCloud.system", G_GPU, "GPU system", GPU_SYSTEM)
        .source(src_at(
            "GB300 NVL72: IREN's 76,000 GPUs for Microsoft (Nov 2025)",
            "2025-11",
            Press,
            "https://dcpulse.com/news/microsoft-iren-gb300-gpu-cloud-deal",
        ))
        .access(Access::Choice {
            get: |s| s.gpu_cloud.system as usize,
            set: |s, i| {
                if let Some(&c) = GpuSystem::ALL.get(i) {
                    s.gpu_cloud.system = c
                }
            },
        }),
    num(
        "gpuCloud.itKwPerGpu",
        G_GPU,
        "IT power per GPU (0: the system's)",
        "kW, all-in",
        0.0,
        50.0,
        0.05,
    )
    .zero_or_at_least(0.1)
    .source(src_at(
        "0: the system's all-in figure; GB300 2.63 kW = IREN's 200 MW of IT ÷ 76,000 GPUs",
        "2025-11",
        Derived,
        "https://dcpulse.com/news/microsoft-iren-gb300-gpu-cloud-deal",
    ))
    .access(Access::Num {
        get: |s| s.gpu_cloud.it_kw_per_gpu,
        set: |s, v| s.gpu_cloud.it_kw_per_gpu = v,
    }),
    num(
        "gpuCloud.capexUsdPerGpu",
        G_GPU,
        "Capex per GPU (0: the system's)",
        "USD, all-in",
        0.0,
        10_000_000.0,
        500.0,
    )
    .zero_or_at_least(1_000.0)
    .source(src_at(
        "0: the system's all-in price; GB300 $76.3k = Dell's ≈ $5.8 B for IREN's 76,000 GPUs and ancillary equipment",
        "2025-11",
        Derived,
        "https://dcpulse.com/news/microsoft-iren-gb300-gpu-cloud-deal",
    ))
    .access(Access::Num {
        get: |s| s.gpu_cloud.capex_usd_per_gpu,
        set: |s, v| s.gpu_cloud.capex_usd_per_gpu = v,
    }),
    num(
        "gpuCloud.contractSharePct",
        G_GPU,
        "GPUs under contract",
        "% of the GPUs",
        0.0,
        100.0,
        5.0,
    )
    .source(src_at(
        "100 %: IREN's 200 MW Microsoft contract covers the whole deployment; CoreWeave's 2024 revenue was 96 % contracted",
        "2025-11",
        Press,
        "https://dcpulse.com/news/microsoft-iren-gb300-gpu-cloud-deal",
    ))
    .access(Access::Num {
        get: |s| s.gpu_cloud.contract_share_pct,
        set: |s, v| s.gpu_cloud.contract_share_pct = v,
    }),
    num(
        "gpuCloud.contractRateUsdPerGpuHour",
        G_GPU,
        "Contract rate",
        "USD per GPU-hour",
        0.0,
        1_000.0,
        0.05,
    )
    .source(src_at(
        "$2.91: IREN–Microsoft ≈ $9.7 B ÷ (76,000 GPUs × 5 years × 8,766 h)",
        "2025-11",
        Derived,
        "https://dcpulse.com/news/microsoft-iren-gb300-gpu-cloud-deal",
    ))
    .access(Access::Num {
        get: |s| s.gpu_cloud.contract_rate_usd_per_gpu_hour,
        set: |s, v| s.gpu_cloud.contract_rate_usd_per_gpu_hour = v,
    }),
    whole(
        "gpuCloud.contractTermMonths",
        G_GPU,
        "Contract term",
        "months from commissioning",
        0.0,
        360.0,
        12.0,
    )
    .source(src_at("60: IREN–Microsoft's five years", "2025-11", Press, "https://dcpulse.com/news/microsoft-iren-gb300-gpu-cloud-deal"))
    .access(Access::Whole {
        get: |s| u64::from(s.gpu_cloud.contract_term_months),
        set: |s, v| s.gpu_cloud.contract_term_months = v as u32,
    }),
    num(
        "gpuCloud.contractPrepaymentPct",
        G_GPU,
        "Prepaid at signing",
        "% of the contract value",
        0.0,
        100.0,
        5.0,
    )
    .source(src_at("20 %: IREN–Microsoft's prepayment", "2025-11", Press, "https://dcpulse.com/news/microsoft-iren-gb300-gpu-cloud-deal"))
    .access(Access::Num {
        get: |s| s.gpu_cloud.contract_prepayment_pct,
        set: |s, v| s.gpu_cloud.contract_prepayment_pct = v,
    }),
    flag(
        "gpuCloud.recontractAtMarket",
        G_GPU,
        "Re-contract at the market rate at the term's end",
        "",
    )
    .source(src(
        "Off: after the term the GPUs' hours are sold at the market (an assumption)",
        "2026-11",
        Estimate,
    ))
    .access(Access::Flag {
        get: |s| s.gpu_cloud.recontract_at_market,
        set: |s, v| s.gpu_cloud.recontract_at_market = v,
    }),
    num(
        "colocation.reletRentPct",
        G_COLOCATION,
        "Re-let rent",
        "% of the last rent",
        0.0,
        300.0,
        5.0,
    )
    .source(src_at(
        "100 %: data-centre renewals re-priced +7.3 % in cash (Digital Realty, 2Q25); an older hall assumed to re-let at its last rent",
        "2025-07",
        Estimate,
        "https://thetechbriefs.com/digital-realty-reports-second-quarter-2025-results",
    ))
    .access(Access::Num {
        get: |s| s.colocation.relet_rent_pct,
        set: |s, v| s.colocation.relet_rent_pct = v,
    }),
    whole(
        "colocation.reletVacancyMonths",
        G_COLOCATION,
        "Vacancy before re-letting",
        "months",
        0.0,
        120.0,
        1.0,
    )
    .source(src(
        "12 months to find a tenant and refit the halls (an assumption)",
        "2026-11",
        Estimate,
    ))
    .access(Access::Whole {
        get: |s| u64::from(s.colocation.relet_vacancy_months),
        set: |s, v| s.colocation.relet_vacancy_months = v as u32,
    }),
    num(
        "gpuCloud.rentUsdPerGpuHour",
        G_GPU,
        "Market rent",
        "USD per GPU-hour",
        0.0,
        1_000.0,
        0.05,
    )
    .source(src_at(
        "$2.91: the rate IREN's GB300 capacity cleared at in a 5-year contract (Nov 2025); 1-year H100 contracts $2.35 (Mar 2026)",
        "2025-11",
        Derived,
        "https://dcpulse.com/news/microsoft-iren-gb300-gpu-cloud-deal",
    ))
    .access(Access::Num {
        get: |s| s.gpu_cloud.rent_usd_per_gpu_hour,
        set: |s, v| s.gpu_cloud.rent_usd_per_gpu_hour = v,
    }),
    num(
        "gpuCloud.rentDeclinePctPerYear",
        G_GPU,
        "Rent decline",
        "% per year",
        -50.0,
        99.0,
        1.0,
    )
    .source(src_at(
        "16 %/yr: the H100 1-year-contract index from late 2024 to early 2026 (RBC: H100 −22 %, H200 −29 % in 2025; +40 % by Mar 2026)",
        "2026-03",
        Derived,
        "https://newsletter.semianalysis.com/p/the-great-gpu-shortage-rental-capacity",
    ))
    .access(Access::Num {
        get: |s| s.gpu_cloud.rent_decline_pct_per_year,
        set: |s, v| s.gpu_cloud.rent_decline_pct_per_year = v,
    }),
    num(
        "gpuCloud.utilizationPct",
        G_GPU,
        "Utilisation",
        "% of GPU-hours sold",
        0.0,
        100.0,
        1.0,
    )
    .source(src_at(
        "85 %: neoclouds with backlogs run 85–95 %, 75–90 % seen in due diligence (the market share; contracts bill 100 %)",
        "2026-05",
        Estimate,
        "https://www.disintermediate.global/glossary/utilisation",
    ))
    .access(Access::Num {
        get: |s| s.gpu_cloud.utilization_pct,
        set: |s, v| s.gpu_cloud.utilization_pct = v,
    }),
    num(
        "gpuCloud.loadPct",
        G_GPU,
        "Average power load",
        "% of IT power",
        0.0,
        100.0,
        1.0,
    )
    .source(src(
        "Average draw of a busy training/inference cluster vs nameplate",
        "2026-05",
        Estimate,
    ))
    .access(Access::Num {
        get: |s| s.gpu_cloud.load_pct,
        set: |s, v| s.gpu_cloud.load_pct = v,
    }),
    whole(
        "gpuCloud.usefulLifeYears",
        G_GPU,
        "Useful life",
        "years",
        1.0,
        15.0,
        1.0,
    )
    .source(src_at(
        "Useful life 5 years, between CoreWeave's 6 and Nebius's 4 (Bizety, GPU depreciation, Sep 2025)",
        "2025-12",
        Press,
        "https://bizety.com/2025/09/23/gpu-depreciation-coreweave-vs-nebius",
    ))
    .access(Access::Whole {
        get: |s| u64::from(s.gpu_cloud.useful_life_years),
        set: |s, v| s.gpu_cloud.useful_life_years = v as u32,
    }),
    choice("gpuCloud.endOfLife", G_GPU, "At end of life", GPU_END)
        .source(src("Refresh: a GPU cloud stays in business", "2026-05", Estimate))
        .access(Access::Choice {
            get: |s| s.gpu_cloud.end_of_life as usize,
            set: |s, i| {
                if let Some(&c) = GpuEnd::ALL.get(i) {
                    s.gpu_cloud.end_of_life = c
                }
            },
        }),
    choice("gpuCloud.refreshSystem", G_GPU, "System bought at each refresh", GPU_SYSTEM)
        .source(src(
            "GB300 again at today's price and rent: no public price for the next generation (Vera Rubin) yet (an estimate)",
            "2026-11",
            Estimate,
        ))
        .access(Access::Choice {
            get: |s| s.gpu_cloud.refresh_system as usize,
            set: |s, i| {
                if let Some(&c) = GpuSystem::ALL.get(i) {
                    s.gpu_cloud.refresh_system = c
                }
            },
        }),
    num(
        "gpuCloud.refreshCapexUsdPerGpu",
        G_GPU,
        "Capex per GPU at each refresh (0: the refresh system's)",
        "USD, all-in",
        0.0,
        10_000_000.0,
        500.0,
    )
    .zero_or_at_least(1_000.0)
    .source(src(
        "0: the refresh system's all-in price today; no public price for the next generation yet (an estimate)",
        "2026-11",
        Estimate,
    ))
    .access(Access::Num {
        get: |s| s.gpu_cloud.refresh_capex_usd_per_gpu,
        set: |s, v| s.gpu_cloud.refresh_capex_usd_per_gpu = v,
    }),
    num(
        "gpuCloud.refreshRentUsdPerGpuHour",
        G_GPU,
        "Market rent of a refreshed generation (0: the refresh system's)",
        "USD per GPU-hour",
        0.0,
        1_000.0,
        0.05,
    )
    .zero_or_at_least(0.01)
    .source(src(
        "0: the refresh system's reference rent today (the scenario's market rent for the same system; an estimate)",
        "2026-11",
        Estimate,
    ))
    .access(Access::Num {
        get: |s| s.gpu_cloud.refresh_rent_usd_per_gpu_hour,
        set: |s, v| s.gpu_cloud.refresh_rent_usd_per_gpu_hour = v,
    }),
    choice("gpuCloud.fabric", G_GPU, "Back-end fabric", FABRIC)
        .source(src(
            "InfiniBand: the default back-end for NVIDIA training clusters",
            "2025-12",
            Estimate,
        ))
        .access(Access::Choice {
            get: |s| s.gpu_cloud.fabric as usize,
            set: |s, i| {
                if let Some(&c) = Fabric::ALL.get(i) {
                    s.gpu_cloud.fabric = c
                }
            },
        }),
    num(
        "gpuCloud.opexUsdPerGpuYear",
        G_GPU,
        "Opex per GPU",
        "USD per GPU-year",
        0.0,
        10_000_000.0,
        100.0,
    )
    .source(src_at(
        "$1,500/GPU-yr with 5 % of revenue: IREN's ≈ 85 % project EBITDA margin incl. power, maintenance and labour at $2.91/GPU-h (derived)",
        "2025-11",
        Derived,
        "https://www.earningsiq.co/articles/iren_iren_q1_2025_microsoft_ai_cloud_deal_locks_in_19b",
    ))
    .access(Access::Num {
        get: |s| s.gpu_cloud.opex_usd_per_gpu_year,
        set: |s, v| s.gpu_cloud.opex_usd_per_gpu_year = v,
    }),
    num(
        "gpuCloud.opexPctOfRevenue",
        G_GPU,
        "Sales and platform costs",
        "% of revenue",
        0.0,
        100.0,
        0.5,
    )
    .source(src(
        "5 %: sales, billing, platform for a contracted wholesale customer, inside IREN's ≈ 15 % non-EBITDA share (derived estimate)",
        "2025-11",
        Estimate,
    ))
    .access(Access::Num {
        get: |s| s.gpu_cloud.opex_pct_of_revenue,
        set: |s, v| s.gpu_cloud.opex_pct_of_revenue = v,
    }),
    num(
        "gpuCloud.residualDeclinePctPerYear",
        G_GPU,
        "Resale value decline",
        "% per year",
        0.0,
        100.0,
        1.0,
    )
    .source(src_at(
        "35 %/yr: H100 SXM resale about 62 % after 1 year, 42 % after 2, 30 % after 3, 18 % after 4, 12 % after 5 (GLRI residual curve)",
        "2026-01",
        Estimate,
        "https://v2-pseo-ai.pages.dev/residual/h100-depreciation-calculator",
    ))
    .access(Access::Num {
        get: |s| s.gpu_cloud.residual_decline_pct_per_year,
        set: |s, v| s.gpu_cloud.residual_decline_pct_per_year = v,
    }),
    flag(
        "gpuCloud.resellAtEndOfLife",
        G_GPU,
        "Sell each generation when replaced or retired",
        "",
    )
    .source(src_at(
        "On: used H100s sell for $15–28k; broker sales fetch ≈ 0.85× of the resale index (2026)",
        "2026-05",
        Estimate,
        "https://www.computeforecast.com/long-reads/secondary-market-ai-hardware-gpu-economy-neocloud-economics/",
    ))
    .access(Access::Flag {
        get: |s| s.gpu_cloud.resell_at_end_of_life,
        set: |s, v| s.gpu_cloud.resell_at_end_of_life = v,
    }),
    GPU_CLOUD_DEBT[0],
    GPU_CLOUD_DEBT[1],
    GPU_CLOUD_DEBT[2],
    GPU_CLOUD_DEBT[3],
    GPU_CLOUD_DEBT[4],
    GPU_CLOUD_DEBT[5],
    GPU_CLOUD_DEBT[6],
    num(
        "finance.discountRatePct",
        G_FINANCE,
        "Discount rate",
        "% per year",
        0.0,
        100.0,
        0.5,
    )
    .source(src(
        "Estimate: 10 %, inside the 8–15 % that open-source project-finance models default to",
        "2025-12",
        Estimate,
    ))
    .access(Access::Num {
        get: |s| s.finance.discount_rate_pct,
        set: |s, v| s.finance.discount_rate_pct = v,
    }),
    flag("finance.taxEnabled", G_FINANCE, "Apply corporate income tax", "")
        .source(src("Off: pre-tax comparison by default", "2026-05", Estimate))
        .access(Access::Flag {
            get: |s| s.finance.tax_enabled,
            set: |s, v| s.finance.tax_enabled = v,
        }),
    num("finance.taxRatePct", G_FINANCE, "Tax rate", "%", 0.0, 100.0, 0.5)
        .source(src_at(
        "US federal corporate rate, 21 % (26 U.S.C. § 11(b))",
        "2018-01",
        Primary,
        "https://www.law.cornell.edu/uscode/text/26/11",
    ))
        .access(Access::Num {
            get: |s| s.finance.tax_rate_pct,
            set: |s, v| s.finance.tax_rate_pct = v,
        }),
    num(
        "finance.sensitivityPct",
        G_FINANCE,
        "Sensitivity move",
        "± %",
        0.1,
        90.0,
        5.0,
    )
    .source(src(
        "±20 % tornado: a common range for a first look",
        "2026-05",
        Estimate,
    ))
    .access(Access::Num {
        get: |s| s.finance.sensitivity_pct,
        set: |s, v| s.finance.sensitivity_pct = v,
    }),
    num(
        "finance.costOfEquityPct",
        G_FINANCE,
        "Cost of equity",
        "% per year",
        0.0,
        100.0,
        0.5,
    )
    .source(src(
        "15 %: above the 8–10 % yield of the sector's 2025 secured notes, for equity behind 80 % debt (an assumption)",
        "2025-12",
        Estimate,
    ))
    .access(Access::Num {
        get: |s| s.finance.cost_of_equity_pct,
        set: |s, v| s.finance.cost_of_equity_pct = v,
    }),
    num("finance.covenantDscr", G_FINANCE, "DSCR covenant", "×", 1.0, 5.0, 0.05)
        .source(src_at(
            "1.20×: a common project-finance minimum DSCR covenant; data-centre ABS cash traps at 1.25–1.35×, Galaxy Helios 1.40×",
            "2026-04",
            Estimate,
            "https://financeschool4u.com/topics/31-project-finance/loan-documentation",
        ))
        .access(Access::Num {
            get: |s| s.finance.covenant_dscr,
            set: |s, v| s.finance.covenant_dscr = v,
        }),
    choice("finance.verdictBasis", G_FINANCE, "Compare pathways on", BASIS)
        .source(src(
            "Unlevered: the project's value, whatever its financing",
            "2026-11",
            Estimate,
        ))
        .access(Access::Choice {
            get: |s| s.finance.verdict_basis as usize,
            set: |s, i| {
                if let Some(&c) = Basis::ALL.get(i) {
                    s.finance.verdict_basis = c
                }
            },
        }),
    flag(
        "finance.includeTerminalValue",
        G_FINANCE,
        "Count the value at the horizon",
        "",
    )
    .source(src(
        "Off: mining's fleet resale is not modelled yet, so a value at the horizon for the AI pathways alone would tilt the comparison",
        "2026-11",
        Estimate,
    ))
    .access(Access::Flag {
        get: |s| s.finance.include_terminal_value,
        set: |s, v| s.finance.include_terminal_value = v,
    }),
    flag("finance.ratesByPathway", G_FINANCE, "A discount rate per pathway", "")
        .source(src("Off: one rate for all three pathways", "2026-11", Estimate))
        .access(Access::Flag {
            get: |s| s.finance.rates_by_pathway,
            set: |s, v| s.finance.rates_by_pathway = v,
        }),
    num(
        "finance.miningRatePct",
        G_FINANCE,
        "Mining discount rate",
        "% per year",
        0.0,
        100.0,
        0.5,
    )
    .source(src(
        "15 %: merchant revenue tied to the BTC price (an assumption)",
        "2026-11",
        Estimate,
    ))
    .access(Access::Num {
        get: |s| s.finance.mining_rate_pct,
        set: |s, v| s.finance.mining_rate_pct = v,
    }),
    num(
        "finance.colocationRatePct",
        G_FINANCE,
        "Colocation discount rate",
        "% per year",
        0.0,
        100.0,
        0.5,
    )
    .source(src_at(
        "8 %: a long lease to an investment-grade or backstopped tenant, near the 7.1–8.0 % coupons of the sector's secured notes",
        "2025-12",
        Estimate,
        "https://secwatch.observer/filing/0000950103-25-014692.md",
    ))
    .access(Access::Num {
        get: |s| s.finance.colocation_rate_pct,
        set: |s, v| s.finance.colocation_rate_pct = v,
    }),
    num(
        "finance.gpuCloudRatePct",
        G_FINANCE,
        "GPU cloud discount rate",
        "% per year",
        0.0,
        100.0,
        0.5,
    )
    .source(src(
        "12 %: GPU rent and utilisation risk, above the 9–11 % effective rates of GPU-backed loans (an assumption)",
        "2025-06",
        Estimate,
    ))
    .access(Access::Num {
        get: |s| s.finance.gpu_cloud_rate_pct,
        set: |s, v| s.finance.gpu_cloud_rate_pct = v,
    }),

    choice("power.pricing", G_POWER, "Power pricing", POWER_PRICING)
        .source(src_at(
            "Hourly: ERCOT miners run in the cheap hours and curtail in the dear ones; Riot earned $24.2 M of power credits and $7.4 M of demand response in August 2023 alone",
            "2023-09",
            Press,
            "https://btc-newswire.com/riot-platforms-says-texas-energy-strategy-reduced-production-costs-by-31m",
        ))
        .access(Access::Choice {
            get: |s| s.power.pricing as usize,
            set: |s, i| {
                if let Some(&v) = PowerPricing::ALL.get(i) {
                    s.power.pricing = v
                }
            },
        }),
    choice("power.profile", G_POWER, "Hourly price profile", PRICE_PROFILE)
        .source(PROFILE_SOURCE)
        .access(Access::Choice {
            get: |s| s.power.profile as usize,
            set: |s, i| {
                if let Some(&v) = PriceProfile::ALL.get(i) {
                    s.power.profile = v
                }
            },
        }),
    choice("power.scaling", G_POWER, "Profile prices", PROFILE_SCALING)
        .source(src(
            "The shape of a real year at the site's own price level: a site's all-in price differs from the hub's (a model choice)",
            "2026-11",
            Derived,
        ))
        .access(Access::Choice {
            get: |s| s.power.scaling as usize,
            set: |s, i| {
                if let Some(&v) = ProfileScaling::ALL.get(i) {
                    s.power.scaling = v
                }
            },
        }),
    num("power.shapePct", G_POWER, "Price spikes (spread around the average)", "%", 0.0, 300.0, 10.0)
        .source(src(
            "100 %: the profile's year as it was; 0 flattens it, 200 doubles every hour's distance from the average (a model choice)",
            "2026-11",
            Derived,
        ))
        .access(Access::Num {
            get: |s| s.power.shape_pct,
            set: |s, v| s.power.shape_pct = v,
        }),
    numbers(
        "power.importedProfile",
        G_POWER,
        "Imported hourly prices",
        "USD/MWh",
        -10_000.0,
        100_000.0,
        MAX_PROFILE_HOURS,
    )
    .source(src("None until a year is imported", "2026-11", Derived))
    .access(Access::Numbers {
        get: |s| &s.power.imported_profile,
        set: |s, v| s.power.imported_profile = v.into(),
    }),
    text("power.importedProfileName", G_POWER, "Imported profile")
        .source(src("None until a year is imported", "2026-11", Derived))
        .access(Access::Text {
        get: |s| &s.power.imported_profile_name,
        set: |s, v| s.power.imported_profile_name = v,
    }),
    choice("power.supply", G_POWER, "Power supply", POWER_SUPPLY)
        .source(src(
            "Index: a site without a contract buys at the hourly price; Riot's Rockdale holds a fixed-price contract and sells unused power back (10-Q 2025)",
            "2025-10",
            Estimate,
        ))
        .access(Access::Choice {
            get: |s| s.power.supply as usize,
            set: |s, i| {
                if let Some(&v) = PowerSupply::ALL.get(i) {
                    s.power.supply = v
                }
            },
        }),
    num("power.ppaPriceUsdPerMwh", G_POWER, "Contract price", "USD/MWh", 0.0, 1_000.0, 1.0)
        .source(PPA_SOURCE)
        .access(Access::Num {
            get: |s| s.power.ppa_price_usd_per_mwh,
            set: |s, v| s.power.ppa_price_usd_per_mwh = v,
        }),
    num("power.ppaVolumePct", G_POWER, "Contracted volume", "% of the fleet's load", 0.0, 200.0, 5.0)
        .source(src(
            "100 %: a contract sized to the fleet's full load (an assumption)",
            "2026-11",
            Estimate,
        ))
        .access(Access::Num {
            get: |s| s.power.ppa_volume_pct,
            set: |s, v| s.power.ppa_volume_pct = v,
        }),
    flag("power.ppaSellBack", G_POWER, "Sell unused contracted power back at the hourly price", "")
        .source(PPA_SOURCE)
        .access(Access::Flag {
            get: |s| s.power.ppa_sell_back,
            set: |s, v| s.power.ppa_sell_back = v,
        }),
    num(
        "power.transmissionUsdPerKwMonth",
        G_POWER,
        "Transmission charge at the system peaks",
        "USD per kW-month",
        0.0,
        100.0,
        0.25,
    )
    .source(TRANSMISSION_SOURCE)
    .access(Access::Num {
        get: |s| s.power.transmission_usd_per_kw_month,
        set: |s, v| s.power.transmission_usd_per_kw_month = v,
    }),
    num(
        "power.transmissionAvoidedPct",
        G_POWER,
        "Share of it a curtailing mine avoids",
        "%",
        0.0,
        100.0,
        5.0,
    )
    .source(TRANSMISSION_AVOIDED_SOURCE)
    .access(Access::Num {
        get: |s| s.power.transmission_avoided_pct,
        set: |s, v| s.power.transmission_avoided_pct = v,
    }),
    num(
        "power.demandResponseUsdPerMwMonth",
        G_POWER,
        "Demand response or ancillary services",
        "USD per MW-month enrolled",
        0.0,
        1_000_000.0,
        500.0,
    )
    .source(DEMAND_RESPONSE_SOURCE)
    .access(Access::Num {
        get: |s| s.power.demand_response_usd_per_mw_month,
        set: |s, v| s.power.demand_response_usd_per_mw_month = v,
    }),
    num(
        "power.demandResponseEnrolledPct",
        G_POWER,
        "Mining load enrolled",
        "% of the fleet's load",
        0.0,
        100.0,
        5.0,
    )
    .source(DEMAND_RESPONSE_SOURCE)
    .access(Access::Num {
        get: |s| s.power.demand_response_enrolled_pct,
        set: |s, v| s.power.demand_response_enrolled_pct = v,
    }),
    choice("power.aiSupply", G_POWER, "The AI load's firm supply", FIRM_SUPPLY)
        .source(src(
            "An AI hall never curtails: it pays every hour on the grid, buys firm supply, or generates in the spikes (a model choice)",
            "2026-11",
            Derived,
        ))
        .access(Access::Choice {
            get: |s| s.power.ai_supply as usize,
            set: |s, i| {
                if let Some(&v) = FirmSupply::ALL.get(i) {
                    s.power.ai_supply = v
                }
            },
        }),
    num("power.firmPremiumUsdPerMwh", G_POWER, "Firm supply premium", "USD/MWh", 0.0, 1_000.0, 1.0)
        .source(FIRM_PREMIUM_SOURCE)
        .access(Access::Num {
            get: |s| s.power.firm_premium_usd_per_mwh,
            set: |s, v| s.power.firm_premium_usd_per_mwh = v,
        }),
    num(
        "power.generationUsdPerMwh",
        G_POWER,
        "On-site generation running cost",
        "USD/MWh",
        0.0,
        1_000.0,
        1.0,
    )
    .source(GENERATION_SOURCE)
    .access(Access::Num {
        get: |s| s.power.generation_usd_per_mwh,
        set: |s, v| s.power.generation_usd_per_mwh = v,
    }),
    num("power.tenantUptimePct", G_POWER, "Uptime the AI tenant requires", "%", 90.0, 100.0, 0.001)
        .source(UPTIME_SOURCE)
        .access(Access::Num {
            get: |s| s.power.tenant_uptime_pct,
            set: |s, v| s.power.tenant_uptime_pct = v,
        }),
];

/// Every option of the Monte Carlo risk analysis (`risk(scenario, options)`).
pub const RISK_FIELDS: &[Field] = &[
    whole("paths", G_RISK, "Simulated paths", "paths", 100.0, 100_000.0, 1_000.0).source(src(
        "10,000 paths: P10 and P90 move by well under 1 % between seeds; 100–100,000 allowed (a model choice)",
        "2026-11",
        Derived,
    )),
    whole("seed", G_RISK, "Random seed", "", 0.0, 9_007_199_254_740_991.0, 1.0).source(src(
        "Any fixed seed: the same seed gives the same paths, so a result can be reproduced exactly (a model choice)",
        "2026-11",
        Derived,
    )),
    num("btcVolatilityPct", G_RISK, "BTC price volatility", "% per year", 0.0, 200.0, 5.0).source(src(
        "Glassnode realised volatility: 40–55 % over 2023–24 (Glassnode Week On-chain, 2024); one-month annualised average ~50 % (Glassnode via CoinDesk, 2025)",
        "2025-03",
        Estimate,
    )),
    num("hashrateGrowthSdPct", G_RISK, "Hashrate growth spread (SD)", "percentage points", 0.0, 100.0, 1.0).source(src(
        "Estimate: network hashrate grew ~40–50 %/yr 2023–25 and was flat in H1 2026 (difficulty-derived, open-source trackers); ±1.65 σ of 15 pp spans 0–50 %/yr around 25 %",
        "2026-05",
        Estimate,
    )),
    num("gpuRentDeclineSdPct", G_RISK, "GPU rent decline spread (SD)", "percentage points", 0.0, 50.0, 1.0).source(src(
        "Estimate: H100 rent index $2.99 (Oct 2024) → $1.70 (Oct 2025) → $2.35 (Mar 2026), yearly moves of −43 % to +38 % around the 16 %/yr default decline",
        "2026-03",
        Estimate,
    )),
    whole("histogramBins", G_RISK, "Histogram bins", "bins", 1.0, 200.0, 1.0).source(src(
        "40 bins: fine enough to see the shape of 10,000 paths, coarse enough to read (a display choice)",
        "2026-11",
        Derived,
    )),
    num("capexOverrunMeanPct", G_RISK, "Build cost overrun (mean)", "% of budget", -50.0, 200.0, 1.0).source(src_at(
        "Estimate: 9 in 10 large projects exceed their budget (Flyvbjerg et al. 2003, 258 projects); data-centre tender prices rose more than 15 % in 2022 for most respondents (Turner & Townsend, Data centre cost index 2022); 10 % for a conceptual (class 4–5) estimate",
        "2022-07",
        Estimate,
        "https://reports.turnerandtownsend.com/dcci-2022/survey-statistics",
    )),
    num("capexOverrunSdPct", G_RISK, "Build cost overrun spread (SD)", "percentage points", 0.0, 100.0, 1.0).source(src_at(
        "Estimate: a conceptual estimate is accurate to about −20 % / +30 % (AACE class 4); 9 in 10 data centres finish late, on average 34 % over schedule (Foresight Works via Fierce Network, 2025)",
        "2025-02",
        Estimate,
        "https://fierce-network.com/cloud/optimism-could-kill-data-center-boom",
    )),
    num("occupancySdPct", G_RISK, "Colocation occupancy spread (SD)", "percentage points", 0.0, 50.0, 1.0).source(src(
        "Estimate: North American data-centre vacancy ran at 1.6–2.8 % in 2024–25 (CBRE, North America Data Center Trends), so a leased hall's occupancy is near full; 5 pp allows for a tenant that uses less than it signed for",
        "2025-06",
        Estimate,
    )),
    num("tenantDefaultPctPerYear", G_RISK, "Colocation tenant default", "% per year", 0.0, 100.0, 0.5).source(src_at(
        "Estimate for a speculative-grade AI tenant: S&P's global speculative-grade ('BB+' or lower) default rate was 1.7 % in 2021, 1.9 % in 2022 and 3.7 % in 2023 (S&P Global Ratings, 2023 Annual Global Corporate Default And Rating Transition Study)",
        "2024-03",
        Estimate,
        "https://www.spglobal.com/ratings/en/research/articles/240328-default-transition-and-recovery-2023-annual-global-corporate-default-and-rating-transition-study-13047827",
    )),
    num("gpuUtilizationSdPct", G_RISK, "GPU utilisation spread (SD)", "percentage points", 0.0, 50.0, 1.0).source(src(
        "Estimate: the share of GPU-hours a cloud sells moves with its contracts and the market; ±10 pp around the scenario's 85 % spans 70–100 % at ±1.65 σ",
        "2026-11",
        Estimate,
    )),
    num("btcJumpsPerYear", G_RISK, "BTC price jumps", "per year", 0.0, 12.0, 0.5).source(src(
        "Off by default. Estimate when on: one-month moves beyond the volatility, such as −37 % on 12 March 2020, −35 % in May 2021, −16 % in November 2022 (FTX) and the 10 October 2025 liquidation cascade, happen about once a year",
        "2025-10",
        Estimate,
    )),
    num("btcJumpMeanPct", G_RISK, "BTC price jump size (mean)", "% (log)", -90.0, 90.0, 1.0).source(src(
        "Estimate: the crashes above ran −15 % to −40 % in a month; −15 % in log terms is a typical one",
        "2025-10",
        Estimate,
    )),
    num("btcJumpSdPct", G_RISK, "BTC price jump size spread (SD)", "percentage points", 0.0, 100.0, 1.0).source(src(
        "Estimate: 10 pp around the mean spans the −5 % to −35 % moves above at ±1.5 σ",
        "2025-10",
        Estimate,
    )),
    num("btcHashrateCorrelation", G_RISK, "Correlation: BTC price ↔ hashrate growth", "", -1.0, 1.0, 0.05).source(src_at(
        "Estimate: the price leads the hashrate by weeks to months, so over years they move together (yearly hashrate growth 20–70 % in 2020–25, fastest in the price's rising years); the correlation of their levels has swung from 0.94 to negative (CoinLedger, Bitcoin hashrate and price dynamics, 2025)",
        "2025-07",
        Estimate,
        "https://coinledger.io/sv/research/bitcoin-hashrate-and-price-dynamics",
    )),
    num("btcGpuRentCorrelation", G_RISK, "Correlation: BTC price ↔ GPU rent decline", "", -1.0, 1.0, 0.05).source(src(
        "0: no public series links the BTC price to GPU rents (a model choice)",
        "2026-11",
        Derived,
    )),
    num("hashrateGpuRentCorrelation", G_RISK, "Correlation: hashrate growth ↔ GPU rent decline", "", -1.0, 1.0, 0.05).source(src(
        "0: no public series links them (a model choice); miners moving power to AI would make it negative",
        "2026-11",
        Derived,
    )),
    num("feesSdPct", G_RISK, "Fees per block spread (SD)", "% of the scenario's", 0.0, 300.0, 5.0).source(src(
        "Estimate: average fees per block moved several-fold from year to year since 2023 (the Ordinals and Runes peaks of 2023–24, the quiet mempool of 2025; mempool.space block data)",
        "2025-12",
        Estimate,
    )),
    num("renewalRentSdPct", G_RISK, "Rent after the first term spread (SD)", "% of the scenario's", 0.0, 100.0, 1.0).source(src_at(
        "Estimate: Digital Realty's cash rent on renewal leases rose 7.3 % in Q2 2025, after single-digit falls in 2019–21; 15 % allows a term that ends in a weaker or a tighter market",
        "2025-07",
        Estimate,
        "https://www.sec.gov/Archives/edgar/data/1297996/000155837025009543/dlr-20250724xex99d1.htm",
    )),
    num("buildDelayMeanMonths", G_RISK, "Construction delay (mean)", "months", 0.0, 12.0, 0.5).source(src_at(
        "Estimate: 9 in 10 data centres finish late, on average 34 % over schedule (Foresight Works via Fierce Network, 2025): about 4 months on a 12-month build",
        "2025-02",
        Estimate,
        "https://fierce-network.com/cloud/optimism-could-kill-data-center-boom",
    )),
    num("powerEscalationSdPct", G_RISK, "Power price escalation spread (SD)", "percentage points", 0.0, 20.0, 0.5).source(src_at(
        "Estimate: the US average industrial electricity price went from about 6.7 ¢/kWh in 2020 to 8.3 ¢ in 2022 and 8.06 ¢ in 2023 (EIA, Electric Power Annual, table 2.4): single years move by ±5–15 %, but a 15-year average escalation is far steadier, so 2 pp",
        "2024-10",
        Estimate,
        "https://www.eia.gov/electricity/annual/html/epa_02_04.html",
    )),
    whole("equityPaths", G_RISK, "Paths valued for the equity", "paths", 0.0, 100_000.0, 100.0).source(src(
        "1,000 paths: the equity's loan is sized to each path's cash flow, so each runs the whole model (~50 µs natively); P10 and P90 then rest on 100 paths each (a model choice)",
        "2026-11",
        Derived,
    )),
];

/// The scenario field at `path` (list items as `mining.fleet[].units`).
pub fn get(path: &str) -> Option<&'static Field> {
    let by_path = &index().by_path;
    by_path
        .binary_search_by(|&(p, _)| p.cmp(path))
        .ok()
        .map(|i| by_path[i].1)
}

/// The risk option named `key`.
pub fn risk_option(key: &str) -> Option<&'static Field> {
    RISK_FIELDS.iter().find(|f| f.path == key)
}

/// `value` clamped into the range of the field at `path` (unchanged where the path is not a
/// numeric field; a test checks every path the analyses use).
pub fn clamp_to(path: &str, value: f64) -> f64 {
    get(path).map_or(value, |f| f.clamp(value))
}

/// The source of a scenario field's default, if any: the registry's, or for a line of the
/// default fleet (`mining.fleet[1].units`) that line's.
pub fn source_of(field: &str) -> Option<Source> {
    crate::sources::DEFAULT_FLEET_SOURCES
        .iter()
        .find(|s| s.field == field)
        .map(crate::sources::StaticSource::to_source)
        .or_else(|| get(field).and_then(Field::source_entry))
        .or_else(|| {
            // A phase's field by index (`retrofit.phases[0].buildMonths`): its registry entry's
            // source (`retrofit.phases[].buildMonths`), under the path asked for.
            let (list, rest) = field.split_once('[')?;
            let (index, key) = rest.split_once("].")?;
            index.parse::<usize>().ok()?;
            let mut source = get(&format!("{list}[].{key}")).and_then(Field::source_entry)?;
            source.field = field.to_string();
            Some(source)
        })
}

/// The market inputs: the level each market price starts from, one per market the pathways
/// buy or sell in — bitcoin (its price, the network's hashrate, the fees per block), power,
/// colocation leases and GPU hours. Their defaults are read off the market at a date, and
/// the latest of those dates is the "market data as of" shown beside the verdict. Growth
/// rates, curves, deal terms and costs are assumptions about the future or about the site,
/// not market data, and are left out. Each with a short name for people.
pub const MARKET_FIELDS: [(&str, &str); 6] = [
    ("bitcoin.btcPriceUsd", "BTC price"),
    ("bitcoin.networkHashrateEhs", "network hashrate"),
    ("bitcoin.feesBtcPerBlock", "fees per block"),
    ("site.powerPriceUsdPerMwh", "power price"),
    ("colocation.leaseUsdPerKwMonth", "lease rate"),
    ("gpuCloud.rentUsdPerGpuHour", "GPU rent"),
];

/// A numeric field's value in `s` (0 where the path is no number of the scenario: a test
/// checks the market inputs are numbers).
fn number_of(path: &str, s: &Scenario) -> f64 {
    match get(path).map(|f| f.access) {
        Some(Access::Num { get, .. }) => get(s),
        _ => 0.0,
    }
}

/// The defaults' market inputs, read once.
fn market_defaults() -> &'static [f64; MARKET_FIELDS.len()] {
    static DEFAULTS: OnceLock<[f64; MARKET_FIELDS.len()]> = OnceLock::new();
    DEFAULTS.get_or_init(|| {
        let d = Scenario::default();
        MARKET_FIELDS.map(|(path, _)| number_of(path, &d))
    })
}

/// How recent the market data behind `s` are: the latest `asOf` of the market inputs'
/// defaults ([`MARKET_FIELDS`]), and which of them `s` sets to a value of its own.
pub fn market_data(s: &Scenario) -> crate::sources::MarketData {
    let inputs: Vec<crate::sources::MarketInput> = MARKET_FIELDS
        .iter()
        .zip(market_defaults())
        .map(|(&(path, label), &default)| {
            let as_of = get(path)
                .and_then(|f| f.source)
                .map_or_else(String::new, |src| src.as_of.to_string());
            crate::sources::MarketInput {
                field: path.to_string(),
                label: label.to_string(),
                as_of_label: crate::sources::month_label(&as_of),
                as_of,
                yours: number_of(path, s) != default,
            }
        })
        .collect();
    // "YYYY-MM" sorts as text in date order.
    let as_of = inputs.iter().map(|i| i.as_of.clone()).max().unwrap_or_default();
    crate::sources::MarketData {
        as_of_label: crate::sources::month_label(&as_of),
        as_of,
        inputs,
    }
}

/// Every default's source: the registry's fields, then the default fleet's lines.
pub fn all_sources() -> Vec<Source> {
    let registry = crate::fields::SCENARIO_FIELDS
        .iter()
        .filter_map(crate::fields::Field::source_entry);
    registry
        .chain(
            crate::sources::DEFAULT_FLEET_SOURCES
                .iter()
                .map(crate::sources::StaticSource::to_source),
        )
        .collect()
}

impl Field {
    /// Whether the field holds a number or a whole number.
    pub fn is_numeric(&self) -> bool {
        matches!(self.kind, Kind::Number | Kind::Whole)
    }

    /// The allowed range `(min, max)` (for a field with a gap above 0, also 0).
    pub fn range(&self) -> (f64, f64) {
        (self.min, self.max)
    }

    /// Whether `value` is allowed (finite and within the bounds).
    pub fn contains(&self, value: f64) -> bool {
        value.is_finite() && value >= self.min && value <= self.max && !(value > 0.0 && value < self.nonzero_min)
    }

    /// `value` moved into the allowed range (whole numbers rounded; into the gap above 0, to
    /// the nearer of 0 and the smallest non-zero value).
    pub fn clamp(&self, value: f64) -> f64 {
        let mut v = value.clamp(self.min, self.max);
        if v > 0.0 && v < self.nonzero_min {
            v = if v < self.nonzero_min / 2.0 {
                0.0
            } else {
                self.nonzero_min
            };
        }
        if self.kind == Kind::Whole {
            v.round()
        } else {
            v
        }
    }

    /// The allowed values in words, the same for every field: "between 0 and 1,000 USD/MWh",
    /// "more than 0 and at most 5,000 MW", "a whole number from 1 to 30 years".
    pub fn allowed(&self) -> String {
        let unit = if self.unit.is_empty() {
            String::new()
        } else {
            format!(" {}", self.unit)
        };
        let (min, max) = (crate::format::number(self.min), crate::format::number(self.max));
        match self.kind {
            Kind::Whole => format!("a whole number from {min} to {max}{unit}"),
            Kind::Number if self.nonzero_min > 0.0 => format!(
                "0, or between {} and {max}{unit}",
                crate::format::number(self.nonzero_min)
            ),
            Kind::Number => format!("between {min} and {max}{unit}"),
            Kind::Text => format!("text of at most {max} characters"),
            Kind::List => format!("a list of at most {max}{unit}"),
            Kind::Numbers(items) => format!(
                "a list of at most {} numbers, each between {min} and {max}{unit}",
                crate::format::number(items as f64)
            ),
            Kind::Month => "a month written YYYY-MM, between 1970-01 and 2200-12".to_string(),
            Kind::Date => "a date written YYYY-MM-DD, between 1970 and 2200".to_string(),
            Kind::Flag => "true or false".to_string(),
            Kind::Choice(choices) => {
                let values: Vec<String> = choices.iter().map(|c| format!("\"{}\"", c.value)).collect();
                format!("one of {}", values.join(", "))
            }
        }
    }

    /// The value of a number or whole-number field in a scenario.
    pub fn number(&self, s: &Scenario) -> Option<f64> {
        match self.access {
            Access::Num { get, .. } => Some(get(s)),
            // ok: whole-number fields are bounded far below 2⁵³, so the conversion is exact.
            Access::Whole { get, .. } => Some(get(s) as f64),
            _ => None,
        }
    }

    /// Writes a number into a number or whole-number field (a whole number rounded, at least
    /// 0); `false` for a field of another kind.
    pub fn set_number(&self, s: &mut Scenario, value: f64) -> bool {
        match self.access {
            Access::Num { set, .. } => set(s, value),
            // ok: the analyses pass values clamped into the field's range first.
            Access::Whole { set, .. } => set(s, value.round().max(0.0) as u64),
            _ => return false,
        }
        true
    }

    /// The source of the default as the page and `presets().sources` show it.
    pub fn source_entry(&self) -> Option<Source> {
        self.source
            .map(|s| Source::new(self.path, s.text, s.as_of, s.kind).at(s.url))
    }

    /// The entry as JavaScript and the CLI see it.
    pub fn info(&self) -> FieldInfo {
        let (kind, choices) = match self.kind {
            Kind::Number => ("number", Vec::new()),
            Kind::Whole => ("whole", Vec::new()),
            Kind::Flag => ("flag", Vec::new()),
            Kind::Text => ("text", Vec::new()),
            Kind::Month => ("month", Vec::new()),
            Kind::Date => ("date", Vec::new()),
            Kind::Choice(choices) => ("choice", choices.to_vec()),
            Kind::List => ("list", Vec::new()),
            Kind::Numbers(_) => ("numbers", Vec::new()),
        };
        let numeric = self.is_numeric() || matches!(self.kind, Kind::List | Kind::Text | Kind::Numbers(_));
        FieldInfo {
            path: self.path.to_string(),
            group: self.group.to_string(),
            label: self.label.to_string(),
            unit: self.unit.to_string(),
            kind: kind.to_string(),
            min: numeric.then_some(self.min),
            max: numeric.then_some(self.max),
            nonzero_min: (self.nonzero_min > 0.0).then_some(self.nonzero_min),
            step: self.is_numeric().then_some(self.step),
            allowed: self.allowed(),
            choices,
            source: self.source_entry(),
        }
    }
}

/// A registry entry for JavaScript (`fields()`), the CLI (`minepivot fields`) and the docs.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify), tsify(missing_as_null))]
#[serde(rename_all = "camelCase")]
pub struct FieldInfo {
    /// Dotted path; list items as `[]`: `mining.fleet[].units`.
    pub path: String,
    /// The page group: `site`, `bitcoin`, `retrofit`, `colocation`, `gpuCloud`, `finance`, `risk`.
    pub group: String,
    pub label: String,
    /// The unit ("" for a ratio).
    pub unit: String,
    /// `number`, `whole`, `flag`, `text`, `month`, `date`, `choice` or `list`.
    pub kind: String,
    /// Lower bound (of a list or text: its length).
    pub min: Option<f64>,
    /// Upper bound (of a list or text: its length).
    pub max: Option<f64>,
    /// Above 0, the smallest value allowed (0 itself allowed too), where the field has such a gap.
    pub nonzero_min: Option<f64>,
    /// The form's arrow step.
    pub step: Option<f64>,
    /// The allowed values in words, as error messages say them.
    pub allowed: String,
    /// The values of a `choice`.
    pub choices: Vec<Choice>,
    /// Where the default comes from.
    pub source: Option<Source>,
}

/// The value at a dotted path (no `[]`) of a JSON object.
fn at<'a>(document: &'a Map<String, Value>, path: &str) -> Option<&'a Value> {
    let mut parts = path.split('.');
    let first = document.get(parts.next()?)?;
    parts.try_fold(first, |v, key| v.get(key))
}

/// The fields of the items of the list at `list` (`mining.fleet` → its `[].` fields).
pub fn item_fields(list: &str) -> impl Iterator<Item = (&'static str, &'static Field)> + '_ {
    index()
        .items
        .iter()
        .find(|(l, _)| *l == list)
        .into_iter()
        .flat_map(|(_, fields)| fields.iter().copied())
}

/// The registry sorted by path, and each list's item fields: built once per process, so that a
/// document of hundreds of list items (a curve, a fleet) is not a scan of the registry per item.
/// (Sorted vectors rather than hash maps: the same lookups for less code in the wasm.)
struct Index {
    by_path: Vec<(&'static str, &'static Field)>,
    items: Vec<(&'static str, Vec<(&'static str, &'static Field)>)>,
}

fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut items: Vec<(&'static str, Vec<(&'static str, &'static Field)>)> = Vec::new();
        for f in SCENARIO_FIELDS {
            if let Some((list, key)) = f.path.split_once("[].") {
                match items.iter_mut().find(|(l, _)| *l == list) {
                    Some((_, fields)) => fields.push((key, f)),
                    None => items.push((list, vec![(key, f)])),
                }
            }
        }
        let mut by_path: Vec<(&'static str, &'static Field)> = SCENARIO_FIELDS.iter().map(|f| (f.path, f)).collect();
        by_path.sort_unstable_by_key(|&(path, _)| path);
        Index { by_path, items }
    })
}

fn read_line(item: &Value) -> FleetLine {
    let mut line = FleetLine::new("", 0, 0.0, 0.0);
    for (key, f) in item_fields("mining.fleet") {
        match (f.access, item.get(key)) {
            (Access::LineNum { set, .. }, Some(v)) => set(&mut line, v.as_f64().unwrap_or(0.0)),
            (Access::LineWhole { set, .. }, Some(v)) => set(&mut line, v.as_u64().unwrap_or(0)),
            (Access::LineText { set, .. }, Some(v)) => set(&mut line, v.as_str().unwrap_or("").to_string()),
            _ => {}
        }
    }
    line
}

fn read_phase(item: &Value) -> Phase {
    let mut phase = Phase::new(0.0, 0, 0, 0);
    for (key, f) in item_fields("retrofit.phases") {
        match (f.access, item.get(key)) {
            (Access::PhaseNum { set, .. }, Some(v)) => set(&mut phase, v.as_f64().unwrap_or(0.0)),
            (Access::PhaseWhole { set, .. }, Some(v)) => set(&mut phase, v.as_u64().unwrap_or(0)),
            _ => {}
        }
    }
    phase
}

fn read_point(list: &str, item: &Value) -> CurvePoint {
    let mut point = CurvePoint::default();
    for (key, f) in item_fields(list) {
        match (f.access, item.get(key)) {
            (Access::PointNum { set, .. }, Some(v)) => set(&mut point, v.as_f64().unwrap_or(0.0)),
            (Access::PointText { set, .. }, Some(v)) => set(&mut point, v.as_str().unwrap_or("").to_string()),
            _ => {}
        }
    }
    point
}

fn read_cost(item: &Value) -> CostOverride {
    let mut cost = CostOverride {
        item: String::new(),
        unit_cost_usd: 0.0,
    };
    for (key, f) in item_fields("retrofit.costOverrides") {
        match (f.access, item.get(key)) {
            (Access::CostNum { set, .. }, Some(v)) => set(&mut cost, v.as_f64().unwrap_or(0.0)),
            (Access::CostText { set, .. }, Some(v)) => set(&mut cost, v.as_str().unwrap_or("").to_string()),
            _ => {}
        }
    }
    cost
}

/// The scenario a checked document describes: the default scenario with every field the
/// document holds written in through the registry (what it leaves out keeps its default).
/// The document has been through [`crate::validate::check_document`], so every value has its
/// field's type and every list item every field.
pub fn read_scenario(document: &Map<String, Value>) -> Scenario {
    let mut s = Scenario::default();
    for f in SCENARIO_FIELDS.iter().filter(|f| !f.path.contains("[]")) {
        let Some(v) = at(document, f.path) else {
            continue;
        };
        match f.access {
            Access::Num { set, .. } => {
                if let Some(x) = v.as_f64() {
                    set(&mut s, x)
                }
            }
            Access::Whole { set, .. } => {
                if let Some(x) = v.as_u64() {
                    set(&mut s, x)
                }
            }
            Access::Flag { set, .. } => {
                if let Some(b) = v.as_bool() {
                    set(&mut s, b)
                }
            }
            Access::Text { set, .. } => {
                if let Some(t) = v.as_str() {
                    set(&mut s, t.to_string())
                }
            }
            Access::Choice { set, .. } => {
                if let (Kind::Choice(choices), Some(t)) = (f.kind, v.as_str()) {
                    if let Some(i) = choices.iter().position(|c| c.value == t) {
                        set(&mut s, i)
                    }
                }
            }
            Access::Lines { set, .. } => {
                if let Some(items) = v.as_array() {
                    set(&mut s, items.iter().map(read_line).collect())
                }
            }
            Access::Costs { set, .. } => {
                if let Some(items) = v.as_array() {
                    set(&mut s, items.iter().map(read_cost).collect())
                }
            }
            Access::Phases { set, .. } => {
                if let Some(items) = v.as_array() {
                    set(&mut s, items.iter().map(read_phase).collect())
                }
            }
            Access::Curve { set, .. } => {
                if let Some(items) = v.as_array() {
                    set(&mut s, items.iter().map(|item| read_point(f.path, item)).collect())
                }
            }
            Access::Numbers { set, .. } => {
                if let Some(items) = v.as_array() {
                    set(&mut s, items.iter().map(|x| x.as_f64().unwrap_or(0.0)).collect())
                }
            }
            _ => {}
        }
    }
    s
}

/// One value as JSON (NaN and ±∞ as `null`, as serde_json writes them).
fn number_json(x: f64) -> Value {
    serde_json::Number::from_f64(x).map_or(Value::Null, Value::Number)
}

/// The value of `f` in a scenario (of a list item: in `line` or `cost`), as JSON.
fn value_of(f: &Field, s: &Scenario) -> Option<Value> {
    Some(match f.access {
        Access::Num { get, .. } => number_json(get(s)),
        Access::Whole { get, .. } => Value::from(get(s)),
        Access::Flag { get, .. } => Value::Bool(get(s)),
        Access::Text { get, .. } => Value::from(get(s)),
        Access::Choice { get, .. } => match f.kind {
            Kind::Choice(choices) => Value::from(choices.get(get(s))?.value),
            _ => return None,
        },
        Access::Lines { get, .. } => Value::Array(
            get(s)
                .iter()
                .map(|l| item_json("mining.fleet", Item::Line(l)))
                .collect(),
        ),
        Access::Costs { get, .. } => Value::Array(
            get(s)
                .iter()
                .map(|c| item_json("retrofit.costOverrides", Item::Cost(c)))
                .collect(),
        ),
        Access::Phases { get, .. } => Value::Array(
            get(s)
                .iter()
                .map(|p| item_json("retrofit.phases", Item::Phase(p)))
                .collect(),
        ),
        Access::Curve { get, .. } => Value::Array(get(s).iter().map(|p| item_json(f.path, Item::Point(p))).collect()),
        Access::Numbers { get, .. } => Value::Array(get(s).iter().map(|&x| number_json(x)).collect()),
        Access::Document if f.path == "schemaVersion" => Value::from(s.schema_version),
        _ => return None,
    })
}

enum Item<'a> {
    Line(&'a FleetLine),
    Cost(&'a CostOverride),
    Phase(&'a Phase),
    Point(&'a CurvePoint),
}

fn item_json(list: &str, item: Item) -> Value {
    let mut map = Map::new();
    for (key, f) in item_fields(list) {
        let v = match (f.access, &item) {
            (Access::LineNum { get, .. }, Item::Line(l)) => number_json(get(l)),
            (Access::LineWhole { get, .. }, Item::Line(l)) => Value::from(get(l)),
            (Access::LineText { get, .. }, Item::Line(l)) => Value::from(get(l)),
            (Access::CostNum { get, .. }, Item::Cost(c)) => number_json(get(c)),
            (Access::CostText { get, .. }, Item::Cost(c)) => Value::from(get(c)),
            (Access::PhaseNum { get, .. }, Item::Phase(p)) => number_json(get(p)),
            (Access::PhaseWhole { get, .. }, Item::Phase(p)) => Value::from(get(p)),
            (Access::PointNum { get, .. }, Item::Point(p)) => number_json(get(p)),
            (Access::PointText { get, .. }, Item::Point(p)) => Value::from(get(p)),
            _ => continue,
        };
        map.insert(key.to_string(), v);
    }
    Value::Object(map)
}

/// A scenario as a JSON document, written through the registry: what JavaScript receives
/// from `defaultScenario()` and the page saves. (The CLI writes the same document with serde.)
pub fn scenario_json(s: &Scenario) -> Value {
    let mut root = Map::new();
    for f in SCENARIO_FIELDS.iter().filter(|f| !f.path.contains("[]")) {
        let Some(v) = value_of(f, s) else {
            continue;
        };
        let parts: Vec<&str> = f.path.split('.').collect();
        insert_at(&mut root, &parts, v);
    }
    Value::Object(root)
}

fn insert_at(map: &mut Map<String, Value>, parts: &[&str], v: Value) {
    match parts {
        [last] => {
            map.insert(last.to_string(), v);
        }
        [first, rest @ ..] => {
            let entry = map
                .entry(first.to_string())
                .or_insert_with(|| Value::Object(Map::new()));
            if let Value::Object(inner) = entry {
                insert_at(inner, rest, v);
            }
        }
        [] => {}
    }
}

/// serde's `serialize_with` for a scenario inside another document (a sample site): the same
/// JSON as [`scenario_json`].
pub fn serialize_scenario<S: serde::Serializer>(s: &Scenario, serializer: S) -> Result<S::Ok, S::Error> {
    scenario_json(s).serialize(serializer)
}

/// Every input of a scenario as `(path, value)`, in the registry's order, list items by
/// index (`mining.fleet[1].units`): the CSV's assumption lines.
pub fn scenario_values(s: &Scenario) -> Vec<(String, Value)> {
    let mut out = Vec::new();
    for f in SCENARIO_FIELDS.iter().filter(|f| !f.path.contains("[]")) {
        if let Access::Numbers { get, .. } = f.access {
            // A year of hourly prices is 8,760 values: the CSV names how many and their mean.
            let values = get(s);
            let mean = values.iter().sum::<f64>() / values.len().max(1) as f64;
            let summary = format!("{} values, mean {}", values.len(), crate::format::number(mean));
            out.push((f.path.to_string(), Value::from(summary)));
            continue;
        }
        match value_of(f, s) {
            Some(Value::Array(items)) if !items.is_empty() => {
                for (i, item) in items.iter().enumerate() {
                    if let Value::Object(map) = item {
                        for (key, _) in item_fields(f.path) {
                            if let Some(v) = map.get(key) {
                                out.push((format!("{}[{i}].{key}", f.path), v.clone()));
                            }
                        }
                    }
                }
            }
            Some(v) => out.push((f.path.to_string(), v)),
            None => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::{CostOverride, Scenario};
    use serde_json::Value;

    /// Registry-style paths (`mining.fleet[].units`) of every leaf of a document.
    fn leaves(prefix: &str, value: &Value, out: &mut Vec<String>) {
        match value {
            Value::Object(map) => {
                for (k, v) in map {
                    let p = if prefix.is_empty() {
                        k.clone()
                    } else {
                        format!("{prefix}.{k}")
                    };
                    leaves(&p, v, out);
                }
            }
            Value::Array(items) => {
                out.push(prefix.to_string());
                for v in items {
                    leaves(&format!("{prefix}[]"), v, out);
                }
            }
            _ => out.push(prefix.to_string()),
        }
    }

    #[test]
    fn every_field_of_the_scenario_has_exactly_one_entry_and_every_entry_is_a_field() {
        let mut s = Scenario::default();
        s.retrofit.cost_overrides.push(CostOverride {
            item: "ups".to_string(),
            unit_cost_usd: 1.0,
        });
        let point = crate::scenario::CurvePoint::new("2027-01", 1.0);
        s.bitcoin.btc_price_curve.push(point.clone());
        s.bitcoin.hashprice_curve.push(point.clone());
        s.bitcoin.network_hashrate_curve.push(point);
        let mut paths = Vec::new();
        leaves("", &serde_json::to_value(&s).unwrap(), &mut paths);
        paths.sort();
        paths.dedup();
        let mut registry: Vec<&str> = SCENARIO_FIELDS.iter().map(|f| f.path).collect();
        registry.sort();
        let before = registry.len();
        registry.dedup();
        assert_eq!(registry.len(), before, "a path has two entries");
        assert_eq!(paths, registry);
    }

    #[test]
    fn every_input_has_an_accessor_and_reads_and_writes_the_document_serde_writes() {
        for f in SCENARIO_FIELDS {
            let document_only = f.path == "schemaVersion";
            assert_eq!(matches!(f.access, Access::Document), document_only, "{}", f.path);
        }
        let mut sites: Vec<Scenario> = crate::presets::sample_sites().into_iter().map(|x| x.scenario).collect();
        let mut odd = Scenario::default();
        odd.retrofit.cost_overrides.push(CostOverride {
            item: "ups".to_string(),
            unit_cost_usd: 123.5,
        });
        odd.name = "a \"quoted\" name".to_string();
        sites.push(odd);
        for s in sites {
            let written = scenario_json(&s);
            assert_eq!(written, serde_json::to_value(&s).unwrap(), "{}", s.name);
            let Value::Object(map) = written else { panic!() };
            assert_eq!(read_scenario(&map), s, "{}", s.name);
        }
    }

    #[test]
    fn every_risk_option_has_exactly_one_entry_with_a_source() {
        let options = serde_json::to_value(crate::analysis::risk::RiskOptions::default()).unwrap();
        let mut keys: Vec<&str> = options.as_object().unwrap().keys().map(String::as_str).collect();
        let mut registry: Vec<&str> = RISK_FIELDS.iter().map(|f| f.path).collect();
        keys.sort();
        registry.sort();
        assert_eq!(keys, registry);
        assert!(RISK_FIELDS.iter().all(|f| f.source.is_some()));
    }

    #[test]
    fn every_choice_is_a_value_serde_reads_and_writes() {
        use crate::scenario::*;
        let check = |path: &str, written: Vec<Value>| {
            let Some(Field {
                kind: Kind::Choice(choices),
                ..
            }) = get(path)
            else {
                panic!("{path} is no choice")
            };
            let values: Vec<Value> = choices.iter().map(|c| Value::from(c.value)).collect();
            assert_eq!(values, written, "{path}");
        };
        let v = |x: Value| x;
        check(
            "retrofit.cooling",
            [
                Cooling::Air,
                Cooling::RearDoor,
                Cooling::DirectToChip,
                Cooling::Immersion,
            ]
            .map(|c| v(serde_json::to_value(c).unwrap()))
            .to_vec(),
        );
        check(
            "retrofit.redundancy",
            [Redundancy::N, Redundancy::NPlus1, Redundancy::TwoN]
                .map(|c| serde_json::to_value(c).unwrap())
                .to_vec(),
        );
        check(
            "colocation.leaseType",
            LeaseType::ALL.map(|c| serde_json::to_value(c).unwrap()).to_vec(),
        );
        check(
            "colocation.afterTerm",
            LeaseEnd::ALL.map(|c| serde_json::to_value(c).unwrap()).to_vec(),
        );
        check(
            "gpuCloud.system",
            GpuSystem::ALL.map(|c| serde_json::to_value(c).unwrap()).to_vec(),
        );
        check(
            "gpuCloud.endOfLife",
            [GpuEnd::Refresh, GpuEnd::Retire]
                .map(|c| serde_json::to_value(c).unwrap())
                .to_vec(),
        );
        check(
            "gpuCloud.fabric",
            [Fabric::Infiniband, Fabric::Ethernet]
                .map(|c| serde_json::to_value(c).unwrap())
                .to_vec(),
        );
    }

    #[test]
    fn every_range_the_analyses_use_lies_inside_its_fields_range() {
        use crate::analysis::{breakeven, sensitivity};
        for input in sensitivity::INPUTS {
            let (lo, hi) = input.range();
            match get(input.field) {
                Some(f) => assert!(f.contains(lo) && f.contains(hi), "{}: {lo}–{hi}", input.field),
                // The capex multiple is the one input that is no field: it scales the bill.
                None => assert_eq!((lo, hi), sensitivity::CAPEX_FACTOR_RANGE, "{}", input.field),
            }
        }
        let lease = get("colocation.leaseUsdPerKwMonth").unwrap();
        let (lo, hi) = breakeven::lease_range();
        assert!(lease.contains(lo) && lease.contains(hi));
        let rent = get("gpuCloud.rentUsdPerGpuHour").unwrap();
        let (lo, hi) = breakeven::gpu_rent_range();
        assert!(rent.contains(lo) && rent.contains(hi));
        // The risk draws clamp into these two fields' ranges (analysis::risk::draws).
        for path in [
            "bitcoin.networkHashrateGrowthPctPerYear",
            "gpuCloud.rentDeclinePctPerYear",
        ] {
            let f = get(path).unwrap();
            assert_eq!(clamp_to(path, 1e12), f.max);
            assert_eq!(clamp_to(path, -1e12), f.min);
        }
    }

    #[test]
    fn every_default_lies_in_its_range_and_every_message_reads_the_same_way() {
        assert_eq!(
            get("site.gridCapacityMw").unwrap().allowed(),
            "between 0.1 and 5,000 MW"
        );
        let share = get("retrofit.convertedSharePct").unwrap();
        assert_eq!(share.allowed(), "0, or between 0.1 and 100 % of grid MW");
        assert!(share.contains(0.0) && share.contains(0.1) && !share.contains(5e-324) && !share.contains(0.09));
        assert_eq!((share.clamp(0.04), share.clamp(0.06)), (0.0, 0.1));
        assert_eq!(
            get("site.powerPriceUsdPerMwh").unwrap().allowed(),
            "between 0 and 1,000 USD/MWh"
        );
        assert_eq!(
            get("horizonYears").unwrap().allowed(),
            "a whole number from 1 to 30 years"
        );
        assert_eq!(crate::validate::validate(&Scenario::default()), vec![]);
        for f in SCENARIO_FIELDS.iter().chain(RISK_FIELDS) {
            if f.is_numeric() {
                assert!(f.min <= f.max && f.step > 0.0, "{}", f.path);
            }
        }
    }
}
