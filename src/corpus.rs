//! The corpus as the build embedded it: build.rs parsed `corpus/` and wrote a
//! postcard [`Head`]; this module decodes it once at start-up, fetches what
//! the head leaves out as routes need it, and hands documents around cheaply
//! (reference-counted, compared by pointer).
//!
//! A small corpus is embedded whole and never fetches anything. A large one
//! (see build.rs and `lattice_core::layout`) embeds only the first page of
//! the library's catalogue; documents, the other catalogue pages and the
//! glossary are files under `corpus/` beside index.html, fetched the first
//! time a route needs them ([`use_corpus_for`]) and precached by the service
//! worker for offline reading. So the first load costs the same whatever the
//! corpus size. Which files a route needs is decided in `crate::fetch_plan`
//! (pure, tested natively); this module does the fetching and decoding.
//!
//! The glossary is held in the parts a split corpus serves it in
//! (`lattice_core::glossary::lexicon`): the terms (the lexicon), each
//! document's own uses (from its file), and the uses by term in chunks,
//! fetched only by the pages that list them ([`WantUses`]). A corpus
//! embedded whole is split the same way at start, so every page reads the
//! glossary one way.

use crate::fetch_plan::{self, Held, InFlight, Want};
use crate::route::Route;
use gloo::events::EventListener;
use lattice_core::catalogue::{self, Entry, Page};
use lattice_core::glossary::lexicon::{self, ChunkRef, DocumentTerms, DocumentUses, UsesChunk};
use lattice_core::glossary::Glossary;
#[cfg(lattice_split_head)]
use lattice_core::layout::Peek;
use lattice_core::layout::{FileKind, Head, Layout, Part};
use lattice_core::vec_map::{VecMap, VecSet};
use lattice_core::{Bundle, Document};
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

/// The encoded head written by build.rs.
static EMBEDDED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/corpus.bin"));

/// The library's documents: their catalogue entries, and the documents
/// themselves as far as they are at hand.
#[derive(Clone, Debug)]
pub struct Corpus {
    /// Catalogue pages by number; `None` until fetched.
    pages: Rc<[Option<Entries>]>,
    /// How many documents the catalogue lists.
    total: usize,
    /// The documents at hand, whole, ordered by id.
    documents: Rc<[Rc<Document>]>,
    /// The curated glossary's terms, without their uses (search expands
    /// terms with it); empty until fetched when the corpus is split.
    glossary: Rc<Glossary>,
    /// Where the terms' uses are, in chunks.
    chunks: Rc<[ChunkRef]>,
    /// Whether the glossary's terms are at hand.
    has_glossary: bool,
    /// The documents at hand's uses of the terms, by document id.
    terms: Rc<HashMap<String, Rc<DocumentTerms>>>,
    /// The chunks of uses at hand, by index.
    uses: Rc<VecMap<usize, Rc<UsesChunk>>>,
    /// Chunks of uses that failed to load or are damaged, with why, until
    /// they are asked for again ([`WantUses`]).
    uses_failed: Rc<VecMap<usize, AttrValue>>,
    /// Ids the server has no document file for (a deep link to a document
    /// that does not exist).
    missing: Rc<VecSet<String>>,
    /// The folder of the split corpus's files; `None` when embedded whole.
    set: Option<Rc<str>>,
}

/// By identity: every change makes a new `Rc` of what changed, so props
/// holding a `Corpus` compare in constant time, and no document, glossary
/// or catalogue is ever compared by content (which would also put the
/// model's comparisons, kilobytes of wasm, in the first load).
impl PartialEq for Corpus {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.pages, &other.pages)
            && self.total == other.total
            && Rc::ptr_eq(&self.documents, &other.documents)
            && Rc::ptr_eq(&self.glossary, &other.glossary)
            && Rc::ptr_eq(&self.chunks, &other.chunks)
            && self.has_glossary == other.has_glossary
            && Rc::ptr_eq(&self.terms, &other.terms)
            && Rc::ptr_eq(&self.uses, &other.uses)
            && Rc::ptr_eq(&self.uses_failed, &other.uses_failed)
            && Rc::ptr_eq(&self.missing, &other.missing)
            && self.set == other.set
    }
}

