//! The yardstick for gazette's throughput: one plain Aho-Corasick scan for every name of the
//! gazetteer (see `benches/support/plain_scan.rs`) over the bytes of the given files, counting
//! matches and nothing else. `bench/run.py` compares gazette's end-to-end MB/s with this.
//!
//! ```sh
//! cargo run --release --example scan -- [--gazetteer FILE]... [--no-default-gazetteers] FILE...
//! ```
//!
//! Prints one line: `scan: P patterns, M matches, B MB in S s, R MB/s (build T s)`.

use std::path::PathBuf;
use std::time::Instant;

use anyhow::{Context, bail};
use gazette::GazetteerBuilder;

#[path = "../benches/support/plain_scan.rs"]
mod plain_scan;
use plain_scan::plain_scan;

fn main() -> anyhow::Result<()> {
    let mut builder = GazetteerBuilder::new();
    let mut files = Vec::new();
    let mut args = std::env::args_os().skip(1);
    while let Some(arg) = args.next() {
        match arg.to_str() {
            Some("--gazetteer") => {
                let path = PathBuf::from(args.next().context("--gazetteer needs a path")?);
                builder = builder.add_path(&path)?;
            }
            Some("--no-default-gazetteers") => builder = builder.defaults(false),
            _ => files.push(PathBuf::from(arg)),
        }
    }
    if files.is_empty() {
        bail!("usage: scan [--gazetteer FILE]... [--no-default-gazetteers] FILE...");
    }
    let started = Instant::now();
    let gazetteer = builder.build()?;
    let (automaton, patterns) = plain_scan(&gazetteer)?;
    let built = started.elapsed();

    // Read first, so that the figure is the scan alone and not the disk.
    let texts: Vec<Vec<u8>> = files
        .iter()
        .map(|f| std::fs::read(f).with_context(|| f.display().to_string()))
        .collect::<anyhow::Result<_>>()?;
    let scanning = Instant::now();
    let matches: usize = texts.iter().map(|t| automaton.find_iter(t).count()).sum();
    let seconds = scanning.elapsed().as_secs_f64();
    let megabytes = texts.iter().map(Vec::len).sum::<usize>() as f64 / 1e6;
    println!(
        "scan: {} patterns, {matches} matches, {megabytes:.2} MB in {seconds:.3} s, {:.1} MB/s (build {:.3} s)",
        patterns,
        megabytes / seconds.max(1e-9),
        built.as_secs_f64()
    );
    Ok(())
}
