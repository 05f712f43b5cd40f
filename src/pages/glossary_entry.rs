//! One glossary entry (`#/glossary/<term>`, the term named by any of its
//! forms): its Chinese and English names, kind (a link to the list of that
//! kind), and every place the corpus uses it, by document, each with the
//! words around it and a link to the place. A name the glossary does not
//! know gets a plain message and ways on, never a blank page.
//!
//! The uses come in chunks (`lattice_core::glossary::lexicon`): the route
//! fetches the first, with its documents' titles and the first few
//! documents for context (`crate::fetch_plan`); a term used across a large
//! archive offers "more uses", one chunk at a time. A chunk that fails to
//! load or is damaged (the first or a later one) is said so under the entry,
//! with a Retry.

use crate::components::marked::{anchor_href, shown, zh_tag};
use crate::components::meta::term_kind_label;
use crate::corpus::{Corpus, WantUses};
use crate::hooks::{use_scroll_to, use_title};
use crate::i18n::{use_lang, Lang};
use crate::pages::glossary::{place_label, place_link, UsesFailed};
use crate::route::{Route, SearchQuery};
use crate::state::use_prefs;
use lattice_core::glossary::lexicon::Use;
use lattice_core::glossary::Term;
use lattice_core::Document;
use yew::prelude::*;

/// Characters of context shown on each side of a use.
const CONTEXT: usize = 24;

/// Props: the form the URL names.
#[derive(Properties, PartialEq)]
pub struct GlossaryEntryProps {
    /// Any form of the term (Chinese, English or abbreviation).
    pub term: AttrValue,
}

/// The plain text of a block or note of `doc`.
fn place_text(doc: &Document, anchor: &str) -> Option<String> {
    match doc.block(anchor) {
        Some(block) => Some(block.plain_text()),
        None => doc
            .notes
            .iter()
            .find(|n| n.id == anchor)
            .and_then(|n| n.plain_text()),
    }
}

/// The words around one use: (before, the use, after), cut at [`CONTEXT`]
/// characters with an ellipsis.
fn context(text: &str, occ: &Use) -> Option<(String, String, String)> {
    let chars: Vec<char> = text.chars().collect();
    let (start, end) = (occ.start as usize, occ.end as usize);
    if start >= end || end > chars.len() {
        return None;
    }
    let from = start.saturating_sub(CONTEXT);
    let to = (end + CONTEXT).min(chars.len());
    let mut before: String = chars[from..start].iter().collect();
    if from > 0 {
        before.insert(0, '…');
    }
    let mut after: String = chars[end..to].iter().collect();
    if to < chars.len() {
        after.push('…');
    }
    Some((before, chars[start..end].iter().collect(), after))
}

/// The entry page.
#[component]
pub fn GlossaryEntryPage(props: &GlossaryEntryProps) -> Html {
    let corpus = use_context::<Corpus>().expect("App provides the corpus");
    let lang = use_lang();
    let simplified = use_prefs().is_some_and(|p| p.simplified);
    let glossary = corpus.glossary().clone();
    let term = glossary.find(&props.term);
    let index = term.and_then(|t| glossary.terms.iter().position(|o| std::ptr::eq(o, t)));
    use_title(Some(match term {
        Some(t) => AttrValue::from(format!(
            "{} · {}",
            shown(t.zh.first().map_or(&t.en, String::as_str), simplified),
            lang.pick("詞彙表", "Glossary")
        )),
        None => AttrValue::from(lang.pick("找不到詞條", "No such entry")),
    }));
    use_scroll_to(AttrValue::from(format!("glossary/{}", props.term)), None);
    let back = html! {
        <nav class="breadcrumb" aria-label={lang.pick("導覽", "Breadcrumb")}>
            <a href={Route::Glossary.href()}>{ lang.pick("‹ 詞彙表", "‹ Glossary") }</a>
        </nav>
    };
    let Some(term) = term else {
        let search = Route::Search(SearchQuery::new(props.term.to_string())).href();
        return html! {
            <section class="glossary-entry-page not-found" aria-labelledby="lattice-entry-heading">
                { back }
                <h1 id="lattice-entry-heading">{ lang.pick("找不到詞條", "No such entry") }</h1>
                <p class="entry-missing" role="status">
                    { match lang {
                        Lang::Zh => format!("詞彙表中沒有「{}」這個詞條。", props.term),
                        Lang::En => format!("The glossary has no entry “{}”.", props.term),
                    } }
                </p>
                <p>
                    <a href={Route::Glossary.href()}>{ lang.pick("瀏覽詞彙表", "Browse the glossary") }</a>
                    { lang.pick("，或", ", or ") }
                    <a href={search}>{ lang.pick("在全文中搜尋這個詞", "search the papers for it") }</a>
                    { lang.pick("。", ".") }
                </p>
            </section>
        };
    };
    html! {
        <section class="glossary-entry-page" aria-labelledby="lattice-entry-heading">
            { back }
            <header class="page-header entry-header">
                <h1 id="lattice-entry-heading" lang={zh_tag(simplified)}>
                    { shown(term.zh.first().map_or(&term.en, String::as_str), simplified) }
                </h1>
                <p class="entry-en" lang="en">
                    { term.en.clone() }
                    if let Some(abbr) = &term.abbr {
                        <span class="entry-abbr">{ format!(" ({abbr})") }</span>
                    }
                </p>
            </header>
            { facts(term, lang, simplified) }
            if let Some(index) = index {
                <EntryUses term={index} />
            }
        </section>
    }
}

