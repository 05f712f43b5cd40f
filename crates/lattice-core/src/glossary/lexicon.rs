//! The glossary of a split corpus, in three parts, so that no page fetches
//! more of it than it shows: a term's every use is most of a glossary's
//! bytes (at 10,000 papers, megabytes), yet search expansion, term popovers
//! and the glossary table need only the terms themselves.
//!
//! - the [`Lexicon`]: every term — forms, English, abbreviation, kind, where
//!   it is defined, how often it occurs — without its uses, plus the table of
//!   chunks ([`ChunkRef`]) that hold them. Its file names the chunks by
//!   group ([`USES_GROUP`]), not one by one: a search reads the lexicon to
//!   expand its terms, and at 10,000 papers a name per chunk was 5 kB of
//!   every search's download;
//! - a document's own uses ([`DocumentTerms`]), which travel in its file, so
//!   marking a document's terms needs the lexicon and that document only;
//! - the uses of every term, by document, in chunks ([`UsesChunk`]) of about
//!   [`CHUNK_BYTES`], fetched only by the pages that list uses (the glossary
//!   entry page, an opened list of the glossary page). A term used everywhere
//!   spans several chunks, so its first documents cost one chunk, not all.
//!
//! [`split`] makes the parts; [`reassemble`] puts them back together (a test
//! checks it gives the glossary that was split). The app holds a corpus
//! embedded whole in the same parts, so it has one way to read the glossary.

use super::{Glossary, Occurrence, Term};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// About how many encoded bytes of uses a chunk holds before the next
/// starts (a document's uses of a term are never cut).
pub const CHUNK_BYTES: usize = 12 * 1024;

/// One use of a term, in a document the context names.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Use {
    /// The block id or note id.
    pub anchor: String,
    /// Start, in characters of the plain text.
    pub start: u32,
    /// End (exclusive), in characters.
    pub end: u32,
}

/// A document's uses of one term (in the glossary's order of them).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentUses {
    /// The document's id.
    pub doc: String,
    /// Its place in the catalogue (documents in id order), so the page of
    /// the catalogue naming it is known without the catalogue;
    /// `u32::MAX` for a document the corpus does not hold.
    pub ordinal: u32,
    /// The uses.
    pub uses: Vec<Use>,
}

/// A document's own uses of glossary terms: what its term marks need.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentTerms {
    /// Per term used, by its index in the glossary, in index order.
    pub terms: Vec<(u32, Vec<Use>)>,
}

/// How many chunks of uses share a group name. A chunk's file is named from
/// its group's name and its place in the group ([`uses_name`]), and a
/// group's name hashes its chunks' bytes: a rebuild that changes no chunk
/// of a group keeps the group's file names, one that changes a chunk renames
/// the group's (so a saved library downloads at most this many chunks again
/// per changed chunk).
pub const USES_GROUP: usize = 16;

/// The name of chunk `i` of the group named `group`: 16 hex digits, named
/// as the split index names a group's texts chunks
/// (`search::split::member_name`).
pub fn uses_name(group: &[u8; 8], i: usize) -> String {
    crate::search::split::hex(&crate::search::split::member_name(group, i))
}

/// A group's name from its chunks' encoded bytes, as the split index names
/// a group of texts chunks (`search::split::group_name`).
pub fn group_name(chunks: &[Vec<u8>]) -> Result<[u8; 8], postcard::Error> {
    crate::search::split::group_name(chunks)
}

/// Where the uses of a run of terms are: one chunk file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChunkRef {
    /// The file's name, under `<set>/glossary/` (from its group's:
    /// [`uses_name`]).
    pub name: String,
    /// The first term (glossary index) with uses in it.
    pub first: u32,
    /// The last term with uses in it.
    pub last: u32,
}

/// The glossary's terms without their uses, and where the uses are.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "Encoded", into = "Encoded")]
pub struct Lexicon {
    /// Every term, in the glossary's order, with `occurrences` empty and
    /// `count` kept.
    pub glossary: Glossary,
    /// The chunks of uses, in term order.
    pub chunks: Vec<ChunkRef>,
    /// The names of the chunks' groups, [`USES_GROUP`] chunks each, in
    /// order ([`Lexicon::name_chunks`]).
    pub groups: Vec<[u8; 8]>,
}

/// A lexicon as its file holds it: the chunks' runs of terms and their
/// groups' names, each chunk's own name derived from those.
#[derive(Serialize, Deserialize)]
struct Encoded {
    glossary: Glossary,
    groups: Vec<[u8; 8]>,
    runs: Vec<(u32, u32)>,
}

