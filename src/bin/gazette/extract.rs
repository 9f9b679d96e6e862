//! `gazette extract`: read documents, run the pipeline on every core, print JSON Lines in input
//! order (or write one file per document with --out). The batch machinery is
//! `gazette::batch`; this module turns the options into its settings and owns the terminal.

use std::io::{IsTerminal, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

use anyhow::{Context, bail};
use gazette::batch::{
    self, Discovery, FileList, InputKind, OutDir, Render, Settings, Stats, Status, Task, Tasks, Workers,
};
use gazette::dedup::StoryAnnotator;
use gazette::input::ByteLimit;
use gazette::{ExtractOptions, GazetteerBuilder, OffsetUnit, Pipeline, Utf8Policy};

use crate::Outcome;
use crate::cli::{ExtractArgs, GazetteerArgs, InputFormat, OffsetArg, OutputFormat};
use crate::html_out::HtmlSink;
use crate::progress::Progress;

pub fn run(args: ExtractArgs) -> anyhow::Result<Outcome> {
    let started = Instant::now();
    if args.html_dir.is_some() && args.format != OutputFormat::Html {
        bail!("--html-dir only applies to --format html");
    }
    if args.format == OutputFormat::Html && args.out.is_some() {
        bail!("--out writes JSON or TSV files; for pages give --html-dir DIR");
    }
    let mut stories = dedup_stories(&args)?;
    let json_render = match (args.format, args.pretty) {
        (OutputFormat::EventsTsv, _) => Render::EventsTsv,
        (_, false) => Render::Json,
        (_, true) => Render::JsonPretty,
    };
    let mut paths = args.paths.clone();
    if paths.is_empty() && args.files_from.is_none() {
        if std::io::stdin().is_terminal() {
            bail!(
                "no input: standard input is a terminal\n\
                 hint: pipe an article in (`cat article.txt | gazette extract`) or name files: `gazette extract PATH...`"
            );
        }
        paths.push("-".into());
    }
    let list_on_stdin = args.files_from.as_ref().is_some_and(|p| p.as_os_str() == "-");
    if list_on_stdin && paths.iter().any(|p| p.as_os_str() == "-") {
        bail!("standard input cannot be both the file list (--files-from -) and an input (-)");
    }
    let pipeline = build_pipeline(&args.gazetteers)?;
    let settings = Settings {
        extract: ExtractOptions {
            published: args.published,
            offsets: match args.offsets {
                OffsetArg::Chars => OffsetUnit::Chars,
                OffsetArg::Bytes => OffsetUnit::Bytes,
            },
        },
        // With --dedup the workers hand back records, which get their stories and are
        // rendered here in input order.
        render: if stories.is_some() || args.format == OutputFormat::Html {
            Render::Record
        } else {
            json_render
        },
        policy: if args.lossy {
            Utf8Policy::Lossy
        } else {
            Utf8Policy::Strict
        },
        stdin_name: args.stdin_name.clone(),
        out: args.out.clone().map(|root| OutDir {
            root,
            resume: args.resume,
        }),
        limit: ByteLimit(args.max_bytes),
    };
    let kind = match args.input {
        InputFormat::Text => InputKind::Text,
        InputFormat::Jsonl => InputKind::Jsonl,
    };
    let extensions = if !args.extensions.is_empty() {
        args.extensions.clone()
    } else if kind == InputKind::Jsonl {
        vec!["jsonl".to_owned()]
    } else {
        vec!["txt".to_owned()]
    };
    let workers = Workers::new(args.jobs.map_or(0, |n| n.get())).context("starting worker threads")?;

    let list = match &args.files_from {
        Some(path) => {
            Some(FileList::open(path, args.null).with_context(|| format!("--files-from {}", path.display()))?)
        }
        None => None,
    };
    let progress = Progress::new(!args.quiet);
    if kind == InputKind::Text {
        let list = args.files_from.clone().map(|path| (path, args.null));
        progress.count_in_background(paths.clone(), list, extensions.clone());
    }
    // An --out that cannot be made (its parent is a file, a read-only file system) fails every
    // document the same way: say so once, before any work, rather than once per document.
    if let Some(out) = &settings.out {
        std::fs::create_dir_all(&out.root)
            .with_context(|| format!("--out {}: cannot create the output directory", out.root.display()))?;
    }
    let interrupted = match &settings.out {
        Some(_) => Some(stop_on_interrupt()?),
        None => None,
    };
    // Input read from standard input may be a stream that pauses (a pipe from a crawler, a
    // Spark partition): each document is handed out as it comes, never held back to fill a
    // job. Files and directories are read as fast as the workers take them, so small
    // documents go out together.
    let reads_stdin = list_on_stdin || paths.iter().any(|p| p.as_os_str() == "-");
    let inputs = paths.into_iter().map(Ok).chain(list.into_iter().flatten());
    let tasks = Tasks::new(
        Discovery::new(inputs, extensions),
        kind,
        settings.policy,
        &settings.stdin_name,
    )
    .with_limit(settings.limit);
    let tasks = match &settings.out {
        Some(out) => tasks.with_output_claims(&out.root, settings.render.extension()),
        None => tasks,
    };

    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    if settings.render == Render::EventsTsv && settings.out.is_none() {
        out.write_all(gazette::wire::EVENTS_TSV_HEADER.as_bytes())
            .context("writing output")?;
        out.write_all(b"\n").context("writing output")?;
    }
    let mut html = match args.format {
        OutputFormat::Html => Some(HtmlSink::new(args.html_dir.as_deref())?),
        _ => None,
    };
    let mut stats = Stats::default();
    // After Ctrl-C no more tasks are handed out; the ones in flight are finished and written.
    let tasks = tasks.take_while(|_| !interrupted.is_some_and(|flag| flag.load(Ordering::SeqCst)));
    let weight = move |task: &Task| if reads_stdin { batch::JOB_WEIGHT } else { task.weight() };
    let result = workers.map_ordered_weighted(
        tasks,
        weight,
        |task| batch::process(&pipeline, &settings, task),
        |done| -> anyhow::Result<()> {
            stats += done.stats;
            match done.status {
                Status::Rendered(bytes) => out.write_all(&bytes).context("writing output")?,
                Status::Analysed(analysed) => {
                    let (doc, mut record) = *analysed;
                    // Stories are assigned here, in input order, so that a story's first
                    // document is the same whatever the number of workers.
                    if let Some(stories) = stories.as_mut() {
                        stories.annotate(&doc.text, &mut record);
                        out.write_all(&json_render.render(&record)).context("writing output")?;
                    }
                    if let Some(sink) = html.as_mut() {
                        sink.add(&doc, &record)?;
                    }
                }
                Status::Written(_) | Status::Skipped(_) => {}
                Status::Failed(message) => progress.report(&format!("gazette: {message}")),
            }
            progress.update(&stats);
            Ok(())
        },
    );
    progress.finish();
    result?;
    if let Some(sink) = html {
        stats.errors += sink.finish(&mut out)? as u64;
    }
    out.flush().context("writing output")?;
    drop(out);
    let inputs = stats.documents + stats.errors + stats.skipped;
    if args.summary || (!args.quiet && std::io::stderr().is_terminal() && inputs > 1) {
        eprintln!("gazette: {}", stats.summary(started.elapsed()));
    }
    if let Some(stories) = &stories {
        eprintln!("gazette: dedup: {}", stories.summary());
    }
    // The gazetteers and matcher are tens of thousands of small allocations; freeing them one by
    // one at exit costs more than a short run's work, and the OS reclaims them at once.
    std::mem::forget(pipeline);
    if interrupted.is_some_and(|flag| flag.load(Ordering::SeqCst)) {
        eprintln!("gazette: interrupted; every file under --out is complete, and --resume carries on");
        return Ok(Outcome::Interrupted);
    }
    Ok(if stats.errors > 0 {
        Outcome::SomeFailed
    } else {
        Outcome::Success
    })
}

/// With `--out`, Ctrl-C (SIGINT) would kill the run between creating a temporary file and
/// renaming it into place, leaving the temporary behind. Instead the first Ctrl-C sets the
/// returned flag, on which the batch stops handing out work and finishes what is in flight, so
/// that only whole files remain; a second Ctrl-C, for a user who will not wait, exits at once.
fn stop_on_interrupt() -> anyhow::Result<&'static AtomicBool> {
    static INTERRUPTED: AtomicBool = AtomicBool::new(false);
    ctrlc::set_handler(|| {
        if INTERRUPTED.swap(true, Ordering::SeqCst) {
            std::process::exit(130);
        }
        // The handler runs on its own thread, not in signal context, so it may print.
        eprintln!("gazette: interrupted; finishing the documents in progress (Ctrl-C again to stop at once)");
    })
    .context("installing the Ctrl-C handler")?;
    Ok(&INTERRUPTED)
}

