//! Events: who did what to whom, coded with CAMEO, without a parser.
//!
//! A trigger (a verb or event noun from the event lexicon, found in the shared matching pass)
//! becomes an event when the sentence around it names its actors in one of the ways news
//! English does. Sentences are cut into clauses at semicolons, dashes and words that open a new
//! clause ("which", "after", "but", "that" after a verb of saying), and each rule works inside
//! one clause:
//!
//! | rule | example | source | target |
//! | --- | --- | --- | --- |
//! | `active` | "Albania cut diplomatic ties with Tehran" | the nearest actor before the verb, skipping appositions | the actor after the row's preposition, or the direct object |
//! | `passive` | "the attack was carried out by Iran" | the actor after "by" | the actor before the verb |
//! | `nominal` | "Iran’s cyber-attack on Albania", "Tirana’s decision to expel Iranian diplomats" | the possessor or adjective before the noun (or the subject of "decision to") | as for `active` |
//!
//! Noun phrases are chunked cheaply (up to a comma, a preposition other than "of", or a verb of
//! saying); "and" between phrases coordinates them, giving one event per pair ("Israel and
//! Albania agreed"); in a phrase with several actors the last is the head, so "Albania’s
//! Foreign Minister Olta Xhacka" is the minister, and "NATO member Albania" is Albania. A row
//! marked symmetric ("meet", "sign an agreement") also gives the reverse event.
//!
//! Each event says why it exists: `rule` names the lexicon row (file:line) and the grammar
//! rule; `negated`, `modality` and `reported_by` come from cue words in the clause; `zone`
//! says whether the sentence is body text, a headline, a photo caption or a related-link line.

pub mod inflect;
pub mod lexicon;

use std::borrow::Cow;

use crate::dates::DateMention;
use crate::gazetteer::{EntryKind, Gazetteer, LexiconKind, Matcher, RawMatch};
use crate::normalize::Normalized;
use crate::resolve::{EntityKey, InferredEntity, Mention, MentionForm};
use crate::segment::{Sentence, Token, tokens};
use inflect::VerbForm;
pub use lexicon::{CodeInfo, EventLexicon, EventRow, TargetSlot, TriggerKind};

/// Where in the page a sentence sits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Zone {
    /// The article's body.
    Body,
    /// A headline: a short line near the top without a full stop.
    Headline,
    /// A photo caption: a line ending in a bracketed credit ("\[Reuters\]").
    Caption,
    /// A related-link line ("READ: ...", "Related: ...").
    Related,
}

impl Zone {
    /// The name used in JSON output.
    pub fn as_str(self) -> &'static str {
        match self {
            Zone::Body => "body",
            Zone::Headline => "headline",
            Zone::Caption => "caption",
            Zone::Related => "related",
        }
    }
}

/// One coded event.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    /// Who did it.
    pub source: EntityKey,
    /// To whom, if anyone.
    pub target: Option<EntityKey>,
    /// The event code.
    pub code: String,
    /// The trigger's byte range in the text.
    pub trigger: (usize, usize),
    /// The sentence.
    pub sentence: usize,
    /// Index into the analysis's dates of the date in the same clause, if any.
    pub date: Option<usize>,
    /// A place named in the same sentence.
    pub location: Option<EntityKey>,
    /// Whether the clause denies the event ("did not meet", "denied attacking").
    pub negated: bool,
    /// Intent, future or possibility ("plans to", "will", "may"), if the clause says so.
    pub modality: Option<&'static str>,
    /// Who reported the event, for reported speech ("the government said that ...").
    pub reported_by: Option<EntityKey>,
    /// The lexicon row.
    pub row: u32,
    /// The grammar rule: `active`, `passive`, `nominal`, plus `+symmetric` for reverse events.
    pub grammar: &'static str,
    /// Where the sentence sits in the page.
    pub zone: Zone,
}

/// Everything the event stage reads.
pub struct EventInput<'a> {
    /// The original text.
    pub text: &'a str,
    /// Its normalised view (the matches are in its offsets).
    pub normalized: &'a Normalized<'a>,
    /// Sentences.
    pub sentences: &'a [Sentence],
    /// The shared pass's matches.
    pub matches: &'a [RawMatch],
    /// The matcher that made them.
    pub matcher: &'a Matcher,
    /// Entity mentions, sorted by position.
    pub mentions: &'a [Mention],
    /// The gazetteer.
    pub gazetteer: &'a Gazetteer,
    /// Inferred entities.
    pub inferred: &'a [InferredEntity],
    /// Dates, in text order.
    pub dates: &'a [DateMention],
}

/// Verbs of saying, which open reported speech and end a noun phrase.
const SAYING: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "announced",
    "stated",
    "claimed",
    "claims",
    "added",
    "reported",
    "confirmed",
    "insisted",
    "argued",
    "warned",
    "alleged",
    "believes",
    "believed",
    "revealed",
    "noted",
];

/// Words that open a new clause.
const CLAUSE_OPENERS: &[&str] = &[
    "which", "who", "whom", "whose", "but", "while", "whereas", "because", "although", "though", "after", "before",
    "when", "since", "until", "unless", "if", "where", "so",
];

/// Words that end a noun phrase.
const PHRASE_ENDERS: &[&str] = &[
    "in",
    "at",
    "on",
    "for",
    "with",
    "over",
    "after",
    "before",
    "during",
    "since",
    "to",
    "from",
    "by",
    "against",
    "into",
    "about",
    "due",
    "because",
    "last",
    "next",
    "this",
    "that",
    "which",
    "who",
    "as",
    "than",
    "following",
    "amid",
    "despite",
    "under",
    "near",
    "through",
    "is",
    "are",
    "was",
    "were",
    "has",
    "have",
    "had",
    "will",
    "would",
    "said",
    "says",
    "yesterday",
    "today",
    "tomorrow",
    "earlier",
    "later",
    "when",
    "while",
    "but",
];

