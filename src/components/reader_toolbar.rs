//! The reader's display switches above a document: Simplified characters,
//! glossary-term marks and bilingual mode (toggle buttons, `aria-pressed`).

use crate::i18n::use_lang;
use crate::state::{use_prefs, PrefsAction};
use yew::prelude::*;

/// The display switches.
#[component]
pub fn ReaderToolbar() -> Html {
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
                onclick={Callback::from(move |_: MouseEvent| prefs.dispatch(action))}>
                { lang.pick(zh, en) }
            </button>
        }
    };
    html! {
        <div class="reader-toolbar" role="group" aria-label={lang.pick("顯示選項", "Display")}>
            { toggle(PrefsAction::ToggleSimplified, prefs.simplified, "toggle-simplified", "簡體顯示", "Simplified") }
            { toggle(PrefsAction::ToggleTerms, prefs.terms, "toggle-terms", "標示詞彙", "Mark terms") }
            { toggle(PrefsAction::ToggleBilingual, prefs.bilingual, "toggle-bilingual", "雙語對照", "Bilingual") }
        </div>
    }
}
