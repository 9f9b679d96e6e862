//! The batch contract of `gazette extract`: parallel runs give the sequential output, file
//! lists, per-document output files, resuming, gzip inputs, failures among good inputs, the
//! summary line, and JSON Lines streamed through in chunks the way `parallel --pipe` does.

mod common;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use common::{json_lines, run};
use serde_json::Value;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures");

/// A small corpus in a temporary folder: a handful of the fixture articles, some in subfolders,
/// so that tests exercise ordering and tree mirroring without running the whole fixture set
/// (each document costs real time in a debug build).
fn corpus() -> (tempfile::TempDir, Vec<String>) {
    let dir = tempfile::tempdir().unwrap();
    let mut names: Vec<String> = std::fs::read_dir(FIXTURES)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".txt"))
        .collect();
    names.sort();
    let picked: Vec<String> = names.into_iter().step_by(5).take(6).collect();
    let mut relative = Vec::new();
    for (i, name) in picked.iter().enumerate() {
        let rel = match i % 3 {
            0 => name.clone(),
            1 => format!("sub/{name}"),
            _ => format!("sub/deeper/{name}"),
        };
        let path = dir.path().join("corpus").join(&rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::copy(Path::new(FIXTURES).join(name), &path).unwrap();
        relative.push(rel);
    }
    (dir, relative)
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(bytes).unwrap();
    encoder.finish().unwrap()
}

fn sources(stdout: &str) -> Vec<String> {
    json_lines(stdout)
        .iter()
        .map(|d| d["source"].as_str().unwrap().to_owned())
        .collect()
}

fn path_str(path: &Path) -> &str {
    path.to_str().unwrap()
}

#[test]
fn parallel_output_is_byte_identical_to_a_sequential_run() {
    let (dir, _) = corpus();
    let corpus = dir.path().join("corpus");
    let (code1, sequential, err1) = run(&["extract", "-j", "1", path_str(&corpus)], b"");
    let (code3, parallel, err3) = run(&["extract", "-j", "3", path_str(&corpus)], b"");
    assert_eq!((code1, code3), (0, 0), "{err1}{err3}");
    assert_eq!(json_lines(&sequential).len(), 6);
    assert_eq!(sequential, parallel);
    let order = sources(&parallel);
    let mut sorted = order.clone();
    sorted.sort();
    assert_eq!(order, sorted, "directories are walked in sorted path order");
    assert_eq!(err3, "", "nothing extra on stderr when it is not a terminal");
}

#[test]
fn files_from_reads_newline_and_nul_separated_lists() {
    let (dir, relative) = corpus();
    let root = dir.path().join("corpus");
    // Deliberately not sorted: a list is read in its own order.
    let listed: Vec<PathBuf> = relative.iter().rev().take(3).map(|r| root.join(r)).collect();
    let expected: Vec<String> = listed.iter().map(|p| p.display().to_string()).collect();

    let newline_list = dir.path().join("list.txt");
    let text: String = listed.iter().map(|p| format!("{}\n", p.display())).collect();
    std::fs::write(&newline_list, format!("\n{text}\n")).unwrap();
    let (code, stdout, stderr) = run(&["extract", "-j", "2", "--files-from", path_str(&newline_list)], b"");
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(sources(&stdout), expected);

    let nul_list: Vec<u8> = listed
        .iter()
        .flat_map(|p| p.display().to_string().into_bytes().into_iter().chain([0]))
        .collect();
    let (code, from_stdin, stderr) = run(&["extract", "--files-from", "-", "-0"], &nul_list);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(
        from_stdin, stdout,
        "the same list from stdin, NUL-separated, gives the same output"
    );

    let (code, _, stderr) = run(&["extract", "--files-from", "-", "-"], b"");
    assert_eq!(code, 2);
    assert!(stderr.contains("standard input cannot be both"), "{stderr}");
}

