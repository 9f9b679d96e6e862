//! The project's own golden fixtures (`fixtures/`), through the same library function as
//! `gazette check`, so that `cargo test` fails when extraction drifts.
//!
//! `GAZETTE_BLESS=1 cargo test --test golden` rewrites the snapshots instead of comparing them
//! (never in CI); review the `.json` diff before committing it. `docs/check.md` has the rest.

use std::path::Path;

use gazette::check::{CheckOptions, Status, check_paths};

#[test]
fn every_fixture_matches_its_snapshot_and_expectations() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    if !fixtures.is_dir() {
        eprintln!("note: no fixtures/ folder, so there is nothing to check");
        return;
    }
    let bless = std::env::var_os("GAZETTE_BLESS").is_some_and(|value| value == "1");
    let report = check_paths(std::slice::from_ref(&fixtures), &CheckOptions::new().bless(bless));

    // An empty run would pass silently, which is how a renamed folder or a changed file
    // extension would go unnoticed.
    assert!(
        !report.fixtures.is_empty(),
        "{} has no NAME.txt fixtures; add one or remove the folder",
        fixtures.display()
    );
    for fixture in &report.fixtures {
        if fixture.blessed.is_some() {
            eprintln!("blessed {}", fixture.name);
        }
    }

    let mut failures = String::new();
    for fixture in report.fixtures.iter().filter(|f| f.status() != Status::Passed) {
        failures.push_str(&fixture.headline());
        failures.push('\n');
        failures.push_str(&fixture.details_text());
    }
    for err in &report.errors {
        failures.push_str(&format!("error: {err}\n"));
    }
    assert!(
        failures.is_empty(),
        "golden fixtures differ ({}):\n\n{failures}\n\
         If the new output is right, bless it: GAZETTE_BLESS=1 cargo test --test golden \
         (or gazette check --bless fixtures/), then review the .json diff.",
        report.summary()
    );
}
