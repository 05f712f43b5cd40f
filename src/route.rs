//! Hash routing, so the app works on any static host without rewrite rules,
//! under any sub-path (e.g. `/lattice/`), and survives a reload on a deep link:
//! the server only ever sees the page's own URL; the route lives after `#`.
//!
//! | hash                      | route                                  |
//! |---------------------------|----------------------------------------|
//! | `` or `#/`                | [`Route::Library`] (its first page)    |
//! | `#/library/<n>`           | [`Route::LibraryPage`] `n` ≥ 2 (`1` is the first page) |
//! | `#/doc/<id>`              | [`Route::Document`] without an anchor  |
//! | `#/doc/<id>/<anchor>`     | [`Route::Document`] at a block or note |
//! | `#/glossary`              | [`Route::Glossary`]                    |
//! | `#/glossary?kind=<kind>`  | [`Route::GlossaryKind`]: the list of one kind (`person`, …) |
//! | `#/glossary/<term>`       | [`Route::GlossaryEntry`]: one entry, by any form, percent-encoded |
//! | `#/help`                  | [`Route::Help`]                        |
//! | `#/search?q=…&doc=…&scope=body&glossary=0` | [`Route::Search`]     |
//! | `#/doc/<id>[/<anchor>]?q=…` | [`Route::Highlighted`]: a document with a search's matches marked |
//! | anything else             | [`Route::NotFound`]                    |
//!
//! A search travels as a query string after the path ([`SearchQuery`]):
//! every byte that is not an unreserved URL character is percent-encoded, so
//! any text (spaces, `&`, `#`, `%`, CJK, emoji) survives the trip, and
//! `Route::from_hash(&route.href()) == route` for every route the app makes.
//!
//! Implemented with one `hashchange` listener instead of yew-router, which
//! would cost bundle size for features a three-route app does not use.

use gloo::events::EventListener;
use lattice_core::glossary::TermKind;
use lattice_core::search::{Scope, SearchOptions};
use yew::prelude::*;

/// Where the reader is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// The list of every document: its first page.
    Library,
    /// Page `n` (from 1, always ≥ 2) of the list of documents.
    LibraryPage(u32),
    /// One document, optionally at a block or note anchor (`p3`, `n7`).
    Document {
        /// The document id.
        id: String,
        /// A block or note id within it.
        anchor: Option<String>,
    },
    /// Every glossary term, with its occurrences.
    Glossary,
    /// The glossary's terms of one kind.
    GlossaryKind(TermKind),
    /// One glossary entry, named by any of its forms (the app links its
    /// English form, which names one term only).
    GlossaryEntry(String),
    /// Help and about: search syntax, shortcuts, offline status.
    Help,
    /// The results page of a search.
    Search(SearchQuery),
    /// A document (optionally at an anchor) with a search's matches marked
    /// and a navigator between them; the search's text is never empty.
    Highlighted {
        /// The document id.
        id: String,
        /// The block or note id of the hit that was opened.
        anchor: Option<String>,
        /// The search whose matches are marked.
        search: SearchQuery,
    },
    /// Anything the app does not know.
    NotFound,
}

impl Route {
    /// The route a location hash (`#/doc/x`, with or without the `#`) names.
    pub fn from_hash(hash: &str) -> Route {
        let hash = hash.strip_prefix('#').unwrap_or(hash);
        if let Some(route) = Route::glossary_view(hash) {
            return route;
        }
        let (path, query) = match hash.split_once('?') {
            Some((path, query)) => (path, Some(SearchQuery::from_query_string(query))),
            None => (hash, None),
        };
        match (Route::from_path(path), query) {
            (Route::Search(_), query) => Route::Search(query.unwrap_or_default()),
            (Route::Document { id, anchor }, Some(search)) if !search.text.is_empty() => {
                Route::Highlighted { id, anchor, search }
            }
            (route, _) => route,
        }
    }

    /// The glossary's list filtered by kind (`/glossary?kind=person`; an
    /// unknown or missing kind is the whole list), or `None` for any other path.
    fn glossary_view(hash: &str) -> Option<Route> {
        let (path, query) = hash.split_once('?')?;
        if path.strip_suffix('/').unwrap_or(path) != "/glossary" {
            return None;
        }
        let kind = query
            .split('&')
            .filter_map(|pair| pair.strip_prefix("kind="))
            .find_map(|k| TermKind::from_name(&percent_decode(k)));
        Some(kind.map_or(Route::Glossary, Route::GlossaryKind))
    }

