//! The corpus parser: tells each file's format, hands it to that format's
//! reader (`web`, `book`, `markdown`, `word`), then finishes the
//! document the same way for all — block ids, the section tree, note
//! citations and cross-references, and diagnostics for what the source lacks.
//!
//! Plain-text formats are told from the content; Markdown and Word from the
//! file name's extension ([`Format::of`]), since any text is Markdown.
//!
//! Nothing is dropped silently: text the readers do not model goes into
//! [`Document::skipped`] with a reason, and whatever looks wrong becomes a
//! [`Diagnostic`] with file and line.

mod book;
mod detect;
mod finish;
mod headings;
mod lines;
mod markdown;
mod web;
mod word;

use crate::diagnostic::{Diagnostic, Severity};
use crate::inline::Inline;
use crate::model::*;
use lines::Line;

/// How a source file is read, from its name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// UTF-8 text: a web analysis or a book chapter, told from the content.
    Text,
    /// UTF-8 Markdown (`.md`, `.markdown`).
    Markdown,
    /// A Word document (`.docx`), read as bytes.
    Word,
}

impl Format {
    /// The format of a file with this name, or `None` for a file that is not
    /// a source (the corpus folder also holds `glossary.toml`).
    pub fn of(file: &str) -> Option<Format> {
        let name = file.rsplit(['/', '\\']).next().unwrap_or(file);
        let ext = name.rsplit_once('.')?.1.to_ascii_lowercase();
        match ext.as_str() {
            "txt" => Some(Format::Text),
            "md" | "markdown" => Some(Format::Markdown),
            "docx" => Some(Format::Word),
            _ => None,
        }
    }
}

/// Parse one source file from its bytes, by its name's format: Word files
/// are read as a zip package, anything else as UTF-8 text (invalid UTF-8 is
/// decoded lossily and reported as an error with its line). Never panics.
pub fn parse_bytes(file: &str, bytes: &[u8]) -> Document {
    if Format::of(file) == Some(Format::Word) {
        return word::parse(file, bytes);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => parse(file, text),
        Err(e) => {
            let valid = e.valid_up_to();
            let line = 1 + bytes[..valid].iter().filter(|&&b| b == b'\n').count() as u32;
            let text = String::from_utf8_lossy(bytes);
            let mut doc = parse(file, &text);
            doc.diagnostics.insert(
                0,
                Diagnostic {
                    file: file.to_string(),
                    line,
                    severity: Severity::Error,
                    message: "the file is not valid UTF-8; save it as UTF-8".into(),
                },
            );
            doc
        }
    }
}

/// What a format reader produces before the common finishing pass.
#[derive(Debug)]
struct Draft {
    meta: Meta,
    blocks: Vec<DraftBlock>,
    notes: Vec<DraftNote>,
    skipped: Vec<Skipped>,
    diagnostics: Vec<Diagnostic>,
}

#[derive(Debug)]
struct DraftBlock {
    within: Vec<Frame>,
    kind: BlockKind,
    inlines: Vec<Inline>,
    lines: Vec<u32>,
}

#[derive(Debug)]
struct DraftNote {
    label: String,
    marker: String,
    body: Vec<Inline>,
    line: u32,
}

impl Draft {
    fn new(kind: Kind) -> Self {
        Draft {
            meta: Meta::empty(kind),
            blocks: Vec::new(),
            notes: Vec::new(),
            skipped: Vec::new(),
            diagnostics: Vec::new(),
        }
    }

    /// Make the top heading level used level 1 (a Markdown file whose
    /// sections are `##`, a Word file whose first heading is Heading 2).
    fn lift_headings(&mut self) {
        let top = self
            .blocks
            .iter()
            .filter_map(|b| match b.kind {
                BlockKind::Heading { level } => Some(level),
                BlockKind::Paragraph => None,
            })
            .min()
            .unwrap_or(1);
        for b in &mut self.blocks {
            if let BlockKind::Heading { level } = &mut b.kind {
                *level = *level - top + 1;
            }
        }
    }

    fn skip(&mut self, line: u32, text: impl Into<String>, reason: SkipReason) {
        let text = text.into();
        if !text.is_empty() {
            self.skipped.push(Skipped { line, text, reason });
        }
    }
}

