//! The plain scan gazette's throughput is compared with: one Aho-Corasick automaton over every
//! name of the gazetteer (names, aliases, demonyms, capitals), in the configuration gazette's
//! own matcher follows (leftmost-longest, ASCII case-insensitive), counting matches and doing
//! nothing else. Shared by `examples/scan.rs` (the figure `bench/run.py` reports) and the
//! criterion benches (the same scan beside gazette's matcher, in one run).

use aho_corasick::{AhoCorasick, MatchKind};
use gazette::Gazetteer;
use gazette::normalize::normalize_pattern;

/// The gazetteer's names as the scan looks for them: folded like the matcher's patterns,
/// lower case, sorted and without repeats. Gives the automaton and the number of patterns.
pub fn plain_scan(gazetteer: &Gazetteer) -> Result<(AhoCorasick, usize), aho_corasick::BuildError> {
    let mut patterns: Vec<String> = gazetteer
        .entries()
        .flat_map(|e| {
            std::iter::once(&e.name)
                .chain(&e.aliases)
                .chain(&e.demonyms)
                .chain(&e.capitals)
        })
        .map(|name| normalize_pattern(name.trim()).to_ascii_lowercase())
        .filter(|p| !p.is_empty())
        .collect();
    patterns.sort_unstable();
    patterns.dedup();
    let automaton = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .ascii_case_insensitive(true)
        .build(&patterns)?;
    Ok((automaton, patterns.len()))
}
