//! Self-contained HTML pages drawn from the `gazette/v1` records: one page per article, and an
//! index page for a folder of them.
//!
//! A page shows the article text with every mention, date and event trigger highlighted (the
//! details on hover and on keyboard focus), a table of the coded events whose rows select their
//! evidence sentence, and an actor graph drawn as inline SVG. Everything is inline: the page makes
//! no network request, and its Content-Security-Policy forbids any (`default-src 'none'`).
//!
//! The renderer works from the wire records and the text they were made from, nothing else, so
//! it shows exactly what `gazette extract` would print as JSON.
//!
//! **Escaping.** Every piece of text that comes from the article or the records is escaped
//! (`&`, `<`, `>`, `"` and `'`) before it enters the markup, in element content and in attribute
//! values alike, and every attribute is double-quoted. The page's one script is a constant,
//! allowed by its hash in the policy, so even a mistake in escaping could not run an injected
//! script.
//!
//! **Overlapping spans.** Sentences, mentions, dates and triggers become nested elements. Spans
//! are opened in text order, the longer first when two start together (and, for the same range,
//! sentence outside mention outside date outside trigger). A span that crosses the end of an
//! enclosing one is split there: the part inside is closed with its parent and the rest is
//! reopened right after as a continuation piece, which looks the same but is not a tab stop.
//! So every character of every span stays highlighted and the markup is always well nested.
//!
//! ```
//! use gazette::{Document, Pipeline};
//!
//! let pipeline = Pipeline::with_default_gazetteers().expect("the embedded gazetteers load");
//! let doc = Document::new("-", "Albania cut diplomatic ties with Tehran.");
//! let record = pipeline.extract(&doc, &Default::default());
//! let page = gazette::html::render_page(&doc.text, &record, &Default::default()).unwrap();
//! assert!(page.contains(r#"<mark class="m state""#));
//! ```

use std::collections::{BTreeMap, HashSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use crate::wire::{DocumentRecord, EntityRecord, EventRecord, OffsetUnit};

/// The stylesheet shared by article pages and the index.
const CSS: &str = include_str!("html/page.css");

/// The article page's script: it selects evidence sentences and outlines an entity's mentions.
const SCRIPT: &str = include_str!("html/page.js");

/// The SHA-256 of [`SCRIPT`], base64, which the page's Content-Security-Policy allows.
///
/// After editing `src/html/page.js`, recompute it with
/// `openssl dgst -sha256 -binary src/html/page.js | base64`; the browser test
/// (`tests/html_browser.rs`) fails while it is stale, because Chromium then blocks the script.
const SCRIPT_SHA256: &str = "2BF7Ajocu5nmtS4vlVj5rBMb/dr6mZGIwX1gaUgbtw0=";

/// Entity types that have their own colour; any other type is drawn as `other`.
const ENTITY_TYPES: [&str; 4] = ["person", "state", "organisation", "place"];

/// What went wrong while drawing or writing pages.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum HtmlError {
    /// A record does not fit the text it is said to come from: a span outside the text, inside
    /// a character, or reading other words than the record says.
    #[error("{source_name}: cannot draw the page: {message}")]
    Span {
        /// The document's source name.
        source_name: String,
        /// Which span, and what is wrong with it.
        message: String,
    },
    /// A page or the index could not be written.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file or folder that could not be written.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
}

/// Options for one article page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PageOptions {
    /// A link back to the index page, shown above the title (set by [`Site`]).
    pub index_href: Option<String>,
}

/// Draws one article as a self-contained HTML page.
///
/// `text` must be the text the record was extracted from (the document's text as read, after a
/// byte-order mark is dropped). Offsets may be in either unit; the record says which. Fails, and
/// names the span, when a span does not fit the text.
pub fn render_page(text: &str, record: &DocumentRecord, options: &PageOptions) -> Result<String, HtmlError> {
    let spans = Spans::new(text, record);
    let marks = collect_marks(&spans, record)?;
    let mut html = String::with_capacity(text.len() * 4 + CSS.len() + 4096);
    head(&mut html, &record.source, Some(SCRIPT_SHA256));
    html.push_str("<body>\n<header>\n");
    if let Some(href) = &options.index_href {
        let _ = writeln!(
            html,
            "<p class=\"meta\"><a href=\"{}\">← all articles</a></p>",
            escape(href)
        );
    }
    let _ = writeln!(html, "<h1>{}</h1>", escape(&record.source));
    let _ = writeln!(html, "<p class=\"meta\">{}</p>", escape(&summary_line(record)));
    legend(&mut html, record);
    html.push_str("</header>\n<main>\n<section class=\"article\" aria-labelledby=\"h-text\">\n");
    html.push_str("<h2 id=\"h-text\">Text</h2>\n");
    html.push_str(
        "<p class=\"hint\">Hover over a highlight, or reach it with Tab, to see what gazette made of it.</p>\n",
    );
    html.push_str("<div class=\"text\">");
    html.push_str(&nest(text, marks));
    html.push_str("</div>\n</section>\n");
    events_table(&mut html, record);
    actor_graph(&mut html, record);
    html.push_str("</main>\n");
    let _ = writeln!(
        html,
        "<footer>Drawn by gazette {} from a {} record; offsets in {}.</footer>",
        env!("CARGO_PKG_VERSION"),
        escape(&record.schema),
        match record.offsets {
            OffsetUnit::Chars => "code points",
            OffsetUnit::Bytes => "bytes",
        }
    );
    let _ = writeln!(html, "<script>{SCRIPT}</script>\n</body>\n</html>");
    Ok(html)
}

