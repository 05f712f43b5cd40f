//! `lattice new DIR`: a starter folder — a commented lattice.toml and an
//! example Markdown paper — so a first site is one `lattice build` away. It
//! writes only into a new or empty folder, never over someone's files.

use crate::cli::NewArgs;
use anyhow::{bail, Context, Result};
use std::path::Path;
use std::process::ExitCode;

/// The starter files: name and text.
pub(crate) const STARTER: &[(&str, &str)] = &[
    (
        lattice_core::config::CONFIG_FILE,
        include_str!("starter/lattice.toml"),
    ),
    ("example.md", include_str!("starter/example.md")),
];

pub(crate) fn run(args: &NewArgs) -> Result<ExitCode> {
    let dir = &args.dir;
    refuse_unless_empty(dir)?;
    std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    for (name, text) in STARTER {
        let path = dir.join(name);
        std::fs::write(&path, text).with_context(|| format!("writing {}", path.display()))?;
    }
    eprintln!(
        "created {} with {}\nnext: put your papers in it, edit lattice.toml, then run `lattice build {}`",
        dir.display(),
        STARTER
            .iter()
            .map(|(n, _)| *n)
            .collect::<Vec<_>>()
            .join(" and "),
        dir.display()
    );
    Ok(ExitCode::SUCCESS)
}

fn refuse_unless_empty(dir: &Path) -> Result<()> {
    match std::fs::read_dir(dir) {
        Ok(mut entries) => {
            if entries.next().is_some() {
                bail!(
                    "{} is not empty; lattice new writes only into a new or empty folder",
                    dir.display()
                );
            }
            Ok(())
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) if dir.is_file() => {
            bail!("{} is a file, not a folder ({e})", dir.display())
        }
        Err(e) => Err(e).with_context(|| format!("reading {}", dir.display())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_starter_config_is_valid_and_names_the_example() {
        let (name, text) = STARTER[0];
        let config = lattice_core::config::parse(name, text).unwrap();
        assert_eq!(config.site.title.en.as_deref(), Some("My Research Library"));
        let files: Vec<&str> = STARTER.iter().map(|(n, _)| *n).collect();
        assert!(config.unmatched_documents(files).is_empty());
        assert!(!config.documents["example.md"].is_empty());
    }
}
