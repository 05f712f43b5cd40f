//! Answering a query from a split index: [`attempt`] is a pure step that
//! either answers from the files fetched so far or names the files it needs
//! next (all of one stage at once); [`search`] drives it with a [`Reader`].
//!
//! Ranking and the exact counts need, per passage, how often each form
//! occurs and the passage's length and kind — not where. So each distinct
//! folded form of the query is counted from count postings (`counts.rs`):
//! a form of one or two characters, or one precomputed at build time (a
//! glossary form), from its own; a Latin word from the words it prefixes.
//! Only a longer form with no posting of its own is found by positions:
//! its covering bigrams, the one spanning the fewest chunks first, the
//! others only in the chunks holding the passages still in the running
//! (or, when fewer bytes, checked against the texts). After the first
//! clause every form is read only in the passages still in the running.
//! Where a shown hit's matches are is worked out from its text, which it
//! shows anyway, by the in-memory matcher; ranking, counting and cutting to
//! the limit are the in-memory index's own functions, so both answer alike.
//! A query of one dense clause over the whole archive reads, instead of its
//! postings, the clause's top list when the build ranked it (`top.rs`): the
//! same first hits and counts, ranked by the same functions ahead of time.

use super::build::{CHUNK_BYTES, DOCS_PER_CHUNK, PAGE_TEXTS, TEXT_PASSAGES};
use super::counts::{exact, token, token_end, Counts};
use super::files::{file_name, Files, Reader};
use super::stream::Entries;
use super::top::{self, Top, TOP};
use super::*;
use crate::fold::{fold, fold_char};
use crate::search::matcher::{self, Form};
use crate::search::{
    forms_in, is_spaced_word_char, rank, snippet, tally, Candidate, Hit, PassageKind, Query,
    Results, Scope, SearchOptions, Tally,
};
use serde::de::DeserializeOwned;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::ops::Range;

/// Candidates this few are always checked against their texts (which the
/// shown hits need anyway).
const VERIFY_PASSAGES: usize = 16;
/// About how many bytes a texts chunk is (4 passages of ~150 characters).
const TEXT_CHUNK_ESTIMATE: usize = 2 * 1024;

/// What a search over a split index found.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Split {
    /// Hits (with document ids and snippets) and counts; `per_document` is
    /// filled only when asked for every document's id.
    pub results: Results,
    /// Hits per document number (corpus order), before the limit.
    pub per_document: Vec<(usize, usize)>,
    /// Each hit's passage text, in hit order.
    pub texts: Vec<String>,
    /// Each hit's document number, in hit order (corpus order is id order,
    /// the catalogue's: entry `d` is on catalogue page `d / PER_PAGE`).
    pub documents: Vec<usize>,
}

/// The outcome of one [`attempt`].
#[derive(Clone, Debug, PartialEq)]
pub enum Step {
    /// The answer.
    Done(Split),
    /// Fetch these files, then attempt again.
    Fetch(Vec<String>),
}

/// Why an attempt stopped.
enum Stop {
    Fetch(Vec<String>),
    Fail(SplitError),
}

impl From<SplitError> for Stop {
    fn from(e: SplitError) -> Self {
        Stop::Fail(e)
    }
}

/// Run `query` against the files fetched so far: the answer, or the files
/// needed next. `all_ids` also resolves the id of every document with a hit
/// (for `Results::per_document`), which fetches a documents chunk per 256
/// documents hit; otherwise only the shown hits' documents are fetched.
pub fn attempt(
    files: &Files,
    query: &Query,
    options: &SearchOptions,
    all_ids: bool,
) -> Result<Step, SplitError> {
    match run(files, query, options, all_ids) {
        Ok(split) => Ok(Step::Done(split)),
        Err(Stop::Fetch(names)) => Ok(Step::Fetch(names)),
        Err(Stop::Fail(e)) => Err(e),
    }
}

/// Search through `reader`, fetching what each step needs; the answer and
/// the files fetched (for their count and bytes).
pub fn search(
    reader: &impl Reader,
    query: &Query,
    options: &SearchOptions,
    all_ids: bool,
) -> Result<(Split, Files), SplitError> {
    let mut files = Files::default();
    loop {
        match attempt(&files, query, options, all_ids)? {
            Step::Done(split) => return Ok((split, files)),
            Step::Fetch(names) => {
                for name in names {
                    let bytes = reader.fetch(&name)?;
                    files.insert(name, bytes);
                }
            }
        }
    }
}

