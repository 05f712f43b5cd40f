//! The help and about page (`#/help`, the `?` key anywhere): what Lattice is,
//! how to write a search (words, quoted phrases, `OR`, `-exclude`, and the
//! folding that makes Simplified, full-width and capital letters match), the
//! keyboard shortcuts, and whether this browser can read offline and how much
//! it stores (`navigator.storage.estimate()`).

use crate::hooks::{use_scroll_to, use_title};
use crate::i18n::{use_lang, Lang};
use crate::route::{Route, SearchQuery};
use crate::search::fixed;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

/// What this browser holds for reading offline.
#[derive(Clone, Debug, Default, PartialEq)]
struct Offline {
    /// A service worker serves the app (it works without the network).
    controlled: bool,
    /// Bytes stored by this origin and the quota, when the browser tells.
    usage: Option<(f64, f64)>,
}

fn property(target: &JsValue, name: &str) -> Option<JsValue> {
    js_sys::Reflect::get(target, &name.into())
        .ok()
        .filter(|v| !v.is_undefined() && !v.is_null())
}

/// Ask the browser: is a service worker in control, and how much is stored?
async fn offline_status() -> Offline {
    let navigator: JsValue = gloo::utils::window().navigator().into();
    let controlled = property(&navigator, "serviceWorker")
        .and_then(|sw| property(&sw, "controller"))
        .is_some();
    let mut usage = None;
    let estimate = property(&navigator, "storage")
        .and_then(|storage| Some((property(&storage, "estimate")?, storage)))
        .and_then(|(f, storage)| f.dyn_into::<js_sys::Function>().ok()?.call0(&storage).ok())
        .and_then(|p| p.dyn_into::<js_sys::Promise>().ok());
    if let Some(promise) = estimate {
        if let Ok(result) = JsFuture::from(promise).await {
            let number = |name| property(&result, name).and_then(|v| v.as_f64());
            usage = number("usage").zip(number("quota"));
        }
    }
    Offline { controlled, usage }
}

/// Bytes in megabytes with one decimal (the app formats no float itself).
fn megabytes(bytes: f64) -> String {
    format!("{} MB", fixed(bytes / 1_000_000.0, 1))
}

/// One example of the search syntax: what to type, and what it finds.
fn example(query: &str, lang: Lang, zh: &'static str, en: &'static str) -> Html {
    let href = Route::Search(SearchQuery::new(query)).href();
    html! {
        <tr>
            <td><a class="help-query" {href}><code>{ query.to_string() }</code></a></td>
            <td>{ lang.pick(zh, en) }</td>
        </tr>
    }
}

fn shortcut(keys: &'static str, lang: Lang, zh: &'static str, en: &'static str) -> Html {
    html! {
        <tr>
            <td><kbd>{ keys }</kbd></td>
            <td>{ lang.pick(zh, en) }</td>
        </tr>
    }
}

