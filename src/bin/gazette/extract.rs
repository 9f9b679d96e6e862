//! `gazette extract`: read documents, run the pipeline, print JSON Lines.

use std::io::{IsTerminal, Read, Write};

use anyhow::{Context, bail};
use gazette::dedup::StoryAnnotator;
use gazette::input::{InputSource, JsonlReader, discover};
use gazette::{Document, ExtractOptions, GazetteerBuilder, OffsetUnit, Pipeline, Utf8Policy};

use crate::Outcome;
use crate::cli::{ExtractArgs, GazetteerArgs, InputFormat, OffsetArg, OutputFormat};
use crate::html_out::HtmlSink;

pub fn run(args: ExtractArgs) -> anyhow::Result<Outcome> {
    if args.html_dir.is_some() && args.format != OutputFormat::Html {
        bail!("--html-dir only applies to --format html");
    }
    let mut stories = dedup_stories(&args)?;
    let mut paths = args.paths.clone();
    if paths.is_empty() {
        if std::io::stdin().is_terminal() {
            bail!(
                "no input: standard input is a terminal\n\
                 hint: pipe an article in (`cat article.txt | gazette extract`) or name files: `gazette extract PATH...`"
            );
        }
        paths.push("-".into());
    }
    let pipeline = build_pipeline(&args.gazetteers)?;
    let options = ExtractOptions {
        published: args.published,
        offsets: match args.offsets {
            OffsetArg::Chars => OffsetUnit::Chars,
            OffsetArg::Bytes => OffsetUnit::Bytes,
        },
    };
    let policy = if args.lossy {
        Utf8Policy::Lossy
    } else {
        Utf8Policy::Strict
    };

    let extensions = if !args.extensions.is_empty() {
        args.extensions.clone()
    } else if args.input == InputFormat::Jsonl {
        vec!["jsonl".to_owned()]
    } else {
        vec!["txt".to_owned()]
    };
    let discovered = discover(&paths, &extensions);
    let mut failures = discovered.errors.len();
    for err in &discovered.errors {
        eprintln!("gazette: {err}");
    }
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    if args.format == OutputFormat::EventsTsv {
        out.write_all(gazette::wire::EVENTS_TSV_HEADER.as_bytes())
            .context("writing output")?;
        out.write_all(b"\n").context("writing output")?;
    }
    let mut html = match args.format {
        OutputFormat::Html => Some(HtmlSink::new(args.html_dir.as_deref())?),
        _ => None,
    };
    let mut write = |doc: &Document| -> anyhow::Result<()> {
        let mut record = pipeline.extract(doc, &options);
        if let Some(stories) = stories.as_mut() {
            stories.annotate(&doc.text, &mut record);
        }
        // Serialised to memory first, so that a closed pipe surfaces as a plain I/O error.
        let line = match args.format {
            OutputFormat::Html => match html.as_mut() {
                Some(sink) => return sink.add(doc, &record),
                None => return Ok(()),
            },
            OutputFormat::EventsTsv => gazette::wire::events_tsv(&record).into_bytes(),
            OutputFormat::Json => {
                let mut line = if args.pretty {
                    serde_json::to_vec_pretty(&record)?
                } else {
                    serde_json::to_vec(&record)?
                };
                line.push(b'\n');
                line
            }
        };
        out.write_all(&line).context("writing output")
    };
    for input in &discovered.inputs {
        if args.input == InputFormat::Jsonl {
            let reader = match open_lines(input, &args.stdin_name, policy) {
                Ok(reader) => reader,
                Err(err) => {
                    eprintln!("gazette: {err:#}");
                    failures += 1;
                    continue;
                }
            };
            // Documents stream through one at a time, so a large batch never sits in memory.
            for item in reader {
                match item {
                    Ok(doc) => write(&doc)?,
                    Err(err) => {
                        eprintln!("gazette: {err}");
                        failures += 1;
                    }
                }
            }
            continue;
        }
        let doc = match read_document(input, &args.stdin_name, policy) {
            Ok(doc) => doc,
            Err(err) => {
                eprintln!("gazette: {err:#}");
                failures += 1;
                continue;
            }
        };
        write(&doc)?;
    }
    if let Some(sink) = html {
        failures += sink.finish(&mut out)?;
    }
    out.flush().context("writing output")?;
    if let Some(stories) = &stories {
        eprintln!("gazette: dedup: {}", stories.summary());
    }
    // The gazetteers and matcher are tens of thousands of small allocations; freeing them one by
    // one at exit costs more than a short run's work, and the OS reclaims them at once.
    std::mem::forget(pipeline);
    Ok(if failures > 0 {
        Outcome::SomeFailed
    } else {
        Outcome::Success
    })
}

/// The story grouper for `--dedup`, which only JSON output can show.
fn dedup_stories(args: &ExtractArgs) -> anyhow::Result<Option<StoryAnnotator>> {
    if !args.dedup {
        return Ok(None);
    }
    if args.format != OutputFormat::Json {
        bail!("--dedup only applies to --format json");
    }
    Ok(Some(StoryAnnotator::new(args.dedup_threshold)))
}

pub fn build_pipeline(args: &GazetteerArgs) -> anyhow::Result<Pipeline> {
    let mut builder = GazetteerBuilder::new().defaults(!args.no_default_gazetteers);
    for path in &args.gazetteer {
        builder = builder
            .add_path(path)
            .with_context(|| format!("loading gazetteer {}", path.display()))?;
    }
    let gazetteer = builder.build()?;
    Ok(Pipeline::new(gazetteer)?)
}

/// A JSON Lines reader over one input; its name is the path, or the stdin name.
fn open_lines(
    input: &InputSource,
    stdin_name: &str,
    policy: Utf8Policy,
) -> anyhow::Result<JsonlReader<Box<dyn std::io::BufRead>>> {
    let (name, reader): (String, Box<dyn std::io::BufRead>) = match input {
        InputSource::Stdin => (
            stdin_name.to_owned(),
            Box::new(std::io::BufReader::new(std::io::stdin())),
        ),
        InputSource::File(path) => {
            let file = std::fs::File::open(path).with_context(|| format!("{}", path.display()))?;
            (path.display().to_string(), Box::new(std::io::BufReader::new(file)))
        }
    };
    Ok(JsonlReader::new(name, reader, policy))
}

fn read_document(input: &InputSource, stdin_name: &str, policy: Utf8Policy) -> anyhow::Result<Document> {
    match input {
        InputSource::Stdin => {
            let mut bytes = Vec::new();
            std::io::stdin()
                .lock()
                .read_to_end(&mut bytes)
                .context("reading standard input")?;
            Ok(Document::from_bytes(stdin_name, bytes, policy)?)
        }
        InputSource::File(path) => Ok(Document::read(path, policy)?),
    }
}
