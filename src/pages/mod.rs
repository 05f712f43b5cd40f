//! One module per route: the library, a document, the glossary, search,
//! help, and the not-found page.

pub mod document;
pub mod glossary;
pub mod glossary_entry;
pub mod help;
pub mod library;
pub mod not_found;
pub mod search;
