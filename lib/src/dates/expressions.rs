//! From date words and numbers to date expressions.
//!
//! The input is one stream of tokens in text order: the date words the shared matcher found,
//! and the numbers of [`super::numbers::scan`]. Everything else in the text is looked at only
//! around those tokens: the gap between two tokens ("12 September" has a space, "Sept. 13, 2022"
//! a comma, "12-14 September" a dash) and the word just before a token ("in May", "the 1990s").
//! At each token the rules are tried longest first; the first that matches consumes its tokens.
//!
//! Context rules, all general English:
//! - A month or weekday with a `cue` context in the lexicon ("May", "March") counts alone only
//!   after a temporal word ("in May", "since March", "early May"); one with a `number` context
//!   ("Sun", "Mar", "Jan") only next to a day number or a year. Any month standing alone in
//!   front of a capitalised word ("June Carter") needs a cue too, and so does a month word
//!   that the matcher also found as the surname of a person named earlier ("May said").
//! - A bare four-digit number is a year only from 1900 to 2099 and with year-like context: a
//!   preposition before it (in, since, by, until, from, of, before, after, during, between...),
//!   a determiner before it and a lower-case word after it ("the 2022 election", "a 2022
//!   model"), or as the next item of a list of years ("in 2019 and 2021").
//! - Seasons need a cue ("in the spring", "last summer", "summer 2022"), since "summer camp"
//!   and "the fall of Kabul" are no dates.

use super::lexicon::{Context, DateLexicon, DayPart, Part, Season, Unit, Vague, WordKind};
use super::numbers::{Number, Shape};

/// What a date expression denotes, before it is resolved against the publication date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Spec {
    /// A calendar day; without a year it is resolved to the nearest such day.
    Day {
        /// The year, when written.
        y: Option<i32>,
        /// Month.
        m: u8,
        /// Day.
        d: u8,
    },
    /// A holiday on the `nth` weekday `wd` of month `m` (`nth` -1: the last), with or
    /// without a year: "Thanksgiving", "Labor Day 2023".
    Floating {
        /// The year, when written.
        y: Option<i32>,
        /// Month.
        m: u8,
        /// Which occurrence, or -1 for the last.
        nth: i8,
        /// ISO weekday.
        wd: u8,
    },
    /// A month, with a year, a shift ("last July": -1) or neither.
    Month {
        /// The year, when written.
        y: Option<i32>,
        /// Month.
        m: u8,
        /// "last"/"this"/"next".
        shift: Option<i32>,
    },
    /// A year.
    Year(i32),
    /// A decade, as its first three digits (199 for the 1990s).
    Decade(i32),
    /// A season.
    Season {
        /// The year, when written.
        y: Option<i32>,
        /// Which season.
        s: Season,
        /// "last"/"this"/"next".
        shift: Option<i32>,
    },
    /// A quarter of a year.
    Quarter {
        /// The year, when written.
        y: Option<i32>,
        /// 1-4.
        q: u8,
        /// "last"/"this"/"next".
        shift: Option<i32>,
    },
    /// A half of a year.
    Half {
        /// The year, when written.
        y: Option<i32>,
        /// 1 or 2.
        h: u8,
    },
    /// A weekday: the nearest one in the direction the sentence's tense points.
    Weekday {
        /// 1 (Monday) to 7.
        wd: u8,
        /// "last"/"this"/"next".
        shift: Option<i32>,
        /// "Tuesday night".
        part: Option<DayPart>,
    },
    /// A day relative to the publication date ("yesterday").
    RelDay {
        /// Offset in days.
        offset: i32,
        /// "yesterday afternoon".
        part: Option<DayPart>,
    },
    /// A unit shifted from the publication date: "last week" (-1), "two years ago" (-2).
    Shift {
        /// The unit.
        unit: Unit,
        /// How many units, signed.
        n: i32,
        /// Whether the shift is from the time the sentence talks about ("a year earlier"),
        /// rather than from the publication date.
        reference: bool,
    },
    /// A length of time before or after the time the narrative is at: "three days later",
    /// "two years earlier". Counted from the last date named before it, else from the
    /// publication date.
    Narrative {
        /// The unit.
        unit: Unit,
        /// How many units, signed.
        n: i32,
    },
    /// A month of a year relative to the publication date ("July last year": -1).
    MonthOfYear {
        /// Month.
        m: u8,
        /// Years from the publication year.
        years: i32,
    },
    /// "the year-earlier quarter": the quarter of the sentence (or the last one named), moved
    /// by whole years.
    QuarterShift {
        /// Years, signed.
        years: i32,
    },
    /// "the weekend": the nearest weekend in the direction of the tense.
    Weekend,
    /// "the quarter": the quarter last named in the article.
    NamedQuarter,
    /// A vague reference.
    Vague(Vague),
    /// A range of two dates.
    Range(Box<Spec>, Box<Spec>),
}

/// A date expression found in the normalised text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Expr {
    /// Byte offset of the first character in the normalised text.
    pub start: usize,
    /// Byte offset just past the last character in the normalised text.
    pub end: usize,
    /// What it denotes.
    pub spec: Spec,
    /// The name of the rule that built it.
    pub rule: &'static str,
    /// The lexicon ids of the date words in it.
    pub words: Vec<u32>,
    /// The indices of the matcher's raw matches it consumed.
    pub raws: Vec<usize>,
}

/// A date word or a number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tok {
    /// Byte offset in the normalised text.
    pub start: usize,
    /// Byte offset just past it.
    pub end: usize,
    /// What it is.
    pub kind: TokKind,
    /// Whether the same words also name a person or another entry already in the article
    /// ("May" after "Theresa May"), so that they need more than a cue to be a date.
    pub names_entity: bool,
}

/// The two kinds of token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TokKind {
    /// A date word: its lexicon id and the index of its raw match.
    Word {
        /// Lexicon id.
        id: u32,
        /// Raw match index.
        raw: usize,
    },
    /// A number.
    Num(Number),
}

/// Words before a month or other date word that make it temporal ("in May", "early March").
const TEMPORAL_CUES: &[&str] = &[
    "in",
    "on",
    "since",
    "by",
    "until",
    "till",
    "through",
    "throughout",
    "from",
    "to",
    "during",
    "before",
    "after",
    "of",
    "between",
    "early",
    "mid",
    "late",
    "last",
    "next",
    "this",
    "that",
    "around",
    "circa",
    "for",
    "at",
    "following",
    "ahead",
    "starting",
    "end",
    "beginning",
    "start",
    "middle",
];

