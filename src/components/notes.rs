//! The notes at the end of a document: each note's label and text (or a plain
//! statement that the source lacks it), with a back-link to every place that
//! cites it, and for a Supra/Ibid/同前註 note a link to the note it refers to.

use crate::components::marked::{anchor_href, render_runs, text_lang, DisplayOptions, Mark};
use crate::i18n::{use_lang, Lang};
use lattice_core::Document;
use std::collections::HashMap;
use std::rc::Rc;
use yew::prelude::*;

/// What a note absent from the source says, in the notes list and the popover.
pub fn missing_note_text(lang: Lang) -> &'static str {
    lang.pick(
        "原文未收錄此註內容",
        "The source does not include this note's text.",
    )
}

/// Props: the document, the anchor the route points at, and what to mark.
#[derive(Properties, PartialEq)]
pub struct NoteListProps {
    /// The document.
    pub doc: Rc<Document>,
    /// The note or block id in the route, highlighted when it is a note.
    #[prop_or_default]
    pub anchor: Option<AttrValue>,
    /// How to draw text.
    pub display: DisplayOptions,
    /// Marks per note id.
    #[prop_or_default]
    pub marks: Rc<HashMap<String, Vec<Mark>>>,
    /// For each note label, the element ids of the markers citing it.
    #[prop_or_default]
    pub citations: Rc<HashMap<String, Vec<String>>>,
}

/// The notes section; nothing when the document has no notes.
#[component]
pub fn NoteList(props: &NoteListProps) -> Html {
    let lang = use_lang();
    let doc = &props.doc;
    if doc.notes.is_empty() {
        return Html::default();
    }
    let notes = doc.notes.iter().map(|note| {
        let targeted = props.anchor.as_deref() == Some(note.id.as_str());
        let citing = props.citations.get(&note.label).cloned().unwrap_or_default();
        let many = citing.len() > 1;
        let marks = props.marks.get(&note.id).map(Vec::as_slice).unwrap_or(&[]);
        let see = note.see.as_deref().and_then(|l| doc.note(l));
        html! {
            <li id={note.id.clone()} class={classes!("note", targeted.then_some("is-target"))}>
                <span class="note-label">{ note.label.clone() }</span>
                <div class="note-body" lang={note.plain_text().map(|t| text_lang(&t, props.display.simplified))}>
                    {
                        match &note.body {
                            Some(body) => render_runs(doc, &note.id, body, marks, &props.display, None, None),
                            None => html! { <span class="note-missing" lang={lang.tag()}>{ missing_note_text(lang) }</span> },
                        }
                    }
                    if let Some(see) = see {
                        <a class="note-see" lang={lang.tag()} href={anchor_href(&doc.id, &see.id)}>
                            { format!("{}{}", lang.pick("→ 見註 ", "→ see note "), see.label) }
                        </a>
                    }
                    { for citing.iter().enumerate().map(|(k, marker)| {
                        let label = if many {
                            format!("{}{}{}", lang.pick("回到引用處 ", "Back to citation "), k + 1, lang.pick("", ""))
                        } else {
                            lang.pick("回到引用處", "Back to citation").to_string()
                        };
                        html! {
                            <a class="backref" lang={lang.tag()} href={anchor_href(&doc.id, marker)} aria-label={label}>
                                { "↩" }
                                if many { <sup>{ backref_letter(k) }</sup> }
                            </a>
                        }
                    }) }
                </div>
            </li>
        }
    });
    html! {
        <section class="notes" aria-labelledby="lattice-notes-heading">
            <h2 id="lattice-notes-heading">{ lang.pick("註釋", "Notes") }</h2>
            <ol class="note-list">{ for notes }</ol>
        </section>
    }
}

/// `a`, `b`, … `z`, `aa`, … for the k-th (from 0) back-link of a note.
fn backref_letter(k: usize) -> String {
    let letters = b"abcdefghijklmnopqrstuvwxyz";
    let mut k = k;
    let mut out = Vec::new();
    loop {
        out.push(letters[k % 26]);
        if k < 26 {
            break;
        }
        k = k / 26 - 1;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}
