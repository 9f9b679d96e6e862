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
///
/// ASCII fast path: most of a news sentence is plain ASCII, and for ASCII the word boundaries
/// of UAX #29 come down to a few byte rules (`ascii_tokens_into`), at a fraction of the cost of
/// `unicode-segmentation`'s table lookups. Only the stretch around each non-ASCII character
/// (a curly quote, a diacritic) goes through the crate, cut out at spaces where the two ways
/// cannot disagree (see `is_safe_cut`).
pub fn tokens(text: &str, range: Range<usize>) -> Vec<Token> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut done = range.start;
    while done < range.end {
        let non_ascii = done + crate::normalize::ascii_run_len(&bytes[done..range.end]);
        if non_ascii == range.end {
            ascii_tokens_into(text, done..range.end, &mut out);
            break;
        }
        let stretch_start = (done + 1..non_ascii)
            .rev()
            .find(|&i| is_safe_cut(bytes, i))
            .unwrap_or(done);
        let stretch_end = (non_ascii + 1..range.end)
            .find(|&i| is_safe_cut(bytes, i))
            .unwrap_or(range.end);
        ascii_tokens_into(text, done..stretch_start, &mut out);
        unicode_tokens_into(text, stretch_start..stretch_end, &mut out);
        done = stretch_end;
    }
    out
}

/// Whether the text can be cut before byte `i` and each side segmented on its own with the
/// same result: a space followed by an ASCII character other than a space. UAX #29 always
/// breaks there (only a run of spaces, WB3d, or a following Extend, Format or ZWJ, WB4, would
/// join), and no rule looks across it, since the rules that look two characters ahead or back
/// (WB6, WB7, WB11, WB12) need a letter, digit or mid-word punctuation where the space is.
fn is_safe_cut(bytes: &[u8], i: usize) -> bool {
    bytes[i - 1] == b' ' && bytes[i].is_ascii() && bytes[i] != b' '
}

/// `unicode-segmentation`'s word boundaries, appended to `out`.
fn unicode_tokens_into(text: &str, range: Range<usize>, out: &mut Vec<Token>) {
    let base = range.start;
    out.extend(text[range].split_word_bound_indices().filter_map(|(offset, word)| {
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
    }));
}

/// [`tokens`] for any text, by `unicode-segmentation` alone: what the fast paths must agree with.
#[cfg(test)]
fn unicode_tokens(text: &str, range: Range<usize>) -> Vec<Token> {
    let mut out = Vec::new();
    unicode_tokens_into(text, range, &mut out);
    out
}

/// What an ASCII byte is to the word boundary rules of UAX #29 (its Word_Break property).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum AsciiWordBreak {
    /// A-Z, a-z (ALetter).
    Letter,
    /// 0-9 (Numeric).
    Digit,
    /// `_` (ExtendNumLet).
    Underscore,
    /// `:` (MidLetter): joins letters only.
    MidLetter,
    /// `,` and `;` (MidNum): join digits only.
    MidNum,
    /// `.` (MidNumLet): joins letters or digits.
    MidNumLet,
    /// `'` (Single_Quote): joins letters or digits, like MidNumLet.
    SingleQuote,
    /// ` ` (WSegSpace): a run of spaces is one segment.
    Space,
    /// `\r` (CR): kept together with a following `\n`.
    CarriageReturn,
    /// Everything else, including tab, line breaks and `"`: a segment of its own.
    Other,
}

fn ascii_word_break(byte: u8) -> AsciiWordBreak {
    // One load per byte: the tokeniser classifies every byte of every sentence it reads.
    WORD_BREAK_OF_BYTE[byte as usize]
}

const WORD_BREAK_OF_BYTE: [AsciiWordBreak; 256] = {
    let mut table = [AsciiWordBreak::Other; 256];
    let mut byte = 0;
    while byte < 256 {
        table[byte] = word_break_of(byte as u8);
        byte += 1;
    }
    table
};

const fn word_break_of(byte: u8) -> AsciiWordBreak {
    match byte {
        b'A'..=b'Z' | b'a'..=b'z' => AsciiWordBreak::Letter,
        b'0'..=b'9' => AsciiWordBreak::Digit,
        b'_' => AsciiWordBreak::Underscore,
        b':' => AsciiWordBreak::MidLetter,
        b',' | b';' => AsciiWordBreak::MidNum,
        b'.' => AsciiWordBreak::MidNumLet,
        b'\'' => AsciiWordBreak::SingleQuote,
        b' ' => AsciiWordBreak::Space,
        b'\r' => AsciiWordBreak::CarriageReturn,
        _ => AsciiWordBreak::Other,
    }
}

