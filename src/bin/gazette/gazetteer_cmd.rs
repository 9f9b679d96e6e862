//! `gazette gazetteer check|lookup|stats|export|compile`: the tools for keeping gazetteers.

use std::io::Write;
use std::path::Path;

use anyhow::Context;
use gazette::gazetteer::inspect::{FileStats, export, lookup, stats};
use gazette::gazetteer::validate::{Severity, validate};
use gazette::gazetteer::{EntryKind, embedded_files};
use gazette::input::{InputSource, discover};
use gazette::{Gazetteer, PartialDate, Pipeline};

use crate::Outcome;
use crate::cli::{EntryKindArg, GazetteerArgs, GazetteerCommand};
use crate::extract::build_pipeline;

pub fn run(command: GazetteerCommand) -> anyhow::Result<Outcome> {
    match command {
        GazetteerCommand::Check { paths } => check(&paths),
        GazetteerCommand::Lookup { text, date, gazetteers } => {
            let pipeline = build_pipeline(&gazetteers)?;
            print_lookup(pipeline.gazetteer(), &text, date)
        }
        GazetteerCommand::Stats { json, gazetteers } => {
            let pipeline = build_pipeline(&gazetteers)?;
            print_stats(&pipeline, json)
        }
        GazetteerCommand::ImportPetrarch { dir, out } => import_petrarch(&dir, &out),
        GazetteerCommand::Compile { output, gazetteers } => compile(&output, &gazetteers),
        GazetteerCommand::Export { kind, gazetteers } => {
            let pipeline = build_pipeline(&gazetteers)?;
            let kind = kind.map(|k| match k {
                EntryKindArg::Person => EntryKind::Person,
                EntryKindArg::State => EntryKind::State,
                EntryKindArg::Organisation => EntryKind::Organisation,
                EntryKindArg::Place => EntryKind::Place,
            });
            write_stdout(export(pipeline.gazetteer(), kind).as_bytes())?;
            Ok(Outcome::Success)
        }
    }
}

fn compile(output: &Path, gazetteers: &GazetteerArgs) -> anyhow::Result<Outcome> {
    let pipeline = build_pipeline(gazetteers)?;
    let image = pipeline.to_image();
    // As `--out` writes its files, so that an interrupted run never leaves a truncated image.
    gazette::batch::write_atomically(output, &[&image]).with_context(|| format!("writing {}", output.display()))?;
    eprintln!(
        "wrote {} ({:.1} MB): {} entries; use it with --pipeline {}",
        output.display(),
        image.len() as f64 / 1e6,
        pipeline.gazetteer().len(),
        output.display()
    );
    Ok(Outcome::Success)
}

fn check(paths: &[std::path::PathBuf]) -> anyhow::Result<Outcome> {
    let (files, reference) = if paths.is_empty() {
        let embedded = embedded_files()
            .iter()
            .map(|(n, t)| (format!("gazetteers/{n}"), t.to_string()))
            .collect();
        (embedded, None)
    } else {
        let found = discover(paths, &["tsv".to_owned()]);
        if let Some(err) = found.errors.into_iter().next() {
            return Err(err.into());
        }
        let mut files = Vec::new();
        for input in found.inputs {
            if let InputSource::File(path) = input {
                let text = std::fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
                files.push((path.display().to_string(), text));
            }
        }
        (files, Some(Gazetteer::defaults()?))
    };
    let mut problems = validate(&files, reference.as_ref());
    // Lexicon rows are only understood by their stages: building a pipeline checks them.
    if problems.iter().all(|p| p.severity != Severity::Error) {
        let mut builder = gazette::GazetteerBuilder::new().defaults(paths.is_empty());
        for (name, text) in &files {
            if !paths.is_empty() {
                builder = builder.add_text(name.clone(), text.clone());
            }
        }
        if let Err(err) = builder.build().and_then(Pipeline::new) {
            problems.push(gazette::gazetteer::validate::Problem {
                file: err.file,
                line: err.line,
                severity: Severity::Error,
                message: err.message,
            });
        }
    }
    let errors = problems.iter().filter(|p| p.severity == Severity::Error).count();
    let mut out = String::new();
    for problem in &problems {
        out.push_str(&format!("{problem}\n"));
    }
    out.push_str(&format!(
        "{} file(s) checked: {errors} error(s), {} warning(s)\n",
        files.len(),
        problems.len() - errors
    ));
    write_stdout(out.as_bytes())?;
    Ok(if errors > 0 {
        Outcome::SomeFailed
    } else {
        Outcome::Success
    })
}