/// One line of the index page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndexEntry {
    /// The page's file name, relative to the index.
    pub href: String,
    /// The document's source name.
    pub source: String,
    /// The publication date, if known.
    pub published: Option<String>,
    /// How many entities, dates and events the document has.
    pub counts: (usize, usize, usize),
    /// The most mentioned entities' names, most mentioned first.
    pub actors: Vec<String>,
}

impl IndexEntry {
    /// The index line of a record whose page is at `href`.
    pub fn new(href: impl Into<String>, record: &DocumentRecord) -> Self {
        let mut by_mentions: Vec<&EntityRecord> = record.entities.iter().collect();
        // Stable sort: entities with as many mentions stay in order of first mention.
        by_mentions.sort_by_key(|e| std::cmp::Reverse(e.mentions.len()));
        IndexEntry {
            href: href.into(),
            source: record.source.clone(),
            published: record.published.clone(),
            counts: (record.entities.len(), record.dates.len(), record.events.len()),
            actors: by_mentions.iter().take(5).map(|e| e.name.clone()).collect(),
        }
    }
}

/// Draws the index page: one row per article, linking to its page.
pub fn render_index(entries: &[IndexEntry]) -> String {
    let mut html = String::with_capacity(CSS.len() + 512 + entries.len() * 256);
    let title = format!("{} articles", entries.len());
    head(&mut html, &title, None);
    html.push_str("<body>\n<header>\n");
    let _ = writeln!(html, "<h1>{}</h1>", escape(&title));
    html.push_str(
        "<p class=\"meta\">Each article's page shows its text with the entities, dates and events gazette found.</p>\n",
    );
    html.push_str("</header>\n<main>\n<section>\n<div class=\"table-wrap\">\n<table>\n");
    html.push_str("<thead><tr><th scope=\"col\">article</th><th scope=\"col\">published</th><th scope=\"col\">entities</th><th scope=\"col\">dates</th><th scope=\"col\">events</th><th scope=\"col\">most mentioned</th></tr></thead>\n<tbody>\n");
    for entry in entries {
        let (entities, dates, events) = entry.counts;
        let _ = writeln!(
            html,
            "<tr><td><a href=\"{}\">{}</a></td><td>{}</td><td>{entities}</td><td>{dates}</td><td>{events}</td><td>{}</td></tr>",
            escape(&entry.href),
            escape(&entry.source),
            escape(entry.published.as_deref().unwrap_or("unknown")),
            escape(&entry.actors.join(", ")),
        );
    }
    html.push_str("</tbody>\n</table>\n</div>\n</section>\n</main>\n");
    let _ = writeln!(
        html,
        "<footer>Drawn by gazette {}.</footer>\n</body>\n</html>",
        env!("CARGO_PKG_VERSION")
    );
    html
}

/// A folder of pages: `index.html` and one page per article, named after the article's file.
///
/// Pages are written as they are added; the index when [`Site::finish`] is called.
#[derive(Debug)]
pub struct Site {
    dir: PathBuf,
    taken: HashSet<String>,
    entries: Vec<IndexEntry>,
}

impl Site {
    /// Creates the folder (and its parents) if needed.
    pub fn create(dir: &Path) -> Result<Self, HtmlError> {
        std::fs::create_dir_all(dir).map_err(|source| HtmlError::Io {
            path: dir.to_owned(),
            source,
        })?;
        Ok(Site {
            dir: dir.to_owned(),
            // The index's own name is never given to an article.
            taken: HashSet::from(["index".to_owned()]),
            entries: Vec::new(),
        })
    }

    /// Draws and writes one article's page; returns its path.
    pub fn add(&mut self, text: &str, record: &DocumentRecord) -> Result<PathBuf, HtmlError> {
        let options = PageOptions {
            index_href: Some("index.html".to_owned()),
        };
        let page = render_page(text, record, &options)?;
        let name = unique_name(&mut self.taken, &page_stem(&record.source));
        let file = format!("{name}.html");
        let path = self.dir.join(&file);
        write_file(&path, &page)?;
        self.entries.push(IndexEntry::new(file, record));
        Ok(path)
    }

    /// Writes `index.html`, listing the pages in the order they were added; returns its path.
    pub fn finish(self) -> Result<PathBuf, HtmlError> {
        let path = self.dir.join("index.html");
        write_file(&path, &render_index(&self.entries))?;
        Ok(path)
    }
}

fn write_file(path: &Path, contents: &str) -> Result<(), HtmlError> {
    std::fs::write(path, contents).map_err(|source| HtmlError::Io {
        path: path.to_owned(),
        source,
    })
}

/// A file-name stem from a source name: its last path component, without a plain extension,
/// reduced to ASCII letters, digits, `_` and `-`, so that no source name can escape the folder
/// or need quoting in a link.
fn page_stem(source: &str) -> String {
    let last = source.rsplit(['/', '\\']).next().unwrap_or(source);
    let base = match last.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() && ext.chars().all(|c| c.is_ascii_alphanumeric()) => stem,
        _ => last,
    };
    let mut stem = String::new();
    for c in base.chars() {
        if c.is_ascii_alphanumeric() || c == '_' || c == '-' {
            stem.push(c);
        } else if !stem.ends_with('-') {
            stem.push('-');
        }
    }
    let stem: String = stem.trim_matches('-').chars().take(80).collect();
    if stem.is_empty() { "article".to_owned() } else { stem }
}

