//! The library's list of documents, apart from their text: what a reader
//! needs to choose a document (title, authors, date, kind, where a chapter
//! sits in its book) and nothing more.
//!
//! A catalogue comes in pages of [`PER_PAGE`] entries. The app shows the
//! library a page at a time and, for a large corpus, embeds only the first
//! page and fetches the others when asked (see [`crate::layout`]), so what the
//! first screen costs does not grow with the corpus. An entry is a few
//! hundred bytes, where a document's metadata alone (a book chapter carries
//! its whole part's table of contents) can be several kilobytes.

pub mod facets;

use crate::bundle::{decode_versioned, BundleError, BUNDLE_FORMAT_VERSION};
use crate::model::{Citation, Date, Document, Kind};
use serde::{Deserialize, Serialize};

/// Entries per catalogue page. A phone shows three or four library cards per
/// screen and a desktop six to eight, so a page is several screens of reading
/// and about 3 KB brotli of a real corpus's metadata (measured with
/// scripts/perf.sh): small beside the 200 KB first-load budget.
pub const PER_PAGE: usize = 24;

/// One document as the library lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// The document id (what its route and file are named by).
    pub id: String,
    /// Source format.
    pub kind: Kind,
    /// The title.
    pub title: String,
    /// A category line (web analyses: `國際情勢`).
    pub category: Option<String>,
    /// Author names, in source order.
    pub authors: Vec<String>,
    /// Publication date, when the source states one.
    pub date: Option<Date>,
    /// Where a book chapter sits in its book (`PART 1 印太總體態勢 · 第一章`).
    pub place: Option<String>,
    /// The citation metadata (English title, book, publisher, DOI, …) the
    /// library's cards show.
    pub citation: Citation,
}

impl Entry {
    /// The entry for a parsed document.
    pub fn of(doc: &Document) -> Entry {
        let meta = &doc.meta;
        Entry {
            id: doc.id.clone(),
            kind: meta.kind,
            title: meta.title.clone(),
            category: meta.category.clone(),
            authors: meta.authors.iter().map(|a| a.name.clone()).collect(),
            date: meta.date.clone(),
            place: place(doc),
            citation: meta.citation.clone(),
        }
    }
}

/// `PART 1 印太總體態勢 · 第一章`: the part and the chapter's label, when the
/// document is a chapter that names them.
pub fn place(doc: &Document) -> Option<String> {
    let meta = &doc.meta;
    let mut parts: Vec<String> = Vec::new();
    if let Some(part) = &meta.part {
        parts.push(match &part.title {
            Some(title) => format!("{} {}", part.label, title),
            None => part.label.clone(),
        });
    }
    if let Some(entry) = meta.chapter.and_then(|i| meta.contents.get(i)) {
        parts.push(entry.label.clone());
    }
    (!parts.is_empty()).then(|| parts.join(" · "))
}

/// One page of the catalogue, as stored in its own file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Page {
    /// Always [`BUNDLE_FORMAT_VERSION`] when written by this crate.
    pub version: u32,
    /// Which page this is, from 0.
    pub number: u32,
    /// How many pages the catalogue has (at least 1).
    pub pages: u32,
    /// How many documents the whole catalogue lists.
    pub total: u32,
    /// This page's entries, in document-id order.
    pub entries: Vec<Entry>,
}

impl Page {
    /// Serialize to bytes.
    pub fn encode(&self) -> Result<Vec<u8>, BundleError> {
        Ok(postcard::to_allocvec(self)?)
    }

    /// Read bytes written by [`Page::encode`], checking the format version.
    pub fn decode(bytes: &[u8]) -> Result<Self, BundleError> {
        decode_versioned(bytes)
    }
}

/// The catalogue of these documents (in the order given, which for a bundle
/// is id order), in pages of `per_page` entries; always at least one page,
/// empty for an empty corpus. `per_page` of 0 is taken as 1.
pub fn paginate(documents: &[Document], per_page: usize) -> Vec<Page> {
    let per_page = per_page.max(1);
    let total = documents.len();
    let pages = total.div_ceil(per_page).max(1);
    (0..pages)
        .map(|n| Page {
            version: BUNDLE_FORMAT_VERSION,
            number: n as u32,
            pages: pages as u32,
            total: total as u32,
            entries: documents
                .iter()
                .skip(n * per_page)
                .take(per_page)
                .map(Entry::of)
                .collect(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse;

    fn doc(name: &str) -> Document {
        parse(
            name,
            "國際情勢\n標題\n瀏覽數\n1\n2025.01.01\n作者\n甲\n\n第一段。\n",
        )
    }

    #[test]
    fn pages_cover_every_document_once_in_order() {
        let docs: Vec<Document> = (0..50).map(|i| doc(&format!("d{i:02}.txt"))).collect();
        let pages = paginate(&docs, 24);
        assert_eq!(pages.len(), 3);
        assert_eq!(
            pages.iter().map(|p| p.entries.len()).collect::<Vec<_>>(),
            [24, 24, 2]
        );
        let ids: Vec<&str> = pages
            .iter()
            .flat_map(|p| &p.entries)
            .map(|e| e.id.as_str())
            .collect();
        let expected: Vec<&str> = docs.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, expected);
        for (n, page) in pages.iter().enumerate() {
            assert_eq!((page.number, page.pages, page.total), (n as u32, 3, 50));
        }
    }

    #[test]
    fn an_empty_corpus_has_one_empty_page() {
        let pages = paginate(&[], 24);
        assert_eq!(pages.len(), 1);
        assert!(pages[0].entries.is_empty());
        assert_eq!((pages[0].pages, pages[0].total), (1, 0));
        assert_eq!(paginate(&[doc("a.txt")], 0).len(), 1);
    }

    #[test]
    fn a_page_round_trips_and_refuses_another_version() {
        let page = paginate(&[doc("a.txt")], 24).remove(0);
        let bytes = page.encode().unwrap();
        assert_eq!(Page::decode(&bytes).unwrap(), page);
        let mut stale = page.clone();
        stale.version += 1;
        assert!(matches!(
            Page::decode(&stale.encode().unwrap()),
            Err(BundleError::Version { .. })
        ));
    }
}