/// Words before a month that also names a person in the article ("May"), strong enough to
/// make it the month.
const STRONG_CUES: &[&str] = &[
    "in", "since", "until", "till", "during", "early", "mid", "late", "last", "next", "this", "before", "after",
    "from", "through",
];

/// Words before a season (or "the" and a season) that make it a time: fewer than for months,
/// because "to fall" and "for spring rolls" are common.
const SEASON_CUES: &[&str] = &[
    "in",
    "during",
    "since",
    "until",
    "till",
    "by",
    "through",
    "throughout",
    "over",
    "before",
    "after",
    "around",
    "this",
    "last",
    "next",
    "early",
    "late",
    "mid",
];

/// Words before a bare four-digit number that make it a year.
const YEAR_CUES: &[&str] = &[
    "in",
    "since",
    "by",
    "until",
    "till",
    "from",
    "of",
    "before",
    "after",
    "during",
    "through",
    "throughout",
    "between",
    "around",
    "circa",
    "year",
    "for",
    "fiscal",
    "early",
    "late",
    "mid",
    "into",
    "both",
    "beyond",
];

/// Plural nouns that follow years ("1989 results") although plurals usually follow counts
/// ("2000 members").
const YEAR_PLURALS: &[&str] = &[
    "results",
    "earnings",
    "sales",
    "profits",
    "elections",
    "olympics",
    "games",
    "figures",
    "accords",
    "talks",
    "revenues",
    "losses",
    "riots",
    "protests",
    "attacks",
    "floods",
];

/// Determiners that make a four-digit number followed by a lower-case word an adjectival year
/// ("the 2022 election").
const YEAR_DETERMINERS: &[&str] = &["the", "a", "an", "its", "his", "her", "their", "our", "this", "that"];

/// Counts written as words, for "two days ago".
const NUMBER_WORDS: &[(&str, i32)] = &[
    ("a", 1),
    ("an", 1),
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("fifteen", 15),
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
];

/// Vague counts: "several years ago" is only a time in the past.
const VAGUE_COUNTS: &[&str] = &["several", "few", "many", "some", "couple"];

/// Hedges that belong to an expression of distance in time ("nearly four years ago").
const HEDGES: &[&str] = &[
    "nearly",
    "almost",
    "about",
    "some",
    "around",
    "roughly",
    "approximately",
    "just",
    "only",
    "over",
];

/// A match of a rule: the expression and the index of the next token to look at.
struct Found {
    expr: Expr,
    next: usize,
}

/// Finds expressions in a token stream.
pub struct Parser<'a> {
    text: &'a str,
    toks: &'a [Tok],
    lexicon: &'a DateLexicon,
}

impl<'a> Parser<'a> {
    /// A parser over the normalised text and its tokens (in text order).
    pub fn new(text: &'a str, toks: &'a [Tok], lexicon: &'a DateLexicon) -> Self {
        Parser { text, toks, lexicon }
    }

    /// Every expression, in text order, ranges merged.
    pub fn parse(&self) -> Vec<Expr> {
        let mut out: Vec<Expr> = Vec::new();
        let mut years_end: Option<usize> = None;
        let mut i = 0;
        while i < self.toks.len() {
            match self.at(i, years_end) {
                Some(found) => {
                    if matches!(found.expr.spec, Spec::Year(_)) {
                        years_end = Some(found.expr.end);
                    }
                    out.push(found.expr);
                    i = found.next.max(i + 1);
                }
                None => i += 1,
            }
        }
        merge_ranges(self.text, out)
    }

    // ---- token access ---------------------------------------------------------------------

    fn word(&self, i: usize) -> Option<WordKind> {
        match self.toks.get(i)?.kind {
            TokKind::Word { id, .. } => Some(self.lexicon.word(id).kind),
            TokKind::Num(_) => None,
        }
    }

    fn context(&self, i: usize) -> Context {
        match self.toks[i].kind {
            TokKind::Word { id, .. } => self.lexicon.word(id).context,
            TokKind::Num(_) => Context::Free,
        }
    }

    fn num(&self, i: usize) -> Option<&Number> {
        match &self.toks.get(i)?.kind {
            TokKind::Num(n) => Some(n),
            TokKind::Word { .. } => None,
        }
    }

