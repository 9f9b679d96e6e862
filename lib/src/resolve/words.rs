//! Fixed word lists with a constant-time membership test.

use std::sync::OnceLock;

use rustc_hash::FxHashSet;

/// Lists of words written in the source, looked up as one set built on first use (several
/// sets can share a list, such as the names of days and months).
///
/// The lists of capitalised non-name words run to hundreds of entries and are consulted for
/// most capitalised words of every article; a linear search through them cost more than the
/// rest of name inference.
pub(crate) struct WordSet {
    lists: &'static [&'static [&'static str]],
    set: OnceLock<FxHashSet<&'static str>>,
}

impl WordSet {
    /// A set of the words of these lists.
    pub(crate) const fn new(lists: &'static [&'static [&'static str]]) -> Self {
        WordSet {
            lists,
            set: OnceLock::new(),
        }
    }

    /// Whether `word` is one of the words (exactly, case included).
    pub(crate) fn contains(&self, word: &str) -> bool {
        let set = self
            .set
            .get_or_init(|| self.lists.iter().flat_map(|list| list.iter().copied()).collect());
        set.contains(word)
    }
}

/// Articles, prepositions and conjunctions as they are written at the start of a sentence:
/// capitalised there, and never a name of their own, for every rule that asks.
pub(crate) const CAPITALISED_FUNCTION_WORDS: &[&str] = &[
    "The", "A", "An", "In", "On", "At", "To", "From", "For", "By", "With", "And", "Or", "But", "Of", "As", "If",
    "When", "While", "After", "Before", "Since",
];

/// Whether a word is written in capitals: at least two letters, none lower case ("NATO",
/// "U.S.", not "I" or "Nato"). Both name resolution and inference ask it of many words.
pub(crate) fn is_all_caps(word: &str) -> bool {
    // ASCII, the usual case, byte by byte: among ASCII characters the alphabetic and the
    // lower-case ones are exactly the ASCII letters and lower-case letters. Most words have a
    // lower-case letter early, so that is tested before the letters are counted.
    if word.is_ascii() {
        let bytes = word.as_bytes();
        return !bytes.iter().any(u8::is_ascii_lowercase)
            && bytes.iter().filter(|b| b.is_ascii_alphabetic()).count() > 1;
    }
    is_all_caps_by_chars(word)
}

/// [`is_all_caps`] for any text.
fn is_all_caps_by_chars(word: &str) -> bool {
    word.chars().filter(|c| c.is_alphabetic()).count() > 1 && !word.chars().any(char::is_lowercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn membership_is_exact() {
        static DAYS: WordSet = WordSet::new(&[&["Monday", "Tuesday"], &["Sunday"]]);
        assert!(DAYS.contains("Monday"));
        assert!(DAYS.contains("Sunday"), "a word of a later list");
        assert!(!DAYS.contains("monday"));
        assert!(!DAYS.contains("Mon"));
    }

    #[test]
    fn capitals_test_agrees_with_the_general_one() {
        // Every string of up to three characters from a set of each kind: upper and lower
        // case letters, digits, punctuation; then whole words, some not ASCII.
        let alphabet = ['A', 'z', 'Q', 'b', '7', '.', '-', ' ', '\''];
        let mut words = vec![String::new()];
        for _ in 0..3 {
            let longer: Vec<String> = words
                .iter()
                .flat_map(|w| alphabet.iter().map(move |c| format!("{w}{c}")))
                .collect();
            words.extend(longer);
        }
        words.extend(["NATO", "U.S.", "Nato", "IRGC's", "I", "A1"].map(String::from));
        for word in &words {
            assert_eq!(super::is_all_caps(word), super::is_all_caps_by_chars(word), "{word:?}");
        }
        assert!(super::is_all_caps("ÉTÉ"), "non-ASCII goes the general way");
        assert!(!super::is_all_caps("Été"));
    }
}
