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

use gloo::events::{EventListener, EventListenerOptions, EventListenerPhase};
use gloo::timers::callback::Timeout;
use std::cell::{Cell, RefCell};
use wasm_bindgen::JsValue;
use web_sys::ScrollRestoration;

thread_local! {
    /// Whether the current entry's page has been scrolled into place.
    static SETTLED: Cell<bool> = const { Cell::new(false) };
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
    // A new entry: nothing is in place until its page says so.
    EventListener::new(&window, "hashchange", |_| {
        SETTLED.with(|s| s.set(false));
        PENDING.with(|p| p.borrow_mut().take().map(Timeout::cancel));
    })
    .forget();
}

/// Record the current scroll position on the current history entry.
pub fn save() {
    if !SETTLED.with(Cell::get) {
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
    SETTLED.with(|s| s.set(true));
}
