//! `lattice`: the corpus maintainer's command line, a thin shell over
//! lattice-core. `dump` shows what the parser made of a file; `check` lists
//! diagnostics and fails on errors, as the app build does; `search` and
//! `glossary` answer from the same index and glossary the app bundles.
//! Each command lives in its own module.

mod dump;
mod glossary;
mod search;

use anyhow::{bail, Context, Result};
use lattice_core::{load_dir, load_file, Document, Severity};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const USAGE: &str = "\
usage: lattice <command> [args]

commands:
  dump PATH            print one parsed document as JSON
  check [PATH...]      print diagnostics (default: corpus/); exit 1 on errors
  search QUERY [--json] [--all] [--no-glossary]
                       search the corpus (corpus/) as the app does
  glossary [--json]    list the glossary extracted from corpus/
";

fn main() -> ExitCode {
    match run(std::env::args().skip(1).collect()) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("lattice: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn run(args: Vec<String>) -> Result<ExitCode> {
    let Some((cmd, rest)) = args.split_first() else {
        eprint!("{USAGE}");
        return Ok(ExitCode::from(2));
    };
    match cmd.as_str() {
        "dump" => {
            let [path] = rest else {
                bail!("dump takes exactly one PATH\n\n{USAGE}")
            };
            let doc = load_file(Path::new(path))?;
            let json = serde_json::to_string_pretty(&dump::DumpView::from(&doc))?;
            print_out(&json)?;
            Ok(ExitCode::SUCCESS)
        }
        "check" => check(rest),
        "search" => search::run(rest),
        "glossary" => glossary::run(rest),
        "-h" | "--help" | "help" => {
            print!("{USAGE}");
            Ok(ExitCode::SUCCESS)
        }
        other => bail!("unknown command `{other}`\n\n{USAGE}"),
    }
}

fn check(paths: &[String]) -> Result<ExitCode> {
    let paths: Vec<PathBuf> = if paths.is_empty() {
        vec![PathBuf::from("corpus")]
    } else {
        paths.iter().map(PathBuf::from).collect()
    };
    let mut docs: Vec<Document> = Vec::new();
    for p in &paths {
        if p.is_dir() {
            docs.extend(load_dir(p).with_context(|| format!("reading {}", p.display()))?);
        } else {
            docs.push(load_file(p)?);
        }
    }
    let (mut errors, mut warnings) = (0, 0);
    let mut report = String::new();
    for d in docs.iter().flat_map(|d| &d.diagnostics) {
        report.push_str(&format!("{d}\n"));
        match d.severity {
            Severity::Error => errors += 1,
            Severity::Warning => warnings += 1,
        }
    }
    print_out(report.trim_end())?;
    eprintln!(
        "checked {} document(s): {errors} error(s), {warnings} warning(s)",
        docs.len()
    );
    Ok(if errors > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// Print to stdout; a closed pipe (`lattice dump x | head`) is not an error.
pub(crate) fn print_out(text: &str) -> Result<()> {
    if text.is_empty() {
        return Ok(());
    }
    match writeln!(std::io::stdout().lock(), "{text}") {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => Ok(other?),
    }
}
