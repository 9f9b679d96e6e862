//! Verb dictionaries, in PETRARCH-1/TABARI syntax (`PETR.Validate.verbs.txt`,
//! `CAMEO.verbpatterns.*.txt`) and, as far as gazette can use them, PETRARCH-2 syntax
//! (`CAMEO.2.0.txt`).
//!
//! ```text
//! &TIETYPES                   a synset: its members follow, one per `+` line; a member may
//! +MILITARY                   name another synset (+&CURRENCY)
//! --- ABANDON  [345] ---      a block: a description and the code of its bare verbs
//! ABANDON                     a verb of the block ([---]: no event)
//! KLM_NOP_+RST [002]          a multi-word verb ('+' marks the verb word) with its own code
//! BAN {BANS BANNED}           a verb with irregular forms
//! - * &TIETYPES TIES [902]    a pattern of the block: words before and after the verb (*),
//! - % * [030:030]             $ source, + target, % compound, ^ skip an actor
//! ```
//!
//! PETRARCH-2 patterns write `(PREP NOUN)` and `{ADJ NOUN}` groups; their brackets are read
//! as plain word order. Its `~` transformation lines are skipped.

use super::{clean_lines, phrase, warning};
use crate::error::GazetteerError;

/// An event code as a dictionary writes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EventCode {
    /// `[---]`: the phrase is known but codes no event.
    None,
    /// `[AAA]`, or `[AAA:BBB]` with a second code: PETRARCH-1 reads it as the code of the
    /// reverse event (target to source), PETRARCH-2 as the passive-voice code.
    Code {
        /// The first code (may be empty: `[:173]`).
        code: String,
        /// The second code, if any.
        second: Option<String>,
    },
}

/// One part of a pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Token {
    /// A word, lower case.
    Word(String),
    /// `&NAME`: any member of a synset (name lower case, without `&`).
    Synset(String),
    /// `*`: the verb.
    Verb,
    /// `$`: the source actor.
    Source,
    /// `+`: the target actor.
    Target,
    /// `%`: a compound actor whose members act on one another.
    Compound,
    /// `^`: skip one actor phrase.
    Skip,
}

/// One pattern line of a block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pattern {
    /// The tokens in order, the verb among them.
    pub tokens: Vec<Token>,
    /// The code.
    pub code: EventCode,
    /// The line.
    pub line: usize,
}

impl Pattern {
    /// The tokens before the verb.
    pub fn before(&self) -> &[Token] {
        let at = self.tokens.iter().position(|t| *t == Token::Verb).unwrap_or(0);
        &self.tokens[..at]
    }

    /// The tokens after the verb.
    pub fn after(&self) -> &[Token] {
        let at = self.tokens.iter().position(|t| *t == Token::Verb).unwrap_or(0);
        &self.tokens[at + 1..]
    }
}

/// One verb of a block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verb {
    /// The words, lower case.
    pub words: Vec<String>,
    /// Which word is the verb (`+` in a multi-word verb; else the first).
    pub head: usize,
    /// Irregular forms listed in `{...}`, lower case.
    pub irregular: Vec<String>,
    /// The verb's own code, overriding the block's.
    pub code: Option<EventCode>,
    /// The line.
    pub line: usize,
}

/// A block: `--- DESCRIPTION [CODE] ---`, its verbs and its patterns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// The description, as written.
    pub description: String,
    /// The code of the block's bare verbs.
    pub code: EventCode,
    /// Verbs in file order.
    pub verbs: Vec<Verb>,
    /// Patterns in file order; they apply to every verb of the block.
    pub patterns: Vec<Pattern>,
    /// The file.
    pub file: String,
    /// The header's line.
    pub line: usize,
}

/// A synset: a name and its members.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Synset {
    /// The name, lower case, without `&`.
    pub name: String,
    /// Members, each a list of tokens (words or other synsets).
    pub members: Vec<Vec<Token>>,
    /// The line.
    pub line: usize,
}

/// The verbs of one or more files.
#[derive(Debug, Clone, Default)]
pub struct VerbDictionary {
    /// Synsets, in file order.
    pub synsets: Vec<Synset>,
    /// Blocks, in file order.
    pub blocks: Vec<Block>,
    /// Lines that were skipped.
    pub warnings: Vec<GazetteerError>,
}

impl VerbDictionary {
    /// Reads a verb file.
    pub fn parse(file: &str, text: &str) -> Self {
        let mut dictionary = VerbDictionary::default();
        dictionary.add_file(file, text);
        dictionary
    }

