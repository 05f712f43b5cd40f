//! Build-time cost against corpus size: parsing, glossary extraction and
//! bundling (the split layout a release build writes) of synthetic archives
//! of 1,000, 2,000, 4,000 and 10,000 documents (`scale::archive`, recombined
//! from the real corpus). Every step must grow near-linearly: the table
//! printed first gives each step's time per document, which should stay
//! flat as the corpus grows; criterion then measures the whole build and
//! the glossary alone (10 samples each, the fewest it takes).

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use lattice_core::catalogue::PER_PAGE;
use lattice_core::scale::{self, SourceFile};
use lattice_core::{bundle, glossary, layout, parse, Bundle, Document};
use std::hint::black_box;
use std::time::{Duration, Instant};

const SIZES: [usize; 4] = [1_000, 2_000, 4_000, 10_000];

fn files(n: usize) -> Vec<SourceFile> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
    let source = bundle::build(&dir).unwrap().documents;
    scale::archive_files(&source, n, scale::DEFAULT_SEED)
}

fn parse_all(files: &[SourceFile]) -> Vec<Document> {
    files.iter().map(|f| parse(&f.name, &f.text)).collect()
}

/// What the app build does after reading the files: parse, extract the
/// glossary, split into the files a release build writes.
fn build(files: &[SourceFile]) -> usize {
    let mut b = Bundle::new(parse_all(files));
    let (g, _) = glossary::build(&b.documents, None).unwrap();
    b.glossary = g;
    let (_, written) = layout::split(b, PER_PAGE).unwrap();
    written.len()
}

fn report() {
    println!("\n| documents | text MB | parse s | glossary s | split s | total s | total ms/doc |");
    println!("|---|---|---|---|---|---|---|");
    for n in SIZES {
        let f = files(n);
        let mb = f.iter().map(|f| f.text.len()).sum::<usize>() as f64 / 1e6;
        let t = Instant::now();
        let docs = parse_all(&f);
        let parse_s = t.elapsed().as_secs_f64();
        let t = Instant::now();
        let (g, _) = glossary::build(&docs, None).unwrap();
        let glossary_s = t.elapsed().as_secs_f64();
        let mut b = Bundle::new(docs);
        b.glossary = g;
        let t = Instant::now();
        let (_, written) = layout::split(b, PER_PAGE).unwrap();
        let split_s = t.elapsed().as_secs_f64();
        black_box(written);
        let total = parse_s + glossary_s + split_s;
        println!(
            "| {n} | {mb:.1} | {parse_s:.2} | {glossary_s:.2} | {split_s:.2} | {total:.2} | {:.2} |",
            total * 1e3 / n as f64
        );
    }
    println!();
}

fn benches(c: &mut Criterion) {
    report();
    let mut group = c.benchmark_group("build");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(20));
    for n in SIZES {
        let f = files(n);
        let docs = parse_all(&f);
        group.bench_with_input(BenchmarkId::new("parse+glossary+split", n), &f, |b, f| {
            b.iter(|| black_box(build(f)))
        });
        group.bench_with_input(BenchmarkId::new("glossary", n), &docs, |b, d| {
            b.iter(|| black_box(glossary::build(d, None).unwrap()))
        });
    }
    group.finish();
}

criterion_group!(build_benches, benches);
criterion_main!(build_benches);