impl From<Lexicon> for Encoded {
    fn from(lexicon: Lexicon) -> Encoded {
        Encoded {
            glossary: lexicon.glossary,
            groups: lexicon.groups,
            runs: lexicon.chunks.iter().map(|c| (c.first, c.last)).collect(),
        }
    }
}

impl TryFrom<Encoded> for Lexicon {
    type Error = &'static str;
    fn try_from(file: Encoded) -> Result<Lexicon, &'static str> {
        if file.groups.len() != file.runs.len().div_ceil(USES_GROUP) {
            return Err("the glossary's chunk groups do not match its chunks");
        }
        let mut lexicon = Lexicon {
            glossary: file.glossary,
            chunks: file
                .runs
                .into_iter()
                .map(|(first, last)| ChunkRef {
                    name: String::new(),
                    first,
                    last,
                })
                .collect(),
            groups: file.groups,
        };
        lexicon.name_chunks();
        Ok(lexicon)
    }
}

/// A piece of one term's uses: some of its documents, in order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Piece {
    /// The term's index in the glossary.
    pub term: u32,
    /// Its documents' uses, continuing the previous chunk's piece of it.
    pub documents: Vec<DocumentUses>,
}

/// One chunk of uses: pieces of consecutive terms.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UsesChunk {
    /// The pieces, in term order.
    pub pieces: Vec<Piece>,
}

impl Lexicon {
    /// Name every chunk from its group's name ([`uses_name`]).
    pub fn name_chunks(&mut self) {
        for (i, chunk) in self.chunks.iter_mut().enumerate() {
            chunk.name = self
                .groups
                .get(i / USES_GROUP)
                .map_or_else(String::new, |group| uses_name(group, i % USES_GROUP));
        }
    }

    /// The chunks holding `term`'s uses, in order (empty for a term with
    /// none).
    pub fn chunks_of(&self, term: usize) -> std::ops::Range<usize> {
        chunks_of(&self.chunks, &self.glossary.terms, term)
    }
}

/// The chunks (of `chunks`, a lexicon's table for `terms`) holding `term`'s
/// uses, in order: each chunk whose terms run over it, unless it has none
/// (a term with uses inside a chunk's run has them all there).
pub fn chunks_of(chunks: &[ChunkRef], terms: &[Term], term: usize) -> std::ops::Range<usize> {
    if terms.get(term).is_none_or(|t| t.count == 0) {
        return 0..0;
    }
    let term = term as u32;
    let from = chunks.partition_point(|c| c.last < term);
    let to = chunks.partition_point(|c| c.first <= term);
    from..to.max(from)
}

impl UsesChunk {
    /// This chunk's piece of `term`'s uses.
    pub fn piece(&self, term: usize) -> Option<&Piece> {
        self.pieces.iter().find(|p| p.term as usize == term)
    }
}

impl DocumentTerms {
    /// The uses of the glossary's terms in document `doc`.
    pub fn of(glossary: &Glossary, doc: &str) -> DocumentTerms {
        let terms = glossary
            .terms
            .iter()
            .enumerate()
            .filter_map(|(i, t)| {
                let uses: Vec<Use> = t
                    .occurrences
                    .iter()
                    .filter(|o| o.doc == doc)
                    .map(use_of)
                    .collect();
                (!uses.is_empty()).then_some((i as u32, uses))
            })
            .collect();
        DocumentTerms { terms }
    }

    /// Every document's uses, in one pass over the glossary.
    pub fn all(glossary: &Glossary) -> HashMap<String, DocumentTerms> {
        let mut by_doc: HashMap<String, DocumentTerms> = HashMap::new();
        for (i, t) in glossary.terms.iter().enumerate() {
            for o in &t.occurrences {
                let terms = &mut by_doc.entry(o.doc.clone()).or_default().terms;
                match terms.last_mut() {
                    Some((term, uses)) if *term == i as u32 => uses.push(use_of(o)),
                    _ => terms.push((i as u32, vec![use_of(o)])),
                }
            }
        }
        by_doc
    }
}

fn use_of(o: &Occurrence) -> Use {
    Use {
        anchor: o.anchor.clone(),
        start: o.start,
        end: o.end,
    }
}

/// A term's uses grouped by document, keeping their order (a document
/// appears again if its uses are not consecutive).
fn by_document(term: &Term, ordinal: &dyn Fn(&str) -> u32) -> Vec<DocumentUses> {
    let mut out: Vec<DocumentUses> = Vec::new();
    for o in &term.occurrences {
        match out.last_mut() {
            Some(d) if d.doc == o.doc => d.uses.push(use_of(o)),
            _ => out.push(DocumentUses {
                doc: o.doc.clone(),
                ordinal: ordinal(&o.doc),
                uses: vec![use_of(o)],
            }),
        }
    }
    out
}

