//! The app root: provides the corpus to every page, follows the route, and
//! switches to the page it names.

use crate::components::corpus_loading::CorpusLoading;
use crate::components::popover::PopoverLayer;
use crate::components::search_matches::SearchMatches;
use crate::components::site_header::SiteHeader;
use crate::components::update_notice::UpdateNotice;
use crate::corpus::{use_corpus_for, Corpus, Fetched};
use crate::pages::document::DocumentPage;
use crate::pages::glossary::GlossaryPage;
use crate::pages::library::Library;
use crate::pages::not_found::NotFound;
use crate::pages::search::SearchPage;
use crate::route::{use_route, Route};
use crate::search::Searcher;
use crate::state::PrefsProvider;
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
    // A large corpus fetches documents as routes need them (see corpus.rs).
    let fetched = use_corpus_for(&props.corpus, &route);
    let corpus = fetched.corpus().clone();
    // The search index is built lazily, on the searcher's first use.
    let searcher = use_memo(corpus.clone(), |corpus| Searcher::new(corpus.clone()));
    html! {
        <ContextProvider<Corpus> context={corpus}>
        <PrefsProvider>
        <PopoverLayer>
        <ContextProvider<Searcher> context={(*searcher).clone()}>
            <SiteHeader />
            <main class="page">{
                match fetched {
                    Fetched::Ready(_) => switch(&route),
                    Fetched::Loading(_) => html! { <CorpusLoading /> },
                    Fetched::Failed(_, reason) => html! { <CorpusLoading failed={reason} /> },
                }
            }</main>
            <UpdateNotice />
        </ContextProvider<Searcher>>
        </PopoverLayer>
        </PrefsProvider>
        </ContextProvider<Corpus>>
    }
}

/// The page for a route.
pub fn switch(route: &Route) -> Html {
    match route {
        Route::Library => html! { <Library /> },
        Route::LibraryPage(n) => html! { <Library page={*n} /> },
        Route::Document { id, anchor } => html! {
            <DocumentPage
                id={AttrValue::from(id.clone())}
                anchor={anchor.clone().map(AttrValue::from)}
            />
        },
        Route::Search(search) => html! { <SearchPage search={search.clone()} /> },
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
        Route::Glossary => html! { <GlossaryPage /> },
        Route::NotFound => html! { <NotFound /> },
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
