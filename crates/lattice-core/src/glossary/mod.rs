//! The glossary: the Chinese↔English vocabulary the papers define for
//! themselves (`「四方安全對話」（Quadrilateral Security Dialogue, Quad）`),
//! extracted at build time so the app only looks terms up.
//!
//! The pipeline is four small steps, one file each:
//! [`extract`](extract_pairs) finds every stated pair in the parsed model
//! (`extract.rs`, with the hard part — where the Chinese term begins — in
//! `left_edge.rs`); `merge.rs` folds pairs that name one concept into one
//! [`Term`] and finds where each term is used; `curation.rs` applies the
//! reviewed `corpus/glossary.toml`; `kind.rs` guesses what sort of thing a
//! term names.

mod counter;
mod curation;
mod english;
mod extract;
mod kind;
mod left_edge;
mod merge;

pub use curation::CurationError;
pub use extract::{extract_pairs, extract_text};

use crate::diagnostic::Diagnostic;
use crate::model::Document;
use serde::{Deserialize, Serialize};

/// One stated pair, before merging.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pair {
    /// The Chinese term as written.
    pub zh: String,
    /// The English form as written (less a leading lower-case `the`).
    pub en: String,
    /// The abbreviation given after a comma or in brackets.
    pub abbr: Option<String>,
    /// The English form is itself only an abbreviation (`（AUKUS）`).
    pub en_is_abbr: bool,
    /// The kind guessed from this statement.
    pub kind: TermKind,
    /// Where it is stated (`None` for free text).
    pub at: Option<Place>,
}

/// The curation file's name in a corpus folder.
pub const CURATION_FILE: &str = "glossary.toml";

/// Every term of the corpus, one per concept.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Glossary {
    /// Terms ordered by English form (case-insensitive).
    pub terms: Vec<Term>,
}

/// One concept with its Chinese and English names.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Term {
    /// Chinese forms, most frequent in the corpus first (aliases after the first).
    pub zh: Vec<String>,
    /// The English form (the full name when the papers give one).
    pub en: String,
    /// The abbreviation, when the papers give one (`Quad`, `NPT`).
    pub abbr: Option<String>,
    /// What sort of thing the term names.
    pub kind: TermKind,
    /// Where the corpus first states the pair; `None` for terms the curation
    /// file adds.
    pub defined_at: Option<Place>,
    /// Every use of any of its forms in the corpus, body and notes.
    pub occurrences: Vec<Occurrence>,
    /// `occurrences.len()`, kept for sorting and display.
    pub count: u32,
}

/// What sort of thing a term names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TermKind {
    /// A person (`魯比歐`, Marco Rubio).
    Person,
    /// An organisation or agency (`美國地質調查局`).
    Organisation,
    /// A standing arrangement between states (`四方安全對話`).
    Mechanism,
    /// A programme or initiative (`四方關鍵礦產倡議`).
    Initiative,
    /// A treaty, agreement or code (`核武不擴散條約`).
    Agreement,
    /// A meeting, summit, exercise or talks (`大衛營高峰會`).
    Event,
    /// An idea or technical term (`小多邊主義`, mini-lateralism).
    Concept,
    /// A place or region (`印太`).
    Place,
    /// A document or publication (`大衛營原則`).
    Publication,
    /// Anything else.
    Other,
}

impl TermKind {
    /// Every kind, in declaration order.
    pub const ALL: [TermKind; 10] = [
        TermKind::Person,
        TermKind::Organisation,
        TermKind::Mechanism,
        TermKind::Initiative,
        TermKind::Agreement,
        TermKind::Event,
        TermKind::Concept,
        TermKind::Place,
        TermKind::Publication,
        TermKind::Other,
    ];

    /// The lower-case name used in `glossary.toml` and `lattice glossary`.
    pub fn as_str(self) -> &'static str {
        match self {
            TermKind::Person => "person",
            TermKind::Organisation => "organisation",
            TermKind::Mechanism => "mechanism",
            TermKind::Initiative => "initiative",
            TermKind::Agreement => "agreement",
            TermKind::Event => "event",
            TermKind::Concept => "concept",
            TermKind::Place => "place",
            TermKind::Publication => "publication",
            TermKind::Other => "other",
        }
    }

    /// The kind with this lower-case name.
    pub fn from_name(name: &str) -> Option<TermKind> {
        TermKind::ALL.into_iter().find(|k| k.as_str() == name)
    }
}

/// Where a pair is stated: a block or note of a document.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Place {
    /// The document's id.
    pub doc: String,
    /// The block id (`p12`) or note id (`n7`).
    pub anchor: String,
    /// Source line (for a block rejoined across a page break, its first line).
    pub line: u32,
}

/// One use of a term: a range of a block's or note's plain text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Occurrence {
    /// The document's id.
    pub doc: String,
    /// The block id or note id.
    pub anchor: String,
    /// Start, in characters (Unicode scalar values) of the plain text.
    pub start: u32,
    /// End (exclusive), in characters.
    pub end: u32,
}

impl Glossary {
    /// The term one of whose forms (Chinese, English or abbreviation) is
    /// `form`, compared folded (Traditional/Simplified, width, case).
    pub fn find(&self, form: &str) -> Option<&Term> {
        let key = merge::form_key(form);
        self.terms
            .iter()
            .find(|t| t.forms().any(|f| merge::form_key(f) == key))
    }
}

impl Term {
    /// All forms: Chinese, then English, then the abbreviation.
    pub fn forms(&self) -> impl Iterator<Item = &str> {
        self.zh
            .iter()
            .map(String::as_str)
            .chain(std::iter::once(self.en.as_str()))
            .chain(self.abbr.as_deref())
    }
}

/// Build the glossary of these documents: extract, merge, apply the curation
/// file's text when given (`file` names it in diagnostics), find occurrences.
///
/// Curation entries that match nothing come back as warnings; a curation file
/// that is not valid TOML, or not of the expected shape, is an error.
pub fn build(
    docs: &[Document],
    curation: Option<(&str, &str)>,
) -> Result<(Glossary, Vec<Diagnostic>), CurationError> {
    let curation = curation
        .map(|(file, text)| curation::parse(file, text))
        .transpose()?;
    let counter = counter::Counter::new(docs);
    let pairs = extract::pairs(&counter);
    let mut terms = merge::merge(&pairs, &counter);
    let mut diagnostics = Vec::new();
    if let Some(curation) = &curation {
        diagnostics = curation::apply(curation, &mut terms, &counter);
    }
    merge::finish(&mut terms, &counter);
    Ok((Glossary { terms }, diagnostics))
}
