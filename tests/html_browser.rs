//! The HTML page in a real browser: headless Chromium loads a page that gazette drew from an
//! article full of hostile markup, and the test reads back the DOM as Chromium built it, after
//! scripts ran. It also saves screenshots under target/ for a person to look at:
//! `html-screenshot.png` (desktop, light) and `html-screenshot-phone-dark.png`.
//!
//! Chromium is `$GAZETTE_CHROMIUM`, else `chromium` on the PATH (Debian's package `chromium`;
//! `.ci/run` installs it). Without it the test is skipped with a note, so that `cargo test`
//! passes on a fresh machine; `GAZETTE_REQUIRE_BROWSER=1` (which `.ci/run` sets) makes a
//! missing browser a failure, so that CI cannot skip it by accident. `GAZETTE_SKIP_BROWSER=1`
//! skips it on purpose.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use assert_cmd::cargo::CommandCargoExt;

/// Finds Chromium, or says why the test cannot run.
fn chromium() -> Option<PathBuf> {
    if std::env::var_os("GAZETTE_SKIP_BROWSER").is_some_and(|v| v == "1") {
        eprintln!("note: GAZETTE_SKIP_BROWSER=1, so the browser test is skipped");
        return None;
    }
    if let Some(path) = std::env::var_os("GAZETTE_CHROMIUM") {
        return Some(PathBuf::from(path));
    }
    let found = std::env::var_os("PATH")
        .iter()
        .flat_map(std::env::split_paths)
        .map(|dir| dir.join("chromium"))
        .find(|path| path.is_file());
    let required = std::env::var_os("GAZETTE_REQUIRE_BROWSER").is_some_and(|v| v == "1");
    match found {
        Some(path) => Some(path),
        None if !required => {
            eprintln!(
                "note: `chromium` is not on the PATH, so the browser test is skipped \
                 (install it, or set GAZETTE_REQUIRE_BROWSER=1 to make this a failure)"
            );
            None
        }
        None => panic!(
            "headless Chromium is needed for this test and `chromium` is not on the PATH.\n\
             Install it (Debian: `apt-get install -y chromium`), point GAZETTE_CHROMIUM at it, \
             or set GAZETTE_SKIP_BROWSER=1 to skip this test."
        ),
    }
}