/// Collects diagnostics for one file.
#[derive(Debug)]
struct Diags<'a> {
    file: &'a str,
}

impl Diags<'_> {
    fn warn(&self, line: u32, message: impl Into<String>) -> Diagnostic {
        self.make(line, Severity::Warning, message)
    }

    fn error(&self, line: u32, message: impl Into<String>) -> Diagnostic {
        self.make(line, Severity::Error, message)
    }

    fn make(&self, line: u32, severity: Severity, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            file: self.file.to_string(),
            line,
            severity,
            message: message.into(),
        }
    }
}

/// Parse one text source file (a `.md` file as Markdown, any other as a web
/// analysis or a book chapter). Never panics: what cannot be parsed becomes
/// an error diagnostic on a (possibly empty) document.
pub fn parse(file: &str, text: &str) -> Document {
    let diags = Diags { file };
    if Format::of(file) == Some(Format::Markdown) {
        return finish::finish(file, markdown::read(text, &diags), &diags);
    }
    let lines = lines::split(text);
    let draft = match detect::detect(&lines) {
        Some(Kind::WebAnalysis) => web::read(&lines, &diags),
        Some(Kind::BookChapter) => book::read(&lines, &diags),
        Some(Kind::Markdown | Kind::Word) | None => unrecognised(&lines, &diags),
    };
    finish::finish(file, draft, &diags)
}

/// A file in neither format: keep every line as a paragraph so nothing is
/// lost, and refuse it with an error that says what was expected.
fn unrecognised(lines: &[Line<'_>], diags: &Diags<'_>) -> Draft {
    let mut draft = Draft::new(Kind::WebAnalysis);
    let first = lines.iter().find(|l| !l.text.is_empty());
    let message = match first {
        None => "the file is empty".to_string(),
        Some(_) => "cannot tell the format: expected a web analysis (a header with 瀏覽數, \
                    a YYYY.MM.DD date and 作者) or a book chapter (a `PART n` header or \
                    `壹、` sections with superscript note markers)"
            .to_string(),
    };
    draft
        .diagnostics
        .push(diags.error(first.map_or(1, |l| l.number), message));
    for l in lines.iter().filter(|l| !l.text.is_empty()) {
        if draft.meta.title.is_empty() {
            draft.meta.title = l.text.to_string();
            continue;
        }
        draft.blocks.push(DraftBlock {
            within: Vec::new(),
            kind: BlockKind::Paragraph,
            inlines: vec![Inline::Text(l.text.to_string())],
            lines: vec![l.number],
        });
    }
    draft
}

/// A URL-safe document id from a file name: its stem, lower-cased, with runs
/// of anything but ASCII letters and digits turned into one `-`.
pub fn doc_id(file: &str) -> String {
    let name = file.rsplit(['/', '\\']).next().unwrap_or(file);
    let stem = match Format::of(name) {
        Some(_) => name.rsplit_once('.').map_or(name, |(stem, _)| stem),
        None => name,
    };
    let mut id = String::new();
    for c in stem.chars() {
        if c.is_ascii_alphanumeric() {
            id.push(c.to_ascii_lowercase());
        } else if !id.ends_with('-') && !id.is_empty() {
            id.push('-');
        }
    }
    let id = id.trim_end_matches('-').to_string();
    if id.is_empty() {
        "document".to_string()
    } else {
        id
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_url_safe_slugs() {
        assert_eq!(doc_id("corpus/Quad Meeting_2025.txt"), "quad-meeting-2025");
        assert_eq!(doc_id("中文.txt"), "document");
        assert_eq!(doc_id("a\\b\\x--y.txt"), "x-y");
    }

    #[test]
    fn empty_and_unknown_files_are_errors_not_panics() {
        let d = parse("e.txt", "");
        assert!(d.has_errors());
        assert_eq!(d.diagnostics[0].message, "the file is empty");
        let d = parse("u.txt", "hello\n\nworld\n");
        assert!(d.has_errors());
        assert_eq!(d.diagnostics[0].line, 1);
        assert_eq!(d.blocks.len(), 1);
        assert_eq!(d.meta.title, "hello");
    }
}
