//! Dates: every date expression in an article, normalised to a TimeML TIMEX3 value, with
//! relative ones ("yesterday", "last week", "on Tuesday") resolved against the publication date.
//!
//! How it runs, once per document, before entity resolution:
//!
//! 1. **Words.** The date words of `gazetteers/dates.tsv` (and of user files with a
//!    `date_kind` column) are compiled into the pipeline's one Aho-Corasick matcher with the
//!    names ([`DateStage::patterns`]), so they are found in the same pass. Raw matches whose
//!    candidates include a date word become word tokens.
//! 2. **Numbers.** One byte scan of the normalised text finds the numbers a date can be made
//!    of ([`numbers`]).
//! 3. **Expressions.** Rules over the merged token stream build expressions
//!    ([`expressions`]); the words they use are *claimed*, and entity resolution skips them.
//! 4. **Publication date.** `--published`, else the `published` field of a JSON Lines input,
//!    else the dateline ([`dateline`]).
//! 5. **Values.** Each expression is resolved against the publication date, using the tense
//!    of its sentence where the direction matters ([`resolve`], [`tense`]).
//!
//! `docs/dates.md` describes the rules and the evaluation.

pub mod calendar;
pub mod dateline;
pub mod expressions;
pub mod lexicon;
pub mod numbers;
pub mod resolve;
pub mod tense;

use crate::error::GazetteerError;
use crate::gazetteer::{EntryId, Form, Gazetteer, LexiconKind, LexiconPattern, Matcher, PartialDate, RawMatch};
use crate::normalize::Normalized;
use crate::segment::{Sentence, sentence_index};

use calendar::Ymd;
use expressions::{Expr, Parser, Spec, Tok, TokKind};
pub use lexicon::DateLexicon;
use resolve::{Context, Value};
use tense::Tense;

/// Where the paragraph holding `pos` starts: just after the last blank line before it. Scans
/// back line by line, so it costs the length of one paragraph.
fn paragraph_start(text: &str, pos: usize) -> usize {
    let mut line_start = text[..pos].rfind('\n').map_or(0, |i| i + 1);
    while line_start > 0 {
        let previous_start = text[..line_start - 1].rfind('\n').map_or(0, |i| i + 1);
        if text[previous_start..line_start].trim().is_empty() {
            return line_start;
        }
        line_start = previous_start;
    }
    0
}

/// Where the publication date came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PublishedFrom {
    /// The article's dateline.
    Dateline,
    /// The `--published` option.
    Option,
    /// The `published` field of a JSON Lines input document.
    Input,
}

impl PublishedFrom {
    /// The name used in JSON output.
    pub fn as_str(self) -> &'static str {
        match self {
            PublishedFrom::Dateline => "dateline",
            PublishedFrom::Option => "option",
            PublishedFrom::Input => "input",
        }
    }
}

/// A publication date and its origin.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Published {
    /// The date (a full date).
    pub date: PartialDate,
    /// Where it came from.
    pub from: PublishedFrom,
}

/// One date expression in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateMention {
    /// Byte offset into the original text.
    pub start: usize,
    /// Byte offset just past the expression in the original text.
    pub end: usize,
    /// Index of the sentence it is in.
    pub sentence: usize,
    /// The TimeML value, or `None` when it depends on an unknown publication date.
    pub value: Option<String>,
    /// For a range, the value of its end.
    pub end_value: Option<String>,
    /// Whether the value was computed from the publication date.
    pub relative: bool,
    /// The rule and the lexicon lines that produced it.
    pub rule: String,
}

/// What the date stage found in one text.
#[derive(Debug, Clone, Default)]
pub struct DateAnalysis {
    /// Date expressions in text order.
    pub dates: Vec<DateMention>,
    /// The publication date used, if any.
    pub published: Option<Published>,
    /// For each raw match, whether a date expression consumed it.
    pub claimed: Vec<bool>,
}

/// The date stage, compiled once per pipeline.
#[derive(Debug, Clone)]
pub struct DateStage {
    lexicon: DateLexicon,
    dateline: dateline::DatelineRules,
}

