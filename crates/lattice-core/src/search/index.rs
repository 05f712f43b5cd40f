//! The searchable passages of a corpus — each document's title, authors and
//! keywords, then every heading, paragraph and note text — with their folded
//! text, built once from the parsed documents.

use crate::fold::fold;
use crate::model::{BlockKind, Document};
use serde::{Deserialize, Serialize};

/// What kind of text a passage is.
///
/// Title, authors and keywords are a document's metadata: they rank above
/// any text (see `rank`) and a hit on them opens the document at its top.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum PassageKind {
    /// The document's title (target `title`).
    Title,
    /// The authors' names (target `authors`).
    Authors,
    /// The keywords (target `keywords`).
    Keywords,
    /// A section heading.
    Heading,
    /// A body paragraph.
    Paragraph,
    /// A note's text.
    Note,
}

/// One searchable unit.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Passage {
    /// Index into [`SearchIndex::documents`].
    pub document: usize,
    /// The block id (`p3`) or note id (`n7`) in that document.
    pub target: String,
    /// Heading, paragraph or note.
    pub kind: PassageKind,
    /// Plain text (no note markers), exactly as the reader sees it.
    pub text: String,
    /// `text` folded, one character per character.
    pub folded: String,
    /// Length of `text` in characters.
    pub chars: u32,
    /// The note's label (`12`, `*`), for a note: what the reader sees
    /// before its text, which its id (`n12`, `n12-2`, `n-author`) does not
    /// always say. `None` for any other passage.
    pub label: Option<String>,
}

/// All passages of a corpus.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SearchIndex {
    /// Document ids, in corpus order.
    pub documents: Vec<String>,
    /// Passages in reading order, document by document.
    pub passages: Vec<Passage>,
    /// Mean passage length in characters (for ranking).
    pub mean_chars: f32,
}

impl SearchIndex {
    /// Index these documents (borrowed: nothing is cloned but their text).
    pub fn build<'a>(documents: impl IntoIterator<Item = &'a Document>) -> Self {
        let mut passages = Vec::new();
        let mut ids = Vec::new();
        for (d, doc) in documents.into_iter().enumerate() {
            ids.push(doc.id.clone());
            let meta = &doc.meta;
            let authors: Vec<&str> = meta.authors.iter().map(|a| a.name.as_str()).collect();
            for (kind, target, text) in [
                (PassageKind::Title, "title", meta.title.clone()),
                (PassageKind::Authors, "authors", authors.join("、")),
                (PassageKind::Keywords, "keywords", meta.keywords.join("、")),
            ] {
                if !text.trim().is_empty() {
                    passages.push(passage(d, target, kind, text, None));
                }
            }
            for b in &doc.blocks {
                let kind = match b.kind {
                    BlockKind::Heading { .. } => PassageKind::Heading,
                    BlockKind::Paragraph => PassageKind::Paragraph,
                };
                passages.push(passage(d, &b.id, kind, b.plain_text(), None));
            }
            for n in &doc.notes {
                if let Some(text) = n.plain_text() {
                    let label = Some(n.label.clone());
                    passages.push(passage(d, &n.id, PassageKind::Note, text, label));
                }
            }
        }
        let chars: usize = passages.iter().map(|p| p.chars as usize).sum();
        let mean_chars = chars as f32 / passages.len().max(1) as f32;
        SearchIndex {
            documents: ids,
            passages,
            mean_chars,
        }
    }
}

fn passage(
    document: usize,
    target: &str,
    kind: PassageKind,
    text: String,
    label: Option<String>,
) -> Passage {
    Passage {
        label,
        document,
        target: target.to_string(),
        kind,
        folded: fold(&text),
        chars: u32::try_from(text.chars().count()).unwrap_or(u32::MAX),
        text,
    }
}

impl PassageKind {
    /// Whether this is a document's title, authors or keywords.
    pub fn is_metadata(self) -> bool {
        matches!(
            self,
            PassageKind::Title | PassageKind::Authors | PassageKind::Keywords
        )
    }
}
