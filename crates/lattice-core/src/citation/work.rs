//! What a citation says about a document, read once from its metadata so
//! every format (the styles, BibTeX, RIS, CSL-JSON) cites the same work the
//! same way: its kind, language, names, date and the citation fields.

use crate::model::{Document, Kind};
use crate::script::has_han;

/// The kind of work a document is cited as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WorkKind {
    /// A chapter of a book or series (the metadata names one).
    Chapter,
    /// A report: a publisher but no book.
    Report,
    /// A page read online: neither book nor publisher.
    Web,
}

/// A person's name, split when it is written in the Latin way.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Name {
    /// A name kept whole: Chinese (`林柏州`) or an organisation.
    Whole(String),
    /// Given names and family name (`Jane Doe`, `Doe, Jane`).
    Split {
        /// The family name.
        family: String,
        /// The given names.
        given: String,
    },
}

impl Name {
    /// Read a name as printed: Han names and one-word names stay whole;
    /// `Family, Given` and `Given Family` are split.
    pub fn of(name: &str) -> Name {
        let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
        if has_han(&name) {
            return Name::Whole(name);
        }
        if let Some((family, given)) = name.split_once(", ") {
            if !family.is_empty() && !given.is_empty() && !given.contains(',') {
                return Name::Split {
                    family: family.to_string(),
                    given: given.to_string(),
                };
            }
        }
        match name.rsplit_once(' ') {
            Some((given, family)) if !name.contains(',') => Name::Split {
                family: family.to_string(),
                given: given.to_string(),
            },
            _ => Name::Whole(name),
        }
    }
}

/// A document as a citation sees it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Work {
    /// The document id: the citation key.
    pub key: String,
    /// What it is cited as.
    pub kind: WorkKind,
    /// Whether it is written in Chinese (its title has Han characters):
    /// the formatted citations are then in Chinese.
    pub chinese: bool,
    /// The title as printed.
    pub title: String,
    /// The title in English, for a Chinese work.
    pub english_title: Option<String>,
    /// The authors, in order.
    pub authors: Vec<Name>,
    /// Year, month and day as far as known.
    pub date: Option<(i32, Option<u8>, Option<u8>)>,
    /// The year as the metadata wrote it, when it is not a plain number
    /// (`1998–99`).
    pub year_text: Option<String>,
    /// The book or series.
    pub container: Option<String>,
    /// The editors of that book.
    pub editors: Vec<Name>,
    /// The publisher.
    pub publisher: Option<String>,
    /// The place of publication.
    pub place: Option<String>,
    /// The page range, as written.
    pub pages: Option<String>,
    /// The DOI, bare.
    pub doi: Option<String>,
    /// Where the work was published online (http(s) only).
    pub source_url: Option<String>,
}

impl Work {
    /// Read a document's metadata.
    pub fn of(doc: &Document) -> Work {
        let m = &doc.meta;
        let c = &m.citation;
        let kind = if c.container.is_some() {
            WorkKind::Chapter
        } else if c.publisher.is_some() || m.kind == Kind::BookChapter {
            WorkKind::Report
        } else {
            WorkKind::Web
        };
        // The metadata's year wins over the source's date when they differ:
        // it is what the folder's maintainer says the work is cited by.
        let date = m.date.as_ref().map(|d| {
            (
                i32::from(d.year),
                (d.month > 0).then_some(d.month),
                (d.day > 0).then_some(d.day),
            )
        });
        let (date, year_text) = match c.year.as_deref() {
            Some(y) => match y.parse::<i32>() {
                Ok(n) if date.is_some_and(|d| d.0 == n) => (date, None),
                Ok(n) => (Some((n, None, None)), None),
                Err(_) => (None, Some(y.to_string())),
            },
            None => (date, None),
        };
        let web = |u: &String| u.starts_with("https://") || u.starts_with("http://");
        Work {
            key: doc.id.clone(),
            kind,
            chinese: has_han(&m.title),
            title: m.title.split_whitespace().collect::<Vec<_>>().join(" "),
            english_title: c.english_title.clone(),
            authors: m.authors.iter().map(|a| Name::of(&a.name)).collect(),
            date,
            year_text,
            container: c.container.clone(),
            editors: c.editors.iter().map(|e| Name::of(e)).collect(),
            publisher: c.publisher.clone(),
            place: c.place.clone(),
            pages: c.pages.clone(),
            doi: c.doi.clone(),
            source_url: c.url.clone().filter(web),
        }
    }

    /// The first and last page, when the range is two numbers (`45-67`,
    /// `45–67`).
    pub fn page_range(&self) -> Option<(String, Option<String>)> {
        let pages = self.pages.as_deref()?.trim();
        let mut parts = pages
            .split(['-', '–', '—'])
            .map(str::trim)
            .filter(|p| !p.is_empty());
        let first = parts.next()?.to_string();
        Some((first, parts.next().map(str::to_string)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_split_the_latin_way_only() {
        assert_eq!(Name::of("林柏州"), Name::Whole("林柏州".into()));
        assert_eq!(
            Name::of("Jane  Doe"),
            Name::Split {
                family: "Doe".into(),
                given: "Jane".into()
            }
        );
        assert_eq!(
            Name::of("Doe, Jane"),
            Name::Split {
                family: "Doe".into(),
                given: "Jane".into()
            }
        );
        assert_eq!(Name::of("Brookings"), Name::Whole("Brookings".into()));
    }
}
