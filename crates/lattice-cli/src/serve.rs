//! `lattice serve [DIR]`: build the site, serve it on loopback, and rebuild
//! when a paper (or lattice.toml, or the glossary file) changes — for
//! previewing a folder of papers before deploying it.
//!
//! A deliberately small HTTP/1.1 server over std's `TcpListener` (one thread
//! per connection, GET and HEAD only, `Connection: close`): it serves the
//! site from memory (`snapshot`: read and compressed once per build), with
//! the MIME types browsers insist on (`application/wasm` for streaming
//! compilation, JavaScript for modules, the web manifest's), brotli or gzip
//! as the request's Accept-Encoding allows (`encoding`), and never a path
//! outside the site. Not a production server: deploy the built folder to a
//! static host instead.

mod encoding;
mod snapshot;

use crate::build;
use crate::cli::{BuildArgs, ServeArgs};
use anyhow::{Context, Result};
use encoding::Encoding;
use notify::{RecursiveMode, Watcher};
use snapshot::{Compressed, Snapshot};
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::process::ExitCode;
use std::sync::{mpsc, Arc, RwLock};
use std::time::{Duration, Instant};

/// The site being served; replaced whole after each successful build.
type Shared = Arc<RwLock<Arc<Snapshot>>>;

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
    let mut compressed = Compressed::default();
    let site: Shared = Arc::new(RwLock::new(Arc::new(Snapshot::empty())));
    load(&out, &mut compressed, &site)?;
    let listener = TcpListener::bind(("127.0.0.1", args.port))
        .with_context(|| format!("listening on 127.0.0.1:{}", args.port))?;
    let port = listener.local_addr()?.port();
    eprintln!(
        "serving {} at http://127.0.0.1:{port}/ (Ctrl-C stops)",
        out.display()
    );

    let serving = site.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let site = current(&serving);
            std::thread::spawn(move || {
                // A client that goes away mid-answer is not our concern.
                let _ = answer(&site, stream);
            });
        }
    });

    // Watch the folder for changes to its files; the output (inside it by
    // default) and the folder itself are ignored, and so is reading: each
    // build lists and reads the folder, which must not start another.
    let (send, changes) = mpsc::channel();
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        if let Ok(event) = event {
            if !event.kind.is_access() {
                let _ = send.send(event.paths);
            }
        }
    })?;
    watcher
        .watch(&args.dir, RecursiveMode::NonRecursive)
        .with_context(|| format!("watching {}", args.dir.display()))?;
    let out_abs = absolute(&out);
    let dir_abs = absolute(&args.dir);
    let ours = |paths: &[PathBuf]| {
        paths.iter().all(|p| {
            let p = absolute(p);
            p.starts_with(&out_abs) || p == dir_abs || p.file_name().is_none()
        })
    };
    while let Ok(paths) = changes.recv() {
        if ours(&paths) {
            continue;
        }
        // Let a burst of changes (an editor's save) settle into one rebuild.
        while changes.recv_timeout(SETTLE).is_ok() {}
        eprintln!("a file changed; rebuilding");
        // A failed build wrote nothing: the previous site stays served.
        let rebuilt = build::run(&build_args).and_then(|code| match code == ExitCode::SUCCESS {
            true => load(&out, &mut compressed, &site),
            false => Ok(()),
        });
        if let Err(e) = rebuilt {
            crate::report::error(&format!("{e:#}"));
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Read the built site into memory, compress what changed, serve it from
/// now on, and say what compression gave.
fn load(out: &Path, compressed: &mut Compressed, site: &Shared) -> Result<()> {
    let started = Instant::now();
    let (snapshot, sizes) = Snapshot::read(out, compressed)?;
    *site.write().unwrap_or_else(|e| e.into_inner()) = Arc::new(snapshot);
    eprintln!(
        "{} file(s) served compressed: {} as they are, {} brotli, {} gzip ({} compressed in {:.1} s)",
        sizes.files,
        build::size(sizes.bytes),
        build::size(sizes.brotli),
        build::size(sizes.gzip),
        sizes.compressed_now,
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// The site as it is now.
fn current(site: &Shared) -> Arc<Snapshot> {
    site.read().unwrap_or_else(|e| e.into_inner()).clone()
}

fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
}

/// Answer one request from `site`.
fn answer(site: &Snapshot, stream: TcpStream) -> std::io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut line = String::new();
    reader.read_line(&mut line)?;
    // Repeated Accept-Encoding headers are one comma-separated list.
    let mut accept: Option<String> = None;
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header)? == 0 || header.trim().is_empty() {
            break;
        }
        if let Some((name, value)) = header.split_once(':') {
            if name.trim().eq_ignore_ascii_case("accept-encoding") {
                let list = accept.get_or_insert_with(String::new);
                if !list.is_empty() {
                    list.push(',');
                }
                list.push_str(value.trim());
            }
        }
    }
    let mut parts = line.split_whitespace();
    let (method, target) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
    let mut stream = stream;
    let not_found = Answer {
        status: "404 Not Found",
        kind: "text/plain; charset=utf-8",
        body: b"not found\n",
        encoding: Encoding::Identity,
        varies: false,
    };
    if method != "GET" && method != "HEAD" {
        let refused = Answer {
            status: "405 Method Not Allowed",
            kind: "text/plain",
            body: b"",
            ..not_found
        };
        return refused.send(&mut stream, method);
    }
    let Some(file) = resolve(target).and_then(|path| site.get(&path)) else {
        return not_found.send(&mut stream, method);
    };
    let encoding = encoding::negotiate(accept.as_deref(), &file.encodings());
    Answer {
        status: "200 OK",
        kind: file.kind,
        body: file.body(encoding),
        encoding,
        varies: file.varies(),
    }
    .send(&mut stream, method)
}

