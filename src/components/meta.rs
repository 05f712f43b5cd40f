//! How a document's metadata reads in the interface language: kind names,
//! author lists, titles, a chapter's place in its book and dates, shared by
//! the library's cards and the document page's header; the citation
//! metadata both show ([`CitationMeta`]); and the names of glossary term
//! kinds.

use crate::components::marked::text_lang;
use crate::i18n::Lang;
use lattice_core::citation::link;
use lattice_core::glossary::TermKind;
use lattice_core::{Citation, Date, Kind};
use yew::prelude::*;

/// Names as a list reads in the interface language: `甲、乙、丙` in
/// Chinese, `A, B and C` in English.
pub fn joined<'a>(names: impl IntoIterator<Item = &'a str>, lang: Lang) -> String {
    let names: Vec<&str> = names.into_iter().collect();
    match (lang, names.as_slice()) {
        (Lang::Zh, _) => names.join("、"),
        (Lang::En, [.., last]) if names.len() > 1 => {
            format!("{} and {last}", names[..names.len() - 1].join(", "))
        }
        (Lang::En, _) => names.join(""),
    }
}

/// The title to show: the English title in the English interface when the
/// metadata gives one, else the title as printed.
pub fn title_in<'a>(title: &'a str, citation: &'a Citation, lang: Lang) -> &'a str {
    match (lang, citation.english_title.as_deref()) {
        (Lang::En, Some(en)) => en,
        _ => title,
    }
}

/// A chapter's place in its book in the interface language: in English,
/// `PART 1 印太總體態勢 · 第一章` reads `Part 1 印太總體態勢 · Chapter 1` (the
/// part's own title is corpus text and stays).
pub fn place_in(place: &str, lang: Lang) -> String {
    if lang == Lang::Zh {
        return place.to_string();
    }
    place
        .split(" · ")
        .map(|piece| {
            if let Some(rest) = piece.strip_prefix("PART ") {
                format!("Part {rest}")
            } else if let Some(n) = chapter_number(piece) {
                format!("Chapter {n}")
            } else {
                piece.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(" · ")
}

/// `第十二章` → 12: a chapter label's number, in Chinese numerals (to 99) or
/// digits.
fn chapter_number(label: &str) -> Option<u32> {
    let inner = label.strip_prefix('第')?.strip_suffix('章')?.trim();
    if let Ok(n) = inner.parse() {
        return Some(n);
    }
    let digit = |c: char| "〇一二三四五六七八九".chars().position(|d| d == c);
    let chars: Vec<char> = inner.chars().collect();
    let n = match chars.as_slice() {
        ['十'] => 10,
        [d] => digit(*d)?,
        ['十', d] => 10 + digit(*d)?,
        [t, '十'] => 10 * digit(*t)?,
        [t, '十', d] => 10 * digit(*t)? + digit(*d)?,
        _ => return None,
    };
    u32::try_from(n).ok().filter(|&n| n > 0)
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

/// Props: the citation metadata to show, and how.
#[derive(Properties, PartialEq)]
pub struct CitationMetaProps {
    /// The metadata.
    pub citation: Citation,
    /// Whether the title shown is already the English one (the English
    /// interface): then the English title is not repeated.
    #[prop_or_default]
    pub english_shown: bool,
    /// The interface language.
    pub lang: Lang,
}

/// The citation metadata a document has, as a list of labelled values:
/// English title, book or series, editors, publisher, place, year, pages,
/// DOI (a link to doi.org) and the source address (a link only when it is
/// http(s); otherwise text). Nothing when none is set.
#[component]
pub fn CitationMeta(props: &CitationMetaProps) -> Html {
    let c = &props.citation;
    let lang = props.lang;
    let mut rows: Vec<(&'static str, Html)> = Vec::new();
    let text = |t: &str| html! { <span lang={text_lang(t, false)}>{ t.to_string() }</span> };
    if let Some(en) = c.english_title.as_deref().filter(|_| !props.english_shown) {
        rows.push((
            lang.pick("英文題名", "English title"),
            html! { <span lang="en">{ en.to_string() }</span> },
        ));
    }
    if let Some(book) = &c.container {
        rows.push((lang.pick("收錄於", "In"), text(book)));
    }
    if !c.editors.is_empty() {
        let editors = joined(c.editors.iter().map(String::as_str), lang);
        rows.push((lang.pick("編者", "Edited by"), text(&editors)));
    }
    if let Some(p) = &c.publisher {
        rows.push((lang.pick("出版者", "Publisher"), text(p)));
    }
    if let Some(p) = &c.place {
        rows.push((lang.pick("出版地", "Place"), text(p)));
    }
    if let Some(y) = &c.year {
        rows.push((lang.pick("年份", "Year"), text(y)));
    }
    if let Some(p) = &c.pages {
        rows.push((lang.pick("頁碼", "Pages"), text(p)));
    }
    if let Some(doi) = &c.doi {
        let value = match link(&format!("https://doi.org/{doi}")) {
            Some(href) => html! {
                <a class="doi" {href} rel="noopener noreferrer">{ format!("https://doi.org/{doi}") }</a>
            },
            None => text(doi),
        };
        rows.push(("DOI", value));
    }
    if let Some(url) = &c.url {
        let value = match link(url) {
            Some(href) => {
                html! { <a class="source-url" {href} rel="noopener noreferrer">{ url.clone() }</a> }
            }
            None => html! { <span class="source-url">{ url.clone() }</span> },
        };
        rows.push((lang.pick("原文網址", "Source"), value));
    }
    if rows.is_empty() {
        return Html::default();
    }
    html! {
        <dl class="citation-meta" lang={lang.tag()}>
            { for rows.into_iter().map(|(label, value)| html! {
                <div class="citation-meta-row"><dt>{ label }</dt><dd>{ value }</dd></div>
            }) }
        </dl>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_join_as_each_language_lists_them() {
        let names = ["林柏州", "Jane Doe", "李"];
        assert_eq!(joined(names, Lang::Zh), "林柏州、Jane Doe、李");
        assert_eq!(joined(names, Lang::En), "林柏州, Jane Doe and 李");
        assert_eq!(joined(["A", "B"], Lang::En), "A and B");
        assert_eq!(joined(["A"], Lang::En), "A");
        assert_eq!(joined([], Lang::En), "");
    }

    #[test]
    fn the_place_line_reads_in_english() {
        let place = "PART 1 印太總體態勢 · 第一章";
        assert_eq!(place_in(place, Lang::Zh), place);
        assert_eq!(place_in(place, Lang::En), "Part 1 印太總體態勢 · Chapter 1");
        assert_eq!(place_in("第十二章", Lang::En), "Chapter 12");
        assert_eq!(place_in("第二十章", Lang::En), "Chapter 20");
        assert_eq!(place_in("第3章", Lang::En), "Chapter 3");
        assert_eq!(place_in("附錄", Lang::En), "附錄");
    }

    #[test]
    fn english_titles_in_the_english_interface() {
        let mut c = Citation::default();
        assert_eq!(title_in("印太", &c, Lang::En), "印太");
        c.english_title = Some("Indo-Pacific".into());
        assert_eq!(title_in("印太", &c, Lang::En), "Indo-Pacific");
        assert_eq!(title_in("印太", &c, Lang::Zh), "印太");
    }
}
