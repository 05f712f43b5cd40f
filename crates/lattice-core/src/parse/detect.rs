//! Format detection from a file's own content, never from its name: the
//! labels and markers each format always carries.
//!
//! The text formats are told apart here; Markdown and Word are told by
//! their file name's extension in [`super::parse_file`], since their content
//! can be anything.

use super::headings::{heading_level, is_part_header};
use super::lines::{is_separator, parse_date, Line};
use crate::model::Kind;

/// Which plain-text format these lines are in, if either.
pub(super) fn detect(lines: &[Line<'_>]) -> Option<Kind> {
    let head: Vec<&str> = lines
        .iter()
        .map(|l| l.text)
        .filter(|t| !t.is_empty() && !is_separator(t))
        .take(15)
        .collect();
    if head.iter().any(|t| is_part_header(t)) {
        return Some(Kind::BookChapter);
    }
    let labels = head
        .iter()
        .filter(|t| matches!(**t, "瀏覽數" | "作者") || t.starts_with("關鍵字"))
        .count();
    let dated = head.iter().any(|t| parse_date(t).is_some());
    if labels >= 1 || (dated && has_bracket_markers(lines)) {
        return Some(Kind::WebAnalysis);
    }
    let superscripts = lines.iter().any(|l| {
        l.text
            .chars()
            .any(|c| crate::inline::superscript_digit(c).is_some())
    });
    let sections = lines.iter().any(|l| heading_level(l.text).is_some());
    (superscripts && sections).then_some(Kind::BookChapter)
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
