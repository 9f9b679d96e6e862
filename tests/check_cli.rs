//! The command-line contract of `gazette check`: verdict lines, diffs, the summary line, exit
//! codes, blessing, JUnit and colour. Each test builds its fixtures in a fresh folder with a
//! two-line gazetteer, so none depends on the default gazetteers.

use std::path::Path;
use std::process::Command;

use assert_cmd::cargo::CommandCargoExt;

const GAZETTEER: &str = "type\tname\taliases\tcountry\nstate\tAlbania\t\tALB\nstate\tIran\tTehran\tIRN\n";
const ARTICLE: &str = "Albania cut diplomatic ties with Tehran.\n";
const ARGS: &str = "--no-default-gazetteers\n--gazetteer g.tsv\n";

/// A folder holding the tiny gazetteer and one article, `seed.txt`, with its `.args`.
fn fixture_folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary folder");
    write(dir.path(), "g.tsv", GAZETTEER);
    write(dir.path(), "seed.txt", ARTICLE);
    write(dir.path(), "seed.args", ARGS);
    dir
}

fn write(dir: &Path, name: &str, contents: &str) {
    let path = dir.join(name);
    std::fs::create_dir_all(path.parent().expect("a parent folder")).expect("folder created");
    std::fs::write(path, contents).expect("file written");
}

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

/// Runs `gazette check ARGS` in `dir`, with NO_COLOR unset unless a test sets it.
fn check(dir: &Path, args: &[&str], no_color: Option<&str>) -> Run {
    let mut cmd = Command::cargo_bin("gazette").expect("the binary is built by cargo test");
    cmd.current_dir(dir).arg("check").args(args).env_remove("NO_COLOR");
    if let Some(value) = no_color {
        cmd.env("NO_COLOR", value);
    }
    let out = cmd.output().expect("gazette runs");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8(out.stdout).expect("the report is UTF-8"),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn last_line(text: &str) -> &str {
    text.lines().last().unwrap_or_default()
}

#[test]
fn passing_expectations_exit_0_with_the_summary_line() {
    let dir = fixture_folder();
    write(
        dir.path(),
        "seed.expect.json",
        r#"{"entities": [{"name": "Albania", "code": "ALB"}, {"name": "Iran", "mentions": [{"text": "Tehran"}]}],
            "absent": {"entities": [{"name": "Jordan"}]}}"#,
    );
    let run = check(dir.path(), &["."], None);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert!(run.stdout.starts_with("ok seed\n"), "{}", run.stdout);
    assert_eq!(last_line(&run.stdout), "1 passed, 0 failed");
}

#[test]
fn the_default_folder_is_fixtures() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let run = check(dir.path(), &[], None);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("no fixtures/ folder"), "{}", run.stderr);

    let fixtures = dir.path().join("fixtures");
    write(&fixtures, "g.tsv", GAZETTEER);
    write(&fixtures, "seed.txt", ARTICLE);
    write(&fixtures, "seed.args", ARGS);
    write(&fixtures, "seed.expect.json", r#"{"entities": [{"name": "Iran"}]}"#);
    let run = check(dir.path(), &[], None);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert_eq!(last_line(&run.stdout), "1 passed, 0 failed");
}

#[test]
fn an_article_without_expectations_fails_and_says_how_to_bless() {
    let dir = fixture_folder();
    let run = check(dir.path(), &["."], None);
    assert_eq!(run.code, 1);
    assert!(
        run.stdout
            .contains("FAIL seed (no expectation; run gazette check --bless to create seed.json)"),
        "{}",
        run.stdout
    );
    assert_eq!(last_line(&run.stdout), "0 passed, 1 failed");
}

