//! Lexicon files: the phrase lists that pipeline stages other than entity resolution read
//! (date words, event phrases), kept in `gazetteers/` beside the entity files, in the same TSV
//! dialect, embedded the same way, and extendable with `--gazetteer` the same way.
//!
//! A lexicon file's header starts with the column `phrase`. Which stage reads it follows from
//! its columns ([`LexiconKind::of_columns`]); the stage parses the rows, and reports a bad row
//! as `file:line: message` through [`LexiconFile::error`].

use std::fmt;

use crate::error::GazetteerError;

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

/// One data row of a lexicon file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LexiconRow {
    /// The 1-based line number.
    pub line: usize,
    /// The fields, one per header column (missing trailing fields are empty), trimmed.
    pub fields: Vec<String>,
}

/// A parsed lexicon file: its header and rows, uninterpreted.
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
}

impl LexiconFile {
    /// The index of a column, if the file has it.
    pub fn column(&self, name: &str) -> Option<usize> {
        self.columns.iter().position(|c| c == name)
    }

    /// The value of column `name` in `row`, or "" when the file has no such column.
    pub fn get<'a>(&self, row: &'a LexiconRow, name: &str) -> &'a str {
        self.column(name)
            .and_then(|i| row.fields.get(i))
            .map(String::as_str)
            .unwrap_or("")
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

/// Parses a lexicon file whose header (at `header_line`) is `columns`.
pub(super) fn parse_lexicon<'a>(
    file: &str,
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
    let mut rows = Vec::new();
    for (line, text) in lines {
        let mut fields: Vec<String> = text.split('\t').map(|f| f.trim().to_owned()).collect();
        if fields.len() > columns.len() {
            return Err(fail(
                line,
                format!(
                    "{} fields, but the header names {} columns; is there a stray TAB?",
                    fields.len(),
                    columns.len()
                ),
            ));
        }
        fields.resize(columns.len(), String::new());
        if fields[0].is_empty() {
            return Err(fail(line, format!("empty {}", columns[0])));
        }
        rows.push(LexiconRow { line, fields });
    }
    Ok(LexiconFile {
        file: file.to_owned(),
        kind,
        columns,
        rows,
    })
}
