//! The command line, as typed by the user (clap's derive API).

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// gazette: people, states, organisations, dates and events from news articles, as JSON.
#[derive(Debug, Parser)]
#[command(name = "gazette", version, about, long_about = None, propagate_version = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Extract entities from articles and print JSON (one object per line).
    ///
    /// With no PATH, or `-`, reads one article from standard input. Directories are walked
    /// recursively in sorted path order.
    Extract(ExtractArgs),

    /// Check articles against their golden fixtures (snapshots and expectations), for CI.
    ///
    /// A fixture is NAME.txt with NAME.json (a snapshot of the whole output) and/or
    /// NAME.expect.json (hand-written expectations), plus an optional NAME.args. Prints `ok` or
    /// `FAIL` with a diff per fixture, then `N passed, M failed`. Exits 0 when all pass, 1 when
    /// any fails, 2 when a file cannot be read or understood. See docs/check.md.
    Check(CheckArgs),

    /// Inspect and validate gazetteer files: check, lookup, stats, export, import-petrarch.
    #[command(subcommand)]
    Gazetteer(GazetteerCommand),

    /// Score gazette against outside benchmarks.
    #[command(subcommand)]
    Eval(EvalCommand),
}

/// `gazette eval ...`
#[derive(Debug, Subcommand)]
pub enum EvalCommand {
    /// Run PETRARCH's validation suite with its own dictionaries.
    ///
    /// Reads the suite as JSON Lines (one record per line, as the peer data's
    /// validation.jsonl) and the PETRARCH dictionaries in DIR (default: `validation/` beside
    /// FILE), codes each record with its date as the publication date and its options, and
    /// prints the records passed (the exact multiset of source, target and code), overall, on
    /// core+structural, per category and per shallow tier; triple precision, recall and F1;
    /// and the false-positive rate on records that expect no event. Exits 2 when a file is
    /// missing or cannot be read.
    Petrarch {
        /// The suite [default: ../shared/peers/petrarch2/validation.jsonl].
        #[arg(value_name = "FILE")]
        file: Option<PathBuf>,
        /// The directory of the suite's dictionaries.
        #[arg(long, value_name = "DIR")]
        dictionaries: Option<PathBuf>,
        /// Also list each failing record with its expected and coded events.
        #[arg(long)]
        failures: bool,
    },
}

/// `gazette gazetteer ...`
#[derive(Debug, Subcommand)]
pub enum GazetteerCommand {
    /// Validate gazetteer files (the embedded ones when no PATH is given).
    ///
    /// Reports duplicate entries, a name claimed by two entries without an ambiguity mark,
    /// unknown country or sector codes, overlapping or inverted role dates and malformed
    /// lines, each as `file:line: message`. Exits 1 when any error is found.
    Check {
        /// Gazetteer files or directories of .tsv files.
        #[arg(value_name = "PATH")]
        paths: Vec<PathBuf>,
    },
    /// Show what a name resolves to: type, code, role on a date, and the defining file:line.
    Lookup {
        /// The name, as it would appear in an article ("Xhacka", "Tehran", "NATO").
        text: String,
        /// The date whose roles to show (YYYY-MM-DD); default: the latest role.
        #[arg(long, value_name = "DATE", value_parser = parse_date)]
        date: Option<gazette::PartialDate>,
        #[command(flatten)]
        gazetteers: GazetteerArgs,
    },
    /// Count entries, names and roles per type and per file.
    Stats {
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        gazetteers: GazetteerArgs,
    },
    /// Convert PETRARCH/TABARI dictionaries into gazette's TSV files.
    ///
    /// Reads the *actors*, *agents*, *verbs* (or CAMEO*) files of DIR and writes
    /// petrarch-actors.tsv, petrarch-agents.tsv and petrarch-events.tsv into OUT, to use with
    /// `--gazetteer OUT`. Lines that cannot be read are reported as `file:line: message` and
    /// skipped; patterns gazette cannot honour are counted.
    ImportPetrarch {
        /// The directory of PETRARCH dictionaries.
        #[arg(value_name = "DIR")]
        dir: PathBuf,
        /// Where to write the TSV files (created if needed).
        #[arg(long, value_name = "OUT")]
        out: PathBuf,
    },
    /// Compile the pipeline for some gazetteers into a file, for `--pipeline FILE`.
    ///
    /// The default gazetteers come compiled in the binary; a run with `--gazetteer` builds its
    /// pipeline at start-up instead (about 0.1 s). Compile it once to start as fast with your
    /// own files. The file belongs to this version of gazette: after an upgrade, compile again.
    Compile {
        /// Where to write the compiled pipeline (written whole, or not at all).
        #[arg(long, short = 'o', value_name = "FILE")]
        output: PathBuf,
        #[command(flatten)]
        gazetteers: GazetteerArgs,
    },
    /// Print the loaded entity entries as TSV in the user format.
    Export {
        /// Only entries of this type.
        #[arg(long = "type", value_enum, value_name = "TYPE")]
        kind: Option<EntryKindArg>,
        #[command(flatten)]
        gazetteers: GazetteerArgs,
    },
}

