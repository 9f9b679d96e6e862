//! Typed errors of the library. The binary adds context with `anyhow`; the library says exactly
//! what went wrong and where, so that a message can name the file (and line) to fix.

use std::fmt;
use std::path::PathBuf;

/// Everything that can go wrong inside the library.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The input is not valid UTF-8 (and `--lossy` was not given).
    #[error("{source_name}: invalid UTF-8 at byte {offset}; pass --lossy to replace bad bytes with U+FFFD")]
    InvalidUtf8 {
        /// The document's source name (its path, or `-`).
        source_name: String,
        /// Byte offset of the first invalid sequence.
        offset: usize,
    },
    /// The input looks like binary data rather than text.
    #[error("{source_name}: looks like binary data ({reason}); skipped")]
    Binary {
        /// The document's source name.
        source_name: String,
        /// Why it was judged binary.
        reason: String,
    },
    /// The input is larger than the size limit (`--max-bytes`).
    #[error("{source_name}: larger than the limit of {limit} bytes; skipped (pass --max-bytes to raise the limit)")]
    TooLarge {
        /// The document's source name.
        source_name: String,
        /// The limit, in bytes.
        limit: u64,
    },
    /// A gazetteer file has a bad line.
    #[error(transparent)]
    Gazetteer(#[from] GazetteerError),
    /// Reading a file or directory failed.
    #[error("{}: {source}", path.display())]
    Io {
        /// The path that could not be read.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// A compiled pipeline image could not be read.
    #[error(transparent)]
    Image(#[from] crate::image::ImageError),
}

/// A problem in a gazetteer file, located to the line.
///
/// Displays as `file:line: message`, the form editors and CI logs turn into links.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GazetteerError {
    /// The file, as named to the user (an embedded file is `gazetteers/NAME`).
    pub file: String,
    /// The 1-based line number, or 0 when the problem is with the file as a whole.
    pub line: usize,
    /// What is wrong and, where possible, how to fix it.
    pub message: String,
}

impl fmt::Display for GazetteerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "{}: {}", self.file, self.message)
        } else {
            write!(f, "{}:{}: {}", self.file, self.line, self.message)
        }
    }
}

impl std::error::Error for GazetteerError {}

/// The library's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;
