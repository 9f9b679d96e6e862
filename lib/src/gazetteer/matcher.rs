//! Finding gazetteer names (and lexicon phrases) in the normalised text.
//!
//! A name can only start where a word does, so names are looked up at word starts, through
//! indexes keyed by a name's first word (folded to ASCII lower case): one for names that
//! start with a capital, consulted only at capitalised word starts (in news text about one
//! word in eight or ten), and one for names and phrases that start with another letter or a
//! digit ("al-Shabaab", "last week", "imposed"), consulted at every word start. The few
//! patterns that start with neither ("'Nam") go into an Aho-Corasick automaton scanned over
//! the text. All give leftmost-longest matches, so "People's Mujahideen Organisation of Iran"
//! beats "Iran"; a longest match that fails the word-boundary or case rules gives way to the
//! longest shorter one at the same place.
//!
//! Why indexes rather than one automaton of every pattern: an anchored lookup needs no
//! failure links, and computing them for the tens of thousands of default patterns took most
//! of a run's start-up; an index builds in a few milliseconds, and a word costs one hash probe
//! and a few prefix comparisons, where the automaton walked every byte of the text through a
//! large state machine (measured: the automaton scan was the largest single cost of a batch).
//!
//! Case: both ignore ASCII case, and a match is then kept only for the candidates whose every
//! capital letter is a capital in the text: "US" never matches "us", while "IRAN" in an
//! all-caps headline still matches "Iran".

use std::hash::BuildHasher;

use std::borrow::Cow;

use hashbrown::HashTable;
use rustc_hash::FxBuildHasher;
use smallvec::SmallVec;

use aho_corasick::{AhoCorasick, Anchored, Input, MatchKind, StartKind};

use super::{EntryId, Gazetteer, LexiconKind};
use crate::image::{ImageError, Reader, Writer, stored_enum};
use crate::normalize::Normalized;

/// How a name relates to its entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Form {
    /// The canonical name.
    Name,
    /// An alias.
    Alias,
    /// A demonym or nationality adjective standing for a state.
    Demonym,
    /// A capital city standing for a state's government.
    Capital,
    /// A person's surname alone; only trusted after the full name.
    Surname,
}

impl Form {
    /// The name used in JSON output.
    pub fn as_str(self) -> &'static str {
        match self {
            Form::Name => "name",
            Form::Alias => "alias",
            Form::Demonym => "demonym",
            Form::Capital => "capital",
            Form::Surname => "surname",
        }
    }
}

/// What a pattern stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// A name of a gazetteer entry.
    Entry(EntryCandidate),
    /// A phrase of a lexicon (a date word, an event phrase): `id` is the stage's own number.
    Lexicon {
        /// Which lexicon.
        kind: LexiconKind,
        /// The stage's identifier of the phrase.
        id: u32,
    },
}

/// One entry that a name may stand for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EntryCandidate {
    /// The entry.
    pub entry: EntryId,
    /// How the name refers to it.
    pub form: Form,
    /// Whether the gazetteer marks this name as needing context.
    pub ambiguous: bool,
}

/// A phrase a stage wants found in the same pass as the names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LexiconPattern {
    /// The phrase, as written in the lexicon (it is normalised like names).
    pub phrase: String,
    /// Which lexicon it belongs to.
    pub kind: LexiconKind,
    /// The stage's identifier, handed back in [`Target::Lexicon`].
    pub id: u32,
}

/// One thing a pattern may stand for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Candidate {
    /// What it stands for.
    pub target: Target,
}

impl Candidate {
    /// The entry this candidate names, if it names one.
    pub fn as_entry(&self) -> Option<EntryCandidate> {
        match self.target {
            Target::Entry(entry) => Some(entry),
            Target::Lexicon { .. } => None,
        }
    }

    /// The lexicon phrase this candidate is, if it is one of `kind`.
    pub fn as_lexicon(&self, kind: LexiconKind) -> Option<u32> {
        match self.target {
            Target::Lexicon { kind: k, id } if k == kind => Some(id),
            _ => None,
        }
    }
}

/// A name found in the normalised text, before resolution.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawMatch {
    /// Byte offset in the normalised text.
    pub start: usize,
    /// Byte offset just past the match in the normalised text.
    pub end: usize,
    /// Numbers of the candidates that pass the case rule (see [`Matcher::candidate`]), in
    /// ascending order: entries, then phrases. Most matches have one to three.
    pub candidates: SmallVec<[u32; 3]>,
}

impl RawMatch {
    /// The match at `start..end` with the candidates that passed the case rule, or `None` when
    /// none did.
    fn if_any(start: usize, end: usize, passing: SmallVec<[u32; 3]>) -> Option<RawMatch> {
        (!passing.is_empty()).then_some(RawMatch {
            start,
            end,
            candidates: passing,
        })
    }
}

/// A compiled matcher for a gazetteer's names.
#[derive(Debug, Clone)]
pub struct Matcher {
    /// Patterns starting with an upper-case letter, looked up at capitalised word starts.
    capitalised: NameIndex,
    /// Patterns starting with another letter or a digit ("al-Shabaab", "last week",
    /// "imposed"), looked up at every word start.
    lowercase: NameIndex,
    /// Automaton over the few patterns that start with neither ("'Nam"): scanned unanchored,
    /// re-run anchored for shorter matches.
    other: Option<AhoCorasick>,
    /// The automaton's patterns, kept to store the matcher in an image (an automaton cannot
    /// be stored; the few patterns are compiled again when the image is read).
    other_patterns: Vec<String>,
    /// Pattern index of the automaton -> its candidates (indices into `candidates`).
    other_candidates: Vec<Vec<u32>>,
    /// Every candidate, packed in two words ([`pack_target`]): over 100,000 of them, read in
    /// place from a compiled image rather than decoded at start-up.
    candidates: Cow<'static, [[u32; 2]]>,
    /// The number of the first lexicon phrase among `candidates`: entries are numbered
    /// before phrases, so a match's candidates (in ascending order) split there, and a stage
    /// that wants phrases skips the dozens of people a surname can name without looking.
    first_phrase: u32,
    /// Each candidate's normalised pattern with its original case, for the case rule, by
    /// candidate number.
    surfaces: Strings,
}

/// Candidates collected for a matcher, keyed case-insensitively because the automata are.
///
/// Entry names and lexicon phrases are added in two steps, so that the entries can be
/// collected while another thread still builds the lexicons.
#[derive(Debug, Default)]
pub struct MatcherBuilder {
    candidates: Vec<Candidate>,
    /// Each candidate's surface, by candidate number.
    surfaces: Strings,
    /// The keys (surfaces folded to ASCII lower case), numbered in the order first added, so
    /// that the indexes, and so every tie, are the same on every run without sorting tens of
    /// thousands of keys.
    keys: StringTable,
    /// Per key, its last candidate; the others are chained through `earlier_candidate`. Chains
    /// rather than a list per key: one allocation per key was a tenth of start-up.
    last_candidate: Vec<u32>,
    /// Per candidate, the candidate added before it for the same key, or [`NO_CANDIDATE`].
    earlier_candidate: Vec<u32>,
    /// Reused for each added name's key.
    key_buffer: String,
}

