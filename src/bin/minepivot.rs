//! `minepivot`: the calculator for analysts, on the command line.
//!
//! ```text
//! minepivot scenario                       the embedded default scenario (JSON)
//! minepivot evaluate FILE [--format F]     the report: json (default), table, csv
//! minepivot validate FILE                  every input error, or "valid"
//! minepivot risk FILE [--options F --paths N --seed S]  Monte Carlo: P10/P50/P90 NPV per pathway
//! minepivot batch < IN.ndjson > OUT.ndjson  one scenario a line in, one summary a line out
//! minepivot presets                        ASICs, GPU systems, cooling, sample sites, costs, sources
//! minepivot fields                         every input: path, label, unit, range, source
//! ```
//! Built with the `cli` feature: `cargo minepivot …` or `cargo install --path . --features cli`.
//! FILE may be `-` for standard input. Invalid input exits with status 2 and lists every
//! error with its field path; a file that cannot be read exits with status 1.

use std::io::{Read, Write};
use std::process::ExitCode;

/// `eprintln!` that never panics: a message for a standard error that is closed
/// (`minepivot … 2>&1 | head`) is dropped, not turned into a crash.
macro_rules! eprintln {
    ($($arg:tt)*) => {{
        let _ = writeln!(std::io::stderr(), $($arg)*);
    }};
}

#[path = "minepivot/batch.rs"]
mod batch;

use clap::{Parser, Subcommand, ValueEnum};
use minepivot::analysis::risk::{self, RiskReport};
use minepivot::format::{money, printable};
use minepivot::report::{CapexAccuracy, PathwayReport, Report};
use minepivot::sources::MarketData;
use minepivot::{parse, ValidationError};

#[derive(Parser)]
#[command(
    name = "minepivot",
    version,
    about = "Keep mining, lease as AI colocation, or run a GPU cloud?"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Print the embedded default scenario as JSON (a starting point to edit).
    Scenario,
    /// Evaluate a scenario file and print the report.
    Evaluate {
        /// Scenario JSON file, or - for standard input.
        file: String,
        /// json: the whole report; table: the comparison a person reads; csv: yearly cash flows.
        #[arg(long, value_enum, default_value_t = Format::Json)]
        format: Format,
    },
    /// Check a scenario file and list every problem with its field path.
    Validate {
        /// Scenario JSON file, or - for standard input.
        file: String,
    },
    /// Monte Carlo over the market (BTC price, hashrate, GPU rent, fees, power price) and the
    /// project (build cost and delay, occupancy, renewal rent, tenant default, GPU
    /// utilisation): NPV percentiles per pathway, and the equity's when a pathway borrows.
    Risk {
        /// Scenario JSON file, or - for standard input.
        file: String,
        /// Risk options as a JSON file (the same object `risk(scenario, options)` takes in
        /// JavaScript; `minepivot fields` lists them); what is left out takes its default.
        #[arg(long)]
        options: Option<String>,
        /// Number of simulated paths (100–100,000); overrides the options file.
        #[arg(long)]
        paths: Option<u32>,
        /// Seed of the random generator: the same seed gives the same answer; overrides the
        /// options file.
        #[arg(long)]
        seed: Option<u64>,
        /// Annual volatility of the BTC price, %; overrides the options file.
        #[arg(long, value_parser = finite)]
        btc_volatility_pct: Option<f64>,
        /// Also re-run each drawn factor alone (at most 2,000 paths) and print its share of
        /// each pathway's NPV variance.
        #[arg(long)]
        contributions: bool,
        /// json: the whole risk report; table: the percentiles a person reads.
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Evaluate many scenarios: one JSON document a line on standard input (NDJSON), one
    /// summary a line on standard output, in the same order (NPVs, IRRs, payback and the best
    /// pathway, or the line's errors with their field paths), on every core.
    Batch {
        /// Worker threads, 1–256 (default: one per core).
        #[arg(long, value_parser = clap::value_parser!(u64).range(1..=batch::MAX_THREADS))]
        threads: Option<u64>,
    },
    /// Read a curve from CSV (month,value rows) into a scenario, or print its points as JSON.
    Curve {
        /// Which curve: btc-price, hashprice or network-hashrate.
        #[arg(value_enum)]
        which: CurveKind,
        /// CSV file: one "YYYY-MM,value" row a point (a header row and dates YYYY-MM-DD allowed).
        csv: String,
        /// Scenario JSON file to put the curve into; the scenario is printed (pipe it to
        /// `minepivot evaluate -`). Without it, the points are printed.
        #[arg(long)]
        scenario: Option<String>,
    },
    /// Read a year of hourly power prices (an ISO's CSV: timestamp with offset, …, price) and
    /// print its duration curve: percentiles, monthly means, and the hours below a price.
    Profile {
        /// CSV file, or - for standard input.
        csv: String,
        /// Also print, month by month, the hours priced below this USD/MWh and their average.
        #[arg(long)]
        below: Option<f64>,
        /// Scenario JSON file to put the year into (hourly pricing on the imported profile);
        /// the scenario is printed (pipe it to `minepivot evaluate -`).
        #[arg(long)]
        scenario: Option<String>,
    },
    /// Print the presets (ASICs, GPU systems, cooling, sample sites, cost library, sources) as JSON.
    Presets,
    /// Print the field registry: every input and risk option with its label, unit, range and source.
    Fields,
}

