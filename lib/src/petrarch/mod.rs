//! Readers for the event-data community's dictionaries: the actor, agent, verb and discard
//! files of PETRARCH-1, PETRARCH-2 and TABARI, and their conversion into gazette's own TSV
//! files (`gazette gazetteer import-petrarch`).
//!
//! The formats share a few rules, kept here: `#` starts a comment wherever it appears,
//! `<!-- ... -->` is a comment that may span lines, phrases are upper case with `_` or a space
//! between words, and a trailing `_` (TABARI's "whole word, not a stem") changes nothing,
//! because gazette always matches whole words.
//!
//! The readers are lenient the way the coders that wrote these files were: a line they cannot
//! read is skipped and reported as a [`GazetteerError`] (`file:line: message`) in the
//! dictionary's `warnings`, so that one malformed date in a production file of 40,000 lines
//! does not stop an import.

pub mod actors;
pub mod agents;
pub mod comma;
pub mod convert;
pub mod discards;
pub mod verbs;

use std::path::{Path, PathBuf};

use crate::error::GazetteerError;

pub use actors::{Actor, ActorCode, ActorDictionary};
pub use agents::{Agent, AgentDictionary, AgentPlace};
pub use discards::{Discard, DiscardDictionary};
pub use verbs::{Pattern, VerbDictionary};

/// One line of a dictionary with its comments removed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct CleanLine<'a> {
    /// 1-based line number.
    pub number: usize,
    /// The text before any comment, with the line end removed (leading white space kept,
    /// because in actor files a tab-indented line continues the entry above).
    pub text: &'a str,
}

/// The lines of a dictionary file without comments and blank lines. `<!` opens a comment
/// that runs to the next `-->`, on the same line or a later one (the validation files also
/// write `<! -- ... -->`).
pub(crate) fn clean_lines(text: &str) -> Vec<CleanLine<'_>> {
    let mut out = Vec::new();
    let mut in_block = false;
    for (index, raw) in text.lines().enumerate() {
        let mut line = raw.trim_end_matches(['\r', '\u{1a}']);
        if in_block {
            match line.find("-->") {
                Some(end) => {
                    in_block = false;
                    line = &line[end + 3..];
                }
                None => continue,
            }
        }
        // A block comment opening on this line; it may close on the same line.
        if let Some(open) = line.find("<!") {
            match line[open..].find("-->") {
                // Text after a one-line block comment is rare and never meaningful in these
                // files; what comes before it is kept.
                Some(_) => line = &line[..open],
                None => {
                    in_block = true;
                    line = &line[..open];
                }
            }
        }
        if let Some(hash) = line.find('#') {
            line = &line[..hash];
        }
        let line = line.trim_end();
        if !line.trim().is_empty() {
            out.push(CleanLine {
                number: index + 1,
                text: line,
            });
        }
    }
    out
}

/// A dictionary phrase as gazette writes names: lower case (so that "Arnor" and "ARNOR" both
/// match), words separated by one space, TABARI's trailing `_` dropped.
pub(crate) fn phrase(raw: &str) -> String {
    raw.trim()
        .trim_end_matches('_')
        .split(['_', ' ', '\t'])
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// A calendar day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day {
    /// Year.
    pub year: i32,
    /// Month, 1-12.
    pub month: u32,
    /// Day of the month.
    pub day: u32,
}

impl Day {
    /// Reads a PETRARCH date: `YYYYMMDD`, or `YYMMDD` where a `YY` of 00-30 is 20YY and any
    /// other is 19YY.
    pub fn parse(text: &str) -> Option<Day> {
        if !text.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let (year, rest) = match text.len() {
            8 => (text[..4].parse::<i32>().ok()?, &text[4..]),
            6 => {
                let yy: i32 = text[..2].parse().ok()?;
                (if yy <= 30 { 2000 + yy } else { 1900 + yy }, &text[2..])
            }
            _ => return None,
        };
        let month: u32 = rest[..2].parse().ok()?;
        let day: u32 = rest[2..].parse().ok()?;
        ((1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month)).then_some(Day { year, month, day })
    }

    /// The day before.
    pub fn previous(self) -> Day {
        if self.day > 1 {
            Day {
                day: self.day - 1,
                ..self
            }
        } else if self.month > 1 {
            Day {
                month: self.month - 1,
                day: days_in_month(self.year, self.month - 1),
                ..self
            }
        } else {
            Day {
                year: self.year - 1,
                month: 12,
                day: 31,
            }
        }
    }

