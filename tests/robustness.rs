//! Bad input and faults through the command line (issue #10; the matrix is docs/errors.md):
//! every bad input is reported naming its file (and line), the others are still processed,
//! the exit code says what happened, and nothing hangs, panics or leaves a partial file.

mod common;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::{gazette, json_lines, run};
use serde_json::Value;

fn write(dir: &Path, name: &str, contents: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, contents).unwrap();
    path
}

fn path_str(path: &Path) -> &str {
    path.to_str().expect("temporary paths are UTF-8")
}

fn sources(stdout: &str) -> Vec<String> {
    json_lines(stdout)
        .iter()
        .map(|doc| doc["source"].as_str().unwrap().to_owned())
        .collect()
}

/// Every file below `root`, sorted.
fn files_below(root: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

/// Waits for a child, killing it and failing the test after `limit`: a guard against a hang
/// (the bug some of these tests are about), far above the seconds a run takes, not a timing
/// measurement.
fn wait_or_kill(mut child: Child, limit: Duration) -> std::process::Output {
    let started = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > limit {
            child.kill().unwrap();
            panic!("gazette did not finish within {limit:?}: it hangs");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    child.wait_with_output().unwrap()
}

// ---- bad input -------------------------------------------------------------------------------

#[test]
fn utf16_files_with_a_bom_are_decoded_and_offsets_count_their_characters() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Olta Xhaçka met Iran’s envoy.";
    let mut le = vec![0xFF, 0xFE];
    le.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let mut be = vec![0xFE, 0xFF];
    be.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
    write(dir.path(), "le.txt", &le);
    write(dir.path(), "be.txt", &be);
    let (code, stdout, stderr) = run(&["extract", path_str(dir.path())], b"");
    assert_eq!(code, 0, "{stderr}");
    for doc in json_lines(&stdout) {
        let iran = doc["entities"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["name"] == "Iran")
            .expect("Iran is found in the decoded text");
        let mention = &iran["mentions"][0];
        let start = mention["start"].as_u64().unwrap() as usize;
        assert_eq!(text.chars().skip(start).take(4).collect::<String>(), "Iran");
    }
}

#[test]
fn binary_files_are_skipped_with_a_reason_and_the_others_processed() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", b"Albania.");
    write(dir.path(), "b.txt", b"\x7fELF\x02\x01\x01\0\0\0\0\0Iran");
    write(dir.path(), "c.txt", b"Israel.");
    let (code, stdout, stderr) = run(&["extract", "--lossy", path_str(dir.path())], b"");
    assert_eq!(code, 1, "{stderr}");
    assert_eq!(sources(&stdout).len(), 2);
    let b = dir.path().join("b.txt");
    assert!(
        stderr.contains(&format!(
            "{}: looks like binary data (NUL byte at offset 7); skipped",
            b.display()
        )),
        "{stderr}"
    );
}

#[test]
fn empty_and_whitespace_only_files_give_empty_records() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "empty.txt", b"");
    write(dir.path(), "blank.txt", " \n\t\r\n\u{3000}\n".as_bytes());
    let (code, stdout, stderr) = run(&["extract", path_str(dir.path())], b"");
    assert_eq!(code, 0, "{stderr}");
    let docs = json_lines(&stdout);
    assert_eq!(docs.len(), 2);
    for doc in &docs {
        for list in ["entities", "dates", "events"] {
            assert_eq!(doc[list], Value::Array(vec![]), "{list}");
        }
    }
}

#[test]
fn an_article_over_max_bytes_is_refused_without_reading_it_whole() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", b"Albania.");
    let big = write(dir.path(), "big.txt", "Iran cut ties. ".repeat(20_000).as_bytes());
    // Compressed, the same article is small on disk: the limit counts decompressed bytes, so
    // that a gzip bomb costs no more memory than the limit either.
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    encoder.write_all(&std::fs::read(&big).unwrap()).unwrap();
    let gz = write(dir.path(), "bomb.txt.gz", &encoder.finish().unwrap());
    assert!(std::fs::metadata(&gz).unwrap().len() < 100 * 1024);
    let (code, stdout, stderr) = run(&["extract", "--max-bytes", "100K", path_str(dir.path())], b"");
    assert_eq!(code, 1, "{stderr}");
    assert_eq!(sources(&stdout), [dir.path().join("a.txt").display().to_string()]);
    for path in [&big, &dir.path().join("bomb.txt.gz")] {
        assert!(
            stderr.contains(&format!(
                "{}: larger than the limit of 102400 bytes; skipped (pass --max-bytes to raise the limit)",
                path.display()
            )),
            "{stderr}"
        );
    }
    // Raised, the limit lets both through.
    let (code, stdout, stderr) = run(&["extract", "--max-bytes", "1M", path_str(dir.path())], b"");
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(sources(&stdout).len(), 3);
}

