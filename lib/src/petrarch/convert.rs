//! PETRARCH dictionaries as gazette's own TSV files, so that everything downstream (offsets,
//! evidence, dated roles, JSON) works on them unchanged.
//!
//! | dictionary | gazette file | how |
//! | --- | --- | --- |
//! | actors | `petrarch-actors.tsv` (entities) | one `organisation` entry per actor; its synonyms are aliases; each code is a role, the dated ones with `from`/`to` |
//! | agents | `petrarch-agents.tsv` (entities) | one `organisation` entry per agent, its plurals and substitutions as aliases, `role` = `agent ~COP` (the code and the side it joins), `sector` = the code when it is CAMEO-shaped |
//! | verbs | `petrarch-events.tsv` (event lexicon) | synsets as `synset` rows; each verb of a block as a bare row with the block's (or its own) code; each pattern the engine can honour as a row per verb of its block |
//!
//! A pattern becomes a row when nothing but the source (`$`) or a compound (`%`) precedes the
//! verb: gazette has no slot for words before a trigger. The words after the verb become the
//! row's object; a preposition right before the target (`+`) becomes its `prep`; otherwise the
//! `prep` is `*`, the first actor after the verb in its clause, as PETRARCH reads a verb
//! phrase. Patterns
//! with a source, skip or compound after the verb, words after the target, or no event code
//! are left out and counted in [`Converted::skipped`]. Names are written in lower case, so
//! that they match whatever the case of the text.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use rustc_hash::FxHashSet;

use super::Dictionaries;
use super::verbs::{Block, EventCode, Pattern, Token, VerbDictionary};

/// The converted files and what could not be converted.
#[derive(Debug, Clone, Default)]
pub struct Converted {
    /// (file name, contents).
    pub files: Vec<(String, String)>,
    /// Patterns left out, counted by reason.
    pub skipped: BTreeMap<&'static str, usize>,
    /// Rows written per file.
    pub rows: BTreeMap<String, usize>,
}

/// Prepositions that can introduce a target after a verb ("* TO +").
const PREPOSITIONS: &[&str] = &[
    "about", "across", "after", "against", "among", "at", "between", "by", "for", "from", "in", "into", "of", "on",
    "onto", "over", "through", "to", "toward", "towards", "under", "upon", "with", "within",
];

/// Converts the dictionaries. `header` is a comment put at the top of every file (where the
/// dictionaries came from, their licence).
pub fn to_gazette(dictionaries: &Dictionaries, header: &str) -> Converted {
    let mut converted = Converted::default();
    let comment: String = header.lines().map(|l| format!("# {l}\n")).collect();
    if !dictionaries.actors.actors.is_empty() {
        let mut text = comment.clone();
        text.push_str("type\tname\taliases\tcode\tfrom\tto\n");
        let mut rows = 0;
        for actor in &dictionaries.actors.actors {
            let aliases = actor.names[1..].join("|");
            // The undated code first: it is the default, and gazette prefers a dated role only
            // while it holds.
            let mut codes: Vec<_> = actor.codes.iter().collect();
            codes.sort_by_key(|c| c.is_dated());
            for code in codes {
                let date = |d: Option<super::Day>| d.map(super::Day::iso).unwrap_or_default();
                let _ = writeln!(
                    text,
                    "organisation\t{}\t{aliases}\t{}\t{}\t{}",
                    actor.names[0],
                    code.code,
                    date(code.from),
                    date(code.to)
                );
                rows += 1;
            }
        }
        converted.rows.insert("petrarch-actors.tsv".into(), rows);
        converted.files.push(("petrarch-actors.tsv".into(), text));
    }
    if !dictionaries.agents.agents.is_empty() {
        let mut text = comment.clone();
        text.push_str("type\tname\taliases\tsector\trole\n");
        let mut seen = FxHashSet::default();
        for agent in &dictionaries.agents.agents {
            // Two agents with one name would merge into one entry; the first keeps it, as in
            // PETRARCH, whose lookup finds the first.
            if !seen.insert(agent.names[0].clone()) {
                continue;
            }
            let cameo_shaped = agent.code.len().is_multiple_of(3) && agent.code.bytes().all(|b| b.is_ascii_uppercase());
            let sector = if cameo_shaped { agent.code.as_str() } else { "" };
            let _ = writeln!(
                text,
                "organisation\t{}\t{}\t{sector}\tagent {}",
                agent.names[0],
                agent.names[1..].join("|"),
                agent.marker()
            );
        }
        converted.rows.insert("petrarch-agents.tsv".into(), seen.len());
        converted.files.push(("petrarch-agents.tsv".into(), text));
    }
    if !dictionaries.verbs.blocks.is_empty() {
        let (text, rows) = events(&dictionaries.verbs, &comment, &mut converted.skipped);
        converted.rows.insert("petrarch-events.tsv".into(), rows);
        converted.files.push(("petrarch-events.tsv".into(), text));
    }
    converted
}

