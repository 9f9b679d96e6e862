//! Syndicated copies: grouping the near-duplicate documents of a batch into stories.
//!
//! A wire story reaches a corpus many times over: under other headlines, with a site's tagline,
//! byline and footer around it, a paragraph cut or moved, a name spelled out, or cut short.
//! Counted as they come, one event becomes ten. This module groups such copies so that each
//! story can be counted once while every copy stays in the output.
//!
//! How it works:
//!
//! 1. [`body_text`] keeps the article's body: headline, caption and "READ:" lines (the zones
//!    events already use), short lines standing alone (datelines, bylines, section labels) and
//!    publisher footers are dropped; the rest is folded the way names are matched (curly quotes,
//!    diacritics), lower-cased and reduced to words.
//! 2. [`Signature::of`] takes the set of its word 3-grams (shingles) and keeps, for each of 128
//!    hash functions, the smallest hash: a MinHash signature. Two signatures agree in a slot
//!    with probability equal to the Jaccard similarity of the two shingle sets.
//! 3. [`Deduper::assign`] cuts the signature into 42 bands of 3 slots. Documents sharing a
//!    band are candidates (locality-sensitive hashing), so a new document is compared with a
//!    handful of earlier ones, not all of them; each candidate is scored and the document joins
//!    the story of the best one scoring at least the threshold, else starts a story of its own.
//!
//! The score is the estimated *containment* of the shorter shingle set in the longer one
//! (shared shingles over the smaller set's size), derived from the Jaccard estimate and the two
//! set sizes. Jaccard alone punishes a truncated copy for what it left out: the first half of
//! an article has a Jaccard similarity of 0.5 with the whole, but all of it is the same story.
//!
//! Documents arrive in input order and are assigned at once (a streaming API), so a batch
//! processed on many threads still gives the same stories as long as the output loop feeds
//! them in input order. The hashes are fixed constants, so stories are the same on every run
//! and machine. A story never merges with another after the fact: its documents have been
//! written already.

use std::hash::Hasher;

use rustc_hash::{FxHashMap, FxHasher};

use crate::events::{Zone, zones};
use crate::normalize::Normalized;
use crate::segment::sentences;
use crate::wire::{DocumentRecord, EntityRecord, EventRecord};

/// The default `--dedup-threshold`: the containment score from which two documents are one
/// story. Chosen on the labelled corpus in `tests/data/dedup/` (README, "Syndicated copies"):
/// there, different stories score at most 0.43 (a follow-up reusing two background
/// paragraphs) and copies at least 0.83 (the first two paragraphs alone), and 0.6 sits between
/// the two with room for the estimate's error (about 0.05).
pub const DEFAULT_THRESHOLD: f64 = 0.6;

/// Words per shingle. Three keeps a one-word edit to three lost shingles, while two stories on
/// one topic still share few of them ("the foreign ministry" is common; longer runs are not).
const SHINGLE_WORDS: usize = 3;
/// MinHash slots. 128 gives a standard error of about 0.04 on a similarity of 0.5.
const HASHES: usize = 128;
/// Slots per LSH band. With 42 bands of 3, a pair at Jaccard 0.5 shares a band with
/// probability 0.996, at 0.3 with 0.68 and at 0.05 with 0.005, so different stories are rarely
/// even compared. Bands of 2 would find more cut-down copies (a two-paragraph brief of a long
/// story has a Jaccard similarity near 0.2) but make every pair of articles sharing a few
/// stock phrases a candidate, which grows with the square of the batch.
const BAND_ROWS: usize = 3;
const BANDS: usize = HASHES / BAND_ROWS;
/// Bodies with fewer words than this are their own story: too little text to tell a copy from
/// a coincidence ("Photo: Reuters").
const MIN_WORDS: usize = 8;
/// How many documents of one story a band bucket keeps. One member per bucket would be enough
/// to find the story; a few more help a copy that resembles a later member more than the
/// first. The bound keeps a story with thousands of copies from filling buckets that every new
/// copy would then scan.
const PER_STORY_IN_BUCKET: usize = 2;

