//! A folder with settings: `lattice new` writes a starter that checks clean
//! and never overwrites anything; `check` reports lattice.toml and sidecar
//! problems with their lines; the glossary file lattice.toml names is used.

use serde_json::Value;
use std::path::PathBuf;

mod common;
use common::{lattice, root};

/// A fresh, empty folder for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("lattice-folder-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn new_writes_a_starter_that_checks_clean() {
    let parent = scratch("new");
    let dir = parent.join("papers");
    let d = dir.to_str().unwrap();
    let out = lattice(&["new", d]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let config = std::fs::read_to_string(dir.join("lattice.toml")).unwrap();
    assert!(
        config.lines().filter(|l| l.starts_with('#')).count() > 10,
        "commented"
    );
    let parsed = lattice_core::config::parse("lattice.toml", &config).unwrap();
    assert!(parsed.site.title.zh.is_some() && parsed.site.title.en.is_some());
    assert!(dir.join("example.md").is_file());
    let out = lattice(&["check", "--json", "--corpus", d]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stdout));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["errors"], 0, "{v}");
    assert_eq!(v["warnings"], 0, "{v}");
    std::fs::remove_dir_all(&parent).unwrap();
}

#[test]
fn new_never_overwrites() {
    let dir = scratch("no-overwrite");
    let mine = dir.join("lattice.toml");
    std::fs::write(&mine, "# mine\n").unwrap();
    let out = lattice(&["new", dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("not empty"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(std::fs::read_to_string(&mine).unwrap(), "# mine\n");
    assert!(!dir.join("example.md").exists());
    let out = lattice(&["new", mine.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(std::fs::read_to_string(&mine).unwrap(), "# mine\n");
    // An empty folder is fine.
    let empty = dir.join("empty");
    std::fs::create_dir(&empty).unwrap();
    assert_eq!(
        lattice(&["new", empty.to_str().unwrap()]).status.code(),
        Some(0)
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

/// A corpus folder holding one of the real papers.
fn one_paper(name: &str) -> PathBuf {
    let dir = scratch(name);
    let paper = "quad-foreign-ministers-2025.txt";
    std::fs::copy(root().join("corpus").join(paper), dir.join(paper)).unwrap();
    dir
}

#[test]
fn check_reports_settings_and_sidecars_with_their_lines() {
    let dir = one_paper("settings");
    let d = dir.to_str().unwrap();
    std::fs::write(
        dir.join("lattice.toml"),
        "[site]\nlanguage = \"en\"\n\n[documents.\"quad-foreign-ministers-2025.txt\"]\nyear = 2025\n\n[documents.\"missing.txt\"]\nyear = 1999\n",
    )
    .unwrap();
    let out = lattice(&["check", "--corpus", d]);
    assert_eq!(out.status.code(), Some(0));
    let report = text(&out.stdout);
    let config = dir.join("lattice.toml");
    assert!(
        report.contains(&format!("{}:7: warning: ", config.display()))
            && report.contains("missing.txt"),
        "{report}"
    );

    std::fs::write(
        dir.join("quad-foreign-ministers-2025.txt.toml"),
        "english_title = \"Quad\"\nurl = \"ftp://x\"\n",
    )
    .unwrap();
    let out = lattice(&["check", "--corpus", d]);
    assert_eq!(out.status.code(), Some(1));
    let sidecar = dir.join("quad-foreign-ministers-2025.txt.toml");
    assert!(
        text(&out.stdout).contains(&format!(
            "{}:2: error: url must be an http(s) address",
            sidecar.display()
        )),
        "{}",
        text(&out.stdout)
    );

    std::fs::write(dir.join("lattice.toml"), "[site]\nlanguage = \"fr\"\n").unwrap();
    let out = lattice(&["check", "--corpus", d]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stdout).contains(&format!("{}:2: error:", config.display())),
        "{}",
        text(&out.stdout)
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn the_glossary_file_lattice_toml_names_is_the_one_used() {
    let dir = one_paper("glossary-file");
    let d = dir.to_str().unwrap();
    std::fs::write(
        dir.join("terms.toml"),
        "[[add]]\nzh = [\"印太\"]\nen = \"Indo-Pacific\"\nkind = \"place\"\n",
    )
    .unwrap();
    let ours = |v: &Value| {
        v.as_array()
            .unwrap()
            .iter()
            .any(|t| t["en"] == "Indo-Pacific")
    };
    let before: Value =
        serde_json::from_slice(&lattice(&["glossary", "--json", "--corpus", d]).stdout).unwrap();
    assert!(!ours(&before));
    std::fs::write(
        dir.join("lattice.toml"),
        "[site]\nglossary = \"terms.toml\"\n",
    )
    .unwrap();
    let after: Value =
        serde_json::from_slice(&lattice(&["glossary", "--json", "--corpus", d]).stdout).unwrap();
    assert!(ours(&after));

    std::fs::write(
        dir.join("lattice.toml"),
        "[site]\nglossary = \"nowhere.toml\"\n",
    )
    .unwrap();
    let out = lattice(&["check", "--corpus", d]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stdout).contains("nowhere.toml:1: error:"),
        "{}",
        text(&out.stdout)
    );
    // `glossary` too says so and fails, rather than list an uncurated glossary.
    let out = lattice(&["glossary", "--corpus", d]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("nowhere.toml:1: error:"));
    // A curation file with an error: its line, exit 1.
    std::fs::write(
        dir.join("lattice.toml"),
        "[site]\nglossary = \"terms.toml\"\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("terms.toml"),
        "[[add]]\nzh = [\"印太\"]\nenglish = \"x\"\n",
    )
    .unwrap();
    let out = lattice(&["glossary", "--corpus", d]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("terms.toml:3: error:"));
    std::fs::remove_dir_all(&dir).unwrap();
}
