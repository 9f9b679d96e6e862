//! The numbers a date can be made of, found with one byte scan of the normalised text.
//!
//! Date words come from the shared Aho-Corasick pass; numbers cannot (there are too many), so
//! this scan finds each run of ASCII digits and classifies it by the characters around it.
//! Numbers that cannot be part of a date are dropped here: grouped or decimal numbers
//! ("3,000", "1.5"), money ("$1,500"), percentages, times ("3:38"), and digits glued to letters
//! ("C-130", "5G", "A320"). Years written out as broadcast transcripts read them ("nineteen
//! ninety-six", "the year two thousand") are found by a second, word-level scan.

/// What a number looks like.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// Plain digits: a day, a year, a count.
    Int,
    /// With an English ordinal suffix: "13th", "1st".
    Ordinal,
    /// A decade: "1990s", "1990's", "'90s" (value: the first year).
    Decade,
    /// An ISO date `YYYY-MM-DD` (or `YYYY/MM/DD`), possibly followed by a time.
    Iso {
        /// Year.
        y: i32,
        /// Month.
        m: u8,
        /// Day.
        d: u8,
    },
    /// A year in words, as read out in broadcast transcripts: "nineteen ninety-six", "the
    /// year two thousand" (value: the year). A year by its form, needing no context.
    SpelledYear,
    /// A numeric date `NN/NN/YYYY` (also with `.` or `-`), whose day and month order is
    /// decided later.
    Numeric {
        /// The first number.
        a: u8,
        /// The second number.
        b: u8,
        /// The year.
        y: i32,
    },
}

/// A number in the normalised text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Number {
    /// Byte offset of the first character (an apostrophe for "'90s").
    pub start: usize,
    /// Byte offset just past it (suffixes such as "th" and "s" included, "'s" not).
    pub end: usize,
    /// Its value (for dates, the year).
    pub value: u32,
    /// How many digits the first run has.
    pub digits: u8,
    /// What it looks like.
    pub shape: Shape,
    /// Whether a hyphen joins it to the word before ("mid-2023").
    pub hyphen_before: bool,
    /// Whether a hyphen joins it to the number before ("2019-2021", "555-0143").
    pub after_number_dash: bool,
}

/// Finds the date-capable numbers in a text, in order, years in words included.
pub fn scan(text: &str) -> Vec<Number> {
    let digits = scan_digits(text);
    let spelled = spelled_years(text);
    if spelled.is_empty() {
        return digits;
    }
    let mut all = digits;
    all.extend(spelled);
    all.sort_by_key(|n| n.start);
    all
}

