//! Passage lists as sorted vectors, and the merges a query makes of them.
//!
//! A warm keystroke at 10,000 documents reads postings for tens of
//! thousands of passages, narrows them clause by clause and looks each
//! survivor up in every clause's counts. Postings streams come in passage
//! order, so every one of these steps is a walk along sorted vectors:
//! a [`Cursor`] answers "is this passage in the list?" for passages asked
//! in ascending order by galloping forward, and the merges below run in one
//! pass. Maps and sets of passages (a node allocation per passage, a tree
//! descent per lookup) cost most of a keystroke before.

/// Per passage, passages ascending and each once: how often a form (or a
/// clause) occurs in it, and its length-and-kind ([`super::len_kind`]).
pub(crate) type Counted = Vec<(u32, u32, u32)>;

/// Something listed by passage.
pub(crate) trait ByPassage {
    /// The passage it is listed under.
    fn passage(&self) -> u32;
}

impl ByPassage for u32 {
    #[inline(always)]
    fn passage(&self) -> u32 {
        *self
    }
}

impl ByPassage for (u32, u32, u32) {
    #[inline(always)]
    fn passage(&self) -> u32 {
        self.0
    }
}

/// Finds passages in a list sorted by passage, asked in ascending order:
/// each lookup gallops forward from the last, so a walk of `m` lookups over
/// `n` entries costs `O(m log(n / m))`, never a search from the start.
pub(crate) struct Cursor<'a, T> {
    list: &'a [T],
    at: usize,
}

impl<'a, T: ByPassage> Cursor<'a, T> {
    pub(crate) fn new(list: &'a [T]) -> Self {
        Cursor { list, at: 0 }
    }

    /// The index of `passage` in the list, if there; every entry before it
    /// is passed for good (so a smaller passage asked later is not found).
    #[inline(always)]
    pub(crate) fn index(&mut self, passage: u32) -> Option<usize> {
        // Most walks ask for the entry at hand, one before it, or the one
        // after it.
        match self.list.get(self.at) {
            Some(e) if e.passage() == passage => Some(self.at),
            Some(e) if e.passage() > passage => None,
            Some(_) => {
                self.at += 1;
                match self.list.get(self.at) {
                    Some(e) if e.passage() == passage => Some(self.at),
                    Some(e) if e.passage() > passage => None,
                    Some(_) => self.gallop(passage),
                    None => None,
                }
            }
            None => None,
        }
    }

    /// [`Cursor::index`] past the next entry: the first power-of-two step
    /// whose entry is not below `passage`, then a binary search within it.
    #[inline(never)]
    fn gallop(&mut self, passage: u32) -> Option<usize> {
        let rest = self.list.get(self.at..)?;
        let mut step = 1;
        while step <= rest.len() && rest[step - 1].passage() < passage {
            step *= 2;
        }
        let from = step / 2;
        let to = step.min(rest.len());
        let skip = from + rest[from..to].partition_point(|e| e.passage() < passage);
        self.at += skip;
        (self.list.get(self.at)?.passage() == passage).then_some(self.at)
    }

    /// The entry of `passage`, if there (as [`Cursor::index`]).
    #[inline(always)]
    pub(crate) fn find(&mut self, passage: u32) -> Option<&'a T> {
        self.index(passage).map(|i| &self.list[i])
    }

    /// Whether `passage` is listed (as [`Cursor::index`]).
    #[inline(always)]
    pub(crate) fn holds(&mut self, passage: u32) -> bool {
        self.index(passage).is_some()
    }
}

/// Whether an ascending list holds a passage in `from..=to`.
pub(crate) fn any_in<T: ByPassage>(list: &[T], from: u32, to: u32) -> bool {
    let i = list.partition_point(|e| e.passage() < from);
    list.get(i).is_some_and(|e| e.passage() <= to)
}

/// The entries of `list` whose passage `keep` (ascending) holds.
pub(crate) fn restrict<T: ByPassage + Clone>(list: &[T], keep: &[u32]) -> Vec<T> {
    let mut cursor = Cursor::new(keep);
    list.iter()
        .filter(|e| cursor.holds(e.passage()))
        .cloned()
        .collect()
}

/// Keep the entries of `list` whose passage `keep` (ascending) holds.
pub(crate) fn retain_in<T: ByPassage>(list: &mut Vec<T>, keep: &[u32]) {
    let mut cursor = Cursor::new(keep);
    list.retain(|e| cursor.holds(e.passage()));
}

/// Drop the passages of `list` that `gone` lists.
pub(crate) fn remove_in<T: ByPassage>(list: &mut Vec<u32>, gone: &[T]) {
    let mut cursor = Cursor::new(gone);
    list.retain(|&p| !cursor.holds(p));
}

