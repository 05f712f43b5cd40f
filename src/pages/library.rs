//! The library page (`#/`, `#/library/<n>`): the documents, a page of the
//! catalogue at a time, so the reader can pick one. Pages are routes, so a
//! page survives a reload and the back button returns to it; a large corpus
//! fetches a page's entries when it is first shown (see `crate::corpus`).

use crate::components::document_card::DocumentCard;
use crate::components::offline_panel::OfflinePanel;
use crate::corpus::Corpus;
use crate::hooks::{use_scroll_to, use_title};
use crate::i18n::{use_lang, Lang};
use crate::pages::not_found::NotFound;
use crate::route::Route;
use gloo::events::EventListener;
use lattice_core::catalogue::facets::split::{Head, Part as FacetsPart, SelectError};
use lattice_core::catalogue::facets::{page_of, Facet, Sort, View};
// Facets built in the app: only for a corpus embedded whole.
#[cfg(not(lattice_split_head))]
use lattice_core::catalogue::facets::{
    split::{self, PART_BUDGET},
    Facets,
};
use lattice_core::catalogue::{Entry, Page, PER_PAGE};
use lattice_core::layout;
use lattice_core::vec_map::{VecMap, VecSet};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// Props: which page of the library.
#[derive(Properties, PartialEq)]
pub struct LibraryProps {
    /// The page, from 1.
    #[prop_or(1)]
    pub page: u32,
}

