//! The reader app inside a built site: the app files embedded in the binary
//! (crates/lattice-cli/build.rs), finished for this site exactly as
//! scripts/postbuild.mjs finishes a Trunk build — a version hashed over
//! every file, stamped into index.html, and `sw.js` written from the service
//! worker template with that version and the lists of shell and corpus
//! files — so a site built by `lattice build` works offline like `dist/`.
//!
//! The template's placeholders `'__VERSION__'`, `['__SHELL__']`,
//! `['__FILES__']`, `'__LISTING__'` and `['__TOTAL__']` are the contract
//! with static/sw-template.js. The inline
//! start-up script is untouched, so the CSP hashes postbuild.mjs wrote into
//! index.html stay valid.

use anyhow::{anyhow, Result};
use sha2::{Digest, Sha256};

include!(concat!(env!("OUT_DIR"), "/app.rs"));

const INDEX: &str = "index.html";
const SW: &str = "sw.js";
const MANIFEST: &str = "manifest.webmanifest";
/// The corpus files' folder: precached as the lazy list.
const LAZY_DIR: &str = "corpus/";
/// The site's settings among the corpus files (written by build.rs).
const SETTINGS: &str = "site.json";
const VERSION_META: &str = "<meta name=\"lattice-version\" content=\"";

/// A site file: its `/`-separated path under the site, and its bytes.
pub(crate) type SiteFile = (String, Vec<u8>);

/// The app's files, or why this binary has none.
pub(crate) fn app() -> Result<&'static [(&'static str, &'static [u8])]> {
    FILES.ok_or_else(|| {
        anyhow!(
            "this lattice binary was built without the reader app, so it cannot write a site; \
             build the self-contained binary with scripts/package.sh"
        )
    })
}

/// Every file of the site: the app's (index.html and the manifest named for
/// the site when it has a title), `corpus` (the corpus files and site.json),
/// and sw.js; sorted by path.
pub(crate) fn assemble(
    app: &[(&str, &[u8])],
    corpus: Vec<SiteFile>,
    title: Option<&str>,
) -> Result<Vec<SiteFile>> {
    let settings = corpus
        .iter()
        .find(|(name, _)| name == SETTINGS)
        .and_then(|(_, bytes)| serde_json::from_slice::<serde_json::Value>(bytes).ok());
    let mut files: Vec<SiteFile> = Vec::with_capacity(app.len() + corpus.len() + 1);
    for (name, bytes) in app {
        let bytes = match *name {
            INDEX => {
                let html =
                    std::str::from_utf8(bytes).map_err(|_| anyhow!("index.html is not UTF-8"))?;
                let html = without_version(html);
                let html = match title {
                    Some(t) => retitle(&html, t),
                    None => html,
                };
                match &settings {
                    Some(s) => with_site_metas(&html, s),
                    None => html,
                }
                .into_bytes()
            }
            MANIFEST => match title {
                Some(t) => renamed_manifest(bytes, t)?,
                None => bytes.to_vec(),
            },
            _ => bytes.to_vec(),
        };
        files.push((name.to_string(), bytes));
    }
    files.extend(corpus);
    files.retain(|(name, _)| name != SW);
    files.sort_by(|a, b| a.0.cmp(&b.0));

    // The version: every file but sw.js, path and bytes (postbuild.mjs).
    let mut digest = Sha256::new();
    for (name, bytes) in &files {
        digest.update(name.as_bytes());
        digest.update([0]);
        digest.update(bytes);
        digest.update([0]);
    }
    let version: String = digest
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect::<String>()[..16]
        .to_string();

    let (shell, lazy): (Vec<&SiteFile>, Vec<&SiteFile>) = files
        .iter()
        .partition(|(name, _)| !name.starts_with(LAZY_DIR));
    let list = |fs: &[&SiteFile]| {
        serde_json::to_string(&fs.iter().map(|(n, _)| format!("./{n}")).collect::<Vec<_>>())
    };
    let corpus = CorpusList::of(&lazy)?;
    let sw = SW_TEMPLATE
        .replacen("'__VERSION__'", &serde_json::to_string(&version)?, 1)
        .replacen("['__SHELL__']", &list(&shell)?, 1)
        .replacen("['__FILES__']", &corpus.inline, 1)
        .replacen(
            "'__LISTING__'",
            &serde_json::to_string(&corpus.listing.as_ref().map(|(n, _)| format!("./{n}")))?,
            1,
        )
        .replacen("['__TOTAL__']", &corpus.total, 1);
    for (name, bytes) in &mut files {
        if name == INDEX {
            let html = String::from_utf8(std::mem::take(bytes))?;
            *bytes = html
                .replacen(
                    "<title>",
                    &format!("{VERSION_META}{version}\" />\n    <title>"),
                    1,
                )
                .into_bytes();
        }
    }
    files.push((SW.to_string(), sw.into_bytes()));
    files.extend(corpus.listing);
    files.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(files)
}

