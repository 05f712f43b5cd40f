//! Search highlights in the document being read: which character ranges of
//! which block's or note's plain text match the reader's query, in reading
//! order. The search feature computes them; the reader's renderer draws them
//! (together with glossary-term marks) by cutting inline runs with
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
    /// Character ranges of each anchor's plain text (`p3`, `n7`).
    pub by_anchor: HashMap<String, Vec<Range<usize>>>,
    /// Every match in reading order: (anchor, range).
    pub order: Vec<(String, Range<usize>)>,
}

impl Highlights {
    /// Ranges to mark in this anchor's text.
    pub fn for_anchor(&self, anchor: &str) -> &[Range<usize>] {
        self.by_anchor.get(anchor).map_or(&[], Vec::as_slice)
    }

    /// The position in `order` of a match, for its `data-match` attribute.
    pub fn ordinal(&self, anchor: &str, range: &Range<usize>) -> Option<usize> {
        self.order.iter().position(|(a, r)| a == anchor && r == range)
    }
}

/// The highlights the document page should draw: provided by the search
/// feature as a context; none when no provider is mounted.
#[hook]
pub fn use_highlights() -> Rc<Highlights> {
    use_context::<Rc<Highlights>>().unwrap_or_default()
}
