//! Golden fixtures: run the pipeline over saved articles and compare what it finds with what a
//! person approved, so that CI notices when extraction drifts.
//!
//! A fixture is an article `NAME.txt` plus one or both of
//!
//! - `NAME.json`, a **snapshot**: the whole expected [`DocumentRecord`], pretty-printed with a
//!   trailing newline, as `gazette check --bless` writes it. It is compared field by field
//!   (`source` is ignored: it names wherever the check happens to run), and every difference is
//!   reported with its JSON path, e.g. `entities[2].mentions[0].start`.
//! - `NAME.expect.json`, hand-written **expectations**: entities, dates and events that must be
//!   present, matched on the fields given, and an `absent` list of things that must not be.
//!
//! An optional `NAME.args` sidecar holds extraction flags (`--published DATE`,
//! `--gazetteer PATH`, `--offsets chars|bytes`, `--no-default-gazetteers`) for both kinds.
//! `docs/check.md` is the user's guide to all three files.
//!
//! [`check_paths`] does the work for the `gazette check` command and for `tests/golden.rs`
//! alike. It never stops at a bad fixture: every problem lands in the [`CheckReport`], so one
//! broken file cannot hide the others' results.
//!
//! ```
//! use gazette::check::{check_paths, CheckOptions, Status};
//!
//! let dir = tempfile::tempdir().expect("a temporary folder");
//! std::fs::write(dir.path().join("g.tsv"), "type\tname\tcountry\nstate\tAlbania\tALB\n").unwrap();
//! std::fs::write(dir.path().join("a.txt"), "Albania cut ties.").unwrap();
//! std::fs::write(dir.path().join("a.args"), "--no-default-gazetteers --gazetteer g.tsv\n").unwrap();
//! std::fs::write(dir.path().join("a.expect.json"), r#"{"entities": [{"name": "Albania"}]}"#).unwrap();
//!
//! let report = check_paths(&[dir.path().to_path_buf()], &CheckOptions::default());
//! assert_eq!(report.fixtures[0].status(), Status::Passed);
//! assert_eq!(report.summary(), "1 passed, 0 failed");
//! ```

use std::collections::BTreeMap;
use std::ffi::OsString;
use std::fmt;
use std::path::{Path, PathBuf};
use std::rc::Rc;

use serde::{Deserialize, Deserializer};
use serde_json::{Map, Value};

use crate::{Document, DocumentRecord, Error, ExtractOptions, GazetteerBuilder, OffsetUnit, PartialDate, Pipeline};

/// How [`check_paths`] runs.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct CheckOptions {
    /// Write (or rewrite) each `NAME.json` snapshot from the current output instead of
    /// comparing with it. Expectation files are still checked, and never written.
    pub bless: bool,
    /// A compiled image of the default pipeline ([`Pipeline::to_image`]), used for fixtures
    /// that add no gazetteer of their own instead of building that pipeline again.
    pub default_pipeline: Option<&'static [u8]>,
}

impl CheckOptions {
    /// Compare only; write nothing.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets [`CheckOptions::default_pipeline`].
    pub fn default_pipeline(mut self, image: &'static [u8]) -> Self {
        self.default_pipeline = Some(image);
        self
    }

    /// Sets [`CheckOptions::bless`].
    pub fn bless(mut self, bless: bool) -> Self {
        self.bless = bless;
        self
    }
}

/// The outcome of a whole check run.
#[derive(Debug, Clone, Default)]
pub struct CheckReport {
    /// One report per fixture, in the order found (paths as given; folders in sorted order).
    pub fixtures: Vec<FixtureReport>,
    /// Problems that belong to no fixture, such as a path that does not exist.
    pub errors: Vec<FixtureError>,
}

impl CheckReport {
    /// How many fixtures passed.
    pub fn passed(&self) -> usize {
        self.count(|status| status == Status::Passed)
    }

    /// How many fixtures did not pass, whether they failed or could not be checked.
    pub fn failed(&self) -> usize {
        self.count(|status| status != Status::Passed)
    }

    /// Whether anything could not be checked at all (a fixture's error or a path's).
    pub fn has_errors(&self) -> bool {
        !self.errors.is_empty() || self.fixtures.iter().any(|f| f.status() == Status::Error)
    }

    /// The summary line, `N passed, M failed`, whose shape CI scripts rely on.
    pub fn summary(&self) -> String {
        format!("{} passed, {} failed", self.passed(), self.failed())
    }

    fn count(&self, keep: impl Fn(Status) -> bool) -> usize {
        self.fixtures.iter().filter(|f| keep(f.status())).count()
    }
}

/// How one fixture fared.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Every snapshot and expectation matched.
    Passed,
    /// The output differs from a snapshot, an expectation is not met, or there is nothing to
    /// compare with.
    Failed,
    /// A file could not be read or understood; the fixture was not (fully) checked.
    Error,
}

/// What happened to one fixture.
#[derive(Debug, Clone)]
pub struct FixtureReport {
    /// The fixture's name: its path below the folder given, without `.txt` (`sub/article`), or
    /// the file's stem when the article was named directly.
    pub name: String,
    /// The article.
    pub path: PathBuf,
    /// Set when `--bless` wrote the snapshot.
    pub blessed: Option<Blessed>,
    /// Why the fixture failed.
    pub failures: Vec<Failure>,
    /// Files that could not be read or understood.
    pub errors: Vec<FixtureError>,
}

/// What blessing did to a snapshot.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Blessed {
    /// `NAME.json` did not exist and was written.
    Created,
    /// `NAME.json` differed from the current output and was rewritten.
    Updated,
}

/// One reason a fixture failed.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub enum Failure {
    /// The article has neither `NAME.json` nor `NAME.expect.json`.
    NoExpectation,
    /// The output differs from the snapshot.
    Snapshot {
        /// The snapshot file.
        file: PathBuf,
        /// Every difference, in document order.
        differences: Vec<Difference>,
    },
    /// Some expectations are not met.
    Expectations {
        /// The expectation file.
        file: PathBuf,
        /// Each expectation not met.
        unmet: Vec<Unmet>,
    },
}

/// One difference between an expected and an actual JSON value.
#[derive(Debug, Clone, PartialEq)]
pub struct Difference {
    /// Where, as a JSON path such as `entities[2].mentions[0].start`. Array indices count in
    /// the expected value, except for [`DiffKind::Unexpected`] items, which count in the
    /// actual one. The empty path is the whole value.
    pub path: String,
    /// What differs.
    pub kind: DiffKind,
    /// Extra context for a reader, such as which entity an id in the output stands for.
    pub note: Option<String>,
}

/// The kinds of [`Difference`].
#[derive(Debug, Clone, PartialEq)]
pub enum DiffKind {
    /// Expected, but not in the output.
    Missing {
        /// The expected value.
        expected: Value,
    },
    /// In the output, but not expected.
    Unexpected {
        /// The actual value.
        actual: Value,
    },
    /// Present in both, with different values.
    Changed {
        /// The expected value.
        expected: Value,
        /// The actual value.
        actual: Value,
    },
}

/// One unmet hand-written expectation.
#[derive(Debug, Clone, PartialEq)]
pub struct Unmet {
    /// The list the expectation comes from.
    pub section: Section,
    /// Its position in that list of the expectation file (in `absent.SECTION` for
    /// [`UnmetKind::Present`]).
    pub index: usize,
    /// The pattern as written.
    pub pattern: Value,
    /// How it is not met.
    pub kind: UnmetKind,
}

/// How an expectation is not met.
#[derive(Debug, Clone, PartialEq)]
pub enum UnmetKind {
    /// No item of the output matches a pattern that must be present.
    NotFound {
        /// The item that matches the most fields, if any matches one.
        closest: Option<Closest>,
        /// How many items the output's list has.
        searched: usize,
    },
    /// An item of the output matches a pattern listed as `absent`.
    Present {
        /// Its index in the output's list.
        index: usize,
        /// The item.
        actual: Value,
    },
}

/// The output item nearest to a pattern that found no match.
#[derive(Debug, Clone, PartialEq)]
pub struct Closest {
    /// Its index in the output's list.
    pub index: usize,
    /// The fields where it departs from the pattern.
    pub differences: Vec<Difference>,
}

/// The lists of a record that expectations can talk about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Section {
    /// `entities`.
    Entities,
    /// `dates`.
    Dates,
    /// `events`.
    Events,
}

impl Section {
    /// The field name, as in the output and the expectation file.
    pub fn as_str(self) -> &'static str {
        match self {
            Section::Entities => "entities",
            Section::Dates => "dates",
            Section::Events => "events",
        }
    }

    fn singular(self) -> &'static str {
        match self {
            Section::Entities => "entity",
            Section::Dates => "date",
            Section::Events => "event",
        }
    }
}

/// A fixture file that could not be read or understood.
///
/// Displays as `file:line: message` (or `file: message` when the problem is with the whole
/// file), the form editors and CI logs turn into links.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FixtureError {
    /// The file at fault.
    pub file: PathBuf,
    /// The 1-based line, or 0 when the problem is with the file as a whole.
    pub line: usize,
    /// What is wrong and, where possible, how to fix it.
    pub message: String,
}

