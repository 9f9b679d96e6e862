//! Which way a sentence points in time, from a few cue words near a date expression.
//!
//! No parser: the words of the sentence are scanned outwards from the expression, up to eight
//! words each way, and the nearest cue on either side decides (the one before it when both
//! are as near). With no cue that near, the scan goes on to twenty words, since the verb of a
//! long clause can sit far from its date. Without a cue the direction is unknown, and dates
//! are taken as the nearest.
//!
//! - Future: will, shall, 'll, won't, would, going to, plans/plan/planning/intends/expected/
//!   scheduled/set/due/aims/agreed to, is/are to, as soon as, as early as, expects, forecasts,
//!   next (not "next to"), upcoming, coming, tomorrow, and "effective" right before the date.
//! - Past: said, was, were, had, did, ago, last, yesterday, since, a short list of irregular
//!   past forms (told, met, held, took...), and lower-case words ending in -ed ("announced"),
//!   except adjectives made with un- ("an unspecified date").
//! - Present: is, are, has, have, says... A present cue that is nearest means no direction:
//!   the date is resolved to the nearest one ("the dividend is payable Dec. 7").
//!
//! A past form right after a form of "be" or "have" ("will be held", "was signed", "have
//! warned") is skipped, so the auxiliary decides; so is one right after an article ("the
//! proposed deal", an adjective) or after "to" ("to cut", a bare verb).
//! A reporting verb (said, told, announced...) dates the report, not what is reported, so it
//! counts only next to the expression ("said on Tuesday", "Tuesday, officials said"): in "the
//! company said the dividend will be paid Dec. 7" the cue is "will". And after a reporting
//! verb "was" and "were" may be reported speech shifted back ("he said the goal was a deal in
//! the second quarter"), so they give no direction either; a past event verb stays past ("said
//! it earned $5 million in the quarter").
//! Plans and deadlines point ahead: "planned for", "scheduled for", and "until" after a verb
//! that sets or moves a deadline ("gave the bank until Friday", "postponed until March"). A plan
//! in the past perfect ("had been scheduled to expire Friday") points at a time now past.

/// The direction a sentence points in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tense {
    /// Before the publication date.
    Past,
    /// After it.
    Future,
    /// No cue.
    Unknown,
}

const FUTURE_WORDS: &[&str] = &[
    "will",
    "shall",
    "won't",
    "would",
    "next",
    "upcoming",
    "coming",
    "tomorrow",
    "expects",
    "expect",
    "expecting",
    "forecast",
    "forecasts",
    "projects",
    "predicts",
    "scheduled",
    "payable",
    "expiring",
    "expires",
];

const PRESENT_WORDS: &[&str] = &[
    "is", "are", "am", "has", "have", "says", "say", "remains", "remain", "does", "do",
];

/// Verbs that point to the future when "to" follows them ("plans to meet").
const FUTURE_BEFORE_TO: &[&str] = &[
    "going",
    "plans",
    "plan",
    "planning",
    "planned",
    "intends",
    "intend",
    "expected",
    "expects",
    "scheduled",
    "set",
    "due",
    "aims",
    "aimed",
    "meant",
    "intended",
    "hopes",
    "promised",
    "vowed",
    "pledged",
    "agreed",
    "agrees",
    "agree",
];

const PAST_WORDS: &[&str] = &[
    "said",
    "was",
    "were",
    "had",
    "did",
    "ago",
    "last",
    "yesterday",
    "told",
    "met",
    "held",
    "made",
    "took",
    "gave",
    "came",
    "went",
    "left",
    "began",
    "saw",
    "found",
    "won",
    "lost",
    "sent",
    "spoke",
    "wrote",
    "led",
    "fled",
    "struck",
    "fought",
    "brought",
    "bought",
    "sought",
    "thought",
    "kept",
    "felt",
    "stood",
    "became",
    "chose",
    "drew",
    "fell",
    "flew",
    "grew",
    "knew",
    "rose",
    "sold",
    "threw",
    "wore",
    "broke",
    "paid",
    "cut",
    "hit",
    "shot",
    "killed",
    "earlier",
];

