//! The publication date, from the article's dateline.
//!
//! Only the top of the article is searched: its first eight lines that hold any text. There,
//! a date of a day (with or without a weekday) counts when its line reads as a dateline:
//!
//! - the date alone on its line, optionally followed by a time and a zone ("September 13, 2022
//!   at 3:38 pm", "Tue 4 Jul 2023 14.02 BST", "2023-05-04T10:12:00Z", "13/09/2022");
//! - after a label: "Published", "Updated", "Posted", "First published", "Date", optionally
//!   with "on" or a colon ("Published 4 May 2023", "Updated: 5 May 2023, 10:12");
//! - after a city in capitals, with a comma ("WASHINGTON, May 4 (Reuters) -", "VILNIUS,
//!   Lithuania, July 11, 2023 —"), a dash ("WASHINGTON — October 10, 2024, 11:47 a.m. EDT") or
//!   nothing before an ISO date ("LONDON 1996-08-30").
//!
//! The first such line wins, except that a "Published" or "Posted" line beats an earlier
//! "Updated" one. A dateline without a year ("WASHINGTON, May 4") takes its year from another
//! full date at the top of the article (one of the same day first, such as a photo caption's
//! "Sept. 11, 2024"); with none, the year, and so the publication date, stays unknown.

use regex::Regex;

use super::calendar::Ymd;
use super::expressions::{Expr, Spec};

/// How many lines with text, from the top, may hold the dateline.
pub const HEADER_LINES: usize = 8;

/// The compiled patterns of the dateline rules.
#[derive(Debug, Clone)]
pub struct DatelineRules {
    label: Regex,
    city: Regex,
    after_alone: Regex,
    after_city: Regex,
}

/// What the dateline gave.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Dateline {
    /// Index of the dateline's expression.
    pub expr: usize,
    /// The date, when its year is known.
    pub date: Option<Ymd>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Form {
    Alone,
    Published,
    Updated,
    City,
}

impl Default for DatelineRules {
    fn default() -> Self {
        Self::new()
    }
}

impl DatelineRules {
    /// Compiles the patterns (once per pipeline).
    ///
    /// Written to compile fast, as this is done at every start: each `\w` or `\d` is a Unicode
    /// class compiled into its own automaton, so `\w` appears once where it can, and digits
    /// are `[0-9]`, the only digits the date stage reads (this halved the compile time, which
    /// had become a sixth of start-up).
    pub fn new() -> Self {
        let compile = |pattern: &str| Regex::new(pattern).expect("the dateline patterns are valid");
        DatelineRules {
            label: compile(
                r"(?i)^(?:.*[|•·]\s*)?(?:(?:first|last|originally)\s+)?(published|posted|updated|modified|date|dated)(?:\s+on)?\s*:?$",
            ),
            city: compile(r"^[A-Z][A-Z.'/&-]*(?:\s+[A-Z][A-Z.'/&-]*)*(?:,\s*[A-Z](?:[\w.'-]|\s+[A-Z])*)*(?:,|\s+-)?$"),
            after_alone: compile(
                r"^(?:(?:at|,|\||-|/)\s*)?(?:[0-9]{1,2}[:.][0-9]{2}(?::[0-9]{2})?\s*(?:[aApP]\.?[mM]\.?)?|[0-9]{1,2}\s*[aApP]\.?[mM]\.?)?\s*(?:\(?[A-Z]{2,5}\)?|(?:GMT|UTC)\s*[+-]\s*[0-9]{1,2}(?::?[0-9]{2})?)?$|^T[0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]+)?)?(?:Z|[+-][0-9]{2}:?[0-9]{2})?$|^[Bb]y\s",
            ),
            after_city: compile(r"^(?:\([^)]*\)\s*)?-"),
        }
    }

