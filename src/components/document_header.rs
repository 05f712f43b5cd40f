//! The head of a document page: kind and place, title, authors with their
//! affiliations, date, keywords and the source's disclaimer.

use crate::components::meta::{author_names, chapter_place, date, kind_label};
use lattice_core::Document;
use std::rc::Rc;
use yew::prelude::*;

/// Props: the document being read.
#[derive(Properties, PartialEq)]
pub struct DocumentHeaderProps {
    /// The document.
    pub doc: Rc<Document>,
}

/// A document's title block.
#[component]
pub fn DocumentHeader(props: &DocumentHeaderProps) -> Html {
    let doc = &props.doc;
    let meta = &doc.meta;
    let authors = author_names(doc);
    let affiliations: Vec<&str> = meta
        .authors
        .iter()
        .filter_map(|a| a.affiliation.as_deref())
        .collect();
    html! {
        <header class="doc-header">
            <p class="kicker">
                <span class="kind">{ kind_label(meta.kind) }</span>
                if let Some(category) = &meta.category {
                    <span class="kicker-detail">{ category.clone() }</span>
                }
                if let Some(place) = chapter_place(doc) {
                    <span class="kicker-detail">{ place }</span>
                }
            </p>
            <h1 class="doc-title">{ meta.title.clone() }</h1>
            <p class="byline">
                if !authors.is_empty() {
                    <span class="authors">{ authors }</span>
                }
                if let Some(d) = &meta.date {
                    <span class="date">{ date(d) }</span>
                }
            </p>
            { for affiliations.iter().map(|a| html! { <p class="affiliation">{ a.to_string() }</p> }) }
            if !meta.keywords.is_empty() {
                <ul class="keywords" aria-label="關鍵字">
                    { for meta.keywords.iter().map(|k| html! { <li>{ k.clone() }</li> }) }
                </ul>
            }
            if let Some(disclaimer) = &meta.disclaimer {
                <p class="disclaimer">{ disclaimer.clone() }</p>
            }
        </header>
    }
}
