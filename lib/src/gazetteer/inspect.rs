//! Looking into a gazetteer: what a name resolves to, how big each file is, and the entries
//! written back out as TSV. These serve `gazette gazetteer lookup|stats|export`.

use std::collections::BTreeMap;

use serde::Serialize;

use super::{EntryId, EntryKind, Form, Gazetteer, PartialDate};
use crate::normalize::normalize_pattern;

/// One entry a looked-up text names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LookupHit {
    /// The entry.
    pub entry: EntryId,
    /// How the text names it.
    pub form: Form,
}

/// Every entry that `text` names, as a whole name, in gazetteer order. Surnames are included
/// (they only count in an article after the full name). The comparison is the matcher's:
/// normalised, ignoring case.
pub fn lookup(gazetteer: &Gazetteer, text: &str) -> Vec<LookupHit> {
    let key = normalize_pattern(text.trim()).to_ascii_lowercase();
    let same = |name: &str| normalize_pattern(name).to_ascii_lowercase() == key;
    let mut hits = Vec::new();
    for (index, entry) in gazetteer.entries().enumerate() {
        let forms = [
            (Form::Name, same(&entry.name)),
            (Form::Alias, entry.aliases.iter().any(|a| same(a))),
            (Form::Demonym, entry.demonyms.iter().any(|d| same(d))),
            (Form::Capital, entry.capitals.iter().any(|c| same(c))),
            (
                Form::Surname,
                entry.kind == EntryKind::Person && surname_matches(&entry.name, &key),
            ),
        ];
        if let Some((form, _)) = forms.into_iter().find(|(_, hit)| *hit) {
            hits.push(LookupHit {
                entry: EntryId(index as u32),
                form,
            });
        }
    }
    hits
}

fn surname_matches(name: &str, key: &str) -> bool {
    name.split_whitespace().count() > 1
        && name
            .split_whitespace()
            .last()
            .is_some_and(|w| normalize_pattern(w).to_ascii_lowercase() == key)
}

/// Counts for one gazetteer file.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct FileStats {
    /// The file.
    pub file: String,
    /// Entries by type (`person`, `state`, ...).
    pub entries: BTreeMap<String, usize>,
    /// Names by which entries are found (names, aliases, demonyms, capitals).
    pub names: usize,
    /// Dated roles (rows).
    pub roles: usize,
    /// Rows of a lexicon file, by lexicon kind.
    pub lexicon_rows: BTreeMap<String, usize>,
}

/// Counts per file, in load order, and a total.
pub fn stats(gazetteer: &Gazetteer) -> (Vec<FileStats>, FileStats) {
    let mut by_file: BTreeMap<&str, FileStats> = BTreeMap::new();
    let mut order: Vec<&str> = Vec::new();
    for entry in gazetteer.entries() {
        let stats = by_file.entry(&entry.source.file).or_insert_with(|| {
            order.push(&entry.source.file);
            FileStats {
                file: entry.source.file.to_string(),
                ..Default::default()
            }
        });
        *stats.entries.entry(entry.kind.to_string()).or_default() += 1;
        stats.names += 1 + entry.aliases.len() + entry.demonyms.len() + entry.capitals.len();
        stats.roles += entry.roles.len();
    }
    for lexicon in &gazetteer.lexicons {
        let stats = by_file.entry(&lexicon.file).or_insert_with(|| {
            order.push(&lexicon.file);
            FileStats {
                file: lexicon.file.clone(),
                ..Default::default()
            }
        });
        *stats.lexicon_rows.entry(lexicon.kind.to_string()).or_default() += lexicon.rows.len();
    }
    let files: Vec<FileStats> = order.iter().filter_map(|f| by_file.remove(f)).collect();
    let mut total = FileStats {
        file: "total".into(),
        ..Default::default()
    };
    for file in &files {
        for (kind, n) in &file.entries {
            *total.entries.entry(kind.clone()).or_default() += n;
        }
        for (kind, n) in &file.lexicon_rows {
            *total.lexicon_rows.entry(kind.clone()).or_default() += n;
        }
        total.names += file.names;
        total.roles += file.roles;
    }
    (files, total)
}

