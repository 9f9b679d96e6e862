//! Gazetteers: what gazette knows about people, states, organisations and places.
//!
//! A [`Gazetteer`] is a list of [`Entry`]s loaded from TSV files (`gazetteers/README.md`
//! documents the format). The default files are compiled into the binary; user files are
//! added on top, and a user entry replaces a default one with the same type and name.
//! [`Matcher`] finds the entries' names in text.

pub mod inspect;
mod lexicon;
mod load;
mod matcher;
mod tsv;
pub mod validate;

use std::borrow::Cow;
use std::fmt;
use std::path::Path;
use std::sync::{Arc, OnceLock};

use rustc_hash::FxHashMap;

pub use lexicon::{LexiconFile, LexiconKind, LexiconRow};
pub use load::{ParsedFile, parse_any, parse_file};
pub(crate) use matcher::leading_word;
pub use matcher::{Candidate, EntryCandidate, Form, LexiconPattern, Matcher, MatcherBuilder, RawMatch, Target};

use crate::error::{Error, GazetteerError};
use crate::image::{ImageError, Reader, Writer, stored_enum};

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded_gazetteers.rs"));
}

/// The kind of thing an entry names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum EntryKind {
    /// A person.
    Person,
    /// A state or territory.
    State,
    /// An organisation: government body, international organisation, armed group, company...
    Organisation,
    /// A place that is not a state: a city, a region.
    Place,
}

impl EntryKind {
    /// Parses the `type` column.
    pub fn parse(value: &str) -> Result<Self, String> {
        match value {
            "person" => Ok(EntryKind::Person),
            "state" => Ok(EntryKind::State),
            "organisation" | "organization" => Ok(EntryKind::Organisation),
            "place" => Ok(EntryKind::Place),
            other => Err(format!(
                "unknown type {other:?}; use person, state, organisation or place"
            )),
        }
    }

    /// The name used in files and in JSON output.
    pub fn as_str(self) -> &'static str {
        match self {
            EntryKind::Person => "person",
            EntryKind::State => "state",
            EntryKind::Organisation => "organisation",
            EntryKind::Place => "place",
        }
    }
}

impl fmt::Display for EntryKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A calendar date known to the year, the month or the day.
///
/// Ordering compares year, then month, then day, an unknown part counting as before any known
/// one; use [`PartialDate::first_day`] and [`PartialDate::last_day`] to compare with full dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PartialDate {
    /// The year.
    pub year: u16,
    /// The month, 1 to 12, or 0 when unknown.
    pub month: u8,
    /// The day of the month, or 0 when unknown.
    pub day: u8,
}

impl PartialDate {
    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, checking that the day exists.
    pub fn parse(value: &str) -> Option<Self> {
        // Tens of thousands of role dates are read at start-up: the fixed layout is read by
        // position, with no splitting.
        let bytes = value.as_bytes();
        let digits = |range: std::ops::Range<usize>| -> Option<u32> {
            bytes[range].iter().try_fold(0u32, |number, &b| {
                b.is_ascii_digit().then(|| number * 10 + u32::from(b - b'0'))
            })
        };
        let (year, month, day) = match bytes.len() {
            4 => (digits(0..4)?, 0, 0),
            7 if bytes[4] == b'-' => (digits(0..4)?, digits(5..7)?, 0),
            10 if bytes[4] == b'-' && bytes[7] == b'-' => (digits(0..4)?, digits(5..7)?, digits(8..10)?),
            _ => return None,
        };
        if month > 12 || (month == 0 && bytes.len() > 4) || (day == 0 && bytes.len() > 7) {
            return None;
        }
        let date = PartialDate {
            year: year as u16,
            month: month as u8,
            day: day as u8,
        };
        if month > 0 && day > u32::from(date.days_in_month()) {
            return None;
        }
        Some(date)
    }

    /// A full date.
    pub fn ymd(year: u16, month: u8, day: u8) -> Self {
        PartialDate { year, month, day }
    }

    /// The earliest full date this date can mean.
    pub fn first_day(self) -> Self {
        PartialDate {
            year: self.year,
            month: self.month.max(1),
            day: self.day.max(1),
        }
    }

