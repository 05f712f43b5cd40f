//! Where a document's glossary terms are marked, block by block, and which
//! of those marks bilingual mode glosses with the term's other-language form.
//!
//! A gloss on every occurrence buries the text, so the gloss goes to the
//! first occurrence of a term in each section (the blocks from one heading
//! to the next; the notes are one section of their own) and not again until
//! the next section. It is the abbreviation when the term has one (*Quad*,
//! not *Quadrilateral Security Dialogue*), else the English form; a use of
//! an English form (`Quad`) is English already and gets none. Where the text already
//! gives the other form beside the term — `魯比歐（Marco Rubio）`,
//! `四方安全對話(Quad)` — there is no gloss, and that occurrence counts as
//! the section's first.
//!
//! This is pure logic over the document and the glossary, so it lives here
//! and is tested natively on the real corpus; the app only draws the result.

use super::lexicon::DocumentTerms;
use super::{Glossary, Term};
use crate::inline::Inline;
use crate::model::Document;
use crate::script::{is_han, is_spaced_word_char};
use std::collections::{HashMap, HashSet};

/// Which of a term's forms a gloss shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Gloss {
    /// The abbreviation (`Quad`).
    Abbreviation,
    /// The English form, for a term without an abbreviation.
    English,
}

impl Gloss {
    /// The form's text for `term`.
    pub fn text(self, term: &Term) -> &str {
        match self {
            Gloss::Abbreviation => term.abbr.as_deref().unwrap_or(&term.en),
            Gloss::English => &term.en,
        }
    }
}

/// One marked occurrence of a term in a block's or note's plain text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TermMark {
    /// Start, in characters of the plain text.
    pub start: usize,
    /// End (exclusive), in characters.
    pub end: usize,
    /// The term's index in the glossary.
    pub term: usize,
    /// The gloss bilingual mode shows here, if any.
    pub gloss: Option<Gloss>,
}

/// A document's term marks by block or note id, each list in text order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TermMarks {
    by_anchor: HashMap<String, Vec<TermMark>>,
}

/// Characters between two occurrences of one term that still count as
/// "beside" each other (`小多邊主義（mini-lateralism）`, with a leading
/// `the ` or quotation marks).
const BESIDE: usize = 6;

impl TermMarks {
    /// The marks of `doc`'s blocks and notes, with their glosses placed.
    /// Marks that overlap a link or an earlier, longer mark are left out,
    /// so every mark here can be drawn.
    pub fn of(doc: &Document, glossary: &Glossary) -> TermMarks {
        TermMarks::with_uses(doc, glossary, &DocumentTerms::of(glossary, &doc.id))
    }

    /// The same marks from the document's own uses of the terms (its file
    /// carries them in a split corpus) and a glossary whose terms alone are
    /// needed (a [`Lexicon`](super::lexicon::Lexicon)'s).
    pub fn with_uses(doc: &Document, glossary: &Glossary, uses: &DocumentTerms) -> TermMarks {
        let mut by_anchor: HashMap<String, Vec<TermMark>> = HashMap::new();
        for (term, list) in &uses.terms {
            for u in list {
                by_anchor
                    .entry(u.anchor.clone())
                    .or_default()
                    .push(TermMark {
                        start: u.start as usize,
                        end: u.end as usize,
                        term: *term as usize,
                        gloss: None,
                    });
            }
        }
        let mut marks = TermMarks { by_anchor };
        let mut seen: HashSet<usize> = HashSet::new();
        for block in &doc.blocks {
            if block.heading_level().is_some() {
                seen.clear();
            }
            marks.place(&block.id, &block.inlines, glossary, &mut seen);
        }
        seen.clear();
        for note in &doc.notes {
            if let Some(body) = &note.body {
                marks.place(&note.id, body, glossary, &mut seen);
            }
        }
        // Marks of anchors the document does not have (a stale glossary).
        marks.by_anchor.retain(|_, list| !list.is_empty());
        marks
    }

    /// The marks of one block or note, in text order.
    pub fn get(&self, anchor: &str) -> &[TermMark] {
        self.by_anchor.get(anchor).map_or(&[], Vec::as_slice)
    }

    /// Every glossed mark, with its block or note id.
    pub fn glossed(&self) -> impl Iterator<Item = (&str, &TermMark)> {
        self.by_anchor
            .iter()
            .flat_map(|(a, list)| list.iter().map(move |m| (a.as_str(), m)))
            .filter(|(_, m)| m.gloss.is_some())
    }

