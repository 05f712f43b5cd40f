//! Finding every occurrence of a term in a passage's folded text.
//!
//! A term that starts with a letter or digit of a spaced script must start a
//! word (the character before it is not a letter or digit of such a script);
//! a term that starts with a CJK character matches anywhere.

use super::query::Query;
use crate::script::is_spaced_word_char;
use std::ops::Range;

/// An occurrence as (byte start, byte length) in the folded text.
pub(super) type ByteMatch = (usize, usize);

/// Occurrences of each term, or `None` if some term has none.
pub(super) fn match_all(folded: &str, query: &Query) -> Option<Vec<Vec<ByteMatch>>> {
    let mut per_term = Vec::with_capacity(query.terms.len());
    for term in &query.terms {
        let mut starts: Vec<ByteMatch> = Vec::new();
        for alt in &term.alternatives {
            find_all(folded, &alt.folded, &mut starts);
        }
        if starts.is_empty() {
            return None;
        }
        per_term.push(starts);
    }
    Some(per_term)
}

fn find_all(hay: &str, needle: &str, out: &mut Vec<(usize, usize)>) {
    let Some(first) = needle.chars().next() else {
        return;
    };
    let word_start = is_spaced_word_char(first);
    let mut from = 0;
    while let Some(i) = hay[from..].find(needle) {
        let at = from + i;
        let ok = !word_start
            || !hay[..at]
                .chars()
                .next_back()
                .is_some_and(is_spaced_word_char);
        if ok {
            out.push((at, needle.len()));
        }
        // Step one character, so overlapping occurrences are found too.
        from = at + hay[at..].chars().next().map_or(1, char::len_utf8);
    }
}

/// Byte occurrences (in any order, repeats allowed) to sorted, distinct
/// character ranges, in one pass over the text.
pub(super) fn to_char_ranges(hay: &str, mut starts: Vec<(usize, usize)>) -> Vec<Range<usize>> {
    starts.sort_unstable();
    starts.dedup();
    let mut out = Vec::with_capacity(starts.len());
    let (mut byte, mut ch) = (0usize, 0usize);
    let mut chars = hay.char_indices().peekable();
    let mut char_of = |target: usize| {
        while byte < target {
            match chars.next() {
                Some((_, c)) => {
                    byte += c.len_utf8();
                    ch += 1;
                }
                None => break,
            }
        }
        ch
    };
    // Ends are not monotonic across starts, so count them separately.
    let begins: Vec<usize> = starts.iter().map(|&(s, _)| char_of(s)).collect();
    for ((s, len), b) in starts.into_iter().zip(begins) {
        let n = hay[s..s + len].chars().count();
        out.push(b..b + n);
    }
    out
}

#[cfg(test)]
#[allow(clippy::single_range_in_vec_init)]
mod tests {
    use super::super::query::parse_query;
    use super::*;

    fn ranges(text: &str, q: &str) -> Option<Vec<Range<usize>>> {
        let f = crate::fold::fold(text);
        match_all(&f, &parse_query(q))
            .map(|v| to_char_ranges(&f, v.into_iter().flatten().collect()))
    }

    #[test]
    fn latin_terms_match_at_word_starts() {
        assert_eq!(
            ranges("SSN-AUKUS 與 AUKUS", "aukus"),
            Some(vec![4..9, 12..17])
        );
        assert_eq!(ranges("SSN-AUKUS", "ukus"), None);
        assert_eq!(ranges("Quadrilateral", "quad"), Some(vec![0..4]));
        assert_eq!(ranges("F35戰機", "35"), None);
        assert_eq!(ranges("於2025年", "2025"), Some(vec![1..5]));
    }

    #[test]
    fn chinese_matches_anywhere_and_overlaps() {
        assert_eq!(ranges("四方安全對話", "安全对话"), Some(vec![2..6]));
        assert_eq!(ranges("哈哈哈", "哈哈"), Some(vec![0..2, 1..3]));
    }

    #[test]
    fn all_terms_must_match() {
        assert!(ranges("Quad 與 AUKUS", "quad aukus").is_some());
        assert!(ranges("Quad 與 AUKUS", "quad tsd").is_none());
    }
}
