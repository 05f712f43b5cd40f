//! The table of contents of a document, from its section tree, ending with
//! the notes ([`NOTES_ANCHOR`]) when it has any; the section being read is
//! marked (`aria-current`) as the reader scrolls. On narrow screens it folds
//! behind a button.

use crate::components::marked::{anchor_href, shown, text_lang};
use crate::i18n::use_lang;
use lattice_core::Document;
use std::rc::Rc;
use yew::prelude::*;

/// Props: the document, the heading being read, and the display.
#[derive(Properties, PartialEq)]
pub struct TocProps {
    /// The document.
    pub doc: Rc<Document>,
    /// Block id of the heading of the section being read.
    #[prop_or_default]
    pub current: Option<AttrValue>,
    /// Show headings in Simplified characters.
    #[prop_or_default]
    pub simplified: bool,
    /// Unfolded (narrow screens: over the text, from the reading toolbar too).
    #[prop_or_default]
    pub open: bool,
    /// Fold or unfold.
    #[prop_or_default]
    pub on_toggle: Callback<bool>,
}

/// The anchor of the notes section's heading, which the contents' Notes
/// entry links to.
pub const NOTES_ANCHOR: &str = "lattice-notes-heading";

/// The table of contents; nothing for a document without sections or notes.
#[component]
pub fn Toc(props: &TocProps) -> Html {
    let lang = use_lang();
    let open = props.open;
    let doc = &props.doc;
    if doc.sections.is_empty() && doc.notes.is_empty() {
        return Html::default();
    }
    let toggle = {
        let on_toggle = props.on_toggle.clone();
        Callback::from(move |_: MouseEvent| on_toggle.emit(!open))
    };
    // Following an entry folds the contents away again.
    let followed = {
        let on_toggle = props.on_toggle.clone();
        Callback::from(move |e: MouseEvent| {
            let on_link = e
                .target_dyn_into::<web_sys::Element>()
                .is_some_and(|t| t.closest("a").ok().flatten().is_some());
            if on_link {
                on_toggle.emit(false);
            }
        })
    };
    let roots: Vec<usize> = doc.root_sections().map(|(i, _)| i).collect();
    html! {
        <nav class={classes!("toc", open.then_some("is-open"))} aria-labelledby="lattice-toc-heading"
            onclick={followed}>
            <h2 id="lattice-toc-heading" class="toc-heading">
                <button type="button" class="toc-toggle" aria-expanded={open.to_string()}
                    aria-controls="lattice-toc-list" onclick={toggle}>
                    { lang.pick("目錄", "Contents") }
                </button>
                <span class="toc-title">{ lang.pick("目錄", "Contents") }</span>
            </h2>
            <ol class="toc-list" id="lattice-toc-list" lang={text_lang(&doc.meta.title, props.simplified)}>
                { for roots.into_iter().map(|i| entry(doc, i, props)) }
                if !doc.notes.is_empty() {
                    <li class="toc-level-1 toc-notes" lang={lang.tag()}>
                        <a href={anchor_href(&doc.id, NOTES_ANCHOR)}>
                            { lang.pick("註釋", "Notes") }
                            <span class="toc-count">{ format!(" ({})", doc.notes.len()) }</span>
                        </a>
                    </li>
                }
            </ol>
        </nav>
    }
}

fn entry(doc: &Document, index: usize, props: &TocProps) -> Html {
    let section = &doc.sections[index];
    let Some(block) = doc.blocks.get(section.heading) else {
        return Html::default();
    };
    let current = props.current.as_deref() == Some(block.id.as_str());
    html! {
        <li class={format!("toc-level-{}", section.level)}>
            <a href={anchor_href(&doc.id, &block.id)}
                class={classes!(current.then_some("is-current"))}
                aria-current={current.then_some("location")}>
                { shown(&block.plain_text(), props.simplified) }
            </a>
            if !section.children.is_empty() {
                <ol>{ for section.children.iter().map(|&c| entry(doc, c, props)) }</ol>
            }
        </li>
    }
}