#[derive(Clone, Copy, ValueEnum)]
enum CurveKind {
    BtcPrice,
    Hashprice,
    NetworkHashrate,
}

impl CurveKind {
    fn path(self) -> &'static str {
        match self {
            CurveKind::BtcPrice => "bitcoin.btcPriceCurve",
            CurveKind::Hashprice => "bitcoin.hashpriceCurve",
            CurveKind::NetworkHashrate => "bitcoin.networkHashrateCurve",
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Json,
    Table,
    Csv,
}

/// `minepivot profile`: a year of hourly prices summarised as a person reads a duration curve.
fn profile(csv: &str, below: Option<f64>) -> ExitCode {
    let text = match load_profile(csv) {
        Ok(text) => text,
        Err(code) => return code,
    };
    let p = match minepivot::profile::from_csv("profile", &text) {
        Ok(p) => p,
        Err(errors) => return invalid_as(csv, "hourly price profile", &errors),
    };
    let mut sorted = p.hourly.clone();
    sorted.sort_unstable_by(f64::total_cmp);
    let at = |q: f64| sorted[((sorted.len() - 1) as f64 * q).round() as usize];
    let mut out = format!(
        "{}: {} hours, mean ${:.2}/MWh; negative in {} hours\n",
        p.year,
        sorted.len(),
        p.mean(),
        sorted.iter().filter(|&&x| x < 0.0).count()
    );
    out.push_str("duration curve (share of hours at or below):\n");
    for (label, q) in [
        ("min", 0.0),
        ("10 %", 0.1),
        ("50 %", 0.5),
        ("90 %", 0.9),
        ("95 %", 0.95),
        ("99 %", 0.99),
        ("max", 1.0),
    ] {
        out.push_str(&format!("  {label:>4}  ${:>10.2}\n", at(q)));
    }
    out.push_str("month    hours      mean");
    if let Some(b) = below {
        out.push_str(&format!("   below ${b:.2}: hours, mean"));
    }
    out.push('\n');
    for (i, m) in p.months.iter().enumerate() {
        out.push_str(&format!("{:>5} {:>8} {:>9.2}", i + 1, m.hours(), m.mean()));
        if let Some(b) = below {
            let (n, sum) = m.below(b);
            let mean = if n > 0 {
                format!("{:.2}", sum / n as f64)
            } else {
                "–".to_string()
            };
            out.push_str(&format!("   {n:>6} {mean:>9}"));
        }
        out.push('\n');
    }
    emit(&printable(&out))
}

/// A year of hourly prices: the limit the package's `profileFromCsv` has (a year from an ISO
/// with a few columns more than timestamp and price is over 1 MB).
fn load_profile(csv: &str) -> Result<String, ExitCode> {
    load_at_most(
        csv,
        minepivot::profile::MAX_PROFILE_CSV_BYTES,
        "a year of hourly prices is about 0.3–1.5 MB",
    )
}

/// `minepivot profile CSV --scenario FILE`: the scenario, priced on the year of the CSV.
fn profile_into(csv: &str, file: &str) -> ExitCode {
    let text = match load_profile(csv) {
        Ok(text) => text,
        Err(code) => return code,
    };
    let name = std::path::Path::new(csv)
        .file_name()
        .map_or_else(|| csv.to_string(), |n| n.to_string_lossy().into_owned());
    let year = match minepivot::profile::import(&name, &text) {
        Ok(year) => year,
        Err(errors) => return invalid_as(csv, "hourly price profile", &errors),
    };
    with_scenario(file, |s| {
        s.power.pricing = minepivot::scenario::PowerPricing::Hourly;
        s.power.profile = minepivot::scenario::PriceProfile::Imported;
        s.power.imported_profile = year.hours.into();
        s.power.imported_profile_name = format!("{} ({})", year.name, year.year);
    })
}

/// Reads the scenario in `file`, changes it with `change`, and prints it if it is still valid
/// (ready for `minepivot evaluate -`); the problems, naming `file`, if not.
fn with_scenario(file: &str, change: impl FnOnce(&mut minepivot::Scenario)) -> ExitCode {
    let text = match load(file) {
        Ok(text) => text,
        Err(code) => return code,
    };
    match parse::scenario_from_json(&text) {
        Err(errors) => invalid(file, &errors),
        Ok(valid) => {
            let mut s = valid.into_inner();
            change(&mut s);
            match minepivot::validate::check(s) {
                Ok(s) => print_json(&*s),
                Err(errors) => invalid(file, &errors),
            }
        }
    }
}

/// `minepivot curve`: the points of a CSV, or a scenario with them.
fn curve(which: CurveKind, csv: &str, scenario: Option<&str>) -> ExitCode {
    let text = match load(csv) {
        Ok(text) => text,
        Err(code) => return code,
    };
    let points = match minepivot::curve::from_csv(which.path(), &text) {
        Ok(points) => points,
        Err(errors) => return invalid_as(csv, "curve", &errors),
    };
    let Some(file) = scenario else {
        return print_json(&points);
    };
    with_scenario(file, |s| match which {
        CurveKind::BtcPrice => s.bitcoin.btc_price_curve = points,
        CurveKind::Hashprice => s.bitcoin.hashprice_curve = points,
        CurveKind::NetworkHashrate => s.bitcoin.network_hashrate_curve = points,
    })
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Scenario => print_json(&minepivot::Scenario::default()),
        // ok: at most MAX_THREADS (clap's range), which fits any usize.
        Command::Batch { threads } => batch::run(threads.map(|n| n as usize)),
        Command::Presets => print_json(&minepivot::catalogue::presets()),
        Command::Fields => print_json(&minepivot::catalogue::fields()),
        Command::Curve { which, csv, scenario } => curve(which, &csv, scenario.as_deref()),
        Command::Profile { csv, below, scenario } => match scenario {
            Some(file) => profile_into(&csv, &file),
            None => profile(&csv, below),
        },
        Command::Validate { file } => match load(&file) {
            Err(code) => code,
            Ok(text) => match parse::scenario_from_json(&text) {
                Ok(_) => emit(&format!(
                    "valid: {} is a complete, consistent scenario\n",
                    printable(&file)
                )),
                Err(errors) => invalid(&file, &errors),
            },
        },
        Command::Risk {
            file,
            options,
            paths,
            seed,
            btc_volatility_pct,
            contributions,
            format,
        } => {
            match load(&file) {
                Err(code) => code,
                Ok(text) => {
                    // The options file as JavaScript sends it, then the flags over it.
                    let mut document = match options.as_deref().map(load) {
                        None => serde_json::Map::new(),
                        Some(Err(code)) => return code,
                        // Read as strictly as a scenario: a duplicate key or a number out of
                        // range is named, not taken for something else.
                        Some(Ok(text)) => match parse::strict_json(&text) {
                            Ok(serde_json::Value::Object(map)) => map,
                            Ok(_) => {
                                eprintln!("minepivot: {}: the risk options must be a JSON object such as {{\"paths\": 10000}}", printable(options.as_deref().unwrap_or_default()));
                                return ExitCode::from(2);
                            }
                            Err(errors) => {
                                return invalid_as(
                                    options.as_deref().unwrap_or_default(),
                                    "set of risk options",
                                    &errors,
                                )
                            }
                        },
                    };
                    for (key, value) in [
                        ("paths", paths.map(serde_json::Value::from)),
                        ("seed", seed.map(serde_json::Value::from)),
                        ("btcVolatilityPct", btc_volatility_pct.map(serde_json::Value::from)),
                    ] {
                        if let Some(value) = value {
                            document.insert(key.to_string(), value);
                        }
                    }
                    let options = match risk::options_from_value(serde_json::Value::Object(document)) {
                        Ok(options) => options,
                        Err(errors) => {
                            let source = options.as_deref().map_or_else(
                                || "the flags".to_string(),
                                |f| format!("{} with the flags", printable(f)),
                            );
                            eprintln!(
                                "minepivot: the risk options ({source}) are not valid ({} problem(s)):",
                                errors.len()
                            );
                            for e in &errors {
                                eprintln!("  {}", printable(&e.to_string()));
                            }
                            return ExitCode::from(2);
                        }
                    };
                    let answer = parse::scenario_from_json(&text).and_then(|s| {
                        let report = risk::risk(&s, &options).and_then(|r| minepivot::checked(r, &s))?;
                        let parts = if contributions {
                            Some(risk::contributions(&s, &options).and_then(|c| minepivot::checked(c, &s))?)
                        } else {
                            None
                        };
                        Ok((report, parts))
                    });
                    match answer {
                        Err(errors) => invalid(&file, &errors),
                        Ok((report, None)) => match format {
                            Format::Json => print_json(&report),
                            Format::Table | Format::Csv => emit(&printable(&risk_table(&report))),
                        },
                        Ok((report, Some(parts))) => match format {
                            Format::Json => print_json(&serde_json::json!({ "risk": report, "contributions": parts })),
                            Format::Table | Format::Csv => {
                                emit(&printable(&(risk_table(&report) + &contributions_table(&parts))))
                            }
                        },
                    }
                }
            }
        }
        Command::Evaluate { file, format } => match load(&file) {
            Err(code) => code,
            Ok(text) => match parse::scenario_from_json(&text) {
                Err(errors) => invalid(&file, &errors),
                Ok(scenario) => {
                    let report = match minepivot::report(&scenario) {
                        Ok(report) => report,
                        Err(errors) => return invalid(&file, &errors),
                    };
                    match format {
                        Format::Json => print_json(&report),
                        Format::Table => emit(&printable(&table(&report))),
                        Format::Csv => emit(&minepivot::csv::cash_flows(&scenario, &report)),
                    }
                }
            },
        },
    }
}

