//! The command-line contract of `gazette extract --input jsonl` and of the publication date:
//! documents from JSON Lines, `published` from the input, the option or the dateline, and a
//! malformed line reported with its line number while the rest are processed.

mod common;

use std::path::Path;

use common::{json_lines, run};
use serde_json::Value;

fn date_values(doc: &Value) -> Vec<(String, Value)> {
    doc["dates"]
        .as_array()
        .expect("a dates list")
        .iter()
        .map(|d| (d["text"].as_str().unwrap_or_default().to_owned(), d["value"].clone()))
        .collect()
}

const BATCH: &str = concat!(
    r#"{"id": "a1", "text": "Albania cut ties with Iran yesterday.", "published": "2022-09-08T10:12:00Z", "title": "T", "url": "https://example.org/a1"}"#,
    "\n",
    r#"{"text": "The envoy left on Tuesday."}"#,
    "\n",
    "{not json\n",
    "\n",
    r#"{"id": 7, "text": "Talks resume next month.", "published": "2023-01-10"}"#,
    "\n",
    r#"{"id": "bad-date", "text": "x", "published": "10 January 2023"}"#,
    "\n",
);

#[test]
fn json_lines_documents_are_read_and_a_bad_line_is_reported_by_number() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("batch.jsonl");
    std::fs::write(&path, BATCH).unwrap();
    let path = path.to_str().unwrap();
    let (code, stdout, stderr) = run(&["extract", "--input", "jsonl", path], b"");
    assert_eq!(code, 1, "a malformed line makes the run fail at the end: {stderr}");
    let docs = json_lines(&stdout);
    assert_eq!(docs.len(), 3, "the other lines are processed");

    assert_eq!(docs[0]["source"], "a1", "the id names the document");
    assert_eq!(docs[0]["published"], "2022-09-08");
    assert_eq!(docs[0]["published_from"], "input");
    assert_eq!(
        date_values(&docs[0]),
        [("yesterday".to_owned(), Value::from("2022-09-07"))]
    );
    assert!(docs[0].get("title").is_none() && docs[0].get("url").is_none());

    assert_eq!(docs[1]["source"], format!("{path}:2"), "no id: path and line");
    assert_eq!(docs[1]["published"], Value::Null);
    assert_eq!(docs[1]["published_from"], Value::Null);
    assert_eq!(date_values(&docs[1]), [("Tuesday".to_owned(), Value::Null)]);

    assert_eq!(docs[2]["source"], "7");
    assert_eq!(
        date_values(&docs[2]),
        [("next month".to_owned(), Value::from("2023-02"))]
    );

    assert!(stderr.contains(&format!("{path}:3: not a JSON object")), "{stderr}");
    assert!(stderr.contains(&format!("{path}:6: \"published\"")), "{stderr}");
    assert_eq!(stderr.lines().count(), 2, "{stderr}");
}

#[test]
fn json_lines_from_stdin_and_the_option_beats_the_input() {
    let line = r#"{"id": "x", "text": "The minister resigned yesterday.", "published": "2022-09-08"}"#;
    let (code, stdout, stderr) = run(
        &["extract", "--input", "jsonl", "--published", "2022-09-20"],
        line.as_bytes(),
    );
    assert_eq!(code, 0, "{stderr}");
    let doc = &json_lines(&stdout)[0];
    assert_eq!(doc["published"], "2022-09-20");
    assert_eq!(doc["published_from"], "option");
    assert_eq!(date_values(doc), [("yesterday".to_owned(), Value::from("2022-09-19"))]);

    let (_, stdout, _) = run(
        &["extract", "--input", "jsonl", "--stdin-name", "wire"],
        b"{\"text\": \"Iran.\"}\n",
    );
    assert_eq!(json_lines(&stdout)[0]["source"], "wire:1");
}

#[test]
fn directories_of_json_lines_are_walked_for_jsonl_files() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, text: &str| std::fs::write(dir.path().join(name), text).unwrap();
    write("b.jsonl", "{\"id\": \"b\", \"text\": \"Iran.\"}\n");
    write("a.jsonl", "{\"id\": \"a\", \"text\": \"Albania.\"}\n");
    write("notes.txt", "not read");
    let (code, stdout, stderr) = run(&["extract", "--input", "jsonl", dir.path().to_str().unwrap()], b"");
    assert_eq!(code, 0, "{stderr}");
    let sources: Vec<Value> = json_lines(&stdout).iter().map(|d| d["source"].clone()).collect();
    assert_eq!(sources, ["a", "b"]);
}

#[test]
fn the_dateline_gives_the_publication_date_of_a_text() {
    let text = "Headline\n\nPublished 4 May 2023\n\nThe strike began yesterday.";
    let (code, stdout, _) = run(&["extract"], text.as_bytes());
    assert_eq!(code, 0);
    let doc = &json_lines(&stdout)[0];
    assert_eq!(doc["published"], "2023-05-04");
    assert_eq!(doc["published_from"], "dateline");
    assert_eq!(
        date_values(doc),
        [
            ("4 May 2023".to_owned(), Value::from("2023-05-04")),
            ("yesterday".to_owned(), Value::from("2023-05-03")),
        ]
    );
    let date = &doc["dates"][1];
    assert_eq!(date["relative"], true);
    assert_eq!(date["sentence"], 2);
    assert!(
        date["rule"].as_str().unwrap().contains("gazetteers/dates.tsv:"),
        "{date}"
    );

    let (_, stdout, _) = run(&["extract", "--published", "2023-05-10"], text.as_bytes());
    assert_eq!(json_lines(&stdout)[0]["published_from"], "option");
}

#[test]
fn a_user_date_file_extends_the_lexicon() {
    let dir = tempfile::tempdir().unwrap();
    let path = Path::new(dir.path()).join("my-dates.tsv");
    std::fs::write(&path, "phrase\tdate_kind\tvalue\nBastille Day\tholiday\t07-14\n").unwrap();
    let (code, stdout, stderr) = run(
        &[
            "extract",
            "--published",
            "2023-07-20",
            "--gazetteer",
            path.to_str().unwrap(),
        ],
        b"Troops paraded on Bastille Day.",
    );
    assert_eq!(code, 0, "{stderr}");
    let doc = &json_lines(&stdout)[0];
    assert_eq!(
        date_values(doc),
        [("Bastille Day".to_owned(), Value::from("2023-07-14"))]
    );
    assert!(doc["dates"][0]["rule"].as_str().unwrap().contains("my-dates.tsv:2"));

    std::fs::write(&path, "phrase\tdate_kind\tvalue\nBastille Day\tholiday\t14-07\n").unwrap();
    let (code, _, stderr) = run(&["extract", "--gazetteer", path.to_str().unwrap()], b"x");
    assert_eq!(code, 2);
    assert!(
        stderr.contains("my-dates.tsv:2: holiday needs a month and day MM-DD"),
        "{stderr}"
    );
}
