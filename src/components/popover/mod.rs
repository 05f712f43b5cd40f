//! The one popover of the app, for notes and glossary terms alike: a layer
//! that wraps the reader (whose note and term marks are the app's only
//! triggers, so the layer's code is the reader chunk's, not the first
//! load's: `crate::lazy`), provides the [`Popover`] context they use, and
//! draws the popover through a portal into one overlay element at the end of
//! `<body>`, so no container clips it. It opens after a hover delay, on
//! keyboard focus or on a tap; keeps inside the viewport (below the trigger,
//! or above when there is more room there, shifted sideways to fit); stays
//! open while the pointer is inside it; closes on Escape (giving focus back to
//! the trigger), on a click elsewhere, when its trigger scrolls away or
//! leaves the page (a render removed it), and on navigation.
//!
//! The rules of opening and closing are a reducer (`state`), the placement
//! arithmetic is `geometry`, what the popover shows is `content`; this module
//! wires them to the page: listeners, the hover timer, focus.

pub mod content;
mod geometry;
mod state;

use crate::hooks::popover::{Popover, PopoverMsg};
use geometry::{place, viewport_height};
use gloo::events::{EventListener, EventListenerOptions};
use gloo::timers::callback::Timeout;
use state::{reduce, Effect, Input, State};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};
use yew::prelude::*;

/// The layer's state, shared by the callbacks, timers and listeners: the
/// reducer's state and the pending hover timer.
#[derive(Default)]
struct Inner {
    state: State,
    timer: Option<Timeout>,
}

/// Props: the app.
#[derive(Properties, PartialEq)]
pub struct PopoverLayerProps {
    /// What the popover serves.
    pub children: Html,
}

/// The popover layer (see the module documentation).
#[component]
pub fn PopoverLayer(props: &PopoverLayerProps) -> Html {
    let inner = use_mut_ref(Inner::default);
    let rerender = use_force_update();
    let popover_ref = use_node_ref();
    let host = use_memo((), |_| {
        let document = gloo::utils::document();
        let host = document.create_element("div").expect("a div");
        host.set_class_name("overlay-layer");
        let _ = gloo::utils::body().append_child(&host);
        host
    });
    {
        let host = host.clone();
        use_effect_with((), move |_| move || host.remove());
    }

    let send = {
        let inner = inner.clone();
        let rerender = rerender.clone();
        let popover_ref = popover_ref.clone();
        use_callback((), move |msg: PopoverMsg, _| {
            handle(&inner, &rerender, &popover_ref, msg)
        })
    };

    // Place the popover after every render while it is open (at its
    // trigger as the page now has it, or closed when the trigger is gone).
    {
        let inner = inner.clone();
        let popover_ref = popover_ref.clone();
        let send = send.clone();
        use_effect(move || {
            if let Some(trigger) = current_trigger(&inner) {
                if let Some(popover) = popover_ref.cast::<HtmlElement>() {
                    place(&popover, &trigger);
                }
            } else if inner.borrow().state.open.is_some() {
                send.emit(PopoverMsg::Close {
                    restore_focus: false,
                });
            }
        });
    }

    // While open: Escape, clicks elsewhere, scrolling, resizing, navigation.
    let open_key = inner
        .borrow()
        .state
        .open
        .as_ref()
        .map(|o| o.request.key.clone());
    {
        let send = send.clone();
        let inner = inner.clone();
        let popover_ref = popover_ref.clone();
        use_effect_with(open_key.clone(), move |key| {
            let mut listeners = Vec::new();
            if key.is_some() {
                let window = gloo::utils::window();
                let document = gloo::utils::document();
                let s = send.clone();
                listeners.push(EventListener::new(&document, "keydown", move |e| {
                    if let Some(e) = e.dyn_ref::<KeyboardEvent>() {
                        if e.key() == "Escape" {
                            s.emit(PopoverMsg::Close {
                                restore_focus: true,
                            });
                        }
                    }
                }));
                let (s, i, p) = (send.clone(), inner.clone(), popover_ref.clone());
                listeners.push(EventListener::new_with_options(
                    &document,
                    "pointerdown",
                    EventListenerOptions::run_in_capture_phase(),
                    move |e| {
                        let target = e.target().and_then(|t| t.dyn_into::<web_sys::Node>().ok());
                        let inside =
                            |el: Option<Element>| el.is_some_and(|el| el.contains(target.as_ref()));
                        let trigger = i
                            .borrow()
                            .state
                            .open
                            .as_ref()
                            .map(|o| Element::from(o.request.trigger.clone()));
                        if !inside(p.cast::<Element>()) && !inside(trigger) {
                            s.emit(PopoverMsg::Close {
                                restore_focus: false,
                            });
                        }
                    },
                ));
                let (s, i, p) = (send.clone(), inner.clone(), popover_ref.clone());
                let on_move = move |_: &Event| {
                    if i.borrow().state.open.is_none() {
                        return;
                    }
                    let Some(trigger) = current_trigger(&i) else {
                        s.emit(PopoverMsg::Close {
                            restore_focus: false,
                        });
                        return;
                    };
                    let rect = trigger.get_bounding_client_rect();
                    let height = viewport_height();
                    if rect.bottom() < 0.0 || rect.top() > height {
                        s.emit(PopoverMsg::Close {
                            restore_focus: false,
                        });
                    } else if let Some(popover) = p.cast::<HtmlElement>() {
                        place(&popover, &trigger);
                    }
                };
                let on_move = Rc::new(on_move);
                let m = on_move.clone();
                listeners.push(EventListener::new_with_options(
                    &document,
                    "scroll",
                    EventListenerOptions {
                        phase: gloo::events::EventListenerPhase::Capture,
                        passive: true,
                    },
                    move |e| m(e),
                ));
                let m = on_move.clone();
                listeners.push(EventListener::new(&window, "resize", move |e| m(e)));
                let s = send.clone();
                listeners.push(EventListener::new(&window, "hashchange", move |_| {
                    s.emit(PopoverMsg::Close {
                        restore_focus: false,
                    })
                }));
            }
            move || drop(listeners)
        });
    }

    let popover = use_memo(send.clone(), |send| Popover {
        open_key: None,
        send: send.clone(),
    });
    let context = Popover {
        open_key,
        send: popover.send.clone(),
    };
    let open = inner.borrow().state.open.clone();
    // The box and what it shows are drawn from a chunk of the wasm
    // (crate::lazy), fetched when the reader or the glossary is: until it
    // is in, an open popover waits (and asks for it).
    let redraw = use_force_update();
    let portal = match open {
        Some(open) => match crate::lazy::popover(
            open.request.content.clone(),
            popover_ref.clone(),
            send.clone(),
        ) {
            Some(html) => create_portal(html, (*host).clone()),
            None => {
                crate::lazy::preload(
                    crate::lazy::Chunk::Popover,
                    Callback::from(move |_| redraw.force_update()),
                );
                Html::default()
            }
        },
        None => Html::default(),
    };
    html! {
        <ContextProvider<Popover> {context}>
            { props.children.clone() }
            { portal }
        </ContextProvider<Popover>>
    }
}

