//! The one popover of the app, for notes and glossary terms alike: a layer
//! that wraps the app, provides the [`Popover`] context its triggers use, and
//! draws the popover through a portal into one overlay element at the end of
//! `<body>`, so no container clips it. It opens after a hover delay, on
//! keyboard focus or on a tap; keeps inside the viewport (below the trigger,
//! or above when there is more room there, shifted sideways to fit); stays
//! open while the pointer is inside it; closes on Escape (giving focus back to
//! the trigger), on a click elsewhere, when its trigger scrolls away and on
//! navigation.

use crate::components::marked::{render_runs, shown, Display};
use crate::components::meta::term_kind_label;
use crate::hooks::popover::{
    Popover, PopoverContent, PopoverMsg, Request, Via, POPOVER_BODY_ID, POPOVER_ID,
};
use crate::i18n::{use_lang, Lang};
use crate::route::Route;
use crate::state::use_prefs;
use gloo::events::{EventListener, EventListenerOptions};
use gloo::timers::callback::Timeout;
use lattice_core::Document;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};
use yew::prelude::*;

/// What a note absent from the source says in the popover and the notes list.
pub fn missing_note_text(lang: Lang) -> &'static str {
    lang.pick(
        "原文未收錄此註內容",
        "The source does not include this note's text.",
    )
}

/// Delay before a resting mouse opens the popover, in milliseconds.
const HOVER_OPEN_MS: u32 = 350;
/// Delay before the popover closes after the pointer leaves, in milliseconds.
const HOVER_CLOSE_MS: u32 = 300;
/// Distance kept from the viewport's edges, in pixels.
const EDGE: f64 = 8.0;
/// Gap between the trigger and the popover, in pixels.
const GAP: f64 = 6.0;

#[derive(Clone, Debug)]
struct Open {
    request: Request,
    via: Via,
}

/// The layer's state, shared by the callbacks, timers and listeners.
#[derive(Default)]
struct Inner {
    open: Option<Open>,
    timer: Option<Timeout>,
    /// Focus is being given back to a trigger: do not reopen on that focus.
    restoring: bool,
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

    // Place the popover after every render while it is open.
    {
        let inner = inner.clone();
        let popover_ref = popover_ref.clone();
        use_effect(move || {
            if let Some(open) = &inner.borrow().open {
                if let Some(popover) = popover_ref.cast::<HtmlElement>() {
                    place(&popover, &open.request.trigger);
                }
            }
        });
    }

    // While open: Escape, clicks elsewhere, scrolling, resizing, navigation.
    let open_key = inner.borrow().open.as_ref().map(|o| o.request.key.clone());
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
                    let trigger = i.borrow().open.as_ref().map(|o| o.request.trigger.clone());
                    let Some(trigger) = trigger else { return };
                    let rect = trigger.get_bounding_client_rect();
                    let height = viewport().1;
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
    let open = inner.borrow().open.clone();
    let portal = match open {
        Some(open) => create_portal(
            html! {
                <PopoverBox
                    content={open.request.content.clone()}
                    node={popover_ref.clone()}
                    send={send.clone()}
                />
            },
            (*host).clone(),
        ),
        None => Html::default(),
    };
    html! {
        <ContextProvider<Popover> {context}>
            { props.children.clone() }
            { portal }
        </ContextProvider<Popover>>
    }
}

