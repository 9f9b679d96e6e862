//! Batch runs: many documents through one [`Pipeline`] on every core, with the output in the
//! order a sequential run would give.
//!
//! The parts, each usable alone:
//!
//! - [`open`] and [`read_document`]: inputs, with gzip decompressed wherever it is met (the
//!   gzip magic number decides, not the file name, so standard input may be gzip too);
//! - [`FileList`] and [`Discovery`]: the paths to read, from the command line, a list file
//!   (newline- or NUL-separated) and directory walks, produced lazily so that a corpus of
//!   millions of files is never held in memory as a list;
//! - [`Tasks`]: those inputs as units of work, one per text file or per JSON Lines document;
//! - [`Workers::map_ordered`]: a bounded, ordered parallel map;
//! - [`process`]: one task through the pipeline to rendered bytes or an output file
//!   ([`write_atomically`], with `--resume`'s [`is_up_to_date`]);
//! - [`Stats`]: the counts behind the progress bar and the closing summary line.

use std::collections::BTreeMap;
use std::fmt;
use std::io::{BufRead, BufReader, Read, Write};
use std::panic::AssertUnwindSafe;
use std::path::{Component, Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, SystemTime};

use crate::error::Error;
use crate::input::{ByteLimit, Document, InputSource, JsonlReader, Utf8Policy, has_extension};
use crate::{ExtractOptions, Pipeline, wire};

/// A buffered reader over one input, decompressed when it was gzip.
pub type Reader = Box<dyn BufRead + Send>;

/// The first two bytes of every gzip member.
const GZIP_MAGIC: [u8; 2] = [0x1f, 0x8b];

/// Large enough that reading is a few system calls per article, small enough to be no
/// concern per worker.
const BUFFER_SIZE: usize = 64 * 1024;

/// The starting size of a record's JSON buffer: a news article's record is some kilobytes
/// (about four times its text), and starting there spares the first few doublings.
const JSON_CAPACITY: usize = 16 * 1024;

/// Wraps a byte stream so that gzip data comes out decompressed and anything else unchanged.
///
/// The magic number decides: gzip's first two bytes (0x1f 0x8b) can never open UTF-8 text,
/// since 0x8b is a continuation byte, so no article is mistaken for gzip. Concatenated gzip
/// members (`cat a.gz b.gz`) are read as one stream, as `zcat` does.
pub fn decompressing(mut reader: impl Read + Send + 'static) -> std::io::Result<Reader> {
    // Read the two bytes by hand rather than trust one `fill_buf`: a pipe may deliver a single
    // byte first, and the test must not depend on how the writer chunked its output.
    let mut head = [0u8; 2];
    let mut filled = 0;
    while filled < head.len() {
        match reader.read(&mut head[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(err) if err.kind() == std::io::ErrorKind::Interrupted => {}
            Err(err) => return Err(err),
        }
    }
    let whole = std::io::Cursor::new(head[..filled].to_vec()).chain(reader);
    if head[..filled] == GZIP_MAGIC {
        let compressed = BufReader::with_capacity(BUFFER_SIZE, whole);
        Ok(Box::new(BufReader::with_capacity(
            BUFFER_SIZE,
            flate2::bufread::MultiGzDecoder::new(compressed),
        )))
    } else {
        Ok(Box::new(BufReader::with_capacity(BUFFER_SIZE, whole)))
    }
}

/// Opens an input for reading, decompressing gzip. Errors name the file (or `stdin_name`).
pub fn open(source: &InputSource, stdin_name: &str) -> Result<Reader, Error> {
    match source {
        InputSource::Stdin => decompressing(std::io::stdin()).map_err(|source| Error::Io {
            path: stdin_name.into(),
            source,
        }),
        InputSource::File(path) => {
            let io = |source| Error::Io {
                path: path.clone(),
                source,
            };
            let file = std::fs::File::open(path).map_err(io)?;
            decompressing(file).map_err(io)
        }
    }
}

/// Reads one whole input as one article, decompressing gzip, and decodes it (see
/// [`Document::from_bytes`]). A document from standard input is named `stdin_name`. An input
/// of more than `limit` bytes (after decompression) is refused once one byte over the limit
/// has been read, so that memory stays bounded whatever the input.
pub fn read_document(
    source: &InputSource,
    stdin_name: &str,
    policy: Utf8Policy,
    limit: ByteLimit,
) -> Result<Document, Error> {
    let reader = open(source, stdin_name)?;
    let mut bytes = Vec::new();
    let name = match source {
        InputSource::Stdin => PathBuf::from(stdin_name),
        InputSource::File(path) => path.clone(),
    };
    reader
        .take(limit.0.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|source| Error::Io {
            path: name.clone(),
            source,
        })?;
    if bytes.len() as u64 > limit.0 {
        return Err(Error::TooLarge {
            source_name: name.display().to_string(),
            limit: limit.0,
        });
    }
    Document::from_bytes(name.display().to_string(), bytes, policy)
}

// ---- which inputs ----------------------------------------------------------------------------

/// The paths listed in a file, one per line or, with `nul`, separated by NUL bytes (as
/// `find -print0` writes them, for names that contain line breaks).
///
/// Read lazily: a list of millions of paths costs one line of memory. Empty entries are
/// skipped, and so is a `\r` ending a line (a list written on Windows).
pub struct FileList {
    name: String,
    reader: Reader,
    separator: u8,
    entry: usize,
}

impl FileList {
    /// Reads the list in `path`, or standard input for `-`.
    pub fn open(path: &Path, nul: bool) -> Result<Self, Error> {
        let source = if path.as_os_str() == "-" {
            InputSource::Stdin
        } else {
            InputSource::File(path.to_path_buf())
        };
        let name = match &source {
            InputSource::Stdin => "-".to_owned(),
            InputSource::File(path) => path.display().to_string(),
        };
        Ok(Self::new(name, open(&source, "-")?, nul))
    }

    /// Reads a list from `reader`; `name` names it in errors.
    pub fn new(name: impl Into<String>, reader: Reader, nul: bool) -> Self {
        FileList {
            name: name.into(),
            reader,
            separator: if nul { 0 } else { b'\n' },
            entry: 0,
        }
    }
}

impl Iterator for FileList {
    type Item = Result<PathBuf, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        let mut bytes = Vec::new();
        loop {
            bytes.clear();
            match self.reader.read_until(self.separator, &mut bytes) {
                Ok(0) => return None,
                Ok(_) => {
                    self.entry += 1;
                    if bytes.last() == Some(&self.separator) {
                        bytes.pop();
                    }
                    if self.separator == b'\n' && bytes.last() == Some(&b'\r') {
                        bytes.pop();
                    }
                    if !bytes.is_empty() {
                        return Some(Ok(path_from_bytes(bytes)));
                    }
                }
                Err(source) => {
                    return Some(Err(Error::Io {
                        path: format!("{} (entry {})", self.name, self.entry + 1).into(),
                        source,
                    }));
                }
            }
        }
    }
}

