//! How a bundle is laid out for the browser: either embedded whole in the
//! app, or split into a small [`Head`] that is embedded and files that are
//! fetched when a page needs them.
//!
//! The split exists so that the first load does not grow with the corpus.
//! The head holds only the first catalogue page and the name of the folder
//! the other files are in; everything else is a file under that folder:
//!
//! | file                          | holds                                     |
//! |-------------------------------|-------------------------------------------|
//! | `<set>/doc/<id>.bin`          | one document, whole, with its uses of glossary terms |
//! | `<set>/catalogue/<n>.bin`     | catalogue page `n` (from 1; page 0 is in the head) |
//! | `<set>/glossary.bin`          | the glossary's [`Lexicon`]: its terms without their uses |
//! | `<set>/glossary/<hash>.bin`   | a chunk of the terms' uses ([`UsesChunk`]), named from its group's bytes |
//! | `<set>/facets.bin`            | the library's facets: every filter's values and counts |
//! | `<set>/facets/<hash>.bin`     | a sort order or some values' document lists, named by its bytes |
//!
//! The glossary is split so that no page fetches all of it (its uses grow
//! with the corpus): search and the glossary table read the lexicon, a
//! document's marks its own file, and only pages listing uses a chunk
//! (`crate::glossary::lexicon`).
//!
//! `<set>` is a hash of every file's bytes, so a changed corpus is a new
//! folder: no cache can hand an app one build's head and another build's
//! documents. A document's file is named by its id, so a deep link to a
//! document the app has not listed yet needs no table of files (which would
//! itself grow with the corpus): the app fetches `doc/<id>.bin`, and a 404
//! means there is no such document. Document ids are `[a-z0-9-]+`
//! ([`crate::parse::doc_id`]); [`is_document_id`] checks one before it goes
//! into a path.
//!
//! The app's build script calls [`split`] and writes the files; the app calls
//! the path functions here, so the two always agree.

use crate::bundle::{check_version, decode_versioned, Bundle, BundleError, BUNDLE_FORMAT_VERSION};
#[cfg(feature = "build")]
use crate::catalogue;
use crate::catalogue::Page;
#[cfg(feature = "build")]
use crate::glossary::lexicon::{group_name, USES_GROUP};
use crate::glossary::lexicon::{DocumentTerms, Lexicon, UsesChunk};
use crate::model::Document;
use serde::{Deserialize, Serialize};
#[cfg(feature = "build")]
use std::hash::Hasher;

/// What the app embeds.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Head {
    /// Always [`BUNDLE_FORMAT_VERSION`] when written by this crate.
    pub version: u32,
    /// Everything, or where to find it.
    pub layout: Layout,
}

/// Whether the corpus is in the head or beside it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Layout {
    /// Every document and the glossary, embedded.
    Whole(Bundle),
    /// The first catalogue page embedded; the rest in files.
    Apart {
        /// The folder (under the app's `corpus/`) holding the files.
        set: String,
        /// Catalogue page 0, which says how many pages and documents there are.
        first: Page,
    },
}

impl Head {
    /// The head of a corpus embedded whole.
    pub fn whole(bundle: Bundle) -> Head {
        Head {
            version: BUNDLE_FORMAT_VERSION,
            layout: Layout::Whole(bundle),
        }
    }

    /// Serialize to bytes.
    pub fn encode(&self) -> Result<Vec<u8>, BundleError> {
        Ok(postcard::to_allocvec(self)?)
    }

    /// Read bytes written by [`Head::encode`], checking the format version.
    pub fn decode(bytes: &[u8]) -> Result<Self, BundleError> {
        decode_versioned(bytes)
    }

    /// Read a head's bytes as far as a split corpus's needs: its folder and
    /// first catalogue page, or only that the head embeds a whole bundle,
    /// left undecoded. An app built for a split head reads its head with
    /// this alone, so it carries no code to decode a whole bundle. Checks
    /// the format version as [`Head::decode`] does.
    pub fn peek(bytes: &[u8]) -> Result<Peek, BundleError> {
        /// [`Head`], with a whole bundle left unread.
        #[derive(Deserialize)]
        struct Peeked {
            _version: u32,
            layout: PeekedLayout,
        }
        /// [`Layout`]'s variants, in its order.
        #[derive(Deserialize)]
        enum PeekedLayout {
            Whole,
            Apart { set: String, first: Page },
        }
        check_version(bytes)?;
        let (head, _) = postcard::take_from_bytes::<Peeked>(bytes)?;
        Ok(match head.layout {
            PeekedLayout::Whole => Peek::Whole,
            PeekedLayout::Apart { set, first } => Peek::Apart { set, first },
        })
    }
}

