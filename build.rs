//! Build-time bundling: builds the bundle for `corpus/` (or the folder
//! `LATTICE_CORPUS` names, relative to the package root) with `lattice-core`
//! (the same `bundle::build` the CLI uses: parse every `.txt`, derive what the
//! app needs) and writes it encoded to `$OUT_DIR/corpus.bin`, which the app
//! embeds with `include_bytes!`. The browser therefore never parses raw text,
//! and adding a `.txt` file to `corpus/` and rebuilding adds a document.
//!
//! Every diagnostic is reported as a cargo warning (`file:line: severity:
//! message`); any error diagnostic fails the build, so a broken corpus never
//! ships.
//!
//! **Scale and lazy loading.** `LATTICE_SCALE=N` bundles a synthetic corpus of
//! N copies of every document (`lattice_core::scale::replicate`), to measure
//! how costs grow (scripts/perf.sh). When the encoded bundle is larger than
//! [`LAZY_THRESHOLD`] in a release build (`LATTICE_LAZY=1` or `0` overrides),
//! it is split (`lattice_core::layout::split`): the embedded head holds only
//! the first page of the library's catalogue, and every document, the other
//! catalogue pages and the glossary are files under
//! `target/wasm32-unknown-unknown/<profile>/lattice-corpus/<set>/`; the Trunk
//! post-build hook (scripts/postbuild.mjs) copies them into `dist/corpus/`,
//! the app fetches each when a page first needs it, and the service worker
//! precaches them all for offline reading. Beside them goes the split search
//! index (`<set>/search/`, `lattice_core::layout::split_site`, the same call
//! `lattice build` makes), which a split corpus's search reads instead of
//! its documents (src/search.rs).
//!
//! **Search of an embedded corpus.** The app searches only through a split
//! index, so a corpus embedded whole gets one too
//! (`lattice_core::search::split::files_with_glossary`), in a folder named
//! by a hash of its files (`LATTICE_SEARCH_SET` tells the app): a release
//! build writes the files beside the app like a split corpus's (fetched per
//! query, precached by the service worker); a debug build (component tests,
//! which have no server for files) embeds them in `$OUT_DIR/search.bin`.
//!
//! **No corpus at all.** `LATTICE_HEAD=fetch` builds an app that embeds no
//! corpus: it fetches its head from `corpus/head.bin` beside index.html at
//! start (src/head.rs). That is the app `lattice build` carries inside the
//! binary and serves with any folder's corpus (scripts/package.sh builds it).

use lattice_core::layout::{self, Head, Layout};
use lattice_core::search::split;
use lattice_core::{bundle, catalogue, scale, Bundle, Severity};
use std::hash::Hasher;
use std::path::{Path, PathBuf};

/// The corpus folder unless `LATTICE_CORPUS` names another. Relative to the
/// package root, which is the build script's working directory, so
/// diagnostics name files as `corpus/x.txt`.
const CORPUS_DIR: &str = "corpus";

/// Past this many bytes of encoded bundle, a release build splits the corpus
/// instead of embedding it. Measured with scripts/perf.sh (brotli, first
/// load, kB of 1000 bytes): split, the first load is 196.6 kB whatever the
/// corpus size (1×, 10× and 100× alike), nearly all of it the app's code;
/// the real corpus (76 KiB encoded) embedded makes it 220.7 kB, over the
/// 200 kB budget, so embedded text costs about 0.32 kB brotli per KiB. The
/// 3.4 kB left in the budget hold about 10 KiB; 8 KiB keeps a margin. So
/// any corpus but a tiny one is split, the real one included: the library's
/// first page needs only the head, and opening a document costs one or two
/// requests (10–15 kB brotli), which the service worker precaches for
/// offline use. The measure is raw bytes: synthetic copies compress
/// unrealistically well. Debug builds (component tests, `trunk serve`
/// without `--release`) always embed everything.
const LAZY_THRESHOLD: usize = 8 * 1024;

