//! `gazette gazetteer import-petrarch` and `gazette eval petrarch`, on the hand-written
//! dictionaries and suite in tests/data/petrarch (no ../shared needed).

use assert_cmd::Command;
use serde_json::Value;

const DICTIONARIES: &str = "tests/data/petrarch/dictionaries";
const SUITE: &str = "tests/data/petrarch/suite.jsonl";

fn gazette() -> Command {
    Command::cargo_bin("gazette").expect("the binary is built by cargo test")
}

#[test]
fn import_writes_gazette_files_and_reports_bad_lines() {
    let out = tempfile::tempdir().unwrap();
    let run = gazette()
        .args(["gazetteer", "import-petrarch", DICTIONARIES, "--out"])
        .arg(out.path())
        .output()
        .unwrap();
    let stderr = String::from_utf8(run.stderr).unwrap();
    // The malformed date is reported with its file and line, and the rest is still written.
    assert_eq!(run.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("mini.actors.txt:11: period \"2004017\" in [VAL 2004017] must be <D, >D or D-D"),
        "{stderr}"
    );
    assert!(
        stderr.contains("patterns left out: 1 (words before the verb)"),
        "{stderr}"
    );
    let actors = std::fs::read_to_string(out.path().join("petrarch-actors.tsv")).unwrap();
    assert!(
        actors.contains("organisation\tmarta osten\t\tVALCIV\t\t2009-12-31\n"),
        "{actors}"
    );
    let agents = std::fs::read_to_string(out.path().join("petrarch-agents.tsv")).unwrap();
    assert!(
        agents.contains("organisation\tcongressman\tcongressmen|congresswoman|congresswomen\tLEG\tagent ~LEG\n"),
        "{agents}"
    );

    // The converted files drive extraction: a dated role, a synset pattern, an opaque code.
    let text = "Marta Osten accused Valdoria of trade breaches on Monday.";
    let run = gazette()
        .args([
            "extract",
            "--no-default-gazetteers",
            "--published",
            "2016-05-02",
            "--gazetteer",
        ])
        .arg(out.path())
        .write_stdin(text)
        .output()
        .unwrap();
    assert!(run.status.success());
    let record: Value = serde_json::from_slice(&run.stdout).unwrap();
    let event = &record["events"][0];
    assert_eq!(event["cameo"], "1121");
    assert_eq!(
        event["cameo_name"],
        Value::Null,
        "a code outside the CAMEO table has no name"
    );
    let source = record["entities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["id"] == event["source"])
        .unwrap();
    assert_eq!(source["code"], "VALGOV");
}

#[test]
fn eval_reports_pass_rates_and_failures() {
    let run = gazette()
        .args(["eval", "petrarch", SUITE, "--dictionaries", DICTIONARIES, "--failures"])
        .output()
        .unwrap();
    let stdout = String::from_utf8(run.stdout).unwrap();
    assert!(run.status.success(), "{stdout}");
    assert!(
        stdout.contains("active records                  4/5     80.0%"),
        "{stdout}"
    );
    assert!(
        stdout.contains("  DATE                          1/1    100.0%"),
        "{stdout}"
    );
    assert!(stdout.contains("precision 0.833 recall 0.833 F1 0.833"), "{stdout}");
    assert!(
        stdout.contains("false positives on expect-none records: 0/1"),
        "{stdout}"
    );
    // The one record written to fail: its pattern needs a word before the verb.
    assert!(
        stdout.contains("T-05 [DEMO/core]\n  text:     Valdoria accused Kestrel Isles.\n  expected: VAL KES 999\n  actual:   VAL KES 112"),
        "{stdout}"
    );
}

#[test]
fn eval_without_the_suite_names_the_missing_path() {
    let run = gazette()
        .args(["eval", "petrarch", "no/such/validation.jsonl"])
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(2));
    let stderr = String::from_utf8(run.stderr).unwrap();
    assert!(
        stderr.contains("no/such/validation.jsonl: the PETRARCH validation suite is not there"),
        "{stderr}"
    );
}
