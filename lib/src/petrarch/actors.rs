//! Actor dictionaries (`*.actors.txt`): a phrase with its synonyms and codes, some of them
//! limited to a period.
//!
//! ```text
//! GOLLUM                            a new entry; its codes may follow on the same line
//! +SMEAGOL                          a synonym
//!     [HOB < 950601]                a code before a day (tab-indented lines continue the entry)
//!     [HOBGOV 19950601 - 19990815]  a code between two days, both included
//!     [HOBREB > 990816]             a code from a day on
//! ANN_VENEMAN_  [USAGOV 010120-050120] [IGOUNOKID >050501]
//! ```

use super::{Day, clean_lines, phrase, warning};
use crate::error::GazetteerError;

/// One code of an actor, with the period it applies to (none: always).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActorCode {
    /// The code as written, in capitals. `---` is PETRARCH's null actor; `/` separates the
    /// codes of several actors that one phrase names.
    pub code: String,
    /// First day the code applies.
    pub from: Option<Day>,
    /// Last day the code applies.
    pub to: Option<Day>,
}

impl ActorCode {
    /// Whether the code is limited to a period.
    pub fn is_dated(&self) -> bool {
        self.from.is_some() || self.to.is_some()
    }

    fn holds_on(&self, day: Day) -> bool {
        self.from.is_none_or(|f| f <= day) && self.to.is_none_or(|t| day <= t)
    }
}

/// One actor entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    /// The primary phrase first, then the synonyms, each in gazette's form (lower case,
    /// single spaces).
    pub names: Vec<String>,
    /// Codes in file order.
    pub codes: Vec<ActorCode>,
    /// The line of the primary phrase.
    pub line: usize,
}

impl Actor {
    /// The code on `day`, as the DATE records of the validation suite define it: the first
    /// dated code whose period holds the day, else the undated (default) code. Without a day,
    /// the default code.
    pub fn code_on(&self, day: Option<Day>) -> Option<&str> {
        day.and_then(|d| self.codes.iter().find(|c| c.is_dated() && c.holds_on(d)))
            .or_else(|| self.codes.iter().find(|c| !c.is_dated()))
            .map(|c| c.code.as_str())
    }
}

/// The actors of one or more files.
#[derive(Debug, Clone, Default)]
pub struct ActorDictionary {
    /// The entries, in file order.
    pub actors: Vec<Actor>,
    /// The file each entry came from, parallel to `actors`.
    pub files: Vec<String>,
    /// Lines that were skipped.
    pub warnings: Vec<GazetteerError>,
}

impl ActorDictionary {
    /// Reads an actor file.
    pub fn parse(file: &str, text: &str) -> Self {
        let mut dictionary = ActorDictionary::default();
        dictionary.add_file(file, text);
        dictionary
    }

    /// Reads one more actor file into the dictionary.
    pub fn add_file(&mut self, file: &str, text: &str) {
        let mut current: Option<Actor> = None;
        for line in clean_lines(text) {
            let continues = line.text.starts_with([' ', '\t']);
            let body = line.text.trim();
            let (head, codes, problems) = split_codes(body);
            // A bad code is dropped alone: the phrase and the other codes still count.
            for message in problems {
                self.warnings.push(warning(file, line.number, message));
            }
            if continues || head.is_empty() {
                match current.as_mut() {
                    Some(actor) if head.is_empty() => actor.codes.extend(codes),
                    Some(_) => self.warnings.push(warning(
                        file,
                        line.number,
                        format!("an indented line holds only codes, not {head:?}"),
                    )),
                    None => self
                        .warnings
                        .push(warning(file, line.number, "codes before any actor phrase")),
                }
            } else if let Some(synonym) = head.strip_prefix('+') {
                match current.as_mut() {
                    Some(actor) => {
                        let name = phrase(synonym);
                        if !name.is_empty() && !actor.names.contains(&name) {
                            actor.names.push(name);
                        }
                        actor.codes.extend(codes);
                    }
                    None => self
                        .warnings
                        .push(warning(file, line.number, "a synonym (+) before any actor phrase")),
                }
            } else {
                self.finish(file, current.take());
                current = Some(Actor {
                    names: vec![phrase(head)],
                    codes,
                    line: line.number,
                });
            }
        }
        self.finish(file, current);
    }

    fn finish(&mut self, file: &str, actor: Option<Actor>) {
        let Some(actor) = actor else { return };
        if actor.codes.is_empty() {
            self.warnings.push(warning(
                file,
                actor.line,
                format!("actor {:?} has no code; skipped", actor.names[0]),
            ));
            return;
        }
        self.actors.push(actor);
        self.files.push(file.to_owned());
    }
}