#[cfg(unix)]
fn path_from_bytes(bytes: Vec<u8>) -> PathBuf {
    // Unix file names are bytes; keeping them as bytes keeps names that are not UTF-8 openable.
    use std::os::unix::ffi::OsStringExt;
    PathBuf::from(std::ffi::OsString::from_vec(bytes))
}

#[cfg(not(unix))]
fn path_from_bytes(bytes: Vec<u8>) -> PathBuf {
    PathBuf::from(String::from_utf8_lossy(&bytes).into_owned())
}

/// One input found by [`Discovery`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// Where to read it.
    pub source: InputSource,
    /// Its place in the output tree of `--out`: the path below the directory it was found in
    /// (for a directory named on the command line), else the path as given, without its root,
    /// `.` and `..` parts so that it stays inside the output directory. Empty for stdin.
    pub relative: PathBuf,
}

impl Found {
    /// Where this input's output goes below `--out`, without the format's extension: a text
    /// input `a/b.txt.gz` writes `a/b.txt` plus the extension (one file); a JSON Lines input
    /// `a/b.jsonl.gz` writes into the folder `a/b` (a file per line); standard input is named
    /// after `--stdin-name`.
    fn output_stem(&self, kind: InputKind, stdin_name: &str) -> PathBuf {
        match (&self.source, kind) {
            (InputSource::Stdin, _) => PathBuf::from(stdin_stem(stdin_name)),
            (InputSource::File(_), InputKind::Text) => output_stem(&self.relative),
            (InputSource::File(_), InputKind::Jsonl) => strip_extensions(&self.relative),
        }
    }

    /// When the input was last modified, for `--resume`; none for standard input.
    fn modified(&self) -> Option<SystemTime> {
        match &self.source {
            InputSource::File(path) => std::fs::metadata(path).and_then(|m| m.modified()).ok(),
            InputSource::Stdin => None,
        }
    }

    fn name(&self, stdin_name: &str) -> String {
        match &self.source {
            InputSource::File(path) => path.display().to_string(),
            InputSource::Stdin => stdin_name.to_owned(),
        }
    }
}

/// Expands paths into inputs lazily, in order: `-` is standard input; a directory is walked
/// recursively in sorted order, keeping files whose extension is one of `extensions`, with or
/// without a `.gz` after it (`a.txt.gz` is a `txt` file); a file named explicitly is always
/// kept. A path that does not exist, or a directory that cannot be walked, is an error item,
/// and discovery goes on with the next.
pub struct Discovery<P> {
    paths: P,
    extensions: Vec<String>,
    walk: Option<(PathBuf, walkdir::IntoIter)>,
}

impl<P: Iterator<Item = Result<PathBuf, Error>>> Discovery<P> {
    /// Discovers the inputs among `paths`.
    pub fn new(paths: P, extensions: Vec<String>) -> Self {
        Discovery {
            paths,
            extensions,
            walk: None,
        }
    }
}

/// Whether a walked file is one to read: its extension is one of `extensions`, possibly
/// followed by `.gz`.
fn wanted(path: &Path, extensions: &[String]) -> bool {
    if has_extension(path, extensions) {
        return true;
    }
    let name = path.file_name().map(|n| n.to_string_lossy()).unwrap_or_default();
    match name.len().checked_sub(3) {
        Some(cut) if name.is_char_boundary(cut) && name[cut..].eq_ignore_ascii_case(".gz") => {
            has_extension(Path::new(&name[..cut]), extensions)
        }
        _ => false,
    }
}

impl<P: Iterator<Item = Result<PathBuf, Error>>> Iterator for Discovery<P> {
    type Item = Result<Found, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some((root, walk)) = &mut self.walk {
                match walk.next() {
                    None => self.walk = None,
                    Some(Ok(entry)) if entry.file_type().is_file() => {
                        if wanted(entry.path(), &self.extensions) {
                            let relative = entry.path().strip_prefix(&*root).map(Path::to_path_buf);
                            let relative = relative.unwrap_or_else(|_| inside(entry.path()));
                            return Some(Ok(Found {
                                source: InputSource::File(entry.into_path()),
                                relative,
                            }));
                        }
                    }
                    // Directories are descended into; FIFOs, sockets and devices are skipped,
                    // since reading one could block forever or never end.
                    Some(Ok(_)) => {}
                    Some(Err(err)) => {
                        let path = err.path().map_or_else(|| root.clone(), Path::to_path_buf);
                        let source = err
                            .into_io_error()
                            .unwrap_or_else(|| std::io::Error::other("symbolic link loop; not followed"));
                        return Some(Err(Error::Io { path, source }));
                    }
                }
                continue;
            }
            let path = match self.paths.next()? {
                Ok(path) => path,
                Err(err) => return Some(Err(err)),
            };
            if path.as_os_str() == "-" {
                return Some(Ok(Found {
                    source: InputSource::Stdin,
                    relative: PathBuf::new(),
                }));
            } else if path.is_dir() {
                // Links are followed because corpora are often assembled from symlinked
                // folders; walkdir detects loops and reports them instead of recursing forever.
                let walk = walkdir::WalkDir::new(&path).follow_links(true).sort_by_file_name();
                self.walk = Some((path, walk.into_iter()));
            } else if path.exists() {
                let relative = inside(&path);
                return Some(Ok(Found {
                    source: InputSource::File(path),
                    relative,
                }));
            } else {
                return Some(Err(Error::Io {
                    path,
                    source: std::io::Error::new(std::io::ErrorKind::NotFound, "no such file or directory"),
                }));
            }
        }
    }
}

