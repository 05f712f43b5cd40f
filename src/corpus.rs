//! The corpus as the build embedded it: build.rs parsed `corpus/` and wrote a
//! postcard [`Bundle`]; this module decodes it once at start-up and hands the
//! documents around cheaply (reference-counted, compared by pointer).
//!
//! A large corpus is embedded as metadata only (see build.rs): each document's
//! text is a file under `corpus/` beside index.html, fetched the first time a
//! route needs it ([`use_corpus_for`]) and cached by the service worker for
//! offline reading. A small corpus (the real one) is embedded whole and never
//! fetches anything.

use crate::route::Route;
use gloo::events::EventListener;
use lattice_core::glossary::Glossary;
use lattice_core::{Bundle, BundleError, Document};
use std::collections::BTreeSet;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

/// The encoded bundle written by build.rs.
static EMBEDDED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/corpus.bin"));

/// `id<TAB>file` for each document whose text is a separate file (none when
/// the corpus is embedded whole).
static SHARDS: &str = include_str!(concat!(env!("OUT_DIR"), "/shards.txt"));

/// Every document of the library, in bundle order (by id).
#[derive(Clone, Debug, PartialEq)]
pub struct Corpus {
    // `Rc<T: Eq>` compares by pointer before content, so props holding a
    // `Corpus` or a document compare in constant time when unchanged.
    documents: Rc<[Rc<Document>]>,
    /// The curated glossary (search expands terms with it).
    glossary: Rc<Glossary>,
    /// Ids of documents that are metadata only until fetched, and
    /// [`GLOSSARY_ID`] while the glossary is.
    unfetched: Rc<BTreeSet<String>>,
}

impl Corpus {
    /// Decode the bundle embedded at build time.
    pub fn embedded() -> Result<Self, BundleError> {
        let mut corpus = Bundle::decode(EMBEDDED).map(Self::from)?;
        corpus.unfetched = Rc::new(shards().map(|(id, _)| id.to_owned()).collect());
        Ok(corpus)
    }

    /// All documents, in order.
    pub fn documents(&self) -> &[Rc<Document>] {
        &self.documents
    }

    /// The document with this id.
    pub fn document(&self, id: &str) -> Option<Rc<Document>> {
        self.documents.iter().find(|d| d.id == id).cloned()
    }

    /// The glossary of the whole corpus.
    pub fn glossary(&self) -> &Rc<Glossary> {
        &self.glossary
    }

    /// Whether every document's text (and the glossary) is at hand.
    pub fn is_complete(&self) -> bool {
        self.unfetched.is_empty()
    }

    /// This corpus with these fetched parts in place: documents' text for
    /// their metadata, and the glossary (a bundle without documents).
    fn with_fetched(&self, fetched: Vec<Bundle>) -> Corpus {
        let mut unfetched = (*self.unfetched).clone();
        let mut documents: Vec<Rc<Document>> = self.documents.to_vec();
        let mut glossary = self.glossary.clone();
        for bundle in fetched {
            if bundle.documents.is_empty() {
                unfetched.remove(GLOSSARY_ID);
                glossary = Rc::new(bundle.glossary);
            }
            for doc in bundle.documents {
                unfetched.remove(&doc.id);
                if let Some(slot) = documents.iter_mut().find(|d| d.id == doc.id) {
                    *slot = Rc::new(doc);
                }
            }
        }
        Corpus {
            documents: documents.into(),
            glossary,
            unfetched: Rc::new(unfetched),
        }
    }

    /// The files to fetch before `route` can be shown: the document it opens
    /// and the glossary (its terms are marked), or, for search and the other
    /// whole-corpus pages, everything.
    fn files_for(&self, route: &Route) -> Vec<&'static str> {
        let wanted = |id: &str| self.unfetched.contains(id);
        if let Route::Document { id, .. } = route {
            shards()
                .filter(|(d, _)| (*d == id || *d == GLOSSARY_ID) && wanted(d))
                .map(|(_, f)| f)
                .collect()
        } else if matches!(route, Route::Library | Route::NotFound) {
            Vec::new()
        } else {
            all_unfetched(self)
        }
    }
}

impl From<Bundle> for Corpus {
    fn from(bundle: Bundle) -> Self {
        Corpus {
            documents: bundle.documents.into_iter().map(Rc::new).collect(),
            glossary: Rc::new(bundle.glossary),
            unfetched: Rc::default(),
        }
    }
}

