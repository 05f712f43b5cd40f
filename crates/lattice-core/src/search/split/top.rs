//! Top lists: the first page of a dense query without its postings.
//!
//! A query of one very common term (`的`, `a`, a glossary term expanded to
//! its forms) would read count postings for most passages of the archive,
//! hundreds of kB at 10,000 documents, only to show 20 of them. Yet for a
//! query of one clause, which passages rank first depends only on the
//! clause's forms: every passage's score is a function of its count, length
//! and kind, the same at every search. So the build ranks them once, for
//! every clause a reader can type whose postings are dense, and stores a
//! [`Top`] file: the [`TOP`] best passages (what the score needs of each),
//! and the counts of the whole answer — passages, occurrences, and hits per
//! document for every document — exactly as the full postings give them.
//!
//! A top list is found through the count page that lists its clause's first
//! form (which a query fetches anyway), keyed by the clause's folded forms
//! in order, so a clause reads one only when it is the very clause that was
//! ranked. It answers a search of that one clause over the whole archive
//! (no document filter, every scope) for the first [`TOP`] hits; anything
//! else (a second clause, an exclusion, a filter, more hits) reads the
//! postings, as without it.

use super::counts::{self, exact, token, token_end, Counts};
use super::*;
use crate::search::{rank, Candidate, Query, SearchIndex};
use std::collections::{BTreeMap, HashMap, HashSet};

/// Passages kept, best first: ten pages of results.
pub(crate) const TOP: usize = 200;
/// A clause gets a top list when the count postings it reads hold at least
/// this many bytes (two postings chunks): a cheaper one is read whole...
pub(crate) const DENSE_BYTES: usize = 2 * build::CHUNK_BYTES;
/// ... and at least this many times its top list's: the list's hits per
/// document grow with the documents the clause is in, so a clause in many
/// documents but few passages each is better read whole.
const SAVING: usize = 4;

/// A top list file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub(crate) struct Top {
    /// The clause's folded forms, in order.
    pub(crate) key: Vec<String>,
    /// Passages with a hit.
    pub(crate) total: u32,
    /// Occurrences in them.
    pub(crate) occurrences: u64,
    /// Every document with a hit, in order: the gap from the previous
    /// document's number (the first: from 0) and its hits.
    pub(crate) documents: Vec<(u32, u32)>,
    /// The best passages, best first: passage, the clause's count (each
    /// form once per time it is listed), occurrences (each distinct form
    /// once) and length-and-kind.
    pub(crate) best: Vec<(u32, u32, u32, u32)>,
}

/// The folded forms of a query's only clause, when it has one and no
/// exclusion.
pub(crate) fn key_of(query: &Query) -> Option<Vec<String>> {
    match (query.clauses.as_slice(), query.excluded.is_empty()) {
        ([clause], true) => Some(
            clause
                .alternatives
                .iter()
                .map(|a| a.folded.clone())
                .collect(),
        ),
        _ => None,
    }
}

/// Whether a form is all letters and digits of spaced scripts.
fn is_word(folded: &str) -> bool {
    !folded.is_empty() && folded.chars().all(crate::search::is_spaced_word_char)
}

/// The count streams, sorted by term, read as a query reads them.
struct Streams<'a>(&'a [(String, Vec<u8>)]);

impl<'a> Streams<'a> {
    fn get(&self, t: &str) -> Option<&'a [u8]> {
        self.0
            .binary_search_by(|(k, _)| k.as_str().cmp(t))
            .ok()
            .map(|i| self.0[i].1.as_slice())
    }

    /// The streams a query sums for one folded form, as `Index::count_form`
    /// picks them; `None` when the form is found by its positions instead.
    fn sources(&self, folded: &str) -> Option<Vec<&'a [u8]>> {
        let n = folded.chars().count();
        if n == 0 {
            return None;
        }
        let t = exact(folded);
        if let Some(s) = self.get(&t) {
            return Some(vec![s]);
        }
        if n <= 2 {
            return Some(Vec::new());
        }
        if !is_word(folded) {
            return None;
        }
        let (lo, hi) = (token(folded), token_end(folded));
        let from = self.0.partition_point(|(k, _)| k.as_str() < lo.as_str());
        let to = self.0.partition_point(|(k, _)| k.as_str() <= hi.as_str());
        Some(self.0[from..to].iter().map(|(_, s)| s.as_slice()).collect())
    }
}

