//! The serialized corpus the app embeds: every parsed document in one compact
//! postcard blob, stamped with a format version so a stale blob is refused
//! with a clear error instead of being misread.

use crate::corpus::{load_dir, LoadError};
use crate::diagnostic::Diagnostic;
use crate::model::Document;
use serde::{Deserialize, Serialize};
use std::path::Path;
use thiserror::Error;

/// Bump whenever the model's serialized shape changes.
pub const BUNDLE_FORMAT_VERSION: u32 = 1;

/// All documents of the corpus, ready for the app.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bundle {
    /// Always [`BUNDLE_FORMAT_VERSION`] when written by this crate.
    pub version: u32,
    /// Documents, ordered by id.
    pub documents: Vec<Document>,
    /// Findings about the corpus as a whole rather than one document
    /// (e.g. glossary curation entries that match nothing).
    pub diagnostics: Vec<Diagnostic>,
}

/// Build the bundle for a corpus folder: parse every document and derive
/// everything the app needs from them. The app's build script and the CLI
/// both call this, so they always agree.
pub fn build(corpus: &Path) -> Result<Bundle, LoadError> {
    Ok(Bundle::new(load_dir(corpus)?))
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
}

impl Bundle {
    /// A bundle of these documents at the current format version.
    pub fn new(mut documents: Vec<Document>) -> Self {
        documents.sort_by(|a, b| a.id.cmp(&b.id));
        Bundle {
            version: BUNDLE_FORMAT_VERSION,
            documents,
            diagnostics: Vec::new(),
        }
    }

    /// Serialize to bytes.
    pub fn encode(&self) -> Result<Vec<u8>, BundleError> {
        Ok(postcard::to_allocvec(self)?)
    }

    /// Read bytes written by [`Bundle::encode`], checking the format version.
    pub fn decode(bytes: &[u8]) -> Result<Self, BundleError> {
        // The version is the first field, so it can be read on its own even
        // when the rest of the shape has changed.
        let (found, _) = postcard::take_from_bytes::<u32>(bytes)?;
        if found != BUNDLE_FORMAT_VERSION {
            return Err(BundleError::Version {
                found,
                expected: BUNDLE_FORMAT_VERSION,
            });
        }
        Ok(postcard::from_bytes(bytes)?)
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
