//! Benchmarks (issue 8).
fn main() {}
