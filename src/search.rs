//! The search engine as the app uses it: one [`Searcher`] per corpus, provided
//! as a context by the app root, running the core's search pipeline
//! (`lattice_core::search::pipeline`: parse → glossary expansion → search →
//! which form each hit matched) and turning results into what the pages show.
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
pub use lattice_core::search::Expansion;
use lattice_core::search::{pipeline, PassageKind, Query, Results, SearchIndex, Snippet};
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

impl FoundHit {
    /// Where in the document the hit lands: its block or note, or the top
    /// for a hit on the title, authors or keywords.
    pub fn anchor(&self) -> Option<String> {
        (!self.kind.is_metadata()).then(|| self.target.clone())
    }
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
            let index = SearchIndex::build(self.inner.corpus.documents().iter().map(|d| &**d));
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
        pipeline::prepare(&search.text, self.glossary(search))
    }

    fn glossary(&self, search: &SearchQuery) -> Option<&lattice_core::glossary::Glossary> {
        search.glossary.then(|| &**self.inner.corpus.glossary())
    }

    /// Run a search, keeping at most `limit` hits.
    pub fn run(&self, search: &SearchQuery, limit: Option<usize>) -> Found {
        let index = self.index();
        let started = now_ms();
        let outcome = pipeline::run(
            index,
            &search.text,
            self.glossary(search),
            &search.options(limit),
        );
        let hits = outcome
            .results
            .hits
            .iter()
            .map(|hit| FoundHit {
                note_label: (hit.kind == PassageKind::Note)
                    .then(|| self.note_label(&hit.document, &hit.target))
                    .flatten(),
                target: hit.target.clone(),
                kind: hit.kind,
                snippet: hit.snippet.clone(),
                matches: hit.matches.len(),
                expanded: hit.forms.clone(),
                document: hit.document.clone(),
            })
            .collect();
        Found {
            elapsed_ms: now_ms() - started,
            query: outcome.query,
            results: outcome.results,
            hits,
            expansions: outcome.expansions,
        }
    }

    /// Every match of a search in one document, in reading order, for the
    /// document page to mark.
    pub fn highlights(&self, document: &str, search: &SearchQuery) -> Highlights {
        let index = self.index();
        let mut options = search.options(None);
        options.document = Some(document.to_string());
        let mut hits = pipeline::run(index, &search.text, self.glossary(search), &options)
            .results
            .hits;
        lattice_core::sort::sort_by_key(&mut hits, |h| h.passage);
        let mut highlights = Highlights::new(&search.text);
        for hit in hits {
            highlights.push(&hit.target, hit.matches);
        }
        highlights
    }

    fn note_label(&self, document: &str, target: &str) -> Option<String> {
        let doc = self.inner.corpus.document(document)?;
        let note = doc.notes.iter().find(|n| n.id == target)?;
        Some(note.label.clone())
    }
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
