//! What a Word paragraph's style and numbering mean: the built-in style
//! names (`heading 1`, `Title`, `Quote`; Word stores them in English
//! whatever the interface language, while style ids may be localised), and
//! whether a numbered paragraph's list shows numbers or bullets.

use super::xml::Element;
use std::collections::HashMap;

/// The role of a paragraph, from its style.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Role {
    Title,
    Subtitle,
    Author,
    Date,
    Heading(u8),
    Quote,
    Body,
}

/// Style ids to names, from `word/styles.xml`.
#[derive(Debug, Default)]
pub(super) struct Styles {
    names: HashMap<String, String>,
}

impl Styles {
    pub(super) fn read(root: &Element) -> Self {
        let mut styles = Vec::new();
        root.descendants("w:style", &mut styles);
        let names = styles
            .into_iter()
            .filter_map(|s| {
                let id = s.attr("w:styleId")?;
                let name = s.child("w:name")?.attr("w:val")?;
                Some((id.to_string(), name.to_lowercase()))
            })
            .collect();
        Styles { names }
    }

    /// The role of a paragraph with this style id.
    pub(super) fn role(&self, id: &str) -> Role {
        let name = self
            .names
            .get(id)
            .cloned()
            .unwrap_or_else(|| id.to_lowercase());
        let compact: String = name.chars().filter(|c| !c.is_whitespace()).collect();
        match compact.as_str() {
            "title" => Role::Title,
            "subtitle" => Role::Subtitle,
            "author" => Role::Author,
            "date" => Role::Date,
            "quote" | "intensequote" | "blocktext" => Role::Quote,
            _ => match compact.strip_prefix("heading").map(str::parse::<u8>) {
                Some(Ok(n)) if (1..=9).contains(&n) => Role::Heading(n),
                _ => Role::Body,
            },
        }
    }
}

/// A numbering level's look: numbered or bulleted, and its first number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Level {
    pub(super) ordered: bool,
    pub(super) start: u32,
}

/// `w:numId` and level to how that list level looks, from
/// `word/numbering.xml`.
#[derive(Debug, Default)]
pub(super) struct Numbering {
    levels: HashMap<(String, u8), Level>,
}

impl Numbering {
    pub(super) fn read(root: &Element) -> Self {
        let mut abstracts = Vec::new();
        root.descendants("w:abstractNum", &mut abstracts);
        let mut by_abstract: HashMap<&str, Vec<(u8, Level)>> = HashMap::new();
        for a in abstracts {
            let Some(id) = a.attr("w:abstractNumId") else {
                continue;
            };
            let levels = a
                .elements()
                .filter(|l| l.name == "w:lvl")
                .filter_map(|l| {
                    let ilvl = l.attr("w:ilvl")?.parse().ok()?;
                    let fmt = l.child("w:numFmt").and_then(|f| f.attr("w:val"));
                    let start = l
                        .child("w:start")
                        .and_then(|s| s.attr("w:val"))
                        .and_then(|v| v.parse().ok())
                        .unwrap_or(1);
                    let ordered = !matches!(fmt, Some("bullet") | Some("none"));
                    Some((ilvl, Level { ordered, start }))
                })
                .collect();
            by_abstract.insert(id, levels);
        }
        let mut nums = Vec::new();
        root.descendants("w:num", &mut nums);
        let mut levels = HashMap::new();
        for n in nums {
            let (Some(num), Some(abs)) = (
                n.attr("w:numId"),
                n.child("w:abstractNumId").and_then(|a| a.attr("w:val")),
            ) else {
                continue;
            };
            for (ilvl, level) in by_abstract.get(abs).into_iter().flatten() {
                levels.insert((num.to_string(), *ilvl), *level);
            }
        }
        Numbering { levels }
    }

    /// How level `ilvl` of list `num` looks (bulleted when unknown).
    pub(super) fn level(&self, num: &str, ilvl: u8) -> Level {
        self.levels
            .get(&(num.to_string(), ilvl))
            .copied()
            .unwrap_or(Level {
                ordered: false,
                start: 0,
            })
    }
}
