//! The app-wide settings in the site banner: interface language, colour
//! scheme and font size, each stored by `state::PrefsProvider`.

use crate::i18n::{use_lang, Lang};
use crate::route::Route;
use crate::state::{change, use_prefs, PrefsAction, Theme, FONT_STEPS};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// Navigation and settings.
#[component]
pub fn Preferences() -> Html {
    let lang = use_lang();
    let Some(prefs) = use_prefs() else {
        return Html::default();
    };
    let dispatch = |action: PrefsAction| {
        let prefs = prefs.clone();
        Callback::from(move |_: MouseEvent| change(&prefs, action))
    };
    let on_theme = {
        let prefs = prefs.clone();
        Callback::from(move |e: Event| {
            if let Some(select) = e.target_dyn_into::<HtmlSelectElement>() {
                if let Some(theme) = Theme::from_name(&select.value()) {
                    change(&prefs, PrefsAction::SetTheme(theme));
                }
            }
        })
    };
    let other = match lang {
        Lang::Zh => Lang::En,
        Lang::En => Lang::Zh,
    };
    let theme = prefs.theme;
    let option = |t: Theme, zh: &'static str, en: &'static str| {
        html! { <option value={t.as_str()} selected={theme == t}>{ lang.pick(zh, en) }</option> }
    };
    html! {
        <div class="prefs">
            <nav class="site-nav" aria-label={lang.pick("網站導覽", "Site")}>
                <a href={Route::Library.href()}>{ lang.pick("書庫", "Library") }</a>
                <a href={Route::Glossary.href()}>{ lang.pick("詞彙表", "Glossary") }</a>
                <a href={Route::Help.href()} aria-keyshortcuts="?">{ lang.pick("說明", "Help") }</a>
            </nav>
            <div class="pref-group" role="group" aria-label={lang.pick("字級", "Text size")}>
                <button type="button" class="pref-button" onclick={dispatch(PrefsAction::FontSmaller)}
                    aria-label={lang.pick("A− 縮小字級", "A− Smaller text")}
                    disabled={prefs.font_step == 0}>{ "A−" }</button>
                <span class="pref-value" aria-live="polite">{ format!("{}%", prefs.font_percent()) }</span>
                <button type="button" class="pref-button" onclick={dispatch(PrefsAction::FontLarger)}
                    aria-label={lang.pick("A+ 放大字級", "A+ Larger text")}
                    disabled={usize::from(prefs.font_step) + 1 >= FONT_STEPS.len()}>{ "A+" }</button>
            </div>
            <label class="pref-theme">
                <span class="visually-hidden">{ lang.pick("色彩主題", "Colour theme") }</span>
                <select class="pref-select" onchange={on_theme} aria-label={lang.pick("色彩主題", "Colour theme")}>
                    { option(Theme::System, "跟隨系統", "System") }
                    { option(Theme::Light, "淺色", "Light") }
                    { option(Theme::Dark, "深色", "Dark") }
                </select>
            </label>
            <button type="button" class="pref-button pref-lang" lang={other.tag()}
                onclick={dispatch(PrefsAction::SetLang(other))}>
                { match other { Lang::En => "English", Lang::Zh => "中文" } }
            </button>
        </div>
    }
}
