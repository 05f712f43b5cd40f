//! Text folding: the one place that decides which spellings of a term count
//! as the same. Search folds both the corpus and the query with it; the
//! reader's Simplified display uses its Traditional→Simplified half.
//!
//! Folding maps each character to exactly one character, so a match in folded
//! text maps back to the exact original characters by position.
//!
//! - full-width ASCII (`ＡＵＫＵＳ`, `２０２５`) → half-width, ideographic space → space;
//! - letters → lower case (when that is one character);
//! - Traditional → Simplified by OpenCC's character table (`data/opencc/`).

include!(concat!(env!("OUT_DIR"), "/ts_table.rs"));

/// The Simplified form of a Traditional character, if it has a different one.
pub fn simplified_char(c: char) -> Option<char> {
    TS.binary_search_by_key(&c, |&(t, _)| t)
        .ok()
        .map(|i| TS[i].1)
}

/// Fold one character for matching.
pub fn fold_char(c: char) -> char {
    let c = match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    };
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    if let Some(s) = simplified_char(c) {
        return s;
    }
    let mut lower = c.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(l), None) => l,
        _ => c,
    }
}

/// Fold a string for matching (one output character per input character).
pub fn fold(s: &str) -> String {
    s.chars().map(fold_char).collect()
}

/// The text in Simplified characters, for display; nothing else changes.
pub fn to_simplified(s: &str) -> String {
    s.chars().map(|c| simplified_char(c).unwrap_or(c)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn traditional_and_simplified_fold_together() {
        assert_eq!(fold("四方安全對話"), fold("四方安全对话"));
        assert_eq!(fold("關鍵礦產"), "关键矿产");
        assert_eq!(fold("盧比歐"), "卢比欧");
    }

    #[test]
    fn full_width_and_case() {
        assert_eq!(fold("ＡＵＫＵＳ"), "aukus");
        assert_eq!(fold("２０２５年"), "2025年");
        assert_eq!(fold("Célia　X"), "célia x");
    }

    #[test]
    fn one_char_per_char() {
        for s in ["İstanbul ẞ", "ﬁ", "e\u{301}", "😀", "\u{10FFFF}"] {
            assert_eq!(fold(s).chars().count(), s.chars().count(), "{s}");
        }
    }

    #[test]
    fn simplified_display_keeps_everything_else() {
        assert_eq!(
            to_simplified("川普2.0四方外長(Quad)"),
            "川普2.0四方外长(Quad)"
        );
    }

    #[test]
    fn table_is_large_and_sorted() {
        assert!(TS.len() > 3000);
        assert!(TS.windows(2).all(|w| w[0].0 < w[1].0));
    }
}
