//! The document page (`#/doc/<id>` and `#/doc/<id>/<anchor>`): the title
//! block, the display switches, a table of contents that follows the reading
//! position, the headings and paragraphs in reading order (each with a stable
//! anchor, paragraphs with a link-copy control), then the notes. Glossary
//! terms and search hits are drawn as marks; note markers and terms open the
//! app's one popover. A deep link scrolls to and marks its target; an unknown
//! anchor gets a calm message; the last reading position is offered on return.

use crate::components::blocks::render_blocks;
use crate::components::copy_link::CopyLink;
use crate::components::document_header::DocumentHeader;
use crate::components::marked::{
    render_runs, shown, text_lang, zh_tag, Citations, DisplayOptions, Mark, MarkKind,
};
use crate::components::notes::NoteList;
use crate::components::reader_toolbar::ReaderToolbar;
use crate::components::toc::Toc;
use crate::corpus::Corpus;
use crate::highlight::use_highlights;
use crate::hooks::reading::{saved_position, use_reading_position, PROGRESS_ID};
use crate::hooks::{use_scroll_to, use_title};
use crate::i18n::use_lang;
use crate::pages::not_found::NotFound;
use crate::route::Route;
use crate::state::use_prefs;
use lattice_core::glossary::lexicon::DocumentTerms;
use lattice_core::glossary::marks::TermMarks;
use lattice_core::glossary::Glossary;
use lattice_core::inline::Inline;
use lattice_core::{Block, BlockKind, Document};
use std::collections::HashMap;
use std::rc::Rc;
use web_sys::{ScrollBehavior, ScrollIntoViewOptions, ScrollLogicalPosition};
use yew::prelude::*;

/// Props: which document, and where in it.
#[derive(Properties, PartialEq)]
pub struct DocumentPageProps {
    /// The document id.
    pub id: AttrValue,
    /// A block or note id to scroll to and highlight.
    #[prop_or_default]
    pub anchor: Option<AttrValue>,
}

/// Everything derived once per document: ids in order, citations, term marks.
#[derive(PartialEq)]
struct Outline {
    blocks: Rc<Vec<String>>,
    headings: Rc<Vec<String>>,
    /// Note label → the element ids of the markers citing it.
    citations: Rc<HashMap<String, Vec<String>>>,
    /// Glossary term marks by block or note id, glosses placed (the core's).
    terms: TermMarks,
}

fn outline(doc: &Document, glossary: &Glossary, uses: &DocumentTerms) -> Outline {
    let mut citations: HashMap<String, Vec<String>> = HashMap::new();
    let mut counter = Citations::default();
    for block in &doc.blocks {
        for run in &block.inlines {
            if let Inline::NoteRef { label, .. } = run {
                let id = counter.next(label);
                citations.entry(label.clone()).or_default().push(id);
            }
        }
    }
    Outline {
        blocks: Rc::new(doc.blocks.iter().map(|b| b.id.clone()).collect()),
        headings: Rc::new(
            doc.blocks
                .iter()
                .filter(|b| b.heading_level().is_some())
                .map(|b| b.id.clone())
                .collect(),
        ),
        citations: Rc::new(citations),
        terms: TermMarks::with_uses(doc, glossary, uses),
    }
}

