//! The split layout against the real corpus, at its own size and at 100×:
//! every file decodes, putting the parts back together gives the bundle that
//! was split, the catalogue agrees with the documents, and the embedded head
//! stays the same size however large the corpus grows. The glossary comes
//! back from its lexicon and chunks of uses (each use once), and each
//! document's marks from the lexicon and its own file are exactly those the
//! whole glossary gives.

use lattice_core::catalogue::{Entry, PER_PAGE};
use lattice_core::glossary::lexicon::{self, DocumentTerms};
use lattice_core::glossary::marks::TermMarks;
use lattice_core::layout::{self, FileKind, Head, Layout, Part};
use lattice_core::{bundle, scale, Bundle};
use std::collections::BTreeMap;
use std::path::PathBuf;

fn real() -> Bundle {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
    bundle::build(&dir).unwrap()
}

fn scaled(factor: usize) -> Bundle {
    let mut b = real();
    let docs = scale::replicate(&b.documents, factor);
    b.documents = Bundle::new(docs).documents;
    b
}

fn kind_of(path: &str) -> FileKind {
    if path.contains("/doc/") {
        FileKind::Document
    } else if path.contains("/catalogue/") {
        FileKind::Catalogue
    } else if path.contains("/glossary/") {
        FileKind::Uses
    } else {
        assert!(path.ends_with("/glossary.bin"), "{path}");
        FileKind::Glossary
    }
}

/// Split, encode and decode the head and every file, and put the corpus
/// back together from them.
fn round_trip(original: &Bundle) -> (usize, Vec<Entry>, Bundle) {
    let (head, files) = layout::split(original.clone(), PER_PAGE).unwrap();
    let head_bytes = head.encode().unwrap();
    let Layout::Apart { set, first } = Head::decode(&head_bytes).unwrap().layout else {
        panic!("split embeds only the head");
    };
    let mut entries = first.entries.clone();
    let mut pages = BTreeMap::new();
    let mut documents = Vec::new();
    let mut glossary = None;
    let mut uses = BTreeMap::new();
    let mut terms = BTreeMap::new();
    for file in &files {
        assert!(file.path.starts_with(&format!("{set}/")), "{}", file.path);
        match layout::decode(kind_of(&file.path), &file.bytes).unwrap() {
            Part::Document(doc, its_terms) => {
                assert_eq!(
                    layout::document_path(&set, &doc.id).as_deref(),
                    Some(file.path.as_str())
                );
                terms.insert(doc.id.clone(), its_terms);
                documents.push(*doc);
            }
            Part::Uses(chunk) => {
                uses.insert(file.path.clone(), chunk);
            }
            Part::Catalogue(page) => {
                assert_eq!(
                    layout::catalogue_path(&set, page.number as usize),
                    file.path
                );
                pages.insert(page.number, page);
            }
            Part::Glossary(g) => {
                // What a search reads it with (the browser's lexicon chunk).
                assert_eq!(layout::decode_lexicon(&file.bytes).unwrap(), g);
                glossary = Some(g);
            }
        }
    }
    assert_eq!(pages.len() + 1, first.pages as usize);
    for (n, page) in pages {
        assert_eq!((page.pages, page.total), (first.pages, first.total));
        assert!(page.entries.len() <= PER_PAGE, "page {n}");
        entries.extend(page.entries);
    }
    let lexicon: lexicon::Lexicon = glossary.expect("the glossary has a file");
    assert!(lexicon
        .glossary
        .terms
        .iter()
        .all(|t| t.occurrences.is_empty()));
    // Every chunk the lexicon names, each once, and no other.
    let chunks: Vec<lexicon::UsesChunk> = lexicon
        .chunks
        .iter()
        .map(|c| {
            uses.remove(&layout::uses_path(&set, &c.name))
                .expect("a named chunk")
        })
        .collect();
    assert!(uses.is_empty(), "chunks the lexicon does not name");
    let whole = lexicon::reassemble(&lexicon, &chunks);
    // A document's marks from the lexicon and its own file are the whole
    // glossary's.
    for doc in &documents {
        let its = &terms[&doc.id];
        assert_eq!(*its, DocumentTerms::of(&whole, &doc.id), "{}", doc.id);
        assert_eq!(
            TermMarks::with_uses(doc, &lexicon.glossary, its),
            TermMarks::of(doc, &whole),
            "{}",
            doc.id
        );
    }
    let mut back = Bundle::new(documents);
    back.glossary = whole;
    (head_bytes.len(), entries, back)
}

