//! The document model: what a reader sees, searches and looks up, as the parser
//! built it from one source file. The app renders it and never re-derives it.
//!
//! Loss-free by construction: every character of the source lands in exactly one
//! place — a metadata field, a block, a note, or [`Document::skipped`], where the
//! parser names what it set aside (labels, syntax, debris) and why.

use crate::diagnostic::Diagnostic;
use crate::inline::Inline;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Which source format a document came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Kind {
    /// A scraped web analysis (INDSR style): label lines, `[n]` markers.
    WebAnalysis,
    /// A book chapter extracted from a PDF: superscript markers, notes at page ends.
    BookChapter,
    /// A Markdown file (CommonMark with GFM tables and footnotes, front matter).
    Markdown,
    /// A Word file (`.docx`): styled paragraphs, real footnotes and endnotes.
    Word,
}

impl Kind {
    /// A stable machine name (`web-analysis`, `book-chapter`).
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::WebAnalysis => "web-analysis",
            Kind::BookChapter => "book-chapter",
            Kind::Markdown => "markdown",
            Kind::Word => "word",
        }
    }
}

/// A calendar date as the source wrote it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Date {
    /// Year, e.g. 2025.
    pub year: u16,
    /// Month, 1–12.
    pub month: u8,
    /// Day of month, 1–31.
    pub day: u8,
    /// The exact source text (e.g. `2025.07.04`).
    pub source: String,
}

impl fmt::Display for Date {
    /// ISO form, `YYYY-MM-DD`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// An author of the document.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Author {
    /// The name as printed.
    pub name: String,
    /// An affiliation line, when the source gives one.
    pub affiliation: Option<String>,
    /// The label of the author note (`*`) in [`Document::notes`], if any.
    pub note: Option<String>,
}

/// The book part a chapter belongs to (`PART 1` / 印太總體態勢).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BookPart {
    /// The label as printed, e.g. `PART 1`.
    pub label: String,
    /// The part's title, when present.
    pub title: Option<String>,
}

/// One chapter in a part's table of contents.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContentsEntry {
    /// The chapter label, e.g. `第一章`.
    pub label: String,
    /// The chapter title.
    pub title: String,
    /// The author named in full-width parentheses, if any.
    pub author: Option<String>,
    /// Source line.
    pub line: u32,
}

/// Everything about a document that is not its running text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meta {
    /// Source format.
    pub kind: Kind,
    /// The title (for a chapter: the chapter's title from the contents).
    pub title: String,
    /// A category line (web analyses: `國際情勢`).
    pub category: Option<String>,
    /// Authors, in source order.
    pub authors: Vec<Author>,
    /// Publication date, when the source states one.
    pub date: Option<Date>,
    /// View counter of a web page at scrape time.
    pub views: Option<u64>,
    /// Keywords, in source order.
    pub keywords: Vec<String>,
    /// A disclaimer, without its parentheses.
    pub disclaimer: Option<String>,
    /// The book part, for chapters.
    pub part: Option<BookPart>,
    /// The contents of the part, for chapters.
    pub contents: Vec<ContentsEntry>,
    /// Index into `contents` of the chapter this file holds.
    pub chapter: Option<usize>,
    /// A subtitle (Word's Subtitle paragraph, `subtitle:` in front matter).
    pub subtitle: Option<String>,
    /// How to cite the work, when the source says (front matter).
    pub citation: Citation,
}

impl Meta {
    /// What is known of a document of `kind` before its source says anything
    /// about itself: no title, no authors, nothing else.
    pub fn empty(kind: Kind) -> Meta {
        Meta {
            kind,
            title: String::new(),
            category: None,
            authors: Vec::new(),
            date: None,
            views: None,
            keywords: Vec::new(),
            disclaimer: None,
            part: None,
            contents: Vec::new(),
            chapter: None,
            subtitle: None,
            citation: Citation::default(),
        }
    }
}

/// The fields a reference list needs beyond title, authors and date; each is
/// optional, since only some sources state them (a Markdown front matter).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Citation {
    /// The title in English, for a work titled in Chinese.
    pub english_title: Option<String>,
    /// Where the work was published online.
    pub url: Option<String>,
    /// The book or series that holds it.
    pub container: Option<String>,
    /// The editors of that book, in order.
    pub editors: Vec<String>,
    /// The publisher.
    pub publisher: Option<String>,
    /// The place of publication.
    pub place: Option<String>,
    /// The year of publication, as written.
    pub year: Option<String>,
    /// The page range, as written (`45-67`).
    pub pages: Option<String>,
    /// The DOI, without a resolver prefix.
    pub doi: Option<String>,
}

