//! The labelled corpus `scripts/gen-dedup-corpus.py` writes (syndicated copies of every fixture,
//! and different stories on the same subjects) grouped at the default threshold: no two
//! different stories together, and nearly every copy with its story. `cargo run --release
//! --example dedup_eval` prints the figures across thresholds.

use std::collections::HashMap;
use std::path::Path;

use gazette::dedup::{DEFAULT_THRESHOLD, Deduper, body_text};

#[test]
fn the_default_threshold_keeps_stories_apart_and_finds_copies() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/dedup/corpus.jsonl");
    let corpus = std::fs::read_to_string(&path).expect("the corpus is committed");
    let mut deduper = Deduper::new(DEFAULT_THRESHOLD);
    let mut docs = Vec::new();
    for (i, line) in corpus.lines().enumerate() {
        let doc: serde_json::Value = serde_json::from_str(line).expect("one JSON object per line");
        let text = doc["text"].as_str().expect("a text");
        let story = doc["story"].as_str().expect("a story label").to_owned();
        docs.push((story, deduper.assign(i, &body_text(text)).story));
    }
    assert!(docs.len() > 150, "{} documents", docs.len());

    let (mut right, mut wrong, mut missed) = (0, Vec::new(), 0);
    for (a, (story_a, found_a)) in docs.iter().enumerate() {
        for (story_b, found_b) in &docs[a + 1..] {
            match (story_a == story_b, found_a == found_b) {
                (true, true) => right += 1,
                (false, true) => wrong.push((story_a, story_b)),
                (true, false) => missed += 1,
                (false, false) => {}
            }
        }
    }
    assert!(wrong.is_empty(), "different stories grouped: {wrong:?}");
    let recall = f64::from(right) / f64::from(right + missed);
    assert!(recall >= 0.95, "pairwise recall {recall:.3} ({missed} pairs missed)");

    // Every story is found, and copies do not start stories of their own en masse.
    let labels: HashMap<&String, ()> = docs.iter().map(|(s, _)| (s, ())).collect();
    let found: HashMap<usize, ()> = docs.iter().map(|(_, f)| (*f, ())).collect();
    assert!(
        found.len() >= labels.len() && found.len() <= labels.len() + 5,
        "{} stories",
        found.len()
    );
}
