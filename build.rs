//! Compiles the pipeline of the default gazetteers with the library, and writes it as an image
//! (`Pipeline::to_image`) for the binary to embed: a run then reads the parsed gazetteers, the
//! matcher's indexes and the event lexicon instead of building them, which was almost all of
//! the start-up (see README, "Start-up").
//!
//! The image is made from the same library source the binary links, so the two cannot
//! disagree. Cargo runs this script again whenever the library (and with it the embedded
//! gazetteer files) changes.

use std::path::Path;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let pipeline = gazette::Pipeline::with_default_gazetteers()
        .unwrap_or_else(|err| panic!("the default gazetteers do not load: {err}"));
    let out_dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let path = Path::new(&out_dir).join("default-pipeline.image");
    std::fs::write(&path, pipeline.to_image()).unwrap_or_else(|err| panic!("writing {}: {err}", path.display()));
}
