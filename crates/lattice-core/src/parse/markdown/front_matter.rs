//! A Markdown file's front matter — YAML between `---` lines or TOML between
//! `+++` lines — read into the document's metadata: title, authors, date,
//! keywords and the citation fields. Both syntaxes become one small tree of
//! values first, so the fields are read once whatever the syntax.
//!
//! Front matter that does not parse is an error with the line of the
//! mistake; a field of the wrong shape is a warning naming the field.

use crate::diagnostic::Diagnostic;
use crate::model::{Author, Date, Meta};
use crate::parse::lines::parse_date;
use crate::parse::Diags;

/// The two front matter syntaxes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Syntax {
    /// `---` … `---`.
    Yaml,
    /// `+++` … `+++`.
    Toml,
}

/// A front matter value, whatever the syntax.
#[derive(Debug, PartialEq)]
enum Value {
    Text(String),
    List(Vec<Value>),
    Map(Vec<(String, Value)>),
    /// YAML's `~` or an empty field.
    Empty,
}

/// Read `text` (the lines between the delimiters; its first line is source
/// line `first_line`) into `meta`.
pub(super) fn read(
    syntax: Syntax,
    text: &str,
    first_line: u32,
    meta: &mut Meta,
    diags: &Diags<'_>,
) -> Vec<Diagnostic> {
    let parsed = match syntax {
        Syntax::Yaml => yaml(text),
        Syntax::Toml => toml(text),
    };
    let fields = match parsed {
        Ok(Value::Map(fields)) => fields,
        Ok(Value::Empty) => Vec::new(),
        Ok(_) => {
            return vec![diags.error(
                first_line,
                "the front matter must be `key: value` fields (title, author, date, …)",
            )]
        }
        Err((line, message)) => {
            let name = match syntax {
                Syntax::Yaml => "YAML",
                Syntax::Toml => "TOML",
            };
            // The parser's own positions count from the front matter, not
            // the file: the diagnostic's line says where.
            let message = message.split(" at line ").next().unwrap_or(&message);
            return vec![diags.error(
                first_line + line.saturating_sub(1),
                format!("the front matter is not valid {name}: {message}"),
            )];
        }
    };
    let mut out = Vec::new();
    for (key, value) in fields {
        let line = first_line + line_of_key(text, &key);
        let mut wrong = |what: &str| {
            out.push(diags.warn(
                line,
                format!("front matter `{key}` should be {what}; ignored"),
            ));
        };
        let key_norm = key.to_ascii_lowercase().replace(['-', ' '], "_");
        let c = &mut meta.citation;
        match key_norm.as_str() {
            "title" => set_text(&mut meta.title, value, &mut wrong),
            "subtitle" => set_opt(&mut meta.subtitle, value, &mut wrong),
            "author" | "authors" => match authors(value) {
                Some(a) => meta.authors = a,
                None => wrong("a name or a list of names"),
            },
            "date" => match text_of(value) {
                Some(s) => match date(&s) {
                    Some(d) => meta.date = Some(d),
                    None => wrong("a date written YYYY-MM-DD"),
                },
                None => wrong("a date written YYYY-MM-DD"),
            },
            "keywords" | "tags" => match list(value) {
                Some(k) => meta.keywords = k,
                None => wrong("a list of keywords"),
            },
            "english_title" | "title_en" | "title_english" => {
                set_opt(&mut c.english_title, value, &mut wrong)
            }
            "url" | "source" | "source_url" => set_opt(&mut c.url, value, &mut wrong),
            "book" | "series" | "container" | "booktitle" | "container_title" | "book_title" => {
                set_opt(&mut c.container, value, &mut wrong)
            }
            "editor" | "editors" => match list(value) {
                Some(e) => c.editors = e,
                None => wrong("a name or a list of names"),
            },
            "publisher" => set_opt(&mut c.publisher, value, &mut wrong),
            "place" | "publisher_place" | "location" => set_opt(&mut c.place, value, &mut wrong),
            "year" => set_opt(&mut c.year, value, &mut wrong),
            "pages" | "page" => set_opt(&mut c.pages, value, &mut wrong),
            "doi" => set_opt(&mut c.doi, value, &mut wrong),
            _ => {}
        }
    }
    out
}

