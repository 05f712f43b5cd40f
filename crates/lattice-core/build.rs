//! Turns OpenCC's Traditional→Simplified character table into a sorted Rust
//! array at build time, so folding is a binary search with no start-up cost
//! in the browser.

use std::fmt::Write;

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
    let mut out = String::from("/// OpenCC TSCharacters, sorted by Traditional character.\n");
    writeln!(
        out,
        "pub(crate) static TS: [(char, char); {}] = [",
        pairs.len()
    )
    .unwrap();
    for (t, s) in pairs {
        writeln!(out, "    ({t:?}, {s:?}),").unwrap();
    }
    out.push_str("];\n");
    let dest = std::path::Path::new(&std::env::var("OUT_DIR").unwrap()).join("ts_table.rs");
    std::fs::write(dest, out).unwrap();
}
