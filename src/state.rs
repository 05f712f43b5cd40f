//! App-wide reader preferences — theme, interface language, font size,
//! Simplified display, full-width punctuation, glossary marks and bilingual
//! mode — in one reducer
//! behind a context, persisted in local storage and reflected on `<html>`
//! (`data-theme`, `data-font`, `lang`) so the stylesheet can follow them.

use crate::hooks::local_storage;
use crate::i18n::Lang;
use std::rc::Rc;
use yew::prelude::*;

/// The local-storage key the preferences live under.
pub const PREFS_KEY: &str = "lattice.prefs";

/// Colour scheme.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    /// Follow the system setting.
    #[default]
    System,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

impl Theme {
    /// The name stored and set as `data-theme`.
    pub fn as_str(self) -> &'static str {
        match self {
            Theme::System => "system",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    /// The theme with this name.
    pub fn from_name(name: &str) -> Option<Theme> {
        [Theme::System, Theme::Light, Theme::Dark]
            .into_iter()
            .find(|t| t.as_str() == name)
    }
}

/// Font-size steps; [`Prefs::font_step`] indexes this (percent of the default).
pub const FONT_STEPS: [u8; 5] = [88, 100, 112, 125, 140];
/// The default step (100 %).
pub const DEFAULT_FONT_STEP: u8 = 1;

/// Everything the reader chooses once and keeps.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Prefs {
    /// Colour scheme.
    pub theme: Theme,
    /// Interface language.
    pub lang: Lang,
    /// Index into [`FONT_STEPS`].
    pub font_step: u8,
    /// Show corpus text in Simplified characters: the reader's choice once
    /// the Traditional→Simplified table is at hand (src/fold_table.rs).
    pub simplified: bool,
    /// The reader's choice of the Simplified display (what is stored).
    pub wants_simplified: bool,
    /// Mark glossary terms in the text.
    pub terms: bool,
    /// Show each marked term's other-language form beside it.
    pub bilingual: bool,
    /// Show half-width punctuation inside Chinese text full-width.
    pub punctuation: bool,
}

impl Default for Prefs {
    fn default() -> Self {
        Prefs {
            theme: Theme::System,
            lang: Lang::Zh,
            font_step: DEFAULT_FONT_STEP,
            simplified: false,
            wants_simplified: false,
            terms: false,
            bilingual: false,
            punctuation: false,
        }
    }
}

impl Prefs {
    /// Parse the stored form (`theme=dark;lang=en;font=2;simp=1;terms=0;bi=0;punct=1`);
    /// anything unknown or malformed keeps its default.
    pub fn parse(stored: &str) -> Prefs {
        let mut prefs = Prefs::default();
        for pair in stored.split(';') {
            let Some((key, value)) = pair.split_once('=') else {
                continue;
            };
            let on = value == "1";
            match key {
                "theme" => prefs.theme = Theme::from_name(value).unwrap_or_default(),
                "lang" => prefs.lang = if value == "en" { Lang::En } else { Lang::Zh },
                "font" => {
                    if let Ok(step) = value.parse::<u8>() {
                        prefs.font_step = step.min(FONT_STEPS.len() as u8 - 1);
                    }
                }
                "simp" => {
                    prefs.wants_simplified = on;
                    prefs.simplified = on && crate::fold_table::ready();
                }
                "terms" => prefs.terms = on,
                "bi" => prefs.bilingual = on,
                "punct" => prefs.punctuation = on,
                _ => {}
            }
        }
        prefs
    }

    /// The stored form, read back by [`Prefs::parse`].
    pub fn serialize(&self) -> String {
        let flag = |b: bool| if b { "1" } else { "0" };
        format!(
            "theme={};lang={};font={};simp={};terms={};bi={};punct={}",
            self.theme.as_str(),
            match self.lang {
                Lang::Zh => "zh",
                Lang::En => "en",
            },
            self.font_step,
            flag(self.wants_simplified),
            flag(self.terms),
            flag(self.bilingual),
            flag(self.punctuation)
        )
    }

    /// The preferences stored in this browser, or the defaults with the
    /// site's interface language (src/site.rs).
    pub fn load() -> Prefs {
        local_storage::read(PREFS_KEY)
            .map(|s| Prefs::parse(&s))
            .unwrap_or_else(|| Prefs {
                lang: crate::site::Site::current().lang.unwrap_or_default(),
                ..Prefs::default()
            })
    }

    /// The font size in percent of the default.
    pub fn font_percent(&self) -> u8 {
        FONT_STEPS[usize::from(self.font_step).min(FONT_STEPS.len() - 1)]
    }
}

