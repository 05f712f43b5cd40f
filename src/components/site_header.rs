//! The banner on every page: the site's name (src/site.rs), leading back to the library,
//! and the search box.

use crate::components::preferences::Preferences;
use crate::components::search_box::SearchBox;
use crate::i18n::use_lang;
use crate::route::Route;
use crate::site::Site;
use yew::prelude::*;

/// The site banner.
#[component]
pub fn SiteHeader() -> Html {
    let lang = use_lang();
    let site = Site::current();
    html! {
        <header class="site-header">
            <a class="site-name" href={Route::Library.href()}>
                <span class="site-mark" aria-hidden="true">{ "◇" }</span>
                { site.title(lang, "Lattice") }
                <span class="site-tagline">{ site.subtitle(lang, "印太安全研究讀本") }</span>
            </a>
            <SearchBox />
            <Preferences />
        </header>
    }
}
