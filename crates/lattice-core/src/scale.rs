//! Synthetic corpora made from the real documents, for measuring how costs
//! grow with corpus size (benchmarks, the performance script). Each copy is
//! a whole document under a new id, so it parses, searches and renders like
//! the original.

use crate::model::Document;

/// `factor` copies of every document (the originals first, unchanged).
pub fn replicate(documents: &[Document], factor: usize) -> Vec<Document> {
    let mut out = Vec::with_capacity(documents.len() * factor);
    for n in 0..factor {
        for d in documents {
            let mut copy = d.clone();
            if n > 0 {
                copy.id = format!("{}-copy{n}", d.id);
                copy.meta.title = format!("{} ({n})", d.meta.title);
            }
            out.push(copy);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn copies_have_unique_ids() {
        let d = crate::parse::parse(
            "a.txt",
            "國際情勢\n標題\n瀏覽數\n1\n2025.01.01\n作者\n甲\n\n第一段。\n",
        );
        let docs = super::replicate(&[d], 10);
        let mut ids: Vec<&str> = docs.iter().map(|d| d.id.as_str()).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), 10);
    }
}
