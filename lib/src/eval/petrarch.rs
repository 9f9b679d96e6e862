//! PETRARCH's validation suite (`gazette eval petrarch`): each record is one sentence, a date
//! and the events the suite's own dictionaries should give, as (source, target, code)
//! triples. gazette codes each sentence with those dictionaries, converted by
//! [`crate::petrarch::convert`], and the record passes when the triples are exactly the
//! expected multiset.
//!
//! gazette's events name entities; the suite names actor codes the way PETRARCH-1 built
//! them, so [`Coder`] maps one to the other:
//! - an actor's code is its gazetteer role on the record's date (the suite's date-limited
//!   codes are dated roles);
//! - agents join the actor of their noun phrase: "Arnor police" is ARN + `~COP` = ARNCOP,
//!   "MSF Arnor" is `NGO~` + ARN = NGOARN, "activists in Arnor" is ARNOPP; an agent with no
//!   actor is `---COP`;
//! - a code with `/` names several actors, and each gets its own event;
//! - a missing target is `---`; with `require_dyad` (a per-record option), events with a
//!   `---` source or target are dropped; an actor never acts on itself;
//! - a sentence holding a discard phrase gives no event.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use rustc_hash::FxHashMap;

use crate::error::GazetteerError;
use crate::gazetteer::{EntryKind, PartialDate};
use crate::petrarch::comma::{CommaOptions, delete_comma_clauses};
use crate::petrarch::{Day, Dictionaries, DiscardDictionary};
use crate::resolve::EntityKey;
use crate::{Analysis, ExtractOptions, GazetteerBuilder, Pipeline};

/// One event as the suite writes it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Triple {
    /// Source actor code.
    pub source: String,
    /// Target actor code (`---` for none).
    pub target: String,
    /// Event code.
    pub code: String,
}

impl std::fmt::Display for Triple {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {} {}", self.source, self.target, self.code)
    }
}

/// The per-record options of the suite that gazette honours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RecordOptions {
    /// Drop events whose source or target is `---`.
    pub require_dyad: bool,
    /// Which comma clauses to delete before coding.
    pub comma: CommaOptions,
}

impl Default for RecordOptions {
    fn default() -> Self {
        RecordOptions {
            require_dyad: true,
            comma: CommaOptions::default(),
        }
    }
}

/// One record of the suite (a line of `validation.jsonl`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SuiteRecord {
    /// `DEMO-01`, ...
    pub id: String,
    /// `DEMO`, `ACTOR`, ...
    pub category: String,
    /// Whether the original harness ran it.
    pub active: bool,
    /// The publication date.
    pub date: Option<Day>,
    /// The sentence.
    pub text: String,
    /// The expected events.
    pub expected: Vec<Triple>,
    /// `core`, `structural`, `parse` or `exclude`.
    pub tier: String,
    /// Options.
    pub options: RecordOptions,
}

/// Reads the suite's JSON Lines file. A line that cannot be read is `file:line: message`.
pub fn read_suite(file: &str, text: &str) -> Result<Vec<SuiteRecord>, GazetteerError> {
    let mut records = Vec::new();
    for (index, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let error = |message: String| GazetteerError {
            file: file.to_owned(),
            line: index + 1,
            message,
        };
        let value: serde_json::Value = serde_json::from_str(line).map_err(|e| error(format!("not JSON: {e}")))?;
        let string = |key: &str| value.get(key).and_then(|v| v.as_str()).map(str::to_owned);
        let id = string("id").ok_or_else(|| error("no \"id\"".into()))?;
        let text = string("text").ok_or_else(|| error(format!("{id}: no \"text\"")))?;
        let date = match string("date") {
            Some(d) => Some(Day::parse(&d).ok_or_else(|| error(format!("{id}: date {d:?} is not YYYYMMDD")))?),
            None => None,
        };
        let mut expected = Vec::new();
        for event in value
            .get("expected_events")
            .and_then(|v| v.as_array())
            .into_iter()
            .flatten()
        {
            let field = |key: &str| {
                event
                    .get(key)
                    .and_then(|v| v.as_str())
                    .map(str::to_owned)
                    .ok_or_else(|| error(format!("{id}: an expected event has no {key:?}")))
            };
            expected.push(Triple {
                source: field("source")?,
                target: field("target")?,
                code: field("code")?,
            });
        }
        let require_dyad = match value.pointer("/config/require_dyad") {
            Some(serde_json::Value::Bool(b)) => *b,
            Some(serde_json::Value::String(s)) => s.eq_ignore_ascii_case("true"),
            _ => true,
        };
        records.push(SuiteRecord {
            id,
            category: string("category").unwrap_or_default(),
            active: value.get("active").and_then(|v| v.as_bool()).unwrap_or(true),
            date,
            text,
            expected,
            tier: string("shallow_tier").unwrap_or_default(),
            options: RecordOptions {
                require_dyad,
                comma: comma_options(&value),
            },
        });
    }
    Ok(records)
}