impl Citation {
    /// Whether no field is set.
    pub fn is_empty(&self) -> bool {
        *self == Citation::default()
    }

    /// Lay the fields `over` sets over these: what a folder's settings say
    /// about a paper win over what the paper says of itself, and a sidecar
    /// file wins over lattice.toml.
    pub fn overlay(&mut self, over: &Citation) {
        fn take(slot: &mut Option<String>, over: &Option<String>) {
            if over.is_some() {
                slot.clone_from(over);
            }
        }
        take(&mut self.english_title, &over.english_title);
        take(&mut self.url, &over.url);
        take(&mut self.container, &over.container);
        if !over.editors.is_empty() {
            self.editors.clone_from(&over.editors);
        }
        take(&mut self.publisher, &over.publisher);
        take(&mut self.place, &over.place);
        take(&mut self.year, &over.year);
        take(&mut self.pages, &over.pages);
        take(&mut self.doi, &over.doi);
    }

    /// Every value, in field order (for the loss-free accounting).
    pub fn values(&self) -> impl Iterator<Item = &str> {
        [&self.english_title, &self.url, &self.container]
            .into_iter()
            .flatten()
            .map(String::as_str)
            .chain(self.editors.iter().map(String::as_str))
            .chain(
                [
                    &self.publisher,
                    &self.place,
                    &self.year,
                    &self.pages,
                    &self.doi,
                ]
                .into_iter()
                .flatten()
                .map(String::as_str),
            )
    }
}

/// A document's citations, formatted at build time so the app carries no
/// citation processor: Chicago (a note and a bibliography entry) and APA as
/// [`CitePiece`]s, and BibTeX, RIS and CSL-JSON as text. Each holds
/// [`CITE_LINK`] where the link back to the reader goes, which only the
/// browser knows; `citation::fill` puts it in.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cite {
    /// Chicago notes-bibliography, the note form.
    pub chicago_note: Vec<CitePiece>,
    /// Chicago notes-bibliography, the bibliography entry.
    pub chicago_bibliography: Vec<CitePiece>,
    /// APA, the reference-list entry.
    pub apa: Vec<CitePiece>,
    /// A BibTeX entry.
    pub bibtex: String,
    /// A RIS record.
    pub ris: String,
    /// A CSL-JSON array of one item.
    pub csl_json: String,
}

impl Cite {
    /// Whether nothing was formatted (a document not yet through the build).
    pub fn is_empty(&self) -> bool {
        self.chicago_note.is_empty() && self.bibtex.is_empty()
    }
}

/// A run of a formatted citation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum CitePiece {
    /// Plain text.
    Text(String),
    /// Text the style sets in italics (a title).
    Italic(String),
    /// The link back to the reader ([`CITE_LINK`] in the text formats).
    Link,
}

/// What the text formats of [`Cite`] hold where the link back to the
/// reader goes: an address that can never be real (`.invalid` is reserved),
/// so a citation the browser has not filled is visibly unfinished, never
/// wrong.
pub const CITE_LINK: &str = "https://cite.lattice.invalid/";

/// What a block is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum BlockKind {
    /// A section heading; level 1 is the top.
    Heading {
        /// 1 for `壹、` or a web section heading, 2 for `一、`, 3 for `（一）`.
        level: u8,
    },
    /// A body paragraph.
    Paragraph,
}

/// A container a block sits in: a block quote, a list item or a table cell.
/// Containers are numbered within a document, so adjacent quotes, lists or
/// tables stay apart; blocks with the same frame belong to the same one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Frame {
    /// Inside block quote number `quote`.
    Quote {
        /// Which quote of the document.
        quote: u32,
    },
    /// Inside item `item` (0-based) of list number `list`.
    Item {
        /// Which list of the document.
        list: u32,
        /// Whether the list is numbered.
        ordered: bool,
        /// The item's number as the reader sees it (`start` plus its index;
        /// 0-based index for an unordered list).
        item: u32,
    },
    /// In cell (`row`, `column`) of table number `table`.
    Cell {
        /// Which table of the document.
        table: u32,
        /// Row, 0-based; the header row is 0 when the table has one.
        row: u32,
        /// Column, 0-based.
        column: u32,
        /// Whether the cell is a header cell.
        header: bool,
    },
}

