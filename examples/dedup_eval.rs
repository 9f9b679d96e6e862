//! Pairwise precision and recall of `--dedup` on the labelled corpus, across thresholds.
//!
//! ```sh
//! cargo run --release --example dedup_eval [tests/data/dedup/corpus.jsonl]
//! ```
//!
//! The corpus (written by `scripts/gen-dedup-corpus.py`) has one JSON object per line with the
//! article `text`, its true `story` and the `edit` that made the copy. A pair of documents is
//! a true pair when both have the same story; precision is the share of the pairs the grouping
//! puts together that are true, recall the share of true pairs it puts together.
//!
//! Three tables: the streaming [`Deduper`] as `gazette extract --dedup` runs it (containment
//! score, LSH candidates, in corpus order); then, for comparison, an all-pairs grouping that
//! links every pair scoring at least the threshold, once by containment and once by Jaccard
//! similarity, which shows what the LSH shortcut and the choice of score cost.

use std::collections::BTreeMap;

use gazette::dedup::{Deduper, Signature, body_text};

struct Doc {
    id: String,
    story: String,
    edit: String,
    signature: Signature,
}

fn main() {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "tests/data/dedup/corpus.jsonl".to_owned());
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(err) => {
            eprintln!("dedup_eval: {path}: {err}");
            std::process::exit(2);
        }
    };
    let mut docs = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let value: serde_json::Value = match serde_json::from_str(line) {
            Ok(value) => value,
            Err(err) => {
                eprintln!("dedup_eval: {path}:{}: {err}", n + 1);
                std::process::exit(2);
            }
        };
        let field = |name: &str| value[name].as_str().unwrap_or_default().to_owned();
        docs.push(Doc {
            id: field("id"),
            story: field("story"),
            edit: field("edit"),
            signature: Signature::of(&body_text(&field("text"))),
        });
    }
    let true_pairs = pairs_where(&docs, |a, b| a.story == b.story).len();
    let stories = docs
        .iter()
        .map(|d| &d.story)
        .collect::<std::collections::BTreeSet<_>>()
        .len();
    println!(
        "{path}: {} documents, {stories} stories, {true_pairs} true pairs\n",
        docs.len()
    );

    println!("streaming Deduper (as `gazette extract --dedup`), containment score:\n");
    println!("| threshold | precision | recall | F1 | stories | false pairs | missed pairs |");
    println!("| --- | --- | --- | --- | --- | --- | --- |");
    let thresholds: Vec<f64> = (4..=19).map(|i| f64::from(i) * 0.05).collect();
    for &t in &thresholds {
        let mut deduper = Deduper::new(t);
        let groups: Vec<usize> = docs
            .iter()
            .enumerate()
            .map(|(i, d)| deduper.assign_signature(i, &d.signature).story)
            .collect();
        row(&docs, t, &groups);
    }

    for (name, score) in [
        (
            "containment",
            Signature::containment as fn(&Signature, &Signature) -> f64,
        ),
        ("Jaccard", Signature::jaccard),
    ] {
        println!("\nall pairs, linked when the {name} score reaches the threshold:\n");
        println!("| threshold | precision | recall | F1 | stories | false pairs | missed pairs |");
        println!("| --- | --- | --- | --- | --- | --- | --- |");
        for &t in &thresholds {
            row(&docs, t, &link_all_pairs(&docs, t, score));
        }
    }

    println!("\nclosest different-story pairs (containment, Jaccard):");
    let mut false_scores: Vec<(f64, f64, &str, &str)> = pairs_where(&docs, |a, b| a.story != b.story)
        .into_iter()
        .map(|(a, b)| {
            let (a, b) = (&docs[a], &docs[b]);
            (
                a.signature.containment(&b.signature),
                a.signature.jaccard(&b.signature),
                a.id.as_str(),
                b.id.as_str(),
            )
        })
        .collect();
    false_scores.sort_by(|x, y| y.0.total_cmp(&x.0));
    for (c, j, a, b) in false_scores.iter().take(5) {
        println!("  {c:.3} {j:.3}  {a}  {b}");
    }
    println!("\nloosest same-story pairs with the original (containment, Jaccard, edit):");
    let mut copies: Vec<(f64, f64, &str, &str)> = docs
        .iter()
        .filter(|d| d.edit != "original")
        .filter_map(|copy| {
            let original = docs
                .iter()
                .find(|d| d.edit == "original" && copy.id.starts_with(&format!("{}~", d.id)))?;
            Some((
                copy.signature.containment(&original.signature),
                copy.signature.jaccard(&original.signature),
                copy.id.as_str(),
                copy.edit.as_str(),
            ))
        })
        .collect();
    copies.sort_by(|x, y| x.0.total_cmp(&y.0));
    for (c, j, id, edit) in copies.iter().take(8) {
        println!("  {c:.3} {j:.3}  {id}  ({edit})");
    }
    let mut by_edit: BTreeMap<&str, (f64, f64)> = BTreeMap::new();
    for (c, j, _, edit) in &copies {
        let entry = by_edit.entry(edit).or_insert((1.0, 1.0));
        entry.0 = entry.0.min(*c);
        entry.1 = entry.1.min(*j);
    }
    println!("\nlowest score with the original, by edit (containment, Jaccard):");
    for (edit, (c, j)) in by_edit {
        println!("  {c:.3} {j:.3}  {edit}");
    }
}

fn pairs_where(docs: &[Doc], keep: impl Fn(&Doc, &Doc) -> bool) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for a in 0..docs.len() {
        for b in a + 1..docs.len() {
            if keep(&docs[a], &docs[b]) {
                out.push((a, b));
            }
        }
    }
    out
}

/// Single-link grouping over every pair: union-find on the pairs scoring at least `t`.
fn link_all_pairs(docs: &[Doc], t: f64, score: fn(&Signature, &Signature) -> f64) -> Vec<usize> {
    let mut parent: Vec<usize> = (0..docs.len()).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    for (a, b) in pairs_where(docs, |a, b| score(&a.signature, &b.signature) >= t) {
        let (ra, rb) = (root(&mut parent, a), root(&mut parent, b));
        parent[ra.max(rb)] = ra.min(rb);
    }
    (0..docs.len()).map(|i| root(&mut parent, i)).collect()
}

fn row(docs: &[Doc], t: f64, groups: &[usize]) {
    let (mut tp, mut fp, mut fn_) = (0usize, 0usize, 0usize);
    for a in 0..docs.len() {
        for b in a + 1..docs.len() {
            let same = docs[a].story == docs[b].story;
            let grouped = groups[a] == groups[b];
            match (same, grouped) {
                (true, true) => tp += 1,
                (false, true) => fp += 1,
                (true, false) => fn_ += 1,
                (false, false) => {}
            }
        }
    }
    let precision = if tp + fp == 0 {
        1.0
    } else {
        tp as f64 / (tp + fp) as f64
    };
    let recall = if tp + fn_ == 0 {
        1.0
    } else {
        tp as f64 / (tp + fn_) as f64
    };
    let f1 = 2.0 * precision * recall / (precision + recall).max(f64::EPSILON);
    let stories = groups.iter().collect::<std::collections::BTreeSet<_>>().len();
    println!("| {t:.2} | {precision:.3} | {recall:.3} | {f1:.3} | {stories} | {fp} | {fn_} |");
}