/// The end of a chain of candidates.
const NO_CANDIDATE: u32 = u32::MAX;

impl MatcherBuilder {
    /// Collects the names of every entry of a gazetteer.
    pub fn with_entries(gazetteer: &Gazetteer) -> Self {
        let mut builder = MatcherBuilder::default();
        // Every name, alias, demonym and capital, and a surname for most people's names.
        let names = gazetteer
            .entries()
            .map(|e| {
                let names = 1 + e.aliases.len();
                let surnames = if e.kind == super::EntryKind::Person { names } else { 0 };
                names + surnames + e.demonyms.len() + e.capitals.len()
            })
            .sum();
        builder.reserve(names);
        for (index, entry) in gazetteer.entries().enumerate() {
            let id = EntryId(index as u32);
            let mut add_name = |name: &str, form: Form| {
                let ambiguous = form != Form::Surname && entry.is_ambiguous(name);
                builder.add(
                    name,
                    Target::Entry(EntryCandidate {
                        entry: id,
                        form,
                        ambiguous,
                    }),
                );
            };
            add_name(&entry.name, Form::Name);
            for alias in &entry.aliases {
                add_name(alias, Form::Alias);
            }
            for demonym in &entry.demonyms {
                add_name(demonym, Form::Demonym);
            }
            for capital in &entry.capitals {
                add_name(capital, Form::Capital);
            }
            if entry.kind == super::EntryKind::Person {
                for name in std::iter::once(&entry.name).chain(&entry.aliases) {
                    if let Some(surname) = surname_of(name) {
                        add_name(surname, Form::Surname);
                    }
                }
            }
        }
        builder
    }

    /// Adds the lexicon phrases that other stages need found in the same pass.
    pub fn add_lexicon(&mut self, lexicon_patterns: &[LexiconPattern]) {
        self.reserve(lexicon_patterns.len());
        for pattern in lexicon_patterns {
            self.add(
                &pattern.phrase,
                Target::Lexicon {
                    kind: pattern.kind,
                    id: pattern.id,
                },
            );
        }
    }

    /// Makes room for `names` more names at most, so that the tables, the key hash table
    /// above all, are not rehashed again and again as they grow (a tenth of the matcher's
    /// build was rehashing).
    fn reserve(&mut self, names: usize) {
        self.candidates.reserve(names);
        self.surfaces.reserve(names);
        self.earlier_candidate.reserve(names);
        // Many names share a key (a first name, a verb form); a key per name is the most.
        self.keys.reserve(names);
        self.last_candidate.reserve(names);
    }

    fn add(&mut self, name: &str, target: Target) {
        let normalized = Normalized::new(name.trim());
        let surface = normalized.as_str();
        if surface.is_empty() {
            return;
        }
        self.key_buffer.clear();
        self.key_buffer.push_str(surface);
        self.key_buffer.make_ascii_lowercase();
        let (key, new_key) = self.keys.number_of(&self.key_buffer);
        if new_key {
            self.last_candidate.push(NO_CANDIDATE);
        }
        // One entry's names are added together, so its earlier candidates for this key are
        // at the end of the chain; common surnames ("Khan") have hundreds of others before.
        let mut earlier = self.last_candidate[key as usize];
        while earlier != NO_CANDIDATE {
            if !same_target(&self.candidates[earlier as usize].target, &target) {
                break;
            }
            if self.surfaces.get(earlier) == surface {
                return;
            }
            earlier = self.earlier_candidate[earlier as usize];
        }
        let number = self.candidates.len() as u32;
        let latest = self.last_candidate[key as usize];
        // Many candidates of one key have the same surface (every "Khan" of the people);
        // sharing its text keeps the table small and lets the case rule be checked once.
        if latest != NO_CANDIDATE && self.surfaces.get(latest) == surface {
            self.surfaces.push_again(latest);
        } else {
            self.surfaces.push(surface);
        }
        self.earlier_candidate.push(latest);
        self.last_candidate[key as usize] = number;
        self.candidates.push(Candidate { target });
    }

    /// Compiles the matcher.
    pub fn build(self) -> Matcher {
        let MatcherBuilder {
            candidates,
            surfaces,
            keys,
            last_candidate,
            earlier_candidate,
            key_buffer: _,
        } = self;
        let mut capitalised = NameIndex::default();
        let mut lowercase = NameIndex::default();
        let mut other_patterns = Vec::new();
        let mut other_candidates = Vec::new();
        let mut ids: Vec<u32> = Vec::new();
        for (key, &last) in last_candidate.iter().enumerate() {
            ids.clear();
            let mut candidate = last;
            while candidate != NO_CANDIDATE {
                ids.push(candidate);
                candidate = earlier_candidate[candidate as usize];
            }
            ids.reverse();
            let key = keys.text(key as u32);
            let starts_capitalised = ids
                .iter()
                .all(|&i| surfaces.get(i).chars().next().is_some_and(char::is_uppercase));
            if starts_capitalised {
                capitalised.insert(key, &ids, &surfaces);
            } else if key.chars().next().is_some_and(is_word_char) {
                lowercase.insert(key, &ids, &surfaces);
            } else {
                other_patterns.push(key.to_owned());
                other_candidates.push(ids.clone());
            }
        }
        capitalised.finish();
        lowercase.finish();
        let candidates: Vec<[u32; 2]> = candidates.iter().map(|c| pack_target(c.target)).collect();
        let first_phrase = first_phrase(&candidates)
            .expect("the builder packs known targets, every entry name before any lexicon phrase");
        Matcher {
            capitalised,
            lowercase,
            other: build_automaton(&other_patterns, StartKind::Both),
            other_patterns,
            other_candidates,
            candidates: Cow::Owned(candidates),
            first_phrase,
            surfaces,
        }
    }
}

impl Matcher {
    /// Compiles the names of every entry, and the lexicon phrases that other stages need
    /// found in the same pass.
    pub fn new(gazetteer: &Gazetteer, lexicon_patterns: &[LexiconPattern]) -> Self {
        let mut builder = MatcherBuilder::with_entries(gazetteer);
        builder.add_lexicon(lexicon_patterns);
        builder.build()
    }

    /// A candidate, by the numbers in [`RawMatch::candidates`].
    pub fn candidate(&self, number: u32) -> Candidate {
        let target = unpack_target(self.candidates[number as usize])
            .expect("every candidate was packed by this module or checked when its image was read");
        Candidate { target }
    }

