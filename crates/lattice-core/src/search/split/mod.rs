//! The search index built ahead of time and split into content-hashed files
//! that a query fetches a few of, so a search costs what its terms need, not
//! what the archive holds.
//!
//! Exact folded substrings need no word segmentation. Ranking (BM25) and
//! the exact counts (documents, passages, occurrences) need, per passage,
//! only how often each form occurs and the passage's length and kind; where
//! the matches are is needed only for the hits shown, whose texts are
//! fetched anyway, so it is worked out from them. Hence two kinds of
//! postings:
//!
//! - **count postings** (`counts.rs`): per term, per passage, the count and
//!   the length-and-kind — for every character, every character bigram,
//!   every Latin word (a Latin form counts where a word starts with it: the
//!   sum over the words it prefixes) and every glossary form known at build
//!   time. A query of one or two characters, a Latin word or a glossary
//!   form (typed or reached by expansion) reads only these, so a dense
//!   query costs a few bytes per passage it occurs in, not its positions;
//! - **positional postings**: every passage's folded text by character
//!   bigrams with positions, each position with one bit saying whether a letter or
//!   digit of a spaced script comes before it. Only a form of three or more
//!   characters without a count posting of its own reads them: it is found
//!   where its covering bigrams (offsets 0, 2, 4, … and its last two
//!   characters) occur at consecutive positions, rarest bigram first.
//!
//! Phrases across former page breaks match because passages are indexed as
//! the parser rejoined them.
//!
//! | file | holds |
//! |---|---|
//! | `meta.bin` | format version, sizes, mean passage length, the first bound of each postings page (positional and count), each document's passage count, the documents chunks, the texts groups |
//! | `<hash>.bin` term page | bounds `(term, passage)` → count postings chunk; the top lists of clauses starting with its terms |
//! | `<hash>.bin` top list | a dense clause's best passages and exact counts (`top.rs`) |
//! | `<hash>.bin` term chunk | count postings of a range of `(term, passage)`, ~8 KB |
//! | `<hash>.bin` page | bounds `(bigram, passage)` → positional postings chunk |
//! | `<hash>.bin` chunk | positional postings of a range of `(bigram, passage)`: per passage its length and kind, then its positions, delta-coded varints (~8 KB: at 1,000 documents 8 KB fetched 10–25% fewer bytes than 16 KB, and 4 KB another 5–15% fewer for 50% more files) |
//! | `<hash>.bin` documents | the ids of 256 documents (for a per-document list or a one-document search) |
//! | `<name>.bin` texts | a few passages' target, kind, note label and text, and their documents' ids: fetched only for shown hits. Named not by its own hash but by its group of 256 (the hash of their hashes, in meta) and its place in it, so a hit's text is one fetch |
//!
//! Files are named by a stable 64-bit hash of their bytes (texts by that of
//! their group's), so a rebuild
//! reuses every unchanged file and no cache can mix two builds. Pagefind's
//! `index_metadata` is the model for the meta file; unlike Pagefind, nothing
//! is segmented into words, and positions make any phrase exact.
//!
//! Reading is written as one pure step, [`attempt`]: given the files fetched
//! so far it either answers or names the files it needs next. A native
//! directory ([`DirReader`], driven by [`search`]) and the browser's `fetch`
//! drive that same step, so both run the same query code.

mod build;
mod counts;
mod files;
mod query;
mod site;
mod sorted;
mod stream;
mod top;

pub use build::{build, build_with_forms, build_with_glossary, Built};
pub use files::{file_name, DirReader, Files, Reader};
/// How the split index names a group's files, which also names the
/// glossary's chunks of uses (`glossary::lexicon`).
pub(crate) use files::{group_name, hex, member_name};
pub use query::{attempt, search, Split, Step};
pub use site::{
    files, files_with_glossary, index_dir, search_path, search_site, SiteError, SiteFound,
};

use serde::{Deserialize, Serialize};

