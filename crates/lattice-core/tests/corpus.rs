//! The parser against the real corpus files: what a reader will see of each
//! document, checked fact by fact, and the loss-free guarantee.

use lattice_core::*;
use std::collections::BTreeMap;
use std::path::PathBuf;

fn corpus_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../corpus")
}

fn load(name: &str) -> (Document, String) {
    let path = corpus_dir().join(name);
    let text = std::fs::read_to_string(&path).unwrap();
    (load_file(&path).unwrap(), text)
}

fn web() -> (Document, String) {
    load("quad-foreign-ministers-2025.txt")
}

fn book() -> (Document, String) {
    load("indo-pacific-minilateralism.txt")
}

/// Non-whitespace characters with their counts.
fn char_counts<'a>(pieces: impl IntoIterator<Item = &'a str>) -> BTreeMap<char, usize> {
    let mut m = BTreeMap::new();
    for p in pieces {
        for c in p.chars().filter(|c| !c.is_whitespace() && *c != '\u{feff}') {
            *m.entry(c).or_insert(0) += 1;
        }
    }
    m
}

/// Every character of the source lands in the model exactly once.
fn assert_loss_free(doc: &Document, source: &str) {
    let model = doc.accounted_text();
    let have = char_counts(model.iter().map(String::as_str));
    let want = char_counts([source]);
    let missing: Vec<_> = want
        .iter()
        .filter(|(c, n)| have.get(c).copied().unwrap_or(0) < **n)
        .collect();
    let extra: Vec<_> = have
        .iter()
        .filter(|(c, n)| want.get(c).copied().unwrap_or(0) < **n)
        .collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "{}: lost {missing:?}, duplicated {extra:?}",
        doc.source
    );
}

/// Without whitespace (which the model does not keep where it separates).
fn compact(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{feff}')
        .collect()
}

/// Every piece of the model sits, with its text in order, where the source
/// has it: a block's text runs, unbroken, through the source lines it names
/// (a paragraph rejoined across a page break spans two runs of lines), a
/// note's marker and text on its line and the lines after it, a skipped
/// piece on its line, and the metadata in the header before the first
/// block. With [`assert_loss_free`] (each character once), text moved,
/// swapped or reordered fails, not only text lost.
fn assert_in_place(doc: &Document, source: &str) {
    let lines: Vec<String> = source.lines().map(compact).collect();
    let line = |n: u32| lines.get(n as usize - 1).map_or("", String::as_str);
    for b in &doc.blocks {
        let text = compact(&inline::source_text(&b.inlines));
        let span: String = b.lines.iter().map(|&n| line(n)).collect();
        assert!(
            span.contains(&text),
            "{}:{:?}: block {} is not its lines' text in order",
            doc.source,
            b.lines,
            b.id
        );
    }
    for n in doc.notes.iter().filter(|n| n.body.is_some()) {
        let text = compact(&format!(
            "{}{}",
            n.marker.as_deref().unwrap_or(""),
            inline::source_text(n.body.as_deref().unwrap())
        ));
        let from: String = (n.line..n.line + 4).map(line).collect();
        assert!(
            from.contains(&text),
            "{}:{}: note {} is not on its line in order",
            doc.source,
            n.line,
            n.label
        );
    }
    for k in &doc.skipped {
        assert!(
            line(k.line).contains(&compact(&k.text)),
            "{}:{}: skipped {:?} is not on its line",
            doc.source,
            k.line,
            k.text
        );
    }
    let first_block = doc
        .blocks
        .iter()
        .filter_map(|b| b.lines.first())
        .min()
        .copied()
        .unwrap_or(1);
    let header: String = (1..first_block).map(line).collect();
    let m = &doc.meta;
    for value in m
        .category
        .iter()
        .chain(m.authors.iter().filter_map(|a| a.affiliation.as_ref()))
        .chain(&m.keywords)
        .chain(m.disclaimer.iter())
        .chain(m.contents.iter().map(|c| &c.title))
    {
        assert!(
            header.contains(&compact(value)),
            "{}: {value:?} is not in the header",
            doc.source
        );
    }
}

#[test]
fn every_corpus_file_is_parsed_loss_free() {
    let docs = load_dir(&corpus_dir()).unwrap();
    assert!(docs.len() >= 2);
    for doc in &docs {
        let source = std::fs::read_to_string(&doc.source).unwrap();
        assert_loss_free(doc, &source);
        assert_in_place(doc, &source);
        assert!(!doc.has_errors(), "{:?}", doc.diagnostics);
    }
}

