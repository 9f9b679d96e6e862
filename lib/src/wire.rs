//! The JSON output contract, `gazette/v1`: the only types that are serialised.
//!
//! These types are kept apart from the pipeline's internal ones so that refactoring the
//! pipeline never changes the output by accident. `docs/schema.md` documents every field and
//! `docs/gazette-v1.schema.json` is the machine-readable form. Adding an optional field keeps
//! the schema version; renaming or removing a field, or changing a meaning or unit, bumps it.
//!
//! Offsets: inside the pipeline every span is a UTF-8 byte range of the text as read. At this
//! edge they are converted, by default, to Unicode code points, so that Python's
//! `text[start:end]` (and spaCy, brat, displaCy) see the same span; `"offsets"` in each record
//! says which unit is used.

use serde::{Deserialize, Serialize};

mod json;

/// The schema identifier written into every record.
pub const SCHEMA: &str = "gazette/v1";

/// The unit of `start`/`end` offsets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum OffsetUnit {
    /// Unicode code points (Python `str` indices).
    #[default]
    Chars,
    /// UTF-8 bytes.
    Bytes,
}

/// One analysed document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentRecord {
    /// Always [`SCHEMA`].
    pub schema: String,
    /// Where the text came from: the path as given, or `-` for stdin.
    pub source: String,
    /// The unit of every `start` and `end` in this record.
    pub offsets: OffsetUnit,
    /// The publication date (`YYYY-MM-DD`), or null when unknown.
    pub published: Option<String>,
    /// Where `published` came from, or null when it is unknown.
    #[serde(default)]
    pub published_from: Option<PublishedFrom>,
    /// With `--dedup`: the id of the story this document belongs to (`s` and the input
    /// position, from 1, of the story's first document); absent without `--dedup`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub story: Option<String>,
    /// With `--dedup`: the `source` of the story's first document when this one is a copy of
    /// it, or null when this document is the first; absent without `--dedup`.
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "present")]
    pub duplicate_of: Option<Option<String>>,
    /// The sentences, in text order; mentions refer to them by index.
    pub sentences: Vec<SpanRecord>,
    /// People, states, organisations and places, ordered by first mention.
    pub entities: Vec<EntityRecord>,
    /// Date expressions, in text order.
    pub dates: Vec<DateRecord>,
    /// Coded events: who did what to whom, in text order.
    pub events: Vec<EventRecord>,
}

/// One coded event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EventRecord {
    /// `v1`, `v2`, ... in text order.
    pub id: String,
    /// The id of the entity that acted.
    pub source: String,
    /// The id of the entity acted on, or null for events without a target.
    pub target: Option<String>,
    /// The event code (CAMEO with the default lexicons).
    pub cameo: String,
    /// The code's name from the CAMEO code table, or null for codes it does not list.
    pub cameo_name: Option<String>,
    /// The code's two-digit root.
    pub root: String,
    /// PLOVER event type, or null.
    pub plover: Option<String>,
    /// Goldstein conflict-cooperation score, from -10 to 10, or null.
    pub goldstein: Option<f64>,
    /// Quad class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict,
    /// 4 material conflict; or null.
    pub quad_class: Option<u8>,
    /// The words that triggered the event.
    pub trigger: TextSpanRecord,
    /// Index into `sentences`.
    pub sentence: usize,
    /// The date in the same clause (its normalised value), else the publication date, else null.
    pub date: Option<String>,
    /// The id of a place named in the same sentence, or null.
    pub location: Option<String>,
    /// Whether the text denies the event ("did not meet", "denied attacking").
    pub negated: bool,
    /// `intent`, `future`, `possible`, `obligation` or `threat` when the clause says the event
    /// is not (yet) fact; null otherwise.
    pub modality: Option<String>,
    /// The id of the entity that reported the event ("X said that ..."), or null.
    pub reported_by: Option<String>,
    /// Why the event was coded: the lexicon row (file:line) and the grammar rule.
    pub rule: String,
    /// Where the sentence sits: `body`, `headline`, `caption` or `related`.
    pub zone: String,
    /// With `--dedup`: the document's story id; absent without `--dedup`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub story: Option<String>,
    /// With `--dedup`: in a copy, the id of the same event in the story's first document, or
    /// null when that document has no such event (or this is the first document); absent
    /// without `--dedup`.
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "present")]
    pub repeat_of: Option<Option<String>>,
}

