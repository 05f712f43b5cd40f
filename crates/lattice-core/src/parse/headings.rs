//! How the book format numbers its parts and sections (`PART 1`, `壹、`,
//! `一、`, `（一）`): asked both by format detection and by the book reader,
//! so neither depends on the other.

/// Level of a section heading: `壹、` 1, `一、` 2, `（一）` 3.
pub(super) fn heading_level(t: &str) -> Option<u8> {
    if t.chars().count() > 50 || t.ends_with('。') {
        return None;
    }
    let numeral_then = |set: &str, after: char| {
        let n = t.chars().take_while(|c| set.contains(*c)).count();
        n > 0 && t.chars().nth(n) == Some(after) && t.chars().count() > n + 1
    };
    const CAPITAL: &str = "壹貳參肆伍陸柒捌玖拾";
    const SMALL: &str = "一二三四五六七八九十";
    if numeral_then(CAPITAL, '、') {
        return Some(1);
    }
    if numeral_then(SMALL, '、') {
        return Some(2);
    }
    for (open, close) in [('（', '）'), ('(', ')')] {
        if let Some(rest) = t.strip_prefix(open) {
            let n = rest.chars().take_while(|c| SMALL.contains(*c)).count();
            if n > 0 && rest.chars().nth(n) == Some(close) && rest.chars().count() > n + 1 {
                return Some(3);
            }
        }
    }
    None
}

/// `PART 1`, `Part II`, `第一篇`.
pub(super) fn is_part_header(t: &str) -> bool {
    let upper = t.to_ascii_uppercase();
    if let Some(rest) = upper.strip_prefix("PART") {
        let rest = rest.trim();
        return !rest.is_empty()
            && rest.len() <= 6
            && rest
                .chars()
                .all(|c| c.is_ascii_digit() || "IVXLC".contains(c));
    }
    t.starts_with('第') && t.ends_with('篇') && t.chars().count() <= 6
}
