//! Reader for web analyses (INDSR style): a header of label lines, body
//! paragraphs and bare-line section headings with `[n]` note markers, then
//! `[n] …` note texts, then page furniture left over from the scrape.

use super::lines::{ends_sentence, is_separator, parse_date, Line};
use super::{Diags, Draft, DraftBlock, DraftNote};
use crate::inline::{parse_inlines, Inline, MarkerStyle, Syntax};
use crate::model::*;

const BODY: Syntax = Syntax {
    markers: Some(MarkerStyle::Bracket),
};
const NOTE: Syntax = Syntax { markers: None };

/// Page furniture of the scraped site template: UI strings, not content.
const DEBRIS: &[&str] = &[
    "行動版選單開關",
    "回到頂端",
    "回頂端",
    "回到頁首",
    "友善列印",
    "分享",
    "列印",
    "TOP",
];

const VIEWS_LABEL: &str = "瀏覽數";
const AUTHOR_LABEL: &str = "作者";
const KEYWORDS_LABELS: &[&str] = &["關鍵字:", "關鍵字：", "關鍵詞:", "關鍵詞：", "關鍵字"];

pub(super) fn read(lines: &[Line<'_>], diags: &Diags<'_>) -> Draft {
    let mut draft = Draft::new(Kind::WebAnalysis);
    let mut strays = Vec::new();
    let body_start = read_header(lines, diags, &mut draft, &mut strays);
    for l in strays {
        draft.blocks.push(DraftBlock {
            within: Vec::new(),
            kind: BlockKind::Paragraph,
            inlines: parse_inlines(l.text, BODY),
            lines: vec![l.number],
        });
    }
    read_body(&lines[body_start..], diags, &mut draft);
    draft
}

/// Reads the header lines; returns the index of the first body line.
fn read_header<'a>(
    lines: &[Line<'a>],
    diags: &Diags<'_>,
    draft: &mut Draft,
    strays: &mut Vec<Line<'a>>,
) -> usize {
    let content: Vec<usize> = (0..lines.len())
        .filter(|&i| !lines[i].text.is_empty())
        .collect();
    let mut k: usize = 0; // position in `content`
    let at = |k: usize| content.get(k).map(|&i| lines[i]);

    // Category, then title — unless the title comes first (no category).
    if let (Some(a), Some(b)) = (at(0), at(1)) {
        if is_header_label(b.text) || parse_date(b.text).is_some() {
            draft.meta.title = a.text.to_string();
            k = 1;
        } else {
            draft.meta.category = Some(a.text.to_string());
            draft.meta.title = b.text.to_string();
            k = 2;
        }
    }
    let title_line = at(k.saturating_sub(1)).map_or(1, |l| l.number);
    let mut seen_views = false;
    let mut seen_author = false;
    let mut seen_date = false;
    while let Some(l) = at(k) {
        let t = l.text;
        // A second view count is not the header's: the body has begun (a
        // header holds one; taking another would overwrite the first).
        if let Some(rest) = t
            .strip_prefix(VIEWS_LABEL)
            .filter(|_| !seen_views)
            .filter(|r| r.is_empty() || is_count(r.trim_start_matches([':', '：', ' '])))
        {
            draft.skip(l.number, VIEWS_LABEL, SkipReason::Label);
            let count = rest.trim_start_matches([':', '：', ' ']);
            if count.is_empty() {
                match at(k + 1).filter(|n| is_count(n.text)) {
                    Some(n) => {
                        k += 1;
                        set_views(draft, n.number, n.text);
                    }
                    None => draft.diagnostics.push(diags.warn(
                        at(k + 1).map_or(l.number, |n| n.number),
                        format!("expected a view count after {VIEWS_LABEL}"),
                    )),
                }
            } else {
                draft.skip(
                    l.number,
                    &rest[..rest.len() - count.len()],
                    SkipReason::Syntax,
                );
                set_views(draft, l.number, count);
            }
            seen_views = true;
        } else if let Some((y, m, d)) = parse_date(t).filter(|_| !seen_date) {
            draft.meta.date = Some(Date {
                year: y,
                month: m,
                day: d,
                source: t.to_string(),
            });
            seen_date = true;
        } else if t == AUTHOR_LABEL {
            draft.skip(l.number, t, SkipReason::Label);
            match at(k + 1).filter(|n| !is_header_field(n.text, &draft.meta.title)) {
                Some(n) => {
                    k += 1;
                    read_authors(n, draft);
                    // The line after the names is an affiliation when it names
                    // one of them (or there is only one author) and is not
                    // another header field.
                    if let Some(aff) =
                        at(k + 1).filter(|a| !is_header_field(a.text, &draft.meta.title))
                    {
                        let single = draft.meta.authors.len() == 1;
                        if let Some(a) = draft
                            .meta
                            .authors
                            .iter_mut()
                            .find(|a| single || aff.text.contains(&a.name))
                        {
                            a.affiliation = Some(aff.text.to_string());
                            k += 1;
                        }
                    }
                }
                None => draft
                    .diagnostics
                    .push(diags.warn(l.number, "no author name after 作者")),
            }
            seen_author = true;
        } else if t == draft.meta.title {
            draft.skip(l.number, t, SkipReason::RepeatedTitle);
        } else if let Some(label) = KEYWORDS_LABELS.iter().find(|p| t.starts_with(**p)) {
            draft.skip(l.number, *label, SkipReason::Label);
            read_keywords(l.number, &t[label.len()..], draft);
        } else if let Some(inner) = parenthesised(t) {
            draft.skip(
                l.number,
                &t[..t.len() - inner.len() - closing_len(t)],
                SkipReason::Syntax,
            );
            draft.skip(l.number, &t[t.len() - closing_len(t)..], SkipReason::Syntax);
            draft.meta.disclaimer = Some(inner.to_string());
            k += 1;
            break; // the disclaimer closes the header
        } else if seen_author && (seen_date || seen_views) {
            break; // the body has begun
        } else {
            draft.diagnostics.push(diags.warn(
                l.number,
                format!("unexpected line `{t}` in the header; kept as a paragraph"),
            ));
            strays.push(l);
        }
        k += 1;
    }
    if draft.meta.title.is_empty() {
        draft
            .diagnostics
            .push(diags.error(title_line, "the web analysis has no title line"));
    }
    let header_end = at(k.saturating_sub(1)).map_or(1, |l| l.number);
    if !seen_date {
        draft.diagnostics.push(diags.warn(
            header_end,
            "the header has no YYYY.MM.DD date line; the document will be undated",
        ));
    }
    if !seen_author {
        draft
            .diagnostics
            .push(diags.warn(header_end, "the header has no 作者 (author) line"));
    }
    content.get(k).copied().unwrap_or(lines.len())
}

/// Digits, possibly grouped with commas (`1,234`).
fn is_count(t: &str) -> bool {
    t.bytes().any(|b| b.is_ascii_digit()) && t.bytes().all(|b| b.is_ascii_digit() || b == b',')
}

fn set_views(draft: &mut Draft, line: u32, count: &str) {
    let digits: String = count.chars().filter(char::is_ascii_digit).collect();
    draft.meta.views = digits.parse().ok();
    draft.skip(
        line,
        ",".repeat(count.matches(',').count()),
        SkipReason::Syntax,
    );
    if draft.meta.views.is_none() {
        // Too large for a counter: keep the text rather than lose it.
        draft.skip(line, digits, SkipReason::Syntax);
    }
}

fn read_authors(line: Line<'_>, draft: &mut Draft) {
    for c in line.text.chars().filter(|c| is_list_separator(*c)) {
        draft.skip(line.number, c.to_string(), SkipReason::Syntax);
    }
    draft.meta.authors.extend(
        line.text
            .split(is_list_separator)
            .map(str::trim)
            .filter(|n| !n.is_empty())
            .map(|name| Author {
                name: name.to_string(),
                affiliation: None,
                note: None,
            }),
    );
}

fn is_list_separator(c: char) -> bool {
    matches!(c, '、' | ',' | '，' | ';' | '；')
}

fn read_keywords(line: u32, list: &str, draft: &mut Draft) {
    for c in list.chars().filter(|c| is_list_separator(*c)) {
        draft.skip(line, c.to_string(), SkipReason::Syntax);
    }
    draft.meta.keywords.extend(
        list.split(is_list_separator)
            .map(str::trim)
            .filter(|k| !k.is_empty())
            .map(String::from),
    );
}

fn is_header_label(t: &str) -> bool {
    t == VIEWS_LABEL
        || t.starts_with(VIEWS_LABEL)
        || t == AUTHOR_LABEL
        || KEYWORDS_LABELS.iter().any(|p| t.starts_with(p))
}

fn is_header_field(t: &str, title: &str) -> bool {
    is_header_label(t) || t == title || parenthesised(t).is_some() || parse_date(t).is_some()
}

fn closing_len(t: &str) -> usize {
    t.chars().last().map_or(0, char::len_utf8)
}

/// The inside of a whole-line `(…)` or `（…）`.
fn parenthesised(t: &str) -> Option<&str> {
    let inner = t
        .strip_prefix('(')
        .and_then(|r| r.strip_suffix(')'))
        .or_else(|| t.strip_prefix('（').and_then(|r| r.strip_suffix('）')))?;
    (!inner.is_empty()).then_some(inner)
}

/// `[7] text` → (label, marker, rest).
fn note_start(t: &str) -> Option<(String, &str, &str)> {
    let inner = t.strip_prefix('[')?;
    let digits = inner.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=4).contains(&digits) || inner.as_bytes().get(digits) != Some(&b']') {
        return None;
    }
    let label = inner[..digits].trim_start_matches('0');
    let label = if label.is_empty() { "0" } else { label };
    Some((
        label.to_string(),
        &t[..digits + 2],
        t[digits + 2..].trim_start(),
    ))
}

