//! How the app obtains its corpus head. An app built for this repository
//! embeds it (build.rs); the app `lattice build` carries inside the binary
//! embeds none (`LATTICE_HEAD=fetch` at build time) and fetches
//! `corpus/head.bin`, relative to the page so a sub-path deployment works,
//! before mounting — so one app build serves any folder's corpus. Meanwhile
//! the usual loading line shows; a missing or damaged head gets a calm
//! explanation instead of a blank page.

use crate::app::App;
use crate::components::corpus_loading::CorpusLoading;
use crate::corpus::Corpus;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

/// The head's path, relative to index.html.
pub const HEAD_PATH: &str = "corpus/head.bin";

/// Whether this build fetches its head rather than embedding it (set by
/// build.rs from `LATTICE_HEAD`).
pub fn fetches() -> bool {
    env!("LATTICE_HEAD_MODE") == "fetch"
}

/// Where fetching the head has got to.
#[derive(Clone, PartialEq)]
enum Stage {
    Loading,
    Ready(Corpus),
    Failed(AttrValue),
}

/// The app once its fetched head has arrived; the loading line until then.
#[component]
pub fn FetchedApp() -> Html {
    let stage = use_state(|| Stage::Loading);
    {
        let stage = stage.clone();
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                stage.set(match fetch_head().await {
                    Ok(corpus) => Stage::Ready(corpus),
                    Err(reason) => Stage::Failed(reason.into()),
                });
            });
        });
    }
    match &*stage {
        Stage::Ready(corpus) => html! { <App corpus={corpus.clone()} /> },
        Stage::Loading => html! { <main class="page"><CorpusLoading /></main> },
        Stage::Failed(reason) => html! {
            <main class="page">
                <section class="not-found">
                    <h1>{ "無法載入書庫 · The library could not be loaded" }</h1>
                    <p>{ "網站的書庫檔案不存在或已損壞；請連上網路後重新載入本頁，或請網站管理者重新執行 lattice build。" }</p>
                    <p>{ "The site's library file is missing or damaged. Connect and reload this page, or ask the site's maintainer to run lattice build again." }</p>
                    <p class="error-detail"><code>{ reason.clone() }</code></p>
                </section>
            </main>
        },
    }
}

/// Fetch and decode the head.
async fn fetch_head() -> Result<Corpus, String> {
    let failed = |what: &str| format!("{HEAD_PATH}: {what}");
    let window = gloo::utils::window();
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str(HEAD_PATH))
        .await
        .map_err(|_| failed("network error"))?
        .dyn_into()
        .map_err(|_| failed("not a response"))?;
    let bytes = crate::corpus::body_bytes(response)
        .await
        .map_err(|e| failed(&e))?;
    Corpus::open(&bytes).map_err(|e| failed(&e))
}
