//! The reader's display switches above a document: Simplified characters,
//! full-width punctuation inside Chinese, glossary-term marks and bilingual
//! mode (toggle buttons, `aria-pressed`).

use crate::i18n::use_lang;
use crate::state::{change, use_prefs, PrefsAction};
use yew::prelude::*;

/// Props: the contents' state, for the toolbar's own contents button.
#[derive(Properties, PartialEq)]
pub struct ReaderToolbarProps {
    /// Whether the contents are unfolded; `None` for a document without.
    #[prop_or_default]
    pub contents: Option<bool>,
    /// Fold or unfold the contents.
    #[prop_or_default]
    pub on_contents: Callback<bool>,
}

/// The display switches.
#[component]
pub fn ReaderToolbar(props: &ReaderToolbarProps) -> Html {
    let lang = use_lang();
    let Some(prefs) = use_prefs() else {
        return Html::default();
    };
    let toggle = |action: PrefsAction,
                  on: bool,
                  class: &'static str,
                  zh: &'static str,
                  en: &'static str| {
        let prefs = prefs.clone();
        html! {
            <button type="button" class={classes!("toggle", class)} aria-pressed={on.to_string()}
                onclick={Callback::from(move |_: MouseEvent| change(&prefs, action))}>
                { lang.pick(zh, en) }
            </button>
        }
    };
    html! {
        <div class="reader-toolbar" role="group" aria-label={lang.pick("顯示選項", "Display")}>
            if let Some(open) = props.contents {
                <button type="button" class="toc-jump" aria-expanded={open.to_string()}
                    aria-controls="lattice-toc-list"
                    onclick={let on = props.on_contents.clone(); Callback::from(move |_: MouseEvent| on.emit(!open))}>
                    { lang.pick("目錄", "Contents") }
                </button>
            }
            { toggle(PrefsAction::ToggleSimplified, prefs.simplified, "toggle-simplified", "簡體顯示", "Simplified") }
            { toggle(PrefsAction::TogglePunctuation, prefs.punctuation, "toggle-punctuation", "全形標點", "Full-width punctuation") }
            { toggle(PrefsAction::ToggleTerms, prefs.terms, "toggle-terms", "標示詞彙", "Mark terms") }
            { toggle(PrefsAction::ToggleBilingual, prefs.bilingual, "toggle-bilingual", "雙語對照", "Bilingual") }
        </div>
    }
}
