//! The glossary page (`#/glossary`): every term the corpus defines, filterable
//! by Chinese (Traditional or Simplified), English or abbreviation (compared
//! folded, as search does), sortable by English, Chinese, kind or count, each
//! with its occurrences linked into the text; CSV and TBX downloads.

use crate::components::glossary_export::{download, to_csv, to_tbx};
use crate::components::marked::{anchor_href, shown};
use crate::components::meta::term_kind_label;
use crate::corpus::Corpus;
use crate::hooks::{use_scroll_to, use_title};
use crate::i18n::{use_lang, Lang};
use crate::state::use_prefs;
use lattice_core::fold::fold;
use lattice_core::glossary::{Occurrence, Term};
use std::cmp::Ordering;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// What the list is ordered by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
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

fn compare(a: &Term, b: &Term, key: SortKey) -> Ordering {
    let en = |t: &Term| t.en.to_lowercase();
    match key {
        SortKey::English => en(a).cmp(&en(b)),
        SortKey::Chinese => a.zh.first().cmp(&b.zh.first()).then(en(a).cmp(&en(b))),
        SortKey::Kind => a.kind.cmp(&b.kind).then(en(a).cmp(&en(b))),
        SortKey::Count => b.count.cmp(&a.count).then(en(a).cmp(&en(b))),
    }
}

/// A reader's label for an anchor: paragraph, heading or note number.
fn place_label(anchor: &str, lang: Lang) -> String {
    let (kind, n) = anchor.split_at(anchor.len().min(1));
    match kind {
        "p" => format!("{}{n}", lang.pick("段 ", "¶")),
        "h" => format!("{}{n}", lang.pick("標題 ", "heading ")),
        "n" => format!("{}{n}", lang.pick("註 ", "note ")),
        _ => anchor.to_string(),
    }
}

/// The glossary page.
#[component]
pub fn GlossaryPage() -> Html {
    let corpus = use_context::<Corpus>().expect("App provides the corpus");
    let lang = use_lang();
    let simplified = use_prefs().is_some_and(|p| p.simplified);
    use_title(Some(lang.pick("詞彙表", "Glossary").into()));
    use_scroll_to("glossary".into(), None);
    let query = use_state_eq(String::new);
    let sort = use_state_eq(|| SortKey::English);
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
        .collect();
    terms.sort_by(|a, b| compare(a.1, b.1, *sort));

    let header = |key: SortKey, zh: &'static str, en: &'static str| {
        let active = *sort == key;
        let sort = sort.clone();
        html! {
            <th scope="col" aria-sort={if active { if key == SortKey::Count { "descending" } else { "ascending" } } else { "none" }}>
                <button type="button" class={classes!("sort", active.then_some("is-active"))}
                    onclick={Callback::from(move |_: MouseEvent| sort.set(key))}>
                    { lang.pick(zh, en) }
                </button>
            </th>
        }
    };
    let titles: std::collections::HashMap<&str, &str> = corpus
        .entries()
        .map(|e| (e.id.as_str(), e.title.as_str()))
        .collect();
    let occurrences = |term: &Term| -> Html {
        let mut by_doc: Vec<(&str, Vec<&Occurrence>)> = Vec::new();
        for occ in &term.occurrences {
            match by_doc.iter_mut().find(|(d, _)| *d == occ.doc) {
                Some((_, list)) => list.push(occ),
                None => by_doc.push((occ.doc.as_str(), vec![occ])),
            }
        }
        html! {
            <details class="occurrences">
                <summary>{ format!("{} {}", term.count, lang.pick("處", "places")) }</summary>
                { for by_doc.into_iter().map(|(doc, list)| {
                    let mut seen: Vec<&str> = Vec::new();
                    html! {
                        <div class="occ-doc">
                            <p class="occ-title">{ shown(titles.get(doc).copied().unwrap_or(doc), simplified) }</p>
                            <ul class="occ-list">
                                { for list.into_iter().filter(|o| {
                                    let new = !seen.contains(&o.anchor.as_str());
                                    if new { seen.push(&o.anchor); }
                                    new
                                }).map(|o| html! {
                                    <li><a href={anchor_href(doc, &o.anchor)}>{ place_label(&o.anchor, lang) }</a></li>
                                }) }
                            </ul>
                        </div>
                    }
                }) }
            </details>
        }
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
                <div class="glossary-export">
                    <button type="button" class="export-csv" onclick={export_csv}>{ lang.pick("下載 CSV", "Download CSV") }</button>
                    <button type="button" class="export-tbx" onclick={export_tbx}>{ lang.pick("下載 TBX", "Download TBX") }</button>
                </div>
            </div>
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
                            <td class="g-zh" lang="zh-Hant">
                                <span class="g-zh-main">{ shown(term.zh.first().map_or("", String::as_str), simplified) }</span>
                                if term.zh.len() > 1 {
                                    <span class="g-zh-alias">{ shown(&term.zh[1..].join("、"), simplified) }</span>
                                }
                            </td>
                            <td class="g-en" lang="en">{ term.en.clone() }</td>
                            <td class="g-abbr" lang="en">{ term.abbr.clone().unwrap_or_default() }</td>
                            <td class="g-kind">{ term_kind_label(term.kind, lang) }</td>
                            <td class="g-count">{ occurrences(term) }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
        </section>
    }
}