impl Frame {
    /// The container this frame is part of: two frames with the same
    /// container key are in the same quote, list or table.
    pub fn container(&self) -> (u8, u32) {
        match *self {
            Frame::Quote { quote } => (0, quote),
            Frame::Item { list, .. } => (1, list),
            Frame::Cell { table, .. } => (2, table),
        }
    }
}

/// A heading or paragraph of running text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Block {
    /// Stable anchor within the document (`h3`, `p12`).
    pub id: String,
    /// Heading or paragraph.
    pub kind: BlockKind,
    /// The content.
    pub inlines: Vec<Inline>,
    /// Source lines this block was assembled from (more than one when a page
    /// break split it and the parser rejoined it).
    pub lines: Vec<u32>,
    /// Index into [`Document::sections`] of the innermost section holding it.
    pub section: Option<usize>,
    /// The quotes, list items and table cells it sits in, outermost first;
    /// empty for running text.
    pub within: Vec<Frame>,
}

impl Block {
    /// The text without note markers, emphasis as plain text.
    pub fn plain_text(&self) -> String {
        crate::inline::plain_text(&self.inlines)
    }

    /// Labels of the notes this block cites, in order, with repeats.
    pub fn refs(&self) -> Vec<&str> {
        self.inlines
            .iter()
            .filter_map(|i| match i {
                Inline::NoteRef { label, .. } => Some(label.as_str()),
                _ => None,
            })
            .collect()
    }

    /// The heading level, if this is a heading.
    pub fn heading_level(&self) -> Option<u8> {
        match self.kind {
            BlockKind::Heading { level } => Some(level),
            BlockKind::Paragraph => None,
        }
    }
}

/// A node of the section tree: one heading and what follows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Section {
    /// Index into [`Document::blocks`] of its heading.
    pub heading: usize,
    /// Heading level.
    pub level: u8,
    /// Index of the enclosing section.
    pub parent: Option<usize>,
    /// Indices of the sections directly inside it.
    pub children: Vec<usize>,
}

/// A note: an end note, a page-foot note, or the author note.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Note {
    /// The label (`7`, `53`, `*`).
    pub label: String,
    /// Stable anchor within the document (`n7`, `n-author`).
    pub id: String,
    /// The marker exactly as the source wrote it before the text (`[7]`, `¹³`, `7`, `*`).
    pub marker: Option<String>,
    /// The note's text, or `None` when the source cites it but lacks its text.
    pub body: Option<Vec<Inline>>,
    /// Source line of the note text (or of its first citation when absent).
    pub line: u32,
    /// Ids of the blocks citing it, in order, with repeats.
    pub cited_by: Vec<String>,
    /// For a `Supra note N` / `Ibid.` / `同前註` / `同註N` note: the label of the
    /// note it refers to.
    pub see: Option<String>,
}

impl Note {
    /// The note's text without markup, or `None` when absent.
    pub fn plain_text(&self) -> Option<String> {
        self.body.as_deref().map(crate::inline::plain_text)
    }
}

/// Why the parser set a piece of source text aside instead of modelling it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum SkipReason {
    /// A metadata label (`瀏覽數`, `作者`, `關鍵字:`).
    Label,
    /// Punctuation that only structures the source (list bullets, the
    /// parentheses around a disclaimer, keyword separators).
    Syntax,
    /// The title printed a second time.
    RepeatedTitle,
    /// A decorative separator line (`.....`).
    Separator,
    /// Scraped page furniture that is not content (`行動版選單開關`).
    Debris,
    /// Text the metadata was read from, kept whole: a Markdown front matter
    /// block, a title heading, Word's Title/Subtitle/Author/Date paragraphs.
    MetadataSource,
    /// A character reference (`&amp;`): the model holds the character it
    /// stands for.
    Reference,
}

/// A piece of source text the parser named and set aside.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Skipped {
    /// Source line.
    pub line: u32,
    /// The exact text.
    pub text: String,
    /// Why.
    pub reason: SkipReason,
}

