//! The `lattice` binary as a maintainer uses it: `dump` output against
//! reviewed golden files, and `check`'s report and exit codes.
//!
//! To accept an intended change of `dump` output, run with
//! `UPDATE_GOLDEN=1` and review the diff of `tests/golden/`.

use std::path::Path;

mod common;
use common::lattice;

fn golden(file: &str) {
    golden_of(&format!("corpus/{file}.txt"), file);
}

/// `lattice dump source` against `tests/golden/{name}.json`.
fn golden_of(source: &str, file: &str) {
    let out = lattice(&["dump", source]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let got = String::from_utf8(out.stdout).unwrap();
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/golden/{file}.json"));
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, &got).unwrap();
    }
    let want = std::fs::read_to_string(&path).unwrap();
    assert!(
        got == want,
        "dump of {file} differs from {}; run with UPDATE_GOLDEN=1 and review",
        path.display()
    );
}

#[test]
fn dump_web_analysis_matches_golden() {
    golden("quad-foreign-ministers-2025");
}

#[test]
fn dump_book_chapter_matches_golden() {
    golden("indo-pacific-minilateralism");
}

#[test]
fn dump_markdown_matches_golden() {
    golden_of(
        "crates/lattice-core/tests/fixtures/minilateral-zh.md",
        "minilateral-zh.md",
    );
    golden_of(
        "crates/lattice-core/tests/fixtures/minilateral-en.md",
        "minilateral-en.md",
    );
}

#[test]
fn dump_word_matches_golden() {
    golden_of(
        "crates/lattice-core/tests/fixtures/minilateral-zh.docx",
        "minilateral-zh.docx",
    );
    golden_of(
        "crates/lattice-core/tests/fixtures/minilateral-en.docx",
        "minilateral-en.docx",
    );
}

#[test]
fn dump_has_the_documented_fields() {
    let out = lattice(&["dump", "corpus/quad-foreign-ministers-2025.txt"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["title"], "川普2.0四方外長二次會的合作進展與意涵");
    assert_eq!(v["authors"], serde_json::json!(["林柏州"]));
    assert_eq!(v["date"], "2025-07-04");
    assert_eq!(v["keywords"].as_array().unwrap().len(), 3);
    let heading = &v["blocks"][1];
    assert_eq!(heading["kind"], "heading");
    assert_eq!(heading["level"], 1);
    let p = &v["blocks"][2];
    assert_eq!(p["kind"], "paragraph");
    assert!(p.get("level").is_none());
    assert_eq!(p["refs"], serde_json::json!(["1"]));
    assert!(!p["text"].as_str().unwrap().contains("[1]"));
    let n2 = &v["notes"][1];
    assert_eq!(
        (
            n2["label"].as_str(),
            n2["text"].is_null(),
            n2["cited"].as_u64()
        ),
        (Some("2"), true, Some(1))
    );
    assert!(n2["see"].is_null());
    let d = &v["diagnostics"][0];
    assert_eq!(
        (d["severity"].as_str(), d["line"].as_u64()),
        (Some("warning"), Some(31))
    );
}

#[test]
fn check_reports_warnings_and_succeeds_on_the_corpus() {
    let out = lattice(&["check"]);
    assert!(out.status.success());
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(stdout.lines().count(), 9, "{stdout}");
    assert!(stdout
        .lines()
        .all(|l| l.starts_with("corpus/quad-foreign-ministers-2025.txt:")
            && l.contains(": warning: note [")));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("checked 2 document(s): 0 error(s), 9 warning(s)"));
}

#[test]
fn check_fails_with_file_and_line_on_errors() {
    let dir = std::env::temp_dir().join(format!("lattice-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("bad.txt");
    std::fs::write(&bad, "\nplain words with no header\n").unwrap();
    let out = lattice(&[
        "check",
        bad.to_str().unwrap(),
        "corpus/indo-pacific-minilateralism.txt",
    ]);
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.starts_with(&format!(
            "{}:2: error: cannot tell the format",
            bad.display()
        )),
        "{stdout}"
    );
}

#[test]
fn usage_errors_are_calm() {
    let out = lattice(&[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("usage: lattice"));
    let out = lattice(&["dump", "no/such/file.txt"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no/such/file.txt"));
    let out = lattice(&["frobnicate"]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown command `frobnicate`"));
}

#[test]
fn search_json_lists_exact_source_text_of_every_match() {
    let out = lattice(&["search", "--json", "--all", "ＡＵＫＵＳ"]);
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["query"], "ＡＵＫＵＳ");
    let hits = v["hits"].as_array().unwrap();
    assert_eq!(hits.len() as u64, v["total"].as_u64().unwrap());
    let forms: std::collections::BTreeSet<&str> = hits
        .iter()
        .flat_map(|h| {
            h["matches"]
                .as_array()
                .unwrap()
                .iter()
                .map(|m| m.as_str().unwrap())
        })
        .collect();
    // Folded query, original characters; the glossary adds the Chinese name.
    assert!(
        forms.contains("AUKUS") && forms.contains("澳英美三方安全夥伴關係"),
        "{forms:?}"
    );
    for h in hits {
        assert!(h["doc"].is_string() && h["block"].is_string() && h["snippet"].is_string());
    }
    let plain = lattice(&["search", "--json", "--all", "--no-glossary", "ＡＵＫＵＳ"]);
    let p: serde_json::Value = serde_json::from_slice(&plain.stdout).unwrap();
    assert!(p["occurrences"].as_u64() < v["occurrences"].as_u64());
    assert!(p["expanded"].as_array().unwrap().is_empty());
}

#[test]
fn search_limits_unless_all_and_says_what_it_tried() {
    let out = lattice(&["search", "的"]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("(use --all)"));
    let out = lattice(&["search", "沒有這個詞"]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("0 passage(s)") && text.contains("tried: 没有这个词"),
        "{text}"
    );
    let out = lattice(&["search"]);
    assert_eq!(out.status.code(), Some(2));
}