/// Prepositions of place and path that end a noun phrase once it has its head: "roads into
/// Mordor along the pass of Cirith Ungol" is Mordor. Before a head they may lead to it
/// ("strike targets deep inside Russia").
const PLACE_PREPOSITIONS: &[&str] = &[
    "along",
    "across",
    "toward",
    "towards",
    "around",
    "beyond",
    "within",
    "throughout",
    "inside",
    "outside",
    "via",
];

/// Forms of "be" that make a participle passive.
const BE: &[&str] = &[
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "wasn't",
    "weren't",
    "isn't",
    "aren't",
    "wasn’t",
    "weren’t",
    "isn’t",
    "aren’t",
];

/// Cues of negation just before a trigger.
const NEGATIONS: &[&str] = &[
    "not",
    "never",
    "no",
    "didn't",
    "didn’t",
    "doesn't",
    "doesn’t",
    "don't",
    "don’t",
    "wasn't",
    "wasn’t",
    "weren't",
    "weren’t",
    "won't",
    "won’t",
    "cannot",
    "can't",
    "can’t",
    "hasn't",
    "hasn’t",
    "haven't",
    "haven’t",
    "isn't",
    "isn’t",
    "aren't",
    "aren’t",
    "wouldn't",
    "wouldn’t",
    "refused",
    "refuses",
    "declined",
];

/// Verbs that deny the gerund after them: "denied attacking".
const DENIALS: &[&str] = &["denied", "denies", "deny", "denying", "rejected", "dismissed"];

/// Cues of modality just before a trigger, and the modality they give.
const MODALITY: &[(&str, &str)] = &[
    ("will", "future"),
    ("shall", "future"),
    ("'ll", "future"),
    ("’ll", "future"),
    ("would", "possible"),
    ("may", "possible"),
    ("might", "possible"),
    ("could", "possible"),
    ("should", "obligation"),
    ("must", "obligation"),
    ("plans", "intent"),
    ("planned", "intent"),
    ("plan", "intent"),
    ("planning", "intent"),
    ("intends", "intent"),
    ("intended", "intent"),
    ("aims", "intent"),
    ("seeks", "intent"),
    ("sought", "intent"),
    ("wants", "intent"),
    ("wanted", "intent"),
    ("vowed", "intent"),
    ("vows", "intent"),
    ("pledged", "intent"),
    ("pledges", "intent"),
    ("promised", "intent"),
    ("threatened", "threat"),
    ("threatens", "threat"),
    ("threatening", "threat"),
    ("expected", "future"),
    ("set", "future"),
    ("going", "future"),
    ("offered", "intent"),
    ("offers", "intent"),
    ("agreed", "intent"),
    ("agrees", "intent"),
    ("ready", "intent"),
    ("prepared", "intent"),
];

/// A sentence prepared for event rules: its tokens and, for each, the actor mention covering
/// it (places are not actors).
struct Clauseable<'a> {
    text: &'a str,
    tokens: Vec<Token>,
    /// Each token in lower case (borrowed from the text when it already is).
    lowered: Vec<Cow<'a, str>>,
    /// For each token, the index into `mentions` of the actor mention covering it.
    actor_at: Vec<Option<usize>>,
    /// The tokens that end a clause, in order: found once per sentence, so that finding the
    /// clause of each trigger is a binary search rather than a walk to the nearest boundary,
    /// which made a long sentence without punctuation quadratic.
    boundaries: Vec<usize>,
    mentions: &'a [Mention],
}

