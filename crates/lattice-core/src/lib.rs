//! The pure core of Lattice: the document model, the corpus parser with its
//! diagnostics, and the serialized bundle the app embeds.
//!
//! Nothing here knows about the browser: the crate builds for the host (build
//! script, CLI, tests) and for wasm32 (the app) alike, and is tested natively.
//!
//! The `build` feature (on by default) holds everything that turns source
//! files into a bundle: the parser, file loading, `bundle::build`, glossary
//! extraction and curation, synthetic corpora. The app depends on the crate
//! without it, so the app cannot parse raw text: it only decodes bundles.
#![warn(missing_docs, unreachable_pub)]

pub mod bundle;
pub mod catalogue;
pub mod citation;
#[cfg(feature = "build")]
pub mod config;
#[cfg(feature = "build")]
pub mod corpus;
pub mod diagnostic;
pub mod fold;
pub mod glossary;
pub mod inline;
pub mod layout;
pub mod model;
#[cfg(feature = "build")]
pub mod parse;
pub mod punctuation;
#[cfg(feature = "build")]
pub mod scale;
pub mod script;
pub mod search;
pub mod sort;
pub mod vec_map;

pub use bundle::{Bundle, BundleError, BUNDLE_FORMAT_VERSION};
#[cfg(feature = "build")]
pub use corpus::{load_dir, load_file, LoadError};
pub use diagnostic::{Diagnostic, Severity};
pub use inline::Inline;
pub use model::{
    Author, Block, BlockKind, BookPart, Citation, Cite, CitePiece, ContentsEntry, Date, Document,
    Frame, Kind, Meta, Note, Section, SkipReason, Skipped,
};
#[cfg(feature = "build")]
pub use parse::parse;
