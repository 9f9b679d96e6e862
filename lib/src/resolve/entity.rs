//! From raw gazetteer matches to mentions and entities.
//!
//! A name can stand for several entries ("Georgia"), and some names are only trusted in
//! context. The rules, applied in text order so that earlier mentions inform later ones:
//!
//! 1. A full name, alias, demonym or capital is a mention of its entry. When it could be
//!    several entries, one already mentioned in the article wins (the most recent); otherwise
//!    states come before organisations, people and places, then file order.
//! 2. A name marked `ambiguous` in the gazetteer ("Jordan", "Chad"), and any capital city, is
//!    not trusted when it sits inside a longer capitalised name: "Michael Jordan", "Jordan
//!    Bardella" and "Lake Chad" are not the state, and neither "Rome Statute" nor "Washington
//!    Post" is a government. In an all-capitals headline capitals say nothing, so the test
//!    is skipped there.
//! 3. A surname alone ("Rama") is a mention of the most recently mentioned person with that
//!    surname; before any full mention it is nothing. It also beats an ambiguous name.
//! 4. Between entries that share a name and are not yet mentioned, the article decides: each
//!    name that can only mean one entry casts a vote for that entry's country, and the
//!    candidate whose country has the most votes wins. "Georgia" in an article that also
//!    names Tbilisi and Georgians is the country; in one about Washington and Americans it is
//!    the US state.

// The maps here are keyed by entry ids, entity keys and the gazetteer's country codes, never by
// text from the article, so the fast, non-randomised hash cannot be steered by input.
use rustc_hash::FxHashMap;

use crate::gazetteer::{EntryCandidate, EntryId, EntryKind, Form, Gazetteer, Matcher, RawMatch, leading_word};
use crate::normalize::Normalized;
use crate::resolve::{CAPITALISED_FUNCTION_WORDS, WordSet, is_all_caps};
use crate::segment::{Sentence, sentence_index};

/// What a mention refers to: a gazetteer entry, or an entity inferred from the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum EntityKey {
    /// A gazetteer entry.
    Entry(EntryId),
    /// An entity inferred by a rule: an index into the analysis's inferred entities.
    Inferred(u32),
}

/// How a mention refers to its entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum MentionForm {
    /// The full name.
    Name,
    /// An alias (from the gazetteer, or defined in the text: "also known as").
    Alias,
    /// A demonym standing for a state ("Iranian").
    Demonym,
    /// A capital standing for a state's government ("Tehran denied"), or for the city.
    Capital,
    /// A surname after the full name ("Rama").
    Surname,
    /// An acronym defined in the text ("the IAEA" after "... Agency (IAEA)").
    Acronym,
    /// A definite description referring back ("the minister", "the bloc").
    Reference,
}

impl MentionForm {
    /// The name used in JSON output.
    pub fn as_str(self) -> &'static str {
        match self {
            MentionForm::Name => "name",
            MentionForm::Alias => "alias",
            MentionForm::Demonym => "demonym",
            MentionForm::Capital => "capital",
            MentionForm::Surname => "surname",
            MentionForm::Acronym => "acronym",
            MentionForm::Reference => "reference",
        }
    }
}

impl From<Form> for MentionForm {
    fn from(form: Form) -> Self {
        match form {
            Form::Name => MentionForm::Name,
            Form::Alias => MentionForm::Alias,
            Form::Demonym => MentionForm::Demonym,
            Form::Capital => MentionForm::Capital,
            Form::Surname => MentionForm::Surname,
        }
    }
}

/// One mention of an entity in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// Byte offset into the original text.
    pub start: usize,
    /// Byte offset just past the mention in the original text.
    pub end: usize,
    /// What it refers to.
    pub key: EntityKey,
    /// How it refers to it.
    pub form: MentionForm,
    /// Index of the sentence it is in.
    pub sentence: usize,
}

/// All mentions of one entity, in text order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entity {
    /// The entity.
    pub key: EntityKey,
    /// Indices into the mention list, in text order.
    pub mentions: Vec<usize>,
}

