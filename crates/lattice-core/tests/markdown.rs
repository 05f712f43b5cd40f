//! Markdown documents as a reader meets them: the fixtures in
//! `tests/fixtures/` (a paper in Traditional Chinese with YAML front matter,
//! one in English with TOML), checked fact by fact; the loss-free
//! guarantee; the same cross-references, glossary and search as the other
//! formats; and every kind of bad input as a diagnostic with its line.

use lattice_core::glossary;
use lattice_core::inline::Inline;
use lattice_core::search::{parse_query, search, SearchIndex, SearchOptions};
use lattice_core::*;
use std::collections::BTreeMap;
use std::path::PathBuf;

fn fixture(name: &str) -> (Document, String) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    let text = std::fs::read_to_string(&path).unwrap();
    (load_file(&path).unwrap(), text)
}

fn char_counts<'a>(pieces: impl IntoIterator<Item = &'a str>) -> BTreeMap<char, usize> {
    let mut m = BTreeMap::new();
    for p in pieces {
        for c in p.chars().filter(|c| !c.is_whitespace()) {
            *m.entry(c).or_insert(0) += 1;
        }
    }
    m
}

/// Every non-space character of the source is in the model or named in
/// `skipped`, exactly once. The only characters the model may hold beyond
/// the source are those character references stand for, one each.
fn assert_loss_free(doc: &Document, source: &str) {
    let have = char_counts(doc.accounted_text().iter().map(String::as_str));
    let want = char_counts([source]);
    let missing: Vec<_> = want
        .iter()
        .filter(|(c, n)| have.get(c).copied().unwrap_or(0) < **n)
        .collect();
    let extra: usize = have
        .iter()
        .map(|(c, n)| n.saturating_sub(want.get(c).copied().unwrap_or(0)))
        .sum();
    let references = doc
        .skipped
        .iter()
        .filter(|s| s.reason == SkipReason::Reference)
        .count();
    assert!(missing.is_empty(), "{}: lost {missing:?}", doc.source);
    assert!(
        extra <= references,
        "{}: {extra} characters duplicated, {references} references",
        doc.source
    );
}

fn within_kind(b: &Block) -> Option<&'static str> {
    b.within.first().map(|f| match f {
        Frame::Quote { .. } => "quote",
        Frame::Item { .. } => "item",
        Frame::Cell { .. } => "cell",
    })
}

#[test]
fn chinese_paper_front_matter() {
    let (d, _) = fixture("minilateral-zh.md");
    let m = &d.meta;
    assert_eq!(m.kind, Kind::Markdown);
    assert_eq!(
        m.title,
        "印太小多邊合作的制度化：四方安全對話與澳英美三方安全夥伴"
    );
    assert_eq!(m.subtitle.as_deref(), Some("從峰會宣言到常設機制"));
    let authors: Vec<_> = m.authors.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(authors, ["林怡君", "陳志明"]);
    assert_eq!(m.date.as_ref().unwrap().to_string(), "2025-03-18");
    assert_eq!(m.keywords.len(), 3);
    let c = &m.citation;
    assert_eq!(
        c.english_title.as_deref(),
        Some("Institutionalising Indo-Pacific Minilateralism: The Quad and AUKUS")
    );
    assert_eq!(c.publisher.as_deref(), Some("國防安全研究院"));
    assert_eq!(c.place.as_deref(), Some("臺北"));
    assert_eq!(c.year.as_deref(), Some("2025"));
    assert_eq!(c.pages.as_deref(), Some("1-12"));
    assert_eq!(c.doi.as_deref(), Some("10.1234/indsr.2025.0318"));
    assert!(c.url.as_deref().unwrap().starts_with("https://"));
    assert!(d.diagnostics.is_empty(), "{:?}", d.diagnostics);
}

