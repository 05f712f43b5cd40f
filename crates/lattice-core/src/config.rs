//! A corpus folder's own settings, `lattice.toml`, in the way of mdBook's
//! book.toml: the site's title and subtitle in Chinese and English, the
//! interface language a first visit gets, the path the site is served under,
//! the glossary curation file, and citation metadata for any document
//! without editing the document — a `[documents."<file>"]` table here, or a
//! sidecar `<file>.toml` beside the document (e.g. `paper.txt.toml`) with
//! the same keys at its top level.
//!
//! Every key is optional; a folder without lattice.toml gets the defaults.
//! Unknown keys and wrong values are refused with the file and line, so a
//! typo never silently does nothing.
//!
//! ```toml
//! [site]
//! title = { zh = "印太安全研究讀本", en = "Indo-Pacific Security Reader" }
//! language = "zh"
//! base_url = "/papers/"
//!
//! [documents."quad-2025.txt"]
//! english_title = "The Quad Foreign Ministers' Second Meeting"
//! url = "https://example.org/quad-2025"
//! year = 2025
//! ```

use crate::diagnostic::{Diagnostic, Severity};
use crate::glossary::CURATION_FILE;
use crate::model::Citation;
use serde::de::{self, Deserializer, SeqAccess, Visitor};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};
use thiserror::Error;
use toml::Spanned;

/// The settings file's name in a corpus folder.
pub const CONFIG_FILE: &str = "lattice.toml";

/// The extension a sidecar file adds to its document's file name.
pub const SIDECAR_EXTENSION: &str = "toml";

/// A folder's settings, checked.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Config {
    /// The `[site]` table.
    pub site: Site,
    /// `[documents."<file>"]` tables, by file name.
    pub documents: BTreeMap<String, DocumentMeta>,
    /// The line of each `[documents."<file>"]` key, for diagnostics.
    lines: BTreeMap<String, u32>,
    /// The file's name as given to [`parse`] (empty for the defaults).
    file: String,
}

/// The `[site]` table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Site {
    /// The site's title (the app's own name when unset).
    pub title: Bilingual,
    /// A line under the title.
    pub subtitle: Bilingual,
    /// The interface language a first visit gets.
    pub language: Language,
    /// The path the site is served under: starts and ends with `/`.
    pub base_url: String,
    /// The glossary curation file, relative to the folder.
    pub glossary: PathBuf,
}

impl Default for Site {
    fn default() -> Self {
        Site {
            title: Bilingual::default(),
            subtitle: Bilingual::default(),
            language: Language::Zh,
            base_url: "/".to_string(),
            glossary: PathBuf::from(CURATION_FILE),
        }
    }
}

/// A text in Chinese and in English; either may be missing.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Bilingual {
    /// The Chinese text.
    pub zh: Option<String>,
    /// The English text.
    pub en: Option<String>,
}

/// An interface language of the app.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    /// Traditional Chinese.
    #[default]
    Zh,
    /// English.
    En,
}

/// Citation metadata for one document, from lattice.toml or a sidecar file:
/// the model's own [`Citation`], so the folder's keys and a paper's front
/// matter fill one type. [`Citation::overlay`] lays one over another (a
/// sidecar over lattice.toml, the folder's settings over the paper's own).
pub type DocumentMeta = Citation;

/// Why a settings file could not be used.
#[derive(Debug, Error)]
pub enum ConfigError {
    /// The file exists but cannot be read.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// Not valid TOML, an unknown key, or a value of the wrong kind.
    #[error("{file}:{line}: {message}")]
    Invalid {
        /// The file's name as given.
        file: String,
        /// 1-based line of the problem (1 when the parser gives no position).
        line: u32,
        /// What is wrong.
        message: String,
    },
}

impl ConfigError {
    /// The error as a diagnostic of the file.
    pub fn diagnostic(&self) -> Diagnostic {
        let (file, line, message) = match self {
            ConfigError::Io { path, source } => {
                (path.to_string_lossy().into_owned(), 1, source.to_string())
            }
            ConfigError::Invalid {
                file,
                line,
                message,
            } => (file.clone(), *line, message.clone()),
        };
        Diagnostic {
            file,
            line,
            severity: Severity::Error,
            message,
        }
    }
}

/// Read `lattice.toml` in `dir`; the defaults when there is none.
pub fn load(dir: &Path) -> Result<Config, ConfigError> {
    let path = dir.join(CONFIG_FILE);
    match read(&path)? {
        Some(text) => parse(&path.to_string_lossy(), &text),
        None => Ok(Config::default()),
    }
}

