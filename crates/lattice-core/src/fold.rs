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
//!
//! **Where the table comes from.** Natively (build scripts, the CLI, tests,
//! benchmarks) the table is built into the crate. On wasm32 — the app — it
//! is not, so the app's first load does not carry it: the app build writes
//! [`packed_table`] as a data file, the app fetches it when it first needs
//! to fold and hands it to [`install_table`]. Until then [`has_table`] is
//! false and Traditional characters fold to themselves, so whatever must
//! fold exactly (search, match highlights, the glossary's lookups) waits for
//! the table. (By target, not by the `build` feature: a workspace build
//! without `-p`, as Trunk's, unifies the CLI's features into the app's.)

use std::sync::OnceLock;

mod opencc;

/// OpenCC's TSCharacters as build.rs packed it (`opencc::pack`, postcard).
#[cfg(not(target_arch = "wasm32"))]
static TS_PACKED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/ts_table.bin"));

/// The Traditional→Simplified pairs, sorted by Traditional character, once
/// unpacked (about 4,100 pairs, tens of microseconds).
static TABLE: OnceLock<Vec<(char, char)>> = OnceLock::new();

/// The table's bytes do not decode (a damaged or foreign data file).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the Traditional→Simplified table is damaged")]
pub struct TableError;

fn unpacked(packed: &[u8]) -> Result<Vec<(char, char)>, TableError> {
    let (gaps, offsets) =
        postcard::from_bytes::<(Vec<u32>, Vec<i32>)>(packed).map_err(|_| TableError)?;
    let pairs = opencc::unpack(&gaps, &offsets);
    if pairs.is_empty() || pairs.len() != gaps.len() || gaps.len() != offsets.len() {
        return Err(TableError);
    }
    Ok(pairs)
}

/// The table: built in (natively), installed, or empty. The
/// built-in bytes are the build script's, from a checked-in file, so a
/// table that does not decode is a build defect: it is then empty rather
/// than guessed.
fn ts_table() -> &'static [(char, char)] {
    #[cfg(not(target_arch = "wasm32"))]
    let table = TABLE.get_or_init(|| unpacked(TS_PACKED).unwrap_or_default());
    #[cfg(target_arch = "wasm32")]
    let table = TABLE.get().map_or(&[][..], Vec::as_slice);
    table
}

/// The packed table, for a build to write as the app's data file (read back
/// by [`install_table`]).
#[cfg(not(target_arch = "wasm32"))]
pub fn packed_table() -> &'static [u8] {
    TS_PACKED
}

/// Install the table from the bytes of [`packed_table`] (a fetched data
/// file); nothing changes if a table is in place already.
pub fn install_table(packed: &[u8]) -> Result<(), TableError> {
    if TABLE.get().is_none() {
        let pairs = unpacked(packed)?;
        let _ = TABLE.set(pairs);
    }
    Ok(())
}

/// Whether Traditional characters fold to Simplified yet (always natively;
/// on wasm32, once [`install_table`] has run).
pub fn has_table() -> bool {
    !ts_table().is_empty()
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

// The folding tests need the table built in.
#[cfg(all(test, not(target_arch = "wasm32")))]
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
        assert!(has_table());
        assert_eq!(install_table(packed_table()), Ok(()));
        assert_eq!(install_table(b"\x01"), Ok(()), "a table in place stays");
        assert_eq!(unpacked(b"\x01"), Err(TableError));
        assert_eq!(unpacked(packed_table()).as_deref(), Ok(table));
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