/// The header of exported files: every entity column.
pub const EXPORT_HEADER: &str =
    "type\tname\taliases\tcountry\tsector\tcode\trole\tfrom\tto\tdemonyms\tcapitals\tambiguous";

/// Writes the entries (optionally of one type) as TSV in the user format, one row per role.
/// The output loads back into the same entries.
pub fn export(gazetteer: &Gazetteer, kind: Option<EntryKind>) -> String {
    let mut out = String::from(EXPORT_HEADER);
    out.push('\n');
    let date = |d: Option<PartialDate>| d.map(|d| d.to_string()).unwrap_or_default();
    for entry in gazetteer.entries().filter(|e| kind.is_none_or(|k| e.kind == k)) {
        for (i, role) in entry.roles.iter().enumerate() {
            // Names go on the first row only; the loader merges rows of one entry.
            let list = |items: &Vec<String>| if i == 0 { items.join("|") } else { String::new() };
            let fields = [
                entry.kind.to_string(),
                entry.name.clone(),
                list(&entry.aliases),
                role.country.clone().unwrap_or_default(),
                role.sector.clone().unwrap_or_default(),
                role.code.clone().unwrap_or_default(),
                role.role.clone().unwrap_or_default(),
                date(role.from),
                date(role.to),
                list(&entry.demonyms),
                list(&entry.capitals),
                list(&entry.ambiguous),
            ];
            out.push_str(&fields.join("\t"));
            out.push('\n');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::GazetteerBuilder;

    const FILE: &str = "type\tname\taliases\tcountry\tsector\trole\tfrom\tto\tdemonyms\tcapitals\tambiguous\n\
        state\tAlbania\tRepublic of Albania\tALB\t\t\t\t\tAlbanian|Albanians\tTirana\t\n\
        person\tOlta Xhaçka\tOlta Xhacka\tALB\tGOV\tMinister of Defence\t2017-09-13\t2020-12-31\t\t\t\n\
        person\tOlta Xhaçka\t\tALB\tGOV\tMinister for Europe and Foreign Affairs\t2020-12-31\t2023-09-12\t\t\t\n";

    fn gazetteer() -> Gazetteer {
        GazetteerBuilder::new()
            .defaults(false)
            .add_text("g.tsv", FILE)
            .build()
            .unwrap()
    }

    #[test]
    fn lookup_finds_every_form_with_folding() {
        let g = gazetteer();
        let form = |text: &str| lookup(&g, text).iter().map(|h| h.form).collect::<Vec<_>>();
        assert_eq!(form("Albania"), [Form::Name]);
        assert_eq!(form("tirana"), [Form::Capital]);
        assert_eq!(form("Albanians"), [Form::Demonym]);
        assert_eq!(
            form("Olta Xhacka"),
            [Form::Name],
            "diacritics fold onto the canonical name"
        );
        assert_eq!(form("Xhaçka"), [Form::Surname]);
        assert_eq!(form("Tirane"), []);
    }

    #[test]
    fn stats_count_per_file() {
        let (files, total) = stats(&gazetteer());
        assert_eq!(files.len(), 1);
        assert_eq!(total.entries["person"], 1);
        assert_eq!(total.entries["state"], 1);
        assert_eq!(total.names, 7);
        assert_eq!(total.roles, 3);
    }

    #[test]
    fn export_round_trips() {
        let g = gazetteer();
        let exported = export(&g, None);
        let again = GazetteerBuilder::new()
            .defaults(false)
            .add_text("e.tsv", exported.clone())
            .build()
            .unwrap();
        assert_eq!(export(&again, None), exported);
        assert_eq!(again.entry(crate::gazetteer::EntryId(1)).roles.len(), 2);
        let states_only = export(&g, Some(EntryKind::State));
        assert_eq!(states_only.lines().count(), 2);
    }
}
