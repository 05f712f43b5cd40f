//! Component tests of the reader's popover, marks renderer and glossary
//! exports in headless Chromium: a tapped note marker opens the one popover
//! in the overlay layer (with a Supra/Ibid note's target, or the plain
//! statement that the source lacks the note), Escape closes it and gives
//! focus back; search hits and glossary terms are cut into the text; the TBX
//! export is well-formed XML with its text escaped.

use lattice_app::components::glossary_export::{to_csv, to_tbx, xml_escape};
use lattice_app::components::marked::{render_runs, DisplayOptions, Mark, MarkKind};
use lattice_app::components::notes::missing_note_text;
use lattice_app::corpus::Corpus;
use lattice_app::i18n::Lang;
use lattice_core::glossary::marks::Gloss;
use lattice_core::glossary::{Glossary, Term, TermKind};
use lattice_core::inline::Inline;
use lattice_core::Bundle;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};
use yew::prelude::*;

use crate::common::*;

const CHAPTER: &str = "indo-pacific-minilateralism";
const QUAD: &str = "quad-foreign-ministers-2025";

fn popover() -> Option<Element> {
    gloo::utils::document().get_element_by_id("lattice-popover")
}

/// A tap: a touch `pointerdown`, then the click it becomes. The element is
/// scrolled into view first (the popover closes when its trigger scrolls away).
async fn tap(element: &Element) {
    element.scroll_into_view();
    sleep(50).await;
    let init = web_sys::PointerEventInit::new();
    init.set_bubbles(true);
    init.set_pointer_type("touch");
    let down = web_sys::PointerEvent::new_with_event_init_dict("pointerdown", &init).unwrap();
    element.dispatch_event(&down).unwrap();
    element.unchecked_ref::<HtmlElement>().click();
}

fn press_escape() {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key("Escape");
    init.set_bubbles(true);
    let event =
        web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    gloo::utils::document().dispatch_event(&event).unwrap();
}