/// A response.
#[derive(Clone, Copy)]
struct Answer<'a> {
    status: &'a str,
    kind: &'a str,
    body: &'a [u8],
    encoding: Encoding,
    /// Whether another Accept-Encoding could get other bytes.
    varies: bool,
}

impl Answer<'_> {
    fn send(self, stream: &mut TcpStream, method: &str) -> std::io::Result<()> {
        let mut head = format!(
            "HTTP/1.1 {}\r\nContent-Type: {}\r\nContent-Length: {}\r\nCache-Control: no-cache\r\nConnection: close\r\n",
            self.status,
            self.kind,
            self.body.len()
        );
        if let Some(coding) = self.encoding.header() {
            head.push_str(&format!("Content-Encoding: {coding}\r\n"));
        }
        if self.varies {
            head.push_str("Vary: Accept-Encoding\r\n");
        }
        head.push_str("\r\n");
        stream.write_all(head.as_bytes())?;
        if method != "HEAD" {
            stream.write_all(self.body)?;
        }
        stream.flush()
    }
}

/// The site path (`a/b.js`, `` for the root) a request target names: the
/// query dropped, `%XX` decoded; `None` for a path that would leave the site.
fn resolve(target: &str) -> Option<String> {
    let path = target.split(['?', '#']).next()?;
    let path = percent_decode(path)?;
    let mut parts: Vec<&str> = Vec::new();
    for component in Path::new(path.trim_start_matches('/')).components() {
        match component {
            Component::Normal(part) => parts.push(part.to_str()?),
            Component::CurDir => {}
            _ => return None,
        }
    }
    Some(parts.join("/"))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_stay_inside_the_site() {
        assert_eq!(resolve("/a%20b.js?v=1").as_deref(), Some("a b.js"));
        assert_eq!(
            resolve("/corpus/./x/head.bin").as_deref(),
            Some("corpus/x/head.bin")
        );
        assert_eq!(resolve("/").as_deref(), Some(""));
        assert_eq!(resolve("/../etc/passwd"), None);
        assert_eq!(resolve("/%2e%2e/x"), None);
        assert_eq!(resolve("/%zz"), None);
    }
}