/// The 0-based line offset, within the front matter, of the line that sets
/// `key` (0 when it cannot be found, e.g. a TOML dotted key).
fn line_of_key(text: &str, key: &str) -> u32 {
    text.lines()
        .position(|l| {
            let l = l.trim_start().trim_start_matches('"');
            l.starts_with(key)
                && l[key.len()..]
                    .trim_start_matches('"')
                    .trim_start()
                    .starts_with([':', '='])
        })
        .map_or(0, |i| u32::try_from(i).unwrap_or(u32::MAX))
}

fn set_text(slot: &mut String, value: Value, wrong: &mut impl FnMut(&str)) {
    match text_of(value) {
        Some(s) => *slot = s,
        None => wrong("text"),
    }
}

fn set_opt(slot: &mut Option<String>, value: Value, wrong: &mut impl FnMut(&str)) {
    match value {
        Value::Empty => {}
        v => match text_of(v) {
            Some(s) => *slot = Some(s),
            None => wrong("text"),
        },
    }
}

fn text_of(value: Value) -> Option<String> {
    match value {
        Value::Text(s) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
        _ => None,
    }
}

/// A list of texts, or one text of items separated by commas, `、` or `;`.
fn list(value: Value) -> Option<Vec<String>> {
    match value {
        Value::Text(s) => Some(
            s.split([',', '，', '、', ';', '；'])
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(String::from)
                .collect(),
        ),
        Value::List(items) => items.into_iter().map(text_of).collect(),
        Value::Empty => Some(Vec::new()),
        Value::Map(_) => None,
    }
}

/// `author: 王小明`, `authors: [A, B]`, or a list of `{name, affiliation}`.
fn authors(value: Value) -> Option<Vec<Author>> {
    let one = |v: Value| -> Option<Author> {
        match v {
            Value::Text(name) => Some(Author {
                name: name.trim().to_string(),
                affiliation: None,
                note: None,
            }),
            Value::Map(fields) => {
                let mut name = None;
                let mut affiliation = None;
                for (k, v) in fields {
                    match k.to_ascii_lowercase().as_str() {
                        "name" => name = text_of(v),
                        "affiliation" | "institute" | "organization" => affiliation = text_of(v),
                        _ => {}
                    }
                }
                Some(Author {
                    name: name?,
                    affiliation,
                    note: None,
                })
            }
            _ => None,
        }
    };
    match value {
        Value::List(items) => items.into_iter().map(one).collect(),
        Value::Empty => Some(Vec::new()),
        v => one(v).map(|a| vec![a]),
    }
}

fn date(s: &str) -> Option<Date> {
    // TOML dates and YAML timestamps may carry a time after the day.
    let day = s.split(['T', ' ']).next().unwrap_or(s);
    let (year, month, day) = parse_date(day)?;
    Some(Date {
        year,
        month,
        day,
        source: s.to_string(),
    })
}

type ParseError = (u32, String);

fn yaml(text: &str) -> Result<Value, ParseError> {
    let value: serde_yaml_ng::Value = serde_yaml_ng::from_str(text).map_err(|e| {
        let line = e.location().map_or(1, |l| l.line());
        (u32::try_from(line).unwrap_or(u32::MAX), e.to_string())
    })?;
    Ok(from_yaml(value))
}

fn from_yaml(v: serde_yaml_ng::Value) -> Value {
    use serde_yaml_ng::Value as Y;
    match v {
        Y::Null => Value::Empty,
        Y::Bool(b) => Value::Text(b.to_string()),
        Y::Number(n) => Value::Text(n.to_string()),
        Y::String(s) => Value::Text(s),
        Y::Sequence(items) => Value::List(items.into_iter().map(from_yaml).collect()),
        Y::Mapping(m) => Value::Map(
            m.into_iter()
                .filter_map(|(k, v)| match from_yaml(k) {
                    Value::Text(k) => Some((k, from_yaml(v))),
                    _ => None,
                })
                .collect(),
        ),
        Y::Tagged(t) => from_yaml(t.value),
    }
}

