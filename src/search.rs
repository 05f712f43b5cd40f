//! The search engine as the app uses it: one [`Searcher`] per corpus, provided
//! as a context by the app root, running the core's `parse_query` → `expand`
//! → `search` and turning results into what the pages show.
//!
//! **The index is built in the browser, lazily, on first use** (the search
//! box's first focus or the first search), not bundled. The index is only
//! the passages' plain and folded text, so bundling it would roughly double
//! the corpus part of the download for every reader, search or not; building
//! it from the already decoded documents takes 3–6 ms once on the real
//! corpus (release build, headless Chromium, measured with
//! `performance.now()`; [`Searcher::build_ms`] reports it, and the results
//! page shows it in `data-index-ms`), less than a bundled index would take to
//! download and decode.

use crate::corpus::Corpus;
use crate::highlight::Highlights;
use crate::route::SearchQuery;
use lattice_core::search::{
    expand, parse_query, search as run_search, PassageKind, Query, Results, SearchIndex, Snippet,
};
use lattice_core::Document;
use std::cell::{Cell, OnceCell};
use std::rc::Rc;

/// The corpus's search engine; cheap to clone, compared by identity.
#[derive(Clone, Debug)]
pub struct Searcher {
    inner: Rc<Inner>,
}

#[derive(Debug)]
struct Inner {
    corpus: Corpus,
    index: OnceCell<SearchIndex>,
    build_ms: Cell<Option<f64>>,
}

impl PartialEq for Searcher {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.inner, &other.inner)
    }
}

/// What one search found, ready to show.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Found {
    /// The parsed (and possibly expanded) query.
    pub query: Query,
    /// The core's results (counts per document, totals).
    pub results: Results,
    /// The shown hits, best first.
    pub hits: Vec<FoundHit>,
    /// Glossary forms the query was expanded with: (form, entry).
    pub expansions: Vec<Expansion>,
    /// How long the search took, in milliseconds.
    pub elapsed_ms: f64,
}

/// A glossary form a term also matched, and the entry it came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Expansion {
    /// The form (`魯比歐`).
    pub form: String,
    /// The glossary entry's English form (`Marco Rubio`).
    pub via: String,
}

/// One shown hit.
#[derive(Clone, Debug, PartialEq)]
pub struct FoundHit {
    /// The document's id.
    pub document: String,
    /// The block or note id (`p3`, `n7`).
    pub target: String,
    /// Heading, paragraph or note.
    pub kind: PassageKind,
    /// The note's label, for a note.
    pub note_label: Option<String>,
    /// The window of text around the first match, matches marked.
    pub snippet: Snippet,
    /// How many matches the passage has.
    pub matches: usize,
    /// Glossary forms (not what was typed) among this hit's matches.
    pub expanded: Vec<Expansion>,
}

impl Searcher {
    /// An engine for this corpus; builds nothing yet.
    pub fn new(corpus: Corpus) -> Self {
        Searcher {
            inner: Rc::new(Inner {
                corpus,
                index: OnceCell::new(),
                build_ms: Cell::new(None),
            }),
        }
    }

    /// The corpus searched.
    pub fn corpus(&self) -> &Corpus {
        &self.inner.corpus
    }

    /// The index, built (and timed) on the first call.
    pub fn index(&self) -> &SearchIndex {
        self.inner.index.get_or_init(|| {
            let started = now_ms();
            let documents: Vec<Document> = self
                .inner
                .corpus
                .documents()
                .iter()
                .map(|d| Document::clone(d))
                .collect();
            let index = SearchIndex::build(&documents);
            self.inner.build_ms.set(Some(now_ms() - started));
            index
        })
    }

    /// How long building the index took, once it has been built.
    pub fn build_ms(&self) -> Option<f64> {
        self.inner.build_ms.get()
    }

    /// Parse `search.text`, expand it with the glossary unless switched off.
    pub fn parse(&self, search: &SearchQuery) -> Query {
        let mut query = parse_query(&search.text);
        if search.glossary {
            expand(&mut query, self.inner.corpus.glossary());
        }
        query
    }

