//! The split index against its oracle (see `oracle/mod.rs`) on the real
//! corpus and on a generated archive of 1,000 documents, with and without
//! glossary expansion; damaged and missing files are errors, never "no
//! results". `split_10k.rs` runs the same at 10,000 documents when asked.

mod oracle;

use lattice_core::search::split::{self, DirReader, Files, SplitError, Step};
use lattice_core::search::*;
use lattice_core::{bundle, scale};
use oracle::{check, queries, Archive};
use proptest::prelude::*;
use std::sync::OnceLock;

fn corpus_dir() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus")
}

fn real() -> &'static (Archive, lattice_core::glossary::Glossary) {
    static A: OnceLock<(Archive, lattice_core::glossary::Glossary)> = OnceLock::new();
    A.get_or_init(|| {
        let b = bundle::build(&corpus_dir()).unwrap();
        (
            Archive::with_glossary(&b.documents, &b.glossary),
            b.glossary,
        )
    })
}

fn report(name: &str, a: &Archive, glossary: Option<&lattice_core::glossary::Glossary>) {
    println!(
        "{name}: {} documents, {} passages, {} files, {} bytes",
        a.index.documents.len(),
        a.index.passages.len(),
        a.built.files.len(),
        a.built.bytes()
    );
    println!("| query | kind | documents | passages | occurrences | files | bytes |");
    for (text, kind) in queries(a) {
        let query = pipeline::prepare(&text, glossary);
        let c = check(a, &query, &text);
        println!(
            "| {text} | {kind} | {} | {} | {} | {} | {} |",
            c.documents, c.passages, c.occurrences, c.files, c.bytes
        );
    }
}

#[test]
fn real_corpus_agrees_with_brute_force() {
    let (a, g) = real();
    report("real", a, None);
    report("real, glossary", a, Some(g));
    // Without the glossary's forms counted ahead, expanded forms are found
    // by their positions: the same answers.
    let b = bundle::build(&corpus_dir()).unwrap();
    let plain = Archive::new(&b.documents);
    report("real, glossary, forms not counted ahead", &plain, Some(g));
    // Expansion reaches other-language forms in the split index too.
    let q = pipeline::prepare("Quadrilateral Security Dialogue", Some(g));
    let (found, _) = split::search(&a.memory, &q, &SearchOptions::default(), true).unwrap();
    assert!(found
        .results
        .hits
        .iter()
        .any(|h| h.forms.iter().any(|f| f.form == "四方安全對話")));
    assert!(!found.results.per_document.is_empty());
}

fn archive_1000() -> &'static (Archive, lattice_core::glossary::Glossary) {
    static A: OnceLock<(Archive, lattice_core::glossary::Glossary)> = OnceLock::new();
    A.get_or_init(|| {
        let b = bundle::build(&corpus_dir()).unwrap();
        let docs = scale::archive(&b.documents, 1000, scale::DEFAULT_SEED);
        (Archive::with_glossary(&docs, &b.glossary), b.glossary)
    })
}

#[test]
fn archive_of_1000_agrees_with_brute_force() {
    let (a, g) = archive_1000();
    report("1000", a, Some(g));
}