/// Reads a scenario (or a curve's or the risk options' file): at most the document limit and
/// one byte more, so that /dev/zero or a 5 GB file is refused after 1 MB, not read whole first.
fn load(file: &str) -> Result<String, ExitCode> {
    load_at_most(file, parse::MAX_DOCUMENT_BYTES, "a scenario is a few KB")
}

/// [`load`] with another limit (a year of hourly prices as an ISO writes it is larger), and
/// what a file of that kind usually weighs, for the message.
fn load_at_most(file: &str, most: usize, usual: &str) -> Result<String, ExitCode> {
    let limit = most as u64 + 1;
    let mut bytes = Vec::new();
    let result = if file == "-" {
        std::io::stdin().take(limit).read_to_end(&mut bytes)
    } else {
        std::fs::File::open(file).and_then(|f| f.take(limit).read_to_end(&mut bytes))
    };
    let shown = printable(file);
    if let Err(e) = result {
        eprintln!("minepivot: cannot read {shown}: {e}");
        return Err(ExitCode::from(1));
    }
    if bytes.len() > most {
        eprintln!(
            "minepivot: {shown} is larger than {} bytes; {usual}",
            minepivot::format::grouped(most as f64)
        );
        return Err(ExitCode::from(2));
    }
    String::from_utf8(bytes).map_err(|_| {
        eprintln!("minepivot: {shown} is not UTF-8 text");
        ExitCode::from(2)
    })
}

