//! The split index's oracle at 10,000 generated documents, with per-query
//! bytes and files: slow (building and scanning 28 million characters), so
//! it runs only when `LATTICE_ORACLE_10K=1` is set, in a release build:
//!
//! ```sh
//! LATTICE_ORACLE_10K=1 cargo test --release -p lattice-core --test split_10k -- --nocapture
//! ```
//!
//! Without the variable it checks the same at 100 documents, so the test
//! always runs something.

mod oracle;

use lattice_core::search::pipeline;
use lattice_core::{bundle, scale};
use oracle::{check, queries, Archive};

#[test]
fn archive_agrees_with_brute_force() {
    let n = if std::env::var_os("LATTICE_ORACLE_10K").is_some() {
        10_000
    } else {
        100
    };
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
    let b = bundle::build(&dir).unwrap();
    let docs = scale::archive(&b.documents, n, scale::DEFAULT_SEED);
    let t = std::time::Instant::now();
    let a = Archive::with_glossary(&docs, &b.glossary);
    println!(
        "{n}: {} passages, {} files, {} bytes, indexed both ways in {:.1?}",
        a.index.passages.len(),
        a.built.files.len(),
        a.built.bytes(),
        t.elapsed()
    );
    println!("| query | kind | documents | passages | occurrences | files | bytes |");
    for (text, kind) in queries(&a) {
        let query = pipeline::prepare(&text, Some(&b.glossary));
        let c = check(&a, &query, &text);
        println!(
            "| {text} | {kind} | {} | {} | {} | {} | {} |",
            c.documents, c.passages, c.occurrences, c.files, c.bytes
        );
    }
}
