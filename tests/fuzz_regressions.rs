//! Inputs the fuzz targets in `fuzz/` crashed on, run through the library the way the target
//! runs them, so that each crash stays fixed. The inputs are in `tests/data/fuzz/`.

use gazette::{GazetteerBuilder, Pipeline};

/// The `gazetteer` target: bytes decoded lossily, loaded alone as a user file, then compiled.
fn load_gazetteer(bytes: &[u8]) -> Result<Pipeline, gazette::GazetteerError> {
    let text = String::from_utf8_lossy(bytes).into_owned();
    let gazetteer = GazetteerBuilder::new()
        .defaults(false)
        .add_text("fuzz.tsv", text)
        .build()?;
    Pipeline::new(gazetteer)
}

/// A date row of kind `day` whose value ends in a character of more than one byte (here
/// U+FFFD from a lone 0xB2): the value was split two bytes from its end, inside the character,
/// and building the pipeline panicked. Now it is an error naming the line.
#[test]
fn a_day_value_ending_in_a_multibyte_character_is_an_error_for_its_line() {
    let bytes = include_bytes!("data/fuzz/gazetteer-crash-d27a4ec7.tsv");
    let err = load_gazetteer(bytes).expect_err("the row is malformed");
    assert_eq!(err.file, "fuzz.tsv");
    assert_eq!(err.line, 2);
    assert!(err.message.starts_with("day needs an offset in days"), "{err}");

    let err = load_gazetteer("phrase\tdate_kind\tvalue\tcontext\nsoon\tday\t1€\t\n".as_bytes())
        .expect_err("the row is malformed");
    assert_eq!(err.to_string().split(": ").next(), Some("fuzz.tsv:2"), "{err}");
}
