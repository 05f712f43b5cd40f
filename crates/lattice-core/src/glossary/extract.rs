//! Finding the pairs the corpus states: a Chinese term followed by its English
//! form in full- or half-width parentheses (`（Quadrilateral Security
//! Dialogue, Quad）`), and the rarer English term followed by its Chinese form.
//!
//! Works on the parsed model, not raw text: note markers are already gone
//! from the plain text and italics are known from [`Inline::Emphasis`], so
//! `（*Non-Proliferation Treaty*, NPT）` reads like any other pair. Citations,
//! editors' marks, dates and Chinese asides in parentheses are not pairs.

use super::kind::{self, Hints};
use super::left_edge::{self, EnglishSide, Quotes};
use super::{Place, TermKind};
use crate::inline::{parse_inlines, Inline, Syntax};
use crate::model::Document;

/// One stated pair, before merging.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pair {
    /// The Chinese term as written.
    pub zh: String,
    /// The English form as written (less a leading lower-case `the`).
    pub en: String,
    /// The abbreviation given after a comma or in brackets.
    pub abbr: Option<String>,
    /// The English form is itself only an abbreviation (`（AUKUS）`).
    pub en_is_abbr: bool,
    /// The kind guessed from this statement.
    pub kind: TermKind,
    /// Where it is stated (`None` for free text).
    pub at: Option<Place>,
}

/// Whether a character is a CJK ideograph.
pub(crate) fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{4E00}'..='\u{9FFF}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{2FFFF}'
        | '〇')
}

/// The text units of the corpus (block and note plain texts), to count how
/// often a string occurs.
pub(crate) struct Corpus {
    texts: Vec<String>,
}

impl Corpus {
    pub(crate) fn new(docs: &[Document]) -> Self {
        Corpus {
            texts: units(docs).map(|u| u.text).collect(),
        }
    }

    /// How often `s` occurs standing alone (see [`standalone_count`]).
    pub(crate) fn count(&self, s: &str) -> usize {
        self.texts.iter().map(|t| standalone_count(t, s)).sum()
    }
}

/// How often `form` occurs in `text` not glued to a preceding ideograph:
/// after punctuation, Latin text or the start, or after a function word or
/// title. 川普 stands alone in `，川普要求`; 比歐 never does (it is always
/// 魯比歐 or 盧比歐), so 比歐 is never taken for a name.
pub(crate) fn standalone_count(text: &str, form: &str) -> usize {
    if form.is_empty() {
        return 0;
    }
    text.match_indices(form)
        .filter(|(i, _)| {
            let before = &text[..*i];
            match before.chars().next_back() {
                None => true,
                Some(c) if !is_cjk(c) => true,
                Some(_) => left_edge::ends_with_boundary(before),
            }
        })
        .count()
}

/// One block or note: where it is, its plain text, which characters are italic.
pub(crate) struct Unit {
    pub(crate) doc: String,
    pub(crate) anchor: String,
    pub(crate) line: u32,
    pub(crate) text: String,
    italic: Vec<bool>,
}

/// Every block and note of the documents, in order.
pub(crate) fn units(docs: &[Document]) -> impl Iterator<Item = Unit> + '_ {
    docs.iter().flat_map(|d| {
        let blocks = d.blocks.iter().map(move |b| {
            unit(
                &d.id,
                &b.id,
                b.lines.first().copied().unwrap_or(0),
                &b.inlines,
            )
        });
        let notes = d
            .notes
            .iter()
            .filter_map(move |n| Some(unit(&d.id, &n.id, n.line, n.body.as_deref()?)));
        blocks.chain(notes)
    })
}

fn unit(doc: &str, anchor: &str, line: u32, inlines: &[Inline]) -> Unit {
    let mut text = String::new();
    let mut italic = Vec::new();
    for i in inlines {
        let (s, it) = match i {
            Inline::Text(t) => (t.as_str(), false),
            Inline::Emphasis(t) => (t.as_str(), true),
            Inline::Link { href, .. } => (href.as_str(), false),
            Inline::NoteRef { .. } => continue,
        };
        text.push_str(s);
        italic.extend(s.chars().map(|_| it));
    }
    Unit {
        doc: doc.to_string(),
        anchor: anchor.to_string(),
        line,
        text,
        italic,
    }
}