/// The record's comma options, PETRARCH's defaults where it gives none.
fn comma_options(record: &serde_json::Value) -> CommaOptions {
    let defaults = CommaOptions::default();
    let get = |key: &str, default: usize| {
        record
            .pointer(&format!("/config/{key}"))
            .and_then(|v| v.as_u64().or_else(|| v.as_str().and_then(|s| s.parse().ok())))
            .map_or(default, |v| v as usize)
    };
    CommaOptions {
        min: get("comma_min", defaults.min),
        max: get("comma_max", defaults.max),
        begin_min: get("comma_bmin", defaults.begin_min),
        begin_max: get("comma_bmax", defaults.begin_max),
        end_min: get("comma_emin", defaults.end_min),
        end_max: get("comma_emax", defaults.end_max),
    }
}

/// Codes sentences the suite's way, with a set of PETRARCH dictionaries.
pub struct Coder {
    pipeline: Pipeline,
    discards: DiscardDictionary,
}

/// What an entity is to the suite.
enum Part<'a> {
    /// An actor with this code.
    Actor(&'a str),
    /// An agent: its code and whether it goes before the actor's.
    Agent(&'a str, bool),
    /// Something without a code.
    Nothing,
}

impl Coder {
    /// Converts the dictionaries and builds a pipeline on them alone.
    pub fn new(dictionaries: &Dictionaries) -> Result<Self, GazetteerError> {
        let converted = crate::petrarch::convert::to_gazette(dictionaries, "converted for gazette eval petrarch");
        let mut builder = GazetteerBuilder::new().defaults(false);
        for (name, text) in converted.files {
            builder = builder.add_text(&name, text);
        }
        let pipeline = Pipeline::new(builder.build()?)?;
        Ok(Coder {
            pipeline,
            discards: dictionaries.discards.clone(),
        })
    }

    /// The events of one sentence, as the suite writes them, sorted.
    pub fn code(&self, text: &str, date: Option<Day>, options: RecordOptions) -> Vec<Triple> {
        if self.discards.find(text).is_some() {
            return Vec::new();
        }
        let published = date.and_then(|d| PartialDate::parse(&d.iso()));
        let extract = ExtractOptions {
            published,
            ..Default::default()
        };
        let text = &delete_comma_clauses(text, options.comma);
        let analysis = self.pipeline.analyze(text, &extract);
        let mut triples = Vec::new();
        for event in &analysis.events {
            let source = self.actor_code(&analysis, text, event.source, event.trigger.0, true, published);
            let target = match event.target {
                Some(key) => self.actor_code(&analysis, text, key, event.trigger.1, false, published),
                None => "---".to_owned(),
            };
            // "LORIEN [ELR/GAL]": one event per actor the phrase names.
            for source in source.split('/') {
                for target in target.split('/') {
                    if source == target {
                        continue;
                    }
                    if options.require_dyad && (source == "---" || target == "---") {
                        continue;
                    }
                    let triple = Triple {
                        source: source.to_owned(),
                        target: target.to_owned(),
                        code: event.code.clone(),
                    };
                    // A sentence states an event once, however many triggers repeat it.
                    if !triples.contains(&triple) {
                        triples.push(triple);
                    }
                }
            }
        }
        triples.sort();
        triples
    }

    fn part(&self, key: EntityKey, date: Option<PartialDate>) -> Part<'_> {
        let EntityKey::Entry(id) = key else {
            return Part::Nothing;
        };
        let entry = self.pipeline.gazetteer().entry(id);
        if entry.kind == EntryKind::Place {
            return Part::Nothing;
        }
        let role = entry.role_on(date);
        if let Some(marker) = role.role.as_deref().and_then(|r| r.strip_prefix("agent ")) {
            return match (marker.strip_prefix('~'), marker.strip_suffix('~')) {
                (Some(code), _) => Part::Agent(code, false),
                (None, Some(code)) => Part::Agent(code, true),
                _ => Part::Nothing,
            };
        }
        match role.code.as_deref() {
            Some(code) => Part::Actor(code),
            None => Part::Nothing,
        }
    }

    /// The suite's code for the mention of `key` an event used: the nearest one before the
    /// trigger for a source, after it for a target, joined with the agents and actor of its
    /// noun phrase.
    fn actor_code(
        &self,
        analysis: &Analysis,
        text: &str,
        key: EntityKey,
        at: usize,
        source: bool,
        date: Option<PartialDate>,
    ) -> String {
        let mentions = &analysis.mentions;
        let candidates: Vec<usize> = (0..mentions.len()).filter(|&i| mentions[i].key == key).collect();
        let chosen = if source {
            candidates
                .iter()
                .rev()
                .find(|&&i| mentions[i].end <= at)
                .or(candidates.first())
        } else {
            candidates
                .iter()
                .find(|&&i| mentions[i].start >= at)
                .or(candidates.last())
        };
        let Some(&head) = chosen else {
            return "---".into();
        };
        // The noun phrase: mentions before the head joined to it by words a noun phrase has
        // inside ("Dagolath's first Deputy Prime Minister Telemar"), and one after it joined by
        // "of" or "in" ("activists in Arnor").
        let mut group = vec![head];
        let mut i = head;
        while i > 0 && mentions[i - 1].sentence == mentions[i].sentence {
            let gap = &text[mentions[i - 1].end..mentions[i].start];
            // The head may be the actor an agent before it belongs to: "activists in Arnor".
            let agent_of_head =
                i == head && links_after(gap) && matches!(self.part(mentions[i - 1].key, date), Part::Agent(..));
            if !inside_phrase(gap) && !agent_of_head {
                break;
            }
            i -= 1;
            group.insert(0, i);
        }
        // A member of a list the agent governs: "the ambassadors of Arnor, Osgiliath and
        // Gondor" are all ambassadors, "lawmakers in Fornost and Gondor" all lawmakers.
        if group.len() == 1 {
            let mut c = head;
            while c > 0
                && mentions[c - 1].sentence == mentions[c].sentence
                && matches!(
                    text[mentions[c - 1].end..mentions[c].start].trim(),
                    "," | "and" | ", and" | "or"
                )
                && matches!(self.part(mentions[c - 1].key, date), Part::Actor(_))
            {
                c -= 1;
            }
            if c < head
                && c > 0
                && mentions[c - 1].sentence == mentions[c].sentence
                && links_after(&text[mentions[c - 1].end..mentions[c].start])
                && matches!(self.part(mentions[c - 1].key, date), Part::Agent(..))
            {
                group.insert(0, c - 1);
            }
        }
        let after = head + 1;
        if after < mentions.len()
            && mentions[after].sentence == mentions[head].sentence
            && links_after(&text[mentions[head].end..mentions[after].start])
            && matches!(self.part(mentions[head].key, date), Part::Agent(..))
        {
            group.push(after);
        }
        compose(group.iter().map(|&m| self.part(mentions[m].key, date)).collect())
    }
}

