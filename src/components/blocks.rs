//! The containers blocks sit in — block quotes, numbered and bulleted lists,
//! tables — drawn around the blocks themselves. The core flattens them into
//! frames on each block ([`Frame`]), so search, notes and the glossary see
//! ordinary paragraphs; this module turns runs of blocks that share a frame
//! back into `<blockquote>`, `<ol>`/`<ul>` and `<table>`, and leaves each
//! block's own drawing to the page.
//!
//! Tables get header cells with `scope="col"` and sit in a labelled,
//! focusable region that scrolls sideways on narrow screens.

use crate::i18n::Lang;
use lattice_core::{Block, Frame};
use yew::prelude::*;

/// Render blocks in reading order: each block through `leaf`, wrapped in
/// the containers its frames name. `leaf` is called once per block, in
/// order, so it may count things (note citations) as it goes.
pub fn render_blocks<'a>(
    blocks: &'a [Block],
    lang: Lang,
    mut leaf: impl FnMut(&'a Block) -> Html,
) -> Html {
    let all: Vec<&Block> = blocks.iter().collect();
    html! { <>{ for group(&all, 0, lang, &mut leaf) }</> }
}

/// The frame a block has at `depth`, if it is that deep.
fn frame(block: &Block, depth: usize) -> Option<Frame> {
    block.within.get(depth).copied()
}

/// Split `blocks` into runs that share `key` (consecutive only).
fn runs<'b, 'a, K: PartialEq>(
    blocks: &'b [&'a Block],
    key: impl Fn(&Block) -> K,
) -> Vec<&'b [&'a Block]> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in 1..=blocks.len() {
        if i == blocks.len() || key(blocks[i]) != key(blocks[start]) {
            out.push(&blocks[start..i]);
            start = i;
        }
    }
    out
}

fn group<'a>(
    blocks: &[&'a Block],
    depth: usize,
    lang: Lang,
    leaf: &mut impl FnMut(&'a Block) -> Html,
) -> Vec<Html> {
    runs(blocks, |b| frame(b, depth).map(|f| f.container()))
        .into_iter()
        .flat_map(|run| match frame(run[0], depth) {
            None => run.iter().map(|b| leaf(b)).collect::<Vec<_>>(),
            Some(f) => vec![container(f, run, depth, lang, leaf)],
        })
        .collect()
}

fn container<'a>(
    first: Frame,
    run: &[&'a Block],
    depth: usize,
    lang: Lang,
    leaf: &mut impl FnMut(&'a Block) -> Html,
) -> Html {
    match first {
        Frame::Quote { .. } => html! {
            <blockquote class="doc-quote">{ for group(run, depth + 1, lang, leaf) }</blockquote>
        },
        Frame::Item { ordered, .. } => {
            let items: Vec<Html> = runs(run, |b| match frame(b, depth) {
                Some(Frame::Item { item, .. }) => item,
                _ => 0,
            })
            .into_iter()
            .map(|item| {
                let value = match frame(item[0], depth) {
                    Some(Frame::Item {
                        ordered: true,
                        item,
                        ..
                    }) => Some(item.to_string()),
                    _ => None,
                };
                html! { <li {value}>{ for group(item, depth + 1, lang, leaf) }</li> }
            })
            .collect();
            if ordered {
                html! { <ol class="doc-list">{ for items }</ol> }
            } else {
                html! { <ul class="doc-list">{ for items }</ul> }
            }
        }
        Frame::Cell { .. } => table(run, depth, lang, leaf),
    }
}

fn table<'a>(
    run: &[&'a Block],
    depth: usize,
    lang: Lang,
    leaf: &mut impl FnMut(&'a Block) -> Html,
) -> Html {
    let cell = |b: &Block| match frame(b, depth) {
        Some(Frame::Cell {
            row,
            column,
            header,
            ..
        }) => (row, column, header),
        _ => (0, 0, false),
    };
    let mut head = Vec::new();
    let mut body = Vec::new();
    for row in runs(run, |b| cell(b).0) {
        let header = row.iter().all(|b| cell(b).2);
        let cells: Vec<Html> = runs(row, |b| cell(b).1)
            .into_iter()
            .map(|c| {
                let content = group(c, depth + 1, lang, leaf);
                if cell(c[0]).2 {
                    html! { <th scope="col">{ for content }</th> }
                } else {
                    html! { <td>{ for content }</td> }
                }
            })
            .collect();
        let tr = html! { <tr>{ for cells }</tr> };
        if header && body.is_empty() {
            head.push(tr);
        } else {
            body.push(tr);
        }
    }
    html! {
        <div class="doc-table-wrap" role="region" tabindex="0"
            aria-label={lang.pick("表格", "Table")}>
            <table class="doc-table">
                if !head.is_empty() { <thead>{ for head }</thead> }
                <tbody>{ for body }</tbody>
            </table>
        </div>
    }
}
