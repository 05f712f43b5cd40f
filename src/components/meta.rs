//! How a document's metadata reads in the interface language: kind names,
//! author lists and dates, shared by the library's cards and the document
//! page's header; and the names of glossary term kinds.

use crate::i18n::Lang;
use lattice_core::glossary::TermKind;
use lattice_core::{Date, Kind};
use yew::prelude::*;

/// Names joined with the enumeration comma (`甲、乙`).
pub fn joined<'a>(names: impl IntoIterator<Item = &'a str>) -> String {
    names.into_iter().collect::<Vec<_>>().join("、")
}

/// A source format's name in the interface language.
pub fn kind_name(kind: Kind, lang: Lang) -> &'static str {
    match kind {
        Kind::WebAnalysis => lang.pick("網路評析", "Web analysis"),
        Kind::BookChapter => lang.pick("專書章節", "Book chapter"),
        Kind::Markdown => lang.pick("Markdown 文件", "Markdown document"),
        Kind::Word => lang.pick("Word 文件", "Word document"),
    }
}

/// A glossary term kind's name in the interface language.
pub fn term_kind_label(kind: TermKind, lang: Lang) -> &'static str {
    match kind {
        TermKind::Person => lang.pick("人物", "person"),
        TermKind::Organisation => lang.pick("組織", "organisation"),
        TermKind::Mechanism => lang.pick("機制", "mechanism"),
        TermKind::Initiative => lang.pick("倡議", "initiative"),
        TermKind::Agreement => lang.pick("協定", "agreement"),
        TermKind::Event => lang.pick("事件", "event"),
        TermKind::Concept => lang.pick("概念", "concept"),
        TermKind::Place => lang.pick("地區", "place"),
        TermKind::Publication => lang.pick("文件", "publication"),
        TermKind::Other => lang.pick("其他", "other"),
    }
}

/// A date in the interface language, machine-readable too.
pub fn date_in(date: &Date, lang: Lang) -> Html {
    let text = match lang {
        Lang::Zh => format!("{}年{}月{}日", date.year, date.month, date.day),
        Lang::En => format!("{}-{:02}-{:02}", date.year, date.month, date.day),
    };
    html! { <time datetime={date.to_string()}>{ text }</time> }
}
