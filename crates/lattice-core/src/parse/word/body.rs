//! The walk over a Word document's body and its notes: paragraphs with
//! their styles, runs (italics, hyperlinks, note references), tables and
//! numbered lists, and tracked changes resolved to the accepted text
//! (`w:ins` read, `w:del` and `w:moveFrom` passed over). Comments live in
//! their own part, which is never read; their anchors in the body are
//! passed over.
//!
//! Paragraphs are numbered in reading order from 1, tables' included: the
//! number is the "line" of every block and diagnostic.

use super::styles::{Numbering, Role, Styles};
use super::xml::{Element, Node};
use crate::inline::{append, link_runs, plain_text, Inline};
use crate::model::{BlockKind, Frame};
use crate::parse::DraftBlock;
use std::collections::HashMap;

/// Footnote or endnote: they are numbered in one sequence, in the order
/// the text cites them, as the reader shows them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(super) enum NoteKind {
    Foot,
    End,
}

/// A paragraph whose style makes it metadata: its role, runs and number.
#[derive(Debug)]
pub(super) struct MetaParagraph {
    pub(super) role: Role,
    pub(super) runs: Vec<Inline>,
    pub(super) paragraph: u32,
}

/// A list being read: its `w:numId` and, per level, the container number,
/// its look and how many items it has had.
#[derive(Debug)]
struct List {
    num: String,
    levels: Vec<(u32, super::styles::Level, u32)>,
}

/// What the walk has found so far.
pub(super) struct Walk<'a> {
    styles: &'a Styles,
    numbering: &'a Numbering,
    /// Relationship ids to external targets (hyperlinks).
    links: &'a HashMap<String, String>,
    pub(super) paragraph: u32,
    pub(super) blocks: Vec<DraftBlock>,
    pub(super) meta: Vec<MetaParagraph>,
    /// Note labels given so far, by kind and `w:id`.
    pub(super) labels: HashMap<(NoteKind, String), String>,
    /// Paragraphs holding drawing or text box text the reader does not show.
    pub(super) hidden: Vec<u32>,
    cells: Vec<Frame>,
    /// Reading a metadata paragraph: its hyperlinks' addresses are not text.
    in_meta: bool,
    next_container: u32,
    quote: Option<u32>,
    list: Option<List>,
}

impl<'a> Walk<'a> {
    pub(super) fn new(
        styles: &'a Styles,
        numbering: &'a Numbering,
        links: &'a HashMap<String, String>,
    ) -> Self {
        Walk {
            styles,
            numbering,
            links,
            paragraph: 0,
            blocks: Vec::new(),
            meta: Vec::new(),
            labels: HashMap::new(),
            hidden: Vec::new(),
            cells: Vec::new(),
            in_meta: false,
            next_container: 0,
            quote: None,
            list: None,
        }
    }

    fn container(&mut self) -> u32 {
        self.next_container += 1;
        self.next_container
    }

    /// The label of a note, given on its first citation.
    pub(super) fn label(&mut self, kind: NoteKind, id: &str) -> String {
        let n = self.labels.len() + 1;
        self.labels
            .entry((kind, id.to_string()))
            .or_insert_with(|| n.to_string())
            .clone()
    }

    /// Read the block-level children of `el` (the body, a cell, a content
    /// control, an insertion).
    pub(super) fn blocks(&mut self, el: &Element) {
        for e in el.elements() {
            match e.name.as_str() {
                "w:p" => self.paragraph(e),
                "w:tbl" => self.table(e),
                "w:sdt" | "w:sdtContent" | "w:ins" | "w:moveTo" | "w:customXml" => self.blocks(e),
                _ => {}
            }
        }
    }

