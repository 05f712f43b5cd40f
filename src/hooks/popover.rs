//! The popover protocol: what a trigger (a note marker, a glossary term) asks
//! of the one popover layer, and the hook that gives a trigger its handlers —
//! hover after a delay, keyboard focus, tap, Enter/Space, Tab into the popover.
//! The layer itself (timers, placement, closing) is
//! `components::popover::PopoverLayer`.

use lattice_core::glossary::Glossary;
use lattice_core::Document;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;
use yew::prelude::*;

/// What the popover shows.
#[derive(Clone, Debug, PartialEq)]
pub enum PopoverContent {
    /// A note of a document, by label.
    Note {
        /// The document.
        doc: Rc<Document>,
        /// The note's label.
        label: AttrValue,
    },
    /// A glossary term, by index into the glossary's terms.
    Term {
        /// The glossary.
        glossary: Rc<Glossary>,
        /// The term's index.
        index: usize,
    },
}

/// How the popover was opened, which decides how it closes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Via {
    /// A mouse resting on the trigger: closes when the pointer leaves both.
    Hover,
    /// Keyboard focus: closes when focus leaves both.
    Focus,
    /// A tap or click: closes on Escape, a tap elsewhere or scrolling away.
    Tap,
}

/// A request to open the popover at a trigger.
#[derive(Clone, Debug, PartialEq)]
pub struct Request {
    /// The element it points at.
    pub trigger: HtmlElement,
    /// A key unique to the trigger on the page (its element id).
    pub key: AttrValue,
    /// What to show.
    pub content: PopoverContent,
}

/// A message to the popover layer.
#[derive(Clone, Debug, PartialEq)]
pub enum PopoverMsg {
    /// The pointer rests on a trigger: open after a short delay.
    Hover(Request),
    /// Open now.
    Open(Request, Via),
    /// Open, or close when already open at this trigger (a tap).
    Toggle(Request),
    /// Keyboard focus reached a trigger: open unless focus is being restored.
    Focus(Request),
    /// The pointer left the trigger or the popover: close soon (hover only).
    LeaveSoon,
    /// The pointer entered the popover: stay open.
    Stay,
    /// Move keyboard focus into the open popover.
    FocusInside,
    /// Focus left the trigger for `related` (maybe into the popover).
    Blur(Option<web_sys::Element>),
    /// Close; give focus back to the trigger when asked.
    Close {
        /// Focus the trigger again.
        restore_focus: bool,
    },
}

/// The popover layer as its triggers see it.
#[derive(Clone, Debug, PartialEq)]
pub struct Popover {
    /// The key of the trigger the popover is open at.
    pub open_key: Option<AttrValue>,
    /// Send a message to the layer.
    pub send: Callback<PopoverMsg>,
}

/// The element id of the popover, for `aria-controls`.
pub const POPOVER_ID: &str = "lattice-popover";
/// The element id of the popover's body, for `aria-describedby`.
pub const POPOVER_BODY_ID: &str = "lattice-popover-body";

/// The popover layer, when one is mounted.
#[hook]
pub fn use_popover() -> Option<Popover> {
    use_context::<Popover>()
}

/// Event handlers and state for one trigger.
#[derive(Clone, Debug, PartialEq)]
pub struct Trigger {
    /// Attach to the trigger element (`ref={trigger.node}`).
    pub node: NodeRef,
    /// Whether the popover is open at this trigger.
    pub expanded: bool,
    /// `pointerdown`: remembers whether this is a touch.
    pub onpointerdown: Callback<PointerEvent>,
    /// `pointerenter`: a mouse starts the hover delay.
    pub onpointerenter: Callback<PointerEvent>,
    /// `pointerleave`: a mouse leaving closes soon.
    pub onpointerleave: Callback<PointerEvent>,
    /// `focus`: keyboard focus opens.
    pub onfocus: Callback<FocusEvent>,
    /// `blur`: focus leaving closes.
    pub onblur: Callback<FocusEvent>,
    /// `click`: a tap toggles; `follow_click` decides what a mouse click does.
    pub onclick: Callback<MouseEvent>,
    /// `keydown`: Tab moves into an open popover; Enter/Space toggle a
    /// non-link trigger.
    pub onkeydown: Callback<KeyboardEvent>,
}

