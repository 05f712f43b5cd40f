//! Source lines with their 1-based numbers, trimmed, and the small text tests
//! both format readers ask of a line.

/// One source line.
#[derive(Clone, Copy, Debug)]
pub(super) struct Line<'a> {
    /// 1-based line number.
    pub(super) number: u32,
    /// The line without surrounding whitespace (a byte-order mark counts as
    /// whitespace here).
    pub(super) text: &'a str,
}

pub(super) fn split(text: &str) -> Vec<Line<'_>> {
    text.lines()
        .enumerate()
        .map(|(i, l)| Line {
            number: u32::try_from(i + 1).unwrap_or(u32::MAX),
            text: l.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}'),
        })
        .collect()
}

/// Punctuation that ends a sentence or a clause introducing what follows.
fn is_terminal(c: char) -> bool {
    matches!(
        c,
        '。' | '！' | '？' | '!' | '?' | '…' | '：' | ':' | '；' | ';' | '.' | '．'
    )
}

fn is_closing(c: char) -> bool {
    matches!(c, '」' | '』' | '”' | '"' | '’' | '）' | ')' | '》' | '〉')
}

/// Whether text (with its trailing note markers already removed) ends a
/// sentence: terminal punctuation, possibly inside closing quotes.
pub(super) fn ends_sentence(text: &str) -> bool {
    let mut chars = text.trim_end().chars().rev().skip_while(|&c| is_closing(c));
    chars.next().is_some_and(is_terminal)
}

/// A line of only repeated decoration (`.....`, `-----`, `＊＊＊`).
pub(super) fn is_separator(text: &str) -> bool {
    let mut chars = text.chars().filter(|c| !c.is_whitespace());
    let Some(first) = chars.next() else {
        return false;
    };
    matches!(
        first,
        '.' | '-' | '_' | '*' | '=' | '·' | '…' | '＊' | '－' | '—' | '~'
    ) && text.chars().filter(|c| !c.is_whitespace()).count() >= 3
        && chars.all(|c| c == first)
}

/// Parse `YYYY.MM.DD` (also with `-` or `/`) into (year, month, day), checking
/// the calendar.
pub(super) fn parse_date(text: &str) -> Option<(u16, u8, u8)> {
    let parts: Vec<&str> = text.split(['.', '-', '/']).collect();
    let [y, m, d] = parts[..] else { return None };
    if y.len() != 4 || !(1..=2).contains(&m.len()) || !(1..=2).contains(&d.len()) {
        return None;
    }
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if !(all_digits(y) && all_digits(m) && all_digits(d)) {
        return None;
    }
    let (y, m, d): (u16, u8, u8) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    (1..=days).contains(&d).then_some((y, m, d))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentence_ends() {
        assert!(ends_sentence("的策略。"));
        assert!(ends_sentence("稱之為「戰略」。」"));
        assert!(ends_sentence("如下："));
        assert!(!ends_sentence("強化友盟關"));
        assert!(!ends_sentence("7 月 1 日的外交部長會議，"));
        assert!(!ends_sentence("（AUKUS）"));
        assert!(!ends_sentence(""));
    }

    #[test]
    fn separators() {
        assert!(is_separator("....."));
        assert!(is_separator("- - -"));
        assert!(!is_separator(".."));
        assert!(!is_separator("..x.."));
        assert!(!is_separator("- 第一章"));
    }

    #[test]
    fn dates() {
        assert_eq!(parse_date("2025.07.04"), Some((2025, 7, 4)));
        assert_eq!(parse_date("2024/2/29"), Some((2024, 2, 29)));
        assert_eq!(parse_date("2025.02.29"), None);
        assert_eq!(parse_date("2025.13.01"), None);
        assert_eq!(parse_date("454"), None);
        assert_eq!(parse_date("2025.07.04.1"), None);
    }
}