/// Bump whenever a split index file changes shape.
pub const SPLIT_FORMAT_VERSION: u32 = 5;
/// The meta file's name (the one file not named by its hash; the folder it
/// is in is).
pub const META: &str = "meta.bin";

/// A file's name: its content hash.
pub type Name = [u8; 8];

/// Why a split index could not answer.
#[derive(Debug, thiserror::Error, Clone, PartialEq, Eq)]
pub enum SplitError {
    /// A file could not be fetched (missing, offline, I/O).
    #[error("cannot fetch search index file {name}: {message}")]
    Fetch {
        /// The file.
        name: String,
        /// What went wrong.
        message: String,
    },
    /// A file is damaged or not an index file.
    #[error("search index file {name} is damaged")]
    Damaged {
        /// The file.
        name: String,
    },
    /// The index was written by another version of Lattice.
    #[error("search index format {found}, this reader needs {SPLIT_FORMAT_VERSION}")]
    Version {
        /// The version found.
        found: u32,
    },
    /// A file cannot be written.
    #[error("cannot encode search index file")]
    Encode,
}

/// The meta file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub(crate) struct Meta {
    pub(crate) version: u32,
    pub(crate) documents: u32,
    pub(crate) passages: u32,
    pub(crate) mean_chars: f32,
    /// First bound of each positional postings page, in order.
    pub(crate) pages: Vec<Bound>,
    /// First bound of each count postings page, in order.
    pub(crate) terms: Vec<TermBound>,
    /// How many passages each document has, in order (so a passage's
    /// document is known without fetching anything).
    pub(crate) passage_counts: Vec<u32>,
    /// Documents chunk `n` holds the ids of documents `n * DOCS_PER_CHUNK ..`.
    pub(crate) docs: Vec<Name>,
    /// Texts group `n`'s name: texts chunk `n * GROUP_TEXTS + i` is
    /// named `files::member_name(group, i)`.
    pub(crate) text_groups: Vec<Name>,
}

/// Where a postings page or chunk starts: `(bigram, passage)`, and its file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Bound {
    pub(crate) key: u64,
    pub(crate) passage: u32,
    pub(crate) file: Name,
}

impl Bound {
    pub(crate) fn at(&self) -> (u64, u32) {
        (self.key, self.passage)
    }
}

/// Where a count postings page or chunk starts: `(term, passage)`, and its
/// file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct TermBound {
    pub(crate) term: String,
    pub(crate) passage: u32,
    pub(crate) file: Name,
}

/// A count postings page: the bounds of its chunks, and the top lists
/// (`top.rs`) of the clauses whose first form's term it is the first page
/// a query reads for ([`term_page`]): each clause's folded forms and its file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub(crate) struct TermPage {
    pub(crate) chunks: Vec<TermBound>,
    pub(crate) tops: Vec<(Vec<String>, Name)>,
}

/// Of count pages starting at `starts` (`(term, passage)`, in order), the
/// first a query for term `t` reads — the last one starting at or before
/// `(t, 0)` — or `None` when `t` sorts before every page. The build places
/// a top list by it and a query finds it by it.
pub(crate) fn term_page<'a>(
    starts: impl ExactSizeIterator<Item = (&'a str, u32)>,
    t: &str,
) -> Option<usize> {
    let starts: Vec<(&str, u32)> = starts.collect();
    let i = starts
        .get(1..)
        .map_or(0, |rest| rest.partition_point(|&s| s <= (t, 0)));
    let &first = starts.get(i)?;
    (first <= (t, u32::MAX)).then_some(i)
}

/// A count postings chunk: streams per term (see `counts.rs`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub(crate) struct TermChunk {
    pub(crate) keys: Vec<(String, Vec<u8>)>,
}

/// A count postings chunk as a query reads it: each term and its stream
/// borrowed from the file's bytes, not copied (postcard writes a `String`
/// and a `Vec<u8>` as a length and the bytes, so [`TermChunk`]'s files
/// read as this).
#[derive(Debug, Deserialize)]
pub(crate) struct TermChunkView<'a> {
    #[serde(borrow)]
    pub(crate) keys: Vec<(&'a str, &'a [u8])>,
}

