//! Search benchmarks on the real corpus and on synthetic corpora of 10× and
//! 100× its size: index build time and size, and query latency for short and
//! long queries. Criterion measures means; a percentile table (p50/p95 over
//! every query of a fixed set) is printed first, because the budget is p95.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use lattice_core::search::{parse_query, search, SearchIndex, SearchOptions};
use lattice_core::{load_dir, scale, Document};
use std::hint::black_box;
use std::time::Instant;

const SHORT: &[&str] = &[
    "四方",
    "AUKUS",
    "关键矿产",
    "ＡＵＫＵＳ",
    "的",
    "Quad",
    "盧比歐",
    "稀土",
];
const LONG: &[&str] = &[
    "小多邊主義 印太 \"戰略小多邊主義\" Quad AUKUS",
    "美日韓三邊夥伴關係 大衛營 北韓 台海",
    "Joint Statement Quad Foreign Ministers Department State",
    "川普政府 美國優先 多邊主義 聯合國 否定",
];

fn real() -> Vec<Document> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
    load_dir(&dir).unwrap()
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

fn report() {
    let docs = real();
    println!("\n| corpus | passages | text MB | index build ms | index postcard KB | short p50/p95 µs | long p50/p95 µs |");
    println!("|---|---|---|---|---|---|---|");
    for factor in [1, 10, 100] {
        let corpus = scale::replicate(&docs, factor);
        let t = Instant::now();
        let index = SearchIndex::build(&corpus);
        let build_ms = t.elapsed().as_secs_f64() * 1e3;
        let size = postcard::to_allocvec(&index).unwrap().len();
        let mb = index.passages.iter().map(|p| p.text.len()).sum::<usize>() as f64 / 1e6;
        let mut cells = Vec::new();
        for set in [SHORT, LONG] {
            let mut times: Vec<f64> = Vec::new();
            let reps = if factor == 100 { 5 } else { 40 };
            for _ in 0..reps {
                for q in set {
                    let t = Instant::now();
                    let r = search(
                        &index,
                        &parse_query(q),
                        &SearchOptions {
                            limit: Some(50),
                            ..Default::default()
                        },
                    );
                    black_box(r);
                    times.push(t.elapsed().as_secs_f64() * 1e6);
                }
            }
            times.sort_by(f64::total_cmp);
            cells.push(format!(
                "{:.0} / {:.0}",
                percentile(&times, 0.5),
                percentile(&times, 0.95)
            ));
        }
        println!(
            "| {factor}× | {} | {mb:.2} | {build_ms:.1} | {} | {} | {} |",
            index.passages.len(),
            size / 1024,
            cells[0],
            cells[1]
        );
    }
    println!();
}

fn benches(c: &mut Criterion) {
    report();
    let docs = real();
    let mut g = c.benchmark_group("search");
    g.sample_size(20);
    for factor in [1, 10, 100] {
        let corpus = scale::replicate(&docs, factor);
        g.bench_with_input(BenchmarkId::new("index_build", factor), &corpus, |b, c| {
            b.iter(|| SearchIndex::build(black_box(c)))
        });
        let index = SearchIndex::build(&corpus);
        for (name, q) in [
            ("short", "AUKUS"),
            ("cjk", "四方安全對話"),
            ("long", LONG[0]),
        ] {
            let query = parse_query(q);
            g.bench_with_input(BenchmarkId::new(name, factor), &index, |b, i| {
                b.iter(|| {
                    search(
                        i,
                        &query,
                        &SearchOptions {
                            limit: Some(50),
                            ..Default::default()
                        },
                    )
                })
            });
        }
    }
    g.finish();
}

criterion_group!(search_benches, benches);
criterion_main!(search_benches);
