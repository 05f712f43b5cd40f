//! A small element tree over quick-xml's events, for the parts of a Word
//! package: they are small enough to hold whole, and a tree lets the reader
//! skip a deletion or descend into an insertion by structure rather than by
//! tracking state across events.
//!
//! Names are kept as written (`w:p`): Word and the tools that write `.docx`
//! bind the WordprocessingML namespace to `w:`.

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

/// An element: its qualified name, attributes and children in order.
#[derive(Debug, Default)]
pub(super) struct Element {
    pub(super) name: String,
    attrs: Vec<(String, String)>,
    pub(super) children: Vec<Node>,
}

/// A child of an element.
#[derive(Debug)]
pub(super) enum Node {
    Element(Element),
    Text(String),
}

/// Why a part is not well-formed XML: the message and the byte offset.
#[derive(Debug)]
pub(super) struct XmlError {
    pub(super) message: String,
    pub(super) offset: usize,
}

impl Element {
    /// The value of an attribute (`w:val`).
    pub(super) fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// Child elements, in order.
    pub(super) fn elements(&self) -> impl Iterator<Item = &Element> {
        self.children.iter().filter_map(|c| match c {
            Node::Element(e) => Some(e),
            Node::Text(_) => None,
        })
    }

    /// The first child element with this name.
    pub(super) fn child(&self, name: &str) -> Option<&Element> {
        self.elements().find(|e| e.name == name)
    }

    /// The text directly inside this element.
    pub(super) fn text(&self) -> String {
        self.children
            .iter()
            .filter_map(|c| match c {
                Node::Text(t) => Some(t.as_str()),
                Node::Element(_) => None,
            })
            .collect()
    }

    /// Every descendant element with this name, in document order.
    pub(super) fn descendants<'a>(&'a self, name: &'a str, out: &mut Vec<&'a Element>) {
        for e in self.elements() {
            if e.name == name {
                out.push(e);
            }
            e.descendants(name, out);
        }
    }
}

fn start(e: &BytesStart<'_>) -> Result<Element, String> {
    let name = String::from_utf8_lossy(e.name().as_ref()).into_owned();
    let mut attrs = Vec::new();
    for a in e.attributes() {
        let a = a.map_err(|x| x.to_string())?;
        let key = String::from_utf8_lossy(a.key.as_ref()).into_owned();
        let value = a
            .normalized_value(quick_xml::XmlVersion::Implicit1_0)
            .map_err(|x| x.to_string())?
            .into_owned();
        attrs.push((key, value));
    }
    Ok(Element {
        name,
        attrs,
        children: Vec::new(),
    })
}

/// Deeper nesting is refused: no real document comes near it, and the tree
/// is walked recursively.
const MAX_DEPTH: usize = 200;

/// Parse a whole part into a root holding its top-level elements.
pub(super) fn parse(text: &str) -> Result<Element, XmlError> {
    let mut reader = Reader::from_str(text);
    let mut stack: Vec<Element> = vec![Element::default()];
    let at = |reader: &Reader<&[u8]>| usize::try_from(reader.buffer_position()).unwrap_or(0);
    loop {
        let event = reader.read_event().map_err(|e| XmlError {
            message: e.to_string(),
            offset: usize::try_from(reader.error_position()).unwrap_or(0),
        })?;
        let fail = |message: String| XmlError {
            message,
            offset: at(&reader),
        };
        match event {
            Event::Start(e) => {
                if stack.len() > MAX_DEPTH {
                    return Err(fail(format!("elements nested deeper than {MAX_DEPTH}")));
                }
                stack.push(start(&e).map_err(fail)?)
            }
            Event::Empty(e) => {
                let el = start(&e).map_err(fail)?;
                if let Some(top) = stack.last_mut() {
                    top.children.push(Node::Element(el));
                }
            }
            Event::End(_) => {
                if stack.len() < 2 {
                    return Err(fail("a closing tag without its opening tag".into()));
                }
                if let (Some(done), Some(parent)) = (stack.pop(), stack.last_mut()) {
                    parent.children.push(Node::Element(done));
                }
            }
            Event::Text(t) => {
                let s = t.decode().map_err(|e| fail(e.to_string()))?;
                push_text(&mut stack, &s);
            }
            Event::CData(t) => {
                let s = t.decode().map_err(|e| fail(e.to_string()))?;
                push_text(&mut stack, &s);
            }
            Event::GeneralRef(r) => {
                let c = match r.resolve_char_ref().map_err(|e| fail(e.to_string()))? {
                    Some(c) => c,
                    None => match r.decode().map_err(|e| fail(e.to_string()))?.as_ref() {
                        "amp" => '&',
                        "lt" => '<',
                        "gt" => '>',
                        "quot" => '"',
                        "apos" => '\'',
                        other => return Err(fail(format!("unknown entity &{other};"))),
                    },
                };
                push_text(&mut stack, c.encode_utf8(&mut [0; 4]));
            }
            Event::Eof => break,
            Event::Decl(_) | Event::PI(_) | Event::DocType(_) | Event::Comment(_) => {}
        }
    }
    if stack.len() != 1 {
        return Err(XmlError {
            message: "the part ends inside an element".into(),
            offset: text.len(),
        });
    }
    Ok(stack.pop().unwrap_or_default())
}

fn push_text(stack: &mut [Element], s: &str) {
    let Some(top) = stack.last_mut() else { return };
    match top.children.last_mut() {
        Some(Node::Text(t)) => t.push_str(s),
        _ => top.children.push(Node::Text(s.to_string())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tree_with_text_and_references() {
        let root = parse(r#"<?xml version="1.0"?><w:p a="1"><w:t xml:space="preserve">A &amp; B&#x4E2D;</w:t><w:br/></w:p>"#).unwrap();
        let p = root.child("w:p").unwrap();
        assert_eq!(p.attr("a"), Some("1"));
        assert_eq!(p.child("w:t").unwrap().text(), "A & B中");
        assert!(p.child("w:br").is_some());
    }

    #[test]
    fn malformed_is_an_error() {
        assert!(parse("<a><b></a>").is_err());
        assert!(parse("<a>").is_err());
        assert!(parse("</a>").is_err());
        assert!(parse("<a>&nope;</a>").is_err());
        assert!(parse(&"<a>".repeat(1000)).is_err());
    }
}