/// What [`Head::peek`] found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Peek {
    /// A whole bundle, not decoded: [`Head::decode`] reads it.
    Whole,
    /// A split corpus, as in [`Layout::Apart`].
    Apart {
        /// The folder (under the app's `corpus/`) holding the files.
        set: String,
        /// Catalogue page 0.
        first: Page,
    },
}

/// A file of a split corpus.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct File {
    /// Its path under the app's `corpus/` folder (`<set>/doc/<id>.bin`).
    pub path: String,
    /// Its bytes.
    pub bytes: Vec<u8>,
}

/// Split a bundle: the head to embed and every file to serve beside it.
/// Catalogue pages have `per_page` entries. The folder's name is a stable
/// hash (FNV-1a, 64 bits) of every file's path and bytes, so it is the same
/// for the same corpus whatever Rust release builds it.
#[cfg(feature = "build")]
pub fn split(mut bundle: Bundle, per_page: usize) -> Result<(Head, Vec<File>), BundleError> {
    // The catalogue lists documents in id order, as `Bundle::new` keeps them;
    // a bundle whose documents were replaced since is put back in order.
    bundle.documents.sort_by(|a, b| a.id.cmp(&b.id));
    let mut pages = catalogue::paginate(&bundle.documents, per_page).into_iter();
    let first = pages.next().expect("paginate gives at least one page");
    // Paths relative to the set's folder first (an empty set gives them);
    // the folder's name is the hash of them all.
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    for page in pages {
        files.push((catalogue_path("", page.number as usize), page.encode()?));
    }
    let Bundle {
        documents,
        glossary,
        ..
    } = bundle;
    let ids: Vec<&str> = documents.iter().map(|d| d.id.as_str()).collect();
    let (mut lexicon, chunks) = crate::glossary::lexicon::split(&glossary, &ids);
    let encoded = chunks
        .into_iter()
        .map(encode_uses)
        .collect::<Result<Vec<_>, _>>()?;
    // Named by group (the lexicon lists the groups, not every chunk).
    lexicon.groups = encoded
        .chunks(USES_GROUP)
        .map(group_name)
        .collect::<Result<_, _>>()?;
    lexicon.name_chunks();
    for (bytes, reference) in encoded.into_iter().zip(&lexicon.chunks) {
        files.push((uses_path("", &reference.name), bytes));
    }
    files.push((glossary_path(""), encode_lexicon(lexicon)?));
    let mut uses = DocumentTerms::all(&glossary);
    for doc in documents {
        // `parse::doc_id` only makes valid ids; any other could never be fetched.
        let name = document_path("", &doc.id)
            .ok_or(BundleError::Shape("a document id must be [a-z0-9-]+"))?;
        let terms = uses.remove(&doc.id).unwrap_or_default();
        files.push((name, encode_document(doc, terms)?));
    }
    // Each piece length-prefixed, so the pieces cannot run into each other.
    let mut hasher = fnv::FnvHasher::default();
    let mut feed = |bytes: &[u8]| {
        hasher.write(&(bytes.len() as u64).to_le_bytes());
        hasher.write(bytes);
    };
    feed(&first.encode()?);
    for (path, bytes) in &files {
        feed(path.as_bytes());
        feed(bytes);
    }
    let set = format!("{:016x}", hasher.finish());
    let files = files
        .into_iter()
        .map(|(path, bytes)| File {
            path: format!("{set}{path}"),
            bytes,
        })
        .collect();
    let head = Head {
        version: BUNDLE_FORMAT_VERSION,
        layout: Layout::Apart { set, first },
    };
    Ok((head, files))
}

/// A file's name from its bytes: 16 hex digits of FNV-1a (64 bits).
#[cfg(feature = "build")]
fn content_name(bytes: &[u8]) -> String {
    let mut hasher = fnv::FnvHasher::default();
    hasher.write(bytes);
    format!("{:016x}", hasher.finish())
}

/// A document's file: the document and its uses of the glossary's terms.
#[derive(Serialize, Deserialize)]
struct DocumentFile {
    version: u32,
    document: Document,
    terms: DocumentTerms,
}

