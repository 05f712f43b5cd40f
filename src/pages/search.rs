//! The search results page (`#/search?q=…&doc=…&scope=…&glossary=0`): hits
//! ranked by relevance and grouped by document with counts, each a snippet
//! with its matches marked and the kind of passage it is in; filters for the
//! document, body or notes, and glossary expansion, all kept in the URL so a
//! search can be shared and survives a reload. An empty result says so and
//! lists the forms it tried; a shortened query says it was shortened.

use crate::components::search_box::INPUT_ID;
use crate::components::search_snippet::{kind_class, kind_label, shown_query, snippet};
use crate::hooks::{use_scroll_to, use_title};
use crate::i18n::{use_lang, Lang};
use crate::route::{navigate, Route, SearchQuery};
use crate::search::{fixed, use_search, Answer, Expansion, Found, FoundHit, Searcher};
use lattice_core::search::{Scope, MAX_QUERY_CHARS};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, HtmlInputElement, KeyboardEvent};
use yew::prelude::*;

/// Hits listed at first, and added by each "more results" (the counts cover
/// all of them); a split index fetches the texts of the listed hits only.
const PAGE: usize = 20;

/// Props: the search in the URL.
#[derive(Properties, PartialEq)]
pub struct SearchPageProps {
    /// What to search for, and the filters.
    pub search: SearchQuery,
}

/// The results page.
#[component]
pub fn SearchPage(props: &SearchPageProps) -> Html {
    let lang = use_lang();
    let searcher = use_context::<Searcher>().expect("App provides the searcher");
    use_title(Some(
        if props.search.text.trim().is_empty() {
            lang.pick("搜尋", "Search").to_string()
        } else {
            format!(
                "{} {}",
                lang.pick("搜尋", "Search"),
                shown_query(&props.search.text, 24)
            )
        }
        .into(),
    ));
    use_scroll_to("search".into(), None);
    // How many hits to list, for this search (a new search starts over).
    let shown = use_state_eq(|| (props.search.clone(), PAGE));
    let limit = if shown.0 == props.search {
        shown.1
    } else {
        PAGE
    };
    let answer = use_search(&props.search, limit, true);
    // While a split index's files arrive, the last answer stays on screen;
    // when the texts of more results fail, this search's hits so far stay
    // listed, with the failure and a Retry where "more results" was.
    let last = use_mut_ref(|| None::<(SearchQuery, Rc<Found>)>);
    let (found, busy, more_failed) = match answer.as_ref() {
        Some(Answer::Found(found)) => {
            let found = Rc::new(found.clone());
            *last.borrow_mut() = Some((props.search.clone(), found.clone()));
            (Some(found), false, None)
        }
        Some(Answer::Pending(_)) => (last.borrow().as_ref().map(|l| l.1.clone()), true, None),
        Some(Answer::Failed(reason)) => match last.borrow().as_ref() {
            Some((search, found)) if *search == props.search && limit > found.hits.len() => {
                (Some(found.clone()), false, Some(reason.clone()))
            }
            _ => (None, false, None),
        },
        None => (None, false, None),
    };
    let search = &props.search;
    let Some(found) = found else {
        return unanswered(lang, &searcher, answer.as_ref().as_ref());
    };
    let blank = found.query.is_empty();
    let more = {
        let (shown, search) = (shown.clone(), search.clone());
        Callback::from(move |_: MouseEvent| shown.set((search.clone(), limit + PAGE)))
    };

    html! {
        <section class="search-page" aria-labelledby="lattice-search-heading" aria-busy={busy.to_string()}>
            <header class="page-header">
                <h1 id="lattice-search-heading">{ lang.pick("搜尋", "Search") }</h1>
                <p class="page-lede search-summary" role="status">{ summary(lang, search, &found) }</p>
            </header>
            { filters(lang, &searcher, search) }
            if found.query.truncated {
                <p class="search-notice">
                    { format!("{} {} {}",
                        lang.pick("查詢過長，已截短為前", "The query was too long and was shortened to its first"),
                        MAX_QUERY_CHARS,
                        lang.pick("個字元或前 12 個詞來搜尋。", "characters or 12 terms."),
                    ) }
                </p>
            }
            if blank {
                <p class="search-empty">
                    { lang.pick("在上方搜尋框輸入字詞（按 / 鍵即可開始），中英文、簡繁體、全形半形皆可。",
                        "Type words into the search box above (press / to start): Chinese or English, Simplified or Traditional, full- or half-width.") }
                </p>
            } else if found.results.total == 0 {
                { empty(lang, search, &found) }
            } else {
                { groups(lang, &searcher, search, &found) }
                if let Some(reason) = more_failed {
                    { failure(lang, &searcher, reason) }
                } else if found.hits.len() < found.results.total {
                    <p class="search-more">
                        <button type="button" class="search-more-button" onclick={more} disabled={busy}>
                            { lang.pick("顯示更多結果", "More results") }
                        </button>
                    </p>
                }
            }
            <p class="search-timing" data-index-files={searcher.fetched().0.to_string()}
                data-index-bytes={searcher.fetched().1.to_string()} data-search-ms={fixed(found.elapsed_ms, 2)}>
                { format!("{} {} · {} {} ms",
                    lang.pick("已載入索引檔", "index files loaded:"), searcher.fetched().0,
                    lang.pick("本次搜尋", "this search"), fixed(found.elapsed_ms, 2)) }
            </p>
        </section>
    }
}