    /// The route of a hash's path (before any `?`).
    fn from_path(path: &str) -> Route {
        if path.is_empty() || path == "/" {
            return Route::Library;
        }
        let Some(path) = path.strip_prefix('/') else {
            return Route::NotFound;
        };
        // One trailing slash is forgiven (`#/doc/x/`), as a static host would.
        let path = path.strip_suffix('/').unwrap_or(path);
        let segments: Vec<&str> = path.split('/').collect();
        match segments.as_slice() {
            ["doc", id] if is_slug(id) => Route::Document {
                id: id.to_string(),
                anchor: None,
            },
            ["doc", id, anchor] if is_slug(id) && is_slug(anchor) => Route::Document {
                id: id.to_string(),
                anchor: Some(anchor.to_string()),
            },
            // Digits only (`parse` would also take `+2`), from 1.
            ["library", n] if n.bytes().all(|b| b.is_ascii_digit()) => match n.parse() {
                Ok(n) if n >= 1 => Route::library(n),
                _ => Route::NotFound,
            },
            ["glossary"] => Route::Glossary,
            ["glossary", term] => match percent_decode(term).trim() {
                "" => Route::Glossary,
                term => Route::GlossaryEntry(term.to_string()),
            },
            ["help"] => Route::Help,
            ["search"] => Route::Search(SearchQuery::default()),
            _ => Route::NotFound,
        }
    }

    /// Library page `n` (from 1): the library itself for the first.
    pub fn library(n: u32) -> Route {
        if n <= 1 {
            Route::Library
        } else {
            Route::LibraryPage(n)
        }
    }

    /// The `href` that leads here; relative to the current page, so it works
    /// under any sub-path.
    pub fn href(&self) -> String {
        match self {
            Route::Library => "#/".to_string(),
            Route::LibraryPage(n) => format!("#/library/{n}"),
            Route::Document { id, anchor: None } => format!("#/doc/{id}"),
            Route::Document {
                id,
                anchor: Some(anchor),
            } => format!("#/doc/{id}/{anchor}"),
            Route::Glossary => "#/glossary".to_string(),
            Route::GlossaryKind(kind) => format!("#/glossary?kind={}", kind.as_str()),
            Route::GlossaryEntry(term) => format!("#/glossary/{}", percent_encode(term)),
            Route::Help => "#/help".to_string(),
            Route::Search(search) => format!("#/search?{}", search.to_query_string()),
            Route::Highlighted { id, anchor, search } => {
                let query = search.to_query_string();
                match anchor {
                    Some(anchor) => format!("#/doc/{id}/{anchor}?{query}"),
                    None => format!("#/doc/{id}?{query}"),
                }
            }
            // There is no canonical unknown place; send the reader home.
            Route::NotFound => "#/".to_string(),
        }
    }
}

/// A search as the URL carries it: what the reader typed and the filters.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SearchQuery {
    /// The query text, exactly as typed (the core bounds its length).
    pub text: String,
    /// Only this document (by id).
    pub document: Option<String>,
    /// Body text, notes, or both.
    pub scope: Scope,
    /// Whether terms also match their glossary forms (on unless `glossary=0`).
    pub glossary: bool,
}

impl Default for SearchQuery {
    fn default() -> Self {
        SearchQuery {
            text: String::new(),
            document: None,
            scope: Scope::All,
            glossary: true,
        }
    }
}

impl SearchQuery {
    /// A search for `text` with the default filters.
    pub fn new(text: impl Into<String>) -> Self {
        SearchQuery {
            text: text.into(),
            ..SearchQuery::default()
        }
    }

    /// The core's options for this search.
    pub fn options(&self, limit: Option<usize>) -> SearchOptions {
        SearchOptions {
            document: self.document.clone(),
            scope: self.scope,
            limit,
        }
    }

    /// `q=…&doc=…&scope=…&glossary=0`, leaving out what is default.
    pub fn to_query_string(&self) -> String {
        let mut parts = vec![format!("q={}", percent_encode(&self.text))];
        if let Some(doc) = &self.document {
            parts.push(format!("doc={}", percent_encode(doc)));
        }
        match self.scope {
            Scope::All => {}
            Scope::Body => parts.push("scope=body".into()),
            Scope::Notes => parts.push("scope=notes".into()),
        }
        if !self.glossary {
            parts.push("glossary=0".into());
        }
        parts.join("&")
    }