/// The lexicon's file.
#[derive(Serialize, Deserialize)]
struct LexiconFile {
    version: u32,
    lexicon: Lexicon,
}

/// A chunk of uses' file.
#[derive(Serialize, Deserialize)]
struct UsesFile {
    version: u32,
    chunk: UsesChunk,
}

/// The bytes of a document's file (`doc/<id>.bin`).
pub fn encode_document(document: Document, terms: DocumentTerms) -> Result<Vec<u8>, BundleError> {
    let file = DocumentFile {
        version: BUNDLE_FORMAT_VERSION,
        document,
        terms,
    };
    Ok(postcard::to_allocvec(&file)?)
}

/// The bytes of the lexicon's file (`glossary.bin`).
pub fn encode_lexicon(lexicon: Lexicon) -> Result<Vec<u8>, BundleError> {
    let file = LexiconFile {
        version: BUNDLE_FORMAT_VERSION,
        lexicon,
    };
    Ok(postcard::to_allocvec(&file)?)
}

/// The bytes of a chunk of uses' file (`glossary/<hash>.bin`).
pub fn encode_uses(chunk: UsesChunk) -> Result<Vec<u8>, BundleError> {
    let file = UsesFile {
        version: BUNDLE_FORMAT_VERSION,
        chunk,
    };
    Ok(postcard::to_allocvec(&file)?)
}

/// [`split`], plus the library's facets and sort orders
/// ([`catalogue::facets::Facets`]), split
/// ([`catalogue::facets::split`]): the head in `<set>/facets.bin`
/// ([`facets_path`]) and each part in `<set>/facets/<hash>.bin`
/// ([`facets_part_path`]), named by its bytes as the head lists it. The
/// facets derive from the documents, which the set's hash covers, so the
/// files are as content-addressed as the others.
#[cfg(feature = "build")]
pub fn split_with_facets(
    mut bundle: Bundle,
    per_page: usize,
) -> Result<(Head, Vec<File>), BundleError> {
    use catalogue::facets::{split, Facets};
    bundle.documents.sort_by(|a, b| a.id.cmp(&b.id));
    let (mut facets, parts) = split::split(&Facets::build(&bundle.documents), split::PART_BUDGET);
    let mut named = Vec::with_capacity(parts.len());
    for (part, name) in parts.iter().zip(&mut facets.parts) {
        let bytes = part.encode()?;
        *name = content_name(&bytes);
        named.push((name.clone(), bytes));
    }
    let (head, mut files) = split(bundle, per_page)?;
    if let Layout::Apart { set, .. } = &head.layout {
        files.push(File {
            path: facets_path(set),
            bytes: facets.encode()?,
        });
        // Two parts with the same bytes are one file.
        named.sort();
        named.dedup();
        files.extend(named.into_iter().map(|(name, bytes)| File {
            path: facets_part_path(set, &name),
            bytes,
        }));
    }
    Ok((head, files))
}

/// Everything a built site serves for a bundle: [`split_with_facets`], plus
/// the split search index of its documents (in id order, as the catalogue
/// lists them) under `<set>/search/` ([`crate::search::split::files`]).
/// The app's build script and `lattice build` both call this, so an app and
/// a site built from the same corpus serve the same files.
#[cfg(feature = "build")]
pub fn split_site(mut bundle: Bundle, per_page: usize) -> Result<(Head, Vec<File>), BundleError> {
    bundle.documents.sort_by(|a, b| a.id.cmp(&b.id));
    // The index first (it borrows the documents the split then consumes),
    // named under a placeholder set, renamed once the set is known.
    // Glossary forms get count postings, so a search for one (or expanded
    // to one) reads its counts, however dense the term.
    let search = crate::search::split::files_with_glossary("", &bundle.documents, &bundle.glossary)
        .map_err(|_| BundleError::Shape("the search index cannot be encoded"))?;
    let (head, mut files) = split_with_facets(bundle, per_page)?;
    if let Layout::Apart { set, .. } = &head.layout {
        files.extend(search.into_iter().map(|f| File {
            path: format!("{set}{}", f.path),
            bytes: f.bytes,
        }));
    }
    Ok((head, files))
}

/// The path of the facets' head (see [`split_with_facets`]).
pub fn facets_path(set: &str) -> String {
    format!("{set}/facets.bin")
}

/// The path of the facets' part the head names `name`
/// ([`Head::parts`](crate::catalogue::facets::split::Head::parts)).
pub fn facets_part_path(set: &str, name: &str) -> String {
    format!("{set}/facets/{name}.bin")
}

