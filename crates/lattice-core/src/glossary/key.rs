//! When two spellings are one form: the comparison key the glossary merges
//! pairs by and [`Glossary::find`](super::Glossary::find) looks terms up
//! by, at build time and in the browser alike.

use crate::fold::fold;
use crate::script::is_han;

/// The comparison key of a form: folded, punctuation and spacing dropped to
/// single spaces between Latin words, a leading `the` dropped.
pub(crate) fn form_key(s: &str) -> String {
    let mut out = String::new();
    let mut space = false;
    for c in fold(s).chars() {
        if c.is_alphanumeric() || is_han(c) {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(c);
        } else {
            space = true;
        }
    }
    match out.strip_prefix("the ") {
        Some(rest) => rest.to_string(),
        None => out,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_fold_punctuation_case_and_the() {
        assert_eq!(
            form_key("The Quad Foreign Ministers’ Meeting"),
            form_key("quad foreign ministers' meeting")
        );
        assert_eq!(form_key("U.S. Coast Guard"), "u s coast guard");
        assert_eq!(form_key("盧比歐"), form_key("卢比欧"));
        assert_eq!(form_key("「四方安全對話」"), form_key("四方安全对话"));
    }
}
