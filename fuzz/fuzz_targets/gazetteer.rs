//! The gazetteer loader on arbitrary bytes: parse a user file alone, build a gazetteer and a
//! pipeline from it, and run that pipeline on a short article. Bad files must come back as
//! `file:line: message` errors, never as panics.
#![no_main]

use gazette::gazetteer::parse_any;
use gazette::{Document, ExtractOptions, GazetteerBuilder, Pipeline};
use libfuzzer_sys::fuzz_target;

const ARTICLE: &str = "TIRANA, Sept. 13, 2022 (Reuters) - Albania cut diplomatic ties with Iran on \
                       Wednesday, Prime Minister Edi Rama said. Jane Doe met officials in Tehran.";

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data).into_owned();
    if let Err(err) = parse_any("fuzz.tsv", &text) {
        assert!(err.to_string().starts_with("fuzz.tsv"), "{err}");
    }
    // Without the embedded files, so that each run costs the fuzzed file only.
    let built = GazetteerBuilder::new()
        .defaults(false)
        .add_text("fuzz.tsv", text)
        .build();
    let Ok(gazetteer) = built else {
        return;
    };
    let Ok(pipeline) = Pipeline::new(gazetteer) else {
        return;
    };
    let record = pipeline.extract(&Document::new("-", ARTICLE), &ExtractOptions::default());
    serde_json::to_string(&record).expect("a record serialises");
});
