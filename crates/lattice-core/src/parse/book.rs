//! Reader for book chapters extracted from a PDF: a `PART n` header, the
//! part's contents, `壹、` / `一、` sections, superscript note markers, and
//! note texts printed where each page ended — often in the middle of a
//! paragraph, which this reader rejoins.
//!
//! Note texts begin with superscript or plain digits, and body paragraphs may
//! also begin with digits (`2025 年 1 月…`). A plain-digit line is a note only
//! when its number is one the text has cited but not yet defined (or the next
//! number after the last note) and it does not read as a quantity.

use super::headings::{heading_level, is_part_header};
use super::lines::{ends_sentence, is_separator, Line};
use super::{Diags, Draft, DraftBlock, DraftNote};
use crate::inline::{parse_inlines, superscript_digit, Inline, MarkerStyle, Syntax};
use crate::model::*;
use std::collections::BTreeSet;

const BODY: Syntax = Syntax {
    markers: Some(MarkerStyle::Superscript),
};
const NOTE: Syntax = Syntax { markers: None };

/// Characters that, right after a leading number, make it a quantity or a
/// date (`2025 年`, `7 月`, `25%`) rather than a note number.
const UNITS: &[char] = &[
    '年', '月', '日', '時', '點', '歲', '個', '名', '位', '項', '次', '%', '％', '萬', '億', '天',
    '週', '周', '国', '國', '艘', '架', '人', '元',
];

/// What one line of a chapter is.
enum LineKind<'a> {
    Heading(u8),
    AuthorNote(&'a str),
    Note {
        label: String,
        marker: &'a str,
        rest: &'a str,
    },
    Body,
}

struct Reader<'d> {
    draft: Draft,
    diags: &'d Diags<'d>,
    /// Labels cited so far whose note text has not appeared yet.
    pending: BTreeSet<u32>,
    /// Highest note number defined so far.
    last_note: u32,
    /// Index of the paragraph a page break may have cut, if the last thing
    /// read was that paragraph or notes after it.
    open_paragraph: Option<usize>,
    /// Whether the last thing read was a note whose text did not end a sentence.
    open_note: bool,
}

