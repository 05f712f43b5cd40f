//! Where each history entry was scrolled to, kept in the entry's own
//! `history.state`, so Back (and Forward, and a reload) returns the reader to
//! the place they left rather than to the top. The browser's own restoration
//! is turned off (`scrollRestoration = "manual"`): it raced the app, which
//! renders after the hash changes and used to scroll to the top meanwhile.
//!
//! A position is saved when the reader leaves a page (a click, or
//! [`crate::route::navigate`]) and, debounced, as they scroll; but only once
//! the page has been put in place ([`settled`]), so the scroll a route change
//! causes (a shorter loading page) is never recorded on the entry arriving.
//! "Settled" names the address it was said for: engines order Back's events
//! differently (WebKit runs timers between the traversal and its `popstate`,
//! and fires `hashchange` after the page has put itself in place), so a save
//! never trusts an event to have reset it, only that the address is the same.

use gloo::events::{EventListener, EventListenerOptions, EventListenerPhase};
use gloo::timers::callback::Timeout;
use std::cell::RefCell;
use wasm_bindgen::JsValue;
use web_sys::ScrollRestoration;

thread_local! {
    /// The address whose page has been scrolled into place, if any.
    static SETTLED: RefCell<Option<String>> = const { RefCell::new(None) };
    /// The debounced save of the scroll position.
    static PENDING: RefCell<Option<Timeout>> = const { RefCell::new(None) };
}

/// Take over scroll restoration and start recording positions. Call once.
pub fn install() {
    let window = gloo::utils::window();
    if let Ok(history) = window.history() {
        let _ = history.set_scroll_restoration(ScrollRestoration::Manual);
    }
    let passive = EventListenerOptions {
        phase: EventListenerPhase::Capture,
        passive: true,
    };
    EventListener::new_with_options(&window, "click", passive, |_| save()).forget();
    EventListener::new_with_options(&window, "scroll", passive, |_| {
        let timeout = Timeout::new(100, save);
        PENDING.with(|p| *p.borrow_mut() = Some(timeout));
    })
    .forget();
    // Another entry: a save due for the one left is dropped.
    for event in ["hashchange", "popstate"] {
        EventListener::new(&window, event, |_| {
            PENDING.with(|p| p.borrow_mut().take().map(Timeout::cancel));
        })
        .forget();
    }
}

/// The address of the current history entry.
fn address() -> String {
    gloo::utils::window().location().href().unwrap_or_default()
}

/// Record the current scroll position on the current history entry.
pub fn save() {
    let here = address();
    if !SETTLED.with(|s| s.borrow().as_deref() == Some(here.as_str())) {
        return;
    }
    let window = gloo::utils::window();
    let y = window.scroll_y().unwrap_or(0.0).round();
    if let Ok(history) = window.history() {
        let _ = history.replace_state(&JsValue::from_f64(y), "");
    }
}

/// The position recorded on the current history entry: `Some` when the
/// reader comes back to it (Back, Forward, reload), `None` on a new visit.
pub fn recorded() -> Option<f64> {
    gloo::utils::window()
        .history()
        .ok()
        .and_then(|h| h.state().ok())
        .and_then(|state| state.as_f64())
}

/// The page of the current entry is in place: scrolling from now on is the reader's.
pub fn settled() {
    SETTLED.with(|s| *s.borrow_mut() = Some(address()));
}
