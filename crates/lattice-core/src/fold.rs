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

use std::sync::OnceLock;

mod opencc;

/// OpenCC's TSCharacters as build.rs packed it (`opencc::pack`, postcard).
static TS_PACKED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/ts_table.bin"));

/// The Traditional→Simplified pairs, sorted by Traditional character;
/// unpacked on first use (about 4,100 pairs, tens of microseconds). The
/// bytes are the build script's, from a checked-in file, so a table that
/// does not decode is a build defect: it is then empty rather than guessed.
fn ts_table() -> &'static [(char, char)] {
    static TABLE: OnceLock<Vec<(char, char)>> = OnceLock::new();
    TABLE.get_or_init(|| {
        postcard::from_bytes::<(Vec<u32>, Vec<i32>)>(TS_PACKED)
            .map(|(gaps, offsets)| opencc::unpack(&gaps, &offsets))
            .unwrap_or_default()
    })
}

/// The Simplified form of a Traditional character, if it has a different one.
pub fn simplified_char(c: char) -> Option<char> {
    let table = ts_table();
    table
        .binary_search_by_key(&c, |&(t, _)| t)
        .ok()
        .map(|i| table[i].1)
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

    /// The embedded table is the checked-in file's pairs, whole: packing,
    /// postcard and unpacking lose nothing (the file's reading is tested
    /// on its own below).
    #[test]
    fn table_is_the_whole_file() {
        let table = ts_table();
        let source = include_str!("../data/opencc/TSCharacters.txt");
        let expected = opencc::pairs(source).unwrap();
        assert!(expected.len() > 3000);
        assert_eq!(table, expected.as_slice());
        assert!(table.windows(2).all(|w| w[0].0 < w[1].0));
        // Characters outside the Basic Multilingual Plane survive too.
        assert!(table
            .iter()
            .any(|&(t, s)| t as u32 > 0xFFFF || s as u32 > 0xFFFF));
        // Known pairs, and characters with no other form.
        for (t, s) in [('對', '对'), ('關', '关'), ('歐', '欧'), ('盧', '卢')] {
            assert_eq!(simplified_char(t), Some(s), "{t}");
        }
        for c in ['四', '方', 'Q', '对'] {
            assert_eq!(simplified_char(c), None, "{c}");
        }
    }

    #[test]
    fn opencc_lines_read_as_pairs() {
        let text = "# comment\n\n對\t对\n四\t四\n乾\t干 乾\n乾\t乹\n𠁞\t𠀾\n";
        assert_eq!(
            opencc::pairs(text).unwrap(),
            [('乾', '干'), ('對', '对'), ('𠁞', '𠀾')]
        );
        assert_eq!(
            opencc::pairs("ab\tc\n").unwrap_err(),
            "line 1: expected single characters"
        );
        assert_eq!(
            opencc::pairs("#\n對\n").unwrap_err(),
            "line 2: expected `key<TAB>values`"
        );
        let pairs = [('A', 'a'), ('對', '对'), ('𠁞', '𠀾')];
        let (gaps, offsets) = opencc::pack(&pairs);
        assert_eq!(opencc::unpack(&gaps, &offsets), pairs);
    }
}