/// Reads a field that may be null: present in the input (even as null) is `Some`, so that
/// `"duplicate_of": null` and a missing `duplicate_of` stay apart. (A missing field never gets
/// here: `#[serde(default)]` makes it `None`.)
fn present<'de, D, T>(deserializer: D) -> Result<Option<Option<T>>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de>,
{
    Option::<T>::deserialize(deserializer).map(Some)
}

/// The header row of `--format events-tsv`.
pub const EVENTS_TSV_HEADER: &str = "document\tsentence\tdate\tsource_code\tsource_name\ttarget_code\ttarget_name\tcameo\troot\tquad_class\tgoldstein\tplover\tnegated\tzone\ttrigger";

/// The events of a document as TSV rows (no header), one per event, each ending in a newline.
/// Tabs and line breaks inside values become spaces, so every row has the header's columns.
pub fn events_tsv(record: &DocumentRecord) -> String {
    let entity = |id: Option<&String>| id.and_then(|id| record.entities.iter().find(|e| &e.id == id));
    let clean = |value: &str| value.replace(['\t', '\n', '\r'], " ");
    let mut out = String::new();
    for event in &record.events {
        let source = entity(Some(&event.source));
        let target = entity(event.target.as_ref());
        let fields = [
            clean(&record.source),
            event.sentence.to_string(),
            event.date.clone().unwrap_or_default(),
            source.and_then(|e| e.code.clone()).unwrap_or_default(),
            source.map(|e| clean(&e.name)).unwrap_or_default(),
            target.and_then(|e| e.code.clone()).unwrap_or_default(),
            target.map(|e| clean(&e.name)).unwrap_or_default(),
            event.cameo.clone(),
            event.root.clone(),
            event.quad_class.map(|q| q.to_string()).unwrap_or_default(),
            event.goldstein.map(|g| g.to_string()).unwrap_or_default(),
            event.plover.clone().unwrap_or_default(),
            event.negated.to_string(),
            event.zone.clone(),
            clean(&event.trigger.text),
        ];
        out.push_str(&fields.join("\t"));
        out.push('\n');
    }
    out
}

/// A piece of text with its span.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TextSpanRecord {
    /// The text exactly as in the input.
    pub text: String,
    /// Offset of the first character.
    pub start: usize,
    /// Offset just past the last character.
    pub end: usize,
}

/// Where a document's publication date came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PublishedFrom {
    /// The article's dateline.
    Dateline,
    /// The `--published` option.
    Option,
    /// The `published` field of a JSON Lines input document.
    Input,
}

/// One date expression.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DateRecord {
    /// The expression exactly as it appears in the input.
    pub text: String,
    /// Offset of the first character.
    pub start: usize,
    /// Offset just past the last character.
    pub end: usize,
    /// Index into `sentences`.
    pub sentence: usize,
    /// The TimeML TIMEX3 value (`2022-09-13`, `2022-W36`, `PAST_REF`...), or null when it
    /// depends on a publication date that is unknown.
    pub value: Option<String>,
    /// For a range ("12-14 September"), the value of its end; absent otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_value: Option<String>,
    /// Whether the value was computed from the publication date.
    pub relative: bool,
    /// The rule that found it and the lexicon lines of its date words.
    pub rule: String,
}

/// A span of the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SpanRecord {
    /// Offset of the first character.
    pub start: usize,
    /// Offset just past the last character.
    pub end: usize,
}

