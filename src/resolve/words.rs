//! Fixed word lists with a constant-time membership test.

use std::sync::OnceLock;

use rustc_hash::FxHashSet;

/// A list of words written in the source, looked up through a hash set built on first use.
///
/// The lists of capitalised non-name words run to hundreds of entries and are consulted for
/// most capitalised words of every article; a linear search through them cost more than the
/// rest of name inference.
pub(crate) struct WordSet {
    words: &'static [&'static str],
    set: OnceLock<FxHashSet<&'static str>>,
}

impl WordSet {
    /// A set of these words.
    pub(crate) const fn new(words: &'static [&'static str]) -> Self {
        WordSet {
            words,
            set: OnceLock::new(),
        }
    }

    /// Whether `word` is one of the words (exactly, case included).
    pub(crate) fn contains(&self, word: &str) -> bool {
        self.set
            .get_or_init(|| self.words.iter().copied().collect())
            .contains(word)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn membership_is_exact() {
        static DAYS: WordSet = WordSet::new(&["Monday", "Tuesday"]);
        assert!(DAYS.contains("Monday"));
        assert!(!DAYS.contains("monday"));
        assert!(!DAYS.contains("Mon"));
    }
}