    /// The candidates of a match found by this matcher that are gazetteer entries.
    pub fn entry_candidates<'m>(&self, found: &'m RawMatch) -> &'m [u32] {
        &found.candidates[..self.phrases_from(found)]
    }

    /// The candidates of a match found by this matcher that are lexicon phrases: usually
    /// none or one, where a surname has dozens of entry candidates.
    pub fn phrase_candidates<'m>(&self, found: &'m RawMatch) -> &'m [u32] {
        &found.candidates[self.phrases_from(found)..]
    }

    /// Where a match's candidates, in ascending order as [`Matcher::find`] gives them, turn
    /// from entries to phrases.
    fn phrases_from(&self, found: &RawMatch) -> usize {
        found.candidates.partition_point(|&c| c < self.first_phrase)
    }

    /// The number of candidates.
    pub fn candidate_count(&self) -> usize {
        self.candidates.len()
    }

    /// Finds names in a normalised text: non-overlapping, leftmost-longest, in text order.
    pub fn find(&self, text: &str) -> Vec<RawMatch> {
        // One pass over the word starts: each word is looked up once (as a hash of its folded
        // first word) instead of the text being run through an automaton of every pattern.
        let mut indexed = Vec::new();
        let mut last_end = 0;
        let mut key = String::new();
        for (start, word_end, capital) in words(text) {
            if start < last_end {
                continue;
            }
            key.clear();
            key.push_str(&text[start..word_end]);
            key.make_ascii_lowercase();
            let from_capitalised = if capital {
                self.longest_indexed_at(&self.capitalised, text, start, &key)
            } else {
                None
            };
            let from_lowercase = self.longest_indexed_at(&self.lowercase, text, start, &key);
            // The longer match wins; of two equally long, the capitalised pattern.
            let found = match (from_capitalised, from_lowercase) {
                (Some(c), Some(l)) if l.end > c.end => Some(l),
                (Some(c), _) => Some(c),
                (None, l) => l,
            };
            if let Some(found) = found {
                last_end = found.end;
                indexed.push(found);
            }
        }
        let Some(automaton) = &self.other else {
            return indexed;
        };
        let mut other = Vec::new();
        for found in automaton.find_iter(text) {
            let start = found.start();
            if !is_word_start(text, start) {
                continue;
            }
            if let Some(valid) = self.longest_valid_at(automaton, &self.other_candidates, text, start) {
                other.push(valid);
            }
        }
        merge_leftmost_longest(indexed, other)
    }

    /// The longest pattern of `index` at `start` that ends on a word boundary and passes the
    /// case rule for at least one candidate. `key` is the folded first word of the text there.
    fn longest_indexed_at(&self, index: &NameIndex, text: &str, start: usize, key: &str) -> Option<RawMatch> {
        let patterns = index.starting_with(key)?;
        let rest = &text.as_bytes()[start..];
        // Every pattern listed under `key` starts with it, and so does the text here (ignoring
        // ASCII case, as `key` is the text's first word folded): only the bytes after it need
        // comparing. A common first word ("united", "the") lists many patterns.
        let shared = key.len();
        let text_continues = Continuation::of(rest, shared);
        for (pattern, continuation) in patterns {
            if !continuation.may_continue_as(text_continues) {
                continue;
            }
            let folded = index.pattern(pattern).as_bytes();
            if rest.len() < folded.len() || !rest[shared..folded.len()].eq_ignore_ascii_case(&folded[shared..]) {
                continue;
            }
            let end = start + folded.len();
            if !is_word_end(text, start, end) {
                continue;
            }
            let matched = &rest[..folded.len()];
            let (ids, capitals) = index.candidates_of(pattern);
            let found = if matched.len() <= 64 {
                case_checked_by_capitals(ids, capitals, matched, start, end)
            } else {
                self.case_checked(ids, matched, start, end)
            };
            if let Some(found) = found {
                return Some(found);
            }
        }
        None
    }

    /// The match at `start..end` with those of `ids` whose case fits the matched text, or
    /// `None` when none does.
    fn case_checked(&self, ids: &[u32], matched: &[u8], start: usize, end: usize) -> Option<RawMatch> {
        // Candidates sharing a surface share its text (see `MatcherBuilder::add`), and
        // usually come together: the rule is checked once for a run of them.
        let mut last: Option<([u32; 2], bool)> = None;
        let passing: SmallVec<[u32; 3]> = ids
            .iter()
            .copied()
            .filter(|&i| {
                let range = self.surfaces.range(i);
                match last {
                    Some((same, passes)) if same == range => passes,
                    _ => {
                        let passes = case_compatible(self.surfaces.text_at(range).as_bytes(), matched);
                        last = Some((range, passes));
                        passes
                    }
                }
            })
            .collect();
        RawMatch::if_any(start, end, passing)
    }

    /// The longest match starting exactly at `start` that ends on a word boundary and passes
    /// the case rule for at least one candidate.
    fn longest_valid_at(
        &self,
        automaton: &AhoCorasick,
        ids: &[Vec<u32>],
        text: &str,
        start: usize,
    ) -> Option<RawMatch> {
        let mut limit = text.len();
        loop {
            let input = Input::new(text).span(start..limit).anchored(Anchored::Yes);
            let found = automaton.find(input)?;
            let end = found.end();
            if is_word_end(text, start, end) {
                let matched = &text.as_bytes()[start..end];
                if let Some(found) = self.case_checked(&ids[found.pattern().as_usize()], matched, start, end) {
                    return Some(found);
                }
            }
            // Retry for a shorter match at the same start.
            if end <= start + 1 {
                return None;
            }
            limit = end - 1;
        }
    }
}

stored_enum!(Form {
    Name,
    Alias,
    Demonym,
    Capital,
    Surname
});

impl Matcher {
    /// Writes the matcher into an image.
    pub(crate) fn store(&self, out: &mut Writer) {
        self.capitalised.store(out);
        self.lowercase.store(out);
        out.strs(&self.other_patterns);
        out.list(&self.other_candidates, |out, ids| out.table(ids));
        out.table(&self.candidates);
        self.surfaces.store(out);
    }

    /// Reads a matcher written by [`Matcher::store`]. Every number that indexes one of its
    /// tables is checked, so that a damaged image is an error here rather than a panic while
    /// matching; the caller checks the candidates' entries and phrases.
    pub(crate) fn load(input: &mut Reader<'static>) -> Result<Matcher, ImageError> {
        let capitalised = NameIndex::load(input)?;
        let lowercase = NameIndex::load(input)?;
        let other_patterns = input.strings()?;
        let other_candidates = input.list(|input| input.table::<u32>().map(Cow::into_owned))?;
        let candidates = input.table::<[u32; 2]>()?;
        let first_phrase = first_phrase(&candidates).map_err(|what| input.error(what))?;
        let surfaces = Strings::load(input)?;
        let count = candidates.len();
        let ids_known = [&capitalised.candidate_ids[..], &lowercase.candidate_ids[..]]
            .into_iter()
            .chain(other_candidates.iter().map(Vec::as_slice))
            .all(|ids| all_below(ids, count));
        if !ids_known || surfaces.len() != count || other_patterns.len() != other_candidates.len() {
            return Err(input.error("matcher candidates out of range"));
        }
        Ok(Matcher {
            capitalised,
            lowercase,
            other: build_automaton(&other_patterns, StartKind::Both),
            other_patterns,
            other_candidates,
            candidates,
            first_phrase,
            surfaces,
        })
    }
}