/// One entity and all its mentions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EntityRecord {
    /// `e1`, `e2`, ... in order of first mention.
    pub id: String,
    /// `person`, `state`, `organisation` or `place`.
    #[serde(rename = "type")]
    pub kind: String,
    /// Canonical name.
    pub name: String,
    /// ISO 3166-1 alpha-3 code, or null (international organisations).
    pub country: Option<String>,
    /// CAMEO sector code, or null.
    pub sector: Option<String>,
    /// CAMEO actor code, or null.
    pub code: Option<String>,
    /// The role held on the publication date (or the latest role), or null.
    pub role: Option<String>,
    /// `gazetteer` (a gazetteer entry) or `inferred` (found by a rule).
    pub origin: String,
    /// For inferred entities, the rule that found them (`title`, `org-suffix`, ...); null for
    /// gazetteer entries.
    pub evidence: Option<String>,
    /// The gazetteer file and line that defined the entry, e.g. `gazetteers/states.tsv:12`.
    pub entry: Option<String>,
    /// Every mention, in text order.
    pub mentions: Vec<MentionRecord>,
}

/// One mention of an entity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MentionRecord {
    /// The text exactly as it appears in the input.
    pub text: String,
    /// Offset of the first character.
    pub start: usize,
    /// Offset just past the last character.
    pub end: usize,
    /// Index into `sentences`.
    pub sentence: usize,
    /// How it names the entity: `name`, `alias`, `demonym`, `capital`, `surname`, `acronym`
    /// or `reference` ("the minister").
    pub form: String,
}

/// Converts UTF-8 byte offsets of one text into the requested unit.
///
/// For code points it records a sparse checkpoint table from one pass over the text, so that
/// a conversion costs a binary search; ASCII text needs no table at all.
#[derive(Debug, Clone)]
pub struct OffsetConverter {
    unit: OffsetUnit,
    /// (byte offset, char offset) at each non-ASCII character, in order.
    checkpoints: Vec<(usize, usize)>,
}

impl OffsetConverter {
    /// Prepares conversions for `text`.
    pub fn new(text: &str, unit: OffsetUnit) -> Self {
        let mut checkpoints = Vec::new();
        if unit == OffsetUnit::Chars && !text.is_ascii() {
            let bytes = text.as_bytes();
            let mut extra = 0; // bytes beyond one per char seen so far
            let mut at = 0;
            // Only the non-ASCII characters matter, and in news text they are a few curly
            // quotes and accents: the ASCII between them is skipped, not decoded.
            loop {
                let start = at + crate::normalize::ascii_run_len(&bytes[at..]);
                if start == bytes.len() {
                    break;
                }
                let len = text[start..].chars().next().map_or(1, char::len_utf8);
                extra += len - 1;
                checkpoints.push((start + len, start + len - extra));
                at = start + len;
            }
        }
        OffsetConverter { unit, checkpoints }
    }

    /// The offset of byte `byte` (which must be on a char boundary) in the output unit.
    pub fn convert(&self, byte: usize) -> usize {
        if self.unit == OffsetUnit::Bytes || self.checkpoints.is_empty() {
            return byte;
        }
        let i = self.checkpoints.partition_point(|&(b, _)| b <= byte);
        match i.checked_sub(1) {
            Some(p) => {
                let (b, c) = self.checkpoints[p];
                c + (byte - b)
            }
            None => byte,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_bytes_to_code_points() {
        let text = "Xhaçka’s 🇺🇸 US é";
        let conv = OffsetConverter::new(text, OffsetUnit::Chars);
        for (byte, _) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
            assert_eq!(conv.convert(byte), text[..byte].chars().count(), "byte {byte}");
        }
        let bytes = OffsetConverter::new(text, OffsetUnit::Bytes);
        assert_eq!(bytes.convert(7), 7);
    }

    #[test]
    fn offset_unit_serialises_lowercase() {
        assert_eq!(serde_json::to_string(&OffsetUnit::Chars).unwrap(), "\"chars\"");
        assert_eq!(serde_json::to_string(&OffsetUnit::Bytes).unwrap(), "\"bytes\"");
    }
}
