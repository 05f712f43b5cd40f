//! Inline runs to DOM: text is always a text node (never parsed as HTML),
//! emphasis is `<em>`, links open in a new tab without an opener, and note
//! references are superscript links to the note's anchor.

use crate::route::Route;
use lattice_core::inline::Inline;
use lattice_core::Document;
use yew::prelude::*;

/// Render the runs of one block or note of `doc`.
pub fn inlines(doc: &Document, runs: &[Inline]) -> Html {
    runs.iter().map(|run| inline(doc, run)).collect()
}

fn inline(doc: &Document, run: &Inline) -> Html {
    match run {
        Inline::Text(text) => html! { { text.clone() } },
        Inline::Emphasis(text) => html! { <em>{ text.clone() }</em> },
        // The core only makes links of http(s) addresses; check again anyway,
        // since an `href` is the one place text could become behaviour.
        Inline::Link { href, .. } if is_web_address(href) => html! {
            <a class="link" href={href.clone()} rel="noopener noreferrer" target="_blank">
                { href.clone() }
            </a>
        },
        Inline::Link { href, .. } => html! { { href.clone() } },
        Inline::NoteRef { label, .. } => note_ref(doc, label),
    }
}

fn note_ref(doc: &Document, label: &str) -> Html {
    match doc.note(label) {
        Some(note) => {
            let href = Route::Document {
                id: doc.id.clone(),
                anchor: Some(note.id.clone()),
            }
            .href();
            html! {
                <sup class="noteref">
                    <a href={href} aria-label={format!("註{label}")}>{ label.to_string() }</a>
                </sup>
            }
        }
        // Cited but not in the notes list: show the marker, lead nowhere.
        None => html! { <sup class="noteref noteref-missing">{ label.to_string() }</sup> },
    }
}

fn is_web_address(href: &str) -> bool {
    href.starts_with("https://") || href.starts_with("http://")
}
