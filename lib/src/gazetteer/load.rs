//! Parsing gazetteer files (see `gazetteers/README.md` for the format).

use std::sync::Arc;

use rustc_hash::FxHashMap;

use crate::error::GazetteerError;

use super::lexicon::{LexiconFile, parse_lexicon};
use super::tsv;
use super::{Entry, EntryKind, PartialDate, Role, SourceLine};

/// The columns a gazetteer file may have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    Type,
    Name,
    Aliases,
    Country,
    Sector,
    Code,
    Role,
    From,
    To,
    Demonyms,
    Capitals,
    Ambiguous,
}

impl Column {
    const ALL: &'static [(&'static str, Column)] = &[
        ("type", Column::Type),
        ("name", Column::Name),
        ("aliases", Column::Aliases),
        ("country", Column::Country),
        ("sector", Column::Sector),
        ("code", Column::Code),
        ("role", Column::Role),
        ("from", Column::From),
        ("to", Column::To),
        ("demonyms", Column::Demonyms),
        ("capitals", Column::Capitals),
        ("ambiguous", Column::Ambiguous),
    ];

    fn parse(name: &str) -> Option<Column> {
        Self::ALL.iter().find(|(n, _)| *n == name).map(|&(_, c)| c)
    }
}

/// A parsed gazetteer file: entity entries, or a lexicon for another stage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParsedFile {
    /// An entity file (header with `type` and `name`).
    Entries(Vec<Entry>),
    /// A lexicon file (header starting with `phrase`).
    Lexicon(LexiconFile),
}

/// The non-comment, non-blank lines of a file as (1-based line number, text), with a BOM and
/// CR line ends removed.
fn content_lines(text: &str) -> impl Iterator<Item = (usize, &str)> + '_ {
    tsv::lines(text).enumerate().filter_map(|(index, raw)| {
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        let line = if index == 0 {
            line.strip_prefix('\u{FEFF}').unwrap_or(line)
        } else {
            line
        };
        (!(line.trim().is_empty() || line.starts_with('#'))).then_some((index + 1, line))
    })
}

/// Parses any gazetteer file, telling entity files from lexicon files by their header.
pub fn parse_any(file: &str, text: &str) -> Result<ParsedFile, GazetteerError> {
    let mut lines = content_lines(text);
    let Some((header_line, header)) = lines.next() else {
        return Ok(ParsedFile::Entries(Vec::new()));
    };
    let columns: Vec<String> = header.split('\t').map(|c| c.trim().to_owned()).collect();
    let is_code_table = columns.first().is_some_and(|c| c == "code") && columns.iter().any(|c| c == "goldstein");
    if columns.first().is_some_and(|c| c == "phrase") || is_code_table {
        return parse_lexicon(file, text, header_line, columns, lines).map(ParsedFile::Lexicon);
    }
    parse_entities(file, text, header_line, header, lines).map(ParsedFile::Entries)
}

/// Parses one entity file into entries. Rows with the same type and name are merged into one
/// entry, each row adding a role. `file` is the name used in error messages.
pub fn parse_file(file: &str, text: &str) -> Result<Vec<Entry>, GazetteerError> {
    match parse_any(file, text)? {
        ParsedFile::Entries(entries) => Ok(entries),
        ParsedFile::Lexicon(_) => Err(GazetteerError {
            file: file.to_owned(),
            line: 0,
            message: "is a lexicon file, not an entity file".into(),
        }),
    }
}