impl Clauseable<'_> {
    fn word(&self, i: usize) -> &str {
        let t = self.tokens[i];
        &self.text[t.start..t.end]
    }

    /// Token `i` in lower case (computed once per sentence).
    fn lower(&self, i: usize) -> &str {
        &self.lowered[i]
    }

    fn is(&self, i: usize, words: &[&str]) -> bool {
        i < self.tokens.len() && words.contains(&self.lower(i))
    }

    fn token_at(&self, byte: usize) -> Option<usize> {
        let i = self.tokens.partition_point(|t| t.end <= byte);
        (i < self.tokens.len() && self.tokens[i].start <= byte).then_some(i)
    }

    /// The clause around token `i`: [start, end) in tokens.
    fn clause(&self, i: usize) -> (usize, usize) {
        let before = self.boundaries.partition_point(|&j| j < i);
        let start = before.checked_sub(1).map_or(0, |k| self.boundaries[k] + 1);
        let after = before + usize::from(self.boundaries.get(before) == Some(&i));
        let end = self.boundaries.get(after).copied().unwrap_or(self.tokens.len());
        (start, end)
    }

    /// Whether token `j` ends a clause (see [`Clauseable::clause`]).
    fn is_boundary(&self, j: usize) -> bool {
        let w = self.word(j);
        // Every token of a prepared sentence is tested: "that" is looked for before the long
        // list of verbs of saying, which few tokens are.
        matches!(w, ";" | "—" | "–" | ":" | "(" | ")" | "[" | "]")
            || (self.is(j, CLAUSE_OPENERS) && self.actor_at[j].is_none())
            || (self.is(j, &["that"]) && j > 0 && self.is(j - 1, SAYING))
            || (self.is(j + 1, &["that"]) && self.is(j, SAYING))
    }

    /// The noun phrases from token `from` on: each a list of head actor mentions, split at
    /// "and"/"or"/commas between actors; ends at a phrase ender or clause end.
    fn phrases_from(&self, from: usize, end: usize) -> Vec<usize> {
        let mut heads = Vec::new();
        let mut current: Option<usize> = None;
        let mut i = from;
        let mut words = 0;
        while i < end && words < 14 {
            let lower = self.lower(i);
            if let Some(m) = self.actor_at[i] {
                current = Some(m);
                // Skip the rest of the mention's tokens.
                while i + 1 < end && self.actor_at[i + 1] == Some(m) {
                    i += 1;
                }
            } else if lower == "and" || lower == "or" || lower == "," {
                // Coordination: close this phrase, continue with the next one only if an actor
                // follows soon ("Israel and Albania", not "sanctions and other measures").
                if let Some(head) = current.take() {
                    heads.push(head);
                }
                let next_actor = (i + 1..(i + 5).min(end)).find(|&j| self.actor_at[j].is_some());
                if next_actor.is_none() {
                    return heads;
                }
            } else if PHRASE_ENDERS.contains(&lower)
                || matches!(lower, "." | ";" | "\"" | "“" | "”" | "!" | "?")
                || (current.is_some() && PLACE_PREPOSITIONS.contains(&lower))
            {
                break;
            }
            words += 1;
            i += 1;
        }
        heads.extend(current);
        heads
    }

    /// The subject before token `verb` within the clause: the nearest actor to the left,
    /// skipping an apposition set off by commas ("X, Israel's minister, met").
    fn subject_before(&self, verb: usize, clause_start: usize) -> Vec<usize> {
        let mut j = verb;
        // An apposition right before the verb: jump over it to the noun phrase it describes.
        if j > clause_start
            && self.word(j - 1) == ","
            && let Some(open) = (clause_start..j - 1).rev().find(|&k| self.word(k) == ",")
            && (clause_start..open).any(|k| self.actor_at[k].is_some())
        {
            j = open;
        }
        let Some(last) = (clause_start..j).rev().find(|&k| self.actor_at[k].is_some()) else {
            return Vec::new();
        };
        // Coordinated subjects: "Israel and Albania agreed", also with determiners and
        // adjectives before a member ("Fornost and the evil Gondor", "Evil Mordor, the awful
        // Fornost, and good Gondor").
        let mut heads = vec![self.actor_at[last].expect("found above")];
        let mut k = last;
        while k > clause_start {
            let m = self.actor_at[k];
            let mut start = k;
            while start > clause_start && self.actor_at[start - 1] == m {
                start -= 1;
            }
            // Modifiers of this member, then the conjunction (", and" counts as one).
            let mut j = start;
            while j > clause_start && start - j < 3 && self.is_modifier(j - 1) {
                j -= 1;
            }
            let mut joined = false;
            while j > clause_start && self.is(j - 1, &["and", ","]) {
                j -= 1;
                joined = true;
            }
            if !joined {
                break;
            }
            // The previous member, maybe with its own modifiers after a comma: "the awful Fornost,".
            let Some(prev) = j.checked_sub(1).and_then(|p| self.actor_at[p]) else {
                break;
            };
            heads.insert(0, prev);
            k = j - 1;
        }
        heads
    }

    /// Whether token `i` can modify a noun inside a noun phrase: a determiner or a lower-case
    /// word that is no verb of saying, form of "be", preposition or clause opener.
    fn is_modifier(&self, i: usize) -> bool {
        if self.actor_at[i].is_some() {
            return false;
        }
        let word = self.word(i);
        let lower = self.lower(i);
        if DETERMINERS.contains(&lower) {
            return true;
        }
        // A capitalised adjective opens the sentence ("Evil Mordor"); elsewhere it would be a name.
        let lower_case = word.chars().all(|c| c.is_lowercase() || c == '-');
        lower_case
            && word.chars().any(char::is_alphabetic)
            && !PHRASE_ENDERS.contains(&lower)
            && !SAYING.contains(&lower)
            && !BE.contains(&lower)
            && !CLAUSE_OPENERS.contains(&lower)
            && !matches!(lower, "and" | "or" | "of" | "not")
    }
}

/// What makes two events the same: source, target, code and trigger span.
type EventKey = (EntityKey, Option<EntityKey>, String, (usize, usize));