/// Footer phrases of publisher boilerplate, lower case; a line containing one is no body text.
const FOOTER_CUES: &[&str] = &[
    "\u{a9}",
    "all rights reserved",
    "follow us on",
    "sign up for",
    "subscribe to",
    "this story was distributed",
    "is not responsible for the content",
];

/// The body of an article as the deduplicator compares it: lower-case words, one space apart.
///
/// Headlines, captions and related-link lines are left out (by the same zones events use), and
/// so are short lines standing alone (fewer than six words: datelines, "By J. Smith", "WORLD
/// NEWS") and publisher footers ("© 2022 ...", "Follow us on ..."): a syndicated copy changes
/// exactly these. Text is folded as names are (curly quotes, diacritics: "López" = "Lopez").
pub fn body_text(text: &str) -> String {
    let sentences = sentences(text);
    let zones = zones(text, &sentences);
    let mut body = String::with_capacity(text.len());
    for (sentence, zone) in sentences.iter().zip(&zones) {
        if *zone != Zone::Body {
            continue;
        }
        let line = &text[sentence.range()];
        let rest = text[sentence.end..].trim_start_matches([' ', '\t', '\r']);
        let alone = (sentence.start == 0 || text[..sentence.start].ends_with('\n'))
            && (rest.is_empty() || rest.starts_with('\n'));
        if alone && line.split_whitespace().count() < 6 {
            continue;
        }
        let lower = line.to_lowercase();
        if FOOTER_CUES.iter().any(|cue| lower.contains(cue)) {
            continue;
        }
        push_words(Normalized::new(&lower).as_str(), &mut body);
    }
    body
}

/// Appends the words of `text` (letters and digits; an apostrophe inside a word is dropped, so
/// "Mexico's" and "Mexicos" agree), each after a space.
fn push_words(text: &str, out: &mut String) {
    let mut in_word = false;
    for ch in text.chars() {
        if ch.is_alphanumeric() {
            if !in_word {
                if !out.is_empty() {
                    out.push(' ');
                }
                in_word = true;
            }
            out.push(ch);
        } else if ch != '\'' || !in_word {
            in_word = false;
        }
    }
}

/// A document's MinHash signature and the size of its shingle set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signature {
    mins: Box<[u32; HASHES]>,
    /// Distinct shingles; 0 for a body too short to compare.
    shingles: u32,
}

impl Signature {
    /// The signature of a body as [`body_text`] gives it (any text works; words are split on
    /// white space).
    pub fn of(body: &str) -> Signature {
        let words: Vec<u64> = body.split_whitespace().map(word_hash).collect();
        let mut mins = Box::new([u32::MAX; HASHES]);
        if words.len() < MIN_WORDS {
            return Signature { mins, shingles: 0 };
        }
        let mut shingles: Vec<u32> = words
            .windows(SHINGLE_WORDS)
            .map(|w| {
                let combined = w[0] ^ w[1].rotate_left(21) ^ w[2].rotate_left(42);
                (mix64(combined) >> 32) as u32
            })
            .collect();
        // A set, not a bag: a repeated phrase counts once, as Jaccard similarity wants.
        shingles.sort_unstable();
        shingles.dedup();
        for &shingle in &shingles {
            // One loop over fixed arrays, which the compiler vectorises: 128 hash functions
            // of the form (x ^ seed) * odd, each an independent-enough permutation of u32.
            for ((min, seed), mult) in mins.iter_mut().zip(&SEEDS).zip(&MULTIPLIERS) {
                let h = (shingle ^ seed).wrapping_mul(*mult);
                let h = h ^ (h >> 15);
                *min = (*min).min(h);
            }
        }
        Signature {
            mins,
            shingles: shingles.len() as u32,
        }
    }

    /// The number of distinct shingles; 0 when the body was too short to compare.
    pub fn shingles(&self) -> usize {
        self.shingles as usize
    }