/// Parse the text of a `lattice.toml` named `file` (the name only labels
/// diagnostics).
pub fn parse(file: &str, text: &str) -> Result<Config, ConfigError> {
    let raw: RawConfig = from_toml(file, text)?;
    let invalid = |span: std::ops::Range<usize>, message: String| ConfigError::Invalid {
        file: file.to_string(),
        line: line_of(text, span.start),
        message,
    };
    let mut config = Config {
        file: file.to_string(),
        ..Config::default()
    };
    if let Some(site) = raw.site {
        let s = &mut config.site;
        s.title = site.title.unwrap_or_default();
        s.subtitle = site.subtitle.unwrap_or_default();
        s.language = site.language.unwrap_or_default();
        if let Some(url) = site.base_url {
            s.base_url =
                normalize_base_url(url.get_ref()).map_err(|m| invalid(url.span(), m.into()))?;
        }
        if let Some(g) = site.glossary {
            let path = Path::new(g.get_ref());
            if g.get_ref().trim().is_empty() || path.is_absolute() {
                return Err(invalid(
                    g.span(),
                    "glossary must be a file name relative to this folder".into(),
                ));
            }
            s.glossary = path.to_path_buf();
        }
    }
    for (name, meta) in raw.documents {
        if name.get_ref().is_empty() || name.get_ref().contains(['/', '\\']) {
            return Err(invalid(
                name.span(),
                format!(
                    "`{}` is not a file name: a [documents] table is named by a file of this folder",
                    name.get_ref()
                ),
            ));
        }
        let meta = meta.check(file, text)?;
        config
            .lines
            .insert(name.get_ref().clone(), line_of(text, name.span().start));
        config.documents.insert(name.into_inner(), meta);
    }
    Ok(config)
}

/// Parse the text of a sidecar file: the keys of a `[documents]` table at
/// its top level.
pub fn parse_sidecar(file: &str, text: &str) -> Result<DocumentMeta, ConfigError> {
    from_toml::<RawMeta>(file, text)?.check(file, text)
}

/// The sidecar file of a document: its file name plus `.toml`.
pub fn sidecar_path(document: &Path) -> PathBuf {
    let mut name = document.as_os_str().to_owned();
    name.push(".");
    name.push(SIDECAR_EXTENSION);
    PathBuf::from(name)
}

impl Config {
    /// The metadata for the document at `path` (a file of the folder this
    /// config was loaded from): its `[documents]` table, overlaid by its
    /// sidecar file when there is one.
    pub fn document_meta(&self, path: &Path) -> Result<DocumentMeta, ConfigError> {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let mut meta = self.documents.get(&name).cloned().unwrap_or_default();
        let sidecar = sidecar_path(path);
        if let Some(text) = read(&sidecar)? {
            meta.overlay(&parse_sidecar(&sidecar.to_string_lossy(), &text)?);
        }
        Ok(meta)
    }

    /// A warning for each `[documents."<file>"]` table whose file is not
    /// among `files` (the folder's file names): a misspelt name would
    /// otherwise do nothing.
    pub fn unmatched_documents<'a>(
        &self,
        files: impl IntoIterator<Item = &'a str>,
    ) -> Vec<Diagnostic> {
        let files: std::collections::BTreeSet<&str> = files.into_iter().collect();
        self.documents
            .keys()
            .filter(|name| !files.contains(name.as_str()))
            .map(|name| Diagnostic {
                file: self.file.clone(),
                line: self.lines.get(name).copied().unwrap_or(1),
                severity: Severity::Warning,
                message: format!("[documents.\"{name}\"] names no file of this folder"),
            })
            .collect()
    }
}

/// `base_url` as a path that starts and ends with `/` (`papers` →
/// `/papers/`), or why it cannot be one.
pub fn normalize_base_url(url: &str) -> Result<String, &'static str> {
    let url = url.trim();
    if url.contains("://") || url.starts_with("//") {
        return Err(
            "base_url is the path the site is served under (e.g. /papers/), not a full address",
        );
    }
    if url.chars().any(|c| {
        c.is_whitespace() || c.is_control() || matches!(c, '?' | '#' | '\\' | '"' | '<' | '>')
    }) {
        return Err("base_url must be a plain path: no spaces, ?, #, \\, quotes or angle brackets");
    }
    let parts: Vec<&str> = url.split('/').filter(|p| !p.is_empty()).collect();
    if parts.iter().any(|p| *p == "." || *p == "..") {
        return Err("base_url must not contain . or .. segments");
    }
    if parts.is_empty() {
        Ok("/".to_string())
    } else {
        Ok(format!("/{}/", parts.join("/")))
    }
}

