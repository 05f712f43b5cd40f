//! Property tests of the parser: on any input — random text, or shuffled
//! pieces of the real corpus and of both formats' syntax — it never panics,
//! loses or duplicates no character, and builds a consistent model.

use lattice_core::*;
use proptest::prelude::*;
use std::collections::{BTreeMap, HashSet};

fn char_counts<'a>(pieces: impl IntoIterator<Item = &'a str>) -> BTreeMap<char, usize> {
    let mut m = BTreeMap::new();
    for p in pieces {
        for c in p.chars().filter(|c| !c.is_whitespace() && *c != '\u{feff}') {
            *m.entry(c).or_insert(0) += 1;
        }
    }
    m
}

fn corpus_lines() -> Vec<String> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
    let mut lines = Vec::new();
    for f in std::fs::read_dir(dir).unwrap() {
        let text = std::fs::read_to_string(f.unwrap().path()).unwrap();
        lines.extend(text.lines().map(String::from));
    }
    lines
}

/// Pieces that exercise every rule of both readers.
const SYNTAX: &[&str] = &[
    "[1]",
    "[12]",
    "[x]",
    "¹",
    "²³",
    "⁴⁵⁶",
    "* ",
    "*",
    "**",
    "*em*",
    "壹、前言",
    "一、小節",
    "（一）細節",
    "PART 1",
    "PART",
    ".....",
    "-----",
    "瀏覽數",
    "454",
    "作者",
    "林柏州",
    "關鍵字:甲、乙",
    "2025.07.04",
    "2025.02.30",
    "(免責)",
    "（註）",
    "<https://a.b/c>",
    "<http://x",
    "https://a.b/c.",
    "http://",
    "行動版選單開關",
    "- 第一章 題（某）",
    "- 第二章 題",
    "同前註",
    "同註 2",
    "Supra note 9",
    "Ibid.",
    "2025 年",
    "7 ",
    "62 ",
    "。",
    "，",
    "」",
    "\u{feff}",
    "\u{200b}",
    "e\u{301}",
    "😀",
    "\r\n",
    "\n",
    "\n\n",
    " ",
];

fn document_text() -> impl Strategy<Value = String> {
    let lines = corpus_lines();
    let piece = prop_oneof![
        3 => proptest::sample::select(lines),
        3 => proptest::sample::select(SYNTAX).prop_map(String::from),
        1 => "\\PC{0,12}",
    ];
    proptest::collection::vec(piece, 0..60).prop_map(|v| v.concat())
}

fn check_invariants(text: &str) -> Result<(), TestCaseError> {
    let d = parse("p.txt", text);
    // Loss-free: the model accounts for every non-space character once.
    let model = d.accounted_text();
    prop_assert_eq!(
        char_counts(model.iter().map(String::as_str)),
        char_counts([text])
    );
    // Every cited label has a note (with text or absent).
    for b in &d.blocks {
        for label in b.refs() {
            prop_assert!(d.note(label).is_some(), "no note for {}", label);
        }
    }
    // Anchors are unique.
    let mut ids = HashSet::new();
    for id in d
        .blocks
        .iter()
        .map(|b| &b.id)
        .chain(d.notes.iter().map(|n| &n.id))
    {
        prop_assert!(ids.insert(id.clone()), "duplicate id {}", id);
    }
    // Diagnostics point into the file.
    let last = text.lines().count().max(1) as u32;
    for x in &d.diagnostics {
        prop_assert!(x.line >= 1 && x.line <= last, "{} beyond line {}", x, last);
    }
    // Sections are consistent.
    for (i, s) in d.sections.iter().enumerate() {
        prop_assert!(d.blocks[s.heading].heading_level() == Some(s.level));
        if let Some(p) = s.parent {
            prop_assert!(p < i && d.sections[p].level < s.level);
        }
    }
    // Cross-references name a note of the document.
    for n in &d.notes {
        if let Some(see) = &n.see {
            prop_assert!(
                d.note(see).is_some(),
                "note {} sees missing {}",
                n.label,
                see
            );
        }
    }
    // The bundle round-trips whatever was parsed.
    let b = Bundle::new(vec![d]);
    prop_assert_eq!(Bundle::decode(&b.encode().unwrap()).unwrap(), b);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 600, ..ProptestConfig::default() })]

    #[test]
    fn any_unicode_text(text in "\\PC{0,400}") {
        check_invariants(&text)?;
    }

    #[test]
    fn shuffled_corpus_and_syntax(text in document_text()) {
        check_invariants(&text)?;
    }

    #[test]
    fn web_header_then_anything(body in document_text()) {
        let head = "國際情勢\n\n標題\n瀏覽數\n3\n2025.01.02\n作者\n王小明\n\n標題\n\n關鍵字:甲\n\n";
        check_invariants(&format!("{head}{body}"))?;
    }

    #[test]
    fn book_header_then_anything(body in document_text()) {
        let head = "PART 1\n\n.....\n\n部\n\n- 第一章 題（某）\n\n壹、前言\n\n";
        check_invariants(&format!("{head}{body}"))?;
    }
}
