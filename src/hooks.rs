//! Hooks shared by the pages: name the browser tab, put the reader at the
//! right place on the page; local storage, the popover protocol, the reading
//! position and the scroll position of each history entry in `hooks/`.

use web_sys::{ScrollBehavior, ScrollIntoViewOptions, ScrollLogicalPosition};
use yew::prelude::*;

/// The name every tab title ends with.
pub const SITE_NAME: &str = "Lattice 印太安全研究讀本";

/// Set the tab title to `page · site`, or the site name alone for `None`.
/// The site is the title a built site's lattice.toml gives (in the interface
/// language when it has one), else [`SITE_NAME`].
#[hook]
pub fn use_title(page: Option<AttrValue>) {
    let lang = crate::i18n::use_lang();
    use_effect_with((page, lang), |(page, lang)| {
        let site = crate::site::Site::current().title(*lang, SITE_NAME);
        let title = match page {
            Some(page) => format!("{page} · {site}"),
            None => site.to_string(),
        };
        gloo::utils::document().set_title(&title);
    });
}

/// After navigating to `page` (any key naming the page, such as a document id),
/// put the reader in place: where they were when they come back to this
/// history entry (Back, Forward, reload; see [`scroll_memory`]), else at the
/// element with id `anchor`, else at the top of the page.
#[hook]
pub fn use_scroll_to(page: AttrValue, anchor: Option<AttrValue>) {
    use_effect_with((page, anchor), |(_, anchor)| {
        let window = gloo::utils::window();
        let target = anchor
            .as_deref()
            .and_then(|id| gloo::utils::document().get_element_by_id(id));
        match (scroll_memory::recorded(), target) {
            (Some(y), _) => window.scroll_to_with_x_and_y(0.0, y),
            (None, Some(element)) => {
                let options = ScrollIntoViewOptions::new();
                options.set_block(ScrollLogicalPosition::Start);
                options.set_behavior(ScrollBehavior::Instant);
                element.scroll_into_view_with_scroll_into_view_options(&options);
            }
            (None, None) => window.scroll_to_with_x_and_y(0.0, 0.0),
        }
        scroll_memory::settled();
    });
}

pub mod local_storage;
pub mod popover;
pub mod reading;
pub mod scroll_memory;

pub use popover::{use_popover, use_popover_trigger};
