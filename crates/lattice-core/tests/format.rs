//! The serialized format is pinned by committed bytes: a hand-built bundle
//! using every variant and every optional field of the model, encoded as the
//! app embeds it (a head holding the whole bundle) and as a split head
//! (holding a catalogue page), must equal
//! `tests/fixtures/format-v<BUNDLE_FORMAT_VERSION>/*.bin`. A change of the
//! serialized shape (a field added, removed, reordered or retyped, a variant
//! added before another) changes the bytes and fails here, unless
//! `BUNDLE_FORMAT_VERSION` is bumped — which the app's stale-blob check
//! relies on.
//!
//! After a deliberate shape change: bump `BUNDLE_FORMAT_VERSION` in
//! bundle.rs, extend `sample()` below with anything new, and run
//! `UPDATE_FIXTURES=1 cargo test -p lattice-core --test format`, which writes
//! the fixtures of the new version (it never overwrites an existing
//! version's). Then delete the previous version's folder and commit.

use lattice_core::catalogue::{Entry, Page};
use lattice_core::glossary::{Glossary, Occurrence, Place, Term, TermKind};
use lattice_core::layout::{Head, Layout};
use lattice_core::*;
use std::path::PathBuf;

fn s(t: &str) -> String {
    t.to_string()
}

fn date() -> Date {
    Date {
        year: 2025,
        month: 7,
        day: 4,
        source: s("2025.07.04"),
    }
}

fn document() -> Document {
    Document {
        id: s("quad-2025"),
        source: s("corpus/quad-2025.txt"),
        meta: Meta {
            kind: Kind::BookChapter,
            title: s("印太"),
            category: Some(s("國際情勢")),
            authors: vec![
                Author {
                    name: s("林柏州"),
                    affiliation: Some(s("研究所")),
                    note: Some(s("*")),
                },
                Author {
                    name: s("李"),
                    affiliation: None,
                    note: None,
                },
            ],
            date: Some(date()),
            views: Some(454),
            keywords: vec![s("川普"), s("Quad")],
            disclaimer: Some(s("本評析")),
            part: Some(BookPart {
                label: s("PART 1"),
                title: Some(s("印太總體態勢")),
            }),
            contents: vec![ContentsEntry {
                label: s("第一章"),
                title: s("小多邊主義"),
                author: Some(s("李俊毅")),
                line: 9,
            }],
            chapter: Some(0),
            subtitle: Some(s("副標題")),
            citation: Citation {
                english_title: Some(s("The Indo-Pacific")),
                url: Some(s("https://example.org/p")),
                container: Some(s("Yearbook")),
                editors: vec![s("Ed One"), s("Ed Two")],
                publisher: Some(s("INDSR")),
                place: Some(s("Taipei")),
                year: Some(s("2025")),
                pages: Some(s("1-20")),
                doi: Some(s("10.1000/x")),
            },
        },
        blocks: vec![
            Block {
                id: s("h1"),
                kind: BlockKind::Heading { level: 2 },
                inlines: vec![Inline::Text(s("前言"))],
                lines: vec![3],
                section: None,
                within: vec![],
            },
            Block {
                id: s("p2"),
                kind: BlockKind::Paragraph,
                inlines: vec![
                    Inline::Text(s("四方")),
                    Inline::NoteRef {
                        label: s("1"),
                        marker: s("¹"),
                    },
                    Inline::Emphasis(s("Foreign Policy")),
                    Inline::Link {
                        href: s("https://example.org/a"),
                        angle: true,
                    },
                    Inline::Link {
                        href: s("http://example.org/b"),
                        angle: false,
                    },
                ],
                lines: vec![5, 7],
                section: Some(0),
                within: vec![
                    Frame::Quote { quote: 0 },
                    Frame::Item {
                        list: 1,
                        ordered: true,
                        item: 3,
                    },
                    Frame::Cell {
                        table: 2,
                        row: 0,
                        column: 1,
                        header: true,
                    },
                ],
            },
        ],
        sections: vec![Section {
            heading: 0,
            level: 2,
            parent: None,
            children: vec![],
        }],
        notes: vec![
            Note {
                label: s("1"),
                id: s("n1"),
                marker: Some(s("1")),
                body: Some(vec![Inline::Text(s("Naim"))]),
                line: 6,
                cited_by: vec![s("p2"), s("p2")],
                see: None,
            },
            Note {
                label: s("2"),
                id: s("n2"),
                marker: None,
                body: None,
                line: 8,
                cited_by: vec![],
                see: Some(s("1")),
            },
        ],
        skipped: [
            SkipReason::Label,
            SkipReason::Syntax,
            SkipReason::RepeatedTitle,
            SkipReason::Separator,
            SkipReason::Debris,
        ]
        .into_iter()
        .enumerate()
        .map(|(i, reason)| Skipped {
            line: i as u32 + 1,
            text: format!("x{i}"),
            reason,
        })
        .collect(),
        diagnostics: vec![Diagnostic {
            file: s("corpus/quad-2025.txt"),
            line: 4,
            severity: Severity::Warning,
            message: s("note [2] is cited but absent"),
        }],
        cite: Cite {
            chicago_note: vec![
                CitePiece::Text(s("林柏州，")),
                CitePiece::Italic(s("印太")),
                CitePiece::Link,
            ],
            chicago_bibliography: vec![CitePiece::Text(s("林柏州。"))],
            apa: vec![CitePiece::Italic(s("印太")), CitePiece::Link],
            bibtex: s("@online{quad-2025,\n}\n"),
            ris: s("TY  - ELEC\r\nER  - \r\n"),
            csl_json: s("[{\"id\": \"quad-2025\"}]"),
        },
    }
}

