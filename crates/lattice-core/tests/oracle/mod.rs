//! The split index's oracle: for a query, what a brute-force scan of the
//! passages' texts finds (sharing nothing with either index but `fold_char`
//! and the parsed query), compared with the split index's answer and the
//! in-memory index's.

#![allow(dead_code)]

use lattice_core::fold::fold_char;
use lattice_core::glossary::Glossary;
use lattice_core::search::split::{self, Built, Files, Reader, SplitError};
use lattice_core::search::*;
use lattice_core::Document;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// A split index held in memory, counting what is fetched.
pub struct Memory {
    pub files: HashMap<String, Vec<u8>>,
}

impl Memory {
    pub fn new(built: &Built) -> Self {
        Memory {
            files: built.files.iter().cloned().collect(),
        }
    }
}

impl Reader for Memory {
    fn fetch(&self, name: &str) -> Result<Vec<u8>, SplitError> {
        self.files.get(name).cloned().ok_or(SplitError::Fetch {
            name: name.to_string(),
            message: "absent".to_string(),
        })
    }
}

/// An archive indexed both ways, with its folded texts for brute force.
pub struct Archive {
    pub index: SearchIndex,
    pub built: Built,
    pub memory: Memory,
    folded: Vec<Vec<char>>,
    /// Every note's label in the document model, by (document id, note id).
    pub note_labels: HashMap<(String, String), String>,
}

impl Archive {
    /// Indexed with count postings for characters, bigrams and words only.
    pub fn new(documents: &[Document]) -> Self {
        Self::build(documents, None)
    }

    /// Indexed with count postings for the glossary's forms too.
    pub fn with_glossary(documents: &[Document], glossary: &Glossary) -> Self {
        Self::build(documents, Some(glossary))
    }

    fn build(documents: &[Document], glossary: Option<&Glossary>) -> Self {
        let index = SearchIndex::build(documents);
        let built = match glossary {
            Some(g) => split::build_with_glossary(&index, g),
            None => split::build(&index),
        }
        .expect("split builds");
        let memory = Memory::new(&built);
        let folded = index
            .passages
            .iter()
            .map(|p| p.text.chars().map(fold_char).collect())
            .collect();
        let note_labels = documents
            .iter()
            .flat_map(|d| {
                d.notes
                    .iter()
                    .map(|n| ((d.id.clone(), n.id.clone()), n.label.clone()))
            })
            .collect();
        Archive {
            index,
            built,
            memory,
            folded,
            note_labels,
        }
    }
}

fn spaced_word_char(c: char) -> bool {
    c.is_alphanumeric()
        && !('\u{2E80}'..='\u{9FFF}').contains(&c)
        && !('\u{F900}'..='\u{FAFF}').contains(&c)
        && !('\u{AC00}'..='\u{D7AF}').contains(&c)
        && !('\u{20000}'..='\u{3FFFF}').contains(&c)
}

fn occurrences(hay: &[char], form: &str) -> Vec<(usize, usize)> {
    let needle: Vec<char> = form.chars().collect();
    let word_start = needle.first().is_some_and(|&c| spaced_word_char(c));
    let mut out = Vec::new();
    if needle.is_empty() || hay.len() < needle.len() {
        return out;
    }
    for s in 0..=hay.len() - needle.len() {
        if hay[s..s + needle.len()] == needle[..]
            && !(word_start && s > 0 && spaced_word_char(hay[s - 1]))
        {
            out.push((s, needle.len()));
        }
    }
    out
}

/// What a scan finds: passage → distinct (start, len) matches.
pub fn brute_force(a: &Archive, query: &Query) -> BTreeMap<usize, BTreeSet<(usize, usize)>> {
    let mut out = BTreeMap::new();
    if query.clauses.is_empty() {
        return out;
    }
    'passages: for (i, hay) in a.folded.iter().enumerate() {
        let mut all = BTreeSet::new();
        for c in &query.clauses {
            let mut any = false;
            for alt in c.alternatives.iter() {
                for m in occurrences(hay, &alt.folded) {
                    any = true;
                    all.insert(m);
                }
            }
            if !any {
                continue 'passages;
            }
        }
        for c in &query.excluded {
            if c.alternatives
                .iter()
                .any(|alt| !occurrences(hay, &alt.folded).is_empty())
            {
                continue 'passages;
            }
        }
        out.insert(i, all);
    }
    out
}

/// One query's sizes, for the report.
pub struct Checked {
    pub passages: usize,
    pub documents: usize,
    pub occurrences: usize,
    pub files: usize,
    pub bytes: usize,
}

