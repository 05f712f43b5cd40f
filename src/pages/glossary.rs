//! The glossary page (`#/glossary`): every term the corpus defines, filterable
//! by Chinese (Traditional or Simplified), English or abbreviation (compared
//! folded, as search does) and by kind (`#/glossary?kind=person`, so the
//! filter lives in the URL), sortable both ways by English, Chinese (the
//! browser's collation for `zh-Hant`, `Intl.Collator`), kind or count — by
//! the column headers, or on a phone a menu — each linking to its entry page
//! (`#/glossary/<term>`, `pages/glossary_entry.rs`) and with its occurrences
//! linked into the text; CSV and TBX downloads. The table needs only the
//! glossary's terms; a term's list of uses, when opened, fetches the chunk
//! holding them and the catalogue pages naming their documents
//! (`crate::corpus::WantUses`, `crate::search::TitlePages`), so the page
//! costs the same at any corpus size. A chunk that fails to load or is
//! damaged is said so, with a Retry ([`UsesFailed`], the entry page's too).

use crate::components::glossary_export::{download, to_csv, to_tbx};
use crate::components::marked::{anchor_href, shown, zh_tag};
use crate::components::meta::term_kind_label;
use crate::corpus::{Corpus, WantUses};
use crate::hooks::{use_scroll_to, use_title};
use crate::i18n::{use_lang, Lang};
use crate::route::Route;
use crate::state::use_prefs;
use lattice_core::fold::fold;
use lattice_core::glossary::{Term, TermKind};
use std::cmp::Ordering;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// What the list is ordered by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SortKey {
    /// English form, A to Z.
    English,
    /// First Chinese form.
    Chinese,
    /// Kind, then English.
    Kind,
    /// Occurrences, most first.
    Count,
}

/// Whether `term` matches the folded query `q` (empty matches everything).
pub fn term_matches(term: &Term, q: &str) -> bool {
    q.is_empty() || term.forms().any(|f| fold(f).contains(q))
}

impl SortKey {
    const ALL: [SortKey; 4] = [
        SortKey::Chinese,
        SortKey::English,
        SortKey::Kind,
        SortKey::Count,
    ];

    /// The direction a first click sorts in: counts most first, the rest A–Z.
    fn first_ascending(self) -> bool {
        self != SortKey::Count
    }

    fn name(self) -> &'static str {
        match self {
            SortKey::English => "en",
            SortKey::Chinese => "zh",
            SortKey::Kind => "kind",
            SortKey::Count => "count",
        }
    }
}

/// The list's order: a key and a direction.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sort {
    /// What is compared.
    pub key: SortKey,
    /// A to Z (fewest first for counts).
    pub ascending: bool,
}

/// The browser's collations: Chinese as `zh-Hant` readers expect it (not by
/// code point), English case- and accent-insensitively.
struct Collation {
    zh: js_sys::Function,
    en: js_sys::Function,
}

impl Collation {
    fn new() -> Self {
        let collator = |locale: &str| {
            let options = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&options, &"sensitivity".into(), &"base".into());
            let _ = js_sys::Reflect::set(&options, &"numeric".into(), &true.into());
            js_sys::Intl::Collator::new(&js_sys::Array::of1(&locale.into()), &options).compare()
        };
        Collation {
            zh: collator("zh-Hant"),
            en: collator("en"),
        }
    }

    fn cmp(f: &js_sys::Function, a: &str, b: &str) -> Ordering {
        let n = f
            .call2(&wasm_bindgen::JsValue::NULL, &a.into(), &b.into())
            .ok()
            .and_then(|v| v.as_f64())
            .unwrap_or(0.0);
        if n < 0.0 {
            Ordering::Less
        } else if n > 0.0 {
            Ordering::Greater
        } else {
            a.cmp(b)
        }
    }

    fn compare(&self, a: &Term, b: &Term, sort: Sort) -> Ordering {
        let en = |a: &Term, b: &Term| Collation::cmp(&self.en, &a.en, &b.en);
        fn zh(t: &Term) -> &str {
            t.zh.first().map_or("", String::as_str)
        }
        let order = match sort.key {
            SortKey::English => en(a, b),
            SortKey::Chinese => Collation::cmp(&self.zh, zh(a), zh(b)).then_with(|| en(a, b)),
            SortKey::Kind => a.kind.cmp(&b.kind).then_with(|| en(a, b)),
            SortKey::Count => a.count.cmp(&b.count).then_with(|| en(b, a)),
        };
        if sort.ascending {
            order
        } else {
            order.reverse()
        }
    }
}

