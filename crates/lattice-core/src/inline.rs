//! Inline runs — text, note references, emphasis, links — and the one scanner
//! that finds them in a line of source text, shared by both source formats.
//!
//! Only `http`/`https` addresses become links; anything else stays text, so the
//! app can render every link without checking its scheme again.

use serde::{Deserialize, Serialize};

/// A run of inline content.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Inline {
    /// Plain text.
    Text(String),
    /// A reference to a note.
    NoteRef {
        /// The note's label (`15`).
        label: String,
        /// The marker exactly as written (`[15]`, `¹⁵`).
        marker: String,
    },
    /// `*emphasised*` text (titles of works, Latin terms).
    Emphasis(String),
    /// An http(s) address.
    Link {
        /// The address.
        href: String,
        /// Whether the source wrapped it in `<…>`.
        angle: bool,
    },
}

/// How note markers are written in a source format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MarkerStyle {
    /// `[n]`.
    Bracket,
    /// Runs of superscript digits, `¹⁵`.
    Superscript,
}

/// What the scanner looks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Syntax {
    /// Note markers to recognise, if any (none inside note texts).
    pub markers: Option<MarkerStyle>,
}

const SUPERSCRIPTS: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];

/// The digit a superscript digit stands for.
pub fn superscript_digit(c: char) -> Option<char> {
    SUPERSCRIPTS
        .iter()
        .position(|&s| s == c)
        .map(|i| char::from(b'0' + i as u8))
}

/// Split one line of source text into inline runs.
pub fn parse_inlines(text: &str, syntax: Syntax) -> Vec<Inline> {
    let mut out: Vec<Inline> = Vec::new();
    let mut plain = String::new();
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if let Some((inline, used)) = match_special(rest, syntax) {
            if !plain.is_empty() {
                out.push(Inline::Text(std::mem::take(&mut plain)));
            }
            out.push(inline);
            rest = &rest[used..];
        } else {
            plain.push(c);
            rest = &rest[c.len_utf8()..];
        }
    }
    if !plain.is_empty() {
        out.push(Inline::Text(plain));
    }
    out
}

/// Try each inline construct at the start of `s`; return it and the bytes used.
fn match_special(s: &str, syntax: Syntax) -> Option<(Inline, usize)> {
    let first = s.chars().next()?;
    match (first, syntax.markers) {
        ('[', Some(MarkerStyle::Bracket)) => return bracket_marker(s),
        (c, Some(MarkerStyle::Superscript)) if superscript_digit(c).is_some() => {
            return Some(superscript_marker(s))
        }
        _ => {}
    }
    match first {
        '*' => emphasis(s),
        '<' => angle_link(s),
        'h' => bare_link(s),
        _ => None,
    }
}

fn bracket_marker(s: &str) -> Option<(Inline, usize)> {
    let inner = &s[1..];
    let digits = inner.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=4).contains(&digits) && inner.as_bytes().get(digits) == Some(&b']') {
        let used = digits + 2;
        Some((
            Inline::NoteRef {
                label: normalise_label(&inner[..digits]),
                marker: s[..used].to_string(),
            },
            used,
        ))
    } else {
        None
    }
}

fn superscript_marker(s: &str) -> (Inline, usize) {
    let mut label = String::new();
    let mut used = 0;
    for c in s.chars() {
        match superscript_digit(c) {
            Some(d) => {
                label.push(d);
                used += c.len_utf8();
            }
            None => break,
        }
    }
    (
        Inline::NoteRef {
            label: normalise_label(&label),
            marker: s[..used].to_string(),
        },
        used,
    )
}

/// `007` and `7` name the same note.
pub(crate) fn normalise_label(digits: &str) -> String {
    let t = digits.trim_start_matches('0');
    if t.is_empty() {
        "0".to_string()
    } else {
        t.to_string()
    }
}

fn emphasis(s: &str) -> Option<(Inline, usize)> {
    let inner = &s[1..];
    let end = inner.find('*')?;
    let body = &inner[..end];
    let ok = !body.is_empty()
        && !body.starts_with(char::is_whitespace)
        && !body.ends_with(char::is_whitespace)
        && !body.contains('\n');
    ok.then(|| (Inline::Emphasis(body.to_string()), end + 2))
}

fn angle_link(s: &str) -> Option<(Inline, usize)> {
    let inner = &s[1..];
    if !(inner.starts_with("http://") || inner.starts_with("https://")) {
        return None;
    }
    let end = inner.find('>')?;
    let href = &inner[..end];
    if href.chars().any(char::is_whitespace) || href.len() <= "https://".len() {
        return None;
    }
    Some((
        Inline::Link {
            href: href.to_string(),
            angle: true,
        },
        end + 2,
    ))
}

