//! `lattice build [DIR] [--out DIR] [--base-url PATH] [--strict]`: a folder
//! of papers made into the files a reader site serves.
//!
//! Each paper is parsed on its own (on every core, reported in file order);
//! one with an error is reported (`file:line: error: …`) and left out, and
//! the rest is built — or, with `--strict`, nothing is written and the exit
//! status is 1. The glossary is
//! extracted from the papers that are built and curated by the folder's
//! glossary file; the corpus is split by the core's `layout::split` and
//! written under `OUT/corpus/` with `OUT/corpus/head.bin` as its head, the
//! split search index under `OUT/corpus/<set>/search/`, the site's settings
//! to `OUT/site.json`, and the reader app the binary carries beside them
//! with its service worker (see `crate::site`).
//!
//! Deterministic: the same folder gives byte-identical files, wherever it is
//! and however its path is spelt — documents record their file name relative
//! to the folder, files are written in one order, and a rebuild first removes
//! what the previous build wrote.

use crate::cli::BuildArgs;
use crate::{folder, print_out, report, site};
use anyhow::{bail, Context, Result};
use indicatif::{ProgressBar, ProgressStyle};
use lattice_core::config::{self, Config};
use lattice_core::layout::{self, Layout};
use lattice_core::{catalogue, load_file, Bundle, Diagnostic, Document, LoadError, Severity};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use std::time::Instant;

/// The folder under OUT holding the corpus files.
const CORPUS_DIR: &str = "corpus";
/// The head's file under [`CORPUS_DIR`].
const HEAD_FILE: &str = "head.bin";
/// The site's settings, and the mark of a folder a build wrote.
const SITE_FILE: &str = "site.json";
/// `generator` in site.json.
const GENERATOR: &str = "lattice";

/// `OUT/site.json`: what the app needs to know about the site beside the
/// corpus head.
#[derive(Serialize, Deserialize)]
struct SiteFile {
    generator: String,
    /// Bundle format version of the corpus files.
    format: u32,
    title: Text,
    subtitle: Text,
    language: String,
    base_url: String,
    /// The head's path, relative to the site.
    head: String,
    documents: usize,
}

#[derive(Serialize, Deserialize)]
struct Text {
    zh: Option<String>,
    en: Option<String>,
}

/// What `--json` prints and the summary line says.
#[derive(Serialize)]
struct Summary {
    out: String,
    base_url: String,
    built: usize,
    skipped: Vec<String>,
    errors: usize,
    warnings: usize,
    files: usize,
    bytes: u64,
}