fn facts(term: &Term, lang: Lang, simplified: bool) -> Html {
    html! {
        <dl class="entry-facts">
            if term.zh.len() > 1 {
                <dt>{ lang.pick("其他寫法", "Other forms") }</dt>
                <dd lang={zh_tag(simplified)}>{ shown(&term.zh[1..].join("、"), simplified) }</dd>
            }
            <dt>{ lang.pick("類別", "Kind") }</dt>
            <dd><a href={Route::GlossaryKind(term.kind).href()}>{ term_kind_label(term.kind, lang) }</a></dd>
            <dt>{ lang.pick("出現", "Occurs") }</dt>
            <dd>{ match lang {
                Lang::Zh => format!("{} 次", term.count),
                Lang::En => format!("{} times", term.count),
            } }</dd>
            if let Some(at) = &term.defined_at {
                <dt>{ lang.pick("定義於", "Defined at") }</dt>
                <dd>{ place_link(&at.doc, &at.anchor, lang) }</dd>
            }
        </dl>
    }
}

/// Props of an entry's uses.
#[derive(Properties, PartialEq)]
struct EntryUsesProps {
    /// The term's glossary index.
    term: usize,
}

/// Every use at hand, by document in corpus order, each in its context;
/// "more uses" while chunks of them remain.
#[component]
fn EntryUses(props: &EntryUsesProps) -> Html {
    let corpus = use_context::<Corpus>().expect("App provides the corpus");
    let want_uses = use_context::<WantUses>();
    let want_titles = use_context::<crate::search::TitlePages>();
    let lang = use_lang();
    let simplified = use_prefs().is_some_and(|p| p.simplified);
    let uses = corpus.term_uses(props.term);
    // Titles of the documents listed, for those shown after "more uses"
    // (the route fetched the first chunk's).
    let pages = uses.missing_title_pages(&corpus);
    use_effect_with(pages, move |pages| {
        if let (false, Some(crate::search::TitlePages(want))) = (pages.is_empty(), want_titles) {
            want.emit(pages.clone());
        }
    });
    let asked = use_state_eq(|| None::<usize>);
    let more = uses.more;
    // The next chunk failed to load or is damaged (the first, which the
    // route fetched, or one "more uses" asked for): say so, with a Retry.
    let failure = more.and_then(|n| corpus.uses_failure(n)).cloned();
    let on_more = {
        let asked = asked.clone();
        Callback::from(move |_: MouseEvent| {
            if let (Some(n), Some(WantUses(want))) = (more, want_uses.as_ref()) {
                asked.set(Some(n));
                want.emit(n);
            }
        })
    };
    let mut by_doc: Vec<(&str, Vec<&Use>)> = Vec::new();
    for d in &uses.documents {
        match by_doc.iter_mut().find(|(id, _)| *id == d.doc) {
            Some((_, list)) => list.extend(&d.uses),
            None => by_doc.push((d.doc.as_str(), d.uses.iter().collect())),
        }
    }
    html! {
        <section class="entry-uses" aria-labelledby="lattice-entry-uses">
            <h2 id="lattice-entry-uses">{ lang.pick("出現之處", "Where it is used") }</h2>
            { for by_doc.into_iter().map(|(id, list)| {
                let doc = corpus.document(id);
                let title = corpus.title(id).unwrap_or_else(|| id.to_string());
                html! {
                    <div class="occ-doc" key={id.to_string()}>
                        <h3 class="occ-title" lang={zh_tag(simplified)}>
                            <a href={Route::Document { id: id.to_string(), anchor: None }.href()}>{ shown(&title, simplified) }</a>
                            <span class="occ-count">{ format!(" · {}", list.len()) }</span>
                        </h3>
                        <ol class="entry-occ-list">
                            { for list.into_iter().map(|o| {
                                let around = doc.as_deref()
                                    .and_then(|d| place_text(d, &o.anchor))
                                    .and_then(|t| context(&t, o));
                                html! {
                                    <li class="entry-occ">
                                        <a class="entry-occ-link" href={anchor_href(id, &o.anchor)}>
                                            <span class="entry-occ-place">{ place_label(&o.anchor, lang) }</span>
                                            if let Some((before, at, after)) = around {
                                                <span class="entry-occ-text" lang={zh_tag(simplified)}>
                                                    { shown(&before, simplified) }
                                                    <mark class="entry-occ-term">{ shown(&at, simplified) }</mark>
                                                    { shown(&after, simplified) }
                                                </span>
                                            }
                                        </a>
                                    </li>
                                }
                            }) }
                        </ol>
                    </div>
                }
            }) }
            if let Some(why) = failure {
                <UsesFailed {why} retry={on_more.clone()} />
            } else if let Some(n) = more {
                <p class="entry-more">
                    <button type="button" class="more-uses" onclick={on_more} disabled={*asked == Some(n)}>
                        { if *asked == Some(n) { lang.pick("載入中…", "Loading…") } else { lang.pick("更多出現之處", "More uses") } }
                    </button>
                </p>
            }
        </section>
    }
}