/// The end of the UAX #29 word segment starting at `start` of an ASCII text: rules WB3 (CR
/// LF), WB3d (spaces), WB5-WB13b (letters, digits and underscores, with a MidLetter,
/// MidNumLet or single quote between two letters, and a MidNum, MidNumLet or single quote
/// between two digits), and a break everywhere else (the other rules concern characters
/// outside ASCII). With it, whether the segment has a letter.
fn ascii_segment_end(bytes: &[u8], start: usize) -> (usize, bool) {
    use AsciiWordBreak::*;
    let class_at = |i: usize| bytes.get(i).copied().map(ascii_word_break);
    match ascii_word_break(bytes[start]) {
        CarriageReturn if bytes.get(start + 1) == Some(&b'\n') => (start + 2, false),
        Space => (
            start + 1 + bytes[start + 1..].iter().take_while(|&&b| b == b' ').count(),
            false,
        ),
        first @ (Letter | Digit | Underscore) => {
            // The class of the last letter, digit or underscore taken.
            let mut last = first;
            let mut letter = first == Letter;
            let mut i = start + 1;
            while let Some(class) = class_at(i) {
                match class {
                    Letter | Digit | Underscore => {
                        last = class;
                        letter |= class == Letter;
                        i += 1;
                    }
                    MidLetter | MidNumLet | SingleQuote if last == Letter && class_at(i + 1) == Some(Letter) => {
                        i += 2;
                    }
                    MidNum | MidNumLet | SingleQuote if last == Digit && class_at(i + 1) == Some(Digit) => {
                        i += 2;
                    }
                    _ => break,
                }
            }
            (i, letter)
        }
        _ => (start + 1, false),
    }
}

/// The tokens of an ASCII range, appended to `out`: the same segments and kinds as
/// `unicode-segmentation` gives.
fn ascii_tokens_into(text: &str, range: Range<usize>, out: &mut Vec<Token>) {
    let bytes = text.as_bytes();
    let mut start = range.start;
    let slice = &bytes[range.clone()];
    while start < range.end {
        let (end, has_letter) = ascii_segment_end(slice, start - range.start);
        let end = range.start + end;
        let first = bytes[start];
        // `char::is_whitespace` on ASCII: tab, line feed, vertical tab, form feed, carriage
        // return and space.
        if !matches!(first, b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ') {
            let kind = if has_letter {
                TokenKind::Word
            } else if first.is_ascii_digit() {
                TokenKind::Number
            } else {
                TokenKind::Punct
            };
            out.push(Token { start, end, kind });
        }
        start = end;
    }
}

#[cfg(test)]
fn ascii_tokens(text: &str, range: Range<usize>) -> Vec<Token> {
    let mut out = Vec::new();
    ascii_tokens_into(text, range, &mut out);
    out
}

