//! The search box in the site header, on every page: a combobox whose listbox
//! shows the best hits as the reader types (↑/↓ choose, Enter opens, Escape
//! closes), with a last option for the full results page. `/` anywhere but in
//! another field focuses it. On the results page itself the box drives the
//! page instead (the URL is replaced as the reader types) and the list stays
//! closed.

use crate::components::search_snippet::{kind_label, shown_query, snippet};
use crate::i18n::use_lang;
use crate::route::{navigate, replace, use_route, Route, SearchQuery};
use crate::search::{use_search, Answer, Searcher};
use gloo::events::{EventListener, EventListenerOptions};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, HtmlInputElement, KeyboardEvent};
use yew::prelude::*;

/// Hits shown in the list as the reader types.
const SUGGESTIONS: usize = 6;
/// The input's id (the results page's label points at it too).
pub const INPUT_ID: &str = "lattice-search-input";
const LISTBOX_ID: &str = "lattice-search-listbox";

fn option_id(i: usize) -> String {
    format!("lattice-search-option-{i}")
}

/// The option the arrow keys have highlighted, if any.
#[derive(Clone, Copy, Default, PartialEq)]
struct Active(Option<usize>);

/// How a key press moves the highlight (`usize`: how many options there are).
enum Move {
    Down(usize),
    Up(usize),
    Clear,
}

impl Reducible for Active {
    type Action = Move;
    /// A reducer rather than a state set from the render's value: two key
    /// presses that arrive before Yew renders both count.
    fn reduce(self: Rc<Self>, action: Move) -> Rc<Self> {
        let next = match action {
            Move::Down(0) | Move::Up(0) | Move::Clear => None,
            Move::Down(n) => Some(self.0.map_or(0, |i| (i + 1) % n)),
            Move::Up(n) => Some(self.0.map_or(n - 1, |i| (i + n - 1) % n)),
        };
        Rc::new(Active(next))
    }
}