/// The path without root, prefix, `.` and `..` parts: a place for it inside another directory.
fn inside(path: &Path) -> PathBuf {
    path.components()
        .filter_map(|c| match c {
            Component::Normal(part) => Some(part),
            _ => None,
        })
        .collect()
}

// ---- tasks -----------------------------------------------------------------------------------

/// How inputs hold articles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum InputKind {
    /// Each input is one article.
    #[default]
    Text,
    /// Each line of an input is one article, as a JSON object (see [`JsonlReader`]).
    Jsonl,
}

/// One unit of work, in output order.
#[derive(Debug)]
pub enum Task {
    /// A whole input holding one article. The worker reads it, so that reading and
    /// decompressing happen in parallel too.
    Whole(Found),
    /// One JSON Lines document, already parsed.
    Line {
        /// The document.
        doc: Document,
        /// Its output file below `--out`, without the extension: the JSON Lines file's
        /// relative path less its extensions, then the line number (`docs/000042`).
        relative: PathBuf,
        /// When the JSON Lines file was last modified, for `--resume`.
        modified: Option<SystemTime>,
    },
    /// An input that could not be read or understood; the message names it.
    Failed(String),
}

impl Task {
    /// How much work the task is, for grouping small ones into one job: the text's length for
    /// a JSON Lines document; the file's size for a whole file (of unknown size, a full job).
    pub fn weight(&self) -> usize {
        match self {
            Task::Line { doc, .. } => doc.text.len(),
            Task::Whole(found) => match &found.source {
                InputSource::File(path) => std::fs::metadata(path).map_or(JOB_WEIGHT, |m| m.len() as usize),
                InputSource::Stdin => JOB_WEIGHT,
            },
            Task::Failed(_) => 0,
        }
    }
}

/// The tasks of a batch: one per discovered input for text, one per line for JSON Lines.
///
/// JSON Lines files are read here, one line at a time, as the workers ask for more: lines are
/// cheap to parse next to the analysis, and reading them in order is what keeps line numbers
/// and the output order straightforward.
pub struct Tasks<D> {
    found: D,
    kind: InputKind,
    policy: Utf8Policy,
    limit: ByteLimit,
    stdin_name: String,
    lines: Option<OpenLines>,
    claims: Option<OutputClaims>,
}

/// The outputs the inputs of one `--out` run have taken, so that an input whose output would
/// land where an earlier input's did (`a/x.txt` and `b/x.txt` when `a` and `b` are given as
/// two folders; `x.txt` beside `x.txt.gz`) is refused with an error rather than silently
/// replacing it. The first in input order keeps the output, whatever the workers' timing.
///
/// Kept as 128-bit hashes of the output paths (two independent 64-bit hashes, so a false
/// clash is out of reach): 16 bytes for each input file, not for each JSON Lines document.
struct OutputClaims {
    root: PathBuf,
    extension: &'static str,
    taken: rustc_hash::FxHashSet<u128>,
}

impl OutputClaims {
    /// Takes the output `stem`; false when an earlier input had it.
    fn claim(&mut self, stem: &Path) -> bool {
        use std::hash::BuildHasher;
        let fx = rustc_hash::FxBuildHasher.hash_one(stem);
        let sip = std::hash::BuildHasherDefault::<std::hash::DefaultHasher>::default().hash_one(stem);
        self.taken.insert(u128::from(fx) << 64 | u128::from(sip))
    }

    fn refusal(&self, input: &str, stem: &Path, kind: InputKind) -> String {
        // A text output's "source" is its input file; a JSON Lines document's is its own id.
        let (what, place, hint) = match kind {
            InputKind::Text => (
                "output",
                output_file(&self.root, stem, self.extension),
                " (its \"source\" field names it)",
            ),
            InputKind::Jsonl => ("output folder", self.root.join(stem), ""),
        };
        format!(
            "{input}: not written: its {what} {} is that of an earlier input of this run{hint}; write the \
             two to separate --out folders",
            place.display()
        )
    }
}

struct OpenLines {
    reader: JsonlReader<Reader>,
    relative: PathBuf,
    modified: Option<SystemTime>,
}

impl<D: Iterator<Item = Result<Found, Error>>> Tasks<D> {
    /// Tasks for the inputs `found`, holding articles as `kind` says.
    pub fn new(found: D, kind: InputKind, policy: Utf8Policy, stdin_name: impl Into<String>) -> Self {
        Tasks {
            found,
            kind,
            policy,
            limit: ByteLimit::default(),
            stdin_name: stdin_name.into(),
            lines: None,
            claims: None,
        }
    }

    /// For `--out`: refuses (as a failed task) every input whose output, below `root` with
    /// `extension`, is that of an earlier input, so that no result silently replaces another.
    pub fn with_output_claims(mut self, root: impl Into<PathBuf>, extension: &'static str) -> Self {
        self.claims = Some(OutputClaims {
            root: root.into(),
            extension,
            taken: Default::default(),
        });
        self
    }

    /// Refuses JSON Lines lines longer than `limit` (each is a failed task); by default
    /// [`crate::input::DEFAULT_MAX_BYTES`].
    pub fn with_limit(mut self, limit: ByteLimit) -> Self {
        self.limit = limit;
        self
    }

    fn open_lines(&self, found: &Found) -> Result<OpenLines, Error> {
        let reader = open(&found.source, &self.stdin_name)?;
        Ok(OpenLines {
            reader: JsonlReader::new(found.name(&self.stdin_name), reader, self.policy).with_limit(self.limit),
            relative: found.output_stem(InputKind::Jsonl, &self.stdin_name),
            modified: found.modified(),
        })
    }
}

impl<D: Iterator<Item = Result<Found, Error>>> Iterator for Tasks<D> {
    type Item = Task;

    fn next(&mut self) -> Option<Task> {
        loop {
            if let Some(lines) = &mut self.lines {
                match lines.reader.next() {
                    Some(Ok(doc)) => {
                        return Some(Task::Line {
                            doc,
                            relative: lines.relative.join(format!("{:06}", lines.reader.line())),
                            modified: lines.modified,
                        });
                    }
                    Some(Err(err)) => return Some(Task::Failed(err.to_string())),
                    None => self.lines = None,
                }
            }
            let found = match self.found.next()? {
                Ok(found) => found,
                Err(err) => return Some(Task::Failed(err.to_string())),
            };
            if let Some(claims) = &mut self.claims {
                let stem = found.output_stem(self.kind, &self.stdin_name);
                if !claims.claim(&stem) {
                    return Some(Task::Failed(claims.refusal(
                        &found.name(&self.stdin_name),
                        &stem,
                        self.kind,
                    )));
                }
            }
            match self.kind {
                InputKind::Text => return Some(Task::Whole(found)),
                InputKind::Jsonl => match self.open_lines(&found) {
                    Ok(lines) => self.lines = Some(lines),
                    Err(err) => return Some(Task::Failed(err.to_string())),
                },
            }
        }
    }
}