fn invalid(file: &str, errors: &[ValidationError]) -> ExitCode {
    invalid_as(file, "scenario", errors)
}

/// `file` is not a valid `what` (a scenario, a curve): every problem, exit code 2.
fn invalid_as(file: &str, what: &str, errors: &[ValidationError]) -> ExitCode {
    eprintln!(
        "minepivot: {} is not a valid {what} ({} problem(s)):",
        printable(file),
        errors.len()
    );
    for e in errors {
        eprintln!("  {}", printable(&e.to_string()));
    }
    ExitCode::from(2)
}

fn print_json<T: serde::Serialize>(value: &T) -> ExitCode {
    match serde_json::to_string_pretty(value) {
        Ok(text) => emit(&(text + "\n")),
        Err(e) => {
            eprintln!("minepivot: cannot write JSON: {e}");
            ExitCode::from(1)
        }
    }
}

/// Writes `text` to standard output. A reader that has gone (`minepivot … | head`) ends the
/// command quietly, as `batch` does; any other failure is reported (exit status 1).
fn emit(text: &str) -> ExitCode {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("minepivot: cannot write standard output: {e}");
            ExitCode::from(1)
        }
    }
}

/// A command-line number that is finite (`NaN`, `inf` or `1e400` would otherwise reach the
/// options as JSON null, which means "the default").
fn finite(text: &str) -> Result<f64, String> {
    match text.trim().parse::<f64>() {
        Ok(x) if x.is_finite() => Ok(x),
        Ok(_) => Err("must be a finite number".to_string()),
        Err(e) => Err(e.to_string()),
    }
}

