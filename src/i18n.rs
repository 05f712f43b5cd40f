//! Interface language. Every piece of UI text is written in both languages at
//! the place it is shown (`lang.pick("目錄", "Contents")`), so nothing can be
//! translated in one language and forgotten in the other. Corpus text is never
//! translated. The app root provides the reader's choice as a context.

use yew::prelude::*;

/// The interface language.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Lang {
    /// Traditional Chinese (the default).
    #[default]
    Zh,
    /// English.
    En,
}

impl Lang {
    /// The text for this language.
    pub fn pick(self, zh: &'static str, en: &'static str) -> &'static str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }

    /// The BCP 47 tag for `lang` attributes.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Zh => "zh-Hant",
            Lang::En => "en",
        }
    }
}

/// The current interface language (Chinese when no provider is mounted,
/// e.g. in component tests).
#[hook]
pub fn use_lang() -> Lang {
    use_context::<Lang>().unwrap_or_default()
}
