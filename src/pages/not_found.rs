//! The page for anything the app cannot show, so a wrong link never leaves the
//! reader on a blank page: it says what is missing and leads back.

use crate::hooks::{use_scroll_to, use_title};
use crate::route::Route;
use yew::prelude::*;

/// Props: what could not be found, when the route named something specific.
#[derive(Properties, PartialEq)]
pub struct NotFoundProps {
    /// A sentence naming the missing thing; a generic one when `None`.
    #[prop_or_default]
    pub message: Option<AttrValue>,
}

/// The not-found page.
#[component]
pub fn NotFound(props: &NotFoundProps) -> Html {
    use_title(Some("找不到頁面".into()));
    use_scroll_to("not-found".into(), None);
    let message = props
        .message
        .clone()
        .unwrap_or_else(|| "這個網址沒有對應的頁面，可能是連結有誤或文件已移除。".into());
    html! {
        <section class="not-found" aria-labelledby="lattice-not-found-heading">
            <h1 id="lattice-not-found-heading">{ "找不到頁面" }</h1>
            <p>{ message }</p>
            <p><a class="back" href={Route::Library.href()}>{ "回到書庫" }</a></p>
        </section>
    }
}
