//! Where `extract --format html` puts its pages: one page on standard output, or a folder with
//! an index (`--html-dir`). The pages themselves are drawn by `gazette::html`.

use std::io::Write;
use std::path::Path;

use anyhow::{Context, bail};
use gazette::html::{HtmlError, PageOptions, Site, render_page};
use gazette::{Document, DocumentRecord};

/// Collects the documents of one run as pages.
pub enum HtmlSink {
    /// One page for standard output. It is held back until the run ends, so that a second
    /// document is a usage error before anything half-useful reaches the terminal.
    Stdout {
        page: Option<String>,
        documents: usize,
        failures: usize,
    },
    /// A folder of pages and an index.
    Dir { site: Site, failures: usize },
}

impl HtmlSink {
    /// The sink for `--format html`, given `--html-dir` or not.
    pub fn new(dir: Option<&Path>) -> anyhow::Result<Self> {
        Ok(match dir {
            Some(dir) => HtmlSink::Dir {
                site: Site::create(dir).context("creating the --html-dir folder")?,
                failures: 0,
            },
            None => HtmlSink::Stdout {
                page: None,
                documents: 0,
                failures: 0,
            },
        })
    }

    /// Draws one document's page. A record that cannot be drawn is reported and counted; it
    /// does not stop the run. Failing to write a page does.
    pub fn add(&mut self, doc: &Document, record: &DocumentRecord) -> anyhow::Result<()> {
        let result = match self {
            HtmlSink::Stdout { page, documents, .. } => {
                *documents += 1;
                if *documents > 1 {
                    bail!(
                        "--format html writes one article's page to standard output, but the input holds more than one\n\
                         hint: give --html-dir DIR to write index.html and one page per article"
                    );
                }
                render_page(&doc.text, record, &PageOptions::default()).map(|html| *page = Some(html))
            }
            HtmlSink::Dir { site, .. } => site.add(&doc.text, record).map(drop),
        };
        match result {
            Ok(()) => Ok(()),
            Err(err @ HtmlError::Span { .. }) => {
                eprintln!("gazette: {err}");
                match self {
                    HtmlSink::Stdout { failures, .. } | HtmlSink::Dir { failures, .. } => *failures += 1,
                }
                Ok(())
            }
            Err(err) => Err(err).context("writing a page"),
        }
    }

    /// Writes the page to `out`, or the index into the folder; returns how many documents could
    /// not be drawn.
    pub fn finish(self, out: &mut impl Write) -> anyhow::Result<usize> {
        match self {
            HtmlSink::Stdout { page, failures, .. } => {
                if let Some(page) = page {
                    out.write_all(page.as_bytes()).context("writing output")?;
                }
                Ok(failures)
            }
            HtmlSink::Dir { site, failures } => {
                site.finish().context("writing the index page")?;
                Ok(failures)
            }
        }
    }
}
