//! The "new version" notice: when a newer build has been downloaded in the
//! background (a service worker waiting, see `static/sw-register.js`), a calm
//! bar offers to reload into it. Nothing changes until the reader says so.
//!
//! The registration script owns the service-worker protocol; this component
//! only listens: `data-update="ready"` on `<html>` (an update found before the
//! app mounted) or a `lattice-update` event on `window`, and answers with a
//! `lattice-reload` event.

use crate::i18n::use_lang;
use gloo::events::EventListener;
use gloo::utils::{document, window};
use yew::prelude::*;

/// Whether the registration script has already found a waiting update.
fn update_ready() -> bool {
    document()
        .document_element()
        .and_then(|html| html.get_attribute("data-update"))
        .is_some_and(|state| state == "ready")
}

/// A bar at the foot of the screen, shown only while an update waits.
#[component]
pub fn UpdateNotice() -> Html {
    let lang = use_lang();
    let ready = use_state(update_ready);
    {
        let ready = ready.clone();
        use_effect_with((), move |_| {
            let listener =
                EventListener::new(&window(), "lattice-update", move |_| ready.set(true));
            move || drop(listener)
        });
    }
    if !*ready {
        return Html::default();
    }
    let reload = Callback::from(|_: MouseEvent| {
        if let Ok(event) = web_sys::Event::new("lattice-reload") {
            // A listener's failure leaves the notice up: nothing to report.
            let _ = window().dispatch_event(&event);
        }
    });
    html! {
        <div class="update-notice" role="status">
            <span>{ lang.pick("新版本已可用", "New version available") }</span>
            <button type="button" onclick={reload}>{ lang.pick("重新載入", "Reload") }</button>
        </div>
    }
}