    /// The estimated Jaccard similarity of the two shingle sets (0 when either is empty).
    pub fn jaccard(&self, other: &Signature) -> f64 {
        jaccard(
            &compress(&self.mins),
            &compress(&other.mins),
            self.shingles,
            other.shingles,
        )
    }

    /// The estimated share of the smaller shingle set found in the larger one: the score
    /// [`Deduper`] compares with its threshold.
    pub fn containment(&self, other: &Signature) -> f64 {
        containment(
            &compress(&self.mins),
            &compress(&other.mins),
            self.shingles,
            other.shingles,
        )
    }

    fn band_keys(&self) -> [u32; BANDS] {
        let mut keys = [0u32; BANDS];
        for (band, (key, rows)) in keys.iter_mut().zip(self.mins.chunks_exact(BAND_ROWS)).enumerate() {
            let mut hasher = FxHasher::default();
            hasher.write_usize(band);
            for &row in rows {
                hasher.write_u32(row);
            }
            *key = (mix64(hasher.finish()) >> 32) as u32;
        }
        keys
    }
}

/// Slots are stored as their low 16 bits (b-bit MinHash): two different minima agree there by
/// chance once in 65,536, which moves a similarity by nothing measurable, for half the memory.
fn compress(mins: &[u32; HASHES]) -> [u16; HASHES] {
    let mut out = [0u16; HASHES];
    for (o, m) in out.iter_mut().zip(mins) {
        *o = *m as u16;
    }
    out
}

fn jaccard(a: &[u16; HASHES], b: &[u16; HASHES], a_len: u32, b_len: u32) -> f64 {
    if a_len == 0 || b_len == 0 {
        return 0.0;
    }
    let equal = a.iter().zip(b).filter(|(x, y)| x == y).count();
    equal as f64 / HASHES as f64
}

fn containment(a: &[u16; HASHES], b: &[u16; HASHES], a_len: u32, b_len: u32) -> f64 {
    let j = jaccard(a, b, a_len, b_len);
    if j == 0.0 {
        return 0.0;
    }
    // |A ∩ B| = J (|A| + |B|) / (1 + J), from J = |A ∩ B| / (|A| + |B| - |A ∩ B|).
    let shared = j * f64::from(a_len + b_len) / (1.0 + j);
    (shared / f64::from(a_len.min(b_len))).min(1.0)
}

fn word_hash(word: &str) -> u64 {
    let mut hasher = FxHasher::default();
    hasher.write(word.as_bytes());
    mix64(hasher.finish())
}

/// The SplitMix64 finaliser: spreads every input bit over the whole output, so that the upper
/// half used for shingles and bands is as good as any.
fn mix64(mut x: u64) -> u64 {
    x ^= x >> 30;
    x = x.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x ^= x >> 27;
    x = x.wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// Fixed seeds and odd multipliers of the hash functions, derived at compile time from a
/// SplitMix64 sequence: the same on every run and machine, so story ids are too.
const SEEDS: [u32; HASHES] = constants(0x5eed_0000_0000_0001, false);
const MULTIPLIERS: [u32; HASHES] = constants(0x0dd0_0000_0000_0002, true);

const fn constants(start: u64, odd: bool) -> [u32; HASHES] {
    let mut out = [0u32; HASHES];
    let mut state = start;
    let mut i = 0;
    while i < HASHES {
        state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut x = state;
        x ^= x >> 30;
        x = x.wrapping_mul(0xbf58_476d_1ce4_e5b9);
        x ^= x >> 27;
        x = x.wrapping_mul(0x94d0_49bb_1331_11eb);
        x ^= x >> 31;
        let value = (x >> 32) as u32;
        out[i] = if odd { value | 1 } else { value };
        i += 1;
    }
    out
}

/// Where [`Deduper::assign`] put a document.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct StoryAssignment {
    /// The story: the `doc_index` of its first document.
    pub story: usize,
    /// The `doc_index` of the story's first document when this document is a copy; `None`
    /// when it starts the story.
    pub duplicate_of: Option<usize>,
    /// The score of the closest earlier document of the story, for a copy.
    pub score: Option<f64>,
}

