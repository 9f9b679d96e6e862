//! Checking gazetteer files for the mistakes the loader cannot see line by line: the same
//! entry defined twice, one name claimed by two entries without an ambiguity mark, unknown
//! country or sector codes, and overlapping terms in the same role.
//!
//! Problems are reported as `file:line: message`, like the loader's errors, so that editors
//! and CI logs link them to the line to fix.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use super::{Entry, EntryKind, Gazetteer, ParsedFile, parse_any};
use crate::normalize::normalize_pattern;

/// How serious a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// Must be fixed: `gazette gazetteer check` exits non-zero.
    Error,
    /// Worth a look, e.g. a user name that shadows a default one.
    Warning,
}

/// One problem found in a gazetteer file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The file.
    pub file: String,
    /// The 1-based line, or 0 for the whole file.
    pub line: usize,
    /// How serious it is.
    pub severity: Severity,
    /// What is wrong and how to fix it.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let level = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        if self.line == 0 {
            write!(f, "{}: {level}: {}", self.file, self.message)
        } else {
            write!(f, "{}:{}: {level}: {}", self.file, self.line, self.message)
        }
    }
}

/// CAMEO sector codes (three-letter groups) gazette accepts in the `sector` column.
pub const KNOWN_SECTORS: &[&str] = &[
    "AGR", "BUS", "CRM", "CVL", "DEV", "EDU", "ELI", "ENV", "GOV", "HLH", "HRI", "IGO", "IMG", "INS", "JUD", "LAB",
    "LEG", "MED", "MIL", "MNC", "NGO", "OPP", "PPL", "PTY", "RAD", "REB", "REF", "REL", "SET", "SPY", "UAF", "COP",
    "MUS", "CHR", "JEW", "HIN", "BUD", "UNO", "WST",
];

/// Checks gazetteer files given as (name, text). `reference`, when given, is a gazetteer the
/// files will be used with (normally the embedded defaults): its states supply the known
/// country codes, and a name it already claims is a warning, not an error, since the user
/// cannot edit it.
pub fn validate(files: &[(String, String)], reference: Option<&Gazetteer>) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut entries: Vec<Entry> = Vec::new();
    for (name, text) in files {
        match parse_any(name, text) {
            Ok(ParsedFile::Entries(parsed)) => entries.extend(parsed),
            Ok(ParsedFile::Lexicon(_)) => {}
            Err(err) => problems.push(Problem {
                file: err.file,
                line: err.line,
                severity: Severity::Error,
                message: err.message,
            }),
        }
    }
    let reference_entries: Vec<&Entry> = reference.map(|g| g.entries().collect()).unwrap_or_default();
    check_duplicates(&entries, &mut problems);
    check_shared_names(&entries, &reference_entries, &mut problems);
    check_codes(&entries, &reference_entries, &mut problems);
    check_role_overlaps(&entries, &mut problems);
    problems.sort_by(|a, b| (&a.file, a.line, &a.message).cmp(&(&b.file, b.line, &b.message)));
    problems
}

fn error(entry_file: &str, line: usize, message: String) -> Problem {
    Problem {
        file: entry_file.to_owned(),
        line,
        severity: Severity::Error,
        message,
    }
}

fn check_duplicates(entries: &[Entry], problems: &mut Vec<Problem>) {
    let mut first: BTreeMap<(EntryKind, &str), &Entry> = BTreeMap::new();
    for entry in entries {
        match first.get(&(entry.kind, entry.name.as_str())) {
            Some(earlier) => problems.push(error(
                &entry.source.file,
                entry.source.line,
                format!(
                    "duplicate entry: {} {:?} is already defined at {}; put all its roles in one file",
                    entry.kind, entry.name, earlier.source
                ),
            )),
            None => {
                first.insert((entry.kind, entry.name.as_str()), entry);
            }
        }
    }
}

/// Every name an entry is found by (surnames aside), with whether it is marked ambiguous.
fn names_of(entry: &Entry) -> impl Iterator<Item = (&str, bool)> {
    std::iter::once(&entry.name)
        .chain(&entry.aliases)
        .chain(&entry.demonyms)
        .chain(&entry.capitals)
        .map(|name| (name.as_str(), entry.is_ambiguous(name)))
}

