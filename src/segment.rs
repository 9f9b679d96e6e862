//! Segmentation: sentences, and the words inside them.
//!
//! Sentences are found with a byte scan and a few rules of English news text, because
//! Unicode's sentence rules (UAX #29) break after every "Mr." and "U.S.". Words come from
//! `unicode-segmentation` (UAX #29 word boundaries), which keeps "3,000", "1.5" and "Xhaçka"
//! whole; they are made only for the sentences a later stage needs, never for the whole text.
//!
//! The rules, in order:
//! 1. A blank line ends a sentence (paragraphs), and so does any line break after a line that
//!    does not continue into the next: scraped pages put headlines, datelines, captions and
//!    paragraphs on lines of their own. A line that ends without terminal punctuation and is
//!    followed by a line starting in lower case is hard-wrapped text, and is joined.
//! 2. Inside a line, `.`, `!`, `?` or `…`, with any closing quotes or brackets, followed by
//!    white space and an upper-case letter, a digit or an opening quote, ends a sentence,
//!    unless the word before the full stop is a title ("Mr.", "Gen."), a month before a
//!    number ("Sept. 13"), "No." before a number, or an initial or dotted acronym ("W.",
//!    "U.S.") that is not followed by a word that typically starts a sentence ("The", "He").

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

/// A sentence: a half-open byte range of the document text, trimmed of white space.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    /// Byte offset of the first character.
    pub start: usize,
    /// Byte offset just past the last character.
    pub end: usize,
}

impl Sentence {
    /// The sentence as a byte range.
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }
}

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (possibly with digits, apostrophes or inner full stops).
    Word,
    /// A number, possibly with separators ("3,000", "1.5").
    Number,
    /// Punctuation or a symbol.
    Punct,
}

/// A word or punctuation token, as a byte range of the document text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Byte offset of the first character.
    pub start: usize,
    /// Byte offset just past the last character.
    pub end: usize,
    /// What kind of token it is.
    pub kind: TokenKind,
}

/// Splits a text into sentences.
pub fn sentences(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut line_start = 0;
    let mut sentence_start = 0;
    while line_start < bytes.len() {
        let line_end = memchr_newline(bytes, line_start).unwrap_or(bytes.len());
        split_line(text, line_start, line_end, &mut sentence_start, &mut out);
        let next_line = line_end + 1;
        if !line_continues(text, line_start, line_end, next_line) {
            push_trimmed(text, sentence_start, line_end, &mut out);
            sentence_start = next_line.min(bytes.len());
        }
        line_start = next_line;
    }
    push_trimmed(text, sentence_start, bytes.len(), &mut out);
    out
}

/// Index of the sentence containing byte `offset`, or the one before it when the offset falls
/// between sentences.
pub fn sentence_index(sentences: &[Sentence], offset: usize) -> usize {
    sentences.partition_point(|s| s.start <= offset).saturating_sub(1)
}

/// The tokens of one range of the text (normally a sentence), white space left out.
pub fn tokens(text: &str, range: Range<usize>) -> Vec<Token> {
    let base = range.start;
    text[range]
        .split_word_bound_indices()
        .filter_map(|(offset, word)| {
            let first = word.chars().next()?;
            if first.is_whitespace() {
                return None;
            }
            let kind = if word.chars().any(char::is_alphabetic) {
                TokenKind::Word
            } else if first.is_numeric() {
                TokenKind::Number
            } else {
                TokenKind::Punct
            };
            Some(Token {
                start: base + offset,
                end: base + offset + word.len(),
                kind,
            })
        })
        .collect()
}

fn memchr_newline(bytes: &[u8], from: usize) -> Option<usize> {
    bytes[from..].iter().position(|&b| b == b'\n').map(|p| p + from)
}

/// Whether the sentence running through the line `start..end` goes on into the next line.
fn line_continues(text: &str, start: usize, end: usize, next: usize) -> bool {
    let line = text[start..end].trim_end();
    if line.is_empty() || next >= text.len() {
        return false;
    }
    if line.ends_with(['.', '!', '?', ':', '"', '\u{201D}', '\u{2026}', ']', ')']) {
        return false;
    }
    let next_line_end = memchr_newline(text.as_bytes(), next).unwrap_or(text.len());
    let next_line = text[next..next_line_end].trim_start();
    next_line.chars().next().is_some_and(char::is_lowercase)
}

