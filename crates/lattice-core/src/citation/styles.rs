//! Chicago notes-bibliography and APA, formatted by hayagriva with the CSL
//! styles and locales it bundles: English works in en-US; Chinese works in
//! zh-TW, then set in Chinese typography (full-width punctuation between
//! Chinese text, 《書名》 for what the style italicises, 〈篇名〉 for what it
//! quotes, no spaces between Chinese words), as Chinese papers cite.
//!
//! Titles and names are given verbatim: the styles' title-casing would
//! lower-case acronyms (`AUKUS` → `Aukus`) and a paper's own capitalisation
//! is the one to keep.

use super::work::{Name, Work, WorkKind};
use super::{CitePiece, CITE_LINK};
use crate::script::is_wide;
use hayagriva::archive::{locales, ArchivedStyle};
use hayagriva::citationberg::{FontStyle, IndependentStyle, Locale, LocaleCode, Style};
use hayagriva::types::{
    ChunkKind, Date, EntryType, FormatString, MaybeTyped, PageRanges, Person, Publisher,
    QualifiedUrl, StringChunk,
};
use hayagriva::{
    BibliographyDriver, BibliographyRequest, CitationItem, CitationRequest, ElemChild,
    ElemChildren, Entry,
};
use std::str::FromStr;
use std::sync::OnceLock;

/// The three formatted forms.
pub(super) struct Styled {
    pub(super) chicago_note: Vec<CitePiece>,
    pub(super) chicago_bibliography: Vec<CitePiece>,
    pub(super) apa: Vec<CitePiece>,
}

/// Format `work` in both styles.
pub(super) fn render(work: &Work) -> Styled {
    let entry = entry(work);
    let locale = if work.chinese { "zh-TW" } else { "en-US" };
    let (chicago_note, chicago_bibliography) = run(&entry, style(Which::Chicago), locale);
    let (_, apa) = run(&entry, style(Which::Apa), locale);
    let finish = |pieces: Vec<CitePiece>| {
        let pieces = merge(pieces);
        if work.chinese {
            chinese(pieces)
        } else {
            pieces
        }
    };
    Styled {
        chicago_note: finish(chicago_note),
        chicago_bibliography: finish(chicago_bibliography),
        apa: finish(apa),
    }
}

#[derive(Clone, Copy)]
enum Which {
    Chicago,
    Apa,
}

/// The styles and locales, decoded once per process.
fn style(which: Which) -> &'static IndependentStyle {
    static CHICAGO: OnceLock<IndependentStyle> = OnceLock::new();
    static APA: OnceLock<IndependentStyle> = OnceLock::new();
    let (cell, archived) = match which {
        Which::Chicago => (&CHICAGO, ArchivedStyle::ChicagoNotes),
        Which::Apa => (&APA, ArchivedStyle::AmericanPsychologicalAssociation),
    };
    cell.get_or_init(|| match archived.get() {
        Style::Independent(s) => s,
        // Both are independent styles in the archive; a dependent one
        // would need its parent, which the archive does not resolve.
        Style::Dependent(_) => unreachable!("{} is an independent style", archived.display_name()),
    })
}

fn all_locales() -> &'static [Locale] {
    static LOCALES: OnceLock<Vec<Locale>> = OnceLock::new();
    LOCALES.get_or_init(locales)
}

/// The citation (note) and bibliography entry of one work in one style.
fn run(entry: &Entry, style: &IndependentStyle, locale: &str) -> (Vec<CitePiece>, Vec<CitePiece>) {
    let code = || Some(LocaleCode(locale.to_string()));
    let mut driver = BibliographyDriver::new();
    driver.citation(CitationRequest::new(
        vec![CitationItem::with_entry(entry)],
        style,
        code(),
        all_locales(),
        None,
    ));
    let rendered = driver.finish(BibliographyRequest::new(style, code(), all_locales()));
    let mut note = Vec::new();
    if let Some(c) = rendered.citations.first() {
        walk(&c.citation, false, &mut note);
    }
    let mut bibliography = Vec::new();
    if let Some(item) = rendered.bibliography.as_ref().and_then(|b| b.items.first()) {
        if let Some(first) = &item.first_field {
            walk_child(first, false, &mut bibliography);
        }
        walk(&item.content, false, &mut bibliography);
    }
    (note, bibliography)
}

fn walk(children: &ElemChildren, italic: bool, out: &mut Vec<CitePiece>) {
    for child in &children.0 {
        walk_child(child, italic, out);
    }
}

fn walk_child(child: &ElemChild, italic: bool, out: &mut Vec<CitePiece>) {
    match child {
        ElemChild::Text(f) => {
            let italic = italic || f.formatting.font_style == FontStyle::Italic;
            push_text(&f.text, italic, out);
        }
        ElemChild::Elem(e) => walk(&e.children, italic, out),
        ElemChild::Markup(m) => push_text(m, italic, out),
        ElemChild::Link { text, .. } => {
            let italic = italic || text.formatting.font_style == FontStyle::Italic;
            push_text(&text.text, italic, out);
        }
        ElemChild::Transparent { .. } => {}
    }
}

