//! Inline runs to DOM with marks drawn in: search hits as
//! `<mark class="hit" data-match="k">`, glossary terms as [`TermMark`]s (with
//! the gloss the core placed, in bilingual mode), note references as
//! [`NoteMarker`]s. Runs are cut at the marks' character ranges by
//! `lattice_core::inline::split_at_marks`; with the punctuation option the
//! runs are first drawn with full-width punctuation inside Chinese
//! (`lattice_core::punctuation`, one char for one, so ranges hold).
//! Text is always a text node, never HTML; only http(s) links become `<a>`.

use crate::components::note_marker::NoteMarker;
use crate::components::term_mark::TermMark;
use crate::route::Route;
use lattice_core::fold::to_simplified;
use lattice_core::glossary::marks::Gloss;
use lattice_core::glossary::Glossary;
use lattice_core::inline::{split_at_marks, Inline};
use lattice_core::punctuation::full_width_runs;
use lattice_core::Document;
use std::collections::HashMap;
use std::ops::Range;
use std::rc::Rc;
use yew::prelude::*;

/// What a mark stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MarkKind {
    /// The search match with this ordinal in reading order.
    Hit(usize),
    /// The glossary term with this index.
    Term(usize),
}

/// A character range of a block's or note's plain text to mark.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mark {
    /// Characters of the plain text.
    pub range: Range<usize>,
    /// What it marks.
    pub kind: MarkKind,
    /// For a term: the gloss bilingual mode shows after it, if any
    /// (`lattice_core::glossary::marks` decides which uses get one).
    pub gloss: Option<Gloss>,
}

/// How to draw the runs.
#[derive(Clone, Debug, PartialEq)]
pub struct DisplayOptions {
    /// Show text in Simplified characters.
    pub simplified: bool,
    /// Put the other-language form beside each term.
    pub bilingual: bool,
    /// The glossary the term marks index into.
    pub glossary: Option<Rc<Glossary>>,
    /// Whether term marks are Tab stops (the reader turned marks on).
    pub focusable_terms: bool,
    /// Show half-width punctuation inside Chinese full-width.
    pub punctuation: bool,
}

/// Where the note markers of one document are cited from: the k-th citation of
/// each note gets the element id `ref-<label>-<k>` (k from 1), so every citing
/// place can be linked to. Counted in reading order across blocks.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Citations {
    counts: HashMap<String, usize>,
}

impl Citations {
    /// The id of the next citation of `label`.
    pub fn next(&mut self, label: &str) -> String {
        let k = self.counts.entry(label.to_string()).or_default();
        *k += 1;
        marker_id(label, *k)
    }
}

/// The element id of the k-th citation (from 1) of note `label`.
pub fn marker_id(label: &str, k: usize) -> String {
    let slug: String = label
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    format!("ref-{slug}-{k}")
}

/// Text as displayed: Simplified when asked (one char for one, so character
/// ranges still hold), else unchanged.
pub fn shown(text: &str, simplified: bool) -> String {
    if simplified {
        to_simplified(text)
    } else {
        text.to_string()
    }
}

/// The language tag of corpus text in Chinese as displayed: `zh-Hans` in the
/// Simplified display, else `zh-Hant`.
pub fn zh_tag(simplified: bool) -> &'static str {
    if simplified {
        "zh-Hans"
    } else {
        "zh-Hant"
    }
}

/// The language tag of a run of corpus text: Chinese (as displayed) when it
/// holds a CJK ideograph, else English (the corpus's only other language).
pub fn text_lang(text: &str, simplified: bool) -> &'static str {
    if has_cjk(text) {
        zh_tag(simplified)
    } else {
        "en"
    }
}

/// Whether text contains a CJK ideograph (a Chinese form rather than English).
pub fn has_cjk(text: &str) -> bool {
    lattice_core::script::has_han(text)
}

/// Render `runs` of the block or note `anchor` of `doc` with `marks`; `citations` numbers the note markers
/// (`None` inside popovers and note texts, where markers get no ids).
pub fn render_runs(
    doc: &Rc<Document>,
    anchor: &str,
    runs: &[Inline],
    marks: &[Mark],
    display: &DisplayOptions,
    mut citations: Option<&mut Citations>,
    target: Option<&str>,
) -> Html {
    let widened;
    let runs = if display.punctuation {
        widened = full_width_runs(runs);
        &widened[..]
    } else {
        runs
    };
    let marks = usable_marks(runs, marks);
    let ranges: Vec<Range<usize>> = marks.iter().map(|m| m.range.clone()).collect();
    let mut out: Vec<Html> = Vec::new();
    // The term being drawn: its mark index and the pieces inside it so far.
    let mut term: Option<(usize, Vec<Html>)> = None;
    let flush = |term: &mut Option<(usize, Vec<Html>)>, out: &mut Vec<Html>| {
        if let Some((m, inner)) = term.take() {
            out.push(term_html(anchor, &marks[m], inner, display));
        }
    };
    for piece in split_at_marks(runs, &ranges) {
        let run = &runs[piece.run];
        if let Inline::NoteRef { label, .. } = run {
            flush(&mut term, &mut out);
            let id = citations.as_deref_mut().map(|c| c.next(label));
            let targeted = id.is_some() && id.as_deref() == target;
            out.push(html! {
                <NoteMarker
                    doc={doc.clone()}
                    label={AttrValue::from(label.clone())}
                    id={id.map(AttrValue::from)}
                    {targeted}
                />
            });
            continue;
        }
        let mut html = piece_html(run, piece.chars.clone(), display.simplified);
        // Hits innermost-first so nested matches nest.
        for &m in piece.marks.iter().rev() {
            if let MarkKind::Hit(k) = marks[m].kind {
                html = html! { <mark class="hit" data-match={k.to_string()}>{ html }</mark> };
            }
        }
        let term_mark = piece
            .marks
            .iter()
            .copied()
            .find(|&m| matches!(marks[m].kind, MarkKind::Term(_)));
        match (term_mark, &mut term) {
            (Some(m), Some((current, inner))) if *current == m => inner.push(html),
            (Some(m), _) => {
                flush(&mut term, &mut out);
                term = Some((m, vec![html]));
            }
            (None, _) => {
                flush(&mut term, &mut out);
                out.push(html);
            }
        }
    }
    flush(&mut term, &mut out);
    out.into_iter().collect()
}

