//! Compact JSON for [`DocumentRecord`], written directly into a byte buffer.
//!
//! `serde_json` is the reference: [`DocumentRecord::write_json`] writes exactly the bytes that
//! `serde_json::to_vec` writes for the same record (the tests hold it to that on generated
//! records), only faster. Serde's generic path spends most of its time on structure, not
//! content: every field name goes through the string escaper and every punctuation mark is a
//! separate write. Here a field name and the punctuation around it are one constant, and a
//! string's bytes are copied in runs between the few characters that need escaping.
//!
//! Only the compact form used for JSON Lines output is written here; pretty output and reading
//! records back stay with serde.

use super::{DateRecord, DocumentRecord, EntityRecord, EventRecord, MentionRecord, OffsetUnit, PublishedFrom};
use serde_json::ser::{CompactFormatter, Formatter};

impl DocumentRecord {
    /// Appends the record as compact JSON (no line break), byte for byte as `serde_json`
    /// serialises it.
    pub fn write_json(&self, out: &mut Vec<u8>) {
        let mut json = Json(out);
        json.raw("{\"schema\":");
        json.string(&self.schema);
        json.raw(",\"source\":");
        json.string(&self.source);
        json.raw(match self.offsets {
            OffsetUnit::Chars => ",\"offsets\":\"chars\"",
            OffsetUnit::Bytes => ",\"offsets\":\"bytes\"",
        });
        json.raw(",\"published\":");
        json.optional_string(self.published.as_deref());
        json.raw(match self.published_from {
            None => ",\"published_from\":null",
            Some(PublishedFrom::Dateline) => ",\"published_from\":\"dateline\"",
            Some(PublishedFrom::Option) => ",\"published_from\":\"option\"",
            Some(PublishedFrom::Input) => ",\"published_from\":\"input\"",
        });
        if let Some(story) = &self.story {
            json.raw(",\"story\":");
            json.string(story);
        }
        if let Some(duplicate_of) = &self.duplicate_of {
            json.raw(",\"duplicate_of\":");
            json.optional_string(duplicate_of.as_deref());
        }
        json.raw(",\"sentences\":");
        json.array(&self.sentences, |json, span| {
            json.raw("{\"start\":");
            json.number(span.start);
            json.raw(",\"end\":");
            json.number(span.end);
            json.raw("}");
        });
        json.raw(",\"entities\":");
        json.array(&self.entities, Json::entity);
        json.raw(",\"dates\":");
        json.array(&self.dates, Json::date);
        json.raw(",\"events\":");
        json.array(&self.events, Json::event);
        json.raw("}");
    }
}

/// The output buffer, with one method per JSON shape.
struct Json<'a>(&'a mut Vec<u8>);