/// Below this many bytes of corpus files sw.js lists them all (the worker's
/// `BUDGET`, as scripts/postbuild.mjs has it).
const INLINE_BUDGET: usize = 5 * 1000 * 1000;

/// The corpus files as the service worker gets them: each `[path, content
/// hash, size]` (the first 20 hex digits of its sha256), all in sw.js below
/// [`INLINE_BUDGET`]; past it, sw.js lists only those it precaches (all but
/// documents, search index files, chunks of the glossary's uses and parts of the facets) and every row goes into a listing
/// named by its hash, `sw-files-<hash>.json`, read only to save the whole
/// library or carry saved files over to a new build. What
/// scripts/postbuild.mjs writes, byte for byte.
struct CorpusList {
    /// The rows in sw.js, as JSON.
    inline: String,
    /// `[files, bytes]`, as JSON.
    total: String,
    /// The listing's name and bytes, when sw.js does not list every file.
    listing: Option<SiteFile>,
}

impl CorpusList {
    fn of(files: &[&SiteFile]) -> Result<Self> {
        let rows: Vec<(String, String, usize)> = files
            .iter()
            .map(|(name, bytes)| {
                (
                    format!("./{name}"),
                    hex(&Sha256::digest(bytes))[..20].to_string(),
                    bytes.len(),
                )
            })
            .collect();
        let bytes: usize = rows.iter().map(|r| r.2).sum();
        // Not documents, search index files, chunks of the glossary's uses
        // (`<set>/glossary/`; its lexicon, glossary.bin, is precached) or
        // parts of the facets (`<set>/facets/`; their head, facets.bin, is).
        let precached = |path: &str| {
            !path.contains("/doc/")
                && !path.contains("/search/")
                && !path.contains("/glossary/")
                && !path.contains("/facets/")
        };
        let inline: Vec<&(String, String, usize)> = rows
            .iter()
            .filter(|r| bytes <= INLINE_BUDGET || precached(&r.0))
            .collect();
        let listing = if inline.len() < rows.len() {
            let text = serde_json::to_string(&rows)?;
            let name = format!(
                "sw-files-{}.json",
                &hex(&Sha256::digest(text.as_bytes()))[..16]
            );
            Some((name, text.into_bytes()))
        } else {
            None
        };
        Ok(CorpusList {
            inline: serde_json::to_string(&inline)?,
            total: serde_json::to_string(&(rows.len(), bytes))?,
            listing,
        })
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// index.html without the version meta a build stamped in (and the line
/// break and indentation after it), as postbuild.mjs reads it.
fn without_version(html: &str) -> String {
    let Some(start) = html.find(VERSION_META) else {
        return html.to_string();
    };
    let Some(close) = html[start..].find('>') else {
        return html.to_string();
    };
    let mut end = start + close + 1;
    let rest = &html[end..];
    let rest_trimmed = rest.strip_prefix('\n').unwrap_or(rest);
    end += rest.len() - rest_trimmed.len();
    end += rest_trimmed.len() - rest_trimmed.trim_start().len();
    format!("{}{}", &html[..start], &html[end..])
}

/// index.html with the site's title as the page title.
fn retitle(html: &str, title: &str) -> String {
    match (html.find("<title>"), html.find("</title>")) {
        (Some(a), Some(b)) if a < b => {
            format!("{}<title>{}{}", &html[..a], escape(title), &html[b..])
        }
        _ => html.to_string(),
    }
}

/// index.html with the site's title, subtitle and interface language as
/// `lattice-site-*` metas before `<title>` (read by the app's src/site.rs),
/// and the boot header showing the title and subtitle in that language.
fn with_site_metas(html: &str, settings: &serde_json::Value) -> String {
    let field = |key: &str, lang: &str| {
        settings[key][lang]
            .as_str()
            .map(str::trim)
            .filter(|s| !s.is_empty())
    };
    let lang = settings["language"].as_str().unwrap_or("zh");
    let mut metas = String::new();
    for (name, value) in [
        ("title", field("title", "zh")),
        ("title-en", field("title", "en")),
        ("subtitle", field("subtitle", "zh")),
        ("subtitle-en", field("subtitle", "en")),
        ("lang", Some(lang)),
    ] {
        if let Some(value) = value {
            metas.push_str(&format!(
                "<meta name=\"lattice-site-{name}\" content=\"{}\" />\n    ",
                escape(value)
            ));
        }
    }
    let html = html.replacen("<title>", &format!("{metas}<title>"), 1);
    // In the interface language, else the other one, else as the app shows it.
    let (first, second) = if lang == "en" {
        ("en", "zh")
    } else {
        ("zh", "en")
    };
    let pick = |key: &str| field(key, first).or_else(|| field(key, second));
    let title = pick("title");
    let subtitle = pick("subtitle");
    if title.is_none() && subtitle.is_none() {
        return html;
    }
    // The boot header's name: after its mark, up to the last `</span>`
    // before `</header>`.
    // Quoted in the source, unquoted after Trunk's minifying.
    let Some(boot) = html.find("id=\"boot\"").or_else(|| html.find("id=boot")) else {
        return html;
    };
    let Some(start) = html[boot..]
        .find("site-mark")
        .and_then(|m| html[boot + m..].find("</span>").map(|e| boot + m + e + 7))
    else {
        return html;
    };
    let Some(end) = html[start..]
        .find("</header>")
        .and_then(|h| html[start..start + h].rfind("</span>"))
        .map(|i| start + i)
    else {
        return html;
    };
    let name = format!(
        "{}<span class=\"site-tagline\">{}</span>",
        escape(title.unwrap_or("Lattice")),
        escape(subtitle.unwrap_or(""))
    );
    format!("{}{name}{}", &html[..start], &html[end..])
}

/// The web manifest with the site's title as its name.
fn renamed_manifest(bytes: &[u8], title: &str) -> Result<Vec<u8>> {
    let mut manifest: serde_json::Value = serde_json::from_slice(bytes)?;
    if let Some(fields) = manifest.as_object_mut() {
        fields.insert("name".into(), title.into());
    }
    let mut json = serde_json::to_string_pretty(&manifest)?;
    json.push('\n');
    Ok(json.into_bytes())
}

/// Text for HTML.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "<html><head>\n    <meta name=\"lattice-version\" content=\"abc\" />\n    <title>Old</title></head></html>";

    #[test]
    fn past_the_budget_sw_js_lists_only_what_it_precaches() {
        let app: &[(&str, &[u8])] = &[(INDEX, PAGE.as_bytes())];
        let big = vec![7u8; INLINE_BUDGET];
        let corpus = vec![
            ("corpus/s/doc/a.bin".to_string(), big.clone()),
            ("corpus/s/search/m.bin".to_string(), vec![1]),
            ("corpus/s/glossary.bin".to_string(), vec![1, 2]),
            ("corpus/s/glossary/0123.bin".to_string(), vec![3]),
            ("corpus/s/facets/4567.bin".to_string(), vec![4]),
        ];
        let files = assemble(app, corpus, None).unwrap();
        let sw = String::from_utf8(files.iter().find(|(n, _)| n == SW).unwrap().1.clone()).unwrap();
        let (name, listing) = files
            .iter()
            .find(|(n, _)| n.starts_with("sw-files-"))
            .expect("a listing");
        let text = std::str::from_utf8(listing).unwrap();
        // Named by its content; every corpus file in it; only the glossary's
        // lexicon in sw.js.
        assert_eq!(
            name,
            &format!("sw-files-{}.json", &hex(&Sha256::digest(listing))[..16])
        );
        let rows: Vec<(String, String, usize)> = serde_json::from_str(text).unwrap();
        assert_eq!(rows.len(), 5);
        assert!(
            sw.contains(&format!("const LISTING = \"./{name}\";")),
            "{sw}"
        );
        assert!(sw.contains(
            "const INLINE = [[\"./corpus/s/glossary.bin\",\"a12871fee210fb861929\",2]];"
        ));
        assert!(sw.contains(&format!("const TOTAL = [5,{}];", INLINE_BUDGET + 5)));
        // Neither the listing nor sw.js is in the shell the worker precaches.
        assert!(sw.contains("const SHELL = [\"./index.html\"];"), "{sw}");
    }

    #[test]
    fn a_stamped_version_is_removed_and_a_new_one_stamped() {
        assert_eq!(
            without_version(PAGE),
            "<html><head>\n    <title>Old</title></head></html>"
        );
        let app: &[(&str, &[u8])] = &[(INDEX, PAGE.as_bytes()), ("a.wasm", b"wasm")];
        let corpus = vec![("corpus/head.bin".to_string(), vec![1, 2])];
        let files = assemble(app, corpus.clone(), Some("A & B")).unwrap();
        let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["a.wasm", "corpus/head.bin", INDEX, SW]);
        let html = String::from_utf8(files[2].1.clone()).unwrap();
        assert_eq!(html.matches(VERSION_META).count(), 1);
        assert!(html.contains("<title>A &amp; B</title>"));
        let sw = String::from_utf8(files[3].1.clone()).unwrap();
        assert!(sw.contains("const SHELL = [\"./a.wasm\",\"./index.html\"];"));
        assert!(sw.contains("const TOTAL = [1,2];"), "{sw}");
        assert!(sw.contains("const LISTING = null;"), "{sw}");
        // sha256 of [1, 2] (first 20 hex digits) and its length, as postbuild.mjs writes it.
        assert!(
            sw.contains("const INLINE = [[\"./corpus/head.bin\",\"a12871fee210fb861929\",2]];"),
            "{sw}"
        );
        assert!(!sw.contains("'__"), "every placeholder filled: {sw}");
        let version = &html[html.find(VERSION_META).unwrap() + VERSION_META.len()..][..16];
        assert!(sw.contains(&format!("const VERSION = \"{version}\";")));
        // The same input, the same version; a changed byte, another.
        assert_eq!(assemble(app, corpus, Some("A & B")).unwrap(), files);
        let other = assemble(app, vec![("corpus/head.bin".into(), vec![1, 3])], None).unwrap();
        assert!(!String::from_utf8(other[2].1.clone())
            .unwrap()
            .contains(version));
    }

