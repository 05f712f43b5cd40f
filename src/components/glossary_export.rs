//! The glossary as files for translators, generated in the browser from the
//! bundled glossary: CSV (RFC 4180, UTF-8 with a byte-order mark so
//! spreadsheets read the Chinese) and TBX (TBX-Basic in the TBX v3 DCA style,
//! ISO 30042:2019), with every piece of text escaped. Downloaded through a
//! `Blob` URL, so nothing leaves the machine.

use lattice_core::glossary::{Glossary, Term};
use wasm_bindgen::JsCast;

/// The CSV header row.
pub const CSV_HEADER: &str = "zh,zh_variants,en,abbr,kind,count";

/// One CSV field, quoted when it must be; a leading `=`, `+`, `@` or tab is
/// neutralised so spreadsheets do not read the field as a formula.
fn csv_field(value: &str) -> String {
    let value = if value.starts_with(['=', '+', '@', '\t']) {
        format!("'{value}")
    } else {
        value.to_string()
    };
    if value.contains([',', '"', '\n', '\r']) || value.starts_with(' ') || value.ends_with(' ') {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value
    }
}

/// The glossary as CSV: one row per term, variants joined with `|`.
pub fn to_csv(glossary: &Glossary) -> String {
    let mut out = String::from("\u{FEFF}");
    out.push_str(CSV_HEADER);
    out.push_str("\r\n");
    for term in &glossary.terms {
        let row = [
            csv_field(term.zh.first().map_or("", String::as_str)),
            csv_field(
                &term
                    .zh
                    .iter()
                    .skip(1)
                    .cloned()
                    .collect::<Vec<_>>()
                    .join("|"),
            ),
            csv_field(&term.en),
            csv_field(term.abbr.as_deref().unwrap_or("")),
            csv_field(term.kind.as_str()),
            term.count.to_string(),
        ];
        out.push_str(&row.join(","));
        out.push_str("\r\n");
    }
    out
}

/// Text escaped for XML content and attribute values; characters XML 1.0
/// cannot carry are dropped.
pub fn xml_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

fn term_sec(out: &mut String, term: &str, term_type: &str, status: &str) {
    out.push_str("          <termSec>\n");
    out.push_str(&format!("            <term>{}</term>\n", xml_escape(term)));
    out.push_str(&format!(
        "            <termNote type=\"termType\">{term_type}</termNote>\n"
    ));
    out.push_str(&format!(
        "            <termNote type=\"administrativeStatus\">{status}</termNote>\n"
    ));
    out.push_str("          </termSec>\n");
}

fn concept_entry(out: &mut String, n: usize, term: &Term) {
    out.push_str(&format!("      <conceptEntry id=\"c{}\">\n", n + 1));
    out.push_str(&format!(
        "        <descrip type=\"subjectField\">{}</descrip>\n",
        xml_escape(term.kind.as_str())
    ));
    out.push_str("        <langSec xml:lang=\"en\">\n");
    term_sec(out, &term.en, "fullForm", "preferredTerm-admn-sts");
    if let Some(abbr) = &term.abbr {
        term_sec(out, abbr, "abbreviation", "admittedTerm-admn-sts");
    }
    out.push_str("        </langSec>\n");
    if !term.zh.is_empty() {
        out.push_str("        <langSec xml:lang=\"zh-Hant\">\n");
        for (i, zh) in term.zh.iter().enumerate() {
            let (kind, status) = if i == 0 {
                ("fullForm", "preferredTerm-admn-sts")
            } else {
                ("variant", "admittedTerm-admn-sts")
            };
            term_sec(out, zh, kind, status);
        }
        out.push_str("        </langSec>\n");
    }
    out.push_str("      </conceptEntry>\n");
}

/// The glossary as a TBX-Basic (TBX v3, DCA style) document.
pub fn to_tbx(glossary: &Glossary) -> String {
    let mut out = String::new();
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str("<?xml-model href=\"https://raw.githubusercontent.com/LTAC-Global/TBX-Basic_dialect/master/DCA/TBXcoreStructV03_TBX-Basic_integrated.rng\" type=\"application/xml\" schematypens=\"http://relaxng.org/ns/structure/1.0\"?>\n");
    out.push_str("<?xml-model href=\"https://raw.githubusercontent.com/LTAC-Global/TBX-Basic_dialect/master/DCA/TBX-Basic_DCA.sch\" type=\"application/xml\" schematypens=\"http://purl.oclc.org/dsdl/schematron\"?>\n");
    out.push_str("<tbx style=\"dca\" type=\"TBX-Basic\" xml:lang=\"en\" xmlns=\"urn:iso:std:iso:30042:ed-2\">\n");
    out.push_str("  <tbxHeader>\n    <fileDesc>\n      <sourceDesc>\n");
    out.push_str("        <p>Lattice glossary: Chinese–English terms extracted from the Lattice corpus of Indo-Pacific security research.</p>\n");
    out.push_str("      </sourceDesc>\n    </fileDesc>\n  </tbxHeader>\n");
    out.push_str("  <text>\n    <body>\n");
    for (n, term) in glossary.terms.iter().enumerate() {
        concept_entry(&mut out, n, term);
    }
    out.push_str("    </body>\n  </text>\n</tbx>\n");
    out
}

/// Offer `contents` as a download named `name`.
pub fn download(name: &str, mime: &str, contents: &str) {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(contents));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    let document = gloo::utils::document();
    if let Some(a) = document
        .create_element("a")
        .ok()
        .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    {
        a.set_href(&url);
        a.set_download(name);
        let _ = gloo::utils::body().append_child(&a);
        a.click();
        a.remove();
    }
    // Revoked later: the download starts after this task.
    gloo::timers::callback::Timeout::new(30_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .forget();
}