/// Finds the events of a text.
pub fn find_events(lexicon: &EventLexicon, input: &EventInput<'_>) -> Vec<Event> {
    let triggers = trigger_hits(lexicon, input);
    if triggers.is_empty() {
        return Vec::new();
    }
    let zones = zones(input.text, input.sentences);
    let mut events = Vec::new();
    let mut sentence_cache: Option<(usize, Clauseable<'_>)> = None;
    let mut actor_cache: Option<(usize, bool)> = None;
    let mut location_cache: Option<(usize, Option<EntityKey>)> = None;
    // Within a sentence: the words a coded trigger took as its object ("offers aid": "aid" is
    // not a trigger of its own), and the last subject, for "X met Y ... and offered ...".
    let mut consumed_until = 0;
    // Events already coded, so that a trigger matched under two forms gives its event once.
    let mut seen: rustc_hash::FxHashSet<EventKey> = rustc_hash::FxHashSet::default();
    let mut last_subject: Vec<usize> = Vec::new();
    for (start, end, forms) in triggers {
        let sentence = crate::segment::sentence_index(input.sentences, start);
        let Some(span) = input.sentences.get(sentence) else {
            continue;
        };
        if start < span.start || end > span.end || start < consumed_until {
            continue;
        }
        // Once per sentence, not per trigger: a long sentence has many of both.
        let has_actor = match actor_cache {
            Some((cached, has_actor)) if cached == sentence => has_actor,
            _ => {
                let has_actor = mentions_within(input.mentions, span.start, span.end).any(|(_, m)| is_actor(input, m));
                actor_cache = Some((sentence, has_actor));
                has_actor
            }
        };
        if !has_actor {
            continue;
        }
        if sentence_cache.as_ref().is_none_or(|(s, _)| *s != sentence) {
            sentence_cache = Some((sentence, prepare(input, *span)));
            last_subject.clear();
        }
        let (_, clauseable) = sentence_cache.as_ref().expect("just prepared");
        let Some(trigger) = clauseable.token_at(start) else {
            continue;
        };
        let trigger_end = clauseable.token_at(end.saturating_sub(1)).unwrap_or(trigger);
        for &(form, form_id) in &forms {
            let coded = code_trigger(lexicon, clauseable, trigger, trigger_end, form, form_id, &last_subject);
            if coded.events.is_empty() {
                continue;
            }
            if let Some(object) = coded.object {
                consumed_until = consumed_until.max(clauseable.tokens[object].end);
            }
            last_subject = coded.subject;
            for mut event in coded.events {
                event.trigger = (start, end);
                event.sentence = sentence;
                event.zone = zones.get(sentence).copied().unwrap_or(Zone::Body);
                event.date = date_in_clause(input, clauseable, trigger);
                event.location = match location_cache {
                    Some((cached, location)) if cached == sentence => location,
                    _ => {
                        let location = location_in(input, *span);
                        location_cache = Some((sentence, location));
                        location
                    }
                };
                if seen.insert((event.source, event.target, event.code.clone(), event.trigger)) {
                    events.push(event);
                }
            }
            break;
        }
    }
    events
}

/// The mentions (sorted, disjoint) lying inside `start..end`, with their indices.
fn mentions_within(mentions: &[Mention], start: usize, end: usize) -> impl Iterator<Item = (usize, &Mention)> {
    let first = mentions.partition_point(|m| m.start < start);
    mentions[first..]
        .iter()
        .enumerate()
        .map(move |(i, m)| (first + i, m))
        .take_while(move |(_, m)| m.end <= end)
}

fn is_actor(input: &EventInput<'_>, mention: &Mention) -> bool {
    actor_kind(input, mention.key) != EntryKind::Place
}

fn actor_kind(input: &EventInput<'_>, key: EntityKey) -> EntryKind {
    match key {
        EntityKey::Entry(id) => input.gazetteer.entry(id).kind,
        EntityKey::Inferred(i) => input.inferred[i as usize].kind,
    }
}

/// Trigger matches in original offsets, each with its written forms and candidate rows.
/// Each form is given as its grammar and its pattern id (see [`EventLexicon::form`]).
#[allow(clippy::type_complexity)]
fn trigger_hits(lexicon: &EventLexicon, input: &EventInput<'_>) -> Vec<(usize, usize, Vec<(VerbForm, u32)>)> {
    let mut hits = Vec::new();
    for raw in input.matches {
        let forms: Vec<(VerbForm, u32)> = input
            .matcher
            .phrase_candidates(raw)
            .iter()
            .filter_map(|&i| input.matcher.candidate(i).as_lexicon(LexiconKind::Events))
            .map(|id| (lexicon.form(id).form, id))
            .collect();
        if forms.is_empty() {
            continue;
        }
        let range = input.normalized.to_original(raw.start..raw.end);
        // A trigger inside a name ("the Attack Helicopter Battalion") is not an event.
        let first = input.mentions.partition_point(|m| m.end <= range.start);
        if input.mentions.get(first).is_some_and(|m| m.start < range.end) {
            continue;
        }
        hits.push((range.start, range.end, forms));
    }
    hits
}

fn prepare<'a>(input: &EventInput<'a>, span: Sentence) -> Clauseable<'a> {
    let in_sentence: Vec<(usize, &Mention)> = mentions_within(input.mentions, span.start, span.end).collect();
    // Words are cut at mention edges, so that "Tirana’s" is the mention "Tirana" and "’s".
    let words = tokens(input.text, span.range());
    let mut toks: Vec<Token> = Vec::with_capacity(words.len() + 2 * in_sentence.len());
    // The first mention not wholly before the current token: tokens and mentions are both
    // sorted (and mentions disjoint), so it only moves forward (looking at every mention of
    // the sentence for every token was quadratic in a long sentence).
    let mut first = 0;
    for token in words {
        let mut start = token.start;
        // Only the mentions overlapping this token can cut it.
        while in_sentence.get(first).is_some_and(|(_, m)| m.end <= token.start) {
            first += 1;
        }
        let overlapping = in_sentence[first..].iter().take_while(|(_, m)| m.start < token.end);
        for &(_, mention) in overlapping {
            for edge in [mention.start, mention.end] {
                if edge > start && edge < token.end {
                    toks.push(Token {
                        start,
                        end: edge,
                        kind: token.kind,
                    });
                    start = edge;
                }
            }
        }
        toks.push(Token {
            start,
            end: token.end,
            kind: token.kind,
        });
    }
    let mut actor_at = vec![None; toks.len()];
    for &(index, mention) in &in_sentence {
        if !is_actor(input, mention) {
            continue;
        }
        // Tokens are sorted and disjoint: those inside the mention are a run from the first
        // one starting in it.
        let first = toks.partition_point(|t| t.start < mention.start);
        for (t, token) in toks.iter().enumerate().skip(first) {
            if token.end > mention.end {
                break;
            }
            actor_at[t] = Some(index);
        }
    }
    let lowered = toks
        .iter()
        .map(|t| {
            let word = &input.text[t.start..t.end];
            if word.is_ascii() {
                // The same lower case as `to_lowercase`, without decoding characters.
                if word.bytes().any(|b| b.is_ascii_uppercase()) {
                    Cow::Owned(word.to_ascii_lowercase())
                } else {
                    Cow::Borrowed(word)
                }
            } else if word.chars().any(char::is_uppercase) {
                Cow::Owned(word.to_lowercase())
            } else {
                Cow::Borrowed(word)
            }
        })
        .collect();
    let mut clauseable = Clauseable {
        text: input.text,
        tokens: toks,
        lowered,
        actor_at,
        boundaries: Vec::new(),
        mentions: input.mentions,
    };
    clauseable.boundaries = (0..clauseable.tokens.len())
        .filter(|&j| clauseable.is_boundary(j))
        .collect();
    clauseable
}

/// Whether the object phrase `object` starts at token `at`; gives its last token. Words
/// compare in lower case, the last word may be a regular plural ("sanction" finds
/// "sanctions"), and `&name` stands for any member of a synset.
fn object_match(lexicon: &EventLexicon, s: &Clauseable<'_>, object: &str, at: usize, end: usize) -> Option<usize> {
    let mut parts = object.split(' ').peekable();
    let mut j = at;
    let mut first = true;
    while let Some(part) = parts.next() {
        let last_part = parts.peek().is_none();
        // An article may come between a preposition of the object and its noun: "act on a
        // resolution", "acted on some programmes".
        if !first {
            while j < end && s.is(j, &["a", "an", "the", "some"]) {
                j += 1;
            }
        }
        first = false;
        let word_fits = |word: &str, wanted: &str, last: bool| {
            word == wanted || (last && lexicon::regular_singulars(word).any(|singular| singular == wanted))
        };
        match part.strip_prefix('&') {
            Some(name) => {
                let members = lexicon.synset(name)?;
                let matched = members.iter().find_map(|member| {
                    let fits = member.iter().enumerate().all(|(m, word)| {
                        j + m < end && word_fits(s.lower(j + m), word, last_part && m + 1 == member.len())
                    });
                    fits.then_some(member.len())
                })?;
                j += matched;
            }
            None => {
                if j >= end || !word_fits(s.lower(j), part, last_part) {
                    return None;
                }
                j += 1;
            }
        }
    }
    Some(j - 1)
}