    /// The text between token `i` and token `i + 1`.
    fn gap(&self, i: usize) -> Option<&'a str> {
        let next = self.toks.get(i + 1)?;
        Some(&self.text[self.toks[i].end..next.start])
    }

    /// Whether tokens `i` and `i + 1` are separated by white space on one line (or by nothing
    /// after an abbreviation's full stop: "Sept.13").
    fn spaced(&self, i: usize) -> bool {
        self.gap(i)
            .is_some_and(|g| is_space(g) || (g.is_empty() && self.text[..self.toks[i].end].ends_with('.')))
    }

    fn gap_is(&self, i: usize, accept: impl Fn(&str) -> bool) -> bool {
        self.gap(i).is_some_and(|g| accept(g.trim()) && !g.contains("\n\n"))
    }

    fn day_num(&self, i: usize) -> Option<u8> {
        let n = self.num(i)?;
        let small = (n.shape == Shape::Int && n.digits <= 2) || n.shape == Shape::Ordinal;
        (small && (1..=31).contains(&n.value) && !n.hyphen_before).then_some(n.value as u8)
    }

    /// A four-digit year next to a month or season: any from 1000 to 2999.
    fn year_num(&self, i: usize) -> Option<i32> {
        let n = self.num(i)?;
        let year = (n.shape == Shape::Int && n.digits == 4) || n.shape == Shape::SpelledYear;
        (year && (1000..=2999).contains(&n.value)).then_some(n.value as i32)
    }

    // ---- building expressions ---------------------------------------------------------------

    /// An expression over tokens `first..=last`.
    fn expr(&self, first: usize, last: usize, spec: Spec, rule: &'static str) -> Found {
        let mut words = Vec::new();
        let mut raws = Vec::new();
        for tok in &self.toks[first..=last] {
            if let TokKind::Word { id, raw } = tok.kind {
                words.push(id);
                raws.push(raw);
            }
        }
        Found {
            expr: Expr {
                start: self.toks[first].start,
                end: self.toks[last].end,
                spec,
                rule,
                words,
                raws,
            },
            next: last + 1,
        }
    }

    /// Extends an expression's start over a "the" just before it.
    fn with_article(&self, mut found: Found) -> Found {
        if let Some((start, word)) = word_before(self.text, found.expr.start)
            && word.eq_ignore_ascii_case("the")
        {
            found.expr.start = start;
        }
        found
    }

    fn cue_before(&self, pos: usize) -> bool {
        word_before(self.text, pos).is_some_and(|(_, w)| is_one_of(w, TEMPORAL_CUES))
    }

    /// Whether a season has a cue: a temporal word before it, possibly with "the" between
    /// ("in the spring").
    fn season_cue_before(&self, pos: usize) -> bool {
        match word_before(self.text, pos) {
            Some((start, w)) if w.eq_ignore_ascii_case("the") => {
                word_before(self.text, start).is_some_and(|(_, w)| is_one_of(w, SEASON_CUES))
            }
            Some((_, w)) => is_one_of(w, SEASON_CUES),
            None => false,
        }
    }

    // ---- rules ------------------------------------------------------------------------------

    fn at(&self, i: usize, years_end: Option<usize>) -> Option<Found> {
        if let Some(n) = self.num(i) {
            return self.number(i, *n, years_end);
        }
        match self.word(i)? {
            WordKind::Part(part) => self.modified(i, Some(part)),
            WordKind::Direction(_) => self.modified(i, None),
            WordKind::Fiscal => self.fiscal(i),
            WordKind::Shift(..) => self.shifted(i),
            WordKind::Month(m) => self.month(i, m, false),
            WordKind::Weekday(wd) => self.weekday(i, wd, None),
            WordKind::Day(offset, part) => Some(self.rel_day(i, offset, part)),
            WordKind::Season(s) => self.season(i, s, None, false),
            WordKind::Quarter(q) => self.quarter(i, q, None),
            WordKind::Half(h) => self.half(i, h),
            WordKind::Holiday(m, d) => self.holiday(i, m, d),
            WordKind::FloatingHoliday { m, nth, wd } => self.floating_holiday(i, m, nth, wd),
            WordKind::Decade(decade) => Some(self.expr(i, i, Spec::Decade(decade), "decade word")),
            WordKind::Ref(vague) => self.vague(i, vague),
            WordKind::Offset(n, unit) => Some(self.offset(i, n, unit)),
            WordKind::Unit(unit) => self.unit(i, unit),
            WordKind::DayPart(_) => None,
        }
    }

    /// "early next year", "mid-2023", "late September", "the end of 1990", "earlier this
    /// month": a modifier and the expression after it, whose value it does not change.
    fn modified(&self, i: usize, part: Option<Part>) -> Option<Found> {
        let next = i + 1;
        let gap = self.gap(i)?;
        let hyphen = gap == "-" && part.is_some();
        // "the end of the year", "the end of the month": the unit the publication date is in.
        if part.is_some()
            && gap.trim().eq_ignore_ascii_case("the")
            && let Some(WordKind::Unit(unit)) = self.word(next)
            && matches!(unit, Unit::Week | Unit::Month | Unit::Year | Unit::Quarter)
            && !self.lexicon_phrase(next).ends_with(['s', 'S'])
        {
            return Some(self.expr(
                i,
                next,
                Spec::Shift {
                    unit,
                    n: 0,
                    reference: false,
                },
                "part of a unit",
            ));
        }
        if !(hyphen || is_space(gap)) {
            return None;
        }
        let core = match (part, self.num(next), self.word(next)) {
            // A year or decade needs no other context after a part: "mid-2023", "late 1990s".
            (Some(_), Some(n), _) if n.shape == Shape::Int && n.digits == 4 => {
                let y = self.year_num(next)?;
                self.expr(next, next, Spec::Year(y), "part of a year")
            }
            (Some(_), Some(n), _) if n.shape == Shape::Decade => {
                self.expr(next, next, Spec::Decade(n.value as i32 / 10), "part of a decade")
            }
            (Some(_), _, Some(WordKind::Month(m))) => self.month(next, m, true)?,
            (Some(_), _, Some(WordKind::Season(s))) => self.season(next, s, None, true)?,
            (_, _, Some(WordKind::Shift(..))) => self.shifted(next)?,
            (_, _, Some(WordKind::Weekday(wd))) => self.weekday(next, wd, None)?,
            (_, _, Some(WordKind::Day(offset, dp))) => self.rel_day(next, offset, dp),
            (Some(_), _, Some(WordKind::Quarter(q))) => self.quarter(next, q, None)?,
            _ => return None,
        };
        // "earlier" and "later" only join expressions of the present ("earlier this month",
        // "later yesterday", "earlier Sunday"), never "earlier last year".
        if part.is_none()
            && !matches!(
                core.expr.spec,
                Spec::Shift { n: 0, .. } | Spec::RelDay { .. } | Spec::Weekday { .. }
            )
        {
            return None;
        }
        let mut found = core;
        // The core may have taken a "the" before it ("early the next"): the modifier starts it.
        found.expr.start = self.toks[i].start;
        self.prepend_words(&mut found, i, i);
        found.expr.rule = match part {
            Some(_) => "part of a period",
            None => "earlier/later in a period",
        };
        Some(self.with_article(found))
    }

    /// "fiscal 1989", "fiscal second-quarter".
    fn fiscal(&self, i: usize) -> Option<Found> {
        if !self.spaced(i) {
            return None;
        }
        if let Some(y) = self.year_num(i + 1) {
            return Some(self.with_article(self.expr(i, i + 1, Spec::Year(y), "fiscal year")));
        }
        let mut found = match self.word(i + 1)? {
            WordKind::Quarter(q) => self.quarter(i + 1, q, None)?,
            _ => return None,
        };
        found.expr.start = self.toks[i].start;
        if let TokKind::Word { id, raw } = self.toks[i].kind {
            found.expr.words.insert(0, id);
            found.expr.raws.insert(0, raw);
        }
        Some(self.with_article(found))
    }

    /// "last week", "next month", "this year", "last July", "next Tuesday", "this summer",
    /// "the previous Friday", "this past spring", "coming months", "last night".
    fn shifted(&self, i: usize) -> Option<Found> {
        let Some(WordKind::Shift(mut shift, mut alone)) = self.word(i) else {
            return None;
        };
        // "this past spring", "this coming Sunday": the last modifier decides.
        let mut j = i;
        while self.spaced(j)
            && let Some(WordKind::Shift(s, a)) = self.word(j + 1)
        {
            shift = s;
            alone = a;
            j += 1;
        }
        // "the recent attack", "current prices": a modifier of no date word is a vague time.
        let stands_alone = |found: Option<Found>| {
            found.or_else(|| {
                let vague = alone.filter(|_| j == i)?;
                let next_is_date = self.spaced(j) && self.word(j + 1).is_some();
                (!next_is_date).then(|| self.expr(i, i, Spec::Vague(vague), "modifier alone"))
            })
        };
        if !self.spaced(j) {
            return stands_alone(None);
        }
        let next = j + 1;
        // "last Oct. 23" is Oct. 23: the month rule takes it, without the modifier.
        if matches!(self.word(next), Some(WordKind::Month(_))) && self.spaced(next) && self.day_num(next + 1).is_some()
        {
            return None;
        }
        let phrase = self.lexicon_phrase(j);
        let article_before =
            word_before(self.text, self.toks[i].start).is_some_and(|(_, w)| w.eq_ignore_ascii_case("the"));
        let Some(next_word) = self.word(next) else {
            return stands_alone(None);
        };
        let found = match next_word {
            WordKind::Unit(unit) => {
                let plural = self.text[self.toks[next].start..self.toks[next].end].ends_with(['s', 'S']);
                if plural {
                    // "coming months", "recent years", "past weeks": somewhere in that direction.
                    let vague = match shift {
                        1 => Vague::Future,
                        -1 => Vague::Past,
                        _ => return None,
                    };
                    self.expr(i, next, Spec::Vague(vague), "shifted units")
                } else if (phrase.eq_ignore_ascii_case("past") && article_before) || alone == Some(Vague::Past) {
                    // "the past week" is the seven days before, a duration, not a date.
                    return None;
                } else {
                    let mut found = self.expr(
                        i,
                        next,
                        Spec::Shift {
                            unit,
                            n: shift,
                            reference: false,
                        },
                        "shifted unit",
                    );
                    // "last week's": keep the span on the noun.
                    found = self.with_article(found);
                    found
                }
            }
            WordKind::Month(m) => self.expr(
                i,
                next,
                Spec::Month {
                    y: None,
                    m,
                    shift: Some(shift),
                },
                "shifted month",
            ),
            WordKind::Weekday(wd) => {
                let found = self.weekday(next, wd, Some(shift))?;
                let mut found = found;
                found.expr.start = self.toks[i].start;
                self.prepend_words(&mut found, i, j);
                found.expr.rule = "shifted weekday";
                self.with_article(found)
            }
            WordKind::Season(s) => self.season(next, s, Some(shift), true).map(|mut f| {
                f.expr.start = self.toks[i].start;
                self.prepend_words(&mut f, i, j);
                f
            })?,
            WordKind::Quarter(q) => self.quarter(next, q, Some(shift)).map(|mut f| {
                f.expr.start = self.toks[i].start;
                self.prepend_words(&mut f, i, j);
                f
            })?,
            WordKind::DayPart(part) => {
                // "this morning", "last night".
                let offset = match (shift, part) {
                    (0, _) => 0,
                    (-1, DayPart::Night | DayPart::Evening) => -1,
                    (1, DayPart::Night | DayPart::Evening) => 1,
                    _ => return None,
                };
                self.expr(
                    i,
                    next,
                    Spec::RelDay {
                        offset,
                        part: Some(part),
                    },
                    "shifted part of day",
                )
            }
            _ => return stands_alone(None),
        };
        let mut found = found;
        if !matches!(found.expr.spec, Spec::Weekday { .. }) {
            found = self.with_article(found);
        }
        Some(found)
    }

    fn prepend_words(&self, found: &mut Found, first: usize, last: usize) {
        let mut words = Vec::new();
        let mut raws = Vec::new();
        for tok in &self.toks[first..=last] {
            if let TokKind::Word { id, raw } = tok.kind {
                words.push(id);
                raws.push(raw);
            }
        }
        words.append(&mut found.expr.words);
        raws.append(&mut found.expr.raws);
        found.expr.words = words;
        found.expr.raws = raws;
    }

    fn lexicon_phrase(&self, i: usize) -> &str {
        &self.text[self.toks[i].start..self.toks[i].end]
    }

    /// A day (or a range of days, to `end_day`) of month `m` whose last token is `last`, with
    /// the year that may follow it ("12 September, 2022", "September 12-14 2022"): the spec,
    /// the year if one was found, and the expression's last token.
    fn day_spec_with_year(&self, last: usize, m: u8, d: u8, end_day: Option<u8>) -> (Spec, Option<i32>, usize) {
        let y = self
            .gap_is(last, |g| g.is_empty() || g == ",")
            .then(|| self.year_num(last + 1))
            .flatten();
        let last = last + usize::from(y.is_some());
        let spec = match end_day {
            Some(d2) => Spec::Range(Box::new(Spec::Day { y, m, d }), Box::new(Spec::Day { y, m, d: d2 })),
            None => Spec::Day { y, m, d },
        };
        (spec, y, last)
    }

    /// "September 12, 2022", "Sept. 13", "September 12-14", "September 2022", "in July".
    /// `cued` says a modifier before it already makes it temporal.
    fn month(&self, i: usize, m: u8, cued: bool) -> Option<Found> {
        if self.spaced(i)
            && let Some(d) = self.day_num(i + 1)
            && d <= super::calendar::days_in_month(2000, m)
        {
            // Month day [-day] [, year]
            let mut last = i + 1;
            let mut end_day = None;
            if self.gap_is(last, |g| self.is_day_range_gap(g, i))
                && let Some(d2) = self.num(last + 1).and_then(|_| self.day_num_in_range(last + 1))
                && d2 > d
            {
                end_day = Some(d2);
                last += 1;
            }
            let (spec, y, last) = self.day_spec_with_year(last, m, d, end_day);
            let rule = match (end_day, y) {
                (Some(_), _) => "month day range",
                (None, Some(_)) => "month day year",
                (None, None) => "month day",
            };
            return Some(self.expr(i, last, spec, rule));
        }
        if self.gap_is(i, |g| g.is_empty() || g == "," || g.eq_ignore_ascii_case("of"))
            && let Some(y) = self.year_num(i + 1)
        {
            return Some(self.expr(
                i,
                i + 1,
                Spec::Month {
                    y: Some(y),
                    m,
                    shift: None,
                },
                "month year",
            ));
        }
        // "July last year", "January this year".
        if self.spaced(i)
            && let Some(WordKind::Shift(years, _)) = self.word(i + 1)
            && self.spaced(i + 1)
            && self.word(i + 2) == Some(WordKind::Unit(Unit::Year))
            && self.lexicon_phrase(i + 2).eq_ignore_ascii_case("year")
        {
            return Some(self.expr(i, i + 2, Spec::MonthOfYear { m, years }, "month of a shifted year"));
        }
        if !self.bare_ok(i, cued) {
            return None;
        }
        Some(self.expr(
            i,
            i,
            Spec::Month {
                y: None,
                m,
                shift: None,
            },
            "month",
        ))
    }

    /// Whether a month or weekday word may stand alone here.
    fn bare_ok(&self, i: usize, cued: bool) -> bool {
        let tok = &self.toks[i];
        if tok.names_entity {
            // "May" after Theresa May was named: a month only after a strongly temporal word
            // ("in May", "since May"), never with a possessive ("in May's cabinet").
            let strong = word_before(self.text, tok.start).is_some_and(|(_, w)| is_one_of(w, STRONG_CUES));
            return (cued || strong) && !self.text[tok.end..].starts_with("'s");
        }
        let cue = cued || self.cue_before(tok.start);
        match self.context(i) {
            Context::Number => false,
            Context::Cue => cue,
            Context::Free => cue || !capitalised_word_after(self.text, tok.end),
        }
    }

    /// Whether `gap` joins two day numbers into a range: a dash, "to", "through", or "and"
    /// after "between" (otherwise "24 and 25" is two days).
    fn is_day_range_gap(&self, gap: &str, first: usize) -> bool {
        is_range_word(gap)
            && (!gap.eq_ignore_ascii_case("and")
                || word_before(self.text, self.toks[first].start)
                    .is_some_and(|(_, w)| w.eq_ignore_ascii_case("between")))
    }

    /// The second day of a range ("12-14"): a day number, which may follow a dash directly.
    fn day_num_in_range(&self, i: usize) -> Option<u8> {
        let n = self.num(i)?;
        let small = (n.shape == Shape::Int && n.digits <= 2) || n.shape == Shape::Ordinal;
        (small && (1..=31).contains(&n.value)).then_some(n.value as u8)
    }

    /// "Tuesday", "Tuesday night", "Tuesday, Sept. 13", "Tue 4 Jul 2023".
    fn weekday(&self, i: usize, wd: u8, shift: Option<i32>) -> Option<Found> {
        // "each Saturday", "every Monday": a recurring set of days, not a date.
        if word_before(self.text, self.toks[i].start).is_some_and(|(_, w)| is_one_of(w, &["each", "every"])) {
            return None;
        }
        if shift.is_none()
            && self.gap_is(i, |g| g.is_empty() || g == ",")
            && let Some(mut date) = self.date_after_weekday(i + 1)
        {
            date.expr.start = self.toks[i].start;
            self.prepend_words(&mut date, i, i);
            return Some(date);
        }
        if self.spaced(i)
            && let Some(WordKind::DayPart(part)) = self.word(i + 1)
        {
            return Some(self.expr(
                i,
                i + 1,
                Spec::Weekday {
                    wd,
                    shift,
                    part: Some(part),
                },
                "weekday and part of day",
            ));
        }
        if shift.is_none() && !self.bare_ok(i, false) {
            return None;
        }
        if shift.is_some() && self.context(i) == Context::Number {
            return None;
        }
        Some(self.expr(i, i, Spec::Weekday { wd, shift, part: None }, "weekday"))
    }

    /// A full or month-day date right after a weekday.
    fn date_after_weekday(&self, i: usize) -> Option<Found> {
        let found = if let Some(WordKind::Month(m)) = self.word(i) {
            self.month(i, m, true)?
        } else if self.num(i).is_some() {
            self.number(i, *self.num(i)?, None)?
        } else {
            return None;
        };
        matches!(found.expr.spec, Spec::Day { .. } | Spec::Range(..)).then_some(found)
    }

    /// "yesterday", "tomorrow morning", "tonight".
    fn rel_day(&self, i: usize, offset: i32, part: Option<DayPart>) -> Found {
        if part.is_none()
            && self.spaced(i)
            && let Some(WordKind::DayPart(p)) = self.word(i + 1)
        {
            return self.expr(
                i,
                i + 1,
                Spec::RelDay { offset, part: Some(p) },
                "relative day and part of day",
            );
        }
        self.expr(i, i, Spec::RelDay { offset, part }, "relative day")
    }

    /// "summer 2022", "the summer of 2022", "in the spring", "last summer" (with `shift`).
    fn season(&self, i: usize, s: Season, shift: Option<i32>, cued: bool) -> Option<Found> {
        if shift.is_none()
            && self.gap_is(i, |g| g.is_empty() || g.eq_ignore_ascii_case("of"))
            && let Some(y) = self.year_num(i + 1)
        {
            return Some(self.with_article(self.expr(i, i + 1, Spec::Season { y: Some(y), s, shift }, "season year")));
        }
        if !(cued || shift.is_some()) && (self.toks[i].names_entity || !self.season_cue_before(self.toks[i].start)) {
            return None;
        }
        // "the fall of Kabul": a season followed by "of" and no year is an event, not a time.
        if word_after(self.text, self.toks[i].end).is_some_and(|(_, w)| w.eq_ignore_ascii_case("of")) {
            return None;
        }
        let found = self.expr(i, i, Spec::Season { y: None, s, shift }, "season");
        Some(if shift.is_none() {
            self.with_article(found)
        } else {
            found
        })
    }

    /// "the third quarter", "third-quarter", "Q3 2023", "the fourth quarter of 2023".
    fn quarter(&self, i: usize, q: u8, shift: Option<i32>) -> Option<Found> {
        if self.context(i) == Context::Number && self.year_num(i + 1).is_none() {
            return None;
        }
        let found = if shift.is_none()
            && self.gap_is(i, |g| g.is_empty() || g.eq_ignore_ascii_case("of"))
            && let Some(y) = self.year_num(i + 1)
        {
            self.expr(i, i + 1, Spec::Quarter { y: Some(y), q, shift }, "quarter year")
        } else {
            self.expr(i, i, Spec::Quarter { y: None, q, shift }, "quarter")
        };
        Some(self.with_determiner(found))
    }

    /// "the first half of 2023", "first-half".
    fn half(&self, i: usize, h: u8) -> Option<Found> {
        if self.gap_is(i, |g| g.is_empty() || g.eq_ignore_ascii_case("of"))
            && let Some(y) = self.year_num(i + 1)
        {
            return Some(self.with_determiner(self.expr(i, i + 1, Spec::Half { y: Some(y), h }, "half year")));
        }
        if self.context(i) == Context::Number {
            return None;
        }
        Some(self.with_determiner(self.expr(i, i, Spec::Half { y: None, h }, "half")))
    }

    /// Extends over "the" before a quarter written as a noun ("the third quarter"), not
    /// before the adjective ("the third-quarter results" names a time only in "third-quarter").
    fn with_determiner(&self, found: Found) -> Found {
        let adjective = self.text[found.expr.start..found.expr.end].contains('-');
        if adjective { found } else { self.with_article(found) }
    }

    /// "Christmas", "Christmas Day 2023".
    fn holiday(&self, i: usize, m: u8, d: u8) -> Option<Found> {
        if self.gap_is(i, |g| g.is_empty() || g == ",")
            && let Some(y) = self.year_num(i + 1)
        {
            return Some(self.expr(i, i + 1, Spec::Day { y: Some(y), m, d }, "holiday year"));
        }
        if !self.bare_ok(i, false) {
            return None;
        }
        Some(self.expr(i, i, Spec::Day { y: None, m, d }, "holiday"))
    }

    /// "Thanksgiving", "Labor Day 2023": like a fixed holiday, on a weekday of its month.
    fn floating_holiday(&self, i: usize, m: u8, nth: i8, wd: u8) -> Option<Found> {
        if self.gap_is(i, |g| g.is_empty() || g == ",")
            && let Some(y) = self.year_num(i + 1)
        {
            let spec = Spec::Floating { y: Some(y), m, nth, wd };
            return Some(self.expr(i, i + 1, spec, "holiday year"));
        }
        if !self.bare_ok(i, false) {
            return None;
        }
        Some(self.expr(i, i, Spec::Floating { y: None, m, nth, wd }, "holiday"))
    }

    /// "now", "recently", "the past", "the future".
    fn vague(&self, i: usize, vague: Vague) -> Option<Found> {
        let end = self.toks[i].end;
        let after = word_after(self.text, end).map(|(_, w)| w);
        let phrase = self.lexicon_phrase(i);
        if phrase.len() > 4 && phrase[..4].eq_ignore_ascii_case("the ") {
            // "the past three months" and "the past week" are durations; "the future of NATO"
            // is no time at all.
            let blocked = after.is_some_and(|w| {
                w.eq_ignore_ascii_case("of")
                    || w.bytes().all(|b| b.is_ascii_digit())
                    || NUMBER_WORDS.iter().any(|(n, _)| w.eq_ignore_ascii_case(n))
                    || is_one_of(w, &["few", "several", "couple", "many"])
            }) || matches!(self.word(i + 1), Some(WordKind::Unit(_))) && self.spaced(i);
            if blocked {
                return None;
            }
        }
        Some(self.expr(i, i, Spec::Vague(vague), "vague time"))
    }

    /// "year-ago", "the year-earlier quarter", "the year-ago period".
    fn offset(&self, i: usize, n: i32, unit: Unit) -> Found {
        // "the year-ago quarter", "the year-earlier period": the quarter a year before; the
        // article joins only with the noun ("the year-ago" alone is an adjective's span).
        let years = if unit == Unit::Year { n } else { 0 };
        if unit == Unit::Year
            && self.spaced(i)
            && matches!(
                self.word(i + 1),
                Some(WordKind::Unit(Unit::Quarter)) | Some(WordKind::Quarter(_))
            )
        {
            return self.with_article(self.expr(i, i + 1, Spec::QuarterShift { years }, "offset quarter"));
        }
        if unit == Unit::Year
            && let Some((start, w)) = word_after(self.text, self.toks[i].end)
            && w.eq_ignore_ascii_case("period")
        {
            let mut found = self.expr(i, i, Spec::QuarterShift { years }, "offset period");
            found.expr.end = start + w.len();
            return self.with_article(found);
        }
        self.expr(
            i,
            i,
            Spec::Shift {
                unit,
                n,
                reference: true,
            },
            "offset word",
        )
    }

    /// A unit not taken by a modifier: "two days ago" (count in words), "years ago",
    /// "the weekend", "the quarter".
    fn unit(&self, i: usize, unit: Unit) -> Option<Found> {
        let plural = self.lexicon_phrase(i).ends_with(['s', 'S']);
        if self.spaced(i)
            && let Some(WordKind::Direction(dir)) = self.word(i + 1)
        {
            let before = word_before(self.text, self.toks[i].start);
            let count = before.and_then(|(start, w)| {
                NUMBER_WORDS
                    .iter()
                    .find(|(n, _)| w.eq_ignore_ascii_case(n))
                    .map(|&(_, n)| (start, Some(n)))
                    .or_else(|| is_one_of(w, VAGUE_COUNTS).then_some((start, None)))
            });
            let found = match count {
                Some((start, Some(n))) if (n == 1) != plural => {
                    let spec = self.count_spec(i + 1, unit, n * dir);
                    let mut found = self.expr(i, i + 1, spec, "count of units ago");
                    found.expr.start = start;
                    found
                }
                Some((start, None)) if plural && dir < 0 && self.lexicon_phrase(i + 1).eq_ignore_ascii_case("ago") => {
                    let mut found = self.expr(i, i + 1, Spec::Vague(Vague::Past), "some units ago");
                    found.expr.start = start;
                    found
                }
                None if plural && dir < 0 && self.lexicon_phrase(i + 1).eq_ignore_ascii_case("ago") => {
                    self.expr(i, i + 1, Spec::Vague(Vague::Past), "units ago")
                }
                _ => return None,
            };
            return Some(self.with_hedges(found));
        }
        let article = word_before(self.text, self.toks[i].start).is_some_and(|(_, w)| w.eq_ignore_ascii_case("the"));
        match unit {
            Unit::Weekend if article && !plural => {
                Some(self.with_article(self.expr(i, i, Spec::Weekend, "the weekend")))
            }
            Unit::Quarter if article && !plural => {
                Some(self.with_article(self.expr(i, i, Spec::NamedQuarter, "the quarter")))
            }
            _ => None,
        }
    }

    /// The spec of a count of units before the direction word at token `direction`: "ago"
    /// counts from the publication date (but "a year ago" from the period the sentence talks
    /// about, as in "profit fell from a year ago"); "earlier" and "later" count from the time
    /// the narrative is at.
    fn count_spec(&self, direction: usize, unit: Unit, n: i32) -> Spec {
        if self.lexicon_phrase(direction).eq_ignore_ascii_case("ago") {
            let reference = unit == Unit::Year && n == -1;
            Spec::Shift { unit, n, reference }
        } else {
            Spec::Narrative { unit, n }
        }
    }

    /// Extends an expression over hedges before it ("nearly four years ago", "a few years
    /// ago").
    fn with_hedges(&self, mut found: Found) -> Found {
        loop {
            match word_before(self.text, found.expr.start) {
                Some((start, w)) if is_one_of(w, HEDGES) || w.eq_ignore_ascii_case("a") => found.expr.start = start,
                Some((start, w)) if w.eq_ignore_ascii_case("than") => match word_before(self.text, start) {
                    Some((s, m)) if is_one_of(m, &["more", "less"]) => found.expr.start = s,
                    _ => return found,
                },
                _ => return found,
            }
        }
    }

    /// Dates that start with a number.
    fn number(&self, i: usize, n: Number, years_end: Option<usize>) -> Option<Found> {
        match n.shape {
            Shape::Iso { y, m, d } => Some(self.expr(i, i, Spec::Day { y: Some(y), m, d }, "ISO date")),
            Shape::Numeric { a, b, y } => {
                let (d, m) = day_and_month(a, b)?;
                super::calendar::Ymd::new(y, m, d)?;
                Some(self.expr(i, i, Spec::Day { y: Some(y), m, d }, "numeric date (day first)"))
            }
            Shape::Decade => {
                let decade = n.value as i32 / 10;
                Some(self.with_article(self.expr(i, i, Spec::Decade(decade), "decade")))
            }
            Shape::Ordinal | Shape::Int if n.digits <= 2 => self.day_first(i, n),
            Shape::Int if n.digits == 4 => self.year(i, n, years_end),
            // A year in words is a year by its form: no context needed.
            Shape::SpelledYear => {
                let mut found = self.expr(i, i, Spec::Year(n.value as i32), "year in words");
                // "the year two thousand": TimeML's span takes the noun and its article.
                if let Some((start, w)) = word_before(self.text, found.expr.start)
                    && w.eq_ignore_ascii_case("year")
                {
                    found.expr.start = start;
                    found = self.with_article(found);
                }
                Some(found)
            }
            _ => None,
        }
    }

    /// "12 September 2022", "13th of September", "12-14 September", "10 days ago".
    fn day_first(&self, i: usize, n: Number) -> Option<Found> {
        // A count of units: "10 days ago", "2 weeks earlier".
        if self.spaced(i)
            && let Some(WordKind::Unit(unit)) = self.word(i + 1)
        {
            if self.spaced(i + 1)
                && let Some(WordKind::Direction(dir)) = self.word(i + 2)
            {
                let spec = self.count_spec(i + 2, unit, n.value as i32 * dir);
                return Some(self.with_hedges(self.expr(i, i + 2, spec, "count of units ago")));
            }
            return None;
        }
        let d = self.day_num(i)?;
        let mut j = i;
        let mut end_day = None;
        // "12-14 September", "12 to 14 September", "12 and 13 September".
        if self.gap_is(i, |g| self.is_day_range_gap(g, i))
            && let Some(d2) = self.day_num_in_range(i + 1)
            && d2 > d
        {
            end_day = Some(d2);
            j = i + 1;
        }
        let of = self.gap_is(j, |g| g.eq_ignore_ascii_case("of"));
        if !(self.spaced(j) || of) {
            return None;
        }
        let Some(WordKind::Month(m)) = self.word(j + 1) else {
            return None;
        };
        if d > super::calendar::days_in_month(2000, m) {
            return None;
        }
        let (spec, y, last) = self.day_spec_with_year(j + 1, m, d, end_day);
        let rule = match (end_day, of, y) {
            (Some(_), _, _) => "day range month",
            (None, true, _) => "day of month",
            (None, false, Some(_)) => "day month year",
            (None, false, None) => "day month",
        };
        let found = self.expr(i, last, spec, rule);
        Some(if of { self.with_article(found) } else { found })
    }

    /// "in 2014", "the 2022 election", "2019-2021", "2019-21", "1990 third quarter".
    fn year(&self, i: usize, n: Number, years_end: Option<usize>) -> Option<Found> {
        let y = n.value as i32;
        if !(1900..=2099).contains(&y) || n.after_number_dash {
            return None;
        }
        // A range of years: "2019-2021", "2019-21", "from 2019 to 2021", "between 2019 and 2021".
        if let Some(next) = self.num(i + 1)
            && next.shape == Shape::Int
        {
            let dash = next.after_number_dash && self.gap(i) == Some("-");
            let worded = self.gap_is(i, |g| {
                matches!(g.to_ascii_lowercase().as_str(), "to" | "and" | "-" | "through")
            }) && word_before(self.text, self.toks[i].start)
                .is_some_and(|(_, w)| is_one_of(w, &["from", "between"]));
            let end_year = match next.digits {
                4 => Some(next.value as i32),
                2 if dash => Some(y / 100 * 100 + next.value as i32),
                _ => None,
            };
            if (dash || worded)
                && let Some(end_year) = end_year
                && end_year > y
                && end_year - y < 100
                && !self.num_continues_after(i + 1)
            {
                let spec = Spec::Range(Box::new(Spec::Year(y)), Box::new(Spec::Year(end_year)));
                return Some(self.expr(i, i + 1, spec, "year range"));
            }
        }
        // "the 1988 third quarter".
        if self.spaced(i)
            && let Some(WordKind::Quarter(q)) = self.word(i + 1)
        {
            return Some(self.with_determiner(self.expr(
                i,
                i + 1,
                Spec::Quarter {
                    y: Some(y),
                    q,
                    shift: None,
                },
                "year quarter",
            )));
        }
        if n.hyphen_before || !self.year_context(i, years_end) {
            return None;
        }
        Some(self.expr(i, i, Spec::Year(y), "year"))
    }

    /// Whether a number is followed by another dash-joined number ("555-0143-22"): a code.
    fn num_continues_after(&self, i: usize) -> bool {
        self.num(i + 1)
            .is_some_and(|n| n.after_number_dash && self.gap(i) == Some("-"))
    }

    /// Whether a bare four-digit number at token `i` reads as a year.
    fn year_context(&self, i: usize, years_end: Option<usize>) -> bool {
        let tok = &self.toks[i];
        let Some((start, before)) = word_before(self.text, tok.start) else {
            // "(2014)", "1990-" at a line start: only a list continuation counts.
            return self.list_continues(tok.start, years_end);
        };
        if is_one_of(before, YEAR_CUES) {
            return true;
        }
        if is_one_of(before, &["and", "or", "to"]) {
            // "dating back to 1994", "from 1990 to", or the next item of a list of years.
            let verb_to =
                word_before(self.text, start).is_some_and(|(_, w)| is_one_of(w, &["back", "dating", "dates"]));
            return verb_to || self.list_continues(start, years_end);
        }
        let after = word_after(self.text, tok.end).map(|(_, w)| w);
        let noun_after = after.is_some_and(|w| {
            let lower = w.chars().next().is_some_and(char::is_lowercase);
            !lower || !is_count_noun(w) || is_one_of(w, YEAR_PLURALS)
        });
        // "the 2022 election", "a 2022 model", "the 1994 Freedom of Access Act", "the company's
        // 1989 results", "his unsuccessful 1996 campaign"; not "the 2000 delegates" (a count)
        // nor "Resolution 2334".
        let determiner = is_one_of(before, YEAR_DETERMINERS) || before.ends_with("'s") || before.ends_with('\'');
        let adjective = before.chars().all(|c| c.is_lowercase()) && !is_number_word(before);
        let lowercase_after = after.is_some_and(|w| w.chars().next().is_some_and(char::is_lowercase));
        (determiner && noun_after) || (adjective && lowercase_after && noun_after)
    }

    /// Whether the text just before `pos` continues a list of years ("2018, 2019 and").
    fn list_continues(&self, pos: usize, years_end: Option<usize>) -> bool {
        years_end.is_some_and(|end| {
            end <= pos && {
                let between = self.text[end..pos].trim();
                between.is_empty() || between == "," || is_one_of(between, &["and", "or", "to", ", and", ", or"])
            }
        })
    }
}