/// Apply one message to the layer's state; re-render when it changed.
fn handle(
    inner: &Rc<RefCell<Inner>>,
    force_update: &UseForceUpdateHandle,
    popover_ref: &NodeRef,
    msg: PopoverMsg,
) {
    let rerender = || force_update.force_update();
    let mut state = inner.borrow_mut();
    let same =
        |state: &Inner, r: &Request| state.open.as_ref().is_some_and(|o| o.request.key == r.key);
    match msg {
        PopoverMsg::Hover(request) => {
            state.timer = None;
            if same(&state, &request) {
                return;
            }
            let (i, v, p) = (inner.clone(), force_update.clone(), popover_ref.clone());
            state.timer = Some(Timeout::new(HOVER_OPEN_MS, move || {
                handle(&i, &v, &p, PopoverMsg::Open(request, Via::Hover))
            }));
        }
        PopoverMsg::Open(request, via) => {
            state.timer = None;
            let upgrade = match &state.open {
                Some(o) if o.request.key == request.key => o.via == Via::Hover && via != Via::Hover,
                _ => true,
            };
            if upgrade || !same(&state, &request) {
                state.open = Some(Open { request, via });
                drop(state);
                rerender();
            }
        }
        PopoverMsg::Toggle(request) => {
            state.timer = None;
            if same(&state, &request) && state.open.as_ref().is_some_and(|o| o.via != Via::Hover) {
                state.open = None;
            } else {
                state.open = Some(Open {
                    request,
                    via: Via::Tap,
                });
            }
            drop(state);
            rerender();
        }
        PopoverMsg::Focus(request) => {
            if state.restoring {
                return;
            }
            state.timer = None;
            state.open = Some(Open {
                request,
                via: Via::Focus,
            });
            drop(state);
            rerender();
        }
        PopoverMsg::LeaveSoon => {
            match &state.open {
                Some(o) if o.via == Via::Hover => {
                    let (i, v, p) = (inner.clone(), force_update.clone(), popover_ref.clone());
                    state.timer = Some(Timeout::new(HOVER_CLOSE_MS, move || {
                        handle(
                            &i,
                            &v,
                            &p,
                            PopoverMsg::Close {
                                restore_focus: false,
                            },
                        )
                    }));
                }
                Some(_) => {}
                // A pending hover-open is cancelled.
                None => state.timer = None,
            }
        }
        PopoverMsg::Stay => state.timer = None,
        PopoverMsg::FocusInside => {
            if let Some(popover) = popover_ref.cast::<HtmlElement>() {
                if let Some(o) = state.open.as_mut() {
                    o.via = Via::Focus;
                }
                let first = popover
                    .query_selector("a[href], button")
                    .ok()
                    .flatten()
                    .and_then(|e| e.dyn_into::<HtmlElement>().ok());
                drop(state);
                let _ = first.unwrap_or(popover).focus();
            }
        }
        PopoverMsg::Blur(related) => {
            let into_popover = related.as_ref().is_some_and(|r| {
                popover_ref
                    .cast::<Element>()
                    .is_some_and(|p| p.contains(Some(r)))
            });
            let into_trigger = related.as_ref().is_some_and(|r| {
                state
                    .open
                    .as_ref()
                    .is_some_and(|o| Element::from(o.request.trigger.clone()).contains(Some(r)))
            });
            if !into_popover
                && !into_trigger
                && state.open.as_ref().is_some_and(|o| o.via == Via::Focus)
            {
                state.open = None;
                state.timer = None;
                drop(state);
                rerender();
            }
        }
        PopoverMsg::Close { restore_focus } => {
            state.timer = None;
            let Some(open) = state.open.take() else {
                return;
            };
            if restore_focus {
                state.restoring = true;
                drop(state);
                let _ = open.request.trigger.focus();
                inner.borrow_mut().restoring = false;
            } else {
                drop(state);
            }
            rerender();
        }
    }
}

/// The viewport's width and height without scroll bars.
fn viewport() -> (f64, f64) {
    let root = gloo::utils::document().document_element();
    match root {
        Some(root) => (
            f64::from(root.client_width()),
            f64::from(root.client_height()),
        ),
        None => {
            let w = gloo::utils::window();
            (
                w.inner_width().ok().and_then(|v| v.as_f64()).unwrap_or(0.0),
                w.inner_height()
                    .ok()
                    .and_then(|v| v.as_f64())
                    .unwrap_or(0.0),
            )
        }
    }
}