    fn table(&mut self, tbl: &Element) {
        self.quote = None;
        self.list = None;
        let table = self.container();
        let look_header = tbl
            .child("w:tblPr")
            .and_then(|p| p.child("w:tblLook"))
            .and_then(|l| l.attr("w:firstRow"))
            .is_some_and(|v| v == "1" || v == "true");
        for (row, tr) in tbl.elements().filter(|e| e.name == "w:tr").enumerate() {
            let marked = tr
                .child("w:trPr")
                .and_then(|p| p.child("w:tblHeader"))
                .is_some_and(|h| !matches!(h.attr("w:val"), Some("0" | "false")));
            let header = marked || (row == 0 && look_header);
            for (column, tc) in tr.elements().filter(|e| e.name == "w:tc").enumerate() {
                let frame = Frame::Cell {
                    table,
                    row: u32::try_from(row).unwrap_or(u32::MAX),
                    column: u32::try_from(column).unwrap_or(u32::MAX),
                    header,
                };
                self.cells.push(frame);
                let before = self.blocks.len();
                self.blocks(tc);
                self.quote = None;
                self.list = None;
                if self.blocks.len() == before {
                    // An empty cell is kept, so the columns line up.
                    self.blocks.push(DraftBlock {
                        within: self.cells.clone(),
                        kind: BlockKind::Paragraph,
                        inlines: Vec::new(),
                        lines: vec![self.paragraph.max(1)],
                    });
                }
                self.cells.pop();
            }
        }
        self.quote = None;
        self.list = None;
    }

    fn paragraph(&mut self, p: &Element) {
        self.paragraph += 1;
        let number = self.paragraph;
        let props = p.child("w:pPr");
        let role = props
            .and_then(|x| x.child("w:pStyle"))
            .and_then(|s| s.attr("w:val"))
            .map_or(Role::Body, |s| self.styles.role(s));
        let num = props.and_then(|x| x.child("w:numPr")).and_then(|n| {
            let id = n.child("w:numId")?.attr("w:val")?;
            let ilvl = n
                .child("w:ilvl")
                .and_then(|l| l.attr("w:val"))
                .and_then(|v| v.parse::<u8>().ok())
                .unwrap_or(0)
                .min(8);
            (id != "0").then(|| (id.to_string(), ilvl))
        });
        let meta = matches!(
            role,
            Role::Title | Role::Subtitle | Role::Author | Role::Date
        ) && self.cells.is_empty();
        let mut runs = Vec::new();
        self.in_meta = meta;
        self.inline(p, &mut runs);
        self.in_meta = false;
        if meta {
            self.meta.push(MetaParagraph {
                role,
                runs,
                paragraph: number,
            });
            return;
        }
        let empty = runs.iter().all(|r| match r {
            Inline::Text(t) => t.trim().is_empty(),
            _ => false,
        });
        if empty {
            return;
        }
        let mut within = self.cells.clone();
        let kind = match role {
            Role::Heading(level) => {
                self.quote = None;
                self.list = None;
                BlockKind::Heading { level }
            }
            Role::Quote => {
                self.list = None;
                let quote = match self.quote {
                    Some(q) => q,
                    None => {
                        let q = self.container();
                        self.quote = Some(q);
                        q
                    }
                };
                within.push(Frame::Quote { quote });
                BlockKind::Paragraph
            }
            _ => {
                self.quote = None;
                match num {
                    Some((num, ilvl)) => within.extend(self.list_item(num, ilvl)),
                    None => self.list = None,
                }
                BlockKind::Paragraph
            }
        };
        self.blocks.push(DraftBlock {
            within,
            kind,
            inlines: runs,
            lines: vec![number],
        });
    }

    /// The item frames of a numbered paragraph, outermost list first.
    fn list_item(&mut self, num: String, ilvl: u8) -> Vec<Frame> {
        if self.list.as_ref().is_none_or(|l| l.num != num) {
            self.list = Some(List {
                num: num.clone(),
                levels: Vec::new(),
            });
        }
        let depth = usize::from(ilvl) + 1;
        let mut fresh = Vec::new();
        {
            let Some(list) = &self.list else {
                return Vec::new();
            };
            for level in list.levels.len()..depth {
                fresh.push(self.numbering.level(&num, u8::try_from(level).unwrap_or(0)));
            }
        }
        let ids: Vec<u32> = fresh.iter().map(|_| self.container()).collect();
        let Some(list) = &mut self.list else {
            return Vec::new();
        };
        list.levels.truncate(depth);
        for (id, look) in ids.into_iter().zip(fresh) {
            list.levels.push((id, look, 0));
        }
        if let Some(last) = list.levels.last_mut() {
            last.2 += 1;
        }
        list.levels
            .iter()
            .map(|&(list, look, count)| Frame::Item {
                list,
                ordered: look.ordered,
                item: if look.ordered {
                    (look.start + count).saturating_sub(1)
                } else {
                    count.saturating_sub(1)
                },
            })
            .collect()
    }

