//! The built site as `lattice serve` answers from it: every file read into
//! memory once per build with its type, and each text-like file (HTML,
//! JavaScript, CSS, wasm, the corpus files) compressed then, with brotli and
//! gzip, so that a request is a look-up and never a compression. A file whose
//! bytes did not change since the previous build keeps its compressed forms
//! (they are kept by content hash), so a rebuild after editing one paper
//! compresses only what changed. Holding the whole site also means a request
//! during a rebuild gets the previous build, never a half-written folder.

use super::encoding::Encoding;
use anyhow::{Context, Result};
use sha2::{Digest, Sha256};
use std::collections::{HashMap, HashSet};
use std::io::Write;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

/// Files smaller than this are sent as they are: compressing saves less
/// than the headers cost.
const SMALL: usize = 256;
/// Brotli's densest setting, for the app's files: a handful, unchanged from
/// one build to the next (so compressed once per `lattice serve`), and the
/// first load a reader waits for. On the wasm it gives about a tenth less
/// than quality 9 and takes ten times as long.
const SHELL_QUALITY: u32 = 11;
/// For the corpus files, which grow with the folder and change with it.
const CORPUS_QUALITY: u32 = 9;
/// The corpus files' folder in a built site.
const CORPUS_DIR: &str = "corpus/";
/// Brotli's window, 2^22 bytes: the wasm fits in it.
const BROTLI_WINDOW: u32 = 22;

/// A file's compressed forms (each only if smaller than the file).
#[derive(Default)]
struct Forms {
    brotli: Option<Vec<u8>>,
    gzip: Option<Vec<u8>>,
}

/// Compressed forms by the sha256 of the bytes they compress, kept from one
/// build to the next.
#[derive(Default)]
pub(crate) struct Compressed(HashMap<[u8; 32], Arc<Forms>>);

/// One served file.
pub(crate) struct Served {
    /// Its Content-Type.
    pub(crate) kind: &'static str,
    bytes: Vec<u8>,
    forms: Arc<Forms>,
}

impl Served {
    /// The encodings it is kept in besides itself, preferred first: brotli,
    /// unless its form came out larger than gzip's (small binary files).
    pub(crate) fn encodings(&self) -> Vec<Encoding> {
        let (brotli, gzip) = (&self.forms.brotli, &self.forms.gzip);
        let mut encodings = Vec::with_capacity(2);
        if brotli.is_some() {
            encodings.push(Encoding::Brotli);
        }
        if let Some(g) = gzip {
            match brotli {
                Some(b) if g.len() < b.len() => encodings.insert(0, Encoding::Gzip),
                _ => encodings.push(Encoding::Gzip),
            }
        }
        encodings
    }

    /// Whether the answer depends on Accept-Encoding (so caches must `Vary`).
    pub(crate) fn varies(&self) -> bool {
        compressible(self.kind) && self.bytes.len() >= SMALL
    }

    /// Its bytes in `encoding` (one of [`Served::encodings`] or identity).
    pub(crate) fn body(&self, encoding: Encoding) -> &[u8] {
        let form = match encoding {
            Encoding::Brotli => self.forms.brotli.as_deref(),
            Encoding::Gzip => self.forms.gzip.as_deref(),
            Encoding::Identity => None,
        };
        form.unwrap_or(&self.bytes)
    }
}

/// What a build's compression did, for the line `lattice serve` prints.
#[derive(Default, Debug, PartialEq)]
pub(crate) struct Sizes {
    /// Files kept compressed, and their bytes as they are.
    pub(crate) files: usize,
    pub(crate) bytes: u64,
    /// The same files' bytes with brotli and with gzip (a form that would
    /// not be smaller counts as the file itself).
    pub(crate) brotli: u64,
    pub(crate) gzip: u64,
    /// Of those files, how many were compressed by this build (the rest
    /// were unchanged since the previous one).
    pub(crate) compressed_now: usize,
}

/// The site: each file by its `/`-separated path under the site's folder.
pub(crate) struct Snapshot {
    files: HashMap<String, Served>,
}

