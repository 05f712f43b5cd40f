//! What the popover shows: a note's text (or the plain statement that the
//! source lacks it) with the notes it refers to, or a glossary term's forms
//! and facts; and the box that holds it, which keeps keyboard focus moving
//! sensibly in and out.

use crate::components::marked::{render_runs, shown, text_lang, zh_tag, DisplayOptions};
use crate::components::meta::term_kind_label;
use crate::components::notes::missing_note_text;
use crate::hooks::popover::{PopoverContent, PopoverMsg, POPOVER_BODY_ID, POPOVER_ID};
use crate::i18n::{use_lang, Lang};
use crate::route::Route;
use crate::state::use_prefs;
use lattice_core::Document;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::Element;
use yew::prelude::*;

/// Props: what to show, the box's node reference, and the layer's messages.
#[derive(Properties, PartialEq)]
pub struct PopoverBoxProps {
    /// What the popover shows.
    pub content: PopoverContent,
    /// The box's node, for the layer to place it.
    pub node: NodeRef,
    /// The layer's messages.
    pub send: Callback<PopoverMsg>,
}

/// The popover itself.
#[component]
pub fn PopoverBox(props: &PopoverBoxProps) -> Html {
    let lang = use_lang();
    let prefs = use_prefs();
    let simplified = prefs.as_ref().is_some_and(|p| p.simplified);
    let punctuation = prefs.as_ref().is_some_and(|p| p.punctuation);
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
        PopoverContent::Note { doc, label } => {
            note_content(doc, label, lang, simplified, punctuation)
        }
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
                        <dd lang={zh_tag(simplified)}>{ zh }</dd>
                        <dt>{ lang.pick("類別", "Kind") }</dt>
                        <dd>{ term_kind_label(term.kind, lang) }</dd>
                        <dt>{ lang.pick("出現", "Occurs") }</dt>
                        <dd>{ format!("{} {}", term.count, lang.pick("次", "times")) }</dd>
                    </dl>
                };
                let foot = html! {
                    <a class="popover-entry" href={Route::GlossaryEntry(term.en.clone()).href()}>{ lang.pick("詞條與出現之處 →", "Entry and uses →") }</a>
                };
                let headword = term.zh.first().map_or(term.en.as_str(), String::as_str);
                ("term", shown(headword, simplified), body, foot)
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
    punctuation: bool,
) -> (&'static str, String, Html, Html) {
    let display = DisplayOptions {
        simplified,
        bilingual: false,
        glossary: None,
        focusable_terms: false,
        punctuation,
    };
    let title = format!("{}{}", lang.pick("註 ", "Note "), label);
    let Some(note) = doc.note(label) else {
        return ("note", title, Html::default(), Html::default());
    };
    let text = |note: &lattice_core::Note| match &note.body {
        Some(body) => html! {
            <p class="popover-text" lang={note.plain_text().map(|t| text_lang(&t, simplified))}>
                { render_runs(doc, &note.id, body, &[], &display, None, None) }
            </p>
        },
        None => html! { <p class="popover-text note-missing">{ missing_note_text(lang) }</p> },
    };
    // The Supra/Ibid/同前註 chain is resolved by the core (cycles and the
    // limit included); the popover only draws it.
    let referred: Vec<Html> = doc
        .referred_notes(&note.label, 3)
        .into_iter()
        .map(|next| {
            html! {
                <blockquote class="popover-see" data-see={next.label.clone()}>
                    <p class="popover-see-label">{ format!("{}{}", lang.pick("所指的註 ", "Referred note "), next.label) }</p>
                    { text(next) }
                </blockquote>
            }
        })
        .collect();
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