fn parse_entities<'a>(
    file: &str,
    text: &str,
    header_line: usize,
    header: &str,
    lines: impl Iterator<Item = (usize, &'a str)>,
) -> Result<Vec<Entry>, GazetteerError> {
    let fail = |line: usize, message: String| GazetteerError {
        file: file.to_owned(),
        line,
        message,
    };
    let header_fields: Vec<&str> = header.split('\t').collect();
    let columns = parse_header(&header_fields).map_err(|m| fail(header_line, m))?;
    // Sized for one entry per line, an upper bound: growing tables of tens of thousands of
    // entries copied them over and over.
    let line_count = memchr::memchr_iter(b'\n', text.as_bytes()).count() + 1;
    let mut entries: Vec<Entry> = Vec::with_capacity(line_count);
    // Keyed on the name as written in the file, so that no row copies its name for the key.
    let mut index_by_key: FxHashMap<(EntryKind, &str), usize> =
        FxHashMap::with_capacity_and_hasher(line_count, Default::default());
    let file_name: Arc<str> = file.into();
    // One buffer for every row's fields: tens of thousands of rows, no allocation each.
    let mut fields: Vec<&str> = Vec::with_capacity(columns.len());
    let name_column = columns.iter().position(|&c| c == Column::Name).unwrap_or(usize::MAX);
    for (line_no, line) in lines {
        fields.clear();
        fields.extend(tsv::split_at_byte(line, b'\t'));
        if fields.len() > columns.len() {
            return Err(fail(
                line_no,
                format!(
                    "{} fields, but the header names {} columns; is there a stray TAB?",
                    fields.len(),
                    columns.len()
                ),
            ));
        }
        let row = parse_row(&columns, &fields).map_err(|m| fail(line_no, m))?;
        let source = SourceLine {
            file: Arc::clone(&file_name),
            line: line_no,
        };
        // The name as parse_row took it: the field, trimmed.
        let key = (row.kind, fields.get(name_column).map_or("", |f| tsv::trim(f)));
        match index_by_key.get(&key) {
            Some(&index) => entries[index].merge_row(row, source),
            None => {
                index_by_key.insert(key, entries.len());
                entries.push(Entry::from_row(row, source));
            }
        }
    }
    Ok(entries)
}

fn parse_header(fields: &[&str]) -> Result<Vec<Column>, String> {
    let mut columns = Vec::with_capacity(fields.len());
    for field in fields {
        let name = field.trim();
        let column = Column::parse(name).ok_or_else(|| {
            let known: Vec<&str> = Column::ALL.iter().map(|(n, _)| *n).collect();
            format!(
                "unknown column {name:?} in the header; known columns: {}",
                known.join(", ")
            )
        })?;
        if columns.contains(&column) {
            return Err(format!("column {name:?} appears twice in the header"));
        }
        columns.push(column);
    }
    for required in [Column::Type, Column::Name] {
        if !columns.contains(&required) {
            return Err(format!(
                "the header has no {:?} column; the first non-comment line must name the columns, e.g. \"type<TAB>name<TAB>aliases\"",
                Column::ALL
                    .iter()
                    .find(|(_, c)| *c == required)
                    .map(|(n, _)| *n)
                    .unwrap_or("?")
            ));
        }
    }
    Ok(columns)
}

/// One parsed row, before rows are merged into entries.
pub(super) struct Row {
    pub kind: EntryKind,
    pub name: String,
    pub aliases: Vec<String>,
    pub demonyms: Vec<String>,
    pub capitals: Vec<String>,
    pub ambiguous: Vec<String>,
    pub role: Role,
}

fn parse_row(columns: &[Column], fields: &[&str]) -> Result<Row, String> {
    let mut kind = None;
    let mut name = String::new();
    let mut row_role = Role::default();
    let (mut aliases, mut demonyms, mut capitals, mut ambiguous) = (vec![], vec![], vec![], vec![]);
    for (column, raw) in columns.iter().zip(fields.iter().copied().chain(std::iter::repeat(""))) {
        let value = tsv::trim(raw);
        match column {
            Column::Type => kind = Some(EntryKind::parse(value)?),
            Column::Name => name = value.to_owned(),
            Column::Aliases => aliases = split_list(value),
            Column::Demonyms => demonyms = split_list(value),
            Column::Capitals => capitals = split_list(value),
            Column::Ambiguous => ambiguous = split_list(value),
            Column::Country => row_role.country = parse_country(value)?,
            Column::Sector => row_role.sector = parse_code("sector", value, 3)?,
            Column::Code => row_role.code = parse_actor_code(value)?,
            Column::Role => row_role.role = non_empty(value),
            Column::From => row_role.from = parse_date("from", value)?,
            Column::To => row_role.to = parse_date("to", value)?,
        }
    }
    let kind = kind.ok_or("empty type; use person, state, organisation or place")?;
    if name.is_empty() {
        return Err("empty name".into());
    }
    if let (Some(from), Some(to)) = (row_role.from, row_role.to)
        && to.last_day() < from.first_day()
    {
        return Err(format!("role ends ({to}) before it starts ({from})"));
    }
    let is_own_name = |a: &String| *a == name || aliases.contains(a) || demonyms.contains(a) || capitals.contains(a);
    if let Some(stray) = ambiguous.iter().find(|a| *a != "*" && !is_own_name(a)) {
        return Err(format!(
            "ambiguous name {stray:?} is not among this entry's name, aliases, demonyms or capitals"
        ));
    }
    Ok(Row {
        kind,
        name,
        aliases,
        demonyms,
        capitals,
        ambiguous,
        role: row_role,
    })
}