#[test]
fn out_mirrors_the_tree_with_complete_json_files_and_resume_skips_up_to_date_ones() {
    let (dir, relative) = corpus();
    let corpus = dir.path().join("corpus");
    let out = dir.path().join("out");
    let (code, stdout, stderr) = run(&["extract", path_str(&corpus), "--out", path_str(&out)], b"");
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(stdout, "", "with --out nothing is printed");
    let mut written = Vec::new();
    for entry in walkdir(&out) {
        let rel = entry.strip_prefix(&out).unwrap().display().to_string();
        let doc: Value = serde_json::from_slice(&std::fs::read(&entry).unwrap()).expect("each file is whole JSON");
        assert_eq!(doc["schema"], "gazette/v1");
        assert_eq!(
            doc["source"],
            corpus.join(rel.strip_suffix(".json").unwrap()).display().to_string()
        );
        written.push(rel);
    }
    let mut expected: Vec<String> = relative.iter().map(|r| format!("{r}.json")).collect();
    expected.sort();
    written.sort();
    assert_eq!(
        written, expected,
        "one file per input, mirroring the tree, no temporary left"
    );

    // Resume: every output is newer than its input, so nothing is rewritten...
    let first = &out.join(&expected[0]);
    let stale = &out.join(&expected[1]);
    let mtimes = |paths: &[&PathBuf]| -> Vec<SystemTime> {
        paths
            .iter()
            .map(|p| std::fs::metadata(p).unwrap().modified().unwrap())
            .collect()
    };
    let before = mtimes(&[first, stale]);
    // ...except the input made newer than its output, which is analysed again.
    let stale_input = corpus.join(expected[1].strip_suffix(".json").unwrap());
    std::fs::File::options()
        .write(true)
        .open(&stale_input)
        .unwrap()
        .set_modified(SystemTime::now() + Duration::from_secs(60))
        .unwrap();
    let args = [
        "extract",
        path_str(&corpus),
        "--out",
        path_str(&out),
        "--resume",
        "--summary",
    ];
    let (code, _, stderr) = run(&args, b"");
    assert_eq!(code, 0, "{stderr}");
    let after = mtimes(&[first, stale]);
    assert_eq!(after[0], before[0], "an up-to-date output is left alone");
    assert_ne!(after[1], before[1], "a stale output is rewritten");
    assert!(stderr.contains("1 documents, 5 skipped,"), "{stderr}");
}

fn walkdir(root: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                files.push(path);
            }
        }
    }
    files
}

#[test]
fn gzip_files_and_gzip_json_lines_are_read_transparently() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Albania cut diplomatic ties with Tehran.";
    std::fs::write(dir.path().join("a.txt"), text).unwrap();
    std::fs::write(dir.path().join("b.txt.gz"), gzip(text.as_bytes())).unwrap();
    let (code, stdout, stderr) = run(&["extract", path_str(dir.path())], b"");
    assert_eq!(code, 0, "{stderr}");
    let docs = json_lines(&stdout);
    assert_eq!(docs.len(), 2, "a .txt.gz file is found when walking for .txt");
    assert_eq!(docs[1]["source"], dir.path().join("b.txt.gz").display().to_string());
    assert_eq!(docs[0]["entities"], docs[1]["entities"]);

    let lines = "{\"id\": \"x1\", \"text\": \"Iran condemned Albania.\"}\n{\"id\": \"x2\", \"text\": \"Israel.\"}\n";
    let jsonl = dir.path().join("docs.jsonl.gz");
    std::fs::write(&jsonl, gzip(lines.as_bytes())).unwrap();
    let (code, stdout, stderr) = run(&["extract", "--input", "jsonl", path_str(&jsonl)], b"");
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(sources(&stdout), ["x1", "x2"]);
    let (code, piped, _) = run(&["extract", "--input", "jsonl"], &gzip(lines.as_bytes()));
    assert_eq!(code, 0);
    assert_eq!(piped, stdout, "gzip on standard input too");
}

#[test]
fn a_bad_file_among_good_ones_exits_1_with_every_other_output_in_order() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "Albania.").unwrap();
    std::fs::write(dir.path().join("b.txt"), b"Iran \xFF.").unwrap();
    std::fs::write(dir.path().join("c.txt.gz"), b"\x1f\x8bnot really gzip").unwrap();
    std::fs::write(dir.path().join("d.txt"), "Israel.").unwrap();
    let (code, stdout, stderr) = run(&["extract", "-j", "2", path_str(dir.path())], b"");
    assert_eq!(code, 1, "{stderr}");
    let names: Vec<String> = sources(&stdout)
        .iter()
        .map(|s| Path::new(s).file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["a.txt", "d.txt"]);
    let errors: Vec<&str> = stderr.lines().collect();
    assert_eq!(errors.len(), 2, "{stderr}");
    assert!(errors[0].contains("b.txt: invalid UTF-8 at byte 5"), "{stderr}");
    assert!(errors[1].contains("c.txt.gz: "), "{stderr}");
}