    /// The latest full date this date can mean.
    pub fn last_day(self) -> Self {
        let month = if self.month == 0 { 12 } else { self.month };
        let with_month = PartialDate {
            year: self.year,
            month,
            day: 1,
        };
        let day = if self.day == 0 {
            with_month.days_in_month()
        } else {
            self.day
        };
        PartialDate {
            year: self.year,
            month,
            day,
        }
    }

    fn days_in_month(self) -> u8 {
        let leap = (self.year.is_multiple_of(4) && !self.year.is_multiple_of(100)) || self.year.is_multiple_of(400);
        match self.month {
            2 if leap => 29,
            2 => 28,
            4 | 6 | 9 | 11 => 30,
            _ => 31,
        }
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if self.month > 0 {
            write!(f, "-{:02}", self.month)?;
        }
        if self.day > 0 {
            write!(f, "-{:02}", self.day)?;
        }
        Ok(())
    }
}

/// Where an entry or role was defined.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceLine {
    /// The file, as shown to the user (shared: every row of a file names it).
    pub file: Arc<str>,
    /// The 1-based line.
    pub line: usize,
}

impl fmt::Display for SourceLine {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.file, self.line)
    }
}

/// One dated role of an entry (a row of its file). Entries without dates have one role.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Role {
    /// The office or role.
    pub role: Option<String>,
    /// ISO 3166-1 alpha-3 country code.
    pub country: Option<String>,
    /// CAMEO sector code.
    pub sector: Option<String>,
    /// CAMEO actor code, when it is not the country's code plus the sector.
    pub code: Option<String>,
    /// First day in the role.
    pub from: Option<PartialDate>,
    /// Last day in the role.
    pub to: Option<PartialDate>,
    /// The line that defined the role.
    pub line: usize,
}

impl Role {
    /// Whether the role was held on `date`.
    pub fn held_on(&self, date: PartialDate) -> bool {
        self.from.is_none_or(|from| from.first_day() <= date) && self.to.is_none_or(|to| date <= to.last_day())
    }
}

/// Index of an entry in its [`Gazetteer`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct EntryId(pub u32);

/// One person, state, organisation or place, with every name it goes by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// What the entry is.
    pub kind: EntryKind,
    /// Canonical name.
    pub name: String,
    /// Other names.
    pub aliases: Vec<String>,
    /// Adjectives and nationality nouns (states).
    pub demonyms: Vec<String>,
    /// Capital cities standing for the government (states).
    pub capitals: Vec<String>,
    /// Names that need context to be trusted.
    pub ambiguous: Vec<String>,
    /// Roles, in file order; never empty.
    pub roles: Vec<Role>,
    /// The first line that defined the entry.
    pub source: SourceLine,
}

impl Entry {
    fn from_row(row: load::Row, source: SourceLine) -> Self {
        let role = Role {
            line: source.line,
            ..row.role
        };
        Entry {
            kind: row.kind,
            name: row.name,
            aliases: row.aliases,
            demonyms: row.demonyms,
            capitals: row.capitals,
            ambiguous: row.ambiguous,
            roles: vec![role],
            source,
        }
    }

    fn merge_row(&mut self, row: load::Row, source: SourceLine) {
        for (list, extra) in [
            (&mut self.aliases, row.aliases),
            (&mut self.demonyms, row.demonyms),
            (&mut self.capitals, row.capitals),
            (&mut self.ambiguous, row.ambiguous),
        ] {
            for item in extra {
                if !list.contains(&item) {
                    list.push(item);
                }
            }
        }
        self.roles.push(Role {
            line: source.line,
            ..row.role
        });
    }