/// `stem`, or `stem-2`, `stem-3`, ... the first one not yet taken (compared case-insensitively,
/// for file systems that ignore case).
fn unique_name(taken: &mut HashSet<String>, stem: &str) -> String {
    let mut name = stem.to_owned();
    let mut n = 1;
    while taken.contains(&name.to_ascii_lowercase()) {
        n += 1;
        name = format!("{stem}-{n}");
    }
    taken.insert(name.to_ascii_lowercase());
    name
}

/// Escapes text for element content and double- or single-quoted attribute values alike.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// `<!DOCTYPE>` to `</head>`. With a script hash, the policy allows that one script; without,
/// none at all.
fn head(html: &mut String, title: &str, script_hash: Option<&str>) {
    let script_src = match script_hash {
        Some(hash) => format!("'sha256-{hash}'"),
        None => "'none'".to_owned(),
    };
    let _ = write!(
        html,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; \
         script-src {script_src}; base-uri 'none'; form-action 'none'\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"color-scheme\" content=\"light dark\">\n\
         <meta name=\"referrer\" content=\"no-referrer\">\n\
         <title>{} · gazette</title>\n<style>\n{CSS}</style>\n</head>\n",
        escape(title)
    );
}

fn summary_line(record: &DocumentRecord) -> String {
    let published = match (&record.published, record.published_from) {
        (Some(date), Some(from)) => {
            let from = match from {
                crate::wire::PublishedFrom::Dateline => "the dateline",
                crate::wire::PublishedFrom::Option => "--published",
                crate::wire::PublishedFrom::Input => "the input",
            };
            format!("published {date} (from {from})")
        }
        (Some(date), None) => format!("published {date}"),
        (None, _) => "publication date unknown".to_owned(),
    };
    let plural = |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    format!(
        "{published} · {} · {} · {} · {}",
        plural(record.sentences.len(), "sentence", "sentences"),
        plural(record.entities.len(), "entity", "entities"),
        plural(record.dates.len(), "date", "dates"),
        plural(record.events.len(), "event", "events"),
    )
}

fn legend(html: &mut String, record: &DocumentRecord) {
    html.push_str("<ul class=\"legend\" aria-label=\"highlight colours\">");
    for kind in ENTITY_TYPES {
        let count: usize = record
            .entities
            .iter()
            .filter(|e| e.kind == kind)
            .map(|e| e.mentions.len())
            .sum();
        let _ = write!(html, "<li><span class=\"key {kind}\"></span>{kind} ({count})</li>");
    }
    let _ = writeln!(
        html,
        "<li><span class=\"key date\"></span>date ({})</li><li><span class=\"key trigger\"></span>event trigger ({})</li></ul>",
        record.dates.len(),
        record.events.len()
    );
}

fn entity_class(kind: &str) -> &str {
    ENTITY_TYPES.iter().find(|&&k| k == kind).copied().unwrap_or("other")
}

/// Byte ranges from the record's offsets, checked against the text.
struct Spans<'a> {
    text: &'a str,
    source: &'a str,
    /// For code-point offsets, the byte offset of every code point and of the end.
    char_bytes: Option<Vec<usize>>,
}

impl<'a> Spans<'a> {
    fn new(text: &'a str, record: &'a DocumentRecord) -> Self {
        let char_bytes = (record.offsets == OffsetUnit::Chars && !text.is_ascii()).then(|| {
            text.char_indices()
                .map(|(byte, _)| byte)
                .chain(std::iter::once(text.len()))
                .collect()
        });
        Spans {
            text,
            source: &record.source,
            char_bytes,
        }
    }

    fn error(&self, message: String) -> HtmlError {
        HtmlError::Span {
            source_name: self.source.to_owned(),
            message,
        }
    }

    /// The byte range of `start..end`, or an error naming `what`.
    fn bytes(&self, what: &str, start: usize, end: usize) -> Result<(usize, usize), HtmlError> {
        let convert = |offset: usize| match &self.char_bytes {
            Some(table) => table.get(offset).copied(),
            None => (offset <= self.text.len() && self.text.is_char_boundary(offset)).then_some(offset),
        };
        match (convert(start), convert(end)) {
            (Some(s), Some(e)) if s <= e => Ok((s, e)),
            _ => Err(self.error(format!(
                "{what} at {start}..{end} does not fit the text ({} bytes, {} code points)",
                self.text.len(),
                self.text.chars().count()
            ))),
        }
    }

    /// Like [`Spans::bytes`], and the text there must read `expected`: the check that the
    /// highlight covers exactly the words the record names.
    fn exact(&self, what: &str, start: usize, end: usize, expected: &str) -> Result<(usize, usize), HtmlError> {
        let (s, e) = self.bytes(what, start, end)?;
        let found = &self.text[s..e];
        if found != expected {
            return Err(self.error(format!(
                "{what} at {start}..{end} reads {found:?} in the text, but the record says {expected:?}"
            )));
        }
        Ok((s, e))
    }
}

/// One span to draw as an element: its byte range, its nesting rank (lower is outer for the same
/// range), the opening tag of its first piece, the opening tag of any continuation piece, and
/// its closing tag.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Mark {
    start: usize,
    end: usize,
    rank: u8,
    open: String,
    reopen: String,
    close: &'static str,
}

