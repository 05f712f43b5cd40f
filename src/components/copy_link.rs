//! The link menu of a paragraph: the link-copy control copies the
//! paragraph's deep link to the clipboard and says so (where the clipboard is
//! refused, it puts the link in the address bar instead); beside it, the
//! Cite control opens the paragraph's citation.

use crate::components::cite::CiteButton;
use crate::i18n::use_lang;
use crate::route::Route;
use yew::prelude::*;

/// Props: the place to link to.
#[derive(Properties, PartialEq)]
pub struct CopyLinkProps {
    /// The document id.
    pub doc: AttrValue,
    /// The block id.
    pub anchor: AttrValue,
}

/// The absolute URL of a place, under whatever path the app is served from.
pub fn absolute_url(route: &Route) -> String {
    let href = gloo::utils::window().location().href().unwrap_or_default();
    let base = href.split('#').next().unwrap_or_default();
    format!("{base}{}", route.href())
}

/// A paragraph's link-copy button.
#[component]
pub fn CopyLink(props: &CopyLinkProps) -> Html {
    let lang = use_lang();
    let copied = use_state_eq(|| false);
    let route = Route::Document {
        id: props.doc.to_string(),
        anchor: Some(props.anchor.to_string()),
    };
    let onclick = {
        let copied = copied.clone();
        let route = route.clone();
        Callback::from(move |_: MouseEvent| {
            let url = absolute_url(&route);
            let clipboard = gloo::utils::window().navigator().clipboard();
            let copied = copied.clone();
            let fallback = route.href();
            wasm_bindgen_futures::spawn_local(async move {
                let done = wasm_bindgen_futures::JsFuture::from(clipboard.write_text(&url)).await;
                match done {
                    Ok(_) => {
                        copied.set(true);
                        let reset = copied.clone();
                        gloo::timers::callback::Timeout::new(2000, move || reset.set(false))
                            .forget();
                    }
                    Err(_) => {
                        let _ = gloo::utils::window().location().set_hash(&fallback);
                    }
                }
            });
        })
    };
    html! {
        <span class="copy-link-wrap" lang={lang.tag()}>
            <button type="button" class={classes!("copy-link", (*copied).then_some("is-copied"))}
                aria-label={lang.pick("複製本段連結", "Copy link to this paragraph")}
                title={lang.pick("複製本段連結", "Copy link to this paragraph")}
                data-href={route.href()}
                {onclick}></button>
            <CiteButton doc={props.doc.clone()} anchor={Some(props.anchor.clone())} />
            <span class="copy-status" role="status">
                if *copied { { lang.pick("已複製連結", "Link copied") } }
            </span>
        </span>
    }
}
