//! Sorting through one compiled copy of the standard library's sort.
//!
//! Every `slice::sort_by` call with its own element type or closure is a new
//! copy of the whole sort algorithm (about 3.5 KB of wasm each, some ten of
//! them in the app). These helpers sort a list of positions instead, through
//! one non-generic function, and then move the elements into place: the
//! same order as the standard stable sort (equal elements keep their order),
//! for the cost of one small list of positions.

use std::cmp::Ordering;

/// Stable sort by a comparison, like [`slice::sort_by`].
pub fn sort_by<T>(items: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    if items.len() < 2 {
        return;
    }
    let mut order: Vec<usize> = (0..items.len()).collect();
    {
        let items = &*items;
        positions(&mut order, &mut |a, b| compare(&items[a], &items[b]));
    }
    permute(items, order);
}

/// Stable sort by a key, like [`slice::sort_by_key`].
pub fn sort_by_key<T, K: Ord>(items: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sort in ascending order, like [`slice::sort`] (and `sort_unstable`: for
/// a total order the two give the same result up to equal elements).
pub fn sort<T: Ord>(items: &mut [T]) {
    sort_by(items, T::cmp);
}

/// The one instance of the standard sort: positions by a comparison of the
/// elements at them. Never inlined, so callers do not grow copies of it.
#[inline(never)]
fn positions(order: &mut [usize], compare: &mut dyn FnMut(usize, usize) -> Ordering) {
    order.sort_by(|&a, &b| compare(a, b));
}

/// Put `items[order[k]]` at position `k` for every `k`, following each cycle
/// of the permutation once (so each element moves at most once per swap).
fn permute<T>(items: &mut [T], mut order: Vec<usize>) {
    for start in 0..order.len() {
        let mut k = start;
        loop {
            let from = order[k];
            order[k] = k;
            if from == start || from == k {
                break;
            }
            items.swap(k, from);
            k = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small deterministic generator, so the test needs no dependency.
    fn numbers(n: usize, seed: u64) -> Vec<u64> {
        let mut x = seed;
        (0..n)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                x % 50
            })
            .collect()
    }

    #[test]
    fn same_order_as_the_standard_stable_sort() {
        for (n, seed) in [(0, 1), (1, 2), (2, 3), (7, 4), (100, 5), (1000, 6)] {
            // Pairs (key, original position): a stable sort keeps equal
            // keys in their original order, which the positions show.
            let pairs: Vec<(u64, usize)> = numbers(n, seed).into_iter().zip(0..).collect();
            let mut ours = pairs.clone();
            sort_by_key(&mut ours, |p| p.0);
            let mut std = pairs.clone();
            std.sort_by_key(|p| p.0);
            assert_eq!(ours, std, "n = {n}");
            let mut desc = pairs.clone();
            sort_by(&mut desc, |a, b| b.0.cmp(&a.0));
            let mut std_desc = pairs;
            std_desc.sort_by_key(|p| std::cmp::Reverse(p.0));
            assert_eq!(desc, std_desc, "n = {n}");
        }
    }

    #[test]
    fn sort_orders_whole_values() {
        let mut words = vec!["對話", "quad", "AUKUS", "", "quad", "安全"];
        let mut expected = words.clone();
        expected.sort_unstable();
        sort(&mut words);
        assert_eq!(words, expected);
    }

    #[test]
    fn non_copy_elements_move_whole() {
        let mut items: Vec<String> = numbers(200, 9).iter().map(|n| format!("{n:03}")).collect();
        let mut expected = items.clone();
        expected.sort();
        sort(&mut items);
        assert_eq!(items, expected);
    }
}
