//! Hooks shared by the pages: name the browser tab, put the reader at the
//! right place on the page; local storage and the popover protocol in `hooks/`.

use web_sys::{ScrollBehavior, ScrollIntoViewOptions, ScrollLogicalPosition};
use yew::prelude::*;

/// The name every tab title ends with.
pub const SITE_NAME: &str = "Lattice 印太安全研究讀本";

/// Set the tab title to `page · site`, or the site name alone for `None`.
#[hook]
pub fn use_title(page: Option<AttrValue>) {
    use_effect_with(page, |page| {
        let title = match page {
            Some(page) => format!("{page} · {SITE_NAME}"),
            None => SITE_NAME.to_string(),
        };
        gloo::utils::document().set_title(&title);
    });
}

/// After navigating to `page` (any key naming the page, such as a document id),
/// scroll to the element with id `anchor`, or to the top of the page when there
/// is none or it does not exist.
#[hook]
pub fn use_scroll_to(page: AttrValue, anchor: Option<AttrValue>) {
    use_effect_with((page, anchor), |(_, anchor)| {
        let target = anchor
            .as_deref()
            .and_then(|id| gloo::utils::document().get_element_by_id(id));
        match target {
            Some(element) => {
                let options = ScrollIntoViewOptions::new();
                options.set_block(ScrollLogicalPosition::Start);
                options.set_behavior(ScrollBehavior::Instant);
                element.scroll_into_view_with_scroll_into_view_options(&options);
            }
            None => gloo::utils::window().scroll_to_with_x_and_y(0.0, 0.0),
        }
    });
}

pub mod local_storage;
pub mod popover;
pub mod reading;

pub use local_storage::use_local_storage;
pub use popover::{use_popover, use_popover_trigger};
