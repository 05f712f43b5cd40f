//! Finding every occurrence of a clause in a passage's folded text.
//!
//! A form that starts with a letter or digit of a spaced script must start a
//! word (the character before it is not a letter or digit of such a script);
//! a form that starts with a CJK character matches anywhere.

use super::query::{Clause, Query};
use crate::script::is_spaced_word_char;
use std::ops::Range;

/// An occurrence in the folded text: byte start, byte length, and which
/// alternative of which clause matched.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(super) struct ByteMatch {
    pub(super) start: usize,
    pub(super) len: usize,
    pub(super) form: Form,
}

/// Which alternative of which required clause: (clause, alternative).
pub(crate) type Form = (usize, usize);

/// Occurrences of each required clause, or `None` if some clause has none or
/// an excluded clause occurs.
pub(super) fn match_all(folded: &str, query: &Query) -> Option<Vec<Vec<ByteMatch>>> {
    let mut per_clause = Vec::with_capacity(query.clauses.len());
    for (i, clause) in query.clauses.iter().enumerate() {
        let found = find_clause(folded, i, clause);
        if found.is_empty() {
            return None;
        }
        per_clause.push(found);
    }
    if query
        .excluded
        .iter()
        .any(|c| !find_clause(folded, 0, c).is_empty())
    {
        return None;
    }
    Some(per_clause)
}

fn find_clause(folded: &str, i: usize, clause: &Clause) -> Vec<ByteMatch> {
    let mut out = Vec::new();
    for (alt, a) in clause.alternatives.iter().enumerate() {
        find_all(folded, &a.folded, (i, alt), &mut out);
    }
    out
}

fn find_all(hay: &str, needle: &str, form: Form, out: &mut Vec<ByteMatch>) {
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
            out.push(ByteMatch {
                start: at,
                len: needle.len(),
                form,
            });
        }
        // Step one character, so overlapping occurrences are found too.
        from = at + hay[at..].chars().next().map_or(1, char::len_utf8);
    }
}

/// Byte occurrences (in any order, repeats allowed) to sorted, distinct
/// character ranges, each with its form (the first, when two forms cover
/// the same range), in one pass over the text.
pub(super) fn to_char_ranges(hay: &str, mut matches: Vec<ByteMatch>) -> Vec<(Range<usize>, Form)> {
    crate::sort::sort(&mut matches);
    matches.dedup_by_key(|m| (m.start, m.len));
    let mut out = Vec::with_capacity(matches.len());
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
    let begins: Vec<usize> = matches.iter().map(|m| char_of(m.start)).collect();
    for (m, b) in matches.into_iter().zip(begins) {
        let n = hay[m.start..m.start + m.len].chars().count();
        out.push((b..b + n, m.form));
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
        match_all(&f, &parse_query(q)).map(|v| {
            to_char_ranges(&f, v.into_iter().flatten().collect())
                .into_iter()
                .map(|(r, _)| r)
                .collect()
        })
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
    fn all_clauses_must_match_and_none_excluded() {
        assert!(ranges("Quad 與 AUKUS", "quad aukus").is_some());
        assert!(ranges("Quad 與 AUKUS", "quad tsd").is_none());
        assert_eq!(ranges("Quad 與 AUKUS", "tsd OR aukus"), Some(vec![7..12]));
        assert!(ranges("Quad 與 AUKUS", "quad -aukus").is_none());
        assert!(ranges("Quad 與 AUKUS", "quad -tsd").is_some());
    }
}
