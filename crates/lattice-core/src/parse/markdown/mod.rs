//! Reader for Markdown: CommonMark with GFM tables, strikethrough, task
//! lists and footnotes, through pulldown-cmark, plus YAML or TOML front
//! matter ([`front_matter`]).
//!
//! Headings and paragraphs become blocks; lists, block quotes and table
//! cells become paragraphs carrying the [`Frame`]s they sit in. Footnotes
//! are numbered in the order a reader meets their first citation, as
//! renderers number them; the marker keeps the label as written
//! (`[^smith]`). A citation of a footnote the file never defines stays a
//! note reference, so the shared finishing step reports it.
//!
//! Loss-free: every source byte is either text the model holds (tracked as
//! a byte range) or, when no range holds it, syntax named in `skipped`.

mod front_matter;

use super::{Diags, Draft, DraftBlock, DraftNote};
use crate::inline::{append, link_runs, Inline};
use crate::model::*;
use pulldown_cmark::{Event, LinkType, MetadataBlockKind, Options, Parser, Tag, TagEnd};
use std::collections::{HashMap, HashSet};
use std::ops::Range;

/// The pulldown-cmark events this reader walks, with the unresolved
/// footnote citations (`[^x]` with no definition, which pulldown-cmark
/// leaves as text) split out of the text.
#[derive(Debug)]
enum Item<'a> {
    Event(Event<'a>),
    /// A `[^label]` that names no definition.
    Orphan(String),
}

