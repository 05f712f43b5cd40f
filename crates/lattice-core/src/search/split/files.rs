//! File names and fetching: a stable content hash names each file, and a
//! [`Reader`] fetches one by name (a directory natively; the app drives
//! [`super::attempt`] with `fetch` instead).

use super::{Name, SplitError};
use std::collections::HashMap;
use std::path::PathBuf;

/// FNV-1a, 64 bits: stable across Rust releases and platforms (unlike
/// `DefaultHasher`), which file names must be.
pub(crate) fn hash(bytes: &[u8]) -> Name {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h.to_be_bytes()
}

/// The name of file `i` of a group named `group` ([`group_name`]): derived,
/// not fetched, so a file costs one fetch, not a list of names first (texts
/// chunks, `GROUP_TEXTS` a group; the glossary's chunks of uses,
/// `glossary::lexicon::USES_GROUP` a group). The group's name hashes its
/// files' content hashes, so an unchanged group keeps every name and a
/// changed one renames them all.
pub(crate) fn member_name(group: &Name, i: usize) -> Name {
    let mut bytes = group.to_vec();
    // A group holds far fewer than 2^32 files: `i` fits in 32 bits.
    bytes.extend_from_slice(&(i as u32).to_le_bytes());
    hash(&bytes)
}

/// A group's name: the hash of its files' content hashes, in order.
pub(crate) fn group_name(files: &[Vec<u8>]) -> Result<Name, postcard::Error> {
    let hashes: Vec<Name> = files.iter().map(|b| hash(b)).collect();
    Ok(hash(&postcard::to_allocvec(&hashes)?))
}

/// The file name of a hash: 16 hex digits and `.bin`.
pub fn file_name(name: &Name) -> String {
    let mut s = hex(name);
    s.push_str(".bin");
    s
}

/// A hash as 16 lower-case hex digits (by hand: `format!`'s hex code would
/// be one more piece of every search's download).
pub(crate) fn hex(name: &Name) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    name.iter()
        .flat_map(|b| [DIGITS[usize::from(b >> 4)], DIGITS[usize::from(b & 15)]])
        .map(char::from)
        .collect()
}

/// Fetches a file of a split index by name.
pub trait Reader {
    /// The file's bytes.
    fn fetch(&self, name: &str) -> Result<Vec<u8>, SplitError>;
}

/// A split index in a directory.
#[derive(Clone, Debug)]
pub struct DirReader {
    /// The directory holding `meta.bin`.
    pub dir: PathBuf,
}

impl Reader for DirReader {
    fn fetch(&self, name: &str) -> Result<Vec<u8>, SplitError> {
        std::fs::read(self.dir.join(name)).map_err(|e| SplitError::Fetch {
            name: name.to_string(),
            message: e.to_string(),
        })
    }
}

/// The files fetched so far, by name, and how many bytes they came to.
#[derive(Clone, Debug, Default)]
pub struct Files {
    files: HashMap<String, Vec<u8>>,
    bytes: usize,
}

impl Files {
    /// Add a fetched file.
    pub fn insert(&mut self, name: String, bytes: Vec<u8>) {
        self.bytes += bytes.len();
        self.files.insert(name, bytes);
    }

    /// A file, if fetched.
    pub fn get(&self, name: &str) -> Option<&[u8]> {
        self.files.get(name).map(Vec::as_slice)
    }

    /// How many files have been fetched.
    pub fn count(&self) -> usize {
        self.files.len()
    }

    /// How many bytes they hold.
    pub fn bytes(&self) -> usize {
        self.bytes
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// File names must not change between Rust releases or machines: a
    /// rebuild of the same corpus reuses every cached file.
    #[test]
    fn names_are_stable_fnv1a() {
        assert_eq!(file_name(&hash(b"")), "cbf29ce484222325.bin");
        assert_eq!(file_name(&hash(b"a")), "af63dc4c8601ec8c.bin");
        assert_ne!(hash(b"ab"), hash(b"ba"));
        assert_eq!(
            hex(&[0x00, 0x0f, 0xf0, 0xff, 1, 2, 3, 4]),
            "000ff0ff01020304"
        );
    }

    #[test]
    fn files_count_bytes() {
        let mut f = Files::default();
        f.insert("a".into(), vec![1, 2, 3]);
        f.insert("b".into(), vec![4]);
        assert_eq!((f.count(), f.bytes()), (2, 4));
        assert_eq!(f.get("a"), Some(&[1u8, 2, 3][..]));
        assert_eq!(f.get("c"), None);
    }
}