/// Per passage: a form's count and the passage's length-and-kind.
fn counted(sources: &[&[u8]]) -> Result<BTreeMap<u32, (u32, u32)>, SplitError> {
    let mut out = BTreeMap::new();
    for s in sources {
        let mut r = Counts::new(s);
        while let Some(c) = r.next_count().map_err(|()| SplitError::Encode)? {
            out.entry(c.passage).or_insert((0, c.len_kind)).0 += c.count;
        }
    }
    Ok(out)
}

/// The top lists of these queries (those of one clause whose postings are
/// dense), each once.
pub(crate) fn tops(
    index: &SearchIndex,
    streams: &[(String, Vec<u8>)],
    queries: impl IntoIterator<Item = Query>,
) -> Result<Vec<Top>, SplitError> {
    let streams = Streams(streams);
    let mut seen: HashSet<Vec<String>> = HashSet::new();
    let mut out = Vec::new();
    for query in queries {
        let Some(key) = key_of(&query) else { continue };
        if seen.contains(&key) {
            continue;
        }
        let mut distinct: Vec<&str> = key.iter().map(String::as_str).collect();
        distinct.sort_unstable();
        distinct.dedup();
        let Some(sources) = distinct
            .iter()
            .map(|f| streams.sources(f))
            .collect::<Option<Vec<_>>>()
        else {
            continue;
        };
        let bytes: usize = sources.iter().flatten().map(|s| s.len()).sum();
        if bytes < DENSE_BYTES {
            continue;
        }
        seen.insert(key.clone());
        let per_form: HashMap<&str, BTreeMap<u32, (u32, u32)>> = distinct
            .iter()
            .zip(&sources)
            .map(|(f, s)| Ok((*f, counted(s)?)))
            .collect::<Result<_, SplitError>>()?;
        let ranked = top(index, &query, &key, &per_form)?;
        let size = postcard::to_allocvec(&ranked)
            .map_err(|_| SplitError::Encode)?
            .len();
        if size * SAVING <= bytes {
            out.push(ranked);
        }
    }
    Ok(out)
}

/// One clause's top list from its forms' counts.
fn top(
    index: &SearchIndex,
    query: &Query,
    key: &[String],
    per_form: &HashMap<&str, BTreeMap<u32, (u32, u32)>>,
) -> Result<Top, SplitError> {
    // Per passage: the clause's count, occurrences, length-and-kind.
    let mut passages: BTreeMap<u32, (u32, u32, u32)> = BTreeMap::new();
    for f in key {
        for (&p, &(n, lk)) in &per_form[f.as_str()] {
            passages.entry(p).or_insert((0, 0, lk)).0 += n;
        }
    }
    for counts in per_form.values() {
        for (p, &(n, _)) in counts {
            if let Some(slot) = passages.get_mut(p) {
                slot.1 += n;
            }
        }
    }
    let mut documents: Vec<(u32, u32)> = Vec::new();
    let mut occurrences = 0u64;
    let mut candidates = Vec::with_capacity(passages.len());
    for (&p, &(tf, occ, lk)) in &passages {
        let passage = index.passages.get(p as usize).ok_or(SplitError::Encode)?;
        let d = u32::try_from(passage.document).map_err(|_| SplitError::Encode)?;
        match documents.last_mut() {
            Some((last, n)) if *last == d => *n += 1,
            _ => documents.push((d, 1)),
        }
        occurrences += u64::from(occ);
        let (chars, kind) = kind_len(lk).ok_or(SplitError::Encode)?;
        candidates.push(Candidate {
            passage: p as usize,
            document: passage.document,
            kind,
            score: rank::score(index.mean_chars, chars, kind, query, &[tf as usize]),
            occurrences: occ as usize,
        });
    }
    let key_of = |c: &Candidate| (c.kind, c.score, c.passage);
    crate::sort::sort_by(&mut candidates, |a, b| rank::order(key_of(a), key_of(b)));
    candidates.truncate(TOP);
    let mut previous = 0;
    let documents = documents
        .into_iter()
        .map(|(d, n)| {
            let gap = d - previous;
            previous = d;
            (gap, n)
        })
        .collect();
    Ok(Top {
        key: key.to_vec(),
        total: u32::try_from(passages.len()).map_err(|_| SplitError::Encode)?,
        occurrences,
        documents,
        best: candidates
            .iter()
            .map(|c| {
                let (tf, occ, lk) = passages[&(c.passage as u32)];
                (c.passage as u32, tf, occ, lk)
            })
            .collect(),
    })
}

/// The hits per document of a top list, as (document number, hits).
pub(crate) fn per_document(top: &Top) -> Option<Vec<(usize, usize)>> {
    let mut at = 0u32;
    top.documents
        .iter()
        .map(|&(gap, n)| {
            at = at.checked_add(gap)?;
            Some((at as usize, n as usize))
        })
        .collect()
}

