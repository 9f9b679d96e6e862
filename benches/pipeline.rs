//! Criterion benchmarks of the pipeline, stage by stage where the library exposes the stage,
//! then whole: normalise, segment, match (the gazetteer names alone, and the plain Aho-Corasick
//! scan of the same names beside it), analyse (every stage),
//! build records and write JSON (with serde_json beside it for comparison), and a batch end to
//! end (analysis, JSON rendering and the ordered parallel map).
//!
//! `cargo bench --bench pipeline` (a couple of minutes); `cargo bench --bench pipeline -- match`
//! for one group. Samples are few and short on purpose: these are for spotting regressions
//! between commits on one machine, and `bench/run.py` gives the throughput figures.

use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use gazette::batch::{self, Settings, Task, Workers};
use gazette::normalize::Normalized;
use gazette::{Document, ExtractOptions, Matcher, Pipeline};

mod support {
    pub mod plain_scan;
}

/// Every fixture article, in name order, joined: about 70 kB of news text.
fn corpus() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .expect("fixtures/ is in the repository")
        .map(|e| e.expect("a readable entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|p| {
            (
                p.display().to_string(),
                std::fs::read_to_string(&p).expect("a fixture reads"),
            )
        })
        .collect()
}

fn stages(c: &mut Criterion) {
    let docs = corpus();
    let bytes: usize = docs.iter().map(|(_, t)| t.len()).sum();
    let pipeline = Pipeline::with_default_gazetteers().expect("the embedded gazetteers load");
    let names_only = Matcher::new(pipeline.gazetteer(), &[]);
    let normalized: Vec<String> = docs
        .iter()
        .map(|(_, t)| Normalized::new(t).as_str().to_owned())
        .collect();
    let options = ExtractOptions::default();

    let mut group = c.benchmark_group("stages");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("normalise", |b| {
        b.iter(|| {
            for (_, text) in &docs {
                black_box(Normalized::new(text).as_str().len());
            }
        })
    });
    group.bench_function("segment", |b| {
        b.iter(|| {
            for (_, text) in &docs {
                black_box(gazette::segment::sentences(text));
            }
        })
    });
    group.bench_function("match", |b| {
        b.iter(|| {
            for text in &normalized {
                black_box(names_only.find(text));
            }
        })
    });
    // The same names by a plain Aho-Corasick scan of the raw text: the ratio of this to "match"
    // is the matcher's, measured in one run.
    let (automaton, _) = support::plain_scan::plain_scan(pipeline.gazetteer()).expect("the scan builds");
    group.bench_function("plain scan (aho-corasick)", |b| {
        b.iter(|| {
            for (_, text) in &docs {
                black_box(automaton.find_iter(text).count());
            }
        })
    });
    group.bench_function("analyse", |b| {
        b.iter(|| {
            for (_, text) in &docs {
                black_box(pipeline.analyze(text, &options));
            }
        })
    });
    // The output edge, from analyses made once: building the records, then writing them as
    // JSON Lines, by gazette's writer and by serde_json (the same bytes; the ratio of the two
    // is the writer's gain, measured in one run).
    let documents: Vec<Document> = docs
        .iter()
        .map(|(name, text)| Document::new(name.clone(), text.clone()))
        .collect();
    let analyses: Vec<_> = documents
        .iter()
        .map(|doc| pipeline.analyze_document(doc, &options))
        .collect();
    group.bench_function("build records", |b| {
        b.iter(|| {
            for (doc, analysis) in documents.iter().zip(&analyses) {
                black_box(pipeline.to_record(doc, analysis, &options));
            }
        })
    });
    let records: Vec<_> = documents
        .iter()
        .zip(&analyses)
        .map(|(doc, analysis)| pipeline.to_record(doc, analysis, &options))
        .collect();
    group.bench_function("write JSON", |b| {
        let mut out = Vec::new();
        b.iter(|| {
            out.clear();
            for record in &records {
                record.write_json(&mut out);
            }
            black_box(out.len())
        })
    });
    group.bench_function("write JSON (serde_json)", |b| {
        let mut out = Vec::new();
        b.iter(|| {
            out.clear();
            for record in &records {
                serde_json::to_writer(&mut out, record).expect("a record serialises");
            }
            black_box(out.len())
        })
    });
    group.finish();

    let mut group = c.benchmark_group("batch");
    group.throughput(Throughput::Bytes(bytes as u64));
    let settings = Settings::default();
    for jobs in [1, 2] {
        let workers = Workers::new(jobs).expect("threads start");
        group.bench_function(format!("end-to-end -j{jobs}"), |b| {
            b.iter(|| {
                let tasks = docs.iter().map(|(name, text)| Task::Line {
                    doc: Document::new(name.clone(), text.clone()),
                    relative: Default::default(),
                    modified: None,
                });
                let mut written = 0usize;
                let result: Result<(), ()> = workers.map_ordered(
                    tasks,
                    |task| batch::process(&pipeline, &settings, task),
                    |done| {
                        if let batch::Status::Rendered(bytes) = done.status {
                            written += bytes.len();
                        }
                        Ok(())
                    },
                );
                black_box((result, written))
            })
        });
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    targets = stages
}
criterion_main!(benches);
