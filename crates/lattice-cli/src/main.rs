//! `lattice`: the command line, a thin shell over lattice-core. `dump` shows
//! what the parser made of a file; `check` lists diagnostics and fails on
//! errors, as the app build does; `search` and `glossary` answer from the
//! same index and glossary the app bundles; `new` writes a starter folder
//! and `build` turns a folder of papers into the files a site serves. The
//! grammar is in `cli.rs`; each command lives in its own module.

mod build;
mod check;
mod cli;
mod dump;
mod folder;
mod glossary;
mod new;
mod report;
mod search;
mod serve;
mod site;

use anyhow::Result;
use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{CommandFactory, FromArgMatches};
use cli::{Cli, Color, Command};
use lattice_core::load_file;
use std::io::Write;
use std::process::ExitCode;

/// Help layout for every command: the usual sections, with a lower-case
/// `usage:` line as Unix tools print it.
const HELP_TEMPLATE: &str = "\
{before-help}{about-with-newline}
usage: {usage}

{all-args}{after-help}";

fn main() -> ExitCode {
    let cli = match parse_args() {
        Ok(cli) => cli,
        Err(code) => return code,
    };
    let choice = match cli.color {
        Color::Auto => anstream::ColorChoice::Auto,
        Color::Always => anstream::ColorChoice::Always,
        Color::Never => anstream::ColorChoice::Never,
    };
    choice.write_global();
    match run(cli.command) {
        Ok(code) => code,
        Err(e) => {
            report::error(&format!("{e:#}"));
            ExitCode::from(2)
        }
    }
}

/// Parse the command line; on `--help`/`--version` or a usage error, print
/// what clap says (an unknown command in our own words) and give the exit
/// code: 0 for help and version, 2 for usage errors.
fn parse_args() -> Result<Cli, ExitCode> {
    fn templated(cmd: clap::Command) -> clap::Command {
        cmd.help_template(HELP_TEMPLATE).mut_subcommands(templated)
    }
    let command = templated(Cli::command().arg_required_else_help(true));
    let parsed = command
        .try_get_matches()
        .and_then(|m| Cli::from_arg_matches(&m));
    parsed.map_err(|e| match e.kind() {
        ErrorKind::InvalidSubcommand => {
            let name = match e.get(ContextKind::InvalidSubcommand) {
                Some(ContextValue::String(s)) => s.clone(),
                _ => String::new(),
            };
            let hint = match e.get(ContextKind::SuggestedSubcommand) {
                Some(ContextValue::Strings(s)) if !s.is_empty() => {
                    format!("did you mean `{}`? ", s[0])
                }
                _ => String::new(),
            };
            let commands: Vec<String> = Cli::command()
                .get_subcommands()
                .map(|c| c.get_name().to_string())
                .collect();
            report::error(&format!(
                "unknown command `{name}`; {hint}commands: {} (lattice --help)",
                commands.join(", ")
            ));
            ExitCode::from(2)
        }
        _ => {
            // Help and version go to stdout with 0; errors to stderr with 2.
            let _ = e.print();
            ExitCode::from(if e.use_stderr() { 2 } else { 0 })
        }
    })
}

fn run(command: Command) -> Result<ExitCode> {
    match command {
        Command::Dump(args) => {
            let doc = load_file(&args.path)?;
            let json = serde_json::to_string_pretty(&dump::DumpView::from(&doc))?;
            print_out(&json)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Check(args) => check::run(&args),
        Command::Search(args) => search::run(&args),
        Command::Glossary(args) => glossary::run(&args),
        Command::New(args) => new::run(&args),
        Command::Build(args) => build::run(&args),
        Command::Serve(args) => serve::run(&args),
    }
}

/// Print to stdout, without colour unless stdout is a terminal that wants
/// it; a closed pipe (`lattice dump x | head`) is not an error.
pub(crate) fn print_out(text: &str) -> Result<()> {
    if text.is_empty() {
        return Ok(());
    }
    match writeln!(anstream::stdout().lock(), "{text}") {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => Ok(other?),
    }
}