/// One page of the list of documents, in the order and with the filters the
/// URL's query names (`#/library/2?sort=date-desc&year=2025`).
#[component]
pub fn Library(props: &LibraryProps) -> Html {
    let corpus = use_context::<Corpus>().expect("App provides the corpus");
    let lang = use_lang();
    let view = use_view();
    let facets = use_facets(&corpus, &view);
    let number = props.page.max(1);
    let title = match lang {
        Lang::Zh if number > 1 => format!("書庫（第 {number} 頁）"),
        Lang::En if number > 1 => format!("Library (page {number})"),
        _ => lang.pick("書庫", "Library").to_string(),
    };
    use_title(Some(title.into()));
    use_scroll_to(format!("library-{number}?{}", view.to_query()).into(), None);
    let controls = html! {
        <Controls view={view.clone()} facets={facets.state.clone()} load={facets.load.clone()} />
    };
    let index = number as usize - 1;
    let listed = if view.is_plain() {
        Listed::Catalogue
    } else {
        match &facets.state {
            FacetsState::Ready(head) => facets.listed(head, &view),
            FacetsState::Failed(reason) => Listed::Failed(reason.clone()),
            FacetsState::Idle | FacetsState::Loading => Listed::Waiting,
        }
    };
    let (pages, total, entries) = match &listed {
        Listed::Catalogue => {
            let pages = corpus.page_count();
            match corpus.page(index) {
                Some(entries) => (pages, corpus.total(), Some(entries.to_vec())),
                None => (pages, corpus.total(), None),
            }
        }
        Listed::Selected(indices) => {
            let pages = indices.len().div_ceil(PER_PAGE).max(1);
            let shown: Vec<u32> = indices
                .iter()
                .skip(index * PER_PAGE)
                .take(PER_PAGE)
                .copied()
                .collect();
            (
                pages,
                indices.len(),
                // All or none: a list with gaps while a catalogue page is
                // on its way would shift under the reader.
                (index < pages).then_some(shown).map(|s| {
                    s.iter()
                        .map(|&i| entry_at(&corpus, &facets.pages, i))
                        .collect::<Option<Vec<_>>>()
                        .unwrap_or_default()
                }),
            )
        }
        Listed::Waiting | Listed::Failed(_) => (1, 0, Some(Vec::new())),
    };
    // Pages of the catalogue the shown entries are on and that are not at hand.
    let missing: Vec<usize> = match &listed {
        Listed::Selected(indices) => {
            let mut wanted: Vec<usize> = indices
                .iter()
                .skip(index * PER_PAGE)
                .take(PER_PAGE)
                .map(|&i| page_of(i))
                .filter(|&p| corpus.page(p).is_none() && !facets.pages.contains_key(&p))
                .collect();
            wanted.dedup();
            wanted
        }
        _ => Vec::new(),
    };
    use_fetch_pages(&corpus, missing.clone(), facets.arrive.clone());
    let Some(entries) = entries else {
        let message = match lang {
            Lang::Zh => format!("書庫只有 {pages} 頁，沒有第 {number} 頁。"),
            Lang::En => format!("The library has {pages} page(s); there is no page {number}."),
        };
        return html! { <NotFound message={AttrValue::from(message)} /> };
    };
    let first = index * PER_PAGE + 1;
    let last = index * PER_PAGE + entries.len();
    let lede = match (&listed, lang, pages) {
        (Listed::Waiting, Lang::Zh, _) => "正在載入篩選資料…".to_string(),
        (Listed::Waiting, Lang::En, _) => "Loading the filters…".to_string(),
        (Listed::Failed(reason), Lang::Zh, _) => {
            format!("無法載入篩選資料，所以還不能列出符合條件的文件（{reason}）。請檢查網路連線後重試。")
        }
        (Listed::Failed(reason), Lang::En, _) => format!(
            "The filter data could not be loaded, so the matching documents cannot be listed yet ({reason}). Check the connection and retry."
        ),
        (Listed::Selected(_), Lang::Zh, _) if total == 0 => "沒有符合篩選條件的文件。".to_string(),
        (Listed::Selected(_), Lang::En, _) if total == 0 => {
            "No document matches these filters.".to_string()
        }
        (Listed::Selected(_), Lang::Zh, 1) => format!("符合條件 {total} 篇。"),
        (Listed::Selected(_), Lang::En, 1) => format!("{total} matching documents."),
        (Listed::Selected(_), Lang::Zh, _) => {
            format!("符合條件 {total} 篇；本頁為第 {first}–{last} 篇。")
        }
        (Listed::Selected(_), Lang::En, _) => {
            format!("{total} matching documents; this page lists {first}–{last}.")
        }
        (_, Lang::Zh, 1) => format!("共 {total} 篇，離線可讀。"),
        (_, Lang::En, 1) => format!("{total} documents, readable offline."),
        (_, Lang::Zh, _) => format!("共 {total} 篇，離線可讀；本頁為第 {first}–{last} 篇。"),
        (_, Lang::En, _) => {
            format!("{total} documents, readable offline; this page lists {first}–{last}.")
        }
    };
    let busy = matches!(listed, Listed::Waiting) || !missing.is_empty();
    html! {
        <section class="library" aria-labelledby="lattice-library-heading" aria-busy={busy.to_string()}>
            <header class="page-header">
                <h1 id="lattice-library-heading">{ lang.pick("書庫", "Library") }</h1>
                <p class="page-lede" role="status">{ lede }</p>
                if matches!(listed, Listed::Failed(_)) {
                    <p class="library-retry">
                        <button type="button" onclick={facets.retry.reform(|_: MouseEvent| ())}>
                            { lang.pick("重試", "Retry") }
                        </button>
                    </p>
                }
                { controls }
            </header>
            <ul class="document-list">
                { for entries.iter().map(|entry| html! {
                    <li key={entry.id.clone()}><DocumentCard entry={entry.clone()} /></li>
                }) }
            </ul>
            if pages > 1 {
                <Pager current={number} pages={pages as u32} query={view.to_query()} />
            }
            if corpus.set().is_some() {
                <OfflinePanel />
            }
        </section>
    }
}

/// What the library lists.
enum Listed {
    /// The catalogue in its own order: no facets needed.
    Catalogue,
    /// These document indices, in this order.
    Selected(Vec<u32>),
    /// The facets, or a part of them the view needs, are on their way.
    Waiting,
    /// The facets, or a part of them the view needs, could not be fetched:
    /// the view cannot be listed (never "no document matches").
    Failed(AttrValue),
}

/// Catalogue entry `i`, from the corpus's pages or those fetched here.
fn entry_at(
    corpus: &Corpus,
    fetched: &VecMap<usize, Rc<[Rc<Entry>]>>,
    i: u32,
) -> Option<Rc<Entry>> {
    let page = page_of(i);
    let at = i as usize % PER_PAGE;
    match corpus.page(page) {
        Some(entries) => entries.get(at).cloned(),
        None => fetched.get(&page)?.get(at).cloned(),
    }
}

/// The `href` of library page `n` with this view.
pub fn library_href(n: u32, view: &View) -> String {
    let query = view.to_query();
    if query.is_empty() {
        Route::library(n).href()
    } else {
        format!("#/library/{}?{query}", n.max(1))
    }
}