#[test]
fn summary_line_on_request_and_quiet_keeps_only_errors() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.txt"),
        "Albania cut diplomatic ties with Tehran yesterday.",
    )
    .unwrap();
    std::fs::write(dir.path().join("b.txt"), "Israel.").unwrap();
    let (code, _, stderr) = run(&["extract", "--summary", path_str(dir.path())], b"");
    assert_eq!(code, 0, "{stderr}");
    let line = stderr.trim_end();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    let prefix = "gazette: 2 documents, 3 entities, 1 dates, 1 events, 0 errors in ";
    assert!(line.starts_with(prefix), "{line}");
    let rest = &line[prefix.len()..];
    // "0.41 s (0.00 MB, 0.00 MB/s)": numbers vary with the machine, the shape does not.
    let words: Vec<&str> = rest.split(' ').collect();
    assert_eq!(words.len(), 6, "{line}");
    let number = |i: usize, trim: &[char]| words[i].trim_matches(trim).parse::<f64>().is_ok();
    assert!(number(0, &[]) && words[1] == "s", "{line}");
    assert!(
        number(2, &['(']) && words[3] == "MB," && number(4, &[]) && words[5] == "MB/s)",
        "{line}"
    );

    std::fs::write(dir.path().join("c.txt"), b"\0binary").unwrap();
    let (code, stdout, stderr) = run(&["extract", "--quiet", path_str(dir.path())], b"");
    assert_eq!(code, 1);
    assert_eq!(json_lines(&stdout).len(), 2);
    assert_eq!(stderr.lines().count(), 1, "only the error: {stderr}");
    assert!(stderr.contains("c.txt: looks like binary data"), "{stderr}");

    let (code, _, stderr) = run(&["extract", "--quiet", "--summary", path_str(dir.path())], b"");
    assert_eq!(code, 2, "--quiet and --summary contradict each other: {stderr}");
}