/// Handlers for a trigger with this key and content. A trigger that is a link
/// (`follow_click`) lets a mouse click or Enter follow it (to the end-notes
/// list); any other trigger toggles the popover on click, Enter or Space.
#[hook]
pub fn use_popover_trigger(key: AttrValue, content: PopoverContent, follow_click: bool) -> Trigger {
    let popover = use_popover();
    let touch = use_mut_ref(|| false);
    // Yew delegates events to the app root, so `current_target` is not the
    // trigger: the trigger is found through its node reference.
    let node = use_node_ref();
    let expanded = popover
        .as_ref()
        .is_some_and(|p| p.open_key.as_ref() == Some(&key));
    let send = popover
        .map(|p| p.send)
        .unwrap_or_else(|| Callback::from(|_| ()));
    let trigger_node = node.clone();
    let request = move |_: &Event| -> Option<Request> {
        let trigger = trigger_node.cast::<HtmlElement>()?;
        Some(Request {
            trigger,
            key: key.clone(),
            content: content.clone(),
        })
    };
    let request = Rc::new(request);

    let onpointerdown = {
        let touch = touch.clone();
        Callback::from(move |e: PointerEvent| *touch.borrow_mut() = e.pointer_type() == "touch")
    };
    let onpointerenter = {
        let (send, request) = (send.clone(), request.clone());
        Callback::from(move |e: PointerEvent| {
            if e.pointer_type() == "mouse" || e.pointer_type() == "pen" {
                if let Some(r) = request(&e) {
                    send.emit(PopoverMsg::Hover(r));
                }
            }
        })
    };
    let onpointerleave = {
        let send = send.clone();
        Callback::from(move |e: PointerEvent| {
            if e.pointer_type() == "mouse" || e.pointer_type() == "pen" {
                send.emit(PopoverMsg::LeaveSoon);
            }
        })
    };
    let onfocus = {
        let (send, request) = (send.clone(), request.clone());
        Callback::from(move |e: FocusEvent| {
            // Only keyboard focus opens; a click's focus is handled by the click.
            let keyboard = e
                .target_dyn_into::<web_sys::Element>()
                .and_then(|el| el.matches(":focus-visible").ok())
                .unwrap_or(false);
            if keyboard {
                if let Some(r) = request(&e) {
                    send.emit(PopoverMsg::Focus(r));
                }
            }
        })
    };
    let onblur = {
        let send = send.clone();
        Callback::from(move |e: FocusEvent| {
            let related = e
                .related_target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
            send.emit(PopoverMsg::Blur(related));
        })
    };
    let onclick = {
        let (send, request, touch) = (send.clone(), request.clone(), touch.clone());
        Callback::from(move |e: MouseEvent| {
            let tapped = std::mem::take(&mut *touch.borrow_mut());
            if tapped || !follow_click {
                e.prevent_default();
                if let Some(r) = request(&e) {
                    send.emit(PopoverMsg::Toggle(r));
                }
            } else {
                // Following the link to the end-notes list.
                send.emit(PopoverMsg::Close {
                    restore_focus: false,
                });
            }
        })
    };
    let onkeydown = {
        let (send, request) = (send.clone(), request.clone());
        Callback::from(move |e: KeyboardEvent| match e.key().as_str() {
            "Tab" if expanded && !e.shift_key() => {
                e.prevent_default();
                send.emit(PopoverMsg::FocusInside);
            }
            "Enter" | " " if !follow_click => {
                e.prevent_default();
                if let Some(r) = request(&e) {
                    send.emit(PopoverMsg::Toggle(r));
                }
            }
            _ => {}
        })
    };
    Trigger {
        node,
        expanded,
        onpointerdown,
        onpointerenter,
        onpointerleave,
        onfocus,
        onblur,
        onclick,
        onkeydown,
    }
}
