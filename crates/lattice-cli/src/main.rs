//! `lattice`: the corpus maintainer's command line, a thin shell over
//! lattice-core. `dump` shows what the parser made of a file; `check` lists
//! diagnostics and fails on errors, as the app build does; `search` and
//! `glossary` answer from the same index and glossary the app bundles.
//! Each command lives in its own module.

mod dump;
mod glossary;
mod search;

use anyhow::{bail, Context, Result};
use lattice_core::{load_file, Severity};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const USAGE: &str = "\
usage: lattice <command> [args]

commands:
  dump PATH            print one parsed document as JSON
  check [PATH...]      print diagnostics of corpus folders (their documents and
                       glossary.toml, as the app build sees them) or single
                       files (default: corpus/); exit 1 on errors
  search QUERY [--json] [--all] [--no-glossary]
                       search the corpus as the app does
  glossary [--json]    list the glossary extracted from the corpus

check, search and glossary take --corpus DIR (default: corpus/).
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
        "check" => {
            let (corpus, rest) = corpus_option(rest)?;
            check(corpus, &rest)
        }
        "search" => {
            let (corpus, rest) = corpus_option(rest)?;
            search::run(&corpus.unwrap_or_else(default_corpus), &rest)
        }
        "glossary" => {
            let (corpus, rest) = corpus_option(rest)?;
            glossary::run(&corpus.unwrap_or_else(default_corpus), &rest)
        }
        "-h" | "--help" | "help" => {
            print!("{USAGE}");
            Ok(ExitCode::SUCCESS)
        }
        other => bail!("unknown command `{other}`\n\n{USAGE}"),
    }
}

/// The corpus folder when none is named.
fn default_corpus() -> PathBuf {
    PathBuf::from("corpus")
}

/// Takes `--corpus DIR` (or `--corpus=DIR`) out of a command's arguments.
fn corpus_option(args: &[String]) -> Result<(Option<PathBuf>, Vec<String>)> {
    let mut corpus = None;
    let mut rest = Vec::new();
    let mut args = args.iter();
    while let Some(a) = args.next() {
        let dir = if a == "--corpus" {
            args.next().context("--corpus needs a DIR")?.clone()
        } else if let Some(dir) = a.strip_prefix("--corpus=") {
            dir.to_string()
        } else {
            rest.push(a.clone());
            continue;
        };
        if corpus.replace(PathBuf::from(dir)).is_some() {
            bail!("--corpus given twice");
        }
    }
    Ok((corpus, rest))
}

/// A folder is checked as the app build reads it (`bundle::build`: every
/// document and its glossary.toml); a file on its own.
fn check(corpus: Option<PathBuf>, paths: &[String]) -> Result<ExitCode> {
    let mut paths: Vec<PathBuf> = paths.iter().map(PathBuf::from).collect();
    paths.extend(corpus);
    if paths.is_empty() {
        paths.push(default_corpus());
    }
    let mut diagnostics = Vec::new();
    let mut documents = 0;
    for p in &paths {
        if p.is_dir() {
            let bundle = lattice_core::bundle::build(p)
                .with_context(|| format!("reading {}", p.display()))?;
            documents += bundle.documents.len();
            diagnostics.extend(bundle.all_diagnostics().cloned());
        } else {
            let doc = load_file(p)?;
            documents += 1;
            diagnostics.extend(doc.diagnostics);
        }
    }
    let (mut errors, mut warnings) = (0, 0);
    let mut report = String::new();
    for d in &diagnostics {
        report.push_str(&format!("{d}\n"));
        match d.severity {
            Severity::Error => errors += 1,
            Severity::Warning => warnings += 1,
        }
    }
    print_out(report.trim_end())?;
    eprintln!("checked {documents} document(s): {errors} error(s), {warnings} warning(s)");
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
