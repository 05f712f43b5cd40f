//! Diagnostics: what the parser found wrong or missing in a source file, as
//! data (file, line, severity, message) that the CLI prints, the build script
//! reports and the tests assert on.

use serde::{Deserialize, Serialize};
use std::fmt;

/// How bad a diagnostic is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Severity {
    /// Something the source lacks or does oddly; the document is still usable.
    Warning,
    /// Something that cannot be parsed; the build refuses the corpus.
    Error,
}

impl Severity {
    /// The lower-case word printed in `file:line: severity: message`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One finding about one line of one source file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    /// The source file's name as given to the parser (e.g. `corpus/x.txt`).
    pub file: String,
    /// 1-based line number in the source file.
    pub line: u32,
    /// Warning or error.
    pub severity: Severity,
    /// A sentence a corpus maintainer can act on.
    pub message: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}: {}: {}",
            self.file, self.line, self.severity, self.message
        )
    }
}
