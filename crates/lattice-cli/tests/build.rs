//! `lattice build` on folders made for each test: a bad file is reported and
//! skipped (or fails the build with --strict), the written files decode to
//! the documents, and the same folder always gives byte-identical files.

use lattice_core::layout::{self, FileKind, Head, Layout, Part};
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

mod common;
use common::{lattice_in, root};

const WEB: &str = "quad-foreign-ministers-2025.txt";
const BOOK: &str = "indo-pacific-minilateralism.txt";

/// A fresh, empty folder for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("lattice-build-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// `scratch(name)/papers` with both real papers, a damaged file and a
/// lattice.toml; returns the scratch folder.
fn papers(name: &str) -> PathBuf {
    let base = scratch(name);
    let dir = base.join("papers");
    std::fs::create_dir(&dir).unwrap();
    for f in [WEB, BOOK] {
        std::fs::copy(root().join("corpus").join(f), dir.join(f)).unwrap();
    }
    std::fs::write(dir.join("damaged.txt"), "\nplain words with no header\n").unwrap();
    std::fs::write(
        dir.join("lattice.toml"),
        "[site]\ntitle = { zh = \"測試文庫\", en = \"Test Library\" }\nlanguage = \"en\"\nbase_url = \"/papers/\"\n\n[documents.\"quad-foreign-ministers-2025.txt\"]\nenglish_title = \"The Quad\"\nyear = 2025\n",
    )
    .unwrap();
    base
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Every file under `dir`, by path relative to it.
fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    fn walk(base: &Path, dir: &Path, out: &mut BTreeMap<String, Vec<u8>>) {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                walk(base, &p, out);
            } else {
                let rel = p.strip_prefix(base).unwrap().to_string_lossy().into_owned();
                out.insert(rel, std::fs::read(&p).unwrap());
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

#[test]
fn a_bad_file_is_reported_and_skipped_and_the_rest_decodes() {
    let base = papers("skip");
    let out = lattice_in(
        &base,
        &["build", "--no-app", "papers", "--out", "site", "--json"],
    );
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.contains("papers/damaged.txt:2: error: cannot tell the format"),
        "{stderr}"
    );
    assert!(
        stderr.contains("built 2 document(s), skipped 1"),
        "{stderr}"
    );
    let summary: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(summary["built"], 2);
    assert_eq!(summary["skipped"], serde_json::json!(["damaged.txt"]));
    assert_eq!(summary["base_url"], "/papers/");

    let site = base.join("site");
    let files = tree(&site);
    let written: u64 = files.values().map(|b| b.len() as u64).sum();
    assert_eq!(summary["bytes"].as_u64(), Some(written));
    assert_eq!(summary["files"].as_u64(), Some(files.len() as u64));

    let settings: Value = serde_json::from_slice(&files["site.json"]).unwrap();
    assert_eq!(settings["title"]["en"], "Test Library");
    assert_eq!(settings["language"], "en");
    assert_eq!(settings["base_url"], "/papers/");
    assert_eq!(settings["documents"], 2);

    let head = Head::decode(&files[settings["head"].as_str().unwrap()]).unwrap();
    let Layout::Apart { set, first } = head.layout else {
        panic!("a built site is split")
    };
    assert_eq!(first.total, 2);
    let ids: Vec<&str> = first.entries.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(
        ids,
        ["indo-pacific-minilateralism", "quad-foreign-ministers-2025"]
    );
    for id in ids {
        let path = format!("corpus/{}", layout::document_path(&set, id).unwrap());
        let Part::Document(doc, _) = layout::decode(FileKind::Document, &files[&path]).unwrap()
        else {
            panic!("{path} holds a document")
        };
        assert_eq!(doc.id, id);
        // The site records the file name, not where the folder was.
        assert_eq!(doc.source, format!("{id}.txt"));
        assert!(doc.diagnostics.iter().all(|d| d.file == doc.source));
    }
    let glossary = format!("corpus/{}", layout::glossary_path(&set));
    let Part::Glossary(g) = layout::decode(FileKind::Glossary, &files[&glossary]).unwrap() else {
        panic!("the glossary file holds the glossary's lexicon")
    };
    assert!(!g.glossary.terms.is_empty());
    // The terms' uses are in the chunks the lexicon names, not in it.
    assert!(g.glossary.terms.iter().all(|t| t.occurrences.is_empty()));
    for chunk in &g.chunks {
        let path = format!("corpus/{}", layout::uses_path(&set, &chunk.name));
        assert!(matches!(
            layout::decode(FileKind::Uses, &files[&path]),
            Ok(Part::Uses(_))
        ));
    }
    std::fs::remove_dir_all(&base).unwrap();
}

#[test]
fn the_same_folder_gives_byte_identical_files() {
    let base = papers("same");
    let a = lattice_in(&base, &["build", "--no-app", "papers", "--out", "a"]);
    assert_eq!(a.status.code(), Some(0), "{}", text(&a.stderr));
    // Another spelling of the folder, from another working directory.
    let papers_dir = base.join("papers");
    let b_out = base.join("b");
    let b = lattice_in(
        &std::env::temp_dir(),
        &[
            "build",
            "--no-app",
            papers_dir.to_str().unwrap(),
            "--out",
            b_out.to_str().unwrap(),
        ],
    );
    assert_eq!(b.status.code(), Some(0), "{}", text(&b.stderr));
    let (ta, tb) = (tree(&base.join("a")), tree(&b_out));
    assert!(ta.len() >= 4, "{:?}", ta.keys());
    assert_eq!(ta, tb);

    // A rebuild after a change leaves only the new build's files.
    std::fs::remove_file(papers_dir.join(BOOK)).unwrap();
    let c = lattice_in(&base, &["build", "--no-app", "papers", "--out", "a"]);
    assert_eq!(c.status.code(), Some(0), "{}", text(&c.stderr));
    let tc = tree(&base.join("a"));
    let sets: std::collections::BTreeSet<&str> = tc
        .keys()
        .filter_map(|p| p.strip_prefix("corpus/")?.split_once('/').map(|(s, _)| s))
        .collect();
    assert_eq!(sets.len(), 1, "{:?}", tc.keys());
    assert!(!tc.keys().any(|p| p.contains("indo-pacific-minilateralism")));
    // And building that again changes nothing.
    let d = lattice_in(&base, &["build", "--no-app", "papers", "--out", "a"]);
    assert_eq!(d.status.code(), Some(0));
    assert_eq!(tree(&base.join("a")), tc);
    std::fs::remove_dir_all(&base).unwrap();
}

#[test]
fn strict_fails_on_any_error_and_writes_nothing() {
    let base = papers("strict");
    let out = lattice_in(
        &base,
        &["build", "--no-app", "papers", "--out", "site", "--strict"],
    );
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(stderr.contains("damaged.txt:2: error:"), "{stderr}");
    assert!(stderr.contains("nothing built"), "{stderr}");
    assert!(!base.join("site").exists());
    // Without the bad file, --strict builds.
    std::fs::remove_file(base.join("papers/damaged.txt")).unwrap();
    let out = lattice_in(
        &base,
        &["build", "--no-app", "papers", "--out", "site", "--strict"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    std::fs::remove_dir_all(&base).unwrap();
}

#[test]
fn settings_and_options_are_checked_before_anything_is_written() {
    let base = papers("settings");
    let with_base_url = |url: &str| {
        let args = [
            "build",
            "--no-app",
            "papers",
            "--out",
            "site",
            "--base-url",
            url,
        ];
        lattice_in(&base, &args)
    };
    // --base-url overrides lattice.toml and is normalised; a full address is refused.
    assert_eq!(with_base_url("docs").status.code(), Some(0));
    let settings: Value =
        serde_json::from_slice(&std::fs::read(base.join("site/site.json")).unwrap()).unwrap();
    assert_eq!(settings["base_url"], "/docs/");
    let out = with_base_url("https://x.org/");
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("--base-url"));

    // A broken lattice.toml, or a broken glossary file: its line 3, exit
    // 1, nothing written; neither can be skipped.
    for (name, broken) in [
        ("lattice.toml", "[site]\nlanguage = \"en\"\ncolour = 1\n"),
        (
            "glossary.toml",
            "[[add]]\nzh = [\"印太\"]\nenglish = \"x\"\n",
        ),
    ] {
        let file = base.join("papers").join(name);
        std::fs::write(&file, broken).unwrap();
        let out = lattice_in(&base, &["build", "--no-app", "papers", "--out", "fresh"]);
        assert_eq!(out.status.code(), Some(1));
        let stderr = text(&out.stderr);
        assert!(
            stderr.contains(&format!("papers/{name}:3: error:")),
            "{stderr}"
        );
        assert!(!base.join("fresh").exists());
        std::fs::remove_file(&file).unwrap();
    }

    // A folder with someone's files is never written into; a missing folder is a usage error.
    let theirs = base.join("theirs");
    std::fs::create_dir(&theirs).unwrap();
    std::fs::write(theirs.join("notes.txt"), "mine").unwrap();
    let out = lattice_in(&base, &["build", "--no-app", "papers", "--out", "theirs"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(tree(&theirs).len(), 1);
    let out = lattice_in(&base, &["build", "--no-app", "papers", "--out", "papers"]);
    assert_eq!(out.status.code(), Some(2));
    let out = lattice_in(&base, &["build", "--no-app", "no-such-folder"]);
    assert_eq!(out.status.code(), Some(2));
    std::fs::remove_dir_all(&base).unwrap();
}

#[test]
fn a_starter_folder_builds() {
    let base = scratch("starter");
    let dir = base.join("new");
    assert_eq!(lattice_in(&base, &["new", "new"]).status.code(), Some(0));
    std::fs::copy(root().join("corpus").join(WEB), dir.join(WEB)).unwrap();
    let out = lattice_in(&base, &["build", "--no-app", "new"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let settings: Value =
        serde_json::from_slice(&std::fs::read(dir.join("site/site.json")).unwrap()).unwrap();
    assert_eq!(settings["title"]["zh"], "我的研究文庫");
    assert!(settings["documents"].as_u64().unwrap() >= 1);
    std::fs::remove_dir_all(&base).unwrap();
}

#[test]
fn every_error_is_shown_but_warnings_only_up_to_a_limit() {
    let base = scratch("warnings");
    let dir = base.join("many");
    std::fs::create_dir(&dir).unwrap();
    // Each copy of the web analysis has 9 warnings; the damaged files one error each.
    for i in 0..7 {
        std::fs::copy(
            root().join("corpus").join(WEB),
            dir.join(format!("web-{i}.txt")),
        )
        .unwrap();
    }
    for i in 0..60 {
        std::fs::write(dir.join(format!("x-{i:02}.txt")), "\nplain words\n").unwrap();
    }
    let out = lattice_in(&base, &["build", "--no-app", "many", "--out", "site"]);
    assert_eq!(out.status.code(), Some(0));
    let stderr = text(&out.stderr);
    let lines = |what: &str| stderr.lines().filter(|l| l.contains(what)).count();
    assert_eq!(lines(": error: "), 60, "{stderr}");
    assert_eq!(lines(": warning: "), 50, "{stderr}");
    assert!(stderr.contains("… and 13 more warning(s)"), "{stderr}");
    assert!(
        stderr.contains("built 7 document(s), skipped 60; 60 error(s), 63 warning(s)"),
        "{stderr}"
    );
    std::fs::remove_dir_all(&base).unwrap();
}

#[test]
fn builds_with_an_empty_path_and_skips_a_file_that_is_not_utf8() {
    let base = papers("no-path");
    // Latin-1 bytes on line 3.
    std::fs::write(base.join("papers/latin1.txt"), b"one\ntwo\ncaf\xe9\n").unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_lattice"))
        .args(["build", "--no-app", "papers", "--out", "site", "--json"])
        .current_dir(&base)
        .env_clear()
        .env("PATH", "")
        .output()
        .unwrap();
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.contains("papers/latin1.txt:3: error: the file is not valid UTF-8"),
        "{stderr}"
    );
    let summary: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(summary["built"], 2);
    assert_eq!(
        summary["skipped"],
        serde_json::json!(["damaged.txt", "latin1.txt"])
    );
    std::fs::remove_dir_all(&base).unwrap();
}

#[test]
fn every_format_is_built_with_the_folders_metadata() {
    let base = scratch("formats");
    let dir = base.join("papers");
    std::fs::create_dir(&dir).unwrap();
    std::fs::copy(root().join("corpus").join(WEB), dir.join(WEB)).unwrap();
    let fixtures = root().join("crates/lattice-core/tests/fixtures");
    for f in ["minilateral-en.md", "minilateral-zh.docx"] {
        std::fs::copy(fixtures.join(f), dir.join(f)).unwrap();
    }
    std::fs::write(
        dir.join("lattice.toml"),
        "[documents.\"minilateral-en.md\"]\nenglish_title = \"Set by the folder\"\nyear = 2031\n\n[documents.\"quad-foreign-ministers-2025.txt\"]\nurl = \"https://example.org/quad\"\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("minilateral-zh.docx.toml"),
        "publisher = \"Sidecar Press\"\neditors = [\"One\", \"Two\"]\n",
    )
    .unwrap();
    let out = lattice_in(
        &base,
        &["build", "--no-app", "papers", "--out", "site", "--strict"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let files = tree(&base.join("site"));
    let head = Head::decode(&files["corpus/head.bin"]).unwrap();
    let Layout::Apart { set, first } = head.layout else {
        panic!("a built site is split")
    };
    assert_eq!(first.total, 3);
    let mut citations = BTreeMap::new();
    for entry in &first.entries {
        let path = format!("corpus/{}", layout::document_path(&set, &entry.id).unwrap());
        let Part::Document(doc, _) = layout::decode(FileKind::Document, &files[&path]).unwrap()
        else {
            panic!("{path} holds a document")
        };
        citations.insert(doc.source.clone(), doc.meta.citation.clone());
    }
    let md = &citations["minilateral-en.md"];
    assert_eq!(md.english_title.as_deref(), Some("Set by the folder"));
    assert_eq!(md.year.as_deref(), Some("2031"));
    let docx = &citations["minilateral-zh.docx"];
    assert_eq!(docx.publisher.as_deref(), Some("Sidecar Press"));
    assert_eq!(docx.editors, ["One", "Two"]);
    assert_eq!(
        citations[WEB].url.as_deref(),
        Some("https://example.org/quad")
    );
    std::fs::remove_dir_all(&base).unwrap();
}

#[test]
fn a_binary_without_the_app_says_so_and_writes_nothing() {
    // Built by plain cargo, as tests are, the binary carries no app (unless
    // this very build was given one, as scripts/package.sh does).
    if option_env!("LATTICE_APP_DIR").is_some_and(|d| !d.is_empty()) {
        return;
    }
    let base = papers("no-app");
    let out = lattice_in(&base, &["build", "papers", "--out", "site"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("scripts/package.sh"),
        "{}",
        text(&out.stderr)
    );
    assert!(!base.join("site").exists());
    std::fs::remove_dir_all(&base).unwrap();
}