/// Text, with the link placeholder cut out as [`CitePiece::Link`].
fn push_text(text: &str, italic: bool, out: &mut Vec<CitePiece>) {
    let mut parts = text.split(CITE_LINK);
    let piece = |t: &str, out: &mut Vec<CitePiece>| {
        if !t.is_empty() {
            out.push(if italic {
                CitePiece::Italic(t.to_string())
            } else {
                CitePiece::Text(t.to_string())
            });
        }
    };
    if let Some(first) = parts.next() {
        piece(first, out);
    }
    for rest in parts {
        out.push(CitePiece::Link);
        piece(rest, out);
    }
}

/// Adjacent pieces of the same kind as one.
fn merge(pieces: Vec<CitePiece>) -> Vec<CitePiece> {
    let mut out: Vec<CitePiece> = Vec::with_capacity(pieces.len());
    for p in pieces {
        match (out.last_mut(), p) {
            (Some(CitePiece::Text(a)), CitePiece::Text(b))
            | (Some(CitePiece::Italic(a)), CitePiece::Italic(b)) => a.push_str(&b),
            (_, p) => out.push(p),
        }
    }
    out
}

/// Chinese typography over a citation the zh-TW locale formatted: what the
/// style italicises becomes 《…》 (a bracketed English title after it), its
/// 「…」 quotes become 〈…〉, Latin separators and parentheses beside Chinese
/// text become full-width, authors are joined with 、, dates read
/// 2025年7月4日, and spaces between two wide characters go.
fn chinese(pieces: Vec<CitePiece>) -> Vec<CitePiece> {
    // One string, the link as a private-use character, so the rules see
    // across pieces; Latin italics (an English book title) stay italic.
    const LINK: char = '\u{E000}';
    const ITALIC_ON: char = '\u{E001}';
    const ITALIC_OFF: char = '\u{E002}';
    let mut flat = String::new();
    for p in &pieces {
        match p {
            CitePiece::Text(t) => flat.push_str(t),
            CitePiece::Italic(t) if t.chars().any(is_wide) => {
                let body = t.trim_end_matches([',', '.', ' ']);
                let (title, english) = match body.rfind(" [") {
                    Some(at) if body.ends_with(']') => body.split_at(at),
                    _ => (body, ""),
                };
                flat.push('《');
                flat.push_str(title);
                flat.push('》');
                flat.push_str(english.trim_start());
                flat.push_str(&t[body.len()..]);
            }
            CitePiece::Italic(t) => {
                flat.push(ITALIC_ON);
                flat.push_str(t);
                flat.push(ITALIC_OFF);
            }
            CitePiece::Link => flat.push(LINK),
        }
    }
    let flat = chinese_dates(&flat.replace('「', "〈").replace('」', "〉"));
    let chars: Vec<char> = flat.chars().collect();
    // Whether what follows position `i` (after one optional space) is
    // Chinese text or an address, which a Chinese sentence runs into.
    let chinese_after = |i: usize| {
        let j = if chars.get(i + 1) == Some(&' ') {
            i + 2
        } else {
            i + 1
        };
        match chars.get(j) {
            Some(&c) if is_wide(c) || c == LINK => true,
            Some('h') => chars[j..].iter().take(4).collect::<String>() == "http",
            _ => false,
        }
    };
    let mut out = String::with_capacity(flat.len());
    let mut open_parens = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        let prev = out.chars().next_back();
        let prev_wide = prev.is_some_and(is_wide);
        let prev_digit = prev.is_some_and(|p| p.is_ascii_digit());
        let skip_space = next == Some(' ');
        match c {
            ',' | '.' | ':' | ';'
                if prev_wide
                    || (chinese_after(i)
                        && (prev_digit || c == ',' || prev.is_some_and(|p| "])".contains(p)))) =>
            {
                out.push(match c {
                    ',' => '，',
                    '.' => '。',
                    ':' => '：',
                    _ => '；',
                });
                if skip_space {
                    i += 1;
                }
            }
            '.' if i + 1 == chars.len() => out.push('。'),
            '(' => {
                let inside = chars[i + 1..].iter().take_while(|&&c| c != ')');
                let wide = prev_wide || inside.clone().any(|&c| is_wide(c));
                while out.ends_with(' ') {
                    out.pop();
                }
                if out.ends_with('。') || out.ends_with('，') {
                    out.pop();
                }
                out.push(if wide { '（' } else { '(' });
                open_parens.push(wide);
            }
            ')' => {
                if open_parens.pop().unwrap_or(false) {
                    out.push('）');
                    if skip_space && chinese_after(i) {
                        i += 1;
                    }
                } else {
                    out.push(')');
                }
            }
            '&' | '及' if out.ends_with('，') || out.ends_with(' ') => {
                while out.ends_with(' ') || out.ends_with('，') {
                    out.pop();
                }
                out.push('、');
                if skip_space {
                    i += 1;
                }
            }
            ' ' if (prev_wide || prev == Some(LINK)) && next.is_some_and(is_wide) => {}
            ' ' if prev_wide && chinese_after(i.saturating_sub(1)) => {}
            _ => out.push(c),
        }
        i += 1;
    }
    // Back into pieces.
    let mut pieces = Vec::new();
    let mut text = String::new();
    let mut italic = false;
    let flush = |text: &mut String, italic: bool, pieces: &mut Vec<CitePiece>| {
        if !text.is_empty() {
            let t = std::mem::take(text);
            pieces.push(if italic {
                CitePiece::Italic(t)
            } else {
                CitePiece::Text(t)
            });
        }
    };
    for c in out.chars() {
        match c {
            LINK => {
                flush(&mut text, italic, &mut pieces);
                pieces.push(CitePiece::Link);
            }
            ITALIC_ON | ITALIC_OFF => {
                flush(&mut text, italic, &mut pieces);
                italic = c == ITALIC_ON;
            }
            c => text.push(c),
        }
    }
    flush(&mut text, italic, &mut pieces);
    pieces
}

