//! The event lexicon (phrases and their CAMEO codes) and the CAMEO code table, read from the
//! gazetteer's lexicon files. See `gazetteers/README.md` for the columns.

use std::borrow::Cow;
use std::sync::{Arc, OnceLock};

use rustc_hash::FxHashMap;

use super::inflect::{VerbForm, forms};
use crate::error::GazetteerError;
use crate::gazetteer::{Gazetteer, LexiconFile, LexiconKind, LexiconPattern, LexiconRow, SourceLine};
use crate::image::{ImageError, Reader, Writer};

/// Whether a trigger is a verb or a noun.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
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
    /// The first actor after the trigger anywhere in its clause, after any preposition
    /// ("left for Minas Tirith", "criticised the closure of guest houses in Bree"): the
    /// reading of PETRARCH's bare verbs, whose target is the first actor of the verb phrase.
    /// Written `*` in the `prep` column.
    Anywhere,
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
    /// Indices of the rows (see [`EventLexicon::row`]); read in place from a compiled image.
    pub rows: Cow<'static, [u32]>,
    /// Which of the lexicon's object indexes serves this form: the forms of one trigger
    /// ("launch", "launched", "launches") have the same rows, and share one.
    objects: u32,
}

/// A form's rows arranged for coding a trigger: a common verb ("launch", "open") has over a
/// hundred rows, one per object, and trying every object at every word after every
/// occurrence was most of the time spent coding events. With the rows keyed by the first word
/// of each object, the words after a trigger are looked up instead, and only the objects that
/// can start there are compared in full (see [`EventLexicon::objects_starting_with`]).
///
/// An index is built once per form, but the first article that meets a form pays for it: so
/// the objects live in one vector, grouped by first word, rather than in a vector per word.
#[derive(Debug, Clone, Default)]
pub struct ObjectIndex {
    /// Rows without objects: the trigger alone codes them.
    pub bare: Vec<u32>,
    /// (row, number of the object within its row) of the objects that start with a word,
    /// grouped by that word, rows in order within a group.
    objects: Vec<(u32, u32)>,
    /// The key of an object's first word (in lower case) -> its group in `objects` (start,
    /// length). Keyed by hash, not by the word, so that building an index copies no strings;
    /// a collision only adds a candidate that the full comparison turns down.
    by_first_word: FxHashMap<u64, (u32, u32)>,
    /// (synset, row, number of the object) for objects that start with `&name`, sorted by
    /// synset. The members' first words are found through
    /// [`EventLexicon::synsets_by_first_word`] instead of being copied into the index of every
    /// form: "give" or "provide" refer to synsets of several hundred words.
    by_synset: Vec<(u32, u32, u32)>,
}

/// The entries of `sorted` (sorted by `key`) whose key is `wanted`.
fn run_with_key<T, K: Ord + Copy>(sorted: &[T], wanted: K, key: impl Fn(&T) -> K) -> &[T] {
    let start = sorted.partition_point(|entry| key(entry) < wanted);
    let len = sorted[start..].partition_point(|entry| key(entry) == wanted);
    &sorted[start..start + len]
}

/// What a word would be without a regular plural ending ("sanctions": "sanction"; "taxes":
/// "tax"), for the last word of an object; either may be no word at all ("bus": "bu").
pub fn regular_singulars(word: &str) -> impl Iterator<Item = &str> {
    [word.strip_suffix('s'), word.strip_suffix("es")].into_iter().flatten()
}

/// The key of a word in [`ObjectIndex`].
fn word_key(word: &str) -> u64 {
    use std::hash::BuildHasher;
    rustc_hash::FxBuildHasher.hash_one(word)
}

