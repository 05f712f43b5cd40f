//! The page for anything the app cannot show, so a wrong link never leaves the
//! reader on a blank page: it says what is missing and leads back.

use crate::hooks::{use_scroll_to, use_title};
use crate::i18n::use_lang;
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
    let lang = use_lang();
    use_title(Some(lang.pick("找不到頁面", "Page not found").into()));
    use_scroll_to("not-found".into(), None);
    let message = props.message.clone().unwrap_or_else(|| {
        lang.pick(
            "這個網址沒有對應的頁面，可能是連結有誤或文件已移除。",
            "Nothing lives at this address: the link may be wrong, or the document was removed.",
        )
        .into()
    });
    html! {
        <section class="not-found" aria-labelledby="lattice-not-found-heading">
            <h1 id="lattice-not-found-heading">{ lang.pick("找不到頁面", "Page not found") }</h1>
            <p>{ message }</p>
            <p><a class="back" href={Route::Library.href()}>{ lang.pick("回到書庫", "Back to the library") }</a></p>
        </section>
    }
}
