//! Building the output records of an analysis (the types themselves live in [`crate::wire`]).

use crate::resolve::{EntityKey, InferredEntity};
use crate::wire::{EntityRecord, MentionRecord, OffsetConverter};
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
            let id = format!("e{}", index + 1);
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
                        entry: Some(format!("{}:{}", entry.source.file, role.line)),
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
        (Some(country), Some(sector)) => Some(format!("{country}{sector}")),
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