/// The header's search box.
#[component]
pub fn SearchBox() -> Html {
    let lang = use_lang();
    let searcher = use_context::<Searcher>().expect("App provides the searcher");
    let route = use_route();
    let input = use_node_ref();
    let text = use_state(String::new);
    let open = use_state(|| false);
    let active = use_reducer_eq(Active::default);

    let on_search_page = matches!(route, Route::Search(_));
    let routed: Option<SearchQuery> = match &route {
        Route::Search(s) | Route::Highlighted { search: s, .. } => Some(s.clone()),
        _ => None,
    };
    // The search the box runs: what is typed, with the current filters.
    let current = SearchQuery {
        text: (*text).clone(),
        ..routed.clone().unwrap_or_default()
    };

    // Texts this box put in the address as the reader typed; a `hashchange`
    // for one of them arrives late and must not overwrite newer keystrokes.
    let replaced = use_mut_ref(Vec::<String>::new);
    // Follow the address otherwise (a link, back, reload, an edited URL).
    {
        let (text, replaced) = (text.clone(), replaced.clone());
        use_effect_with(routed.as_ref().map(|s| s.text.clone()), move |q| {
            let q = q.clone().unwrap_or_default();
            let mut replaced = replaced.borrow_mut();
            match replaced.iter().position(|r| *r == q) {
                // Ours: forget it and everything typed before it.
                Some(i) => {
                    replaced.drain(..=i);
                }
                None => {
                    replaced.clear();
                    text.set(q);
                }
            }
        });
    }

    // `/` focuses the box, unless the reader is typing in a field.
    {
        let input = input.clone();
        use_effect_with((), move |_| {
            let options = EventListenerOptions::enable_prevent_default();
            let listener = EventListener::new_with_options(
                &gloo::utils::document(),
                "keydown",
                options,
                move |event| {
                    let Some(event) = event.dyn_ref::<KeyboardEvent>() else {
                        return;
                    };
                    if event.key() != "/" || event.ctrl_key() || event.meta_key() || event.alt_key()
                    {
                        return;
                    }
                    if event.target().is_some_and(|t| is_editable(&t)) {
                        return;
                    }
                    if let Some(el) = input.cast::<HtmlElement>() {
                        event.prevent_default();
                        let _ = el.focus();
                    }
                },
            );
            move || drop(listener)
        });
    }

    let wanted = *open && !on_search_page && !text.trim().is_empty();
    // Runs again with each new searcher: a split index's files arriving.
    let answer = use_search(&current, SUGGESTIONS, wanted);
    let found = match answer.as_ref() {
        Some(Answer::Found(found)) => Some(found),
        _ => None,
    };
    let hits = found.map_or(&[][..], |f| f.hits.as_slice());
    let total = found.map_or(0, |f| f.results.total);
    let options = hits.len() + 1;
    let expanded = wanted;

    let hit_route = {
        let current = current.clone();
        move |i: usize, hits: &[crate::search::FoundHit]| -> Route {
            match hits.get(i) {
                Some(hit) => Route::Highlighted {
                    id: hit.document.clone(),
                    anchor: hit.anchor(),
                    search: current.clone(),
                },
                None => Route::Search(current.clone()),
            }
        }
    };

    let close = {
        let (open, active) = (open.clone(), active.clone());
        move || {
            open.set(false);
            active.dispatch(Move::Clear);
        }
    };

    let oninput = {
        let (text, open, active, current) =
            (text.clone(), open.clone(), active.clone(), current.clone());
        let replaced = replaced.clone();
        Callback::from(move |e: InputEvent| {
            let value = e.target_unchecked_into::<HtmlInputElement>().value();
            if on_search_page {
                replaced.borrow_mut().push(value.clone());
                replace(&Route::Search(SearchQuery {
                    text: value.clone(),
                    ..current.clone()
                }));
            }
            text.set(value);
            open.set(true);
            active.dispatch(Move::Clear);
        })
    };

    let onkeydown = {
        let (open, active, input, close) =
            (open.clone(), active.clone(), input.clone(), close.clone());
        let hit_routes: Vec<Route> = (0..options).map(|i| hit_route(i, hits)).collect();
        let blank = text.trim().is_empty();
        Callback::from(move |e: KeyboardEvent| match e.key().as_str() {
            "ArrowDown" if on_search_page => {
                e.prevent_default();
                focus_first_result();
            }
            "ArrowUp" if on_search_page => {}
            "ArrowDown" => {
                e.prevent_default();
                open.set(true);
                active.dispatch(Move::Down(options));
            }
            "ArrowUp" => {
                e.prevent_default();
                open.set(true);
                active.dispatch(Move::Up(options));
            }
            "Enter" => {
                e.prevent_default();
                if blank || on_search_page {
                    return;
                }
                let i = active.0.unwrap_or(options - 1);
                if let Some(route) = hit_routes.get(i) {
                    navigate(route);
                }
                close();
                if let Some(el) = input.cast::<HtmlElement>() {
                    let _ = el.blur();
                }
            }
            "Escape" => {
                e.prevent_default();
                if *open && expanded {
                    close();
                } else if let Some(el) = input.cast::<HtmlElement>() {
                    let _ = el.blur();
                }
            }
            _ => {}
        })
    };

    // Each arrival of a split index's files is a new searcher with other
    // hits: the highlight no longer names the same option, so it goes; and
    // the index's meta file is fetched as soon as the box is idle, not on
    // the reader's next keystroke.
    {
        let (input, active) = (input.clone(), active.clone());
        use_effect_with(searcher.clone(), move |searcher| {
            active.dispatch(Move::Clear);
            let focused = input.cast::<HtmlElement>().is_some_and(|el| {
                gloo::utils::document()
                    .active_element()
                    .is_some_and(|active| active.is_same_node(Some(el.as_ref())))
            });
            let searcher = searcher.clone();
            let timer = focused.then(|| {
                gloo::timers::callback::Timeout::new(0, move || {
                    searcher.warm();
                })
            });
            move || drop(timer)
        });
    }

    let onfocus = {
        let (open, searcher) = (open.clone(), searcher.clone());
        Callback::from(move |_: FocusEvent| {
            // First use: ready the index now, not on the first keystroke.
            searcher.warm();
            open.set(true);
        })
    };
    let onblur = {
        let close = close.clone();
        Callback::from(move |_: FocusEvent| close())
    };
    // Keep focus in the box while an option is clicked.
    let keep_focus = Callback::from(|e: MouseEvent| e.prevent_default());

    let option_views = hits.iter().enumerate().map(|(i, hit)| {
        let title = searcher.corpus().title(&hit.document).unwrap_or_default();
        let route = hit_route(i, hits);
        let onclick = {
            let close = close.clone();
            Callback::from(move |_: MouseEvent| {
                navigate(&route);
                close();
            })
        };
        let selected = active.0 == Some(i);
        html! {
            <li id={option_id(i)} role="option" class="search-option" aria-selected={selected.to_string()} {onclick}>
                <span class="search-option-meta">
                    <span class="search-option-doc">{ title }</span>
                    <span class="search-kind">{ kind_label(lang, hit.kind, hit.note_label.as_deref()) }</span>
                </span>
                <span class="search-option-snippet">{ snippet(&hit.snippet) }</span>
            </li>
        }
    });
    let all_route = hit_route(options - 1, hits);
    let all_onclick = {
        let close = close.clone();
        Callback::from(move |_: MouseEvent| {
            navigate(&all_route);
            close();
        })
    };
    // A split index's files are on their way, or failed: "nothing found"
    // would be wrong for a search that has not run.
    let all_label = if matches!(answer.as_ref(), Some(Answer::Pending(_))) {
        lang.pick("搜尋中…", "Searching…").to_string()
    } else if let Some(Answer::Failed(_)) = answer.as_ref() {
        lang.pick(
            "搜尋索引無法載入，開啟搜尋頁重試",
            "The search index could not be loaded — open the search page to retry",
        )
        .to_string()
    } else if total == 0 {
        format!(
            "{}「{}」{}",
            lang.pick("找不到", "Nothing found for “"),
            shown_query(&text, 24),
            lang.pick(
                "，開啟搜尋頁看已嘗試的寫法",
                "” — open the search page for the forms tried"
            ),
        )
    } else {
        format!(
            "{} {} {}",
            lang.pick("查看全部", "See all"),
            total,
            lang.pick("筆結果", "results"),
        )
    };
    let all_selected = active.0 == Some(options - 1);
    let activedescendant = active.0.filter(|_| expanded).map(option_id);

    html! {
        <div class="search-box" role="search">
            <label class="visually-hidden" for={INPUT_ID}>{ lang.pick("搜尋全部文件", "Search all documents") }</label>
            <input
                id={INPUT_ID}
                ref={input}
                type="text"
                class="search-input"
                role="combobox"
                aria-autocomplete="list"
                aria-expanded={expanded.to_string()}
                aria-controls={LISTBOX_ID}
                aria-activedescendant={activedescendant}
                autocomplete="off"
                spellcheck="false"
                enterkeyhint="search"
                placeholder={lang.pick("搜尋…", "Search…")}
                value={(*text).clone()}
                {oninput}
                {onkeydown}
                {onfocus}
                {onblur}
            />
            <kbd class="search-key" aria-hidden="true">{ "/" }</kbd>
            <ul id={LISTBOX_ID} role="listbox" class="search-listbox" hidden={!expanded}
                aria-label={lang.pick("搜尋建議", "Search suggestions")} onmousedown={keep_focus}>
                { for option_views }
                if expanded {
                    <li id={option_id(options - 1)} role="option" class="search-option search-option-all"
                        aria-selected={all_selected.to_string()} onclick={all_onclick}>
                        { all_label }
                    </li>
                }
            </ul>
        </div>
    }
}

/// Whether typing into this event target means typing text.
fn is_editable(target: &web_sys::EventTarget) -> bool {
    let Some(el) = target.dyn_ref::<HtmlElement>() else {
        return false;
    };
    matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT") || el.is_content_editable()
}

/// Move the focus to the first hit of the results page.
fn focus_first_result() {
    let first = gloo::utils::document()
        .query_selector(".search-hit-link")
        .ok()
        .flatten()
        .and_then(|el| el.dyn_into::<HtmlElement>().ok());
    if let Some(el) = first {
        let _ = el.focus();
    }
}