#[wasm_bindgen_test]
async fn tapping_a_marker_opens_the_note_with_its_target_and_escape_returns_focus() {
    let corpus = Corpus::embedded().unwrap();
    let (root, handle) = mount(corpus, &format!("#/doc/{CHAPTER}/ref-11-1")).await;
    let marker = root
        .query_selector("#ref-11-1")
        .unwrap()
        .expect("note 11's marker");
    assert_eq!(
        marker.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    tap(&marker).await;
    wait_until("the popover opens", || popover().is_some()).await;

    let pop = popover().unwrap();
    // Rendered outside the app's element, in the one overlay layer.
    assert!(!root.contains(Some(&pop)));
    assert_eq!(pop.parent_element().unwrap().class_name(), "overlay-layer");
    assert_eq!(pop.get_attribute("role").as_deref(), Some("dialog"));
    assert_eq!(
        marker.get_attribute("aria-expanded").as_deref(),
        Some("true")
    );
    assert_eq!(
        marker.get_attribute("aria-controls").as_deref(),
        Some("lattice-popover")
    );
    let text = pop.text_content().unwrap();
    assert!(text.contains("Ibid."), "{text}");
    // Note 11 is Ibid. of note 10, which is Supra note 8: both are shown.
    assert!(pop
        .query_selector(".popover-see[data-see='10']")
        .unwrap()
        .is_some());
    assert!(pop
        .query_selector(".popover-see[data-see='8']")
        .unwrap()
        .is_some());
    assert!(
        pop.query_selector("em").unwrap().is_some(),
        "italics rendered"
    );

    press_escape();
    wait_until("the popover closes", || popover().is_none()).await;
    let active = gloo::utils::document().active_element().unwrap();
    assert_eq!(active.id(), "ref-11-1", "focus returns to the marker");
    unmount(root, handle);
}

#[wasm_bindgen_test]
async fn an_absent_note_says_so_in_the_popover() {
    let corpus = Corpus::embedded().unwrap();
    let (root, handle) = mount(corpus, &format!("#/doc/{QUAD}")).await;
    let marker = root
        .query_selector("#ref-2-1")
        .unwrap()
        .expect("note 2's marker");
    tap(&marker).await;
    wait_until("the popover opens", || popover().is_some()).await;
    assert!(popover()
        .unwrap()
        .text_content()
        .unwrap()
        .contains(missing_note_text(Lang::Zh)));
    // A tap on the same marker closes it again.
    tap(&marker).await;
    wait_until("the popover closes", || popover().is_none()).await;
    unmount(root, handle);
}

#[wasm_bindgen_test]
async fn a_bogus_anchor_says_it_is_not_in_the_document() {
    let corpus = Corpus::embedded().unwrap();
    let (root, handle) = mount(corpus, &format!("#/doc/{CHAPTER}/p999")).await;
    let lost = root
        .query_selector(".anchor-lost")
        .unwrap()
        .expect("a message");
    assert!(lost.text_content().unwrap().contains("p999"));
    assert!(root.query_selector("h1.doc-title").unwrap().is_some());
    unmount(root, handle);
}

fn term(zh: &str, en: &str, abbr: Option<&str>) -> Term {
    Term {
        zh: vec![zh.into()],
        en: en.into(),
        abbr: abbr.map(Into::into),
        kind: TermKind::Mechanism,
        defined_at: None,
        occurrences: Vec::new(),
        count: 0,
    }
}

#[derive(Properties, PartialEq)]
struct MarkedProps {
    bilingual: bool,
}

#[component]
fn Marked(props: &MarkedProps) -> Html {
    let embedded = Corpus::embedded().unwrap();
    let doc = embedded.documents()[0].clone();
    let runs = vec![
        Inline::Text("四方安全對話與".into()),
        Inline::NoteRef {
            label: "1".into(),
            marker: "[1]".into(),
        },
        Inline::Emphasis("<b>Quad</b>".into()),
    ];
    let glossary = Rc::new(Glossary {
        terms: vec![term(
            "四方安全對話",
            "Quadrilateral Security Dialogue",
            Some("Quad"),
        )],
    });
    let marks = [
        Mark {
            range: 0..6,
            kind: MarkKind::Term(0),
            gloss: Some(Gloss::Abbreviation),
        },
        Mark {
            range: 2..4,
            kind: MarkKind::Hit(0),
            gloss: None,
        },
        Mark {
            range: 10..14,
            kind: MarkKind::Hit(1),
            gloss: None,
        },
    ];
    let display = DisplayOptions {
        simplified: true,
        bilingual: props.bilingual,
        glossary: Some(glossary),
        focusable_terms: true,
        punctuation: false,
    };
    html! { <p id="marked">{ render_runs(&doc, "p1", &runs, &marks, &display, None, None) }</p> }
}

#[wasm_bindgen_test]
async fn marks_cut_runs_into_terms_and_hits_as_text() {
    for bilingual in [false, true] {
        let root = gloo::utils::document().create_element("div").unwrap();
        gloo::utils::body().append_child(&root).unwrap();
        let handle =
            yew::Renderer::<Marked>::with_root_and_props(root.clone(), MarkedProps { bilingual })
                .render();
        yew::scheduler::flush().await;
        let p = root.query_selector("#marked").unwrap().unwrap();
        let term = p.query_selector(".term").unwrap().expect("a term mark");
        assert_eq!(term.get_attribute("role").as_deref(), Some("button"));
        // Simplified display: 對話 → 对话; the hit inside the term keeps its range.
        let hit = term
            .query_selector("mark.hit[data-match='0']")
            .unwrap()
            .unwrap();
        assert_eq!(hit.text_content().unwrap(), "安全");
        assert!(term.text_content().unwrap().starts_with("四方安全对话"));
        // The second hit is in the emphasis, whose markup stays text.
        let second = p
            .query_selector("mark.hit[data-match='1']")
            .unwrap()
            .unwrap();
        assert_eq!(second.text_content().unwrap(), "Quad");
        assert!(second.query_selector("em").unwrap().is_some());
        assert_eq!(p.query_selector("b").unwrap(), None);
        // The gloss the core placed: the abbreviation, inside the term.
        assert_eq!(
            term.query_selector(".term-gloss")
                .unwrap()
                .map(|g| g.text_content().unwrap()),
            bilingual.then(|| "Quad".to_string())
        );
        handle.destroy();
        root.remove();
    }
}

#[wasm_bindgen_test]
fn exports_escape_text_and_tbx_is_well_formed() {
    let glossary = Glossary {
        terms: vec![
            term("甲「乙」", "A & B <C>", Some("\"AB\"")),
            term("=SUM(1)", "x, y", None),
        ],
    };
    let csv = to_csv(&glossary);
    assert!(csv.starts_with('\u{FEFF}'));
    assert!(
        csv.contains("甲「乙」,,A & B <C>,\"\"\"AB\"\"\",mechanism,0\r\n"),
        "{csv}"
    );
    assert!(csv.contains("'=SUM(1),,\"x, y\",,mechanism,0\r\n"), "{csv}");

    assert_eq!(xml_escape("a<b>&\"'"), "a&lt;b&gt;&amp;&quot;&apos;");
    let tbx = to_tbx(&glossary);
    let parser = web_sys::DomParser::new().unwrap();
    let xml = parser
        .parse_from_string(&tbx, web_sys::SupportedType::ApplicationXml)
        .unwrap();
    assert_eq!(
        xml.get_elements_by_tag_name("parsererror").length(),
        0,
        "{tbx}"
    );
    let root = xml.document_element().unwrap();
    assert_eq!(root.tag_name(), "tbx");
    assert_eq!(root.get_attribute("type").as_deref(), Some("TBX-Basic"));
    assert_eq!(
        root.namespace_uri().as_deref(),
        Some("urn:iso:std:iso:30042:ed-2")
    );
    assert_eq!(xml.get_elements_by_tag_name("conceptEntry").length(), 2);
    let terms = xml.get_elements_by_tag_name("term");
    let texts: Vec<String> = (0..terms.length())
        .map(|i| terms.item(i).unwrap().text_content().unwrap())
        .collect();
    assert!(texts.contains(&"A & B <C>".to_string()), "{texts:?}");
    assert!(texts.contains(&"\"AB\"".to_string()), "{texts:?}");
    assert!(texts.contains(&"甲「乙」".to_string()), "{texts:?}");
}

#[wasm_bindgen_test]
fn the_embedded_bundle_carries_the_glossary() {
    let corpus = Corpus::embedded().unwrap();
    assert!(corpus.glossary().terms.len() > 50);
    let hand_made = Corpus::from(Bundle::new(Vec::new()));
    assert!(hand_made.glossary().terms.is_empty());
}
