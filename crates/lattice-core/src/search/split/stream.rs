//! Postings streams: unsigned numbers as postcard varints, one after another.
//! A bigram's stream holds, per passage in order: the passage number's
//! difference from the previous one (the first: from 0), the passage's
//! length and kind ([`super::len_kind`]), the count of positions, then each
//! position's difference from the previous one (from 0) shifted left by one,
//! its low bit set when a letter or digit of a spaced script precedes it.

use super::SplitError;

/// Append a number.
pub(crate) fn put(buf: &mut Vec<u8>, v: u32) -> Result<(), SplitError> {
    let taken = std::mem::take(buf);
    *buf = postcard::to_extend(&v, taken).map_err(|_| SplitError::Encode)?;
    Ok(())
}

/// A postcard varint `u32` at the start of `bytes` and the bytes after it;
/// `None` where postcard would fail (cut short, more than five bytes, or a
/// value past `u32::MAX`). Read by hand rather than through postcard's
/// deserializer: a warm keystroke reads hundreds of thousands of them.
#[inline(always)]
pub(crate) fn varint(bytes: &[u8]) -> Option<(u32, &[u8])> {
    // Most numbers of a stream (gaps, counts, positions' differences,
    // lengths) take one or two bytes.
    match bytes {
        [a, rest @ ..] if *a < 0x80 => Some((u32::from(*a), rest)),
        [a, b, rest @ ..] if *b < 0x80 => Some((u32::from(a & 0x7F) | u32::from(*b) << 7, rest)),
        _ => varint_long(bytes),
    }
}

/// [`varint`] of two bytes or more, or of nothing.
#[inline(never)]
fn varint_long(bytes: &[u8]) -> Option<(u32, &[u8])> {
    let mut v: u32 = 0;
    for (i, &b) in bytes.iter().take(5).enumerate() {
        v |= u32::from(b & 0x7F) << (7 * i);
        if b & 0x80 == 0 {
            // The fifth byte holds the top four bits only.
            return (i < 4 || b <= 0x0F).then(|| (v, &bytes[i + 1..]));
        }
    }
    None
}

/// One passage's entry in a stream.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Entry {
    pub(crate) passage: u32,
    pub(crate) len_kind: u32,
    /// (position, preceded by a spaced-script letter or digit).
    pub(crate) positions: Vec<(u32, bool)>,
}

/// An entry's head: what comes before its positions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Head {
    pub(crate) passage: u32,
    pub(crate) len_kind: u32,
    /// How many positions follow.
    pub(crate) count: u32,
}

/// Reads a stream's entries; `None` at its end, an error if damaged.
///
/// [`Entries::next_head`] reads an entry's head, then exactly one of
/// [`Entries::positions`] or [`Entries::skip_positions`] reads its
/// positions: a query reads the positions of the passages it still
/// considers into one reused buffer and skips the others without decoding
/// them.
pub(crate) struct Entries<'a> {
    rest: &'a [u8],
    passage: u32,
}

