//! Full-text search that finds every occurrence of what the reader typed,
//! however they typed it, and nothing else.
//!
//! Chinese has no spaces, so nothing here segments words: the corpus and the
//! query are [folded](crate::fold) (full-width → half-width, case, Traditional
//! → Simplified) and matched as exact substrings. Latin terms must start at a
//! word start (`aukus` finds `SSN-AUKUS`, `ukus` does not). Space-separated
//! terms must all appear in one passage; quotes make a phrase. A term can
//! carry alternatives (its glossary forms), any one of which matches.
//!
//! Because folding maps one character to one character, every match is a
//! character range of the passage's plain text, so the app highlights the
//! exact original characters.

mod expand;
mod index;
mod matcher;
mod query;
mod rank;
mod snippet;

pub use expand::expand;
pub use index::{Passage, PassageKind, SearchIndex};
pub use query::{parse_query, Alternative, Query, Term, MAX_QUERY_CHARS, MAX_TERMS};
pub use snippet::Snippet;

use serde::{Deserialize, Serialize};
use std::ops::Range;

/// Which passages to search.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchOptions {
    /// Only this document (by id).
    pub document: Option<String>,
    /// Only body text (headings and paragraphs) or only notes.
    pub scope: Scope,
    /// At most this many hits (ranked); `None` for all.
    pub limit: Option<usize>,
}

/// Body text, notes, or both.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Scope {
    /// Headings, paragraphs and notes.
    #[default]
    All,
    /// Headings and paragraphs.
    Body,
    /// Note texts.
    Notes,
}

/// One passage that matches every term.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Hit {
    /// Index of the passage in [`SearchIndex::passages`].
    pub passage: usize,
    /// Relevance; higher first.
    pub score: f32,
    /// Every match, as character ranges of the passage's plain text, in order.
    pub matches: Vec<Range<usize>>,
    /// A window of the passage around the first match.
    pub snippet: Snippet,
}

/// What a search found.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Results {
    /// Hits, best first (after the limit).
    pub hits: Vec<Hit>,
    /// Hits per document id, before the limit, in corpus order.
    pub per_document: Vec<(String, usize)>,
    /// Total hits before the limit.
    pub total: usize,
    /// Total matched occurrences before the limit.
    pub occurrences: usize,
}

/// Run a parsed query over the index.
pub fn search(index: &SearchIndex, query: &Query, options: &SearchOptions) -> Results {
    if query.terms.is_empty() {
        return Results::default();
    }
    // First pass: which passages match, how well, and how often. Character
    // ranges and snippets are only worked out for the hits that are shown.
    let mut found: Vec<(usize, f32, Vec<matcher::ByteMatch>)> = Vec::new();
    let mut per_document: Vec<(String, usize)> = Vec::new();
    let mut occurrences = 0;
    for (i, p) in index.passages.iter().enumerate() {
        if !in_scope(index, p, options) {
            continue;
        }
        let Some(per_term) = matcher::match_all(&p.folded, query) else {
            continue;
        };
        let score = rank::score(index, p, query, &per_term);
        let mut all: Vec<matcher::ByteMatch> = per_term.into_iter().flatten().collect();
        all.sort_unstable();
        all.dedup();
        occurrences += all.len();
        let doc = &index.documents[p.document];
        match per_document.last_mut() {
            Some((d, n)) if d == doc => *n += 1,
            _ => per_document.push((doc.clone(), 1)),
        }
        found.push((i, score, all));
    }
    let total = found.len();
    found.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    if let Some(limit) = options.limit {
        found.truncate(limit);
    }
    let hits = found
        .into_iter()
        .map(|(passage, score, bytes)| {
            let p = &index.passages[passage];
            let matches = matcher::to_char_ranges(&p.folded, bytes);
            let snippet = snippet::make(&p.text, &matches);
            Hit {
                passage,
                score,
                matches,
                snippet,
            }
        })
        .collect();
    Results {
        hits,
        per_document,
        total,
        occurrences,
    }
}

fn in_scope(index: &SearchIndex, p: &Passage, options: &SearchOptions) -> bool {
    let doc_ok = options
        .document
        .as_deref()
        .is_none_or(|d| index.documents[p.document] == d);
    let scope_ok = match options.scope {
        Scope::All => true,
        Scope::Body => p.kind != PassageKind::Note,
        Scope::Notes => p.kind == PassageKind::Note,
    };
    doc_ok && scope_ok
}
