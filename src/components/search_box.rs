//! The search box in the site header, on every page: a combobox whose listbox
//! shows the best hits as the reader types (↑/↓ choose, Enter opens, Escape
//! closes), with a last option for the full results page. `/` anywhere but in
//! another field focuses it. On the results page itself the box drives the
//! page instead (the URL is replaced as the reader types) and the list stays
//! closed. The options themselves are drawn by `components::suggestions`,
//! from a chunk of their own (fetched with the engine's when the box is
//! focused).

use crate::components::suggestions::{option_id, SuggestionsProps, FAILED};
use crate::i18n::use_lang;
use crate::lazy::{Chunk, Load};
use crate::route::{navigate, replace, use_route, Route, SearchQuery};
use crate::search::Searcher;
use gloo::events::{EventListener, EventListenerOptions};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, HtmlInputElement, KeyboardEvent};
use yew::prelude::*;

/// The input's id (the results page's label points at it too).
pub const INPUT_ID: &str = "lattice-search-input";
const LISTBOX_ID: &str = "lattice-search-listbox";

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
    let listbox = use_node_ref();
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

    let expanded = *open && !on_search_page && !text.trim().is_empty();
    // Where the hit options lead, as the list last reported them; the last
    // option, the results page, is `Route::Search` of what is typed.
    let hit_routes = use_state_eq(|| Rc::<[Route]>::from(Vec::new()));
    // Before the engine's chunk is in, the list is its last option alone.
    let list_code = crate::lazy::state(Chunk::Suggest);
    let options = match list_code {
        Load::Ready => hit_routes.len() + 1,
        _ => 1,
    };
    let route_of = {
        let (hit_routes, current) = (hit_routes.clone(), current.clone());
        move |i: usize, shown: usize| {
            hit_routes
                .get(i)
                .filter(|_| i + 1 < shown)
                .cloned()
                .unwrap_or_else(|| Route::Search(current.clone()))
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
        let route_of = route_of.clone();
        let blank = text.trim().is_empty();
        // The options as drawn now: the list can show new hits a render
        // before the box hears where they lead.
        let listbox = listbox.clone();
        let shown = move || {
            listbox
                .cast::<web_sys::Element>()
                .map_or(options, |ul| ul.child_element_count() as usize)
                .max(1)
        };
        Callback::from(move |e: KeyboardEvent| match e.key().as_str() {
            "ArrowDown" if on_search_page => {
                e.prevent_default();
                focus_first_result();
            }
            "ArrowUp" if on_search_page => {}
            "ArrowDown" => {
                e.prevent_default();
                open.set(true);
                active.dispatch(Move::Down(shown()));
            }
            "ArrowUp" => {
                e.prevent_default();
                open.set(true);
                active.dispatch(Move::Up(shown()));
            }
            "Enter" => {
                e.prevent_default();
                if blank || on_search_page {
                    return;
                }
                let n = shown();
                navigate(&route_of(active.0.unwrap_or(n - 1), n));
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

    let redraw = use_force_update();
    let onfocus = {
        let (open, searcher) = (open.clone(), searcher.clone());
        Callback::from(move |_: FocusEvent| {
            // First use: ready the index and the engine now, not on the
            // first keystroke, and the list's code beside them.
            searcher.warm();
            let redraw = redraw.clone();
            crate::lazy::preload(
                Chunk::Suggest,
                Callback::from(move |_| redraw.force_update()),
            );
            open.set(true);
        })
    };
    let onblur = {
        let close = close.clone();
        Callback::from(move |_: FocusEvent| close())
    };
    // Keep focus in the box while an option is clicked.
    let keep_focus = Callback::from(|e: MouseEvent| e.prevent_default());

    // The options, from the engine's chunk once it is in (the box's focus
    // fetched it); until then, or if it cannot be had, the last option
    // alone says so.
    let list = expanded.then(|| {
        let props = SuggestionsProps {
            search: current.clone(),
            active: active.0,
            close: Callback::from(move |()| close()),
            routes: Callback::from(move |routes| hit_routes.set(routes)),
        };
        crate::lazy::suggestions(props).unwrap_or_else(|| {
            let failed = [Chunk::Suggest, Chunk::Engine]
                .iter()
                .any(|&c| crate::lazy::state(c) == Load::Failed);
            let label = match failed {
                true => lang.pick(FAILED.0, FAILED.1),
                false => lang.pick("搜尋中…", "Searching…"),
            };
            html! {
                <li id={option_id(0)} role="option" class="search-option search-option-all"
                    aria-selected={(active.0 == Some(0)).to_string()}>{ label }</li>
            }
        })
    });
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
            <ul id={LISTBOX_ID} ref={listbox} role="listbox" class="search-listbox" hidden={!expanded}
                aria-label={lang.pick("搜尋建議", "Search suggestions")} onmousedown={keep_focus}>
                { for list }
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
