//! Bilingual glosses placed on the real corpus (`glossary::marks`): one gloss
//! per term per section at most, on the section's first use of the term,
//! the abbreviation when the term has one, and none where the text already
//! gives the translation beside the term.

use lattice_core::bundle;
use lattice_core::glossary::marks::{Gloss, TermMarks};
use lattice_core::script::has_han;
use std::collections::HashSet;
use std::path::Path;

#[test]
fn glosses_go_to_the_first_use_in_each_section() {
    let b = bundle::build(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus")).unwrap();
    let g = &b.glossary;
    let mut glossed_total = 0;
    for doc in &b.documents {
        let marks = TermMarks::of(doc, g);
        // Walk the sections as a reader does: per section, the terms used so
        // far; a gloss must be on a term's first use there.
        let mut seen: HashSet<usize> = HashSet::new();
        let mut glossed_here: HashSet<usize> = HashSet::new();
        for block in &doc.blocks {
            if block.heading_level().is_some() {
                seen.clear();
                glossed_here.clear();
            }
            let text: Vec<char> = block.plain_text().chars().collect();
            let list = marks.get(&block.id);
            assert!(
                list.windows(2).all(|w| w[0].end <= w[1].start),
                "overlap in {}",
                block.id
            );
            for m in list {
                let first = seen.insert(m.term);
                let Some(gloss) = m.gloss else { continue };
                glossed_total += 1;
                let term = &g.terms[m.term];
                let at: String = text[m.start..m.end].iter().collect();
                assert!(
                    first,
                    "{}#{}: {at} glossed again in its section",
                    doc.id, block.id
                );
                assert!(glossed_here.insert(m.term));
                let after: String = text[m.end..].iter().take(3).collect();
                if has_han(&at) {
                    // The abbreviation when there is one, and the text does
                    // not give an English name in brackets right after.
                    let want = if term.abbr.is_some() {
                        Gloss::Abbreviation
                    } else {
                        Gloss::English
                    };
                    assert_eq!(gloss, want, "{at}");
                    let bracketed_latin = matches!(after.chars().next(), Some('(' | '（'))
                        && after
                            .chars()
                            .nth(1)
                            .is_some_and(|c| c.is_ascii_alphabetic());
                    assert!(
                        !bracketed_latin,
                        "{}#{}: {at}{after} already translated",
                        doc.id, block.id
                    );
                } else {
                    panic!("{}#{}: English use {at} glossed", doc.id, block.id);
                }
            }
        }
    }
    assert!(glossed_total > 20, "only {glossed_total} glosses");

    // The web analysis introduces Rubio as 魯比歐(Marco Rubio): his first
    // use gets no gloss, nor do the later ones of that section.
    let web = b
        .documents
        .iter()
        .find(|d| d.meta.title.contains("四方"))
        .unwrap();
    let marks = TermMarks::of(web, g);
    let rubio = g.terms.iter().position(|t| t.en == "Marco Rubio").unwrap();
    let first = web
        .blocks
        .iter()
        .find_map(|b| {
            marks
                .get(&b.id)
                .iter()
                .find(|m| m.term == rubio)
                .map(|m| (b, m))
        })
        .unwrap();
    let text: String = first
        .0
        .plain_text()
        .chars()
        .skip(first.1.start)
        .take(20)
        .collect();
    assert!(text.starts_with("魯比歐(Marco Rubio)"), "{text}");
    assert_eq!(first.1.gloss, None);

    // Terms with an abbreviation are glossed with it (東協 → ASEAN).
    let abbreviated = b.documents.iter().any(|d| {
        TermMarks::of(d, g)
            .glossed()
            .any(|(_, m)| m.gloss == Some(Gloss::Abbreviation) && g.terms[m.term].abbr.is_some())
    });
    assert!(abbreviated);
}
