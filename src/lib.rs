//! gazette turns news articles into structured event data: the people, states and
//! organisations an article names, with every mention located exactly in the input.
//!
//! The pipeline has one module per stage:
//!
//! | stage | module | adds |
//! | --- | --- | --- |
//! | input | [`input`] | a [`Document`]: the text exactly as read |
//! | normalise | [`normalize`] | a folded view for matching, aligned to the original |
//! | segment | [`segment`] | sentences (and words, where needed) |
//! | match | [`gazetteer`] | names found by Aho-Corasick |
//! | resolve | [`resolve`] | mentions and entities |
//! | output | [`wire`] | the `gazette/v1` JSON records |
//!
//! ```
//! use gazette::{Document, Pipeline};
//!
//! let pipeline = Pipeline::with_default_gazetteers().expect("the embedded gazetteers load");
//! let doc = Document::new("-", "Albania cut diplomatic ties with Tehran.");
//! let record = pipeline.extract(&doc, &Default::default());
//! let names: Vec<&str> = record.entities.iter().map(|e| e.name.as_str()).collect();
//! assert_eq!(names, ["Albania", "Iran"]);
//! assert_eq!(record.entities[1].mentions[0].text, "Tehran");
//! ```

#![warn(missing_docs)]

pub mod check;
pub mod error;
pub mod gazetteer;
pub mod input;
pub mod normalize;
mod output;
pub mod resolve;
pub mod segment;
pub mod wire;

pub use error::{Error, GazetteerError, Result};
pub use gazetteer::{Gazetteer, GazetteerBuilder, Matcher, PartialDate};
pub use input::{Document, Utf8Policy};
pub use wire::{DocumentRecord, OffsetUnit};

use normalize::Normalized;
use resolve::{Entity, Mention};
use segment::Sentence;

/// Options for one extraction.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ExtractOptions {
    /// The publication date, which picks each person's role on that day.
    pub published: Option<PartialDate>,
    /// The unit of output offsets.
    pub offsets: OffsetUnit,
}

/// Everything the pipeline found in one text, with byte offsets into it.
#[derive(Debug, Clone, Default)]
pub struct Analysis {
    /// Sentences in text order.
    pub sentences: Vec<Sentence>,
    /// Mentions in text order.
    pub mentions: Vec<Mention>,
    /// Entities in order of first mention.
    pub entities: Vec<Entity>,
    /// Entities found by rules rather than the gazetteer; [`resolve::EntityKey::Inferred`]
    /// indexes into this.
    pub inferred: Vec<resolve::InferredEntity>,
}

/// A compiled pipeline: gazetteers and their matcher, built once and shared by every document
/// (it is `Sync`, so threads can share one).
#[derive(Debug, Clone)]
pub struct Pipeline {
    gazetteer: Gazetteer,
    matcher: Matcher,
}

impl Pipeline {
    /// Compiles a pipeline for a gazetteer. Fails when a lexicon file has a bad row.
    pub fn new(gazetteer: Gazetteer) -> Result<Self, GazetteerError> {
        let matcher = Matcher::new(&gazetteer, &[]);
        Ok(Pipeline { gazetteer, matcher })
    }

    /// A pipeline over the embedded default gazetteers.
    pub fn with_default_gazetteers() -> Result<Self, GazetteerError> {
        Self::new(Gazetteer::defaults()?)
    }

    /// The gazetteer in use.
    pub fn gazetteer(&self) -> &Gazetteer {
        &self.gazetteer
    }

    /// Runs every stage over a text.
    pub fn analyze(&self, text: &str, options: &ExtractOptions) -> Analysis {
        let _ = options;
        let normalized = Normalized::new(text);
        let sentences = segment::sentences(text);
        let matches = self.matcher.find(normalized.as_str());
        let claimed = vec![false; matches.len()];
        let mentions = resolve::resolve_mentions(
            text,
            &normalized,
            &sentences,
            &matches,
            &claimed,
            &self.matcher,
            &self.gazetteer,
        );
        let entities = resolve::group_into_entities(&mentions);
        Analysis {
            sentences,
            mentions,
            entities,
            inferred: Vec::new(),
        }
    }

    /// Analyses a document and builds its output record.
    pub fn extract(&self, doc: &Document, options: &ExtractOptions) -> DocumentRecord {
        let analysis = self.analyze(&doc.text, options);
        self.to_record(doc, &analysis, options)
    }

    /// Builds the output record of an analysis.
    pub fn to_record(&self, doc: &Document, analysis: &Analysis, options: &ExtractOptions) -> DocumentRecord {
        let offsets = wire::OffsetConverter::new(&doc.text, options.offsets);
        let span = |start: usize, end: usize| wire::SpanRecord {
            start: offsets.convert(start),
            end: offsets.convert(end),
        };
        let entities = output::entity_records(&self.gazetteer, doc, analysis, options, &offsets);
        DocumentRecord {
            schema: wire::SCHEMA.to_owned(),
            source: doc.source.clone(),
            offsets: options.offsets,
            published: options.published.map(|d| d.to_string()),
            sentences: analysis.sentences.iter().map(|s| span(s.start, s.end)).collect(),
            entities,
            dates: Vec::new(),
            events: Vec::new(),
        }
    }
}
