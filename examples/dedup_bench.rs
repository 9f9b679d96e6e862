//! Time and memory of `--dedup` on a large synthetic batch.
//!
//! ```sh
//! /usr/bin/time -f '%e s %M KB' cargo run --release --example dedup_bench -- 100000
//! cargo run --release --example dedup_bench -- 20000 --jsonl /tmp/docs.jsonl   # for gazette extract
//! ```
//!
//! Documents are made from the fixture articles: a new story is six paragraphs drawn at random
//! from all fixtures, one word in seven replaced by a random word of the fixtures, under a
//! headline and a dateline; one document in five is instead a copy of an earlier story with a
//! new headline, a footer, a paragraph dropped and a few words changed. So stories share a
//! vocabulary and many stock phrases, as a day's news does, and the right grouping is known.
//!
//! Without `--jsonl`, the batch goes through [`body_text`] and the [`Deduper`] alone, and the
//! time, throughput and pairwise precision and recall against the known grouping are printed;
//! peak memory is what `/usr/bin/time` reports less the documents themselves (printed too).

use std::io::Write;
use std::time::Instant;

use gazette::dedup::{DEFAULT_THRESHOLD, Deduper, Signature, body_text};

/// SplitMix64: a small, fixed generator, so the batch is the same on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut x = self.0;
        x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        x ^ (x >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

struct Doc {
    text: String,
    story: usize,
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let count: usize = match args.first().map(|a| a.parse()) {
        Some(Ok(n)) => n,
        _ => {
            eprintln!("usage: dedup_bench COUNT [--jsonl FILE]");
            std::process::exit(2);
        }
    };
    let jsonl = match args.get(1).map(String::as_str) {
        Some("--jsonl") => args.get(2).cloned(),
        _ => None,
    };
    let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let (paragraphs, words) = match pool(&fixtures) {
        Ok(pool) => pool,
        Err(err) => {
            eprintln!("dedup_bench: {}: {err}", fixtures.display());
            std::process::exit(2);
        }
    };
    let docs = generate(count, &paragraphs, &words);
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();

    if let Some(path) = jsonl {
        if let Err(err) = write_jsonl(&path, &docs) {
            eprintln!("dedup_bench: {path}: {err}");
            std::process::exit(2);
        }
        let stories = docs.iter().enumerate().filter(|(i, d)| d.story == *i).count();
        println!(
            "wrote {path}: {} documents, {:.1} MB ({} copies)",
            docs.len(),
            bytes as f64 / 1e6,
            docs.len() - stories
        );
        return;
    }

    let start = Instant::now();
    let mut deduper = Deduper::new(DEFAULT_THRESHOLD);
    // Each stage timed apart: only the last has to run in input order.
    let mut stages = [0.0f64; 3];
    let groups: Vec<usize> = docs
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let t0 = Instant::now();
            let body = body_text(&d.text);
            let t1 = Instant::now();
            let signature = Signature::of(&body);
            let t2 = Instant::now();
            let story = deduper.assign_signature(i, &signature).story;
            let t3 = Instant::now();
            stages[0] += (t1 - t0).as_secs_f64();
            stages[1] += (t2 - t1).as_secs_f64();
            stages[2] += (t3 - t2).as_secs_f64();
            story
        })
        .collect();
    let elapsed = start.elapsed().as_secs_f64();
    println!(
        "{} documents ({:.1} MB of text held in memory) in {elapsed:.2} s: {:.0} docs/s, {:.1} MB/s",
        docs.len(),
        bytes as f64 / 1e6,
        docs.len() as f64 / elapsed,
        bytes as f64 / 1e6 / elapsed
    );
    println!(
        "body_text {:.2} s, Signature::of {:.2} s, Deduper::assign_signature {:.2} s",
        stages[0], stages[1], stages[2]
    );
    println!("{}", deduper.counts());
    // Pairwise precision and recall from group sizes: a pair is grouped when both documents
    // have the same found story, true when both have the same real one.
    let mut found = std::collections::HashMap::new();
    let mut real = std::collections::HashMap::new();
    let mut both = std::collections::HashMap::new();
    for (doc, &group) in docs.iter().zip(&groups) {
        *found.entry(group).or_insert(0u64) += 1;
        *real.entry(doc.story).or_insert(0u64) += 1;
        *both.entry((group, doc.story)).or_insert(0u64) += 1;
    }
    let pairs = |sizes: &dyn Fn() -> Vec<u64>| sizes().iter().map(|n| n * (n - 1) / 2).sum::<u64>();
    let grouped = pairs(&|| found.values().copied().collect());
    let true_pairs = pairs(&|| real.values().copied().collect());
    let right = pairs(&|| both.values().copied().collect());
    println!(
        "pairwise precision {:.4}, recall {:.4} ({right} of {true_pairs} true pairs; {grouped} grouped)",
        right as f64 / grouped.max(1) as f64,
        right as f64 / true_pairs.max(1) as f64
    );
}

