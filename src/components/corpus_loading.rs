//! What a page shows while the documents it needs are being fetched (a large
//! corpus keeps its texts beside the app, see `crate::corpus`), or why they
//! could not be.

use crate::i18n::use_lang;
use crate::route::Route;
use yew::prelude::*;

/// Props: why fetching failed, if it did.
#[derive(Properties, PartialEq)]
pub struct CorpusLoadingProps {
    /// The failure, for the reader to report; `None` while still loading.
    #[prop_or_default]
    pub failed: Option<AttrValue>,
}

/// A quiet "loading" line, or the reason the documents are unavailable.
#[component]
pub fn CorpusLoading(props: &CorpusLoadingProps) -> Html {
    let lang = use_lang();
    match &props.failed {
        None => html! {
            <section class="corpus-loading" aria-busy="true">
                <p role="status">{ lang.pick("正在載入文件…", "Loading documents…") }</p>
            </section>
        },
        Some(reason) => html! {
            <section class="not-found">
                <h1>{ lang.pick("無法載入文件", "The document could not be loaded") }</h1>
                <p>{ lang.pick(
                    "可能是離線時開啟了尚未存到本機的內容，或網站的檔案有誤。請連上網路後重新載入本頁；若仍無法載入，請回報下列訊息。",
                    "You may be offline before this was saved for offline reading, or the site's files may be damaged. Connect and reload this page; if it still fails, please report the message below.",
                ) }</p>
                <p><a class="back" href={Route::Library.href()}>{ lang.pick("回到書庫", "Back to the library") }</a></p>
                <p class="error-detail"><code>{ reason.clone() }</code></p>
            </section>
        },
    }
}