/// Day and month of a numeric date `a/b/yyyy`: day first, as most of the world writes it,
/// unless that is impossible and month first is not ("9/13/2022").
fn day_and_month(a: u8, b: u8) -> Option<(u8, u8)> {
    if (1..=12).contains(&b) {
        Some((a, b))
    } else if (1..=12).contains(&a) && b <= 31 {
        Some((b, a))
    } else {
        None
    }
}

/// Merges "from X to Y", "between X and Y" and "X - Y" into ranges, where X and Y are dates
/// of the same kind.
fn merge_ranges(text: &str, exprs: Vec<Expr>) -> Vec<Expr> {
    let mut out: Vec<Expr> = Vec::with_capacity(exprs.len());
    for expr in exprs {
        if let Some(prev) = out.last_mut()
            && range_between(text, prev, &expr)
        {
            let first = std::mem::replace(&mut prev.spec, Spec::Year(0));
            prev.spec = Spec::Range(Box::new(first), Box::new(expr.spec));
            prev.end = expr.end;
            prev.rule = "range";
            prev.words.extend(expr.words);
            prev.raws.extend(expr.raws);
            continue;
        }
        out.push(expr);
    }
    out
}

fn range_between(text: &str, a: &Expr, b: &Expr) -> bool {
    if a.end > b.start || !same_kind(&a.spec, &b.spec) {
        return false;
    }
    let gap = text[a.end..b.start].trim();
    let opener = word_before(text, a.start).map(|(_, w)| w.to_ascii_lowercase());
    match gap {
        "-" => true,
        "to" | "until" | "through" | "till" => opener.as_deref() == Some("from"),
        "and" => opener.as_deref() == Some("between"),
        _ => false,
    }
}