/// Marks that can be drawn: non-empty, inside the text; term marks must not
/// overlap each other (the earlier, then longer, wins) nor any link.
fn usable_marks(runs: &[Inline], marks: &[Mark]) -> Vec<Mark> {
    let mut links: Vec<Range<usize>> = Vec::new();
    let mut offset = 0;
    for run in runs {
        let len = match run {
            Inline::Text(t) | Inline::Emphasis(t) => t.chars().count(),
            Inline::Link { href, .. } => href.chars().count(),
            Inline::NoteRef { .. } => 0,
        };
        if matches!(run, Inline::Link { .. }) {
            links.push(offset..offset + len);
        }
        offset += len;
    }
    let overlaps = |a: &Range<usize>, b: &Range<usize>| a.start < b.end && b.start < a.end;
    let mut terms: Vec<&Mark> = marks
        .iter()
        .filter(|m| matches!(m.kind, MarkKind::Term(_)))
        .filter(|m| m.range.start < m.range.end && m.range.end <= offset)
        .filter(|m| !links.iter().any(|l| overlaps(l, &m.range)))
        .collect();
    lattice_core::sort::sort_by_key(&mut terms, |m| {
        (m.range.start, std::cmp::Reverse(m.range.end))
    });
    let mut out: Vec<Mark> = Vec::new();
    for m in terms {
        if !out.iter().any(|kept| overlaps(&kept.range, &m.range)) {
            out.push(m.clone());
        }
    }
    out.extend(
        marks
            .iter()
            .filter(|m| matches!(m.kind, MarkKind::Hit(_)) && m.range.start < m.range.end)
            .cloned(),
    );
    out
}

/// One piece of one run.
fn piece_html(run: &Inline, chars: Range<usize>, simplified: bool) -> Html {
    let slice = |s: &str| -> String {
        let text: String = s
            .chars()
            .skip(chars.start)
            .take(chars.end - chars.start)
            .collect();
        shown(&text, simplified)
    };
    // A run in Latin script inside Chinese text (a title, an address)
    // carries its own language; plain text inherits its block's.
    let latin = |s: &str| (!has_cjk(s)).then_some("en");
    match run {
        Inline::Text(t) => html! { { slice(t) } },
        Inline::Emphasis(t) => html! { <em lang={latin(t)}>{ slice(t) }</em> },
        // The core only makes links of http(s) addresses; check again anyway,
        // since an `href` is the one place text could become behaviour.
        Inline::Link { href, .. } if is_web_address(href) => html! {
            <a class="link" href={href.clone()} rel="noopener noreferrer" target="_blank" lang="en">
                { slice(href) }
            </a>
        },
        Inline::Link { href, .. } => html! { { slice(href) } },
        Inline::NoteRef { .. } => Html::default(),
    }
}

fn term_html(anchor: &str, mark: &Mark, inner: Vec<Html>, display: &DisplayOptions) -> Html {
    let MarkKind::Term(index) = mark.kind else {
        return inner.into_iter().collect();
    };
    let Some(glossary) = display.glossary.clone() else {
        return inner.into_iter().collect();
    };
    let Some(term) = glossary.terms.get(index) else {
        return inner.into_iter().collect();
    };
    let gloss = mark
        .gloss
        .filter(|_| display.bilingual)
        .map(|g| g.text(term).to_string());
    html! {
        <TermMark
            {glossary}
            {index}
            key_id={AttrValue::from(format!("t-{}-{}", anchor, mark.range.start))}
            focusable={display.focusable_terms}
            gloss_lang={gloss.as_deref().map(|g| text_lang(g, display.simplified))}
            gloss={gloss.map(AttrValue::from)}
        >
            { for inner }
        </TermMark>
    }
}

/// The `href` of a place in a document.
pub fn anchor_href(doc: &str, anchor: &str) -> String {
    Route::Document {
        id: doc.to_string(),
        anchor: Some(anchor.to_string()),
    }
    .href()
}

fn is_web_address(href: &str) -> bool {
    href.starts_with("https://") || href.starts_with("http://")
}