    /// Reads one more verb file into the dictionary.
    pub fn add_file(&mut self, file: &str, text: &str) {
        // `+` lines belong to the synset just opened, until another kind of line comes.
        let mut in_synset = false;
        for line in clean_lines(text) {
            let body = line.text.trim();
            let problem = |message: String| warning(file, line.number, message);
            if let Some(rest) = body.strip_prefix('&') {
                let name = synset_name(rest);
                if name.is_empty() {
                    self.warnings.push(problem("a synset line with no name".into()));
                    continue;
                }
                self.synsets.push(Synset {
                    name,
                    members: Vec::new(),
                    line: line.number,
                });
                in_synset = true;
                continue;
            }
            if in_synset && let Some(member) = body.strip_prefix('+') {
                let tokens = tokens(member);
                let synset = self.synsets.last_mut().expect("in_synset is set after a push");
                if tokens.is_empty() {
                    self.warnings
                        .push(problem(format!("synset &{} has an empty member", synset.name)));
                } else {
                    synset.members.push(tokens);
                }
                continue;
            }
            in_synset = false;
            if body.starts_with("---") {
                let inner = body.trim_start_matches('-').trim_end_matches('-').trim();
                let (description, code) = match split_code(inner) {
                    Ok((description, Some(code))) => (description, code),
                    Ok((_, None)) => {
                        self.warnings
                            .push(problem(format!("block header {body:?} has no [code]")));
                        continue;
                    }
                    Err(message) => {
                        self.warnings.push(problem(message));
                        continue;
                    }
                };
                self.blocks.push(Block {
                    description: description.trim().to_owned(),
                    code,
                    verbs: Vec::new(),
                    patterns: Vec::new(),
                    file: file.to_owned(),
                    line: line.number,
                });
                continue;
            }
            if body.starts_with('~') {
                // PETRARCH-2's verb-in-verb transformations need a parse tree; gazette has none.
                continue;
            }
            let Some(block) = self.blocks.last_mut() else {
                self.warnings
                    .push(problem(format!("{body:?} comes before any --- VERB [code] --- block")));
                continue;
            };
            if let Some(pattern) = body.strip_prefix('-') {
                match parse_pattern(pattern, line.number) {
                    Ok(pattern) => block.patterns.push(pattern),
                    Err(message) => self.warnings.push(problem(message)),
                }
            } else {
                match parse_verb(body, line.number) {
                    Ok(verb) => block.verbs.push(verb),
                    Err(message) => self.warnings.push(problem(message)),
                }
            }
        }
    }

    /// A synset by name (lower case, without `&`).
    pub fn synset(&self, name: &str) -> Option<&Synset> {
        self.synsets.iter().find(|s| s.name == name)
    }

    /// The members of a synset as word lists, with nested synsets expanded (a synset that
    /// contains itself, directly or not, contributes no members the second time).
    pub fn flat_members(&self, name: &str) -> Vec<Vec<String>> {
        let mut out = Vec::new();
        self.flatten(name, &mut Vec::new(), &mut out);
        out
    }

    fn flatten(&self, name: &str, visiting: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
        let Some(synset) = self.synset(name) else { return };
        if visiting.iter().any(|v| v == name) {
            return;
        }
        visiting.push(name.to_owned());
        for member in &synset.members {
            // Each token of the member multiplies out: words stay, a synset gives its members.
            let mut partial: Vec<Vec<String>> = vec![Vec::new()];
            for token in member {
                let choices: Vec<Vec<String>> = match token {
                    Token::Word(w) => vec![vec![w.clone()]],
                    Token::Synset(inner) => {
                        let mut nested = Vec::new();
                        self.flatten(inner, visiting, &mut nested);
                        nested
                    }
                    _ => Vec::new(),
                };
                partial = partial
                    .iter()
                    .flat_map(|p| {
                        choices.iter().map(move |c| {
                            let mut joined = p.clone();
                            joined.extend(c.iter().cloned());
                            joined
                        })
                    })
                    .collect();
            }
            for words in partial.into_iter().filter(|w| !w.is_empty()) {
                if !out.contains(&words) {
                    out.push(words);
                }
            }
        }
        visiting.pop();
    }
}

fn synset_name(raw: &str) -> String {
    raw.split_whitespace()
        .next()
        .unwrap_or_default()
        .trim_end_matches('_')
        .to_lowercase()
}

/// Splits `TEXT [CODE]` into the text and the code (none when there is no bracket).
fn split_code(body: &str) -> Result<(&str, Option<EventCode>), String> {
    let Some(open) = body.rfind('[') else {
        return Ok((body, None));
    };
    let close = body[open..]
        .find(']')
        .map(|c| open + c)
        .ok_or_else(|| format!("unclosed [ in {body:?}"))?;
    if !body[close + 1..].trim().is_empty() {
        return Err(format!("unexpected text {:?} after the code", body[close + 1..].trim()));
    }
    let inside: String = body[open + 1..close].chars().filter(|c| !c.is_whitespace()).collect();
    let code = if inside == "---" {
        EventCode::None
    } else if inside.is_empty() {
        return Err(format!("empty code [] in {body:?}"));
    } else {
        match inside.split_once(':') {
            Some((a, b)) => EventCode::Code {
                code: a.to_owned(),
                second: Some(b.to_owned()).filter(|b| !b.is_empty() && b != "---"),
            },
            None => EventCode::Code {
                code: inside,
                second: None,
            },
        }
    };
    Ok((&body[..open], Some(code)))
}

