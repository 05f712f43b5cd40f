//! The head of a document page: kind and place (part, chapter), title (the
//! English one in the English interface when the metadata gives it),
//! authors with their affiliations and author notes, date, the citation
//! metadata, the Cite control, keywords and the source's disclaimer.

use crate::components::cite::CiteButton;
use crate::components::marked::{shown, text_lang};
use crate::components::meta::{date_in, joined, kind_name, place_in, title_in, CitationMeta};
use crate::i18n::use_lang;
use lattice_core::catalogue::place;
use lattice_core::Document;
use std::rc::Rc;
use yew::prelude::*;

/// Props: the document being read, and whether to show it in Simplified.
#[derive(Properties, PartialEq)]
pub struct DocumentHeaderProps {
    /// The document.
    pub doc: Rc<Document>,
    /// Show corpus text in Simplified characters.
    #[prop_or_default]
    pub simplified: bool,
}

/// A document's title block.
#[component]
pub fn DocumentHeader(props: &DocumentHeaderProps) -> Html {
    let lang = use_lang();
    let doc = &props.doc;
    let meta = &doc.meta;
    let s = |t: &str| shown(t, props.simplified);
    let title = title_in(&meta.title, &meta.citation, lang);
    let english_shown = title != meta.title;
    html! {
        <header class="doc-header" lang={text_lang(&meta.title, props.simplified)}>
            <p class="kicker">
                <span class="kind" lang={lang.tag()}>{ kind_name(meta.kind, lang) }</span>
                if let Some(category) = &meta.category {
                    <span class="kicker-detail">{ s(category) }</span>
                }
                if let Some(place) = place(doc) {
                    <span class="kicker-detail">{ s(&place_in(&place, lang)) }</span>
                }
            </p>
            if english_shown {
                <h1 class="doc-title" lang="en">{ title.to_string() }</h1>
                <p class="original-title">{ s(&meta.title) }</p>
            } else {
                <h1 class="doc-title">{ s(&meta.title) }</h1>
            }
            <div class="byline">
                if !meta.authors.is_empty() {
                    <span class="authors">
                        <span class="visually-hidden" lang={lang.tag()}>{ lang.pick("作者：", "Authors: ") }</span>
                        { s(&joined(meta.authors.iter().map(|a| a.name.as_str()), lang)) }
                    </span>
                }
                if let Some(d) = &meta.date {
                    <span class="date" lang={lang.tag()}>{ date_in(d, lang) }</span>
                }
                <CiteButton doc={AttrValue::from(doc.id.clone())} />
            </div>
            <CitationMeta citation={meta.citation.clone()} {english_shown} {lang} />
            <div class="author-notes">
                { for meta.authors.iter().filter_map(|a| {
                    let note = a.note.as_deref().and_then(|l| doc.note(l)).and_then(|n| n.plain_text());
                    let text = note.or_else(|| a.affiliation.clone())?;
                    Some(html! {
                        <p class="author-note">
                            // A note that opens with the name needs no label.
                            if !text.starts_with(&a.name) {
                                <span class="author-note-name">{ s(&a.name) }</span>
                            }
                            { s(&text) }
                        </p>
                    })
                }) }
            </div>
            if !meta.keywords.is_empty() {
                <ul class="keywords" aria-label={lang.pick("關鍵字", "Keywords")}>
                    { for meta.keywords.iter().map(|k| html! { <li>{ s(k) }</li> }) }
                </ul>
            }
            if let Some(disclaimer) = &meta.disclaimer {
                <p class="disclaimer">{ s(disclaimer) }</p>
            }
        </header>
    }
}