/// The view the location hash's query names (`?sort=…&year=…`), updated on
/// every hash change. The route ignores a library query, so it is read here.
#[hook]
fn use_view() -> View {
    let read = || {
        let hash = gloo::utils::window().location().hash().unwrap_or_default();
        View::from_query(hash.split_once('?').map_or("", |(_, q)| q))
    };
    let view = use_state_eq(read);
    {
        let view = view.clone();
        use_effect_with((), move |_| {
            let listener = EventListener::new(&gloo::utils::window(), "hashchange", move |_| {
                view.set(read())
            });
            move || drop(listener)
        });
    }
    (*view).clone()
}

/// Where the facets' head stands.
#[derive(Clone, PartialEq)]
pub enum FacetsState {
    /// Not asked for yet (the plain library needs none).
    Idle,
    /// On its way.
    Loading,
    /// At hand.
    Ready(Rc<Head>),
    /// Could not be fetched or decoded.
    Failed(AttrValue),
}

/// Where one part of the facets (an order, some values' lists) stands.
#[derive(Clone, PartialEq)]
enum PartState {
    Loading,
    Ready(Rc<FacetsPart>),
    Failed(AttrValue),
}

/// The parts of the facets at hand or asked for, by number.
#[derive(PartialEq, Default)]
struct Parts(VecMap<usize, PartState>);

/// A change to the parts.
enum PartsAction {
    /// These parts now stand so.
    Set(Vec<(usize, PartState)>),
    /// Forget the failed parts, so they are fetched again (a retry).
    ForgetFailed,
}

impl Reducible for Parts {
    type Action = PartsAction;
    fn reduce(self: Rc<Self>, action: Self::Action) -> Rc<Self> {
        let mut map = self.0.clone();
        match action {
            PartsAction::Set(changes) => map.extend(changes),
            PartsAction::ForgetFailed => map.retain(|_, s| !matches!(s, PartState::Failed(_))),
        }
        Rc::new(Parts(map))
    }
}

/// The facets' head and parts, the catalogue pages fetched for them, and
/// ways to ask for more.
struct FacetsHandle {
    state: FacetsState,
    parts: UseReducerHandle<Parts>,
    pages: Rc<VecMap<usize, Rc<[Rc<Entry>]>>>,
    load: Callback<()>,
    retry: Callback<()>,
    arrive: Callback<(usize, Rc<[Rc<Entry>]>)>,
}

impl FacetsHandle {
    /// What a view lists, given the head: its documents once every part it
    /// needs is here, else waiting for them or failed with the first reason.
    fn listed(&self, head: &Head, view: &View) -> Listed {
        let needs = head.needs(view);
        let states: Vec<Option<&PartState>> = needs.iter().map(|n| self.parts.0.get(n)).collect();
        if let Some(PartState::Failed(reason)) = states
            .iter()
            .flatten()
            .find(|s| matches!(s, PartState::Failed(_)))
        {
            return Listed::Failed(reason.clone());
        }
        let part = |n: usize| match self.parts.0.get(&n) {
            Some(PartState::Ready(p)) => Some(p.clone()),
            _ => None,
        };
        // Selecting is the facets chunk's code, loaded by the head's
        // decoding (crate::lazy); a build that built its facets at hand
        // selects at hand.
        #[cfg(lattice_split_head)]
        let selected = crate::lazy::select(head, view, &part);
        #[cfg(not(lattice_split_head))]
        let selected = Some(crate::lazy::select_direct(head, view, &part));
        match selected {
            Some(Ok(indices)) => Listed::Selected(indices),
            None | Some(Err(SelectError::Missing(_))) => Listed::Waiting,
            Some(Err(e @ SelectError::Damaged(_))) => Listed::Failed(e.to_string().into()),
        }
    }
}

/// Catalogue pages fetched for a sorted or filtered view.
#[derive(PartialEq, Default)]
struct Fetched(Rc<VecMap<usize, Rc<[Rc<Entry>]>>>);

impl Reducible for Fetched {
    type Action = (usize, Rc<[Rc<Entry>]>);
    fn reduce(self: Rc<Self>, (n, entries): Self::Action) -> Rc<Self> {
        let mut map = (*self.0).clone();
        map.insert(n, entries);
        Rc::new(Fetched(Rc::new(map)))
    }
}

