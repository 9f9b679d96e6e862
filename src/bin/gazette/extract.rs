//! `gazette extract`: read documents, run the pipeline, print JSON Lines.

use std::io::{IsTerminal, Read, Write};

use anyhow::{Context, bail};
use gazette::input::{InputSource, discover};
use gazette::{Document, ExtractOptions, GazetteerBuilder, OffsetUnit, Pipeline, Utf8Policy};

use crate::Outcome;
use crate::cli::{ExtractArgs, GazetteerArgs, OffsetArg};

pub fn run(args: ExtractArgs) -> anyhow::Result<Outcome> {
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

    let discovered = discover(&paths, &args.extensions);
    let mut failures = discovered.errors.len();
    for err in &discovered.errors {
        eprintln!("gazette: {err}");
    }
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for input in &discovered.inputs {
        let doc = match read_document(input, &args.stdin_name, policy) {
            Ok(doc) => doc,
            Err(err) => {
                eprintln!("gazette: {err:#}");
                failures += 1;
                continue;
            }
        };
        let record = pipeline.extract(&doc, &options);
        // Serialised to memory first, so that a closed pipe surfaces as a plain I/O error.
        let mut line = if args.pretty {
            serde_json::to_vec_pretty(&record)?
        } else {
            serde_json::to_vec(&record)?
        };
        line.push(b'\n');
        out.write_all(&line).context("writing output")?;
    }
    out.flush().context("writing output")?;
    Ok(if failures > 0 {
        Outcome::SomeFailed
    } else {
        Outcome::Success
    })
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