impl Json<'_> {
    fn raw(&mut self, text: &str) {
        self.0.extend_from_slice(text.as_bytes());
    }

    fn number(&mut self, value: usize) {
        self.raw(itoa::Buffer::new().format(value));
    }

    fn boolean(&mut self, value: bool) {
        self.raw(if value { "true" } else { "false" });
    }

    /// A string in quotes, escaped as `serde_json` escapes it: `"` and `\` with a backslash,
    /// the control characters with their short forms or `\u00XX`, everything else as is.
    fn string(&mut self, text: &str) {
        let bytes = text.as_bytes();
        self.0.reserve(bytes.len() + 2);
        self.0.push(b'"');
        // Most strings need no escape at all: eight bytes are tested at a time up to the first
        // chunk that may hold one, and only from there byte by byte.
        let clean = bytes
            .chunks_exact(8)
            .take_while(|chunk| !may_need_escape(u64::from_le_bytes((*chunk).try_into().expect("chunks of eight"))))
            .count()
            * 8;
        let mut copied = 0;
        for (at, &byte) in bytes.iter().enumerate().skip(clean) {
            let escape = ESCAPES[byte as usize];
            if escape == 0 {
                continue;
            }
            self.0.extend_from_slice(&bytes[copied..at]);
            copied = at + 1;
            if escape == b'u' {
                let hex = b"0123456789abcdef";
                self.0.extend_from_slice(b"\\u00");
                self.0.push(hex[usize::from(byte >> 4)]);
                self.0.push(hex[usize::from(byte & 0xF)]);
            } else {
                self.0.extend_from_slice(&[b'\\', escape]);
            }
        }
        self.0.extend_from_slice(&bytes[copied..]);
        self.0.push(b'"');
    }

    fn optional_string(&mut self, text: Option<&str>) {
        match text {
            Some(text) => self.string(text),
            None => self.raw("null"),
        }
    }

    fn optional_float(&mut self, value: Option<f64>) {
        match value {
            // As serde_json: a number that JSON cannot write is null.
            Some(value) if value.is_finite() => CompactFormatter
                .write_f64(&mut *self.0, value)
                .expect("writing to memory cannot fail"),
            _ => self.raw("null"),
        }
    }

    fn array<T>(&mut self, items: &[T], mut write: impl FnMut(&mut Self, &T)) {
        self.raw("[");
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                self.raw(",");
            }
            write(self, item);
        }
        self.raw("]");
    }

    fn entity(&mut self, entity: &EntityRecord) {
        self.raw("{\"id\":");
        self.string(&entity.id);
        self.raw(",\"type\":");
        self.string(&entity.kind);
        self.raw(",\"name\":");
        self.string(&entity.name);
        self.raw(",\"country\":");
        self.optional_string(entity.country.as_deref());
        self.raw(",\"sector\":");
        self.optional_string(entity.sector.as_deref());
        self.raw(",\"code\":");
        self.optional_string(entity.code.as_deref());
        self.raw(",\"role\":");
        self.optional_string(entity.role.as_deref());
        self.raw(",\"origin\":");
        self.string(&entity.origin);
        self.raw(",\"evidence\":");
        self.optional_string(entity.evidence.as_deref());
        self.raw(",\"entry\":");
        self.optional_string(entity.entry.as_deref());
        self.raw(",\"mentions\":");
        self.array(&entity.mentions, Json::mention);
        self.raw("}");
    }

    /// An object's opening and its first three fields, which mentions, dates and triggers
    /// share: `{"text":...,"start":...,"end":...` (the object is left open).
    fn open_text_span(&mut self, text: &str, start: usize, end: usize) {
        self.raw("{\"text\":");
        self.string(text);
        self.raw(",\"start\":");
        self.number(start);
        self.raw(",\"end\":");
        self.number(end);
    }

    fn mention(&mut self, mention: &MentionRecord) {
        self.open_text_span(&mention.text, mention.start, mention.end);
        self.raw(",\"sentence\":");
        self.number(mention.sentence);
        self.raw(",\"form\":");
        self.string(&mention.form);
        self.raw("}");
    }

    fn date(&mut self, date: &DateRecord) {
        self.open_text_span(&date.text, date.start, date.end);
        self.raw(",\"sentence\":");
        self.number(date.sentence);
        self.raw(",\"value\":");
        self.optional_string(date.value.as_deref());
        if let Some(end_value) = &date.end_value {
            self.raw(",\"end_value\":");
            self.string(end_value);
        }
        self.raw(",\"relative\":");
        self.boolean(date.relative);
        self.raw(",\"rule\":");
        self.string(&date.rule);
        self.raw("}");
    }

    fn event(&mut self, event: &EventRecord) {
        self.raw("{\"id\":");
        self.string(&event.id);
        self.raw(",\"source\":");
        self.string(&event.source);
        self.raw(",\"target\":");
        self.optional_string(event.target.as_deref());
        self.raw(",\"cameo\":");
        self.string(&event.cameo);
        self.raw(",\"cameo_name\":");
        self.optional_string(event.cameo_name.as_deref());
        self.raw(",\"root\":");
        self.string(&event.root);
        self.raw(",\"plover\":");
        self.optional_string(event.plover.as_deref());
        self.raw(",\"goldstein\":");
        self.optional_float(event.goldstein);
        self.raw(",\"quad_class\":");
        match event.quad_class {
            Some(class) => self.number(usize::from(class)),
            None => self.raw("null"),
        }
        self.raw(",\"trigger\":");
        self.open_text_span(&event.trigger.text, event.trigger.start, event.trigger.end);
        self.raw("},\"sentence\":");
        self.number(event.sentence);
        self.raw(",\"date\":");
        self.optional_string(event.date.as_deref());
        self.raw(",\"location\":");
        self.optional_string(event.location.as_deref());
        self.raw(",\"negated\":");
        self.boolean(event.negated);
        self.raw(",\"modality\":");
        self.optional_string(event.modality.as_deref());
        self.raw(",\"reported_by\":");
        self.optional_string(event.reported_by.as_deref());
        self.raw(",\"rule\":");
        self.string(&event.rule);
        self.raw(",\"zone\":");
        self.string(&event.zone);
        if let Some(story) = &event.story {
            self.raw(",\"story\":");
            self.string(story);
        }
        if let Some(repeat_of) = &event.repeat_of {
            self.raw(",\"repeat_of\":");
            self.optional_string(repeat_of.as_deref());
        }
        self.raw("}");
    }
}