/// Put the popover below its trigger, or above when it fits there better,
/// shifted sideways to stay inside the viewport. Positions are set through
/// the CSS object model (the content security policy forbids style attributes).
/// A length in whole CSS pixels. Whole, so no float is ever formatted: the
/// float formatter would add kilobytes to the app for sub-pixel precision
/// nobody sees.
fn px(value: f64) -> String {
    format!("{}px", value.round() as i64)
}

fn place(popover: &HtmlElement, trigger: &HtmlElement) {
    let (width, height) = viewport();
    let rect = trigger.get_bounding_client_rect();
    let style = popover.style();
    let _ = style.set_property("max-height", "none");
    let below = height - rect.bottom() - GAP - EDGE;
    let above = rect.top() - GAP - EDGE;
    let natural = f64::from(popover.offset_height());
    let put_below = natural <= below || below >= above;
    let room = if put_below { below } else { above }.max(80.0);
    let shown_height = natural.min(room);
    let _ = style.set_property("max-height", &px(room.floor()));
    let w = f64::from(popover.offset_width());
    let left = (rect.left() + rect.width() / 2.0 - w / 2.0)
        .min(width - w - EDGE)
        .max(EDGE);
    let top = if put_below {
        rect.bottom() + GAP
    } else {
        rect.top() - GAP - shown_height
    };
    let _ = style.set_property("left", &px(left));
    let _ = style.set_property("top", &px(top));
    let _ = popover.set_attribute("data-placement", if put_below { "below" } else { "above" });
}

#[derive(Properties, PartialEq)]
struct PopoverBoxProps {
    content: PopoverContent,
    node: NodeRef,
    send: Callback<PopoverMsg>,
}

/// The popover itself.
#[component]
fn PopoverBox(props: &PopoverBoxProps) -> Html {
    let lang = use_lang();
    let prefs = use_prefs();
    let simplified = prefs.as_ref().is_some_and(|p| p.simplified);
    let send = props.send.clone();
    let onpointerenter = {
        let send = send.clone();
        Callback::from(move |_: PointerEvent| send.emit(PopoverMsg::Stay))
    };
    let onpointerleave = {
        let send = send.clone();
        Callback::from(move |e: PointerEvent| {
            if e.pointer_type() == "mouse" || e.pointer_type() == "pen" {
                send.emit(PopoverMsg::LeaveSoon)
            }
        })
    };
    let onkeydown = {
        let send = send.clone();
        let node = props.node.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() != "Tab" {
                return;
            }
            let Some(popover) = node.cast::<Element>() else {
                return;
            };
            let Ok(links) = popover.query_selector_all("a[href], button") else {
                return;
            };
            let active = gloo::utils::document().active_element();
            let at = |i: u32| links.item(i).map(|n| n.unchecked_into::<Element>());
            let edge = if e.shift_key() {
                at(0)
            } else {
                at(links.length().saturating_sub(1))
            };
            let leaving = links.length() == 0
                || edge.is_some_and(|el| Some(el) == active)
                || active.is_some_and(|a| a == popover);
            if leaving {
                e.prevent_default();
                send.emit(PopoverMsg::Close {
                    restore_focus: true,
                });
            }
        })
    };
    let onfocusout = {
        let send = send.clone();
        let node = props.node.clone();
        Callback::from(move |e: FocusEvent| {
            let related = e
                .related_target()
                .and_then(|t| t.dyn_into::<web_sys::Node>().ok());
            let inside = node
                .cast::<Element>()
                .is_some_and(|p| related.is_some() && p.contains(related.as_ref()));
            if related.is_some() && !inside {
                send.emit(PopoverMsg::Blur(
                    related.and_then(|n| n.dyn_into::<Element>().ok()),
                ));
            }
        })
    };
    let (kind, title, body, foot) = match &props.content {
        PopoverContent::Note { doc, label } => note_content(doc, label, lang, simplified),
        PopoverContent::Term { glossary, index } => match glossary.terms.get(*index) {
            Some(term) => {
                let zh = shown(&term.zh.join("、"), simplified);
                let body = html! {
                    <dl class="term-facts">
                        <dt>{ lang.pick("英文", "English") }</dt>
                        <dd lang="en">{ term.en.clone() }</dd>
                        if let Some(abbr) = &term.abbr {
                            <dt>{ lang.pick("縮寫", "Abbreviation") }</dt>
                            <dd lang="en">{ abbr.clone() }</dd>
                        }
                        <dt>{ lang.pick("中文", "Chinese") }</dt>
                        <dd lang="zh-Hant">{ zh }</dd>
                        <dt>{ lang.pick("類別", "Kind") }</dt>
                        <dd>{ term_kind_label(term.kind, lang) }</dd>
                        <dt>{ lang.pick("出現", "Occurs") }</dt>
                        <dd>{ format!("{} {}", term.count, lang.pick("次", "times")) }</dd>
                    </dl>
                };
                let foot = html! {
                    <a href={Route::Glossary.href()}>{ lang.pick("詞彙表 →", "Glossary →") }</a>
                };
                ("term", shown(&term.zh[0], simplified), body, foot)
            }
            None => ("term", String::new(), Html::default(), Html::default()),
        },
    };
    html! {
        <div
            ref={props.node.clone()}
            id={POPOVER_ID}
            class={classes!("popover", format!("popover-{kind}"))}
            role="dialog"
            aria-modal="false"
            aria-labelledby="lattice-popover-title"
            tabindex="-1"
            data-kind={kind}
            {onpointerenter}
            {onpointerleave}
            {onkeydown}
            {onfocusout}
        >
            <p class="popover-title" id="lattice-popover-title">{ title }</p>
            <div class="popover-body" id={POPOVER_BODY_ID}>{ body }</div>
            <p class="popover-foot">{ foot }</p>
        </div>
    }
}