impl FixtureError {
    fn new(file: &Path, line: usize, message: impl Into<String>) -> Self {
        FixtureError {
            file: file.to_path_buf(),
            line,
            message: message.into(),
        }
    }

    /// Turns a library error met while handling `file` into a located fixture error.
    fn from_error(file: &Path, err: Error) -> Self {
        match err {
            Error::Io { path, source } => FixtureError::new(&path, 0, source.to_string()),
            Error::Gazetteer(err) => FixtureError::new(Path::new(&err.file), err.line, err.message),
            Error::InvalidUtf8 { offset, .. } => FixtureError::new(
                file,
                0,
                format!("invalid UTF-8 at byte {offset}; fixtures must be UTF-8"),
            ),
            other => {
                // The remaining errors name the document themselves; drop that prefix so the
                // file is not named twice.
                let text = other.to_string();
                let prefix = format!("{}: ", file.display());
                let message = text.strip_prefix(&prefix).unwrap_or(&text).to_owned();
                FixtureError::new(file, 0, message)
            }
        }
    }

    fn from_json(file: &Path, err: &serde_json::Error) -> Self {
        // serde_json appends " at line L column C"; the line moves into its own field.
        let text = err.to_string();
        let message = match text.rfind(" at line ") {
            Some(at) if err.line() > 0 && err.column() > 0 => format!("{} (column {})", &text[..at], err.column()),
            Some(at) if err.line() > 0 => text[..at].to_owned(),
            _ => text,
        };
        FixtureError::new(file, err.line(), message)
    }
}

impl fmt::Display for FixtureError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "{}: {}", self.file.display(), self.message)
        } else {
            write!(f, "{}:{}: {}", self.file.display(), self.line, self.message)
        }
    }
}

impl std::error::Error for FixtureError {}

/// How a line of a fixture's details should look; the CLI maps tones to colours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Tone {
    /// Ordinary text.
    Plain,
    /// A heading: the file a group of problems belongs to.
    Heading,
    /// What differs and where, e.g. `changed entities[1].code`.
    Location,
    /// An expected value.
    Expected,
    /// An actual value.
    Actual,
    /// A remark that helps reading the rest.
    Note,
    /// A file that could not be read or understood.
    Error,
}

/// One line of a fixture's details, already indented.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DetailLine {
    /// How it should look.
    pub tone: Tone,
    /// The text, without a newline.
    pub text: String,
}

impl FixtureReport {
    fn new(name: String, path: PathBuf) -> Self {
        FixtureReport {
            name,
            path,
            blessed: None,
            failures: Vec::new(),
            errors: Vec::new(),
        }
    }

    /// Passed, failed, or could not be checked; an error outranks a failure.
    pub fn status(&self) -> Status {
        if !self.errors.is_empty() {
            Status::Error
        } else if !self.failures.is_empty() {
            Status::Failed
        } else {
            Status::Passed
        }
    }

    /// The one-line verdict: `ok NAME`, `FAIL NAME`, or for an article with nothing to compare
    /// with, `FAIL NAME (no expectation; run gazette check --bless to create NAME.json)`.
    pub fn headline(&self) -> String {
        if self.status() == Status::Passed {
            return format!("ok {}", self.name);
        }
        let nothing_else = self.errors.is_empty() && self.failures.len() == 1;
        if nothing_else && matches!(self.failures[0], Failure::NoExpectation) {
            let snapshot = file_name_with(&self.path, ".json");
            return format!(
                "FAIL {} (no expectation; run gazette check --bless to create {snapshot})",
                self.name
            );
        }
        format!("FAIL {}", self.name)
    }

    /// What went wrong, as indented lines for a person to read: errors first, then each
    /// snapshot difference and unmet expectation with expected and actual values. Empty for a
    /// fixture that passed.
    pub fn details(&self) -> Vec<DetailLine> {
        let mut out = Lines::default();
        for err in &self.errors {
            out.push(1, Tone::Error, format!("error: {err}"));
        }
        for failure in &self.failures {
            match failure {
                // Said by the headline already, when it is the only problem.
                Failure::NoExpectation if self.failures.len() + self.errors.len() == 1 => {}
                Failure::NoExpectation => out.push(
                    1,
                    Tone::Heading,
                    "no expectation: run gazette check --bless to create a snapshot",
                ),
                Failure::Snapshot { file, differences } => {
                    let count = plural(differences.len(), "difference", "differences");
                    out.push(1, Tone::Heading, format!("{}: {count}", file.display()));
                    for difference in differences {
                        render_difference(difference, 2, &mut out);
                    }
                }
                Failure::Expectations { file, unmet } => {
                    let count = plural(unmet.len(), "expectation not met", "expectations not met");
                    out.push(1, Tone::Heading, format!("{}: {count}", file.display()));
                    for unmet in unmet {
                        render_unmet(unmet, 2, &mut out);
                    }
                }
            }
        }
        out.0
    }

    /// [`FixtureReport::details`] as plain text, one line each, for logs and JUnit reports.
    pub fn details_text(&self) -> String {
        let mut text = String::new();
        for line in self.details() {
            text.push_str(&line.text);
            text.push('\n');
        }
        text
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The sibling of `path` with its last extension replaced by `suffix`, as a bare file name.
fn file_name_with(path: &Path, suffix: &str) -> String {
    let stem = path.file_stem().unwrap_or(path.as_os_str()).to_string_lossy();
    format!("{stem}{suffix}")
}

#[derive(Default)]
struct Lines(Vec<DetailLine>);

impl Lines {
    fn push(&mut self, depth: usize, tone: Tone, text: impl Into<String>) {
        let text = format!("{}{}", "  ".repeat(depth), text.into());
        self.0.push(DetailLine { tone, text });
    }
}

fn render_difference(difference: &Difference, depth: usize, out: &mut Lines) {
    let (label, expected, actual) = match &difference.kind {
        DiffKind::Missing { expected } => ("missing", Some(expected), None),
        DiffKind::Unexpected { actual } => ("unexpected", None, Some(actual)),
        DiffKind::Changed { expected, actual } => ("changed", Some(expected), Some(actual)),
    };
    let path = if difference.path.is_empty() {
        "(the whole document)"
    } else {
        &difference.path
    };
    out.push(depth, Tone::Location, format!("{label} {path}"));
    if let Some(expected) = expected {
        out.push(depth + 1, Tone::Expected, format!("expected {}", compact(expected)));
    }
    if let Some(actual) = actual {
        out.push(depth + 1, Tone::Actual, format!("actual   {}", compact(actual)));
    }
    if let Some(note) = &difference.note {
        out.push(depth + 1, Tone::Note, format!("note: {note}"));
    }
}

fn render_unmet(unmet: &Unmet, depth: usize, out: &mut Lines) {
    let what = unmet.section.singular();
    let pattern = compact(&unmet.pattern);
    match &unmet.kind {
        UnmetKind::NotFound { closest, searched } => {
            out.push(depth, Tone::Location, format!("missing {what} {pattern}"));
            let section = unmet.section.as_str();
            match closest {
                None if *searched == 0 => out.push(depth + 1, Tone::Note, format!("the output has no {section}")),
                None => out.push(
                    depth + 1,
                    Tone::Note,
                    format!("none of the output's {searched} {section} matches any of its fields"),
                ),
                Some(closest) => {
                    let at = format!("{section}[{}]", closest.index);
                    out.push(depth + 1, Tone::Note, format!("closest is {at}, which differs at:"));
                    for difference in &closest.differences {
                        render_difference(difference, depth + 2, out);
                    }
                }
            }
        }
        UnmetKind::Present { index, actual } => {
            let at = format!("{}[{index}]", unmet.section.as_str());
            out.push(
                depth,
                Tone::Location,
                format!("present {what} {pattern} (listed as absent) at {at}"),
            );
            out.push(depth + 1, Tone::Actual, format!("actual   {}", compact(actual)));
        }
    }
}

/// Longest rendering of one value, in characters, before it is cut short; a full entity with
/// its mentions would otherwise bury the rest of the report.
const MAX_VALUE_CHARS: usize = 240;

/// One-line JSON for people: a space after `:` and `,`, and in objects the plain fields
/// before the nested ones, so that a cut-short entity still shows its name and code.
fn compact(value: &Value) -> String {
    let mut text = String::new();
    write_compact(value, &mut text);
    let total = text.chars().count();
    if total <= MAX_VALUE_CHARS {
        return text;
    }
    let mut cut: String = text.chars().take(MAX_VALUE_CHARS).collect();
    cut.push_str(&format!("… ({} more characters)", total - MAX_VALUE_CHARS));
    cut
}

fn write_compact(value: &Value, out: &mut String) {
    match value {
        Value::Object(map) => {
            let nested = |v: &Value| v.is_object() || v.is_array();
            let plain = map.iter().filter(|(_, v)| !nested(v));
            let fields = plain.chain(map.iter().filter(|(_, v)| nested(v)));
            out.push('{');
            for (i, (key, value)) in fields.enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                out.push_str(&json_string(key));
                out.push_str(": ");
                write_compact(value, out);
            }
            out.push('}');
        }
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write_compact(item, out);
            }
            out.push(']');
        }
        scalar => out.push_str(&scalar.to_string()),
    }
}