/// The decoded files of one stage, or every one of them still missing.
fn need<T: DeserializeOwned>(files: &Files, names: &[String]) -> Result<Vec<T>, Stop> {
    let missing: Vec<String> = names
        .iter()
        .filter(|n| files.get(n).is_none())
        .cloned()
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    if !missing.is_empty() {
        return Err(Stop::Fetch(missing));
    }
    names
        .iter()
        .map(|n| {
            let bytes = files.get(n).unwrap_or_default();
            postcard::from_bytes(bytes).map_err(|_| {
                Stop::Fail(SplitError::Damaged {
                    name: n.to_string(),
                })
            })
        })
        .collect()
}

/// Occurrences of a form or clause: per passage, its length-and-kind and the
/// matches (start, length in chars, form).
type Found = BTreeMap<u32, (u32, Vec<(u32, u32, Form)>)>;

/// Candidate starts of a form per passage: (passage, its length-and-kind,
/// starts ascending), passages ascending. Sorted vectors rather than maps of
/// sets: a dense bigram gives thousands of passages, and a keystroke builds,
/// intersects and drops them all (at 10,000 documents the maps' allocations
/// and drops were most of a warm keystroke).
type Starts = Vec<(u32, u32, Vec<u32>)>;
/// Chunk bounds, each with the bound after it (`None`: the end).
type Covered = Vec<(Bound, Option<(u64, u32)>)>;
/// Entries: (key, passage, length-and-kind, positions).
type Postings = Vec<(u64, u32, u32, Vec<(u32, bool)>)>;
/// Count chunk bounds, each with the bound after it (`None`: the end).
type TermCovered = Vec<(TermBound, Option<(String, u32)>)>;
/// Per passage: how often a form occurs, and the passage's length-and-kind.
type Counted = BTreeMap<u32, (u32, u32)>;

/// Whether a form is all letters and digits of spaced scripts (a Latin
/// word): it occurs where a word starts with it.
fn is_word(folded: &str) -> bool {
    !folded.is_empty() && folded.chars().all(is_spaced_word_char)
}

struct Index<'a> {
    files: &'a Files,
    meta: Meta,
}