fn same_kind(a: &Spec, b: &Spec) -> bool {
    matches!(
        (a, b),
        (Spec::Day { .. }, Spec::Day { .. })
            | (Spec::Month { shift: None, .. }, Spec::Month { shift: None, .. })
            | (Spec::Year(_), Spec::Year(_))
            | (Spec::Weekday { shift: None, .. }, Spec::Weekday { shift: None, .. })
            | (Spec::Decade(_), Spec::Decade(_))
    )
}

fn is_space(gap: &str) -> bool {
    !gap.is_empty()
        && gap.bytes().all(|b| b == b' ' || b == b'\t' || b == b'\n' || b == b'\r')
        && gap.matches('\n').count() <= 1
}

fn is_range_word(gap: &str) -> bool {
    gap == "-"
        || gap.eq_ignore_ascii_case("to")
        || gap.eq_ignore_ascii_case("and")
        || gap.eq_ignore_ascii_case("through")
}

fn is_one_of(word: &str, list: &[&str]) -> bool {
    list.iter().any(|w| word.eq_ignore_ascii_case(w))
}

fn is_number_word(word: &str) -> bool {
    NUMBER_WORDS.iter().any(|(n, _)| word.eq_ignore_ascii_case(n))
        || is_one_of(
            word,
            &[
                "about",
                "some",
                "nearly",
                "almost",
                "over",
                "than",
                "only",
                "just",
                "roughly",
                "approximately",
                "around",
            ],
        )
}

