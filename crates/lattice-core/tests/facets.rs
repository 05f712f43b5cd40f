//! The library's facets against brute force on the synthetic archive (varied
//! authors, dates, keywords) plus the real corpus: every filter and order
//! the facets answer is what scanning the documents gives; split into a head
//! and parts (as the layout writes them, decoded back), they answer exactly
//! what the whole facets do, for every value of every facet in every order,
//! fetching only the parts a view needs; the head and each part stay small;
//! and they come out of the layout's split beside the other files.

use lattice_core::catalogue::facets::split::{self, Head, Part, PART_BUDGET};
use lattice_core::catalogue::facets::{page_of, title_key, Facet, Facets, Sort, View};
use lattice_core::catalogue::PER_PAGE;
use lattice_core::layout::{self, Layout};
use lattice_core::scale::{self, DEFAULT_SEED};
use lattice_core::{bundle, Bundle, Document};
use std::collections::BTreeMap;
use std::path::PathBuf;

fn real() -> Vec<Document> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
    bundle::build(&dir).unwrap().documents
}

/// The archive and the real documents together, in id order (as a bundle keeps them).
fn corpus(n: usize) -> Vec<Document> {
    let real = real();
    let mut docs = scale::archive(&real, n, DEFAULT_SEED);
    docs.extend(real);
    Bundle::new(docs).documents
}

fn matches(doc: &Document, facet: Facet, value: &str) -> bool {
    let m = &doc.meta;
    match facet {
        Facet::Kind => m.kind.as_str() == value,
        Facet::Author => m.authors.iter().any(|a| a.name.trim() == value),
        Facet::Keyword => m.keywords.iter().any(|k| k.trim() == value),
        Facet::Year => m.date.as_ref().is_some_and(|d| d.year.to_string() == value),
    }
}

/// What a view lists, by scanning every document.
fn brute(docs: &[Document], view: &View) -> Vec<u32> {
    let mut keep: Vec<u32> = (0..docs.len() as u32)
        .filter(|&i| {
            view.filters()
                .iter()
                .all(|&(f, v)| matches(&docs[i as usize], f, v))
        })
        .collect();
    let date = |i: u32| {
        docs[i as usize]
            .meta
            .date
            .as_ref()
            .map(|d| (d.year, d.month, d.day))
    };
    let title = |i: u32| title_key(&docs[i as usize].meta.title);
    match view.sort {
        Sort::Catalogue => {}
        Sort::DateAsc => keep.sort_by_key(|&i| (date(i).is_none(), date(i), i)),
        Sort::DateDesc => {
            keep.sort_by_key(|&i| (date(i).is_none(), std::cmp::Reverse(date(i)), i));
            // Same-day documents: the precomputed order reverses them too.
            let mut out: Vec<u32> = Vec::new();
            let mut run: Vec<u32> = Vec::new();
            for i in keep {
                if run.last().is_some_and(|&j| date(j) != date(i)) {
                    flush(&mut out, &mut run, &date);
                }
                run.push(i);
            }
            flush(&mut out, &mut run, &date);
            keep = out;
        }
        Sort::TitleAsc => keep.sort_by(|&a, &b| title(a).cmp(&title(b)).then(a.cmp(&b))),
        Sort::TitleDesc => keep.sort_by(|&a, &b| title(b).cmp(&title(a)).then(b.cmp(&a))),
    }
    keep
}

fn flush(out: &mut Vec<u32>, run: &mut Vec<u32>, date: &dyn Fn(u32) -> Option<(u16, u8, u8)>) {
    if run.first().is_some_and(|&i| date(i).is_some()) {
        run.reverse();
    }
    out.append(run);
}

#[test]
fn every_filter_and_order_matches_a_scan() {
    let docs = corpus(400);
    let facets = Facets::build(&docs);
    assert_eq!(facets.total as usize, docs.len());
    // Varied enough to be worth filtering.
    assert!(facets.kinds.len() >= 2, "{:?}", facets.kinds);
    assert!(facets.authors.len() > 20 && facets.keywords.len() > 20 && facets.years.len() > 2);
    let mut checked = 0;
    for sort in Sort::ALL {
        let plain = View {
            sort,
            ..View::default()
        };
        assert_eq!(facets.select(&plain), brute(&docs, &plain), "{sort:?}");
        for facet in Facet::ALL {
            for value in facets.values(facet).iter().step_by(3) {
                let mut view = plain.clone();
                view.set(facet, Some(value.name.clone()));
                let got = facets.select(&view);
                assert_eq!(got, brute(&docs, &view), "{view:?}");
                assert_eq!(got.len(), value.count());
                checked += 1;
            }
        }
        // Two filters at once, and a value nobody has.
        let mut view = plain.clone();
        view.set(Facet::Year, Some(facets.years[0].name.clone()));
        view.set(Facet::Kind, Some("web-analysis".into()));
        assert_eq!(facets.select(&view), brute(&docs, &view));
        view.set(Facet::Author, Some("nobody at all".into()));
        assert!(facets.select(&view).is_empty());
    }
    assert!(checked > 100, "{checked} views checked");
}

