//! The search engine as the app uses it: one [`Searcher`] per corpus state,
//! provided as a context by the app root, running the core's search pipeline
//! (`lattice_core::search::pipeline`: parse → glossary expansion → search →
//! which form each hit matched) and turning results into what the pages show.
//!
//! **One index: the split one.** Every build writes the search index
//! ahead of time, split into content-hashed files (`corpus/<set>/search/`,
//! `lattice_core::search::split`) — a split corpus beside its other files, a
//! corpus embedded whole in a folder of its own (build.rs names it in
//! `LATTICE_SEARCH_SET`); the service worker precaches them with the rest.
//! The core's pure step `split::attempt` either answers from the index files
//! at hand or names the ones it needs next, which are fetched (through the
//! one byte reader, `crate::corpus::response_bytes`) and the step tried
//! again. So a search fetches the postings its terms need and the texts of
//! the hits it shows — never a document — and counts stay exact for the
//! whole corpus. Fetched files are kept in one [`Store`] for the app's life,
//! so further keystrokes and queries reuse them. Debug builds (component
//! tests, which have no server for files) embed the embedded corpus's index
//! files and start with them in the store. The app carries no in-memory
//! search of a whole corpus: a document opened from a hit is at hand, and
//! its matches are found in it alone (`lattice_core::search::matches_in`).
//!
//! A search over a split index can be waiting for files ([`Answer::Pending`])
//! or unable to run ([`Answer::Failed`]: a file failed to load or is
//! damaged); pages say so and offer [`Searcher::retry`], never "no results".

use crate::corpus::Corpus;
use crate::highlight::Highlights;
use crate::lazy::{Chunk, Load};
use crate::route::SearchQuery;
use lattice_core::catalogue::PER_PAGE;
use lattice_core::search::split::{self, Files, SplitError, Step, META};
pub use lattice_core::search::Expansion;
use lattice_core::search::{self, pipeline, PassageKind, Query, Results, Snippet};
use lattice_core::vec_map::{VecMap, VecSet};
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// The corpus's search engine; cheap to clone, compared by identity.
#[derive(Clone, Debug)]
pub struct Searcher {
    inner: Rc<Inner>,
}

#[derive(Debug)]
struct Inner {
    corpus: Corpus,
    store: Store,
}

/// The folder of an embedded corpus's search index (build.rs); empty when
/// the corpus is split (its index is in its own folder) or fetched.
const EMBEDDED_SET: &str = env!("LATTICE_SEARCH_SET");

/// A debug build's embedded search index files (build.rs's `seed`); empty
/// in a release build, which fetches them.
static SEEDED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/search.bin"));

/// The files of [`SEEDED`]: per file, its name and its bytes, each after
/// its length (u32, little-endian).
fn seeded() -> Files {
    fn piece(bytes: &[u8]) -> Option<(&[u8], &[u8])> {
        let (len, rest) = bytes.split_first_chunk::<4>()?;
        let len = u32::from_le_bytes(*len) as usize;
        (rest.len() >= len).then(|| rest.split_at(len))
    }
    let mut files = Files::default();
    let mut rest = SEEDED;
    while let Some((name, after)) = piece(rest) {
        let Some((bytes, after)) = piece(after) else {
            break;
        };
        files.insert(String::from_utf8_lossy(name).into_owned(), bytes.to_vec());
        rest = after;
    }
    files
}

impl PartialEq for Searcher {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.inner, &other.inner)
    }
}

/// The split index's files fetched so far, kept across queries and
/// keystrokes for the app's life; `changed` tells the app root that files
/// arrived or failed (it then makes a new [`Searcher`], so every search on
/// screen runs again).
#[derive(Clone)]
pub struct Store {
    state: Rc<RefCell<Fetching>>,
    changed: Callback<()>,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let s = self.state.borrow();
        write!(f, "Store({} files)", s.files.count())
    }
}

impl PartialEq for Store {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.state, &other.state)
    }
}

#[derive(Default)]
struct Fetching {
    files: Files,
    /// Names on their way, so none is requested twice.
    in_flight: VecSet<String>,
    /// Names that failed to load, with why (until a retry).
    failed: VecMap<String, String>,
    /// An answer found a file damaged: a retry starts afresh.
    damaged: bool,
}

