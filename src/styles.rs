//! The rules of the pages whose code is fetched when first needed (the
//! reader, help, glossary and search pages: see `crate::lazy`), fetched
//! with that code, so the first load carries neither.
//!
//! scripts/postbuild.mjs merges their stylesheets (those index.html marks
//! `data-lattice-lazy`) into one file and names it, with its integrity hash,
//! in `<meta name="lattice-pages-css">`. [`load`] links it the first time a
//! page asks; `crate::lazy` draws such a page only once both its module and
//! these rules are in, so no page shows unstyled for a moment. A build that
//! names no such file (a component test's page) has nothing to wait for.
//! The service worker precaches the file with the rest of the app.

use std::cell::RefCell;
use std::future::Future;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;
use web_sys::Element;

/// The `<meta>` naming the pages' stylesheet.
const META: &str = "meta[name=lattice-pages-css]";
/// Marks the `<link>` this module adds, so a failed one can be taken out.
const LINKED: &str = "data-lattice-pages";

thread_local! {
    /// The stylesheet's load once asked for: it settles when the file has
    /// been applied, or could not be fetched.
    static LOADING: RefCell<Option<js_sys::Promise>> = const { RefCell::new(None) };
}

/// Link the pages' stylesheet unless it is linked already, and resolve to
/// whether it is in. The fetch starts at the call, so a caller can wait for
/// a module meanwhile. If it fails, the link goes, and the next call
/// fetches it anew.
pub fn load() -> impl Future<Output = bool> {
    let promise = LOADING.with(|l| l.borrow_mut().get_or_insert_with(link).clone());
    // Handled from now on: a failure before the caller awaits (while it
    // waits for a module) is no unhandled rejection.
    let settled = JsFuture::from(promise);
    async move {
        let loaded = settled.await.is_ok();
        if !loaded {
            LOADING.with(|l| l.borrow_mut().take());
            let document = gloo::utils::document();
            if let Ok(Some(failed)) = document.query_selector(&format!("link[{LINKED}]")) {
                failed.remove();
            }
        }
        loaded
    }
}

/// A `<link>` to the stylesheet `<meta name="lattice-pages-css">` names,
/// added beside that meta; a promise settled by its `load` or `error`
/// event. Resolved at once when no stylesheet is named.
fn link() -> js_sys::Promise {
    let document = gloo::utils::document();
    let named = document
        .query_selector(META)
        .ok()
        .flatten()
        .and_then(|meta| {
            let href = meta.get_attribute("content")?;
            Some((meta, href))
        });
    let Some((meta, href)) = named else {
        return js_sys::Promise::resolve(&JsValue::UNDEFINED);
    };
    js_sys::Promise::new(&mut |resolve, reject| {
        let linked = (|| -> Result<(), JsValue> {
            let link: Element = document.create_element("link")?;
            link.set_attribute(LINKED, "")?;
            link.set_attribute("rel", "stylesheet")?;
            if let Some(integrity) = meta.get_attribute("data-integrity") {
                link.set_attribute("integrity", &integrity)?;
            }
            link.add_event_listener_with_callback("load", &resolve)?;
            link.add_event_listener_with_callback("error", &reject)?;
            link.set_attribute("href", &href)?;
            let head = meta.parent_node().ok_or(JsValue::NULL)?;
            head.append_child(&link)?;
            Ok(())
        })();
        if let Err(why) = linked {
            let _ = reject.call1(&JsValue::UNDEFINED, &why);
        }
    })
}