/// A change the reader asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PrefsAction {
    /// Choose a colour scheme.
    SetTheme(Theme),
    /// Choose the interface language.
    SetLang(Lang),
    /// One font step larger.
    FontLarger,
    /// One font step smaller.
    FontSmaller,
    /// Simplified display on/off.
    ToggleSimplified,
    /// Glossary marks on/off.
    ToggleTerms,
    /// Bilingual mode on/off (it glosses the terms whether or not they are
    /// marked, and leaves the marks switch as it was).
    ToggleBilingual,
    /// Full-width punctuation inside Chinese on/off.
    TogglePunctuation,
    /// The Traditional→Simplified table arrived (or failed to).
    FoldTable,
}

impl Reducible for Prefs {
    type Action = PrefsAction;

    fn reduce(self: Rc<Self>, action: PrefsAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            PrefsAction::SetTheme(theme) => next.theme = theme,
            PrefsAction::SetLang(lang) => next.lang = lang,
            PrefsAction::FontLarger => {
                next.font_step = (next.font_step + 1).min(FONT_STEPS.len() as u8 - 1)
            }
            PrefsAction::FontSmaller => next.font_step = next.font_step.saturating_sub(1),
            PrefsAction::ToggleSimplified => next.wants_simplified = !next.wants_simplified,
            PrefsAction::FoldTable => {}
            PrefsAction::ToggleTerms => next.terms = !next.terms,
            PrefsAction::ToggleBilingual => next.bilingual = !next.bilingual,
            PrefsAction::TogglePunctuation => next.punctuation = !next.punctuation,
        }
        next.simplified = next.wants_simplified && crate::fold_table::ready();
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}

/// The preferences handle every component reads and dispatches to.
pub type PrefsHandle = UseReducerHandle<Prefs>;

/// Make a change the reader asked for, keeping the paragraph being read
/// where it is on the screen (the provider puts it back once redrawn).
pub fn change(prefs: &PrefsHandle, action: PrefsAction) {
    crate::hooks::reading::hold_place();
    prefs.dispatch(action);
}

/// The current preferences: the provider's, or the defaults (e.g. in
/// component tests that mount a widget alone).
#[hook]
pub fn use_prefs() -> Option<PrefsHandle> {
    use_context::<PrefsHandle>()
}

/// Props: what the provider wraps.
#[derive(Properties, PartialEq)]
pub struct PrefsProviderProps {
    /// The app.
    pub children: Html,
}

/// Loads the stored preferences, provides them (and the interface [`Lang`])
/// to everything inside, and stores and applies every change.
#[component]
pub fn PrefsProvider(props: &PrefsProviderProps) -> Html {
    let prefs = use_reducer(Prefs::load);
    // The Simplified display needs the Traditional→Simplified table,
    // fetched the first time it is asked for.
    use_effect_with(prefs.wants_simplified, {
        let prefs = prefs.clone();
        move |wants| {
            if *wants {
                crate::fold_table::load(Callback::from(move |()| {
                    prefs.dispatch(PrefsAction::FoldTable)
                }));
            }
        }
    });
    use_effect_with((*prefs).clone(), |prefs| {
        local_storage::write(PREFS_KEY, &prefs.serialize());
        apply(prefs);
        // The page has been redrawn with the change: put the reader back.
        crate::hooks::reading::restore_place();
    });
    let lang = prefs.lang;
    html! {
        <ContextProvider<PrefsHandle> context={prefs}>
            <ContextProvider<Lang> context={lang}>
                { props.children.clone() }
            </ContextProvider<Lang>>
        </ContextProvider<PrefsHandle>>
    }
}

/// Reflect the preferences on `<html>` for the stylesheet.
fn apply(prefs: &Prefs) {
    let Some(root) = gloo::utils::document().document_element() else {
        return;
    };
    let _ = root.set_attribute("data-theme", prefs.theme.as_str());
    let _ = root.set_attribute("data-font", &prefs.font_step.to_string());
    let _ = root.set_attribute("lang", prefs.lang.tag());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_punctuation_option_is_stored_and_read_back() {
        let on = Prefs {
            punctuation: true,
            ..Prefs::default()
        };
        assert!(on.serialize().contains("punct=1"));
        assert_eq!(Prefs::parse(&on.serialize()), on);
        // Stored before the option existed: off.
        let old = Prefs::parse("theme=dark;lang=en;font=2;simp=1;terms=0;bi=1");
        assert!(!old.punctuation && old.wants_simplified && old.bilingual);
        // The core's table is built in here (tests), so the display follows.
        assert!(old.simplified);
        let toggled = Rc::new(Prefs::default()).reduce(PrefsAction::TogglePunctuation);
        assert!(toggled.punctuation);
    }
}