const TEENS: &[&str] = &[
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
const TENS: &[&str] = &[
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];
const UNITS: &[&str] = &["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];

/// The position of `word` in `list`, ignoring case.
fn position(list: &[&str], word: &str) -> Option<usize> {
    list.iter().position(|w| w.eq_ignore_ascii_case(word))
}

/// The ASCII word starting at `at` (letters only) and where it ends.
fn word_at(text: &str, at: usize) -> (&str, usize) {
    let len = text[at..].bytes().take_while(u8::is_ascii_alphabetic).count();
    (&text[at..at + len], at + len)
}

/// After a number word ending at `end`, the start of the next word if one space or hyphen
/// separates them.
fn joined(text: &str, end: usize, hyphen: bool) -> Option<usize> {
    let sep = text.as_bytes().get(end)?;
    let ok = *sep == b' ' || (hyphen && *sep == b'-');
    (ok && text.as_bytes().get(end + 1).is_some_and(u8::is_ascii_alphabetic)).then_some(end + 1)
}

/// A year written out: "nineteen" and a count from ten to ninety-nine ("nineteen ninety-six",
/// "nineteen seventy nine", "nineteen twelve"), or "two thousand" (and a unit, "two thousand
/// and one") after "the year", where it cannot be a count. "nineteen hundred" and "nineteen"
/// alone are counts as often as years and are left out.
fn spelled_years(text: &str) -> Vec<Number> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let starts_word = |at: usize| at == 0 || !bytes[at - 1].is_ascii_alphanumeric();
    let number = |start: usize, end: usize, value: u32| Number {
        start,
        end,
        value,
        digits: 4,
        shape: Shape::SpelledYear,
        hyphen_before: false,
        after_number_dash: false,
    };
    // memmem's vectorised search rather than `str::match_indices`: this runs over every
    // article, and nearly all of them have no year in words.
    for at in memchr::memmem::find_iter(bytes, "ineteen") {
        let Some(start) = at
            .checked_sub(1)
            .filter(|&s| matches!(bytes[s], b'n' | b'N') && starts_word(s))
        else {
            continue;
        };
        let (first, first_end) = word_at(text, start);
        if !first.eq_ignore_ascii_case("nineteen") {
            continue;
        }
        let Some(next) = joined(text, first_end, false) else {
            continue;
        };
        let (second, second_end) = word_at(text, next);
        let (value, end) = if let Some(teen) = position(TEENS, second) {
            (1910 + teen as u32, second_end)
        } else if let Some(ten) = position(TENS, second) {
            let tens = 1920 + 10 * ten as u32;
            match joined(text, second_end, true).map(|u| (u, word_at(text, u))) {
                Some((_, (unit, unit_end))) if position(UNITS, unit).is_some() => {
                    (tens + 1 + position(UNITS, unit).unwrap_or(0) as u32, unit_end)
                }
                _ => (tens, second_end),
            }
        } else {
            continue;
        };
        // "nineteen ninety-six thousand" is a count.
        let (after, _) = joined(text, end, false).map_or(("", end), |a| word_at(text, a));
        if is_magnitude(after) || bytes.get(end).is_some_and(u8::is_ascii_alphanumeric) {
            continue;
        }
        out.push(number(start, end, value));
    }
    for at in memchr::memmem::find_iter(bytes, "two thousand") {
        let head = text[..at].trim_end().as_bytes();
        let after_the_year =
            head.len() >= 8 && head[head.len() - 8..].eq_ignore_ascii_case(b"the year") && starts_word(head.len() - 8);
        if !starts_word(at) || !after_the_year {
            continue;
        }
        let mut end = at + "two thousand".len();
        let mut value = 2000;
        let mut next = joined(text, end, false);
        if let Some(n) = next
            && word_at(text, n).0.eq_ignore_ascii_case("and")
        {
            next = joined(text, word_at(text, n).1, false);
        }
        if let Some(n) = next
            && let (unit, unit_end) = word_at(text, n)
            && let Some(u) = position(UNITS, unit)
        {
            value += 1 + u as u32;
            end = unit_end;
        }
        if bytes.get(end).is_some_and(u8::is_ascii_alphanumeric) {
            continue;
        }
        out.push(number(at, end, value));
    }
    out
}

fn is_magnitude(word: &str) -> bool {
    ["hundred", "thousand", "million", "billion"]
        .iter()
        .any(|m| m.eq_ignore_ascii_case(word))
}

/// Finds the numbers written in digits.
fn scan_digits(text: &str) -> Vec<Number> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        let run_end = digit_run_end(bytes, i);
        // Skip the rest of a number such as "3,000,000", "1.5" or "3:38" as one piece.
        let mut skip_to = run_end;
        while skip_to + 1 < bytes.len()
            && matches!(bytes[skip_to], b',' | b'.' | b':')
            && bytes[skip_to + 1].is_ascii_digit()
        {
            skip_to = digit_run_end(bytes, skip_to + 1);
        }
        if let Some(number) = classify(text, start, run_end) {
            i = number.end.max(run_end);
            out.push(number);
        } else {
            i = skip_to;
        }
    }
    out
}

fn digit_run_end(bytes: &[u8], from: usize) -> usize {
    let mut end = from;
    while end < bytes.len() && bytes[end].is_ascii_digit() {
        end += 1;
    }
    end
}

fn parse_run(text: &str, start: usize, end: usize) -> Option<u32> {
    if end - start > 9 {
        return None;
    }
    text[start..end].parse().ok()
}