/// Words ending in -ed that are not past forms.
const NOT_PAST: &[&str] = &[
    "hundred", "kindred", "sacred", "naked", "wicked", "rugged", "beloved", "red", "bed", "wed", "shed", "sled",
    "embed", "united", "aged", "based", "biased", "armed", "ed", "need", "speed", "seed", "feed", "indeed", "proceed",
    "exceed", "succeed", "breed", "greed", "deed", "weed", "bleed", "heed", "reed", "tweed",
];

/// Participles that point to the future when "for" follows them ("planned for early March").
const FUTURE_BEFORE_FOR: &[&str] = &["planned", "scheduled", "slated", "set", "due", "earmarked"];

/// Verbs that set or move a deadline: "until" after them names a time still ahead.
const DEADLINE_VERBS: &[&str] = &[
    "give",
    "gives",
    "gave",
    "given",
    "giving",
    "extend",
    "extends",
    "extended",
    "extending",
    "postpone",
    "postpones",
    "postponed",
    "delay",
    "delays",
    "delayed",
    "adjourn",
    "adjourns",
    "adjourned",
    "defer",
    "defers",
    "deferred",
    "suspend",
    "suspends",
    "suspended",
];

/// Verbs that start with "un-" and end in -ed: past forms, unlike "unspecified".
const UN_VERBS: &[&str] = &[
    "unveiled",
    "unleashed",
    "unloaded",
    "unlocked",
    "unsealed",
    "unfolded",
    "unraveled",
    "unravelled",
    "unearthed",
    "unnerved",
    "unified",
    "unpacked",
    "unwrapped",
    "unplugged",
    "unseated",
    "untied",
];

/// Verbs of saying: they date the report, so they count only close to the expression.
const REPORTING: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "announced",
    "announces",
    "reported",
    "reports",
    "stated",
    "states",
    "added",
    "adds",
    "noted",
    "notes",
    "according",
    "claimed",
    "claims",
    "confirmed",
    "confirms",
];

/// How many words away a reporting verb still dates an expression.
const REPORTING_REACH: usize = 3;

/// How many words away any cue still counts.
const REACH: usize = 8;

/// How many words away a cue counts when none is within [`REACH`].
const FAR_REACH: usize = 20;

/// Auxiliaries after which a participle says nothing by itself: "will be held", "was signed",
/// "have warned" (the present perfect looks from now, so "have" decides).
const BE_FORMS: &[&str] = &[
    "be", "been", "being", "is", "are", "was", "were", "am", "'s", "get", "got", "has", "have", "had",
];

const ARTICLES: &[&str] = &[
    "the", "a", "an", "this", "that", "its", "their", "his", "her", "our", "my", "your",
];

/// Words whose "'s" is a contracted "is" or "has", not a possessive ("it's closed", "he's
/// resigned").
const CONTRACTED_PRONOUNS: &[&str] = &[
    "he", "she", "it", "that", "there", "here", "what", "who", "where", "when", "how", "let",
];

/// One word of the sentence.
#[derive(Debug, PartialEq)]
struct Word {
    /// The word in ASCII lower case with straight apostrophes, when it is short and ASCII
    /// (every cue word is).
    folded: Option<Folded>,
    /// The cue lists the word is in (bits of [`Class`]), looked up once.
    classes: u16,
    /// Whether it was written with a capital: "Mohammed" ends in -ed but is no verb.
    capitalised: bool,
    /// How many clause breaks (commas, semicolons, dashes, brackets) come before it.
    clause: usize,
}

/// How many words a clause break counts for: a cue in the same clause beats a nearer one
/// across a comma ("talks, which will be held on Tuesday, were announced").
const CLAUSE_BREAK: usize = 4;

/// How far from the expression, in bytes, words are read: enough for [`FAR_REACH`] words of
/// news text, so that a long sentence costs no more than a short one.
const WINDOW: usize = 160;