/// A dense clause's first pages come from its top list, a few kB, not from
/// postings for most of the archive's passages; more hits than it ranked,
/// a filter or a second clause read the postings. Every answer is the
/// in-memory index's (`check` compares every count and hit).
#[test]
fn dense_clauses_read_their_top_lists() {
    let (a, g) = archive_1000();
    for text in ["的", "國", "a", "Quad"] {
        let query = pipeline::prepare(text, Some(g));
        let first = SearchOptions {
            limit: Some(20),
            ..SearchOptions::default()
        };
        let (top, top_files) = split::search(&a.memory, &query, &first, false).unwrap();
        let (all, all_files) =
            split::search(&a.memory, &query, &SearchOptions::default(), false).unwrap();
        println!(
            "{text}: {} passages; first 20 read {} files, {} bytes; all of them {} files, {} bytes",
            top.results.total,
            top_files.count(),
            top_files.bytes(),
            all_files.count(),
            all_files.bytes()
        );
        assert_eq!(top.results.total, all.results.total, "{text}");
        assert_eq!(top.results.occurrences, all.results.occurrences, "{text}");
        assert_eq!(top.per_document, all.per_document, "{text}");
        assert_eq!(top.results.hits[..], all.results.hits[..20], "{text}");
        oracle::check(a, &query, text);
        for options in [
            SearchOptions {
                limit: Some(1000),
                ..SearchOptions::default()
            },
            SearchOptions {
                scope: Scope::Notes,
                ..first.clone()
            },
            SearchOptions {
                document: Some(a.index.documents[3].clone()),
                ..first.clone()
            },
        ] {
            let (s, _) = split::search(&a.memory, &query, &options, true).unwrap();
            let m = search(&a.index, &query, &options);
            assert!(s.results == m, "{text} {options:?}: not as in memory");
        }
    }
    // 的 is in half the passages: its top list costs less than half of its
    // postings (`的 -zzzqqq`, with an exclusion, has no top list: the same
    // postings and 20 texts).
    let first = SearchOptions {
        limit: Some(20),
        ..SearchOptions::default()
    };
    let (_, top_files) = split::search(&a.memory, &parse_query("的"), &first, false).unwrap();
    let (_, postings) =
        split::search(&a.memory, &parse_query("的 -zzzqqq"), &first, false).unwrap();
    assert!(
        top_files.bytes() * 2 < postings.bytes(),
        "{} bytes with its top list, {} without",
        top_files.bytes(),
        postings.bytes()
    );
}

/// A note hit carries its note's label (`12`, `*`, a superscript's or an
/// `[n]` marker's number), as the document model has it, so the results
/// page numbers it before the document is fetched.
#[test]
fn note_hits_carry_their_labels() {
    let (real, _) = real();
    let (thousand, _) = archive_1000();
    for (name, a) in [("real", real), ("1000", thousand)] {
        let notes = a
            .index
            .passages
            .iter()
            .filter(|p| p.kind == PassageKind::Note)
            .count();
        assert!(notes > 0, "{name}: no note passages");
        // Labels that an id does not spell (`n-author`, a repeated label's
        // `n7-2`) are checked wherever the corpus has them.
        let mut checked = 0;
        for text in ["的", "the", "頁", "2025", "Supra"] {
            checked += oracle::check_note_labels(a, text, 200);
        }
        println!("{name}: {notes} note passages, {checked} note hits checked");
        assert!(checked >= 50, "{name}: only {checked} note hits checked");
    }
}

#[test]
fn scopes_and_one_document() {
    let (a, _) = real();
    for scope in [Scope::All, Scope::Body, Scope::Notes] {
        for document in [None, Some(a.index.documents[0].clone())] {
            let options = SearchOptions {
                scope,
                document: document.clone(),
                limit: None,
            };
            let q = parse_query("的");
            let (s, _) = split::search(&a.memory, &q, &options, true).unwrap();
            let m = search(&a.index, &q, &options);
            assert_eq!(s.results, m, "{scope:?} {document:?}");
        }
    }
}