fn print_lookup(gazetteer: &Gazetteer, text: &str, date: Option<PartialDate>) -> anyhow::Result<Outcome> {
    let hits = lookup(gazetteer, text);
    let mut out = String::new();
    if hits.is_empty() {
        out.push_str(&format!("{text:?}: not in the gazetteers\n"));
    }
    for hit in &hits {
        let entry = gazetteer.entry(hit.entry);
        let role = entry.role_on(date);
        let span = match (role.from, role.to) {
            (None, None) => String::new(),
            (from, to) => format!(
                " ({}–{})",
                from.map(|d| d.to_string()).unwrap_or_default(),
                to.map(|d| d.to_string()).unwrap_or_default()
            ),
        };
        out.push_str(&format!(
            "{}\t{}\t{}\t{}{}\t{}:{}\tvia {}{}\n",
            entry.kind,
            entry.name,
            gazetteer.actor_code(entry, role).unwrap_or_else(|| "-".into()),
            role.role.as_deref().unwrap_or("-"),
            span,
            entry.source.file,
            role.line,
            hit.form.as_str(),
            if hit.form == gazette::gazetteer::Form::Surname {
                " (only after the full name)"
            } else {
                ""
            },
        ));
    }
    write_stdout(out.as_bytes())?;
    Ok(if hits.is_empty() {
        Outcome::SomeFailed
    } else {
        Outcome::Success
    })
}

fn print_stats(pipeline: &Pipeline, json: bool) -> anyhow::Result<Outcome> {
    let (files, total) = stats(pipeline.gazetteer());
    let out = if json {
        let mut text = serde_json::to_string_pretty(&serde_json::json!({ "files": files, "total": total }))?;
        text.push('\n');
        text
    } else {
        let mut text = format!(
            "{:<40} {:>7} {:>7} {:>7} {:>7} {:>7} {:>7} {:>8}\n",
            "file", "person", "state", "org", "place", "names", "roles", "lexicon"
        );
        for row in files.iter().chain(std::iter::once(&total)) {
            text.push_str(&stats_row(row));
        }
        text
    };
    write_stdout(out.as_bytes())?;
    Ok(Outcome::Success)
}

fn stats_row(row: &FileStats) -> String {
    let count = |kind: &str| row.entries.get(kind).copied().unwrap_or(0);
    format!(
        "{:<40} {:>7} {:>7} {:>7} {:>7} {:>7} {:>7} {:>8}\n",
        row.file,
        count("person"),
        count("state"),
        count("organisation"),
        count("place"),
        row.names,
        row.roles,
        row.lexicon_rows.values().sum::<usize>()
    )
}

fn write_stdout(bytes: &[u8]) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    out.write_all(bytes).context("writing output")?;
    out.flush().context("writing output")?;
    Ok(())
}

fn import_petrarch(dir: &std::path::Path, out: &std::path::Path) -> anyhow::Result<Outcome> {
    let dictionaries = gazette::petrarch::Dictionaries::read_dir(dir)?;
    for warning in dictionaries.warnings() {
        eprintln!("{warning}");
    }
    let header = format!(
        "Converted by `gazette gazetteer import-petrarch` from the PETRARCH dictionaries in {}.\n\
         The dictionaries' own licence applies to this file.",
        dir.display()
    );
    let converted = gazette::petrarch::convert::to_gazette(&dictionaries, &header);
    std::fs::create_dir_all(out).with_context(|| format!("creating {}", out.display()))?;
    for (name, text) in &converted.files {
        let path = out.join(name);
        std::fs::write(&path, text).with_context(|| format!("writing {}", path.display()))?;
        eprintln!(
            "wrote {} ({} rows)",
            path.display(),
            converted.rows.get(name).copied().unwrap_or_default()
        );
    }
    if !dictionaries.discards.discards.is_empty() {
        eprintln!(
            "{} discard phrases not converted: gazette has no discard stage (`gazette eval petrarch` applies them)",
            dictionaries.discards.discards.len()
        );
    }
    for (reason, count) in &converted.skipped {
        eprintln!("patterns left out: {count} ({reason})");
    }
    // Skipped lines are reported above; the files written are usable.
    Ok(if dictionaries.warnings().next().is_some() {
        Outcome::SomeFailed
    } else {
        Outcome::Success
    })
}
