//! One entry of the library: a document's title as a link, its authors, date
//! and kind, so the reader can choose what to open. It shows a catalogue
//! entry, not the document, so the library never needs the documents' text.

use crate::components::meta::{date_in, joined, kind_name};
use crate::i18n::use_lang;
use crate::route::Route;
use lattice_core::catalogue::Entry;
use std::rc::Rc;
use yew::prelude::*;

/// Props: the entry to present.
#[derive(Properties, PartialEq)]
pub struct DocumentCardProps {
    /// The document's catalogue entry.
    pub entry: Rc<Entry>,
}

/// A library entry.
#[component]
pub fn DocumentCard(props: &DocumentCardProps) -> Html {
    let lang = use_lang();
    let entry = &props.entry;
    let href = Route::Document {
        id: entry.id.clone(),
        anchor: None,
    }
    .href();
    let authors = joined(entry.authors.iter().map(String::as_str));
    html! {
        <article class="card">
            <p class="kicker">
                <span class="kind">{ kind_name(entry.kind, lang) }</span>
                if let Some(category) = &entry.category {
                    <span class="kicker-detail">{ category.clone() }</span>
                }
                if let Some(place) = &entry.place {
                    <span class="kicker-detail">{ place.clone() }</span>
                }
            </p>
            <h2 class="card-title"><a href={href}>{ entry.title.clone() }</a></h2>
            <p class="byline">
                if !authors.is_empty() {
                    <span class="authors">{ authors }</span>
                }
                if let Some(d) = &entry.date {
                    <span class="date">{ date_in(d, lang) }</span>
                }
            </p>
        </article>
    }
}
