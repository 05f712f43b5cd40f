//! A BibTeX entry (biblatex types: `@incollection`, `@report`, `@online`),
//! for Zotero, JabRef and LaTeX. Values are escaped for LaTeX and kept on one
//! line; titles are double-braced so no style changes their case; Chinese and
//! single-word names are braced whole so BibTeX never splits them.

use super::work::{Name, Work, WorkKind};
use super::CITE_LINK;

/// The entry, ending in a newline.
pub(super) fn entry(work: &Work) -> String {
    let kind = match work.kind {
        WorkKind::Chapter => "incollection",
        WorkKind::Report => "report",
        WorkKind::Web => "online",
    };
    let mut fields: Vec<(&str, String)> = Vec::new();
    if !work.authors.is_empty() {
        fields.push(("author", names(&work.authors)));
    }
    fields.push(("title", format!("{{{}}}", escape(&work.title))));
    if let Some(en) = work.english_title.as_deref().filter(|_| work.chinese) {
        fields.push(("titleaddon", format!("{{{}}}", escape(en))));
    }
    if let Some(c) = &work.container {
        fields.push(("booktitle", format!("{{{}}}", escape(c))));
    }
    if !work.editors.is_empty() {
        fields.push(("editor", names(&work.editors)));
    }
    if let Some(p) = &work.publisher {
        let key = if work.kind == WorkKind::Report {
            "institution"
        } else {
            "publisher"
        };
        fields.push((key, escape(p)));
    }
    if let Some(p) = &work.place {
        fields.push(("address", escape(p)));
    }
    match (&work.year_text, work.date) {
        (Some(text), _) => fields.push(("year", escape(text))),
        (None, Some((year, month, day))) => {
            fields.push(("year", year.to_string()));
            if let Some(m) = month {
                fields.push(("month", m.to_string()));
                if let Some(d) = day {
                    fields.push(("date", format!("{year:04}-{m:02}-{d:02}")));
                }
            }
        }
        (None, None) => {}
    }
    if let Some(pages) = &work.pages {
        let (first, last) = work.page_range().unwrap_or((pages.clone(), None));
        let value = match last {
            Some(last) => format!("{}--{}", escape(&first), escape(&last)),
            None => escape(pages),
        };
        fields.push(("pages", value));
    }
    if let Some(doi) = &work.doi {
        fields.push(("doi", verbatim(doi)));
    }
    fields.push(("url", CITE_LINK.to_string()));
    if let Some(u) = &work.source_url {
        fields.push(("note", format!("Source: \\url{{{}}}", verbatim(u))));
    }
    fields.push((
        "langid",
        if work.chinese { "chinese" } else { "english" }.into(),
    ));
    let mut out = format!("@{kind}{{{},\n", key(&work.key));
    for (i, (name, value)) in fields.iter().enumerate() {
        let comma = if i + 1 < fields.len() { "," } else { "" };
        out.push_str(&format!("  {name} = {{{value}}}{comma}\n"));
    }
    out.push_str("}\n");
    out
}

/// A citation key: letters, digits and `-_:.` only.
fn key(id: &str) -> String {
    let k: String = id
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'))
        .collect();
    if k.is_empty() {
        "document".into()
    } else {
        k
    }
}

fn names(names: &[Name]) -> String {
    names
        .iter()
        .map(|n| match n {
            Name::Whole(n) => format!("{{{}}}", escape(n)),
            Name::Split { family, given } => {
                format!("{{{}}}, {}", escape(family), escape(given))
            }
        })
        .collect::<Vec<_>>()
        .join(" and ")
}

/// Text for a BibTeX value: LaTeX's special characters escaped, braces
/// balanced by escaping them all, every run of white space (line breaks
/// included) one space.
pub(super) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        for c in word.chars() {
            match c {
                '\\' => out.push_str("\\textbackslash{}"),
                '{' => out.push_str("\\{"),
                '}' => out.push_str("\\}"),
                '#' | '%' | '&' | '$' | '_' => {
                    out.push('\\');
                    out.push(c);
                }
                '^' => out.push_str("\\^{}"),
                '~' => out.push_str("\\~{}"),
                c if c.is_control() => {}
                c => out.push(c),
            }
        }
    }
    out
}

/// A DOI or address: kept as written (the url package reads `%` and `#`
/// itself), but braces, backslashes and white space, which would end or
/// break the value, percent-encoded.
fn verbatim(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.trim().chars() {
        match c {
            '{' => out.push_str("%7B"),
            '}' => out.push_str("%7D"),
            '\\' => out.push_str("%5C"),
            c if c.is_whitespace() || c.is_control() => out.push_str("%20"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latex_specials_are_escaped_and_lines_joined() {
        assert_eq!(
            escape("50% of {Quad} & \"AUKUS\"_x #1 \\ ^~\n next"),
            "50\\% of \\{Quad\\} \\& \"AUKUS\"\\_x \\#1 \\textbackslash{} \\^{}\\~{} next"
        );
        assert_eq!(escape("四方 安全\r\n對話"), "四方 安全 對話");
    }

    #[test]
    fn addresses_keep_their_characters_but_not_braces() {
        assert_eq!(verbatim("10.1/a}b{c\\ d"), "10.1/a%7Db%7Bc%5C%20d");
    }
}
