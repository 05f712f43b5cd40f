//! The corpus as the glossary reads it — every block and note as a [`Unit`]
//! of plain text — and the one [`Counter`] that says how often strings occur
//! in it. Built once per glossary build and shared by extraction, merging,
//! curation and the occurrence search.
//!
//! Counting is near-linear in the corpus size: many strings are counted in
//! one pass over the text (looked up by their first character or as short
//! substrings), never one pass per string, and every answer is remembered.

use super::left_edge;
use crate::fold::fold;
use crate::inline::Inline;
use crate::model::Document;
use crate::script::is_han;
use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// A fast non-cryptographic hasher (the multiply-rotate step of rustc's
/// FxHash) for the per-character lookups of a scan, where SipHash's
/// flood resistance buys nothing: the keys are the corpus's own strings.
#[derive(Default)]
struct Fx(u64);

impl Hasher for Fx {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
    }
    fn write_u32(&mut self, n: u32) {
        self.add(u64::from(n));
    }
    fn write_u8(&mut self, n: u8) {
        self.add(u64::from(n));
    }
    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

impl Fx {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

type FxBuild = BuildHasherDefault<Fx>;

/// One block or note: where it is, its plain text, which characters are italic.
pub(crate) struct Unit {
    pub(crate) doc: String,
    pub(crate) anchor: String,
    pub(crate) line: u32,
    pub(crate) text: String,
    pub(crate) italic: Vec<bool>,
}

/// Every block and note of the documents, in order.
fn units(docs: &[Document]) -> impl Iterator<Item = Unit> + '_ {
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

/// A unit from inline runs: note markers dropped, emphasis as its text
/// (marked italic), links as their address.
pub(crate) fn unit(doc: &str, anchor: &str, line: u32, inlines: &[Inline]) -> Unit {
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

/// Whether the occurrence of a string at byte `at` of `text` stands alone:
/// not glued to a preceding ideograph, i.e. after punctuation, Latin text or
/// the start, or after a function word or title. 川普 stands alone in
/// `，川普要求`; 比歐 never does (it is always 魯比歐 or 盧比歐), so 比歐 is
/// never taken for a name.
fn stands_alone(text: &str, at: usize) -> bool {
    let before = &text[..at];
    match before.chars().next_back() {
        None => true,
        Some(c) if !is_han(c) => true,
        Some(_) => left_edge::ends_with_boundary(before),
    }
}

/// How often `form` occurs standing alone in `text` (leftmost
/// non-overlapping occurrences, as `str::match_indices` finds them).
pub(crate) fn standalone_count(text: &str, form: &str) -> usize {
    if form.is_empty() {
        return 0;
    }
    text.match_indices(form)
        .filter(|(i, _)| stands_alone(text, *i))
        .count()
}

/// A form ready for matching folded text.
pub(crate) struct Form {
    pub(crate) chars: Vec<char>,
    latin: bool,
}

impl Form {
    pub(crate) fn new(s: &str) -> Self {
        let chars: Vec<char> = fold(s.trim()).chars().collect();
        let latin = chars.iter().any(char::is_ascii_alphanumeric);
        Form { chars, latin }
    }

    /// Whether the form occurs at `i` of `text`. Forms shorter than two
    /// characters never do; Latin forms match whole words only (`UN` is not
    /// found in `UNCLOS`, `Quad` not in `Quadrilateral`).
    fn at(&self, text: &[char], i: usize) -> bool {
        let n = self.chars.len();
        n >= 2
            && text[i..].starts_with(&self.chars)
            && (!self.latin
                || !(i > 0 && text[i - 1].is_ascii_alphanumeric()
                    || text.get(i + n).is_some_and(char::is_ascii_alphanumeric)))
    }
}

/// Many forms, indexed by their first character, to find them all in one
/// pass over a text.
pub(crate) struct FormSet<'a> {
    forms: &'a [Form],
    by_first: HashMap<char, Vec<usize>, FxBuild>,
}

impl<'a> FormSet<'a> {
    pub(crate) fn new(forms: &'a [Form]) -> Self {
        let mut by_first: HashMap<char, Vec<usize>, FxBuild> = HashMap::default();
        for (k, f) in forms.iter().enumerate() {
            if let (Some(&c), true) = (f.chars.first(), f.chars.len() >= 2) {
                by_first.entry(c).or_default().push(k);
            }
        }
        FormSet { forms, by_first }
    }

    /// Every match in `text` as (start, form index): all of them, overlapping
    /// ones included, by start then form index.
    pub(crate) fn scan(&self, text: &[char], mut found: impl FnMut(usize, usize)) {
        for (i, c) in text.iter().enumerate() {
            if let Some(ks) = self.by_first.get(c) {
                for &k in ks {
                    if self.forms[k].at(text, i) {
                        found(i, k);
                    }
                }
            }
        }
    }
}

/// The corpus's units, raw and folded, and remembered counts.
pub(crate) struct Counter {
    units: Vec<Unit>,
    folded: Vec<Vec<char>>,
    counts: RefCell<HashMap<String, usize>>,
}

impl Counter {
    pub(crate) fn new(docs: &[Document]) -> Self {
        Counter::of(units(docs).collect())
    }

    /// A counter over these units.
    fn of(units: Vec<Unit>) -> Self {
        let folded = units
            .iter()
            .map(|u| fold(&u.text).chars().collect())
            .collect();
        Counter {
            units,
            folded,
            counts: RefCell::new(HashMap::new()),
        }
    }