/// Finds sentence ends inside one line and pushes the sentences they close.
fn split_line(text: &str, line_start: usize, line_end: usize, sentence_start: &mut usize, out: &mut Vec<Sentence>) {
    let bytes = text.as_bytes();
    let mut i = line_start;
    while i < line_end {
        let b = bytes[i];
        let terminator_len = match b {
            b'.' | b'!' | b'?' => 1,
            0xE2 if text[i..line_end].starts_with('\u{2026}') => 3,
            _ => {
                i += 1;
                continue;
            }
        };
        let mut after = i + terminator_len;
        // Further terminators and closing quotes or brackets belong to this sentence.
        while after < line_end {
            let rest = &text[after..line_end];
            let ch = rest.chars().next().expect("after < line_end");
            if matches!(
                ch,
                '.' | '!' | '?' | '"' | '\'' | ')' | ']' | '\u{201D}' | '\u{2019}' | '\u{2026}'
            ) {
                after += ch.len_utf8();
            } else {
                break;
            }
        }
        let next_word_start = skip_spaces(text, after, line_end);
        if next_word_start > after
            && next_word_start < line_end
            && starts_sentence(&text[next_word_start..line_end])
            && !(b == b'.' && full_stop_is_abbreviation(text, line_start, i, &text[next_word_start..line_end]))
        {
            push_trimmed(text, *sentence_start, after, out);
            *sentence_start = next_word_start;
        }
        i = after.max(i + 1);
    }
}

fn skip_spaces(text: &str, from: usize, to: usize) -> usize {
    let rest = &text[from..to];
    from + (rest.len() - rest.trim_start().len())
}

/// Whether text beginning here can open a sentence.
fn starts_sentence(rest: &str) -> bool {
    rest.chars().next().is_some_and(|c| {
        c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '\'' | '(' | '[' | '\u{201C}' | '\u{2018}')
    })
}

/// Titles and other abbreviations after which a full stop never ends a sentence.
const TITLES: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Lt", "Col", "Maj", "Capt", "Cpt", "Sgt", "Cpl", "Pvt", "Adm", "Cmdr",
    "Brig", "Gov", "Sen", "Rep", "Rev", "Fr", "Sr", "Jr", "St", "Mt", "Ft", "Pres", "Amb", "Hon", "Messrs", "Mme",
    "Mlle", "Gens", "Sens", "Reps", "Supt", "Insp", "Det", "vs", "Vs", "approx", "cf", "Nos",
];

/// Month abbreviations: "Sept. 13" is one sentence.
const MONTHS: &[&str] = &[
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
];

/// Words that typically open a sentence; after "U.S." or an initial they mean the full stop
/// also ended the sentence ("... sanctions by the U.S. The move ...").
const SENTENCE_OPENERS: &[&str] = &[
    "The",
    "A",
    "An",
    "It",
    "He",
    "She",
    "They",
    "We",
    "I",
    "You",
    "In",
    "On",
    "At",
    "But",
    "And",
    "Or",
    "So",
    "This",
    "That",
    "These",
    "Those",
    "His",
    "Her",
    "Its",
    "Their",
    "Our",
    "My",
    "There",
    "As",
    "After",
    "Before",
    "When",
    "While",
    "If",
    "Meanwhile",
    "However",
    "Officials",
    "Earlier",
    "Later",
    "Last",
    "Since",
];