/// The in-order check catches what counting cannot: the same characters in
/// another order.
#[test]
fn reordered_text_is_caught() {
    let (mut d, source) = web();
    assert_loss_free(&d, &source);
    assert_in_place(&d, &source);
    let b = d
        .blocks
        .iter_mut()
        .find(|b| b.kind == BlockKind::Paragraph)
        .unwrap();
    let Some(Inline::Text(t)) = b
        .inlines
        .iter_mut()
        .find(|i| matches!(i, Inline::Text(t) if t.chars().count() > 10))
    else {
        panic!("a paragraph with text");
    };
    let mut chars: Vec<char> = t.chars().collect();
    let other = chars.iter().position(|&c| c != chars[0]).unwrap();
    chars.swap(0, other);
    *t = chars.into_iter().collect();
    assert_loss_free(&d, &source);
    let caught = std::panic::catch_unwind(|| assert_in_place(&d, &source));
    assert!(caught.is_err(), "a swap inside a paragraph went unnoticed");
}

#[test]
fn web_analysis_metadata() {
    let (d, _) = web();
    let m = &d.meta;
    assert_eq!(m.kind, Kind::WebAnalysis);
    assert_eq!(m.title, "川普2.0四方外長二次會的合作進展與意涵");
    assert_eq!(m.category.as_deref(), Some("國際情勢"));
    assert_eq!(m.views, Some(454));
    assert_eq!(m.date.as_ref().unwrap().to_string(), "2025-07-04");
    assert_eq!(m.authors.len(), 1);
    assert_eq!(m.authors[0].name, "林柏州");
    assert_eq!(
        m.authors[0].affiliation.as_deref(),
        Some("中共政軍與作戰概念研究所 林柏州 助理研究員")
    );
    assert_eq!(m.keywords, ["印太安全", "川普", "美中競爭"]);
    assert!(m
        .disclaimer
        .as_deref()
        .unwrap()
        .starts_with("本評析內容及建議"));
}

#[test]
fn web_analysis_names_what_it_set_aside() {
    let (d, _) = web();
    let of = |r: SkipReason| -> Vec<&str> {
        d.skipped
            .iter()
            .filter(|s| s.reason == r)
            .map(|s| s.text.as_str())
            .collect()
    };
    assert_eq!(of(SkipReason::Label), ["瀏覽數", "作者", "關鍵字:"]);
    assert_eq!(of(SkipReason::Debris), ["行動版選單開關"]);
    assert_eq!(of(SkipReason::RepeatedTitle), [d.meta.title.as_str()]);
    assert!(d.blocks.iter().all(|b| !b.plain_text().contains("行動版")));
}

#[test]
fn web_analysis_body_and_headings() {
    let (d, _) = web();
    let headings: Vec<String> = d
        .blocks
        .iter()
        .filter(|b| b.heading_level() == Some(1))
        .map(Block::plain_text)
        .collect();
    assert_eq!(
        headings,
        [
            "安全議題視角擴及整個印太安全",
            "作為印太領導海洋國家以推展海上安全合作",
            "關鍵礦產與供應鏈多元化與可靠性",
            "美國持續深化印太合作的重要性"
        ]
    );
    let paragraphs = d.blocks.len() - headings.len();
    assert_eq!(paragraphs, 10);
    assert_eq!(d.sections.len(), 4);
    // Half-width punctuation is the source's own and is kept.
    let first = d.blocks[0].plain_text();
    assert!(first.starts_with("川普上任後,國務卿魯比歐(Marco Rubio)"));
    // [MAITRI] and COMPACT[…] are text, not markers.
    let all: String = d.blocks.iter().map(Block::plain_text).collect();
    assert!(all.contains("[MAITRI] workshop"));
    assert!(all.contains("COMPACT[Catalyzing"));
    assert!(!all.contains("[1]"));
}

