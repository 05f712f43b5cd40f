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
//! the cheapest set of bigrams covering it (`cheapest_cover`), the one
//! spanning the fewest chunks first, the
//! others only in the chunks holding the passages still in the running
//! (or, when fewer bytes, checked against the texts). After the first
//! clause every form is read only in the passages still in the running.
//! Where a shown hit's matches are is worked out from its text, which it
//! shows anyway, by the in-memory matcher; ranking, counting and cutting to
//! the limit are the in-memory index's own functions, so both answer alike.
//! A query of one dense clause over the whole archive reads, instead of its
//! postings, the clause's top list when the build ranked it (`top.rs`): the
//! same first hits and counts, ranked by the same functions ahead of time.

use super::build::{CHUNK_BYTES, DOCS_PER_CHUNK, GROUP_TEXTS, TEXT_PASSAGES};
use super::counts::{exact, token, token_end, Counts};
use super::files::{file_name, member_name, Files, Reader};
use super::sorted::{
    any_in, merge_all, remove_in, restrict, retain_in, ByPassage, Counted, Cursor, Starts,
};
use super::stream::{Entries, Head};
use super::top::{self, Top, TOP};
use super::*;
use crate::fold::{fold, fold_char};
use crate::search::matcher;
use crate::search::{
    forms_in, is_spaced_word_char, rank, snippet, tally, Candidate, Hit, PassageKind, Query,
    Results, Scope, SearchOptions, Tally,
};
use serde::de::DeserializeOwned;
use std::cell::RefCell;
use std::collections::HashMap;
use std::ops::Range;
use std::rc::Rc;

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
/// Decoded types may borrow from the files' bytes.
fn need<'f, T: Deserialize<'f>>(files: &'f Files, names: &[String]) -> Result<Vec<T>, Stop> {
    let mut missing: Vec<String> = names
        .iter()
        .filter(|n| files.get(n).is_none())
        .cloned()
        .collect();
    crate::sort::sort(&mut missing);
    missing.dedup();
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

/// A postings chunk that may hold keys `lo..=hi`: its file and, when
/// `lo == hi`, the passages of that key it can hold (`from..=to`) and
/// whether it starts within the key (rather than before it).
#[derive(Clone, Copy, Debug)]
struct Span {
    file: Name,
    from: u32,
    to: u32,
    starts_in: bool,
}

/// Pages decoded in one attempt, by number: a keystroke asks for the same
/// few pages many times (each bigram's cost, then its chunks), and decoding
/// one is a copy of every bound it lists.
type Memo<T> = RefCell<HashMap<usize, Rc<T>>>;

/// Whether a form is all letters and digits of spaced scripts (a Latin
/// word): it occurs where a word starts with it.
fn is_word(folded: &str) -> bool {
    !folded.is_empty() && folded.chars().all(is_spaced_word_char)
}

struct Index<'f> {
    files: &'f Files,
    meta: Meta,
    pages: Memo<Page>,
    term_pages: Memo<TermPage>,
}

impl<'f> Index<'f> {
    fn new(files: &'f Files, meta: Meta) -> Self {
        Index {
            files,
            meta,
            pages: Memo::default(),
            term_pages: Memo::default(),
        }
    }

    /// Pages `numbers` of `list`, decoded once per attempt; all those still
    /// missing are fetched in one round.
    fn decoded<T: DeserializeOwned>(
        &self,
        memo: &Memo<T>,
        file: impl Fn(usize) -> Name,
        numbers: &[usize],
    ) -> Result<Vec<Rc<T>>, Stop> {
        let todo: Vec<usize> = {
            let memo = memo.borrow();
            numbers
                .iter()
                .copied()
                .filter(|n| !memo.contains_key(n))
                .collect()
        };
        if !todo.is_empty() {
            let names: Vec<String> = todo.iter().map(|&n| file_name(&file(n))).collect();
            let got: Vec<T> = need(self.files, &names)?;
            memo.borrow_mut()
                .extend(todo.into_iter().zip(got.into_iter().map(Rc::new)));
        }
        let memo = memo.borrow();
        Ok(numbers.iter().map(|n| Rc::clone(&memo[n])).collect())
    }

