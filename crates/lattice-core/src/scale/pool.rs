//! What a synthetic archive is recombined from: the real documents cut into
//! sentences (each with the notes it cites), section headings, keywords,
//! categories and disclaimers. Drawing sentences uniformly from this pool
//! keeps every term at its real frequency.

use crate::inline::{self, Inline};
use crate::model::{BlockKind, Document};
use std::collections::HashMap;

/// A piece of a sentence: source text, or a citation of a note text of the
/// pool (by index into [`Pool::notes`]).
#[derive(Clone, Debug)]
pub(super) enum Piece {
    Text(String),
    Note(usize),
}

/// The real material, deduplicated where repeats would skew nothing.
#[derive(Debug, Default)]
pub(super) struct Pool {
    /// Body sentences, in source order, with their citations.
    pub(super) sentences: Vec<Vec<Piece>>,
    /// Note texts (one line of source text each).
    pub(super) notes: Vec<String>,
    /// Section headings without their numbering (`壹、` …), usable as the
    /// bare heading lines of a web analysis.
    pub(super) headings: Vec<String>,
    /// Keywords: the documents' own and the terms they set in 「…」.
    pub(super) keywords: Vec<String>,
    /// Category lines.
    pub(super) categories: Vec<String>,
    /// Disclaimers.
    pub(super) disclaimers: Vec<String>,
}

/// Categories added to the source's own, so the archive has facets to filter.
const CATEGORIES: &[&str] = &["國際情勢", "國防安全", "中共政軍", "區域安全", "科技與網路"];

impl Pool {
    pub(super) fn new(source: &[Document]) -> Self {
        let mut pool = Pool::default();
        let mut note_index: HashMap<(usize, String), usize> = HashMap::new();
        for (d, doc) in source.iter().enumerate() {
            for block in &doc.blocks {
                match block.kind {
                    BlockKind::Heading { .. } => {
                        let text = unnumbered(&block.plain_text()).to_string();
                        if usable_heading(&text) && !pool.headings.contains(&text) {
                            pool.headings.push(text);
                        }
                    }
                    BlockKind::Paragraph => {
                        for s in sentences(&block.inlines) {
                            let mut pieces = Vec::with_capacity(s.len());
                            for p in s {
                                match p {
                                    Sliced::Text(t) => pieces.push(Piece::Text(t)),
                                    Sliced::Ref(label) => {
                                        let Some(body) = note_text(doc, &label) else {
                                            continue;
                                        };
                                        let n = pool.notes.len();
                                        let i = *note_index.entry((d, label)).or_insert(n);
                                        if i == n {
                                            pool.notes.push(body);
                                        }
                                        pieces.push(Piece::Note(i));
                                    }
                                }
                            }
                            if usable_sentence(&pieces) {
                                pool.sentences.push(pieces);
                            }
                        }
                        quoted_terms(&block.plain_text(), &mut pool.keywords);
                    }
                }
            }
            for k in &doc.meta.keywords {
                if usable_keyword(k) && !pool.keywords.contains(k) {
                    pool.keywords.push(k.clone());
                }
            }
            if let Some(c) = &doc.meta.category {
                if !pool.categories.contains(c) {
                    pool.categories.push(c.clone());
                }
            }
            if let Some(d) = &doc.meta.disclaimer {
                if !d.contains(['\n', '(', ')', '（', '）']) && !pool.disclaimers.contains(d) {
                    pool.disclaimers.push(d.clone());
                }
            }
        }
        for c in CATEGORIES {
            if !pool.categories.iter().any(|x| x == c) {
                pool.categories.push((*c).to_string());
            }
        }
        pool
    }
}

/// A sentence cut from inline runs, before its notes are looked up.
enum Sliced {
    Text(String),
    Ref(String),
}

/// Cut a paragraph into sentences: each ends after `。！？` (with any closing
/// quotes and the note markers right after it, which belong to it).
fn sentences(inlines: &[Inline]) -> Vec<Vec<Sliced>> {
    let mut out = Vec::new();
    let mut current: Vec<Sliced> = Vec::new();
    let mut text = String::new();
    let mut ended = false;
    let flush = |text: &mut String, current: &mut Vec<Sliced>| {
        if !text.is_empty() {
            current.push(Sliced::Text(std::mem::take(text)));
        }
    };
    for i in inlines {
        match i {
            Inline::NoteRef { label, .. } => {
                flush(&mut text, &mut current);
                current.push(Sliced::Ref(label.clone()));
            }
            Inline::Text(t) => {
                for c in t.chars() {
                    if ended && !is_closing(c) {
                        flush(&mut text, &mut current);
                        out.push(std::mem::take(&mut current));
                        ended = false;
                    }
                    text.push(c);
                    if matches!(c, '。' | '！' | '？') {
                        ended = true;
                    }
                }
            }
            other => {
                if ended {
                    flush(&mut text, &mut current);
                    out.push(std::mem::take(&mut current));
                    ended = false;
                }
                text.push_str(&inline::source_text(std::slice::from_ref(other)));
            }
        }
    }
    flush(&mut text, &mut current);
    if !current.is_empty() {
        out.push(current);
    }
    out
}

