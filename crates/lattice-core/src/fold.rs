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

/// OpenCC's TSCharacters as build.rs packed it (a count, the Traditional
/// characters' gaps, the Simplified characters' zigzag offsets; varints).
static TS_PACKED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/ts_table.bin"));

/// The Traditional→Simplified pairs, sorted by Traditional character;
/// unpacked on first use (about 4,100 pairs, tens of microseconds).
fn ts_table() -> &'static [(char, char)] {
    static TABLE: OnceLock<Vec<(char, char)>> = OnceLock::new();
    TABLE.get_or_init(|| unpack(TS_PACKED))
}

/// Read the packed table. It is written by this crate's build script from a
/// checked-in file, so a malformed one is a build defect: it stops short
/// rather than guess.
fn unpack(bytes: &[u8]) -> Vec<(char, char)> {
    let mut rest = bytes;
    let mut next = || -> Option<u64> {
        let mut n = 0u64;
        for shift in (0..64).step_by(7) {
            let (&byte, tail) = rest.split_first()?;
            rest = tail;
            n |= u64::from(byte & 0x7f) << shift;
            if byte < 0x80 {
                return Some(n);
            }
        }
        None
    };
    let count = next().unwrap_or(0) as usize;
    let mut traditional = Vec::with_capacity(count);
    let mut code = 0u32;
    for _ in 0..count {
        let Some(gap) = next() else { break };
        code += gap as u32;
        traditional.push(code);
    }
    let mut pairs = Vec::with_capacity(count);
    for &t in &traditional {
        let Some(z) = next() else { break };
        let offset = (z >> 1) as i64 ^ -((z & 1) as i64);
        let s = i64::from(t) + offset;
        if let (Some(t), Some(s)) = (
            char::from_u32(t),
            u32::try_from(s).ok().and_then(char::from_u32),
        ) {
            pairs.push((t, s));
        }
    }
    pairs
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

    #[test]
    fn table_is_whole_and_sorted() {
        let table = ts_table();
        // Every pair of the source file (single characters that differ).
        let source = include_str!("../data/opencc/TSCharacters.txt");
        let mut expected: Vec<(char, char)> = source
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .filter_map(|l| {
                let (t, s) = l.split_once('\t')?;
                let s = s.split(' ').next()?;
                let (mut t, mut s) = (t.chars(), s.chars());
                match (t.next(), t.next(), s.next(), s.next()) {
                    (Some(t), None, Some(s), None) if t != s => Some((t, s)),
                    _ => None,
                }
            })
            .collect();
        expected.sort_unstable();
        expected.dedup_by_key(|p| p.0);
        assert!(expected.len() > 3000);
        assert_eq!(table, expected.as_slice());
        assert!(table.windows(2).all(|w| w[0].0 < w[1].0));
        // Characters outside the Basic Multilingual Plane survive too.
        assert!(table
            .iter()
            .any(|&(t, s)| t as u32 > 0xFFFF || s as u32 > 0xFFFF));
    }
}
