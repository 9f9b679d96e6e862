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
//! | match | [`gazetteer`] | names and phrases found at word starts, by first-word indexes |
//! | dates | [`dates`] | date expressions and the publication date (claims date words first) |
//! | resolve | [`resolve`] | mentions and entities |
//! | output | [`wire`] | the `gazette/v1` JSON records |
//! | stories | [`dedup`] | syndicated copies grouped into stories (`--dedup`) |
//! | pages | [`html`] | self-contained HTML pages drawn from those records |
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

pub mod batch;
pub mod check;
pub mod dates;
pub mod dedup;
pub mod error;
pub mod eval;
pub mod events;
pub mod gazetteer;
pub mod html;
pub mod image;
pub mod input;
pub mod normalize;
mod output;
pub mod petrarch;
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
    /// Date expressions in text order.
    pub dates: Vec<dates::DateMention>,
    /// The publication date the dates were resolved against, and where it came from.
    pub published: Option<dates::Published>,
    /// Coded events, in text order.
    pub events: Vec<events::Event>,
}

/// A compiled pipeline: gazetteers and their matcher, built once and shared by every document
/// (it is `Sync`, so threads can share one).
#[derive(Debug, Clone)]
pub struct Pipeline {
    gazetteer: Gazetteer,
    matcher: Matcher,
    inferrer: resolve::infer::Inferrer,
    dates: dates::DateStage,
    events: events::EventLexicon,
}

impl Pipeline {
    /// Compiles a pipeline for a gazetteer. Fails when a lexicon file has a bad row.
    pub fn new(gazetteer: Gazetteer) -> Result<Self, GazetteerError> {
        // The event lexicon is the largest part of start-up (tens of thousands of rows), so it
        // is built on a second thread while this one collects the entity names.
        let (inferrer, dates, events, mut matcher) = std::thread::scope(|scope| {
            let events = scope.spawn(|| events::EventLexicon::from_gazetteer(&gazetteer));
            let inferrer = resolve::infer::Inferrer::from_gazetteer(&gazetteer);
            let dates = dates::DateStage::new(&gazetteer);
            let matcher = gazetteer::MatcherBuilder::with_entries(&gazetteer);
            let events = events.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            (inferrer, dates, events, matcher)
        });
        let (inferrer, dates, events) = (inferrer?, dates?, events?);
        // Every stage's phrases are found in the one matching pass over the text.
        matcher.add_lexicon(&inferrer.patterns());
        matcher.add_lexicon(&dates.patterns());
        matcher.add_lexicon(&events.patterns());
        let matcher = matcher.build();
        Ok(Pipeline {
            gazetteer,
            matcher,
            inferrer,
            dates,
            events,
        })
    }

    /// A pipeline over the embedded default gazetteers.
    pub fn with_default_gazetteers() -> Result<Self, GazetteerError> {
        Self::new(Gazetteer::defaults()?)
    }

    /// The gazetteer in use.
    pub fn gazetteer(&self) -> &Gazetteer {
        &self.gazetteer
    }

    /// Runs every stage over a text. Relative dates are resolved against `options.published`,
    /// else against the dateline.
    pub fn analyze(&self, text: &str, options: &ExtractOptions) -> Analysis {
        let given = options.published.map(|date| dates::Published {
            date,
            from: dates::PublishedFrom::Option,
        });
        self.analyze_with(text, given)
    }

    /// Runs every stage over a document: like [`Pipeline::analyze`], with the document's own
    /// publication date (from JSON Lines input) between the option and the dateline.
    pub fn analyze_document(&self, doc: &Document, options: &ExtractOptions) -> Analysis {
        let given = match (options.published, doc.published) {
            (Some(date), _) => Some((date, dates::PublishedFrom::Option)),
            (None, Some(date)) => Some((date, dates::PublishedFrom::Input)),
            (None, None) => None,
        };
        self.analyze_with(&doc.text, given.map(|(date, from)| dates::Published { date, from }))
    }

    fn analyze_with(&self, text: &str, given: Option<dates::Published>) -> Analysis {
        let normalized = Normalized::new(text);
        let sentences = segment::sentences(text);
        let matches = self.matcher.find(normalized.as_str());
        // Dates go first, so that the words they use ("May" in "in May") are not names.
        let found = self
            .dates
            .run(text, &normalized, &sentences, &matches, &self.matcher, given);
        let claimed = found.claimed;
        let mut mentions = resolve::resolve_mentions(
            text,
            &normalized,
            &sentences,
            &matches,
            &claimed,
            &self.matcher,
            &self.gazetteer,
        );
        let inferred = self.inferrer.infer(
            text,
            &normalized,
            &sentences,
            &matches,
            &self.matcher,
            &self.gazetteer,
            &mut mentions,
        );
        let entities = resolve::group_into_entities(&mentions);
        let events = events::find_events(
            &self.events,
            &events::EventInput {
                text,
                normalized: &normalized,
                sentences: &sentences,
                matches: &matches,
                matcher: &self.matcher,
                mentions: &mentions,
                gazetteer: &self.gazetteer,
                inferred: &inferred,
                dates: &found.dates,
            },
        );
        Analysis {
            sentences,
            mentions,
            entities,
            inferred,
            dates: found.dates,
            published: found.published,
            events,
        }
    }

    /// Analyses a document and builds its output record.
    pub fn extract(&self, doc: &Document, options: &ExtractOptions) -> DocumentRecord {
        let analysis = self.analyze_document(doc, options);
        self.to_record(doc, &analysis, options)
    }

    /// Builds the output record of an analysis.
    pub fn to_record(&self, doc: &Document, analysis: &Analysis, options: &ExtractOptions) -> DocumentRecord {
        let offsets = wire::OffsetConverter::new(&doc.text, options.offsets);
        let span = |start: usize, end: usize| wire::SpanRecord {
            start: offsets.convert(start),
            end: offsets.convert(end),
        };
        // Roles are those held on the publication date, wherever that date came from.
        let role_options = ExtractOptions {
            published: analysis.published.map(|p| p.date),
            ..*options
        };
        let entities = output::entity_records(&self.gazetteer, doc, analysis, &role_options, &offsets);
        let dates = analysis
            .dates
            .iter()
            .map(|date| {
                let span = span(date.start, date.end);
                wire::DateRecord {
                    text: doc.text[date.start..date.end].to_owned(),
                    start: span.start,
                    end: span.end,
                    sentence: date.sentence,
                    value: date.value.clone(),
                    end_value: date.end_value.clone(),
                    relative: date.relative,
                    rule: date.rule.clone(),
                }
            })
            .collect();
        DocumentRecord {
            schema: wire::SCHEMA.to_owned(),
            source: doc.source.clone(),
            offsets: options.offsets,
            published: analysis.published.map(|p| p.date.to_string()),
            published_from: analysis.published.map(|p| match p.from {
                dates::PublishedFrom::Dateline => wire::PublishedFrom::Dateline,
                dates::PublishedFrom::Option => wire::PublishedFrom::Option,
                dates::PublishedFrom::Input => wire::PublishedFrom::Input,
            }),
            story: None,
            duplicate_of: None,
            sentences: analysis.sentences.iter().map(|s| span(s.start, s.end)).collect(),
            events: output::event_records(&self.events, doc, analysis, &offsets),
            entities,
            dates,
        }
    }
}
