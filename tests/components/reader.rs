//! Component tests in headless Chromium: the app mounted into a real DOM, with
//! the embedded corpus and with a hand-made document that tries to smuggle
//! HTML in, checked the way a reader would see it.

use lattice_app::components::meta::kind_name;
use lattice_app::components::notes::missing_note_text;
use lattice_app::corpus::Corpus;
use lattice_app::i18n::Lang;
use lattice_app::route::Route;
use lattice_core::catalogue::PER_PAGE;
use lattice_core::inline::Inline;
use lattice_core::{Block, BlockKind, Bundle, Document, Note};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

use crate::common::*;

/// The web analysis in corpus/; its title is what the source prints.
const QUAD_TITLE: &str = "川普2.0四方外長二次會的合作進展與意涵";

fn select(root: &Element, selector: &str) -> Option<Element> {
    root.query_selector(selector).unwrap()
}

fn text(root: &Element, selector: &str) -> String {
    select(root, selector)
        .unwrap_or_else(|| panic!("no element matches {selector}"))
        .text_content()
        .unwrap_or_default()
}

fn count(root: &Element, selector: &str) -> u32 {
    root.query_selector_all(selector).unwrap().length()
}

#[wasm_bindgen_test]
async fn library_lists_the_first_catalogue_page_of_the_embedded_corpus() {
    // What the library should show comes from the bundle the app was built
    // with, whatever corpus that is: its first catalogue page, in order.
    let corpus = Corpus::embedded().expect("the embedded bundle decodes");
    let entries = corpus
        .page(0)
        .expect("the first library page is in the head")
        .to_vec();
    assert!(!entries.is_empty(), "the app was built with documents");
    assert_eq!(entries.len(), corpus.total().min(PER_PAGE));
    let (root, handle) = mount(corpus.clone(), "#/").await;

    assert_eq!(text(&root, "h1"), "書庫");
    let cards = root.query_selector_all(".document-list > li").unwrap();
    assert_eq!(cards.length() as usize, entries.len());
    for (i, entry) in entries.iter().enumerate() {
        let card: Element = cards.item(i as u32).unwrap().dyn_into().unwrap();
        let link = select(&card, &format!("a[href='#/doc/{}']", entry.id))
            .unwrap_or_else(|| panic!("card {i} links to {}", entry.id));
        assert_eq!(link.text_content().unwrap(), entry.title);
        assert_eq!(text(&card, ".kind"), kind_name(entry.kind, Lang::Zh));
        match &entry.date {
            Some(date) => {
                let time = select(&card, "time").expect("a dated entry shows its date");
                assert_eq!(time.get_attribute("datetime"), Some(date.to_string()));
                assert_eq!(
                    time.text_content().unwrap(),
                    format!("{}年{}月{}日", date.year, date.month, date.day)
                );
            }
            None => assert!(select(&card, "time").is_none()),
        }
    }
    let lede = text(&root, ".page-lede");
    assert!(
        lede.contains(&format!("共 {} 篇", corpus.total())),
        "{lede}"
    );
    unmount(root, handle);
}

#[wasm_bindgen_test]
async fn following_a_library_link_opens_the_document() {
    let corpus = Corpus::embedded().unwrap();
    let quad = corpus
        .documents()
        .iter()
        .find(|d| d.meta.title == QUAD_TITLE)
        .expect("the web analysis is bundled")
        .clone();
    let (root, handle) = mount(corpus, "#/").await;

    let link: HtmlElement = select(&root, &format!("a[href='#/doc/{}']", quad.id))
        .unwrap()
        .dyn_into()
        .unwrap();
    link.click();
    wait_until("the document page shows", || {
        select(&root, "h1.doc-title").is_some()
    })
    .await;

    assert_eq!(text(&root, "h1.doc-title"), QUAD_TITLE);
    let paragraphs = count(&root, ".doc-body p");
    assert!(paragraphs >= 5, "only {paragraphs} paragraphs rendered");
    assert_eq!(
        gloo::utils::document().title(),
        format!("{QUAD_TITLE} · Lattice 印太安全研究讀本")
    );
    unmount(root, handle);
}

#[wasm_bindgen_test]
async fn deep_link_marks_its_target() {
    let corpus = Corpus::embedded().unwrap();
    let doc = corpus.documents()[0].clone();
    let block = &doc.blocks[doc.blocks.len() / 2];
    let (root, handle) = mount(corpus, &format!("#/doc/{}/{}", doc.id, block.id)).await;

    let target = select(&root, ".is-target").expect("the anchored block is marked");
    assert_eq!(target.id(), block.id);
    assert_eq!(count(&root, ".is-target"), 1);
    unmount(root, handle);
}