fn opt<T>(value: Option<T>, show: impl Fn(T) -> String) -> String {
    value.map_or_else(|| "n/a".to_string(), show)
}

/// The power block of the table: the profile, what each pathway pays per MWh, and where each
/// ASIC line's break-even falls on the first year's duration curve.
fn power_table(r: &Report) -> String {
    let p = &r.power;
    let mut out = format!(
        "\nPower: {}; first year averages ${:.2}/MWh, highest hour ${:.2}\n",
        p.profile_label, p.average_usd_per_mwh, p.highest_usd_per_mwh
    );
    let paid: Vec<String> = r
        .pathways
        .iter()
        .map(|x| match x.effective_power_usd_per_mwh {
            Some(v) => format!("{} ${v:.2}", x.label),
            None => format!("{} — (the tenant pays)", x.label),
        })
        .collect();
    out.push_str(&format!("  effective $/MWh over the horizon: {}\n", paid.join("; ")));
    for l in &p.lines {
        out.push_str(&format!(
            "  {} ({} J/TH): runs below ${:.2}/MWh, {:.1} % of the first year's hours\n",
            l.model, l.efficiency_j_per_th, l.break_even_usd_per_mwh, l.hours_run_pct
        ));
    }
    if let Some(y) = r.pathways.first().and_then(|m| m.years.first()) {
        out.push_str(&format!(
            "  mining, year 1: {:.0} full-load hours, {:.0} MWh; sold back {}, demand response {}, transmission avoided {}\n",
            y.mining_hours_run,
            y.energy_mwh,
            money(y.sell_back_usd),
            money(y.demand_response_usd),
            money(y.avoided_charges_usd)
        ));
    }
    out
}