impl Index<'_> {
    /// Chunk bounds covering keys `lo..=hi`, each with the bound after it
    /// (`None`: the end), fetching the pages they are listed in.
    fn chunk_bounds(&self, lo: u64, hi: u64) -> Result<Covered, Stop> {
        let pages = &self.meta.pages;
        let wanted = self.pages_for(lo, hi);
        let names: Vec<String> = wanted.iter().map(|&i| file_name(&pages[i].file)).collect();
        let decoded: Vec<Page> = need(self.files, &names)?;
        let mut out = Vec::new();
        for (page, &i) in decoded.iter().zip(&wanted) {
            for (j, c) in page.chunks.iter().enumerate() {
                let next = page
                    .chunks
                    .get(j + 1)
                    .map(Bound::at)
                    .or_else(|| pages.get(i + 1).map(Bound::at));
                if c.at() <= (hi, u32::MAX) && next.is_none_or(|n| n > (lo, 0)) {
                    out.push((*c, next));
                }
            }
        }
        Ok(out)
    }

    /// The numbers of the pages listing chunks of keys `lo..=hi`.
    fn pages_for(&self, lo: u64, hi: u64) -> Vec<usize> {
        let pages = &self.meta.pages;
        let mut wanted = Vec::new();
        for (i, p) in pages.iter().enumerate() {
            let next = pages.get(i + 1).map(Bound::at);
            if p.at() <= (hi, u32::MAX) && next.is_none_or(|n| n > (lo, 0)) {
                wanted.push(i);
            }
        }
        wanted
    }

    /// The numbers of the count pages listing chunks of terms `lo..=hi`.
    fn term_pages_for(&self, lo: &str, hi: &str) -> Vec<usize> {
        let pages = &self.meta.terms;
        let mut wanted = Vec::new();
        for (i, p) in pages.iter().enumerate() {
            let next = pages.get(i + 1);
            if (p.term.as_str(), p.passage) <= (hi, u32::MAX)
                && next.is_none_or(|n| (n.term.as_str(), n.passage) > (lo, 0))
            {
                wanted.push(i);
            }
        }
        wanted
    }

    /// Count chunk bounds covering terms `lo..=hi`, each with the bound
    /// after it (`None`: the end), fetching the pages they are listed in.
    fn term_bounds(&self, lo: &str, hi: &str) -> Result<TermCovered, Stop> {
        let pages = &self.meta.terms;
        let wanted = self.term_pages_for(lo, hi);
        let names: Vec<String> = wanted.iter().map(|&i| file_name(&pages[i].file)).collect();
        let decoded: Vec<TermPage> = need(self.files, &names)?;
        let mut out = Vec::new();
        for (page, &i) in decoded.into_iter().zip(&wanted) {
            let after_page = pages.get(i + 1).map(|b| (b.term.clone(), b.passage));
            let mut chunks = page.chunks.into_iter().peekable();
            while let Some(c) = chunks.next() {
                let next = chunks
                    .peek()
                    .map(|n| (n.term.clone(), n.passage))
                    .or_else(|| after_page.clone());
                if (c.term.as_str(), c.passage) <= (hi, u32::MAX)
                    && next
                        .as_ref()
                        .is_none_or(|(t, p)| (t.as_str(), *p) > (lo, 0))
                {
                    out.push((c, next));
                }
            }
        }
        Ok(out)
    }

    /// Fetch, in one round, every count page the query's forms need.
    fn prefetch_terms(&self, query: &Query) -> Result<(), Stop> {
        let mut numbers = BTreeSet::new();
        for clause in query.clauses.iter().chain(&query.excluded) {
            for alt in clause.alternatives.iter() {
                let t = exact(&alt.folded);
                numbers.extend(self.term_pages_for(&t, &t));
                if is_word(&alt.folded) {
                    numbers
                        .extend(self.term_pages_for(&token(&alt.folded), &token_end(&alt.folded)));
                }
            }
        }
        let names: Vec<String> = numbers
            .into_iter()
            .map(|i| file_name(&self.meta.terms[i].file))
            .collect();
        need::<TermPage>(self.files, &names)?;
        Ok(())
    }

    /// Whether term `t` has a posting (possibly empty).
    fn has_term(&self, t: &str) -> Result<bool, Stop> {
        let bounds = self.term_bounds(t, t)?;
        if bounds.iter().any(|(b, _)| b.term == t) {
            return Ok(true);
        }
        // Otherwise all of it, if anything, is inside the one chunk
        // spanning it.
        let Some((b, _)) = bounds.first() else {
            return Ok(false);
        };
        let chunk: Vec<TermChunk> = need(self.files, &[file_name(&b.file)])?;
        Ok(chunk.iter().any(|c| c.keys.iter().any(|(k, _)| k == t)))
    }

    /// Counts of terms `lo..=hi`, summed per passage, only for passages in
    /// `filter` when given.
    fn term_counts(
        &self,
        lo: &str,
        hi: &str,
        filter: Option<&BTreeSet<u32>>,
    ) -> Result<Counted, Stop> {
        let bounds = self.term_bounds(lo, hi)?;
        let chosen: Vec<String> = bounds
            .iter()
            .filter(|(b, next)| match filter {
                // Passage bounds say something only within one term.
                Some(f) if lo == hi => {
                    let from = if b.term.as_str() >= lo { b.passage } else { 0 };
                    let to = match next {
                        Some((t, p)) if t.as_str() <= hi => *p,
                        _ => u32::MAX,
                    };
                    f.range(from..=to).next().is_some()
                }
                _ => true,
            })
            .map(|(b, _)| file_name(&b.file))
            .collect();
        let chunks: Vec<TermChunk> = need(self.files, &chosen)?;
        let mut out = Counted::new();
        for (chunk, name) in chunks.iter().zip(&chosen) {
            for (t, stream) in &chunk.keys {
                if t.as_str() < lo || t.as_str() > hi {
                    continue;
                }
                let mut entries = Counts::new(stream);
                while let Some(e) = entries
                    .next_count()
                    .map_err(|()| SplitError::Damaged { name: name.clone() })?
                {
                    if filter.is_none_or(|f| f.contains(&e.passage)) {
                        let slot = out.entry(e.passage).or_insert((0, e.len_kind));
                        slot.0 += e.count;
                    }
                }
            }
        }
        Ok(out)
    }

    /// How often one folded form occurs per passage (in `filter`'s passages
    /// if given), with each passage's length and kind.
    fn count_form(&self, folded: &str, filter: Option<&BTreeSet<u32>>) -> Result<Counted, Stop> {
        let n = folded.chars().count();
        if n == 0 {
            return Ok(Counted::new());
        }
        let t = exact(folded);
        if n <= 2 || self.has_term(&t)? {
            return self.term_counts(&t, &t, filter);
        }
        if is_word(folded) {
            return self.term_counts(&token(folded), &token_end(folded), filter);
        }
        let found = self.form(folded, (0, 0), filter)?;
        Ok(found
            .into_iter()
            .map(|(p, (lk, m))| (p, (u32::try_from(m.len()).unwrap_or(u32::MAX), lk)))
            .collect())
    }

    /// How many chunks hold key `k` (its cost, to pick the cheapest first).
    fn cost(&self, k: u64) -> Result<usize, Stop> {
        Ok(self.chunk_bounds(k, k)?.len())
    }

    /// Entries of keys `lo..=hi`, only for passages in `filter` when given:
    /// (key, passage, len-kind, positions).
    fn postings(&self, lo: u64, hi: u64, filter: Option<&BTreeSet<u32>>) -> Result<Postings, Stop> {
        let chosen = self.chunks_for(lo, hi, filter)?;
        let chunks: Vec<Chunk> = need(self.files, &chosen)?;
        self.postings_inner(lo, hi, filter, chosen, chunks)
    }

    /// The postings chunks holding keys `lo..=hi` (only those that can hold
    /// a passage of `filter`, for one key).
    fn chunks_for(
        &self,
        lo: u64,
        hi: u64,
        filter: Option<&BTreeSet<u32>>,
    ) -> Result<Vec<String>, Stop> {
        let bounds = self.chunk_bounds(lo, hi)?;
        Ok(bounds
            .iter()
            .filter(|(b, next)| match filter {
                // Passage bounds say something only within one key.
                Some(f) if lo == hi => {
                    // Passages of the key range this chunk can hold.
                    let from = if b.key >= lo { b.passage } else { 0 };
                    let to = match next {
                        Some((k, p)) if *k <= hi => *p,
                        _ => u32::MAX,
                    };
                    f.range(from..=to).next().is_some()
                }
                _ => true,
            })
            .map(|(b, _)| file_name(&b.file))
            .collect())
    }

    /// Entries of keys `lo..=hi`, only for passages in `filter` when given:
    /// (key, passage, len-kind, positions).
    fn postings_inner(
        &self,
        lo: u64,
        hi: u64,
        filter: Option<&BTreeSet<u32>>,
        chosen: Vec<String>,
        chunks: Vec<Chunk>,
    ) -> Result<Postings, Stop> {
        let mut out = Vec::new();
        for (chunk, name) in chunks.iter().zip(&chosen) {
            for (k, stream) in &chunk.keys {
                if *k < lo || *k > hi {
                    continue;
                }
                let mut entries = Entries::new(stream);
                loop {
                    let e = entries
                        .next_entry()
                        .map_err(|()| SplitError::Damaged { name: name.clone() })?;
                    let Some(e) = e else { break };
                    if filter.is_none_or(|f| f.contains(&e.passage)) {
                        out.push((*k, e.passage, e.len_kind, e.positions));
                    }
                }
            }
        }
        Ok(out)
    }

    /// Every occurrence of one folded form, in `filter`'s passages if given.
    fn form(
        &self,
        folded: &str,
        form: Form,
        filter: Option<&BTreeSet<u32>>,
    ) -> Result<Found, Stop> {
        let chars: Vec<char> = folded.chars().collect();
        let Some(&first) = chars.first() else {
            return Ok(Found::new());
        };
        let word_start = is_spaced_word_char(first);
        let len = u32::try_from(chars.len()).unwrap_or(u32::MAX);
        let mut found = Found::new();
        // One or two characters are counted, never looked for by position.
        if chars.len() < 2 {
            return Ok(found);
        }
        let offsets = covering_offsets(chars.len());
        let mut costed = Vec::new();
        for &o in &offsets {
            let k = key(chars[o], Some(chars[o + 1]));
            costed.push((self.cost(k)?, o, k));
        }
        costed.sort_unstable();
        // Candidate starts per passage, narrowed bigram by bigram.
        let mut starts: Option<Starts> = None;
        let keys: Vec<u64> = costed.iter().map(|&(_, _, k)| k).collect();
        for (done, (_, o, k)) in costed.into_iter().enumerate() {
            let o32 = u32::try_from(o).unwrap_or(u32::MAX);
            let narrowed: Option<BTreeSet<u32>> =
                starts.as_ref().map(|s| s.iter().map(|c| c.0).collect());
            let filter_here = narrowed.as_ref().or(filter);
            let mut next: Starts = Vec::new();
            for (_, passage, lk, positions) in self.postings(k, k, filter_here)? {
                // Positions ascend, so these starts do too.
                let here = positions
                    .iter()
                    .filter(|&&(p, after_word)| p >= o32 && !(o == 0 && word_start && after_word))
                    .map(|&(p, _)| p - o32);
                let kept: Vec<u32> = match &starts {
                    None => here.collect(),
                    Some(s) => match s.binary_search_by_key(&passage, |c| c.0) {
                        Ok(i) => intersect(&s[i].2, here),
                        Err(_) => continue,
                    },
                };
                if !kept.is_empty() {
                    next.push((passage, lk, kept));
                }
            }
            // Chunks come in passage order; a stable sort of sorted input
            // is one pass, and keeps the binary search right if not.
            next.sort_by_key(|c| c.0);
            if next.is_empty() {
                return Ok(Found::new());
            }
            // When the candidates' texts cost less than the postings still
            // to fetch, check the texts instead.
            if done + 1 < keys.len() && self.texts_are_cheaper(&next, &keys[done + 1..])? {
                next = self.verify(next, &chars, word_start)?;
                starts = Some(next);
                break;
            }
            starts = Some(next);
        }
        for (passage, lk, s) in starts.unwrap_or_default() {
            found.insert(
                passage,
                (lk, s.into_iter().map(|p| (p, len, form)).collect()),
            );
        }
        Ok(found)
    }

    /// Whether fetching the texts of these candidates costs fewer bytes than
    /// the chunks of the next of `keys` that hold them (estimated: a texts chunk is about
    /// [`TEXT_CHUNK_ESTIMATE`] bytes, a postings chunk [`CHUNK_BYTES`]).
    fn texts_are_cheaper(&self, candidates: &Starts, keys: &[u64]) -> Result<bool, Stop> {
        if candidates.len() <= VERIFY_PASSAGES {
            return Ok(true);
        }
        let passages: BTreeSet<u32> = candidates.iter().map(|c| c.0).collect();
        let text_chunks: BTreeSet<usize> = passages
            .iter()
            .map(|&p| p as usize / TEXT_PASSAGES)
            .collect();
        // The next bigram's chunks only: it may narrow the candidates, so
        // the ones after it would cost less. What was fetched in an earlier
        // round counts too, so every round of an attempt decides alike.
        let Some(&next) = keys.first() else {
            return Ok(false);
        };
        let postings = self.chunks_for(next, next, Some(&passages))?.len() * CHUNK_BYTES;
        Ok(text_chunks.len() * TEXT_CHUNK_ESTIMATE <= postings)
    }

    /// Keep the candidate starts where the passage's folded text holds the
    /// form (at a word start, for a Latin form).
    fn verify(&self, starts: Starts, form: &[char], word_start: bool) -> Result<Starts, Stop> {
        let wanted: BTreeSet<usize> = starts.iter().map(|c| c.0 as usize).collect();
        let texts = self.texts(&wanted)?;
        let mut out = Starts::new();
        for (passage, lk, candidates) in starts {
            let p = passage as usize;
            let Some(TextPassage { text, .. }) = texts
                .get(&(p / TEXT_PASSAGES))
                .and_then(|t| t.passages.get(p % TEXT_PASSAGES))
            else {
                return Err(Stop::Fail(SplitError::Damaged {
                    name: "texts".to_string(),
                }));
            };
            let folded: Vec<char> = text.chars().map(fold_char).collect();
            let kept: Vec<u32> = candidates
                .into_iter()
                .filter(|&s| {
                    let s = s as usize;
                    folded.get(s..s + form.len()) == Some(form)
                        && !(word_start && s > 0 && is_spaced_word_char(folded[s - 1]))
                })
                .collect();
            if !kept.is_empty() {
                out.push((passage, lk, kept));
            }
        }
        Ok(out)
    }

    /// The top list answering `query` (one clause, over the whole archive,
    /// at most as many hits as it holds), if the build ranked that clause.
    fn top(&self, query: &Query, options: &SearchOptions) -> Result<Option<Top>, Stop> {
        let (Some(limit), None, Scope::All) = (options.limit, &options.document, options.scope)
        else {
            return Ok(None);
        };
        let Some(key) = top::key_of(query) else {
            return Ok(None);
        };
        let Some(first) = key.first() else {
            return Ok(None);
        };
        let starts = self.meta.terms.iter().map(|b| (b.term.as_str(), b.passage));
        let Some(n) = term_page(starts, &exact(first)) else {
            return Ok(None);
        };
        let page_name = file_name(&self.meta.terms[n].file);
        let page: Vec<TermPage> = need(self.files, std::slice::from_ref(&page_name))?;
        let Some((_, name)) = page.iter().flat_map(|p| &p.tops).find(|(k, _)| *k == key) else {
            return Ok(None);
        };
        let name = file_name(name);
        let Some(found) = need::<Top>(self.files, std::slice::from_ref(&name))?.pop() else {
            return Ok(None);
        };
        if found.key != key || found.best.len() > TOP {
            return Err(Stop::Fail(SplitError::Damaged { name }));
        }
        // More hits than it ranked: the postings say.
        if limit > found.best.len() && found.best.len() < found.total as usize {
            return Ok(None);
        }
        Ok(Some(found))
    }

    /// A top list's answer, as [`tally`] gives it from every candidate.
    fn top_tally(&self, found: &Top, query: &Query, limit: usize) -> Result<Tally, Stop> {
        let damaged = || {
            Stop::Fail(SplitError::Damaged {
                name: "top list".to_string(),
            })
        };
        let shown = found.best.len().min(limit);
        let mut passages: Vec<u32> = found.best[..shown].iter().map(|b| b.0).collect();
        passages.sort_unstable();
        let documents: HashMap<u32, usize> = passages
            .iter()
            .copied()
            .zip(self.documents_of(&passages))
            .collect();
        let best = top::best(
            found,
            query,
            self.meta.mean_chars,
            |p| documents.get(&p).copied().unwrap_or(usize::MAX),
            limit,
        )
        .ok_or_else(damaged)?;
        let per_document = top::per_document(found).ok_or_else(damaged)?;
        if best
            .iter()
            .any(|c| c.document >= self.meta.passage_counts.len())
        {
            return Err(damaged());
        }
        Ok(Tally {
            best,
            per_document,
            total: found.total as usize,
            occurrences: usize::try_from(found.occurrences).map_err(|_| damaged())?,
        })
    }

    /// The document a passage is in, from the passage counts.
    fn documents_of(&self, passages: &[u32]) -> Vec<usize> {
        // `passages` ascending: walk the counts once.
        let mut out = Vec::with_capacity(passages.len());
        let (mut doc, mut end) = (0usize, 0u64);
        let counts = &self.meta.passage_counts;
        for &p in passages {
            while doc < counts.len() && u64::from(p) >= end + u64::from(counts[doc]) {
                end += u64::from(counts[doc]);
                doc += 1;
            }
            out.push(doc);
        }
        out
    }

    fn first_passage(&self, doc: usize) -> u32 {
        self.meta.passage_counts[..doc.min(self.meta.passage_counts.len())]
            .iter()
            .sum()
    }

    /// The ids of these documents.
    fn ids(&self, docs: &BTreeSet<usize>) -> Result<BTreeMap<usize, String>, Stop> {
        let chunk_numbers: BTreeSet<usize> = docs.iter().map(|d| d / DOCS_PER_CHUNK).collect();
        let names = self.names(&self.meta.docs, &chunk_numbers)?;
        let chunks: Vec<DocChunk> = need(self.files, &names)?;
        let mut out = BTreeMap::new();
        for (n, chunk) in chunk_numbers.iter().zip(chunks) {
            for (i, id) in chunk.ids.into_iter().enumerate() {
                let d = n * DOCS_PER_CHUNK + i;
                if docs.contains(&d) {
                    out.insert(d, id);
                }
            }
        }
        Ok(out)
    }

    /// File names `numbers` of a list, or damage if one is absent.
    fn names(&self, list: &[Name], numbers: &BTreeSet<usize>) -> Result<Vec<String>, Stop> {
        numbers
            .iter()
            .map(|&n| {
                list.get(n)
                    .map(file_name)
                    .ok_or(Stop::Fail(SplitError::Damaged {
                        name: META.to_string(),
                    }))
            })
            .collect()
    }

    /// The texts chunks holding these passages, by chunk number.
    fn texts(&self, passages: &BTreeSet<usize>) -> Result<BTreeMap<usize, Texts>, Stop> {
        let chunk_numbers: BTreeSet<usize> = passages.iter().map(|p| p / TEXT_PASSAGES).collect();
        let page_numbers: BTreeSet<usize> = chunk_numbers.iter().map(|c| c / PAGE_TEXTS).collect();
        let page_names = self.names(&self.meta.text_pages, &page_numbers)?;
        let pages: Vec<TextPage> = need(self.files, &page_names)?;
        let pages: BTreeMap<usize, TextPage> = page_numbers.into_iter().zip(pages).collect();
        let mut names = Vec::new();
        for &c in &chunk_numbers {
            let name = pages
                .get(&(c / PAGE_TEXTS))
                .and_then(|p| p.chunks.get(c % PAGE_TEXTS))
                .ok_or(SplitError::Damaged {
                    name: "texts page".to_string(),
                })?;
            names.push(file_name(name));
        }
        let chunks: Vec<Texts> = need(self.files, &names)?;
        Ok(chunk_numbers.into_iter().zip(chunks).collect())
    }
}