fn split_list(value: &str) -> Vec<String> {
    if value.is_empty() {
        return Vec::new();
    }
    tsv::split_at_byte(value, b'|')
        .map(tsv::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

fn non_empty(value: &str) -> Option<String> {
    (!value.is_empty()).then(|| value.to_owned())
}

fn parse_country(value: &str) -> Result<Option<String>, String> {
    if value.is_empty() {
        return Ok(None);
    }
    if value.len() == 3 && value.bytes().all(|b| b.is_ascii_uppercase()) {
        Ok(Some(value.to_owned()))
    } else {
        Err(format!(
            "country {value:?} is not an ISO 3166-1 alpha-3 code (three capital letters, e.g. ALB)"
        ))
    }
}

fn parse_code(what: &str, value: &str, unit: usize) -> Result<Option<String>, String> {
    if value.is_empty() {
        return Ok(None);
    }
    if value.len().is_multiple_of(unit) && value.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit()) {
        Ok(Some(value.to_owned()))
    } else {
        Err(format!(
            "{what} {value:?} must be CAMEO three-letter groups in capitals (e.g. GOV, IGOWSTNAT)"
        ))
    }
}

/// An actor code is opaque to gazette, as event codes are: CAMEO codes are three-letter
/// groups, but dictionaries of the event-data community also use PETRARCH's null actor `---`,
/// codes of other lengths (`ITHTV`), and `A/B` for a name that stands for several actors. So
/// any run of capitals, digits, `-` and `+` is accepted, with `/` between alternatives.
fn parse_actor_code(value: &str) -> Result<Option<String>, String> {
    if value.is_empty() {
        return Ok(None);
    }
    let part_ok = |part: &str| {
        !part.is_empty()
            && part
                .bytes()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'-' || b == b'+')
    };
    if value.split('/').all(part_ok) {
        Ok(Some(value.to_owned()))
    } else {
        Err(format!(
            "code {value:?} must be capitals and digits (CAMEO: three-letter groups, e.g. IGOWSTNAT), \
             with / between the codes of several actors"
        ))
    }
}

