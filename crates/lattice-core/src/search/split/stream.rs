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
