//! Search against the real corpus, checked against a brute-force scan that
//! shares nothing with the engine but `fold_char`: every occurrence found,
//! nothing else.

use lattice_core::fold::fold_char;
use lattice_core::search::*;
use lattice_core::*;
use proptest::prelude::*;
use std::sync::OnceLock;

fn corpus() -> &'static (Vec<Document>, SearchIndex) {
    static C: OnceLock<(Vec<Document>, SearchIndex)> = OnceLock::new();
    C.get_or_init(|| {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
        let docs = load_dir(&dir).unwrap();
        let index = SearchIndex::build(&docs);
        (docs, index)
    })
}

fn spaced_word_char(c: char) -> bool {
    c.is_alphanumeric()
        && !('\u{2E80}'..='\u{9FFF}').contains(&c)
        && !('\u{F900}'..='\u{FAFF}').contains(&c)
        && !('\u{AC00}'..='\u{D7AF}').contains(&c)
        && !('\u{20000}'..='\u{3FFFF}').contains(&c)
}

/// Occurrences of one term by sliding comparison, per passage.
fn brute_force(index: &SearchIndex, term: &str) -> Vec<(usize, usize)> {
    let needle: Vec<char> = term.chars().map(fold_char).collect();
    let word_start = needle.first().is_some_and(|&c| spaced_word_char(c));
    let mut out = Vec::new();
    for (i, p) in index.passages.iter().enumerate() {
        let hay: Vec<char> = p.text.chars().map(fold_char).collect();
        if hay.len() < needle.len() || needle.is_empty() {
            continue;
        }
        for s in 0..=hay.len() - needle.len() {
            if hay[s..s + needle.len()] == needle[..]
                && !(word_start && s > 0 && spaced_word_char(hay[s - 1]))
            {
                out.push((i, s));
            }
        }
    }
    out
}

fn run(q: &str) -> Results {
    search(&corpus().1, &parse_query(q), &SearchOptions::default())
}

/// Every brute-force occurrence of every term is a match of a hit, and every
/// hit holds every term.
fn assert_matches_brute_force(q: &str) -> (usize, usize) {
    let (_, index) = corpus();
    let query = parse_query(q);
    let results = search(index, &query, &SearchOptions::default());
    let per_term: Vec<Vec<(usize, usize)>> = query
        .clauses
        .iter()
        .map(|t| brute_force(index, &t.alternatives.first().display))
        .collect();
    let passages: std::collections::BTreeSet<usize> = (0..index.passages.len())
        .filter(|i| per_term.iter().all(|occ| occ.iter().any(|(p, _)| p == i)))
        .collect();
    let found: std::collections::BTreeSet<usize> = results.hits.iter().map(|h| h.passage).collect();
    assert_eq!(found, passages, "passages for {q:?}");
    let mut occurrences = 0;
    for h in &results.hits {
        let want: std::collections::BTreeSet<usize> = per_term
            .iter()
            .flatten()
            .filter(|(p, _)| *p == h.passage)
            .map(|(_, s)| *s)
            .collect();
        let got: std::collections::BTreeSet<usize> = h.matches.iter().map(|m| m.start).collect();
        assert_eq!(got, want, "match starts for {q:?} in passage {}", h.passage);
        occurrences += h.matches.len();
    }
    (results.total, occurrences)
}

const QUERIES: [&str; 20] = [
    "四方安全對話",
    "四方安全对话",
    "关键矿产",
    "關鍵礦產",
    "AUKUS",
    "aukus",
    "ＡＵＫＵＳ",
    "Quad",
    "quad 川普",
    "盧比歐",
    "Rubio",
    "hub-and-spoke",
    "\"Supra note\"",
    "小多邊主義 印太",
    "2025 年",
    "美日韓三邊夥伴關係",
    "美日韩 三边",
    "Trump 川普",
    "稀土",
    "TSD 嚇阻",
];

#[test]
fn twenty_queries_agree_with_brute_force() {
    println!("| query | passages | occurrences |\n|---|---|---|");
    for q in QUERIES {
        let (passages, occurrences) = assert_matches_brute_force(q);
        println!("| `{q}` | {passages} | {occurrences} |");
        assert!(passages > 0, "{q} found nothing");
    }
}

#[test]
fn folded_spellings_find_the_same_passages() {
    let ids = |q: &str| -> Vec<usize> {
        let mut v: Vec<usize> = run(q).hits.iter().map(|h| h.passage).collect();
        v.sort();
        v
    };
    assert_eq!(ids("四方安全對話"), ids("四方安全对话"));
    assert_eq!(ids("AUKUS"), ids("ＡＵＫＵＳ"));
    assert_eq!(ids("AUKUS"), ids("aukus"));
    assert_eq!(ids("關鍵礦產"), ids("关键矿产"));
}

