//! The JSON shape of `lattice dump`: a flat, documented view of a parsed
//! document for maintainers and golden tests, not the bundle format.

use lattice_core::{BlockKind, Citation, Document, Frame};
use serde::Serialize;

/// One document as `lattice dump` prints it.
#[derive(Serialize)]
pub struct DumpView {
    id: String,
    source: String,
    kind: &'static str,
    title: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    subtitle: Option<String>,
    authors: Vec<String>,
    date: Option<String>,
    keywords: Vec<String>,
    part: Option<String>,
    chapter: Option<String>,
    #[serde(skip_serializing_if = "is_empty")]
    citation: Citation,
    blocks: Vec<BlockView>,
    notes: Vec<NoteView>,
    diagnostics: Vec<DiagnosticView>,
}

#[derive(Serialize)]
struct BlockView {
    id: String,
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    level: Option<u8>,
    text: String,
    refs: Vec<String>,
    lines: Vec<u32>,
    /// The quotes, list items and table cells holding the block.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    within: Vec<FrameView>,
}

/// A container of a block, flat: `{"kind": "item", "list": 2, …}`.
#[derive(Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
enum FrameView {
    Quote {
        quote: u32,
    },
    Item {
        list: u32,
        ordered: bool,
        item: u32,
    },
    Cell {
        table: u32,
        row: u32,
        column: u32,
        header: bool,
    },
}

impl From<Frame> for FrameView {
    fn from(f: Frame) -> Self {
        match f {
            Frame::Quote { quote } => FrameView::Quote { quote },
            Frame::Item {
                list,
                ordered,
                item,
            } => FrameView::Item {
                list,
                ordered,
                item,
            },
            Frame::Cell {
                table,
                row,
                column,
                header,
            } => FrameView::Cell {
                table,
                row,
                column,
                header,
            },
        }
    }
}

fn is_empty(c: &Citation) -> bool {
    *c == Citation::default()
}

#[derive(Serialize)]
struct NoteView {
    label: String,
    text: Option<String>,
    cited: usize,
    see: Option<String>,
}

#[derive(Serialize)]
struct DiagnosticView {
    severity: &'static str,
    line: u32,
    message: String,
}

impl From<&Document> for DumpView {
    fn from(d: &Document) -> Self {
        let m = &d.meta;
        DumpView {
            id: d.id.clone(),
            source: d.source.clone(),
            kind: m.kind.as_str(),
            title: m.title.clone(),
            subtitle: m.subtitle.clone(),
            authors: m.authors.iter().map(|a| a.name.clone()).collect(),
            date: m.date.as_ref().map(ToString::to_string),
            keywords: m.keywords.clone(),
            part: m.part.as_ref().map(|p| match &p.title {
                Some(t) => format!("{} {t}", p.label),
                None => p.label.clone(),
            }),
            chapter: m
                .chapter
                .and_then(|i| m.contents.get(i))
                .map(|c| format!("{} {}", c.label, c.title)),
            citation: m.citation.clone(),
            blocks: d
                .blocks
                .iter()
                .map(|b| BlockView {
                    id: b.id.clone(),
                    kind: match b.kind {
                        BlockKind::Heading { .. } => "heading",
                        BlockKind::Paragraph => "paragraph",
                    },
                    level: b.heading_level(),
                    text: b.plain_text(),
                    refs: b.refs().into_iter().map(String::from).collect(),
                    lines: b.lines.clone(),
                    within: b.within.iter().copied().map(FrameView::from).collect(),
                })
                .collect(),
            notes: d
                .notes
                .iter()
                .map(|n| NoteView {
                    label: n.label.clone(),
                    text: n.plain_text(),
                    cited: n.cited_by.len(),
                    see: n.see.clone(),
                })
                .collect(),
            diagnostics: d
                .diagnostics
                .iter()
                .map(|x| DiagnosticView {
                    severity: x.severity.as_str(),
                    line: x.line,
                    message: x.message.clone(),
                })
                .collect(),
        }
    }
}
