//! Citations as a reader copies them: formatted at build time from the
//! fixtures in `tests/fixtures/` (Chinese and English, with and without
//! citation metadata — `minilateral-*.md` and `cite/`), in Chicago and APA,
//! and the BibTeX, RIS and CSL-JSON a reference manager imports, with the
//! link filled in as the app does, or left out.

use lattice_core::citation::{self, fill, link, pieces_text, CITE_LINK};
use lattice_core::{load_file, CitePiece, Document};
use std::path::PathBuf;

fn fixture(name: &str) -> Document {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    let mut doc = load_file(&path).expect("fixture loads");
    citation::attach(&mut doc);
    doc
}

const LINK: &str = "https://reader.example/#/doc/x/p3";

fn styled(doc: &Document) -> [String; 3] {
    let c = &doc.cite;
    [&c.chicago_note, &c.chicago_bibliography, &c.apa].map(|p| pieces_text(p, Some(LINK)))
}

#[test]
fn an_english_paper_without_metadata_cites_the_reader() {
    let [note, bib, apa] = styled(&fixture("minilateral-en.md"));
    assert_eq!(
        note,
        "Jane Doe and Kenji Sato, “Minilateral Coalitions and the Indo-Pacific Order,” \
         November 5, 2024, https://reader.example/#/doc/x/p3."
    );
    assert_eq!(
        bib,
        "Doe, Jane, and Kenji Sato. “Minilateral Coalitions and the Indo-Pacific Order.” \
         November 5, 2024. https://reader.example/#/doc/x/p3."
    );
    assert_eq!(
        apa,
        "Doe, J., & Sato, K. (2024, November 5). Minilateral Coalitions and the Indo-Pacific \
         Order. https://reader.example/#/doc/x/p3"
    );
    // APA italicises the title of a page; the link is its own piece.
    let apa = &fixture("minilateral-en.md").cite.apa;
    assert!(apa.contains(&CitePiece::Italic(
        "Minilateral Coalitions and the Indo-Pacific Order".into()
    )));
    assert_eq!(apa.last(), Some(&CitePiece::Link));
}

#[test]
fn an_english_chapter_cites_its_book_editors_publisher_and_doi() {
    let [note, bib, apa] = styled(&fixture("cite/chapter-en.md"));
    // Titles keep their own capitals (AUKUS, not Aukus) and characters.
    assert_eq!(
        note,
        "Jane Doe and Kenji Sato, “Hedging in the \"Grey Zone\": {Braces}, 50% & the AUKUS \
         Pillar II,” in Regional Security Outlook: Minilateralism, ed. Chen Ming and Lee Hua \
         (Example Press, 2023), https://doi.org/10.1234/rso.2023.3."
    );
    assert!(bib.contains("In Regional Security Outlook: Minilateralism, edited by Chen Ming and Lee Hua. Example Press, 2023."), "{bib}");
    assert_eq!(
        apa,
        "Doe, J., & Sato, K. (2023). Hedging in the \"Grey Zone\": {Braces}, 50% & the AUKUS \
         Pillar II. In C. Ming & L. Hua (Eds.), Regional Security Outlook: Minilateralism \
         (pp. 45–67). Example Press. https://doi.org/10.1234/rso.2023.3"
    );
}

#[test]
fn a_chinese_paper_without_metadata_reads_as_chinese_citations_do() {
    let [note, bib, apa] = styled(&fixture("cite/analysis-zh.md"));
    assert_eq!(
        note,
        "林柏州，〈美日印澳四方安全對話外長會議的意涵〉，2025年7月4日，https://reader.example/#/doc/x/p3。"
    );
    assert_eq!(
        bib,
        "林柏州。〈美日印澳四方安全對話外長會議的意涵〉。2025年7月4日。https://reader.example/#/doc/x/p3。"
    );
    assert_eq!(
        apa,
        "林柏州（2025年7月4日）。《美日印澳四方安全對話外長會議的意涵》。https://reader.example/#/doc/x/p3"
    );
}

