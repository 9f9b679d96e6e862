//! Input: turning bytes from a file or stdin into a [`Document`], and finding the files a
//! batch run should read.
//!
//! The text of a document is exactly what was read, less a byte-order mark. It is never
//! changed afterwards: every offset gazette reports points into it.

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::gazetteer::PartialDate;

/// One article to analyse.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// Where the text came from: the path as given, or `-` for stdin.
    pub source: String,
    /// The text, exactly as read (after a byte-order mark is dropped).
    pub text: String,
    /// The publication date the input gave with the text (the `published` field of a JSON
    /// Lines document), if any.
    pub published: Option<PartialDate>,
}

/// The default size limit of one article, in bytes (16 MiB): see [`ByteLimit`].
pub const DEFAULT_MAX_BYTES: u64 = 16 * 1024 * 1024;

/// The most bytes one article may have: a whole text input after decompression, or one line
/// of JSON Lines. Anything larger is refused with [`Error::TooLarge`] after reading at most one
/// byte more than the limit, so a huge file, a file of one endless line or a gzip bomb costs
/// bounded memory. Analysis takes 20 to 40 bytes of memory per byte of text, so the default,
/// [`DEFAULT_MAX_BYTES`] (16 MiB, hundreds of times a long news article), keeps a worker under
/// a gigabyte.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ByteLimit(pub u64);

impl Default for ByteLimit {
    fn default() -> Self {
        ByteLimit(DEFAULT_MAX_BYTES)
    }
}

/// What to do with bytes that are not valid UTF-8.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Utf8Policy {
    /// Reject the document with an error naming the byte offset.
    #[default]
    Strict,
    /// Replace each invalid sequence with U+FFFD and go on.
    Lossy,
}

impl Document {
    /// Builds a document from text already in memory.
    pub fn new(source: impl Into<String>, text: impl Into<String>) -> Self {
        Document {
            source: source.into(),
            text: text.into(),
            published: None,
        }
    }

    /// Decodes raw bytes: UTF-8 (a BOM is dropped), or UTF-16 when a UTF-16 BOM says so.
    ///
    /// Binary data (a NUL byte in text that is not UTF-16) is refused, because no article
    /// contains one and a mistaken `.txt` file would otherwise yield nonsense mentions.
    pub fn from_bytes(source: impl Into<String>, bytes: Vec<u8>, policy: Utf8Policy) -> Result<Self> {
        let source = source.into();
        if let Some(text) = decode_utf16_with_bom(&bytes) {
            let text = text.ok_or_else(|| Error::InvalidUtf8 {
                source_name: source.clone(),
                offset: 0,
            })?;
            return Ok(Document {
                source,
                text,
                published: None,
            });
        }
        let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
        if let Some(offset) = memchr_nul(body) {
            return Err(Error::Binary {
                source_name: source,
                reason: format!("NUL byte at offset {offset}"),
            });
        }
        let text = match std::str::from_utf8(body) {
            Ok(text) => text.to_owned(),
            Err(err) => match policy {
                Utf8Policy::Strict => {
                    let bom_len = bytes.len() - body.len();
                    return Err(Error::InvalidUtf8 {
                        source_name: source,
                        offset: err.valid_up_to() + bom_len,
                    });
                }
                Utf8Policy::Lossy => String::from_utf8_lossy(body).into_owned(),
            },
        };
        Ok(Document {
            source,
            text,
            published: None,
        })
    }

    /// Reads and decodes one file.
    pub fn read(path: &Path, policy: Utf8Policy) -> Result<Self> {
        let bytes = std::fs::read(path).map_err(|source| Error::Io {
            path: path.to_path_buf(),
            source,
        })?;
        Self::from_bytes(path.display().to_string(), bytes, policy)
    }
}

fn memchr_nul(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|&b| b == 0)
}

/// Returns `Some` when the bytes start with a UTF-16 BOM: the decoded text, or `None` inside
/// when the UTF-16 is malformed.
fn decode_utf16_with_bom(bytes: &[u8]) -> Option<Option<String>> {
    let little_endian = match bytes {
        [0xFF, 0xFE, ..] => true,
        [0xFE, 0xFF, ..] => false,
        _ => return None,
    };
    let body = &bytes[2..];
    if !body.len().is_multiple_of(2) {
        return Some(None);
    }
    let units = body.chunks_exact(2).map(|pair| {
        let pair = [pair[0], pair[1]];
        if little_endian {
            u16::from_le_bytes(pair)
        } else {
            u16::from_be_bytes(pair)
        }
    });
    Some(char::decode_utf16(units).collect::<Result<String, _>>().ok())
}