fn parse_date(what: &str, value: &str) -> Result<Option<PartialDate>, String> {
    if value.is_empty() {
        return Ok(None);
    }
    PartialDate::parse(value)
        .map(Some)
        .ok_or_else(|| format!("{what} date {value:?} is not YYYY, YYYY-MM or YYYY-MM-DD"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(text: &str) -> String {
        parse_file("g.tsv", text).unwrap_err().to_string()
    }

    #[test]
    fn parses_rows_and_merges_roles() {
        let text = "# people\ntype\tname\taliases\tcountry\tsector\trole\tfrom\tto\n\
                    person\tJoe Biden\tBiden|Joseph R. Biden\tUSA\tGOV\tVice President\t2009-01-20\t2017-01-20\n\
                    person\tJoe Biden\t\tUSA\tGOV\tPresident\t2021-01-20\t2025-01-20\n";
        let entries = parse_file("g.tsv", text).unwrap();
        assert_eq!(entries.len(), 1);
        let biden = &entries[0];
        assert_eq!(biden.aliases, ["Biden", "Joseph R. Biden"]);
        assert_eq!(biden.roles.len(), 2);
        assert_eq!(biden.roles[1].role.as_deref(), Some("President"));
        assert_eq!(biden.source.line, 3);
    }

    #[test]
    fn header_columns_may_come_in_any_order_and_rows_may_be_short() {
        let entries = parse_file("g.tsv", "name\ttype\tcountry\nIdan Roll\tperson\n").unwrap();
        assert_eq!(entries[0].name, "Idan Roll");
        assert_eq!(entries[0].roles[0].country, None);
    }

    /// (name, file text, expected error)
    const BAD: &[(&str, &str, &str)] = &[
        (
            "unknown column",
            "type\tname\tcolour\n",
            "g.tsv:1: unknown column \"colour\"",
        ),
        (
            "missing name column",
            "type\taliases\n",
            "g.tsv:1: the header has no \"name\" column",
        ),
        ("bad type", "type\tname\nhuman\tX\n", "g.tsv:2: unknown type \"human\""),
        ("empty name", "type\tname\nperson\t\n", "g.tsv:2: empty name"),
        (
            "bad country",
            "type\tname\tcountry\nstate\tX\tAlb\n",
            "g.tsv:2: country \"Alb\" is not an ISO 3166-1",
        ),
        (
            "bad date",
            "type\tname\tfrom\nperson\tX\t2020-13-01\n",
            "g.tsv:2: from date \"2020-13-01\"",
        ),
        (
            "inverted dates",
            "type\tname\tfrom\tto\nperson\tX\t2021\t2020\n",
            "g.tsv:2: role ends (2020) before it starts (2021)",
        ),
        (
            "stray tab",
            "type\tname\nperson\tX\tY\n",
            "g.tsv:2: 3 fields, but the header names 2 columns",
        ),
        (
            "bad sector",
            "type\tname\tsector\nperson\tX\tgov\n",
            "g.tsv:2: sector \"gov\"",
        ),
        (
            "stray ambiguous",
            "type\tname\tambiguous\nstate\tJordan\tChad\n",
            "g.tsv:2: ambiguous name \"Chad\"",
        ),
        (
            "year end before a full start",
            "type\tname\tfrom\tto\nperson\tX\t2022-04-01\t2021\n",
            "g.tsv:2: role ends (2021) before it starts (2022-04-01)",
        ),
    ];

    #[test]
    fn bad_lines_are_located_and_explained() {
        for &(name, text, expected) in BAD {
            let message = err(text);
            assert!(message.starts_with(expected), "case {name}: got {message:?}");
        }
    }

    #[test]
    fn a_year_end_covers_the_whole_year() {
        let entries = parse_file("g.tsv", "type\tname\tfrom\tto\nperson\tX\t2022-04-01\t2022\n").unwrap();
        assert_eq!(entries[0].roles[0].to.unwrap().to_string(), "2022");
    }

    #[test]
    fn comments_blank_lines_bom_and_crlf_are_accepted() {
        let text = "\u{FEFF}# c\r\n\r\ntype\tname\r\nstate\tAlbania\r\n";
        let entries = parse_file("g.tsv", text).unwrap();
        assert_eq!(entries[0].name, "Albania");
        assert_eq!(entries[0].source.line, 4);
    }
}

#[cfg(test)]
mod lexicon_tests {
    use super::*;
    use crate::gazetteer::LexiconKind;

    #[test]
    fn a_phrase_header_makes_a_lexicon_file() {
        let text = "# date words\nphrase\tdate_kind\tvalue\nyesterday\trelative\t-1\nSept.\tmonth\n";
        let ParsedFile::Lexicon(lexicon) = parse_any("d.tsv", text).unwrap() else {
            panic!("not a lexicon")
        };
        assert_eq!(lexicon.kind, LexiconKind::Dates);
        assert_eq!(lexicon.rows.len(), 2);
        assert_eq!(lexicon.get(&lexicon.rows[1], "date_kind"), "month");
        assert_eq!(lexicon.get(&lexicon.rows[1], "value"), "", "short rows are padded");
        assert_eq!(lexicon.rows[1].line, 4);
    }

    #[test]
    fn lexicon_errors_are_located() {
        let unknown = parse_any("x.tsv", "phrase\tcolour\nred\tred\n")
            .unwrap_err()
            .to_string();
        assert!(unknown.starts_with("x.tsv:1: a lexicon file"), "{unknown}");
        let stray = parse_any("x.tsv", "phrase\tcameo\nmeet\t043\textra\n")
            .unwrap_err()
            .to_string();
        assert!(stray.starts_with("x.tsv:2: 3 fields"), "{stray}");
        let entity_as_lexicon = parse_file("x.tsv", "phrase\tcameo\nmeet\t043\n")
            .unwrap_err()
            .to_string();
        assert!(entity_as_lexicon.contains("is a lexicon file"), "{entity_as_lexicon}");
    }
}
