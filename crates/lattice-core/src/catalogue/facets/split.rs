//! The facets split for the browser, so the library fetches only what a
//! view needs: a small [`Head`] and [`Part`]s named by their bytes.
//!
//! Whole, the facets of 10,000 documents are ~119 kB brotli, and the library
//! fetched them all before it could sort or filter. Measured on a generated
//! archive of 10,000 documents (`examples/facets_sizes.rs`): the two sort
//! orders are ~16.5 kB brotli each (permutations do not compress), the
//! names and counts of every value ~17 kB (mostly authors' names), and the
//! document lists of the values ~84 kB (authors 57, keywords 21, years 6).
//! So the head holds every facet's values by name, with their counts and
//! the part that lists their documents: the controls can offer every choice
//! with its count, and a plain library needs nothing more. Each order is a
//! part of its own, fetched when that order is picked, and the values'
//! document lists are cut, facet by facet in name order, into parts of
//! about [`PART_BUDGET`] bytes, fetched when one of their values is chosen.
//!
//! A part's file is named by a hash of its bytes
//! (`<set>/facets/<hash>.bin`, [`crate::layout`]), which the head lists, so
//! an unchanged part keeps its name across builds. Every list and order is
//! the whole facets' ([`Facets`]): [`Head::select`] answers exactly what
//! [`Facets::select`] does.

use super::{pick, Facet, Facets, Order, Value, View, FACETS_FORMAT_VERSION};
use crate::bundle::BundleError;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

/// About how many encoded bytes of document lists a part holds (a value
/// with a longer list has a part to itself). 8 KiB of lists is ~3.6 kB
/// brotli of an author's part at 10,000 documents: choosing a filter costs
/// a few kilobytes, and the whole archive's lists make a few dozen files.
pub const PART_BUDGET: usize = 8 * 1024;

/// A value the library offers to filter by.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Choice {
    /// The value as shown and as written in a URL (see [`Value::name`]).
    pub name: String,
    /// How many documents have it.
    pub count: u32,
    /// The part listing those documents (an index into [`Head::parts`]).
    part: u32,
}

/// What the library fetches first: every choice, and the parts' names.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Head {
    /// Always [`FACETS_FORMAT_VERSION`] when written by this crate.
    pub version: u32,
    /// How many documents the catalogue lists.
    pub total: u32,
    /// Kinds, by name.
    pub kinds: Vec<Choice>,
    /// Authors, by name.
    pub authors: Vec<Choice>,
    /// Keywords, by name.
    pub keywords: Vec<Choice>,
    /// Years, newest first.
    pub years: Vec<Choice>,
    /// Each part's file name (a hash of its bytes, given by
    /// [`crate::layout`]; empty for facets that are never written out).
    pub parts: Vec<String>,
    /// The part holding the date order.
    by_date: u32,
    /// The part holding the title order.
    by_title: u32,
}

/// A piece of the facets, in a file of its own.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Part {
    /// The document lists of some values of one facet, in the head's order.
    Lists(Vec<Value>),
    /// A sort order: every document index once.
    Order(Vec<u32>),
}

/// A part as stored: the format version first, as every file has it.
#[derive(Serialize, Deserialize)]
struct PartFile {
    version: u32,
    part: Part,
}

/// Why a view cannot be listed yet.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SelectError {
    /// This part is needed and not at hand.
    #[error("facets part {0} is not at hand")]
    Missing(usize),
    /// A part at hand does not hold what the head says it does.
    #[error("facets part {0} does not list its values")]
    Damaged(usize),
}

/// Split whole facets into a head and its parts (the head's part names
/// left empty: [`crate::layout`] names each by its bytes). Parts 0 and 1
/// are the date and title orders; then each facet's lists, in
/// [`Facet::ALL`] order, cut at about `budget` bytes.
pub fn split(facets: &Facets, budget: usize) -> (Head, Vec<Part>) {
    let mut parts = vec![
        Part::Order(facets.by_date.clone()),
        Part::Order(facets.by_title.clone()),
    ];
    let mut choices: [Vec<Choice>; 4] = Default::default();
    for (slot, facet) in Facet::ALL.into_iter().enumerate() {
        let mut chunk: Vec<Value> = Vec::new();
        let mut size = 0;
        for value in facets.values(facet) {
            // As postcard writes it: the name and the gaps, each after its length.
            let bytes = varint_len(value.name.len() as u32)
                + value.name.len()
                + varint_len(value.gaps.len() as u32)
                + value.gaps.iter().map(|&g| varint_len(g)).sum::<usize>();
            if !chunk.is_empty() && size + bytes > budget {
                parts.push(Part::Lists(std::mem::take(&mut chunk)));
                size = 0;
            }
            size += bytes;
            chunk.push(value.clone());
            choices[slot].push(Choice {
                name: value.name.clone(),
                count: value.count() as u32,
                part: parts.len() as u32,
            });
        }
        if !chunk.is_empty() {
            parts.push(Part::Lists(chunk));
        }
    }
    let [kinds, years, authors, keywords] = choices;
    let head = Head {
        version: FACETS_FORMAT_VERSION,
        total: facets.total,
        kinds,
        authors,
        keywords,
        years,
        parts: vec![String::new(); parts.len()],
        by_date: 0,
        by_title: 1,
    };
    (head, parts)
}