/// Resolves raw matches into mentions of gazetteer entries, in text order. `claimed[i]` marks
/// raw matches another stage has taken (a date word), which are skipped.
pub fn resolve_mentions(
    original: &str,
    normalized: &Normalized<'_>,
    sentences: &[Sentence],
    matches: &[RawMatch],
    claimed: &[bool],
    matcher: &Matcher,
    gazetteer: &Gazetteer,
) -> Vec<Mention> {
    let mut mentions: Vec<Mention> = Vec::new();
    // Entry -> index of its most recent mention, to prefer entries already in the article.
    let mut last_mention: FxHashMap<EntryId, usize> = FxHashMap::default();
    let norm = normalized.as_str();
    let votes = country_votes(matches, matcher, gazetteer);
    let votes_for = |entry: EntryId| {
        let entry = gazetteer.entry(entry);
        entry
            .country(entry.role_on(None))
            .and_then(|c| votes.get(c))
            .copied()
            .unwrap_or(0)
    };
    for (index, raw) in matches.iter().enumerate() {
        if claimed.get(index).copied().unwrap_or(false) {
            continue;
        }
        let candidates: Vec<EntryCandidate> = matcher
            .entry_candidates(raw)
            .iter()
            .filter_map(|&i| matcher.candidate(i).as_entry())
            .collect();
        let mentioned = |entry: EntryId| last_mention.get(&entry).copied();
        let inside_longer_name = inside_longer_capitalised_name(norm, raw.start, raw.end);

        let matched = &norm[raw.start..raw.end];
        let headline = in_capitals_line(norm, raw.start, raw.end);
        let strong = candidates
            .iter()
            .filter(|c| c.form != Form::Surname)
            .filter(|c| !(c.ambiguous || c.form == Form::Capital) || !inside_longer_name)
            .filter(|c| {
                // An ambiguous name other than a state's own name needs the article to speak
                // of its country elsewhere ("Douglas" the capital of the Isle of Man).
                let entry = gazetteer.entry(c.entry);
                let state_name = entry.kind == EntryKind::State && matches!(c.form, Form::Name | Form::Alias);
                !c.ambiguous || state_name || mentioned(c.entry).is_some() || votes_for(c.entry) > 0
            })
            .filter(|c| !headline || trusted_in_capitals(gazetteer, c, matched));
        let best_strong = strong.max_by_key(|c| {
            let kind = gazetteer.entry(c.entry).kind;
            (
                mentioned(c.entry),
                votes_for(c.entry),
                !c.ambiguous,
                kind_priority(kind),
                std::cmp::Reverse(c.entry),
            )
        });
        let best_surname = candidates
            .iter()
            .filter(|c| c.form == Form::Surname)
            .filter_map(|c| mentioned(c.entry).map(|at| (at, c)))
            .max_by_key(|(at, _)| *at)
            .map(|(_, c)| c);

        let chosen = match (best_strong, best_surname) {
            (Some(strong), Some(surname)) if strong.ambiguous && mentioned(strong.entry).is_none() => surname,
            (Some(strong), _) => strong,
            (None, Some(surname)) => surname,
            (None, None) => continue,
        };
        let range = normalized.to_original(raw.start..raw.end);
        debug_assert!(original.is_char_boundary(range.start) && original.is_char_boundary(range.end));
        last_mention.insert(chosen.entry, mentions.len());
        mentions.push(Mention {
            start: range.start,
            end: range.end,
            key: EntityKey::Entry(chosen.entry),
            form: chosen.form.into(),
            sentence: sentence_index(sentences, range.start),
        });
    }
    mentions
}

/// Votes per country from the names that can only mean one entry.
fn country_votes<'g>(matches: &[RawMatch], matcher: &Matcher, gazetteer: &'g Gazetteer) -> FxHashMap<&'g str, u32> {
    let mut votes = FxHashMap::default();
    for raw in matches {
        let mut entries = matcher
            .entry_candidates(raw)
            .iter()
            .filter_map(|&i| matcher.candidate(i).as_entry())
            .filter(|c| c.form != Form::Surname && !c.ambiguous);
        if let (Some(only), None) = (entries.next(), entries.next()) {
            let entry = gazetteer.entry(only.entry);
            if let Some(country) = entry.country(entry.role_on(None)) {
                *votes.entry(country).or_insert(0) += 1;
            }
        }
    }
    votes
}

fn kind_priority(kind: EntryKind) -> u8 {
    match kind {
        EntryKind::State => 3,
        EntryKind::Organisation => 2,
        EntryKind::Person => 1,
        EntryKind::Place => 0,
    }
}

/// Groups mentions (sorted by position) into entities ordered by first mention.
pub fn group_into_entities(mentions: &[Mention]) -> Vec<Entity> {
    let mut entities: Vec<Entity> = Vec::new();
    let mut index_of: FxHashMap<EntityKey, usize> = FxHashMap::default();
    for (i, mention) in mentions.iter().enumerate() {
        let slot = *index_of.entry(mention.key).or_insert_with(|| {
            entities.push(Entity {
                key: mention.key,
                mentions: Vec::new(),
            });
            entities.len() - 1
        });
        entities[slot].mentions.push(i);
    }
    entities
}

