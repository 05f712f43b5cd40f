//! Embeds the reader app in the `lattice` binary, so `lattice build` needs
//! no cargo, trunk, node or network. `LATTICE_APP_DIR` names a folder the
//! release app was built into (scripts/package.sh: `LATTICE_HEAD=fetch trunk
//! build --release --dist DIR`); every file in it but `sw.js` (which each
//! site build writes afresh from the service worker template) becomes an
//! `include_bytes!` entry of a table in `$OUT_DIR/app.rs`. Without
//! `LATTICE_APP_DIR` the table is `None`, and `lattice build` says the binary
//! was built without the app instead of writing a site that cannot work.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn main() {
    println!("cargo:rerun-if-env-changed=LATTICE_APP_DIR");
    let manifest = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets it"));
    let template = manifest.join("../../static/sw-template.js");
    println!("cargo:rerun-if-changed={}", template.display());
    let mut code = String::new();
    writeln!(
        code,
        "/// The service worker template (static/sw-template.js).\n\
         pub(crate) static SW_TEMPLATE: &str = include_str!({:?});",
        template.display().to_string()
    )
    .expect("writing to a String");
    match std::env::var("LATTICE_APP_DIR") {
        Ok(dir) if !dir.is_empty() => {
            let dir = PathBuf::from(dir);
            let dir = dir
                .canonicalize()
                .unwrap_or_else(|e| panic!("LATTICE_APP_DIR {}: {e}", dir.display()));
            println!("cargo:rerun-if-changed={}", dir.display());
            let mut files = Vec::new();
            walk(&dir, &dir, &mut files);
            files.sort();
            assert!(
                files.iter().any(|(name, _)| name == "index.html"),
                "LATTICE_APP_DIR {} holds no index.html: build the app there first (scripts/package.sh)",
                dir.display()
            );
            code.push_str(
                "/// The built app's files (path relative to the site, bytes).\n\
                 pub(crate) static FILES: Option<&[(&str, &[u8])]> = Some(&[\n",
            );
            for (name, path) in files {
                println!("cargo:rerun-if-changed={}", path.display());
                writeln!(
                    code,
                    "    ({name:?}, include_bytes!({:?})),",
                    path.display().to_string()
                )
                .expect("writing to a String");
            }
            code.push_str("]);\n");
        }
        _ => code.push_str(
            "/// Built without the app (LATTICE_APP_DIR was not set).\n\
             pub(crate) static FILES: Option<&[(&str, &[u8])]> = None;\n",
        ),
    }
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(out.join("app.rs"), code).expect("cannot write app.rs");
}

/// Every file under `dir` but the service worker and any corpus files (an
/// app that fetches its head has none), as `/`-separated relative paths.
fn walk(base: &Path, dir: &Path, files: &mut Vec<(String, PathBuf)>) {
    let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    for entry in entries {
        let path = entry.expect("a folder entry").path();
        let name = path
            .strip_prefix(base)
            .expect("under the base")
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect::<Vec<_>>()
            .join("/");
        if path.is_dir() {
            if name != "corpus" {
                walk(base, &path, files);
            }
        } else if name != "sw.js" {
            files.push((name, path));
        }
    }
}