/// The facets of the view: built from the documents when the corpus is
/// embedded whole (every part at hand), else the head (`<set>/facets.bin`)
/// fetched once `view` is not the plain catalogue or once asked for with
/// `load` (the controls ask when the reader first reaches for them), and
/// then only the parts (`<set>/facets/<hash>.bin`) the view needs: its
/// order's, its filters' lists. A failed fetch stays failed until `retry`.
#[hook]
fn use_facets(corpus: &Corpus, view: &View) -> FacetsHandle {
    let state = use_state_eq(|| FacetsState::Idle);
    let asked = use_state_eq(|| false);
    // Bumped by a retry, so the effects run again for what failed.
    let attempt = use_state_eq(|| 0u32);
    let parts = use_reducer_eq(Parts::default);
    let pages = use_reducer_eq(Fetched::default);
    let load = {
        let asked = asked.clone();
        Callback::from(move |()| asked.set(true))
    };
    let retry = {
        let (attempt, parts) = (attempt.clone(), parts.clone());
        Callback::from(move |()| {
            parts.dispatch(PartsAction::ForgetFailed);
            attempt.set(*attempt + 1);
        })
    };
    {
        let state = state.clone();
        let corpus = corpus.clone();
        #[cfg(not(lattice_split_head))]
        let parts = parts.clone();
        let go = !view.is_plain() || *asked;
        use_effect_with((go, *attempt), move |&(go, _)| {
            if go && matches!(*state, FacetsState::Idle | FacetsState::Failed(_)) {
                match corpus.set().map(str::to_string) {
                    // A build for a split head has no whole corpus to build
                    // facets from (nor the code to).
                    #[cfg(lattice_split_head)]
                    None => state.set(FacetsState::Failed(
                        crate::corpus::WHOLE_IN_SPLIT_BUILD.into(),
                    )),
                    #[cfg(not(lattice_split_head))]
                    None => {
                        let docs: Vec<_> =
                            corpus.documents().iter().map(|d| (**d).clone()).collect();
                        let (head, all) = split::split(&Facets::build(&docs), PART_BUDGET);
                        parts.dispatch(PartsAction::Set(
                            all.into_iter()
                                .enumerate()
                                .map(|(n, p)| (n, PartState::Ready(Rc::new(p))))
                                .collect(),
                        ));
                        state.set(FacetsState::Ready(Rc::new(head)));
                    }
                    Some(set) => {
                        state.set(FacetsState::Loading);
                        wasm_bindgen_futures::spawn_local(async move {
                            // Decoded by the facets chunk (crate::lazy):
                            // the first load has no facets code but this.
                            let got = match fetch_bytes(&layout::facets_path(&set)).await {
                                Ok(bytes) => crate::lazy::facets_head(&bytes).await,
                                Err(why) => Err(why),
                            };
                            state.set(match got {
                                Ok(head) => FacetsState::Ready(Rc::new(head)),
                                Err(reason) => FacetsState::Failed(reason.into()),
                            });
                        });
                    }
                }
            }
        });
    }
    // The parts this view needs that are not here, on their way or failed
    // (a failed one waits for a retry, which forgets it).
    let wanted: Vec<usize> = match (&*state, corpus.set()) {
        (FacetsState::Ready(head), Some(_)) => head
            .needs(view)
            .into_iter()
            .filter(|n| !parts.0.contains_key(n))
            .collect(),
        _ => Vec::new(),
    };
    {
        let parts = parts.clone();
        let set = corpus.set().map(str::to_string);
        let head = match &*state {
            FacetsState::Ready(head) => Some(head.clone()),
            _ => None,
        };
        use_effect_with(wanted, move |wanted| {
            let (Some(set), Some(head)) = (set, head) else {
                return;
            };
            if wanted.is_empty() {
                return;
            }
            parts.dispatch(PartsAction::Set(
                wanted.iter().map(|&n| (n, PartState::Loading)).collect(),
            ));
            for &n in wanted {
                let (set, head, parts) = (set.clone(), head.clone(), parts.clone());
                wasm_bindgen_futures::spawn_local(async move {
                    let Some(name) = head.parts.get(n) else {
                        return;
                    };
                    let got = match fetch_bytes(&layout::facets_part_path(&set, name)).await {
                        Ok(bytes) => crate::lazy::facets_part(&head, n, &bytes).await,
                        Err(why) => Err(why),
                    };
                    let state = match got {
                        Ok(part) => PartState::Ready(Rc::new(part)),
                        Err(reason) => PartState::Failed(reason.into()),
                    };
                    parts.dispatch(PartsAction::Set(vec![(n, state)]));
                });
            }
        });
    }
    let arrive = {
        let pages = pages.clone();
        Callback::from(move |action| pages.dispatch(action))
    };
    FacetsHandle {
        state: (*state).clone(),
        parts,
        pages: pages.0.clone(),
        load,
        retry,
        arrive,
    }
}