/// Roughly the encoded size of a document's uses.
fn weight(d: &DocumentUses) -> usize {
    d.doc.len() + 4 + d.uses.iter().map(|u| u.anchor.len() + 5).sum::<usize>()
}

/// Split a glossary into its lexicon (chunk names and groups left empty: the
/// caller names the files once encoded) and its chunks of uses. `documents` are
/// the corpus's document ids in catalogue (id) order.
pub fn split(glossary: &Glossary, documents: &[&str]) -> (Lexicon, Vec<UsesChunk>) {
    let ordinal = |id: &str| documents.binary_search(&id).map_or(u32::MAX, |i| i as u32);
    let mut chunks: Vec<UsesChunk> = Vec::new();
    let mut refs: Vec<ChunkRef> = Vec::new();
    let mut current = UsesChunk::default();
    let mut size = 0;
    let mut seal = |current: &mut UsesChunk, size: &mut usize| {
        if let (Some(first), Some(last)) = (current.pieces.first(), current.pieces.last()) {
            refs.push(ChunkRef {
                name: String::new(),
                first: first.term,
                last: last.term,
            });
            chunks.push(std::mem::take(current));
        }
        *size = 0;
    };
    for (i, term) in glossary.terms.iter().enumerate() {
        for d in by_document(term, &ordinal) {
            if size >= CHUNK_BYTES {
                seal(&mut current, &mut size);
            }
            size += weight(&d);
            match current.pieces.last_mut() {
                Some(p) if p.term == i as u32 => p.documents.push(d),
                _ => current.pieces.push(Piece {
                    term: i as u32,
                    documents: vec![d],
                }),
            }
        }
    }
    seal(&mut current, &mut size);
    let terms = glossary
        .terms
        .iter()
        .map(|t| Term {
            occurrences: Vec::new(),
            ..t.clone()
        })
        .collect();
    let lexicon = Lexicon {
        glossary: Glossary { terms },
        chunks: refs,
        groups: Vec::new(),
    };
    (lexicon, chunks)
}

/// The occurrences of one term held by these chunks' pieces of it, in order.
pub fn occurrences<'a>(
    term: usize,
    chunks: impl IntoIterator<Item = &'a UsesChunk>,
) -> Vec<Occurrence> {
    chunks
        .into_iter()
        .filter_map(|c| c.piece(term))
        .flat_map(|p| &p.documents)
        .flat_map(|d| {
            d.uses.iter().map(|u| Occurrence {
                doc: d.doc.clone(),
                anchor: u.anchor.clone(),
                start: u.start,
                end: u.end,
            })
        })
        .collect()
}

