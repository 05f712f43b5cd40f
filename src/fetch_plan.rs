//! Which corpus files to fetch, decided apart from fetching them: what a
//! route needs that is not at hand ([`wants`]), what a search needs in the
//! background ([`background`]), and the files already on their way, so no
//! file is ever requested twice ([`InFlight`]). Pure — no browser, no Yew —
//! so it is tested natively; `crate::corpus` does the I/O.
//!
//! A corpus embedded whole needs nothing. A split one (see
//! `lattice_core::layout`) needs, per route: a library page, its catalogue
//! page; a document, it and the glossary's lexicon (its file carries its
//! own uses of the terms, so it is marked without the rest of the
//! glossary); the glossary page, the lexicon (an opened list of uses asks
//! for its chunk and titles in the background, [`background`]); an entry
//! page, the lexicon, then the first chunk of the term's uses, the
//! catalogue pages naming those documents and the first few of them (for
//! context); a search, the lexicon when it expands terms with it, and
//! nothing else — the search reads the split search index (src/search.rs),
//! never the documents. A document opened from a search needs it and the
//! lexicon (its matches are found in it alone).

use crate::route::Route;
use lattice_core::catalogue;
use lattice_core::layout::{self, FileKind};
use lattice_core::vec_map::VecSet;

/// What of a split corpus is at hand.
pub trait Held {
    /// The folder of the split corpus's files; `None` when embedded whole.
    fn set(&self) -> Option<&str>;
    /// How many catalogue pages the library has.
    fn page_count(&self) -> usize;
    /// Whether catalogue page `number` (from 0) is at hand.
    fn has_page(&self, number: usize) -> bool;
    /// Whether the glossary's lexicon is at hand.
    fn has_glossary(&self) -> bool;
    /// Whether the document is at hand, or known not to exist.
    fn knows_document(&self, id: &str) -> bool;
    /// The documents (id, catalogue ordinal) the first chunk of a glossary
    /// entry's uses (the entry named by any form) lists, in corpus order,
    /// once each; empty until the lexicon and that chunk are at hand.
    fn entry_documents(&self, term: &str) -> Vec<(String, usize)>;
    /// The first chunk of an entry's uses when it is not at hand; `None`
    /// when it is, or the entry or the lexicon is not.
    fn entry_uses(&self, term: &str) -> Option<usize>;
    /// Whether chunk `chunk` of uses is at hand.
    fn has_uses(&self, chunk: usize) -> bool;
    /// Whether chunk `chunk` of uses failed to load and was not asked for
    /// again: it is not fetched until it is (a page's Retry).
    fn uses_failed(&self, _chunk: usize) -> bool {
        false
    }
    /// The file name of chunk `chunk` of uses, once the lexicon is at hand.
    fn uses_name(&self, chunk: usize) -> Option<&str>;
}

/// How many of an entry's documents its page fetches to show its uses in
/// context; the uses in the rest are listed by place alone, so an entry
/// used across a 10,000-paper archive costs a few files, not the archive.
pub const ENTRY_CONTEXT_DOCUMENTS: usize = 12;

/// A file to fetch, and how to read it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Want {
    /// Under `corpus/`.
    pub path: String,
    /// What the file holds.
    pub kind: FileKind,
    /// The document's id, for a document's file (a 404 means no such
    /// document).
    pub id: Option<String>,
    /// The chunk's index, for a chunk of the glossary's uses.
    pub chunk: Option<usize>,
}

/// The files to fetch before `route` can be shown.
pub fn wants(held: &impl Held, route: &Route) -> Vec<Want> {
    let Some(set) = held.set() else {
        return Vec::new();
    };
    match route {
        Route::Library | Route::Help | Route::NotFound => Vec::new(),
        Route::LibraryPage(n) => (*n as usize)
            .checked_sub(1)
            .and_then(|page| page_want(held, set, page))
            .into_iter()
            .collect(),
        Route::Document { id, .. } | Route::Highlighted { id, .. } => document_want(held, set, id)
            .into_iter()
            .chain(glossary_want(held, set))
            .collect(),
        Route::Glossary | Route::GlossaryKind(_) => glossary_want(held, set).into_iter().collect(),
        // The lexicon first; then the first chunk of the entry's uses; then
        // the catalogue pages naming its documents (their titles) and the
        // first few documents, for its context.
        Route::GlossaryEntry(term) => {
            let documents = held.entry_documents(term);
            let pages: VecSet<usize> = documents
                .iter()
                .map(|(_, o)| o / catalogue::PER_PAGE)
                .collect();
            glossary_want(held, set)
                .into_iter()
                .chain(held.entry_uses(term).and_then(|n| uses_want(held, set, n)))
                .chain(pages.into_iter().filter_map(|n| page_want(held, set, n)))
                .chain(
                    documents
                        .iter()
                        .take(ENTRY_CONTEXT_DOCUMENTS)
                        .filter_map(|(id, _)| document_want(held, set, id)),
                )
                .collect()
        }
        Route::Search(search) if search.glossary => glossary_want(held, set).into_iter().collect(),
        Route::Search(_) => Vec::new(),
    }
}

