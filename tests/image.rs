//! The compiled pipeline image (`Pipeline::to_image` / `Pipeline::from_image`), which the
//! binary embeds and starts from: a pipeline read back from an image must extract exactly
//! what the pipeline it was written from does, and a damaged image must be refused.

use std::path::Path;
use std::sync::OnceLock;

use gazette::gazetteer::EntryId;
use gazette::{Document, ExtractOptions, GazetteerBuilder, Pipeline};

/// The default pipeline, built from the gazetteer files, and its image (leaked: an image
/// must outlive the pipeline read from it).
fn default_pipeline_and_image() -> &'static (Pipeline, &'static [u8]) {
    static BUILT: OnceLock<(Pipeline, &'static [u8])> = OnceLock::new();
    BUILT.get_or_init(|| {
        let pipeline = Pipeline::with_default_gazetteers().expect("the default gazetteers load");
        let image: &'static [u8] = Box::leak(pipeline.to_image().into_boxed_slice());
        (pipeline, image)
    })
}

fn fixture_documents() -> Vec<Document> {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut paths: Vec<_> = std::fs::read_dir(&folder)
        .expect("fixtures/ is readable")
        .map(|entry| entry.expect("a directory entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "txt"))
        .collect();
    paths.sort();
    assert!(
        paths.len() >= 10,
        "expected the fixture articles in {}",
        folder.display()
    );
    paths
        .iter()
        .map(|path| {
            let text = std::fs::read_to_string(path).expect("a fixture is UTF-8");
            Document::new(path.display().to_string(), text)
        })
        .collect()
}

fn json(pipeline: &Pipeline, doc: &Document) -> String {
    serde_json::to_string(&pipeline.extract(doc, &ExtractOptions::default())).expect("a record serialises")
}

#[test]
fn a_pipeline_read_from_its_image_extracts_the_same_records() {
    let (built, image) = default_pipeline_and_image();
    let loaded = Pipeline::from_image(image).expect("the image reads back");
    for doc in fixture_documents() {
        assert_eq!(json(&loaded, &doc), json(built, &doc), "{}", doc.source);
    }
}

#[test]
fn every_entry_decodes_to_the_entry_it_was_written_from() {
    let (built, image) = default_pipeline_and_image();
    let loaded = Pipeline::from_image(image).expect("the image reads back");
    assert_eq!(loaded.gazetteer().len(), built.gazetteer().len());
    assert!(
        built.gazetteer().len() > 20_000,
        "the default gazetteers hold tens of thousands of entries"
    );
    for id in 0..built.gazetteer().len() as u32 {
        assert_eq!(
            loaded.gazetteer().entry(EntryId(id)),
            built.gazetteer().entry(EntryId(id))
        );
    }
}

#[test]
fn a_pipeline_read_from_an_image_writes_the_same_image() {
    // Tables used in place, entries decoded on demand: stored again, they must come out as
    // they went in, or the image is not the pipeline.
    let (_, image) = default_pipeline_and_image();
    let loaded = Pipeline::from_image(image).expect("the image reads back");
    assert!(loaded.to_image() == *image, "the image changed on a round trip");
}

#[test]
fn a_user_gazetteer_pipeline_round_trips_too() {
    // Everything the image holds, small: a person (surname), a state (demonym, capital,
    // ambiguous name, dated roles), a name starting with neither a letter nor a digit (the
    // matcher's automaton), and date, event and title files.
    let entities = "type\tname\taliases\tdemonyms\tcapitals\tambiguous\tcountry\tsector\trole\tfrom\tto\n\
        state\tGeorgia\t\tGeorgian\tTbilisi\tGeorgia\tGEO\t\t\t\t\n\
        person\tSalome Zourabichvili\t\t\t\t\tGEO\tGOV\tPresident\t2018-12-16\t2024-12-29\n\
        place\t'Nam\t\t\t\t\tVNM\t\t\t\t\n";
    let dates = "phrase\tdate_kind\tvalue\nMarch\tmonth\t3\n";
    let events = "phrase\tkind\tobject\tcameo\nmeet\tverb\t\t040\n";
    let titles = "phrase\ttitle_kind\tsector\nPresident\tperson\tGOV\n";
    let built = GazetteerBuilder::new()
        .defaults(false)
        .add_text("entities.tsv", entities)
        .add_text("dates.tsv", dates)
        .add_text("events.tsv", events)
        .add_text("titles.tsv", titles)
        .build()
        .and_then(Pipeline::new)
        .expect("the small gazetteer loads");
    let image: &'static [u8] = Box::leak(built.to_image().into_boxed_slice());
    let loaded = Pipeline::from_image(image).expect("the image reads back");
    let doc = Document::new(
        "-",
        "TBILISI, March 3 - President Salome Zourabichvili will meet Georgian students. \
         Zourabichvili spoke of 'Nam.",
    );
    let record = json(&built, &doc);
    assert!(record.contains("Zourabichvili") && record.contains("'Nam"), "{record}");
    assert_eq!(json(&loaded, &doc), record);
}

#[test]
fn a_truncated_or_foreign_image_is_refused() {
    let (_, image) = default_pipeline_and_image();
    // Cuts across the header, every section and the end.
    let cuts = (0..40).map(|i| image.len() * i / 40).chain([1, 8, 13, image.len() - 1]);
    for cut in cuts {
        let truncated: &'static [u8] = Box::leak(image[..cut].to_vec().into_boxed_slice());
        assert!(
            Pipeline::from_image(truncated).is_err(),
            "an image cut at byte {cut} was read"
        );
    }
    let longer: &'static [u8] = Box::leak([*image, &[0u8]].concat().into_boxed_slice());
    assert!(
        Pipeline::from_image(longer).is_err(),
        "an image with a byte too many was read"
    );
    let mut other_version = image.to_vec();
    other_version[8] ^= 0xFF; // the format number, after the 8-byte magic
    let other_version: &'static [u8] = Box::leak(other_version.into_boxed_slice());
    // Not `expect_err`: a pipeline's Debug form runs to megabytes.
    let Err(err) = Pipeline::from_image(other_version) else {
        panic!("an image of another format was read");
    };
    let message = err.to_string();
    assert!(message.contains("format"), "{message}");
}

#[test]
fn a_damaged_image_is_refused_or_works_but_never_panics_elsewhere() {
    // One byte changed at a time, at positions spread over the whole image by a fixed
    // pseudo-random sequence. Reading either fails or gives a pipeline; extracting with that
    // pipeline must not panic, except in decoding a damaged entry record, which is decoded
    // only when used and says so (see README, "Start-up").
    let (_, image) = default_pipeline_and_image();
    let docs: Vec<Document> = fixture_documents().into_iter().take(3).collect();
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let (mut refused, mut read) = (0, 0);
    for _ in 0..40 {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        let position = (state >> 33) as usize % image.len();
        let mut damaged = image.to_vec();
        damaged[position] ^= 0x5A;
        let damaged: &'static [u8] = Box::leak(damaged.into_boxed_slice());
        let Ok(pipeline) = Pipeline::from_image(damaged) else {
            refused += 1;
            continue;
        };
        read += 1;
        let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            for doc in &docs {
                let _ = pipeline.extract(doc, &ExtractOptions::default());
            }
        }));
        if let Err(panic) = outcome {
            let message = panic
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_default();
            assert!(
                message.contains("of the pipeline image"),
                "byte {position} damaged: a panic outside entry decoding: {message}"
            );
        }
    }
    assert!(refused + read == 40 && refused > 0, "refused {refused}, read {read}");
}
