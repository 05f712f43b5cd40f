//! Ordered maps and sets kept as sorted vectors, for the app's small
//! collections (catalogue pages wanted, chunks at hand, paths in flight).
//!
//! `BTreeMap` and `BTreeSet` compile their node code (insertion, removal
//! with rebalancing, cloning and dropping subtrees) once for every key and
//! value type: in the app's first-loaded module that came to about 35 KB of
//! wasm for a dozen small collections. A sorted vector does the same job
//! with a binary search and `Vec`'s own moves, whose code is a fraction of
//! that per type. The collections here hold tens to a few thousand entries,
//! so an insertion's shift of the tail costs nothing a reader notices.
//!
//! Iteration is in ascending key order and equal keys are kept once, as in
//! the standard ordered collections; a property test checks both types
//! against them.

use std::borrow::Borrow;

/// An ordered map over a vector of `(key, value)` pairs sorted by key.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct VecMap<K, V>(Vec<(K, V)>);

impl<K, V> Default for VecMap<K, V> {
    fn default() -> Self {
        VecMap(Vec::new())
    }
}

impl<K: Ord, V> VecMap<K, V> {
    /// An empty map.
    pub const fn new() -> Self {
        VecMap(Vec::new())
    }

    /// Where `key` is (`Ok`) or would go (`Err`).
    fn find<Q: Ord + ?Sized>(&self, key: &Q) -> Result<usize, usize>
    where
        K: Borrow<Q>,
    {
        self.0.binary_search_by(|(k, _)| k.borrow().cmp(key))
    }

    /// The value at `key`.
    pub fn get<Q: Ord + ?Sized>(&self, key: &Q) -> Option<&V>
    where
        K: Borrow<Q>,
    {
        self.find(key).ok().map(|i| &self.0[i].1)
    }

    /// The value at `key`, to change.
    pub fn get_mut<Q: Ord + ?Sized>(&mut self, key: &Q) -> Option<&mut V>
    where
        K: Borrow<Q>,
    {
        self.find(key).ok().map(|i| &mut self.0[i].1)
    }

    /// Whether `key` has a value.
    pub fn contains_key<Q: Ord + ?Sized>(&self, key: &Q) -> bool
    where
        K: Borrow<Q>,
    {
        self.find(key).is_ok()
    }

    /// Sets `key`'s value; returns the value it replaces.
    pub fn insert(&mut self, key: K, value: V) -> Option<V> {
        match self.find(&key) {
            Ok(i) => Some(std::mem::replace(&mut self.0[i].1, value)),
            Err(i) => {
                self.0.insert(i, (key, value));
                None
            }
        }
    }

    /// The value at `key`, set by `make` first if there is none.
    pub fn get_or_insert_with(&mut self, key: K, make: impl FnOnce() -> V) -> &mut V {
        let i = match self.find(&key) {
            Ok(i) => i,
            Err(i) => {
                self.0.insert(i, (key, make()));
                i
            }
        };
        &mut self.0[i].1
    }

    /// Removes `key`; returns its value.
    pub fn remove<Q: Ord + ?Sized>(&mut self, key: &Q) -> Option<V>
    where
        K: Borrow<Q>,
    {
        self.find(key).ok().map(|i| self.0.remove(i).1)
    }

    /// Removes every pair.
    pub fn clear(&mut self) {
        self.0.clear();
    }

    /// Keeps only the pairs `keep` says yes to.
    pub fn retain(&mut self, mut keep: impl FnMut(&K, &mut V) -> bool) {
        self.0.retain_mut(|(k, v)| keep(k, v));
    }

    /// How many keys have a value.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether no key has a value.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The pairs, by ascending key.
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = (&K, &V)> + ExactSizeIterator {
        self.0.iter().map(|(k, v)| (k, v))
    }

    /// The keys, ascending.
    pub fn keys(&self) -> impl DoubleEndedIterator<Item = &K> + ExactSizeIterator {
        self.0.iter().map(|(k, _)| k)
    }

    /// The values, by ascending key.
    pub fn values(&self) -> impl DoubleEndedIterator<Item = &V> + ExactSizeIterator {
        self.0.iter().map(|(_, v)| v)
    }
}

impl<K: Ord, V> FromIterator<(K, V)> for VecMap<K, V> {
    /// Like `BTreeMap`'s: a key given twice keeps its last value.
    fn from_iter<I: IntoIterator<Item = (K, V)>>(pairs: I) -> Self {
        let mut map = VecMap::new();
        map.extend(pairs);
        map
    }
}

impl<K: Ord, V> Extend<(K, V)> for VecMap<K, V> {
    /// Like `BTreeMap`'s: a key already there takes the new value.
    fn extend<I: IntoIterator<Item = (K, V)>>(&mut self, pairs: I) {
        for (k, v) in pairs {
            self.insert(k, v);
        }
    }
}

impl<K, V> IntoIterator for VecMap<K, V> {
    type Item = (K, V);
    type IntoIter = std::vec::IntoIter<(K, V)>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

/// An ordered set over a sorted vector without repeats.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct VecSet<T>(Vec<T>);

impl<T> Default for VecSet<T> {
    fn default() -> Self {
        VecSet(Vec::new())
    }
}

impl<T: Ord> VecSet<T> {
    /// An empty set.
    pub const fn new() -> Self {
        VecSet(Vec::new())
    }

    fn find<Q: Ord + ?Sized>(&self, item: &Q) -> Result<usize, usize>
    where
        T: Borrow<Q>,
    {
        self.0.binary_search_by(|x| x.borrow().cmp(item))
    }

    /// Adds `item`; whether it was new.
    pub fn insert(&mut self, item: T) -> bool {
        match self.find(&item) {
            Ok(_) => false,
            Err(i) => {
                self.0.insert(i, item);
                true
            }
        }
    }