    /// Tidy one block's marks and gloss the first use in the section of
    /// each term not already `seen` there.
    fn place(
        &mut self,
        anchor: &str,
        runs: &[Inline],
        glossary: &Glossary,
        seen: &mut HashSet<usize>,
    ) {
        let Some(list) = self.by_anchor.get_mut(anchor) else {
            return;
        };
        let text: Vec<char> = crate::inline::plain_text(runs).chars().collect();
        let links = link_ranges(runs);
        list.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end), m.term));
        let mut kept: Vec<TermMark> = Vec::with_capacity(list.len());
        for m in list.drain(..) {
            let drawable = m.start < m.end
                && m.end <= text.len()
                && !links.iter().any(|l| l.0 < m.end && m.start < l.1)
                && kept.last().is_none_or(|k| k.end <= m.start);
            if drawable {
                kept.push(m);
            }
        }
        for i in 0..kept.len() {
            // An English use (`Quad`) is English already: not glossed, and
            // the Chinese name's first use still is.
            if !is_chinese(&text, &kept[i]) || !seen.insert(kept[i].term) {
                continue;
            }
            let Some(term) = glossary.terms.get(kept[i].term) else {
                continue;
            };
            if beside_another_form(&text, &kept, i) || gives_its_translation(&text, &kept[i]) {
                continue;
            }
            kept[i].gloss = Some(match term.abbr {
                Some(_) => Gloss::Abbreviation,
                None => Gloss::English,
            });
        }
        *list = kept;
    }
}

/// The character ranges of a block's links (whose text is their address).
fn link_ranges(runs: &[Inline]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut at = 0;
    for run in runs {
        let len = match run {
            Inline::Text(t) | Inline::Emphasis(t) => t.chars().count(),
            Inline::Link { href, .. } => {
                let n = href.chars().count();
                out.push((at, at + n));
                n
            }
            Inline::NoteRef { .. } => 0,
        };
        at += len;
    }
    out
}

/// Whether a mark's text is Chinese.
fn is_chinese(text: &[char], m: &TermMark) -> bool {
    text[m.start..m.end].iter().any(|&c| is_han(c))
}

/// Whether a mark of the same term in the other script is within a few
/// characters: the text states both forms there (`四方安全對話(Quad)`).
fn beside_another_form(text: &[char], marks: &[TermMark], i: usize) -> bool {
    let m = &marks[i];
    let chinese = is_chinese(text, m);
    marks.iter().any(|o| {
        o.term == m.term
            && is_chinese(text, o) != chinese
            && (o.start.abs_diff(m.end) <= BESIDE || m.start.abs_diff(o.end) <= BESIDE)
    })
}