/// Fetch these catalogue pages (once each) and hand each over as it arrives.
#[hook]
fn use_fetch_pages(
    corpus: &Corpus,
    missing: Vec<usize>,
    arrive: Callback<(usize, Rc<[Rc<Entry>]>)>,
) {
    let flying = use_mut_ref(VecSet::<usize>::new);
    let set = corpus.set().map(str::to_string);
    use_effect_with(missing, move |missing| {
        let Some(set) = set else { return };
        for &n in missing {
            if !flying.borrow_mut().insert(n) {
                continue;
            }
            let (set, arrive, flying) = (set.clone(), arrive.clone(), flying.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let bytes = fetch_bytes(&layout::catalogue_path(&set, n)).await;
                // Read as a page alone: `layout::decode` would bring every
                // kind of file's decoding into the first load.
                if let Ok(page) = bytes.and_then(|b| Page::decode(&b).map_err(|e| e.to_string())) {
                    let entries: Rc<[Rc<Entry>]> = page.entries.into_iter().map(Rc::new).collect();
                    arrive.emit((n, entries));
                }
                // A failed page may be asked for again on the next render.
                flying.borrow_mut().remove(&n);
            });
        }
    });
}

/// The bytes of a corpus file, relative to the page.
async fn fetch_bytes(path: &str) -> Result<Vec<u8>, String> {
    let window = gloo::utils::window();
    let response: web_sys::Response =
        JsFuture::from(window.fetch_with_str(&format!("corpus/{path}")))
            .await
            .map_err(|_| format!("corpus/{path}: network error"))?
            .dyn_into()
            .map_err(|_| format!("corpus/{path}: not a response"))?;
    if !response.ok() {
        return Err(format!("corpus/{path}: HTTP {}", response.status()));
    }
    let body = response
        .array_buffer()
        .map_err(|_| format!("corpus/{path}: unreadable"))?;
    let body = JsFuture::from(body)
        .await
        .map_err(|_| format!("corpus/{path}: unreadable"))?;
    Ok(js_sys::Uint8Array::new(&body).to_vec())
}

/// Props: the view shown and the facets to offer.
#[derive(Properties, PartialEq)]
struct ControlsProps {
    view: View,
    facets: FacetsState,
    load: Callback<()>,
}