impl DateStage {
    /// Reads the date lexicon files of a gazetteer. Fails on a bad row.
    pub fn new(gazetteer: &Gazetteer) -> Result<Self, GazetteerError> {
        Self::with_dateline_rules(gazetteer, dateline::DatelineRules::new())
    }

    /// Like [`DateStage::new`], with dateline rules compiled already (perhaps on another
    /// thread).
    pub fn with_dateline_rules(
        gazetteer: &Gazetteer,
        dateline: dateline::DatelineRules,
    ) -> Result<Self, GazetteerError> {
        Ok(DateStage {
            lexicon: DateLexicon::from_gazetteer(gazetteer)?,
            dateline,
        })
    }

    /// The date words, for [`Matcher::new`].
    pub fn patterns(&self) -> Vec<LexiconPattern> {
        self.lexicon.patterns()
    }

    /// The date lexicon.
    pub fn lexicon(&self) -> &DateLexicon {
        &self.lexicon
    }

    /// Finds, resolves and explains the date expressions of one text. `given` is a publication
    /// date from outside the text (the option or the input), which beats the dateline.
    pub fn run(
        &self,
        original: &str,
        normalized: &Normalized<'_>,
        sentences: &[Sentence],
        matches: &[RawMatch],
        matcher: &Matcher,
        given: Option<Published>,
    ) -> DateAnalysis {
        let norm = normalized.as_str();
        let toks = self.tokens(norm, matches, matcher);
        let exprs = Parser::new(norm, &toks, &self.lexicon).parse();

        let dateline = self.dateline.find(norm, &exprs);
        let published = given.or_else(|| {
            let date = dateline?.date?;
            Some(Published {
                date: PartialDate::ymd(date.y as u16, date.m, date.d),
                from: PublishedFrom::Dateline,
            })
        });
        let anchor = published.and_then(|p| {
            let full = p.date.first_day();
            Ymd::new(i32::from(full.year), full.month, full.day)
        });

        let mut claimed = vec![false; matches.len()];
        let mut dates = Vec::with_capacity(exprs.len());
        // The last quarter named, and the sentence it was named in.
        let mut last_quarter: Option<(i32, u8, usize)> = None;
        // (sentence, value) of the latest expression, for "a year earlier".
        let mut previous: Option<(usize, usize, Value)> = None;
        for expr in &exprs {
            let range = normalized.to_original(expr.start..expr.end);
            let sentence = sentence_index(sentences, range.start);
            let tense = if resolve::needs_tense(&expr.spec) {
                sentences
                    .get(sentence)
                    .filter(|s| s.start <= range.start && range.end <= s.end)
                    .map_or(Tense::Unknown, |s| {
                        tense::tense_around(original, s.range(), range.clone())
                    })
            } else {
                Tense::Unknown
            };
            // "a year earlier" is measured from the period the sentence talks about: a date
            // named earlier in the sentence, else the quarter the article last named
            // (financial reports compare "third-quarter profit" with "a year earlier").
            let reference = previous
                .filter(|&(s, _, _)| s == sentence)
                .map(|(_, _, v)| v)
                .or_else(|| last_quarter.map(|(y, q, _)| Value::Quarter(y, q)));
            // "three days later" counts from the last date named in the same paragraph.
            let narrative = match expr.spec {
                Spec::Narrative { .. } => previous
                    .filter(|&(_, end, _)| end >= paragraph_start(original, range.start))
                    .map(|(_, _, v)| v),
                _ => None,
            };
            let context = Context {
                anchor,
                tense,
                reference,
                narrative,
                last_quarter: last_quarter.map(|(y, q, _)| (y, q)),
            };
            if expr.spec == Spec::NamedQuarter && last_quarter.is_none() {
                continue; // "the quarter" with no quarter named before is no date
            }
            let resolution = resolve::resolve(&expr.spec, &context);
            if let Some(value) = resolution.value {
                // Only quarters the text names count for "the quarter", not "a year earlier".
                if let (Value::Quarter(y, q), Spec::Quarter { .. } | Spec::NamedQuarter) = (value, &expr.spec) {
                    last_quarter = Some((y, q, sentence));
                }
                if !matches!(value, Value::Vague(_)) {
                    previous = Some((sentence, range.end, value));
                }
            }
            for &raw in &expr.raws {
                claimed[raw] = true;
            }
            debug_assert!(original.is_char_boundary(range.start) && original.is_char_boundary(range.end));
            dates.push(DateMention {
                start: range.start,
                end: range.end,
                sentence,
                value: resolution.value.map(|v| v.to_string()),
                end_value: resolution.end.map(|v| v.to_string()),
                relative: resolution.relative,
                rule: self.explain(expr),
            });
        }
        DateAnalysis {
            dates,
            published,
            claimed,
        }
    }