fn json_string(text: &str) -> String {
    Value::String(text.to_owned()).to_string()
}

// ---------------------------------------------------------------------------------------------
// Structural diff
// ---------------------------------------------------------------------------------------------

/// A JSON path under construction: pushed and popped while walking two values.
#[derive(Debug, Clone, Default)]
struct JsonPath(Vec<Segment>);

#[derive(Debug, Clone)]
enum Segment {
    Key(String),
    Index(usize),
}

impl JsonPath {
    fn with<R>(&mut self, segment: Segment, f: impl FnOnce(&mut Self) -> R) -> R {
        self.0.push(segment);
        let result = f(self);
        self.0.pop();
        result
    }
}

impl fmt::Display for JsonPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, segment) in self.0.iter().enumerate() {
            match segment {
                Segment::Key(key) if is_identifier(key) => {
                    if i > 0 {
                        f.write_str(".")?;
                    }
                    f.write_str(key)?;
                }
                // Keys that would be ambiguous after a dot are quoted, as in JavaScript.
                Segment::Key(key) => write!(f, "[{}]", json_string(key))?,
                Segment::Index(index) => write!(f, "[{index}]")?,
            }
        }
        Ok(())
    }
}

fn is_identifier(key: &str) -> bool {
    let mut chars = key.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// Every difference between two JSON values, in document order.
///
/// Objects are compared key by key. Arrays are aligned before they are compared, so that one
/// inserted item is reported once rather than as a change to every item after it: objects with
/// a `name` are paired by `type` and `name` (entities), objects with a `start` by `start`
/// (mentions, sentences, dates), and anything else by equality. Items left over between two
/// pairs are then paired by position (a moved mention shows as a changed `start`), except named
/// ones, which are reported as missing and unexpected.
pub fn diff_json(expected: &Value, actual: &Value) -> Vec<Difference> {
    let mut out = Vec::new();
    diff_into(expected, actual, &mut JsonPath::default(), &mut out);
    out
}

fn diff_into(expected: &Value, actual: &Value, path: &mut JsonPath, out: &mut Vec<Difference>) {
    match (expected, actual) {
        (Value::Object(e), Value::Object(a)) => {
            // Both maps iterate in key order, so a merge walk visits every key once, sorted.
            let mut keys: Vec<&String> = e.keys().chain(a.keys()).collect();
            keys.sort();
            keys.dedup();
            for key in keys {
                path.with(Segment::Key(key.clone()), |path| match (e.get(key), a.get(key)) {
                    (Some(ev), Some(av)) => diff_into(ev, av, path, out),
                    (Some(ev), None) => out.push(difference(path, DiffKind::Missing { expected: ev.clone() })),
                    (None, Some(av)) => out.push(difference(path, DiffKind::Unexpected { actual: av.clone() })),
                    (None, None) => {}
                });
            }
        }
        (Value::Array(e), Value::Array(a)) => {
            for step in align(e, a) {
                match step {
                    Step::Pair(i, j) => path.with(Segment::Index(i), |path| diff_into(&e[i], &a[j], path, out)),
                    Step::Missing(i) => path.with(Segment::Index(i), |path| {
                        out.push(difference(path, DiffKind::Missing { expected: e[i].clone() }))
                    }),
                    Step::Unexpected(j) => path.with(Segment::Index(j), |path| {
                        out.push(difference(path, DiffKind::Unexpected { actual: a[j].clone() }))
                    }),
                }
            }
        }
        _ if expected == actual => {}
        _ => out.push(difference(
            path,
            DiffKind::Changed {
                expected: expected.clone(),
                actual: actual.clone(),
            },
        )),
    }
}

fn difference(path: &JsonPath, kind: DiffKind) -> Difference {
    Difference {
        path: path.to_string(),
        kind,
        note: None,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    Pair(usize, usize),
    Missing(usize),
    Unexpected(usize),
}

/// What pairs an array item with its counterpart on the other side.
#[derive(Debug, PartialEq)]
enum Identity<'a> {
    /// An entity-like object: same `type` and `name`.
    Named(Option<&'a Value>, &'a Value),
    /// A span-like object: same `start`.
    At(&'a Value),
}

fn identity(value: &Value) -> Option<Identity<'_>> {
    let object = value.as_object()?;
    if let Some(name) = object.get("name") {
        return Some(Identity::Named(object.get("type"), name));
    }
    object.get("start").map(Identity::At)
}

/// Above this many item pairs the quadratic alignment is skipped for a positional one; no
/// article comes near it, but a bad snapshot must not eat the machine's memory.
const MAX_ALIGNMENT_CELLS: usize = 4_000_000;

fn align(expected: &[Value], actual: &[Value]) -> Vec<Step> {
    let e_ids: Vec<_> = expected.iter().map(identity).collect();
    let a_ids: Vec<_> = actual.iter().map(identity).collect();
    let same = |i: usize, j: usize| match (&e_ids[i], &a_ids[j]) {
        (Some(x), Some(y)) => x == y,
        (None, None) => expected[i] == actual[j],
        _ => false,
    };
    let anchors = if expected.len().saturating_mul(actual.len()) <= MAX_ALIGNMENT_CELLS {
        longest_common_subsequence(expected.len(), actual.len(), same)
    } else {
        (0..expected.len().min(actual.len()))
            .filter(|&k| same(k, k))
            .map(|k| (k, k))
            .collect()
    };

    let mut steps = Vec::new();
    let (mut i, mut j) = (0, 0);
    for &(anchor_i, anchor_j) in anchors.iter().chain(std::iter::once(&(expected.len(), actual.len()))) {
        // Unnamed items between two anchors are most likely the same items, edited or moved:
        // pairing them reports `events[0].cameo` rather than a whole missing event, and a
        // mention that moved as `mentions[0].start` rather than as one missing, one unexpected.
        // Named items (entities) are another thing when the name differs, so never paired.
        let loose = |id: &Option<Identity>| !matches!(id, Some(Identity::Named(..)));
        let loose_e: Vec<usize> = (i..anchor_i).filter(|&k| loose(&e_ids[k])).collect();
        let loose_a: Vec<usize> = (j..anchor_j).filter(|&k| loose(&a_ids[k])).collect();
        let mut paired_e = Vec::new();
        let mut paired_a = Vec::new();
        for (&x, &y) in loose_e.iter().zip(&loose_a) {
            if same_json_type(&expected[x], &actual[y]) {
                steps.push(Step::Pair(x, y));
                paired_e.push(x);
                paired_a.push(y);
            }
        }
        steps.extend((i..anchor_i).filter(|k| !paired_e.contains(k)).map(Step::Missing));
        steps.extend((j..anchor_j).filter(|k| !paired_a.contains(k)).map(Step::Unexpected));
        if anchor_i < expected.len() {
            steps.push(Step::Pair(anchor_i, anchor_j));
        }
        i = anchor_i + 1;
        j = anchor_j + 1;
    }
    steps
}

fn same_json_type(a: &Value, b: &Value) -> bool {
    std::mem::discriminant(a) == std::mem::discriminant(b)
}

/// The index pairs of a longest common subsequence of two sequences, in order.
fn longest_common_subsequence(n: usize, m: usize, same: impl Fn(usize, usize) -> bool) -> Vec<(usize, usize)> {
    // lengths[i * (m + 1) + j] = length of an LCS of the suffixes starting at i and j.
    let width = m + 1;
    let mut lengths = vec![0u32; (n + 1) * width];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lengths[i * width + j] = if same(i, j) {
                lengths[(i + 1) * width + j + 1] + 1
            } else {
                lengths[(i + 1) * width + j].max(lengths[i * width + j + 1])
            };
        }
    }
    let mut pairs = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < n && j < m {
        if same(i, j) {
            pairs.push((i, j));
            i += 1;
            j += 1;
        } else if lengths[(i + 1) * width + j] >= lengths[i * width + j + 1] {
            i += 1;
        } else {
            j += 1;
        }
    }
    pairs
}

// ---------------------------------------------------------------------------------------------
// Expectations
// ---------------------------------------------------------------------------------------------

/// A `NAME.expect.json` file.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct ExpectFile {
    /// Free text for the reader; JSON has no comments.
    #[serde(default, rename = "description")]
    _description: Option<String>,
    #[serde(default)]
    options: ExpectOptions,
    #[serde(default)]
    entities: Vec<Map<String, Value>>,
    #[serde(default)]
    dates: Vec<Map<String, Value>>,
    #[serde(default)]
    events: Vec<Map<String, Value>>,
    #[serde(default)]
    absent: Absent,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Absent {
    #[serde(default)]
    entities: Vec<Map<String, Value>>,
    #[serde(default)]
    dates: Vec<Map<String, Value>>,
    #[serde(default)]
    events: Vec<Map<String, Value>>,
}

