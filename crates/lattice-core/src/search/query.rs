//! Query parsing: clauses split on spaces, phrases in quotes, `OR` between
//! clauses for either, `-word` to exclude, every form folded like the corpus.
//! Hostile input is tamed here, once: control characters are spaces, and
//! over-long queries are cut to a bound the matcher can afford.

use crate::fold::fold;
use serde::{Deserialize, Serialize};

/// Queries longer than this (in characters) are cut.
pub const MAX_QUERY_CHARS: usize = 256;
/// Clauses (required and excluded together) beyond this many are ignored.
pub const MAX_TERMS: usize = 12;
/// Alternatives of one clause (typed with `OR`, or from the glossary) beyond
/// this many are ignored.
pub const MAX_ALTERNATIVES: usize = 24;

/// One way a clause can match.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Alternative {
    /// The form as shown to the reader.
    pub display: String,
    /// The folded form that is matched; never blank.
    pub folded: String,
    /// The glossary entry (its English form) this alternative came from, or
    /// `None` for what the reader typed.
    pub via: Option<String>,
}

/// A clause's alternatives: never empty, the first one typed by the reader.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Alternatives {
    first: Alternative,
    more: Vec<Alternative>,
}

impl Alternatives {
    /// One alternative.
    pub fn one(first: Alternative) -> Self {
        Alternatives {
            first,
            more: Vec::new(),
        }
    }

    /// The first alternative (what the reader typed first).
    pub fn first(&self) -> &Alternative {
        &self.first
    }

    /// Every alternative, the first first.
    pub fn iter(&self) -> impl Iterator<Item = &Alternative> {
        std::iter::once(&self.first).chain(&self.more)
    }

    /// The `i`-th alternative (0 is the first).
    pub fn get(&self, i: usize) -> Option<&Alternative> {
        if i == 0 {
            Some(&self.first)
        } else {
            self.more.get(i - 1)
        }
    }

    /// How many there are (at least one).
    pub fn len(&self) -> usize {
        1 + self.more.len()
    }

    /// Always false: there is at least one alternative.
    pub fn is_empty(&self) -> bool {
        false
    }

    /// Add an alternative unless its folded form is already there or the
    /// clause is at [`MAX_ALTERNATIVES`]; whether it was added.
    pub fn push(&mut self, alt: Alternative) -> bool {
        if self.len() >= MAX_ALTERNATIVES || self.iter().any(|a| a.folded == alt.folded) {
            return false;
        }
        self.more.push(alt);
        true
    }
}

/// A clause: every required clause must appear in a passage, and no excluded
/// one may; any one of a clause's alternatives will do.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Clause {
    /// What the reader typed for it (`Quad OR AUKUS` for an `OR` group).
    pub typed: String,
    /// Whether it was quoted (or recognised as a multi-word glossary term).
    pub phrase: bool,
    /// The typed forms first, then any expansions.
    pub alternatives: Alternatives,
}

/// A parsed query.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Query {
    /// Clauses, all of which must match.
    pub clauses: Vec<Clause>,
    /// Clauses none of which may match (`-word`).
    pub excluded: Vec<Clause>,
    /// Whether the input was cut to [`MAX_QUERY_CHARS`] or [`MAX_TERMS`].
    pub truncated: bool,
}

impl Query {
    /// Whether the query can match nothing (no required clause).
    pub fn is_empty(&self) -> bool {
        self.clauses.is_empty()
    }