/// Files fetched without holding up the page: catalogue `pages` (the titles
/// of a search's shown hits, of a list of uses), chunks of the glossary's
/// `uses` (a list of uses opened, more uses asked for) once the lexicon
/// naming them is here, and, once the reader turns to search, the lexicon
/// its terms expand with.
pub fn background(
    held: &impl Held,
    pages: &VecSet<usize>,
    uses: &VecSet<usize>,
    searching: bool,
) -> Vec<Want> {
    let Some(set) = held.set() else {
        return Vec::new();
    };
    let glossary = searching.then(|| glossary_want(held, set)).flatten();
    glossary
        .into_iter()
        .chain(pages.iter().filter_map(|&n| page_want(held, set, n)))
        .chain(uses.iter().filter_map(|&n| uses_want(held, set, n)))
        .collect()
}

fn uses_want(held: &impl Held, set: &str, chunk: usize) -> Option<Want> {
    let name = held.uses_name(chunk)?;
    (!held.has_uses(chunk) && !held.uses_failed(chunk)).then(|| Want {
        path: layout::uses_path(set, name),
        kind: FileKind::Uses,
        id: None,
        chunk: Some(chunk),
    })
}

fn page_want(held: &impl Held, set: &str, number: usize) -> Option<Want> {
    (number < held.page_count() && !held.has_page(number)).then(|| Want {
        path: layout::catalogue_path(set, number),
        kind: FileKind::Catalogue,
        id: None,
        chunk: None,
    })
}

fn glossary_want(held: &impl Held, set: &str) -> Option<Want> {
    (!held.has_glossary()).then(|| Want {
        path: layout::glossary_path(set),
        kind: FileKind::Glossary,
        id: None,
        chunk: None,
    })
}

fn document_want(held: &impl Held, set: &str, id: &str) -> Option<Want> {
    if held.knows_document(id) {
        return None;
    }
    // `None` for a string that cannot be an id: nothing to fetch, and the
    // page says there is no such document.
    layout::document_path(set, id).map(|path| Want {
        path,
        kind: FileKind::Document,
        id: Some(id.to_string()),
        chunk: None,
    })
}

/// The paths being fetched.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct InFlight(VecSet<String>);

impl InFlight {
    /// The wants not yet on their way (each once), now marked as on their
    /// way.
    pub fn start(&mut self, wants: &[Want]) -> Vec<Want> {
        wants
            .iter()
            .filter(|w| self.0.insert(w.path.clone()))
            .cloned()
            .collect()
    }

    /// These fetches are over (arrived or failed): they may be asked again.
    pub fn finish(&mut self, wants: &[Want]) {
        for w in wants {
            self.0.remove(&w.path);
        }
    }

    /// Whether nothing is on its way.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::route::SearchQuery;

    /// A split corpus of `pages` catalogue pages with some parts at hand.
    struct Fake {
        set: Option<&'static str>,
        pages: Vec<bool>,
        glossary: bool,
        documents: Vec<&'static str>,
        /// The documents every entry's first chunk of uses lists.
        uses: Vec<&'static str>,
        /// Which chunks of uses (two of them) are at hand.
        chunks: [bool; 2],
        /// Which chunks of uses failed to load (not asked for again).
        failed: [bool; 2],
    }

