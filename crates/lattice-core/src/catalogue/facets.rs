//! The library's sort orders and filters, computed when the corpus is built,
//! so the app can sort and filter thousands of documents without fetching
//! any document or every catalogue page.
//!
//! Documents are named by their index in the catalogue (id order, the order
//! [`super::paginate`] lists them in), so entry `i` is on catalogue page
//! `i / PER_PAGE` ([`page_of`]). [`Facets`] holds, for each value of each
//! facet (kind, author, keyword, year), the sorted indices of the documents
//! that have it, and two precomputed orders: by date and by title. A list of
//! indices is stored as gaps between successive indices (postcard writes
//! them as varints), so a facet costs about a byte per document that has it.
//!
//! [`View`] is what the library shows (sort and filters) and its URL query
//! (`sort=date-desc&kind=web-analysis&year=2025`), so a filtered library is
//! a link that survives a reload.

pub mod split;

use super::PER_PAGE;
use crate::bundle::BundleError;
use crate::fold::fold;
use crate::model::Document;
use serde::{Deserialize, Serialize};

/// The format of the facets' files (the head and its parts, [`split`]).
/// Apart from [`crate::BUNDLE_FORMAT_VERSION`], as the search index's
/// files have theirs: 6 is the split (5 was the bundle's version, which the
/// single facets file carried), so a stale single file is refused by version.
pub const FACETS_FORMAT_VERSION: u32 = 6;

/// One value of a facet and the documents that have it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Value {
    /// The value as shown and as written in a URL (`web-analysis`, `2025`, an author's name).
    pub name: String,
    /// The documents' indices, as gaps: the first index, then each index
    /// minus the one before it. Use [`Value::indices`].
    gaps: Vec<u32>,
}

impl Value {
    fn new(name: String, indices: &[u32]) -> Value {
        let mut previous = 0;
        let gaps = indices
            .iter()
            .map(|&i| {
                let gap = i - previous;
                previous = i;
                gap
            })
            .collect();
        Value { name, gaps }
    }

    /// The documents that have this value, in index order.
    pub fn indices(&self) -> Vec<u32> {
        let mut at = 0;
        self.gaps
            .iter()
            .map(|&g| {
                at += g;
                at
            })
            .collect()
    }

    /// How many documents have this value.
    pub fn count(&self) -> usize {
        self.gaps.len()
    }
}

/// Which facet a filter is on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Facet {
    /// The source format (`web-analysis`, `book-chapter`, …).
    Kind,
    /// An author's name.
    Author,
    /// A keyword the source lists.
    Keyword,
    /// The publication year.
    Year,
}

impl Facet {
    /// Every facet, in the order the library shows them.
    pub const ALL: [Facet; 4] = [Facet::Kind, Facet::Year, Facet::Author, Facet::Keyword];

    /// The name of the facet's URL parameter.
    pub fn as_str(self) -> &'static str {
        match self {
            Facet::Kind => "kind",
            Facet::Author => "author",
            Facet::Keyword => "keyword",
            Facet::Year => "year",
        }
    }
}

/// The facets and orders of a whole catalogue, as stored in its own file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Facets {
    /// Always [`FACETS_FORMAT_VERSION`] when written by this crate.
    pub version: u32,
    /// How many documents the catalogue lists.
    pub total: u32,
    /// Values of each facet, sorted by name (years: newest first).
    pub kinds: Vec<Value>,
    /// Authors, by name.
    pub authors: Vec<Value>,
    /// Keywords, by name.
    pub keywords: Vec<Value>,
    /// Years, newest first.
    pub years: Vec<Value>,
    /// Every index, oldest first; undated documents last, in index order.
    pub by_date: Vec<u32>,
    /// Every index, by title folded (width, case, Simplified) then by id.
    pub by_title: Vec<u32>,
}