impl StoryAssignment {
    /// The story id as written in the output: `s` and the first document's position from 1
    /// (`s1` is the story the batch's first document starts).
    pub fn story_id(&self) -> String {
        story_id(self.story)
    }
}

fn story_id(first: usize) -> String {
    format!("s{}", first + 1)
}

/// One indexed document: its story and its compressed signature.
#[derive(Debug, Clone)]
struct Member {
    story: usize,
    shingles: u32,
    mins: [u16; HASHES],
}

/// The streaming near-duplicate grouper: fed documents in input order, it says at once which
/// story each belongs to.
///
/// Memory and time grow linearly with the number of documents: each is hashed once, looked up
/// in 42 band buckets and compared with the few documents found there.
///
/// ```
/// use gazette::dedup::{Deduper, body_text};
///
/// let story = "Peru on Tuesday expelled Mexico's ambassador, giving him 72 hours to leave, \
///              in a row over Mexico's support for the ousted president.";
/// let copy = format!("Lima orders envoy out\n\n{story}\n\n\u{a9} 2022 Andean Daily. All rights reserved.");
/// let other = "Mexico will keep diplomatic relations with Peru, the president said on \
///              Wednesday at his morning news conference in the capital.";
/// let mut deduper = Deduper::new(0.5);
/// assert_eq!(deduper.assign(0, &body_text(story)).duplicate_of, None);
/// assert_eq!(deduper.assign(1, &body_text(other)).duplicate_of, None);
/// let assigned = deduper.assign(2, &body_text(&copy));
/// assert_eq!((assigned.story, assigned.duplicate_of), (0, Some(0)));
/// ```
#[derive(Debug, Clone)]
pub struct Deduper {
    threshold: f64,
    members: Vec<Member>,
    /// Band key to the first entry of its bucket's list in `entries`.
    buckets: FxHashMap<u32, u32>,
    /// Bucket lists: (member index, next entry or `u32::MAX`).
    entries: Vec<(u32, u32)>,
    documents: usize,
    duplicates: usize,
}

const END: u32 = u32::MAX;

impl Deduper {
    /// A deduplicator that groups documents whose score reaches `threshold` (0 to 1; see
    /// [`DEFAULT_THRESHOLD`]).
    pub fn new(threshold: f64) -> Self {
        Deduper {
            threshold,
            members: Vec::new(),
            buckets: FxHashMap::default(),
            entries: Vec::new(),
            documents: 0,
            duplicates: 0,
        }
    }

    /// Assigns the next document in input order. `doc_index` is its position in the batch
    /// (from 0); `body` is its text as [`body_text`] gives it.
    pub fn assign(&mut self, doc_index: usize, body: &str) -> StoryAssignment {
        self.assign_signature(doc_index, &Signature::of(body))
    }

