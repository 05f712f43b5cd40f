//! What the glossary of a corpus folder costs the browser, before and after
//! its split into a lexicon, each document's uses and chunks of uses
//! (`lattice_core::glossary::lexicon`): writes the files a page fetches
//! into OUT, for compressing (node's brotli), and prints their raw sizes.
//!
//! ```sh
//! cargo run --release -p lattice-core --example glossary_sizes -- DIR OUT
//! ```

use lattice_core::glossary::lexicon::{self, DocumentTerms};
use lattice_core::{bundle, catalogue, layout, Bundle};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(dir), Some(out)) = (args.first(), args.get(1)) else {
        eprintln!("usage: glossary_sizes DIR OUT");
        return ExitCode::from(2);
    };
    let out = PathBuf::from(out);
    let started = Instant::now();
    let bundle = match bundle::build(&PathBuf::from(dir)) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(1);
        }
    };
    eprintln!("built in {:.1} s", started.elapsed().as_secs_f64());
    let g = &bundle.glossary;
    let occurrences: usize = g.terms.iter().map(|t| t.occurrences.len()).sum();
    println!(
        "documents {} terms {} occurrences {occurrences}",
        bundle.documents.len(),
        g.terms.len()
    );
    std::fs::create_dir_all(&out).unwrap();
    let write = |name: &str, bytes: &[u8]| {
        std::fs::write(out.join(name), bytes).unwrap();
        println!("{name} {}", bytes.len());
    };
    // Before: the glossary whole, as one file.
    let before = Bundle {
        glossary: g.clone(),
        ..Bundle::new(Vec::new())
    };
    write("before-glossary.bin", &before.encode().unwrap());
    let ids: Vec<&str> = bundle.documents.iter().map(|d| d.id.as_str()).collect();
    let (lex, chunks) = lexicon::split(g, &ids);
    println!("chunks {}", chunks.len());
    let sizes: Vec<usize> = chunks
        .iter()
        .map(|c| layout::encode_uses(c.clone()).unwrap().len())
        .collect();
    write("lexicon.bin", &layout::encode_lexicon(lex.clone()).unwrap());
    // The entry page of the most used term: its first chunk.
    let (top, _) = g
        .terms
        .iter()
        .enumerate()
        .max_by_key(|(_, t)| t.count)
        .unwrap();
    let first = lex.chunks_of(top).start;
    write(
        "top-first-chunk.bin",
        &layout::encode_uses(chunks[first].clone()).unwrap(),
    );
    println!(
        "top term {} ({} uses) spans {} chunks",
        g.terms[top].en,
        g.terms[top].count,
        lex.chunks_of(top).len()
    );
    // A term of median use: its first chunk.
    let mut by_count: Vec<usize> = (0..g.terms.len()).collect();
    by_count.sort_by_key(|&i| g.terms[i].count);
    let median = by_count[by_count.len() / 2];
    let first = lex.chunks_of(median).start;
    if let Some(c) = chunks.get(first) {
        write(
            "median-first-chunk.bin",
            &layout::encode_uses(c.clone()).unwrap(),
        );
    }
    println!(
        "chunk bytes: total {} max {} mean {}",
        sizes.iter().sum::<usize>(),
        sizes.iter().max().unwrap_or(&0),
        sizes.iter().sum::<usize>() / sizes.len().max(1)
    );
    // The first document of the library: its file with and without its uses.
    let doc = &bundle.documents[0];
    let uses = DocumentTerms::of(g, &doc.id);
    write(
        "doc-with-uses.bin",
        &layout::encode_document(doc.clone(), uses).unwrap(),
    );
    write(
        "doc-without-uses.bin",
        &layout::encode_document(doc.clone(), DocumentTerms::default()).unwrap(),
    );
    let all = DocumentTerms::all(g);
    let total: usize = all
        .values()
        .map(|t| postcard::to_allocvec(t).unwrap().len())
        .sum();
    println!(
        "documents' uses: total {total} bytes, mean {} per document; catalogue pages {}",
        total / bundle.documents.len().max(1),
        bundle.documents.len().div_ceil(catalogue::PER_PAGE)
    );
    ExitCode::SUCCESS
}