const RANK_SENTENCE: u8 = 0;
const RANK_MENTION: u8 = 1;
const RANK_DATE: u8 = 2;
const RANK_TRIGGER: u8 = 3;

fn collect_marks(spans: &Spans, record: &DocumentRecord) -> Result<Vec<Mark>, HtmlError> {
    let mut marks = Vec::new();
    for (i, sentence) in record.sentences.iter().enumerate() {
        let (start, end) = spans.bytes(&format!("sentence {i}"), sentence.start, sentence.end)?;
        marks.push(Mark {
            start,
            end,
            rank: RANK_SENTENCE,
            open: format!("<span class=\"s\" id=\"s{i}\" data-s=\"{i}\">"),
            reopen: format!("<span class=\"s\" data-s=\"{i}\">"),
            close: "</span>",
        });
    }
    for entity in &record.entities {
        let class = entity_class(&entity.kind);
        for mention in &entity.mentions {
            let what = format!("a mention of {} ({})", entity.id, entity.name);
            let (start, end) = spans.exact(&what, mention.start, mention.end, &mention.text)?;
            let tip = escape(&mention_tip(entity, &mention.text, &mention.form));
            let id = escape(&entity.id);
            marks.push(Mark {
                start,
                end,
                rank: RANK_MENTION,
                open: format!(
                    "<mark class=\"m {class}\" tabindex=\"0\" data-e=\"{id}\" title=\"{tip}\" data-tip=\"{tip}\">"
                ),
                reopen: format!("<mark class=\"m {class} cont\" data-e=\"{id}\" title=\"{tip}\">"),
                close: "</mark>",
            });
        }
    }
    for date in &record.dates {
        let (start, end) = spans.exact("a date", date.start, date.end, &date.text)?;
        let mut tip = format!("date: {}", date.value.as_deref().unwrap_or("unknown"));
        if let Some(end_value) = &date.end_value {
            let _ = write!(tip, " to {end_value}");
        }
        if date.relative {
            tip.push_str("\nresolved against the publication date");
        }
        let _ = write!(tip, "\nrule: {}", date.rule);
        let tip = escape(&tip);
        marks.push(Mark {
            start,
            end,
            rank: RANK_DATE,
            open: format!("<mark class=\"m date\" tabindex=\"0\" title=\"{tip}\" data-tip=\"{tip}\">"),
            reopen: format!("<mark class=\"m date cont\" title=\"{tip}\">"),
            close: "</mark>",
        });
    }
    // Events that share a trigger (both directions of "met with") share one highlight.
    let mut triggers: BTreeMap<(usize, usize), Vec<&EventRecord>> = BTreeMap::new();
    for event in &record.events {
        let what = format!("the trigger of event {}", event.id);
        let range = spans.exact(&what, event.trigger.start, event.trigger.end, &event.trigger.text)?;
        triggers.entry(range).or_default().push(event);
    }
    for ((start, end), events) in triggers {
        let ids: Vec<&str> = events.iter().map(|e| e.id.as_str()).collect();
        let tip: Vec<String> = events.iter().map(|e| event_tip(record, e)).collect();
        let tip = escape(&tip.join("\n"));
        let ids = escape(&ids.join(" "));
        marks.push(Mark {
            start,
            end,
            rank: RANK_TRIGGER,
            open: format!(
                "<mark class=\"m trigger\" tabindex=\"0\" data-ev=\"{ids}\" title=\"{tip}\" data-tip=\"{tip}\">"
            ),
            reopen: format!("<mark class=\"m trigger cont\" data-ev=\"{ids}\" title=\"{tip}\">"),
            close: "</mark>",
        });
    }
    Ok(marks)
}

fn mention_tip(entity: &EntityRecord, written: &str, form: &str) -> String {
    let mut tip = format!("{} ({}, {})", entity.name, entity.kind, entity.id);
    if let Some(code) = &entity.code {
        let _ = write!(tip, "\ncode: {code}");
    }
    if let Some(role) = &entity.role {
        let _ = write!(tip, "\nrole: {role}");
    }
    match (entity.origin.as_str(), &entity.evidence, &entity.entry) {
        ("inferred", evidence, entry) => {
            let _ = write!(
                tip,
                "\norigin: inferred by rule {}",
                evidence.as_deref().unwrap_or("unknown")
            );
            if let Some(entry) = entry {
                let _ = write!(tip, " (with {entry})");
            }
        }
        (origin, _, Some(entry)) => {
            let _ = write!(tip, "\norigin: {origin}, {entry}");
        }
        (origin, _, None) => {
            let _ = write!(tip, "\norigin: {origin}");
        }
    }
    let _ = write!(tip, "\nwritten as “{written}” ({form})");
    tip
}

fn entity_name<'r>(record: &'r DocumentRecord, id: &'r str) -> &'r str {
    record
        .entities
        .iter()
        .find(|e| e.id == id)
        .map_or(id, |e| e.name.as_str())
}

fn event_tip(record: &DocumentRecord, event: &EventRecord) -> String {
    let target = event.target.as_deref().map_or("—", |t| entity_name(record, t));
    let mut tip = format!(
        "{}: {} → {}, CAMEO {} {}",
        event.id,
        entity_name(record, &event.source),
        target,
        event.cameo,
        event.cameo_name.as_deref().unwrap_or("")
    );
    if event.negated {
        tip.push_str(" (negated)");
    }
    tip
}

