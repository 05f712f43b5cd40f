//! Glossary expansion: a term also matches its other-language forms and
//! aliases, so `Rubio` finds 魯比歐 and 盧比歐 and `AUKUS` finds
//! 澳英美三方安全夥伴關係. Each added alternative remembers the entry it came
//! from, so results can say why they matched, and the reader can switch it off.

use super::query::{Alternative, Query};
use crate::fold::fold;
use crate::glossary::{Glossary, Term, TermKind};

/// Add the glossary forms of every term that names a glossary entry.
pub fn expand(query: &mut Query, glossary: &Glossary) {
    for term in &mut query.terms {
        let Some(entry) = entry_for(glossary, &term.typed) else {
            continue;
        };
        for form in entry.forms() {
            let folded = fold(form);
            if folded.trim().is_empty() || term.alternatives.iter().any(|a| a.folded == folded) {
                continue;
            }
            term.alternatives.push(Alternative {
                display: form.to_string(),
                folded,
                via: Some(entry.en.clone()),
            });
        }
    }
}

/// The entry a typed term names: one of its forms, or — for a person — the
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
