//! A realistic synthetic archive: web analyses whose paragraphs are drawn,
//! sentence by sentence, from the real corpus ([`super::pool`]), with varied
//! titles, authors, dates, views, keywords and notes. Deterministic: the same
//! source, size and seed give the same archive on every machine, and
//! document `i` does not depend on the archive's size, so a smaller archive
//! is a prefix of a larger one.
//!
//! Generated as source text and parsed by the real parser, so what the
//! in-memory [`archive`] returns is exactly what the app build or the CLI
//! reads back from a folder written by [`write_archive`].

use super::pool::{Piece, Pool};
use super::rng::Rng;
use crate::model::Document;
use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::Path;

/// The seed benchmarks and tests use unless they need another archive.
pub const DEFAULT_SEED: u64 = 0x1a77_1ce5;

/// One generated source file: its file name (`archive-000042.txt`, whose
/// document id is `archive-000042`) and its text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceFile {
    /// The file name, without a folder.
    pub name: String,
    /// The whole file.
    pub text: String,
}

/// A generator of archive documents from one source corpus and seed; use it
/// to produce documents one at a time (e.g. to write 50,000 without holding
/// them all).
#[derive(Debug)]
pub struct Archive {
    pool: Pool,
    seed: u64,
}

const SURNAMES: &[char] = &[
    '林', '陳', '李', '王', '張', '黃', '吳', '劉', '蔡', '楊', '許', '鄭', '謝', '郭', '洪', '曾',
    '詹', '周', '蘇', '葉',
];
const GIVEN: &[char] = &[
    '俊', '毅', '柏', '州', '祥', '威', '敏', '禎', '志', '明', '怡', '君', '家', '豪', '雅', '婷',
    '冠', '宇', '文', '傑', '佩', '珊', '建', '宏', '淑', '芬', '承', '翰', '思', '瑜',
];
const INSTITUTES: &[&str] = &[
    "國家安全研究所",
    "中共政軍與作戰概念研究所",
    "國防戰略與資源研究所",
    "網路安全與決策推演研究所",
    "非傳統安全研究所",
];
const RANKS: &[&str] = &["研究員", "副研究員", "助理研究員", "博士後研究員"];
/// Scraped page furniture some real pages end with (the parser sets it aside).
const FURNITURE: &str = "行動版選單開關";

impl Archive {
    /// A generator drawing on `source`; `None` when the source has no
    /// sentence usable as body text (an archive needs at least one).
    pub fn new(source: &[Document], seed: u64) -> Option<Self> {
        let pool = Pool::new(source);
        (!pool.sentences.is_empty()).then_some(Archive { pool, seed })
    }

    /// The file name of document `i`.
    pub fn name(i: usize) -> String {
        format!("archive-{i:06}.txt")
    }

    /// Source file `i` of the archive.
    pub fn file(&self, i: usize) -> SourceFile {
        let mut rng = Rng::new(self.seed, i as u64);
        SourceFile {
            name: Self::name(i),
            text: self.text(&mut rng),
        }
    }

    /// Document `i`, parsed from [`Archive::file`].
    pub fn document(&self, i: usize) -> Document {
        let f = self.file(i);
        crate::parse::parse(&f.name, &f.text)
    }

    fn text(&self, rng: &mut Rng) -> String {
        let p = &self.pool;
        let mut out = String::with_capacity(8 * 1024);
        let title = self.title(rng);
        let authors: Vec<String> = (0..rng.between(1, 3)).map(|_| name(rng)).collect();
        let (year, month, day) = (
            rng.between(2015, 2026),
            rng.between(1, 12),
            rng.between(1, 28),
        );

        let _ = writeln!(out, "{}", rng.pick(&p.categories));
        let _ = writeln!(out, "{title}");
        let _ = writeln!(out, "瀏覽數\n{}", rng.between(20, 9_000));
        let _ = writeln!(out, "{year}.{month:02}.{day:02}");
        let _ = writeln!(out, "作者\n{}", authors.join("、"));
        let _ = writeln!(
            out,
            "{} {} {}",
            rng.pick(INSTITUTES),
            authors[0],
            rng.pick(RANKS)
        );
        let _ = writeln!(out, "\n{title}\n");
        if !p.keywords.is_empty() {
            let mut keywords: Vec<&str> = Vec::new();
            for _ in 0..rng.between(2, 4) {
                let k = rng.pick(&p.keywords).as_str();
                if !keywords.contains(&k) {
                    keywords.push(k);
                }
            }
            let _ = writeln!(out, "關鍵字:{}", keywords.join("、"));
        }
        if !p.disclaimers.is_empty() {
            let _ = writeln!(out, "({})", rng.pick(&p.disclaimers));
        }
        out.push('\n');

        // Notes are numbered in order of first citation; a note cited again
        // keeps its number.
        let mut numbers: HashMap<usize, usize> = HashMap::new();
        let mut notes: Vec<usize> = Vec::new();
        let lead = rng.between(1, 2);
        for _ in 0..lead {
            self.paragraph(rng, &mut out, &mut numbers, &mut notes);
        }
        for _ in 0..rng.between(1, 4) {
            if !p.headings.is_empty() {
                let _ = writeln!(out, "\n{}\n", rng.pick(&p.headings));
            }
            for _ in 0..rng.between(1, 4) {
                self.paragraph(rng, &mut out, &mut numbers, &mut notes);
            }
        }
        out.push('\n');
        for (k, &note) in notes.iter().enumerate() {
            let _ = writeln!(out, "[{}] {}", k + 1, p.notes[note]);
        }
        if rng.below(2) == 0 {
            let _ = writeln!(out, "{FURNITURE}");
        }
        out
    }

