//! How a search hit reads: its snippet with every match in a `<mark>`, and
//! what kind of passage it is (heading, body, note). Shared by the search
//! box's list and the results page. Text stays text: nodes, never HTML.

use crate::i18n::Lang;
use lattice_core::search::{PassageKind, Snippet};
use yew::prelude::*;

/// The snippet's text with its highlights marked, `…` where it was cut.
pub fn snippet(s: &Snippet) -> Html {
    let chars: Vec<char> = s.text.chars().collect();
    let mut parts: Vec<Html> = Vec::new();
    if s.cut_before {
        parts.push(html! { { "…" } });
    }
    let mut at = 0;
    for h in &s.highlights {
        let (start, end) = (h.start.min(chars.len()), h.end.min(chars.len()));
        // Overlapping matches (`哈哈` in `哈哈哈`) join into one mark.
        let start = start.max(at);
        if start >= end {
            continue;
        }
        if start > at {
            parts.push(html! { { chars[at..start].iter().collect::<String>() } });
        }
        parts.push(html! { <mark>{ chars[start..end].iter().collect::<String>() }</mark> });
        at = end;
    }
    if at < chars.len() {
        parts.push(html! { { chars[at..].iter().collect::<String>() } });
    }
    if s.cut_after {
        parts.push(html! { { "…" } });
    }
    parts.into_iter().collect()
}

/// What kind of passage a hit is in: `標題`, `正文`, `註 7`.
pub fn kind_label(lang: Lang, kind: PassageKind, note_label: Option<&str>) -> String {
    match kind {
        PassageKind::Title => lang.pick("篇名", "Title").to_string(),
        PassageKind::Authors => lang.pick("作者", "Authors").to_string(),
        PassageKind::Keywords => lang.pick("關鍵詞", "Keywords").to_string(),
        PassageKind::Heading => lang.pick("標題", "Heading").to_string(),
        PassageKind::Paragraph => lang.pick("正文", "Body").to_string(),
        PassageKind::Note => match note_label {
            Some(label) => format!("{} {label}", lang.pick("註", "Note")),
            None => lang.pick("註釋", "Note").to_string(),
        },
    }
}

/// The class naming a hit's kind, for the stylesheet (`search-kind-note`).
pub fn kind_class(kind: PassageKind) -> &'static str {
    match kind {
        PassageKind::Title => "search-kind-title",
        PassageKind::Authors => "search-kind-authors",
        PassageKind::Keywords => "search-kind-keywords",
        PassageKind::Heading => "search-kind-heading",
        PassageKind::Paragraph => "search-kind-paragraph",
        PassageKind::Note => "search-kind-note",
    }
}

/// A query as shown back to the reader: at most `max` characters, control
/// characters as spaces, so a pasted 10,000-character block stays one line.
pub fn shown_query(text: &str, max: usize) -> String {
    let mut out: String = text
        .chars()
        .take(max)
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if text.chars().nth(max).is_some() {
        out.push('…');
    }
    out
}