    /// The role that applies on `date`: the one held then (a dated role over an undated
    /// default, then the latest-starting), else, with no date or no role held then, the most
    /// recent role.
    pub fn role_on(&self, date: Option<PartialDate>) -> &Role {
        let latest = |a: &&Role, b: &&Role| (a.from, a.to.is_none(), a.to).cmp(&(b.from, b.to.is_none(), b.to));
        // A role dated only by its end ("until 1979") still says more about that day than the
        // undated default does, so it wins while it holds.
        let dated = |r: &Role| r.from.is_some() || r.to.is_some();
        let on_day = |a: &&Role, b: &&Role| dated(a).cmp(&dated(b)).then_with(|| latest(a, b));
        date.and_then(|d| self.roles.iter().filter(|r| r.held_on(d)).max_by(on_day))
            .or_else(|| self.roles.iter().max_by(latest))
            .expect("an entry has at least one role")
    }

    /// The entry's country: that of the given role, else of any role.
    pub fn country<'a>(&'a self, role: &'a Role) -> Option<&'a str> {
        role.country
            .as_deref()
            .or_else(|| self.roles.iter().find_map(|r| r.country.as_deref()))
    }

    /// Whether `name` (one of the entry's names) is marked as needing context.
    pub fn is_ambiguous(&self, name: &str) -> bool {
        // `*` marks every name of the entry (a file of past officials marks them all).
        self.ambiguous.iter().any(|a| a == name || a == "*")
    }
}

/// A loaded set of gazetteer entries.
#[derive(Debug, Clone, Default)]
pub struct Gazetteer {
    entries: Entries,
    /// Lexicon files for other stages, defaults first, then user files, each in load order.
    /// Shared, so that a stage can keep a file and read its rows only when it needs them.
    lexicons: Vec<Arc<LexiconFile>>,
    /// ISO3 country code -> CAMEO country code, from the state entries (they differ for a few,
    /// such as Kosovo: XKX / KSV).
    cameo_country_codes: FxHashMap<String, String>,
}

impl Gazetteer {
    /// The embedded default gazetteers.
    pub fn defaults() -> Result<Self, GazetteerError> {
        GazetteerBuilder::new().build()
    }

    /// Builds a gazetteer from entries, in order.
    pub fn from_entries(entries: Vec<Entry>) -> Self {
        let mut cameo_country_codes = FxHashMap::default();
        for entry in entries.iter().filter(|e| e.kind == EntryKind::State) {
            let role = entry.role_on(None);
            if let Some(country) = entry.country(role) {
                let code = role.code.clone().unwrap_or_else(|| country.to_owned());
                cameo_country_codes.insert(country.to_owned(), code);
            }
        }
        Gazetteer {
            entries: Entries::Parsed(entries),
            lexicons: Vec::new(),
            cameo_country_codes,
        }
    }

    /// Adds lexicon files (date words, event phrases) for the stages that read them.
    pub fn with_lexicons(mut self, lexicons: Vec<LexiconFile>) -> Self {
        self.lexicons = lexicons.into_iter().map(Arc::new).collect();
        self
    }

    /// The lexicon files of one kind, in load order (defaults first, then user files).
    pub fn lexicons(&self, kind: LexiconKind) -> impl Iterator<Item = &Arc<LexiconFile>> {
        self.lexicons.iter().filter(move |l| l.kind == kind)
    }

    /// Every lexicon file, in load order.
    pub(crate) fn all_lexicons(&self) -> &[Arc<LexiconFile>] {
        &self.lexicons
    }

    /// All entries, in order of their ids.
    pub fn entries(&self) -> impl ExactSizeIterator<Item = &Entry> + '_ {
        (0..self.len() as u32).map(|id| self.entry(EntryId(id)))
    }

    /// The number of entries.
    pub fn len(&self) -> usize {
        match &self.entries {
            Entries::Parsed(entries) => entries.len(),
            Entries::Stored(stored) => stored.decoded.len(),
        }
    }

    /// Whether there are no entries.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// One entry.
    pub fn entry(&self, id: EntryId) -> &Entry {
        match &self.entries {
            Entries::Parsed(entries) => &entries[id.0 as usize],
            Entries::Stored(stored) => stored.get(id.0 as usize),
        }
    }

    /// The CAMEO actor code of an entry in the given role: the role's own code, else its
    /// country's CAMEO code followed by its sector.
    pub fn actor_code(&self, entry: &Entry, role: &Role) -> Option<String> {
        if let Some(code) = &role.code {
            return Some(code.clone());
        }
        let country = entry.country(role).map(|c| self.cameo_country_code(c));
        match (country, &role.sector) {
            // Concatenated, not formatted: this runs for every entity of every document.
            (Some(country), Some(sector)) => Some([country, sector.as_str()].concat()),
            (Some(country), None) => Some(country.to_owned()),
            (None, Some(sector)) => Some(sector.clone()),
            (None, None) => None,
        }
    }

    /// The CAMEO code of a country given by its ISO3 code (the same, for most).
    pub fn cameo_country_code<'a>(&'a self, iso3: &'a str) -> &'a str {
        self.cameo_country_codes.get(iso3).map(String::as_str).unwrap_or(iso3)
    }
}

