//! The command line's grammar: every command, argument and help text, in one
//! place (clap derive), so `--help` is complete on every command and the
//! commands' modules only receive already-checked values.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// The folder commands read when none is given.
pub(crate) const DEFAULT_CORPUS: &str = "corpus";

const EXIT_CODES: &str = "\
Exit status:
  0  success (for search: also when nothing is found; the counts say so)
  1  the corpus has errors (check, build --strict, or an error no document can be
     skipped for, such as a malformed glossary.toml or lattice.toml)
  2  usage error, or a file or folder that cannot be read or written

Diagnostics are printed as `file:line: severity: message`, coloured on a
terminal only (NO_COLOR=1 or --color never turns colour off; CLICOLOR_FORCE=1
or --color always turns it on).";

/// Lattice: an offline, bilingual reader for research papers. This command
/// checks, searches and builds a folder of papers.
#[derive(Debug, Parser)]
#[command(name = "lattice", version, after_help = EXIT_CODES, max_term_width = 100)]
pub(crate) struct Cli {
    /// When to colour diagnostics: auto (on a terminal, unless NO_COLOR is
    /// set), always, never.
    #[arg(
        long,
        value_enum,
        global = true,
        default_value_t = Color::Auto,
        value_name = "WHEN",
        hide_possible_values = true
    )]
    pub(crate) color: Color,
    #[command(subcommand)]
    pub(crate) command: Command,
}

/// `--color`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum Color {
    /// On a terminal, unless NO_COLOR is set.
    Auto,
    /// Always (also when piped).
    Always,
    /// Never.
    Never,
}

#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// Print one parsed document as JSON (what the parser made of the file).
    Dump(DumpArgs),
    /// Print every diagnostic of a corpus folder or of files; exit 1 on errors.
    #[command(
        after_help = "Exit status: 0 no errors (warnings allowed), 1 errors, 2 a path cannot be read."
    )]
    Check(CheckArgs),
    /// Search the corpus as the app does (folded spelling, glossary expansion).
    #[command(
        after_help = "Exit status: 0 whether or not anything is found (the counts say so), 2 the corpus cannot be read."
    )]
    Search(SearchArgs),
    /// List the Chinese↔English glossary extracted from the corpus and curated
    /// by its glossary file.
    #[command(
        after_help = "Exit status: 0 listed, 1 lattice.toml or the glossary file has errors (printed; a glossary file with errors curates nothing, so no glossary is listed), 2 the corpus cannot be read."
    )]
    Glossary(GlossaryArgs),
    /// Write a starter folder: a commented lattice.toml and an example paper.
    ///
    /// DIR must not exist or be empty: nothing is ever overwritten.
    New(NewArgs),
    /// Parse a folder of papers and write a complete reader site.
    ///
    /// Each file that cannot be parsed is reported (`file:line: error: …`) and
    /// skipped; the rest is built. With --strict any error fails the build.
    /// Every error is printed, and the first 50 warnings (`lattice check`
    /// lists them all). The same input always gives byte-identical output.
    ///
    /// The site holds the reader app this binary carries (index.html, wasm,
    /// JavaScript, styles, icons, manifest), its service worker (sw.js), the
    /// corpus head and files with the split search index (corpus/), and
    /// site.json. It needs no other tool or network; serve it from any static
    /// host, at its root or under a sub-path.
    #[command(
        after_help = "Exit status: 0 built (files with errors skipped), 1 an error with --strict, or in lattice.toml or the glossary file (nothing written), 2 a usage error or a folder that cannot be read or written."
    )]
    Build(BuildArgs),
    /// Build the site, serve it on 127.0.0.1, and rebuild when a file changes.
    ///
    /// The site is written as `lattice build` writes it (to DIR/site unless
    /// --out says otherwise) and served from memory with the right MIME types,
    /// brotli or gzip as the browser accepts (compressed once per build). For
    /// previewing only: deploy the built folder to a static host.
    #[command(
        after_help = "Exit status: 1 the first build failed (see lattice build), 2 a usage error, a folder that cannot be read, or a port that cannot be listened on. Runs until interrupted."
    )]
    Serve(ServeArgs),
}

#[derive(Debug, Args)]
pub(crate) struct DumpArgs {
    /// The source file.
    pub(crate) path: PathBuf,
}