/// The output name of standard input: its `--stdin-name`, made a safe file name.
fn stdin_stem(stdin_name: &str) -> String {
    let stem: String = stdin_name
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || "-_.".contains(c) {
                c
            } else {
                '_'
            }
        })
        .collect();
    if stem.trim_matches(['.', '-', '_']).is_empty() {
        "stdin".to_owned()
    } else {
        stem
    }
}

/// `docs/a.jsonl.gz` -> `docs/a`: the folder that holds one output per line of a JSON Lines file.
fn strip_extensions(relative: &Path) -> PathBuf {
    let mut path = relative.to_path_buf();
    if path.extension().is_some_and(|e| e.eq_ignore_ascii_case("gz")) {
        path.set_extension("");
    }
    path.set_extension("");
    path
}

// ---- one task --------------------------------------------------------------------------------

/// The output format of one document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Render {
    /// One gazette/v1 JSON object on one line.
    #[default]
    Json,
    /// One gazette/v1 JSON object, indented.
    JsonPretty,
    /// Events as TSV rows, without the header (see [`wire::events_tsv`]).
    EventsTsv,
    /// Nothing is rendered by the workers: each document comes back with its record
    /// ([`Status::Analysed`]), for a caller that draws pages in input order (`--format html`).
    Record,
}

impl Render {
    /// The extension of an output file in this format.
    pub fn extension(self) -> &'static str {
        match self {
            Render::Json | Render::JsonPretty => "json",
            Render::EventsTsv => "tsv",
            Render::Record => "html",
        }
    }

    /// The bytes of one record in this format, ending with a line break.
    pub fn render(self, record: &wire::DocumentRecord) -> Vec<u8> {
        let mut bytes = match self {
            Render::EventsTsv => return wire::events_tsv(record).into_bytes(),
            Render::Record => return Vec::new(),
            Render::Json => {
                let mut bytes = Vec::with_capacity(JSON_CAPACITY);
                record.write_json(&mut bytes);
                bytes
            }
            // Serialising plain data to memory cannot fail: every map key is a string.
            Render::JsonPretty => serde_json::to_vec_pretty(record).expect("a record serialises"),
        };
        bytes.push(b'\n');
        bytes
    }
}

/// Where `--out` writes, and whether `--resume` skips up-to-date outputs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutDir {
    /// The output directory.
    pub root: PathBuf,
    /// Skip an input whose output exists and is newer than it.
    pub resume: bool,
}

/// Everything [`process`] needs besides the pipeline and the task.
#[derive(Debug, Clone, Default)]
pub struct Settings {
    /// Options for each extraction.
    pub extract: ExtractOptions,
    /// The output format.
    pub render: Render,
    /// What to do with invalid UTF-8.
    pub policy: Utf8Policy,
    /// The source name of an article read from standard input.
    pub stdin_name: String,
    /// Write one file per document here, instead of returning the bytes.
    pub out: Option<OutDir>,
    /// The largest article to read, in bytes.
    pub limit: ByteLimit,
}

/// What became of one task.
#[derive(Debug)]
pub enum Status {
    /// The rendered output, for the caller to write (no `--out`).
    Rendered(Vec<u8>),
    /// [`Render::Record`]: the document and its record, for the caller to draw.
    Analysed(Box<(Document, wire::DocumentRecord)>),
    /// The output was written to this file.
    Written(PathBuf),
    /// `--resume`: this output file was newer than the input, so the input was not read.
    Skipped(PathBuf),
    /// The input could not be processed; the message names it.
    Failed(String),
}

/// The outcome of one task: its status and what it adds to the batch's counts.
#[derive(Debug)]
pub struct Done {
    /// What happened.
    pub status: Status,
    /// The task's counts (one document, or one error, or one skip).
    pub stats: Stats,
}

/// Runs one task: read (for a whole input), analyse, render, and write to `--out` if given.
///
/// Never panics for bad input; should the pipeline itself panic on some text, that document is
/// reported as failed (naming it) and the batch goes on.
pub fn process(pipeline: &Pipeline, settings: &Settings, task: Task) -> Done {
    let failed = |message: String| Done {
        status: Status::Failed(message),
        stats: Stats {
            errors: 1,
            ..Stats::default()
        },
    };
    let (source, relative, modified) = match task {
        Task::Failed(message) => return failed(message),
        Task::Whole(found) => {
            let modified = found.modified();
            let relative = found.output_stem(InputKind::Text, &settings.stdin_name);
            (Err(found.source), relative, modified)
        }
        Task::Line {
            doc,
            relative,
            modified,
        } => (Ok(doc), relative, modified),
    };
    let target = settings
        .out
        .as_ref()
        .map(|out| output_file(&out.root, &relative, settings.render.extension()));
    if let (Some(out), Some(target)) = (&settings.out, &target)
        && out.resume
        && is_up_to_date(modified, target)
    {
        return Done {
            status: Status::Skipped(target.clone()),
            stats: Stats {
                skipped: 1,
                ..Stats::default()
            },
        };
    }
    let doc = match source {
        Ok(doc) => doc,
        Err(input) => match read_document(&input, &settings.stdin_name, settings.policy, settings.limit) {
            Ok(doc) => doc,
            Err(err) => return failed(err.to_string()),
        },
    };
    let analysed = std::panic::catch_unwind(AssertUnwindSafe(|| {
        let record = pipeline.extract(&doc, &settings.extract);
        let stats = Stats {
            documents: 1,
            bytes: doc.text.len() as u64,
            entities: record.entities.len() as u64,
            dates: record.dates.len() as u64,
            events: record.events.len() as u64,
            ..Stats::default()
        };
        (record, stats)
    }));
    let Ok((record, stats)) = analysed else {
        return failed(format!(
            "{}: internal error while analysing this document (the others are not affected); please report it",
            doc.source
        ));
    };
    if settings.render == Render::Record {
        return Done {
            status: Status::Analysed(Box::new((doc, record))),
            stats,
        };
    }
    let bytes = settings.render.render(&record);
    let status = match target {
        None => Status::Rendered(bytes),
        Some(target) => {
            let header = match settings.render {
                Render::EventsTsv => format!("{}\n", wire::EVENTS_TSV_HEADER).into_bytes(),
                _ => Vec::new(),
            };
            match write_atomically(&target, &[&header, &bytes]) {
                Ok(()) => Status::Written(target),
                Err(err) => return failed(format!("{}: writing {}: {err}", doc.source, target.display())),
            }
        }
    };
    Done { status, stats }
}