#[test]
fn chinese_paper_blocks() {
    let (d, _) = fixture("minilateral-zh.md");
    let headings: Vec<_> = d
        .blocks
        .iter()
        .filter_map(|b| b.heading_level().map(|l| (l, b.plain_text())))
        .collect();
    assert_eq!(headings[0], (1, "壹、前言".to_string()));
    assert_eq!(headings[2], (2, "一、從海嘯核心小組到峰會".to_string()));
    assert_eq!(d.root_sections().count(), 4);
    // A soft line break inside Chinese text joins without a space.
    assert!(d.blocks[1]
        .plain_text()
        .contains("等多邊機制，四方安全對話"));
    // The numbered list: three items of one ordered list, numbered from 1.
    let items: Vec<_> = d
        .blocks
        .iter()
        .filter_map(|b| match b.within.first() {
            Some(Frame::Item {
                list,
                ordered: true,
                item,
            }) => Some((*list, *item)),
            _ => None,
        })
        .collect();
    assert_eq!(items.len(), 3);
    assert!(items.iter().all(|(l, _)| *l == items[0].0));
    assert_eq!(items.iter().map(|(_, i)| *i).collect::<Vec<_>>(), [1, 2, 3]);
    // The table: a header row of three cells and four body rows.
    let cells: Vec<_> = d
        .blocks
        .iter()
        .filter_map(|b| match b.within.first() {
            Some(Frame::Cell {
                row,
                column,
                header,
                ..
            }) => Some((*row, *column, *header, b.plain_text())),
            _ => None,
        })
        .collect();
    assert_eq!(cells.len(), 15);
    assert_eq!(cells[1], (0, 1, true, "四方安全對話".to_string()));
    assert_eq!(cells[14], (4, 2, false, "核動力潛艦與先進能力".to_string()));
    // The quote, citing a note.
    let quote = d
        .blocks
        .iter()
        .find(|b| within_kind(b) == Some("quote"))
        .unwrap();
    assert!(quote.plain_text().starts_with("澳洲總理 Anthony Albanese"));
    assert_eq!(quote.refs(), ["5"]);
    // Emphasis and links.
    assert!(d
        .blocks
        .iter()
        .any(|b| b.inlines.contains(&Inline::Emphasis("IPMDA".into()))));
}

#[test]
fn chinese_paper_notes() {
    let (d, _) = fixture("minilateral-zh.md");
    assert_eq!(d.notes.len(), 6);
    // [^def] is cited in the first and last paragraphs: counted twice.
    let def = d.note("1").unwrap();
    assert_eq!(def.marker.as_deref(), Some("[^def]"));
    assert_eq!(def.cited_by.len(), 2);
    assert_eq!(d.note("2").unwrap().cited_by.len(), 2);
    // A definition of two paragraphs keeps both.
    let quad = d.note("2").unwrap().plain_text().unwrap();
    assert!(quad.contains("War on the Rocks") && quad.contains("中止的原因"));
    // A link in angle brackets is one link, as written.
    assert!(def.body.as_ref().unwrap().contains(&Inline::Link {
        href: "https://foreignpolicy.com/2009/06/21/minilateralism/".into(),
        angle: true
    }));
    // 同註2 and 同前註, followed from one to the next by the core.
    assert_eq!(d.note("4").unwrap().see.as_deref(), Some("2"));
    assert_eq!(d.note("5").unwrap().see.as_deref(), Some("4"));
    let chain: Vec<_> = d
        .referred_notes("5", 3)
        .iter()
        .map(|n| n.label.as_str())
        .collect();
    assert_eq!(chain, ["4", "2"]);
}