/// Nouns that make a preceding four-digit number a count, not a year.
fn is_count_noun(word: &str) -> bool {
    (word.ends_with('s') && !word.ends_with("ss") && word.len() > 3)
        || is_one_of(
            word,
            &[
                "people",
                "men",
                "women",
                "children",
                "staff",
                "personnel",
                "police",
                "cattle",
            ],
        )
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '\''
}

/// The word just before `pos`, skipping spaces (not punctuation): (its start, the word).
pub(super) fn word_before(text: &str, pos: usize) -> Option<(usize, &str)> {
    let head = text[..pos].trim_end_matches([' ', '\t']);
    let end = head.len();
    let start = head
        .char_indices()
        .rev()
        .find(|&(_, c)| !is_word_char(c))
        .map(|(i, c)| i + c.len_utf8())
        .unwrap_or(0);
    (start < end).then(|| (start, &head[start..end]))
}

/// The word just after `pos`, skipping spaces (not punctuation): (its start, the word).
pub(super) fn word_after(text: &str, pos: usize) -> Option<(usize, &str)> {
    let tail = &text[pos..];
    let start = pos + (tail.len() - tail.trim_start_matches([' ', '\t']).len());
    let rest = &text[start..];
    let len = rest.find(|c: char| !is_word_char(c)).unwrap_or(rest.len());
    (len > 0).then(|| (start, &rest[..len]))
}

/// Whether the next word (after spaces) starts with a capital: a month before it may be a
/// first name ("June Carter").
fn capitalised_word_after(text: &str, pos: usize) -> bool {
    word_after(text, pos).is_some_and(|(_, w)| w.chars().next().is_some_and(char::is_uppercase))
}