/// Renders `text` with the marks as nested elements, escaping the text between tags.
///
/// Marks are opened in order of start, the longer first, then by rank. When a mark ends while
/// marks opened after it are still open (they cross its end), those are closed with it and
/// reopened right after as continuation pieces, so the markup always nests.
fn nest(text: &str, mut marks: Vec<Mark>) -> String {
    marks.retain(|m| m.start < m.end);
    marks.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)).then(a.rank.cmp(&b.rank)));
    let mut stops: Vec<usize> = marks.iter().flat_map(|m| [m.start, m.end]).collect();
    stops.push(text.len());
    stops.sort_unstable();
    stops.dedup();

    let mut html = String::with_capacity(text.len() * 3);
    let mut open: Vec<usize> = Vec::new();
    let mut next = 0;
    let mut at = 0;
    for stop in stops {
        html.push_str(&escape(&text[at..stop]));
        at = stop;
        // The outermost open mark that ends here, and everything opened inside it.
        if let Some(first) = open.iter().position(|&m| marks[m].end <= stop) {
            let closing: Vec<usize> = open.drain(first..).collect();
            for &m in closing.iter().rev() {
                html.push_str(marks[m].close);
            }
            for m in closing {
                if marks[m].end > stop {
                    html.push_str(&marks[m].reopen);
                    open.push(m);
                }
            }
        }
        while next < marks.len() && marks[next].start == stop {
            html.push_str(&marks[next].open);
            open.push(next);
            next += 1;
        }
    }
    html
}

fn quad_class(event: &EventRecord) -> String {
    format!("q{}", event.quad_class.filter(|q| (1..=4).contains(q)).unwrap_or(0))
}

fn events_table(html: &mut String, record: &DocumentRecord) {
    html.push_str("<section class=\"events\" aria-labelledby=\"h-events\">\n<h2 id=\"h-events\">Events</h2>\n");
    if record.events.is_empty() {
        html.push_str("<p class=\"empty\">No events were coded in this article.</p>\n</section>\n");
        return;
    }
    html.push_str("<p class=\"hint\">Select a row (click, or Tab to its id and press Enter) to mark its sentence in the text.</p>\n");
    html.push_str("<div class=\"table-wrap\">\n<table>\n<thead><tr><th scope=\"col\">id</th><th scope=\"col\">source → target</th><th scope=\"col\">CAMEO · PLOVER</th><th scope=\"col\">date</th><th scope=\"col\">trigger</th></tr></thead>\n<tbody>\n");
    for event in &record.events {
        let target = event.target.as_deref().map_or("—", |t| entity_name(record, t));
        let mut notes = Vec::new();
        if event.negated {
            notes.push("negated".to_owned());
        }
        if let Some(modality) = &event.modality {
            notes.push(modality.clone());
        }
        if let Some(reporter) = &event.reported_by {
            notes.push(format!("reported by {}", entity_name(record, reporter)));
        }
        if event.zone != "body" {
            notes.push(event.zone.clone());
        }
        let notes: String = notes
            .iter()
            .map(|n| format!(" <span class=\"note\">{}</span>", escape(n)))
            .collect();
        let _ = writeln!(
            html,
            "<tr class=\"{q}\" data-ev=\"{id}\" data-s=\"{s}\"><td><a href=\"#s{s}\">{id}</a></td><td>{source} → {target}</td>\
             <td><span class=\"code\">{cameo}</span> {cameo_name}<br><span class=\"code\">{plover}</span></td><td>{date}</td>\
             <td title=\"{rule}\">“{trigger}”{notes}</td></tr>",
            q = quad_class(event),
            id = escape(&event.id),
            s = event.sentence,
            source = escape(entity_name(record, &event.source)),
            target = escape(target),
            cameo = escape(&event.cameo),
            cameo_name = escape(event.cameo_name.as_deref().unwrap_or("")),
            plover = escape(event.plover.as_deref().unwrap_or("—")),
            date = escape(event.date.as_deref().unwrap_or("—")),
            rule = escape(&event.rule),
            trigger = escape(&event.trigger.text),
        );
    }
    html.push_str("</tbody>\n</table>\n</div>\n</section>\n");
}

/// The names of the quad classes, for the graph's legend.
const QUAD_NAMES: [(&str, &str); 5] = [
    ("q1", "verbal cooperation"),
    ("q2", "material cooperation"),
    ("q3", "verbal conflict"),
    ("q4", "material conflict"),
    ("q0", "no class"),
];

/// One arrow of the actor graph: source node, target node and quad class.
type ArrowKey = (usize, usize, String);

