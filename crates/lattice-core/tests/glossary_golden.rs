//! The glossary built from the real corpus (curated) and from a generated
//! archive (extracted only) equals a reviewed summary committed in
//! `tests/golden/`: every term's forms, kind, count and definition place,
//! and a digest of its occurrences. It pins the results across rewrites of
//! how the glossary is computed (e.g. for speed). To accept an intended
//! change, run with `UPDATE_GOLDEN=1` and review the diff.

use lattice_core::glossary::{self, Glossary};
use lattice_core::{bundle, scale};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus")
}

/// FNV-1a, 64 bits: a stable digest of a term's occurrences.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

fn summary(g: &Glossary) -> String {
    let mut out = String::new();
    for t in &g.terms {
        let mut occ = String::new();
        for o in &t.occurrences {
            let _ = write!(occ, "{}#{}@{}-{};", o.doc, o.anchor, o.start, o.end);
        }
        let at = t.defined_at.as_ref().map_or_else(
            || "-".to_string(),
            |p| format!("{}#{}:{}", p.doc, p.anchor, p.line),
        );
        let _ = writeln!(
            out,
            "{} | {} | {} | {} | {} | {} | {:016x}",
            t.en,
            t.abbr.as_deref().unwrap_or("-"),
            t.kind.as_str(),
            t.zh.join(" / "),
            t.count,
            at,
            fnv1a(occ.as_bytes())
        );
    }
    out
}

fn golden(name: &str, got: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/golden/{name}"));
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, got).unwrap();
    }
    let want = std::fs::read_to_string(&path).unwrap();
    if got != want {
        let first = got
            .lines()
            .zip(want.lines())
            .find(|(g, w)| g != w)
            .map_or_else(
                || "a line added or missing".to_string(),
                |(g, w)| format!("got  {g}\nwant {w}"),
            );
        panic!(
            "{} differs (run with UPDATE_GOLDEN=1 and review):\n{first}",
            path.display()
        );
    }
}

#[test]
fn the_real_corpus_glossary_is_unchanged() {
    let b = bundle::build(&corpus_dir()).unwrap();
    assert!(b.glossary.terms.len() > 50);
    golden("glossary-real.txt", &summary(&b.glossary));
}

#[test]
fn an_archive_glossary_is_unchanged() {
    let source = bundle::build(&corpus_dir()).unwrap().documents;
    let docs = scale::archive(&source, 300, scale::DEFAULT_SEED);
    let (g, _) = glossary::build(&docs, None).unwrap();
    assert!(g.terms.len() > 50);
    golden("glossary-archive-300.txt", &summary(&g));
}