/// `a/b.txt.gz` -> `a/b.txt`: an output file is named after its input, less `.gz`, plus the
/// format's extension, so `a.txt` and `a.html` in one folder never share an output.
fn output_stem(relative: &Path) -> PathBuf {
    let mut path = relative.to_path_buf();
    if path.extension().is_some_and(|e| e.eq_ignore_ascii_case("gz")) {
        path.set_extension("");
    }
    path
}

/// The file below `root` that an input with output stem `stem` (see [`Found::output_stem`])
/// writes in a format with `extension`: the extension is added, not put in place of one.
fn output_file(root: &Path, stem: &Path, extension: &str) -> PathBuf {
    let mut name = stem.as_os_str().to_owned();
    name.push(".");
    name.push(extension);
    root.join(name)
}

/// Whether `output` exists and was modified no earlier than the input (`input_modified`). An
/// input with no modification time (standard input) is never up to date.
pub fn is_up_to_date(input_modified: Option<SystemTime>, output: &Path) -> bool {
    let Some(input) = input_modified else {
        return false;
    };
    std::fs::metadata(output)
        .and_then(|m| m.modified())
        .is_ok_and(|output| output >= input)
}

/// Writes `parts` to `path` so that `path` is either absent, its old contents, or complete:
/// the bytes go to a temporary file in the same directory (`.NAME.XXXXXX.tmp`), which is then
/// renamed over `path`, and a rename within one file system is atomic. Missing directories are
/// created. The file is not synced to disk: this guards against an interrupted run, not
/// against a power cut, which would cost an fsync per document.
pub fn write_atomically(path: &Path, parts: &[&[u8]]) -> std::io::Result<()> {
    write_through_temporary(path, parts, false)
}

/// [`write_atomically`], and the file synced to disk before the rename, so that a power cut
/// cannot leave an empty file in place of the old one either: for the few files that are
/// worth an fsync each (golden snapshots), not for a batch's outputs.
pub fn write_atomically_synced(path: &Path, parts: &[&[u8]]) -> std::io::Result<()> {
    write_through_temporary(path, parts, true)
}

fn write_through_temporary(path: &Path, parts: &[&[u8]], sync: bool) -> std::io::Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let name = path.file_name().map(|n| n.to_string_lossy()).unwrap_or_default();
    let prefix = format!(".{name}.");
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".tmp");
    // tempfile makes files readable by the owner only; outputs are ordinary files, so they get
    // the usual mode (the umask still applies).
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o644));
    }
    let mut file = builder.tempfile_in(dir)?;
    for part in parts {
        file.write_all(part)?;
    }
    if sync {
        file.as_file().sync_all()?;
    }
    file.persist(path).map_err(|err| err.error)?;
    Ok(())
}

// ---- the parallel map ------------------------------------------------------------------------

/// How many tasks may be in flight (being read, analysed or waiting to be written) per worker.
/// A few per worker keep every core busy behind one slow document; the bound is what keeps
/// memory flat however large the batch.
pub const IN_FLIGHT_PER_WORKER: usize = 4;

/// A pool of worker threads that maps tasks in parallel and hands the results on in input
/// order.
pub struct Workers {
    pool: Option<rayon::ThreadPool>,
    window: usize,
}

impl Workers {
    /// `jobs` workers; 0 means one per available core. One worker runs everything on the
    /// calling thread, with no pool at all.
    pub fn new(jobs: usize) -> std::io::Result<Self> {
        let jobs = if jobs == 0 { available_cores() } else { jobs };
        let pool = if jobs > 1 {
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(jobs)
                .thread_name(|i| format!("gazette-worker-{i}"))
                .build()
                .map_err(std::io::Error::other)?;
            Some(pool)
        } else {
            None
        };
        Ok(Workers {
            pool,
            window: jobs * IN_FLIGHT_PER_WORKER,
        })
    }

    /// The number of workers.
    pub fn jobs(&self) -> usize {
        self.pool.as_ref().map_or(1, rayon::ThreadPool::current_num_threads)
    }

    /// Applies `work` to every item and gives the results to `sink` in the items' order, as
    /// soon as each one's predecessors are through: output streams, it does not wait for the
    /// end. Like [`Workers::map_ordered_weighted`] with every item of full weight, so that
    /// each item is a job of its own.
    pub fn map_ordered<T, R, E>(
        &self,
        items: impl Iterator<Item = T> + Send,
        work: impl Fn(T) -> R + Sync,
        sink: impl FnMut(R) -> Result<(), E>,
    ) -> Result<(), E>
    where
        T: Send,
        R: Send,
    {
        self.map_ordered_weighted(items, |_| JOB_WEIGHT, work, sink)
    }