/// The shard-table id of the glossary's file (build.rs writes it).
const GLOSSARY_ID: &str = "@glossary";

/// The (id, file) pairs of the separately stored documents and glossary.
fn shards() -> impl Iterator<Item = (&'static str, &'static str)> {
    SHARDS.lines().filter_map(|line| line.split_once('\t'))
}

/// The corpus as far as the current route needs it.
#[derive(Clone, Debug, PartialEq)]
pub enum Fetched {
    /// Everything the route shows is here.
    Ready(Corpus),
    /// Documents are on their way.
    Loading(Corpus),
    /// A document could not be fetched (offline before it was ever cached,
    /// or a build whose files are missing).
    Failed(Corpus, AttrValue),
}

impl Fetched {
    /// The corpus, complete or not (the library only needs metadata).
    pub fn corpus(&self) -> &Corpus {
        match self {
            Fetched::Ready(c) | Fetched::Loading(c) | Fetched::Failed(c, _) => c,
        }
    }
}

/// The corpus state, updated as fetched documents arrive.
#[derive(PartialEq)]
struct State(Corpus);

impl Reducible for State {
    type Action = Vec<Bundle>;
    fn reduce(self: Rc<Self>, fetched: Vec<Bundle>) -> Rc<Self> {
        Rc::new(State(self.0.with_fetched(fetched)))
    }
}

/// The corpus for this route: fetches the documents it needs that are not
/// embedded, and reports them loading until they are in place. Once the
/// reader focuses the search box, every document is fetched in the background
/// (search reads them all) without holding up the page on screen.
///
/// `<html data-corpus>` says where the texts stand (`complete` or `partial`),
/// for the performance script and the tests.
#[hook]
pub fn use_corpus_for(embedded: &Corpus, route: &Route) -> Fetched {
    let state = use_reducer_eq({
        let embedded = embedded.clone();
        move || State(embedded)
    });
    let failed = use_state_eq(|| None::<AttrValue>);
    let searching = use_state_eq(|| false);
    {
        let searching = searching.clone();
        let complete = state.0.is_complete();
        use_effect_with(complete, move |&complete| {
            let listener = (!complete).then(|| {
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
    let needed = state.0.files_for(route);
    let files = if *searching {
        all_unfetched(&state.0)
    } else {
        needed.clone()
    };
    {
        let (state, failed) = (state.clone(), failed.clone());
        use_effect_with(files, move |files| {
            if !files.is_empty() {
                let files = files.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    match fetch_documents(&files).await {
                        Ok(parts) => {
                            failed.set(None);
                            state.dispatch(parts);
                        }
                        Err(reason) => failed.set(Some(reason.into())),
                    }
                });
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
    match (*failed).clone() {
        _ if needed.is_empty() => Fetched::Ready(corpus),
        Some(reason) => Fetched::Failed(corpus, reason),
        None => Fetched::Loading(corpus),
    }
}

/// Every file not fetched yet.
fn all_unfetched(corpus: &Corpus) -> Vec<&'static str> {
    shards()
        .filter(|(id, _)| corpus.unfetched.contains(*id))
        .map(|(_, file)| file)
        .collect()
}

/// Fetch and decode documents (and the glossary) from `corpus/<file>`,
/// relative to the page so a sub-path deployment works. All requests start
/// at once.
async fn fetch_documents(files: &[&str]) -> Result<Vec<Bundle>, String> {
    let window = gloo::utils::window();
    let requests: Vec<JsFuture> = files
        .iter()
        .map(|file| JsFuture::from(window.fetch_with_str(&format!("corpus/{file}"))))
        .collect();
    let mut documents = Vec::with_capacity(files.len());
    for (file, request) in files.iter().zip(requests) {
        let failed = |what: &str| format!("corpus/{file}: {what}");
        let response: web_sys::Response = request
            .await
            .map_err(|_| failed("network error"))?
            .dyn_into()
            .map_err(|_| failed("not a response"))?;
        if !response.ok() {
            return Err(failed(&format!("HTTP {}", response.status())));
        }
        let body = response
            .array_buffer()
            .map_err(|_| failed("unreadable body"))?;
        let body = JsFuture::from(body)
            .await
            .map_err(|_| failed("unreadable body"))?;
        let bytes = js_sys::Uint8Array::new(&body).to_vec();
        let bundle = Bundle::decode(&bytes).map_err(|e| failed(&e.to_string()))?;
        documents.push(bundle);
    }
    Ok(documents)
}
