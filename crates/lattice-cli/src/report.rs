//! How diagnostics and errors look on screen: `file:line: severity: message`,
//! with the location in bold and the severity in colour. Styles are written
//! as ANSI codes and stripped by anstream when the stream is not a terminal,
//! when NO_COLOR is set or with `--color never`, so pipes and files get
//! plain text.

use anstyle::{AnsiColor, Style};
use lattice_core::{Diagnostic, Severity};
use std::fmt::Write as _;
use std::io::Write as _;

const LOCATION: Style = Style::new().bold();
const ERROR: Style = AnsiColor::Red.on_default().bold();
const WARNING: Style = AnsiColor::Yellow.on_default().bold();

fn severity_style(s: Severity) -> Style {
    match s {
        Severity::Error => ERROR,
        Severity::Warning => WARNING,
    }
}

/// One diagnostic, styled, without a trailing newline.
pub(crate) fn diagnostic(d: &Diagnostic) -> String {
    let style = severity_style(d.severity);
    let mut s = String::new();
    let _ = write!(
        s,
        "{LOCATION}{}:{}:{LOCATION:#} {style}{}:{style:#} {}",
        d.file, d.line, d.severity, d.message
    );
    s
}

/// Every diagnostic, one a line, styled.
pub(crate) fn diagnostics<'a>(ds: impl IntoIterator<Item = &'a Diagnostic>) -> String {
    let mut s = String::new();
    for d in ds {
        s.push_str(&diagnostic(d));
        s.push('\n');
    }
    s.trim_end().to_string()
}

/// Diagnostics to stderr, for commands whose stdout holds their output.
pub(crate) fn diagnostics_to_stderr<'a>(ds: impl IntoIterator<Item = &'a Diagnostic>) {
    let text = diagnostics(ds);
    if !text.is_empty() {
        let _ = writeln!(anstream::stderr().lock(), "{text}");
    }
}

/// `lattice: error: MESSAGE` on stderr.
pub(crate) fn error(message: &str) {
    let _ = writeln!(
        anstream::stderr().lock(),
        "lattice: {ERROR}error:{ERROR:#} {message}"
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_diagnostic_is_its_plain_line_once_styles_are_stripped() {
        let d = Diagnostic {
            file: "corpus/a.txt".into(),
            line: 7,
            severity: Severity::Error,
            message: "cannot tell the format".into(),
        };
        let styled = diagnostic(&d);
        assert!(styled.contains("\x1b["), "{styled:?}");
        let plain = anstream::adapter::strip_str(&styled).to_string();
        assert_eq!(plain, d.to_string());
    }
}
