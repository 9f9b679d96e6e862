//! The `gazette` binary: parse arguments, run, turn the outcome into an exit code.
//!
//! Exit codes: 0 all good; 1 some inputs failed (the others were still processed);
//! 2 a usage or fatal error; 130 interrupted by Ctrl-C (SIGINT) during an `--out` batch.

mod check;
mod cli;
mod eval;
mod extract;
mod gazetteer_cmd;
mod html_out;
mod progress;

use std::process::ExitCode;

use clap::Parser;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// What a run ended with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Everything worked.
    Success,
    /// Some inputs could not be processed; the rest were.
    SomeFailed,
    /// Stopped by Ctrl-C, after finishing the documents in progress.
    Interrupted,
}

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    let result = match cli.command {
        cli::Command::Extract(args) => extract::run(args),
        cli::Command::Check(args) => check::run(args),
        cli::Command::Gazetteer(command) => gazetteer_cmd::run(command),
        cli::Command::Eval(command) => eval::run(command),
    };
    match result {
        Ok(Outcome::Success) => ExitCode::SUCCESS,
        Ok(Outcome::SomeFailed) => ExitCode::from(1),
        // 128 + SIGINT, what a shell reports for a program killed by Ctrl-C.
        Ok(Outcome::Interrupted) => ExitCode::from(130),
        Err(err) => {
            // A reader that stops early (`gazette extract dir | head -1`) is not an error:
            // the user got what they asked for, so end quietly and successfully.
            if is_broken_pipe(&err) {
                return ExitCode::SUCCESS;
            }
            eprintln!("gazette: {err:#}");
            ExitCode::from(2)
        }
    }
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
