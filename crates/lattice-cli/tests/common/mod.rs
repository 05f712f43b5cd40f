//! Running the built `lattice` binary from the repository root, as a
//! maintainer would, for every CLI test file.
// Each test file uses some of these helpers, not all.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The repository root (where corpus/ is).
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Run `lattice ARGS...` from the repository root.
pub fn lattice(args: &[&str]) -> Output {
    lattice_in(&root(), args)
}

/// Run `lattice ARGS...` in `cwd`, with colour left to the defaults.
pub fn lattice_in(cwd: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_lattice"))
        .args(args)
        .current_dir(cwd)
        .env_remove("CLICOLOR_FORCE")
        .env_remove("NO_COLOR")
        .output()
        .unwrap()
}