/// The values of `a` (ascending) that `b` (ascending) holds too.
fn intersect(a: &[u32], b: impl Iterator<Item = u32>) -> Vec<u32> {
    let mut out = Vec::new();
    let mut a = a.iter().copied().peekable();
    for x in b {
        while a.next_if(|&y| y < x).is_some() {}
        match a.peek() {
            Some(&y) if y == x => {
                out.push(x);
                a.next();
            }
            Some(_) => {}
            None => break,
        }
    }
    out
}

/// Offsets of the bigrams that cover a form of `len` (≥ 2) characters:
/// 0, 2, 4, … and the last.
fn covering_offsets(len: usize) -> Vec<usize> {
    let mut offsets: Vec<usize> = (0..len.saturating_sub(1)).step_by(2).collect();
    if len >= 2 && offsets.last() != Some(&(len - 2)) {
        offsets.push(len - 2);
    }
    offsets
}

/// Every passage the query finds, counted and ranked, cut to the limit:
/// from the postings of each of its forms. `None`: nothing found.
fn every_candidate(
    index: &Index,
    query: &Query,
    options: &SearchOptions,
) -> Result<Option<Tally>, Stop> {
    // A document filter: that document's passages, found by its id.
    let mut filter: Option<BTreeSet<u32>> = None;
    if let Some(id) = &options.document {
        let all: BTreeSet<usize> = (0..index.meta.passage_counts.len()).collect();
        let ids = index.ids(&all)?;
        let Some((&d, _)) = ids.iter().find(|(_, e)| *e == id) else {
            return Ok(None);
        };
        let start = index.first_passage(d);
        filter = Some((start..start + index.meta.passage_counts[d]).collect());
    }
    // Each distinct folded form's counts, read once (in the passages still
    // in the running when it was first needed, a superset of the final
    // ones).
    let mut counted: HashMap<&str, Counted> = HashMap::new();
    // Per clause: passage → (its count, length-and-kind). Clauses whose
    // every form is read from count postings go first, so a form found by
    // its positions is looked for only in the passages they leave.
    let mut order: Vec<usize> = (0..query.clauses.len()).collect();
    order.sort_by_key(|&c| {
        !query.clauses[c]
            .alternatives
            .iter()
            .all(|a| a.folded.chars().count() <= 2 || is_word(&a.folded))
    });
    let mut per_clause: Vec<Counted> = vec![Counted::new(); query.clauses.len()];
    for &c in &order {
        let clause = &query.clauses[c];
        let mut found = Counted::new();
        for alt in clause.alternatives.iter() {
            let form = alt.folded.as_str();
            if !counted.contains_key(form) {
                let c = index.count_form(form, filter.as_ref())?;
                counted.insert(form, c);
            }
            for (&p, &(n, lk)) in &counted[form] {
                if filter.as_ref().is_none_or(|f| f.contains(&p)) {
                    found.entry(p).or_insert((0, lk)).0 += n;
                }
            }
        }
        found.retain(|_, (_, lk)| kind_len(*lk).is_some_and(|(_, k)| options.scope.admits(k)));
        if found.is_empty() {
            return Ok(None);
        }
        let kept: BTreeSet<u32> = found.keys().copied().collect();
        for earlier in &mut per_clause {
            earlier.retain(|p, _| kept.contains(p));
        }
        filter = Some(kept);
        per_clause[c] = found;
    }
    for clause in &query.excluded {
        for alt in clause.alternatives.iter() {
            let hit = index.count_form(&alt.folded, filter.as_ref())?;
            if let Some(f) = filter.as_mut() {
                f.retain(|p| !hit.contains_key(p));
            }
        }
    }
    let passages: Vec<u32> = filter.unwrap_or_default().into_iter().collect();
    let docs = index.documents_of(&passages);
    let mut candidates = Vec::with_capacity(passages.len());
    for (&p, &d) in passages.iter().zip(&docs) {
        let mut tf = Vec::with_capacity(per_clause.len());
        let mut lk = 0;
        for found in &per_clause {
            let (n, l) = found.get(&p).copied().unwrap_or_default();
            lk = l;
            tf.push(n as usize);
        }
        // Distinct forms never share a match (same start and length is the
        // same text), and a form in two clauses is one match.
        let occurrences: usize = counted
            .values()
            .filter_map(|c| c.get(&p))
            .map(|&(n, _)| n as usize)
            .sum();
        let Some((chars, kind)) = kind_len(lk) else {
            return Err(SplitError::Damaged {
                name: "postings".to_string(),
            }
            .into());
        };
        candidates.push(Candidate {
            passage: p as usize,
            document: d,
            kind,
            score: rank::score(index.meta.mean_chars, chars, kind, query, &tf),
            occurrences,
        });
    }
    Ok(Some(tally(candidates, options.limit)))
}

