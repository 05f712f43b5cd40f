//! Every match of a query in one document that is at hand, for the reader
//! to mark: the app's document page opened from a search hit. No ranking,
//! counting or snippets — only which passage matches and where — so the app
//! carries none of the in-memory search over a whole corpus (it searches
//! the split index) and still marks exactly what that search would.

use super::index::SearchIndex;
use super::{matcher, Query, Scope};
use crate::model::Document;
use std::ops::Range;

/// The matches of `query` in `document`, passage by passage in reading
/// order (title, authors, keywords, blocks, notes): each matching passage's
/// target (`title`, `p3`, `n7`) and its matches as character ranges of the
/// passage's plain text. A passage is listed when it matches every required
/// clause and no excluded one, and `scope` admits its kind — the passages
/// a search of the whole corpus would hit in this document.
pub fn matches_in(
    document: &Document,
    query: &Query,
    scope: Scope,
) -> Vec<(String, Vec<Range<usize>>)> {
    if query.is_empty() {
        return Vec::new();
    }
    let index = SearchIndex::build(std::iter::once(document));
    let mut out = Vec::new();
    for p in index.passages {
        if !scope.admits(p.kind) {
            continue;
        }
        let Some(per_clause) = matcher::match_all(&p.folded, query) else {
            continue;
        };
        let ranged = matcher::to_char_ranges(&p.folded, per_clause.into_iter().flatten().collect());
        out.push((p.target, ranged.into_iter().map(|(r, _)| r).collect()));
    }
    out
}