/// The bytes postcard writes for `n` as a varint.
fn varint_len(n: u32) -> usize {
    (32 - n.max(1).leading_zeros() as usize).div_ceil(7)
}

impl Head {
    /// The choices of one facet.
    pub fn choices(&self, facet: Facet) -> &[Choice] {
        match facet {
            Facet::Kind => &self.kinds,
            Facet::Author => &self.authors,
            Facet::Keyword => &self.keywords,
            Facet::Year => &self.years,
        }
    }

    /// The parts a view needs, in ascending order: its order's (none for
    /// the catalogue's own) and the list of each filter's value (none for a
    /// value no document has: it lists nothing).
    pub fn needs(&self, view: &View) -> Vec<usize> {
        let mut needs = Vec::new();
        match view.sort {
            super::Sort::Catalogue => {}
            super::Sort::DateAsc | super::Sort::DateDesc => {
                needs.push(self.by_date as usize);
            }
            super::Sort::TitleAsc | super::Sort::TitleDesc => {
                needs.push(self.by_title as usize);
            }
        }
        for (facet, name) in view.filters() {
            if let Some(choice) = self.find(facet, name) {
                needs.push(choice.part as usize);
            }
        }
        crate::sort::sort(&mut needs);
        needs.dedup();
        needs
    }

    fn find(&self, facet: Facet, name: &str) -> Option<&Choice> {
        self.choices(facet).iter().find(|c| c.name == name)
    }

    /// The documents a view lists, in its order, as [`Facets::select`]
    /// gives them, from the parts `part` hands over by number; an error
    /// names the first needed part that is not at hand or does not hold
    /// what the head says.
    pub fn select<'p>(
        &self,
        view: &View,
        part: impl Fn(usize) -> Option<&'p Part>,
    ) -> Result<Vec<u32>, SelectError> {
        let get = |n: u32| part(n as usize).ok_or(SelectError::Missing(n as usize));
        let order_of = |n: u32| match get(n)? {
            Part::Order(order) => Ok(order.as_slice()),
            Part::Lists(_) => Err(SelectError::Damaged(n as usize)),
        };
        let (by_date, by_title): (&[u32], &[u32]) = match view.sort {
            super::Sort::Catalogue => (&[], &[]),
            super::Sort::DateAsc | super::Sort::DateDesc => (order_of(self.by_date)?, &[]),
            super::Sort::TitleAsc | super::Sort::TitleDesc => (&[], order_of(self.by_title)?),
        };
        let mut filters = Vec::new();
        for (facet, name) in view.filters() {
            let Some(choice) = self.find(facet, name) else {
                filters.push(Vec::new());
                continue;
            };
            let list = match get(choice.part)? {
                Part::Lists(values) => values.iter().find(|v| v.name == name),
                Part::Order(_) => None,
            };
            filters.push(
                list.ok_or(SelectError::Damaged(choice.part as usize))?
                    .indices(),
            );
        }
        let dated = self.years.iter().map(|c| c.count as usize).sum();
        let order = Order::of(view.sort, self.total, by_date, by_title, dated);
        Ok(pick(self.total, filters.into_iter(), order))
    }

    /// Serialize to bytes.
    pub fn encode(&self) -> Result<Vec<u8>, BundleError> {
        Ok(postcard::to_allocvec(self)?)
    }

    /// Read bytes written by [`Head::encode`], checking the format version
    /// and that every part it names is in its list of parts.
    pub fn decode(bytes: &[u8]) -> Result<Head, BundleError> {
        let head: Head = decode_facets(bytes)?;
        let parts = head.parts.len() as u32;
        let ok = head.by_date < parts
            && head.by_title < parts
            && Facet::ALL.iter().all(|&f| {
                head.choices(f)
                    .iter()
                    .all(|c| c.part < parts && c.count <= head.total)
            });
        if !ok {
            return Err(BundleError::Shape(
                "the facets name a part they do not list",
            ));
        }
        Ok(head)
    }

    /// Read part `number`'s bytes ([`Part::encode`]), checking the format
    /// version and that it holds what this head says: an order of every
    /// document, or the lists of the values the head puts there, with their
    /// counts, naming no document past the catalogue.
    pub fn decode_part(&self, number: usize, bytes: &[u8]) -> Result<Part, BundleError> {
        let part = decode_facets::<PartFile>(bytes)?.part;
        let n = self.total;
        let ok = match &part {
            Part::Order(order) => {
                (number == self.by_date as usize || number == self.by_title as usize)
                    && order.len() == n as usize
                    && order.iter().all(|&i| i < n)
            }
            Part::Lists(values) => {
                let order = number == self.by_date as usize || number == self.by_title as usize;
                let listed = values.iter().all(|v| {
                    v.gaps
                        .iter()
                        .try_fold(0u32, |at, &g| at.checked_add(g).filter(|&x| x < n))
                        .is_some()
                });
                let expected: Vec<(&str, usize)> = Facet::ALL
                    .iter()
                    .flat_map(|&f| self.choices(f))
                    .filter(|c| c.part as usize == number)
                    .map(|c| (c.name.as_str(), c.count as usize))
                    .collect();
                let held: Vec<(&str, usize)> = values
                    .iter()
                    .map(|v| (v.name.as_str(), v.count()))
                    .collect();
                !order && listed && held == expected
            }
        };
        if !ok {
            return Err(BundleError::Shape(
                "a facets part does not hold what the head says",
            ));
        }
        Ok(part)
    }
}