/// Whether `id` can be a document id (and so is safe in a path): non-empty
/// ASCII lower-case letters, digits and `-`.
pub fn is_document_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// The path of a document's file, or `None` for a string that cannot be a
/// document id.
pub fn document_path(set: &str, id: &str) -> Option<String> {
    is_document_id(id).then(|| format!("{set}/doc/{id}.bin"))
}

/// The path of catalogue page `number` (from 1: page 0 is in the head).
pub fn catalogue_path(set: &str, number: usize) -> String {
    format!("{set}/catalogue/{number}.bin")
}

/// The path of the glossary's lexicon.
pub fn glossary_path(set: &str) -> String {
    format!("{set}/glossary.bin")
}

/// The path of the chunk of uses the lexicon names `name`
/// ([`ChunkRef::name`](crate::glossary::lexicon::ChunkRef::name)).
pub fn uses_path(set: &str, name: &str) -> String {
    format!("{set}/glossary/{name}.bin")
}

/// What a fetched file held.
#[derive(Clone, Debug, PartialEq)]
pub enum Part {
    /// A whole document, with its uses of the glossary's terms.
    Document(Box<Document>, DocumentTerms),
    /// A catalogue page.
    Catalogue(Page),
    /// The glossary's lexicon.
    Glossary(Lexicon),
    /// A chunk of the glossary's uses.
    Uses(UsesChunk),
}

/// The kind of file a path names, so its bytes can be decoded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    /// `doc/<id>.bin`
    Document,
    /// `catalogue/<n>.bin`
    Catalogue,
    /// `glossary.bin`
    Glossary,
    /// `glossary/<hash>.bin`
    Uses,
}

/// Decode the glossary's lexicon file (`glossary.bin`) alone: what a
/// search needs of the glossary, so the browser's search path can read it
/// without the code that decodes documents and uses.
pub fn decode_lexicon(bytes: &[u8]) -> Result<Lexicon, BundleError> {
    Ok(decode_versioned::<LexiconFile>(bytes)?.lexicon)
}