/// A gazetteer's entries: parsed from files, or stored in a compiled image and decoded one by
/// one when first asked for (a run needs a few dozen of tens of thousands).
#[derive(Debug, Clone)]
enum Entries {
    Parsed(Vec<Entry>),
    Stored(StoredEntries),
}

impl Default for Entries {
    fn default() -> Self {
        Entries::Parsed(Vec::new())
    }
}

/// Entries as records of an image (see [`crate::image`]).
#[derive(Clone)]
struct StoredEntries {
    /// The records, end to end.
    records: &'static [u8],
    /// Where each entry's record starts in `records`, and where the last ends.
    starts: Cow<'static, [u32]>,
    /// The file names the records' source lines refer to by number.
    files: Vec<Arc<str>>,
    /// Each entry, once decoded. Boxed: an empty slot is then one word, not an `Entry`.
    decoded: Box<[OnceLock<Box<Entry>>]>,
}

impl fmt::Debug for StoredEntries {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("StoredEntries")
            .field("entries", &self.decoded.len())
            .field("record_bytes", &self.records.len())
            .finish()
    }
}

impl StoredEntries {
    fn get(&self, index: usize) -> &Entry {
        self.decoded[index].get_or_init(|| {
            let record = &self.records[self.starts[index] as usize..self.starts[index + 1] as usize];
            // The record's bounds were checked when the image was loaded, and the image was
            // written by this library's `to_image`; a record that does not decode is a bug in
            // that writer, not bad input.
            let entry = Entry::load(&mut Reader::part(record), &self.files)
                .unwrap_or_else(|err| panic!("entry {index} of the pipeline image: {err}"));
            Box::new(entry)
        })
    }
}

stored_enum!(EntryKind {
    Person,
    State,
    Organisation,
    Place
});

impl PartialDate {
    fn store(date: Option<PartialDate>, out: &mut Writer) {
        // Year 0 does not occur in gazetteer dates, so it stands for "no date".
        let PartialDate { year, month, day } = date.unwrap_or(PartialDate {
            year: 0,
            month: 0,
            day: 0,
        });
        out.u32(u32::from(year) << 16 | u32::from(month) << 8 | u32::from(day));
    }

    fn load(input: &mut Reader<'_>) -> Result<Option<PartialDate>, ImageError> {
        let packed = input.u32()?;
        let date = PartialDate {
            year: (packed >> 16) as u16,
            month: (packed >> 8) as u8,
            day: packed as u8,
        };
        Ok((date.year != 0).then_some(date))
    }
}

impl Entry {
    fn store(&self, out: &mut Writer, file_number: u32) {
        out.u8(self.kind.image_code());
        out.str(&self.name);
        for list in [&self.aliases, &self.demonyms, &self.capitals, &self.ambiguous] {
            out.strs(list);
        }
        out.list(&self.roles, |out, role| {
            for field in [&role.role, &role.country, &role.sector, &role.code] {
                out.option_str(field.as_deref());
            }
            PartialDate::store(role.from, out);
            PartialDate::store(role.to, out);
            out.u64(role.line as u64);
        });
        out.u32(file_number);
        out.u64(self.source.line as u64);
    }