fn table(r: &Report) -> String {
    let mut out = String::new();
    out.push_str(&format!(
        "{} — {} months from {}\n\n",
        r.scenario_name, r.horizon_months, r.start_month
    ));
    let converted = if r.site.converted_grid_mw > 0.0 {
        format!(
            "converted {:.1} MW → {:.1} MW critical IT, {} racks, {} GPUs; AI from {}",
            r.site.converted_grid_mw, r.site.it_capacity_mw, r.site.racks, r.site.gpus, r.site.commissioning_label
        )
    } else {
        "nothing converted (0 %): the AI pathways are the mining pathway".to_string()
    };
    out.push_str(&format!(
        "Site: {:.0} MW grid; fleet {:.0} PH/s on {:.1} MW; {converted}\n\n",
        r.site.grid_capacity_mw, r.site.fleet_ph, r.site.fleet_facility_mw,
    ));
    out.push_str(&format!(
        "{:<22} {:>12} {:>9} {:>9} {:>10} {:>12} {:>12} {:>14}\n",
        "pathway", "NPV", "IRR", "MIRR", "payback", "capex", "build/MW IT", "vs mining"
    ));
    for p in &r.pathways {
        out.push_str(&row(p));
    }
    for p in &r.pathways {
        if let Some(note) = &p.irr_note {
            out.push_str(&format!("  IRR of {}: {note}\n", p.label));
        }
    }
    out.push_str(&format!("  vs mining: {}\n", r.comparison.basis_label));
    out.push_str(&format!(
        "\n{:<22} {:>12} {:>12} {:>12}\n",
        "value at the horizon", "value", "NPV with it", "IRR with it"
    ));
    for p in &r.pathways {
        out.push_str(&format!(
            "{:<22} {:>12} {:>12} {:>12}\n",
            p.label,
            money(p.terminal_value_usd),
            money(p.npv_with_terminal_value_usd),
            opt(p.irr_with_terminal_value_pct, |v| format!("{v:.1}%")),
        ));
    }
    if r.pathways.iter().any(|p| p.financing.is_some()) {
        out.push_str(&format!(
            "\n{:<22} {:>12} {:>8} {:>12} {:>11} {:>9} {:>9}\n",
            "project debt", "loan", "LTC", "equity NPV", "equity IRR", "min DSCR", "avg DSCR"
        ));
        for p in &r.pathways {
            let Some(f) = &p.financing else { continue };
            out.push_str(&format!(
                "{:<22} {:>12} {:>7.1}% {:>12} {:>11} {:>9} {:>9}\n",
                p.label,
                money(f.loan_usd),
                f.loan_to_cost_pct,
                money(f.equity_npv_usd),
                opt(f.equity_irr_pct, |v| format!("{v:.1}%")),
                opt(f.min_dscr, |v| format!("{v:.2}×")),
                opt(f.avg_dscr, |v| format!("{v:.2}×")),
            ));
            if let Some(note) = &f.equity_irr_note {
                out.push_str(&format!("  equity IRR of {}: {note}\n", p.label));
            }
        }
    }
    out.push('\n');
    out.push_str(&r.comparison.verdict);
    out.push('\n');
    out.push_str(&market_line(&r.market_data));
    let b = &r.comparison.break_evens;
    out.push_str(&format!(
        "\nBreak-evens: BTC price {}; lease {}/kW-month; GPU rent {}/GPU-hour; power {}; price spikes {}\n",
        opt(b.btc_price_usd.zip(b.btc_price_multiple), |(usd, k)| format!(
            "${usd:.0} ({k:.2}× the path)"
        )),
        opt(b.lease_usd_per_kw_month, |v| format!("${v:.1}")),
        opt(b.gpu_rent_usd_per_gpu_hour, |v| format!("${v:.2}")),
        opt(b.power_price_usd_per_mwh, |v| format!("${v:.2}/MWh")),
        opt(b.price_shape_pct, |v| format!("{v:.0} % of the profile's spread")),
    ));
    for note in &b.notes {
        out.push_str(&format!("  note: {note}\n"));
    }
    out.push_str(&power_table(r));
    if r.site.converted_grid_mw > 0.0 {
        out.push_str(&format!(
            "\nRetrofit capex: {} ({} per MW IT); greenfield would be {} and {} months longer\n",
            money(r.capex.total_usd),
            opt(r.capex.per_it_mw_usd, money),
            money(r.capex.greenfield.total_usd),
            r.capex.greenfield.months_saved
        ));
        out.push_str(&accuracy_lines(&r.capex.accuracy));
    } else {
        out.push_str("\nRetrofit capex: $0 (nothing converted)\n");
    }
    for c in &r.capex.categories {
        out.push_str(&format!("  {:<28} {:>12}\n", c.category, money(c.total_usd)));
    }
    if !r.sensitivity.bars.is_empty() {
        out.push_str(&format!(
            "\nSensitivity of {} − mining NPV to ±{}%:\n",
            r.sensitivity.pathway.label(),
            r.sensitivity.pct
        ));
        for bar in r.sensitivity.bars.iter().take(8) {
            out.push_str(&format!(
                "  {:<34} {:>12} {:>12}\n",
                bar.label,
                money(bar.low_delta_usd),
                money(bar.high_delta_usd)
            ));
        }
    }
    if !r.warnings.is_empty() {
        out.push_str("\nWarnings:\n");
        for w in &r.warnings {
            out.push_str(&format!("  - {}\n", w.message));
        }
    }
    out
}

