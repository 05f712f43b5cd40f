//! Turns OpenCC's Traditional→Simplified character table into a compact
//! table at build time: the pairs as `fold/opencc.rs` reads and packs them,
//! written with postcard (varints), which `fold` decodes once, on first use,
//! into a binary-searchable array.

#[allow(dead_code)] // `unpack` is the crate's, not the build script's
#[path = "src/fold/opencc.rs"]
mod opencc;

fn main() {
    let src = "data/opencc/TSCharacters.txt";
    println!("cargo:rerun-if-changed={src}");
    println!("cargo:rerun-if-changed=src/fold/opencc.rs");
    let text = std::fs::read_to_string(src).expect("read the OpenCC table");
    let pairs = opencc::pairs(&text).unwrap_or_else(|e| panic!("{src}: {e}"));
    let packed = postcard::to_allocvec(&opencc::pack(&pairs)).expect("pack the OpenCC table");
    let dest = std::path::Path::new(&std::env::var("OUT_DIR").unwrap()).join("ts_table.bin");
    std::fs::write(dest, packed).unwrap();
}