    /// Like [`Deduper::assign`], with a signature computed beforehand, for instance on a
    /// worker thread; only this call needs to happen in input order.
    pub fn assign_signature(&mut self, doc_index: usize, signature: &Signature) -> StoryAssignment {
        self.documents += 1;
        let fresh = StoryAssignment {
            story: doc_index,
            duplicate_of: None,
            score: None,
        };
        if signature.shingles == 0 {
            return fresh;
        }
        let keys = signature.band_keys();
        let mins = compress(&signature.mins);
        // The members found in each band, for the scoring and then for the bucket bound.
        let mut found: Vec<(usize, u32)> = Vec::new();
        for (band, key) in keys.iter().enumerate() {
            let mut entry = self.buckets.get(key).copied().unwrap_or(END);
            while entry != END {
                let (member, next) = self.entries[entry as usize];
                found.push((band, member));
                entry = next;
            }
        }
        let mut candidates: Vec<u32> = found.iter().map(|&(_, m)| m).collect();
        candidates.sort_unstable();
        candidates.dedup();
        let mut best: Option<(f64, usize)> = None;
        for &m in &candidates {
            let member = &self.members[m as usize];
            let score = containment(&mins, &member.mins, signature.shingles, member.shingles);
            if score < self.threshold {
                continue;
            }
            // The highest score wins; on a tie, the older story, so that the outcome does not
            // depend on the order candidates were found in.
            let better = match best {
                None => true,
                Some((s, story)) => score > s || (score == s && member.story < story),
            };
            if better {
                best = Some((score, member.story));
            }
        }
        let assignment = match best {
            Some((score, story)) => {
                self.duplicates += 1;
                StoryAssignment {
                    story,
                    duplicate_of: Some(story),
                    score: Some(score),
                }
            }
            None => fresh,
        };
        // Index the document in every band where its story is not yet well represented.
        let story = assignment.story;
        let mut index: Option<u32> = None;
        for (band, key) in keys.iter().enumerate() {
            let same_story = found
                .iter()
                .filter(|&&(b, m)| b == band && self.members[m as usize].story == story)
                .count();
            if same_story >= PER_STORY_IN_BUCKET {
                continue;
            }
            let member = *index.get_or_insert_with(|| {
                self.members.push(Member {
                    story,
                    shingles: signature.shingles,
                    mins,
                });
                (self.members.len() - 1) as u32
            });
            let head = self.buckets.entry(*key).or_insert(END);
            self.entries.push((member, *head));
            *head = (self.entries.len() - 1) as u32;
        }
        assignment
    }

    /// Documents assigned so far, and how many of them were copies.
    pub fn counts(&self) -> DedupSummary {
        DedupSummary {
            documents: self.documents,
            stories: self.documents - self.duplicates,
            duplicates: self.duplicates,
        }
    }
}

/// The figures of a deduplicated batch.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DedupSummary {
    /// Documents seen.
    pub documents: usize,
    /// Distinct stories among them.
    pub stories: usize,
    /// Documents that were copies of an earlier one (`documents - stories`).
    pub duplicates: usize,
}

impl std::fmt::Display for DedupSummary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} documents, {} stories, {} duplicates",
            self.documents, self.stories, self.duplicates
        )
    }
}

/// What the output keeps of a story's first document: its `source`, and its events' keys.
#[derive(Debug, Clone)]
struct FirstDocument {
    source: String,
    events: Vec<EventKeys>,
}

#[derive(Debug, Clone, Copy)]
struct EventKeys {
    /// Source and target by type and folded canonical name, code and polarity.
    by_name: u64,
    /// Source and target by CAMEO actor code, code and polarity; `None` when an actor has none.
    by_code: Option<u64>,
    zone: u64,
    /// The event's number (`v3` is 3).
    number: u32,
}

/// Fills in the `--dedup` fields of output records: `story` and `duplicate_of` on documents,
/// `story` and `repeat_of` on events.
///
/// Feed it every record of the batch in input order. An event of a copy *repeats* an event of
/// the story's first document when both have the same source and target and the same event
/// code and polarity (`negated`): actors compare by type and canonical name, folded ("López
/// Obrador" = "Lopez Obrador"), or, when a copy spelled a name differently ("Pablo Monroy
/// Conesa"), by CAMEO actor code. The same zone (headline, body) is preferred when several
/// match. Events a copy has and the first document lacks are not repeats: counting the events
/// whose `repeat_of` is null counts each story's events once, plus what copies added.
#[derive(Debug, Clone)]
pub struct StoryAnnotator {
    deduper: Deduper,
    next_index: usize,
    firsts: FxHashMap<usize, FirstDocument>,
}

impl StoryAnnotator {
    /// An annotator grouping at `threshold` (see [`DEFAULT_THRESHOLD`]).
    pub fn new(threshold: f64) -> Self {
        StoryAnnotator {
            deduper: Deduper::new(threshold),
            next_index: 0,
            firsts: FxHashMap::default(),
        }
    }