pub(crate) fn run(args: &BuildArgs) -> Result<ExitCode> {
    let started = Instant::now();
    let dir = &args.dir;
    if !dir.is_dir() {
        bail!("{} is not a folder", dir.display());
    }
    let (config, settings) = folder::settings(dir);
    report::diagnostics_to_stderr(&settings);
    if !settings.is_empty() {
        eprintln!("{} cannot be used; nothing built", config::CONFIG_FILE);
        return Ok(ExitCode::FAILURE);
    }
    let base_url = match &args.base_url {
        Some(url) => config::normalize_base_url(url)
            .map_err(|m| anyhow::anyhow!("--base-url {url:?}: {m}"))?,
        None => config.site.base_url.clone(),
    };
    let out = args.out.clone().unwrap_or_else(|| dir.join("site"));
    check_out(dir, &out)?;
    // Before any work: a binary without the app cannot write a site.
    let app = if args.no_app {
        None
    } else {
        Some(site::app()?)
    };

    // Listed here rather than read by `load_dir`, to parse them on every
    // core with a progress bar and to skip a bad one.
    let sources = lattice_core::corpus::source_files(dir)?;
    let bar = progress(sources.len() as u64);
    let mut built: Vec<Document> = Vec::new();
    // Each id's file, so a repeated id is caught in one look-up.
    let mut ids: HashMap<String, String> = HashMap::new();
    let mut skipped: Vec<String> = Vec::new();
    let mut tally = Tally::default();
    parse_in_order(&sources, |path, loaded| {
        bar.set_message(file_name(path));
        match read(path, loaded, &config, &ids) {
            Ok(mut doc) => {
                bar.suspend(|| tally.report(&doc.diagnostics));
                if doc
                    .diagnostics
                    .iter()
                    .any(|d| d.severity == Severity::Error)
                {
                    skipped.push(file_name(path));
                } else {
                    relative_to(dir, &mut doc);
                    ids.insert(doc.id.clone(), doc.source.clone());
                    built.push(doc);
                }
            }
            Err(unreadable) => {
                bar.suspend(|| tally.report(std::slice::from_ref(&unreadable)));
                skipped.push(file_name(path));
            }
        }
        bar.inc(1);
    });
    bar.finish_and_clear();

    let step = spinner("extracting the glossary");
    let names = folder::file_names(dir)?;
    let mut corpus_wide = config.unmatched_documents(names.iter().map(String::as_str));
    let (glossary, found) = folder::curated_glossary(&built, dir, &config)?;
    corpus_wide.extend(found);
    step.suspend(|| tally.report(&corpus_wide));
    for d in &mut corpus_wide {
        d.file = relative(dir, &d.file);
    }
    let corpus_errors = corpus_wide.iter().any(|d| d.severity == Severity::Error);
    if corpus_errors || (args.strict && tally.errors > 0) {
        step.finish_and_clear();
        tally.finish();
        eprintln!(
            "{} error(s){}; nothing built",
            tally.errors,
            if corpus_errors { "" } else { " (--strict)" }
        );
        return Ok(ExitCode::FAILURE);
    }

    step.set_message("writing the corpus files");
    let mut bundle = Bundle::new(built);
    bundle.glossary = glossary;
    bundle.diagnostics = corpus_wide;
    let documents = bundle.documents.len();
    step.set_message("indexing for search and writing the site");
    // The layout's files, the facets and the split search index: the same
    // call the app's build script makes.
    let (head, files) = layout::split_site(bundle, catalogue::PER_PAGE)?;
    let Layout::Apart { .. } = &head.layout else {
        bail!("the corpus was not split");
    };
    let site = SiteFile {
        generator: GENERATOR.to_string(),
        format: lattice_core::BUNDLE_FORMAT_VERSION,
        title: text(&config.site.title),
        subtitle: text(&config.site.subtitle),
        language: match config.site.language {
            config::Language::Zh => "zh",
            config::Language::En => "en",
        }
        .to_string(),
        base_url: base_url.clone(),
        head: format!("{CORPUS_DIR}/{HEAD_FILE}"),
        documents,
    };
    let title = [&config.site.title.zh, &config.site.title.en]
        .into_iter()
        .flatten()
        .cloned()
        .collect::<Vec<_>>()
        .join(" · ");
    let title = (!title.is_empty()).then_some(title);
    let mut corpus: Vec<site::SiteFile> = Vec::with_capacity(files.len() + 2);
    corpus.push((format!("{CORPUS_DIR}/{HEAD_FILE}"), head.encode()?));
    for f in files {
        corpus.push((format!("{CORPUS_DIR}/{}", f.path), f.bytes));
    }
    let mut json = serde_json::to_string_pretty(&site)?;
    json.push('\n');
    corpus.push((SITE_FILE.to_string(), json.into_bytes()));
    let all = match app {
        Some(app) => site::assemble(app, corpus, title.as_deref())?,
        None => {
            corpus.sort_by(|a, b| a.0.cmp(&b.0));
            corpus
        }
    };
    let (count_written, bytes) = write(&out, &all)?;
    step.finish_and_clear();
    tally.finish();
    let summary = Summary {
        out: out.to_string_lossy().into_owned(),
        base_url,
        built: documents,
        skipped,
        errors: tally.errors,
        warnings: tally.warnings,
        files: count_written,
        bytes,
    };
    if args.json {
        print_out(&serde_json::to_string_pretty(&summary)?)?;
    }
    eprintln!(
        "built {} document(s), skipped {}; {} error(s), {} warning(s); {} file(s), {} in {} ({:.1} s)",
        summary.built,
        summary.skipped.len(),
        summary.errors,
        summary.warnings,
        summary.files,
        size(summary.bytes),
        out.display(),
        started.elapsed().as_secs_f64()
    );
    Ok(ExitCode::SUCCESS)
}

