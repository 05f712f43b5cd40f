//! How a document's metadata reads in Chinese: kind labels, author lists and
//! dates, shared by the library's cards and the document page's header.

use lattice_core::{Date, Document, Kind};
use yew::prelude::*;

/// The Chinese name of a source format.
pub fn kind_label(kind: Kind) -> &'static str {
    match kind {
        Kind::WebAnalysis => "網路評析",
        Kind::BookChapter => "專書章節",
    }
}

/// The authors' names joined with the enumeration comma (`甲、乙`).
pub fn author_names(doc: &Document) -> String {
    doc.meta
        .authors
        .iter()
        .map(|a| a.name.as_str())
        .collect::<Vec<_>>()
        .join("、")
}

/// A date as Chinese readers write it (`2025年7月4日`), machine-readable too.
pub fn date(date: &Date) -> Html {
    html! {
        <time datetime={date.to_string()}>
            { format!("{}年{}月{}日", date.year, date.month, date.day) }
        </time>
    }
}

/// Where a book chapter sits in its book (`PART 1 印太總體態勢 · 第一章`).
pub fn chapter_place(doc: &Document) -> Option<String> {
    let meta = &doc.meta;
    let mut parts: Vec<String> = Vec::new();
    if let Some(part) = &meta.part {
        parts.push(match &part.title {
            Some(title) => format!("{} {}", part.label, title),
            None => part.label.clone(),
        });
    }
    if let Some(entry) = meta.chapter.and_then(|i| meta.contents.get(i)) {
        parts.push(entry.label.clone());
    }
    (!parts.is_empty()).then(|| parts.join(" · "))
}