fn check_shared_names(entries: &[Entry], reference: &[&Entry], problems: &mut Vec<Problem>) {
    // Normalised, case-folded name -> the entries that claim it. Case is folded because the
    // matcher's case rule lets "US" and "Us" match the same text.
    let mut claims: BTreeMap<String, Vec<(&Entry, &str, bool, bool)>> = BTreeMap::new();
    let overridden: BTreeSet<(EntryKind, &str)> = entries.iter().map(|e| (e.kind, e.name.as_str())).collect();
    let reference = reference
        .iter()
        .copied()
        .filter(|e| !overridden.contains(&(e.kind, e.name.as_str())));
    for (entry, is_reference) in entries.iter().map(|e| (e, false)).chain(reference.map(|e| (e, true))) {
        let mut seen = BTreeSet::new();
        for (name, ambiguous) in names_of(entry) {
            let key = normalize_pattern(name).to_ascii_lowercase();
            if seen.insert(key.clone()) {
                claims
                    .entry(key)
                    .or_default()
                    .push((entry, name, ambiguous, is_reference));
            }
        }
    }
    for claimants in claims.values().filter(|c| c.len() > 1) {
        for &(entry, name, ambiguous, is_reference) in claimants {
            if ambiguous || is_reference {
                continue;
            }
            let others: Vec<String> = claimants
                .iter()
                .filter(|(other, ..)| !std::ptr::eq(*other, entry))
                .map(|(other, ..)| format!("{} {:?} ({})", other.kind, other.name, other.source))
                .collect();
            let only_reference = claimants
                .iter()
                .all(|(other, _, _, r)| std::ptr::eq(*other, entry) || *r);
            problems.push(Problem {
                file: entry.source.file.to_string(),
                line: entry.source.line,
                severity: if only_reference { Severity::Warning } else { Severity::Error },
                message: format!(
                    "name {name:?} of {} {:?} also names {}; list it in the \"ambiguous\" column of both, or drop it from one",
                    entry.kind,
                    entry.name,
                    others.join(" and ")
                ),
            });
        }
    }
}

fn check_codes(entries: &[Entry], reference: &[&Entry], problems: &mut Vec<Problem>) {
    let countries: BTreeSet<&str> = entries
        .iter()
        .chain(reference.iter().copied())
        .filter(|e| e.kind == EntryKind::State)
        .filter_map(|e| e.country(e.role_on(None)))
        .collect();
    for entry in entries {
        for role in &entry.roles {
            if let Some(country) = &role.country
                && !countries.is_empty()
                && !countries.contains(country.as_str())
            {
                problems.push(error(
                    &entry.source.file,
                    role.line,
                    format!("unknown country code {country:?}: no state in the gazetteers has it"),
                ));
            }
            if let Some(sector) = &role.sector {
                let atoms: Vec<&str> = (0..sector.len()).step_by(3).map(|i| &sector[i..i + 3]).collect();
                if let Some(bad) = atoms.iter().find(|a| !KNOWN_SECTORS.contains(a)) {
                    problems.push(error(
                        &entry.source.file,
                        role.line,
                        format!(
                            "unknown CAMEO sector {bad:?} in {sector:?}; known: {}",
                            KNOWN_SECTORS.join(" ")
                        ),
                    ));
                }
            }
        }
    }
}