    impl Held for Fake {
        fn set(&self) -> Option<&str> {
            self.set
        }
        fn page_count(&self) -> usize {
            self.pages.len()
        }
        fn has_page(&self, number: usize) -> bool {
            self.pages[number]
        }
        fn has_glossary(&self) -> bool {
            self.glossary
        }
        fn knows_document(&self, id: &str) -> bool {
            self.documents.contains(&id)
        }
        fn entry_documents(&self, _term: &str) -> Vec<(String, usize)> {
            if self.glossary && self.chunks[0] {
                // Document `d<i>` is the `i * 10`th of the catalogue.
                self.uses
                    .iter()
                    .map(|d| (d.to_string(), d[1..].parse::<usize>().unwrap() * 10))
                    .collect()
            } else {
                Vec::new()
            }
        }
        fn entry_uses(&self, _term: &str) -> Option<usize> {
            (self.glossary && !self.chunks[0]).then_some(0)
        }
        fn has_uses(&self, chunk: usize) -> bool {
            self.chunks[chunk]
        }
        fn uses_name(&self, chunk: usize) -> Option<&str> {
            self.glossary.then_some(["c0", "c1"][chunk])
        }
        fn uses_failed(&self, chunk: usize) -> bool {
            self.failed[chunk]
        }
    }

    fn split() -> Fake {
        Fake {
            set: Some("s"),
            pages: vec![true, false, false],
            glossary: false,
            documents: vec!["a"],
            uses: Vec::new(),
            chunks: [false, false],
            failed: [false, false],
        }
    }

    fn paths(wants: &[Want]) -> Vec<&str> {
        wants.iter().map(|w| w.path.as_str()).collect()
    }

    #[test]
    fn an_embedded_corpus_needs_nothing() {
        let whole = Fake {
            set: None,
            ..split()
        };
        for route in [
            Route::Glossary,
            Route::LibraryPage(2),
            Route::Search(SearchQuery::new("x")),
        ] {
            assert_eq!(wants(&whole, &route), []);
        }
        assert_eq!(
            background(&whole, &VecSet::from([1]), &VecSet::from([0]), true),
            []
        );
    }

    #[test]
    fn each_route_needs_only_what_it_shows() {
        let held = split();
        assert_eq!(paths(&wants(&held, &Route::Library)), Vec::<&str>::new());
        assert_eq!(
            paths(&wants(&held, &Route::LibraryPage(1))),
            Vec::<&str>::new()
        );
        assert_eq!(
            paths(&wants(&held, &Route::LibraryPage(2))),
            ["s/catalogue/1.bin"]
        );
        // Past the last page: nothing to fetch (the page says so).
        assert_eq!(
            paths(&wants(&held, &Route::LibraryPage(9))),
            Vec::<&str>::new()
        );
        let doc = |id: &str| Route::Document {
            id: id.into(),
            anchor: None,
        };
        assert_eq!(
            paths(&wants(&held, &doc("b"))),
            ["s/doc/b.bin", "s/glossary.bin"]
        );
        let w = wants(&held, &doc("b"));
        assert_eq!(
            (w[0].kind, w[0].id.as_deref()),
            (FileKind::Document, Some("b"))
        );
        // At hand (or known missing), and an id that cannot be one.
        assert_eq!(paths(&wants(&held, &doc("a"))), ["s/glossary.bin"]);
        assert_eq!(paths(&wants(&held, &doc("../x"))), ["s/glossary.bin"]);
        // The glossary page: the lexicon alone, whatever the corpus size.
        assert_eq!(paths(&wants(&held, &Route::Glossary)), ["s/glossary.bin"]);
    }

    #[test]
    fn an_entry_fetches_one_chunk_of_uses_and_a_bounded_number_of_its_documents() {
        let ids: Vec<&'static str> = (0..40)
            .map(|i| &*Box::leak(format!("d{i}").into_boxed_str()))
            .collect();
        let entry = Route::GlossaryEntry("四方安全對話".into());
        // Until the lexicon is here, it alone.
        let held = Fake {
            uses: ids.clone(),
            ..split()
        };
        assert_eq!(paths(&wants(&held, &entry)), ["s/glossary.bin"]);
        // Then the first chunk of the entry's uses.
        let held = Fake {
            glossary: true,
            ..held
        };
        let w = wants(&held, &entry);
        assert_eq!(paths(&w), ["s/glossary/c0.bin"]);
        assert_eq!((w[0].kind, w[0].chunk), (FileKind::Uses, Some(0)));
        // Then the catalogue pages naming its documents (d0…d39 are the
        // 0th…390th: pages 0 to 16, page 0 and 1 at hand here) and the
        // first documents, at most a bounded number, none already at hand.
        let held = Fake {
            chunks: [true, false],
            pages: vec![true, true, false, false],
            documents: vec!["d0"],
            ..held
        };
        let w = wants(&held, &entry);
        let (pages, docs): (Vec<&Want>, Vec<&Want>) =
            w.iter().partition(|w| w.kind == FileKind::Catalogue);
        assert_eq!(
            pages.iter().map(|w| w.path.as_str()).collect::<Vec<_>>(),
            ["s/catalogue/2.bin", "s/catalogue/3.bin"],
            "pages past the catalogue's end are not asked for"
        );
        assert_eq!(docs.len(), ENTRY_CONTEXT_DOCUMENTS - 1);
        assert_eq!(docs[0].path, "s/doc/d1.bin");
        assert!(docs.iter().all(|w| w.kind == FileKind::Document));
        // The list of one kind is the glossary page's.
        let kind = Route::GlossaryKind(lattice_core::glossary::TermKind::Person);
        assert_eq!(wants(&held, &kind), wants(&held, &Route::Glossary));
    }