/// Joins the parts of a noun phrase into one code: the actor nearest the head (the head
/// itself when it is an actor), with prefix agents before it and suffix agents after it, in
/// text order; a code group the actor already carries is not added twice.
fn compose(parts: Vec<Part<'_>>) -> String {
    let actor = parts
        .iter()
        .rev()
        .find_map(|p| match p {
            Part::Actor(code) => Some(*code),
            _ => None,
        })
        .unwrap_or("---");
    let mut prefix = String::new();
    let mut code = actor.to_owned();
    for part in &parts {
        if let Part::Agent(agent, before) = part {
            if code.contains(agent) {
                continue;
            }
            if *before {
                prefix.push_str(agent);
            } else {
                code.push_str(agent);
            }
        }
    }
    format!("{prefix}{code}")
}

/// Words that may stand between two parts of one noun phrase.
const PHRASE_WORDS: &[&str] = &[
    "the", "a", "an", "'s", "’s", "'", "’", "s", "first", "second", "new", "former", "top", "senior", "chief",
    "deputy", "acting", "main", "largest", "own", "local", "national", "state",
];

/// Whether the text between two mentions keeps them in one noun phrase: only possessive
/// marks, determiners, a few adjectives and capitalised title words, and no punctuation.
fn inside_phrase(gap: &str) -> bool {
    let gap = gap.trim();
    if gap.is_empty() {
        return true;
    }
    let words: Vec<&str> = gap
        .split(|c: char| c.is_whitespace())
        .flat_map(|w| {
            // "'s" is glued to the word before it in the text.
            w.split_inclusive(['\'', '’'])
        })
        .filter(|w| !w.is_empty())
        .collect();
    words.len() <= 5
        && words.iter().all(|w| {
            let lower = w.to_lowercase();
            PHRASE_WORDS.contains(&lower.as_str())
                || (w.chars().next().is_some_and(char::is_uppercase)
                    && w.chars().all(|c| c.is_alphabetic() || c == '-'))
        })
}