fn check_role_overlaps(entries: &[Entry], problems: &mut Vec<Problem>) {
    for entry in entries {
        for (i, a) in entry.roles.iter().enumerate() {
            for b in &entry.roles[i + 1..] {
                if a.role.is_none() || a.role != b.role || a.country != b.country {
                    continue;
                }
                let (Some(a_from), Some(b_from)) = (a.from, b.from) else {
                    continue;
                };
                let a_before_b = a.to.is_some_and(|to| to.last_day() < b_from.first_day());
                let b_before_a = b.to.is_some_and(|to| to.last_day() < a_from.first_day());
                // Terms that touch on the day of a handover are normal ("to" = successor's
                // "from"), so only a real overlap of more than a day counts.
                let touching = a.to == Some(b_from) || b.to == Some(a_from);
                if !(a_before_b || b_before_a || touching) {
                    problems.push(error(
                        &entry.source.file,
                        b.line,
                        format!(
                            "role {:?} of {:?} overlaps the same role at line {}; fix the from/to dates",
                            b.role.as_deref().unwrap_or(""),
                            entry.name,
                            a.line
                        ),
                    ));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problems(files: &[(&str, &str)]) -> Vec<String> {
        let owned: Vec<(String, String)> = files.iter().map(|(n, t)| (n.to_string(), t.to_string())).collect();
        validate(&owned, None).iter().map(ToString::to_string).collect()
    }

    const STATES: &str = "type\tname\tcountry\tcapitals\tambiguous\n\
        state\tGeorgia\tGEO\tTbilisi\tGeorgia\n\
        state\tJordan\tJOR\tAmman\t\n\
        state\tUnited States\tUSA\tWashington\t\n";

    #[test]
    fn clean_files_have_no_problems() {
        let people = "type\tname\tcountry\tsector\trole\tfrom\tto\n\
            person\tJoe Biden\tUSA\tGOV\tPresident\t2021-01-20\t2025-01-20\n\
            person\tJoe Biden\tUSA\tGOV\tVice President\t2009-01-20\t2017-01-20\n\
            person\tDonald Trump\tUSA\tGOV\tPresident\t2017-01-20\t2021-01-20\n\
            person\tDonald Trump\tUSA\tGOV\tPresident\t2025-01-20\t\n";
        assert_eq!(problems(&[("s.tsv", STATES), ("p.tsv", people)]), Vec::<String>::new());
    }

    /// (name, extra file, expected problem)
    const BAD: &[(&str, &str, &str)] = &[
        (
            "name claimed twice",
            "type\tname\taliases\tcountry\nplace\tGeorgia (US state)\tGeorgia\tUSA\nperson\tMichael Jordan\tJordan\tUSA\n",
            "x.tsv:3: error: name \"Jordan\" of person \"Michael Jordan\" also names state \"Jordan\" (s.tsv:3)",
        ),
        (
            "duplicate entry",
            "type\tname\tcountry\nstate\tJordan\tJOR\n",
            "x.tsv:2: error: duplicate entry: state \"Jordan\" is already defined at s.tsv:3",
        ),
        (
            "unknown country",
            "type\tname\tcountry\nperson\tJane Doe\tXYZ\n",
            "x.tsv:2: error: unknown country code \"XYZ\"",
        ),
        (
            "unknown sector",
            "type\tname\tcountry\tsector\nperson\tJane Doe\tUSA\tABC\n",
            "x.tsv:2: error: unknown CAMEO sector \"ABC\"",
        ),
        (
            "overlapping terms",
            "type\tname\tcountry\trole\tfrom\tto\nperson\tJane Doe\tUSA\tMayor\t2010\t2015\nperson\tJane Doe\tUSA\tMayor\t2014\t2018\n",
            "x.tsv:3: error: role \"Mayor\" of \"Jane Doe\" overlaps the same role at line 2",
        ),
        (
            "a bad line",
            "type\tname\tcountry\nperson\tJane Doe\tusa\n",
            "x.tsv:2: error: country \"usa\" is not an ISO 3166-1",
        ),
    ];

    #[test]
    fn finds_each_kind_of_problem() {
        for &(name, file, expected) in BAD {
            let found = problems(&[("s.tsv", STATES), ("x.tsv", file)]);
            assert!(
                found.iter().any(|p| p.starts_with(expected)),
                "case {name}: got {found:#?}"
            );
        }
    }

    #[test]
    fn a_name_both_entries_mark_ambiguous_is_fine() {
        let places = "type\tname\taliases\tcountry\tambiguous\nplace\tGeorgia (US state)\tGeorgia\tUSA\tGeorgia\n";
        assert_eq!(problems(&[("s.tsv", STATES), ("p.tsv", places)]), Vec::<String>::new());
    }

    #[test]
    fn clashes_with_the_reference_are_warnings() {
        let reference = crate::GazetteerBuilder::new()
            .defaults(false)
            .add_text("s.tsv", STATES)
            .build()
            .unwrap();
        let mine = vec![(
            "mine.tsv".to_string(),
            "type\tname\taliases\tcountry\nperson\tAmman Smith\tAmman\tUSA\n".to_string(),
        )];
        let found = validate(&mine, Some(&reference));
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].severity, Severity::Warning);
    }

    #[test]
    fn the_embedded_gazetteers_have_no_errors() {
        let files: Vec<(String, String)> = super::super::embedded_files()
            .iter()
            .map(|(name, text)| (format!("gazetteers/{name}"), text.to_string()))
            .collect();
        let errors: Vec<String> = validate(&files, None)
            .into_iter()
            .filter(|p| p.severity == Severity::Error)
            .map(|p| p.to_string())
            .collect();
        assert!(errors.is_empty(), "{} problems:\n{}", errors.len(), errors.join("\n"));
    }
}
