//! Building the output records of an analysis (the types themselves live in [`crate::wire`]).

use rustc_hash::FxHashMap;

use crate::events::EventLexicon;
use crate::resolve::{EntityKey, InferredEntity};
use crate::wire::{EntityRecord, EventRecord, MentionRecord, OffsetConverter, TextSpanRecord};
use crate::{Analysis, Document, ExtractOptions, Gazetteer};

/// One record per entity, in order of first mention, with ids `e1`, `e2`, ...
pub(crate) fn entity_records(
    gazetteer: &Gazetteer,
    doc: &Document,
    analysis: &Analysis,
    options: &ExtractOptions,
    offsets: &OffsetConverter,
) -> Vec<EntityRecord> {
    analysis
        .entities
        .iter()
        .enumerate()
        .map(|(index, entity)| {
            let mentions = entity
                .mentions
                .iter()
                .map(|&m| {
                    let mention = &analysis.mentions[m];
                    let text = &doc.text[mention.start..mention.end];
                    MentionRecord {
                        text: text.to_owned(),
                        start: offsets.convert(mention.start),
                        end: offsets.convert(mention.end),
                        sentence: mention.sentence,
                        form: mention.form.as_str().to_owned(),
                    }
                })
                .collect();
            let id = followed_by_number(&["e"], index + 1);
            match entity.key {
                EntityKey::Entry(entry_id) => {
                    let entry = gazetteer.entry(entry_id);
                    let role = entry.role_on(options.published);
                    EntityRecord {
                        id,
                        kind: entry.kind.as_str().to_owned(),
                        name: entry.name.clone(),
                        country: entry.country(role).map(str::to_owned),
                        sector: role.sector.clone(),
                        code: gazetteer.actor_code(entry, role),
                        role: role.role.clone(),
                        origin: "gazetteer".to_owned(),
                        evidence: None,
                        entry: Some(followed_by_number(&[&entry.source.file, ":"], role.line)),
                        mentions,
                    }
                }
                EntityKey::Inferred(i) => inferred_record(gazetteer, &analysis.inferred[i as usize], id, mentions),
            }
        })
        .collect()
}

fn inferred_record(
    gazetteer: &Gazetteer,
    inferred: &InferredEntity,
    id: String,
    mentions: Vec<MentionRecord>,
) -> EntityRecord {
    let country_code = inferred
        .country
        .as_deref()
        .map(|c| gazetteer.cameo_country_code(c).to_owned());
    let code = match (&country_code, &inferred.sector) {
        (Some(country), Some(sector)) => Some([country.as_str(), sector.as_str()].concat()),
        (Some(country), None) if inferred.kind != crate::gazetteer::EntryKind::Place => Some(country.clone()),
        (None, Some(sector)) => Some(sector.clone()),
        _ => None,
    };
    let entry = inferred.entry.map(|e| {
        let entry = gazetteer.entry(e);
        entry.source.to_string()
    });
    EntityRecord {
        id,
        kind: inferred.kind.as_str().to_owned(),
        name: inferred.name.clone(),
        country: inferred.country.clone(),
        sector: inferred.sector.clone(),
        code,
        role: inferred.role.clone(),
        origin: "inferred".to_owned(),
        evidence: Some(inferred.evidence.to_owned()),
        entry,
        mentions,
    }
}

/// One record per event, in text order, with ids `v1`, `v2`, ... Entity references are the
/// entity records' ids.
pub(crate) fn event_records(
    lexicon: &EventLexicon,
    doc: &Document,
    analysis: &Analysis,
    offsets: &OffsetConverter,
) -> Vec<EventRecord> {
    // Keyed by entity keys (numbers), never by text from the article: a fast hash is safe.
    let ids: FxHashMap<EntityKey, String> = analysis
        .entities
        .iter()
        .enumerate()
        .map(|(i, e)| (e.key, followed_by_number(&["e"], i + 1)))
        .collect();
    let id_of = |key: EntityKey| ids.get(&key).cloned();
    let published = analysis.published.map(|p| p.date.to_string());
    analysis
        .events
        .iter()
        .enumerate()
        .filter_map(|(index, event)| {
            let row = lexicon.row(event.row);
            let info = lexicon.code_info(&event.code);
            let (start, end) = event.trigger;
            let date = event
                .date
                .and_then(|d| analysis.dates.get(d))
                .and_then(|d| d.value.clone())
                .or_else(|| published.clone());
            Some(EventRecord {
                id: followed_by_number(&["v"], index + 1),
                source: id_of(event.source)?,
                target: event.target.and_then(id_of),
                cameo: event.code.clone(),
                cameo_name: info.map(|i| i.name.clone()),
                root: info
                    .map(|i| i.root.clone())
                    .unwrap_or_else(|| event.code.chars().take(2).collect()),
                plover: info.and_then(|i| i.plover.clone()),
                goldstein: info.and_then(|i| i.goldstein),
                quad_class: info.and_then(|i| i.quad_class),
                trigger: TextSpanRecord {
                    text: doc.text[start..end].to_owned(),
                    start: offsets.convert(start),
                    end: offsets.convert(end),
                },
                sentence: event.sentence,
                date,
                location: event.location.and_then(id_of),
                negated: event.negated,
                modality: event.modality.map(str::to_owned),
                reported_by: event.reported_by.and_then(id_of),
                rule: format!("{} ({} {}); {}", row.source, row.phrase, row.code, event.grammar),
                zone: event.zone.as_str().to_owned(),
                story: None,
                repeat_of: None,
            })
        })
        .collect()
}

/// `parts` followed by `number`: an entity or event id ("e12"), or the gazetteer line an
/// entry comes from ("gazetteers/people.tsv:1234"). Written without `format!`, whose
/// machinery costs more than the string when there are dozens per document.
fn followed_by_number(parts: &[&str], number: usize) -> String {
    let mut buffer = itoa::Buffer::new();
    let digits = buffer.format(number);
    let mut joined = String::with_capacity(parts.iter().map(|p| p.len()).sum::<usize>() + digits.len());
    for part in parts {
        joined.push_str(part);
    }
    joined.push_str(digits);
    joined
}