/// Whether a match in capitals sits among other words in capitals (a headline).
fn in_capitals_line(norm: &str, start: usize, end: usize) -> bool {
    is_all_caps(&norm[start..end])
        && (norm[..start].strip_suffix(' ').map(last_word).is_some_and(is_all_caps)
            || norm[end..].strip_prefix(' ').map(leading_word).is_some_and(is_all_caps))
}

/// In an all-capitals headline, case tells nothing, so a single word that is not a state's
/// name must be written in capitals in the gazetteer too (an acronym) and be longer than
/// three letters: "LEAGUE" is not the Italian party, "IN" not the Israeli navy.
fn trusted_in_capitals(gazetteer: &Gazetteer, candidate: &EntryCandidate, matched: &str) -> bool {
    let entry = gazetteer.entry(candidate.entry);
    if entry.kind == EntryKind::State || matched.contains(' ') {
        return true;
    }
    let is_acronym = std::iter::once(&entry.name)
        .chain(&entry.aliases)
        .any(|name| name == matched);
    is_acronym && matched.chars().count() > 3
}

/// Capitalised words that commonly open a sentence or precede a name without being part of it.
static NOT_NAME_WORDS: WordSet = WordSet::new(&[
    CAPITALISED_FUNCTION_WORDS,
    &[
        "Both",
        "Neither",
        "Either",
        "Neighbouring",
        "Neighboring",
        "Northern",
        "Southern",
        "Eastern",
        "Western",
        "Central",
        "North",
        "South",
        "East",
        "West",
        "King",
        "Queen",
        "President",
        "Prime",
        "Minister",
        "Foreign",
        "Defence",
        "Defense",
        "Interior",
        "Government",
        "Army",
        "Police",
        "Parliament",
        "Ministry",
        "Embassy",
        "Ambassador",
        "Officials",
        "Forces",
        "Troops",
        "Border",
        "Authorities",
        "Leader",
        "Leaders",
        "Crown",
        "Prince",
        "Emir",
        "Sultan",
        "Sheikh",
        "Both",
    ],
]);

/// Whether the match sits in a longer capitalised name: the word just before it (same
/// sentence, separated by spaces only) or just after it is capitalised and is not a
/// function word or title.
fn inside_longer_capitalised_name(norm: &str, start: usize, end: usize) -> bool {
    let matched = &norm[start..end];
    // The cheap tests first: most neighbours are lower case, and most of the rest function
    // words; only a capitalised name word needs the capitals test (a headline).
    let extends = |word: &str| {
        word.chars().next().is_some_and(char::is_uppercase)
            && !NOT_NAME_WORDS.contains(word)
            && !(is_all_caps(word) && is_all_caps(matched))
    };
    norm[..start].strip_suffix(' ').map(last_word).is_some_and(extends)
        || norm[end..].strip_prefix(' ').map(leading_word).is_some_and(extends)
}

/// The letters and digits that end `text`.
fn last_word(text: &str) -> &str {
    // ASCII byte by byte; from a non-ASCII byte on, by characters.
    let bytes = text.as_bytes();
    let mut start = bytes.len();
    while start > 0 && bytes[start - 1].is_ascii_alphanumeric() {
        start -= 1;
    }
    if start > 0 && !bytes[start - 1].is_ascii() {
        start = text[..start]
            .char_indices()
            .rev()
            .find(|&(_, c)| !c.is_alphanumeric())
            .map_or(0, |(i, c)| i + c.len_utf8());
    }
    &text[start..]
}

#[cfg(test)]
mod tests {
    use crate::{GazetteerBuilder, Pipeline};

