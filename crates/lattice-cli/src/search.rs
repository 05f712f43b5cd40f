//! `lattice search QUERY [--json] [--all]`: the app's search, from the command line.

use anyhow::{bail, Result};
use std::process::ExitCode;

pub(crate) fn run(_args: &[String]) -> Result<ExitCode> {
    bail!("`search` is not built yet")
}
