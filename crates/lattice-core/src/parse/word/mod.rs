//! Reader for Word documents (`.docx`): a zip package of XML parts, read
//! with `zip` and quick-xml ([`xml`]). The body's paragraphs, tables and
//! lists come from [`body`]; paragraph styles mean what [`styles`] says.
//!
//! Title, Subtitle, Author and Date paragraphs are metadata, not body text;
//! without them the package's core properties (`dc:title`, `dc:creator`)
//! stand in, and `cp:keywords` gives the keywords. Footnotes and endnotes
//! become notes numbered in the order the text cites them.
//!
//! A package that cannot be read — an encrypted file (Word wraps those in
//! an OLE compound file), a damaged zip, no `word/document.xml`, malformed
//! XML — is an error diagnostic on an empty document, never a panic.
//! "Lines" are paragraph numbers.

mod body;
mod styles;
mod xml;

use super::{Diags, Draft, DraftNote};
use crate::inline::{content_text, plain_text, Inline};
use crate::model::*;
use body::{NoteKind, Walk};
use std::collections::HashMap;
use std::io::{Cursor, Read};
use styles::{Numbering, Role, Styles};
use thiserror::Error;
use xml::Element;

/// The first bytes of an OLE compound file: how Word stores an encrypted
/// `.docx` (and an old `.doc`).
const OLE_MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// No part of a real document comes near this; a larger one is refused
/// rather than inflated (a zip bomb).
const MAX_PART_BYTES: u64 = 64 << 20;

/// Why a package could not be read at all.
#[derive(Debug, Error)]
enum PackageError {
    #[error(
        "the file is encrypted or is an old .doc (an OLE compound file, not a zip): \
         remove the password and save it as .docx"
    )]
    Encrypted,
    #[error("the file is not a readable .docx: the zip is damaged ({0})")]
    Zip(String),
    #[error("the package has no word/document.xml: it is not a Word document")]
    NoDocument,
    #[error("{part} cannot be read: {message}")]
    Part { part: String, message: String },
    #[error("{part} is not well-formed XML: {message}")]
    Xml {
        part: String,
        message: String,
        /// The paragraph the error is in or after.
        paragraph: u32,
    },
}

impl PackageError {
    fn paragraph(&self) -> u32 {
        match self {
            PackageError::Xml { paragraph, .. } => *paragraph,
            _ => 1,
        }
    }
}

/// Parse a `.docx` file's bytes.
pub(super) fn parse(file: &str, bytes: &[u8]) -> Document {
    let diags = Diags { file };
    let draft = match read(bytes, &diags) {
        Ok(draft) => draft,
        Err(e) => {
            let mut draft = Draft::new(Kind::Word);
            draft.meta.title = stem(file);
            draft
                .diagnostics
                .push(diags.error(e.paragraph(), e.to_string()));
            draft
        }
    };
    super::finish::finish(file, draft, &diags)
}

fn stem(file: &str) -> String {
    let name = file.rsplit(['/', '\\']).next().unwrap_or(file);
    name.rsplit_once('.').map_or(name, |(s, _)| s).to_string()
}

/// The parts of a package, read on demand.
struct Package {
    zip: zip::ZipArchive<Cursor<Vec<u8>>>,
}

impl Package {
    fn open(bytes: &[u8]) -> Result<Self, PackageError> {
        if bytes.starts_with(&OLE_MAGIC) {
            return Err(PackageError::Encrypted);
        }
        let zip = zip::ZipArchive::new(Cursor::new(bytes.to_vec()))
            .map_err(|e| PackageError::Zip(e.to_string()))?;
        Ok(Package { zip })
    }

    /// A part's text, or `None` when the package lacks it.
    fn text(&mut self, name: &str) -> Result<Option<String>, PackageError> {
        let fail = |message: String| PackageError::Part {
            part: name.to_string(),
            message,
        };
        let entry = match self.zip.by_name(name) {
            Ok(e) => e,
            Err(zip::result::ZipError::FileNotFound) => return Ok(None),
            Err(e) => return Err(fail(e.to_string())),
        };
        let mut bytes = Vec::new();
        entry
            .take(MAX_PART_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| fail(e.to_string()))?;
        if bytes.len() as u64 > MAX_PART_BYTES {
            return Err(fail(format!("larger than {MAX_PART_BYTES} bytes")));
        }
        String::from_utf8(bytes)
            .map(Some)
            .map_err(|_| fail("not UTF-8".into()))
    }

    /// A part parsed as XML (an empty root when absent).
    fn xml(&mut self, name: &str) -> Result<Option<Element>, PackageError> {
        let Some(text) = self.text(name)? else {
            return Ok(None);
        };
        let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
        xml::parse(text).map(Some).map_err(|e| {
            let before = &text[..floor_char_boundary(text, e.offset)];
            let paragraph = 1 + before.matches("<w:p>").count() + before.matches("<w:p ").count();
            PackageError::Xml {
                part: name.to_string(),
                message: e.message,
                paragraph: u32::try_from(paragraph).unwrap_or(u32::MAX),
            }
        })
    }
}