/// What coding one trigger gave.
#[derive(Default)]
struct Coded {
    events: Vec<Event>,
    /// The token of the row's object, if it had one.
    object: Option<usize>,
    /// The subject used, for a following coordinated verb.
    subject: Vec<usize>,
}

/// Determiners: a participle right after one is an adjective ("the exiled group").
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "its", "their", "his", "her", "this", "these", "those", "our", "whose",
];

/// Whether the verb at `trigger` follows "and" (across quotes and adverbs): a coordinated
/// verb phrase sharing the earlier verb's subject.
fn follows_and(s: &Clauseable<'_>, trigger: usize, clause_start: usize) -> bool {
    let mut j = trigger;
    while j > clause_start {
        j -= 1;
        let word = s.lower(j);
        if matches!(
            word,
            "\"" | "“" | "‘" | "'" | "also" | "then" | "later" | "subsequently" | "immediately" | ","
        ) {
            continue;
        }
        return word == "and";
    }
    false
}

/// Codes one trigger occurrence with the best-fitting row of its written form.
fn code_trigger(
    lexicon: &EventLexicon,
    s: &Clauseable<'_>,
    trigger: usize,
    trigger_end: usize,
    form: VerbForm,
    form_id: u32,
    previous_subject: &[usize],
) -> Coded {
    let (clause_start, clause_end) = s.clause(trigger);
    // Every source is an actor of the clause before the trigger (its subject, a possessor),
    // an actor after "by" or "between" later in the clause, or the subject of the verb before
    // "and". Without any of them there is no event, and the rows and objects of the trigger
    // need not be looked up (most triggers end here: "said" with nobody before it).
    let source_before = s.actor_at[clause_start..trigger].iter().any(Option::is_some);
    if previous_subject.is_empty()
        && !source_before
        && !(trigger_end + 1..clause_end)
            .any(|j| s.is(j, &["by", "between"]) && s.actor_at[j + 1..clause_end].iter().any(Option::is_some))
    {
        return Coded::default();
    }
    // "the exiled opposition group": a participle after a determiner is an adjective.
    if inflect::is_participle(form) && trigger > 0 && s.is(trigger - 1, DETERMINERS) {
        return Coded::default();
    }
    // The row: one whose object follows beats one without, a longer object beats a shorter
    // one ("launch cyber-attack" over "launch attack"), and among equals the row loaded last
    // wins, so curated rows beat generated ones and a user's rows beat both.
    // "an attack", "the reopening", "a boycott": after a determiner the word is a noun, so only
    // noun rows may code it.
    let after_determiner = trigger > 0 && s.is(trigger - 1, DETERMINERS);
    let allowed = |id: u32| !(after_determiner && lexicon.row(id).kind == TriggerKind::Verb);
    let index = lexicon.objects_of(form_id);
    // A row's object is the one found at the first word after the trigger where any of its
    // objects starts (within five words), the row's earlier object first: per row, the
    // smallest (word, object number), with the object's last token.
    let mut objects: Vec<(u32, (usize, u32), usize)> = Vec::new();
    for j in trigger_end + 1..(trigger_end + 6).min(clause_end) {
        for (row_id, number) in lexicon.objects_starting_with(index, s.lower(j)) {
            let found_earlier = objects.iter().any(|&(id, (at, _), _)| id == row_id && at < j);
            if found_earlier || !allowed(row_id) {
                continue;
            }
            let object = &lexicon.row(row_id).objects[number as usize];
            if let Some(last) = object_match(lexicon, s, object, j, clause_end) {
                objects.push((row_id, (j, number), last));
            }
        }
        // A row with two objects found at this word keeps the one it lists first.
        objects.sort_unstable_by_key(|&(id, at, _)| (id, at));
        objects.dedup_by_key(|&mut (id, _, _)| id);
    }
    let best = index
        .bare
        .iter()
        .filter(|&&id| allowed(id))
        .map(|&id| (id, None))
        .chain(objects.iter().map(|&(id, _, last)| (id, Some(last))))
        .max_by_key(|&(id, at)| (at.map(|a| a + 1).unwrap_or(0), id));
    let Some((row_id, object)) = best else {
        return Coded::default();
    };
    let row = lexicon.row(row_id);
    let after_trigger = object.map(|o| o + 1).unwrap_or(trigger_end + 1);

    // Voice and the actors.
    let be_before = (trigger.saturating_sub(3)..trigger).any(|j| s.is(j, BE));
    // "companies in China accused of supplying Russia": a participle right after its noun,
    // followed by "of" where an active verb would have its object, is a reduced passive
    // relative clause; its subject is not the actor, and the accuser is not named.
    if row.kind == TriggerKind::Verb
        && row.target == TargetSlot::DirectObject
        && inflect::is_participle(form)
        && !be_before
        && s.is(trigger_end + 1, &["of"])
    {
        return Coded::default();
    }
    let passive = row.kind == TriggerKind::Verb && inflect::is_participle(form) && be_before;
    let (sources, targets, grammar) = if passive {
        let by = (after_trigger..clause_end).find(|&j| s.is(j, &["by"]));
        let sources = by.map(|b| s.phrases_from(b + 1, clause_end)).unwrap_or_default();
        let targets = s.subject_before(trigger, clause_start);
        (sources, targets, "passive")
    } else if let Some(pair) = between_pair(s, row, after_trigger, clause_end) {
        // "cooperation between Israel and Albania", "talks between X and Y".
        (
            vec![pair.0],
            pair.1,
            if row.kind == TriggerKind::Noun {
                "nominal"
            } else {
                "active"
            },
        )
    } else if row.kind == TriggerKind::Noun {
        (
            nominal_source(s, trigger, clause_start),
            find_targets(s, row, trigger_end + 1, after_trigger, clause_end),
            "nominal",
        )
    } else {
        let decision = trigger >= 2 && s.is(trigger - 1, &["to"]);
        let sources = if decision {
            // "Tirana’s decision to expel": the possessor of the noun before "to".
            let noun = trigger - 2;
            let possessor = nominal_source(s, noun, clause_start);
            if possessor.is_empty() {
                s.subject_before(trigger, clause_start)
            } else {
                possessor
            }
        } else if follows_and(s, trigger, clause_start) && !previous_subject.is_empty() {
            // "Roll met Xhacka ... and offered to share": the earlier verb's subject.
            previous_subject.to_vec()
        } else {
            s.subject_before(trigger, clause_start)
        };
        (
            sources,
            find_targets(s, row, trigger_end + 1, after_trigger, clause_end),
            "active",
        )
    };
    if sources.is_empty() {
        return Coded::default();
    }
    let negated = negation(s, trigger, clause_start, form);
    let modality = modality(s, trigger, clause_start);
    let reported_by = reported_by(s, clause_start);
    let mut events = Vec::new();
    for &source in &sources {
        let source_key = s.mentions[source].key;
        let target_list: Vec<Option<usize>> = if targets.is_empty() {
            vec![None]
        } else {
            targets.iter().copied().map(Some).collect()
        };
        for target in target_list {
            let target_key = target.map(|t| s.mentions[t].key);
            // An event needs a target unless its row says it has none; nor does anyone act on
            // itself.
            let wants_target = row.target != TargetSlot::None;
            if target_key == Some(source_key) || (wants_target && target_key.is_none()) {
                continue;
            }
            let event = Event {
                source: source_key,
                target: target_key,
                code: row.code.clone(),
                trigger: (0, 0),
                sentence: 0,
                date: None,
                location: None,
                negated,
                modality,
                reported_by: reported_by.filter(|r| *r != source_key),
                row: row_id,
                grammar,
                zone: Zone::Body,
            };
            if let (Some(reverse_code), Some(target_key)) = (&row.symmetric, target_key) {
                events.push(Event {
                    source: target_key,
                    target: Some(source_key),
                    code: reverse_code.clone(),
                    grammar: match grammar {
                        "passive" => "passive+symmetric",
                        "nominal" => "nominal+symmetric",
                        _ => "active+symmetric",
                    },
                    ..event.clone()
                });
                events.insert(events.len() - 1, event);
            } else {
                events.push(event);
            }
        }
    }
    Coded {
        events,
        object,
        subject: if passive { Vec::new() } else { sources },
    }
}

