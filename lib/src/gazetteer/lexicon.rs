//! Lexicon files: the phrase lists that pipeline stages other than entity resolution read
//! (date words, event phrases), kept in `gazetteers/` beside the entity files, in the same TSV
//! dialect, embedded the same way, and extendable with `--gazetteer` the same way.
//!
//! A lexicon file's header starts with the column `phrase`. Which stage reads it follows from
//! its columns ([`LexiconKind::of_columns`]); the stage parses the rows, and reports a bad row
//! as `file:line: message` through [`LexiconFile::error`].

use std::borrow::Cow;
use std::fmt;

use crate::error::GazetteerError;
use crate::image::{ImageError, Reader, Writer, stored_enum};

/// Which stage a lexicon file feeds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum LexiconKind {
    /// Date words: months, weekdays, relative expressions (has a `date_kind` column).
    Dates,
    /// Event phrases with CAMEO codes (has a `cameo` column).
    Events,
    /// Titles, organisation head nouns and alias cues, for entities the gazetteer does not
    /// know (has a `title_kind` column).
    Titles,
    /// The CAMEO code table: names, Goldstein scores, quad classes, PLOVER types (has a
    /// `goldstein` column; its first column is `code`, not `phrase`).
    Codes,
}

impl LexiconKind {
    /// The kind a header's columns declare, if any.
    pub fn of_columns(columns: &[String]) -> Option<Self> {
        if columns.iter().any(|c| c == "date_kind") {
            Some(LexiconKind::Dates)
        } else if columns.iter().any(|c| c == "cameo") {
            Some(LexiconKind::Events)
        } else if columns.iter().any(|c| c == "title_kind") {
            Some(LexiconKind::Titles)
        } else if columns.iter().any(|c| c == "goldstein") {
            Some(LexiconKind::Codes)
        } else {
            None
        }
    }
}

impl fmt::Display for LexiconKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            LexiconKind::Dates => "dates",
            LexiconKind::Events => "events",
            LexiconKind::Titles => "titles",
            LexiconKind::Codes => "codes",
        })
    }
}

/// One data row of a lexicon file. Its fields live in the file's text; read them with
/// [`LexiconFile::get`] or [`LexiconFile::field`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LexiconRow {
    /// The 1-based line number.
    pub line: usize,
    /// Where this row's cells start in [`LexiconFile`]'s cell table.
    first_cell: u32,
}

/// A parsed lexicon file: its header and rows, uninterpreted.
///
/// The file's text is kept in one string, and each field is a range into it: the generated
/// event lexicon alone has 40,000 rows of seven fields, and one allocation per field made
/// loading it the largest part of start-up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LexiconFile {
    /// The file name shown in messages.
    pub file: String,
    /// Which stage reads it.
    pub kind: LexiconKind,
    /// Column names, in file order; the first is `phrase`.
    pub columns: Vec<String>,
    /// Data rows, in file order.
    pub rows: Vec<LexiconRow>,
    /// The text the cells point into: owned when parsed, borrowed from a compiled image. Kept
    /// as bytes, each field checked when read: checking the whole text (and every cell) when
    /// an image is loaded was a third of reading it, for the few dozen rows a run uses.
    text: Cow<'static, [u8]>,
    /// Byte ranges of the trimmed fields, `columns.len()` per row (missing trailing fields are
    /// empty ranges).
    cells: Cow<'static, [[u32; 2]]>,
}

impl LexiconFile {
    /// The index of a column, if the file has it.
    pub fn column(&self, name: &str) -> Option<usize> {
        self.columns.iter().position(|c| c == name)
    }

    /// The value of column `name` in `row`, or "" when the file has no such column.
    pub fn get(&self, row: &LexiconRow, name: &str) -> &str {
        self.column(name).map(|i| self.field(row, i)).unwrap_or("")
    }

    /// The value of the column at `index` in `row` ("" past the last column).
    pub fn field(&self, row: &LexiconRow, index: usize) -> &str {
        if index >= self.columns.len() {
            return "";
        }
        let [start, end] = self.cells[row.first_cell as usize + index];
        // Always valid for a parsed file; for a damaged image, an empty field, not a panic.
        self.text
            .get(start as usize..end as usize)
            .and_then(|bytes| std::str::from_utf8(bytes).ok())
            .unwrap_or_default()
    }