#[test]
fn standard_input_over_max_bytes_is_refused() {
    let (code, stdout, stderr) = run(&["extract", "--max-bytes", "10"], b"Albania cut ties with Iran.");
    assert_eq!(code, 1);
    assert_eq!(stdout, "");
    assert!(stderr.contains("-: larger than the limit of 10 bytes"), "{stderr}");
}

#[test]
fn a_json_lines_line_over_max_bytes_is_reported_by_number_and_the_rest_processed() {
    let long = serde_json::json!({"id": "long", "text": "Iran cut ties. ".repeat(20_000)});
    let input = format!(
        "{}\n{long}\n{}\n",
        serde_json::json!({"id": "first", "text": "Albania."}),
        serde_json::json!({"id": "third", "text": "Israel."})
    );
    let (code, stdout, stderr) = run(&["extract", "--input", "jsonl", "--max-bytes", "64K"], input.as_bytes());
    assert_eq!(code, 1, "{stderr}");
    assert_eq!(sources(&stdout), ["first", "third"]);
    assert!(
        stderr.contains("-:2: line longer than the limit of 65536 bytes; skipped"),
        "{stderr}"
    );
}

#[test]
fn five_thousand_tiny_files_each_give_one_output() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    for i in 0..5_000 {
        let text: &[u8] = if i % 2 == 0 { b"Iran." } else { b"Albania." };
        write(&corpus, &format!("{:02}/{i:05}.txt", i % 50), text);
    }
    let out = dir.path().join("out");
    let (code, _, stderr) = run(&["extract", "-j", "2", path_str(&corpus), "--out", path_str(&out)], b"");
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(files_below(&out).len(), 5_000);
    let (code, stdout, stderr) = run(&["extract", "-j", "2", path_str(&corpus)], b"");
    assert_eq!(code, 0, "{stderr}");
    let sources = sources(&stdout);
    assert_eq!(sources.len(), 5_000);
    assert!(sources.is_sorted(), "directories are read in sorted order");
}

#[test]
fn deeply_nested_directories_are_walked() {
    let dir = tempfile::tempdir().unwrap();
    let mut deep = dir.path().join("corpus");
    for level in 0..300 {
        deep.push(format!("{}", level % 10));
    }
    write(&deep, "a.txt", b"Albania.");
    let (code, stdout, stderr) = run(&["extract", path_str(&dir.path().join("corpus"))], b"");
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(sources(&stdout), [deep.join("a.txt").display().to_string()]);
}

#[cfg(unix)]
#[test]
fn a_symlink_loop_is_reported_and_the_files_around_it_processed() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    write(&corpus, "a.txt", b"Albania.");
    write(&corpus, "sub/b.txt", b"Iran.");
    std::os::unix::fs::symlink(&corpus, corpus.join("sub/loop")).unwrap();
    std::os::unix::fs::symlink(corpus.join("missing.txt"), corpus.join("dangling.txt")).unwrap();
    let child = gazette()
        .args(["extract", path_str(&corpus)])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let out = wait_or_kill(child, Duration::from_secs(120));
    let (stdout, stderr) = (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8_lossy(&out.stderr),
    );
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert_eq!(
        sources(&stdout),
        [corpus.join("a.txt"), corpus.join("sub/b.txt")].map(|p| p.display().to_string())
    );
    assert!(
        stderr.contains(&format!("{}: ", corpus.join("sub/loop").display())),
        "the loop is named: {stderr}"
    );
    assert!(stderr.contains("dangling.txt"), "the dangling link is named: {stderr}");
}

#[cfg(unix)]
#[test]
fn fifos_and_devices_in_a_walked_directory_are_skipped_without_hanging() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    write(&corpus, "a.txt", b"Albania.");
    let fifo = corpus.join("pipe.txt");
    let made = Command::new("mkfifo").arg(&fifo).status().expect("mkfifo runs");
    assert!(made.success());
    // Devices, reached through links named like articles: one that never ends, one empty.
    std::os::unix::fs::symlink("/dev/zero", corpus.join("zero.txt")).unwrap();
    std::os::unix::fs::symlink("/dev/null", corpus.join("null.txt")).unwrap();
    let child = gazette()
        .args(["extract", path_str(&corpus)])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let out = wait_or_kill(child, Duration::from_secs(120));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert_eq!(
        sources(&String::from_utf8(out.stdout).unwrap()),
        [corpus.join("a.txt").display().to_string()]
    );
}

#[cfg(unix)]
#[test]
fn a_device_named_on_the_command_line_is_bounded_by_max_bytes() {
    // /dev/zero never ends; named explicitly it is read (the user asked for it), and the
    // size limit is what stops the read.
    let child = gazette()
        .args(["extract", "--max-bytes", "1M", "/dev/zero"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let out = wait_or_kill(child, Duration::from_secs(120));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("/dev/zero: larger than the limit of 1048576 bytes"),
        "{stderr}"
    );
}

// ---- faults ----------------------------------------------------------------------------------

#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_on_standard_output_is_an_error_with_exit_2() {
    let full = std::fs::File::options().write(true).open("/dev/full").unwrap();
    let out = gazette()
        .args(["extract"])
        .stdin(Stdio::piped())
        .stdout(full)
        .stderr(Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            child.stdin.take().unwrap().write_all(b"Albania cut ties with Iran.")?;
            child.wait_with_output()
        })
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("gazette: writing output: No space left on device"),
        "{stderr}"
    );
}