/// An entry type on the command line.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum EntryKindArg {
    Person,
    State,
    Organisation,
    Place,
}

#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// Files or directories to read; `-` is standard input (the default). gzip input is
    /// decompressed, and `a.txt.gz` counts as a .txt file when walking a directory.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// File extensions to read when walking directories (repeatable) [default: txt, or jsonl
    /// with --input jsonl].
    #[arg(long = "ext", value_name = "EXT")]
    pub extensions: Vec<String>,

    /// How inputs hold articles: `text`, one article per file; or `jsonl`, one JSON object per
    /// line with `text` and optional `id`, `published`, `title`, `url` (as news-please and
    /// trafilatura write them). A bad line is reported as FILE:LINE and the others are read.
    #[arg(long, value_enum, value_name = "FORMAT", default_value_t = InputFormat::Text)]
    pub input: InputFormat,

    /// Pretty-print the JSON (one document spans many lines).
    #[arg(long)]
    pub pretty: bool,

    /// What to write: `json` (one gazette/v1 document per line), `events-tsv` (one event per
    /// row, with a header, in the columns event-data tools load), or `html` (a self-contained
    /// page for one article on standard output; with --html-dir, one page per article and an
    /// index).
    #[arg(long, value_enum, value_name = "FORMAT", default_value_t = OutputFormat::Json)]
    pub format: OutputFormat,

    /// With `--format html`: write `index.html` and one page per article into DIR (created if
    /// needed) instead of one page to standard output. Needed when the input holds more than
    /// one article.
    #[arg(long, value_name = "DIR")]
    pub html_dir: Option<PathBuf>,

    /// The unit of `start`/`end` offsets in the output.
    #[arg(long, value_enum, default_value_t = OffsetArg::Chars)]
    pub offsets: OffsetArg,

    /// The publication date (YYYY-MM-DD): relative dates ("yesterday", "on Tuesday") are
    /// resolved against it and each person's role is the one held that day. It overrides the
    /// dateline and a JSON Lines document's `published` field.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub published: Option<gazette::PartialDate>,

    /// Replace invalid UTF-8 with U+FFFD instead of rejecting the file.
    #[arg(long)]
    pub lossy: bool,

    /// The largest article to read: a text input (after decompression) or a JSON Lines line.
    /// Larger ones are reported and skipped without being read whole. A number of bytes, or
    /// with K, M or G (powers of 1024): 500K, 64M, 1G.
    #[arg(long, value_name = "SIZE", value_parser = parse_size, default_value = "16M")]
    pub max_bytes: u64,

    /// The `source` name to give a document read from standard input.
    #[arg(long, value_name = "NAME", default_value = "-")]
    pub stdin_name: String,

    /// Also read the paths listed in FILE, one per line (`-`: standard input). Listed
    /// directories are walked like those on the command line.
    #[arg(long, value_name = "FILE", help_heading = "Batch")]
    pub files_from: Option<PathBuf>,

    /// The --files-from list is separated by NUL bytes, as `find -print0` writes it.
    #[arg(short = '0', long = "null", requires = "files_from", help_heading = "Batch")]
    pub null: bool,

    /// Worker threads [default: one per available core]. Output order is the same for any
    /// number: that of a run with -j 1.
    #[arg(short = 'j', long, value_name = "N", help_heading = "Batch")]
    pub jobs: Option<std::num::NonZeroUsize>,

    /// Write one file per document under DIR instead of printing: a text input's path below
    /// the folder it was found in (or as given) plus `.json` (`.tsv` with --format events-tsv),
    /// less any `.gz`; a JSON Lines document's is its file's path less extensions, then its
    /// line number: DIR/docs/000042.json. Each file is written whole or not at all.
    #[arg(long, value_name = "DIR", help_heading = "Batch")]
    pub out: Option<PathBuf>,

    /// With --out: skip each input whose output file exists and is newer than the input.
    #[arg(long, requires = "out", help_heading = "Batch")]
    pub resume: bool,

    /// No progress bar and no closing summary (errors are still reported).
    #[arg(short, long, conflicts_with = "summary", help_heading = "Batch")]
    pub quiet: bool,

    /// Print the closing summary line on standard error even when it is not a terminal (on a
    /// terminal it is printed after any batch of more than one document).
    #[arg(long, help_heading = "Batch")]
    pub summary: bool,

    /// Group syndicated copies (the same story under another headline, with other boilerplate,
    /// edited or cut short) into stories: each document gets `story` and `duplicate_of`, each
    /// event `story` and `repeat_of`, and a summary goes to standard error. JSON output only.
    #[arg(long)]
    pub dedup: bool,

    /// With --dedup: the similarity (0 to 1, the share of the shorter text's word 3-grams found
    /// in the other) from which two documents are one story. Lower merges more.
    #[arg(long, value_name = "SCORE", requires = "dedup", value_parser = parse_threshold,
          default_value_t = gazette::dedup::DEFAULT_THRESHOLD)]
    pub dedup_threshold: f64,

    #[command(flatten)]
    pub gazetteers: GazetteerArgs,
}

