//! Reading OpenCC's `TSCharacters.txt` (`key<TAB>value [value…]`, `#`
//! comments) into sorted Traditional→Simplified character pairs. Shared by
//! the crate's build script, which packs the pairs into the table `fold`
//! embeds, and by the tests, so both read the file the same way; also the
//! lower-case pairs packed beside them ([`lower_pairs`]). Plain std only:
//! the build script includes this file by path.

/// The pairs of single characters that differ, sorted and deduplicated by the
/// Traditional character (the first value of a key wins); `Err` names the
/// first line that is not `key<TAB>values` with single-character key and
/// first value.
#[cfg_attr(not(test), allow(dead_code))] // the build script's and the tests'
pub(crate) fn pairs(text: &str) -> Result<Vec<(char, char)>, String> {
    let mut pairs: Vec<(char, char)> = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let mut cols = line.split('\t');
        let (Some(key), Some(values)) = (cols.next(), cols.next()) else {
            return Err(format!("line {}: expected `key<TAB>values`", n + 1));
        };
        let mut k = key.chars();
        let mut v = values.split(' ').next().unwrap_or("").chars();
        match (k.next(), k.next(), v.next(), v.next()) {
            (Some(t), None, Some(s), None) if t != s => pairs.push((t, s)),
            (Some(_), None, Some(_), None) => {}
            _ => return Err(format!("line {}: expected single characters", n + 1)),
        }
    }
    // Stable, so the first value given for a key is the one kept.
    pairs.sort_by_key(|p| p.0);
    pairs.dedup_by_key(|p| p.0);
    Ok(pairs)
}

/// Every character outside ASCII whose lower case is exactly one other
/// character, with it, in order: the lower-case half of folding, from this
/// toolchain's std (build script and crate are built by the same one).
#[cfg_attr(not(test), allow(dead_code))] // the build script's and the tests'
pub(crate) fn lower_pairs() -> Vec<(char, char)> {
    ('\u{80}'..=char::MAX)
        .filter_map(|c| {
            let mut lower = c.to_lowercase();
            match (lower.next(), lower.next()) {
                (Some(l), None) if l != c => Some((c, l)),
                _ => None,
            }
        })
        .collect()
}

/// The pairs packed for embedding: the Traditional characters' gaps to the
/// previous one, and each Simplified character's offset from its
/// Traditional one — small numbers, which postcard writes as (zigzag)
/// varints: about 13 KB instead of the 32 KB of a `[(char, char)]` array.
#[cfg_attr(not(test), allow(dead_code))] // the build script's and the tests'
pub(crate) fn pack(pairs: &[(char, char)]) -> (Vec<u32>, Vec<i32>) {
    let mut previous = 0u32;
    let gaps = pairs
        .iter()
        .map(|&(t, _)| {
            let gap = t as u32 - previous;
            previous = t as u32;
            gap
        })
        .collect();
    let offsets = pairs.iter().map(|&(t, s)| s as i32 - t as i32).collect();
    (gaps, offsets)
}

/// The pairs back from [`pack`]'s two lists; entries that make no character
/// are skipped (the table is built from a checked-in file, so that would be
/// a build defect, not input).
pub(crate) fn unpack(gaps: &[u32], offsets: &[i32]) -> Vec<(char, char)> {
    let mut code = 0u32;
    gaps.iter()
        .zip(offsets)
        .filter_map(|(&gap, &offset)| {
            code = code.checked_add(gap)?;
            let s = u32::try_from(i64::from(code) + i64::from(offset)).ok()?;
            Some((char::from_u32(code)?, char::from_u32(s)?))
        })
        .collect()
}