/// The `options` of an expectation file, layered over the `.args` sidecar.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct ExpectOptions {
    #[serde(default, deserialize_with = "deserialize_published")]
    published: Option<PartialDate>,
    #[serde(default)]
    offsets: Option<OffsetUnit>,
    #[serde(default)]
    gazetteers: Vec<PathBuf>,
    #[serde(default)]
    default_gazetteers: Option<bool>,
}

fn deserialize_published<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<PartialDate>, D::Error> {
    let Some(text) = Option::<String>::deserialize(deserializer)? else {
        return Ok(None);
    };
    parse_full_date(&text)
        .map(Some)
        .ok_or_else(|| serde::de::Error::custom(format!("published: {text:?} is not a date of the form YYYY-MM-DD")))
}

fn parse_full_date(text: &str) -> Option<PartialDate> {
    PartialDate::parse(text).filter(|date| date.day > 0)
}

fn parse_expect_file(file: &Path, text: &str) -> Result<ExpectFile, FixtureError> {
    serde_json::from_str(text).map_err(|err| FixtureError::from_json(file, &err))
}

impl ExpectFile {
    fn required(&self) -> [(Section, &[Map<String, Value>]); 3] {
        [
            (Section::Entities, &self.entities),
            (Section::Dates, &self.dates),
            (Section::Events, &self.events),
        ]
    }

    fn absent(&self) -> [(Section, &[Map<String, Value>]); 3] {
        [
            (Section::Entities, &self.absent.entities),
            (Section::Dates, &self.absent.dates),
            (Section::Events, &self.absent.events),
        ]
    }
}

/// Entity ids of one record, so a pattern may name an entity by its code or name wherever the
/// output refers to it by id.
struct EntityIds<'a>(BTreeMap<&'a str, (&'a str, Option<&'a str>)>);

impl<'a> EntityIds<'a> {
    fn new(record: &'a DocumentRecord) -> Self {
        EntityIds(
            record
                .entities
                .iter()
                .map(|e| (e.id.as_str(), (e.name.as_str(), e.code.as_deref())))
                .collect(),
        )
    }

    /// Whether the actual string `actual`, if it is an entity id, names an entity whose name or
    /// code is `expected`.
    fn refers_to(&self, actual: &str, expected: &str) -> bool {
        self.0
            .get(actual)
            .is_some_and(|&(name, code)| name == expected || code == Some(expected))
    }

    fn describe(&self, actual: &str) -> Option<String> {
        let (name, code) = self.0.get(actual)?;
        Some(match code {
            Some(code) => format!("{actual} is {name} ({code})"),
            None => format!("{actual} is {name}"),
        })
    }
}

/// Whether an actual value satisfies a pattern.
///
/// Objects match when every field of the pattern matches the same field of the actual object
/// (a field the output lacks matches only `null`). A non-empty pattern array matches when each
/// of its items matches some item of the actual array; `[]` matches only `[]`. A string also
/// matches an entity id whose entity has that name or code. Anything else must be equal.
fn matches(pattern: &Value, actual: &Value, ids: &EntityIds) -> bool {
    match (pattern, actual) {
        (Value::Object(p), Value::Object(a)) => p.iter().all(|(key, pv)| match a.get(key) {
            Some(av) => matches(pv, av, ids),
            None => pv.is_null(),
        }),
        (Value::Array(p), Value::Array(a)) if p.is_empty() => a.is_empty(),
        (Value::Array(p), Value::Array(a)) => p.iter().all(|pv| a.iter().any(|av| matches(pv, av, ids))),
        (Value::String(p), Value::String(a)) => p == a || ids.refers_to(a, p),
        _ => pattern == actual,
    }
}

fn match_expectations(expect: &ExpectFile, record: &DocumentRecord) -> Vec<Unmet> {
    let ids = EntityIds::new(record);
    let actual = serde_json::to_value(record).expect("a DocumentRecord always serialises to JSON");
    let items = |section: Section| -> &[Value] {
        actual
            .get(section.as_str())
            .and_then(Value::as_array)
            .map_or(&[], Vec::as_slice)
    };
    let mut unmet = Vec::new();
    for (section, patterns) in expect.required() {
        let items = items(section);
        for (index, pattern) in patterns.iter().enumerate() {
            let pattern = Value::Object(pattern.clone());
            if !items.iter().any(|item| matches(&pattern, item, &ids)) {
                let closest = closest_item(section, &pattern, items, &ids);
                let kind = UnmetKind::NotFound {
                    closest,
                    searched: items.len(),
                };
                unmet.push(Unmet {
                    section,
                    index,
                    pattern,
                    kind,
                });
            }
        }
    }
    for (section, patterns) in expect.absent() {
        let items = items(section);
        for (index, pattern) in patterns.iter().enumerate() {
            let pattern = Value::Object(pattern.clone());
            for (at, item) in items.iter().enumerate() {
                if matches(&pattern, item, &ids) {
                    let kind = UnmetKind::Present {
                        index: at,
                        actual: item.clone(),
                    };
                    unmet.push(Unmet {
                        section,
                        index,
                        pattern: pattern.clone(),
                        kind,
                    });
                }
            }
        }
    }
    unmet
}

/// The item matching the most top-level fields of `pattern` (the first, on a tie), with the
/// fields where it departs; `None` when no item matches any field.
fn closest_item(section: Section, pattern: &Value, items: &[Value], ids: &EntityIds) -> Option<Closest> {
    let fields = pattern.as_object()?;
    let score = |item: &Value| {
        fields
            .iter()
            .filter(|(key, pv)| item.get(key.as_str()).is_some_and(|av| matches(pv, av, ids)))
            .count()
    };
    let mut best: Option<(usize, usize)> = None;
    for (index, item) in items.iter().enumerate() {
        let s = score(item);
        if s > 0 && best.is_none_or(|(_, top)| s > top) {
            best = Some((index, s));
        }
    }
    let (index, _) = best?;
    let mut path = JsonPath(vec![Segment::Key(section.as_str().to_owned()), Segment::Index(index)]);
    let mut differences = Vec::new();
    explain_mismatch(pattern, Some(&items[index]), &mut path, ids, &mut differences);
    Some(Closest { index, differences })
}

/// Lists where `actual` departs from `pattern`, down to the innermost fields.
fn explain_mismatch(
    pattern: &Value,
    actual: Option<&Value>,
    path: &mut JsonPath,
    ids: &EntityIds,
    out: &mut Vec<Difference>,
) {
    let actual = match actual {
        None if pattern.is_null() => return,
        None => {
            out.push(difference(
                path,
                DiffKind::Missing {
                    expected: pattern.clone(),
                },
            ));
            return;
        }
        Some(actual) if matches(pattern, actual, ids) => return,
        Some(actual) => actual,
    };
    if let (Value::Object(p), Value::Object(a)) = (pattern, actual) {
        for (key, pv) in p {
            path.with(Segment::Key(key.clone()), |path| {
                explain_mismatch(pv, a.get(key), path, ids, out)
            });
        }
        return;
    }
    let note = actual.as_str().and_then(|id| ids.describe(id));
    out.push(Difference {
        path: path.to_string(),
        kind: DiffKind::Changed {
            expected: pattern.clone(),
            actual: actual.clone(),
        },
        note,
    });
}

// ---------------------------------------------------------------------------------------------
// The `.args` sidecar
// ---------------------------------------------------------------------------------------------

/// Extraction settings of one fixture, with gazetteer paths as written (relative to the
/// fixture's folder).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct FixtureArgs {
    published: Option<PartialDate>,
    offsets: Option<OffsetUnit>,
    gazetteers: Vec<PathBuf>,
    no_default_gazetteers: bool,
}

impl FixtureArgs {
    /// These settings with an expectation file's `options` laid over them: its date and unit
    /// win, its gazetteers are added, and `default_gazetteers` decides when given.
    fn overlaid_with(&self, options: &ExpectOptions) -> FixtureArgs {
        let mut merged = self.clone();
        if options.published.is_some() {
            merged.published = options.published;
        }
        if options.offsets.is_some() {
            merged.offsets = options.offsets;
        }
        merged.gazetteers.extend(options.gazetteers.iter().cloned());
        if let Some(defaults) = options.default_gazetteers {
            merged.no_default_gazetteers = !defaults;
        }
        merged
    }
}

const SUPPORTED_FLAGS: &str = "--published DATE, --gazetteer PATH, --offsets chars|bytes, --no-default-gazetteers";

