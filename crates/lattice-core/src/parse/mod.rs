//! The corpus parser: detects each file's format and builds its [`Document`].
//! (Stub while the faithful parser is written.)

use crate::inline::{parse_inlines, MarkerStyle, Syntax};
use crate::model::*;

/// Parse one source file. Never panics; problems become diagnostics.
pub fn parse(file: &str, text: &str) -> Document {
    let mut blocks = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        blocks.push(Block {
            id: format!("p{}", blocks.len() + 1),
            kind: BlockKind::Paragraph,
            inlines: parse_inlines(line, Syntax { markers: Some(MarkerStyle::Superscript) }),
            lines: vec![i as u32 + 1],
            section: None,
        });
    }
    Document {
        id: doc_id(file),
        source: file.to_string(),
        meta: Meta {
            kind: Kind::WebAnalysis,
            title: text.lines().find(|l| !l.trim().is_empty()).unwrap_or("").to_string(),
            category: None,
            authors: vec![],
            date: None,
            views: None,
            keywords: vec![],
            disclaimer: None,
            part: None,
            contents: vec![],
            chapter: None,
        },
        blocks,
        sections: vec![],
        notes: vec![],
        skipped: vec![],
        diagnostics: vec![],
    }
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