#[test]
fn english_paper_with_toml() {
    let (d, _) = fixture("minilateral-en.md");
    assert_eq!(
        d.meta.title,
        "Minilateral Coalitions and the Indo-Pacific Order"
    );
    assert_eq!(d.meta.authors.len(), 2);
    assert_eq!(d.meta.keywords, ["Quad", "AUKUS", "Squad"]);
    assert_eq!(d.meta.date.as_ref().unwrap().to_string(), "2024-11-05");
    // Ibid. and Supra note N.
    assert_eq!(d.note("2").unwrap().see.as_deref(), Some("1"));
    assert_eq!(d.note("4").unwrap().see.as_deref(), Some("1"));
    let chain: Vec<_> = d
        .referred_notes("5", 3)
        .iter()
        .map(|n| n.label.as_str())
        .collect();
    assert_eq!(chain, ["4", "1"]);
    assert_eq!(d.note("1").unwrap().cited_by.len(), 2);
    // An inline link: its label, then the address as a link.
    let last = d.blocks.last().unwrap();
    let i = last
        .inlines
        .iter()
        .position(|x| matches!(x, Inline::Link { href, .. } if href == "https://www.iiss.org/online-analysis/"))
        .unwrap();
    assert!(matches!(&last.inlines[i - 1], Inline::Text(t) if t.ends_with("IISS analysis ")));
    // Three kinds of container, and a right-aligned column read as text.
    let kinds: std::collections::BTreeSet<_> = d.blocks.iter().filter_map(within_kind).collect();
    assert_eq!(kinds.len(), 3);
    assert!(d.diagnostics.is_empty(), "{:?}", d.diagnostics);
}

/// The blocks' text, then the notes' text, each in the order the source
/// has it (a count of characters alone would pass reordered text).
fn assert_in_order(doc: &Document, source: &str) {
    let blocks: String = doc
        .blocks
        .iter()
        .map(|b| lattice_core::inline::content_text(&b.inlines))
        .collect();
    let notes: String = doc
        .notes
        .iter()
        .filter_map(|n| n.body.as_deref())
        .map(lattice_core::inline::content_text)
        .collect();
    for (what, text) in [("blocks", blocks), ("notes", notes)] {
        let mut hay = source.chars().filter(|c| !c.is_whitespace());
        for c in text.chars().filter(|c| !c.is_whitespace()) {
            assert!(
                hay.any(|h| h == c),
                "{}: the {what}' text leaves source order at {c:?}",
                doc.source
            );
        }
    }
}

#[test]
fn fixtures_are_loss_free() {
    for name in ["minilateral-zh.md", "minilateral-en.md"] {
        let (d, text) = fixture(name);
        assert_loss_free(&d, &text);
        assert_in_order(&d, &text);
    }
}

#[test]
fn syntax_and_references_are_accounted_for() {
    let src = "---\ntitle: T &amp; U\n---\n\n# H\n\nA &amp; B \\*x\\* `code` ![alt](https://i.org/a.png) \
               [mail](mailto:a@b.c) <div>raw</div>\n\n- [ ] task\n\n***\n\n[^n]\n\n[^n]: N.\n";
    let d = parse("a.md", src);
    assert_loss_free(&d, src);
    let text = d.blocks[1].plain_text();
    assert!(text.starts_with("A & B *x* code alt mail"), "{text}");
    assert!(d
        .skipped
        .iter()
        .any(|s| s.reason == SkipReason::Reference && s.text == "&amp;"));
}

#[test]
fn same_glossary_and_search_as_other_formats() {
    let (d, _) = fixture("minilateral-zh.md");
    let docs = vec![d];
    let (g, _) = glossary::build(&docs, None).unwrap();
    let quad = g.find("四方安全對話").expect("term 四方安全對話");
    assert!(quad.en.contains("Quadrilateral Security Dialogue") || quad.en == "Quad");
    let index = SearchIndex::build(&docs);
    // A table cell and a list item are found like any paragraph.
    for (q, want) in [("核動力潛艦與先進能力", "cell"), ("疫苗與衛生", "item")] {
        let r = search(&index, &parse_query(q), &SearchOptions::default());
        let hit = r.hits.first().unwrap_or_else(|| panic!("no hit for {q}"));
        let target = &index.passages[hit.passage].target;
        let block = docs[0].block(target).unwrap();
        assert_eq!(within_kind(block), Some(want));
    }
    let r = search(
        &index,
        &parse_query("中止的原因"),
        &SearchOptions::default(),
    );
    assert_eq!(index.passages[r.hits[0].passage].target, "n2");
}

