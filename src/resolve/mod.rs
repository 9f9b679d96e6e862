//! Resolution: deciding which entry each name found in the text stands for, and grouping the
//! mentions of one entry into an entity.

pub mod entity;

pub use entity::{Entity, Mention, resolve_entities};
