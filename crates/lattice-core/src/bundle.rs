//! The serialized corpus the app embeds: every parsed document in one compact
//! postcard blob, stamped with a format version so a stale blob is refused
//! with a clear error instead of being misread.

#[cfg(feature = "build")]
use crate::corpus::{load_dir, LoadError};
use crate::diagnostic::Diagnostic;
#[cfg(feature = "build")]
use crate::glossary;
use crate::glossary::Glossary;
use crate::model::Document;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
#[cfg(feature = "build")]
use std::path::Path;
use thiserror::Error;

/// Bump whenever the model's serialized shape changes.
pub const BUNDLE_FORMAT_VERSION: u32 = 6;

/// All documents of the corpus, ready for the app.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bundle {
    /// Always [`BUNDLE_FORMAT_VERSION`] when written by this crate.
    pub version: u32,
    /// Documents, ordered by id.
    pub documents: Vec<Document>,
    /// The Chinese↔English terms the documents define, curated.
    pub glossary: Glossary,
    /// Findings about the corpus as a whole rather than one document
    /// (e.g. glossary curation entries that match nothing).
    pub diagnostics: Vec<Diagnostic>,
}

/// Build the bundle for a corpus folder: parse every document and derive
/// everything the app needs from them. The app's build script and the CLI
/// both call this, so they always agree.
///
/// The glossary is extracted from the documents and curated by
/// `glossary.toml` in the folder when there is one; its warnings, and an
/// error for a malformed file, go into [`Bundle::diagnostics`].
#[cfg(feature = "build")]
pub fn build(corpus: &Path) -> Result<Bundle, LoadError> {
    let mut documents = load_dir(corpus)?;
    documents.iter_mut().for_each(crate::citation::attach);
    let mut bundle = Bundle::new(documents);
    let path = corpus.join(glossary::CURATION_FILE);
    let curation = match std::fs::read_to_string(&path) {
        Ok(text) => Some(text),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(error) => return Err(LoadError::Io { path, error }),
    };
    let file = path.to_string_lossy();
    let curation = curation.as_deref().map(|text| (file.as_ref(), text));
    match glossary::build(&bundle.documents, curation) {
        Ok((glossary, diagnostics)) => {
            bundle.glossary = glossary;
            bundle.diagnostics.extend(diagnostics);
        }
        Err(e) => bundle.diagnostics.push(e.diagnostic()),
    }
    Ok(bundle)
}

/// Why a bundle could not be read or written.
#[derive(Debug, Error)]
pub enum BundleError {
    /// The blob was written by another version of the model.
    #[error("bundle format version {found}, expected {expected}: rebuild the app")]
    Version {
        /// Version in the blob.
        found: u32,
        /// Version this code reads.
        expected: u32,
    },
    /// The blob is not valid postcard for this model.
    #[error("bundle is corrupt: {0}")]
    Codec(#[from] postcard::Error),
    /// The blob decoded but does not hold what its file must.
    #[error("bundle has the wrong shape: {0}")]
    Shape(&'static str),
}

impl Bundle {
    /// A bundle of these documents at the current format version, with an
    /// empty glossary ([`build`] fills it).
    pub fn new(mut documents: Vec<Document>) -> Self {
        documents.sort_by(|a, b| a.id.cmp(&b.id));
        Bundle {
            version: BUNDLE_FORMAT_VERSION,
            documents,
            glossary: Glossary::default(),
            diagnostics: Vec::new(),
        }
    }

    /// Serialize to bytes.
    pub fn encode(&self) -> Result<Vec<u8>, BundleError> {
        Ok(postcard::to_allocvec(self)?)
    }

    /// Read bytes written by [`Bundle::encode`], checking the format version.
    pub fn decode(bytes: &[u8]) -> Result<Self, BundleError> {
        decode_versioned(bytes)
    }

    /// Every diagnostic: the corpus-wide ones, then each document's.
    pub fn all_diagnostics(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics
            .iter()
            .chain(self.documents.iter().flat_map(|d| &d.diagnostics))
    }

    /// The document with this id.
    pub fn document(&self, id: &str) -> Option<&Document> {
        self.documents.iter().find(|d| d.id == id)
    }
}

/// Decode a postcard value whose first field is a `u32` format version (a
/// [`Bundle`], a catalogue page, a layout head), refusing any version but
/// [`BUNDLE_FORMAT_VERSION`]. The version is read on its own first, so a blob
/// of another shape gets the clear version error rather than a codec error.
pub(crate) fn decode_versioned<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, BundleError> {
    check_version(bytes)?;
    Ok(postcard::from_bytes(bytes)?)
}

/// Whether bytes written by this crate's encoders start with
/// [`BUNDLE_FORMAT_VERSION`].
pub(crate) fn check_version(bytes: &[u8]) -> Result<(), BundleError> {
    let (found, _) = postcard::take_from_bytes::<u32>(bytes)?;
    if found != BUNDLE_FORMAT_VERSION {
        return Err(BundleError::Version {
            found,
            expected: BUNDLE_FORMAT_VERSION,
        });
    }
    Ok(())
}