#[test]
fn orders_are_permutations_and_years_run_newest_first() {
    let docs = corpus(200);
    let facets = Facets::build(&docs);
    for order in [&facets.by_date, &facets.by_title] {
        let mut sorted = order.clone();
        sorted.sort_unstable();
        assert_eq!(sorted, (0..docs.len() as u32).collect::<Vec<_>>());
    }
    let years: Vec<u16> = facets
        .years
        .iter()
        .map(|v| v.name.parse().unwrap())
        .collect();
    assert!(years.windows(2).all(|w| w[0] > w[1]), "{years:?}");
}

/// The split facets as the browser gets them: the head and every part,
/// written by the layout and decoded back, by part number.
fn split_as_served(docs: &[Document]) -> (Head, BTreeMap<usize, Part>) {
    let (head, files) = layout::split_with_facets(Bundle::new(docs.to_vec()), PER_PAGE).unwrap();
    let Layout::Apart { set, .. } = &head.layout else {
        panic!("split gives an apart layout")
    };
    let file = |path: String| {
        &files
            .iter()
            .find(|f| f.path == path)
            .unwrap_or_else(|| panic!("no file {path}"))
            .bytes
    };
    let head = Head::decode(file(layout::facets_path(set))).unwrap();
    let parts = (0..head.parts.len())
        .map(|n| {
            let bytes = file(layout::facets_part_path(set, &head.parts[n]));
            (n, head.decode_part(n, bytes).unwrap())
        })
        .collect();
    (head, parts)
}

/// Every view of one filter (each value of each facet) and none, in every
/// order, plus two and three filters at once and a value nobody has: the
/// split facets, given only the parts the view needs, list what the whole
/// facets do and what a scan does. Returns how many views were checked.
fn split_answers_as_whole(docs: &[Document]) -> usize {
    let whole = Facets::build(docs);
    let (head, parts) = split_as_served(docs);
    assert_eq!(head.total, whole.total);
    for facet in Facet::ALL {
        let names: Vec<(&str, u32)> = head
            .choices(facet)
            .iter()
            .map(|c| (c.name.as_str(), c.count))
            .collect();
        let expected: Vec<(&str, u32)> = whole
            .values(facet)
            .iter()
            .map(|v| (v.name.as_str(), v.count() as u32))
            .collect();
        assert_eq!(
            names, expected,
            "{facet:?}: the head offers every value with its count"
        );
    }
    let mut views = Vec::new();
    for sort in Sort::ALL {
        let plain = View {
            sort,
            ..View::default()
        };
        views.push(plain.clone());
        for facet in Facet::ALL {
            for value in whole.values(facet) {
                let mut view = plain.clone();
                view.set(facet, Some(value.name.clone()));
                views.push(view);
            }
        }
        let mut view = plain.clone();
        view.set(Facet::Year, whole.years.first().map(|v| v.name.clone()));
        view.set(Facet::Kind, Some("web-analysis".into()));
        views.push(view.clone());
        view.set(
            Facet::Keyword,
            whole.keywords.first().map(|v| v.name.clone()),
        );
        views.push(view.clone());
        view.set(Facet::Author, Some("nobody at all".into()));
        views.push(view);
    }
    for view in &views {
        let needs = head.needs(view);
        let got = head
            .select(view, |n| needs.contains(&n).then(|| &parts[&n]))
            .unwrap_or_else(|e| panic!("{view:?}: {e}"));
        assert_eq!(got, whole.select(view), "{view:?}");
        assert_eq!(got, brute(docs, view), "{view:?}");
        // One part per filter at most, and one for a non-default order.
        let most = view.filters().len() + usize::from(view.sort != Sort::Catalogue);
        assert!(needs.len() <= most, "{view:?} needs {needs:?}");
    }
    views.len()
}

#[test]
fn the_split_facets_answer_as_the_whole_for_the_real_corpus() {
    let docs = Bundle::new(real()).documents;
    let checked = split_answers_as_whole(&docs);
    assert!(checked >= 5 * 4, "{checked} views checked");
}