#[test]
fn an_out_directory_that_cannot_be_created_is_fatal_before_any_work() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "corpus/a.txt", b"Albania.");
    // Root ignores permissions, so a read-only folder would not stop these tests when they run
    // as root; a regular file where a folder must go stops everyone.
    let blocker = write(dir.path(), "file", b"not a folder");
    let out = blocker.join("out");
    let (code, stdout, stderr) = run(
        &["extract", path_str(&dir.path().join("corpus")), "--out", path_str(&out)],
        b"",
    );
    assert_eq!(code, 2, "{stderr}");
    assert_eq!(stdout, "");
    assert!(
        stderr.contains(&format!("--out {}: cannot create the output directory", out.display())),
        "{stderr}"
    );
    assert_eq!(files_below(dir.path()).len(), 2, "nothing was written");
}

#[test]
fn an_output_that_cannot_be_written_fails_that_document_only_and_leaves_no_temporary() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    write(&corpus, "a.txt", b"Albania.");
    write(&corpus, "b.txt", b"Iran.");
    write(&corpus, "c.txt", b"Israel.");
    let out = dir.path().join("out");
    // A folder where b.txt's output must go: the rename onto it fails.
    std::fs::create_dir_all(out.join("b.txt.json/inside")).unwrap();
    let (code, _, stderr) = run(&["extract", path_str(&corpus), "--out", path_str(&out)], b"");
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains(&format!(
            "{}: writing {}",
            corpus.join("b.txt").display(),
            out.join("b.txt.json").display()
        )),
        "{stderr}"
    );
    let written: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| !name.starts_with("b.txt.json"))
        .collect();
    let mut written = written;
    written.sort();
    assert_eq!(written, ["a.txt.json", "c.txt.json"], "no temporary file is left");
}

#[cfg(unix)]
#[test]
fn ctrl_c_during_out_leaves_only_complete_files_and_resume_finishes_the_batch() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    let article = "Albania cut diplomatic ties with Iran on Wednesday, the prime minister said. ".repeat(10);
    const FILES: usize = 1_000;
    for i in 0..FILES {
        write(&corpus, &format!("{i:04}.txt"), article.as_bytes());
    }
    let out = dir.path().join("out");
    let args = ["extract", "-j", "2", path_str(&corpus), "--out", path_str(&out)];
    let mut child = gazette().args(args).stderr(Stdio::piped()).spawn().unwrap();
    // Interrupt once some outputs exist: the batch is under way, and far from done.
    let started = Instant::now();
    while !out.exists() || std::fs::read_dir(&out).unwrap().count() < 20 {
        assert!(
            child.try_wait().unwrap().is_none(),
            "the batch ended before it could be interrupted"
        );
        assert!(started.elapsed() < Duration::from_secs(300), "no output appeared");
        std::thread::sleep(Duration::from_millis(20));
    }
    let killed = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let _ = child.stdin.take();
    let output = wait_or_kill(child, Duration::from_secs(120));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(130), "{stderr}");
    assert!(stderr.contains("interrupted"), "{stderr}");

    let done = files_below(&out);
    assert!(done.len() < FILES, "the interrupt stopped the batch early");
    for path in &done {
        let name = path.file_name().unwrap().to_string_lossy();
        assert!(
            name.ends_with(".txt.json") && !name.starts_with('.'),
            "left behind: {name}"
        );
        let doc: Value = serde_json::from_slice(&std::fs::read(path).unwrap()).expect("each file is whole JSON");
        assert_eq!(doc["schema"], "gazette/v1");
    }

    let (code, _, stderr) = run(&[&args[..], &["--resume", "--summary"]].concat(), b"");
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains(&format!("{} documents, {} skipped,", FILES - done.len(), done.len())),
        "{stderr}"
    );
    assert_eq!(files_below(&out).len(), FILES);
}

#[test]
fn a_gazetteer_value_with_a_multibyte_character_is_a_located_error_not_a_panic() {
    // Found by the gazetteer fuzz target (tests/fuzz_regressions.rs has its input).
    let dir = tempfile::tempdir().unwrap();
    let dates = write(
        dir.path(),
        "dates.tsv",
        "phrase\tdate_kind\tvalue\tcontext\nthe day after\tday\t1€\t\n".as_bytes(),
    );
    let (code, stdout, stderr) = run(&["extract", "--gazetteer", path_str(&dates)], b"Iran.");
    assert_eq!(code, 2, "{stderr}");
    assert_eq!(stdout, "");
    assert!(
        stderr.contains(&format!("{}:2: day needs an offset in days", dates.display())),
        "{stderr}"
    );
}
