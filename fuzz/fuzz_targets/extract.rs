//! The whole extract pipeline on arbitrary bytes, as `gazette extract --lossy` runs it:
//! decode, analyse, build the record, serialise. Besides not panicking, every span in the
//! record must be the slice of the text it claims to be.
#![no_main]

use std::sync::OnceLock;

use gazette::{Document, ExtractOptions, OffsetUnit, Pipeline, Utf8Policy};
use libfuzzer_sys::fuzz_target;

fn pipeline() -> &'static Pipeline {
    static PIPELINE: OnceLock<Pipeline> = OnceLock::new();
    PIPELINE.get_or_init(|| Pipeline::with_default_gazetteers().expect("the embedded gazetteers load"))
}

fuzz_target!(|data: &[u8]| {
    // NUL bytes and odd-length UTF-16 are refused by design; that is an error, not a crash.
    let Ok(doc) = Document::from_bytes("fuzz", data.to_vec(), Utf8Policy::Lossy) else {
        return;
    };
    let pipeline = pipeline();
    let analysis = pipeline.analyze_document(&doc, &ExtractOptions::default());
    for offsets in [OffsetUnit::Bytes, OffsetUnit::Chars] {
        let options = ExtractOptions {
            offsets,
            ..ExtractOptions::default()
        };
        let record = pipeline.to_record(&doc, &analysis, &options);
        let json = serde_json::to_string(&record).expect("a record serialises");
        let value: serde_json::Value = serde_json::from_str(&json).expect("the JSON parses back");
        check_spans(&doc.text, &value, offsets);
    }
});

/// Every object with `start`, `end` and `text` must have `text == input[start..end]`, counted
/// in the record's offset unit.
fn check_spans(text: &str, value: &serde_json::Value, unit: OffsetUnit) {
    match value {
        serde_json::Value::Object(map) => {
            if let (Some(start), Some(end), Some(span)) = (
                map.get("start").and_then(|v| v.as_u64()),
                map.get("end").and_then(|v| v.as_u64()),
                map.get("text").and_then(|v| v.as_str()),
            ) {
                let (start, end) = (start as usize, end as usize);
                let slice: String = match unit {
                    OffsetUnit::Bytes => text
                        .get(start..end)
                        .expect("byte offsets on char boundaries")
                        .to_owned(),
                    OffsetUnit::Chars => text.chars().skip(start).take(end - start).collect(),
                };
                assert_eq!(slice, span, "span {start}..{end}");
            }
            for child in map.values() {
                check_spans(text, child, unit);
            }
        }
        serde_json::Value::Array(items) => {
            for item in items {
                check_spans(text, item, unit);
            }
        }
        _ => {}
    }
}