/// Whether the text after an agent attaches the next mention to it ("activists of Amnesty
/// International", "activists in Arnor").
fn links_after(gap: &str) -> bool {
    let words: Vec<String> = gap.split_whitespace().map(str::to_lowercase).collect();
    matches!(words.first().map(String::as_str), Some("of" | "in" | "from"))
        && words.len() <= 2
        && words.get(1).is_none_or(|w| w == "the")
}

/// The outcome of one record.
#[derive(Debug, Clone)]
pub struct RecordResult {
    /// The record.
    pub record: SuiteRecord,
    /// What gazette coded.
    pub actual: Vec<Triple>,
}

impl RecordResult {
    /// Whether the coded triples are exactly the expected multiset.
    pub fn passed(&self) -> bool {
        let mut expected = self.record.expected.clone();
        expected.sort();
        expected == self.actual
    }

    /// Whether the source and target pairs match, codes aside.
    pub fn actors_passed(&self) -> bool {
        let pairs = |ts: &[Triple]| {
            let mut p: Vec<(String, String)> = ts.iter().map(|t| (t.source.clone(), t.target.clone())).collect();
            p.sort();
            p
        };
        pairs(&self.record.expected) == pairs(&self.actual)
    }
}

/// Runs every record.
pub fn run(coder: &Coder, records: &[SuiteRecord]) -> Vec<RecordResult> {
    records
        .iter()
        .map(|record| RecordResult {
            record: record.clone(),
            actual: coder.code(&record.text, record.date, record.options),
        })
        .collect()
}

/// Reads the suite and the dictionaries beside it (`validation/` next to the JSONL file,
/// unless `dictionaries` is given), runs it, and returns the results.
pub fn run_files(suite: &Path, dictionaries: Option<&Path>) -> Result<Vec<RecordResult>, crate::Error> {
    let text = std::fs::read_to_string(suite).map_err(|source| crate::Error::Io {
        path: suite.to_owned(),
        source,
    })?;
    let records = read_suite(&suite.display().to_string(), &text)?;
    let dir = match dictionaries {
        Some(dir) => dir.to_owned(),
        None => suite.parent().unwrap_or(Path::new(".")).join("validation"),
    };
    let dictionaries = Dictionaries::read_dir(&dir)?;
    let coder = Coder::new(&dictionaries)?;
    Ok(run(&coder, &records))
}

/// Counts of one group of records.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Tally {
    passed: usize,
    total: usize,
}

