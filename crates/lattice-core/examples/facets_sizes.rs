//! What the library's facets of a corpus folder cost the browser: writes
//! into OUT the facets file whole (as before the split), its pieces by kind
//! (the orders, each facet's names and document lists: what the split was
//! chosen by), and the split's head and parts as the layout writes them
//! (`split/`), for compressing (node's brotli), and prints their raw sizes.
//!
//! ```sh
//! cargo run --release -p lattice-core --example facets_sizes -- DIR OUT
//! ```

use lattice_core::catalogue::facets::split::{split, PART_BUDGET};
use lattice_core::catalogue::facets::{Facet, Facets};
use lattice_core::{bundle, Bundle};
use std::path::PathBuf;
use std::process::ExitCode;

fn gaps(indices: &[u32]) -> Vec<u32> {
    let mut previous = 0;
    indices
        .iter()
        .map(|&i| {
            let g = i - previous;
            previous = i;
            g
        })
        .collect()
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(dir), Some(out)) = (args.first(), args.get(1)) else {
        eprintln!("usage: facets_sizes DIR OUT");
        return ExitCode::from(2);
    };
    let out = PathBuf::from(out);
    let bundle = match bundle::build(&PathBuf::from(dir)) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(1);
        }
    };
    let docs = Bundle::new(bundle.documents).documents;
    std::fs::create_dir_all(&out).unwrap();
    let write = |name: &str, bytes: &[u8]| {
        std::fs::write(out.join(name), bytes).unwrap();
        println!("{name} {}", bytes.len());
    };
    let facets = Facets::build(&docs);
    println!("documents {}", docs.len());
    write("whole.bin", &facets.encode().unwrap());
    write(
        "order-date.bin",
        &postcard::to_allocvec(&facets.by_date).unwrap(),
    );
    write(
        "order-title.bin",
        &postcard::to_allocvec(&facets.by_title).unwrap(),
    );
    for facet in Facet::ALL {
        let values = facets.values(facet);
        let lists: Vec<(&str, Vec<u32>)> = values
            .iter()
            .map(|v| (v.name.as_str(), gaps(&v.indices())))
            .collect();
        let names: Vec<(&str, u32)> = values
            .iter()
            .map(|v| (v.name.as_str(), v.count() as u32))
            .collect();
        println!("{} values {}", facet.as_str(), values.len());
        write(
            &format!("{}-lists.bin", facet.as_str()),
            &postcard::to_allocvec(&lists).unwrap(),
        );
        write(
            &format!("{}-names.bin", facet.as_str()),
            &postcard::to_allocvec(&names).unwrap(),
        );
    }
    let (head, parts) = split(&facets, PART_BUDGET);
    std::fs::create_dir_all(out.join("split")).unwrap();
    write("split/head.bin", &head.encode().unwrap());
    for (n, part) in parts.iter().enumerate() {
        write(&format!("split/part-{n:03}.bin"), &part.encode().unwrap());
    }
    ExitCode::SUCCESS
}