/// Runs Chromium headless on `page` with `extra` arguments; returns its standard output.
/// A fresh profile each time, and every background service that would reach the network off.
fn headless(chromium: &Path, page: &Path, extra: &[&str]) -> String {
    let profile = tempfile::tempdir().expect("a temporary profile folder");
    let mut child = Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(extra)
        .arg(format!("file://{}", page.display()))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|err| panic!("cannot start {}: {err}", chromium.display()));
    // A browser that hangs would block the whole test run without a word; a deadline turns that
    // into a failure that names the command.
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        if child.try_wait().expect("waiting for Chromium").is_some() {
            break;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("{} {extra:?} did not finish within 60 s", chromium.display());
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let out = child.wait_with_output().expect("Chromium's output");
    assert!(
        out.status.success(),
        "{} {extra:?} failed ({}):\n{}",
        chromium.display(),
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The folder cargo builds into (where the screenshots are kept).
fn target_dir() -> PathBuf {
    let tmp = Path::new(env!("CARGO_TARGET_TMPDIR"));
    tmp.parent().unwrap_or(tmp).to_owned()
}

/// Draws the test article's page into `dir` with the built binary.
fn draw_page(dir: &Path) -> PathBuf {
    let article = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/html/tirana-portal-defacement.txt");
    let out = Command::cargo_bin("gazette")
        .expect("the binary is built by cargo test")
        .args(["extract", "--format", "html"])
        .arg(&article)
        .output()
        .expect("gazette runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let page = dir.join("page.html");
    std::fs::write(&page, &out.stdout).expect("the page is written");
    page
}

/// The attributes of the first `<tag ...>` in `dom`.
fn opening_tag<'a>(dom: &'a str, tag: &str) -> &'a str {
    let start = dom
        .find(&format!("<{tag}"))
        .unwrap_or_else(|| panic!("no <{tag}> in the DOM"));
    let end = dom[start..].find('>').map_or(dom.len(), |e| start + e + 1);
    &dom[start..end]
}

#[test]
fn chromium_renders_the_page_and_runs_only_its_own_script() {
    let Some(chromium) = chromium() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let page = draw_page(dir.path());
    let dom = headless(&chromium, &page, &["--dump-dom"]);

    // The page's own script ran (so its hash in the Content-Security-Policy is current) and
    // none of the article's did: each would have set data-injected on <html>.
    let html = opening_tag(&dom, "html");
    assert!(
        html.contains("data-script=\"ready\""),
        "the page's script did not run: {html}\nIf src/html/page.js changed, update SCRIPT_SHA256 \
         in src/html.rs (openssl dgst -sha256 -binary src/html/page.js | base64)."
    );
    assert!(!html.contains("data-injected"), "an article script ran: {html}");
    // No element came out of the article's markup: the only img, svg, style and script
    // elements are the page's own, and no link leads to javascript:.
    assert!(!dom.contains("<img"), "an <img> element was built from the article");
    assert_eq!(dom.matches("<svg").count(), 1, "only the actor graph is an <svg>");
    assert_eq!(dom.matches("<style").count(), 1);
    assert_eq!(dom.matches("<script").count(), 1);
    assert!(!dom.contains("<a href=\"javascript"));
    // ... and the markup is there to read, as text.
    assert!(
        dom.contains("&lt;img src=x onerror="),
        "the article's markup is shown as text"
    );
    assert!(dom.contains("&lt;style&gt;body{display:none}&lt;/style&gt;"));

    // Highlights of every kind, keyboard-focusable, with their details.
    for class in [
        "m state",
        "m person",
        "m place",
        "m organisation",
        "m date",
        "m trigger",
    ] {
        assert!(
            dom.contains(&format!("<mark class=\"{class}\" tabindex=\"0\"")),
            "no {class} highlight"
        );
    }
    let hasani = opening_tag(&dom[dom.find("<mark class=\"m person\"").unwrap()..], "mark");
    assert!(hasani.contains("title=\"Igli Hasani (person, "), "{hasani}");
    assert!(hasani.contains("origin: inferred by rule title"), "{hasani}");
    assert!(
        dom.contains(">Tiranë</mark>’s"),
        "diacritics and curly quotes stay exact"
    );
    assert!(dom.contains("title=\"date: 2024-02-05"), "a date shows its value");

    // The events table and the sentence its row points at.
    let row = opening_tag(&dom[dom.find("<tbody>").expect("an events table")..], "tr class");
    assert!(row.contains("data-ev=\"v1\""), "{row}");
    let sentence = row.split("data-s=\"").nth(1).and_then(|s| s.split('"').next()).unwrap();
    assert!(dom.contains(&format!("<span class=\"s\" id=\"s{sentence}\"")));
    assert!(
        dom.contains("marker-end=\"url(#arrow-q3)\""),
        "an arrow coloured by quad class"
    );
}

#[test]
fn chromium_takes_screenshots_of_the_page() {
    let Some(chromium) = chromium() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let page = draw_page(dir.path());
    let target = target_dir();
    for (name, size, extra) in [
        ("html-screenshot.png", "1280,1400", None),
        ("html-screenshot-phone-dark.png", "390,1400", Some("--force-dark-mode")),
    ] {
        let png = target.join(name);
        let _ = std::fs::remove_file(&png);
        let mut args = vec![
            format!("--screenshot={}", png.display()),
            format!("--window-size={size}"),
        ];
        args.extend(extra.map(str::to_owned));
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        headless(&chromium, &page, &args);
        let bytes = std::fs::read(&png).unwrap_or_else(|err| panic!("{}: {err}", png.display()));
        assert!(
            bytes.starts_with(b"\x89PNG\r\n\x1a\n"),
            "{} is not a PNG",
            png.display()
        );
        // A blank page compresses to a few kilobytes; text and colours do not.
        assert!(bytes.len() > 20_000, "{} is suspiciously small", png.display());
        eprintln!("screenshot: {}", png.display());
    }
}