#[test]
fn invalid_front_matter_is_an_error_with_its_line() {
    let d = parse(
        "bad.md",
        "---\ntitle: ok\nauthors: [a, b\ndate: x\n---\n\n正文。\n",
    );
    let e: Vec<_> = d
        .diagnostics
        .iter()
        .filter(|x| x.severity == Severity::Error)
        .collect();
    assert_eq!(e.len(), 1, "{:?}", d.diagnostics);
    assert!((3..=5).contains(&e[0].line), "{:?}", e[0]);
    assert_eq!(e[0].file, "bad.md");
    let d = parse("bad.md", "+++\ntitle = \"x\"\nyear = = 1\n+++\n\n# H\n");
    let e = d.diagnostics.iter().find(|x| x.severity == Severity::Error);
    assert_eq!(e.map(|x| x.line), Some(3), "{:?}", d.diagnostics);
    // A field of the wrong shape is a warning naming it.
    let d = parse("w.md", "---\ntitle: x\ndate: someday\n---\n\nText.\n");
    assert!(!d.has_errors());
    assert_eq!(d.diagnostics[0].line, 3);
    assert!(d.diagnostics[0].message.contains("`date`"));
}

#[test]
fn missing_and_uncited_notes_are_warnings() {
    let src = "# T\n\n第一段。[^gone]\n\n第二段。[^a]\n\n[^a]: 有。\n\n[^spare]: 沒有人引用。\n";
    let d = parse("n.md", src);
    assert!(!d.has_errors());
    let w: Vec<_> = d
        .diagnostics
        .iter()
        .map(|x| (x.line, x.message.as_str()))
        .collect();
    assert_eq!(w.len(), 2, "{w:?}");
    assert_eq!(w[0].0, 3);
    assert!(w[0].1.contains("[^gone]") && w[0].1.contains("cited"));
    assert_eq!(w[1].0, 9);
    assert!(w[1].1.contains("nothing in the document cites"));
    let gone = d.note("1").unwrap();
    assert!(gone.body.is_none());
    assert_loss_free(&d, src);
}

#[test]
fn cross_reference_chains_stop_at_cycles_and_limits() {
    let d = parse(
        "c.md",
        "# T\n\nA.[^1] B.[^2] C.[^3] D.[^4]\n\n[^1]: 同註2。\n[^2]: 同註1。\n[^3]: Ibid.\n[^4]: Ibid.\n",
    );
    let chain = |label: &str, limit: usize| -> Vec<String> {
        d.referred_notes(label, limit)
            .iter()
            .map(|n| n.label.clone())
            .collect()
    };
    assert_eq!(chain("1", 3), ["2"]);
    assert_eq!(chain("4", 3), ["3", "2", "1"]);
    assert_eq!(chain("4", 1), ["3"]);
    assert!(chain("missing", 3).is_empty());
}

#[test]
fn citations_in_code_are_text() {
    let d = parse("c.md", "# T\n\n```\n[^1] x\n```\n\nSee `[^2]`.\n");
    assert!(d.notes.is_empty(), "{:?}", d.notes);
    assert!(d.diagnostics.is_empty(), "{:?}", d.diagnostics);
    assert_eq!(d.blocks[0].plain_text().trim(), "[^1] x");
}

#[test]
fn a_file_without_a_title_is_a_warning() {
    let d = parse("t.md", "Just a paragraph.\n\n## Later heading\n");
    assert_eq!(d.diagnostics.len(), 1);
    assert_eq!(d.blocks.len(), 2);
}

#[test]
fn raw_html_is_text_never_markup() {
    let d = parse(
        "h.md",
        "# T\n\n<script>alert(1)</script>\n\nText <b>bold</b>.\n",
    );
    assert!(d.diagnostics.iter().any(|x| x.line == 3));
    let all: String = d.blocks.iter().map(Block::plain_text).collect();
    assert!(!all.contains('<'), "{all}");
    assert!(all.contains("Text bold."));
}
