//! Word documents as a reader meets them: the pandoc-made fixtures in
//! `tests/fixtures/` (regenerate with scripts/fixtures.sh), a small package
//! written by hand here with what pandoc cannot make (tracked changes,
//! comments, endnotes, a note cited twice, localised style ids), the
//! loss-free guarantee over the text of `w:t` runs, and every kind of
//! unreadable package as a diagnostic, never a panic.

use lattice_core::inline::Inline;
use lattice_core::parse::parse_bytes;
use lattice_core::*;
use quick_xml::events::Event;
use std::collections::BTreeMap;
use std::io::{Cursor, Read, Write};
use std::path::PathBuf;
use zip::write::SimpleFileOptions;

fn fixture_bytes(name: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    std::fs::read(path).unwrap()
}

fn fixture(name: &str) -> (Document, Vec<u8>) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    (load_file(&path).unwrap(), fixture_bytes(name))
}

/// A package of these parts, stored uncompressed.
fn package(parts: &[(&str, &str)]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, text) in parts {
        w.start_file(
            *name,
            SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored),
        )
        .unwrap();
        w.write_all(text.as_bytes()).unwrap();
    }
    w.finish().unwrap().into_inner()
}

const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships""#;

fn document(body: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><w:document {W}><w:body>{body}</w:body></w:document>"#
    )
}

/// The hand-made document: a localised heading style id, tracked changes,
/// a comment, a hyperlink, italics, a footnote cited twice, an endnote.
fn hand_made() -> Vec<u8> {
    let body = r#"
<w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr><w:r><w:t>修訂中的報告</w:t></w:r></w:p>
<w:p><w:pPr><w:pStyle w:val="Author"/></w:pPr><w:r><w:t>王小明</w:t></w:r></w:p>
<w:p><w:pPr><w:pStyle w:val="Date"/></w:pPr><w:r><w:t>2025年7月4日</w:t></w:r></w:p>
<w:p><w:pPr><w:pStyle w:val="1"/></w:pPr><w:r><w:t>壹、前言</w:t></w:r></w:p>
<w:p>
  <w:commentRangeStart w:id="0"/>
  <w:r><w:t xml:space="preserve">四方安全對話</w:t></w:r>
  <w:ins w:id="1" w:author="A"><w:r><w:t>（Quad）</w:t></w:r></w:ins>
  <w:del w:id="2" w:author="A"><w:r><w:delText>已經解散</w:delText></w:r></w:del>
  <w:r><w:t xml:space="preserve">持續運作，見 </w:t></w:r>
  <w:commentRangeEnd w:id="0"/>
  <w:r><w:commentReference w:id="0"/></w:r>
  <w:hyperlink r:id="rIdLink"><w:r><w:t>官方說明</w:t></w:r></w:hyperlink>
  <w:r><w:rPr><w:i/></w:rPr><w:t>Foreign Affairs</w:t></w:r>
  <w:r><w:footnoteReference w:id="7"/></w:r>
  <w:r><w:t>。</w:t></w:r>
</w:p>
<w:p>
  <w:r><w:t>再次引用。</w:t></w:r><w:r><w:footnoteReference w:id="7"/></w:r>
  <w:r><w:t>尾註在此。</w:t></w:r><w:r><w:endnoteReference w:id="3"/></w:r>
  <w:r><w:t>同前註。</w:t></w:r><w:r><w:footnoteReference w:id="8"/></w:r>
</w:p>
<w:p><w:pPr><w:pStyle w:val="Quote"/></w:pPr><w:r><w:t>引文一段。</w:t></w:r></w:p>
<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="5"/></w:numPr></w:pPr><w:r><w:t>第一項</w:t></w:r></w:p>
<w:p><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="5"/></w:numPr></w:pPr><w:r><w:t>子項</w:t></w:r></w:p>
<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="5"/></w:numPr></w:pPr><w:r><w:t>第二項</w:t></w:r></w:p>
<w:del w:id="9" w:author="A"><w:p><w:r><w:delText>整段刪除</w:delText></w:r></w:p></w:del>
<w:sectPr/>"#;
    let styles = format!(
        r#"<w:styles {W}>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style>
<w:style w:type="paragraph" w:styleId="Author"><w:name w:val="Author"/></w:style>
<w:style w:type="paragraph" w:styleId="Date"><w:name w:val="Date"/></w:style>
<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/></w:style>
<w:style w:type="paragraph" w:styleId="Quote"><w:name w:val="Quote"/></w:style>
</w:styles>"#
    );
    let numbering = format!(
        r#"<w:numbering {W}>
<w:abstractNum w:abstractNumId="2">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="bullet"/></w:lvl>
</w:abstractNum>
<w:num w:numId="5"><w:abstractNumId w:val="2"/></w:num>
</w:numbering>"#
    );
    let footnotes = format!(
        r#"<w:footnotes {W}>
<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
<w:footnote w:id="7"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> Tanvi Madan, </w:t></w:r><w:r><w:rPr><w:i/></w:rPr><w:t>The Quad</w:t></w:r><w:r><w:t>, 2021.</w:t></w:r></w:p>
<w:p><w:r><w:t>第二段註文。</w:t></w:r></w:p></w:footnote>
<w:footnote w:id="8"><w:p><w:r><w:t>同前註，頁 3。</w:t></w:r></w:p></w:footnote>
<w:footnote w:id="9"><w:p><w:r><w:t>沒有人引用的註。</w:t></w:r></w:p></w:footnote>
</w:footnotes>"#
    );
    let endnotes = format!(
        r#"<w:endnotes {W}>
<w:endnote w:id="3"><w:p><w:r><w:t>尾註的內容，https://example.org/end。</w:t></w:r></w:p></w:endnote>
</w:endnotes>"#
    );
    let comments = format!(
        r#"<w:comments {W}><w:comment w:id="0"><w:p><w:r><w:t>審稿意見：不要顯示</w:t></w:r></w:p></w:comment></w:comments>"#
    );
    let rels = r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rIdLink" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://www.state.gov/quad/" TargetMode="External"/>
</Relationships>"#;
    let core = r#"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Core title, not used</dc:title><dc:creator>Core Author</dc:creator><cp:keywords>Quad, AUKUS、印太</cp:keywords></cp:coreProperties>"#;
    package(&[
        ("word/document.xml", &document(body)),
        ("word/styles.xml", &styles),
        ("word/numbering.xml", &numbering),
        ("word/footnotes.xml", &footnotes),
        ("word/endnotes.xml", &endnotes),
        ("word/comments.xml", &comments),
        ("word/_rels/document.xml.rels", rels),
        ("docProps/core.xml", core),
    ])
}