    /// The rule name and the lexicon lines of an expression: "month day
    /// (gazetteers/dates.tsv:57)".
    fn explain(&self, expr: &Expr) -> String {
        if expr.words.is_empty() {
            return expr.rule.to_owned();
        }
        let sources: Vec<&str> = expr
            .words
            .iter()
            .map(|&id| self.lexicon.word(id).source.as_str())
            .collect();
        format!("{} ({})", expr.rule, sources.join(", "))
    }

    /// Date words from the raw matches and numbers from the text, in text order.
    fn tokens(&self, norm: &str, matches: &[RawMatch], matcher: &Matcher) -> Vec<Tok> {
        // Entries named so far by a full name, alias, demonym or capital: a surname of one of
        // them is that person, not a month ("May said" after "Theresa May").
        // Only the people whose surname is also a date word matter (a handful, such as Theresa
        // May), so they are collected first and the rest of the names are never hashed.
        let mut surnames: Vec<EntryId> = Vec::new();
        for m in matches {
            let date = matcher
                .phrase_candidates(m)
                .iter()
                .any(|&c| matcher.candidate(c).as_lexicon(LexiconKind::Dates).is_some());
            if date {
                for &c in matcher.entry_candidates(m) {
                    if let Some(entry) = matcher.candidate(c).as_entry()
                        && entry.form == Form::Surname
                        && !surnames.contains(&entry.entry)
                    {
                        surnames.push(entry.entry);
                    }
                }
            }
        }
        let mut named: Vec<EntryId> = Vec::new();
        let mut words = Vec::new();
        for (raw, m) in matches.iter().enumerate() {
            let mut date_word = None;
            let mut names_entity = false;
            for &c in &m.candidates {
                let candidate = matcher.candidate(c);
                if let Some(id) = candidate.as_lexicon(LexiconKind::Dates) {
                    date_word = Some(id);
                } else if let Some(entry) = candidate.as_entry() {
                    names_entity |= entry.form != Form::Surname || named.contains(&entry.entry);
                }
            }
            if !surnames.is_empty() {
                for &c in matcher.entry_candidates(m) {
                    if let Some(entry) = matcher.candidate(c).as_entry()
                        && entry.form != Form::Surname
                        && surnames.contains(&entry.entry)
                        && !named.contains(&entry.entry)
                    {
                        named.push(entry.entry);
                    }
                }
            }
            if let Some(id) = date_word {
                words.push(Tok {
                    start: m.start,
                    end: m.end,
                    kind: TokKind::Word { id, raw },
                    names_entity,
                });
            }
        }
        let numbers = numbers::scan(norm);
        let mut toks = Vec::with_capacity(words.len() + numbers.len());
        let (mut w, mut n) = (words.into_iter().peekable(), numbers.into_iter().peekable());
        loop {
            let next = match (w.peek(), n.peek()) {
                (Some(a), Some(b)) if a.start <= b.start => w.next(),
                (Some(_), Some(_)) | (None, Some(_)) => n.next().map(|number| Tok {
                    start: number.start,
                    end: number.end,
                    kind: TokKind::Num(number),
                    names_entity: false,
                }),
                (Some(_), None) => w.next(),
                (None, None) => break,
            };
            let Some(tok) = next else { break };
            // A number inside a date word ("1st quarter") belongs to the word.
            if toks.last().is_some_and(|last: &Tok| tok.start < last.end) {
                continue;
            }
            toks.push(tok);
        }
        toks
    }
}

#[cfg(test)]
mod tests;