/// "Market data as of May 2026: BTC price, network hashrate (May 2026); … Your own values: …"
fn market_line(m: &MarketData) -> String {
    // The defaults' inputs grouped by the month of their figure, in the order given.
    let mut months: Vec<(&str, Vec<&str>)> = Vec::new();
    for input in m.inputs.iter().filter(|i| !i.yours) {
        match months.iter_mut().find(|(month, _)| *month == input.as_of_label) {
            Some((_, labels)) => labels.push(&input.label),
            None => months.push((&input.as_of_label, vec![&input.label])),
        }
    }
    let dated: Vec<String> = months
        .iter()
        .map(|(month, labels)| format!("{} ({month})", labels.join(", ")))
        .collect();
    let yours: Vec<&str> = m.inputs.iter().filter(|i| i.yours).map(|i| i.label.as_str()).collect();
    let mut line = format!("Market data as of {}", m.as_of_label);
    if !dated.is_empty() {
        line.push_str(&format!(": the defaults' {}", dated.join("; ")));
    }
    if !yours.is_empty() {
        line.push_str(&format!(". Your own values: {}", yours.join(", ")));
    }
    line.push_str(". Change them in the scenario.\n");
    line
}

/// A percentage with its sign, a minus written as one: "−20", "+30".
fn signed(pct: f64) -> String {
    format!("{pct:+}").replace('-', "−")
}

/// The capex's accuracy band: its class, its range and the two AI pathways' builds.
fn accuracy_lines(a: &CapexAccuracy) -> String {
    let mut out = format!(
        "  Estimate accuracy: {} ({}), {} % to {} %: {} to {}\n",
        a.estimate_class,
        a.class_label,
        signed(a.low_pct),
        signed(a.high_pct),
        money(a.low_usd),
        money(a.high_usd)
    );
    for p in &a.pathways {
        out.push_str(&format!(
            "    {} builds {}: {} to {}\n",
            p.pathway.label(),
            money(p.total_usd),
            money(p.low_usd),
            money(p.high_usd)
        ));
    }
    out.push_str(&format!("    source: {} <{}>\n", a.source, a.url));
    out
}

