//! Glossary expansion: a clause also matches its other-language forms and
//! aliases, so `Rubio` finds 魯比歐 and 盧比歐 and `AUKUS` finds
//! 澳英美三方安全夥伴關係. Consecutive unquoted words that together name a
//! glossary entry (`Quadrilateral Security Dialogue`) become one phrase first,
//! as if quoted. Each added alternative remembers the entry it came from, so
//! results can say why they matched, and the reader can switch it off.

use super::query::{Alternative, Alternatives, Clause, Query};
use crate::fold::fold;
use crate::glossary::{Glossary, Term, TermKind};

/// Words of a glossary term typed without quotes, at most.
const MAX_TERM_WORDS: usize = 8;

/// Join runs of words that name an entry, then add the glossary forms of
/// every typed form that names one.
pub fn expand(query: &mut Query, glossary: &Glossary) {
    join_multi_word_terms(&mut query.clauses, glossary);
    for clause in query.clauses.iter_mut().chain(query.excluded.iter_mut()) {
        let typed: Vec<String> = clause
            .alternatives
            .iter()
            .filter(|a| a.via.is_none())
            .map(|a| a.display.clone())
            .collect();
        for form in typed {
            let Some(entry) = entry_for(glossary, &form) else {
                continue;
            };
            for f in entry.forms() {
                let folded = fold(f);
                if folded.trim().is_empty() {
                    continue;
                }
                clause.alternatives.push(Alternative {
                    display: f.to_string(),
                    folded,
                    via: Some(entry.en.clone()),
                });
            }
        }
    }
}

/// A plain word: one typed alternative, not quoted, no space in it.
fn is_plain_word(c: &Clause) -> bool {
    c.alternatives.len() == 1 && !c.phrase && !c.typed.contains(' ')
}

fn join_multi_word_terms(clauses: &mut Vec<Clause>, glossary: &Glossary) {
    let mut i = 0;
    while i < clauses.len() {
        let run = clauses[i..]
            .iter()
            .take(MAX_TERM_WORDS)
            .take_while(|c| is_plain_word(c))
            .count();
        let mut joined_len = None;
        for n in (2..=run).rev() {
            let text = words(&clauses[i..i + n]);
            if glossary.find(&text).is_some() {
                joined_len = Some((n, text));
                break;
            }
        }
        if let Some((n, text)) = joined_len {
            let phrase = Clause {
                alternatives: Alternatives::one(Alternative {
                    display: text.clone(),
                    folded: fold(&text),
                    via: None,
                }),
                typed: text,
                phrase: true,
            };
            clauses.splice(i..i + n, [phrase]);
        }
        i += 1;
    }
}

fn words(clauses: &[Clause]) -> String {
    clauses
        .iter()
        .map(|c| c.typed.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The entry a typed form names: one of its forms, or — for a person — the
/// family name alone (`Rubio` for Marco Rubio).
fn entry_for<'g>(glossary: &'g Glossary, typed: &str) -> Option<&'g Term> {
    if let Some(t) = glossary.find(typed) {
        return Some(t);
    }
    let key = fold(typed);
    if key.chars().count() < 3 || !key.chars().all(|c| c.is_alphabetic() || c == '-') {
        return None;
    }
    glossary.terms.iter().find(|t| {
        t.kind == TermKind::Person
            && t.en
                .split_whitespace()
                .last()
                .is_some_and(|surname| fold(surname) == key)
    })
}
