//! `search::matches_in` (what the app marks in a document opened from a
//! search) against the in-memory search of the whole real corpus: for every
//! document and every query of a varied set, the same passages with the same
//! match ranges, in reading order; and for single terms, every occurrence a
//! brute-force scan of the document's passages finds.

use lattice_core::fold::fold_char;
use lattice_core::search::pipeline::prepare;
use lattice_core::search::*;
use lattice_core::*;
use std::ops::Range;

fn corpus() -> (Vec<Document>, glossary::Glossary) {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
    let bundle = bundle::build(&dir).unwrap();
    (bundle.documents, bundle.glossary)
}

const QUERIES: &[&str] = &[
    "四方安全對話",
    "四方安全对话",
    "ＡＵＫＵＳ",
    "aukus",
    "Quad",
    "印太",
    "美國 中國",
    "\"Indo-Pacific\"",
    "日本 OR 印度",
    "安全 -美國",
    "Rubio",
    "the",
    "一",
    "no such phrase anywhere 無此詞",
];

fn in_memory(
    index: &SearchIndex,
    id: &str,
    query: &Query,
    scope: Scope,
) -> Vec<(String, Vec<Range<usize>>)> {
    let options = SearchOptions {
        document: Some(id.to_string()),
        scope,
        limit: None,
    };
    let mut hits = search(index, query, &options).hits;
    hits.sort_by_key(|h| h.passage);
    hits.into_iter().map(|h| (h.target, h.matches)).collect()
}

#[test]
fn every_document_marks_what_the_whole_corpus_search_hits() {
    let (docs, glossary) = corpus();
    let index = SearchIndex::build(&docs);
    let mut marked = 0;
    for q in QUERIES {
        for g in [None, Some(&glossary)] {
            let query = prepare(q, g);
            for scope in [Scope::All, Scope::Body, Scope::Notes] {
                for doc in &docs {
                    let got = matches_in(doc, &query, scope);
                    assert_eq!(
                        got,
                        in_memory(&index, &doc.id, &query, scope),
                        "{q:?} {scope:?} in {}",
                        doc.id
                    );
                    marked += got.iter().map(|(_, m)| m.len()).sum::<usize>();
                }
            }
        }
    }
    assert!(marked > 100, "the queries mark little: {marked}");
}

/// A letter or digit of a spaced script (not CJK), written out here apart
/// from the engine's own definition.
fn spaced(c: char) -> bool {
    c.is_alphanumeric()
        && !('\u{2E80}'..='\u{9FFF}').contains(&c)
        && !('\u{F900}'..='\u{FAFF}').contains(&c)
        && !('\u{AC00}'..='\u{D7AF}').contains(&c)
        && !('\u{20000}'..='\u{3FFFF}').contains(&c)
}

#[test]
fn single_terms_mark_every_occurrence_a_scan_finds() {
    let (docs, _) = corpus();
    for term in ["四方安全對話", "印太", "Quad", "美國"] {
        let query = parse_query(term);
        let needle: Vec<char> = term.chars().map(fold_char).collect();
        for doc in &docs {
            let got = matches_in(doc, &query, Scope::All);
            let index = SearchIndex::build(std::iter::once(doc));
            let mut scanned = Vec::new();
            for p in &index.passages {
                let hay: Vec<char> = p.text.chars().map(fold_char).collect();
                let at: Vec<Range<usize>> = (0..hay.len().saturating_sub(needle.len() - 1))
                    .filter(|&s| hay[s..s + needle.len()] == needle[..])
                    .filter(|&s| !(spaced(needle[0]) && s > 0 && spaced(hay[s - 1])))
                    .map(|s| s..s + needle.len())
                    .collect();
                if !at.is_empty() {
                    scanned.push((p.target.clone(), at));
                }
            }
            assert_eq!(got, scanned, "{term} in {}", doc.id);
        }
    }
}

#[test]
fn an_empty_query_marks_nothing() {
    let (docs, _) = corpus();
    assert!(matches_in(&docs[0], &parse_query("   "), Scope::All).is_empty());
}
