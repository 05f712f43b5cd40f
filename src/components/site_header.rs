//! The banner on every page: the reader's name, leading back to the library,
//! and the search box.

use crate::components::preferences::Preferences;
use crate::components::search_box::SearchBox;
use crate::route::Route;
use yew::prelude::*;

/// The site banner.
#[component]
pub fn SiteHeader() -> Html {
    html! {
        <header class="site-header">
            <a class="site-name" href={Route::Library.href()}>
                <span class="site-mark" aria-hidden="true">{ "◇" }</span>
                { "Lattice" }
                <span class="site-tagline">{ "印太安全研究讀本" }</span>
            </a>
            <SearchBox />
            <Preferences />
        </header>
    }
}