/// A candidate's target as two words: the first says what it is (the low byte 0 for an entry,
/// 1 for a phrase; the next byte the form or lexicon; bit 16 whether the name is ambiguous),
/// the second is the entry or phrase number.
fn pack_target(target: Target) -> [u32; 2] {
    match target {
        Target::Entry(entry) => [
            u32::from(entry.form.image_code()) << 8 | u32::from(entry.ambiguous) << 16,
            entry.entry.0,
        ],
        Target::Lexicon { kind, id } => [1 | u32::from(kind.image_code()) << 8, id],
    }
}

fn unpack_target([what, number]: [u32; 2]) -> Option<Target> {
    let code = (what >> 8) as u8;
    match what & 0xFF {
        0 => Some(Target::Entry(EntryCandidate {
            entry: EntryId(number),
            form: Form::from_code(code)?,
            ambiguous: what >> 16 & 1 == 1,
        })),
        1 => Some(Target::Lexicon {
            kind: LexiconKind::from_code(code)?,
            id: number,
        }),
        _ => None,
    }
}

/// The number of the first lexicon phrase among packed candidates, in one pass that also
/// checks that every candidate unpacks and that every one after that phrase is a phrase too
/// (the order [`Matcher::phrase_candidates`] relies on).
fn first_phrase(candidates: &[[u32; 2]]) -> Result<u32, &'static str> {
    let mut first = None;
    for (number, &packed) in candidates.iter().enumerate() {
        match unpack_target(packed) {
            None => return Err("unknown candidate target"),
            Some(Target::Lexicon { .. }) => {
                first.get_or_insert(number);
            }
            Some(Target::Entry(_)) if first.is_some() => return Err("an entry candidate after a phrase"),
            Some(Target::Entry(_)) => {}
        }
    }
    Ok(first.unwrap_or(candidates.len()) as u32)
}

/// Whether every number is below `bound`.
fn all_below(numbers: &[u32], bound: usize) -> bool {
    numbers.iter().all(|&n| (n as usize) < bound)
}

impl NameIndex {
    fn store(&self, out: &mut Writer) {
        self.first_words.strings.store(out);
        out.table(&self.by_first_word);
        out.table(&self.group_starts);
        out.table(&self.continuations);
        self.patterns.store(out);
        out.table(&self.candidate_ids);
        out.table(&self.candidate_capitals);
        out.table(&self.candidate_ranges);
    }

    fn load(input: &mut Reader<'static>) -> Result<NameIndex, ImageError> {
        let first_words = StringTable::from_strings(Strings::load(input)?);
        let by_first_word = input.table()?;
        let group_starts = input.table()?;
        let continuations = input.table::<[u32; 4]>()?;
        let patterns = Strings::load(input)?;
        let candidate_ids = input.table()?;
        let candidate_capitals = input.table::<[u32; 2]>()?;
        let candidate_ranges = input.table::<[u32; 2]>()?;
        let groups_fit = group_starts.len() == first_words.len() + 1
            && group_starts.is_sorted()
            && group_starts
                .last()
                .is_some_and(|&end| end as usize == by_first_word.len());
        let ranges_fit = candidate_ranges.len() == patterns.len()
            && candidate_ranges
                .iter()
                .all(|&[start, end]| start <= end && end as usize <= candidate_ids.len());
        let continuations_fit =
            continuations.len() == by_first_word.len() && candidate_capitals.len() == candidate_ids.len();
        if !groups_fit || !ranges_fit || !continuations_fit || !all_below(&by_first_word, patterns.len()) {
            return Err(input.error("name index out of range"));
        }
        Ok(NameIndex {
            first_words,
            by_first_word,
            group_starts,
            continuations,
            unsorted: Vec::new(),
            patterns,
            candidate_ids,
            candidate_capitals,
            candidate_ranges,
        })
    }
}

impl Strings {
    fn store(&self, out: &mut Writer) {
        out.str(&self.text);
        out.table(&self.ranges);
    }

    fn load(input: &mut Reader<'static>) -> Result<Strings, ImageError> {
        let text = Cow::Borrowed(input.str()?);
        let ranges = input.table::<[u32; 2]>()?;
        let fits = |&[start, end]: &[u32; 2]| {
            start <= end && text.is_char_boundary(start as usize) && text.is_char_boundary(end as usize)
        };
        if !ranges.iter().all(fits) {
            return Err(input.error("string out of range"));
        }
        Ok(Strings { text, ranges })
    }
}

/// Patterns keyed by their first word, for anchored lookups.
///
/// Flat arrays rather than a list per word and per pattern: tens of thousands of small
/// allocations were a large part of start-up.
#[derive(Debug, Clone, Default)]
struct NameIndex {
    /// The folded first words of the patterns.
    first_words: StringTable,
    /// Pattern numbers grouped by first word (in first-word number order), longest first
    /// within a group; filled by [`NameIndex::finish`].
    by_first_word: Cow<'static, [u32]>,
    /// Where each first word's group starts in `by_first_word` (one more entry than there are
    /// first words).
    group_starts: Cow<'static, [u32]>,
    /// For each entry of `by_first_word`, the pattern's continuation after its first word (see
    /// [`Continuation::to_words`]). Beside the pattern numbers, in the same order, so that a
    /// group is tested in one pass over memory: reading each continuation from the pattern
    /// store was two cache misses per pattern, the largest cost of matching.
    continuations: Cow<'static, [[u32; 4]]>,
    /// (first word, pattern) for each pattern, until [`NameIndex::finish`] groups them.
    unsorted: Vec<(u32, u32)>,
    /// The patterns, ASCII-lower-cased, by pattern number.
    patterns: Strings,
    /// Each pattern's candidates (indices into the matcher's candidates), as a range of
    /// `candidate_ids`.
    candidate_ids: Cow<'static, [u32]>,
    /// For each entry of `candidate_ids`, the capitals of its candidate's surface (see
    /// [`capital_mask`]), as two 32-bit words, low first. The case rule for a match of up to 64
    /// bytes is then a test of two masks; before, each candidate's surface was loaded from the
    /// surface store, two cache misses per candidate.
    candidate_capitals: Cow<'static, [[u32; 2]]>,
    candidate_ranges: Cow<'static, [[u32; 2]]>,
}

impl NameIndex {
    fn insert(&mut self, folded: &str, candidates: &[u32], surfaces: &Strings) {
        let number = self.patterns.len() as u32;
        let (first_word, _) = self.first_words.number_of(leading_word(folded));
        self.unsorted.push((first_word, number));
        self.patterns.push(folded);
        let first_candidate = self.candidate_ids.len() as u32;
        self.candidate_ids.to_mut().extend_from_slice(candidates);
        self.candidate_capitals.to_mut().extend(
            candidates
                .iter()
                .map(|&c| split_u64(capital_mask(surfaces.get(c).as_bytes()))),
        );
        self.candidate_ranges
            .to_mut()
            .push([first_candidate, self.candidate_ids.len() as u32]);
    }