fn words(sentence: &str) -> Vec<(usize, Word)> {
    // Nearly every window is ASCII, and reading its bytes as chars skips the UTF-8 decoding.
    if sentence.is_ascii() {
        words_of(sentence, sentence.bytes().map(char::from).enumerate())
    } else {
        words_of(sentence, sentence.char_indices())
    }
}

/// [`words`], given the chars of `sentence` with their byte offsets.
fn words_of(sentence: &str, chars: impl Iterator<Item = (usize, char)>) -> Vec<(usize, Word)> {
    let mut out = Vec::with_capacity(32);
    let mut start = None;
    let mut clause = 0;
    for (i, c) in chars.chain(std::iter::once((sentence.len(), ' '))) {
        let part = c.is_alphanumeric() || c == '\'' || c == '\u{2019}';
        match (part, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                let text = &sentence[s..i];
                let capitalised = text.chars().next().is_some_and(char::is_uppercase);
                let folded = Folded::new(text);
                let classes = folded.as_ref().map_or(0, |f| classes_of(f.as_bytes()));
                out.push((
                    s,
                    Word {
                        folded,
                        classes,
                        capitalised,
                        clause,
                    },
                ));
                start = None;
            }
            _ => {}
        }
        if matches!(c, ',' | ';' | '(' | ')' | '\u{2013}' | '\u{2014}') {
            clause += 1;
        }
    }
    out
}

/// A short ASCII word in lower case, with a curly apostrophe made straight.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Folded {
    bytes: [u8; 16],
    len: u8,
}

impl Folded {
    fn new(word: &str) -> Option<Self> {
        let mut bytes = [0u8; 16];
        let mut len = 0;
        for c in word.chars() {
            let b = match c {
                '\u{2019}' => b'\'',
                c if c.is_ascii() => c.to_ascii_lowercase() as u8,
                _ => return None,
            };
            *bytes.get_mut(len)? = b;
            len += 1;
        }
        Some(Folded { bytes, len: len as u8 })
    }

    /// The folded word. Bytes rather than `&str`: every word of the window is compared, and
    /// checking the bytes for UTF-8 again each time cost more than the comparisons.
    fn as_bytes(&self) -> &[u8] {
        &self.bytes[..usize::from(self.len)]
    }
}

/// The cue lists, as bits, so that each word is looked up once in one table.
struct Class;

impl Class {
    const FUTURE_BEFORE_TO: u16 = 1;
    const FUTURE: u16 = 1 << 1;
    const PRESENT: u16 = 1 << 2;
    const PAST: u16 = 1 << 3;
    const NOT_PAST: u16 = 1 << 4;
    const BE: u16 = 1 << 5;
    const ARTICLE: u16 = 1 << 6;
    const REPORTING: u16 = 1 << 7;
    const AUXILIARY: u16 = 1 << 8;
    const TO: u16 = 1 << 9;
    const SINCE: u16 = 1 << 10;
    const DEADLINE: u16 = 1 << 11;
    const FUTURE_BEFORE_FOR: u16 = 1 << 12;
    const FOR: u16 = 1 << 13;
}

/// Irregular simple pasts that are also common nouns or adjectives, so no cue of tense.
const IRREGULAR_PAST_NOUNS: &[&str] = &[
    "rose", "wound", "ground", "shot", "bound", "bore", "bit", "lay", "fell", "saw", "felt", "spoke", "sank", "lit",
    "hung", "stole", "stuck", "sprang", "sought", "slid", "wove", "ate", "dove",
];

/// Past forms that are cues of their own even after "be" or "have".
const AUXILIARIES: &[&str] = &["was", "were", "had", "did", "said"];

