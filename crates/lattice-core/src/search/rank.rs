//! Relevance: a BM25-style weight per clause — more occurrences count with
//! diminishing returns, short passages beat long ones, longer (more specific)
//! forms weigh more — with headings above paragraphs above notes. A
//! document's title, authors and keywords rank above any text: they come
//! first whatever their score.

use super::index::PassageKind;
use super::query::Query;
use std::cmp::Ordering;

const K1: f32 = 1.2;
const B: f32 = 0.75;

/// The score of a passage of `chars` characters and this kind, in which
/// each required clause occurs `tf[i]` times; `mean_chars` is the corpus's
/// mean passage length. Both index forms call this, so they rank alike.
pub(crate) fn score(
    mean_chars: f32,
    chars: u32,
    kind: PassageKind,
    query: &Query,
    tf: &[usize],
) -> f32 {
    let norm = 1.0 - B + B * chars as f32 / mean_chars.max(1.0);
    let mut s = 0.0;
    for (clause, &tf) in query.clauses.iter().zip(tf) {
        let tf = tf as f32;
        let specificity = (1.0 + clause.alternatives.first().folded.chars().count() as f32).ln();
        s += specificity * tf * (K1 + 1.0) / (tf + K1 * norm);
    }
    s * match kind {
        PassageKind::Title => 2.0,
        PassageKind::Authors | PassageKind::Keywords | PassageKind::Heading => 1.5,
        PassageKind::Paragraph => 1.0,
        PassageKind::Note => 0.8,
    }
}

/// Best first: metadata before text, then by score, then in corpus order.
pub(crate) fn order(a: (PassageKind, f32, usize), b: (PassageKind, f32, usize)) -> Ordering {
    b.0.is_metadata()
        .cmp(&a.0.is_metadata())
        .then_with(|| b.1.total_cmp(&a.1))
        .then_with(|| a.2.cmp(&b.2))
}