    /// Chunk spans covering keys `lo..=hi`, fetching the pages they are
    /// listed in.
    fn chunk_bounds(&self, lo: u64, hi: u64) -> Result<Vec<Span>, Stop> {
        let pages = &self.meta.pages;
        let wanted = self.pages_for(lo, hi);
        let decoded = self.decoded(&self.pages, |i| pages[i].file, &wanted)?;
        let mut out = Vec::new();
        for (page, &i) in decoded.iter().zip(&wanted) {
            for (j, c) in page.chunks.iter().enumerate() {
                let next = page
                    .chunks
                    .get(j + 1)
                    .map(Bound::at)
                    .or_else(|| pages.get(i + 1).map(Bound::at));
                if c.at() <= (hi, u32::MAX) && next.is_none_or(|n| n > (lo, 0)) {
                    out.push(Span {
                        file: c.file,
                        from: if c.key >= lo { c.passage } else { 0 },
                        to: match next {
                            Some((k, p)) if k <= hi => p,
                            _ => u32::MAX,
                        },
                        starts_in: c.key >= lo,
                    });
                }
            }
        }
        Ok(out)
    }

    /// The numbers of the pages listing chunks of keys `lo..=hi` (pages are
    /// in order: those from the last starting at or before `(lo, 0)`
    /// through the last starting at or before `(hi, MAX)`).
    fn pages_for(&self, lo: u64, hi: u64) -> Vec<usize> {
        let pages = &self.meta.pages;
        let from = pages.partition_point(|p| p.at() <= (lo, 0));
        let to = pages.partition_point(|p| p.at() <= (hi, u32::MAX));
        (from.saturating_sub(1)..to).collect()
    }

    /// The numbers of the count pages listing chunks of terms `lo..=hi`.
    fn term_pages_for(&self, lo: &str, hi: &str) -> Vec<usize> {
        let pages = &self.meta.terms;
        let from = pages.partition_point(|p| (p.term.as_str(), p.passage) <= (lo, 0));
        let to = pages.partition_point(|p| (p.term.as_str(), p.passage) <= (hi, u32::MAX));
        (from.saturating_sub(1)..to).collect()
    }

    /// Count chunk spans covering terms `lo..=hi`, fetching the pages they
    /// are listed in.
    fn term_bounds(&self, lo: &str, hi: &str) -> Result<Vec<Span>, Stop> {
        let pages = &self.meta.terms;
        let wanted = self.term_pages_for(lo, hi);
        let decoded = self.decoded(&self.term_pages, |i| pages[i].file, &wanted)?;
        let mut out = Vec::new();
        for (page, &i) in decoded.iter().zip(&wanted) {
            for (j, c) in page.chunks.iter().enumerate() {
                let next = page
                    .chunks
                    .get(j + 1)
                    .or_else(|| pages.get(i + 1))
                    .map(|n| (n.term.as_str(), n.passage));
                if (c.term.as_str(), c.passage) <= (hi, u32::MAX)
                    && next.is_none_or(|n| n > (lo, 0))
                {
                    out.push(Span {
                        file: c.file,
                        from: if c.term.as_str() >= lo { c.passage } else { 0 },
                        to: match next {
                            Some((t, p)) if t <= hi => p,
                            _ => u32::MAX,
                        },
                        starts_in: c.term.as_str() >= lo,
                    });
                }
            }
        }
        Ok(out)
    }

    /// Fetch, in one round, every count page the query's forms need.
    fn prefetch_terms(&self, query: &Query) -> Result<(), Stop> {
        let mut numbers = Vec::new();
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
        let numbers = ascending(numbers);
        let terms = &self.meta.terms;
        self.decoded(&self.term_pages, |i| terms[i].file, &numbers)?;
        Ok(())
    }

    /// Whether term `t` has a posting (possibly empty).
    fn has_term(&self, t: &str) -> Result<bool, Stop> {
        let spans = self.term_bounds(t, t)?;
        // A chunk starting within `t` starts at `t`.
        if spans.iter().any(|s| s.starts_in) {
            return Ok(true);
        }
        // Otherwise all of it, if anything, is inside the one chunk
        // spanning it.
        let Some(s) = spans.first() else {
            return Ok(false);
        };
        let chunk: Vec<TermChunkView> = need(self.files, &[file_name(&s.file)])?;
        Ok(chunk.iter().any(|c| c.keys.iter().any(|(k, _)| *k == t)))
    }

