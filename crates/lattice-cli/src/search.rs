//! `lattice search QUERY [--json] [--all] [--no-glossary] [--corpus DIR]`:
//! the app's search, from the command line, over a corpus folder. `--json`
//! prints every matched occurrence as the exact source text it covers;
//! `--all` lifts the ranked limit; `--no-glossary` turns off glossary
//! expansion. The arguments are defined in `cli.rs`.

use crate::cli::SearchArgs;
use anyhow::Result;
use lattice_core::search::{expand, parse_query, search, PassageKind, SearchIndex, SearchOptions};
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
    let folder = crate::folder::load(&args.corpus.dir)?;
    crate::report::diagnostics_to_stderr(folder.corpus_diagnostics());
    let bundle = folder.bundle;
    let index = SearchIndex::build(&bundle.documents);
    let mut query = parse_query(&text);
    if glossary {
        expand(&mut query, &bundle.glossary);
    }
    let expanded: Vec<Expansion> = query
        .terms
        .iter()
        .filter_map(|t| {
            let via = t.alternatives.iter().find_map(|a| a.via.clone())?;
            let forms = t
                .alternatives
                .iter()
                .skip(1)
                .map(|a| a.display.clone())
                .collect();
            Some(Expansion {
                term: t.typed.clone(),
                via,
                forms,
            })
        })
        .collect();
    let options = SearchOptions {
        limit: (!all).then_some(LIMIT),
        ..SearchOptions::default()
    };
    let results = search(&index, &query, &options);
    let hits: Vec<HitView> = results
        .hits
        .iter()
        .map(|h| {
            let p = &index.passages[h.passage];
            let chars: Vec<char> = p.text.chars().collect();
            HitView {
                doc: index.documents[p.document].clone(),
                block: p.target.clone(),
                kind: match p.kind {
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
                    .map(|m| chars[m.clone()].iter().collect())
                    .collect(),
            }
        })
        .collect();
    if json {
        let out = Output {
            query: &text,
            total: results.total,
            occurrences: results.occurrences,
            per_document: results.per_document,
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