/// The event lexicon: rows, the written forms to look for, and the code table.
///
/// The generated lexicon has tens of thousands of rows, and an article uses a few dozen. So
/// rows are checked when the lexicon is built (a bad row is still reported at start-up, as
/// `file:line: message`), but turned into [`EventRow`]s only the first time a trigger needs
/// them.
#[derive(Debug, Clone, Default)]
pub struct EventLexicon {
    /// The event lexicon files the rows come from, in load order.
    files: Vec<Arc<LexiconFile>>,
    /// Per row: the number of its file in `files` and its number in that file. Rows are
    /// parsed only the first time a trigger needs them (see [`EventLexicon::row`]).
    rows: Cow<'static, [[u32; 2]]>,
    /// Each row once parsed. Boxed: most rows are never used, and 40,000 unboxed rows made
    /// the table several megabytes to allocate and fill at start-up.
    parsed: Box<[OnceLock<Box<EventRow>>]>,
    /// Named word lists an object may refer to as `&name` ("&weapon"): the name (lower case,
    /// without `&`) -> its number in `synset_members`.
    synsets: FxHashMap<String, u32>,
    /// The members of each synset, each split into words.
    synset_members: Vec<Vec<Vec<String>>>,
    /// The key of the first word of a member -> the synsets with such a member (each once):
    /// the synsets an object starting at a word may come from (see [`ObjectIndex::by_synset`]).
    synsets_by_first_word: FxHashMap<u64, Vec<u32>>,
    forms: Vec<(Cow<'static, str>, TriggerForm)>,
    /// The object indexes of the forms, each built the first time one of its forms is met.
    /// Boxed: an empty slot is then two words, not a whole index, and there are thousands.
    object_indexes: Vec<OnceLock<Box<ObjectIndex>>>,
    codes: FxHashMap<String, CodeInfo>,
}

impl EventLexicon {
    /// Reads the event lexicon files and the code table of a gazetteer. Rows of later files
    /// (user files come last) replace earlier rows with the same trigger, kind and objects.
    pub fn from_gazetteer(gazetteer: &Gazetteer) -> Result<Self, GazetteerError> {
        let mut synsets: FxHashMap<String, u32> = FxHashMap::default();
        let mut synset_members: Vec<Vec<Vec<String>>> = Vec::new();
        for file in gazetteer.lexicons(LexiconKind::Events) {
            for row in file.rows.iter().filter(|row| file.get(row, "kind") == "synset") {
                let name = file.get(row, "phrase").trim_start_matches('&').to_lowercase();
                let members = file
                    .get(row, "object")
                    .split('|')
                    .map(|m| m.split_whitespace().map(str::to_lowercase).collect::<Vec<_>>())
                    .filter(|m| !m.is_empty())
                    .collect();
                // A later file's synset of the same name replaces the earlier one.
                match synsets.get(&name) {
                    Some(&id) => synset_members[id as usize] = members,
                    None => {
                        synsets.insert(name, synset_members.len() as u32);
                        synset_members.push(members);
                    }
                }
            }
        }
        let mut synsets_by_first_word: FxHashMap<u64, Vec<u32>> = FxHashMap::default();
        for (id, members) in synset_members.iter().enumerate() {
            for member in members {
                let slot = synsets_by_first_word.entry(word_key(&member[0])).or_default();
                // A synset may give the same first word twice ("air strike", "air raid").
                if slot.last() != Some(&(id as u32)) {
                    slot.push(id as u32);
                }
            }
        }
        let row_count: usize = gazetteer
            .lexicons(LexiconKind::Events)
            .map(|file| file.rows.len())
            .sum();
        let files: Vec<Arc<LexiconFile>> = gazetteer.lexicons(LexiconKind::Events).cloned().collect();
        let mut rows: Vec<[u32; 2]> = Vec::with_capacity(row_count);
        // Per row: its phrase (lower case) and kind, for the written forms below.
        let mut triggers: Vec<(Cow<'_, str>, TriggerKind)> = Vec::with_capacity(row_count);
        // Keyed on the fields as written, borrowed from the files: no copies of 40,000 rows.
        let mut index: FxHashMap<(&str, &str, &str), usize> =
            FxHashMap::with_capacity_and_hasher(row_count, Default::default());
        for (file_number, file) in files.iter().enumerate() {
            let columns = RowColumns::of(file);
            for (number, row) in file.rows.iter().enumerate() {
                if file.field(row, columns.kind) == "synset" {
                    continue;
                }
                let kind = check_row(file, &columns, row, &synsets)?;
                let lazy = [file_number as u32, number as u32];
                let phrase = lower_case(file.field(row, columns.phrase));
                let key = (
                    file.field(row, columns.phrase),
                    file.field(row, columns.kind),
                    file.field(row, columns.object),
                );
                match index.get(&key) {
                    Some(&i) => {
                        rows[i] = lazy;
                        triggers[i] = (phrase, kind);
                    }
                    None => {
                        index.insert(key, rows.len());
                        rows.push(lazy);
                        triggers.push((phrase, kind));
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
        // inflected once. Forms are kept in the order first seen, so pattern numbers are the
        // same on every run.
        let mut forms: Vec<(Cow<'static, str>, TriggerForm)> = Vec::new();
        let mut form_slot: FxHashMap<String, usize> = FxHashMap::default();
        let mut inflected: FxHashMap<(&str, TriggerKind), Vec<(String, VerbForm)>> = FxHashMap::default();
        for (id, (phrase, kind)) in triggers.iter().enumerate() {
            let written = inflected
                .entry((phrase.as_ref(), *kind))
                .or_insert_with(|| written_forms(phrase, *kind));
            for (text, form) in written.iter() {
                match form_slot.get(text.as_str()) {
                    Some(&slot) => forms[slot].1.rows.to_mut().push(id as u32),
                    None => {
                        form_slot.insert(text.clone(), forms.len());
                        forms.push((
                            Cow::Owned(text.clone()),
                            TriggerForm {
                                form: *form,
                                rows: Cow::Owned(vec![id as u32]),
                                objects: 0,
                            },
                        ));
                    }
                }
            }
        }
        // Forms with the same rows share an index.
        let mut index_of_rows: FxHashMap<&[u32], u32> = FxHashMap::default();
        for (_, form) in &mut forms {
            let next = index_of_rows.len() as u32;
            form.objects = *index_of_rows.entry(&form.rows[..]).or_insert(next);
        }
        let object_indexes = (0..index_of_rows.len()).map(|_| OnceLock::new()).collect();
        let parsed = (0..rows.len()).map(|_| OnceLock::new()).collect();
        Ok(EventLexicon {
            files,
            rows: Cow::Owned(rows),
            parsed,
            synsets,
            synset_members,
            synsets_by_first_word,
            forms,
            object_indexes,
            codes,
        })
    }

    /// Writes the lexicon into an image. Rows stay unparsed; the files they come from are
    /// stored as positions in `files`, the gazetteer's lexicon files.
    pub(crate) fn store(&self, out: &mut Writer, files: &[Arc<LexiconFile>]) {
        let positions: Vec<u32> = self
            .files
            .iter()
            .map(|file| {
                let position = files.iter().position(|f| Arc::ptr_eq(f, file));
                position.expect("an event lexicon file is one of the gazetteer's lexicon files") as u32
            })
            .collect();
        out.table(&positions);
        out.table(&self.rows);
        // The names in the order of their numbers, which run from 0 (see `from_gazetteer`): a
        // name's number is its position.
        let mut synsets: Vec<(&String, &u32)> = self.synsets.iter().collect();
        synsets.sort_unstable_by_key(|&(_, &id)| id);
        let names: Vec<&String> = synsets.into_iter().map(|(name, _)| name).collect();
        out.strs(&names);
        out.list(&self.synset_members, |out, members| {
            out.list(members, |out, words| out.strs(words));
        });
        let mut by_first_word: Vec<(&u64, &Vec<u32>)> = self.synsets_by_first_word.iter().collect();
        by_first_word.sort_unstable();
        out.list(&by_first_word, |out, (key, synsets)| {
            out.u64(**key);
            out.table(synsets);
        });
        out.list(&self.forms, |out, (text, form)| {
            out.str(text);
            out.u8(form.form.image_code());
            out.table(&form.rows);
            out.u32(form.objects);
        });
        out.len(self.object_indexes.len());
        let mut codes: Vec<(&String, &CodeInfo)> = self.codes.iter().collect();
        codes.sort_unstable_by_key(|&(code, _)| code);
        out.list(&codes, |out, (code, info)| {
            out.str(code);
            out.str(&info.name);
            out.str(&info.root);
            out.bool(info.goldstein.is_some());
            out.u64(info.goldstein.unwrap_or_default().to_bits());
            out.bool(info.quad_class.is_some());
            out.u8(info.quad_class.unwrap_or_default());
            out.option_str(info.plover.as_deref());
        });
    }

    /// Reads what [`EventLexicon::store`] wrote, with the same lexicon files.
    pub(crate) fn load(input: &mut Reader<'static>, files: &[Arc<LexiconFile>]) -> Result<Self, ImageError> {
        let files = input
            .table::<u32>()?
            .iter()
            .map(|&position| files.get(position as usize).cloned())
            .collect::<Option<Vec<Arc<LexiconFile>>>>()
            .ok_or_else(|| input.error("unknown event lexicon file"))?;
        let rows = input.table::<[u32; 2]>()?;
        let in_its_file =
            |&[file, row]: &[u32; 2]| files.get(file as usize).is_some_and(|f| (row as usize) < f.rows.len());
        if !rows.iter().all(in_its_file) {
            return Err(input.error("event row outside its file"));
        }
        let parsed = (0..rows.len()).map(|_| OnceLock::new()).collect();
        let synsets: FxHashMap<String, u32> = input
            .strings()?
            .into_iter()
            .enumerate()
            .map(|(id, name)| (name, id as u32))
            .collect();
        let synset_members = input.list(|input| input.list(Reader::strings))?;
        let synsets_by_first_word: FxHashMap<u64, Vec<u32>> = input
            .list(|input| Ok((input.u64()?, input.table::<u32>()?.into_owned())))?
            .into_iter()
            .collect();
        let forms = input.list(|input| {
            let text = Cow::Borrowed(input.str()?);
            let form = TriggerForm {
                form: VerbForm::from_image_code(input)?,
                rows: input.table()?,
                objects: input.u32()?,
            };
            Ok((text, form))
        })?;
        let object_indexes: Vec<OnceLock<Box<ObjectIndex>>> = (0..input.len()?).map(|_| OnceLock::new()).collect();
        let codes = input
            .list(|input| {
                let code = input.string()?;
                let name = input.string()?;
                let root = input.string()?;
                let goldstein = (input.bool()?, f64::from_bits(input.u64()?));
                let quad_class = (input.bool()?, input.u8()?);
                let info = CodeInfo {
                    name,
                    root,
                    goldstein: goldstein.0.then_some(goldstein.1),
                    quad_class: quad_class.0.then_some(quad_class.1),
                    plover: input.option_string()?,
                };
                Ok((code, info))
            })?
            .into_iter()
            .collect();
        let synset_ids_known = synsets.len() == synset_members.len()
            && synsets_by_first_word
                .values()
                .flatten()
                .all(|&id| (id as usize) < synset_members.len());
        let members_have_words = synset_members.iter().flatten().all(|words| !words.is_empty());
        let forms_known = forms.iter().all(|(_, form)| {
            (form.objects as usize) < object_indexes.len() && form.rows.iter().all(|&row| (row as usize) < rows.len())
        });
        if !synset_ids_known || !members_have_words || !forms_known {
            return Err(input.error("event lexicon numbers out of range"));
        }
        Ok(EventLexicon {
            files,
            rows,
            parsed,
            synsets,
            synset_members,
            synsets_by_first_word,
            forms,
            object_indexes,
            codes,
        })
    }

    /// The written trigger forms to find in the shared matching pass.
    pub fn patterns(&self) -> Vec<LexiconPattern> {
        self.forms
            .iter()
            .enumerate()
            .map(|(id, (phrase, _))| LexiconPattern {
                phrase: phrase.to_string(),
                kind: LexiconKind::Events,
                id: id as u32,
            })
            .collect()
    }

    /// The number of written forms (pattern ids run below it).
    pub(crate) fn form_count(&self) -> usize {
        self.forms.len()
    }

    /// A written form by its pattern id.
    pub fn form(&self, id: u32) -> &TriggerForm {
        &self.forms[id as usize].1
    }

    /// The rows of a written form arranged by their objects (see [`ObjectIndex`]).
    ///
    /// The objects are read from the rows' files rather than from built rows: a common verb
    /// has a hundred rows or more, and building each (copies of every field) cost more than
    /// the coding; a row is built only when a trigger needs it.
    pub fn objects_of(&self, id: u32) -> &ObjectIndex {
        let form = self.form(id);
        self.object_indexes[form.objects as usize].get_or_init(|| {
            let mut index = ObjectIndex::default();
            // (key of the first word, row, number of the object), grouped below.
            let mut keyed: Vec<(u64, u32, u32)> = Vec::new();
            // The object column of the last file seen: a form's rows mostly share a file.
            let mut object_column: Option<(u32, usize)> = None;
            for &row_id in form.rows.iter() {
                let [file_number, row_number] = self.rows[row_id as usize];
                let file = &self.files[file_number as usize];
                let column = match object_column {
                    Some((number, column)) if number == file_number => column,
                    _ => {
                        let column = RowColumns::of(file).object;
                        object_column = Some((file_number, column));
                        column
                    }
                };
                let objects = row_objects(file.field(&file.rows[row_number as usize], column));
                let mut count = 0;
                for (number, object) in objects.enumerate() {
                    count += 1;
                    let first = object.split(' ').next().unwrap_or_default();
                    match first.strip_prefix('&') {
                        // An undefined synset (check_row rejects one) has no members to match.
                        Some(name) => {
                            if let Some(&synset) = self.synsets.get(name) {
                                index.by_synset.push((synset, row_id, number as u32));
                            }
                        }
                        None => keyed.push((word_key(first), row_id, number as u32)),
                    }
                }
                if count == 0 {
                    index.bare.push(row_id);
                }
            }
            // Stable sorts: rows stay in order within a key.
            keyed.sort_by_key(|&(key, _, _)| key);
            index.by_synset.sort_by_key(|&(synset, _, _)| synset);
            index.objects = keyed.iter().map(|&(_, row, number)| (row, number)).collect();
            let mut start = 0;
            for group in keyed.chunk_by(|a, b| a.0 == b.0) {
                index.by_first_word.insert(group[0].0, (start, group.len() as u32));
                start += group.len() as u32;
            }
            Box::new(index)
        })
    }

    /// The objects of `index` (row, number of the object within the row) that may start with
    /// a word written `word` (lower case). The last word of an object may be a regular plural,
    /// so the word is also looked up without "s" and "es"; the caller compares each object in
    /// full.
    pub fn objects_starting_with<'a>(
        &'a self,
        index: &'a ObjectIndex,
        word: &'a str,
    ) -> impl Iterator<Item = (u32, u32)> + 'a {
        std::iter::once(word)
            .chain(regular_singulars(word).filter(|w| !w.is_empty()))
            .flat_map(move |w| self.objects_keyed(index, word_key(w)))
    }

    /// The objects of `index` whose first word (or the first word of a member of its synset)
    /// has the key `key`; each at most once.
    fn objects_keyed<'a>(&'a self, index: &'a ObjectIndex, key: u64) -> impl Iterator<Item = (u32, u32)> + 'a {
        let literal = index
            .by_first_word
            .get(&key)
            .map_or(&[][..], |&(start, len)| {
                &index.objects[start as usize..(start + len) as usize]
            })
            .iter()
            .copied();
        let from_synsets = self
            .synsets_by_first_word
            .get(&key)
            .into_iter()
            .flatten()
            .flat_map(move |&synset| run_with_key(&index.by_synset, synset, |&(s, _, _)| s))
            .map(|&(_, row, number)| (row, number));
        literal.chain(from_synsets)
    }

    /// The members of a synset (`name` without the `&`), each as words.
    pub fn synset(&self, name: &str) -> Option<&[Vec<String>]> {
        self.synsets
            .get(name)
            .map(|&id| self.synset_members[id as usize].as_slice())
    }

    /// A row.
    pub fn row(&self, id: u32) -> &EventRow {
        self.parsed[id as usize].get_or_init(|| {
            let [file_number, row_number] = self.rows[id as usize];
            let file = &self.files[file_number as usize];
            Box::new(parse_row(file, &RowColumns::of(file), &file.rows[row_number as usize]))
        })
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

/// The written forms of a trigger: a verb inflected on its first word ("carry out": "carried
/// out"), a noun with its plural.
fn written_forms(phrase: &str, kind: TriggerKind) -> Vec<(String, VerbForm)> {
    match kind {
        TriggerKind::Verb => {
            let (head, rest) = phrase
                .split_once(' ')
                .map(|(h, r)| (h, Some(r)))
                .unwrap_or((phrase, None));
            forms(head)
                .into_iter()
                .map(|(form, grammar)| (rest.map(|r| format!("{form} {r}")).unwrap_or(form), grammar))
                .collect()
        }
        TriggerKind::Noun => {
            let mut out = vec![(phrase.to_owned(), VerbForm::Base)];
            if !phrase.ends_with('s') {
                out.push((format!("{phrase}s"), VerbForm::Base));
            }
            out
        }
    }
}

/// A text in lower case, copied only when it is not already (generated rows are).
fn lower_case(text: &str) -> Cow<'_, str> {
    if text.chars().any(char::is_uppercase) {
        Cow::Owned(text.to_lowercase())
    } else {
        Cow::Borrowed(text)
    }
}

/// Where an event lexicon file keeps each column (looked up once per file, not per row).
struct RowColumns {
    phrase: usize,
    kind: usize,
    object: usize,
    prep: usize,
    cameo: usize,
    symmetric: usize,
}

impl RowColumns {
    fn of(file: &LexiconFile) -> Self {
        // A missing column reads as empty: `field` gives "" past the last column.
        let at = |name: &str| file.column(name).unwrap_or(usize::MAX);
        RowColumns {
            phrase: 0,
            kind: at("kind"),
            object: at("object"),
            prep: at("prep"),
            cameo: at("cameo"),
            symmetric: at("symmetric"),
        }
    }
}

/// Checks a row without building it: its kind, its code, and that every `&name` in its
/// objects is a defined synset.
fn check_row(
    file: &LexiconFile,
    columns: &RowColumns,
    row: &LexiconRow,
    synsets: &FxHashMap<String, u32>,
) -> Result<TriggerKind, GazetteerError> {
    let kind = match file.field(row, columns.kind) {
        "verb" | "" => TriggerKind::Verb,
        "noun" => TriggerKind::Noun,
        other => return Err(file.error(row.line, format!("kind {other:?} must be verb, noun or synset"))),
    };
    let code = file.field(row, columns.cameo);
    if code.is_empty() || code.chars().any(char::is_whitespace) {
        return Err(file.error(row.line, format!("cameo code {code:?} must be one word, e.g. 163")));
    }
    for object in file.field(row, columns.object).split('|') {
        for part in object.split_whitespace().filter_map(|p| p.strip_prefix('&')) {
            if !synsets.contains_key(lower_case(part).as_ref()) {
                return Err(file.error(
                    row.line,
                    format!("object refers to &{part}, but no synset row defines it"),
                ));
            }
        }
    }
    Ok(kind)
}

/// The objects of a row's `object` field, as [`EventRow::objects`] holds them: split at `|`,
/// trimmed, in lower case (copied only when the field has capitals).
fn row_objects(field: &str) -> impl Iterator<Item = Cow<'_, str>> {
    field.split('|').map(str::trim).filter(|s| !s.is_empty()).map(|object| {
        if !object.is_ascii() {
            Cow::Owned(object.to_lowercase())
        } else if object.bytes().any(|b| b.is_ascii_uppercase()) {
            Cow::Owned(object.to_ascii_lowercase())
        } else {
            Cow::Borrowed(object)
        }
    })
}

/// Builds a row that [`check_row`] accepted.
fn parse_row(file: &LexiconFile, columns: &RowColumns, row: &LexiconRow) -> EventRow {
    let list = |column: usize| -> Vec<String> {
        file.field(row, column)
            .split('|')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let target = match file.field(row, columns.prep) {
        "" => TargetSlot::DirectObject,
        "-" => TargetSlot::None,
        "*" => TargetSlot::Anywhere,
        _ => TargetSlot::After(list(columns.prep)),
    };
    EventRow {
        phrase: file.field(row, columns.phrase).to_lowercase(),
        kind: match file.field(row, columns.kind) {
            "noun" => TriggerKind::Noun,
            _ => TriggerKind::Verb,
        },
        objects: row_objects(file.field(row, columns.object))
            .map(Cow::into_owned)
            .collect(),
        target,
        code: file.field(row, columns.cameo).to_owned(),
        symmetric: Some(file.field(row, columns.symmetric).to_owned()).filter(|s| !s.is_empty()),
        source: SourceLine {
            // Rows are built one at a time, as triggers need them, so the name is copied then.
            file: file.file.as_str().into(),
            line: row.line,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::GazetteerBuilder;

    const LEXICON: &str = "phrase\tkind\tobject\tprep\tcameo\tsymmetric\tnote\n\
        impose\tverb\tsanctions|tariffs\ton|against\t163\t\t\n\
        meet\tverb\t\twith\t040\t040\t\n\
        sanctions\tnoun\t\ton|against\t163\t\t\n\
        carry out\tverb\tattack\t-\t190\t\t\n\
        leave\tverb\t\t*\t032\t\t\n";

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
        assert_eq!(lexicon.len(), 5);
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
        assert_eq!(lexicon.row(4).target, TargetSlot::Anywhere);
    }

    #[test]
    fn object_index_finds_rows_by_first_word_and_plural() {
        let lexicon = lexicon(
            "phrase\tkind\tobject\tprep\tcameo\n\
             &arms\tsynset\tair strike|missile\t\t\n\
             launch\tverb\t&arms\t-\t195\n\
             launch\tverb\tprobe|inquiry into\t-\t090\n",
        );
        let form = |text: &str| {
            let id = lexicon.patterns().iter().position(|p| p.phrase == text).unwrap();
            lexicon.objects_of(id as u32)
        };
        let launched = form("launched");
        // "launch" and "launched" have the same rows, and so one index.
        assert!(std::ptr::eq(launched, form("launch")));
        let rows = |word: &str| -> Vec<(String, u32)> {
            lexicon
                .objects_starting_with(launched, word)
                .map(|(row, number)| (lexicon.row(row).code.clone(), number))
                .collect()
        };
        // A synset member's first word, a plural of a one-word object, a later object of a row.
        assert_eq!(rows("air"), [("195".to_owned(), 0)]);
        assert_eq!(rows("missiles"), [("195".to_owned(), 0)]);
        assert_eq!(rows("inquiry"), [("090".to_owned(), 1)]);
        assert!(rows("strike").is_empty(), "only first words are keys");
        assert!(launched.bare.is_empty());
    }

    /// The index read from the files' object fields is the one the built rows give, for the
    /// default lexicon and for objects with capitals, diacritics and non-Latin letters.
    #[test]
    fn object_index_from_fields_matches_built_rows() {
        let user = "phrase\tkind\tobject\tprep\tcameo\n\
                    &Arms\tsynset\tAir Strike|Missile\t\t\n\
                    launch\tverb\t&arms| Probe |ǅamija Bridge|Ōsaka talks|Σίγμα ΟΔΟΣ|| x \t-\t195\n\
                    launch\tverb\tÉTUDE|étude\t-\t090\n";
        let gazetteers = [
            GazetteerBuilder::new().add_text("user.tsv", user).build().unwrap(),
            GazetteerBuilder::new()
                .defaults(false)
                .add_text("e.tsv", LEXICON)
                .add_text("user.tsv", user)
                .build()
                .unwrap(),
        ];
        for gazetteer in &gazetteers {
            let lexicon = EventLexicon::from_gazetteer(gazetteer).unwrap();
            for id in 0..lexicon.forms.len() as u32 {
                let index = lexicon.objects_of(id);
                // The index as built from parsed rows, with each synset member's first word.
                let mut expected_bare = Vec::new();
                let mut expected: FxHashMap<u64, Vec<(u32, u32)>> = FxHashMap::default();
                for &row_id in lexicon.form(id).rows.iter() {
                    let row = lexicon.row(row_id);
                    if row.objects.is_empty() {
                        expected_bare.push(row_id);
                    }
                    for (number, object) in row.objects.iter().enumerate() {
                        let first = object.split(' ').next().unwrap_or_default();
                        let words: Vec<&str> = match first.strip_prefix('&') {
                            Some(name) => lexicon.synset(name).unwrap().iter().map(|m| m[0].as_str()).collect(),
                            None => vec![first],
                        };
                        for word in words {
                            let slot = expected.entry(word_key(word)).or_default();
                            if !slot.contains(&(row_id, number as u32)) {
                                slot.push((row_id, number as u32));
                            }
                        }
                    }
                }
                let form = &lexicon.forms[id as usize].0;
                assert_eq!(index.bare, expected_bare, "form {form}");
                for (&key, rows) in &mut expected {
                    let mut found: Vec<(u32, u32)> = lexicon.objects_keyed(index, key).collect();
                    found.sort_unstable();
                    rows.sort_unstable();
                    assert_eq!(&found, rows, "form {form}");
                }
                // No object is filed under a word that no object starts with.
                assert!(index.by_first_word.keys().all(|key| expected.contains_key(key)));
            }
        }
    }

    #[test]
    fn user_rows_replace_default_rows() {
        let user = "phrase\tkind\tobject\tprep\tcameo\nmeet\tverb\t\twith\t043\n";
        let lexicon = lexicon(user);
        assert_eq!(lexicon.len(), 5);
        assert_eq!(lexicon.row(1).code, "043");
        assert_eq!(&*lexicon.row(1).source.file, "user.tsv");
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