impl Corpus {
    /// The head embedded at build time, read as [`Corpus::open`] reads
    /// any head.
    pub fn embedded() -> Result<Self, String> {
        Corpus::open(EMBEDDED)
    }

    /// The documents at hand, in id order: all of them once
    /// [`is_complete`](Self::is_complete).
    pub fn documents(&self) -> &[Rc<Document>] {
        &self.documents
    }

    /// The document with this id, when it is at hand.
    pub fn document(&self, id: &str) -> Option<Rc<Document>> {
        self.documents
            .binary_search_by(|d| d.id.as_str().cmp(id))
            .ok()
            .map(|i| self.documents[i].clone())
    }

    /// The glossary of the whole corpus: its terms, without their uses
    /// (see [`Corpus::term_uses`]).
    pub fn glossary(&self) -> &Rc<Glossary> {
        &self.glossary
    }

    /// A document's uses of the glossary's terms (its marks), once the
    /// document is at hand.
    pub fn document_terms(&self, id: &str) -> Rc<DocumentTerms> {
        self.terms.get(id).cloned().unwrap_or_default()
    }

    /// The uses of term `term` (its glossary index) at hand: those of its
    /// chunks from the first up to the first not at hand, which is `more`.
    pub fn term_uses(&self, term: usize) -> TermUses<'_> {
        let mut documents = Vec::new();
        let mut more = None;
        for chunk in self.chunks_of(term) {
            match self.uses.get(&chunk) {
                Some(c) => documents.extend(c.piece(term).into_iter().flat_map(|p| &p.documents)),
                None => {
                    more = Some(chunk);
                    break;
                }
            }
        }
        TermUses { documents, more }
    }

    /// Why chunk `chunk` of the glossary's uses could not be had (it failed
    /// to load or is damaged); `None` unless it failed and was not asked
    /// for again since.
    pub fn uses_failure(&self, chunk: usize) -> Option<&AttrValue> {
        self.uses_failed.get(&chunk)
    }

    /// The chunks of uses holding term `term`'s, in order.
    fn chunks_of(&self, term: usize) -> std::ops::Range<usize> {
        lexicon::chunks_of(&self.chunks, &self.glossary.terms, term)
    }

    /// Whether the glossary is at hand (a split corpus fetches it).
    pub fn has_glossary(&self) -> bool {
        self.has_glossary
    }

    /// How many documents the library holds.
    pub fn total(&self) -> usize {
        self.total
    }

    /// How many pages the library is shown in.
    pub fn page_count(&self) -> usize {
        self.pages.len()
    }

    /// The entries of library page `number` (from 0), when at hand.
    pub fn page(&self, number: usize) -> Option<&[Rc<Entry>]> {
        self.pages.get(number)?.as_deref()
    }

    /// The folder of the split corpus's files (`corpus/<set>/`); `None`
    /// when the corpus is embedded whole.
    pub fn set(&self) -> Option<&str> {
        self.set.as_deref()
    }

    /// Every catalogue entry at hand, in order.
    pub fn entries(&self) -> impl Iterator<Item = &Rc<Entry>> {
        self.pages.iter().flatten().flat_map(|p| p.iter())
    }

    /// A document's title, from its entry or the document itself.
    pub fn title(&self, id: &str) -> Option<String> {
        match self.entries().find(|e| e.id == id) {
            Some(entry) => Some(entry.title.clone()),
            None => self.document(id).map(|d| d.meta.title.clone()),
        }
    }

    /// Whether every document's text and the glossary are at hand.
    pub fn is_complete(&self) -> bool {
        self.set.is_none()
            || (self.has_glossary
                && self.uses.len() >= self.chunks.len()
                && self.pages.iter().all(Option::is_some)
                && self.documents.len() >= self.total)
    }

    /// This corpus with these fetched parts in place.
    fn with(&self, arrived: Vec<Arrival>) -> Corpus {
        let mut next = self.clone();
        let mut pages = self.pages.to_vec();
        let mut documents = self.documents.to_vec();
        let mut missing = (*self.missing).clone();
        let mut terms = (*self.terms).clone();
        let mut uses = (*self.uses).clone();
        let mut uses_failed = (*self.uses_failed).clone();
        for arrival in arrived {
            match arrival {
                Arrival::Part(Part::Catalogue(page)) => {
                    if let Some(slot) = pages.get_mut(page.number as usize) {
                        *slot = Some(entries(page));
                    }
                }
                Arrival::Part(Part::Glossary(lexicon)) => {
                    next.glossary = Rc::new(lexicon.glossary);
                    next.chunks = lexicon.chunks.into();
                    next.has_glossary = true;
                }
                Arrival::Uses(index, chunk) => {
                    uses_failed.remove(&index);
                    uses.insert(index, Rc::new(chunk));
                }
                Arrival::UsesFailed(index, why) => {
                    uses_failed.insert(index, why.into());
                }
                Arrival::UsesAgain(index) => {
                    uses_failed.remove(&index);
                }
                // A chunk arrives as `Arrival::Uses`, with its index.
                Arrival::Part(Part::Uses(_)) => {}
                Arrival::Part(Part::Document(doc, its_terms)) => {
                    terms.insert(doc.id.clone(), Rc::new(its_terms));
                    match documents.binary_search_by(|d| d.id.cmp(&doc.id)) {
                        Ok(i) => documents[i] = Rc::new(*doc),
                        Err(i) => documents.insert(i, Rc::new(*doc)),
                    }
                }
                Arrival::Missing(id) => {
                    missing.insert(id);
                }
            }
        }
        next.pages = pages.into();
        next.documents = documents.into();
        next.missing = Rc::new(missing);
        next.terms = Rc::new(terms);
        next.uses = Rc::new(uses);
        next.uses_failed = Rc::new(uses_failed);
        next
    }
}