pub(super) fn read(lines: &[Line<'_>], diags: &Diags<'_>) -> Draft {
    let mut r = Reader {
        draft: Draft::new(Kind::BookChapter),
        diags,
        pending: BTreeSet::new(),
        last_note: 0,
        open_paragraph: None,
        open_note: false,
    };
    let body_start = r.read_header(lines);
    for l in &lines[body_start..] {
        r.read_line(*l);
    }
    if let Some(i) = r.open_paragraph {
        let line = r.draft.blocks[i].lines.last().copied().unwrap_or(1);
        r.draft.diagnostics.push(diags.warn(
            line,
            "the chapter's last paragraph ends mid-sentence; is text missing?",
        ));
    }
    r.resolve_chapter(lines);
    r.draft
}

impl Reader<'_> {
    /// `PART n`, separators, the part title and the contents; returns the
    /// index of the first body line.
    fn read_header(&mut self, lines: &[Line<'_>]) -> usize {
        let mut i = 0;
        while let Some(l) = lines.get(i) {
            let t = l.text;
            if t.is_empty() {
            } else if is_separator(t) {
                self.draft.skip(l.number, t, SkipReason::Separator);
            } else if is_part_header(t) && self.draft.meta.part.is_none() {
                self.draft.meta.part = Some(BookPart {
                    label: t.to_string(),
                    title: None,
                });
            } else if let Some(entry) = self.contents_entry(*l) {
                self.draft.meta.contents.push(entry);
            } else if heading_level(t).is_some() || self.classify(t).is_note() {
                break;
            } else if let Some(part) = self
                .draft
                .meta
                .part
                .as_mut()
                .filter(|p| p.title.is_none() && self.draft.meta.contents.is_empty())
            {
                part.title = Some(t.to_string());
            } else {
                break;
            }
            i += 1;
        }
        i
    }

    /// `- 第一章 題目（作者）`.
    fn contents_entry(&mut self, l: Line<'_>) -> Option<ContentsEntry> {
        let t = l.text;
        let bullet = t
            .chars()
            .next()
            .filter(|c| matches!(c, '-' | '•' | '・' | '*' | '·'))?;
        let rest = t[bullet.len_utf8()..].trim_start();
        let label_end = rest.find('章')? + '章'.len_utf8();
        let label = &rest[..label_end];
        if !label.starts_with('第') || label.chars().count() > 6 {
            return None;
        }
        let rest = rest[label_end..].trim_start();
        let (title, author, open, close) = match rest
            .strip_suffix('）')
            .and_then(|r| r.rfind('（').map(|p| (r, p, "（", "）")))
            .or_else(|| {
                rest.strip_suffix(')')
                    .and_then(|r| r.rfind('(').map(|p| (r, p, "(", ")")))
            }) {
            Some((r, p, open, close)) => (r[..p].trim(), Some(&r[p + open.len()..]), open, close),
            None => (rest, None, "", ""),
        };
        if title.is_empty() {
            return None;
        }
        self.draft
            .skip(l.number, bullet.to_string(), SkipReason::Syntax);
        self.draft.skip(l.number, open, SkipReason::Syntax);
        self.draft.skip(l.number, close, SkipReason::Syntax);
        Some(ContentsEntry {
            label: label.to_string(),
            title: title.to_string(),
            author: author
                .map(|a| a.trim().to_string())
                .filter(|a| !a.is_empty()),
            line: l.number,
        })
    }

    fn classify<'t>(&self, t: &'t str) -> LineKind<'t> {
        if let Some(level) = heading_level(t) {
            return LineKind::Heading(level);
        }
        if let Some(rest) = t.strip_prefix('*') {
            if rest.starts_with(char::is_whitespace) {
                return LineKind::AuthorNote(rest.trim_start());
            }
        }
        // Superscript number: always a note text.
        let sup: usize = t
            .chars()
            .take_while(|c| superscript_digit(*c).is_some())
            .map(char::len_utf8)
            .sum();
        if sup > 0 && t.len() > sup {
            let label: String = t[..sup].chars().filter_map(superscript_digit).collect();
            return LineKind::Note {
                label: crate::inline::normalise_label(&label),
                marker: &t[..sup],
                rest: t[sup..].trim_start(),
            };
        }
        // Plain number: a note only if it is one we are waiting for.
        let digits = t.bytes().take_while(u8::is_ascii_digit).count();
        if (1..=3).contains(&digits) && t[digits..].starts_with(char::is_whitespace) {
            let rest = t[digits..].trim_start();
            let n: u32 = t[..digits].parse().unwrap_or(0);
            let expected = self.pending.contains(&n) || n == self.last_note + 1;
            let quantity = rest.starts_with(UNITS);
            if expected && !quantity && !rest.is_empty() {
                return LineKind::Note {
                    label: n.to_string(),
                    marker: &t[..digits],
                    rest,
                };
            }
        }
        LineKind::Body
    }

    fn read_line(&mut self, l: Line<'_>) {
        let t = l.text;
        if t.is_empty() {
            return;
        }
        if is_separator(t) {
            self.draft.skip(l.number, t, SkipReason::Separator);
            return;
        }
        match self.classify(t) {
            LineKind::Heading(level) => {
                self.close_paragraph_before_heading();
                self.open_note = false;
                let inlines = parse_inlines(t, BODY);
                self.note_citations(&inlines);
                self.draft.blocks.push(DraftBlock {
                    within: Vec::new(),
                    kind: BlockKind::Heading { level },
                    inlines,
                    lines: vec![l.number],
                });
            }
            LineKind::AuthorNote(rest) => {
                self.draft.notes.push(DraftNote {
                    label: "*".into(),
                    marker: "*".into(),
                    body: parse_inlines(rest, NOTE),
                    line: l.number,
                });
                self.open_note = !ends_sentence(rest);
            }
            LineKind::Note {
                label,
                marker,
                rest,
            } => {
                if let Ok(n) = label.parse::<u32>() {
                    self.pending.remove(&n);
                    self.last_note = self.last_note.max(n);
                }
                self.draft.notes.push(DraftNote {
                    label,
                    marker: marker.to_string(),
                    body: parse_inlines(rest, NOTE),
                    line: l.number,
                });
                self.open_note = !ends_sentence(rest);
            }
            LineKind::Body if self.open_note => {
                // A note cut by a page break continues on the next page.
                let note = self
                    .draft
                    .notes
                    .last_mut()
                    .expect("open_note implies a note");
                note.body.push(Inline::Text(" ".into()));
                note.body.extend(parse_inlines(t, NOTE));
                self.open_note = !ends_sentence(t);
            }
            LineKind::Body => self.read_body_line(l),
        }
    }

    fn read_body_line(&mut self, l: Line<'_>) {
        let inlines = parse_inlines(l.text, BODY);
        self.note_citations(&inlines);
        let ends = ends_sentence(&crate::inline::plain_text(&inlines));
        match self.open_paragraph {
            Some(i) => {
                let block = &mut self.draft.blocks[i];
                join(&mut block.inlines, inlines);
                block.lines.push(l.number);
            }
            None => self.draft.blocks.push(DraftBlock {
                within: Vec::new(),
                kind: BlockKind::Paragraph,
                inlines,
                lines: vec![l.number],
            }),
        }
        self.open_paragraph = (!ends).then(|| self.draft.blocks.len() - 1);
        self.open_note = false;
    }

    fn close_paragraph_before_heading(&mut self) {
        if let Some(i) = self.open_paragraph.take() {
            let line = self.draft.blocks[i].lines.last().copied().unwrap_or(1);
            self.draft.diagnostics.push(self.diags.warn(
                line,
                "paragraph ends mid-sentence right before a heading; is text missing?",
            ));
        }
    }

    fn note_citations(&mut self, inlines: &[Inline]) {
        for i in inlines {
            if let Inline::NoteRef { label, .. } = i {
                if let Ok(n) = label.parse::<u32>() {
                    if n > self.last_note || !self.defined(label) {
                        self.pending.insert(n);
                    }
                }
            }
        }
    }

    fn defined(&self, label: &str) -> bool {
        self.draft.notes.iter().any(|n| n.label == label)
    }

    /// The chapter a file holds is the contents entry whose author the
    /// author note names — not the entry's position.
    fn resolve_chapter(&mut self, lines: &[Line<'_>]) {
        let meta = &mut self.draft.meta;
        let author_note = self.draft.notes.iter().find(|n| n.label == "*");
        let note_text = author_note.map(|n| crate::inline::plain_text(&n.body));
        let by_note = note_text.as_deref().and_then(|text| {
            meta.contents.iter().position(|c| {
                c.author.as_deref().is_some_and(|a| {
                    a.split(['、', '，', ','])
                        .any(|a| text.starts_with(a.trim()))
                })
            })
        });
        let chosen = by_note.or((meta.contents.len() == 1).then_some(0));
        match chosen {
            Some(i) => {
                let c = &meta.contents[i];
                meta.chapter = Some(i);
                meta.title = c.title.clone();
                meta.authors = c
                    .author
                    .iter()
                    .flat_map(|a| a.split(['、', '，', ',']))
                    .map(|name| Author {
                        name: name.trim().to_string(),
                        affiliation: None,
                        note: author_note.map(|n| n.label.clone()),
                    })
                    .collect();
            }
            None => {
                let line = author_note
                    .map(|n| n.line)
                    .or(meta.contents.first().map(|c| c.line))
                    .unwrap_or(1);
                let why = if author_note.is_some() {
                    "the author note (`* …`) names none of the authors in the contents"
                } else {
                    "the chapter has no author note (`* …`)"
                };
                self.draft.diagnostics.push(self.diags.warn(
                    line,
                    format!("{why}, so it cannot tell which chapter this file holds"),
                ));
                // Fall back to the part's title, then the first line of text.
                meta.title = meta
                    .part
                    .as_ref()
                    .and_then(|p| p.title.clone())
                    .or_else(|| {
                        lines
                            .iter()
                            .find(|l| !l.text.is_empty())
                            .map(|l| l.text.to_string())
                    })
                    .unwrap_or_default();
            }
        }
    }
}

