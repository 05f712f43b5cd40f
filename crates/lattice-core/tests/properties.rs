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

/// Pieces of Markdown syntax: every construct the Markdown reader names,
/// and the ones it passes over.
const MARKDOWN: &[&str] = &[
    "# ",
    "## ",
    "### ",
    "> ",
    ">> ",
    "- ",
    "* ",
    "+ ",
    "1. ",
    "3) ",
    "- [ ] ",
    "- [x] ",
    "[^1]",
    "[^a]",
    "[^1]: ",
    "[^a]: ",
    "[^",
    "]",
    "[",
    "](",
    ")",
    "![",
    "](https://a.b/i.png)",
    "[r]",
    "[r]: https://r.org/x",
    "[r]: <http://s.t> \"t\"",
    "<https://a.b/c>",
    "<mailto:x@y>",
    "https://a.b/c.",
    "http://",
    "javascript:alert(1)",
    "*",
    "**",
    "_",
    "__",
    "~~",
    "`",
    "```\n",
    "~~~\n",
    "    ",
    "\t",
    "|",
    "| a | b |\n|---|:-:|\n",
    "|---|",
    "---\n",
    "***\n",
    "+++\n",
    "title: 題\n",
    "title = \"t\"\n",
    "authors: [a, b\n",
    "date: 2025-02-30\n",
    "&amp;",
    "&#x4E2D;",
    "&#0;",
    "&bogus;",
    "\\",
    "\\*",
    "<div>",
    "</div>",
    "<!--",
    "-->",
    "<b>",
    "同前註",
    "同註 1",
    "Ibid.",
    "Supra note 2",
    "四方安全對話（Quad）",
    "。",
    "\u{feff}",
    "e\u{301}",
    "😀",
    "\r\n",
    "\n",
    "\n\n",
    " ",
];

fn markdown_text() -> impl Strategy<Value = String> {
    let lines = corpus_lines();
    let piece = prop_oneof![
        1 => proptest::sample::select(lines),
        4 => proptest::sample::select(MARKDOWN).prop_map(String::from),
        1 => "\\PC{0,12}",
    ];
    proptest::collection::vec(piece, 0..80).prop_map(|v| v.concat())
}

/// What holds of any document in any format.
fn check_model(d: &Document) -> Result<(), TestCaseError> {
    for b in &d.blocks {
        for label in b.refs() {
            prop_assert!(d.note(label).is_some(), "no note for {}", label);
        }
    }
    let mut ids = HashSet::new();
    for id in d
        .blocks
        .iter()
        .map(|b| &b.id)
        .chain(d.notes.iter().map(|n| &n.id))
    {
        prop_assert!(ids.insert(id.clone()), "duplicate id {}", id);
    }
    for (i, s) in d.sections.iter().enumerate() {
        prop_assert!(d.blocks[s.heading].heading_level() == Some(s.level));
        if let Some(p) = s.parent {
            prop_assert!(p < i && d.sections[p].level < s.level);
        }
    }
    for n in &d.notes {
        if let Some(see) = &n.see {
            prop_assert!(d.note(see).is_some());
        }
        prop_assert!(d.referred_notes(&n.label, 3).len() <= 3);
    }
    for b in &d.blocks {
        for i in &b.inlines {
            if let inline::Inline::Link { href, .. } = i {
                prop_assert!(href.starts_with("http://") || href.starts_with("https://"));
            }
        }
    }
    let b = Bundle::new(vec![d.clone()]);
    prop_assert_eq!(Bundle::decode(&b.encode().unwrap()).unwrap(), b);
    Ok(())
}

fn check_markdown(text: &str) -> Result<(), TestCaseError> {
    let d = parse("p.md", text);
    prop_assert_eq!(d.meta.kind, Kind::Markdown);
    // Loss-free: nothing lost; the only extra characters are those that
    // character references stand for.
    let have = char_counts(d.accounted_text().iter().map(String::as_str));
    let want = char_counts([text]);
    for (c, n) in &want {
        prop_assert!(have.get(c).copied().unwrap_or(0) >= *n, "lost {:?}", c);
    }
    let extra: usize = have
        .iter()
        .map(|(c, n)| n.saturating_sub(want.get(c).copied().unwrap_or(0)))
        .sum();
    let references = d
        .skipped
        .iter()
        .filter(|s| s.reason == SkipReason::Reference)
        .count();
    prop_assert!(
        extra <= references,
        "{} extra, {} references",
        extra,
        references
    );
    let last = text.split('\n').count().max(1) as u32;
    for x in &d.diagnostics {
        prop_assert!(x.line >= 1 && x.line <= last, "{} beyond line {}", x, last);
    }
    check_model(&d)
}

fn docx_fixture() -> Vec<u8> {
    std::fs::read(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/minilateral-zh.docx"),
    )
    .unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn any_markdown(text in markdown_text()) {
        check_markdown(&text)?;
    }

    #[test]
    fn any_unicode_as_markdown(text in "\\PC{0,400}") {
        check_markdown(&text)?;
    }

    #[test]
    fn front_matter_then_any_markdown(body in markdown_text()) {
        check_markdown(&format!("---\ntitle: 題\nauthor: 王\n---\n\n{body}"))?;
    }

    #[test]
    fn any_bytes_as_word(bytes in proptest::collection::vec(any::<u8>(), 0..2000)) {
        let d = parse::parse_bytes("p.docx", &bytes);
        prop_assert!(d.has_errors());
        check_model(&d)?;
    }

    #[test]
    fn damaged_word_package(
        edits in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 0..40),
        cut in any::<prop::sample::Index>(),
        truncate in any::<bool>(),
    ) {
        let mut bytes = docx_fixture();
        for (at, b) in edits {
            let i = at.index(bytes.len());
            bytes[i] = b;
        }
        if truncate {
            bytes.truncate(cut.index(bytes.len()));
        }
        let d = parse::parse_bytes("p.docx", &bytes);
        check_model(&d)?;
    }
}

/// A body line that repeats a header label ("瀏覽數") with a number after it
/// once lost the header's view count: found by `web_header_then_anything`.
#[test]
fn a_header_label_repeated_in_the_body_loses_nothing() {
    let head = "國際情勢\n\n標題\n瀏覽數\n3\n2025.01.02\n作者\n王小明\n\n標題\n\n關鍵字:甲\n\n";
    for body in ["瀏覽數7 ", "瀏覽數\n7\n", "作者\n李四\n", "瀏覽數 7"] {
        check_invariants(&format!("{head}{body}")).unwrap();
    }
}