/// Check one query: split == brute force (documents, passages, occurrence
/// counts, every match of every shown hit) and split == in-memory (hits,
/// order, snippets).
pub fn check(a: &Archive, query: &Query, label: &str) -> Checked {
    let options = SearchOptions {
        limit: Some(20),
        ..SearchOptions::default()
    };
    let want = brute_force(a, query);
    let (got, files): (split::Split, Files) =
        split::search(&a.memory, query, &options, false).expect("split search");
    let r = &got.results;
    assert_eq!(r.total, want.len(), "{label}: passages");
    let occ: usize = want.values().map(BTreeSet::len).sum();
    assert_eq!(r.occurrences, occ, "{label}: occurrences");
    let mut per_doc: Vec<(usize, usize)> = Vec::new();
    for &p in want.keys() {
        let d = a.index.passages[p].document;
        match per_doc.last_mut() {
            Some((x, n)) if *x == d => *n += 1,
            _ => per_doc.push((d, 1)),
        }
    }
    assert_eq!(got.per_document, per_doc, "{label}: documents");
    for h in &r.hits {
        let m: BTreeSet<(usize, usize)> = h.matches.iter().map(|m| (m.start, m.len())).collect();
        assert_eq!(
            Some(&m),
            want.get(&h.passage),
            "{label}: matches in {}",
            h.passage
        );
        assert_eq!(
            h.document,
            a.index.documents[a.index.passages[h.passage].document]
        );
        check_label(a, h, label);
    }
    let memory = search(&a.index, query, &options);
    assert_eq!(r.hits, memory.hits, "{label}: same hits as in memory");
    assert_eq!(r.total, memory.total, "{label}: in-memory total");
    Checked {
        passages: r.total,
        documents: per_doc.len(),
        occurrences: occ,
        files: files.count(),
        bytes: files.bytes(),
    }
}

/// A hit in a note carries that note's label as the document model has
/// it (what the reader sees before its text); any other hit none.
pub fn check_label(a: &Archive, h: &Hit, query: &str) {
    let want = match h.kind {
        PassageKind::Note => a
            .note_labels
            .get(&(h.document.clone(), h.target.clone()))
            .cloned(),
        _ => None,
    };
    assert!(
        h.kind != PassageKind::Note || want.is_some(),
        "{query}: note {} of {} is not in the document",
        h.target,
        h.document
    );
    assert_eq!(
        h.label, want,
        "{query}: label of {} in {}",
        h.target, h.document
    );
}

/// Every note hit of a dense query in the notes, as many as the split index
/// shows in pages of `limit`, is labelled as its note: `limit` hits read
/// through each path a query can take (top list, postings); the number of
/// note hits checked.
pub fn check_note_labels(a: &Archive, text: &str, limit: usize) -> usize {
    let query = parse_query(text);
    let mut checked = 0;
    for options in [
        SearchOptions {
            scope: Scope::Notes,
            limit: Some(limit),
            ..SearchOptions::default()
        },
        SearchOptions {
            limit: Some(limit),
            ..SearchOptions::default()
        },
    ] {
        let (got, _) = split::search(&a.memory, &query, &options, false).expect("split search");
        let memory = search(&a.index, &query, &options);
        assert_eq!(got.results.hits, memory.hits, "{text}: as in memory");
        for h in &got.results.hits {
            check_label(a, h, text);
            checked += usize::from(h.kind == PassageKind::Note);
        }
    }
    checked
}

/// Queries of every kind the issue names, some fixed and some drawn from
/// the archive itself (a substring of a passage; a rare one; a common one).
pub fn queries(a: &Archive) -> Vec<(String, &'static str)> {
    let mut q: Vec<(String, &'static str)> = [
        ("四方安全對話", "CJK word"),
        ("四方安全对话", "Simplified"),
        ("关键矿产", "Simplified"),
        ("ＡＵＫＵＳ", "full-width"),
        ("AUKUS", "English word"),
        ("Quad", "English word"),
        ("\"Supra note\"", "English phrase"),
        ("\"hub-and-spoke\"", "English phrase"),
        ("強化友盟關係的策略", "page-break phrase"),
        ("\"美國 優先\"", "CJK phrase with space"),
        ("美日韓 三邊", "two CJK words"),
        ("Quad OR AUKUS", "OR"),
        ("川普 -政府", "exclusion"),
        ("的", "in nearly every document"),
        ("國", "one character"),
        ("美國", "dense CJK word"),
        ("the", "dense English word"),
        ("security", "dense English word"),
        ("a", "one Latin letter"),
        ("2025", "digits"),
        ("夥伴關係從未存在過的詞語", "absent phrase"),
        ("zzzqqq", "absent word"),
    ]
    .into_iter()
    .map(|(s, k)| (s.to_string(), k))
    .collect();
    // Substrings of passages spread over the archive, 2 to 9 characters.
    let n = a.index.passages.len();
    for i in 0..12 {
        let p = &a.index.passages[(i * 7919 + 13) % n];
        let chars: Vec<char> = p.text.chars().collect();
        if chars.len() < 10 {
            continue;
        }
        let start = (i * 31) % (chars.len() - 9);
        let sub: String = chars[start..start + 2 + i % 8].iter().collect();
        if sub
            .chars()
            .any(|c| c.is_whitespace() || "\"“”「」『』＂„-－".contains(c))
        {
            continue;
        }
        q.push((sub, "substring of a passage"));
    }
    // The last document's title: a term in one or few documents.
    if let Some(p) = a
        .index
        .passages
        .iter()
        .rev()
        .find(|p| p.kind == PassageKind::Title)
    {
        let title: String = p
            .text
            .chars()
            .filter(|c| !"\"“”「」『』＂„".contains(*c))
            .collect();
        q.push((format!("\"{title}\""), "a title"));
    }
    q
}