#[test]
fn bless_creates_the_snapshot_and_then_check_passes() {
    let dir = fixture_folder();
    let run = check(dir.path(), &["--bless", "."], None);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert!(run.stdout.contains("blessed seed\n"), "{}", run.stdout);

    let snapshot = std::fs::read_to_string(dir.path().join("seed.json")).expect("seed.json written");
    assert!(snapshot.ends_with("}\n"), "pretty JSON with a trailing newline");
    let value: serde_json::Value = serde_json::from_str(&snapshot).expect("valid JSON");
    assert_eq!(value["source"], "seed.txt", "the file name only, not a path");
    assert_eq!(
        value["entities"][1]["entry"], "g.tsv:3",
        "relative to the fixture folder"
    );
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "no temporary files left: {leftovers:?}");

    let run = check(dir.path(), &["."], None);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert_eq!(last_line(&run.stdout), "1 passed, 0 failed");

    // Blessing again changes nothing, so it says nothing.
    let run = check(dir.path(), &["--bless", "seed.txt"], None);
    assert_eq!(run.code, 0);
    assert!(!run.stdout.contains("blessed"), "{}", run.stdout);
}

#[test]
fn bless_never_writes_expect_files_nor_snapshots_beside_them() {
    let dir = fixture_folder();
    let expect = r#"{"entities": [{"name": "Jordan"}]}"#;
    write(dir.path(), "seed.expect.json", expect);
    let run = check(dir.path(), &["--bless", "."], None);
    assert_eq!(run.code, 1, "the unmet expectation still fails: {}", run.stdout);
    assert!(!dir.path().join("seed.json").exists());
    assert_eq!(
        std::fs::read_to_string(dir.path().join("seed.expect.json")).unwrap(),
        expect
    );
}

#[test]
fn drift_exits_1_with_a_diff_naming_the_path() {
    let dir = fixture_folder();
    assert_eq!(check(dir.path(), &["--bless", "."], None).code, 0);
    // The article changes: Tehran moves, and a new state appears before it.
    write(
        dir.path(),
        "seed.txt",
        "Albania, angry, cut diplomatic ties with Tehran.\n",
    );
    let run = check(dir.path(), &["."], None);
    assert_eq!(run.code, 1, "{}{}", run.stdout, run.stderr);
    assert!(run.stdout.starts_with("FAIL seed\n"), "{}", run.stdout);
    assert!(run.stdout.contains("seed.json: "), "{}", run.stdout);
    assert!(run.stdout.contains("entities[1].mentions[0]"), "{}", run.stdout);
    assert!(
        run.stdout.contains("expected ") && run.stdout.contains("actual "),
        "{}",
        run.stdout
    );
    assert_eq!(last_line(&run.stdout), "0 passed, 1 failed");
}

#[test]
fn unmet_expectations_show_the_closest_item() {
    let dir = fixture_folder();
    write(
        dir.path(),
        "seed.expect.json",
        r#"{"entities": [{"name": "Iran", "code": "IRNGOV"}], "absent": {"entities": [{"code": "ALB"}]}}"#,
    );
    let run = check(dir.path(), &["seed.expect.json"], None);
    assert_eq!(run.code, 1, "{}{}", run.stdout, run.stderr);
    for wanted in [
        "missing entity {\"code\": \"IRNGOV\", \"name\": \"Iran\"}",
        "changed entities[1].code",
        "expected \"IRNGOV\"",
        "actual   \"IRN\"",
        "present entity {\"code\": \"ALB\"} (listed as absent) at entities[0]",
    ] {
        assert!(run.stdout.contains(wanted), "{wanted:?} in\n{}", run.stdout);
    }
}

