//! `lattice.toml` and sidecar files: good configurations read as written,
//! broken ones refused with the file and the line of the problem.

use lattice_core::config::{
    self, normalize_base_url, parse, parse_sidecar, sidecar_path, ConfigError, DocumentMeta,
    Language,
};
use lattice_core::Severity;
use std::path::{Path, PathBuf};

const FULL: &str = r#"# a complete configuration
[site]
title = { zh = "印太安全研究讀本", en = "Indo-Pacific Security Reader" }
subtitle.zh = "小多邊合作"
subtitle.en = "Minilateral cooperation"
language = "en"
base_url = "papers/archive"
glossary = "terms/curation.toml"

[documents."chapter-3.txt"]
english_title = "Minilateralism in the Indo-Pacific"
url = "https://example.org/chapter-3"
book = "Regional Security Outlook"
editors = ["Chen Ming", "Lee Hua"]
publisher = "Example Press"
place = "Taipei"
year = 2024
pages = "45-67"
doi = "https://doi.org/10.1234/RSO.2024.3"

[documents."brief.md"]
editor = "Wang Li"
year = "2023a"
"#;

/// The line and message of a refused configuration.
fn refused(text: &str) -> (u32, String) {
    match parse("site/lattice.toml", text) {
        Err(ConfigError::Invalid {
            file,
            line,
            message,
        }) => {
            assert_eq!(file, "site/lattice.toml");
            (line, message)
        }
        other => panic!("expected a refusal, got {other:?}"),
    }
}

#[test]
fn a_full_configuration_reads_as_written() {
    let c = parse("lattice.toml", FULL).unwrap();
    assert_eq!(c.site.title.zh.as_deref(), Some("印太安全研究讀本"));
    assert_eq!(
        c.site.title.en.as_deref(),
        Some("Indo-Pacific Security Reader")
    );
    assert_eq!(c.site.subtitle.zh.as_deref(), Some("小多邊合作"));
    assert_eq!(
        c.site.subtitle.en.as_deref(),
        Some("Minilateral cooperation")
    );
    assert_eq!(c.site.language, Language::En);
    assert_eq!(c.site.base_url, "/papers/archive/");
    assert_eq!(c.site.glossary, PathBuf::from("terms/curation.toml"));
    let chapter = &c.documents["chapter-3.txt"];
    assert_eq!(
        chapter,
        &DocumentMeta {
            english_title: Some("Minilateralism in the Indo-Pacific".into()),
            url: Some("https://example.org/chapter-3".into()),
            container: Some("Regional Security Outlook".into()),
            editors: vec!["Chen Ming".into(), "Lee Hua".into()],
            publisher: Some("Example Press".into()),
            place: Some("Taipei".into()),
            year: Some("2024".into()),
            pages: Some("45-67".into()),
            doi: Some("10.1234/RSO.2024.3".into()),
        }
    );
    let brief = &c.documents["brief.md"];
    assert_eq!(brief.editors, vec!["Wang Li".to_string()]);
    assert_eq!(brief.year.as_deref(), Some("2023a"));
    assert!(brief.english_title.is_none());
}

#[test]
fn an_empty_file_gives_the_defaults() {
    let c = parse("lattice.toml", "").unwrap();
    assert_eq!(c.site.language, Language::Zh);
    assert_eq!(c.site.base_url, "/");
    assert_eq!(c.site.glossary, PathBuf::from("glossary.toml"));
    assert!(c.site.title.zh.is_none() && c.documents.is_empty());
    let absent = config::load(Path::new("no/such/folder")).unwrap();
    assert_eq!((&c.site, &c.documents), (&absent.site, &absent.documents));
}

