//! The English side of a pair: reading a parenthetical as an English name
//! with its abbreviation, refusing citations, dates and editors' marks, and
//! the rarer English-first pair (`TSD（三邊安全對話）`).

use super::kind::{self, Hints};
use super::{Pair, TermKind};
use crate::script::is_han;

/// The English side of a pair.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct English {
    pub(super) en: String,
    pub(super) abbr: Option<String>,
    pub(super) en_is_abbr: bool,
}

impl English {
    /// Read a parenthetical as an English form, or refuse it.
    pub(super) fn parse(content: &str) -> Option<English> {
        let t = content.trim();
        if t.is_empty() || t.chars().count() > 160 || t.chars().any(is_han) || not_a_name(t) {
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

    pub(super) fn into_pair(self, zh: String, kind: TermKind) -> Pair {
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
pub(super) fn english_first(
    chars: &[char],
    open: usize,
    content: &str,
    after: &str,
) -> Option<Pair> {
    let zh = content.trim();
    let n = zh.chars().count();
    if !(2..=12).contains(&n) || !zh.chars().all(is_han) {
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
        let p = super::super::extract_text("其中 TSD（三邊安全對話）最早。");
        assert_eq!(p.len(), 1);
        assert_eq!(
            (p[0].zh.as_str(), p[0].en.as_str()),
            ("三邊安全對話", "TSD")
        );
        assert!(p[0].en_is_abbr);
        assert!(super::super::extract_text("印度政府(礦業部主導)成立").is_empty());
    }
}
