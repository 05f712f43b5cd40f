//! Relevance: a BM25-style weight per term — more occurrences count with
//! diminishing returns, short passages beat long ones, longer (more specific)
//! terms weigh more — with headings above paragraphs above notes.

use super::index::{Passage, PassageKind, SearchIndex};
use super::matcher::ByteMatch;
use super::query::Query;

const K1: f32 = 1.2;
const B: f32 = 0.75;

pub(super) fn score(
    index: &SearchIndex,
    p: &Passage,
    query: &Query,
    per_term: &[Vec<ByteMatch>],
) -> f32 {
    let len = p.chars as f32;
    let norm = 1.0 - B + B * len / index.mean_chars.max(1.0);
    let mut s = 0.0;
    for (term, matches) in query.terms.iter().zip(per_term) {
        let tf = matches.len() as f32;
        let specificity = (1.0 + term.alternatives[0].folded.chars().count() as f32).ln();
        s += specificity * tf * (K1 + 1.0) / (tf + K1 * norm);
    }
    s * match p.kind {
        PassageKind::Heading => 1.5,
        PassageKind::Paragraph => 1.0,
        PassageKind::Note => 0.8,
    }
}