/// A search that has not answered: still waiting for its index files, or
/// unable to run (an index file failed to load or is damaged) — said
/// calmly, with a retry, and never as "no results".
fn unanswered(lang: Lang, searcher: &Searcher, answer: Option<&Answer>) -> Html {
    let heading = html! {
        <header class="page-header">
            <h1 id="lattice-search-heading">{ lang.pick("搜尋", "Search") }</h1>
        </header>
    };
    match answer {
        Some(Answer::Failed(reason)) => html! {
            <section class="search-page" aria-labelledby="lattice-search-heading">
                { heading }
                { failure(lang, searcher, reason.clone()) }
            </section>
        },
        _ => html! {
            <section class="search-page" aria-labelledby="lattice-search-heading" aria-busy="true">
                { heading }
                <p class="page-lede search-summary search-pending" role="status">{ lang.pick("搜尋中…", "Searching…") }</p>
            </section>
        },
    }
}

/// Why a search (or its next page of results) could not run, with a Retry.
fn failure(lang: Lang, searcher: &Searcher, reason: AttrValue) -> Html {
    let retry = {
        let searcher = searcher.clone();
        Callback::from(move |_: MouseEvent| searcher.retry())
    };
    html! {
        <div class="search-failed" role="alert">
            <p>{ lang.pick(
                "搜尋無法執行：搜尋索引的檔案無法載入或已損壞。可能是網路中斷；請確認連線後重試。",
                "The search could not run: a file of the search index could not be loaded or is damaged. You may be offline; check the connection and try again.",
            ) }</p>
            <p><button type="button" class="search-retry" onclick={retry}>{ lang.pick("重試", "Retry") }</button></p>
            <p class="error-detail"><code>{ reason }</code></p>
        </div>
    }
}

fn summary(lang: Lang, search: &SearchQuery, found: &Found) -> String {
    if found.query.is_empty() {
        return lang
            .pick("輸入字詞以搜尋全部文件。", "Type to search every document.")
            .to_string();
    }
    let q = shown_query(&search.text, 40);
    if found.results.total == 0 {
        return match lang {
            Lang::Zh => format!("「{q}」：沒有相符的段落"),
            Lang::En => format!("“{q}”: no matches"),
        };
    }
    let docs = found.documents;
    match lang {
        Lang::Zh => format!(
            "「{q}」：{} 篇文件、{} 個段落、{} 處相符",
            docs, found.results.total, found.results.occurrences
        ),
        Lang::En => format!(
            "“{q}”: {} matches in {} passages of {} documents",
            found.results.occurrences, found.results.total, docs
        ),
    }
}