fn main() {
    // `lattice_split_head`: the head this build reads is a split corpus's
    // (fetched, or embedded past the threshold), so the app reads it with
    // `Head::peek` and carries no code to decode a whole bundle.
    println!("cargo::rustc-check-cfg=cfg(lattice_split_head)");
    write_fold_table();
    println!("cargo:rerun-if-env-changed=LATTICE_HEAD");
    if std::env::var("LATTICE_HEAD").is_ok_and(|v| v == "fetch") {
        fetch_head();
        return;
    }
    println!("cargo:rustc-env=LATTICE_HEAD_MODE=embed");
    println!("cargo:rerun-if-env-changed=LATTICE_CORPUS");
    let corpus_dir = match std::env::var("LATTICE_CORPUS") {
        Ok(dir) if !dir.is_empty() => dir,
        _ => CORPUS_DIR.to_string(),
    };
    let corpus = Path::new(&corpus_dir);
    // Cargo watches a folder's whole contents: files added, removed or
    // edited, glossary.toml included (whether or not it exists yet).
    println!("cargo:rerun-if-changed={corpus_dir}");

    println!("cargo:rerun-if-env-changed=LATTICE_SCALE");
    println!("cargo:rerun-if-env-changed=LATTICE_LAZY");

    let mut bundle = bundle::build(corpus)
        .unwrap_or_else(|e| panic!("cannot read the corpus in {corpus_dir}/: {e}"));
    for doc in &bundle.documents {
        println!("cargo:rerun-if-changed={}", doc.source);
    }
    if bundle.documents.is_empty() {
        panic!("{corpus_dir}/ holds no .txt files: the library would be empty");
    }

    let mut errors = Vec::new();
    let per_document = bundle.documents.iter().flat_map(|d| &d.diagnostics);
    for diagnostic in per_document.chain(&bundle.diagnostics) {
        // A cargo directive ends at the line break; keep each diagnostic on one line.
        let line = diagnostic.to_string().replace(['\r', '\n'], " ");
        println!("cargo:warning={line}");
        if diagnostic.severity == Severity::Error {
            errors.push(line);
        }
    }
    if !errors.is_empty() {
        panic!(
            "the corpus has {} error(s); fix them (see `cargo run -p lattice-cli -- check {corpus_dir}`):\n  {}",
            errors.len(),
            errors.join("\n  ")
        );
    }

    let factor = scale_factor();
    if factor > 1 {
        // Through `Bundle::new`, which puts them in id order like any bundle.
        bundle.documents = Bundle::new(scale::replicate(&bundle.documents, factor)).documents;
    }

    // Encoded once, embedded whole; split only if that is too large.
    let whole = Head::whole(bundle);
    let embedded = encode(&whole);
    let release = std::env::var("PROFILE").is_ok_and(|p| p == "release");
    let lazy = match std::env::var("LATTICE_LAZY").as_deref() {
        Ok("1") => true,
        Ok("0") => false,
        _ => release && embedded.len() > LAZY_THRESHOLD,
    };
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let files_dir = files_dir(&out);
    // Always emptied, so a build that embeds everything leaves no stale files.
    match std::fs::remove_dir_all(&files_dir) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => panic!("cannot clear {}: {e}", files_dir.display()),
    }
    let Layout::Whole(bundle) = whole.layout else {
        unreachable!("Head::whole embeds the bundle")
    };
    let mut seeded = Vec::new();
    let embedded = if lazy {
        let (head, files) = layout::split_site(bundle, catalogue::PER_PAGE)
            .unwrap_or_else(|e| panic!("cannot encode the corpus files: {e}"));
        write_files(&files_dir, files);
        println!("cargo:rustc-env=LATTICE_SEARCH_SET=");
        println!("cargo:rustc-cfg=lattice_split_head");
        encode(&head)
    } else {
        // The app searches only a split index: an embedded corpus gets one
        // too, in a folder of its own named by a hash of its files.
        let search = split::files_with_glossary("", &bundle.documents, &bundle.glossary)
            .unwrap_or_else(|e| panic!("cannot encode the search index: {e}"));
        let mut hasher = fnv::FnvHasher::default();
        for file in &search {
            for piece in [file.path.as_bytes(), &file.bytes] {
                hasher.write(&(piece.len() as u64).to_le_bytes());
                hasher.write(piece);
            }
        }
        let set = format!("{:016x}", hasher.finish());
        println!("cargo:rustc-env=LATTICE_SEARCH_SET={set}");
        if release {
            // Fetched like a split corpus's, and precached with them.
            let placed = search.into_iter().map(|f| layout::File {
                path: format!("{set}{}", f.path),
                bytes: f.bytes,
            });
            write_files(&files_dir, placed.collect());
        } else {
            // Debug builds (component tests, which have no server for
            // files) embed them: see `SEEDED` in src/search.rs.
            seeded = seed(search);
        }
        embedded
    };
    write(&out.join("corpus.bin"), embedded);
    write(&out.join("search.bin"), seeded);
}

/// Write a corpus's files under `dir`.
fn write_files(dir: &Path, files: Vec<layout::File>) {
    for file in files {
        let path = dir.join(&file.path);
        let folder = path.parent().expect("a file path has a folder");
        std::fs::create_dir_all(folder)
            .unwrap_or_else(|e| panic!("cannot create {}: {e}", folder.display()));
        write(&path, file.bytes);
    }
}

