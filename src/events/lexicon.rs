//! The event lexicon (phrases and their CAMEO codes) and the CAMEO code table, read from the
//! gazetteer's lexicon files. See `gazetteers/README.md` for the columns.

use rustc_hash::FxHashMap;

use super::inflect::{VerbForm, forms};
use crate::error::GazetteerError;
use crate::gazetteer::{Gazetteer, LexiconKind, LexiconPattern, SourceLine};

/// Whether a trigger is a verb or a noun.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TriggerKind {
    /// A verb: "impose", "meet".
    Verb,
    /// An event noun: "sanctions", "cyber-attack".
    Noun,
}

/// Where the target of an event is found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TargetSlot {
    /// The first actor after the trigger (and its object): "accused Iran".
    DirectObject,
    /// The actor after one of these prepositions: "sanctions on Iran".
    After(Vec<String>),
    /// The event has no target.
    None,
}

/// One row of an event lexicon.
#[derive(Debug, Clone, PartialEq)]
pub struct EventRow {
    /// The trigger in its base form, lower case.
    pub phrase: String,
    /// Verb or noun.
    pub kind: TriggerKind,
    /// Words one of which must follow the trigger closely ("sanctions" after "impose").
    pub objects: Vec<String>,
    /// Where the target is.
    pub target: TargetSlot,
    /// The event code (opaque: CAMEO here, but a user lexicon may use its own codes).
    pub code: String,
    /// The code of the reverse event, for symmetric events ("meet": both met each other).
    pub symmetric: Option<String>,
    /// Where the row was defined.
    pub source: SourceLine,
}

/// What the CAMEO code table says about one code.
#[derive(Debug, Clone, PartialEq)]
pub struct CodeInfo {
    /// The code's name ("Impose embargo, boycott, or sanctions").
    pub name: String,
    /// Its two-digit root.
    pub root: String,
    /// Goldstein conflict-cooperation score.
    pub goldstein: Option<f64>,
    /// Quad class, 1 (verbal cooperation) to 4 (material conflict).
    pub quad_class: Option<u8>,
    /// PLOVER event type.
    pub plover: Option<String>,
}

/// One written form of a trigger, and the rows it can stand for.
#[derive(Debug, Clone)]
pub struct TriggerForm {
    /// The form's grammar (nouns count as `Base`).
    pub form: VerbForm,
    /// Indices of the rows (see [`EventLexicon::row`]).
    pub rows: Vec<u32>,
}

/// The event lexicon: rows, the written forms to look for, and the code table.
#[derive(Debug, Clone, Default)]
pub struct EventLexicon {
    rows: Vec<EventRow>,
    /// Named word lists an object may refer to as `&name` ("&weapon"), each member split
    /// into words.
    synsets: FxHashMap<String, Vec<Vec<String>>>,
    forms: Vec<(String, TriggerForm)>,
    codes: FxHashMap<String, CodeInfo>,
}

