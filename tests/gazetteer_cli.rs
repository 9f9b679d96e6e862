//! `gazette gazetteer check|lookup|stats|export|compile`, and `--pipeline` with a compiled file.

use assert_cmd::Command;
use serde_json::Value;

fn gazette() -> Command {
    Command::cargo_bin("gazette").expect("the binary is built by cargo test")
}

fn stdout_of(args: &[&str]) -> (i32, String) {
    let out = gazette().args(args).output().expect("gazette runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).expect("UTF-8 output"),
    )
}

#[test]
fn the_embedded_gazetteers_pass_their_own_check() {
    let (code, stdout) = stdout_of(&["gazetteer", "check"]);
    assert_eq!(code, 0, "{stdout}");
    assert!(stdout.contains(" 0 error(s)"), "{stdout}");
}

#[test]
fn check_reports_problems_with_file_and_line_and_fails() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mine.tsv");
    std::fs::write(
        &path,
        "type\tname\taliases\tcountry\tsector\n\
         person\tJane Doe\tJ. Doe\tGBR\tGOV\n\
         person\tJohn Roe\t\tXYZ\tGOV\n\
         person\tJane Doe\t\tGBR\tGOV\n",
    )
    .unwrap();
    let (code, stdout) = stdout_of(&["gazetteer", "check", path.to_str().unwrap()]);
    assert_eq!(code, 1, "{stdout}");
    assert!(
        stdout.contains("mine.tsv:3: error: unknown country code \"XYZ\""),
        "{stdout}"
    );
}

#[test]
fn lookup_explains_a_name() {
    let (code, stdout) = stdout_of(&["gazetteer", "lookup", "Tehran"]);
    assert_eq!(code, 0);
    assert!(stdout.starts_with("state\tIran\tIRN\t"), "{stdout}");
    assert!(stdout.contains("gazetteers/states.tsv:"), "{stdout}");
    assert!(stdout.trim_end().ends_with("via capital"), "{stdout}");

    let (code, stdout) = stdout_of(&["gazetteer", "lookup", "Atlantis"]);
    assert_eq!(code, 1);
    assert!(stdout.contains("not in the gazetteers"));
}

#[test]
fn lookup_shows_the_role_held_on_a_date() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.tsv");
    std::fs::write(
        &path,
        "type\tname\tcountry\tsector\trole\tfrom\tto\n\
         person\tJane Doe\tGBR\tGOV\tHome Secretary\t2019-01-01\t2021-12-31\n\
         person\tJane Doe\tGBR\tGOV\tForeign Secretary\t2022-01-01\t\n",
    )
    .unwrap();
    let gazetteer = path.to_str().unwrap();
    let (_, then) = stdout_of(&[
        "gazetteer",
        "lookup",
        "Jane Doe",
        "--date",
        "2020-06-01",
        "--gazetteer",
        gazetteer,
    ]);
    let (_, now) = stdout_of(&["gazetteer", "lookup", "Jane Doe", "--gazetteer", gazetteer]);
    assert!(then.contains("Home Secretary (2019-01-01–2021-12-31)"), "{then}");
    assert!(now.contains("Foreign Secretary (2022-01-01–)"), "{now}");
}

#[test]
fn stats_as_json_count_the_embedded_files() {
    let (code, stdout) = stdout_of(&["gazetteer", "stats", "--json"]);
    assert_eq!(code, 0);
    let stats: Value = serde_json::from_str(&stdout).unwrap();
    assert!(stats["total"]["entries"]["state"].as_u64().unwrap() >= 195);
    assert!(
        stats["files"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["file"] == "gazetteers/states.tsv")
    );
}

#[test]
fn exported_states_drive_extraction_on_their_own() {
    let (code, states) = stdout_of(&["gazetteer", "export", "--type", "state"]);
    assert_eq!(code, 0);
    assert!(states.lines().skip(1).all(|line| line.starts_with("state\t")));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("states.tsv");
    std::fs::write(&path, &states).unwrap();
    let out = gazette()
        .args([
            "extract",
            "--no-default-gazetteers",
            "--gazetteer",
            path.to_str().unwrap(),
        ])
        .write_stdin("Albania cut ties with Tehran, Edi Rama said.")
        .output()
        .unwrap();
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    let from_gazetteer: Vec<&str> = doc["entities"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["origin"] == "gazetteer")
        .map(|e| e["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        from_gazetteer,
        ["Albania", "Iran"],
        "no gazetteer people without the people gazetteer"
    );
    let rama = doc["entities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["name"] == "Edi Rama")
        .unwrap();
    assert_eq!(rama["origin"], "inferred", "a speaker is still found by rule");
}

#[test]
fn a_compiled_pipeline_extracts_what_its_gazetteers_do() {
    let dir = tempfile::tempdir().unwrap();
    let mine = dir.path().join("mine.tsv");
    std::fs::write(
        &mine,
        "type\tname\tcountry\tsector\nperson\tZara Quillfeather\tALB\tGOV\n",
    )
    .unwrap();
    let article = dir.path().join("article.txt");
    std::fs::write(&article, "Zara Quillfeather met Iran's envoy in Tirana on Monday.").unwrap();
    let compiled = dir.path().join("mine.pipeline");
    let out = gazette()
        .args(["gazetteer", "compile", "--gazetteer"])
        .arg(&mine)
        .arg("-o")
        .arg(&compiled)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--pipeline"));

    let from_files = gazette()
        .arg("extract")
        .arg("--gazetteer")
        .arg(&mine)
        .arg(&article)
        .output()
        .unwrap();
    let compiled_run = gazette()
        .arg("extract")
        .arg("--pipeline")
        .arg(&compiled)
        .arg(&article)
        .output()
        .unwrap();
    assert_eq!(compiled_run.status.code(), Some(0));
    let record: Value = serde_json::from_slice(&compiled_run.stdout).expect("a JSON record");
    let names: Vec<&str> = record["entities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["name"].as_str().unwrap())
        .collect();
    assert!(
        names.contains(&"Zara Quillfeather") && names.contains(&"Iran"),
        "{names:?}"
    );
    assert_eq!(compiled_run.stdout, from_files.stdout);
}

#[test]
fn a_file_that_is_no_compiled_pipeline_is_an_error_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let bogus = dir.path().join("bogus.pipeline");
    std::fs::write(&bogus, "type\tname\nstate\tAlbania\n").unwrap();
    let out = gazette()
        .arg("extract")
        .arg("--pipeline")
        .arg(&bogus)
        .write_stdin("Albania.")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("bogus.pipeline") && stderr.contains("gazette gazetteer compile"),
        "{stderr}"
    );
    assert!(out.stdout.is_empty());
}

#[test]
fn a_compiled_pipeline_does_not_mix_with_gazetteer_options() {
    let out = gazette()
        .args(["extract", "--pipeline", "p.pipeline", "--no-default-gazetteers", "-"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot be used with"));
}