/// Title, body and foot of a note's popover: its text (or the plain statement
/// that the source lacks it), and for a Supra/Ibid/同前註 note the note it
/// refers to, followed through up to three references.
fn note_content(
    doc: &Rc<Document>,
    label: &str,
    lang: Lang,
    simplified: bool,
) -> (&'static str, String, Html, Html) {
    let display = Display {
        simplified,
        bilingual: false,
        glossary: None,
    };
    let title = format!("{}{}", lang.pick("註 ", "Note "), label);
    let Some(note) = doc.note(label) else {
        return ("note", title, Html::default(), Html::default());
    };
    let text = |note: &lattice_core::Note| match &note.body {
        Some(body) => html! {
            <p class="popover-text">{ render_runs(doc, &note.id, body, &[], &display, None, None) }</p>
        },
        None => html! { <p class="popover-text note-missing">{ missing_note_text(lang) }</p> },
    };
    let mut seen = vec![note.label.clone()];
    let mut referred = Vec::new();
    let mut current = note;
    while let Some(next) = current.see.as_deref().and_then(|l| doc.note(l)) {
        if seen.contains(&next.label) || referred.len() == 3 {
            break;
        }
        seen.push(next.label.clone());
        referred.push(html! {
            <blockquote class="popover-see" data-see={next.label.clone()}>
                <p class="popover-see-label">{ format!("{}{}", lang.pick("所指的註 ", "Referred note "), next.label) }</p>
                { text(next) }
            </blockquote>
        });
        current = next;
    }
    let body = html! { <>{ text(note) }{ for referred }</> };
    let href = Route::Document {
        id: doc.id.clone(),
        anchor: Some(note.id.clone()),
    }
    .href();
    let foot = html! {
        <a class="popover-goto" {href}>{ lang.pick("在註釋列表中查看 ↓", "Go to the note in the list ↓") }</a>
    };
    ("note", title, body, foot)
}