impl EventLexicon {
    /// Reads the event lexicon files and the code table of a gazetteer. Rows of later files
    /// (user files come last) replace earlier rows with the same trigger, kind and objects.
    pub fn from_gazetteer(gazetteer: &Gazetteer) -> Result<Self, GazetteerError> {
        let mut rows: Vec<EventRow> = Vec::new();
        // Keyed on the fields as written, borrowed from the files: no copies of 40,000 rows.
        let mut index: FxHashMap<(&str, &str, &str), usize> = FxHashMap::default();
        let mut synsets: FxHashMap<String, Vec<Vec<String>>> = FxHashMap::default();
        for file in gazetteer.lexicons(LexiconKind::Events) {
            for row in &file.rows {
                if file.get(row, "kind") == "synset" {
                    let name = file.get(row, "phrase").trim_start_matches('&').to_lowercase();
                    let members = file
                        .get(row, "object")
                        .split('|')
                        .map(|m| m.split_whitespace().map(str::to_lowercase).collect::<Vec<_>>())
                        .filter(|m| !m.is_empty())
                        .collect();
                    synsets.insert(name, members);
                    continue;
                }
                let parsed = parse_row(file, row)?;
                let key = (file.get(row, "phrase"), file.get(row, "kind"), file.get(row, "object"));
                match index.get(&key) {
                    Some(&i) => rows[i] = parsed,
                    None => {
                        index.insert(key, rows.len());
                        rows.push(parsed);
                    }
                }
            }
        }
        let mut codes = FxHashMap::default();
        for file in gazetteer.lexicons(LexiconKind::Codes) {
            for row in &file.rows {
                let code = file.get(row, "code").to_owned();
                let number = |column: &str| {
                    let value = file.get(row, column);
                    if value.is_empty() {
                        return Ok(None);
                    }
                    value
                        .parse::<f64>()
                        .map(Some)
                        .map_err(|_| file.error(row.line, format!("{column} {value:?} is not a number")))
                };
                let goldstein = number("goldstein")?;
                let quad_class = number("quad_class")?.map(|q| q as u8);
                let root = match file.get(row, "root") {
                    "" => code.chars().take(2).collect(),
                    root => root.to_owned(),
                };
                let plover = Some(file.get(row, "plover").to_owned()).filter(|p| !p.is_empty());
                let name = file.get(row, "name").to_owned();
                codes.insert(
                    code,
                    CodeInfo {
                        name,
                        root,
                        goldstein,
                        quad_class,
                        plover,
                    },
                );
            }
        }
        // Many rows share a trigger ("launch" has a row per object), so each trigger is
        // inflected once.
        let mut by_form: FxHashMap<String, TriggerForm> = FxHashMap::default();
        let mut inflected: FxHashMap<(&str, bool), Vec<(String, VerbForm)>> = FxHashMap::default();
        for (id, row) in rows.iter().enumerate() {
            let key = (row.phrase.as_str(), row.kind == TriggerKind::Verb);
            let written = inflected.entry(key).or_insert_with(|| written_forms(row));
            for (text, form) in written.iter() {
                let entry = by_form.entry(text.clone()).or_insert_with(|| TriggerForm {
                    form: *form,
                    rows: Vec::new(),
                });
                entry.rows.push(id as u32);
            }
        }
        // Sorted, so that pattern numbers are the same on every run.
        let mut forms: Vec<(String, TriggerForm)> = by_form.into_iter().collect();
        forms.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        for row in &rows {
            for object in &row.objects {
                for part in object.split(' ').filter_map(|p| p.strip_prefix('&')) {
                    if !synsets.contains_key(part) {
                        return Err(GazetteerError {
                            file: row.source.file.clone(),
                            line: row.source.line,
                            message: format!("object refers to &{part}, but no synset row defines it"),
                        });
                    }
                }
            }
        }
        Ok(EventLexicon {
            rows,
            synsets,
            forms,
            codes,
        })
    }

    /// The written trigger forms to find in the shared matching pass.
    pub fn patterns(&self) -> Vec<LexiconPattern> {
        self.forms
            .iter()
            .enumerate()
            .map(|(id, (phrase, _))| LexiconPattern {
                phrase: phrase.clone(),
                kind: LexiconKind::Events,
                id: id as u32,
            })
            .collect()
    }

    /// A written form by its pattern id.
    pub fn form(&self, id: u32) -> &TriggerForm {
        &self.forms[id as usize].1
    }

    /// The members of a synset (`name` without the `&`), each as words.
    pub fn synset(&self, name: &str) -> Option<&[Vec<String>]> {
        self.synsets.get(name).map(Vec::as_slice)
    }

    /// A row.
    pub fn row(&self, id: u32) -> &EventRow {
        &self.rows[id as usize]
    }

    /// What the code table says about a code, falling back to its ancestors ("1663" to "166").
    pub fn code_info(&self, code: &str) -> Option<&CodeInfo> {
        (1..=code.len())
            .rev()
            .find_map(|n| code.get(..n).and_then(|prefix| self.codes.get(prefix)))
    }

    /// Number of rows.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// Whether there are no rows.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }
}

/// The written forms of a row's trigger: a verb inflected on its first word ("carry out":
/// "carried out"), a noun with its plural.
fn written_forms(row: &EventRow) -> Vec<(String, VerbForm)> {
    match row.kind {
        TriggerKind::Verb => {
            let (head, rest) = row
                .phrase
                .split_once(' ')
                .map(|(h, r)| (h, Some(r)))
                .unwrap_or((&row.phrase, None));
            forms(head)
                .into_iter()
                .map(|(form, grammar)| (rest.map(|r| format!("{form} {r}")).unwrap_or(form), grammar))
                .collect()
        }
        TriggerKind::Noun => {
            let mut out = vec![(row.phrase.clone(), VerbForm::Base)];
            if !row.phrase.ends_with('s') {
                out.push((format!("{}s", row.phrase), VerbForm::Base));
            }
            out
        }
    }
}

