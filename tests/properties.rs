//! Property tests: arbitrary Unicode and arbitrary bytes, mixed with news-like fragments (names
//! from the gazetteers, dates, curly quotes, diacritics) so that the deep stages run too.
//!
//! For every input: no panic; the record serialises to JSON that parses back; every span
//! (mention, date, trigger, sentence) lies on character boundaries and each `text` is exactly
//! the input's slice, in both offset units; the same input gives the same output twice; and
//! through the command line with `--lossy`, `-j 2` writes what `-j 1` writes.
//!
//! Case counts are modest so that `cargo test` stays fast; the fuzz targets in `fuzz/` run the
//! same checks for as long as one cares to let them.

mod common;

use std::sync::OnceLock;

use common::{json_lines, run};
use gazette::{Document, ExtractOptions, OffsetUnit, Pipeline, Utf8Policy};
use proptest::prelude::*;
use serde_json::Value;

fn pipeline() -> &'static Pipeline {
    static PIPELINE: OnceLock<Pipeline> = OnceLock::new();
    PIPELINE.get_or_init(|| Pipeline::with_default_gazetteers().expect("the embedded gazetteers load"))
}

const FRAGMENTS: &[&str] = &[
    "Iran",
    "Albania",
    "Tehran",
    "Tirana",
    "Israel",
    "Olta Xhaçka",
    "Xhacka",
    "Edi Rama",
    "NATO",
    "the United Nations",
    "Prime Minister",
    "12 September 2022",
    "September 13, 2022",
    "last week",
    "on Tuesday",
    "yesterday",
    "cut diplomatic ties with",
    "accused",
    "met with",
    "did not meet",
    "sanctions on",
    "’s",
    "“",
    "”",
    "\"",
    "—",
    " (Reuters) - ",
    "TIRANA, ",
    ".",
    ", ",
    " ",
    "\n",
    "\r\n",
    "\u{a0}",
    "🇦🇱",
    "e\u{301}",
    "Ç",
    "ß",
    "İ",
];

/// Text made of news fragments and arbitrary characters, in any order.
fn news_like() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        3 => prop::sample::select(FRAGMENTS).prop_map(str::to_owned),
        1 => any::<String>().prop_map(|s| s.chars().take(12).collect::<String>()),
        1 => "[A-Z][a-z]{0,8}",
    ];
    prop::collection::vec(piece, 0..40).prop_map(|pieces| pieces.concat())
}

/// Bytes made of news fragments and arbitrary bytes (so, often, invalid UTF-8).
fn news_like_bytes() -> impl Strategy<Value = Vec<u8>> {
    let piece = prop_oneof![
        2 => prop::sample::select(FRAGMENTS).prop_map(|s| s.as_bytes().to_vec()),
        1 => prop::collection::vec(any::<u8>(), 0..8),
    ];
    prop::collection::vec(piece, 0..40).prop_map(|pieces| pieces.concat())
}

/// Checks every span in a record's JSON against the text, in the record's unit.
fn check_spans(text: &str, value: &Value, unit: OffsetUnit) -> Result<usize, TestCaseError> {
    let mut checked = 0;
    match value {
        Value::Object(map) => {
            if let (Some(start), Some(end)) = (
                map.get("start").and_then(Value::as_u64),
                map.get("end").and_then(Value::as_u64),
            ) {
                let (start, end) = (start as usize, end as usize);
                prop_assert!(start <= end, "span {start}..{end}");
                let slice = match unit {
                    OffsetUnit::Bytes => {
                        prop_assert!(text.is_char_boundary(start) && text.is_char_boundary(end));
                        text.get(start..end).map(str::to_owned)
                    }
                    OffsetUnit::Chars => {
                        prop_assert!(end <= text.chars().count());
                        Some(text.chars().skip(start).take(end - start).collect())
                    }
                };
                if let Some(span_text) = map.get("text").and_then(Value::as_str) {
                    prop_assert_eq!(slice.as_deref(), Some(span_text));
                }
                checked += 1;
            }
            for child in map.values() {
                checked += check_spans(text, child, unit)?;
            }
        }
        Value::Array(items) => {
            for item in items {
                checked += check_spans(text, item, unit)?;
            }
        }
        _ => {}
    }
    Ok(checked)
}

/// Runs a document through analyse, to_record and serde_json in both units, checking the
/// spans; returns the JSON of each unit.
fn extract_and_check(doc: &Document) -> Result<Vec<String>, TestCaseError> {
    let pipeline = pipeline();
    let analysis = pipeline.analyze_document(doc, &ExtractOptions::default());
    let mut outputs = Vec::new();
    for offsets in [OffsetUnit::Chars, OffsetUnit::Bytes] {
        let options = ExtractOptions {
            offsets,
            ..ExtractOptions::default()
        };
        let record = pipeline.to_record(doc, &analysis, &options);
        let json = serde_json::to_string(&record).expect("a record serialises");
        let value: Value = serde_json::from_str(&json).expect("the JSON parses back");
        prop_assert_eq!(&value["schema"], "gazette/v1");
        let spans = check_spans(&doc.text, &value, offsets)?;
        let sentences = value["sentences"].as_array().map_or(0, Vec::len);
        prop_assert!(spans >= sentences, "sentences are spans too");
        outputs.push(json);
    }
    Ok(outputs)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn any_text_gives_valid_json_with_exact_spans_the_same_twice(text in news_like()) {
        let doc = Document::new("prop", text);
        let first = extract_and_check(&doc)?;
        let second = extract_and_check(&doc)?;
        prop_assert_eq!(first, second);
    }

    #[test]
    fn any_bytes_decoded_lossily_give_valid_json_with_exact_spans(bytes in news_like_bytes()) {
        match Document::from_bytes("prop", bytes.clone(), Utf8Policy::Lossy) {
            Ok(doc) => {
                extract_and_check(&doc)?;
            }
            // The only refusals: binary data (a NUL byte), or a UTF-16 BOM before bytes that
            // are not UTF-16.
            Err(err) => prop_assert!(
                bytes.contains(&0) || bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]),
                "{err}"
            ),
        }
    }
}

proptest! {
    // Each case starts the binary twice, so few cases.
    #![proptest_config(ProptestConfig { cases: 4, ..ProptestConfig::default() })]

    #[test]
    fn through_the_cli_with_lossy_parallel_output_equals_sequential(
        files in prop::collection::vec(news_like_bytes(), 1..8)
    ) {
        let dir = tempfile::tempdir().unwrap();
        for (i, bytes) in files.iter().enumerate() {
            std::fs::write(dir.path().join(format!("{i:02}.txt")), bytes).unwrap();
        }
        let path = dir.path().to_str().unwrap();
        let (code_1, sequential, stderr_1) = run(&["extract", "--lossy", "-j", "1", path], b"");
        let (code_2, parallel, stderr_2) = run(&["extract", "--lossy", "-j", "2", path], b"");
        prop_assert_eq!(&sequential, &parallel);
        prop_assert_eq!(&stderr_1, &stderr_2);
        prop_assert_eq!(code_1, code_2);
        // Only binary files (NUL bytes) or broken UTF-16 are refused with --lossy.
        let refused = stderr_1.lines().count();
        prop_assert_eq!(sequential.lines().count() + refused, files.len(), "{}", stderr_1);
        prop_assert_eq!(code_1, if refused == 0 { 0 } else { 1 });
        for doc in json_lines(&sequential) {
            prop_assert_eq!(&doc["schema"], "gazette/v1");
        }
    }
}
