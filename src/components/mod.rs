//! Reusable pieces of the reader's pages, one widget per module.

pub mod blocks;
pub mod cite;
pub mod copy_link;
pub mod corpus_loading;
pub mod document_card;
pub mod document_header;
pub mod glossary_export;
pub mod marked;
pub mod meta;
pub mod note_marker;
pub mod notes;
pub mod offline_panel;
pub mod popover;
pub mod preferences;
pub mod reader_toolbar;
pub mod search_box;
pub mod search_matches;
pub mod search_snippet;
pub mod site_header;
pub mod suggestions;
pub mod term_mark;
pub mod toc;
pub mod update_notice;