#[test]
fn the_real_corpus_splits_and_comes_back_whole() {
    let original = real();
    let (_, entries, back) = round_trip(&original);
    assert_eq!(back.documents, original.documents);
    assert_eq!(back.glossary, original.glossary);
    let expected: Vec<Entry> = original.documents.iter().map(Entry::of).collect();
    assert_eq!(entries, expected);
    // The chapter's entry says where it sits in its book.
    let chapter = entries
        .iter()
        .find(|e| e.id == "indo-pacific-minilateralism")
        .unwrap();
    assert!(
        chapter.place.as_deref().is_some_and(|p| p.contains("第")),
        "{chapter:?}"
    );
    assert!(!chapter.authors.is_empty());
}

#[test]
fn a_hundredfold_corpus_splits_into_pages_and_comes_back_whole() {
    let original = scaled(100);
    let (head_len, entries, back) = round_trip(&original);
    assert_eq!(entries.len(), 200);
    assert_eq!(back.documents, original.documents);
    let ids: Vec<&str> = entries.iter().map(|e| e.id.as_str()).collect();
    let expected: Vec<&str> = original.documents.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, expected, "entries in document order, each once");

    // The head holds one page whatever the corpus size: 100× costs what 50×
    // does (their first pages list the same documents; only the counts differ).
    let (head_50, ..) = round_trip(&scaled(50));
    assert!(head_len <= head_50 + 4, "{head_50} → {head_len} bytes");
    assert!(head_len < 8 * 1024, "head of {head_len} bytes");
}

#[test]
fn a_generated_archive_splits_its_glossary_and_comes_back_whole() {
    // 300 analyses with their own glossary (extracted from them), so uses
    // spread over many documents and the dense terms span several chunks.
    let docs = scale::archive(&real().documents, 300, scale::DEFAULT_SEED);
    let (glossary, _) = lattice_core::glossary::build(&docs, None).unwrap();
    let mut original = Bundle::new(docs);
    original.glossary = glossary;
    let (_, files) = layout::split(original.clone(), PER_PAGE).unwrap();
    let chunks = files
        .iter()
        .filter(|f| f.path.contains("/glossary/"))
        .count();
    assert!(chunks > 1, "{chunks} chunks of uses");
    let (_, _, back) = round_trip(&original);
    assert_eq!(back.glossary, original.glossary);
    assert_eq!(back.documents, original.documents);
}

#[test]
fn an_entry_is_a_small_part_of_its_documents_metadata() {
    for doc in &real().documents {
        let entry = postcard::to_allocvec(&Entry::of(doc)).unwrap().len();
        let meta = postcard::to_allocvec(&doc.meta).unwrap().len();
        assert!(entry <= meta, "{}: entry {entry} B, meta {meta} B", doc.id);
    }
}

mod hostile_files {
    //! What the app fetches could be anything a host serves under the name
    //! (a truncated download, an HTML error page, another build's file):
    //! decoding says so with an error and never panics.
    use super::*;
    use proptest::prelude::*;

    /// The real corpus's files, split once for every case.
    fn real_files() -> &'static [(FileKind, Vec<u8>)] {
        static FILES: std::sync::OnceLock<Vec<(FileKind, Vec<u8>)>> = std::sync::OnceLock::new();
        FILES.get_or_init(|| {
            let (_, files) = layout::split(real(), PER_PAGE).unwrap();
            files
                .into_iter()
                .map(|f| (kind_of(&f.path), f.bytes))
                .collect()
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
            for kind in [FileKind::Document, FileKind::Catalogue, FileKind::Glossary, FileKind::Uses] {
                let _ = layout::decode(kind, &bytes);
            }
            let _ = layout::decode_lexicon(&bytes);
            let _ = Head::decode(&bytes);
        }

        #[test]
        fn damaged_real_files_never_panic(cut in 0usize..4096, flip in any::<(usize, u8)>()) {
            for (kind, bytes) in real_files() {
                let kind = *kind;
                let truncated = &bytes[..cut.min(bytes.len())];
                let _ = layout::decode(kind, truncated);
                let mut flipped = bytes.clone();
                let at = flip.0 % flipped.len();
                flipped[at] ^= flip.1 | 1;
                let _ = layout::decode(kind, &flipped);
            }
        }
    }

    #[test]
    fn an_html_error_page_is_a_clear_error() {
        let page = b"<!doctype html><title>404 Not Found</title>";
        for kind in [
            FileKind::Document,
            FileKind::Catalogue,
            FileKind::Glossary,
            FileKind::Uses,
        ] {
            let err = layout::decode(kind, page).unwrap_err().to_string();
            assert!(err.contains("bundle"), "{err}");
        }
    }
}
