//! Following the reading position: which section heading the reader is in
//! (for the table of contents) and which block is at the top of the screen,
//! remembered per document in local storage so the reader can resume; and
//! the paragraph being read, held in place while a display switch redraws
//! the page.

use crate::hooks::local_storage;
use gloo::events::{EventListener, EventListenerOptions};
use gloo::timers::callback::Timeout;
use std::rc::Rc;
use yew::prelude::*;

/// The local-storage key of a document's reading position.
pub fn position_key(doc: &str) -> String {
    format!("lattice.position.{doc}")
}

/// The local-storage key that marks a document read to its end.
pub fn read_key(doc: &str) -> String {
    format!("lattice.read.{doc}")
}

/// How far the reader has come with a document, for the library's cards.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Progress {
    /// Never opened past its start.
    Unread,
    /// A reading position is saved.
    InProgress,
    /// Read to the end of its text.
    Read,
}

/// The reader's progress with `doc`, from what this browser stored.
pub fn progress(doc: &str) -> Progress {
    if local_storage::read(&read_key(doc)).is_some() {
        Progress::Read
    } else if saved_position(doc).is_some() {
        Progress::InProgress
    } else {
        Progress::Unread
    }
}

/// The element id of the thin reading-progress line.
pub const PROGRESS_ID: &str = "lattice-progress";

/// How much of the text (`.doc-body`) lies above the reading line, 0 to 1.
fn fraction_read() -> Option<f64> {
    let body = gloo::utils::document()
        .query_selector(".doc-body")
        .ok()??
        .get_bounding_client_rect();
    (body.height() > 0.0)
        .then(|| ((reading_line() * 2.0 - body.top()) / body.height()).clamp(0.0, 1.0))
}

/// Draw the progress line at `fraction` (through the CSS object model: the
/// CSP allows no style attributes).
fn draw_progress(fraction: f64) {
    let Some(line) = gloo::utils::document().get_element_by_id(PROGRESS_ID) else {
        return;
    };
    if let Ok(line) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(line) {
        let _ = line.style().set_property(
            "transform",
            &format!("scaleX({})", crate::search::fixed(fraction, 3)),
        );
    }
}

/// Where the reader stopped in `doc` last time (a block id), if anywhere.
pub fn saved_position(doc: &str) -> Option<String> {
    local_storage::read(&position_key(doc))
}

/// Track the reading position in `doc` over `blocks` (ids in reading order)
/// of which `headings` are headings: returns the current heading's id, and,
/// when `remember`, stores the block at the top of the screen as the reader
/// scrolls (not while they look at a search's matches: a hit opened is not
/// where they were reading, and must not overwrite it).
#[hook]
pub fn use_reading_position(
    doc: AttrValue,
    blocks: Rc<Vec<String>>,
    headings: Rc<Vec<String>>,
    remember: bool,
) -> Option<AttrValue> {
    let current = use_state_eq(|| None::<AttrValue>);
    {
        let current = current.clone();
        use_effect_with(
            (doc, blocks, headings, remember),
            move |(doc, blocks, headings, remember)| {
                let (doc, blocks, headings, remember) =
                    (doc.clone(), blocks.clone(), headings.clone(), *remember);
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
                    if let Some(top) = top.filter(|_| remember) {
                        if gloo::utils::window().scroll_y().unwrap_or(0.0) > 0.0 {
                            local_storage::write(&position_key(&doc), top);
                        }
                    }
                    if remember && fraction_read().is_some_and(|f| f >= 0.98) {
                        local_storage::write(&read_key(&doc), "1");
                    }
                });
                update();
                if let Some(f) = fraction_read() {
                    draw_progress(f);
                }
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
                            if let Some(f) = fraction_read() {
                                draw_progress(f);
                            }
                            let update = update.clone();
                            *pending.borrow_mut() = Some(Timeout::new(120, move || update()));
                        },
                    )
                };
                move || drop(listener)
            },
        );
    }
    (*current).clone()
}

/// Where the reader's eye rests: a third of the way down the window. The
/// block crossing this line is "the paragraph being read".
fn reading_line() -> f64 {
    gloo::utils::window()
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(0.0)
        / 3.0
}

/// The paragraph being read, and how far into it the reading line is (0 at
/// its top, 1 at its bottom), as [`hold_place`] records it.
struct Place {
    element: web_sys::Element,
    fraction: f64,
}

thread_local! {
    static HELD: std::cell::RefCell<Option<Place>> = const { std::cell::RefCell::new(None) };
}

/// Remember the block being read (a heading, paragraph or note with an id)
/// before a display switch changes the layout; [`restore_place`] puts it back.
pub fn hold_place() {
    let line = reading_line();
    let Ok(blocks) =
        gloo::utils::document().query_selector_all(".doc-body > [id], .notes li[id], .doc-header")
    else {
        return;
    };
    let place = (0..blocks.length())
        .filter_map(|i| blocks.item(i))
        .filter_map(|node| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(node).ok())
        .find(|e| e.get_bounding_client_rect().bottom() > line)
        .map(|element| {
            let rect = element.get_bounding_client_rect();
            let fraction = if rect.height() > 0.0 {
                ((line - rect.top()) / rect.height()).clamp(0.0, 1.0)
            } else {
                0.0
            };
            Place { element, fraction }
        });
    HELD.with(|h| *h.borrow_mut() = place);
}

/// After the switch has been drawn: scroll so that the held block sits at
/// the reading line as before (the same fraction of it above the line).
pub fn restore_place() {
    let Some(place) = HELD.with(|h| h.borrow_mut().take()) else {
        return;
    };
    if !place.element.is_connected() {
        return;
    }
    let rect = place.element.get_bounding_client_rect();
    let wanted_top = reading_line() - place.fraction * rect.height();
    let delta = rect.top() - wanted_top;
    if delta.abs() >= 1.0 {
        gloo::utils::window().scroll_by_with_x_and_y(0.0, delta);
    }
}