/// One input named on the command line, or found by walking a directory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputSource {
    /// Standard input.
    Stdin,
    /// A file.
    File(PathBuf),
}

/// The result of expanding the command line's paths into files: the files in order, and the
/// problems met on the way (each to be reported; neither stops the others).
#[derive(Debug, Default)]
pub struct Discovered {
    /// Files (and stdin) to read, in order.
    pub inputs: Vec<InputSource>,
    /// Paths that could not be walked.
    pub errors: Vec<Error>,
}

/// Expands paths into inputs. `-` is stdin; a directory is walked recursively in sorted path
/// order, keeping files whose extension is one of `extensions` (compared case-insensitively);
/// a file named explicitly is always kept, whatever its extension.
pub fn discover(paths: &[PathBuf], extensions: &[String]) -> Discovered {
    let mut found = Discovered::default();
    for path in paths {
        if path.as_os_str() == "-" {
            found.inputs.push(InputSource::Stdin);
        } else if path.is_dir() {
            walk_directory(path, extensions, &mut found);
        } else if path.exists() {
            found.inputs.push(InputSource::File(path.clone()));
        } else {
            found.errors.push(Error::Io {
                path: path.clone(),
                source: std::io::Error::new(std::io::ErrorKind::NotFound, "no such file or directory"),
            });
        }
    }
    found
}

fn walk_directory(root: &Path, extensions: &[String], found: &mut Discovered) {
    // Links are followed because corpora are often assembled from symlinked folders; walkdir
    // detects loops and reports them as errors instead of recursing forever.
    let walker = walkdir::WalkDir::new(root).follow_links(true).sort_by_file_name();
    for entry in walker {
        match entry {
            Ok(entry) if entry.file_type().is_file() => {
                if has_extension(entry.path(), extensions) {
                    found.inputs.push(InputSource::File(entry.into_path()));
                }
            }
            // Directories are descended into; FIFOs, sockets and devices are skipped quietly,
            // since reading one could block forever or never end.
            Ok(_) => {}
            Err(err) => {
                let path = err.path().map(Path::to_path_buf).unwrap_or_else(|| root.to_path_buf());
                let source = err
                    .into_io_error()
                    .unwrap_or_else(|| std::io::Error::other("symbolic link loop; not followed"));
                found.errors.push(Error::Io { path, source });
            }
        }
    }
}

/// Whether the file name ends in `.EXT` for one of `extensions`, compared case-insensitively.
pub(crate) fn has_extension(path: &Path, extensions: &[String]) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    extensions.iter().any(|ext| {
        let ext = ext.trim_start_matches('.').to_lowercase();
        name.len() > ext.len() + 1 && name.ends_with(&ext) && name[..name.len() - ext.len()].ends_with('.')
    })
}

// ---- JSON Lines ------------------------------------------------------------------------------

/// A line of a JSON Lines input that is not a usable document.
///
/// Displays as `source:line: message`, like a gazetteer error, so editors can jump to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonlError {
    /// The input's name (its path, or the stdin name).
    pub source_name: String,
    /// The 1-based line number.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

impl std::fmt::Display for JsonlError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}: {}", self.source_name, self.line, self.message)
    }
}

impl std::error::Error for JsonlError {}

/// Reads documents from JSON Lines, one object per line, as news-please and trafilatura write
/// them. Each object needs the article's `text` (or news-please's `maintext`); `id` (a string
/// or a number) becomes the document's source, else `NAME:LINE`; `published` (or
/// `date_publish`, or `date`) is an ISO date or date-time, whose date anchors relative dates.
/// Other fields, such as `title` and `url`, are ignored. Blank lines are skipped. A bad line is
/// an error for that line only: iteration goes on with the next.
pub struct JsonlReader<R> {
    source_name: String,
    reader: R,
    policy: Utf8Policy,
    limit: ByteLimit,
    line: usize,
    done: bool,
}

impl<R: std::io::BufRead> JsonlReader<R> {
    /// Reads from `reader`; `source_name` names it in sources and errors.
    pub fn new(source_name: impl Into<String>, reader: R, policy: Utf8Policy) -> Self {
        JsonlReader {
            source_name: source_name.into(),
            reader,
            policy,
            limit: ByteLimit::default(),
            line: 0,
            done: false,
        }
    }

    /// Refuses lines longer than `limit` (by default [`DEFAULT_MAX_BYTES`]); such a line is an
    /// error for that line, and is skipped without being held in memory.
    pub fn with_limit(mut self, limit: ByteLimit) -> Self {
        self.limit = limit;
        self
    }

