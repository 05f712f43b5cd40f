//! Reading source files from disk: a file, or a corpus folder of `.txt`,
//! `.md` and `.docx` files — which files of a folder are sources is decided
//! here only ([`source_files`]), for the app's build and `lattice build` alike.
//! I/O failures are errors of their own; everything about a file's content is
//! a diagnostic on its document.

use crate::diagnostic::{Diagnostic, Severity};
use crate::model::Document;
use crate::parse::{parse, Format};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use thiserror::Error;

/// Why a corpus could not be read at all.
#[derive(Debug, Error)]
pub enum LoadError {
    /// A file or folder could not be read. (Its message says why; the I/O
    /// error is not also given as the error's source, or a report that
    /// prints the chain would say it twice.)
    #[error("{path}: {error}")]
    Io {
        /// The path.
        path: PathBuf,
        /// The I/O error.
        error: std::io::Error,
    },
    /// Two files would get the same document id.
    #[error("{first} and {second} both give the document id `{id}`: rename one")]
    DuplicateId {
        /// The id.
        id: String,
        /// One file.
        first: String,
        /// The other.
        second: String,
    },
}

/// Parse one file. Invalid UTF-8 is decoded lossily and reported as an error
/// diagnostic with the first bad line, rather than refused.
pub fn load_file(path: &Path) -> Result<Document, LoadError> {
    let bytes = std::fs::read(path).map_err(|error| LoadError::Io {
        path: path.to_path_buf(),
        error,
    })?;
    let name = path.to_string_lossy().into_owned();
    if Format::of(&name) == Some(Format::Word) {
        return Ok(crate::parse::parse_bytes(&name, &bytes));
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(parse(&name, &text)),
        Err(e) => {
            let valid = e.utf8_error().valid_up_to();
            let bytes = e.into_bytes();
            let line = 1 + bytes[..valid].iter().filter(|&&b| b == b'\n').count() as u32;
            let text = String::from_utf8_lossy(&bytes);
            let mut doc = parse(&name, &text);
            doc.diagnostics.insert(
                0,
                Diagnostic {
                    file: name,
                    line,
                    severity: Severity::Error,
                    message: "the file is not valid UTF-8; save it as UTF-8".into(),
                },
            );
            Ok(doc)
        }
    }
}

/// The source files of a folder (not recursive): the files whose names give
/// a format the parser reads ([`Format::of`]), ordered by file name.
pub fn source_files(dir: &Path) -> Result<Vec<PathBuf>, LoadError> {
    let io = |error| LoadError::Io {
        path: dir.to_path_buf(),
        error,
    };
    let mut paths = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(io)? {
        let path = entry.map_err(io)?.path();
        if path.is_file() && Format::of(&path.to_string_lossy()).is_some() {
            paths.push(path);
        }
    }
    paths.sort();
    Ok(paths)
}

/// Parse every source file ([`source_files`]) of a folder.
pub fn load_dir(dir: &Path) -> Result<Vec<Document>, LoadError> {
    let paths = source_files(dir)?;
    let mut docs: Vec<Document> = Vec::with_capacity(paths.len());
    // Each id's document index, so a folder of any size is checked in one pass.
    let mut seen: HashMap<String, usize> = HashMap::with_capacity(paths.len());
    for p in &paths {
        let doc = load_file(p)?;
        if let Some(&prev) = seen.get(&doc.id) {
            return Err(LoadError::DuplicateId {
                id: doc.id.clone(),
                first: docs[prev].source.clone(),
                second: doc.source.clone(),
            });
        }
        seen.insert(doc.id.clone(), docs.len());
        docs.push(doc);
    }
    Ok(docs)
}
