//! How analysis time grows on pathological articles: each case at 1x and 4x its size, timed
//! in process (start-up excluded, best of three), with the 4x/1x ratio. Linear stages give
//! about 4; a quadratic one gives about 16.
//!
//! ```sh
//! cargo run --release --example pathological
//! ```
//!
//! The cases are those of `tests/pathological.rs` (one name repeated, one very long word,
//! sentences without punctuation, one unpunctuated sentence), built from the same word stream
//! (`tests/support/news_words.rs`); docs/errors.md has the figures.

use std::time::Instant;

use gazette::{Document, ExtractOptions, Pipeline};

#[path = "../tests/support/news_words.rs"]
mod news_words;
use news_words::news_words;

fn main() -> anyhow::Result<()> {
    let pipeline = Pipeline::with_default_gazetteers()?;
    type Case = (&'static str, fn(usize) -> String);
    let cases: [Case; 4] = [
        ("name repeated (25,000 / 100,000 times)", |k| "Iran ".repeat(25_000 * k)),
        ("one long word (25,000 / 100,000 chars)", |k| {
            format!("Albania {} Iran.", "a".repeat(25_000 * k))
        }),
        ("lines without punctuation (2,500 / 10,000)", |k| {
            news_words(30_000 * k)
                .chunks(12)
                .map(|line| line.join(" "))
                .collect::<Vec<_>>()
                .join("\n")
        }),
        ("one unpunctuated sentence (30,000 / 120,000 words)", |k| {
            news_words(30_000 * k).join(" ")
        }),
    ];
    for (name, make) in cases {
        let mut times = Vec::new();
        for k in [1, 4] {
            let doc = Document::new("pathological", make(k));
            let best = (0..3)
                .map(|_| {
                    let started = Instant::now();
                    let record = pipeline.extract(&doc, &ExtractOptions::default());
                    std::hint::black_box(record);
                    started.elapsed().as_secs_f64()
                })
                .fold(f64::INFINITY, f64::min);
            times.push((doc.text.len(), best));
        }
        let ((small_bytes, small), (large_bytes, large)) = (times[0], times[1]);
        println!(
            "{name}: {small_bytes} B {:.1} ms, {large_bytes} B {:.1} ms, ratio {:.2}",
            small * 1e3,
            large * 1e3,
            large / small
        );
    }
    Ok(())
}
