//! Running the built `lattice` binary from the repository root, as a
//! maintainer would, for every CLI test file.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The repository root (where corpus/ is).
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Run `lattice ARGS...` from the repository root.
pub fn lattice(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_lattice"))
        .args(args)
        .current_dir(root())
        .output()
        .unwrap()
}