    /// Counts of terms `lo..=hi`, summed per passage, only for passages in
    /// `filter` (ascending) when given.
    fn term_counts(&self, lo: &str, hi: &str, filter: Option<&[u32]>) -> Result<Counted, Stop> {
        let spans = self.term_bounds(lo, hi)?;
        let chosen: Vec<String> = spans
            .iter()
            .filter(|s| match filter {
                // Passage bounds say something only within one term.
                Some(f) if lo == hi => any_in(f, s.from, s.to),
                _ => true,
            })
            .map(|s| file_name(&s.file))
            .collect();
        let chunks: Vec<TermChunkView> = need(self.files, &chosen)?;
        // One run per term: its entries ascend across its chunks.
        let mut runs: Vec<Counted> = Vec::new();
        let mut last: Option<&str> = None;
        for (chunk, name) in chunks.iter().zip(&chosen) {
            let damaged = || SplitError::Damaged { name: name.clone() };
            for &(t, stream) in &chunk.keys {
                if t < lo || t > hi {
                    continue;
                }
                if last != Some(t) || runs.is_empty() {
                    runs.push(Counted::new());
                    last = Some(t);
                }
                let Some(run) = runs.last_mut() else { break };
                let mut cursor = filter.map(Cursor::new);
                let mut entries = Counts::new(stream);
                while let Some(e) = entries.next_count().map_err(|()| damaged())? {
                    if run.last().is_some_and(|l| l.0 >= e.passage) {
                        return Err(damaged().into());
                    }
                    if cursor.as_mut().is_none_or(|c| c.holds(e.passage)) {
                        run.push((e.passage, e.count, e.len_kind));
                    }
                }
            }
        }
        Ok(merge_all(runs))
    }

    /// How often one folded form occurs per passage (in `filter`'s passages
    /// if given), with each passage's length and kind.
    fn count_form(&self, folded: &str, filter: Option<&[u32]>) -> Result<Counted, Stop> {
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
        let found = self.form(folded, filter)?;
        Ok((0..found.len())
            .map(|i| {
                let (p, lk) = found.passage(i);
                (p, u32::try_from(found.of(i).len()).unwrap_or(u32::MAX), lk)
            })
            .collect())
    }

    /// How many chunks hold key `k` (its cost, to pick the cheapest first).
    fn cost(&self, k: u64) -> Result<usize, Stop> {
        Ok(self.chunk_bounds(k, k)?.len())
    }

    /// The postings chunks holding key `k` (only those that can hold a
    /// passage of `filter`, ascending, when given).
    fn chunks_for<T: ByPassage>(&self, k: u64, filter: Option<&[T]>) -> Result<Vec<String>, Stop> {
        let spans = self.chunk_bounds(k, k)?;
        Ok(spans
            .iter()
            .filter(|s| filter.is_none_or(|f| any_in(f, s.from, s.to)))
            .map(|s| file_name(&s.file))
            .collect())
    }

    /// Walk key `k`'s entries in the chunks that can hold a passage of
    /// `filter`: `each` gets every entry's head and the stream, and reads
    /// or skips its positions. Passages must ascend (they do in every file
    /// the build writes; a file where they do not is damaged).
    fn walk<T: ByPassage>(
        &self,
        k: u64,
        filter: Option<&[T]>,
        mut each: impl FnMut(Head, &mut Entries) -> Result<(), ()>,
    ) -> Result<(), Stop> {
        let chosen = self.chunks_for(k, filter)?;
        let chunks: Vec<ChunkView> = need(self.files, &chosen)?;
        let mut last: Option<u32> = None;
        for (chunk, name) in chunks.iter().zip(&chosen) {
            let damaged = || SplitError::Damaged { name: name.clone() };
            for &(_, stream) in chunk.keys.iter().filter(|(key, _)| *key == k) {
                let mut entries = Entries::new(stream);
                while let Some(head) = entries.next_head().map_err(|()| damaged())? {
                    if last.is_some_and(|l| l >= head.passage) {
                        return Err(damaged().into());
                    }
                    last = Some(head.passage);
                    each(head, &mut entries).map_err(|()| damaged())?;
                }
            }
        }
        Ok(())
    }