    /// The 1-based number of the line last read: after `next()` gives a document, its line.
    pub fn line(&self) -> usize {
        self.line
    }

    fn error(&self, message: impl Into<String>) -> JsonlError {
        JsonlError {
            source_name: self.source_name.clone(),
            line: self.line,
            message: message.into(),
        }
    }
}

impl<R: std::io::BufRead> Iterator for JsonlReader<R> {
    type Item = std::result::Result<Document, JsonlError>;

    fn next(&mut self) -> Option<Self::Item> {
        let mut bytes = Vec::new();
        while !self.done {
            bytes.clear();
            match read_line_within(&mut self.reader, &mut bytes, self.limit.0) {
                Ok(Line::End) => self.done = true,
                Ok(Line::TooLong) => {
                    self.line += 1;
                    return Some(Err(self.error(format!(
                        "line longer than the limit of {} bytes; skipped (pass --max-bytes to raise the limit)",
                        self.limit.0
                    ))));
                }
                Ok(Line::Read) => {
                    self.line += 1;
                    let text = match (std::str::from_utf8(&bytes), self.policy) {
                        (Ok(text), _) => std::borrow::Cow::Borrowed(text),
                        (Err(_), Utf8Policy::Lossy) => String::from_utf8_lossy(&bytes),
                        (Err(err), Utf8Policy::Strict) => {
                            return Some(Err(self.error(format!(
                                "invalid UTF-8 at byte {} of the line; pass --lossy to replace bad bytes with U+FFFD",
                                err.valid_up_to()
                            ))));
                        }
                    };
                    // A byte-order mark may open the first line.
                    let text = text.trim_start_matches('\u{FEFF}');
                    if text.trim().is_empty() {
                        continue;
                    }
                    let fallback = format!("{}:{}", self.source_name, self.line);
                    return Some(document_from_json(text, fallback).map_err(|m| self.error(m)));
                }
                Err(err) => {
                    self.done = true;
                    return Some(Err(self.error(format!("read error: {err}"))));
                }
            }
        }
        None
    }
}

/// What [`read_line_within`] found.
enum Line {
    /// A line (with its line break, if any) is in the buffer.
    Read,
    /// The line was longer than the limit; it was consumed, and the buffer holds part of it.
    TooLong,
    /// The input has ended.
    End,
}

/// Reads one line into `buf` like `read_until(b'\n')`, but never holds more than `limit`
/// bytes of it (plus the line break): the rest of a longer line is read and dropped.
fn read_line_within(reader: &mut impl std::io::BufRead, buf: &mut Vec<u8>, limit: u64) -> std::io::Result<Line> {
    let limit = usize::try_from(limit).unwrap_or(usize::MAX);
    let mut any = false;
    let mut too_long = false;
    loop {
        let chunk = match reader.fill_buf() {
            Ok(chunk) => chunk,
            Err(err) if err.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(err) => return Err(err),
        };
        if chunk.is_empty() {
            break;
        }
        any = true;
        let (take, done) = match chunk.iter().position(|&b| b == b'\n') {
            Some(at) => (at + 1, true),
            None => (chunk.len(), false),
        };
        if !too_long {
            // The line break does not count towards the limit.
            let content = take - usize::from(done);
            if buf.len() + content > limit {
                too_long = true;
            } else {
                buf.extend_from_slice(&chunk[..take]);
            }
        }
        reader.consume(take);
        if done {
            break;
        }
    }
    Ok(match (any, too_long) {
        (false, _) => Line::End,
        (true, true) => Line::TooLong,
        (true, false) => Line::Read,
    })
}

/// Builds a document from one JSON Lines object; `fallback_source` names it when it has no id.
fn document_from_json(line: &str, fallback_source: String) -> std::result::Result<Document, String> {
    let object: serde_json::Map<String, serde_json::Value> =
        serde_json::from_str(line).map_err(|err| format!("not a JSON object: {err}"))?;
    let text = ["text", "maintext"]
        .iter()
        .find_map(|key| object.get(*key).filter(|v| !v.is_null()))
        .ok_or("no \"text\" field; each line needs the article's text")?
        .as_str()
        .ok_or("\"text\" is not a string")?
        .to_owned();
    let source = match object.get("id") {
        None | Some(serde_json::Value::Null) => fallback_source,
        Some(serde_json::Value::String(id)) => id.clone(),
        Some(serde_json::Value::Number(id)) => id.to_string(),
        Some(_) => return Err("\"id\" is neither a string nor a number".into()),
    };
    let published = match ["published", "date_publish", "date"]
        .iter()
        .find_map(|key| object.get(*key).filter(|v| !v.is_null()).map(|v| (*key, v)))
    {
        None => None,
        Some((key, value)) => {
            let text = value.as_str().ok_or_else(|| format!("\"{key}\" is not a string"))?;
            Some(parse_published(text).ok_or_else(|| {
                format!(
                    "\"{key}\": {text:?} is not an ISO date (YYYY-MM-DD, or a date-time such as 2023-05-04T10:12:00Z)"
                )
            })?)
        }
    };
    Ok(Document {
        source,
        text,
        published,
    })
}