#[test]
fn a_directory_reads_like_memory() {
    let (a, _) = real();
    let dir = std::env::temp_dir().join(format!("lattice-split-{}", std::process::id()));
    a.built.write_to(&dir).unwrap();
    let q = parse_query("四方");
    let (from_dir, _) = split::search(
        &DirReader { dir: dir.clone() },
        &q,
        &SearchOptions::default(),
        true,
    )
    .unwrap();
    let (from_memory, _) = split::search(&a.memory, &q, &SearchOptions::default(), true).unwrap();
    assert_eq!(from_dir, from_memory);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn missing_and_damaged_files_are_errors() {
    let (a, _) = real();
    let q = parse_query("四方安全");
    let options = SearchOptions::default();
    // Every file the query fetches, missing in turn, is an error.
    let (_, fetched) = split::search(&a.memory, &q, &options, false).unwrap();
    assert!(fetched.count() >= 3);
    let mut files = Files::default();
    let mut names = Vec::new();
    while let Step::Fetch(need) = split::attempt(&files, &q, &options, false).unwrap() {
        for n in need {
            names.push(n.clone());
            files.insert(n.clone(), a.memory.files[&n].clone());
        }
    }
    for gone in &names {
        let mut m = oracle::Memory::new(&a.built);
        m.files.remove(gone);
        assert!(
            matches!(
                split::search(&m, &q, &options, false),
                Err(SplitError::Fetch { .. })
            ),
            "{gone} missing"
        );
        // Damaged: cut in half, or an HTML error page.
        for bad in [
            a.memory.files[gone][..a.memory.files[gone].len() / 2].to_vec(),
            b"<!doctype html>".to_vec(),
        ] {
            let mut m = oracle::Memory::new(&a.built);
            m.files.insert(gone.clone(), bad);
            assert!(
                split::search(&m, &q, &options, false).is_err(),
                "{gone} damaged"
            );
        }
    }
}

/// Adding a paper to an archive keeps the name of every file whose bytes
/// did not change (a returning reader's saved library stays good: texts are
/// named by their group of 256, which only a change in the group renames), and a
/// name never stands for two different files across the builds (a cache can
/// never mix them).
#[test]
fn a_rebuild_reuses_unchanged_files_and_never_mixes_builds() {
    let b = bundle::build(&corpus_dir()).unwrap();
    let before = Archive::new(&scale::archive(&b.documents, 160, scale::DEFAULT_SEED));
    let after = Archive::new(&scale::archive(&b.documents, 161, scale::DEFAULT_SEED));
    let old: std::collections::HashMap<&str, &[u8]> = before
        .built
        .files
        .iter()
        .map(|(n, b)| (n.as_str(), b.as_slice()))
        .collect();
    let (mut kept, mut kept_bytes, mut all_bytes) = (0, 0, 0);
    for (name, bytes) in &after.built.files {
        all_bytes += bytes.len();
        if name == split::META {
            continue;
        }
        if let Some(was) = old.get(name.as_str()) {
            assert_eq!(was, bytes, "{name} names two different files");
            kept += 1;
            kept_bytes += bytes.len();
        }
    }
    println!(
        "160 → 161 documents: {kept} of {} files kept, {kept_bytes} of {all_bytes} bytes",
        after.built.files.len()
    );
    // Documents are in the bundle's order, so the new one lands among them:
    // every texts group (256 chunks of 4 passages) wholly before it is kept,
    // name and bytes. (Postings are cut by passage number, which the new
    // document shifts: most of them change.)
    let same = before
        .index
        .documents
        .iter()
        .zip(&after.index.documents)
        .take_while(|(a, b)| a == b)
        .count();
    let passages_before = after
        .index
        .passages
        .iter()
        .take_while(|p| p.document < same)
        .count();
    let groups = passages_before / (4 * 256);
    assert!(groups >= 1, "the new document comes first: nothing to keep");
    assert!(kept >= groups * 256, "{kept} files kept, {groups} groups");
    // And the new build answers from its own files.
    let q = parse_query("四方");
    let (s, _) = split::search(&after.memory, &q, &SearchOptions::default(), true).unwrap();
    assert_eq!(
        s.results.total,
        search(&after.index, &q, &SearchOptions::default()).total
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    /// Any query: the split index answers as the in-memory one does.
    #[test]
    fn arbitrary_queries_agree(q in "\\PC{0,24}") {
        let (a, g) = real();
        let query = pipeline::prepare(&q, Some(g));
        let options = SearchOptions { limit: Some(10), ..SearchOptions::default() };
        let (s, _) = split::search(&a.memory, &query, &options, false).unwrap();
        let m = search(&a.index, &query, &options);
        prop_assert_eq!(s.results.hits, m.hits);
        prop_assert_eq!(s.results.total, m.total);
        prop_assert_eq!(s.results.occurrences, m.occurrences);
    }

    /// Substrings of the corpus agree with brute force.
    #[test]
    fn substrings_agree(p in 0usize..100_000, start in 0usize..10_000, len in 1usize..10) {
        let (a, _) = real();
        let passage = &a.index.passages[p % a.index.passages.len()];
        let chars: Vec<char> = passage.text.chars().collect();
        let s = start % chars.len();
        let sub: String = chars[s..(s + len).min(chars.len())].iter().collect();
        let query = parse_query(&format!("\"{}\"", sub.replace(|c: char| "\"“”「」『』＂„".contains(c), " ")));
        prop_assume!(!query.is_empty());
        check(a, &query, &sub);
    }
}
