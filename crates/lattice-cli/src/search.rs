//! `lattice search QUERY [--json] [--all] [--no-glossary] [--corpus DIR | --site DIST]`:
//! the app's search, from the command line, over a corpus folder — or, with
//! `--site`, over the split index files of a built site, read as the app
//! fetches them (`lattice_core::search::split::search_site`). `--json` prints
//! every matched occurrence as the exact source text it covers; `--all` lifts
//! the ranked limit; `--no-glossary` turns off glossary expansion. The
//! arguments are defined in `cli.rs`.

use crate::cli::SearchArgs;
use anyhow::Result;
use lattice_core::search::{pipeline, split, PassageKind, SearchIndex, SearchOptions};
use serde::Serialize;
use std::process::ExitCode;

/// Hits shown without `--all`.
const LIMIT: usize = 20;

#[derive(Serialize)]
struct Output<'a> {
    query: &'a str,
    total: usize,
    occurrences: usize,
    per_document: Vec<(String, usize)>,
    expanded: Vec<Expansion>,
    hits: Vec<HitView>,
}

#[derive(Serialize)]
struct Expansion {
    term: String,
    via: String,
    forms: Vec<String>,
}

#[derive(Serialize)]
struct HitView {
    doc: String,
    block: String,
    kind: &'static str,
    score: f32,
    snippet: String,
    matches: Vec<String>,
}

pub(crate) fn run(args: &SearchArgs) -> Result<ExitCode> {
    let (json, all, glossary) = (args.json, args.all, !args.no_glossary);
    let text = args.words.join(" ");
    let options = SearchOptions {
        limit: (!all).then_some(LIMIT),
        ..SearchOptions::default()
    };
    if let Some(site) = &args.site {
        let found = split::search_site(site, &text, glossary, &options)?;
        let texts: Vec<&str> = found.texts.iter().map(String::as_str).collect();
        return print(&text, &found.outcome, &texts, json);
    }
    let folder = crate::folder::load(&args.corpus.dir)?;
    crate::report::diagnostics_to_stderr(folder.corpus_diagnostics());
    let bundle = folder.bundle;
    let index = SearchIndex::build(&bundle.documents);
    let outcome = pipeline::run(
        &index,
        &text,
        glossary.then_some(&bundle.glossary),
        &options,
    );
    let texts: Vec<&str> = outcome
        .results
        .hits
        .iter()
        .map(|h| index.passages[h.passage].text.as_str())
        .collect();
    print(&text, &outcome, &texts, json)
}

/// Print an outcome; `texts` holds each hit's passage text.
fn print(text: &str, outcome: &pipeline::Outcome, texts: &[&str], json: bool) -> Result<ExitCode> {
    let (query, results) = (&outcome.query, &outcome.results);
    let expanded: Vec<Expansion> = query
        .clauses
        .iter()
        .filter_map(|t| {
            let via = t.alternatives.iter().find_map(|a| a.via.clone())?;
            let forms = t
                .alternatives
                .iter()
                .filter(|a| a.via.is_some())
                .map(|a| a.display.clone())
                .collect();
            Some(Expansion {
                term: t.typed.clone(),
                via,
                forms,
            })
        })
        .collect();
    let hits: Vec<HitView> = results
        .hits
        .iter()
        .zip(texts)
        .map(|(h, text)| {
            let chars: Vec<char> = text.chars().collect();
            HitView {
                doc: h.document.clone(),
                block: h.target.clone(),
                kind: match h.kind {
                    PassageKind::Title => "title",
                    PassageKind::Authors => "authors",
                    PassageKind::Keywords => "keywords",
                    PassageKind::Heading => "heading",
                    PassageKind::Paragraph => "paragraph",
                    PassageKind::Note => "note",
                },
                score: h.score,
                snippet: format!(
                    "{}{}{}",
                    if h.snippet.cut_before { "…" } else { "" },
                    h.snippet.text,
                    if h.snippet.cut_after { "…" } else { "" }
                ),
                matches: h
                    .matches
                    .iter()
                    .filter_map(|m| chars.get(m.clone()).map(|c| c.iter().collect()))
                    .collect(),
            }
        })
        .collect();
    if json {
        let out = Output {
            query: text,
            total: results.total,
            occurrences: results.occurrences,
            per_document: results.per_document.clone(),
            expanded,
            hits,
        };
        crate::print_out(&serde_json::to_string_pretty(&out)?)?;
    } else {
        let mut s = String::new();
        for e in &expanded {
            s.push_str(&format!(
                "{} → {} ({})\n",
                e.term,
                e.forms.join(" / "),
                e.via
            ));
        }
        for h in &hits {
            s.push_str(&format!(
                "{}#{} ({}): {}\n",
                h.doc, h.block, h.kind, h.snippet
            ));
        }
        s.push_str(&format!(
            "{} passage(s), {} occurrence(s){}",
            results.total,
            results.occurrences,
            if results.total > hits.len() {
                format!("; showing {} (use --all)", hits.len())
            } else {
                String::new()
            }
        ));
        if results.total == 0 {
            s.push_str(&format!("; tried: {}", query.tried_forms().join(", ")));
        }
        crate::print_out(&s)?;
    }
    Ok(ExitCode::SUCCESS)
}