/// The next line feed at or after `from`.
fn memchr_newline(bytes: &[u8], from: usize) -> Option<usize> {
    memchr::memchr(b'\n', &bytes[from..]).map(|p| p + from)
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

/// The horizontal ellipsis, a sentence terminator of its own ("…"), and its UTF-8 length.
static ELLIPSIS: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
    std::sync::LazyLock::new(|| memchr::memmem::Finder::new("\u{2026}"));
const ELLIPSIS_LEN: usize = '\u{2026}'.len_utf8();

/// Finds sentence ends inside one line and pushes the sentences they close.
fn split_line(text: &str, line_start: usize, line_end: usize, sentence_start: &mut usize, out: &mut Vec<Sentence>) {
    let bytes = text.as_bytes();
    let mut i = line_start;
    // The next ellipsis, searched for again only once passed: sentence ends are found by
    // searching for the terminators rather than by looking at every byte of the line.
    let mut next_ellipsis = ELLIPSIS.find(&bytes[i..line_end]).map(|p| p + i);
    while i < line_end {
        if next_ellipsis.is_some_and(|e| e < i) {
            next_ellipsis = ELLIPSIS.find(&bytes[i..line_end]).map(|p| p + i);
        }
        let next_ascii = memchr::memchr3(b'.', b'!', b'?', &bytes[i..line_end]).map(|p| p + i);
        let (at, terminator_len) = match (next_ascii, next_ellipsis) {
            (Some(a), Some(e)) if e < a => (e, ELLIPSIS_LEN),
            (Some(a), _) => (a, 1),
            (None, Some(e)) => (e, ELLIPSIS_LEN),
            (None, None) => break,
        };
        i = at;
        let b = bytes[i];
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
    // Text in capitals (a headline, an all-capitals wire) writes the same abbreviations and
    // openers in capitals: "LT. COL. SAMI HADDAD", "BY THE U.S. THE MOVE".
    let word = capitalised_form(word);
    let next_word = capitalised_form(next_word);
    let word = word.as_ref();
    let next_word = next_word.as_ref();
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

/// A word of two or more ASCII capitals with only its first letter a capital ("LT" -> "Lt"),
/// as the abbreviation and opener lists write it; any other word as it is.
fn capitalised_form(word: &str) -> std::borrow::Cow<'_, str> {
    if word.len() >= 2 && word.bytes().all(|b| b.is_ascii_uppercase()) {
        std::borrow::Cow::Owned(format!("{}{}", &word[..1], word[1..].to_ascii_lowercase()))
    } else {
        std::borrow::Cow::Borrowed(word)
    }
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
            "titles in capitals",
            "LT. COL. SAMI HADDAD, A JORDANIAN OFFICER, SAID THE DROPS WOULD GO ON. MR. SAFADI AGREED.",
            &[
                "LT. COL. SAMI HADDAD, A JORDANIAN OFFICER, SAID THE DROPS WOULD GO ON.",
                "MR. SAFADI AGREED.",
            ],
        ),
        (
            "opener in capitals after an acronym",
            "SANCTIONS BY THE U.S. THE MOVE FOLLOWS A VOTE ON SEPT. 12.",
            &["SANCTIONS BY THE U.S.", "THE MOVE FOLLOWS A VOTE ON SEPT. 12."],
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
            "ellipses and stops, in either order on one line",
            "Talks went on. They waited… Then?! It came… At last. Done…",
            &[
                "Talks went on.",
                "They waited…",
                "Then?!",
                "It came…",
                "At last.",
                "Done…",
            ],
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

    /// The ASCII fast path of `tokens` gives the segments and kinds that `unicode-segmentation`
    /// gives: every string of up to four characters from a set covering each word-break class,
    /// and longer pseudo-random strings.
    #[test]
    fn ascii_tokens_agree_with_unicode_segmentation() {
        const ALPHABET: &[u8] = b"aZ5_:,;.'\" \t\n\r\x0b\x0c-(";
        let check = |text: &str| {
            for start in 0..=text.len() {
                assert_eq!(
                    ascii_tokens(text, start..text.len()),
                    unicode_tokens(text, start..text.len()),
                    "{text:?} from {start}"
                );
            }
        };
        let mut text = String::new();
        for length in 1..=4u32 {
            for mut n in 0..ALPHABET.len().pow(length) {
                text.clear();
                for _ in 0..length {
                    text.push(ALPHABET[n % ALPHABET.len()] as char);
                    n /= ALPHABET.len();
                }
                check(&text);
            }
        }
        // xorshift: deterministic, and no dependency.
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        for _ in 0..3000 {
            text.clear();
            for _ in 0..(state % 40) {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                text.push(ALPHABET[(state % ALPHABET.len() as u64) as usize] as char);
            }
            check(&text);
        }
        check("U.S. forces fired 1,500.5 rounds at 10:30 on Jan. 3; O'Neill's co-op_2 said \"no\".\r\n");
    }

    /// Text mixing ASCII with characters of every word-break class that matters next to it
    /// (letters, a MidNumLet quote, a MidNum separator, Extend, Format, ZWJ, a no-break space,
    /// regional indicators, an ideograph, an ellipsis) is cut by `tokens` exactly as by
    /// `unicode-segmentation` alone, from every start.
    #[test]
    fn mixed_text_tokens_agree_with_unicode_segmentation() {
        const ALPHABET: &[char] = &[
            'a',
            'Z',
            '5',
            '_',
            ':',
            ',',
            '.',
            '\'',
            '"',
            ' ',
            ' ',
            ' ',
            '\n',
            '\r',
            '\t',
            '-',
            'ç',
            '’',
            '“',
            '\u{301}',
            '\u{200d}',
            '\u{2060}',
            '\u{a0}',
            '\u{1F1E6}',
            '東',
            '…',
            '\u{66B}',
            '\u{B7}',
        ];
        let mut text = String::new();
        let mut state = 0x9e37_79b9_7f4a_7c15_u64;
        for _ in 0..4000 {
            text.clear();
            for _ in 0..(state % 24) {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                text.push(ALPHABET[(state % ALPHABET.len() as u64) as usize]);
            }
            for (start, _) in text.char_indices() {
                assert_eq!(
                    tokens(&text, start..text.len()),
                    unicode_tokens(&text, start..text.len()),
                    "{text:?} from {start}"
                );
            }
        }
    }

    /// A range with any non-ASCII character is cut by `unicode-segmentation`.
    #[test]
    fn tokens_of_non_ascii_ranges_follow_unicode() {
        for text in [
            "Xhaçka’s “group” naïve Мария 東京",
            "a\u{301}b c\u{200d}d",
            "e\u{00A0}f",
        ] {
            assert_eq!(tokens(text, 0..text.len()), unicode_tokens(text, 0..text.len()));
        }
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