/// Document, body/notes and glossary filters; each change is a new URL.
fn filters(lang: Lang, searcher: &Searcher, search: &SearchQuery) -> Html {
    let with = |f: &dyn Fn(&mut SearchQuery)| {
        let mut s = search.clone();
        f(&mut s);
        Route::Search(s)
    };
    let on_document = {
        let search = search.clone();
        Callback::from(move |e: Event| {
            let value = e
                .target_unchecked_into::<web_sys::HtmlSelectElement>()
                .value();
            navigate(&Route::Search(SearchQuery {
                document: (!value.is_empty()).then_some(value),
                ..search.clone()
            }));
        })
    };
    let on_glossary = {
        let search = search.clone();
        Callback::from(move |e: Event| {
            let on = e.target_unchecked_into::<HtmlInputElement>().checked();
            navigate(&Route::Search(SearchQuery {
                glossary: on,
                ..search.clone()
            }));
        })
    };
    let scopes = [
        (Scope::All, lang.pick("全部", "All")),
        (Scope::Body, lang.pick("正文", "Body")),
        (Scope::Notes, lang.pick("註釋", "Notes")),
    ];
    // The catalogue's entries at hand (a split corpus's search needs none of
    // its documents).
    let corpus = searcher.corpus();
    let mut documents: Vec<(String, String)> = corpus
        .entries()
        .map(|e| (e.id.clone(), e.title.clone()))
        .collect();
    if let Some(id) = &search.document {
        if !documents.iter().any(|(d, _)| d == id) {
            documents.push((id.clone(), corpus.title(id).unwrap_or_else(|| id.clone())));
        }
    }
    html! {
        <div class="search-filters">
            <label class="search-filter">
                <span class="search-filter-label">{ lang.pick("文件", "Document") }</span>
                <select class="search-doc" onchange={on_document}>
                    <option value="" selected={search.document.is_none()}>{ lang.pick("全部文件", "All documents") }</option>
                    { for documents.iter().map(|(id, title)| html! {
                        <option value={id.clone()} selected={search.document.as_deref() == Some(id.as_str())}>
                            { title.clone() }
                        </option>
                    }) }
                </select>
            </label>
            <div class="search-filter search-scope" role="group" aria-label={lang.pick("範圍", "Scope")}>
                <span class="search-filter-label" aria-hidden="true">{ lang.pick("範圍", "Scope") }</span>
                { for scopes.iter().map(|(scope, label)| {
                    let here = search.scope == *scope;
                    html! {
                        <a class={classes!("search-scope-option", here.then_some("is-current"))}
                            href={with(&|s| s.scope = *scope).href()}
                            aria-current={here.then_some("true")}>{ *label }</a>
                    }
                }) }
            </div>
            <label class="search-filter search-glossary">
                <input type="checkbox" role="switch" checked={search.glossary} onchange={on_glossary} />
                <span>{ lang.pick("詞彙表擴充（中英對照、別名）", "Glossary expansion (other-language forms, aliases)") }</span>
            </label>
        </div>
    }
}

/// `魯比歐、盧比歐（Marco Rubio）`: forms grouped by their entry; the entry's
/// own English form is said once, in the parentheses.
fn expansion_list(lang: Lang, expansions: &[Expansion]) -> Html {
    let mut entries: Vec<(&str, Vec<&str>)> = Vec::new();
    for e in expansions {
        let form = (e.form != e.via).then_some(e.form.as_str());
        match entries.iter_mut().find(|(via, _)| *via == e.via) {
            Some((_, forms)) => forms.extend(form),
            None => entries.push((&e.via, form.into_iter().collect())),
        }
    }
    let sep = lang.pick("、", ", ");
    entries
        .iter()
        .enumerate()
        .map(|(i, (via, forms))| {
            html! {
                <>
                    if i > 0 { { lang.pick("；", "; ") } }
                    if forms.is_empty() {
                        <span class="search-expansion" lang="en">{ via.to_string() }</span>
                    } else {
                        <span class="search-expansion" lang="zh-Hant">{ forms.join(sep) }</span>
                        <span class="search-expansion-via" lang="en">{ format!("（{via}）") }</span>
                    }
                </>
            }
        })
        .collect()
}

