//! The pure core of Lattice: the document model, the corpus parser with its
//! diagnostics, and the serialized bundle the app embeds.
//!
//! Nothing here knows about the browser: the crate builds for the host (build
//! script, CLI, tests) and for wasm32 (the app) alike, and is tested natively.
#![warn(missing_docs, unreachable_pub)]

pub mod bundle;
pub mod catalogue;
pub mod corpus;
pub mod diagnostic;
pub mod fold;
pub mod glossary;
pub mod inline;
pub mod layout;
pub mod model;
pub mod parse;
pub mod scale;
pub mod script;
pub mod search;

pub use bundle::{Bundle, BundleError, BUNDLE_FORMAT_VERSION};
pub use corpus::{load_dir, load_file, LoadError};
pub use diagnostic::{Diagnostic, Severity};
pub use inline::Inline;
pub use model::*;
pub use parse::parse;