/// Whether any of the eight bytes of `word` is a control character, `"` or `\`.
fn may_need_escape(word: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH_BITS: u64 = 0x8080_8080_8080_8080;
    // A byte below 0x20: subtracting 0x20 borrows into its high bit, which was clear. (The
    // borrow can also flag the byte above one that is flagged; both are then tested below.)
    let below_space = word.wrapping_sub(0x20 * ONES) & !word & HIGH_BITS;
    let has_zero_byte = |v: u64| v.wrapping_sub(ONES) & !v & HIGH_BITS != 0;
    below_space != 0
        || has_zero_byte(word ^ (u64::from(b'"') * ONES))
        || has_zero_byte(word ^ (u64::from(b'\\') * ONES))
}

/// For each byte, 0 when it is written as is, else the letter after the backslash of its
/// escape (`u` for the `\u00XX` form). Only ASCII bytes are escaped, so a multi-byte character
/// is never split.
const ESCAPES: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut byte = 0;
    while byte < 0x20 {
        table[byte] = b'u';
        byte += 1;
    }
    table[0x08] = b'b';
    table[0x09] = b't';
    table[0x0A] = b'n';
    table[0x0C] = b'f';
    table[0x0D] = b'r';
    table[b'"' as usize] = b'"';
    table[b'\\' as usize] = b'\\';
    table
};

#[cfg(test)]
mod tests {
    use super::super::{SpanRecord, TextSpanRecord};
    use super::*;
    use proptest::prelude::*;

    fn written(record: &DocumentRecord) -> String {
        let mut out = Vec::new();
        record.write_json(&mut out);
        String::from_utf8(out).expect("the writer keeps UTF-8 whole")
    }

    /// Strings that exercise the escaper: control characters, quotes, backslashes, DEL,
    /// multi-byte characters, and plain text between them.
    fn text() -> impl Strategy<Value = String> {
        prop::collection::vec(
            prop_oneof![
                4 => "[ -~]{0,6}",
                1 => prop::char::range('\u{0}', '\u{1F}').prop_map(String::from),
                1 => prop::sample::select(vec!["\"", "\\", "\u{7F}", "/", "é", "’", "🇺🇸", "\u{2028}"])
                    .prop_map(String::from),
                1 => any::<String>(),
            ],
            0..5,
        )
        .prop_map(|parts| parts.concat())
    }

    fn span() -> impl Strategy<Value = (usize, usize)> {
        (any::<usize>(), 0usize..100_000)
    }

    fn mention() -> impl Strategy<Value = MentionRecord> {
        (text(), span(), any::<usize>(), text()).prop_map(|(text, (start, end), sentence, form)| MentionRecord {
            text,
            start,
            end,
            sentence,
            form,
        })
    }

    fn entity() -> impl Strategy<Value = EntityRecord> {
        (
            (text(), text(), text(), proptest::option::of(text())),
            (
                proptest::option::of(text()),
                proptest::option::of(text()),
                proptest::option::of(text()),
            ),
            (text(), proptest::option::of(text()), proptest::option::of(text())),
            prop::collection::vec(mention(), 0..3),
        )
            .prop_map(
                |((id, kind, name, country), (sector, code, role), (origin, evidence, entry), mentions)| EntityRecord {
                    id,
                    kind,
                    name,
                    country,
                    sector,
                    code,
                    role,
                    origin,
                    evidence,
                    entry,
                    mentions,
                },
            )
    }

    fn date() -> impl Strategy<Value = DateRecord> {
        (
            text(),
            span(),
            any::<usize>(),
            proptest::option::of(text()),
            proptest::option::of(text()),
            any::<bool>(),
            text(),
        )
            .prop_map(
                |(text, (start, end), sentence, value, end_value, relative, rule)| DateRecord {
                    text,
                    start,
                    end,
                    sentence,
                    value,
                    end_value,
                    relative,
                    rule,
                },
            )
    }

    fn goldstein() -> impl Strategy<Value = Option<f64>> {
        proptest::option::of(prop_oneof![
            (-100i32..=100).prop_map(|tenths| f64::from(tenths) / 10.0),
            any::<f64>(),
            Just(f64::NAN),
            Just(f64::INFINITY),
            Just(-0.0),
        ])
    }