/// The sort and filter controls; each change goes to page 1 of the new view.
#[component]
fn Controls(props: &ControlsProps) -> Html {
    let lang = use_lang();
    let view = props.view.clone();
    let go = |view: View| {
        let _ = gloo::utils::window()
            .location()
            .set_hash(&library_href(1, &view));
    };
    let on_sort = {
        let view = view.clone();
        Callback::from(move |e: Event| {
            if let Some(select) = e.target_dyn_into::<HtmlSelectElement>() {
                let mut next = view.clone();
                next.sort = View::from_query(&format!("sort={}", select.value())).sort;
                go(next);
            }
        })
    };
    let on_filter = |facet: Facet| {
        let view = view.clone();
        Callback::from(move |e: Event| {
            let value = e
                .target_dyn_into::<HtmlSelectElement>()
                .map(|s| s.value())
                .or_else(|| e.target_dyn_into::<HtmlInputElement>().map(|i| i.value()));
            if let Some(value) = value {
                let mut next = view.clone();
                next.set(facet, Some(value.trim().to_string()));
                go(next);
            }
        })
    };
    let load = props.load.clone();
    let onfocusin = Callback::from(move |_: FocusEvent| load.emit(()));
    let load = props.load.clone();
    let onpointerenter = Callback::from(move |_: PointerEvent| load.emit(()));
    let facets = match &props.facets {
        FacetsState::Ready(f) => Some(f.clone()),
        _ => None,
    };
    let sort_label = |s: Sort| match s {
        Sort::Catalogue => lang.pick("預設順序", "Default order"),
        Sort::DateDesc => lang.pick("日期（新到舊）", "Date, newest first"),
        Sort::DateAsc => lang.pick("日期（舊到新）", "Date, oldest first"),
        Sort::TitleAsc => lang.pick("標題（A→Z）", "Title, A to Z"),
        Sort::TitleDesc => lang.pick("標題（Z→A）", "Title, Z to A"),
    };
    let facet_label = |f: Facet| match f {
        Facet::Kind => lang.pick("類型", "Kind"),
        Facet::Year => lang.pick("年份", "Year"),
        Facet::Author => lang.pick("作者", "Author"),
        Facet::Keyword => lang.pick("關鍵詞", "Keyword"),
    };
    let kind_label = |name: &str| -> String {
        match name {
            "web-analysis" => lang.pick("網路評析", "Web analysis").into(),
            "book-chapter" => lang.pick("專書章節", "Book chapter").into(),
            "markdown" => "Markdown".into(),
            "word" => "Word".into(),
            other => other.into(),
        }
    };
    let any = lang.pick("全部", "All");
    // A select: every value with its count once the facets are here, else
    // just the current one.
    let select = |facet: Facet| {
        let current = view.get(facet).unwrap_or("").to_string();
        let options: Vec<(String, String)> = match &facets {
            Some(f) => f
                .choices(facet)
                .iter()
                .map(|c| {
                    let shown = if facet == Facet::Kind {
                        kind_label(&c.name)
                    } else {
                        c.name.clone()
                    };
                    (c.name.clone(), format!("{shown} ({})", c.count))
                })
                .collect(),
            None if !current.is_empty() => vec![(current.clone(), current.clone())],
            None => Vec::new(),
        };
        let id = format!("lattice-filter-{}", facet.as_str());
        html! {
            <div class="library-control">
                <label for={id.clone()}>{ facet_label(facet) }</label>
                <select id={id} name={facet.as_str()} onchange={on_filter(facet)}>
                    <option value="" selected={current.is_empty()}>{ any }</option>
                    { for options.into_iter().map(|(value, text)| html! {
                        <option selected={value == current} value={value.clone()}>{ text }</option>
                    }) }
                </select>
            </div>
        }
    };
    // A text field with suggestions, for facets with many values.
    let field = |facet: Facet| {
        let id = format!("lattice-filter-{}", facet.as_str());
        let list = format!("{id}-values");
        html! {
            <div class="library-control">
                <label for={id.clone()}>{ facet_label(facet) }</label>
                <input id={id} type="search" name={facet.as_str()} list={list.clone()}
                    value={view.get(facet).unwrap_or("").to_string()}
                    placeholder={any} autocomplete="off" onchange={on_filter(facet)} />
                <datalist id={list}>
                    { for facets.iter().flat_map(|f| f.choices(facet).iter()).map(|c| html! {
                        <option value={c.name.clone()}>{ format!("{} ({})", c.name, c.count) }</option>
                    }) }
                </datalist>
            </div>
        }
    };
    html! {
        <form class="library-controls" aria-label={lang.pick("排序與篩選", "Sort and filter")}
            onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}
            {onfocusin} {onpointerenter}>
            <div class="library-control">
                <label for="lattice-sort">{ lang.pick("排序", "Sort") }</label>
                <select id="lattice-sort" name="sort" onchange={on_sort}>
                    { for Sort::ALL.into_iter().map(|s| html! {
                        <option value={s.as_str()} selected={s == view.sort}>{ sort_label(s) }</option>
                    }) }
                </select>
            </div>
            { select(Facet::Kind) }
            { select(Facet::Year) }
            { field(Facet::Author) }
            { field(Facet::Keyword) }
            if !view.filters().is_empty() {
                <a class="library-clear" href={library_href(1, &View { sort: view.sort, ..View::default() })}>
                    { lang.pick("清除篩選", "Clear filters") }
                </a>
            }
        </form>
    }
}

/// Props: the page shown and how many there are.
#[derive(Properties, PartialEq)]
struct PagerProps {
    current: u32,
    pages: u32,
    /// The view's query (`sort=…`), carried by every link; empty for none.
    query: String,
}

/// Previous and next links, and links to the first, last and nearby pages.
#[component]
fn Pager(props: &PagerProps) -> Html {
    let lang = use_lang();
    let (current, pages) = (props.current, props.pages);
    let view = View::from_query(&props.query);
    let link = |n: u32, text: String, rel: Option<&'static str>| {
        html! { <a href={library_href(n, &view)} rel={rel}>{ text }</a> }
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
