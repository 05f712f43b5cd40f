//! Build-time bundling: builds the bundle for `corpus/` with `lattice-core`
//! (the same `bundle::build` the CLI uses: parse every `.txt`, derive what the
//! app needs) and writes it encoded to `$OUT_DIR/corpus.bin`, which the app
//! embeds with `include_bytes!`. The browser therefore never parses raw text,
//! and adding a `.txt` file to `corpus/` and rebuilding adds a document.
//!
//! Every diagnostic is reported as a cargo warning (`file:line: severity:
//! message`); any error diagnostic fails the build, so a broken corpus never
//! ships.

use lattice_core::{bundle, Severity};
use std::path::{Path, PathBuf};

/// Relative to the package root, which is the build script's working directory,
/// so diagnostics name files as `corpus/x.txt`.
const CORPUS_DIR: &str = "corpus";

fn main() {
    let corpus = Path::new(CORPUS_DIR);
    println!("cargo:rerun-if-changed={CORPUS_DIR}");

    let bundle = bundle::build(corpus)
        .unwrap_or_else(|e| panic!("cannot read the corpus in {CORPUS_DIR}/: {e}"));
    for doc in &bundle.documents {
        println!("cargo:rerun-if-changed={}", doc.source);
    }
    if bundle.documents.is_empty() {
        panic!("{CORPUS_DIR}/ holds no .txt files: the library would be empty");
    }

    let mut errors = Vec::new();
    let per_document = bundle.documents.iter().flat_map(|d| &d.diagnostics);
    for diagnostic in per_document.chain(&bundle.diagnostics) {
        // A cargo directive ends at the line break; keep each diagnostic on one line.
        let line = diagnostic.to_string().replace(['\r', '\n'], " ");
        println!("cargo:warning={line}");
        if diagnostic.severity == Severity::Error {
            errors.push(line);
        }
    }
    if !errors.is_empty() {
        panic!(
            "the corpus has {} error(s); fix them (see `cargo run --bin lattice -- check`):\n  {}",
            errors.len(),
            errors.join("\n  ")
        );
    }

    let bytes = bundle
        .encode()
        .unwrap_or_else(|e| panic!("cannot encode the corpus bundle: {e}"));
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let path = out.join("corpus.bin");
    std::fs::write(&path, bytes).unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
}
