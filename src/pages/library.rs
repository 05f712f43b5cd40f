//! The library page (`#/`, `#/library/<n>`): the documents, a page of the
//! catalogue at a time, so the reader can pick one. Pages are routes, so a
//! page survives a reload and the back button returns to it; a large corpus
//! fetches a page's entries when it is first shown (see `crate::corpus`).

use crate::components::document_card::DocumentCard;
use crate::corpus::Corpus;
use crate::hooks::{use_scroll_to, use_title};
use crate::i18n::{use_lang, Lang};
use crate::pages::not_found::NotFound;
use crate::route::Route;
use lattice_core::catalogue::PER_PAGE;
use yew::prelude::*;

/// Props: which page of the library.
#[derive(Properties, PartialEq)]
pub struct LibraryProps {
    /// The page, from 1.
    #[prop_or(1)]
    pub page: u32,
}

/// One page of the list of documents.
#[component]
pub fn Library(props: &LibraryProps) -> Html {
    let corpus = use_context::<Corpus>().expect("App provides the corpus");
    let lang = use_lang();
    let pages = corpus.page_count();
    let number = props.page.max(1);
    let title = match (lang, pages) {
        (_, 1) => lang.pick("書庫", "Library").to_string(),
        (Lang::Zh, _) => format!("書庫（第 {number} 頁）"),
        (Lang::En, _) => format!("Library (page {number})"),
    };
    use_title(Some(title.into()));
    use_scroll_to(format!("library-{number}").into(), None);
    let index = number as usize - 1;
    let Some(entries) = corpus.page(index) else {
        let message = match lang {
            Lang::Zh => format!("書庫只有 {pages} 頁，沒有第 {number} 頁。"),
            Lang::En => format!("The library has {pages} page(s); there is no page {number}."),
        };
        return html! { <NotFound message={AttrValue::from(message)} /> };
    };
    let total = corpus.total();
    let first = index * PER_PAGE + 1;
    let last = index * PER_PAGE + entries.len();
    let lede = match (lang, pages) {
        (Lang::Zh, 1) => format!("共 {total} 篇，離線可讀。"),
        (Lang::En, 1) => format!("{total} documents, readable offline."),
        (Lang::Zh, _) => format!("共 {total} 篇，離線可讀；本頁為第 {first}–{last} 篇。"),
        (Lang::En, _) => {
            format!("{total} documents, readable offline; this page lists {first}–{last}.")
        }
    };
    html! {
        <section class="library" aria-labelledby="lattice-library-heading">
            <header class="page-header">
                <h1 id="lattice-library-heading">{ lang.pick("書庫", "Library") }</h1>
                <p class="page-lede">{ lede }</p>
            </header>
            <ul class="document-list">
                { for entries.iter().map(|entry| html! {
                    <li key={entry.id.clone()}><DocumentCard entry={entry.clone()} /></li>
                }) }
            </ul>
            if pages > 1 {
                <Pager current={number} pages={pages as u32} />
            }
        </section>
    }
}

/// Props: the page shown and how many there are.
#[derive(Properties, PartialEq)]
struct PagerProps {
    current: u32,
    pages: u32,
}

/// Previous and next links, and links to the first, last and nearby pages.
#[component]
fn Pager(props: &PagerProps) -> Html {
    let lang = use_lang();
    let (current, pages) = (props.current, props.pages);
    let link = |n: u32, text: String, rel: Option<&'static str>| {
        html! { <a href={Route::library(n).href()} rel={rel}>{ text }</a> }
    };
    let shown = page_numbers(current, pages);
    html! {
        <nav class="pager" aria-label={lang.pick("書庫分頁", "Library pages")}>
            if current > 1 {
                { link(current - 1, lang.pick("‹ 上一頁", "‹ Previous").into(), Some("prev")) }
            }
            <ol class="pager-pages">
                { for shown.iter().enumerate().map(|(i, &n)| {
                    let gap = i > 0 && n > shown[i - 1] + 1;
                    html! {
                        <>
                            if gap { <li class="pager-gap" aria-hidden="true">{ "…" }</li> }
                            <li>
                                if n == current {
                                    <span aria-current="page">{ n }</span>
                                } else {
                                    { link(n, n.to_string(), None) }
                                }
                            </li>
                        </>
                    }
                }) }
            </ol>
            if current < pages {
                { link(current + 1, lang.pick("下一頁 ›", "Next ›").into(), Some("next")) }
            }
        </nav>
    }
}

/// The page numbers a pager lists: the first, the last, and the two on each
/// side of the current one, in order.
pub fn page_numbers(current: u32, pages: u32) -> Vec<u32> {
    let near = current.saturating_sub(2).max(1)..=current.saturating_add(2).min(pages);
    (1..=pages)
        .filter(|n| *n == 1 || *n == pages || near.contains(n))
        .collect()
}