/// Parses a `NAME.args` file: shell-like words, any number of flags per line, each flag's value
/// on the same line; `#` starts a comment.
fn parse_args_file(file: &Path, text: &str) -> Result<FixtureArgs, FixtureError> {
    let mut args = FixtureArgs::default();
    // Where each single-valued flag was first given, to reject a second one as clap does.
    let mut seen: BTreeMap<&'static str, usize> = BTreeMap::new();
    for (index, line) in text.lines().enumerate() {
        let number = index + 1;
        let fail = |message: String| FixtureError::new(file, number, message);
        let mut words = split_words(line).map_err(fail)?.into_iter();
        while let Some(word) = words.next() {
            let (flag, inline) = match word.split_once('=') {
                Some((flag, value)) if flag.starts_with("--") => (flag.to_owned(), Some(value.to_owned())),
                _ => (word.clone(), None),
            };
            let flag: &'static str = match flag.as_str() {
                "--published" => "--published",
                "--gazetteer" => "--gazetteer",
                "--offsets" => "--offsets",
                "--no-default-gazetteers" => "--no-default-gazetteers",
                other if other.starts_with('-') => {
                    return Err(fail(format!("unsupported flag {other:?}; use {SUPPORTED_FLAGS}")));
                }
                other => {
                    return Err(fail(format!(
                        "unexpected word {other:?}: expected one of {SUPPORTED_FLAGS}"
                    )));
                }
            };
            if flag != "--gazetteer"
                && let Some(first) = seen.insert(flag, number)
            {
                return Err(fail(format!("{flag} given twice (first on line {first})")));
            }
            if flag == "--no-default-gazetteers" {
                if inline.is_some() {
                    return Err(fail(format!("{flag} takes no value")));
                }
                args.no_default_gazetteers = true;
                continue;
            }
            let value = match inline.or_else(|| words.next()) {
                Some(value) => value,
                None => {
                    let wanted = match flag {
                        "--published" => "a date (YYYY-MM-DD)",
                        "--offsets" => "chars or bytes",
                        _ => "a path",
                    };
                    return Err(fail(format!("{flag} needs {wanted} after it, on the same line")));
                }
            };
            match flag {
                "--published" => {
                    let date = parse_full_date(&value)
                        .ok_or_else(|| fail(format!("{flag}: {value:?} is not a date of the form YYYY-MM-DD")))?;
                    args.published = Some(date);
                }
                "--offsets" => {
                    args.offsets = Some(match value.as_str() {
                        "chars" => OffsetUnit::Chars,
                        "bytes" => OffsetUnit::Bytes,
                        _ => return Err(fail(format!("{flag}: {value:?} is neither chars nor bytes"))),
                    });
                }
                _ => args.gazetteers.push(PathBuf::from(value)),
            }
        }
    }
    Ok(args)
}

/// Splits a line into words as a POSIX shell would, for the subset a flag file needs: blanks
/// separate words, `'...'` is literal, `"..."` allows `\"` and `\\`, a backslash outside quotes
/// escapes the next character, and `#` at the start of a word comments out the rest.
fn split_words(line: &str) -> Result<Vec<String>, String> {
    let mut words = Vec::new();
    let mut word: Option<String> = None;
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            c if c.is_whitespace() => words.extend(word.take()),
            '#' if word.is_none() => break,
            '\'' => {
                let current = word.get_or_insert_with(String::new);
                loop {
                    match chars.next() {
                        Some('\'') => break,
                        Some(c) => current.push(c),
                        None => return Err("unterminated single quote".to_owned()),
                    }
                }
            }
            '"' => {
                let current = word.get_or_insert_with(String::new);
                loop {
                    match chars.next() {
                        Some('"') => break,
                        Some('\\') => match chars.next() {
                            Some(c @ ('"' | '\\')) => current.push(c),
                            Some(c) => {
                                current.push('\\');
                                current.push(c);
                            }
                            None => return Err("unterminated double quote".to_owned()),
                        },
                        Some(c) => current.push(c),
                        None => return Err("unterminated double quote".to_owned()),
                    }
                }
            }
            '\\' => match chars.next() {
                Some(c) => word.get_or_insert_with(String::new).push(c),
                None => return Err("a backslash ends the line; flags and values must be on one line".to_owned()),
            },
            c => word.get_or_insert_with(String::new).push(c),
        }
    }
    words.extend(word);
    Ok(words)
}

// ---------------------------------------------------------------------------------------------
// Running the checks
// ---------------------------------------------------------------------------------------------

/// Checks every fixture under `paths`: folders are searched recursively for `*.txt` articles
/// (in sorted order); a file names one fixture (its `.json`, `.expect.json` or `.args` names
/// the article beside it).
///
/// With [`CheckOptions::bless`], snapshots are written instead of compared: each `NAME.json`
/// that exists or, for an article with no expectation at all, is missing, is (re)written
/// atomically from the current output when its contents change. Articles with only an
/// expectation file get no snapshot.
///
/// Nothing here stops the run: unreadable or malformed files are reported in the fixture's
/// [`FixtureReport::errors`] (or, for a path that does not exist, [`CheckReport::errors`]).
pub fn check_paths(paths: &[PathBuf], options: &CheckOptions) -> CheckReport {
    let mut checker = Checker {
        options: options.clone(),
        pipelines: BTreeMap::new(),
    };
    let mut report = CheckReport::default();
    for path in paths {
        for fixture in find_fixtures(path, &mut report.errors) {
            report.fixtures.push(checker.check(&fixture));
        }
    }
    report
}

/// One article and the names of the files beside it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Fixture {
    name: String,
    text: PathBuf,
}

impl Fixture {
    fn folder(&self) -> &Path {
        self.text.parent().unwrap_or(Path::new(""))
    }

    /// `NAME{suffix}` beside the article.
    fn sibling(&self, suffix: &str) -> PathBuf {
        let mut name: OsString = self.text.file_stem().unwrap_or(self.text.as_os_str()).to_owned();
        name.push(suffix);
        self.text.with_file_name(name)
    }
}

const TEXT_SUFFIX: &str = ".txt";
/// Files that belong to an article, longest suffix first so `.expect.json` is not taken for
/// `.json`.
const SIDECAR_SUFFIXES: [&str; 3] = [".expect.json", ".json", ".args"];

fn find_fixtures(path: &Path, errors: &mut Vec<FixtureError>) -> Vec<Fixture> {
    if path.is_dir() {
        let found = crate::input::discover(&[path.to_path_buf()], &["txt".to_owned()]);
        errors.extend(found.errors.into_iter().map(|err| FixtureError::from_error(path, err)));
        return found
            .inputs
            .into_iter()
            .filter_map(|input| match input {
                crate::input::InputSource::File(file) => Some(file),
                crate::input::InputSource::Stdin => None,
            })
            .map(|file| Fixture {
                name: fixture_name(path, &file),
                text: file,
            })
            .collect();
    }
    let text = article_for(path);
    if !text.is_file() {
        let message = if text == path {
            "no such file or directory".to_owned()
        } else {
            format!("no article {} beside it", text.display())
        };
        errors.push(FixtureError::new(path, 0, message));
        return Vec::new();
    }
    let name = text
        .file_stem()
        .unwrap_or(text.as_os_str())
        .to_string_lossy()
        .into_owned();
    vec![Fixture { name, text }]
}

/// The article a path names: itself, or for a sidecar file, the `.txt` beside it.
fn article_for(path: &Path) -> PathBuf {
    let Some(file_name) = path.file_name().and_then(|name| name.to_str()) else {
        return path.to_path_buf();
    };
    SIDECAR_SUFFIXES
        .iter()
        .find_map(|suffix| file_name.strip_suffix(suffix).filter(|stem| !stem.is_empty()))
        .map_or_else(
            || path.to_path_buf(),
            |stem| path.with_file_name(format!("{stem}{TEXT_SUFFIX}")),
        )
}

/// The path below `root`, `/`-separated on every platform, without its extension.
fn fixture_name(root: &Path, file: &Path) -> String {
    let relative = file.strip_prefix(root).unwrap_or(file).with_extension("");
    let parts: Vec<String> = relative
        .components()
        .map(|part| part.as_os_str().to_string_lossy().into_owned())
        .collect();
    parts.join("/")
}

/// What became of a snapshot, when anything did.
enum SnapshotOutcome {
    /// `--bless` wrote it.
    Blessed(Blessed),
    /// It is missing or differs.
    Failed(Failure),
}

/// What makes two pipelines differ; fixtures with equal keys share one.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct PipelineKey {
    defaults: bool,
    gazetteers: Vec<PathBuf>,
}

struct Checker {
    options: CheckOptions,
    /// Building a matcher over the default gazetteers takes tens of milliseconds, so each
    /// configuration is built once per run; a failure is remembered too, and reported for
    /// every fixture that needs it.
    pipelines: BTreeMap<PipelineKey, Result<Rc<Pipeline>, FixtureError>>,
}

impl Checker {
    fn check(&mut self, fixture: &Fixture) -> FixtureReport {
        let mut report = FixtureReport::new(fixture.name.clone(), fixture.text.clone());
        if let Err(err) = self.check_into(fixture, &mut report) {
            report.errors.push(err);
        }
        report
    }