/// A reader's label for an anchor: paragraph, heading or note number.
pub fn place_label(anchor: &str, lang: Lang) -> String {
    let (kind, n) = anchor.split_at(anchor.len().min(1));
    match kind {
        "p" => format!("{}{n}", lang.pick("段 ", "¶")),
        "h" => format!("{}{n}", lang.pick("標題 ", "heading ")),
        "n" => format!("{}{n}", lang.pick("註 ", "note ")),
        _ => anchor.to_string(),
    }
}

/// A link to a place of a document (a term's definition, a use), labelled
/// as a reader counts: paragraph, heading or note.
pub fn place_link(doc: &str, anchor: &str, lang: Lang) -> Html {
    html! { <a href={anchor_href(doc, anchor)}>{ place_label(anchor, lang) }</a> }
}

/// Props: the kind the list is narrowed to (from the URL).
#[derive(Properties, PartialEq)]
pub struct GlossaryPageProps {
    /// Only terms of this kind; all when `None`.
    #[prop_or_default]
    pub kind: Option<TermKind>,
}

/// The glossary page.
#[component]
pub fn GlossaryPage(props: &GlossaryPageProps) -> Html {
    let corpus = use_context::<Corpus>().expect("App provides the corpus");
    let lang = use_lang();
    let simplified = use_prefs().is_some_and(|p| p.simplified);
    use_title(Some(lang.pick("詞彙表", "Glossary").into()));
    use_scroll_to("glossary".into(), None);
    let query = use_state_eq(String::new);
    let sort = use_state_eq(|| Sort {
        key: SortKey::English,
        ascending: true,
    });
    let collation = use_memo((), |_| Collation::new());
    let glossary = corpus.glossary().clone();

    let oninput = {
        let query = query.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(input) = e.target_dyn_into::<HtmlInputElement>() {
                query.set(input.value());
            }
        })
    };
    let folded = fold(query.trim());
    let mut terms: Vec<(usize, &Term)> = glossary
        .terms
        .iter()
        .enumerate()
        .filter(|(_, t)| term_matches(t, &folded))
        .filter(|(_, t)| props.kind.is_none_or(|k| t.kind == k))
        .collect();
    lattice_core::sort::sort_by(&mut terms, |a, b| collation.compare(a.1, b.1, *sort));

    let header = |key: SortKey, zh: &'static str, en: &'static str| {
        let current = *sort;
        let active = current.key == key;
        let sort = sort.clone();
        // A second click on the same column turns the order round.
        let next = Sort {
            key,
            ascending: if active {
                !current.ascending
            } else {
                key.first_ascending()
            },
        };
        html! {
            <th scope="col" aria-sort={match (active, current.ascending) {
                (false, _) => "none",
                (true, true) => "ascending",
                (true, false) => "descending",
            }}>
                <button type="button" class={classes!("sort", active.then_some("is-active"))}
                    onclick={Callback::from(move |_: MouseEvent| sort.set(next))}>
                    { lang.pick(zh, en) }
                </button>
            </th>
        }
    };
    // On a phone the table's header folds away; a menu sorts instead.
    let on_sort_menu = {
        let sort = sort.clone();
        Callback::from(move |e: Event| {
            let Some(select) = e.target_dyn_into::<web_sys::HtmlSelectElement>() else {
                return;
            };
            let value = select.value();
            let (name, direction) = value.split_once('-').unwrap_or((&value, "asc"));
            if let Some(key) = SortKey::ALL.into_iter().find(|k| k.name() == name) {
                sort.set(Sort {
                    key,
                    ascending: direction == "asc",
                });
            }
        })
    };
    let sort_option = |key: SortKey, ascending: bool| {
        let label = match (key, ascending) {
            (SortKey::Chinese, true) => lang.pick("中文（筆畫少→多）", "Chinese ↑"),
            (SortKey::Chinese, false) => lang.pick("中文（筆畫多→少）", "Chinese ↓"),
            (SortKey::English, true) => lang.pick("英文 A→Z", "English A→Z"),
            (SortKey::English, false) => lang.pick("英文 Z→A", "English Z→A"),
            (SortKey::Kind, true) => lang.pick("類別", "Kind"),
            (SortKey::Kind, false) => lang.pick("類別（反序）", "Kind, reversed"),
            (SortKey::Count, false) => lang.pick("出現最多", "Most frequent"),
            (SortKey::Count, true) => lang.pick("出現最少", "Least frequent"),
        };
        let value = format!("{}-{}", key.name(), if ascending { "asc" } else { "desc" });
        let selected = sort.key == key && sort.ascending == ascending;
        html! { <option {value} {selected}>{ label }</option> }
    };
    let occurrences = |index: usize, term: &Term| -> Html {
        html! { <Uses term={index} count={term.count} en={AttrValue::from(term.en.clone())} /> }
    };
    let export_csv = {
        let glossary = glossary.clone();
        Callback::from(move |_: MouseEvent| {
            download(
                "lattice-glossary.csv",
                "text/csv;charset=utf-8",
                &to_csv(&glossary),
            )
        })
    };
    let export_tbx = {
        let glossary = glossary.clone();
        Callback::from(move |_: MouseEvent| {
            download(
                "lattice-glossary.tbx",
                "application/x-tbx+xml",
                &to_tbx(&glossary),
            )
        })
    };
    let shown_count = terms.len();
    // The kinds the glossary has, each a link: the filter lives in the URL.
    let kinds: Vec<(TermKind, usize)> = TermKind::ALL
        .into_iter()
        .map(|k| (k, glossary.terms.iter().filter(|t| t.kind == k).count()))
        .filter(|(_, n)| *n > 0)
        .collect();
    let kind_link = |kind: Option<TermKind>, label: String| {
        let here = kind == props.kind;
        let route = kind.map_or(Route::Glossary, Route::GlossaryKind);
        html! {
            <a class={classes!("glossary-kind", here.then_some("is-current"))} href={route.href()}
                aria-current={here.then_some("page")} data-kind={kind.map(|k| k.as_str())}>{ label }</a>
        }
    };
    let kind_nav = html! {
        <nav class="glossary-kinds" aria-label={lang.pick("依類別篩選", "Filter by kind")}>
            { kind_link(None, format!("{} {}", lang.pick("全部", "All"), glossary.terms.len())) }
            { for kinds.iter().map(|&(k, n)| kind_link(Some(k), format!("{} {n}", term_kind_label(k, lang)))) }
        </nav>
    };
    html! {
        <section class="glossary" aria-labelledby="lattice-glossary-heading">
            <header class="page-header">
                <h1 id="lattice-glossary-heading">{ lang.pick("詞彙表", "Glossary") }</h1>
                <p class="page-lede">
                    { match lang {
                        Lang::Zh => format!("從文件中擷取的中英對照詞彙，共 {} 條。", glossary.terms.len()),
                        Lang::En => format!("{} Chinese–English terms the papers define.", glossary.terms.len()),
                    } }
                </p>
            </header>
            <div class="glossary-tools">
                <label class="glossary-filter">
                    <span>{ lang.pick("篩選", "Filter") }</span>
                    <input type="search" value={(*query).clone()} {oninput}
                        placeholder={lang.pick("中文（繁或簡）、英文或縮寫", "Chinese, English or abbreviation")} />
                </label>
                <label class="glossary-sort">
                    <span>{ lang.pick("排序", "Sort") }</span>
                    <select onchange={on_sort_menu}>
                        { for SortKey::ALL.into_iter().flat_map(|k| [
                            sort_option(k, k.first_ascending()),
                            sort_option(k, !k.first_ascending()),
                        ]) }
                    </select>
                </label>
                <div class="glossary-export">
                    <button type="button" class="export-csv" onclick={export_csv}>{ lang.pick("下載 CSV", "Download CSV") }</button>
                    <button type="button" class="export-tbx" onclick={export_tbx}>{ lang.pick("下載 TBX", "Download TBX") }</button>
                </div>
            </div>
            { kind_nav }
            <p class="glossary-count" role="status">
                { match lang {
                    Lang::Zh => format!("顯示 {shown_count} 條"),
                    Lang::En => format!("{shown_count} shown"),
                } }
            </p>
            <table class="glossary-table">
                <thead>
                    <tr>
                        { header(SortKey::Chinese, "中文", "Chinese") }
                        { header(SortKey::English, "英文", "English") }
                        <th scope="col">{ lang.pick("縮寫", "Abbr.") }</th>
                        { header(SortKey::Kind, "類別", "Kind") }
                        { header(SortKey::Count, "出現", "Count") }
                    </tr>
                </thead>
                <tbody>
                    { for terms.iter().map(|(i, term)| html! {
                        <tr key={*i} class="glossary-entry" data-term={i.to_string()}>
                            <td class="g-zh" lang={zh_tag(simplified)}>
                                <a class="g-zh-main" href={Route::GlossaryEntry(term.en.clone()).href()}>{ shown(term.zh.first().map_or("", String::as_str), simplified) }</a>
                                if term.zh.len() > 1 {
                                    <span class="g-zh-alias">{ shown(&term.zh[1..].join("、"), simplified) }</span>
                                }
                            </td>
                            <td class="g-en" lang="en">{ term.en.clone() }</td>
                            <td class="g-abbr" lang="en">{ term.abbr.clone().unwrap_or_default() }</td>
                            <td class="g-kind">{ term_kind_label(term.kind, lang) }</td>
                            <td class="g-count">{ occurrences(*i, term) }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
        </section>
    }
}

/// Props of a term's list of uses.
#[derive(Properties, PartialEq)]
struct UsesProps {
    /// The term's glossary index.
    term: usize,
    /// How many uses it has.
    count: u32,
    /// Its English form (its entry page's name).
    en: AttrValue,
}

/// A term's uses by document, in a disclosure: opening it fetches the
/// first chunk of them (and their documents' titles); a term whose uses
/// run on past that chunk links to its entry page for the rest.
#[component]
fn Uses(props: &UsesProps) -> Html {
    let corpus = use_context::<Corpus>().expect("App provides the corpus");
    let want_uses = use_context::<WantUses>();
    let want_titles = use_context::<crate::search::TitlePages>();
    let lang = use_lang();
    let simplified = use_prefs().is_some_and(|p| p.simplified);
    let open = use_state_eq(|| false);
    let uses = corpus.term_uses(props.term);
    // The chunk the list waits for failed to load or is damaged: it says
    // so, with a Retry (asking for it again), instead of loading for ever.
    let failure = uses.more.and_then(|n| corpus.uses_failure(n)).cloned();
    let waiting = uses.documents.is_empty() && uses.more.is_some() && failure.is_none();
    let pages = uses.missing_title_pages(&corpus);
    let retry = {
        let want_uses = want_uses.clone();
        let more = uses.more;
        Callback::from(move |_: MouseEvent| {
            if let (Some(n), Some(WantUses(want))) = (more, want_uses.as_ref()) {
                want.emit(n);
            }
        })
    };
    {
        let first = waiting.then_some(uses.more).flatten();
        use_effect_with((*open, first, pages), move |(open, first, pages)| {
            if *open {
                if let (Some(n), Some(WantUses(want))) = (first, want_uses) {
                    want.emit(*n);
                }
                if let (false, Some(crate::search::TitlePages(want))) =
                    (pages.is_empty(), want_titles)
                {
                    want.emit(pages.clone());
                }
            }
        });
    }
    let ontoggle = {
        let open = open.clone();
        Callback::from(move |e: Event| {
            if let Some(details) = e.target_dyn_into::<web_sys::Element>() {
                open.set(details.has_attribute("open"));
            }
        })
    };
    let title = |doc: &str| corpus.title(doc).unwrap_or_else(|| doc.to_string());
    // A document's uses may come in more than one run; one line each.
    let mut by_doc: Vec<(&str, Vec<&str>)> = Vec::new();
    for d in &uses.documents {
        let i = match by_doc.iter().position(|(id, _)| *id == d.doc) {
            Some(i) => i,
            None => {
                by_doc.push((d.doc.as_str(), Vec::new()));
                by_doc.len() - 1
            }
        };
        for u in &d.uses {
            if !by_doc[i].1.contains(&u.anchor.as_str()) {
                by_doc[i].1.push(&u.anchor);
            }
        }
    }
    html! {
        <details class="occurrences" {ontoggle}>
            <summary>{ format!("{} {}", props.count, lang.pick("處", "places")) }</summary>
            if *open {
                if waiting {
                    <p class="occ-loading" role="status">{ lang.pick("載入中…", "Loading…") }</p>
                }
                if let Some(why) = failure.clone() {
                    <UsesFailed {why} {retry} />
                }
                { for by_doc.into_iter().map(|(doc, anchors)| html! {
                    <div class="occ-doc">
                        <p class="occ-title" lang={zh_tag(simplified)}>{ shown(&title(doc), simplified) }</p>
                        <ul class="occ-list">
                            { for anchors.into_iter().map(|a| html! { <li>{ place_link(doc, a, lang) }</li> }) }
                        </ul>
                    </div>
                }) }
                if uses.more.is_some() && !waiting && failure.is_none() {
                    <p class="occ-more">
                        <a href={Route::GlossaryEntry(props.en.to_string()).href()}>{ lang.pick("所有出現之處 →", "All uses →") }</a>
                    </p>
                }
            }
        </details>
    }
}

/// Props of a chunk of uses that could not be had.
#[derive(Properties, PartialEq)]
pub struct UsesFailedProps {
    /// Why (the file and what went wrong), for a reader to report.
    pub why: AttrValue,
    /// Ask for the chunk again.
    pub retry: Callback<MouseEvent>,
}

/// A list of uses whose chunk failed to load or is damaged: a calm line
/// saying so, the reason, and Retry (which works once the network is back).
#[component]
pub fn UsesFailed(props: &UsesFailedProps) -> Html {
    let lang = use_lang();
    html! {
        <div class="occ-failed" role="alert">
            <p>{ lang.pick(
                "無法載入出現之處：可能是離線，或網站的檔案有誤。",
                "The uses could not be loaded: you may be offline, or the site's files may be damaged.",
            ) }</p>
            <p class="error-detail"><code>{ props.why.clone() }</code></p>
            <p><button type="button" class="occ-retry" onclick={props.retry.clone()}>{ lang.pick("重試", "Retry") }</button></p>
        </div>
    }
}
