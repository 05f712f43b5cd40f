//! From pairs to terms: one [`Term`] per concept, and where each is used.
//!
//! Pairs name the same concept when they share a folded Chinese form, an
//! English form, or an abbreviation (an English form that is another pair's
//! abbreviation counts too): 四方關鍵礦產倡議 and Quad 關鍵礦物倡議 both say
//! *Quad Critical Minerals Initiative*; 魯比歐 and 盧比歐 both say *Marco
//! Rubio* and become aliases. Forms are compared with [`fold`] after dropping
//! punctuation, spacing and a leading `the`.
//!
//! Occurrences are found last, after curation, for all terms at once: in each
//! block and note the longest match wins, so 戰略小多邊主義 is not also counted
//! as 小多邊主義.

use super::extract::{is_cjk, units, Pair, Unit};
use super::{Occurrence, Term};
use crate::fold::fold;
use crate::model::Document;
use std::collections::HashMap;

/// The comparison key of a form: folded, punctuation and spacing dropped to
/// single spaces between Latin words, a leading `the` dropped.
pub(crate) fn form_key(s: &str) -> String {
    let mut out = String::new();
    let mut space = false;
    for c in fold(s).chars() {
        if c.is_alphanumeric() || is_cjk(c) {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(c);
        } else {
            space = true;
        }
    }
    match out.strip_prefix("the ") {
        Some(rest) => rest.to_string(),
        None => out,
    }
}

/// Merge pairs into terms (without occurrences yet).
pub(crate) fn merge(pairs: &[Pair], docs: &[Document]) -> Vec<Term> {
    let mut parent: Vec<usize> = (0..pairs.len()).collect();
    let mut owner: HashMap<String, usize> = HashMap::new();
    for (i, p) in pairs.iter().enumerate() {
        let mut keys = vec![
            format!("zh:{}", form_key(&p.zh)),
            format!("en:{}", form_key(&p.en)),
        ];
        keys.extend(p.abbr.iter().map(|a| format!("en:{}", form_key(a))));
        for k in keys {
            match owner.get(&k) {
                Some(&j) => union(&mut parent, i, j),
                None => {
                    owner.insert(k, i);
                }
            }
        }
    }
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut group_of: HashMap<usize, usize> = HashMap::new();
    for i in 0..pairs.len() {
        let root = find(&mut parent, i);
        let g = *group_of.entry(root).or_insert_with(|| {
            groups.push(Vec::new());
            groups.len() - 1
        });
        groups[g].push(i);
    }
    let counts = FormCounts::new(docs);
    groups
        .iter()
        .map(|g| term_of(&g.iter().map(|&i| &pairs[i]).collect::<Vec<_>>(), &counts))
        .collect()
}

fn find(parent: &mut [usize], i: usize) -> usize {
    let mut r = i;
    while parent[r] != r {
        r = parent[r];
    }
    parent[i] = r;
    r
}

fn union(parent: &mut [usize], a: usize, b: usize) {
    let (ra, rb) = (find(parent, a), find(parent, b));
    if ra != rb {
        // The earlier pair stays the root, so the group keeps corpus order.
        parent[ra.max(rb)] = ra.min(rb);
    }
}

/// One term from the pairs that name it (in corpus order).
fn term_of(pairs: &[&Pair], counts: &FormCounts) -> Term {
    let abbrs: Vec<String> = pairs
        .iter()
        .filter_map(|p| p.abbr.as_deref())
        .map(form_key)
        .collect();
    // The English name: a full form over a bare abbreviation, the most
    // stated, then the longest.
    let full: Vec<&&Pair> = pairs
        .iter()
        .filter(|p| !p.en_is_abbr && !abbrs.contains(&form_key(&p.en)))
        .collect();
    let pool: Vec<&&Pair> = if full.is_empty() {
        pairs.iter().collect()
    } else {
        full
    };
    let stated = |p: &Pair| {
        pool.iter()
            .filter(|q| form_key(&q.en) == form_key(&p.en))
            .count()
    };
    let chosen = pool
        .iter()
        .copied()
        .max_by(|a, b| {
            stated(a)
                .cmp(&stated(b))
                .then(a.en.chars().count().cmp(&b.en.chars().count()))
                .then(std::cmp::Ordering::Greater) // keep the earliest on a tie
        })
        .copied()
        .unwrap_or(pairs[0]);
    let en = chosen.en.clone();
    // The abbreviation: the most given one; else a bare abbreviation that is
    // not the English name itself.
    let mut abbr = most_common(pairs.iter().filter_map(|p| p.abbr.clone()));
    if abbr.is_none() {
        abbr = most_common(
            pairs
                .iter()
                .filter(|p| p.en_is_abbr && form_key(&p.en) != form_key(&en))
                .map(|p| p.en.clone()),
        );
    }
    let mut zh: Vec<String> = Vec::new();
    for p in pairs {
        if !zh.iter().any(|z| form_key(z) == form_key(&p.zh)) {
            zh.push(p.zh.clone());
        }
    }
    sort_by_use(&mut zh, counts);
    Term {
        zh,
        en,
        abbr,
        kind: chosen.kind,
        defined_at: pairs[0].at.clone(),
        occurrences: Vec::new(),
        count: 0,
    }
}