/// The cue lists a folded word is in.
///
/// Every word of the window around an expression is looked up, so the table hashes with
/// `FxHash`: SipHash, the standard map's default, cost more than the rest of the scan.
fn classes_of(word: &[u8]) -> u16 {
    static TABLE: std::sync::OnceLock<rustc_hash::FxHashMap<&'static [u8], u16>> = std::sync::OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let lists: [(&[&str], u16); 14] = [
            (FUTURE_BEFORE_TO, Class::FUTURE_BEFORE_TO),
            (FUTURE_WORDS, Class::FUTURE),
            (PRESENT_WORDS, Class::PRESENT),
            (PAST_WORDS, Class::PAST),
            (NOT_PAST, Class::NOT_PAST),
            (BE_FORMS, Class::BE),
            (ARTICLES, Class::ARTICLE),
            (REPORTING, Class::REPORTING),
            (AUXILIARIES, Class::AUXILIARY),
            (&["to"], Class::TO),
            (&["since"], Class::SINCE),
            (DEADLINE_VERBS, Class::DEADLINE),
            (FUTURE_BEFORE_FOR, Class::FUTURE_BEFORE_FOR),
            (&["for"], Class::FOR),
        ];
        let mut table = rustc_hash::FxHashMap::default();
        for (list, class) in lists {
            for word in list {
                *table.entry(word.as_bytes()).or_insert(0) |= class;
            }
        }
        // The simple past of every irregular verb the event stage knows ("ran", "fought",
        // "withdrew"), except forms that are common nouns or adjectives as well ("a rose", "a
        // wound", "the ground", "a shot"), which would date a phrase by a word that is no verb.
        for past in crate::events::inflect::irregular_simple_pasts() {
            if !IRREGULAR_PAST_NOUNS.contains(&past) {
                *table.entry(past.as_bytes()).or_insert(0) |= Class::PAST;
            }
        }
        table
    });
    table.get(word).copied().unwrap_or(0)
}

impl Word {
    /// Whether the word is "was" or "were", which reported speech uses for "is" and "are".
    fn is_backshifted_be(&self) -> bool {
        self.is("was") || self.is("were")
    }

    /// Whether the word is a noun in the possessive ("Ukraine's", "the country's"), which,
    /// like an article, makes a following participle an adjective ("Ukraine's battered grid").
    /// The contractions of pronouns with "is" or "has" ("it's", "he's") are not.
    fn is_possessive_noun(&self) -> bool {
        self.folded.as_ref().is_some_and(|f| {
            f.as_bytes()
                .strip_suffix(b"'s")
                .is_some_and(|stem| !stem.is_empty() && !CONTRACTED_PRONOUNS.iter().any(|p| p.as_bytes() == stem))
        })
    }

    /// Whether the word is `w` (lower case).
    fn is(&self, w: &str) -> bool {
        self.folded.as_ref().is_some_and(|f| f.as_bytes() == w.as_bytes())
    }
}

fn is_in(word: &Word, class: u16) -> bool {
    word.classes & class != 0
}

/// Whether `w`, a lower-case word ending in -ed, is an adjective made with the prefix "un-"
/// ("an unspecified date", "unidentified gunmen", "undisclosed terms"): such a word is
/// almost never a verb, unlike the few verbs that start with "un-" ("unveiled").
fn negated_participle(w: &[u8]) -> bool {
    w.starts_with(b"un") && !w.starts_with(b"under") && !UN_VERBS.iter().any(|verb| verb.as_bytes() == w)
}

