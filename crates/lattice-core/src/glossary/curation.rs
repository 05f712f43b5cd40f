//! The reviewed side of the glossary: `corpus/glossary.toml`, where a person
//! adds terms the papers use without translating them (印太/Indo-Pacific),
//! corrects what extraction guessed (English form, abbreviation, kind),
//! merges two entries that name one concept, adds Chinese aliases, and
//! suppresses false entries.
//!
//! Each entry names the term it changes by any of its forms (Chinese,
//! English or abbreviation, compared folded). An entry that matches nothing
//! is a warning with its line, so the file does not silently rot as the
//! corpus or the extractor changes; a file that is not valid TOML of this
//! shape is an error, also with its line.
//!
//! ```toml
//! [[add]]
//! zh = ["印太"]
//! en = "Indo-Pacific"
//! kind = "place"
//!
//! [[correct]]
//! term = "G20"
//! en = "Group of Twenty"
//! abbr = "G20"
//!
//! [[merge]]
//! terms = ["Quad Indo-Pacific Logistics Network", "Indo-Pacific Logistics Network"]
//!
//! [[alias]]
//! term = "Donald Trump"
//! zh = ["特朗普"]
//!
//! [[suppress]]
//! term = "operation"
//! ```

use super::counter::Counter;
use super::key::form_key;
use super::merge::sort_by_use;
use super::{Term, TermKind};
use crate::diagnostic::{Diagnostic, Severity};
use serde::Deserialize;
use thiserror::Error;
use toml::Spanned;

/// Why the curation file could not be read.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum CurationError {
    /// Not valid TOML, or not the shape described in this module.
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

impl CurationError {
    /// The error as a build diagnostic.
    pub fn diagnostic(&self) -> Diagnostic {
        match self {
            CurationError::Invalid {
                file,
                line,
                message,
            } => Diagnostic {
                file: file.clone(),
                line: *line,
                severity: Severity::Error,
                message: format!("glossary curation file: {message}"),
            },
        }
    }
}

