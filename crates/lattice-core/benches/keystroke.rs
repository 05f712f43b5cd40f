//! The core's share of a warm keystroke, natively: for each prefix of each
//! query (what a reader's keystrokes search), the split index's step
//! [`split::attempt`] with every file it needs already at hand — as the
//! app's store holds them once fetched — timed over many runs. The app's
//! header box asks for 6 hits (`SUGGESTIONS`), its results page for 20.
//!
//! ```sh
//! cargo bench -p lattice-core --bench keystroke -- SITE [QUERY...]
//! ```
//!
//! SITE is a `lattice build` output (or the folder holding `meta.bin`);
//! queries are expanded by the glossary beside the index, as the app does.
//! Prints, per prefix, the median and max of the warm step in ms (wall
//! clock), the median in thread CPU time (what the step costs, without the
//! waits of a machine shared with other work), and the hits found; then the
//! slowest prefixes. Not a test: numbers only
//! (scripts/keystroke-profile.mjs measures the same keystrokes in Chromium).

use lattice_core::glossary::Glossary;
use lattice_core::layout::{self, FileKind, Part};
use lattice_core::search::split::{self, Files, Reader, Step};
use lattice_core::search::{pipeline, SearchOptions};
use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

/// Typed one character at a time (scripts/perf.mjs's query first).
const QUERIES: &[&str] = &[
    "四方安全對話",
    "小多邊主義的現況",
    "Indo-Pacific",
    "強化友盟關係的策略",
    "美日韓 三邊",
    "security cooperation",
];
/// Warm runs per prefix.
const RUNS: usize = 30;

/// This thread's CPU time in ms (`None` where it cannot be read).
fn cpu_ms() -> Option<f64> {
    #[cfg(unix)]
    {
        let mut t = libc::timespec {
            tv_sec: 0,
            tv_nsec: 0,
        };
        // SAFETY: `t` is a valid, writable timespec for the call.
        let ok = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut t) } == 0;
        ok.then(|| t.tv_sec as f64 * 1000.0 + t.tv_nsec as f64 / 1e6)
    }
    #[cfg(not(unix))]
    {
        None
    }
}

fn glossary(index: &Path) -> Option<Glossary> {
    let bytes = std::fs::read(index.parent()?.join("glossary.bin")).ok()?;
    match layout::decode(FileKind::Glossary, &bytes).ok()? {
        Part::Glossary(lexicon) => Some(lexicon.glossary),
        _ => None,
    }
}

fn main() -> ExitCode {
    // `cargo bench` passes `--bench`; the rest are ours.
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let Some(site) = args.first() else {
        eprintln!("usage: cargo bench -p lattice-core --bench keystroke -- SITE [QUERY...]");
        return ExitCode::from(2);
    };
    let dir = match split::index_dir(Path::new(site)) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    let g = glossary(&dir);
    let queries: Vec<&str> = if args.len() > 1 {
        args[1..].iter().map(String::as_str).collect()
    } else {
        QUERIES.to_vec()
    };
    let reader = split::DirReader { dir: dir.clone() };
    let mut rows: Vec<(String, usize, f64, f64, usize)> = Vec::new();
    println!("| typed | hits shown | warm step ms median | max | cpu ms median | passages hit |");
    println!("|---|---|---|---|---|---|");
    for q in queries {
        let mut typed = String::new();
        for ch in q.chars() {
            typed.push(ch);
            let query = pipeline::prepare(&typed, g.as_ref());
            for limit in [6, 20] {
                let options = SearchOptions {
                    limit: Some(limit),
                    ..SearchOptions::default()
                };
                // Cold: fetch what the prefix needs, as the app's store would.
                let mut files = Files::default();
                let total = loop {
                    match split::attempt(&files, &query, &options, false) {
                        Ok(Step::Done(found)) => break found.results.total,
                        Ok(Step::Fetch(names)) => {
                            for name in names {
                                match reader.fetch(&name) {
                                    Ok(bytes) => files.insert(name, bytes),
                                    Err(e) => {
                                        eprintln!("{typed}: {e}");
                                        return ExitCode::FAILURE;
                                    }
                                }
                            }
                        }
                        Err(e) => {
                            eprintln!("{typed}: {e}");
                            return ExitCode::FAILURE;
                        }
                    }
                };
                // Warm: every file at hand.
                let mut times = Vec::with_capacity(RUNS);
                let mut cpu = Vec::with_capacity(RUNS);
                for _ in 0..RUNS {
                    let (started, cpu_started) = (Instant::now(), cpu_ms());
                    let step = split::attempt(&files, &query, &options, false);
                    times.push(started.elapsed().as_secs_f64() * 1000.0);
                    if let (Some(a), Some(b)) = (cpu_started, cpu_ms()) {
                        cpu.push(b - a);
                    }
                    if !matches!(step, Ok(Step::Done(_))) {
                        eprintln!("{typed}: the warm step asked for more files");
                        return ExitCode::FAILURE;
                    }
                }
                times.sort_by(f64::total_cmp);
                cpu.sort_by(f64::total_cmp);
                let (median, max) = (times[RUNS / 2], times[RUNS - 1]);
                let cpu_median = cpu
                    .get(cpu.len() / 2)
                    .map_or_else(|| "-".to_string(), |c| format!("{c:.2}"));
                println!("| {typed} | {limit} | {median:.2} | {max:.2} | {cpu_median} | {total} |");
                rows.push((typed.clone(), limit, median, max, total));
            }
        }
    }
    rows.sort_by(|a, b| b.2.total_cmp(&a.2));
    println!("\nslowest (median): ");
    for (typed, limit, median, max, total) in rows.iter().take(5) {
        println!("  {typed} ({limit} hits): {median:.2} ms, max {max:.2}, {total} passages");
    }
    ExitCode::SUCCESS
}