/// A postings page: the bounds of its chunks.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub(crate) struct Page {
    pub(crate) chunks: Vec<Bound>,
}

/// A postings chunk: streams per bigram.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub(crate) struct Chunk {
    pub(crate) keys: Vec<(u64, Vec<u8>)>,
}

/// A postings chunk as a query reads it: each bigram's stream borrowed
/// from the file's bytes (as [`TermChunkView`]).
#[derive(Debug, Deserialize)]
pub(crate) struct ChunkView<'a> {
    #[serde(borrow)]
    pub(crate) keys: Vec<(u64, &'a [u8])>,
}

/// A documents chunk: ids, in order.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub(crate) struct DocChunk {
    pub(crate) ids: Vec<String>,
}

/// Texts chunk `n`: passages `n * TEXT_PASSAGES ..`, and the ids of the
/// documents they are in.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub(crate) struct Texts {
    pub(crate) passages: Vec<TextPassage>,
    pub(crate) documents: Vec<(u32, String)>,
}

/// One passage as a shown hit needs it: where it lands, what kind it is,
/// a note's label (so a hit in a note is numbered before its document is
/// fetched: one byte for any other passage), and its text.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub(crate) struct TextPassage {
    pub(crate) target: String,
    pub(crate) kind: super::PassageKind,
    pub(crate) label: Option<String>,
    pub(crate) text: String,
}

/// The bigram key of two characters (`None`: 0, which no writer makes now).
pub(crate) fn key(a: char, b: Option<char>) -> u64 {
    (u64::from(u32::from(a)) << 32) | u64::from(b.map_or(0, u32::from))
}

/// Kind and length of a passage in one number.
pub(crate) fn len_kind(chars: u32, kind: super::PassageKind) -> u32 {
    use super::PassageKind::*;
    let k = match kind {
        Title => 0,
        Authors => 1,
        Keywords => 2,
        Heading => 3,
        Paragraph => 4,
        Note => 5,
    };
    (chars.min(u32::MAX >> 3) << 3) | k
}

/// The inverse of [`len_kind`]; `None` for a kind no writer makes.
pub(crate) fn kind_len(v: u32) -> Option<(u32, super::PassageKind)> {
    use super::PassageKind::*;
    let kind = match v & 7 {
        0 => Title,
        1 => Authors,
        2 => Keywords,
        3 => Heading,
        4 => Paragraph,
        5 => Note,
        _ => return None,
    };
    Some((v >> 3, kind))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The borrowed views read the files the build writes: the same keys
    /// and bytes.
    #[test]
    fn views_read_chunks_as_written() {
        let chunk = Chunk {
            keys: vec![(key('四', Some('方')), vec![0, 1, 0x80, 0xff]), (7, vec![])],
        };
        let bytes = postcard::to_allocvec(&chunk).unwrap();
        let view: ChunkView = postcard::from_bytes(&bytes).unwrap();
        let read: Vec<(u64, Vec<u8>)> = view.keys.iter().map(|(k, s)| (*k, s.to_vec())).collect();
        assert_eq!(read, chunk.keys);
        let terms = TermChunk {
            keys: vec![
                ("\u{1}四方".to_string(), vec![3, 200, 1]),
                ("\u{2}quad".to_string(), vec![9; 300]),
            ],
        };
        let bytes = postcard::to_allocvec(&terms).unwrap();
        let view: TermChunkView = postcard::from_bytes(&bytes).unwrap();
        let read: Vec<(String, Vec<u8>)> = view
            .keys
            .iter()
            .map(|(t, s)| (t.to_string(), s.to_vec()))
            .collect();
        assert_eq!(read, terms.keys);
        // Cut short: an error, not a panic.
        assert!(postcard::from_bytes::<TermChunkView>(&bytes[..bytes.len() - 1]).is_err());
    }
}