fn empty(lang: Lang, search: &SearchQuery, found: &Found) -> Html {
    let tried = found.query.tried_forms();
    html! {
        <div class="search-empty">
            <p class="search-empty-title">
                { match lang {
                    Lang::Zh => format!("找不到「{}」。", shown_query(&search.text, 40)),
                    Lang::En => format!("Nothing matches “{}”.", shown_query(&search.text, 40)),
                } }
            </p>
            <p>
                { lang.pick("已嘗試的寫法（統一為半形、小寫、簡體後比對）：", "Forms tried (matched after folding to half-width, lower case and Simplified):") }
            </p>
            <ul class="search-tried">
                { for tried.iter().take(24).map(|f| html! { <li><code>{ shown_query(f, 40) }</code></li> }) }
            </ul>
            if search.document.is_some() || search.scope != Scope::All || !search.glossary {
                <p>
                    <a href={Route::Search(SearchQuery::new(search.text.clone())).href()}>
                        { lang.pick("改為搜尋全部文件與範圍，並開啟詞彙表擴充", "Search everything, with glossary expansion") }
                    </a>
                </p>
            }
        </div>
    }
}

fn groups(lang: Lang, searcher: &Searcher, search: &SearchQuery, found: &Found) -> Html {
    // Documents in the order of their best hit; hits in rank order within.
    let mut order: Vec<&str> = Vec::new();
    for hit in &found.hits {
        if !order.contains(&hit.document.as_str()) {
            order.push(&hit.document);
        }
    }
    let onkeydown = Callback::from(move_between_hits);
    html! {
        <div class="search-results" {onkeydown}>
            // The glossary forms the query was expanded to, said once for
            // every result rather than on each card.
            if !found.expansions.is_empty() {
                <p class="search-expansions">
                    { lang.pick("也符合：", "Also matched: ") }
                    { expansion_list(lang, &found.expansions) }
                </p>
            }
            if found.hits.len() < found.results.total {
                <p class="search-notice">
                    { format!("{} {} / {}", lang.pick("列出最相關的", "Showing the most relevant"), found.hits.len(), found.results.total) }
                </p>
            }
            { for order.iter().map(|id| {
                let count = found.results.per_document.iter().find(|(d, _)| d == id).map_or(0, |(_, n)| *n);
                // Its catalogue page brings the title; until then (or if it
                // cannot be had) the document's id, never a blank heading.
                let title = searcher.corpus().title(id).unwrap_or_else(|| id.to_string());
                let doc_href = Route::Highlighted { id: id.to_string(), anchor: None, search: search.clone() }.href();
                let hits = found.hits.iter().filter(|h| h.document == *id);
                html! {
                    <section class="search-group" key={id.to_string()}>
                        <h2 class="search-group-title">
                            <a href={doc_href}>{ title }</a>
                            <span class="search-count">
                                { format!("{count} {}", lang.pick("個段落", if count == 1 { "passage" } else { "passages" })) }
                            </span>
                        </h2>
                        { jump_links(lang, searcher, search, id, found) }
                        <ol class="search-hits">
                            { for hits.map(|hit| hit_view(lang, search, hit)) }
                        </ol>
                    </section>
                }
            }) }
        </div>
    }
}