#[test]
fn aukus_finds_ssn_aukus_and_highlights_exact_characters() {
    let (_, index) = corpus();
    let r = run("aukus");
    let hit = r
        .hits
        .iter()
        .find(|h| index.passages[h.passage].text.contains("SSN-AUKUS"))
        .expect("SSN-AUKUS passage");
    let text: Vec<char> = index.passages[hit.passage].text.chars().collect();
    for m in &hit.matches {
        let s: String = text[m.clone()].iter().collect();
        assert_eq!(s, "AUKUS");
    }
    // Full-width query, original half-width characters highlighted.
    let r = run("ＡＵＫＵＳ");
    let h = &r.hits[0];
    let text: Vec<char> = index.passages[h.passage].text.chars().collect();
    assert_eq!(
        text[h.matches[0].clone()].iter().collect::<String>(),
        "AUKUS"
    );
}

#[test]
fn simplified_query_highlights_traditional_text() {
    let (_, index) = corpus();
    let r = run("关键矿产");
    let h = &r.hits[0];
    let text: Vec<char> = index.passages[h.passage].text.chars().collect();
    assert_eq!(
        text[h.matches[0].clone()].iter().collect::<String>(),
        "關鍵礦產"
    );
}

#[test]
fn matches_across_former_page_breaks() {
    // The source splits 關 | notes | 係 at a page end.
    let r = run("強化友盟關係的策略");
    assert_eq!(r.total, 1);
}

#[test]
fn phrases_and_terms() {
    // Both words anywhere vs. the exact phrase.
    assert!(run("Supra note").total >= run("\"Supra note\"").total);
    assert_eq!(run("\"note Supra\"").total, 0);
    // Notes and body are both searched, and scopes filter them.
    let (_, index) = corpus();
    let notes = search(
        index,
        &parse_query("Ibid"),
        &SearchOptions {
            scope: Scope::Notes,
            ..Default::default()
        },
    );
    assert_eq!(notes.total, 1);
    let body = search(
        index,
        &parse_query("Ibid"),
        &SearchOptions {
            scope: Scope::Body,
            ..Default::default()
        },
    );
    assert_eq!(body.total, 0);
    let one_doc = search(
        index,
        &parse_query("四方"),
        &SearchOptions {
            document: Some("quad-foreign-ministers-2025".into()),
            ..Default::default()
        },
    );
    assert!(one_doc.total > 0);
    assert_eq!(one_doc.per_document.len(), 1);
}

#[test]
fn ranking_prefers_headings_and_dense_passages() {
    let (_, index) = corpus();
    let r = run("四方安全對話");
    assert_eq!(index.passages[r.hits[0].passage].kind, PassageKind::Heading);
    let limited = search(
        index,
        &parse_query("的"),
        &SearchOptions {
            limit: Some(5),
            ..Default::default()
        },
    );
    assert_eq!(limited.hits.len(), 5);
    assert!(limited.total > 5);
    assert!(limited.hits.windows(2).all(|w| w[0].score >= w[1].score));
}

#[test]
fn hostile_queries_are_calm() {
    let long = "四方".repeat(5_000);
    let emoji = "😀".repeat(300);
    for q in [
        "",
        "   ",
        "\u{3000}",
        long.as_str(),
        emoji.as_str(),
        "\u{fffd}\u{fffd}",
        "\u{0}\u{7}\u{1b}",
        ".*",
        "(a|b)+$",
        "[^]",
        "<script>alert(1)</script>",
        "&amp;",
        "e\u{301}\u{301}",
        "\u{200d}\u{200b}",
        "\"",
        "\"unterminated phrase",
        "a\u{10FFFF}",
    ] {
        let r = run(q);
        assert!(r.total <= corpus().1.passages.len());
    }
    assert_eq!(run("").total, 0);
    assert_eq!(run("<script>").total, 0);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    /// Every substring of the corpus that is searched for is found at every
    /// place it occurs.
    #[test]
    fn every_substring_is_found_everywhere(p in 0usize..10_000, start in 0usize..10_000, len in 1usize..12) {
        let (_, index) = corpus();
        let passage = &index.passages[p % index.passages.len()];
        let chars: Vec<char> = passage.text.chars().collect();
        let s = start % chars.len();
        let e = (s + len).min(chars.len());
        let sub: String = chars[s..e].iter().collect();
        prop_assume!(!sub.chars().any(|c| c.is_whitespace() || c.is_control() || "\"“”「」『』＂„".contains(c)));
        let query = parse_query(&sub);
        prop_assume!(query.clauses.len() == 1);
        let results = search(index, &query, &SearchOptions::default());
        for (pi, at) in brute_force(index, &sub) {
            let hit = results.hits.iter().find(|h| h.passage == pi);
            prop_assert!(hit.is_some(), "{:?} missing in passage {}", sub, pi);
            prop_assert!(hit.unwrap().matches.iter().any(|m| m.start == at), "{:?} at {} in {}", sub, at, pi);
        }
    }

    /// Arbitrary queries never panic and every match lies inside its passage.
    #[test]
    fn arbitrary_queries(q in "\\PC{0,40}") {
        let (_, index) = corpus();
        let r = search(index, &parse_query(&q), &SearchOptions::default());
        for h in &r.hits {
            let n = index.passages[h.passage].text.chars().count();
            prop_assert!(h.matches.iter().all(|m| m.start < m.end && m.end <= n));
        }
    }
}