/// Splits a line into the text before its first `[`, the codes in its brackets, and what was
/// wrong with the codes that could not be read.
fn split_codes(body: &str) -> (&str, Vec<ActorCode>, Vec<String>) {
    let head_end = body.find('[').unwrap_or(body.len());
    let mut codes = Vec::new();
    let mut problems = Vec::new();
    let mut rest = &body[head_end..];
    while let Some(open) = rest.find('[') {
        let Some(close) = rest[open..].find(']').map(|c| open + c) else {
            problems.push(format!("unclosed bracket in {body:?}"));
            rest = "";
            break;
        };
        match parse_code(&rest[open + 1..close]) {
            Ok(code) => codes.push(code),
            Err(message) => problems.push(message),
        }
        rest = &rest[close + 1..];
    }
    if !rest.trim().is_empty() {
        problems.push(format!("unexpected text {:?} after the codes", rest.trim()));
    }
    (body[..head_end].trim(), codes, problems)
}

/// Reads the inside of `[CODE restriction]`.
fn parse_code(inside: &str) -> Result<ActorCode, String> {
    let inside = inside.trim();
    let (code, restriction) = inside.split_once(char::is_whitespace).unwrap_or((inside, ""));
    if code.is_empty() || code.starts_with(['<', '>']) || code.starts_with(|c: char| c.is_ascii_digit()) {
        return Err(format!("[{inside}] has a period but no code"));
    }
    let restriction: String = restriction.chars().filter(|c| !c.is_whitespace()).collect();
    let day =
        |text: &str| Day::parse(text).ok_or_else(|| format!("{text:?} in [{inside}] is not a YYMMDD or YYYYMMDD date"));
    let (from, to) = if restriction.is_empty() {
        (None, None)
    } else if let Some(before) = restriction.strip_prefix('<') {
        (None, Some(day(before)?.previous()))
    } else if let Some(after) = restriction.strip_prefix('>') {
        (Some(day(after)?), None)
    } else if let Some((a, b)) = restriction.split_once('-') {
        let (from, to) = (day(a)?, day(b)?);
        if to < from {
            return Err(format!("period in [{inside}] ends before it starts"));
        }
        (Some(from), Some(to))
    } else {
        return Err(format!("period {restriction:?} in [{inside}] must be <D, >D or D-D"));
    };
    Ok(ActorCode {
        code: code.to_uppercase(),
        from,
        to,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "GOLLUM  # a comment\n+SMEAGOL\n\t[HOB < 950601]\n\t[HOBGOV 19950601 - 19990815]\n\
                        \t[HOBREB > 990816]\n\nANN_VENEMAN_\t[USAGOV 010120-050120] [IGOUNOKID >050501]\n\
                        LORIEN  [ELR/GAL]\nPALESTINIAN [pse]\nBAD [XYZ 2004017]\nNOCODE\nLATE [XYZ 20121207-20120802]\n";

    #[test]
    fn reads_synonyms_and_dated_codes() {
        let dictionary = ActorDictionary::parse("a.txt", TEXT);
        let gollum = &dictionary.actors[0];
        assert_eq!(gollum.names, ["gollum", "smeagol"]);
        assert_eq!(gollum.codes.len(), 3);
        assert_eq!(gollum.codes[0].to.unwrap().iso(), "1995-05-31");
        let day = |s: &str| Day::parse(s);
        assert_eq!(gollum.code_on(day("19950531")), Some("HOB"));
        assert_eq!(gollum.code_on(day("19950601")), Some("HOBGOV"));
        assert_eq!(gollum.code_on(day("19990816")), Some("HOBREB"));
        let ann = &dictionary.actors[1];
        assert_eq!(ann.names, ["ann veneman"]);
        assert_eq!(ann.code_on(day("20030101")), Some("USAGOV"));
        assert_eq!(ann.code_on(day("20070101")), Some("IGOUNOKID"));
        assert_eq!(ann.code_on(day("19900101")), None);
        assert_eq!(dictionary.actors[2].codes[0].code, "ELR/GAL");
        assert_eq!(dictionary.actors[3].codes[0].code, "PSE");
    }

    #[test]
    fn bad_lines_are_reported_and_skipped() {
        let dictionary = ActorDictionary::parse("a.txt", TEXT);
        let warnings: Vec<String> = dictionary.warnings.iter().map(ToString::to_string).collect();
        assert_eq!(
            warnings,
            [
                "a.txt:10: period \"2004017\" in [XYZ 2004017] must be <D, >D or D-D",
                "a.txt:10: actor \"bad\" has no code; skipped",
                // An entry's own problems come first; "has no code" is known only at its end.
                "a.txt:12: period in [XYZ 20121207-20120802] ends before it starts",
                "a.txt:11: actor \"nocode\" has no code; skipped",
                "a.txt:12: actor \"late\" has no code; skipped",
            ]
        );
        assert_eq!(dictionary.actors.len(), 4);
    }
}