/// The zh-TW locale's `2025, 七月 4` (APA's date) as `2025年7月4日`.
fn chinese_dates(text: &str) -> String {
    const MONTHS: [&str; 12] = [
        "十二月",
        "十一月",
        "十月",
        "九月",
        "八月",
        "七月",
        "六月",
        "五月",
        "四月",
        "三月",
        "二月",
        "一月",
    ];
    let mut out = text.to_string();
    for (k, name) in MONTHS.iter().enumerate() {
        let month = 12 - k;
        let mut rest = out.as_str();
        let mut built = String::with_capacity(out.len());
        while let Some(at) = rest.find(name) {
            let (before, after) = rest.split_at(at);
            let after = &after[name.len()..];
            // `2025, ` or `2025，` before the month becomes `2025年`.
            let trimmed = before.trim_end_matches([',', '，', ' ']);
            let year = trimmed.len() >= 4
                && trimmed[trimmed.len() - 4..]
                    .chars()
                    .all(|c| c.is_ascii_digit());
            built.push_str(if year { trimmed } else { before });
            if year {
                built.push('年');
            }
            built.push_str(&format!("{month}月"));
            let digits: String = after
                .trim_start()
                .chars()
                .take_while(char::is_ascii_digit)
                .collect();
            if digits.is_empty() {
                rest = after;
            } else {
                built.push_str(&digits);
                built.push('日');
                let skip = after.len() - after.trim_start().len() + digits.len();
                rest = &after[skip..];
            }
        }
        built.push_str(rest);
        out = built;
    }
    out
}

fn verbatim(text: &str) -> FormatString {
    FormatString::from(StringChunk::new(text, ChunkKind::Verbatim))
}

fn person(name: &Name) -> Person {
    let (name, given) = match name {
        Name::Whole(n) => (n.clone(), None),
        Name::Split { family, given } => (family.clone(), Some(given.clone())),
    };
    Person {
        name,
        given_name: given,
        prefix: None,
        suffix: None,
        comma_suffix: false,
        alias: None,
    }
}

/// The work as a hayagriva entry; its link is the placeholder.
fn entry(work: &Work) -> Entry {
    let kind = match work.kind {
        WorkKind::Chapter => EntryType::Chapter,
        WorkKind::Report => EntryType::Report,
        WorkKind::Web => EntryType::Web,
    };
    let mut e = Entry::new(&work.key, kind);
    // A Chinese work's English title follows it in brackets, as Chicago
    // and APA both give a translated title.
    let title = match &work.english_title {
        Some(en) if work.chinese => format!("{} [{en}]", work.title),
        _ => work.title.clone(),
    };
    e.set_title(verbatim(&title));
    if !work.authors.is_empty() {
        e.set_authors(work.authors.iter().map(person).collect());
    }
    if let Some((year, month, day)) = work.date {
        e.set_date(Date {
            year,
            month: month.map(|m| m.saturating_sub(1)),
            day: day.map(|d| d.saturating_sub(1)),
            approximate: false,
            season: None,
        });
    }
    if let Some(pages) = &work.pages {
        if let Ok(p) = PageRanges::from_str(pages) {
            e.set_page_range(MaybeTyped::Typed(p));
        } else {
            e.set_page_range(MaybeTyped::String(pages.clone()));
        }
    }
    if let Some(doi) = &work.doi {
        e.set_doi(doi.clone());
    }
    if let Ok(url) = QualifiedUrl::from_str(CITE_LINK) {
        e.set_url(url);
    }
    let publisher = (work.publisher.is_some() || work.place.is_some()).then(|| {
        Publisher::new(
            work.publisher.as_deref().map(verbatim),
            work.place.as_deref().map(verbatim),
        )
    });
    match &work.container {
        Some(container) => {
            let mut book = Entry::new("book", EntryType::Book);
            book.set_title(verbatim(container));
            if !work.editors.is_empty() {
                book.set_editors(work.editors.iter().map(person).collect());
            }
            if let Some(p) = publisher {
                book.set_publisher(p);
            }
            e.set_parents(vec![book]);
        }
        None => {
            if !work.editors.is_empty() {
                e.set_editors(work.editors.iter().map(person).collect());
            }
            if let Some(p) = publisher {
                e.set_publisher(p);
            }
        }
    }
    e
}
