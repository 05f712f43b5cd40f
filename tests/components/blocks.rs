//! Component tests in headless Chromium: the lists, block quotes and tables
//! of Markdown and Word documents, drawn around their paragraphs as a
//! reader (and a screen reader) meets them.

use lattice_app::corpus::Corpus;
use lattice_core::inline::Inline;
use lattice_core::{Block, BlockKind, Bundle, Document, Frame, Kind};
use wasm_bindgen_test::*;
use web_sys::Element;

use crate::common::*;

fn all(root: &Element, selector: &str) -> Vec<String> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .map(|i| list.item(i).unwrap().text_content().unwrap_or_default())
        .collect()
}

fn block(n: usize, text: &str, within: Vec<Frame>) -> Block {
    Block {
        id: format!("p{n}"),
        kind: BlockKind::Paragraph,
        inlines: vec![Inline::Text(text.to_string())],
        lines: vec![n as u32],
        section: None,
        within,
    }
}

fn item(list: u32, ordered: bool, item: u32) -> Frame {
    Frame::Item {
        list,
        ordered,
        item,
    }
}

fn cell(row: u32, column: u32) -> Frame {
    Frame::Cell {
        table: 9,
        row,
        column,
        header: row == 0,
    }
}

/// A document with a quote, an ordered list holding a bulleted one, a
/// second list right after the first, and a table with a header row.
fn framed(template: &Document) -> Document {
    let mut doc = template.clone();
    doc.id = "framed".into();
    doc.meta.kind = Kind::Markdown;
    doc.notes.clear();
    doc.sections.clear();
    doc.blocks = vec![
        block(1, "開頭段落。", vec![]),
        block(2, "引文第一段。", vec![Frame::Quote { quote: 1 }]),
        block(3, "引文第二段。", vec![Frame::Quote { quote: 1 }]),
        block(4, "第一項", vec![item(2, true, 3)]),
        block(5, "子項甲", vec![item(2, true, 3), item(3, false, 0)]),
        block(6, "子項乙", vec![item(2, true, 3), item(3, false, 1)]),
        block(7, "第二項", vec![item(2, true, 4)]),
        block(8, "另一清單", vec![item(4, false, 0)]),
        block(9, "指標", vec![cell(0, 0)]),
        block(10, "Quad", vec![cell(0, 1)]),
        block(11, "成立年份", vec![cell(1, 0)]),
        block(12, "2007", vec![cell(1, 1)]),
        block(13, "結尾段落。", vec![]),
    ];
    doc
}

#[wasm_bindgen_test]
async fn lists_quotes_and_tables_are_drawn_around_their_paragraphs() {
    let embedded = Corpus::embedded().unwrap();
    let doc = framed(&embedded.documents()[0]);
    let corpus = Corpus::from(Bundle::new(vec![doc]));
    let (root, handle) = mount(corpus, "#/doc/framed").await;

    // Reading order is kept, every paragraph once.
    let paras = all(&root, ".doc-body p.para");
    assert_eq!(paras.len(), 13, "{paras:?}");
    assert!(paras[0].starts_with("開頭段落") && paras[12].starts_with("結尾段落"));

    // One quote of two paragraphs.
    assert_eq!(all(&root, ".doc-body blockquote.doc-quote").len(), 1);
    assert_eq!(all(&root, "blockquote.doc-quote > p").len(), 2);

    // The ordered list keeps its numbers; the bulleted one sits in item 3.
    let ol = root
        .query_selector(".doc-body ol.doc-list")
        .unwrap()
        .unwrap();
    let values: Vec<String> = {
        let items = ol.query_selector_all(":scope > li").unwrap();
        (0..items.length())
            .map(|i| {
                let li: Element = wasm_bindgen::JsCast::dyn_into(items.item(i).unwrap()).unwrap();
                li.get_attribute("value").unwrap_or_default()
            })
            .collect()
    };
    assert_eq!(values, ["3", "4"]);
    assert_eq!(
        all(&root, "ol.doc-list > li:first-child > ul.doc-list > li").len(),
        2
    );
    // The list that follows is a list of its own.
    assert_eq!(all(&root, ".doc-body > ul.doc-list").len(), 1);

    // The table: a header row of column headers, one body row, in a
    // labelled region that can take focus to scroll.
    assert_eq!(
        all(&root, "table.doc-table thead th[scope='col']"),
        ["指標", "Quad"]
    );
    assert_eq!(all(&root, "table.doc-table tbody tr").len(), 1);
    assert_eq!(all(&root, "table.doc-table tbody td").len(), 2);
    let region = root
        .query_selector(".doc-table-wrap[role='region'][tabindex='0']")
        .unwrap()
        .expect("the table sits in a focusable region");
    assert_eq!(region.get_attribute("aria-label").as_deref(), Some("表格"));
    unmount(root, handle);
}
