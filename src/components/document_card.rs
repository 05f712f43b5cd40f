//! One entry of the library: a document's title as a link, its authors, date
//! and kind, so the reader can choose what to open.

use crate::components::meta::{author_names, chapter_place, date_in, kind_name};
use crate::i18n::use_lang;
use crate::route::Route;
use lattice_core::Document;
use std::rc::Rc;
use yew::prelude::*;

/// Props: the document to present.
#[derive(Properties, PartialEq)]
pub struct DocumentCardProps {
    /// The document.
    pub doc: Rc<Document>,
}

/// A library entry.
#[component]
pub fn DocumentCard(props: &DocumentCardProps) -> Html {
    let lang = use_lang();
    let doc = &props.doc;
    let href = Route::Document {
        id: doc.id.clone(),
        anchor: None,
    }
    .href();
    let authors = author_names(doc);
    html! {
        <article class="card">
            <p class="kicker">
                <span class="kind">{ kind_name(doc.meta.kind, lang) }</span>
                if let Some(category) = &doc.meta.category {
                    <span class="kicker-detail">{ category.clone() }</span>
                }
                if let Some(place) = chapter_place(doc) {
                    <span class="kicker-detail">{ place }</span>
                }
            </p>
            <h2 class="card-title"><a href={href}>{ doc.meta.title.clone() }</a></h2>
            <p class="byline">
                if !authors.is_empty() {
                    <span class="authors">{ authors }</span>
                }
                if let Some(d) = &doc.meta.date {
                    <span class="date">{ date_in(d, lang) }</span>
                }
            </p>
        </article>
    }
}