/// The report: pass rates overall, on core+structural, per category and tier; triple
/// precision, recall and F1; the false-positive rate on records that expect no event; and,
/// with `failures`, each failing record with what was expected and what was coded.
pub fn report(results: &[RecordResult], failures: bool) -> String {
    let active: Vec<&RecordResult> = results.iter().filter(|r| r.record.active).collect();
    let mut out = String::new();
    let tally = |pick: &dyn Fn(&RecordResult) -> bool| {
        let picked: Vec<&&RecordResult> = active.iter().filter(|r| pick(r)).collect();
        Tally {
            passed: picked.iter().filter(|r| r.passed()).count(),
            total: picked.len(),
        }
    };
    let line = |out: &mut String, label: &str, t: Tally| {
        let share = if t.total == 0 {
            0.0
        } else {
            t.passed as f64 / t.total as f64
        };
        let _ = writeln!(
            out,
            "{label:<28} {:>4}/{:<4} {:>5.1}%",
            t.passed,
            t.total,
            100.0 * share
        );
    };
    let _ = writeln!(
        out,
        "PETRARCH validation suite: exact multiset of (source, target, code) per record"
    );
    line(&mut out, "active records", tally(&|_| true));
    line(
        &mut out,
        "core+structural",
        tally(&|r| matches!(r.record.tier.as_str(), "core" | "structural")),
    );
    let actors = active.iter().filter(|r| r.actors_passed()).count();
    let _ = writeln!(
        out,
        "{:<28} {:>4}/{:<4}",
        "source+target only (active)",
        actors,
        active.len()
    );
    let _ = writeln!(out, "\nper category:");
    let mut categories: BTreeMap<&str, ()> = BTreeMap::new();
    for r in &active {
        categories.insert(&r.record.category, ());
    }
    for category in categories.keys() {
        line(
            &mut out,
            &format!("  {category}"),
            tally(&|r| r.record.category == *category),
        );
    }
    let _ = writeln!(out, "\nper shallow_tier:");
    for tier in ["core", "structural", "parse", "exclude"] {
        let t = tally(&|r| r.record.tier == tier);
        if t.total > 0 {
            line(&mut out, &format!("  {tier}"), t);
        }
    }
    // Micro precision and recall over triples, each a multiset per record.
    let (mut correct, mut coded, mut expected) = (0usize, 0usize, 0usize);
    for r in &active {
        let mut left: FxHashMap<&Triple, usize> = FxHashMap::default();
        for t in &r.record.expected {
            *left.entry(t).or_default() += 1;
        }
        for t in &r.actual {
            if let Some(n) = left.get_mut(t)
                && *n > 0
            {
                *n -= 1;
                correct += 1;
            }
        }
        coded += r.actual.len();
        expected += r.record.expected.len();
    }
    let precision = if coded == 0 { 0.0 } else { correct as f64 / coded as f64 };
    let recall = if expected == 0 {
        0.0
    } else {
        correct as f64 / expected as f64
    };
    let f1 = if precision + recall == 0.0 {
        0.0
    } else {
        2.0 * precision * recall / (precision + recall)
    };
    let _ = writeln!(
        out,
        "\ntriples: expected {expected}, coded {coded}, correct {correct}; precision {precision:.3} recall {recall:.3} F1 {f1:.3}"
    );
    let none: Vec<&&RecordResult> = active.iter().filter(|r| r.record.expected.is_empty()).collect();
    let false_positives = none.iter().filter(|r| !r.actual.is_empty()).count();
    let _ = writeln!(
        out,
        "false positives on expect-none records: {false_positives}/{} ({:.1}%)",
        none.len(),
        if none.is_empty() {
            0.0
        } else {
            100.0 * false_positives as f64 / none.len() as f64
        }
    );
    if failures {
        let _ = writeln!(out, "\nfailing active records:");
        for r in active.iter().filter(|r| !r.passed()) {
            let list = |ts: &[Triple]| {
                if ts.is_empty() {
                    "(none)".to_owned()
                } else {
                    ts.iter().map(ToString::to_string).collect::<Vec<_>>().join("; ")
                }
            };
            let mut expected = r.record.expected.clone();
            expected.sort();
            let _ = writeln!(
                out,
                "{} [{}/{}]\n  text:     {}\n  expected: {}\n  actual:   {}",
                r.record.id,
                r.record.category,
                r.record.tier,
                r.record.text,
                list(&expected),
                list(&r.actual)
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::petrarch::FileKind;

    const ACTORS: &str = "ARNOR_ [ARN]\nGONDOR [GON]\n+MINAS_TIRITH\nLORIEN [ELR/GAL]\nBOROMIR [---]\n\
                          GOLLUM\n+SMEAGOL\n\t[HOB < 950601]\n\t[HOBGOV 19950601 - 19990815]\n";
    const AGENTS: &str = "POLICE {} [~COP]\nMSF {} [NGO~]\nHUMAN_RIGHTS_ACTIVIST [~OPP]\nPRIME_MINISTER [~GOV]\n";
    const VERBS: &str = "--- RESTORE [064] ---\nRESTORE\n--- ACCUSE [112] ---\nACCUSE\n--- MEET [031:032] ---\nMEET\n";

    fn coder(discards: &str) -> Coder {
        let mut dictionaries = Dictionaries::default();
        dictionaries.add(FileKind::Actors, "a.txt", ACTORS);
        dictionaries.add(FileKind::Agents, "g.txt", AGENTS);
        dictionaries.add(FileKind::Verbs, "v.txt", VERBS);
        dictionaries.add(FileKind::Discards, "d.txt", discards);
        Coder::new(&dictionaries).unwrap()
    }

    fn coded(coder: &Coder, text: &str, date: &str, require_dyad: bool) -> Vec<String> {
        coder
            .code(
                text,
                Day::parse(date),
                RecordOptions {
                    require_dyad,
                    ..Default::default()
                },
            )
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    #[test]
    fn agents_join_the_actor_of_their_phrase() {
        let coder = coder("");
        assert_eq!(
            coded(
                &coder,
                "Arnor police accused Gondor's prime minister.",
                "19950101",
                true
            ),
            ["ARNCOP GONGOV 112"]
        );
        assert_eq!(
            coded(&coder, "MSF Arnor accused Gondor.", "19950101", true),
            ["NGOARN GON 112"]
        );
        assert_eq!(
            coded(
                &coder,
                "Human rights activists in Arnor accused Gondor.",
                "19950101",
                true
            ),
            ["ARNOPP GON 112"]
        );
        // Only a bare `---` is dropped under require_dyad; an agent without an actor stays.
        assert_eq!(
            coded(&coder, "Police accused Gondor.", "19950101", true),
            ["---COP GON 112"]
        );
    }

    #[test]
    fn dated_codes_several_actors_and_symmetric_codes() {
        let coder = coder("");
        assert_eq!(
            coded(&coder, "Smeagol accused Gondor.", "19950101", true),
            ["HOB GON 112"]
        );
        assert_eq!(
            coded(&coder, "Smeagol accused Gondor.", "19960101", true),
            ["HOBGOV GON 112"]
        );
        assert_eq!(
            coded(&coder, "Lorien accused Minas Tirith.", "19960101", true),
            ["ELR GON 112", "GAL GON 112"]
        );
        assert_eq!(
            coded(&coder, "Arnor met Gondor on Tuesday.", "19960101", true),
            ["ARN GON 031", "GON ARN 032"]
        );
        assert!(coded(&coder, "Boromir accused Gondor.", "19960101", true).is_empty());
    }

    #[test]
    fn discards_stop_coding() {
        let coder = coder("YEARS LATER\n");
        assert!(coded(&coder, "Years later, Arnor accused Gondor.", "19960101", true).is_empty());
    }

    #[test]
    fn reads_the_suite_and_reports() {
        let suite = "{\"id\":\"A-1\",\"category\":\"DEMO\",\"active\":true,\"date\":\"19950101\",\
                     \"text\":\"Arnor accused Gondor.\",\"expected_events\":[{\"source\":\"ARN\",\"target\":\"GON\",\"code\":\"112\"}],\
                     \"config\":{\"require_dyad\":true},\"shallow_tier\":\"core\"}\n\
                     {\"id\":\"A-2\",\"category\":\"DEMO\",\"active\":true,\"date\":\"19950101\",\
                     \"text\":\"Nobody accused anyone.\",\"expected_events\":[],\"config\":{},\"shallow_tier\":\"core\"}\n";
        let records = read_suite("s.jsonl", suite).unwrap();
        let results = run(&coder(""), &records);
        assert!(results.iter().all(RecordResult::passed));
        let text = report(&results, true);
        assert!(text.contains("active records                  2/2    100.0%"), "{text}");
        assert!(text.contains("precision 1.000 recall 1.000 F1 1.000"), "{text}");
        assert!(text.contains("false positives on expect-none records: 0/1"), "{text}");
        let bad = read_suite("s.jsonl", "{\"id\":\"X\"}\nnot json\n")
            .unwrap_err()
            .to_string();
        assert_eq!(bad, "s.jsonl:1: X: no \"text\"");
    }
}