    #[test]
    fn site_settings_become_metas_and_the_boot_header() {
        let page = "<html><head>\n    <title>Old</title></head><body>\n<div id=\"boot\" aria-hidden=\"true\">\n<header class=\"site-header\">\n<span class=\"site-name\"><span class=\"site-mark\">◇</span>Lattice<span class=\"site-tagline\">印太安全研究讀本</span></span>\n</header>\n</div></body></html>";
        let app: &[(&str, &[u8])] = &[(INDEX, page.as_bytes())];
        let settings = r#"{"title":{"zh":"甲 & 乙","en":"A <&> \"B\""},"subtitle":{"zh":"副","en":null},"language":"en"}"#;
        let corpus = vec![(SETTINGS.to_string(), settings.as_bytes().to_vec())];
        let files = assemble(app, corpus, Some("T")).unwrap();
        let html =
            String::from_utf8(files.iter().find(|f| f.0 == INDEX).unwrap().1.clone()).unwrap();
        assert!(
            html.contains("<meta name=\"lattice-site-title\" content=\"甲 &amp; 乙\" />"),
            "{html}"
        );
        assert!(html.contains(
            "<meta name=\"lattice-site-title-en\" content=\"A &lt;&amp;&gt; &quot;B&quot;\" />"
        ));
        assert!(html.contains("<meta name=\"lattice-site-subtitle\" content=\"副\" />"));
        assert!(
            !html.contains("lattice-site-subtitle-en"),
            "an unset text has no meta"
        );
        assert!(html.contains("<meta name=\"lattice-site-lang\" content=\"en\" />"));
        // The boot header in the interface language, the subtitle falling back to Chinese.
        assert!(html.contains("<span class=\"site-mark\">◇</span>A &lt;&amp;&gt; &quot;B&quot;<span class=\"site-tagline\">副</span></span>\n</header>"), "{html}");
        assert!(!html.contains("印太安全研究讀本"));
        assert!(html.find("lattice-site-lang").unwrap() < html.find("<title>").unwrap());
        // Trunk's minified form too.
        let min = page
            .replace("\"boot\"", "boot")
            .replace("\"site-mark\"", "site-mark");
        let app: &[(&str, &[u8])] = &[(INDEX, min.as_bytes())];
        let corpus = vec![(SETTINGS.to_string(), settings.as_bytes().to_vec())];
        let files = assemble(app, corpus, None).unwrap();
        let html = String::from_utf8(files[0].1.clone()).unwrap();
        assert!(html.contains("<span class=site-mark>◇</span>A &lt;&amp;&gt; &quot;B&quot;<span class=\"site-tagline\">副</span></span>"), "{html}");
        let app: &[(&str, &[u8])] = &[(INDEX, page.as_bytes())];
        // Without settings the page keeps its own header and has no metas.
        let plain = assemble(app, vec![], None).unwrap();
        let plain = String::from_utf8(plain[0].1.clone()).unwrap();
        assert!(plain.contains("印太安全研究讀本") && !plain.contains("lattice-site-"));
    }
}