    /// Groups the patterns by first word, longest first (ties in the order added).
    fn finish(&mut self) {
        // A counting sort by first word (most groups hold one pattern), then each group by
        // length: sorting all patterns at once was a twentieth of start-up.
        let unsorted = std::mem::take(&mut self.unsorted);
        let mut starts = vec![0u32; self.first_words.len() + 1];
        for &(word, _) in &unsorted {
            starts[word as usize + 1] += 1;
        }
        for word in 0..self.first_words.len() {
            starts[word + 1] += starts[word];
        }
        let mut next_slot = starts.clone();
        let mut grouped = vec![0u32; unsorted.len()];
        for &(word, pattern) in &unsorted {
            grouped[next_slot[word as usize] as usize] = pattern;
            next_slot[word as usize] += 1;
        }
        let patterns = &self.patterns;
        let length = |p: &u32| patterns.get(*p).len();
        for group in starts.windows(2) {
            let group = &mut grouped[group[0] as usize..group[1] as usize];
            if group.len() > 1 {
                // Stable: patterns of one length stay in the order added.
                group.sort_by_key(|p| std::cmp::Reverse(length(p)));
            }
        }
        let mut continuations = Vec::with_capacity(grouped.len());
        for (word, group) in starts.windows(2).enumerate() {
            let skip = self.first_words.text(word as u32).len();
            for &pattern in &grouped[group[0] as usize..group[1] as usize] {
                continuations.push(Continuation::of_folded(patterns.get(pattern).as_bytes(), skip).to_words());
            }
        }
        self.by_first_word = Cow::Owned(grouped);
        self.group_starts = Cow::Owned(starts);
        self.continuations = Cow::Owned(continuations);
    }

    /// The patterns whose first word is `key`, longest first, each with its continuation
    /// after that word.
    fn starting_with(&self, key: &str) -> Option<impl Iterator<Item = (u32, Continuation)> + '_> {
        let word = self.first_words.find(key)? as usize;
        let group = self.group_starts[word] as usize..self.group_starts[word + 1] as usize;
        let continuations = self.continuations[group.clone()]
            .iter()
            .map(|&words| Continuation::from_words(words));
        Some(self.by_first_word[group].iter().copied().zip(continuations))
    }

    fn pattern(&self, number: u32) -> &str {
        self.patterns.get(number)
    }

    /// Pattern `number`'s candidates, with the capitals of each one's surface.
    fn candidates_of(&self, number: u32) -> (&[u32], &[[u32; 2]]) {
        let [start, end] = self.candidate_ranges[number as usize];
        let range = start as usize..end as usize;
        (&self.candidate_ids[range.clone()], &self.candidate_capitals[range])
    }
}

/// Up to eight bytes of a text, from some offset on, as one number (the first byte lowest),
/// with a mask of the bytes present: a cheap first test of whether a pattern can match there.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Continuation {
    bytes: u64,
    mask: u64,
}

impl Continuation {
    /// The bytes of `text` from `from` on (at most eight), ASCII-lower-cased.
    fn of(text: &[u8], from: usize) -> Self {
        let mut continuation = Self::of_folded(text, from);
        continuation.bytes = u64::from_le_bytes(continuation.bytes.to_le_bytes().map(|b| b.to_ascii_lowercase()));
        continuation
    }

    /// [`Continuation::of`] a text that is ASCII-lower-cased already (a pattern).
    fn of_folded(text: &[u8], from: usize) -> Self {
        let tail = text.get(from..).unwrap_or_default();
        let len = tail.len().min(8);
        let mut bytes = [0u8; 8];
        bytes[..len].copy_from_slice(&tail[..len]);
        let mask = if len == 8 { u64::MAX } else { (1u64 << (8 * len)) - 1 };
        Continuation {
            bytes: u64::from_le_bytes(bytes),
            mask,
        }
    }

    /// As 32-bit words for the image (see [`split_u64`]): bytes low, bytes high, mask low,
    /// mask high.
    fn to_words(self) -> [u32; 4] {
        let ([bytes_low, bytes_high], [mask_low, mask_high]) = (split_u64(self.bytes), split_u64(self.mask));
        [bytes_low, bytes_high, mask_low, mask_high]
    }

    fn from_words([bytes_low, bytes_high, mask_low, mask_high]: [u32; 4]) -> Self {
        Continuation {
            bytes: join_u64([bytes_low, bytes_high]),
            mask: join_u64([mask_low, mask_high]),
        }
    }

    /// Whether a pattern with this continuation may go on as `text` does: its bytes (those it
    /// has) equal the text's. False means it cannot match; true must still be checked in full.
    fn may_continue_as(self, text: Continuation) -> bool {
        (self.bytes ^ text.bytes) & self.mask == 0
    }
}

/// Strings stored end to end in one buffer, numbered in the order added: tens of thousands of
/// names and patterns in one allocation instead of one each.
#[derive(Debug, Clone, Default)]
struct Strings {
    text: Cow<'static, str>,
    /// Each string's range of `text`.
    ranges: Cow<'static, [[u32; 2]]>,
}

impl Strings {
    /// Adds `text`; its number is the count before.
    fn push(&mut self, text: &str) {
        let start = self.text.len() as u32;
        self.text.to_mut().push_str(text);
        self.ranges.to_mut().push([start, self.text.len() as u32]);
    }

    /// Makes room for `count` more strings of about the length of a name.
    fn reserve(&mut self, count: usize) {
        const TYPICAL_NAME_BYTES: usize = 12;
        self.text.to_mut().reserve(count * TYPICAL_NAME_BYTES);
        self.ranges.to_mut().reserve(count);
    }

    /// Adds another string equal to string `number`, sharing its text.
    fn push_again(&mut self, number: u32) {
        let range = self.ranges[number as usize];
        self.ranges.to_mut().push(range);
    }

    fn get(&self, number: u32) -> &str {
        self.text_at(self.ranges[number as usize])
    }

    /// The text of string `number`'s range: strings with the same range are equal.
    fn range(&self, number: u32) -> [u32; 2] {
        self.ranges[number as usize]
    }

    fn text_at(&self, [start, end]: [u32; 2]) -> &str {
        &self.text[start as usize..end as usize]
    }

    /// [`Strings::text_at`] as bytes: no test that the range falls on character boundaries.
    fn bytes_at(&self, [start, end]: [u32; 2]) -> &[u8] {
        &self.text.as_bytes()[start as usize..end as usize]
    }

    fn len(&self) -> usize {
        self.ranges.len()
    }
}

/// Distinct strings, numbered in the order first added, with a lookup by text.
#[derive(Debug, Clone, Default)]
struct StringTable {
    strings: Strings,
    /// The strings, hashed by their text.
    slots: HashTable<Slot>,
}

/// A string's number with its range of the text. A lookup runs for every word of every
/// document, and the table is too large for the cache: with the range in the slot, a probe
/// goes from the slot straight to the text, without a load from `Strings::ranges` between.
#[derive(Debug, Clone, Copy)]
struct Slot {
    number: u32,
    range: [u32; 2],
}