#[test]
fn unknown_keys_are_refused_with_their_line() {
    let (line, message) = refused("[site]\ntitle = { zh = \"x\" }\ntitel = \"typo\"\n");
    assert_eq!(line, 3);
    assert!(message.contains("titel"), "{message}");
    let (line, message) = refused("[site]\n\n[documents.\"a.txt\"]\nyear = 2020\nauthor = \"x\"\n");
    assert_eq!(line, 5);
    assert!(message.contains("author"), "{message}");
    let (line, message) = refused("[sight]\ntitle = \"x\"\n");
    assert_eq!(line, 1);
    assert!(message.contains("sight"), "{message}");
    let (line, _) = refused("[site.title]\nzh = \"x\"\nfr = \"y\"\n");
    assert_eq!(line, 3);
}

#[test]
fn wrong_values_are_refused_with_their_line() {
    let cases: &[(&str, u32, &str)] = &[
        ("[site]\nlanguage = \"fr\"\n", 2, "fr"),
        (
            "[site]\n\nbase_url = \"https://example.org/x/\"\n",
            3,
            "base_url",
        ),
        ("[site]\nbase_url = \"/a/../b\"\n", 2, ".."),
        ("[site]\nbase_url = \"/a b/\"\n", 2, "plain path"),
        ("[site]\nglossary = \"/etc/glossary.toml\"\n", 2, "relative"),
        (
            "[documents.\"a.txt\"]\nurl = \"javascript:alert(1)\"\n",
            2,
            "http(s)",
        ),
        ("[documents.\"a.txt\"]\n\ndoi = \"1234\"\n", 3, "doi"),
        ("[documents.\"a.txt\"]\nyear = 20250\n", 2, "not a year"),
        ("[documents.\"a.txt\"]\nyear = 2025.5\n", 2, "year"),
        ("[documents.\"a.txt\"]\npages = \"\"\n", 2, "empty"),
        (
            "[documents.\"a.txt\"]\neditors = [\"A\", \" \"]\n",
            2,
            "editor",
        ),
        ("[documents.\"a.txt\"]\neditors = 3\n", 2, "name"),
        ("[documents.\"sub/a.txt\"]\nyear = 2020\n", 1, "file name"),
        ("[site]\ntitle = \"only one language\"\n", 2, ""),
        ("[site\ntitle = 1\n", 1, ""),
        ("x = \"unclosed\n", 1, ""),
    ];
    for (text, line, word) in cases {
        let (got, message) = refused(text);
        assert_eq!(got, *line, "{text:?}: {message}");
        assert!(message.contains(word), "{text:?}: {message}");
        assert!(!message.is_empty());
    }
}

#[test]
fn an_error_is_a_diagnostic_naming_the_file_and_line() {
    let err = parse("f/lattice.toml", "[site]\nlanguage = 3\n").unwrap_err();
    let d = err.diagnostic();
    assert_eq!(
        (d.file.as_str(), d.line, d.severity),
        ("f/lattice.toml", 2, Severity::Error)
    );
    assert!(err.to_string().starts_with("f/lattice.toml:2: "), "{err}");
}

#[test]
fn base_urls_become_paths_with_slashes_at_both_ends() {
    for (given, want) in [
        ("", "/"),
        ("/", "/"),
        ("papers", "/papers/"),
        ("/papers", "/papers/"),
        ("/a//b/", "/a/b/"),
        ("/研究/", "/研究/"),
    ] {
        assert_eq!(normalize_base_url(given).as_deref(), Ok(want), "{given:?}");
    }
    for bad in ["https://x.org/", "//x.org/", "/a?b", "/a#b", "/./", "a\\b"] {
        assert!(normalize_base_url(bad).is_err(), "{bad:?}");
    }
}

