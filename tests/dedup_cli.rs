//! The command-line contract of `gazette extract --dedup`: story fields on documents and
//! events, `repeat_of` pointing into the story's first document, the summary line on standard
//! error, the threshold option, and nothing new in the output without the flag.

mod common;

use std::path::Path;

use common::{json_lines, run};
use serde_json::Value;

const WIRE_A: &str = "fixtures/peru-expels-mexico-ambassador-wire-a.txt";
const WIRE_B: &str = "fixtures/peru-expels-mexico-ambassador-wire-b.txt";
const OTHER: &str = "fixtures/peru-expels-mexico-ambassador-other-outlet.txt";
const ALBANIA: &str = "fixtures/albania-cuts-ties-with-iran.txt";

fn fixture(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(name).display().to_string()
}

fn extract(extra: &[&str], files: &[&str]) -> (i32, Vec<Value>, String) {
    let paths: Vec<String> = files.iter().map(|f| fixture(f)).collect();
    let mut args = vec!["extract"];
    args.extend_from_slice(extra);
    args.extend(paths.iter().map(String::as_str));
    let (code, stdout, stderr) = run(&args, b"");
    (code, json_lines(&stdout), stderr)
}

#[test]
fn copies_share_a_story_and_point_to_the_first_document() {
    let (code, docs, stderr) = extract(&["--dedup"], &[WIRE_A, OTHER, ALBANIA, WIRE_B]);
    assert_eq!(code, 0, "{stderr}");
    let stories: Vec<&str> = docs.iter().map(|d| d["story"].as_str().unwrap()).collect();
    assert_eq!(stories, ["s1", "s2", "s3", "s1"]);
    assert_eq!(docs[0]["duplicate_of"], Value::Null);
    assert_eq!(docs[1]["duplicate_of"], Value::Null, "same topic, different story");
    assert_eq!(docs[3]["duplicate_of"], fixture(WIRE_A).as_str());
    assert!(
        stderr.contains("gazette: dedup: 4 documents, 3 stories, 1 duplicates"),
        "{stderr}"
    );
}

#[test]
fn events_of_a_copy_repeat_those_of_the_first_document() {
    let (code, docs, stderr) = extract(&["--dedup"], &[WIRE_A, WIRE_B]);
    assert_eq!(code, 0, "{stderr}");
    let first = &docs[0]["events"];
    for event in first.as_array().unwrap() {
        assert_eq!(event["story"], "s1");
        assert_eq!(event["repeat_of"], Value::Null, "the first document repeats nothing");
    }
    let copy = docs[1]["events"].as_array().unwrap();
    assert!(!copy.is_empty());
    for event in copy {
        assert_eq!(event["story"], "s1");
        let original = event["repeat_of"].as_str().expect("every event of wire-b is in wire-a");
        let original = first
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["id"] == original)
            .expect("repeat_of names an event of the first document");
        assert_eq!(original["cameo"], event["cameo"]);
        assert_eq!(original["zone"], event["zone"]);
    }
    // The first document's extra events (the paragraph the copy dropped) are counted once:
    // the events with a null repeat_of are exactly those of the first document.
    let counted = docs
        .iter()
        .flat_map(|d| d["events"].as_array().unwrap())
        .filter(|e| e["repeat_of"].is_null())
        .count();
    assert_eq!(counted, first.as_array().unwrap().len());
}

#[test]
fn the_threshold_decides_what_is_a_copy() {
    // wire-b has its own headline, boilerplate and a dropped paragraph: one story at the
    // default, two when only near-identical texts count.
    let (_, docs, stderr) = extract(&["--dedup", "--dedup-threshold", "0.99"], &[WIRE_A, WIRE_B]);
    assert_eq!(docs[1]["duplicate_of"], Value::Null);
    assert!(stderr.contains("2 documents, 2 stories, 0 duplicates"), "{stderr}");
    let (_, docs, _) = extract(&["--dedup", "--dedup-threshold", "0.6"], &[WIRE_A, WIRE_B]);
    assert_eq!(docs[1]["story"], "s1");
}

#[test]
fn bad_threshold_and_misused_flags_are_usage_errors() {
    let (code, _, stderr) = extract(&["--dedup", "--dedup-threshold", "1.5"], &[WIRE_A]);
    assert_eq!(code, 2);
    assert!(stderr.contains("not a number from 0 to 1"), "{stderr}");
    let (code, _, stderr) = extract(&["--dedup-threshold", "0.5"], &[WIRE_A]);
    assert_eq!(code, 2);
    assert!(stderr.contains("--dedup"), "{stderr}");
    let (code, _, stderr) = extract(&["--dedup", "--format", "events-tsv"], &[WIRE_A]);
    assert_eq!(code, 2);
    assert!(stderr.contains("--dedup only applies to --format json"), "{stderr}");
}

#[test]
fn without_dedup_there_are_no_story_fields_and_no_summary() {
    let (code, docs, stderr) = extract(&[], &[WIRE_A, WIRE_B]);
    assert_eq!(code, 0);
    for doc in &docs {
        assert!(doc.get("story").is_none() && doc.get("duplicate_of").is_none(), "{doc}");
        for event in doc["events"].as_array().unwrap() {
            assert!(event.get("story").is_none() && event.get("repeat_of").is_none());
        }
    }
    assert!(!stderr.contains("dedup"), "{stderr}");
}

#[test]
fn json_lines_copies_name_the_first_document_by_its_id() {
    let wire = std::fs::read_to_string(fixture(WIRE_A)).unwrap();
    let copy = format!("Peru expels Mexico's envoy\n\nBy A. Reporter\n\n{wire}\nFollow us on X for more.\n");
    let lines: String = [("lima-1", wire.as_str()), ("site-9", copy.as_str())]
        .iter()
        .map(|(id, text)| serde_json::json!({"id": id, "text": text}).to_string() + "\n")
        .collect();
    let (code, stdout, stderr) = run(&["extract", "--input", "jsonl", "--dedup"], lines.as_bytes());
    assert_eq!(code, 0, "{stderr}");
    let docs = json_lines(&stdout);
    assert_eq!(docs[1]["duplicate_of"], "lima-1");
    assert_eq!(docs[1]["story"], "s1");
}