impl Snapshot {
    /// The site before its first build: nothing.
    pub(crate) fn empty() -> Snapshot {
        Snapshot {
            files: HashMap::new(),
        }
    }

    /// Read the site under `root`, compressing (on every core) the files
    /// `cache` does not hold yet. `cache` keeps only this build's forms.
    pub(crate) fn read(root: &Path, cache: &mut Compressed) -> Result<(Snapshot, Sizes)> {
        let mut found = Vec::new();
        walk(root, "", &mut found)?;
        found.sort_by(|a, b| a.0.cmp(&b.0));
        let mut hashes = Vec::with_capacity(found.len());
        let mut todo: Vec<usize> = Vec::new();
        let mut pending = HashSet::new();
        for (i, (name, bytes)) in found.iter().enumerate() {
            let wanted = compressible(mime(name)) && bytes.len() >= SMALL;
            let hash: [u8; 32] = Sha256::digest(bytes).into();
            if wanted && !cache.0.contains_key(&hash) && pending.insert(hash) {
                todo.push(i);
            }
            hashes.push(hash);
        }
        let jobs: Vec<(&[u8], u32)> = todo
            .iter()
            .map(|&i| {
                let (name, bytes) = &found[i];
                let quality = match name.starts_with(CORPUS_DIR) {
                    true => CORPUS_QUALITY,
                    false => SHELL_QUALITY,
                };
                (&bytes[..], quality)
            })
            .collect();
        let fresh = compress_all(&jobs)?;
        let mut sizes = Sizes {
            compressed_now: fresh.len(),
            ..Sizes::default()
        };
        let mut kept = HashMap::new();
        for (&i, forms) in todo.iter().zip(fresh) {
            cache.0.insert(hashes[i], Arc::new(forms));
        }
        let mut files = HashMap::with_capacity(found.len());
        for ((name, bytes), hash) in found.into_iter().zip(hashes) {
            let kind = mime(&name);
            let forms = match cache.0.get(&hash) {
                Some(forms) if compressible(kind) && bytes.len() >= SMALL => {
                    kept.insert(hash, forms.clone());
                    sizes.files += 1;
                    sizes.bytes += bytes.len() as u64;
                    let len = |f: &Option<Vec<u8>>| f.as_ref().map_or(bytes.len(), Vec::len) as u64;
                    sizes.brotli += len(&forms.brotli);
                    sizes.gzip += len(&forms.gzip);
                    forms.clone()
                }
                _ => Arc::default(),
            };
            files.insert(name, Served { kind, bytes, forms });
        }
        cache.0 = kept;
        Ok((Snapshot { files }, sizes))
    }

    /// The file at `path` (`a/b.js`), or a folder's index.html.
    pub(crate) fn get(&self, path: &str) -> Option<&Served> {
        self.files.get(path).or_else(|| {
            let index = if path.is_empty() {
                "index.html".to_string()
            } else {
                format!("{path}/index.html")
            };
            self.files.get(&index)
        })
    }
}

/// Every file under `dir`, as (path under the site with `prefix`, bytes).
fn walk(dir: &Path, prefix: &str, found: &mut Vec<(String, Vec<u8>)>) -> Result<()> {
    for entry in std::fs::read_dir(dir).with_context(|| format!("reading {}", dir.display()))? {
        let path = entry
            .with_context(|| format!("reading {}", dir.display()))?
            .path();
        let name = format!(
            "{prefix}{}",
            path.file_name().unwrap_or_default().to_string_lossy()
        );
        if path.is_dir() {
            walk(&path, &format!("{name}/"), found)?;
        } else {
            let bytes =
                std::fs::read(&path).with_context(|| format!("reading {}", path.display()))?;
            found.push((name, bytes));
        }
    }
    Ok(())
}

