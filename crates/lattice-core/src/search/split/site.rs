//! A built site's split index: where its files go beside the layout's
//! (`<set>/search/<name>`), and searching a site directory natively, as the
//! app searches it over `fetch` — the CLI's `search --site DIST`.

use super::{build, DirReader, Files, SplitError, META};
use crate::glossary::Glossary;
use crate::layout::{self, FileKind, Part};
use crate::model::Document;
use crate::search::pipeline::{expansions, prepare, Outcome};
use crate::search::{SearchIndex, SearchOptions};
use std::path::{Path, PathBuf};

/// Why a site could not be searched.
#[derive(Debug, thiserror::Error)]
pub enum SiteError {
    /// No split index, or more than one, under the directory.
    #[error("{0}")]
    NotFound(String),
    /// The glossary beside the index cannot be read.
    #[error("cannot read the glossary {path}: {message}")]
    Glossary {
        /// Its path.
        path: String,
        /// Why.
        message: String,
    },
    /// The index cannot answer.
    #[error(transparent)]
    Split(#[from] SplitError),
}

/// The path of a split index file under the app's `corpus/` folder.
pub fn search_path(set: &str, name: &str) -> String {
    format!("{set}/search/{name}")
}

/// The split index files of these documents, at their paths beside the
/// layout's files of set `set` (what the app build writes).
pub fn files<'a>(
    set: &str,
    documents: impl IntoIterator<Item = &'a Document>,
) -> Result<Vec<layout::File>, SplitError> {
    Ok(placed(set, build(&SearchIndex::build(documents))?))
}

/// [`files`], with count postings for every form of `glossary` too, so a
/// glossary term (typed or reached by expansion) reads only its counts
/// however dense it is (what a build should write when it has the glossary).
pub fn files_with_glossary<'a>(
    set: &str,
    documents: impl IntoIterator<Item = &'a Document>,
    glossary: &Glossary,
) -> Result<Vec<layout::File>, SplitError> {
    let built = super::build_with_glossary(&SearchIndex::build(documents), glossary)?;
    Ok(placed(set, built))
}

/// A built index's files at their paths under set `set`.
fn placed(set: &str, built: super::Built) -> Vec<layout::File> {
    built
        .files
        .into_iter()
        .map(|(name, bytes)| layout::File {
            path: search_path(set, &name),
            bytes,
        })
        .collect()
}

/// The folder holding a site's `meta.bin`: `site` itself, or the one
/// `site/corpus/<set>/search/`.
pub fn index_dir(site: &Path) -> Result<PathBuf, SiteError> {
    if site.join(META).is_file() {
        return Ok(site.to_path_buf());
    }
    let corpus = site.join("corpus");
    let mut found = Vec::new();
    if let Ok(sets) = std::fs::read_dir(&corpus) {
        for set in sets.flatten() {
            let dir = set.path().join("search");
            if dir.join(META).is_file() {
                found.push(dir);
            }
        }
    }
    match found.len() {
        1 => Ok(found.remove(0)),
        0 => Err(SiteError::NotFound(format!(
            "no search index under {} (looked for {META} there and in corpus/*/search/)",
            site.display()
        ))),
        _ => Err(SiteError::NotFound(format!(
            "several search indexes under {}; name one folder",
            corpus.display()
        ))),
    }
}

/// What a site search found: the outcome, each hit's passage text, and the
/// files read (count and bytes, as a browser would fetch them).
#[derive(Debug)]
pub struct SiteFound {
    /// Query, expansions and results (`per_document` with every id).
    pub outcome: Outcome,
    /// Each hit's passage text.
    pub texts: Vec<String>,
    /// The index files read.
    pub files: Files,
}

/// Search a built site: parse `text`, expand it with the site's glossary
/// (`<set>/glossary.bin`, beside `search/`) when `glossary` is set, and
/// answer from the split index.
pub fn search_site(
    site: &Path,
    text: &str,
    glossary: bool,
    options: &SearchOptions,
) -> Result<SiteFound, SiteError> {
    let dir = index_dir(site)?;
    let g = if glossary {
        Some(site_glossary(&dir)?)
    } else {
        None
    };
    let query = prepare(text, g.as_ref());
    let (split, files) = super::search(&DirReader { dir }, &query, options, true)?;
    Ok(SiteFound {
        outcome: Outcome {
            expansions: expansions(&query),
            query,
            results: split.results,
        },
        texts: split.texts,
        files,
    })
}

fn site_glossary(index_dir: &Path) -> Result<Glossary, SiteError> {
    let path = index_dir
        .parent()
        .map(|set| set.join("glossary.bin"))
        .unwrap_or_default();
    let fail = |message: String| SiteError::Glossary {
        path: path.display().to_string(),
        message,
    };
    let bytes = std::fs::read(&path).map_err(|e| fail(e.to_string()))?;
    match layout::decode(FileKind::Glossary, &bytes).map_err(|e| fail(e.to_string()))? {
        Part::Glossary(lexicon) => Ok(lexicon.glossary),
        _ => Err(fail("not a glossary".to_string())),
    }
}