/// The story grouper for `--dedup`, which only JSON output can show.
fn dedup_stories(args: &ExtractArgs) -> anyhow::Result<Option<StoryAnnotator>> {
    if !args.dedup {
        return Ok(None);
    }
    if args.format != OutputFormat::Json {
        bail!("--dedup only applies to --format json");
    }
    if args.out.is_some() {
        bail!("--dedup writes to standard output; it cannot be combined with --out yet");
    }
    Ok(Some(StoryAnnotator::new(args.dedup_threshold)))
}

/// The default pipeline, compiled by the build script (build.rs) and read back at start-up.
pub static DEFAULT_PIPELINE: &[u8] = &ALIGNED_IMAGE.0;

/// Bytes aligned like the numbers in them, so that the image's tables are used in place, not
/// copied (`include_bytes!` alone promises no alignment).
#[repr(C, align(8))]
struct Aligned<Bytes: ?Sized>(Bytes);

static ALIGNED_IMAGE: &Aligned<[u8]> = &Aligned(*include_bytes!(concat!(env!("OUT_DIR"), "/default-pipeline.image")));

pub fn build_pipeline(args: &GazetteerArgs) -> anyhow::Result<Pipeline> {
    if let Some(path) = &args.pipeline {
        let image = std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
        // The pipeline borrows from its image for the rest of the run.
        let image: &'static [u8] = Box::leak(image.into_boxed_slice());
        return Pipeline::from_image(image).with_context(|| {
            format!(
                "{} is not a pipeline this gazette can read; compile it again with `gazette gazetteer compile`",
                path.display()
            )
        });
    }
    if !args.no_default_gazetteers && args.gazetteer.is_empty() {
        match Pipeline::from_image(DEFAULT_PIPELINE) {
            Ok(pipeline) => return Ok(pipeline),
            // Cannot happen with an image from the same build; if it does, the gazetteers
            // themselves are still embedded, so the run goes on, only slower to start.
            Err(err) => eprintln!("warning: {err}; building the default pipeline instead"),
        }
    }
    let mut builder = GazetteerBuilder::new().defaults(!args.no_default_gazetteers);
    for path in &args.gazetteer {
        builder = builder
            .add_path(path)
            .with_context(|| format!("loading gazetteer {}", path.display()))?;
    }
    let gazetteer = builder.build()?;
    Ok(Pipeline::new(gazetteer)?)
}
