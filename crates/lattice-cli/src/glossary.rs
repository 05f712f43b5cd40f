//! `lattice glossary [--json] [--corpus DIR]`: the Chinese↔English glossary
//! the app bundles, built from the corpus folder by the same `bundle::build`,
//! for a maintainer to review extraction and curation (`--json` for scripts
//! and tests).

use crate::cli::GlossaryArgs;
use crate::{print_out, report};
use anyhow::Result;
use lattice_core::glossary::Term;
use lattice_core::Severity;
use serde::Serialize;
use std::process::ExitCode;

/// One term as `lattice glossary --json` prints it.
#[derive(Serialize)]
struct TermView<'a> {
    zh: &'a [String],
    en: &'a str,
    abbr: Option<&'a str>,
    kind: &'static str,
    count: u32,
}

impl<'a> From<&'a Term> for TermView<'a> {
    fn from(t: &'a Term) -> Self {
        TermView {
            zh: &t.zh,
            en: &t.en,
            abbr: t.abbr.as_deref(),
            kind: t.kind.as_str(),
            count: t.count,
        }
    }
}

pub(crate) fn run(args: &GlossaryArgs) -> Result<ExitCode> {
    let folder = crate::folder::load(&args.corpus.dir)?;
    report::diagnostics_to_stderr(folder.corpus_diagnostics());
    let errors = folder
        .corpus_diagnostics()
        .any(|d| d.severity == Severity::Error);
    let terms = &folder.bundle.glossary.terms;
    if args.json {
        let views: Vec<TermView> = terms.iter().map(TermView::from).collect();
        print_out(&serde_json::to_string_pretty(&views)?)?;
    } else {
        print_out(&table(terms))?;
        eprintln!("{} term(s)", terms.len());
    }
    Ok(if errors {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// Display width: CJK and full-width characters take two columns.
fn width(s: &str) -> usize {
    lattice_core::script::display_width(s)
}

fn pad(s: &str, to: usize) -> String {
    format!("{s}{}", " ".repeat(to.saturating_sub(width(s))))
}

/// An aligned table: English, abbreviation, kind, count, Chinese forms.
fn table(terms: &[Term]) -> String {
    let rows: Vec<[String; 5]> = terms
        .iter()
        .map(|t| {
            [
                t.en.clone(),
                t.abbr.clone().unwrap_or_default(),
                t.kind.as_str().to_string(),
                t.count.to_string(),
                t.zh.join(" / "),
            ]
        })
        .collect();
    let head = ["ENGLISH", "ABBR", "KIND", "COUNT", "CHINESE"].map(String::from);
    let mut widths = [0; 5];
    for r in std::iter::once(&head).chain(&rows) {
        for (w, cell) in widths.iter_mut().zip(r) {
            *w = (*w).max(width(cell));
        }
    }
    let mut out = String::new();
    for r in std::iter::once(&head).chain(&rows) {
        let line: Vec<String> = r
            .iter()
            .zip(widths)
            .enumerate()
            .map(|(i, (cell, w))| if i == 4 { cell.clone() } else { pad(cell, w) })
            .collect();
        out.push_str(line.join("  ").trim_end());
        out.push('\n');
    }
    out.trim_end().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_characters_count_twice() {
        assert_eq!(width("Quad"), 4);
        assert_eq!(width("四方"), 4);
        assert_eq!(pad("四方", 6), "四方  ");
    }
}