fn sample() -> Bundle {
    let mut web = document();
    web.id = s("web");
    web.meta.kind = Kind::WebAnalysis;
    let mut markdown = document();
    markdown.id = s("markdown");
    markdown.meta.kind = Kind::Markdown;
    let mut word = document();
    word.id = s("word");
    word.meta.kind = Kind::Word;
    let mut b = Bundle::new(vec![document(), web, markdown, word]);
    b.glossary = Glossary {
        terms: TermKind::ALL
            .into_iter()
            .enumerate()
            .map(|(i, kind)| Term {
                zh: vec![s("四方安全對話"), s("四方對話")],
                en: format!("Term {i}"),
                abbr: (i % 2 == 0).then(|| s("Quad")),
                kind,
                defined_at: (i % 2 == 1).then(|| Place {
                    doc: s("web"),
                    anchor: s("p2"),
                    line: 5,
                }),
                occurrences: vec![Occurrence {
                    doc: s("web"),
                    anchor: s("n1"),
                    start: 0,
                    end: 4,
                }],
                count: 1,
            })
            .collect(),
    };
    b.diagnostics = vec![Diagnostic {
        file: s("corpus/glossary.toml"),
        line: 2,
        severity: Severity::Error,
        message: s("glossary curation file: bad"),
    }];
    b
}

fn heads() -> [(&'static str, Head); 2] {
    let bundle = sample();
    let first = Page {
        version: BUNDLE_FORMAT_VERSION,
        number: 0,
        pages: 2,
        total: 30,
        entries: bundle
            .documents
            .iter()
            .map(catalogue::Entry::of)
            .chain([Entry {
                id: s("bare"),
                kind: Kind::WebAnalysis,
                title: s("t"),
                category: None,
                authors: vec![],
                date: None,
                place: None,
                citation: Citation::default(),
            }])
            .collect(),
    };
    [
        ("whole.bin", Head::whole(bundle)),
        (
            "apart.bin",
            Head {
                version: BUNDLE_FORMAT_VERSION,
                layout: Layout::Apart {
                    set: s("0123456789abcdef"),
                    first,
                },
            },
        ),
    ]
}

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join(format!("tests/fixtures/format-v{BUNDLE_FORMAT_VERSION}"))
}

#[test]
fn the_encoded_shape_matches_the_committed_fixture_of_this_version() {
    let dir = dir();
    if std::env::var_os("UPDATE_FIXTURES").is_some() && !dir.exists() {
        std::fs::create_dir_all(&dir).unwrap();
        for (name, head) in heads() {
            std::fs::write(dir.join(name), head.encode().unwrap()).unwrap();
        }
    }
    for (name, head) in heads() {
        let path = dir.join(name);
        let committed = std::fs::read(&path).unwrap_or_else(|e| {
            panic!(
                "{}: {e}; after bumping BUNDLE_FORMAT_VERSION, write it with \
                 UPDATE_FIXTURES=1 (see this file's header)",
                path.display()
            )
        });
        let encoded = head.encode().unwrap();
        assert!(
            encoded == committed,
            "{name}: the serialized shape changed without a BUNDLE_FORMAT_VERSION bump \
             (still {BUNDLE_FORMAT_VERSION}); bump it and regenerate the fixtures (see this \
             file's header)"
        );
        // The committed bytes decode to the same value.
        assert_eq!(Head::decode(&committed).unwrap(), head, "{name}");
    }
}

#[test]
fn the_sample_covers_the_whole_model() {
    let b = sample();
    let d = &b.documents[0];
    let inline_kinds: std::collections::BTreeSet<&str> = d
        .blocks
        .iter()
        .flat_map(|bl| &bl.inlines)
        .map(|i| match i {
            Inline::Text(_) => "text",
            Inline::NoteRef { .. } => "ref",
            Inline::Emphasis(_) => "emphasis",
            Inline::Link { .. } => "link",
        })
        .collect();
    assert_eq!(inline_kinds.len(), 4);
    // Exhaustive matches: a new variant fails to compile here until the
    // sample covers it.
    let kinds: std::collections::BTreeSet<&str> = b
        .documents
        .iter()
        .map(|d| match d.meta.kind {
            Kind::WebAnalysis => "web",
            Kind::BookChapter => "book",
            Kind::Markdown => "markdown",
            Kind::Word => "word",
        })
        .collect();
    assert_eq!(kinds.len(), 4);
    let frames: std::collections::BTreeSet<&str> = d
        .blocks
        .iter()
        .flat_map(|bl| &bl.within)
        .map(|f| match f {
            Frame::Quote { .. } => "quote",
            Frame::Item { .. } => "item",
            Frame::Cell { .. } => "cell",
        })
        .collect();
    assert_eq!(frames.len(), 3);
    assert!(d.meta.citation.values().count() >= 9);
    assert_eq!(d.skipped.len(), 5);
    assert_eq!(b.glossary.terms.len(), TermKind::ALL.len());
    let severities: Vec<Severity> = b.all_diagnostics().map(|d| d.severity).collect();
    assert!(severities.contains(&Severity::Error) && severities.contains(&Severity::Warning));
}