/// Each file's forms (bytes, brotli quality), in order, compressed on
/// every core: each worker takes the next file not yet taken, so one large
/// file does not hold back the rest.
fn compress_all(files: &[(&[u8], u32)]) -> Result<Vec<Forms>> {
    let workers = std::thread::available_parallelism()
        .map_or(1, usize::from)
        .min(files.len().max(1));
    let next = AtomicUsize::new(0);
    let mut done: Vec<(usize, Result<Forms>)> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..workers)
            .map(|_| {
                scope.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(&(bytes, quality)) = files.get(i) else {
                            break done;
                        };
                        done.push((i, compress(bytes, quality)));
                    }
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| w.join().expect("compression does not panic"))
            .collect()
    });
    done.sort_by_key(|(i, _)| *i);
    done.into_iter().map(|(_, forms)| forms).collect()
}

/// One file's brotli and gzip forms, each kept only if smaller.
fn compress(bytes: &[u8], quality: u32) -> Result<Forms> {
    let mut brotli = brotli::CompressorWriter::new(Vec::new(), 4096, quality, BROTLI_WINDOW);
    brotli.write_all(bytes)?;
    brotli.flush()?;
    let brotli = brotli.into_inner();
    let mut gzip = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    gzip.write_all(bytes)?;
    let gzip = gzip.finish()?;
    let smaller = |form: Vec<u8>| (form.len() < bytes.len()).then_some(form);
    Ok(Forms {
        brotli: smaller(brotli),
        gzip: smaller(gzip),
    })
}

/// The Content-Type of a site file.
pub(crate) fn mime(path: &str) -> &'static str {
    let extension = path.rsplit_once('.').map_or("", |(_, e)| e);
    match extension {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "wasm" => "application/wasm",
        "json" => "application/json",
        "webmanifest" => "application/manifest+json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// Whether compressing this type pays (PNG is compressed already).
fn compressible(kind: &str) -> bool {
    kind != "image/png"
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    #[test]
    fn wasm_and_modules_get_the_types_browsers_require() {
        assert_eq!(mime("x.wasm"), "application/wasm");
        assert!(mime("a/x.js").starts_with("text/javascript"));
        assert_eq!(mime("corpus/head.bin"), "application/octet-stream");
        assert_eq!(mime("corpus.d/README"), "application/octet-stream");
    }

    #[test]
    fn a_site_is_compressed_once_and_unchanged_files_are_not_compressed_again() {
        let root = std::env::temp_dir().join(format!("lattice-snapshot-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        std::fs::create_dir_all(root.join("corpus")).unwrap();
        let text = "四方安全對話 Quad ".repeat(200);
        std::fs::write(root.join("index.html"), &text).unwrap();
        std::fs::write(root.join("corpus/a.bin"), text.repeat(2)).unwrap();
        std::fs::write(root.join("small.js"), "x").unwrap();
        std::fs::write(root.join("icon.png"), text.as_bytes()).unwrap();

        let mut cache = Compressed::default();
        let (site, sizes) = Snapshot::read(&root, &mut cache).unwrap();
        assert_eq!((sizes.files, sizes.compressed_now), (2, 2));
        assert!(
            sizes.brotli < sizes.gzip && sizes.gzip < sizes.bytes,
            "{sizes:?}"
        );
        let index = site.get("").unwrap();
        assert_eq!(index.encodings(), [Encoding::Brotli, Encoding::Gzip]);
        let mut plain = Vec::new();
        brotli::Decompressor::new(index.body(Encoding::Brotli), 4096)
            .read_to_end(&mut plain)
            .unwrap();
        assert_eq!(plain, text.as_bytes());
        assert!(site.get("small.js").unwrap().encodings().is_empty());
        assert!(!site.get("small.js").unwrap().varies());
        assert!(site.get("icon.png").unwrap().encodings().is_empty());
        assert!(site.get("corpus").is_none() && site.get("nothing").is_none());

        // A rebuild that changes one file compresses only that one.
        std::fs::write(root.join("corpus/a.bin"), text.repeat(3)).unwrap();
        let (_, sizes) = Snapshot::read(&root, &mut cache).unwrap();
        assert_eq!((sizes.files, sizes.compressed_now), (2, 1));
        assert_eq!(cache.0.len(), 2, "forms of files gone are dropped");
        std::fs::remove_dir_all(&root).unwrap();
    }
}
