//! Entities the gazetteer does not know, found from the way news writes them.

use crate::gazetteer::{EntryId, EntryKind};

/// An entity found by a rule rather than a gazetteer entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InferredEntity {
    /// What it is.
    pub kind: EntryKind,
    /// Its name, as first written in full.
    pub name: String,
    /// ISO 3166-1 alpha-3 country code, when the context gives one.
    pub country: Option<String>,
    /// CAMEO sector, from the title or head noun.
    pub sector: Option<String>,
    /// The role, from the title.
    pub role: Option<String>,
    /// The rule that found it: `title`, `apposition`, `org-suffix`, `org-prefix`,
    /// `acronym-definition`, `alias-definition`, `capital-as-place`, ...
    pub evidence: &'static str,
    /// The gazetteer entry it derives from, if any (a state, for its capital as a place).
    pub entry: Option<EntryId>,
}
