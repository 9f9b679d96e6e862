//! A reproducible stream of news words, shared by `tests/pathological.rs` and
//! `examples/pathological.rs` (which includes this file by path), so that the example times the
//! very inputs the tests check.

/// Words of a news sentence: names that are actors, a trigger ("cut"), a date word.
pub const NEWS_WORDS: &[&str] = &[
    "the",
    "minister",
    "said",
    "Albania",
    "government",
    "talks",
    "with",
    "Iran",
    "would",
    "cut",
    "ties",
    "on",
    "Tuesday",
    "and",
    "officials",
    "in",
    "Tehran",
];

/// `count` words of `NEWS_WORDS` in a fixed pseudo-random order (an xorshift, so that no crate
/// is needed for a reproducible shuffle).
pub fn news_words(count: usize) -> Vec<&'static str> {
    let mut state: u64 = 0x2545_F491_4F6C_DD1D;
    (0..count)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            NEWS_WORDS[(state % NEWS_WORDS.len() as u64) as usize]
        })
        .collect()
}