impl Held for Corpus {
    fn set(&self) -> Option<&str> {
        self.set.as_deref()
    }
    fn page_count(&self) -> usize {
        self.pages.len()
    }
    fn has_page(&self, number: usize) -> bool {
        matches!(self.pages.get(number), Some(Some(_)))
    }
    fn has_glossary(&self) -> bool {
        self.has_glossary
    }
    fn knows_document(&self, id: &str) -> bool {
        self.missing.contains(id) || self.document(id).is_some()
    }
    fn entry_documents(&self, term: &str) -> Vec<(String, usize)> {
        let Some(index) = self.term_index(term) else {
            return Vec::new();
        };
        // The uses in the term's first chunk: what the entry page shows
        // before the reader asks for more.
        let Some(first) = self.chunks_of(index).next() else {
            return Vec::new();
        };
        let mut seen = VecSet::new();
        self.uses
            .get(&first)
            .and_then(|c| c.piece(index))
            .map(|p| {
                p.documents
                    .iter()
                    .filter(|d| seen.insert(d.doc.as_str()))
                    .map(|d| (d.doc.clone(), d.ordinal as usize))
                    .collect()
            })
            .unwrap_or_default()
    }
    fn entry_uses(&self, term: &str) -> Option<usize> {
        let first = self.chunks_of(self.term_index(term)?).next()?;
        (!self.uses.contains_key(&first)).then_some(first)
    }
    fn has_uses(&self, chunk: usize) -> bool {
        self.uses.contains_key(&chunk)
    }
    fn uses_failed(&self, chunk: usize) -> bool {
        self.uses_failed.contains_key(&chunk)
    }
    fn uses_name(&self, chunk: usize) -> Option<&str> {
        self.chunks.get(chunk).map(|c| c.name.as_str())
    }
}

impl Corpus {
    /// The glossary index of the term with this form.
    fn term_index(&self, form: &str) -> Option<usize> {
        let term = self.glossary.find(form)?;
        self.glossary
            .terms
            .iter()
            .position(|t| std::ptr::eq(t, term))
    }
}

/// A term's uses at hand, by document ([`Corpus::term_uses`]).
pub struct TermUses<'a> {
    /// Its documents' uses, in corpus order (a document may come twice when
    /// its uses are not consecutive).
    pub documents: Vec<&'a DocumentUses>,
    /// The next chunk of its uses, not at hand; `None` when all are here.
    pub more: Option<usize>,
}

impl TermUses<'_> {
    /// The catalogue pages naming these documents that are not at hand (a
    /// use is listed under its document's title).
    pub fn missing_title_pages(&self, corpus: &Corpus) -> VecSet<usize> {
        self.documents
            .iter()
            .map(|d| d.ordinal as usize / catalogue::PER_PAGE)
            .filter(|&n| corpus.page(n).is_none())
            .collect()
    }
}

