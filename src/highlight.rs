//! Search highlights in the document being read: which character ranges of
//! which block's or note's plain text match the reader's query, in reading
//! order. The search feature computes them ([`crate::search::Searcher::highlights`])
//! and provides them around the document page; the reader's renderer draws
//! them (together with glossary-term marks) by cutting inline runs with
//! `lattice_core::inline::split_at_marks`, and gives the k-th match in
//! `order` the attribute `data-match="k"` so next/previous can find it.

use std::collections::HashMap;
use std::ops::Range;
use std::rc::Rc;
use yew::prelude::*;

/// Matches of one query in one document.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Highlights {
    /// Character ranges of each anchor's plain text (`p3`, `n7`), in order.
    pub by_anchor: HashMap<String, Vec<Range<usize>>>,
    /// Every match in reading order: (anchor, range).
    pub order: Vec<(String, Range<usize>)>,
    /// The ordinal of each anchor's first match in `order`.
    first: HashMap<String, usize>,
}

impl Highlights {
    /// Add the matches of the next anchor in reading order.
    pub fn push(&mut self, anchor: &str, ranges: Vec<Range<usize>>) {
        if ranges.is_empty() {
            return;
        }
        self.first.insert(anchor.to_string(), self.order.len());
        self.order
            .extend(ranges.iter().map(|r| (anchor.to_string(), r.clone())));
        self.by_anchor
            .entry(anchor.to_string())
            .or_default()
            .extend(ranges);
    }

    /// How many matches there are.
    pub fn len(&self) -> usize {
        self.order.len()
    }

    /// Whether there is nothing to mark.
    pub fn is_empty(&self) -> bool {
        self.order.is_empty()
    }

    /// Ranges to mark in this anchor's text.
    pub fn for_anchor(&self, anchor: &str) -> &[Range<usize>] {
        self.by_anchor.get(anchor).map_or(&[], Vec::as_slice)
    }

    /// The position in `order` of a match, for its `data-match` attribute.
    pub fn ordinal(&self, anchor: &str, range: &Range<usize>) -> Option<usize> {
        let first = *self.first.get(anchor)?;
        let within = self.for_anchor(anchor).iter().position(|r| r == range)?;
        Some(first + within)
    }

    /// The same matches with overlapping ones, and ones apart only by spaces
    /// or punctuation, joined into one: "Quad" inside "Quadrilateral Security
    /// Dialogue" is one match, and so is each occurrence of a phrase whose
    /// words were matched one by one. `text` gives an anchor's plain text.
    pub fn joined(&self, text: impl Fn(&str) -> Option<String>) -> Highlights {
        let mut out = Highlights::default();
        let mut anchors: Vec<&str> = Vec::new();
        for (anchor, _) in &self.order {
            if !anchors.contains(&anchor.as_str()) {
                anchors.push(anchor);
            }
        }
        for anchor in anchors {
            let chars: Vec<char> = text(anchor).unwrap_or_default().chars().collect();
            out.push(anchor, join_ranges(self.for_anchor(anchor), &chars));
        }
        out
    }

    /// The ordinal of the first match in this anchor.
    pub fn first_in(&self, anchor: &str) -> Option<usize> {
        self.first.get(anchor).copied()
    }
}

/// `ranges` sorted and joined where they overlap or only spaces and
/// punctuation of `text` lie between them.
pub fn join_ranges(ranges: &[Range<usize>], text: &[char]) -> Vec<Range<usize>> {
    let mut sorted: Vec<Range<usize>> =
        ranges.iter().filter(|r| r.start < r.end).cloned().collect();
    lattice_core::sort::sort_by_key(&mut sorted, |r| (r.start, r.end));
    let mut out: Vec<Range<usize>> = Vec::new();
    for r in sorted {
        if let Some(last) = out.last_mut() {
            let between = text.get(last.end..r.start).unwrap_or(&[]);
            let joins = r.start <= last.end
                || (r.start - last.end <= 3
                    && between.len() == r.start - last.end
                    && between
                        .iter()
                        .all(|c| c.is_whitespace() || matches!(c, '-' | '‐' | '·' | '・')));
            if joins {
                last.end = last.end.max(r.end);
                continue;
            }
        }
        out.push(r);
    }
    out
}

/// The highlights the document page should draw: provided by the search
/// feature as a context; none when no provider is mounted.
#[hook]
pub fn use_highlights() -> Rc<Highlights> {
    use_context::<Rc<Highlights>>().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::join_ranges;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn a_match_inside_another_is_one() {
        let text = chars("the Quadrilateral Security Dialogue met");
        assert_eq!(join_ranges(&[4..35, 4..8], &text), vec![4..35]);
    }

    #[test]
    fn words_apart_only_by_spaces_are_one_phrase() {
        let text = chars("Quad Foreign Ministers and Quad");
        assert_eq!(
            join_ranges(&[0..4, 5..12, 13..22, 27..31], &text),
            vec![0..22, 27..31]
        );
    }

    #[test]
    fn words_apart_by_other_text_stay_apart() {
        let text = chars("四方安全對話與印太");
        assert_eq!(join_ranges(&[7..9, 0..6], &text), vec![0..6, 7..9]);
    }
}