fn bare_link(s: &str) -> Option<(Inline, usize)> {
    let scheme = if s.starts_with("https://") {
        "https://".len()
    } else if s.starts_with("http://") {
        "http://".len()
    } else {
        return None;
    };
    let len = s
        .char_indices()
        .find(|&(_, c)| !is_url_char(c))
        .map_or(s.len(), |(i, _)| i);
    let href = s[..len].trim_end_matches(['.', ',', ':', '!', '?', ')']);
    (href.len() > scheme).then(|| {
        (
            Inline::Link {
                href: href.to_string(),
                angle: false,
            },
            href.len(),
        )
    })
}

/// Characters a bare address may hold. `;` ends one: the sources use it as a
/// list separator right after addresses.
fn is_url_char(c: char) -> bool {
    c.is_ascii_graphic()
        && !matches!(
            c,
            '<' | '>' | '"' | '\'' | ';' | '`' | '{' | '}' | '|' | '\\'
        )
}

/// Text without note markers; emphasis as its words, links as their address.
pub fn plain_text(inlines: &[Inline]) -> String {
    let mut s = String::new();
    for i in inlines {
        match i {
            Inline::Text(t) | Inline::Emphasis(t) => s.push_str(t),
            Inline::Link { href, .. } => s.push_str(href),
            Inline::NoteRef { .. } => {}
        }
    }
    s
}

/// Split text into plain runs and the bare http(s) addresses in it, for
/// formats whose other inline syntax a real parser has already read
/// (Markdown, Word): nothing else is interpreted.
pub fn link_runs(text: &str) -> Vec<Inline> {
    let mut out = Vec::new();
    let mut plain = String::new();
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        match (c == 'h').then(|| bare_link(rest)).flatten() {
            Some((link, used)) => {
                if !plain.is_empty() {
                    out.push(Inline::Text(std::mem::take(&mut plain)));
                }
                out.push(link);
                rest = &rest[used..];
            }
            None => {
                plain.push(c);
                rest = &rest[c.len_utf8()..];
            }
        }
    }
    if !plain.is_empty() {
        out.push(Inline::Text(plain));
    }
    out
}

/// Add a run, merging it into the last one when both are text or both are
/// emphasis.
#[cfg(feature = "build")]
pub(crate) fn append(runs: &mut Vec<Inline>, run: Inline) {
    match (runs.last_mut(), run) {
        (Some(Inline::Text(a)), Inline::Text(b)) => a.push_str(&b),
        (Some(Inline::Emphasis(a)), Inline::Emphasis(b)) => a.push_str(&b),
        (_, run) => runs.push(run),
    }
}

/// The source text of runs read by a real parser (Markdown, Word): what
/// they show, and note markers as written, without the `*…*` and `<…>` that
/// [`source_text`] puts back for the plain-text formats.
pub fn content_text(inlines: &[Inline]) -> String {
    let mut s = String::new();
    for i in inlines {
        match i {
            Inline::Text(t) | Inline::Emphasis(t) => s.push_str(t),
            Inline::Link { href, .. } => s.push_str(href),
            Inline::NoteRef { marker, .. } => s.push_str(marker),
        }
    }
    s
}

