//! The synthetic archive against the real corpus: its files parse cleanly
//! (no diagnostic at all), documents differ from each other, generation is
//! deterministic and prefix-stable, terms keep their real frequencies, and a
//! written folder reads back as the same documents.

use lattice_core::scale::{self, Archive, DEFAULT_SEED};
use lattice_core::{bundle, inline, load_dir, BlockKind, Document};
use std::collections::{BTreeMap, HashSet};
use std::path::PathBuf;

fn real() -> Vec<Document> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
    bundle::build(&dir).unwrap().documents
}

#[test]
fn every_file_parses_without_a_diagnostic() {
    let docs = scale::archive(&real(), 300, DEFAULT_SEED);
    assert_eq!(docs.len(), 300);
    for d in &docs {
        assert!(d.diagnostics.is_empty(), "{}: {:?}", d.id, d.diagnostics);
        assert!(!d.meta.title.is_empty());
        assert!(!d.meta.authors.is_empty() && d.meta.date.is_some());
        assert!(d.meta.authors[0].affiliation.is_some(), "{}", d.id);
        assert!(d.blocks.iter().any(|b| b.kind == BlockKind::Paragraph));
        for n in &d.notes {
            assert!(
                n.body.is_some() && !n.cited_by.is_empty(),
                "{} [{}]",
                d.id,
                n.label
            );
        }
    }
    let ids: HashSet<&str> = docs.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids.len(), docs.len());
    // Headings and notes come through too.
    assert!(docs
        .iter()
        .all(|d| d.blocks.iter().any(|b| b.heading_level().is_some())));
    assert!(docs.iter().filter(|d| !d.notes.is_empty()).count() > 150);
}

#[test]
fn documents_differ_in_text_and_metadata() {
    let files = scale::archive_files(&real(), 500, DEFAULT_SEED);
    let texts: HashSet<&str> = files.iter().map(|f| f.text.as_str()).collect();
    assert_eq!(texts.len(), 500);
    let docs = scale::archive(&real(), 500, DEFAULT_SEED);
    let distinct =
        |f: &dyn Fn(&Document) -> String| docs.iter().map(f).collect::<HashSet<String>>().len();
    assert!(distinct(&|d| d.meta.title.clone()) > 100);
    assert!(distinct(&|d| d.meta.authors[0].name.clone()) > 100);
    assert!(distinct(&|d| d.meta.date.as_ref().unwrap().to_string()) > 300);
    assert!(distinct(&|d| d.meta.keywords.join("/")) > 100);
    assert!(distinct(&|d| d.meta.category.clone().unwrap_or_default()) >= 3);
    // No two documents share their first paragraph more than rarely.
    assert!(distinct(&|d| d.blocks[0].plain_text()) > 400);
}

#[test]
fn deterministic_prefix_stable_and_seeded() {
    let source = real();
    let small = scale::archive_files(&source, 50, DEFAULT_SEED);
    let large = scale::archive_files(&source, 120, DEFAULT_SEED);
    assert_eq!(small[..], large[..50]);
    assert_eq!(small, scale::archive_files(&source, 50, DEFAULT_SEED));
    let other = scale::archive_files(&source, 50, DEFAULT_SEED + 1);
    assert!(small.iter().zip(&other).all(|(a, b)| a.text != b.text));
    let a = Archive::new(&source, DEFAULT_SEED).unwrap();
    assert_eq!(a.file(7), small[7]);
    assert_eq!(a.document(7), scale::archive(&source, 8, DEFAULT_SEED)[7]);
}

/// Character frequencies of the archive's paragraphs match the real
/// paragraphs': each of the 30 commonest CJK characters holds the same share
/// of the text within a fifth.
#[test]
fn terms_keep_their_real_frequencies() {
    fn shares(docs: &[Document]) -> (BTreeMap<char, f64>, f64) {
        let mut counts: BTreeMap<char, f64> = BTreeMap::new();
        let mut total = 0.0;
        for d in docs {
            for b in d.blocks.iter().filter(|b| b.kind == BlockKind::Paragraph) {
                for c in inline::plain_text(&b.inlines).chars() {
                    if ('\u{4e00}'..='\u{9fff}').contains(&c) {
                        *counts.entry(c).or_default() += 1.0;
                        total += 1.0;
                    }
                }
            }
        }
        (counts, total)
    }
    let source = real();
    let (real_counts, real_total) = shares(&source);
    let (arch_counts, arch_total) = shares(&scale::archive(&source, 1000, DEFAULT_SEED));
    let mut top: Vec<(char, f64)> = real_counts.into_iter().collect();
    top.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    for &(c, n) in top.iter().take(30) {
        let real_share = n / real_total;
        let arch_share = arch_counts.get(&c).copied().unwrap_or(0.0) / arch_total;
        let ratio = arch_share / real_share;
        assert!((0.8..1.25).contains(&ratio), "{c}: {ratio:.2}");
    }
}

#[test]
fn a_written_folder_reads_back_as_the_same_documents() {
    let source = real();
    let dir = std::env::temp_dir().join(format!("lattice-archive-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(
        scale::write_archive(&source, 40, DEFAULT_SEED, &dir).unwrap(),
        40
    );
    let mut read = load_dir(&dir).unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
    let made = scale::archive(&source, 40, DEFAULT_SEED);
    assert_eq!(read.len(), made.len());
    for (r, m) in read.iter_mut().zip(&made) {
        // Only the file name differs: the folder's path is part of it.
        assert!(r.source.ends_with(&m.source));
        r.source.clone_from(&m.source);
        for d in &mut r.diagnostics {
            d.file.clone_from(&m.source);
        }
        assert_eq!(r, m);
    }
}

#[test]
fn a_source_without_sentences_gives_an_empty_archive() {
    assert!(scale::archive(&[], 10, DEFAULT_SEED).is_empty());
    assert!(Archive::new(&[], 1).is_none());
}

/// A corpus folder without glossary.toml (an archive folder) bundles with
/// the glossary extracted from its documents and no curation diagnostics.
#[test]
fn a_folder_without_glossary_toml_builds_the_extracted_glossary() {
    let source = real();
    let dir = std::env::temp_dir().join(format!("lattice-no-curation-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    scale::write_archive(&source, 60, DEFAULT_SEED, &dir).unwrap();
    assert!(!dir.join(lattice_core::glossary::CURATION_FILE).exists());
    let b = bundle::build(&dir);
    std::fs::remove_dir_all(&dir).unwrap();
    let b = b.unwrap();
    assert_eq!(b.documents.len(), 60);
    assert!(b.all_diagnostics().next().is_none());
    let (extracted, diagnostics) = lattice_core::glossary::build(&b.documents, None).unwrap();
    assert!(diagnostics.is_empty());
    assert!(
        extracted.terms.len() > 20,
        "{} terms",
        extracted.terms.len()
    );
    assert_eq!(b.glossary, extracted);
}
