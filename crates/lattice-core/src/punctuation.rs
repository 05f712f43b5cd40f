//! Half-width punctuation inside Chinese text shown full-width, for the
//! reader's display option: scraped web analyses print
//! `後,國務卿魯比歐(Marco Rubio)` where a typesetter would write
//! `後，國務卿魯比歐（Marco Rubio）`. The source is never changed; only what
//! is drawn.
//!
//! Like [`crate::fold::to_simplified`], it maps one character to one
//! character, so search hits and glossary marks (character ranges of the
//! plain text) still fall on the same characters. Punctuation between Latin
//! letters or digits stays (`3,000`, `U.S.`, `12:30`): a mark changes only
//! when a neighbour is Chinese (or full-width punctuation already), and a
//! closing bracket follows its opening one.

use crate::inline::Inline;
use crate::script::is_unspaced;

/// The full-width form of a half-width punctuation mark this module
/// changes (the full stop is handled apart: see [`full_width`]).
fn wide_form(c: char) -> Option<char> {
    Some(match c {
        ',' => '，',
        ';' => '；',
        ':' => '：',
        '!' => '！',
        '?' => '？',
        '(' => '（',
        ')' => '）',
        '.' => '。',
        _ => return None,
    })
}

/// Chinese text or full-width punctuation: what makes a neighbouring mark
/// Chinese punctuation.
fn is_chinese_context(c: char) -> bool {
    is_unspaced(c) || matches!(c, '\u{3000}'..='\u{303F}' | '\u{FF00}'..='\u{FFEF}')
}

/// The characters with half-width punctuation inside Chinese text made
/// full-width; the same number of characters, in the same places.
fn widen(chars: &[char], keep: impl Fn(usize) -> bool) -> Vec<char> {
    let mut out = chars.to_vec();
    // For each open bracket: whether it was widened, so its closing one is too.
    let mut open: Vec<bool> = Vec::new();
    for i in 0..chars.len() {
        let c = chars[i];
        let Some(wide) = wide_form(c) else {
            continue;
        };
        let left = i.checked_sub(1).map(|j| out[j]);
        let right = chars.get(i + 1).copied();
        let chinese = |c: Option<char>| c.is_some_and(is_chinese_context);
        let by_chinese = chinese(left) || chinese(right);
        let change = match c {
            '(' => {
                open.push(by_chinese);
                by_chinese
            }
            ')' => open.pop().unwrap_or(by_chinese),
            // A full stop only after Chinese and before a break or more
            // Chinese: never inside `U.S.`, `2.0` or an ellipsis.
            '.' => chinese(left) && right.is_none_or(|r| r.is_whitespace() || chinese(Some(r))),
            _ => by_chinese,
        };
        if change && !keep(i) {
            out[i] = wide;
        }
    }
    out
}

/// `text` with half-width punctuation inside Chinese made full-width.
pub fn full_width(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    widen(&chars, |_| false).into_iter().collect()
}