impl StringTable {
    fn hash(text: &str) -> u64 {
        FxBuildHasher.hash_one(text)
    }

    /// The number of `text`, adding it if it is new; and whether it was.
    fn number_of(&mut self, text: &str) -> (u32, bool) {
        if let Some(number) = self.find(text) {
            return (number, false);
        }
        let number = self.strings.len() as u32;
        self.strings.push(text);
        let slot = Slot {
            number,
            range: self.strings.range(number),
        };
        let strings = &self.strings;
        self.slots
            .insert_unique(Self::hash(text), slot, |slot| Self::hash(strings.text_at(slot.range)));
        (number, true)
    }

    /// A table of distinct strings, numbered in order.
    fn from_strings(strings: Strings) -> Self {
        let mut slots = HashTable::with_capacity(strings.len());
        for number in 0..strings.len() as u32 {
            let range = strings.range(number);
            slots.insert_unique(Self::hash(strings.text_at(range)), Slot { number, range }, |slot| {
                Self::hash(strings.text_at(slot.range))
            });
        }
        StringTable { strings, slots }
    }

    /// Makes room for `count` more strings.
    fn reserve(&mut self, count: usize) {
        self.strings.reserve(count);
        let strings = &self.strings;
        self.slots
            .reserve(count, |slot| Self::hash(strings.text_at(slot.range)));
    }

    fn find(&self, text: &str) -> Option<u32> {
        let hash = Self::hash(text);
        let text = text.as_bytes();
        self.slots
            .find(hash, |slot| {
                // The length first: it is in the slot, the text is another load.
                let [start, end] = slot.range;
                (end - start) as usize == text.len() && self.strings.bytes_at(slot.range) == text
            })
            .map(|slot| slot.number)
    }

    fn text(&self, number: u32) -> &str {
        self.strings.get(number)
    }

    fn len(&self) -> usize {
        self.strings.len()
    }
}

/// The leading run of letters and digits: the key of a name in the index. "Iran's" and
/// "Iran" share the key "Iran", as do "U.S." and "U.K." ("U").
///
/// ASCII fast path: the bytes are read directly up to the first one that is not an ASCII
/// letter or digit; only if that is the start of a non-ASCII character does
/// [`leading_word_unicode`] carry on from there.
pub(crate) fn leading_word(text: &str) -> &str {
    let bytes = text.as_bytes();
    let ascii_end = bytes
        .iter()
        .position(|b| !b.is_ascii_alphanumeric())
        .unwrap_or(bytes.len());
    if bytes.get(ascii_end).is_some_and(|b| !b.is_ascii()) {
        return leading_word_unicode(text, ascii_end);
    }
    &text[..ascii_end]
}

/// [`leading_word`] for any text, going on from `from` (the text before it is letters and
/// digits).
fn leading_word_unicode(text: &str, from: usize) -> &str {
    let end = text[from..]
        .char_indices()
        .find(|&(_, c)| !c.is_alphanumeric())
        .map(|(i, _)| from + i)
        .unwrap_or(text.len());
    &text[..end]
}

fn build_automaton(patterns: &[String], start_kind: StartKind) -> Option<AhoCorasick> {
    if patterns.is_empty() {
        return None;
    }
    let automaton = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .ascii_case_insensitive(true)
        .start_kind(start_kind)
        .build(patterns)
        .expect("gazetteer patterns are short strings, well within aho-corasick's limits");
    Some(automaton)
}

/// The surname of a person's name: its last word, if the name has at least two words (skipping
/// generational suffixes such as "Jr.").
fn surname_of(name: &str) -> Option<&str> {
    let mut words = name
        .split_whitespace()
        .rev()
        .skip_while(|word| matches!(word.trim_end_matches([',', '.']), "Jr" | "Sr" | "II" | "III" | "IV"));
    let last = words.next()?;
    // "Abdullah II of Jordan", "Charles, Prince of Wales": the last word is a territorial
    // designation, not a family name.
    let mut words_before = 0;
    for word in words {
        if word == "of" {
            return None;
        }
        words_before += 1;
    }
    if words_before == 0 || last == "of" {
        return None;
    }
    let last = last.trim_end_matches(',');
    let usable =
        last.chars().count() >= 3 && last.chars().next().is_some_and(char::is_uppercase) && !last.ends_with('.');
    usable.then_some(last)
}

/// Whether two targets are the same thing (an entry named twice in one form counts once).
fn same_target(a: &Target, b: &Target) -> bool {
    match (a, b) {
        (Target::Entry(x), Target::Entry(y)) => x.entry == y.entry,
        _ => a == b,
    }
}

/// The match at `start..end` (at most 64 bytes) with those of `ids` whose case fits the matched
/// text, as [`Matcher::case_checked`] decides it, from each candidate's capitals.
fn case_checked_by_capitals(
    ids: &[u32],
    capitals: &[[u32; 2]],
    matched: &[u8],
    start: usize,
    end: usize,
) -> Option<RawMatch> {
    let in_text = capital_mask(matched);
    let passing: SmallVec<[u32; 3]> = ids
        .iter()
        .zip(capitals)
        .filter(|&(_, &capitals)| join_u64(capitals) & !in_text == 0)
        .map(|(&id, _)| id)
        .collect();
    RawMatch::if_any(start, end, passing)
}

/// A number as two 32-bit words, low first: the unit of an image's tables, which are stored
/// four-byte aligned whatever the machine's byte order.
fn split_u64(n: u64) -> [u32; 2] {
    [n as u32, (n >> 32) as u32]
}

/// The number [`split_u64`] split.
fn join_u64([low, high]: [u32; 2]) -> u64 {
    u64::from(low) | u64::from(high) << 32
}

/// Bit `i` set for each ASCII capital at byte `i` of `text`, for its first 64 bytes: for a
/// pattern and a text of equal length up to 64 bytes, [`case_compatible`] is "the pattern's
/// mask has no bit the text's lacks".
fn capital_mask(text: &[u8]) -> u64 {
    text.iter()
        .take(64)
        .enumerate()
        .filter(|(_, byte)| byte.is_ascii_uppercase())
        .fold(0, |mask, (i, _)| mask | 1 << i)
}

/// Every capital pattern letter must be a capital in the text; the texts have equal length.
fn case_compatible(pattern: &[u8], text: &[u8]) -> bool {
    pattern.len() == text.len()
        && pattern
            .iter()
            .zip(text)
            .all(|(p, t)| !p.is_ascii_uppercase() || t.is_ascii_uppercase())
}

fn is_word_char(ch: char) -> bool {
    ch.is_alphanumeric()
}

fn char_before(text: &str, index: usize) -> Option<char> {
    text[..index].chars().next_back()
}

/// Whether a name may start at `start`: the text there does not continue a word.
fn is_word_start(text: &str, start: usize) -> bool {
    let first = text[start..].chars().next();
    !(first.is_some_and(is_word_char) && char_before(text, start).is_some_and(is_word_char))
}

