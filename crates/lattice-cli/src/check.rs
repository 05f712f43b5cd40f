//! `lattice check [PATH...] [--corpus DIR] [--json]`: every diagnostic of a
//! corpus folder or of single files, and exit 1 when any is an error. A
//! folder is checked through the same `bundle::build` as the app build, so
//! a malformed glossary.toml fails here too, not only in the build, and its
//! lattice.toml and sidecar files are checked as `lattice build` reads them.

use crate::cli::CheckArgs;
use crate::{print_out, report};
use anyhow::Result;
use lattice_core::{load_file, Diagnostic, Severity};
use serde::Serialize;
use std::path::PathBuf;
use std::process::ExitCode;

/// `lattice check --json`.
#[derive(Serialize)]
struct Report<'a> {
    documents: usize,
    errors: usize,
    warnings: usize,
    diagnostics: Vec<DiagnosticView<'a>>,
}

/// One diagnostic as JSON.
#[derive(Serialize)]
pub(crate) struct DiagnosticView<'a> {
    file: &'a str,
    line: u32,
    severity: &'static str,
    message: &'a str,
}

impl<'a> From<&'a Diagnostic> for DiagnosticView<'a> {
    fn from(d: &'a Diagnostic) -> Self {
        DiagnosticView {
            file: &d.file,
            line: d.line,
            severity: d.severity.as_str(),
            message: &d.message,
        }
    }
}

pub(crate) fn run(args: &CheckArgs) -> Result<ExitCode> {
    let paths: Vec<PathBuf> = if args.paths.is_empty() {
        vec![args.corpus.dir.clone()]
    } else {
        args.paths.clone()
    };
    let mut documents = 0;
    let mut found: Vec<Diagnostic> = Vec::new();
    for p in &paths {
        if p.is_dir() {
            let folder = crate::folder::load(p)?;
            documents += folder.bundle.documents.len();
            found.extend(folder.all_diagnostics().cloned());
        } else {
            let doc = load_file(p)?;
            documents += 1;
            found.extend(doc.diagnostics);
        }
    }
    let errors = found
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    let warnings = found.len() - errors;
    if args.json {
        let report = Report {
            documents,
            errors,
            warnings,
            diagnostics: found.iter().map(DiagnosticView::from).collect(),
        };
        print_out(&serde_json::to_string_pretty(&report)?)?;
    } else {
        print_out(&report::diagnostics(&found))?;
        eprintln!("checked {documents} document(s): {errors} error(s), {warnings} warning(s)");
    }
    Ok(if errors > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}
