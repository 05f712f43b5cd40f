//! Query parsing: terms split on spaces, phrases in quotes, every term folded
//! like the corpus. Hostile input is tamed here, once: control characters are
//! spaces, and over-long queries are cut to a bound the matcher can afford.

use crate::fold::fold;
use serde::{Deserialize, Serialize};

/// Queries longer than this (in characters) are cut.
pub const MAX_QUERY_CHARS: usize = 256;
/// Terms beyond this many are ignored.
pub const MAX_TERMS: usize = 12;

/// One way a term can match.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Alternative {
    /// The form as shown to the reader.
    pub display: String,
    /// The folded form that is matched.
    pub folded: String,
    /// The glossary entry (its English form) this alternative came from, or
    /// `None` for what the reader typed.
    pub via: Option<String>,
}

/// A term: all of a query's terms must appear in a passage; any one of a
/// term's alternatives will do.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Term {
    /// What the reader typed for it.
    pub typed: String,
    /// Whether it was quoted.
    pub phrase: bool,
    /// The typed form first, then any expansions.
    pub alternatives: Vec<Alternative>,
}

/// A parsed query.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Query {
    /// Terms, all of which must match.
    pub terms: Vec<Term>,
    /// Whether the input was cut to [`MAX_QUERY_CHARS`] or [`MAX_TERMS`].
    pub truncated: bool,
}

impl Query {
    /// Every folded form the search will try, for an empty result's message.
    pub fn tried_forms(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for a in self.terms.iter().flat_map(|t| &t.alternatives) {
            if !out.contains(&a.folded) {
                out.push(a.folded.clone());
            }
        }
        out
    }
}

fn is_quote(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '「' | '」' | '『' | '』' | '＂' | '„')
}

/// Parse what the reader typed.
pub fn parse_query(input: &str) -> Query {
    let mut truncated = input.chars().count() > MAX_QUERY_CHARS;
    let cleaned: String = input
        .chars()
        .take(MAX_QUERY_CHARS)
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let mut terms: Vec<Term> = Vec::new();
    let mut chars = cleaned.chars().peekable();
    while let Some(&c) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
        } else if is_quote(c) {
            chars.next();
            let mut phrase = String::new();
            for c in chars.by_ref() {
                if is_quote(c) {
                    break;
                }
                phrase.push(c);
            }
            let phrase = phrase.split_whitespace().collect::<Vec<_>>().join(" ");
            push_term(&mut terms, phrase, true);
        } else {
            let mut word = String::new();
            while let Some(&c) = chars.peek() {
                if c.is_whitespace() || is_quote(c) {
                    break;
                }
                word.push(c);
                chars.next();
            }
            push_term(&mut terms, word, false);
        }
    }
    if terms.len() > MAX_TERMS {
        terms.truncate(MAX_TERMS);
        truncated = true;
    }
    Query { terms, truncated }
}

fn push_term(terms: &mut Vec<Term>, typed: String, phrase: bool) {
    let folded = fold(&typed);
    if folded.trim().is_empty() || terms.iter().any(|t| t.alternatives[0].folded == folded) {
        return;
    }
    terms.push(Term {
        alternatives: vec![Alternative {
            display: typed.clone(),
            folded,
            via: None,
        }],
        typed,
        phrase,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folded(q: &Query) -> Vec<&str> {
        q.terms
            .iter()
            .map(|t| t.alternatives[0].folded.as_str())
            .collect()
    }

    #[test]
    fn terms_and_phrases() {
        let q = parse_query("  AUKUS 四方安全對話 \"hub-and-spoke  體系\" 「美國 優先」");
        assert_eq!(
            folded(&q),
            ["aukus", "四方安全对话", "hub-and-spoke 体系", "美国 优先"]
        );
        assert!(q.terms[2].phrase && !q.terms[0].phrase);
    }

    #[test]
    fn full_width_space_separates_and_duplicates_merge() {
        let q = parse_query("ＡＵＫＵＳ　aukus Quad");
        assert_eq!(folded(&q), ["aukus", "quad"]);
    }

    #[test]
    fn hostile_input_is_bounded() {
        assert!(parse_query("").terms.is_empty());
        assert!(parse_query(" \t\u{3000}\n").terms.is_empty());
        assert!(parse_query("\"\"\"").terms.is_empty());
        let long = "字".repeat(10_000);
        let q = parse_query(&long);
        assert!(q.truncated);
        assert_eq!(q.terms[0].typed.chars().count(), MAX_QUERY_CHARS);
        let many = (0..50)
            .map(|i| format!("t{i}"))
            .collect::<Vec<_>>()
            .join(" ");
        let q = parse_query(&many);
        assert_eq!(q.terms.len(), MAX_TERMS);
        assert!(q.truncated);
        let q = parse_query("a\u{0}b\u{1b}[31m");
        assert_eq!(folded(&q), ["a", "b", "[31m"]);
    }
}