/// The tense cue of word `i` of `words`, if it is one.
fn cue(words: &[(usize, Word)], i: usize) -> Option<Tense> {
    let word = &words[i].1;
    let w = word.folded.as_ref()?.as_bytes();
    let next = words.get(i + 1).map(|(_, n)| n);
    let prev = i.checked_sub(1).map(|p| &words[p].1);
    let planned = (is_in(word, Class::FUTURE_BEFORE_TO) && next.is_some_and(|n| is_in(n, Class::TO)))
        || (is_in(word, Class::FUTURE_BEFORE_FOR) && next.is_some_and(|n| is_in(n, Class::FOR)));
    if planned {
        // A plan in the past perfect ("had been scheduled to expire Friday", "had planned to
        // leave on Monday") was made before a past time and points at a time now past.
        let before = |k: usize| i.checked_sub(k).map(|p| &words[p].1);
        let pluperfect = before(1).is_some_and(|p| p.is("had"))
            || (before(1).is_some_and(|p| p.is("been")) && before(2).is_some_and(|p| p.is("had")));
        return Some(if pluperfect { Tense::Past } else { Tense::Future });
    }
    // "next to the embassy" is a place, not a time.
    if w == b"next" && next.is_some_and(|n| is_in(n, Class::TO)) {
        return None;
    }
    if is_in(word, Class::FUTURE) || w.ends_with(b"'ll") {
        return Some(Tense::Future);
    }
    // "as soon as Tuesday", "as early as next week": the earliest a thing can still happen.
    if matches!(w, b"soon" | b"early") && prev.is_some_and(|p| p.is("as")) && next.is_some_and(|n| n.is("as")) {
        return Some(Tense::Future);
    }
    // "since" looks back from now: whatever it starts is over or ongoing, never ahead.
    if is_in(word, Class::SINCE) {
        return Some(Tense::Past);
    }
    if is_in(word, Class::PRESENT) {
        // "is to", "are to": a plan or an order ("the bank is to resume trading Tuesday").
        if is_in(word, Class::BE) && next.is_some_and(|n| is_in(n, Class::TO)) {
            return Some(Tense::Future);
        }
        return Some(Tense::Unknown);
    }
    let past_form = is_in(word, Class::PAST)
        || (w.len() >= 4
            && w.ends_with(b"ed")
            && !word.capitalised
            && !is_in(word, Class::NOT_PAST)
            && !negated_participle(w));
    if !past_form {
        return None;
    }
    // A participle after "be" ("will be held") or an article ("the proposed deal") says
    // nothing by itself, nor does a bare verb after "to" that looks past ("to cut", "to
    // set"); auxiliaries such as "was" are cues of their own.
    if !is_in(word, Class::AUXILIARY)
        && prev.is_some_and(|p| is_in(p, Class::BE | Class::ARTICLE | Class::TO) || p.is_possessive_noun())
    {
        return None;
    }
    Some(Tense::Past)
}

/// Whether `after`, the text right after a word, starts with a possessive "'s" ending the word.
fn is_possessive_suffix(after: &str) -> bool {
    let rest = after.strip_prefix("'s").or_else(|| after.strip_prefix("\u{2019}s"));
    rest.is_some_and(|rest| !rest.chars().next().is_some_and(char::is_alphanumeric))
}