/// One parsed source file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    /// URL-safe id derived from the file name (`quad-foreign-ministers-2025`).
    pub id: String,
    /// The source file name as given to the parser.
    pub source: String,
    /// Metadata.
    pub meta: Meta,
    /// Headings and paragraphs in reading order.
    pub blocks: Vec<Block>,
    /// The section tree, in heading order; roots have no parent.
    pub sections: Vec<Section>,
    /// Notes: the author note first, then by number.
    pub notes: Vec<Note>,
    /// Source text set aside, each with its reason.
    pub skipped: Vec<Skipped>,
    /// What the parser found wrong or missing.
    pub diagnostics: Vec<Diagnostic>,
    /// How to cite it, formatted at build time (`citation::attach`); empty
    /// until then.
    pub cite: Cite,
}

impl Document {
    /// The note with this label.
    pub fn note(&self, label: &str) -> Option<&Note> {
        self.notes.iter().find(|n| n.label == label)
    }

    /// The block with this anchor id.
    pub fn block(&self, id: &str) -> Option<&Block> {
        self.blocks.iter().find(|b| b.id == id)
    }

    /// Sections with no parent, in order.
    pub fn root_sections(&self) -> impl Iterator<Item = (usize, &Section)> {
        self.sections
            .iter()
            .enumerate()
            .filter(|(_, s)| s.parent.is_none())
    }

    /// True when any diagnostic is an error.
    pub fn has_errors(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severity == crate::diagnostic::Severity::Error)
    }

    /// The notes a note refers to through `Supra`/`Ibid.`/`同前註`/`同註N`,
    /// followed from one to the next: at most `limit` of them, each once, in
    /// order, stopping at a note already seen (a cycle) or one not in the
    /// document.
    pub fn referred_notes(&self, label: &str, limit: usize) -> Vec<&Note> {
        let mut seen = vec![label];
        let mut out = Vec::new();
        let mut current = self.note(label);
        while let Some(next) = current
            .and_then(|n| n.see.as_deref())
            .and_then(|l| self.note(l))
        {
            if out.len() == limit || seen.contains(&next.label.as_str()) {
                break;
            }
            seen.push(&next.label);
            out.push(next);
            current = Some(next);
        }
        out
    }

    /// Every piece of source text the model holds, each exactly once: metadata
    /// values, block and note contents with their markers, and the skipped
    /// pieces. The loss-free test compares this with the source file.
    pub fn accounted_text(&self) -> Vec<String> {
        let mut out = Vec::new();
        let m = &self.meta;
        if matches!(m.kind, Kind::Markdown | Kind::Word) {
            // Their metadata is a copy of text kept whole in `skipped` (the
            // front matter, the Title/Author paragraphs) or of Word's
            // document properties, which are not body text.
            return self.body_text(out);
        }
        out.extend(m.category.clone());
        // A chapter's title and authors are copies of its contents entry (or
        // of the part title), counted there.
        let own_header = m.kind == Kind::WebAnalysis;
        if own_header {
            out.push(m.title.clone());
        }
        for a in &self.meta.authors {
            if own_header {
                out.push(a.name.clone());
            }
            out.extend(a.affiliation.clone());
        }
        out.extend(m.date.as_ref().map(|d| d.source.clone()));
        out.extend(m.views.map(|v| v.to_string()));
        out.extend(m.keywords.iter().cloned());
        out.extend(m.disclaimer.clone());
        if let Some(p) = &m.part {
            out.push(p.label.clone());
            out.extend(p.title.clone());
        }
        for c in &m.contents {
            out.push(c.label.clone());
            out.push(c.title.clone());
            out.extend(c.author.clone());
        }
        self.body_text(out)
    }

    fn body_text(&self, mut out: Vec<String>) -> Vec<String> {
        // Markdown and Word runs were read by a real parser: their emphasis
        // and link syntax is in `skipped` (or was never text).
        let text = match self.meta.kind {
            Kind::Markdown | Kind::Word => crate::inline::content_text,
            Kind::WebAnalysis | Kind::BookChapter => crate::inline::source_text,
        };
        for b in &self.blocks {
            out.push(text(&b.inlines));
        }
        for n in &self.notes {
            if let Some(body) = &n.body {
                out.extend(n.marker.clone());
                out.push(text(body));
            }
        }
        out.extend(self.skipped.iter().map(|s| s.text.clone()));
        out
    }
}
