//! `lattice serve`: started on a free port, it answers over plain TCP with
//! the built files and their types, brotli or gzip as Accept-Encoding
//! allows, nothing outside the site, and a rebuilt site (once) after a
//! paper is added to the folder.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

mod common;
use common::root;

/// The child server, killed however the test ends.
struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// A raw HTTP/1.1 GET: (status line, headers lower-cased, body).
fn get(port: u16, path: &str, headers: &str) -> (String, String, Vec<u8>) {
    request("GET", port, path, headers)
}

/// A raw HTTP/1.1 request.
fn request(method: &str, port: u16, path: &str, headers: &str) -> (String, String, Vec<u8>) {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    write!(
        stream,
        "{method} {path} HTTP/1.1\r\nHost: localhost\r\n{headers}\r\n"
    )
    .unwrap();
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).unwrap();
    let split = raw.windows(4).position(|w| w == b"\r\n\r\n").unwrap();
    let head = String::from_utf8(raw[..split].to_vec()).unwrap();
    let (status, headers) = head.split_once("\r\n").unwrap();
    (
        status.to_string(),
        headers.to_lowercase(),
        raw[split + 4..].to_vec(),
    )
}

/// How many documents the served site.json counts (`None` mid-rebuild).
fn documents(port: u16) -> Option<u64> {
    let (_, _, body) = get(port, "/site.json", "");
    let site: serde_json::Value = serde_json::from_slice(&body).ok()?;
    site["documents"].as_u64()
}

/// The largest file under `dir`, as (path relative to it, bytes).
fn largest(dir: &std::path::Path, base: &std::path::Path) -> (String, Vec<u8>) {
    let mut best = (String::new(), Vec::new());
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        let candidate = if p.is_dir() {
            largest(&p, base)
        } else {
            let rel = p.strip_prefix(base).unwrap().to_string_lossy().into_owned();
            (rel, std::fs::read(&p).unwrap())
        };
        if candidate.1.len() > best.1.len() {
            best = candidate;
        }
    }
    best
}

#[test]
fn serves_the_site_and_rebuilds_when_a_paper_is_added() {
    let base = std::env::temp_dir().join(format!("lattice-serve-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&base);
    let papers = base.join("papers");
    std::fs::create_dir_all(&papers).unwrap();
    let seed = root().join("corpus/quad-foreign-ministers-2025.txt");
    std::fs::copy(&seed, papers.join("a.txt")).unwrap();

    let child = Command::new(env!("CARGO_BIN_EXE_lattice"))
        .args(["serve", "papers", "--port", "0", "--no-app"])
        .current_dir(&base)
        .stderr(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    let mut server = Server(child);
    let stderr = server.0.stderr.take().unwrap();
    let mut lines = BufReader::new(stderr).lines();
    let port: u16 = loop {
        let line = lines.next().expect("serve ended early").unwrap();
        if let Some(rest) = line.split("http://127.0.0.1:").nth(1) {
            break rest
                .trim_end_matches(|c: char| !c.is_ascii_digit())
                .split('/')
                .next()
                .unwrap()
                .parse()
                .unwrap();
        }
    };
    // Keep draining stderr so the server never blocks on a full pipe,
    // counting the rebuilds it announces.
    let rebuilds = Arc::new(AtomicUsize::new(0));
    let counted = rebuilds.clone();
    std::thread::spawn(move || {
        for line in lines.map_while(Result::ok) {
            if line.contains("rebuilding") {
                counted.fetch_add(1, Ordering::SeqCst);
            }
        }
    });

    let (status, headers, _) = get(port, "/site.json", "");
    assert_eq!(status, "HTTP/1.1 200 OK");
    assert!(
        headers.contains("content-type: application/json"),
        "{headers}"
    );
    assert_eq!(documents(port), Some(1));

    let site = papers.join("site");
    let (path, bytes) = largest(&site, &site);
    let url = format!("/{path}");
    let ask = |accept: &str| get(port, &url, &format!("Accept-Encoding: {accept}\r\n"));
    let decoded = |encoding: &str, body: &[u8]| {
        let mut plain = Vec::new();
        match encoding {
            "br" => brotli::Decompressor::new(body, 4096).read_to_end(&mut plain),
            "gzip" => flate2::read::GzDecoder::new(body).read_to_end(&mut plain),
            other => panic!("unexpected encoding {other}"),
        }
        .unwrap();
        plain
    };
    // Brotli when the browser takes it and nothing else.
    let (status, headers, brotli) = ask("br");
    assert_eq!(status, "HTTP/1.1 200 OK");
    assert!(
        headers.contains("content-encoding: br"),
        "{path}: {headers}"
    );
    assert!(headers.contains("vary: accept-encoding"), "{headers}");
    assert!(
        headers.contains(&format!("content-length: {}", brotli.len())),
        "{headers}"
    );
    assert_eq!(decoded("br", &brotli), bytes);
    // HEAD: the same headers, no body.
    let (status, head_headers, body) = request("HEAD", port, &url, "Accept-Encoding: br\r\n");
    assert_eq!(status, "HTTP/1.1 200 OK");
    assert_eq!(head_headers, headers);
    assert!(body.is_empty());
    // Gzip when brotli is not accepted, or refused with q=0.
    for accept in ["gzip", "br;q=0, gzip"] {
        let (_, headers, gzip) = ask(accept);
        assert!(
            headers.contains("content-encoding: gzip"),
            "{accept}: {headers}"
        );
        assert_eq!(decoded("gzip", &gzip), bytes);
    }
    let (_, _, gzip) = ask("gzip");
    eprintln!(
        "{path}: {} bytes, brotli {}, gzip {}",
        bytes.len(),
        brotli.len(),
        gzip.len()
    );
    assert!(brotli.len() < bytes.len() && gzip.len() < bytes.len());
    // Both accepted, as browsers ask: brotli, unless gzip came out smaller.
    let (_, headers, both) = ask("gzip, deflate, br, zstd");
    let encoding = if brotli.len() <= gzip.len() {
        "br"
    } else {
        "gzip"
    };
    assert!(
        headers.contains(&format!("content-encoding: {encoding}")),
        "{headers}"
    );
    assert_eq!(decoded(encoding, &both), bytes);
    // The file as it is for identity, and without the header at all; the
    // answer still varies with Accept-Encoding.
    for header in ["Accept-Encoding: identity\r\n", ""] {
        let (_, headers, body) = get(port, &url, header);
        assert!(!headers.contains("content-encoding"), "{headers}");
        assert!(headers.contains("vary: accept-encoding"), "{headers}");
        assert_eq!(body, bytes);
    }
    assert!(get(port, "/../papers/a.txt", "").0.contains("404"));
    assert!(get(port, "/nothing-here.js", "").0.contains("404"));

    // A second paper: the site is rebuilt with it.
    std::fs::copy(
        root().join("corpus/indo-pacific-minilateralism.txt"),
        papers.join("b.txt"),
    )
    .unwrap();
    let deadline = Instant::now() + Duration::from_secs(30);
    while documents(port) != Some(2) {
        assert!(Instant::now() < deadline, "no rebuild within 30 s");
        std::thread::sleep(Duration::from_millis(200));
    }
    // One change, one rebuild: the build's own reading of the folder and
    // writing of the site start no other.
    std::thread::sleep(Duration::from_secs(3));
    assert_eq!(rebuilds.load(Ordering::SeqCst), 1);
    drop(server);
    std::fs::remove_dir_all(&base).unwrap();
}
