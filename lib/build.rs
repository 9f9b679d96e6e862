//! Embeds every `gazetteers/*.tsv` file in the binary as the default gazetteers, so that a new
//! data file is picked up without a code change.

use std::path::Path;

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../gazetteers");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("the gazetteers/ folder sits beside the library crate")
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "tsv"))
        .collect();
    // Sorted, so the embedded order (and so every output) is the same on every machine.
    files.sort();
    let mut code = String::from("/// The embedded default gazetteer files: (file name, contents).\n");
    code.push_str("pub static EMBEDDED: &[(&str, &str)] = &[\n");
    for path in &files {
        println!("cargo:rerun-if-changed={}", path.display());
        let name = path.file_name().expect("a file").to_string_lossy();
        code.push_str(&format!(
            "    ({name:?}, include_str!({:?})),\n",
            path.display().to_string()
        ));
    }
    code.push_str("];\n");
    let out = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("embedded_gazetteers.rs");
    std::fs::write(out, code).expect("OUT_DIR is writable");
}
