//! Build-time bundling: builds the bundle for `corpus/` with `lattice-core`
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
//! [`LAZY_THRESHOLD`] in a release build (`LATTICE_LAZY=1` or `0` overrides), the
//! embedded bundle holds only each document's metadata and the glossary, and
//! every document is written whole, as a one-document bundle, to
//! `target/wasm32-unknown-unknown/<profile>/lattice-corpus/<id>.<hash>.bin`; the Trunk
//! post-build hook (scripts/postbuild.mjs) copies them into `dist/corpus/`,
//! and the app fetches a document when it is first opened. The table of those
//! files goes to `$OUT_DIR/shards.txt` (`id<TAB>file` lines, empty when
//! everything is embedded).

use lattice_core::{bundle, scale, Bundle, Document, Severity};
use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};

/// Relative to the package root, which is the build script's working directory,
/// so diagnostics name files as `corpus/x.txt`.
const CORPUS_DIR: &str = "corpus";

/// Past this many bytes of encoded bundle, a release build fetches documents
/// when opened instead of embedding them. Measured with scripts/perf.sh
/// (brotli, first load): the app's code alone is about 200 KB — the whole
/// budget — and embedded text adds about 0.3 KB per KB raw; with the real
/// corpus (76 KiB) embedded the first load is 223 KB, with it kept apart
/// 200 KB. So any corpus past this small size keeps its documents and
/// glossary apart, the real one included: the library needs only metadata,
/// and opening a document costs one or two requests (10–15 KB brotli), which
/// the service worker precaches for offline use. The measure is raw bytes:
/// synthetic copies compress unrealistically well. Debug builds (component
/// tests, `trunk serve` without `--release`) always embed everything.
const LAZY_THRESHOLD: usize = 16 * 1024;

fn main() {
    let corpus = Path::new(CORPUS_DIR);
    println!("cargo:rerun-if-changed={CORPUS_DIR}");

    println!("cargo:rerun-if-env-changed=LATTICE_SCALE");
    println!("cargo:rerun-if-env-changed=LATTICE_LAZY");

    let mut bundle = bundle::build(corpus)
        .unwrap_or_else(|e| panic!("cannot read the corpus in {CORPUS_DIR}/: {e}"));
    for doc in &bundle.documents {
        println!("cargo:rerun-if-changed={}", doc.source);
    }
    if bundle.documents.is_empty() {
        panic!("{CORPUS_DIR}/ holds no .txt files: the library would be empty");
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
            "the corpus has {} error(s); fix them (see `cargo run --bin lattice -- check`):\n  {}",
            errors.len(),
            errors.join("\n  ")
        );
    }

    let factor = scale_factor();
    if factor > 1 {
        bundle.documents = scale::replicate(&bundle.documents, factor);
    }

    let bytes = encode(&bundle);
    let release = std::env::var("PROFILE").is_ok_and(|p| p == "release");
    let lazy = match std::env::var("LATTICE_LAZY").as_deref() {
        Ok("1") => true,
        Ok("0") => false,
        _ => release && bytes.len() > LAZY_THRESHOLD,
    };
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let shard_dir = shard_dir(&out);
    // Always emptied, so a build that embeds everything leaves no stale files.
    match std::fs::remove_dir_all(&shard_dir) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => panic!("cannot clear {}: {e}", shard_dir.display()),
    }
    std::fs::create_dir_all(&shard_dir)
        .unwrap_or_else(|e| panic!("cannot create {}: {e}", shard_dir.display()));

    let (embedded, table) = if lazy {
        split(bundle, &shard_dir)
    } else {
        (bytes, String::new())
    };
    write(&out.join("corpus.bin"), embedded);
    write(&out.join("shards.txt"), table.into_bytes());
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

/// Where the per-document files go: `<target dir>/<target>/<profile>/lattice-corpus`
/// (`OUT_DIR` is `<that>/build/<package>-<hash>/out`), so a native or test
/// build never overwrites what the release wasm build wrote, and the Trunk
/// hook finds them from `CARGO_TARGET_DIR` and the profile alone.
fn shard_dir(out: &Path) -> PathBuf {
    let profile_dir = out
        .ancestors()
        .nth(3)
        .expect("OUT_DIR is <target>/<triple>/<profile>/build/<pkg>/out");
    profile_dir.join("lattice-corpus")
}

/// The shard-table id of the glossary file (not a valid document id).
const GLOSSARY_ID: &str = "@glossary";

/// Write every document, and the glossary, to its own file and return the
/// bundle to embed (metadata only) and the table of files. The glossary goes
/// too: only pages that show document text (and search) use it.
fn split(mut bundle: Bundle, dir: &Path) -> (Vec<u8>, String) {
    let mut table = String::new();
    let mut shard = |id: &str, part: &Bundle| {
        let bytes = encode(part);
        let mut hasher = DefaultHasher::new();
        bytes.hash(&mut hasher);
        // Content-addressed, so a changed document is a new file and no
        // cache can serve an old one under its name.
        let name = id.trim_start_matches('@');
        let file = format!("{name}.{:016x}.bin", hasher.finish());
        write(&dir.join(&file), bytes);
        table.push_str(&format!("{id}\t{file}\n"));
    };
    for doc in &mut bundle.documents {
        let mut whole = Bundle::new(vec![stub(doc)]);
        std::mem::swap(&mut whole.documents[0], doc);
        shard(&whole.documents[0].id, &whole);
    }
    let mut glossary = Bundle::new(Vec::new());
    std::mem::swap(&mut glossary.glossary, &mut bundle.glossary);
    shard(GLOSSARY_ID, &glossary);
    (encode(&bundle), table)
}

/// A document's metadata without its text: what the library lists.
fn stub(doc: &Document) -> Document {
    Document {
        id: doc.id.clone(),
        source: doc.source.clone(),
        meta: doc.meta.clone(),
        blocks: Vec::new(),
        sections: Vec::new(),
        notes: Vec::new(),
        skipped: Vec::new(),
        diagnostics: Vec::new(),
    }
}

fn encode(bundle: &Bundle) -> Vec<u8> {
    bundle
        .encode()
        .unwrap_or_else(|e| panic!("cannot encode the corpus bundle: {e}"))
}

fn write(path: &Path, bytes: Vec<u8>) {
    std::fs::write(path, bytes).unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
}
