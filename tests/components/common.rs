//! Helpers every component-test file shares: mount the app at a route into a
//! fresh element, take it down again, and wait for the browser and Yew.

use lattice_app::app::{App, AppProps};
use lattice_app::corpus::Corpus;
use wasm_bindgen_futures::JsFuture;
use web_sys::Element;
use yew::AppHandle;

/// Mount the app at `hash` into a fresh element and wait for it to render.
pub async fn mount(corpus: Corpus, hash: &str) -> (Element, AppHandle<App>) {
    gloo::utils::window().location().set_hash(hash).unwrap();
    let root = gloo::utils::document().create_element("div").unwrap();
    gloo::utils::body().append_child(&root).unwrap();
    let handle =
        yew::Renderer::<App>::with_root_and_props(root.clone(), AppProps { corpus }).render();
    yew::scheduler::flush().await;
    (root, handle)
}

/// Unmount the app and remove its element, so tests do not see each other.
pub fn unmount(root: Element, handle: AppHandle<App>) {
    handle.destroy();
    root.remove();
}

/// Let the browser run for `ms` milliseconds.
pub async fn sleep(ms: i32) {
    let tick = js_sys::Promise::new(&mut |resolve, _| {
        gloo::utils::window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    JsFuture::from(tick).await.unwrap();
}

/// Wait (up to about two seconds) until `done` holds, letting the browser
/// deliver events and Yew render between checks.
pub async fn wait_until(what: &str, done: impl Fn() -> bool) {
    for _ in 0..100 {
        if done() {
            return;
        }
        sleep(20).await;
        yew::scheduler::flush().await;
    }
    panic!("timed out waiting until {what}");
}
