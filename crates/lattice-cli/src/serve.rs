//! `lattice serve [DIR]`: build the site, serve it on loopback, and rebuild
//! when a paper (or lattice.toml, or the glossary file) changes — for
//! previewing a folder of papers before deploying it.
//!
//! A deliberately small HTTP/1.1 server over std's `TcpListener` (one thread
//! per connection, GET and HEAD only, `Connection: close`): it serves files
//! with the MIME types browsers insist on (`application/wasm` for
//! streaming compilation, JavaScript for modules, the web manifest's), gzip
//! when the browser accepts it, and never a path outside the site. Not a
//! production server: deploy the built folder to a static host instead.

use crate::build;
use crate::cli::{BuildArgs, ServeArgs};
use anyhow::{Context, Result};
use flate2::write::GzEncoder;
use flate2::Compression;
use notify::{RecursiveMode, Watcher};
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::process::ExitCode;
use std::sync::mpsc;
use std::time::Duration;

/// Changes arriving this close together make one rebuild.
const SETTLE: Duration = Duration::from_millis(300);

pub(crate) fn run(args: &ServeArgs) -> Result<ExitCode> {
    let out = args.out.clone().unwrap_or_else(|| args.dir.join("site"));
    let build_args = BuildArgs {
        dir: args.dir.clone(),
        out: Some(out.clone()),
        base_url: None,
        strict: false,
        json: false,
        no_app: args.no_app,
    };
    let code = build::run(&build_args)?;
    if code != ExitCode::SUCCESS {
        return Ok(code);
    }
    let listener = TcpListener::bind(("127.0.0.1", args.port))
        .with_context(|| format!("listening on 127.0.0.1:{}", args.port))?;
    let port = listener.local_addr()?.port();
    eprintln!(
        "serving {} at http://127.0.0.1:{port}/ (Ctrl-C stops)",
        out.display()
    );

    let root = out.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let root = root.clone();
            std::thread::spawn(move || {
                // A client that goes away mid-answer is not our concern.
                let _ = answer(&root, stream);
            });
        }
    });

    // Watch the folder; the output (inside it by default) is ignored.
    let (send, changes) = mpsc::channel();
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        if let Ok(event) = event {
            let _ = send.send(event.paths);
        }
    })?;
    watcher
        .watch(&args.dir, RecursiveMode::NonRecursive)
        .with_context(|| format!("watching {}", args.dir.display()))?;
    let out_abs = absolute(&out);
    let ours = |paths: &[PathBuf]| {
        paths
            .iter()
            .all(|p| absolute(p).starts_with(&out_abs) || p.file_name().is_none())
    };
    while let Ok(paths) = changes.recv() {
        if ours(&paths) {
            continue;
        }
        // Let a burst of changes (an editor's save) settle into one rebuild.
        while changes.recv_timeout(SETTLE).is_ok() {}
        eprintln!("a file changed; rebuilding");
        if let Err(e) = build::run(&build_args) {
            crate::report::error(&format!("{e:#}"));
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
}

/// Answer one request.
fn answer(root: &Path, stream: TcpStream) -> std::io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut line = String::new();
    reader.read_line(&mut line)?;
    let mut gzip = false;
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header)? == 0 || header.trim().is_empty() {
            break;
        }
        if let Some((name, value)) = header.split_once(':') {
            if name.trim().eq_ignore_ascii_case("accept-encoding") {
                gzip = value.split(',').any(|v| v.trim().starts_with("gzip"));
            }
        }
    }
    let mut parts = line.split_whitespace();
    let (method, target) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
    let mut stream = stream;
    if method != "GET" && method != "HEAD" {
        return respond(
            &mut stream,
            "405 Method Not Allowed",
            "text/plain",
            b"",
            false,
            method,
        );
    }
    let Some(path) = resolve(root, target) else {
        return respond(
            &mut stream,
            "404 Not Found",
            "text/plain; charset=utf-8",
            b"not found\n",
            false,
            method,
        );
    };
    match std::fs::read(&path) {
        Ok(body) => {
            let kind = mime(&path);
            let compress = gzip && compressible(kind) && body.len() > 256;
            let body = if compress {
                let mut encoder = GzEncoder::new(Vec::new(), Compression::default());
                encoder.write_all(&body)?;
                encoder.finish()?
            } else {
                body
            };
            respond(&mut stream, "200 OK", kind, &body, compress, method)
        }
        Err(_) => respond(
            &mut stream,
            "404 Not Found",
            "text/plain; charset=utf-8",
            b"not found\n",
            false,
            method,
        ),
    }
}

fn respond(
    stream: &mut TcpStream,
    status: &str,
    kind: &str,
    body: &[u8],
    gzip: bool,
    method: &str,
) -> std::io::Result<()> {
    let mut head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nCache-Control: no-cache\r\nConnection: close\r\n",
        body.len()
    );
    if gzip {
        head.push_str("Content-Encoding: gzip\r\nVary: Accept-Encoding\r\n");
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes())?;
    if method != "HEAD" {
        stream.write_all(body)?;
    }
    stream.flush()
}

/// The file a request target names under `root`: the query dropped,
/// `%XX` decoded, a folder meaning its index.html; `None` for a path that
/// would leave the site.
fn resolve(root: &Path, target: &str) -> Option<PathBuf> {
    let path = target.split(['?', '#']).next()?;
    let path = percent_decode(path)?;
    let mut file = root.to_path_buf();
    for component in Path::new(path.trim_start_matches('/')).components() {
        match component {
            Component::Normal(part) => file.push(part),
            Component::CurDir => {}
            _ => return None,
        }
    }
    if file.is_dir() {
        file.push("index.html");
    }
    Some(file)
}

fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// The Content-Type of a site file.
fn mime(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "wasm" => "application/wasm",
        "json" => "application/json",
        "webmanifest" => "application/manifest+json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// Whether compressing this type pays (images are compressed already).
fn compressible(kind: &str) -> bool {
    !kind.starts_with("image/png")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_stay_inside_the_site() {
        let root = Path::new("/srv/site");
        assert_eq!(resolve(root, "/a%20b.js?v=1"), Some(root.join("a b.js")));
        assert_eq!(resolve(root, "/../etc/passwd"), None);
        assert_eq!(resolve(root, "/%2e%2e/x"), None);
        assert_eq!(resolve(root, "/%zz"), None);
    }

    #[test]
    fn wasm_and_modules_get_the_types_browsers_require() {
        assert_eq!(mime(Path::new("x.wasm")), "application/wasm");
        assert!(mime(Path::new("x.js")).starts_with("text/javascript"));
        assert_eq!(
            mime(Path::new("corpus/head.bin")),
            "application/octet-stream"
        );
    }
}