/// Two counts merged: every passage of either, counts summed where both
/// have it (the length-and-kind is the passage's, the same in both).
pub(crate) fn merge_sum(a: &[(u32, u32, u32)], b: &[(u32, u32, u32)]) -> Counted {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        let (x, y) = (a[i], b[j]);
        match x.0.cmp(&y.0) {
            std::cmp::Ordering::Less => {
                out.push(x);
                i += 1;
            }
            std::cmp::Ordering::Greater => {
                out.push(y);
                j += 1;
            }
            std::cmp::Ordering::Equal => {
                out.push((x.0, x.1.saturating_add(y.1), x.2));
                i += 1;
                j += 1;
            }
        }
    }
    out.extend_from_slice(&a[i..]);
    out.extend_from_slice(&b[j..]);
    out
}

/// Any number of counts merged as [`merge_sum`] does two, pairwise in
/// rounds, so `k` lists of `n` entries cost `O(n log k)`.
pub(crate) fn merge_all(mut lists: Vec<Counted>) -> Counted {
    while lists.len() > 1 {
        let mut next = Vec::with_capacity(lists.len().div_ceil(2));
        let mut pairs = lists.into_iter();
        while let Some(a) = pairs.next() {
            match pairs.next() {
                Some(b) => next.push(merge_sum(&a, &b)),
                None => next.push(a),
            }
        }
        lists = next;
    }
    lists.pop().unwrap_or_default()
}

/// Candidate starts of a form per passage, passages ascending, each
/// passage's starts ascending — flat, in two vectors, so narrowing tens of
/// thousands of passages bigram by bigram allocates a few vectors, not one
/// per passage. Filled by [`Starts::add`] (a start of the passage being
/// read) and [`Starts::close`] (that passage done: kept if it got a start).
///
/// Narrowing keeps a subset, so the narrowed list is made with room for
/// all of its predecessor ([`Starts::with_capacity_of`]) and written in
/// place: at the app's size-optimised build `Vec::push` is a call per
/// start, a good part of a keystroke's narrowing.
#[derive(Clone, Debug, Default)]
pub(crate) struct Starts {
    listed: Vec<Listed>,
    starts: Vec<u32>,
    /// How many of `listed` and of `starts` are written (the rest is room).
    listed_len: usize,
    starts_len: usize,
}

impl PartialEq for Starts {
    fn eq(&self, other: &Self) -> bool {
        self.passages() == other.passages()
            && self.starts[..self.starts_len] == other.starts[..other.starts_len]
    }
}

/// A passage in [`Starts`]: its length-and-kind and where its starts end.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Listed {
    passage: u32,
    len_kind: u32,
    end: usize,
}

impl ByPassage for Listed {
    #[inline(always)]
    fn passage(&self) -> u32 {
        self.passage
    }
}

impl Starts {
    /// Empty, with room for as many passages and starts as `other` has.
    pub(crate) fn with_capacity_of(other: &Starts) -> Self {
        Starts {
            listed: vec![
                Listed {
                    passage: 0,
                    len_kind: 0,
                    end: 0,
                };
                other.listed_len
            ],
            starts: vec![0; other.starts_len],
            listed_len: 0,
            starts_len: 0,
        }
    }

    /// A start in the passage being read.
    #[inline(always)]
    pub(crate) fn add(&mut self, start: u32) {
        match self.starts.get_mut(self.starts_len) {
            Some(slot) => *slot = start,
            None => self.starts.push(start),
        }
        self.starts_len += 1;
    }

    /// The passage being read is done: listed if it got a start.
    #[inline(always)]
    pub(crate) fn close(&mut self, passage: u32, len_kind: u32) {
        let end = self.starts_len;
        let before = self
            .listed_len
            .checked_sub(1)
            .map_or(0, |i| self.listed[i].end);
        if end > before {
            let l = Listed {
                passage,
                len_kind,
                end,
            };
            match self.listed.get_mut(self.listed_len) {
                Some(slot) => *slot = l,
                None => self.listed.push(l),
            }
            self.listed_len += 1;
        }
    }

    /// How many passages are listed.
    pub(crate) fn len(&self) -> usize {
        self.listed_len
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.listed_len == 0
    }

    /// The passages listed, ascending (a list for a [`Cursor`]).
    #[inline(always)]
    pub(crate) fn passages(&self) -> &[Listed] {
        &self.listed[..self.listed_len]
    }

    /// The `i`th passage listed and its length-and-kind.
    #[inline(always)]
    pub(crate) fn passage(&self, i: usize) -> (u32, u32) {
        let l = self.passages()[i];
        (l.passage, l.len_kind)
    }