pub(super) fn read(text: &str, diags: &Diags<'_>) -> Draft {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS;
    let mut parser = Parser::new_ext(text, options).into_offset_iter();
    let events: Vec<(Event<'_>, Range<usize>)> = parser.by_ref().collect();
    let definitions: HashMap<String, Range<usize>> = parser
        .reference_definitions()
        .iter()
        .map(|(label, def)| (label.to_lowercase(), def.span.clone()))
        .collect();
    let items = split_orphans(text, events);
    let numbers = number_footnotes(&items);
    let mut r = Reader {
        src: text,
        diags,
        line_starts: line_starts(text),
        draft: Draft::new(Kind::Markdown),
        counted: Vec::new(),
        frames: Vec::new(),
        lists: Vec::new(),
        next_container: 0,
        table: None,
        block: None,
        note: None,
        emphasis: 0,
        links: Vec::new(),
        pending_break: false,
        numbers,
        definitions,
        used_definitions: HashSet::new(),
        html: false,
        metadata: None,
    };
    for (item, range) in items {
        r.item(item, range);
    }
    r.close_block();
    r.finish()
}

/// Merge adjacent plain text events (pulldown-cmark splits text at every
/// character that could open a construct) and split out `[^label]`
/// citations that pulldown-cmark left as text because nothing defines them.
fn split_orphans<'a>(
    src: &str,
    events: Vec<(Event<'a>, Range<usize>)>,
) -> Vec<(Item<'a>, Range<usize>)> {
    let mut out: Vec<(Item<'a>, Range<usize>)> = Vec::new();
    let mut run: Option<Range<usize>> = None;
    let flush = |run: &mut Option<Range<usize>>, out: &mut Vec<(Item<'a>, Range<usize>)>| {
        let Some(r) = run.take() else { return };
        let s = &src[r.clone()];
        let mut at = 0;
        while let Some((start, end)) = find_citation(&s[at..]).map(|(a, b)| (a + at, b + at)) {
            if start > at {
                out.push((
                    Item::Event(Event::Text(s[at..start].to_string().into())),
                    r.start + at..r.start + start,
                ));
            }
            out.push((
                Item::Orphan(s[start + 2..end - 1].to_string()),
                r.start + start..r.start + end,
            ));
            at = end;
        }
        if at < s.len() {
            out.push((
                Item::Event(Event::Text(s[at..].to_string().into())),
                r.start + at..r.end,
            ));
        }
    };
    // Text of front matter and code blocks is never a citation.
    let mut literal = 0u32;
    for (event, range) in events {
        match &event {
            Event::Start(Tag::MetadataBlock(_) | Tag::CodeBlock(_) | Tag::HtmlBlock) => {
                literal += 1
            }
            Event::End(TagEnd::MetadataBlock(_) | TagEnd::CodeBlock | TagEnd::HtmlBlock) => {
                literal = literal.saturating_sub(1)
            }
            _ => {}
        }
        let plain = literal == 0
            && matches!(&event, Event::Text(t) if src.get(range.clone()) == Some(t.as_ref()));
        if plain {
            match &mut run {
                Some(r) if r.end == range.start => r.end = range.end,
                _ => {
                    flush(&mut run, &mut out);
                    run = Some(range);
                }
            }
            continue;
        }
        flush(&mut run, &mut out);
        out.push((Item::Event(event), range));
    }
    flush(&mut run, &mut out);
    out
}

/// The first `[^label]` in `s`: byte offsets of `[` and just past `]`.
fn find_citation(s: &str) -> Option<(usize, usize)> {
    let mut from = 0;
    while let Some(p) = s[from..].find("[^").map(|p| p + from) {
        let rest = &s[p + 2..];
        let len = rest
            .find(|c: char| c == ']' || c == '[' || c.is_whitespace())
            .unwrap_or(rest.len());
        if len > 0 && rest[len..].starts_with(']') {
            return Some((p, p + 2 + len + 1));
        }
        from = p + 2;
    }
    None
}

/// Footnote labels (lower-cased) to the numbers a reader sees: in order of
/// first citation, then definitions nothing cites, in file order.
fn number_footnotes(items: &[(Item<'_>, Range<usize>)]) -> HashMap<String, String> {
    let mut numbers = HashMap::new();
    let mut add = |label: &str| {
        let key = label.to_lowercase();
        if !numbers.contains_key(&key) {
            let n = numbers.len() + 1;
            numbers.insert(key, n.to_string());
        }
    };
    for (item, _) in items {
        match item {
            Item::Event(Event::FootnoteReference(l)) => add(l),
            Item::Orphan(l) => add(l),
            _ => {}
        }
    }
    for (item, _) in items {
        if let Item::Event(Event::Start(Tag::FootnoteDefinition(l))) = item {
            add(l);
        }
    }
    numbers
}

fn line_starts(text: &str) -> Vec<usize> {
    std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .collect()
}

/// A block being read.
#[derive(Debug)]
struct OpenBlock {
    kind: BlockKind,
    inlines: Vec<Inline>,
    line: u32,
    /// Table cells are kept even when empty, so columns line up.
    keep_empty: bool,
}

/// A footnote definition being read.
#[derive(Debug)]
struct OpenNote {
    label: String,
    marker: String,
    inlines: Vec<Inline>,
    line: u32,
}

/// A link being read: where its label's runs start.
#[derive(Debug)]
struct OpenLink {
    kind: LinkType,
    dest: String,
    id: String,
    range: Range<usize>,
    first_run: usize,
}

/// The table being read: its number, the current row and column, and
/// whether the row is the header.
#[derive(Clone, Copy, Debug)]
struct Table {
    table: u32,
    row: u32,
    column: u32,
    header: bool,
}

struct Reader<'a> {
    src: &'a str,
    diags: &'a Diags<'a>,
    line_starts: Vec<usize>,
    draft: Draft,
    /// Source byte ranges the model holds (or that a `skipped` entry of its
    /// own holds); everything else is syntax.
    counted: Vec<Range<usize>>,
    frames: Vec<Frame>,
    /// Open lists: number, ordered, the next item's number.
    lists: Vec<(u32, bool, u32)>,
    next_container: u32,
    table: Option<Table>,
    block: Option<OpenBlock>,
    note: Option<OpenNote>,
    emphasis: u32,
    links: Vec<OpenLink>,
    pending_break: bool,
    numbers: HashMap<String, String>,
    definitions: HashMap<String, Range<usize>>,
    used_definitions: HashSet<String>,
    html: bool,
    metadata: Option<OpenMetadata>,
}

/// A front matter block being read: its syntax, its whole range, and its
/// text with the text's range.
type OpenMetadata = (
    MetadataBlockKind,
    Range<usize>,
    Option<(String, Range<usize>)>,
);

impl Reader<'_> {
    fn line(&self, offset: usize) -> u32 {
        let i = self.line_starts.partition_point(|&s| s <= offset);
        u32::try_from(i.max(1)).unwrap_or(u32::MAX)
    }

    fn container(&mut self) -> u32 {
        self.next_container += 1;
        self.next_container
    }

    fn item(&mut self, item: Item<'_>, range: Range<usize>) {
        let event = match item {
            Item::Orphan(label) => {
                let marker = self.src[range.clone()].to_string();
                self.counted.push(range.clone());
                let label = self.number(&label);
                self.push(Inline::NoteRef { label, marker }, range.start);
                return;
            }
            Item::Event(e) => e,
        };
        match event {
            Event::Start(tag) => self.start(tag, range),
            Event::End(tag) => self.end(tag, range),
            Event::Text(t) => self.text(&t, range),
            Event::Code(t) => {
                if let Some(p) = self.src[range.clone()].find(t.as_ref()) {
                    let start = range.start + p;
                    self.counted.push(start..start + t.len());
                    self.push_text(&t, range.start, false);
                }
            }
            Event::FootnoteReference(label) => {
                let marker = self.src[range.clone()].to_string();
                self.counted.push(range.clone());
                let label = self.number(&label);
                self.push(Inline::NoteRef { label, marker }, range.start);
            }
            Event::SoftBreak | Event::HardBreak => self.pending_break = true,
            Event::Rule => self.close_block(),
            // Raw HTML is never shown as HTML; its tags are syntax, and a
            // block of it is reported when it starts.
            Event::Html(_) | Event::InlineHtml(_) => {}
            Event::TaskListMarker(_) | Event::InlineMath(_) | Event::DisplayMath(_) => {}
        }
    }

    fn number(&mut self, label: &str) -> String {
        let key = label.to_lowercase();
        let n = self.numbers.len() + 1;
        self.numbers
            .entry(key)
            .or_insert_with(|| n.to_string())
            .clone()
    }

    fn start(&mut self, tag: Tag<'_>, range: Range<usize>) {
        match tag {
            Tag::Paragraph => {
                if let Some(n) = &mut self.note {
                    if !n.inlines.is_empty() {
                        n.inlines.push(Inline::Text("\n".into()));
                    }
                } else if self.block.is_none() {
                    self.open(BlockKind::Paragraph, range.start);
                }
            }
            Tag::Heading { level, .. } => {
                self.close_block();
                self.open(BlockKind::Heading { level: level as u8 }, range.start);
            }
            Tag::BlockQuote(_) => {
                self.close_block();
                let quote = self.container();
                self.frames.push(Frame::Quote { quote });
            }
            Tag::CodeBlock(_) => {
                self.close_block();
                self.open(BlockKind::Paragraph, range.start);
            }
            Tag::HtmlBlock => {
                self.close_block();
                self.html = true;
                let line = self.line(range.start);
                self.draft.diagnostics.push(self.diags.warn(
                    line,
                    "raw HTML is not shown: the reader shows text only; write it in Markdown",
                ));
            }
            Tag::List(start) => {
                self.close_block();
                let list = self.container();
                let first = start.map_or(0, |s| u32::try_from(s).unwrap_or(u32::MAX));
                self.lists.push((list, start.is_some(), first));
            }
            Tag::Item => {
                self.close_block();
                if let Some(n) = &mut self.note {
                    if !n.inlines.is_empty() {
                        n.inlines.push(Inline::Text("\n".into()));
                    }
                    return;
                }
                if let Some((list, ordered, next)) = self.lists.last_mut() {
                    let item = *next;
                    *next = next.saturating_add(1);
                    self.frames.push(Frame::Item {
                        list: *list,
                        ordered: *ordered,
                        item,
                    });
                }
            }
            Tag::FootnoteDefinition(label) => {
                self.close_block();
                // A definition inside another ends it: both are kept.
                self.end_note();
                let label = self.number(&label);
                let head = &self.src[range.clone()];
                let marker = match head.starts_with("[^").then(|| head.find(']')).flatten() {
                    Some(end) => {
                        self.counted.push(range.start..range.start + end + 1);
                        head[..=end].to_string()
                    }
                    None => String::new(),
                };
                self.note = Some(OpenNote {
                    label,
                    marker,
                    inlines: Vec::new(),
                    line: self.line(range.start),
                });
            }
            Tag::Table(_) => {
                self.close_block();
                let table = self.container();
                self.table = Some(Table {
                    table,
                    row: 0,
                    column: 0,
                    header: false,
                });
            }
            Tag::TableHead => {
                if let Some(t) = &mut self.table {
                    t.header = true;
                    t.column = 0;
                }
            }
            Tag::TableRow => {
                if let Some(t) = &mut self.table {
                    t.column = 0;
                }
            }
            Tag::TableCell => {
                if let Some(n) = &mut self.note {
                    n.inlines.push(Inline::Text(" ".into()));
                    return;
                }
                if let Some(t) = self.table {
                    self.frames.push(Frame::Cell {
                        table: t.table,
                        row: t.row,
                        column: t.column,
                        header: t.header,
                    });
                    self.open(BlockKind::Paragraph, range.start);
                    if let Some(b) = &mut self.block {
                        b.keep_empty = true;
                    }
                }
            }
            Tag::Emphasis | Tag::Strong => self.emphasis += 1,
            Tag::Link {
                link_type,
                dest_url,
                id,
                ..
            } => {
                let first_run = self.runs().map_or(0, |r| r.len());
                self.links.push(OpenLink {
                    kind: link_type,
                    dest: dest_url.to_string(),
                    id: id.to_string(),
                    range,
                    first_run,
                });
            }
            Tag::MetadataBlock(kind) => self.metadata = Some((kind, range, None)),
            Tag::Strikethrough
            | Tag::Superscript
            | Tag::Subscript
            | Tag::Image { .. }
            | Tag::DefinitionList
            | Tag::DefinitionListTitle
            | Tag::DefinitionListDefinition => {}
        }
    }

    fn end(&mut self, tag: TagEnd, _range: Range<usize>) {
        match tag {
            TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::CodeBlock => {
                if self.note.is_none() {
                    self.close_block();
                }
            }
            TagEnd::BlockQuote(_) => {
                self.close_block();
                self.pop_frame(|f| matches!(f, Frame::Quote { .. }));
            }
            TagEnd::HtmlBlock => self.html = false,
            TagEnd::List(_) => {
                self.close_block();
                self.lists.pop();
            }
            TagEnd::Item => {
                self.close_block();
                if self.note.is_none() {
                    self.pop_frame(|f| matches!(f, Frame::Item { .. }));
                }
            }
            TagEnd::FootnoteDefinition => self.end_note(),
            TagEnd::Table => self.table = None,
            TagEnd::TableHead => {
                if let Some(t) = &mut self.table {
                    t.header = false;
                    t.row += 1;
                }
            }
            TagEnd::TableRow => {
                if let Some(t) = &mut self.table {
                    t.row += 1;
                }
            }
            TagEnd::TableCell => {
                if self.note.is_none() && self.table.is_some() {
                    self.close_block();
                    self.pop_frame(|f| matches!(f, Frame::Cell { .. }));
                }
                if let Some(t) = &mut self.table {
                    t.column += 1;
                }
            }
            TagEnd::Emphasis | TagEnd::Strong => self.emphasis = self.emphasis.saturating_sub(1),
            TagEnd::Link => self.end_link(),
            TagEnd::MetadataBlock(_) => self.end_metadata(),
            TagEnd::Strikethrough
            | TagEnd::Superscript
            | TagEnd::Subscript
            | TagEnd::Image
            | TagEnd::DefinitionList
            | TagEnd::DefinitionListTitle
            | TagEnd::DefinitionListDefinition => {}
        }
    }

    fn end_note(&mut self) {
        if let Some(n) = self.note.take() {
            self.draft.notes.push(DraftNote {
                label: n.label,
                marker: n.marker,
                body: n.inlines,
                line: n.line,
            });
        }
    }

    fn pop_frame(&mut self, is: impl Fn(&Frame) -> bool) {
        if self.frames.last().is_some_and(is) {
            self.frames.pop();
        }
    }

    fn text(&mut self, t: &str, range: Range<usize>) {
        if let Some((_, _, body)) = &mut self.metadata {
            *body = Some((t.to_string(), range));
            return;
        }
        if self.html {
            return;
        }
        let slice = &self.src[range.clone()];
        if slice == t {
            self.counted.push(range.clone());
        } else if slice.ends_with(t) {
            // An escape (`\*`): the backslash is syntax.
            self.counted.push(range.end - t.len()..range.end);
        } else {
            // A character reference (`&amp;`): kept as written in
            // `skipped`, the character it stands for in the model.
            self.counted.push(range.clone());
            let line = self.line(range.start);
            self.draft.skip(line, slice, SkipReason::Reference);
        }
        self.push_text(t, range.start, true);
    }

    /// Text, with bare http(s) addresses as links when `links` is set.
    fn push_text(&mut self, t: &str, offset: usize, links: bool) {
        let runs = if links {
            link_runs(t)
        } else {
            vec![Inline::Text(t.to_string())]
        };
        for run in runs {
            let run = match run {
                Inline::Text(s) if self.emphasis > 0 => Inline::Emphasis(s),
                r => r,
            };
            self.push(run, offset);
        }
    }

    fn end_link(&mut self) {
        let Some(link) = self.links.pop() else { return };
        let web = link.dest.starts_with("http://") || link.dest.starts_with("https://");
        if !web {
            return;
        }
        if matches!(link.kind, LinkType::Autolink) {
            // `<https://…>`: its text is the address; one link, as written.
            if let Some(runs) = self.runs_mut() {
                if runs.len() > link.first_run {
                    runs.truncate(link.first_run);
                    runs.push(Inline::Link {
                        href: link.dest,
                        angle: true,
                    });
                }
            }
            return;
        }
        // Where the address is written: in the link itself, or (for a
        // reference link) in its definition, counted at its first use.
        let span = match link.kind {
            LinkType::Inline => Some(link.range.clone()),
            _ => {
                let key = link.id.to_lowercase();
                match self.definitions.get(&key) {
                    Some(span) if self.used_definitions.insert(key) => Some(span.clone()),
                    _ => None,
                }
            }
        };
        let Some(span) = span else { return };
        let Some(at) = self.src[span.clone()].rfind(link.dest.as_str()) else {
            return;
        };
        let start = span.start + at;
        self.counted.push(start..start + link.dest.len());
        // The model has no link text: the address follows its label, apart.
        self.push(Inline::Text(" ".into()), start);
        self.push(
            Inline::Link {
                href: link.dest,
                angle: false,
            },
            start,
        );
    }

    fn end_metadata(&mut self) {
        let Some((kind, range, body)) = self.metadata.take() else {
            return;
        };
        let line = self.line(range.start);
        self.draft
            .skip(line, &self.src[range.clone()], SkipReason::MetadataSource);
        self.counted.push(range);
        let Some((text, at)) = body else { return };
        let syntax = match kind {
            MetadataBlockKind::YamlStyle => front_matter::Syntax::Yaml,
            MetadataBlockKind::PlusesStyle => front_matter::Syntax::Toml,
        };
        let first = self.line(at.start);
        let found = front_matter::read(syntax, &text, first, &mut self.draft.meta, self.diags);
        self.draft.diagnostics.extend(found);
    }

    fn runs(&self) -> Option<&Vec<Inline>> {
        match (&self.note, &self.block) {
            (Some(n), _) => Some(&n.inlines),
            (None, Some(b)) => Some(&b.inlines),
            (None, None) => None,
        }
    }

    fn runs_mut(&mut self) -> Option<&mut Vec<Inline>> {
        match (&mut self.note, &mut self.block) {
            (Some(n), _) => Some(&mut n.inlines),
            (None, Some(b)) => Some(&mut b.inlines),
            (None, None) => None,
        }
    }

    fn open(&mut self, kind: BlockKind, offset: usize) {
        self.close_block();
        if let Some(n) = &mut self.note {
            // A heading or code block inside a footnote is part of its text.
            if !n.inlines.is_empty() {
                n.inlines.push(Inline::Text("\n".into()));
            }
            return;
        }
        self.pending_break = false;
        self.block = Some(OpenBlock {
            kind,
            inlines: Vec::new(),
            line: self.line(offset),
            keep_empty: false,
        });
    }

    /// Add a run to the note or block being read (opening a paragraph for
    /// text outside any, as in a tight list item).
    fn push(&mut self, run: Inline, offset: usize) {
        if self.note.is_none() && self.block.is_none() {
            self.open(BlockKind::Paragraph, offset);
        }
        let pending = std::mem::take(&mut self.pending_break);
        let Some(runs) = self.runs_mut() else { return };
        if pending && !runs.is_empty() {
            let before = runs.last().and_then(last_char);
            let after = first_char(&run);
            // A line break inside Chinese text joins; elsewhere it is a space.
            if !(before.is_some_and(is_cjk) && after.is_some_and(is_cjk)) {
                append(runs, Inline::Text(" ".into()));
            }
        }
        append(runs, run);
    }

    fn close_block(&mut self) {
        let Some(b) = self.block.take() else { return };
        let empty = b.inlines.iter().all(|i| match i {
            Inline::Text(t) => t.trim().is_empty(),
            _ => false,
        });
        if empty && !b.keep_empty {
            return;
        }
        self.draft.blocks.push(DraftBlock {
            within: self.frames.clone(),
            kind: b.kind,
            inlines: b.inlines,
            lines: vec![b.line],
        });
    }

    /// Title, heading levels and the syntax left over.
    fn finish(mut self) -> Draft {
        let draft = &mut self.draft;
        // Without a front matter title, a heading that opens the file is
        // the title (its text is then metadata source, not body).
        if draft.meta.title.is_empty() {
            let opening = draft.blocks.first().is_some_and(|b| {
                b.within.is_empty() && matches!(b.kind, BlockKind::Heading { .. })
            });
            if opening {
                let b = draft.blocks.remove(0);
                draft.meta.title = crate::inline::plain_text(&b.inlines).trim().to_string();
                let text = crate::inline::content_text(&b.inlines);
                draft.skip(b.lines[0], text, SkipReason::MetadataSource);
            } else {
                draft.diagnostics.push(self.diags.warn(
                    1,
                    "the file has no title: add `title:` front matter or a `# heading` first",
                ));
            }
        }
        draft.lift_headings();
        // Whatever no range holds is syntax: markup, link targets that did
        // not become links, raw HTML.
        self.counted.sort_by_key(|r| r.start);
        let mut at = 0;
        let mut gaps = Vec::new();
        for r in &self.counted {
            if r.start > at {
                gaps.push(at..r.start);
            }
            at = at.max(r.end);
        }
        if at < self.src.len() {
            gaps.push(at..self.src.len());
        }
        for gap in gaps {
            let mut offset = gap.start;
            for piece in self.src[gap.clone()].split_inclusive('\n') {
                let line = {
                    let i = self.line_starts.partition_point(|&s| s <= offset);
                    u32::try_from(i.max(1)).unwrap_or(u32::MAX)
                };
                self.draft.skip(line, piece.trim(), SkipReason::Syntax);
                offset += piece.len();
            }
        }
        self.draft
    }
}

fn last_char(run: &Inline) -> Option<char> {
    match run {
        Inline::Text(t) | Inline::Emphasis(t) => t.chars().next_back(),
        Inline::Link { href, .. } => href.chars().next_back(),
        Inline::NoteRef { .. } => None,
    }
}

fn first_char(run: &Inline) -> Option<char> {
    match run {
        Inline::Text(t) | Inline::Emphasis(t) => t.chars().next(),
        Inline::Link { href, .. } => href.chars().next(),
        Inline::NoteRef { .. } => None,
    }
}

/// Han characters and CJK punctuation, between which a line break is no
/// space.
fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{2E80}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{FE30}'..='\u{FE4F}'
        | '\u{FF00}'..='\u{FFEF}'
        | '\u{20000}'..='\u{3134F}')
}