fn glossary() -> &'static lattice_core::glossary::Glossary {
    static G: OnceLock<lattice_core::glossary::Glossary> = OnceLock::new();
    G.get_or_init(|| {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
        lattice_core::bundle::build(&dir).unwrap().glossary
    })
}

fn expanded(q: &str) -> (Query, Results) {
    let mut query = parse_query(q);
    expand(&mut query, glossary());
    let r = search(&corpus().1, &query, &SearchOptions::default());
    (query, r)
}

fn matched_texts(r: &Results) -> std::collections::BTreeSet<String> {
    let (_, index) = corpus();
    r.hits
        .iter()
        .flat_map(|h| {
            let text: Vec<char> = index.passages[h.passage].text.chars().collect();
            h.matches
                .iter()
                .map(move |m| text[m.clone()].iter().collect::<String>())
        })
        .collect()
}

#[test]
fn glossary_expansion_finds_other_language_forms() {
    let (query, r) = expanded("Rubio");
    let found = matched_texts(&r);
    assert!(
        found.contains("魯比歐") && found.contains("盧比歐") && found.contains("Rubio"),
        "{found:?}"
    );
    assert!(query.clauses[0]
        .alternatives
        .iter()
        .any(|a| a.via.as_deref() == Some("Marco Rubio")));
    assert!(r.total > run("Rubio").total);

    let (_, r) = expanded("AUKUS");
    assert!(matched_texts(&r).contains("澳英美三方安全夥伴關係"));

    // And the reverse: Chinese finds the English form.
    let (_, r) = expanded("四方安全对话");
    assert!(matched_texts(&r).contains("Quadrilateral Security Dialogue"));

    // Terms the glossary does not know are left alone.
    let (query, _) = expanded("稀土");
    assert_eq!(query.clauses[0].alternatives.len(), 1);
}

fn passages_of(r: &Results) -> std::collections::BTreeSet<usize> {
    r.hits.iter().map(|h| h.passage).collect()
}

fn brute_passages(term: &str) -> std::collections::BTreeSet<usize> {
    brute_force(&corpus().1, term)
        .into_iter()
        .map(|(p, _)| p)
        .collect()
}

#[test]
fn unquoted_multi_word_glossary_terms_expand_like_quoted_ones() {
    // Every multi-word English form of the glossary, typed without quotes,
    // finds what the quoted form finds, its Chinese forms included.
    let mut checked = 0;
    for term in &glossary().terms {
        if !term.en.contains(' ') || term.en.split_whitespace().count() > 8 {
            continue;
        }
        let (uq_query, unquoted) = expanded(&term.en);
        let (_, quoted) = expanded(&format!("\"{}\"", term.en));
        assert_eq!(
            passages_of(&unquoted),
            passages_of(&quoted),
            "{:?} unquoted vs quoted",
            term.en
        );
        assert_eq!(uq_query.clauses.len(), 1, "{:?} is one clause", term.en);
        for zh in &term.zh {
            assert!(
                brute_passages(zh).is_subset(&passages_of(&unquoted)),
                "{:?} finds {zh}",
                term.en
            );
        }
        checked += 1;
    }
    assert!(checked > 0);
    // Without the glossary the words stay separate clauses.
    let words = parse_query("Quadrilateral Security Dialogue");
    assert_eq!(words.clauses.len(), 3);
}

