//! `lattice search --site DIST`: the split index files of a built site,
//! written as the app build writes them, answer exactly as the in-memory
//! search over corpus/ does; a site without an index, or with a damaged
//! file, is an error (exit 2), never an empty result.

mod common;

use common::{lattice, root};
use lattice_core::layout::{self, Layout};
use lattice_core::search::split;
use lattice_core::{bundle, catalogue};
use std::path::{Path, PathBuf};

/// A site folder holding the real corpus's split files, in `dist/corpus/`.
fn site(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("lattice-site-{name}-{}", std::process::id()));
    let b = bundle::build(&root().join("corpus")).unwrap();
    let documents = b.documents.clone();
    let (head, files) = layout::split(b, catalogue::PER_PAGE).unwrap();
    let Layout::Apart { set, .. } = head.layout else {
        panic!("split gives a set")
    };
    let search = split::files(&set, &documents).unwrap();
    for f in files.into_iter().chain(search) {
        let path = dir.join("corpus").join(&f.path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, f.bytes).unwrap();
    }
    dir
}

fn json(args: &[&str]) -> serde_json::Value {
    let out = lattice(args);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn site_search_answers_as_corpus_search() {
    let dir = site("same");
    let d = dir.to_str().unwrap();
    for q in [
        "四方安全對話",
        "AUKUS",
        "Quadrilateral Security Dialogue",
        "Quad OR AUKUS -川普",
        "\"美國 優先\"",
        "的",
        "absent-word-zzz",
    ] {
        for extra in [&["--all"][..], &["--no-glossary"][..]] {
            let mut site_args = vec!["search", "--json", "--site", d, q];
            site_args.extend(extra);
            let mut corpus_args = vec!["search", "--json", q];
            corpus_args.extend(extra);
            assert_eq!(json(&site_args), json(&corpus_args), "{q} {extra:?}");
        }
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_site_without_an_index_or_with_a_damaged_file_is_an_error() {
    let empty = std::env::temp_dir().join(format!("lattice-site-empty-{}", std::process::id()));
    std::fs::create_dir_all(&empty).unwrap();
    let out = lattice(&["search", "--site", empty.to_str().unwrap(), "四方"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no search index"));
    std::fs::remove_dir_all(&empty).unwrap();

    let dir = site("damaged");
    let index = split::index_dir(&dir).unwrap();
    damage(&index.join(split::META));
    let out = lattice(&["search", "--site", dir.to_str().unwrap(), "四方"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("damaged"));
    std::fs::remove_dir_all(&dir).unwrap();
}

fn damage(path: &Path) {
    let bytes = std::fs::read(path).unwrap();
    std::fs::write(path, &bytes[..bytes.len() / 3]).unwrap();
}