/// Asks for chunks of the glossary's uses in the background (a list of uses
/// opened, "more uses"), provided by the app root. Asking for a chunk that
/// failed ([`Corpus::uses_failure`]) fetches it again: a page's Retry.
#[derive(Clone, PartialEq)]
pub struct WantUses(pub Callback<usize>);

/// The entries of one catalogue page.
type Entries = Rc<[Rc<Entry>]>;

/// A catalogue page's entries, shared.
fn entries(page: Page) -> Entries {
    page.entries.into_iter().map(Rc::new).collect()
}

impl From<Head> for Corpus {
    fn from(head: Head) -> Self {
        match head.layout {
            Layout::Whole(bundle) => Corpus::from(bundle),
            Layout::Apart { set, first } => Corpus::apart(set, first),
        }
    }
}

impl Corpus {
    /// A split corpus: its folder and first catalogue page, nothing else
    /// at hand yet.
    pub fn apart(set: String, first: Page) -> Corpus {
        let total = first.total as usize;
        let mut pages = vec![None; (first.pages as usize).max(1)];
        pages[0] = Some(entries(first));
        Corpus {
            pages: pages.into(),
            total,
            documents: Rc::new([]),
            glossary: Rc::default(),
            chunks: Rc::new([]),
            has_glossary: false,
            terms: Rc::default(),
            uses: Rc::default(),
            uses_failed: Rc::default(),
            missing: Rc::default(),
            set: Some(set.into()),
        }
    }

    /// The corpus a head's bytes hold, or why not. A build whose head is a
    /// split corpus's (`lattice_split_head`, set by build.rs: release
    /// builds past the size threshold and the app `lattice build` carries)
    /// reads it with `Head::peek` alone, so the first load has no code to
    /// decode a whole bundle; other builds decode whatever head they have.
    pub fn open(bytes: &[u8]) -> Result<Corpus, String> {
        #[cfg(lattice_split_head)]
        {
            match Head::peek(bytes).map_err(|e| e.to_string())? {
                Peek::Apart { set, first } => Ok(Corpus::apart(set, first)),
                Peek::Whole => Err(WHOLE_IN_SPLIT_BUILD.to_string()),
            }
        }
        #[cfg(not(lattice_split_head))]
        {
            Head::decode(bytes)
                .map(Corpus::from)
                .map_err(|e| e.to_string())
        }
    }
}

/// Why a build for a split head cannot read a whole one.
pub const WHOLE_IN_SPLIT_BUILD: &str =
    "this head embeds the whole corpus, but this build of the app reads only split corpora: rebuild the site with `lattice build`";

impl From<Bundle> for Corpus {
    /// A corpus embedded whole (every document at hand). Its documents are
    /// in id order, as [`Bundle::new`] puts them and every bundle the build
    /// writes has them.
    fn from(bundle: Bundle) -> Self {
        let pages = catalogue::paginate(&bundle.documents, catalogue::PER_PAGE);
        // The glossary in the parts a split corpus has, all at hand.
        let ids: Vec<&str> = bundle.documents.iter().map(|d| d.id.as_str()).collect();
        let (lexicon, chunks) = lexicon::split(&bundle.glossary, &ids);
        let terms = DocumentTerms::all(&bundle.glossary)
            .into_iter()
            .map(|(id, t)| (id, Rc::new(t)))
            .collect();
        Corpus {
            pages: pages.into_iter().map(|p| Some(entries(p))).collect(),
            total: bundle.documents.len(),
            documents: bundle.documents.into_iter().map(Rc::new).collect(),
            glossary: Rc::new(lexicon.glossary),
            chunks: lexicon.chunks.into(),
            has_glossary: true,
            terms: Rc::new(terms),
            uses: Rc::new(chunks.into_iter().map(Rc::new).enumerate().collect()),
            uses_failed: Rc::default(),
            missing: Rc::default(),
            set: None,
        }
    }
}

/// What fetching one file gave.
enum Arrival {
    Part(Part),
    /// Chunk `n` of the glossary's uses.
    Uses(usize, UsesChunk),
    /// Chunk `n` of the glossary's uses failed to load or is damaged: why.
    UsesFailed(usize, String),
    /// Chunk `n` of the glossary's uses is asked for again (a retry).
    UsesAgain(usize),
    /// The server has no file for this document id.
    Missing(String),
}