fn read(path: &Path) -> Result<Option<String>, ConfigError> {
    match std::fs::read_to_string(path) {
        Ok(text) => Ok(Some(text)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(source) => Err(ConfigError::Io {
            path: path.to_path_buf(),
            source,
        }),
    }
}

fn from_toml<T: de::DeserializeOwned>(file: &str, text: &str) -> Result<T, ConfigError> {
    toml::from_str(text).map_err(|e| ConfigError::Invalid {
        file: file.to_string(),
        line: e.span().map_or(1, |s| line_of(text, s.start)),
        message: e.message().trim().to_string(),
    })
}

fn line_of(text: &str, byte: usize) -> u32 {
    let newlines = text.as_bytes()[..byte.min(text.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count();
    u32::try_from(newlines).map_or(u32::MAX, |n| n.saturating_add(1))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    site: Option<RawSite>,
    #[serde(default)]
    documents: BTreeMap<Spanned<String>, RawMeta>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSite {
    title: Option<Bilingual>,
    subtitle: Option<Bilingual>,
    language: Option<Language>,
    base_url: Option<Spanned<String>>,
    glossary: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMeta {
    english_title: Option<Spanned<String>>,
    url: Option<Spanned<String>>,
    #[serde(alias = "book", alias = "series")]
    container: Option<Spanned<String>>,
    #[serde(default, alias = "editor")]
    editors: Option<Spanned<Names>>,
    publisher: Option<Spanned<String>>,
    place: Option<Spanned<String>>,
    year: Option<Spanned<Year>>,
    pages: Option<Spanned<String>>,
    doi: Option<Spanned<String>>,
}

impl RawMeta {
    /// Check values the types cannot: no empty text, http(s) addresses only,
    /// a DOI that is one.
    fn check(self, file: &str, text: &str) -> Result<DocumentMeta, ConfigError> {
        let invalid = |span: std::ops::Range<usize>, message: String| ConfigError::Invalid {
            file: file.to_string(),
            line: line_of(text, span.start),
            message,
        };
        let plain =
            |key: &str, v: Option<Spanned<String>>| -> Result<Option<String>, ConfigError> {
                match v {
                    Some(v) if v.get_ref().trim().is_empty() => {
                        Err(invalid(v.span(), format!("{key} must not be empty")))
                    }
                    Some(v) => Ok(Some(v.into_inner().trim().to_string())),
                    None => Ok(None),
                }
            };
        let url_span = self.url.as_ref().map(Spanned::span).unwrap_or_default();
        let url = match plain("url", self.url)? {
            Some(u) if !(u.starts_with("https://") || u.starts_with("http://")) => {
                return Err(invalid(
                    url_span,
                    format!("url must be an http(s) address, not `{u}`"),
                ));
            }
            u => u,
        };
        let doi_span = self.doi.as_ref().map(Spanned::span).unwrap_or_default();
        let doi = match plain("doi", self.doi)? {
            Some(d) => {
                let bare = strip_doi_prefix(&d);
                if !(bare.starts_with("10.") && bare.contains('/')) {
                    return Err(invalid(
                        doi_span,
                        format!("doi must look like 10.1234/abc, not `{d}`"),
                    ));
                }
                Some(bare.to_string())
            }
            None => None,
        };
        let editors = match self.editors {
            Some(names) => {
                let span = names.span();
                let names = names.into_inner().0;
                if names.iter().any(|n| n.trim().is_empty()) {
                    return Err(invalid(span, "an editor's name must not be empty".into()));
                }
                names.into_iter().map(|n| n.trim().to_string()).collect()
            }
            None => Vec::new(),
        };
        Ok(DocumentMeta {
            english_title: plain("english_title", self.english_title)?,
            url,
            container: plain("container", self.container)?,
            editors,
            publisher: plain("publisher", self.publisher)?,
            place: plain("place", self.place)?,
            year: self.year.map(|y| y.into_inner().0),
            pages: plain("pages", self.pages)?,
            doi,
        })
    }
}

fn strip_doi_prefix(doi: &str) -> &str {
    let lower = doi.to_ascii_lowercase();
    for prefix in [
        "https://doi.org/",
        "http://doi.org/",
        "https://dx.doi.org/",
        "http://dx.doi.org/",
        "doi:",
    ] {
        if lower.starts_with(prefix) {
            return doi[prefix.len()..].trim_start();
        }
    }
    doi
}

/// One name or a list of names.
struct Names(Vec<String>);

impl<'de> Deserialize<'de> for Names {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Names;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a name or a list of names")
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<Names, E> {
                Ok(Names(vec![s.to_string()]))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Names, A::Error> {
                let mut names = Vec::new();
                while let Some(n) = seq.next_element::<String>()? {
                    names.push(n);
                }
                Ok(Names(names))
            }
        }
        d.deserialize_any(V)
    }
}

/// A year written as a number (`2025`) or as text (`"2025a"`, `"1998–99"`).
struct Year(String);

impl<'de> Deserialize<'de> for Year {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Year;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a year, as a number or text")
            }
            fn visit_i64<E: de::Error>(self, n: i64) -> Result<Year, E> {
                if (1..=9999).contains(&n) {
                    Ok(Year(n.to_string()))
                } else {
                    Err(E::custom(format!("{n} is not a year")))
                }
            }
            fn visit_u64<E: de::Error>(self, n: u64) -> Result<Year, E> {
                self.visit_i64(i64::try_from(n).unwrap_or(0))
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<Year, E> {
                if s.trim().is_empty() {
                    Err(E::custom("year must not be empty"))
                } else {
                    Ok(Year(s.trim().to_string()))
                }
            }
        }
        d.deserialize_any(V)
    }
}