/// For rows whose target comes after "between": the first of the coordinated actors as the
/// source and the others as targets.
fn between_pair(s: &Clauseable<'_>, row: &EventRow, from: usize, clause_end: usize) -> Option<(usize, Vec<usize>)> {
    let TargetSlot::After(preps) = &row.target else {
        return None;
    };
    if !preps.iter().any(|p| p == "between") {
        return None;
    }
    let at = (from..(from + 4).min(clause_end)).find(|&j| s.is(j, &["between"]))?;
    let mut heads = s.phrases_from(at + 1, clause_end);
    if heads.len() < 2 {
        return None;
    }
    let first = heads.remove(0);
    Some((first, heads))
}

/// The targets of a row after the trigger (and its object).
fn find_targets(s: &Clauseable<'_>, row: &EventRow, object_start: usize, from: usize, clause_end: usize) -> Vec<usize> {
    match &row.target {
        TargetSlot::None => Vec::new(),
        TargetSlot::DirectObject => {
            // The object phrase itself may carry the target ("expel Iranian diplomats"), and
            // "met with X", "talked to X" have their object after a preposition.
            let start = (object_start..from).find(|&j| s.actor_at[j].is_some()).unwrap_or(from);
            // Only when a noun phrase follows: "offered to share" is no object.
            let phrase_follows =
                from + 1 < s.tokens.len() && (s.actor_at[from + 1].is_some() || s.is(from + 1, DETERMINERS));
            let start = if start == from && s.is(from, &["with", "to"]) && phrase_follows {
                from + 1
            } else {
                start
            };
            s.phrases_from(start, clause_end)
        }
        TargetSlot::Anywhere => match (object_start..clause_end).find(|&j| s.actor_at[j].is_some()) {
            Some(first) => s.phrases_from(first, clause_end),
            None => Vec::new(),
        },
        TargetSlot::After(preps) => {
            let prep = (from..(from + 8).min(clause_end)).find(|&j| preps.iter().any(|p| s.lower(j) == *p));
            match prep {
                Some(p) => s.phrases_from(p + 1, clause_end),
                None => Vec::new(),
            }
        }
    }
}

/// The actor that owns an event noun: "Iran’s cyber-attack", "the Iranian attack".
fn nominal_source(s: &Clauseable<'_>, noun: usize, clause_start: usize) -> Vec<usize> {
    let mut j = noun;
    // Skip adjectives and hyphenated parts between the owner and the noun ("Iran’s
    // unprecedented cyber-attack").
    for _ in 0..4 {
        // `<=`: a noun can open its sentence before the clause the trigger's verb starts.
        if j <= clause_start {
            return Vec::new();
        }
        j -= 1;
        if let Some(m) = s.actor_at[j] {
            let mention = &s.mentions[m];
            let possessive = s.text[mention.end..].starts_with(['\'', '’']);
            if possessive || mention.form == MentionForm::Demonym || j + 1 == noun {
                return vec![m];
            }
            return Vec::new();
        }
        let word = s.word(j);
        if s.is(j, &["behind"]) {
            return behind_source(s, j, clause_start);
        }
        let is_modifier =
            word.chars().all(|c| c.is_lowercase() || c == '-') || matches!(word, "’s" | "'s" | "’" | "'" | "s");
        if !is_modifier || s.is(j, PHRASE_ENDERS) {
            return Vec::new();
        }
    }
    Vec::new()
}