    /// Assigns the next record in input order, whose document text is `text`, and fills in its
    /// fields.
    pub fn annotate(&mut self, text: &str, record: &mut DocumentRecord) -> StoryAssignment {
        self.annotate_signature(&Signature::of(&body_text(text)), record)
    }

    /// Like [`StoryAnnotator::annotate`], with the signature of `body_text(text)` computed
    /// beforehand (on a worker thread, say).
    pub fn annotate_signature(&mut self, signature: &Signature, record: &mut DocumentRecord) -> StoryAssignment {
        let index = self.next_index;
        self.next_index += 1;
        let assignment = self.deduper.assign_signature(index, signature);
        let story = assignment.story_id();
        record.story = Some(story.clone());
        for event in &mut record.events {
            event.story = Some(story.clone());
            event.repeat_of = Some(None);
        }
        match assignment.duplicate_of {
            None => {
                record.duplicate_of = Some(None);
                let events = record
                    .events
                    .iter()
                    .filter_map(|event| {
                        let number = event.id.strip_prefix('v')?.parse().ok()?;
                        Some(keys_of(record, event, number))
                    })
                    .collect();
                self.firsts.insert(
                    index,
                    FirstDocument {
                        source: record.source.clone(),
                        events,
                    },
                );
            }
            Some(first) => {
                let Some(first) = self.firsts.get(&first) else {
                    return assignment;
                };
                record.duplicate_of = Some(Some(first.source.clone()));
                let repeats: Vec<Option<u32>> = record
                    .events
                    .iter()
                    .map(|event| repeated(first, &keys_of(record, event, 0)))
                    .collect();
                for (event, repeat) in record.events.iter_mut().zip(repeats) {
                    event.repeat_of = Some(repeat.map(|n| format!("v{n}")));
                }
            }
        }
        assignment
    }

    /// Documents annotated so far, stories and copies: the summary of a `--dedup` run.
    pub fn summary(&self) -> DedupSummary {
        self.deduper.counts()
    }
}

/// The event of the first document that `keys` repeats: same actors by name, else by code;
/// among several, the first in the same zone, else the first.
fn repeated(first: &FirstDocument, keys: &EventKeys) -> Option<u32> {
    let pick = |matches: &dyn Fn(&EventKeys) -> bool| {
        let mut candidates = first.events.iter().filter(|e| matches(e));
        let any = candidates.clone().next()?;
        Some(candidates.find(|e| e.zone == keys.zone).unwrap_or(any).number)
    };
    pick(&|e| e.by_name == keys.by_name).or_else(|| match keys.by_code {
        Some(code) => pick(&|e| e.by_code == Some(code)),
        None => None,
    })
}

fn keys_of(record: &DocumentRecord, event: &EventRecord, number: u32) -> EventKeys {
    let entity = |id: Option<&String>| id.and_then(|id| record.entities.iter().find(|e| &e.id == id));
    let (source, target) = (entity(Some(&event.source)), entity(event.target.as_ref()));
    let mut by_name = FxHasher::default();
    let mut by_code = FxHasher::default();
    let mut codes_known = true;
    for actor in [source, target] {
        by_name.write(name_key(actor).as_bytes());
        by_name.write_u8(0xff);
        match actor {
            Some(EntityRecord { code: Some(code), .. }) => by_code.write(code.as_bytes()),
            Some(_) => codes_known = false,
            None => by_code.write(b"-"),
        }
        by_code.write_u8(0xff);
    }
    for hasher in [&mut by_name, &mut by_code] {
        hasher.write(event.cameo.as_bytes());
        hasher.write_u8(u8::from(event.negated));
    }
    let mut zone = FxHasher::default();
    zone.write(event.zone.as_bytes());
    EventKeys {
        by_name: by_name.finish(),
        by_code: codes_known.then(|| by_code.finish()),
        zone: zone.finish(),
        number,
    }
}

