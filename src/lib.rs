//! Lattice's reader app: a Yew single-page app that renders the corpus the
//! build embedded. It derives nothing at run time that the build could have
//! derived; it only routes, looks up and renders.

/// Talc instead of std's dlmalloc: 7 kB less code in the first load (the
/// allocator is the main module's, shared by every chunk), and faster.
#[cfg(all(target_family = "wasm", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

pub mod app;
pub mod components;
pub mod corpus;
pub mod fetch_plan;
pub mod fold_table;
pub mod head;
pub mod highlight;
pub mod hooks;
pub mod i18n;
pub mod lazy;
pub mod pages;
pub mod route;
pub mod search;
pub mod site;
pub mod state;
pub mod styles;

use app::{App, AppProps, Unreadable, UnreadableProps};
use corpus::Corpus;

/// Decode the embedded corpus once and mount the app on the page's `<body>`.
pub fn start() {
    // index.html paints a static header until the app mounts its own.
    if let Some(boot) = gloo::utils::document().get_element_by_id("boot") {
        boot.remove();
    }
    hooks::scroll_memory::install();
    if head::fetches() {
        yew::Renderer::<head::FetchedApp>::new().render();
        return;
    }
    match Corpus::embedded() {
        Ok(corpus) => {
            yew::Renderer::<App>::with_props(AppProps { corpus }).render();
        }
        Err(e) => {
            yew::Renderer::<Unreadable>::with_props(UnreadableProps { reason: e.into() }).render();
        }
    }
}
