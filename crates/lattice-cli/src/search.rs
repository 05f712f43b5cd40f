//! `lattice search QUERY [--json] [--all] [--no-glossary]`: the app's search,
//! from the command line, over corpus/. `--json` prints every matched
//! occurrence as the exact source text it covers; `--all` lifts the ranked
//! limit; `--no-glossary` turns off glossary expansion.

use anyhow::{bail, Result};
use lattice_core::search::{expand, parse_query, search, PassageKind, SearchIndex, SearchOptions};
use serde::Serialize;
use std::path::Path;
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

pub(crate) fn run(corpus: &Path, args: &[String]) -> Result<ExitCode> {
    let mut json = false;
    let mut all = false;
    let mut glossary = true;
    let mut words: Vec<&str> = Vec::new();
    for a in args {
        match a.as_str() {
            "--json" => json = true,
            "--all" => all = true,
            "--no-glossary" => glossary = false,
            flag if flag.starts_with("--") => bail!("unknown option `{flag}` for search"),
            w => words.push(w),
        }
    }
    if words.is_empty() {
        bail!("search needs a QUERY");
    }
    let text = words.join(" ");
    let bundle = lattice_core::bundle::build(corpus)?;
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