/// An actor as events compare it: type and canonical name, folded and lower-cased.
fn name_key(actor: Option<&EntityRecord>) -> String {
    match actor {
        Some(entity) => format!(
            "{}:{}",
            entity.kind,
            Normalized::new(&entity.name).as_str().to_lowercase()
        ),
        None => "-".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const WIRE: &str = "LIMA, Dec 20 (Gazette Wire) - Peru on Tuesday expelled Mexico's ambassador, \
        declaring him persona non grata and giving him 72 hours to leave the country, in a deepening \
        row over Mexico's support for the ousted president.\n\n\
        The foreign minister said the government had acted because of repeated remarks by Mexico's \
        highest authorities about the political crisis, which she called interference in internal \
        affairs. The ambassador was notified in the afternoon.\n\n\
        The expulsion came hours after Mexico said it had granted asylum to the former president's \
        wife and children, who had been sheltering inside the Mexican embassy in Lima.\n\n\
        Mexico's foreign minister called the decision groundless and said the envoy had always acted \
        within diplomatic norms. He ordered the ambassador home but said the embassy would stay open.\n\n\
        At least 20 people have been killed in protests demanding early elections since the removal.\n";

    const SAME_TOPIC: &str = "MEXICO CITY, Dec 21 - Mexico will keep diplomatic relations with \
        Peru, the president said on Wednesday, a day after Lima threw out the Mexican ambassador \
        over what it called meddling.\n\n\
        Speaking at his morning news conference, the president said he regretted the decision but \
        would not respond in kind, and repeated that the ousted leader had been treated unfairly.\n\n\
        Analysts in both capitals said the row was unlikely to hurt trade between the two Pacific \
        Alliance members, although Mexico has refused to hand over the bloc's rotating presidency.\n";

    const UNRELATED: &str = "GENEVA, May 20 - Health ministers adopted a pandemic agreement on \
        Tuesday after three years of talks, committing countries to share pathogen samples and \
        a fifth of their vaccine production in a future emergency.\n\n\
        The director-general called the vote a victory for public health and multilateral action, \
        while several delegations said the hardest annex was still to be negotiated.\n";

    fn assign_all(texts: &[&str]) -> Vec<StoryAssignment> {
        let mut deduper = Deduper::new(DEFAULT_THRESHOLD);
        texts
            .iter()
            .enumerate()
            .map(|(i, text)| deduper.assign(i, &body_text(text)))
            .collect()
    }

    #[test]
    fn body_text_drops_headline_caption_byline_and_footer() {
        let page = format!(
            "Andean Daily | News since 1998\n\nLima orders Mexico's envoy out\n\nPublished 20 December 2022\n\n\
             The ambassador leaves the ministry [Gazette Wire]\n\nBy J. Smith\n\n{WIRE}\n\
             READ: Castillo held for 18 months\n\nFollow us on Facebook and Instagram for breaking news from Peru.\n\n\
             \u{a9} 2022 Andean Daily. All rights reserved.\n"
        );
        assert_eq!(body_text(&page), body_text(WIRE));
        let body = body_text(WIRE);
        assert!(body.starts_with("lima dec 20 gazette wire peru on tuesday expelled mexicos ambassador"));
        assert!(!body.contains("  "));
    }

    #[test]
    fn body_text_folds_diacritics_and_quotes() {
        let a = body_text("Andrés Manuel López Obrador said on Tuesday that Mexico’s envoy would stay in Lima.");
        let b = body_text("Andres Manuel Lopez Obrador said on Tuesday that Mexico's envoy would stay in Lima.");
        assert_eq!(a, b);
    }

    #[test]
    fn identical_documents_are_one_story() {
        let got = assign_all(&[WIRE, UNRELATED, WIRE]);
        assert_eq!(got[0].duplicate_of, None);
        assert_eq!(got[1].duplicate_of, None);
        assert_eq!((got[2].story, got[2].duplicate_of), (0, Some(0)));
        assert_eq!(got[2].score, Some(1.0));
        assert_eq!(got[2].story_id(), "s1");
    }

    #[test]
    fn edited_copies_join_the_first_story() {
        let paragraphs: Vec<&str> = WIRE.split("\n\n").collect();
        let headline_and_footer = format!(
            "Lima throws out Mexican envoy in Castillo row\n\n{WIRE}\n\u{a9} 2022 Andean Daily. All rights reserved.\n"
        );
        let dropped = [paragraphs[0], paragraphs[1], paragraphs[3], paragraphs[4]].join("\n\n");
        let reordered = [
            paragraphs[0],
            paragraphs[2],
            paragraphs[1],
            paragraphs[3],
            paragraphs[4],
        ]
        .join("\n\n");
        let renamed = WIRE.replace("The foreign minister", "Foreign Minister Ana Cecilia Gervasi");
        let truncated = paragraphs[..3].join("\n\n");
        let texts = [
            WIRE,
            SAME_TOPIC,
            &headline_and_footer,
            &dropped,
            &reordered,
            &renamed,
            &truncated,
        ];
        let got = assign_all(&texts);
        assert_eq!(got[1].duplicate_of, None, "a same-topic story is not a copy");
        for (i, assignment) in got.iter().enumerate().skip(2) {
            assert_eq!(assignment.duplicate_of, Some(0), "variant {i}: {assignment:?}");
        }
    }

    #[test]
    fn same_topic_stories_stay_apart() {
        let wire = Signature::of(&body_text(WIRE));
        let other = Signature::of(&body_text(SAME_TOPIC));
        assert!(wire.containment(&other) < 0.2, "{}", wire.containment(&other));
        let got = assign_all(&[WIRE, SAME_TOPIC, UNRELATED]);
        assert!(got.iter().all(|a| a.duplicate_of.is_none()), "{got:?}");
    }

    #[test]
    fn stories_do_not_depend_on_unrelated_documents_in_between() {
        let copy = format!("Peru expels envoy\n\n{WIRE}");
        let alone = assign_all(&[WIRE, &copy]);
        let mixed = assign_all(&[UNRELATED, WIRE, SAME_TOPIC, UNRELATED, &copy]);
        assert_eq!(alone[1].duplicate_of, Some(0));
        assert_eq!(mixed[4].duplicate_of, Some(1));
        assert_eq!(alone[1].score, mixed[4].score);
    }

    #[test]
    fn short_bodies_are_never_copies() {
        let got = assign_all(&["Photo gallery of the week.", "Photo gallery of the week."]);
        assert_eq!(got[1].duplicate_of, None);
    }

    #[test]
    fn minhash_estimates_jaccard_similarity() {
        // Two bodies of distinct words sharing 200 of 300 shingles each: Jaccard 200/400.
        let words: Vec<String> = (0..500).map(|i| format!("w{i}")).collect();
        let a = words[..302].join(" ");
        let b = words[100..402].join(" ");
        let (a, b) = (Signature::of(&a), Signature::of(&b));
        assert_eq!((a.shingles(), b.shingles()), (300, 300));
        let j = a.jaccard(&b);
        assert!((j - 0.5).abs() < 0.1, "estimated {j}");
        // Half an article is wholly contained in it.
        let half = Signature::of(&words[..152].join(" "));
        assert!(half.containment(&a) > 0.85, "{}", half.containment(&a));
    }

    #[test]
    fn many_copies_keep_buckets_bounded() {
        let mut deduper = Deduper::new(DEFAULT_THRESHOLD);
        let body = body_text(WIRE);
        for i in 0..1000 {
            let assigned = deduper.assign(i, &body);
            assert_eq!(assigned.story, 0);
        }
        assert!(
            deduper.members.len() <= PER_STORY_IN_BUCKET,
            "{}",
            deduper.members.len()
        );
        assert_eq!(
            deduper.counts(),
            DedupSummary {
                documents: 1000,
                stories: 1,
                duplicates: 999
            }
        );
    }
}
