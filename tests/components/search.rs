//! Component tests of search in headless Chromium: the results page with the
//! embedded corpus (ranked groups, every match marked, glossary expansion and
//! its switch, the empty and shortened messages), hostile queries that must
//! leave a calm page, the header's combobox, the match highlights handed to the
//! document page, and search routes that survive a trip through the URL.

use lattice_app::app::App;
use lattice_app::corpus::Corpus;
use lattice_app::route::{percent_decode, Route, SearchQuery};
use lattice_app::search::{Searcher, Store};
use lattice_core::search::Scope;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, Event, EventInit, HtmlInputElement};
use yew::Callback;

use crate::common::{unmount, wait_until};

/// Mount the app with the embedded corpus at `hash`.
async fn mount(hash: &str) -> (Element, yew::AppHandle<App>) {
    crate::common::mount(Corpus::embedded().unwrap(), hash).await
}

fn texts(root: &Element, selector: &str) -> Vec<String> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .map(|i| list.item(i).unwrap().text_content().unwrap_or_default())
        .collect()
}

fn text(root: &Element, selector: &str) -> String {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no element matches {selector}"))
        .text_content()
        .unwrap_or_default()
}

fn search_hash(text: &str) -> String {
    Route::Search(SearchQuery::new(text)).href()
}

/// On wasm32 folding beyond ASCII comes only from the table the app
/// installs (std's case table is not in the wasm): once it is in, both of
/// its halves fold — Traditional to Simplified, and capitals of other
/// scripts to lower case — one character for one.
#[wasm_bindgen_test]
fn the_installed_table_folds_traditional_and_capitals_beyond_ascii() {
    assert!(lattice_app::fold_table::ready());
    assert_eq!(lattice_core::fold::fold("四方安全對話"), "四方安全对话");
    assert_eq!(
        lattice_core::fold::fold("ÉLYSÉE ΣΥΝΟΔΟΣ Д"),
        "élysée συνοδοσ д"
    );
    assert_eq!(lattice_core::fold::fold("ＡＵＫＵＳ"), "aukus");
    assert_eq!(lattice_core::fold::fold("İ"), "İ");
}

#[wasm_bindgen_test]
async fn simplified_query_finds_both_documents_with_every_match_marked() {
    let typed_only = Route::Search(SearchQuery {
        glossary: false,
        ..SearchQuery::new("四方安全对话")
    });
    let (root, handle) = mount(&typed_only.href()).await;
    assert_eq!(text(&root, "h1"), "搜尋");
    assert_eq!(texts(&root, ".search-group").len(), 2, "both documents");
    let marks = texts(&root, ".search-snippet mark");
    assert!(!marks.is_empty());
    assert!(marks.iter().all(|m| m == "四方安全對話"), "{marks:?}");
    // Every group says how many passages it holds.
    for count in texts(&root, ".search-group .search-count") {
        assert!(count.contains("個段落"), "{count}");
    }
    assert!(text(&root, ".search-summary").contains("2 篇文件"));
    unmount(root, handle);

    // With the glossary, its English names match too, and say so.
    let (root, handle) = mount(&search_hash("四方安全对话")).await;
    let marks = texts(&root, ".search-snippet mark");
    assert!(marks.iter().any(|m| m == "四方安全對話"), "{marks:?}");
    assert!(marks.iter().any(|m| m == "Quad"), "{marks:?}");
    assert!(text(&root, ".search-expansions").contains("Quad"));
    unmount(root, handle);
}

#[wasm_bindgen_test]
async fn full_width_latin_finds_word_starts() {
    let (root, handle) = mount(&search_hash("ＡＵＫＵＳ")).await;
    let marks = texts(&root, ".search-snippet mark");
    assert!(marks.iter().any(|m| m == "AUKUS"), "{marks:?}");
    unmount(root, handle);
    // SSN-AUKUS is matched in the document, though past the snippet's window.
    let corpus = Corpus::embedded().unwrap();
    let searcher = Searcher::new(corpus.clone(), Store::new(Callback::noop()));
    let doc = &corpus.documents()[0];
    let search = SearchQuery {
        glossary: false,
        ..SearchQuery::new("ＡＵＫＵＳ")
    };
    let h = searcher.highlights(&doc.id, &search);
    let in_ssn = h.order.iter().any(|(anchor, range)| {
        let text = doc
            .blocks
            .iter()
            .find(|b| &b.id == anchor)
            .unwrap()
            .plain_text();
        let chars: Vec<char> = text.chars().collect();
        range.start >= 4
            && chars[range.start - 4..range.end].iter().collect::<String>() == "SSN-AUKUS"
    });
    assert!(in_ssn, "no match inside SSN-AUKUS");
}