    /// Every occurrence of one folded form, in `filter`'s passages if
    /// given: its starts per passage.
    fn form(&self, folded: &str, filter: Option<&[u32]>) -> Result<Starts, Stop> {
        let chars: Vec<char> = folded.chars().collect();
        // One or two characters are counted, never looked for by position.
        let Some(&first) = chars.first().filter(|_| chars.len() >= 2) else {
            return Ok(Starts::default());
        };
        let word_start = is_spaced_word_char(first);
        // Every bigram of the form, with what its postings cost; the pages
        // listing them all are fetched in one round.
        let keys: Vec<u64> = chars.windows(2).map(|w| key(w[0], Some(w[1]))).collect();
        let pages = ascending(keys.iter().flat_map(|&k| self.pages_for(k, k)));
        self.decoded(&self.pages, |i| self.meta.pages[i].file, &pages)?;
        let costs = keys
            .iter()
            .map(|&k| self.cost(k))
            .collect::<Result<Vec<usize>, Stop>>()?;
        let mut costed: Vec<(usize, usize, u64)> = cheapest_cover(&costs)
            .into_iter()
            .map(|o| (costs[o], o, keys[o]))
            .collect();
        crate::sort::sort(&mut costed);
        // Candidate starts per passage, narrowed bigram by bigram.
        let mut starts: Option<Starts> = None;
        let keys: Vec<u64> = costed.iter().map(|&(_, _, k)| k).collect();
        for (done, (_, o, k)) in costed.into_iter().enumerate() {
            let o = u32::try_from(o).unwrap_or(u32::MAX);
            // At offset 0 a Latin form starts a word.
            let admits = |p: u32, after_word: bool| p >= o && !(o == 0 && word_start && after_word);
            // Narrowing keeps at most what there is.
            let mut next = starts
                .as_ref()
                .map_or_else(Starts::default, Starts::with_capacity_of);
            match &starts {
                None => {
                    let mut cursor = filter.map(Cursor::new);
                    self.walk(k, filter, |head, entries| {
                        if !cursor.as_mut().is_none_or(|c| c.holds(head.passage)) {
                            return entries.skip_positions(head.count);
                        }
                        entries.positions(head.count, |p, after| {
                            if admits(p, after) {
                                next.add(p - o);
                            }
                        })?;
                        next.close(head.passage, head.len_kind);
                        Ok(())
                    })?;
                }
                Some(s) => {
                    let mut cursor = Cursor::new(s.passages());
                    self.walk(k, Some(s.passages()), |head, entries| {
                        let Some(i) = cursor.index(head.passage) else {
                            return entries.skip_positions(head.count);
                        };
                        // Positions ascend, so these starts do too: walk
                        // the candidates alongside.
                        let mut candidates = Cursor::new(s.of(i));
                        entries.positions(head.count, |p, after| {
                            if admits(p, after) && candidates.holds(p - o) {
                                next.add(p - o);
                            }
                        })?;
                        next.close(head.passage, head.len_kind);
                        Ok(())
                    })?;
                }
            }
            if next.is_empty() {
                return Ok(Starts::default());
            }
            // When the candidates' texts cost less than the postings still
            // to fetch, check the texts instead.
            if done + 1 < keys.len() && self.texts_are_cheaper(&next, &keys[done + 1..])? {
                starts = Some(self.verify(&next, &chars, word_start)?);
                break;
            }
            starts = Some(next);
        }
        Ok(starts.unwrap_or_default())
    }

    /// Whether fetching the texts of these candidates costs fewer bytes than
    /// the chunks of the next of `keys` that hold them (estimated: a texts chunk is about
    /// [`TEXT_CHUNK_ESTIMATE`] bytes, a postings chunk [`CHUNK_BYTES`]).
    fn texts_are_cheaper(&self, candidates: &Starts, keys: &[u64]) -> Result<bool, Stop> {
        if candidates.len() <= VERIFY_PASSAGES {
            return Ok(true);
        }
        let passages = candidates.passages();
        let mut text_chunks: Vec<usize> = passages
            .iter()
            .map(|e| e.passage() as usize / TEXT_PASSAGES)
            .collect();
        text_chunks.dedup();
        // The next bigram's chunks only: it may narrow the candidates, so
        // the ones after it would cost less. What was fetched in an earlier
        // round counts too, so every round of an attempt decides alike.
        let Some(&next) = keys.first() else {
            return Ok(false);
        };
        let postings = self.chunks_for(next, Some(passages))?.len() * CHUNK_BYTES;
        Ok(text_chunks.len() * TEXT_CHUNK_ESTIMATE <= postings)
    }

