//! Pathological articles through the library: one name repeated 100,000 times, a
//! 100,000-character word, 10,000 sentences without punctuation, and one unpunctuated sentence
//! of 60,000 words full of triggers and actors; and every fixture article in capitals and as
//! scrapers mangle it (CRLF, non-breaking spaces, lower case, one line, no punctuation, cut
//! off). Each must come out as an ordinary record.
//!
//! These are no timing tests (the machine is shared): they complete in seconds in a debug
//! build with linear stages, and would run for minutes with a quadratic one, as the long
//! sentence did before clause boundaries were found once per sentence (measured 1x/4x ratios
//! are in docs/errors.md).

use std::sync::OnceLock;

use gazette::{Document, ExtractOptions, Pipeline};

#[path = "support/news_words.rs"]
mod news_words;
use news_words::news_words;

fn pipeline() -> &'static Pipeline {
    static PIPELINE: OnceLock<Pipeline> = OnceLock::new();
    PIPELINE.get_or_init(|| Pipeline::with_default_gazetteers().expect("the embedded gazetteers load"))
}

fn extract(text: String) -> gazette::DocumentRecord {
    pipeline().extract(&Document::new("pathological", text), &ExtractOptions::default())
}

#[test]
fn one_name_repeated_100000_times() {
    let record = extract("Iran ".repeat(100_000));
    assert_eq!(record.entities.len(), 1);
    assert_eq!(record.entities[0].name, "Iran");
    assert_eq!(record.entities[0].mentions.len(), 100_000);
}

#[test]
fn a_100000_character_word() {
    let record = extract(format!("Albania {} Iran.", "a".repeat(100_000)));
    let names: Vec<&str> = record.entities.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(names, ["Albania", "Iran"]);
}

#[test]
fn ten_thousand_sentences_without_punctuation() {
    let lines: Vec<String> = news_words(120_000).chunks(12).map(|line| line.join(" ")).collect();
    assert_eq!(lines.len(), 10_000);
    let record = extract(lines.join("\n"));
    assert!(record.entities.iter().any(|e| e.name == "Albania"));
    assert!(!record.events.is_empty());
}

#[test]
fn one_unpunctuated_sentence_of_60000_words() {
    let record = extract(news_words(60_000).join(" "));
    assert_eq!(record.sentences.len(), 1);
    assert!(!record.events.is_empty());
}

/// An article on one line, with a date in every sentence: finding the dateline once looked at
/// the whole line for every date on it, which was quadratic (a 20 MB line ran for minutes).
/// The dateline opening the line is still found.
#[test]
fn one_line_with_a_date_in_every_sentence() {
    let text = format!(
        "TIRANA, Sept. 13, 2022 (Reuters) - {}",
        "Albania cut ties with Iran on 12 September 2022. ".repeat(20_000)
    );
    let record = extract(text);
    assert_eq!(record.published.as_deref(), Some("2022-09-13"));
    assert_eq!(record.dates.len(), 20_001);
}

/// The fixture articles, each with its path and text.
fn fixture_articles() -> Vec<(std::path::PathBuf, String)> {
    let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut articles = Vec::new();
    for entry in std::fs::read_dir(&fixtures).expect("the fixtures folder ships with the crate") {
        let path = entry.expect("a readable folder").path();
        if path.extension().is_some_and(|ext| ext == "txt") {
            let text = std::fs::read_to_string(&path).expect("fixture articles are UTF-8");
            articles.push((path, text));
        }
    }
    assert!(articles.len() >= 30, "only {} fixture articles found", articles.len());
    articles
}

/// Every fixture article in capitals, as some wires and scraped headlines print them. The
/// segmenter once did not know "LT." as it knows "Lt.", so a title ("LT. COL.") could run past
/// the end of a sentence it drew; rules that sliced from the title's end to the sentence's end
/// panicked on two of these. Names still match in capitals ("IRAN" is Iran).
#[test]
fn fixture_articles_in_capitals() {
    for (path, text) in fixture_articles() {
        let as_written = extract(text.clone());
        let in_capitals = extract(text.to_uppercase());
        assert_eq!(in_capitals.sentences.is_empty(), as_written.sentences.is_empty());
        if !as_written.entities.is_empty() {
            assert!(
                !in_capitals.entities.is_empty(),
                "{}: no entity in capitals",
                path.display()
            );
        }
    }
}

/// The fixture articles as scrapers mangle them: CRLF line ends, non-breaking spaces, lower
/// case, all on one line, without punctuation, cut off mid-way. Each must come out as a record
/// (a panic fails the test). CRLF line ends and non-breaking spaces change no gazetteer
/// entity; the first half of an article names no entity the whole does not.
#[test]
fn fixture_articles_mangled() {
    let known = |record: &gazette::DocumentRecord| -> Vec<String> {
        let mut names: Vec<String> = record
            .entities
            .iter()
            .filter(|e| e.origin == "gazetteer")
            .map(|e| e.name.clone())
            .collect();
        names.sort();
        names.dedup();
        names
    };
    for (path, text) in fixture_articles() {
        let as_written = known(&extract(text.clone()));
        for (what, variant) in [
            ("CRLF", text.replace('\n', "\r\n")),
            ("NBSP", text.replace(' ', "\u{a0}")),
        ] {
            assert_eq!(
                known(&extract(variant)),
                as_written,
                "{}: {what} changed the entities",
                path.display()
            );
        }
        let half = (0..=text.len() / 2)
            .rev()
            .find(|&i| text.is_char_boundary(i))
            .unwrap_or(0);
        let first_half = known(&extract(text[..half].to_owned()));
        assert!(
            first_half.iter().all(|name| as_written.contains(name)),
            "{}: the first half names {first_half:?}, the whole {as_written:?}",
            path.display()
        );
        for variant in [
            text.to_lowercase(),
            text.replace('\n', " "),
            text.chars()
                .filter(|c| c.is_alphanumeric() || c.is_whitespace())
                .collect(),
        ] {
            extract(variant);
        }
    }
}