#[wasm_bindgen_test]
async fn unknown_routes_and_ids_show_not_found() {
    let corpus = Corpus::embedded().unwrap();

    let (root, handle) = mount(corpus.clone(), "#/no/such/page").await;
    assert_eq!(text(&root, "h1"), "找不到頁面");
    assert_eq!(
        select(&root, ".not-found a")
            .unwrap()
            .get_attribute("href")
            .unwrap(),
        "#/"
    );
    unmount(root, handle);

    let (root, handle) = mount(corpus, "#/doc/no-such-document").await;
    assert_eq!(text(&root, "h1"), "找不到頁面");
    assert!(text(&root, ".not-found").contains("no-such-document"));
    unmount(root, handle);
}

/// A document whose text looks like markup, with every inline kind.
fn hostile_document(template: &Document) -> Document {
    let text = |s: &str| Inline::Text(s.to_string());
    let mut doc = template.clone();
    doc.id = "test-doc".into();
    doc.meta.title = "<b>不是粗體</b>".into();
    doc.blocks = vec![
        Block {
            id: "h1".into(),
            kind: BlockKind::Heading { level: 1 },
            inlines: vec![text("壹、<i>前言</i>")],
            lines: vec![1],
            section: None,
            within: Vec::new(),
        },
        Block {
            id: "p1".into(),
            kind: BlockKind::Paragraph,
            inlines: vec![
                text("原文寫著 <script>alert('x')</script> 與 <img src=x onerror=alert(1)>。"),
                Inline::NoteRef {
                    label: "1".into(),
                    marker: "[1]".into(),
                },
                text("參見"),
                Inline::Emphasis("Foreign Policy".into()),
                text("，"),
                Inline::Link {
                    href: "https://example.org/a?b=<c>".into(),
                    angle: true,
                },
                text("，以及"),
                Inline::Link {
                    href: "javascript:alert(1)".into(),
                    angle: false,
                },
                Inline::NoteRef {
                    label: "2".into(),
                    marker: "[2]".into(),
                },
            ],
            lines: vec![2],
            section: None,
            within: Vec::new(),
        },
    ];
    let note = |label: &str, body: Option<Vec<Inline>>| Note {
        label: label.into(),
        id: format!("n{label}"),
        marker: Some(format!("[{label}]")),
        body,
        line: 3,
        cited_by: vec!["p1".into()],
        see: None,
    };
    doc.notes = vec![
        note("1", None),
        note("2", Some(vec![text("註二 <em>不是強調</em>")])),
    ];
    doc
}

#[wasm_bindgen_test]
async fn document_page_renders_corpus_text_as_text_never_html() {
    let embedded = Corpus::embedded().unwrap();
    let doc = hostile_document(&embedded.documents()[0]);
    let corpus = Corpus::from(Bundle::new(vec![doc]));
    let (root, handle) = mount(corpus, "#/doc/test-doc").await;

    // Markup in the corpus stays visible text; no element is made from it.
    assert_eq!(count(&root, "script, img, b, i"), 0);
    assert_eq!(text(&root, "h1.doc-title"), "<b>不是粗體</b>");
    assert_eq!(text(&root, "h2#h1"), "壹、<i>前言</i>");
    let para = text(&root, "p#p1");
    assert!(para.contains("<script>alert('x')</script>"), "{para}");
    assert!(para.contains("<img src=x onerror=alert(1)>"), "{para}");

    // Emphasis is <em>; an http(s) link opens apart; any other scheme is text.
    assert_eq!(text(&root, "p#p1 em"), "Foreign Policy");
    let links = root.query_selector_all("p#p1 a.link").unwrap();
    assert_eq!(links.length(), 1);
    let link: Element = links.item(0).unwrap().dyn_into().unwrap();
    assert_eq!(
        link.get_attribute("href").unwrap(),
        "https://example.org/a?b=<c>"
    );
    assert_eq!(link.get_attribute("rel").unwrap(), "noopener noreferrer");
    assert_eq!(link.get_attribute("target").unwrap(), "_blank");
    assert!(para.contains("javascript:alert(1)"), "{para}");
    assert_eq!(count(&root, "a[href^='javascript']"), 0);

    // Note references lead to their notes; a missing note says so plainly.
    let refs = root.query_selector_all("p#p1 sup.noteref a").unwrap();
    assert_eq!(refs.length(), 2);
    let first: Element = refs.item(0).unwrap().dyn_into().unwrap();
    assert_eq!(first.get_attribute("href").unwrap(), "#/doc/test-doc/n1");
    assert_eq!(first.text_content().unwrap(), "1");
    assert!(text(&root, "li#n1").contains(missing_note_text(Lang::Zh)));
    assert!(text(&root, "li#n2").contains("註二 <em>不是強調</em>"));
    assert_eq!(count(&root, "li#n2 em"), 0);
    assert_eq!(
        select(&root, "li#n2 a.backref")
            .unwrap()
            .get_attribute("href")
            .unwrap(),
        "#/doc/test-doc/ref-2-1"
    );
    assert_eq!(
        select(&root, "p#p1 a#ref-2-1")
            .expect("every citing marker has an id the back-link leads to")
            .get_attribute("href")
            .unwrap(),
        "#/doc/test-doc/n2"
    );
    unmount(root, handle);
}

