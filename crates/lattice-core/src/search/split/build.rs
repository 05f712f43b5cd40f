//! Writing a split index from the in-memory one: count postings per term
//! and positional postings per bigram, each in passage order, cut into
//! chunks of about [`CHUNK_BYTES`], chunk bounds in pages of
//! [`PAGE_CHUNKS`], a texts chunk per [`TEXT_PASSAGES`] passages and a
//! documents chunk per [`DOCS_PER_CHUNK`] documents, every file named by its
//! hash. Every step is one pass over the text or over the postings.

use super::counts::{self, put_count, Counts};
use super::files::{file_name, group_name, hash, member_name};
use super::stream::{put_entry, Entries, Entry};
use super::top;
use super::*;
use crate::glossary::Glossary;
use crate::search::{is_spaced_word_char, SearchIndex};
use std::collections::HashMap;

/// A postings chunk is closed once it holds this many bytes of streams.
pub(crate) const CHUNK_BYTES: usize = 8 * 1024;
/// Chunk bounds per page.
pub(crate) const PAGE_CHUNKS: usize = 128;
/// Documents per documents chunk.
pub(crate) const DOCS_PER_CHUNK: usize = 256;
/// Passages per texts chunk.
pub(crate) const TEXT_PASSAGES: usize = 4;
/// Texts chunks per texts group (named together: `files::member_name`).
pub(crate) const GROUP_TEXTS: usize = 256;

/// A built split index: every file's name and bytes, `meta.bin` among them.
#[derive(Clone, Debug, Default)]
pub struct Built {
    /// (name, bytes), the meta file first.
    pub files: Vec<(String, Vec<u8>)>,
}

impl Built {
    /// Total bytes of every file.
    pub fn bytes(&self) -> usize {
        self.files.iter().map(|(_, b)| b.len()).sum()
    }

    /// Write every file into `dir` (created if missing).
    pub fn write_to(&self, dir: &std::path::Path) -> std::io::Result<()> {
        std::fs::create_dir_all(dir)?;
        for (name, bytes) in &self.files {
            std::fs::write(dir.join(name), bytes)?;
        }
        Ok(())
    }
}

struct Writer {
    files: Vec<(String, Vec<u8>)>,
    names: std::collections::HashSet<Name>,
}

impl Writer {
    /// Encode a file; a file with the same bytes as an earlier one is that
    /// file.
    fn add<T: Serialize>(&mut self, value: &T) -> Result<Name, SplitError> {
        let bytes = postcard::to_allocvec(value).map_err(|_| SplitError::Encode)?;
        let name = hash(&bytes);
        if self.names.insert(name) {
            self.files.push((file_name(&name), bytes));
        }
        Ok(name)
    }

    /// Add a file under a name derived from content hashes (a texts
    /// chunk); the same name again is the same bytes, kept once.
    fn add_named(&mut self, name: Name, bytes: Vec<u8>) {
        if self.names.insert(name) {
            self.files.push((file_name(&name), bytes));
        }
    }
}

/// Split this index into files, with count postings for characters,
/// bigrams and Latin words only (a longer form is found by its positions).
pub fn build(index: &SearchIndex) -> Result<Built, SplitError> {
    build_with_forms(index, &[])
}

/// Split this index into files, with count postings for every form of the
/// glossary too, so that searching one (or expanding to one) reads only
/// its counts, however dense.
pub fn build_with_glossary(index: &SearchIndex, glossary: &Glossary) -> Result<Built, SplitError> {
    let mut forms: Vec<String> = glossary
        .terms
        .iter()
        .flat_map(|t| t.forms())
        .map(crate::fold::fold)
        .collect();
    forms.sort_unstable();
    forms.dedup();
    build_inner(index, &forms, Some(glossary))
}

/// Split this index into files, with count postings for these folded forms.
pub fn build_with_forms(index: &SearchIndex, forms: &[String]) -> Result<Built, SplitError> {
    build_inner(index, forms, None)
}

/// Split this index; top lists for the dense clauses of single characters,
/// bigrams and words, and of `glossary`'s forms as expansion makes them.
fn build_inner(
    index: &SearchIndex,
    forms: &[String],
    glossary: Option<&Glossary>,
) -> Result<Built, SplitError> {
    let mut w = Writer {
        files: Vec::new(),
        names: Default::default(),
    };
    let counted = counts::streams(index, forms)?;
    let tops = top::tops(index, &counted, top::candidate_queries(&counted, glossary))?;
    let terms = term_postings(&mut w, counted, tops)?;
    let streams = streams(index)?;
    let pages = postings(&mut w, streams)?;
    let (passage_counts, docs) = documents(&mut w, index)?;
    let text_groups = texts(&mut w, index)?;
    let meta = Meta {
        version: SPLIT_FORMAT_VERSION,
        documents: u32::try_from(index.documents.len()).map_err(|_| SplitError::Encode)?,
        passages: u32::try_from(index.passages.len()).map_err(|_| SplitError::Encode)?,
        mean_chars: index.mean_chars,
        pages,
        terms,
        passage_counts,
        docs,
        text_groups,
    };
    let meta = postcard::to_allocvec(&meta).map_err(|_| SplitError::Encode)?;
    let mut files = vec![(META.to_string(), meta)];
    files.append(&mut w.files);
    Ok(Built { files })
}

