//! The glossary: the Chinese↔English vocabulary the papers define for
//! themselves (`「四方安全對話」（Quadrilateral Security Dialogue, Quad）`),
//! extracted at build time so the app only looks terms up.
//!
//! What the app needs — the [`Glossary`] types, [`Glossary::find`] with its
//! comparison key (`key.rs`), and [`export`] (CSV and TBX for translators)
//! — is always built. Building a glossary is
//! the `build` feature's, in small steps, one file each, each depending only
//! on the ones before it: `counter.rs` (the corpus as units of text, and the
//! one counter of how often strings occur); `kind.rs` (what sort of thing a
//! term names) and `left_edge.rs` (where a Chinese term begins);
//! `english.rs` (reading the English side); [`extract`](extract_pairs)
//! (every stated pair); `merge.rs` (pairs naming one concept become one
//! [`Term`], and where each term is used); `curation.rs` (the reviewed
//! `glossary.toml` of the corpus folder). [`lexicon`] splits a built
//! glossary for a large corpus: the terms, each document's uses, and the
//! uses by term in chunks, so no page fetches all of it.

#[cfg(feature = "build")]
mod counter;
#[cfg(feature = "build")]
mod curation;
#[cfg(feature = "build")]
mod english;
pub mod export;
#[cfg(feature = "build")]
mod extract;
mod key;
#[cfg(feature = "build")]
mod kind;
#[cfg(feature = "build")]
mod left_edge;
pub mod lexicon;
pub mod marks;
#[cfg(feature = "build")]
mod merge;

#[cfg(feature = "build")]
pub use curation::CurationError;
#[cfg(feature = "build")]
pub use extract::{extract_pairs, extract_text};

#[cfg(feature = "build")]
use crate::diagnostic::Diagnostic;
#[cfg(feature = "build")]
use crate::model::Document;
use serde::{Deserialize, Serialize};

/// One stated pair, before merging.
#[cfg(feature = "build")]
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
    /// Chinese forms: the headword first — the first form a curation
    /// `[[add]]` lists, else the most frequent in the corpus — then the
    /// aliases, most frequent first.
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
        let key = key::form_key(form);
        self.terms
            .iter()
            .find(|t| t.forms().any(|f| key::form_key(f) == key))
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
#[cfg(feature = "build")]
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
    let mut headwords = Vec::new();
    if let Some(curation) = &curation {
        diagnostics = curation::apply(curation, &mut terms, &counter);
        headwords = curation.headwords();
    }
    merge::finish(&mut terms, &counter, &headwords);
    Ok((Glossary { terms }, diagnostics))
}
