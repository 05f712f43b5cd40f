//! The library page (`#/`): every bundled document, so the reader can pick one.

use crate::components::document_card::DocumentCard;
use crate::corpus::Corpus;
use crate::hooks::{use_scroll_to, use_title};
use crate::i18n::{use_lang, Lang};
use yew::prelude::*;

/// The list of every document in the corpus.
#[component]
pub fn Library() -> Html {
    let corpus = use_context::<Corpus>().expect("App provides the corpus");
    let lang = use_lang();
    use_title(Some(lang.pick("書庫", "Library").into()));
    use_scroll_to("library".into(), None);
    let documents = corpus.documents();
    html! {
        <section class="library" aria-labelledby="lattice-library-heading">
            <header class="page-header">
                <h1 id="lattice-library-heading">{ lang.pick("書庫", "Library") }</h1>
                <p class="page-lede">{ match lang {
                    Lang::Zh => format!("共 {} 篇，全部內建，離線可讀。", documents.len()),
                    Lang::En => format!("{} documents, all built in, readable offline.", documents.len()),
                } }</p>
            </header>
            <ul class="document-list">
                { for documents.iter().map(|doc| html! {
                    <li key={doc.id.clone()}><DocumentCard doc={doc.clone()} /></li>
                }) }
            </ul>
        </section>
    }
}
