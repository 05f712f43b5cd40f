//! The command line as people expect it: `--help` on every command, a
//! version, the documented exit codes, JSON from `check`, `--corpus`, and
//! colour only where it is wanted.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

mod common;
use common::{lattice, root};

/// Run `lattice ARGS...` from the repository root with extra environment.
fn lattice_env(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_lattice"));
    cmd.args(args).current_dir(root());
    for var in ["NO_COLOR", "CLICOLOR_FORCE", "CLICOLOR"] {
        cmd.env_remove(var);
    }
    cmd.envs(env.iter().copied()).output().unwrap()
}

/// A fresh, empty folder for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("lattice-usage-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// The command names the top-level help lists.
fn commands() -> Vec<String> {
    let out = lattice(&["--help"]);
    let help = text(&out.stdout);
    let list = help
        .split("Commands:\n")
        .nth(1)
        .expect("the help lists the commands");
    list.lines()
        .take_while(|l| !l.trim().is_empty())
        .filter(|l| l.starts_with("  ") && !l.starts_with("   "))
        .map(|l| l.split_whitespace().next().unwrap().to_string())
        .filter(|c| c != "help")
        .collect()
}

#[test]
fn every_command_has_help() {
    let commands = commands();
    for expected in ["dump", "check", "search", "glossary"] {
        assert!(commands.iter().any(|c| c == expected), "{commands:?}");
    }
    for c in &commands {
        for args in [vec![c.as_str(), "--help"], vec!["help", c.as_str()]] {
            let out = lattice(&args);
            assert_eq!(out.status.code(), Some(0), "{args:?}");
            let help = text(&out.stdout);
            assert!(help.contains(&format!("usage: lattice {c}")), "{help}");
            assert!(help.contains("-h, --help"), "{help}");
        }
    }
    let top = text(&lattice(&["--help"]).stdout);
    assert!(top.contains("Exit status:"), "{top}");
}