    /// An error located at `line` of this file.
    pub fn error(&self, line: usize, message: impl Into<String>) -> GazetteerError {
        GazetteerError {
            file: self.file.clone(),
            line,
            message: message.into(),
        }
    }
}

stored_enum!(LexiconKind {
    Dates,
    Events,
    Titles,
    Codes
});

impl LexiconFile {
    /// Writes the file into an image.
    pub(crate) fn store(&self, out: &mut Writer) {
        out.str(&self.file);
        out.u8(self.kind.image_code());
        out.strs(&self.columns);
        let rows: Vec<[u32; 2]> = self
            .rows
            .iter()
            .map(|row| [u32::try_from(row.line).unwrap_or(u32::MAX), row.first_cell])
            .collect();
        out.table(&rows);
        out.bytes(&self.text);
        out.table(&self.cells);
    }

    /// Reads a file written by [`LexiconFile::store`]. Its text and cells are used in place
    /// and checked as each field is read ([`LexiconFile::field`]); a row must start inside
    /// the cells.
    pub(crate) fn load(input: &mut Reader<'static>) -> Result<Self, ImageError> {
        let file = input.string()?;
        let kind = LexiconKind::from_image_code(input)?;
        let columns = input.strings()?;
        let rows: Vec<LexiconRow> = input
            .table::<[u32; 2]>()?
            .iter()
            .map(|&[line, first_cell]| LexiconRow {
                line: line as usize,
                first_cell,
            })
            .collect();
        let text = input.bytes()?;
        let cells = input.table::<[u32; 2]>()?;
        let row_in_cells = |row: &LexiconRow| row.first_cell as usize + columns.len() <= cells.len();
        if !rows.iter().all(row_in_cells) {
            return Err(input.error(&format!("a row of lexicon file {file} lies outside its cells")));
        }
        Ok(LexiconFile {
            file,
            kind,
            columns,
            rows,
            text: Cow::Borrowed(text),
            cells,
        })
    }
}

/// Parses a lexicon file whose header (at `header_line`) is `columns`; `lines` are slices of
/// `text`.
pub(super) fn parse_lexicon<'a>(
    file: &str,
    text: &'a str,
    header_line: usize,
    columns: Vec<String>,
    lines: impl Iterator<Item = (usize, &'a str)>,
) -> Result<LexiconFile, GazetteerError> {
    let fail = |line: usize, message: String| GazetteerError {
        file: file.to_owned(),
        line,
        message,
    };
    let kind = LexiconKind::of_columns(&columns).ok_or_else(|| {
        fail(
            header_line,
            "a lexicon file (header starting with \"phrase\") needs a \"date_kind\" column (date words), \
             a \"cameo\" column (event phrases) or a \"title_kind\" column (titles and head nouns)"
                .into(),
        )
    })?;
    if text.len() > u32::MAX as usize {
        return Err(fail(header_line, "is larger than 4 GiB".into()));
    }
    let base = text.as_ptr() as usize;
    let mut rows = Vec::new();
    let mut cells: Vec<[u32; 2]> = Vec::new();
    for (line, row_text) in lines {
        let first_cell = cells.len();
        for field in super::tsv::split_at_byte(row_text, b'\t') {
            let field = super::tsv::trim(field);
            // `field` is a slice of `text`, so its distance from the start is its offset.
            let start = (field.as_ptr() as usize - base) as u32;
            cells.push([start, start + field.len() as u32]);
        }
        let count = cells.len() - first_cell;
        if count > columns.len() {
            return Err(fail(
                line,
                format!(
                    "{count} fields, but the header names {} columns; is there a stray TAB?",
                    columns.len()
                ),
            ));
        }
        cells.resize(first_cell + columns.len(), [0, 0]);
        let [start, end] = cells[first_cell];
        if start == end {
            return Err(fail(line, format!("empty {}", columns[0])));
        }
        rows.push(LexiconRow {
            line,
            first_cell: first_cell as u32,
        });
    }
    Ok(LexiconFile {
        file: file.to_owned(),
        kind,
        columns,
        rows,
        text: Cow::Owned(text.as_bytes().to_owned()),
        cells: Cow::Owned(cells),
    })
}