#[test]
fn a_chinese_paper_with_metadata_gives_its_english_title_publisher_and_doi() {
    let [note, bib, apa] = styled(&fixture("minilateral-zh.md"));
    let title = "《印太小多邊合作的制度化：四方安全對話與澳英美三方安全夥伴》\
                 [Institutionalising Indo-Pacific Minilateralism: The Quad and AUKUS]";
    assert_eq!(
        note,
        format!("林怡君及陳志明，{title}（國防安全研究院，2025），1–12，https://doi.org/10.1234/indsr.2025.0318。")
    );
    assert_eq!(
        bib,
        format!("林怡君、陳志明。{title}。國防安全研究院，2025。https://doi.org/10.1234/indsr.2025.0318。")
    );
    assert_eq!(
        apa,
        format!("林怡君、陳志明（2025）。{title}（頁 1–12）。國防安全研究院。https://doi.org/10.1234/indsr.2025.0318")
    );
}

#[test]
fn bibtex_carries_every_field_escaped() {
    let doc = fixture("cite/chapter-en.md");
    let bib = fill(&doc.cite.bibtex, Some(LINK));
    assert_eq!(
        bib,
        "@incollection{chapter-en,\n  \
         author = {{Doe}, Jane and {Sato}, Kenji},\n  \
         title = {{Hedging in the \"Grey Zone\": \\{Braces\\}, 50\\% \\& the AUKUS Pillar II}},\n  \
         booktitle = {{Regional Security Outlook: Minilateralism}},\n  \
         editor = {{Ming}, Chen and {Hua}, Lee},\n  \
         publisher = {Example Press},\n  \
         address = {Canberra},\n  \
         year = {2023},\n  \
         month = {6},\n  \
         date = {2023-06-01},\n  \
         pages = {45--67},\n  \
         doi = {10.1234/rso.2023.3},\n  \
         url = {https://reader.example/#/doc/x/p3},\n  \
         note = {Source: \\url{https://example.org/rso/chapter-3}},\n  \
         langid = {english}\n}\n"
    );
    // Braces balance once escapes are set aside, whatever the title held.
    let depth = bib
        .replace("\\{", "")
        .replace("\\}", "")
        .chars()
        .try_fold(0i32, |d, c| {
            let d = d + i32::from(c == '{') - i32::from(c == '}');
            (d >= 0).then_some(d)
        });
    assert_eq!(depth, Some(0));
    // Chinese names stay whole, the English title rides along.
    let zh = fixture("minilateral-zh.md").cite.bibtex;
    assert!(
        zh.starts_with("@report{minilateral-zh,\n  author = {{林怡君} and {陳志明}},\n"),
        "{zh}"
    );
    assert!(zh.contains(
        "  titleaddon = {{Institutionalising Indo-Pacific Minilateralism: The Quad and AUKUS}},\n"
    ));
    assert!(zh.contains("  institution = {國防安全研究院},\n  address = {臺北},\n"));
    assert!(zh.contains("  langid = {chinese}\n"));
}

#[test]
fn ris_is_one_line_per_field_and_ends_its_record() {
    let doc = fixture("minilateral-zh.md");
    let ris = fill(&doc.cite.ris, Some(LINK));
    let lines: Vec<&str> = ris.split("\r\n").collect();
    assert_eq!(lines.first(), Some(&"TY  - RPRT"));
    assert_eq!(lines[lines.len() - 2..], ["ER  - ", ""]);
    for want in [
        "AU  - 林怡君",
        "AU  - 陳志明",
        "TI  - 印太小多邊合作的制度化：四方安全對話與澳英美三方安全夥伴",
        "TT  - Institutionalising Indo-Pacific Minilateralism: The Quad and AUKUS",
        "PB  - 國防安全研究院",
        "CY  - 臺北",
        "PY  - 2025",
        "DA  - 2025/03/18/",
        "SP  - 1",
        "EP  - 12",
        "DO  - 10.1234/indsr.2025.0318",
        "UR  - https://reader.example/#/doc/x/p3",
        "N1  - Source: https://www.example.org/papers/minilateral-2025",
        "LA  - zh",
    ] {
        assert!(lines.contains(&want), "{want} in\n{ris}");
    }
    assert!(lines
        .iter()
        .all(|l| l.is_empty() || l.as_bytes()[2..6] == *b"  - "));
}

