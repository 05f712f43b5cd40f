//! Putting the reader's address into a citation formatted at build time: the
//! one part of citing that runs in the browser, so it is small, and safe
//! whatever the address holds — only http(s) addresses are used, and every
//! character that could end a field of BibTeX, RIS or JSON (quotes,
//! backslashes, braces, spaces, line breaks) is percent-encoded first.

use super::{CitePiece, CITE_LINK};

/// The address `href` made safe to put into any citation format, or `None`
/// when it is not an http(s) address.
pub fn link(href: &str) -> Option<String> {
    let href = href.trim();
    let lower = href.get(..8).unwrap_or(href).to_ascii_lowercase();
    if !(lower.starts_with("https://") || lower.starts_with("http://")) {
        return None;
    }
    let mut out = String::with_capacity(href.len());
    for c in href.chars() {
        if c.is_ascii_alphanumeric() || "-._~:/?#[]@!$&'()*+,;=%".contains(c) {
            out.push(c);
        } else {
            let mut buf = [0; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        }
    }
    Some(out)
}

/// A text format (BibTeX, RIS, CSL-JSON) with the placeholder replaced by
/// `link` (made safe by [`link`]); without one, the lines holding the
/// placeholder are left out, so the record stays well-formed.
pub fn fill(text: &str, link: Option<&str>) -> String {
    match link {
        Some(link) => text.replace(CITE_LINK, link),
        None => text
            .split_inclusive('\n')
            .filter(|line| !line.contains(CITE_LINK))
            .collect(),
    }
}

/// A formatted citation as plain text (for the clipboard), with `link` where
/// the style put the link; without one, the link is left out with the
/// separator before it.
pub fn pieces_text(pieces: &[CitePiece], link: Option<&str>) -> String {
    let mut out = String::new();
    for piece in pieces {
        match (piece, link) {
            (CitePiece::Text(t) | CitePiece::Italic(t), _) => out.push_str(t),
            (CitePiece::Link, Some(link)) => out.push_str(link),
            (CitePiece::Link, None) => {
                let kept = out.trim_end_matches([' ', ',', '，', '.', '。']).len();
                out.truncate(kept);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_http_addresses_are_links() {
        assert_eq!(
            link("https://a.org/#/doc/x/p3").as_deref(),
            Some("https://a.org/#/doc/x/p3")
        );
        assert_eq!(link("HTTP://a.org/").as_deref(), Some("HTTP://a.org/"));
        assert_eq!(link("javascript:alert(1)"), None);
        assert_eq!(link("file:///tmp/index.html"), None);
        assert_eq!(link("data:text/html,x"), None);
        assert_eq!(link("http:"), None);
    }

    #[test]
    fn characters_that_end_a_field_are_encoded() {
        let l = link("https://a.org/p?q=\"}\\ {x}\n<b>\u{5370}").unwrap();
        assert_eq!(
            l,
            "https://a.org/p?q=%22%7D%5C%20%7Bx%7D%0A%3Cb%3E%E5%8D%B0"
        );
        assert!(!l.contains(['"', '\\', '{', '}', ' ', '\n', '<', '>']));
    }

    #[test]
    fn fill_replaces_or_drops_the_link_lines() {
        let text = format!("@online{{x,\n  url = {{{CITE_LINK}}},\n  year = {{2024}}\n}}\n");
        assert_eq!(
            fill(&text, Some("https://a.org/#/doc/x")),
            "@online{x,\n  url = {https://a.org/#/doc/x},\n  year = {2024}\n}\n"
        );
        assert_eq!(fill(&text, None), "@online{x,\n  year = {2024}\n}\n");
    }

    #[test]
    fn pieces_read_as_text_with_or_without_the_link() {
        let pieces = vec![
            CitePiece::Text("Doe, “Title,” 2024, ".into()),
            CitePiece::Link,
            CitePiece::Text(".".into()),
        ];
        assert_eq!(
            pieces_text(&pieces, Some("https://a.org/")),
            "Doe, “Title,” 2024, https://a.org/."
        );
        assert_eq!(pieces_text(&pieces, None), "Doe, “Title,” 2024.");
    }
}