/// The actors of the coded events on a circle (in order of first mention, from the top,
/// clockwise), with one arrow per source, target and quad class.
fn actor_graph(html: &mut String, record: &DocumentRecord) {
    html.push_str("<section class=\"graph\" aria-labelledby=\"h-graph\">\n<h2 id=\"h-graph\">Actors</h2>\n");
    let in_events: HashSet<&str> = record
        .events
        .iter()
        .flat_map(|e| std::iter::once(e.source.as_str()).chain(e.target.as_deref()))
        .collect();
    let nodes: Vec<&EntityRecord> = record
        .entities
        .iter()
        .filter(|e| in_events.contains(e.id.as_str()))
        .collect();
    if nodes.is_empty() {
        html.push_str("<p class=\"empty\">No events, so no actors to draw.</p>\n</section>\n");
        return;
    }
    const WIDTH: f64 = 640.0;
    const HEIGHT: f64 = 400.0;
    const NODE: f64 = 11.0;
    let (cx, cy) = (WIDTH / 2.0, HEIGHT / 2.0);
    let radius = if nodes.len() == 1 { 0.0 } else { 140.0 };
    let position = |i: usize| {
        let angle = std::f64::consts::TAU * i as f64 / nodes.len() as f64 - std::f64::consts::FRAC_PI_2;
        (cx + radius * angle.cos(), cy + radius * angle.sin(), angle)
    };
    let index_of = |id: &str| nodes.iter().position(|n| n.id == id);

    let _ = writeln!(
        html,
        "<svg viewBox=\"0 0 {WIDTH} {HEIGHT}\" role=\"img\" aria-label=\"actor graph: {} actors, {} events\">",
        nodes.len(),
        record.events.len()
    );
    html.push_str("<defs>");
    for (class, _) in QUAD_NAMES {
        let _ = write!(
            html,
            "<marker id=\"arrow-{class}\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\"><path class=\"{class}\" d=\"M0,0 L10,5 L0,10 z\"/></marker>"
        );
    }
    html.push_str("</defs>\n");

    // Events grouped by (source, target, quad class), in order of first event.
    let mut groups: Vec<(ArrowKey, Vec<&EventRecord>)> = Vec::new();
    for event in &record.events {
        let (Some(source), Some(target)) = (index_of(&event.source), event.target.as_deref().and_then(index_of)) else {
            continue;
        };
        let key = (source, target, quad_class(event));
        match groups.iter_mut().find(|(k, _)| *k == key) {
            Some((_, events)) => events.push(event),
            None => groups.push((key, vec![event])),
        }
    }
    let mut per_pair: BTreeMap<(usize, usize), usize> = BTreeMap::new();
    for ((source, target, class), events) in &groups {
        let target = *target;
        let title: Vec<String> = events
            .iter()
            .map(|e| format!("{} {} ({})", e.cameo, e.cameo_name.as_deref().unwrap_or(""), e.id))
            .collect();
        let title = format!("{} → {}: {}", nodes[*source].name, nodes[target].name, title.join("; "));
        let width = 1.5 + 0.75 * (events.len().min(4) as f64);
        // Arrows between the same two actors bend further apart, each on its own side, so
        // A → B and B → A never lie on top of each other.
        let nth = per_pair.entry((*source, target)).or_insert(0);
        let bend = 28.0 + 22.0 * *nth as f64;
        *nth += 1;
        let (x1, y1, a1) = position(*source);
        let (x2, y2, _) = position(target);
        let _ = write!(html, "<g><title>{}</title>", escape(&title));
        if *source == target {
            // An actor acting on itself: a small loop outside its node.
            let (ox, oy) = (x1 + (NODE + 9.0) * a1.cos(), y1 + (NODE + 9.0) * a1.sin());
            let _ = write!(
                html,
                "<circle class=\"edge {class}\" cx=\"{ox:.1}\" cy=\"{oy:.1}\" r=\"9\" stroke-width=\"{width:.1}\"/>"
            );
        } else {
            let (dx, dy) = (x2 - x1, y2 - y1);
            let length = (dx * dx + dy * dy).sqrt().max(1.0);
            let (nx, ny) = (-dy / length, dx / length);
            let (qx, qy) = ((x1 + x2) / 2.0 + nx * bend, (y1 + y2) / 2.0 + ny * bend);
            let toward = |x: f64, y: f64, gap: f64| {
                let (ux, uy) = (qx - x, qy - y);
                let l = (ux * ux + uy * uy).sqrt().max(1.0);
                (x + ux / l * gap, y + uy / l * gap)
            };
            let (sx, sy) = toward(x1, y1, NODE + 2.0);
            let (ex, ey) = toward(x2, y2, NODE + 3.0);
            let _ = write!(
                html,
                "<path class=\"edge {class}\" d=\"M{sx:.1},{sy:.1} Q{qx:.1},{qy:.1} {ex:.1},{ey:.1}\" stroke-width=\"{width:.1}\" marker-end=\"url(#arrow-{class})\"/>"
            );
        }
        html.push_str("</g>\n");
    }
    for (i, node) in nodes.iter().enumerate() {
        let (x, y, angle) = position(i);
        let (lx, ly) = if nodes.len() == 1 {
            (x, y + NODE + 18.0)
        } else {
            (x + (NODE + 8.0) * angle.cos(), y + (NODE + 8.0) * angle.sin() + 4.0)
        };
        let anchor = match angle.cos() {
            c if nodes.len() > 1 && c > 0.3 => "start",
            c if nodes.len() > 1 && c < -0.3 => "end",
            _ => "middle",
        };
        let ly = if anchor == "middle" && angle.sin() > 0.0 && nodes.len() > 1 {
            ly + 8.0
        } else if anchor == "middle" && nodes.len() > 1 {
            ly - 4.0
        } else {
            ly
        };
        let label: String = if node.name.chars().count() > 20 {
            node.name.chars().take(19).chain(std::iter::once('…')).collect()
        } else {
            node.name.clone()
        };
        let title = format!(
            "{} ({}, {}){}",
            node.name,
            node.kind,
            node.id,
            node.code.as_deref().map(|c| format!(", {c}")).unwrap_or_default()
        );
        let _ = writeln!(
            html,
            "<g class=\"node {}\"><title>{}</title><circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"{NODE}\"/><text x=\"{lx:.1}\" y=\"{ly:.1}\" text-anchor=\"{anchor}\">{}</text></g>",
            entity_class(&node.kind),
            escape(&title),
            escape(&label)
        );
    }
    html.push_str("</svg>\n<ul class=\"legend\" aria-label=\"arrow colours\">");
    for (class, name) in QUAD_NAMES {
        let _ = write!(html, "<li><span class=\"key {class}\"></span>{name}</li>");
    }
    html.push_str("</ul>\n</section>\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wire::{DateRecord, MentionRecord, SpanRecord, TextSpanRecord};

    fn mark(start: usize, end: usize, rank: u8, name: &str) -> Mark {
        Mark {
            start,
            end,
            rank,
            open: format!("<{name}>"),
            reopen: format!("<{name}+>"),
            close: if name.starts_with('s') { "</s>" } else { "</m>" },
        }
    }

    fn record(text: &str) -> DocumentRecord {
        DocumentRecord {
            schema: crate::wire::SCHEMA.to_owned(),
            source: "test.txt".to_owned(),
            offsets: OffsetUnit::Chars,
            published: None,
            published_from: None,
            story: None,
            duplicate_of: None,
            sentences: vec![SpanRecord {
                start: 0,
                end: text.chars().count(),
            }],
            entities: Vec::new(),
            dates: Vec::new(),
            events: Vec::new(),
        }
    }

    fn entity(id: &str, kind: &str, name: &str, mentions: Vec<MentionRecord>) -> EntityRecord {
        EntityRecord {
            id: id.to_owned(),
            kind: kind.to_owned(),
            name: name.to_owned(),
            country: None,
            sector: None,
            code: Some("XYZ".to_owned()),
            role: None,
            origin: "gazetteer".to_owned(),
            evidence: None,
            entry: Some("gazetteers/test.tsv:3".to_owned()),
            mentions,
        }
    }

    fn mention(text: &str, start: usize, end: usize) -> MentionRecord {
        MentionRecord {
            text: text.to_owned(),
            start,
            end,
            sentence: 0,
            form: "name".to_owned(),
        }
    }

    #[test]
    fn escape_covers_text_and_both_attribute_quotes() {
        assert_eq!(
            escape(r#"<script>alert("x")</script> & 'q'"#),
            "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;"
        );
        // Already-escaped input is escaped again: the page shows what the article says.
        assert_eq!(escape("R&amp;D"), "R&amp;amp;D");
    }

    #[test]
    fn nested_marks_open_outer_first_and_close_inner_first() {
        // "the 2024 summit": a mention (0..15) holding a date (4..8).
        let html = nest(
            "the 2024 summit",
            vec![mark(4, 8, RANK_DATE, "d"), mark(0, 15, RANK_MENTION, "m")],
        );
        assert_eq!(html, "<m>the <d>2024</m> summit</m>");
    }

    #[test]
    fn the_same_range_nests_by_rank() {
        let html = nest(
            "Iran",
            vec![mark(0, 4, RANK_TRIGGER, "t"), mark(0, 4, RANK_MENTION, "m")],
        );
        assert_eq!(html, "<m><t>Iran</m></m>");
    }

    #[test]
    fn a_crossing_span_is_split_at_the_end_of_the_one_it_crosses() {
        // Sentence 0..5, and a mention 3..8 that runs past it: the mention is closed with the
        // sentence and reopened as a continuation piece.
        let html = nest(
            "abcdefgh",
            vec![mark(0, 5, RANK_SENTENCE, "s"), mark(3, 8, RANK_MENTION, "m")],
        );
        assert_eq!(html, "<s>abc<m>de</m></s><m+>fgh</m>");
    }

    #[test]
    fn text_between_marks_is_escaped_and_nothing_is_lost() {
        let text = "a<b>\"c\"&d";
        let html = nest(text, vec![mark(1, 4, RANK_MENTION, "m")]);
        assert_eq!(html, "a<m>&lt;b&gt;</m>&quot;c&quot;&amp;d");
    }

    #[test]
    fn hostile_text_and_names_come_out_inert() {
        let text = "<script>x()</script> \"><img src=x onerror=y()> met Iran.";
        let mut record = record(text);
        let start = text.find("Iran").unwrap();
        let mut iran = entity(
            "e1",
            "state",
            "Iran\"><script>",
            vec![mention("Iran", start, start + 4)],
        );
        iran.role = Some("<b>role</b>".to_owned());
        record.entities.push(iran);
        record.source = "<img src=x onerror=z()>.txt".to_owned();
        let page = render_page(text, &record, &PageOptions::default()).unwrap();
        // The only tags are the page's own: one script element, no img element.
        assert_eq!(page.matches("<script").count(), 1, "{page}");
        assert!(!page.contains("<img"), "{page}");
        assert!(page.contains("&lt;script&gt;x()&lt;/script&gt;"));
        assert!(page.contains("&quot;&gt;&lt;img src=x onerror=y()&gt;"));
        assert!(page.contains("Iran&quot;&gt;&lt;script&gt;"));
        assert!(page.contains("&lt;b&gt;role&lt;/b&gt;"));
    }

    #[test]
    fn code_point_offsets_highlight_exactly_with_curly_quotes_and_diacritics() {
        let text = "“Olta Xhaçka’s” visit: 12 Sept. in Tiranë";
        let chars: Vec<char> = text.chars().collect();
        let find = |needle: &str| {
            let byte = text.find(needle).unwrap();
            let start = text[..byte].chars().count();
            (start, start + needle.chars().count())
        };
        let mut record = record(text);
        let (s, e) = find("Olta Xhaçka");
        let (ts, te) = find("Tiranë");
        record.entities.push(entity(
            "e1",
            "person",
            "Olta Xhaçka",
            vec![mention("Olta Xhaçka", s, e)],
        ));
        record
            .entities
            .push(entity("e2", "place", "Tiranë", vec![mention("Tiranë", ts, te)]));
        let (ds, de) = find("12 Sept.");
        record.dates.push(DateRecord {
            text: chars[ds..de].iter().collect(),
            start: ds,
            end: de,
            sentence: 0,
            value: Some("2022-09-12".to_owned()),
            end_value: None,
            relative: false,
            rule: "day month".to_owned(),
        });
        let page = render_page(text, &record, &PageOptions::default()).unwrap();
        assert!(page.contains(">Olta Xhaçka</mark>’s”"), "{page}");
        assert!(page.contains(">12 Sept.</mark> in "), "{page}");
        assert!(page.contains(">Tiranë</mark>"), "{page}");
        assert!(page.contains("title=\"date: 2022-09-12"), "{page}");

        // The same spans in bytes give the same page.
        let mut bytes = record.clone();
        bytes.offsets = OffsetUnit::Bytes;
        let to_bytes = |c: usize| chars[..c].iter().map(|ch| ch.len_utf8()).sum::<usize>();
        bytes.sentences[0].end = text.len();
        for m in bytes.entities.iter_mut().flat_map(|e| e.mentions.iter_mut()) {
            (m.start, m.end) = (to_bytes(m.start), to_bytes(m.end));
        }
        for d in &mut bytes.dates {
            (d.start, d.end) = (to_bytes(d.start), to_bytes(d.end));
        }
        let byte_page = render_page(text, &bytes, &PageOptions::default()).unwrap();
        assert_eq!(byte_page.replace("bytes.</footer>", "code points.</footer>"), page);
    }

    #[test]
    fn a_record_that_does_not_fit_the_text_is_an_error_naming_the_span() {
        let text = "Albania and Iran";
        let mut record = record(text);
        record
            .entities
            .push(entity("e1", "state", "Iran", vec![mention("Iran", 11, 15)]));
        let err = render_page(text, &record, &PageOptions::default()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "test.txt: cannot draw the page: a mention of e1 (Iran) at 11..15 reads \" Ira\" in the text, \
             but the record says \"Iran\""
        );
        record.entities[0].mentions[0] = mention("Iran", 12, 40);
        let err = render_page(text, &record, &PageOptions::default()).unwrap_err();
        assert!(err.to_string().contains("at 12..40 does not fit the text"), "{err}");
        // A byte offset inside a character is caught too, rather than panicking on the slice.
        let mut bytes = self::record("é");
        bytes.offsets = OffsetUnit::Bytes;
        bytes.sentences[0] = SpanRecord { start: 0, end: 1 };
        assert!(render_page("é", &bytes, &PageOptions::default()).is_err());
    }

    #[test]
    fn events_sharing_a_trigger_share_one_highlight() {
        let text = "Iran met Oman.";
        let mut record = record(text);
        record
            .entities
            .push(entity("e1", "state", "Iran", vec![mention("Iran", 0, 4)]));
        record
            .entities
            .push(entity("e2", "state", "Oman", vec![mention("Oman", 9, 13)]));
        let event = |id: &str, source: &str, target: &str| EventRecord {
            id: id.to_owned(),
            source: source.to_owned(),
            target: Some(target.to_owned()),
            cameo: "040".to_owned(),
            cameo_name: Some("Consult".to_owned()),
            root: "04".to_owned(),
            plover: Some("CONSULT".to_owned()),
            goldstein: Some(1.0),
            quad_class: Some(1),
            trigger: TextSpanRecord {
                text: "met".to_owned(),
                start: 5,
                end: 8,
            },
            sentence: 0,
            date: None,
            location: None,
            negated: false,
            modality: None,
            reported_by: None,
            rule: "test".to_owned(),
            zone: "body".to_owned(),
            story: None,
            repeat_of: None,
        };
        record.events = vec![event("v1", "e1", "e2"), event("v2", "e2", "e1")];
        let page = render_page(text, &record, &PageOptions::default()).unwrap();
        assert_eq!(page.matches("<mark class=\"m trigger\"").count(), 1);
        assert!(page.contains("data-ev=\"v1 v2\""));
        assert_eq!(page.matches("<tr class=\"q1\"").count(), 2);
        // Both directions are drawn, bent to opposite sides.
        assert_eq!(page.matches("marker-end=\"url(#arrow-q1)\"").count(), 2);
    }

    #[test]
    fn page_names_stay_inside_the_folder_and_never_collide() {
        assert_eq!(page_stem("corpus/sub/albania-cuts-ties.txt"), "albania-cuts-ties");
        assert_eq!(page_stem("../../etc/passwd"), "passwd");
        assert_eq!(page_stem("docs.jsonl:12"), "docs-jsonl-12");
        assert_eq!(page_stem("-"), "article");
        assert_eq!(page_stem("C:\\news\\Éire.txt"), "ire");
        let mut taken = HashSet::from(["index".to_owned()]);
        let names: Vec<String> = ["a", "A", "a", "index"]
            .iter()
            .map(|s| unique_name(&mut taken, s))
            .collect();
        assert_eq!(names, ["a", "A-2", "a-3", "index-2"]);
    }
}
