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

/// One passage's entry in a stream.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Entry {
    pub(crate) passage: u32,
    pub(crate) len_kind: u32,
    /// (position, preceded by a spaced-script letter or digit).
    pub(crate) positions: Vec<(u32, bool)>,
}

/// Reads a stream's entries; `None` at its end, an error if damaged.
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

    fn number(&mut self) -> Option<u32> {
        let (v, rest) = postcard::take_from_bytes::<u32>(self.rest).ok()?;
        self.rest = rest;
        Some(v)
    }

    /// The next entry: `Ok(None)` at the end, `Err(())` if damaged.
    pub(crate) fn next_entry(&mut self) -> Result<Option<Entry>, ()> {
        if self.rest.is_empty() {
            return Ok(None);
        }
        let delta = self.number().ok_or(())?;
        self.passage = self.passage.checked_add(delta).ok_or(())?;
        let len_kind = self.number().ok_or(())?;
        let count = self.number().ok_or(())? as usize;
        // Every position takes at least a byte: a count beyond the bytes
        // left is damage, not an allocation to make.
        if count > self.rest.len() {
            return Err(());
        }
        let mut positions = Vec::with_capacity(count);
        let mut pos: u32 = 0;
        for _ in 0..count {
            let v = self.number().ok_or(())?;
            pos = pos.checked_add(v >> 1).ok_or(())?;
            positions.push((pos, v & 1 == 1));
        }
        Ok(Some(Entry {
            passage: self.passage,
            len_kind,
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
