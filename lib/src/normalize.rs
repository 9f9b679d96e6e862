//! The normalised view of a text, in which gazetteer names are matched.
//!
//! Normalisation folds what varies between sources but does not change meaning: curly quotes
//! and apostrophes become `'` and `"`, dashes become `-`, non-breaking and other wide spaces
//! become a plain space, and Latin letters lose their diacritics (`Xhaçka` → `Xhacka`, `ß` →
//! `ss`). Case is kept: the matcher compares case itself, because capitals carry meaning in
//! news ("US" is not "us").
//!
//! Every change is recorded as an edit, so any span of the normalised text maps back to
//! the exact bytes of the original. Pure ASCII text, the common case, is borrowed unchanged and
//! costs nothing. Gazetteer patterns go through the same function, so "Albania’s" in an
//! article meets "Albania's" in a file.

use std::borrow::Cow;
use std::ops::Range;

/// One replaced stretch: `normalized` bytes of the view stand for `original` bytes of the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Edit {
    normalized: (u32, u32),
    original: (u32, u32),
}

/// A normalised view of a text, with the alignment back to the original.
#[derive(Debug, Clone)]
pub struct Normalized<'a> {
    text: Cow<'a, str>,
    /// Sorted, non-overlapping; between edits the two texts are byte-for-byte the same.
    edits: Vec<Edit>,
}

impl<'a> Normalized<'a> {
    /// Normalises `original`. ASCII input is borrowed, not copied.
    pub fn new(original: &'a str) -> Self {
        if original.is_ascii() {
            return Normalized {
                text: Cow::Borrowed(original),
                edits: Vec::new(),
            };
        }
        let mut text = String::with_capacity(original.len());
        let mut edits: Vec<Edit> = Vec::new();
        let mut copied_up_to = 0;
        let bytes = original.as_bytes();
        let mut next = 0;
        loop {
            // Only non-ASCII characters are folded, and news text has a few in each paragraph:
            // the ASCII between them is skipped eight bytes at a time, not decoded.
            let index = next + ascii_run_len(&bytes[next..]);
            let Some(ch) = original[index..].chars().next() else {
                break;
            };
            next = index + ch.len_utf8();
            let Some(folded) = fold_char(ch) else { continue };
            text.push_str(&original[copied_up_to..index]);
            let start = text.len();
            let end_original = index + ch.len_utf8();
            // Runs of dropped combining marks become one edit, so that a span ending before
            // them takes them all and never splits a grapheme.
            if folded.is_empty()
                && let Some(last) = edits.last_mut()
                && last.normalized == (start as u32, start as u32)
                && last.original.1 == index as u32
            {
                last.original.1 = end_original as u32;
                copied_up_to = end_original;
                continue;
            }
            text.push_str(folded);
            edits.push(Edit {
                normalized: (start as u32, text.len() as u32),
                original: (index as u32, end_original as u32),
            });
            copied_up_to = end_original;
        }
        text.push_str(&original[copied_up_to..]);
        Normalized {
            text: Cow::Owned(text),
            edits,
        }
    }

    /// The normalised text.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Whether the normalised text is the original itself (no edits were needed).
    pub fn is_identity(&self) -> bool {
        self.edits.is_empty()
    }

    /// Maps a half-open byte range of the normalised text to the original text. A range that
    /// starts or ends inside a folded character is widened to cover the whole character.
    pub fn to_original(&self, range: Range<usize>) -> Range<usize> {
        if self.edits.is_empty() {
            return range;
        }
        self.map_start(range.start)..self.map_end(range.end)
    }

    fn map_start(&self, pos: usize) -> usize {
        let pos = pos as u32;
        // The first edit whose normalised end lies beyond `pos`.
        let i = self.edits.partition_point(|e| e.normalized.1 <= pos);
        if let Some(edit) = self.edits.get(i)
            && edit.normalized.0 <= pos
        {
            return edit.original.0 as usize;
        }
        self.shift_from_previous(i, pos)
    }

    fn map_end(&self, pos: usize) -> usize {
        let pos = pos as u32;
        // The first edit that ends at or beyond `pos`: `pos` lies inside it when it starts before.
        let i = self.edits.partition_point(|e| e.normalized.1 < pos);
        if let Some(edit) = self.edits.get(i) {
            let dropped_here = edit.normalized == (pos, pos);
            if edit.normalized.0 < pos || dropped_here {
                return edit.original.1 as usize;
            }
        }
        self.shift_from_previous(i, pos)
    }

    /// Maps a position in an unedited stretch, which follows edit `i - 1` (or starts the text).
    fn shift_from_previous(&self, i: usize, pos: u32) -> usize {
        match i.checked_sub(1).and_then(|p| self.edits.get(p)) {
            Some(prev) => (pos - prev.normalized.1 + prev.original.1) as usize,
            None => pos as usize,
        }
    }
}

/// Normalises a gazetteer pattern the same way as article text.
pub fn normalize_pattern(pattern: &str) -> String {
    Normalized::new(pattern).as_str().to_owned()
}