    fn load(input: &mut Reader<'_>, files: &[Arc<str>]) -> Result<Entry, ImageError> {
        let kind = EntryKind::from_image_code(input)?;
        let name = input.string()?;
        let (aliases, demonyms, capitals, ambiguous) =
            (input.strings()?, input.strings()?, input.strings()?, input.strings()?);
        let roles = input.list(|input| {
            Ok(Role {
                role: input.option_string()?,
                country: input.option_string()?,
                sector: input.option_string()?,
                code: input.option_string()?,
                from: PartialDate::load(input)?,
                to: PartialDate::load(input)?,
                line: input.u64()? as usize,
            })
        })?;
        let file = files
            .get(input.len()?)
            .cloned()
            .ok_or_else(|| input.error("unknown file number"))?;
        let line = input.u64()? as usize;
        Ok(Entry {
            kind,
            name,
            aliases,
            demonyms,
            capitals,
            ambiguous,
            roles,
            source: SourceLine { file, line },
        })
    }
}

impl Gazetteer {
    /// Writes the gazetteer into an image: lexicon files whole, entries as records.
    pub(crate) fn store(&self, out: &mut Writer) {
        out.list(&self.lexicons, |out, file| file.store(out));
        out.len(self.cameo_country_codes.len());
        // In code order, so that the same gazetteer always makes the same image.
        let mut codes: Vec<_> = self.cameo_country_codes.iter().collect();
        codes.sort_unstable();
        for (iso3, cameo) in codes {
            out.str(iso3);
            out.str(cameo);
        }
        let mut files: Vec<Arc<str>> = Vec::new();
        let mut records = Writer::default();
        let mut starts = Vec::with_capacity(self.len() + 1);
        for entry in self.entries() {
            let file_number = match files.iter().position(|f| *f == entry.source.file) {
                Some(number) => number,
                None => {
                    files.push(Arc::clone(&entry.source.file));
                    files.len() - 1
                }
            };
            starts.push(records.position() as u32);
            entry.store(&mut records, file_number as u32);
        }
        starts.push(records.position() as u32);
        out.strs(&files);
        out.table(&starts);
        out.bytes(&records.finish());
    }

    /// Reads a gazetteer written by [`Gazetteer::store`]; its entries stay undecoded.
    pub(crate) fn load(input: &mut Reader<'static>) -> Result<Gazetteer, ImageError> {
        let lexicons = input.list(|input| LexiconFile::load(input).map(Arc::new))?;
        let codes = input.len()?;
        let mut cameo_country_codes = FxHashMap::default();
        cameo_country_codes.reserve(codes);
        for _ in 0..codes {
            cameo_country_codes.insert(input.string()?, input.string()?);
        }
        let files = input.arc_strs()?;
        let starts = input.table::<u32>()?;
        let records = input.bytes()?;
        if starts.is_empty() || !starts.is_sorted() || starts.last().is_some_and(|&end| end as usize != records.len()) {
            return Err(input.error("entry records out of order"));
        }
        let decoded = (1..starts.len()).map(|_| OnceLock::new()).collect();
        Ok(Gazetteer {
            entries: Entries::Stored(StoredEntries {
                records,
                starts,
                files,
                decoded,
            }),
            lexicons,
            cameo_country_codes,
        })
    }
}

/// Collects gazetteer files, default and user, into a [`Gazetteer`].
#[derive(Debug, Clone)]
pub struct GazetteerBuilder {
    include_defaults: bool,
    user_files: Vec<(String, String)>,
}

impl Default for GazetteerBuilder {
    fn default() -> Self {
        Self::new()
    }
}

impl GazetteerBuilder {
    /// A builder with the embedded defaults and no user files.
    pub fn new() -> Self {
        GazetteerBuilder {
            include_defaults: true,
            user_files: Vec::new(),
        }
    }

    /// Whether to include the embedded default files.
    pub fn defaults(mut self, include: bool) -> Self {
        self.include_defaults = include;
        self
    }

    /// Adds a user file from memory; `name` appears in error messages.
    pub fn add_text(mut self, name: impl Into<String>, text: impl Into<String>) -> Self {
        self.user_files.push((name.into(), text.into()));
        self
    }