#[wasm_bindgen_test]
fn hashes_map_to_routes_and_back() {
    let doc = |id: &str, anchor: Option<&str>| Route::Document {
        id: id.into(),
        anchor: anchor.map(Into::into),
    };
    let cases = [
        ("", Route::Library),
        ("#", Route::Library),
        ("#/", Route::Library),
        ("#/doc/quad-2025", doc("quad-2025", None)),
        ("#/doc/quad-2025/", doc("quad-2025", None)),
        ("#/doc/quad-2025/p12", doc("quad-2025", Some("p12"))),
        (
            "#/doc/quad-2025/n-author",
            doc("quad-2025", Some("n-author")),
        ),
        ("#/doc/", Route::NotFound),
        ("#/doc/a/b/c", Route::NotFound),
        ("#/doc/<script>", Route::NotFound),
        ("#/elsewhere", Route::NotFound),
        ("#doc/x", Route::NotFound),
        ("#/library/1", Route::Library),
        ("#/library/2", Route::LibraryPage(2)),
        ("#/library/0", Route::NotFound),
        ("#/library/+2", Route::NotFound),
        ("#/library/99999999999", Route::NotFound),
        ("#/library/x", Route::NotFound),
    ];
    for (hash, route) in cases {
        assert_eq!(Route::from_hash(hash), route, "{hash:?}");
    }
    for route in [
        Route::Library,
        Route::LibraryPage(7),
        doc("x", None),
        doc("x", Some("p3")),
    ] {
        assert_eq!(Route::from_hash(&route.href()), route);
    }
}

/// A corpus of `n` copies of the embedded documents (ids `…-copyN`).
fn scaled(n: usize) -> (Corpus, Vec<Document>) {
    let embedded = Corpus::embedded().unwrap();
    let originals: Vec<Document> = embedded
        .documents()
        .iter()
        .map(|d| Document::clone(d))
        .collect();
    let docs = lattice_core::scale::replicate(&originals, n);
    (Corpus::from(Bundle::new(docs.clone())), docs)
}

#[wasm_bindgen_test]
async fn a_large_library_is_shown_a_page_at_a_time() {
    // 13 copies of the two documents: 26, one page of 24 and one of 2.
    let (corpus, mut docs) = scaled(13);
    docs.sort_by(|a, b| a.id.cmp(&b.id));
    assert_eq!(corpus.page_count(), 2);

    let (root, handle) = mount(corpus.clone(), "#/").await;
    assert_eq!(count(&root, ".document-list > li"), 24);
    assert!(text(&root, ".page-lede").contains("共 26 篇"));
    assert_eq!(text(&root, ".pager [aria-current=page]"), "1");
    let next: HtmlElement = select(&root, ".pager a[rel=next]")
        .expect("page 1 links to the next page")
        .dyn_into()
        .unwrap();
    assert_eq!(next.get_attribute("href").unwrap(), "#/library/2");
    assert!(select(&root, ".pager a[rel=prev]").is_none());
    next.click();
    wait_until("page 2 shows", || count(&root, ".document-list > li") == 2).await;
    // The second page lists the last two documents in id order.
    for doc in &docs[24..] {
        assert!(
            select(&root, &format!("a[href='#/doc/{}']", doc.id)).is_some(),
            "page 2 lists {}",
            doc.id
        );
    }
    assert!(text(&root, ".page-lede").contains("25–26"));
    assert!(select(&root, ".pager a[rel=next]").is_none());
    unmount(root, handle);

    // The pager lists the ends and the current page's neighbourhood.
    use lattice_app::pages::library::page_numbers;
    assert_eq!(page_numbers(1, 1), [1]);
    assert_eq!(page_numbers(1, 3), [1, 2, 3]);
    assert_eq!(page_numbers(5, 9), [1, 3, 4, 5, 6, 7, 9]);
    assert_eq!(page_numbers(9, 9), [1, 7, 8, 9]);

    // Past the last page: a calm message, not an empty list.
    let (root, handle) = mount(corpus, "#/library/3").await;
    assert_eq!(text(&root, "h1"), "找不到頁面");
    assert!(text(&root, ".not-found").contains("只有 2 頁"));
    unmount(root, handle);
}