impl Store {
    /// A store holding the files the build embedded (none in a release
    /// build); `changed` is called when files arrive or fail.
    pub fn new(changed: Callback<()>) -> Self {
        let fetching = Fetching {
            files: seeded(),
            ..Fetching::default()
        };
        Store {
            state: Rc::new(RefCell::new(fetching)),
            changed,
        }
    }

    /// How many index files were fetched, and their bytes.
    pub fn fetched(&self) -> (usize, usize) {
        let s = self.state.borrow();
        (s.files.count(), s.files.bytes())
    }
}

/// Where a search stands.
#[derive(Clone, Debug, PartialEq)]
pub enum Answer {
    /// The answer.
    Found(Found),
    /// Waiting for these index files (or, when empty, for the glossary).
    Pending(Vec<String>),
    /// It could not run: why.
    Failed(AttrValue),
}

/// What one search found, ready to show.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Found {
    /// The parsed (and possibly expanded) query.
    pub query: Query,
    /// The core's results: hits, totals, and hits per document for the
    /// shown hits' documents.
    pub results: Results,
    /// How many documents have hits.
    pub documents: usize,
    /// The shown hits, best first.
    pub hits: Vec<FoundHit>,
    /// Glossary forms the query was expanded with: (form, entry).
    pub expansions: Vec<Expansion>,
    /// Catalogue pages listing the shown hits' documents (their titles).
    pub pages: VecSet<usize>,
    /// How long the search took, in milliseconds (the last step, for a
    /// split index).
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
    /// The note's label, for a note: the index's texts carry it, so a hit
    /// is numbered before its document is fetched.
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
    /// An engine for this corpus, with the split index files fetched so far.
    pub fn new(corpus: Corpus, store: Store) -> Self {
        Searcher {
            inner: Rc::new(Inner { corpus, store }),
        }
    }

    /// The corpus searched.
    pub fn corpus(&self) -> &Corpus {
        &self.inner.corpus
    }

    /// The folder of the search index's files (`corpus/<set>/search/`):
    /// the split corpus's own, or the one build.rs wrote for an embedded
    /// corpus; `None` for a build with neither.
    fn set(&self) -> Option<&str> {
        self.inner
            .corpus
            .set()
            .or((!EMBEDDED_SET.is_empty()).then_some(EMBEDDED_SET))
    }

    /// Get ready for a first search: fetch the folding table and the
    /// index's meta file.
    pub fn warm(&self) {
        self.fetch(vec![META.to_string()]);
    }

    /// How many split index files were fetched so far, and their bytes.
    pub fn fetched(&self) -> (usize, usize) {
        self.inner.store.fetched()
    }

    /// Parse `search.text`, expand it with the glossary unless switched off.
    pub fn parse(&self, search: &SearchQuery) -> Query {
        pipeline::prepare(&search.text, self.glossary(search))
    }

    fn glossary(&self, search: &SearchQuery) -> Option<&lattice_core::glossary::Glossary> {
        search.glossary.then(|| &**self.inner.corpus.glossary())
    }

    /// Run a search, keeping at most `limit` hits.
    pub fn run(&self, search: &SearchQuery, limit: Option<usize>) -> Answer {
        if self.set().is_none() {
            return Answer::Failed("this build has no search index".into());
        }
        // Folding needs the Traditional→Simplified table (fetched on first
        // use); expansion needs the glossary, which the corpus fetches for
        // search. Without either a search would find less: it waits.
        if !crate::fold_table::ready() {
            return match crate::fold_table::failure() {
                Some(why) => Answer::Failed(why.into()),
                None => Answer::Pending(Vec::new()),
            };
        }
        if search.glossary && !self.inner.corpus.has_glossary() {
            return Answer::Pending(Vec::new());
        }
        // The engine (parsing, expansion, the split index's step) is a
        // chunk of its own (crate::lazy), fetched with the first search.
        match crate::lazy::state(Chunk::Engine) {
            Load::Ready => {}
            Load::Failed => return Answer::Failed(crate::lazy::UNLOADED.into()),
            Load::Idle | Load::Loading => return Answer::Pending(Vec::new()),
        }
        let started = now_ms();
        let mut state = self.inner.store.state.borrow_mut();
        let Some(step) = crate::lazy::engine(
            &state.files,
            &search.text,
            self.glossary(search),
            &search.options(limit),
        ) else {
            return Answer::Pending(Vec::new());
        };
        match step {
            Ok(Stepped::Found(found)) => Answer::Found(Found {
                elapsed_ms: now_ms() - started,
                ..found
            }),
            Ok(Stepped::Fetch(names)) => match names.iter().find_map(|n| state.failed.get(n)) {
                Some(reason) => Answer::Failed(reason.clone().into()),
                None => Answer::Pending(names),
            },
            Err(e) => {
                state.damaged =
                    matches!(e, SplitError::Damaged { .. } | SplitError::Version { .. });
                Answer::Failed(e.to_string().into())
            }
        }
    }

    /// Fetch these split index files (those not at hand, not on their way
    /// and not failed), all at once; the app root hears when they are in.
    /// The folding table too, unless it is in place.
    pub fn fetch(&self, names: Vec<String>) {
        crate::fold_table::load(self.inner.store.changed.clone());
        // The engine's chunk, unless it failed: like a failed index file,
        // it is fetched again only on [`Searcher::retry`].
        if crate::lazy::state(Chunk::Engine) == Load::Idle {
            let changed = self.inner.store.changed.clone();
            crate::lazy::preload(Chunk::Engine, Callback::from(move |_| changed.emit(())));
            // The code that reads the glossary's lexicon (glossary.bin),
            // with which the engine expands the query's terms: fetched
            // beside the engine.
            crate::lazy::preload(Chunk::Lexicon, Callback::noop());
        }
        let Some(set) = self.set() else {
            return;
        };
        let fresh: Vec<String> = {
            let mut state = self.inner.store.state.borrow_mut();
            let fresh: Vec<String> = names
                .into_iter()
                .filter(|n| state.files.get(n).is_none() && !state.failed.contains_key(n))
                .collect::<VecSet<_>>()
                .into_iter()
                .filter(|n| !state.in_flight.contains(n))
                .collect();
            state.in_flight.extend(fresh.iter().cloned());
            fresh
        };
        if fresh.is_empty() {
            return;
        }
        let store = self.inner.store.clone();
        let set = set.to_string();
        wasm_bindgen_futures::spawn_local(async move {
            let window = gloo::utils::window();
            let requests: Vec<_> = fresh
                .iter()
                .map(|name| {
                    let path = format!("corpus/{}", split::search_path(&set, name));
                    wasm_bindgen_futures::JsFuture::from(window.fetch_with_str(&path))
                })
                .collect();
            for (name, request) in fresh.iter().zip(requests) {
                let got = crate::corpus::response_bytes(request).await;
                let mut state = store.state.borrow_mut();
                state.in_flight.remove(name);
                match got {
                    Ok(bytes) => state.files.insert(name.clone(), bytes),
                    Err(why) => {
                        let reason = format!("corpus/{}: {why}", split::search_path(&set, name));
                        state.failed.insert(name.clone(), reason);
                    }
                }
            }
            store.changed.emit(());
        });
    }

    /// Try again after a failure: forget the failed files (and, after a
    /// damaged one, every file, since which one is damaged is not always
    /// known) and run every search on screen again.
    pub fn retry(&self) {
        crate::fold_table::retry();
        if crate::lazy::state(Chunk::Engine) == Load::Failed {
            let changed = self.inner.store.changed.clone();
            crate::lazy::preload(Chunk::Engine, Callback::from(move |_| changed.emit(())));
        }
        let mut state = self.inner.store.state.borrow_mut();
        state.failed.clear();
        if std::mem::take(&mut state.damaged) {
            state.files = seeded();
        }
        drop(state);
        self.inner.store.changed.emit(());
    }

    /// Every match of a search in one document, in reading order, for the
    /// document page to mark: found in the document alone (it is at hand to
    /// be shown), with the same query as the search; none until it and the
    /// folding table are ([`Searcher::warm`] fetches the table).
    pub fn highlights(&self, document: &str, search: &SearchQuery) -> Highlights {
        let mut highlights = Highlights::default();
        if !crate::fold_table::ready() {
            return highlights;
        }
        if let Some(doc) = self.inner.corpus.document(document) {
            let query = self.parse(search);
            for (target, ranges) in search::matches_in(&doc, &query, search.options(None).scope) {
                highlights.push(&target, ranges);
            }
        }
        highlights
    }
}

