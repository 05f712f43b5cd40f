//! A note marker in the text: a superscript link to the note in the end-notes
//! list that also opens the note in the popover (hover, keyboard focus, tap).

use crate::hooks::popover::{PopoverContent, POPOVER_BODY_ID, POPOVER_ID};
use crate::hooks::use_popover_trigger;
use crate::i18n::use_lang;
use crate::route::Route;
use lattice_core::Document;
use std::rc::Rc;
use yew::prelude::*;

/// U+2060 before the marker: no line may break between the text and its
/// note marker, so a marker never starts a line alone.
const WORD_JOINER: &str = "\u{2060}";

/// Props: which note of which document, and this citation's element id.
#[derive(Properties, PartialEq)]
pub struct NoteMarkerProps {
    /// The document.
    pub doc: Rc<Document>,
    /// The note's label.
    pub label: AttrValue,
    /// `ref-<label>-<k>` for the k-th citation (back-links lead here).
    #[prop_or_default]
    pub id: Option<AttrValue>,
    /// Whether the route points at this citation.
    #[prop_or_default]
    pub targeted: bool,
}

/// A note marker.
#[component]
pub fn NoteMarker(props: &NoteMarkerProps) -> Html {
    let lang = use_lang();
    let key = props
        .id
        .clone()
        .unwrap_or_else(|| format!("note-{}", props.label).into());
    let note = props.doc.note(&props.label);
    let trigger = use_popover_trigger(
        key,
        PopoverContent::Note {
            doc: props.doc.clone(),
            label: props.label.clone(),
        },
        true,
    );
    let Some(note) = note else {
        // Cited but not in the notes list: show the marker, lead nowhere.
        return html! { <sup class="noteref noteref-missing">{ WORD_JOINER }{ props.label.clone() }</sup> };
    };
    let href = Route::Document {
        id: props.doc.id.clone(),
        anchor: Some(note.id.clone()),
    }
    .href();
    let label = format!("{}{}", lang.pick("註 ", "Note "), props.label);
    html! {
        <sup class={classes!("noteref", props.targeted.then_some("is-target"))}>
            { WORD_JOINER }
            <a
                id={props.id.clone()}
                {href}
                aria-label={label}
                aria-haspopup="dialog"
                aria-expanded={trigger.expanded.to_string()}
                aria-controls={trigger.expanded.then_some(POPOVER_ID)}
                aria-describedby={trigger.expanded.then_some(POPOVER_BODY_ID)}
                ref={trigger.node}
                onpointerdown={trigger.onpointerdown}
                onpointerenter={trigger.onpointerenter}
                onpointerleave={trigger.onpointerleave}
                onfocus={trigger.onfocus}
                onblur={trigger.onblur}
                onclick={trigger.onclick}
                onkeydown={trigger.onkeydown}
            >
                { props.label.clone() }
            </a>
        </sup>
    }
}
