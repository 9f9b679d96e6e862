//! `gazette check`: run the golden fixtures and print the verdicts. The checking itself is
//! `gazette::check`; this module only chooses paths, colours and the report format.

use std::io::{IsTerminal, Write};
use std::path::Path;

use anstyle::{AnsiColor, Effects, Style};
use anyhow::{Context, bail};
use gazette::check::{CheckOptions, CheckReport, FixtureReport, Status, Tone, check_paths};

use crate::Outcome;
use crate::cli::{CheckArgs, CheckFormat, ColorChoice};

pub fn run(args: CheckArgs) -> anyhow::Result<Outcome> {
    ensure_fixture_folder_exists(&args)?;
    let report = check_paths(
        &args.paths,
        &CheckOptions::new()
            .bless(args.bless)
            .default_pipeline(crate::extract::DEFAULT_PIPELINE),
    );
    let stdout = std::io::stdout();
    let color = args.color == ColorChoice::Always
        || (args.color == ColorChoice::Auto && stdout.is_terminal() && !no_color_requested());
    let mut out = std::io::BufWriter::new(stdout.lock());
    match args.format {
        CheckFormat::Human => write_human(&mut out, &report, &Palette::new(color))?,
        CheckFormat::Junit => {
            // Standard output is the XML report, so the blessing notes go to standard error.
            for fixture in &report.fixtures {
                if fixture.blessed.is_some() {
                    eprintln!("blessed {}", fixture.name);
                }
            }
            write_junit(&mut out, &report)?;
        }
    }
    out.flush().context("writing the report")?;
    if report.has_errors() {
        // Exit 2: the report above names each file; this line says why the status is not 1.
        let count = report.errors.len() + report.fixtures.iter().filter(|f| f.status() == Status::Error).count();
        let errors = if count == 1 {
            "1 error"
        } else {
            &format!("{count} errors")
        };
        bail!("could not check everything: {errors} (see the report)");
    }
    Ok(if report.failed() > 0 {
        Outcome::SomeFailed
    } else {
        Outcome::Success
    })
}

/// Running `gazette check` outside a project is the likely mistake behind a missing default
/// folder, so say what to do instead of reporting a bare missing path.
fn ensure_fixture_folder_exists(args: &CheckArgs) -> anyhow::Result<()> {
    if let [only] = args.paths.as_slice()
        && only == Path::new("fixtures")
        && !only.exists()
    {
        bail!(
            "no fixtures/ folder here\n\
             hint: run from the folder that holds fixtures/, or name the fixtures: `gazette check DIR|FILE...`"
        );
    }
    Ok(())
}

/// NO_COLOR (https://no-color.org): set to anything but the empty string, it turns colour off.
fn no_color_requested() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|value| !value.is_empty())
}

/// The styles of the human report; all plain when colour is off.
struct Palette {
    ok: Style,
    fail: Style,
    blessed: Style,
    heading: Style,
    location: Style,
    expected: Style,
    actual: Style,
    note: Style,
    error: Style,
}

impl Palette {
    fn new(color: bool) -> Self {
        if !color {
            let plain = Style::new();
            return Palette {
                ok: plain,
                fail: plain,
                blessed: plain,
                heading: plain,
                location: plain,
                expected: plain,
                actual: plain,
                note: plain,
                error: plain,
            };
        }
        let fg = |color: AnsiColor| Style::new().fg_color(Some(color.into()));
        Palette {
            ok: fg(AnsiColor::Green),
            fail: fg(AnsiColor::Red).effects(Effects::BOLD),
            blessed: fg(AnsiColor::Cyan),
            heading: Style::new().effects(Effects::BOLD),
            location: fg(AnsiColor::Yellow),
            expected: fg(AnsiColor::Red),
            actual: fg(AnsiColor::Green),
            note: Style::new().effects(Effects::DIMMED),
            error: fg(AnsiColor::Red).effects(Effects::BOLD),
        }
    }

    fn for_tone(&self, tone: Tone) -> Style {
        match tone {
            Tone::Heading => self.heading,
            Tone::Location => self.location,
            Tone::Expected => self.expected,
            Tone::Actual => self.actual,
            Tone::Note => self.note,
            Tone::Error => self.error,
            // `Tone` may grow; anything new is shown plainly rather than refused.
            _ => Style::new(),
        }
    }
}

/// Writes `text` in `style`; a plain style writes no escape codes at all.
fn paint(out: &mut impl Write, style: Style, text: &str) -> std::io::Result<()> {
    if style == Style::new() {
        out.write_all(text.as_bytes())
    } else {
        write!(out, "{}{text}{}", style.render(), style.render_reset())
    }
}

fn write_human(out: &mut impl Write, report: &CheckReport, palette: &Palette) -> anyhow::Result<()> {
    for fixture in &report.fixtures {
        if fixture.blessed.is_some() {
            paint(out, palette.blessed, "blessed")?;
            writeln!(out, " {}", fixture.name)?;
        }
        write_verdict(out, fixture, palette)?;
        for line in fixture.details() {
            paint(out, palette.for_tone(line.tone), &line.text)?;
            writeln!(out)?;
        }
    }
    if !report.errors.is_empty() {
        out.flush()?;
        for err in &report.errors {
            eprintln!("gazette: {err}");
        }
    }
    // Plain even in colour: CI scripts read this line, and escape codes would hide its shape.
    writeln!(out, "\n{}", report.summary())?;
    Ok(())
}

