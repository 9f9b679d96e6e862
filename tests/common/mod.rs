//! The harness the CLI tests share: run the built binary with arguments and a standard input.

use std::process::{Command, Stdio};

use assert_cmd::cargo::CommandCargoExt;
use serde_json::Value;

/// The built `gazette` binary, with `NO_COLOR` cleared so that output does not depend on the
/// environment the tests run in.
pub fn gazette() -> Command {
    let mut cmd = Command::cargo_bin("gazette").expect("the binary is built by cargo test");
    cmd.env_remove("NO_COLOR");
    cmd
}

/// Runs `gazette ARGS` with `stdin` and returns (exit code, stdout, stderr).
pub fn run(args: &[&str], stdin: &[u8]) -> (i32, String, String) {
    let mut child = gazette()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("gazette starts");
    let mut input = child.stdin.take().expect("piped");
    // gazette may exit before reading stdin (a usage error), which closes the pipe; that is not
    // what these tests are about, so a failed write is ignored.
    let _ = std::io::Write::write_all(&mut input, stdin);
    drop(input);
    let out = child.wait_with_output().expect("gazette finishes");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).expect("output is UTF-8"),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Parses JSON Lines output, one document per line.
pub fn json_lines(stdout: &str) -> Vec<Value> {
    stdout
        .lines()
        .map(|line| serde_json::from_str(line).expect("each line is one JSON document"))
        .collect()
}
