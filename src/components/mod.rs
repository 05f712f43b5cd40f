//! Reusable pieces of the reader's pages, one widget per module.

pub mod corpus_loading;
pub mod document_card;
pub mod document_header;
pub mod inlines;
pub mod meta;
pub mod notes;
pub mod site_header;
pub mod update_notice;