    /// `YYYY-MM-DD`, as gazette's `from` and `to` columns write a day.
    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

/// The four dictionaries of a PETRARCH set-up, with the warnings their readers gave.
#[derive(Debug, Clone, Default)]
pub struct Dictionaries {
    /// Actors (`*.actors.txt`), in file order.
    pub actors: ActorDictionary,
    /// Agents (`*.agents.txt`).
    pub agents: AgentDictionary,
    /// Verbs (`*.verbs.txt`, `CAMEO*.txt`).
    pub verbs: VerbDictionary,
    /// Discards (`*.discards.txt`).
    pub discards: DiscardDictionary,
}

impl Dictionaries {
    /// Reads every dictionary file of a directory, each by its name: `*actors*`, `*agents*`,
    /// `*discards*`, and `*verbs*` or `CAMEO*` for verbs. Other files are ignored.
    pub fn read_dir(dir: &Path) -> Result<Self, crate::Error> {
        let entries = std::fs::read_dir(dir).map_err(|source| crate::Error::Io {
            path: dir.to_owned(),
            source,
        })?;
        let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        let mut dictionaries = Dictionaries::default();
        let mut found = false;
        for path in paths.iter().filter(|p| p.is_file()) {
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default();
            let lower = name.to_lowercase();
            let kind = if lower.contains("actors") {
                FileKind::Actors
            } else if lower.contains("agents") {
                FileKind::Agents
            } else if lower.contains("discards") {
                FileKind::Discards
            } else if lower.contains("verbs") || lower.starts_with("cameo") {
                FileKind::Verbs
            } else {
                continue;
            };
            let text = std::fs::read_to_string(path).map_err(|source| crate::Error::Io {
                path: path.clone(),
                source,
            })?;
            dictionaries.add(kind, &path.display().to_string(), &text);
            found = true;
        }
        if !found {
            return Err(crate::Error::Gazetteer(GazetteerError {
                file: dir.display().to_string(),
                line: 0,
                message: "no PETRARCH dictionary here (looked for *actors*, *agents*, *verbs*, CAMEO*, \
                          *discards* files)"
                    .into(),
            }));
        }
        Ok(dictionaries)
    }

    /// Adds one file's text, read as `kind`.
    pub fn add(&mut self, kind: FileKind, file: &str, text: &str) {
        match kind {
            FileKind::Actors => self.actors.add_file(file, text),
            FileKind::Agents => self.agents.add_file(file, text),
            FileKind::Verbs => self.verbs.add_file(file, text),
            FileKind::Discards => self.discards.add_file(file, text),
        }
    }

    /// Every line that was skipped, as `file:line: message`.
    pub fn warnings(&self) -> impl Iterator<Item = &GazetteerError> {
        self.actors
            .warnings
            .iter()
            .chain(&self.agents.warnings)
            .chain(&self.verbs.warnings)
            .chain(&self.discards.warnings)
    }
}

/// The kinds of dictionary file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// Actors.
    Actors,
    /// Agents.
    Agents,
    /// Verbs.
    Verbs,
    /// Discards.
    Discards,
}

pub(crate) fn warning(file: &str, line: usize, message: impl Into<String>) -> GazetteerError {
    GazetteerError {
        file: file.to_owned(),
        line,
        message: message.into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_of_both_kinds_are_removed() {
        let text = "<!-- head\nstill comment -->\nARNOR_ [ARN] # note\n\n<! -- odd -->\n\t[X]\n";
        let lines: Vec<(usize, &str)> = clean_lines(text).iter().map(|l| (l.number, l.text)).collect();
        assert_eq!(lines, [(3, "ARNOR_ [ARN]"), (6, "\t[X]")]);
    }

    #[test]
    fn dates_read_both_widths_and_step_back() {
        assert_eq!(Day::parse("950601").unwrap().iso(), "1995-06-01");
        assert_eq!(Day::parse("010120").unwrap().iso(), "2001-01-20");
        assert_eq!(Day::parse("20080120").unwrap().iso(), "2008-01-20");
        assert_eq!(Day::parse("2004017"), None);
        assert_eq!(Day::parse("20080230"), None);
        assert_eq!(Day::parse("20080301").unwrap().previous().iso(), "2008-02-29");
        assert_eq!(Day::parse("20000101").unwrap().previous().iso(), "1999-12-31");
    }

    #[test]
    fn phrases_are_lower_case_words() {
        assert_eq!(phrase("ARNOR_"), "arnor");
        assert_eq!(phrase("PRESIDENT_GEORGE_W._BUSH"), "president george w. bush");
        assert_eq!(phrase("CARAS GALADHON"), "caras galadhon");
    }
}