    #[test]
    fn chunks_of_uses_come_in_the_background_once_the_lexicon_names_them() {
        let held = split();
        let uses = VecSet::from([0, 1]);
        assert_eq!(background(&held, &VecSet::new(), &uses, false), []);
        let held = Fake {
            glossary: true,
            chunks: [true, false],
            ..held
        };
        let w = background(&held, &VecSet::new(), &uses, false);
        assert_eq!(paths(&w), ["s/glossary/c1.bin"]);
        assert_eq!(w[0].chunk, Some(1));
    }

    /// A chunk that failed is not fetched again by itself (the page says
    /// so, with a Retry), nor does it hold up its entry's page; asked for
    /// again, it is wanted again.
    #[test]
    fn a_failed_chunk_of_uses_waits_for_a_retry() {
        let held = Fake {
            glossary: true,
            failed: [true, true],
            ..split()
        };
        let uses = VecSet::from([0, 1]);
        assert_eq!(background(&held, &VecSet::new(), &uses, false), []);
        let entry = Route::GlossaryEntry("Quad".to_string());
        assert_eq!(wants(&held, &entry), []);
        let again = Fake {
            failed: [false, true],
            ..held
        };
        assert_eq!(
            paths(&background(&again, &VecSet::new(), &uses, false)),
            ["s/glossary/c0.bin"]
        );
        assert_eq!(paths(&wants(&again, &entry)), ["s/glossary/c0.bin"]);
    }

    #[test]
    fn a_search_never_needs_the_documents() {
        let held = split();
        let search = SearchQuery::new("四方");
        assert_eq!(
            paths(&wants(&held, &Route::Search(search.clone()))),
            ["s/glossary.bin"]
        );
        let plain = SearchQuery {
            glossary: false,
            ..search.clone()
        };
        assert_eq!(
            paths(&wants(&held, &Route::Search(plain))),
            Vec::<&str>::new()
        );
        let opened = Route::Highlighted {
            id: "b".into(),
            anchor: Some("p3".into()),
            search,
        };
        assert_eq!(
            paths(&wants(&held, &opened)),
            ["s/doc/b.bin", "s/glossary.bin"]
        );
        // In the background: the glossary once searching, and the catalogue
        // pages of shown hits not at hand (page 0 is).
        assert_eq!(
            paths(&background(
                &held,
                &VecSet::from([0, 2, 7]),
                &VecSet::new(),
                true
            )),
            ["s/glossary.bin", "s/catalogue/2.bin"]
        );
        assert_eq!(
            paths(&background(&held, &VecSet::new(), &VecSet::new(), false)),
            Vec::<&str>::new()
        );
    }

    #[test]
    fn no_file_is_asked_for_twice_while_on_its_way() {
        let held = split();
        let mut flying = InFlight::default();
        let w: Vec<Want> = wants(&held, &Route::Glossary)
            .into_iter()
            .chain(wants(&held, &Route::LibraryPage(2)))
            .chain(wants(&held, &Route::LibraryPage(3)))
            .collect();
        assert_eq!(flying.start(&w).len(), 3);
        // The same wants again, or overlapping ones: nothing new.
        assert_eq!(flying.start(&w), []);
        let doc = wants(
            &held,
            &Route::Document {
                id: "b".into(),
                anchor: None,
            },
        );
        assert_eq!(paths(&flying.start(&doc)), ["s/doc/b.bin"]);
        // A failed fetch may be asked for again.
        flying.finish(&w);
        assert_eq!(flying.start(&w).len(), 3);
        flying.finish(&w);
        flying.finish(&doc);
        assert!(flying.is_empty());
    }
}