/// The help and about page.
#[component]
pub fn HelpPage() -> Html {
    let lang = use_lang();
    use_title(Some(lang.pick("說明", "Help").into()));
    use_scroll_to("help".into(), None);
    let offline = use_state_eq(|| None::<Offline>);
    {
        let offline = offline.clone();
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                offline.set(Some(offline_status().await));
            });
        });
    }
    let status = match &*offline {
        None => html! { <p>{ lang.pick("正在查詢…", "Checking…") }</p> },
        Some(o) => html! {
            <>
                <p class="help-offline-state">
                    { if o.controlled {
                        lang.pick("✓ 本程式已存於此瀏覽器，離線也能閱讀。",
                            "✓ Lattice is saved in this browser and works offline.")
                    } else {
                        lang.pick("本程式尚未存於此瀏覽器：連線時開啟一次、重新載入後，即可離線閱讀。",
                            "Lattice is not saved in this browser yet: open it once online and reload, and it will work offline.")
                    } }
                </p>
                <p class="help-storage">
                    { match o.usage {
                        Some((usage, quota)) => format!("{}{}{}{}",
                            lang.pick("已使用儲存空間 ", "Storage used: "),
                            megabytes(usage),
                            lang.pick("，可用上限 ", " of "),
                            megabytes(quota)),
                        None => lang.pick("此瀏覽器不提供儲存空間資訊。", "This browser does not report its storage.").to_string(),
                    } }
                </p>
            </>
        },
    };
    html! {
        <section class="help" aria-labelledby="lattice-help-heading">
            <header class="page-header">
                <h1 id="lattice-help-heading">{ lang.pick("說明", "Help") }</h1>
                <p class="page-lede">
                    { lang.pick(
                        "Lattice 是印太安全研究的離線雙語讀本：把智庫的繁體中文論文與評析做成可在瀏覽器中閱讀的文件，附註釋彈出視窗、中英詞彙表與全文搜尋；不需伺服器，載入一次後即可離線使用。",
                        "Lattice is an offline, bilingual reader for Indo-Pacific security research: think-tank papers and analyses in Traditional Chinese, read in the browser with their notes a tap away, a Chinese–English glossary and full-text search. It needs no server and, once loaded, works offline.") }
                </p>
            </header>

            <h2 id="help-search">{ lang.pick("搜尋語法", "Search syntax") }</h2>
            <table class="help-table">
                <thead><tr>
                    <th scope="col">{ lang.pick("輸入", "Type") }</th>
                    <th scope="col">{ lang.pick("找到", "To find") }</th>
                </tr></thead>
                <tbody>
                    { example("印太 小多邊主義", lang,
                        "同時含有每個詞的段落（詞序不拘）。",
                        "Passages holding every word, in any order.") }
                    { example("\"Quad Foreign Ministers\"", lang,
                        "引號內的片語，一字不差、依序出現；也可用「」或『』。",
                        "The quoted phrase, word for word and in order; 「」 and 『』 quote too.") }
                    { example("「四方安全對話」", lang,
                        "中文片語同樣以引號標出。",
                        "A Chinese phrase, quoted the same way.") }
                    { example("澳洲 OR 日本", lang,
                        "任一詞皆可（OR 須大寫）。",
                        "Either word (OR in capitals).") }
                    { example("四方安全對話 -中國", lang,
                        "含第一個詞、但不含「中國」的段落（減號緊接在詞前）。",
                        "Passages with the first word but without 中國 (the minus sign right before the word).") }
                    { example("四方安全对话", lang,
                        "簡體字也能找到繁體原文：搜尋前兩者都轉成同一寫法。",
                        "Simplified characters find the Traditional text: both are folded to one spelling first.") }
                    { example("ＡＵＫＵＳ", lang,
                        "全形字母、數字與標點等同半形；英文不分大小寫。",
                        "Full-width letters, digits and punctuation match half-width ones; case is ignored.") }
                    { example("Quad", lang,
                        "詞彙表中的同義形式也會找到（如 Quad 也找「四方安全對話」），結果上方的「也符合」一行列出；可在結果頁關閉。",
                        "Glossary forms are found too (Quad also finds 四方安全對話), listed once above the results under “Also matched”; turn this off on the results page.") }
                </tbody>
            </table>

            <h2 id="help-keys">{ lang.pick("鍵盤快速鍵", "Keyboard shortcuts") }</h2>
            <table class="help-table">
                <tbody>
                    { shortcut("/", lang, "移到搜尋框", "Go to the search box") }
                    { shortcut("?", lang, "開啟本說明頁", "Open this help page") }
                    { shortcut("↑ ↓ Enter", lang, "在搜尋建議中選擇、開啟", "Choose and open a search suggestion") }
                    { shortcut("Tab", lang, "註釋或詞彙彈出時，移入其中的連結", "Move into an open note or term and its links") }
                    { shortcut("Enter / Space", lang, "開啟所聚焦的詞彙說明", "Open the focused term") }
                    { shortcut("Esc", lang, "關閉註釋或詞彙說明", "Close a note or term") }
                </tbody>
            </table>

            <h2 id="help-offline">{ lang.pick("離線閱讀", "Offline reading") }</h2>
            <div class="help-offline" role="status">{ status }</div>

            <p><a class="back" href={Route::Library.href()}>{ lang.pick("回到書庫", "Back to the library") }</a></p>
        </section>
    }
}
