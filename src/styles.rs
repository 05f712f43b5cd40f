//! The rules of the pages whose code is fetched when first needed (the
//! reader, help, glossary and search pages: see `crate::lazy`), fetched
//! with that code, so the first load carries none of them, and a page
//! fetches its own rules alone (a search's results page, not the reader's).
//!
//! scripts/postbuild.mjs merges each page's stylesheets (those index.html
//! marks `data-lattice-lazy="<page> ..."`) into one file per page and names
//! it, with its integrity hash, in `<meta name="lattice-page-css"
//! data-page="<page>">`. [`load`] links a page's file the first time it is
//! asked for; `crate::lazy` draws such a page only once both its module and
//! its rules are in, so no page shows unstyled for a moment. A build that
//! names no such file (a component test's page) has nothing to wait for.
//! The service worker precaches the files with the rest of the app.

use lattice_core::vec_map::VecMap;
use std::cell::RefCell;
use std::future::Future;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;
use web_sys::Element;

/// Marks the `<link>` this module adds (its value: the page), so a failed
/// one can be taken out.
const LINKED: &str = "data-lattice-page";

thread_local! {
    /// Each page's stylesheet load once asked for: it settles when the file
    /// has been applied, or could not be fetched.
    static LOADING: RefCell<VecMap<&'static str, js_sys::Promise>> = RefCell::default();
}

/// Link `page`'s stylesheet unless it is linked already, and resolve to
/// whether it is in. The fetch starts at the call, so a caller can wait for
/// a module meanwhile. If it fails, the link goes, and the next call
/// fetches it anew.
pub fn load(page: &'static str) -> impl Future<Output = bool> {
    let promise =
        LOADING.with_borrow_mut(|loading| loading.get_or_insert_with(page, || link(page)).clone());
    // Handled from now on: a failure before the caller awaits (while it
    // waits for a module) is no unhandled rejection.
    let settled = JsFuture::from(promise);
    async move {
        let loaded = settled.await.is_ok();
        if !loaded {
            LOADING.with_borrow_mut(|loading| loading.remove(&page));
            let document = gloo::utils::document();
            if let Ok(Some(failed)) = document.query_selector(&format!("link[{LINKED}=\"{page}\"]"))
            {
                failed.remove();
            }
        }
        loaded
    }
}

/// A `<link>` to the stylesheet `<meta name="lattice-page-css"
/// data-page="<page>">` names, added beside that meta; a promise settled by
/// its `load` or `error` event. Resolved at once when no stylesheet is
/// named for the page.
fn link(page: &'static str) -> js_sys::Promise {
    let document = gloo::utils::document();
    let named = document
        .query_selector(&format!(
            "meta[name=lattice-page-css][data-page=\"{page}\"]"
        ))
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
            link.set_attribute(LINKED, page)?;
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