#[test]
fn malformed_or_unreadable_files_exit_2_naming_the_file_and_the_rest_are_checked() {
    let dir = fixture_folder();
    write(dir.path(), "seed.expect.json", r#"{"entities": [{"name": "Iran"}]}"#);
    write(dir.path(), "broken.txt", ARTICLE);
    write(dir.path(), "broken.args", ARGS);
    write(dir.path(), "broken.expect.json", "{\n  \"entities\": [\n");
    // A folder where a file should be cannot be read, even by root.
    write(dir.path(), "unreadable.txt", ARTICLE);
    write(dir.path(), "unreadable.args", ARGS);
    std::fs::create_dir(dir.path().join("unreadable.expect.json")).unwrap();
    write(dir.path(), "flags.txt", ARTICLE);
    write(dir.path(), "flags.args", "--no-default-gazetteers\n--pretty\n");

    let run = check(dir.path(), &["."], None);
    assert_eq!(run.code, 2, "{}{}", run.stdout, run.stderr);
    assert!(run.stdout.contains("broken.expect.json:3:"), "{}", run.stdout);
    assert!(run.stdout.contains("unreadable.expect.json: "), "{}", run.stdout);
    assert!(
        run.stdout.contains("flags.args:2: unsupported flag \"--pretty\""),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("ok seed\n"),
        "the good fixture is still checked: {}",
        run.stdout
    );
    assert_eq!(last_line(&run.stdout), "1 passed, 3 failed");
    assert!(
        run.stderr.contains("could not check everything: 3 errors"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_missing_path_is_an_error_but_the_others_are_checked() {
    let dir = fixture_folder();
    write(dir.path(), "seed.expect.json", r#"{"entities": [{"name": "Iran"}]}"#);
    let run = check(dir.path(), &["missing-folder", "."], None);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("missing-folder: no such file or directory"),
        "{}",
        run.stderr
    );
    assert_eq!(last_line(&run.stdout), "1 passed, 0 failed");
}

#[test]
fn junit_report_is_well_formed_and_escapes_diffs() {
    let dir = fixture_folder();
    write(
        dir.path(),
        "seed.expect.json",
        r#"{"entities": [{"name": "<Iran & co>"}]}"#,
    );
    write(dir.path(), "good.txt", ARTICLE);
    write(dir.path(), "good.args", ARGS);
    write(dir.path(), "good.expect.json", r#"{"entities": [{"name": "Albania"}]}"#);
    let run = check(dir.path(), &["--format", "junit", "."], None);
    assert_eq!(run.code, 1, "{}{}", run.stdout, run.stderr);
    let xml = run.stdout;
    assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"), "{xml}");
    assert!(
        xml.contains(r#"<testsuite name="gazette check" tests="2" failures="1" errors="0""#),
        "{xml}"
    );
    assert_eq!(xml.matches("<testcase ").count(), 2, "{xml}");
    assert!(
        xml.contains(r#"<testcase name="good" classname="gazette check""#),
        "{xml}"
    );
    assert_eq!(xml.matches("<failure ").count(), 1, "{xml}");
    assert!(xml.contains("&lt;Iran &amp; co&gt;"), "the diff is escaped: {xml}");
    assert!(!xml.contains("<Iran"), "{xml}");
    assert!(xml.trim_end().ends_with("</testsuites>"), "{xml}");
    assert_balanced(&xml);
}

/// A rough well-formedness check: every element opened is closed, in order.
fn assert_balanced(xml: &str) {
    let mut open: Vec<String> = Vec::new();
    let mut rest = xml;
    while let Some(start) = rest.find('<') {
        let end = rest[start..].find('>').map(|e| start + e).expect("every tag is closed");
        let tag = &rest[start + 1..end];
        rest = &rest[end + 1..];
        if tag.starts_with('?') || tag.ends_with('/') {
            continue;
        }
        let name = tag.split_whitespace().next().unwrap_or_default();
        if let Some(closing) = name.strip_prefix('/') {
            assert_eq!(open.pop().as_deref(), Some(closing), "mismatched </{closing}>");
        } else {
            open.push(name.to_owned());
        }
    }
    assert!(open.is_empty(), "unclosed elements: {open:?}");
}

#[test]
fn colour_only_when_asked_or_on_a_terminal() {
    let dir = fixture_folder();
    write(dir.path(), "seed.expect.json", r#"{"entities": [{"name": "Jordan"}]}"#);
    let escape = '\u{1b}';
    for (args, no_color) in [
        (&["--color", "never", "."][..], None),
        (&["--color", "auto", "."][..], None),
        (&["."][..], Some("1")),
        (&["--color", "never", "."][..], Some("1")),
    ] {
        let run = check(dir.path(), args, no_color);
        assert_eq!(run.code, 1);
        assert!(
            !run.stdout.contains(escape),
            "{args:?} NO_COLOR={no_color:?}: {:?}",
            run.stdout
        );
    }
    let run = check(dir.path(), &["--color", "always", "."], None);
    assert!(run.stdout.contains(escape), "--color always colours: {:?}", run.stdout);
    // CI scripts parse the summary line, so it stays plain whatever the colour setting.
    assert_eq!(last_line(&run.stdout), "0 passed, 1 failed");
}
