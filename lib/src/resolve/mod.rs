//! Resolution: deciding which entity each name found in the text stands for, finding the
//! entities no gazetteer knows, and grouping the mentions of one entity.

pub mod entity;
pub mod infer;

pub use entity::{Entity, EntityKey, Mention, MentionForm, group_into_entities, resolve_mentions};
pub use infer::InferredEntity;

mod words;
pub(crate) use words::{CAPITALISED_FUNCTION_WORDS, WordSet, is_all_caps};