    fn paragraph(
        &self,
        rng: &mut Rng,
        out: &mut String,
        numbers: &mut HashMap<usize, usize>,
        notes: &mut Vec<usize>,
    ) {
        let start = out.len();
        for _ in 0..rng.between(1, 4) {
            for piece in rng.pick(&self.pool.sentences) {
                match piece {
                    Piece::Text(t) => out.push_str(t),
                    Piece::Note(n) => {
                        let next = notes.len() + 1;
                        let k = *numbers.entry(*n).or_insert(next);
                        if k == next {
                            notes.push(*n);
                        }
                        let _ = write!(out, "[{k}]");
                    }
                }
            }
        }
        // The parser trims lines; so does the generator, so every paragraph
        // reads back exactly as written.
        let trimmed = out[start..].trim().to_string();
        out.truncate(start);
        out.push_str(&trimmed);
        out.push_str("\n\n");
    }

    /// A keyword and a heading of the pool (`K：H`, `H：K`), two keywords
    /// (`K與K`), or a sentence's first clause when the pool has neither.
    fn title(&self, rng: &mut Rng) -> String {
        let (k, h) = (&self.pool.keywords, &self.pool.headings);
        match (k.is_empty(), h.is_empty(), rng.below(3)) {
            (false, false, 0) => format!("{}：{}", rng.pick(k), rng.pick(h)),
            (false, false, 1) => format!("{}：{}", rng.pick(h), rng.pick(k)),
            (false, _, _) if k.len() >= 2 => {
                let a = rng.below(k.len());
                let b = (a + 1 + rng.below(k.len() - 1)) % k.len();
                format!("{}與{}", k[a], k[b])
            }
            (_, false, _) => rng.pick(h).clone(),
            _ => {
                // The pool keeps only sentences that start with text.
                let t = match rng.pick(&self.pool.sentences).first() {
                    Some(Piece::Text(t)) => t.as_str(),
                    _ => "",
                };
                let clause = t.split(['，', ',', '。', '；', '、']).next().unwrap_or(t);
                clause.trim().chars().take(30).collect()
            }
        }
    }
}

/// A Chinese name: a surname and one or two given-name characters.
fn name(rng: &mut Rng) -> String {
    let mut s = String::new();
    s.push(*rng.pick(SURNAMES));
    for _ in 0..rng.between(1, 2) {
        s.push(*rng.pick(GIVEN));
    }
    s
}

/// The first `n` source files of the archive drawn from `source` with `seed`
/// (empty when the source has no usable sentence).
pub fn archive_files(source: &[Document], n: usize, seed: u64) -> Vec<SourceFile> {
    match Archive::new(source, seed) {
        Some(a) => (0..n).map(|i| a.file(i)).collect(),
        None => Vec::new(),
    }
}

/// The first `n` documents of the archive drawn from `source` with `seed`,
/// parsed (ids `archive-000000` …; empty when the source has no usable
/// sentence). Each document's `source` is its bare file name.
pub fn archive(source: &[Document], n: usize, seed: u64) -> Vec<Document> {
    match Archive::new(source, seed) {
        Some(a) => (0..n).map(|i| a.document(i)).collect(),
        None => Vec::new(),
    }
}

/// Write the first `n` files of the archive into `dir` (created if missing),
/// one `.txt` each, a corpus folder for `LATTICE_CORPUS=DIR` or `lattice
/// --corpus DIR`. Returns how many files were written (0 when the source has
/// no usable sentence). No glossary.toml is written: the folder's glossary
/// is the extracted one.
pub fn write_archive(
    source: &[Document],
    n: usize,
    seed: u64,
    dir: &Path,
) -> std::io::Result<usize> {
    let Some(a) = Archive::new(source, seed) else {
        return Ok(0);
    };
    std::fs::create_dir_all(dir)?;
    for i in 0..n {
        let f = a.file(i);
        std::fs::write(dir.join(&f.name), f.text)?;
    }
    Ok(n)
}
