//! Writes a synthetic archive as a corpus folder, for the app build
//! (`LATTICE_CORPUS=DIR trunk build`) and the CLI (`lattice check --corpus
//! DIR`):
//!
//! ```sh
//! cargo run --release -p lattice-core --example archive -- 10000 target/archive-10k [SEED] [SOURCE_DIR]
//! ```
//!
//! The documents are recombined from the corpus in SOURCE_DIR (default
//! `corpus/`) by `lattice_core::scale::write_archive`.

use lattice_core::{bundle, scale};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let usage = "usage: archive COUNT DIR [SEED] [SOURCE_DIR]";
    let (Some(count), Some(dir)) = (args.first(), args.get(1)) else {
        eprintln!("{usage}");
        return ExitCode::from(2);
    };
    let Ok(count) = count.parse::<usize>() else {
        eprintln!("COUNT must be a whole number\n{usage}");
        return ExitCode::from(2);
    };
    let seed = match args.get(2).map(|s| s.parse::<u64>()) {
        None => scale::DEFAULT_SEED,
        Some(Ok(s)) => s,
        Some(Err(_)) => {
            eprintln!("SEED must be a whole number\n{usage}");
            return ExitCode::from(2);
        }
    };
    let source = args.get(3).map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../corpus"),
        PathBuf::from,
    );
    let documents = match bundle::build(&source) {
        Ok(b) => b.documents,
        Err(e) => {
            eprintln!("cannot read {}: {e}", source.display());
            return ExitCode::FAILURE;
        }
    };
    let start = Instant::now();
    match scale::write_archive(&documents, count, seed, &PathBuf::from(dir)) {
        Ok(0) if count > 0 => {
            eprintln!("{} has no sentence to recombine", source.display());
            ExitCode::FAILURE
        }
        Ok(n) => {
            eprintln!("wrote {n} files to {dir} in {:.2?}", start.elapsed());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("cannot write {dir}: {e}");
            ExitCode::FAILURE
        }
    }
}