    /// Read the runs inside a paragraph (or a hyperlink, an insertion, …).
    pub(super) fn inline(&mut self, el: &Element, out: &mut Vec<Inline>) {
        for e in el.elements() {
            match e.name.as_str() {
                "w:r" => self.run(e, out),
                "w:hyperlink" => self.hyperlink(e, out),
                "w:ins" | "w:moveTo" | "w:smartTag" | "w:customXml" | "w:fldSimple" | "w:sdt"
                | "w:sdtContent" => self.inline(e, out),
                // Deleted text, moved-away text, properties, bookmarks,
                // comment anchors, proofing marks.
                _ => {}
            }
        }
    }

    fn hyperlink(&mut self, e: &Element, out: &mut Vec<Inline>) {
        let first = out.len();
        self.inline(e, out);
        let Some(href) = e.attr("r:id").and_then(|id| self.links.get(id)) else {
            return;
        };
        if self.in_meta {
            return;
        }
        if !(href.starts_with("http://") || href.starts_with("https://")) {
            return;
        }
        let label = plain_text(&out[first.min(out.len())..]);
        if label.trim() == href {
            // The address is its own text: one link.
            out.truncate(first);
            append(
                out,
                Inline::Link {
                    href: href.clone(),
                    angle: false,
                },
            );
        } else if !out[first.min(out.len())..]
            .iter()
            .any(|i| matches!(i, Inline::Link { href: h, .. } if h == href))
        {
            // The model has no link text: the address follows its label, apart.
            append(out, Inline::Text(" ".into()));
            out.push(Inline::Link {
                href: href.clone(),
                angle: false,
            });
        }
    }

    fn run(&mut self, r: &Element, out: &mut Vec<Inline>) {
        let italic = r
            .child("w:rPr")
            .and_then(|p| p.child("w:i"))
            .is_some_and(|i| !matches!(i.attr("w:val"), Some("0" | "false" | "off")));
        for e in r.elements() {
            match e.name.as_str() {
                "w:t" => {
                    for run in link_runs(&e.text()) {
                        let run = match run {
                            Inline::Text(t) if italic => Inline::Emphasis(t),
                            r => r,
                        };
                        append(out, run);
                    }
                }
                "w:tab" | "w:br" | "w:cr" => append(out, Inline::Text(" ".into())),
                "w:footnoteReference" | "w:endnoteReference" => {
                    let kind = if e.name == "w:footnoteReference" {
                        NoteKind::Foot
                    } else {
                        NoteKind::End
                    };
                    if let Some(id) = e.attr("w:id") {
                        let label = self.label(kind, id);
                        out.push(Inline::NoteRef {
                            label,
                            marker: String::new(),
                        });
                    }
                }
                "w:drawing" | "w:pict" | "w:object" | "mc:AlternateContent"
                    if has_text(e) && self.hidden.last() != Some(&self.paragraph) =>
                {
                    self.hidden.push(self.paragraph);
                }
                // Deleted text, field codes, the note's own number mark.
                _ => {}
            }
        }
    }
}

/// Whether an element holds any `w:t` text (a text box in a drawing).
fn has_text(e: &Element) -> bool {
    e.children.iter().any(|c| match c {
        Node::Element(x) => (x.name == "w:t" && !x.text().trim().is_empty()) || has_text(x),
        Node::Text(_) => false,
    })
}
