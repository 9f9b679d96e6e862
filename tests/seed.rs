//! The real article gazette was born from, checked against its hand-made gold annotation.
//!
//! The article lives in `../shared/data/seed/`, beside the checkout in CI but not on a user's
//! machine; without it this test says so and passes without checking anything.

use std::path::PathBuf;

use gazette::{Document, Pipeline};
use serde_json::Value;

fn seed_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data/seed")
}

#[test]
fn every_gold_state_is_found_with_its_code() {
    let text_path = seed_dir().join("israel-albania-cyber.txt");
    let gold_path = seed_dir().join("israel-albania-cyber.gold.json");
    if !text_path.exists() || !gold_path.exists() {
        eprintln!("note: {} is absent; seed check skipped", text_path.display());
        return;
    }
    let doc = Document::read(&text_path, gazette::Utf8Policy::Strict).expect("the seed article is UTF-8");
    let gold: Value = serde_json::from_str(&std::fs::read_to_string(&gold_path).unwrap()).unwrap();
    let pipeline = Pipeline::with_default_gazetteers().unwrap();
    let record = pipeline.extract(&doc, &Default::default());

    let gold_states: Vec<(&str, &str)> = gold["entities"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["type"] == "state")
        .map(|e| (e["name"].as_str().unwrap(), e["country"].as_str().unwrap()))
        .collect();
    assert!(gold_states.len() >= 4, "the gold file names at least four states");
    for (name, code) in gold_states {
        let found = record
            .entities
            .iter()
            .find(|e| e.kind == "state" && e.country.as_deref() == Some(code));
        let found = found.unwrap_or_else(|| panic!("gold state {name} ({code}) not found"));
        assert_eq!(found.code.as_deref(), Some(code), "{name}");
    }
}
