//! Search benchmarks on the real corpus and on generated archives of 1,000
//! and 10,000 documents (`scale::archive`; `LATTICE_BENCH_SIZES=1,1000`
//! picks sizes, 1 meaning the real corpus): index build time and size, in
//! memory and split (with the glossary's forms counted ahead); per query,
//! typed and with glossary expansion, the split index's files and bytes
//! fetched and both indexes' latency. A table is printed first (p50/p95 over every
//! query of a fixed set, and the worst query's bytes), then criterion
//! measures means.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use lattice_core::glossary::Glossary;
use lattice_core::search::split::{self, Built, Reader, SplitError};
use lattice_core::search::{parse_query, pipeline, search, Query, SearchIndex, SearchOptions};
use lattice_core::{bundle, scale, Document};
use std::collections::HashMap;
use std::hint::black_box;
use std::time::Instant;

const QUERIES: &[&str] = &[
    "四方",
    "AUKUS",
    "关键矿产",
    "ＡＵＫＵＳ",
    "的",
    "Quad",
    "盧比歐",
    "稀土",
    "\"hub-and-spoke\"",
    "強化友盟關係的策略",
    "Quad OR AUKUS",
    "川普 -政府",
    "小多邊主義 印太 \"戰略小多邊主義\" Quad AUKUS",
    "美日韓三邊夥伴關係 大衛營 北韓 台海",
    "夥伴關係從未存在過的詞語",
];

struct Memory(HashMap<String, Vec<u8>>);

impl Reader for Memory {
    fn fetch(&self, name: &str) -> Result<Vec<u8>, SplitError> {
        self.0.get(name).cloned().ok_or(SplitError::Fetch {
            name: name.to_string(),
            message: "absent".to_string(),
        })
    }
}

fn real() -> (Vec<Document>, Glossary) {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
    let b = bundle::build(&dir).unwrap();
    (b.documents, b.glossary)
}

/// Every query twice: as typed, and expanded by the glossary (`+g`).
fn queries(glossary: &Glossary) -> Vec<(String, Query)> {
    let mut out = Vec::new();
    for q in QUERIES {
        out.push((q.to_string(), parse_query(q)));
        let expanded = pipeline::prepare(q, Some(glossary));
        if expanded != parse_query(q) {
            out.push((format!("{q} +g"), expanded));
        }
    }
    out
}

fn sizes() -> Vec<usize> {
    std::env::var("LATTICE_BENCH_SIZES")
        .ok()
        .map(|s| s.split(',').filter_map(|n| n.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![1, 1000, 10_000])
}

fn corpus(real: &[Document], n: usize) -> Vec<Document> {
    if n <= 1 {
        real.to_vec()
    } else {
        scale::archive(real, n, scale::DEFAULT_SEED)
    }
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

fn options() -> SearchOptions {
    SearchOptions {
        limit: Some(20),
        ..SearchOptions::default()
    }
}

fn report(real: &[Document], glossary: &Glossary) {
    println!("\n| documents | passages | text MB | build ms (memory / split) | split files | split MB | meta KB | memory p50/p95 µs | split p50/p95 µs | fetched per query: median / max KB (files) | worst query |");
    println!("|---|---|---|---|---|---|---|---|---|---|---|");
    for n in sizes() {
        let docs = corpus(real, n);
        let t = Instant::now();
        let index = SearchIndex::build(&docs);
        let build_ms = t.elapsed().as_secs_f64() * 1e3;
        let t = Instant::now();
        let built: Built = split::build_with_glossary(&index, glossary).unwrap();
        let split_ms = t.elapsed().as_secs_f64() * 1e3;
        let meta = built.files[0].1.len();
        let mb = index.passages.iter().map(|p| p.text.len()).sum::<usize>() as f64 / 1e6;
        let memory = Memory(built.files.iter().cloned().collect());
        let (mut mem_t, mut split_t, mut fetched) = (Vec::new(), Vec::new(), Vec::new());
        for (q, query) in queries(glossary) {
            let reps = if n >= 10_000 { 2 } else { 10 };
            for _ in 0..reps {
                let t = Instant::now();
                black_box(search(&index, &query, &options()));
                mem_t.push(t.elapsed().as_secs_f64() * 1e6);
                let t = Instant::now();
                let (_, files) = split::search(&memory, &query, &options(), false).unwrap();
                split_t.push(t.elapsed().as_secs_f64() * 1e6);
                black_box(&files);
            }
            let (_, files) = split::search(&memory, &query, &options(), false).unwrap();
            fetched.push((files.bytes(), files.count(), q));
        }
        mem_t.sort_by(f64::total_cmp);
        split_t.sort_by(f64::total_cmp);
        fetched.sort();
        let median = &fetched[fetched.len() / 2];
        let worst = &fetched[fetched.len() - 1];
        println!(
            "| {} | {} | {mb:.1} | {build_ms:.0} / {split_ms:.0} | {} | {:.1} | {:.1} | {:.0} / {:.0} | {:.0} / {:.0} | {:.1} ({}) / {:.1} ({}) | `{}` |",
            index.documents.len(),
            index.passages.len(),
            built.files.len(),
            built.bytes() as f64 / 1e6,
            meta as f64 / 1e3,
            percentile(&mem_t, 0.5),
            percentile(&mem_t, 0.95),
            percentile(&split_t, 0.5),
            percentile(&split_t, 0.95),
            median.0 as f64 / 1e3,
            median.1,
            worst.0 as f64 / 1e3,
            worst.1,
            worst.2,
        );
        println!(
            "  per query (KB, files): {}",
            fetched
                .iter()
                .map(|(b, f, q)| format!("{q} {:.0}/{f}", *b as f64 / 1e3))
                .collect::<Vec<_>>()
                .join("; ")
        );
    }
    println!();
}

fn benches(c: &mut Criterion) {
    let (real, glossary) = real();
    report(&real, &glossary);
    let mut g = c.benchmark_group("search");
    g.sample_size(10);
    for n in sizes().into_iter().filter(|&n| n <= 1000) {
        let docs = corpus(&real, n);
        g.bench_with_input(BenchmarkId::new("index_build", n), &docs, |b, d| {
            b.iter(|| SearchIndex::build(black_box(d)))
        });
        let index = SearchIndex::build(&docs);
        g.bench_with_input(BenchmarkId::new("split_build", n), &index, |b, i| {
            b.iter(|| split::build_with_glossary(black_box(i), &glossary).unwrap())
        });
        let built = split::build_with_glossary(&index, &glossary).unwrap();
        let memory = Memory(built.files.iter().cloned().collect());
        for (name, q) in [
            ("short", "AUKUS"),
            ("cjk", "四方安全對話"),
            ("common", "的"),
        ] {
            let query = parse_query(q);
            g.bench_with_input(
                BenchmarkId::new(format!("memory_{name}"), n),
                &index,
                |b, i| b.iter(|| search(i, &query, &options())),
            );
            g.bench_with_input(
                BenchmarkId::new(format!("split_{name}"), n),
                &memory,
                |b, m| b.iter(|| split::search(m, &query, &options(), false).unwrap()),
            );
        }
    }
    g.finish();
}

criterion_group!(search_benches, benches);
criterion_main!(search_benches);