    /// Finds the dateline among the expressions of the normalised `text`.
    pub fn find(&self, text: &str, exprs: &[Expr]) -> Option<Dateline> {
        let limit = header_end(text);
        let mut first: Option<(usize, Form)> = None;
        for (index, expr) in exprs.iter().enumerate() {
            if expr.start >= limit {
                break;
            }
            if !matches!(expr.spec, Spec::Day { .. }) {
                continue;
            }
            let Some(form) = self.form(text, expr) else { continue };
            match (first, form) {
                (None, _) => first = Some((index, form)),
                (Some((_, Form::Updated)), Form::Published) => {
                    first = Some((index, form));
                    break;
                }
                _ => {}
            }
            if form != Form::Updated {
                break;
            }
        }
        let (index, _) = first?;
        let Spec::Day { y, m, d } = exprs[index].spec else {
            return None;
        };
        let year = y.or_else(|| year_from_header(exprs, limit, m, d));
        Some(Dateline {
            expr: index,
            date: year.and_then(|y| Ymd::new(y, m, d)),
        })
    }

    /// How the line around `expr` makes it a dateline, if it does.
    fn form(&self, text: &str, expr: &Expr) -> Option<Form> {
        // A dateline is a short line, so only MAX_CONTEXT bytes either side of the date are
        // looked at: searching a whole line for its ends, and matching the patterns against
        // all of it, cost the line's length for every date on it, which made an article on one
        // long line quadratic (a 20 MB line took over 3 minutes for this alone).
        let window_start = floor_char_boundary(text, expr.start.saturating_sub(MAX_CONTEXT));
        let line_start = match text[window_start..expr.start].rfind('\n') {
            Some(i) => window_start + i + 1,
            // No line start within reach: the date is deep inside a long line.
            None if window_start > 0 => return None,
            None => 0,
        };
        let window_end = floor_char_boundary(text, expr.end.saturating_add(MAX_CONTEXT).min(text.len()));
        // Past the window, the rest of a long line is cut off: the patterns for what follows a
        // date either look at its first few characters ("(Reuters) -", "By") or need all of
        // it to be a time and zone, which a cut-off line is not.
        let line_end = text[expr.end..window_end]
            .find('\n')
            .map_or(window_end, |i| expr.end + i);
        let before = text[line_start..expr.start].trim();
        let after = text[expr.end..line_end].trim();
        let form = if before.is_empty() {
            Form::Alone
        } else if let Some(caps) = self.label.captures(before) {
            let label = caps.get(1).map_or("", |m| m.as_str()).to_ascii_lowercase();
            if matches!(label.as_str(), "updated" | "modified") {
                Form::Updated
            } else {
                Form::Published
            }
        } else if self.city.is_match(before)
            && before
                .chars()
                .filter(|c| c.is_alphabetic())
                .take(2)
                .all(char::is_uppercase)
        {
            Form::City
        } else {
            return None;
        };
        let after_ok = after.is_empty()
            || self.after_alone.is_match(after)
            || (form == Form::City && self.after_city.is_match(after));
        after_ok.then_some(form)
    }
}

/// How many bytes before and after a date [`DatelineRules::find`] looks at for the rest of its
/// line; far more than any dateline's label, city or time takes.
const MAX_CONTEXT: usize = 512;

/// The largest character boundary of `text` at or before `at`.
fn floor_char_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// Byte offset where the header region ends: after the [`HEADER_LINES`]th line with text.
fn header_end(text: &str) -> usize {
    let mut seen = 0;
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        pos += line.len();
        if !line.trim().is_empty() {
            seen += 1;
            if seen == HEADER_LINES {
                return pos;
            }
        }
    }
    text.len()
}

/// The year of another full date in the header: one of the same day first.
fn year_from_header(exprs: &[Expr], limit: usize, m: u8, d: u8) -> Option<i32> {
    let dated = exprs
        .iter()
        .take_while(|e| e.start < limit)
        .filter_map(|e| match e.spec {
            Spec::Day {
                y: Some(y),
                m: em,
                d: ed,
            } => Some((y, em == m && ed == d)),
            _ => None,
        });
    let mut any = None;
    for (y, same_day) in dated {
        if same_day {
            return Some(y);
        }
        any = any.or(Some(y));
    }
    any
}