/// The body paragraphs of every fixture, and every word in them.
fn pool(dir: &std::path::Path) -> std::io::Result<(Vec<String>, Vec<String>)> {
    let mut files: Vec<_> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    let mut paragraphs = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file)?.replace("\r\n", "\n");
        for paragraph in text.split("\n\n") {
            let paragraph = paragraph.trim();
            if paragraph.split_whitespace().count() > 15 {
                paragraphs.push(paragraph.to_owned());
            }
        }
    }
    let words = paragraphs
        .iter()
        .flat_map(|p| p.split_whitespace().map(str::to_owned))
        .collect();
    Ok((paragraphs, words))
}

fn generate(count: usize, paragraphs: &[String], words: &[String]) -> Vec<Doc> {
    let mut rng = Rng(0x00de_d0b0_0c5e_ed01);
    let mut docs: Vec<Doc> = Vec::with_capacity(count);
    let mut originals: Vec<usize> = Vec::new();
    let substitute = |text: &str, one_in: usize, rng: &mut Rng| -> String {
        let mut out = String::with_capacity(text.len() + 16);
        for word in text.split(' ') {
            if !out.is_empty() {
                out.push(' ');
            }
            if rng.below(one_in) == 0 {
                out.push_str(&words[rng.below(words.len())]);
            } else {
                out.push_str(word);
            }
        }
        out
    };
    for i in 0..count {
        if !originals.is_empty() && rng.below(5) == 0 {
            let original = originals[rng.below(originals.len())];
            let source = &docs[original].text;
            let mut parts: Vec<&str> = source.split("\n\n").skip(2).collect();
            if parts.len() > 3 {
                parts.remove(1 + rng.below(parts.len() - 1));
            }
            let body = substitute(&parts.join("\n\n"), 50, &mut rng);
            let text = format!(
                "Wire copy {i} as the site headlined it\n\nBy Staff\n\n{body}\n\n\u{a9} 2024 Example Daily. All rights reserved.\n"
            );
            docs.push(Doc { text, story: original });
            continue;
        }
        let mut body = String::new();
        for _ in 0..6 {
            let paragraph = &paragraphs[rng.below(paragraphs.len())];
            body.push_str(&substitute(paragraph, 7, &mut rng));
            body.push_str("\n\n");
        }
        let text = format!("Story number {i} of the synthetic batch\n\nCITY, May 4 (Wire) -\n\n{body}");
        originals.push(i);
        docs.push(Doc { text, story: i });
    }
    docs
}

fn write_jsonl(path: &str, docs: &[Doc]) -> std::io::Result<()> {
    let mut out = std::io::BufWriter::new(std::fs::File::create(path)?);
    for (i, doc) in docs.iter().enumerate() {
        let line = serde_json::json!({"id": format!("doc{i}"), "text": doc.text});
        writeln!(out, "{line}")?;
    }
    out.flush()
}