impl<'a> Entries<'a> {
    pub(crate) fn new(bytes: &'a [u8]) -> Self {
        Entries {
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

    /// The next entry's head: `Ok(None)` at the end, `Err(())` if damaged.
    #[inline(always)]
    pub(crate) fn next_head(&mut self) -> Result<Option<Head>, ()> {
        if self.rest.is_empty() {
            return Ok(None);
        }
        let delta = self.number()?;
        self.passage = self.passage.checked_add(delta).ok_or(())?;
        let len_kind = self.number()?;
        let count = self.number()?;
        // Every position takes at least a byte: a count beyond the bytes
        // left is damage, not an allocation to make.
        if count as usize > self.rest.len() {
            return Err(());
        }
        Ok(Some(Head {
            passage: self.passage,
            len_kind,
            count,
        }))
    }

    /// The `count` positions after a head, each with whether a spaced-script
    /// letter or digit precedes it, to `each`.
    #[inline(always)]
    pub(crate) fn positions(
        &mut self,
        count: u32,
        mut each: impl FnMut(u32, bool),
    ) -> Result<(), ()> {
        let mut pos: u32 = 0;
        for _ in 0..count {
            let v = self.number()?;
            pos = pos.checked_add(v >> 1).ok_or(())?;
            each(pos, v & 1 == 1);
        }
        Ok(())
    }

    /// Pass over the `count` positions after a head without decoding them:
    /// a varint ends at its first byte below 0x80, so this counts those.
    /// (Damage inside skipped positions that keeps them whole varints goes
    /// unseen; a stream cut short is still an error.)
    #[inline(always)]
    pub(crate) fn skip_positions(&mut self, count: u32) -> Result<(), ()> {
        let mut left = count as usize;
        if left == 0 {
            return Ok(());
        }
        for (i, &b) in self.rest.iter().enumerate() {
            if b < 0x80 {
                left -= 1;
                if left == 0 {
                    self.rest = &self.rest[i + 1..];
                    return Ok(());
                }
            }
        }
        Err(())
    }

    /// The next entry whole: `Ok(None)` at the end, `Err(())` if damaged.
    pub(crate) fn next_entry(&mut self) -> Result<Option<Entry>, ()> {
        let Some(head) = self.next_head()? else {
            return Ok(None);
        };
        let mut positions = Vec::with_capacity(head.count as usize);
        self.positions(head.count, |p, flag| positions.push((p, flag)))?;
        Ok(Some(Entry {
            passage: head.passage,
            len_kind: head.len_kind,
            positions,
        }))
    }
}

/// Write one entry after one for `previous` (or first, for `None`).
pub(crate) fn put_entry(
    buf: &mut Vec<u8>,
    previous: Option<u32>,
    e: &Entry,
) -> Result<(), SplitError> {
    put(buf, e.passage - previous.unwrap_or(0))?;
    put(buf, e.len_kind)?;
    put(
        buf,
        u32::try_from(e.positions.len()).map_err(|_| SplitError::Encode)?,
    )?;
    let mut last = 0;
    for &(p, flag) in &e.positions {
        put(buf, ((p - last) << 1) | u32::from(flag))?;
        last = p;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(passage: u32, positions: &[(u32, bool)]) -> Entry {
        Entry {
            passage,
            len_kind: super::super::len_kind(300, crate::search::PassageKind::Note),
            positions: positions.to_vec(),
        }
    }

    #[test]
    fn entries_round_trip() {
        let a = entry(3, &[(0, false), (7, true), (300, false)]);
        let b = entry(1_000_000, &[(u32::MAX >> 2, true)]);
        let mut buf = Vec::new();
        put_entry(&mut buf, None, &a).unwrap();
        put_entry(&mut buf, Some(3), &b).unwrap();
        let mut r = Entries::new(&buf);
        assert_eq!(r.next_entry(), Ok(Some(a)));
        assert_eq!(r.next_entry(), Ok(Some(b)));
        assert_eq!(r.next_entry(), Ok(None));
        assert_eq!(
            super::super::kind_len(a_len_kind()),
            Some((300, crate::search::PassageKind::Note))
        );
        assert_eq!(super::super::kind_len(7), None);
    }

    fn a_len_kind() -> u32 {
        super::super::len_kind(300, crate::search::PassageKind::Note)
    }

    proptest::proptest! {
        /// The hand-written varint reads exactly what postcard reads, and
        /// fails exactly where it fails.
        #[test]
        fn varints_read_as_postcard_reads(
            v in proptest::prelude::any::<u32>(),
            bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..8),
        ) {
            let mut buf = Vec::new();
            put(&mut buf, v).unwrap();
            buf.push(0xAA);
            proptest::prop_assert_eq!(varint(&buf), Some((v, &[0xAA][..])));
            proptest::prop_assert_eq!(
                varint(&bytes),
                postcard::take_from_bytes::<u32>(&bytes).ok()
            );
        }
    }

    #[test]
    fn skipped_positions_leave_the_next_entry() {
        let mut buf = Vec::new();
        put_entry(&mut buf, None, &entry(2, &[(1, false), (700, true)])).unwrap();
        put_entry(&mut buf, Some(2), &entry(9, &[(5, true)])).unwrap();
        let mut r = Entries::new(&buf);
        let head = r.next_head().unwrap().unwrap();
        assert_eq!((head.passage, head.count), (2, 2));
        r.skip_positions(head.count).unwrap();
        let head = r.next_head().unwrap().unwrap();
        assert_eq!((head.passage, head.count), (9, 1));
        let mut seen = Vec::new();
        r.positions(head.count, |p, f| seen.push((p, f))).unwrap();
        assert_eq!(seen, [(5, true)]);
        assert_eq!(r.next_head(), Ok(None));
    }

    #[test]
    fn damaged_streams_are_errors_not_panics() {
        let mut buf = Vec::new();
        put_entry(&mut buf, None, &entry(5, &[(1, false), (2, false)])).unwrap();
        for cut in 0..buf.len() {
            let got = Entries::new(&buf[..cut]).next_entry();
            // Empty is the end; any other cut is an error, never a panic.
            assert_eq!(
                got,
                if cut == 0 { Ok(None) } else { Err(()) },
                "cut at {cut}"
            );
        }
        // A count far beyond the bytes left is an error, not an allocation.
        let mut huge = Vec::new();
        for v in [0, 0, u32::MAX] {
            put(&mut huge, v).unwrap();
        }
        assert_eq!(Entries::new(&huge).next_entry(), Err(()));
        // Passage numbers that overflow are an error.
        let mut over = Vec::new();
        put_entry(&mut over, None, &entry(u32::MAX, &[(0, false)])).unwrap();
        put_entry(&mut over, Some(0), &entry(5, &[(0, false)])).unwrap();
        let mut r = Entries::new(&over);
        assert!(r.next_entry().unwrap().is_some());
        assert_eq!(r.next_entry(), Err(()));
    }
}
