//! Following the reading position: which section heading the reader is in
//! (for the table of contents) and which block is at the top of the screen,
//! remembered per document in local storage so the reader can resume.

use crate::hooks::local_storage;
use gloo::events::{EventListener, EventListenerOptions};
use gloo::timers::callback::Timeout;
use std::rc::Rc;
use yew::prelude::*;

/// The local-storage key of a document's reading position.
pub fn position_key(doc: &str) -> String {
    format!("lattice.position.{doc}")
}

/// Where the reader stopped in `doc` last time (a block id), if anywhere.
pub fn saved_position(doc: &str) -> Option<String> {
    local_storage::read(&position_key(doc))
}

/// Track the reading position in `doc` over `blocks` (ids in reading order)
/// of which `headings` are headings: returns the current heading's id, and
/// stores the block at the top of the screen as the reader scrolls.
#[hook]
pub fn use_reading_position(
    doc: AttrValue,
    blocks: Rc<Vec<String>>,
    headings: Rc<Vec<String>>,
) -> Option<AttrValue> {
    let current = use_state_eq(|| None::<AttrValue>);
    {
        let current = current.clone();
        use_effect_with((doc, blocks, headings), move |(doc, blocks, headings)| {
            let (doc, blocks, headings) = (doc.clone(), blocks.clone(), headings.clone());
            let pending: Rc<std::cell::RefCell<Option<Timeout>>> = Rc::default();
            let update = Rc::new(move || {
                let document = gloo::utils::document();
                let top_of = |id: &str| {
                    document
                        .get_element_by_id(id)
                        .map(|e| e.get_bounding_client_rect())
                };
                // The heading of the section being read: the last one above
                // a line a little below the top of the screen.
                let heading = headings
                    .iter()
                    .take_while(|id| top_of(id).is_some_and(|r| r.top() <= 140.0))
                    .last()
                    .cloned();
                current.set(heading.map(AttrValue::from));
                let top = blocks
                    .iter()
                    .find(|id| top_of(id).is_some_and(|r| r.bottom() > 60.0));
                if let Some(top) = top {
                    if gloo::utils::window().scroll_y().unwrap_or(0.0) > 0.0 {
                        local_storage::write(&position_key(&doc), top);
                    }
                }
            });
            update();
            let listener = {
                let update = update.clone();
                EventListener::new_with_options(
                    &gloo::utils::window(),
                    "scroll",
                    EventListenerOptions {
                        phase: gloo::events::EventListenerPhase::Bubble,
                        passive: true,
                    },
                    move |_| {
                        let update = update.clone();
                        *pending.borrow_mut() = Some(Timeout::new(120, move || update()));
                    },
                )
            };
            move || drop(listener)
        });
    }
    (*current).clone()
}