/// The corpus folder option shared by check, search and glossary.
#[derive(Debug, Args)]
pub(crate) struct CorpusArg {
    /// The corpus folder, read with its lattice.toml. Its glossary file
    /// (glossary.toml, or the one lattice.toml names) curates the glossary;
    /// without one, the glossary is the one extracted from the papers.
    #[arg(long = "corpus", value_name = "DIR", default_value = DEFAULT_CORPUS)]
    pub(crate) dir: PathBuf,
}

#[derive(Debug, Args)]
pub(crate) struct CheckArgs {
    /// Files or folders to check instead of the corpus folder. A folder is
    /// checked as the build reads it, with its lattice.toml, sidecar files
    /// and glossary file.
    #[arg(value_name = "PATH")]
    pub(crate) paths: Vec<PathBuf>,
    #[command(flatten)]
    pub(crate) corpus: CorpusArg,
    /// Print the diagnostics and counts as JSON.
    #[arg(long)]
    pub(crate) json: bool,
}

#[derive(Debug, Args)]
pub(crate) struct SearchArgs {
    /// The query: words, "quoted phrases", `OR` between alternatives, `-word`
    /// to exclude (inside one quoted argument, `'Quad -AUKUS'`, or after
    /// `--`, so it is not read as an option); several arguments are joined
    /// by spaces.
    #[arg(value_name = "QUERY", required = true, num_args = 1..)]
    pub(crate) words: Vec<String>,
    /// Print every matched occurrence as the exact source text it covers, as JSON.
    #[arg(long)]
    pub(crate) json: bool,
    /// Show every hit (by default the first 20 by rank).
    #[arg(long)]
    pub(crate) all: bool,
    /// Do not expand terms to their glossary forms.
    #[arg(long)]
    pub(crate) no_glossary: bool,
    /// Search a built site's split index (its folder, e.g. dist/) instead of a
    /// corpus folder, reading only the files the query needs, as the app does.
    #[arg(long, value_name = "DIST", conflicts_with = "dir")]
    pub(crate) site: Option<PathBuf>,
    #[command(flatten)]
    pub(crate) corpus: CorpusArg,
}

#[derive(Debug, Args)]
pub(crate) struct GlossaryArgs {
    /// Print the terms as JSON (zh, en, abbr, kind, count).
    #[arg(long)]
    pub(crate) json: bool,
    #[command(flatten)]
    pub(crate) corpus: CorpusArg,
}

#[derive(Debug, Args)]
pub(crate) struct NewArgs {
    /// The folder to create.
    pub(crate) dir: PathBuf,
}

#[derive(Debug, Args)]
pub(crate) struct BuildArgs {
    /// The folder of papers (with an optional lattice.toml).
    #[arg(value_name = "DIR", default_value = ".")]
    pub(crate) dir: PathBuf,
    /// Where to write the site (default: `site` inside DIR). An existing
    /// folder must be empty or an earlier build's output.
    #[arg(long, value_name = "DIR")]
    pub(crate) out: Option<PathBuf>,
    /// The path the site is served under, e.g. /papers/ (overrides
    /// base_url in lattice.toml; default /).
    #[arg(long, value_name = "PATH")]
    pub(crate) base_url: Option<String>,
    /// Fail (exit 1) on any error instead of skipping the files that have one.
    #[arg(long)]
    pub(crate) strict: bool,
    /// Print the summary as JSON.
    #[arg(long)]
    pub(crate) json: bool,
    /// Write only the corpus files and site.json, without the reader app
    /// (what a binary built without the app can do; see scripts/package.sh).
    #[arg(long)]
    pub(crate) no_app: bool,
}

#[derive(Debug, Args)]
pub(crate) struct ServeArgs {
    /// The folder of papers (with an optional lattice.toml).
    #[arg(value_name = "DIR", default_value = ".")]
    pub(crate) dir: PathBuf,
    /// Where to write the site (default: `site` inside DIR).
    #[arg(long, value_name = "DIR")]
    pub(crate) out: Option<PathBuf>,
    /// The port on 127.0.0.1 (0: any free port, printed at start).
    #[arg(long, default_value_t = 4000)]
    pub(crate) port: u16,
    /// Build and serve only the corpus files and site.json (see build --no-app).
    #[arg(long)]
    pub(crate) no_app: bool,
}
