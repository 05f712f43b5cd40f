//! Content negotiation for `lattice serve`: which form of a file a request's
//! `Accept-Encoding` allows — brotli preferred over gzip, gzip over the
//! file as it is — with the q-values of RFC 9110 §12.5.3 (`br;q=0` refuses
//! brotli, `*` stands for what the header does not name).

/// A form a site file is served in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Encoding {
    Brotli,
    Gzip,
    Identity,
}

impl Encoding {
    /// The `Content-Encoding` value; `None` for the file as it is.
    pub(crate) fn header(self) -> Option<&'static str> {
        match self {
            Encoding::Brotli => Some("br"),
            Encoding::Gzip => Some("gzip"),
            Encoding::Identity => None,
        }
    }

    /// The names a request may give this encoding by.
    fn names(self) -> &'static [&'static str] {
        match self {
            Encoding::Brotli => &["br"],
            Encoding::Gzip => &["gzip", "x-gzip"],
            Encoding::Identity => &["identity"],
        }
    }
}

/// The encoding to answer with, of those `available` (in order of
/// preference): the one the request weighs highest, the earlier on a tie
/// (identity competes only when the request names it, itself or by `*`).
/// Without an `Accept-Encoding` header, or when the header refuses every
/// encoding we have, the file as it is (a browser can always read that).
pub(crate) fn negotiate(accept: Option<&str>, available: &[Encoding]) -> Encoding {
    let Some(accept) = accept else {
        return Encoding::Identity;
    };
    let weights: Vec<(String, f32)> = accept.split(',').filter_map(weighed).collect();
    let weight = |e: Encoding| {
        let named = weights
            .iter()
            .find(|(name, _)| e.names().contains(&name.as_str()));
        let any = weights.iter().find(|(name, _)| name == "*");
        match (named, any) {
            (Some(&(_, q)), _) | (None, Some(&(_, q))) => q,
            // Unnamed, identity is the fallback below; a coding is refused.
            (None, None) => 0.0,
        }
    };
    let mut best = (Encoding::Identity, 0.0);
    for &e in available.iter().chain([&Encoding::Identity]) {
        let q = weight(e);
        if q > best.1 {
            best = (e, q);
        }
    }
    best.0
}

/// One `coding;q=…` entry, lower-cased; `None` if its q-value is malformed.
fn weighed(entry: &str) -> Option<(String, f32)> {
    let mut parts = entry.split(';');
    let name = parts.next()?.trim().to_ascii_lowercase();
    if name.is_empty() {
        return None;
    }
    let mut q = 1.0;
    for param in parts {
        if let Some((key, value)) = param.split_once('=') {
            if key.trim().eq_ignore_ascii_case("q") {
                q = value
                    .trim()
                    .parse::<f32>()
                    .ok()
                    .filter(|q| (0.0..=1.0).contains(q))?;
            }
        }
    }
    Some((name, q))
}

#[cfg(test)]
mod tests {
    use super::*;
    use Encoding::*;

    const BOTH: &[Encoding] = &[Brotli, Gzip];

    /// Each Accept-Encoding and the answer it gets when both forms exist.
    fn answers(cases: &[(&str, Encoding)]) {
        for &(accept, want) in cases {
            assert_eq!(negotiate(Some(accept), BOTH), want, "{accept}");
        }
    }

    #[test]
    fn brotli_is_preferred_when_both_are_accepted() {
        answers(&[
            ("gzip, deflate, br, zstd", Brotli),
            ("br", Brotli),
            ("gzip", Gzip),
            ("GZip;Q=0.5", Gzip),
            ("*", Brotli),
        ]);
    }

    #[test]
    fn q_values_weigh_and_refuse() {
        answers(&[
            ("br;q=0, gzip", Gzip),
            ("br;q=0.2, gzip;q=0.8", Gzip),
            ("*;q=0, gzip", Gzip),
            ("identity", Identity),
            ("identity, gzip;q=0.5", Identity),
            ("deflate", Identity),
            ("", Identity),
            // A malformed q-value drops its entry, not the header.
            ("br;q=x, gzip", Gzip),
            ("br;q=2, gzip", Gzip),
        ]);
    }

    #[test]
    fn without_the_header_or_a_compressed_form_the_file_goes_as_it_is() {
        assert_eq!(negotiate(None, BOTH), Identity);
        assert_eq!(negotiate(Some("br, gzip"), &[]), Identity);
        assert_eq!(negotiate(Some("br"), &[Gzip]), Identity);
        // Everything refused: still the file as it is, rather than nothing.
        assert_eq!(negotiate(Some("*;q=0"), BOTH), Identity);
    }
}