fn floor_char_boundary(s: &str, at: usize) -> usize {
    let mut at = at.min(s.len());
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn read(bytes: &[u8], diags: &Diags<'_>) -> Result<Draft, PackageError> {
    let mut pkg = Package::open(bytes)?;
    let document = pkg
        .xml("word/document.xml")?
        .ok_or(PackageError::NoDocument)?;
    let styles = pkg
        .xml("word/styles.xml")?
        .map(|x| Styles::read(&x))
        .unwrap_or_default();
    let numbering = pkg
        .xml("word/numbering.xml")?
        .map(|x| Numbering::read(&x))
        .unwrap_or_default();
    let links = pkg
        .xml("word/_rels/document.xml.rels")?
        .map(|x| external_targets(&x))
        .unwrap_or_default();
    let footnotes = pkg.xml("word/footnotes.xml")?;
    let endnotes = pkg.xml("word/endnotes.xml")?;
    let core = pkg.xml("docProps/core.xml")?;

    let mut draft = Draft::new(Kind::Word);
    let mut walk = Walk::new(&styles, &numbering, &links);
    let body = document.child("w:document").and_then(|d| d.child("w:body"));
    match body {
        Some(b) => walk.blocks(b),
        None => draft.diagnostics.push(diags.error(
            1,
            "word/document.xml has no w:document/w:body: it is not a Word document",
        )),
    }

    // Notes, after the body, so labels follow the order of citation; notes
    // nothing cites are numbered after, in their part's order.
    for (kind, part, tag) in [
        (NoteKind::Foot, &footnotes, "w:footnote"),
        (NoteKind::End, &endnotes, "w:endnote"),
    ] {
        let Some(root) = part else { continue };
        let mut notes = Vec::new();
        root.descendants(tag, &mut notes);
        let mut paragraph = 0u32;
        for n in notes {
            let real = matches!(n.attr("w:type"), None | Some("normal"));
            let Some(id) = n.attr("w:id").filter(|_| real) else {
                continue;
            };
            let line = paragraph + 1;
            let mut body = Vec::new();
            for p in n.elements().filter(|e| e.name == "w:p") {
                paragraph += 1;
                if !body.is_empty() {
                    body.push(Inline::Text("\n".into()));
                }
                walk.inline(p, &mut body);
            }
            if let Some(Inline::Text(t)) = body.first_mut() {
                *t = t.trim_start().to_string();
            }
            let label = walk.label(kind, id);
            draft.notes.push(DraftNote {
                label,
                marker: String::new(),
                body,
                line,
            });
        }
    }

    for p in &walk.hidden {
        draft.diagnostics.push(diags.warn(
            *p,
            "a text box or drawing holds text the reader does not show",
        ));
    }
    metadata(&mut draft, &walk.meta, core.as_ref(), diags);
    if draft.meta.title.is_empty() {
        draft.diagnostics.push(diags.warn(
            1,
            "the document has no title: give it a Title paragraph or a title in its properties",
        ));
    }
    draft.blocks = std::mem::take(&mut walk.blocks);
    draft.lift_headings();
    Ok(draft)
}

/// Relationship ids of a part to their external targets.
fn external_targets(rels: &Element) -> HashMap<String, String> {
    let mut all = Vec::new();
    rels.descendants("Relationship", &mut all);
    all.into_iter()
        .filter(|r| r.attr("TargetMode") == Some("External"))
        .filter_map(|r| Some((r.attr("Id")?.to_string(), r.attr("Target")?.to_string())))
        .collect()
}

/// Title, subtitle, authors and date from their paragraphs (kept whole in
/// `skipped`), then whatever is still missing from the core properties.
fn metadata(
    draft: &mut Draft,
    paragraphs: &[body::MetaParagraph],
    core: Option<&Element>,
    diags: &Diags<'_>,
) {
    for p in paragraphs {
        let text = plain_text(&p.runs).trim().to_string();
        draft.skip(
            p.paragraph,
            content_text(&p.runs),
            SkipReason::MetadataSource,
        );
        if text.is_empty() {
            continue;
        }
        let m = &mut draft.meta;
        match p.role {
            Role::Title if m.title.is_empty() => m.title = text,
            Role::Title => m.title = format!("{} {text}", m.title),
            Role::Subtitle => m.subtitle = Some(text),
            Role::Author => m.authors.extend(names(&text).into_iter().map(author)),
            Role::Date => match date(&text) {
                Some(d) => m.date = Some(d),
                None => draft.diagnostics.push(diags.warn(
                    p.paragraph,
                    format!("cannot read the date `{text}`: write it as YYYY-MM-DD"),
                )),
            },
            Role::Heading(_) | Role::Quote | Role::Body => {}
        }
    }
    let Some(core) = core.and_then(|c| c.child("cp:coreProperties")) else {
        return;
    };
    let prop = |name: &str| {
        core.child(name)
            .map(|e| e.text().trim().to_string())
            .filter(|t| !t.is_empty())
    };
    let m = &mut draft.meta;
    if m.title.is_empty() {
        m.title = prop("dc:title").unwrap_or_default();
    }
    if m.authors.is_empty() {
        if let Some(c) = prop("dc:creator") {
            m.authors = names(&c).into_iter().map(author).collect();
        }
    }
    if m.keywords.is_empty() {
        if let Some(k) = prop("cp:keywords") {
            m.keywords = k
                .split([',', '，', '、', ';', '；'])
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(String::from)
                .collect();
        }
    }
}

/// Authors in one paragraph or property: separated by `;` or `、`.
fn names(text: &str) -> Vec<String> {
    text.split([';', '；', '、'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(String::from)
        .collect()
}

fn author(name: String) -> Author {
    Author {
        name,
        affiliation: None,
        note: None,
    }
}

/// A date paragraph: `2025-07-04`, `2025.7.4`, `2025年7月4日`.
fn date(text: &str) -> Option<Date> {
    let numbers: Vec<&str> = text
        .split(|c: char| !c.is_ascii_digit())
        .filter(|s| !s.is_empty())
        .collect();
    let [y, m, d] = numbers[..] else { return None };
    let (year, month, day) = super::lines::parse_date(&format!("{y}-{m}-{d}"))?;
    Some(Date {
        year,
        month,
        day,
        source: text.to_string(),
    })
}