#[cfg(test)]
mod tests {
    use crate::inline::Inline;
    use crate::model::*;
    use crate::parse::parse;

    #[test]
    fn blocks_frames_and_notes() {
        let src = "---\ntitle: 標題\nauthor: 王\n---\n\n## 前言\n\n第一段[^a]文字\n接續。[^b]\n\n- 甲\n- 乙 *Quad*\n\n> 引文[^a]\n\n| A | B |\n|---|---|\n| 1 | |\n\n[^a]: 註一。\n\n    第二段。\n\n[^b]: 同前註。\n";
        let d = parse("x.md", src);
        assert_eq!(d.meta.kind, Kind::Markdown);
        assert_eq!(d.meta.title, "標題");
        assert_eq!(d.meta.authors[0].name, "王");
        assert_eq!(d.blocks[0].heading_level(), Some(1));
        assert_eq!(d.blocks[1].plain_text(), "第一段文字接續。");
        assert_eq!(d.blocks[1].refs(), ["1", "2"]);
        let items: Vec<_> = d
            .blocks
            .iter()
            .filter(|b| matches!(b.within.first(), Some(Frame::Item { .. })))
            .collect();
        assert_eq!(items.len(), 2);
        assert!(items[1].inlines.contains(&Inline::Emphasis("Quad".into())));
        let quote = d
            .blocks
            .iter()
            .find(|b| matches!(b.within.first(), Some(Frame::Quote { .. })))
            .unwrap();
        assert_eq!(quote.refs(), ["1"]);
        let cells: Vec<_> = d
            .blocks
            .iter()
            .filter(|b| matches!(b.within.first(), Some(Frame::Cell { .. })))
            .collect();
        assert_eq!(cells.len(), 4, "an empty cell is kept");
        let n1 = d.note("1").unwrap();
        assert_eq!(n1.cited_by.len(), 2, "a note cited twice counts twice");
        assert_eq!(n1.plain_text().unwrap(), "註一。\n第二段。");
        assert_eq!(n1.marker.as_deref(), Some("[^a]"));
        assert_eq!(d.note("2").unwrap().see.as_deref(), Some("1"));
        assert!(d.diagnostics.is_empty(), "{:?}", d.diagnostics);
    }