/// The text of every `w:t` run of the body and the notes that is not
/// deleted (the reader's text content), in order.
fn run_text(bytes: &[u8]) -> String {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut out = String::new();
    for part in [
        "word/document.xml",
        "word/footnotes.xml",
        "word/endnotes.xml",
    ] {
        let Ok(mut f) = zip.by_name(part) else {
            continue;
        };
        let mut xml = String::new();
        f.read_to_string(&mut xml).unwrap();
        let mut reader = quick_xml::Reader::from_str(&xml);
        let mut stack: Vec<String> = Vec::new();
        loop {
            match reader.read_event().unwrap() {
                Event::Start(e) => {
                    stack.push(String::from_utf8_lossy(e.name().as_ref()).into_owned())
                }
                Event::End(_) => {
                    stack.pop();
                }
                Event::Text(t) if kept(&stack) => out.push_str(&t.decode().unwrap()),
                Event::GeneralRef(r) if kept(&stack) => {
                    let c = match r.decode().unwrap().as_ref() {
                        "amp" => '&',
                        "lt" => '<',
                        "gt" => '>',
                        "quot" => '"',
                        "apos" => '\'',
                        _ => r.resolve_char_ref().unwrap().unwrap(),
                    };
                    out.push(c);
                }
                Event::Eof => break,
                _ => {}
            }
        }
    }
    out
}