/// What the engine's step gives: what a search found (all but the time it
/// took), or the index files it needs next.
pub enum Stepped {
    /// The answer.
    Found(Found),
    /// Fetch these files, then run again.
    Fetch(Vec<String>),
}

/// Parse `text`, expand it with `glossary`, attempt it on `files` and, when
/// it is answered, make the answer what the pages show: the whole engine,
/// called only from its chunk's split point (crate::lazy), so none of it is
/// in the first load.
pub fn engine(
    files: &Files,
    text: &str,
    glossary: Option<&lattice_core::glossary::Glossary>,
    options: &search::SearchOptions,
) -> Result<Stepped, SplitError> {
    let query = pipeline::prepare(text, glossary);
    let expansions = pipeline::expansions(&query);
    if query.is_empty() {
        return Ok(Stepped::Found(Found {
            query,
            expansions,
            ..Found::default()
        }));
    }
    let split = match split::attempt(files, &query, options, false)? {
        Step::Done(split) => split,
        Step::Fetch(names) => return Ok(Stepped::Fetch(names)),
    };
    let mut results = split.results;
    // Hits per document for the shown hits' documents (the counts of
    // every document are by number; only these ids are known).
    let counts: VecMap<usize, usize> = split.per_document.iter().copied().collect();
    let mut per_document: Vec<(String, usize)> = Vec::new();
    for (hit, d) in results.hits.iter().zip(&split.documents) {
        if !per_document.iter().any(|(id, _)| *id == hit.document) {
            per_document.push((hit.document.clone(), counts.get(d).copied().unwrap_or(0)));
        }
    }
    results.per_document = per_document;
    let hits = found_hits(&results);
    Ok(Stepped::Found(Found {
        elapsed_ms: 0.0,
        documents: split.per_document.len(),
        query,
        results,
        hits,
        expansions,
        pages: split.documents.iter().map(|d| d / PER_PAGE).collect(),
    }))
}

