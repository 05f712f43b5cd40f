//! The notes at the end of a document: each note's label and text (or a plain
//! statement that the source lacks it), with links back to where it is cited.

use crate::components::inlines::inlines;
use crate::route::Route;
use lattice_core::Document;
use std::rc::Rc;
use yew::prelude::*;

/// What the reader sees for a note the source cites but does not contain.
pub const MISSING_NOTE: &str = "原文未收錄此註內容";

/// Props: the document and the anchor the route points at, if any.
#[derive(Properties, PartialEq)]
pub struct NoteListProps {
    /// The document.
    pub doc: Rc<Document>,
    /// The note or block id in the route, highlighted when it is a note.
    #[prop_or_default]
    pub anchor: Option<AttrValue>,
}

/// The notes section; nothing when the document has no notes.
#[component]
pub fn NoteList(props: &NoteListProps) -> Html {
    let doc = &props.doc;
    if doc.notes.is_empty() {
        return Html::default();
    }
    let notes = doc.notes.iter().map(|note| {
        let targeted = props.anchor.as_deref() == Some(note.id.as_str());
        let mut cited_by: Vec<&str> = Vec::new();
        for block in &note.cited_by {
            if !cited_by.contains(&block.as_str()) {
                cited_by.push(block);
            }
        }
        html! {
            <li id={note.id.clone()} class={classes!("note", targeted.then_some("is-target"))}>
                <span class="note-label">{ note.label.clone() }</span>
                <div class="note-body">
                    {
                        match &note.body {
                            Some(body) => inlines(doc, body),
                            None => html! { <span class="note-missing">{ MISSING_NOTE }</span> },
                        }
                    }
                    { for cited_by.iter().map(|block| {
                        let href = Route::Document {
                            id: doc.id.clone(),
                            anchor: Some(block.to_string()),
                        }
                        .href();
                        html! { <a class="backref" href={href} aria-label="回到引用處">{ "↩" }</a> }
                    }) }
                </div>
            </li>
        }
    });
    html! {
        <section class="notes" aria-labelledby="lattice-notes-heading">
            <h2 id="lattice-notes-heading">{ "註釋" }</h2>
            <ol class="note-list">{ for notes }</ol>
        </section>
    }
}