/// The parsed file.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Curation {
    #[serde(skip)]
    file: String,
    #[serde(skip)]
    text: String,
    #[serde(default)]
    add: Vec<Spanned<Add>>,
    #[serde(default)]
    correct: Vec<Spanned<Correct>>,
    #[serde(default)]
    merge: Vec<Spanned<Merge>>,
    #[serde(default)]
    alias: Vec<Spanned<Alias>>,
    #[serde(default)]
    suppress: Vec<Spanned<Suppress>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Add {
    zh: Vec<String>,
    en: String,
    abbr: Option<String>,
    kind: Option<TermKind>,
    #[allow(dead_code)] // for the reviewer
    note: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Correct {
    term: String,
    en: Option<String>,
    abbr: Option<String>,
    kind: Option<TermKind>,
    #[allow(dead_code)]
    note: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Merge {
    terms: Vec<String>,
    #[allow(dead_code)]
    note: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Alias {
    term: String,
    zh: Vec<String>,
    #[allow(dead_code)]
    note: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Suppress {
    term: String,
    #[allow(dead_code)]
    note: Option<String>,
}

fn line_of(text: &str, byte: usize) -> u32 {
    1 + text.as_bytes()[..byte.min(text.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count() as u32
}

/// Read the curation file's text.
pub(crate) fn parse(file: &str, text: &str) -> Result<Curation, CurationError> {
    let mut c: Curation = toml::from_str(text).map_err(|e| CurationError::Invalid {
        file: file.to_string(),
        line: e.span().map_or(1, |s| line_of(text, s.start)),
        message: e.message().trim().to_string(),
    })?;
    check(&c, file, text)?;
    c.file = file.to_string();
    c.text = text.to_string();
    Ok(c)
}

/// Refuse entries that would make a term without a name: an `[[add]]`
/// without Chinese forms (`zh = []`) or English form, an `[[alias]]` adding
/// no form, or an empty form anywhere. The app takes every term to have at
/// least one Chinese and one English form.
fn check(c: &Curation, file: &str, text: &str) -> Result<(), CurationError> {
    let invalid = |span: std::ops::Range<usize>, message: String| CurationError::Invalid {
        file: file.to_string(),
        line: line_of(text, span.start),
        message,
    };
    let blank = |s: &str| s.trim().is_empty();
    for s in &c.add {
        let a = s.get_ref();
        if blank(&a.en) {
            return Err(invalid(
                s.span(),
                "[[add]] needs an English form: `en` is empty".into(),
            ));
        }
        if a.zh.is_empty() {
            return Err(invalid(
                s.span(),
                format!(
                    "[[add]] `{}` needs at least one Chinese form: `zh` is empty",
                    a.en
                ),
            ));
        }
        if a.zh.iter().any(|z| blank(z)) || a.abbr.as_deref().is_some_and(blank) {
            return Err(invalid(
                s.span(),
                format!("[[add]] `{}` has an empty form", a.en),
            ));
        }
    }
    for s in &c.alias {
        let a = s.get_ref();
        if a.zh.is_empty() || a.zh.iter().any(|z| blank(z)) {
            return Err(invalid(
                s.span(),
                format!(
                    "[[alias]] `{}` needs one or more non-empty Chinese forms in `zh`",
                    a.term
                ),
            ));
        }
    }
    for s in &c.correct {
        let a = s.get_ref();
        if a.en.as_deref().is_some_and(blank) || a.abbr.as_deref().is_some_and(blank) {
            return Err(invalid(
                s.span(),
                format!("[[correct]] `{}` sets an empty form", a.term),
            ));
        }
    }
    Ok(())
}

/// The terms having `form` among their forms.
fn matching(terms: &[Term], form: &str) -> Vec<usize> {
    let key = form_key(form);
    (0..terms.len())
        .filter(|&i| terms[i].forms().any(|f| form_key(f) == key))
        .collect()
}

impl Curation {
    /// The entries' chosen names: the first Chinese form of each `[[add]]`,
    /// which stays its term's headword however often the other forms occur
    /// (安倍晉三 before the more frequent 安倍). Aliases never become headwords.
    pub(crate) fn headwords(&self) -> Vec<String> {
        self.add
            .iter()
            .filter_map(|a| a.get_ref().zh.first().cloned())
            .collect()
    }
}

/// Apply the file to the extracted terms; warnings for entries that match
/// nothing or add what is already there.
pub(crate) fn apply(c: &Curation, terms: &mut Vec<Term>, counts: &Counter) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let warn = |out: &mut Vec<Diagnostic>, span: std::ops::Range<usize>, message: String| {
        out.push(Diagnostic {
            file: c.file.clone(),
            line: line_of(&c.text, span.start),
            severity: Severity::Warning,
            message,
        })
    };
    let one = |terms: &[Term], out: &mut Vec<Diagnostic>, span, what: &str, form: &str| {
        let m = matching(terms, form);
        match m.as_slice() {
            [i] => Some(*i),
            [] => {
                warn(
                    out,
                    span,
                    format!("[[{what}]] `{form}` matches no glossary term"),
                );
                None
            }
            _ => {
                warn(
                    out,
                    span,
                    format!(
                        "[[{what}]] `{form}` matches {} terms; name one by its English form",
                        m.len()
                    ),
                );
                None
            }
        }
    };

    for s in &c.suppress {
        if let Some(i) = one(terms, &mut out, s.span(), "suppress", &s.get_ref().term) {
            terms.remove(i);
        }
    }
    for s in &c.correct {
        let fix = s.get_ref();
        if let Some(i) = one(terms, &mut out, s.span(), "correct", &fix.term) {
            let t = &mut terms[i];
            if let Some(en) = &fix.en {
                t.en = en.clone();
            }
            if let Some(abbr) = &fix.abbr {
                t.abbr = (!abbr.is_empty()).then(|| abbr.clone());
            }
            if let Some(kind) = fix.kind {
                t.kind = kind;
            }
        }
    }
    for s in &c.merge {
        let names = &s.get_ref().terms;
        let found: Vec<Option<usize>> = names
            .iter()
            .map(|n| one(terms, &mut out, s.span(), "merge", n))
            .collect();
        let Some(Some(into)) = found.first().copied() else {
            continue;
        };
        let mut from: Vec<usize> = found[1..]
            .iter()
            .flatten()
            .copied()
            .filter(|&i| i != into)
            .collect();
        from.sort_unstable();
        from.dedup();
        for &i in from.iter().rev() {
            let gone = terms[i].clone();
            let target = &mut terms[into];
            absorb(target, &gone);
        }
        for &i in from.iter().rev() {
            terms.remove(i);
        }
    }
    for s in &c.alias {
        let a = s.get_ref();
        if let Some(i) = one(terms, &mut out, s.span(), "alias", &a.term) {
            for z in &a.zh {
                if !terms[i].zh.iter().any(|f| form_key(f) == form_key(z)) {
                    terms[i].zh.push(z.clone());
                }
                if counts.count(z) == 0 {
                    warn(
                        &mut out,
                        s.span(),
                        format!("[[alias]] `{z}` never occurs in the corpus"),
                    );
                }
            }
        }
    }
    for s in &c.add {
        let a = s.get_ref();
        let forms = a.zh.iter().chain(std::iter::once(&a.en)).chain(&a.abbr);
        let existing: Vec<usize> = forms.clone().flat_map(|f| matching(terms, f)).collect();
        if let Some(&i) = existing.first() {
            warn(
                &mut out,
                s.span(),
                format!(
                    "[[add]] `{}` is already in the glossary as `{}`; merged, but use [[alias]] or [[correct]]",
                    a.en, terms[i].en
                ),
            );
            let added = added_term(a, counts);
            absorb(&mut terms[i], &added);
            continue;
        }
        if forms.map(|f| counts.count(f)).sum::<usize>() == 0 {
            warn(
                &mut out,
                s.span(),
                format!("[[add]] `{}` never occurs in the corpus", a.en),
            );
            continue;
        }
        terms.push(added_term(a, counts));
    }
    out
}

fn added_term(a: &Add, counts: &Counter) -> Term {
    let mut zh = a.zh.clone();
    sort_by_use(&mut zh, counts);
    let first = zh.first().cloned().unwrap_or_default();
    Term {
        kind: a
            .kind
            .unwrap_or_else(|| super::kind::infer(&first, &a.en, Default::default())),
        zh,
        en: a.en.clone(),
        abbr: a.abbr.clone(),
        defined_at: None,
        occurrences: Vec::new(),
        count: 0,
    }
}

/// Fold `other`'s Chinese forms into `term`, which keeps its English name
/// (and takes `other`'s abbreviation when it has none).
fn absorb(term: &mut Term, other: &Term) {
    for z in &other.zh {
        if !term.zh.iter().any(|f| form_key(f) == form_key(z)) {
            term.zh.push(z.clone());
        }
    }
    if term.abbr.is_none() {
        term.abbr = other.abbr.clone();
    }
    if term.defined_at.is_none() {
        term.defined_at = other.defined_at.clone();
    }
}
