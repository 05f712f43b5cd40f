//! The glossary as files for translators: CSV (RFC 4180, UTF-8 with a
//! byte-order mark so spreadsheets read the Chinese, formula-looking fields
//! neutralised) and TBX (TBX-Basic in the TBX v3 DCA style, ISO 30042:2019),
//! with every piece of text escaped. Pure functions, so they are tested
//! natively; the app only offers the result as a download.

use super::{Glossary, Term};

/// The CSV header row.
pub const CSV_HEADER: &str = "zh,zh_variants,en,abbr,kind,count";

/// One CSV field, quoted when it must be. A field starting with a character
/// a spreadsheet reads as the start of a formula (`=`, `+`, `-`, `@`, tab,
/// carriage return) gets a leading `'`, so it stays text (OWASP's guidance
/// on CSV injection).
fn csv_field(value: &str) -> String {
    let value = if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::glossary::TermKind;

    fn term(zh: &[&str], en: &str, abbr: Option<&str>) -> Term {
        Term {
            zh: zh.iter().map(|s| s.to_string()).collect(),
            en: en.to_string(),
            abbr: abbr.map(String::from),
            kind: TermKind::Mechanism,
            defined_at: None,
            occurrences: Vec::new(),
            count: 3,
        }
    }

    #[test]
    fn csv_rows_quote_and_join_variants() {
        let g = Glossary {
            terms: vec![
                term(
                    &["四方安全對話", "四方對話"],
                    "Quadrilateral Security Dialogue",
                    Some("Quad"),
                ),
                term(&["美日韓"], "U.S., Japan and \"Korea\"", None),
            ],
        };
        let csv = to_csv(&g);
        assert_eq!(
            csv,
            "\u{FEFF}zh,zh_variants,en,abbr,kind,count\r\n\
             四方安全對話,四方對話,Quadrilateral Security Dialogue,Quad,mechanism,3\r\n\
             美日韓,,\"U.S., Japan and \"\"Korea\"\"\",,mechanism,3\r\n"
        );
    }

    #[test]
    fn formula_starts_are_neutralised() {
        for start in ["=", "+", "-", "@", "\t", "\r"] {
            let v = format!("{start}HYPERLINK(\"http://x\")");
            let field = csv_field(&v);
            assert!(
                field.starts_with('\'') || field.starts_with("\"'"),
                "{v:?} -> {field:?}"
            );
        }
        assert_eq!(csv_field("-1"), "'-1");
        assert_eq!(csv_field("Quad"), "Quad");
        assert_eq!(csv_field("a-b"), "a-b");
        assert_eq!(csv_field(" x"), "\" x\"");
        assert_eq!(csv_field("a\nb"), "\"a\nb\"");
    }

    #[test]
    fn tbx_escapes_text_and_lists_every_form() {
        let g = Glossary {
            terms: vec![term(
                &["四方<安全>", "四方"],
                "Q&A \"x\" 'y'",
                Some("Q\u{1}"),
            )],
        };
        let tbx = to_tbx(&g);
        assert!(tbx.contains("<term>Q&amp;A &quot;x&quot; &apos;y&apos;</term>"));
        assert!(tbx.contains("<term>四方&lt;安全&gt;</term>"));
        assert!(
            tbx.contains("<term>Q</term>"),
            "control characters are dropped"
        );
        assert_eq!(tbx.matches("<conceptEntry ").count(), 1);
        assert_eq!(tbx.matches("<termSec>").count(), 4);
        assert_eq!(
            tbx.matches("<termSec>").count(),
            tbx.matches("</termSec>").count()
        );
        assert!(tbx.contains("<langSec xml:lang=\"zh-Hant\">"));
        assert!(tbx.trim_end().ends_with("</tbx>"));
    }
}
