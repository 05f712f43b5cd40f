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

use super::counter::{Counter, Form, FormSet};
use super::key::form_key;
use super::{Occurrence, Pair, Term};
use std::collections::{HashMap, HashSet};

/// Merge pairs into terms (without occurrences yet).
pub(crate) fn merge(pairs: &[Pair], counter: &Counter) -> Vec<Term> {
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
    let mut terms: Vec<Term> = groups
        .iter()
        .map(|g| term_of(&g.iter().map(|&i| &pairs[i]).collect::<Vec<_>>()))
        .collect();
    // Every Chinese form counted in one pass, then each term's ordered.
    counter.count_all(terms.iter().flat_map(|t| t.zh.iter().map(String::as_str)));
    for t in &mut terms {
        sort_by_use(&mut t.zh, counter);
    }
    terms
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

/// One term from the pairs that name it (in corpus order), its Chinese
/// forms not yet ordered by use. Linear in the number of pairs: each form's
/// key is computed once.
fn term_of(pairs: &[&Pair]) -> Term {
    let en_keys: Vec<String> = pairs.iter().map(|p| form_key(&p.en)).collect();
    let abbrs: HashSet<String> = pairs
        .iter()
        .filter_map(|p| p.abbr.as_deref())
        .map(form_key)
        .collect();
    // The English name: a full form over a bare abbreviation, the most
    // stated, then the longest.
    let full: Vec<usize> = (0..pairs.len())
        .filter(|&i| !pairs[i].en_is_abbr && !abbrs.contains(&en_keys[i]))
        .collect();
    let pool: Vec<usize> = if full.is_empty() {
        (0..pairs.len()).collect()
    } else {
        full
    };
    let mut stated_by_key: HashMap<&str, usize> = HashMap::new();
    for &i in &pool {
        *stated_by_key.entry(en_keys[i].as_str()).or_default() += 1;
    }
    let stated = |i: usize| stated_by_key[en_keys[i].as_str()];
    let chosen = pool
        .iter()
        .copied()
        .max_by(|&a, &b| {
            stated(a)
                .cmp(&stated(b))
                .then(
                    pairs[a]
                        .en
                        .chars()
                        .count()
                        .cmp(&pairs[b].en.chars().count()),
                )
                .then(std::cmp::Ordering::Greater) // keep the earliest on a tie
        })
        .map_or(pairs[0], |i| pairs[i]);
    let en = chosen.en.clone();
    let en_key = form_key(&en);
    // The abbreviation: the most given one; else a bare abbreviation that is
    // not the English name itself.
    let mut abbr = most_common(pairs.iter().filter_map(|p| p.abbr.clone()));
    if abbr.is_none() {
        abbr = most_common(
            (0..pairs.len())
                .filter(|&i| pairs[i].en_is_abbr && en_keys[i] != en_key)
                .map(|i| pairs[i].en.clone()),
        );
    }
    let mut zh: Vec<String> = Vec::new();
    let mut zh_keys: HashSet<String> = HashSet::new();
    for p in pairs {
        if zh_keys.insert(form_key(&p.zh)) {
            zh.push(p.zh.clone());
        }
    }
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

/// The most frequent item by form key; the first seen on a tie.
fn most_common(items: impl Iterator<Item = String>) -> Option<String> {
    let mut seen: Vec<(String, usize)> = Vec::new();
    let mut slot: HashMap<String, usize> = HashMap::new();
    for s in items {
        match slot.get(&form_key(&s)) {
            Some(&k) => seen[k].1 += 1,
            None => {
                slot.insert(form_key(&s), seen.len());
                seen.push((s, 1));
            }
        }
    }
    let best = seen.iter().map(|(_, n)| *n).max()?;
    seen.into_iter().find(|(_, n)| *n == best).map(|(s, _)| s)
}

/// Order Chinese forms most used first (stable on ties).
pub(crate) fn sort_by_use(zh: &mut [String], counter: &Counter) {
    zh.sort_by_key(|z| std::cmp::Reverse(counter.count(z)));
}

/// Find every term's occurrences (longest match first, no overlaps), count
/// them, and order the terms by English form. One pass over the corpus finds
/// every form of every term. A term's Chinese forms are ordered by use, but
/// one of `headwords` (Chinese forms a person chose as an entry's name, in
/// any spelling) goes first.
pub(crate) fn finish(terms: &mut [Term], counter: &Counter, headwords: &[String]) {
    let headwords: HashSet<String> = headwords.iter().map(|h| form_key(h)).collect();
    let (owner, names): (Vec<usize>, Vec<&str>) = terms
        .iter()
        .enumerate()
        .flat_map(|(t, term)| term.forms().map(move |f| (t, f)))
        .unzip();
    let forms: Vec<Form> = names.iter().map(|f| Form::new(f)).collect();
    let set = FormSet::new(&forms);
    let mut occurrences: Vec<Vec<Occurrence>> = vec![Vec::new(); terms.len()];
    let mut per_form = vec![0usize; forms.len()];
    for (unit, text) in counter.folded_units() {
        let mut found: Vec<(usize, usize, usize)> = Vec::new(); // (start, end, term)
        set.scan(text, |s, k| {
            per_form[k] += 1;
            found.push((s, s + forms[k].chars.len(), owner[k]));
        });
        found.sort_by_key(|&(s, e, t)| (s, std::cmp::Reverse(e), t));
        let mut reached = 0;
        // Leftmost-longest: a match is kept unless an earlier kept one covers it.
        for (s, e, t) in found {
            if s >= reached {
                reached = e;
                occurrences[t].push(Occurrence {
                    doc: unit.doc.clone(),
                    anchor: unit.anchor.clone(),
                    start: s as u32,
                    end: e as u32,
                });
            }
        }
    }
    counter.remember(names.iter().copied().zip(per_form));
    for (term, occ) in terms.iter_mut().zip(occurrences) {
        term.occurrences = occ;
        term.count = term.occurrences.len() as u32;
        sort_by_use(&mut term.zh, counter);
        if let Some(i) = term
            .zh
            .iter()
            .position(|z| headwords.contains(&form_key(z)))
        {
            term.zh[..=i].rotate_right(1);
        }
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
    use crate::fold::fold;

    #[test]
    fn latin_forms_match_whole_words() {
        let text: Vec<char> = fold("UNCLOS, the UN and Quadrilateral Quad")
            .chars()
            .collect();
        let forms = [Form::new("UN"), Form::new("Quad"), Form::new("小多邊主義")];
        let set = FormSet::new(&forms);
        let mut n = [0; 3];
        set.scan(&text, |_, k| n[k] += 1);
        let zh: Vec<char> = fold("小多邊主義與戰略小多邊主義").chars().collect();
        set.scan(&zh, |_, k| n[k] += 1);
        assert_eq!(n, [1, 1, 2]);
    }
}