fn most_common(items: impl Iterator<Item = String>) -> Option<String> {
    let mut seen: Vec<(String, usize)> = Vec::new();
    for s in items {
        match seen.iter_mut().find(|(t, _)| form_key(t) == form_key(&s)) {
            Some((_, n)) => *n += 1,
            None => seen.push((s, 1)),
        }
    }
    let best = seen.iter().map(|(_, n)| *n).max()?;
    seen.into_iter().find(|(_, n)| *n == best).map(|(s, _)| s)
}

/// Order Chinese forms most used first (stable on ties).
pub(crate) fn sort_by_use(zh: &mut [String], counts: &FormCounts) {
    zh.sort_by_key(|z| std::cmp::Reverse(counts.count(z)));
}

/// The corpus's units, folded, to count and find forms.
pub(crate) struct FormCounts {
    units: Vec<(Unit, Vec<char>)>,
}

impl FormCounts {
    pub(crate) fn new(docs: &[Document]) -> Self {
        FormCounts {
            units: units(docs)
                .map(|u| {
                    let folded = fold(&u.text).chars().collect();
                    (u, folded)
                })
                .collect(),
        }
    }

    /// How often a form occurs (each match, overlapping with other forms or not).
    pub(crate) fn count(&self, form: &str) -> usize {
        let f = Form::new(form);
        self.units.iter().map(|(_, t)| f.matches(t).count()).sum()
    }
}

/// A form ready for matching folded text.
struct Form {
    chars: Vec<char>,
    latin: bool,
}

impl Form {
    fn new(s: &str) -> Self {
        let chars: Vec<char> = fold(s.trim()).chars().collect();
        let latin = chars.iter().any(char::is_ascii_alphanumeric);
        Form { chars, latin }
    }

    /// Start offsets of matches in `text`. Latin forms match whole words only
    /// (`UN` is not found in `UNCLOS`, `Quad` not in `Quadrilateral`).
    fn matches<'a>(&'a self, text: &'a [char]) -> impl Iterator<Item = usize> + 'a {
        let n = self.chars.len();
        let usable = n >= 2;
        (0..text.len().saturating_sub(n.saturating_sub(1)))
            .filter(move |_| usable)
            .filter(move |&i| text[i..].starts_with(&self.chars))
            .filter(move |&i| {
                !self.latin
                    || !(i > 0 && text[i - 1].is_ascii_alphanumeric()
                        || text.get(i + n).is_some_and(char::is_ascii_alphanumeric))
            })
    }
}

/// Find every term's occurrences (longest match first, no overlaps), count
/// them, and order the terms by English form.
pub(crate) fn finish(terms: &mut [Term], docs: &[Document]) {
    let counts = FormCounts::new(docs);
    let forms: Vec<(usize, Form)> = terms
        .iter()
        .enumerate()
        .flat_map(|(t, term)| term.forms().map(move |f| (t, Form::new(f))))
        .collect();
    for term in terms.iter_mut() {
        term.occurrences.clear();
    }
    for (unit, text) in &counts.units {
        let mut found: Vec<(usize, usize, usize)> = Vec::new(); // (start, end, term)
        for (t, f) in &forms {
            found.extend(f.matches(text).map(|s| (s, s + f.chars.len(), *t)));
        }
        found.sort_by_key(|&(s, e, t)| (s, std::cmp::Reverse(e), t));
        let mut reached = 0;
        // Leftmost-longest: a match is kept unless an earlier kept one covers it.
        let mut kept: Vec<(usize, usize, usize)> = Vec::new();
        for m in found {
            if m.0 >= reached {
                reached = m.1;
                kept.push(m);
            }
        }
        for (s, e, t) in kept {
            terms[t].occurrences.push(Occurrence {
                doc: unit.doc.clone(),
                anchor: unit.anchor.clone(),
                start: s as u32,
                end: e as u32,
            });
        }
    }
    for term in terms.iter_mut() {
        term.count = term.occurrences.len() as u32;
        sort_by_use(&mut term.zh, &counts);
    }
    terms.sort_by(|a, b| {
        a.en.to_lowercase()
            .cmp(&b.en.to_lowercase())
            .then(a.zh.cmp(&b.zh))
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_fold_punctuation_case_and_the() {
        assert_eq!(
            form_key("The Quad Foreign Ministers’ Meeting"),
            form_key("quad foreign ministers' meeting")
        );
        assert_eq!(form_key("U.S. Coast Guard"), "u s coast guard");
        assert_eq!(form_key("盧比歐"), form_key("卢比欧"));
        assert_eq!(form_key("「四方安全對話」"), form_key("四方安全对话"));
    }

    #[test]
    fn latin_forms_match_whole_words() {
        let text: Vec<char> = fold("UNCLOS, the UN and Quadrilateral Quad")
            .chars()
            .collect();
        assert_eq!(Form::new("UN").matches(&text).count(), 1);
        assert_eq!(Form::new("Quad").matches(&text).count(), 1);
        let zh: Vec<char> = fold("小多邊主義與戰略小多邊主義").chars().collect();
        assert_eq!(Form::new("小多邊主義").matches(&zh).count(), 2);
    }
}