/// Whether a name may end at `end`: the text does not go on with the same word.
fn is_word_end(text: &str, start: usize, end: usize) -> bool {
    let last = char_before(text, end);
    let next = text[end..].chars().next();
    end > start && !(last.is_some_and(is_word_char) && next.is_some_and(is_word_char))
}

/// The words of a text (maximal runs of letters and digits) as byte ranges, each with whether
/// its first letter is a capital. A word's end is where [`leading_word`] of the text from its
/// start ends, so the lookup key comes with the word and the bytes are classified once.
fn words(text: &str) -> impl Iterator<Item = (usize, usize, bool)> + '_ {
    let bytes = text.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        // To the next letter or digit (ASCII read as bytes, the rest as characters).
        let (start, capital) = loop {
            let b = *bytes.get(i)?;
            let at = i;
            if b < 0x80 {
                i += 1;
                if b.is_ascii_alphanumeric() {
                    break (at, b.is_ascii_uppercase());
                }
            } else {
                let ch = text[i..].chars().next().expect("i is on a char boundary");
                i += ch.len_utf8();
                if is_word_char(ch) {
                    break (at, ch.is_uppercase());
                }
            }
        };
        // Then to the end of the run.
        while let Some(&b) = bytes.get(i) {
            if b < 0x80 {
                if !b.is_ascii_alphanumeric() {
                    break;
                }
                i += 1;
            } else {
                let ch = text[i..].chars().next().expect("i is on a char boundary");
                if !is_word_char(ch) {
                    break;
                }
                i += ch.len_utf8();
            }
        }
        Some((start, i, capital))
    })
}

