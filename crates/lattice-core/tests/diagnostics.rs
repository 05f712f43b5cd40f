//! Malformed and unusual sources: every problem is a diagnostic with file and
//! line, never a panic or a silent drop.

use lattice_core::*;

const WEB_HEAD: &str =
    "國際情勢\n\n標題\n瀏覽數\n3\n2025.01.02\n作者\n王小明\n\n標題\n\n關鍵字:甲、乙\n\n";

fn messages(d: &Document) -> Vec<String> {
    d.diagnostics.iter().map(ToString::to_string).collect()
}

#[test]
fn diagnostics_print_as_file_line_severity_message() {
    let d = parse(
        "corpus/x.txt",
        &format!("{WEB_HEAD}第一段。[1][2]\n\n[1] 來源。\n"),
    );
    assert_eq!(
        messages(&d),
        ["corpus/x.txt:14: warning: note [2] is cited but the source does not include its text"]
    );
}

#[test]
fn a_note_text_nothing_cites_is_a_warning() {
    let d = parse(
        "x.txt",
        &format!("{WEB_HEAD}第一段。[1]\n\n[1] 來源。\n[3] 多出來的註。\n"),
    );
    assert_eq!(
        messages(&d),
        ["x.txt:17: warning: note 3 has a text but nothing in the document cites it"]
    );
    // Kept, not dropped.
    assert!(d.note("3").unwrap().body.is_some());
}

#[test]
fn a_note_defined_twice_is_kept_twice_with_a_warning() {
    let d = parse(
        "x.txt",
        &format!("{WEB_HEAD}第一段。[1]\n\n[1] 甲。\n[1] 乙。\n"),
    );
    assert_eq!(d.notes.len(), 2);
    assert_eq!(d.notes[1].id, "n1-2");
    assert!(messages(&d)[0].contains("x.txt:17: warning: note 1 is defined again"));
}

#[test]
fn missing_header_fields_are_reported() {
    let d = parse("x.txt", "國際情勢\n標題\n瀏覽數\n3\n\n第一段。\n");
    let m = messages(&d);
    assert!(m.iter().any(|s| s.contains("no YYYY.MM.DD date")), "{m:?}");
    assert!(m.iter().any(|s| s.contains("no 作者")), "{m:?}");
    assert_eq!(d.meta.title, "標題");
}

#[test]
fn bad_view_count_is_reported_not_dropped() {
    let d = parse(
        "x.txt",
        "國際情勢\n標題\n瀏覽數\n很多\n2025.01.02\n作者\n王\n\n第一段。\n",
    );
    assert!(messages(&d)[0].contains("x.txt:4: warning: expected a view count after 瀏覽數"));
    assert_eq!(d.meta.views, None);
}

#[test]
fn unknown_lines_after_the_notes_join_the_last_note_with_a_warning() {
    let d = parse(
        "x.txt",
        &format!("{WEB_HEAD}第一段。[1]\n\n[1] 來源。\n續行。\n行動版選單開關\n"),
    );
    assert!(messages(&d)[0].contains("x.txt:17: warning: line after the notes"));
    assert_eq!(d.note("1").unwrap().plain_text().unwrap(), "來源。 續行。");
}

#[test]
fn unrecognised_and_empty_files_are_errors() {
    let d = parse("x.txt", "\n\njust some words\nand more\n");
    assert!(d.has_errors());
    assert!(messages(&d)[0].starts_with("x.txt:3: error: cannot tell the format"));
    let d = parse("y.txt", "  \n");
    assert_eq!(messages(&d), ["y.txt:1: error: the file is empty"]);
}

#[test]
fn invalid_utf8_is_an_error_with_its_line() {
    let path = std::env::temp_dir().join(format!("lattice-bad-{}.txt", std::process::id()));
    let mut bytes = WEB_HEAD.as_bytes().to_vec();
    bytes.extend_from_slice(b"\xff\xfe bad\n");
    std::fs::write(&path, &bytes).unwrap();
    let d = load_file(&path).unwrap();
    std::fs::remove_file(&path).unwrap();
    assert_eq!(d.diagnostics[0].severity, Severity::Error);
    assert_eq!(d.diagnostics[0].line, 14);
    assert!(d.diagnostics[0].message.contains("UTF-8"));
}

const BOOK: &str = "PART 2\n\n.....\n\n部標題\n\n- 第四章 甲論（張三）\n- 第五章 乙論（李四）\n\n壹、前言\n\n本文一段。¹\n\n* 李四為某研究院研究員。\n\n¹ Someone, *Book*, 2020.\n";

#[test]
fn the_chapter_is_chosen_by_its_author_note_not_its_position() {
    let d = parse("b.txt", BOOK);
    assert_eq!(d.meta.chapter, Some(1));
    assert_eq!(d.meta.title, "乙論");
    assert_eq!(d.meta.authors[0].name, "李四");
    assert!(d.diagnostics.is_empty(), "{:?}", d.diagnostics);
}

#[test]
fn a_chapter_without_a_matching_author_note_is_reported() {
    let d = parse("b.txt", &BOOK.replace("李四為", "王五為"));
    assert_eq!(d.meta.chapter, None);
    assert_eq!(d.meta.title, "部標題");
    assert!(messages(&d)[0].starts_with("b.txt:14: warning: the author note"));
}

#[test]
fn a_paragraph_cut_before_a_heading_is_reported() {
    let d = parse(
        "b.txt",
        &BOOK.replace("本文一段。¹", "本文一段¹\n\n貳、下一節"),
    );
    assert!(messages(&d)
        .iter()
        .any(|m| m.contains("b.txt:12: warning: paragraph ends mid-sentence")));
}

#[test]
fn a_plain_number_is_a_note_only_when_expected() {
    let src = BOOK.replace(
        "¹ Someone, *Book*, 2020.\n",
        "1 Someone, *Book*, 2020.\n\n2 月時，本段不是註。\n\n3 本段也不是註，因為沒有人引用第三註。\n",
    );
    let d = parse("b.txt", &src);
    assert_eq!(d.note("1").unwrap().marker.as_deref(), Some("1"));
    let paragraphs: Vec<String> = d.blocks.iter().skip(1).map(Block::plain_text).collect();
    assert_eq!(paragraphs.len(), 3, "{paragraphs:?}");
    assert!(paragraphs[1].starts_with("2 月時"));
    assert!(paragraphs[2].starts_with("3 本段"));
}