/// Inside a `w:t` that no deletion or drawing holds.
fn kept(stack: &[String]) -> bool {
    stack.last().is_some_and(|n| n == "w:t")
        && !stack
            .iter()
            .any(|n| matches!(n.as_str(), "w:del" | "w:moveFrom" | "w:drawing"))
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

/// Every character of the runs' text is in the model, once; the model adds
/// only the addresses of hyperlinks whose text is not their address.
fn assert_loss_free(doc: &Document, bytes: &[u8]) {
    let text = run_text(bytes);
    let mut model = doc.accounted_text();
    let links = doc
        .blocks
        .iter()
        .flat_map(|b| &b.inlines)
        .chain(doc.notes.iter().flat_map(|n| n.body.iter().flatten()));
    for i in links {
        if let Inline::Link { href, .. } = i {
            if !text.contains(href.as_str()) {
                model.push(format!("-{href}"));
            }
        }
    }
    let mut have = char_counts(
        model
            .iter()
            .filter(|s| !s.starts_with('-'))
            .map(String::as_str),
    );
    for s in model.iter().filter_map(|s| s.strip_prefix('-')) {
        for c in s.chars() {
            if let Some(n) = have.get_mut(&c) {
                *n -= 1;
            }
        }
    }
    have.retain(|_, n| *n > 0);
    assert_eq!(have, char_counts([text.as_str()]), "{}", doc.source);
}

fn cells(d: &Document) -> Vec<(u32, u32, bool, String)> {
    d.blocks
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
        .collect()
}

#[test]
fn pandoc_fixture_reads_like_its_markdown_source() {
    let (w, _) = fixture("minilateral-zh.docx");
    let md = load_file(
        &PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/minilateral-zh.md"),
    )
    .unwrap();
    assert_eq!(w.meta.kind, Kind::Word);
    assert_eq!(w.meta.title, md.meta.title);
    assert_eq!(w.meta.subtitle, md.meta.subtitle);
    assert_eq!(w.meta.authors, md.meta.authors);
    assert_eq!(
        w.meta.date.as_ref().map(ToString::to_string),
        Some("2025-03-18".into())
    );
    assert_eq!(w.meta.keywords, md.meta.keywords);
    // The same headings, list, quote and table, in the same order.
    let shape = |d: &Document| -> Vec<(Option<u8>, Option<&'static str>, String)> {
        d.blocks
            .iter()
            .map(|b| {
                let kind = b.within.first().map(|f| match f {
                    Frame::Quote { .. } => "quote",
                    Frame::Item { .. } => "item",
                    Frame::Cell { .. } => "cell",
                });
                (b.heading_level(), kind, b.plain_text())
            })
            .collect()
    };
    let (ws, ms) = (shape(&w), shape(&md));
    assert_eq!(ws.len(), ms.len());
    for (a, b) in ws.iter().zip(&ms) {
        assert_eq!((a.0, a.1), (b.0, b.1), "{} / {}", a.2, b.2);
    }
    assert_eq!(cells(&w), cells(&md));
    // pandoc gives each citation its own footnote: eight notes for six.
    assert_eq!(w.notes.len(), 8);
    assert_eq!(w.note("5").unwrap().see.as_deref(), Some("2"));
    let chain: Vec<_> = w
        .referred_notes("6", 3)
        .iter()
        .map(|n| n.label.as_str())
        .collect();
    assert_eq!(chain, ["5", "2"]);
    assert!(w.diagnostics.is_empty(), "{:?}", w.diagnostics);
}

#[test]
fn english_fixture_core_properties_and_cross_references() {
    let (d, _) = fixture("minilateral-en.docx");
    assert_eq!(
        d.meta.title,
        "Minilateral Coalitions and the Indo-Pacific Order"
    );
    let authors: Vec<_> = d.meta.authors.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(authors, ["Jane Doe", "Kenji Sato"]);
    assert_eq!(d.meta.keywords, ["Quad", "AUKUS", "Squad"]);
    assert_eq!(d.note("2").unwrap().see.as_deref(), Some("1"));
    assert_eq!(d.note("4").unwrap().see.as_deref(), Some("1"));
    assert_eq!(d.note("5").unwrap().see.as_deref(), Some("4"));
    let links: Vec<_> = d
        .blocks
        .iter()
        .flat_map(|b| &b.inlines)
        .filter_map(|i| match i {
            Inline::Link { href, .. } => Some(href.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(links, ["https://www.iiss.org/online-analysis/"]);
    assert!(d
        .blocks
        .iter()
        .any(|b| b.inlines.contains(&Inline::Emphasis("Quad".into()))));
}

/// The blocks' text in the order of the runs' text (hyperlink addresses
/// that are not run text left out).
fn assert_in_order(doc: &Document, bytes: &[u8]) {
    let text = run_text(bytes);
    let mut hay = text.chars().filter(|c| !c.is_whitespace());
    for b in &doc.blocks {
        for i in &b.inlines {
            let s = match i {
                Inline::Text(s) | Inline::Emphasis(s) => s.as_str(),
                Inline::Link { href, .. } if text.contains(href.as_str()) => href.as_str(),
                Inline::Link { .. } | Inline::NoteRef { .. } => "",
            };
            for c in s.chars().filter(|c| !c.is_whitespace()) {
                assert!(
                    hay.any(|h| h == c),
                    "{}: out of order at {c:?} in {}",
                    doc.source,
                    b.id
                );
            }
        }
    }
}

#[test]
fn fixtures_are_loss_free() {
    for name in ["minilateral-zh.docx", "minilateral-en.docx"] {
        let (d, bytes) = fixture(name);
        assert_loss_free(&d, &bytes);
        assert_in_order(&d, &bytes);
    }
    let bytes = hand_made();
    assert_loss_free(&parse_bytes("hand.docx", &bytes), &bytes);
}

#[test]
fn tracked_changes_comments_and_endnotes() {
    let d = parse_bytes("hand.docx", &hand_made());
    assert_eq!(d.meta.title, "修訂中的報告");
    assert_eq!(
        d.meta.authors[0].name, "王小明",
        "paragraphs before properties"
    );
    assert_eq!(d.meta.date.as_ref().unwrap().to_string(), "2025-07-04");
    assert_eq!(d.meta.keywords, ["Quad", "AUKUS", "印太"]);
    assert_eq!(
        d.blocks[0].heading_level(),
        Some(1),
        "style id `1` named heading 1"
    );
    let p = &d.blocks[1];
    let text = p.plain_text();
    assert!(text.starts_with("四方安全對話（Quad）持續運作"), "{text}");
    assert!(!text.contains("已經解散"), "deleted text dropped");
    assert!(!text.contains("審稿意見"), "comments ignored");
    assert!(p
        .inlines
        .contains(&Inline::Emphasis("Foreign Affairs".into())));
    assert!(p.inlines.contains(&Inline::Link {
        href: "https://www.state.gov/quad/".into(),
        angle: false
    }));
    let all: String = d.blocks.iter().map(Block::plain_text).collect();
    assert!(!all.contains("整段刪除"));
    // Footnote 7 cited twice is one note cited twice; the endnote and the
    // 同前註 footnote follow in citation order.
    let n1 = d.note("1").unwrap();
    assert_eq!(n1.cited_by.len(), 2);
    assert_eq!(
        n1.plain_text().unwrap(),
        "Tanvi Madan, The Quad, 2021.\n第二段註文。"
    );
    assert!(d
        .note("2")
        .unwrap()
        .plain_text()
        .unwrap()
        .starts_with("尾註"));
    assert_eq!(d.note("3").unwrap().see.as_deref(), Some("2"));
    // The quote and the nested list.
    assert!(matches!(d.blocks[3].within[..], [Frame::Quote { .. }]));
    let items: Vec<_> = d.blocks[4..]
        .iter()
        .map(|b| (b.within.len(), b.plain_text()))
        .collect();
    assert_eq!(
        items,
        [
            (1, "第一項".into()),
            (2, "子項".into()),
            (1, "第二項".into())
        ]
    );
    match (
        d.blocks[4].within[0],
        &d.blocks[5].within[..],
        d.blocks[6].within[0],
    ) {
        (
            Frame::Item {
                list: a,
                ordered: true,
                item: 1,
            },
            &[Frame::Item {
                list: b, item: 1, ..
            }, Frame::Item {
                ordered: false,
                item: 0,
                ..
            }],
            Frame::Item {
                list: c, item: 2, ..
            },
        ) => assert!(a == b && b == c),
        other => panic!("{other:?}"),
    }
    // The footnote nothing cites is a warning with its paragraph.
    let w: Vec<_> = d.diagnostics.iter().map(|x| x.message.as_str()).collect();
    assert_eq!(w.len(), 1, "{w:?}");
    assert!(w[0].contains("nothing in the document cites"));
}

#[test]
fn a_note_cited_but_absent_is_a_warning_on_its_paragraph() {
    let body = r#"<w:p><w:r><w:t>一。</w:t></w:r></w:p><w:p><w:r><w:t>二。</w:t></w:r><w:r><w:footnoteReference w:id="4"/></w:r></w:p>"#;
    let d = parse_bytes(
        "a.docx",
        &package(&[("word/document.xml", &document(body))]),
    );
    assert_eq!(d.diagnostics.len(), 2, "{:?}", d.diagnostics);
    let absent = d
        .diagnostics
        .iter()
        .find(|x| x.message.contains("cited but"))
        .unwrap();
    assert_eq!((absent.file.as_str(), absent.line), ("a.docx", 2));
    assert!(absent.message.contains("note 1 "), "{}", absent.message);
    assert!(d.diagnostics.iter().any(|x| x.message.contains("no title")));
}

#[test]
fn text_in_a_drawing_is_reported_not_lost_silently() {
    let body = r#"<w:p><w:r><w:t>正文。</w:t></w:r></w:p><w:p><w:r><w:drawing><wp:inline><w:txbxContent><w:p><w:r><w:t>框內文字</w:t></w:r></w:p></w:txbxContent></wp:inline></w:drawing></w:r></w:p>"#;
    let d = parse_bytes(
        "d.docx",
        &package(&[("word/document.xml", &document(body))]),
    );
    let w = d
        .diagnostics
        .iter()
        .find(|x| x.message.contains("text box"))
        .unwrap();
    assert_eq!(w.line, 2);
    let all: String = d.blocks.iter().map(Block::plain_text).collect();
    assert_eq!(all, "正文。");
}

fn only_error(d: &Document) -> &Diagnostic {
    let errors: Vec<_> = d
        .diagnostics
        .iter()
        .filter(|x| x.severity == Severity::Error)
        .collect();
    assert_eq!(errors.len(), 1, "{:?}", d.diagnostics);
    errors[0]
}

#[test]
fn unreadable_packages_are_errors_not_panics() {
    // Encrypted: an OLE compound file.
    let mut ole = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    ole.extend([0u8; 504]);
    let d = parse_bytes("secret.docx", &ole);
    let e = only_error(&d);
    assert!(e.message.contains("encrypted"), "{}", e.message);
    assert_eq!((e.file.as_str(), e.line), ("secret.docx", 1));
    assert_eq!(d.meta.title, "secret");
    // A damaged zip: the fixture cut short, and one with bytes overwritten.
    let bytes = fixture_bytes("minilateral-en.docx");
    let d = parse_bytes("cut.docx", &bytes[..bytes.len() / 2]);
    assert!(only_error(&d).message.contains("damaged"));
    let mut bad = bytes.clone();
    for b in &mut bad[200..4000] {
        *b = 0x5A;
    }
    let d = parse_bytes("bad.docx", &bad);
    assert!(d.has_errors(), "{:?}", d.diagnostics);
    // No word/document.xml.
    let d = parse_bytes("empty.docx", &package(&[("docProps/core.xml", "<x/>")]));
    assert!(only_error(&d).message.contains("word/document.xml"));
    // Malformed XML: the error names the paragraph.
    let body = "<w:p><w:r><w:t>一</w:t></w:r></w:p><w:p><w:r><w:t>二</w:r></w:p>";
    let d = parse_bytes(
        "xml.docx",
        &package(&[("word/document.xml", &document(body))]),
    );
    let e = only_error(&d);
    assert_eq!(e.line, 2, "{e:?}");
    assert!(e.message.contains("not well-formed"));
    // Not a zip at all, and empty.
    assert!(parse_bytes("t.docx", b"plain text").has_errors());
    assert!(parse_bytes("z.docx", b"").has_errors());
}

#[test]
fn a_folder_with_every_format_loads() {
    let dir = std::env::temp_dir().join(format!("lattice-formats-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("paper.docx"), fixture_bytes("minilateral-en.docx")).unwrap();
    std::fs::write(
        dir.join("notes.md"),
        "---\ntitle: 筆記\n---\n\n正文。[^1]\n\n[^1]: 註。\n",
    )
    .unwrap();
    std::fs::write(dir.join("secret.docx"), [0xD0, 0xCF, 0x11, 0xE0]).unwrap();
    let docs = load_dir(&dir).unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
    let kinds: Vec<_> = docs.iter().map(|d| (d.id.as_str(), d.meta.kind)).collect();
    assert_eq!(
        kinds,
        [
            ("notes", Kind::Markdown),
            ("paper", Kind::Word),
            ("secret", Kind::Word)
        ]
    );
    assert!(docs[2].has_errors() && !docs[0].has_errors() && !docs[1].has_errors());
}

/// Well-formed WordprocessingML made at random: paragraphs, runs with
/// italics, breaks and note references, insertions, deletions, hyperlinks,
/// content controls, drawings, and tables holding any of these.
mod generated {
    use super::*;
    use proptest::prelude::*;

    const TEXTS: &[&str] = &[
        "四方安全對話",
        "（Quad）",
        " ",
        "AUKUS ",
        "A &amp; B",
        "&lt;b&gt;",
        "同前註。",
        "Ibid.",
        // Addresses in the text; the hyperlink's target (a.org) is never
        // text here, so the loss-free check can tell its added address.
        "https://c.org/z",
        "見 http://b.org/y.",
        "Supra note 1",
        "😀",
        "",
    ];

    fn text() -> impl Strategy<Value = String> {
        proptest::sample::select(TEXTS)
            .prop_map(|t| format!("<w:t xml:space=\"preserve\">{t}</w:t>"))
    }

    fn run() -> impl Strategy<Value = String> {
        let inner = prop_oneof![
            4 => text(),
            1 => Just("<w:tab/>".to_string()),
            1 => Just("<w:br/>".to_string()),
            1 => (1u8..5).prop_map(|i| format!("<w:footnoteReference w:id=\"{i}\"/>")),
            1 => Just("<w:endnoteReference w:id=\"1\"/>".to_string()),
            1 => text().prop_map(|t| format!("<w:drawing><w:txbxContent><w:p><w:r>{t}</w:r></w:p></w:txbxContent></w:drawing>")),
            1 => Just("<w:delText>刪</w:delText>".to_string()),
        ];
        (any::<bool>(), proptest::collection::vec(inner, 0..4)).prop_map(|(italic, v)| {
            let props = if italic { "<w:rPr><w:i/></w:rPr>" } else { "" };
            format!("<w:r>{props}{}</w:r>", v.concat())
        })
    }

    fn inline() -> impl Strategy<Value = String> {
        prop_oneof![
            4 => run(),
            1 => run().prop_map(|r| format!("<w:ins w:id=\"1\">{r}</w:ins>")),
            1 => run().prop_map(|r| format!("<w:del w:id=\"2\">{r}</w:del>")),
            1 => run().prop_map(|r| format!("<w:hyperlink r:id=\"rIdA\">{r}</w:hyperlink>")),
            1 => run().prop_map(|r| format!("<w:hyperlink r:id=\"rIdB\">{r}</w:hyperlink>")),
            1 => run().prop_map(|r| format!("<w:smartTag>{r}</w:smartTag>")),
            1 => Just("<w:commentRangeStart w:id=\"0\"/>".to_string()),
        ]
    }

    fn paragraph() -> impl Strategy<Value = String> {
        let style = proptest::sample::select(
            &[
                "", "Title", "Subtitle", "Author", "Date", "Heading1", "Heading2", "Quote", "Body",
            ][..],
        );
        let num = proptest::option::of((0u8..3, 1u8..3));
        (style, num, proptest::collection::vec(inline(), 0..5)).prop_map(|(s, n, v)| {
            let style = if s.is_empty() {
                String::new()
            } else {
                format!("<w:pStyle w:val=\"{s}\"/>")
            };
            let num = n.map_or(String::new(), |(l, id)| {
                format!("<w:numPr><w:ilvl w:val=\"{l}\"/><w:numId w:val=\"{id}\"/></w:numPr>")
            });
            format!("<w:p><w:pPr>{style}{num}</w:pPr>{}</w:p>", v.concat())
        })
    }

    fn block() -> impl Strategy<Value = String> {
        let p = paragraph();
        p.prop_recursive(3, 24, 4, |inner| {
            prop_oneof![
                2 => inner.clone(),
                1 => inner.clone().prop_map(|b| format!("<w:ins w:id=\"3\">{b}</w:ins>")),
                1 => inner.clone().prop_map(|b| format!("<w:del w:id=\"4\">{b}</w:del>")),
                1 => inner.clone().prop_map(|b| format!("<w:sdt><w:sdtContent>{b}</w:sdtContent></w:sdt>")),
                1 => proptest::collection::vec(proptest::collection::vec(inner, 0..3), 1..3).prop_map(|rows| {
                    let rows: String = rows
                        .into_iter()
                        .map(|cells| {
                            let cells: String = cells.into_iter().map(|c| format!("<w:tc>{c}</w:tc>")).collect();
                            format!("<w:tr>{cells}</w:tr>")
                        })
                        .collect();
                    format!("<w:tbl>{rows}</w:tbl>")
                }),
            ]
        })
    }

    fn notes(tag: &str, ids: &[u8]) -> String {
        let notes: String = ids
            .iter()
            .map(|i| format!("<w:{tag} w:id=\"{i}\"><w:p><w:r><w:t>註 {i} 同前註。</w:t></w:r></w:p></w:{tag}>"))
            .collect();
        format!("<w:{tag}s {W}>{notes}</w:{tag}s>")
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

        #[test]
        fn any_wordprocessingml_is_read_loss_free(
            body in proptest::collection::vec(block(), 0..8),
            footnotes in proptest::collection::vec(1u8..6, 0..4),
        ) {
            let rels = r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdA" Target="https://a.org/x" TargetMode="External"/><Relationship Id="rIdB" Target="javascript:alert(1)" TargetMode="External"/></Relationships>"#;
            let bytes = package(&[
                ("word/document.xml", &document(&body.concat())),
                ("word/footnotes.xml", &notes("footnote", &footnotes)),
                ("word/endnotes.xml", &notes("endnote", &[1])),
                ("word/_rels/document.xml.rels", rels),
            ]);
            let d = parse_bytes("g.docx", &bytes);
            prop_assert!(!d.has_errors(), "{:?}", d.diagnostics);
            assert_loss_free(&d, &bytes);
            let mut ids = std::collections::HashSet::new();
            for b in &d.blocks {
                prop_assert!(ids.insert(b.id.clone()));
                for label in b.refs() {
                    prop_assert!(d.note(label).is_some());
                }
                for i in &b.inlines {
                    if let Inline::Link { href, .. } = i {
                        prop_assert!(href.starts_with("http"));
                    }
                }
            }
            let paragraphs = body.concat().matches("<w:p>").count() as u32;
            for x in &d.diagnostics {
                prop_assert!(x.line >= 1 && x.line <= paragraphs.max(1) + 10, "{}", x);
            }
        }
    }
}