    fn check_into(&mut self, fixture: &Fixture, report: &mut FixtureReport) -> Result<(), FixtureError> {
        let args_file = fixture.sibling(".args");
        let args = match read_optional(&args_file)? {
            Some(text) => parse_args_file(&args_file, &text)?,
            None => FixtureArgs::default(),
        };
        let document = read_article(&fixture.text)?;
        let snapshot_file = fixture.sibling(".json");
        let expect_file = fixture.sibling(".expect.json");
        // Read both before acting on either, so that an expectation file that cannot be read
        // does not count as "no expectation" and get a snapshot blessed in its place.
        let snapshot = read_optional(&snapshot_file);
        let expect = read_optional(&expect_file);
        let have_expectation = !matches!(expect, Ok(None));

        // The two halves are independent: a problem with one must not hide the other's result.
        match snapshot {
            Ok(snapshot) => {
                let outcome =
                    self.check_snapshot(fixture, &document, &args, &snapshot_file, snapshot, have_expectation);
                match outcome {
                    Ok(Some(SnapshotOutcome::Blessed(blessed))) => report.blessed = Some(blessed),
                    Ok(Some(SnapshotOutcome::Failed(failure))) => report.failures.push(failure),
                    Ok(None) => {}
                    Err(err) => report.errors.push(err),
                }
            }
            Err(err) => report.errors.push(err),
        }
        match expect {
            Ok(Some(text)) => match self.check_expectations(fixture, &document, &args, &expect_file, &text) {
                Ok(Some(failure)) => report.failures.push(failure),
                Ok(None) => {}
                Err(err) => report.errors.push(err),
            },
            Ok(None) => {}
            Err(err) => report.errors.push(err),
        }
        Ok(())
    }

    /// Compares with, or blesses, `NAME.json`; says what became of it, if anything.
    fn check_snapshot(
        &mut self,
        fixture: &Fixture,
        document: &Document,
        args: &FixtureArgs,
        file: &Path,
        snapshot: Option<String>,
        have_expectation: bool,
    ) -> Result<Option<SnapshotOutcome>, FixtureError> {
        if self.options.bless && (snapshot.is_some() || !have_expectation) {
            let record = self.extract(fixture, document, args)?;
            return Ok(bless(file, snapshot.as_deref(), &record)?.map(SnapshotOutcome::Blessed));
        }
        let Some(text) = snapshot else {
            return Ok((!have_expectation).then_some(SnapshotOutcome::Failed(Failure::NoExpectation)));
        };
        let record = self.extract(fixture, document, args)?;
        let differences = compare_with_snapshot(file, &text, &record)?;
        Ok((!differences.is_empty()).then(|| {
            SnapshotOutcome::Failed(Failure::Snapshot {
                file: file.to_path_buf(),
                differences,
            })
        }))
    }

    fn check_expectations(
        &mut self,
        fixture: &Fixture,
        document: &Document,
        args: &FixtureArgs,
        file: &Path,
        text: &str,
    ) -> Result<Option<Failure>, FixtureError> {
        let expect = parse_expect_file(file, text)?;
        let record = self.extract(fixture, document, &args.overlaid_with(&expect.options))?;
        let unmet = match_expectations(&expect, &record);
        Ok((!unmet.is_empty()).then(|| Failure::Expectations {
            file: file.to_path_buf(),
            unmet,
        }))
    }

    fn extract(
        &mut self,
        fixture: &Fixture,
        document: &Document,
        args: &FixtureArgs,
    ) -> Result<DocumentRecord, FixtureError> {
        let folder = fixture.folder();
        let key = PipelineKey {
            defaults: !args.no_default_gazetteers,
            gazetteers: args.gazetteers.iter().map(|path| folder.join(path)).collect(),
        };
        let pipeline = self.pipeline(key, fixture)?;
        let options = ExtractOptions {
            published: args.published,
            offsets: args.offsets.unwrap_or_default(),
        };
        let mut record = pipeline.extract(document, &options);
        relativize_entries(&mut record, folder);
        Ok(record)
    }

    fn pipeline(&mut self, key: PipelineKey, fixture: &Fixture) -> Result<Rc<Pipeline>, FixtureError> {
        if let Some(built) = self.pipelines.get(&key) {
            return built.clone();
        }
        let built = build_pipeline(&key, self.options.default_pipeline, &fixture.text).map(Rc::new);
        self.pipelines.insert(key, built.clone());
        built
    }
}

fn build_pipeline(key: &PipelineKey, image: Option<&'static [u8]>, article: &Path) -> Result<Pipeline, FixtureError> {
    if let Some(image) = image.filter(|_| key.defaults && key.gazetteers.is_empty()) {
        return Pipeline::from_image(image).map_err(|err| FixtureError::from_error(article, Error::Image(err)));
    }
    let mut builder = GazetteerBuilder::new().defaults(key.defaults);
    for path in &key.gazetteers {
        builder = builder
            .add_path(path)
            .map_err(|err| FixtureError::from_error(article, err))?;
    }
    let gazetteer = builder
        .build()
        .map_err(|err| FixtureError::from_error(article, err.into()))?;
    Pipeline::new(gazetteer).map_err(|err| FixtureError::from_error(article, err.into()))
}

/// A fixture's own gazetteer is loaded from `FOLDER/g.tsv`, and its entities' `entry` would
/// say so; the folder depends on where the check runs, so it is cut to keep snapshots stable.
fn relativize_entries(record: &mut DocumentRecord, folder: &Path) {
    if folder.as_os_str().is_empty() {
        return;
    }
    let prefix = format!("{}{}", folder.display(), std::path::MAIN_SEPARATOR);
    for entity in &mut record.entities {
        if let Some(entry) = &mut entity.entry
            && let Some(rest) = entry.strip_prefix(&prefix)
        {
            *entry = rest.to_owned();
        }
    }
}

/// Reads a file that may legitimately be absent.
fn read_optional(path: &Path) -> Result<Option<String>, FixtureError> {
    match std::fs::read(path) {
        Ok(bytes) => String::from_utf8(bytes).map(Some).map_err(|err| {
            let at = err.utf8_error().valid_up_to();
            FixtureError::new(path, 0, format!("invalid UTF-8 at byte {at}"))
        }),
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(err) => Err(FixtureError::new(path, 0, err.to_string())),
    }
}

/// Reads an article. Its `source` is its file name alone, which is what a snapshot stores.
fn read_article(path: &Path) -> Result<Document, FixtureError> {
    let bytes = std::fs::read(path).map_err(|err| FixtureError::new(path, 0, err.to_string()))?;
    let source = path.file_name().unwrap_or(path.as_os_str()).to_string_lossy();
    Document::from_bytes(source.into_owned(), bytes, crate::Utf8Policy::Strict).map_err(|err| {
        // The document error names the file by its bare name; report the full path instead.
        let err = match err {
            Error::Binary { reason, .. } => Error::Binary {
                source_name: path.display().to_string(),
                reason,
            },
            other => other,
        };
        FixtureError::from_error(path, err)
    })
}

/// The snapshot text for a record: pretty JSON and a trailing newline, as `extract --pretty`.
fn snapshot_text(record: &DocumentRecord) -> String {
    let mut text = serde_json::to_string_pretty(record).expect("a DocumentRecord always serialises to JSON");
    text.push('\n');
    text
}

/// Compares the current output with a snapshot, ignoring `source`.
fn compare_with_snapshot(file: &Path, text: &str, record: &DocumentRecord) -> Result<Vec<Difference>, FixtureError> {
    let mut expected: Value = serde_json::from_str(text).map_err(|err| FixtureError::from_json(file, &err))?;
    let mut actual = serde_json::to_value(record).expect("a DocumentRecord always serialises to JSON");
    for value in [&mut expected, &mut actual] {
        if let Value::Object(fields) = value {
            fields.remove("source");
        }
    }
    Ok(diff_json(&expected, &actual))
}

fn bless(file: &Path, existing: Option<&str>, record: &DocumentRecord) -> Result<Option<Blessed>, FixtureError> {
    let text = snapshot_text(record);
    if existing == Some(text.as_str()) {
        return Ok(None);
    }
    write_atomically(file, &text)?;
    Ok(Some(if existing.is_some() {
        Blessed::Updated
    } else {
        Blessed::Created
    }))
}

