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
}
