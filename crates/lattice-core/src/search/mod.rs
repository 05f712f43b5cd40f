//! Full-text search that finds every occurrence of what the reader typed,
//! however they typed it, and nothing else.
//!
//! Chinese has no spaces, so nothing here segments words: the corpus and the
//! query are [folded](crate::fold) (full-width → half-width, case, Traditional
//! → Simplified) and matched as exact substrings. Latin forms must start at a
//! word start (`aukus` finds `SSN-AUKUS`, `ukus` does not). Space-separated
//! clauses must all appear in one passage; quotes make a phrase; `OR` offers
//! alternatives; `-word` excludes. A clause can carry alternatives (its
//! glossary forms), any one of which matches.
//!
//! Because folding maps one character to one character, every match is a
//! character range of the passage's plain text, so the app highlights the
//! exact original characters.
//!
//! [`pipeline`] is the one way from typed text to results (parse → glossary
//! expansion → search → which form each hit matched), over the in-memory
//! [`SearchIndex`] here or the split index built ahead of time
//! ([`split`]).

mod expand;
mod in_document;
mod index;
mod matcher;
pub mod pipeline;
mod query;
mod rank;
mod snippet;
pub mod split;

pub use crate::script::is_spaced_word_char;
pub use expand::expand;
pub use in_document::matches_in;
pub use index::{Passage, PassageKind, SearchIndex};
pub use pipeline::{run, Outcome};
pub use query::{
    parse_query, Alternative, Alternatives, Clause, Query, MAX_ALTERNATIVES, MAX_QUERY_CHARS,
    MAX_TERMS,
};
pub use snippet::Snippet;

use serde::{Deserialize, Serialize};
use std::ops::Range;

/// Which passages to search.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchOptions {
    /// Only this document (by id).
    pub document: Option<String>,
    /// Only body text (metadata, headings and paragraphs) or only notes.
    pub scope: Scope,
    /// At most this many hits (ranked); `None` for all.
    pub limit: Option<usize>,
}

/// Body text, notes, or both.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Scope {
    /// Everything.
    #[default]
    All,
    /// Title, authors, keywords, headings and paragraphs.
    Body,
    /// Note texts.
    Notes,
}

impl Scope {
    /// Whether a passage of this kind is searched.
    pub fn admits(self, kind: PassageKind) -> bool {
        match self {
            Scope::All => true,
            Scope::Body => kind != PassageKind::Note,
            Scope::Notes => kind == PassageKind::Note,
        }
    }
}

/// A glossary form a clause also matched, and the entry it came from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Expansion {
    /// The form (`魯比歐`).
    pub form: String,
    /// The glossary entry's English form (`Marco Rubio`).
    pub via: String,
}

/// One passage that matches every required clause and no excluded one.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Hit {
    /// The passage's number, in corpus order (for the in-memory index, its
    /// index in [`SearchIndex::passages`]).
    pub passage: usize,
    /// The document's id.
    pub document: String,
    /// The block, note or metadata id (`p3`, `n7`, `title`).
    pub target: String,
    /// What kind of passage it is.
    pub kind: PassageKind,
    /// The note's label (`12`, `*`), for a hit in a note; `None` otherwise.
    pub label: Option<String>,
    /// Relevance; higher first (metadata before text whatever the score).
    pub score: f32,
    /// Every match, as character ranges of the passage's plain text, in order.
    pub matches: Vec<Range<usize>>,
    /// A window of the passage around the first match.
    pub snippet: Snippet,
    /// Glossary forms (not what was typed) among the matches.
    pub forms: Vec<Expansion>,
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

/// A matching passage before hits are made: what ranking and counting need.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Candidate {
    pub(crate) passage: usize,
    pub(crate) document: usize,
    pub(crate) kind: PassageKind,
    pub(crate) score: f32,
    pub(crate) occurrences: usize,
}

/// Counts of matching passages (in corpus order) and the best of them,
/// ranked and cut to the limit: the part of a search both index forms share.
pub(crate) struct Tally {
    pub(crate) best: Vec<Candidate>,
    /// (document number, hits), in corpus order.
    pub(crate) per_document: Vec<(usize, usize)>,
    pub(crate) total: usize,
    pub(crate) occurrences: usize,
}