fn parse_row(
    file: &crate::gazetteer::LexiconFile,
    row: &crate::gazetteer::LexiconRow,
) -> Result<EventRow, GazetteerError> {
    let phrase = file.get(row, "phrase").to_lowercase();
    let kind = match file.get(row, "kind") {
        "verb" | "" => TriggerKind::Verb,
        "noun" => TriggerKind::Noun,
        other => return Err(file.error(row.line, format!("kind {other:?} must be verb, noun or synset"))),
    };
    let list = |column: &str| -> Vec<String> {
        file.get(row, column)
            .split('|')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let objects = list("object");
    let target = match file.get(row, "prep").trim() {
        "" => TargetSlot::DirectObject,
        "-" => TargetSlot::None,
        _ => TargetSlot::After(list("prep")),
    };
    let code = file.get(row, "cameo").to_owned();
    if code.is_empty() || code.chars().any(char::is_whitespace) {
        return Err(file.error(row.line, format!("cameo code {code:?} must be one word, e.g. 163")));
    }
    let symmetric = Some(file.get(row, "symmetric").to_owned()).filter(|s| !s.is_empty());
    Ok(EventRow {
        phrase,
        kind,
        objects,
        target,
        code,
        symmetric,
        source: SourceLine {
            file: file.file.clone(),
            line: row.line,
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::GazetteerBuilder;

    const LEXICON: &str = "phrase\tkind\tobject\tprep\tcameo\tsymmetric\tnote\n\
        impose\tverb\tsanctions|tariffs\ton|against\t163\t\t\n\
        meet\tverb\t\twith\t040\t040\t\n\
        sanctions\tnoun\t\ton|against\t163\t\t\n\
        carry out\tverb\tattack\t-\t190\t\t\n";

    fn lexicon(extra: &str) -> EventLexicon {
        let mut builder = GazetteerBuilder::new().defaults(false).add_text("e.tsv", LEXICON);
        if !extra.is_empty() {
            builder = builder.add_text("user.tsv", extra.to_owned());
        }
        EventLexicon::from_gazetteer(&builder.build().unwrap()).unwrap()
    }

    #[test]
    fn reads_rows_and_inflects_triggers() {
        let lexicon = lexicon("");
        assert_eq!(lexicon.len(), 4);
        let phrases: Vec<String> = lexicon.patterns().into_iter().map(|p| p.phrase).collect();
        for expected in ["imposed", "imposing", "met", "sanctions", "carried out", "carries out"] {
            assert!(phrases.contains(&expected.to_owned()), "{expected} in {phrases:?}");
        }
        assert_eq!(lexicon.row(1).symmetric.as_deref(), Some("040"));
        assert_eq!(
            lexicon.row(0).target,
            TargetSlot::After(vec!["on".into(), "against".into()])
        );
        assert_eq!(lexicon.row(3).target, TargetSlot::None);
    }

    #[test]
    fn user_rows_replace_default_rows() {
        let user = "phrase\tkind\tobject\tprep\tcameo\nmeet\tverb\t\twith\t043\n";
        let lexicon = lexicon(user);
        assert_eq!(lexicon.len(), 4);
        assert_eq!(lexicon.row(1).code, "043");
        assert_eq!(lexicon.row(1).source.file, "user.tsv");
    }

    #[test]
    fn bad_rows_are_located() {
        let bad = "phrase\tkind\tcameo\nmeet\tadverb\t040\n";
        let gazetteer = GazetteerBuilder::new()
            .defaults(false)
            .add_text("bad.tsv", bad)
            .build()
            .unwrap();
        let err = EventLexicon::from_gazetteer(&gazetteer).unwrap_err().to_string();
        assert_eq!(err, "bad.tsv:2: kind \"adverb\" must be verb, noun or synset");
    }

    #[test]
    fn code_info_falls_back_to_ancestors() {
        let codes = "code\tname\troot\tgoldstein\tquad_class\tplover\n16\tReduce relations\t16\t-4\t3\tSANCTION\n\
                     166\tExpel\t16\t-7\t3\tSANCTION\n";
        let gazetteer = GazetteerBuilder::new()
            .defaults(false)
            .add_text("c.tsv", codes)
            .build()
            .unwrap();
        let lexicon = EventLexicon::from_gazetteer(&gazetteer).unwrap();
        assert_eq!(lexicon.code_info("1663").unwrap().name, "Expel");
        assert_eq!(lexicon.code_info("161").unwrap().name, "Reduce relations");
        assert!(lexicon.code_info("99").is_none());
    }
}
