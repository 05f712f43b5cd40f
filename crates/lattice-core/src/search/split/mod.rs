//! The search index built ahead of time and split into content-hashed files
//! that a query fetches a few of, so a search costs what its terms need, not
//! what the archive holds.
//!
//! Exact folded substrings need no word segmentation: every passage's folded
//! text is indexed by **character bigrams with positions** (a passage's last
//! character is the bigram `(c, END)`), so a form of two or more characters is
//! found where the bigrams covering it (at offsets 0, 2, 4, … and its last
//! two characters) occur at consecutive positions, and a one-character form
//! is every bigram starting with it. Each position carries one bit saying
//! whether a letter or digit of a spaced script comes before it, so Latin
//! forms match at word starts exactly as the in-memory matcher does. Counts
//! (documents, passages, occurrences) are therefore exact for the whole
//! archive without fetching any text, and phrases across former page breaks
//! match because passages are indexed as the parser rejoined them.
//!
//! | file | holds |
//! |---|---|
//! | `meta.bin` | format version, sizes, mean passage length, the first bound of each postings page, each document's passage count, the documents chunks |
//! | `<hash>.bin` page | bounds `(bigram, passage)` → postings chunk |
//! | `<hash>.bin` chunk | postings of a range of `(bigram, passage)`: per passage its length and kind, then its positions, delta-coded varints (~8 KB: at 1,000 documents 8 KB fetched 10–25% fewer bytes than 16 KB, and 4 KB another 5–15% fewer for 50% more files) |
//! | `<hash>.bin` documents | the ids of 256 documents (for a per-document list or a one-document search) |
//! | `<hash>.bin` texts page | the names of 128 texts chunks |
//! | `<hash>.bin` texts | 8 passages' target, kind and text, and their documents' ids: fetched only for shown hits |
//!
//! Files are named by a stable 64-bit hash of their bytes, so a rebuild
//! reuses every unchanged file and no cache can mix two builds. Pagefind's
//! `index_metadata` is the model for the meta file; unlike Pagefind, nothing
//! is segmented into words, and positions make phrases exact.
//!
//! Reading is written as one pure step, [`attempt`]: given the files fetched
//! so far it either answers or names the files it needs next. A native
//! directory ([`DirReader`], driven by [`search`]) and the browser's `fetch`
//! drive that same step, so both run the same query code.

mod build;
mod files;
mod query;
mod site;
mod stream;

pub use build::{build, Built};
pub use files::{file_name, DirReader, Files, Reader};
pub use query::{attempt, search, Split, Step};
pub use site::{files, index_dir, search_path, search_site, SiteError, SiteFound};

use serde::{Deserialize, Serialize};

/// Bump whenever a split index file changes shape.
pub const SPLIT_FORMAT_VERSION: u32 = 1;
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
    /// First bound of each postings page, in order.
    pub(crate) pages: Vec<Bound>,
    /// How many passages each document has, in order (so a passage's
    /// document is known without fetching anything).
    pub(crate) passage_counts: Vec<u32>,
    /// Documents chunk `n` holds the ids of documents `n * DOCS_PER_CHUNK ..`.
    pub(crate) docs: Vec<Name>,
    /// Texts page `n` names texts chunks `n * PAGE_TEXTS ..`.
    pub(crate) text_pages: Vec<Name>,
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

/// A documents chunk: ids, in order.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub(crate) struct DocChunk {
    pub(crate) ids: Vec<String>,
}

/// A texts page: the names of texts chunks, in order.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub(crate) struct TextPage {
    pub(crate) chunks: Vec<Name>,
}

/// Texts chunk `n`: passages `n * TEXT_PASSAGES ..` (target, kind, text),
/// and the ids of the documents they are in.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub(crate) struct Texts {
    pub(crate) passages: Vec<(String, super::PassageKind, String)>,
    pub(crate) documents: Vec<(u32, String)>,
}

/// The bigram key of two characters (`END` = 0 for a passage's last one).
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