/// The open popover's trigger as the page has it now. A render may have
/// replaced the element a request named (the popover follows the element
/// with its id, the request's key) or removed it (term marks switched off,
/// another document): then there is none, and the popover must close; placed
/// at a detached element, it would be drawn at the window's top-left corner.
fn current_trigger(inner: &Rc<RefCell<Inner>>) -> Option<HtmlElement> {
    let mut inner = inner.borrow_mut();
    let open = inner.state.open.as_mut()?;
    if open.request.trigger.is_connected() {
        return Some(open.request.trigger.clone());
    }
    let now = gloo::utils::document()
        .get_element_by_id(&open.request.key)?
        .dyn_into::<HtmlElement>()
        .ok()?;
    open.request.trigger = now.clone();
    Some(now)
}

/// Whether a message asks to open at a trigger no longer on the page (a
/// hover's delayed open whose trigger a render removed meanwhile).
fn at_a_detached_trigger(msg: &PopoverMsg) -> bool {
    match msg {
        PopoverMsg::Hover(r)
        | PopoverMsg::Open(r, _)
        | PopoverMsg::Toggle(r)
        | PopoverMsg::Focus(r) => !r.trigger.is_connected(),
        _ => false,
    }
}

/// Apply one message: look where a blur went, reduce, then carry out the
/// effects (timers, redraw, focus).
fn handle(
    inner: &Rc<RefCell<Inner>>,
    force_update: &UseForceUpdateHandle,
    popover_ref: &NodeRef,
    msg: PopoverMsg,
) {
    if at_a_detached_trigger(&msg) {
        return;
    }
    let input = match msg {
        PopoverMsg::Blur(related) => {
            let open_trigger = inner
                .borrow()
                .state
                .open
                .as_ref()
                .map(|o| Element::from(o.request.trigger.clone()));
            let contains = |el: Option<Element>| {
                related
                    .as_ref()
                    .is_some_and(|r| el.is_some_and(|el| el.contains(Some(r))))
            };
            Input::FocusLeft {
                into_popover: contains(popover_ref.cast::<Element>()),
                into_trigger: contains(open_trigger),
            }
        }
        msg => Input::Msg(msg),
    };
    let effects = reduce(&mut inner.borrow_mut().state, input);
    for effect in effects {
        match effect {
            Effect::Cancel => inner.borrow_mut().timer = None,
            Effect::Schedule(ms, msg) => {
                let (i, v, p) = (inner.clone(), force_update.clone(), popover_ref.clone());
                let timer = Timeout::new(ms, move || handle(&i, &v, &p, msg));
                inner.borrow_mut().timer = Some(timer);
            }
            Effect::Redraw => force_update.force_update(),
            Effect::FocusInside => {
                if let Some(popover) = popover_ref.cast::<HtmlElement>() {
                    let first = popover
                        .query_selector("a[href], button")
                        .ok()
                        .flatten()
                        .and_then(|e| e.dyn_into::<HtmlElement>().ok());
                    let _ = first.unwrap_or(popover).focus();
                }
            }
            Effect::FocusTrigger(trigger) => {
                inner.borrow_mut().state.restoring = true;
                let _ = trigger.focus();
                inner.borrow_mut().state.restoring = false;
            }
        }
    }
}