/// The source text these runs were parsed from (markers and markup included).
pub fn source_text(inlines: &[Inline]) -> String {
    let mut s = String::new();
    for i in inlines {
        match i {
            Inline::Text(t) => s.push_str(t),
            Inline::Emphasis(t) => {
                s.push('*');
                s.push_str(t);
                s.push('*');
            }
            Inline::Link { href, angle: true } => {
                s.push('<');
                s.push_str(href);
                s.push('>');
            }
            Inline::Link { href, angle: false } => s.push_str(href),
            Inline::NoteRef { marker, .. } => s.push_str(marker),
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    const BODY_SUP: Syntax = Syntax {
        markers: Some(MarkerStyle::Superscript),
    };
    const BODY_BRACKET: Syntax = Syntax {
        markers: Some(MarkerStyle::Bracket),
    };
    const NOTE: Syntax = Syntax { markers: None };

    fn r(label: &str, marker: &str) -> Inline {
        Inline::NoteRef {
            label: label.into(),
            marker: marker.into(),
        }
    }

    #[test]
    fn superscript_runs_are_one_marker() {
        let v = parse_inlines("集團（G7）。¹⁵ 當前", BODY_SUP);
        assert_eq!(
            v,
            vec![
                Inline::Text("集團（G7）。".into()),
                r("15", "¹⁵"),
                Inline::Text(" 當前".into())
            ]
        );
    }

    #[test]
    fn bracket_markers_need_digits() {
        let v = parse_inlines("論述,[1]可知 [MAITRI] COMPACT[Catalyzing]", BODY_BRACKET);
        assert_eq!(v[1], r("1", "[1]"));
        assert_eq!(v.len(), 3);
        assert_eq!(plain_text(&v), "論述,可知 [MAITRI] COMPACT[Catalyzing]");
    }

    #[test]
    fn emphasis_and_links() {
        let s = "“Title,” *Foreign Policy*, 2009, <https://reurl.cc/0W9Zyx>.";
        let v = parse_inlines(s, NOTE);
        assert!(v.contains(&Inline::Emphasis("Foreign Policy".into())));
        assert!(v.contains(&Inline::Link {
            href: "https://reurl.cc/0W9Zyx".into(),
            angle: true
        }));
        assert_eq!(source_text(&v), s);
    }

    #[test]
    fn bare_links_stop_at_separators_and_trailing_dots() {
        let s = "見 http://a.cn/x.html;Keith, https://b.com/y/.";
        let v = parse_inlines(s, NOTE);
        let links: Vec<_> = v
            .iter()
            .filter_map(|i| match i {
                Inline::Link { href, .. } => Some(href.as_str()),
                _ => None,
            })
            .collect();
        assert_eq!(links, ["http://a.cn/x.html", "https://b.com/y/"]);
        assert_eq!(source_text(&v), s);
    }

    #[test]
    fn link_runs_find_only_addresses() {
        let v = link_runs("見 *x* https://a.org/p. 與 ftp://b");
        assert_eq!(
            v,
            vec![
                Inline::Text("見 *x* ".into()),
                Inline::Link {
                    href: "https://a.org/p".into(),
                    angle: false
                },
                Inline::Text(". 與 ftp://b".into()),
            ]
        );
        assert_eq!(content_text(&v), "見 *x* https://a.org/p. 與 ftp://b");
    }

    #[test]
    fn non_http_and_lone_asterisks_stay_text() {
        let s = "* 李 <javascript:alert(1)> a * b ** <mailto:x@y>";
        let v = parse_inlines(s, NOTE);
        assert_eq!(v, vec![Inline::Text(s.into())]);
    }
}

/// A piece of one inline run after cutting the runs at mark boundaries.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Piece {
    /// Index of the run in the slice given to [`split_at_marks`].
    pub run: usize,
    /// Character range within that run's visible text (a link's address,
    /// an emphasis's words; empty for a note reference).
    pub chars: std::ops::Range<usize>,
    /// Indices (into the marks given) of every mark covering this piece.
    pub marks: Vec<usize>,
}

/// Cut runs at the boundaries of marks given as character ranges of the
/// runs' [`plain_text`] (search matches, glossary terms; they may overlap).
/// Note references take no characters and come out as their own piece.
/// Marks beyond the text are ignored.
pub fn split_at_marks(runs: &[Inline], marks: &[std::ops::Range<usize>]) -> Vec<Piece> {
    let mut cuts: Vec<usize> = marks
        .iter()
        .filter(|m| m.start < m.end)
        .flat_map(|m| [m.start, m.end])
        .collect();
    crate::sort::sort(&mut cuts);
    cuts.dedup();
    let mut out = Vec::new();
    let mut offset = 0; // plain-text chars before this run
    for (i, run) in runs.iter().enumerate() {
        let len = match run {
            Inline::Text(t) | Inline::Emphasis(t) => t.chars().count(),
            Inline::Link { href, .. } => href.chars().count(),
            Inline::NoteRef { .. } => 0,
        };
        if len == 0 {
            out.push(Piece {
                run: i,
                chars: 0..0,
                marks: Vec::new(),
            });
            continue;
        }
        let mut start = offset;
        let end = offset + len;
        for &cut in cuts
            .iter()
            .filter(|&&c| c > offset && c < end)
            .chain([&end])
        {
            let covering = marks
                .iter()
                .enumerate()
                .filter(|(_, m)| m.start <= start && m.end >= cut && m.start < m.end)
                .map(|(k, _)| k)
                .collect();
            out.push(Piece {
                run: i,
                chars: start - offset..cut - offset,
                marks: covering,
            });
            start = cut;
        }
        offset = end;
    }
    out
}

#[cfg(test)]
#[allow(clippy::single_range_in_vec_init)]
mod split_tests {
    use super::*;

    #[test]
    fn pieces_follow_marks_across_runs() {
        let runs = vec![
            Inline::Text("四方安全".into()),
            Inline::NoteRef {
                label: "1".into(),
                marker: "¹".into(),
            },
            Inline::Emphasis("對話".into()),
        ];
        // 安全對話 spans the note reference and the emphasis; 對 is also a search hit.
        let pieces = split_at_marks(&runs, &[2..6, 4..5]);
        let got: Vec<(usize, std::ops::Range<usize>, Vec<usize>)> = pieces
            .into_iter()
            .map(|p| (p.run, p.chars, p.marks))
            .collect();
        assert_eq!(
            got,
            vec![
                (0, 0..2, vec![]),
                (0, 2..4, vec![0]),
                (1, 0..0, vec![]),
                (2, 0..1, vec![0, 1]),
                (2, 1..2, vec![0]),
            ]
        );
    }

    #[test]
    fn no_marks_one_piece_per_run_and_out_of_range_marks_ignored() {
        let runs = vec![Inline::Text("abc".into())];
        assert_eq!(split_at_marks(&runs, &[]).len(), 1);
        assert_eq!(split_at_marks(&runs, &[10..20]).len(), 1);
        assert_eq!(split_at_marks(&runs, &[2..2]).len(), 1);
    }
}
