//! Finding the pairs the corpus states: a Chinese term followed by its English
//! form in full- or half-width parentheses (`（Quadrilateral Security
//! Dialogue, Quad）`), and the rarer English term followed by its Chinese form.
//!
//! Works on the parsed model, not raw text: note markers are already gone
//! from the plain text and italics are known from [`Inline::Emphasis`], so
//! `（*Non-Proliferation Treaty*, NPT）` reads like any other pair. Citations,
//! editors' marks, dates and Chinese asides in parentheses are not pairs
//! (`english.rs` reads the English side; `left_edge.rs` finds where the
//! Chinese side begins).

use super::counter::{standalone_count, unit, Counter};
use super::english::{english_first, English};
use super::kind::{self, Hints};
use super::left_edge::{self, EnglishSide, Quotes};
use super::{Pair, Place};
use crate::inline::{parse_inlines, Syntax};
use crate::model::Document;
use crate::script::is_han;
use std::cell::RefCell;
use std::collections::HashSet;

/// Every pair stated in the documents' blocks and notes, in corpus order.
pub fn extract_pairs(docs: &[Document]) -> Vec<Pair> {
    pairs(&Counter::new(docs))
}

/// Every pair stated in the counter's units, in corpus order.
///
/// Two passes, so the corpus is scanned once for all counts rather than once
/// per count: which strings the left edge asks about depends only on the
/// text around each parenthesis (the answers only choose among them), so the
/// first pass collects the questions and one scan answers them all.
pub(crate) fn pairs(counter: &Counter) -> Vec<Pair> {
    let asked = RefCell::new(HashSet::new());
    let ask = |s: &str| {
        asked.borrow_mut().insert(s.to_string());
        0
    };
    for u in counter.units() {
        pairs_in(&u.text, &u.italic, &ask);
    }
    let counts = counter.standalone_counts(&asked.into_inner());
    let count = |s: &str| counts.get(s).copied().unwrap_or(0);
    let mut out = Vec::new();
    for u in counter.units() {
        let place = Place {
            doc: u.doc.clone(),
            anchor: u.anchor.clone(),
            line: u.line,
        };
        for mut p in pairs_in(&u.text, &u.italic, &count) {
            p.at = Some(place.clone());
            out.push(p);
        }
    }
    out
}

/// The pairs stated in one piece of text (`*…*` marks italics); how often a
/// form occurs is counted in this text alone. For trying the extractor on a
/// sentence.
pub fn extract_text(text: &str) -> Vec<Pair> {
    let u = unit("", "", 0, &parse_inlines(text, Syntax { markers: None }));
    let count = |s: &str| standalone_count(&u.text, s);
    pairs_in(&u.text, &u.italic, &count)
}

/// The pairs in one plain text.
fn pairs_in(text: &str, italic: &[bool], count: &dyn Fn(&str) -> usize) -> Vec<Pair> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !matches!(chars[i], '(' | '（') {
            i += 1;
            continue;
        }
        let Some(close) = matching_close(&chars, i) else {
            i += 1;
            continue;
        };
        let content: String = chars[i + 1..close].iter().collect();
        let after: String = chars[close + 1..].iter().take(6).collect();
        let italic_en = (i + 1..close).any(|k| italic.get(k).copied().unwrap_or(false));
        if let Some(english) = English::parse(&content) {
            let side = EnglishSide {
                en: &english.en,
                person: !english.en_is_abbr && kind::en_is_person(&english.en),
            };
            if let Some((s, e, quotes)) = left_edge::find(&chars, i, side, count) {
                let zh: String = chars[s..e].iter().collect();
                if zh.chars().any(is_han) {
                    let hints = Hints {
                        book_quotes: quotes == Quotes::Book,
                        quoted: quotes != Quotes::None,
                        italic: italic_en,
                        after: &after,
                    };
                    let kind = kind::infer(&zh, &english.en, hints);
                    out.push(english.into_pair(zh, kind));
                }
            }
        } else if let Some(p) = english_first(&chars, i, &content, &after) {
            out.push(p);
        }
        i = close + 1;
    }
    out
}

/// The index of the parenthesis closing the one at `open`, on the same line
/// and within a reasonable length.
fn matching_close(chars: &[char], open: usize) -> Option<usize> {
    let mut depth = 0usize;
    for (k, &c) in chars.iter().enumerate().skip(open).take(240) {
        match c {
            '(' | '（' => depth += 1,
            ')' | '）' => {
                depth -= 1;
                if depth == 0 {
                    return Some(k);
                }
            }
            '\n' => return None,
            _ => {}
        }
    }
    None
}