/// The tense around `expr` (a byte range inside `sentence`, both in the same text).
pub fn tense_around(text: &str, sentence: std::ops::Range<usize>, expr: std::ops::Range<usize>) -> Tense {
    // Only a window around the expression is read (the cues reach only so far).
    let mut from = expr.start.saturating_sub(WINDOW).max(sentence.start);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let mut to = (expr.end + WINDOW).min(sentence.end);
    while !text.is_char_boundary(to) {
        to -= 1;
    }
    let words = words(&text[from..to]);
    let cue_at = |i: usize| cue(&words, i);
    let rel_start = expr.start.saturating_sub(from);
    let rel_end = expr.end.saturating_sub(from);
    let first_after = words.partition_point(|(o, _)| *o < rel_end);
    let last_before = words.partition_point(|(o, _)| *o < rel_start);
    let too_far = |i: usize, distance: usize, reach: usize| {
        distance > reach || (distance > REPORTING_REACH && is_in(&words[i].1, Class::REPORTING))
    };
    // The expression's own clause: that of the word just before it (or after, at the start).
    let home = last_before
        .checked_sub(1)
        .or((first_after < words.len()).then_some(first_after))
        .map_or(0, |i| words[i].1.clause);
    let weight = |i: usize, distance: usize| distance + CLAUSE_BREAK * words[i].1.clause.abs_diff(home);
    // "October's election", "last winter's offensive": a period in the possessive qualifies a
    // noun, and the verbs around that noun phrase say nothing about which October it is.
    if is_possessive_suffix(&text[expr.end..to]) {
        return Tense::Unknown;
    }
    // "effective Dec. 7": the date a decision takes effect, announced ahead of it.
    if last_before > 0 && words[last_before - 1].1.is("effective") {
        return Tense::Future;
    }
    // A deadline set or moved ("gave the company until Friday", "postponed the vote until
    // March") is still ahead, whatever the tense of the verb that set it.
    if last_before > 0 && (words[last_before - 1].1.is("until") || words[last_before - 1].1.is("till")) {
        let until = last_before - 1;
        let deadline = (until.saturating_sub(REACH)..until)
            .rev()
            .take_while(|&i| words[i].1.clause == words[until].1.clause)
            .any(|i| is_in(&words[i].1, Class::DEADLINE));
        if deadline {
            return Tense::Future;
        }
    }
    let nearest = |reach: usize| {
        let left = (0..last_before)
            .rev()
            .filter(|&i| !too_far(i, last_before - i, reach))
            .find_map(|i| cue_at(i).map(|t| (weight(i, last_before - i), i, t)));
        let right = (first_after..words.len())
            .filter(|&i| !too_far(i, i + 1 - first_after, reach))
            .find_map(|i| cue_at(i).map(|t| (weight(i, i + 1 - first_after), i, t)));
        (left, right)
    };
    // A long clause can put its verb far from the date ("the operator changed from a fiscal
    // year to a calendar year in December"): with no cue near, the verb farther off decides.
    let (left, right) = match nearest(REACH) {
        (None, None) => nearest(FAR_REACH),
        found => found,
    };
    let (at, tense) = match (left, right) {
        (Some((dl, il, tl)), Some((dr, ir, tr))) => {
            if dl <= dr {
                (il, tl)
            } else {
                (ir, tr)
            }
        }
        (Some((_, i, t)), None) | (None, Some((_, i, t))) => (i, t),
        (None, None) => return Tense::Unknown,
    };
    // Reported speech shifts "is" back to "was" ("he said the goal was a deal in the second
    // quarter": the goal is still ahead), so after a reporting verb a past form of "be" gives
    // no direction. A past event verb stays past ("said it earned $5 million in the quarter").
    let reported = tense == Tense::Past
        && words[at].1.is_backshifted_be()
        && (0..at).any(|i| is_in(&words[i].1, Class::REPORTING));
    if reported { Tense::Unknown } else { tense }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tense(sentence: &str, expr: &str) -> Tense {
        let start = sentence.find(expr).expect("the expression is in the sentence");
        tense_around(sentence, 0..sentence.len(), start..start + expr.len())
    }

    /// The ASCII fast path of [`words`] reads a window as [`words_of`] does by chars.
    #[test]
    fn ascii_words_agree_with_char_words() {
        let sentence = "The talks, which will be held (in Tirana) on Tuesday; officials' plans were announced.";
        let fast = words(sentence);
        let general = words_of(sentence, sentence.char_indices());
        assert_eq!(fast, general);
        assert_eq!(fast.len(), 14);
    }

    #[test]
    fn cues_decide_the_tense() {
        let cases = [
            ("Albania said on Tuesday it would cut ties.", "Tuesday", Tense::Past),
            ("The ministers will meet on Tuesday.", "Tuesday", Tense::Future),
            (
                "The talks, which will be held on Tuesday, were announced.",
                "Tuesday",
                Tense::Future,
            ),
            ("The treaty was signed on Tuesday.", "Tuesday", Tense::Past),
            (
                "On Tuesday, the ministry announced new sanctions.",
                "Tuesday",
                Tense::Past,
            ),
            ("The summit is expected to open on Tuesday.", "Tuesday", Tense::Future),
            ("They’ll vote on Tuesday.", "Tuesday", Tense::Future),
            ("He plans to travel to Kyiv in December.", "December", Tense::Future),
            ("Prices rise in December.", "December", Tense::Unknown),
            (
                "The company said the dividend is payable Dec. 7.",
                "Dec. 7",
                Tense::Future,
            ),
            ("The company said the meeting is on Dec. 7.", "Dec. 7", Tense::Unknown),
            (
                "The company said yesterday that the dividend would be paid in December.",
                "December",
                Tense::Future,
            ),
            (
                "On Tuesday, the company's chief executive, Jane Doe, said.",
                "Tuesday",
                Tense::Unknown,
            ),
            ("Tuesday, officials said.", "Tuesday", Tense::Past),
            (
                "He said the goal was a deal in the second quarter.",
                "second quarter",
                Tense::Unknown,
            ),
            (
                "It said it expects a loss in the fourth quarter.",
                "fourth quarter",
                Tense::Future,
            ),
            ("The proposed talks on Tuesday matter.", "Tuesday", Tense::Unknown),
            ("Mohammed addresses the press on Tuesday.", "Tuesday", Tense::Unknown),
            (
                "The vote is going to take place next month.",
                "next month",
                Tense::Future,
            ),
            // The verb of a long clause, beyond the usual reach.
            (
                "The shipping line switched its accounts from a fiscal year to a calendar year in December.",
                "December",
                Tense::Past,
            ),
            (
                "Union leaders will almost certainly sign the contract with the three regional airlines by August.",
                "August",
                Tense::Future,
            ),
            // "un-" adjectives are no past forms.
            (
                "The bonus would be paid on an undisclosed date in March.",
                "March",
                Tense::Future,
            ),
            (
                "Rescue teams have searched the valley since the Sept. 4 landslide.",
                "Sept. 4",
                Tense::Past,
            ),
            (
                "Officials said the border has been closed since March.",
                "March",
                Tense::Past,
            ),
            (
                "The central bank is to cut rates on Thursday.",
                "Thursday",
                Tense::Future,
            ),
            (
                "The ferry could resume service as soon as Friday.",
                "Friday",
                Tense::Future,
            ),
            ("Troops could leave as early as Monday.", "Monday", Tense::Future),
            (
                "A car bomb exploded next to the ministry on Friday.",
                "Friday",
                Tense::Past,
            ),
            (
                "The airline announced fare increases effective Jan. 1.",
                "Jan. 1",
                Tense::Future,
            ),
            (
                "The retailer agreed to buy the chain for $40 million in February.",
                "February",
                Tense::Future,
            ),
            // Reported speech shifts only "be" back: an event verb after "said" stays past.
            (
                "The miner said it earned $3 million in the third quarter.",
                "third quarter",
                Tense::Past,
            ),
            (
                "The judge gave the bank until Friday to respond.",
                "Friday",
                Tense::Future,
            ),
            ("Talks were postponed until March.", "March", Tense::Future),
            ("The inspectors stayed until Friday.", "Friday", Tense::Past),
            ("The launch is planned for early June.", "June", Tense::Future),
            // A plan in the past perfect points at a time now past.
            (
                "The offer had been scheduled to expire on Friday.",
                "Friday",
                Tense::Past,
            ),
            ("The envoy had planned to leave on Monday.", "Monday", Tense::Past),
            // A participle after a possessive is an adjective, as after an article; the
            // purpose ("meant to repair") points ahead.
            (
                "Blinken announced $1.5 billion in aid, much of it meant to help repair Ukraine’s battered power grid before winter.",
                "winter",
                Tense::Future,
            ),
            // A period in the possessive qualifies a noun: the verbs around it do not date it.
            (
                "She would not hand power to a parliament elected after October’s disputed vote.",
                "October",
                Tense::Unknown,
            ),
            ("It’s closed since March.", "March", Tense::Past),
        ];
        for (sentence, expr, expected) in cases {
            assert_eq!(tense(sentence, expr), expected, "{sentence}");
        }
    }
}