    /// Whether `item` is in the set.
    pub fn contains<Q: Ord + ?Sized>(&self, item: &Q) -> bool
    where
        T: Borrow<Q>,
    {
        self.find(item).is_ok()
    }

    /// Takes `item` out; whether it was in.
    pub fn remove<Q: Ord + ?Sized>(&mut self, item: &Q) -> bool
    where
        T: Borrow<Q>,
    {
        match self.find(item) {
            Ok(i) => {
                self.0.remove(i);
                true
            }
            Err(_) => false,
        }
    }

    /// How many items it holds.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether it holds none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The items, ascending.
    pub fn iter(&self) -> std::slice::Iter<'_, T> {
        self.0.iter()
    }

    /// The items, ascending, as a slice.
    pub fn as_slice(&self) -> &[T] {
        &self.0
    }

    /// Whether every item is also in `other`.
    pub fn is_subset(&self, other: &VecSet<T>) -> bool {
        self.0.iter().all(|x| other.contains(x))
    }
}

impl<T: Ord> FromIterator<T> for VecSet<T> {
    fn from_iter<I: IntoIterator<Item = T>>(items: I) -> Self {
        let mut set = VecSet::new();
        set.extend(items);
        set
    }
}

impl<T: Ord> Extend<T> for VecSet<T> {
    fn extend<I: IntoIterator<Item = T>>(&mut self, items: I) {
        for item in items {
            self.insert(item);
        }
    }
}

impl<T: Ord, const N: usize> From<[T; N]> for VecSet<T> {
    fn from(items: [T; N]) -> Self {
        items.into_iter().collect()
    }
}

impl<T> IntoIterator for VecSet<T> {
    type Item = T;
    type IntoIter = std::vec::IntoIter<T>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl<'a, T> IntoIterator for &'a VecSet<T> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::collections::{BTreeMap, BTreeSet};

    /// One step of a random workload on both a map and its model.
    #[derive(Clone, Debug)]
    enum Op {
        Insert(u8, u16),
        Remove(u8),
        Entry(u8, u16),
    }

    fn op() -> impl Strategy<Value = Op> {
        prop_oneof![
            (any::<u8>(), any::<u16>()).prop_map(|(k, v)| Op::Insert(k % 40, v)),
            any::<u8>().prop_map(|k| Op::Remove(k % 40)),
            (any::<u8>(), any::<u16>()).prop_map(|(k, v)| Op::Entry(k % 40, v)),
        ]
    }

    proptest! {
        #[test]
        fn the_map_behaves_as_btreemap(ops in proptest::collection::vec(op(), 0..200)) {
            let mut ours = VecMap::new();
            let mut model = BTreeMap::new();
            for op in ops {
                match op {
                    Op::Insert(k, v) => prop_assert_eq!(ours.insert(k, v), model.insert(k, v)),
                    Op::Remove(k) => prop_assert_eq!(ours.remove(&k), model.remove(&k)),
                    Op::Entry(k, v) => {
                        let ours = ours.get_or_insert_with(k, || v);
                        *ours = ours.wrapping_add(1);
                        let model = model.entry(k).or_insert(v);
                        *model = model.wrapping_add(1);
                    }
                }
                prop_assert_eq!(ours.len(), model.len());
            }
            prop_assert!(ours.iter().eq(model.iter()));
            prop_assert!(ours.keys().eq(model.keys()));
            for k in 0..40u8 {
                prop_assert_eq!(ours.get(&k), model.get(&k));
                prop_assert_eq!(ours.contains_key(&k), model.contains_key(&k));
            }
        }

        #[test]
        fn the_set_behaves_as_btreeset(
            items in proptest::collection::vec(0u8..50, 0..120),
            gone in proptest::collection::vec(0u8..50, 0..40),
            other in proptest::collection::vec(0u8..50, 0..60),
        ) {
            let mut ours: VecSet<u8> = items.iter().copied().collect();
            let mut model: BTreeSet<u8> = items.iter().copied().collect();
            prop_assert!(ours.iter().eq(model.iter()));
            for g in gone {
                prop_assert_eq!(ours.remove(&g), model.remove(&g));
                prop_assert_eq!(ours.insert(g / 2), model.insert(g / 2));
            }
            prop_assert!(ours.iter().eq(model.iter()));
            let ours_other: VecSet<u8> = other.iter().copied().collect();
            let model_other: BTreeSet<u8> = other.iter().copied().collect();
            prop_assert_eq!(ours.is_subset(&ours_other), model.is_subset(&model_other));
            for x in 0..50u8 {
                prop_assert_eq!(ours.contains(&x), model.contains(&x));
            }
        }
    }

    #[test]
    fn a_key_given_twice_keeps_its_last_value() {
        let map: VecMap<&str, u8> = [("b", 1), ("a", 2), ("b", 3)].into_iter().collect();
        assert_eq!(map.iter().collect::<Vec<_>>(), [(&"a", &2), (&"b", &3)]);
    }

    #[test]
    fn a_set_from_an_array_is_sorted_without_repeats() {
        let set = VecSet::from([3, 1, 3, 2]);
        assert_eq!(set.as_slice(), [1, 2, 3]);
        assert!(VecSet::from([1, 3]).is_subset(&set));
        assert!(!VecSet::from([4]).is_subset(&set));
    }

    #[test]
    fn strings_are_looked_up_by_str() {
        let mut set = VecSet::new();
        set.insert("doc/b.bin".to_string());
        set.insert("doc/a.bin".to_string());
        assert!(set.contains("doc/a.bin"));
        assert!(set.remove("doc/b.bin"));
        assert!(!set.contains("doc/b.bin"));
    }
}
