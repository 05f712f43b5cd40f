//! Count postings: for a term, per passage in order, how often it occurs
//! there (as the in-memory matcher counts: a form starting with a letter or
//! digit of a spaced script only at a word start) and the passage's length
//! and kind — what ranking and the exact counts need, without positions.
//!
//! Terms are strings, a tag character first:
//! - [`EXACT`] + a folded form: every character and every character bigram
//!   of the archive, and every glossary form known at build time (a form of
//!   three or more characters has a posting, possibly empty, exactly when it
//!   was precomputed; one of one or two characters always has one, absent
//!   meaning no occurrence);
//! - [`TOKEN`] + a whole Latin word (a maximal run of spaced-script letters
//!   and digits) of three or more characters: a form made only of such
//!   characters occurs where a word starts with it, so its counts are the
//!   sum over the contiguous range of words it prefixes.
//!
//! A stream holds, per passage, two postcard varints: the difference from
//! the previous passage (the first: from 0) shifted left by two, its low
//! bits the count when it is 1 to 3 (0: the count follows as one more
//! varint), so a dense term's entry starts with one byte; then the
//! length-and-kind ([`super::len_kind`]).

use super::stream::{put, varint};
use super::SplitError;
use crate::search::{is_spaced_word_char, SearchIndex};
use std::collections::HashMap;

/// Tag of a precomputed folded form.
pub(crate) const EXACT: char = '\u{1}';
/// Tag of a whole Latin word.
pub(crate) const TOKEN: char = '\u{2}';
/// Past every character a word can hold (closes a prefix range).
pub(crate) const AFTER_WORDS: char = char::MAX;
/// Latin words shorter than this have no [`TOKEN`] posting: a form of one or
/// two characters has an [`EXACT`] one.
pub(crate) const MIN_TOKEN: usize = 3;

/// One passage's entry in a count stream.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Count {
    pub(crate) passage: u32,
    pub(crate) count: u32,
    pub(crate) len_kind: u32,
}

/// Append one entry after one for `previous` (or first, for `None`).
pub(crate) fn put_count(
    buf: &mut Vec<u8>,
    previous: Option<u32>,
    c: &Count,
) -> Result<(), SplitError> {
    let gap = c.passage - previous.unwrap_or(0);
    if gap > u32::MAX >> 2 {
        return Err(SplitError::Encode);
    }
    if (1..=3).contains(&c.count) {
        put(buf, (gap << 2) | c.count)?;
    } else {
        put(buf, gap << 2)?;
        put(buf, c.count)?;
    }
    put(buf, c.len_kind)
}

/// Reads a count stream; `None` at its end, an error if damaged.
pub(crate) struct Counts<'a> {
    rest: &'a [u8],
    passage: u32,
}

impl<'a> Counts<'a> {
    pub(crate) fn new(bytes: &'a [u8]) -> Self {
        Counts {
            rest: bytes,
            passage: 0,
        }
    }

    #[inline(always)]
    fn number(&mut self) -> Result<u32, ()> {
        let (v, rest) = varint(self.rest).ok_or(())?;
        self.rest = rest;
        Ok(v)
    }

    /// The next entry: `Ok(None)` at the end, `Err(())` if damaged.
    #[inline(always)]
    pub(crate) fn next_count(&mut self) -> Result<Option<Count>, ()> {
        if self.rest.is_empty() {
            return Ok(None);
        }
        let head = self.number()?;
        self.passage = self.passage.checked_add(head >> 2).ok_or(())?;
        let count = match head & 3 {
            0 => self.number()?,
            n => n,
        };
        let len_kind = self.number()?;
        Ok(Some(Count {
            passage: self.passage,
            count,
            len_kind,
        }))
    }
}

/// The term of a precomputed folded form.
pub(crate) fn exact(folded: &str) -> String {
    let mut s = String::with_capacity(folded.len() + 1);
    s.push(EXACT);
    s.push_str(folded);
    s
}

/// The terms of the words a Latin form prefixes: `token(f)..=token_end(f)`.
pub(crate) fn token(folded: &str) -> String {
    let mut s = String::with_capacity(folded.len() + 1);
    s.push(TOKEN);
    s.push_str(folded);
    s
}

/// The last term of [`token`]'s range.
pub(crate) fn token_end(folded: &str) -> String {
    let mut s = token(folded);
    s.push(AFTER_WORDS);
    s
}

/// A character (`None`) or bigram as a number: the first character in the
/// high half, the second (or a value no character has) in the low.
fn pair(a: char, b: Option<char>) -> u64 {
    (u64::from(u32::from(a)) << 32) | u64::from(b.map_or(u32::MAX, u32::from))
}

/// The characters of a [`pair`].
fn unpair(k: u64) -> impl Iterator<Item = char> {
    let hi = char::from_u32((k >> 32) as u32);
    let lo = char::from_u32(k as u32);
    hi.into_iter().chain(lo)
}