#[test]
fn version_is_the_package_version() {
    let out = lattice(&["--version"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        text(&out.stdout).trim(),
        format!("lattice {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn exit_codes_are_as_documented() {
    let dir = scratch("exit");
    let bad = dir.join("bad.txt");
    std::fs::write(&bad, "\nplain words with no header\n").unwrap();
    let bad = bad.to_str().unwrap();
    let cases: &[(&[&str], i32)] = &[
        (&["check"], 0),
        (&["check", bad], 1),
        (&["check", "no/such/file.txt"], 2),
        (&["check", "--corpus", "no/such/folder"], 2),
        (&["check", "--frobnicate"], 2),
        (&["search", "沒有這個詞"], 0),
        (&["search"], 2),
        (&["glossary", "--corpus", "no/such/folder"], 2),
        (&["dump", "no/such/file.txt"], 2),
        (&["dump"], 2),
        (&[], 2),
        (&["--help"], 0),
        (&["--version"], 0),
        (&["--color", "sometimes", "check"], 2),
    ];
    for (args, code) in cases {
        let out = lattice(args);
        assert_eq!(
            out.status.code(),
            Some(*code),
            "lattice {args:?}: {}",
            text(&out.stderr)
        );
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn check_json_lists_every_diagnostic_with_counts() {
    let out = lattice(&["check", "--json"]);
    assert_eq!(out.status.code(), Some(0));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        (v["documents"].as_u64(), v["errors"].as_u64()),
        (Some(2), Some(0))
    );
    let diagnostics = v["diagnostics"].as_array().unwrap();
    assert_eq!(diagnostics.len() as u64, v["warnings"].as_u64().unwrap());
    // The same diagnostics as the plain report, line for line.
    let plain = text(&lattice(&["check"]).stdout);
    let lines: Vec<String> = diagnostics
        .iter()
        .map(|d| {
            assert_eq!(d.as_object().unwrap().len(), 4, "{d}");
            format!(
                "{}:{}: {}: {}",
                d["file"].as_str().unwrap(),
                d["line"],
                d["severity"].as_str().unwrap(),
                d["message"].as_str().unwrap()
            )
        })
        .collect();
    assert_eq!(lines, plain.lines().collect::<Vec<_>>());

    let dir = scratch("json");
    let bad = dir.join("bad.txt");
    std::fs::write(&bad, "\nplain words with no header\n").unwrap();
    let out = lattice(&["check", "--json", bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["documents"], 1);
    assert!(v["errors"].as_u64().unwrap() >= 1);
    let first = &v["diagnostics"][0];
    assert_eq!(first["file"], bad.to_str().unwrap());
    assert_eq!(
        (first["line"].as_u64(), first["severity"].as_str()),
        (Some(2), Some("error"))
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

/// A corpus folder holding one of the real papers and nothing else.
fn one_paper_corpus(name: &str) -> PathBuf {
    let dir = scratch(name);
    let paper = "quad-foreign-ministers-2025.txt";
    std::fs::copy(root().join("corpus").join(paper), dir.join(paper)).unwrap();
    dir
}

#[test]
fn corpus_option_selects_the_folder_and_its_glossary() {
    let dir = one_paper_corpus("corpus");
    let d = dir.to_str().unwrap();
    let out = lattice(&["check", "--json", "--corpus", d]);
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["documents"], 1);

    // No glossary.toml: the extracted glossary, without the curated additions.
    let own: Value =
        serde_json::from_slice(&lattice(&["glossary", "--json", "--corpus", d]).stdout).unwrap();
    let own = own.as_array().unwrap();
    assert!(!own.is_empty());
    assert!(own
        .iter()
        .all(|t| t["en"] != "North Atlantic Treaty Organization"));

    let out = lattice(&["search", "--json", "--all", "--corpus", d, "四方"]);
    assert_eq!(out.status.code(), Some(0));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let hits = v["hits"].as_array().unwrap();
    assert!(!hits.is_empty());
    assert!(hits
        .iter()
        .all(|h| h["doc"] == "quad-foreign-ministers-2025"));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_broken_glossary_file_fails_check_with_its_line() {
    let dir = one_paper_corpus("broken-glossary");
    std::fs::write(
        dir.join("glossary.toml"),
        "[[add]]\nzh = [\"印太\"]\nenglish = \"x\"\n",
    )
    .unwrap();
    let out = lattice(&["check", "--corpus", dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let report = text(&out.stdout);
    let file = Path::new(&dir).join("glossary.toml");
    assert!(
        report.contains(&format!("{}:3: error:", file.display())),
        "{report}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn diagnostics_are_coloured_only_when_wanted() {
    let dir = scratch("colour");
    let bad = dir.join("bad.txt");
    std::fs::write(&bad, "\nplain words with no header\n").unwrap();
    let bad = bad.to_str().unwrap();
    let run = |extra: &[&str], env: &[(&str, &str)]| {
        let mut args = vec!["check", bad];
        args.extend_from_slice(extra);
        text(&lattice_env(&args, env).stdout)
    };
    let plain = run(&[], &[]);
    assert!(!plain.contains('\x1b'), "piped output is plain: {plain:?}");
    assert!(plain.starts_with(&format!("{bad}:2: error: ")));
    for (extra, env) in [
        (&[][..], &[("CLICOLOR_FORCE", "1")][..]),
        (&["--color", "always"][..], &[][..]),
    ] {
        let coloured = run(extra, env);
        assert!(
            coloured.contains("\x1b["),
            "{extra:?} {env:?}: {coloured:?}"
        );
        // Red for the error; stripping the styles gives the plain report.
        assert!(coloured.contains("\x1b[31m"), "{coloured:?}");
        let stripped: String = strip_ansi(&coloured);
        assert_eq!(stripped, plain);
    }
    for (extra, env) in [
        (&[][..], &[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")][..]),
        (&["--color", "never"][..], &[("CLICOLOR_FORCE", "1")][..]),
    ] {
        assert_eq!(run(extra, env), plain, "{extra:?} {env:?}");
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Remove `ESC [ … m` sequences.
fn strip_ansi(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\x1b' {
            for d in chars.by_ref() {
                if d == 'm' {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}