#[derive(Debug, Args)]
pub struct GazetteerArgs {
    /// Add a gazetteer file, or a directory of .tsv files (repeatable). Its entries replace
    /// default entries with the same type and name.
    #[arg(long = "gazetteer", value_name = "PATH")]
    pub gazetteer: Vec<PathBuf>,

    /// Do not load the embedded default gazetteers.
    #[arg(long)]
    pub no_default_gazetteers: bool,

    /// Start from a pipeline compiled by `gazette gazetteer compile` (the gazetteers it was
    /// compiled with, ready to use: start-up in milliseconds instead of building it).
    #[arg(long, value_name = "FILE", conflicts_with_all = ["gazetteer", "no_default_gazetteers"])]
    pub pipeline: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Fixture folders (searched recursively for *.txt) or fixture files.
    #[arg(value_name = "DIR|FILE", default_value = "fixtures")]
    pub paths: Vec<PathBuf>,

    /// Write or update each NAME.json snapshot from the current output instead of comparing.
    /// Never run this in CI; review the changed files before committing them.
    #[arg(long)]
    pub bless: bool,

    /// Report format: `human` lines and diffs, or a `junit` XML report on standard output.
    #[arg(long, value_enum, default_value_t = CheckFormat::Human)]
    pub format: CheckFormat,

    /// When to colour the human report. `auto` colours only a terminal, unless NO_COLOR is set.
    #[arg(long, value_enum, value_name = "WHEN", default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    /// One line per fixture, a diff for each failure, and a summary line.
    Human,
    /// A JUnit XML report, for CI systems that display test results.
    Junit,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// Colour when standard output is a terminal and NO_COLOR is not set.
    Auto,
    /// Always colour.
    Always,
    /// Never colour.
    Never,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InputFormat {
    /// Each file (or standard input) is one article.
    Text,
    /// JSON Lines: one article per line, as a JSON object.
    Jsonl,
}

/// The output format of `extract`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// gazette/v1 JSON documents, one per line.
    Json,
    /// One event per row: document, sentence, date, source and target codes and names, CAMEO
    /// code, root, quad class, Goldstein score, PLOVER type, negated, trigger.
    EventsTsv,
    /// A self-contained HTML page: the text with its mentions, dates and triggers highlighted,
    /// the events table and an actor graph.
    Html,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum OffsetArg {
    /// Unicode code points, as Python's str indexing counts.
    Chars,
    /// UTF-8 bytes.
    Bytes,
}

fn parse_date(value: &str) -> Result<gazette::PartialDate, String> {
    gazette::PartialDate::parse(value)
        .filter(|d| d.day > 0)
        .ok_or_else(|| format!("{value:?} is not a date of the form YYYY-MM-DD"))
}

fn parse_size(value: &str) -> Result<u64, String> {
    let bad = || format!("{value:?} is not a size: a number of bytes, or one with K, M or G (500K, 64M, 1G)");
    let trimmed = value.trim();
    let (number, unit) = match trimmed.char_indices().find(|(_, c)| !c.is_ascii_digit()) {
        Some((at, _)) => trimmed.split_at(at),
        None => (trimmed, ""),
    };
    let scale: u64 = match unit.trim().to_ascii_uppercase().trim_end_matches(['B', 'I']) {
        "" => 1,
        "K" => 1 << 10,
        "M" => 1 << 20,
        "G" => 1 << 30,
        _ => return Err(bad()),
    };
    let number: u64 = number.parse().map_err(|_| bad())?;
    number.checked_mul(scale).filter(|&bytes| bytes > 0).ok_or_else(bad)
}

fn parse_threshold(value: &str) -> Result<f64, String> {
    value
        .parse::<f64>()
        .ok()
        .filter(|t| (0.0..=1.0).contains(t))
        .ok_or_else(|| format!("{value:?} is not a number from 0 to 1"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn published_must_be_a_full_date() {
        assert!(parse_date("2022-09-13").is_ok());
        assert!(parse_date("2022-09").is_err());
        assert!(parse_date("13/09/2022").is_err());
    }

    #[test]
    fn sizes_take_binary_suffixes() {
        assert_eq!(parse_size("1000"), Ok(1000));
        assert_eq!(parse_size("500K"), Ok(500 * 1024));
        assert_eq!(parse_size("16M"), Ok(16 * 1024 * 1024));
        assert_eq!(parse_size("1g"), Ok(1 << 30));
        assert_eq!(parse_size("2MiB"), Ok(2 << 20));
        for bad in ["", "0", "M", "1.5M", "12X", "-3", "99999999999999999999G"] {
            assert!(parse_size(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn dedup_threshold_is_a_share() {
        assert_eq!(parse_threshold("0.7"), Ok(0.7));
        assert_eq!(parse_threshold("1"), Ok(1.0));
        assert!(parse_threshold("1.5").is_err());
        assert!(parse_threshold("-0.1").is_err());
        assert!(parse_threshold("NaN").is_err());
        assert!(parse_threshold("half").is_err());
    }
}
