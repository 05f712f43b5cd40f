//! One entry of the library: a document's title as a link, its authors, date
//! and kind, its citation metadata (English title, book, publisher, DOI, …),
//! and whether this browser has read it (unread, in progress,
//! read), so the reader can choose what to open. It shows a catalogue
//! entry, not the document, so the library never needs the documents' text.

use crate::components::marked::text_lang;
use crate::components::meta::{date_in, joined, kind_name, place_in, title_in, CitationMeta};
use crate::hooks::reading::{progress, Progress};
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
    let authors = joined(entry.authors.iter().map(String::as_str), lang);
    let title = title_in(&entry.title, &entry.citation, lang);
    let english_shown = title != entry.title;
    let (progress_class, progress_label) = match progress(&entry.id) {
        Progress::Unread => ("is-unread", lang.pick("未讀", "Unread")),
        Progress::InProgress => ("is-reading", lang.pick("閱讀中", "In progress")),
        Progress::Read => ("is-read", lang.pick("已讀", "Read")),
    };
    html! {
        <article class="card">
            <p class="kicker">
                <span class="kind">{ kind_name(entry.kind, lang) }</span>
                if let Some(category) = &entry.category {
                    <span class="kicker-detail" lang={text_lang(category, false)}>{ category.clone() }</span>
                }
                if let Some(place) = &entry.place {
                    <span class="kicker-detail" lang={text_lang(place, false)}>{ place_in(place, lang) }</span>
                }
            </p>
            <h2 class="card-title" lang={text_lang(title, false)}><a href={href}>{ title.to_string() }</a></h2>
            if english_shown {
                <p class="original-title" lang={text_lang(&entry.title, false)}>{ entry.title.clone() }</p>
            }
            <p class="byline">
                if !authors.is_empty() {
                    <span class="authors" lang={text_lang(&authors, false)}>{ authors }</span>
                }
                if let Some(d) = &entry.date {
                    <span class="date">{ date_in(d, lang) }</span>
                }
                <span class={classes!("progress", progress_class)}>{ progress_label }</span>
            </p>
            <CitationMeta citation={entry.citation.clone()} {english_shown} {lang} />
        </article>
    }
}