/// Search index files as one blob for a debug build to embed: per file,
/// its name's length (u32, little-endian), its name, its length, its bytes.
fn seed(files: Vec<layout::File>) -> Vec<u8> {
    let mut out = Vec::new();
    for file in files {
        let name = file.path.rsplit('/').next().unwrap_or_default();
        for piece in [name.as_bytes(), &file.bytes] {
            let len = u32::try_from(piece.len()).expect("a search file is under 4 GiB");
            out.extend_from_slice(&len.to_le_bytes());
            out.extend_from_slice(piece);
        }
    }
    out
}

/// OpenCC's Traditional→Simplified table as a data file beside index.html
/// (`opencc-<hash>.bin`, a stable hash of its bytes), which the app fetches
/// when it first folds text (src/fold_table.rs) instead of carrying it in
/// its first load; `LATTICE_TS_TABLE` tells the app its name. It goes to
/// `<target>/<triple>/<profile>/lattice-shell/`, which the Trunk hook
/// (scripts/postbuild.mjs) copies beside index.html.
fn write_fold_table() {
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let dir = shell_dir(&out);
    match std::fs::remove_dir_all(&dir) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => panic!("cannot clear {}: {e}", dir.display()),
    }
    std::fs::create_dir_all(&dir)
        .unwrap_or_else(|e| panic!("cannot create {}: {e}", dir.display()));
    let table = lattice_core::fold::packed_table();
    let mut hasher = fnv::FnvHasher::default();
    hasher.write(table);
    let name = format!("opencc-{:016x}.bin", hasher.finish());
    write(&dir.join(&name), table.to_vec());
    println!("cargo:rustc-env=LATTICE_TS_TABLE={name}");
    // Debug builds (component tests, which have no server for files) embed
    // it instead: see `EMBEDDED` in src/fold_table.rs.
    let release = std::env::var("PROFILE").is_ok_and(|p| p == "release");
    let embedded = if release { Vec::new() } else { table.to_vec() };
    write(&out.join("opencc.bin"), embedded);
}

/// An app that embeds no corpus: an empty `corpus.bin` (so the include
/// still compiles, at no cost), no split files, and the mode for src/head.rs.
fn fetch_head() {
    println!("cargo:rustc-env=LATTICE_HEAD_MODE=fetch");
    // `lattice build` always writes a split head (`layout::split_site`).
    println!("cargo:rustc-cfg=lattice_split_head");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let files_dir = files_dir(&out);
    match std::fs::remove_dir_all(&files_dir) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => panic!("cannot clear {}: {e}", files_dir.display()),
    }
    write(&out.join("corpus.bin"), Vec::new());
    write(&out.join("search.bin"), Vec::new());
    println!("cargo:rustc-env=LATTICE_SEARCH_SET=");
}

/// `LATTICE_SCALE`, 1 when unset.
fn scale_factor() -> usize {
    match std::env::var("LATTICE_SCALE") {
        Ok(v) => v
            .parse()
            .ok()
            .filter(|&n| n >= 1)
            .unwrap_or_else(|| panic!("LATTICE_SCALE must be a whole number >= 1, not {v:?}")),
        Err(_) => 1,
    }
}

/// Where the files of a split corpus go: `<target dir>/<target>/<profile>/lattice-corpus`
/// (`OUT_DIR` is `<that>/build/<package>-<hash>/out`), so a native or test
/// build never overwrites what the release wasm build wrote, and the Trunk
/// hook finds them from `CARGO_TARGET_DIR` and the profile alone.
fn files_dir(out: &Path) -> PathBuf {
    profile_dir(out).join("lattice-corpus")
}

/// Where files to serve beside index.html go (see [`write_fold_table`]).
fn shell_dir(out: &Path) -> PathBuf {
    profile_dir(out).join("lattice-shell")
}

/// `<target dir>/<target>/<profile>`, from `OUT_DIR`.
fn profile_dir(out: &Path) -> PathBuf {
    out.ancestors()
        .nth(3)
        .expect("OUT_DIR is <target>/<triple>/<profile>/build/<pkg>/out")
        .to_path_buf()
}

fn encode(head: &Head) -> Vec<u8> {
    head.encode()
        .unwrap_or_else(|e| panic!("cannot encode the corpus bundle: {e}"))
}

fn write(path: &Path, bytes: Vec<u8>) {
    std::fs::write(path, bytes).unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
}