impl Facets {
    /// The facets of these documents, in catalogue (id) order.
    pub fn build(documents: &[Document]) -> Facets {
        // (value, document) pairs, grouped by value below: sorted lists
        // rather than maps, so the app (which builds these for an embedded
        // corpus) carries no map code for them.
        let mut kinds: Vec<(String, u32)> = Vec::new();
        let mut authors: Vec<(String, u32)> = Vec::new();
        let mut keywords: Vec<(String, u32)> = Vec::new();
        let mut years: Vec<(u16, u32)> = Vec::new();
        for (i, doc) in documents.iter().enumerate() {
            let i = i as u32;
            let meta = &doc.meta;
            kinds.push((meta.kind.as_str().into(), i));
            let named = |list: &mut Vec<(String, u32)>, name: &str| {
                let name = name.trim();
                if !name.is_empty() {
                    list.push((name.to_string(), i));
                }
            };
            for author in &meta.authors {
                named(&mut authors, &author.name);
            }
            for keyword in &meta.keywords {
                named(&mut keywords, keyword);
            }
            if let Some(date) = &meta.date {
                years.push((date.year, i));
            }
        }
        let values = |pairs: Vec<(String, u32)>| {
            grouped(pairs)
                .into_iter()
                .map(|(name, list)| Value::new(name, &list))
                .collect::<Vec<_>>()
        };
        let mut by_date: Vec<u32> = (0..documents.len() as u32).collect();
        crate::sort::sort_by_key(&mut by_date, |&i| {
            let date = documents[i as usize].meta.date.as_ref();
            (date.is_none(), date.map(|d| (d.year, d.month, d.day)), i)
        });
        let keys: Vec<String> = documents.iter().map(|d| title_key(&d.meta.title)).collect();
        let mut by_title: Vec<u32> = (0..documents.len() as u32).collect();
        crate::sort::sort_by(&mut by_title, |&a, &b| {
            keys[a as usize].cmp(&keys[b as usize]).then(a.cmp(&b))
        });
        Facets {
            version: FACETS_FORMAT_VERSION,
            total: documents.len() as u32,
            kinds: values(kinds),
            authors: values(authors),
            keywords: values(keywords),
            years: grouped(years)
                .into_iter()
                .rev()
                .map(|(year, list)| Value::new(year.to_string(), &list))
                .collect(),
            by_date,
            by_title,
        }
    }

    /// The values of one facet.
    pub fn values(&self, facet: Facet) -> &[Value] {
        match facet {
            Facet::Kind => &self.kinds,
            Facet::Author => &self.authors,
            Facet::Keyword => &self.keywords,
            Facet::Year => &self.years,
        }
    }

    /// The documents a view lists, in its order: those that have every
    /// filter's value. A filter on a value no document has lists none.
    pub fn select(&self, view: &View) -> Vec<u32> {
        let filters = view.filters().into_iter().map(|(facet, name)| {
            self.values(facet)
                .iter()
                .find(|v| v.name == name)
                .map(Value::indices)
                .unwrap_or_default()
        });
        let dated = self.years.iter().map(Value::count).sum();
        let order = Order::of(view.sort, self.total, &self.by_date, &self.by_title, dated);
        pick(self.total, filters, order)
    }

    /// Serialize to bytes: the facets whole, in one file, as the library
    /// fetched them before the split ([`split`]); kept to measure what the
    /// split saves (`examples/facets_sizes.rs`, `tests/facets.rs`).
    pub fn encode(&self) -> Result<Vec<u8>, BundleError> {
        Ok(postcard::to_allocvec(self)?)
    }
}

/// The order a view lists documents in, before filtering.
pub(crate) enum Order<'a> {
    /// Every index, ascending.
    Catalogue(u32),
    /// A precomputed order, as it is.
    Forward(&'a [u32]),
    /// A precomputed order, backwards.
    Backward(&'a [u32]),
    /// The date order newest first: its first `dated` entries reversed,
    /// undated documents still last.
    NewestFirst(&'a [u32], usize),
}

impl<'a> Order<'a> {
    /// The order of `sort`, from the two precomputed orders and the number
    /// of dated documents (the sum of the years' counts).
    pub(crate) fn of(
        sort: Sort,
        total: u32,
        by_date: &'a [u32],
        by_title: &'a [u32],
        dated: usize,
    ) -> Order<'a> {
        match sort {
            Sort::Catalogue => Order::Catalogue(total),
            Sort::DateAsc => Order::Forward(by_date),
            Sort::DateDesc => Order::NewestFirst(by_date, dated.min(by_date.len())),
            Sort::TitleAsc => Order::Forward(by_title),
            Sort::TitleDesc => Order::Backward(by_title),
        }
    }

    fn iter(&self) -> Box<dyn Iterator<Item = u32> + 'a> {
        match *self {
            Order::Catalogue(total) => Box::new(0..total),
            Order::Forward(order) => Box::new(order.iter().copied()),
            Order::Backward(order) => Box::new(order.iter().rev().copied()),
            Order::NewestFirst(order, dated) => {
                let (with, without) = order.split_at(dated);
                Box::new(with.iter().rev().chain(without).copied())
            }
        }
    }
}

