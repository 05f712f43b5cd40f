//! The library's facets against brute force on the synthetic archive (varied
//! authors, dates, keywords) plus the real corpus: every filter and order
//! the facets file answers is what scanning the documents gives, the file
//! is small, and it comes out of the layout's split beside the other files.

use lattice_core::catalogue::facets::{page_of, title_key, Facet, Facets, Sort, View};
use lattice_core::catalogue::PER_PAGE;
use lattice_core::layout::{self, Layout};
use lattice_core::scale::{self, DEFAULT_SEED};
use lattice_core::{bundle, Bundle, Document};
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
    let facets = Facets::decode(&Facets::build(&docs).encode().unwrap()).unwrap();
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

#[test]
fn the_facets_file_stays_small() {
    let docs = corpus(1000);
    let bytes = Facets::build(&docs).encode().unwrap().len();
    // Two orders of ≤ 2-byte varints, about one byte per (document, value),
    // and the names of every author and keyword (most of it): measured
    // 27.5 kB for 1,002 documents, fetched only when a reader sorts or
    // filters (the plain library needs no facets).
    eprintln!("facets of {} documents: {bytes} bytes", docs.len());
    assert!(bytes < docs.len() * 32, "{bytes} bytes");
}

#[test]
fn a_damaged_facets_file_is_refused() {
    let mut facets = Facets::build(&corpus(30));
    facets.by_title[0] = 10_000;
    assert!(Facets::decode(&facets.encode().unwrap()).is_err());
    let mut short = Facets::build(&corpus(30));
    short.by_date.pop();
    assert!(Facets::decode(&short.encode().unwrap()).is_err());
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
        .expect("a facets file");
    let facets = Facets::decode(&file.bytes).unwrap();
    assert_eq!(facets, Facets::build(&docs));
    // Index i is entry i % PER_PAGE of page page_of(i).
    assert_eq!(first.entries[5].id, docs[5].id);
    assert_eq!(page_of(5), 0);
    assert_eq!(page_of(n as u32 - 1), (n - 1) / PER_PAGE);
    // Everything split writes is still there.
    let plain = layout::split(Bundle::new(docs), PER_PAGE).unwrap().1;
    assert_eq!(files.len(), plain.len() + 1);
}
