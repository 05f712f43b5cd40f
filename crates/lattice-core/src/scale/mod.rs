//! Synthetic corpora made from the real documents, for measuring how costs
//! grow with corpus size (benchmarks, the performance script) and for tests
//! that need many documents. Two kinds:
//!
//! - [`replicate`]: identical copies under new ids — the worst case for
//!   compression and caching, and today's `LATTICE_SCALE`.
//! - [`archive`]: a realistic archive of web analyses recombined from the
//!   real corpus's sentences, so documents differ from each other while
//!   every term keeps its real frequency. Its text form
//!   ([`archive_files`], [`write_archive`]) is a corpus folder that parses
//!   cleanly (no diagnostics), for the app build (`LATTICE_CORPUS`) and the
//!   CLI (`--corpus`).

mod archive;
mod pool;
mod rng;

pub use archive::{archive, archive_files, write_archive, Archive, SourceFile, DEFAULT_SEED};

use crate::model::Document;

/// `factor` copies of every document (the originals first, unchanged).
pub fn replicate(documents: &[Document], factor: usize) -> Vec<Document> {
    let mut out = Vec::with_capacity(documents.len() * factor);
    for n in 0..factor {
        for d in documents {
            let mut copy = d.clone();
            if n > 0 {
                copy.id = format!("{}-copy{n}", d.id);
                copy.meta.title = format!("{} ({n})", d.meta.title);
            }
            out.push(copy);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn copies_have_unique_ids() {
        let d = crate::parse::parse(
            "a.txt",
            "國際情勢\n標題\n瀏覽數\n1\n2025.01.01\n作者\n甲\n\n第一段。\n",
        );
        let docs = super::replicate(&[d], 10);
        let mut ids: Vec<&str> = docs.iter().map(|d| d.id.as_str()).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), 10);
    }
}