#[test]
fn web_analysis_notes_present_and_absent() {
    let (d, _) = web();
    let labels: Vec<&str> = d.notes.iter().map(|n| n.label.as_str()).collect();
    assert_eq!(
        labels,
        ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11"]
    );
    let with_text: Vec<&str> = d
        .notes
        .iter()
        .filter(|n| n.body.is_some())
        .map(|n| n.label.as_str())
        .collect();
    assert_eq!(with_text, ["1", "7"]);
    assert!(d.notes.iter().all(|n| n.cited_by.len() == 1));
    let absent_warnings = d
        .diagnostics
        .iter()
        .filter(|x| {
            x.severity == Severity::Warning && x.message.contains("does not include its text")
        })
        .count();
    assert_eq!(absent_warnings, 9);
    // Note 7 holds two links, split at the `;` that separates its sources.
    let links: Vec<&str> = d
        .note("7")
        .unwrap()
        .body
        .as_ref()
        .unwrap()
        .iter()
        .filter_map(|i| match i {
            Inline::Link { href, .. } => Some(href.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(
        links,
        [
            "http://finance.people.com.cn/BIG5/n1/2025/0513/c1004-40478324.html",
            "https://www.nytimes.com/2025/06/09/business/china-rare-earth-samarium-fighter-jets.html"
        ]
    );
    // The diagnostic points at the line citing the absent note.
    let d2 = d
        .diagnostics
        .iter()
        .find(|x| x.message.contains("[2]"))
        .unwrap();
    assert_eq!(d2.line, 31);
}

#[test]
fn book_chapter_metadata_from_author_note() {
    let (d, _) = book();
    let m = &d.meta;
    assert_eq!(m.kind, Kind::BookChapter);
    assert_eq!(m.title, "印太地區小多邊主義的現況與前景");
    assert_eq!(m.part.as_ref().unwrap().label, "PART 1");
    assert_eq!(
        m.part.as_ref().unwrap().title.as_deref(),
        Some("印太總體態勢")
    );
    assert_eq!(m.contents.len(), 3);
    assert_eq!(m.contents[2].author.as_deref(), Some("曾敏禎"));
    assert_eq!(m.chapter, Some(0));
    assert_eq!(m.authors.len(), 1);
    assert_eq!(m.authors[0].name, "李俊毅");
    let note = d.note(m.authors[0].note.as_deref().unwrap()).unwrap();
    assert!(note
        .plain_text()
        .unwrap()
        .starts_with("李俊毅為財團法人國防安全研究院"));
    assert!(m.date.is_none());
    assert!(d.diagnostics.is_empty(), "{:?}", d.diagnostics);
}

#[test]
fn book_chapter_sections() {
    let (d, _) = book();
    let outline: Vec<(u8, String)> = d
        .blocks
        .iter()
        .filter_map(|b| b.heading_level().map(|l| (l, b.plain_text())))
        .collect();
    let levels: Vec<u8> = outline.iter().map(|(l, _)| *l).collect();
    assert_eq!(levels, [1, 1, 1, 2, 2, 2, 1, 2, 2, 1]);
    assert_eq!(outline[3].1, "一、「四方安全對話」(Quad)");
    assert_eq!(d.root_sections().count(), 5);
    let third = d.root_sections().nth(2).unwrap().1;
    assert_eq!(third.children.len(), 3);
    // Every paragraph belongs to a section; the `一、` sections nest under `參、`.
    assert!(d.blocks.iter().all(|b| b.section.is_some()));
    assert_eq!(d.sections[third.children[0]].parent, Some(2));
}

#[test]
fn book_chapter_rejoins_paragraphs_across_page_breaks() {
    let (d, _) = book();
    let paragraphs: Vec<&Block> = d
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Paragraph)
        .collect();
    assert_eq!(paragraphs.len(), 34);
    let text = |needle: &str| {
        paragraphs
            .iter()
            .find(|b| b.plain_text().contains(needle))
            .unwrap_or_else(|| panic!("no paragraph contains {needle}"))
    };
    // Mid-word breaks, rejoined into one paragraph with its lines recorded.
    assert_eq!(text("強化友盟關係的策略").lines, [17, 25]);
    assert_eq!(text("舉凡區域性的組織如亞太經濟合作會議").lines, [31, 41]);
    assert_eq!(text("才應被稱為具戰略性質。首先，其目的").lines, [65, 73]);
    assert_eq!(text("自 8 月 27 日起再針對印度").lines, [111, 121]);
    assert_eq!(text("且有多種態樣").lines, [225, 235]);
    // A page break with no notes in between.
    assert_eq!(text("在相當程度上仍取決於").lines, [239, 241]);
    // Every page break that cut a sentence was mended.
    let cut = paragraphs
        .iter()
        .filter(|b| !b.plain_text().trim_end().ends_with('。'))
        .count();
    assert_eq!(cut, 0);
    // Paragraphs that begin with a year are body text, not notes.
    assert!(paragraphs.iter().any(|b| b
        .plain_text()
        .starts_with("2025 年 1 月 21 日第二任川普政府")));
    assert!(paragraphs
        .iter()
        .any(|b| b.plain_text().starts_with("2024 年 4 月，美、日、菲領袖")));
}

#[test]
fn book_chapter_notes() {
    let (d, _) = book();
    let numbered: Vec<&Note> = d.notes.iter().filter(|n| n.label != "*").collect();
    assert_eq!(numbered.len(), 62);
    for (i, n) in numbered.iter().enumerate() {
        assert_eq!(n.label, (i + 1).to_string());
        assert!(n.body.is_some(), "note {} has no text", n.label);
        assert_eq!(
            n.cited_by.len(),
            1,
            "note {} cited {:?}",
            n.label,
            n.cited_by
        );
    }
    assert_eq!(d.notes[0].label, "*");
    // Plain and superscript numbering.
    assert_eq!(d.note("7").unwrap().marker.as_deref(), Some("7"));
    assert_eq!(d.note("13").unwrap().marker.as_deref(), Some("¹³"));
    assert!(d
        .note("7")
        .unwrap()
        .plain_text()
        .unwrap()
        .starts_with("Vinod K. Aggarwal"));
    assert!(d
        .note("46")
        .unwrap()
        .plain_text()
        .unwrap()
        .starts_with("美日韓三邊關係的文件"));
    // Italics and links.
    let n1 = d.note("1").unwrap().body.as_ref().unwrap();
    assert!(n1.contains(&Inline::Emphasis(
        "Australian Journal of International Affairs".into()
    )));
    assert!(n1.contains(&Inline::Link {
        href: "https://doi.org/10.1080/10357718.2024.2410411".into(),
        angle: true
    }));
    // Cross-references.
    let see: Vec<(&str, &str)> = d
        .notes
        .iter()
        .filter_map(|n| n.see.as_deref().map(|s| (n.label.as_str(), s)))
        .collect();
    assert_eq!(
        see,
        [
            ("10", "8"),
            ("11", "10"),
            ("17", "8"),
            ("18", "16"),
            ("34", "31"),
            ("40", "4"),
            ("42", "39"),
            ("51", "47")
        ]
    );
    // Markers run into the next word without a space and are still markers.
    let p = d
        .blocks
        .iter()
        .find(|b| b.plain_text().contains("最近一次的TDMM"))
        .unwrap();
    assert!(p.refs().contains(&"43"));
    assert!(!p.plain_text().contains('⁴'));
}

#[test]
fn bundle_round_trips_the_real_corpus() {
    let docs = load_dir(&corpus_dir()).unwrap();
    let bundle = Bundle::new(docs);
    let bytes = bundle.encode().unwrap();
    assert_eq!(Bundle::decode(&bytes).unwrap(), bundle);
    let ids: Vec<&str> = bundle.documents.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(
        ids,
        ["indo-pacific-minilateralism", "quad-foreign-ministers-2025"]
    );
}

#[test]
fn a_dropped_in_file_is_a_new_document() {
    let dir = std::env::temp_dir().join(format!("lattice-drop-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for f in std::fs::read_dir(corpus_dir()).unwrap() {
        let f = f.unwrap().path();
        std::fs::copy(&f, dir.join(f.file_name().unwrap())).unwrap();
    }
    std::fs::write(
        dir.join("new-analysis.txt"),
        "國際情勢\n\n新標題\n瀏覽數\n12\n2025.08.01\n作者\n王小明\n\n新標題\n\n\
         關鍵字:AUKUS\n\n第一段內容。[1]\n\n[1] Source, 2025.\n",
    )
    .unwrap();
    std::fs::write(dir.join("notes.html"), "not a corpus file").unwrap();
    let docs = load_dir(&dir).unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(docs.len(), 3);
    let new = docs.iter().find(|d| d.id == "new-analysis").unwrap();
    assert_eq!(new.meta.title, "新標題");
    assert_eq!(new.meta.views, Some(12));
    assert!(new.diagnostics.is_empty(), "{:?}", new.diagnostics);
}