impl Part {
    /// Serialize to bytes (a part's file).
    pub fn encode(&self) -> Result<Vec<u8>, BundleError> {
        Ok(postcard::to_allocvec(&PartFile {
            version: FACETS_FORMAT_VERSION,
            part: self.clone(),
        })?)
    }
}

/// Decode a facets file, refusing any version but [`FACETS_FORMAT_VERSION`]
/// (read on its own first, so another shape gets the version error).
fn decode_facets<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, BundleError> {
    let (found, _) = postcard::take_from_bytes::<u32>(bytes)?;
    if found != FACETS_FORMAT_VERSION {
        return Err(BundleError::Version {
            found,
            expected: FACETS_FORMAT_VERSION,
        });
    }
    Ok(postcard::from_bytes(bytes)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facets() -> Facets {
        let value = |name: &str, indices: &[u32]| Value::new(name.into(), indices);
        Facets {
            version: FACETS_FORMAT_VERSION,
            total: 6,
            kinds: vec![value("web-analysis", &[0, 1, 2, 3, 4, 5])],
            authors: vec![
                value("甲", &[0, 2]),
                value("乙", &[1]),
                value("丙", &[3, 4, 5]),
            ],
            keywords: vec![value("Quad", &[2, 5])],
            years: vec![value("2025", &[0, 1, 2]), value("2024", &[3, 4])],
            by_date: vec![3, 4, 0, 1, 2, 5],
            by_title: vec![5, 4, 3, 2, 1, 0],
        }
    }

    #[test]
    fn varints_are_measured_as_postcard_writes_them() {
        for n in [0u32, 1, 127, 128, 16_383, 16_384, u32::MAX] {
            assert_eq!(
                varint_len(n),
                postcard::to_allocvec(&n).unwrap().len(),
                "{n}"
            );
        }
    }

    #[test]
    fn a_tiny_budget_gives_each_value_its_own_part() {
        let (head, parts) = split(&facets(), 1);
        // Two orders, then one part per value: 1 kind, 2 years, 3 authors, 1 keyword.
        assert_eq!(parts.len(), 2 + 1 + 2 + 3 + 1);
        assert_eq!(head.parts.len(), parts.len());
        let view = View::from_query("author=%E4%B8%99&sort=date-desc");
        assert_eq!(head.needs(&view), [0, 7]);
        let got = head.select(&view, |n| parts.get(n)).unwrap();
        assert_eq!(got, facets().select(&view));
        assert_eq!(
            head.select(&view, |n| (n != 7).then(|| &parts[n])),
            Err(SelectError::Missing(7))
        );
    }

    #[test]
    fn a_value_nobody_has_needs_no_part_and_lists_nothing() {
        let (head, parts) = split(&facets(), PART_BUDGET);
        let view = View::from_query("author=nobody");
        assert!(head.needs(&view).is_empty());
        assert_eq!(
            head.select(&view, |n| parts.get(n)).unwrap(),
            Vec::<u32>::new()
        );
        // The plain catalogue needs nothing either.
        assert!(head.needs(&View::default()).is_empty());
        assert_eq!(
            head.select(&View::default(), |_| None).unwrap(),
            [0, 1, 2, 3, 4, 5]
        );
    }

    #[test]
    fn parts_round_trip_and_a_wrong_part_is_refused() {
        let (head, parts) = split(&facets(), 1);
        let head = Head::decode(&head.encode().unwrap()).unwrap();
        for (n, part) in parts.iter().enumerate() {
            assert_eq!(&head.decode_part(n, &part.encode().unwrap()).unwrap(), part);
        }
        // An order where a list should be, another value's list, an index
        // past the catalogue, another version.
        assert!(head.decode_part(3, &parts[0].encode().unwrap()).is_err());
        assert!(head.decode_part(6, &parts[5].encode().unwrap()).is_err());
        assert!(head.decode_part(0, &parts[2].encode().unwrap()).is_err());
        let past = Part::Lists(vec![Value::new("乙".into(), &[9])]);
        assert!(head.decode_part(6, &past.encode().unwrap()).is_err());
        let mut bytes = parts[0].encode().unwrap();
        bytes[0] = 5;
        assert!(matches!(
            head.decode_part(0, &bytes),
            Err(BundleError::Version { found: 5, .. })
        ));
        let mut stale = head.clone();
        stale.by_title = 99;
        assert!(Head::decode(&stale.encode().unwrap()).is_err());
    }
}