/// The shown hits, as the pages show them.
fn found_hits(results: &Results) -> Vec<FoundHit> {
    results
        .hits
        .iter()
        .map(|hit| FoundHit {
            note_label: hit.label.clone(),
            target: hit.target.clone(),
            kind: hit.kind,
            snippet: hit.snippet.clone(),
            matches: hit.matches.len(),
            expanded: hit.forms.clone(),
            document: hit.document.clone(),
        })
        .collect()
}

/// Catalogue pages wanted in the background (the titles of shown hits),
/// provided by the app root to the search views.
#[derive(Clone, PartialEq)]
pub struct TitlePages(pub Callback<VecSet<usize>>);

/// A search as a view runs it: `None` while `active` is off; otherwise the
/// answer, fetching the index files it needs and the catalogue pages of its
/// hits' titles.
#[hook]
pub fn use_search(search: &SearchQuery, limit: usize, active: bool) -> Rc<Option<Answer>> {
    let searcher = use_context::<Searcher>().expect("App provides the searcher");
    let answer = use_memo(
        (searcher.clone(), search.clone(), limit, active),
        |(searcher, search, limit, active)| active.then(|| searcher.run(search, Some(*limit))),
    );
    let (pending, pages) = match answer.as_ref() {
        Some(Answer::Pending(names)) => (names.clone(), VecSet::new()),
        Some(Answer::Found(found)) => (Vec::new(), found.pages.clone()),
        _ => (Vec::new(), VecSet::new()),
    };
    let waiting = matches!(answer.as_ref(), Some(Answer::Pending(_)));
    use_effect_with(
        (searcher, pending, waiting),
        |(searcher, names, waiting)| {
            if *waiting {
                searcher.fetch(names.clone());
            }
        },
    );
    let titles = use_context::<TitlePages>();
    use_effect_with(pages, move |pages| {
        if let Some(TitlePages(want)) = titles {
            if !pages.is_empty() {
                want.emit(pages.clone());
            }
        }
    });
    answer
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