fn risk_table(r: &RiskReport) -> String {
    let o = &r.options;
    let mut out = format!(
        "Monte Carlo: {} paths, seed {}\n\n",
        minepivot::format::grouped(f64::from(o.paths)),
        o.seed
    );
    out.push_str(&format!(
        "{:<22} {:>12} {:>12} {:>12} {:>12} {:>14} {:>10}\n",
        "pathway", "P10 NPV", "P50 NPV", "P90 NPV", "base NPV", "beats mining", "loss"
    ));
    for p in &r.pathways {
        out.push_str(&risk_row(
            &p.label,
            [p.p10_npv_usd, p.p50_npv_usd, p.p90_npv_usd, p.deterministic_npv_usd],
            p.probability_beats_mining_pct,
            p.probability_of_loss_pct,
        ));
    }
    if let Some(e) = &r.equity {
        out.push_str(&format!(
            "\nEquity NPV at {}% ({} paths through the whole model)\n",
            e.cost_of_equity_pct,
            minepivot::format::grouped(f64::from(e.paths))
        ));
        for p in &e.pathways {
            out.push_str(&risk_row(
                &p.label,
                [p.p10_npv_usd, p.p50_npv_usd, p.p90_npv_usd, p.deterministic_npv_usd],
                p.probability_beats_mining_pct,
                p.probability_of_loss_pct,
            ));
        }
    }
    for note in &r.notes {
        out.push_str(&format!("\nnote: {note}"));
    }
    out.push('\n');
    out
}

/// One pathway's line of the risk table: P10, P50, P90 and the single path's NPV, the chance
/// of beating mining and of a loss.
fn risk_row(label: &str, npvs: [f64; 4], beats: Option<f64>, loss: f64) -> String {
    format!(
        "{:<22} {:>12} {:>12} {:>12} {:>12} {:>14} {:>10}\n",
        label,
        money(npvs[0]),
        money(npvs[1]),
        money(npvs[2]),
        money(npvs[3]),
        opt(beats, |v| format!("{v:.1}%")),
        format!("{loss:.1}%")
    )
}

fn contributions_table(c: &risk::Contributions) -> String {
    let mut out = format!(
        "\nEach factor alone ({} paths each): NPV standard deviation and share of the factors' variance\n",
        minepivot::format::grouped(f64::from(c.paths))
    );
    out.push_str(&format!(
        "{:<44} {:>18} {:>18} {:>18}\n",
        "factor", "mining", "colocation", "GPU cloud"
    ));
    for f in &c.factors {
        let cell = |k: usize| format!("{} ({:.0}%)", money(f.std_dev_npv_usd[k]), f.share_of_variance_pct[k]);
        out.push_str(&format!(
            "{:<44} {:>18} {:>18} {:>18}\n",
            f.label,
            cell(0),
            cell(1),
            cell(2)
        ));
    }
    out.push_str(&format!(
        "{:<44} {:>18} {:>18} {:>18}\n",
        "all together",
        money(c.all_std_dev_npv_usd[0]),
        money(c.all_std_dev_npv_usd[1]),
        money(c.all_std_dev_npv_usd[2])
    ));
    out
}

fn row(p: &PathwayReport) -> String {
    format!(
        "{:<22} {:>12} {:>9} {:>9} {:>10} {:>12} {:>12} {:>14}\n",
        p.label,
        money(p.npv_usd),
        opt(p.irr_pct, |v| format!("{v:.1}%")),
        opt(p.mirr_pct, |v| format!("{v:.1}%")),
        opt(p.payback_months, |v| format!("{v} mo")),
        money(p.total_capex_usd),
        opt(p.capex_per_it_mw_usd, money),
        money(p.pivot_value_usd)
    )
}
