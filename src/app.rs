//! The app root: provides the corpus to every page, follows the route, and
//! switches to the page it names.

use crate::components::corpus_loading::CorpusLoading;
use crate::components::site_header::SiteHeader;
use crate::components::update_notice::UpdateNotice;
use crate::corpus::{use_corpus_for, Corpus, Fetched, WantUses};
use crate::lazy::LazyPage;
use crate::pages::library::Library;
use crate::pages::not_found::NotFound;
use crate::route::{use_route, Route};
use crate::search::{Searcher, Store, TitlePages};
use crate::state::PrefsProvider;
use lattice_core::vec_map::VecSet;
use std::rc::Rc;
use yew::prelude::*;

/// Props: the corpus to read (the embedded one in the browser; any in tests).
#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// Every document the reader can open.
    pub corpus: Corpus,
}

/// The whole reader.
#[component]
pub fn App(props: &AppProps) -> Html {
    let route = use_route();
    // Catalogue pages a search wants for its hits' titles.
    let title_pages = use_reducer_eq(Pages::default);
    // A large corpus fetches documents as routes need them (see corpus.rs).
    let (fetched, want_uses) = use_corpus_for(&props.corpus, &route, &title_pages.0);
    let corpus = fetched.corpus().clone();
    // The split search index's files, kept for the app's life; each arrival
    // makes a new searcher, so every search on screen runs again.
    let arrivals = use_reducer(Arrivals::default);
    let store = {
        let arrived = arrivals.dispatcher();
        use_memo((), move |_| {
            Store::new(Callback::from(move |()| arrived.dispatch(())))
        })
    };
    // A searcher over the index files at hand (see search.rs).
    let searcher = use_memo((corpus.clone(), arrivals.0), |(corpus, _)| {
        Searcher::new(corpus.clone(), (*store).clone())
    });
    let want_titles = {
        let pages = title_pages.dispatcher();
        use_memo((), move |_| {
            TitlePages(Callback::from(move |p| pages.dispatch(p)))
        })
    };
    // Once a route's page is drawn (and has put itself in place: the pages'
    // effects run first), the reader's scrolling is theirs to be remembered.
    let ready = matches!(fetched, Fetched::Ready(_));
    // A page from a chunk is in place only once its chunk is in: `LazyPage`
    // says so then.
    use_effect_with((route.clone(), ready), |(route, ready)| {
        if *ready && crate::lazy::Chunk::of(route).is_none() {
            crate::hooks::scroll_memory::settled();
        }
    });
    use_help_key();
    // The glossary's pages fold what they compare (the filter, a term's
    // lookup), so they wait for the Traditional→Simplified table.
    let folds = matches!(
        route,
        Route::Glossary | Route::GlossaryKind(_) | Route::GlossaryEntry(_)
    );
    let redraw = use_force_update();
    use_effect_with(folds, move |folds| {
        if *folds {
            crate::fold_table::load(Callback::from(move |()| redraw.force_update()));
        }
    });
    let table = (!folds || crate::fold_table::ready())
        .then_some(Ok(()))
        .or_else(|| crate::fold_table::failure().map(Err));
    html! {
        <ContextProvider<Corpus> context={corpus}>
        <PrefsProvider>
        <ContextProvider<Searcher> context={(*searcher).clone()}>
        <ContextProvider<TitlePages> context={(*want_titles).clone()}>
        <ContextProvider<WantUses> context={want_uses}>
            <SkipLink />
            <SiteHeader />
            <main class="page" id={MAIN_ID} tabindex="-1">{
                match (fetched, table) {
                    (Fetched::Ready(_), Some(Ok(()))) => switch(&route),
                    (Fetched::Ready(_), Some(Err(why))) => html! { <CorpusLoading failed={AttrValue::from(why)} /> },
                    (Fetched::Ready(_), None) => html! { <CorpusLoading /> },
                    (Fetched::Loading(_), _) => html! { <CorpusLoading /> },
                    (Fetched::Failed(_, reason), _) => html! { <CorpusLoading failed={reason} /> },
                }
            }</main>
            <UpdateNotice />
        </ContextProvider<WantUses>>
        </ContextProvider<TitlePages>>
        </ContextProvider<Searcher>>
        </PrefsProvider>
        </ContextProvider<Corpus>>
    }
}