fn is_closing(c: char) -> bool {
    matches!(c, '」' | '』' | '”' | '）' | ')' | '》')
}

/// The text of the note a citation leads to, following `Supra`/`Ibid.`
/// cross-references (whose target differs in a new document); `None` for an
/// absent note or the author note.
fn note_text(doc: &Document, label: &str) -> Option<String> {
    let mut note = doc.note(label)?;
    for _ in 0..8 {
        match &note.see {
            Some(target) => note = doc.note(target)?,
            None => break,
        }
    }
    if note.see.is_some() || note.label == "*" {
        return None;
    }
    let text = inline::source_text(note.body.as_deref()?);
    let text = text.replace(['\r', '\n'], " ");
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_string())
}

/// A sentence that, put at the start of a line of a web analysis, is read
/// back as (part of) a paragraph: it starts with text that is no marker,
/// note line or parenthesised header line, and has clause punctuation, so no
/// paragraph made of it looks like a bare heading.
fn usable_sentence(pieces: &[Piece]) -> bool {
    let Some(Piece::Text(first)) = pieces.first() else {
        return false;
    };
    let first = first.trim_start();
    let text: String = pieces
        .iter()
        .filter_map(|p| match p {
            Piece::Text(t) => Some(t.as_str()),
            Piece::Note(_) => None,
        })
        .collect();
    !first.is_empty()
        && !first.starts_with(['[', '(', '（', '*', '-', '.', '…', '—'])
        && text.chars().count() >= 6
        && text.contains(['。', '，', ',', '；', '、'])
        && !text.contains(['\n', '\r'])
}

/// `壹、前言` → `前言`; `（一）安全` → `安全`.
fn unnumbered(heading: &str) -> &str {
    let h = heading.trim();
    if let Some((label, rest)) = h.split_once('、') {
        if label.chars().count() <= 3 {
            return rest.trim();
        }
    }
    if let Some(rest) = h.strip_prefix('（').or_else(|| h.strip_prefix('(')) {
        if let Some((label, rest)) = rest.split_once(['）', ')']) {
            if label.chars().count() <= 3 {
                return rest.trim();
            }
        }
    }
    h
}

/// A heading a web analysis reads back as one: a short bare line without
/// sentence or list punctuation, markers or addresses.
fn usable_heading(h: &str) -> bool {
    let n = h.chars().count();
    (2..=40).contains(&n)
        && !h.contains([
            '。', '，', ',', '；', '、', '[', ']', '：', ':', '！', '？', '!', '?',
        ])
        && !h.contains(['.', '…', ';', '(', '（', '*', '<'])
        && !h.ends_with(['」', '”', '）', ')'])
        && !h.contains("http")
        && !h
            .chars()
            .any(|c| crate::inline::superscript_digit(c).is_some())
}

fn usable_keyword(k: &str) -> bool {
    let n = k.chars().count();
    (2..=16).contains(&n)
        && !k.contains(['、', ',', '，', ';', '；', '\n', '(', ')', '（', '）'])
        && !k.starts_with(char::is_whitespace)
        && !k.ends_with(char::is_whitespace)
}

/// Terms the text sets in 「…」, as keyword candidates.
fn quoted_terms(text: &str, out: &mut Vec<String>) {
    let mut rest = text;
    while let Some(start) = rest.find('「') {
        rest = &rest[start + '「'.len_utf8()..];
        let Some(end) = rest.find('」') else { break };
        let term = &rest[..end];
        if usable_keyword(term)
            && term.chars().count() <= 12
            && !term.contains(['。', '「', ' '])
            && !out.iter().any(|k| k == term)
        {
            out.push(term.to_string());
        }
        rest = &rest[end..];
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &[Sliced]) -> String {
        s.iter()
            .map(|p| match p {
                Sliced::Text(t) => t.clone(),
                Sliced::Ref(l) => format!("<{l}>"),
            })
            .collect()
    }

    #[test]
    fn markers_after_a_full_stop_stay_with_its_sentence() {
        let runs = crate::inline::parse_inlines(
            "甲說「好。」[1]乙，丙。[2][3]丁",
            crate::inline::Syntax {
                markers: Some(crate::inline::MarkerStyle::Bracket),
            },
        );
        let got: Vec<String> = sentences(&runs).iter().map(|s| texts(s)).collect();
        assert_eq!(got, ["甲說「好。」<1>", "乙，丙。<2><3>", "丁"]);
    }

    #[test]
    fn headings_lose_their_numbering() {
        assert_eq!(unnumbered("壹、前言"), "前言");
        assert_eq!(unnumbered("（一）海上安全"), "海上安全");
        assert_eq!(unnumbered("印太安全"), "印太安全");
    }
}