/// A bare line that names a section: short, no sentence punctuation, no markers.
fn is_heading(t: &str) -> bool {
    let n = t.chars().count();
    (2..=40).contains(&n)
        && !ends_sentence(t)
        && !t.contains(['。', '，', ',', '；', '、'])
        && !t.ends_with(['」', '”', '）', ')'])
        && !t.contains("http")
        && note_start(t).is_none()
        && !parse_inlines(t, BODY)
            .iter()
            .any(|i| matches!(i, Inline::NoteRef { .. }))
}

fn read_body(lines: &[Line<'_>], diags: &Diags<'_>, draft: &mut Draft) {
    let mut in_notes = false;
    for l in lines.iter().filter(|l| !l.text.is_empty()) {
        let t = l.text;
        if DEBRIS.contains(&t) {
            draft.skip(l.number, t, SkipReason::Debris);
        } else if is_separator(t) {
            draft.skip(l.number, t, SkipReason::Separator);
        } else if let Some((label, marker, rest)) = note_start(t) {
            in_notes = true;
            draft.notes.push(DraftNote {
                label,
                marker: marker.to_string(),
                body: parse_inlines(rest, NOTE),
                line: l.number,
            });
        } else if in_notes {
            let note = draft.notes.last_mut().expect("in_notes implies a note");
            draft.diagnostics.push(diags.warn(
                l.number,
                format!(
                    "line after the notes does not start with [n]; appended to note [{}] \
                     (if it is page debris, add it to the debris list)",
                    note.label
                ),
            ));
            note.body.push(Inline::Text(" ".into()));
            note.body.extend(parse_inlines(t, NOTE));
        } else {
            let kind = if is_heading(t) {
                BlockKind::Heading { level: 1 }
            } else {
                BlockKind::Paragraph
            };
            draft.blocks.push(DraftBlock {
                within: Vec::new(),
                kind,
                inlines: parse_inlines(t, BODY),
                lines: vec![l.number],
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_are_short_bare_lines() {
        assert!(is_heading("安全議題視角擴及整個印太安全"));
        assert!(is_heading("關鍵礦產與供應鏈多元化與可靠性"));
        assert!(!is_heading("此外,四方也同意推進關鍵措施。"));
        assert!(!is_heading("可知四方合作大體獲得延續[1]"));
    }

    #[test]
    fn note_lines() {
        let (label, marker, rest) = note_start("[07] “Joint Statement,”").unwrap();
        assert_eq!(
            (label.as_str(), marker, rest),
            ("7", "[07]", "“Joint Statement,”")
        );
        assert!(note_start("[MAITRI] x").is_none());
    }
}
