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
    /// The query they are for (empty: nothing to highlight).
    pub query: String,
    /// Character ranges of each anchor's plain text (`p3`, `n7`), in order.
    pub by_anchor: HashMap<String, Vec<Range<usize>>>,
    /// Every match in reading order: (anchor, range).
    pub order: Vec<(String, Range<usize>)>,
    /// The ordinal of each anchor's first match in `order`.
    first: HashMap<String, usize>,
}

impl Highlights {
    /// No matches yet, for this query.
    pub fn new(query: &str) -> Self {
        Highlights {
            query: query.to_string(),
            ..Highlights::default()
        }
    }

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

    /// The ordinal of the first match in this anchor.
    pub fn first_in(&self, anchor: &str) -> Option<usize> {
        self.first.get(anchor).copied()
    }
}

/// The highlights the document page should draw: provided by the search
/// feature as a context; none when no provider is mounted.
#[hook]
pub fn use_highlights() -> Rc<Highlights> {
    use_context::<Rc<Highlights>>().unwrap_or_default()
}