/// Whether the text right after a Chinese mark (and its closing quotation
/// mark) opens a bracket with Latin text — `魯比歐（Marco Rubio）`,
/// `「未來港口夥伴關係」（Ports of the Future）` — so the reader has the
/// translation already, whether or not the glossary knows that spelling.
fn gives_its_translation(text: &[char], m: &TermMark) -> bool {
    let mut rest = text[m.end..]
        .iter()
        .copied()
        .skip_while(|c| matches!(c, ' ' | '」' | '』' | '"' | '”' | '\''));
    if !matches!(rest.next(), Some('(' | '（')) {
        return false;
    }
    rest.find(|c| !matches!(c, ' ' | '"' | '“' | '「' | '『' | '\''))
        .is_some_and(|c| is_spaced_word_char(c) && !c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::glossary::{Occurrence, TermKind};
    use crate::model::{Block, BlockKind, Kind, Meta};

    fn term(zh: &str, en: &str, abbr: Option<&str>) -> Term {
        Term {
            zh: vec![zh.into()],
            en: en.into(),
            abbr: abbr.map(Into::into),
            kind: TermKind::Other,
            defined_at: None,
            occurrences: Vec::new(),
            count: 0,
        }
    }

    fn block(id: &str, text: &str, heading: bool) -> Block {
        Block {
            id: id.into(),
            kind: if heading {
                BlockKind::Heading { level: 1 }
            } else {
                BlockKind::Paragraph
            },
            inlines: vec![Inline::Text(text.into())],
            lines: vec![1],
            section: None,
            within: Vec::new(),
        }
    }

    /// Occurrences of each term's forms found by plain search (the glossary
    /// builder's job; enough for these sentences).
    fn occurrences(doc: &Document, glossary: &mut Glossary) {
        for t in &mut glossary.terms {
            let forms: Vec<String> = t.forms().map(str::to_string).collect();
            for b in &doc.blocks {
                let text: Vec<char> = b.plain_text().chars().collect();
                for f in &forms {
                    let f: Vec<char> = f.chars().collect();
                    for s in 0..text.len().saturating_sub(f.len() - 1) {
                        if text[s..s + f.len()] == f[..] {
                            t.occurrences.push(Occurrence {
                                doc: doc.id.clone(),
                                anchor: b.id.clone(),
                                start: s as u32,
                                end: (s + f.len()) as u32,
                            });
                        }
                    }
                }
            }
        }
    }

    fn doc(blocks: Vec<Block>) -> Document {
        Document {
            id: "d".into(),
            source: "d.txt".into(),
            meta: Meta::empty(Kind::WebAnalysis),
            blocks,
            sections: Vec::new(),
            notes: Vec::new(),
            skipped: Vec::new(),
            diagnostics: Vec::new(),
            cite: Default::default(),
        }
    }

    fn glossed(blocks: &[(&str, bool)], glossary: &[Term]) -> Vec<(String, String, String)> {
        let doc = doc(blocks
            .iter()
            .enumerate()
            .map(|(i, (t, h))| block(&format!("p{i}"), t, *h))
            .collect());
        let mut g = Glossary {
            terms: glossary.to_vec(),
        };
        occurrences(&doc, &mut g);
        let marks = TermMarks::of(&doc, &g);
        let mut out: Vec<(String, String, String)> = doc
            .blocks
            .iter()
            .flat_map(|b| {
                let text: Vec<char> = b.plain_text().chars().collect();
                let g = &g;
                marks.get(&b.id).iter().filter_map(move |m| {
                    let gloss = m.gloss?.text(&g.terms[m.term]).to_string();
                    let at: String = text[m.start..m.end].iter().collect();
                    Some((b.id.clone(), at, gloss))
                })
            })
            .collect();
        out.sort();
        out
    }

    fn t3(a: &str, b: &str, c: &str) -> (String, String, String) {
        (a.into(), b.into(), c.into())
    }

    #[test]
    fn first_use_in_each_section_with_the_abbreviation() {
        let quad = term(
            "四方安全對話",
            "Quadrilateral Security Dialogue",
            Some("Quad"),
        );
        let got = glossed(
            &[
                ("前言", true),
                ("四方安全對話成立，四方安全對話擴大。", false),
                ("四方安全對話再次開會。", false),
                ("結論", true),
                ("四方安全對話的未來。", false),
            ],
            &[quad],
        );
        assert_eq!(
            got,
            [
                t3("p1", "四方安全對話", "Quad"),
                t3("p4", "四方安全對話", "Quad")
            ]
        );
    }

    #[test]
    fn none_where_the_translation_stands_beside() {
        let rubio = term("魯比歐", "Marco Rubio", None);
        let quad = term(
            "四方安全對話",
            "Quadrilateral Security Dialogue",
            Some("Quad"),
        );
        let wong = term("黃英賢", "Penny Wong", None);
        let got = glossed(
            &[
                ("國務卿魯比歐（Marco Rubio）與四方安全對話(Quad)。", false),
                ("魯比歐與四方安全對話再談。", false),
                // A translation the glossary does not know still counts.
                ("外長黃英賢 (Wong) 出席，黃英賢發言。", false),
                ("章", true),
                (
                    "Marco Rubio 說，Quad 的四個成員國今天再度重申四方安全對話。",
                    false,
                ),
            ],
            &[rubio, quad, wong],
        );
        // In the new section the English uses are English already; the
        // Chinese name's first use is glossed.
        assert_eq!(got, [t3("p4", "四方安全對話", "Quad")]);
    }

    #[test]
    fn english_without_abbreviation_and_links_left_alone() {
        let rubio = term("魯比歐", "Marco Rubio", None);
        let mut b = block("p0", "見", false);
        b.inlines.push(Inline::Link {
            href: "https://x.org/魯比歐".into(),
            angle: false,
        });
        b.inlines.push(Inline::Text("，魯比歐說。".into()));
        let doc = doc(vec![b]);
        let mut g = Glossary { terms: vec![rubio] };
        occurrences(&doc, &mut g);
        let marks = TermMarks::of(&doc, &g);
        let list = marks.get("p0");
        assert_eq!(list.len(), 1, "the mark inside the link is dropped");
        assert_eq!(list[0].gloss, Some(Gloss::English));
        assert_eq!(list[0].gloss.unwrap().text(&g.terms[0]), "Marco Rubio");
        assert!(marks.get("p9").is_empty());
    }
}
