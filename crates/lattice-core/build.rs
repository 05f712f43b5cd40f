//! Turns OpenCC's Traditional→Simplified character table into a compact
//! table at build time: the pairs as `fold/opencc.rs` reads and packs them,
//! written with postcard (varints), which `fold` decodes once, on first use,
//! into a binary-searchable array. The same file carries the lower-case
//! half of folding (every non-ASCII character whose lower case is one other
//! character, from this toolchain's std): the app fetches the file, so its
//! first load carries neither table (std's case table is 11.7 kB of data,
//! and data is never split into the wasm's chunks).

#[allow(dead_code)] // `unpack` is the crate's, not the build script's
#[path = "src/fold/opencc.rs"]
mod opencc;

fn main() {
    let src = "data/opencc/TSCharacters.txt";
    println!("cargo:rerun-if-changed={src}");
    println!("cargo:rerun-if-changed=src/fold/opencc.rs");
    let text = std::fs::read_to_string(src).expect("read the OpenCC table");
    let pairs = opencc::pairs(&text).unwrap_or_else(|e| panic!("{src}: {e}"));
    let (gaps, offsets) = opencc::pack(&pairs);
    let (lower_gaps, lower_offsets) = opencc::pack(&opencc::lower_pairs());
    let packed = postcard::to_allocvec(&(gaps, offsets, lower_gaps, lower_offsets))
        .expect("pack the folding tables");
    let dest = std::path::Path::new(&std::env::var("OUT_DIR").unwrap()).join("ts_table.bin");
    std::fs::write(dest, packed).unwrap();
}