/// Whether the full stop at `dot` closes an abbreviation rather than the sentence.
fn full_stop_is_abbreviation(text: &str, line_start: usize, dot: usize, next: &str) -> bool {
    let before = &text[line_start..dot];
    let word_start = before
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_alphanumeric() || c == '.'))
        .map(|(i, c)| i + c.len_utf8())
        .unwrap_or(0);
    let word = &before[word_start..];
    if word.is_empty() {
        return false;
    }
    let next_word: &str = next.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
    let next_is_number = next.starts_with(|c: char| c.is_ascii_digit());
    if TITLES.contains(&word) {
        return true;
    }
    if (MONTHS.contains(&word) || word == "No") && next_is_number {
        return true;
    }
    // An initial ("W" in "George W. Bush") or a dotted acronym ("U.S", "U.K"): an abbreviation
    // unless a typical sentence opener follows.
    let is_initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
    let is_dotted_acronym = word.contains('.') && word.split('.').all(|p| p.chars().count() <= 2);
    if is_initial || is_dotted_acronym || MONTHS.contains(&word) {
        return !SENTENCE_OPENERS.contains(&next_word);
    }
    false
}

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<Sentence>) {
    if start >= end {
        return;
    }
    let slice = &text[start..end];
    let trimmed_start = start + (slice.len() - slice.trim_start().len());
    let trimmed_end = start + slice.trim_end().len();
    if trimmed_start < trimmed_end {
        out.push(Sentence {
            start: trimmed_start,
            end: trimmed_end,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(text).iter().map(|s| &text[s.range()]).collect()
    }

    /// (name, text, expected sentences)
    const CASES: &[(&str, &str, &[&str])] = &[
        (
            "plain",
            "Iran denied it. Albania cut ties.",
            &["Iran denied it.", "Albania cut ties."],
        ),
        (
            "title",
            "Mr. Rama spoke. Dr. Roll left.",
            &["Mr. Rama spoke.", "Dr. Roll left."],
        ),
        (
            "general",
            "Gen. Mark Milley met Lt. Col. Smith.",
            &["Gen. Mark Milley met Lt. Col. Smith."],
        ),
        (
            "dotted acronym inside",
            "The U.S. Treasury acted.",
            &["The U.S. Treasury acted."],
        ),
        (
            "dotted acronym at end",
            "It was the U.S. The move followed.",
            &["It was the U.S.", "The move followed."],
        ),
        (
            "u.k.",
            "Talks in the U.K. Parliament ended.",
            &["Talks in the U.K. Parliament ended."],
        ),
        ("initial", "George W. Bush said so.", &["George W. Bush said so."]),
        (
            "initial without stop",
            "Brian E Nelson said so. He left.",
            &["Brian E Nelson said so.", "He left."],
        ),
        (
            "month",
            "On Sept. 13 they met. Then Oct. 2 came.",
            &["On Sept. 13 they met.", "Then Oct. 2 came."],
        ),
        (
            "number sign",
            "Resolution No. 2334 passed.",
            &["Resolution No. 2334 passed."],
        ),
        (
            "numbers",
            "Some 3,000 people and 1.5 billion dollars.",
            &["Some 3,000 people and 1.5 billion dollars."],
        ),
        (
            "curly quote",
            "“It was state aggression.” Rama said.",
            &["“It was state aggression.”", "Rama said."],
        ),
        ("quote lowercase", "“Stop!” he said.", &["“Stop!” he said."]),
        (
            "headline",
            "Israel offers aid to Albania\n\nIsrael has offered aid.",
            &["Israel offers aid to Albania", "Israel has offered aid."],
        ),
        (
            "dateline line",
            "Headline here\nSeptember 13, 2022 at 3:38 pm\nBody text.",
            &["Headline here", "September 13, 2022 at 3:38 pm", "Body text."],
        ),
        (
            "crlf",
            "First line.\r\nSecond line.\r\n",
            &["First line.", "Second line."],
        ),
        (
            "wrapped",
            "The minister said the talks\nwould resume next week.",
            &["The minister said the talks\nwould resume next week."],
        ),
        (
            "nbsp",
            "Iran\u{00A0}denied it.\u{00A0}Albania cut ties.",
            &["Iran\u{00A0}denied it.", "Albania cut ties."],
        ),
        (
            "ellipsis",
            "They waited… Then it came.",
            &["They waited…", "Then it came."],
        ),
        (
            "caption",
            "Roll met Xhacka [@idanroll/Twitter]\n\nBody.",
            &["Roll met Xhacka [@idanroll/Twitter]", "Body."],
        ),
        ("empty", "", &[]),
        ("blank lines", "\n\n  \n", &[]),
    ];

    #[test]
    fn splits_sentences() {
        for &(name, text, expected) in CASES {
            assert_eq!(split(text), expected, "case {name}");
        }
    }

    #[test]
    fn sentence_index_finds_the_containing_sentence() {
        let text = "One. Two. Three.";
        let s = sentences(text);
        assert_eq!(sentence_index(&s, 0), 0);
        assert_eq!(sentence_index(&s, 5), 1);
        assert_eq!(sentence_index(&s, 4), 0);
        assert_eq!(sentence_index(&s, 15), 2);
    }

    #[test]
    fn tokens_keep_numbers_and_names_whole() {
        let text = "Some 3,000 members of Xhaçka’s group, 1.5 km.";
        let toks: Vec<(&str, TokenKind)> = tokens(text, 0..text.len())
            .iter()
            .map(|t| (&text[t.start..t.end], t.kind))
            .collect();
        assert_eq!(
            toks,
            [
                ("Some", TokenKind::Word),
                ("3,000", TokenKind::Number),
                ("members", TokenKind::Word),
                ("of", TokenKind::Word),
                ("Xhaçka’s", TokenKind::Word),
                ("group", TokenKind::Word),
                (",", TokenKind::Punct),
                ("1.5", TokenKind::Number),
                ("km", TokenKind::Word),
                (".", TokenKind::Punct),
            ]
        );
    }
}