/// For a document with several hits: "n hits in this document", each a
/// link straight to its place (paragraph, heading or note) with the
/// search's matches marked there. Nothing for a single hit.
fn jump_links(
    lang: Lang,
    searcher: &Searcher,
    search: &SearchQuery,
    id: &str,
    found: &Found,
) -> Html {
    // (anchor, matches, a note's label as the index gives it).
    let mut places: Vec<(Option<String>, usize, Option<String>)> = Vec::new();
    for hit in found.hits.iter().filter(|h| h.document == id) {
        match places.iter_mut().find(|(a, _, _)| *a == hit.anchor()) {
            Some((_, n, _)) => *n += hit.matches,
            None => places.push((hit.anchor(), hit.matches, hit.note_label.clone())),
        }
    }
    if places.len() < 2 {
        return Html::default();
    }
    // Reading order: metadata (no anchor) first, then blocks, then notes.
    if let Some(doc) = searcher.corpus().document(id) {
        let order = |a: &str| {
            doc.blocks
                .iter()
                .position(|b| b.id == a)
                .or_else(|| {
                    let n = doc.notes.iter().position(|n| n.id == a)?;
                    Some(doc.blocks.len() + n)
                })
                .unwrap_or(usize::MAX)
        };
        lattice_core::sort::sort_by_key(&mut places, |(a, _, _)| a.as_deref().map(order));
    }
    let count: usize = places.iter().map(|(_, n, _)| n).sum();
    html! {
        <nav class="search-jumps" aria-label={lang.pick("本文件中的命中處", "Hits in this document")}>
            <span class="search-jumps-label">
                { match lang {
                    Lang::Zh => format!("本文件 {count} 處："),
                    Lang::En => format!("{count} hits in this document: "),
                } }
            </span>
            { for places.into_iter().map(|(anchor, n, note)| {
                let href = Route::Highlighted { id: id.to_string(), anchor: anchor.clone(), search: search.clone() }.href();
                let label = match (anchor.as_deref(), note) {
                    (None, _) => lang.pick("標題資料", "title").to_string(),
                    (Some(_), Some(note)) => format!("{}{note}", lang.pick("註 ", "note ")),
                    (Some(a), None) => crate::pages::glossary::place_label(a, lang),
                };
                html! {
                    <a class="search-jump" {href} data-anchor={anchor}>
                        { label }
                        if n > 1 { <span class="search-jump-n">{ format!("×{n}") }</span> }
                    </a>
                }
            }) }
        </nav>
    }
}

fn hit_view(lang: Lang, search: &SearchQuery, hit: &FoundHit) -> Html {
    let href = Route::Highlighted {
        id: hit.document.clone(),
        anchor: hit.anchor(),
        search: search.clone(),
    }
    .href();
    let kind = kind_label(lang, hit.kind, hit.note_label.as_deref());
    html! {
        <li class="search-hit">
            <a class="search-hit-link" {href}>
                <span class={classes!("search-kind", kind_class(hit.kind))}>{ kind }</span>
                if hit.matches > 1 {
                    <span class="search-hit-count">{ format!("{} {}", hit.matches, lang.pick("處", "matches")) }</span>
                }
                <span class="search-snippet" lang="zh-Hant">{ snippet(&hit.snippet) }</span>
            </a>
        </li>
    }
}

/// ↑/↓ between the result links; ↑ from the first goes back to the box.
fn move_between_hits(e: KeyboardEvent) {
    let up = match e.key().as_str() {
        "ArrowDown" => false,
        "ArrowUp" => true,
        _ => return,
    };
    let document = gloo::utils::document();
    let Ok(links) = document.query_selector_all(".search-hit-link") else {
        return;
    };
    let links: Vec<HtmlElement> = (0..links.length())
        .filter_map(|i| links.item(i)?.dyn_into::<HtmlElement>().ok())
        .collect();
    let active = document.active_element();
    let Some(at) = links
        .iter()
        .position(|l| active.as_ref() == Some(l.unchecked_ref::<web_sys::Element>()))
    else {
        return;
    };
    e.prevent_default();
    let target = match (up, at) {
        (true, 0) => document
            .get_element_by_id(INPUT_ID)
            .and_then(|el| el.dyn_into::<HtmlElement>().ok()),
        (true, i) => links.get(i - 1).cloned(),
        (false, i) => links.get(i + 1).cloned(),
    };
    if let Some(el) = target {
        let _ = el.focus();
    }
}