/// The glossary a lexicon and all its chunks (in order) were split from.
pub fn reassemble(lexicon: &Lexicon, chunks: &[UsesChunk]) -> Glossary {
    let mut glossary = lexicon.glossary.clone();
    for (i, term) in glossary.terms.iter_mut().enumerate() {
        let range = lexicon.chunks_of(i);
        term.occurrences = occurrences(i, chunks.get(range).unwrap_or_default());
    }
    glossary
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::glossary::TermKind;

    fn term(en: &str, docs: &[(&str, usize)]) -> Term {
        let occurrences: Vec<Occurrence> = docs
            .iter()
            .flat_map(|&(doc, n)| {
                (0..n).map(move |k| Occurrence {
                    doc: doc.into(),
                    anchor: format!("p{k}"),
                    start: k as u32,
                    end: k as u32 + 2,
                })
            })
            .collect();
        Term {
            zh: vec![format!("{en}詞")],
            en: en.into(),
            abbr: None,
            kind: TermKind::Concept,
            defined_at: None,
            count: occurrences.len() as u32,
            occurrences,
        }
    }

    #[test]
    fn a_dense_term_spans_chunks_and_every_use_comes_back_once() {
        let ids: Vec<String> = (0..3000).map(|i| format!("d{i:04}")).collect();
        let dense: Vec<(&str, usize)> = ids.iter().map(|d| (d.as_str(), 3)).collect();
        let glossary = Glossary {
            terms: vec![
                term("alpha", &[("d0001", 2), ("zz-gone", 1)]),
                term("beta", &dense),
                term("gamma", &[]),
                term("delta", &[("d0002", 1), ("d0001", 1), ("d0002", 1)]),
            ],
        };
        let sorted: Vec<&str> = ids.iter().map(String::as_str).collect();
        let (lexicon, chunks) = split(&glossary, &sorted);
        assert_eq!(lexicon.chunks.len(), chunks.len());
        assert!(chunks.len() > 3, "{} chunks", chunks.len());
        assert!(lexicon
            .glossary
            .terms
            .iter()
            .all(|t| t.occurrences.is_empty()));
        assert_eq!(lexicon.glossary.terms[1].count, 9000);
        assert_eq!(lexicon.chunks_of(0), 0..1);
        assert!(lexicon.chunks_of(1).len() > 2);
        assert!(lexicon.chunks_of(2).is_empty());
        assert_eq!(reassemble(&lexicon, &chunks), glossary);
        // Ordinals are catalogue places; a document not held has none.
        let alpha = &chunks[0].piece(0).unwrap().documents;
        assert_eq!((alpha[0].ordinal, alpha[1].ordinal), (1, u32::MAX));
        // Every chunk is about the target size.
        for c in &chunks {
            let bytes = postcard::to_allocvec(c).unwrap().len();
            assert!(bytes < 2 * CHUNK_BYTES, "{bytes} bytes");
        }
    }

    #[test]
    fn a_documents_terms_are_its_uses_of_each() {
        let glossary = Glossary {
            terms: vec![
                term("alpha", &[("a", 2), ("b", 1)]),
                term("beta", &[("b", 1)]),
            ],
        };
        let all = DocumentTerms::all(&glossary);
        assert_eq!(all.len(), 2);
        for id in ["a", "b", "c"] {
            let one = DocumentTerms::of(&glossary, id);
            assert_eq!(all.get(id).cloned().unwrap_or_default(), one, "{id}");
        }
        let b = DocumentTerms::of(&glossary, "b");
        assert_eq!(b.terms.iter().map(|t| t.0).collect::<Vec<_>>(), [0, 1]);
    }

    /// A lexicon of `n` chunks in groups named `g0`, `g1`, ...
    fn grouped(n: usize) -> Lexicon {
        let mut lexicon = Lexicon {
            glossary: Glossary {
                terms: vec![term("alpha", &[("a", 1)])],
            },
            chunks: (0..n as u32)
                .map(|i| ChunkRef {
                    name: String::new(),
                    first: i,
                    last: i + 1,
                })
                .collect(),
            groups: (0..n.div_ceil(USES_GROUP) as u8)
                .map(|g| [g, 0, 0, 0, 0, 0, 0, 1])
                .collect(),
        };
        lexicon.name_chunks();
        lexicon
    }

    #[test]
    fn its_file_names_groups_and_the_chunks_names_come_back_from_them() {
        let lexicon = grouped(2 * USES_GROUP + 3);
        let names: std::collections::HashSet<&str> =
            lexicon.chunks.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names.len(), lexicon.chunks.len(), "every name differs");
        assert!(names.iter().all(|n| n.len() == 16));
        let bytes = postcard::to_allocvec(&lexicon).unwrap();
        let back: Lexicon = postcard::from_bytes(&bytes).unwrap();
        assert_eq!(back, lexicon);
        // No chunk's name is in the file: 3 groups of 8 bytes, not 35 names.
        let name = lexicon.chunks[5].name.as_bytes();
        assert!(!bytes.windows(name.len()).any(|w| w == name));
        let without_chunks = postcard::to_allocvec(&grouped(0)).unwrap().len();
        assert!(
            bytes.len() - without_chunks < 3 * 9 + 35 * 3,
            "{}",
            bytes.len()
        );
    }

    #[test]
    fn groups_that_do_not_match_the_chunks_are_a_damaged_file() {
        let mut lexicon = grouped(USES_GROUP + 1);
        lexicon.groups.pop();
        let bytes = postcard::to_allocvec(&lexicon).unwrap();
        assert!(postcard::from_bytes::<Lexicon>(&bytes).is_err());
    }

    #[test]
    fn a_groups_name_follows_its_chunks_bytes() {
        let a = b"chunk a".to_vec();
        let b = b"chunk b".to_vec();
        let name = |chunks: &[Vec<u8>]| group_name(chunks).unwrap();
        assert_eq!(name(&[a.clone(), b.clone()]), name(&[a.clone(), b.clone()]));
        assert_ne!(name(&[a.clone(), b.clone()]), name(&[b.clone(), a.clone()]));
        assert_ne!(name(&[a.clone(), b.clone()]), name(&[a]));
        // Each chunk hashed on its own: the pieces cannot run into each other.
        assert_ne!(
            name(&[b"ab".to_vec(), b"c".to_vec()]),
            name(&[b"a".to_vec(), b"bc".to_vec()])
        );
        assert_ne!(uses_name(&[1; 8], 0), uses_name(&[1; 8], 1));
        assert_ne!(uses_name(&[1; 8], 0), uses_name(&[2; 8], 0));
    }
}