    /// Adds a user file, or every `.tsv` file below a directory (in sorted order).
    pub fn add_path(mut self, path: &Path) -> Result<Self, Error> {
        let io_error = |source| Error::Io {
            path: path.to_path_buf(),
            source,
        };
        if path.is_dir() {
            let found = crate::input::discover(&[path.to_path_buf()], &["tsv".to_owned()]);
            if let Some(err) = found.errors.into_iter().next() {
                return Err(err);
            }
            for input in found.inputs {
                if let crate::input::InputSource::File(file) = input {
                    self = self.add_path(&file)?;
                }
            }
            return Ok(self);
        }
        let text = std::fs::read_to_string(path).map_err(io_error)?;
        self.user_files.push((path.display().to_string(), text));
        Ok(self)
    }

    /// Parses everything. User entries replace default entries of the same type and name;
    /// user lexicon rows come after the default ones, so a stage can let them win.
    pub fn build(self) -> Result<Gazetteer, GazetteerError> {
        let mut user_entries = Vec::new();
        let mut user_lexicons = Vec::new();
        for (name, text) in &self.user_files {
            match parse_any(name, text)? {
                ParsedFile::Entries(entries) => user_entries.extend(entries),
                ParsedFile::Lexicon(lexicon) => user_lexicons.push(lexicon),
            }
        }
        let overridden: std::collections::BTreeSet<(EntryKind, &str)> =
            user_entries.iter().map(|e| (e.kind, e.name.as_str())).collect();
        let mut entries = Vec::new();
        let mut lexicons = Vec::new();
        if self.include_defaults {
            // The files are independent, so they are parsed side by side; the results are
            // taken in file order, so the gazetteer is the same on every run.
            let parsed = parse_embedded();
            let default_entries: usize = parsed
                .iter()
                .map(|file| match file {
                    Ok(ParsedFile::Entries(entries)) => entries.len(),
                    _ => 0,
                })
                .sum();
            entries.reserve(default_entries + user_entries.len());
            for file in parsed {
                match file? {
                    ParsedFile::Entries(parsed) => entries.extend(
                        parsed
                            .into_iter()
                            .filter(|e| !overridden.contains(&(e.kind, e.name.as_str()))),
                    ),
                    ParsedFile::Lexicon(lexicon) => lexicons.push(lexicon),
                }
            }
        }
        entries.extend(user_entries);
        lexicons.extend(user_lexicons);
        Ok(Gazetteer::from_entries(entries).with_lexicons(lexicons))
    }
}

/// Parses the embedded files side by side, and returns the results in file order, so that the
/// gazetteer is the same on every run.
///
/// One worker per core, taking the largest file left: a thread per file (fourteen) gave each
/// its own allocator arena and pages, which cost more than the extra threads gained.
fn parse_embedded() -> Vec<Result<ParsedFile, GazetteerError>> {
    use std::sync::atomic::{AtomicUsize, Ordering};
    let files = embedded::EMBEDDED;
    let mut largest_first: Vec<usize> = (0..files.len()).collect();
    largest_first.sort_by_key(|&i| std::cmp::Reverse(files[i].1.len()));
    let taken = AtomicUsize::new(0);
    let work = || {
        let mut done = Vec::new();
        loop {
            let Some(&index) = largest_first.get(taken.fetch_add(1, Ordering::Relaxed)) else {
                return done;
            };
            let (file, text) = files[index];
            done.push((index, parse_any(&format!("gazetteers/{file}"), text)));
        }
    };
    let cores = std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get);
    let mut finished: Vec<(usize, Result<ParsedFile, GazetteerError>)> = std::thread::scope(|scope| {
        let helpers: Vec<_> = (1..cores.min(files.len())).map(|_| scope.spawn(work)).collect();
        let mut finished = work();
        for helper in helpers {
            finished.extend(helper.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)));
        }
        finished
    });
    finished.sort_by_key(|&(index, _)| index);
    finished.into_iter().map(|(_, parsed)| parsed).collect()
}