/// Decode a fetched file of this kind.
pub fn decode(kind: FileKind, bytes: &[u8]) -> Result<Part, BundleError> {
    Ok(match kind {
        FileKind::Catalogue => Part::Catalogue(Page::decode(bytes)?),
        FileKind::Glossary => Part::Glossary(decode_lexicon(bytes)?),
        FileKind::Uses => Part::Uses(decode_versioned::<UsesFile>(bytes)?.chunk),
        FileKind::Document => {
            let file: DocumentFile = decode_versioned(bytes)?;
            Part::Document(Box::new(file.document), file.terms)
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse;

    fn bundle(n: usize) -> Bundle {
        Bundle::new(
            (0..n)
                .map(|i| {
                    parse(
                        &format!("d{i:03}.txt"),
                        "國際情勢\n標題\n瀏覽數\n1\n2025.01.01\n作者\n甲\n\n第一段。\n",
                    )
                })
                .collect(),
        )
    }

    #[test]
    fn split_site_adds_the_search_index_under_the_set() {
        let (head, files) = split_site(bundle(30), 24).unwrap();
        let (plain, _) = split_with_facets(bundle(30), 24).unwrap();
        assert_eq!(head, plain, "the index does not change the head");
        let Layout::Apart { set, .. } = &head.layout else {
            panic!("split gives an apart layout")
        };
        let search: Vec<&File> = files
            .iter()
            .filter(|f| f.path.starts_with(&format!("{set}/search/")))
            .collect();
        let b = bundle(30);
        let expected =
            crate::search::split::files_with_glossary(set, &b.documents, &b.glossary).unwrap();
        assert_eq!(search.len(), expected.len());
        for (got, want) in search.iter().zip(&expected) {
            assert_eq!((&got.path, &got.bytes), (&want.path, &want.bytes));
        }
        assert!(search
            .iter()
            .any(|f| f.path == crate::search::split::search_path(set, crate::search::split::META)));
    }

    #[test]
    fn split_writes_every_document_page_and_the_glossary() {
        let (head, files) = split(bundle(50), 24).unwrap();
        let Layout::Apart { set, first } = &head.layout else {
            panic!("split gives an apart layout")
        };
        assert_eq!((first.entries.len(), first.pages, first.total), (24, 3, 50));
        let paths: Vec<&str> = files.iter().map(|f| f.path.as_str()).collect();
        assert!(paths.contains(&catalogue_path(set, 1).as_str()));
        assert!(paths.contains(&catalogue_path(set, 2).as_str()));
        assert!(paths.contains(&glossary_path(set).as_str()));
        assert!(paths.contains(&document_path(set, "d049").unwrap().as_str()));
        assert_eq!(files.len(), 2 + 1 + 50);
        for file in &files {
            let kind = if file.path.contains("/doc/") {
                FileKind::Document
            } else if file.path.contains("/catalogue/") {
                FileKind::Catalogue
            } else if file.path.contains("/glossary/") {
                FileKind::Uses
            } else {
                FileKind::Glossary
            };
            decode(kind, &file.bytes).unwrap();
        }
        let head = Head::decode(&head.encode().unwrap()).unwrap();
        assert!(matches!(head.layout, Layout::Apart { .. }));
    }

    #[test]
    fn peek_reads_a_split_head_as_decode_does_and_leaves_a_whole_one_unread() {
        let (apart, _) = split(bundle(30), 24).unwrap();
        let Layout::Apart { set, first } = apart.layout.clone() else {
            panic!("split gives an apart layout")
        };
        let bytes = apart.encode().unwrap();
        assert_eq!(Head::peek(&bytes).unwrap(), Peek::Apart { set, first });
        let whole = Head::whole(bundle(3)).encode().unwrap();
        assert_eq!(Head::peek(&whole).unwrap(), Peek::Whole);
        // Another format version is refused, as by `decode`.
        let mut other = postcard::to_allocvec(&(BUNDLE_FORMAT_VERSION + 1)).unwrap();
        let (_, rest) = postcard::take_from_bytes::<u32>(&whole).unwrap();
        other.extend_from_slice(rest);
        assert!(matches!(
            Head::peek(&other),
            Err(BundleError::Version { .. })
        ));
        assert!(matches!(
            Head::decode(&other),
            Err(BundleError::Version { .. })
        ));
        // Cut short anywhere: an error, never a panic.
        for cut in 0..bytes.len() {
            assert!(Head::peek(&bytes[..cut]).is_err(), "cut at {cut}");
        }
    }

    #[test]
    fn the_catalogue_is_in_id_order_whatever_the_bundle_order() {
        let mut b = bundle(30);
        b.documents.reverse();
        let (head, _) = split(b, 24).unwrap();
        let Layout::Apart { first, .. } = head.layout else {
            panic!("split gives an apart layout")
        };
        let ids: Vec<&str> = first.entries.iter().map(|e| e.id.as_str()).collect();
        let mut sorted = ids.clone();
        sorted.sort_unstable();
        assert_eq!(ids, sorted);
        assert_eq!(ids[0], "d000");
    }

    #[test]
    fn the_head_does_not_grow_with_the_corpus() {
        let small = split(bundle(30), 24).unwrap().0.encode().unwrap().len();
        let large = split(bundle(300), 24).unwrap().0.encode().unwrap().len();
        // Only the page and document counts' varint widths may differ.
        assert!(large <= small + 4, "{small} → {large} bytes");
    }

    #[test]
    fn the_set_changes_with_any_document() {
        let set = |b: Bundle| match split(b, 24).unwrap().0.layout {
            Layout::Apart { set, .. } => set,
            Layout::Whole(_) => unreachable!(),
        };
        let mut changed = bundle(3);
        changed.documents[2].meta.title.push('!');
        assert_eq!(set(bundle(3)), set(bundle(3)));
        assert_ne!(set(bundle(3)), set(changed));
    }

    #[test]
    fn only_document_ids_make_paths() {
        assert_eq!(document_path("s", "a-1").as_deref(), Some("s/doc/a-1.bin"));
        for bad in ["", "../x", "A", "a/b", "a.b", "a%2f", "文件"] {
            assert_eq!(document_path("s", bad), None, "{bad:?}");
        }
    }

    #[test]
    fn a_file_of_another_kind_is_an_error() {
        let (_, files) = split(bundle(2), 24).unwrap();
        let lexicon = files
            .iter()
            .find(|f| f.path.ends_with("/glossary.bin"))
            .unwrap();
        assert!(decode(FileKind::Document, &lexicon.bytes).is_err());
        let two = bundle(2).encode().unwrap();
        assert!(decode(FileKind::Document, &two).is_err());
        assert!(decode(FileKind::Uses, &two).is_err());
    }
}