/// The folded form of one non-ASCII character, or `None` to keep it as it is.
/// The length of the ASCII run that starts `bytes`: eight bytes per step while no byte has
/// its high bit set, then byte by byte.
pub(crate) fn ascii_run_len(bytes: &[u8]) -> usize {
    const HIGH_BITS: u64 = 0x8080_8080_8080_8080;
    let words = bytes.chunks_exact(8);
    let mut len = 0;
    for word in words {
        let word = u64::from_le_bytes(word.try_into().expect("chunks of eight"));
        if word & HIGH_BITS != 0 {
            break;
        }
        len += 8;
    }
    len + bytes[len..].iter().take_while(|b| b.is_ascii()).count()
}

fn fold_char(ch: char) -> Option<&'static str> {
    match ch {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{02BC}' | '\u{02BB}' | '\u{00B4}' => {
            Some("'")
        }
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}' | '\u{00BB}' => Some("\""),
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}' => Some("-"),
        '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => Some(" "),
        '\u{2026}' => Some("..."),
        // Combining diacritics (decomposed text, as some sites publish it) are dropped.
        '\u{0300}'..='\u{036F}' => Some(""),
        // Latin letters with diacritics, and ligatures such as ß and æ. Other scripts are kept:
        // transliterating them would invent ASCII words that could match English names.
        '\u{00C0}'..='\u{024F}' | '\u{1E00}'..='\u{1EFF}' => {
            deunicode::deunicode_char(ch).filter(|s| !s.is_empty() && s.bytes().all(|b| b.is_ascii_alphabetic()))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The word-at-a-time scan stops where the byte-wise definition does, whatever the
    /// alignment and wherever the first non-ASCII byte sits.
    #[test]
    fn ascii_run_len_stops_at_the_first_non_ascii_byte() {
        let text = "plain text for a while, then Xhaçka’s name, then more plain text again";
        let bytes = text.as_bytes();
        for start in 0..bytes.len() {
            for end in start..=bytes.len() {
                let part = &bytes[start..end];
                let expected = part.iter().position(|b| !b.is_ascii()).unwrap_or(part.len());
                assert_eq!(ascii_run_len(part), expected, "{start}..{end}");
            }
        }
    }

    /// (input, normalised text, a normalised range, the original text it must map to)
    const CASES: &[(&str, &str, (usize, usize), &str)] = &[
        ("Albania’s minister", "Albania's minister", (0, 7), "Albania"),
        ("Albania’s minister", "Albania's minister", (0, 9), "Albania’s"),
        ("Olta Xhaçka said", "Olta Xhacka said", (5, 11), "Xhaçka"),
        ("Olta Xhac\u{0327}ka", "Olta Xhacka", (5, 11), "Xhac\u{0327}ka"),
        ("Jose\u{0301}\u{0300} said", "Jose said", (0, 4), "Jose\u{0301}\u{0300}"),
        ("Jose\u{0301} said", "Jose said", (5, 9), "said"),
        ("President\u{00A0}Biden", "President Biden", (10, 15), "Biden"),
        ("cyber–attack", "cyber-attack", (0, 12), "cyber–attack"),
        ("“We will”", "\"We will\"", (1, 8), "We will"),
        ("Straße", "Strasse", (0, 7), "Straße"),
        ("Straße", "Strasse", (0, 5), "Straß"),
        ("🇺🇸 US aid", "🇺🇸 US aid", (9, 11), "US"),
        ("Iran\r\nIraq", "Iran\r\nIraq", (6, 10), "Iraq"),
        ("U.S.", "U.S.", (0, 4), "U.S."),
        ("Zelenskyy, Зеленський", "Zelenskyy, Зеленський", (11, 31), "Зеленський"),
    ];

    #[test]
    fn normalises_and_maps_back() {
        for &(input, expected, (start, end), original) in CASES {
            let norm = Normalized::new(input);
            assert_eq!(norm.as_str(), expected, "normalising {input:?}");
            let range = norm.to_original(start..end);
            assert_eq!(&input[range], original, "mapping {start}..{end} of {input:?}");
        }
    }

    #[test]
    fn ascii_is_borrowed() {
        let norm = Normalized::new("plain text");
        assert!(norm.is_identity());
        assert!(matches!(norm.text, Cow::Borrowed(_)));
    }

    #[test]
    fn every_char_boundary_maps_to_a_char_boundary() {
        let input = "Erdoğan’s “talks” — in Zürich\u{00A0}– ß";
        let norm = Normalized::new(input);
        for start in 0..=norm.as_str().len() {
            for end in start..=norm.as_str().len() {
                let range = norm.to_original(start..end);
                assert!(input.is_char_boundary(range.start) && input.is_char_boundary(range.end));
                assert!(range.start <= range.end, "{start}..{end} -> {range:?}");
            }
        }
    }

    #[test]
    fn patterns_fold_like_text() {
        assert_eq!(normalize_pattern("People’s Mujahideen"), "People's Mujahideen");
        assert_eq!(normalize_pattern("Côte d’Ivoire"), "Cote d'Ivoire");
    }
}