/// The documents of `order` that are in every one of `filters` (each a list
/// of indices), in that order. One selection, whether the facets are whole
/// ([`Facets::select`]) or split ([`split::Head::select`]).
pub(crate) fn pick(
    total: u32,
    filters: impl Iterator<Item = Vec<u32>>,
    order: Order<'_>,
) -> Vec<u32> {
    let mut keep: Option<Vec<bool>> = None;
    for list in filters {
        let mut has = vec![false; total as usize];
        for i in list {
            if let Some(slot) = has.get_mut(i as usize) {
                *slot = true;
            }
        }
        keep = Some(match keep {
            None => has,
            Some(k) => k.iter().zip(&has).map(|(a, b)| *a && *b).collect(),
        });
    }
    order
        .iter()
        .filter(|&i| {
            keep.as_ref()
                .is_none_or(|k| k.get(i as usize) == Some(&true))
        })
        .collect()
}

/// The catalogue page (from 0) that lists document `index`.
pub fn page_of(index: u32) -> usize {
    index as usize / PER_PAGE
}

/// A title's sort key: folded (full-width to ASCII, case, Traditional to
/// Simplified, see [`crate::fold`]) with leading punctuation and spaces
/// dropped, so `「印太」…` sorts with `印太…` and `The` with `the`.
pub fn title_key(title: &str) -> String {
    fold(title)
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .to_string()
}

/// How the library is ordered.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Sort {
    /// The catalogue's own order (by id).
    #[default]
    Catalogue,
    /// Oldest first.
    DateAsc,
    /// Newest first.
    DateDesc,
    /// By title, A to Z.
    TitleAsc,
    /// By title, Z to A.
    TitleDesc,
}

impl Sort {
    /// Every order, as the library offers them.
    pub const ALL: [Sort; 5] = [
        Sort::Catalogue,
        Sort::DateDesc,
        Sort::DateAsc,
        Sort::TitleAsc,
        Sort::TitleDesc,
    ];

    /// The URL value (`date-desc`); the catalogue order has none.
    pub fn as_str(self) -> &'static str {
        match self {
            Sort::Catalogue => "",
            Sort::DateAsc => "date-asc",
            Sort::DateDesc => "date-desc",
            Sort::TitleAsc => "title-asc",
            Sort::TitleDesc => "title-desc",
        }
    }

    fn parse(s: &str) -> Option<Sort> {
        Sort::ALL
            .into_iter()
            .find(|o| !o.as_str().is_empty() && o.as_str() == s)
    }
}

/// What the library shows: an order and filters, at most one per facet.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct View {
    /// The order.
    pub sort: Sort,
    /// Only documents of this kind (`web-analysis`).
    pub kind: Option<String>,
    /// Only documents by this author.
    pub author: Option<String>,
    /// Only documents with this keyword.
    pub keyword: Option<String>,
    /// Only documents of this year.
    pub year: Option<String>,
}

impl View {
    /// Whether this is the plain catalogue (no order, no filter), which
    /// needs no facets file.
    pub fn is_plain(&self) -> bool {
        *self == View::default()
    }

    /// The filters set, as (facet, value).
    pub fn filters(&self) -> Vec<(Facet, &str)> {
        Facet::ALL
            .into_iter()
            .filter_map(|f| self.get(f).map(|v| (f, v)))
            .collect()
    }