/// The corpus as far as the current route needs it.
#[derive(Clone, Debug, PartialEq)]
pub enum Fetched {
    /// Everything the route shows is here.
    Ready(Corpus),
    /// Files are on their way.
    Loading(Corpus),
    /// A file could not be fetched (offline before it was ever cached, or a
    /// build whose files are missing).
    Failed(Corpus, AttrValue),
}

impl Fetched {
    /// The corpus, complete or not (the library's first page is always here).
    pub fn corpus(&self) -> &Corpus {
        match self {
            Fetched::Ready(c) | Fetched::Loading(c) | Fetched::Failed(c, _) => c,
        }
    }
}

/// The corpus state, updated as fetched files arrive.
#[derive(PartialEq)]
struct State(Corpus);

impl Reducible for State {
    type Action = Vec<Arrival>;
    fn reduce(self: Rc<Self>, arrived: Vec<Arrival>) -> Rc<Self> {
        // Asking again for chunks that had not failed changes nothing.
        let idle =
            |a: &Arrival| matches!(a, Arrival::UsesAgain(n) if !self.0.uses_failed.contains_key(n));
        if arrived.iter().all(idle) {
            return self;
        }
        Rc::new(State(self.0.with(arrived)))
    }
}

/// The corpus for this route: fetches the files it needs that are not
/// embedded (`crate::fetch_plan` decides which), and reports them loading
/// until they are in place. `pages` are catalogue pages wanted without
/// holding up the page (the titles of a search's shown hits). Once the
/// reader focuses the search box, the glossary its terms expand with is
/// fetched in the background; search itself reads the split search index
/// (src/search.rs), never the documents.
///
/// `<html data-corpus>` says where the texts stand (`complete` or `partial`),
/// for the performance script and the tests.
#[hook]
pub fn use_corpus_for(
    embedded: &Corpus,
    route: &Route,
    pages: &VecSet<usize>,
) -> (Fetched, WantUses) {
    let state = use_reducer_eq({
        let embedded = embedded.clone();
        move || State(embedded)
    });
    // Chunks of the glossary's uses pages have asked for, growing only.
    let uses_wanted = use_reducer_eq(Wanted::default);
    let want_uses = {
        let wanted = uses_wanted.dispatcher();
        let again = state.dispatcher();
        use_memo((), move |_| {
            WantUses(Callback::from(move |n| {
                again.dispatch(vec![Arrival::UsesAgain(n)]);
                wanted.dispatch(n);
            }))
        })
    };
    let failed = use_state_eq(|| None::<AttrValue>);
    let searching = use_state_eq(|| false);
    // Paths being fetched, so a changed want list never fetches one twice.
    let in_flight = use_mut_ref(InFlight::default);
    {
        let searching = searching.clone();
        let glossary = state.0.has_glossary();
        use_effect_with(glossary, move |&glossary| {
            let listener = (!glossary).then(|| {
                EventListener::new(&gloo::utils::document(), "focusin", move |e| {
                    let in_search = e
                        .target()
                        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                        .and_then(|el| el.closest("[role=search]").ok().flatten())
                        .is_some();
                    if in_search {
                        searching.set(true);
                    }
                })
            });
            move || drop(listener)
        });
    }
    let needed = fetch_plan::wants(&state.0, route);
    let mut wanted = needed.clone();
    for w in fetch_plan::background(&state.0, pages, &uses_wanted.0, *searching) {
        if !wanted.contains(&w) {
            wanted.push(w);
        }
    }
    {
        let (state, failed) = (state.clone(), failed.clone());
        use_effect_with(wanted, move |wanted| {
            let fresh = in_flight.borrow_mut().start(wanted);
            if !fresh.is_empty() {
                wasm_bindgen_futures::spawn_local(fetch_into(fresh, state, failed, in_flight));
            }
        });
    }
    use_effect_with(state.0.is_complete(), |&complete| {
        if let Some(html) = gloo::utils::document().document_element() {
            let value = if complete { "complete" } else { "partial" };
            // Informational only: a failure changes nothing the reader sees.
            let _ = html.set_attribute("data-corpus", value);
        }
    });
    let corpus = state.0.clone();
    let fetched = match (*failed).clone() {
        _ if needed.is_empty() => Fetched::Ready(corpus),
        Some(reason) => Fetched::Failed(corpus, reason),
        None => Fetched::Loading(corpus),
    };
    (fetched, (*want_uses).clone())
}

