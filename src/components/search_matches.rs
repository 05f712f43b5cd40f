//! A document opened from a search: provides the search's matches in it as
//! [`Highlights`] to the document page (which marks each with
//! `<mark class="hit" data-match="k">`), and shows a navigator, `3 / 12`,
//! whose previous/next buttons scroll to a match and mark it current.

use crate::components::search_snippet::shown_query;
use crate::corpus::Corpus;
use crate::highlight::Highlights;
use crate::i18n::use_lang;
use crate::route::{Route, SearchQuery};
use crate::search::Searcher;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{Element, ScrollBehavior, ScrollIntoViewOptions, ScrollLogicalPosition};
use yew::prelude::*;

/// Props: the document, the opened hit, the search, and the page itself.
#[derive(Properties, PartialEq)]
pub struct SearchMatchesProps {
    /// The document id.
    pub id: AttrValue,
    /// The block or note of the hit that was opened.
    #[prop_or_default]
    pub anchor: Option<AttrValue>,
    /// The search whose matches are marked.
    pub search: SearchQuery,
    /// The document page.
    pub children: Html,
}

/// The document page with a search's matches, and the match navigator.
#[component]
pub fn SearchMatches(props: &SearchMatchesProps) -> Html {
    let lang = use_lang();
    let searcher = use_context::<Searcher>().expect("App provides the searcher");
    let corpus = use_context::<Corpus>().expect("App provides the corpus");
    // Recomputed when the document, the glossary or the folding table
    // arrives too: in a split
    // corpus either may come after the page first renders, and matches
    // found without the glossary miss its expanded forms.
    let at_hand = (
        corpus.document(&props.id).is_some(),
        crate::fetch_plan::Held::has_glossary(&corpus),
        crate::fold_table::ready(),
    );
    // Folding needs the Traditional→Simplified table: fetched on first use.
    use_effect_with(searcher.clone(), |searcher| searcher.warm());
    let highlights = use_memo(
        (
            searcher.clone(),
            props.id.clone(),
            props.search.clone(),
            at_hand,
        ),
        |(searcher, id, search, _)| {
            let doc = corpus.document(id);
            Rc::new(searcher.highlights(id, search).joined(|anchor| {
                let doc = doc.as_ref()?;
                match doc.block(anchor) {
                    Some(block) => Some(block.plain_text()),
                    None => doc.notes.iter().find(|n| n.id == anchor)?.plain_text(),
                }
            }))
        },
    );
    let highlights: Rc<Highlights> = (*highlights).clone();
    let total = highlights.len();
    // The current match: the opened hit's first one, then wherever the reader goes.
    let start = props
        .anchor
        .as_deref()
        .and_then(|a| highlights.first_in(a))
        .unwrap_or(0);
    let current = use_state_eq(|| start);
    {
        let current = current.clone();
        use_effect_with(
            (props.id.clone(), props.anchor.clone(), props.search.clone()),
            move |_| {
                current.set(start);
                // Keyboard focus goes where the result landed, so Tab and a
                // screen reader continue from the hit, not from the top.
                if crate::hooks::scroll_memory::recorded().is_none() {
                    focus_match(start);
                }
            },
        );
    }
    // After every render: mark the current match and bring it into view,
    // unless the reader is coming back to a place they left (Back, reload).
    use_effect_with((*current, total, highlights.clone()), |(k, total, _)| {
        if *total > 0 {
            if crate::hooks::scroll_memory::recorded().is_some() {
                mark_current(*k);
            } else {
                show_match(*k);
            }
        }
    });

    let step = |delta: isize| {
        let current = current.clone();
        Callback::from(move |_: MouseEvent| {
            if total > 0 {
                let k = (*current as isize + delta).rem_euclid(total as isize) as usize;
                current.set(k);
                // Same index again (one match): still scroll back to it.
                show_match(k);
            }
        })
    };
    let results = Route::Search(props.search.clone()).href();
    let plain = Route::Document {
        id: props.id.to_string(),
        anchor: props.anchor.as_ref().map(|a| a.to_string()),
    }
    .href();
    let position = if total == 0 {
        lang.pick("本文無相符處", "No matches here").to_string()
    } else {
        format!("{} / {}", (*current).min(total - 1) + 1, total)
    };

    html! {
        <ContextProvider<Rc<Highlights>> context={highlights.clone()}>
            { props.children.clone() }
            <nav class="match-nav" aria-label={lang.pick("搜尋相符處", "Search matches")}>
                <a class="match-nav-query" href={results} title={lang.pick("回到搜尋結果", "Back to the results")}>
                    <span aria-hidden="true">{ "‹ " }</span>
                    { format!("「{}」", shown_query(&props.search.text, 16)) }
                </a>
                <span class="match-nav-count" role="status" aria-live="polite">{ position }</span>
                <button type="button" class="match-nav-prev" disabled={total == 0}
                    aria-label={lang.pick("上一個相符處", "Previous match")} onclick={step(-1)}>{ "↑" }</button>
                <button type="button" class="match-nav-next" disabled={total == 0}
                    aria-label={lang.pick("下一個相符處", "Next match")} onclick={step(1)}>{ "↓" }</button>
                <a class="match-nav-close" href={plain}
                    aria-label={lang.pick("關閉標示", "Clear the highlights")}>{ "×" }</a>
            </nav>
        </ContextProvider<Rc<Highlights>>>
    }
}

/// Mark match `k` current (and no other), and scroll it to the middle of the
/// screen.
fn show_match(k: usize) {
    let Some(mark) = mark_current(k) else {
        return;
    };
    let options = ScrollIntoViewOptions::new();
    options.set_block(ScrollLogicalPosition::Center);
    options.set_behavior(ScrollBehavior::Instant);
    mark.scroll_into_view_with_scroll_into_view_options(&options);
}

/// Give match `k` keyboard focus (it scrolls into view; [`show_match`]
/// then centres it).
fn focus_match(k: usize) {
    let Ok(Some(mark)) = gloo::utils::document().query_selector(&format!("[data-match=\"{k}\"]"))
    else {
        return;
    };
    let _ = mark.set_attribute("tabindex", "-1");
    if let Ok(mark) = mark.dyn_into::<web_sys::HtmlElement>() {
        let _ = mark.focus();
    }
}

/// Mark match `k` current (and no other); returns its mark.
fn mark_current(k: usize) -> Option<Element> {
    let document = gloo::utils::document();
    if let Ok(previous) = document.query_selector_all("mark.is-current") {
        for i in 0..previous.length() {
            if let Some(el) = previous.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                let _ = el.class_list().remove_1("is-current");
                let _ = el.remove_attribute("aria-current");
            }
        }
    }
    let mark = document
        .query_selector(&format!("[data-match=\"{k}\"]"))
        .ok()??;
    let _ = mark.class_list().add_1("is-current");
    let _ = mark.set_attribute("aria-current", "true");
    Some(mark)
}
