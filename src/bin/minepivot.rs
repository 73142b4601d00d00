fn main() {
    println!(
        "{}",
        serde_json::to_string_pretty(&minepivot::Scenario::default()).unwrap_or_default()
    );
}