/// On a terminal, the summary comes by itself and `--quiet` removes it (and the bar). `script`
/// gives the run a pseudo-terminal; where it is missing, this test has nothing to run on.
#[test]
fn on_a_terminal_the_summary_is_automatic_and_quiet_silences_it() {
    let script = Path::new("/usr/bin/script");
    if !script.exists() {
        eprintln!("skipped: no /usr/bin/script to give gazette a terminal");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "Albania.").unwrap();
    std::fs::write(dir.path().join("b.txt"), "Israel.").unwrap();
    let bin = assert_cmd::cargo::cargo_bin("gazette");
    let on_terminal = |extra: &str| -> String {
        // stdout goes to a file so that only stderr reaches the terminal's transcript.
        let command = format!(
            "{} extract {extra} {} > {}",
            bin.display(),
            dir.path().display(),
            dir.path().join("out.jsonl").display()
        );
        let out = std::process::Command::new(script)
            .args(["-qec", &command, "/dev/null"])
            .output()
            .unwrap();
        assert!(out.status.success(), "{out:?}");
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let shown = on_terminal("");
    assert!(shown.contains("gazette: 2 documents, "), "{shown:?}");
    let quiet = on_terminal("--quiet");
    assert_eq!(quiet.trim(), "", "{quiet:?}");
}

/// The "Larger than one machine" recipe: JSON Lines cut into chunks of whole lines (what
/// `parallel --pipe` or Hadoop Streaming hand each task), each chunk through its own gazette,
/// the outputs concatenated in chunk order, equal a single run over the whole input.
#[test]
fn json_lines_in_chunks_concatenate_to_a_single_run() {
    let mut input = String::new();
    for (i, name) in [
        "albania-cuts-ties-with-iran",
        "sudan-truce-jeddah-talks",
        "icc-arrest-warrant-putin",
    ]
    .iter()
    .enumerate()
    {
        let text = std::fs::read_to_string(Path::new(FIXTURES).join(format!("{name}.txt"))).unwrap();
        let line = serde_json::json!({"id": format!("doc-{i}"), "text": text, "published": "2023-05-04"});
        input.push_str(&format!("{line}\n"));
        input.push_str(&format!(
            "{}\n",
            serde_json::json!({"id": format!("short-{i}"), "text": "Iran and Israel."})
        ));
    }
    let args = ["extract", "--input", "jsonl", "-"];
    let (code, whole, stderr) = run(&args, input.as_bytes());
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(json_lines(&whole).len(), 6);
    let lines: Vec<&str> = input.split_inclusive('\n').collect();
    let mut chunked = String::new();
    for chunk in lines.chunks(4) {
        let (code, out, stderr) = run(
            &["extract", "--input", "jsonl", "-j", "1", "-"],
            chunk.concat().as_bytes(),
        );
        assert_eq!(code, 0, "{stderr}");
        chunked.push_str(&out);
    }
    assert_eq!(chunked, whole);

    // And with GNU parallel itself, where it is installed (`-k` keeps the chunks in order).
    let has_parallel = std::process::Command::new("parallel")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if has_parallel {
        let bin = assert_cmd::cargo::cargo_bin("gazette");
        let mut child = std::process::Command::new("parallel")
            .args(["--pipe", "-k", "-N", "2", "-j", "2"])
            .arg(format!("{} extract --input jsonl -", bin.display()))
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
        let out = child.wait_with_output().unwrap();
        assert_eq!(String::from_utf8(out.stdout).unwrap(), whole);
    }
}

#[test]
fn json_lines_with_out_are_named_by_line_number() {
    let dir = tempfile::tempdir().unwrap();
    let docs = dir.path().join("feed").join("docs.jsonl");
    std::fs::create_dir_all(docs.parent().unwrap()).unwrap();
    std::fs::write(
        &docs,
        "{\"id\": \"a\", \"text\": \"Iran.\"}\n\n{\"id\": \"b\", \"text\": \"Israel.\"}\n",
    )
    .unwrap();
    let out = dir.path().join("out");
    let feed = dir.path().join("feed");
    let args = [
        "extract",
        "--input",
        "jsonl",
        "-j",
        "2",
        path_str(&feed),
        "--out",
        path_str(&out),
    ];
    let (code, _, stderr) = run(&args, b"");
    assert_eq!(code, 0, "{stderr}");
    let read = |name: &str| -> Value { serde_json::from_slice(&std::fs::read(out.join(name)).unwrap()).unwrap() };
    assert_eq!(read("docs/000001.json")["source"], "a");
    assert_eq!(read("docs/000003.json")["source"], "b", "a blank line keeps its number");
    assert_eq!(walkdir(&out).len(), 2);
}

#[test]
fn inputs_that_would_share_an_output_file_are_refused_and_the_first_keeps_it() {
    let dir = tempfile::tempdir().unwrap();
    // Two folders given together, each with an `x.txt`: both map to `out/x.txt.json`.
    for (folder, text) in [
        ("a", "Albania cut diplomatic ties with Tehran."),
        ("b", "France praised Germany."),
    ] {
        std::fs::create_dir_all(dir.path().join(folder)).unwrap();
        std::fs::write(dir.path().join(folder).join("x.txt"), text).unwrap();
    }
    // And in one folder a file beside its own gzip copy: `y.txt` and `y.txt.gz` both write
    // `y.txt.json`.
    let text = "Iran condemned Israel.";
    std::fs::write(dir.path().join("b").join("y.txt"), text).unwrap();
    std::fs::write(dir.path().join("b").join("y.txt.gz"), gzip(text.as_bytes())).unwrap();
    let out = dir.path().join("out");
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    let args = [
        "extract",
        "-j",
        "2",
        path_str(&a),
        path_str(&b),
        "--out",
        path_str(&out),
    ];
    for run_number in 0..2 {
        let (code, _, stderr) = run(&args, b"");
        assert_eq!(code, 1, "a refused input is an error: {stderr}");
        for (refused, output) in [
            (b.join("x.txt"), out.join("x.txt.json")),
            (b.join("y.txt.gz"), out.join("y.txt.json")),
        ] {
            let message = format!(
                "{}: not written: its output {} is that of an earlier input of this run",
                refused.display(),
                output.display()
            );
            assert!(stderr.contains(&message), "run {run_number}: {stderr}");
        }
        let read = |name: &str| -> Value { serde_json::from_slice(&std::fs::read(out.join(name)).unwrap()).unwrap() };
        assert_eq!(
            read("x.txt.json")["source"],
            a.join("x.txt").display().to_string(),
            "the first input keeps its output"
        );
        assert_eq!(read("y.txt.json")["source"], b.join("y.txt").display().to_string());
        assert_eq!(walkdir(&out).len(), 2);
    }

    // JSON Lines: `feed.jsonl` and `feed.jsonl.gz` would share the folder `out/feed`.
    let lines = "{\"id\": \"a\", \"text\": \"Iran.\"}\n";
    let (plain, gzipped) = (dir.path().join("feed.jsonl"), dir.path().join("feed.jsonl.gz"));
    std::fs::write(&plain, lines).unwrap();
    std::fs::write(&gzipped, gzip(lines.as_bytes())).unwrap();
    let jsonl_out = dir.path().join("jsonl-out");
    let args = [
        "extract",
        "--input",
        "jsonl",
        path_str(&plain),
        path_str(&gzipped),
        "--out",
        path_str(&jsonl_out),
    ];
    let (code, _, stderr) = run(&args, b"");
    assert_eq!(code, 1, "{stderr}");
    // A file named on the command line keeps its path as given, less its root.
    let folder = jsonl_out.join(dir.path().strip_prefix("/").unwrap()).join("feed");
    let message = format!(
        "feed.jsonl.gz: not written: its output folder {} is that of an earlier input",
        folder.display()
    );
    assert!(stderr.contains(&message), "{stderr}");
    assert_eq!(walkdir(&jsonl_out).len(), 1);
}
