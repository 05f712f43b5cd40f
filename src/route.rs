//! Hash routing, so the app works on any static host without rewrite rules,
//! under any sub-path (e.g. `/lattice/`), and survives a reload on a deep link:
//! the server only ever sees the page's own URL; the route lives after `#`.
//!
//! | hash                      | route                                  |
//! |---------------------------|----------------------------------------|
//! | `` or `#/`                | [`Route::Library`]                     |
//! | `#/doc/<id>`              | [`Route::Document`] without an anchor  |
//! | `#/doc/<id>/<anchor>`     | [`Route::Document`] at a block or note |
//! | `#/glossary`              | [`Route::Glossary`]                    |
//! | anything else             | [`Route::NotFound`]                    |
//!
//! Implemented with one `hashchange` listener instead of yew-router, which
//! would cost bundle size for features a three-route app does not use.

use gloo::events::EventListener;
use yew::prelude::*;

/// Where the reader is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// The list of every document.
    Library,
    /// One document, optionally at a block or note anchor (`p3`, `n7`).
    Document {
        /// The document id.
        id: String,
        /// A block or note id within it.
        anchor: Option<String>,
    },
    /// Every glossary term, with its occurrences.
    Glossary,
    /// Anything the app does not know.
    NotFound,
}

impl Route {
    /// The route a location hash (`#/doc/x`, with or without the `#`) names.
    pub fn from_hash(hash: &str) -> Route {
        let path = hash.strip_prefix('#').unwrap_or(hash);
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
            ["glossary"] => Route::Glossary,
            _ => Route::NotFound,
        }
    }

    /// The `href` that leads here; relative to the current page, so it works
    /// under any sub-path.
    pub fn href(&self) -> String {
        match self {
            Route::Library => "#/".to_string(),
            Route::Document { id, anchor: None } => format!("#/doc/{id}"),
            Route::Document {
                id,
                anchor: Some(anchor),
            } => format!("#/doc/{id}/{anchor}"),
            Route::Glossary => "#/glossary".to_string(),
            // There is no canonical unknown place; send the reader home.
            Route::NotFound => "#/".to_string(),
        }
    }
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