    /// Keep the candidate starts where the passage's folded text holds the
    /// form (at a word start, for a Latin form).
    fn verify(&self, starts: &Starts, form: &[char], word_start: bool) -> Result<Starts, Stop> {
        let wanted = ascending(starts.passages().iter().map(|e| e.passage() as usize));
        let texts = self.texts(&wanted)?;
        let mut out = Starts::default();
        for i in 0..starts.len() {
            let (passage, lk) = starts.passage(i);
            let p = passage as usize;
            let Some(TextPassage { text, .. }) = texts
                .get(p / TEXT_PASSAGES)
                .and_then(|t| t.passages.get(p % TEXT_PASSAGES))
            else {
                return Err(Stop::Fail(SplitError::Damaged {
                    name: "texts".to_string(),
                }));
            };
            let folded: Vec<char> = text.chars().map(fold_char).collect();
            for &s in starts.of(i) {
                let s = s as usize;
                if folded.get(s..s + form.len()) == Some(form)
                    && !(word_start && s > 0 && is_spaced_word_char(folded[s - 1]))
                {
                    out.add(u32::try_from(s).unwrap_or(u32::MAX));
                }
            }
            out.close(passage, lk);
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
        let terms = &self.meta.terms;
        let page = self.decoded(&self.term_pages, |i| terms[i].file, &[n])?;
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
        crate::sort::sort(&mut passages);
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
    fn ids(&self, docs: &[usize]) -> Result<Numbered<String>, Stop> {
        let chunk_numbers = ascending(docs.iter().map(|d| d / DOCS_PER_CHUNK));
        let names = self.names(&self.meta.docs, &chunk_numbers)?;
        let chunks: Vec<DocChunk> = need(self.files, &names)?;
        // Chunks ascending, ids in order: `out` is ascending.
        let mut out = Vec::new();
        for (n, chunk) in chunk_numbers.iter().zip(chunks) {
            for (i, id) in chunk.ids.into_iter().enumerate() {
                let d = n * DOCS_PER_CHUNK + i;
                if docs.binary_search(&d).is_ok() {
                    out.push((d, id));
                }
            }
        }
        Ok(Numbered(out))
    }

    /// File names `numbers` of a list, or damage if one is absent.
    fn names(&self, list: &[Name], numbers: &[usize]) -> Result<Vec<String>, Stop> {
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

    /// The texts chunks holding these passages (ascending), by chunk
    /// number.
    fn texts(&self, passages: &[usize]) -> Result<Numbered<Texts>, Stop> {
        let chunk_numbers = ascending(passages.iter().map(|p| p / TEXT_PASSAGES));
        let mut names = Vec::with_capacity(chunk_numbers.len());
        for &c in &chunk_numbers {
            let group = self
                .meta
                .text_groups
                .get(c / GROUP_TEXTS)
                .ok_or(SplitError::Damaged {
                    name: META.to_string(),
                })?;
            names.push(file_name(&member_name(group, c % GROUP_TEXTS)));
        }
        let chunks: Vec<Texts> = need(self.files, &names)?;
        Ok(Numbered(chunk_numbers.into_iter().zip(chunks).collect()))
    }
}

/// Values by ascending number, looked up by binary search: a map that
/// costs no sort to build (every `BTreeMap` or `BTreeSet` collected from an
/// iterator is one more copy of the standard stable sort in the engine's
/// wasm chunk).
struct Numbered<T>(Vec<(usize, T)>);

impl<T> Numbered<T> {
    fn get(&self, n: usize) -> Option<&T> {
        let i = self.0.binary_search_by_key(&n, |e| e.0).ok()?;
        Some(&self.0[i].1)
    }
}

/// The distinct numbers, ascending (one sort for every list of numbers).
fn ascending(numbers: impl IntoIterator<Item = usize>) -> Vec<usize> {
    let mut out: Vec<usize> = numbers.into_iter().collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Of a form's bigrams (`costs[o]`: what the postings of the bigram at
/// offset `o` cost, in chunks), the offsets of the cheapest set that covers
/// every character: the first and the last bigram, and no two chosen ones
/// more than two apart (a character is checked by the bigram starting at it
/// or the one before). A phrase whose words are common but whose joins are
/// rare (`強化|友盟|關係|的|策略`) is then checked by the joins, not by the
/// postings of its densest words. Ties keep fewer bigrams. Empty for no
/// bigram.
fn cheapest_cover(costs: &[usize]) -> Vec<usize> {
    // best[o]: (cost, bigrams) of the cheapest cover of characters 0..=o+1
    // whose last bigram is `o`, and the bigram before it.
    let mut best: Vec<((usize, usize), Option<usize>)> = Vec::with_capacity(costs.len());
    for (o, &c) in costs.iter().enumerate() {
        let before = [o.checked_sub(1), o.checked_sub(2)]
            .into_iter()
            .flatten()
            .min_by_key(|&p| best[p].0);
        let (total, count) = before.map_or((0, 0), |p| best[p].0);
        best.push(((total.saturating_add(c), count + 1), before));
    }
    let mut cover = Vec::new();
    let mut at = costs.len().checked_sub(1);
    while let Some(o) = at {
        cover.push(o);
        at = best[o].1;
    }
    cover.reverse();
    cover
}

/// Scores already worked out in one attempt, by length-and-kind and a
/// one-clause query's count: a score depends on nothing else, and tens of
/// thousands of candidates share a few thousand of these pairs. Direct
/// mapped: a slot holds the last pair that hashed to it.
struct Scores {
    slots: Vec<Option<(u64, f32)>>,
}

impl Default for Scores {
    fn default() -> Self {
        Scores {
            slots: vec![None; 1 << Scores::BITS],
        }
    }
}

impl Scores {
    const BITS: u32 = 12;

    /// The score of a passage of length-and-kind `lk` with per-clause
    /// counts `tf`, from `score` unless known.
    fn get(&mut self, lk: u32, tf: &[usize], score: impl FnOnce() -> f32) -> f32 {
        let [n] = tf else { return score() };
        let Ok(n) = u32::try_from(*n) else {
            return score();
        };
        let key = (u64::from(lk) << 32) | u64::from(n);
        let slot = (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - Self::BITS)) as usize;
        match self.slots[slot] {
            Some((k, s)) if k == key => s,
            _ => {
                let s = score();
                self.slots[slot] = Some((key, s));
                s
            }
        }
    }
}

/// Every passage the query finds, counted and ranked, cut to the limit:
/// from the postings of each of its forms. `None`: nothing found.
fn every_candidate(
    index: &Index,
    query: &Query,
    options: &SearchOptions,
) -> Result<Option<Tally>, Stop> {
    // A document filter: that document's passages, found by its id.
    // Passage lists here are ascending vectors (`sorted.rs`).
    let mut filter: Option<Vec<u32>> = None;
    if let Some(id) = &options.document {
        let all: Vec<usize> = (0..index.meta.passage_counts.len()).collect();
        let ids = index.ids(&all)?;
        let Some(&(d, _)) = ids.0.iter().find(|(_, e)| e == id) else {
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
    let (mut order, positional): (Vec<usize>, Vec<usize>) =
        (0..query.clauses.len()).partition(|&c| {
            query.clauses[c]
                .alternatives
                .iter()
                .all(|a| a.folded.chars().count() <= 2 || is_word(&a.folded))
        });
    order.extend(positional);
    let mut per_clause: Vec<Counted> = vec![Counted::new(); query.clauses.len()];
    for &c in &order {
        let clause = &query.clauses[c];
        let mut alternatives = Vec::with_capacity(clause.alternatives.len());
        for alt in clause.alternatives.iter() {
            let form = alt.folded.as_str();
            if !counted.contains_key(form) {
                let c = index.count_form(form, filter.as_deref())?;
                counted.insert(form, c);
            }
            let all = &counted[form];
            alternatives.push(match &filter {
                Some(f) => restrict(all, f),
                None => all.clone(),
            });
        }
        let mut found = merge_all(alternatives);
        found.retain(|&(_, _, lk)| kind_len(lk).is_some_and(|(_, k)| options.scope.admits(k)));
        if found.is_empty() {
            return Ok(None);
        }
        let kept: Vec<u32> = found.iter().map(|e| e.0).collect();
        for earlier in &mut per_clause {
            retain_in(earlier, &kept);
        }
        filter = Some(kept);
        per_clause[c] = found;
    }
    for clause in &query.excluded {
        for alt in clause.alternatives.iter() {
            let hit = index.count_form(&alt.folded, filter.as_deref())?;
            if let Some(f) = filter.as_mut() {
                remove_in(f, &hit);
            }
        }
    }
    let passages: Vec<u32> = filter.unwrap_or_default();
    let docs = index.documents_of(&passages);
    // Every list holds the passages in order: walk them alongside.
    let mut clauses: Vec<Cursor<(u32, u32, u32)>> =
        per_clause.iter().map(|c| Cursor::new(c)).collect();
    let mut forms: Vec<Cursor<(u32, u32, u32)>> =
        counted.values().map(|c| Cursor::new(c)).collect();
    let mut candidates = Vec::with_capacity(passages.len());
    let mut tf = Vec::with_capacity(per_clause.len());
    let mut scores = Scores::default();
    for (&p, &d) in passages.iter().zip(&docs) {
        tf.clear();
        let mut lk = 0;
        for found in &mut clauses {
            let &(_, n, l) = found.find(p).unwrap_or(&(p, 0, 0));
            lk = l;
            tf.push(n as usize);
        }
        // Distinct forms never share a match (same start and length is the
        // same text), and a form in two clauses is one match.
        let occurrences: usize = forms
            .iter_mut()
            .filter_map(|c| c.find(p))
            .map(|&(_, n, _)| n as usize)
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
            score: scores.get(lk, &tf, || {
                rank::score(index.meta.mean_chars, chars, kind, query, &tf)
            }),
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
    let index = Index::new(files, meta);
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
        index.ids(&ascending(tally.per_document.iter().map(|&(d, _)| d)))?
    } else {
        Numbered(Vec::new())
    };
    let shown = ascending(tally.best.iter().map(|c| c.passage));
    let texts = index.texts(&shown)?;
    let mut hits = Vec::with_capacity(tally.best.len());
    let mut hit_texts = Vec::with_capacity(tally.best.len());
    for c in &tally.best {
        let damaged = || {
            Stop::Fail(SplitError::Damaged {
                name: "texts".to_string(),
            })
        };
        let chunk = texts.get(c.passage / TEXT_PASSAGES).ok_or_else(damaged)?;
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
            .filter_map(|&(d, n)| ids.get(d).map(|id| (id.clone(), n)))
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
    use super::cheapest_cover;

    /// Whether `cover` checks every character of a form with `bigrams + 1`
    /// characters.
    fn covers(cover: &[usize], bigrams: usize) -> bool {
        (0..=bigrams).all(|ch| cover.iter().any(|&o| o == ch || o + 1 == ch))
    }

    #[test]
    fn the_cheapest_cover_checks_every_character() {
        // Equal costs: every other bigram, and the last (as before costs).
        assert_eq!(cheapest_cover(&[1, 1, 1, 1, 1]), [0, 2, 4]);
        assert_eq!(cheapest_cover(&[1, 1, 1, 1]), [0, 2, 3]);
        assert_eq!(cheapest_cover(&[5]), [0]);
        assert_eq!(cheapest_cover(&[]), Vec::<usize>::new());
        // Dense words, rare joins: 強化 化友 友盟 盟關 關係 係的 的策 策略.
        assert_eq!(
            cheapest_cover(&[14, 1, 2, 1, 30, 1, 1, 12]),
            [0, 1, 3, 5, 7]
        );
        // Against every cover of small forms.
        for n in 1..=7usize {
            for seed in 0..200u64 {
                let costs: Vec<usize> = (0..n)
                    .map(|i| ((seed * 31 + i as u64 * 17 + seed / 7) % 7) as usize + 1)
                    .collect();
                let got = cheapest_cover(&costs);
                assert!(covers(&got, n), "{costs:?} -> {got:?}");
                let total = |c: &[usize]| c.iter().map(|&o| costs[o]).sum::<usize>();
                let brute = (0u32..1 << n)
                    .map(|m| (0..n).filter(|&o| m & (1 << o) != 0).collect::<Vec<_>>())
                    .filter(|c| covers(c, n))
                    .map(|c| total(&c))
                    .min()
                    .unwrap();
                assert_eq!(total(&got), brute, "{costs:?} -> {got:?}");
            }
        }
    }
}