pub(crate) fn tally(mut found: Vec<Candidate>, limit: Option<usize>) -> Tally {
    let mut per_document: Vec<(usize, usize)> = Vec::new();
    let mut occurrences = 0;
    for c in &found {
        occurrences += c.occurrences;
        match per_document.last_mut() {
            Some((d, n)) if *d == c.document => *n += 1,
            _ => per_document.push((c.document, 1)),
        }
    }
    let total = found.len();
    let key = |c: &Candidate| (c.kind, c.score, c.passage);
    match limit {
        Some(limit) if limit < found.len() => {
            if limit > 0 {
                found.select_nth_unstable_by(limit - 1, |a, b| rank::order(key(a), key(b)));
            }
            found.truncate(limit);
        }
        _ => {}
    }
    crate::sort::sort_by(&mut found, |a, b| rank::order(key(a), key(b)));
    Tally {
        best: found,
        per_document,
        total,
        occurrences,
    }
}

/// The glossary forms among a hit's matches (each match with the form that
/// matched it).
pub(crate) fn forms_in(
    query: &Query,
    forms: impl Iterator<Item = matcher::Form>,
) -> Vec<Expansion> {
    let mut out: Vec<Expansion> = Vec::new();
    for (clause, alt) in forms {
        let Some(a) = query
            .clauses
            .get(clause)
            .and_then(|c| c.alternatives.get(alt))
        else {
            continue;
        };
        if let Some(via) = &a.via {
            let e = Expansion {
                form: a.display.clone(),
                via: via.clone(),
            };
            if !out.contains(&e) {
                out.push(e);
            }
        }
    }
    out
}

/// Run a parsed query over the in-memory index.
pub fn search(index: &SearchIndex, query: &Query, options: &SearchOptions) -> Results {
    if query.is_empty() {
        return Results::default();
    }
    // First pass: which passages match, how well, and how often. Character
    // ranges and snippets are only worked out for the hits that are shown.
    let mut found: Vec<Candidate> = Vec::new();
    for (i, p) in index.passages.iter().enumerate() {
        if !in_scope(index, p, options) {
            continue;
        }
        let Some(per_clause) = matcher::match_all(&p.folded, query) else {
            continue;
        };
        let tf: Vec<usize> = per_clause.iter().map(Vec::len).collect();
        let score = rank::score(index.mean_chars, p.chars, p.kind, query, &tf);
        let mut all: Vec<(usize, usize)> = per_clause
            .iter()
            .flatten()
            .map(|m| (m.start, m.len))
            .collect();
        crate::sort::sort(&mut all);
        all.dedup();
        found.push(Candidate {
            passage: i,
            document: p.document,
            kind: p.kind,
            score,
            occurrences: all.len(),
        });
    }
    let tally = tally(found, options.limit);
    let hits = tally
        .best
        .iter()
        .map(|c| {
            let p = &index.passages[c.passage];
            let per_clause = matcher::match_all(&p.folded, query).unwrap_or_default();
            let ranged =
                matcher::to_char_ranges(&p.folded, per_clause.into_iter().flatten().collect());
            let forms = forms_in(query, ranged.iter().map(|(_, f)| *f));
            let matches: Vec<Range<usize>> = ranged.into_iter().map(|(r, _)| r).collect();
            Hit {
                passage: c.passage,
                document: index.documents[p.document].clone(),
                target: p.target.clone(),
                kind: p.kind,
                label: p.label.clone(),
                score: c.score,
                snippet: snippet::make(&p.text, &matches),
                matches,
                forms,
            }
        })
        .collect();
    Results {
        hits,
        per_document: tally
            .per_document
            .into_iter()
            .map(|(d, n)| (index.documents[d].clone(), n))
            .collect(),
        total: tally.total,
        occurrences: tally.occurrences,
    }
}

fn in_scope(index: &SearchIndex, p: &Passage, options: &SearchOptions) -> bool {
    let doc_ok = options
        .document
        .as_deref()
        .is_none_or(|d| index.documents[p.document] == d);
    doc_ok && options.scope.admits(p.kind)
}
