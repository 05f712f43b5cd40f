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
//! **Where the table comes from.** The table holds both halves of folding
//! beyond ASCII: OpenCC's Traditional→Simplified pairs and the lower case
//! of every other letter (from std at build time: std's own case table is
//! not used, so the app's wasm does not carry it). Natively (build scripts,
//! the CLI, tests, benchmarks) the table is built into the crate. On wasm32
//! — the app — it is not, so the app's first load does not carry it: the
//! app build writes [`packed_table`] as a data file, the app fetches it
//! when it first needs to fold and hands it to [`install_table`]. Until
//! then [`has_table`] is false and Traditional characters and capitals
//! beyond ASCII fold to themselves, so whatever must fold exactly (search,
//! match highlights, the glossary's lookups) waits for the table. (By
//! target, not by the `build` feature: a workspace build without `-p`, as
//! Trunk's, unifies the CLI's features into the app's.)

use std::sync::OnceLock;

mod opencc;

/// OpenCC's TSCharacters and the lower-case pairs as build.rs packed them
/// (`opencc::pack` each, postcard).
#[cfg(not(target_arch = "wasm32"))]
static TS_PACKED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/ts_table.bin"));

/// The folding table once unpacked (tens of microseconds).
static TABLE: OnceLock<Table> = OnceLock::new();

/// Both halves of folding beyond ASCII, each sorted by its first character.
#[derive(Debug, Default, PartialEq)]
struct Table {
    /// Traditional → Simplified (about 4,100 pairs).
    simplified: Vec<(char, char)>,
    /// Upper (or title) case → lower case, where that is one character
    /// (about 1,400 pairs).
    lower: Vec<(char, char)>,
}

/// The table's bytes do not decode (a damaged or foreign data file).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the Traditional→Simplified table is damaged")]
pub struct TableError;

type Packed = (Vec<u32>, Vec<i32>, Vec<u32>, Vec<i32>);

fn unpacked(packed: &[u8]) -> Result<Table, TableError> {
    let (gaps, offsets, lower_gaps, lower_offsets) =
        postcard::from_bytes::<Packed>(packed).map_err(|_| TableError)?;
    let half = |gaps: &[u32], offsets: &[i32]| {
        let pairs = opencc::unpack(gaps, offsets);
        if pairs.is_empty() || pairs.len() != gaps.len() || gaps.len() != offsets.len() {
            return Err(TableError);
        }
        Ok(pairs)
    };
    Ok(Table {
        simplified: half(&gaps, &offsets)?,
        lower: half(&lower_gaps, &lower_offsets)?,
    })
}

/// The table: built in (natively), installed, or empty. The
/// built-in bytes are the build script's, from a checked-in file, so a
/// table that does not decode is a build defect: it is then empty rather
/// than guessed.
fn table() -> Option<&'static Table> {
    #[cfg(not(target_arch = "wasm32"))]
    let table = Some(TABLE.get_or_init(|| unpacked(TS_PACKED).unwrap_or_default()));
    #[cfg(target_arch = "wasm32")]
    let table = TABLE.get();
    table
}

/// The Traditional→Simplified pairs (empty until installed, on wasm32).
fn ts_table() -> &'static [(char, char)] {
    table().map_or(&[][..], |t| t.simplified.as_slice())
}

/// The one-character lower case of `c` (not ASCII), if it differs.
fn lower_char(c: char) -> Option<char> {
    look_up(table().map_or(&[][..], |t| t.lower.as_slice()), c)
}

/// What `c` maps to in a table of pairs sorted by their first character.
fn look_up(table: &[(char, char)], c: char) -> Option<char> {
    table
        .binary_search_by_key(&c, |&(from, _)| from)
        .ok()
        .map(|i| table[i].1)
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
    look_up(ts_table(), c)
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
    simplified_char(c).or_else(|| lower_char(c)).unwrap_or(c)
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
        assert_eq!(
            unpacked(packed_table()).map(|t| t.simplified).as_deref(),
            Ok(table)
        );
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

    /// The lower-case half is std's lower case, for every character: one
    /// character where std gives one, the character itself otherwise.
    #[test]
    fn lower_case_is_std_for_every_character() {
        let table = table().unwrap();
        assert!(table.lower.len() > 1000);
        assert_eq!(table.lower, opencc::lower_pairs());
        assert!(table.lower.windows(2).all(|w| w[0].0 < w[1].0));
        for c in '\u{80}'..=char::MAX {
            let mut std = c.to_lowercase();
            let expected = match (std.next(), std.next()) {
                (Some(l), None) if l != c => Some(l),
                _ => None,
            };
            assert_eq!(lower_char(c), expected, "U+{:04X}", c as u32);
        }
        // Greek, Cyrillic, Latin beyond ASCII, a title-case digraph, and
        // outside the Basic Multilingual Plane (Deseret).
        for (u, l) in [('Σ', 'σ'), ('Д', 'д'), ('É', 'é'), ('ǅ', 'ǆ'), ('𐐀', '𐐨')] {
            assert_eq!(fold_char(u), l, "{u}");
        }
        // More than one character in std: left as is (one out per one in).
        assert_eq!(fold_char('İ'), 'İ');
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