/// The tokens of a pattern or synset member: words are separated by spaces or `_`, and
/// PETRARCH-2's `( )` and `{ }` groups are read as their words in order.
fn tokens(text: &str) -> Vec<Token> {
    text.split(|c: char| c.is_whitespace() || matches!(c, '_' | '(' | ')' | '{' | '}'))
        .filter(|w| !w.is_empty())
        .map(|w| match w {
            "*" => Token::Verb,
            "$" => Token::Source,
            "+" => Token::Target,
            "%" => Token::Compound,
            "^" => Token::Skip,
            _ => match w.strip_prefix('&') {
                Some(name) => Token::Synset(name.trim_end_matches('_').to_lowercase()),
                None => Token::Word(w.to_lowercase()),
            },
        })
        .collect()
}

fn parse_pattern(text: &str, line: usize) -> Result<Pattern, String> {
    let (body, code) = split_code(text)?;
    let code = code.ok_or_else(|| format!("pattern {:?} has no [code]", text.trim()))?;
    let tokens = tokens(body);
    match tokens.iter().filter(|t| **t == Token::Verb).count() {
        1 => Ok(Pattern { tokens, code, line }),
        0 => Err(format!("pattern {:?} has no * for the verb", text.trim())),
        _ => Err(format!("pattern {:?} has more than one *", text.trim())),
    }
}

fn parse_verb(text: &str, line: usize) -> Result<Verb, String> {
    let (body, code) = split_code(text)?;
    let (body, irregular) = match body.find('{') {
        Some(open) => {
            let close = body[open..]
                .find('}')
                .map(|c| open + c)
                .ok_or_else(|| format!("unclosed {{ in {text:?}"))?;
            let forms = body[open + 1..close].split_whitespace().map(phrase).collect();
            (&body[..open], forms)
        }
        None => (body, Vec::new()),
    };
    let raw: Vec<&str> = body.split(['_', ' ', '\t']).filter(|w| !w.is_empty()).collect();
    if raw.is_empty() {
        return Err(format!("verb line {text:?} has no verb"));
    }
    let head = raw.iter().position(|w| w.starts_with('+')).unwrap_or(0);
    let words = raw
        .iter()
        .map(|w| w.trim_start_matches('+').to_lowercase())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>();
    if words.len() != raw.len() {
        return Err(format!("verb line {text:?} has a lone +"));
    }
    Ok(Verb {
        words,
        head,
        irregular,
        code,
        line,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "<!-- header -->\n&TIETYPES\n+MILITARY\n+ECONOMIC\n\n&ACCORDSYN\n+&TIETYPES\n+CLOSER\n\n\
        --- ABANDON  [345]  ---\nABANDON    # pas\n+ABC_DEF\nKLM_NOP_+RST [002]\n\
        - * NEW_&TIETYPES_RELATIONS [903] #  -PAS\n- % * [030:030]\n- * (TO {BANNED PARTIES}) $  [1722]\n\
        --- ACCORD  [---] ---\nBAN {BANS BANNED}\n- * TO + [073]\n- BROKEN\n~ a (a b Q) SAY = a b 138\n";

    #[test]
    fn reads_synsets_blocks_verbs_and_patterns() {
        let dictionary = VerbDictionary::parse("v.txt", TEXT);
        assert_eq!(dictionary.synsets.len(), 2);
        assert_eq!(
            dictionary.flat_members("accordsyn"),
            [
                vec!["military".to_owned()],
                vec!["economic".into()],
                vec!["closer".into()]
            ]
        );
        let abandon = &dictionary.blocks[0];
        assert_eq!(
            abandon.code,
            EventCode::Code {
                code: "345".into(),
                second: None
            }
        );
        let verbs: Vec<(Vec<String>, usize)> = abandon.verbs.iter().map(|v| (v.words.clone(), v.head)).collect();
        assert_eq!(
            verbs,
            [
                (vec!["abandon".to_owned()], 0),
                (vec!["abc".into(), "def".into()], 0),
                (vec!["klm".into(), "nop".into(), "rst".into()], 2)
            ]
        );
        assert_eq!(
            abandon.patterns[0].after(),
            [
                Token::Word("new".into()),
                Token::Synset("tietypes".into()),
                Token::Word("relations".into())
            ]
        );
        assert_eq!(abandon.patterns[1].before(), [Token::Compound]);
        assert_eq!(
            abandon.patterns[2].after(),
            [
                Token::Word("to".into()),
                Token::Word("banned".into()),
                Token::Word("parties".into()),
                Token::Source
            ]
        );
        let accord = &dictionary.blocks[1];
        assert_eq!(accord.code, EventCode::None);
        assert_eq!(accord.verbs[0].irregular, ["bans", "banned"]);
        let warnings: Vec<String> = dictionary.warnings.iter().map(ToString::to_string).collect();
        assert_eq!(warnings, ["v.txt:20: pattern \"BROKEN\" has no [code]"]);
    }
}
