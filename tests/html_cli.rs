//! `gazette extract --format html`: one page on standard output, a folder with an index, and the
//! usage errors around them. What the page looks like in a browser is `tests/html_browser.rs`.

mod common;

use std::path::Path;

use common::{json_lines, run};

/// An article written for these tests, full of markup that must stay text.
fn hostile_article() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/html/tirana-portal-defacement.txt")
        .display()
        .to_string()
}

#[test]
fn one_article_gives_one_page_with_its_text_escaped() {
    let (code, stdout, stderr) = run(&["extract", "--format", "html", &hostile_article()], b"");
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.starts_with("<!DOCTYPE html>"),
        "{}",
        &stdout[..80.min(stdout.len())]
    );
    assert!(stdout.trim_end().ends_with("</html>"));
    // The page's own script and stylesheet are the only ones; the article's are text.
    assert_eq!(stdout.matches("<script").count(), 1);
    assert_eq!(stdout.matches("<style").count(), 1);
    assert!(!stdout.contains("<img"));
    assert!(!stdout.contains("<a href=\"javascript"));
    assert!(stdout.contains("&lt;script&gt;document.documentElement.setAttribute(&#39;data-injected&#39;"));
    assert!(stdout.contains("&quot;&gt;&lt;img src=x onerror="));
    // Nothing is fetched: no URL of any scheme but the page's own anchors.
    for scheme in ["http:", "https:", "//fonts", "@import", "url(http"] {
        assert!(!stdout.contains(scheme), "{scheme}");
    }
    // Mentions keep their diacritics and curly apostrophes outside the highlight.
    assert!(stdout.contains(">Tiranë</mark>’s"), "{stdout}");
    assert!(stdout.contains("<mark class=\"m person\""));
    assert!(stdout.contains("<tr class=\"q3\" data-ev=\"v1\""));
}

#[test]
fn every_mention_date_and_trigger_of_the_json_is_highlighted() {
    let article = hostile_article();
    let (_, json, _) = run(&["extract", &article], b"");
    let (code, page, stderr) = run(&["extract", "--format", "html", &article], b"");
    assert_eq!(code, 0, "{stderr}");
    let doc = &json_lines(&json)[0];
    let count = |key: &str| doc[key].as_array().unwrap().len();
    let mentions: usize = doc["entities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["mentions"].as_array().unwrap().len())
        .sum();
    // Each first piece is a tab stop; continuation pieces are not, so this counts spans.
    let stops = |class: &str| page.matches(&format!("class=\"m {class}\" tabindex=\"0\"")).count();
    let entity_stops: usize = ["person", "state", "organisation", "place"]
        .iter()
        .map(|c| stops(c))
        .sum();
    assert!(mentions > 10, "the article has mentions to check: {mentions}");
    assert_eq!(entity_stops, mentions);
    assert_eq!(stops("date"), count("dates"));
    // Events that share a trigger (both directions of "met") share its highlight.
    let mut triggers: Vec<(u64, u64)> = doc["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["trigger"]["start"].as_u64().unwrap(),
                e["trigger"]["end"].as_u64().unwrap(),
            )
        })
        .collect();
    triggers.dedup();
    assert!(!triggers.is_empty(), "the article has events to check");
    assert_eq!(stops("trigger"), triggers.len());
    assert_eq!(page.matches("<span class=\"s\" id=").count(), count("sentences"));
}

#[test]
fn standard_input_works_like_a_file() {
    let (code, stdout, stderr) = run(
        &["extract", "--format", "html"],
        "Albania cut ties with Tehran.".as_bytes(),
    );
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("<h1>-</h1>"));
    assert!(stdout.contains("title=\"Iran (state, e2)"), "{stdout}");
}

#[test]
fn several_articles_without_a_folder_are_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "Albania.").unwrap();
    std::fs::write(dir.path().join("b.txt"), "Iran.").unwrap();
    let (code, stdout, stderr) = run(&["extract", "--format", "html", dir.path().to_str().unwrap()], b"");
    assert_eq!(code, 2);
    assert!(stdout.is_empty(), "no half page: {stdout}");
    assert!(stderr.contains("more than one"), "{stderr}");
    assert!(stderr.contains("--html-dir DIR"), "{stderr}");
}

#[test]
fn html_dir_writes_an_index_and_one_page_per_article() {
    let input = tempfile::tempdir().unwrap();
    std::fs::write(input.path().join("b.txt"), "Iran.").unwrap();
    std::fs::create_dir(input.path().join("sub")).unwrap();
    std::fs::write(input.path().join("sub/b.txt"), "Israel met Albania.").unwrap();
    std::fs::write(input.path().join("index.txt"), "Albania <b>bold</b>.").unwrap();
    let out = tempfile::tempdir().unwrap();
    let site = out.path().join("pages");
    let (code, stdout, stderr) = run(
        &[
            "extract",
            "--format",
            "html",
            "--html-dir",
            site.to_str().unwrap(),
            input.path().to_str().unwrap(),
        ],
        b"",
    );
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.is_empty(), "pages go to the folder: {stdout}");
    let mut files: Vec<String> = std::fs::read_dir(&site)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    files.sort();
    // Two articles named b and one named index: none overwrites another or the index.
    assert_eq!(files, ["b-2.html", "b.html", "index-2.html", "index.html"]);
    let index = std::fs::read_to_string(site.join("index.html")).unwrap();
    for page in ["b.html", "index-2.html", "b-2.html"] {
        assert!(index.contains(&format!("<a href=\"{page}\">")), "{page} in {index}");
    }
    assert_eq!(index.matches("<script").count(), 0);
    let page = std::fs::read_to_string(site.join("index-2.html")).unwrap();
    assert!(page.contains("<a href=\"index.html\">"), "a way back to the index");
    assert!(page.contains("&lt;b&gt;bold&lt;/b&gt;"));
}

#[test]
fn html_dir_needs_the_html_format() {
    let dir = tempfile::tempdir().unwrap();
    let (code, _, stderr) = run(&["extract", "--html-dir", dir.path().to_str().unwrap()], b"Iran.");
    assert_eq!(code, 2);
    assert!(stderr.contains("--html-dir only applies to --format html"), "{stderr}");
}

#[test]
fn an_unwritable_html_dir_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("not-a-folder");
    std::fs::write(&file, "").unwrap();
    let (code, _, stderr) = run(
        &["extract", "--format", "html", "--html-dir", file.to_str().unwrap()],
        b"Iran.",
    );
    assert_eq!(code, 2);
    assert!(stderr.contains("not-a-folder"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}