/// The candidates a top list shows, best first: its first `limit`, with
/// their documents and scores for `query`.
pub(crate) fn best(
    top: &Top,
    query: &Query,
    mean_chars: f32,
    documents: impl Fn(u32) -> usize,
    limit: usize,
) -> Option<Vec<Candidate>> {
    top.best
        .iter()
        .take(limit)
        .map(|&(p, tf, occ, lk)| {
            let (chars, kind) = kind_len(lk)?;
            Some(Candidate {
                passage: p as usize,
                document: documents(p),
                kind,
                score: rank::score(mean_chars, chars, kind, query, &[tf as usize]),
                occurrences: occ as usize,
            })
        })
        .collect()
}

/// The queries a reader can type whose clause the build should rank: each
/// character, bigram and Latin word typed alone (`parse_query` of it gives
/// that very form) and each glossary form as the pipeline expands it.
pub(crate) fn candidate_queries<'a>(
    streams: &'a [(String, Vec<u8>)],
    glossary: Option<&'a crate::glossary::Glossary>,
) -> impl Iterator<Item = Query> + 'a {
    let typed = streams.iter().filter_map(|(t, s)| {
        // Only dense streams can make a dense clause alone.
        if s.len() < DENSE_BYTES {
            return None;
        }
        let form = t.strip_prefix(counts::EXACT)?;
        let q = crate::search::parse_query(form);
        (key_of(&q)? == [form.to_string()]).then_some(q)
    });
    let words = streams.iter().filter_map(|(t, _)| {
        let form = t.strip_prefix(counts::TOKEN)?;
        let q = crate::search::parse_query(form);
        (key_of(&q)? == [form.to_string()]).then_some(q)
    });
    let expanded = glossary.into_iter().flat_map(|g| {
        g.terms.iter().flat_map(move |t| {
            t.forms()
                .map(move |f| crate::search::pipeline::prepare(f, Some(g)))
                .collect::<Vec<_>>()
        })
    });
    typed.chain(words).chain(expanded)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::{parse_query, Passage, PassageKind};

    fn index(texts: &[&str]) -> SearchIndex {
        SearchIndex {
            documents: (0..texts.len().div_ceil(100))
                .map(|d| format!("d{d}"))
                .collect(),
            passages: texts
                .iter()
                .enumerate()
                .map(|(i, t)| Passage {
                    document: i / 100,
                    target: format!("p{i}"),
                    kind: PassageKind::Paragraph,
                    text: t.to_string(),
                    folded: crate::fold::fold(t),
                    chars: t.chars().count() as u32,
                    label: None,
                })
                .collect(),
            mean_chars: 10.0,
        }
    }

    #[test]
    fn a_top_list_ranks_and_counts_the_whole_answer() {
        // Dense: 20,000 passages hold it (about 45 kB of count postings),
        // in 200 documents.
        let texts: Vec<String> = (0..20_000)
            .map(|i| "的".repeat(1 + i % 5) + &"x".repeat(i % 7))
            .collect();
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let idx = index(&refs);
        let streams = counts::streams(&idx, &[]).unwrap();
        let q = parse_query("的");
        let ranked = tops(&idx, &streams, [q.clone()]).unwrap();
        let [t] = ranked.as_slice() else {
            panic!("one top list, got {}", ranked.len())
        };
        assert_eq!(t.key, vec!["的".to_string()]);
        assert_eq!(t.total, 20_000);
        assert_eq!(
            t.occurrences,
            (0..20_000u64).map(|i| 1 + i % 5).sum::<u64>()
        );
        assert_eq!(
            per_document(t).unwrap(),
            (0..200).map(|d| (d, 100)).collect::<Vec<_>>()
        );
        assert_eq!(t.best.len(), TOP);
        // Best first: five 的 and no padding (the shortest such passages).
        assert_eq!(t.best[0].1, 5);
        let shown = best(t, &q, idx.mean_chars, |p| p as usize / 100, 20).unwrap();
        let memory = crate::search::search(
            &idx,
            &q,
            &crate::search::SearchOptions {
                limit: Some(20),
                ..Default::default()
            },
        );
        let passages: Vec<usize> = shown.iter().map(|c| c.passage).collect();
        let want: Vec<usize> = memory.hits.iter().map(|h| h.passage).collect();
        assert_eq!(passages, want);
        // A clause of two (no single ranking) or a sparse one gets none.
        assert!(
            tops(&idx, &streams, [parse_query("的 x"), parse_query("zz")])
                .unwrap()
                .is_empty()
        );
    }
}
