//! The document page (`#/doc/<id>` and `#/doc/<id>/<anchor>`): the title
//! block, the headings and paragraphs in reading order, then the notes.

use crate::components::document_header::DocumentHeader;
use crate::components::inlines::inlines;
use crate::components::notes::NoteList;
use crate::corpus::Corpus;
use crate::hooks::{use_scroll_to, use_title};
use crate::pages::not_found::NotFound;
use crate::route::Route;
use lattice_core::{Block, BlockKind, Document};
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

/// One document, or the not-found page when the id is unknown.
#[component]
pub fn DocumentPage(props: &DocumentPageProps) -> Html {
    let corpus = use_context::<Corpus>().expect("App provides the corpus");
    let doc = corpus.document(&props.id);
    use_title(doc.as_ref().map(|d| AttrValue::from(d.meta.title.clone())));
    use_scroll_to(props.id.clone(), props.anchor.clone());

    let Some(doc) = doc else {
        let message = format!("書庫裡沒有代號為「{}」的文件。", props.id);
        return html! { <NotFound message={AttrValue::from(message)} /> };
    };
    let anchor = props.anchor.as_deref();
    html! {
        <article class="document" lang="zh-Hant">
            <nav class="breadcrumb" aria-label="導覽">
                <a href={Route::Library.href()}>{ "‹ 書庫" }</a>
            </nav>
            <DocumentHeader doc={doc.clone()} />
            <div class="doc-body">
                { for doc.blocks.iter().map(|block| render_block(&doc, block, anchor)) }
            </div>
            <NoteList doc={doc.clone()} anchor={props.anchor.clone()} />
        </article>
    }
}

fn render_block(doc: &Document, block: &Block, anchor: Option<&str>) -> Html {
    let class = classes!(
        match block.kind {
            BlockKind::Heading { .. } => "heading",
            BlockKind::Paragraph => "para",
        },
        (anchor == Some(block.id.as_str())).then_some("is-target")
    );
    let content = inlines(doc, &block.inlines);
    let id = block.id.clone();
    match block.kind {
        // The page title is the <h1>; section levels start at <h2>.
        BlockKind::Heading { level } => match level {
            0 | 1 => html! { <h2 {id} {class}>{ content }</h2> },
            2 => html! { <h3 {id} {class}>{ content }</h3> },
            3 => html! { <h4 {id} {class}>{ content }</h4> },
            _ => html! { <h5 {id} {class}>{ content }</h5> },
        },
        BlockKind::Paragraph => html! { <p {id} {class}>{ content }</p> },
    }
}
