//! The command-line contract of `gazette extract`: input handling, output shape, errors and
//! exit codes. Extraction quality is pinned by the fixtures (`tests/golden.rs`).

mod common;

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::Stdio;

use common::{gazette, json_lines, run};
use serde_json::Value;

fn entity_names(doc: &Value) -> Vec<String> {
    doc["entities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["name"].as_str().unwrap().to_owned())
        .collect()
}

fn write(dir: &Path, name: &str, contents: &[u8]) {
    let path = dir.join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, contents).unwrap();
}

#[test]
fn stdin_article_gives_one_json_document() {
    let (code, stdout, stderr) = run(&["extract"], "Albania cut diplomatic ties with Tehran.".as_bytes());
    assert_eq!(code, 0, "{stderr}");
    let docs = json_lines(&stdout);
    assert_eq!(docs.len(), 1);
    let doc = &docs[0];
    assert_eq!(doc["schema"], "gazette/v1");
    assert_eq!(doc["source"], "-");
    assert_eq!(doc["offsets"], "chars");
    assert_eq!(entity_names(doc), ["Albania", "Iran"]);
    let tehran = &doc["entities"][1]["mentions"][0];
    assert_eq!(tehran["text"], "Tehran");
    assert_eq!(tehran["form"], "capital");
    assert_eq!((tehran["start"].as_u64(), tehran["end"].as_u64()), (Some(33), Some(39)));
    assert_eq!(doc["entities"][0]["code"], "ALB");
    assert_eq!(doc["entities"][0]["origin"], "gazetteer");
}

#[test]
fn dash_reads_stdin_and_stdin_name_sets_the_source() {
    let (code, stdout, _) = run(&["extract", "-", "--stdin-name", "wire/0001"], b"Iran.");
    assert_eq!(code, 0);
    assert_eq!(json_lines(&stdout)[0]["source"], "wire/0001");
}

#[test]
fn empty_input_gives_valid_json_with_empty_lists() {
    let (code, stdout, _) = run(&["extract"], b"");
    assert_eq!(code, 0);
    let doc = &json_lines(&stdout)[0];
    for list in ["sentences", "entities", "dates", "events"] {
        assert_eq!(doc[list], Value::Array(vec![]), "{list}");
    }
}

#[test]
fn offsets_are_code_points_by_default_and_bytes_on_request() {
    let text = "Olta Xhaçka’s ally: Iran";
    let (_, chars, _) = run(&["extract"], text.as_bytes());
    let (_, bytes, _) = run(&["extract", "--offsets", "bytes"], text.as_bytes());
    let iran_chars = &json_lines(&chars)[0]["entities"].as_array().unwrap().last().unwrap()["mentions"][0].clone();
    let bytes_doc = &json_lines(&bytes)[0];
    let iran_bytes = &bytes_doc["entities"].as_array().unwrap().last().unwrap()["mentions"][0];
    assert_eq!(bytes_doc["offsets"], "bytes");
    let char_start = iran_chars["start"].as_u64().unwrap() as usize;
    let byte_start = iran_bytes["start"].as_u64().unwrap() as usize;
    assert_eq!(text.chars().skip(char_start).take(4).collect::<String>(), "Iran");
    assert_eq!(&text[byte_start..byte_start + 4], "Iran");
    assert!(byte_start > char_start);
}

#[test]
fn every_mention_text_is_the_input_slice() {
    let text = "ISRAEL OFFERS AID TO ALBANIA\r\n\r\nIsrael\u{00A0}and Albania’s government met in Tirana. \
                Iranian diplomats left Tehran’s embassy 🇦🇱 in Tirana.";
    let (code, stdout, _) = run(&["extract"], text.as_bytes());
    assert_eq!(code, 0);
    let chars: Vec<char> = text.chars().collect();
    let doc = &json_lines(&stdout)[0];
    let mut count = 0;
    for entity in doc["entities"].as_array().unwrap() {
        for mention in entity["mentions"].as_array().unwrap() {
            let (start, end) = (
                mention["start"].as_u64().unwrap() as usize,
                mention["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(
                chars[start..end].iter().collect::<String>(),
                mention["text"].as_str().unwrap()
            );
            count += 1;
        }
    }
    assert!(count >= 8, "expected mentions in every line, got {count}");
}

#[test]
fn directories_are_walked_in_sorted_order_as_json_lines() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "b.txt", b"Iran.");
    write(dir.path(), "a.txt", b"Albania.");
    write(dir.path(), "sub/c.txt", b"Israel.");
    write(dir.path(), "notes.md", b"Chad.");
    let (code, stdout, stderr) = run(&["extract", dir.path().to_str().unwrap()], b"");
    assert_eq!(code, 0, "{stderr}");
    let docs = json_lines(&stdout);
    let names: Vec<Vec<String>> = docs.iter().map(entity_names).collect();
    assert_eq!(names, [vec!["Albania"], vec!["Iran"], vec!["Israel"]]);

    let (_, stdout, _) = run(&["extract", "--ext", "md", dir.path().to_str().unwrap()], b"");
    assert_eq!(json_lines(&stdout).len(), 1);
}

#[test]
fn a_bad_file_is_reported_and_the_others_still_processed() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", b"Albania.");
    write(dir.path(), "b.txt", b"Iran \xFF\xFE here.");
    write(dir.path(), "c.txt", b"Israel.");
    let (code, stdout, stderr) = run(&["extract", dir.path().to_str().unwrap()], b"");
    assert_eq!(code, 1, "some inputs failed");
    assert_eq!(json_lines(&stdout).len(), 2);
    assert!(stderr.contains("b.txt: invalid UTF-8 at byte 5"), "{stderr}");

    let (code, stdout, _) = run(&["extract", "--lossy", dir.path().to_str().unwrap()], b"");
    assert_eq!(code, 0);
    assert_eq!(json_lines(&stdout).len(), 3);
}