/// A block's or note's runs with [`full_width`] punctuation, decided over
/// the whole text (a comma at the end of one run sees the next), links'
/// addresses left as they are. Every run keeps its length in characters.
pub fn full_width_runs(runs: &[Inline]) -> Vec<Inline> {
    let mut chars: Vec<char> = Vec::new();
    let mut links: Vec<(usize, usize)> = Vec::new();
    for run in runs {
        match run {
            Inline::Text(t) | Inline::Emphasis(t) => chars.extend(t.chars()),
            Inline::Link { href, .. } => {
                let start = chars.len();
                chars.extend(href.chars());
                links.push((start, chars.len()));
            }
            Inline::NoteRef { .. } => {}
        }
    }
    let wide = widen(&chars, |i| links.iter().any(|&(s, e)| s <= i && i < e));
    let mut at = 0;
    let mut take = |t: &str| {
        let n = t.chars().count();
        let s: String = wide[at..at + n].iter().collect();
        at += n;
        s
    };
    runs.iter()
        .map(|run| match run {
            Inline::Text(t) => Inline::Text(take(t)),
            Inline::Emphasis(t) => Inline::Emphasis(take(t)),
            Inline::Link { href, angle } => {
                take(href);
                Inline::Link {
                    href: href.clone(),
                    angle: *angle,
                }
            }
            other => other.clone(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn chinese_sentences_get_full_width_marks() {
        assert_eq!(
            full_width("後,國務卿魯比歐(Marco Rubio)"),
            "後，國務卿魯比歐（Marco Rubio）"
        );
        assert_eq!(
            full_width("四方安全對話(Quad),成立於2007年;是否?是!如下:"),
            "四方安全對話（Quad），成立於2007年；是否？是！如下："
        );
        assert_eq!(full_width("會議結束.下一段"), "會議結束。下一段");
        assert_eq!(full_width("會議結束."), "會議結束。");
    }

    #[test]
    fn latin_and_numbers_keep_their_marks() {
        for s in [
            "3,000",
            "U.S. policy",
            "12:30",
            "Marco Rubio (Secretary of State), 2025.",
            "約3,000名",
            "美國(U.S.)",
            "版本2.0更新",
            "等等...",
        ] {
            let got = full_width(s);
            for (a, b) in s.chars().zip(got.chars()) {
                if a != b {
                    // Only brackets around Latin inside Chinese change.
                    assert!(matches!((a, b), ('(', '（') | (')', '）')), "{s} → {got}");
                }
            }
        }
        assert_eq!(full_width("約3,000名"), "約3,000名");
        assert_eq!(full_width("美國(U.S.)"), "美國（U.S.）");
        assert_eq!(full_width("版本2.0更新"), "版本2.0更新");
    }

    #[test]
    fn runs_are_decided_together_and_links_untouched() {
        let runs = vec![
            Inline::Text("見".into()),
            Inline::Emphasis("(附錄".into()),
            Inline::NoteRef {
                label: "1".into(),
                marker: "[1]".into(),
            },
            Inline::Text("),網址".into()),
            Inline::Link {
                href: "https://x.org/a,b(c)".into(),
                angle: false,
            },
            Inline::Text(",完".into()),
        ];
        let out = full_width_runs(&runs);
        assert_eq!(out[1], Inline::Emphasis("（附錄".into()));
        assert_eq!(out[3], Inline::Text("），網址".into()));
        assert_eq!(out[4], runs[4]);
        assert_eq!(out[5], Inline::Text("，完".into()));
        assert_eq!(out[2], runs[2]);
    }

    proptest! {
        /// One character for one, and only the half-width marks change, each
        /// to its full-width form: character ranges still hold.
        #[test]
        fn one_char_for_one(s in "[,.;:!?()a-zA-Z0-9 後國務卿魯比歐，（）]{0,40}") {
            let out = full_width(&s);
            prop_assert_eq!(out.chars().count(), s.chars().count());
            for (a, b) in s.chars().zip(out.chars()) {
                prop_assert!(a == b || wide_form(a) == Some(b), "{a} → {b}");
            }
        }

        /// Text without Chinese is never touched.
        #[test]
        fn latin_text_is_unchanged(s in "[ -~]{0,60}") {
            prop_assert_eq!(full_width(&s), s);
        }

        /// Runs keep their kinds and lengths; their text is the whole's.
        #[test]
        fn runs_agree_with_the_whole(a in "[,(a國)]{0,10}", b in "[,(a國)]{0,10}") {
            let runs = vec![Inline::Text(a.clone()), Inline::Emphasis(b.clone())];
            let out = full_width_runs(&runs);
            let joined = crate::inline::plain_text(&out);
            prop_assert_eq!(joined, full_width(&format!("{a}{b}")));
            prop_assert_eq!(out[0].clone(), Inline::Text(full_width(&format!("{a}{b}")).chars().take(a.chars().count()).collect()));
        }
    }
}