    /// One facet's filter.
    pub fn get(&self, facet: Facet) -> Option<&str> {
        match facet {
            Facet::Kind => self.kind.as_deref(),
            Facet::Author => self.author.as_deref(),
            Facet::Keyword => self.keyword.as_deref(),
            Facet::Year => self.year.as_deref(),
        }
    }

    /// Set or clear one facet's filter (an empty value clears it).
    pub fn set(&mut self, facet: Facet, value: Option<String>) {
        let value = value.filter(|v| !v.is_empty());
        match facet {
            Facet::Kind => self.kind = value,
            Facet::Author => self.author = value,
            Facet::Keyword => self.keyword = value,
            Facet::Year => self.year = value,
        }
    }

    /// The URL query without `?` (`sort=date-desc&year=2025`), values
    /// percent-encoded as UTF-8; empty for the plain catalogue.
    pub fn to_query(&self) -> String {
        let mut parts = Vec::new();
        if self.sort != Sort::Catalogue {
            parts.push(format!("sort={}", self.sort.as_str()));
        }
        for (facet, value) in self.filters() {
            parts.push(format!("{}={}", facet.as_str(), encode_component(value)));
        }
        parts.join("&")
    }

    /// Read a query written by [`View::to_query`] (with or without `?`).
    /// Unknown parameters and orders are ignored, so an old or mistyped
    /// link still opens the library.
    pub fn from_query(query: &str) -> View {
        let mut view = View::default();
        for pair in query.trim_start_matches('?').split('&') {
            let Some((key, value)) = pair.split_once('=') else {
                continue;
            };
            let value = decode_component(value);
            match key {
                "sort" => view.sort = Sort::parse(&value).unwrap_or_default(),
                _ => {
                    if let Some(facet) = Facet::ALL.into_iter().find(|f| f.as_str() == key) {
                        view.set(facet, Some(value));
                    }
                }
            }
        }
        view
    }
}

/// Percent-encode every byte but unreserved ASCII.
fn encode_component(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Undo [`encode_component`] (and `+` for a space); a malformed escape is
/// kept as text, invalid UTF-8 replaced.
fn decode_component(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |c: u8| (c as char).to_digit(16);
        match bytes[i] {
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push((h * 16 + l) as u8);
                    i += 3;
                    continue;
                }
                _ => out.push(b'%'),
            },
            b'+' => out.push(b' '),
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// `(value, document)` pairs grouped by value, ascending: each value once,
/// with its documents ascending and each once.
fn grouped<K: Ord>(mut pairs: Vec<(K, u32)>) -> Vec<(K, Vec<u32>)> {
    crate::sort::sort_by(&mut pairs, |a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)));
    let mut groups: Vec<(K, Vec<u32>)> = Vec::new();
    for (key, i) in pairs {
        match groups.last_mut() {
            Some((last, list)) if *last == key => {
                if list.last() != Some(&i) {
                    list.push(i);
                }
            }
            _ => groups.push((key, vec![i])),
        }
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gaps_round_trip() {
        let v = Value::new("x".into(), &[0, 3, 4, 90]);
        assert_eq!(v.indices(), [0, 3, 4, 90]);
        assert_eq!(v.count(), 4);
    }

    #[test]
    fn a_view_round_trips_through_its_query() {
        let view = View {
            sort: Sort::DateDesc,
            kind: Some("web-analysis".into()),
            author: Some("林 俊毅&Co=1%".into()),
            keyword: Some("印太 戰略".into()),
            year: Some("2025".into()),
        };
        let q = view.to_query();
        assert!(q.starts_with("sort=date-desc&kind=web-analysis&year=2025&author="));
        assert_eq!(View::from_query(&q), view);
        assert_eq!(View::from_query(&format!("?{q}")), view);
        assert_eq!(View::default().to_query(), "");
        assert!(View::from_query("").is_plain());
    }

    #[test]
    fn unknown_or_malformed_parameters_are_ignored() {
        let v = View::from_query("sort=sideways&colour=red&year=&kind=%zz%4&x");
        assert_eq!(v.sort, Sort::Catalogue);
        assert_eq!(v.year, None);
        assert_eq!(v.kind.as_deref(), Some("%zz%4"));
    }
}
