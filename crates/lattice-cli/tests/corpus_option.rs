//! `--corpus DIR` for check, search and glossary, on a generated archive
//! folder (no glossary.toml), and `check DIR` reading the folder as the app
//! build does: a broken glossary.toml fails it with file and line.

use lattice_core::{bundle, scale};
use serde_json::Value;
use std::path::{Path, PathBuf};

mod common;
use common::{lattice, root};

/// A fresh archive folder of `n` documents under the target directory.
fn archive_dir(name: &str, n: usize) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    let source = bundle::build(&root().join("corpus")).unwrap().documents;
    scale::write_archive(&source, n, scale::DEFAULT_SEED, &dir).unwrap();
    dir
}

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn check_search_and_glossary_read_the_named_folder() {
    let dir = archive_dir("corpus-option", 30);
    let d = dir.to_str().unwrap();

    let out = lattice(&["check", "--corpus", d]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("checked 30 document(s): 0 error(s), 0 warning(s)"));

    let out = lattice(&["glossary", "--json", &format!("--corpus={d}")]);
    assert!(out.status.success(), "{}", stderr(&out));
    let terms: Value = serde_json::from_slice(&out.stdout).unwrap();
    let want = bundle::build(&dir).unwrap().glossary;
    assert!(!want.terms.is_empty());
    let en: Vec<&str> = terms
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["en"].as_str().unwrap())
        .collect();
    let want_en: Vec<&str> = want.terms.iter().map(|t| t.en.as_str()).collect();
    assert_eq!(en, want_en);

    let out = lattice(&["search", "--corpus", d, "印太", "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("archive-0000"), "{text}");
    assert!(!text.contains("quad-foreign-ministers-2025"));
}

#[test]
fn corpus_option_needs_a_dir_once() {
    let out = lattice(&["glossary", "--corpus"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("a value is required for '--corpus <DIR>'"));
    let out = lattice(&["check", "--corpus", "a", "--corpus", "b"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("'--corpus <DIR>' cannot be used multiple times"));
}

/// `check DIR` reads DIR/glossary.toml as the app build does: a broken one
/// fails the check with its file and line.
#[test]
fn check_fails_on_a_broken_glossary_toml() {
    let dir = archive_dir("broken-curation", 5);
    std::fs::write(
        dir.join("glossary.toml"),
        "# reviewed\n[[add]]\nzh = []\nen = \"Indo-Pacific\"\n",
    )
    .unwrap();
    let d = dir.to_str().unwrap();
    for args in [vec!["check", d], vec!["check", "--corpus", d]] {
        let out = lattice(&args);
        assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(
            stdout.contains("glossary.toml:2: error: glossary curation file: [[add]] `Indo-Pacific` needs at least one Chinese form"),
            "{stdout}"
        );
        assert!(stderr(&out).contains("checked 5 document(s): 1 error(s)"));
    }
}