#[test]
fn csl_json_reads_back_as_the_work() {
    for name in [
        "minilateral-zh.md",
        "minilateral-en.md",
        "cite/chapter-en.md",
        "cite/analysis-zh.md",
    ] {
        let doc = fixture(name);
        for link in [Some(LINK), None] {
            let json = fill(&doc.cite.csl_json, link);
            let v: serde_json::Value =
                serde_json::from_str(&json).unwrap_or_else(|e| panic!("{name}: {e}\n{json}"));
            let item = &v[0];
            assert_eq!(item["id"], doc.id);
            assert_eq!(item["title"], doc.meta.title);
            assert_eq!(item["URL"].as_str(), link);
        }
    }
    let v: serde_json::Value =
        serde_json::from_str(&fixture("cite/chapter-en.md").cite.csl_json).unwrap();
    let item = &v[0];
    assert_eq!(item["type"], "chapter");
    assert_eq!(
        item["title"],
        "Hedging in the \"Grey Zone\": {Braces}, 50% & the AUKUS Pillar II"
    );
    assert_eq!(item["author"][0]["family"], "Doe");
    assert_eq!(item["editor"][1]["given"], "Lee");
    assert_eq!(
        item["container-title"],
        "Regional Security Outlook: Minilateralism"
    );
    assert_eq!(
        item["issued"]["date-parts"][0],
        serde_json::json!([2023, 6, 1])
    );
    assert_eq!(item["page"], "45-67");
    assert_eq!(item["DOI"], "10.1234/rso.2023.3");
    let zh: serde_json::Value =
        serde_json::from_str(&fixture("cite/analysis-zh.md").cite.csl_json).unwrap();
    assert_eq!(zh[0]["author"][0]["literal"], "林柏州");
    assert_eq!(zh[0]["language"], "zh-Hant");
}

#[test]
fn without_a_link_the_records_stay_well_formed() {
    let doc = fixture("minilateral-en.md");
    let bib = fill(&doc.cite.bibtex, None);
    assert!(!bib.contains("url") && !bib.contains(CITE_LINK));
    assert!(bib.ends_with("  langid = {english}\n}\n"));
    let ris = fill(&doc.cite.ris, None);
    assert!(!ris.contains("UR  -") && ris.ends_with("ER  - \r\n"));
    assert_eq!(
        pieces_text(&doc.cite.chicago_note, None),
        "Jane Doe and Kenji Sato, “Minilateral Coalitions and the Indo-Pacific Order,” November 5, 2024."
    );
}

#[test]
fn a_hostile_address_cannot_break_out_of_a_field() {
    let doc = fixture("minilateral-en.md");
    let href = "https://x.org/#/doc/a\"},\n  note = {pwned}\\\r\nER  - \u{2028}";
    let safe = link(href).unwrap();
    let bib = fill(&doc.cite.bibtex, Some(&safe));
    assert_eq!(
        bib.lines().count(),
        fill(&doc.cite.bibtex, Some(LINK)).lines().count()
    );
    assert!(!bib.contains("note = {pwned}"));
    let ris = fill(&doc.cite.ris, Some(&safe));
    assert_eq!(ris.matches("ER  -").count(), 1);
    let json = fill(&doc.cite.csl_json, Some(&safe));
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v[0]["URL"], safe);
    assert_eq!(link("javascript:alert(1)//https://x"), None);
}

#[test]
fn every_corpus_document_gets_citations() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
    let bundle = lattice_core::bundle::build(&dir).unwrap();
    assert!(!bundle.documents.is_empty());
    for doc in &bundle.documents {
        let c = &doc.cite;
        assert!(!c.is_empty(), "{}", doc.id);
        for pieces in [&c.chicago_note, &c.chicago_bibliography, &c.apa] {
            let text = pieces_text(pieces, Some(LINK));
            assert!(text.contains(&doc.meta.title), "{}: {text}", doc.id);
            for a in &doc.meta.authors {
                assert!(text.contains(&a.name), "{}: {text}", doc.id);
            }
            assert!(text.contains(LINK), "{}: {text}", doc.id);
        }
        assert!(c.bibtex.contains(CITE_LINK) && c.ris.contains(CITE_LINK));
    }
}