impl LineKind<'_> {
    fn is_note(&self) -> bool {
        matches!(self, LineKind::Note { .. } | LineKind::AuthorNote(_))
    }
}

/// Append runs to a paragraph cut by a page break: merge the text runs that
/// meet, with a space only where two Latin words would otherwise fuse.
fn join(into: &mut Vec<Inline>, more: Vec<Inline>) {
    let mut more = more.into_iter();
    match (into.last_mut(), more.next()) {
        (Some(Inline::Text(a)), Some(Inline::Text(b))) => {
            let fuse = a.ends_with(|c: char| c.is_ascii_alphanumeric())
                && b.starts_with(|c: char| c.is_ascii_alphanumeric());
            if fuse {
                a.push(' ');
            }
            a.push_str(&b);
        }
        (_, Some(first)) => into.push(first),
        (_, None) => {}
    }
    into.extend(more);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heading_levels() {
        assert_eq!(heading_level("壹、前言"), Some(1));
        assert_eq!(
            heading_level("參、印太地區的主要「戰略小多邊主義」"),
            Some(1)
        );
        assert_eq!(heading_level("一、「四方安全對話」(Quad)"), Some(2));
        assert_eq!(heading_level("（二）次節"), Some(3));
        assert_eq!(heading_level("一、"), None);
        assert_eq!(heading_level("一、這是一個完整的句子。"), None);
        assert_eq!(heading_level("2025 年 1 月"), None);
    }

    #[test]
    fn joining_merges_text_and_spaces_latin_words() {
        let mut a = vec![Inline::Text("強化友盟關".into())];
        join(&mut a, vec![Inline::Text("係的策略。".into())]);
        assert_eq!(a, vec![Inline::Text("強化友盟關係的策略。".into())]);
        let mut a = vec![Inline::Text("the".into())];
        join(&mut a, vec![Inline::Text("Quad".into())]);
        assert_eq!(a, vec![Inline::Text("the Quad".into())]);
    }
}