fn toml(text: &str) -> Result<Value, ParseError> {
    let table: toml::Table = toml::from_str(text).map_err(|e| {
        let at = e.span().map_or(0, |s| s.start).min(text.len());
        let line = 1 + text.as_bytes()[..at]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        (
            u32::try_from(line).unwrap_or(u32::MAX),
            e.message().to_string(),
        )
    })?;
    Ok(from_toml(toml::Value::Table(table)))
}

fn from_toml(v: toml::Value) -> Value {
    use toml::Value as T;
    match v {
        T::String(s) => Value::Text(s),
        T::Integer(i) => Value::Text(i.to_string()),
        T::Boolean(b) => Value::Text(b.to_string()),
        T::Datetime(d) => Value::Text(d.to_string()),
        // No float is ever formatted (it would weigh on the app's size); a
        // front matter float has no field to go to.
        T::Float(_) => Value::Empty,
        T::Array(items) => Value::List(items.into_iter().map(from_toml).collect()),
        T::Table(t) => Value::Map(t.into_iter().map(|(k, v)| (k, from_toml(v))).collect()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Kind;

    fn meta() -> Meta {
        Meta::empty(Kind::Markdown)
    }

    const D: Diags<'static> = Diags { file: "f.md" };

    #[test]
    fn yaml_fields() {
        let mut m = meta();
        let text = "title: 四方安全對話\nauthors:\n  - 王小明\n  - name: Jane Doe\n    affiliation: ANU\ndate: 2025-07-04\ntags: [Quad, AUKUS]\neditors: 李四, 張三\nyear: 2025\ndoi: 10.1000/xyz\n";
        let d = read(Syntax::Yaml, text, 2, &mut m, &D);
        assert!(d.is_empty(), "{d:?}");
        assert_eq!(m.title, "四方安全對話");
        assert_eq!(m.authors[1].name, "Jane Doe");
        assert_eq!(m.authors[1].affiliation.as_deref(), Some("ANU"));
        assert_eq!(
            m.date.as_ref().map(|d| d.to_string()).as_deref(),
            Some("2025-07-04")
        );
        assert_eq!(m.keywords, ["Quad", "AUKUS"]);
        assert_eq!(m.citation.editors, ["李四", "張三"]);
        assert_eq!(m.citation.year.as_deref(), Some("2025"));
        assert_eq!(m.citation.doi.as_deref(), Some("10.1000/xyz"));
    }

    #[test]
    fn toml_fields() {
        let mut m = meta();
        let text = "title = \"Quad\"\nauthor = \"A. B.\"\ndate = 2024-02-29\nkeywords = \"a, b\"\n";
        let d = read(Syntax::Toml, text, 2, &mut m, &D);
        assert!(d.is_empty(), "{d:?}");
        assert_eq!(m.title, "Quad");
        assert_eq!(m.authors[0].name, "A. B.");
        assert_eq!(m.date.map(|d| d.day), Some(29));
        assert_eq!(m.keywords, ["a", "b"]);
    }

    #[test]
    fn errors_carry_the_line() {
        let mut m = meta();
        let d = read(Syntax::Yaml, "title: a\nauthors: [b\n", 2, &mut m, &D);
        assert_eq!(d.len(), 1);
        assert!(d[0].line >= 3, "{d:?}");
        assert!(d[0].message.contains("not valid YAML"), "{d:?}");
        let d = read(Syntax::Toml, "title = \"a\"\ndate = = 2\n", 5, &mut m, &D);
        assert_eq!(d[0].line, 6, "{d:?}");
        let d = read(Syntax::Yaml, "- a\n- b\n", 2, &mut m, &D);
        assert!(d[0].message.contains("key: value"));
        let d = read(Syntax::Yaml, "title: x\ndate: soon\n", 2, &mut m, &D);
        assert_eq!((d[0].line, d[0].message.contains("`date`")), (3, true));
    }
}
