//! A RIS record, for EndNote, Zotero and Mendeley: one `TAG  - value` line
//! per field, CRLF-terminated as the format asks. RIS has no escapes, so a
//! value is kept to one line (every run of white space one space).

use super::work::{Name, Work, WorkKind};
use super::CITE_LINK;

/// The record, ending with its `ER` line.
pub(super) fn record(work: &Work) -> String {
    let mut lines: Vec<(&str, String)> = Vec::new();
    let ty = match work.kind {
        WorkKind::Chapter => "CHAP",
        WorkKind::Report => "RPRT",
        WorkKind::Web => "ELEC",
    };
    lines.push(("TY", ty.into()));
    for a in &work.authors {
        lines.push(("AU", name(a)));
    }
    lines.push(("TI", one_line(&work.title)));
    if let Some(en) = work.english_title.as_deref().filter(|_| work.chinese) {
        lines.push(("TT", one_line(en)));
    }
    if let Some(c) = &work.container {
        lines.push(("T2", one_line(c)));
    }
    for e in &work.editors {
        lines.push(("A2", name(e)));
    }
    if let Some(p) = &work.publisher {
        lines.push(("PB", one_line(p)));
    }
    if let Some(p) = &work.place {
        lines.push(("CY", one_line(p)));
    }
    match (&work.year_text, work.date) {
        (Some(text), _) => lines.push(("PY", one_line(text))),
        (None, Some((year, month, day))) => {
            lines.push(("PY", year.to_string()));
            let part = |n: Option<u8>| n.map(|n| format!("{n:02}")).unwrap_or_default();
            lines.push(("DA", format!("{year:04}/{}/{}/", part(month), part(day))));
        }
        (None, None) => {}
    }
    if let Some((first, last)) = work.page_range() {
        lines.push(("SP", one_line(&first)));
        if let Some(last) = last {
            lines.push(("EP", one_line(&last)));
        }
    }
    if let Some(doi) = &work.doi {
        lines.push(("DO", one_line(doi)));
    }
    lines.push(("UR", CITE_LINK.into()));
    if let Some(u) = &work.source_url {
        lines.push(("N1", format!("Source: {}", one_line(u))));
    }
    lines.push(("LA", if work.chinese { "zh" } else { "en" }.into()));
    lines.push(("ID", one_line(&work.key)));
    let mut out = String::new();
    for (tag, value) in lines {
        out.push_str(&format!("{tag}  - {value}\r\n"));
    }
    out.push_str("ER  - \r\n");
    out
}

fn name(n: &Name) -> String {
    match n {
        Name::Whole(n) => one_line(n),
        Name::Split { family, given } => format!("{}, {}", one_line(family), one_line(given)),
    }
}

/// A value on one line: white space (line breaks included) as single
/// spaces, control characters dropped.
pub(super) fn one_line(text: &str) -> String {
    text.split_whitespace()
        .map(|w| w.chars().filter(|c| !c.is_control()).collect::<String>())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_stay_on_one_line() {
        assert_eq!(one_line(" a\r\nER  - b\t\u{7}c "), "a ER - b c");
    }
}