/// The date of an ISO date or date-time: "2023-05-04", "2023-05-04T10:12:00Z",
/// "2023-05-04 10:12:00" (news-please's form).
pub fn parse_published(value: &str) -> Option<PartialDate> {
    let value = value.trim();
    let (date, rest) = value.split_at_checked(10)?;
    if !(rest.is_empty() || rest.starts_with(['T', 't', ' '])) {
        return None;
    }
    PartialDate::parse(date).filter(|d| d.day > 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drops_utf8_bom_and_keeps_text() {
        let doc = Document::from_bytes("x", b"\xEF\xBB\xBFIran".to_vec(), Utf8Policy::Strict).unwrap();
        assert_eq!(doc.text, "Iran");
    }

    #[test]
    fn invalid_utf8_names_the_byte_offset() {
        let err = Document::from_bytes("a.txt", b"ab\xFFcd".to_vec(), Utf8Policy::Strict).unwrap_err();
        assert_eq!(
            err.to_string(),
            "a.txt: invalid UTF-8 at byte 2; pass --lossy to replace bad bytes with U+FFFD"
        );
    }

    #[test]
    fn lossy_replaces_bad_bytes() {
        let doc = Document::from_bytes("a", b"ab\xFFcd".to_vec(), Utf8Policy::Lossy).unwrap();
        assert_eq!(doc.text, "ab\u{FFFD}cd");
    }

    #[test]
    fn decodes_utf16_little_and_big_endian() {
        let le = [0xFF, 0xFE, b'O', 0, b'K', 0];
        let be = [0xFE, 0xFF, 0, b'O', 0, b'K'];
        assert_eq!(
            Document::from_bytes("le", le.to_vec(), Utf8Policy::Strict)
                .unwrap()
                .text,
            "OK"
        );
        assert_eq!(
            Document::from_bytes("be", be.to_vec(), Utf8Policy::Strict)
                .unwrap()
                .text,
            "OK"
        );
    }

    #[test]
    fn refuses_nul_bytes_as_binary() {
        let err = Document::from_bytes("b.txt", b"ab\0c".to_vec(), Utf8Policy::Lossy).unwrap_err();
        assert!(matches!(err, Error::Binary { .. }), "{err}");
    }

    #[test]
    fn extension_filter_is_case_insensitive_and_whole() {
        let exts = vec!["txt".to_string()];
        assert!(has_extension(Path::new("a/B.TXT"), &exts));
        assert!(!has_extension(Path::new("a/b.ttxt"), &exts));
        assert!(!has_extension(Path::new("a/txt"), &exts));
        assert!(has_extension(Path::new("a.json.txt"), &exts));
    }

    #[test]
    fn discover_walks_directories_in_sorted_order() {
        let dir = tempfile::tempdir().unwrap();
        for name in ["b.txt", "a.txt", "c.md", "sub/a.txt"] {
            let path = dir.path().join(name);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, "x").unwrap();
        }
        let found = discover(&[dir.path().to_path_buf()], &["txt".to_string()]);
        let names: Vec<String> = found
            .inputs
            .iter()
            .map(|i| match i {
                InputSource::File(p) => p.strip_prefix(dir.path()).unwrap().display().to_string(),
                InputSource::Stdin => "-".into(),
            })
            .collect();
        assert_eq!(names, ["a.txt", "b.txt", "sub/a.txt"]);
        assert!(found.errors.is_empty());
    }

    #[test]
    fn discover_reports_missing_paths_and_keeps_going() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.txt"), "x").unwrap();
        let found = discover(
            &[dir.path().join("missing.txt"), dir.path().join("a.txt")],
            &["txt".into()],
        );
        assert_eq!(found.inputs.len(), 1);
        assert_eq!(found.errors.len(), 1);
        assert!(found.errors[0].to_string().contains("missing.txt"));
    }

    #[test]
    fn json_lines_give_documents_and_report_bad_lines() {
        let input = "{\"id\": \"a1\", \"text\": \"Albania.\", \"published\": \"2022-09-13T10:12:00Z\", \"title\": \"T\", \"url\": \"u\"}\n\
                     \n\
                     {\"text\": \"Iran.\"}\n\
                     not json\n\
                     {\"id\": 7, \"maintext\": \"Israel.\", \"date_publish\": \"2023-05-04 10:12:00\"}\n\
                     {\"text\": \"x\", \"published\": \"4 May 2023\"}\n\
                     {\"title\": \"no text\"}\n";
        let items: Vec<_> = JsonlReader::new("in.jsonl", input.as_bytes(), Utf8Policy::Strict).collect();
        assert_eq!(items.len(), 6);
        let doc = items[0].as_ref().unwrap();
        assert_eq!((doc.source.as_str(), doc.text.as_str()), ("a1", "Albania."));
        assert_eq!(doc.published, Some(PartialDate::ymd(2022, 9, 13)));
        assert_eq!(items[1].as_ref().unwrap().source, "in.jsonl:3");
        assert_eq!(items[1].as_ref().unwrap().published, None);
        let err = items[2].as_ref().unwrap_err();
        assert_eq!((err.line, err.source_name.as_str()), (4, "in.jsonl"));
        assert!(err.to_string().starts_with("in.jsonl:4: not a JSON object"), "{err}");
        let doc = items[3].as_ref().unwrap();
        assert_eq!(
            (doc.source.as_str(), doc.published),
            ("7", Some(PartialDate::ymd(2023, 5, 4)))
        );
        assert!(
            items[4]
                .as_ref()
                .unwrap_err()
                .to_string()
                .contains("is not an ISO date")
        );
        assert!(
            items[5]
                .as_ref()
                .unwrap_err()
                .to_string()
                .starts_with("in.jsonl:7: no \"text\" field")
        );
    }

    #[test]
    fn json_lines_report_invalid_utf8_by_line_unless_lossy() {
        let input = b"{\"text\": \"Iran.\"}\n{\"text\": \"Alb\xFFnia\"}\n{\"text\": \"Israel.\"}\n";
        let strict: Vec<_> = JsonlReader::new("in.jsonl", &input[..], Utf8Policy::Strict).collect();
        assert_eq!(strict.len(), 3);
        assert_eq!(
            strict[1].as_ref().unwrap_err().to_string(),
            "in.jsonl:2: invalid UTF-8 at byte 13 of the line; pass --lossy to replace bad bytes with U+FFFD"
        );
        assert_eq!(strict[2].as_ref().unwrap().text, "Israel.");
        let lossy: Vec<_> = JsonlReader::new("in.jsonl", &input[..], Utf8Policy::Lossy).collect();
        assert_eq!(lossy[1].as_ref().unwrap().text, "Alb\u{FFFD}nia");
    }

    #[test]
    fn json_lines_longer_than_the_limit_are_skipped_a_chunk_at_a_time() {
        let long = format!("{{\"text\": \"{}\"}}", "x".repeat(100));
        let input = format!("{{\"text\": \"a\"}}\n{long}\n{{\"text\": \"b\"}}");
        // A reader that hands out a few bytes at a time, so the long line spans many chunks.
        let reader = std::io::BufReader::with_capacity(7, input.as_bytes());
        let items: Vec<_> = JsonlReader::new("in.jsonl", reader, Utf8Policy::Strict)
            .with_limit(ByteLimit(50))
            .collect();
        assert_eq!(items.len(), 3);
        assert_eq!(items[0].as_ref().unwrap().text, "a");
        assert!(
            items[1]
                .as_ref()
                .unwrap_err()
                .to_string()
                .starts_with("in.jsonl:2: line longer than the limit of 50 bytes"),
        );
        assert_eq!(
            items[2].as_ref().unwrap().text,
            "b",
            "the last line needs no line break"
        );
        // A line exactly at the limit is kept.
        let exact = "{\"text\": \"abc\"}\n";
        let limit = ByteLimit(exact.len() as u64 - 1);
        let items: Vec<_> = JsonlReader::new("x", exact.as_bytes(), Utf8Policy::Strict)
            .with_limit(limit)
            .collect();
        assert_eq!(items[0].as_ref().unwrap().text, "abc");
    }

    #[test]
    fn published_values_parse_as_iso_dates() {
        assert_eq!(parse_published("2023-05-04"), Some(PartialDate::ymd(2023, 5, 4)));
        assert_eq!(
            parse_published("2023-05-04T23:59:59+02:00"),
            Some(PartialDate::ymd(2023, 5, 4))
        );
        for bad in ["2023-05", "2023-02-30", "04/05/2023", "2023-05-04x", ""] {
            assert_eq!(parse_published(bad), None, "{bad}");
        }
    }
}