/// Classifies the digit run `start..end`, or rejects it.
fn classify(text: &str, start: usize, end: usize) -> Option<Number> {
    let bytes = text.as_bytes();
    let before = start.checked_sub(1).map(|i| bytes[i]);
    let before2 = start.checked_sub(2).map(|i| bytes[i]);
    // Glued to a word or a symbol that makes it not a date: "A320", "$1,500", "#2", "+44".
    if before.is_some_and(|b| b.is_ascii_alphanumeric() || matches!(b, b'$' | b'#' | b'+' | b'.' | b',' | b':'))
        || (before == Some(b'/') && before2.is_some_and(|b| b.is_ascii_digit()))
    {
        return None;
    }
    // Non-ASCII currency signs (normalisation keeps them): "€500", "£2,000".
    if text[..start]
        .chars()
        .next_back()
        .is_some_and(|c| matches!(c, '€' | '£' | '¥' | '₹'))
    {
        return None;
    }
    let hyphen_before = before == Some(b'-') && before2.is_some_and(|b| b.is_ascii_alphabetic());
    let after_number_dash = before == Some(b'-') && before2.is_some_and(|b| b.is_ascii_digit());
    let value = parse_run(text, start, end)?;
    let digits = (end - start) as u8;
    let number = |end: usize, shape: Shape, value: u32| Number {
        start,
        end,
        value,
        digits,
        shape,
        hyphen_before,
        after_number_dash,
    };

    if let Some(found) = full_numeric_date(text, start, end, value) {
        return Some(number(found.0, found.1, found.2));
    }
    let rest = &text[end..];
    let next = rest.as_bytes().first().copied();
    // A thousands separator, a decimal point, a time or a percentage: not a date part.
    let continues_number =
        matches!(next, Some(b',' | b'.' | b':')) && rest.as_bytes().get(1).is_some_and(u8::is_ascii_digit);
    if continues_number || next == Some(b'%') {
        return None;
    }
    // "'90s": the apostrophe belongs to the decade.
    if digits == 2 && before == Some(b'\'') && rest.starts_with('s') && value % 10 == 0 {
        let first_year = if value >= 30 { 1900 + value } else { 2000 + value };
        let mut decade = number(end + 1, Shape::Decade, first_year);
        decade.start = start - 1;
        return Some(decade);
    }
    let letters = rest.bytes().take_while(u8::is_ascii_alphabetic).count();
    let suffix = &rest[..letters];
    if letters > 0 {
        let lower = suffix.to_ascii_lowercase();
        return match lower.as_str() {
            "st" | "nd" | "rd" | "th" if (1..=31).contains(&value) => {
                Some(number(end + letters, Shape::Ordinal, value))
            }
            "s" if digits == 4 && value % 10 == 0 => Some(number(end + 1, Shape::Decade, value)),
            _ => None,
        };
    }
    if rest.starts_with("'s") && digits == 4 && value % 10 == 0 {
        return Some(number(end + 2, Shape::Decade, value));
    }
    Some(number(end, Shape::Int, value))
}

