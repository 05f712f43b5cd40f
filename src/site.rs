//! The site's own name: the title, subtitle and default interface language
//! `lattice build` writes into index.html as `lattice-site-*` metas (from the
//! folder's lattice.toml), read once at start so the header shows them with
//! no extra request. An app built without them shows its own name.

use crate::i18n::Lang;

/// The site's settings as index.html carries them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Site {
    title: [Option<String>; 2],
    subtitle: [Option<String>; 2],
    /// The interface language a reader who has not chosen one gets.
    pub lang: Option<Lang>,
}

impl Site {
    /// The settings from `meta(name)`, the content of the meta named
    /// `lattice-site-{name}` if any; blank values count as unset.
    pub fn parse(meta: impl Fn(&str) -> Option<String>) -> Site {
        let get = |name: &str| meta(name).filter(|v| !v.trim().is_empty());
        Site {
            title: [get("title"), get("title-en")],
            subtitle: [get("subtitle"), get("subtitle-en")],
            lang: get("lang").map(|l| if l == "en" { Lang::En } else { Lang::Zh }),
        }
    }

    /// The settings of this page (read once).
    pub fn current() -> &'static Site {
        thread_local! {
            static SITE: &'static Site = Box::leak(Box::new(Site::parse(read_meta)));
        }
        SITE.with(|s| *s)
    }

    /// The title in `lang`, else in the other language, else `default`.
    pub fn title<'a>(&'a self, lang: Lang, default: &'a str) -> &'a str {
        pick(&self.title, lang, default)
    }

    /// The subtitle in `lang`, else in the other language, else `default`.
    pub fn subtitle<'a>(&'a self, lang: Lang, default: &'a str) -> &'a str {
        pick(&self.subtitle, lang, default)
    }
}

fn pick<'a>(texts: &'a [Option<String>; 2], lang: Lang, default: &'a str) -> &'a str {
    let (first, second) = match lang {
        Lang::Zh => (&texts[0], &texts[1]),
        Lang::En => (&texts[1], &texts[0]),
    };
    first.as_deref().or(second.as_deref()).unwrap_or(default)
}

/// The content of `<meta name="lattice-site-{name}">`.
fn read_meta(name: &str) -> Option<String> {
    gloo::utils::document()
        .query_selector(&format!("meta[name=\"lattice-site-{name}\"]"))
        .ok()
        .flatten()?
        .get_attribute("content")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_fall_back_to_the_other_language_then_the_default() {
        let site = Site::parse(|name| match name {
            "title" => Some("文庫".into()),
            "title-en" => Some("Library".into()),
            "subtitle" => Some("論文".into()),
            "subtitle-en" => Some("  ".into()),
            "lang" => Some("en".into()),
            _ => None,
        });
        assert_eq!(site.title(Lang::Zh, "d"), "文庫");
        assert_eq!(site.title(Lang::En, "d"), "Library");
        assert_eq!(site.subtitle(Lang::En, "d"), "論文");
        assert_eq!(site.lang, Some(Lang::En));
        let none = Site::parse(|_| None);
        assert_eq!(none.title(Lang::En, "Lattice"), "Lattice");
        assert_eq!(none.lang, None);
    }
}
