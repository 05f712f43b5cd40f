//! `lattice glossary [--json]`: the Chinese↔English glossary extracted from corpus/.

use anyhow::{bail, Result};
use std::process::ExitCode;

pub(crate) fn run(_args: &[String]) -> Result<ExitCode> {
    bail!("`glossary` is not built yet")
}
