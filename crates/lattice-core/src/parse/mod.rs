//! The corpus parser: detects each file's format, hands it to that format's
//! reader ([`web`], [`book`]), then finishes the document the same way for
//! both — block ids, the section tree, note citations and cross-references,
//! and diagnostics for what the source lacks.
//!
//! Nothing is dropped silently: text the readers do not model goes into
//! [`Document::skipped`] with a reason, and whatever looks wrong becomes a
//! [`Diagnostic`] with file and line.

mod book;
mod detect;
mod finish;
mod lines;
mod web;

use crate::diagnostic::{Diagnostic, Severity};
use crate::inline::Inline;
use crate::model::*;
use detect::Format;
use lines::Line;

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
            meta: Meta {
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
            },
            blocks: Vec::new(),
            notes: Vec::new(),
            skipped: Vec::new(),
            diagnostics: Vec::new(),
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

/// Parse one source file. Never panics: what cannot be parsed becomes an
/// error diagnostic on a (possibly empty) document.
pub fn parse(file: &str, text: &str) -> Document {
    let diags = Diags { file };
    let lines = lines::split(text);
    let draft = match detect::detect(&lines) {
        Some(Format::Web) => web::read(&lines, &diags),
        Some(Format::Book) => book::read(&lines, &diags),
        None => unrecognised(&lines, &diags),
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
    let stem = name.strip_suffix(".txt").unwrap_or(name);
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