#[wasm_bindgen_test]
async fn glossary_expansion_is_explained_and_switchable() {
    let (root, handle) = mount(&search_hash("Rubio")).await;
    let marks = texts(&root, ".search-snippet mark");
    assert!(marks.iter().any(|m| m == "魯比歐"), "{marks:?}");
    assert!(marks.iter().any(|m| m == "盧比歐"), "{marks:?}");
    // Said once, above the results, not on every card.
    assert_eq!(texts(&root, ".search-expansions").len(), 1);
    let why = text(&root, ".search-expansions");
    assert!(
        why.contains("也符合") && why.contains("Marco Rubio") && why.contains("魯比歐"),
        "{why}"
    );
    assert!(texts(&root, ".search-hit-expansion").is_empty());
    unmount(root, handle);

    let off = Route::Search(SearchQuery {
        glossary: false,
        ..SearchQuery::new("Rubio")
    });
    let (root, handle) = mount(&off.href()).await;
    let marks = texts(&root, ".search-snippet mark");
    assert!(
        marks.iter().all(|m| m != "魯比歐" && m != "盧比歐"),
        "{marks:?}"
    );
    assert!(texts(&root, ".search-expansions").is_empty());
    unmount(root, handle);
}

#[wasm_bindgen_test]
async fn filters_narrow_the_results() {
    let corpus = Corpus::embedded().unwrap();
    let quad = corpus.documents()[1].id.clone();
    let one = Route::Search(SearchQuery {
        document: Some(quad.clone()),
        ..SearchQuery::new("四方安全对话")
    });
    let (root, handle) = mount(&one.href()).await;
    assert_eq!(texts(&root, ".search-group").len(), 1);
    unmount(root, handle);

    let notes = Route::Search(SearchQuery {
        scope: Scope::Notes,
        ..SearchQuery::new("Quad")
    });
    let (root, handle) = mount(&notes.href()).await;
    let kinds = texts(&root, ".search-hit .search-kind");
    assert!(!kinds.is_empty());
    assert!(kinds.iter().all(|k| k.starts_with('註')), "{kinds:?}");
    unmount(root, handle);
}

#[wasm_bindgen_test]
async fn an_empty_result_says_so_and_lists_the_forms_tried() {
    let (root, handle) = mount(&search_hash("關鍵礦產 不存在的詞")).await;
    let empty = text(&root, ".search-empty");
    assert!(empty.contains("找不到"), "{empty}");
    let tried = texts(&root, ".search-tried code");
    assert!(tried.contains(&"关键矿产".to_string()), "{tried:?}");
    assert!(tried.contains(&"不存在的词".to_string()), "{tried:?}");
    unmount(root, handle);
}

#[wasm_bindgen_test]
async fn hostile_queries_leave_a_calm_page() {
    let long = "字".repeat(10_000);
    let hostile = [
        long.as_str(),
        "<script>alert(1)</script>",
        "🙂🙂🙂 👩‍👩‍👧",
        "e\u{301}\u{301}\u{301}",
        ".*+?^${}()|[]\\",
        "a\u{0}b\u{1b}[31m\u{7f}",
        "\"\"\"",
        "   \u{3000}\t",
        "%E0%A4%A",
        "＂未完的引號",
    ];
    for q in hostile {
        let (root, handle) = mount(&search_hash(q)).await;
        assert_eq!(text(&root, "h1"), "搜尋", "query {q:?}");
        assert_eq!(root.query_selector_all("script").unwrap().length(), 0);
        let page = text(&root, ".search-page");
        assert!(
            page.contains("找不到") || page.contains("輸入") || page.contains("個段落"),
            "query {q:?}: {page}"
        );
        unmount(root, handle);
    }
    let (root, handle) = mount(&search_hash(&long)).await;
    assert!(text(&root, ".search-notice").contains("已截短"));
    // The query shown back is cut too, not 10,000 characters of it.
    assert!(text(&root, ".search-summary").chars().count() < 100);
    unmount(root, handle);
}