    /// Run a search, keeping at most `limit` hits.
    pub fn run(&self, search: &SearchQuery, limit: Option<usize>) -> Found {
        let index = self.index();
        let started = now_ms();
        let query = self.parse(search);
        let results = run_search(index, &query, &search.options(limit));
        let hits = results
            .hits
            .iter()
            .map(|hit| {
                let p = &index.passages[hit.passage];
                let document = index.documents[p.document].clone();
                let note_label = (p.kind == PassageKind::Note)
                    .then(|| self.note_label(&document, &p.target))
                    .flatten();
                FoundHit {
                    target: p.target.clone(),
                    kind: p.kind,
                    note_label,
                    snippet: hit.snippet.clone(),
                    matches: hit.matches.len(),
                    expanded: expanded_in(&query, &p.text, &hit.matches),
                    document,
                }
            })
            .collect();
        let expansions = expansions(&query);
        Found {
            elapsed_ms: now_ms() - started,
            query,
            results,
            hits,
            expansions,
        }
    }

    /// Every match of a search in one document, in reading order, for the
    /// document page to mark.
    pub fn highlights(&self, document: &str, search: &SearchQuery) -> Highlights {
        let index = self.index();
        let query = self.parse(search);
        let mut options = search.options(None);
        options.document = Some(document.to_string());
        let mut hits = run_search(index, &query, &options).hits;
        hits.sort_by_key(|h| h.passage);
        let mut highlights = Highlights::new(&search.text);
        for hit in hits {
            highlights.push(&index.passages[hit.passage].target, hit.matches);
        }
        highlights
    }

    fn note_label(&self, document: &str, target: &str) -> Option<String> {
        let doc = self.inner.corpus.document(document)?;
        let note = doc.notes.iter().find(|n| n.id == target)?;
        Some(note.label.clone())
    }
}

/// Every glossary form the query was expanded with.
fn expansions(query: &Query) -> Vec<Expansion> {
    let mut out: Vec<Expansion> = Vec::new();
    for alt in query.terms.iter().flat_map(|t| &t.alternatives) {
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

/// The glossary forms among a passage's matches: a match whose folded text
/// is an expanded alternative (folding is one character to one, so the
/// match's characters fold exactly as the passage's folded text does).
fn expanded_in(query: &Query, text: &str, matches: &[std::ops::Range<usize>]) -> Vec<Expansion> {
    let mut out: Vec<Expansion> = Vec::new();
    if !query
        .terms
        .iter()
        .any(|t| t.alternatives.iter().any(|a| a.via.is_some()))
    {
        return out;
    }
    let chars: Vec<char> = text.chars().collect();
    for m in matches {
        let Some(slice) = chars.get(m.clone()) else {
            continue;
        };
        let folded = lattice_core::fold::fold(&slice.iter().collect::<String>());
        let typed = query.terms.iter().any(|t| {
            t.alternatives
                .iter()
                .any(|a| a.via.is_none() && a.folded == folded)
        });
        if typed {
            continue;
        }
        let alt = query
            .terms
            .iter()
            .flat_map(|t| &t.alternatives)
            .find(|a| a.via.is_some() && a.folded == folded);
        if let Some(alt) = alt {
            let e = Expansion {
                form: alt.display.clone(),
                via: alt.via.clone().unwrap_or_default(),
            };
            if !out.contains(&e) {
                out.push(e);
            }
        }
    }
    out
}

/// `value` with `places` decimals (`fixed(3.14159, 2)` is `3.14`), by integer
/// arithmetic: the app formats no float, which keeps Rust's float formatter
/// (kilobytes of wasm) out of the download.
pub fn fixed(value: f64, places: u32) -> String {
    let scale = 10i64.pow(places.min(6));
    let scaled = (value * scale as f64).round() as i64;
    let sign = if scaled < 0 { "-" } else { "" };
    let n = scaled.unsigned_abs();
    let scale = scale as u64;
    if scale == 1 {
        return format!("{sign}{n}");
    }
    let width = places.min(6) as usize;
    format!("{sign}{}.{:0width$}", n / scale, n % scale)
}

/// Milliseconds from the page's time origin (0 outside a browser window).
pub fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}