/// One document, or the not-found page when the id is unknown.
#[component]
pub fn DocumentPage(props: &DocumentPageProps) -> Html {
    let corpus = use_context::<Corpus>().expect("App provides the corpus");
    let lang = use_lang();
    let prefs = use_prefs();
    let highlights = use_highlights();
    let doc = corpus.document(&props.id);
    // The tab names the document as displayed, or says it is not there.
    let simplified_title = prefs.as_ref().is_some_and(|p| p.simplified);
    use_title(Some(match doc.as_ref() {
        Some(d) => AttrValue::from(shown(
            crate::components::meta::title_in(&d.meta.title, &d.meta.citation, lang),
            simplified_title,
        )),
        None => AttrValue::from(lang.pick("找不到頁面", "Page not found")),
    }));
    use_scroll_to(props.id.clone(), props.anchor.clone());
    let glossary = corpus.glossary().clone();
    // The document's own uses of the terms came with it (its file).
    let uses = corpus.document_terms(&props.id);
    let outline = use_memo(
        (doc.clone(), glossary.clone(), uses),
        |(doc, glossary, uses)| doc.as_ref().map(|d| outline(d, glossary, uses)),
    );
    let (blocks, headings) = match outline.as_ref() {
        Some(o) => (o.blocks.clone(), o.headings.clone()),
        None => (Rc::default(), Rc::default()),
    };
    // A document opened at a search hit is not where the reader was reading.
    let from_search = use_context::<Rc<crate::highlight::Highlights>>().is_some();
    let current = use_reading_position(props.id.clone(), blocks, headings, !from_search);
    // Where the reader stopped last time, read once on arrival, before
    // scrolling here overwrites it; not offered when they come back to a
    // place they left (Back, reload), which puts them there already.
    let resume = use_memo(props.id.clone(), |id| {
        crate::hooks::scroll_memory::recorded()
            .is_none()
            .then(|| saved_position(id))
            .flatten()
    });
    let resume_dismissed = use_state_eq(|| None::<AttrValue>);
    let toc_open = use_state_eq(|| false);
    let on_toc = {
        let toc_open = toc_open.clone();
        Callback::from(move |open: bool| toc_open.set(open))
    };

    let (Some(doc), Some(outline)) = (doc, outline.as_ref()) else {
        let message = format!(
            "{}「{}」{}",
            lang.pick(
                "書庫裡沒有代號為",
                "The library has no document with the id "
            ),
            props.id,
            lang.pick("的文件。", "."),
        );
        return html! { <NotFound message={AttrValue::from(message)} /> };
    };
    let simplified = prefs.as_ref().is_some_and(|p| p.simplified);
    let bilingual = prefs.as_ref().is_some_and(|p| p.bilingual);
    let marked = prefs.as_ref().is_some_and(|p| p.terms);
    // Bilingual mode glosses the terms, so it draws them, marked or not.
    let terms_on = bilingual || marked;
    let display = DisplayOptions {
        simplified,
        bilingual,
        glossary: terms_on.then(|| glossary.clone()),
        focusable_terms: marked,
        punctuation: prefs.as_ref().is_some_and(|p| p.punctuation),
    };
    let anchor = props.anchor.as_deref();
    let marks_for = |id: &str| -> Vec<Mark> {
        let mut marks: Vec<Mark> = if terms_on {
            outline
                .terms
                .get(id)
                .iter()
                .map(|m| Mark {
                    range: m.start..m.end,
                    kind: MarkKind::Term(m.term),
                    gloss: m.gloss,
                })
                .collect()
        } else {
            Vec::new()
        };
        for range in highlights.for_anchor(id) {
            if let Some(k) = highlights.ordinal(id, range) {
                marks.push(Mark {
                    range: range.clone(),
                    kind: MarkKind::Hit(k),
                    gloss: None,
                });
            }
        }
        marks
    };
    let note_marks: Rc<HashMap<String, Vec<Mark>>> = Rc::new(
        doc.notes
            .iter()
            .map(|n| (n.id.clone(), marks_for(&n.id)))
            .filter(|(_, m)| !m.is_empty())
            .collect(),
    );
    let known = |a: &str| {
        doc.block(a).is_some()
            || a == crate::components::toc::NOTES_ANCHOR
            || doc.notes.iter().any(|n| n.id == a)
            || outline.citations.values().flatten().any(|m| m == a)
    };
    let lost = anchor.filter(|a| !known(a));

    // The reading position offered on return (not when a link names a place).
    let resume_at = resume
        .as_ref()
        .as_ref()
        .filter(|_| anchor.is_none())
        .filter(|_| resume_dismissed.as_deref() != Some(props.id.as_str()))
        .and_then(|id| doc.blocks.iter().position(|b| &b.id == id))
        .filter(|&i| i > 1)
        .map(|i| &doc.blocks[i]);
    let resume_banner = resume_at.map(|block| {
        let section = doc
            .blocks
            .iter()
            .take(doc.blocks.iter().position(|b| b.id == block.id).unwrap_or(0) + 1)
            .rfind(|b| b.heading_level().is_some())
            .map(|b| shown(&b.plain_text(), simplified));
        let go = {
            let id = block.id.clone();
            let dismissed = resume_dismissed.clone();
            let doc_id = props.id.clone();
            Callback::from(move |_: MouseEvent| {
                if let Some(el) = gloo::utils::document().get_element_by_id(&id) {
                    let options = ScrollIntoViewOptions::new();
                    options.set_block(ScrollLogicalPosition::Start);
                    options.set_behavior(ScrollBehavior::Instant);
                    el.scroll_into_view_with_scroll_into_view_options(&options);
                }
                dismissed.set(Some(doc_id.clone()));
            })
        };
        let dismiss = {
            let dismissed = resume_dismissed.clone();
            let doc_id = props.id.clone();
            Callback::from(move |_: MouseEvent| dismissed.set(Some(doc_id.clone())))
        };
        html! {
            <aside class="resume" aria-label={lang.pick("繼續閱讀", "Resume reading")}>
                <span>
                    { lang.pick("上次讀到", "You stopped at") }
                    if let Some(section) = section { { " " }<q lang={zh_tag(simplified)}>{ section }</q> }
                    { lang.pick("。", ".") }
                </span>
                <button type="button" class="resume-go" onclick={go}>{ lang.pick("繼續閱讀", "Resume") }</button>
                <button type="button" class="resume-dismiss" onclick={dismiss}
                    aria-label={lang.pick("關閉", "Dismiss")}>{ "×" }</button>
            </aside>
        }
    });

    let mut citations = Citations::default();
    let body = render_blocks(&doc.blocks, lang, |block| {
        let marks = marks_for(&block.id);
        render_block(&doc, block, &marks, &display, &mut citations, anchor)
    });

    html! {
        <div class="reader">
            <div class="reading-progress" aria-hidden="true"><span id={PROGRESS_ID}></span></div>
            <aside class="reader-side">
                <Toc doc={doc.clone()} current={current} {simplified}
                    open={*toc_open} on_toggle={on_toc.clone()} />
            </aside>
            <article class="document">
                <nav class="breadcrumb" aria-label={lang.pick("導覽", "Breadcrumb")}>
                    <a href={Route::Library.href()}>{ lang.pick("‹ 書庫", "‹ Library") }</a>
                </nav>
                if let Some(lost) = lost {
                    <p class="anchor-lost" role="status">
                        { lang.pick("在此文件中找不到「", "Not found in this document: “") }
                        { lost.to_string() }
                        { lang.pick("」這個位置，以下從頭顯示。", "”. Showing it from the start.") }
                    </p>
                }
                { for resume_banner }
                <DocumentHeader doc={doc.clone()} {simplified} />
                <ReaderToolbar
                    contents={(!doc.sections.is_empty()).then_some(*toc_open)}
                    on_contents={on_toc}
                />
                <div class={classes!("doc-body", display.bilingual.then_some("is-bilingual"))}
                    lang={text_lang(&doc.meta.title, simplified)}>
                    { body }
                </div>
                <NoteList
                    doc={doc.clone()}
                    anchor={props.anchor.clone()}
                    display={display.clone()}
                    marks={note_marks}
                    citations={outline.citations.clone()}
                />
            </article>
        </div>
    }
}

fn render_block(
    doc: &Rc<Document>,
    block: &Block,
    marks: &[Mark],
    display: &DisplayOptions,
    citations: &mut Citations,
    anchor: Option<&str>,
) -> Html {
    let class = classes!(
        match block.kind {
            BlockKind::Heading { .. } => "heading",
            BlockKind::Paragraph => "para",
        },
        (anchor == Some(block.id.as_str())).then_some("is-target")
    );
    let content = render_runs(
        doc,
        &block.id,
        &block.inlines,
        marks,
        display,
        Some(citations),
        anchor,
    );
    let id = block.id.clone();
    match block.kind {
        // The page title is the <h1>; section levels start at <h2>.
        BlockKind::Heading { level } => match level {
            0 | 1 => html! { <h2 {id} {class}>{ content }</h2> },
            2 => html! { <h3 {id} {class}>{ content }</h3> },
            3 => html! { <h4 {id} {class}>{ content }</h4> },
            _ => html! { <h5 {id} {class}>{ content }</h5> },
        },
        BlockKind::Paragraph => html! {
            <p {id} {class}>
                { content }
                <CopyLink doc={AttrValue::from(doc.id.clone())} anchor={AttrValue::from(block.id.clone())} />
            </p>
        },
    }
}