/// `YYYY-MM-DD`, `YYYY/MM/DD`, or `NN/NN/YYYY` (`/`, `.` or `-` between the parts) at
/// `start`: (end, shape, year).
fn full_numeric_date(text: &str, start: usize, end: usize, value: u32) -> Option<(usize, Shape, u32)> {
    let bytes = text.as_bytes();
    let sep = *bytes.get(end)?;
    if !matches!(sep, b'-' | b'/' | b'.') {
        return None;
    }
    let second_start = end + 1;
    let second_end = digit_run_end(bytes, second_start);
    if bytes.get(second_end) != Some(&sep) {
        return None;
    }
    let third_start = second_end + 1;
    let third_end = digit_run_end(bytes, third_start);
    let (a_len, b_len, c_len) = (end - start, second_end - second_start, third_end - third_start);
    // Another digit group after the third ("1-800-555-0100") makes it a phone number.
    if matches!(bytes.get(third_end), Some(b'-' | b'/' | b'.'))
        && bytes.get(third_end + 1).is_some_and(u8::is_ascii_digit)
    {
        return None;
    }
    if bytes
        .get(third_end)
        .is_some_and(|b| b.is_ascii_alphanumeric() && *b != b'T')
    {
        return None;
    }
    let b = parse_run(text, second_start, second_end)?;
    let c = parse_run(text, third_start, third_end)?;
    if a_len == 4 && b_len == 2 && c_len == 2 && sep != b'.' {
        let (m, d) = (b as u8, c as u8);
        let valid = super::calendar::Ymd::new(value as i32, m, d).is_some();
        return valid.then_some((third_end, Shape::Iso { y: value as i32, m, d }, value));
    }
    if (1..=2).contains(&a_len) && (1..=2).contains(&b_len) && c_len == 4 && (1..=31).contains(&value) {
        let shape = Shape::Numeric {
            a: value as u8,
            b: b as u8,
            y: c as i32,
        };
        return Some((third_end, shape, c));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shapes(text: &str) -> Vec<(String, Shape)> {
        scan(text)
            .into_iter()
            .map(|n| (text[n.start..n.end].to_owned(), n.shape))
            .collect()
    }

    #[test]
    fn classifies_numbers() {
        let cases: &[(&str, &[(&str, Shape)])] = &[
            ("on 12 September 2022", &[("12", Shape::Int), ("2022", Shape::Int)]),
            ("the 13th of", &[("13th", Shape::Ordinal)]),
            (
                "the 1990s and '90s",
                &[("1990s", Shape::Decade), ("'90s", Shape::Decade)],
            ),
            ("the 1980's boom", &[("1980's", Shape::Decade)]),
            ("2022's budget", &[("2022", Shape::Int)]),
            (
                "2022-09-13T10:12:00Z",
                &[("2022-09-13", Shape::Iso { y: 2022, m: 9, d: 13 })],
            ),
            (
                "on 13/09/2022.",
                &[("13/09/2022", Shape::Numeric { a: 13, b: 9, y: 2022 })],
            ),
            ("on 4.5.2023", &[("4.5.2023", Shape::Numeric { a: 4, b: 5, y: 2023 })]),
            ("mid-2023", &[("2023", Shape::Int)]),
            ("2019-2021", &[("2019", Shape::Int), ("2021", Shape::Int)]),
        ];
        for (text, expected) in cases {
            let expected: Vec<(String, Shape)> = expected.iter().map(|(s, k)| (s.to_string(), *k)).collect();
            assert_eq!(shapes(text), expected, "{text}");
        }
    }

    #[test]
    fn drops_numbers_that_are_not_dates() {
        for text in [
            "some 3,000 members",
            "$1,500 in aid",
            "a 1.5 billion deal",
            "at 3:38 pm",
            "up 40%",
            "C-130 planes",
            "an A320",
            "call 202-555-0143",
            "call +44 20 7946 0958",
            "€2000 fine",
            "1-800-555-0100",
        ] {
            // Nothing that could pass for a year on its own.
            let found: Vec<Number> = scan(text)
                .into_iter()
                .filter(|n| n.digits == 4 && (1900..=2099).contains(&n.value) && !n.after_number_dash)
                .collect();
            assert!(found.is_empty(), "{text}: {found:?}");
        }
    }

    #[test]
    fn years_in_words() {
        let found = |text: &str| -> Vec<(String, u32)> {
            scan(text)
                .into_iter()
                .filter(|n| n.shape == Shape::SpelledYear)
                .map(|n| (text[n.start..n.end].to_owned(), n.value))
                .collect()
        };
        let cases: &[(&str, &[(&str, u32)])] = &[
            (
                "The mill closed in nineteen eighty-two.",
                &[("nineteen eighty-two", 1982)],
            ),
            ("Nineteen seventy nine was hard.", &[("Nineteen seventy nine", 1979)]),
            ("in nineteen twelve", &[("nineteen twelve", 1912)]),
            ("since nineteen fifty", &[("nineteen fifty", 1950)]),
            ("by the year two thousand.", &[("two thousand", 2000)]),
            ("in the year two thousand and four", &[("two thousand and four", 2004)]),
            // Counts, not years.
            ("some nineteen hundred troops", &[]),
            ("nineteen ninety-six thousand dollars", &[]),
            ("nineteen people died", &[]),
            ("two thousand years of history", &[]),
            ("caninenineteen ninety", &[]),
        ];
        for (text, expected) in cases {
            let expected: Vec<(String, u32)> = expected.iter().map(|(t, v)| (t.to_string(), *v)).collect();
            assert_eq!(found(text), expected, "{text}");
        }
        // In order with the numbers in digits.
        let all = scan("From 1979 to nineteen eighty-two and 1990.");
        assert_eq!(all.iter().map(|n| n.value).collect::<Vec<_>>(), [1979, 1982, 1990]);
    }

    #[test]
    fn mid_hyphen_is_flagged() {
        let n = scan("mid-2023")[0];
        assert!(n.hyphen_before && !n.after_number_dash);
        assert!(!scan("in 2023")[0].hyphen_before);
        assert!(scan("2019-2021")[1].after_number_dash);
    }
}