/// The embedded default files, as (file name, contents).
pub fn embedded_files() -> &'static [(&'static str, &'static str)] {
    embedded::EMBEDDED
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partial_dates_parse_and_order() {
        assert_eq!(PartialDate::parse("2022-09-13").unwrap().to_string(), "2022-09-13");
        assert_eq!(PartialDate::parse("2022-09").unwrap().to_string(), "2022-09");
        assert_eq!(PartialDate::parse("2022").unwrap().to_string(), "2022");
        for bad in [
            "22",
            "2022-9",
            "2022-02-30",
            "2022-13",
            "2022-01-01-01",
            "abcd",
            "2022-00",
            "2022-01-00",
            "2022-1-01",
            "+022",
        ] {
            assert_eq!(PartialDate::parse(bad), None, "{bad}");
        }
        assert_eq!(PartialDate::parse("2024-02-29").unwrap().last_day().day, 29);
        assert_eq!(
            PartialDate::parse("2023-02").unwrap().last_day().to_string(),
            "2023-02-28"
        );
    }

    #[test]
    fn role_on_date_picks_the_role_held_then() {
        let text = "type\tname\tcountry\tsector\trole\tfrom\tto\n\
                    person\tJoe Biden\tUSA\tGOV\tVice President\t2009-01-20\t2017-01-20\n\
                    person\tJoe Biden\tUSA\tGOV\tPresident\t2021-01-20\t2025-01-20\n";
        let entry = &parse_file("p.tsv", text).unwrap()[0];
        let on = |d: &str| entry.role_on(Some(PartialDate::parse(d).unwrap())).role.as_deref();
        assert_eq!(on("2015-06-01"), Some("Vice President"));
        assert_eq!(on("2022-09-13"), Some("President"));
        assert_eq!(on("2019-01-01"), Some("President"), "no role held: the latest");
        assert_eq!(entry.role_on(None).role.as_deref(), Some("President"));
    }

    #[test]
    fn a_dated_role_beats_the_undated_default_while_it_holds() {
        // Rhodesia's code until Zimbabwe's independence, Zimbabwe's after.
        let text = "type	name	code	from	to
                    state	Zimbabwe	ZWE		
                    state	Zimbabwe	RHO		1980-04-17
";
        let entry = &parse_file("s.tsv", text).unwrap()[0];
        let on = |d: &str| entry.role_on(Some(PartialDate::parse(d).unwrap())).code.as_deref();
        assert_eq!(on("1978-12-23"), Some("RHO"));
        assert_eq!(on("1990-01-01"), Some("ZWE"));
    }

    #[test]
    fn user_entries_replace_defaults_of_the_same_type_and_name() {
        let user = "type\tname\tcountry\nstate\tAlbania\tXXX\n";
        let gazetteer = GazetteerBuilder::new().add_text("user.tsv", user).build().unwrap();
        let albanias: Vec<&Entry> = gazetteer
            .entries()
            .filter(|e| e.kind == EntryKind::State && e.name == "Albania")
            .collect();
        assert_eq!(albanias.len(), 1);
        assert_eq!(&*albanias[0].source.file, "user.tsv");
    }

    #[test]
    fn actor_codes_combine_country_and_sector_unless_given() {
        let text = "type\tname\tcountry\tsector\tcode\n\
                    state\tKosovo\tXKX\t\tKSV\n\
                    person\tSomeone\tXKX\tGOV\t\n\
                    organisation\tNATO\t\tIGO\tIGOWSTNAT\n";
        let gazetteer = GazetteerBuilder::new()
            .defaults(false)
            .add_text("g.tsv", text)
            .build()
            .unwrap();
        let code = |i: usize| {
            let e = gazetteer.entry(EntryId(i as u32));
            gazetteer.actor_code(e, e.role_on(None))
        };
        assert_eq!(code(0).as_deref(), Some("KSV"));
        assert_eq!(code(1).as_deref(), Some("KSVGOV"));
        assert_eq!(code(2).as_deref(), Some("IGOWSTNAT"));
    }

    #[test]
    fn embedded_defaults_load_without_errors() {
        let gazetteer = Gazetteer::defaults().expect("the shipped gazetteers are valid");
        assert!(gazetteer.entries().any(|e| e.kind == EntryKind::State));
    }
}
