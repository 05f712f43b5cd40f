//! `lattice glossary` as a maintainer and a script use it: the JSON shape of
//! `--json`, the aligned table, and a calm error for unknown arguments.

use serde_json::Value;

mod common;
use common::lattice;

const KINDS: &[&str] = &[
    "person",
    "organisation",
    "mechanism",
    "initiative",
    "agreement",
    "event",
    "concept",
    "place",
    "publication",
    "other",
];

#[test]
fn json_lists_entries_with_zh_en_abbr_kind_count() {
    let out = lattice(&["glossary", "--json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let entries = v.as_array().unwrap();
    assert!(entries.len() > 80, "{} entries", entries.len());
    for e in entries {
        let o = e.as_object().unwrap();
        let keys: Vec<&str> = o.keys().map(String::as_str).collect();
        assert_eq!(keys.len(), 5, "{keys:?}");
        let zh = o["zh"].as_array().unwrap();
        assert!(!zh.is_empty() && zh.iter().all(Value::is_string));
        assert!(!o["en"].as_str().unwrap().is_empty());
        assert!(o["abbr"].is_null() || o["abbr"].is_string());
        assert!(KINDS.contains(&o["kind"].as_str().unwrap()), "{e}");
        assert!(o["count"].as_u64().unwrap() > 0, "{e}");
    }
    let quad = entries
        .iter()
        .find(|e| e["abbr"] == "Quad")
        .expect("the Quad is in the glossary");
    assert_eq!(quad["en"], "Quadrilateral Security Dialogue");
    assert_eq!(quad["kind"], "mechanism");
    assert_eq!(quad["zh"][0], "四方安全對話");
    let rubio = entries.iter().find(|e| e["en"] == "Marco Rubio").unwrap();
    assert_eq!(rubio["zh"].as_array().unwrap().len(), 2);
    assert_eq!(rubio["abbr"], Value::Null);
    assert_eq!(rubio["kind"], "person");
}

#[test]
fn table_is_aligned_with_a_header() {
    let out = lattice(&["glossary"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let mut lines = text.lines();
    let head = lines.next().unwrap();
    assert!(head.starts_with("ENGLISH"));
    let kind_col = head.find("KIND").unwrap();
    let quad = text
        .lines()
        .find(|l| l.starts_with("Quadrilateral Security Dialogue"))
        .unwrap();
    assert_eq!(&quad[kind_col..kind_col + "mechanism".len()], "mechanism");
}

#[test]
fn unknown_arguments_are_refused() {
    let out = lattice(&["glossary", "--csv"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--csv"));
}