/// Every bigram's stream, keys sorted.
fn streams(index: &SearchIndex) -> Result<Vec<(u64, Vec<u8>)>, SplitError> {
    let mut map: HashMap<u64, (Option<u32>, Vec<u8>)> = HashMap::new();
    let mut local: Vec<(u64, u32, bool)> = Vec::new();
    for (i, p) in index.passages.iter().enumerate() {
        let passage = u32::try_from(i).map_err(|_| SplitError::Encode)?;
        let chars: Vec<char> = p.folded.chars().collect();
        local.clear();
        // Bigrams only: a form of one character is counted, not looked for.
        for (j, pair) in chars.windows(2).enumerate() {
            let after_word = j > 0 && is_spaced_word_char(chars[j - 1]);
            let pos = u32::try_from(j).map_err(|_| SplitError::Encode)?;
            local.push((key(pair[0], Some(pair[1])), pos, after_word));
        }
        local.sort_unstable();
        let len_kind = len_kind(p.chars, p.kind);
        for group in local.chunk_by(|a, b| a.0 == b.0) {
            let entry = Entry {
                passage,
                len_kind,
                positions: group.iter().map(|&(_, p, f)| (p, f)).collect(),
            };
            let (last, buf) = map.entry(group[0].0).or_default();
            put_entry(buf, *last, &entry)?;
            *last = Some(passage);
        }
    }
    let mut out: Vec<(u64, Vec<u8>)> = map.into_iter().map(|(k, (_, b))| (k, b)).collect();
    out.sort_unstable_by_key(|(k, _)| *k);
    Ok(out)
}

/// Chunks and pages; the first bound of each page.
fn postings(w: &mut Writer, streams: Vec<(u64, Vec<u8>)>) -> Result<Vec<Bound>, SplitError> {
    let mut bounds: Vec<Bound> = Vec::new();
    let mut chunk: Vec<(u64, Vec<u8>)> = Vec::new();
    let mut size = 0;
    let mut first: Option<(u64, u32)> = None;
    let mut close = |chunk: &mut Vec<(u64, Vec<u8>)>,
                     first: &mut Option<(u64, u32)>,
                     size: &mut usize,
                     w: &mut Writer|
     -> Result<(), SplitError> {
        if let Some((key, passage)) = first.take() {
            let file = w.add(&Chunk {
                keys: std::mem::take(chunk),
            })?;
            bounds.push(Bound { key, passage, file });
        }
        *size = 0;
        Ok(())
    };
    for (k, bytes) in streams {
        let mut entries = Entries::new(&bytes);
        let mut previous: Option<u32> = None;
        while let Some(e) = entries.next_entry().map_err(|()| SplitError::Encode)? {
            if size >= CHUNK_BYTES {
                close(&mut chunk, &mut first, &mut size, w)?;
            }
            if first.is_none() {
                first = Some((k, e.passage));
            }
            if chunk.last().is_none_or(|(ck, _)| *ck != k) {
                chunk.push((k, Vec::new()));
                previous = None;
            }
            let Some((_, buf)) = chunk.last_mut() else {
                return Err(SplitError::Encode);
            };
            let before = buf.len();
            put_entry(buf, previous, &e)?;
            size += buf.len() - before;
            previous = Some(e.passage);
        }
    }
    close(&mut chunk, &mut first, &mut size, w)?;
    let mut roots = Vec::new();
    for page in bounds.chunks(PAGE_CHUNKS) {
        let file = w.add(&Page {
            chunks: page.to_vec(),
        })?;
        roots.push(Bound {
            key: page[0].key,
            passage: page[0].passage,
            file,
        });
    }
    Ok(roots)
}