    /// Read a query string (without the `?`); unknown keys and values are
    /// ignored, malformed escapes kept as typed.
    pub fn from_query_string(query: &str) -> Self {
        let mut search = SearchQuery::default();
        for pair in query.split('&') {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            let value = percent_decode(value);
            match key {
                "q" => search.text = value,
                "doc" if !value.is_empty() => search.document = Some(value),
                "scope" => {
                    search.scope = match value.as_str() {
                        "body" => Scope::Body,
                        "notes" => Scope::Notes,
                        _ => Scope::All,
                    }
                }
                "glossary" => search.glossary = !matches!(value.as_str(), "0" | "off" | "false"),
                _ => {}
            }
        }
        search
    }
}

/// Percent-encode every byte but the URL's unreserved characters.
pub fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Decode `%XX` escapes and `+` (a space in form encoding); an escape that is
/// not two hex digits stays as it is, and bytes that are not UTF-8 become U+FFFD.
pub fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let escaped = (bytes[i] == b'%')
            .then(|| hex_pair(&bytes[i + 1..]))
            .flatten();
        match (escaped, bytes[i]) {
            (Some(b), _) => {
                out.push(b);
                i += 3;
            }
            (None, b'+') => {
                out.push(b' ');
                i += 1;
            }
            (None, b) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex_pair(bytes: &[u8]) -> Option<u8> {
    let digit = |b: u8| char::from(b).to_digit(16);
    match bytes {
        [hi, lo, ..] => Some(u8::try_from(digit(*hi)? * 16 + digit(*lo)?).ok()?),
        _ => None,
    }
}

/// Go to a route, adding a history entry.
pub fn navigate(route: &Route) {
    crate::hooks::scroll_memory::save();
    let _ = gloo::utils::window().location().set_hash(&route.href());
}

/// Go to a route in place of the current history entry (results as you type).
pub fn replace(route: &Route) {
    let _ = gloo::utils::window().location().replace(&route.href());
}

/// Document, block and note ids are URL-safe slugs; anything else cannot name one.
fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// The route of the page's current location hash.
pub fn current() -> Route {
    let hash = gloo::utils::window().location().hash().unwrap_or_default();
    Route::from_hash(&hash)
}

/// The current route, re-rendering the caller whenever the hash changes
/// (a link click, the back button, or an edited address).
#[hook]
pub fn use_route() -> Route {
    let route = use_state_eq(current);
    {
        let route = route.clone();
        use_effect_with((), move |_| {
            let listener = EventListener::new(&gloo::utils::window(), "hashchange", move |_| {
                route.set(current())
            });
            move || drop(listener)
        });
    }
    (*route).clone()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glossary_routes_round_trip() {
        let routes = [
            Route::Glossary,
            Route::GlossaryKind(TermKind::Person),
            Route::GlossaryKind(TermKind::Organisation),
            Route::GlossaryEntry("Quadrilateral Security Dialogue".into()),
            Route::GlossaryEntry("四方安全對話".into()),
            Route::GlossaryEntry("a/b?c=d&e#f %20 😀".into()),
        ];
        for route in routes {
            assert_eq!(Route::from_hash(&route.href()), route, "{}", route.href());
        }
        for kind in TermKind::ALL {
            let route = Route::GlossaryKind(kind);
            assert_eq!(Route::from_hash(&route.href()), route);
        }
        assert_eq!(
            Route::GlossaryEntry("四方".into()).href(),
            "#/glossary/%E5%9B%9B%E6%96%B9"
        );
    }

    #[test]
    fn glossary_hashes_read_calmly() {
        let cases = [
            ("#/glossary", Route::Glossary),
            ("#/glossary/", Route::Glossary),
            (
                "#/glossary?kind=person",
                Route::GlossaryKind(TermKind::Person),
            ),
            (
                "#/glossary/?kind=place",
                Route::GlossaryKind(TermKind::Place),
            ),
            (
                "#/glossary?q=x&kind=event",
                Route::GlossaryKind(TermKind::Event),
            ),
            // An unknown kind shows the whole list rather than nothing.
            ("#/glossary?kind=planet", Route::Glossary),
            ("#/glossary?", Route::Glossary),
            ("#/glossary/Quad", Route::GlossaryEntry("Quad".into())),
            (
                "#/glossary/%E9%AD%AF%E6%AF%94%E6%AD%90",
                Route::GlossaryEntry("魯比歐".into()),
            ),
            (
                "#/glossary/Marco+Rubio",
                Route::GlossaryEntry("Marco Rubio".into()),
            ),
            ("#/glossary/%20", Route::Glossary),
            ("#/glossary/a/b", Route::NotFound),
        ];
        for (hash, route) in cases {
            assert_eq!(Route::from_hash(hash), route, "{hash}");
        }
    }
}