    fn event() -> impl Strategy<Value = EventRecord> {
        (
            (
                text(),
                text(),
                proptest::option::of(text()),
                text(),
                proptest::option::of(text()),
            ),
            (
                text(),
                proptest::option::of(text()),
                goldstein(),
                proptest::option::of(any::<u8>()),
            ),
            (
                text(),
                span(),
                any::<usize>(),
                proptest::option::of(text()),
                proptest::option::of(text()),
            ),
            (
                any::<bool>(),
                proptest::option::of(text()),
                proptest::option::of(text()),
                text(),
                text(),
            ),
            (
                proptest::option::of(text()),
                proptest::option::of(proptest::option::of(text())),
            ),
        )
            .prop_map(
                |(
                    (id, source, target, cameo, cameo_name),
                    (root, plover, goldstein, quad_class),
                    (trigger_text, (start, end), sentence, date, location),
                    (negated, modality, reported_by, rule, zone),
                    (story, repeat_of),
                )| EventRecord {
                    id,
                    source,
                    target,
                    cameo,
                    cameo_name,
                    root,
                    plover,
                    goldstein,
                    quad_class,
                    trigger: TextSpanRecord {
                        text: trigger_text,
                        start,
                        end,
                    },
                    sentence,
                    date,
                    location,
                    negated,
                    modality,
                    reported_by,
                    rule,
                    zone,
                    story,
                    repeat_of,
                },
            )
    }

    fn document() -> impl Strategy<Value = DocumentRecord> {
        let published_from = proptest::option::of(prop_oneof![
            Just(PublishedFrom::Dateline),
            Just(PublishedFrom::Option),
            Just(PublishedFrom::Input),
        ]);
        (
            (
                text(),
                text(),
                any::<bool>(),
                proptest::option::of(text()),
                published_from,
            ),
            (
                proptest::option::of(text()),
                proptest::option::of(proptest::option::of(text())),
            ),
            prop::collection::vec(span(), 0..3),
            prop::collection::vec(entity(), 0..3),
            prop::collection::vec(date(), 0..3),
            prop::collection::vec(event(), 0..3),
        )
            .prop_map(
                |(
                    (schema, source, bytes, published, published_from),
                    (story, duplicate_of),
                    sentences,
                    entities,
                    dates,
                    events,
                )| {
                    DocumentRecord {
                        schema,
                        source,
                        offsets: if bytes { OffsetUnit::Bytes } else { OffsetUnit::Chars },
                        published,
                        published_from,
                        story,
                        duplicate_of,
                        sentences: sentences
                            .into_iter()
                            .map(|(start, end)| SpanRecord { start, end })
                            .collect(),
                        entities,
                        dates,
                        events,
                    }
                },
            )
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(400))]

        /// Every field, optional or absent, every escape, every float: the same bytes as serde.
        #[test]
        fn writes_what_serde_json_writes(record in document()) {
            let expected = serde_json::to_string(&record).expect("a record serialises");
            prop_assert_eq!(written(&record), expected);
        }
    }

    /// The word-wide test never misses a byte that needs escaping, at any position, and passes
    /// words with none.
    #[test]
    fn word_test_flags_exactly_the_words_with_a_byte_to_escape() {
        for position in 0..8 {
            for byte in 0..=255u8 {
                let mut word = *b"abcdefgh";
                word[position] = byte;
                let flagged = may_need_escape(u64::from_le_bytes(word));
                assert_eq!(flagged, ESCAPES[usize::from(byte)] != 0, "byte {byte:#x} at {position}");
            }
        }
    }

    #[test]
    fn escapes_every_control_character_as_serde_json_does() {
        let every_ascii: String = (0u8..0x80).map(char::from).collect();
        let record = DocumentRecord {
            schema: every_ascii.clone(),
            source: format!("{every_ascii}é{every_ascii}"),
            offsets: OffsetUnit::Chars,
            published: None,
            published_from: None,
            story: None,
            duplicate_of: Some(None),
            sentences: Vec::new(),
            entities: Vec::new(),
            dates: Vec::new(),
            events: Vec::new(),
        };
        let json = written(&record);
        assert_eq!(json, serde_json::to_string(&record).unwrap());
        assert!(
            json.contains(r#"\u0000\u0001"#) && json.contains(r#"\b\t\n\u000b\f\r"#),
            "{json}"
        );
    }
}
