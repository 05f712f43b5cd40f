//! Turns OpenCC's Traditional→Simplified character table into a compact
//! sorted table at build time (see below for its layout), which `fold`
//! unpacks once, on first use, into a binary-searchable array.

fn main() {
    let src = "data/opencc/TSCharacters.txt";
    println!("cargo:rerun-if-changed={src}");
    let text = std::fs::read_to_string(src).expect("read the OpenCC table");
    let mut pairs: Vec<(char, char)> = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let mut cols = line.split('\t');
        let (Some(key), Some(values)) = (cols.next(), cols.next()) else {
            panic!("{src}:{}: expected `key<TAB>values`", n + 1);
        };
        let mut k = key.chars();
        let value = values.split(' ').next().unwrap_or("");
        let mut v = value.chars();
        match (k.next(), k.next(), v.next(), v.next()) {
            (Some(t), None, Some(s), None) if t != s => pairs.push((t, s)),
            (Some(_), None, Some(_), None) => {}
            _ => panic!("{src}:{}: expected single characters", n + 1),
        }
    }
    pairs.sort_unstable();
    pairs.dedup_by_key(|p| p.0);
    // Packed rather than a `[(char, char)]` array: the array is 32 KB of the
    // app's wasm (12 KB brotli); the characters' gaps and the
    // Traditional→Simplified offsets as varints are 13 KB (9 KB brotli).
    // Layout: count, then every gap to the previous Traditional character,
    // then every Simplified character's offset from its Traditional one
    // (zigzag-encoded), each a LEB128 varint. fold.rs unpacks it once.
    let mut packed = Vec::new();
    varint(&mut packed, pairs.len() as u64);
    let mut previous = 0u32;
    for &(t, _) in &pairs {
        varint(&mut packed, u64::from(t as u32 - previous));
        previous = t as u32;
    }
    for &(t, s) in &pairs {
        let offset = i64::from(s as u32) - i64::from(t as u32);
        varint(&mut packed, ((offset << 1) ^ (offset >> 63)) as u64);
    }
    let dest = std::path::Path::new(&std::env::var("OUT_DIR").unwrap()).join("ts_table.bin");
    std::fs::write(dest, packed).unwrap();
}

/// Append `n` as an unsigned LEB128 varint.
fn varint(out: &mut Vec<u8>, mut n: u64) {
    loop {
        let byte = (n & 0x7f) as u8;
        n >>= 7;
        if n == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}
