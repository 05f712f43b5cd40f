//! The finishing pass both formats share: stable block ids, the section tree,
//! which blocks cite which notes, notes the source cites but lacks, notes
//! nothing cites, and the note a `Supra` / `Ibid.` / `同前註` / `同註N`
//! cross-reference resolves to.

use super::{Diags, Draft};
use crate::diagnostic::Diagnostic;
use crate::inline::Inline;
use crate::model::*;

pub(super) fn finish(file: &str, draft: Draft, diags: &Diags<'_>) -> Document {
    let Draft {
        meta,
        blocks: draft_blocks,
        notes: draft_notes,
        skipped,
        mut diagnostics,
    } = draft;

    // Blocks with ids and their sections.
    let mut blocks = Vec::with_capacity(draft_blocks.len());
    let mut sections: Vec<Section> = Vec::new();
    let mut open: Vec<usize> = Vec::new(); // stack of section indices
    let (mut headings, mut paragraphs) = (0, 0);
    for b in draft_blocks {
        let id = match b.kind {
            BlockKind::Heading { level } => {
                headings += 1;
                while open.last().is_some_and(|&s| sections[s].level >= level) {
                    open.pop();
                }
                let parent = open.last().copied();
                let index = sections.len();
                sections.push(Section {
                    heading: blocks.len(),
                    level,
                    parent,
                    children: Vec::new(),
                });
                if let Some(p) = parent {
                    sections[p].children.push(index);
                }
                open.push(index);
                format!("h{headings}")
            }
            BlockKind::Paragraph => {
                paragraphs += 1;
                format!("p{paragraphs}")
            }
        };
        blocks.push(Block {
            id,
            kind: b.kind,
            inlines: b.inlines,
            lines: b.lines,
            section: open.last().copied(),
            within: b.within,
        });
    }

    // Notes the source defines; a repeated label is kept, under its own id.
    let mut notes: Vec<Note> = Vec::with_capacity(draft_notes.len());
    for n in draft_notes {
        let id = note_id(&n.label);
        let dup = notes.iter().filter(|m| m.label == n.label).count();
        if let Some(first) = notes.iter().find(|m| m.label == n.label) {
            diagnostics.push(diags.warn(
                n.line,
                format!(
                    "note {} is defined again (first at line {}); citations go to the first",
                    n.label, first.line
                ),
            ));
        }
        notes.push(Note {
            id: if dup == 0 {
                id
            } else {
                format!("{id}-{}", dup + 1)
            },
            label: n.label,
            marker: Some(n.marker),
            body: Some(n.body),
            line: n.line,
            cited_by: Vec::new(),
            see: None,
        });
    }

    // Citations; a cited label with no text becomes an absent note.
    for b in &blocks {
        for i in &b.inlines {
            let Inline::NoteRef { label, marker } = i else {
                continue;
            };
            let line = b.lines.first().copied().unwrap_or(1);
            match notes.iter_mut().find(|n| &n.label == label) {
                Some(n) => n.cited_by.push(b.id.clone()),
                None => {
                    // Word writes no marker: the number is the note's.
                    let shown = if marker.is_empty() { label } else { marker };
                    diagnostics.push(diags.warn(
                        line,
                        format!("note {shown} is cited but the source does not include its text"),
                    ));
                    notes.push(Note {
                        label: label.clone(),
                        id: note_id(label),
                        marker: None,
                        body: None,
                        line,
                        cited_by: vec![b.id.clone()],
                        see: None,
                    });
                }
            }
        }
    }
    for n in &notes {
        if n.cited_by.is_empty() && n.label != "*" && n.id == note_id(&n.label) {
            // A Markdown note is known by its label as written (`[^y]`).
            let shown = match n.marker.as_deref() {
                Some(m) if m.starts_with("[^") => format!("{} ({m})", n.label),
                _ => n.label.clone(),
            };
            diagnostics.push(diags.warn(
                n.line,
                format!("note {shown} has a text but nothing in the document cites it"),
            ));
        }
    }

    notes.sort_by_key(|n| {
        (
            n.label != "*",
            n.label.parse::<u32>().unwrap_or(u32::MAX),
            n.line,
        )
    });
    resolve_cross_references(&mut notes, &mut diagnostics, diags);

    diagnostics.sort_by_key(|d| d.line);
    Document {
        id: super::doc_id(file),
        source: file.to_string(),
        meta,
        blocks,
        sections,
        notes,
        skipped,
        diagnostics,
        cite: crate::model::Cite::default(),
    }
}