#[test]
fn a_missing_path_is_a_clear_error() {
    let (code, stdout, stderr) = run(&["extract", "no/such/article.txt"], b"");
    assert_eq!(code, 1);
    assert!(stdout.is_empty());
    assert!(
        stderr.contains("no/such/article.txt: no such file or directory"),
        "{stderr}"
    );
}

#[test]
fn a_user_adds_a_person_with_one_line() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "mine.tsv",
        b"type\tname\taliases\tcountry\tsector\trole\tfrom\tto\n\
          person\tJane Doe\tJ. Doe\tGBR\tGOV\tMinister of State for Europe\t2024-07-05\t\n",
    );
    let gazetteer = dir.path().join("mine.tsv");
    let (code, stdout, stderr) = run(
        &["extract", "--gazetteer", gazetteer.to_str().unwrap()],
        b"Jane Doe met Iranian officials. Doe said talks would go on.",
    );
    assert_eq!(code, 0, "{stderr}");
    let doc = &json_lines(&stdout)[0];
    let jane = &doc["entities"][0];
    assert_eq!(jane["name"], "Jane Doe");
    assert_eq!(jane["code"], "GBRGOV");
    assert_eq!(jane["role"], "Minister of State for Europe");
    assert_eq!(
        jane["mentions"].as_array().unwrap().len(),
        2,
        "the surname is a second mention"
    );
    assert!(jane["entry"].as_str().unwrap().ends_with("mine.tsv:2"));

    let (_, stdout, _) = run(
        &[
            "extract",
            "--no-default-gazetteers",
            "--gazetteer",
            gazetteer.to_str().unwrap(),
        ],
        b"Jane Doe met Iranian officials.",
    );
    assert_eq!(entity_names(&json_lines(&stdout)[0]), ["Jane Doe"]);
}

#[test]
fn a_bad_gazetteer_line_is_fatal_and_located() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "bad.tsv",
        b"type\tname\tcountry\nperson\tJane Doe\tBritain\n",
    );
    let gazetteer = dir.path().join("bad.tsv");
    let (code, stdout, stderr) = run(&["extract", "--gazetteer", gazetteer.to_str().unwrap()], b"Iran.");
    assert_eq!(code, 2);
    assert!(stdout.is_empty());
    assert!(
        stderr.contains("bad.tsv:2: country \"Britain\" is not an ISO 3166-1 alpha-3 code"),
        "{stderr}"
    );
}

#[test]
fn pretty_prints_on_request() {
    let (_, stdout, _) = run(&["extract", "--pretty"], b"Iran.");
    assert!(stdout.lines().count() > 5);
    let doc: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(doc["entities"][0]["name"], "Iran");
}

#[test]
fn usage_errors_exit_2() {
    let (code, _, stderr) = run(&["extract", "--published", "13/09/2022"], b"");
    assert_eq!(code, 2);
    assert!(stderr.contains("not a date of the form YYYY-MM-DD"), "{stderr}");
}

#[test]
fn a_closed_pipe_ends_quietly() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..400 {
        write(
            dir.path(),
            &format!("{i:04}.txt"),
            "Albania cut ties with Iran. ".repeat(50).as_bytes(),
        );
    }
    let mut child = gazette()
        .args(["extract", dir.path().to_str().unwrap()])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first_line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first_line)
        .unwrap();
    // The reader is dropped here, closing the pipe like `| head -1`.
    let out = child.wait_with_output().unwrap();
    assert!(first_line.starts_with('{'));
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
}

#[test]
fn events_tsv_has_one_row_per_event_under_a_header() {
    let (code, stdout, stderr) = run(
        &["extract", "--format", "events-tsv", "--stdin-name", "wire/1"],
        "Albania cut diplomatic ties with Tehran on Wednesday.".as_bytes(),
    );
    assert_eq!(code, 0, "{stderr}");
    let rows: Vec<Vec<&str>> = stdout.lines().map(|l| l.split('\t').collect()).collect();
    assert_eq!(rows[0][0], "document");
    assert_eq!(rows.len(), 2, "{stdout}");
    let header = &rows[0];
    let row = &rows[1];
    assert_eq!(row.len(), header.len());
    let column = |name: &str| row[header.iter().position(|h| *h == name).unwrap()];
    assert_eq!(column("document"), "wire/1");
    assert_eq!(column("source_code"), "ALB");
    assert_eq!(column("target_code"), "IRN");
    assert_eq!(column("cameo"), "161");
    assert_eq!(column("plover"), "SANCTION");
    assert_eq!(column("trigger"), "cut");
}

/// A scrambled sentence (from a synthetic corpus) whose event noun opens the sentence before
/// the clause its verb starts once made the event stage step back past the first word and
/// panic; it must come out as an ordinary document.
#[test]
fn an_event_noun_before_its_clause_does_not_panic() {
    let text = "appeal — to signed a declaration of intent with Israel and the United Arab Emirates on Monday \
                under which a large solar farm in Jordan would of electricity to Israel while Israel on supply \
                Jordan with desalinated Ministers in a project brokered by the Emiratis.";
    let (code, stdout, stderr) = run(&["extract"], text.as_bytes());
    assert_eq!(code, 0, "{stderr}");
    let docs = json_lines(&stdout);
    assert_eq!(docs.len(), 1);
    assert!(entity_names(&docs[0]).contains(&"Israel".to_owned()));
}
