//! A CSL-JSON item (an array of one), the format citation processors and
//! Zotero read. Written by hand, one member a line, so the app can drop the
//! `URL` line when it has no link to give (it is never the last member);
//! strings are escaped as JSON requires, line separators included.

use super::work::{Name, Work, WorkKind};
use super::CITE_LINK;

/// The item as a JSON array, ending in a newline.
pub(super) fn item(work: &Work) -> String {
    let mut members: Vec<(&str, String)> = Vec::new();
    members.push(("id", string(&work.key)));
    let ty = match work.kind {
        WorkKind::Chapter => "chapter",
        WorkKind::Report => "report",
        WorkKind::Web => "webpage",
    };
    members.push(("type", string(ty)));
    members.push(("title", string(&work.title)));
    if let Some(en) = work.english_title.as_deref().filter(|_| work.chinese) {
        members.push(("original-title", string(&work.title)));
        members.push(("title-short", string(en)));
    }
    if !work.authors.is_empty() {
        members.push(("author", names(&work.authors)));
    }
    if let Some(c) = &work.container {
        members.push(("container-title", string(c)));
    }
    if !work.editors.is_empty() {
        members.push(("editor", names(&work.editors)));
    }
    if let Some(p) = &work.publisher {
        members.push(("publisher", string(p)));
    }
    if let Some(p) = &work.place {
        members.push(("publisher-place", string(p)));
    }
    match (&work.year_text, work.date) {
        (Some(text), _) => members.push(("issued", format!("{{\"literal\": {}}}", string(text)))),
        (None, Some((year, month, day))) => {
            let parts: Vec<String> = [Some(year), month.map(i32::from), day.map(i32::from)]
                .into_iter()
                .map_while(|p| p)
                .map(|p| p.to_string())
                .collect();
            members.push((
                "issued",
                format!("{{\"date-parts\": [[{}]]}}", parts.join(", ")),
            ));
        }
        (None, None) => {}
    }
    if let Some(p) = &work.pages {
        members.push(("page", string(p)));
    }
    if let Some(doi) = &work.doi {
        members.push(("DOI", string(doi)));
    }
    members.push(("URL", string(CITE_LINK)));
    if let Some(u) = &work.source_url {
        members.push(("note", string(&format!("Source: {u}"))));
    }
    members.push((
        "language",
        string(if work.chinese { "zh-Hant" } else { "en" }),
    ));
    let mut out = String::from("[\n  {\n");
    for (i, (name, value)) in members.iter().enumerate() {
        let comma = if i + 1 < members.len() { "," } else { "" };
        out.push_str(&format!("    {}: {value}{comma}\n", string(name)));
    }
    out.push_str("  }\n]\n");
    out
}

fn names(names: &[Name]) -> String {
    let each: Vec<String> = names
        .iter()
        .map(|n| match n {
            Name::Whole(n) => format!("{{\"literal\": {}}}", string(n)),
            Name::Split { family, given } => {
                format!(
                    "{{\"family\": {}, \"given\": {}}}",
                    string(family),
                    string(given)
                )
            }
        })
        .collect();
    format!("[{}]", each.join(", "))
}

/// A JSON string literal.
pub(super) fn string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c if c.is_control() => out.push_str(&format!("\\u{:04x}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_escaped() {
        assert_eq!(
            string("a \"q\" \\ {b}\n\t印\u{1}\u{2028}"),
            "\"a \\\"q\\\" \\\\ {b}\\n\\t印\\u0001\\u2028\""
        );
    }
}
