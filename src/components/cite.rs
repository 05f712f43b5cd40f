//! The Cite control: a button on the document's header and on each
//! paragraph that opens a dialog with the document's citation — Chicago
//! (note and bibliography entry) and APA in the document's language, and
//! BibTeX, RIS and CSL-JSON to copy or download — all formatted at build
//! time (`lattice_core::citation`). The browser only puts in the link back
//! to the place cited, the address the reader is on (http(s) only, made safe
//! by the core's `citation::link`), falling back to the source's address.
//!
//! The dialog is a native modal `<dialog>`, drawn into `<body>` through a
//! portal: the page behind is inert,
//! Escape closes it and focus returns to the button that opened it.

use crate::components::copy_link::absolute_url;
use crate::components::glossary_export::download;
use crate::corpus::Corpus;
use crate::i18n::{use_lang, Lang};
use crate::route::Route;
use lattice_core::citation::{fill, link, pieces_text};
use lattice_core::{CitePiece, Document};
use yew::prelude::*;

/// Props: what to cite.
#[derive(Properties, PartialEq)]
pub struct CiteButtonProps {
    /// The document id.
    pub doc: AttrValue,
    /// The paragraph's block id, when citing a paragraph.
    #[prop_or_default]
    pub anchor: Option<AttrValue>,
}

/// The Cite button, and its dialog while open.
#[component]
pub fn CiteButton(props: &CiteButtonProps) -> Html {
    let lang = use_lang();
    let open = use_state_eq(|| false);
    let onclick = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(true))
    };
    let on_close = {
        let open = open.clone();
        Callback::from(move |()| open.set(false))
    };
    let (class, label, text) = match props.anchor {
        Some(_) => (
            "cite-para",
            lang.pick("引用本段", "Cite this paragraph"),
            "",
        ),
        None => (
            "cite-button",
            lang.pick("引用本文", "Cite this document"),
            lang.pick("引用", "Cite"),
        ),
    };
    html! {
        <>
            <button type="button" {class} aria-label={label} title={label}
                aria-haspopup="dialog" {onclick}>{ text }</button>
            if *open {
                <CiteDialog doc={props.doc.clone()} anchor={props.anchor.clone()} {on_close} />
            }
        </>
    }
}

/// Props: what to cite, and what to do when the dialog closes.
#[derive(Properties, PartialEq)]
pub struct CiteDialogProps {
    /// The document id.
    pub doc: AttrValue,
    /// The paragraph's block id, when citing a paragraph.
    #[prop_or_default]
    pub anchor: Option<AttrValue>,
    /// Called once the dialog has closed (Escape, the close button, a click
    /// on the backdrop).
    pub on_close: Callback<()>,
}

/// The export formats.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Format {
    Bibtex,
    Ris,
    CslJson,
}

impl Format {
    const ALL: [Format; 3] = [Format::Bibtex, Format::Ris, Format::CslJson];

    fn name(self) -> &'static str {
        match self {
            Format::Bibtex => "BibTeX",
            Format::Ris => "RIS",
            Format::CslJson => "CSL-JSON",
        }
    }

    fn file(self, id: &str) -> String {
        match self {
            Format::Bibtex => format!("{id}.bib"),
            Format::Ris => format!("{id}.ris"),
            Format::CslJson => format!("{id}.json"),
        }
    }

    fn mime(self) -> &'static str {
        match self {
            Format::Bibtex => "application/x-bibtex",
            Format::Ris => "application/x-research-info-systems",
            Format::CslJson => "application/vnd.citationstyles.csl+json",
        }
    }

    fn text(self, doc: &Document, link: Option<&str>) -> String {
        let c = &doc.cite;
        fill(
            match self {
                Format::Bibtex => &c.bibtex,
                Format::Ris => &c.ris,
                Format::CslJson => &c.csl_json,
            },
            link,
        )
    }
}

