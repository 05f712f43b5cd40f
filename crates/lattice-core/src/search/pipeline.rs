//! The one way from what the reader typed to what a search found: parse,
//! expand with the glossary (unless switched off), search, and say which
//! glossary forms the query gained. The app, the CLI and the tests call
//! [`run`] (or [`prepare`] and then a search over the split index), so they
//! cannot wire these steps differently.

use super::{expand, parse_query, search, Expansion, Query, Results, SearchIndex, SearchOptions};
use crate::glossary::Glossary;
use serde::{Deserialize, Serialize};

/// What one search found, with the query it ran.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Outcome {
    /// The parsed (and possibly expanded) query.
    pub query: Query,
    /// Glossary forms the query was expanded with, each once.
    pub expansions: Vec<Expansion>,
    /// Hits and counts.
    pub results: Results,
}

/// Parse `text` and expand it with `glossary` when given.
pub fn prepare(text: &str, glossary: Option<&Glossary>) -> Query {
    let mut query = parse_query(text);
    if let Some(g) = glossary {
        expand(&mut query, g);
    }
    query
}

/// Every glossary form a query was expanded with.
pub fn expansions(query: &Query) -> Vec<Expansion> {
    let mut out: Vec<Expansion> = Vec::new();
    for alt in query.clauses.iter().flat_map(|c| c.alternatives.iter()) {
        if let Some(via) = &alt.via {
            let e = Expansion {
                form: alt.display.clone(),
                via: via.clone(),
            };
            if !out.contains(&e) {
                out.push(e);
            }
        }
    }
    out
}

/// Parse, expand (when `glossary` is given) and search the in-memory index.
pub fn run(
    index: &SearchIndex,
    text: &str,
    glossary: Option<&Glossary>,
    options: &SearchOptions,
) -> Outcome {
    let query = prepare(text, glossary);
    let results = search(index, &query, options);
    Outcome {
        expansions: expansions(&query),
        query,
        results,
    }
}
