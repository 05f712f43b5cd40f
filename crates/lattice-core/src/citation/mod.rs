//! Citations of a document: Chicago notes-bibliography and APA, in the
//! document's language, and BibTeX, RIS and CSL-JSON for reference managers
//! (Zotero, EndNote).
//!
//! Everything is formatted at build time ([`attach`], behind the `build`
//! feature, with hayagriva and the CSL styles it bundles) and stored in the
//! document as [`Cite`], so the app carries no citation processor. The one
//! thing only the browser knows, the address of the paragraph being cited,
//! is a placeholder ([`CITE_LINK`]) that [`fill`] and [`link`] replace, safely,
//! at run time.

mod link;

pub use crate::model::{Cite, CitePiece, CITE_LINK};
pub use link::{fill, link, pieces_text};

#[cfg(feature = "build")]
mod bibtex;
#[cfg(feature = "build")]
mod csl_json;
#[cfg(feature = "build")]
mod ris;
#[cfg(feature = "build")]
mod styles;
#[cfg(feature = "build")]
mod work;

#[cfg(feature = "build")]
pub use work::Work;

/// Format the citations of `doc` from its metadata (title, authors, date and
/// the citation fields) into [`crate::Document::cite`]. Call it once the
/// folder's metadata has been laid over the document's own.
#[cfg(feature = "build")]
pub fn attach(doc: &mut crate::Document) {
    doc.cite = format(&Work::of(doc));
}

/// Every format of one work.
#[cfg(feature = "build")]
pub fn format(work: &Work) -> Cite {
    let styled = styles::render(work);
    Cite {
        chicago_note: styled.chicago_note,
        chicago_bibliography: styled.chicago_bibliography,
        apa: styled.apa,
        bibtex: bibtex::entry(work),
        ris: ris::record(work),
        csl_json: csl_json::item(work),
    }
}