/// Count postings chunks and their pages (each with the top lists it
/// leads to); the first bound of each page. A term without entries (a
/// glossary form that never occurs) still appears, so a reader knows it was
/// counted.
fn term_postings(
    w: &mut Writer,
    streams: Vec<(String, Vec<u8>)>,
    tops: Vec<top::Top>,
) -> Result<Vec<TermBound>, SplitError> {
    let mut bounds: Vec<TermBound> = Vec::new();
    let mut chunk: Vec<(String, Vec<u8>)> = Vec::new();
    let mut size = 0;
    let mut first: Option<(String, u32)> = None;
    let mut close = |chunk: &mut Vec<(String, Vec<u8>)>,
                     first: &mut Option<(String, u32)>,
                     size: &mut usize,
                     w: &mut Writer|
     -> Result<(), SplitError> {
        if let Some((term, passage)) = first.take() {
            let file = w.add(&TermChunk {
                keys: std::mem::take(chunk),
            })?;
            bounds.push(TermBound {
                term,
                passage,
                file,
            });
        }
        *size = 0;
        Ok(())
    };
    for (t, bytes) in streams {
        let mut entries = Counts::new(&bytes);
        let mut previous: Option<u32> = None;
        let mut any = false;
        while let Some(e) = entries.next_count().map_err(|()| SplitError::Encode)? {
            if size >= CHUNK_BYTES {
                close(&mut chunk, &mut first, &mut size, w)?;
            }
            if first.is_none() {
                first = Some((t.clone(), e.passage));
            }
            if chunk.last().is_none_or(|(ct, _)| *ct != t) {
                chunk.push((t.clone(), Vec::new()));
                previous = None;
            }
            let Some((_, buf)) = chunk.last_mut() else {
                return Err(SplitError::Encode);
            };
            let before = buf.len();
            put_count(buf, previous, &e)?;
            size += buf.len() - before;
            previous = Some(e.passage);
            any = true;
        }
        if !any {
            if first.is_none() {
                first = Some((t.clone(), 0));
            }
            size += t.len();
            chunk.push((t, Vec::new()));
        }
    }
    close(&mut chunk, &mut first, &mut size, w)?;
    let pages: Vec<&[TermBound]> = bounds.chunks(PAGE_CHUNKS).collect();
    let mut placed: Vec<Vec<(Vec<String>, Name)>> = vec![Vec::new(); pages.len()];
    for t in tops {
        let Some(first) = t.key.first() else { continue };
        let starts = pages.iter().map(|p| (p[0].term.as_str(), p[0].passage));
        // A clause whose first form sorts before every term has no page a
        // query reads: its postings are read whole.
        if let Some(n) = term_page(starts, &counts::exact(first)) {
            let name = w.add(&t)?;
            placed[n].push((t.key, name));
        }
    }
    let mut roots = Vec::new();
    for (page, tops) in pages.into_iter().zip(placed) {
        let file = w.add(&TermPage {
            chunks: page.to_vec(),
            tops,
        })?;
        roots.push(TermBound {
            term: page[0].term.clone(),
            passage: page[0].passage,
            file,
        });
    }
    Ok(roots)
}

/// Documents chunks; each document's passage count.
fn documents(w: &mut Writer, index: &SearchIndex) -> Result<(Vec<u32>, Vec<Name>), SplitError> {
    let mut counts = vec![0u32; index.documents.len()];
    for p in &index.passages {
        if let Some(n) = counts.get_mut(p.document) {
            *n += 1;
        }
    }
    let mut chunks = Vec::new();
    for ids in index.documents.chunks(DOCS_PER_CHUNK) {
        chunks.push(w.add(&DocChunk { ids: ids.to_vec() })?);
    }
    Ok((counts, chunks))
}

/// Texts chunks, named by their group (see [`member_name`]); the groups'
/// names.
fn texts(w: &mut Writer, index: &SearchIndex) -> Result<Vec<Name>, SplitError> {
    let mut chunks: Vec<Vec<u8>> = Vec::new();
    for passages in index.passages.chunks(TEXT_PASSAGES) {
        let mut documents: Vec<(u32, String)> = Vec::new();
        for p in passages {
            let d = u32::try_from(p.document).map_err(|_| SplitError::Encode)?;
            if documents.last().is_none_or(|(x, _)| *x != d) {
                documents.push((d, index.documents[p.document].clone()));
            }
        }
        let texts = Texts {
            passages: passages
                .iter()
                .map(|p| TextPassage {
                    target: p.target.clone(),
                    kind: p.kind,
                    label: p.label.clone(),
                    text: p.text.clone(),
                })
                .collect(),
            documents,
        };
        chunks.push(postcard::to_allocvec(&texts).map_err(|_| SplitError::Encode)?);
    }
    let mut groups = Vec::new();
    let mut rest = chunks.into_iter();
    loop {
        let group: Vec<Vec<u8>> = rest.by_ref().take(GROUP_TEXTS).collect();
        if group.is_empty() {
            break;
        }
        let name = group_name(&group).map_err(|_| SplitError::Encode)?;
        for (i, bytes) in group.into_iter().enumerate() {
            w.add_named(member_name(&name, i), bytes);
        }
        groups.push(name);
    }
    Ok(groups)
}
