//! The search box's list of suggestions: the best hits of what is typed,
//! then the option that opens the full results page. The box
//! (`components::search_box`) owns the text, the highlight and the keys;
//! this draws the options, and is drawn from a chunk of its own
//! (`crate::lazy::suggestions`), which the box fetches on focus with the
//! engine's: the list has nothing to show before the engine is in, so its
//! code need not be in the first load, nor in the results page's.

use crate::components::search_snippet::{kind_label, shown_query, snippet};
use crate::i18n::use_lang;
use crate::route::{navigate, Route, SearchQuery};
use crate::search::{use_search, Answer, Searcher};
use std::rc::Rc;
use yew::prelude::*;

/// Hits shown in the list as the reader types.
const SUGGESTIONS: usize = 6;

/// The id of option `i`, which `aria-activedescendant` names.
pub fn option_id(i: usize) -> String {
    format!("lattice-search-option-{i}")
}

/// Props: the search typed and what the box needs back.
#[derive(Properties, PartialEq, Clone)]
pub struct SuggestionsProps {
    /// What is typed, with the current filters.
    pub search: SearchQuery,
    /// The option the arrow keys highlight.
    pub active: Option<usize>,
    /// Called after an option is chosen with the pointer.
    pub close: Callback<()>,
    /// Hears where each hit option leads, whenever they change, so the
    /// box's Enter opens the highlighted one (the last option, the results
    /// page, is the box's own).
    pub routes: Callback<Rc<[Route]>>,
}

/// The options of the box's listbox.
#[component]
pub fn Suggestions(props: &SuggestionsProps) -> Html {
    let lang = use_lang();
    let searcher = use_context::<Searcher>().expect("App provides the searcher");
    let answer = use_search(&props.search, SUGGESTIONS, true);
    let found = match answer.as_ref() {
        Some(Answer::Found(found)) => Some(found),
        _ => None,
    };
    let hits = found.map_or(&[][..], |f| f.hits.as_slice());
    let total = found.map_or(0, |f| f.results.total);
    let routes: Rc<[Route]> = hits
        .iter()
        .map(|hit| Route::Highlighted {
            id: hit.document.clone(),
            anchor: hit.anchor(),
            search: props.search.clone(),
        })
        .collect();
    {
        let report = props.routes.clone();
        use_effect_with(routes.clone(), move |routes| report.emit(routes.clone()));
    }
    let choose = |route: Route| {
        let close = props.close.clone();
        Callback::from(move |_: MouseEvent| {
            navigate(&route);
            close.emit(());
        })
    };
    let option_views = hits.iter().zip(routes.iter()).enumerate().map(|(i, (hit, route))| {
        let title = searcher.corpus().title(&hit.document).unwrap_or_default();
        let selected = props.active == Some(i);
        html! {
            <li id={option_id(i)} role="option" class="search-option" aria-selected={selected.to_string()}
                onclick={choose(route.clone())}>
                <span class="search-option-meta">
                    <span class="search-option-doc">{ title }</span>
                    <span class="search-kind">{ kind_label(lang, hit.kind, hit.note_label.as_deref()) }</span>
                </span>
                <span class="search-option-snippet">{ snippet(&hit.snippet) }</span>
            </li>
        }
    });
    // A split index's files are on their way, or failed: "nothing found"
    // would be wrong for a search that has not run.
    let all_label = match answer.as_ref() {
        Some(Answer::Pending(_)) | None => lang.pick("搜尋中…", "Searching…").to_string(),
        Some(Answer::Failed(_)) => lang.pick(FAILED.0, FAILED.1).to_string(),
        Some(Answer::Found(_)) if total == 0 => format!(
            "{}「{}」{}",
            lang.pick("找不到", "Nothing found for “"),
            shown_query(&props.search.text, 24),
            lang.pick(
                "，開啟搜尋頁看已嘗試的寫法",
                "” — open the search page for the forms tried"
            ),
        ),
        Some(Answer::Found(_)) => format!(
            "{} {} {}",
            lang.pick("查看全部", "See all"),
            total,
            lang.pick("筆結果", "results"),
        ),
    };
    let last = hits.len();
    html! {
        <>
            { for option_views }
            <li id={option_id(last)} role="option" class="search-option search-option-all"
                aria-selected={(props.active == Some(last)).to_string()}
                onclick={choose(Route::Search(props.search.clone()))}>
                { all_label }
            </li>
        </>
    }
}

/// The last option's words when the search cannot run (Chinese, English).
pub const FAILED: (&str, &str) = (
    "搜尋索引無法載入，開啟搜尋頁重試",
    "The search index could not be loaded — open the search page to retry",
);