/// Chunks of uses wanted in the background.
#[derive(Default, PartialEq)]
struct Wanted(VecSet<usize>);

impl Reducible for Wanted {
    type Action = usize;
    fn reduce(self: Rc<Self>, chunk: usize) -> Rc<Self> {
        if self.0.contains(&chunk) {
            return self;
        }
        let mut next = self.0.clone();
        next.insert(chunk);
        Rc::new(Wanted(next))
    }
}

/// Fetch these files (all requests at once) and put what arrived in place in
/// one update; report the first failure.
async fn fetch_into(
    wants: Vec<Want>,
    state: UseReducerHandle<State>,
    failed: UseStateHandle<Option<AttrValue>>,
    in_flight: Rc<RefCell<InFlight>>,
) {
    let window = gloo::utils::window();
    let requests: Vec<JsFuture> = wants
        .iter()
        .map(|w| JsFuture::from(window.fetch_with_str(&format!("corpus/{}", w.path))))
        .collect();
    let mut arrived = Vec::with_capacity(wants.len());
    let mut error = None;
    for (want, request) in wants.iter().zip(requests) {
        match (fetch_one(want, request).await, want.chunk) {
            (Ok(arrival), _) => arrived.push(arrival),
            // A chunk of uses is the page's to report (with a retry): the
            // rest of the page is not held up by it.
            (Err(reason), Some(chunk)) => arrived.push(Arrival::UsesFailed(chunk, reason)),
            (Err(reason), None) => {
                error.get_or_insert(reason);
            }
        }
    }
    in_flight.borrow_mut().finish(&wants);
    match error {
        Some(reason) => failed.set(Some(reason.into())),
        None => failed.set(None),
    }
    if !arrived.is_empty() {
        state.dispatch(arrived);
    }
}

/// One file: fetched relative to the page (so a sub-path deployment works)
/// and decoded; a document's 404 is an answer (no such document), not an
/// error.
async fn fetch_one(want: &Want, request: JsFuture) -> Result<Arrival, String> {
    let failed = |what: &str| format!("corpus/{}: {what}", want.path);
    let response: web_sys::Response = request
        .await
        .map_err(|_| failed("network error"))?
        .dyn_into()
        .map_err(|_| failed("not a response"))?;
    if response.status() == 404 {
        if let Some(id) = &want.id {
            return Ok(Arrival::Missing(id.clone()));
        }
    }
    let bytes = body_bytes(response).await.map_err(|e| failed(&e))?;
    // Catalogue pages are the library's, read here; every other file by
    // the decoding chunk (`crate::lazy`), out of the first load.
    let part = match want.kind {
        FileKind::Catalogue => {
            Part::Catalogue(Page::decode(&bytes).map_err(|e| failed(&e.to_string()))?)
        }
        kind => crate::lazy::decode(kind, &bytes)
            .await
            .map_err(|e| failed(&e))?,
    };
    Ok(match (part, want.chunk) {
        (Part::Uses(chunk), Some(index)) => Arrival::Uses(index, chunk),
        (part, _) => Arrival::Part(part),
    })
}

/// The bytes a request answered with, or why there are none (`network
/// error`, `HTTP 404`): for files whose every failure is an error (the split
/// search index's).
pub(crate) async fn response_bytes(request: JsFuture) -> Result<Vec<u8>, String> {
    let response: web_sys::Response = request
        .await
        .map_err(|_| "network error".to_string())?
        .dyn_into()
        .map_err(|_| "not a response".to_string())?;
    body_bytes(response).await
}

/// The bytes of a successful response, or why there are none (`HTTP 500`,
/// `unreadable body`): the one way corpus files and the head are read.
pub(crate) async fn body_bytes(response: web_sys::Response) -> Result<Vec<u8>, String> {
    if !response.ok() {
        return Err(format!("HTTP {}", response.status()));
    }
    let body = response
        .array_buffer()
        .map_err(|_| "unreadable body".to_string())?;
    let body = JsFuture::from(body)
        .await
        .map_err(|_| "unreadable body".to_string())?;
    Ok(js_sys::Uint8Array::new(&body).to_vec())
}