#[test]
fn the_split_facets_answer_as_the_whole_for_an_archive() {
    let docs = corpus(300);
    let checked = split_answers_as_whole(&docs);
    // Every value of a varied archive, in five orders.
    assert!(checked > 5 * 100, "{checked} views checked");
}

#[test]
fn the_split_facets_of_an_archive_span_parts() {
    // Small parts, so that one facet's lists span several: the answers hold.
    let docs = corpus(300);
    let whole = Facets::build(&docs);
    let (head, parts) = split::split(&whole, 256);
    assert!(parts.len() > 10, "{} parts", parts.len());
    for facet in Facet::ALL {
        for choice in head.choices(facet) {
            let mut view = View::from_query("sort=title-desc");
            view.set(facet, Some(choice.name.clone()));
            assert_eq!(
                head.select(&view, |n| parts.get(n)).unwrap(),
                whole.select(&view)
            );
        }
    }
}

#[test]
fn the_head_and_each_part_stay_small() {
    let docs = corpus(1000);
    let whole = Facets::build(&docs).encode().unwrap().len();
    let (head, parts) = split_as_served(&docs);
    let head_bytes = head.encode().unwrap().len();
    let largest = parts
        .values()
        .map(|p| p.encode().unwrap().len())
        .max()
        .unwrap();
    // Measured for 1,002 documents: 27.4 kB whole; a head of the names and
    // counts (mostly authors' names) 16.9 kB; an order ~2 kB, a part of
    // lists at most the budget (or one value's list, which is at most a
    // varint per document).
    eprintln!(
        "facets of {} documents: whole {whole} bytes, head {head_bytes}, {} parts, largest {largest}",
        docs.len(),
        parts.len()
    );
    assert!(whole < docs.len() * 32, "{whole} bytes");
    assert!(head_bytes < whole * 2 / 3, "head {head_bytes} of {whole}");
    // The file's version, the part's tag and its count of values on top.
    assert!(
        largest <= PART_BUDGET + 8 || largest <= docs.len() * 3,
        "{largest}"
    );
}

#[test]
fn a_damaged_facets_file_is_refused() {
    let docs = corpus(30);
    let (head, parts) = split::split(&Facets::build(&docs), PART_BUDGET);
    let bytes = head.encode().unwrap();
    assert!(Head::decode(&bytes[..bytes.len() / 2]).is_err());
    // A date order naming a document past the catalogue, or one short.
    let Part::Order(order) = &parts[0] else {
        panic!("part 0 is the date order")
    };
    let mut past = order.clone();
    past[0] = 10_000;
    assert!(head
        .decode_part(0, &Part::Order(past).encode().unwrap())
        .is_err());
    let short = order[1..].to_vec();
    assert!(head
        .decode_part(0, &Part::Order(short).encode().unwrap())
        .is_err());
    // The whole facets' file (the format before the split) is refused by version.
    let old = Facets::build(&docs).encode().unwrap();
    assert!(Head::decode(&old).is_err());
}

#[test]
fn split_writes_the_facets_beside_the_pages() {
    let docs = corpus(60);
    let n = docs.len();
    let (head, files) = layout::split_with_facets(Bundle::new(docs.clone()), PER_PAGE).unwrap();
    let Layout::Apart { set, first } = &head.layout else {
        panic!("split gives an apart layout")
    };
    let file = files
        .iter()
        .find(|f| f.path == layout::facets_path(set))
        .expect("a facets head");
    let facets = Head::decode(&file.bytes).unwrap();
    let (mut expected, _) = split::split(&Facets::build(&docs), PART_BUDGET);
    expected.parts = facets.parts.clone();
    assert_eq!(facets, expected);
    // Index i is entry i % PER_PAGE of page page_of(i).
    assert_eq!(first.entries[5].id, docs[5].id);
    assert_eq!(page_of(5), 0);
    assert_eq!(page_of(n as u32 - 1), (n - 1) / PER_PAGE);
    // Everything split writes is still there, plus the head and its parts.
    let plain = layout::split(Bundle::new(docs), PER_PAGE).unwrap().1;
    let distinct: std::collections::BTreeSet<&String> = facets.parts.iter().collect();
    assert_eq!(files.len(), plain.len() + 1 + distinct.len());
    for name in distinct {
        let path = layout::facets_part_path(set, name);
        assert!(files.iter().any(|f| f.path == path), "{path}");
    }
}