fn run(
    files: &Files,
    query: &Query,
    options: &SearchOptions,
    all_ids: bool,
) -> Result<Split, Stop> {
    let meta: Meta =
        need::<Meta>(files, &[META.to_string()])?
            .pop()
            .ok_or(SplitError::Damaged {
                name: META.to_string(),
            })?;
    if meta.version != SPLIT_FORMAT_VERSION {
        return Err(SplitError::Version {
            found: meta.version,
        }
        .into());
    }
    let index = Index { files, meta };
    if query.is_empty() {
        return Ok(Split::default());
    }
    index.prefetch_terms(query)?;
    let tally = match index.top(query, options)? {
        Some(found) => index.top_tally(&found, query, options.limit.unwrap_or(TOP))?,
        None => match every_candidate(&index, query, options)? {
            Some(t) => t,
            None => return Ok(Split::default()),
        },
    };
    // Every document's id, when asked; the shown hits' texts.
    let ids = if all_ids {
        index.ids(&tally.per_document.iter().map(|&(d, _)| d).collect())?
    } else {
        BTreeMap::new()
    };
    let shown: BTreeSet<usize> = tally.best.iter().map(|c| c.passage).collect();
    let texts = index.texts(&shown)?;
    let mut hits = Vec::with_capacity(tally.best.len());
    let mut hit_texts = Vec::with_capacity(tally.best.len());
    for c in &tally.best {
        let damaged = || {
            Stop::Fail(SplitError::Damaged {
                name: "texts".to_string(),
            })
        };
        let chunk = texts
            .get(&(c.passage / TEXT_PASSAGES))
            .ok_or_else(damaged)?;
        let TextPassage {
            target,
            kind,
            label,
            text,
        } = chunk
            .passages
            .get(c.passage % TEXT_PASSAGES)
            .ok_or_else(damaged)?;
        let document = chunk
            .documents
            .iter()
            .find(|(d, _)| *d as usize == c.document)
            .map(|(_, id)| id.clone())
            .ok_or_else(damaged)?;
        // A label belongs to a note, and only to one.
        if *kind != c.kind || label.is_some() != (*kind == PassageKind::Note) {
            return Err(damaged());
        }
        // Where the matches are: the text says, as in memory.
        let folded = fold(text);
        let per_clause = matcher::match_all(&folded, query).ok_or_else(damaged)?;
        let ranged = matcher::to_char_ranges(&folded, per_clause.into_iter().flatten().collect());
        let forms = forms_in(query, ranged.iter().map(|(_, f)| *f));
        let matches: Vec<Range<usize>> = ranged.into_iter().map(|(r, _)| r).collect();
        if matches.len() != c.occurrences {
            return Err(damaged());
        }
        hits.push(Hit {
            passage: c.passage,
            document,
            target: target.clone(),
            kind: *kind,
            label: label.clone(),
            score: c.score,
            snippet: snippet::make(text, &matches),
            matches,
            forms,
        });
        hit_texts.push(text.clone());
    }
    let per_document_ids = if all_ids {
        tally
            .per_document
            .iter()
            .filter_map(|&(d, n)| ids.get(&d).map(|id| (id.clone(), n)))
            .collect()
    } else {
        Vec::new()
    };
    Ok(Split {
        results: Results {
            hits,
            per_document: per_document_ids,
            total: tally.total,
            occurrences: tally.occurrences,
        },
        per_document: tally.per_document,
        texts: hit_texts,
        documents: tally.best.iter().map(|c| c.document).collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::intersect;

    #[test]
    fn intersect_keeps_common_values_in_order() {
        assert_eq!(
            intersect(&[1, 3, 5, 7, 9], [0, 3, 4, 7, 10].into_iter()),
            [3, 7]
        );
        assert_eq!(intersect(&[], [1, 2].into_iter()), Vec::<u32>::new());
        assert_eq!(intersect(&[1, 2], std::iter::empty()), Vec::<u32>::new());
        assert_eq!(intersect(&[2, 4], [4, 5, 6].into_iter()), [4]);
    }
}