    /// [`Workers::map_ordered`] for items of known weight (a document's length, say): while
    /// every worker is busy, consecutive light items are handed out together, as one job of
    /// up to [`MAX_ITEMS_PER_JOB`] items and about [`JOB_WEIGHT`]; handing out, waking and
    /// collecting every small document on its own cost a twentieth of the CPU time with two
    /// workers. When a place in the window is free, the items pulled so far go out at once,
    /// so that a slow, streaming input is not held back to fill a job.
    ///
    /// Items are pulled from `items` on a separate thread, and at most `jobs ×
    /// IN_FLIGHT_PER_WORKER` jobs are between being pulled and being sunk; so memory is
    /// bounded by that window, not by the number of items. When `sink` fails (a closed pipe),
    /// no more items are pulled, the ones in flight are finished and dropped, and the error is
    /// returned.
    ///
    /// `work` should not panic; if it does, the results of every other item are still sunk,
    /// in order, and the first panic is then resumed.
    pub fn map_ordered_weighted<T, R, E>(
        &self,
        items: impl Iterator<Item = T> + Send,
        weight: impl Fn(&T) -> usize + Send,
        work: impl Fn(T) -> R + Sync,
        mut sink: impl FnMut(R) -> Result<(), E>,
    ) -> Result<(), E>
    where
        T: Send,
        R: Send,
    {
        let Some(pool) = &self.pool else {
            for item in items {
                sink(work(item))?;
            }
            return Ok(());
        };
        let work = &work;
        let (tokens_tx, tokens_rx) = mpsc::sync_channel::<()>(self.window);
        let (results_tx, results_rx) = mpsc::channel::<(u64, JobResults<R>)>();
        // `in_place_scope` keeps this thread out of the pool, so that it can block on the
        // channels (and the producer on `tokens`) without taking a worker away.
        pool.in_place_scope(|scope| {
            std::thread::scope(|threads| {
                threads.spawn(move || {
                    let mut seq = 0u64;
                    let mut job = Vec::new();
                    let mut job_weight = 0usize;
                    let mut spawn_job = |items: Vec<T>| {
                        let results = results_tx.clone();
                        let seq_of_job = seq;
                        seq += 1;
                        scope.spawn(move |_| {
                            // Each item on its own, so that one panic loses no other result.
                            let done = items
                                .into_iter()
                                .map(|item| std::panic::catch_unwind(AssertUnwindSafe(|| work(item))))
                                .collect();
                            // The writer may have stopped on a sink error; then nobody wants it.
                            let _ = results.send((seq_of_job, done));
                        });
                    };
                    let mut given_up = false;
                    for item in items {
                        job_weight = job_weight.saturating_add(weight(&item));
                        job.push(item);
                        let full = job.len() >= MAX_ITEMS_PER_JOB || job_weight >= JOB_WEIGHT;
                        // A token per job in flight: taken at once when the window has room,
                        // or waited for once the job is full. This fails once the writer has
                        // given up.
                        let token = if full {
                            tokens_tx.send(()).map_err(|_| ())
                        } else {
                            match tokens_tx.try_send(()) {
                                Ok(()) => Ok(()),
                                Err(mpsc::TrySendError::Full(())) => continue,
                                Err(mpsc::TrySendError::Disconnected(())) => Err(()),
                            }
                        };
                        if token.is_err() {
                            given_up = true;
                            break;
                        }
                        job_weight = 0;
                        spawn_job(std::mem::take(&mut job));
                    }
                    if !given_up && !job.is_empty() && tokens_tx.send(()).is_ok() {
                        spawn_job(job);
                    }
                });
                write_in_order(results_rx, tokens_rx, &mut sink)
            })
        })
    }
}

/// The results of one job's items, in order, each either a value or a panic.
type JobResults<R> = Vec<std::thread::Result<R>>;

/// The most items handed to a worker as one job (see [`Workers::map_ordered_weighted`]).
pub const MAX_ITEMS_PER_JOB: usize = 16;

/// The weight at which a job is handed out (in bytes of text, for documents): big enough that
/// handing it out costs little beside the work, small enough to keep the workers balanced.
pub const JOB_WEIGHT: usize = 32 * 1024;

/// Receives results as they finish, and sinks them in sequence order.
fn write_in_order<R, E>(
    results: mpsc::Receiver<(u64, JobResults<R>)>,
    tokens: mpsc::Receiver<()>,
    sink: &mut impl FnMut(R) -> Result<(), E>,
) -> Result<(), E> {
    let mut waiting = BTreeMap::new();
    let mut next = 0u64;
    let mut panic = None;
    // Ends when the producer is done and every job has sent its results.
    for (seq, job) in results {
        waiting.insert(seq, job);
        while let Some(job) = waiting.remove(&next) {
            next += 1;
            // Frees a place in the window for the producer.
            let _ = tokens.recv();
            for result in job {
                match result {
                    Ok(result) => sink(result)?,
                    Err(payload) => {
                        panic.get_or_insert(payload);
                    }
                }
            }
        }
    }
    if let Some(payload) = panic {
        std::panic::resume_unwind(payload);
    }
    Ok(())
}

/// The number of cores this process may use (1 when that cannot be told).
pub fn available_cores() -> usize {
    std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get)
}

// ---- counts ----------------------------------------------------------------------------------

/// Counts of a batch (or of one task, to be added up).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Stats {
    /// Documents analysed.
    pub documents: u64,
    /// Bytes of article text analysed (UTF-8, after decompression and decoding).
    pub bytes: u64,
    /// Entities found.
    pub entities: u64,
    /// Date expressions found.
    pub dates: u64,
    /// Events found.
    pub events: u64,
    /// Inputs or documents that failed.
    pub errors: u64,
    /// Inputs skipped by `--resume` because their output was up to date.
    pub skipped: u64,
}

impl std::ops::AddAssign for Stats {
    fn add_assign(&mut self, other: Stats) {
        self.documents += other.documents;
        self.bytes += other.bytes;
        self.entities += other.entities;
        self.dates += other.dates;
        self.events += other.events;
        self.errors += other.errors;
        self.skipped += other.skipped;
    }
}

impl Stats {
    /// Megabytes (10^6 bytes) of text analysed.
    pub fn megabytes(&self) -> f64 {
        self.bytes as f64 / 1e6
    }

    /// The closing summary line of a batch that took `elapsed`.
    pub fn summary(&self, elapsed: Duration) -> Summary {
        Summary { stats: *self, elapsed }
    }
}

/// The one-line summary of a batch. Displays as, for example:
///
/// `41 documents, 1203 entities, 388 dates, 164 events, 0 errors in 0.52 s (0.19 MB, 0.37 MB/s)`
///
/// with `, N skipped` after the documents when `--resume` skipped any. Counts are plain
/// integers and the units fixed, so that scripts can read the line.
#[derive(Debug, Clone, Copy)]
pub struct Summary {
    stats: Stats,
    elapsed: Duration,
}

impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = &self.stats;
        let seconds = self.elapsed.as_secs_f64();
        write!(f, "{} documents", s.documents)?;
        if s.skipped > 0 {
            write!(f, ", {} skipped", s.skipped)?;
        }
        let rate = if seconds > 0.0 { s.megabytes() / seconds } else { 0.0 };
        write!(
            f,
            ", {} entities, {} dates, {} events, {} errors in {seconds:.2} s ({:.2} MB, {rate:.2} MB/s)",
            s.entities,
            s.dates,
            s.events,
            s.errors,
            s.megabytes()
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gzip(bytes: &[u8]) -> Vec<u8> {
        let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        encoder.write_all(bytes).unwrap();
        encoder.finish().unwrap()
    }

    fn read_all(mut reader: Reader) -> Vec<u8> {
        let mut out = Vec::new();
        reader.read_to_end(&mut out).unwrap();
        out
    }

    /// A reader that hands out one byte per read, as a slow pipe may.
    struct Trickle(std::io::Cursor<Vec<u8>>);

    impl Read for Trickle {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            let len = buf.len().min(1);
            self.0.read(&mut buf[..len])
        }
    }

    #[test]
    fn gzip_is_recognised_by_its_magic_number_even_one_byte_at_a_time() {
        let text = b"Albania cut ties with Iran.".to_vec();
        let mut two_members = gzip(&text[..8]);
        two_members.extend(gzip(&text[8..]));
        for (input, label) in [(gzip(&text), "one member"), (two_members, "two members")] {
            let reader = decompressing(Trickle(std::io::Cursor::new(input))).unwrap();
            assert_eq!(read_all(reader), text, "{label}");
        }
        let plain = decompressing(Trickle(std::io::Cursor::new(text.clone()))).unwrap();
        assert_eq!(read_all(plain), text);
        for short in [&b""[..], b"\x1f"] {
            assert_eq!(read_all(decompressing(short).unwrap()), short);
        }
    }

    #[test]
    fn corrupt_gzip_is_an_error_naming_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt.gz");
        let mut bytes = gzip(b"Albania cut ties with Iran, and much more text to compress.");
        bytes.truncate(bytes.len() / 2);
        std::fs::write(&path, bytes).unwrap();
        let err = read_document(
            &InputSource::File(path.clone()),
            "-",
            Utf8Policy::Strict,
            ByteLimit::default(),
        )
        .unwrap_err();
        assert!(err.to_string().starts_with(&path.display().to_string()), "{err}");
    }

    #[test]
    fn file_lists_split_on_newlines_or_nul_and_skip_empty_entries() {
        let list = |bytes: &'static [u8], nul| -> Vec<PathBuf> {
            FileList::new("list", Box::new(bytes), nul)
                .map(Result::unwrap)
                .collect()
        };
        assert_eq!(
            list(b"a.txt\r\n\nb c.txt\n", false),
            [PathBuf::from("a.txt"), "b c.txt".into()]
        );
        assert_eq!(
            list(b"a\nb.txt\0\0c.txt", true),
            [PathBuf::from("a\nb.txt"), "c.txt".into()]
        );
    }

    #[test]
    fn discovery_walks_lazily_keeps_gz_and_places_outputs_inside() {
        let dir = tempfile::tempdir().unwrap();
        for name in [
            "corpus/b.txt",
            "corpus/a.txt.gz",
            "corpus/sub/c.txt",
            "corpus/skip.md",
            "x.md",
        ] {
            let path = dir.path().join(name);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, "x").unwrap();
        }
        let paths = vec![
            dir.path().join("corpus"),
            dir.path().join("x.md"),
            dir.path().join("missing.txt"),
            "-".into(),
        ];
        let found: Vec<_> = Discovery::new(paths.into_iter().map(Ok), vec!["txt".into()]).collect();
        let relative: Vec<String> = found
            .iter()
            .map(|f| match f {
                Ok(found) => found.relative.display().to_string(),
                Err(err) => format!("error: {err}"),
            })
            .collect();
        let x_md = inside(&dir.path().join("x.md")).display().to_string();
        let missing = dir.path().join("missing.txt").display().to_string();
        assert_eq!(
            relative,
            [
                "a.txt.gz".to_owned(),
                "b.txt".into(),
                "sub/c.txt".into(),
                x_md.clone(),
                format!("error: {missing}: no such file or directory"),
                String::new(),
            ]
        );
        assert!(!x_md.starts_with('/'), "outputs stay inside --out: {x_md}");
        assert_eq!(inside(Path::new("../../a/./b.txt")), PathBuf::from("a/b.txt"));
    }

    #[test]
    fn output_names_drop_gz_and_jsonl_extensions() {
        assert_eq!(output_stem(Path::new("a/b.txt.gz")), PathBuf::from("a/b.txt"));
        assert_eq!(output_stem(Path::new("a/b.txt")), PathBuf::from("a/b.txt"));
        assert_eq!(strip_extensions(Path::new("a/docs.jsonl.GZ")), PathBuf::from("a/docs"));
        assert_eq!(strip_extensions(Path::new("docs.jsonl")), PathBuf::from("docs"));
        assert_eq!(stdin_stem("-"), "stdin");
        assert_eq!(stdin_stem("wire/0001"), "wire_0001");
    }

    #[test]
    fn map_ordered_keeps_input_order_whatever_finishes_first() {
        let workers = Workers::new(2).unwrap();
        assert_eq!(workers.jobs(), 2);
        let mut seen = Vec::new();
        // Early items take longest, so that they finish last when run in parallel.
        let result: Result<(), ()> = workers.map_ordered(
            0..40u64,
            |i| {
                std::thread::sleep(Duration::from_millis(40u64.saturating_sub(i)));
                i * 10
            },
            |r| {
                seen.push(r);
                Ok(())
            },
        );
        assert_eq!(result, Ok(()));
        assert_eq!(seen, (0..40).map(|i| i * 10).collect::<Vec<_>>());
    }

    #[test]
    fn map_ordered_bounds_the_items_in_flight() {
        let workers = Workers::new(2).unwrap();
        let pulled = std::sync::atomic::AtomicUsize::new(0);
        let mut most_ahead = 0;
        let items = (0..200).inspect(|_| {
            pulled.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        });
        let mut sunk = 0;
        let result: Result<(), ()> = workers.map_ordered(
            items,
            |i| i,
            |_| {
                sunk += 1;
                let ahead = pulled.load(std::sync::atomic::Ordering::SeqCst) - sunk;
                most_ahead = most_ahead.max(ahead);
                Ok(())
            },
        );
        assert_eq!(result, Ok(()));
        assert_eq!(sunk, 200);
        // The producer may have pulled one more item that waits for a place in the window.
        assert!(
            most_ahead <= 2 * IN_FLIGHT_PER_WORKER + 1,
            "{most_ahead} items in flight"
        );
    }

    #[test]
    fn light_items_go_out_together_in_order_and_within_the_window() {
        let workers = Workers::new(2).unwrap();
        let pulled = std::sync::atomic::AtomicUsize::new(0);
        let items = (0..2_000u64).inspect(|_| {
            pulled.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        });
        let (mut seen, mut most_ahead) = (Vec::new(), 0);
        let result: Result<(), ()> = workers.map_ordered_weighted(
            items,
            |_| 10,
            |i| {
                // Some items panic-free but slow, so that the window fills and jobs grow.
                if i % 97 == 0 {
                    std::thread::sleep(Duration::from_millis(2));
                }
                i * 3
            },
            |r| {
                seen.push(r);
                let ahead = pulled.load(std::sync::atomic::Ordering::SeqCst) - seen.len();
                most_ahead = most_ahead.max(ahead);
                Ok(())
            },
        );
        assert_eq!(result, Ok(()));
        assert_eq!(seen, (0..2_000).map(|i| i * 3).collect::<Vec<_>>());
        // A window of jobs of at most MAX_ITEMS_PER_JOB items, the job being sunk (its place
        // is freed before its items go out) and the job being filled.
        let window = 2 * IN_FLIGHT_PER_WORKER;
        assert!(
            most_ahead <= (window + 2) * MAX_ITEMS_PER_JOB,
            "{most_ahead} items in flight"
        );
    }

    #[test]
    fn a_light_item_is_not_held_back_while_the_window_has_room() {
        // The next item is only given once the previous one's result is out: were items held
        // back to fill a job, the input would wait for the output and the output for the input.
        let workers = Workers::new(2).unwrap();
        let (done_tx, done_rx) = mpsc::channel::<u64>();
        let mut next = 0u64;
        let items = std::iter::from_fn(move || {
            if next > 0 {
                done_rx.recv_timeout(Duration::from_secs(10)).ok()?;
            }
            next += 1;
            (next <= 20).then_some(next)
        });
        let mut seen = Vec::new();
        let result: Result<(), ()> = workers.map_ordered_weighted(
            items,
            |_| 1,
            |i| i,
            |r| {
                seen.push(r);
                done_tx.send(r).unwrap();
                Ok(())
            },
        );
        assert_eq!(result, Ok(()));
        assert_eq!(seen, (1..=20).collect::<Vec<_>>());
    }

    #[test]
    fn a_panic_in_a_job_of_several_items_loses_no_other_result() {
        let workers = Workers::new(2).unwrap();
        let mut seen = Vec::new();
        let outcome = std::panic::catch_unwind(AssertUnwindSafe(|| {
            let _: Result<(), ()> = workers.map_ordered_weighted(
                0..200u64,
                |_| 1,
                |i| {
                    if i == 50 {
                        panic!("item 50");
                    }
                    i
                },
                |r| {
                    seen.push(r);
                    Ok(())
                },
            );
        }));
        assert!(outcome.is_err(), "the panic is resumed at the end");
        assert_eq!(seen, (0..200).filter(|&i| i != 50).collect::<Vec<_>>());
    }

    #[test]
    fn map_ordered_stops_pulling_when_the_sink_fails() {
        let workers = Workers::new(2).unwrap();
        let pulled = std::sync::atomic::AtomicUsize::new(0);
        let items = (0..1_000_000).inspect(|_| {
            pulled.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        });
        let result = workers.map_ordered(items, |i| i, |i| if i == 5 { Err(i) } else { Ok(()) });
        assert_eq!(result, Err(5));
        assert!(pulled.into_inner() < 100);
    }

    #[test]
    fn one_worker_runs_on_the_calling_thread_in_order() {
        let workers = Workers::new(1).unwrap();
        let caller = std::thread::current().id();
        let mut seen = Vec::new();
        let result: Result<(), ()> = workers.map_ordered(
            0..5,
            |i| (i, std::thread::current().id()),
            |r| {
                seen.push(r);
                Ok(())
            },
        );
        assert_eq!(result, Ok(()));
        assert_eq!(seen, (0..5).map(|i| (i, caller)).collect::<Vec<_>>());
    }

    #[test]
    fn atomic_writes_replace_whole_files_and_leave_no_temporary_behind() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("deep/er/out.json");
        write_atomically(&path, &[b"{\"a\":", b"1}\n"]).unwrap();
        write_atomically(&path, &[b"{}\n"]).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"{}\n");
        write_atomically_synced(&path, &[b"[", b"]\n"]).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"[]\n");
        let names: Vec<_> = std::fs::read_dir(path.parent().unwrap())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["out.json"]);
    }

    #[test]
    fn up_to_date_means_an_output_no_older_than_the_input() {
        let dir = tempfile::tempdir().unwrap();
        let output = dir.path().join("out.json");
        let now = SystemTime::now();
        assert!(!is_up_to_date(Some(now), &output), "no output yet");
        std::fs::write(&output, "{}").unwrap();
        let written = std::fs::metadata(&output).unwrap().modified().unwrap();
        assert!(is_up_to_date(Some(written), &output));
        assert!(!is_up_to_date(Some(written + Duration::from_secs(5)), &output));
        assert!(!is_up_to_date(None, &output), "stdin is never up to date");
    }

    #[test]
    fn summary_line_has_fixed_units() {
        let stats = Stats {
            documents: 3,
            bytes: 2_500_000,
            entities: 40,
            dates: 7,
            events: 5,
            errors: 1,
            skipped: 0,
        };
        assert_eq!(
            stats.summary(Duration::from_millis(1250)).to_string(),
            "3 documents, 40 entities, 7 dates, 5 events, 1 errors in 1.25 s (2.50 MB, 2.00 MB/s)"
        );
        let resumed = Stats { skipped: 2, ..stats };
        assert!(
            resumed
                .summary(Duration::ZERO)
                .to_string()
                .starts_with("3 documents, 2 skipped, 40 entities")
        );
    }
}