fn note_id(label: &str) -> String {
    if label == "*" {
        "n-author".to_string()
    } else {
        format!("n{label}")
    }
}

/// Set `see` on every note whose text refers to another note.
fn resolve_cross_references(
    notes: &mut [Note],
    diagnostics: &mut Vec<Diagnostic>,
    diags: &Diags<'_>,
) {
    for i in 0..notes.len() {
        let Some(text) = notes[i].plain_text() else {
            continue;
        };
        let target = match cross_reference(&text) {
            Some(CrossRef::Note(n)) => n.to_string(),
            Some(CrossRef::Previous) => {
                // The note just before this one in number order.
                let Ok(n) = notes[i].label.parse::<u32>() else {
                    continue;
                };
                match notes
                    .iter()
                    .filter_map(|m| m.label.parse::<u32>().ok())
                    .filter(|&m| m < n)
                    .max()
                {
                    Some(m) => m.to_string(),
                    None => {
                        diagnostics.push(diags.warn(
                            notes[i].line,
                            format!("note {n} says Ibid./同前註 but no note comes before it"),
                        ));
                        continue;
                    }
                }
            }
            None => continue,
        };
        match notes.iter().find(|m| m.label == target) {
            Some(m) if m.body.is_some() => {}
            Some(_) => diagnostics.push(diags.warn(
                notes[i].line,
                format!(
                    "note {} refers to note {target}, whose text the source does not include",
                    notes[i].label
                ),
            )),
            None => {
                diagnostics.push(diags.warn(
                    notes[i].line,
                    format!(
                        "note {} refers to note {target}, which the document does not have",
                        notes[i].label
                    ),
                ));
                continue;
            }
        }
        if target != notes[i].label {
            notes[i].see = Some(target);
        }
    }
}

#[derive(Debug, PartialEq, Eq)]
enum CrossRef {
    Note(u32),
    Previous,
}

/// Find a cross-reference in a note's plain text: `Supra note 8`, `supra n. 8`,
/// `Ibid.`, `Id.`, `同前註`, `同前注`, `同註2`, `同註 2`, `參見註 2`.
fn cross_reference(text: &str) -> Option<CrossRef> {
    let lower = text.to_lowercase();
    for pat in [
        "supra note",
        "supra notes",
        "supra n.",
        "see note",
        "同註",
        "同注",
        "參見註",
        "見註",
    ] {
        if let Some(p) = lower.find(pat) {
            let rest = lower[p + pat.len()..].trim_start();
            let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
            if let Ok(n) = digits.parse() {
                return Some(CrossRef::Note(n));
            }
        }
    }
    let head = lower.trim_start();
    if head.starts_with("ibid")
        || head.starts_with("id.")
        || lower.contains("同前註")
        || lower.contains("同前注")
    {
        return Some(CrossRef::Previous);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cross_references() {
        assert_eq!(
            cross_reference("Singh, “Intro,” Supra note 8, p. 4."),
            Some(CrossRef::Note(8))
        );
        assert_eq!(cross_reference("Supra note 16."), Some(CrossRef::Note(16)));
        assert_eq!(cross_reference("Ibid., p.5."), Some(CrossRef::Previous));
        assert_eq!(cross_reference("同前註，頁 3。"), Some(CrossRef::Previous));
        assert_eq!(cross_reference("同註 2，頁 7。"), Some(CrossRef::Note(2)));
        assert_eq!(cross_reference("同註2。"), Some(CrossRef::Note(2)));
        assert_eq!(
            cross_reference("Robbie Gramer, “Biden’s Doctrine,” 2024."),
            None
        );
        assert_eq!(cross_reference("Idaho, 2020."), None);
    }
}