/// Merges two sorted, internally non-overlapping match lists, keeping the leftmost and then
/// longest match where they overlap.
fn merge_leftmost_longest(a: Vec<RawMatch>, b: Vec<RawMatch>) -> Vec<RawMatch> {
    if b.is_empty() {
        return a;
    }
    let mut all: Vec<RawMatch> = a.into_iter().chain(b).collect();
    all.sort_by(|x, y| x.start.cmp(&y.start).then(y.end.cmp(&x.end)));
    let mut out: Vec<RawMatch> = Vec::with_capacity(all.len());
    for m in all {
        if out.last().is_none_or(|last| m.start >= last.end) {
            out.push(m);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::GazetteerBuilder;

    const GAZETTEER: &str = "type\tname\taliases\tcountry\tdemonyms\tcapitals\n\
        state\tIran\tIslamic Republic of Iran\tIRN\tIranian|Iranians\tTehran\n\
        state\tUnited States\tUS|U.S.|America\tUSA\tAmerican\tWashington\n\
        state\tAlbania\t\tALB\tAlbanian\tTirana\n\
        state\tIndia\t\tIND\tIndian\tNew Delhi\n\
        organisation\tPeople's Mujahideen Organisation of Iran\tMEK\tIRN\t\t\n\
        organisation\tal-Shabaab\t\tSOM\t\t\n\
        person\tOlta Xhaçka\tOlta Xhacka\tALB\t\t\n";

    #[test]
    fn continuation_test_never_rules_out_a_pattern_that_matches() {
        // Pattern and text tails of every length from 0 to 11 bytes, in either case, some
        // equal over the pattern's length and some not: the one-step test must let through
        // every pair the byte-by-byte comparison accepts, and (within eight bytes) only those.
        let words = [
            "",
            "a",
            "Ab",
            " kerry",
            " Kerry Jr",
            " kerryson",
            " ke",
            "-jong un",
            " K",
        ];
        for pattern in words {
            for text in words {
                let pattern_continuation = Continuation::of_folded(pattern.to_ascii_lowercase().as_bytes(), 0);
                let text_continuation = Continuation::of(text.as_bytes(), 0);
                let matches = text.len() >= pattern.len()
                    && text.as_bytes()[..pattern.len()].eq_ignore_ascii_case(pattern.as_bytes());
                let passes = pattern_continuation.may_continue_as(text_continuation);
                if matches {
                    assert!(passes, "{pattern:?} ruled out before {text:?}");
                }
                if pattern.len() <= 8 {
                    assert_eq!(passes, matches, "{pattern:?} before {text:?}");
                }
            }
        }
        // The offset: bytes before `from` are left out.
        assert_eq!(Continuation::of(b"john kerry", 4), Continuation::of(b" KERRY", 0));
    }

    #[test]
    fn capital_masks_decide_the_case_rule_as_the_bytes_do() {
        let surfaces = [
            "Iran",
            "IRAN",
            "iran",
            "US",
            "us",
            "Us",
            "McDonald's",
            "al-Assad",
            "Xhaçka",
            "ŞAHİN",
        ];
        for surface in surfaces {
            let folded = surface.to_ascii_lowercase();
            // Every way of writing the surface's letters in either case, as a text might.
            let flips = surface.len().min(10);
            for bits in 0u32..1 << flips {
                let text: Vec<u8> = folded
                    .bytes()
                    .enumerate()
                    .map(|(i, b)| {
                        if i < flips && bits >> i & 1 == 1 {
                            b.to_ascii_uppercase()
                        } else {
                            b
                        }
                    })
                    .collect();
                let by_bytes = case_compatible(surface.as_bytes(), &text);
                let by_masks = capital_mask(surface.as_bytes()) & !capital_mask(&text) == 0;
                assert_eq!(
                    by_masks,
                    by_bytes,
                    "{surface:?} against {:?}",
                    String::from_utf8_lossy(&text)
                );
            }
        }
    }

    #[test]
    fn continuations_beside_each_group_are_those_of_its_patterns() {
        let patterns = [
            "john kerry",
            "john",
            "j",
            "john f. kennedy",
            "ali",
            "al-assad",
            "x y",
            "johnny walker",
        ];
        let mut index = NameIndex::default();
        let mut surfaces = Strings::default();
        surfaces.push("Candidate");
        for pattern in patterns {
            index.insert(pattern, &[0], &surfaces);
        }
        index.finish();
        let mut seen = 0;
        for key in ["john", "j", "ali", "al", "x", "johnny"] {
            for (number, continuation) in index.starting_with(key).expect("a first word") {
                let pattern = patterns[number as usize];
                assert_eq!(leading_word(pattern), key);
                let expected = Continuation::of_folded(pattern.as_bytes(), key.len());
                assert_eq!(continuation, expected, "{pattern:?} after {key:?}");
                seen += 1;
            }
        }
        assert_eq!(seen, patterns.len(), "every pattern is in the group of its first word");
    }

    fn find(text: &str) -> Vec<String> {
        let gazetteer = GazetteerBuilder::new()
            .defaults(false)
            .add_text("g.tsv", GAZETTEER)
            .build()
            .unwrap();
        let matcher = Matcher::new(&gazetteer, &[]);
        let norm = crate::normalize::Normalized::new(text);
        matcher
            .find(norm.as_str())
            .iter()
            .map(|m| text[norm.to_original(m.start..m.end)].to_owned())
            .collect()
    }

    /// (name, text, expected matches)
    const CASES: &[(&str, &str, &[&str])] = &[
        ("plain", "Iran and Albania", &["Iran", "Albania"]),
        (
            "longest wins",
            "the People’s Mujahideen Organisation of Iran said",
            &["People’s Mujahideen Organisation of Iran"],
        ),
        ("whole words only", "Indiana and Iranian", &["Iranian"]),
        ("possessive", "Albania’s minister and Iran's", &["Albania", "Iran"]),
        ("acronym case", "US officials told us", &["US"]),
        (
            "all caps headline",
            "IRAN DENIES ATTACK ON ALBANIA",
            &["IRAN", "ALBANIA"],
        ),
        ("lower case is not a name", "iran albania", &[]),
        ("dotted acronym", "the U.S. Treasury", &["U.S."]),
        (
            "diacritics folded",
            "Olta Xhacka and Olta Xhaçka",
            &["Olta Xhacka", "Olta Xhaçka"],
        ),
        (
            "hyphenated",
            "Iran-backed and al-Shabaab fighters",
            &["Iran", "al-Shabaab"],
        ),
        ("lowercase-initial name needs a word start", "xal-Shabaab", &[]),
        (
            "shorter match when the longest fails",
            "Iranian-ish Iraniana",
            &["Iranian"],
        ),
        ("multiword capital", "in New Delhi today", &["New Delhi"]),
        ("surname", "Olta Xhaçka met; Xhaçka said", &["Olta Xhaçka", "Xhaçka"]),
        ("empty", "", &[]),
    ];

    /// The ASCII fast path of `leading_word` takes the same word as the Unicode path, also
    /// where a word has diacritics or non-Latin letters or ends in a curly quote.
    #[test]
    fn leading_word_fast_path_agrees_with_the_unicode_path() {
        let texts = [
            "Iran's",
            "U.S.",
            "Albania’s",
            "Xhaçka",
            "Xhaçka’s",
            "Ré-union",
            "naïve",
            "Мария Иванова",
            "東京 Tōkyō",
            "Ελλάδα",
            "a1b2 c",
            "é",
            "’s",
            "",
            " x",
            "abc\u{00A0}def",
            "ABCÉ-x",
        ];
        for text in texts {
            for start in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
                let rest = &text[start..];
                assert_eq!(leading_word(rest), leading_word_unicode(rest, 0), "{rest:?}");
            }
        }
    }

    #[test]
    fn finds_names() {
        for &(name, text, expected) in CASES {
            assert_eq!(find(text), expected, "case {name}");
        }
    }

    /// A name that is also a lexicon phrase ("Albania" here, as a stand-in for "May") keeps
    /// both kinds of candidate, split by `entry_candidates` and `phrase_candidates`; and
    /// candidates sharing a surface ("Xhaçka" as surname and alias) are each case-checked.
    #[test]
    fn candidates_split_into_entries_then_phrases() {
        let gazetteer = GazetteerBuilder::new()
            .defaults(false)
            .add_text("g.tsv", GAZETTEER)
            .build()
            .unwrap();
        let phrase = |phrase: &str, id| LexiconPattern {
            phrase: phrase.to_owned(),
            kind: LexiconKind::Dates,
            id,
        };
        let matcher = Matcher::new(&gazetteer, &[phrase("Albania", 7), phrase("tirana", 8)]);
        let found = matcher.find("Albania and Tirana");
        assert_eq!(found.len(), 2);
        for raw in &found {
            let (entries, phrases) = (matcher.entry_candidates(raw), matcher.phrase_candidates(raw));
            assert_eq!([entries, phrases].concat(), raw.candidates.as_slice());
            assert!(!entries.is_empty() && !phrases.is_empty(), "{raw:?}");
            assert!(entries.iter().all(|&c| matcher.candidate(c).as_entry().is_some()));
            assert!(
                phrases
                    .iter()
                    .all(|&c| matcher.candidate(c).as_lexicon(LexiconKind::Dates).is_some())
            );
        }
        // Upper-case text fits every surface; lower-case text fits only the lower-case phrase.
        let lower = matcher.find("tirana");
        assert_eq!(lower.len(), 1);
        assert!(matcher.entry_candidates(&lower[0]).is_empty());
        assert_eq!(matcher.phrase_candidates(&lower[0]).len(), 1);
    }

    /// An image whose candidates put an entry after a phrase breaks the split, and is refused,
    /// as is one with a candidate of no known kind.
    #[test]
    fn first_phrase_needs_every_entry_first() {
        let entry = pack_target(Target::Entry(EntryCandidate {
            entry: EntryId(3),
            form: Form::Name,
            ambiguous: false,
        }));
        let phrase = pack_target(Target::Lexicon {
            kind: LexiconKind::Events,
            id: 4,
        });
        assert_eq!(first_phrase(&[entry, entry, phrase]), Ok(2));
        assert_eq!(first_phrase(&[entry]), Ok(1));
        assert_eq!(first_phrase(&[phrase]), Ok(0));
        assert_eq!(first_phrase(&[]), Ok(0));
        assert_eq!(
            first_phrase(&[entry, phrase, entry]),
            Err("an entry candidate after a phrase")
        );
        assert_eq!(first_phrase(&[entry, [7, 0]]), Err("unknown candidate target"));
    }

    #[test]
    fn surnames_skip_suffixes_and_initials() {
        assert_eq!(surname_of("Edi Rama"), Some("Rama"));
        assert_eq!(surname_of("Martin Luther King Jr."), Some("King"));
        assert_eq!(surname_of("Brian E. Nelson"), Some("Nelson"));
        assert_eq!(surname_of("Mugabe"), None);
        assert_eq!(surname_of("George W."), None);
        assert_eq!(surname_of("Abdullah II of Jordan"), None);
    }

    #[test]
    fn capitalised_word_starts_skip_inner_capitals() {
        let text = "McCain met Ürümqi officials in iPhone land";
        let starts: Vec<&str> = words(text)
            .filter(|&(_, _, capital)| capital)
            .map(|(i, _, _)| &text[i..i + 2])
            .collect();
        assert_eq!(starts, ["Mc", "Ü"]);
    }

    /// Words are the maximal runs of letters and digits, ASCII or not, and each ends where
    /// `leading_word` from its start ends.
    #[test]
    fn words_are_runs_of_letters_and_digits() {
        let text = "Albania’s Xhaçka met U.S. envoys (東京, Мария-Ivanova) at 9am;É é1 _x";
        let found: Vec<&str> = words(text).map(|(start, end, _)| &text[start..end]).collect();
        assert_eq!(
            found,
            [
                "Albania",
                "s",
                "Xhaçka",
                "met",
                "U",
                "S",
                "envoys",
                "東京",
                "Мария",
                "Ivanova",
                "at",
                "9am",
                "É",
                "é1",
                "x"
            ]
        );
        for (start, end, _) in words(text) {
            assert_eq!(leading_word(&text[start..]), &text[start..end]);
        }
    }
}