    /// Every folded form the search will try, for an empty result's message.
    pub fn tried_forms(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for a in self.clauses.iter().flat_map(|t| t.alternatives.iter()) {
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

/// A piece of the input before clauses are formed.
enum Token {
    Word { text: String, excluded: bool },
    Phrase { text: String, excluded: bool },
}

fn tokens(cleaned: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut chars = cleaned.chars().peekable();
    while let Some(&c) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
            continue;
        }
        let mut excluded = false;
        if c == '-' || c == '－' {
            chars.next();
            match chars.peek() {
                Some(&n) if !n.is_whitespace() => excluded = true,
                // A lone minus is a word of its own.
                _ => {
                    out.push(Token::Word {
                        text: c.to_string(),
                        excluded: false,
                    });
                    continue;
                }
            }
        }
        if chars.peek().is_some_and(|&c| is_quote(c)) {
            chars.next();
            let mut phrase = String::new();
            for c in chars.by_ref() {
                if is_quote(c) {
                    break;
                }
                phrase.push(c);
            }
            let text = phrase.split_whitespace().collect::<Vec<_>>().join(" ");
            out.push(Token::Phrase { text, excluded });
        } else {
            let mut word = String::new();
            while let Some(&c) = chars.peek() {
                if c.is_whitespace() || is_quote(c) {
                    break;
                }
                word.push(c);
                chars.next();
            }
            out.push(Token::Word {
                text: word,
                excluded,
            });
        }
    }
    out
}

/// Parse what the reader typed.
pub fn parse_query(input: &str) -> Query {
    let mut truncated = input.chars().count() > MAX_QUERY_CHARS;
    let cleaned: String = input
        .chars()
        .take(MAX_QUERY_CHARS)
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let mut query = Query::default();
    // Whether the previous token was an `OR` that joins the next clause to
    // the last required one.
    let mut join = false;
    let toks = tokens(&cleaned);
    for (i, tok) in toks.iter().enumerate() {
        let (text, phrase, excluded) = match tok {
            Token::Word { text, excluded } => (text, false, *excluded),
            Token::Phrase { text, excluded } => (text, true, *excluded),
        };
        let is_or = !phrase && !excluded && text == "OR";
        if is_or && !query.clauses.is_empty() && i + 1 < toks.len() && !join {
            join = true;
            continue;
        }
        let Some(alt) = typed_alternative(text) else {
            join = false;
            continue;
        };
        if excluded {
            push_clause(&mut query.excluded, text, phrase, alt);
        } else if join {
            if let Some(last) = query.clauses.last_mut() {
                if last.alternatives.push(alt) {
                    last.typed = format!("{} OR {text}", last.typed);
                    last.phrase = false;
                }
            }
        } else {
            push_clause(&mut query.clauses, text, phrase, alt);
        }
        join = false;
    }
    if query.clauses.len() + query.excluded.len() > MAX_TERMS {
        query.clauses.truncate(MAX_TERMS);
        let room = MAX_TERMS - query.clauses.len();
        query.excluded.truncate(room);
        truncated = true;
    }
    query.truncated = truncated;
    query
}

fn typed_alternative(typed: &str) -> Option<Alternative> {
    let folded = fold(typed);
    if folded.trim().is_empty() {
        return None;
    }
    Some(Alternative {
        display: typed.to_string(),
        folded,
        via: None,
    })
}

fn push_clause(clauses: &mut Vec<Clause>, typed: &str, phrase: bool, alt: Alternative) {
    if clauses
        .iter()
        .any(|t| t.alternatives.len() == 1 && t.alternatives.first().folded == alt.folded)
    {
        return;
    }
    clauses.push(Clause {
        typed: typed.to_string(),
        phrase,
        alternatives: Alternatives::one(alt),
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folded(q: &Query) -> Vec<&str> {
        q.clauses
            .iter()
            .map(|t| t.alternatives.first().folded.as_str())
            .collect()
    }

    #[test]
    fn terms_and_phrases() {
        let q = parse_query("  AUKUS 四方安全對話 \"hub-and-spoke  體系\" 「美國 優先」");
        assert_eq!(
            folded(&q),
            ["aukus", "四方安全对话", "hub-and-spoke 体系", "美国 优先"]
        );
        assert!(q.clauses[2].phrase && !q.clauses[0].phrase);
    }

    #[test]
    fn full_width_space_separates_and_duplicates_merge() {
        let q = parse_query("ＡＵＫＵＳ　aukus Quad");
        assert_eq!(folded(&q), ["aukus", "quad"]);
    }

    #[test]
    fn or_joins_alternatives() {
        let q = parse_query("Quad OR AUKUS 印太");
        assert_eq!(q.clauses.len(), 2);
        let forms: Vec<&str> = q.clauses[0]
            .alternatives
            .iter()
            .map(|a| a.folded.as_str())
            .collect();
        assert_eq!(forms, ["quad", "aukus"]);
        assert_eq!(q.clauses[0].typed, "Quad OR AUKUS");
        // Chains, and quoted phrases as alternatives.
        let q = parse_query("a OR b OR \"c d\"");
        assert_eq!(q.clauses.len(), 1);
        assert_eq!(q.clauses[0].alternatives.len(), 3);
        // `OR` at either end, or in lower case, or quoted, is a word.
        assert_eq!(folded(&parse_query("OR Quad")), ["or", "quad"]);
        assert_eq!(folded(&parse_query("Quad OR")), ["quad", "or"]);
        assert_eq!(
            folded(&parse_query("Quad or AUKUS")),
            ["quad", "or", "aukus"]
        );
        assert_eq!(folded(&parse_query("\"OR\"")), ["or"]);
        // `OR OR`: the second is the alternative.
        let q = parse_query("Quad OR OR");
        assert_eq!(q.clauses[0].alternatives.len(), 2);
    }

    #[test]
    fn minus_excludes() {
        let q = parse_query("Quad -AUKUS -\"美國 優先\" hub-and-spoke - x");
        assert_eq!(folded(&q), ["quad", "hub-and-spoke", "-", "x"]);
        let ex: Vec<&str> = q
            .excluded
            .iter()
            .map(|c| c.alternatives.first().folded.as_str())
            .collect();
        assert_eq!(ex, ["aukus", "美国 优先"]);
        assert!(parse_query("-AUKUS").is_empty());
    }

    #[test]
    fn hostile_input_is_bounded() {
        assert!(parse_query("").clauses.is_empty());
        assert!(parse_query(" \t\u{3000}\n").clauses.is_empty());
        assert!(parse_query("\"\"\"").clauses.is_empty());
        let long = "字".repeat(10_000);
        let q = parse_query(&long);
        assert!(q.truncated);
        assert_eq!(q.clauses[0].typed.chars().count(), MAX_QUERY_CHARS);
        let many = (0..50)
            .map(|i| format!("t{i}"))
            .collect::<Vec<_>>()
            .join(" ");
        let q = parse_query(&many);
        assert_eq!(q.clauses.len(), MAX_TERMS);
        assert!(q.truncated);
        let ors = (0..60)
            .map(|i| format!("t{i}"))
            .collect::<Vec<_>>()
            .join(" OR ");
        let q = parse_query(&ors);
        assert_eq!(q.clauses[0].alternatives.len(), MAX_ALTERNATIVES);
        let q = parse_query("a\u{0}b\u{1b}[31m");
        assert_eq!(folded(&q), ["a", "b", "[31m"]);
    }
}
