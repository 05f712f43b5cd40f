//! Pages whose code travels in modules of their own, fetched when a route
//! first needs them, so the first load carries only the app's frame and the
//! library.
//!
//! With the `split` feature (release and `trunk serve` builds, see
//! index.html) each [`Chunk`]'s page is a split point of `wasm_split_helpers`:
//! the build's linker step (scripts/wasm-link.sh) cuts the module there with
//! `wasm-split-cli`, and `__wasm_split.js` fetches a chunk's module when
//! [`preload`] asks for it. Without the feature (component tests, native
//! tests) the same functions are plain calls and every chunk is at hand.
//!
//! A page is drawn from its chunk only once the chunk is loaded: until then
//! [`LazyPage`] says it is loading; if the module cannot be fetched (offline
//! before it was saved, a damaged file) it says so and offers Retry.

use crate::components::corpus_loading::CorpusLoading;
use crate::components::suggestions::SuggestionsProps;
use crate::hooks::popover::{PopoverContent, PopoverMsg};
use crate::i18n::use_lang;
use crate::route::Route;
use crate::search::Stepped;
use lattice_core::catalogue::facets::split::{Head as FacetsHead, Part as FacetsPart, SelectError};
use lattice_core::catalogue::facets::View;
use lattice_core::glossary::Glossary;
use lattice_core::layout::{FileKind, Part};
use lattice_core::search::split::Files;
use lattice_core::search::split::SplitError;
use lattice_core::search::SearchOptions;
use std::cell::RefCell;
use std::future::Future;
use std::rc::Rc;
use std::task::{Context, Poll, Waker};
use yew::prelude::*;

/// A module of pages, fetched as one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Chunk {
    /// A document, with or without a search's highlights.
    Reader,
    /// The search results page.
    Search,
    /// The glossary and its entries.
    Glossary,
    /// The help page.
    Help,
    /// The search engine: query parsing, glossary expansion and the split
    /// index's step (crate::search), fetched with the first search.
    Engine,
    /// The popover's box and what it shows (a note, a term), fetched with
    /// the reader, whose marks open it.
    Popover,
    /// Decoding the files of documents, the glossary and its uses (not
    /// catalogue pages: the library reads those): fetched with the reader
    /// or the glossary, or by the first such file to arrive.
    Decode,
    /// The library's facets: decoding their head and parts and selecting
    /// a view, fetched when the reader first sorts or filters.
    Facets,
    /// The search box's list of suggestions, fetched when the box is
    /// focused (beside the engine; the results page needs neither it nor
    /// the facets).
    Suggest,
    /// Decoding the glossary's lexicon (`glossary.bin`) alone: a search
    /// expands its terms with it, and needs none of the code that decodes
    /// documents and uses (the decode chunk). Fetched with the engine, the
    /// reader and the glossary.
    Lexicon,
}

impl Chunk {
    /// The chunk holding `route`'s page; `None` for pages in the first load.
    pub fn of(route: &Route) -> Option<Chunk> {
        match route {
            Route::Document { .. } | Route::Highlighted { .. } => Some(Chunk::Reader),
            Route::Search(_) => Some(Chunk::Search),
            Route::Glossary | Route::GlossaryKind(_) | Route::GlossaryEntry(_) => {
                Some(Chunk::Glossary)
            }
            Route::Help => Some(Chunk::Help),
            Route::Library | Route::LibraryPage(_) | Route::NotFound => None,
        }
    }

