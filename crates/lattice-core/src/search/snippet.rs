//! Snippets: a window of a passage around its first match, with every match
//! inside the window marked, so a result shows why it matched.

use serde::{Deserialize, Serialize};
use std::ops::Range;

/// Characters shown before the first match.
const BEFORE: usize = 24;
/// Characters in a snippet at most.
const WIDTH: usize = 96;

/// A window of a passage.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Snippet {
    /// The window's text.
    pub text: String,
    /// Matches inside the window, as character ranges of `text`.
    pub highlights: Vec<Range<usize>>,
    /// Whether text was cut before the window.
    pub cut_before: bool,
    /// Whether text was cut after it.
    pub cut_after: bool,
}

pub(super) fn make(text: &str, matches: &[Range<usize>]) -> Snippet {
    let chars: Vec<char> = text.chars().collect();
    let first = matches.first().map_or(0, |m| m.start);
    let mut start = first.saturating_sub(BEFORE);
    let end = (start + WIDTH).min(chars.len());
    if end - start < WIDTH {
        start = end.saturating_sub(WIDTH);
    }
    let highlights = matches
        .iter()
        .filter(|m| m.start < end && m.end > start)
        .map(|m| m.start.max(start) - start..m.end.min(end) - start)
        .collect();
    Snippet {
        text: chars[start..end].iter().collect(),
        highlights,
        cut_before: start > 0,
        cut_after: end < chars.len(),
    }
}

#[cfg(test)]
#[allow(clippy::single_range_in_vec_init)]
mod tests {
    use super::*;

    #[test]
    fn window_around_first_match() {
        let text = "一".repeat(200) + "AUKUS" + &"二".repeat(200);
        let s = make(&text, &[200..205]);
        assert_eq!(s.text.chars().count(), WIDTH);
        assert!(s.cut_before && s.cut_after);
        assert_eq!(s.highlights, [BEFORE..BEFORE + 5]);
        let hl: String = s.text.chars().skip(BEFORE).take(5).collect();
        assert_eq!(hl, "AUKUS");
    }

    #[test]
    fn short_passages_are_whole() {
        let s = make("四方安全對話", &[2..4]);
        assert_eq!(s.text, "四方安全對話");
        assert!(!s.cut_before && !s.cut_after);
        assert_eq!(s.highlights, [2..4]);
    }
}