    #[test]
    fn blocks_inside_a_footnote_stay_in_it() {
        let d = parse(
            "f.md",
            "# T\n\nA.[^1]\n\n[^1]: # H\n\n    ```\n    code\n    ```\n\nNext.\n",
        );
        assert_eq!(d.blocks.len(), 2, "{:?}", d.blocks);
        assert_eq!(d.blocks[1].plain_text(), "Next.");
        assert!(d.blocks[1].heading_level().is_none());
        let note = d.note("1").unwrap().plain_text().unwrap();
        assert!(note.starts_with("H\ncode"), "{note}");
    }

    #[test]
    fn links_only_for_http() {
        let d = parse(
            "l.md",
            "# T\n\n[報告](https://a.org/r) [x](javascript:alert(1)) <https://b.org> [r][1]\n\n[1]: http://c.org/p\n",
        );
        let links: Vec<_> = d.blocks[0]
            .inlines
            .iter()
            .filter_map(|i| match i {
                Inline::Link { href, angle } => Some((href.as_str(), *angle)),
                _ => None,
            })
            .collect();
        assert_eq!(
            links,
            [
                ("https://a.org/r", false),
                ("https://b.org", true),
                ("http://c.org/p", false)
            ]
        );
        assert_eq!(d.meta.title, "T");
    }

    #[test]
    fn absent_and_uncited_notes_are_warnings_with_lines() {
        let d = parse("w.md", "# T\n\n正文[^x]。\n\n[^y]: 無人引用。\n");
        let lines: Vec<_> = d.diagnostics.iter().map(|d| d.line).collect();
        assert_eq!(lines, [3, 5], "{:?}", d.diagnostics);
        assert!(d.diagnostics[0].message.contains("[^x]"));
        assert!(d.diagnostics[1]
            .message
            .contains("nothing in the document cites"));
    }

    #[test]
    fn bad_front_matter_is_an_error_on_its_line() {
        let d = parse("b.md", "---\ntitle: a\nauthors: [b\n---\n\nText.\n");
        assert!(d.has_errors());
        assert!(d.diagnostics.iter().any(|x| x.line >= 3 && x.line <= 4));
    }
}
