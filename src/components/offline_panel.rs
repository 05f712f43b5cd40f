//! "Save the whole library for offline": for a corpus too large to precache
//! whole (see static/sw-template.js), the reader can ask for every file at
//! once, see how much space it needs beside the space the browser has, and
//! follow a progress bar.
//!
//! As with the update notice, the registration script (static/sw-register.js)
//! owns the service-worker and storage protocol; this component sends
//! `lattice-offline-status` and `lattice-save` events and reads what comes
//! back from `data-offline-*` attributes on `<html>` on each
//! `lattice-offline` event.

use crate::i18n::{use_lang, Lang};
use gloo::events::EventListener;
use gloo::utils::{document, window};
use yew::prelude::*;

/// What the registration script last reported.
#[derive(Clone, Debug, Default, PartialEq)]
struct Status {
    /// Corpus files cached, and in all.
    held: Option<u64>,
    files: Option<u64>,
    /// Bytes cached, and in all.
    held_bytes: Option<u64>,
    bytes: Option<u64>,
    /// Free space the browser estimates for this site.
    available: Option<u64>,
    /// `saving`, `saved` or `failed`, once the reader asked.
    state: Option<String>,
    /// Files done while saving.
    done: Option<u64>,
    /// Why saving failed.
    reason: Option<String>,
}

impl Status {
    fn read() -> Status {
        let root = document().document_element();
        let get = |name: &str| root.as_ref().and_then(|r| r.get_attribute(name));
        let number = |name: &str| get(name).and_then(|v| v.parse().ok());
        Status {
            held: number("data-offline-held"),
            files: number("data-offline-files"),
            held_bytes: number("data-offline-held-bytes"),
            bytes: number("data-offline-bytes"),
            available: number("data-offline-available"),
            state: get("data-offline-state"),
            done: number("data-offline-done"),
            reason: get("data-offline-reason"),
        }
    }
}

/// Bytes as the reader reads them: `1.4 MB`, `820 kB`. Integer arithmetic
/// only: the float formatter would add kilobytes to the app.
pub fn size(bytes: u64) -> String {
    // One decimal, rounded half up, from whole tenths of the unit.
    let tenths = |unit: u64| {
        let t = (bytes * 10 + unit / 2) / unit;
        format!("{}.{}", t / 10, t % 10)
    };
    match bytes {
        b if b >= 1_000_000_000 => format!("{} GB", tenths(1_000_000_000)),
        b if b >= 1_000_000 => format!("{} MB", tenths(1_000_000)),
        b if b >= 1_000 => format!("{} kB", b / 1_000),
        b => format!("{b} B"),
    }
}

fn send(name: &str) {
    if let Ok(event) = web_sys::Event::new(name) {
        // Without the registration script nothing answers: the panel then
        // shows no figures, which is the truth.
        let _ = window().dispatch_event(&event);
    }
}

/// The panel: what is saved, what saving everything costs, and the button.
#[component]
pub fn OfflinePanel() -> Html {
    let lang = use_lang();
    let status = use_state_eq(Status::read);
    {
        let status = status.clone();
        use_effect_with((), move |_| {
            let listener = EventListener::new(&window(), "lattice-offline", move |_| {
                status.set(Status::read())
            });
            send("lattice-offline-status");
            move || drop(listener)
        });
    }
    let has_worker =
        js_sys::Reflect::has(&window().navigator(), &"serviceWorker".into()).unwrap_or(false);
    if !has_worker {
        return Html::default();
    }
    let s = (*status).clone();
    let files = s.files.unwrap_or(0);
    let saving = s.state.as_deref() == Some("saving");
    let saved = s.state.as_deref() == Some("saved") || (files > 0 && s.held == Some(files));
    let needed = s
        .bytes
        .zip(s.held_bytes)
        .map(|(all, held)| all.saturating_sub(held));
    let summary = match (lang, s.held, s.bytes) {
        (Lang::Zh, Some(held), Some(bytes)) => {
            format!("已存 {held}／{files} 個檔案（全部 {}）。", size(bytes))
        }
        (Lang::En, Some(held), Some(bytes)) => {
            format!("{held} of {files} files saved ({} in all).", size(bytes))
        }
        _ => lang
            .pick("正在檢查離線狀態…", "Checking what is saved…")
            .into(),
    };
    let space = match (lang, needed, s.available) {
        (Lang::Zh, Some(n), Some(a)) => format!("還需 {}，可用空間 {}。", size(n), size(a)),
        (Lang::En, Some(n), Some(a)) => format!("Needs {} more; {} available.", size(n), size(a)),
        (Lang::Zh, Some(n), None) => format!("還需 {}。", size(n)),
        (Lang::En, Some(n), None) => format!("Needs {} more.", size(n)),
        _ => String::new(),
    };
    let not_enough = matches!((needed, s.available), (Some(n), Some(a)) if n > a);
    let onclick = Callback::from(|_: MouseEvent| send("lattice-save"));
    let done = if saved { files } else { s.done.unwrap_or(0) };
    html! {
        <aside class="offline-panel" aria-labelledby="lattice-offline-heading">
            <h2 id="lattice-offline-heading">{ lang.pick("離線閱讀", "Offline reading") }</h2>
            <p>{ summary }</p>
            if !space.is_empty() && !saved { <p>{ space }</p> }
            if saving || s.state.as_deref() == Some("saved") {
                <progress max={files.max(1).to_string()} value={done.to_string()}
                    aria-label={lang.pick("儲存進度", "Saving progress")}>
                    { format!("{done}/{files}") }
                </progress>
            }
            if let Some(reason) = s.reason.filter(|_| s.state.as_deref() == Some("failed")) {
                <p role="alert">{ lang.pick("儲存失敗：", "Saving failed: ") }{ reason }</p>
            }
            if saved {
                <p role="status">{ lang.pick("整個書庫都可離線閱讀。", "The whole library is readable offline.") }</p>
            } else {
                <button type="button" {onclick} disabled={saving || not_enough || files == 0}>
                    { if saving {
                        lang.pick("儲存中…", "Saving…")
                    } else {
                        lang.pick("儲存整個書庫供離線閱讀", "Save the whole library for offline")
                    } }
                </button>
            }
        </aside>
    }
}

#[cfg(test)]
mod tests {
    use super::size;

    #[test]
    fn sizes_read_as_people_write_them() {
        assert_eq!(size(0), "0 B");
        assert_eq!(size(999), "999 B");
        assert_eq!(size(1_000), "1 kB");
        assert_eq!(size(820_499), "820 kB");
        assert_eq!(size(1_000_000), "1.0 MB");
        assert_eq!(size(1_449_999), "1.4 MB");
        assert_eq!(size(1_450_000), "1.5 MB");
        assert_eq!(size(999_999_999), "1000.0 MB");
        assert_eq!(size(12_345_678_901), "12.3 GB");
    }
}