    /// Every block and note, in corpus order.
    pub(crate) fn units(&self) -> &[Unit] {
        &self.units
    }

    /// Every unit with its folded text.
    pub(crate) fn folded_units(&self) -> impl Iterator<Item = (&Unit, &[char])> {
        self.units.iter().zip(self.folded.iter().map(Vec::as_slice))
    }

    /// How often each of `queries` stands alone in the corpus (see
    /// [`standalone_count`]), in one pass over the raw text.
    pub(crate) fn standalone_counts(&self, queries: &HashSet<String>) -> HashMap<String, usize> {
        let mut counts: HashMap<String, usize> = HashMap::new();
        let lengths: Vec<usize> = {
            let mut l: Vec<usize> = queries
                .iter()
                .map(|q| q.chars().count())
                .filter(|&n| n > 0)
                .collect();
            l.sort_unstable();
            l.dedup();
            l
        };
        let firsts: HashSet<char, FxBuild> =
            queries.iter().filter_map(|q| q.chars().next()).collect();
        let queries: HashSet<&str, FxBuild> = queries.iter().map(String::as_str).collect();
        // Where each query's last match ended in the current unit, so
        // matches do not overlap, as with `match_indices`.
        let mut last_end: HashMap<&str, (usize, usize), FxBuild> = HashMap::default();
        for (u, unit) in self.units.iter().enumerate() {
            let text = unit.text.as_str();
            if !text.chars().any(|c| firsts.contains(&c)) {
                continue;
            }
            let bounds: Vec<usize> = text
                .char_indices()
                .map(|(b, _)| b)
                .chain(std::iter::once(text.len()))
                .collect();
            for (i, c) in text.chars().enumerate() {
                if !firsts.contains(&c) {
                    continue;
                }
                for &n in &lengths {
                    let Some(&end) = bounds.get(i + n) else { break };
                    let piece = &text[bounds[i]..end];
                    let Some(&q) = queries.get(piece) else {
                        continue;
                    };
                    let free = match last_end.get(q) {
                        Some(&(unit, e)) => unit != u || e <= bounds[i],
                        None => true,
                    };
                    if !free {
                        continue;
                    }
                    last_end.insert(q, (u, end));
                    if stands_alone(text, bounds[i]) {
                        *counts.entry(q.to_string()).or_default() += 1;
                    }
                }
            }
        }
        counts
    }

    /// How often a form occurs, folded (each match, overlapping with other
    /// forms or not). Remembered; count many forms at once with
    /// [`Counter::count_all`] first.
    pub(crate) fn count(&self, form: &str) -> usize {
        if let Some(&n) = self.counts.borrow().get(form) {
            return n;
        }
        self.count_all([form]);
        self.counts.borrow().get(form).copied().unwrap_or(0)
    }

    /// Count every form not yet counted, in one pass over the corpus.
    pub(crate) fn count_all<'s>(&self, forms: impl IntoIterator<Item = &'s str>) {
        let mut names: Vec<&str> = Vec::new();
        {
            let known = self.counts.borrow();
            let mut seen = HashSet::new();
            for f in forms {
                if !known.contains_key(f) && seen.insert(f) {
                    names.push(f);
                }
            }
        }
        if names.is_empty() {
            return;
        }
        let compiled: Vec<Form> = names.iter().map(|f| Form::new(f)).collect();
        let set = FormSet::new(&compiled);
        let mut n = vec![0usize; names.len()];
        for text in &self.folded {
            set.scan(text, |_, k| n[k] += 1);
        }
        self.remember(names.into_iter().zip(n));
    }

    /// Record counts found elsewhere (the occurrence search finds them all).
    pub(crate) fn remember<'s>(&self, counts: impl IntoIterator<Item = (&'s str, usize)>) {
        let mut known = self.counts.borrow_mut();
        for (f, n) in counts {
            known.insert(f.to_string(), n);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counter(texts: &[&str]) -> Counter {
        Counter::of(
            texts
                .iter()
                .map(|t| unit("d", "p", 1, &[Inline::Text((*t).to_string())]))
                .collect(),
        )
    }

    #[test]
    fn standalone_counts_agree_with_one_text_at_a_time() {
        let texts = [
            "，川普要求美國川普與川普",
            "魯比歐與盧比歐",
            "哈哈哈哈，哈哈哈",
        ];
        let c = counter(&texts);
        let queries: HashSet<String> = ["川普", "比歐", "哈哈", "哈哈哈", "美國川普", "x"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let got = c.standalone_counts(&queries);
        for q in &queries {
            let want: usize = texts.iter().map(|t| standalone_count(t, q)).sum();
            assert_eq!(got.get(q).copied().unwrap_or(0), want, "{q}");
        }
    }

    #[test]
    fn counts_of_many_forms_equal_counts_one_by_one() {
        let c = counter(&[
            "UNCLOS, the UN and Quadrilateral Quad",
            "小多邊主義與戰略小多邊主義",
        ]);
        c.count_all(["UN", "Quad", "小多邊主義", "戰略小多邊主義", "x"]);
        assert_eq!(c.count("UN"), 1);
        assert_eq!(c.count("Quad"), 1);
        assert_eq!(c.count("小多邊主義"), 2);
        assert_eq!(c.count("戰略小多邊主義"), 1);
        assert_eq!(c.count("x"), 0);
        assert_eq!(c.count("小多边主义"), 2);
    }
}