    /// The starts in the `i`th passage listed.
    #[inline(always)]
    pub(crate) fn of(&self, i: usize) -> &[u32] {
        let listed = self.passages();
        let from = if i == 0 { 0 } else { listed[i - 1].end };
        &self.starts[from..listed[i].end]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::collections::{BTreeMap, BTreeSet};

    /// Counts as a map (the naive form): passage → (count, length-and-kind
    /// taken from the passage number, as every list agrees on it).
    fn counted(map: &BTreeMap<u32, u32>) -> Counted {
        map.iter().map(|(&p, &n)| (p, n, p ^ 7)).collect()
    }

    fn sorted(set: &BTreeSet<u32>) -> Vec<u32> {
        set.iter().copied().collect()
    }

    fn sets() -> impl Strategy<Value = BTreeSet<u32>> {
        // Dense and sparse lists alike: small values collide often.
        prop_oneof![
            prop::collection::btree_set(0u32..64, 0..40),
            prop::collection::btree_set(0u32..100_000, 0..200),
            prop::collection::btree_set(any::<u32>(), 0..20),
        ]
    }

    fn maps() -> impl Strategy<Value = BTreeMap<u32, u32>> {
        prop_oneof![
            prop::collection::btree_map(0u32..64, 1u32..5, 0..40),
            prop::collection::btree_map(0u32..100_000, 1u32..1000, 0..200),
        ]
    }

    #[test]
    fn starts_keep_passages_with_a_start() {
        let mut s = Starts::default();
        s.add(3);
        s.add(9);
        s.close(4, 40);
        s.close(5, 50);
        s.add(0);
        s.close(7, 70);
        let passages: Vec<u32> = s.passages().iter().map(ByPassage::passage).collect();
        assert_eq!((s.len(), passages), (2, vec![4, 7]));
        assert_eq!(
            (s.passage(1), s.of(0), s.of(1)),
            ((7, 70), &[3, 9][..], &[0][..])
        );
        assert!(Starts::default().is_empty());
        // Written in place with room ahead: the same list.
        let mut narrowed = Starts::with_capacity_of(&s);
        narrowed.add(3);
        narrowed.close(4, 40);
        narrowed.close(7, 70);
        let mut pushed = Starts::default();
        pushed.add(3);
        pushed.close(4, 40);
        assert_eq!(narrowed, pushed);
        assert_eq!((narrowed.len(), narrowed.of(0)), (1, &[3][..]));
        // Room run out: it grows.
        narrowed.add(1);
        narrowed.add(2);
        narrowed.add(5);
        narrowed.close(9, 90);
        assert_eq!((narrowed.len(), narrowed.of(1)), (2, &[1, 2, 5][..]));
    }

    #[test]
    fn a_cursor_finds_only_forward() {
        let list = [2u32, 4, 8, 16, 32];
        let mut c = Cursor::new(&list[..]);
        assert_eq!(c.index(1), None);
        assert_eq!(c.index(4), Some(1));
        assert_eq!(c.index(4), Some(1));
        assert_eq!(c.index(31), None);
        assert_eq!(c.find(32), Some(&32));
        // Passed for good.
        assert!(!c.holds(2));
        assert!(!c.holds(33));
        assert!(!Cursor::<u32>::new(&[]).holds(0));
    }

    proptest! {
        /// Ascending lookups agree with a set's.
        #[test]
        fn cursor_is_set_membership(list in sets(), asked in sets()) {
            let v = sorted(&list);
            let mut c = Cursor::new(&v[..]);
            for p in &asked {
                let want = v.binary_search(p).ok();
                prop_assert_eq!(c.index(*p), want);
            }
        }

        #[test]
        fn any_in_is_a_range_query(list in sets(), a in any::<u32>(), b in any::<u32>()) {
            let (from, to) = (a.min(b), a.max(b));
            prop_assert_eq!(
                any_in(&sorted(&list), from, to),
                list.range(from..=to).next().is_some()
            );
        }

        #[test]
        fn restrict_retain_remove_are_set_operations(list in maps(), keep in sets()) {
            let c = counted(&list);
            let want: Counted = c.iter().copied().filter(|e| keep.contains(&e.0)).collect();
            let k = sorted(&keep);
            prop_assert_eq!(restrict(&c, &k), want.clone());
            let mut kept = c.clone();
            retain_in(&mut kept, &k);
            prop_assert_eq!(kept, want);
            let mut passages = sorted(&keep);
            remove_in(&mut passages, &c);
            let want: Vec<u32> = keep.iter().copied().filter(|p| !list.contains_key(p)).collect();
            prop_assert_eq!(passages, want);
        }

        /// Merging sums counts per passage, as adding each list into one
        /// map does.
        #[test]
        fn merges_sum_per_passage(lists in prop::collection::vec(maps(), 0..7)) {
            let mut want: BTreeMap<u32, u32> = BTreeMap::new();
            for l in &lists {
                for (&p, &n) in l {
                    *want.entry(p).or_default() += n;
                }
            }
            let got = merge_all(lists.iter().map(counted).collect());
            prop_assert_eq!(got, counted(&want));
            if let [a, b, ..] = lists.as_slice() {
                let mut two = a.clone();
                for (&p, &n) in b {
                    *two.entry(p).or_default() += n;
                }
                prop_assert_eq!(merge_sum(&counted(a), &counted(b)), counted(&two));
            }
        }
    }
}
