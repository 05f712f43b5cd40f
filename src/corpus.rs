//! The corpus as the build embedded it: build.rs parsed `corpus/` and wrote a
//! postcard [`Bundle`]; this module decodes it once at start-up and hands the
//! documents around cheaply (reference-counted, compared by pointer).

use lattice_core::{Bundle, BundleError, Document};
use std::rc::Rc;

/// The encoded bundle written by build.rs.
static EMBEDDED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/corpus.bin"));

/// Every document of the library, in bundle order (by id).
#[derive(Clone, Debug, PartialEq)]
pub struct Corpus {
    // `Rc<T: Eq>` compares by pointer before content, so props holding a
    // `Corpus` or a document compare in constant time when unchanged.
    documents: Rc<[Rc<Document>]>,
}

impl Corpus {
    /// Decode the bundle embedded at build time.
    pub fn embedded() -> Result<Self, BundleError> {
        Bundle::decode(EMBEDDED).map(Self::from)
    }

    /// All documents, in order.
    pub fn documents(&self) -> &[Rc<Document>] {
        &self.documents
    }

    /// The document with this id.
    pub fn document(&self, id: &str) -> Option<Rc<Document>> {
        self.documents.iter().find(|d| d.id == id).cloned()
    }
}

impl From<Bundle> for Corpus {
    fn from(bundle: Bundle) -> Self {
        Corpus {
            documents: bundle.documents.into_iter().map(Rc::new).collect(),
        }
    }
}