/// Every term's stream, terms sorted: characters, bigrams, Latin words and
/// `forms` (folded glossary forms; those of three or more characters get a
/// posting even when they never occur). One pass over the text; a form is
/// only compared where its first two characters are.
pub(crate) fn streams(
    index: &SearchIndex,
    forms: &[String],
) -> Result<Vec<(String, Vec<u8>)>, SplitError> {
    // Forms of 3+ characters by their first two.
    let mut by_start: HashMap<(char, char), Vec<Vec<char>>> = HashMap::new();
    let mut map: HashMap<String, (Option<u32>, Vec<u8>)> = HashMap::new();
    for f in forms {
        let chars: Vec<char> = f.chars().collect();
        if chars.len() < 3 {
            continue;
        }
        let list = by_start.entry((chars[0], chars[1])).or_default();
        if !list.contains(&chars) {
            list.push(chars);
            map.entry(exact(f)).or_default();
        }
    }
    // Characters and bigrams by a number (cheap to hash), words and forms
    // by their text.
    let mut pairs: HashMap<u64, (Option<u32>, Vec<u8>)> = HashMap::new();
    let mut local_pairs: HashMap<u64, u32> = HashMap::new();
    let mut local: HashMap<String, u32> = HashMap::new();
    let mut term = String::new();
    for (i, p) in index.passages.iter().enumerate() {
        let passage = u32::try_from(i).map_err(|_| SplitError::Encode)?;
        let chars: Vec<char> = p.folded.chars().collect();
        local_pairs.clear();
        local.clear();
        let mut bump = |t: &str| match local.get_mut(t) {
            Some(n) => *n += 1,
            None => {
                local.insert(t.to_string(), 1);
            }
        };
        for (j, &c) in chars.iter().enumerate() {
            let word = is_spaced_word_char(c);
            // A Latin form only counts at a word start.
            if word && j > 0 && is_spaced_word_char(chars[j - 1]) {
                continue;
            }
            *local_pairs.entry(pair(c, None)).or_default() += 1;
            let Some(&d) = chars.get(j + 1) else {
                continue;
            };
            *local_pairs.entry(pair(c, Some(d))).or_default() += 1;
            if let Some(list) = by_start.get(&(c, d)) {
                for f in list {
                    if chars[j..].starts_with(f) {
                        term.clear();
                        term.push(EXACT);
                        term.extend(f.iter());
                        bump(&term);
                    }
                }
            }
            if word {
                let end = chars[j..]
                    .iter()
                    .position(|&x| !is_spaced_word_char(x))
                    .map_or(chars.len(), |n| j + n);
                if end - j >= MIN_TOKEN {
                    term.clear();
                    term.push(TOKEN);
                    term.extend(&chars[j..end]);
                    bump(&term);
                }
            }
        }
        let len_kind = super::len_kind(p.chars, p.kind);
        let entry = |count| Count {
            passage,
            count,
            len_kind,
        };
        for (&k, &count) in &local_pairs {
            let (last, buf) = pairs.entry(k).or_default();
            put_count(buf, *last, &entry(count))?;
            *last = Some(passage);
        }
        for (t, &count) in &local {
            let (last, buf) = match map.get_mut(t.as_str()) {
                Some(slot) => slot,
                None => map.entry(t.clone()).or_default(),
            };
            put_count(buf, *last, &entry(count))?;
            *last = Some(passage);
        }
    }
    for (k, (_, bytes)) in pairs {
        let mut t = String::with_capacity(9);
        t.push(EXACT);
        t.extend(unpair(k));
        map.insert(t, (None, bytes));
    }
    let mut out: Vec<(String, Vec<u8>)> = map.into_iter().map(|(k, (_, b))| (k, b)).collect();
    out.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_round_trip_and_damage_is_an_error() {
        let a = Count {
            passage: 3,
            count: 2,
            len_kind: 77,
        };
        let b = Count {
            passage: 900_000,
            count: 1,
            len_kind: 5000,
        };
        let c = Count {
            passage: 900_001,
            count: 40,
            len_kind: 9,
        };
        let mut buf = Vec::new();
        put_count(&mut buf, None, &a).unwrap();
        put_count(&mut buf, Some(3), &b).unwrap();
        put_count(&mut buf, Some(900_000), &c).unwrap();
        let mut r = Counts::new(&buf);
        assert_eq!(r.next_count(), Ok(Some(a)));
        assert_eq!(r.next_count(), Ok(Some(b)));
        assert_eq!(r.next_count(), Ok(Some(c)));
        assert_eq!(r.next_count(), Ok(None));
        // Cut inside an entry: an error, never a panic or a wrong entry.
        let mut one = Vec::new();
        put_count(&mut one, None, &c).unwrap();
        for cut in 1..one.len() {
            assert_eq!(
                Counts::new(&one[..cut]).next_count(),
                Err(()),
                "cut at {cut}"
            );
        }
    }

    #[test]
    fn terms_count_as_the_matcher_does() {
        let text = "Quad 與 SSN-AUKUS 的四方安全對話，quadrilateral 的 aukus";
        let index = SearchIndex {
            documents: vec!["d".to_string()],
            passages: vec![crate::search::Passage {
                document: 0,
                target: "p1".to_string(),
                kind: crate::search::PassageKind::Paragraph,
                text: text.to_string(),
                folded: crate::fold::fold(text),
                chars: text.chars().count() as u32,
                label: None,
            }],
            mean_chars: 40.0,
        };
        let streams = streams(
            &index,
            &["四方安全对话".to_string(), "不存在的词".to_string()],
        )
        .unwrap();
        let count = |t: &str| -> u32 {
            streams
                .iter()
                .find(|(k, _)| k == t)
                .map(|(_, s)| {
                    let mut r = Counts::new(s);
                    let mut n = 0;
                    while let Some(c) = r.next_count().unwrap() {
                        n += c.count;
                    }
                    n
                })
                .unwrap_or(0)
        };
        assert_eq!(count(&exact("的")), 2);
        assert_eq!(count(&exact("四方安全对话")), 1);
        // Precomputed though absent.
        assert!(streams.iter().any(|(k, _)| *k == exact("不存在的词")));
        // Word starts only: `u` of `aukus` does not count, `a` does.
        assert_eq!(count(&exact("a")), 2);
        assert_eq!(count(&exact("uk")), 0);
        assert_eq!(count(&token("quad")), 1);
        assert_eq!(count(&token("quadrilateral")), 1);
        assert_eq!(count(&token("aukus")), 2);
        assert_eq!(count(&token("ssn")), 1);
    }
}