    /// The page the chunk draws, by the name its stylesheet goes by
    /// (index.html's `data-lattice-lazy`, crate::styles), fetched with it;
    /// `None` for a chunk that draws no page.
    fn page(self) -> Option<&'static str> {
        match self {
            Chunk::Reader => Some("reader"),
            Chunk::Search => Some("search"),
            Chunk::Glossary => Some("glossary"),
            Chunk::Help => Some("help"),
            Chunk::Engine
            | Chunk::Popover
            | Chunk::Decode
            | Chunk::Facets
            | Chunk::Suggest
            | Chunk::Lexicon => None,
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// Where a chunk's module stands.
#[derive(Clone, Debug, PartialEq)]
pub enum Load {
    /// Not asked for yet.
    Idle,
    /// On its way.
    Loading,
    /// Loaded: its functions can be called.
    Ready,
    /// It could not be fetched or instantiated (a retry starts again).
    Failed,
}

/// Why a search cannot run when the engine's chunk failed to load.
pub const UNLOADED: &str = "the search engine's code could not be downloaded";

/// How many chunks there are (`Chunk::Lexicon` is the last).
const CHUNKS: usize = Chunk::Lexicon as usize + 1;

thread_local! {
    static LOADS: RefCell<[Load; CHUNKS]> = const {
        RefCell::new([const { Load::Idle }; CHUNKS])
    };
}

/// The engine's step (see `crate::search::engine`), once its chunk is
/// loaded; `None` before.
pub fn engine(
    files: &Files,
    text: &str,
    glossary: Option<&Glossary>,
    options: &SearchOptions,
) -> Option<Result<Stepped, SplitError>> {
    if state(Chunk::Engine) != Load::Ready {
        return None;
    }
    ready(split::engine(files, text, glossary, options))?.ok()
}

/// The open popover's box (see `components::popover`), once its chunk is
/// loaded; `None` before.
pub fn popover(content: PopoverContent, node: NodeRef, send: Callback<PopoverMsg>) -> Option<Html> {
    if state(Chunk::Popover) != Load::Ready {
        return None;
    }
    ready(split::popover(content, node, send))?.ok()
}

/// The search box's options (see `components::suggestions`), once their
/// chunk is loaded; `None` before.
pub fn suggestions(props: SuggestionsProps) -> Option<Html> {
    if state(Chunk::Suggest) != Load::Ready {
        return None;
    }
    ready(split::suggestions(props))?.ok()
}

/// Decode a fetched file of `kind` other than a catalogue page, with the
/// decoding chunk's code, or the glossary's lexicon with the lexicon
/// chunk's (fetched first if need be); why not, as the reader is told.
pub async fn decode(kind: FileKind, bytes: &[u8]) -> Result<Part, String> {
    if kind == FileKind::Glossary {
        return split::lexicon(bytes)
            .await
            .map_err(|Unloaded| UNREADABLE.to_string())?
            .map(Part::Glossary)
            .map_err(|e| e.to_string());
    }
    split::decode(kind, bytes)
        .await
        .map_err(|Unloaded| UNREADABLE.to_string())?
        .map_err(|e| e.to_string())
}

/// Decode the library's facets head (`<set>/facets.bin`) with the facets
/// chunk's code: the library reaches for it only when the reader sorts or
/// filters, so none of it is in the first load (nor in a search's).
pub async fn facets_head(bytes: &[u8]) -> Result<FacetsHead, String> {
    let head = split::facets_head(bytes)
        .await
        .map_err(|Unloaded| UNREADABLE.to_string())?
        .map_err(|e| e.to_string())?;
    // Selecting from it is the same chunk's: ready all of it, so that
    // [`select`] answers at once.
    if !ensure(Chunk::Facets).await {
        return Err(UNREADABLE.to_string());
    }
    Ok(head)
}

/// Decode part `n` of the facets `head` names, checked against it, with
/// the facets chunk's code.
pub async fn facets_part(head: &FacetsHead, n: usize, bytes: &[u8]) -> Result<FacetsPart, String> {
    split::facets_part(head, n, bytes)
        .await
        .map_err(|Unloaded| UNREADABLE.to_string())?
        .map_err(|e| e.to_string())
}

/// The documents `view` lists, from the facets' parts at hand (see
/// `Head::select`), with the facets chunk's code; `None` until that is
/// loaded (a head at hand was decoded by it, so it is).
pub fn select(
    head: &FacetsHead,
    view: &View,
    part: &dyn Fn(usize) -> Option<Rc<FacetsPart>>,
) -> Option<Result<Vec<u32>, SelectError>> {
    if state(Chunk::Facets) != Load::Ready {
        return None;
    }
    ready(split::select(head, view, part))?.ok()
}

/// Load `chunk`, every function of it, unless it is loaded; whether it is.
async fn ensure(chunk: Chunk) -> bool {
    if state(chunk) == Load::Ready {
        return true;
    }
    let loaded = split::load(chunk).await;
    if loaded {
        set_load(chunk, Load::Ready);
    }
    loaded
}

/// Why a file could not be read when the decoding chunk failed to load.
pub const UNREADABLE: &str = "the code that reads this file could not be downloaded";

/// Where `chunk`'s module stands.
pub fn state(chunk: Chunk) -> Load {
    if cfg!(not(feature = "split")) {
        // One module: every chunk is at hand.
        return Load::Ready;
    }
    LOADS.with(|l| l.borrow()[chunk.index()].clone())
}

fn set_load(chunk: Chunk, load: Load) {
    LOADS.with(|l| l.borrow_mut()[chunk.index()] = load);
}

/// A chunk's module could not be fetched or instantiated.
#[derive(Debug)]
pub struct Unloaded;

#[cfg(feature = "split")]
impl From<wasm_split_helpers::SplitLoaderError> for Unloaded {
    fn from(_: wasm_split_helpers::SplitLoaderError) -> Self {
        Unloaded
    }
}

/// Start fetching `chunk`'s module unless it is loaded or on its way (a
/// failed one is fetched again); `done` hears whether this fetch loaded it.
/// Nothing is called for a chunk already at hand: callers re-run what waits
/// for it only when it arrives (a call back each time would re-run every
/// search on screen at every keystroke).
pub fn preload(chunk: Chunk, done: Callback<bool>) {
    match state(chunk) {
        Load::Ready | Load::Loading => return,
        Load::Idle | Load::Failed => {}
    }
    set_load(chunk, Load::Loading);
    // A page's rules come with its code (crate::styles), fetched side by
    // side: the page is drawn once both are in, never unstyled.
    let styled = chunk.page().map(crate::styles::load);
    wasm_bindgen_futures::spawn_local(async move {
        let mut loaded = split::load(chunk).await;
        if let Some(styled) = styled {
            loaded &= styled.await;
        }
        set_load(chunk, if loaded { Load::Ready } else { Load::Failed });
        done.emit(loaded);
    });
}

/// Run a future that is known to be ready (a split function whose module is
/// loaded resolves on its first poll); `None` if it is not.
fn ready<F: Future>(future: F) -> Option<F::Output> {
    let mut future = std::pin::pin!(future);
    match future
        .as_mut()
        .poll(&mut Context::from_waker(Waker::noop()))
    {
        Poll::Ready(value) => Some(value),
        Poll::Pending => None,
    }
}

/// Props: the route whose page lives in a chunk.
#[derive(Properties, PartialEq)]
pub struct LazyPageProps {
    /// A route [`Chunk::of`] names a chunk for.
    pub route: Route,
}

/// The page of a route whose code is in a chunk: loading, drawn, or why it
/// cannot be (with Retry).
#[component]
pub fn LazyPage(props: &LazyPageProps) -> Html {
    let lang = use_lang();
    let redraw = use_force_update();
    let chunk = Chunk::of(&props.route);
    {
        let redraw = redraw.clone();
        use_effect_with(chunk, move |chunk| {
            if let Some(chunk) = *chunk {
                if state(chunk) == Load::Idle {
                    preload(chunk, Callback::from(move |_| redraw.force_update()));
                }
                // The reader's marks open popovers: the box's chunk comes
                // along. The reader and the glossary read documents and the
                // glossary's files: the code that decodes those comes in
                // parallel with their files.
                if chunk == Chunk::Reader {
                    preload(Chunk::Popover, Callback::noop());
                }
                if matches!(chunk, Chunk::Reader | Chunk::Glossary) {
                    preload(Chunk::Decode, Callback::noop());
                    preload(Chunk::Lexicon, Callback::noop());
                }
            }
        });
    }
    // Once the chunk's page is drawn (its own effects, which put it in
    // place, run first), the reader's scrolling is theirs to be remembered;
    // not while the short loading line stands in for it.
    let drawn = chunk.is_some_and(|c| state(c) == Load::Ready);
    use_effect_with((props.route.clone(), drawn), |(_, drawn)| {
        if *drawn {
            crate::hooks::scroll_memory::settled();
        }
    });
    let Some(chunk) = chunk else {
        return html! { <crate::pages::not_found::NotFound /> };
    };
    match state(chunk) {
        Load::Ready => match ready(split::page(chunk, props.route.clone())) {
            Some(Ok(html)) => html,
            _ => html! { <CorpusLoading /> },
        },
        Load::Idle | Load::Loading => html! { <CorpusLoading /> },
        Load::Failed => {
            let retry = Callback::from(move |_: MouseEvent| {
                let redraw = redraw.clone();
                preload(chunk, Callback::from(move |_| redraw.force_update()));
            });
            html! {
                <section class="not-found" data-lazy-failed="">
                    <h1>{ lang.pick("無法載入此頁", "This page could not be loaded") }</h1>
                    <p>{ lang.pick(
                        "此頁的程式尚未存到本機，目前也無法下載。請連上網路後重試。",
                        "This page's code is not saved on this device and cannot be downloaded now. Connect, then retry.",
                    ) }</p>
                    <p><button type="button" class="retry" onclick={retry}>{ lang.pick("重試", "Retry") }</button></p>
                    <p><a class="back" href={Route::Library.href()}>{ lang.pick("回到書庫", "Back to the library") }</a></p>
                </section>
            }
        }
    }
}

/// The split points: one function per chunk draws its pages.
#[cfg(feature = "split")]
mod split {
    use super::{Chunk, FacetsHead, FacetsPart, SelectError, SuggestionsProps, Unloaded, View};
    use crate::hooks::popover::{PopoverContent, PopoverMsg};
    use crate::route::Route;
    use crate::search::Stepped;
    use lattice_core::glossary::lexicon::Lexicon;
    use lattice_core::glossary::Glossary;
    use lattice_core::layout::{FileKind, Part};
    use lattice_core::search::split::Files;
    use lattice_core::search::split::SplitError;
    use lattice_core::search::SearchOptions;
    use lattice_core::BundleError;
    use std::rc::Rc;
    use wasm_split_helpers::wasm_split;
    use yew::{Callback, Html, NodeRef};

    #[wasm_split(reader, fallible)]
    fn reader(route: Route) -> Result<Html, Unloaded> {
        Ok(super::draw::reader(&route))
    }

    #[wasm_split(search, fallible)]
    fn search(route: Route) -> Result<Html, Unloaded> {
        Ok(super::draw::search(&route))
    }

    #[wasm_split(glossary, fallible)]
    fn glossary(route: Route) -> Result<Html, Unloaded> {
        Ok(super::draw::glossary(&route))
    }

    #[wasm_split(help, fallible)]
    fn help(route: Route) -> Result<Html, Unloaded> {
        Ok(super::draw::help(&route))
    }

    #[wasm_split(popover, fallible)]
    pub fn popover(
        content: PopoverContent,
        node: NodeRef,
        send: Callback<PopoverMsg>,
    ) -> Result<Html, Unloaded> {
        Ok(super::draw::popover(content, node, send))
    }

    #[wasm_split(decode, fallible)]
    pub fn decode(kind: FileKind, bytes: &[u8]) -> Result<Result<Part, BundleError>, Unloaded> {
        Ok(lattice_core::layout::decode(kind, bytes))
    }

    #[wasm_split(lexicon, fallible)]
    pub fn lexicon(bytes: &[u8]) -> Result<Result<Lexicon, BundleError>, Unloaded> {
        Ok(lattice_core::layout::decode_lexicon(bytes))
    }

    #[wasm_split(facets, fallible)]
    pub fn facets_head(bytes: &[u8]) -> Result<Result<FacetsHead, BundleError>, Unloaded> {
        Ok(FacetsHead::decode(bytes))
    }

    #[wasm_split(facets, fallible)]
    pub fn facets_part(
        head: &FacetsHead,
        n: usize,
        bytes: &[u8],
    ) -> Result<Result<FacetsPart, BundleError>, Unloaded> {
        Ok(head.decode_part(n, bytes))
    }

    #[wasm_split(facets, fallible)]
    pub fn select(
        head: &FacetsHead,
        view: &View,
        part: &dyn Fn(usize) -> Option<Rc<FacetsPart>>,
    ) -> Result<Result<Vec<u32>, SelectError>, Unloaded> {
        Ok(super::select_with(head, view, part))
    }

    #[wasm_split(suggest, fallible)]
    pub fn suggestions(props: SuggestionsProps) -> Result<Html, Unloaded> {
        Ok(super::draw::suggestions(props))
    }

    #[wasm_split(engine, fallible)]
    pub fn engine(
        files: &Files,
        text: &str,
        glossary: Option<&Glossary>,
        options: &SearchOptions,
    ) -> Result<Result<Stepped, SplitError>, Unloaded> {
        Ok(crate::search::engine(files, text, glossary, options))
    }

    /// Draw `route`'s page from `chunk`.
    pub async fn page(chunk: Chunk, route: Route) -> Result<Html, Unloaded> {
        match chunk {
            Chunk::Reader => reader(route).await,
            Chunk::Search => search(route).await,
            Chunk::Glossary => glossary(route).await,
            Chunk::Help => help(route).await,
            Chunk::Engine
            | Chunk::Popover
            | Chunk::Decode
            | Chunk::Facets
            | Chunk::Suggest
            | Chunk::Lexicon => Err(Unloaded),
        }
    }

    /// Fetch `chunk`'s module; whether it loaded. Each split function has
    /// a loader of its own, whose first call answers only after a turn of
    /// the event loop even when the module is in: every function of the
    /// chunk is readied here, so that once the chunk counts as loaded each
    /// answers on its first poll (`super::ready`).
    pub async fn load(chunk: Chunk) -> bool {
        match chunk {
            Chunk::Reader => __wasm_split_preload_reader().await,
            Chunk::Search => __wasm_split_preload_search().await,
            Chunk::Glossary => __wasm_split_preload_glossary().await,
            Chunk::Help => __wasm_split_preload_help().await,
            Chunk::Engine => __wasm_split_preload_engine().await,
            Chunk::Popover => __wasm_split_preload_popover().await,
            Chunk::Decode => __wasm_split_preload_decode().await,
            Chunk::Facets => {
                async {
                    __wasm_split_preload_facets_head().await?;
                    __wasm_split_preload_facets_part().await?;
                    __wasm_split_preload_select().await
                }
                .await
            }
            Chunk::Suggest => __wasm_split_preload_suggestions().await,
            Chunk::Lexicon => __wasm_split_preload_lexicon().await,
        }
        .is_ok()
    }
}

/// Without the `split` feature every page is in the one module.
#[cfg(not(feature = "split"))]
mod split {
    use super::{Chunk, FacetsHead, FacetsPart, SelectError, SuggestionsProps, Unloaded, View};
    use crate::hooks::popover::{PopoverContent, PopoverMsg};
    use crate::route::Route;
    use crate::search::Stepped;
    use lattice_core::glossary::lexicon::Lexicon;
    use lattice_core::glossary::Glossary;
    use lattice_core::layout::{FileKind, Part};
    use lattice_core::search::split::Files;
    use lattice_core::search::split::SplitError;
    use lattice_core::search::SearchOptions;
    use lattice_core::BundleError;
    use std::rc::Rc;
    use yew::{Callback, Html, NodeRef};

    pub async fn page(chunk: Chunk, route: Route) -> Result<Html, Unloaded> {
        Ok(match chunk {
            Chunk::Reader => super::draw::reader(&route),
            Chunk::Search => super::draw::search(&route),
            Chunk::Glossary => super::draw::glossary(&route),
            Chunk::Help => super::draw::help(&route),
            Chunk::Engine
            | Chunk::Popover
            | Chunk::Decode
            | Chunk::Facets
            | Chunk::Suggest
            | Chunk::Lexicon => return Err(Unloaded),
        })
    }

    pub async fn decode(
        kind: FileKind,
        bytes: &[u8],
    ) -> Result<Result<Part, BundleError>, Unloaded> {
        Ok(lattice_core::layout::decode(kind, bytes))
    }

    pub async fn lexicon(bytes: &[u8]) -> Result<Result<Lexicon, BundleError>, Unloaded> {
        Ok(lattice_core::layout::decode_lexicon(bytes))
    }

    pub async fn facets_head(bytes: &[u8]) -> Result<Result<FacetsHead, BundleError>, Unloaded> {
        Ok(FacetsHead::decode(bytes))
    }

    pub async fn facets_part(
        head: &FacetsHead,
        n: usize,
        bytes: &[u8],
    ) -> Result<Result<FacetsPart, BundleError>, Unloaded> {
        Ok(head.decode_part(n, bytes))
    }

    pub async fn select(
        head: &FacetsHead,
        view: &View,
        part: &dyn Fn(usize) -> Option<Rc<FacetsPart>>,
    ) -> Result<Result<Vec<u32>, SelectError>, Unloaded> {
        Ok(super::select_with(head, view, part))
    }

    pub async fn suggestions(props: SuggestionsProps) -> Result<Html, Unloaded> {
        Ok(super::draw::suggestions(props))
    }

    pub async fn engine(
        files: &Files,
        text: &str,
        glossary: Option<&Glossary>,
        options: &SearchOptions,
    ) -> Result<Result<Stepped, SplitError>, Unloaded> {
        Ok(crate::search::engine(files, text, glossary, options))
    }

    pub async fn popover(
        content: PopoverContent,
        node: NodeRef,
        send: Callback<PopoverMsg>,
    ) -> Result<Html, Unloaded> {
        Ok(super::draw::popover(content, node, send))
    }

    pub async fn load(_: Chunk) -> bool {
        true
    }
}

/// `Head::select` over parts held in `Rc`s (the library's state): called
/// only from a split point (or, in a build that builds its facets itself,
/// [`select_direct`]).
fn select_with(
    head: &FacetsHead,
    view: &View,
    part: &dyn Fn(usize) -> Option<Rc<FacetsPart>>,
) -> Result<Vec<u32>, SelectError> {
    // `select` borrows the parts for the call: hold them meanwhile.
    let held: Vec<(usize, Rc<FacetsPart>)> = head
        .needs(view)
        .into_iter()
        .filter_map(|n| part(n).map(|p| (n, p)))
        .collect();
    head.select(view, |n| {
        held.iter().find(|(m, _)| *m == n).map(|(_, p)| &**p)
    })
}

/// [`select`] without the chunk: for a build that embeds its corpus whole
/// and builds its facets at hand (no facets chunk was needed for them).
#[cfg(not(lattice_split_head))]
pub fn select_direct(
    head: &FacetsHead,
    view: &View,
    part: &dyn Fn(usize) -> Option<Rc<FacetsPart>>,
) -> Result<Vec<u32>, SelectError> {
    select_with(head, view, part)
}

/// Each chunk's pages, drawn only from its split point (a call from anywhere
/// else would pull the page's code back into the first load).
mod draw {
    use crate::components::popover::PopoverLayer;
    use crate::components::search_matches::SearchMatches;
    use crate::pages::document::DocumentPage;
    use crate::pages::glossary::GlossaryPage;
    use crate::pages::glossary_entry::GlossaryEntryPage;
    use crate::pages::help::HelpPage;
    use crate::pages::not_found::NotFound;
    use crate::pages::search::SearchPage;
    use crate::route::Route;
    use yew::prelude::*;

    /// A document, in the popover layer its note and term marks open (the
    /// only marks of the app: the layer's code travels with the reader).
    pub fn reader(route: &Route) -> Html {
        let page = match route {
            Route::Document { id, anchor } => html! {
                <DocumentPage
                    id={AttrValue::from(id.clone())}
                    anchor={anchor.clone().map(AttrValue::from)}
                />
            },
            Route::Highlighted { id, anchor, search } => html! {
                <SearchMatches
                    id={AttrValue::from(id.clone())}
                    anchor={anchor.clone().map(AttrValue::from)}
                    search={search.clone()}
                >
                    <DocumentPage
                        id={AttrValue::from(id.clone())}
                        anchor={anchor.clone().map(AttrValue::from)}
                    />
                </SearchMatches>
            },
            _ => return html! { <NotFound /> },
        };
        html! { <PopoverLayer>{ page }</PopoverLayer> }
    }

    pub fn search(route: &Route) -> Html {
        match route {
            Route::Search(search) => html! { <SearchPage search={search.clone()} /> },
            _ => html! { <NotFound /> },
        }
    }

    pub fn glossary(route: &Route) -> Html {
        match route {
            Route::Glossary => html! { <GlossaryPage /> },
            Route::GlossaryKind(kind) => html! { <GlossaryPage kind={*kind} /> },
            Route::GlossaryEntry(term) => html! {
                <GlossaryEntryPage term={AttrValue::from(term.clone())} />
            },
            _ => html! { <NotFound /> },
        }
    }

    pub fn popover(
        content: crate::hooks::popover::PopoverContent,
        node: NodeRef,
        send: Callback<crate::hooks::popover::PopoverMsg>,
    ) -> Html {
        use crate::components::popover::content::PopoverBox;
        html! { <PopoverBox {content} {node} {send} /> }
    }

    pub fn suggestions(props: crate::components::suggestions::SuggestionsProps) -> Html {
        use crate::components::suggestions::Suggestions;
        html! { <Suggestions ..props /> }
    }

    pub fn help(route: &Route) -> Html {
        match route {
            Route::Help => html! { <HelpPage /> },
            _ => html! { <NotFound /> },
        }
    }
}