/// A parsed file made ready to build: its diagnostics also hold why its
/// metadata cannot be used and whether its id repeats one already built
/// (`ids`: id → file). A file that could not be read at all gives only the
/// diagnostic saying so.
fn read(
    path: &Path,
    loaded: Result<Document, LoadError>,
    config: &Config,
    ids: &HashMap<String, String>,
) -> Result<Document, Diagnostic> {
    let at_line_1 = |message: String| Diagnostic {
        file: path.to_string_lossy().into_owned(),
        line: 1,
        severity: Severity::Error,
        message,
    };
    let mut doc = loaded.map_err(|e| at_line_1(format!("cannot be read: {e}")))?;
    match config.document_meta(path) {
        Ok(meta) => doc.meta.citation.overlay(&meta),
        Err(e) => doc.diagnostics.push(e.diagnostic()),
    }
    // Formatted once the folder's metadata is in.
    lattice_core::citation::attach(&mut doc);
    if let Some(first) = ids.get(&doc.id) {
        doc.diagnostics.push(at_line_1(format!(
            "gives the document id `{}`, as {first} does: rename one",
            doc.id
        )));
    }
    Ok(doc)
}

/// Parse the files on every core, handing each result to `each` in the
/// files' order (so reports and the output do not depend on timing).
fn parse_in_order(paths: &[PathBuf], mut each: impl FnMut(&Path, Result<Document, LoadError>)) {
    let workers = std::thread::available_parallelism()
        .map_or(1, usize::from)
        .min(paths.len().max(1));
    let next = AtomicUsize::new(0);
    let (send, receive) = mpsc::channel();
    std::thread::scope(|scope| {
        for _ in 0..workers {
            let send = send.clone();
            let next = &next;
            scope.spawn(move || loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(path) = paths.get(i) else { break };
                if send.send((i, load_file(path))).is_err() {
                    break;
                }
            });
        }
        drop(send);
        let mut waiting = BTreeMap::new();
        let mut due = 0;
        for (i, loaded) in receive {
            waiting.insert(i, loaded);
            while let Some(loaded) = waiting.remove(&due) {
                each(&paths[due], loaded);
                due += 1;
            }
        }
    });
}

/// Refuse an output folder that is the source folder, or that holds files
/// and is not an earlier build's output (which has a site.json by lattice).
fn check_out(dir: &Path, out: &Path) -> Result<()> {
    if let (Ok(a), Ok(b)) = (dir.canonicalize(), out.canonicalize()) {
        if a == b {
            bail!("--out must not be the folder of papers itself");
        }
    }
    let mut entries = match std::fs::read_dir(out) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(e).with_context(|| format!("reading {}", out.display())),
    };
    if entries.next().is_none() {
        return Ok(());
    }
    let ours = std::fs::read(out.join(SITE_FILE))
        .ok()
        .and_then(|b| serde_json::from_slice::<SiteFile>(&b).ok())
        .is_some_and(|s| s.generator == GENERATOR);
    if !ours {
        bail!(
            "{} holds files and is not a lattice build's output; give an empty or new folder with --out",
            out.display()
        );
    }
    Ok(())
}