/// The citation dialog.
#[component]
pub fn CiteDialog(props: &CiteDialogProps) -> Html {
    let lang = use_lang();
    let corpus = use_context::<Corpus>().expect("App provides the corpus");
    let dialog = use_node_ref();
    let format = use_state_eq(|| Format::Bibtex);
    let status = use_state_eq(String::new);
    {
        let dialog = dialog.clone();
        use_effect_with((), move |()| {
            if let Some(d) = dialog.cast::<web_sys::HtmlDialogElement>() {
                if !d.open() {
                    let _ = d.show_modal();
                }
            }
        });
    }
    let close = {
        let dialog = dialog.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(d) = dialog.cast::<web_sys::HtmlDialogElement>() {
                d.close();
            }
        })
    };
    // A click on the backdrop lands on the dialog element itself.
    let backdrop = {
        let dialog = dialog.clone();
        Callback::from(move |e: MouseEvent| {
            let target = e.target_dyn_into::<web_sys::HtmlDialogElement>();
            if let (Some(t), Some(d)) = (target, dialog.cast::<web_sys::HtmlDialogElement>()) {
                if t == d {
                    d.close();
                }
            }
        })
    };
    let onclose = {
        let on_close = props.on_close.clone();
        Callback::from(move |_: Event| on_close.emit(()))
    };
    let Some(doc) = corpus.document(&props.doc) else {
        return Html::default();
    };
    let route = Route::Document {
        id: doc.id.clone(),
        anchor: props.anchor.as_ref().map(|a| a.to_string()),
    };
    let href =
        link(&absolute_url(&route)).or_else(|| doc.meta.citation.url.as_deref().and_then(link));
    let href = href.as_deref();
    let doc_lang = if lattice_core::script::has_han(&doc.meta.title) {
        "zh-Hant"
    } else {
        "en"
    };
    let title = match props.anchor {
        Some(_) => lang.pick("引用本段", "Cite this paragraph"),
        None => lang.pick("引用本文", "Cite this document"),
    };
    let copier = |text: String, what: &'static str| {
        let status = status.clone();
        Callback::from(move |_: MouseEvent| copy(text.clone(), what, lang, status.clone()))
    };
    let styles = [
        (
            lang.pick("芝加哥格式（註腳）", "Chicago (note)"),
            "chicago-note",
            &doc.cite.chicago_note,
        ),
        (
            lang.pick("芝加哥格式（書目）", "Chicago (bibliography)"),
            "chicago-bibliography",
            &doc.cite.chicago_bibliography,
        ),
        ("APA", "apa", &doc.cite.apa),
    ];
    let shown = *format;
    let export = shown.text(&doc, href);
    let save = {
        let export = export.clone();
        let file = shown.file(&doc.id);
        let status = status.clone();
        Callback::from(move |_: MouseEvent| {
            download(&file, shown.mime(), &export);
            status.set(format!("{}{file}", lang.pick("已下載 ", "Downloaded ")));
        })
    };
    // Into <body>, so no paragraph or header holds the dialog (a <p> may
    // not) and none of their styles reach it.
    let host: web_sys::Element = gloo::utils::body().into();
    let dialog_html = html! {
        <dialog ref={dialog} class="cite-dialog" aria-labelledby="lattice-cite-title"
            lang={lang.tag()} {onclose} onclick={backdrop}>
            <div class="cite-inner">
                <header class="cite-head">
                    <h2 id="lattice-cite-title">{ title }</h2>
                    <button type="button" class="cite-close" onclick={close}
                        aria-label={lang.pick("關閉", "Close")}>{ "×" }</button>
                </header>
                if let Some(href) = href {
                    <div class="cite-link-row">
                        <label for="lattice-cite-link">{ lang.pick("連結", "Link") }</label>
                        <input id="lattice-cite-link" class="cite-link-field" type="text" readonly=true
                            value={href.to_string()} />
                        <button type="button" class="cite-copy" onclick={copier(href.to_string(), "link")}>
                            { lang.pick("複製", "Copy") }
                        </button>
                    </div>
                }
                { for styles.into_iter().filter(|(_, _, p)| !p.is_empty()).map(|(label, key, pieces)| {
                    let text = pieces_text(pieces, href);
                    html! {
                        <section class="cite-style" data-style={key}>
                            <h3>{ label }</h3>
                            <p class="cite-text" lang={doc_lang}>{ render(pieces, href) }</p>
                            <button type="button" class="cite-copy" onclick={copier(text, key)}
                                aria-label={format!("{} {label}", lang.pick("複製", "Copy"))}>
                                { lang.pick("複製", "Copy") }
                            </button>
                        </section>
                    }
                }) }
                <section class="cite-export">
                    <h3>{ lang.pick("匯出至書目管理軟體", "Export to a reference manager") }</h3>
                    <div class="cite-formats" role="group" aria-label={lang.pick("格式", "Format")}>
                        { for Format::ALL.into_iter().map(|f| {
                            let pick = {
                                let format = format.clone();
                                Callback::from(move |_: MouseEvent| format.set(f))
                            };
                            html! {
                                <button type="button" class="cite-format" aria-pressed={(f == shown).to_string()}
                                    onclick={pick}>{ f.name() }</button>
                            }
                        }) }
                    </div>
                    <pre class="cite-export-text" lang={doc_lang} tabindex="0"
                        aria-label={shown.name()}>{ export.clone() }</pre>
                    <div class="cite-actions">
                        <button type="button" class="cite-copy" onclick={copier(export, shown.name())}>
                            { format!("{} {}", lang.pick("複製", "Copy"), shown.name()) }
                        </button>
                        <button type="button" class="cite-download" onclick={save}>
                            { format!("{} {}", lang.pick("下載", "Download"), shown.file(&doc.id)) }
                        </button>
                    </div>
                </section>
                <p class="cite-status" role="status">{ (*status).clone() }</p>
            </div>
        </dialog>
    };
    create_portal(dialog_html, host)
}

/// A formatted citation: its italics in `<i>`, the link as text. Without a
/// link, the plain text, which leaves out the separator before it too.
fn render(pieces: &[CitePiece], link: Option<&str>) -> Html {
    let Some(link) = link else {
        return html! { { pieces_text(pieces, None) } };
    };
    pieces
        .iter()
        .map(|p| match p {
            CitePiece::Text(t) => html! { { t.clone() } },
            CitePiece::Italic(t) => html! { <i>{ t.clone() }</i> },
            CitePiece::Link => html! { <span class="cite-url">{ link.to_string() }</span> },
        })
        .collect()
}

/// Copy `text`, saying so in the dialog's status line.
fn copy(text: String, what: &'static str, lang: Lang, status: UseStateHandle<String>) {
    let clipboard = gloo::utils::window().navigator().clipboard();
    wasm_bindgen_futures::spawn_local(async move {
        let done = wasm_bindgen_futures::JsFuture::from(clipboard.write_text(&text)).await;
        status.set(match done {
            Ok(_) => format!("{}{}", lang.pick("已複製：", "Copied: "), label(what, lang)),
            Err(_) => lang
                .pick(
                    "瀏覽器不允許複製，請手動選取文字。",
                    "The browser refused the clipboard; select the text instead.",
                )
                .to_string(),
        });
    });
}

fn label(what: &str, lang: Lang) -> String {
    match what {
        "link" => lang.pick("連結", "link").to_string(),
        "chicago-note" => lang
            .pick("芝加哥格式（註腳）", "Chicago (note)")
            .to_string(),
        "chicago-bibliography" => lang
            .pick("芝加哥格式（書目）", "Chicago (bibliography)")
            .to_string(),
        other => other.to_string(),
    }
}