/// A fresh folder for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("lattice-config-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn a_sidecar_overlays_the_table_field_by_field() {
    let dir = scratch("sidecar");
    std::fs::write(
        dir.join("lattice.toml"),
        "[documents.\"paper.txt\"]\nyear = 2020\npublisher = \"Table Press\"\n",
    )
    .unwrap();
    let paper = dir.join("paper.txt");
    std::fs::write(&paper, "text").unwrap();
    assert_eq!(sidecar_path(&paper), dir.join("paper.txt.toml"));
    std::fs::write(
        dir.join("paper.txt.toml"),
        "# beside the paper\nyear = 2021\nplace = \"Canberra\"\n",
    )
    .unwrap();
    let c = config::load(&dir).unwrap();
    let meta = c.document_meta(&paper).unwrap();
    assert_eq!(meta.year.as_deref(), Some("2021"));
    assert_eq!(meta.publisher.as_deref(), Some("Table Press"));
    assert_eq!(meta.place.as_deref(), Some("Canberra"));
    // A document with neither has no metadata.
    assert!(c.document_meta(&dir.join("other.txt")).unwrap().is_empty());

    std::fs::write(dir.join("paper.txt.toml"), "year = 2021\n[site]\n").unwrap();
    let err = c.document_meta(&paper).unwrap_err();
    let d = err.diagnostic();
    assert!(d.file.ends_with("paper.txt.toml"), "{d}");
    assert_eq!(d.line, 2, "{d}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_sidecar_has_the_same_keys_at_its_top_level() {
    let meta = parse_sidecar(
        "a.txt.toml",
        "english_title = \"A\"\nseries = \"S\"\ndoi = \"doi:10.1/x\"\n",
    )
    .unwrap();
    assert_eq!(meta.english_title.as_deref(), Some("A"));
    assert_eq!(meta.container.as_deref(), Some("S"));
    assert_eq!(meta.doi.as_deref(), Some("10.1/x"));
    let Err(ConfigError::Invalid { line, .. }) = parse_sidecar("a.txt.toml", "\n\ntitle = \"x\"\n")
    else {
        panic!("an unknown key in a sidecar is refused")
    };
    assert_eq!(line, 3);
}

#[test]
fn a_table_for_no_file_is_a_warning_with_its_line() {
    let c = parse(
        "lattice.toml",
        "[site]\n\n[documents.\"paper.txt\"]\nyear = 1\n\n[documents.\"papr.txt\"]\nyear = 2\n",
    )
    .unwrap();
    let warnings = c.unmatched_documents(["paper.txt", "lattice.toml"]);
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    let w = &warnings[0];
    assert_eq!(
        (w.file.as_str(), w.line, w.severity),
        ("lattice.toml", 6, Severity::Warning)
    );
    assert!(w.message.contains("papr.txt"));
}

#[test]
fn an_unreadable_config_is_an_io_error() {
    let dir = scratch("unreadable");
    // A folder where the file should be cannot be read as text.
    std::fs::create_dir(dir.join("lattice.toml")).unwrap();
    assert!(matches!(config::load(&dir), Err(ConfigError::Io { .. })));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn overlay_keeps_what_the_overlay_does_not_set() {
    let mut base = DocumentMeta {
        english_title: Some("Base".into()),
        editors: vec!["E".into()],
        ..DocumentMeta::default()
    };
    base.overlay(&DocumentMeta {
        pages: Some("1-2".into()),
        ..DocumentMeta::default()
    });
    assert_eq!(base.english_title.as_deref(), Some("Base"));
    assert_eq!(base.editors, vec!["E".to_string()]);
    assert_eq!(base.pages.as_deref(), Some("1-2"));
}

#[test]
fn the_folders_metadata_overlays_a_documents_citation() {
    let mut citation = lattice_core::Citation {
        english_title: Some("From the paper".into()),
        publisher: Some("Paper Press".into()),
        editors: vec!["A".into()],
        ..Default::default()
    };
    let meta = parse_sidecar(
        "p.md.toml",
        "english_title = \"From the folder\"\nyear = 2024\n",
    )
    .unwrap();
    citation.overlay(&meta);
    assert_eq!(citation.english_title.as_deref(), Some("From the folder"));
    assert_eq!(citation.year.as_deref(), Some("2024"));
    assert_eq!(citation.publisher.as_deref(), Some("Paper Press"));
    assert_eq!(citation.editors, vec!["A".to_string()]);
}
