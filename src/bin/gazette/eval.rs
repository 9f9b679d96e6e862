//! `gazette eval petrarch`: the thin command around [`gazette::eval::petrarch`].

use std::io::Write;
use std::path::PathBuf;

use crate::Outcome;
use crate::cli::EvalCommand;

/// Where the suite lives beside a checkout (CI has `../shared`; users' machines do not).
const DEFAULT_SUITE: &str = "../shared/peers/petrarch2/validation.jsonl";

pub fn run(command: EvalCommand) -> anyhow::Result<Outcome> {
    match command {
        EvalCommand::Petrarch {
            file,
            dictionaries,
            failures,
        } => {
            let file = file.unwrap_or_else(|| PathBuf::from(DEFAULT_SUITE));
            if !file.is_file() {
                anyhow::bail!(
                    "{}: the PETRARCH validation suite is not there (give its validation.jsonl as FILE)",
                    file.display()
                );
            }
            let dir =
                dictionaries.unwrap_or_else(|| file.parent().unwrap_or(std::path::Path::new(".")).join("validation"));
            if !dir.is_dir() {
                anyhow::bail!(
                    "{}: the suite's dictionaries are not there (give their directory with --dictionaries)",
                    dir.display()
                );
            }
            let results = gazette::eval::petrarch::run_files(&file, Some(&dir))?;
            let report = gazette::eval::petrarch::report(&results, failures);
            std::io::stdout().lock().write_all(report.as_bytes())?;
            Ok(Outcome::Success)
        }
    }
}
