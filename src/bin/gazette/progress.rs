//! The progress bar of `gazette extract`: on standard error, only when it is a terminal, so
//! that logs and pipes never get escape codes or carriage returns.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::time::Duration;

use gazette::batch::{Discovery, FileList, Stats};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// The bar, or nothing when it is not wanted or stderr is not a terminal.
pub struct Progress {
    bar: Option<ProgressBar>,
}

impl Progress {
    /// A bar if `wanted` and standard error is a terminal.
    pub fn new(wanted: bool) -> Self {
        if !wanted || !std::io::stderr().is_terminal() {
            return Progress { bar: None };
        }
        // A few redraws a second are enough to read, and cost nothing next to the work.
        let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr_with_hz(4));
        bar.set_style(
            ProgressStyle::with_template("{spinner} {human_pos} documents, {msg} [{elapsed}]")
                .expect("the template is valid"),
        );
        bar.enable_steady_tick(Duration::from_millis(250));
        Progress { bar: Some(bar) }
    }

    /// Counts the text inputs on a background thread and, when done, gives the bar a length and
    /// so an ETA. Walking a tree is quick next to analysing it, and the batch does not wait for
    /// it: documents are processed while the count runs. A file list on standard input cannot
    /// be read twice, so such a batch has no total.
    pub fn count_in_background(&self, paths: Vec<PathBuf>, list: Option<(PathBuf, bool)>, extensions: Vec<String>) {
        let Some(bar) = self.bar.clone() else {
            return;
        };
        if list.as_ref().is_some_and(|(path, _)| path.as_os_str() == "-") {
            return;
        }
        // Detached: if the batch ends first, the count is simply not needed any more.
        std::thread::spawn(move || {
            let listed = match list {
                Some((path, nul)) => match FileList::open(&path, nul) {
                    Ok(list) => Some(list),
                    Err(_) => return,
                },
                None => None,
            };
            let paths = paths.into_iter().map(Ok).chain(listed.into_iter().flatten());
            let total = Discovery::new(paths, extensions).count() as u64;
            bar.set_length(total);
            bar.set_style(
                ProgressStyle::with_template(
                    "{spinner} {human_pos}/{human_len} documents {wide_bar} {msg} [{elapsed}, ETA {eta}]",
                )
                .expect("the template is valid"),
            );
        });
    }

    /// Shows the counts so far.
    pub fn update(&self, stats: &Stats) {
        let Some(bar) = &self.bar else {
            return;
        };
        let seconds = bar.elapsed().as_secs_f64();
        let rate = if seconds > 0.0 {
            stats.megabytes() / seconds
        } else {
            0.0
        };
        let mut message = format!("{:.1} MB, {rate:.2} MB/s, {} errors", stats.megabytes(), stats.errors);
        if stats.skipped > 0 {
            message.push_str(&format!(", {} skipped", stats.skipped));
        }
        bar.set_position(stats.documents + stats.errors + stats.skipped);
        bar.set_message(message);
    }

    /// Prints a line on standard error, above the bar when there is one.
    pub fn report(&self, line: &str) {
        match &self.bar {
            Some(bar) => bar.suspend(|| eprintln!("{line}")),
            None => eprintln!("{line}"),
        }
    }

    /// Removes the bar, leaving the terminal as it was.
    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