/// Writes a snapshot through a temporary file in the same folder, synced, then a rename, so
/// that an interrupted bless never leaves a half-written snapshot behind.
fn write_atomically(file: &Path, contents: &str) -> Result<(), FixtureError> {
    crate::batch::write_atomically_synced(file, &[contents.as_bytes()])
        .map_err(|err| FixtureError::new(file, 0, err.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    // ---- structural diff ----------------------------------------------------------------

    fn paths_and_kinds(diffs: &[Difference]) -> Vec<String> {
        diffs
            .iter()
            .map(|d| {
                let kind = match d.kind {
                    DiffKind::Missing { .. } => "missing",
                    DiffKind::Unexpected { .. } => "unexpected",
                    DiffKind::Changed { .. } => "changed",
                };
                format!("{kind} {}", d.path)
            })
            .collect()
    }

    #[test]
    fn diff_paths_name_the_innermost_change() {
        let table: Vec<(&str, Value, Value, Vec<&str>)> = vec![
            (
                "equal",
                json!({"a": [1, {"b": 2}]}),
                json!({"a": [1, {"b": 2}]}),
                vec![],
            ),
            ("scalar", json!({"a": 1}), json!({"a": 2}), vec!["changed a"]),
            (
                "missing key",
                json!({"a": 1, "b": 2}),
                json!({"a": 1}),
                vec!["missing b"],
            ),
            (
                "unexpected key",
                json!({"a": 1}),
                json!({"a": 1, "c": 3}),
                vec!["unexpected c"],
            ),
            (
                "type change",
                json!({"a": [1]}),
                json!({"a": {"x": 1}}),
                vec!["changed a"],
            ),
            ("whole document", json!([1]), json!({"x": 1}), vec!["changed "]),
            (
                "nested mention",
                json!({"entities": [{"name": "A", "type": "state", "mentions": [{"start": 0, "end": 3}]}]}),
                json!({"entities": [{"name": "A", "type": "state", "mentions": [{"start": 0, "end": 4}]}]}),
                vec!["changed entities[0].mentions[0].end"],
            ),
            (
                "event field",
                json!({"events": [{"source": "e1", "target": "e2", "cameo": "161"}]}),
                json!({"events": [{"source": "e1", "target": "e3", "cameo": "161"}]}),
                vec!["changed events[0].target"],
            ),
            (
                "odd key is quoted",
                json!({"a b": 1}),
                json!({"a b": 2}),
                vec!["changed [\"a b\"]"],
            ),
        ];
        for (name, expected, actual, want) in table {
            assert_eq!(paths_and_kinds(&diff_json(&expected, &actual)), want, "{name}");
        }
    }

    #[test]
    fn an_inserted_entity_is_reported_once() {
        let entity = |name: &str, code: &str| json!({"type": "state", "name": name, "code": code});
        let expected = json!([entity("Albania", "ALB"), entity("Iran", "IRN"), entity("Jordan", "JOR")]);
        let actual = json!([
            entity("Albania", "ALB"),
            entity("Greece", "GRC"),
            entity("Iran", "IRN"),
            entity("Jordan", "JOR")
        ]);
        assert_eq!(paths_and_kinds(&diff_json(&expected, &actual)), ["unexpected [1]"]);

        let removed = json!([entity("Albania", "ALB"), entity("Jordan", "JOR")]);
        assert_eq!(paths_and_kinds(&diff_json(&expected, &removed)), ["missing [1]"]);

        // Paired by name, so a changed code is a change inside the entity, not a swap.
        let recoded = json!([
            entity("Albania", "ALB"),
            entity("Iran", "IRNGOV"),
            entity("Jordan", "JOR")
        ]);
        assert_eq!(paths_and_kinds(&diff_json(&expected, &recoded)), ["changed [1].code"]);
    }

    #[test]
    fn mentions_align_by_start_and_loose_items_by_position() {
        let expected = json!([{"start": 0, "text": "A"}, {"start": 10, "text": "B"}]);
        let actual = json!([{"start": 0, "text": "A"}, {"start": 5, "text": "X"}, {"start": 10, "text": "B"}]);
        assert_eq!(paths_and_kinds(&diff_json(&expected, &actual)), ["unexpected [1]"]);

        // A mention that moved is the same mention, changed.
        let expected = json!([{"start": 0, "end": 1}, {"start": 10, "end": 16}]);
        let actual = json!([{"start": 0, "end": 1}, {"start": 12, "end": 18}]);
        assert_eq!(
            paths_and_kinds(&diff_json(&expected, &actual)),
            ["changed [1].end", "changed [1].start"]
        );

        // Items with neither name nor start pair up by position between anchors.
        let expected = json!(["a", {"cameo": "161"}, "z"]);
        let actual = json!(["a", {"cameo": "160"}, "z"]);
        assert_eq!(paths_and_kinds(&diff_json(&expected, &actual)), ["changed [1].cameo"]);

        let expected = json!([1, 2, 3]);
        let actual = json!([1, 3]);
        assert_eq!(paths_and_kinds(&diff_json(&expected, &actual)), ["missing [1]"]);
    }

    #[test]
    fn snapshot_comparison_ignores_source_only() {
        let record = DocumentRecord {
            schema: crate::wire::SCHEMA.to_owned(),
            source: "/somewhere/else/a.txt".to_owned(),
            offsets: OffsetUnit::Chars,
            published: None,
            published_from: None,
            story: None,
            duplicate_of: None,
            sentences: Vec::new(),
            entities: Vec::new(),
            dates: Vec::new(),
            events: Vec::new(),
        };
        let mut snapshot = record.clone();
        snapshot.source = "a.txt".to_owned();
        let text = snapshot_text(&snapshot);
        assert!(text.ends_with("}\n"));
        assert_eq!(compare_with_snapshot(Path::new("a.json"), &text, &record), Ok(vec![]));

        snapshot.published = Some("2022-09-13".to_owned());
        let diffs = compare_with_snapshot(Path::new("a.json"), &snapshot_text(&snapshot), &record).unwrap();
        assert_eq!(paths_and_kinds(&diffs), ["changed published"]);

        let err = compare_with_snapshot(Path::new("a.json"), "{\n  \"schema\": ,\n}", &record).unwrap_err();
        assert_eq!(err.file, Path::new("a.json"));
        assert_eq!(err.line, 2);
    }

    // ---- expectations ---------------------------------------------------------------------

    /// A minimal event from the fields a test cares about.
    fn event_from(value: Value) -> crate::wire::EventRecord {
        let text = |key: &str| value[key].as_str().map(str::to_owned);
        crate::wire::EventRecord {
            id: "v1".to_owned(),
            source: text("source").unwrap_or_default(),
            target: text("target"),
            cameo: text("cameo").unwrap_or_default(),
            cameo_name: None,
            root: text("cameo").unwrap_or_default().chars().take(2).collect(),
            plover: None,
            goldstein: None,
            quad_class: None,
            trigger: crate::wire::TextSpanRecord {
                text: String::new(),
                start: value["trigger"]["start"].as_u64().unwrap_or(0) as usize,
                end: value["trigger"]["end"].as_u64().unwrap_or(0) as usize,
            },
            sentence: 0,
            date: None,
            location: None,
            negated: false,
            modality: None,
            reported_by: None,
            rule: String::new(),
            zone: "body".to_owned(),
            story: None,
            repeat_of: None,
        }
    }

    fn record_with(entities: &[(&str, &str, Option<&str>)], events: Vec<Value>) -> DocumentRecord {
        let events = events.into_iter().map(event_from).collect();
        DocumentRecord {
            schema: crate::wire::SCHEMA.to_owned(),
            source: "a.txt".to_owned(),
            offsets: OffsetUnit::Chars,
            published: None,
            published_from: None,
            story: None,
            duplicate_of: None,
            sentences: Vec::new(),
            entities: entities
                .iter()
                .map(|&(id, name, code)| crate::wire::EntityRecord {
                    id: id.to_owned(),
                    kind: "state".to_owned(),
                    name: name.to_owned(),
                    country: code.map(str::to_owned),
                    sector: None,
                    code: code.map(str::to_owned),
                    role: None,
                    origin: "gazetteer".to_owned(),
                    evidence: None,
                    entry: None,
                    mentions: vec![crate::wire::MentionRecord {
                        text: name.to_owned(),
                        start: 0,
                        end: name.chars().count(),
                        sentence: 0,
                        form: "name".to_owned(),
                    }],
                })
                .collect(),
            dates: Vec::new(),
            events,
        }
    }

    fn sample() -> DocumentRecord {
        record_with(
            &[
                ("e1", "Albania", Some("ALB")),
                ("e2", "Iran", Some("IRN")),
                ("e3", "NATO", None),
            ],
            vec![json!({"source": "e1", "target": "e2", "cameo": "161", "trigger": {"start": 8, "end": 11}})],
        )
    }

    fn unmet_for(expect: &str) -> Vec<Unmet> {
        let expect = parse_expect_file(Path::new("a.expect.json"), expect).expect("valid expect file");
        match_expectations(&expect, &sample())
    }

    #[test]
    fn expectations_match_on_the_fields_given() {
        let table = [
            ("nothing expected", r#"{}"#, 0),
            ("entity by name", r#"{"entities": [{"name": "Albania"}]}"#, 0),
            (
                "entity by name and code",
                r#"{"entities": [{"name": "Albania", "code": "ALB"}]}"#,
                0,
            ),
            (
                "entity, wrong code",
                r#"{"entities": [{"name": "Albania", "code": "ALBGOV"}]}"#,
                1,
            ),
            (
                "null matches null",
                r#"{"entities": [{"name": "NATO", "code": null}]}"#,
                0,
            ),
            (
                "field the output lacks",
                r#"{"entities": [{"name": "NATO", "colour": "blue"}]}"#,
                1,
            ),
            (
                "event by codes",
                r#"{"events": [{"source": "ALB", "target": "IRN", "cameo": "161"}]}"#,
                0,
            ),
            (
                "event by names",
                r#"{"events": [{"source": "Albania", "target": "Iran"}]}"#,
                0,
            ),
            ("event by ids", r#"{"events": [{"source": "e1", "target": "e2"}]}"#, 0),
            (
                "event, wrong target",
                r#"{"events": [{"source": "ALB", "target": "ISR"}]}"#,
                1,
            ),
            ("nested object", r#"{"events": [{"trigger": {"start": 8}}]}"#, 0),
            ("nested, wrong", r#"{"events": [{"trigger": {"start": 9}}]}"#, 1),
            (
                "array pattern",
                r#"{"entities": [{"mentions": [{"text": "Iran"}]}]}"#,
                0,
            ),
            (
                "empty array only matches empty",
                r#"{"entities": [{"mentions": []}]}"#,
                1,
            ),
            ("no dates yet", r#"{"dates": [{"value": "2022-09-07"}]}"#, 1),
            (
                "absent and absent",
                r#"{"absent": {"entities": [{"name": "Jordan"}]}}"#,
                0,
            ),
            (
                "absent but present",
                r#"{"absent": {"entities": [{"name": "Iran"}]}}"#,
                1,
            ),
            ("absent by code", r#"{"absent": {"events": [{"target": "IRN"}]}}"#, 1),
            ("empty absent pattern forbids all", r#"{"absent": {"events": [{}]}}"#, 1),
            ("description is ignored", r#"{"description": "why", "entities": []}"#, 0),
        ];
        for (name, expect, unmet) in table {
            assert_eq!(unmet_for(expect).len(), unmet, "{name}");
        }
    }

    #[test]
    fn an_unmet_expectation_names_its_closest_item() {
        let unmet = unmet_for(r#"{"events": [{"source": "ALB", "target": "ISR", "cameo": "161"}]}"#);
        let [only] = unmet.as_slice() else {
            panic!("one unmet expectation: {unmet:?}")
        };
        let UnmetKind::NotFound {
            closest: Some(closest), ..
        } = &only.kind
        else {
            panic!("a closest item: {only:?}")
        };
        assert_eq!(closest.index, 0);
        assert_eq!(paths_and_kinds(&closest.differences), ["changed events[0].target"]);
        assert_eq!(closest.differences[0].note.as_deref(), Some("e2 is Iran (IRN)"));

        let unmet = unmet_for(r#"{"entities": [{"name": "Jordan"}]}"#);
        assert!(matches!(
            unmet[0].kind,
            UnmetKind::NotFound {
                closest: None,
                searched: 3
            }
        ));
    }

    #[test]
    fn absent_reports_each_item_it_finds() {
        let unmet = unmet_for(r#"{"absent": {"entities": [{"type": "state"}]}}"#);
        let found: Vec<usize> = unmet
            .iter()
            .map(|u| match u.kind {
                UnmetKind::Present { index, .. } => index,
                UnmetKind::NotFound { .. } => usize::MAX,
            })
            .collect();
        assert_eq!(found, [0, 1, 2]);
    }

    #[test]
    fn malformed_expect_files_are_located() {
        let table = [
            ("unknown field", "{\n  \"entites\": []\n}", 2),
            ("pattern is not an object", "{\"entities\": [\"Albania\"]}", 1),
            ("bad date", "{\n\"options\": {\"published\": \"2022-9-1\"}}", 2),
            ("bad unit", "{\"options\": {\"offsets\": \"lines\"}}", 1),
            ("not json", "entities:", 1),
        ];
        for (name, text, line) in table {
            let err = parse_expect_file(Path::new("x.expect.json"), text).expect_err(name);
            assert_eq!(err.line, line, "{name}: {err}");
            assert!(
                err.to_string().starts_with(&format!("x.expect.json:{line}: ")),
                "{name}: {err}"
            );
        }
    }

    #[test]
    fn expect_options_lay_over_args() {
        let expect = parse_expect_file(
            Path::new("x.expect.json"),
            r#"{"options": {"published": "2022-09-13", "gazetteers": ["b.tsv"], "default_gazetteers": false}}"#,
        )
        .unwrap();
        let args = FixtureArgs {
            offsets: Some(OffsetUnit::Bytes),
            gazetteers: vec!["a.tsv".into()],
            ..FixtureArgs::default()
        };
        let merged = args.overlaid_with(&expect.options);
        assert_eq!(merged.published, Some(PartialDate::ymd(2022, 9, 13)));
        assert_eq!(merged.offsets, Some(OffsetUnit::Bytes));
        assert_eq!(merged.gazetteers, [PathBuf::from("a.tsv"), PathBuf::from("b.tsv")]);
        assert!(merged.no_default_gazetteers);
    }

    // ---- the .args sidecar ----------------------------------------------------------------

    #[test]
    fn args_files_accept_the_supported_flags() {
        let text = "# extraction flags\n--published 2022-09-13\n\n--gazetteer 'my gaz.tsv' --gazetteer=b.tsv\n\
                    --offsets bytes --no-default-gazetteers # trailing comment\n";
        let args = parse_args_file(Path::new("a.args"), text).unwrap();
        assert_eq!(
            args,
            FixtureArgs {
                published: Some(PartialDate::ymd(2022, 9, 13)),
                offsets: Some(OffsetUnit::Bytes),
                gazetteers: vec!["my gaz.tsv".into(), "b.tsv".into()],
                no_default_gazetteers: true,
            }
        );
    }

    #[test]
    fn args_errors_name_file_and_line() {
        let table = [
            (
                "unsupported flag",
                "--published 2022-09-13\n--pretty\n",
                "a.args:2: unsupported flag \"--pretty\"",
            ),
            ("stray word", "2022-09-13\n", "a.args:1: unexpected word \"2022-09-13\""),
            (
                "missing value",
                "\n\n--published\n",
                "a.args:3: --published needs a date",
            ),
            (
                "value on next line",
                "--gazetteer\ng.tsv\n",
                "a.args:1: --gazetteer needs a path",
            ),
            (
                "bad date",
                "--published 2022-13-01",
                "a.args:1: --published: \"2022-13-01\" is not a date",
            ),
            (
                "month only",
                "--published=2022-09",
                "a.args:1: --published: \"2022-09\" is not a date",
            ),
            (
                "bad unit",
                "--offsets lines",
                "a.args:1: --offsets: \"lines\" is neither chars nor bytes",
            ),
            (
                "twice",
                "--offsets chars\n--offsets bytes",
                "a.args:2: --offsets given twice (first on line 1)",
            ),
            (
                "flag value",
                "--no-default-gazetteers=yes",
                "a.args:1: --no-default-gazetteers takes no value",
            ),
            (
                "open quote",
                "--gazetteer 'g.tsv",
                "a.args:1: unterminated single quote",
            ),
        ];
        for (name, text, want) in table {
            let err = parse_args_file(Path::new("a.args"), text).expect_err(name);
            assert!(err.to_string().starts_with(want), "{name}: {err}");
        }
    }

    #[test]
    fn words_split_like_a_shell() {
        let table: [(&str, &[&str]); 6] = [
            ("a b\tc", &["a", "b", "c"]),
            ("'a b' \"c d\"", &["a b", "c d"]),
            (r#""say \"hi\"" a\ b"#, &["say \"hi\"", "a b"]),
            ("x# not a comment # comment", &["x#", "not", "a", "comment"]),
            ("''", &[""]),
            ("   ", &[]),
        ];
        for (line, want) in table {
            assert_eq!(split_words(line).unwrap(), want, "{line}");
        }
    }

    // ---- naming and rendering ---------------------------------------------------------------

    #[test]
    fn sidecars_name_their_article() {
        let table = [
            ("f/a.txt", "f/a.txt"),
            ("f/a.json", "f/a.txt"),
            ("f/a.expect.json", "f/a.txt"),
            ("f/a.args", "f/a.txt"),
            ("f/.json", "f/.json"),
        ];
        for (given, article) in table {
            assert_eq!(article_for(Path::new(given)), Path::new(article), "{given}");
        }
        assert_eq!(fixture_name(Path::new("fx"), Path::new("fx/sub/a.b.txt")), "sub/a.b");
        let fixture = Fixture {
            name: "a".into(),
            text: "fx/a.txt".into(),
        };
        assert_eq!(fixture.sibling(".expect.json"), Path::new("fx/a.expect.json"));
    }

    #[test]
    fn details_show_paths_with_expected_and_actual_values() {
        let mut report = FixtureReport::new("a".into(), "fx/a.txt".into());
        report.failures.push(Failure::Snapshot {
            file: "fx/a.json".into(),
            differences: diff_json(
                &json!({"events": [{"target": "e2"}]}),
                &json!({"events": [{"target": "e3"}]}),
            ),
        });
        assert_eq!(report.headline(), "FAIL a");
        assert_eq!(
            report.details_text(),
            "  fx/a.json: 1 difference\n    changed events[0].target\n      expected \"e2\"\n      actual   \"e3\"\n"
        );

        let mut bare = FixtureReport::new("b".into(), "fx/b.txt".into());
        bare.failures.push(Failure::NoExpectation);
        assert_eq!(
            bare.headline(),
            "FAIL b (no expectation; run gazette check --bless to create b.json)"
        );
        assert!(bare.details().is_empty());
    }

    #[test]
    fn long_values_are_cut_short_after_their_plain_fields() {
        let mentions: Vec<Value> = (0..50).map(|i| json!({"start": i, "end": i + 1})).collect();
        let text = compact(&json!({"mentions": mentions, "name": "Albania", "code": "ALB"}));
        assert!(
            text.starts_with(r#"{"code": "ALB", "name": "Albania", "mentions": ["#),
            "{text}"
        );
        assert!(text.contains("more characters)"), "{text}");
    }
}
