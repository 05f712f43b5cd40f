//! What each query costs a built site's split index, natively and without a
//! browser: the files it reads (as the app reads them: the first page of 20
//! hits, document ids only for the shown hits) and their bytes, so a change
//! to the index format can be weighed in seconds rather than after a release
//! app build (scripts/perf.sh measures the same in Chromium, with brotli).
//!
//! ```sh
//! cargo run --release -p lattice-core --example site_query -- SITE [QUERY...]
//! ```
//!
//! SITE is a `lattice build` output (or the folder holding `meta.bin`);
//! queries are expanded by the glossary beside the index when there is one.
//! Prints one tab-separated line per query: the query, files, raw bytes,
//! then the files' paths (for `brotli`-sizing them elsewhere).

use lattice_core::glossary::Glossary;
use lattice_core::layout::{self, FileKind, Part};
use lattice_core::search::split::{self, Reader, SplitError};
use lattice_core::search::{pipeline, SearchOptions};
use std::cell::RefCell;
use std::path::PathBuf;
use std::process::ExitCode;

/// The query set of scripts/perf.mjs and the native benchmark's densest.
const QUERIES: &[&str] = &[
    "小多邊主義",
    "四方安全对话",
    "ＡＵＫＵＳ",
    "security",
    "\"四方關鍵礦產倡議\"",
    "不存在的詞語",
    "的",
    "Quad",
    "Rubio",
    "國",
    "a",
    "Quad OR AUKUS",
    "強化友盟關係的策略",
    "美日韓 三邊",
];

/// A directory reader that remembers what it read.
struct Recording {
    dir: PathBuf,
    read: RefCell<Vec<(String, usize)>>,
}

impl Reader for Recording {
    fn fetch(&self, name: &str) -> Result<Vec<u8>, SplitError> {
        let bytes = std::fs::read(self.dir.join(name)).map_err(|e| SplitError::Fetch {
            name: name.to_string(),
            message: e.to_string(),
        })?;
        self.read.borrow_mut().push((name.to_string(), bytes.len()));
        Ok(bytes)
    }
}

fn glossary(index: &std::path::Path) -> Option<Glossary> {
    let bytes = std::fs::read(index.parent()?.join("glossary.bin")).ok()?;
    match layout::decode(FileKind::Glossary, &bytes).ok()? {
        Part::Glossary(lexicon) => Some(lexicon.glossary),
        _ => None,
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(site) = args.first() else {
        eprintln!("usage: site_query SITE [QUERY...]");
        return ExitCode::from(2);
    };
    let dir = match split::index_dir(std::path::Path::new(site)) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    let g = glossary(&dir);
    if g.is_none() {
        eprintln!(
            "no glossary beside {}: queries are not expanded",
            dir.display()
        );
    }
    let queries: Vec<&str> = if args.len() > 1 {
        args[1..].iter().map(String::as_str).collect()
    } else {
        QUERIES.to_vec()
    };
    let options = SearchOptions {
        limit: Some(20),
        ..SearchOptions::default()
    };
    let reader = Recording {
        dir: dir.clone(),
        read: RefCell::new(Vec::new()),
    };
    for q in queries {
        reader.read.borrow_mut().clear();
        let query = pipeline::prepare(q, g.as_ref());
        let started = std::time::Instant::now();
        match split::search(&reader, &query, &options, false) {
            Ok((found, _)) => {
                let read = reader.read.borrow();
                let raw: usize = read.iter().map(|(_, n)| n).sum();
                let paths: Vec<String> = read
                    .iter()
                    .map(|(n, _)| dir.join(n).display().to_string())
                    .collect();
                println!(
                    "{q}\t{}\t{raw}\t{} hits\t{:.1} ms\t{}",
                    read.len(),
                    found.results.total,
                    started.elapsed().as_secs_f64() * 1000.0,
                    paths.join(" ")
                );
            }
            Err(e) => {
                eprintln!("{q}: {e}");
                return ExitCode::FAILURE;
            }
        }
    }
    ExitCode::SUCCESS
}