/// Write the site into `out`, first removing what an earlier build wrote
/// there (`check_out` made sure it is one); returns the number of files and
/// their total size.
fn write(out: &Path, files: &[site::SiteFile]) -> Result<(usize, u64)> {
    match std::fs::remove_dir_all(out) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(e).with_context(|| format!("removing {}", out.display())),
    }
    let mut bytes = 0;
    for (name, data) in files {
        let path = out.join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .with_context(|| format!("creating {}", parent.display()))?;
        }
        std::fs::write(&path, data).with_context(|| format!("writing {}", path.display()))?;
        bytes += data.len() as u64;
    }
    Ok((files.len(), bytes))
}

/// Errors and warnings seen so far. Every error is printed; warnings only up
/// to [`Tally::SHOWN_WARNINGS`] (`lattice check` lists them all), so a large
/// archive's summary is not lost in them.
#[derive(Default)]
struct Tally {
    errors: usize,
    warnings: usize,
}

impl Tally {
    const SHOWN_WARNINGS: usize = 50;

    fn report(&mut self, ds: &[Diagnostic]) {
        let mut shown: Vec<&Diagnostic> = Vec::new();
        for d in ds {
            match d.severity {
                Severity::Error => {
                    self.errors += 1;
                    shown.push(d);
                }
                Severity::Warning => {
                    self.warnings += 1;
                    if self.warnings <= Self::SHOWN_WARNINGS {
                        shown.push(d);
                    }
                }
            }
        }
        report::diagnostics_to_stderr(shown);
    }

    /// Say how many warnings were not shown.
    fn finish(&self) {
        if self.warnings > Self::SHOWN_WARNINGS {
            eprintln!(
                "… and {} more warning(s); `lattice check --corpus DIR` lists them all",
                self.warnings - Self::SHOWN_WARNINGS
            );
        }
    }
}

/// A spinner with a message on a terminal, for the steps without a count.
fn spinner(message: &'static str) -> ProgressBar {
    let bar = ProgressBar::new_spinner();
    bar.set_message(message);
    bar.enable_steady_tick(std::time::Duration::from_millis(100));
    bar
}

/// A bar on a terminal; nothing when stderr is piped (indicatif hides it).
fn progress(len: u64) -> ProgressBar {
    let bar = ProgressBar::new(len);
    if let Ok(style) = ProgressStyle::with_template("{bar:30} {pos}/{len} {wide_msg}") {
        bar.set_style(style);
    }
    bar
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// A path as written under `dir`, relative to it (unchanged if it is not).
fn relative(dir: &Path, file: &str) -> String {
    Path::new(file)
        .strip_prefix(dir)
        .map(|p| p.to_string_lossy().into_owned())
        .unwrap_or_else(|_| file.to_string())
}

/// Make the document's file names relative to the folder, so the site does
/// not depend on where the folder is.
fn relative_to(dir: &Path, doc: &mut Document) {
    doc.source = relative(dir, &doc.source);
    for d in &mut doc.diagnostics {
        d.file = relative(dir, &d.file);
    }
}

fn text(b: &config::Bilingual) -> Text {
    Text {
        zh: b.zh.clone(),
        en: b.en.clone(),
    }
}

/// `12.3 kB`, in powers of 1000.
pub(crate) fn size(bytes: u64) -> String {
    match bytes {
        b if b < 1_000 => format!("{b} B"),
        b if b < 1_000_000 => format!("{:.1} kB", b as f64 / 1e3),
        b => format!("{:.1} MB", b as f64 / 1e6),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_as_people_write_them() {
        assert_eq!(size(999), "999 B");
        assert_eq!(size(12_345), "12.3 kB");
        assert_eq!(size(4_500_000), "4.5 MB");
    }

    #[test]
    fn paths_under_the_folder_become_relative() {
        assert_eq!(relative(Path::new("/a/b"), "/a/b/x.txt"), "x.txt");
        assert_eq!(relative(Path::new("b"), "b/x.txt"), "x.txt");
        assert_eq!(relative(Path::new("/a/b"), "/c/x.txt"), "/c/x.txt");
    }
}