#[wasm_bindgen_test]
async fn typing_in_the_header_box_lists_hits_to_choose() {
    let (root, handle) = mount("#/").await;
    let input: HtmlInputElement = root
        .query_selector("#lattice-search-input")
        .unwrap()
        .expect("the header has a search box")
        .dyn_into()
        .unwrap();
    assert_eq!(input.get_attribute("role").unwrap(), "combobox");
    input.focus().unwrap();
    input.set_value("AUKUS");
    let init = EventInit::new();
    init.set_bubbles(true);
    input
        .dispatch_event(&Event::new_with_event_init_dict("input", &init).unwrap())
        .unwrap();
    wait_until("the list opens", || {
        input.get_attribute("aria-expanded").as_deref() == Some("true")
    })
    .await;
    let options = texts(&root, "#lattice-search-listbox [role=option]");
    assert!(options.len() >= 2, "{options:?}");
    assert!(options.last().unwrap().contains("查看全部"));
    let marks = texts(&root, "#lattice-search-listbox mark");
    assert!(marks.iter().any(|m| m == "AUKUS"), "{marks:?}");
    unmount(root, handle);
}

#[wasm_bindgen_test]
fn highlights_are_in_reading_order_with_consistent_ordinals() {
    let corpus = Corpus::embedded().unwrap();
    let searcher = Searcher::new(corpus.clone(), Store::new(Callback::noop()));
    for doc in corpus.documents() {
        let h = searcher.highlights(&doc.id, &SearchQuery::new("四方安全對話"));
        assert!(!h.is_empty(), "{}", doc.id);
        for (k, (anchor, range)) in h.order.iter().enumerate() {
            assert_eq!(h.ordinal(anchor, range), Some(k));
            assert!(h.for_anchor(anchor).contains(range));
        }
        // Blocks first, then notes, as the page shows them.
        let position = |id: &str| {
            doc.blocks
                .iter()
                .position(|b| b.id == id)
                .or_else(|| {
                    doc.notes
                        .iter()
                        .position(|n| n.id == id)
                        .map(|i| 100_000 + i)
                })
                .unwrap()
        };
        let positions: Vec<usize> = h.order.iter().map(|(a, _)| position(a)).collect();
        assert!(positions.windows(2).all(|w| w[0] <= w[1]));
    }
}

#[wasm_bindgen_test]
fn search_routes_round_trip_through_the_url() {
    let texts = [
        "四方安全对话",
        "a b&c=d#e%f+g?h/i",
        "🙂 e\u{301} \"hub-and-spoke 體系\"",
        "<script>alert(1)</script>",
        "\u{0}\u{1b}\t\n",
        "",
    ];
    for t in texts {
        let search = SearchQuery {
            text: t.to_string(),
            document: Some("quad-foreign-ministers-2025".into()),
            scope: Scope::Notes,
            glossary: false,
        };
        let route = Route::Search(search.clone());
        assert_eq!(Route::from_hash(&route.href()), route, "{t:?}");
        assert!(route.href().is_ascii());
        if !t.is_empty() {
            let hit = Route::Highlighted {
                id: "quad-foreign-ministers-2025".into(),
                anchor: Some("p3".into()),
                search: SearchQuery::new(t),
            };
            assert_eq!(Route::from_hash(&hit.href()), hit, "{t:?}");
        }
    }
    // Addresses typed or pasted by hand, as the browser percent-encodes them.
    assert_eq!(
        Route::from_hash("#/search?q=%E5%9B%9B%E6%96%B9+Quad&scope=body"),
        Route::Search(SearchQuery {
            scope: Scope::Body,
            ..SearchQuery::new("四方 Quad")
        })
    );
    assert_eq!(
        Route::from_hash("#/search?q=四方"),
        Route::Search(SearchQuery::new("四方"))
    );
    assert_eq!(percent_decode("100%25%2"), "100%%2");
    assert_eq!(percent_decode("%FF%FE"), "\u{FFFD}\u{FFFD}");
    // The other routes are unchanged; a document link without a query is plain.
    assert_eq!(Route::from_hash("#/"), Route::Library);
    assert_eq!(
        Route::from_hash("#/doc/x/p3?q="),
        Route::Document {
            id: "x".into(),
            anchor: Some("p3".into())
        }
    );
    assert_eq!(
        Route::from_hash("#/search"),
        Route::Search(SearchQuery::default())
    );
    assert_eq!(Route::from_hash("#/nope?q=x"), Route::NotFound);
}

#[wasm_bindgen_test]
fn timings_are_formatted_without_the_float_formatter() {
    use lattice_app::search::fixed;
    assert_eq!(fixed(1.23456, 2), "1.23");
    assert_eq!(fixed(1.23456, 1), "1.2");
    assert_eq!(fixed(0.05, 1), "0.1");
    assert_eq!(fixed(12.0, 2), "12.00");
    assert_eq!(fixed(7.6, 0), "8");
    assert_eq!(fixed(-1.25, 1), "-1.3");
    assert_eq!(fixed(0.004, 2), "0.00");
}
