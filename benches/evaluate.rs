//! Native benchmarks (issue 8): `cargo bench --bench evaluate`, or `bash scripts/bench.sh`
//! for these and the wasm figures together. Figures and targets are in BENCHMARKS.md.
//!
//! - `evaluate/10y`, `evaluate/default_15y`: the full report, break-evens and tornado
//!   included, of the default scenario cut to 10 years (the target's definition: ≤ 2 ms) and
//!   as shipped (15 years, the default lease term);
//! - `evaluate/curve_180_points_15y`: the default with a 180-point BTC price curve, under the
//!   economic network model (≤ 2 ms);
//! - `pathway_npvs/*`: the three NPVs alone, the unit the analysis repeats;
//! - `risk/fast_10k_paths_*`: the Monte Carlo with 10,000 paths (target ≤ 50 ms);
//! - `risk/full_model_1k_paths_default_15y`: 1,000 paths through the whole model, the method used when
//!   tax is enabled (for the record; no target);
//! - `parse/*`: documents of ~1 MB, the largest accepted (target: any answered in under 1 s):
//!   10,500 valid fleet lines and 3,500 with a wrong type; 40,000 unknown keys.
//!
//! criterion is a native-only dev-dependency, so on wasm32 (where `cargo clippy --target
//! wasm32-unknown-unknown --all-targets` still compiles this file) the bench is an empty main.

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::hint::black_box;
    use std::time::Duration;

    use criterion::{criterion_group, Criterion};
    use minepivot::analysis::risk::{risk, risk_using, RiskMethod, RiskOptions};
    use minepivot::engine::pathway_npvs;
    use minepivot::Scenario;

    /// The default scenario cut to 10 years (the targets' definition), and as shipped.
    fn scenarios() -> [(&'static str, Scenario); 2] {
        let ten = Scenario {
            horizon_years: 10,
            ..Scenario::default()
        };
        [("10y", ten), ("default_15y", Scenario::default())]
    }

    /// The default (whose AI pathways borrow) built in three phases and compared on equity
    /// flows, with the value at the horizon and tax: every one of the ~50 re-runs of the
    /// analysis schedules both loans over three phases (issue 15's speed target).
    fn deal() -> Scenario {
        use minepivot::scenario::Phase;
        let mut s = Scenario::default();
        s.retrofit.phases = vec![
            Phase::new(40.0, 0, 12, 6),
            Phase::new(30.0, 6, 12, 6),
            Phase::new(30.0, 12, 12, 6),
        ];
        s.finance.verdict_basis = minepivot::scenario::Basis::Equity;
        s.finance.include_terminal_value = true;
        s.finance.tax_enabled = true;
        s
    }

    fn evaluate(c: &mut Criterion) {
        for (name, s) in scenarios() {
            c.bench_function(&format!("evaluate/{name}"), |b| {
                b.iter(|| minepivot::evaluate(black_box(&s)))
            });
            c.bench_function(&format!("pathway_npvs/{name}"), |b| {
                b.iter(|| pathway_npvs(black_box(&s)))
            });
        }
        let s = deal();
        c.bench_function("evaluate/three_phases_equity_tax_terminal_15y", |b| {
            b.iter(|| minepivot::evaluate(black_box(&s)))
        });
        let s = curved();
        c.bench_function("evaluate/curve_180_points_15y", |b| {
            b.iter(|| minepivot::evaluate(black_box(&s)))
        });
        // Issue 18's target: the full report with an imported 8,760-hour profile over 15 years
        // (the default's built-in 2024 year is `evaluate/default_15y`); and the flat model.
        let s = imported();
        c.bench_function("evaluate/imported_8760_hours_15y", |b| {
            b.iter(|| minepivot::evaluate(black_box(&s)))
        });
        let s = Scenario {
            power: minepivot::scenario::Power::flat(),
            ..Scenario::default()
        };
        c.bench_function("evaluate/flat_power_15y", |b| {
            b.iter(|| minepivot::evaluate(black_box(&s)))
        });
    }

    /// The default with an imported year: 8,760 hours of a sawtooth with a daily shape.
    pub fn imported() -> Scenario {
        let mut s = Scenario::default();
        s.power.profile = minepivot::scenario::PriceProfile::Imported;
        s.power.imported_profile = (0..8_760)
            .map(|h| 20.0 + 30.0 * ((h % 24) as f64 / 24.0 * std::f64::consts::TAU).sin().max(0.0) + (h % 97) as f64)
            .collect::<Vec<f64>>()
            .into();
        s
    }

    /// The default (the economic network model) with a BTC price curve of 180 monthly points:
    /// every re-run of the analysis projects the network again (issue 17's speed target).
    fn curved() -> Scenario {
        use minepivot::calendar::YearMonth;
        use minepivot::scenario::CurvePoint;
        let mut s = Scenario::default();
        let start = YearMonth::parse(&s.start_month).expect("the default start month");
        s.bitcoin.btc_price_curve = (0..180)
            .map(|m| {
                let value = 78_000.0 * (1.0 + 0.3 * (f64::from(m) / 9.0).sin()) * 1.012f64.powi(m as i32);
                CurvePoint::new(&start.plus(m).label(), value)
            })
            .collect();
        s
    }

    fn monte_carlo(c: &mut Criterion) {
        let mut group = c.benchmark_group("risk");
        // Each iteration takes tens of milliseconds: fewer samples keep the run short on 2 cores.
        group.sample_size(20).measurement_time(Duration::from_secs(6));
        let o = RiskOptions::default();
        for (name, s) in scenarios() {
            group.bench_function(format!("fast_10k_paths_{name}"), |b| {
                b.iter(|| risk(black_box(&s), black_box(&o)))
            });
        }
        let s = imported();
        group.bench_function("fast_10k_paths_imported_8760_hours_15y", |b| {
            b.iter(|| risk(black_box(&s), black_box(&o)))
        });
        let s = Scenario {
            power: minepivot::scenario::Power::flat(),
            ..Scenario::default()
        };
        group.bench_function("fast_10k_paths_flat_power_15y", |b| {
            b.iter(|| risk(black_box(&s), black_box(&o)))
        });
        let s = Scenario::default();
        // Every factor drawn (jumps and correlations on), without the equity's paths: the
        // Monte Carlo's own cost (target ≤ 50 ms).
        let every = RiskOptions {
            btc_jumps_per_year: 1.0,
            equity_paths: 0,
            ..RiskOptions::default()
        };
        group.bench_function("fast_10k_paths_every_factor_no_equity_15y", |b| {
            b.iter(|| risk(black_box(&s), black_box(&every)))
        });
        let o = RiskOptions {
            paths: 1_000,
            equity_paths: 0,
            ..RiskOptions::default()
        };
        group.bench_function("full_model_1k_paths_default_15y", |b| {
            b.iter(|| risk_using(black_box(&s), black_box(&o), RiskMethod::FullModel))
        });
        group.bench_function("contributions_default", |b| {
            b.iter(|| minepivot::analysis::risk::contributions(black_box(&s), black_box(&RiskOptions::default())))
        });
        group.finish();
        let mut group = c.benchmark_group("decision_map");
        group.sample_size(20).measurement_time(Duration::from_secs(6));
        let map = minepivot::analysis::decision_map::MapOptions::default();
        group.bench_function("default_25x25", |b| {
            b.iter(|| minepivot::analysis::decision_map::decision_map(black_box(&s), black_box(&map)))
        });
        group.finish();
    }

    /// ~1 MB documents: the fleet of issue 14's reproduction (it took 54 s when every type
    /// error was found by a new deserialisation pass), and a document of unknown keys.
    pub fn big_documents() -> [(&'static str, String); 2] {
        let good = r#"{"model":"S21","units":1,"hashrateThs":200,"efficiencyJPerTh":17.5}"#;
        let bad = r#"{"model":"S21","units":"x","hashrateThs":200,"efficiencyJPerTh":17.5}"#;
        let lines: Vec<&str> = (0..14_000).map(|i| if i % 4 == 3 { bad } else { good }).collect();
        let fleet = format!(r#"{{"mining": {{"fleet": [{}]}}}}"#, lines.join(","));
        let keys: Vec<String> = (0..40_000).map(|i| format!(r#""unknownKey{i:05}": 1"#)).collect();
        let junk = format!("{{{}}}", keys.join(","));
        [("fleet_14k_lines", fleet), ("unknown_keys_40k", junk)]
    }

    fn parse(c: &mut Criterion) {
        let mut group = c.benchmark_group("parse");
        group.sample_size(20);
        for (name, text) in big_documents() {
            assert!(
                text.len() <= minepivot::parse::MAX_DOCUMENT_BYTES,
                "{name}: {}",
                text.len()
            );
            group.bench_function(name, |b| {
                b.iter(|| minepivot::parse::scenario_from_json(black_box(&text)))
            });
        }
        group.finish();
    }

    criterion_group!(benches, evaluate, monte_carlo, parse);
}

#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_main!(native::benches);

#[cfg(target_arch = "wasm32")]
fn main() {}