fn events(verbs: &VerbDictionary, comment: &str, skipped: &mut BTreeMap<&'static str, usize>) -> (String, usize) {
    let mut text = comment.to_owned();
    text.push_str("phrase\tkind\tobject\tprep\tcameo\tsymmetric\tnote\n");
    for synset in &verbs.synsets {
        let members: Vec<String> = verbs
            .flat_members(&synset.name)
            .iter()
            .map(|words| words.join(" "))
            .collect();
        if members.is_empty() {
            *skipped.entry("empty synset").or_default() += 1;
            continue;
        }
        let _ = writeln!(text, "&{}\tsynset\t{}\t\t\t\t", synset.name, members.join("|"));
    }
    // gazette keeps one row per (trigger, object); PETRARCH tries a block's patterns in order,
    // so the first row for a pair is the one kept.
    let mut written: FxHashSet<(String, String)> = FxHashSet::default();
    let mut rows = 0;
    for block in &verbs.blocks {
        for verb in &block.verbs {
            let trigger = verb.words.join(" ");
            let bare = verb.code.as_ref().unwrap_or(&block.code);
            let bare_codes = codes(bare);
            if let Some((code, second)) = &bare_codes
                && written.insert((trigger.clone(), String::new()))
            {
                let _ = writeln!(
                    text,
                    "{trigger}\tverb\t\t*\t{code}\t{}\t{}:{}",
                    second.as_deref().unwrap_or(""),
                    block.file,
                    verb.line
                );
                rows += 1;
            }
            for pattern in &block.patterns {
                match pattern_row(pattern, verbs) {
                    Ok(row) => {
                        // A pattern that only adds a preposition would replace the bare verb's
                        // row, and lose its events whenever the preposition is absent.
                        if row.object.is_empty() && bare_codes.is_some() {
                            *skipped
                                .entry("preposition only, shadowed by the bare verb")
                                .or_default() += 1;
                            continue;
                        }
                        let Some((code, second)) = codes(&pattern.code) else {
                            *skipped.entry("no event code ([---] or passive only)").or_default() += 1;
                            continue;
                        };
                        if !written.insert((trigger.clone(), row.object.clone())) {
                            *skipped.entry("same verb and object as an earlier pattern").or_default() += 1;
                            continue;
                        }
                        let _ = writeln!(
                            text,
                            "{trigger}\tverb\t{}\t{}\t{code}\t{}\t{}:{}",
                            row.object,
                            row.prep,
                            second.as_deref().unwrap_or(""),
                            block.file,
                            pattern.line
                        );
                        rows += 1;
                    }
                    Err(reason) => *skipped.entry(reason).or_default() += 1,
                }
            }
        }
        if block.verbs.is_empty() {
            note_empty(block, skipped);
        }
    }
    (text, rows)
}

fn note_empty(block: &Block, skipped: &mut BTreeMap<&'static str, usize>) {
    if !block.patterns.is_empty() {
        *skipped.entry("patterns of a block with no verb").or_default() += block.patterns.len();
    }
}

/// The code and second code of a dictionary code; none for `[---]` and passive-only codes.
fn codes(code: &EventCode) -> Option<(String, Option<String>)> {
    match code {
        EventCode::None => None,
        EventCode::Code { code, .. } if code.is_empty() => None,
        EventCode::Code { code, second } => Some((code.clone(), second.clone())),
    }
}

/// What a pattern gives a row: its object phrase and target prepositions.
struct PatternRow {
    object: String,
    prep: String,
}