    /// The byte-wise paths of `leading_word` and `last_word` find the words the character-wise
    /// definitions find, on every prefix and suffix of mixed text.
    #[test]
    fn first_and_last_words_agree_with_the_character_definitions() {
        let texts = [
            "Xhaçka’s 3rd É-é, NATO",
            "Ωμέγα Tōkyō x1 ’",
            "plain ASCII, only",
            "",
            "é",
        ];
        for text in texts {
            for at in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
                let (before, after) = (&text[..at], &text[at..]);
                let last = before
                    .char_indices()
                    .rev()
                    .find(|&(_, c)| !c.is_alphanumeric())
                    .map_or(0, |(i, c)| i + c.len_utf8());
                assert_eq!(super::last_word(before), &before[last..], "{before:?}");
                let first = after.find(|c: char| !c.is_alphanumeric()).unwrap_or(after.len());
                assert_eq!(crate::gazetteer::leading_word(after), &after[..first], "{after:?}");
            }
        }
    }

    const GAZETTEER: &str = "type\tname\taliases\tcountry\tdemonyms\tcapitals\tambiguous\n\
        state\tJordan\t\tJOR\tJordanian\tAmman\tJordan\n\
        state\tChad\t\tTCD\tChadian\tN'Djamena\tChad\n\
        state\tTurkey\tTürkiye\tTUR\tTurkish\tAnkara\tTurkey\n\
        state\tItaly\t\tITA\tItalian\tRome\t\n\
        state\tGeorgia\t\tGEO\tGeorgian\tTbilisi\tGeorgia\n\
        state\tIsle of Man\t\tIMN\t\tDouglas\tDouglas\n\
        organisation\tNorth Atlantic Treaty Organization\tNATO\t\t\t\t\n\
        organisation\tLeague\t\tITA\t\t\t\n\
        organisation\tIsrael Naval Force\tIN\tISR\t\t\t\n\
        state\tUnited States\tUS\tUSA\tAmerican|Americans\tWashington\t\n\
        place\tGeorgia (US state)\tGeorgia\tUSA\t\t\tGeorgia\n\
        person\tEdi Rama\t\tALB\t\t\t\n\
        person\tMichael Jordan\t\tUSA\t\t\t\n";

    /// Resolves `text` and lists each mention as "text=entity name".
    fn mentions(text: &str) -> Vec<String> {
        let gazetteer = GazetteerBuilder::new()
            .defaults(false)
            .add_text("g.tsv", GAZETTEER)
            .build()
            .unwrap();
        let pipeline = Pipeline::new(gazetteer).unwrap();
        let analysis = pipeline.analyze(text, &Default::default());
        analysis
            .mentions
            .iter()
            .filter_map(|m| match m.key {
                super::EntityKey::Entry(entry) => Some(format!(
                    "{}={}",
                    &text[m.start..m.end],
                    pipeline.gazetteer().entry(entry).name
                )),
                super::EntityKey::Inferred(_) => None,
            })
            .collect()
    }

    /// (name, text, expected mentions)
    const CASES: &[(&str, &str, &[&str])] = &[
        (
            "ambiguous state alone",
            "Jordan said it would help.",
            &["Jordan=Jordan"],
        ),
        (
            "inside a person's name",
            "Michael Jordan visited Amman.",
            &["Michael Jordan=Michael Jordan", "Amman=Jordan"],
        ),
        ("unknown longer name", "Jordan Bardella spoke.", &[]),
        (
            "function word before is fine",
            "In Jordan, aid arrived.",
            &["Jordan=Jordan"],
        ),
        ("title after is fine", "Jordan King Abdullah spoke.", &["Jordan=Jordan"]),
        (
            "lake is a longer name",
            "Chad said Lake Chad was shrinking.",
            &["Chad=Chad"],
        ),
        (
            "capital inside a longer name",
            "The Rome Statute binds Italy.",
            &["Italy=Italy"],
        ),
        (
            "capital alone",
            "Rome and Ankara agreed.",
            &["Rome=Italy", "Ankara=Turkey"],
        ),
        ("all-caps headline", "SWEDEN AND TURKEY AGREE", &["TURKEY=Turkey"]),
        ("lower case is no name", "a turkey dinner", &[]),
        (
            "surname before the full name",
            "Rama spoke. Edi Rama agreed.",
            &["Edi Rama=Edi Rama"],
        ),
        (
            "surname after the full name",
            "Edi Rama spoke. Rama agreed.",
            &["Edi Rama=Edi Rama", "Rama=Edi Rama"],
        ),
        (
            "surname beats an ambiguous name",
            "Michael Jordan won. Jordan smiled.",
            &["Michael Jordan=Michael Jordan", "Jordan=Michael Jordan"],
        ),
        (
            "state before place",
            "Georgia and Tbilisi",
            &["Georgia=Georgia", "Tbilisi=Georgia"],
        ),
        (
            "mentioned entry wins",
            "Georgia (US state) was hot. Georgia voted.",
            &["Georgia (US state)=Georgia (US state)", "Georgia=Georgia (US state)"],
        ),
        (
            "the article's countries decide",
            "Georgia voted. Americans in Washington watched.",
            &["Georgia=Georgia (US state)", "Americans=United States"],
        ),
        (
            "the article's countries decide the other way",
            "Georgia voted. Tbilisi cheered.",
            &["Georgia=Georgia", "Tbilisi=Georgia"],
        ),
        (
            "headline acronyms",
            "NATO AND THE LEAGUE MEET IN ROME",
            &["NATO=North Atlantic Treaty Organization"],
        ),
        ("ambiguous capital without its country", "Douglas said no.", &[]),
        (
            "ambiguous capital with its country",
            "Douglas said no. The Isle of Man agreed.",
            &["Douglas=Isle of Man", "Isle of Man=Isle of Man"],
        ),
    ];

    #[test]
    fn resolves_mentions_by_the_rules() {
        for &(name, text, expected) in CASES {
            assert_eq!(mentions(text), expected, "case {name}");
        }
    }
}