/// `ok NAME` or `FAIL NAME ...`, with only the verdict word coloured.
fn write_verdict(out: &mut impl Write, fixture: &FixtureReport, palette: &Palette) -> std::io::Result<()> {
    let headline = fixture.headline();
    let (word, style) = match fixture.status() {
        Status::Passed => ("ok", palette.ok),
        _ => ("FAIL", palette.fail),
    };
    let rest = headline.strip_prefix(word).unwrap_or(&headline);
    paint(out, style, word)?;
    writeln!(out, "{rest}")
}

/// A JUnit XML report: one `testsuite` named "gazette check" with a `testcase` per fixture. A
/// failing fixture's diff is the body of its `failure`; one that could not be checked gets an
/// `error` instead. No timings, so that the report of an unchanged run is unchanged.
fn write_junit(out: &mut impl Write, report: &CheckReport) -> anyhow::Result<()> {
    let count = |status: Status| report.fixtures.iter().filter(|f| f.status() == status).count();
    let (tests, failures, errors) = (report.fixtures.len(), count(Status::Failed), count(Status::Error));
    let totals = format!(r#"tests="{tests}" failures="{failures}" errors="{errors}""#);
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(out, r#"<testsuites name="gazette check" {totals}>"#)?;
    writeln!(out, r#"  <testsuite name="gazette check" {totals} skipped="0">"#)?;
    for fixture in &report.fixtures {
        write!(
            out,
            r#"    <testcase name="{}" classname="gazette check" file="{}""#,
            escape_attribute(&fixture.name),
            escape_attribute(&fixture.path.display().to_string())
        )?;
        let element = match fixture.status() {
            Status::Passed => {
                writeln!(out, "/>")?;
                continue;
            }
            Status::Failed => "failure",
            _ => "error",
        };
        writeln!(out, ">")?;
        let details = fixture.details_text();
        // The message is the gist (a CI page shows it as the title); the body is the full diff.
        let message = details
            .lines()
            .next()
            .map(str::trim)
            .filter(|line| !line.is_empty())
            .map_or_else(|| fixture.headline(), str::to_owned);
        let kind = if element == "failure" { "mismatch" } else { "error" };
        writeln!(
            out,
            r#"      <{element} message="{}" type="{kind}">{}</{element}>"#,
            escape_attribute(&message),
            escape_text(&format!("{}\n{details}", fixture.headline()))
        )?;
        writeln!(out, "    </testcase>")?;
    }
    if !report.errors.is_empty() {
        let text: String = report.errors.iter().map(|err| format!("{err}\n")).collect();
        writeln!(out, "    <system-err>{}</system-err>", escape_text(&text))?;
    }
    writeln!(out, "  </testsuite>")?;
    writeln!(out, "</testsuites>")?;
    Ok(())
}

/// Escapes character data. XML 1.0 cannot carry most control characters even as references,
/// and an article may contain them, so they become U+FFFD rather than break the report.
fn escape_text(text: &str) -> String {
    escape(text, false)
}

/// Escapes an attribute value; line breaks and tabs are kept as character references, since
/// parsers would turn literal ones into spaces.
fn escape_attribute(text: &str) -> String {
    escape(text, true)
}

fn escape(text: &str, attribute: bool) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if attribute => out.push_str("&quot;"),
            '\'' if attribute => out.push_str("&apos;"),
            '\n' if attribute => out.push_str("&#10;"),
            '\t' if attribute => out.push_str("&#9;"),
            // A literal CR would be read back as a line feed.
            '\r' => out.push_str("&#13;"),
            '\n' | '\t' => out.push(c),
            c if is_xml_char(c) => out.push(c),
            _ => out.push('\u{FFFD}'),
        }
    }
    out
}

/// The `Char` production of XML 1.0.
fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xml_escaping_covers_markup_quotes_and_control_characters() {
        let table = [
            ("a<b>&c", false, "a&lt;b&gt;&amp;c"),
            ("say \"hi\" 'x'", true, "say &quot;hi&quot; &apos;x&apos;"),
            ("say \"hi\"", false, "say \"hi\""),
            ("one\ntwo\tthree", true, "one&#10;two&#9;three"),
            ("one\ntwo\r\n", false, "one\ntwo&#13;\n"),
            ("bell\u{7}form\u{C}", false, "bell\u{FFFD}form\u{FFFD}"),
            ("Xhaçka’s 🇦🇱", false, "Xhaçka’s 🇦🇱"),
            ("\u{FFFE}", true, "\u{FFFD}"),
        ];
        for (input, attribute, want) in table {
            assert_eq!(escape(input, attribute), want, "{input:?}");
        }
    }

    #[test]
    fn a_plain_palette_writes_no_escape_codes() {
        let mut out = Vec::new();
        paint(&mut out, Palette::new(false).fail, "FAIL").unwrap();
        assert_eq!(out, b"FAIL");
        let mut out = Vec::new();
        paint(&mut out, Palette::new(true).fail, "FAIL").unwrap();
        assert!(out.starts_with(b"\x1b["), "{out:?}");
    }
}
