//! A corpus folder as the commands read it: the core's bundle plus the
//! folder's lattice.toml — the glossary file it names, and the diagnostics of
//! the settings and of the sidecar files — so check, search, glossary and
//! build read a folder the same way.

use anyhow::{Context, Result};
use lattice_core::config::{self, Config};
use lattice_core::glossary::{self, Glossary, CURATION_FILE};
use lattice_core::{Bundle, Diagnostic, Document, Severity};
use std::path::Path;

/// A loaded corpus folder.
pub(crate) struct Folder {
    /// Every document, the glossary and the corpus-wide diagnostics.
    pub(crate) bundle: Bundle,
    /// Findings about lattice.toml and the sidecar files.
    pub(crate) diagnostics: Vec<Diagnostic>,
}

impl Folder {
    /// The settings' diagnostics, then the corpus-wide ones, then each
    /// document's.
    pub(crate) fn all_diagnostics(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics.iter().chain(self.bundle.all_diagnostics())
    }

    /// Diagnostics about the corpus as a whole (settings and glossary).
    pub(crate) fn corpus_diagnostics(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics.iter().chain(&self.bundle.diagnostics)
    }
}

/// Read a corpus folder: `bundle::build`, then its settings.
pub(crate) fn load(dir: &Path) -> Result<Folder> {
    let mut bundle =
        lattice_core::bundle::build(dir).with_context(|| format!("reading {}", dir.display()))?;
    let (config, mut diagnostics) = settings(dir);
    if config.site.glossary != Path::new(CURATION_FILE) {
        // `bundle::build` curates with glossary.toml; lattice.toml names another.
        let (glossary, found) = curated_glossary(&bundle.documents, dir, &config)?;
        bundle.glossary = glossary;
        bundle.diagnostics = found;
    }
    diagnostics.extend(config.unmatched_documents(file_names(dir)?.iter().map(String::as_str)));
    for doc in &bundle.documents {
        if let Err(e) = config.document_meta(Path::new(&doc.source)) {
            diagnostics.push(e.diagnostic());
        }
    }
    Ok(Folder {
        bundle,
        diagnostics,
    })
}

/// The folder's lattice.toml, or the defaults and the error that stopped it.
pub(crate) fn settings(dir: &Path) -> (Config, Vec<Diagnostic>) {
    match config::load(dir) {
        Ok(c) => (c, Vec::new()),
        Err(e) => (Config::default(), vec![e.diagnostic()]),
    }
}

/// The glossary of `documents`, curated by the glossary file the settings
/// name (glossary.toml by default; its absence is fine, another file's is an
/// error). A malformed file is an error diagnostic and an uncurated glossary
/// is not built, as in `bundle::build`.
pub(crate) fn curated_glossary(
    documents: &[Document],
    dir: &Path,
    config: &Config,
) -> Result<(Glossary, Vec<Diagnostic>)> {
    let path = dir.join(&config.site.glossary);
    let file = path.to_string_lossy().into_owned();
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => Some(text),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            if config.site.glossary != Path::new(CURATION_FILE) {
                let missing = Diagnostic {
                    file,
                    line: 1,
                    severity: Severity::Error,
                    message: format!(
                        "the glossary file that {} names does not exist",
                        config::CONFIG_FILE
                    ),
                };
                return Ok((Glossary::default(), vec![missing]));
            }
            None
        }
        Err(e) => return Err(e).with_context(|| format!("reading {file}")),
    };
    let curation = text.as_deref().map(|t| (file.as_str(), t));
    Ok(match glossary::build(documents, curation) {
        Ok(built) => built,
        Err(e) => (Glossary::default(), vec![e.diagnostic()]),
    })
}

/// The names of the files in a folder.
pub(crate) fn file_names(dir: &Path) -> Result<Vec<String>> {
    let mut names = Vec::new();
    for entry in std::fs::read_dir(dir).with_context(|| format!("reading {}", dir.display()))? {
        let entry = entry.with_context(|| format!("reading {}", dir.display()))?;
        names.push(entry.file_name().to_string_lossy().into_owned());
    }
    names.sort();
    Ok(names)
}