fn pattern_row(pattern: &Pattern, verbs: &VerbDictionary) -> Result<PatternRow, &'static str> {
    if pattern
        .before()
        .iter()
        .any(|t| !matches!(t, Token::Source | Token::Compound))
    {
        return Err("words before the verb");
    }
    let after = pattern.after();
    let marker = after
        .iter()
        .position(|t| matches!(t, Token::Source | Token::Target | Token::Compound | Token::Skip));
    let (words, marker) = match marker {
        Some(at) => {
            if after[at] != Token::Target {
                return Err("source, compound or skip after the verb");
            }
            if at + 1 != after.len() {
                return Err("words after the target");
            }
            (&after[..at], Some(at))
        }
        None => (after, None),
    };
    let mut object: Vec<String> = Vec::new();
    for token in words {
        match token {
            Token::Word(w) => object.push(w.clone()),
            Token::Synset(name) => {
                if verbs.synset(name).is_none() {
                    return Err("undefined synset");
                }
                object.push(format!("&{name}"));
            }
            _ => return Err("source, compound or skip after the verb"),
        }
    }
    let mut prep = String::new();
    if marker.is_some()
        && let Some(last) = object.last()
        && PREPOSITIONS.contains(&last.as_str())
    {
        prep = object.pop().expect("just looked at it");
    }
    if prep.is_empty() {
        // PETRARCH's target is the first actor of the verb phrase, whatever introduces it.
        prep = "*".into();
    }
    Ok(PatternRow {
        object: object.join(" "),
        prep,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::petrarch::FileKind;

    #[test]
    fn converts_to_files_gazette_loads() {
        let mut dictionaries = Dictionaries::default();
        dictionaries.add(
            FileKind::Actors,
            "a.txt",
            "ARNOR_ [ARN]\nGONDOR [GON]\n+MINAS_TIRITH\nGOLLUM\n\t[HOB <950601]\n\t[HOBGOV >950601]\nLORIEN [ELR/GAL]\n",
        );
        dictionaries.add(
            FileKind::Agents,
            "g.txt",
            "POLICE {} [~COP]\nHUMAN_RIGHTS_BODY [NGO~]\n",
        );
        dictionaries.add(
            FileKind::Verbs,
            "v.txt",
            "&TIE\n+MILITARY\n--- ABANDON [345] ---\nABANDON\n- * &TIE TIES [902]\n- * TO + [073]\n\
             - SAID * [111]\n- * $ [099]\n--- MEET [040:040] ---\nMEET\n- * WITH + [041]\n",
        );
        let converted = to_gazette(&dictionaries, "test");
        let file = |name: &str| &converted.files.iter().find(|(n, _)| n == name).unwrap().1;
        assert!(file("petrarch-actors.tsv").contains("organisation\tgondor\tminas tirith\tGON\t\t\n"));
        assert!(file("petrarch-actors.tsv").contains("organisation\tgollum\t\tHOB\t\t1995-05-31\n"));
        assert!(file("petrarch-agents.tsv").contains("organisation\tpolice\t\tCOP\tagent ~COP\n"));
        let events = file("petrarch-events.tsv");
        assert!(events.contains("&tie\tsynset\tmilitary\t"));
        assert!(events.contains("abandon\tverb\t&tie ties\t*\t902\t\tv.txt:5\n"));
        assert!(events.contains("meet\tverb\t\t*\t040\t040\tv.txt:10\n"));
        assert_eq!(converted.skipped["words before the verb"], 1);
        assert_eq!(converted.skipped["source, compound or skip after the verb"], 1);
        assert_eq!(converted.skipped["preposition only, shadowed by the bare verb"], 2);
        // And gazette reads them.
        let mut builder = crate::GazetteerBuilder::new().defaults(false);
        for (name, text) in &converted.files {
            builder = builder.add_text(name, text.clone());
        }
        let pipeline = crate::Pipeline::new(builder.build().unwrap()).unwrap();
        let record = pipeline.extract(
            &crate::Document::new("-", "Arnor abandoned military ties with Gondor."),
            &Default::default(),
        );
        assert_eq!(record.events.len(), 1);
        assert_eq!(record.events[0].cameo, "902");
    }
}