/// Every pair stated in the documents' blocks and notes, in corpus order.
pub fn extract_pairs(docs: &[Document]) -> Vec<Pair> {
    let corpus = Corpus::new(docs);
    let count = |s: &str| corpus.count(s);
    let mut out = Vec::new();
    for u in units(docs) {
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
                if zh.chars().any(is_cjk) {
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

/// The English side of a pair.
#[derive(Debug, PartialEq, Eq)]
struct English {
    en: String,
    abbr: Option<String>,
    en_is_abbr: bool,
}

impl English {
    /// Read a parenthetical as an English form, or refuse it.
    fn parse(content: &str) -> Option<English> {
        let t = content.trim();
        if t.is_empty() || t.chars().count() > 160 || t.chars().any(is_cjk) || not_a_name(t) {
            return None;
        }
        let (mut en, mut abbr) = match split_last_comma(t) {
            Some((full, a)) if abbr_like(a, full) => (full.to_string(), Some(a.to_string())),
            _ => (t.to_string(), None),
        };
        let single = !en.contains(char::is_whitespace);
        let en_is_abbr =
            abbr.is_none() && single && caps_count(&en) >= 2 && !en.chars().any(char::is_lowercase);
        if abbr.is_none() {
            abbr = bracketed_abbr(&en);
        }
        if let Some(rest) = en.strip_prefix("the ") {
            en = rest.to_string();
        }
        Some(English {
            en,
            abbr,
            en_is_abbr,
        })
    }

    fn into_pair(self, zh: String, kind: TermKind) -> Pair {
        Pair {
            zh,
            en: self.en,
            abbr: self.abbr,
            en_is_abbr: self.en_is_abbr,
            kind,
            at: None,
        }
    }
}

/// Parentheticals that hold no name: citations (`Abingdon: Routledge, 2020`),
/// editors' and page marks (`eds.`, `p. 4`), dates, numbers, addresses.
fn not_a_name(t: &str) -> bool {
    let lower = t.to_lowercase();
    let letters = t.chars().filter(|c| c.is_alphabetic()).count();
    let digits = t.chars().filter(char::is_ascii_digit).count();
    let has_year = t
        .split(|c: char| !c.is_ascii_digit())
        .any(|d| d.len() == 4 && (d.starts_with("19") || d.starts_with("20")));
    const MARKS: &[&str] = &[
        "ed.", "eds.", "trans.", "comp.", "et al.", "ibid.", "n.d.", "sic", "i", "ii", "iii", "iv",
    ];
    const MONTHS: &[&str] = &[
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    letters == 0
        || (digits > letters && !t.starts_with(|c: char| c.is_ascii_uppercase()))
        || lower.contains("http")
        || lower.contains("www.")
        || MARKS.contains(&lower.as_str())
        || ["p. ", "pp. ", "vol. ", "no. "]
            .iter()
            .any(|m| lower.starts_with(m))
        || (has_year && t.contains(':'))
        || (has_year && MONTHS.iter().any(|m| lower.contains(m)))
}

/// Split at the last `, ` outside brackets.
fn split_last_comma(t: &str) -> Option<(&str, &str)> {
    let mut depth = 0i32;
    let mut last = None;
    for (i, c) in t.char_indices() {
        match c {
            '[' | '(' => depth += 1,
            ']' | ')' => depth -= 1,
            ',' if depth == 0 => last = Some(i),
            _ => {}
        }
    }
    let i = last?;
    let full = t[..i].trim();
    let abbr = t[i + 1..].trim();
    (!full.is_empty() && !abbr.is_empty()).then_some((full, abbr))
}

fn caps_count(s: &str) -> usize {
    s.chars()
        .filter(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
        .count()
}

/// An abbreviation of `full`: one short token, either mostly capitals and
/// digits (`NPT`, `IP4`, `RDT&E`) or the start of one of its words (`Quad`).
fn abbr_like(a: &str, full: &str) -> bool {
    if a.contains(char::is_whitespace)
        || a.chars().count() > 12
        || !a.starts_with(|c: char| c.is_alphanumeric())
    {
        return false;
    }
    let lower = a.to_lowercase();
    let clipped = a.chars().count() >= 3
        && a.starts_with(|c: char| c.is_uppercase())
        && full
            .split_whitespace()
            .any(|w| w.to_lowercase().starts_with(&lower));
    caps_count(a) >= 2 || clipped
}

/// `… [MAITRI] workshop` names its abbreviation in brackets.
fn bracketed_abbr(en: &str) -> Option<String> {
    let open = en.find('[')?;
    let close = open + en[open..].find(']')?;
    let inner = &en[open + 1..close];
    (caps_count(inner) >= 2 && !inner.chars().any(|c| c.is_lowercase() || c.is_whitespace()))
        .then(|| inner.to_string())
}

/// `TSD（三邊安全對話）`: an English name or abbreviation, then its Chinese form.
fn english_first(chars: &[char], open: usize, content: &str, after: &str) -> Option<Pair> {
    let zh = content.trim();
    let n = zh.chars().count();
    if !(2..=12).contains(&n) || !zh.chars().all(is_cjk) {
        return None;
    }
    let mut e = open;
    while e > 0 && chars[e - 1] == ' ' {
        e -= 1;
    }
    let mut s = e;
    while s > 0 && (chars[s - 1].is_ascii_alphanumeric() || " -.&'".contains(chars[s - 1])) {
        s -= 1;
    }
    let latin: String = chars[s..e].iter().collect();
    let words: Vec<&str> = latin.split_whitespace().collect();
    // Keep the trailing run of capitalised words: a name, not a sentence.
    let start = words
        .iter()
        .rposition(|w| !w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()))
        .map_or(0, |k| k + 1);
    let en = words[start..].join(" ");
    if en.is_empty() || !en.starts_with(|c: char| c.is_ascii_uppercase()) || en.len() > 80 {
        return None;
    }
    let en_is_abbr =
        !en.contains(' ') && caps_count(&en) >= 2 && !en.chars().any(char::is_lowercase);
    let kind = kind::infer(
        zh,
        &en,
        Hints {
            after,
            ..Hints::default()
        },
    );
    Some(Pair {
        zh: zh.to_string(),
        en,
        abbr: None,
        en_is_abbr,
        kind,
        at: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(s: &str) -> Option<(String, Option<String>)> {
        English::parse(s).map(|e| (e.en, e.abbr))
    }

    #[test]
    fn english_forms() {
        assert_eq!(
            parse("Group of Seven, G7"),
            Some(("Group of Seven".into(), Some("G7".into())))
        );
        assert_eq!(
            parse("Quadrilateral Security Dialogue, Quad"),
            Some((
                "Quadrilateral Security Dialogue".into(),
                Some("Quad".into())
            ))
        );
        assert_eq!(
            parse("the concert of Europe"),
            Some(("concert of Europe".into(), None))
        );
        assert_eq!(
            parse("research, development, test and evaluation, RDT&E"),
            Some((
                "research, development, test and evaluation".into(),
                Some("RDT&E".into())
            ))
        );
        assert_eq!(
            parse("Maritime Initiative for Training in the Indo-Pacific [MAITRI] workshop")
                .unwrap()
                .1,
            Some("MAITRI".into())
        );
        assert_eq!(parse("Ministry of Defense, Japan").unwrap().1, None);
        assert!(English::parse("AUKUS").unwrap().en_is_abbr);
        assert!(!English::parse("Quad").unwrap().en_is_abbr);
    }

    #[test]
    fn not_names() {
        for s in [
            "Abingdon: Routledge, 2020",
            "eds.",
            "2025",
            "p. 4",
            "July 1, 2025",
            "三國產量相同",
            "I",
            "https://x.org",
        ] {
            assert_eq!(parse(s), None, "{s}");
        }
    }

    #[test]
    fn english_first_pairs() {
        let p = extract_text("其中 TSD（三邊安全對話）最早。");
        assert_eq!(p.len(), 1);
        assert_eq!(
            (p[0].zh.as_str(), p[0].en.as_str()),
            ("三邊安全對話", "TSD")
        );
        assert!(p[0].en_is_abbr);
        assert!(extract_text("印度政府(礦業部主導)成立").is_empty());
    }
}