#[test]
fn or_means_either_and_minus_excludes() {
    let all = |q: &str| search(&corpus().1, &parse_query(q), &SearchOptions::default());
    let quad = brute_passages("Quad");
    let aukus = brute_passages("AUKUS");
    let union: std::collections::BTreeSet<usize> = quad.union(&aukus).copied().collect();
    assert_eq!(passages_of(&all("Quad OR AUKUS")), union);
    let without: std::collections::BTreeSet<usize> = quad.difference(&aukus).copied().collect();
    assert_eq!(passages_of(&all("Quad -AUKUS")), without);
    assert!(!without.is_empty() && without.len() < quad.len());
    // An excluded phrase, and exclusion alone finds nothing.
    let trump = brute_passages("川普");
    let phrase = brute_passages("川普政府");
    let rest: std::collections::BTreeSet<usize> = trump.difference(&phrase).copied().collect();
    assert_eq!(passages_of(&all("川普 -\"川普政府\"")), rest);
    assert_eq!(all("-AUKUS").total, 0);
    // Occurrences of an OR group count each form's occurrences.
    let r = all("Quad OR AUKUS");
    let occ = brute_force(&corpus().1, "Quad").len() + brute_force(&corpus().1, "AUKUS").len();
    assert_eq!(r.occurrences, occ);
}

#[test]
fn titles_authors_and_keywords_are_searched_and_ranked_first() {
    let (docs, index) = corpus();
    for doc in docs {
        // The whole title finds the title first.
        let r = run(&format!("\"{}\"", doc.meta.title));
        let first = &r.hits[0];
        assert_eq!(first.kind, PassageKind::Title, "{}", doc.id);
        assert_eq!(first.document, doc.id);
        // A piece of the title that no text passage holds is found in the
        // title alone.
        let chars: Vec<char> = doc.meta.title.chars().collect();
        let only_title = (2..chars.len().min(10)).find_map(|n| {
            chars.windows(n).find_map(|w| {
                let s: String = w.iter().collect();
                let in_text = brute_passages(&s)
                    .iter()
                    .any(|&p| !index.passages[p].kind.is_metadata());
                (!in_text && !s.contains(char::is_whitespace)).then_some(s)
            })
        });
        if let Some(s) = only_title {
            let r = run(&s);
            assert!(r.total > 0, "{s:?} from {}'s title", doc.id);
            assert!(r.hits.iter().all(|h| h.kind.is_metadata()), "{s:?}");
        }
        for a in &doc.meta.authors {
            let r = run(&format!("\"{}\"", a.name));
            assert!(
                r.hits
                    .iter()
                    .any(|h| h.kind == PassageKind::Authors && h.document == doc.id),
                "author {}",
                a.name
            );
        }
        for k in &doc.meta.keywords {
            let r = run(&format!("\"{k}\""));
            assert!(r.hits[0].kind.is_metadata(), "keyword {k}");
            assert!(
                r.hits
                    .iter()
                    .any(|h| h.kind == PassageKind::Keywords && h.document == doc.id),
                "keyword {k}"
            );
        }
    }
    // Body scope keeps metadata; notes scope does not.
    let notes = search(
        index,
        &parse_query(&format!("\"{}\"", docs[0].meta.title)),
        &SearchOptions {
            scope: Scope::Notes,
            ..Default::default()
        },
    );
    assert!(notes.hits.iter().all(|h| h.kind == PassageKind::Note));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    /// Queries built from the syntax's pieces (words of the corpus, `OR`,
    /// `-`, quotes) never panic, stay within their bounds, and agree with
    /// set algebra over single-form searches.
    #[test]
    fn syntax_never_panics_and_is_bounded(
        pieces in proptest::collection::vec(
            prop_oneof![
                Just("OR".to_string()),
                Just("-".to_string()),
                Just("\"".to_string()),
                Just("Quad".to_string()),
                Just("川普".to_string()),
                Just("AUKUS".to_string()),
                "\\PC{0,6}",
            ],
            0..40,
        )
    ) {
        let q = pieces.join(" ");
        let query = parse_query(&q);
        prop_assert!(query.clauses.len() + query.excluded.len() <= MAX_TERMS);
        prop_assert!(query.clauses.iter().all(|c| c.alternatives.len() <= MAX_ALTERNATIVES));
        let mut expanded_query = query.clone();
        expand(&mut expanded_query, glossary());
        prop_assert!(expanded_query.clauses.iter().all(|c| c.alternatives.len() <= MAX_ALTERNATIVES));
        let (_, index) = corpus();
        let r = search(index, &expanded_query, &SearchOptions::default());
        prop_assert!(r.total <= index.passages.len());
        for h in &r.hits {
            let n = index.passages[h.passage].text.chars().count();
            prop_assert!(h.matches.iter().all(|m| m.start < m.end && m.end <= n));
        }
    }
}