/// How many times split index files arrived (or failed).
#[derive(Default)]
struct Arrivals(u64);

impl Reducible for Arrivals {
    type Action = ();
    fn reduce(self: Rc<Self>, (): ()) -> Rc<Self> {
        Rc::new(Arrivals(self.0 + 1))
    }
}

/// Catalogue pages wanted in the background, growing only.
#[derive(Default, PartialEq)]
struct Pages(VecSet<usize>);

impl Reducible for Pages {
    type Action = VecSet<usize>;
    fn reduce(self: Rc<Self>, more: VecSet<usize>) -> Rc<Self> {
        if more.is_subset(&self.0) {
            return self;
        }
        let mut all = self.0.clone();
        all.extend(more);
        Rc::new(Pages(all))
    }
}

/// The element id of the page's main content, the skip link's target.
const MAIN_ID: &str = "lattice-main";

/// The first Tab stop: "skip to the content", past the banner. Hash routing
/// owns the URL's fragment, so it moves focus itself instead of linking.
#[component]
fn SkipLink() -> Html {
    let lang = crate::i18n::use_lang();
    let onclick = Callback::from(|e: MouseEvent| {
        e.prevent_default();
        if let Some(main) = gloo::utils::document().get_element_by_id(MAIN_ID) {
            use wasm_bindgen::JsCast;
            if let Ok(main) = main.dyn_into::<web_sys::HtmlElement>() {
                let _ = main.focus();
            }
        }
    });
    html! {
        <a class="skip-link" href={format!("#{MAIN_ID}")} {onclick}>
            { lang.pick("跳到主要內容", "Skip to the content") }
        </a>
    }
}

/// `?` anywhere but in a text field opens the help page.
#[hook]
fn use_help_key() {
    use_effect_with((), |_| {
        let listener = gloo::events::EventListener::new_with_options(
            &gloo::utils::document(),
            "keydown",
            gloo::events::EventListenerOptions::enable_prevent_default(),
            |event| {
                use wasm_bindgen::JsCast;
                let Some(event) = event.dyn_ref::<web_sys::KeyboardEvent>() else {
                    return;
                };
                if event.key() != "?" || event.ctrl_key() || event.meta_key() || event.alt_key() {
                    return;
                }
                let typing = event
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
                    .is_some_and(|el| {
                        el.is_content_editable()
                            || matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                    });
                if !typing {
                    event.prevent_default();
                    crate::route::navigate(&Route::Help);
                }
            },
        );
        move || drop(listener)
    });
}

/// The page for a route: the library and "not found" at once, every other
/// page from its chunk (`crate::lazy`).
pub fn switch(route: &Route) -> Html {
    match route {
        Route::Library => html! { <Library /> },
        Route::LibraryPage(n) => html! { <Library page={*n} /> },
        Route::NotFound => html! { <NotFound /> },
        _ => html! { <LazyPage route={route.clone()} /> },
    }
}

/// Props: why the embedded corpus could not be read.
#[derive(Properties, PartialEq)]
pub struct UnreadableProps {
    /// The decoding error, for the reader to report.
    pub reason: AttrValue,
}

/// Shown instead of the app when the embedded corpus cannot be decoded (a
/// build from mismatched sources); says so rather than showing a blank page.
#[component]
pub fn Unreadable(props: &UnreadableProps) -> Html {
    html! {
        <main class="page">
            <section class="not-found">
                <h1>{ "無法載入書庫" }</h1>
                <p>{ "內建的文件資料無法讀取，請重新建置本程式。" }</p>
                <p class="error-detail"><code>{ props.reason.clone() }</code></p>
            </section>
        </main>
    }
}
