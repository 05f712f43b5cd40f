//! Format detection from a file's own content, never from its name: the
//! labels and markers each format always carries.

use super::lines::{is_separator, parse_date, Line};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Format {
    Web,
    Book,
}

pub(super) fn detect(lines: &[Line<'_>]) -> Option<Format> {
    let head: Vec<&str> = lines
        .iter()
        .map(|l| l.text)
        .filter(|t| !t.is_empty() && !is_separator(t))
        .take(15)
        .collect();
    if head.iter().any(|t| is_part_header(t)) {
        return Some(Format::Book);
    }
    let labels = head
        .iter()
        .filter(|t| matches!(**t, "瀏覽數" | "作者") || t.starts_with("關鍵字"))
        .count();
    let dated = head.iter().any(|t| parse_date(t).is_some());
    if labels >= 1 || (dated && has_bracket_markers(lines)) {
        return Some(Format::Web);
    }
    let superscripts = lines.iter().any(|l| {
        l.text
            .chars()
            .any(|c| crate::inline::superscript_digit(c).is_some())
    });
    let sections = lines
        .iter()
        .any(|l| super::book::heading_level(l.text).is_some());
    (superscripts && sections).then_some(Format::Book)
}

/// `PART 1`, `Part II`, `第一篇`.
pub(super) fn is_part_header(t: &str) -> bool {
    let upper = t.to_ascii_uppercase();
    if let Some(rest) = upper.strip_prefix("PART") {
        let rest = rest.trim();
        return !rest.is_empty()
            && rest.len() <= 6
            && rest
                .chars()
                .all(|c| c.is_ascii_digit() || "IVXLC".contains(c));
    }
    t.starts_with('第') && t.ends_with('篇') && t.chars().count() <= 6
}

fn has_bracket_markers(lines: &[Line<'_>]) -> bool {
    lines.iter().any(|l| {
        crate::inline::parse_inlines(
            l.text,
            crate::inline::Syntax {
                markers: Some(crate::inline::MarkerStyle::Bracket),
            },
        )
        .iter()
        .any(|i| matches!(i, crate::inline::Inline::NoteRef { .. }))
    })
}