/// "Tehran was behind the attack": the actor before "be behind" is the event's source.
fn behind_source(s: &Clauseable<'_>, behind: usize, clause_start: usize) -> Vec<usize> {
    if behind < clause_start + 2 || !s.is(behind - 1, BE) {
        return Vec::new();
    }
    s.subject_before(behind - 1, clause_start)
}

fn negation(s: &Clauseable<'_>, trigger: usize, clause_start: usize, form: VerbForm) -> bool {
    let window = trigger.saturating_sub(4).max(clause_start)..trigger;
    let negated = window
        .clone()
        .any(|j| s.is(j, NEGATIONS) || s.lower(j).ends_with("n't") || s.lower(j).ends_with("n’t"));
    let denied = form == VerbForm::Gerund && window.clone().any(|j| s.is(j, DENIALS));
    negated || denied
}

fn modality(s: &Clauseable<'_>, trigger: usize, clause_start: usize) -> Option<&'static str> {
    let window = trigger.saturating_sub(4).max(clause_start)..trigger;
    window.rev().find_map(|j| {
        let word = s.lower(j);
        MODALITY.iter().find(|(cue, _)| *cue == word).map(|&(_, m)| m)
    })
}

/// "The Albanian government said that Iran launched ...": the speaker, when the clause is
/// reported speech.
fn reported_by(s: &Clauseable<'_>, clause_start: usize) -> Option<EntityKey> {
    if clause_start < 2 || !s.is(clause_start - 1, &["that"]) || !s.is(clause_start - 2, SAYING) {
        return None;
    }
    let speaker = s.subject_before(clause_start - 2, 0);
    speaker.last().map(|&m| s.mentions[m].key)
}

fn date_in_clause(input: &EventInput<'_>, s: &Clauseable<'_>, trigger: usize) -> Option<usize> {
    let (start, end) = s.clause(trigger);
    let (from, to) = (s.tokens.get(start)?.start, s.tokens.get(end.saturating_sub(1))?.end);
    // Dates are in text order: start at the first one in the clause rather than scan every
    // date of the document for every event.
    let first = input.dates.partition_point(|d| d.start < from);
    input.dates[first..]
        .iter()
        .take_while(|d| d.start < to)
        .position(|d| d.end <= to && d.value.is_some())
        .map(|i| first + i)
}

fn location_in(input: &EventInput<'_>, span: Sentence) -> Option<EntityKey> {
    mentions_within(input.mentions, span.start, span.end)
        .find(|(_, m)| actor_kind(input, m.key) == EntryKind::Place)
        .map(|(_, m)| m.key)
}

/// The zone of each sentence: related-link lines ("READ: ..."), photo captions (a line ending
/// in a bracketed credit), headlines (a line of three or more words without a full stop among
/// the first lines), and body text.
pub fn zones(text: &str, sentences: &[Sentence]) -> Vec<Zone> {
    let mut seen_body = false;
    sentences
        .iter()
        .enumerate()
        .map(|(index, sentence)| {
            let line = &text[sentence.range()];
            let opening = line.trim_start().as_bytes();
            let related = [
                "read:",
                "read more:",
                "related:",
                "also read:",
                "see also:",
                "watch:",
                "more:",
                "listen:",
            ]
            .iter()
            .any(|p| {
                opening
                    .get(..p.len())
                    .is_some_and(|o| o.eq_ignore_ascii_case(p.as_bytes()))
            });
            let caption = line.trim_end().ends_with(']') && line.contains('[');
            let line_alone = text[..sentence.start].ends_with('\n') || sentence.start == 0;
            let unpunctuated = !line.trim_end().ends_with(['.', '!', '?', '"', '”', ':']);
            // A dateline ("September 13, 2022 at 3:38 pm") is mostly numbers; a headline is not.
            // The words are counted only until the body starts: after that no sentence is a
            // headline, and the body has started already.
            let (words, numeric) = if seen_body {
                (0, 0)
            } else {
                line.split_whitespace().fold((0, 0), |(words, numeric), w| {
                    (words + 1, numeric + usize::from(w.bytes().any(|b| b.is_ascii_digit())))
                })
            };
            let unpunctuated = unpunctuated && numeric * 3 < words;
            let headline = !seen_body && index < 6 && line_alone && unpunctuated && words >= 3;
            if !related && !caption && !headline && words > 8 {
                seen_body = true;
            }
            if related {
                Zone::Related
            } else if caption {
                Zone::Caption
            } else if headline {
                Zone::Headline
            } else {
                Zone::Body
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::{Document, GazetteerBuilder, Pipeline};

    const ACTORS: &str = "type\tname\taliases\tcountry\tsector\tdemonyms\tcapitals\n\
        state\tIsrael\t\tISR\t\tIsraeli\tJerusalem\n\
        state\tAlbania\t\tALB\t\tAlbanian\tTirana\n\
        state\tIran\t\tIRN\t\tIranian\tTehran\n\
        state\tUnited States\tUS\tUSA\t\tAmerican\tWashington\n\
        organisation\tNorth Atlantic Treaty Organization\tNATO\t\tIGO\t\t\n\
        person\tIdan Roll\t\tISR\tGOV\t\t\n\
        person\tOlta Xhaçka\tOlta Xhacka\tALB\tGOV\t\t\n";

    const LEXICON: &str = "phrase\tkind\tobject\tprep\tcameo\tsymmetric\tnote\n\
        meet\tverb\t\t\t040\t040\t\n\
        cut\tverb\tties|diplomatic ties\twith\t161\t\t\n\
        impose\tverb\tsanctions\ton|against\t163\t\t\n\
        accuse\tverb\t\t\t112\t\t\n\
        carry out\tverb\t&attack\t\t190\t\t\n\
        &attack\tsynset\tattack|raid\t\t\t\t\n\
        expel\tverb\tdiplomats\t\t161\t\t\n\
        offer\tverb\taid\tto\t033\t\t\n\
        attack\tnoun\t\ton|against\t190\t\t\n\
        cooperation\tnoun\t\twith|between\t030\t030\t\n\
        leave\tverb\t\t*\t032\t\t\n\
        charge\tverb\t\t\t173\t\t\n\
        act\tverb\ton resolution\t*\t102\t\t\n";

    /// Lists the events of `text` as "SOURCE>TARGET CODE rule flags".
    fn events(text: &str) -> Vec<String> {
        let gazetteer = GazetteerBuilder::new()
            .defaults(false)
            .add_text("actors.tsv", ACTORS)
            .add_text("events.tsv", LEXICON)
            .build()
            .unwrap();
        let pipeline = Pipeline::new(gazetteer).unwrap();
        let record = pipeline.extract(&Document::new("-", text), &Default::default());
        let code = |id: &str| {
            record
                .entities
                .iter()
                .find(|e| e.id == id)
                .and_then(|e| e.code.clone())
                .unwrap()
        };
        record
            .events
            .iter()
            .map(|v| {
                let mut line = format!(
                    "{}>{} {} {}",
                    code(&v.source),
                    v.target.as_deref().map(code).unwrap_or_else(|| "-".into()),
                    v.cameo,
                    v.rule.rsplit("; ").next().unwrap()
                );
                if v.negated {
                    line.push_str(" negated");
                }
                if let Some(m) = &v.modality {
                    line.push_str(&format!(" {m}"));
                }
                if let Some(r) = &v.reported_by {
                    line.push_str(&format!(" reported-by {}", code(r)));
                }
                line
            })
            .collect()
    }

    /// (name, text, expected events)
    const CASES: &[(&str, &str, &[&str])] = &[
        (
            "active with a preposition",
            "Albania cut diplomatic ties with Tehran.",
            &["ALB>IRN 161 active"],
        ),
        (
            "comitative meeting",
            "Israeli Deputy Foreign Minister Idan Roll met with Albania’s Foreign Minister Olta Xhacka.",
            &["ISRGOV>ALBGOV 040 active", "ALBGOV>ISRGOV 040 active+symmetric"],
        ),
        (
            "direct object",
            "Iran accused Albania of lying.",
            &["IRN>ALB 112 active"],
        ),
        ("passive", "The raid was carried out by Iran, Albania said.", &[]),
        (
            "passive with a subject",
            "Albania was accused by Iran.",
            &["IRN>ALB 112 passive"],
        ),
        (
            "nominal with possessor",
            "Iran’s attack on Albania drew anger.",
            &["IRN>ALB 190 nominal"],
        ),
        (
            "nominal with demonym",
            "The Iranian attack against NATO member Albania failed.",
            &["IRN>ALB 190 nominal"],
        ),
        (
            "decision to",
            "Israel praised Tirana’s decision to expel Iranian diplomats.",
            &["ALB>IRN 161 active"],
        ),
        (
            "coordinated targets",
            "Washington imposed sanctions on Iran and Albania.",
            &["USA>IRN 163 active", "USA>ALB 163 active"],
        ),
        (
            "coordinated subjects",
            "Israel and Albania accused Iran.",
            &["ISR>IRN 112 active", "ALB>IRN 112 active"],
        ),
        (
            "between",
            "Cooperation between Israel and Albania grew.",
            &["ISR>ALB 030 nominal", "ALB>ISR 030 nominal+symmetric"],
        ),
        (
            "negation",
            "Iran did not accuse Albania.",
            &["IRN>ALB 112 active negated"],
        ),
        (
            "modality",
            "Washington plans to impose sanctions on Iran.",
            &["USA>IRN 163 active intent"],
        ),
        (
            "reported speech",
            "The Albanian government said that Iran accused NATO.",
            &["IRN>IGO 112 active reported-by ALB"],
        ),
        (
            "apposition before the verb",
            "Idan Roll, Israel's envoy, accused Iran.",
            &["ISRGOV>IRN 112 active"],
        ),
        (
            "object taken by a trigger is no trigger",
            "Israel offers aid to Albania.",
            &["ISR>ALB 033 active"],
        ),
        (
            "target anywhere after the verb",
            "Idan Roll left on Monday for talks in Albania.",
            &["ISRGOV>ALB 032 active"],
        ),
        (
            "a verb's word after a determiner is a noun",
            "Israel repeated a charge Iran denied.",
            &[],
        ),
        ("the verb itself", "Israel charged Iran.", &["ISR>IRN 173 active"]),
        (
            "an article inside the object",
            "Israel acted on a resolution against Iran.",
            &["ISR>IRN 102 active"],
        ),
        (
            "a place after the target is not the target",
            "Israel accused Iran across the Albania border.",
            &["ISR>IRN 112 active"],
        ),
        (
            "reduced passive relative clause",
            "Firms in Albania accused of helping Iran were listed.",
            &[],
        ),
        (
            "coordinated subjects with modifiers",
            "Albania and the embattled Israel accused Iran.",
            &["ALB>IRN 112 active", "ISR>IRN 112 active"],
        ),
        ("no actors, no event", "Officials met on Tuesday to discuss aid.", &[]),
        ("no target, no event", "Iran accused.", &[]),
        ("adjectival participle", "The accused official met Albania.", &[]),
    ];

    #[test]
    fn codes_events_by_the_rules() {
        for &(name, text, expected) in CASES {
            assert_eq!(events(text), expected, "case {name}");
        }
    }

    #[test]
    fn zones_follow_the_page_layout() {
        let text = "Site tagline here\n\nIran accuses Albania of hacking\n\nSeptember 13, 2022\n\n\
                    Roll met Xhacka in Berlin [Reuters]\n\nIran accused Albania on Monday, officials in Tirana said today.\n\n\
                    READ: Albania accuses Iran\n";
        let sentences = crate::segment::sentences(text);
        let zones: Vec<&str> = super::zones(text, &sentences).iter().map(|z| z.as_str()).collect();
        assert_eq!(zones, ["headline", "headline", "body", "caption", "body", "related"]);
    }
}
